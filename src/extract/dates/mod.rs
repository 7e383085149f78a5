//! Date expressions: find them in text and resolve them against an anchor date.
//!
//! [`find_dates`] finds every date expression in a text ("February 4, 2026",
//! "between January 27 and February 3", "late December 2025", "yesterday", "on
//! Thursday"...) and resolves it against an anchor date, usually the publication date,
//! keeping its precision: a month stays a month, a week stays a week, and nothing the
//! text does not pin is invented. [`parse_explicit_date`] reads a string that is exactly
//! one full date (front matter, headers).
//!
//! How it works: a hand-written tokenizer (`lex`) splits the text into words, numbers and
//! punctuation and classifies each word once, by the word lists of
//! `assets/rules/en/dates.toml` (month and weekday names, seasons, number words, and the
//! words that stand for the grammar's keywords); the grammar (`grammar`) tries, at each
//! token, every pattern that can start there and keeps the longest; `resolve` turns the
//! result into a [`DateValue`]. There are no regexes: a text with no digit and no date
//! word is rejected by one Aho-Corasick scan before anything else.
//!
//! What the byte range covers: the date itself plus the words that change its meaning
//! ("since", "between", "from", "as of", "the night of", "overnight", "last", "this",
//! "early"...), not plain prepositions ("in February" gives "February", "on Thursday"
//! gives "Thursday", "the summer" gives "summer"). Words that make a date a bound without
//! changing it ("by 2030", "until 2027", "before the 2022 invasion") stay outside the
//! range too: [`DateExpr::bound`] records them.
//!
//! # Bounds and background
//!
//! A date can be the date of what the text reports ("drones hit Sumy on February 1") or
//! not: a bound ("since 2022", "by 2030", "until 2027", "before the 2022 invasion") or a
//! year that names something else ("the 1945 Yalta conference"). [`DateExpr::bound`] says
//! which ([`Bound`]); an event extractor should not date an event by a bound date.
//!
//! # Values
//!
//! - Day: `start == end`. Range: day-exact `start <= end`. Week: seven days. Month: the
//!   days of the month(s) covered (or the part: early = 1-10, mid = 11-20, late = 21-end;
//!   early/mid/late year = Jan-Apr / May-Aug / Sep-Dec; seasons are meteorological, winter
//!   `Y` = December `Y` to February `Y + 1`). Year: January 1 to December 31 (or the part
//!   covered: "this year" ends at the anchor). A night the text gives no day for
//!   ("overnight", "last night", "during the night", "the early hours") is the night before
//!   publication: a range from the day before the anchor to the anchor.
//! - `Explicit`: the text gives the year (also when a list or range shares it: "May and
//!   August 2025", "January 27 to February 3, 2026"). `InferredYear`: the latest year that
//!   puts the start no more than 61 days after the anchor. `Relative`: computed from the
//!   anchor (weekdays, "yesterday", "since ..."). Unknown: no anchor to resolve against.
//!
//! # Not handled (on purpose)
//!
//! Bare ordinals ("on the 3rd"), "May" without a day, a year or early/mid/late, slashed
//! dates other than `YYYY/MM/DD` in [`parse_explicit_date`] (`02/03/2026` is ambiguous),
//! vague words ("recently", "days later", "in recent weeks"), narrative-relative phrases
//! ("the next day", "the previous week" on its own: a weekday "of the previous week" is
//! read as one of the week before publication's), clock times (dropped, but kept inside
//! the span of a full date), month names in other languages.

mod grammar;
mod lex;
mod resolve;

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use chrono::NaiveDate;

use super::types::{DateValue, Precision};

/// A date expression found in text: its byte range in the text, its resolved value, and
/// whether it is a bound or background rather than the date of what the text reports.
#[derive(Debug, Clone, PartialEq)]
pub struct DateExpr {
    pub start: usize,
    pub end: usize,
    pub value: DateValue,
    /// `Some` when the date bounds or names something else ("since 2022", "by 2030",
    /// "the 2014 annexation"): it is then never the date of the event the text reports.
    /// The value is the date as written either way.
    pub bound: Option<Bound>,
}

/// How a date that is not the date of what its sentence reports stands to it. The word
/// that makes it a bound may stand before a determiner or a possessive: "before the 2022
/// invasion", "since Russia's 2014 annexation".
///
/// An event's own date is the first one without a bound:
///
/// ```
/// use sitrep::extract::dates::{Bound, find_dates};
///
/// let text = "Idle since 2022, the plant was hit by drones on February 1.";
/// let dates = find_dates(text, chrono::NaiveDate::from_ymd_opt(2026, 2, 3));
/// assert_eq!(dates[0].bound, Some(Bound::Since));
/// let own = dates.iter().find(|d| d.bound.is_none()).unwrap();
/// assert_eq!(&text[own.start..own.end], "February 1");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    /// "since Dec. 16, 2014", "since 2022", "since Monday": the start of what still lasts
    /// (the value runs from the date to the anchor). Not "since the beginning of the day",
    /// which is the day being reported.
    Since,
    /// "by 2030", "by the end of March", "by Friday": a deadline, or what was reached by then.
    By,
    /// "until 2027", "till June", "through 2026": how long something lasts.
    Until,
    /// "before 2022", "before the 2022 invasion".
    Before,
    /// "after 2014", "after February 24, 2022".
    After,
    /// A year that names something else: "the 1945 Yalta conference", "the 2014
    /// annexation", "Russia's 2022 invasion", "the 2024-2025 budget". Only years: a day
    /// ("the February 4 attack") is the date of what it names, often the reported event.
    Modifier,
}

impl DateExpr {
    /// Where the expression is.
    pub fn span(&self) -> crate::corpus::Span {
        crate::corpus::Span::new(self.start, self.end)
    }
}

/// Keywords of which every date expression without a digit holds one, unless it holds a
/// month, weekday or season name: "the end of January", "since Monday", "last night",
/// "a week ago", "this morning".
const HEAD_KWS: &[lex::Kw] = {
    use lex::Kw::*;
    &[
        Day, Days, Night, Hour, Hours, Week, Weeks, Month, Months, Year, Years, Today, Yesterday, Tomorrow, Tonight,
        Overnight, Weekend, Morning, Afternoon, Evening,
    ]
};

/// The words whose presence (or a digit's) is needed for any date expression, from the
/// date words file: month and weekday names, seasons ("fall" needs a year, so a digit) and
/// the words of `HEAD_KWS`. Abbreviations need a number next to them, so digits cover
/// them. A word that contains another is left out: "day" finds "Monday" and "today".
fn trigger_words() -> Vec<&'static str> {
    let needed: Vec<&str> = lex::words()
        .iter()
        .filter(|(_, c)| match c {
            lex::Cls::Month(_) | lex::Cls::Wd(_) => true,
            lex::Cls::Season(s) => *s != lex::Season::Fall,
            lex::Cls::Kw(k) => HEAD_KWS.contains(k),
            _ => false,
        })
        .map(|(w, _)| &**w)
        .collect();
    needed.iter().copied().filter(|w| !needed.iter().any(|o| o != w && w.contains(o))).collect()
}

static TRIGGER_AC: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder().ascii_case_insensitive(true).build(trigger_words()).expect("trigger automaton")
});

/// Cheap test: could `text` hold a date expression at all?
fn may_hold_dates(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_digit()) || TRIGGER_AC.is_match(text)
}

/// Find every date expression in `text`, resolved against `anchor` (the publication date,
/// or the best stand-in for it).
///
/// The result is sorted by start and never overlaps; at each position the longest
/// expression wins ("the night of January 31 to February 1" is one expression).
/// Without an anchor, expressions that need one (weekdays, "yesterday", a day and month
/// with no year, "since 2022") are still returned, with `Precision::Unknown`, no dates and
/// `Resolution::None`; expressions that give their year resolve as usual.
pub fn find_dates(text: &str, anchor: Option<NaiveDate>) -> Vec<DateExpr> {
    let mut out = Vec::new();
    if !may_hold_dates(text) {
        return out;
    }
    TOKENS.with_borrow_mut(|toks| {
        toks.clear();
        lex::tokenize(text, toks);
        scan(text, toks, anchor, &mut out);
        if toks.capacity() > 1 << 16 {
            // Do not keep a huge buffer alive after one long text.
            *toks = Vec::new();
        }
    });
    out
}

thread_local! {
    /// Token buffer reused across calls on one thread.
    static TOKENS: std::cell::RefCell<Vec<lex::Tok>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn scan(text: &str, toks: &[lex::Tok], anchor: Option<NaiveDate>, out: &mut Vec<DateExpr>) {
    let p = grammar::P { text, t: toks };
    let mut i = 0;
    while i < toks.len() {
        match p.parse_at(i) {
            Some(h) if h.end > i => {
                let bound = p.bound(i, h.end, &h.raw);
                for raw in std::iter::once(h.raw).chain(h.extra) {
                    out.push(DateExpr {
                        start: raw.s,
                        end: raw.e,
                        value: resolve::resolve(raw.sem, raw.since, anchor),
                        bound,
                    });
                }
                i = h.end;
            }
            _ => i += 1,
        }
    }
}

/// Parse a string that is exactly one full date, year included: `2026-02-03`,
/// `2026-02-27T19:53:06.875309`, `February 4th, 2026`, `Feb. 4, 2026`, `4 February 2026`,
/// `04.02.2026`, `Friday, 29 August 2025, 08:11`, `Fri, 29 Aug 2025 08:11:00 +0000`,
/// `2026/02/03`. Surrounding whitespace is ignored; anything else around the date makes
/// it `None`.
pub fn parse_explicit_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Some(d) = parse_slashed(s) {
        return Some(d);
    }
    let mut toks = Vec::new();
    lex::tokenize(s, &mut toks);
    if toks.is_empty() {
        return None;
    }
    let p = grammar::P { text: s, t: &toks };
    let h = p.parse_at(0)?;
    if h.end != toks.len() || h.extra.is_some() || h.raw.since {
        return None;
    }
    let v = resolve::resolve(h.raw.sem, false, None);
    match (v.precision, v.how, v.start) {
        (Precision::Day, super::types::Resolution::Explicit, Some(d)) => Some(d),
        _ => None,
    }
}

/// `2026/02/03` (year first only: `02/03/2026` is ambiguous).
fn parse_slashed(s: &str) -> Option<NaiveDate> {
    let mut it = s.split('/');
    let (y, m, d) = (it.next()?, it.next()?, it.next()?);
    if it.next().is_some() || y.len() != 4 || !(1..=2).contains(&m.len()) || !(1..=2).contains(&d.len()) {
        return None;
    }
    let all_digits = |x: &str| x.bytes().all(|b| b.is_ascii_digit());
    if !(all_digits(y) && all_digits(m) && all_digits(d)) {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

#[cfg(test)]
mod tests;
