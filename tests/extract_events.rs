//! Event extraction on sentences written for these tests (not taken from the seeds),
//! each asserting the exact kind, place, date, counts and claimant.

use chrono::NaiveDate;
use sitrep::extract::{self, Event, EventKind, Precision, Status, fixture::article_from_text};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// An event with the names and place it points to looked up.
#[derive(Debug)]
struct Ev {
    event: Event,
    place_name: Option<String>,
    place_path: Vec<String>,
    lat: Option<f64>,
    lon: Option<f64>,
    weapons: Vec<String>,
    claimed_by: Option<String>,
}

impl std::ops::Deref for Ev {
    type Target = Event;
    fn deref(&self) -> &Event {
        &self.event
    }
}

/// Extract from one article published on `published`.
fn events(text: &str, published: &str) -> Vec<Ev> {
    let a = article_from_text("t.txt", text, Some(d(published)));
    let ex = extract::run(std::slice::from_ref(&a));
    ex.events
        .iter()
        .map(|e| Ev {
            event: e.clone(),
            place_name: ex.place_name(e).map(str::to_string),
            place_path: ex.place_path(e).to_vec(),
            lat: ex.lat_lon(e).0,
            lon: ex.lat_lon(e).1,
            weapons: ex.weapons(e).map(str::to_string).collect(),
            claimed_by: ex.claimed_by(e).map(str::to_string),
        })
        .collect()
}

fn only(text: &str, published: &str, kind: EventKind) -> Ev {
    let ev: Vec<Ev> = events(text, published).into_iter().filter(|e| e.kind == kind).collect();
    assert_eq!(ev.len(), 1, "expected one {kind:?} event in {text:?}, got {ev:#?}");
    ev.into_iter().next().unwrap()
}

#[test]
fn strike_with_weekday_counts_and_claimant() {
    // 2026-03-04 is a Wednesday; "on Monday" is 2026-03-02.
    let e = only(
        "Russian missiles struck an apartment block in Kharkiv on Monday, killing nine people and wounding 24, the regional governor said.",
        "2026-03-04",
        EventKind::Strike,
    );
    assert_eq!(e.place_name.as_deref(), Some("Kharkiv"));
    assert_eq!(e.place_path.last().map(String::as_str), Some("Europe"));
    assert!(e.place_path.iter().any(|p| p == "Kharkiv Oblast"), "{:?}", e.place_path);
    assert_eq!((e.date.start, e.date.precision), (Some(d("2026-03-02")), Precision::Day));
    assert_eq!((e.killed, e.injured), (Some(9), Some(24)));
    assert_eq!(e.claimed_by.as_deref(), Some("regional governor"));
    assert_eq!(e.status, Status::Claimed);
    assert!(e.lat.is_some() && e.lon.is_some());
}

#[test]
fn overnight_drone_attack_with_word_counts() {
    let e = only(
        "Overnight, twelve Shahed drones hit energy facilities near Odesa, injuring a dozen people, officials said.",
        "2026-01-15",
        EventKind::Strike,
    );
    assert_eq!(e.place_name.as_deref(), Some("Odesa"));
    assert_eq!((e.date.start, e.date.end), (Some(d("2026-01-14")), Some(d("2026-01-15"))));
    assert_eq!((e.drones, e.injured, e.killed), (Some(12), Some(12), None));
    assert!(e.weapons.iter().any(|w| w.starts_with("Shahed")), "{:?}", e.weapons);
}

#[test]
fn night_range_and_missile_count() {
    let e = only(
        "On the night of March 7 to 8, Russia launched 40 cruise missiles at the port of Izmail, damaging grain terminals.",
        "2026-03-09",
        EventKind::Strike,
    );
    assert_eq!(e.place_name.as_deref(), Some("Izmail"));
    assert_eq!(
        (e.date.start, e.date.end, e.date.precision),
        (Some(d("2026-03-07")), Some(d("2026-03-08")), Precision::Range)
    );
    assert_eq!(e.missiles, Some(40));
}

#[test]
fn ground_clash_from_general_staff_style() {
    let e = only(
        "Ukrainian troops repelled 14 Russian assaults near Kupiansk over the past day, the General Staff said.",
        "2026-02-10",
        EventKind::GroundClash,
    );
    assert_eq!(e.place_name.as_deref(), Some("Kupiansk"));
    assert_eq!((e.date.start, e.date.end), (Some(d("2026-02-09")), Some(d("2026-02-10"))));
}

#[test]
fn territorial_claim_is_claimed_and_disputed() {
    let e = only(
        "Russia's Defence Ministry claimed its forces had captured the town of Kurakhove, a claim that could not be independently verified.",
        "2025-01-06",
        EventKind::TerritorialClaim,
    );
    assert_eq!(e.place_name.as_deref(), Some("Kurakhove"));
    assert_eq!(e.status, Status::Disputed);
    assert!(
        e.claimed_by.as_deref().is_some_and(|c| c.contains("Defence Ministry") || c.contains("Ministry of Defence")),
        "{:?}",
        e.claimed_by
    );
}

#[test]
fn diplomacy_in_a_city_on_a_weekday() {
    let e = only(
        "The foreign ministers of Turkey and Ukraine met in Istanbul on Tuesday to discuss grain exports.",
        "2026-04-09",
        EventKind::Diplomacy,
    );
    assert_eq!(e.place_name.as_deref(), Some("Istanbul"));
    assert_eq!(e.date.start, Some(d("2026-04-07")));
}

#[test]
fn future_visit_resolves_forward() {
    let e = only(
        "The Polish president will visit Vilnius on Friday for talks on air defence.",
        "2026-04-07",
        EventKind::Diplomacy,
    );
    assert_eq!(e.place_name.as_deref(), Some("Vilnius"));
    assert_eq!(e.date.start, Some(d("2026-04-10")));
}

#[test]
fn aid_package_from_its_donor() {
    let e = only(
        "Norway pledged a new aid package of air defence systems worth $300 million for Ukraine on 12 May 2026.",
        "2026-05-13",
        EventKind::Aid,
    );
    assert!(matches!(e.place_name.as_deref(), Some("Norway" | "Ukraine")), "{:?}", e.place_name);
    assert_eq!(e.date.start, Some(d("2026-05-12")));
    assert_eq!(e.date.how, sitrep::extract::Resolution::Explicit);
}

#[test]
fn airspace_incursion_names_the_country_hit() {
    let e = only(
        "A Russian drone entered Romanian airspace for several minutes late on Sunday, the defence ministry in Bucharest said.",
        "2026-02-16",
        EventKind::Incursion,
    );
    assert_eq!(e.place_name.as_deref(), Some("Romania"));
    assert_eq!(e.date.start, Some(d("2026-02-15")));
}

#[test]
fn a_date_the_text_does_not_pin_stays_imprecise() {
    let e = only("Russian forces shelled Nikopol in late December, officials said.", "2026-01-20", EventKind::Strike);
    assert_eq!(e.place_name.as_deref(), Some("Nikopol"));
    assert_eq!((e.date.start, e.date.end), (Some(d("2025-12-21")), Some(d("2025-12-31"))));
    assert_ne!(e.date.precision, Precision::Day);
}

#[test]
fn one_happening_told_in_two_sentences_is_one_event() {
    let ev = events(
        "Russian drones attacked Sumy overnight.\nAir defences shot down 31 of the drones, and two people were injured, the regional administration said.",
        "2026-03-01",
    );
    let strikes: Vec<&Ev> = ev.iter().filter(|e| e.kind == EventKind::Strike).collect();
    assert_eq!(strikes.len(), 1, "{strikes:#?}");
    assert_eq!(strikes[0].place_name.as_deref(), Some("Sumy"));
    assert_eq!(strikes[0].injured, Some(2));
}

#[test]
fn speculation_negation_and_background_are_not_events() {
    for text in [
        "Analysts wonder whether fighting will intensify around Pokrovsk in the spring.",
        "Before 2022, there were zero drone attacks on Moscow.",
        "Refugees crossed into Poland and Moldova in large numbers.",
        "Russia could strike Kyiv again if talks fail, the analyst warned.",
    ] {
        let ev: Vec<Ev> = events(text, "2026-02-01").into_iter().filter(|e| e.kind != EventKind::Statement).collect();
        assert!(ev.is_empty(), "{text:?} gave {ev:#?}");
    }
}

#[test]
fn statements_name_their_speaker() {
    let e = only(
        "\"We will not give up our land to the occupiers,\" Zelenskyy said in Kyiv on Sunday.",
        "2026-02-02",
        EventKind::Statement,
    );
    assert_eq!(e.claimed_by.as_deref(), Some("Volodymyr Zelensky"));
}

#[test]
fn every_event_points_at_its_sentence() {
    let text = "Heavy rain fell.\nRussian bombs hit Kostiantynivka on February 3, killing three civilians.";
    let a = article_from_text("t.txt", text, Some(d("2026-02-04")));
    let ex = extract::run(std::slice::from_ref(&a));
    let e = ex.events.iter().find(|e| e.kind == EventKind::Strike).expect("a strike");
    let span = e.file_span(&a);
    assert_eq!(&text[span.start..span.end], "Russian bombs hit Kostiantynivka on February 3, killing three civilians.");
    assert_eq!(e.killed, Some(3));
}

/// A story kept as one long paragraph: what it recalls further down ("Last Tuesday") dates
/// neither the undated news at its top nor the sentence that names another place.
#[test]
fn a_long_paragraph_recalling_last_week_dates_only_what_it_recalls() {
    let text = "Title: Clashes in Kharkiv\n\nRussian shells hit the northern edge of Kharkiv, residents said. \
Smoke rose over the ring road. The army answered with artillery fire. Officials gave no figures yet. \
Residents sheltered in basements. \
Last Tuesday, at least 12 people were killed in a missile strike on a market in the centre of Kharkiv. \
Later, another missile hit a depot in the village of Tsyrkuny, injuring 5 workers.";
    let evs = events(text, "2026-03-08");
    let at = |place: &str| evs.iter().filter(|e| e.place_name.as_deref() == Some(place)).collect::<Vec<_>>();
    let market: Vec<&Ev> = at("Kharkiv").into_iter().filter(|e| e.killed == Some(12)).collect();
    assert_eq!(market.len(), 1, "{evs:#?}");
    assert_eq!(market[0].date.start, Some(d("2026-03-03")), "last Tuesday");
    // the news at the top is of the article's own time, not last Tuesday's
    let top: Vec<&Ev> = at("Kharkiv").into_iter().filter(|e| e.killed != Some(12)).collect();
    assert_eq!(top.len(), 1, "{evs:#?}");
    assert_ne!(top[0].date.start, Some(d("2026-03-03")), "{:#?}", top[0]);
    let depot = at("Tsyrkuny");
    assert_eq!(depot.len(), 1, "{evs:#?}");
    assert_eq!(depot[0].injured, Some(5));
}

/// Told again nearby with its date and pointing back ("the attack"), it is the same strike.
#[test]
fn an_undated_strike_told_again_with_its_date_nearby_stays_one() {
    let text = "Title: Drone strike\n\nA Russian drone struck a fire station in Sumy. \
The attack, on March 2, killed 2 rescuers.";
    let evs = events(text, "2026-03-04");
    let strikes: Vec<&Ev> = evs.iter().filter(|e| e.kind == EventKind::Strike).collect();
    assert_eq!(strikes.len(), 1, "{evs:#?}");
    assert_eq!((strikes[0].date.start, strikes[0].killed), (Some(d("2026-03-02")), Some(2)));
}

/// Right after undated news, a sentence that names its own place and a day of last week is
/// a report of its own, not the news told again.
#[test]
fn a_recalled_strike_next_to_undated_news_is_its_own() {
    let text = "Title: Kherson\n\nExplosions shook Kherson as Russian drones attacked the port. \
Last Monday, a strike on the Kherson railway station killed 3 people.";
    let evs = events(text, "2026-03-12");
    let strikes: Vec<&Ev> = evs.iter().filter(|e| e.kind == EventKind::Strike).collect();
    assert_eq!(strikes.len(), 2, "{evs:#?}");
    let recalled = strikes.iter().find(|e| e.killed == Some(3)).expect("the station strike");
    assert_eq!(recalled.date.start, Some(d("2026-03-09")));
    assert!(strikes.iter().any(|e| e.killed.is_none() && e.date.start != Some(d("2026-03-09"))), "{strikes:#?}");
}
