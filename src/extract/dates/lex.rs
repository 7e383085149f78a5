//! A small tokenizer for date expressions: words, digit runs and punctuation, each with
//! its byte range and whether whitespace came before it. Words are classified once
//! (month, weekday, keyword...) so the grammar only compares small enums.

use std::sync::LazyLock;

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

/// Keywords the grammar looks at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kw {
    The,
    Of,
    On,
    In,
    At,
    And,
    Or,
    To,
    Until,
    Till,
    Through,
    Thru,
    Into,
    Between,
    From,
    Since,
    As,
    By,
    During,
    Throughout,
    Before,
    After,
    Around,
    For,
    Early,
    Mid,
    Middle,
    Late,
    End,
    Beginning,
    Start,
    First,
    Second,
    Third,
    Fourth,
    Last,
    Past,
    This,
    Next,
    Week,
    Weeks,
    Month,
    Months,
    Year,
    Years,
    Day,
    Days,
    Hour,
    Hours,
    Ago,
    Today,
    Yesterday,
    Tomorrow,
    Tonight,
    Overnight,
    Night,
    Weekend,
    Morning,
    Afternoon,
    Evening,
    Earlier,
    Later,
    Half,
    Quarter,
    A,
    An,
    St,
    Nd,
    Rd,
    Th,
    Am,
    Pm,
    P,
    M,
    Will,
    Would,
    Shall,
    Ll,
    Scheduled,
    Planned,
    Plans,
    Planning,
    Due,
    Expected,
    Set,
    Upcoming,
    Ahead,
    Is,
    Are,
    Which,
    That,
    Who,
    When,
    While,
    Because,
    But,
    Said,
    Told,
    Reported,
    Claimed,
    Stated,
    Announced,
    Postponed,
    Moved,
    Rescheduled,
    Pushed,
    Delayed,
    Shifted,
    Brought,
    S,
    T,
    Z,
    Q,
    Utc,
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

/// Every word the grammar knows, lowercase.
const WORDS: &[(&str, Cls)] = &[
    ("january", Cls::Month(1)),
    ("february", Cls::Month(2)),
    ("march", Cls::Month(3)),
    ("april", Cls::Month(4)),
    ("may", Cls::Month(5)),
    ("june", Cls::Month(6)),
    ("july", Cls::Month(7)),
    ("august", Cls::Month(8)),
    ("september", Cls::Month(9)),
    ("october", Cls::Month(10)),
    ("november", Cls::Month(11)),
    ("december", Cls::Month(12)),
    ("jan", Cls::MonAbbr(1)),
    ("feb", Cls::MonAbbr(2)),
    ("mar", Cls::MonAbbr(3)),
    ("apr", Cls::MonAbbr(4)),
    ("jun", Cls::MonAbbr(6)),
    ("jul", Cls::MonAbbr(7)),
    ("aug", Cls::MonAbbr(8)),
    ("sep", Cls::MonAbbr(9)),
    ("sept", Cls::MonAbbr(9)),
    ("oct", Cls::MonAbbr(10)),
    ("nov", Cls::MonAbbr(11)),
    ("dec", Cls::MonAbbr(12)),
    ("monday", Cls::Wd(0)),
    ("tuesday", Cls::Wd(1)),
    ("wednesday", Cls::Wd(2)),
    ("thursday", Cls::Wd(3)),
    ("friday", Cls::Wd(4)),
    ("saturday", Cls::Wd(5)),
    ("sunday", Cls::Wd(6)),
    ("mon", Cls::WdAbbr(0)),
    ("tue", Cls::WdAbbr(1)),
    ("tues", Cls::WdAbbr(1)),
    ("wed", Cls::WdAbbr(2)),
    ("thu", Cls::WdAbbr(3)),
    ("thur", Cls::WdAbbr(3)),
    ("thurs", Cls::WdAbbr(3)),
    ("fri", Cls::WdAbbr(4)),
    ("sat", Cls::WdAbbr(5)),
    ("sun", Cls::WdAbbr(6)),
    ("winter", Cls::Season(Season::Winter)),
    ("spring", Cls::Season(Season::Spring)),
    ("summer", Cls::Season(Season::Summer)),
    ("autumn", Cls::Season(Season::Autumn)),
    ("fall", Cls::Season(Season::Fall)),
    ("one", Cls::NumW(1)),
    ("two", Cls::NumW(2)),
    ("three", Cls::NumW(3)),
    ("four", Cls::NumW(4)),
    ("five", Cls::NumW(5)),
    ("six", Cls::NumW(6)),
    ("seven", Cls::NumW(7)),
    ("eight", Cls::NumW(8)),
    ("nine", Cls::NumW(9)),
    ("ten", Cls::NumW(10)),
    ("eleven", Cls::NumW(11)),
    ("twelve", Cls::NumW(12)),
    ("the", Cls::Kw(Kw::The)),
    ("of", Cls::Kw(Kw::Of)),
    ("on", Cls::Kw(Kw::On)),
    ("in", Cls::Kw(Kw::In)),
    ("at", Cls::Kw(Kw::At)),
    ("and", Cls::Kw(Kw::And)),
    ("or", Cls::Kw(Kw::Or)),
    ("to", Cls::Kw(Kw::To)),
    ("until", Cls::Kw(Kw::Until)),
    ("till", Cls::Kw(Kw::Till)),
    ("through", Cls::Kw(Kw::Through)),
    ("thru", Cls::Kw(Kw::Thru)),
    ("into", Cls::Kw(Kw::Into)),
    ("between", Cls::Kw(Kw::Between)),
    ("from", Cls::Kw(Kw::From)),
    ("since", Cls::Kw(Kw::Since)),
    ("as", Cls::Kw(Kw::As)),
    ("by", Cls::Kw(Kw::By)),
    ("during", Cls::Kw(Kw::During)),
    ("throughout", Cls::Kw(Kw::Throughout)),
    ("before", Cls::Kw(Kw::Before)),
    ("after", Cls::Kw(Kw::After)),
    ("around", Cls::Kw(Kw::Around)),
    ("for", Cls::Kw(Kw::For)),
    ("early", Cls::Kw(Kw::Early)),
    ("mid", Cls::Kw(Kw::Mid)),
    ("middle", Cls::Kw(Kw::Middle)),
    ("late", Cls::Kw(Kw::Late)),
    ("end", Cls::Kw(Kw::End)),
    ("beginning", Cls::Kw(Kw::Beginning)),
    ("start", Cls::Kw(Kw::Start)),
    ("first", Cls::Kw(Kw::First)),
    ("second", Cls::Kw(Kw::Second)),
    ("third", Cls::Kw(Kw::Third)),
    ("fourth", Cls::Kw(Kw::Fourth)),
    ("last", Cls::Kw(Kw::Last)),
    ("past", Cls::Kw(Kw::Past)),
    ("this", Cls::Kw(Kw::This)),
    ("next", Cls::Kw(Kw::Next)),
    ("week", Cls::Kw(Kw::Week)),
    ("weeks", Cls::Kw(Kw::Weeks)),
    ("month", Cls::Kw(Kw::Month)),
    ("months", Cls::Kw(Kw::Months)),
    ("year", Cls::Kw(Kw::Year)),
    ("years", Cls::Kw(Kw::Years)),
    ("day", Cls::Kw(Kw::Day)),
    ("days", Cls::Kw(Kw::Days)),
    ("hour", Cls::Kw(Kw::Hour)),
    ("hours", Cls::Kw(Kw::Hours)),
    ("ago", Cls::Kw(Kw::Ago)),
    ("today", Cls::Kw(Kw::Today)),
    ("yesterday", Cls::Kw(Kw::Yesterday)),
    ("tomorrow", Cls::Kw(Kw::Tomorrow)),
    ("tonight", Cls::Kw(Kw::Tonight)),
    ("overnight", Cls::Kw(Kw::Overnight)),
    ("night", Cls::Kw(Kw::Night)),
    ("weekend", Cls::Kw(Kw::Weekend)),
    ("morning", Cls::Kw(Kw::Morning)),
    ("afternoon", Cls::Kw(Kw::Afternoon)),
    ("evening", Cls::Kw(Kw::Evening)),
    ("earlier", Cls::Kw(Kw::Earlier)),
    ("later", Cls::Kw(Kw::Later)),
    ("half", Cls::Kw(Kw::Half)),
    ("quarter", Cls::Kw(Kw::Quarter)),
    ("a", Cls::Kw(Kw::A)),
    ("an", Cls::Kw(Kw::An)),
    ("st", Cls::Kw(Kw::St)),
    ("nd", Cls::Kw(Kw::Nd)),
    ("rd", Cls::Kw(Kw::Rd)),
    ("th", Cls::Kw(Kw::Th)),
    ("am", Cls::Kw(Kw::Am)),
    ("pm", Cls::Kw(Kw::Pm)),
    ("p", Cls::Kw(Kw::P)),
    ("m", Cls::Kw(Kw::M)),
    ("will", Cls::Kw(Kw::Will)),
    ("would", Cls::Kw(Kw::Would)),
    ("shall", Cls::Kw(Kw::Shall)),
    ("ll", Cls::Kw(Kw::Ll)),
    ("scheduled", Cls::Kw(Kw::Scheduled)),
    ("planned", Cls::Kw(Kw::Planned)),
    ("plans", Cls::Kw(Kw::Plans)),
    ("planning", Cls::Kw(Kw::Planning)),
    ("due", Cls::Kw(Kw::Due)),
    ("expected", Cls::Kw(Kw::Expected)),
    ("set", Cls::Kw(Kw::Set)),
    ("upcoming", Cls::Kw(Kw::Upcoming)),
    ("ahead", Cls::Kw(Kw::Ahead)),
    ("is", Cls::Kw(Kw::Is)),
    ("are", Cls::Kw(Kw::Are)),
    ("which", Cls::Kw(Kw::Which)),
    ("that", Cls::Kw(Kw::That)),
    ("who", Cls::Kw(Kw::Who)),
    ("when", Cls::Kw(Kw::When)),
    ("while", Cls::Kw(Kw::While)),
    ("because", Cls::Kw(Kw::Because)),
    ("but", Cls::Kw(Kw::But)),
    ("said", Cls::Kw(Kw::Said)),
    ("told", Cls::Kw(Kw::Told)),
    ("reported", Cls::Kw(Kw::Reported)),
    ("claimed", Cls::Kw(Kw::Claimed)),
    ("stated", Cls::Kw(Kw::Stated)),
    ("announced", Cls::Kw(Kw::Announced)),
    ("postponed", Cls::Kw(Kw::Postponed)),
    ("moved", Cls::Kw(Kw::Moved)),
    ("rescheduled", Cls::Kw(Kw::Rescheduled)),
    ("pushed", Cls::Kw(Kw::Pushed)),
    ("delayed", Cls::Kw(Kw::Delayed)),
    ("shifted", Cls::Kw(Kw::Shifted)),
    ("brought", Cls::Kw(Kw::Brought)),
    ("s", Cls::Kw(Kw::S)),
    ("t", Cls::Kw(Kw::T)),
    ("z", Cls::Kw(Kw::Z)),
    ("q", Cls::Kw(Kw::Q)),
    ("utc", Cls::Kw(Kw::Utc)),
    ("gmt", Cls::Kw(Kw::Utc)),
    ("cet", Cls::Kw(Kw::Utc)),
    ("cest", Cls::Kw(Kw::Utc)),
    ("eet", Cls::Kw(Kw::Utc)),
    ("eest", Cls::Kw(Kw::Utc)),
    ("msk", Cls::Kw(Kw::Utc)),
    ("est", Cls::Kw(Kw::Utc)),
    ("edt", Cls::Kw(Kw::Utc)),
    ("bst", Cls::Kw(Kw::Utc)),
];

/// Longest word in `WORDS`.
const MAX_WORD: usize = 12;
const TABLE_BITS: u32 = 10;

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

/// Open-addressing hash table over `WORDS`: a 3-letter word costs one hash and one
/// compare instead of a comparison with every 3-letter keyword.
static TABLE: LazyLock<Vec<Slot>> = LazyLock::new(|| {
    let empty = Slot { key: Packed(0, 0), cls: Cls::None };
    let mut t = vec![empty; 1 << TABLE_BITS];
    for &(w, cls) in WORDS {
        let key = pack(w.as_bytes());
        let mut i = hash(key);
        while t[i].key != Packed(0, 0) {
            i = (i + 1) & ((1 << TABLE_BITS) - 1);
        }
        t[i] = Slot { key, cls };
    }
    t
});

fn hash(k: Packed) -> usize {
    let h = (k.0 ^ (k.1 as u64).rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (h >> (64 - TABLE_BITS)) as usize
}

/// For each first letter, a bit per length that some word in `WORDS` has: most words of
/// a text ("Russian", "forces") are rejected here without hashing.
static FIRST_LEN: LazyLock<[u16; 26]> = LazyLock::new(|| {
    let mut f = [0u16; 26];
    for &(w, _) in WORDS {
        f[(w.as_bytes()[0] - b'a') as usize] |= 1 << w.len();
    }
    f
});

/// The class of an ASCII word (any case) of at most `MAX_WORD` letters.
fn classify(w: &[u8]) -> Cls {
    let first = ((w[0] | 0x20).wrapping_sub(b'a') as usize).min(25);
    if FIRST_LEN[first] & (1 << w.len()) == 0 {
        return Cls::None;
    }
    let key = pack(w);
    let t = &*TABLE;
    let mut i = hash(key);
    loop {
        let slot = &t[i];
        if slot.key == key {
            return slot.cls;
        }
        if slot.key == Packed(0, 0) {
            return Cls::None;
        }
        i = (i + 1) & ((1 << TABLE_BITS) - 1);
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
        for &(w, cls) in WORDS {
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
    fn case_classes() {
        let c: Vec<Case> = ["May", "MAY", "may", "mAy", "A"].iter().map(|w| case_of(w.as_bytes())).collect();
        assert_eq!(c, vec![Case::Cap, Case::Upper, Case::Lower, Case::Mixed, Case::Cap]);
    }
}
