//! Synthetic stores for the query and render benchmarks: events built straight from the
//! generator's sentences (no extraction), ten to an article, places with their gazetteer
//! parents, one place entity per distinct place.

use std::collections::HashMap;

use chrono::Datelike;
use rayon::prelude::*;

use sitrep::corpus::{Article, DateSource, Paragraph, Piece, Span};
use sitrep::extract::{DateValue, Entity, EntityKind, EventKind, Extraction, NewEvent, Precision, Resolution, Status};
use sitrep::store::Store;

use super::synth::Fact;

/// Articles and extraction for `facts`, as the loader and extractor would hand them over.
/// One place entity per distinct place path of `facts`, and the id of each path.
pub fn place_entities(facts: &[Fact]) -> (HashMap<&[String], u32>, Vec<Entity>) {
    let mut places: HashMap<&[String], u32> = HashMap::new();
    let mut entities: Vec<Entity> = Vec::new();
    for p in facts.iter().filter_map(|f| f.place.as_ref()) {
        places.entry(p.path.as_slice()).or_insert_with(|| {
            let id = entities.len() as u32;
            // coordinates as the extractor gives them: the gazetteer's place of the name
            let gaz = sitrep::extract::gazetteer::get();
            let at = gaz.lookup(EntityKind::Place, &p.name).and_then(|k| gaz.place(k)).and_then(|g| g.lat.zip(g.lon));
            entities.push(Entity {
                id,
                name: p.name.clone(),
                kind: EntityKind::Place,
                aliases: Vec::new(),
                place_path: p.path.clone(),
                lat: at.map(|a| a.0),
                lon: at.map(|a| a.1),
                role: None,
                mentions: Vec::new(),
            });
            id
        });
    }
    (places, entities)
}

pub fn parts(facts: &[Fact]) -> (Vec<Article>, Extraction) {
    const PER: usize = 10;
    let (places, entities) = place_entities(facts);
    // articles in parallel, then the events (which intern their names) in order
    let articles: Vec<Article> = facts
        .par_chunks(PER)
        .enumerate()
        .map(|(ai, chunk)| {
            let mut body = String::with_capacity(chunk.iter().map(|f| f.text.len() + 1).sum());
            for f in chunk {
                if !body.is_empty() {
                    body.push(' ');
                }
                body.push_str(&f.text);
            }
            let len = body.len();
            Article {
                id: format!("synthetic/{ai:07}.txt#0"),
                file: format!("synthetic/{ai:07}.txt"),
                index: 0,
                title: format!("Synthetic report {ai}"),
                published: chunk.iter().find_map(|f| f.date),
                published_from: DateSource::Header,
                source: Some(["Reuters", "ISW", "Kyiv Independent", "AP"][ai % 4].to_string()),
                url: None,
                body,
                paragraphs: vec![Paragraph {
                    span: Span::new(0, len),
                    body: Span::new(0, len),
                    pieces: vec![Piece { body: 0, file: 0, len }],
                }],
                captions: Vec::new(),
                extra: None,
            }
        })
        .collect();
    let mut ex = Extraction::new(entities);
    ex.reserve(facts.len(), 2 * facts.len());
    let mut start = 0;
    for (i, f) in facts.iter().enumerate() {
        if i % PER == 0 {
            start = 0;
        } else {
            start += 1;
        }
        let span = Span::new(start, start + f.text.len());
        start = span.end;
        // one event in twenty has no date, one in twenty only a month
        let date = match (i % 20, f.date) {
            (0, _) | (_, None) => DateValue::unknown(),
            (1, Some(d)) => {
                DateValue { start: d.with_day(1), end: Some(d), precision: Precision::Month, how: Resolution::Explicit }
            }
            (_, Some(d)) => DateValue::day(d, Resolution::Explicit),
        };
        let place = f.place.as_ref().map(|p| places[p.path.as_slice()]);
        ex.push_event(NewEvent {
            article: (i / PER) as u32,
            kind: f.kind.unwrap_or(EventKind::Other),
            date,
            place,
            actors: f.actor.into_iter().collect(),
            killed: f.killed,
            injured: f.injured,
            drones: f.drones,
            missiles: f.missiles,
            claimed_by: (i % 7 == 0).then_some("Ukrainian officials"),
            status: if i % 11 == 0 { Status::Claimed } else { Status::Reported },
            body: span,
            entities: place.into_iter().collect(),
            ..NewEvent::default()
        });
    }
    (articles, ex)
}

/// A store of `n` synthetic events.
pub fn synthetic(n: u64) -> Store {
    let (a, ex) = parts(&super::facts(n));
    Store::build(a, ex)
}
