//! Word wrapping by display width (CJK and emoji are two columns wide), done once per
//! article and width, and kept as byte ranges so the reader only styles visible lines.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// One display line: a byte range of the source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WLine {
    pub start: usize,
    pub end: usize,
}

/// Display width of a string.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

fn is_wide(g: &str) -> bool {
    width(g) >= 2
}

/// Wrap `text` to `max` columns. Hard line breaks (`\n`) are kept (a blank line gives an
/// empty line). Lines break after spaces, or between wide (CJK) characters, or anywhere
/// when a word is longer than the line. Trailing spaces at a break are dropped.
pub fn wrap(text: &str, max: usize) -> Vec<WLine> {
    let max = max.max(1);
    let mut out = Vec::new();
    let mut para_start = 0;
    for para in text.split('\n') {
        wrap_line(para, para_start, max, &mut out);
        para_start += para.len() + 1;
    }
    out
}

fn wrap_line(line: &str, base: usize, max: usize, out: &mut Vec<WLine>) {
    let line = line.strip_suffix('\r').unwrap_or(line);
    if line.is_empty() {
        out.push(WLine { start: base, end: base });
        return;
    }
    let mut start = 0; // current line start (byte, relative)
    let mut w = 0; // width since start
    // last break opportunity: (byte where the next line starts, byte where this one ends, width up to it)
    let mut brk: Option<(usize, usize, usize)> = None;
    let mut prev_wide = false;
    for (i, g) in line.grapheme_indices(true) {
        let gw = width(g);
        let space = g.chars().all(char::is_whitespace);
        let wide = is_wide(g);
        // a break before a wide char, or after one
        if i > start && (wide || prev_wide) && !space {
            brk = Some((i, i, w));
        }
        if !space && w + gw > max && i > start {
            let (next, end) = match brk {
                Some((next, end, _)) if next > start => (next, end),
                _ => (i, i),
            };
            out.push(WLine { start: base + start, end: base + trim_end(line, start, end) });
            start = next;
            w = width(&line[start..i]);
            brk = None;
        }
        if space {
            if i == start && !out.is_empty() && start > 0 {
                // leading space after a wrap: swallow it
                start = i + g.len();
                prev_wide = false;
                continue;
            }
            brk = Some((i + g.len(), i, w));
        }
        w += gw;
        prev_wide = wide;
    }
    out.push(WLine { start: base + start, end: base + trim_end(line, start, line.len()) });
}

fn trim_end(line: &str, start: usize, end: usize) -> usize {
    start + line[start..end].trim_end().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, max: usize) -> Vec<&str> {
        wrap(text, max).into_iter().map(|l| &text[l.start..l.end]).collect()
    }

    #[test]
    fn words() {
        assert_eq!(lines("the quick brown fox jumps", 10), vec!["the quick", "brown fox", "jumps"]);
        assert_eq!(lines("a\n\nb", 10), vec!["a", "", "b"]);
        assert_eq!(lines("", 10), vec![""]);
    }

    #[test]
    fn long_words_break_anywhere() {
        assert_eq!(lines("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
    }

    #[test]
    fn cjk_and_emoji_by_width() {
        let t = "キーウの発電所がドローン攻撃を受けた";
        for l in lines(t, 10) {
            assert!(width(l) <= 10, "{l}");
        }
        assert_eq!(lines(t, 10).concat(), t);
        let e = "power 🚀🚀🚀 plants";
        for l in lines(e, 7) {
            assert!(width(l) <= 7, "{l:?}");
        }
        // a family emoji is one grapheme and is never split
        let fam = "👨‍👩‍👧 x";
        assert_eq!(lines(fam, 2)[0], "👨‍👩‍👧");
    }

    #[test]
    fn every_width_terminates_and_covers_the_text() {
        let t = "Frederiksen was in Kyiv 🇺🇦 for talks. 2月3日、キーウの発電所 — a long-hyphenated-word here.";
        for max in 0..40 {
            let ls = wrap(t, max);
            let joined: String = ls.iter().map(|l| &t[l.start..l.end]).collect::<Vec<_>>().join(" ");
            let a: String = joined.split_whitespace().collect();
            let b: String = t.split_whitespace().collect();
            assert_eq!(a, b, "max {max}");
        }
    }
}
