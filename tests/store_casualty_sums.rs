//! Casualty sums over a day, a span of days or a bucket of the timeline are wider than one
//! event's count: two events of 3,000,000,000 and 1,294,967,297 killed on one day are
//! 4,294,967,297, not 1 (nor a panic in a checked build).

#[path = "support/demo.rs"]
mod demo;
#[path = "support/harness.rs"]
mod harness;

use demo::{Builder, Ev};
use harness::Harness;
use sitrep::extract::EventKind;
use sitrep::store::Store;
use sitrep::store::search::{DayCount, Histogram};

const BIG: u32 = 3_000_000_000;
const REST: u32 = 1_294_967_297;
const SUM: u64 = BIG as u64 + REST as u64;

fn day(s: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// Two events on Monday 2 February whose counts add up past `u32::MAX`, and one the next day.
fn huge_day() -> Store {
    let mut b = Builder::new();
    let s1 = "A strike on Kyiv killed three billion people.";
    let s2 = "Another strike on Kyiv killed over a billion.";
    let s3 = "A strike on Kyiv the next day killed five.";
    let a = b.article("Huge", None, None, Some("2026-02-03"), &[s1, s2, s3]);
    for (s, date, n) in [(s1, "2026-02-02", BIG), (s2, "2026-02-02", REST), (s3, "2026-02-03", 5)] {
        let ev = Ev {
            kind: Some(EventKind::Strike),
            sentence: s,
            date: Some(date),
            place: &["Kyiv", "Ukraine"],
            killed: Some(n),
            injured: Some(n),
            ..Ev::default()
        };
        b.event(a, ev);
    }
    b.build()
}

#[test]
fn a_days_casualties_sum_past_u32() {
    let s = huge_day();
    let hits = s.query_str("").unwrap().hits;
    let h = Histogram::build(&s, &hits);
    let d1 = h.day(day("2026-02-02"));
    assert_eq!(d1.total(), 2);
    assert_eq!(d1.killed, SUM);
    assert_eq!(d1.injured, SUM);
    // adding days (a span, a week, the parallel count's chunks)
    let mut both = DayCount::default();
    both.add(&d1);
    both.add(&h.day(day("2026-02-03")));
    assert_eq!(both.killed, SUM + 5);
    assert_eq!(both.injured, SUM + 5);
}

#[test]
fn the_timeline_shows_the_whole_sum() {
    let mut h = Harness::new(huge_day(), 120, 40);
    h.key("1"); // the timeline; the cursor starts on the last day
    h.key("h");
    let screen = h.screen();
    assert!(screen.contains(&format!("{SUM} killed · {SUM} injured")), "{screen}");
    // a span of both days, and the week they are in
    h.keys("space l");
    let screen = h.screen();
    assert!(screen.contains(&format!("{} killed", SUM + 5)), "{screen}");
    h.keys("esc -");
    let screen = h.screen();
    assert!(screen.contains(&format!("{} killed", SUM + 5)), "{screen}");
}
