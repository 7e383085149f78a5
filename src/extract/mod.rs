//! Extraction: pure functions from cleaned articles to entities and events.
//! Every result points back to the article and the byte span it came from.

pub mod counts;
pub mod dates;
pub mod entities;
pub mod events;
pub mod fixture;
pub mod fold;
pub mod gazetteer;
pub mod lexicon;
pub mod rules;
pub mod text;
mod types;
pub use types::*;

use rustc_hash::FxHashMap as HashMap;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::corpus::{Article, Span};
use dates::DateExpr;
use entities::{Finder, Found, Key};
use gazetteer::Gazetteer;
use text::Sentence;

/// What one article yields before entities are linked across articles.
#[derive(serde::Serialize, serde::Deserialize)]
struct PerArticle {
    mentions: Vec<Found>,
    /// Mentions in captions: (caption index, mention within the caption text).
    caption_mentions: Vec<(u32, Found)>,
    drafts: Vec<events::Draft>,
}

/// Sentences of an article, never crossing a paragraph, with the paragraph of each.
fn article_sentences(a: &Article) -> (Vec<Sentence>, Vec<usize>) {
    let mut out = Vec::new();
    let mut para = Vec::new();
    for (pi, p) in a.paragraphs.iter().enumerate() {
        let Some(text) = a.body.get(p.body.start..p.body.end) else {
            continue;
        };
        for s in text::sentences(text) {
            out.push(Sentence { start: s.start + p.body.start, end: s.end + p.body.start });
            para.push(pi);
        }
    }
    if a.paragraphs.is_empty() && !a.body.is_empty() {
        for s in text::sentences(&a.body) {
            out.push(s);
            para.push(0);
        }
    }
    (out, para)
}

/// Every date expression of an article, resolved against `anchor`, paragraph by paragraph.
fn article_dates(a: &Article, anchor: Option<NaiveDate>) -> Vec<DateExpr> {
    let mut out = Vec::new();
    for p in &a.paragraphs {
        let Some(text) = a.body.get(p.body.start..p.body.end) else {
            continue;
        };
        for mut d in dates::find_dates(text, anchor) {
            d.start += p.body.start;
            d.end += p.body.start;
            out.push(d);
        }
    }
    out
}

/// The latest date an article states in full (day, month and year).
fn latest_explicit(a: &Article) -> Option<NaiveDate> {
    article_dates(a, None)
        .into_iter()
        .filter(|d| d.value.precision == Precision::Day && d.value.how == Resolution::Explicit)
        .filter_map(|d| d.value.start)
        .max()
}

/// The date an article's relative expressions are resolved against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
enum Anchor {
    /// The article's own: its publication date, or the latest date it states in full.
    Own(NaiveDate),
    /// Borrowed from the corpus: good enough to put a year on "February 1", not to turn
    /// "Thursday" or "overnight" into a day.
    Corpus(NaiveDate),
    None,
}

fn extract_article(a: &Article, anchor: Anchor, gaz: &Gazetteer) -> PerArticle {
    let finder = Finder { gaz, lex: lexicon::get() };
    let (sentences, paragraph_of) = article_sentences(a);
    // One ASCII-lowercased copy and one tokenization of the body, shared by the name
    // finder and the event extractor (same byte offsets as the body).
    let lowered = a.body.to_ascii_lowercase();
    let toks = counts::tokens(&a.body);
    let mentions = finder.find_in(&a.body, &lowered, &toks, &sentences);
    let dates = match anchor {
        Anchor::Own(d) => article_dates(a, Some(d)),
        Anchor::None => article_dates(a, None),
        Anchor::Corpus(d) => {
            let mut ds = article_dates(a, Some(d));
            for x in &mut ds {
                if x.value.how == Resolution::Relative {
                    x.value = DateValue::unknown();
                }
            }
            ds
        }
    };
    let title_dates = match anchor {
        Anchor::Own(d) => dates::find_dates(&a.title, Some(d)),
        _ => Vec::new(),
    };
    let ctx = events::ArticleCtx {
        title: &a.title,
        title_dates: &title_dates,
        body: &a.body,
        lowered: &lowered,
        toks: &toks,
        sentences: &sentences,
        paragraph_of: &paragraph_of,
        mentions: &mentions,
        dates: &dates,
        gaz,
        published: a.published,
    };
    let drafts = events::drafts(&ctx);
    let mut caption_mentions = Vec::new();
    for (ci, c) in a.captions.iter().enumerate() {
        let sentences = text::sentences(&c.text);
        for f in finder.find(&c.text, &sentences) {
            caption_mentions.push((ci as u32, f));
        }
    }
    PerArticle { mentions, caption_mentions, drafts }
}

/// Extract entities and events from a set of articles.
pub fn run(articles: &[Article]) -> Extraction {
    run_with(articles, gazetteer::get())
}

/// Extract, adding one to `done` as each article is finished (for progress reports).
pub fn run_counting(articles: &[Article], done: &std::sync::atomic::AtomicUsize) -> Extraction {
    run_inner(articles, gazetteer::get(), Some(done), Extraction::default(), None).ex
}

/// Extract with a given gazetteer (tests use small ones).
pub fn run_with(articles: &[Article], gaz: &Gazetteer) -> Extraction {
    run_inner(articles, gaz, None, Extraction::default(), None).ex
}

/// Extract, keeping for every event the words behind its facts ([`Extraction::why`]).
pub fn run_explained(articles: &[Article]) -> Extraction {
    run_inner(articles, gazetteer::get(), None, Extraction::explaining(), None).ex
}

/// One article's extraction as a snapshot keeps it, so that an unchanged article is not
/// extracted again: its mentions and drafts before linking (which depend on the article
/// alone and the date it was read against), encoded.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) struct Kept {
    /// The latest date the article states in full, when it has no publication date.
    explicit: Option<NaiveDate>,
    /// The date its relative expressions were resolved against: when the corpus's latest
    /// date moves, an article without dates of its own is extracted again.
    anchor: Anchor,
    /// Its [`PerArticle`], encoded with postcard.
    encoded: Vec<u8>,
}

/// What [`run_keeping`] gives: the extraction, what to keep of every article, and how
/// many articles were extracted (the others reused what was kept).
pub(crate) struct Reused {
    pub ex: Extraction,
    pub kept: Vec<Kept>,
    pub extracted: usize,
}

/// Extract as [`run_counting`] does, reusing `prior(i)`, what was kept of article `i` when
/// it is unchanged since (the caller knows), and keeping every article's for next time.
/// Linking runs over every article as always: the extraction equals [`run`]'s.
pub(crate) fn run_keeping<'k>(
    articles: &[Article],
    prior: &(dyn Fn(usize) -> Option<&'k Kept> + Sync),
    done: &std::sync::atomic::AtomicUsize,
) -> Reused {
    run_inner(articles, gazetteer::get(), Some(done), Extraction::default(), Some(prior))
}

fn run_inner<'k>(
    articles: &[Article],
    gaz: &Gazetteer,
    done: Option<&std::sync::atomic::AtomicUsize>,
    ex: Extraction,
    prior: Option<&(dyn Fn(usize) -> Option<&'k Kept> + Sync)>,
) -> Reused {
    let prior_of = |i: usize| prior.and_then(|p| p(i));
    // Anchor dates: the publication date, else the latest date the article states in full,
    // else the latest date known anywhere in the corpus.
    let explicit: Vec<Option<NaiveDate>> = articles
        .par_iter()
        .enumerate()
        .map(|(i, a)| match (a.published, prior_of(i)) {
            (Some(_), _) => None,
            (None, Some(k)) => k.explicit,
            (None, None) => latest_explicit(a),
        })
        .collect();
    let corpus_latest = articles.iter().filter_map(|a| a.published).chain(explicit.iter().flatten().copied()).max();
    let extracted = std::sync::atomic::AtomicUsize::new(0);
    let extract_one = |i: usize, a: &Article, ex: &Option<NaiveDate>| {
        let anchor = match (a.published.or(*ex), corpus_latest) {
            (Some(d), _) => Anchor::Own(d),
            (None, Some(d)) => Anchor::Corpus(d),
            (None, None) => Anchor::None,
        };
        let reused = prior_of(i)
            .filter(|k| k.anchor == anchor)
            .and_then(|k| postcard::from_bytes::<PerArticle>(&k.encoded).ok().map(|pa| (pa, k.clone())));
        let (out, kept) = match reused {
            Some((pa, k)) => (pa, Some(k)),
            None => {
                extracted.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let pa = extract_article(a, anchor, gaz);
                // an article's mentions and drafts always encode (no maps, no foreign types)
                let kept = prior.map(|_| Kept {
                    explicit: *ex,
                    anchor,
                    encoded: postcard::to_allocvec(&pa).unwrap_or_default(),
                });
                (pa, kept)
            }
        };
        if let Some(d) = done {
            d.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
        (out, kept)
    };

    // Articles are extracted in parallel a batch at a time; then, in article order, their
    // mentions are linked across articles into entities and their drafts become events, so
    // that only one batch's drafts are held at once. Entity ids are given in order of first
    // mention; an event's entities all come from its own article's mentions.
    let mut linker = Linker { ex, ..Linker::default() };
    let mut kept_all = Vec::with_capacity(if prior.is_some() { articles.len() } else { 0 });
    let batches = articles.chunks(BATCH).zip(explicit.chunks(BATCH));
    for (b, (batch, explicit)) in batches.enumerate() {
        let per: Vec<(PerArticle, Option<Kept>)> = batch
            .par_iter()
            .zip(explicit.par_iter())
            .enumerate()
            .map(|(k, (a, e))| extract_one(b * BATCH + k, a, e))
            .collect();
        for (k, (pa, kept)) in per.into_iter().enumerate() {
            let ai = b * BATCH + k;
            linker.link(ai, &articles[ai], pa, gaz);
            kept_all.extend(kept);
        }
    }
    Reused { ex: linker.finish(), kept: kept_all, extracted: extracted.into_inner() }
}

/// Articles extracted in parallel before their results are linked in order: enough to keep
/// both cores busy, few enough that the drafts waiting to be linked stay small.
const BATCH: usize = 512;

/// Links articles' mentions into entities and turns their drafts into events, article by
/// article in order.
#[derive(Default)]
struct Linker {
    ids: HashMap<Key, EntityId>,
    ex: Extraction,
    /// The entity of each mention of the article being linked.
    mention_ids: Vec<EntityId>,
}

impl Linker {
    fn link(&mut self, ai: usize, a: &Article, pa: PerArticle, gaz: &Gazetteer) {
        let Linker { ids, ex, mention_ids } = self;
        let entities = &mut ex.entities;
        mention_ids.clear();
        for f in &pa.mentions {
            let id = entity_id(ids, entities, &f.key, gaz);
            let e = &mut entities[id as usize];
            e.mentions.push(Mention::new(ai as u32, Span::new(f.start, f.end), None));
            if let Key::New(_, _) = f.key {
                let surface = &a.body[f.start..f.end];
                if surface != e.name && !e.aliases.iter().any(|x| x == surface) && surface.contains(' ') {
                    e.aliases.push(surface.to_string());
                }
            }
            mention_ids.push(id);
        }
        for (ci, f) in &pa.caption_mentions {
            let id = entity_id(ids, entities, &f.key, gaz);
            entities[id as usize].mentions.push(Mention::new(ai as u32, Span::new(f.start, f.end), Some(*ci)));
        }
        for d in pa.drafts {
            let place = match (d.place, d.place_known) {
                (Some(m), _) => Some(mention_ids[m]),
                (None, Some(k)) => Some(entity_id(ids, &mut ex.entities, &Key::Known(k), gaz)),
                (None, None) => None,
            };
            // The place as the article names it, unless by a demonym ("Polish airspace").
            let place_at = d
                .place
                .map(|m| Span::new(pa.mentions[m].start, pa.mentions[m].end))
                .filter(|s| gaz.demonym(&a.body[s.start..s.end]).is_none());
            let mut ents: Vec<EntityId> = d.mentions.iter().map(|&m| mention_ids[m]).collect();
            ents.sort_unstable();
            ents.dedup();
            let mut weapons: Vec<String> =
                d.weapons.iter().map(|&m| ex.entities[mention_ids[m] as usize].name.clone()).collect();
            weapons.dedup();
            ex.push_event(NewEvent {
                article: ai as u32,
                kind: d.kind,
                rule: d.rule,
                status: d.status,
                date: d.date,
                place,
                place_at,
                killed: d.killed,
                injured: d.injured,
                drones: d.drones,
                missiles: d.missiles,
                actors: d.actors.iter().map(String::as_str).collect(),
                weapons: weapons.iter().map(String::as_str).collect(),
                claimed_by: d.claimed_by.as_deref(),
                body: Span::new(d.start, d.end),
                entities: ents,
                why: d.why,
            });
        }
    }

    fn finish(mut self) -> Extraction {
        for e in &mut self.ex.entities {
            e.mentions.shrink_to_fit();
        }
        self.ex.shrink_to_fit();
        self.ex
    }
}

/// The entity a mention key refers to, created on first sight. Names found in text are
/// folded (case, accents) so "Erdoğan" and "Erdogan" are one entity.
fn entity_id(ids: &mut HashMap<Key, EntityId>, entities: &mut Vec<Entity>, key: &Key, gaz: &Gazetteer) -> EntityId {
    // A name found by context that the gazetteer knows ("Belgorod Oblast" built from
    // "the Belgorod and Kursk oblasts") is the gazetteer's entity.
    let key = &match key {
        Key::New(k, n) => gaz.lookup(*k, n).map(Key::Known).unwrap_or_else(|| key.clone()),
        k => k.clone(),
    };
    let folded = match key {
        Key::New(k, n) => Key::New(*k, fold::fold(n)),
        k => k.clone(),
    };
    *ids.entry(folded).or_insert_with(|| {
        let id = entities.len() as EntityId;
        entities.push(new_entity(id, key, gaz));
        id
    })
}

fn new_entity(id: EntityId, key: &Key, gaz: &Gazetteer) -> Entity {
    match key {
        Key::Known(k) => {
            let known = &gaz.known[*k as usize];
            let (place_path, lat, lon) = match known.place {
                Some(p) => {
                    let path = gaz.place_path(p).iter().map(|&q| gaz.places[q as usize].name.clone()).collect();
                    let pl = &gaz.places[p as usize];
                    (path, pl.lat, pl.lon)
                }
                None => (Vec::new(), None, None),
            };
            Entity {
                id,
                name: known.name.clone(),
                kind: known.kind,
                aliases: known.aliases.clone(),
                place_path,
                lat,
                lon,
                role: known.role.clone(),
                mentions: Vec::new(),
            }
        }
        Key::New(kind, name) => Entity {
            id,
            name: name.clone(),
            kind: *kind,
            aliases: short_org_name(*kind, name).into_iter().collect(),
            place_path: if *kind == EntityKind::Place { vec![name.clone()] } else { Vec::new() },
            lat: None,
            lon: None,
            role: None,
            mentions: Vec::new(),
        },
    }
}

/// "Rubikon Center for Advanced Unmanned Technologies" is also called "Rubikon Center".
fn short_org_name(kind: EntityKind, name: &str) -> Option<String> {
    if kind != EntityKind::Org {
        return None;
    }
    let (head, _) = name.split_once(" for ")?;
    let lex = lexicon::get();
    let last = head.split_whitespace().last()?.to_lowercase();
    (head.contains(' ') && lex.org_words.contains(&last)).then(|| head.to_string())
}
