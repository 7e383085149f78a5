//! Keystroke latency of the store's incremental search, as the browser sees it: each prefix
//! of a query is parsed and handed to one [`Searcher`] (as the search worker does), then the
//! matched positions of the rows on screen are worked out (as the list pane does). Prints
//! p50, p99 and max per keystroke for each query, and the store's index memory per event.
//!
//! `cargo run --release --example search_probe -- [--events N] [--corpus gen|synthetic]
//!  [--rounds R] [--rows 50] [--query TEXT]... [--verbose] [--scan] [--e2e] [--reports]`
//!
//! `--reports` lists a row per report instead of one per happening (as before issue 12).
//! `--scan` times the matcher alone (one thread, every key, ns per key); `--e2e` times the
//! whole browser per key (the test harness: keymap, update, search, a 120x40 frame).
//!
//! `gen` builds events from the corpus generator's sentences (realistic places, actors and
//! sentence templates); `synthetic` is `store::demo::synthetic`. A keystroke whose prefix does
//! not parse (`kind:` before a value) costs only the parse: the browser keeps the last list.

#[path = "../tests/support/demo.rs"]
mod demo;
#[path = "../tests/support/harness.rs"]
mod harness;

#[path = "../benches/support/mod.rs"]
mod support;

use std::sync::Arc;
use std::time::{Duration, Instant};

use sitrep::corpus::Article;
use sitrep::extract::{DateValue, EventKind, Extraction, NewEvent, Resolution, Status};
use sitrep::store::{Query, SearchRequest, Searcher, Sort, Store};

const QUERIES: [&str; 6] =
    ["druzhkivka", "energy fac", "kind:strike place:donetsk killed>0", "zaporizhzh", "kharkiv dr", "e"];

/// A store of `n` events from the corpus generator's sentences, 50 events per article, one
/// place entity per distinct place.
fn generated_store(n: usize) -> Store {
    let facts = support::facts(n as u64);
    let n_articles = n / 50 + 1;
    let mut articles: Vec<Article> =
        (0..n_articles).map(|i| demo::placeholder_article("gen", "Generated report", i)).collect();
    let (places, entities) = support::store::place_entities(&facts);
    let mut ex = Extraction::new(entities);
    ex.reserve(n, n);
    for (i, f) in facts.iter().enumerate() {
        let article = (i / 50) as u32;
        let body = demo::push_sentence(&mut articles[article as usize], &f.text);
        ex.push_event(NewEvent {
            article,
            kind: f.kind.unwrap_or(EventKind::Other),
            date: match f.date {
                Some(d) => DateValue::day(d, Resolution::Explicit),
                None => DateValue::unknown(),
            },
            place: f.place.as_ref().map(|p| places[p.path.as_slice()]),
            actors: f.actor.into_iter().collect(),
            killed: f.killed,
            injured: f.injured,
            drones: f.drones,
            missiles: f.missiles,
            status: Status::Reported,
            body,
            ..NewEvent::default()
        });
    }
    drop(places);
    for a in &mut articles {
        a.body.shrink_to_fit();
    }
    Store::build(articles, ex)
}

/// CPU time of every thread of the process so far (from /proc/self/task/*/schedstat), in
/// ns: less disturbed than wall time when other work shares the cores.
fn cpu_ns() -> u64 {
    let Ok(tasks) = std::fs::read_dir("/proc/self/task") else {
        return 0;
    };
    tasks
        .flatten()
        .filter_map(|t| std::fs::read_to_string(t.path().join("schedstat")).ok())
        .filter_map(|s| s.split_whitespace().next().and_then(|v| v.parse::<u64>().ok()))
        .sum()
}

/// The matcher alone, on one thread: every prefix of each query against every key, the
/// best of 3 passes, in ns per key.
fn scan_only(store: &Store, queries: &[String]) {
    use sitrep::store::fuzzy::Pattern;
    let n = store.events().len() as u32;
    let keys: Vec<&str> = (0..n).map(|i| store.search_key(i)).collect();
    println!("| prefix | matches | ns/key |");
    println!("|---|---|---|");
    let mut total = 0.0;
    let mut count = 0;
    for q in queries.iter().filter(|q| !q.contains(':') && !q.contains(' ')) {
        for end in q.char_indices().map(|(i, c)| i + c.len_utf8()) {
            let p = Pattern::new(&q[..end]);
            let mut best = f64::MAX;
            let mut hits = 0;
            for _ in 0..3 {
                let t = Instant::now();
                let mut scratch = sitrep::store::fuzzy::Scratch::default();
                hits = keys.iter().filter(|k| p.score_in(k, &mut scratch).is_some()).count();
                best = best.min(t.elapsed().as_secs_f64() * 1e9 / n as f64);
            }
            total += best;
            count += 1;
            println!("| `{}` | {hits} | {best:.0} |", &q[..end]);
        }
    }
    println!("| mean | | {:.0} |", total / count.max(1) as f64);
}

/// The whole browser, synchronously (`tui::testing::Harness`: keys through the keymap and
/// `update`, the search inline, then a 120x40 frame rendered): `/`, the query typed one key
/// at a time, each key timed up to its frame; then `ctrl-u` and `esc` (not timed).
fn end_to_end(store: Store, queries: &[String], rounds: usize) {
    let n = store.events().len();
    let mut hs = harness::Harness::new(store, 120, 40);
    println!("| events | query (end to end) | keys | p50 ms/key | p99 ms/key | max ms/key |");
    println!("|---|---|---|---|---|---|");
    let mut all = Vec::new();
    for q in queries {
        let mut samples = Vec::new();
        for _ in 0..rounds {
            hs.key("/");
            for ch in q.chars() {
                let t = Instant::now();
                hs.type_text(&ch.to_string());
                std::hint::black_box(hs.render());
                samples.push(t.elapsed());
            }
            hs.key("ctrl-u");
            hs.key("esc");
        }
        all.extend(&samples);
        let max = samples.iter().max().copied().unwrap_or_default();
        let (p50, p99) = support::p50_p99(&mut samples);
        println!("| {n} | `{q}` | {} | {p50:.2} | {p99:.2} | {:.2} |", q.chars().count(), ms(max));
    }
    let max = all.iter().max().copied().unwrap_or_default();
    let (p50, p99) = support::p50_p99(&mut all);
    println!("| {n} | all | {} | {p50:.2} | {p99:.2} | {:.2} |", all.len(), ms(max));
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn main() {
    let mut n = 100_000usize;
    let mut corpus = "gen".to_string();
    let mut rounds = 5usize;
    let mut rows = 50usize;
    let mut queries: Vec<String> = Vec::new();
    let mut verbose = false;
    let mut scan = false;
    let mut e2e = false;
    let mut reports = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--events" => n = args.next().and_then(|v| v.replace('_', "").parse().ok()).unwrap_or(n),
            "--corpus" => corpus = args.next().unwrap_or(corpus),
            "--rounds" => rounds = args.next().and_then(|v| v.parse().ok()).unwrap_or(rounds),
            "--rows" => rows = args.next().and_then(|v| v.parse().ok()).unwrap_or(rows),
            "--query" => queries.extend(args.next()),
            "--verbose" => verbose = true,
            "--scan" => scan = true,
            "--e2e" => e2e = true,
            "--reports" => reports = true,
            "--bench" => {}
            other => {
                eprintln!("unknown argument {other}");
                std::process::exit(2);
            }
        }
    }
    if queries.is_empty() {
        queries = QUERIES.iter().map(|s| s.to_string()).collect();
    }

    let rss0 = support::rss().0;
    let t0 = Instant::now();
    let store = Arc::new(match corpus.as_str() {
        "synthetic" => demo::synthetic(n),
        _ => generated_store(n),
    });
    let rss1 = support::rss().0;
    let text: usize = (0..n as u32).map(|i| store.event_text(i).len()).sum();
    let keys: usize = (0..n as u32).map(|i| store.search_key(i).len()).sum();
    eprintln!(
        "{} events ({corpus}), built in {:.1} s, event text {:.0} B/event, search key {:.0} B/event, RSS +{} MB",
        store.events().len(),
        t0.elapsed().as_secs_f64(),
        text as f64 / n as f64,
        keys as f64 / n as f64,
        rss1.saturating_sub(rss0) >> 20
    );
    let mem = store.memory();
    println!(
        "store memory per event: {:.0} B of indexes (search keys {:.0} B of that); events {:.0} B; article text {:.0} B",
        mem.indexes as f64 / n as f64,
        mem.search_keys as f64 / n as f64,
        mem.events as f64 / n as f64,
        mem.article_text as f64 / n as f64
    );
    if scan {
        scan_only(&store, &queries);
        return;
    }
    if e2e {
        let Ok(store) = Arc::try_unwrap(store) else {
            return;
        };
        end_to_end(store, &queries, rounds);
        return;
    }
    println!("threads {}", rayon::current_num_threads());
    println!("| events | query | keys | p50 ms/key | p99 ms/key | max ms/key | cpu ms/key | hits at the end |");
    println!("|---|---|---|---|---|---|---|---|");
    let mut all_cpu = 0u64;
    let mut all: Vec<Duration> = Vec::new();
    for q in &queries {
        let mut samples: Vec<Duration> = Vec::new();
        let mut final_hits = 0;
        let mut per_key: Vec<Vec<Duration>> = Vec::new();
        let mut per_key_hits: Vec<usize> = Vec::new();
        let cpu0 = cpu_ns();
        for _ in 0..rounds {
            // a fresh worker per round: the first key is a search from scratch
            let mut searcher = Searcher::new(Arc::clone(&store));
            let mut shown: Option<sitrep::store::SearchOutput> = None;
            for (k, end) in q.char_indices().map(|(i, c)| i + c.len_utf8()).enumerate() {
                let t = Instant::now();
                if let Ok(mut query) = Query::parse(&q[..end]) {
                    query.sort = None;
                    let req = SearchRequest {
                        generation: k as u64 + 1,
                        query,
                        sort: Sort::Relevance,
                        window: None,
                        // one row per happening, as the browser lists them
                        happenings: !reports,
                        ..Default::default()
                    };
                    if let Some(out) = searcher.search(&req, &|| false) {
                        // the list pane: positions for the rows on screen
                        for r in 0..rows.min(out.len()) {
                            if let Some(h) = out.get(r) {
                                std::hint::black_box(store.match_positions(h.event, &req.query.words));
                            }
                        }
                        shown = Some(out);
                    }
                }
                let d = t.elapsed();
                samples.push(d);
                if per_key_hits.len() <= k {
                    per_key_hits.push(shown.as_ref().map_or(0, |o| o.len()));
                }
                if per_key.len() <= k {
                    per_key.push(Vec::new());
                }
                per_key[k].push(d);
            }
            final_hits = shown.map(|o| o.len()).unwrap_or(0);
        }
        let cpu = cpu_ns() - cpu0;
        all_cpu += cpu;
        if verbose {
            for (k, v) in per_key.iter_mut().enumerate() {
                v.sort_unstable();
                let end = q.char_indices().nth(k).map(|(i, c)| i + c.len_utf8()).unwrap_or(q.len());
                let h = per_key_hits[k];
                eprintln!("  {:>3} {:<40} median {:>8.2} ms  hits {h:>8}", k + 1, &q[..end], ms(v[v.len() / 2]));
            }
        }
        all.extend(&samples);
        let max = samples.iter().max().copied().unwrap_or_default();
        let (p50, p99) = support::p50_p99(&mut samples);
        println!(
            "| {} | `{q}` | {} | {p50:.2} | {p99:.2} | {:.2} | {:.2} | {final_hits} |",
            store.events().len(),
            q.chars().count(),
            ms(max),
            cpu as f64 / 1e6 / samples.len() as f64
        );
    }
    let max = all.iter().max().copied().unwrap_or_default();
    let (p50, p99) = support::p50_p99(&mut all);
    println!(
        "| {} | all | {} | {p50:.2} | {p99:.2} | {:.2} | {:.2} | |",
        store.events().len(),
        all.len(),
        ms(max),
        all_cpu as f64 / 1e6 / all.len() as f64
    );
}
