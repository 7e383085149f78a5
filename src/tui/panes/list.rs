//! The event list's keys: move the selection, open the reader, clear the timeline's day.

use super::super::action::Action;
use super::super::layout::{self};
use super::super::model::{Effect, Focus, Model};
use super::super::update::request_search;
use super::Hints;

/// What the status line shows while this pane has the focus.
pub(in crate::tui) const HINTS: Hints = {
    use Action::*;
    &[
        (&[Down, Up], "move"),
        (&[Open], "read"),
        (&[EventCard], "card"),
        (&[Search], "search"),
        (&[Sort], "sort"),
        (&[UndoFilter], "undo"),
        (&[FocusNext], "pane"),
        (&[Help], "help"),
        (&[Quit], "quit"),
        (&[ExpandReports], "reports"),
    ]
};

pub(in crate::tui) fn select(m: &mut Model, row: usize) {
    let n = m.results.len();
    m.list.selected = if n == 0 { 0 } else { row.min(n - 1) };
    m.selected_event = m.selected_hit().map(|h| h.event);
}

/// After new results: stay on the same event if it is still listed, else go to the top.
pub(in crate::tui) fn reselect(m: &mut Model) {
    let row = m
        .selected_event
        .and_then(|e| {
            // the common case first: the event did not move
            match m.results.get(m.list.selected) {
                Some(h) if h.event == e => Some(m.list.selected),
                _ => m.results.row_of(e),
            }
        })
        .unwrap_or(0);
    select(m, row);
}

pub(in crate::tui) fn action(m: &mut Model, a: Action, fx: &mut Vec<Effect>) {
    let page = layout::areas(m).rows.height.max(1) as usize;
    let sel = m.list.selected;
    match a {
        Action::Down => select(m, sel + 1),
        Action::Up => select(m, sel.saturating_sub(1)),
        Action::PageDown => select(m, sel + page),
        Action::PageUp => select(m, sel.saturating_sub(page)),
        Action::HalfPageDown => select(m, sel + page / 2),
        Action::HalfPageUp => select(m, sel.saturating_sub(page / 2)),
        Action::Top => select(m, 0),
        Action::Bottom => select(m, usize::MAX),
        // opening always shows the event's sentence, even if the reader was scrolled
        Action::Open if m.selected_hit().is_some() => {
            m.focus = Focus::Reader;
            m.reader.event = None;
        }
        Action::ExpandReports => {
            let Some(store) = m.store.clone() else { return };
            let Some(hit) = m.selected_hit().copied() else { return };
            let c = store.cluster(hit.event);
            if m.expanded == Some(c) {
                // fold: the selection goes back to the row standing for the happening
                m.expanded = None;
                let mut row = m.list.selected;
                while row > 0 && m.results.is_report_row(&store, row) {
                    row -= 1;
                }
                m.selected_event = m.results.get(row).map(|h| h.event);
            } else if store.sources(hit.event) > 1 {
                m.expanded = Some(c);
            } else {
                m.info("no other article reports this event");
                return;
            }
            request_search(m, fx);
        }
        Action::Back => {
            if m.timeline.active {
                m.timeline.clear();
                request_search(m, fx);
                m.info("timeline selection cleared");
            } else if !m.query.is_empty() {
                m.info("X clears the query, u goes back to the previous one");
            }
        }
        _ => {}
    }
}
