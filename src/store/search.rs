//! Incremental search for an interactive front end: what a worker thread runs.
//!
//! A [`Searcher`] remembers its last result. Typing one more character (a query that
//! [`Query::narrows`] the last one) only re-matches the last hits; changing only the
//! timeline [`Window`] re-filters the last hits without matching at all; the filter set is
//! cached while only free words change. Every result carries the request's generation so
//! the caller can drop stale ones, and a cancel callback stops a search that has become
//! stale midway.

use std::sync::Arc;

use chrono::NaiveDate;

use crate::extract::{EventId, EventKind};

use rayon::prelude::*;

use super::eval::{Base, Ranked};
use super::query::{Query, Sort};
use super::{Hit, IMPRECISE, Store, UNDATED};

/// A slice of the timeline the list is restricted to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Window {
    /// Events pinned to a day in this inclusive range.
    Days(NaiveDate, NaiveDate),
    /// Events dated, but not to a single day.
    Imprecise,
    /// Events without a date.
    Undated,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct SearchRequest {
    pub generation: u64,
    pub query: Query,
    pub sort: Sort,
    pub window: Option<Window>,
    /// One row per happening ([`crate::merge`]) instead of one per report: the first
    /// report in list order that the query matches stands for the others, and the
    /// histogram counts the happening once, with the highest toll any report gives.
    pub happenings: bool,
    /// With `happenings`: the happening (its cluster id, [`Store::cluster`]) whose other
    /// reports are listed right after the row that stands for it.
    pub expand: Option<EventId>,
}

/// Counts for one day of the timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DayCount {
    /// Events per kind, in [`EventKind::ALL`] order.
    pub kinds: [u32; EventKind::COUNT],
    /// Sums of the events' counts, wider than one event's: a few events of billions would
    /// overflow a `u32` (there are at most `u32::MAX` events, so a `u64` cannot overflow).
    pub killed: u64,
    pub injured: u64,
}

impl DayCount {
    pub fn total(&self) -> u32 {
        self.kinds.iter().sum()
    }
    pub fn add(&mut self, other: &DayCount) {
        for (a, b) in self.kinds.iter_mut().zip(other.kinds) {
            *a += b;
        }
        self.killed += other.killed;
        self.injured += other.injured;
    }
}

/// The query's results counted per day (before the timeline window is applied, so the
/// timeline shows where the matching events are).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Histogram {
    /// The store's first day; `days[i]` counts `first + i`.
    pub first: Option<NaiveDate>,
    pub days: Vec<DayCount>,
    pub imprecise: DayCount,
    pub undated: DayCount,
}

impl Histogram {
    pub fn build(store: &Store, hits: &[Hit]) -> Histogram {
        Histogram::count(store, hits, |h| store.keys.rank(h.event))
    }

    /// The same for hits kept by rank (in rank order, a pass front to back over the facts).
    pub(crate) fn of_ranked(store: &Store, hits: &[Ranked]) -> Histogram {
        Histogram::count(store, hits, |h| h.rank as usize)
    }

    /// The same counting each happening once, at the day of its first report in `hits`
    /// (rank order: its newest), with the highest toll any of its reports gives.
    pub(crate) fn of_happenings(store: &Store, hits: &[Ranked]) -> Histogram {
        let hs = &store.happenings;
        if hs.len() == 0 {
            return Histogram::of_ranked(store, hits);
        }
        // the hits that stand for their happening: a pass in order (the counting after it
        // is parallel; this needs to see the earlier hits)
        let mut seen = super::bits::Bits::empty(hs.len());
        let once: Vec<(Ranked, Option<u32>)> = hits
            .iter()
            .filter_map(|&h| match hs.group(store.event_at_rank(h.rank)) {
                Some(g) if seen.contains(g) => None,
                Some(g) => {
                    seen.insert(g);
                    Some((h, Some(g)))
                }
                None => Some((h, None)),
            })
            .collect();
        Histogram::counted(
            store,
            &once,
            |h| h.0.rank as usize,
            |h, f| match h.1 {
                Some(g) => hs.toll(g),
                None => (f.killed, f.injured),
            },
        )
    }

    fn count<T: Sync>(store: &Store, hits: &[T], rank: impl Fn(&T) -> usize + Sync) -> Histogram {
        Histogram::counted(store, hits, rank, |_, f| (f.killed, f.injured))
    }

    fn counted<T: Sync>(
        store: &Store,
        hits: &[T],
        rank: impl Fn(&T) -> usize + Sync,
        toll: impl Fn(&T, &super::Facts) -> (u32, u32) + Sync,
    ) -> Histogram {
        let range = store.day_range();
        let first = range.map(|r| r.0);
        let len = range.map_or(0, |(a, b)| (b - a).num_days() as usize + 1);
        let empty = || Histogram { first, days: vec![DayCount::default(); len], ..Histogram::default() };
        let count = |mut h: Histogram, hits: &[T]| {
            for hit in hits {
                let f = store.facts_at_rank(rank(hit));
                let slot = match f.day {
                    UNDATED => Some(&mut h.undated),
                    IMPRECISE => Some(&mut h.imprecise),
                    d => h.days.get_mut(d as usize),
                };
                if let Some(c) = slot {
                    let (killed, injured) = toll(hit, &f);
                    c.kinds[f.kind as usize] += 1;
                    c.killed += u64::from(killed);
                    c.injured += u64::from(injured);
                }
            }
            h
        };
        if hits.len() < 1 << 16 {
            return count(empty(), hits);
        }
        hits.par_chunks(1 << 16).fold(empty, count).reduce(empty, |mut a, b| {
            for (x, y) in a.days.iter_mut().zip(&b.days) {
                x.add(y);
            }
            a.imprecise.add(&b.imprecise);
            a.undated.add(&b.undated);
            a
        })
    }

    /// The counts of a day (zero outside the store's range).
    pub fn day(&self, d: NaiveDate) -> DayCount {
        match self.first {
            Some(f) if d >= f => self.days.get((d - f).num_days() as usize).copied().unwrap_or_default(),
            _ => DayCount::default(),
        }
    }

    pub fn kind_total(&self, k: EventKind) -> u32 {
        let i = k.index();
        self.days.iter().map(|d| d.kinds[i]).sum::<u32>() + self.imprecise.kinds[i] + self.undated.kinds[i]
    }
}

/// One finished search.
#[derive(Debug, Clone)]
pub struct SearchOutput {
    pub generation: u64,
    /// Every hit of the query, in list order, before the window. Matched positions are not
    /// filled in (see [`Store::match_positions`] for the rows on screen).
    pub hits: Arc<Vec<Hit>>,
    /// Indexes into `hits` that fall in the window; `None` when there is no window.
    pub rows: Option<Arc<Vec<u32>>>,
    /// The happening whose reports are listed under the row standing for it (as asked).
    pub expanded: Option<EventId>,
    /// How many of the rows are those reports (rows, not events the query found).
    pub report_rows: usize,
    pub histogram: Arc<Histogram>,
}

impl SearchOutput {
    /// An empty result (before the first search finishes).
    pub fn empty() -> SearchOutput {
        SearchOutput {
            generation: 0,
            hits: Arc::new(Vec::new()),
            rows: None,
            expanded: None,
            report_rows: 0,
            histogram: Arc::new(Histogram::default()),
        }
    }
    /// Rows the list shows.
    pub fn len(&self) -> usize {
        match &self.rows {
            Some(r) => r.len(),
            None => self.hits.len(),
        }
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The hit shown at a row.
    pub fn get(&self, row: usize) -> Option<&Hit> {
        match &self.rows {
            Some(r) => self.hits.get(*r.get(row)? as usize),
            None => self.hits.get(row),
        }
    }
    /// The row showing an event.
    pub fn row_of(&self, event: EventId) -> Option<usize> {
        (0..self.len()).find(|&r| self.get(r).is_some_and(|h| h.event == event))
    }
    /// Is the row one of the reports listed under an expanded happening (not the row that
    /// stands for it)?
    pub fn is_report_row(&self, store: &Store, row: usize) -> bool {
        let (Some(x), Some(h)) = (self.expanded, self.get(row)) else {
            return false;
        };
        row > 0 && self.get(row - 1).is_some_and(|p| under_its_row(store, x, p, h))
    }
}

/// Is `this`, listed right after `prev`, one of happening `x`'s reports under its row?
fn under_its_row(store: &Store, x: EventId, prev: &Hit, this: &Hit) -> bool {
    store.cluster(this.event) == x && store.cluster(prev.event) == x
}

/// One row per happening: the first hit of each, in order.
pub(crate) fn collapse(store: &Store, hits: &[Hit]) -> Vec<Hit> {
    let hs = &store.happenings;
    if hs.len() == 0 {
        return hits.to_vec();
    }
    let mut seen = super::bits::Bits::empty(hs.len());
    hits.iter()
        .copied()
        .filter(|h| match hs.group(h.event) {
            Some(g) if seen.contains(g) => false,
            Some(g) => {
                seen.insert(g);
                true
            }
            None => true,
        })
        .collect()
}

/// The rows with the other reports of happening `x` (its cluster id) after the row that
/// stands for it, whether the query matches them or not: they are its reports. `None` when
/// no row stands for it.
fn expand(store: &Store, rows: &[Hit], x: EventId) -> Option<Vec<Hit>> {
    let hs = &store.happenings;
    let g = hs.group(x)?;
    let at = rows.iter().position(|h| hs.group(h.event) == Some(g))?;
    let mut out = Vec::with_capacity(rows.len() + hs.members(g).len());
    out.extend_from_slice(&rows[..=at]);
    out.extend(hs.members(g).iter().filter(|&&e| e != rows[at].event).map(|&e| Hit { event: e, score: 0 }));
    out.extend_from_slice(&rows[at + 1..]);
    Some(out)
}
struct Last {
    query: Query,
    sort: Sort,
    /// The events passing the filters, in list order.
    base: Arc<Base>,
    /// The hits in the base's order (what a narrower query matches again).
    ordered: Arc<Vec<Ranked>>,
    /// The hits in list order.
    hits: Arc<Vec<Hit>>,
    histogram: Arc<Histogram>,
    /// A row per happening (else per report).
    happenings: bool,
}

/// Runs searches, reusing the previous result where it can. Owned by one worker thread.
pub struct Searcher {
    store: Arc<Store>,
    last: Option<Last>,
}

impl Searcher {
    pub fn new(store: Arc<Store>) -> Searcher {
        Searcher { store, last: None }
    }

    pub fn store(&self) -> &Arc<Store> {
        &self.store
    }

    /// Run a request; `None` if `cancel` returned true midway (the caller has a newer one).
    pub fn search(&mut self, req: &SearchRequest, cancel: &(dyn Fn() -> bool + Sync)) -> Option<SearchOutput> {
        let store = Arc::clone(&self.store);
        let q = &req.query;
        let reuse = self.last.as_ref().filter(|l| {
            l.sort == req.sort && l.happenings == req.happenings && l.query.same_filters(q) && l.query.words == q.words
        });
        let (hits, histogram) = match reuse {
            Some(l) => (Arc::clone(&l.hits), Arc::clone(&l.histogram)),
            None => {
                let same_base = self.last.as_ref().filter(|l| l.sort == req.sort && l.query.same_filters(q));
                let base = match same_base {
                    Some(l) => Arc::clone(&l.base),
                    None => Arc::new(store.base(q, req.sort)),
                };
                if cancel() {
                    return None;
                }
                let found = match same_base {
                    // typing one more char: match again only what matched
                    Some(l) if !q.words.is_empty() && q.narrows(&l.query) => {
                        store.run_narrower(q, req.sort, req.happenings, &l.ordered, cancel)?
                    }
                    _ => store.run_query(q, req.sort, req.happenings, &base, cancel)?,
                };
                let (ordered, hits, histogram) = (found.ordered, found.listed, found.histogram);
                self.last = Some(Last {
                    query: q.clone(),
                    sort: req.sort,
                    base,
                    ordered,
                    hits: Arc::clone(&hits),
                    histogram: Arc::clone(&histogram),
                    happenings: req.happenings,
                });
                (hits, histogram)
            }
        };
        // with a happening expanded, its reports after its row
        let (hits, expanded) = match req.expand.filter(|_| req.happenings) {
            Some(x) => match expand(&store, &hits, x) {
                Some(rows) => (Arc::new(rows), Some(x)),
                None => (hits, None),
            },
            None => (hits, None),
        };
        let is_report = |i: usize| expanded.is_some_and(|x| i > 0 && under_its_row(&store, x, &hits[i - 1], &hits[i]));
        let mut report_rows = 0;
        let rows = req.window.map(|w| {
            let first = store.day_range().map(|r| r.0);
            // the window as a range of day indexes (or one of the two markers)
            let (lo, hi) = match (w, first) {
                (Window::Days(a, b), Some(f)) => (
                    (a - f).num_days().clamp(0, IMPRECISE as i64 - 1) as u32,
                    (b - f).num_days().clamp(-1, IMPRECISE as i64 - 1),
                ),
                (Window::Days(..), None) => (1, 0),
                (Window::Imprecise, _) => (IMPRECISE, IMPRECISE as i64),
                (Window::Undated, _) => (UNDATED, UNDATED as i64),
            };
            // an expanded happening's reports go with the row standing for it
            let mut shown = false;
            let mut rows = Vec::new();
            for (i, h) in hits.iter().enumerate() {
                let report = is_report(i);
                if !report {
                    let d = store.facts(h.event).day;
                    shown = d >= lo && (d as i64) <= hi;
                }
                if shown {
                    rows.push(i as u32);
                    report_rows += usize::from(report);
                }
            }
            Arc::new(rows)
        });
        if rows.is_none() && expanded.is_some() {
            report_rows = (0..hits.len()).filter(|&i| is_report(i)).count();
        }
        Some(SearchOutput { generation: req.generation, hits, rows, expanded, report_rows, histogram })
    }
}
