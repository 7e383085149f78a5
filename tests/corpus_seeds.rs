//! The embedded seed corpus: eight articles with their real titles, dates and clean bodies.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;
use sitrep::corpus::{self, Article, DateSource, LoadReport};

static SEEDS: LazyLock<LoadReport> = LazyLock::new(corpus::load_seeds);

fn seed_bytes(file: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
    std::fs::read(path).expect("seed file in the crate")
}

fn by_file<'a>(name: &str) -> Vec<&'a Article> {
    SEEDS.articles.iter().filter(|a| a.file == format!("seeds/{name}")).collect()
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

#[test]
fn eight_articles_without_problems() {
    assert!(SEEDS.problems.is_empty(), "{:?}", SEEDS.problems);
    assert_eq!(SEEDS.articles.len(), 8);
    let ids: Vec<&str> = SEEDS.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "seeds/000_4d22cf2adf4e168a.txt#0",
            "seeds/001_abb7e713285549bd.txt#0",
            "seeds/002_051bb3b622d477ed.txt#0",
            "seeds/002_051bb3b622d477ed.txt#1",
            "seeds/002_051bb3b622d477ed.txt#2",
            "seeds/002_051bb3b622d477ed.txt#3",
            "seeds/003_7a49b44013ccec93.txt#0",
            "seeds/004_af50b2a087189622.txt#0",
        ]
    );
}

#[test]
fn every_article_keeps_exact_provenance() {
    for a in &SEEDS.articles {
        let bytes = seed_bytes(&a.file);
        a.verify(&bytes).unwrap_or_else(|e| panic!("{}: {e}", a.id));
        assert!(!a.body.is_empty(), "{}", a.id);
        assert!(!a.title.is_empty(), "{}", a.id);
    }
}

#[test]
fn the_multi_article_page_splits_into_four() {
    let arts = by_file("002_051bb3b622d477ed.txt");
    let titles: Vec<&str> = arts.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Russia Hammers Ukraine with Drones and Missiles as Peace Efforts Drag On",
            "US Vice President Vance Heads to Armenia, Azerbaijan to Push Peace, Trade",
            "Adviser to Iran's Supreme Leader to Visit Oman on Tuesday",
            "Russia’s Lavrov Sees No ‘Bright Future’ for Economic Ties with US",
        ]
    );
    for (i, a) in arts.iter().enumerate() {
        assert_eq!(a.index, i);
        assert!(!a.captions.is_empty(), "{} has its photo caption", a.id);
        assert!(!a.body.contains("TT\n") && !a.body.starts_with("TT"), "{}", a.id);
        assert!(!a.body.contains(&a.title), "{}: the headline is not body text", a.id);
    }
    assert!(arts[0].body.starts_with("Russia launched one of its biggest aerial attacks"));
    assert!(arts[0].body.ends_with("than it actually does."));
    assert!(arts[1].body.starts_with("US Vice President JD Vance will visit Armenia"));
    assert!(arts[1].body.contains("CLOSED BORDERS, BITTER RIVALS"), "section headings stay");
    assert!(arts[2].body.starts_with("Ali Larijani, an adviser"));
    assert!(arts[3].body.ends_with("with the BRICS countries.\""));
}

#[test]
fn no_caption_text_in_any_body() {
    for a in &SEEDS.articles {
        for c in &a.captions {
            assert!(!a.body.contains(&c.text), "{}: caption in body: {}", a.id, c.text);
        }
        for credit in ["REUTERS/", "(Reuters)", "Photo:", "/dpa", "FILED - "] {
            assert!(!a.body.contains(credit), "{}: {credit} in body", a.id);
        }
    }
}

#[test]
fn no_footnote_markers() {
    let marker = Regex::new(r"\[\d+(?:[,\s-]+\d+)*\]").unwrap();
    let raw = String::from_utf8(seed_bytes("seeds/000_4d22cf2adf4e168a.txt")).unwrap();
    assert!(marker.is_match(&raw), "the seed has markers to cut");
    for a in &SEEDS.articles {
        assert!(!marker.is_match(&a.body), "{}: {:?}", a.id, marker.find(&a.body));
    }
    // Cutting a marker leaves several pieces in the paragraph, mapping to exact bytes.
    let a = by_file("000_4d22cf2adf4e168a.txt")[0];
    assert!(a.paragraphs[0].pieces.len() > 1);
    assert!(a.body.contains("injuring at least six people. Ukrainian officials"));
}

#[test]
fn headline_less_text_gets_its_first_sentence_as_title() {
    let a = by_file("000_4d22cf2adf4e168a.txt")[0];
    assert!(a.title.starts_with("Russian drones struck a maternity hospital and a bus carrying miners"));
    assert!(a.title.ends_with('…'), "{}", a.title);
    assert!(a.title.chars().count() <= 101, "{}", a.title);
    let b = by_file("001_abb7e713285549bd.txt")[0];
    assert_eq!(b.title, "This past week in Ukraine followed a grimly familiar pattern");
    assert!(b.body.starts_with("This past week in Ukraine"), "the first sentence stays in the body");
}

#[test]
fn credit_line_stays_and_section_headings_stay() {
    let a = by_file("001_abb7e713285549bd.txt")[0];
    assert!(a.body.ends_with("\n\nCompiled by Ana Dumbadze"), "{:?}", &a.body[a.body.len() - 60..]);
    assert!(a.body.contains("\n\nSlow advances, constant pressure\n\n"));
}

#[test]
fn dateline_gives_the_date_and_leaves_the_body() {
    let a = by_file("003_7a49b44013ccec93.txt")[0];
    assert_eq!(a.title, "Russia Escalates Attacks on Kyiv with Drone Assault");
    assert_eq!(a.published, date(2026, 2, 4));
    assert_eq!(a.published_from, DateSource::Dateline);
    assert!(a.body.starts_with("Russia launched a significant and sustained drone attack"), "{}", &a.body[..80]);
    assert!(!a.body.contains("Locales"));
    assert!(!a.body.contains("Read the Full"));
    assert!(!a.body.contains("https://"));
    assert_eq!(a.source.as_deref(), Some("BBC"));
    assert_eq!(a.url.as_deref(), Some("https://www.bbc.com/news/articles/c98pz6l311yo"));
    // The first paragraph's span starts after the dateline, at "Russia launched".
    let raw = seed_bytes(&a.file);
    let p = &a.paragraphs[0];
    assert!(raw[p.span.start..].starts_with(b"Russia launched"));
}

#[test]
fn front_matter_article() {
    let a = by_file("004_af50b2a087189622.txt")[0];
    assert_eq!(a.title, "Ukraine–Russia war: Key developments over the past 24 hours");
    assert_eq!(a.published, date(2026, 2, 3));
    assert_eq!(a.published_from, DateSource::FrontMatter);
    assert_eq!(a.source.as_deref(), Some("News.az"));
    assert_eq!(
        a.url.as_deref(),
        Some("https://news.az/news/ukraine-russia-war-key-developments-over-the-past-24-hours")
    );
    assert!(a.body.starts_with("The war in Ukraine has continued to unfold"), "bold markers cut");
    assert!(a.body.ends_with("far beyond Ukraine’s borders."));
    for debris in [
        "Share",
        "Copied",
        "url-copy",
        "https://",
        "[](",
        "British Army trains",
        "FSB detains",
        "Jan Feb Mar",
        "...",
        "**",
        "word_count",
        "---",
    ] {
        assert!(!a.body.contains(debris), "004 body contains {debris:?}");
    }
}

#[test]
fn no_article_without_a_date_claims_one() {
    for a in &SEEDS.articles {
        match a.published {
            Some(_) => assert_ne!(a.published_from, DateSource::Unknown, "{}", a.id),
            None => assert_eq!(a.published_from, DateSource::Unknown, "{}", a.id),
        }
    }
}
