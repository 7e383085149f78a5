//! The query line at the top: the query being typed (with its error underlined), or the
//! active filters as chips.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthChar;

use crate::store::Window;

use super::super::model::Model;
use super::super::theme::Theme;
use super::text::{put, width};

/// Draw the header; returns where the text cursor goes while typing.
pub fn render(m: &Model, t: &Theme, area: Rect, buf: &mut Buffer) -> Option<Position> {
    if area.width == 0 || area.height == 0 {
        return None;
    }
    let mut spans = vec![Span::styled(" sitrep ", t.header), Span::styled("│ ", t.dim)];
    let mut cursor = None;
    if let Some(inp) = &m.input {
        let command = inp.prompt == super::super::model::Prompt::Command;
        spans.push(Span::styled(if command { ":" } else { "/" }, t.key));
        let prefix_w: usize = spans.iter().map(|s| width(&s.content)).sum();
        let avail = (area.width as usize).saturating_sub(prefix_w + 1);
        // Keep the cursor visible: show as much of the text before it as fits, walking back
        // from the cursor once (the text can be long; measuring it again for each character
        // dropped made a long paste quadratic).
        let cols = |ch: char| if ch.is_control() { 1 } else { ch.width().unwrap_or(0) };
        let mut start = inp.cursor;
        let mut before = 0;
        for (at, ch) in inp.text[..inp.cursor].char_indices().rev() {
            if before + cols(ch) > avail {
                break;
            }
            before += cols(ch);
            start = at;
        }
        let err = m.query_error.as_ref().filter(|_| !command).map(|e| e.span.clone());
        // then the characters up to the edge, no further
        let mut used = prefix_w;
        for (off, ch) in inp.text[start..].char_indices() {
            if used >= area.width as usize {
                break;
            }
            used += cols(ch);
            let at = start + off;
            let bad = err.as_ref().is_some_and(|r| at >= r.start && at < r.end);
            let st = if bad { t.error.add_modifier(Modifier::UNDERLINED) } else { Style::default() };
            let c = crate::printable::shown(ch);
            spans.push(Span::styled(c.to_string(), st));
        }
        let cx = prefix_w + before;
        if cx < area.width as usize {
            cursor = Some(Position::new(area.x + cx as u16, area.y));
        }
    } else if m.store.is_none() {
        spans.push(Span::styled("loading…", t.dim));
    } else {
        let mut any = false;
        for term in &m.query.terms {
            let txt = m.query_text.get(term.span.clone()).unwrap_or_default().to_string();
            spans.push(Span::styled(format!(" {txt} "), t.chip));
            spans.push(Span::raw(" "));
            any = true;
        }
        if !m.query.words.is_empty() {
            spans.push(Span::styled(format!(" “{}” ", m.query.words.join(" ")), t.chip));
            spans.push(Span::raw(" "));
            any = true;
        }
        // `sort:` in the query is no filter term, but in effect like one.
        if let Some(sort) = m.query.sort {
            spans.push(Span::styled(format!(" sort:{} ", sort.as_str()), t.chip));
            spans.push(Span::raw(" "));
            any = true;
        }
        if let Some(w) = m.timeline.window() {
            let label = match w {
                Window::Days(a, b) if a == b => format!(" {a} "),
                Window::Days(a, b) => format!(" {a} … {b} "),
                Window::Imprecise => " imprecise dates ".to_string(),
                Window::Undated => " undated ".to_string(),
            };
            spans.push(Span::styled(label, t.chip_time));
            any = true;
        }
        if !any {
            spans.push(Span::styled("all events · / to search, e.g. kind:strike place:donetsk killed>0 druzh", t.dim));
        }
    }
    put(buf, area, area.y, &Line::from(spans));
    cursor
}
