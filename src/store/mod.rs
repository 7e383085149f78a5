//! The in-memory event store: built once, indexed, queried. No terminal types here.
//!
//! [`Store::build`] takes the loader's articles and the extractor's output and adds indexes by
//! day, kind, place tree, entity, article, claimant and source, plus one ASCII-folded search key
//! per event for fuzzy matching. Event ids are positions in [`Store::events`]; the store keeps
//! ids and byte spans, never copies of article text (beyond the folded search key).
//!
//! Queries ([`query::Query`]) are parsed once and evaluated with [`Store::query`]; the browser
//! runs them on a worker thread through a [`search::Searcher`], which reuses the previous result
//! when a query only narrows and can be cancelled mid-way.

mod bits;
#[cfg(test)]
#[path = "../../tests/support/demo.rs"]
pub(crate) mod demo;
mod eval;
pub mod fuzzy;
mod happenings;
mod keys;
pub mod query;
pub mod search;

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use chrono::NaiveDate;

use crate::corpus::{Article, Span, Span32};
use crate::extract::{Entity, EntityId, Event, EventId, EventKind, Extraction, fold};

pub use query::{Query, QueryError, Sort};
pub use search::{Histogram, SearchOutput, SearchRequest, Searcher, Window};

/// One result of a query: the event and how well the free words matched (0 without free
/// words). Where they matched is worked out for the rows shown: [`Store::match_positions`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub event: EventId,
    pub score: i32,
}

/// What [`Store::memory`] counts, in bytes (inline and heap sizes; allocator overhead and
/// spare capacity left out).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MemoryUse {
    /// Everything the store adds to the extraction: search keys, orders, day, kind, place,
    /// entity, article, claimant and mention indexes.
    pub indexes: usize,
    /// The part of `indexes` that is the fuzzy-search keys (and their layout).
    pub search_keys: usize,
    /// The events: their structs, their actor, weapon and entity lists, the shared names.
    pub events: usize,
    /// The entities with their names, paths and mentions.
    pub entities: usize,
    /// The articles apart from their body text: ids, titles, paragraphs, captions.
    pub articles: usize,
    /// The articles' body text (events and mentions point into it).
    pub article_text: usize,
}

/// The events a query selects, in display order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QueryResult {
    pub hits: Vec<Hit>,
}

/// Loading progress, reported by a loader while the browser already shows its first frame.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Progress {
    /// What is happening: "reading", "extracting", "indexing".
    pub stage: String,
    pub done: usize,
    /// 0 when unknown.
    pub total: usize,
    /// A problem worth telling the user (a file that could not be read), if any.
    pub note: Option<String>,
    /// Not a problem: what the loader says of the load once it is done (that the corpus
    /// came from the snapshot cache, or why the snapshot was rebuilt).
    pub said: Option<String>,
}

impl Progress {
    pub fn new(stage: impl Into<String>, done: usize, total: usize) -> Self {
        Progress { stage: stage.into(), done, total, ..Progress::default() }
    }
    /// A problem to report while loading goes on.
    pub fn note(message: impl Into<String>) -> Self {
        Progress { note: Some(message.into()), ..Progress::default() }
    }
    /// What to say of the load once it is done (the newest one said is shown).
    pub fn said(message: impl Into<String>) -> Self {
        Progress { said: Some(message.into()), ..Progress::default() }
    }
}

/// See [`Store::event_key`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventKey {
    pub article: String,
    pub body: Span,
    pub kind: EventKind,
}

/// A mention of an entity in an article body, ready for highlighting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ArticleMention {
    body: Span32,
    /// Index into [`Store::entities`].
    pub entity: u32,
}

impl ArticleMention {
    /// Byte range in `Article::body`.
    pub fn body(&self) -> Span {
        self.body.get()
    }
}

/// A node of the place tree (`Ukraine > Donetsk Oblast > Kramatorsk Raion > Druzhkivka`).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct PlaceNode {
    pub name: String,
    pub parent: Option<u32>,
    /// Events at this place or anywhere below it, ascending.
    pub events: Vec<EventId>,
}

/// The few facts per event the timeline counts, packed for fast passes over many events.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub(crate) struct Facts {
    /// Days since the store's first day for day-precise events, else `IMPRECISE`/`UNDATED`.
    pub day: u32,
    pub kind: u8,
    pub killed: u32,
    pub injured: u32,
}

pub(crate) const IMPRECISE: u32 = u32::MAX - 1;
pub(crate) const UNDATED: u32 = u32::MAX;

/// An article's folded key for the `source:` and `article:` filters.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) struct ArticleKey {
    key: Box<str>,
    id_start: u32,
    id_end: u32,
}

impl ArticleKey {
    fn new(a: &Article) -> ArticleKey {
        let mut k = String::new();
        for part in [a.source.as_deref(), a.url.as_deref().map(url_domain)].into_iter().flatten() {
            fold::fold_into(part, &mut k);
            k.push('\n');
        }
        fold::fold_into(&a.file, &mut k);
        k.push('\n');
        let id_start = k.len() as u32;
        fold::fold_into(&a.id, &mut k);
        let id_end = k.len() as u32;
        k.push('\n');
        fold::fold_into(&a.file, &mut k);
        k.push('\n');
        fold::fold_into(&a.title, &mut k);
        ArticleKey { key: k.into_boxed_str(), id_start, id_end }
    }
    /// Source, URL domain, file and id, one per line.
    pub(crate) fn source(&self) -> &str {
        &self.key[..self.id_end as usize]
    }
    /// Id, file and title, one per line.
    pub(crate) fn names(&self) -> &str {
        &self.key[self.id_start as usize..]
    }
}

/// Where the parts of an event's search key start, in chars.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
struct KeyLayout {
    place_len: u32,
    text_at: u32,
}

/// Serialized without its articles and extraction, which a snapshot keeps apart (and
/// decodes beside the rest): [`Store::restored`] puts them back.
#[derive(serde::Serialize, serde::Deserialize)]
pub struct Store {
    #[serde(skip)]
    articles: Vec<Article>,
    #[serde(skip)]
    ex: Extraction,
    /// Folded "place kind actors text" per event.
    keys: keys::Keys,
    layout: Vec<KeyLayout>,
    /// By rank in the newest-first order, as the keys.
    facts: Vec<Facts>,
    by_day: BTreeMap<NaiveDate, Vec<EventId>>,
    imprecise: Vec<EventId>,
    undated: Vec<EventId>,
    by_kind: Vec<Vec<EventId>>,
    places: Vec<PlaceNode>,
    by_entity: Vec<Vec<EventId>>,
    by_article: Vec<Vec<EventId>>,
    by_claimant: Vec<(String, Vec<EventId>)>,
    /// Per article, one per line, folded: source, URL domain, file, id, file, title. The
    /// `source:` filter matches `key[..id_end]` (source, domain, file, id), `article:`
    /// matches `key[id_start..]` (id, file, title).
    article_keys: Vec<ArticleKey>,
    /// Folded "name alias alias" per entity, each name on its own line.
    entity_keys: Vec<String>,
    /// Built again from the entities when a snapshot is read (a hash map's order is not
    /// the same from one run to the next).
    #[serde(skip)]
    entity_pos: HashMap<EntityId, u32>,
    /// Body mentions of every article, article after article, each sorted, without overlaps;
    /// article `a`'s are `mentions[mention_at[a]..mention_at[a + 1]]`.
    mentions: Vec<ArticleMention>,
    mention_at: Vec<u32>,
    order_newest: Vec<EventId>,
    order_oldest: Vec<EventId>,
    order_casualties: Vec<EventId>,
    /// Which events report one happening ([`crate::merge`]).
    happenings: happenings::Happenings,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("articles", &self.articles.len())
            .field("events", &self.ex.events.len())
            .field("entities", &self.ex.entities.len())
            .finish()
    }
}

impl Store {
    /// Build the store and its indexes.
    pub fn build(articles: Vec<Article>, extraction: Extraction) -> Store {
        Store::build_with_progress(articles, extraction, &|_| {})
    }

    /// Build, reporting progress (stage "indexing").
    pub fn build_with_progress(mut articles: Vec<Article>, ex: Extraction, progress: &dyn Fn(Progress)) -> Store {
        articles.shrink_to_fit();
        let n = ex.events.len();
        let na = articles.len();
        let ne = ex.entities.len();
        progress(Progress::new("indexing", 0, n));
        // first, while only the articles and the extraction are held: the merge's scratch is
        // freed before the indexes are built, which reuse its memory
        let happenings = {
            let clusters = crate::merge::merge(&articles, &ex);
            happenings::Happenings::new(&clusters, &ex)
        };

        let entity_pos: HashMap<EntityId, u32> =
            ex.entities.iter().enumerate().map(|(i, e)| (e.id, i as u32)).collect();

        let mut by_day: BTreeMap<NaiveDate, Vec<EventId>> = BTreeMap::new();
        let mut imprecise = Vec::new();
        let mut undated = Vec::new();
        let mut by_kind = vec![Vec::new(); EventKind::COUNT];
        let mut by_entity = vec![Vec::new(); ne];
        let mut by_article = vec![Vec::new(); na];
        let mut claimants: HashMap<String, Vec<EventId>> = HashMap::new();
        let mut place_ids: HashMap<Vec<String>, u32> = HashMap::new();
        let mut places: Vec<PlaceNode> = Vec::new();

        for (i, e) in ex.events.iter().enumerate() {
            let id = i as EventId;
            if i % 65536 == 0 && i > 0 {
                progress(Progress::new("indexing", i, n));
            }
            // dates
            match (event_day(e), e.date.start) {
                (Some(d), _) => by_day.entry(d).or_default().push(id),
                (None, Some(_)) => imprecise.push(id),
                (None, None) => undated.push(id),
            }
            by_kind[e.kind.index()].push(id);
            if let Some(a) = by_article.get_mut(e.article as usize) {
                a.push(id);
            }
            let mut ents: Vec<u32> = ex
                .event_entities(e)
                .iter()
                .chain(e.place.iter())
                .filter_map(|eid| entity_pos.get(eid).copied())
                .collect();
            ents.sort_unstable();
            ents.dedup();
            for p in ents {
                by_entity[p as usize].push(id);
            }
            if let Some(c) = ex.claimed_by(e) {
                claimants.entry(fold::fold(c)).or_default().push(id);
            }

            // place tree: outermost first
            let path = ex.place_path(e);
            let mut parent = None;
            for depth in 0..path.len() {
                let key: Vec<String> = path[path.len() - 1 - depth..].iter().rev().cloned().collect();
                let name = &path[path.len() - 1 - depth];
                let node = *place_ids.entry(key).or_insert_with(|| {
                    places.push(PlaceNode { name: name.clone(), parent, events: Vec::new() });
                    (places.len() - 1) as u32
                });
                places[node as usize].events.push(id);
                parent = Some(node);
            }
        }
        drop(place_ids);
        // the lists were grown by doubling: give back the spare room
        let lists = by_kind.iter_mut().chain(&mut by_entity).chain(&mut by_article).chain(by_day.values_mut());
        for v in lists.chain(places.iter_mut().map(|p| &mut p.events)).chain(claimants.values_mut()) {
            v.shrink_to_fit();
        }
        places.shrink_to_fit();

        let mut by_claimant: Vec<(String, Vec<EventId>)> = claimants.into_iter().collect();
        by_claimant.sort_by(|a, b| a.0.cmp(&b.0));

        let article_keys: Vec<ArticleKey> = articles.iter().map(ArticleKey::new).collect();
        let entity_keys = ex
            .entities
            .iter()
            .map(|e| {
                let mut k = fold::fold(&e.name);
                for a in &e.aliases {
                    k.push('\n');
                    fold::fold_into(a, &mut k);
                }
                k
            })
            .collect();

        // body mentions per article, sorted, overlaps dropped (the longer, earlier one wins);
        // caption mentions point into caption text, not the body, and are left out here
        // counted per article, then placed in one vector, then sorted and thinned in place
        let in_body = |m: &&crate::extract::Mention| {
            let b = m.body();
            m.caption().is_none()
                && !b.is_empty()
                && articles.get(m.article as usize).is_some_and(|a| b.end <= a.body.len())
        };
        let mut mention_at = vec![0u32; na + 1];
        for m in ex.entities.iter().flat_map(|e| e.mentions.iter().filter(in_body)) {
            mention_at[m.article as usize + 1] += 1;
        }
        for i in 0..na {
            mention_at[i + 1] += mention_at[i];
        }
        let mut mentions = vec![ArticleMention { body: Span32::default(), entity: 0 }; mention_at[na] as usize];
        let mut next = mention_at.clone();
        for (ei, ent) in ex.entities.iter().enumerate() {
            for m in ent.mentions.iter().filter(in_body) {
                let slot = &mut next[m.article as usize];
                mentions[*slot as usize] = ArticleMention { body: Span32::new(m.body()), entity: ei as u32 };
                *slot += 1;
            }
        }
        drop(next);
        let mut kept = 0;
        for ai in 0..na {
            let (from, to) = (mention_at[ai] as usize, mention_at[ai + 1] as usize);
            mention_at[ai] = kept as u32;
            let list = &mut mentions[from..to];
            list.sort_by_key(|m| (m.body().start, std::cmp::Reverse(m.body().end)));
            let mut end = 0;
            for i in from..to {
                let m = mentions[i];
                if m.body().start >= end {
                    end = m.body().end;
                    mentions[kept] = m;
                    kept += 1;
                }
            }
        }
        mention_at[na] = kept as u32;
        mentions.truncate(kept);
        mentions.shrink_to_fit();

        // orders
        let mut order_newest = Vec::with_capacity(n);
        order_newest.extend((0..n as EventId).filter(|&i| ex.events[i as usize].date.start.is_some()));
        let mut order_oldest = order_newest.clone();
        order_newest.sort_by(|&a, &b| {
            let (da, db) = (ex.events[a as usize].date.start, ex.events[b as usize].date.start);
            db.cmp(&da).then(a.cmp(&b))
        });
        order_oldest.reserve_exact(undated.len());
        order_oldest.sort_by_key(|&a| (ex.events[a as usize].date.start, a));
        order_newest.extend(&undated);
        order_oldest.extend(&undated);
        let rank: Vec<u32> = {
            let mut r = vec![0u32; n];
            for (pos, &e) in order_newest.iter().enumerate() {
                r[e as usize] = pos as u32;
            }
            r
        };
        let mut order_casualties: Vec<EventId> = (0..n as EventId).collect();
        order_casualties.sort_by_key(|&i| {
            let e = &ex.events[i as usize];
            (std::cmp::Reverse(e.killed.unwrap_or(0)), std::cmp::Reverse(e.injured.unwrap_or(0)), rank[i as usize])
        });
        drop(rank);
        // facts in the list's newest-first order: passes over hits in list order read them
        // front to back
        let first_day = by_day.keys().next().copied();
        let facts: Vec<Facts> = order_newest
            .iter()
            .map(|&i| {
                let e = &ex.events[i as usize];
                Facts {
                    day: match (event_day(e), first_day) {
                        (Some(d), Some(f)) => (d - f).num_days() as u32,
                        _ if e.date.start.is_some() => IMPRECISE,
                        _ => UNDATED,
                    },
                    kind: e.kind.index() as u8,
                    killed: e.killed.unwrap_or(0),
                    injured: e.injured.unwrap_or(0),
                }
            })
            .collect();
        progress(Progress::new("indexing", n, n));

        // search keys, written straight into the newest-first order
        let mut layout = vec![KeyLayout::default(); n];
        // about the keys' length: folding keeps most characters' lengths
        let key_bytes: usize = ex
            .events
            .iter()
            .map(|e| {
                let text = articles.get(e.article as usize).map_or(0, |a| e.text(a).len());
                let actors: usize = ex.actors(e).map(|a| a.len() + 1).sum();
                ex.place_name(e).map_or(0, str::len) + e.kind.as_str().len() + actors + text + 2
            })
            .sum();
        let keys = keys::Keys::build(&order_newest, key_bytes, |id, buf| {
            let e = &ex.events[id as usize];
            let start = buf.len();
            let place = ex.place_name(e).unwrap_or("");
            fold::fold_into(place, buf);
            buf.push(' ');
            buf.push_str(e.kind.as_str());
            for a in ex.actors(e) {
                buf.push(' ');
                fold::fold_into(a, buf);
            }
            buf.push(' ');
            let text_at = buf[start..].chars().count() as u32;
            fold::fold_into(articles.get(e.article as usize).map_or("", |a| e.text(a)), buf);
            layout[id as usize] = KeyLayout { place_len: place.chars().count() as u32, text_at };
        });
        crate::give_back_freed();
        Store {
            articles,
            ex,
            keys,
            layout,
            facts,
            by_day,
            imprecise,
            undated,
            by_kind,
            places,
            by_entity,
            by_article,
            by_claimant,
            article_keys,
            entity_keys,
            entity_pos,
            mentions,
            mention_at,
            order_newest,
            order_oldest,
            order_casualties,
            happenings,
        }
    }

    pub fn articles(&self) -> &[Article] {
        &self.articles
    }
    /// A store decoded without its articles and extraction, with them: `None` when they
    /// are not the ones it was built from (not as many).
    pub(crate) fn restored(mut self, articles: Vec<Article>, ex: Extraction) -> Option<Store> {
        let fits = self.by_article.len() == articles.len()
            && self.layout.len() == ex.events.len()
            && self.entity_keys.len() == ex.entities.len();
        self.entity_pos = ex.entities.iter().enumerate().map(|(i, e)| (e.id, i as u32)).collect();
        self.articles = articles;
        self.ex = ex;
        fits.then_some(self)
    }
    pub fn events(&self) -> &[Event] {
        &self.ex.events
    }
    pub fn entities(&self) -> &[Entity] {
        &self.ex.entities
    }
    /// The extraction the store was built from (for the CLI's printers).
    pub fn extraction(&self) -> &Extraction {
        &self.ex
    }
    /// What identifies an event beyond this store (its article's id, its sentence span and its
    /// kind): the same event in a store rebuilt from the same files has the same key.
    pub fn event_key(&self, id: EventId) -> Option<EventKey> {
        let e = self.event(id)?;
        Some(EventKey { article: self.article(e.article)?.id.clone(), body: e.body(), kind: e.kind })
    }

    /// The event with this key, if this store has it.
    pub fn find_event(&self, key: &EventKey) -> Option<EventId> {
        let a = self.find_article(&key.article)?;
        self.events_of_article(a)
            .iter()
            .copied()
            .find(|&id| self.event(id).is_some_and(|e| e.body() == key.body && e.kind == key.kind))
    }

    /// The index of the article with this id.
    pub fn find_article(&self, id: &str) -> Option<u32> {
        self.articles.iter().position(|a| a.id == id).map(|i| i as u32)
    }

    pub fn event(&self, id: EventId) -> Option<&Event> {
        self.ex.events.get(id as usize)
    }
    pub fn article(&self, index: u32) -> Option<&Article> {
        self.articles.get(index as usize)
    }
    /// The entity at a position of [`Store::entities`].
    pub fn entity_at(&self, pos: u32) -> Option<&Entity> {
        self.ex.entities.get(pos as usize)
    }
    /// The position in [`Store::entities`] of the entity with this id.
    pub fn entity_pos(&self, id: EntityId) -> Option<u32> {
        self.entity_pos.get(&id).copied()
    }
    /// The folded search key of an event.
    pub fn search_key(&self, id: EventId) -> &str {
        self.keys.of(id)
    }
    /// The place shown for an event: the name of its place entity.
    pub fn place_label(&self, id: EventId) -> &str {
        self.event(id).and_then(|e| self.ex.place_name(e)).unwrap_or("")
    }
    /// The sentence (or sentences) an event came from: a span of its article's body.
    pub fn event_text(&self, id: EventId) -> &str {
        match self.event(id) {
            Some(e) => self.article(e.article).map_or("", |a| e.text(a)),
            None => "",
        }
    }
    /// Split matched key positions into char positions in [`Store::place_label`] and in
    /// the event's text ([`Store::event_text`]).
    pub fn split_matches(&self, id: EventId, matched: &[u32]) -> (Vec<u32>, Vec<u32>) {
        let Some(l) = self.layout.get(id as usize) else {
            return (Vec::new(), Vec::new());
        };
        let place = matched.iter().copied().filter(|&p| p < l.place_len).collect();
        let text = matched.iter().filter(|&&p| p >= l.text_at).map(|&p| p - l.text_at).collect();
        (place, text)
    }
    /// The single day an event is pinned to; `None` for undated and imprecise events.
    pub fn event_day(&self, id: EventId) -> Option<NaiveDate> {
        self.event(id).and_then(event_day)
    }
    pub(crate) fn facts(&self, id: EventId) -> Facts {
        self.facts_at_rank(self.keys.rank(id))
    }
    /// The facts of the event at a rank of the newest-first order.
    #[inline]
    pub(crate) fn facts_at_rank(&self, rank: usize) -> Facts {
        self.facts.get(rank).copied().unwrap_or(Facts { day: UNDATED, ..Facts::default() })
    }
    /// Events pinned to single days, by day.
    pub fn by_day(&self) -> &BTreeMap<NaiveDate, Vec<EventId>> {
        &self.by_day
    }
    /// The first and last day with a day-precise event.
    pub fn day_range(&self) -> Option<(NaiveDate, NaiveDate)> {
        Some((*self.by_day.keys().next()?, *self.by_day.keys().next_back()?))
    }
    /// Events with a date that is not a single day.
    pub fn imprecise(&self) -> &[EventId] {
        &self.imprecise
    }
    /// Events with no date.
    pub fn undated(&self) -> &[EventId] {
        &self.undated
    }
    pub fn events_of_kind(&self, k: EventKind) -> &[EventId] {
        &self.by_kind[k.index()]
    }
    /// The place tree, parents before children.
    pub fn places(&self) -> &[PlaceNode] {
        &self.places
    }
    /// Events naming the entity at `pos` (its sentences mention it, or it is the place).
    pub fn events_of_entity(&self, pos: u32) -> &[EventId] {
        self.by_entity.get(pos as usize).map(|v| v.as_slice()).unwrap_or(&[])
    }
    /// Events extracted from an article, in reading order.
    pub fn events_of_article(&self, article: u32) -> &[EventId] {
        self.by_article.get(article as usize).map(|v| v.as_slice()).unwrap_or(&[])
    }
    /// Every claimant (folded) with its events.
    pub fn claimants(&self) -> &[(String, Vec<EventId>)] {
        &self.by_claimant
    }
    /// Entity mentions in an article, sorted, without overlaps.
    pub fn mentions_in(&self, article: u32) -> &[ArticleMention] {
        match (self.mention_at.get(article as usize), self.mention_at.get(article as usize + 1)) {
            (Some(&a), Some(&b)) => &self.mentions[a as usize..b as usize],
            _ => &[],
        }
    }
    /// The entities an article names (in [`Store::mentions_in`]) with mention counts, most
    /// mentioned first, then by name. Counted when asked: an article has a few dozen mentions.
    pub fn entities_in(&self, article: u32) -> Vec<(u32, u32)> {
        let mut at: std::collections::HashMap<u32, usize> = std::collections::HashMap::new();
        let mut counts: Vec<(u32, u32)> = Vec::new();
        for m in self.mentions_in(article) {
            let i = *at.entry(m.entity).or_insert_with(|| {
                counts.push((m.entity, 0));
                counts.len() - 1
            });
            counts[i].1 += 1;
        }
        let name = |e: u32| self.ex.entities.get(e as usize).map_or("", |x| x.name.as_str());
        counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| name(a.0).cmp(name(b.0))));
        counts
    }
    /// The articles that name an entity (in the body or a caption), with mention counts,
    /// in article order.
    pub fn articles_naming(&self, pos: u32) -> Vec<(u32, u32)> {
        let Some(ent) = self.entity_at(pos) else {
            return Vec::new();
        };
        let mut counts: BTreeMap<u32, u32> = BTreeMap::new();
        for m in &ent.mentions {
            if (m.article as usize) < self.articles.len() {
                *counts.entry(m.article).or_default() += 1;
            }
        }
        counts.into_iter().collect()
    }
    /// Entities (positions) whose name or an alias matches.
    pub fn find_entities(&self, m: &query::TextMatch) -> Vec<u32> {
        (0..self.entity_keys.len() as u32).filter(|&i| text_match_lines(&self.entity_keys[i as usize], m)).collect()
    }
    /// Parse and run a query (the convenience the CLI uses).
    pub fn query_str(&self, text: &str) -> Result<QueryResult, QueryError> {
        Ok(self.query(&Query::parse(text)?))
    }
    /// Run a parsed query, in the order of its `sort:` term (relevance by default).
    pub fn query(&self, q: &Query) -> QueryResult {
        let sort = q.sort.unwrap_or_default();
        let base = self.base(q, sort);
        let hits = match self.run_query(q, sort, false, &base, &|| false) {
            Some(found) => {
                drop(found.ordered);
                Arc::unwrap_or_clone(found.listed)
            }
            None => Vec::new(),
        };
        QueryResult { hits }
    }
    /// Every report of the happening an event reports (by [`crate::merge`]), ascending; just
    /// the event when no other article reports it.
    pub fn happening(&self, id: EventId) -> &[EventId] {
        match self.happenings.group(id) {
            Some(g) => self.happenings.members(g),
            None => self.ex.events.get(id as usize).map_or(&[], |e| std::slice::from_ref(&e.id)),
        }
    }
    /// The happening's id: its lowest report's (the event's own when it stands alone), as
    /// `sitrep events` prints in `cluster`.
    pub fn cluster(&self, id: EventId) -> EventId {
        self.happening(id).first().copied().unwrap_or(id)
    }
    /// How many articles report the happening an event reports (1 when it stands alone).
    pub fn sources(&self, id: EventId) -> u32 {
        self.happenings.group(id).map_or(1, |g| self.happenings.sources(g))
    }
    /// The report an event was joined to, and the rule that joined them.
    pub fn merge_join(&self, id: EventId) -> Option<(EventId, crate::merge::Rule)> {
        self.happenings.joined(id)
    }
    /// Does another article report the happening this event reports?
    pub fn is_merged(&self, id: EventId) -> bool {
        self.happenings.is_merged(id)
    }
    /// The highest killed and injured counts any report of the event's happening gives.
    pub fn happening_toll(&self, id: EventId) -> (u32, u32) {
        match self.happenings.group(id) {
            Some(g) => self.happenings.toll(g),
            None => self.event(id).map_or((0, 0), |e| (e.killed.unwrap_or(0), e.injured.unwrap_or(0))),
        }
    }
    /// The reports of an event's happening, first report first: by their articles'
    /// publication dates (articles without one last), then in load order.
    pub fn reports_in_order(&self, id: EventId) -> Vec<EventId> {
        let mut v = self.happening(id).to_vec();
        let published = |e: EventId| self.event(e).and_then(|e| self.article(e.article)).and_then(|a| a.published);
        v.sort_by_key(|&e| (published(e).is_none(), published(e), e));
        v
    }
    /// How many happenings have two or more reports.
    pub fn merged_happenings(&self) -> usize {
        self.happenings.len()
    }
    /// How many happenings the events report: each event that no other article reports,
    /// and each group of reports of one happening, once.
    pub fn happenings_total(&self) -> usize {
        self.ex.events.len() - self.happenings.reports() + self.happenings.len()
    }
    /// Bytes the store holds per part (heap and inline sizes, allocator overhead left out):
    /// what the memory budget per event is checked against.
    pub fn memory(&self) -> MemoryUse {
        use std::mem::{size_of, size_of_val};
        fn ids(v: &[EventId]) -> usize {
            size_of_val(v)
        }
        fn vecs<T>(v: &[Vec<T>]) -> usize {
            v.iter().map(|x| size_of::<Vec<T>>() + size_of_val(x.as_slice())).sum()
        }
        fn string(s: &str) -> usize {
            size_of::<String>() + s.len()
        }
        fn strings(v: &[String]) -> usize {
            v.iter().map(|s| string(s)).sum()
        }
        let search_keys = self.keys.bytes() + size_of_val(self.layout.as_slice());
        let indexes = search_keys
            + size_of_val(self.facts.as_slice())
            + self.by_day.values().map(|v| size_of::<Vec<EventId>>() + ids(v) + 16).sum::<usize>()
            + ids(&self.imprecise)
            + ids(&self.undated)
            + vecs(&self.by_kind)
            + self.places.iter().map(|p| size_of::<PlaceNode>() + p.name.len() + ids(&p.events)).sum::<usize>()
            + vecs(&self.by_entity)
            + vecs(&self.by_article)
            + self.by_claimant.iter().map(|(c, v)| string(c) + size_of::<Vec<EventId>>() + ids(v)).sum::<usize>()
            + self.article_keys.iter().map(|k| size_of::<ArticleKey>() + k.key.len()).sum::<usize>()
            + strings(&self.entity_keys)
            + self.entity_pos.len() * 2 * size_of::<(EntityId, u32)>()
            + size_of_val(self.mentions.as_slice())
            + size_of_val(self.mention_at.as_slice())
            + ids(&self.order_newest)
            + ids(&self.order_oldest)
            + ids(&self.order_casualties)
            + self.happenings.bytes();
        let entities = self
            .ex
            .entities
            .iter()
            .map(|e| {
                size_of::<Entity>()
                    + e.name.len()
                    + strings(&e.aliases)
                    + strings(&e.place_path)
                    + e.role.as_deref().map_or(0, str::len)
                    + size_of_val(e.mentions.as_slice())
            })
            .sum();
        let articles = self
            .articles
            .iter()
            .map(|a| {
                size_of::<Article>()
                    + a.id.len()
                    + a.file.len()
                    + a.title.len()
                    + a.source.as_deref().map_or(0, str::len)
                    + a.url.as_deref().map_or(0, str::len)
                    + a.paragraphs.iter().map(|p| size_of_val(p) + size_of_val(p.pieces.as_slice())).sum::<usize>()
                    + a.captions.iter().map(|c| size_of_val(c) + c.text.len()).sum::<usize>()
            })
            .sum();
        let article_text = self.articles.iter().map(|a| a.body.len()).sum();
        MemoryUse { indexes, search_keys, events: self.ex.event_bytes(), entities, articles, article_text }
    }
    /// A short label for an article's source: the source name, else the URL's domain, else the file.
    pub fn source_label(&self, article: u32) -> &str {
        self.article(article).map_or("", source_label)
    }
}

impl crate::merge::Membership for Store {
    fn cluster_of(&self, id: EventId) -> EventId {
        self.cluster(id)
    }
    fn reports_of(&self, id: EventId) -> u32 {
        self.sources(id)
    }
    fn joined_to(&self, id: EventId) -> Option<(EventId, crate::merge::Rule)> {
        self.merge_join(id)
    }
}

/// The match test for folded keys holding one name per line.
fn text_match_lines(key: &str, m: &query::TextMatch) -> bool {
    match m {
        query::TextMatch::Contains(v) => key.contains(v.as_str()),
        query::TextMatch::Exact(v) => key.lines().any(|l| l == v),
    }
}

/// The single day an event is pinned to.
pub fn event_day(e: &Event) -> Option<NaiveDate> {
    query::single_day(e.date.precision, e.date.start, e.date.end)
}

/// Who published an article: its source name, else its URL's domain.
pub fn outlet(a: &Article) -> Option<&str> {
    a.source.as_deref().or(a.url.as_deref().map(url_domain))
}

/// A short label for an article's source: its outlet, else its file.
pub fn source_label(a: &Article) -> &str {
    outlet(a).unwrap_or(&a.file)
}

/// `https://www.understandingwar.org/backgrounder/x` -> `understandingwar.org`.
pub fn url_domain(url: &str) -> &str {
    let rest = url.split_once("://").map(|(_, r)| r).unwrap_or(url);
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    let host = host.rsplit_once('@').map(|(_, h)| h).unwrap_or(host);
    let host = host.split(':').next().unwrap_or(host);
    host.strip_prefix("www.").unwrap_or(host)
}

#[cfg(test)]
mod tests;
