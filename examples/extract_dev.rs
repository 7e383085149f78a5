//! Development aid: extract from plain-text files (one paragraph per line) and print
//! events and entities as the CLI would, without the corpus loader.
//! `cargo run --example extract_dev -- OUT_DIR FILE...`

use std::path::Path;

use sitrep::cli::{EntityRow, EventRow};
use sitrep::extract::{self, fixture::article_from_text};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((out, files)) = args.split_first() else {
        eprintln!("usage: extract_dev OUT_DIR FILE...");
        std::process::exit(2);
    };
    let mut articles = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(f).expect("readable UTF-8 file");
        let name = Path::new(f).file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
        articles.push(article_from_text(&name, &text, None));
    }
    let ex = extract::run(&articles);
    let ev: Vec<EventRow> = ex.events.iter().map(|e| EventRow::new(e, &ex, &articles)).collect();
    let en: Vec<EntityRow> = ex.entities.iter().map(|e| EntityRow::new(e, &articles)).collect();
    std::fs::write(Path::new(out).join("events.json"), serde_json::to_string_pretty(&ev).unwrap()).unwrap();
    std::fs::write(Path::new(out).join("entities.json"), serde_json::to_string_pretty(&en).unwrap()).unwrap();
}
