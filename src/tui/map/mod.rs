//! The map pane's data and state: country outlines shipped in `assets/map/`, and the events
//! of the list placed and counted per cell of the pane ([`grid`]), worked out again only when
//! the results, the view or the pane's size change (never per frame).

pub(crate) mod grid;
pub(crate) mod outlines;

use std::collections::HashMap;

use crate::extract::{EntityId, EventId};
use crate::store::Store;

use grid::{Layer, MapEvent, Spot, Viewport};

/// The map, while it is shown (in the reader's place).
#[derive(Debug, Clone, PartialEq)]
pub struct MapState {
    pub(crate) view: Viewport,
    /// Over the list and the side panes too, not only in the reader's place.
    pub full: bool,
    /// What is drawn, for `key`.
    pub(crate) layer: Layer,
    key: Option<LayerKey>,
    /// The selection the view last followed (kept in view when it moves).
    followed: Option<EventId>,
    /// Where each place entity is and how precisely, looked up once per store.
    spots: HashMap<EntityId, Option<(f64, f64, Spot)>>,
    spots_for: usize,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct LayerKey {
    generation: u64,
    rows_listed: usize,
    view: [u64; 4],
    size: (u16, u16),
}

impl Default for MapState {
    fn default() -> Self {
        MapState {
            view: grid::UKRAINE,
            full: false,
            layer: Layer::default(),
            key: None,
            followed: None,
            spots: HashMap::new(),
            spots_for: 0,
        }
    }
}

impl MapState {
    /// A map on Ukraine's view that keeps the selection in view from the next move of it on
    /// (the event selected when it opens may be far away: the view stays where it opens).
    pub(crate) fn opened_on(selected: Option<EventId>) -> MapState {
        MapState { followed: selected, ..MapState::default() }
    }

    /// The view: west, south, east, north (degrees).
    pub fn view(&self) -> (f64, f64, f64, f64) {
        (self.view.west, self.view.south, self.view.east, self.view.north)
    }

    /// How many events the map shows.
    pub fn on_map(&self) -> u32 {
        self.layer.markers.iter().map(|m| m.count).sum()
    }

    /// Where an event is drawn, if it has coordinates.
    fn place(&mut self, store: &Store, id: EventId) -> Option<(f64, f64, Spot)> {
        let ex = store.extraction();
        let e = store.event(id)?;
        let pid = e.place?;
        *self.spots.entry(pid).or_insert_with(|| {
            let p = ex.place(e)?;
            let (lat, lon) = (p.lat?, p.lon?);
            Some((lon, lat, spot(&p.name)))
        })
    }

    /// The listed events the map can draw (in list order), and how many it cannot.
    fn events(&mut self, store: &Store, rows: &[EventId]) -> (Vec<MapEvent>, u32) {
        let key = std::ptr::from_ref(store) as usize;
        if self.spots_for != key {
            self.spots.clear();
            self.spots_for = key;
        }
        let mut out = Vec::with_capacity(rows.len());
        let mut unplaced = 0;
        for &id in rows {
            match (self.place(store, id), store.event(id)) {
                (Some((lon, lat, spot)), Some(e)) => out.push(MapEvent {
                    event: id,
                    lon,
                    lat,
                    kind: e.kind,
                    casualties: e.killed.unwrap_or(0).saturating_add(e.injured.unwrap_or(0)),
                    spot,
                }),
                _ => unplaced += 1,
            }
        }
        (out, unplaced)
    }

    /// Work out the layer again if the results, the view or the size changed; keep the
    /// selected event in view when the selection moved.
    pub(crate) fn sync(
        &mut self,
        store: &Store,
        rows: &[EventId],
        generation: u64,
        selected: Option<EventId>,
        (cols, lines): (u16, u16),
    ) {
        if selected != self.followed {
            self.followed = selected;
            if let Some((lon, lat, _)) = selected.and_then(|id| self.place(store, id))
                && !self.view.contains(lon, lat)
            {
                self.view = self.view.centred_on(lon, lat);
            }
        }
        self.view = self.view.shaped(cols, lines);
        let key = LayerKey {
            generation,
            rows_listed: rows.len(),
            view: [self.view.west, self.view.south, self.view.east, self.view.north].map(f64::to_bits),
            size: (cols, lines),
        };
        if self.key == Some(key) {
            return;
        }
        let (events, unplaced) = self.events(store, rows);
        self.layer = grid::layer(&events, unplaced, &self.view, cols, lines);
        self.key = Some(key);
    }

    /// Fit the view to the listed events (Ukraine's when none can be drawn).
    pub(crate) fn fit(&mut self, store: &Store, rows: &[EventId]) {
        let (events, _) = self.events(store, rows);
        self.view = Viewport::fit(events.iter().map(|e| (e.lon, e.lat))).unwrap_or(grid::UKRAINE);
    }
}

/// Ukraine's oblasts (and Crimea, Kyiv and Sevastopol) with their centres, from the
/// gazetteer: labelled on the map in place of oblast outlines, which no openly licensed
/// source gave. Short names ("Donetsk" for Donetsk Oblast).
pub(crate) fn oblast_centres() -> &'static [(String, f64, f64)] {
    use crate::extract::gazetteer::{self, PlaceKind};
    static C: std::sync::OnceLock<Vec<(String, f64, f64)>> = std::sync::OnceLock::new();
    C.get_or_init(|| {
        let gaz = gazetteer::get();
        gaz.places
            .iter()
            .filter(|p| p.kind == PlaceKind::Region)
            .filter(|p| p.parent.and_then(|i| gaz.places.get(i as usize)).is_some_and(|u| u.name == "Ukraine"))
            .filter_map(|p| {
                let name = p.name.strip_suffix(" Oblast").unwrap_or(&p.name).to_string();
                Some((name, p.lon?, p.lat?))
            })
            .collect()
    })
}

/// A settlement or a facility is a point; a raion, an oblast, a country, a sea is an area.
fn spot(name: &str) -> Spot {
    match crate::extract::gazetteer::PlaceKind::of_place(name) {
        Some(k) if !k.is_point() => Spot::Area,
        _ => Spot::Point,
    }
}
