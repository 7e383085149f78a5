//! The timeline's keys: move over days, mark a span, zoom.

use super::super::action::Action;
use super::super::layout::{self};
use super::super::model::{Effect, Focus, Model};
use super::super::timeline::Slot;
use super::super::update::request_search;
use super::Hints;

/// What the status line shows while this pane has the focus.
pub(in crate::tui) const HINTS: Hints = {
    use Action::*;
    &[
        (&[Left, Right], "day"),
        (&[MarkSpan], "span"),
        (&[ZoomIn, ZoomOut], "zoom"),
        (&[Back], "clear"),
        (&[Open], "list"),
        (&[FocusNext], "pane"),
        (&[Help], "help"),
    ]
};

pub(in crate::tui) fn action(m: &mut Model, a: Action, fx: &mut Vec<Effect>) {
    let range = m.store().and_then(|s| s.day_range());
    let geom = layout::timeline_geom(layout::areas(m).timeline, m.timeline.buckets.len());
    let t = &mut m.timeline;
    let nb = t.buckets.len();
    let c = t.cursor;
    let half = (geom.visible / 2).max(1);
    let before = t.window();
    match a {
        Action::Left => t.move_to(c.saturating_sub(1)),
        Action::Right => t.move_to(c + 1),
        Action::PageUp | Action::HalfPageUp => t.move_to(c.saturating_sub(half)),
        Action::PageDown | Action::HalfPageDown => t.move_to((c + half).min(nb.saturating_sub(1)).max(c)),
        Action::Top => t.move_to(0),
        Action::Bottom => t.move_to(nb.saturating_sub(1)),
        Action::ZoomIn => t.set_zoom(t.zoom.zoom_in(), range),
        Action::ZoomOut => t.set_zoom(t.zoom.zoom_out(), range),
        Action::MarkSpan => {
            t.kept = None;
            if t.anchor.is_some() {
                t.anchor = None;
            } else if matches!(t.slot(c), Slot::Bucket(_)) {
                t.anchor = Some(c);
            }
            t.active = true;
        }
        Action::Open => m.focus = Focus::List,
        Action::Back => {
            t.clear();
        }
        _ => {}
    }
    if m.timeline.window() != before {
        request_search(m, fx);
    }
}
