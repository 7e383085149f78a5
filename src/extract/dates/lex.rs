//! A small tokenizer for date expressions: words, digit runs and punctuation, each with
//! its byte range and whether whitespace came before it. Words are classified once
//! (month, weekday, keyword...) so the grammar only compares small enums.

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
    pub case: Case,
}

fn classify(w: &[u8]) -> Cls {
    use Cls::{MonAbbr, Month, None, NumW, Wd, WdAbbr};
    use Kw as K;
    match w {
        b"january" => Month(1),
        b"february" => Month(2),
        b"march" => Month(3),
        b"april" => Month(4),
        b"may" => Month(5),
        b"june" => Month(6),
        b"july" => Month(7),
        b"august" => Month(8),
        b"september" => Month(9),
        b"october" => Month(10),
        b"november" => Month(11),
        b"december" => Month(12),
        b"jan" => MonAbbr(1),
        b"feb" => MonAbbr(2),
        b"mar" => MonAbbr(3),
        b"apr" => MonAbbr(4),
        b"jun" => MonAbbr(6),
        b"jul" => MonAbbr(7),
        b"aug" => MonAbbr(8),
        b"sep" | b"sept" => MonAbbr(9),
        b"oct" => MonAbbr(10),
        b"nov" => MonAbbr(11),
        b"dec" => MonAbbr(12),
        b"monday" => Wd(0),
        b"tuesday" => Wd(1),
        b"wednesday" => Wd(2),
        b"thursday" => Wd(3),
        b"friday" => Wd(4),
        b"saturday" => Wd(5),
        b"sunday" => Wd(6),
        b"mon" => WdAbbr(0),
        b"tue" | b"tues" => WdAbbr(1),
        b"wed" => WdAbbr(2),
        b"thu" | b"thur" | b"thurs" => WdAbbr(3),
        b"fri" => WdAbbr(4),
        b"sat" => WdAbbr(5),
        b"sun" => WdAbbr(6),
        b"winter" => Cls::Season(Season::Winter),
        b"spring" => Cls::Season(Season::Spring),
        b"summer" => Cls::Season(Season::Summer),
        b"autumn" => Cls::Season(Season::Autumn),
        b"fall" => Cls::Season(Season::Fall),
        b"one" => NumW(1),
        b"two" => NumW(2),
        b"three" => NumW(3),
        b"four" => NumW(4),
        b"five" => NumW(5),
        b"six" => NumW(6),
        b"seven" => NumW(7),
        b"eight" => NumW(8),
        b"nine" => NumW(9),
        b"ten" => NumW(10),
        b"eleven" => NumW(11),
        b"twelve" => NumW(12),
        b"the" => Cls::Kw(K::The),
        b"of" => Cls::Kw(K::Of),
        b"on" => Cls::Kw(K::On),
        b"in" => Cls::Kw(K::In),
        b"at" => Cls::Kw(K::At),
        b"and" => Cls::Kw(K::And),
        b"or" => Cls::Kw(K::Or),
        b"to" => Cls::Kw(K::To),
        b"until" => Cls::Kw(K::Until),
        b"till" => Cls::Kw(K::Till),
        b"through" => Cls::Kw(K::Through),
        b"thru" => Cls::Kw(K::Thru),
        b"into" => Cls::Kw(K::Into),
        b"between" => Cls::Kw(K::Between),
        b"from" => Cls::Kw(K::From),
        b"since" => Cls::Kw(K::Since),
        b"as" => Cls::Kw(K::As),
        b"by" => Cls::Kw(K::By),
        b"during" => Cls::Kw(K::During),
        b"throughout" => Cls::Kw(K::Throughout),
        b"before" => Cls::Kw(K::Before),
        b"after" => Cls::Kw(K::After),
        b"around" => Cls::Kw(K::Around),
        b"for" => Cls::Kw(K::For),
        b"early" => Cls::Kw(K::Early),
        b"mid" => Cls::Kw(K::Mid),
        b"middle" => Cls::Kw(K::Middle),
        b"late" => Cls::Kw(K::Late),
        b"end" => Cls::Kw(K::End),
        b"beginning" => Cls::Kw(K::Beginning),
        b"start" => Cls::Kw(K::Start),
        b"first" => Cls::Kw(K::First),
        b"second" => Cls::Kw(K::Second),
        b"third" => Cls::Kw(K::Third),
        b"fourth" => Cls::Kw(K::Fourth),
        b"last" => Cls::Kw(K::Last),
        b"past" => Cls::Kw(K::Past),
        b"this" => Cls::Kw(K::This),
        b"next" => Cls::Kw(K::Next),
        b"week" => Cls::Kw(K::Week),
        b"weeks" => Cls::Kw(K::Weeks),
        b"month" => Cls::Kw(K::Month),
        b"months" => Cls::Kw(K::Months),
        b"year" => Cls::Kw(K::Year),
        b"years" => Cls::Kw(K::Years),
        b"day" => Cls::Kw(K::Day),
        b"days" => Cls::Kw(K::Days),
        b"hour" => Cls::Kw(K::Hour),
        b"hours" => Cls::Kw(K::Hours),
        b"ago" => Cls::Kw(K::Ago),
        b"today" => Cls::Kw(K::Today),
        b"yesterday" => Cls::Kw(K::Yesterday),
        b"tomorrow" => Cls::Kw(K::Tomorrow),
        b"tonight" => Cls::Kw(K::Tonight),
        b"overnight" => Cls::Kw(K::Overnight),
        b"night" => Cls::Kw(K::Night),
        b"weekend" => Cls::Kw(K::Weekend),
        b"morning" => Cls::Kw(K::Morning),
        b"afternoon" => Cls::Kw(K::Afternoon),
        b"evening" => Cls::Kw(K::Evening),
        b"earlier" => Cls::Kw(K::Earlier),
        b"later" => Cls::Kw(K::Later),
        b"half" => Cls::Kw(K::Half),
        b"quarter" => Cls::Kw(K::Quarter),
        b"a" => Cls::Kw(K::A),
        b"an" => Cls::Kw(K::An),
        b"st" => Cls::Kw(K::St),
        b"nd" => Cls::Kw(K::Nd),
        b"rd" => Cls::Kw(K::Rd),
        b"th" => Cls::Kw(K::Th),
        b"am" => Cls::Kw(K::Am),
        b"pm" => Cls::Kw(K::Pm),
        b"p" => Cls::Kw(K::P),
        b"m" => Cls::Kw(K::M),
        b"will" => Cls::Kw(K::Will),
        b"would" => Cls::Kw(K::Would),
        b"shall" => Cls::Kw(K::Shall),
        b"ll" => Cls::Kw(K::Ll),
        b"scheduled" => Cls::Kw(K::Scheduled),
        b"planned" => Cls::Kw(K::Planned),
        b"plans" => Cls::Kw(K::Plans),
        b"planning" => Cls::Kw(K::Planning),
        b"due" => Cls::Kw(K::Due),
        b"expected" => Cls::Kw(K::Expected),
        b"set" => Cls::Kw(K::Set),
        b"upcoming" => Cls::Kw(K::Upcoming),
        b"ahead" => Cls::Kw(K::Ahead),
        b"is" => Cls::Kw(K::Is),
        b"are" => Cls::Kw(K::Are),
        b"which" => Cls::Kw(K::Which),
        b"that" => Cls::Kw(K::That),
        b"who" => Cls::Kw(K::Who),
        b"when" => Cls::Kw(K::When),
        b"while" => Cls::Kw(K::While),
        b"because" => Cls::Kw(K::Because),
        b"but" => Cls::Kw(K::But),
        b"said" => Cls::Kw(K::Said),
        b"told" => Cls::Kw(K::Told),
        b"reported" => Cls::Kw(K::Reported),
        b"claimed" => Cls::Kw(K::Claimed),
        b"stated" => Cls::Kw(K::Stated),
        b"announced" => Cls::Kw(K::Announced),
        b"postponed" => Cls::Kw(K::Postponed),
        b"moved" => Cls::Kw(K::Moved),
        b"rescheduled" => Cls::Kw(K::Rescheduled),
        b"pushed" => Cls::Kw(K::Pushed),
        b"delayed" => Cls::Kw(K::Delayed),
        b"shifted" => Cls::Kw(K::Shifted),
        b"brought" => Cls::Kw(K::Brought),
        b"s" => Cls::Kw(K::S),
        b"t" => Cls::Kw(K::T),
        b"z" => Cls::Kw(K::Z),
        b"q" => Cls::Kw(K::Q),
        b"utc" | b"gmt" | b"cet" | b"cest" | b"eet" | b"eest" | b"msk" | b"est" | b"edt" | b"bst" => Cls::Kw(K::Utc),
        _ => None,
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
        let mut tok =
            Tok { s: start as u32, e: 0, kind: Kind::Other, cls: Cls::None, val: 0, nd: 0, ws, nl, case: Case::Mixed };
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
                    if ascii {
                        tok.case = case_of(w);
                        if w.len() <= 12 {
                            let mut buf = [0u8; 12];
                            for (d, s) in buf.iter_mut().zip(w) {
                                *d = s.to_ascii_lowercase();
                            }
                            tok.cls = classify(&buf[..w.len()]);
                        }
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

fn case_of(w: &[u8]) -> Case {
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
    fn case_classes() {
        let t = toks("May MAY may mAy");
        let c: Vec<Case> = t.iter().map(|t| t.case).collect();
        assert_eq!(c, vec![Case::Cap, Case::Upper, Case::Lower, Case::Mixed]);
    }
}
