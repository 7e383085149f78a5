//! Small text helpers shared by the loader: lines with byte offsets, trimming that keeps
//! offsets, word statistics and the "does this read as a headline / a sentence" tests.
//!
//! Everything here works on `&str` slices of the original file and returns byte offsets into
//! it, so every span the loader produces lies on a UTF-8 boundary of the file.

/// One line of the file: `[start, end)` excludes the line terminator (`\n`, `\r\n`, or a lone
/// `\r` as old Mac files and some scrapers end lines).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Line {
    pub start: usize,
    pub end: usize,
}

impl Line {
    pub fn text<'a>(&self, src: &'a str) -> &'a str {
        &src[self.start..self.end]
    }
}

/// Split `src[from..to]` into lines. `from` must be a line start (or 0) and both offsets on
/// char boundaries.
pub(crate) fn lines_in(src: &str, from: usize, to: usize) -> Vec<Line> {
    let bytes = src.as_bytes();
    let mut out = Vec::new();
    let mut start = from;
    // memchr finds the line ends many bytes at a time (a byte-by-byte loop cost ~5
    // instructions a byte, ~25,000 a news article).
    for i in memchr::memchr2_iter(b'\n', b'\r', &bytes[from..to]).map(|i| from + i) {
        if i < start {
            // The `\n` of a `\r\n`, taken with its `\r`.
            continue;
        }
        out.push(Line { start, end: i });
        start = if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') && i + 1 < to { i + 2 } else { i + 1 };
    }
    if start < to {
        out.push(Line { start, end: to });
    }
    out
}

/// A file name in lower case, without a `.gz` ending: what tells a file's kind by its name
/// (`Page.HTML.gz` is an `.html`).
pub(crate) fn kind_name(name: &str) -> String {
    let mut n = name.to_ascii_lowercase();
    if n.ends_with(".gz") {
        n.truncate(n.len() - 3);
    }
    n
}

/// How a file opens: its first `n` bytes as text, without a byte order mark and leading
/// white space; what tells a file's kind by its content.
pub(crate) fn opening(bytes: &[u8], n: usize) -> std::borrow::Cow<'_, str> {
    match String::from_utf8_lossy(&bytes[..bytes.len().min(n)]) {
        std::borrow::Cow::Borrowed(s) => std::borrow::Cow::Borrowed(s.trim_start_matches('\u{feff}').trim_start()),
        std::borrow::Cow::Owned(s) => {
            std::borrow::Cow::Owned(s.trim_start_matches('\u{feff}').trim_start().to_string())
        }
    }
}

/// Whitespace the loader trims from the edges of lines and paragraphs: Unicode white space
/// plus the invisible format characters scrapers leave behind.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || is_invisible(c)
}

/// Zero-width and other invisible characters that carry no text.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}')
}

/// Trim `src[start..end]` and return the trimmed range (empty ranges collapse to `start`).
pub(crate) fn trim_range(src: &str, start: usize, end: usize) -> (usize, usize) {
    let s = &src[start..end];
    let lead = s.len() - s.trim_start_matches(is_space).len();
    let rest = &s[lead..];
    let kept = rest.trim_end_matches(is_space).len();
    (start + lead, start + lead + kept)
}

/// Trimmed text of a line.
pub(crate) fn trimmed(s: &str) -> &str {
    s.trim_matches(is_space)
}

/// How many bytes of a (possibly huge) line the statistics look at. Classification of a
/// line never needs more than its beginning, and this keeps the loader linear.
pub(crate) const STATS_WINDOW: usize = 64 * 1024;

/// Cut `s` to at most `max` bytes on a char boundary.
pub(crate) fn prefix(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// The last at most `max` bytes of `s`, on a char boundary.
pub(crate) fn suffix(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut start = s.len() - max;
    while !s.is_char_boundary(start) {
        start += 1;
    }
    &s[start..]
}

/// Word statistics of a line.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Stats {
    /// Tokens containing at least one letter or digit.
    pub words: usize,
    /// Tokens that are common English function words.
    pub stop: usize,
    /// Tokens starting with an upper-case letter.
    pub capitalized: usize,
    /// Characters (not bytes) in the measured window.
    pub chars: usize,
    /// Letters among the characters.
    pub letters: usize,
}

impl Stats {
    pub fn stop_ratio(&self) -> f32 {
        if self.words == 0 { 0.0 } else { self.stop as f32 / self.words as f32 }
    }

    /// Count the word of an ASCII token, if it has a letter or digit.
    #[inline]
    fn ascii_word(&mut self, tok: &[u8]) {
        let Some(first) = tok.iter().position(u8::is_ascii_alphanumeric) else { return };
        let last = tok.iter().rposition(u8::is_ascii_alphanumeric).unwrap_or(first);
        self.word(&tok[first..=last], tok[first].is_ascii_uppercase());
    }

    /// Count a word: a token trimmed to its first and last letter or digit.
    #[inline]
    fn word(&mut self, core: &[u8], capitalized: bool) {
        self.words += 1;
        if capitalized {
            self.capitalized += 1;
        }
        if is_stopword(core) {
            self.stop += 1;
        }
    }
}

pub(crate) fn stats(s: &str) -> Stats {
    let s = prefix(s, STATS_WINDOW);
    if s.is_ascii() {
        return stats_ascii(s.as_bytes());
    }
    stats_unicode(s)
}

/// [`stats`] of text with non-ASCII characters: tokens are separated by Unicode white space,
/// and `chars` counts the characters of the tokens and one separator between each two.
///
/// ASCII letters, characters and ASCII white space are counted over the whole text in
/// vectorised blocks. The text is cut at ASCII white space; the pieces are mostly ASCII words,
/// trimmed as in [`stats_ascii`]; only pieces with other characters (curly quotes, dashes,
/// non-breaking spaces) are decoded, to count their other letters and white space and cut
/// them again at the latter. (Decoding every character cost ~40 instructions a byte.)
fn stats_unicode(s: &str) -> Stats {
    let b = s.as_bytes();
    let mut st = Stats { letters: count_bytes(b, |c| c.is_ascii_alphabetic()), ..Stats::default() };
    // Characters are counted by their first bytes; white space is taken off below.
    let mut chars = count_bytes(b, |c| c & 0xC0 != 0x80);
    let mut tokens = 0;
    let mut start = 0;
    while start < b.len() {
        let end = b[start..].iter().position(|&c| is_ascii_space(c)).map_or(b.len(), |k| start + k);
        let piece = &s[start..end];
        chars -= usize::from(end < b.len());
        start = end + 1;
        if piece.is_empty() {
            continue;
        }
        if piece.is_ascii() {
            tokens += 1;
            st.ascii_word(piece.as_bytes());
            continue;
        }
        for c in piece.chars().filter(|c| !c.is_ascii()) {
            if c.is_whitespace() {
                chars -= 1;
            } else if c.is_alphabetic() {
                st.letters += 1;
            }
        }
        for tok in piece.split(char::is_whitespace).filter(|t| !t.is_empty()) {
            tokens += 1;
            if tok.chars().any(char::is_alphanumeric) {
                let core = tok.trim_matches(|c: char| !c.is_alphanumeric());
                st.word(core.as_bytes(), core.chars().next().is_some_and(char::is_uppercase));
            }
        }
    }
    st.chars = (chars + tokens).saturating_sub(1);
    st
}

/// The ASCII characters that are white space to [`char::is_whitespace`] (the vertical tab
/// too, unlike [`u8::is_ascii_whitespace`]).
fn is_ascii_space(c: u8) -> bool {
    c == b' ' || (b'\t'..=b'\r').contains(&c)
}

/// How many bytes of `b` are `counted`: in blocks of 255 into a `u8`, a loop the compiler
/// vectorises (a `usize` count cost ~3 instructions a byte).
pub(crate) fn count_bytes(b: &[u8], counted: impl Fn(u8) -> bool) -> usize {
    b.chunks(255).map(|block| usize::from(block.iter().fold(0u8, |n, &c| n + u8::from(counted(c))))).sum()
}

/// [`stats`] of ASCII text. Letters are counted over the whole text by [`count_bytes`]; a
/// token is then trimmed to its letters and digits from both ends, which for most words stops
/// at their first and last byte. (Counting and trimming byte by byte in each token cost ~40
/// instructions a byte.)
fn stats_ascii(b: &[u8]) -> Stats {
    let mut st = Stats { chars: b.len(), letters: count_bytes(b, |c| c.is_ascii_alphabetic()), ..Stats::default() };
    for tok in b.split(u8::is_ascii_whitespace) {
        st.ascii_word(tok);
    }
    st
}

/// A fast, non-cryptographic hasher for maps keyed by line text: FNV-1a's scheme (xor, then
/// multiply) taken 8 bytes at a time rather than byte by byte (~2.5 instructions a byte),
/// with a multiplier that mixes whole words, and the high half of the state folded into the
/// low one at the end (the map picks buckets by the low bits, which the multiplications leave
/// to the first bytes of each word).
#[derive(Default, Clone, Copy)]
pub(crate) struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0 ^ (self.0 >> 32)
    }
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        let mut eat = |part: &[u8]| {
            let mut words = part.chunks_exact(8);
            for w in &mut words {
                h = (h ^ u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]])).wrapping_mul(K);
            }
            for &b in words.remainder() {
                h = (h ^ u64::from(b)).wrapping_mul(K);
            }
        };
        // Long keys (whole paragraphs): their length and ends spread them well enough;
        // equality is still checked on the whole key.
        if bytes.len() > 256 {
            eat(&bytes.len().to_le_bytes());
            eat(&bytes[..128]);
            eat(&bytes[bytes.len() - 128..]);
        } else {
            eat(bytes);
        }
        self.0 = h;
    }
}

pub(crate) type FnvBuild = std::hash::BuildHasherDefault<Fnv>;

/// Number of word tokens (letters or digits) in `s`, counting at most `limit`.
pub(crate) fn word_count(s: &str, limit: usize) -> usize {
    s.split_whitespace().filter(|t| t.chars().any(char::is_alphanumeric)).take(limit).count()
}

/// Common English function words: prose has many of them, menus and headlines few.
pub(crate) fn is_stopword(word: &[u8]) -> bool {
    if word.len() > 7 || word.is_empty() {
        return false;
    }
    let mut buf = [0u8; 7];
    for (i, &b) in word.iter().enumerate() {
        if !b.is_ascii_alphabetic() {
            return false;
        }
        buf[i] = b.to_ascii_lowercase();
    }
    matches!(
        &buf[..word.len()],
        b"a" | b"an"
            | b"the"
            | b"and"
            | b"or"
            | b"but"
            | b"of"
            | b"in"
            | b"on"
            | b"at"
            | b"to"
            | b"for"
            | b"from"
            | b"by"
            | b"with"
            | b"as"
            | b"is"
            | b"are"
            | b"was"
            | b"were"
            | b"be"
            | b"been"
            | b"being"
            | b"has"
            | b"have"
            | b"had"
            | b"do"
            | b"does"
            | b"did"
            | b"it"
            | b"its"
            | b"this"
            | b"that"
            | b"these"
            | b"those"
            | b"which"
            | b"who"
            | b"whom"
            | b"whose"
            | b"what"
            | b"when"
            | b"where"
            | b"while"
            | b"he"
            | b"she"
            | b"they"
            | b"them"
            | b"their"
            | b"his"
            | b"her"
            | b"we"
            | b"our"
            | b"you"
            | b"your"
            | b"i"
            | b"my"
            | b"not"
            | b"no"
            | b"will"
            | b"would"
            | b"could"
            | b"should"
            | b"can"
            | b"may"
            | b"might"
            | b"said"
            | b"says"
            | b"also"
            | b"after"
            | b"before"
            | b"than"
            | b"then"
            | b"there"
            | b"into"
            | b"over"
            | b"about"
            | b"if"
            | b"so"
            | b"all"
            | b"more"
            | b"most"
            | b"other"
            | b"some"
            | b"such"
            | b"only"
            | b"since"
            | b"during"
            | b"against"
            | b"between"
            | b"under"
            | b"up"
            | b"out"
            | b"one"
            | b"two"
            | b"new"
            | b"last"
            | b"because"
            | b"however"
            | b"both"
            | b"any"
            | b"each"
            | b"how"
            | b"why"
            | b"him"
            | b"us"
            | b"just"
            | b"very"
            | b"still"
            | b"now"
    )
}

/// Whether the text ends like a sentence (ignoring closing quotes and brackets).
pub(crate) fn ends_sentence(s: &str) -> bool {
    let t = strip_footnote_marks(s.trim_end_matches(is_space));
    let t =
        t.trim_end_matches(|c: char| is_space(c) || matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '»' | '*' | '_'));
    match t.chars().next_back() {
        Some('.' | '!' | '?' | '…' | ';' | ':') => !t.ends_with("...") && !t.ends_with('…'),
        _ => false,
    }
}

/// `s` without the footnote markers that end it: "hurt.[12]", "hurt.[xxv][xxvi]".
pub(crate) fn strip_footnote_marks(s: &str) -> &str {
    let mut t = s;
    while let Some(inner) = t.strip_suffix(']') {
        let Some(open) = inner.rfind('[') else { break };
        let mark = &inner[open + 1..];
        let roman = !mark.is_empty() && mark.len() <= 8 && mark.chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'l'));
        let digits = !mark.is_empty() && mark.len() <= 4 && mark.chars().all(|c| c.is_ascii_digit());
        if !(roman || digits) {
            break;
        }
        t = &inner[..open];
    }
    t
}

/// Whether the text ends in an ellipsis (a truncated teaser).
pub(crate) fn ends_with_ellipsis(s: &str) -> bool {
    let t = s.trim_end_matches(is_space);
    t.ends_with("...") || t.ends_with('…')
}

/// Whether `s` reads as a headline: a handful of words, no sentence-final full stop, starting
/// with a capital, a digit or a quote, and not a bare date or a header line.
pub(crate) fn is_headline_like(s: &str) -> bool {
    let s = trimmed(s);
    if s.is_empty() || s.len() > 220 {
        return false;
    }
    let words = word_count(s, 40);
    if !(3..=30).contains(&words) {
        return false;
    }
    let Some(first) = s.chars().next() else {
        return false;
    };
    if !(first.is_uppercase() || first.is_numeric() || matches!(first, '"' | '“' | '‘' | '\'' | '«')) {
        return false;
    }
    let last = s.trim_end_matches(['"', '”', '’', '\'', '»']).chars().next_back();
    if matches!(last, Some('.' | ',' | ';' | ':' | '…')) {
        // "Mr." style endings are rare in headlines; a full stop means a sentence.
        return false;
    }
    // A headline has at most one sentence break inside.
    if s.matches(". ").count() > 1 {
        return false;
    }
    true
}

/// The first sentence of `s`, looking no further than `max` bytes.
pub(crate) fn first_sentence(s: &str, max: usize) -> &str {
    let window = prefix(s, max);
    let bytes = window.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if matches!(b, b'.' | b'!' | b'?') {
            let next = window[i + 1..].chars().next();
            let after_space = window[i + 1..].trim_start_matches([' ']).chars().next();
            let ends = match next {
                None => true,
                Some(' ') => {
                    after_space.is_some_and(|c| c.is_uppercase() || c.is_numeric() || matches!(c, '"' | '“' | '‘'))
                }
                _ => false,
            };
            if ends && !(b == b'.' && is_abbreviation(&window[..i])) {
                return &window[..=i];
            }
        }
        i += 1;
    }
    window
}

/// The sentences of `src[start..end]` as trimmed byte ranges of `src`: cut after `.`, `!` or
/// `?` (and closing quotes or brackets) where a capital, a digit or an opening quote follows,
/// perhaps after a dash or bullet ("... on Friday. - READ MORE: ..."), unless the word before
/// the full stop is an abbreviation; and at line ends.
pub(crate) fn sentence_ranges(src: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let text = &src[start..end];
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    let mut push = |from: usize, to: usize| {
        let (s, e) = trim_range(src, start + from, start + to);
        if e > s {
            out.push((s, e));
        }
    };
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\n' => {
                push(from, i);
                from = i + 1;
            }
            c @ (b'.' | b'!' | b'?') => {
                let mut j = i + 1;
                let closers = text[j..].len() - text[j..].trim_start_matches(['"', '\'', '”', '’', ')']).len();
                j += closers;
                let rest = &text[j..];
                let after = rest.trim_start_matches([' ', '\t']);
                let spaced = after.len() < rest.len();
                let after = after.trim_start_matches(['-', '–', '—', '•', '*']).trim_start_matches([' ', '\t']);
                let opens =
                    after.chars().next().is_some_and(|c| c.is_uppercase() || c.is_numeric() || "\"“‘«".contains(c));
                if spaced && opens && !(c == b'.' && is_abbreviation(&text[..i])) {
                    push(from, j);
                    from = j;
                }
                i = j.max(i + 1);
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    push(from, b.len());
    out
}

/// Whether the word ending at the end of `before` is an abbreviation ("Mr", "U.S", "Feb").
fn is_abbreviation(before: &str) -> bool {
    let word = before.rsplit(|c: char| c.is_whitespace() || c == '(').next().unwrap_or("");
    if word.chars().count() == 1 {
        return word.chars().all(char::is_uppercase);
    }
    if word.contains('.') {
        return true; // U.S, a.m
    }
    matches!(
        word,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "Prof"
            | "Gen"
            | "Lt"
            | "Col"
            | "Sgt"
            | "St"
            | "Jr"
            | "Sr"
            | "Jan"
            | "Feb"
            | "Mar"
            | "Apr"
            | "Aug"
            | "Sep"
            | "Sept"
            | "Oct"
            | "Nov"
            | "Dec"
            | "No"
            | "vs"
            | "etc"
            | "Rep"
            | "Sen"
            | "Gov"
            | "Maj"
            | "Capt"
    )
}

/// Shorten `s` to about `max` characters at a word boundary, ending in `…`.
pub(crate) fn shorten(s: &str, max: usize) -> String {
    let s = trimmed(s);
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut = s.char_indices().nth(max).map(|(i, _)| i).unwrap_or(s.len());
    let head = &s[..cut];
    let head = match head.rfind(char::is_whitespace) {
        Some(i) if i > cut / 2 => &head[..i],
        _ => head,
    };
    let head = head.trim_end_matches(|c: char| is_space(c) || matches!(c, ',' | ';' | ':' | '-' | '–' | '—'));
    format!("{head}…")
}

#[cfg(test)]
mod footnote_tests {
    use super::*;

    #[test]
    fn footnote_marks_do_not_hide_the_full_stop() {
        assert!(ends_sentence("Forces attacked near Zelene on February 6 and 7.[xxv]"));
        assert!(ends_sentence("Six were hurt.[12][13]"));
        assert!(!ends_sentence("A heading [xi]"));
        assert_eq!(strip_footnote_marks("x.[ii]"), "x.");
        assert_eq!(strip_footnote_marks("see [a]"), "see [a]");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_keep_offsets_and_drop_cr() {
        let s = "ab\r\ncd\n\nef";
        let ls = lines_in(s, 0, s.len());
        let texts: Vec<_> = ls.iter().map(|l| l.text(s)).collect();
        assert_eq!(texts, ["ab", "cd", "", "ef"]);
        assert_eq!(ls[1].start, 4);
    }

    #[test]
    fn trim_range_handles_invisible_characters() {
        let s = "\u{200B} hi \u{00A0}";
        let (a, b) = trim_range(s, 0, s.len());
        assert_eq!(&s[a..b], "hi");
    }

    #[test]
    fn stats_count_function_words() {
        let st = stats("The war in Ukraine has continued to unfold.");
        assert_eq!(st.words, 8);
        assert_eq!(st.stop, 4);
    }

    #[test]
    fn headline_tests() {
        assert!(is_headline_like("Russia Hammers Ukraine with Drones and Missiles as Peace Efforts Drag On"));
        assert!(is_headline_like("Russia’s Lavrov Sees No ‘Bright Future’ for Economic Ties with US"));
        assert!(!is_headline_like("This past week in Ukraine followed a grimly familiar pattern."));
        assert!(!is_headline_like("TT"));
        assert!(!is_headline_like("war"));
    }

    #[test]
    fn first_sentence_skips_abbreviations() {
        assert_eq!(
            first_sentence("Mr. Smith met U.S. officials on Feb. 3. Then he left.", 500),
            "Mr. Smith met U.S. officials on Feb. 3."
        );
        assert_eq!(first_sentence("No end here", 500), "No end here");
    }

    #[test]
    fn lines_end_at_every_line_terminator() {
        let src = "a\nb\r\nc\rd\r\re\n\nf\r";
        let got: Vec<&str> = lines_in(src, 0, src.len()).iter().map(|l| l.text(src)).collect();
        assert_eq!(got, ["a", "b", "c", "d", "", "e", "", "f"]);
    }

    #[test]
    fn sentence_ranges_cover_the_sentences() {
        let src = "xx Mr. Smith met U.S. officials. Then he left! Did he?\nA new line";
        let got: Vec<&str> = sentence_ranges(src, 3, src.len()).into_iter().map(|(s, e)| &src[s..e]).collect();
        assert_eq!(got, ["Mr. Smith met U.S. officials.", "Then he left!", "Did he?", "A new line"]);
    }

    #[test]
    fn shorten_cuts_at_a_word() {
        let s = shorten("one two three four five six seven", 12);
        assert_eq!(s, "one two…");
        assert_eq!(shorten("short", 100), "short");
    }
}
