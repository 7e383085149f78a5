//! The panes' keys: each pane's module holds what its keys do (`action`) beside the hints
//! the status line shows for it (`HINTS`), so that the two cannot drift apart. Actions name
//! the pane they are for ([`act`]); the focus only says which pane the keyboard is on.

pub(super) mod articles;
pub(super) mod entities;
pub(super) mod list;
pub(super) mod map;
pub(super) mod reader;
pub(super) mod timeline;

use super::action::Action;
use super::model::{Effect, Focus, Model};

/// Groups of actions and the word the status line shows for them.
pub(super) type Hints = &'static [(&'static [Action], &'static str)];

/// Run `a` in `pane` (the focused one for keys; the one under the pointer for the wheel).
pub(super) fn act(m: &mut Model, pane: Focus, a: Action, fx: &mut Vec<Effect>) {
    match pane {
        Focus::List => list::action(m, a, fx),
        Focus::Timeline => timeline::action(m, a, fx),
        Focus::Reader => reader::action(m, a, fx),
        Focus::Entities => entities::action(m, a, fx),
        Focus::Articles => articles::action(m, a, fx),
        Focus::Map => map::action(m, a, fx),
    }
}

/// The hints of a pane.
pub(super) fn hints(pane: Focus) -> Hints {
    match pane {
        Focus::List => list::HINTS,
        Focus::Timeline => timeline::HINTS,
        Focus::Reader => reader::HINTS,
        Focus::Entities => entities::HINTS,
        Focus::Articles => articles::HINTS,
        Focus::Map => map::HINTS,
    }
}
