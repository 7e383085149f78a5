//! What the benchmarks share: the corpora they read and how bytes become articles.

#![allow(dead_code)] // each benchmark uses a different part

use std::path::{Path, PathBuf};

use sitrep::corpus::Article;
use sitrep::extract::fixture::article_from_text;

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

/// Every regular file below `dir`, sorted by path, as `(name, bytes)`.
pub fn read_dir(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else { continue };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if let Ok(b) = std::fs::read(&p) {
                out.push((p.to_string_lossy().into_owned(), b));
            }
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
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

/// Turn files into articles the way sitrep does.
///
/// Until the corpus loader (`sitrep::corpus::parse_file`) is on main this uses the plain-text
/// fixture loader (one paragraph per line), which does less work than the real loader.
pub fn load(files: &[(String, Vec<u8>)]) -> Vec<Article> {
    files.iter().filter_map(|(name, b)| std::str::from_utf8(b).ok().map(|t| article_from_text(name, t, None))).collect()
}

/// A rayon pool with `threads` threads (0: one per core).
pub fn pool(threads: usize) -> rayon::ThreadPool {
    rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("thread pool")
}
