//! Property tests: `find_dates` never panics, its ranges are ordered, non-overlapping
//! char boundaries inside the text, and its values keep their shape.

use chrono::NaiveDate;
use proptest::prelude::*;
use sitrep::extract::Precision;
use sitrep::extract::dates::{Bound, find_dates, parse_explicit_date};

/// Text built from date-like pieces, so the grammar is exercised, not just the pre-check.
fn datey() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("January".to_string()),
        Just("Feb.".to_string()),
        Just("May".to_string()),
        Just("Monday".to_string()),
        Just("the night of".to_string()),
        Just("between".to_string()),
        Just("and".to_string()),
        Just("to".to_string()),
        Just("since".to_string()),
        Just("early".to_string()),
        Just("mid-".to_string()),
        Just("last".to_string()),
        Just("past".to_string()),
        Just("24 hours".to_string()),
        Just("week".to_string()),
        Just("ago".to_string()),
        Just("winter".to_string()),
        Just("Tuesday".to_string()),
        Just("of the previous week".to_string()),
        Just("the beginning of".to_string()),
        Just("day".to_string()),
        Just("overnight".to_string()),
        Just("by".to_string()),
        Just("the".to_string()),
        Just("Yalta conference".to_string()),
        Just("invasion".to_string()),
        Just(",".to_string()),
        Just("-".to_string()),
        Just("–".to_string()),
        Just("T".to_string()),
        Just(":".to_string()),
        Just(".".to_string()),
        Just("’s".to_string()),
        Just("https://x.io/2026/02/03".to_string()),
        (0u32..40).prop_map(|n| n.to_string()),
        (1890u32..2110).prop_map(|n| n.to_string()),
        "[a-zA-Zé€ ]{0,6}",
    ];
    prop::collection::vec((piece, prop_oneof![Just(""), Just(" "), Just("\n")]), 0..24)
        .prop_map(|v| v.into_iter().map(|(p, s)| format!("{p}{s}")).collect())
}

fn check_invariants(text: &str, anchor: Option<NaiveDate>) {
    let found = find_dates(text, anchor);
    let mut last = 0;
    for e in &found {
        assert!(e.start >= last, "overlap or disorder in {text:?}: {found:?}");
        assert!(e.start < e.end && e.end <= text.len());
        assert!(text.is_char_boundary(e.start) && text.is_char_boundary(e.end));
        last = e.end;
        let v = e.value;
        if e.bound == Some(Bound::Modifier) {
            assert_eq!(v.precision, Precision::Year, "{text:?}: {e:?}");
        }
        match (v.start, v.end) {
            (Some(s), Some(t)) => {
                assert!(s <= t, "{text:?}: {v:?}");
                match v.precision {
                    Precision::Day => assert_eq!(s, t),
                    Precision::Week => assert_eq!((t - s).num_days(), 6, "{text:?}: {v:?}"),
                    Precision::Unknown => panic!("unknown with dates: {v:?}"),
                    _ => {}
                }
            }
            (None, None) => assert_eq!(v.precision, Precision::Unknown),
            _ => panic!("half-open value {v:?}"),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_strings_never_panic(s in "\\PC{0,80}") {
        let a = NaiveDate::from_ymd_opt(2026, 2, 3);
        check_invariants(&s, a);
        check_invariants(&s, None);
        let _ = parse_explicit_date(&s);
    }

    #[test]
    fn date_like_strings_keep_invariants(s in datey(), days in 0i64..40000) {
        let a = NaiveDate::from_ymd_opt(1950, 1, 1).unwrap() + chrono::Days::new(days as u64);
        check_invariants(&s, Some(a));
        check_invariants(&s, None);
        let _ = parse_explicit_date(&s);
    }
}

#[test]
fn extreme_anchors_do_not_panic() {
    for a in [NaiveDate::MIN, NaiveDate::MAX] {
        check_invariants(
            "yesterday, tomorrow, next week, last year, three years ago, the past 48 hours, \
             this winter, next spring, last December, since Monday, the weekend, February 29",
            Some(a),
        );
    }
}
