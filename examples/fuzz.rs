//! In-process fuzzing on stable Rust: mutated real-looking articles through loading,
//! extraction, the store and random queries, with every invariant checked (no panic, spans
//! inside the file on UTF-8 boundaries, event text equal to the file's bytes at its span), and
//! random queries through the parser and the incremental search.
//!
//!   cargo run --release --example fuzz -- [--inputs N] [--queries M] [--seed S] [--batch B]
//!
//! On a failure the batch is saved under $TMPDIR/sitrep-fuzz-SEED/ and the run stops with
//! status 1. `tests/fuzz_smoke.rs` runs a few thousand of each in `cargo test`.

#[path = "../tests/support/fuzz.rs"]
mod fuzz;

use std::sync::Arc;
use std::time::Instant;

use fuzz::{Rng, Tally};

fn arg(name: &str, default: u64) -> u64 {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .map(|v| v.replace('_', "").parse().unwrap_or_else(|_| panic!("{name} takes a number")))
        .unwrap_or(default)
}

fn main() {
    let inputs = arg("--inputs", 100_000);
    let queries = arg("--queries", 100_000);
    let seed = arg("--seed", 1);
    let batch = arg("--batch", 50).max(1);
    // Panics are caught and reported below, not printed by the hook for each.
    std::panic::set_hook(Box::new(|_| {}));
    let mut rng = Rng::new(seed);
    let mut tally = Tally::default();
    let started = Instant::now();
    let mut done = 0;
    while done < inputs {
        let n = batch.min(inputs - done);
        let items: Vec<(String, Vec<u8>)> = (0..n).map(|_| fuzz::mutated(&mut rng)).collect();
        let mut brng = Rng::new(rng.next());
        let res = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let mut t = Tally::default();
            fuzz::run_batch(&items, &mut brng, &mut t).map(|()| t)
        }));
        match res {
            Ok(Ok(t)) => {
                tally.inputs += t.inputs;
                tally.loaded += t.loaded;
                tally.articles += t.articles;
                tally.events += t.events;
                tally.queries += t.queries;
            }
            Ok(Err(e)) => fail(seed, &items, &format!("broken invariant: {e}")),
            Err(p) => fail(seed, &items, &format!("panic: {}", panic_text(&p))),
        }
        done += n;
        if done % 100_000 < batch {
            eprintln!("{done} inputs, {:.0} s", started.elapsed().as_secs_f64());
        }
    }
    let articles_time = started.elapsed();
    // Queries over the seeds' store.
    let report = sitrep::corpus::load_seeds();
    let ex = sitrep::extract::run(&report.articles);
    let store = Arc::new(sitrep::store::Store::build(report.articles, ex));
    let mut searcher = sitrep::store::Searcher::new(Arc::clone(&store));
    let started = Instant::now();
    for i in 0..queries {
        let q = fuzz::random_query(&mut rng);
        let res = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            fuzz::query_once(&store, &mut searcher, &q, &mut rng)
        }));
        if let Err(p) = res {
            eprintln!("query {i} {q:?}: panic: {}", panic_text(&p));
            std::process::exit(1);
        }
    }
    println!(
        "seed {seed}: {} inputs ({} loaded, {} articles, {} events, {} queries on them) in {:.1} s; {queries} queries on the seeds in {:.1} s; no panic, no broken invariant",
        tally.inputs,
        tally.loaded,
        tally.articles,
        tally.events,
        tally.queries,
        articles_time.as_secs_f64(),
        started.elapsed().as_secs_f64()
    );
}

fn panic_text(p: &Box<dyn std::any::Any + Send>) -> String {
    p.downcast_ref::<String>().cloned().or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string())).unwrap_or_default()
}

fn fail(seed: u64, items: &[(String, Vec<u8>)], what: &str) -> ! {
    let dir = std::env::temp_dir().join(format!("sitrep-fuzz-{seed}"));
    let _ = std::fs::create_dir_all(&dir);
    for (k, (name, bytes)) in items.iter().enumerate() {
        let file = name.replace('/', "_");
        let _ = std::fs::write(dir.join(format!("{k:03}-{file}")), bytes);
    }
    eprintln!("{what}\nthe batch is in {}", dir.display());
    std::process::exit(1);
}
