//! The articles pane: one row per article, by outlet then newest first, `●` marking those
//! the reader has not shown yet.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::super::layout::inner;
use super::super::model::{Focus, Model};
use super::super::theme::Theme;
use super::text::{clean, fit, pad, put};
use super::{block, title_style};

pub fn render(m: &Model, t: &Theme, area: Rect, buf: &mut Buffer) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let focused = m.focus == Focus::Articles;
    let n = m.articles.order.len();
    let unread = m.articles.order.iter().filter(|i| !m.articles.read.contains(i)).count();
    let count = if m.store.is_some() { format!("{unread}● of {n} ") } else { String::new() };
    let title = Line::from(vec![Span::styled(" Articles ", title_style(t, focused)), Span::styled(count, t.dim)]);
    block(t, focused).title(title).render(area, buf);
    let rows = inner(area);
    let Some(store) = m.store() else {
        return;
    };
    let w = rows.width as usize;
    // the outlet takes a third of the row, the title the rest
    let outlet_w = (w / 3).clamp(6, 20);
    for (i, &art) in m.articles.order.iter().skip(m.articles.offset).take(rows.height as usize).enumerate() {
        let Some(a) = store.article(art) else {
            continue;
        };
        let y = rows.y + i as u16;
        let mark = if m.articles.read.contains(&art) { " " } else { "●" };
        let outlet = pad(&clean(store.source_label(art)), outlet_w);
        let rest = w.saturating_sub(outlet_w + 2);
        let line = Line::from(vec![
            Span::styled(mark, t.info),
            Span::styled(outlet, t.dim),
            Span::raw(" "),
            Span::raw(fit(&clean(&a.title), rest)),
        ]);
        put(buf, rows, y, &line);
        if m.articles.offset + i == m.articles.selected && focused {
            super::text::highlight(buf, Rect::new(rows.x, y, rows.width, 1), t.selection);
        }
    }
}
