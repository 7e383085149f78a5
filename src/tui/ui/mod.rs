//! Drawing: a pure function of the model (and the theme) into a buffer. One file per pane.

pub mod articles;
pub mod card;
pub mod header;
pub mod help;
pub mod list;
pub mod map;
pub mod picker;
pub mod reader;
pub mod status;
pub mod text;
pub mod timeline;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Clear, Widget};

use super::layout::{self, MIN_H, MIN_W, inner};
use super::model::Model;
use super::theme::Theme;
use text::{fit, put};

/// A pane's frame.
pub fn block(t: &Theme, focused: bool) -> Block<'static> {
    Block::bordered().border_type(BorderType::Plain).border_style(if focused { t.border_focus } else { t.border })
}

pub fn title_style(t: &Theme, focused: bool) -> Style {
    if focused { t.title_focus } else { t.title }
}

/// Draw the frame (and place the text cursor while typing).
pub fn view(frame: &mut Frame, m: &Model, t: &Theme) {
    let area = frame.area();
    if let Some(p) = render(m, t, area, frame.buffer_mut()) {
        frame.set_cursor_position(p);
    }
}

/// Draw the whole screen into `buf`; returns where the text cursor goes, if anywhere.
pub fn render(m: &Model, t: &Theme, area: Rect, buf: &mut Buffer) -> Option<Position> {
    if area.width == 0 || area.height == 0 {
        return None;
    }
    let a = layout::areas_in(m, area);
    if a.too_small {
        too_small(t, area, buf);
        return None;
    }
    let cursor = header::render(m, t, a.header, buf);
    timeline::render(m, t, a.timeline, buf);
    list::render(m, t, a.list, buf);
    if m.map.is_some() {
        map::render(m, t, a.reader, buf);
    } else {
        reader::render(m, t, a.reader, buf);
    }
    reader::render_entities(m, t, a.entities, buf);
    articles::render(m, t, a.articles, buf);
    status::render(m, t, a.status, buf);
    if m.store.is_none() {
        loading(m, t, a.list, buf);
    }
    if let (Some(card), Some(store)) = (&m.event_card, m.store()) {
        card::render(store, card, m.workspace.as_ref(), t, area, buf);
    }
    if let Some(p) = &m.picker {
        picker::render(m, p, t, area, buf);
    }
    if let Some(scroll) = m.help {
        help::render(&m.keymap, &m.config_problems, scroll, t, area, buf);
        return None;
    }
    if m.event_card.is_some() || m.picker.is_some() {
        return None;
    }
    cursor
}

fn too_small(t: &Theme, area: Rect, buf: &mut Buffer) {
    Clear.render(area, buf);
    let lines = [
        Line::styled(format!("terminal too small: {}x{}", area.width, area.height), t.error),
        Line::styled(format!("sitrep needs {MIN_W}x{MIN_H}"), t.dim),
        Line::styled("q quits", t.dim),
    ];
    let top = area.y + area.height.saturating_sub(lines.len() as u16) / 2;
    for (i, l) in lines.iter().enumerate() {
        let y = top + i as u16;
        if y >= area.y + area.height {
            break;
        }
        let s: String = l.spans.iter().map(|s| s.content.as_ref()).collect();
        let s = fit(&s, area.width as usize);
        let x = area.x + (area.width.saturating_sub(text::width(&s) as u16)) / 2;
        buf.set_stringn(x, y, &s, area.width as usize, l.style);
    }
}

/// Loading progress (or the load error) inside the list pane.
fn loading(m: &Model, t: &Theme, list: Rect, buf: &mut Buffer) {
    let i = inner(list);
    if i.height == 0 || i.width < 4 {
        return;
    }
    if let Some(e) = &m.load_error {
        // the message, then its further lines (why each file could not be loaded) as far
        // as the pane goes, keeping a row for how to quit
        let rows = (i.height as usize).saturating_sub(1).max(1);
        let mut y = i.y;
        for (n, line) in e.lines().take(rows).enumerate() {
            let (text, style) =
                if n == 0 { (format!(" could not load: {line}"), t.error) } else { (format!(" {line}"), t.dim) };
            put(buf, i, y, &Line::styled(fit(&text::clean(&text), i.width as usize), style));
            y += 1;
        }
        put(buf, i, y, &Line::styled(" q quits", t.dim));
        return;
    }
    let (stage, done, total) = match &m.progress {
        Some(p) => (p.stage.as_str(), p.done, p.total),
        None => ("starting", 0, 0),
    };
    let label =
        if total > 0 { format!(" loading · {stage} {done}/{total}") } else { format!(" loading · {stage}…") };
    put(buf, i, i.y, &Line::styled(fit(&label, i.width as usize), t.info));
    if total > 0 && i.height > 1 {
        let w = i.width.saturating_sub(2) as usize;
        let filled = (done.min(total) * w) / total;
        let bar = format!(" {}{}", "█".repeat(filled), "░".repeat(w - filled));
        put(buf, i, i.y + 1, &Line::styled(bar, t.info));
    }
}
