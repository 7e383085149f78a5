//! Width-aware text helpers shared by the panes: cut to a width with an ellipsis, mark
//! matched characters, pad.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// `s` safe to draw: control characters (tabs and newlines by spaces, escapes and bidi
/// controls by U+FFFD), replaced one for one; see [`crate::printable`].
pub fn clean(s: &str) -> String {
    crate::printable::one_line(s).into_owned()
}

/// Cut `s` to at most `max` columns, ending with `…` when cut.
pub fn fit(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut w = 0;
    for g in s.graphemes(true) {
        let gw = width(g);
        if w + gw > max - 1 {
            break;
        }
        out.push_str(g);
        w += gw;
    }
    out.push('…');
    out
}

/// `s` cut or padded with spaces to exactly `w` columns.
pub fn pad(s: &str, w: usize) -> String {
    let mut out = fit(s, w);
    let have = width(&out);
    out.extend(std::iter::repeat_n(' ', w.saturating_sub(have)));
    out
}

/// Right-align in `w` columns.
pub fn rpad(s: &str, w: usize) -> String {
    let f = fit(s, w);
    let have = width(&f);
    let mut out: String = std::iter::repeat_n(' ', w.saturating_sub(have)).collect();
    out.push_str(&f);
    out
}

/// Lay `st` over `area`, keeping the text readable: a character whose colour is the new
/// background's (dim text under a dark-grey selection) takes the default colour instead.
pub fn highlight(buf: &mut Buffer, area: Rect, st: Style) {
    buf.set_style(area, st);
    let Some(bg) = st.bg else { return };
    for y in area.top()..area.bottom().min(buf.area.bottom()) {
        for x in area.left()..area.right().min(buf.area.right()) {
            let cell = &mut buf[(x, y)];
            if cell.fg == bg {
                cell.fg = ratatui::style::Color::Reset;
            }
        }
    }
}

/// Spans for `s` with the chars at `marks` (sorted char indexes) in `hl` patched over `base`,
/// cut to `max` columns with `…`. Returns the spans and their width.
pub fn marked(s: &str, marks: &[u32], base: Style, hl: Style, max: usize) -> (Vec<Span<'static>>, usize) {
    let cut = width(s) > max;
    let budget = if cut { max.saturating_sub(1) } else { max };
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut cur = String::new();
    let mut cur_hl = false;
    let mut w = 0;
    let mut ci = 0u32; // char index
    let mut mi = 0;
    for g in s.graphemes(true) {
        let gw = width(g);
        if w + gw > budget {
            break;
        }
        let n = g.chars().count() as u32;
        while mi < marks.len() && marks[mi] < ci {
            mi += 1;
        }
        let is_hl = mi < marks.len() && marks[mi] < ci + n;
        if is_hl != cur_hl && !cur.is_empty() {
            let st = if cur_hl { base.patch(hl) } else { base };
            spans.push(Span::styled(std::mem::take(&mut cur), st));
        }
        cur_hl = is_hl;
        cur.push_str(g);
        w += gw;
        ci += n;
    }
    if !cur.is_empty() {
        let st = if cur_hl { base.patch(hl) } else { base };
        spans.push(Span::styled(cur, st));
    }
    if cut && max > 0 {
        spans.push(Span::styled("…", base));
        w += 1;
    }
    (spans, w)
}

/// Draw a line clipped to the area's first row.
pub fn put(buf: &mut Buffer, area: Rect, y: u16, line: &Line<'_>) {
    if area.width == 0 || y < area.y || y >= area.y + area.height {
        return;
    }
    buf.set_line(area.x, y, line, area.width);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fitting() {
        assert_eq!(fit("Druzhkivka", 20), "Druzhkivka");
        assert_eq!(fit("Druzhkivka", 5), "Druz…");
        assert_eq!(fit("キーウ", 4), "キ…");
        assert_eq!(fit("abc", 0), "");
        assert_eq!(pad("ab", 4), "ab  ");
        assert_eq!(rpad("7k", 4), "  7k");
        assert_eq!(width(&pad("キーウ", 5)), 5);
    }

    #[test]
    fn marking() {
        let (spans, w) = marked("druzhkivka", &[0, 1, 2], Style::default(), Style::new().bold(), 20);
        assert_eq!(w, 10);
        assert_eq!(spans.len(), 2);
        assert_eq!(spans[0].content, "dru");
        let (spans, w) = marked("druzhkivka", &[8], Style::default(), Style::new().bold(), 5);
        assert_eq!(w, 5);
        assert_eq!(spans.iter().map(|s| s.content.as_ref()).collect::<String>(), "druz…");
        let (_, w) = marked("", &[], Style::default(), Style::default(), 0);
        assert_eq!(w, 0);
    }
}
