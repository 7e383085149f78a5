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
    assert!(!may_hold_dates("Russian forces struck Kharkiv with drones."));
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
    println!("tokenize+parse every token: {:.0} MB/s ({n})", mb / t.secs());
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
        let f: Vec<f64> = after.split_whitespace().map(|x| x.parse().unwrap_or(0.0)).collect();
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

#[test]
#[ignore]
fn dump_tricky() {
    let a = Some(d(2026, 2, 3));
    for s in [
        "The Su-34 and F-16 jets, 155mm shells and 2,500 km of front; 1,000 drones in 24 hours.",
        "Zelensky met Trump at the UN General Assembly in September, then in the Oval Office.",
        "On 24 February 2022 Russia invaded; by March 2022 it had withdrawn from Kyiv.",
        "The 2014 annexation of Crimea and the 2008 war in Georgia preceded it.",
        "Kyiv (AP) — Russia fired 40 missiles overnight Tuesday into Wednesday.",
        "Russian strikes on Tuesday night killed 3; on Wednesday morning sirens sounded again.",
        "He said talks would happen 'in a week or two' and that March was too late.",
        "Casualties: 12 killed, 45 injured. Resolution 2202 (2015) was cited.",
        "Published 3 hours ago. Updated: 10:42 GMT, 3 Feb 2026.",
        "April 2026 is when the deal expires, per the May 2025 memorandum.",
        "Between 5 and 10 people died. From 3 to 4 brigades were moved.",
        "Between 2 and 3 February, drones hit Odesa; from 10 to 12 February, Kharkiv.",
        "The 93rd brigade, the 3rd Assault Brigade and the 47th held the line.",
        "In the first 24 hours, 300 drones; in the first week, 1,200.",
        "Operations since the summer of 2023 and in autumn.",
        "He served 2 years in prison; 1941-1945 war memorials; the 1990-91 crisis.",
        "Winter is coming, officials warned, as spring rains turned fields to mud.",
        "Trump said on Truth Social that he would meet Putin next Friday or the Friday after.",
        "The mid-term elections and the late-night session ended at midnight.",
        "Page 2 of 4. Figure 3. Table 2026. Vol. 12, No. 3, March-April 2025.",
        "Ukraine's Independence Day, August 24, and Defenders Day, October 1.",
        "As of 8 a.m., 15 people were missing. As of today, the toll is 20.",
        "The conflict, now in its fourth year, began in 2014.",
        "Sat., Feb. 7, 2026; Mon Feb 2 2026; 2 Feb, 2026.",
    ] {
        println!("{s}\n    {:?}", show(s, a));
    }
}

#[test]
fn every_word_that_can_carry_a_date_passes_the_precheck() {
    let triggers = trigger_words();
    assert!(triggers.contains(&"day") && !triggers.contains(&"monday"), "{triggers:?}");
    assert!(triggers.iter().all(|t| triggers.iter().all(|o| o == t || !t.contains(o))), "{triggers:?}");
    for (w, c) in lex::words() {
        let carries = match c {
            lex::Cls::Month(_) | lex::Cls::Wd(_) => true,
            lex::Cls::Season(s) => *s != lex::Season::Fall,
            lex::Cls::Kw(k) => HEAD_KWS.contains(k),
            _ => false,
        };
        if carries {
            assert!(may_hold_dates(&format!("on {}", w.to_ascii_uppercase())), "{w}");
        }
    }
    for s in ["The fall of the city", "Forces held the line at the river", "SINCE THEN"] {
        assert!(!may_hold_dates(s), "{s}");
    }
}
