//! Publication dates: the date formats found in headers, bylines, datelines and URLs.
//!
//! Only full dates (day, month and year) count as a publication date; "Feb 26" without a year
//! is left to the extractor, which resolves relative dates against the publication date.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

const MONTH: &str = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";

/// `2026-02-27`, `2026-02-27T19:53:06`, `2026/02/27`.
static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)((?:19|20)\d\d)[-/.](\d{1,2})[-/.](\d{1,2})(?:T\d|(?-u:\b))").expect("valid regex")
});

/// `February 4th, 2026`, `Feb. 23, 2026`, `Feb 27 2026`.
static MONTH_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)(?-u:\b)({MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?-u:\b),?\s+((?:19|20)\d\d)(?-u:\b)"))
        .expect("valid regex")
});

/// `29 August 2025`, `4th of February 2026`, `27 Feb 2026`.
static DAY_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH})\.?,?\s+((?:19|20)\d\d)(?-u:\b)"
    ))
    .expect("valid regex")
});

/// `27.02.2026`, `27/02/2026` (day first unless that is impossible).
static NUMERIC: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)(\d{1,2})[./](\d{1,2})[./]((?:19|20)\d\d)(?-u:\b)").expect("valid regex"));

/// A date found in text: byte range and value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Found {
    pub start: usize,
    pub end: usize,
    pub date: NaiveDate,
}

fn month_number(name: &str) -> Option<u32> {
    let lower = name.get(..3)?.to_ascii_lowercase();
    let m = match lower.as_str() {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(m)
}

fn ymd(y: &str, m: u32, d: &str) -> Option<NaiveDate> {
    let y: i32 = y.parse().ok()?;
    let d: u32 = d.parse().ok()?;
    NaiveDate::from_ymd_opt(y, m, d)
}

/// `27.02.2026` is day first; `02/27/2026` can only be month first.
fn numeric_date(c: &regex::Captures<'_>) -> Option<NaiveDate> {
    let a: u32 = c[1].parse().ok()?;
    let b: u32 = c[2].parse().ok()?;
    let (day, month) = if b <= 12 { (a, b) } else { (b, a) };
    NaiveDate::from_ymd_opt(c[3].parse().ok()?, month, day)
}

/// The first full date in `s` (earliest position wins).
pub(crate) fn find_date(s: &str) -> Option<Found> {
    // Every full date has a year: no digit, no date.
    if !s.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    type Read = fn(&regex::Captures<'_>) -> Option<NaiveDate>;
    let forms: [(&Regex, Read); 4] = [
        (&ISO, |c| ymd(&c[1], c[2].parse().ok()?, &c[3])),
        (&MONTH_FIRST, |c| ymd(&c[3], month_number(&c[1])?, &c[2])),
        (&DAY_FIRST, |c| ymd(&c[3], month_number(&c[2])?, &c[1])),
        (&NUMERIC, numeric_date),
    ];
    forms
        .iter()
        .filter_map(|(re, read)| {
            re.captures_iter(s).find_map(|c| {
                let m = c.get(0)?;
                let date = read(&c)?;
                Some(Found { start: m.start(), end: m.end(), date })
            })
        })
        .min_by_key(|f| f.start)
}

/// A date in a URL: `/2026/02/27/`, `/2026-02-27/`, or a slug such as `update-feb-27-2026`.
pub(crate) fn date_in_url(url: &str) -> Option<NaiveDate> {
    static PATH_YMD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"[/_-]((?:19|20)\d\d)[/-](\d{1,2})[/-](\d{1,2})(?:[/_.-]|$)").expect("valid regex")
    });
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = path.find('/').map_or("", |i| &path[i..]);
    let path = path.split(['?', '#']).next().unwrap_or("");
    if let Some(c) = PATH_YMD.captures(path)
        && let Some(d) = c[2].parse().ok().and_then(|m| ymd(&c[1], m, &c[3]))
    {
        return Some(d);
    }
    let spaced: String = path.chars().map(|c| if matches!(c, '-' | '_' | '/') { ' ' } else { c }).collect();
    let f = find_date(&spaced)?;
    // Only slugs with a month name: plain numbers in paths are ids more often than dates.
    if spaced[f.start..f.end].chars().any(char::is_alphabetic) { Some(f.date) } else { None }
}

/// A dateline opening a paragraph (`Kyiv, Ukraine - February 4th, 2026 - `,
/// `WASHINGTON, Feb 26 (Reuters) – `, `KYIV: `): its length in bytes and its date, if full.
pub(crate) fn dateline(s: &str) -> Option<(usize, Option<NaiveDate>)> {
    // Place, Place - Date - text
    static WITH_DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3}(?:, ?\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3}){0,2},? +[-–—] +([^-–—\n]{6,45}?) +[-–—]+ +",
        )
        .expect("valid regex")
    });
    // PLACE[, Region][, Feb 26] (Agency) – text. The parts' lengths are checked after the
    // match: counted repetitions of Unicode classes ({1,40}) made this one pattern take
    // ~50 ms to compile, at every start-up.
    static AGENCY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(?<place>\p{Lu}[\p{Lu}.'’ -]+)(?:, ?(?<region>[\p{L}.'’ -]+?))?(?:, ?(?<date>(?<month>\p{L}+)\.? \d{1,2}(?:, \d{4})?))? ?\((?<agency>[\p{L} .&/]+)\) *[-–—:]+ +",
        )
        .expect("valid regex")
    });
    let chars_within = |m: Option<regex::Match>, lo: usize, hi: usize| {
        m.is_none_or(|m| (lo..=hi).contains(&m.as_str().trim_end().chars().count()))
    };
    // KYIV: text, MOSCOW — text
    static CAPS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^\p{Lu}[\p{Lu}'’.-]{2,}(?: \p{Lu}[\p{Lu}'’.-]+){0,2}(?:, \p{Lu}[\p{L}'’.-]+)? *(?::|[–—]| -) +\p{Lu}",
        )
        .expect("valid regex")
    });
    let head = super::text::prefix(s, 200);
    if let Some(c) = WITH_DATE.captures(head)
        && let Some(d) = find_date(&c[1])
    {
        return Some((c.get(0)?.end(), Some(d.date)));
    }
    if let Some(c) = AGENCY.captures(head)
        && chars_within(c.name("place"), 2, 41)
        && chars_within(c.name("region"), 2, 30)
        && chars_within(c.name("month"), 3, 9)
        && chars_within(c.name("agency"), 2, 30)
    {
        let date = c.name("date").and_then(|m| find_date(m.as_str())).map(|f| f.date);
        return Some((c.get(0)?.end(), date));
    }
    if let Some(m) = CAPS.find(head) {
        // Keep the capital the pattern peeked at.
        let end = m.end() - head[..m.end()].chars().next_back().map_or(0, char::len_utf8);
        return Some((end, None));
    }
    None
}

/// A relative or partial date stamp ("13 hours ago", "1d ago", "Feb 24", "10:41", "27.02.2026.
/// 06:20h"): lines made only of these are page furniture.
pub(crate) fn is_stamp(s: &str) -> bool {
    static STAMP: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?i)^(?:(?:updated|published|posted|last updated)(?: on)?:?\s*)?(?:\d+\s*(?:s|m|h|d|w|min|mins|minutes?|hours?|days?|weeks?|months?|years?)\s+ago|\d{{1,2}}:\d\d(?::\d\d)?(?:\s*[ap]\.?m\.?)?|{MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}\s+{MONTH}|(?:yesterday|today))$"
        ))
        .expect("valid regex")
    });
    let t = super::text::trimmed(s);
    if t.len() >= 60 || !(t.bytes().any(|b| b.is_ascii_digit()) || t.len() <= 9) {
        return false;
    }
    STAMP.is_match(t)
}

/// A byline or date line: a full date plus at most a few other words (author, time,
/// "Updated", separators). Returns the date.
pub(crate) fn byline_date(s: &str) -> Option<NaiveDate> {
    let t = super::text::trimmed(s);
    if t.len() > 160 {
        return None;
    }
    let f = find_date(t)?;
    let rest_words = super::text::word_count(&t[..f.start], 20) + super::text::word_count(&t[f.end..], 20);
    // "On February 24, 2022, Russia invaded." is a sentence, not a byline.
    let sentence = rest_words >= 2 && super::text::ends_sentence(&t[f.end..]);
    (rest_words <= 8 && !sentence).then_some(f.date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn formats() {
        let cases = [
            ("2026-02-27T19:53:06.877470", d(2026, 2, 27)),
            ("Kyiv, Ukraine - February 4th, 2026 - Russia", d(2026, 2, 4)),
            ("Friday, 29 August 2025, 08:11", d(2025, 8, 29)),
            ("Feb. 23, 2026", d(2026, 2, 23)),
            ("By Name | February 27, 2026", d(2026, 2, 27)),
            ("27.02.2026. 06:20h", d(2026, 2, 27)),
            ("27/02/2026 09:20", d(2026, 2, 27)),
            ("Friday 27 February 2026 - 08:01", d(2026, 2, 27)),
            ("February 26, 2026 at 4:55 p.m. EST", d(2026, 2, 26)),
        ];
        for (s, want) in cases {
            assert_eq!(find_date(s).map(|f| f.date), Some(want), "{s}");
        }
        assert_eq!(find_date("on February 31, 2026"), None);
        assert_eq!(find_date("Feb 26 at noon"), None);
    }

    #[test]
    fn url_dates() {
        assert_eq!(date_in_url("https://kfgo.com/2026/02/26/exclusive-us-slows/"), Some(d(2026, 2, 26)));
        assert_eq!(date_in_url("https://x.com/news/articles/2026-02-27/russia-ukraine"), Some(d(2026, 2, 27)));
        assert_eq!(
            date_in_url("https://www.spglobal.com/en/market-insights/daily-update-feb-27-2026"),
            Some(d(2026, 2, 27))
        );
        assert_eq!(date_in_url("https://www.indexoncensorship.org/2026/02/free-speech/"), None);
        assert_eq!(date_in_url("https://aa.com.tr/en/asia/russia_3841981"), None);
    }

    #[test]
    fn datelines() {
        let s = "Kyiv, Ukraine - February 4th, 2026 - Russia launched a drone attack.";
        let (n, date) = dateline(s).unwrap();
        assert_eq!(&s[n..n + 6], "Russia");
        assert_eq!(date, Some(d(2026, 2, 4)));

        let s = "WASHINGTON, Feb 26 (Reuters) – The United States has slowed the sale.";
        let (n, date) = dateline(s).unwrap();
        assert!(s[n..].starts_with("The United"));
        assert_eq!(date, None);

        let s = "ZAPORIZHZHIA, Ukraine, Feb. 26, 2026 (AP) — Drones hit the city.";
        let (n, date) = dateline(s).unwrap();
        assert!(s[n..].starts_with("Drones"));
        assert_eq!(date, Some(d(2026, 2, 26)));

        // The parts have bounded lengths: a long capitalised line before "(...) -" is not
        // a dateline's place, nor is a long parenthesis its agency.
        assert!(dateline("THIS IS A VERY LONG SHOUTED HEADLINE ABOUT THE WAR (Reuters) - Text.").is_none());
        assert!(dateline("KYIV (a note about the sources used in this story) - Text.").is_none());

        let s = "KYIV: Trump's special envoy Steve Witkoff told a gathering.";
        let (n, _) = dateline(s).unwrap();
        assert!(s[n..].starts_with("Trump"));

        assert!(dateline("Russia launched one of its biggest aerial attacks of the year.").is_none());
        assert!(dateline("The strike - which hit a school - killed two.").is_none());
    }

    #[test]
    fn bylines_and_stamps() {
        assert_eq!(byline_date("By Name | February 27, 2026"), Some(d(2026, 2, 27)));
        assert_eq!(
            byline_date(
                "Russia launched a strike on February 27, 2026, killing dozens of people in the city of Kharkiv overnight."
            ),
            None
        );
        assert_eq!(byline_date("On February 24, 2022, Russia invaded Ukraine."), None);
        assert_eq!(byline_date("27.02.2026. 06:20h"), Some(d(2026, 2, 27)));
        assert!(is_stamp("13 hours ago"));
        assert!(is_stamp("1d ago"));
        assert!(is_stamp("Feb 24"));
        assert!(!is_stamp("War in Ukraine"));
    }
}
