//! The store at scale: build time, query latency per keystroke while a 10-character query is
//! typed (plain fuzzy words and structured filters), and the time to render the whole screen
//! at 120x40, on 10k, 100k and 1M synthetic events.
//!
//! `cargo bench --bench store` (`STORE_SIZES=10000,100000` and `STORE_ROUNDS=5` change the
//! sizes and repetitions).
//!
//! Typing goes through `store::Searcher`, as the browser's worker thread does: each keystroke
//! is a new request, a query that only grows reuses the previous hits, and a prefix that does
//! not parse yet (`place:`) is skipped as the browser skips it. The search starts from the
//! result of the empty query, which the browser has on screen before the first key.

#[path = "../tests/support/harness.rs"]
mod harness;

mod support;

use std::sync::Arc;
use std::time::{Duration, Instant};

use harness::Harness;
use sitrep::store::{Query, SearchRequest, Searcher, Sort, Store};

const PLAIN: [&str; 3] = ["kramatorsk", "glide bomb", "zaporizhzh"];
const FILTERS: [&str; 3] = ["place:kyiv", "killed>=10", "kind:aid g"];

/// Per-keystroke latencies of typing `q` from the empty query, `rounds` times.
fn type_query(store: &Arc<Store>, q: &str, rounds: usize) -> (Vec<Duration>, usize, usize) {
    let mut samples = Vec::new();
    let mut skipped = 0;
    let mut hits = 0;
    for _ in 0..rounds {
        let mut s = Searcher::new(Arc::clone(store));
        let empty = SearchRequest {
            generation: 0,
            query: Query::default(),
            sort: Sort::Relevance,
            window: None,
            ..Default::default()
        };
        let _ = s.search(&empty, &|| false);
        for k in 1..=q.len() {
            let Ok(query) = Query::parse(&q[..k]) else {
                skipped += 1;
                continue;
            };
            let req = SearchRequest {
                generation: k as u64,
                query,
                sort: Sort::Relevance,
                window: None,
                ..Default::default()
            };
            let t = Instant::now();
            let out = s.search(&req, &|| false);
            samples.push(t.elapsed());
            hits = out.map_or(0, |o| o.len());
            if std::env::var("STORE_PER_KEY").is_ok() {
                eprintln!("{:>12} {:>8.2} ms {hits} hits", &q[..k], ms(*samples.last().expect("a sample")));
            }
        }
    }
    (samples, skipped / rounds.max(1), hits)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn render_times(h: &Harness, n: usize) -> (f64, f64) {
    let mut samples: Vec<Duration> = (0..n)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(h.render());
            t.elapsed()
        })
        .collect();
    support::p50_p99(&mut samples)
}

fn main() {
    let quick = !std::env::args().any(|a| a == "--bench");
    let sizes: Vec<u64> = match std::env::var("STORE_SIZES") {
        Ok(v) => v.split(',').filter_map(|s| s.trim().parse().ok()).collect(),
        Err(_) if quick => vec![2_000],
        Err(_) => vec![10_000, 100_000, 1_000_000],
    };
    let rounds: usize =
        std::env::var("STORE_ROUNDS").ok().and_then(|v| v.parse().ok()).unwrap_or(if quick { 1 } else { 5 });
    let threads = rayon::current_num_threads();
    println!("rayon threads: {threads}; {rounds} rounds per query");
    println!();
    println!(
        "| events | build s | RSS after build MB | query | kind | p50 ms/key | p99 ms/key | max ms/key | keys skipped | hits |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|");
    let last = sizes.last().copied();
    for &n in &sizes {
        let facts = support::facts(n);
        let (articles, ex) = support::store::parts(&facts);
        drop(facts);
        let t = Instant::now();
        let store = Store::build(articles, ex);
        let build = t.elapsed();
        let (rss, _) = support::rss();
        let store = Arc::new(store);
        for (kind, qs) in [("plain", PLAIN), ("filter", FILTERS)] {
            for q in qs {
                let (mut samples, skipped, hits) = type_query(&store, q, rounds);
                let max = samples.iter().max().copied().unwrap_or_default();
                let (p50, p99) = support::p50_p99(&mut samples);
                println!(
                    "| {n} | {:.2} | {} | `{q}` | {kind} | {p50:.2} | {p99:.2} | {:.2} | {skipped} | {hits} |",
                    build.as_secs_f64(),
                    rss >> 20,
                    ms(max)
                );
            }
        }
        if Some(n) == last {
            let Ok(store) = Arc::try_unwrap(store) else { continue };
            let mut h = Harness::new(store, 120, 40);
            let (a50, a99) = render_times(&h, 200);
            h.keys("/");
            h.type_text("kramatorsk");
            h.keys("enter");
            let (b50, b99) = render_times(&h, 200);
            h.keys("G");
            let (c50, c99) = render_times(&h, 200);
            println!();
            println!("| frame 120x40, {n} events | p50 ms | p99 ms |");
            println!("|---|---|---|");
            println!("| all events, top of the list | {a50:.3} | {a99:.3} |");
            println!("| query `kramatorsk` | {b50:.3} | {b99:.3} |");
            println!("| query `kramatorsk`, end of the list | {c50:.3} | {c99:.3} |");
            // the map in the reader's place, over every event: drawn from the layer worked
            // out when the results came (counting them is timed apart, once)
            h.keys("X");
            let t = Instant::now();
            h.keys("m");
            let opened = t.elapsed();
            let on_map: u32 = h.model.map.as_ref().map_or(0, |m| m.on_map());
            let (d50, d99) = render_times(&h, 200);
            println!(
                "| map, all events ({on_map} on it; opening it and counting them: {:.1} ms) | {d50:.3} | {d99:.3} |",
                ms(opened)
            );
        }
    }
}
