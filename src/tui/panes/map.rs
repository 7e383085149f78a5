//! The map pane's keys: pan, zoom, fit to the list, Enter picks the events nearest the
//! centre, `b` filters the list to the view; `m` (everywhere) shows and hides it.

use super::super::action::Action;
use super::super::layout;
use super::super::model::{Effect, Focus, Model};
use super::super::update::set_query;
use super::Hints;

/// What the status line shows while this pane has the focus.
pub(in crate::tui) const HINTS: Hints = {
    use Action::*;
    &[
        (&[Left, Down, Up, Right], "pan"),
        (&[ZoomIn, ZoomOut], "zoom"),
        (&[FitMap], "fit"),
        (&[Open], "pick"),
        (&[FilterToView], "filter to view"),
        (&[MapFull], "full"),
        (&[ToggleMap], "reader"),
        (&[Help], "help"),
    ]
};

/// Show the map in the reader's place (with the focus), or the reader again.
pub(in crate::tui) fn toggle(m: &mut Model) {
    if m.map.take().is_some() {
        if m.focus == Focus::Map {
            m.focus = Focus::List;
        }
        return;
    }
    // it opens on Ukraine and its neighbours; F fits it to the list
    let map = super::super::map::MapState::opened_on(m.selected_hit().map(|h| h.event));
    m.map = Some(map);
    m.focus = Focus::Map;
}

/// The events of the list's rows, in order.
pub(in crate::tui) fn listed(m: &Model) -> Vec<crate::extract::EventId> {
    (0..m.results.len()).filter_map(|r| m.results.get(r).map(|h| h.event)).collect()
}

pub(in crate::tui) fn action(m: &mut Model, a: Action, fx: &mut Vec<Effect>) {
    let Some(map) = m.map.as_mut() else {
        return;
    };
    match a {
        Action::Left => map.view = map.view.pan(-0.25, 0.0),
        Action::Right => map.view = map.view.pan(0.25, 0.0),
        Action::Up => map.view = map.view.pan(0.0, 0.25),
        Action::Down => map.view = map.view.pan(0.0, -0.25),
        Action::ZoomIn => map.view = map.view.zoom(2.0),
        Action::ZoomOut => map.view = map.view.zoom(0.5),
        Action::MapFull => map.full = !map.full,
        Action::FitMap => {
            if let Some(store) = m.store.clone() {
                let rows = listed(m);
                if let Some(map) = m.map.as_mut() {
                    map.fit(&store, &rows);
                }
            }
        }
        Action::Open => {
            // the marker nearest the centre: its first event is selected in the list
            let area = layout::areas(m).reader;
            let (cols, rows) = grid_size(area);
            let picked = m.map.as_ref().and_then(|map| {
                super::super::map::grid::nearest(&map.layer, cols / 2, rows / 2).map(|mk| (mk.first, mk.count))
            });
            match picked {
                Some((event, count)) => {
                    if let Some(row) = m.results.row_of(event) {
                        super::list::select(m, row);
                    }
                    let more = if count > 1 { format!(" (and {} more there)", count - 1) } else { String::new() };
                    m.info(format!("picked the event nearest the centre{more}"));
                }
                None => m.info("no listed event on the map"),
            }
        }
        Action::FilterToView => {
            let v = map.view;
            let bbox = format!("bbox:{:.3},{:.3},{:.3},{:.3}", v.west, v.south, v.east, v.north);
            // one box at a time: the new one replaces any earlier
            let kept: Vec<&str> = m.query_text.split_whitespace().filter(|t| !t.starts_with("bbox:")).collect();
            let text = if kept.is_empty() { bbox } else { format!("{} {bbox}", kept.join(" ")) };
            m.undo.push(m.query_text.clone());
            set_query(m, &text, fx);
        }
        Action::Back => m.focus = Focus::List,
        _ => {}
    }
}

/// The grid the map counts in for a reader-sized area: its inside less the readout line.
pub(in crate::tui) fn grid_size(area: ratatui::layout::Rect) -> (u16, u16) {
    let inner = layout::inner(area);
    (inner.width, inner.height.saturating_sub(1))
}
