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
fn precheck_rejects_text_without_triggers() {
    assert!(!may_hold_dates(
        "Russian forces struck Kharkiv with drones."
    ));
    assert!(may_hold_dates("Drones struck 3 towns."));
    assert!(may_hold_dates("Drones struck YESTERDAY."));
    assert!(may_hold_dates("in FEBRUARY"));
    assert!(find_dates("Russian forces struck Kharkiv with drones.", None).is_empty());
}

#[test]
fn buffer_reuse_between_long_and_short_texts() {
    let a = Some(d(2026, 2, 3));
    let long = "On February 1 drones hit Sumy. ".repeat(5000);
    assert_eq!(find_dates(&long, a).len(), 5000);
    assert_eq!(
        show("Sirens sounded yesterday.", a),
        vec!["\"yesterday\" Some(2026-02-02)..Some(2026-02-02) Day Relative"]
    );
}

#[test]
#[ignore]
fn dump_seeds() {
    for entry in std::fs::read_dir("seeds").unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let anchor = text
            .lines()
            .find_map(|l| l.strip_prefix("date: "))
            .and_then(parse_explicit_date)
            .or(Some(d(2026, 2, 3)));
        println!("=== {} anchor {anchor:?}", path.display());
        for e in find_dates(&text, anchor) {
            let lo = text[..e.start]
                .char_indices()
                .rev()
                .nth(30)
                .map_or(0, |(i, _)| i);
            let hi = text[e.end..]
                .char_indices()
                .nth(30)
                .map_or(text.len(), |(i, _)| e.end + i);
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

#[test]
#[ignore]
fn bench_stages() {
    let mut text = String::new();
    for entry in std::fs::read_dir("seeds").unwrap() {
        text.push_str(&std::fs::read_to_string(entry.unwrap().path()).unwrap());
    }
    let sentences: Vec<&str> = text.split_inclusive(['.', '\n']).collect();
    let reps = 60_000_000 / text.len();
    let mb = (text.len() * reps) as f64 / 1e6;
    let t = Cpu::now();
    let mut n = 0;
    for _ in 0..reps {
        for s in &sentences {
            n += may_hold_dates(s) as usize;
        }
    }
    println!("precheck: {:.0} MB/s ({n})", mb / t.secs());
    let t = Cpu::now();
    let mut toks = Vec::new();
    for _ in 0..reps {
        for s in &sentences {
            toks.clear();
            lex::tokenize(s, &mut toks);
            n += toks.len();
        }
    }
    println!("tokenize: {:.0} MB/s ({n})", mb / t.secs());
    let t = Cpu::now();
    for _ in 0..reps {
        for s in &sentences {
            toks.clear();
            lex::tokenize(s, &mut toks);
            let p = grammar::P { text: s, t: &toks };
            for i in 0..toks.len() {
                n += p.parse_at(i).is_some() as usize;
            }
        }
    }
    println!(
        "tokenize+parse every token: {:.0} MB/s ({n})",
        mb / t.secs()
    );
    let t = Cpu::now();
    let a = Some(d(2026, 2, 3));
    for _ in 0..reps {
        for s in &sentences {
            n += find_dates(s, a).len();
        }
    }
    println!("find_dates per sentence: {:.0} MB/s ({n})", mb / t.secs());
    let t = Cpu::now();
    for _ in 0..reps {
        n += find_dates(&text, a).len();
    }
    println!("find_dates whole text: {:.0} MB/s ({n})", mb / t.secs());
}

/// Process CPU time (user + system) from /proc, so a busy machine does not skew the
/// numbers; 10 ms resolution.
struct Cpu(f64);

impl Cpu {
    fn read() -> f64 {
        let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
        let after = stat.rsplit_once(')').map_or("", |(_, r)| r);
        let f: Vec<f64> = after
            .split_whitespace()
            .map(|x| x.parse().unwrap_or(0.0))
            .collect();
        // Fields 14 and 15 (utime, stime) are at 11 and 12 after the command name.
        (f.get(11).unwrap_or(&0.0) + f.get(12).unwrap_or(&0.0)) / 100.0
    }
    fn now() -> Cpu {
        Cpu(Cpu::read())
    }
    fn secs(&self) -> f64 {
        (Cpu::read() - self.0).max(0.01)
    }
}
