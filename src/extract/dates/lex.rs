//! A small tokenizer for date expressions: words, digit runs and punctuation, each with
//! its byte range and whether whitespace came before it. Words are classified once
//! (month, weekday, keyword...) so the grammar only compares small enums.
//!
//! The words and their classes come from `assets/rules/en/dates.toml` (embedded, read
//! once); the classes themselves ([`Cls`], [`Kw`], [`Season`]) are the grammar's and stay
//! here. Lookups go through a first-letter/length filter, then an open-addressing table.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use serde::Deserialize;

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// Letters (ASCII, or any alphabetic character: "Décembre" is one word).
    Word,
    /// A run of ASCII digits.
    Num,
    /// One ASCII punctuation character. Typographic apostrophes map to `'`, hyphens and
    /// en dashes to `-`.
    Punct(u8),
    /// Anything else: a URL, a symbol, an em dash.
    Other,
}

/// Letter case of a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Case {
    Lower,
    /// First letter upper, the rest lower ("February", "A").
    Cap,
    /// All upper, two letters or more ("FEBRUARY").
    Upper,
    Mixed,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Season {
    Winter,
    Spring,
    Summer,
    Autumn,
    /// "fall": also a verb and a noun ("the fall of Bakhmut"), so it needs a year.
    Fall,
}

impl Season {
    /// Every season with its name in the data file.
    const ALL: &[(Season, &str)] = &[
        (Season::Winter, "winter"),
        (Season::Spring, "spring"),
        (Season::Summer, "summer"),
        (Season::Autumn, "autumn"),
        (Season::Fall, "fall"),
    ];

    /// First month of the season (meteorological seasons).
    pub(super) fn first_month(self) -> u32 {
        match self {
            Season::Winter => 12,
            Season::Spring => 3,
            Season::Summer => 6,
            Season::Autumn | Season::Fall => 9,
        }
    }
}

/// Declares [`Kw`] and its list of names, so the two cannot drift apart.
macro_rules! keywords {
    ($($v:ident = $name:literal,)*) => {
        /// Keywords the grammar looks at. The words that stand for them come from the
        /// `[keywords]` table of `assets/rules/en/dates.toml`, by these names.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub(super) enum Kw {
            $($v,)*
        }

        impl Kw {
            /// Every keyword with its name in the data file.
            pub(super) const ALL: &[(Kw, &str)] = &[$((Kw::$v, $name),)*];
        }
    };
}

keywords! {
    The = "the",
    Of = "of",
    On = "on",
    In = "in",
    At = "at",
    And = "and",
    Or = "or",
    To = "to",
    Until = "until",
    Till = "till",
    Through = "through",
    Thru = "thru",
    Into = "into",
    Between = "between",
    From = "from",
    Since = "since",
    As = "as",
    By = "by",
    During = "during",
    Throughout = "throughout",
    Before = "before",
    After = "after",
    Around = "around",
    For = "for",
    Early = "early",
    Mid = "mid",
    Middle = "middle",
    Late = "late",
    End = "end",
    Beginning = "beginning",
    Start = "start",
    First = "first",
    Second = "second",
    Third = "third",
    Fourth = "fourth",
    Last = "last",
    Past = "past",
    Previous = "previous",
    This = "this",
    Next = "next",
    Week = "week",
    Weeks = "weeks",
    Month = "month",
    Months = "months",
    Year = "year",
    Years = "years",
    Day = "day",
    Days = "days",
    Hour = "hour",
    Hours = "hours",
    Ago = "ago",
    Today = "today",
    Yesterday = "yesterday",
    Tomorrow = "tomorrow",
    Tonight = "tonight",
    Overnight = "overnight",
    Night = "night",
    Weekend = "weekend",
    Morning = "morning",
    Afternoon = "afternoon",
    Evening = "evening",
    Earlier = "earlier",
    Later = "later",
    Half = "half",
    Quarter = "quarter",
    A = "a",
    An = "an",
    St = "st",
    Nd = "nd",
    Rd = "rd",
    Th = "th",
    Am = "am",
    Pm = "pm",
    P = "p",
    M = "m",
    Will = "will",
    Would = "would",
    Shall = "shall",
    Ll = "ll",
    Scheduled = "scheduled",
    Planned = "planned",
    Plans = "plans",
    Planning = "planning",
    Due = "due",
    Expected = "expected",
    Set = "set",
    Upcoming = "upcoming",
    Ahead = "ahead",
    Is = "is",
    Are = "are",
    Which = "which",
    That = "that",
    Who = "who",
    When = "when",
    While = "while",
    Because = "because",
    But = "but",
    Said = "said",
    Told = "told",
    Reported = "reported",
    Claimed = "claimed",
    Stated = "stated",
    Announced = "announced",
    Postponed = "postponed",
    Moved = "moved",
    Rescheduled = "rescheduled",
    Pushed = "pushed",
    Delayed = "delayed",
    Shifted = "shifted",
    Brought = "brought",
    S = "s",
    T = "t",
    Z = "z",
    Q = "q",
    Utc = "utc",
}

/// The class of a word token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Cls {
    None,
    /// Full month name, 1..=12.
    Month(u8),
    /// Month abbreviation ("Feb", "Sept"), 1..=12.
    MonAbbr(u8),
    /// Full weekday name, 0 = Monday.
    Wd(u8),
    /// Weekday abbreviation ("Wed", "Thurs"), 0 = Monday.
    WdAbbr(u8),
    Season(Season),
    /// A number word: "one" .. "twelve".
    NumW(u8),
    Kw(Kw),
}

#[derive(Clone, Copy, Debug)]
pub(super) struct Tok {
    pub s: u32,
    pub e: u32,
    pub kind: Kind,
    pub cls: Cls,
    /// Value of a `Num` (saturating).
    pub val: u32,
    /// Digit count of a `Num` (saturating at 255).
    pub nd: u8,
    /// Whitespace (or the start of the text) before this token.
    pub ws: bool,
    /// A newline in the whitespace before this token.
    pub nl: bool,
}

/// The date words file: embedded, read once; the name is for messages.
const WORDS_FILE: &str = "assets/rules/en/dates.toml";
const WORDS_SRC: &str = include_str!("../../../assets/rules/en/dates.toml");

/// Longest word the table holds (a word is packed into 12 bytes).
const MAX_WORD: usize = 12;
const TABLE_BITS: u32 = 10;
const TABLE_SIZE: usize = 1 << TABLE_BITS;
/// At most half the slots are used, so a miss ends after a probe or two.
const MAX_WORDS: usize = TABLE_SIZE / 2;

/// The tables of the date words file, as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WordsFile {
    months: BTreeMap<String, u8>,
    month_abbreviations: BTreeMap<String, u8>,
    weekdays: BTreeMap<String, u8>,
    weekday_abbreviations: BTreeMap<String, u8>,
    seasons: BTreeMap<String, String>,
    numbers: BTreeMap<String, u8>,
    keywords: BTreeMap<String, String>,
}

/// Every word of a date words file with its class, or what is wrong with the file
/// ("[table] word: problem").
fn parse_words(src: &str) -> Result<Vec<(Box<str>, Cls)>, String> {
    let f: WordsFile = toml::from_str(src).map_err(|e| e.to_string())?;
    let mut out: Vec<(Box<str>, Cls)> = Vec::new();
    let mut add = |table: &str, w: &str, cls: Result<Cls, String>| -> Result<(), String> {
        let cls = cls.map_err(|e| format!("[{table}] {w}: {e}"))?;
        if w.is_empty() || w.len() > MAX_WORD || !w.bytes().all(|c| c.is_ascii_lowercase()) {
            return Err(format!("[{table}] {w:?}: a word is 1 to {MAX_WORD} lowercase ASCII letters"));
        }
        if let Some((_, other)) = out.iter().find(|(o, _)| &**o == w) {
            return Err(format!("[{table}] {w}: already listed (as {other:?})"));
        }
        out.push((w.into(), cls));
        Ok(())
    };
    let ranged = |v: u8, lo: u8, hi: u8, what: &str| {
        if (lo..=hi).contains(&v) { Ok(v) } else { Err(format!("{v} is no {what} ({lo} to {hi})")) }
    };
    for (w, &m) in &f.months {
        add("months", w, ranged(m, 1, 12, "month").map(Cls::Month))?;
    }
    for (w, &m) in &f.month_abbreviations {
        add("month_abbreviations", w, ranged(m, 1, 12, "month").map(Cls::MonAbbr))?;
    }
    for (w, &d) in &f.weekdays {
        add("weekdays", w, ranged(d, 0, 6, "day of the week").map(Cls::Wd))?;
    }
    for (w, &d) in &f.weekday_abbreviations {
        add("weekday_abbreviations", w, ranged(d, 0, 6, "day of the week").map(Cls::WdAbbr))?;
    }
    for (w, s) in &f.seasons {
        let season = Season::ALL.iter().find(|(_, n)| n == s).map(|&(se, _)| Cls::Season(se));
        add("seasons", w, season.ok_or_else(|| format!("{s:?} is no season (winter, spring, summer, autumn, fall)")))?;
    }
    for (w, &n) in &f.numbers {
        add("numbers", w, ranged(n, 1, 12, "number word").map(Cls::NumW))?;
    }
    for (w, k) in &f.keywords {
        let kw = Kw::ALL.iter().find(|(_, n)| n == k).map(|&(kw, _)| Cls::Kw(kw));
        add("keywords", w, kw.ok_or_else(|| format!("{k:?} is no keyword of the grammar")))?;
    }
    if out.len() > MAX_WORDS {
        return Err(format!("{} words, more than the table holds ({MAX_WORDS})", out.len()));
    }
    Ok(out)
}

/// A word packed into two integers: bytes 0-7 and 8-11, little-endian, zero-padded.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Packed(u64, u32);

fn pack(w: &[u8]) -> Packed {
    let mut a = 0u64;
    let mut b = 0u32;
    for (i, &c) in w.iter().enumerate() {
        let c = c | 0x20;
        if i < 8 {
            a |= (c as u64) << (8 * i);
        } else {
            b |= (c as u32) << (8 * (i - 8));
        }
    }
    Packed(a, b)
}

/// One slot of the word table: the packed lowercase word (0: empty) and its class.
#[derive(Clone, Copy)]
struct Slot {
    key: Packed,
    cls: Cls,
}

/// The date words, ready for lookups.
struct Lexicon {
    words: Vec<(Box<str>, Cls)>,
    /// For each first letter, a bit per length that some word has: most words of a text
    /// ("Russian", "forces") are rejected here without hashing.
    first_len: [u16; 26],
    /// Open-addressing hash table over the words: a 3-letter word costs one hash and one
    /// compare instead of a comparison with every 3-letter keyword.
    table: Box<[Slot; TABLE_SIZE]>,
}

impl Lexicon {
    fn new(words: Vec<(Box<str>, Cls)>) -> Lexicon {
        let empty = Slot { key: Packed(0, 0), cls: Cls::None };
        let mut table = Box::new([empty; TABLE_SIZE]);
        let mut first_len = [0u16; 26];
        for (w, cls) in &words {
            let key = pack(w.as_bytes());
            let mut i = hash(key);
            while table[i].key != Packed(0, 0) {
                i = (i + 1) & (TABLE_SIZE - 1);
            }
            table[i] = Slot { key, cls: *cls };
            first_len[(w.as_bytes()[0] - b'a') as usize] |= 1 << w.len();
        }
        Lexicon { words, first_len, table }
    }
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| load(WORDS_SRC));

/// The lexicon of a date words file; a bad file is a bug in the program, so it panics
/// with the file's name and the bad entry.
fn load(src: &str) -> Lexicon {
    Lexicon::new(parse_words(src).unwrap_or_else(|e| panic!("{WORDS_FILE}: {e}")))
}

/// Every date word (lowercase) with its class.
pub(super) fn words() -> &'static [(Box<str>, Cls)] {
    &LEXICON.words
}

fn hash(k: Packed) -> usize {
    let h = (k.0 ^ (k.1 as u64).rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (h >> (64 - TABLE_BITS)) as usize
}

/// The class of an ASCII word (any case) of at most `MAX_WORD` letters.
fn classify(w: &[u8]) -> Cls {
    let lx = &*LEXICON;
    let first = ((w[0] | 0x20).wrapping_sub(b'a') as usize).min(25);
    if lx.first_len[first] & (1 << w.len()) == 0 {
        return Cls::None;
    }
    let key = pack(w);
    let mut i = hash(key);
    loop {
        let slot = &lx.table[i];
        if slot.key == key {
            return slot.cls;
        }
        if slot.key == Packed(0, 0) {
            return Cls::None;
        }
        i = (i + 1) & (TABLE_SIZE - 1);
    }
}

/// Length of a URL starting at `i` (`http://`, `https://`, `www.`), if one starts there.
fn url_len(b: &[u8], i: usize) -> Option<usize> {
    let rest = &b[i..];
    let starts = |p: &[u8]| rest.len() >= p.len() && rest[..p.len()].eq_ignore_ascii_case(p);
    if !(starts(b"http://") || starts(b"https://") || starts(b"www.")) {
        return None;
    }
    let n = rest
        .iter()
        .position(|&c| c.is_ascii_whitespace() || matches!(c, b'<' | b'>' | b'"' | b')' | b']'))
        .unwrap_or(rest.len());
    Some(n)
}

/// Split `text` into tokens, appending to `out`.
pub(super) fn tokenize(text: &str, out: &mut Vec<Tok>) {
    let b = text.as_bytes();
    let mut i = 0;
    let mut ws = true;
    let mut nl = false;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() {
            ws = true;
            nl |= c == b'\n';
            i += 1;
            continue;
        }
        let start = i;
        let mut tok = Tok { s: start as u32, e: 0, kind: Kind::Other, cls: Cls::None, val: 0, nd: 0, ws, nl };
        if c.is_ascii_digit() {
            let mut v: u32 = 0;
            while i < b.len() && b[i].is_ascii_digit() {
                v = v.saturating_mul(10).saturating_add((b[i] - b'0') as u32);
                i += 1;
            }
            tok.kind = Kind::Num;
            tok.val = v;
            tok.nd = (i - start).min(255) as u8;
        } else if c < 0x80 && !c.is_ascii_alphabetic() {
            i += 1;
            tok.kind = Kind::Punct(c);
        } else {
            let url = if c.is_ascii_alphabetic() { url_len(b, i) } else { None };
            if let Some(n) = url {
                i += n;
            } else {
                // One character, decoded when not ASCII.
                let (ch, len) = if c < 0x80 {
                    (c as char, 1)
                } else {
                    let ch = text[i..].chars().next().unwrap_or('\u{FFFD}');
                    (ch, ch.len_utf8())
                };
                if ch.is_whitespace() {
                    ws = true;
                    nl |= ch == '\u{2028}' || ch == '\u{2029}';
                    i += len;
                    continue;
                }
                if ch.is_alphabetic() {
                    let mut ascii = true;
                    while i < b.len() {
                        let d = b[i];
                        if d.is_ascii_alphabetic() {
                            i += 1;
                        } else if d >= 0x80 {
                            let ch = text[i..].chars().next().unwrap_or(' ');
                            if !ch.is_alphabetic() {
                                break;
                            }
                            ascii = false;
                            i += ch.len_utf8();
                        } else {
                            break;
                        }
                    }
                    tok.kind = Kind::Word;
                    let w = &b[start..i];
                    if ascii && w.len() <= MAX_WORD {
                        tok.cls = classify(w);
                    }
                } else {
                    i += len;
                    tok.kind = match ch {
                        '\u{2019}' | '\u{2018}' | '\u{02BC}' => Kind::Punct(b'\''),
                        '\u{2010}'..='\u{2013}' | '\u{2212}' => Kind::Punct(b'-'),
                        _ => Kind::Other,
                    };
                }
            }
        }
        tok.e = i as u32;
        out.push(tok);
        ws = false;
        nl = false;
    }
}

/// Letter case of an ASCII word (computed on demand: few words need it).
pub(super) fn case_of(w: &[u8]) -> Case {
    let first_up = w[0].is_ascii_uppercase();
    let rest_lower = w[1..].iter().all(|c| c.is_ascii_lowercase());
    let rest_upper = w[1..].iter().all(|c| c.is_ascii_uppercase());
    match (first_up, rest_lower, rest_upper) {
        (true, true, _) => Case::Cap,
        (true, false, true) => Case::Upper,
        (false, true, _) => Case::Lower,
        _ => Case::Mixed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<Tok> {
        let mut v = Vec::new();
        tokenize(s, &mut v);
        v
    }

    #[test]
    fn splits_words_numbers_punct() {
        let t = toks("Feb. 4th, 2026–27 Décembre https://x.com/2026/02/27/a b");
        let kinds: Vec<Kind> = t.iter().map(|t| t.kind).collect();
        assert_eq!(
            kinds,
            vec![
                Kind::Word,
                Kind::Punct(b'.'),
                Kind::Num,
                Kind::Word,
                Kind::Punct(b','),
                Kind::Num,
                Kind::Punct(b'-'),
                Kind::Num,
                Kind::Word,
                Kind::Other,
                Kind::Word,
            ]
        );
        assert_eq!(t[0].cls, Cls::MonAbbr(2));
        assert_eq!(t[3].cls, Cls::Kw(Kw::Th));
        assert_eq!(t[5].val, 2026);
        assert_eq!(t[5].nd, 4);
        assert!(!t[3].ws && t[5].ws);
        assert_eq!(t[8].cls, Cls::None);
    }

    #[test]
    fn every_word_classifies_to_itself() {
        for &(ref w, cls) in words() {
            assert!(w.len() <= MAX_WORD, "{w}");
            let t = toks(w);
            assert_eq!(t.len(), 1, "{w}");
            assert_eq!(t[0].cls, cls, "{w}");
            let upper = w.to_ascii_uppercase();
            assert_eq!(toks(&upper)[0].cls, cls, "{upper}");
        }
        for w in ["Russia", "mayor", "marches", "sundays", "thesis", "abcdefghijkl", "x"] {
            assert_eq!(toks(w)[0].cls, Cls::None, "{w}");
        }
    }

    #[test]
    fn the_words_file_loads_and_every_keyword_has_a_word() {
        let words = words();
        assert!(words.len() > 150, "{}", words.len());
        for &(kw, name) in Kw::ALL {
            assert!(words.iter().any(|(_, c)| *c == Cls::Kw(kw)), "{WORDS_FILE}: no word for the keyword {name:?}");
        }
        for m in 1..=12 {
            assert!(words.iter().any(|(_, c)| *c == Cls::Month(m)), "month {m}");
        }
        for d in 0..7 {
            assert!(words.iter().any(|(_, c)| *c == Cls::Wd(d)), "weekday {d}");
        }
        for &(s, name) in Season::ALL {
            assert!(words.iter().any(|(_, c)| *c == Cls::Season(s)), "season {name}");
        }
        // Keyword names are unique.
        for (i, (_, a)) in Kw::ALL.iter().enumerate() {
            assert!(Kw::ALL[i + 1..].iter().all(|(_, b)| a != b), "{a}");
        }
    }

    /// The smallest valid file, plus `extra` lines in `[keywords]`.
    fn file_with(extra: &str) -> String {
        format!(
            "[months]\n[month_abbreviations]\n[weekdays]\n[weekday_abbreviations]\n[seasons]\n[numbers]\n\
             [keywords]\n{extra}\n"
        )
    }

    #[test]
    fn a_second_word_for_a_keyword_is_the_keyword() {
        let w = parse_words(&file_with("dusk = \"evening\"\nevening = \"evening\"")).unwrap();
        assert_eq!(w.len(), 2);
        assert!(w.iter().all(|(_, c)| *c == Cls::Kw(Kw::Evening)));
        let lx = Lexicon::new(w);
        let t = lx.table.iter().filter(|s| s.key != Packed(0, 0)).count();
        assert_eq!(t, 2);
        assert_eq!(lx.first_len[(b'd' - b'a') as usize], 1 << 4);
    }

    #[test]
    fn bad_entries_name_the_table_and_the_word() {
        let err = |src: &str| parse_words(src).unwrap_err();
        assert!(err(&file_with("nightly = \"nocturnal\"")).contains("[keywords] nightly: \"nocturnal\" is no keyword"));
        assert!(err(&file_with("Night = \"night\"")).contains("[keywords] \"Night\": a word is 1 to 12 lowercase"));
        assert!(err(&file_with("overnightness = \"night\"")).contains("[keywords] \"overnightness\""));
        let dup = file_with("may = \"mid\"").replace("[months]\n", "[months]\nmay = 5\n");
        assert!(err(&dup).contains("[keywords] may: already listed (as Month(5))"), "{}", err(&dup));
        let month = file_with("").replace("[months]\n", "[months]\nsmarch = 13\n");
        assert!(err(&month).contains("[months] smarch: 13 is no month (1 to 12)"), "{}", err(&month));
        let season = file_with("").replace("[seasons]\n", "[seasons]\nmonsoon = \"wet\"\n");
        assert!(err(&season).contains("[seasons] monsoon: \"wet\" is no season"), "{}", err(&season));
        // A table left out or a table the code does not know: the TOML reader says which.
        assert!(err("[months]\n").contains("missing field"), "{}", err("[months]\n"));
        assert!(err(&file_with("").replace("[numbers]", "[numerals]")).contains("numerals"));
    }

    #[test]
    #[should_panic(expected = "assets/rules/en/dates.toml: [keywords] nightly")]
    fn a_bad_file_stops_with_its_name() {
        load(&file_with("nightly = \"nocturnal\""));
    }

    #[test]
    fn case_classes() {
        let c: Vec<Case> = ["May", "MAY", "may", "mAy", "A"].iter().map(|w| case_of(w.as_bytes())).collect();
        assert_eq!(c, vec![Case::Cap, Case::Upper, Case::Lower, Case::Mixed, Case::Cap]);
    }
}
