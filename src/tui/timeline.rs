//! The timeline's calendar: buckets of days at a zoom level, the cursor and the selected span.
//! Plain data; the pane in `ui/timeline.rs` draws it.

use chrono::{Datelike, Days, NaiveDate};

use crate::store::Window;
use crate::store::query::last_of_month;
use crate::store::search::{DayCount, Histogram};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Zoom {
    #[default]
    Day,
    Week,
    Month,
}

impl Zoom {
    pub fn as_str(self) -> &'static str {
        match self {
            Zoom::Day => "day",
            Zoom::Week => "week",
            Zoom::Month => "month",
        }
    }
    pub fn zoom_out(self) -> Zoom {
        match self {
            Zoom::Day => Zoom::Week,
            _ => Zoom::Month,
        }
    }
    pub fn zoom_in(self) -> Zoom {
        match self {
            Zoom::Month => Zoom::Week,
            _ => Zoom::Day,
        }
    }
}

/// An inclusive range of days shown as one bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bucket {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

/// The buckets covering `range` at a zoom level (weeks start on Monday).
pub fn buckets(range: Option<(NaiveDate, NaiveDate)>, zoom: Zoom) -> Vec<Bucket> {
    let Some((first, last)) = range else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut start = match zoom {
        Zoom::Day => first,
        Zoom::Week => first - Days::new(first.weekday().num_days_from_monday() as u64),
        Zoom::Month => first.with_day(1).unwrap_or(first),
    };
    while start <= last {
        let end = match zoom {
            Zoom::Day => start,
            Zoom::Week => start + Days::new(6),
            Zoom::Month => last_of_month(start),
        };
        out.push(Bucket { start, end });
        match end.succ_opt() {
            Some(n) => start = n,
            None => break,
        }
    }
    out
}

/// The bucket holding a day.
pub fn bucket_of(buckets: &[Bucket], d: NaiveDate) -> Option<usize> {
    let i = buckets.partition_point(|b| b.end < d);
    (i < buckets.len() && buckets[i].start <= d).then_some(i)
}

/// Sum a histogram's days over a bucket.
pub fn count(h: &Histogram, b: &Bucket) -> DayCount {
    let mut c = DayCount::default();
    let Some(first) = h.first else {
        return c;
    };
    let lo = (b.start - first).num_days().max(0) as usize;
    let hi = ((b.end - first).num_days() + 1).max(0) as usize;
    for d in h.days.get(lo.min(h.days.len())..hi.min(h.days.len())).unwrap_or(&[]) {
        c.add(d);
    }
    c
}

/// The timeline's state: zoom, buckets, cursor, span anchor, whether it filters the list.
/// The cursor runs over the buckets, then two slots for imprecise and undated events.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TimelineState {
    pub zoom: Zoom,
    pub buckets: Vec<Bucket>,
    pub cursor: usize,
    pub anchor: Option<usize>,
    /// The selection filters the list (set by moving or marking; Esc clears it).
    pub active: bool,
    /// First bucket drawn.
    pub offset: usize,
    /// The window in effect when the zoom changed: zooming changes the view, not the filter,
    /// until the cursor moves or a span is marked again.
    pub kept: Option<Window>,
}

/// What a cursor position stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    Bucket(usize),
    Imprecise,
    Undated,
}

impl TimelineState {
    pub fn new(range: Option<(NaiveDate, NaiveDate)>) -> TimelineState {
        let buckets = buckets(range, Zoom::Day);
        TimelineState { cursor: buckets.len().saturating_sub(1), buckets, ..TimelineState::default() }
    }

    /// The corpus now spans `range`: new buckets at the same zoom, the cursor, the marked span
    /// and the first bucket drawn kept on the same days where those still exist.
    pub fn rebuild(&mut self, range: Option<(NaiveDate, NaiveDate)>) {
        let old = std::mem::replace(&mut self.buckets, buckets(range, self.zoom));
        let n_old = old.len();
        let n = self.buckets.len();
        let day = |i: usize| old.get(i).map(|b| b.start);
        let find = |d: NaiveDate| self.buckets.iter().position(|b| b.start <= d && d <= b.end);
        // Past the buckets: imprecise and undated keep their place after the new buckets.
        let map = |i: usize| match day(i) {
            Some(d) => find(d).unwrap_or(n.saturating_sub(1)),
            None => n + (i - n_old),
        };
        self.cursor = map(self.cursor).min(self.slots() - 1);
        self.anchor = self.anchor.map(map).map(|a| a.min(self.slots() - 1));
        self.offset = day(self.offset).and_then(find).unwrap_or(0);
    }

    /// No selection: the list is not filtered by the timeline (the cursor stays).
    pub fn clear(&mut self) {
        self.active = false;
        self.anchor = None;
        self.kept = None;
    }

    /// Cursor positions: buckets, imprecise, undated.
    pub fn slots(&self) -> usize {
        self.buckets.len() + 2
    }

    pub fn slot(&self, i: usize) -> Slot {
        let n = self.buckets.len();
        if i < n {
            Slot::Bucket(i)
        } else if i == n {
            Slot::Imprecise
        } else {
            Slot::Undated
        }
    }

    /// The list filter this selection stands for.
    pub fn window(&self) -> Option<Window> {
        if !self.active {
            return None;
        }
        if let Some(w) = self.kept {
            return Some(w);
        }
        match self.slot(self.cursor) {
            Slot::Imprecise => Some(Window::Imprecise),
            Slot::Undated => Some(Window::Undated),
            Slot::Bucket(c) => {
                let a = match self.anchor {
                    Some(a) if a < self.buckets.len() => a,
                    _ => c,
                };
                let (lo, hi) = (a.min(c), a.max(c));
                Some(Window::Days(self.buckets[lo].start, self.buckets[hi].end))
            }
        }
    }

    /// The selected bucket range (for drawing), if the selection is over days.
    pub fn selected_range(&self) -> Option<(usize, usize)> {
        match self.slot(self.cursor) {
            Slot::Bucket(c) => {
                let a = self.anchor.filter(|a| *a < self.buckets.len()).unwrap_or(c);
                Some((a.min(c), a.max(c)))
            }
            _ => None,
        }
    }

    pub fn move_to(&mut self, i: usize) {
        self.kept = None;
        self.cursor = i.min(self.slots() - 1);
        if !matches!(self.slot(self.cursor), Slot::Bucket(_)) {
            self.anchor = None;
        }
        self.active = true;
    }

    /// Change zoom, keeping the cursor's (and anchor's) day in view.
    pub fn set_zoom(&mut self, zoom: Zoom, range: Option<(NaiveDate, NaiveDate)>) {
        if zoom == self.zoom {
            return;
        }
        if self.kept.is_none() {
            self.kept = self.window();
        }
        let old = std::mem::take(&mut self.buckets);
        let at = |i: usize| old.get(i).map(|b| b.start);
        let cursor_day = at(self.cursor);
        let anchor_day = self.anchor.and_then(at);
        let tail = self.cursor.checked_sub(old.len());
        self.zoom = zoom;
        self.buckets = buckets(range, zoom);
        let n = self.buckets.len();
        self.cursor = match (cursor_day, tail) {
            (Some(d), _) => bucket_of(&self.buckets, d).unwrap_or(0),
            (None, Some(t)) => n + t,
            (None, None) => n.saturating_sub(1),
        };
        self.anchor = anchor_day.and_then(|d| bucket_of(&self.buckets, d));
        self.offset = 0;
    }

    /// Keep the cursor within `visible` buckets drawn from `offset`.
    pub fn scroll_to_cursor(&mut self, visible: usize) {
        let c = self.cursor.min(self.buckets.len().saturating_sub(1));
        let visible = visible.max(1);
        self.offset = super::layout::keep_visible(self.offset, c, visible);
        let max_off = self.buckets.len().saturating_sub(visible);
        self.offset = self.offset.min(max_off);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn buckets_by_zoom() {
        let r = Some((d("2026-01-30"), d("2026-02-10")));
        assert_eq!(buckets(r, Zoom::Day).len(), 12);
        let w = buckets(r, Zoom::Week);
        assert_eq!(w[0].start, d("2026-01-26"));
        assert_eq!(w.len(), 3);
        let m = buckets(r, Zoom::Month);
        assert_eq!(m.len(), 2);
        assert_eq!(m[0].end, d("2026-01-31"));
        assert_eq!(bucket_of(&w, d("2026-02-04")), Some(1));
        assert_eq!(bucket_of(&w, d("2027-01-01")), None);
        assert!(buckets(None, Zoom::Day).is_empty());
    }

    #[test]
    fn window_and_span() {
        let r = Some((d("2026-02-01"), d("2026-02-06")));
        let mut t = TimelineState::new(r);
        assert_eq!(t.window(), None);
        assert_eq!(t.cursor, 5);
        t.move_to(3);
        assert_eq!(t.window(), Some(Window::Days(d("2026-02-04"), d("2026-02-04"))));
        t.anchor = Some(3);
        t.move_to(1);
        assert_eq!(t.window(), Some(Window::Days(d("2026-02-02"), d("2026-02-04"))));
        t.move_to(6);
        assert_eq!(t.window(), Some(Window::Imprecise));
        assert_eq!(t.anchor, None);
        t.move_to(99);
        assert_eq!(t.window(), Some(Window::Undated));
    }

    #[test]
    fn zoom_keeps_the_day() {
        let r = Some((d("2026-01-01"), d("2026-03-31")));
        let mut t = TimelineState::new(r);
        t.move_to(bucket_of(&t.buckets, d("2026-02-15")).unwrap());
        t.set_zoom(Zoom::Month, r);
        assert_eq!(t.cursor, 1);
        t.set_zoom(Zoom::Week, r);
        assert!(t.buckets[t.cursor].start <= d("2026-02-01"));
        // the undated slot stays the undated slot
        t.move_to(t.slots() - 1);
        t.set_zoom(Zoom::Day, r);
        assert_eq!(t.slot(t.cursor), Slot::Undated);
    }
}
