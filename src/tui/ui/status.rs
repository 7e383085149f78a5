//! The status line: a message (errors in red) or the focused pane's keys, and counts.

use crossterm::event::KeyCode;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::super::action::Action;
use super::super::keymap::{Context, Keymap};
use super::super::model::Model;
use super::super::theme::Theme;
use super::text::{fit, width};

/// The hints a context shows: groups of actions and a word for them.
fn hints(ctx: Context) -> &'static [(&'static [Action], &'static str)] {
    use Action::*;
    match ctx {
        Context::List => &[
            (&[Down, Up], "move"),
            (&[Open], "read"),
            (&[EventCard], "card"),
            (&[Search], "search"),
            (&[Sort], "sort"),
            (&[UndoFilter], "undo"),
            (&[FocusNext], "pane"),
            (&[Help], "help"),
            (&[Quit], "quit"),
        ],
        Context::Timeline => &[
            (&[Left, Right], "day"),
            (&[MarkSpan], "span"),
            (&[ZoomIn, ZoomOut], "zoom"),
            (&[Back], "clear"),
            (&[Open], "list"),
            (&[FocusNext], "pane"),
            (&[Help], "help"),
        ],
        Context::Reader => &[
            (&[Down, Up], "scroll"),
            (&[NextMention, PrevMention], "mention"),
            (&[Open], "filter to it"),
            (&[FocusEntities], "entities"),
            (&[Back], "list"),
            (&[Help], "help"),
        ],
        Context::Entities => &[
            (&[Down, Up], "move"),
            (&[Open], "filter to it"),
            (&[NextMention, PrevMention], "find in text"),
            (&[Back], "reader"),
            (&[Help], "help"),
        ],
        Context::Articles => &[(&[Down, Up], "move"), (&[Open], "its events"), (&[Back], "reader"), (&[Help], "help")],
        Context::Input => &[(&[Accept], "accept"), (&[Cancel], "cancel"), (&[HistoryPrev], "history")],
        Context::Help => &[(&[Down, Up], "scroll"), (&[Back], "close")],
        Context::Card => &[
            (&[Down, Up], "scroll"),
            (&[Copy], "copy citation"),
            (&[OpenUrl], "open URL"),
            (&[Flag], "flag"),
            (&[Back], "close"),
        ],
        Context::Picker => &[(&[Down, Up], "move"), (&[Open], "go"), (&[Delete], "delete"), (&[Back], "close")],
        Context::Global => &[],
    }
}

/// `j/k move  Enter read  / search …` for a context, from the live keymap.
pub fn hint_spans(k: &Keymap, ctx: Context, t: &Theme) -> Vec<Span<'static>> {
    let mut out = Vec::new();
    for (actions, word) in hints(ctx) {
        let keys: Vec<String> = actions
            .iter()
            .filter_map(|a| {
                let mut keys = k.keys_for(ctx, *a);
                if keys.is_empty() {
                    keys = k.keys_for(Context::Global, *a);
                }
                // the first key bound, but a letter reads better than an arrow
                keys.iter()
                    .find(|c| !matches!(c.code, KeyCode::Up | KeyCode::Down | KeyCode::Left | KeyCode::Right))
                    .or(keys.first())
                    .map(|c| c.label())
            })
            .collect();
        if keys.is_empty() {
            continue;
        }
        out.push(Span::styled(keys.join("/"), t.key));
        out.push(Span::styled(format!(" {word}  "), t.dim));
    }
    out
}

pub fn render(m: &Model, t: &Theme, area: Rect, buf: &mut Buffer) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    // right side: counts and modes
    let mut right = String::new();
    if !m.config_problems.is_empty() {
        let n = m.config_problems.len();
        right.push_str(&format!("config: {n} problem{} (? shows) · ", if n == 1 { "" } else { "s" }));
    }
    if let Some(s) = m.store() {
        if m.searching {
            right.push_str("searching… ");
        }
        right.push_str(&format!("{}/{} ", m.results.len(), s.events().len()));
    }
    if m.watching {
        right.push_str("· watching ");
    }
    if !m.mouse {
        right.push_str("· mouse off ");
    }
    let rw = width(&right).min(area.width as usize / 2);
    let lw = (area.width as usize).saturating_sub(rw + 1);
    let left: Line = if let Some(st) = &m.status {
        Line::styled(fit(&format!(" {}", st.text), lw), if st.error { t.error } else { t.info })
    } else {
        let ctx = if m.help.is_some() {
            Context::Help
        } else if m.picker.is_some() {
            Context::Picker
        } else if m.event_card.is_some() {
            Context::Card
        } else if m.input.is_some() {
            Context::Input
        } else {
            m.focus.context()
        };
        let mut spans = vec![Span::raw(" ")];
        spans.extend(hint_spans(&m.keymap, ctx, t));
        Line::from(spans)
    };
    buf.set_line(area.x, area.y, &left, lw as u16);
    if rw > 0 {
        buf.set_stringn(area.x + area.width - rw as u16, area.y, fit(&right, rw), rw, t.dim);
    }
}
