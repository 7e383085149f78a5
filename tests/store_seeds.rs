//! The store and the query language on the real seed corpus (loader + extractor from main),
//! and the same queries through the browser: one language, the same results.

#[path = "support/cli.rs"]
mod cli;

#[path = "support/harness.rs"]
mod harness;

use std::sync::OnceLock;

use harness::Harness;
use sitrep::extract::EventKind;
use sitrep::store::Store;

fn store() -> &'static Store {
    static S: OnceLock<Store> = OnceLock::new();
    S.get_or_init(seeds)
}

fn seeds() -> Store {
    let report = sitrep::corpus::load_seeds();
    assert!(!report.articles.is_empty(), "the seeds load");
    let ex = sitrep::extract::run(&report.articles);
    Store::build(report.articles, ex)
}

#[test]
fn druzh_finds_the_druzhkivka_market_strike() {
    let s = store();
    let r = s.query_str("druzh").unwrap();
    let top = r.hits.first().expect("a hit");
    let e = s.event(top.event).unwrap();
    assert_eq!(s.place_label(top.event), "Druzhkivka");
    assert_eq!(e.kind, EventKind::Strike);
    assert!(s.event_text(top.event).contains("market"), "{}", s.event_text(top.event));
    let (place, _) = s.split_matches(top.event, &s.match_positions(top.event, &["druzh".to_string()]));
    assert_eq!(place, vec![0, 1, 2, 3, 4]);
}

#[test]
fn place_tree_on_real_paths() {
    let s = store();
    let r = s.query_str("place:\"Donetsk Oblast\"").unwrap();
    let places: Vec<&str> = r.hits.iter().map(|h| s.place_label(h.event)).collect();
    assert!(places.contains(&"Druzhkivka"), "{places:?}");
    for h in &r.hits {
        let path = s.extraction().place_path(s.event(h.event).unwrap());
        assert!(path.iter().any(|p| p == "Donetsk Oblast"), "{path:?}");
    }
}

#[test]
fn lavrov_events_and_articles() {
    let s = store();
    let pos = s.find_entities(&sitrep::store::query::TextMatch::Exact("sergei lavrov".into()));
    assert_eq!(pos.len(), 1);
    let arts = s.articles_naming(pos[0]);
    assert!(arts.len() >= 2, "Lavrov is named in two seed articles: {arts:?}");
    let r = s.query_str("entity=\"Sergei Lavrov\"").unwrap();
    for h in &r.hits {
        let e = s.event(h.event).unwrap();
        assert!(s.extraction().event_entities(e).iter().any(|id| s.entity_pos(*id) == Some(pos[0])));
    }
    // the same through the reader: open an event of his, pick his mention, Enter
    let mut b = Harness::new(seeds(), 120, 40);
    b.key("/");
    b.type_text("entity:lavrov");
    b.keys("enter enter");
    let art = b.model.reader.article.unwrap();
    let ms = s.mentions_in(art);
    for _ in 0..ms.len() {
        b.key("n");
        let m = ms[b.model.reader.mention.unwrap()];
        if m.entity == pos[0] {
            break;
        }
    }
    b.key("enter");
    assert_eq!(b.model.query_text, "entity=\"Sergei Lavrov\"");
    assert_eq!(b.model.card_entity(), Some(pos[0]));
    let shown: Vec<u32> = (0..b.model.results.len()).map(|i| b.model.results.get(i).unwrap().event).collect();
    let direct: Vec<u32> = r.hits.iter().map(|h| h.event).collect();
    assert_eq!(shown, direct);
    let screen = b.screen();
    assert!(screen.contains("Sergei Lavrov · person"), "{screen}");
}

#[test]
fn the_browser_and_the_cli_agree() {
    let s = store();
    for q in [
        "",
        "kind:strike",
        "kind:strike,aid place:ukraine",
        "killed>0",
        "injured>=3 -kind:statement",
        "since:2026-02-02 until:2026-02-05",
        "date:undated",
        "entity:zelensky",
        "claimed:ukrainian",
        "druzh",
        "drone strike",
        "sort:casualties",
        "sort:oldest kind:diplomacy",
    ] {
        let direct: Vec<u32> = s.query_str(q).unwrap().hits.iter().map(|h| h.event).collect();
        let mut b = Harness::new(seeds(), 120, 40);
        b.key("/");
        b.type_text(q);
        b.key("enter");
        let shown: Vec<u32> = (0..b.model.results.len()).map(|i| b.model.results.get(i).unwrap().event).collect();
        assert_eq!(shown, direct, "query {q:?}");
    }
}

#[test]
fn bad_queries_are_messages() {
    let s = store();
    for q in ["killed>x", "since:2026-13-01", "foo:bar", "kind:", "place:\"abu"] {
        let e = s.query_str(q).unwrap_err();
        assert!(!e.message.is_empty());
    }
}

#[test]
fn sitrep_events_query_gives_the_browsers_list() {
    let s = store();
    for q in ["druzh", "kind:strike killed>0", "entity:lavrov", "sort:casualties place:ukraine"] {
        let out = cli::command().args(["events", "--format", "json", "--query", q]).output().expect("sitrep runs");
        assert!(out.status.success(), "{q}: {}", String::from_utf8_lossy(&out.stderr));
        let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).expect("JSON");
        let cli: Vec<u64> = rows.iter().map(|r| r["id"].as_u64().unwrap()).collect();
        let direct: Vec<u64> = s.query_str(q).unwrap().hits.iter().map(|h| h.event as u64).collect();
        assert_eq!(cli, direct, "{q}");
    }
    // and a bad query is a message and a failure status, not a panic
    let out = cli::command().args(["events", "--query", "killed>x"]).output().unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("not a whole number"), "{err}");
}

#[test]
fn near_and_bbox_keep_the_events_placed_there() {
    let s = store();
    let places = |q: &str| -> Vec<&str> {
        let mut v: Vec<&str> = s.query_str(q).unwrap().hits.iter().map(|h| s.place_label(h.event)).collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    // Druzhkivka is ~12 km south of Kramatorsk; Kyiv ~600 km away
    let near = places("near:kramatorsk,30km");
    assert!(near.contains(&"Druzhkivka"), "{near:?}");
    assert!(!near.contains(&"Kyiv"), "{near:?}");
    assert!(!places("near:kramatorsk,10km").contains(&"Druzhkivka"), "a radius too small leaves it out");
    assert!(places("near:kramatorsk").contains(&"Druzhkivka"), "25 km without a radius");
    assert!(!places("near:kramatorsk,11000m").contains(&"Druzhkivka"), "metres");
    assert!(places("near:kramatorsk,13000m").contains(&"Druzhkivka"), "metres");
    // a place named nowhere in the corpus is found in the gazetteer (Kostiantynivka: ~15 km)
    assert!(places("near:kostiantynivka,25km").contains(&"Druzhkivka"));
    assert!(!places("near:kostiantynivka,25km").contains(&"Kyiv"));
    // west, south, east, north around Donetsk Oblast's north
    let boxed = places("bbox:37.0,48.3,38.2,49.0");
    assert!(boxed.contains(&"Druzhkivka") && !boxed.contains(&"Kyiv"), "{boxed:?}");
    assert!(places("-bbox:37.0,48.3,38.2,49.0").contains(&"Kyiv"));
    // what cannot be answered is said, not matched silently
    let q = sitrep::store::Query::parse("near:atlantis").unwrap();
    assert!(s.query_problem(&q).is_some_and(|p| p.contains("atlantis")));
    assert_eq!(s.query_problem(&sitrep::store::Query::parse("near:kyiv").unwrap()), None);
    for bad in ["near:kyiv,far", "near:kyiv,-3km", "bbox:1,2,3", "bbox:37,49,38,48", "bbox:200,1,2,3", "near>kyiv"] {
        assert!(sitrep::store::Query::parse(bad).is_err(), "{bad}");
    }
}
