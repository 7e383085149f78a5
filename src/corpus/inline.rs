//! Debris inside a paragraph: footnote markers `[12]`, markdown link syntax `[text](url)`
//! (the text stays), images `![alt](url)`, bold markers `**`, and invisible characters.
//! They are cut out, so a paragraph becomes several pieces of exact file bytes.

use super::broken::glued;
use super::text::is_space;

/// The bytes [`clean`] looks at: `[`, `*`, `_`, and the first bytes of the invisible
/// characters it drops (U+200B..U+200D, U+2060, U+FEFF, U+00AD), in two sets of three for
/// `memchr3`.
const MARKUP_ASCII: [u8; 3] = [b'[', b'*', b'_'];
const MARKUP_HIGH: [u8; 3] = [0xE2, 0xEF, 0xC2];

/// The kept byte ranges of `src[start..end]`, in order, non-empty, trimmed at both ends.
pub(crate) fn clean(src: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let b = src.as_bytes();
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut keep_from = start;
    let mut i = start;
    fn cut(out: &mut Vec<(usize, usize)>, keep_from: &mut usize, a: usize, z: usize) {
        if a > *keep_from {
            out.push((*keep_from, a));
        }
        *keep_from = z;
    }
    // Most bytes are plain text: skip to the next that may start markup. memchr finds the
    // next of each set many bytes at a time (a byte-by-byte skip cost ~4 instructions a byte);
    // each is found again only once `i` has passed it (the first byte is looked at as is).
    let find =
        |from: usize, set: [u8; 3]| memchr::memchr3(set[0], set[1], set[2], &b[from..end]).map_or(end, |k| from + k);
    let (mut next_ascii, mut next_high) = (i, i);
    while i < end {
        if next_ascii < i {
            next_ascii = find(i, MARKUP_ASCII);
        }
        if next_high < i {
            next_high = find(i, MARKUP_HIGH);
        }
        let next = next_ascii.min(next_high);
        if next > i {
            i = next;
            continue;
        }
        match b[i] {
            b'[' => {
                if let Some(close) = footnote_end(b, i, end) {
                    // Swallow the space before a marker that stands between two words.
                    let a =
                        if i > keep_from && b[i - 1] == b' ' && close < end && b[close] == b' ' { i - 1 } else { i };
                    cut(&mut out, &mut keep_from, a, close);
                    i = close;
                    continue;
                }
                if let Some((text_end, link_end)) = link_end(b, i, end) {
                    let image = i > start && b[i - 1] == b'!';
                    if image {
                        cut(&mut out, &mut keep_from, i - 1, link_end);
                    } else {
                        cut(&mut out, &mut keep_from, i, i + 1);
                        cut(&mut out, &mut keep_from, text_end, link_end);
                    }
                    i = link_end;
                    continue;
                }
                i += 1;
            }
            b'*' | b'_' if i + 1 < end && b[i + 1] == b[i] => {
                let mut z = i + 2;
                while z < end && b[z] == b[i] {
                    z += 1;
                }
                cut(&mut out, &mut keep_from, i, z);
                i = z;
            }
            0xE2 if i + 2 < end && b[i + 1] == 0x80 && matches!(b[i + 2], 0x8B..=0x8D) => {
                cut(&mut out, &mut keep_from, i, i + 3);
                i += 3;
            }
            0xE2 if i + 2 < end && b[i + 1] == 0x81 && b[i + 2] == 0xA0 => {
                cut(&mut out, &mut keep_from, i, i + 3);
                i += 3;
            }
            0xEF if i + 2 < end && b[i + 1] == 0xBB && b[i + 2] == 0xBF => {
                cut(&mut out, &mut keep_from, i, i + 3);
                i += 3;
            }
            0xC2 if i + 1 < end && b[i + 1] == 0xAD => {
                cut(&mut out, &mut keep_from, i, i + 2);
                i += 2;
            }
            _ => i += 1,
        }
    }
    if end > keep_from {
        out.push((keep_from, end));
    }
    trim_pieces(src, &mut out);
    out
}

/// The kept byte ranges of the lines in `src[start..end]`, a sentence a scraper broke at its
/// links: each line is cleaned as by [`clean`] and trimmed, and the lines are joined by the
/// line break that ended the one before (the only white space the file has between them), or
/// by nothing where they are glued (see [`glued`]: "Poland" / ", CARE works").
pub(crate) fn clean_lines(src: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    // The last line that gave text (its range) and the line break after it.
    let mut prev: Option<((usize, usize), Option<usize>)> = None;
    let mut line_start = start;
    while line_start < end {
        let nl = src[line_start..end].find('\n').map(|k| line_start + k);
        let line_end = nl.unwrap_or(end);
        let pieces = clean(src, line_start, line_end);
        if let (Some(&(s, _)), Some(&(_, e))) = (pieces.first(), pieces.last()) {
            if let Some(((ps, pe), Some(b))) = prev
                && !glued(&src[ps..pe], &src[s..e])
            {
                push_merged(&mut out, (b, b + 1));
            }
            for p in pieces {
                push_merged(&mut out, p);
            }
            prev = Some(((s, e), nl));
        }
        line_start = line_end + 1;
    }
    out
}

/// Append a range, extending the last one when they touch.
fn push_merged(out: &mut Vec<(usize, usize)>, (s, e): (usize, usize)) {
    match out.last_mut() {
        Some(last) if last.1 == s => last.1 = e,
        _ => out.push((s, e)),
    }
}

/// Trim white space (and stray emphasis markers) at the outer edges of the pieces.
pub(crate) fn trim_pieces(src: &str, pieces: &mut Vec<(usize, usize)>) {
    let edge = |c: char| is_space(c) || c == '*' || c == '_';
    while let Some(&(s, e)) = pieces.first() {
        let t = &src[s..e];
        let lead = t.len() - t.trim_start_matches(edge).len();
        if s + lead >= e {
            pieces.remove(0);
        } else {
            pieces[0].0 = s + lead;
            break;
        }
    }
    while let Some(&(s, e)) = pieces.last() {
        let t = &src[s..e];
        let kept = t.trim_end_matches(edge).len();
        if kept == 0 {
            pieces.pop();
        } else {
            let last = pieces.len() - 1;
            pieces[last].1 = s + kept;
            break;
        }
    }
    pieces.retain(|&(s, e)| e > s);
}

/// `[12]`, `[3, 4]`, `[5-7]`: the index after `]`.
fn footnote_end(b: &[u8], open: usize, end: usize) -> Option<usize> {
    let mut i = open + 1;
    let mut digits = 0;
    while i < end && i < open + 24 {
        match b[i] {
            b'0'..=b'9' => digits += 1,
            b',' | b' ' | b'-' => {}
            b']' => {
                return (digits > 0 && digits <= 12 && b[open + 1].is_ascii_digit()).then_some(i + 1);
            }
            _ => return None,
        }
        i += 1;
    }
    None
}

/// `[text](url)`: the index of `]` and the index after `)`.
fn link_end(b: &[u8], open: usize, end: usize) -> Option<(usize, usize)> {
    let mut i = open + 1;
    let limit = end.min(open + 1 + 600);
    let mut depth = 0;
    while i < limit {
        match b[i] {
            b'[' => depth += 1,
            b']' if depth > 0 => depth -= 1,
            b']' => break,
            b'\n' => return None,
            _ => {}
        }
        i += 1;
    }
    if i >= limit || i + 1 >= end || b[i + 1] != b'(' {
        return None;
    }
    let text_end = i;
    let mut j = i + 2;
    let limit = end.min(j + 2048);
    let mut depth = 0;
    while j < limit {
        match b[j] {
            b'(' => depth += 1,
            b')' if depth > 0 => depth -= 1,
            b')' => return Some((text_end, j + 1)),
            b'\n' => return None,
            _ => {}
        }
        j += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn joined(s: &str) -> String {
        clean(s, 0, s.len()).iter().map(|&(a, z)| &s[a..z]).collect()
    }

    #[test]
    fn cuts_footnotes() {
        assert_eq!(
            joined("six people.[1] Ukrainian officials[2][3] said [4] so."),
            "six people. Ukrainian officials said so."
        );
        assert_eq!(joined("a [3, 4] b"), "a b");
        assert_eq!(joined("keep [th]is and [a] too"), "keep [th]is and [a] too");
    }

    #[test]
    fn cuts_link_syntax_and_bold() {
        assert_eq!(
            joined("**Bold lead.** See [the report](https://x.org/a_(b)) now."),
            "Bold lead. See the report now."
        );
        assert_eq!(joined("Image ![alt](https://x/y.png) gone"), "Image  gone");
        assert_eq!(joined("the \u{200B}U.S.\u{2060} office"), "the U.S. office");
    }

    #[test]
    fn broken_lines_join_on_their_line_breaks() {
        let s = "pushing toward\r\n[Lyman](https://x.org/l)\n, as  \n\u{201c}W\ne said\n";
        let pieces = clean_lines(s, 0, s.len() - 1);
        let joined: String = pieces.iter().map(|&(a, z)| &s[a..z]).collect();
        assert_eq!(joined, "pushing toward\nLyman, as\n\u{201c}We said");
        for w in pieces.windows(2) {
            assert!(w[0].1 < w[1].0, "pieces in order, apart: {pieces:?}");
        }
        // Touching ranges merge: one piece for plain lines.
        let s = "a line that goes on\nand ends here.";
        assert_eq!(clean_lines(s, 0, s.len()), [(0, s.len())]);
    }

    #[test]
    fn pieces_are_exact() {
        let s = "  **Lead** text[12] more  ";
        for (a, z) in clean(s, 0, s.len()) {
            assert!(s.is_char_boundary(a) && s.is_char_boundary(z) && a < z);
        }
        assert_eq!(joined(s), "Lead text more");
    }
}
