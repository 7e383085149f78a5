//! Sentences and words: the small text utilities the extractor is built on.

/// A sentence: byte range in the text it was split from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
}

/// Words before a period that do not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "gov", "sen", "rep", "rev", "prof",
    "jr", "sr", "no", "vs", "etc", "approx", "est", "dept", "corp", "inc", "ltd", "co", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat",
    "sun", "fig", "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m", "al", "pres",
];

fn is_abbreviation(word: &str) -> bool {
    let w = word.trim_start_matches(|c: char| !c.is_alphanumeric()).to_ascii_lowercase();
    if w.len() == 1 && w.chars().all(|c| c.is_ascii_alphabetic()) {
        return true; // an initial: "J. D. Vance"
    }
    ABBREVIATIONS.contains(&w.as_str())
}

/// The inside of a footnote marker: digits ("12") or a lower-case roman numeral ("xiv").
fn is_footnote_mark(b: &[u8]) -> bool {
    (b.len() <= 4 && b.iter().all(u8::is_ascii_digit)) || b.iter().all(|c| matches!(c, b'i' | b'v' | b'x' | b'l'))
}

/// Split text into sentences. Line breaks always end a sentence; `.`, `!` and `?` end one
/// when followed by white space and then an upper-case letter, a digit or an opening quote,
/// unless the word before is a known abbreviation or an initial.
pub fn sentences(text: &str) -> Vec<Sentence> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    let push = |out: &mut Vec<Sentence>, s: usize, e: usize| {
        let seg = &text[s..e];
        let lead = seg.len() - seg.trim_start().len();
        let trail = seg.len() - seg.trim_end().len();
        if s + lead < e - trail {
            out.push(Sentence { start: s + lead, end: e - trail });
        }
    };
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' {
            push(&mut out, start, i);
            start = i + 1;
        } else if b == b'.' || b == b'!' || b == b'?' {
            // Include closing quotes/brackets after the terminator.
            let mut j = i + 1;
            while j < bytes.len() {
                let rest = &text[j..];
                let c = rest.chars().next().unwrap_or(' ');
                if matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»') {
                    j += c.len_utf8();
                } else {
                    break;
                }
            }
            // Footnote markers after the terminator: "hurt.[12] Next", "hurt.[xiv] Next".
            while j < bytes.len() && bytes[j] == b'[' {
                let close = text[j..].find(']').map(|c| j + c);
                match close {
                    Some(c) if c > j + 1 && c - j <= 9 && is_footnote_mark(&bytes[j + 1..c]) => j = c + 1,
                    _ => break,
                }
            }
            if j < bytes.len() && (bytes[j] == b' ' || bytes[j] == b'\t') {
                let mut k = j;
                while k < bytes.len() && (bytes[k] == b' ' || bytes[k] == b'\t') {
                    k += 1;
                }
                let next = text[k..].chars().next().unwrap_or(' ');
                let starts_new = next.is_uppercase()
                    || next.is_ascii_digit()
                    || matches!(next, '"' | '“' | '‘' | '\'' | '(' | '[' | '-' | '—');
                let word_start = text[..i]
                    .char_indices()
                    .rev()
                    .find(|(_, c)| c.is_whitespace())
                    .map(|(p, c)| p + c.len_utf8())
                    .unwrap_or(0);
                let word = &text[word_start..i];
                let abbrev = b == b'.' && is_abbreviation(word);
                // A decimal number: "3.5".
                let decimal = b == b'.' && i > 0 && bytes[i - 1].is_ascii_digit() && next.is_ascii_digit() && k == j;
                if starts_new && !abbrev && !decimal {
                    push(&mut out, start, j);
                    start = j;
                    i = j;
                    continue;
                }
            }
            i = j.max(i + 1);
            continue;
        }
        i += 1;
    }
    push(&mut out, start, bytes.len());
    out
}

/// A word lowercased on the stack when it is short and ASCII (nearly every word of news
/// copy), on the heap otherwise: the name finder looks up every capitalised word.
pub struct Lower {
    buf: [u8; 48],
    len: usize,
    heap: Option<String>,
}

impl Default for Lower {
    fn default() -> Lower {
        Lower { buf: [0u8; 48], len: 0, heap: None }
    }
}

impl Lower {
    /// "a b", lowercased: two-word titles ("prime minister").
    pub fn pair(a: &str, b: &str) -> Lower {
        let n = a.len() + 1 + b.len();
        let mut out = Lower::default();
        if n <= out.buf.len() && a.is_ascii() && b.is_ascii() {
            out.buf[..a.len()].copy_from_slice(a.as_bytes());
            out.buf[a.len()] = b' ';
            out.buf[a.len() + 1..n].copy_from_slice(b.as_bytes());
            out.buf[..n].make_ascii_lowercase();
            out.len = n;
        } else {
            out.heap = Some(format!("{a} {b}").to_lowercase());
        }
        out
    }

    pub fn new(w: &str) -> Lower {
        let mut buf = [0u8; 48];
        if w.len() <= buf.len() && w.is_ascii() {
            buf[..w.len()].copy_from_slice(w.as_bytes());
            buf[..w.len()].make_ascii_lowercase();
            Lower { buf, len: w.len(), heap: None }
        } else {
            Lower { buf, len: 0, heap: Some(w.to_lowercase()) }
        }
    }
    pub fn as_str(&self) -> &str {
        match &self.heap {
            Some(h) => h,
            // SAFETY: `new` and `pair` copy only ASCII bytes into `buf[..len]` (they check
            // `is_ascii` first), and ASCII is valid UTF-8. (Validating cost more than the
            // look-ups these words are made for.)
            None => unsafe { std::str::from_utf8_unchecked(&self.buf[..self.len]) },
        }
    }
}

impl std::ops::Deref for Lower {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

/// The trailing run of `s` whose chars satisfy `keep` ("... in Kyiv" -> "Kyiv").
pub fn trailing_run(s: &str, keep: impl Fn(char) -> bool) -> &str {
    let cut = s.char_indices().rev().take_while(|&(_, c)| keep(c)).last().map_or(s.len(), |(i, _)| i);
    &s[cut..]
}

/// The leading run of `s` whose chars satisfy `keep`.
pub fn leading_run(s: &str, keep: impl Fn(char) -> bool) -> &str {
    let cut = s.char_indices().find(|&(_, c)| !keep(c)).map_or(s.len(), |(i, _)| i);
    &s[..cut]
}

/// Is `w` one of the lowercase words of `list`, ignoring ASCII case? (No allocation.)
pub fn in_list_ci(list: &[&str], w: &str) -> bool {
    list.iter().any(|x| x.len() == w.len() && x.eq_ignore_ascii_case(w))
}

/// Small number words, as used in news copy, with their values.
pub(crate) const NUMBER_WORDS: &[(&str, u32)] = &[
    ("a", 1),
    ("an", 1),
    ("one", 1),
    ("single", 1),
    ("two", 2),
    ("both", 2),
    ("pair", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("dozen", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("hundred", 100),
];

/// The longest of [`NUMBER_WORDS`] ("seventeen").
const NUMBER_WORD_MAX: usize = 9;

/// [`NUMBER_WORDS`] indexed: (the first letters, the words).
/// (For each first byte, a bit per length some number word has; the words.)
type NumberIndex = ([u32; 256], rustc_hash::FxHashMap<&'static [u8], u32>);
static NUMBER_INDEX: std::sync::LazyLock<NumberIndex> = std::sync::LazyLock::new(|| {
    let mut first = [0u32; 256];
    for (w, _) in NUMBER_WORDS {
        assert!(w.len() <= NUMBER_WORD_MAX, "{w} is longer than NUMBER_WORD_MAX");
        first[w.as_bytes()[0] as usize] |= 1 << w.len();
    }
    (first, NUMBER_WORDS.iter().map(|&(w, v)| (w.as_bytes(), v)).collect())
});

/// Might a number start at the token `t` ("12", "twelve", "twenty-five", "a dozen", "half a
/// dozen")? A quick filter on the first letter and the length of the first word of the
/// token: `false` means certainly not.
pub(crate) fn may_start_number(t: &str) -> bool {
    let Some(&b) = t.as_bytes().first() else { return false };
    if !b.is_ascii_alphabetic() {
        return true;
    }
    let (first, _) = &*NUMBER_INDEX;
    let lengths = first[b.to_ascii_lowercase() as usize];
    if lengths == 0 {
        return t.eq_ignore_ascii_case("half");
    }
    // The length of the first word ("twenty" of "twenty-five"), counted up to one past the
    // longest number word.
    let len = t.bytes().take(NUMBER_WORD_MAX + 1).position(|c| c == b'-').unwrap_or(t.len().min(NUMBER_WORD_MAX + 1));
    len <= NUMBER_WORD_MAX && lengths & (1 << len) != 0 || t.eq_ignore_ascii_case("half")
}

/// The value of a small number word ("twelve", "a dozen"'s "dozen"), in any case.
pub fn number_word(w: &str) -> Option<u32> {
    // Runs on many tokens: words longer than the longest number word, or starting with a
    // letter none starts with, are refused before lowercasing (on the stack).
    let (first, words) = &*NUMBER_INDEX;
    if w.is_empty()
        || w.len() > NUMBER_WORD_MAX
        || first[w.as_bytes()[0].to_ascii_lowercase() as usize] & (1 << w.len()) == 0
    {
        return None;
    }
    let mut buf = [0u8; NUMBER_WORD_MAX];
    for (d, s) in buf.iter_mut().zip(w.as_bytes()) {
        *d = s.to_ascii_lowercase();
    }
    words.get(&buf[..w.len()]).copied()
}

/// Parse a number token: `12`, `1,100`, `twelve`, `twenty-five`, `18-year-olds` is not a number.
pub fn parse_number(tok: &str) -> Option<u32> {
    // "-5": a negative number is no count.
    if tok.strip_prefix(['-', '\u{2212}']).is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit())) {
        return None;
    }
    let t = tok.trim_matches(|c: char| !c.is_alphanumeric());
    let first = *t.as_bytes().first()?;
    if first.is_ascii_digit() {
        if !t.bytes().all(|c| c.is_ascii_digit() || c == b',') {
            return None; // "18-year-olds", "1st", "3.5"
        }
        // "1,100" but not "1,10": thousands groups must be three digits.
        if t.split(',').skip(1).any(|g| g.len() != 3) {
            return None;
        }
        let mut n: u32 = 0;
        for d in t.bytes().filter(u8::is_ascii_digit) {
            n = n.checked_mul(10)?.checked_add(u32::from(d - b'0'))?;
        }
        return Some(n);
    }
    // Number words are short and ASCII ("twenty-five" is the longest form read).
    if !first.is_ascii_alphabetic() || t.len() > 16 {
        return None;
    }
    if let Some(dash) = t.bytes().position(|c| c == b'-') {
        let (a, b) = (number_word(&t[..dash])?, number_word(&t[dash + 1..])?);
        if a >= 20 && a % 10 == 0 && b < 10 {
            return Some(a + b);
        }
        return None;
    }
    number_word(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_number_filter_lets_every_number_through() {
        let mut words: Vec<String> = NUMBER_WORDS.iter().map(|(w, _)| w.to_string()).collect();
        words.extend(NUMBER_WORDS.iter().map(|(w, _)| w.to_uppercase()));
        words.extend(["twenty-five", "Thirty-one", "12", "1,100", "half", "Half"].map(String::from));
        for w in &words {
            assert!(may_start_number(w), "{w}");
        }
        for w in ["Russia", "were", "killed", "drones", "launched", "overnight"] {
            assert!(!may_start_number(w), "{w}");
            assert_eq!(parse_number(w), None);
        }
    }

    fn split(t: &str) -> Vec<&str> {
        sentences(t).iter().map(|s| &t[s.start..s.end]).collect()
    }

    #[test]
    fn splits_on_terminators_but_not_abbreviations() {
        let t = "Gen. Smith met J. D. Vance on Feb. 4 in the U.S. capital. Talks went on. “It was hard,” he said.\nNext line";
        assert_eq!(
            split(t),
            [
                "Gen. Smith met J. D. Vance on Feb. 4 in the U.S. capital.",
                "Talks went on.",
                "“It was hard,” he said.",
                "Next line"
            ]
        );
    }

    #[test]
    fn footnote_markers_do_not_glue_sentences() {
        assert_eq!(split("Six were hurt.[1] Officials said so.[2]"), ["Six were hurt.[1]", "Officials said so.[2]"]);
        assert_eq!(split("Drones hit Lviv.[xix] Officials said so."), ["Drones hit Lviv.[xix]", "Officials said so."]);
    }

    #[test]
    fn keeps_decimals_and_quotes() {
        assert_eq!(
            split("Prices rose 3.5 percent. \"Good.\" Then more."),
            ["Prices rose 3.5 percent.", "\"Good.\"", "Then more."]
        );
    }

    #[test]
    fn numbers_from_digits_and_words() {
        assert_eq!(parse_number("1,100"), Some(1100));
        assert_eq!(parse_number("12"), Some(12));
        assert_eq!(parse_number("twelve"), Some(12));
        assert_eq!(parse_number("Twenty-five"), Some(25));
        assert_eq!(parse_number("1,10"), None);
        assert_eq!(parse_number("18-year-olds"), None);
    }
}
