//! A short run of the fuzz harness (`examples/fuzz.rs` runs long ones): mutated articles
//! through loading, extraction, the store and queries, and random queries, with every
//! invariant checked.

#[path = "support/fuzz.rs"]
mod fuzz;

use std::sync::Arc;

#[test]
fn mutated_articles_break_nothing() {
    let mut rng = fuzz::Rng::new(2026);
    let mut tally = fuzz::Tally::default();
    for _ in 0..40 {
        let items: Vec<(String, Vec<u8>)> = (0..50).map(|_| fuzz::mutated(&mut rng)).collect();
        if let Err(e) = fuzz::run_batch(&items, &mut rng, &mut tally) {
            panic!("{e}");
        }
    }
    assert_eq!(tally.inputs, 2000);
    assert!(tally.loaded > 1000 && tally.events > 100, "{tally:?}");
}

#[test]
fn random_queries_break_nothing() {
    let report = sitrep::corpus::load_seeds();
    let ex = sitrep::extract::run(&report.articles);
    let store = Arc::new(sitrep::store::Store::build(report.articles, ex));
    let mut searcher = sitrep::store::Searcher::new(Arc::clone(&store));
    let mut rng = fuzz::Rng::new(7);
    for _ in 0..20_000 {
        let q = fuzz::random_query(&mut rng);
        fuzz::query_once(&store, &mut searcher, &q, &mut rng);
    }
}
