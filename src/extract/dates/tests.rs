//! Unit tests on the seams between tokenizer, grammar and resolution. The forms
//! themselves are tested in `tests/dates_forms.rs`.

use super::*;

fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, dd).unwrap()
}

fn show(text: &str, anchor: Option<NaiveDate>) -> Vec<String> {
    find_dates(text, anchor)
        .iter()
        .map(|e| {
            format!(
                "{:?} {:?}..{:?} {:?} {:?}",
                &text[e.start..e.end],
                e.value.start,
                e.value.end,
                e.value.precision,
                e.value.how
            )
        })
        .collect()
}

#[test]
fn debug_dump() {
    let a = Some(d(2026, 2, 3));
    for s in [
        "Russian drones struck a hospital on February 1, and on February 4 and 5 talks.",
        "between January 27 and February 3, in late December 2025, the night of January 31 to February 1",
    ] {
        eprintln!("{s}\n  {:#?}", show(s, a));
    }
}

#[test]
#[ignore]
fn dump_seeds() {
    for entry in std::fs::read_dir("seeds").unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let anchor =
            text.lines().find_map(|l| l.strip_prefix("date: ")).and_then(parse_explicit_date).or(Some(d(2026, 2, 3)));
        println!("=== {} anchor {anchor:?}", path.display());
        for e in find_dates(&text, anchor) {
            let lo = text[..e.start].char_indices().rev().nth(30).map_or(0, |(i, _)| i);
            let hi = text[e.end..].char_indices().nth(30).map_or(text.len(), |(i, _)| e.end + i);
            println!(
                "{:>40} [{}] {:<30} {:?}..{:?} {:?} {:?}",
                text[lo..e.start].replace('\n', " "),
                &text[e.start..e.end],
                text[e.end..hi].replace('\n', " "),
                e.value.start,
                e.value.end,
                e.value.precision,
                e.value.how
            );
        }
    }
}
