//! Merging reports of one happening at scale: `sitrep::merge::merge` on 100k and 1M
//! synthetic events (eight places, eight kinds, a year of days, 50 events per article).
//!
//! `cargo bench --bench merge` (`MERGE_SIZES=100000` and `MERGE_ROUNDS=3` change the sizes
//! and repetitions). Prints the median time per size, the events merged and the clusters.

#[path = "../tests/support/demo.rs"]
mod demo;

use std::time::Instant;

fn env_list(name: &str, default: &[usize]) -> Vec<usize> {
    std::env::var(name)
        .ok()
        .map(|v| v.split(',').filter_map(|s| s.trim().parse().ok()).collect())
        .unwrap_or_else(|| default.to_vec())
}

fn main() {
    // `cargo bench` passes --bench; a filter argument is not used here
    let sizes = env_list("MERGE_SIZES", &[100_000, 1_000_000]);
    let rounds = env_list("MERGE_ROUNDS", &[5])[0].max(1);
    for n in sizes {
        let store = demo::synthetic(n);
        let mut times = Vec::new();
        let mut merged = 0;
        let mut clusters = 0;
        for _ in 0..rounds {
            let t = Instant::now();
            let c = sitrep::merge::merge(store.articles(), store.extraction());
            times.push(t.elapsed());
            merged = c.merged_events();
            let mut ids = c.cluster.clone();
            ids.sort_unstable();
            ids.dedup();
            clusters = ids.len();
        }
        times.sort();
        let median = times[times.len() / 2];
        println!(
            "merge {n:>9} events: median {:>8.1} ms over {rounds} rounds ({merged} events in clusters of 2 or more, {clusters} clusters)",
            median.as_secs_f64() * 1000.0
        );
    }
}
