//! Evaluating a parsed query against the store's indexes.

use std::sync::Arc;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::extract::{Event, EventId};

use super::bits::Bits;
use super::fuzzy::{Pattern, Scratch};
use super::query::{CountField, DateSel, Filter, Query, Sort, TextMatch};
use super::search::Histogram;
use super::{Hit, Store, text_match_lines};

/// How many events a worker matches between two looks at the cancel flag.
const CHUNK: usize = 4096;

impl Store {
    /// The events passing every filter term of `q` (free words not applied).
    pub(crate) fn filter_bits(&self, q: &Query) -> Bits {
        let n = self.events().len();
        let mut set = Bits::full(n);
        for t in &q.terms {
            let b = self.filter_set(&t.filter);
            if t.negate {
                set.and_not(&b);
            } else {
                set.and(&b);
            }
        }
        set
    }

    fn filter_set(&self, f: &Filter) -> Bits {
        let n = self.events().len();
        let mut b = Bits::empty(n);
        let scan = |b: &mut Bits, pred: &dyn Fn(&Event) -> bool| {
            for (i, e) in self.events().iter().enumerate() {
                if pred(e) {
                    b.insert(i as u32);
                }
            }
        };
        match f {
            Filter::Kind(kinds) => {
                for k in kinds {
                    b.extend(&self.by_kind[k.index()]);
                }
            }
            Filter::Status(st) => scan(&mut b, &|e| st.contains(&e.status)),
            Filter::Place(ms) => {
                for node in &self.places {
                    if ms.iter().any(|m| m.matches(&node.name)) {
                        b.extend(&node.events);
                    }
                }
            }
            Filter::Entity(ms) => {
                for m in ms {
                    for pos in self.find_entities(m) {
                        b.extend(self.events_of_entity(pos));
                    }
                }
            }
            Filter::Source(ms) => {
                for (ai, key) in self.article_keys.iter().enumerate() {
                    if ms.iter().any(|m| text_match_lines(key.source(), m)) {
                        b.extend(&self.by_article[ai]);
                    }
                }
            }
            Filter::Article(ms) => {
                for (ai, key) in self.article_keys.iter().enumerate() {
                    if ms.iter().any(|m| text_match_lines(key.names(), m)) {
                        b.extend(&self.by_article[ai]);
                    }
                }
            }
            Filter::Text(ms) => {
                let n = self.events().len() as u32;
                for id in 0..n {
                    let key = self.search_key(id);
                    if ms.iter().any(|m| match m {
                        TextMatch::Contains(v) => key.contains(v.as_str()),
                        TextMatch::Exact(v) => key.split(|c: char| !c.is_alphanumeric()).any(|w| w == v),
                    }) {
                        b.insert(id);
                    }
                }
            }
            Filter::Claimed(ms) => {
                for (name, ids) in &self.by_claimant {
                    if ms.iter().any(|m| match m {
                        TextMatch::Contains(v) => name.contains(v.as_str()),
                        TextMatch::Exact(v) => name == v,
                    }) {
                        b.extend(ids);
                    }
                }
            }
            Filter::Since(d) => self.dated_between(&mut b, *d, NaiveDate::MAX),
            Filter::Until(d) => self.dated_between(&mut b, NaiveDate::MIN, *d),
            Filter::Date(sels) => {
                for s in sels {
                    match s {
                        DateSel::Undated => b.extend(&self.undated),
                        DateSel::Imprecise => b.extend(&self.imprecise),
                        DateSel::Exact => {
                            for ids in self.by_day.values() {
                                b.extend(ids);
                            }
                        }
                        DateSel::Range(from, to) => self.dated_between(&mut b, *from, *to),
                    }
                }
            }
            Filter::Near(place, km) => {
                if let Some((lat, lon)) = self.locate(place) {
                    let ex = &self.ex;
                    scan(&mut b, &|e| match ex.lat_lon(e) {
                        (Some(la), Some(lo)) => distance_km((lat, lon), (la, lo)) <= *km,
                        _ => false,
                    });
                }
            }
            Filter::BBox([w, s, east, n]) => {
                let ex = &self.ex;
                // a box across the antimeridian has its west edge east of its east edge
                let lon_in = |lo: f64| if w <= east { (*w..=*east).contains(&lo) } else { lo >= *w || lo <= *east };
                scan(&mut b, &|e| match ex.lat_lon(e) {
                    (Some(la), Some(lo)) => (*s..=*n).contains(&la) && lon_in(lo),
                    _ => false,
                });
            }
            Filter::Count(field, cmp, n) => scan(&mut b, &|e| {
                let v = match field {
                    CountField::Killed => e.killed,
                    CountField::Injured => e.injured,
                    CountField::Casualties => match (e.killed, e.injured) {
                        (None, None) => None,
                        (k, i) => Some(k.unwrap_or(0).saturating_add(i.unwrap_or(0))),
                    },
                    CountField::Drones => e.drones,
                    CountField::Missiles => e.missiles,
                    CountField::Sources => Some(self.sources(e.id)),
                };
                v.is_some_and(|v| cmp.test(v, *n))
            }),
        }
        b
    }

    /// What the store cannot answer in a query that parsed: a `near:` place it cannot
    /// locate (the filter then matches nothing, and the user is told why).
    pub fn query_problem(&self, q: &Query) -> Option<String> {
        q.terms.iter().find_map(|t| match &t.filter {
            Filter::Near(p, _) if self.locate(p).is_none() => {
                Some(format!("near: no place called '{p}' in the corpus or the gazetteer"))
            }
            _ => None,
        })
    }

    /// Where a place is, for `near:`: a place the corpus names (the one most events are at
    /// when several share the name), else the gazetteer's most populous place of that name.
    pub fn locate(&self, folded: &str) -> Option<(f64, f64)> {
        use crate::extract::EntityKind;
        let in_corpus = self
            .ex
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == EntityKind::Place && e.lat.is_some() && e.lon.is_some())
            .filter(|(_, e)| {
                crate::extract::fold::fold(&e.name) == folded
                    || e.aliases.iter().any(|a| crate::extract::fold::fold(a) == folded)
            })
            .max_by_key(|(i, _)| self.by_entity.get(*i).map_or(0, Vec::len));
        if let Some((_, e)) = in_corpus {
            return e.lat.zip(e.lon);
        }
        let gaz = crate::extract::gazetteer::get();
        gaz.form(folded)
            .iter()
            .filter_map(|&k| gaz.place(k))
            .filter(|p| p.lat.is_some() && p.lon.is_some())
            .max_by_key(|p| p.population)
            .and_then(|p| p.lat.zip(p.lon))
    }

    /// Add the events whose dates overlap `[from, to]`: day events by the day index,
    /// imprecise ones by their range.
    fn dated_between(&self, b: &mut Bits, from: NaiveDate, to: NaiveDate) {
        for ids in self.by_day.range(from..=to).map(|(_, v)| v) {
            b.extend(ids);
        }
        for &i in &self.imprecise {
            let e = &self.events()[i as usize];
            let (s, end) = (e.date.start, e.date.end.or(e.date.start));
            if s.is_some_and(|s| s <= to) && end.is_some_and(|end| end >= from) {
                b.insert(i);
            }
        }
    }

    /// The order events are listed in for a sort (relevance without words is newest first).
    pub(crate) fn order(&self, sort: Sort) -> &[EventId] {
        match sort {
            Sort::Relevance | Sort::Newest => &self.order_newest,
            Sort::Oldest => &self.order_oldest,
            Sort::Casualties => &self.order_casualties,
        }
    }

    /// The events passing the filters of `q`, in `sort` order.
    pub(crate) fn base(&self, q: &Query, sort: Sort) -> Base {
        if q.terms.is_empty() {
            return Base::All(sort);
        }
        let bits = self.filter_bits(q);
        let order = self.order(sort);
        let ids = order
            .par_chunks(1 << 16)
            .flat_map_iter(|c| c.iter().copied().filter(|&i| bits.contains(i)).collect::<Vec<_>>())
            .collect();
        Base::Some(sort, ids)
    }

    /// Run the free words of `q` over `base` (the events passing its filters, in `sort`
    /// order), or `None` when `cancel` said stop midway.
    /// With `happenings`, the list has one row per happening (see [`super::SearchRequest`]).
    pub(crate) fn run_query(
        &self,
        q: &Query,
        sort: Sort,
        happenings: bool,
        base: &Base,
        cancel: &(dyn Fn() -> bool + Sync),
    ) -> Option<Found> {
        let items = match base {
            Base::All(Sort::Relevance | Sort::Newest) => Items::Newest(self.events().len()),
            _ => Items::Events(base.ids(self)),
        };
        if q.words.is_empty() {
            let ordered = (0..items.len()).map(|i| Ranked { rank: items.rank(self, i) as u32, score: 0 }).collect();
            return Some(Found::new(self, ordered, sort, happenings));
        }
        let words: Vec<Pattern> = q.words.iter().map(|w| Pattern::new(w)).collect();
        Some(Found::new(self, self.match_in_order(&words, items, cancel)?, sort, happenings))
    }

    /// Run the free words of `q` over the hits of a query it narrows (in base order).
    pub(crate) fn run_narrower(
        &self,
        q: &Query,
        sort: Sort,
        happenings: bool,
        last: &[Ranked],
        cancel: &(dyn Fn() -> bool + Sync),
    ) -> Option<Found> {
        let words: Vec<Pattern> = q.words.iter().map(|w| Pattern::new(w)).collect();
        Some(Found::new(self, self.match_in_order(&words, Items::Last(last), cancel)?, sort, happenings))
    }

    /// Match the free words against `items` (in list order), keeping their order.
    fn match_in_order(
        &self,
        words: &[Pattern],
        items: Items,
        cancel: &(dyn Fn() -> bool + Sync),
    ) -> Option<Vec<Ranked>> {
        let need = words.iter().fold(0, |m, w| m | w.letters());
        let len = items.len();
        let chunks: Vec<Option<Vec<Ranked>>> = (0..len.div_ceil(CHUNK))
            .into_par_iter()
            .map(|c| {
                if cancel() {
                    return None;
                }
                let span = c * CHUNK..((c + 1) * CHUNK).min(len);
                let mut hits = Vec::with_capacity(span.len());
                let mut scratch = Scratch::default();
                for i in span {
                    // the key a few items ahead is on its way while this one is matched
                    if i + AHEAD < len {
                        self.keys.prefetch(items.rank(self, i + AHEAD));
                    }
                    let rank = items.rank(self, i);
                    if let Some(score) = self.score_words(rank, words, need, &mut scratch) {
                        hits.push(Ranked { rank: rank as u32, score });
                    }
                }
                Some(hits)
            })
            .collect();
        let mut hits = Vec::with_capacity(chunks.iter().flatten().map(Vec::len).sum());
        for c in chunks {
            hits.extend(c?);
        }
        Some(hits)
    }

    /// The summed score of every free word against the key of rank `rank`; `None` unless
    /// all match.
    #[inline]
    fn score_words(&self, rank: usize, words: &[Pattern], need: u64, scratch: &mut Scratch) -> Option<i32> {
        if self.keys.letters(rank) & need != need {
            return None;
        }
        let key = self.keys.at_rank(rank);
        let mut score = 0i32;
        for w in words {
            score = score.saturating_add(w.score_in(key, scratch)?);
        }
        Some(score)
    }

    /// The event at a rank of the newest-first order.
    #[inline]
    pub(crate) fn event_at_rank(&self, rank: u32) -> EventId {
        self.order_newest.get(rank as usize).copied().unwrap_or(0)
    }
}

/// How many items ahead the matcher asks for a key to be loaded.
const AHEAD: usize = 16;

/// What a search matches, in list order.
#[derive(Clone, Copy)]
enum Items<'a> {
    /// Every event, newest first: item `i` has rank `i`.
    Newest(usize),
    Events(&'a [EventId]),
    /// The hits of the last query.
    Last(&'a [Ranked]),
}

impl Items<'_> {
    fn len(&self) -> usize {
        match self {
            Items::Newest(n) => *n,
            Items::Events(e) => e.len(),
            Items::Last(l) => l.len(),
        }
    }

    #[inline]
    fn rank(&self, store: &Store, i: usize) -> usize {
        match self {
            Items::Newest(_) => i,
            Items::Events(e) => store.keys.rank(e[i]),
            Items::Last(l) => l[i].rank as usize,
        }
    }
}

/// The events a query's filters let through, in a sort's order.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Base {
    /// Every event (no filter), in the store's order for the sort.
    All(Sort),
    Some(Sort, Vec<EventId>),
}

impl Base {
    pub fn ids<'a>(&'a self, store: &'a Store) -> &'a [EventId] {
        match self {
            Base::All(sort) => store.order(*sort),
            Base::Some(_, ids) => ids,
        }
    }
}

/// A hit as the searcher keeps it: the event's rank in the newest-first order (where its
/// key and facts are, so passes over hits in that order read memory front to back) and its
/// score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Ranked {
    pub rank: u32,
    pub score: i32,
}

/// A query's hits, in the base's order (what a narrower query matches again) and in list
/// order, and their counts per day.
pub(crate) struct Found {
    pub ordered: Arc<Vec<Ranked>>,
    pub listed: Arc<Vec<Hit>>,
    pub histogram: Arc<Histogram>,
}

impl Found {
    fn new(store: &Store, ordered: Vec<Ranked>, sort: Sort, happenings: bool) -> Found {
        let hit = |r: &Ranked| Hit { event: store.event_at_rank(r.rank), score: r.score };
        let (listed, histogram) = rayon::join(
            || {
                let listed = match sort {
                    Sort::Relevance => rank(&ordered, hit),
                    _ => None,
                }
                .unwrap_or_else(|| ordered.iter().map(hit).collect());
                if happenings { super::search::collapse(store, &listed) } else { listed }
            },
            || match happenings {
                true => Histogram::of_happenings(store, &ordered),
                false => Histogram::of_ranked(store, &ordered),
            },
        );
        Found { ordered: Arc::new(ordered), listed: Arc::new(listed), histogram: Arc::new(histogram) }
    }
}

/// Hits by score, best first, ties in their order (newest first); `None` when that is the
/// order they are in (all scores equal). A stable counting sort when the scores span a small
/// range (they do: a few hundred points per word).
fn rank(hits: &[Ranked], hit: impl Fn(&Ranked) -> Hit) -> Option<Vec<Hit>> {
    let (lo, hi) = hits.iter().fold((i32::MAX, i32::MIN), |(lo, hi), h| (lo.min(h.score), hi.max(h.score)));
    if lo >= hi {
        return None;
    }
    let span = (hi as i64 - lo as i64) as usize + 1;
    if span > 1 << 16 {
        let mut v: Vec<Hit> = hits.iter().map(hit).collect();
        v.sort_by_key(|h| std::cmp::Reverse(h.score));
        return Some(v);
    }
    // slot of a score: best first
    let slot = |s: i32| (hi as i64 - s as i64) as usize;
    let mut at = vec![0usize; span + 1];
    for h in hits {
        at[slot(h.score) + 1] += 1;
    }
    for i in 1..at.len() {
        at[i] += at[i - 1];
    }
    let mut out = vec![Hit { event: 0, score: 0 }; hits.len()];
    for h in hits {
        let s = slot(h.score);
        out[at[s]] = hit(h);
        at[s] += 1;
    }
    Some(out)
}

impl Store {
    /// Where the free words match an event's search key (char positions, sorted): for
    /// highlighting the rows on screen.
    pub fn match_positions(&self, event: EventId, words: &[String]) -> Vec<u32> {
        let key = self.search_key(event);
        let mut matched = Vec::new();
        for w in words {
            if Pattern::new(w).score(key, &mut matched).is_none() {
                return Vec::new();
            }
        }
        matched.sort_unstable();
        matched.dedup();
        matched
    }
}

/// The great-circle distance between two points (latitude, longitude in degrees), in km.
pub(crate) fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1, la2, lo2) = (a.0.to_radians(), a.1.to_radians(), b.0.to_radians(), b.1.to_radians());
    let h = ((la2 - la1) / 2.0).sin().powi(2) + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().min(1.0).asin()
}
