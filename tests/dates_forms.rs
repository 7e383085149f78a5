//! Every date form `find_dates` handles, with exact expected values. The sentences are
//! written for these tests. Unless said otherwise the anchor is Tuesday 3 February 2026.

use chrono::NaiveDate;
use sitrep::extract::dates::{Bound, DateExpr, find_dates, parse_explicit_date};
use sitrep::extract::{Precision, Resolution};

use Precision::{Day, Month, Range, Unknown, Week, Year};
use Resolution::{Explicit, InferredYear, Relative};

fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, dd).unwrap()
}

/// Tuesday 3 February 2026.
fn tue() -> Option<NaiveDate> {
    Some(d(2026, 2, 3))
}

type Row = (String, Option<NaiveDate>, Option<NaiveDate>, Precision, Resolution);

fn rows(text: &str, anchor: Option<NaiveDate>) -> Vec<Row> {
    let found: Vec<DateExpr> = find_dates(text, anchor);
    let mut last_end = 0;
    for e in &found {
        assert!(e.start >= last_end && e.start < e.end && e.end <= text.len(), "{found:?}");
        last_end = e.end;
    }
    found
        .iter()
        .map(|e| (text[e.start..e.end].to_string(), e.value.start, e.value.end, e.value.precision, e.value.how))
        .collect()
}

/// An expected expression with dates.
fn x(s: &str, start: NaiveDate, end: NaiveDate, p: Precision, how: Resolution) -> Row {
    (s.to_string(), Some(start), Some(end), p, how)
}

/// An expected expression on one day.
fn day(s: &str, at: NaiveDate, how: Resolution) -> Row {
    x(s, at, at, Day, how)
}

/// An expected expression that cannot be resolved.
fn unk(s: &str) -> Row {
    (s.to_string(), None, None, Unknown, Resolution::None)
}

fn check(text: &str, anchor: Option<NaiveDate>, expected: &[Row]) {
    assert_eq!(rows(text, anchor), expected, "text: {text:?} anchor: {anchor:?}");
}

fn none(text: &str) {
    check(text, tue(), &[]);
    check(text, None, &[]);
}

// ---- full dates ----------------------------------------------------------------------

#[test]
fn full_dates_month_day_year() {
    let a = tue();
    let f = d(2026, 2, 4);
    for anchor in [a, None] {
        check("Talks resumed on February 4, 2026 in Geneva.", anchor, &[day("February 4, 2026", f, Explicit)]);
        check("Talks resumed on February 4th, 2026 in Geneva.", anchor, &[day("February 4th, 2026", f, Explicit)]);
        check("Talks resumed on Feb. 4, 2026 in Geneva.", anchor, &[day("Feb. 4, 2026", f, Explicit)]);
        check("Talks resumed on Feb 4 2026 in Geneva.", anchor, &[day("Feb 4 2026", f, Explicit)]);
    }
}

#[test]
fn full_dates_day_month_year() {
    for anchor in [tue(), None] {
        check(
            "The convoy left on 4 February 2026 at dawn.",
            anchor,
            &[day("4 February 2026", d(2026, 2, 4), Explicit)],
        );
        check("Photo taken 06 February 2026, Kharkiv.", anchor, &[day("06 February 2026", d(2026, 2, 6), Explicit)]);
        check("Archive image, 06 February 2009, Munich.", anchor, &[day("06 February 2009", d(2009, 2, 6), Explicit)]);
    }
}

#[test]
fn full_dates_numeric() {
    for anchor in [tue(), None] {
        check("Updated 2026-02-04 by the desk.", anchor, &[day("2026-02-04", d(2026, 2, 4), Explicit)]);
        check("The decree of 04.02.2026 took effect.", anchor, &[day("04.02.2026", d(2026, 2, 4), Explicit)]);
        check("Issued 4.2.2026.", anchor, &[day("4.2.2026", d(2026, 2, 4), Explicit)]);
    }
    // Impossible numeric dates are nothing.
    none("Build 2026-02-30 and 31.02.2026 are invalid.");
}

#[test]
fn full_dates_with_weekday() {
    for anchor in [tue(), None] {
        check(
            "Kyiv, Wednesday, February 4, 2026 - Sirens sounded.",
            anchor,
            &[day("Wednesday, February 4, 2026", d(2026, 2, 4), Explicit)],
        );
        check(
            "Published Friday, 29 August 2025 by the bureau.",
            anchor,
            &[day("Friday, 29 August 2025", d(2025, 8, 29), Explicit)],
        );
    }
}

#[test]
fn full_date_with_time_is_one_expression() {
    check(
        "Friday, 29 August 2025, 08:11 - The alert ended.",
        None,
        &[day("Friday, 29 August 2025, 08:11", d(2025, 8, 29), Explicit)],
    );
    check(
        "Filed 2026-02-27T19:53:06.875309 by the wire.",
        None,
        &[day("2026-02-27T19:53:06.875309", d(2026, 2, 27), Explicit)],
    );
}

#[test]
fn times_alone_are_ignored() {
    none("The alarm sounded at 08:11 and again at 3 a.m., then at 11 p.m.");
    check("On February 4 at 3 a.m. drones hit Odesa.", tue(), &[day("February 4", d(2026, 2, 4), InferredYear)]);
}

// ---- day and month without a year ----------------------------------------------------

#[test]
fn day_month_inferred_year() {
    let a = tue();
    check("Strikes hit Sumy on February 1.", a, &[day("February 1", d(2026, 2, 1), InferredYear)]);
    check("Strikes hit Sumy on Feb. 1.", a, &[day("Feb. 1", d(2026, 2, 1), InferredYear)]);
    check("Strikes hit Sumy on 1 February.", a, &[day("1 February", d(2026, 2, 1), InferredYear)]);
    check("Strikes hit Sumy on the 1st of February.", a, &[day("1st of February", d(2026, 2, 1), InferredYear)]);
}

#[test]
fn day_month_without_anchor_is_unknown_but_found() {
    check("Strikes hit Sumy on February 1.", None, &[unk("February 1")]);
    check("Strikes hit Sumy on 1 February.", None, &[unk("1 February")]);
}

#[test]
fn inferred_year_across_year_boundary() {
    let jan10 = Some(d(2026, 1, 10));
    check("Shelling on December 28 damaged the plant.", jan10, &[day("December 28", d(2025, 12, 28), InferredYear)]);
    check("Talks are due on January 20.", jan10, &[day("January 20", d(2026, 1, 20), InferredYear)]);
    // Within about two months after the anchor: the same year.
    check("A vote is set for March 5.", jan10, &[day("March 5", d(2026, 3, 5), InferredYear)]);
    // Further ahead: the previous year.
    check("The dam broke on June 6.", jan10, &[day("June 6", d(2025, 6, 6), InferredYear)]);
    // A late-December anchor and an early-January date: the coming January.
    check(
        "The ceasefire should start on January 5.",
        Some(d(2025, 12, 20)),
        &[day("January 5", d(2026, 1, 5), InferredYear)],
    );
}

#[test]
fn bare_ordinal_is_skipped() {
    none("The brigade rotated out on the 3rd and returned on the 21st.");
}

// ---- ranges ----------------------------------------------------------------------------

#[test]
fn range_between_and() {
    let a = tue();
    let want = x("between January 27 and February 3", d(2026, 1, 27), d(2026, 2, 3), Range, InferredYear);
    check("Russia gained ground between January 27 and February 3.", a, &[want]);
    check("Russia gained ground between January 27 and February 3.", None, &[unk("between January 27 and February 3")]);
    check(
        "Russia gained ground between 27 January and 3 February 2026.",
        None,
        &[x("between 27 January and 3 February 2026", d(2026, 1, 27), d(2026, 2, 3), Range, Explicit)],
    );
}

#[test]
fn range_from_to() {
    check(
        "The exercise ran from January 27 to February 3.",
        tue(),
        &[x("from January 27 to February 3", d(2026, 1, 27), d(2026, 2, 3), Range, InferredYear)],
    );
    check(
        "The exercise ran from January 27 until February 3, 2026.",
        None,
        &[x("from January 27 until February 3, 2026", d(2026, 1, 27), d(2026, 2, 3), Range, Explicit)],
    );
}

#[test]
fn range_within_a_month() {
    let a = tue();
    let r = |s: &str, d1: u32, d2: u32| x(s, d(2026, 1, d1), d(2026, 1, d2), Range, InferredYear);
    check("Clashes on January 27-28 near Pokrovsk.", a, &[r("January 27-28", 27, 28)]);
    check("Clashes on January 27–28 near Pokrovsk.", a, &[r("January 27–28", 27, 28)]);
    check("Clashes on January 27 to 28 near Pokrovsk.", a, &[r("January 27 to 28", 27, 28)]);
    check("Clashes on 27-28 January near Pokrovsk.", a, &[r("27-28 January", 27, 28)]);
    check("Clashes on 27 to 28 January near Pokrovsk.", a, &[r("27 to 28 January", 27, 28)]);
    check(
        "Clashes on January 27-28, 2026 near Pokrovsk.",
        None,
        &[x("January 27-28, 2026", d(2026, 1, 27), d(2026, 1, 28), Range, Explicit)],
    );
    check(
        "Drones were spotted February 25 to 26 over the port.",
        Some(d(2026, 2, 27)),
        &[x("February 25 to 26", d(2026, 2, 25), d(2026, 2, 26), Range, InferredYear)],
    );
}

#[test]
fn range_night_of() {
    let a = tue();
    check(
        "Balloons entered Polish airspace on the night of January 31 to February 1.",
        a,
        &[x("the night of January 31 to February 1", d(2026, 1, 31), d(2026, 2, 1), Range, InferredYear)],
    );
    check(
        "Balloons entered Lithuanian airspace on the night of January 27 to 28.",
        a,
        &[x("the night of January 27 to 28", d(2026, 1, 27), d(2026, 1, 28), Range, InferredYear)],
    );
    check(
        "Odesa was hit overnight on February 3-4.",
        Some(d(2026, 2, 4)),
        &[x("overnight on February 3-4", d(2026, 2, 3), d(2026, 2, 4), Range, InferredYear)],
    );
    check(
        "Balloons entered on the night of January 31 to February 1.",
        None,
        &[unk("the night of January 31 to February 1")],
    );
}

#[test]
fn range_across_year_boundary() {
    let jan5 = Some(d(2026, 1, 5));
    check(
        "Blackouts lasted from December 30 to January 2.",
        jan5,
        &[x("from December 30 to January 2", d(2025, 12, 30), d(2026, 1, 2), Range, InferredYear)],
    );
    check(
        "Blackouts lasted December 30 to January 2, 2026.",
        None,
        &[x("December 30 to January 2, 2026", d(2025, 12, 30), d(2026, 1, 2), Range, Explicit)],
    );
    check(
        "Blackouts lasted from 30 December 2025 to 2 January 2026.",
        None,
        &[x("from 30 December 2025 to 2 January 2026", d(2025, 12, 30), d(2026, 1, 2), Range, Explicit)],
    );
}

#[test]
fn consecutive_days_joined_by_and() {
    check(
        "Delegations meet in Abu Dhabi on February 4 and 5, not on February 1.",
        tue(),
        &[
            x("February 4 and 5", d(2026, 2, 4), d(2026, 2, 5), Range, InferredYear),
            day("February 1", d(2026, 2, 1), InferredYear),
        ],
    );
    // Not consecutive: two days, nothing in between is invented.
    check(
        "Strikes on February 1 and 10 hit the grid.",
        Some(d(2026, 2, 12)),
        &[day("February 1", d(2026, 2, 1), InferredYear), day("10", d(2026, 2, 10), InferredYear)],
    );
    check(
        "Strikes on 1 and 10 February hit the grid.",
        Some(d(2026, 2, 12)),
        &[day("1", d(2026, 2, 1), InferredYear), day("10 February", d(2026, 2, 10), InferredYear)],
    );
}

#[test]
fn postponed_is_not_a_range() {
    check(
        "The talks were postponed from February 1 to February 4.",
        tue(),
        &[day("February 1", d(2026, 2, 1), InferredYear), day("February 4", d(2026, 2, 4), InferredYear)],
    );
}

// ---- months, parts of months, seasons ---------------------------------------------------

#[test]
fn month_alone() {
    check(
        "Attacks intensified in February.",
        tue(),
        &[x("February", d(2026, 2, 1), d(2026, 2, 28), Month, InferredYear)],
    );
    check("Attacks intensified in February.", None, &[unk("February")]);
    check(
        "Attacks intensified in December.",
        Some(d(2026, 1, 10)),
        &[x("December", d(2025, 12, 1), d(2025, 12, 31), Month, InferredYear)],
    );
}

#[test]
fn month_and_year() {
    for anchor in [tue(), None] {
        check(
            "Moscow rejected the plan in December 2025.",
            anchor,
            &[x("December 2025", d(2025, 12, 1), d(2025, 12, 31), Month, Explicit)],
        );
        check(
            "Imagery from June 2024 shows new trenches.",
            anchor,
            &[x("June 2024", d(2024, 6, 1), d(2024, 6, 30), Month, Explicit)],
        );
        check(
            "Russia's February 2022 invasion changed Europe.",
            anchor,
            &[x("February 2022", d(2022, 2, 1), d(2022, 2, 28), Month, Explicit)],
        );
    }
}

#[test]
fn parts_of_months() {
    let a = tue();
    check(
        "Fighting eased in early February.",
        a,
        &[x("early February", d(2026, 2, 1), d(2026, 2, 10), Month, InferredYear)],
    );
    check(
        "The offensive began in mid-January.",
        a,
        &[x("mid-January", d(2026, 1, 11), d(2026, 1, 20), Month, InferredYear)],
    );
    check(
        "Strikes on the rear began in late December 2025.",
        None,
        &[x("late December 2025", d(2025, 12, 21), d(2025, 12, 31), Month, Explicit)],
    );
    check(
        "At the end of January, state media claimed a village.",
        a,
        &[x("the end of January", d(2026, 1, 21), d(2026, 1, 31), Month, InferredYear)],
    );
    check("Fighting eased in early February.", None, &[unk("early February")]);
}

#[test]
fn month_ranges() {
    for anchor in [tue(), None] {
        check(
            "Satellite images taken between June 2024 and October 2025 show the base growing.",
            anchor,
            &[x("between June 2024 and October 2025", d(2024, 6, 1), d(2025, 10, 31), Month, Explicit)],
        );
        check(
            "Output rose from June to October 2025.",
            anchor,
            &[x("from June to October 2025", d(2025, 6, 1), d(2025, 10, 31), Month, Explicit)],
        );
    }
}

#[test]
fn coordinated_months_share_the_year() {
    check(
        "Imagery from May and August 2025 shows the airfield expanding.",
        None,
        &[
            x("May", d(2025, 5, 1), d(2025, 5, 31), Month, Explicit),
            x("August 2025", d(2025, 8, 1), d(2025, 8, 31), Month, Explicit),
        ],
    );
}

#[test]
fn seasons() {
    for anchor in [tue(), None] {
        check(
            "Winter 2024-2025 was the coldest in years.",
            anchor,
            &[x("Winter 2024-2025", d(2024, 12, 1), d(2025, 2, 28), Month, Explicit)],
        );
        check(
            "The counteroffensive of spring 2025 stalled.",
            anchor,
            &[x("spring 2025", d(2025, 3, 1), d(2025, 5, 31), Month, Explicit)],
        );
        check(
            "In the summer of 2023, the dam was gone.",
            anchor,
            &[x("summer of 2023", d(2023, 6, 1), d(2023, 8, 31), Month, Explicit)],
        );
    }
    check(
        "Russia prepared all through the summer.",
        tue(),
        &[x("summer", d(2025, 6, 1), d(2025, 8, 31), Month, InferredYear)],
    );
    check("Russia prepared all through the summer.", None, &[unk("summer")]);
    // "fall" needs a year: "the fall of Bakhmut" is no date.
    check(
        "After the fall of Bakhmut, fall 2023 brought new assaults.",
        None,
        &[x("fall 2023", d(2023, 9, 1), d(2023, 11, 30), Month, Explicit)],
    );
}

// ---- years ---------------------------------------------------------------------------

#[test]
fn years_in_prose() {
    for anchor in [tue(), None] {
        check("Output doubled in 2024.", anchor, &[x("2024", d(2024, 1, 1), d(2024, 12, 31), Year, Explicit)]);
        check(
            "Trump took office in early 2025.",
            anchor,
            &[x("early 2025", d(2025, 1, 1), d(2025, 4, 30), Month, Explicit)],
        );
        check(
            "A truce could come by mid-2026.",
            anchor,
            &[x("mid-2026", d(2026, 5, 1), d(2026, 8, 31), Month, Explicit)],
        );
        check(
            "Since the 2022 invasion, millions have fled.",
            anchor,
            &[x("2022", d(2022, 1, 1), d(2022, 12, 31), Year, Explicit)],
        );
        check(
            "Prices rose in 2024 and 2025.",
            anchor,
            &[
                x("2024", d(2024, 1, 1), d(2024, 12, 31), Year, Explicit),
                x("2025", d(2025, 1, 1), d(2025, 12, 31), Year, Explicit),
            ],
        );
    }
}

#[test]
fn since_a_year() {
    check("Ukraine has resisted since 2022.", tue(), &[x("since 2022", d(2022, 1, 1), d(2026, 2, 3), Year, Relative)]);
    check("Ukraine has resisted since 2022.", None, &[unk("since 2022")]);
}

#[test]
fn counts_and_ids_are_not_years() {
    none("Russia launched 2,000 drones and hit 1,100 apartment buildings.");
    none("Russia launched 2000 drones at 1100 targets.");
    none("A total of 2024 shells were fired.");
    none("The S-400 and the Su-2025 prototype, ticket 2024.");
    none("See https://example.com/news/2026/02/27/strike-on-kyiv for details.");
    none("Mirror at example.org/2026/02/27/item too.");
    none("Jan Feb Mar Apr May Jun Jul Aug Sep Okt Nov Dec 20172018201");
}

// ---- "May", "March", names -------------------------------------------------------------

#[test]
fn may_and_march_as_words() {
    none("Russia may strike again, and troops may march west.");
    none("Officials May Announce A Deal Soon.");
    none("Theresa May visited Kyiv. June Brown and April Ryan reported.");
    check("On May 9 the parade went ahead.", tue(), &[day("May 9", d(2025, 5, 9), InferredYear)]);
    check("The law passed in March.", tue(), &[x("March", d(2026, 3, 1), d(2026, 3, 31), Month, InferredYear)]);
    check("Elections were held in May 2024.", None, &[x("May 2024", d(2024, 5, 1), d(2024, 5, 31), Month, Explicit)]);
}

#[test]
fn not_inside_words() {
    none("The Mayor of Marchenko said Decembrists and Junebugs are Augustinian.");
}

// ---- relative ------------------------------------------------------------------------

#[test]
fn today_yesterday_tonight() {
    let a = tue();
    check("Kyiv was quiet today.", a, &[day("today", d(2026, 2, 3), Relative)]);
    check("Kyiv was shelled yesterday.", a, &[day("yesterday", d(2026, 2, 2), Relative)]);
    check("More drones are expected tonight.", a, &[day("tonight", d(2026, 2, 3), Relative)]);
    check("Kyiv was shelled yesterday.", None, &[unk("yesterday")]);
}

#[test]
fn nights() {
    // A night the text does not date is the night before publication: the day before the
    // anchor to the anchor, a range (the annotation guidelines' "overnight").
    let a = tue();
    let night = |s: &str| x(s, d(2026, 2, 2), d(2026, 2, 3), Range, Relative);
    check("Drones hit Kharkiv overnight.", a, &[night("overnight")]);
    check("Drones hit Kharkiv last night.", a, &[night("last night")]);
    check("Drones hit Kharkiv during the night.", a, &[night("during the night")]);
    check("Drones hit Kharkiv in the early hours.", a, &[night("the early hours")]);
    check(
        "The attack began in the early hours of Wednesday.",
        Some(d(2026, 2, 4)),
        &[day("the early hours of Wednesday", d(2026, 2, 4), Relative)],
    );
    check("Drones hit Kharkiv overnight.", None, &[unk("overnight")]);
}

#[test]
fn undated_nights_are_the_night_before_publication() {
    // Anchor Sunday 1 March 2026: the night runs from February 28.
    let sun = Some(d(2026, 3, 1));
    let night = |s: &str| x(s, d(2026, 2, 28), d(2026, 3, 1), Range, Relative);
    check("Overnight, air defences over Poltava were busy for four hours.", sun, &[night("Overnight")]);
    check(
        "A fuel depot near Bryansk burned through the night after what residents heard last night.",
        sun,
        &[night("last night")],
    );
    check("Sirens wailed in Zhytomyr during the night and again at noon.", sun, &[night("during the night")]);
    check("Early hours blasts shook the port of Izmail.", sun, &[night("Early hours")]);
    // With the day given, the day (or the days) the text gives.
    check(
        "Sirens wailed in Zhytomyr in the early hours of yesterday.",
        sun,
        &[day("the early hours of yesterday", d(2026, 2, 28), Relative)],
    );
    check(
        "Sirens wailed in Zhytomyr in the early hours of today.",
        sun,
        &[day("the early hours of today", d(2026, 3, 1), Relative)],
    );
    check(
        "A drone hit a substation overnight on February 26 to 27.",
        sun,
        &[x("overnight on February 26 to 27", d(2026, 2, 26), d(2026, 2, 27), Range, InferredYear)],
    );
    check(
        "A drone hit a substation on the night of Friday to Saturday.",
        sun,
        &[x("the night of Friday to Saturday", d(2026, 2, 27), d(2026, 2, 28), Range, Relative)],
    );
    check(
        "A drone hit a substation overnight into Saturday.",
        sun,
        &[day("overnight into Saturday", d(2026, 2, 28), Relative)],
    );
    // Since last night: from the night's first day to the anchor.
    check("Power has been out since last night.", sun, &[night("since last night")]);
    // Across a year boundary.
    check(
        "Shelling continued overnight.",
        Some(d(2026, 1, 1)),
        &[x("overnight", d(2025, 12, 31), d(2026, 1, 1), Range, Relative)],
    );
}

#[test]
fn weekdays_past() {
    // Anchor Thursday 5 February 2026.
    let thu = Some(d(2026, 2, 5));
    check("The Air Force said Thursday that 40 missiles were fired.", thu, &[day("Thursday", d(2026, 2, 5), Relative)]);
    check("Lavrov spoke on Monday.", thu, &[day("Monday", d(2026, 2, 2), Relative)]);
    check("Lavrov spoke last Monday.", thu, &[day("last Monday", d(2026, 2, 2), Relative)]);
    check("Lavrov spoke last Thursday.", thu, &[day("last Thursday", d(2026, 1, 29), Relative)]);
    check("Lavrov spoke on Monday.", None, &[unk("Monday")]);
}

#[test]
fn weekdays_future() {
    // Anchor Monday 2 February 2026.
    let mon = Some(d(2026, 2, 2));
    check(
        "Vance will visit Azerbaijan on Wednesday and Thursday.",
        mon,
        &[day("Wednesday", d(2026, 2, 4), Relative), day("Thursday", d(2026, 2, 5), Relative)],
    );
    check("Iran's Supreme Leader to Visit Oman on Tuesday", mon, &[day("Tuesday", d(2026, 2, 3), Relative)]);
    check("The trip begins later on Monday.", mon, &[day("Monday", d(2026, 2, 2), Relative)]);
    check("Talks are scheduled for Friday.", mon, &[day("Friday", d(2026, 2, 6), Relative)]);
    check("Talks resume next Tuesday.", mon, &[day("next Tuesday", d(2026, 2, 3), Relative)]);
    check("On Friday, the delegations will meet again.", mon, &[day("Friday", d(2026, 2, 6), Relative)]);
    // Reported speech about the past is not the future.
    check(
        "The government said on Monday that Vance would hold talks on Tuesday.",
        Some(d(2026, 2, 9)),
        &[day("Monday", d(2026, 2, 9), Relative), day("Tuesday", d(2026, 2, 10), Relative)],
    );
    // A "will" in another clause does not move a past weekday.
    check(
        "Officials will study the attack, which happened on Saturday.",
        mon,
        &[day("Saturday", d(2026, 1, 31), Relative)],
    );
}

#[test]
fn weekday_with_date_trusts_the_date() {
    check("Monday, February 2: shelling continued.", tue(), &[day("Monday, February 2", d(2026, 2, 2), InferredYear)]);
    // The weekday is wrong (2 February 2026 is a Monday): the date wins.
    check(
        "Friday, February 2, 2026: shelling continued.",
        None,
        &[day("Friday, February 2, 2026", d(2026, 2, 2), Explicit)],
    );
}

#[test]
fn weeks() {
    let a = tue();
    check("Attacks rose this week.", a, &[x("this week", d(2026, 1, 28), d(2026, 2, 3), Week, Relative)]);
    check("Over the past week, attacks rose.", a, &[x("the past week", d(2026, 1, 28), d(2026, 2, 3), Week, Relative)]);
    check(
        "This past week in Ukraine was grim.",
        a,
        &[x("This past week", d(2026, 1, 28), d(2026, 2, 3), Week, Relative)],
    );
    check("Leaders met in Alaska last week.", a, &[x("last week", d(2026, 1, 26), d(2026, 2, 1), Week, Relative)]);
    check("Leaders met in Alaska last week.", None, &[unk("last week")]);
}

#[test]
fn past_day_and_hours() {
    let a = tue();
    let r = |s: &str| x(s, d(2026, 2, 2), d(2026, 2, 3), Range, Relative);
    check("Fighting continued over the past 24 hours.", a, &[r("the past 24 hours")]);
    check("Fighting continued in the last 24 hours.", a, &[r("the last 24 hours")]);
    check("Forces repelled assaults over the past day.", a, &[r("the past day")]);
    check(
        "Drones crossed three times in the last four days.",
        a,
        &[x("the last four days", d(2026, 1, 30), d(2026, 2, 3), Range, Relative)],
    );
}

#[test]
fn months_and_years_relative() {
    let a = tue();
    check(
        "Kyiv was hit earlier this month.",
        a,
        &[x("earlier this month", d(2026, 2, 1), d(2026, 2, 3), Month, Relative)],
    );
    check("Kyiv was hit twice this month.", a, &[x("this month", d(2026, 2, 1), d(2026, 2, 3), Month, Relative)]);
    check("Kyiv was hit last month.", a, &[x("last month", d(2026, 1, 1), d(2026, 1, 31), Month, Relative)]);
    check("Kyiv was hit last year.", a, &[x("last year", d(2025, 1, 1), d(2025, 12, 31), Year, Relative)]);
    check("Kyiv was hit twice this year.", a, &[x("this year", d(2026, 1, 1), d(2026, 2, 3), Year, Relative)]);
}

#[test]
fn ago() {
    let a = tue();
    check("The bridge fell two days ago.", a, &[day("two days ago", d(2026, 2, 1), Relative)]);
    check(
        "The bridge fell three weeks ago.",
        a,
        &[x("three weeks ago", d(2026, 1, 12), d(2026, 1, 18), Week, Relative)],
    );
    check("The bridge fell two days ago.", None, &[unk("two days ago")]);
}

#[test]
fn vague_words_are_not_dates() {
    none("Days later, troops recently withdrew; in recent weeks and the coming weeks, over the months.");
}

#[test]
fn since_and_as_of() {
    let a = Some(d(2026, 1, 10));
    check(
        "Drones crossed three times (since January 7).",
        a,
        &[x("since January 7", d(2026, 1, 7), d(2026, 1, 10), Range, Relative)],
    );
    check("Drones crossed three times (since January 7).", None, &[unk("since January 7")]);
    check("As of February 3, 40 people were missing.", tue(), &[day("As of February 3", d(2026, 2, 3), InferredYear)]);
}

// ---- parse_explicit_date ---------------------------------------------------------------

#[test]
fn explicit_date_strings() {
    let cases = [
        ("2026-02-03", d(2026, 2, 3)),
        ("  2026-02-03\n", d(2026, 2, 3)),
        ("February 4th, 2026", d(2026, 2, 4)),
        ("Feb. 4, 2026", d(2026, 2, 4)),
        ("4 February 2026", d(2026, 2, 4)),
        ("04.02.2026", d(2026, 2, 4)),
        ("Friday, 29 August 2025, 08:11", d(2025, 8, 29)),
        ("Fri, 29 Aug 2025 08:11:00 +0000", d(2025, 8, 29)),
        ("2026-02-27T19:53:06.875309", d(2026, 2, 27)),
        ("2026-02-27T19:53:06Z", d(2026, 2, 27)),
        ("2026-02-27 19:53:06", d(2026, 2, 27)),
        ("2026/02/27", d(2026, 2, 27)),
    ];
    for (s, want) in cases {
        assert_eq!(parse_explicit_date(s), Some(want), "{s:?}");
    }
    for s in ["February 4", "yesterday", "2026", "February 4, 2026 in Kyiv", "", "02/03/2026", "June 2024"] {
        assert_eq!(parse_explicit_date(s), None, "{s:?}");
    }
}

// ---- more forms ------------------------------------------------------------------------

#[test]
fn quarters_halves_and_weeks_of_a_month() {
    for anchor in [tue(), None] {
        check("Deliveries slowed in Q1 2025.", anchor, &[x("Q1 2025", d(2025, 1, 1), d(2025, 3, 31), Month, Explicit)]);
        check(
            "Deliveries slowed in the first half of 2025.",
            anchor,
            &[x("the first half of 2025", d(2025, 1, 1), d(2025, 6, 30), Month, Explicit)],
        );
        check(
            "Deliveries slowed in the third quarter of 2024.",
            anchor,
            &[x("the third quarter of 2024", d(2024, 7, 1), d(2024, 9, 30), Month, Explicit)],
        );
        check(
            "Strikes peaked in the last week of February 2024.",
            anchor,
            &[x("the last week of February 2024", d(2024, 2, 23), d(2024, 2, 29), Week, Explicit)],
        );
    }
    check(
        "Strikes peaked in the first week of January.",
        tue(),
        &[x("the first week of January", d(2026, 1, 1), d(2026, 1, 7), Week, InferredYear)],
    );
}

#[test]
fn decades() {
    for anchor in [tue(), None] {
        check(
            "The wars of the 1990s disrupted trade.",
            anchor,
            &[x("1990s", d(1990, 1, 1), d(1999, 12, 31), Year, Explicit)],
        );
        check(
            "The base was abandoned in the early 2000s.",
            anchor,
            &[x("early 2000s", d(2000, 1, 1), d(2003, 12, 31), Year, Explicit)],
        );
    }
    check(
        "The base was abandoned since the early 2000s.",
        tue(),
        &[x("since the early 2000s", d(2000, 1, 1), d(2026, 2, 3), Year, Relative)],
    );
}

#[test]
fn year_ranges() {
    for anchor in [tue(), None] {
        check(
            "The 2024-2025 budget was cut.",
            anchor,
            &[x("2024-2025", d(2024, 1, 1), d(2025, 12, 31), Year, Explicit)],
        );
        check("Output fell in 2024-25.", anchor, &[x("2024-25", d(2024, 1, 1), d(2025, 12, 31), Year, Explicit)]);
        check(
            "Output fell between 2022 and 2024.",
            anchor,
            &[x("between 2022 and 2024", d(2022, 1, 1), d(2024, 12, 31), Year, Explicit)],
        );
        check(
            "Output fell from 2014 to 2022.",
            anchor,
            &[x("from 2014 to 2022", d(2014, 1, 1), d(2022, 12, 31), Year, Explicit)],
        );
    }
}

#[test]
fn years_after_prepositions_and_counts() {
    check("In 2024 drones became the main weapon.", None, &[x("2024", d(2024, 1, 1), d(2024, 12, 31), Year, Explicit)]);
    check(
        "By June 2024 drones had taken over.",
        None,
        &[x("June 2024", d(2024, 6, 1), d(2024, 6, 30), Month, Explicit)],
    );
    check(
        "Since June 2024 drones have dominated.",
        tue(),
        &[x("Since June 2024", d(2024, 6, 1), d(2026, 2, 3), Month, Relative)],
    );
    none("A total of 2024 shells and a batch of 1999 people.");
    check("The plan runs until 2030.", None, &[x("2030", d(2030, 1, 1), d(2030, 12, 31), Year, Explicit)]);
}

#[test]
fn weekends_and_other_weeks() {
    let a = tue();
    check("Talks took place over the weekend.", a, &[x("the weekend", d(2026, 1, 31), d(2026, 2, 1), Range, Relative)]);
    check("Talks took place last weekend.", a, &[x("last weekend", d(2026, 1, 31), d(2026, 2, 1), Range, Relative)]);
    check(
        "Talks will take place this weekend.",
        a,
        &[x("this weekend", d(2026, 2, 7), d(2026, 2, 8), Range, Relative)],
    );
    check("Talks will take place next week.", a, &[x("next week", d(2026, 2, 9), d(2026, 2, 15), Week, Relative)]);
    check("Talks will take place next month.", a, &[x("next month", d(2026, 3, 1), d(2026, 3, 31), Month, Relative)]);
    check(
        "Talks will take place later this year.",
        a,
        &[x("later this year", d(2026, 2, 3), d(2026, 12, 31), Year, Relative)],
    );
}

#[test]
fn more_relative_days() {
    let a = tue();
    check("The bridge fell the day before yesterday.", a, &[day("the day before yesterday", d(2026, 2, 1), Relative)]);
    check("Repairs finish tomorrow.", a, &[day("tomorrow", d(2026, 2, 4), Relative)]);
    check("The bridge fell a year ago.", a, &[x("a year ago", d(2025, 1, 1), d(2025, 12, 31), Year, Relative)]);
    check("Sirens have sounded since Monday.", a, &[x("since Monday", d(2026, 2, 2), d(2026, 2, 3), Range, Relative)]);
    check("Kyiv was hit earlier today.", a, &[day("earlier today", d(2026, 2, 3), Relative)]);
}

#[test]
fn weekday_ranges_and_nights() {
    let a = tue();
    check(
        "Drones attacked on the night of Monday to Tuesday.",
        a,
        &[x("the night of Monday to Tuesday", d(2026, 2, 2), d(2026, 2, 3), Range, Relative)],
    );
    check(
        "Drills ran from Friday to Sunday.",
        a,
        &[x("from Friday to Sunday", d(2026, 1, 30), d(2026, 2, 1), Range, Relative)],
    );
    check(
        "Drones attacked late on Feb. 8 into early Feb. 9, officials said.",
        Some(d(2026, 2, 9)),
        &[x("Feb. 8 into early Feb. 9", d(2026, 2, 8), d(2026, 2, 9), Range, InferredYear)],
    );
    check("Drones hit the port overnight into Tuesday.", a, &[day("overnight into Tuesday", d(2026, 2, 3), Relative)]);
}

#[test]
fn seasons_relative() {
    let a = tue();
    check("Russia prepared all last summer.", a, &[x("last summer", d(2025, 6, 1), d(2025, 8, 31), Month, Relative)]);
    check("The grid struggled this winter.", a, &[x("this winter", d(2025, 12, 1), d(2026, 2, 28), Month, Relative)]);
    check(
        "An offensive is expected next spring.",
        a,
        &[x("next spring", d(2026, 3, 1), d(2026, 5, 31), Month, Relative)],
    );
    check("Kyiv froze last December.", a, &[x("last December", d(2025, 12, 1), d(2025, 12, 31), Month, Relative)]);
    check(
        "Assaults resumed in late summer 2025.",
        None,
        &[x("late summer 2025", d(2025, 8, 1), d(2025, 8, 31), Month, Explicit)],
    );
}

#[test]
fn capitals_and_lowercase() {
    check("KYIV, FEBRUARY 4, 2026 - Sirens.", None, &[day("FEBRUARY 4, 2026", d(2026, 2, 4), Explicit)]);
    // Month and weekday names need a capital.
    none("the february attack on monday");
}

#[test]
fn possessive_names_and_months() {
    none("June's report and August's memo came out.");
    check(
        "February's attacks were the worst.",
        tue(),
        &[x("February", d(2026, 2, 1), d(2026, 2, 28), Month, InferredYear)],
    );
}

#[test]
fn urls_and_timestamps_give_nothing_extra() {
    check(
        "[Report](https://example.com/2026/02/27/report-2026-02-27.html) of 2026-02-27T19:53:06Z.",
        None,
        &[day("2026-02-27T19:53:06Z", d(2026, 2, 27), Explicit)],
    );
}

#[test]
fn the_past_n_units() {
    let a = tue();
    check(
        "Losses mounted over the past two weeks.",
        a,
        &[x("the past two weeks", d(2026, 1, 20), d(2026, 2, 3), Range, Relative)],
    );
    check(
        "Losses mounted over the past 48 hours.",
        a,
        &[x("the past 48 hours", d(2026, 2, 1), d(2026, 2, 3), Range, Relative)],
    );
    check(
        "Losses mounted over the past month.",
        a,
        &[x("the past month", d(2026, 1, 3), d(2026, 2, 3), Month, Relative)],
    );
    // "the last day of" something is not relative to the anchor.
    none("On the last day of the talks, nothing moved.");
}

#[test]
fn cross_year_months_and_seasons_without_year() {
    let jan5 = Some(d(2026, 1, 5));
    check(
        "Strikes intensified in late December.",
        jan5,
        &[x("late December", d(2025, 12, 21), d(2025, 12, 31), Month, InferredYear)],
    );
    check(
        "Strikes ran from November to January.",
        jan5,
        &[x("from November to January", d(2025, 11, 1), d(2026, 1, 31), Month, InferredYear)],
    );
}

#[test]
fn names_that_contain_dates_words() {
    none("Bloody Sunday and Black Friday were covered by the Sunday Times.");
    none("The October Revolution and the Winter Olympics, then the Arab Spring.");
    check(
        "In October Russia shifted tactics.",
        tue(),
        &[x("October", d(2025, 10, 1), d(2025, 10, 31), Month, InferredYear)],
    );
}

#[test]
fn long_runs_of_keywords_stay_cheap() {
    let text = "since as of ".repeat(20_000) + "since January 7";
    let found = find_dates(&text, Some(d(2026, 1, 10)));
    assert_eq!(found.len(), 1);
    assert_eq!(&text[found[0].start..found[0].end], "since January 7");
}

#[test]
fn impossible_days_give_nothing() {
    none("Reports dated February 30 and February 29, 2025 and April 31, 2024 were fake.");
    check("A leap day: February 29, 2024.", None, &[day("February 29, 2024", d(2024, 2, 29), Explicit)]);
    check("A leap day: February 29.", Some(d(2026, 3, 1)), &[day("February 29", d(2024, 2, 29), InferredYear)]);
}

#[test]
fn weekdays_future_markers() {
    // Anchor Monday 2 February 2026.
    let mon = Some(d(2026, 2, 2));
    let cases = [
        ("Zelensky is due to visit Paris on Thursday.", "Thursday", d(2026, 2, 5)),
        ("Kyiv plans to reopen the bridge on Friday.", "Friday", d(2026, 2, 6)),
        ("The delegations would meet on Wednesday.", "Wednesday", d(2026, 2, 4)),
        ("The summit is set to open on Saturday.", "Saturday", d(2026, 2, 7)),
        // The anchor's own weekday in the future is the anchor.
        ("The envoys will meet on Monday.", "Monday", d(2026, 2, 2)),
        // Without a future marker: the most recent such day.
        ("The envoys met on Saturday.", "Saturday", d(2026, 1, 31)),
    ];
    for (text, m, want) in cases {
        check(text, mon, &[day(m, want, Relative)]);
    }
}

#[test]
fn ranges_with_abbreviations_and_dashes() {
    let a = tue();
    check(
        "Strikes on Jan. 31-Feb. 1 hit Dnipro.",
        a,
        &[x("Jan. 31-Feb. 1", d(2026, 1, 31), d(2026, 2, 1), Range, InferredYear)],
    );
    check(
        "Strikes from January 31 – February 1, 2026 hit Dnipro.",
        None,
        &[x("from January 31 – February 1, 2026", d(2026, 1, 31), d(2026, 2, 1), Range, Explicit)],
    );
    check(
        "Strikes on January 31 and February 1 hit Dnipro.",
        a,
        &[day("January 31", d(2026, 1, 31), InferredYear), day("February 1", d(2026, 2, 1), InferredYear)],
    );
}

#[test]
fn past_narrative_is_not_future() {
    // Anchor Wednesday 4 February 2026.
    let wed = Some(d(2026, 2, 4));
    check("Russia later claimed on Monday that the village fell.", wed, &[day("Monday", d(2026, 2, 2), Relative)]);
    check("Due to bad weather, talks on Monday were cancelled.", wed, &[day("Monday", d(2026, 2, 2), Relative)]);
    check("The talks are due to resume on Monday.", wed, &[day("Monday", d(2026, 2, 9), Relative)]);
    check("On February 4, 2000 troops crossed the river.", wed, &[day("February 4", d(2026, 2, 4), InferredYear)]);
}

// ---- the day so far, the past 24 hours, weekdays of last week -----------------------------

#[test]
fn the_day_so_far_is_the_anchor_day() {
    let a = tue();
    let t = d(2026, 2, 3);
    check(
        "Since the beginning of the day, sappers have cleared 40 mines near Izium.",
        a,
        &[day("Since the beginning of the day", t, Relative)],
    );
    check(
        "Assault groups have tried to advance near Lyman 17 times from the beginning of this day.",
        a,
        &[day("from the beginning of this day", t, Relative)],
    );
    check(
        "Twelve clashes took place since the start of the day.",
        a,
        &[day("since the start of the day", t, Relative)],
    );
    check("As of this morning, two trains were still stuck.", a, &[day("As of this morning", t, Relative)]);
    check("Since the beginning of the day, sappers were busy.", None, &[unk("Since the beginning of the day")]);
    // "The day" of something else is not today; the idiom is no date.
    none("Since the beginning of the day of mourning, flags flew at half mast.");
    none("At the end of the day, the envoys want a deal.");
}

#[test]
fn past_24_hours_without_the_article() {
    let a = tue();
    let r = |s: &str| x(s, d(2026, 2, 2), d(2026, 2, 3), Range, Relative);
    check("Border guards counted 9 crossings over past 24 hours.", a, &[r("past 24 hours")]);
    check("Border guards counted 9 crossings in past 24 hours.", a, &[r("past 24 hours")]);
    check("Over the past day, border guards counted 9 crossings.", a, &[r("the past day")]);
}

#[test]
fn weekdays_of_last_week() {
    // Anchor Tuesday 3 February 2026; the week before runs Monday 26 January to Sunday 1 February.
    let a = tue();
    check(
        "The convoy reached Kupiansk on Tuesday of the previous week.",
        a,
        &[day("Tuesday of the previous week", d(2026, 1, 27), Relative)],
    );
    check(
        "The convoy reached Kupiansk on Thursday of last week.",
        a,
        &[day("Thursday of last week", d(2026, 1, 29), Relative)],
    );
    check("The convoy reached Kupiansk Tuesday last week.", a, &[day("Tuesday last week", d(2026, 1, 27), Relative)]);
    check("The convoy reached Kupiansk on Sunday last week.", a, &[day("Sunday last week", d(2026, 2, 1), Relative)]);
    // Anchor Sunday 8 February: the week before is still 2 to 8 February's predecessor.
    check(
        "The convoy reached Kupiansk on Monday last week.",
        Some(d(2026, 2, 8)),
        &[day("Monday last week", d(2026, 1, 26), Relative)],
    );
    check("The convoy reached Kupiansk Tuesday last week.", None, &[unk("Tuesday last week")]);
    check(
        "The road has been closed since Tuesday last week.",
        a,
        &[x("since Tuesday last week", d(2026, 1, 27), d(2026, 2, 3), Range, Relative)],
    );
    // "the previous week" alone tells of the story's time, not the publication's: no date.
    none("The convoy had left Kupiansk the previous week.");
}

#[test]
fn weekday_with_a_time_of_day() {
    // Anchor Tuesday 3 February 2026.
    let a = tue();
    check("Drones hit a depot in Kramatorsk on Sunday evening.", a, &[day("Sunday", d(2026, 2, 1), Relative)]);
    check("Drones hit a depot in Kramatorsk on Friday night.", a, &[day("Friday", d(2026, 1, 30), Relative)]);
    check("Drones hit a depot in Kramatorsk on Monday morning.", a, &[day("Monday", d(2026, 2, 2), Relative)]);
    // The same day of the week as the anchor, in the past tense: the anchor day.
    check("Drones hit a depot in Kramatorsk on Tuesday afternoon.", a, &[day("Tuesday", d(2026, 2, 3), Relative)]);
}

// ---- bounds and background --------------------------------------------------------------

/// Each expression's text and bound.
fn bounds(text: &str, anchor: Option<NaiveDate>) -> Vec<(String, Option<Bound>)> {
    find_dates(text, anchor).iter().map(|e| (text[e.start..e.end].to_string(), e.bound)).collect()
}

fn check_bounds(text: &str, expected: &[(&str, Option<Bound>)]) {
    let want: Vec<(String, Option<Bound>)> = expected.iter().map(|&(s, b)| (s.to_string(), b)).collect();
    for anchor in [tue(), None] {
        assert_eq!(bounds(text, anchor), want, "text: {text:?} anchor: {anchor:?}");
    }
}

#[test]
fn bounds_since_by_until_before_after() {
    use Bound::{After, Before, By, Since, Until};
    check_bounds("Kyiv has held the bridgehead since Dec. 16, 2014.", &[("since Dec. 16, 2014", Some(Since))]);
    check_bounds("Kyiv has held the bridgehead since 2022.", &[("since 2022", Some(Since))]);
    check_bounds("Sirens have sounded since Monday.", &[("since Monday", Some(Since))]);
    check_bounds("Sirens have sounded since the summer.", &[("since the summer", Some(Since))]);
    check_bounds("The plant should run again by 2030.", &[("2030", Some(By))]);
    check_bounds("The plant should run again by the end of March.", &[("the end of March", Some(By))]);
    check_bounds("By Friday the repairs were done.", &[("Friday", Some(By))]);
    check_bounds("The sanctions stay in force until 2027.", &[("2027", Some(Until))]);
    check_bounds("The sanctions stay in force till June 2027.", &[("June 2027", Some(Until))]);
    check_bounds("The curfew runs through 2026.", &[("2026", Some(Until))]);
    check_bounds("Before 2022, the depot stored grain.", &[("2022", Some(Before))]);
    check_bounds("After 2014, the depot stored shells.", &[("2014", Some(After))]);
    check_bounds("Talks resumed after February 24, 2022, in Belarus.", &[("February 24, 2022", Some(After))]);
    // A bound word reaches over "the" and a possessive.
    check_bounds("The depot stored grain before the 2022 invasion.", &[("2022", Some(Before))]);
    check_bounds("The depot stored grain before Russia's 2022 invasion.", &[("2022", Some(Before))]);
    check_bounds("Millions have fled since the 2022 invasion.", &[("2022", Some(Since))]);
    // The value is unchanged: a bound says how the date stands, not what it is.
    check(
        "The sanctions stay in force until 2027.",
        tue(),
        &[x("2027", d(2027, 1, 1), d(2027, 12, 31), Year, Explicit)],
    );
}

#[test]
fn years_that_name_something_else_are_modifiers() {
    use Bound::Modifier;
    check_bounds("Delegates recalled the 1945 Yalta conference.", &[("1945", Some(Modifier))]);
    check_bounds("Delegates recalled the 2014 annexation of Crimea.", &[("2014", Some(Modifier))]);
    check_bounds("Delegates recalled Russia's 2014 annexation of Crimea.", &[("2014", Some(Modifier))]);
    check_bounds("Delegates recalled the 2015 Minsk agreements.", &[("2015", Some(Modifier))]);
    check_bounds("Delegates debated the 2024-2025 budget.", &[("2024-2025", Some(Modifier))]);
    check(
        "Delegates recalled the 1945 Yalta conference.",
        None,
        &[x("1945", d(1945, 1, 1), d(1945, 12, 31), Year, Explicit)],
    );
    // A count is no year, with or without names after it.
    none("Delegates counted the 2000 Russian troops.");
    // A day that names an event is the event's date, not background.
    check_bounds("The February 4 attack on Odesa killed two.", &[("February 4", None)]);
    // "In 2022 elections were held": no determiner, no modifier.
    check_bounds("In 2022 elections were held.", &[("2022", None)]);
}

#[test]
fn dates_of_what_is_reported_have_no_bound() {
    check_bounds(
        "On February 1 drones hit Sumy; as of February 3, two were missing; in 2024 less so.",
        &[("February 1", None), ("as of February 3", None), ("2024", None)],
    );
    check_bounds("Since the beginning of the day, 14 clashes took place.", &[("Since the beginning of the day", None)]);
    check_bounds("Fighting raged between January 27 and February 3.", &[("between January 27 and February 3", None)]);
    check_bounds("Strikes on February 1 and 10 hit the grid.", &[("February 1", None), ("10", None)]);
    check_bounds("Drones hit Kharkiv overnight, after midnight.", &[("overnight", None)]);
}

#[test]
fn bounds_apply_to_both_dates_of_a_pair() {
    use Bound::By;
    check_bounds("The lines must be repaired by February 1 and 10.", &[("February 1", Some(By)), ("10", Some(By))]);
}
