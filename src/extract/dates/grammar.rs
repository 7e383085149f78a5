//! The grammar of date expressions, over tokens. Each `at_*` function tries every pattern
//! that can start at a token and keeps the longest.

use super::Bound;
use super::lex::{Case, Cls, Kind, Kw, Season, Tok, case_of};
use super::resolve::{Cal, Rel, Sem, WdMode};
use crate::extract::types::Precision;

/// One expression: byte range, meaning, and whether "since" makes it run to the anchor.
#[derive(Clone, Copy, Debug)]
pub(super) struct Raw {
    pub s: usize,
    pub e: usize,
    pub sem: Sem,
    pub since: bool,
}

/// What matched at a token: the token index after it, and one or two expressions
/// ("February 1 and 10" gives two).
#[derive(Clone, Copy, Debug)]
pub(super) struct Hit {
    pub end: usize,
    pub raw: Raw,
    pub extra: Option<Raw>,
}

/// How ambiguous a month name is on its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Amb {
    /// "February": a month wherever it is capitalised.
    Free,
    /// "June", "August", "April", "March": also names or a verb; need a day, a year or a
    /// preposition before them.
    Name,
    /// "May": needs a day, a year, or early/mid/late.
    May,
    /// "Feb": needs a day or a year.
    Abbr,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    Early,
    Mid,
    Late,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ctx {
    /// No opening word: "January 27-28".
    Bare,
    Between,
    From,
    /// "the night of ... to ...".
    Night,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Conn {
    Dash,
    To,
    And,
    /// "Feb. 8 into early Feb. 9": a night, only between consecutive days.
    Into,
}

/// A range endpoint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum U {
    Cal(Cal),
    Wd(u8),
}

/// Words before a month name that make it a month ("in June", "since March").
const MONTH_PREPS: &[Kw] = &[
    Kw::In,
    Kw::Since,
    Kw::Until,
    Kw::Till,
    Kw::By,
    Kw::Of,
    Kw::From,
    Kw::Between,
    Kw::Through,
    Kw::During,
    Kw::Throughout,
    Kw::Before,
    Kw::After,
    Kw::Early,
    Kw::Late,
    Kw::Mid,
];

/// Words before a weekday that make it a name, not a day ("Bloody Sunday").
const WEEKDAY_NAMERS: &[&str] = &[
    "black", "good", "bloody", "super", "ash", "palm", "easter", "holy", "cyber", "maundy", "great", "clean", "shrove",
    "girl", "man",
];

/// Words after a weekday that make it a name ("the Sunday Times").
const WEEKDAY_NAMED: &[&str] = &[
    "times",
    "telegraph",
    "express",
    "mirror",
    "post",
    "herald",
    "independent",
    "star",
    "mail",
    "people",
    "sport",
    "world",
    "night",
    "school",
    "club",
];

/// Lowercase words that end in "s" but are no plural count nouns.
const NOT_PLURAL: &[&str] = &[
    "this",
    "was",
    "has",
    "is",
    "as",
    "its",
    "his",
    "us",
    "across",
    "whereas",
    "plus",
    "minus",
    "thus",
    "always",
    "perhaps",
    "towards",
    "afterwards",
    "besides",
    "nevertheless",
    "unless",
    "less",
    "does",
    "thanks",
    "versus",
    "alongside",
];

/// Count nouns that make the number before them a count ("of 2000 people").
const COUNT_NOUNS: &[&str] = &[
    "drones",
    "missiles",
    "shells",
    "rockets",
    "bombs",
    "troops",
    "soldiers",
    "civilians",
    "residents",
    "prisoners",
    "casualties",
    "tanks",
    "vehicles",
    "buildings",
    "homes",
    "houses",
    "apartments",
    "rounds",
    "tons",
    "tonnes",
    "kilometres",
    "kilometers",
    "miles",
    "dollars",
    "euros",
    "hryvnias",
    "rubles",
    "roubles",
    "units",
    "people",
    "personnel",
    "men",
    "women",
    "children",
    "infantry",
    "km",
    "percent",
    "per",
    "sq",
    "square",
    "million",
    "billion",
    "thousand",
    "hundred",
];

/// Nouns that make "the 2022 ___" a year.
const YEAR_NOUNS: &[&str] = &[
    "invasion",
    "annexation",
    "election",
    "elections",
    "offensive",
    "counteroffensive",
    "counter",
    "war",
    "attack",
    "attacks",
    "summit",
    "agreement",
    "agreements",
    "accords",
    "deal",
    "budget",
    "referendum",
    "protests",
    "revolution",
    "incursion",
    "campaign",
    "mobilization",
    "mobilisation",
    "census",
    "olympics",
    "report",
    "survey",
    "season",
    "deadline",
    "ceasefire",
    "truce",
    "talks",
    "memorandum",
    "treaty",
    "escalation",
    "full",
    "crisis",
    "uprising",
    "coup",
    "massacre",
    "occupation",
    "withdrawal",
    "strikes",
    "drought",
    "flood",
    "explosion",
    "blackout",
    "blackouts",
    "winter",
    "spring",
    "summer",
    "autumn",
    "fall",
    "conference",
    "accord",
    "protocol",
    "pact",
    "negotiations",
    "meeting",
    "declaration",
    "resolution",
    "sanctions",
    "siege",
    "battle",
    "bombing",
    "law",
    "decree",
];

/// Verbs that make "to VERB ... on Tuesday" a plan ("to visit Oman on Tuesday").
const PLAN_VERBS: &[&str] = &[
    "visit", "meet", "hold", "travel", "attend", "host", "sign", "address", "speak", "begin", "start", "open",
    "resume", "arrive", "discuss", "vote", "launch", "deliver", "unveil", "present", "return", "head", "fly", "take",
    "join", "receive", "chair", "convene",
];

fn days_in_month_max(m: u32) -> u32 {
    match m {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn ord_of(c: Cls) -> Option<u32> {
    match c {
        Cls::Kw(Kw::First) => Some(1),
        Cls::Kw(Kw::Second) => Some(2),
        Cls::Kw(Kw::Third) => Some(3),
        Cls::Kw(Kw::Fourth) => Some(4),
        Cls::Kw(Kw::Last) => Some(5),
        _ => None,
    }
}

pub(super) struct P<'a> {
    pub text: &'a str,
    pub t: &'a [Tok],
}

impl<'a> P<'a> {
    // ---- token helpers -------------------------------------------------------------

    fn cls(&self, i: usize) -> Cls {
        self.t.get(i).map_or(Cls::None, |t| t.cls)
    }
    fn kw(&self, i: usize, k: Kw) -> bool {
        self.cls(i) == Cls::Kw(k)
    }
    fn kw_in(&self, i: usize, ks: &[Kw]) -> bool {
        matches!(self.cls(i), Cls::Kw(k) if ks.contains(&k))
    }
    fn punct(&self, i: usize, c: u8) -> bool {
        matches!(self.t.get(i), Some(t) if t.kind == Kind::Punct(c))
    }
    fn is_num(&self, i: usize) -> bool {
        matches!(self.t.get(i), Some(t) if t.kind == Kind::Num)
    }
    fn is_word(&self, i: usize) -> bool {
        matches!(self.t.get(i), Some(t) if t.kind == Kind::Word)
    }
    /// Token `i` touches token `i - 1` (no whitespace between).
    fn glued(&self, i: usize) -> bool {
        i > 0 && i < self.t.len() && !self.t[i].ws
    }
    fn capital(&self, i: usize) -> bool {
        self.case(i).is_some_and(|c| matches!(c, Case::Cap | Case::Upper))
    }
    fn lower(&self, i: usize) -> bool {
        self.case(i) == Some(Case::Lower)
    }
    /// Letter case of an ASCII word token.
    fn case(&self, i: usize) -> Option<Case> {
        let t = self.t.get(i)?;
        if t.kind != Kind::Word {
            return None;
        }
        let w = &self.text.as_bytes()[t.s as usize..t.e as usize];
        w.is_ascii().then(|| case_of(w))
    }
    fn word(&self, i: usize) -> &'a str {
        let t = &self.t[i];
        &self.text[t.s as usize..t.e as usize]
    }
    fn word_in(&self, i: usize, list: &[&str]) -> bool {
        self.is_word(i) && {
            let w = self.word(i);
            list.iter().any(|l| l.eq_ignore_ascii_case(w))
        }
    }
    fn raw(&self, s: usize, e: usize, sem: Sem) -> Raw {
        Raw { s: self.t[s].s as usize, e: self.t[e - 1].e as usize, sem, since: false }
    }
    fn hit(&self, s: usize, e: usize, sem: Sem) -> Hit {
        Hit { end: e, raw: self.raw(s, e, sem), extra: None }
    }
    /// The character just before token `i`, when it touches it.
    fn char_before(&self, i: usize) -> Option<char> {
        if !self.glued(i) {
            return None;
        }
        self.text[..self.t[i].s as usize].chars().next_back()
    }

    /// A number at `i` may start an expression: it is not glued to a word, a number or
    /// a symbol before it ("Su-34", "$2024", "/2026/").
    fn num_ok_start(&self, i: usize) -> bool {
        if !self.glued(i) {
            return true;
        }
        match self.t[i - 1].kind {
            Kind::Word | Kind::Num => false,
            Kind::Other => {
                matches!(self.char_before(i), Some('\u{201C}' | '\u{201D}' | '\u{00AB}' | '\u{2014}' | '\u{2026}'))
            }
            Kind::Punct(c) => !matches!(
                c,
                b'-' | b'/'
                    | b'.'
                    | b','
                    | b':'
                    | b'#'
                    | b'$'
                    | b'+'
                    | b'_'
                    | b'@'
                    | b'='
                    | b'&'
                    | b'%'
                    | b'\\'
                    | b'^'
                    | b'~'
                    | b'\''
            ),
        }
    }

    /// A lowercase plural or count noun at `j` ("drones", "people"): the number before
    /// it is a count, not a year or a day.
    fn count_noun(&self, j: usize) -> bool {
        if !self.is_word(j) || self.glued(j) {
            return false;
        }
        let w = self.word(j);
        if self.word_in(j, COUNT_NOUNS) {
            return true;
        }
        self.lower(j) && w.len() >= 3 && w.ends_with('s') && !self.word_in(j, NOT_PLURAL)
    }

    // ---- atoms -------------------------------------------------------------------

    /// A day number (1-31, optional ordinal suffix) at `i`; the index after it.
    fn day(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.t.get(i)?;
        if t.kind != Kind::Num || t.nd > 2 || t.val == 0 || t.val > 31 {
            return None;
        }
        let mut j = i + 1;
        if self.glued(j) {
            match self.t[j].kind {
                Kind::Word => {
                    if !self.kw_in(j, &[Kw::St, Kw::Nd, Kw::Rd, Kw::Th]) {
                        return None;
                    }
                    j += 1;
                    if self.glued(j) && matches!(self.t[j].kind, Kind::Word | Kind::Num) {
                        return None;
                    }
                }
                Kind::Num | Kind::Other => return None,
                Kind::Punct(b',' | b'.' | b':') => {
                    if self.glued(j + 1) && self.is_num(j + 1) {
                        return None;
                    }
                }
                Kind::Punct(b'%' | b'/' | b'_') => return None,
                Kind::Punct(_) => {}
            }
        }
        // "3 a.m.", "5 pm": an hour.
        if self.kw_in(j, &[Kw::Am, Kw::Pm]) || (self.kw(j, Kw::A) || self.kw(j, Kw::P)) && self.punct(j + 1, b'.') {
            return None;
        }
        Some((t.val, j))
    }

    /// A four-digit year (1900-2100) at `i`; the index after it.
    fn year(&self, i: usize) -> Option<(i32, usize)> {
        let t = self.t.get(i)?;
        if t.kind != Kind::Num || t.nd != 4 || !(1900..=2100).contains(&t.val) {
            return None;
        }
        let j = i + 1;
        if self.glued(j) {
            match self.t[j].kind {
                Kind::Word | Kind::Num => return None,
                Kind::Punct(b',' | b'.' | b':' | b'-' | b'/') if self.glued(j + 1) && self.is_num(j + 1) => {
                    return None;
                }
                Kind::Punct(b'%' | b'_') => return None,
                _ => {}
            }
        }
        Some((t.val as i32, j))
    }

    /// A month name at `i` (capitalised); the index after it (and after the dot of an
    /// abbreviation).
    fn month(&self, i: usize) -> Option<(u32, Amb, usize)> {
        let (m, abbr) = match self.cls(i) {
            Cls::Month(m) => (m as u32, false),
            Cls::MonAbbr(m) => (m as u32, true),
            _ => return None,
        };
        if !self.capital(i) {
            return None;
        }
        if self.glued(i) && matches!(self.t[i - 1].kind, Kind::Num | Kind::Punct(b'_' | b'/' | b'@' | b'#')) {
            return None;
        }
        let mut j = i + 1;
        if abbr && self.punct(j, b'.') && self.glued(j) {
            j += 1;
        }
        if self.glued(j) && matches!(self.t[j].kind, Kind::Num | Kind::Punct(b'_' | b'/' | b'@')) {
            return None;
        }
        let amb = if abbr {
            Amb::Abbr
        } else {
            match m {
                5 => Amb::May,
                3 | 4 | 6 | 8 => Amb::Name,
                _ => Amb::Free,
            }
        };
        Some((m, amb, j))
    }

    /// A clock time ("08:11", "19:53:06.875309", "8:11 p.m. UTC"); the index after it.
    fn clock(&self, i: usize) -> Option<usize> {
        let t = self.t.get(i)?;
        if t.kind != Kind::Num || t.nd > 2 || t.val > 24 {
            return None;
        }
        if !(self.punct(i + 1, b':') && self.glued(i + 1) && self.glued(i + 2)) {
            return None;
        }
        let m = self.t.get(i + 2)?;
        if m.kind != Kind::Num || m.nd != 2 || m.val > 59 {
            return None;
        }
        let mut j = i + 3;
        if self.punct(j, b':') && self.glued(j) && self.glued(j + 1) && self.is_num(j + 1) {
            j += 2;
            if self.punct(j, b'.') && self.glued(j) && self.glued(j + 1) && self.is_num(j + 1) {
                j += 2;
            }
        }
        // a.m. / p.m. / am / pm
        if self.kw_in(j, &[Kw::Am, Kw::Pm]) {
            j += 1;
        } else if (self.kw(j, Kw::A) || self.kw(j, Kw::P))
            && self.punct(j + 1, b'.')
            && self.kw(j + 2, Kw::M)
            && self.glued(j + 1)
            && self.glued(j + 2)
        {
            j += 3;
            if self.punct(j, b'.') && self.glued(j) {
                j += 1;
            }
        }
        // Time zone: "Z", "UTC", "+02:00", "+0000".
        if self.kw(j, Kw::Z) && self.glued(j) || self.kw(j, Kw::Utc) {
            j += 1;
        } else if (self.punct(j, b'+') || self.punct(j, b'-')) && self.glued(j + 1) && self.is_num(j + 1) {
            let n = &self.t[j + 1];
            if n.nd == 4 {
                j += 2;
            } else if n.nd == 2 {
                j += 2;
                if self.punct(j, b':') && self.glued(j) && self.glued(j + 1) && self.is_num(j + 1) {
                    j += 2;
                }
            }
        }
        Some(j)
    }

    /// After a full date: ", 08:11", " 08:11", "T19:53:06".
    fn time_after(&self, k: usize) -> usize {
        if self.kw(k, Kw::T) && self.glued(k) && self.glued(k + 1) {
            return self.clock(k + 1).unwrap_or(k);
        }
        let j = if self.punct(k, b',') { k + 1 } else { k };
        if self.t.get(j).is_some_and(|t| t.ws)
            && let Some(e) = self.clock(j)
        {
            return e;
        }
        k
    }

    /// "[,] 2026" after a day; the year and the index after it.
    fn year_after_day(&self, k: usize) -> Option<(i32, usize)> {
        if self.punct(k, b',') {
            if self.t.get(k + 1).is_some_and(|t| t.ws) {
                // "On February 4, 2000 troops...": a count, not a year.
                let (y, e) = self.year(k + 1)?;
                return (!self.word_in(e, COUNT_NOUNS)).then_some((y, e));
            }
            return None;
        }
        if self.t.get(k).is_some_and(|t| t.ws) {
            return self.year(k);
        }
        None
    }

    /// "February 4", "Feb. 4th, 2026".
    fn date_md(&self, i: usize) -> Option<(Option<i32>, u32, u32, usize)> {
        let (m, _, j) = self.month(i)?;
        if !self.t.get(j)?.ws {
            return None;
        }
        let (d, k) = self.day(j)?;
        if d > days_in_month_max(m) {
            return None;
        }
        match self.year_after_day(k) {
            Some((y, e)) => {
                chrono::NaiveDate::from_ymd_opt(y, m, d)?;
                Some((Some(y), m, d, e))
            }
            None => Some((None, m, d, k)),
        }
    }

    /// "4 February", "06 February 2026", "4th of February".
    fn date_dm(&self, i: usize) -> Option<(Option<i32>, u32, u32, usize)> {
        if !self.num_ok_start(i) {
            return None;
        }
        self.date_dm_after(i)
    }

    /// `date_dm` for the second half of a range ("28 January" in "27-28 January"), where
    /// the number may touch the dash before it.
    fn date_dm_after(&self, i: usize) -> Option<(Option<i32>, u32, u32, usize)> {
        let (d, mut j) = self.day(i)?;
        if j == i + 2 && self.kw(j, Kw::Of) {
            j += 1;
        }
        if !self.t.get(j)?.ws {
            return None;
        }
        let (m, _, k) = self.month(j)?;
        if d > days_in_month_max(m) {
            return None;
        }
        match self.year_after_day(k) {
            Some((y, e)) => {
                chrono::NaiveDate::from_ymd_opt(y, m, d)?;
                Some((Some(y), m, d, e))
            }
            None => Some((None, m, d, k)),
        }
    }

    /// "2026-02-04" (with an optional time).
    fn date_iso(&self, i: usize) -> Option<(Option<i32>, u32, u32, usize)> {
        if !self.num_ok_start(i) {
            return None;
        }
        let y = self.t.get(i)?;
        if y.kind != Kind::Num || y.nd != 4 {
            return None;
        }
        let ok = self.punct(i + 1, b'-')
            && self.glued(i + 1)
            && self.glued(i + 2)
            && self.punct(i + 3, b'-')
            && self.glued(i + 3)
            && self.glued(i + 4);
        if !ok {
            return None;
        }
        let (m, d) = (self.t.get(i + 2)?, self.t.get(i + 4)?);
        if m.kind != Kind::Num || d.kind != Kind::Num || m.nd != 2 || d.nd != 2 {
            return None;
        }
        chrono::NaiveDate::from_ymd_opt(y.val as i32, m.val, d.val)?;
        let j = i + 5;
        if self.glued(j) && !self.kw(j, Kw::T) && (self.is_word(j) || self.is_num(j)) {
            return None;
        }
        if self.glued(j) && (self.punct(j, b'-') || self.punct(j, b'/')) && self.glued(j + 1) && self.is_num(j + 1) {
            return None;
        }
        Some((Some(y.val as i32), m.val, d.val, j))
    }

    /// "04.02.2026": day, month, year.
    fn date_eu(&self, i: usize) -> Option<(Option<i32>, u32, u32, usize)> {
        if !self.num_ok_start(i) {
            return None;
        }
        let ok = self.punct(i + 1, b'.')
            && self.glued(i + 1)
            && self.glued(i + 2)
            && self.punct(i + 3, b'.')
            && self.glued(i + 3)
            && self.glued(i + 4);
        if !ok {
            return None;
        }
        let (d, m, y) = (self.t.get(i)?, self.t.get(i + 2)?, self.t.get(i + 4)?);
        if [d, m, y].iter().any(|t| t.kind != Kind::Num) || d.nd > 2 || m.nd > 2 || y.nd != 4 {
            return None;
        }
        chrono::NaiveDate::from_ymd_opt(y.val as i32, m.val, d.val)?;
        let j = i + 5;
        if self.glued(j) && (self.is_word(j) || self.is_num(j)) {
            return None;
        }
        if self.glued(j)
            && matches!(self.t[j].kind, Kind::Punct(b'.' | b',' | b'-' | b'/'))
            && self.glued(j + 1)
            && self.is_num(j + 1)
        {
            return None;
        }
        Some((Some(y.val as i32), m.val, d.val, j))
    }

    /// Any day-level date at `i`, with a leading weekday ("Monday, February 2": the date
    /// wins) and a trailing time when the year is given.
    fn day_cal(&self, i: usize) -> Option<(Cal, usize)> {
        let mut j = i;
        if matches!(self.cls(i), Cls::Wd(_) | Cls::WdAbbr(_)) && self.capital(i) {
            j += 1;
            if matches!(self.cls(i), Cls::WdAbbr(_)) && self.punct(j, b'.') && self.glued(j) {
                j += 1;
            }
            if self.punct(j, b',') {
                j += 1;
            }
        }
        let (y, m, d, mut e) =
            self.date_iso(j).or_else(|| self.date_eu(j)).or_else(|| self.date_md(j)).or_else(|| self.date_dm(j))?;
        if y.is_some() {
            e = self.time_after(e);
        }
        Some((Cal::day(y, m, d), e))
    }

    /// The year that a coordinated list gives later: "May and August 2025" lends 2025 to
    /// May; "January 30 and February 2, 2026" lends 2026 to January 30.
    fn borrow_year(&self, j: usize, days: bool) -> Option<i32> {
        let mut k = j;
        for _ in 0..5 {
            let mut moved = false;
            if self.punct(k, b',') {
                k += 1;
                moved = true;
            }
            if self.kw(k, Kw::And) || self.kw(k, Kw::Or) {
                k += 1;
                moved = true;
            }
            if !moved {
                return None;
            }
            if days {
                if let Some((y, _, _, e)) = self.date_md(k) {
                    if y.is_some() {
                        return y;
                    }
                    k = e;
                } else if let Some((_, e)) = self.day(k) {
                    if let Some((y, _)) = self.year_after_day(e) {
                        return Some(y);
                    }
                    k = e;
                } else {
                    return None;
                }
            } else {
                let (_, _, e) = self.month(k)?;
                if let Some((y, _)) = self.year_for_month(e) {
                    return Some(y);
                }
                k = e;
            }
        }
        None
    }

    /// "2026" or "of 2026" after a month name.
    fn year_for_month(&self, j: usize) -> Option<(i32, usize)> {
        let k = if self.kw(j, Kw::Of) { j + 1 } else { j };
        if !self.t.get(k)?.ws {
            return None;
        }
        self.year(k)
    }

    /// The word before `i`, when it is one of `ks`.
    fn prev_kw(&self, i: usize, ks: &[Kw]) -> bool {
        i > 0 && !self.glued(i) && self.kw_in(i - 1, ks)
    }

    /// "February", "June 2024", "February of 2026"; `ctx_ok`: a prefix (early, between...)
    /// already makes a bare month safe.
    fn month_y(&self, i: usize, ctx_ok: bool) -> Option<(Cal, usize)> {
        let (m, amb, j) = self.month(i)?;
        if let Some((y, e)) = self.year_for_month(j) {
            return Some((Cal::months(Some(y), m, m), e));
        }
        if amb == Amb::Abbr {
            return None;
        }
        // "February 30", "February 29, 2025": a day that cannot be is no month either.
        if let Some((d, k)) = self.day(j) {
            let bad_year =
                self.year_after_day(k).is_some_and(|(y, _)| chrono::NaiveDate::from_ymd_opt(y, m, d).is_none());
            if d > days_in_month_max(m) || bad_year {
                return None;
            }
        }
        // "Theresa May's", "June's".
        let possessive = self.punct(j, b'\'') && self.kw(j + 1, Kw::S);
        let borrowed = self.borrow_year(j, false);
        let ok = borrowed.is_some()
            || ctx_ok
            || match amb {
                // "in February Russia attacked" but not "the October Revolution".
                Amb::Free => {
                    self.prev_kw(i, MONTH_PREPS) || !(self.is_word(j) && self.capital(j) && self.cls(j) == Cls::None)
                }
                Amb::Name => {
                    !possessive
                        && (self.prev_kw(i, MONTH_PREPS)
                            || (self.prev_kw(i, &[Kw::And, Kw::Or])
                                && i >= 2
                                && matches!(self.cls(i - 2), Cls::Month(_))))
                }
                Amb::May | Amb::Abbr => false,
            };
        if !ok {
            return None;
        }
        Some((Cal::months(borrowed, m, m), j))
    }

    /// "winter 2024-2025", "spring 2025", "summer of 2023", "the summer".
    fn season_y(&self, i: usize, ctx_ok: bool) -> Option<(Season, Option<i32>, usize)> {
        let Cls::Season(s) = self.cls(i) else {
            return None;
        };
        let j = if self.kw(i + 1, Kw::Of) { i + 2 } else { i + 1 };
        if self.t.get(j).is_some_and(|t| t.ws) {
            if let Some((y1, y2, e)) = self.year_pair(j) {
                if s == Season::Winter && y2 == y1 + 1 {
                    return Some((s, Some(y1), e));
                }
                return None;
            }
            if let Some((y, e)) = self.year(j) {
                return Some((s, Some(y), e));
            }
        }
        if s == Season::Fall {
            return None;
        }
        // "the Winter Olympics", "Spring Festival".
        if self.is_word(i + 1) && self.capital(i + 1) && !self.glued(i + 1) {
            return None;
        }
        let ok = ctx_ok
            || self.prev_kw(
                i,
                &[
                    Kw::The,
                    Kw::In,
                    Kw::During,
                    Kw::Since,
                    Kw::By,
                    Kw::Until,
                    Kw::Through,
                    Kw::Throughout,
                    Kw::Before,
                    Kw::After,
                ],
            );
        ok.then_some((s, None, i + 1))
    }

    /// "2024-2025", "2024-25", "2024/25"; both years and the index after.
    fn year_pair(&self, i: usize) -> Option<(i32, i32, usize)> {
        let t = self.t.get(i)?;
        if t.kind != Kind::Num || t.nd != 4 || !(1900..=2100).contains(&t.val) {
            return None;
        }
        let j = i + 1;
        if !(self.punct(j, b'-') || self.punct(j, b'/')) {
            return None;
        }
        // "2024-2025" or "2024 - 2025", not "2024 -2025".
        if self.glued(j) != self.glued(j + 1) {
            return None;
        }
        let n = self.t.get(j + 1)?;
        if n.kind != Kind::Num {
            return None;
        }
        let y1 = t.val as i32;
        let y2 = match n.nd {
            4 => n.val as i32,
            2 => y1 / 100 * 100 + n.val as i32,
            _ => return None,
        };
        if y2 <= y1 || y2 > y1 + 30 {
            return None;
        }
        let e = j + 2;
        if self.glued(e) && (self.is_word(e) || self.is_num(e)) {
            return None;
        }
        if self.glued(e)
            && matches!(self.t[e].kind, Kind::Punct(b'-' | b'/' | b'.'))
            && self.glued(e + 1)
            && self.is_num(e + 1)
        {
            return None;
        }
        Some((y1, y2, e))
    }

    /// A noun that a year before it names, at `e` or after one to three capitalised words:
    /// "invasion" in "the 2022 invasion", "conference" in "the 1945 Yalta conference".
    fn year_noun_at(&self, e: usize) -> bool {
        for k in e..e + 4 {
            if k >= self.t.len() || self.glued(k) {
                return false;
            }
            if self.word_in(k, YEAR_NOUNS) {
                return true;
            }
            if !(self.is_word(k) && self.capital(k) && self.cls(k) == Cls::None) {
                return false;
            }
        }
        false
    }

    /// A possessive ("Russia's") just before token `i`: the index of its word.
    fn possessive_before(&self, i: usize) -> Option<usize> {
        let ok = i >= 3
            && !self.glued(i)
            && self.kw(i - 1, Kw::S)
            && self.punct(i - 2, b'\'')
            && self.glued(i - 1)
            && self.glued(i - 2)
            && self.is_word(i - 3);
        ok.then(|| i - 3)
    }

    /// Does the context make the number at `i` (ending at `e`) a year?
    fn year_ctx(&self, i: usize, e: usize) -> bool {
        // "the 2022 invasion", "Russia's 2022 invasion", "the 1945 Yalta conference".
        let the = self.prev_kw(i, &[Kw::The])
            || (i >= 2 && !self.glued(i) && self.kw(i - 1, Kw::S) && self.punct(i - 2, b'\'') && self.glued(i - 1));
        if the && self.year_noun_at(e) {
            return true;
        }
        // After these a year reading is near certain ("In 2024 drones became...").
        if self.prev_kw(
            i,
            &[
                Kw::In,
                Kw::During,
                Kw::Throughout,
                Kw::Before,
                Kw::After,
                Kw::Through,
                Kw::Until,
                Kw::Till,
                Kw::Since,
                Kw::Year,
                Kw::Early,
                Kw::Late,
                Kw::Mid,
                Kw::Between,
            ],
        ) {
            return true;
        }
        // After these a count is possible ("a total of 2024 shells").
        if self.count_noun(e) {
            return false;
        }
        if self.prev_kw(i, &[Kw::Of, Kw::For, Kw::Around, Kw::By, Kw::From]) {
            return true;
        }
        // "2024 and 2025", "2022, 2023".
        if i >= 2 && (self.prev_kw(i, &[Kw::And, Kw::Or]) || self.punct(i - 1, b',')) {
            let p = &self.t[i - 2];
            if p.kind == Kind::Num && p.nd == 4 && (1900..=2100).contains(&p.val) {
                return true;
            }
        }
        false
    }

    /// Month-or-coarser periods: partial months and years, seasons, years, year pairs,
    /// halves, quarters, weeks of a month.
    fn period(&self, i: usize, ctx_ok: bool) -> Option<(Cal, usize)> {
        if let Some((part, j)) = self.part_prefix(i) {
            if let Some((c, e)) = self.month_y(j, true) {
                let (sd, ed) = match part {
                    Part::Early => (1, 10),
                    Part::Mid => (11, 20),
                    Part::Late => (21, 0),
                };
                return Some((Cal::month(c.y, c.sm, sd, ed), e));
            }
            if let Some((s, y, e)) = self.season_y(j, true) {
                let k = match part {
                    Part::Early => 0,
                    Part::Mid => 1,
                    Part::Late => 2,
                };
                let mut m = s.first_month() + k;
                let mut y = y;
                if m > 12 {
                    m -= 12;
                    y = y.map(|y| y + 1);
                }
                return Some((Cal::months(y, m, m), e));
            }
            if let Some((y1, _, e)) = self.decade(j) {
                // "the early 2000s": 2000-2003, "mid-1990s": 1993-1996, "late 1980s".
                let (a, b) = match part {
                    Part::Early => (0, 3),
                    Part::Mid => (3, 6),
                    Part::Late => (7, 9),
                };
                return Some((Cal::years(y1 + a, y1 + b), e));
            }
            if let Some((y, e)) = self.year(j) {
                let (m1, m2) = match part {
                    Part::Early => (1, 4),
                    Part::Mid => (5, 8),
                    Part::Late => (9, 12),
                };
                return Some((Cal::months(Some(y), m1, m2), e));
            }
            return None;
        }
        if let Some(r) = self.ordinal_period(i) {
            return Some(r);
        }
        if let Some(r) = self.month_y(i, ctx_ok) {
            return Some(r);
        }
        if let Some((s, y, e)) = self.season_y(i, ctx_ok) {
            return Some((Cal::season(y, s), e));
        }
        if !self.num_ok_start(i) {
            return None;
        }
        if let Some((y1, y2, e)) = self.year_pair(i) {
            return Some((Cal::years(y1, y2), e));
        }
        if let Some((y1, y2, e)) = self.decade(i) {
            return Some((Cal::years(y1, y2), e));
        }
        if let Some((y, e)) = self.year(i)
            && ((ctx_ok && !self.count_noun(e)) || self.year_ctx(i, e))
        {
            return Some((Cal::years(y, y), e));
        }
        None
    }

    /// "1990s", "2020s".
    fn decade(&self, i: usize) -> Option<(i32, i32, usize)> {
        let t = self.t.get(i)?;
        if t.kind != Kind::Num || t.nd != 4 || !(1900..=2090).contains(&t.val) || t.val % 10 != 0 {
            return None;
        }
        if !(self.kw(i + 1, Kw::S) && self.glued(i + 1)) {
            return None;
        }
        if self.glued(i + 2) && (self.is_word(i + 2) || self.is_num(i + 2)) {
            return None;
        }
        let y = t.val as i32;
        Some((y, y + 9, i + 2))
    }

    /// "early", "mid", "mid-", "late", "the end of", "the beginning of", "start of"...
    fn part_prefix(&self, i: usize) -> Option<(Part, usize)> {
        let simple = match self.cls(i) {
            Cls::Kw(Kw::Early) => Some(Part::Early),
            Cls::Kw(Kw::Mid) => Some(Part::Mid),
            Cls::Kw(Kw::Late) => Some(Part::Late),
            _ => None,
        };
        if let Some(p) = simple {
            let j = if self.punct(i + 1, b'-') && self.glued(i + 1) { i + 2 } else { i + 1 };
            return Some((p, j));
        }
        let j = if self.kw(i, Kw::The) { i + 1 } else { i };
        let p = match self.cls(j) {
            Cls::Kw(Kw::End) => Part::Late,
            Cls::Kw(Kw::Beginning | Kw::Start) => Part::Early,
            Cls::Kw(Kw::Middle) => Part::Mid,
            _ => return None,
        };
        self.kw(j + 1, Kw::Of).then_some((p, j + 2))
    }

    /// "the first half of 2025", "Q1 2025", "the third quarter of 2024",
    /// "the first week of February", "the last week of January 2026".
    fn ordinal_period(&self, i: usize) -> Option<(Cal, usize)> {
        if self.kw(i, Kw::Q) && self.capital(i) && self.glued(i + 1) {
            let q = self.t.get(i + 1)?;
            if q.kind == Kind::Num && (1..=4).contains(&q.val) && q.nd == 1 {
                let j = if self.kw(i + 2, Kw::Of) { i + 3 } else { i + 2 };
                if !self.t.get(j)?.ws {
                    return None;
                }
                let (y, e) = self.year(j)?;
                return Some((Cal::months(Some(y), 3 * q.val - 2, 3 * q.val), e));
            }
            return None;
        }
        let j = if self.kw(i, Kw::The) { i + 1 } else { i };
        let n = ord_of(self.cls(j))?;
        match self.cls(j + 1) {
            Cls::Kw(Kw::Half) if n <= 2 && self.kw(j + 2, Kw::Of) => {
                let (y, e) = self.year(j + 3)?;
                let (m1, m2) = if n == 1 { (1, 6) } else { (7, 12) };
                Some((Cal::months(Some(y), m1, m2), e))
            }
            Cls::Kw(Kw::Quarter) if n <= 4 && self.kw(j + 2, Kw::Of) => {
                let (y, e) = self.year(j + 3)?;
                Some((Cal::months(Some(y), 3 * n - 2, 3 * n), e))
            }
            Cls::Kw(Kw::Week) if self.kw(j + 2, Kw::Of) => {
                let (c, e) = self.month_y(j + 3, true)?;
                let mut c = c;
                c.prec = Precision::Week;
                if n == 5 {
                    c.last_week = true;
                    c.sd = 1;
                    c.ed = 0;
                } else {
                    c.sd = 7 * n - 6;
                    c.ed = 7 * n;
                }
                Some((c, e))
            }
            _ => None,
        }
    }

    /// A range endpoint or a single date at `i`.
    fn unit(&self, i: usize, ctx_ok: bool) -> Option<(U, usize)> {
        if let Some((c, e)) = self.day_cal(i) {
            return Some((U::Cal(c), e));
        }
        if let Some((c, e)) = self.period(i, ctx_ok) {
            return Some((U::Cal(c), e));
        }
        if let Cls::Wd(w) = self.cls(i)
            && self.capital(i)
        {
            return Some((U::Wd(w), i + 1));
        }
        None
    }

    fn connector(&self, j: usize, ctx: Ctx) -> Option<(Conn, usize)> {
        let c = match self.cls(j) {
            Cls::Kw(Kw::And) => Conn::And,
            Cls::Kw(Kw::To) => Conn::To,
            Cls::Kw(Kw::Until | Kw::Till | Kw::Thru) if ctx == Ctx::From => Conn::To,
            Cls::Kw(Kw::Through) if ctx != Ctx::Between => Conn::To,
            Cls::Kw(Kw::Into) if ctx == Ctx::Night => Conn::To,
            Cls::Kw(Kw::Into) if ctx == Ctx::Bare => {
                let k = if self.kw(j + 1, Kw::Early) { j + 2 } else { j + 1 };
                return Some((Conn::Into, k));
            }
            _ if self.punct(j, b'-') => Conn::Dash,
            _ => return None,
        };
        match (ctx, c) {
            (Ctx::Between, Conn::And) => {}
            (Ctx::Between, _) => return None,
            (Ctx::From, Conn::And) => return None,
            _ => {}
        }
        Some((c, j + 1))
    }

    /// "postponed from February 1 to February 4": not a range.
    fn postponed_before(&self, i: usize) -> bool {
        let lo = i.saturating_sub(5);
        (lo..i).any(|k| {
            self.kw_in(
                k,
                &[Kw::Postponed, Kw::Moved, Kw::Rescheduled, Kw::Pushed, Kw::Delayed, Kw::Shifted, Kw::Brought],
            )
        })
    }

    /// A bare day closing a range: "28" in "January 27-28", with an optional year.
    fn bare_right_day(&self, k: usize) -> Option<(u32, Option<i32>, usize)> {
        let (d, e) = self.day(k)?;
        if self.count_noun(e) || self.month(e).is_some() {
            return None;
        }
        if let Some((y, e2)) = self.year_after_day(e) {
            return Some((d, Some(y), e2));
        }
        Some((d, None, e))
    }

    /// A range at `i` (after between/from/the night of, or bare).
    fn range(&self, i: usize, ctx: Ctx) -> Option<(Sem, usize)> {
        let no_to = matches!(ctx, Ctx::Bare | Ctx::From) && self.postponed_before(i);
        // "27-28 January", "27 to 28 January 2026", "4 and 5 February".
        if let Some(r) = self.bare_left_range(i, ctx, no_to) {
            return Some(r);
        }
        let (l, j, weak) = match self.unit(i, ctx != Ctx::Bare) {
            Some((l, j)) => (l, j, false),
            None if ctx == Ctx::Bare => {
                let (l, j) = self.unit(i, true)?;
                (l, j, true)
            }
            None => return None,
        };
        let (conn, k) = self.connector(j, ctx)?;
        if conn == Conn::To && no_to {
            return None;
        }
        let (r, e) = match (l, self.unit(k, true)) {
            (_, Some((r, e))) => (r, e),
            (U::Cal(lc), None) if lc.prec == Precision::Day => {
                let (d, y, e) = self.bare_right_day(k)?;
                if d <= lc.sd || d > days_in_month_max(lc.sm) {
                    return None;
                }
                if let Some(y) = y {
                    chrono::NaiveDate::from_ymd_opt(y, lc.sm, d)?;
                }
                (U::Cal(Cal::day(y, lc.sm, d)), e)
            }
            _ => return None,
        };
        match (l, r) {
            (U::Cal(a), U::Cal(b)) => {
                if weak && b.y.is_none() {
                    return None;
                }
                if conn == Conn::Into {
                    let next_day = a.prec == Precision::Day
                        && b.prec == Precision::Day
                        && (a.sm == b.sm && b.sd == a.sd + 1 || b.sd == 1 && (b.sm == a.sm % 12 + 1) && a.sd >= 28);
                    if !next_day {
                        return None;
                    }
                }
                if conn == Conn::And && ctx == Ctx::Bare {
                    // "February 4 and 5": two consecutive days are one span.
                    let consecutive = a.prec == Precision::Day
                        && b.prec == Precision::Day
                        && a.sm == b.sm
                        && b.sd == a.sd + 1
                        && (a.y.is_none() || b.y.is_none() || a.y == b.y);
                    if !consecutive {
                        return None;
                    }
                }
                Some((Sem::Cal(cal_range(a, b)?), e))
            }
            (U::Wd(a), U::Wd(b)) if ctx != Ctx::Bare => {
                let mode = if self.future_ctx(i, e) { WdMode::Future } else { WdMode::Recent };
                Some((Sem::WdRange(a, b, mode), e))
            }
            _ => None,
        }
    }

    fn bare_left_range(&self, i: usize, ctx: Ctx, no_to: bool) -> Option<(Sem, usize)> {
        if !self.num_ok_start(i) {
            return None;
        }
        let (d1, j) = self.day(i)?;
        if j != i + 1 {
            // "4th-5th February" is rare; keep it simple.
            return None;
        }
        let (conn, k) = self.connector(j, ctx)?;
        if conn == Conn::To && no_to {
            return None;
        }
        let (y, m, d2, e) = self.date_dm_after(k)?;
        if d2 <= d1 || (conn == Conn::And && ctx == Ctx::Bare && d2 != d1 + 1) {
            return None;
        }
        let mut c = Cal::day(y, m, d1);
        c.ed = d2;
        c.prec = Precision::Range;
        Some((Sem::Cal(c), e))
    }

    // ---- context for weekdays ------------------------------------------------------

    /// Is token `k` a clause boundary when walking back?
    fn boundary(&self, k: usize) -> bool {
        match self.t[k].kind {
            Kind::Punct(b'.') => {
                // "U.S." and initials do not end a sentence.
                !(k > 0 && self.is_word(k - 1) && self.word(k - 1).len() == 1)
            }
            Kind::Punct(b'!' | b'?' | b';' | b':' | b',' | b'(' | b')') => true,
            _ => false,
        }
    }

    /// Does the clause around tokens `s..e` speak of the future ("will", "is due to",
    /// "to visit", "later on")?
    fn future_ctx(&self, s: usize, e: usize) -> bool {
        let mut k = s;
        let mut n = 0;
        while k > 0 && n < 14 {
            if self.t[k].nl {
                break;
            }
            k -= 1;
            n += 1;
            if self.boundary(k) {
                break;
            }
            match self.cls(k) {
                Cls::Kw(
                    Kw::Will
                    | Kw::Would
                    | Kw::Shall
                    | Kw::Ll
                    | Kw::Scheduled
                    | Kw::Plans
                    | Kw::Planning
                    | Kw::Expected
                    | Kw::Upcoming
                    | Kw::Ahead
                    | Kw::Next,
                ) => return true,
                // "is due to", "is set to", "is planned for"; not "due to the weather".
                Cls::Kw(Kw::Set | Kw::Due | Kw::Planned) if k > 0 && self.kw_in(k - 1, &[Kw::Is, Kw::Are]) => {
                    return true;
                }
                // "later on Monday", "later Monday"; not "Russia later claimed on Monday".
                Cls::Kw(Kw::Later) if s - k <= 2 => return true,
                Cls::Kw(Kw::To) if self.word_in(k + 1, PLAN_VERBS) => return true,
                Cls::Kw(
                    Kw::Which
                    | Kw::That
                    | Kw::Who
                    | Kw::When
                    | Kw::While
                    | Kw::Because
                    | Kw::But
                    | Kw::After
                    | Kw::Said
                    | Kw::Told
                    | Kw::Reported
                    | Kw::Claimed
                    | Kw::Stated
                    | Kw::Announced,
                ) => break,
                _ => {}
            }
        }
        // "On Tuesday, the delegations will meet": the weekday opens the clause.
        let mut b = s;
        if b > 0 && self.kw_in(b - 1, &[Kw::On, Kw::By]) {
            b -= 1;
        }
        let opens = b == 0 || self.t[b].nl || self.boundary(b - 1);
        if !opens {
            return false;
        }
        let mut k = e;
        if self.punct(k, b',') {
            k += 1;
        }
        for _ in 0..6 {
            if k >= self.t.len() || self.t[k].nl || self.boundary(k) {
                return false;
            }
            match self.cls(k) {
                Cls::Kw(Kw::Will | Kw::Shall | Kw::Ll) => return true,
                Cls::Kw(Kw::Is | Kw::Are)
                    if self.kw_in(k + 1, &[Kw::Due, Kw::Scheduled, Kw::Set, Kw::Expected, Kw::To]) =>
                {
                    return true;
                }
                Cls::Kw(
                    Kw::And
                    | Kw::But
                    | Kw::While
                    | Kw::Which
                    | Kw::That
                    | Kw::After
                    | Kw::Said
                    | Kw::Told
                    | Kw::Reported
                    | Kw::Claimed
                    | Kw::Stated
                    | Kw::Announced,
                ) => return false,
                _ => {}
            }
            k += 1;
        }
        false
    }

    fn wd_sem(&self, w: u8, s: usize, e: usize) -> Sem {
        let mode = if self.future_ctx(s, e) { WdMode::Future } else { WdMode::Recent };
        Sem::Wd(w, mode)
    }

    fn unit_sem(&self, u: U, s: usize, e: usize) -> Sem {
        match u {
            U::Cal(c) => Sem::Cal(c),
            U::Wd(w) => self.wd_sem(w, s, e),
        }
    }

    // ---- bounds ----------------------------------------------------------------------

    /// Is the expression `raw` at tokens `s..e` a bound or background ("since 2022", "by
    /// 2030", "before the 2022 invasion", "the 1945 Yalta conference")?
    pub(super) fn bound(&self, s: usize, e: usize, raw: &Raw) -> Option<Bound> {
        if raw.since {
            return Some(Bound::Since);
        }
        // "the 2022 invasion", "a 2022 survey", "Russia's 2022 invasion".
        let det = if self.prev_kw(s, &[Kw::The, Kw::A, Kw::An]) { Some(s - 1) } else { self.possessive_before(s) };
        let k = det.unwrap_or(s);
        if k > 0 && !self.glued(k) {
            match self.cls(k - 1) {
                Cls::Kw(Kw::Since) => return Some(Bound::Since),
                Cls::Kw(Kw::By) => return Some(Bound::By),
                Cls::Kw(Kw::Until | Kw::Till | Kw::Through | Kw::Thru) => return Some(Bound::Until),
                Cls::Kw(Kw::Before) => return Some(Bound::Before),
                Cls::Kw(Kw::After) => return Some(Bound::After),
                _ => {}
            }
        }
        let year = matches!(raw.sem, Sem::Cal(c) if c.prec == Precision::Year);
        (year && det.is_some() && self.year_noun_at(e)).then_some(Bound::Modifier)
    }

    // ---- entry points ----------------------------------------------------------------

    /// The longest expression starting at token `i`.
    pub(super) fn parse_at(&self, i: usize) -> Option<Hit> {
        let t = &self.t[i];
        match t.kind {
            Kind::Num => self.at_num(i),
            Kind::Word => match t.cls {
                Cls::None => None,
                Cls::Month(_) | Cls::MonAbbr(_) => self.at_month(i),
                Cls::Wd(_) | Cls::WdAbbr(_) => self.at_weekday(i),
                Cls::Season(_) => self.period(i, false).map(|(c, e)| self.hit(i, e, Sem::Cal(c))),
                Cls::NumW(_) => self.ago(i),
                Cls::Kw(k) => self.at_kw(i, k),
            },
            _ => None,
        }
    }

    fn at_month(&self, i: usize) -> Option<Hit> {
        let mut best: Option<Hit> = None;
        pick(&mut best, self.range(i, Ctx::Bare).map(|(s, e)| self.hit(i, e, s)));
        pick(&mut best, self.md_list(i));
        pick(&mut best, self.period(i, false).map(|(c, e)| self.hit(i, e, Sem::Cal(c))));
        best
    }

    /// "February 4", "February 4, 2026, 08:11", "January 30 and February 2, 2026",
    /// "February 1 and 10" (two expressions).
    fn md_list(&self, i: usize) -> Option<Hit> {
        let (y, m, d, k) = self.date_md(i)?;
        let y = y.or_else(|| self.borrow_year(k, true));
        let e = if y.is_some() { self.time_after(k) } else { k };
        let mut h = self.hit(i, e, Sem::Cal(Cal::day(y, m, d)));
        // "February 1 and 10": the second day, same month.
        if e == k
            && self.kw(k, Kw::And)
            && let Some((d2, y2, e2)) = self.bare_right_day(k + 1)
            && d2 != d
            && d2 <= days_in_month_max(m)
            && (y2.is_none() || y2 == y)
        {
            let y = y.or(y2);
            if y.is_none_or(|y| chrono::NaiveDate::from_ymd_opt(y, m, d2).is_some()) {
                h.raw.sem = Sem::Cal(Cal::day(y, m, d));
                h.extra = Some(self.raw(k + 1, e2, Sem::Cal(Cal::day(y, m, d2))));
                h.end = e2;
            }
        }
        Some(h)
    }

    fn at_weekday(&self, i: usize) -> Option<Hit> {
        if let Some((c, e)) = self.day_cal(i) {
            return Some(self.hit(i, e, Sem::Cal(c)));
        }
        match self.cls(i) {
            Cls::Wd(w) if self.capital(i) && !self.weekday_is_name(i) => {
                if let Some(e) = self.last_week_after(i + 1) {
                    return Some(self.hit(i, e, Sem::Wd(w, WdMode::LastWeek)));
                }
                Some(self.hit(i, i + 1, self.wd_sem(w, i, i + 1)))
            }
            _ => None,
        }
    }

    /// "last week", "of last week", "of the previous week" after a weekday; the index after.
    fn last_week_after(&self, j: usize) -> Option<usize> {
        if self.kw(j, Kw::Last) && self.kw(j + 1, Kw::Week) {
            return Some(j + 2);
        }
        if !self.kw(j, Kw::Of) {
            return None;
        }
        let k = if self.kw(j + 1, Kw::The) && self.kw(j + 2, Kw::Previous) {
            j + 3
        } else if self.kw(j + 1, Kw::Last) {
            j + 2
        } else {
            return None;
        };
        self.kw(k, Kw::Week).then_some(k + 1)
    }

    /// "Bloody Sunday", "Black Friday", "the Sunday Times", "the Mail on Sunday".
    fn weekday_is_name(&self, i: usize) -> bool {
        let before = i > 0 && !self.glued(i) && self.capital(i - 1);
        if before && self.word_in(i - 1, WEEKDAY_NAMERS) {
            return true;
        }
        if i >= 2 && self.kw(i - 1, Kw::On) && self.capital(i - 2) && self.word_in(i - 2, &["mail"]) {
            return true;
        }
        self.capital(i + 1) && !self.glued(i + 1) && self.word_in(i + 1, WEEKDAY_NAMED)
    }

    fn at_num(&self, i: usize) -> Option<Hit> {
        let mut best: Option<Hit> = None;
        pick(&mut best, self.day_cal(i).map(|(c, e)| self.hit(i, e, Sem::Cal(c))));
        pick(&mut best, self.range(i, Ctx::Bare).map(|(s, e)| self.hit(i, e, s)));
        pick(&mut best, self.period(i, false).map(|(c, e)| self.hit(i, e, Sem::Cal(c))));
        pick(&mut best, self.ago(i));
        if best.is_none() {
            pick(&mut best, self.dm_first_of_pair(i));
        }
        if let Some(h) = &mut best {
            // "4 February and 10 February 2026": borrow the year.
            if let Sem::Cal(c) = &mut h.raw.sem
                && c.y.is_none()
                && c.prec == Precision::Day
                && h.extra.is_none()
            {
                c.y = self.borrow_year(h.end, true);
            }
        }
        best
    }

    /// "4" in "4 and 10 February": February 4, with the month (and year) of the second.
    fn dm_first_of_pair(&self, i: usize) -> Option<Hit> {
        if !self.num_ok_start(i) {
            return None;
        }
        let (d1, j) = self.day(i)?;
        if !self.kw(j, Kw::And) && !self.punct(j, b',') {
            return None;
        }
        let (y, m, d2, _) = self.date_dm(j + 1)?;
        if d1 == d2 || d1 > days_in_month_max(m) {
            return None;
        }
        if let Some(y) = y {
            chrono::NaiveDate::from_ymd_opt(y, m, d1)?;
        }
        Some(self.hit(i, j, Sem::Cal(Cal::day(y, m, d1))))
    }

    /// "two days ago", "a week ago", "3 months ago".
    fn ago(&self, i: usize) -> Option<Hit> {
        let (n, j) = self.count(i)?;
        let rel = match self.cls(j) {
            Cls::Kw(Kw::Day | Kw::Days) => Rel::DaysAgo(n),
            Cls::Kw(Kw::Week | Kw::Weeks) => Rel::WeeksAgo(n),
            Cls::Kw(Kw::Month | Kw::Months) => Rel::MonthsAgo(n),
            Cls::Kw(Kw::Year | Kw::Years) => Rel::YearsAgo(n),
            _ => return None,
        };
        if !self.kw(j + 1, Kw::Ago) {
            return None;
        }
        Some(self.hit(i, j + 2, Sem::Rel(rel)))
    }

    /// A small count: "two", "a", "an", "3".
    fn count(&self, i: usize) -> Option<(u32, usize)> {
        match self.cls(i) {
            Cls::NumW(n) => Some((n as u32, i + 1)),
            Cls::Kw(Kw::A | Kw::An) => Some((1, i + 1)),
            _ => {
                let t = self.t.get(i)?;
                if t.kind != Kind::Num || t.nd > 3 || t.val == 0 || !self.num_ok_start(i) {
                    return None;
                }
                if self.glued(i + 1) && !self.punct(i + 1, b'-') {
                    return None;
                }
                // "24-hour" style: "past 24-hours" is rare, accept the hyphen.
                let j = if self.punct(i + 1, b'-') && self.glued(i + 1) { i + 2 } else { i + 1 };
                Some((t.val, j))
            }
        }
    }

    fn at_kw(&self, i: usize, k: Kw) -> Option<Hit> {
        match k {
            Kw::Between => {
                let (sem, e) = self.range(i + 1, Ctx::Between)?;
                Some(self.hit(i, e, sem))
            }
            Kw::Since | Kw::From if self.start_of_day(i + 1).is_some() => {
                // "since the beginning of the day": the day so far, the anchor day.
                let e = self.start_of_day(i + 1)?;
                Some(self.hit(i, e, Sem::Rel(Rel::Today)))
            }
            Kw::From => {
                let (sem, e) = self.range(i + 1, Ctx::From)?;
                Some(self.hit(i, e, sem))
            }
            Kw::Since => {
                // "since the summer", "since the early 2000s" (not "since the 2022 invasion",
                // whose year is matched on its own).
                let h = self.parse_at_checked(i + 1).or_else(|| {
                    (self.kw(i + 1, Kw::The) && !self.is_num(i + 2)).then(|| self.parse_at_checked(i + 2)).flatten()
                })?;
                if h.extra.is_some() {
                    return None;
                }
                let mut raw = h.raw;
                raw.s = self.t[i].s as usize;
                raw.since = true;
                if let Sem::Wd(w, mode) = raw.sem
                    && mode != WdMode::LastWeek
                {
                    raw.sem = Sem::Wd(w, WdMode::Recent);
                }
                Some(Hit { end: h.end, raw, extra: None })
            }
            Kw::As if self.kw(i + 1, Kw::Of) => {
                let mut h = self.parse_at_checked(i + 2)?;
                h.raw.s = self.t[i].s as usize;
                Some(h)
            }
            Kw::The => self.at_the(i),
            Kw::Night if self.kw(i + 1, Kw::Of) => self.night_of(i, i + 2),
            Kw::Overnight => self.overnight(i),
            Kw::During if self.kw(i + 1, Kw::The) && self.kw(i + 2, Kw::Night) && !self.kw(i + 3, Kw::Of) => {
                Some(self.hit(i, i + 3, Sem::Rel(Rel::Night)))
            }
            Kw::Last | Kw::Past => self.past_last(i, i),
            Kw::This => self.this_(i),
            Kw::Next => self.next_(i),
            Kw::Earlier | Kw::Later => self.earlier_later(i),
            Kw::Early => self.early_hours(i, i).or_else(|| self.period_hit(i)),
            Kw::Late | Kw::Mid | Kw::Middle | Kw::End | Kw::Beginning | Kw::Start => self.period_hit(i),
            Kw::First | Kw::Second | Kw::Third | Kw::Fourth | Kw::Q => self.period_hit(i),
            Kw::Today | Kw::Tonight => Some(self.hit(i, i + 1, Sem::Rel(Rel::Today))),
            Kw::Yesterday => Some(self.hit(i, i + 1, Sem::Rel(Rel::Yesterday))),
            Kw::Tomorrow => Some(self.hit(i, i + 1, Sem::Rel(Rel::Tomorrow))),
            Kw::A | Kw::An => self.ago(i),
            _ => None,
        }
    }

    /// The expression after "since" or "as of": never another "since", "as of",
    /// "between" or "from" (which also keeps the recursion one level deep).
    fn parse_at_checked(&self, i: usize) -> Option<Hit> {
        if i >= self.t.len() || self.kw_in(i, &[Kw::Since, Kw::As, Kw::Between, Kw::From]) {
            return None;
        }
        self.parse_at(i)
    }

    /// "the beginning of the day", "the start of this day", "the beginning of today" at
    /// `j`; the index after it. Not "the beginning of the day of mourning".
    fn start_of_day(&self, j: usize) -> Option<usize> {
        let j = if self.kw(j, Kw::The) { j + 1 } else { j };
        if !(self.kw_in(j, &[Kw::Beginning, Kw::Start]) && self.kw(j + 1, Kw::Of)) {
            return None;
        }
        let k = j + 2;
        if self.kw(k, Kw::Today) {
            return Some(k + 1);
        }
        (self.kw_in(k, &[Kw::The, Kw::This]) && self.kw(k + 1, Kw::Day) && !self.kw(k + 2, Kw::Of)).then_some(k + 2)
    }

    fn period_hit(&self, i: usize) -> Option<Hit> {
        let (c, e) = self.period(i, false)?;
        Some(self.hit(i, e, Sem::Cal(c)))
    }

    fn at_the(&self, i: usize) -> Option<Hit> {
        let mut best: Option<Hit> = None;
        if self.kw(i + 1, Kw::Night) && self.kw(i + 2, Kw::Of) {
            pick(&mut best, self.night_of(i, i + 3));
        }
        pick(&mut best, self.early_hours(i, i + 1));
        pick(&mut best, self.period_hit(i));
        if self.kw_in(i + 1, &[Kw::Past, Kw::Last]) {
            pick(&mut best, self.past_last(i, i + 1));
        }
        if self.kw(i + 1, Kw::Weekend) {
            let future = self.future_ctx(i, i + 2);
            pick(&mut best, Some(self.hit(i, i + 2, Sem::Rel(Rel::Weekend(0, future)))));
        }
        if self.kw(i + 1, Kw::Day) && self.kw(i + 2, Kw::Before) && self.kw(i + 3, Kw::Yesterday) {
            pick(&mut best, Some(self.hit(i, i + 4, Sem::Rel(Rel::DayBeforeYesterday))));
        }
        best
    }

    /// After "the night of" (`j`): a range or a single date or weekday.
    fn night_of(&self, s: usize, j: usize) -> Option<Hit> {
        if let Some((sem, e)) = self.range(j, Ctx::Night) {
            return Some(self.hit(s, e, sem));
        }
        let (u, e) = self.unit(j, true)?;
        if let U::Cal(c) = u
            && c.prec != Precision::Day
        {
            return None;
        }
        Some(self.hit(s, e, self.unit_sem(u, s, e)))
    }

    /// "overnight", "overnight on February 3-4", "overnight into Tuesday".
    fn overnight(&self, i: usize) -> Option<Hit> {
        let j = if self.kw_in(i + 1, &[Kw::On, Kw::Into, Kw::Of, Kw::To]) { i + 2 } else { i + 1 };
        if j < self.t.len() {
            if let Some((sem, e)) = self.range(j, Ctx::Night) {
                return Some(self.hit(i, e, sem));
            }
            if let Some((c, e)) = self.day_cal(j) {
                return Some(self.hit(i, e, Sem::Cal(c)));
            }
            if let Cls::Wd(w) = self.cls(j)
                && self.capital(j)
            {
                return Some(self.hit(i, j + 1, self.wd_sem(w, i, j + 1)));
            }
        }
        Some(self.hit(i, i + 1, Sem::Rel(Rel::Night)))
    }

    /// "early hours", "the early hours of Wednesday", "the early hours of February 4".
    fn early_hours(&self, s: usize, i: usize) -> Option<Hit> {
        if !(self.kw(i, Kw::Early) && self.kw(i + 1, Kw::Hours)) {
            return None;
        }
        let j = i + 2;
        if self.kw(j, Kw::Of) {
            if let Some((c, e)) = self.day_cal(j + 1) {
                return Some(self.hit(s, e, Sem::Cal(c)));
            }
            if let Cls::Wd(w) = self.cls(j + 1)
                && self.capital(j + 1)
            {
                return Some(self.hit(s, j + 2, self.wd_sem(w, s, j + 2)));
            }
            match self.cls(j + 1) {
                Cls::Kw(Kw::Today) => return Some(self.hit(s, j + 2, Sem::Rel(Rel::Today))),
                Cls::Kw(Kw::Yesterday) => {
                    return Some(self.hit(s, j + 2, Sem::Rel(Rel::Yesterday)));
                }
                _ => {}
            }
        }
        Some(self.hit(s, j, Sem::Rel(Rel::Night)))
    }

    /// "last night/week/month/year/weekend/Monday/summer/December", "the past week",
    /// "the last 24 hours", "past two weeks"; `s` is the first token ("the" or `i`).
    fn past_last(&self, s: usize, i: usize) -> Option<Hit> {
        let last = self.kw(i, Kw::Last);
        let bare_last = last && s == i;
        let j = i + 1;
        let of_follows = |k: usize| self.kw(k, Kw::Of);
        let rel = match self.cls(j) {
            Cls::Kw(Kw::Night) if bare_last => Rel::Night,
            Cls::Kw(Kw::Week) if !of_follows(j + 1) => {
                if bare_last {
                    Rel::LastWeek
                } else {
                    Rel::ThisWeek
                }
            }
            Cls::Kw(Kw::Month) if !of_follows(j + 1) => {
                if bare_last {
                    Rel::LastMonth
                } else {
                    Rel::PastMonths(1)
                }
            }
            Cls::Kw(Kw::Year) if !of_follows(j + 1) => {
                if bare_last {
                    Rel::LastYear
                } else {
                    Rel::PastYears(1)
                }
            }
            Cls::Kw(Kw::Day) if !bare_last && !of_follows(j + 1) => Rel::PastHours(24),
            Cls::Kw(Kw::Weekend) if !of_follows(j + 1) => Rel::Weekend(-1, false),
            Cls::Wd(w) if bare_last && self.capital(j) => {
                return Some(self.hit(s, j + 1, Sem::Wd(w, WdMode::StrictPast)));
            }
            Cls::Season(se) if bare_last && !of_follows(j + 1) => Rel::Season(se, -1),
            Cls::Month(m)
                if bare_last && self.capital(j) && !self.t.get(j + 1).is_some_and(|t| t.kind == Kind::Num) =>
            {
                Rel::LastNamedMonth(m as u32)
            }
            _ => {
                let (n, k) = self.count(j)?;
                if self.kw_in(j, &[Kw::A, Kw::An]) {
                    return None;
                }
                let rel = match self.cls(k) {
                    Cls::Kw(Kw::Hours | Kw::Hour) => Rel::PastHours(n),
                    Cls::Kw(Kw::Days | Kw::Day) => Rel::PastDays(n),
                    Cls::Kw(Kw::Weeks | Kw::Week) => Rel::PastWeeks(n),
                    Cls::Kw(Kw::Months | Kw::Month) => Rel::PastMonths(n),
                    Cls::Kw(Kw::Years | Kw::Year) => Rel::PastYears(n),
                    _ => return None,
                };
                if of_follows(k + 1) {
                    return None;
                }
                return Some(self.hit(s, k + 1, Sem::Rel(rel)));
            }
        };
        Some(self.hit(s, j + 1, Sem::Rel(rel)))
    }

    fn this_(&self, i: usize) -> Option<Hit> {
        let j = i + 1;
        let rel = match self.cls(j) {
            Cls::Kw(Kw::Week) => Rel::ThisWeek,
            Cls::Kw(Kw::Month) => Rel::ThisMonth,
            Cls::Kw(Kw::Year) => Rel::ThisYear,
            Cls::Kw(Kw::Weekend) => Rel::Weekend(0, self.future_ctx(i, j + 1)),
            Cls::Kw(Kw::Morning | Kw::Afternoon | Kw::Evening) => Rel::Today,
            Cls::Wd(w) if self.capital(j) => {
                return Some(self.hit(i, j + 1, self.wd_sem(w, i, j + 1)));
            }
            Cls::Season(s) => Rel::Season(s, 0),
            Cls::Kw(Kw::Past) => match self.cls(j + 1) {
                Cls::Kw(Kw::Week) => return Some(self.hit(i, j + 2, Sem::Rel(Rel::ThisWeek))),
                Cls::Kw(Kw::Weekend) => {
                    return Some(self.hit(i, j + 2, Sem::Rel(Rel::Weekend(0, false))));
                }
                _ => return None,
            },
            _ => return None,
        };
        Some(self.hit(i, j + 1, Sem::Rel(rel)))
    }

    fn next_(&self, i: usize) -> Option<Hit> {
        let j = i + 1;
        let rel = match self.cls(j) {
            Cls::Kw(Kw::Week) => Rel::NextWeek,
            Cls::Kw(Kw::Month) => Rel::NextMonth,
            Cls::Kw(Kw::Year) => Rel::NextYear,
            Cls::Kw(Kw::Weekend) => Rel::Weekend(1, true),
            Cls::Wd(w) if self.capital(j) => {
                return Some(self.hit(i, j + 1, Sem::Wd(w, WdMode::StrictFuture)));
            }
            Cls::Season(s) => Rel::Season(s, 1),
            _ => return None,
        };
        Some(self.hit(i, j + 1, Sem::Rel(rel)))
    }

    /// "earlier this month", "later this year", "earlier today".
    fn earlier_later(&self, i: usize) -> Option<Hit> {
        let later = self.kw(i, Kw::Later);
        if self.kw(i + 1, Kw::Today) {
            return Some(self.hit(i, i + 2, Sem::Rel(Rel::Today)));
        }
        if !self.kw(i + 1, Kw::This) {
            return None;
        }
        let rel = match (self.cls(i + 2), later) {
            (Cls::Kw(Kw::Week), false) => Rel::ThisWeek,
            (Cls::Kw(Kw::Week), true) => Rel::LaterThisWeek,
            (Cls::Kw(Kw::Month), false) => Rel::ThisMonth,
            (Cls::Kw(Kw::Month), true) => Rel::LaterThisMonth,
            (Cls::Kw(Kw::Year), false) => Rel::ThisYear,
            (Cls::Kw(Kw::Year), true) => Rel::LaterThisYear,
            _ => return None,
        };
        Some(self.hit(i, i + 3, Sem::Rel(rel)))
    }
}

/// Keep the longer of two hits (the first on a tie).
fn pick(best: &mut Option<Hit>, h: Option<Hit>) {
    if let Some(h) = h
        && best.is_none_or(|b| h.end > b.end)
    {
        *best = Some(h);
    }
}

/// Join two calendar spans into one running from the start of `a` to the end of `b`,
/// spreading a year given on one side to the other.
fn cal_range(a: Cal, b: Cal) -> Option<Cal> {
    let prec = if a.prec == Precision::Day && b.prec == Precision::Day {
        Precision::Range
    } else {
        a.prec.max(b.prec).max(Precision::Range)
    };
    let b_after = b.start_key() >= a.start_key();
    let (y, off) = match (a.y, b.y) {
        (Some(ya), Some(yb)) => {
            if (yb, b.sm, b.sd) < (ya, a.sm, a.sd) {
                return None;
            }
            (Some(ya), yb - ya + b.off)
        }
        (None, Some(yb)) => {
            let ya = if b_after { yb } else { yb - 1 };
            (Some(ya), yb - ya + b.off)
        }
        (Some(ya), None) => (Some(ya), if b_after { 0 } else { 1 } + b.off),
        (None, None) => (None, if b_after { 0 } else { 1 } + b.off),
    };
    if off > 50 {
        return None;
    }
    Some(Cal { y, sm: a.sm, sd: a.sd, em: b.em, ed: b.ed, off, prec, last_week: false })
}
