//! What the map shows, worked out once per filter change and view (never per frame): the
//! view's box of longitude and latitude, the events of the list placed in it and counted per
//! cell of the pane, and the events that cannot be drawn counted apart.
//!
//! Places are drawn where they are: a settlement or a facility as a point; a raion, an
//! oblast, a country or a sea as an area (its centre, marked as an area, never as a precise
//! point). Events without coordinates or without a date are counted, never put at an
//! invented place.

use crate::extract::{EventId, EventKind};

/// A box of longitude and latitude, in degrees: what the map pane shows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Viewport {
    pub west: f64,
    pub south: f64,
    pub east: f64,
    pub north: f64,
}

/// Ukraine and its neighbours' edges: the view the map opens on.
pub(crate) const UKRAINE: Viewport = Viewport { west: 21.5, south: 43.8, east: 41.0, north: 53.0 };

/// The smallest span a view may have (about 1 km): zooming stops there.
const MIN_SPAN: f64 = 0.01;

impl Viewport {
    /// The box around `points` (longitude, latitude), with a margin; `None` without points.
    pub(crate) fn fit(points: impl IntoIterator<Item = (f64, f64)>) -> Option<Viewport> {
        let mut v: Option<Viewport> = None;
        for (lon, lat) in points {
            let b = v.get_or_insert(Viewport { west: lon, south: lat, east: lon, north: lat });
            b.west = b.west.min(lon);
            b.east = b.east.max(lon);
            b.south = b.south.min(lat);
            b.north = b.north.max(lat);
        }
        let v = v?;
        // a tenth of the span either side, and at least a few kilometres around one point
        let mx = ((v.east - v.west) * 0.1).max(0.05);
        let my = ((v.north - v.south) * 0.1).max(0.05);
        Some(Viewport { west: v.west - mx, south: v.south - my, east: v.east + mx, north: v.north + my })
    }

    pub(crate) fn width(&self) -> f64 {
        self.east - self.west
    }
    pub(crate) fn height(&self) -> f64 {
        self.north - self.south
    }
    pub(crate) fn centre(&self) -> (f64, f64) {
        ((self.west + self.east) / 2.0, (self.south + self.north) / 2.0)
    }

    pub(crate) fn contains(&self, lon: f64, lat: f64) -> bool {
        (self.west..=self.east).contains(&lon) && (self.south..=self.north).contains(&lat)
    }

    /// Zoomed by `factor` about its centre (2.0 shows half the span), within the world and
    /// no closer than [`MIN_SPAN`].
    pub(crate) fn zoom(&self, factor: f64) -> Viewport {
        let (cx, cy) = self.centre();
        let w = (self.width() / factor).clamp(MIN_SPAN, 360.0);
        let h = (self.height() / factor).clamp(MIN_SPAN, 180.0);
        Viewport { west: cx - w / 2.0, south: cy - h / 2.0, east: cx + w / 2.0, north: cy + h / 2.0 }.clamped()
    }

    /// Moved by fractions of its span (`dx` east, `dy` north).
    pub(crate) fn pan(&self, dx: f64, dy: f64) -> Viewport {
        let (ox, oy) = (self.width() * dx, self.height() * dy);
        Viewport { west: self.west + ox, south: self.south + oy, east: self.east + ox, north: self.north + oy }
            .clamped()
    }

    /// Widened (never narrowed) so that a grid of `cols` x `rows` terminal cells, each about
    /// twice as tall as wide, shows it in true proportion: a degree of longitude is
    /// cos(latitude) of a degree of latitude on the ground.
    pub(crate) fn shaped(&self, cols: u16, rows: u16) -> Viewport {
        if cols == 0 || rows == 0 || self.width() <= 0.0 || self.height() <= 0.0 {
            return *self;
        }
        let (cx, cy) = self.centre();
        let k = cy.to_radians().cos().max(0.05);
        // ground per cell: a column is w*k/cols wide, a row h/rows tall, and a row should be
        // twice a column
        let want_h = 2.0 * self.width() * k * rows as f64 / cols as f64;
        let (w, h) = if want_h > self.height() * 1.01 {
            (self.width(), want_h)
        } else if want_h < self.height() * 0.99 {
            (self.height() * cols as f64 / (2.0 * k * rows as f64), self.height())
        } else {
            return *self;
        };
        let (w, h) = (w.min(360.0), h.min(180.0));
        Viewport { west: cx - w / 2.0, south: cy - h / 2.0, east: cx + w / 2.0, north: cy + h / 2.0 }.clamped()
    }

    /// Centred on a point, keeping its span (the selected event kept in view).
    pub(crate) fn centred_on(&self, lon: f64, lat: f64) -> Viewport {
        let (w, h) = (self.width(), self.height());
        Viewport { west: lon - w / 2.0, south: lat - h / 2.0, east: lon + w / 2.0, north: lat + h / 2.0 }.clamped()
    }

    /// Kept inside the world (shifted back, never squeezed).
    fn clamped(self) -> Viewport {
        let mut v = self;
        let shift = |lo: f64, hi: f64, min: f64, max: f64| {
            if lo < min {
                min - lo
            } else if hi > max {
                max - hi
            } else {
                0.0
            }
        };
        let dx = shift(v.west, v.east, -180.0, 180.0);
        let dy = shift(v.south, v.north, -90.0, 90.0);
        v.west += dx;
        v.east += dx;
        v.south += dy;
        v.north += dy;
        v
    }

    /// The cell (column, row from the top) of a point in a grid of `cols` x `rows` over the
    /// view; `None` outside it.
    pub(crate) fn cell(&self, lon: f64, lat: f64, cols: u16, rows: u16) -> Option<(u16, u16)> {
        if cols == 0 || rows == 0 || !self.contains(lon, lat) || self.width() <= 0.0 || self.height() <= 0.0 {
            return None;
        }
        let x = ((lon - self.west) / self.width() * cols as f64) as u16;
        let y = ((self.north - lat) / self.height() * rows as f64) as u16;
        Some((x.min(cols - 1), y.min(rows - 1)))
    }

    /// The point at the middle of a cell.
    #[cfg(test)]
    pub(crate) fn point_of(&self, col: u16, row: u16, cols: u16, rows: u16) -> (f64, f64) {
        let lon = self.west + (col as f64 + 0.5) / cols.max(1) as f64 * self.width();
        let lat = self.north - (row as f64 + 0.5) / rows.max(1) as f64 * self.height();
        (lon, lat)
    }
}

/// How precisely an event is placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Spot {
    /// A settlement or a facility: a point.
    Point,
    /// A raion, an oblast, a country, a sea: an area, drawn at its centre as an area.
    Area,
}

/// One event the map may draw.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct MapEvent {
    pub event: EventId,
    pub lon: f64,
    pub lat: f64,
    pub kind: EventKind,
    pub casualties: u32,
    pub spot: Spot,
}

/// The events of one cell.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Marker {
    pub col: u16,
    pub row: u16,
    pub spot: Spot,
    pub count: u32,
    /// The kind most of its events are (the first in [`EventKind::ALL`] order on a tie).
    pub kind: EventKind,
    pub casualties: u64,
    /// Its first event in list order (what Enter on it picks).
    pub first: EventId,
    pub events: Vec<EventId>,
}

/// The map's content for one view and one pane size.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Layer {
    /// One marker per cell and precision, in cell order.
    pub markers: Vec<Marker>,
    /// Listed events placed outside the view.
    pub outside: u32,
    /// Listed events that cannot be drawn: no place, or a place without coordinates.
    pub unplaced: u32,
}

/// Count `events` (in list order) per cell of a `cols` x `rows` grid over the view;
/// `unplaced` are the listed events with no coordinates.
pub(crate) fn layer(events: &[MapEvent], unplaced: u32, view: &Viewport, cols: u16, rows: u16) -> Layer {
    use std::collections::BTreeMap;
    // per (row, column, precision): its events, how many of each kind, their casualties
    type Cell = (Vec<EventId>, [u32; EventKind::COUNT], u64);
    let mut cells: BTreeMap<(u16, u16, Spot), Cell> = BTreeMap::new();
    let mut out = Layer { unplaced, ..Layer::default() };
    for e in events {
        match view.cell(e.lon, e.lat, cols, rows) {
            Some((c, r)) => {
                let slot = cells.entry((r, c, e.spot)).or_insert_with(|| (Vec::new(), [0; EventKind::COUNT], 0));
                slot.0.push(e.event);
                let k = EventKind::ALL.iter().position(|&k| k == e.kind).unwrap_or(0);
                slot.1[k] += 1;
                slot.2 += u64::from(e.casualties);
            }
            None => out.outside += 1,
        }
    }
    out.markers = cells
        .into_iter()
        .map(|((row, col, spot), (events, kinds, casualties))| {
            let top = kinds.iter().enumerate().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(&a.0))).map_or(0, |(i, _)| i);
            Marker {
                col,
                row,
                spot,
                count: events.len() as u32,
                kind: EventKind::ALL[top],
                casualties,
                first: events[0],
                events,
            }
        })
        .collect();
    out
}

/// The marker nearest a cell (by distance in cells), for Enter on the map.
pub(crate) fn nearest(layer: &Layer, col: u16, row: u16) -> Option<&Marker> {
    layer.markers.iter().min_by_key(|m| {
        let dx = m.col as i32 - col as i32;
        // a row is about two columns tall
        let dy = (m.row as i32 - row as i32) * 2;
        dx * dx + dy * dy
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(event: EventId, lon: f64, lat: f64, kind: EventKind, spot: Spot) -> MapEvent {
        MapEvent { event, lon, lat, kind, casualties: event, spot }
    }

    #[test]
    fn cells_cover_the_view_and_nothing_outside() {
        let v = Viewport { west: 30.0, south: 45.0, east: 40.0, north: 50.0 };
        assert_eq!(v.cell(30.0, 50.0, 10, 5), Some((0, 0)), "north-west corner");
        assert_eq!(v.cell(40.0, 45.0, 10, 5), Some((9, 4)), "south-east corner, inside");
        assert_eq!(v.cell(35.05, 47.4, 10, 5), Some((5, 2)));
        assert_eq!(v.cell(29.9, 47.0, 10, 5), None);
        assert_eq!(v.cell(35.0, 50.1, 10, 5), None);
        assert_eq!(v.cell(35.0, 47.0, 0, 0), None, "a pane of no size has no cells");
        let (lon, lat) = v.point_of(5, 2, 10, 5);
        assert_eq!(v.cell(lon, lat, 10, 5), Some((5, 2)));
    }

    #[test]
    fn zoom_pan_and_fit_keep_a_sane_view() {
        let v = UKRAINE;
        let z = v.zoom(2.0);
        assert!((z.width() - v.width() / 2.0).abs() < 1e-9);
        assert_eq!(z.centre(), v.centre());
        assert!((z.zoom(0.5).width() - v.width()).abs() < 1e-9, "zooming out undoes zooming in");
        // no closer than about a kilometre, no wider than the world, never outside it
        assert!(v.zoom(1e9).width() >= MIN_SPAN * 0.999);
        let world = v.zoom(1e-9);
        assert!(world.west >= -180.0 && world.east <= 180.0 && world.south >= -90.0 && world.north <= 90.0);
        let p = v.pan(0.25, 0.0);
        assert!((p.west - (v.west + v.width() / 4.0)).abs() < 1e-9 && p.south == v.south);
        let far = v.pan(100.0, 100.0);
        assert!(far.east <= 180.0 && far.north <= 90.0);
        // fit: every point inside, with a margin
        let pts = [(37.5, 48.6), (30.5, 50.45), (36.2, 49.99)];
        let f = Viewport::fit(pts).unwrap();
        assert!(pts.iter().all(|&(x, y)| f.contains(x, y)));
        assert!(f.west < 30.5 && f.north > 50.45);
        assert!(Viewport::fit(std::iter::empty()).is_none());
        let one = Viewport::fit([(37.5, 48.6)]).unwrap();
        assert!(one.width() > 0.0 && one.contains(37.5, 48.6));
    }

    #[test]
    fn a_view_is_shaped_to_true_proportions_once() {
        // 40 columns by 20 rows of cells: square on screen; at 48N a degree of longitude is
        // 0.67 of one of latitude
        let v = Viewport { west: 30.0, south: 47.0, east: 40.0, north: 49.0 }.shaped(40, 20);
        let k = 48f64.to_radians().cos();
        assert!((v.height() - v.width() * k).abs() < 1e-6, "{v:?}");
        assert!(v.contains(30.0, 47.0) && v.contains(40.0, 49.0), "widened, never narrowed");
        assert_eq!(v.shaped(40, 20), v, "already in shape: kept");
        // a tall view is widened instead
        let t = Viewport { west: 35.0, south: 40.0, east: 36.0, north: 56.0 }.shaped(40, 20);
        assert!(t.width() > 1.0 && (t.height() - 16.0).abs() < 1e-9);
    }

    #[test]
    fn events_are_counted_per_cell_and_precision() {
        let v = Viewport { west: 30.0, south: 45.0, east: 40.0, north: 51.0 };
        let evs = [
            ev(1, 37.5, 48.6, EventKind::Strike, Spot::Point),
            ev(2, 37.52, 48.62, EventKind::Strike, Spot::Point),
            ev(3, 37.51, 48.61, EventKind::GroundClash, Spot::Point),
            // an oblast at the same cell is an area marker of its own
            ev(4, 37.5, 48.6, EventKind::Strike, Spot::Area),
            ev(5, 30.5, 50.45, EventKind::Diplomacy, Spot::Point),
            ev(6, 10.0, 10.0, EventKind::Strike, Spot::Point),
        ];
        let l = layer(&evs, 2, &v, 10, 6);
        assert_eq!((l.outside, l.unplaced), (1, 2));
        assert_eq!(l.markers.len(), 3, "{l:#?}");
        let m = l.markers.iter().find(|m| m.count == 3).unwrap();
        assert_eq!((m.kind, m.spot, m.first, m.casualties), (EventKind::Strike, Spot::Point, 1, 6));
        assert_eq!(m.events, vec![1, 2, 3]);
        assert!(l.markers.iter().any(|m| m.spot == Spot::Area && m.events == vec![4]));
        // Enter on an empty cell picks the nearest marker
        let kyiv = l.markers.iter().find(|m| m.events == vec![5]).unwrap();
        assert_eq!(nearest(&l, kyiv.col + 1, kyiv.row).map(|m| m.first), Some(5));
        assert_eq!(nearest(&Layer::default(), 0, 0), None);
    }
}
