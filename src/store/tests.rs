//! Store and query tests against the demo corpus.

use super::demo::{demo, synthetic};
use super::*;
use std::sync::Arc;

fn texts(store: &Store, q: &str) -> Vec<String> {
    store
        .query_str(q)
        .unwrap_or_else(|e| panic!("{q}: {e}"))
        .hits
        .iter()
        .map(|h| store.place_label(h.event).to_string())
        .collect()
}

#[test]
fn builds_indexes() {
    let s = demo();
    assert_eq!(s.articles().len(), 4);
    assert_eq!(s.events().len(), 9);
    let (a, b) = s.day_range().unwrap();
    assert_eq!(a.to_string(), "2026-02-01");
    assert_eq!(b.to_string(), "2026-02-06");
    assert_eq!(s.undated().len(), 1);
    assert_eq!(s.imprecise().len(), 2);
    assert_eq!(s.events_of_kind(EventKind::Strike).len(), 4);
    // the place tree holds Donetsk Oblast once, with both towns below it
    let donetsk: Vec<&PlaceNode> = s.places().iter().filter(|p| p.name == "Donetsk Oblast").collect();
    assert_eq!(donetsk.len(), 1);
    assert_eq!(donetsk[0].events.len(), 2);
}

#[test]
fn place_filter_uses_the_tree() {
    let s = demo();
    let mut got = texts(&s, "place:\"Donetsk Oblast\"");
    got.sort();
    assert_eq!(got, vec!["Druzhkivka", "Pokrovsk"]);
    assert_eq!(texts(&s, "place:donetsk").len(), 2);
    assert_eq!(texts(&s, "place=donetsk").len(), 0, "exact needs the whole name");
    assert_eq!(texts(&s, "place:ukraine").len(), 6);
}

#[test]
fn kinds_or_and_negation() {
    let s = demo();
    assert_eq!(texts(&s, "kind:strike").len(), 4);
    assert_eq!(texts(&s, "kind:strike,statement").len(), 6);
    assert_eq!(texts(&s, "-kind:strike").len(), 5);
    assert_eq!(texts(&s, "kind:strike -place:donetsk").len(), 3);
}

#[test]
fn dates_overlap_and_apart() {
    let s = demo();
    // Feb 1 strikes and statement, Feb 3 Kyiv, Feb 4 Druzhkivka, and the week-long Istanbul talks
    let got = texts(&s, "since:2026-02-01 until:2026-02-04");
    assert_eq!(got.len(), 6, "{got:?}");
    assert!(got.contains(&"Istanbul".to_string()));
    assert_eq!(texts(&s, "date:2026-02-04"), vec!["Druzhkivka", "Istanbul"]);
    assert_eq!(texts(&s, "date:undated"), vec!["Pokrovsk"]);
    assert_eq!(texts(&s, "date:imprecise").len(), 2);
    assert_eq!(texts(&s, "date:exact").len(), 6);
    assert_eq!(texts(&s, "since:2026-02-05"), vec!["Moscow", "Istanbul"]);
    assert_eq!(texts(&s, "date:2026-01"), vec!["Sumy Oblast"]);
}

#[test]
fn counts() {
    let s = demo();
    let mut got = texts(&s, "killed>0");
    got.sort();
    assert_eq!(got, vec!["Druzhkivka", "Ternivka"]);
    assert_eq!(texts(&s, "injured>=8").len(), 2);
    assert_eq!(texts(&s, "injured=6"), vec!["Zaporizhzhia"]);
    assert_eq!(texts(&s, "casualties>20"), vec!["Ternivka"]);
    assert_eq!(texts(&s, "drones:4"), vec!["Ternivka"]);
    assert_eq!(texts(&s, "killed<5").len(), 0, "unknown counts never match");
}

#[test]
fn entity_source_claimant_article() {
    let s = demo();
    let lavrov = s.query_str("entity:lavrov").unwrap();
    assert_eq!(lavrov.hits.len(), 2);
    assert_eq!(s.query_str("entity=\"sergei lavrov\"").unwrap().hits.len(), 2);
    assert_eq!(s.query_str("entity=lavrov").unwrap().hits.len(), 2, "aliases count as names");
    // the place is an entity of its event
    assert_eq!(texts(&s, "entity:druzhkivka"), vec!["Druzhkivka"]);
    assert_eq!(texts(&s, "source:isw").len(), 4);
    assert_eq!(texts(&s, "source:understandingwar").len(), 4, "url domain");
    assert_eq!(texts(&s, "source:aawsat"), vec!["Moscow"]);
    assert_eq!(texts(&s, "claimed:ukrainian").len(), 3);
    assert_eq!(texts(&s, "status:disputed"), vec!["Sumy Oblast"]);
    assert_eq!(texts(&s, "article:demo/003").len(), 1);
    // and the articles that name him, with mention counts
    let pos = s.find_entities(&query::TextMatch::Exact("sergei lavrov".into()));
    assert_eq!(pos.len(), 1);
    let arts = s.articles_naming(pos[0]);
    assert_eq!(arts, vec![(0, 2), (2, 2)]);
}

#[test]
fn accents_fold() {
    let s = demo();
    assert_eq!(texts(&s, "erdogan"), vec!["Istanbul"]);
    assert_eq!(texts(&s, "entity:erdogan"), vec!["Istanbul"]);
    assert_eq!(texts(&s, "ERDOĞAN"), vec!["Istanbul"]);
}

#[test]
fn fuzzy_ranks_and_marks_positions() {
    let s = demo();
    let r = s.query_str("druzh").unwrap();
    assert_eq!(r.hits.len(), 1);
    let h = &r.hits[0];
    assert_eq!(s.place_label(h.event), "Druzhkivka");
    let (place, text) = s.split_matches(h.event, &s.match_positions(h.event, &["druzh".to_string()]));
    // the five letters are found in the place name
    assert_eq!(place, vec![0, 1, 2, 3, 4]);
    assert!(text.is_empty() || text.len() <= 5);
    // ranking: the better match first
    let r = s.query_str("strike kyiv").unwrap();
    assert_eq!(s.place_label(r.hits[0].event), "Kyiv");
    // every word must match
    assert!(s.query_str("druzh lavrov").unwrap().hits.is_empty());
}

#[test]
fn matched_text_positions_are_chars_of_the_text() {
    let s = demo();
    let r = s.query_str("power plants").unwrap();
    let h = r.hits.iter().find(|h| s.place_label(h.event) == "Kyiv").unwrap();
    let words = ["power".to_string(), "plants".to_string()];
    let (_, text) = s.split_matches(h.event, &s.match_positions(h.event, &words));
    let t: Vec<char> = s.event_text(h.event).chars().collect();
    let got: String = text.iter().map(|&i| t[i as usize]).collect();
    assert!(got.to_lowercase().contains("power"), "{got}");
}

#[test]
fn sorts() {
    let s = demo();
    let newest = texts(&s, "sort:newest kind:strike");
    assert_eq!(newest, vec!["Druzhkivka", "Kyiv", "Zaporizhzhia", "Ternivka"]);
    let oldest = texts(&s, "sort:oldest kind:strike");
    assert_eq!(oldest, vec!["Zaporizhzhia", "Ternivka", "Kyiv", "Druzhkivka"]);
    let cas = texts(&s, "sort:casualties kind:strike");
    assert_eq!(cas, vec!["Ternivka", "Druzhkivka", "Zaporizhzhia", "Kyiv"]);
    // undated last
    assert_eq!(texts(&s, "").last().unwrap(), "Pokrovsk");
}

#[test]
fn searcher_narrows_windows_and_cancels() {
    let s = Arc::new(demo());
    let mut se = Searcher::new(Arc::clone(&s));
    let req = |g, q: &str, w| SearchRequest {
        generation: g,
        query: Query::parse(q).unwrap(),
        sort: Sort::Relevance,
        window: w,
        ..Default::default()
    };
    let a = se.search(&req(1, "s", None), &|| false).unwrap();
    let b = se.search(&req(2, "st", None), &|| false).unwrap();
    let direct = s.query_str("st").unwrap();
    let ids = |h: &[Hit]| h.iter().map(|h| (h.event, h.score)).collect::<Vec<_>>();
    assert_eq!(ids(&b.hits), ids(&direct.hits), "narrowing gives the same result as a fresh query");
    // positions are worked out for the rows on screen
    for h in b.hits.iter() {
        let got = s.match_positions(h.event, &["st".to_string()]);
        assert_eq!(got.len(), 2, "{got:?}");
        let key: Vec<char> = s.search_key(h.event).chars().collect();
        assert_eq!(got.iter().map(|&i| key[i as usize]).collect::<String>(), "st");
    }
    assert!(a.len() >= b.len());
    assert_eq!(b.generation, 2);
    // a window reuses the hits and the histogram
    let d = |x: &str| chrono::NaiveDate::parse_from_str(x, "%Y-%m-%d").unwrap();
    let c = se.search(&req(3, "st", Some(Window::Days(d("2026-02-01"), d("2026-02-01")))), &|| false).unwrap();
    assert!(Arc::ptr_eq(&b.hits, &c.hits));
    assert!(Arc::ptr_eq(&b.histogram, &c.histogram));
    assert!(c.len() < b.len() && !c.is_empty());
    for r in 0..c.len() {
        assert_eq!(s.event_day(c.get(r).unwrap().event), Some(d("2026-02-01")));
    }
    let u = se.search(&req(4, "", Some(Window::Undated)), &|| false).unwrap();
    assert_eq!(u.len(), 1);
    // the histogram counts the query's events per day, undated and imprecise apart
    let all = se.search(&req(5, "", None), &|| false).unwrap();
    let h = &all.histogram;
    assert_eq!(h.day(d("2026-02-01")).total(), 3);
    assert_eq!(h.day(d("2026-02-01")).killed, 12);
    assert_eq!(h.undated.total(), 1);
    assert_eq!(h.imprecise.total(), 2);
    assert_eq!(h.days.len(), 6);
    // cancel
    assert!(se.search(&req(6, "zzz", None), &|| true).is_none());
}

#[test]
fn synthetic_scale_store_queries() {
    let s = synthetic(20_000);
    assert_eq!(s.events().len(), 20_000);
    let all = s.query_str("").unwrap().hits.len();
    assert_eq!(all, 20_000);
    let d = s.query_str("place:donetsk kind:strike").unwrap().hits.len();
    assert!(d > 0 && d < all / 8);
    let f = s.query_str("druzh market").unwrap();
    assert!(!f.hits.is_empty());
    assert!(f.hits.windows(2).all(|w| w[0].score >= w[1].score));
}

#[test]
fn empty_store() {
    let s = Store::build(Vec::new(), Extraction::default());
    assert!(s.query_str("kind:strike druzh").unwrap().hits.is_empty());
    assert!(s.day_range().is_none());
    assert_eq!(Histogram::build(&s, &[]).days.len(), 0);
}

#[test]
fn url_domains() {
    assert_eq!(url_domain("https://www.understandingwar.org/a/b"), "understandingwar.org");
    assert_eq!(url_domain("http://user@host.com:8080/x"), "host.com");
    assert_eq!(url_domain("news.az"), "news.az");
}
