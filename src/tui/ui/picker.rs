//! The list of saved queries (`:open`) or notes (`:notes`), as an overlay: Enter goes to
//! one, `d` deletes it. An orphaned note (its event is gone from this corpus) is shown with
//! what it was about.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};

use super::super::layout::{inner, keep_visible};
use super::super::model::{Model, Picker, PickerKind};
use super::super::theme::Theme;
use super::block;
use super::text::{clean, fit, pad, put};

/// The rows of the list, as text: a label and what it holds.
fn rows(m: &Model, p: &Picker) -> Vec<(String, String, bool)> {
    let Some(w) = &m.workspace else {
        return Vec::new();
    };
    match p.kind {
        PickerKind::Queries => w.queries.iter().map(|(n, q)| (n.clone(), q.clone(), false)).collect(),
        PickerKind::Notes => w
            .notes
            .iter()
            .map(|n| {
                let day = n.created.get(..10).unwrap_or(&n.created);
                let what = if n.on.is_none() { format!("{day} orphaned") } else { day.to_string() };
                (what, format!("{} — {}", n.text, n.about), n.on.is_none())
            })
            .collect(),
    }
}

pub fn render(m: &Model, p: &Picker, t: &Theme, area: Rect, buf: &mut Buffer) {
    if area.width < 20 || area.height < 6 {
        return;
    }
    let all = rows(m, p);
    let w = area.width.saturating_sub(4).min(100);
    let h = (all.len() as u16 + 2).clamp(3, area.height.saturating_sub(2));
    let r = Rect::new(area.x + (area.width - w) / 2, area.y + (area.height - h) / 2, w, h);
    Clear.render(r, buf);
    let title = match p.kind {
        PickerKind::Queries => " Saved queries ",
        PickerKind::Notes => " Notes ",
    };
    block(t, true)
        .title(Line::from(vec![
            Span::styled(title, t.title_focus),
            Span::styled(format!("{} · Enter goes · d deletes · Esc closes ", all.len()), t.dim),
        ]))
        .render(r, buf);
    let i = inner(r);
    let label_w = all.iter().map(|(l, _, _)| super::text::width(l)).max().unwrap_or(0).min(i.width as usize / 3);
    let sel = p.selected.min(all.len().saturating_sub(1));
    let offset = keep_visible(0, sel, i.height as usize);
    for (n, (label, what, orphan)) in all.iter().enumerate().skip(offset).take(i.height as usize) {
        let y = i.y + (n - offset) as u16;
        let rest = (i.width as usize).saturating_sub(label_w + 3);
        let line = Line::from(vec![
            Span::styled(format!(" {} ", pad(&clean(label), label_w)), if *orphan { t.error } else { t.key }),
            Span::raw(fit(&clean(what), rest)),
        ]);
        put(buf, i, y, &line);
        if n == sel {
            super::text::highlight(buf, Rect::new(i.x, y, i.width, 1), t.selection);
        }
    }
}
