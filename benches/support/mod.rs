//! What the benchmarks share: the corpora they read and how bytes become articles.

#![allow(dead_code)] // each benchmark uses a different part

use std::path::{Path, PathBuf};

use sitrep::corpus::Article;
use sitrep::corpus::parse_file;

pub mod store;
#[path = "../../examples/gen_corpus/synth.rs"]
pub mod synth;

/// The crate directory (benchmarks run from it, but be explicit).
pub fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The scraped pages in `../shared/corpus/wild`, when present.
pub fn wild_dir() -> Option<PathBuf> {
    let d = crate_dir().join("../shared/corpus/wild");
    let d = if d.is_dir() { d } else { PathBuf::from("/work/shared/corpus/wild") };
    d.is_dir().then_some(d)
}

/// The saved web pages in `../shared/corpus/html`, when present.
pub fn html_dir() -> Option<PathBuf> {
    let d = crate_dir().join("../shared/corpus/html");
    let d = if d.is_dir() { d } else { PathBuf::from("/work/shared/corpus/html") };
    d.is_dir().then_some(d)
}

/// The news corpus, when `SITREP_NEWS_DIR` names the folder `../shared/corpus/news/make.sh DIR`
/// built; says so when it is not set.
pub fn news_dir() -> Option<PathBuf> {
    match std::env::var_os("SITREP_NEWS_DIR").map(PathBuf::from) {
        Some(d) if d.is_dir() => Some(d),
        Some(d) => {
            eprintln!("news corpus skipped: SITREP_NEWS_DIR={} is not a folder", d.display());
            None
        }
        None => {
            eprintln!("news corpus skipped: set SITREP_NEWS_DIR to a folder built by ../shared/corpus/news/make.sh");
            None
        }
    }
}

/// Every regular file below `dir`, sorted by path, as `(name, bytes)`.
pub fn read_dir(dir: &Path) -> Vec<(String, Vec<u8>)> {
    list_dir(dir).into_iter().filter_map(|p| read_file(&p)).collect()
}

/// Every regular file below `dir`, sorted by path (as text).
pub fn list_dir(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else { continue };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.is_file() {
                out.push(p);
            }
        }
    }
    out.sort_by_cached_key(|p| p.to_string_lossy().into_owned());
    out
}

/// A file as `(name, bytes)`, if it can be read.
pub fn read_file(p: &Path) -> Option<(String, Vec<u8>)> {
    std::fs::read(p).ok().map(|b| (p.to_string_lossy().into_owned(), b))
}

/// The first `n` articles of the generated corpus (seed 1), in memory.
pub fn generated(n: u64) -> Vec<(String, Vec<u8>)> {
    let t = tables();
    (0..n)
        .map(|i| {
            let g = synth::article(&t, 1, i, n);
            (g.path, g.text.into_bytes())
        })
        .collect()
}

pub fn tables() -> synth::Tables {
    synth::Tables::load(&crate_dir().join("assets/gazetteer"))
}

/// Total size in bytes.
pub fn bytes(files: &[(String, Vec<u8>)]) -> u64 {
    files.iter().map(|(_, b)| b.len() as u64).sum()
}

/// Turn files into articles the way sitrep does: `sitrep::corpus::parse_file` per file
/// (format detection, metadata, debris and captions set apart); files it refuses are skipped.
pub fn load(files: &[(String, Vec<u8>)]) -> Vec<Article> {
    files.iter().filter_map(|(name, b)| parse_file(name, b).ok()).flatten().collect()
}

/// A rayon pool with `threads` threads (0: one per core).
pub fn pool(threads: usize) -> rayon::ThreadPool {
    rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("thread pool")
}

/// `n` synthetic events (seed 1): sentences the generator writes, with their facts. Built in
/// parallel; the same list whatever the thread count.
pub fn facts(n: u64) -> Vec<synth::Fact> {
    use rayon::prelude::*;
    let t = tables();
    (0..n).into_par_iter().map(|i| synth::event_fact(&t, 1, i, n)).collect()
}

/// An event as the event list shows it: date, kind badge, place, killed, injured and text
/// (`2025-06-01  STRK Kramatorsk          12k  5i   Russian forces ...`), text in full.
pub fn list_line(f: &synth::Fact) -> String {
    let date = f.date.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default();
    let badge = f.kind.unwrap_or(synth::Kind::Other).info().badge;
    let place = f.place.as_ref().map(|p| p.name.as_str()).unwrap_or("");
    let k = f.killed.map(|k| format!("{k}k")).unwrap_or_default();
    let i = f.injured.map(|i| format!("{i}i")).unwrap_or_default();
    format!("{date:<10}  {badge} {place:<18} {k:>4} {i:>4} {}", f.text)
}

/// Median and 99th percentile (nearest rank) of some durations, in milliseconds.
pub fn p50_p99(samples: &mut [std::time::Duration]) -> (f64, f64) {
    samples.sort_unstable();
    let at = |q: f64| {
        let i = ((q * samples.len() as f64).ceil() as usize).clamp(1, samples.len()) - 1;
        samples[i].as_secs_f64() * 1e3
    };
    (at(0.5), at(0.99))
}

/// Resident and peak memory of this process in bytes (`VmRSS`, `VmHWM`), 0 where unknown.
pub fn rss() -> (u64, u64) {
    let s = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let get = |key: &str| {
        s.lines()
            .find_map(|l| l.strip_prefix(key))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
            .map_or(0, |kb| kb * 1024)
    };
    (get("VmRSS:"), get("VmHWM:"))
}
