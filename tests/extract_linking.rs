//! Entity linking across articles: spellings of one name found in text are one entity.

use chrono::NaiveDate;
use sitrep::extract::{self, EntityKind, fixture::article_from_text};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn s_cedilla_and_s_comma_are_one_place() {
    // Romanian place names are written with s-cedilla (U+015F) and with s-comma (U+0219).
    let articles = [
        article_from_text("a.txt", "Drones struck near Şendreni.\n", Some(d("2026-02-04"))),
        article_from_text("b.txt", "Drones struck near Șendreni.\n", Some(d("2026-02-04"))),
    ];
    let ex = extract::run(&articles);
    let named: Vec<_> = ex.entities.iter().filter(|e| e.name.ends_with("endreni")).collect();
    assert_eq!(named.len(), 1, "{named:#?}");
    let e = named[0];
    assert_eq!(e.kind, EntityKind::Place);
    let mut articles_named: Vec<u32> = e.mentions.iter().map(|m| m.article).collect();
    articles_named.dedup();
    assert_eq!(articles_named, [0, 1], "one mention in each article: {:?}", e.mentions);
}
