//! One test per class of error found on real articles (issue 9), each on sentences written
//! for the test: nationwide tallies, front-line formulas, round-up impacts, homonyms,
//! foreign regions, history and dates after publication, statements, and the vocabulary
//! drift cases (one fold, one demonym table, one list of speech verbs).

use chrono::NaiveDate;
use sitrep::extract::{self, EventKind, Extraction, fixture::article_from_text};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// (kind, place as the article names it, place entity, date, killed, injured, drones, missiles, claimant, actors)
#[derive(Debug)]
struct Ev {
    kind: EventKind,
    place: Option<String>,
    path: Vec<String>,
    date: Option<NaiveDate>,
    date_end: Option<NaiveDate>,
    killed: Option<u32>,
    injured: Option<u32>,
    drones: Option<u32>,
    missiles: Option<u32>,
    claimant: Option<String>,
    actors: Vec<String>,
    rule: String,
}

fn events(text: &str, published: &str) -> Vec<Ev> {
    let a = article_from_text("t.txt", text, Some(d(published)));
    let ex: Extraction = extract::run(std::slice::from_ref(&a));
    ex.events
        .iter()
        .map(|e| Ev {
            kind: e.kind,
            place: ex.place_text(e, &a).map(str::to_string),
            path: ex.place_path(e).to_vec(),
            date: e.date.start,
            date_end: e.date.end,
            killed: e.killed,
            injured: e.injured,
            drones: e.drones,
            missiles: e.missiles,
            claimant: ex.claimed_by(e).map(str::to_string),
            actors: ex.actors(e).map(str::to_string).collect(),
            rule: ex.rule_name(e).to_string(),
        })
        .collect()
}

fn of_kind(evs: &[Ev], kind: EventKind) -> Vec<&Ev> {
    evs.iter().filter(|e| e.kind == kind).collect()
}

#[test]
fn a_nationwide_tally_is_placed_at_the_country_attacked() {
    let evs = events(
        "Air attack on Ukraine\nRussia launched 315 drones and 22 missiles overnight, the air force said, and air defences downed most of them.",
        "2026-03-04",
    );
    let s = of_kind(&evs, EventKind::Strike);
    assert_eq!(s.len(), 1, "{evs:#?}");
    assert_eq!(s[0].place.as_deref(), Some("Ukraine"));
    assert_eq!((s[0].drones, s[0].missiles), (Some(315), Some(22)));
    // The other way round: Ukrainian drones downed over Russia, no region named.
    let evs = events(
        "Drones over Russia\nRussian air defences destroyed 41 Ukrainian drones overnight, the ministry said.",
        "2026-03-04",
    );
    let s = of_kind(&evs, EventKind::Strike);
    assert_eq!(s.first().and_then(|e| e.place.as_deref()), Some("Russia"), "{evs:#?}");
}

#[test]
fn front_line_formulas_are_ground_fighting_at_the_village() {
    let evs = events(
        "On the Huliaipole direction, the enemy tried to advance 17 times near Dobropillia, Zelene and Varvarivka.\nIn the Lyman direction, Russian forces stormed Ukrainian positions near Torske four times.",
        "2026-03-04",
    );
    let c = of_kind(&evs, EventKind::GroundClash);
    assert_eq!(c.len(), 2, "{evs:#?}");
    assert!(of_kind(&evs, EventKind::Strike).is_empty(), "{evs:#?}");
    assert_eq!(c[1].place.as_deref(), Some("Torske"));
}

#[test]
fn a_round_up_gives_each_settlement_its_own_strike() {
    let evs = events(
        "Russian shelling of the region over the past day\nTwo people were killed in Marhanets. A woman was injured in Pokrovske, and five houses were damaged in Myrove.",
        "2026-03-04",
    );
    let s = of_kind(&evs, EventKind::Strike);
    let at = |p: &str| s.iter().find(|e| e.place.as_deref() == Some(p)).unwrap_or_else(|| panic!("{p}: {evs:#?}"));
    assert_eq!(at("Marhanets").killed, Some(2));
    assert_eq!(at("Pokrovske").injured, Some(1));
    assert_eq!(at("Myrove").killed, None);
    // Without an attack around it, an injury is no strike.
    assert!(events("Two people were injured in Marhanets on Monday.", "2026-03-04").is_empty());
}

#[test]
fn a_homonym_abroad_is_not_the_ukrainian_village() {
    let evs =
        events("A man attacked soldiers at Orly airport in Paris on Saturday before he was shot dead.", "2026-03-04");
    let s = of_kind(&evs, EventKind::Strike);
    assert!(s.iter().all(|e| !e.path.iter().any(|p| p == "Ukraine")), "{evs:#?}");
}

#[test]
fn a_foreign_province_keeps_its_own_word() {
    let a = article_from_text(
        "t.txt",
        "Floods killed 12 people in Qinghe province and Lanxi region on Sunday, officials said.",
        Some(d("2026-03-04")),
    );
    let ex = extract::run(std::slice::from_ref(&a));
    let names: Vec<&str> = ex.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(!names.iter().any(|n| n.ends_with("Oblast")), "{names:?}");
}

#[test]
fn history_and_the_future_never_date_the_news() {
    // A happening more than two months before publication is background.
    let evs = events("Russian forces captured Avdiivka in February 2024 after months of fighting.", "2026-03-04");
    assert!(of_kind(&evs, EventKind::TerritorialClaim).is_empty(), "{evs:#?}");
    // Nothing reported is dated after its article; scheduled diplomacy is.
    let evs = events("Drones hit Kharkiv on March 14, the mayor said.", "2026-03-04");
    assert!(evs.iter().all(|e| e.date.is_none_or(|x| x <= d("2026-03-04"))), "{evs:#?}");
    let evs = events("The two foreign ministers will meet in Geneva on March 14, the ministry said.", "2026-03-04");
    let dip = of_kind(&evs, EventKind::Diplomacy);
    assert_eq!(dip.first().and_then(|e| e.date), Some(d("2026-03-14")), "{evs:#?}");
}

#[test]
fn overnight_is_the_night_before_publication() {
    let evs = events("Overnight, Russian drones struck Odesa, injuring three people, the governor said.", "2026-03-04");
    let s = of_kind(&evs, EventKind::Strike);
    assert_eq!(s.len(), 1, "{evs:#?}");
    let (a, b) = (s[0].date.unwrap(), s[0].date_end.unwrap());
    assert!(a <= d("2026-03-04") && b >= d("2026-03-03") && a >= d("2026-03-03"), "{a}..{b}");
}

#[test]
fn statements_only_from_officials_about_the_war() {
    let evs = events(
        "Defence Minister Oleksandr Kovalenko said Russia was massing troops near Kupiansk.\nLocal baker Ivan Petrenko said the bread prices in Kyiv had doubled.",
        "2026-03-04",
    );
    let st = of_kind(&evs, EventKind::Statement);
    assert_eq!(st.len(), 1, "{evs:#?}");
    assert_eq!(st[0].claimant.as_deref(), Some("Oleksandr Kovalenko"));
    // One list of speech verbs: "tweeted" makes a speaker like "said".
    let evs = events(
        "Foreign Minister Andrii Sybiha tweeted that the Russian strikes on Kyiv were a war crime.",
        "2026-03-04",
    );
    assert!(!evs.is_empty(), "{evs:#?}");
    assert!(evs.iter().any(|e| e.claimant.as_deref() == Some("Andrii Sybiha")), "{evs:#?}");
}

#[test]
fn demonyms_come_from_the_place_data() {
    // "Romanian forces" names Romania as an actor, as "Russian forces" names Russia.
    let evs =
        events("Romanian forces shot down a drone near Izmail on Monday, the defence ministry said.", "2026-03-04");
    assert!(evs.iter().any(|e| e.actors.iter().any(|a| a == "Romania")), "{evs:#?}");
    let evs =
        events("Moldovan troops and Russian forces clashed near Tiraspol on Monday, officials said.", "2026-03-04");
    assert!(evs.iter().any(|e| e.actors.iter().any(|a| a == "Moldova")), "{evs:#?}");
}

#[test]
fn every_event_names_its_rule() {
    let evs = events("Russian missiles struck Zaporizhzhia on Monday, killing four people.", "2026-03-04");
    assert!(!evs.is_empty());
    assert!(evs.iter().all(|e| e.rule.contains('.')), "{evs:#?}");
}
