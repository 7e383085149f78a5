//! What a date expression means, before and after an anchor date is applied.

use chrono::{Datelike, Months, NaiveDate};

use super::lex::Season;
use crate::extract::types::{DateValue, Precision, Resolution};

/// A calendar span written in the text: month/day bounds and, when the text gives it, the
/// year of the start. `ed == 0` means the last day of `em`; `off` is how many years after
/// the start year the end falls ("December 30 to January 2": 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Cal {
    pub y: Option<i32>,
    pub sm: u32,
    pub sd: u32,
    pub em: u32,
    pub ed: u32,
    pub off: i32,
    pub prec: Precision,
    /// "the last week of February": the start is six days before the end.
    pub last_week: bool,
}

impl Cal {
    pub(super) fn day(y: Option<i32>, m: u32, d: u32) -> Cal {
        Cal { y, sm: m, sd: d, em: m, ed: d, off: 0, prec: Precision::Day, last_week: false }
    }
    /// Days `sd..=ed` of month `m` (`ed == 0`: to the month's end), month precision.
    pub(super) fn month(y: Option<i32>, m: u32, sd: u32, ed: u32) -> Cal {
        Cal { y, sm: m, sd, em: m, ed, off: 0, prec: Precision::Month, last_week: false }
    }
    /// Whole months `m1..=m2` of one year, month precision.
    pub(super) fn months(y: Option<i32>, m1: u32, m2: u32) -> Cal {
        Cal { y, sm: m1, sd: 1, em: m2, ed: 0, off: 0, prec: Precision::Month, last_week: false }
    }
    pub(super) fn years(y1: i32, y2: i32) -> Cal {
        Cal { y: Some(y1), sm: 1, sd: 1, em: 12, ed: 31, off: y2 - y1, prec: Precision::Year, last_week: false }
    }
    /// A season of the year `y` (winter runs December `y` to February `y + 1`).
    pub(super) fn season(y: Option<i32>, s: Season) -> Cal {
        let fm = s.first_month();
        let (em, off) = if fm == 12 { (2, 1) } else { (fm + 2, 0) };
        Cal { y, sm: fm, sd: 1, em, ed: 0, off, prec: Precision::Month, last_week: false }
    }
    /// Month and day of the start, for ordering.
    pub(super) fn start_key(&self) -> (u32, u32) {
        (self.sm, self.sd)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum WdMode {
    /// The most recent such day on or before the anchor.
    Recent,
    /// The next such day on or after the anchor (the sentence speaks of the future).
    Future,
    /// "last Monday": strictly before the anchor.
    StrictPast,
    /// "next Monday": strictly after the anchor.
    StrictFuture,
    /// "Tuesday last week", "Tuesday of the previous week": that day of the Monday-Sunday
    /// week before the anchor's week.
    LastWeek,
}

/// Expressions computed from the anchor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Rel {
    Today,
    Yesterday,
    DayBeforeYesterday,
    Tomorrow,
    /// "overnight", "last night", "during the night", "the early hours" with no day given:
    /// the night before publication, from the day before the anchor to the anchor.
    Night,
    /// "this week", "the past week": the seven days ending at the anchor.
    ThisWeek,
    /// The Monday-Sunday week before the anchor's week.
    LastWeek,
    NextWeek,
    LaterThisWeek,
    /// The anchor's month up to the anchor.
    ThisMonth,
    LastMonth,
    NextMonth,
    LaterThisMonth,
    /// The anchor's year up to the anchor.
    ThisYear,
    LastYear,
    NextYear,
    LaterThisYear,
    PastHours(u32),
    PastDays(u32),
    PastWeeks(u32),
    PastMonths(u32),
    PastYears(u32),
    DaysAgo(u32),
    WeeksAgo(u32),
    MonthsAgo(u32),
    YearsAgo(u32),
    /// -1 last weekend, 0 this/the weekend, 1 next weekend; the flag: future context.
    Weekend(i8, bool),
    /// -1 last, 0 this, 1 next.
    Season(Season, i8),
    /// "last December": the most recent such month before the anchor's month.
    LastNamedMonth(u32),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Sem {
    Cal(Cal),
    Wd(u8, WdMode),
    /// "the night of Monday to Tuesday", "from Monday to Wednesday".
    WdRange(u8, u8, WdMode),
    Rel(Rel),
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

pub(super) fn last_day(y: i32, m: u32) -> Option<NaiveDate> {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    ymd(ny, nm, 1)?.pred_opt()
}

fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    d.checked_add_signed(chrono::TimeDelta::try_days(n)?)
}

/// The year for a month/day given without one: the latest year that does not put the
/// date more than about two months after the anchor.
pub(super) fn infer_year(anchor: NaiveDate, m: u32, d: u32) -> Option<i32> {
    let limit = add_days(anchor, 61)?;
    let ay = anchor.year();
    (ay - 4..=ay + 1).rev().find(|&y| ymd(y, m, d).is_some_and(|dt| dt <= limit))
}

fn value(start: NaiveDate, end: NaiveDate, precision: Precision, how: Resolution) -> DateValue {
    DateValue { start: Some(start), end: Some(end), precision, how }
}

fn cal_value(c: Cal, anchor: Option<NaiveDate>) -> Option<DateValue> {
    let (y, how) = match c.y {
        Some(y) => (y, Resolution::Explicit),
        None => (infer_year(anchor?, c.sm, c.sd.max(1))?, Resolution::InferredYear),
    };
    let ey = y + c.off;
    let end = if c.ed == 0 { last_day(ey, c.em)? } else { ymd(ey, c.em, c.ed)? };
    let start = if c.last_week { add_days(end, -6)? } else { ymd(y, c.sm, c.sd)? };
    if end < start {
        return None;
    }
    Some(value(start, end, c.prec, how))
}

fn weekday_of(d: NaiveDate) -> i64 {
    d.weekday().num_days_from_monday() as i64
}

fn resolve_wd(w: u8, mode: WdMode, a: NaiveDate) -> Option<NaiveDate> {
    let aw = weekday_of(a);
    let w = w as i64;
    match mode {
        WdMode::Recent => add_days(a, -((aw - w).rem_euclid(7))),
        WdMode::StrictPast => {
            let back = (aw - w).rem_euclid(7);
            add_days(a, -(if back == 0 { 7 } else { back }))
        }
        WdMode::Future => add_days(a, (w - aw).rem_euclid(7)),
        WdMode::StrictFuture => {
            let fwd = (w - aw).rem_euclid(7);
            add_days(a, if fwd == 0 { 7 } else { fwd })
        }
        WdMode::LastWeek => add_days(a, w - aw - 7),
    }
}

fn month_start(d: NaiveDate) -> Option<NaiveDate> {
    d.with_day(1)
}

fn whole_month(y: i32, m: u32) -> Option<(NaiveDate, NaiveDate)> {
    Some((ymd(y, m, 1)?, last_day(y, m)?))
}

fn whole_year(y: i32) -> Option<(NaiveDate, NaiveDate)> {
    Some((ymd(y, 1, 1)?, ymd(y, 12, 31)?))
}

fn season_span(s: Season, y: i32) -> Option<(NaiveDate, NaiveDate)> {
    let c = Cal::season(Some(y), s);
    let v = cal_value(c, None)?;
    Some((v.start?, v.end?))
}

fn rel_value(r: Rel, a: NaiveDate) -> Option<DateValue> {
    use Precision as P;
    let how = Resolution::Relative;
    let day = |d: NaiveDate| Some(value(d, d, P::Day, how));
    let span = |s: NaiveDate, e: NaiveDate, p: P| Some(value(s, e, p, how));
    let monday = add_days(a, -weekday_of(a))?;
    let ay = a.year();
    match r {
        Rel::Today => day(a),
        Rel::Night => span(add_days(a, -1)?, a, P::Range),
        Rel::Yesterday => day(add_days(a, -1)?),
        Rel::DayBeforeYesterday => day(add_days(a, -2)?),
        Rel::Tomorrow => day(add_days(a, 1)?),
        Rel::ThisWeek => span(add_days(a, -6)?, a, P::Week),
        Rel::LastWeek => span(add_days(monday, -7)?, add_days(monday, -1)?, P::Week),
        Rel::NextWeek => span(add_days(monday, 7)?, add_days(monday, 13)?, P::Week),
        Rel::LaterThisWeek => span(a, add_days(monday, 6)?, P::Range),
        Rel::ThisMonth => span(month_start(a)?, a, P::Month),
        Rel::LaterThisMonth => span(a, last_day(ay, a.month())?, P::Month),
        Rel::LastMonth => {
            let p = a.checked_sub_months(Months::new(1))?;
            let (s, e) = whole_month(p.year(), p.month())?;
            span(s, e, P::Month)
        }
        Rel::NextMonth => {
            let n = month_start(a)?.checked_add_months(Months::new(1))?;
            let (s, e) = whole_month(n.year(), n.month())?;
            span(s, e, P::Month)
        }
        Rel::ThisYear => span(ymd(ay, 1, 1)?, a, P::Year),
        Rel::LaterThisYear => span(a, ymd(ay, 12, 31)?, P::Year),
        Rel::LastYear => {
            let (s, e) = whole_year(ay - 1)?;
            span(s, e, P::Year)
        }
        Rel::NextYear => {
            let (s, e) = whole_year(ay + 1)?;
            span(s, e, P::Year)
        }
        Rel::PastHours(h) => span(add_days(a, -(h.div_ceil(24) as i64))?, a, P::Range),
        Rel::PastDays(n) => span(add_days(a, -(n as i64))?, a, P::Range),
        Rel::PastWeeks(n) => span(add_days(a, -7 * n as i64)?, a, P::Range),
        Rel::PastMonths(n) => span(a.checked_sub_months(Months::new(n))?, a, P::Month),
        Rel::PastYears(n) => span(a.checked_sub_months(Months::new(12 * n))?, a, P::Year),
        Rel::DaysAgo(n) => day(add_days(a, -(n as i64))?),
        Rel::WeeksAgo(n) => {
            let d = add_days(a, -7 * n as i64)?;
            let m = add_days(d, -weekday_of(d))?;
            span(m, add_days(m, 6)?, P::Week)
        }
        Rel::MonthsAgo(n) => {
            let d = a.checked_sub_months(Months::new(n))?;
            let (s, e) = whole_month(d.year(), d.month())?;
            span(s, e, P::Month)
        }
        Rel::YearsAgo(n) => {
            let (s, e) = whole_year(ay - n as i32)?;
            span(s, e, P::Year)
        }
        Rel::Weekend(which, future) => {
            let aw = weekday_of(a);
            let recent_sat = match aw {
                6 => add_days(a, -1)?,
                5 => a,
                _ => add_days(a, -(aw + 2))?,
            };
            let sat = match which {
                -1 if aw >= 5 => add_days(recent_sat, -7)?,
                -1 => recent_sat,
                0 if future && aw < 5 => add_days(a, 5 - aw)?,
                0 => recent_sat,
                _ => match aw {
                    6 => add_days(a, 6)?,
                    5 => add_days(a, 7)?,
                    _ => add_days(a, 5 - aw)?,
                },
            };
            span(sat, add_days(sat, 1)?, P::Range)
        }
        Rel::Season(s, which) => {
            let (st, en) = match which {
                -1 => (ay - 2..=ay).rev().filter_map(|y| season_span(s, y)).find(|&(_, e)| e < a)?,
                1 => (ay - 1..=ay + 1).filter_map(|y| season_span(s, y)).find(|&(st, _)| st > a)?,
                _ => (ay - 1..=ay)
                    .filter_map(|y| season_span(s, y))
                    .find(|&(st, e)| st <= a && a <= e)
                    .or_else(|| season_span(s, ay))?,
            };
            span(st, en, P::Month)
        }
        Rel::LastNamedMonth(m) => {
            let y = if m < a.month() { ay } else { ay - 1 };
            let (s, e) = whole_month(y, m)?;
            span(s, e, P::Month)
        }
    }
}

fn resolve_plain(sem: Sem, anchor: Option<NaiveDate>) -> Option<DateValue> {
    match sem {
        Sem::Cal(c) => cal_value(c, anchor),
        Sem::Wd(w, mode) => {
            let d = resolve_wd(w, mode, anchor?)?;
            Some(DateValue::day(d, Resolution::Relative))
        }
        Sem::WdRange(w1, w2, mode) => {
            let end = resolve_wd(w2, mode, anchor?)?;
            let back = (weekday_of(end) - w1 as i64).rem_euclid(7);
            let back = if back == 0 { 7 } else { back };
            Some(value(add_days(end, -back)?, end, Precision::Range, Resolution::Relative))
        }
        Sem::Rel(r) => rel_value(r, anchor?),
    }
}

/// Resolve an expression against the anchor; `since` makes it run up to the anchor.
pub(super) fn resolve(sem: Sem, since: bool, anchor: Option<NaiveDate>) -> DateValue {
    let Some(v) = resolve_plain(sem, anchor) else {
        return DateValue::unknown();
    };
    if !since {
        return v;
    }
    let (Some(a), Some(s)) = (anchor, v.start) else {
        return DateValue::unknown();
    };
    if s > a {
        // "since" a date after the anchor makes no sense as a span: keep the date itself.
        return v;
    }
    let precision = match v.precision {
        Precision::Day | Precision::Range | Precision::Week => Precision::Range,
        p => p,
    };
    value(s, a, precision, Resolution::Relative)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    #[test]
    fn year_inference_prefers_past() {
        let a = d(2026, 1, 10);
        assert_eq!(infer_year(a, 12, 28), Some(2025));
        assert_eq!(infer_year(a, 1, 20), Some(2026));
        assert_eq!(infer_year(a, 3, 5), Some(2026));
        assert_eq!(infer_year(a, 3, 12), Some(2026));
        assert_eq!(infer_year(a, 3, 13), Some(2025));
        assert_eq!(infer_year(d(2026, 12, 30), 2, 20), Some(2027));
        assert_eq!(infer_year(d(2026, 3, 1), 2, 29), Some(2024));
    }

    #[test]
    fn weekdays() {
        let thu = d(2026, 2, 5);
        assert_eq!(resolve_wd(3, WdMode::Recent, thu), Some(thu));
        assert_eq!(resolve_wd(3, WdMode::StrictPast, thu), Some(d(2026, 1, 29)));
        assert_eq!(resolve_wd(0, WdMode::Recent, thu), Some(d(2026, 2, 2)));
        assert_eq!(resolve_wd(0, WdMode::Future, thu), Some(d(2026, 2, 9)));
        assert_eq!(resolve_wd(3, WdMode::Future, thu), Some(thu));
        assert_eq!(resolve_wd(3, WdMode::StrictFuture, thu), Some(d(2026, 2, 12)));
        assert_eq!(resolve_wd(0, WdMode::LastWeek, thu), Some(d(2026, 1, 26)));
        assert_eq!(resolve_wd(6, WdMode::LastWeek, thu), Some(d(2026, 2, 1)));
        assert_eq!(resolve_wd(0, WdMode::LastWeek, d(2026, 2, 2)), Some(d(2026, 1, 26)));
        assert_eq!(resolve_wd(6, WdMode::LastWeek, d(2026, 2, 8)), Some(d(2026, 2, 1)));
    }
}
