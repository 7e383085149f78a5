//! Evaluating a parsed query against the store's indexes.

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::extract::{Event, EventId};

use super::bits::Bits;
use super::fuzzy::Pattern;
use super::query::{CountField, DateSel, Filter, Query, Sort, TextMatch};
use super::{Hit, Store, kind_index, text_match_lines};

/// How many events a worker matches between two looks at the cancel flag.
const CHUNK: usize = 2048;

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
                    b.extend(&self.by_kind[kind_index(*k)]);
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
                    if ms.iter().any(|m| text_match_lines(key, m)) {
                        b.extend(&self.by_article[ai]);
                    }
                }
            }
            Filter::Article(ms) => {
                for (ai, key) in self.article_names.iter().enumerate() {
                    if ms.iter().any(|m| text_match_lines(key, m)) {
                        b.extend(&self.by_article[ai]);
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
                };
                v.is_some_and(|v| cmp.test(v, *n))
            }),
        }
        b
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

    /// Run `q` over the events in `base` (or every filter-passing event), in `sort` order,
    /// with matched positions in each hit when `positions` (else they are left empty and
    /// [`Store::match_positions`] gives them for the rows on screen).
    /// Returns `None` when `cancel` said stop before the end.
    pub(crate) fn run_query(
        &self,
        q: &Query,
        sort: Sort,
        base: Option<&Bits>,
        positions: bool,
        cancel: &(dyn Fn() -> bool + Sync),
    ) -> Option<Vec<Hit>> {
        let own;
        let base = match base {
            Some(b) => b,
            None => {
                own = self.filter_bits(q);
                &own
            }
        };
        let candidates: Vec<EventId> = self.order(sort).iter().copied().filter(|&i| base.contains(i)).collect();
        if q.words.is_empty() {
            return Some(candidates.into_iter().map(|event| Hit { event, score: 0, matched: Vec::new() }).collect());
        }
        let chunks: Vec<Option<Vec<Hit>>> = candidates
            .par_chunks(CHUNK)
            .map(|chunk| {
                if cancel() {
                    return None;
                }
                let mut pats: Vec<Pattern> = q.words.iter().map(|w| Pattern::new(w)).collect();
                Some(chunk.iter().filter_map(|&event| self.match_words(event, &mut pats, positions)).collect())
            })
            .collect();
        let mut hits = Vec::new();
        for c in chunks {
            hits.extend(c?);
        }
        if sort == Sort::Relevance {
            // stable: ties stay newest first
            hits.sort_by_key(|h| std::cmp::Reverse(h.score));
        }
        Some(hits)
    }

    /// Match every free word against an event's key; all must match.
    pub(crate) fn match_words(&self, event: EventId, words: &mut [Pattern], positions: bool) -> Option<Hit> {
        let key = self.search_key(event);
        let mut matched = Vec::new();
        let mut score = 0i32;
        for w in words {
            let s = if positions { w.score(key, &mut matched) } else { w.score_only(key) };
            score = score.saturating_add(s?);
        }
        matched.sort_unstable();
        matched.dedup();
        Some(Hit { event, score, matched })
    }
}

impl Store {
    /// Where the free words match an event's search key (char positions, sorted): for
    /// highlighting the rows on screen when the hits were ranked without positions.
    pub fn match_positions(&self, event: EventId, words: &[String]) -> Vec<u32> {
        let mut pats: Vec<Pattern> = words.iter().map(|w| Pattern::new(w)).collect();
        self.match_words(event, &mut pats, true).map(|h| h.matched).unwrap_or_default()
    }
}
