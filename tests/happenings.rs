//! Reports of one happening in the store and the browser (issue 12): the store knows each
//! event's happening and sources, `sources>=2` finds what several outlets report, the list
//! shows one row per happening with its number of sources and counts it once on the
//! timeline (with the highest toll), `x` lists its reports, the card gives each report, the
//! toll over time and where they differ, and the reader names the other articles.
//! The articles are written for these tests.

#[path = "support/harness.rs"]
mod harness;
#[path = "support/reports.rs"]
mod reports;

use std::path::PathBuf;
use std::sync::Arc;

use harness::Harness;
use sitrep::store::{Query, SearchRequest, Searcher, Sort, Store};

/// Two outlets on one market strike (5 killed, then 7), one on another city's strike.
fn corpus() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    reports::two_reports_of_one_strike(dir.path());
    let report = sitrep::corpus::load_paths(&[PathBuf::from(dir.path())]);
    let ex = sitrep::extract::run(&report.articles);
    (dir, Store::build(report.articles, ex))
}

fn at(store: &Store, place: &str) -> Vec<u32> {
    (0..store.events().len() as u32).filter(|&i| store.place_label(i) == place).collect()
}

#[test]
fn the_store_knows_each_happening_and_its_sources() {
    let (_d, s) = corpus();
    let druzh = at(&s, "Druzhkivka");
    let odesa = at(&s, "Odesa");
    assert_eq!((druzh.len(), odesa.len()), (2, 1), "{:?}", s.events());
    for &e in &druzh {
        assert_eq!(s.sources(e), 2);
        assert_eq!(s.happening(e), druzh.as_slice());
        assert_eq!(s.cluster(e), druzh[0]);
        assert!(s.is_merged(e));
        assert_eq!(s.happening_toll(e), (7, 8), "the highest counts any report gives");
    }
    assert_eq!(s.merge_join(druzh[1]).map(|(w, r)| (w, r.as_str())), Some((druzh[0], "same_place_and_day")));
    assert_eq!(s.merge_join(druzh[0]), None, "the first report joined nothing");
    // the first report is the earlier article's, whichever loaded first
    let first = s.reports_in_order(druzh[1])[0];
    assert_eq!(s.source_label(s.event(first).unwrap().article), "Early Wire");
    assert_eq!((s.sources(odesa[0]), s.happening(odesa[0]), s.is_merged(odesa[0])), (1, &odesa[..], false));
    assert_eq!(s.merged_happenings(), 1);
    assert_eq!(s.happenings_total(), 2, "three reports of two happenings");
}

#[test]
fn sources_filter_counts_articles_per_happening() {
    let (_d, s) = corpus();
    let ids = |q: &str| {
        let mut v: Vec<u32> = s.query_str(q).unwrap().hits.iter().map(|h| h.event).collect();
        v.sort_unstable();
        v
    };
    assert_eq!(ids("sources>=2"), at(&s, "Druzhkivka"));
    assert_eq!(ids("sources:1"), at(&s, "Odesa"));
    assert_eq!(ids("-sources>1"), at(&s, "Odesa"));
    assert!(ids("sources>2").is_empty());
    assert!(Query::parse("sources>=x").is_err());
}

fn search(s: &Arc<Store>, q: &str, happenings: bool, expand: Option<u32>) -> sitrep::store::SearchOutput {
    let req = SearchRequest {
        generation: 1,
        query: Query::parse(q).unwrap(),
        sort: Sort::Relevance,
        happenings,
        expand,
        ..Default::default()
    };
    Searcher::new(Arc::clone(s)).search(&req, &|| false).unwrap()
}

#[test]
fn one_row_per_happening_counted_once_with_its_highest_toll() {
    let (_d, s) = corpus();
    let s = Arc::new(s);
    let every = search(&s, "", false, None);
    assert_eq!(every.len(), 3, "a row per report when asked");
    let one = search(&s, "", true, None);
    assert_eq!(one.len(), 2);
    let day = chrono::NaiveDate::from_ymd_opt(2026, 2, 4).unwrap();
    let strike = sitrep::extract::EventKind::ALL.iter().position(|&k| k == sitrep::extract::EventKind::Strike).unwrap();
    // per report the market counts twice (5 + 7 killed); as a happening once, with 7
    assert_eq!((every.histogram.day(day).kinds[strike], every.histogram.day(day).killed), (3, 12));
    assert_eq!((one.histogram.day(day).kinds[strike], one.histogram.day(day).killed), (2, 7));
    assert_eq!(one.histogram.day(day).injured, 8 + 2);
    // source: matches any report; the row is the report that matched
    let late = search(&s, "source:\"late paper\"", true, None);
    assert_eq!(late.len(), 1);
    assert_eq!(s.source_label(s.event(late.get(0).unwrap().event).unwrap().article), "Late Paper");
    assert_eq!(s.sources(late.get(0).unwrap().event), 2);
}

#[test]
fn expanding_lists_every_report_under_its_row() {
    let (_d, s) = corpus();
    let s = Arc::new(s);
    let druzh = at(&s, "Druzhkivka");
    // only the late paper's report matches the words, yet both reports are listed
    let out = search(&s, "seven", true, Some(druzh[0]));
    assert_eq!(out.len(), 2, "the row and the other report");
    assert_eq!(out.report_rows, 1);
    assert!(!out.is_report_row(&s, 0));
    assert!(out.is_report_row(&s, 1));
    let mut shown: Vec<u32> = (0..2).map(|r| out.get(r).unwrap().event).collect();
    shown.sort_unstable();
    assert_eq!(shown, druzh);
    // a happening the results do not show is not expanded
    let odesa = search(&s, "odesa", true, Some(druzh[0]));
    assert_eq!((odesa.len(), odesa.report_rows), (1, 0));
}

#[test]
fn the_browser_lists_sources_expands_reports_and_names_the_other_articles() {
    let (_d, s) = corpus();
    let druzh = at(&s, "Druzhkivka");
    let mut h = Harness::new(s, 120, 40);
    let screen = h.screen();
    assert!(screen.contains("2 of 2 events (3 reports)"), "{screen}");
    let row = screen.lines().find(|l| l.contains("Druzhkivka") && l.contains('×')).expect(&screen);
    assert!(row.contains("×2"), "{row}");
    // put the selection on the market strike and expand it
    while h.model.selected_hit().is_some_and(|hit| !druzh.contains(&hit.event)) {
        h.key("j");
    }
    h.key("x");
    assert_eq!(h.model.results.len(), 3);
    let screen = h.screen();
    assert!(screen.lines().any(|l| l.contains('└') && l.contains("Druzhkivka")), "{screen}");
    assert!(screen.contains("2 of 2 events"), "report rows are not counted as events: {screen}");
    // the card: each report, the toll over time, where they differ
    h.key("i");
    let card = h.screen();
    assert!(card.contains("2 articles report this"), "{card}");
    assert!(card.contains("1. Early Wire · 2026-02-04 · first report"), "{card}");
    assert!(card.contains("5 killed (Early Wire, 2026-02-04) → 7 killed (Late Paper, 2026-02-05)"), "{card}");
    assert!(card.contains("killed 5 to 7"), "{card}");
    h.key("esc");
    // the reader, opened from it, names the other article
    h.key("enter");
    let reader = h.screen();
    assert!(
        reader.contains("also reported by Late Paper") || reader.contains("also reported by Early Wire"),
        "{reader}"
    );
    // folding again from a report row goes back to the happening's row
    h.key("2");
    h.key("j");
    h.key("x");
    assert_eq!(h.model.results.len(), 2);
    assert!(h.model.selected_hit().is_some_and(|hit| druzh.contains(&hit.event)));
    // an event no other article reports says so
    h.key("G");
    h.key("x");
    assert!(h.screen().contains("no other article reports this event"), "{}", h.screen());
}
