//! Loads a corpus folder, extracts, builds the store, and reports time and peak memory per stage: the
//! measurement behind the load/extract and memory figures in docs/performance.md.
//!
//! `cargo run --release --example scale_probe -- DIR [--threads N] [--limit FILES]`
//!
//! `--browser` loads as the browser's loader thread does instead (`corpus::load_paths` on
//! rayon's global pool, extraction on a thread of its own, the store built on the calling
//! thread) and reports only the memory per event: more threads, so more malloc arenas.
//!
//! Peak RSS is read from `/proc/self/status` (VmHWM) after each stage. Files are read and parsed
//! a chunk at a time and each chunk's bytes freed once parsed, as `corpus::load_paths` does, so
//! the raw files are never all in memory at once (reading them all first added 32 MB to the
//! peak on 10,000 generated articles and left the heap fragmented after they were freed).

#[path = "../benches/support/mod.rs"]
mod support;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use rayon::prelude::*;

/// Files read before they are parsed (about 3 MB of generated articles).
const FILES_AT_ONCE: usize = 1024;

fn main() {
    let mut dir: Option<PathBuf> = None;
    let mut threads = 0usize;
    let mut limit = usize::MAX;
    let mut browser = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--threads" => threads = args.next().and_then(|v| v.parse().ok()).unwrap_or(0),
            "--limit" => limit = args.next().and_then(|v| v.parse().ok()).unwrap_or(usize::MAX),
            "--browser" => browser = true,
            _ => dir = Some(PathBuf::from(a)),
        }
    }
    let Some(dir) = dir else {
        eprintln!("usage: scale_probe DIR [--threads N] [--limit FILES] [--browser]");
        std::process::exit(2);
    };
    let base = support::rss().1;
    if browser {
        as_browser(dir, base);
        return;
    }
    let pool = support::pool(threads);
    pool.install(|| {
        let mut paths = support::list_dir(&dir);
        paths.truncate(limit);
        let nfiles = paths.len();
        let (mut bytes, mut t_read, mut t_load) = (0, Duration::ZERO, Duration::ZERO);
        let mut articles = Vec::new();
        for chunk in paths.chunks(FILES_AT_ONCE) {
            let t0 = Instant::now();
            let files: Vec<_> = chunk.iter().filter_map(|p| support::read_file(p)).collect();
            t_read += t0.elapsed();
            bytes += support::bytes(&files);
            let t1 = Instant::now();
            articles.par_extend(files.par_chunks(16).flat_map_iter(support::load));
            t_load += t1.elapsed();
        }
        let text: usize = articles.iter().map(|a| a.body.len()).sum();
        let hwm_load = support::rss().1;
        let t2 = Instant::now();
        let ex = sitrep::extract::run(&articles);
        let t_extract = t2.elapsed();
        let hwm_extract = support::rss().1;
        let n_events = ex.events.len();
        let n_entities = ex.entities.len();
        let n_articles = articles.len();
        let t3 = Instant::now();
        let store = sitrep::store::Store::build(articles, ex);
        let t_store = t3.elapsed();
        let (rss_store, hwm_store) = support::rss();
        let events = n_events.max(1);
        let mb = bytes as f64 / 1e6;
        println!("threads          {}", rayon::current_num_threads());
        println!(
            "files            {nfiles} ({mb:.1} MB), articles {n_articles}, body text {:.1} MB",
            text as f64 / 1e6
        );
        println!("read             {:.3} s", t_read.as_secs_f64());
        println!("load             {:.3} s  {:.1} MB/s", t_load.as_secs_f64(), mb / t_load.as_secs_f64());
        println!("extract          {:.3} s  {:.1} MB/s", t_extract.as_secs_f64(), mb / t_extract.as_secs_f64());
        println!("load+extract     {:.1} MB/s", mb / (t_load + t_extract).as_secs_f64());
        println!("events           {n_events}  entities {n_entities}");
        println!("store build      {:.3} s", t_store.as_secs_f64());
        println!(
            "sizes            Event {} B, Entity {} B, Mention {} B, Article {} B, Paragraph {} B",
            size_of::<sitrep::extract::Event>(),
            size_of::<sitrep::extract::Entity>(),
            size_of::<sitrep::extract::Mention>(),
            size_of::<sitrep::corpus::Article>(),
            size_of::<sitrep::corpus::Paragraph>()
        );
        println!(
            "peak RSS         start {} MB, after load {} MB, after extract {} MB, after store build {} MB; resident at the end {} MB",
            base >> 20,
            hwm_load >> 20,
            hwm_extract >> 20,
            hwm_store >> 20,
            rss_store >> 20
        );
        per_event(base, hwm_store, rss_store, text, events);
        drop(store);
    });
}

/// Load, extract and index as `tui::app::corpus_loader` does, and report the memory per event.
fn as_browser(dir: PathBuf, base: u64) {
    let t = Instant::now();
    let report = sitrep::corpus::load_paths(&[dir]);
    let done = std::sync::atomic::AtomicUsize::new(0);
    let ex = std::thread::scope(|scope| {
        let worker = scope.spawn(|| sitrep::extract::run_counting(&report.articles, &done));
        worker.join().expect("extraction")
    });
    let store = sitrep::store::Store::build_with_progress(report.articles, ex, &|_| {});
    let events = store.events().len().max(1);
    let text: usize = store.articles().iter().map(|a| a.body.len()).sum();
    let (rss, hwm) = support::rss();
    println!("threads          {} in rayon's pool, plus the extraction thread", rayon::current_num_threads());
    println!(
        "articles         {}, events {events}, body text {:.1} MB, {:.1} s",
        store.articles().len(),
        text as f64 / 1e6,
        t.elapsed().as_secs_f64()
    );
    println!("peak RSS         {} MB; resident at the end {} MB", hwm >> 20, rss >> 20);
    per_event(base, hwm, rss, text, events);
    drop(store);
}

/// The memory per event beyond the process's start (`base`) and the article text, at the
/// peak and resident (all in bytes).
fn per_event(base: u64, hwm: u64, rss: u64, text: usize, events: usize) {
    let beyond = |b: u64| b.saturating_sub(base).saturating_sub(text as u64) as f64 / events as f64;
    println!("peak RSS / event {:.0} B beyond the start and the article text", beyond(hwm));
    println!("resident / event {:.0} B beyond the start and the article text, store built", beyond(rss));
}
