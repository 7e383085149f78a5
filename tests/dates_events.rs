//! How event extraction uses the dates: sentences written for these tests, through the
//! whole extractor.

use chrono::NaiveDate;
use sitrep::extract::{self, EventKind, Precision, fixture::article_from_text};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// The events of `kind` in one article published on `published`: date, end, precision,
/// killed.
fn events(text: &str, published: &str, kind: EventKind) -> Vec<(Option<NaiveDate>, Option<NaiveDate>, Precision)> {
    let a = article_from_text("t.txt", text, Some(d(published)));
    let ex = extract::run(std::slice::from_ref(&a));
    ex.events.iter().filter(|e| e.kind == kind).map(|e| (e.date.start, e.date.end, e.date.precision)).collect()
}

#[test]
fn a_night_and_a_day_in_it_are_one_strike_on_that_day() {
    // Published Thursday 12 March 2026.
    let text = "Russian drones struck Chernihiv on the night of March 11 to 12, the governor said.\n\
                The strike on Chernihiv began in the early hours of Thursday, he added.";
    assert_eq!(
        events(text, "2026-03-12", EventKind::Strike),
        vec![(Some(d("2026-03-12")), Some(d("2026-03-12")), Precision::Day)]
    );
}

#[test]
fn a_night_and_a_day_outside_it_stay_two_strikes() {
    let text = "Russian drones struck Chernihiv on the night of March 11 to 12, the governor said.\n\
                Drones struck Chernihiv again on March 9, he added.";
    assert_eq!(
        events(text, "2026-03-12", EventKind::Strike),
        vec![
            (Some(d("2026-03-11")), Some(d("2026-03-12")), Precision::Range),
            (Some(d("2026-03-09")), Some(d("2026-03-09")), Precision::Day)
        ]
    );
}

#[test]
fn an_undated_night_is_the_night_before_publication() {
    let text = "Russian drones struck Chernihiv overnight, the governor said.";
    assert_eq!(
        events(text, "2026-03-12", EventKind::Strike),
        vec![(Some(d("2026-03-11")), Some(d("2026-03-12")), Precision::Range)]
    );
    // A later sentence that names the day pins it.
    let text = "Russian drones struck Chernihiv overnight, the governor said.\n\
                The strike on Chernihiv began in the early hours of Thursday, he added.";
    assert_eq!(
        events(text, "2026-03-12", EventKind::Strike),
        vec![(Some(d("2026-03-12")), Some(d("2026-03-12")), Precision::Day)]
    );
}
