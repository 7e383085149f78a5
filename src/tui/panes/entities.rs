//! The entity list's keys: move, filter the list to an entity, find it in the text.

use super::super::action::Action;
use super::super::model::{Effect, Focus, Model};
use super::Hints;
use super::reader::{current_mention_entity, filter_to_entity, jump_mention};

/// What the status line shows while this pane has the focus.
pub(in crate::tui) const HINTS: Hints = {
    use Action::*;
    &[
        (&[Down, Up], "move"),
        (&[Open], "filter to it"),
        (&[NextMention, PrevMention], "find in text"),
        (&[Back], "reader"),
        (&[Help], "help"),
    ]
};

pub(in crate::tui) fn action(m: &mut Model, a: Action, fx: &mut Vec<Effect>) {
    if m.store.is_none() {
        return;
    }
    if m.reader.article.is_none() {
        if a == Action::Back {
            m.focus = Focus::Reader;
        }
        return;
    };
    let n = m.reader.entities.len();
    let r = &mut m.reader;
    match a {
        Action::Down => r.entity_sel = (r.entity_sel + 1).min(n.saturating_sub(1)),
        Action::Up => r.entity_sel = r.entity_sel.saturating_sub(1),
        Action::Top => r.entity_sel = 0,
        Action::Bottom => r.entity_sel = n.saturating_sub(1),
        Action::PageDown | Action::HalfPageDown => r.entity_sel = (r.entity_sel + 10).min(n.saturating_sub(1)),
        Action::PageUp | Action::HalfPageUp => r.entity_sel = r.entity_sel.saturating_sub(10),
        Action::Open => {
            if let Some(&(e, _)) = m.reader.entities.get(m.reader.entity_sel) {
                filter_to_entity(m, e, fx);
            }
        }
        Action::NextMention | Action::PrevMention => {
            if let Some(&(e, _)) = m.reader.entities.get(m.reader.entity_sel) {
                // start from the current mention only if it is this entity's
                if current_mention_entity(m) != Some(e) {
                    m.reader.mention = None;
                }
                jump_mention(m, a == Action::NextMention, Some(e));
            }
        }
        Action::Back => m.focus = Focus::Reader,
        _ => {}
    }
}
