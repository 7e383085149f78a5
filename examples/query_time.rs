//! The sitrep half of the side-by-side with fzf (`scripts/bench/fzf_compare.sh`).
//!
//! `cargo run --release --example query_time -- --events N [--lines FILE] [--rounds R] QUERY...`
//!
//! Builds a store of N synthetic events (the generator's sentences, as in `benches/store.rs`),
//! writes their list lines to FILE when given (date, kind badge, place, killed, injured and
//! text: what the event list shows), then answers each query with `Store::query` (one-shot,
//! as `fzf --filter` does) R times and prints `query<TAB>median ms<TAB>hits` per query. Only
//! the query is timed, not the building.

#[path = "../benches/support/mod.rs"]
mod support;

use std::io::Write;
use std::time::Instant;

use sitrep::store::{Query, Store};

fn main() {
    let mut n: u64 = 1_000_000;
    let mut lines: Option<String> = None;
    let mut rounds = 5usize;
    let mut queries = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--events" => n = args.next().and_then(|v| v.parse().ok()).unwrap_or(n),
            "--lines" => lines = args.next(),
            "--rounds" => rounds = args.next().and_then(|v| v.parse().ok()).unwrap_or(rounds),
            _ => queries.push(a),
        }
    }
    let facts = support::facts(n);
    if let Some(path) = &lines {
        let file = std::fs::File::create(path).unwrap_or_else(|e| {
            eprintln!("query_time: cannot write {path}: {e}");
            std::process::exit(1)
        });
        let mut w = std::io::BufWriter::new(file);
        for f in &facts {
            let _ = writeln!(w, "{}", support::list_line(f));
        }
        let _ = w.flush();
    }
    let (articles, ex) = support::store::parts(&facts);
    drop(facts);
    let store = Store::build(articles, ex);
    for q in &queries {
        let parsed = match Query::parse(q) {
            Ok(p) => p,
            Err(e) => {
                eprintln!("query_time: {q}: {e}");
                continue;
            }
        };
        let mut times = Vec::with_capacity(rounds);
        let mut hits = 0;
        for _ in 0..rounds {
            let t = Instant::now();
            let r = store.query(&parsed);
            times.push(t.elapsed());
            hits = r.hits.len();
        }
        let (p50, _) = support::p50_p99(&mut times);
        println!("{q}\t{p50:.2}\t{hits}");
    }
}
