//! The status line: a message (errors in red) or the focused pane's keys, and counts.

use crossterm::event::KeyCode;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::super::keymap::{Context, Keymap};
use super::super::model::{Focus, Model};
use super::super::panes::Hints;
use super::super::theme::Theme;
use super::text::{fit, width};

/// The hints a context shows: groups of actions and a word for them, kept beside the code
/// that does what the keys say (each pane's module, the card and picker in `outward`, typing
/// and help in `update`).
fn hints(ctx: Context) -> Hints {
    use super::super::{outward, panes, update};
    match ctx {
        Context::List => panes::hints(Focus::List),
        Context::Timeline => panes::hints(Focus::Timeline),
        Context::Reader => panes::hints(Focus::Reader),
        Context::Entities => panes::hints(Focus::Entities),
        Context::Articles => panes::hints(Focus::Articles),
        Context::Map => panes::hints(Focus::Map),
        Context::Input => update::INPUT_HINTS,
        Context::Help => update::HELP_HINTS,
        Context::Card => outward::CARD_HINTS,
        Context::Picker => outward::PICKER_HINTS,
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
        let found = m.results.len() - m.results.report_rows.min(m.results.len());
        right.push_str(&format!("{found}/{} ", s.happenings_total()));
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
