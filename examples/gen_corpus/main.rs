//! Writes a deterministic synthetic corpus of war reporting in every input format sitrep
//! reads, for scale tests and benchmarks.
//!
//! `cargo run --release --example gen_corpus -- --articles N --seed S --out DIR`
//!
//! Article `i` depends only on the seed and `i`, so the same command writes the same bytes
//! on any machine and with any number of threads, and a smaller corpus is a prefix of a
//! larger one. Files go to `DIR/000/000000_headline-slug.txt` and so on (1,000 per folder).
//! The sentences are built from the gazetteer in `assets/gazetteer/` (read at run time).
//! 100,000 articles make about 300 MB.

mod synth;

use std::path::PathBuf;
use std::time::Instant;

use rayon::prelude::*;

fn usage() -> ! {
    eprintln!("usage: gen_corpus --articles N [--seed S] --out DIR");
    std::process::exit(2)
}

fn main() {
    let mut articles: Option<u64> = None;
    let mut seed: u64 = 1;
    let mut out: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().unwrap_or_else(|| usage());
        match a.as_str() {
            "--articles" | "-n" => articles = Some(value().parse().unwrap_or_else(|_| usage())),
            "--seed" | "-s" => seed = value().parse().unwrap_or_else(|_| usage()),
            "--out" | "-o" => out = Some(PathBuf::from(value())),
            _ => usage(),
        }
    }
    let (Some(n), Some(out)) = (articles, out) else { usage() };
    let tables = synth::Tables::load(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/gazetteer"));
    let start = Instant::now();
    let folders = n.div_ceil(1000);
    for f in 0..folders {
        if let Err(e) = std::fs::create_dir_all(out.join(format!("{f:03}"))) {
            eprintln!("gen_corpus: cannot create {}: {e}", out.display());
            std::process::exit(1);
        }
    }
    let counts = (0..n)
        .into_par_iter()
        .map(|i| {
            let g = synth::article(&tables, seed, i, n);
            let path = out.join(&g.path);
            if let Err(e) = std::fs::write(&path, &g.text) {
                eprintln!("gen_corpus: cannot write {}: {e}", path.display());
                std::process::exit(1);
            }
            let mut c = [0u64; 6];
            c[g.format as usize] += 1;
            c[5] = g.text.len() as u64;
            c
        })
        .reduce(|| [0u64; 6], |a, b| std::array::from_fn(|k| a[k] + b[k]));
    eprintln!(
        "gen_corpus: {n} articles, {:.1} MB in {} (plain {}, headers {}, front matter {}, scraped {}, round-up {}) in {:.1} s",
        counts[5] as f64 / 1e6,
        out.display(),
        counts[0],
        counts[1],
        counts[2],
        counts[3],
        counts[4],
        start.elapsed().as_secs_f64()
    );
}
