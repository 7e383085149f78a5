//! The real scraped pages in `../shared/corpus/wild/` (present on the development machine,
//! absent from a clone): every page loads, with a clean body and the URL of its metadata.

#[path = "support/pieces.rs"]
mod pieces;

use std::collections::HashMap;
use std::path::PathBuf;

use pieces::piece_text;
use sitrep::corpus::{self, Article, DateSource};
use sitrep::extract;

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

/// `- **Key**: value` from the metadata block.
fn metadata(text: &str, key: &str) -> Option<String> {
    let prefix = format!("- **{key}**: ");
    text.lines().find_map(|l| l.strip_prefix(&prefix)).map(|v| v.trim().to_string())
}

/// Navigation and page furniture that must never reach a body.
const DEBRIS: &[&str] = &[
    "cookie",
    "newsletter",
    "all rights reserved",
    "privacy policy",
    "terms of use",
    "loading audio player",
    "make us preferred",
    "skip to content",
    "skip to main",
    "copy link",
    "share on",
    "sign in",
    "log in",
    "read more",
    "related stories",
    "advertisement",
];

#[test]
fn every_wild_page_loads_clean() {
    let Some(dir) = wild_dir() else {
        eprintln!("../shared/corpus/wild is absent: nothing to check");
        return;
    };
    let mut pages: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    pages.sort();
    assert_eq!(pages.len(), 37);
    let report = corpus::load_paths(std::slice::from_ref(&dir));
    let by_file: HashMap<&str, Vec<&Article>> = report.articles.iter().fold(HashMap::new(), |mut m, a| {
        m.entry(a.file.as_str()).or_default().push(a);
        m
    });
    let mut loaded = 0;
    for page in &pages {
        let name = page.display().to_string();
        let text = std::fs::read_to_string(page).unwrap();
        let status: u16 = metadata(&text, "HTTP Status").and_then(|s| s.parse().ok()).unwrap_or(200);
        if status >= 400 {
            // An error page ("Access Denied") has no article: it is reported, not loaded.
            let p = report.problems.iter().find(|p| p.path == name).expect("error page reported");
            assert!(p.message.contains(&format!("HTTP {status}")), "{p:?}");
            assert!(!by_file.contains_key(name.as_str()));
            continue;
        }
        let arts = by_file.get(name.as_str()).unwrap_or_else(|| panic!("{name} did not load: {:?}", report.problems));
        assert_eq!(arts.len(), 1, "{name}: one page, one article");
        let a = arts[0];
        loaded += 1;
        a.verify(text.as_bytes()).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(a.url, metadata(&text, "URL"), "{name}: the URL of the metadata block");
        assert!(!a.title.is_empty(), "{name}");
        assert!(a.source.is_some(), "{name}");
        if let Some(ts) = metadata(&text, "timestamp") {
            // The page's own byline or dateline outranks the scraper's timestamp, which is when
            // the page was met; it is then never more than a day after the timestamp.
            let stamp = chrono::NaiveDate::parse_from_str(&ts[..10], "%Y-%m-%d").expect("a timestamp date");
            match a.published_from {
                DateSource::Metadata => assert_eq!(a.published, Some(stamp), "{name}"),
                DateSource::Byline | DateSource::Dateline => {
                    let p = a.published.expect("a date");
                    assert!(p <= stamp + chrono::Duration::days(1), "{name}: {p} after the timestamp {stamp}");
                }
                other => panic!("{name}: a date from {other:?} on a page with a timestamp"),
            }
        }
        let words = a.body.split_whitespace().count();
        assert!(words >= 10, "{name}: a body of {words} words");
        for (i, p) in a.paragraphs.iter().enumerate() {
            let t = &a.body[p.body.start..p.body.end];
            let lower = t.to_lowercase();
            assert!(t.split_whitespace().count() >= 3, "{name}: paragraph {i} is a lone menu entry: {t:?}");
            for d in DEBRIS {
                assert!(!lower.contains(d), "{name}: paragraph {i} has debris {d:?}: {t:?}");
            }
            assert!(!t.ends_with("...") && !t.ends_with('…'), "{name}: teaser {t:?}");
            assert!(!t.starts_with("http"), "{name}: link {t:?}");
        }
        for c in &a.captions {
            assert!(!a.body.contains(&c.text), "{name}: caption in body: {}", c.text);
        }
        assert_ne!(Some(a.title.as_str()), a.source.as_deref(), "{name}: the title is not the site name");
    }
    assert_eq!(loaded, 36, "every page but the error page loads");
}

/// Paragraphs joined from lines broken at links still map every event and mention back to
/// exactly its bytes in the file.
#[test]
fn wild_events_and_mentions_map_back_to_the_file() {
    let Some(dir) = wild_dir() else {
        return;
    };
    let report = corpus::load_paths(std::slice::from_ref(&dir));
    let files: HashMap<&str, Vec<u8>> =
        report.articles.iter().map(|a| (a.file.as_str(), std::fs::read(&a.file).unwrap())).collect();
    let ex = extract::run(&report.articles);
    let mut checked = 0;
    for ent in &ex.entities {
        for m in ent.mentions.iter().filter(|m| m.caption().is_none()) {
            let a = &report.articles[m.article as usize];
            let (b, f) = piece_text(&files[a.file.as_str()], a, m.body(), m.file_span(a));
            assert_eq!(String::from_utf8_lossy(&f), String::from_utf8_lossy(&b), "{} in {}", ent.name, a.id);
            checked += 1;
        }
    }
    for e in &ex.events {
        let a = &report.articles[e.article as usize];
        let (b, f) = piece_text(&files[a.file.as_str()], a, e.body(), e.file_span(a));
        assert_eq!(String::from_utf8_lossy(&f), String::from_utf8_lossy(&b), "event in {}", a.id);
        checked += 1;
    }
    assert!(checked > 1000, "{checked}");
}
