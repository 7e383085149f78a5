//! Load + extract throughput in MB/s, on the seeds, on the scraped pages in
//! `../shared/corpus/wild` (when present), on a generated corpus and on the news corpus (when
//! `SITREP_NEWS_DIR` names the folder `../shared/corpus/news/make.sh DIR` built), with one
//! thread and with one thread per core.
//!
//! `cargo bench --bench extract`, `SITREP_NEWS_DIR=DIR cargo bench --bench extract`; the
//! saved web pages of `../shared/corpus/html` are loaded alone too (`load_pages`, pages per
//! second).

mod support;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

use rayon::prelude::*;
use sitrep::extract;

fn load_extract(files: &[(String, Vec<u8>)]) -> usize {
    // Loading is per file and independent, so it runs on the pool too.
    let articles: Vec<_> = files.par_chunks(64).flat_map_iter(support::load).collect();
    extract::run(&articles).events.len()
}

fn bench(c: &mut Criterion) {
    let mut inputs = vec![("seeds", support::read_dir(&support::crate_dir().join("seeds")))];
    if let Some(w) = support::wild_dir() {
        inputs.push(("wild", support::read_dir(&w)));
    }
    inputs.push(("generated-2k", support::generated(2000)));
    if let Some(n) = support::news_dir() {
        inputs.push(("news", support::read_dir(&n)));
    }
    // Build the extractor's tables before timing.
    black_box(load_extract(&inputs[0].1));

    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    let mut g = c.benchmark_group("load_extract");
    g.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(8));
    for (name, files) in &inputs {
        g.throughput(Throughput::Bytes(support::bytes(files)));
        for threads in [1, cores] {
            let pool = support::pool(threads);
            g.bench_function(format!("{name}/{threads}t"), |b| {
                b.iter(|| pool.install(|| load_extract(black_box(files))))
            });
        }
    }
    g.finish();

    // Saved web pages: loading alone (main content, metadata, the text pipeline), in pages
    // per second on one core (issue 10: at least 100).
    if let Some(dir) = support::html_dir() {
        let pages = support::read_dir(&dir);
        let mut g = c.benchmark_group("load_pages");
        g.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(5));
        g.throughput(Throughput::Elements(pages.len() as u64));
        let pool = support::pool(1);
        g.bench_function("html/1t", |b| b.iter(|| pool.install(|| support::load(black_box(&pages)).len())));
        g.finish();
    } else {
        eprintln!("saved pages skipped: ../shared/corpus/html not found");
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
