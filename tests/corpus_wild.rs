//! The real scraped pages in `../shared/corpus/wild/` (present on the development machine,
//! absent from a clone): every page loads, with a clean body and the URL of its metadata.

use std::path::PathBuf;

use sitrep::corpus::{self, Article};

fn wild_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/wild");
    dir.is_dir().then_some(dir)
}

fn dump(a: &Article) {
    println!("=== {} | {:?} | {:?} {:?} | {:?} | {:?}", a.id, a.title, a.published, a.published_from, a.source, a.url);
    for c in &a.captions {
        println!("  [caption] {}", c.text);
    }
    for p in &a.paragraphs {
        let t = &a.body[p.body.start..p.body.end];
        let short: String = t.chars().take(160).collect();
        println!("  | {short}");
    }
}

/// Print every cleaned page: `SITREP_DUMP=path cargo test --test corpus_wild dump -- --ignored --nocapture`
#[test]
#[ignore]
fn dump_pages() {
    let path = std::env::var("SITREP_DUMP").map(PathBuf::from).ok().or_else(wild_dir);
    let Some(path) = path else { return };
    let report = corpus::load_paths(&[path]);
    for a in &report.articles {
        dump(a);
    }
    for p in &report.problems {
        println!("PROBLEM {}: {}", p.path, p.message);
    }
}
