//! Text from articles and file names, made safe to show on a terminal.
//!
//! An article (or a file name) can hold control characters that a terminal acts on instead
//! of showing: ESC and the C1 CSI start sequences that set the window title or the clipboard,
//! move the cursor or clear the screen; CR returns to the start of the line; bidirectional
//! overrides reorder what follows them. Everything shown to a person (the browser, tables,
//! CSV, messages) goes through here; JSON output does not need to (serde escapes them).

use std::borrow::Cow;

/// Whether a terminal may act on `c` rather than show it: C0 controls, DEL, C1 controls,
/// and the bidirectional marks, embeddings, overrides and isolates.
pub(crate) fn is_control(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// What `c` is shown as: itself, a space for a whitespace control (tab, newline, CR, form
/// feed, vertical tab), or U+FFFD for any other control, so that it shows where it was.
pub(crate) fn shown(c: char) -> char {
    if !is_control(c) {
        c
    } else if matches!(c, '\t' | '\n' | '\r' | '\x0B' | '\x0C') {
        ' '
    } else {
        '\u{FFFD}'
    }
}

/// `s` on one line, its control characters replaced one for one (see [`shown`]): a title,
/// a file name, a cell of a table, a message.
pub(crate) fn one_line(s: &str) -> Cow<'_, str> {
    replaced(s, |_| false)
}

/// The same, keeping newlines and tabs: for a format whose own they are (CSV quotes them).
pub(crate) fn keeping_lines(s: &str) -> Cow<'_, str> {
    replaced(s, |c| matches!(c, '\n' | '\t'))
}

fn replaced(s: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !s.chars().any(|c| is_control(c) && !keep(c)) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().map(|c| if keep(c) { c } else { shown(c) }).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_replaced_one_for_one() {
        let s = "a\x1b]0;x\x07b\r\nc\td\u{9b}e\u{202e}f\u{2066}g\u{200f}h\u{61c}i\u{7f}";
        assert_eq!(one_line(s), "a\u{FFFD}]0;x\u{FFFD}b  c d\u{FFFD}e\u{FFFD}f\u{FFFD}g\u{FFFD}h\u{FFFD}i\u{FFFD}");
        assert_eq!(one_line(s).chars().count(), s.chars().count());
        assert_eq!(keeping_lines("a\r\nb\tc\x1b"), "a \nb\tc\u{FFFD}");
    }

    #[test]
    fn plain_text_is_borrowed() {
        assert!(matches!(one_line("Druzhkivka · キーウ 🚀 Erdoğan"), Cow::Borrowed(_)));
        assert!(matches!(keeping_lines("two\nlines"), Cow::Borrowed(_)));
    }
}
