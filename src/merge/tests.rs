//! Each merge rule and each case that must not merge, on articles written for the tests and
//! run through the real reader and extractor; and merging independent of the load order.

use super::*;
use crate::corpus::parse_file;

/// Articles from `(file name, date, text)`; the extraction; the clusters.
fn run(docs: &[(&str, &str, &str)]) -> (Vec<Article>, Extraction, Clusters) {
    let mut articles = Vec::new();
    for (name, date, text) in docs {
        let file = format!("Title: {name}\nDate: {date}\n\n{text}\n");
        articles.extend(parse_file(&format!("{name}.txt"), file.as_bytes()).unwrap());
    }
    let ex = crate::extract::run(&articles);
    let clusters = merge(&articles, &ex);
    (articles, ex, clusters)
}

/// The clusters as sets of "file: sentence start", those of two or more reports only.
fn groups(articles: &[Article], ex: &Extraction, c: &Clusters) -> Vec<Vec<String>> {
    let mut by: std::collections::BTreeMap<EventId, Vec<String>> = Default::default();
    for (i, e) in ex.events.iter().enumerate() {
        let a = &articles[e.article as usize];
        let text: String = e.text(a).chars().take(30).collect();
        by.entry(c.cluster[i]).or_default().push(format!("{}: {text}", a.file));
    }
    let mut out: Vec<Vec<String>> = by
        .into_values()
        .filter(|g| g.len() > 1)
        .map(|mut g| {
            g.sort();
            g
        })
        .collect();
    out.sort();
    out
}

/// The rule that joined the event whose sentence starts with `start`.
fn rule_of(articles: &[Article], ex: &Extraction, c: &Clusters, start: &str) -> Option<Rule> {
    let i = ex.events.iter().position(|e| e.text(&articles[e.article as usize]).starts_with(start))?;
    c.joined[i].map(|(_, r)| r)
}

fn merged(docs: &[(&str, &str, &str)]) -> usize {
    let (a, ex, c) = run(docs);
    assert!(ex.events.len() >= 2, "the test's sentences give events: {:?}", ex.events.len());
    groups(&a, &ex, &c).len()
}

#[test]
fn one_strike_reported_twice_in_one_town_is_one() {
    let docs = [
        (
            "wire",
            "2026-02-05",
            "Russian shelling hit a market in Druzhkivka on February 4, killing five people, the governor said.",
        ),
        (
            "paper",
            "2026-02-05",
            "A Russian strike on the market in Druzhkivka on February 4 killed seven people and injured eight.",
        ),
    ];
    let (a, ex, c) = run(&docs);
    assert_eq!(groups(&a, &ex, &c).len(), 1, "{:?}", groups(&a, &ex, &c));
    // a later, higher toll is an update, not a conflict; the second report says why it joined
    assert_eq!(rule_of(&a, &ex, &c, "A Russian strike"), Some(Rule::SamePlace));
    assert!(c.reports.iter().all(|&r| r == 2));
}

#[test]
fn a_town_and_its_raion_on_one_day_are_one() {
    let docs = [
        (
            "wire",
            "2026-02-05",
            "Russian drones struck Druzhkivka on February 4, injuring three people, officials said.",
        ),
        (
            "paper",
            "2026-02-05",
            "Russian drones struck the Kramatorsk district on February 4, injuring three people, the regional governor said.",
        ),
    ];
    let (a, ex, c) = run(&docs);
    let g = groups(&a, &ex, &c);
    assert_eq!(g.len(), 1, "{g:?}");
    assert!(c.joined.iter().flatten().any(|(_, r)| *r == Rule::Inside), "{:?}", c.joined);
}

#[test]
fn the_same_town_on_two_days_is_two() {
    assert_eq!(
        merged(&[
            (
                "wire",
                "2026-02-05",
                "Russian shelling hit Druzhkivka on February 4, killing two people, the governor said."
            ),
            (
                "paper",
                "2026-02-06",
                "Russian shelling hit Druzhkivka on February 5, killing one person, the governor said."
            ),
        ]),
        0
    );
}

#[test]
fn different_kinds_on_one_day_in_one_place_are_two() {
    assert_eq!(
        merged(&[
            (
                "wire",
                "2026-02-05",
                "Russian shelling hit Kharkiv on February 4, killing two people, the governor said."
            ),
            (
                "paper",
                "2026-02-05",
                "Germany delivered a new air defence system to Kharkiv on February 4, the ministry said."
            ),
        ]),
        0
    );
}

#[test]
fn reports_placed_only_at_a_country_merge_only_for_a_mass_strike() {
    // two strikes "in Ukraine" on one day: may be anything
    assert_eq!(
        merged(&[
            ("wire", "2026-02-04", "Russian drones struck Ukraine on February 3, officials said."),
            ("paper", "2026-02-04", "A Russian missile hit Ukraine on February 3, the air force said."),
        ]),
        0
    );
    // the night's mass attack: one happening
    let docs = [
        (
            "wire",
            "2026-02-04",
            "Russia launched 450 drones and 71 missiles at Ukraine on the night of February 3, the air force said.",
        ),
        (
            "paper",
            "2026-02-04",
            "Russia attacked Ukraine's energy system with drones and missiles on February 3, officials said.",
        ),
    ];
    assert_eq!(merged(&docs), 1);
}

#[test]
fn talks_placed_only_at_a_country_are_not_merged() {
    assert_eq!(
        merged(&[
            (
                "wire",
                "2026-02-10",
                "The Turkish foreign minister held talks in Russia on February 9, his ministry said."
            ),
            ("paper", "2026-02-10", "A German delegation held talks in Russia on February 9 about gas supplies."),
        ]),
        0
    );
}

#[test]
fn very_different_drone_counts_keep_strikes_apart() {
    assert_eq!(
        merged(&[
            ("wire", "2026-02-04", "Russia launched 450 drones at Odesa on February 3, the air force said."),
            ("paper", "2026-02-04", "Russia launched 40 drones at Odesa on February 3, the air force said."),
        ]),
        0
    );
}

#[test]
fn front_line_claims_need_a_date_of_their_own() {
    // both dated only by the sentence before them: two advances "near Pokrovsk" may be days apart
    let lead = "On February 25, the ministry gave its daily update.";
    let a = format!("{lead} Russian forces recently advanced near Pokrovsk, the ministry claimed.");
    let b = format!("{lead} Russian troops advanced near Pokrovsk, the ministry claimed.");
    let (arts, ex, c) = run(&[("wire", "2026-02-26", &a), ("paper", "2026-02-26", &b)]);
    let claims: Vec<_> = ex.events.iter().filter(|e| e.kind == EventKind::TerritorialClaim).collect();
    assert_eq!(claims.len(), 2);
    assert!(claims.iter().all(|e| e.date.how == Resolution::Context && e.date.start.is_some()));
    assert!(groups(&arts, &ex, &c).is_empty(), "{:?}", groups(&arts, &ex, &c));
    // one states the day in its own sentence: the same advance
    let own = "Russian troops advanced near Pokrovsk on February 25, the ministry claimed.";
    let (arts, ex, c) = run(&[("wire", "2026-02-26", &a), ("paper", "2026-02-26", own)]);
    assert_eq!(groups(&arts, &ex, &c).len(), 1, "{:?}", groups(&arts, &ex, &c));
}

#[test]
fn undated_talks_join_the_nearest_dated_talks_at_their_place() {
    let docs = [
        (
            "wire",
            "2026-02-05",
            "Ukraine and Russia concluded a second round of talks in Abu Dhabi on February 5, Rustem Umerov said.",
        ),
        ("paper", "2026-02-05", "Rustem Umerov said the talks in Abu Dhabi were constructive."),
    ];
    let (a, ex, c) = run(&docs);
    let g = groups(&a, &ex, &c);
    assert_eq!(g.len(), 1, "{g:?} {:?}", ex.events.iter().map(|e| (e.kind, e.date.start)).collect::<Vec<_>>());
    assert!(c.joined.iter().flatten().any(|(_, r)| *r == Rule::Undated));
}

#[test]
fn an_undated_strike_joins_nothing() {
    assert_eq!(
        merged(&[
            (
                "wire",
                "2026-02-05",
                "Russian drones struck Kharkiv on February 4, injuring two people, the governor said."
            ),
            ("paper", "2026-02-05", "Russian drones struck Kharkiv, injuring two people, the governor said."),
        ]),
        0
    );
}

#[test]
fn two_events_of_one_article_are_never_merged_with_each_other() {
    // (the extractor keeps one event for such a pair; the demo builder makes two)
    use crate::store::demo::{Builder, Ev};
    let mut b = Builder::new();
    let (s1, s2) = ("Shelling hit Druzhkivka, killing two.", "Drones struck Druzhkivka, injuring three.");
    let a = b.article("Druzhkivka", None, None, Some("2026-02-05"), &[s1, s2]);
    for s in [s1, s2] {
        let place: &[&str] = &["Druzhkivka", "Kramatorsk Raion", "Donetsk Oblast", "Ukraine"];
        b.event(a, Ev { kind: Some(EventKind::Strike), sentence: s, date: Some("2026-02-04"), place, ..Ev::default() });
    }
    let (articles, ex) = b.parts();
    assert_eq!(ex.events.len(), 2);
    assert!(pair_rule(&ex, &ex.events[0], &ex.events[1]).is_none());
    assert!(groups(&articles, &ex, &merge(&articles, &ex)).is_empty());
}

/// The clusters do not depend on the order the files load in.
#[test]
fn merging_is_independent_of_the_load_order() {
    let docs = [
        (
            "a",
            "2026-02-05",
            "Russian shelling hit a market in Druzhkivka on February 4, killing five people, the governor said.",
        ),
        ("b", "2026-02-05", "A Russian strike on the market in Druzhkivka on February 4 killed seven people."),
        ("c", "2026-02-05", "Russian drones struck the Kramatorsk district on February 4, officials said."),
        (
            "d",
            "2026-02-04",
            "Russia launched 450 drones and 71 missiles at Ukraine on the night of February 3, the air force said.",
        ),
        (
            "e",
            "2026-02-04",
            "Russia attacked Ukraine's energy system with drones and missiles on February 3, officials said.",
        ),
        (
            "f",
            "2026-02-05",
            "Ukraine and Russia concluded a second round of talks in Abu Dhabi on February 5, Rustem Umerov said.",
        ),
        ("g", "2026-02-05", "Rustem Umerov said the talks in Abu Dhabi were constructive."),
        ("h", "2026-02-06", "Russian shelling hit Druzhkivka on February 5, killing one person, the governor said."),
    ];
    let (a, ex, c) = run(&docs);
    let want = groups(&a, &ex, &c);
    assert!(want.len() >= 3, "{want:?}");
    // every rotation and the reversed order, and a few shuffles
    let mut orders: Vec<Vec<usize>> =
        (0..docs.len()).map(|r| (0..docs.len()).map(|i| (i + r) % docs.len()).collect()).collect();
    orders.push((0..docs.len()).rev().collect());
    let mut seed = 0x9e37_79b9_u64;
    for _ in 0..8 {
        let mut o: Vec<usize> = (0..docs.len()).collect();
        for i in (1..o.len()).rev() {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            o.swap(i, (seed >> 33) as usize % (i + 1));
        }
        orders.push(o);
    }
    for o in orders {
        let shuffled: Vec<_> = o.iter().map(|&i| docs[i]).collect();
        let (a, ex, c) = run(&shuffled);
        assert_eq!(groups(&a, &ex, &c), want, "order {o:?}");
    }
}

#[test]
fn two_meetings_at_one_venue_on_one_day_are_two_but_talks_are_one() {
    // meetings and visits: the venue and the day are not enough
    assert_eq!(
        merged(&[
            (
                "wire",
                "2026-02-10",
                "The president met business leaders at the White House on February 9, officials said."
            ),
            (
                "paper",
                "2026-02-10",
                "The president met state governors at the White House on February 9, his spokesman said."
            ),
        ]),
        0
    );
    // a round of talks is one happening however it is told
    assert_eq!(
        merged(&[
            (
                "wire",
                "2026-02-10",
                "Delegations held a second round of talks in Geneva on February 9, the ministry said."
            ),
            ("paper", "2026-02-10", "Negotiators met in Geneva on February 9 for peace talks, diplomats said."),
        ]),
        1
    );
    // a meeting told with a word few reports use (a name, a topic) is one
    assert_eq!(
        merged(&[
            (
                "wire",
                "2026-02-10",
                "The president met Alibaba's chairman at Trump Tower in New York on February 9, officials said."
            ),
            (
                "paper",
                "2026-02-10",
                "Alibaba's chairman met the president in New York on February 9, the company said."
            ),
        ]),
        1
    );
}

#[test]
fn a_country_both_remarks_name_does_not_make_them_one_meeting() {
    // two things said at one venue on one day, both about one country: the country is the
    // topic of every meeting about it that week, not a sign of one meeting
    let docs = [
        (
            "wire",
            "2026-02-10",
            "The president met factory owners at the White House on February 9 to discuss trade with Brazil, officials said.",
        ),
        (
            "paper",
            "2026-02-10",
            "The president told reporters at the White House on February 9 that his envoy's trip to Brazil would be difficult.",
        ),
    ];
    let (a, ex, c) = run(&docs);
    let meets: Vec<_> = ex.events.iter().filter(|e| e.kind == EventKind::Diplomacy).collect();
    assert_eq!(
        meets.len(),
        2,
        "{:?}",
        ex.events.iter().map(|e| (e.kind, e.text(&a[e.article as usize]))).collect::<Vec<_>>()
    );
    assert!(groups(&a, &ex, &c).is_empty(), "{:?}", groups(&a, &ex, &c));
    // nor does its people's name
    assert!(names_country("brazil") && names_country("brazilian") && !names_country("tillerson"));
}

#[test]
fn an_undated_report_of_a_mass_attack_joins_the_countrys_mass_strike() {
    let night = (
        "wire",
        "2026-02-04",
        "Russia launched 450 drones and 71 missiles at Ukraine on the night of February 3, the air force said.",
    );
    // told from one city, undated, but in its own words a mass attack
    let city = (
        "paper",
        "2026-02-04",
        "Russia struck Kyiv with hundreds of drones and dozens of missiles, damaging the power grid, officials said.",
    );
    let (a, ex, c) = run(&[night, city]);
    let kyiv = ex.events.iter().find(|e| e.article == 1 && e.kind == EventKind::Strike).expect("a strike");
    assert!(kyiv.date.start.is_none() && ex.place_path(kyiv).first().is_some_and(|p| p == "Kyiv"));
    assert_eq!(groups(&a, &ex, &c).len(), 1, "{:?}", groups(&a, &ex, &c));
    assert_eq!(rule_of(&a, &ex, &c, "Russia struck Kyiv"), Some(Rule::Undated));
    // an undated strike on one city that tells of no mass attack stays alone
    let town = (
        "paper",
        "2026-02-04",
        "An evening strike on Zaporizhzhia killed two people and injured nine, the governor said.",
    );
    assert_eq!(merged(&[night, town]), 0);
    // "hundreds of thousands of homes" is not a mass attack
    let homes = (
        "paper",
        "2026-02-04",
        "A Russian strike on Kharkiv left hundreds of thousands of homes without heat, the mayor said.",
    );
    assert_eq!(merged(&[night, homes]), 0);
    // the mass strike must end in the week before the article or the day after
    let late = ("paper", "2026-02-20", city.2);
    assert_eq!(merged(&[night, late]), 0);
}

#[test]
fn claims_of_the_same_area_on_one_day_join_across_two_spellings_of_a_place() {
    let a = (
        "wire",
        "2026-02-25",
        "On February 23, Oleksandr Syrskyi said Ukrainian units had regained control over 250 square kilometers near Kupiansk.",
    );
    let b = (
        "paper",
        "2026-02-25",
        "Oleksandr Syrskyi said on February 23 that Ukrainian troops had regained control over 250 sq km near Borova.",
    );
    let (arts, ex, c) = run(&[a, b]);
    let claims: Vec<_> = ex.events.iter().filter(|e| e.kind == EventKind::TerritorialClaim).collect();
    assert_eq!(claims.len(), 2, "{:?}", ex.events.iter().map(|e| e.kind).collect::<Vec<_>>());
    assert_ne!(ex.place_path(claims[0]).first(), ex.place_path(claims[1]).first());
    assert_eq!(groups(&arts, &ex, &c).len(), 1, "{:?}", groups(&arts, &ex, &c));
    assert_eq!(rule_of(&arts, &ex, &c, "Oleksandr Syrskyi said on"), Some(Rule::SameFigure));
    // another area: two claims
    let other = ("paper", b.1, &*b.2.replace("250 sq km", "300 sq km"));
    assert_eq!(merged(&[a, other]), 0);
    // the same area on another day: two claims
    let later = ("paper", b.1, &*b.2.replace("February 23", "February 24"));
    assert_eq!(merged(&[a, later]), 0);
    assert_eq!(area_figure("regained about 1,200 square kilometres"), Some("1200 km2".into()));
    assert_eq!(area_figure("gained 29 square miles"), Some("29 mi2".into()));
    assert_eq!(area_figure("400 km² in a month"), Some("400 km2".into()));
    assert_eq!(area_figure("eight settlements and 40 people"), None);
}

#[test]
fn two_mentions_of_talks_dated_only_by_their_article_are_two() {
    // neither sentence dates itself: a meeting about the coming talks and a call to speed
    // them up, on a day both took from the lead, are not one happening
    let lead = "On February 9, the ministry gave its weekly briefing.";
    let a = format!("{lead} The envoy discussed preparations for the peace talks in Geneva with opposition leaders.");
    let b = format!("{lead} The United Nations should speed up the peace talks in Geneva, the deputy minister said.");
    let (arts, ex, c) = run(&[("wire", "2026-02-10", &a), ("paper", "2026-02-10", &b)]);
    let talks: Vec<_> = ex.events.iter().filter(|e| e.kind == EventKind::Diplomacy).collect();
    assert_eq!(talks.len(), 2);
    assert!(talks.iter().all(|e| e.date.how == Resolution::Context && e.date.start.is_some()));
    assert!(groups(&arts, &ex, &c).is_empty(), "{:?}", groups(&arts, &ex, &c));
}

#[test]
fn a_campaign_of_many_strikes_joins_nothing() {
    let docs = [
        ("wire", "2026-03-04", "A car bomb killed five people in Mosul on March 3, police said."),
        (
            "paper",
            "2026-03-04",
            "On March 3, the coalition said it had carried out dozens of air strikes around Mosul.",
        ),
    ];
    let (a, ex, c) = run(&docs);
    assert!(ex.events.iter().all(|e| e.kind == EventKind::Strike && e.date.start.is_some()));
    assert!(groups(&a, &ex, &c).is_empty(), "{:?}", groups(&a, &ex, &c));
    assert!(campaign("hundreds of airstrikes") && campaign("scores of attacks on the town"));
    // many weapons in one attack are a mass attack, not a campaign
    assert!(!campaign("hundreds of drones and dozens of missiles"));
    assert!(!campaign("dozens of people were killed in the attack"));
}

#[test]
fn reports_dated_only_by_their_articles_must_share_two_rare_words() {
    // neither sentence dates itself: the day is the articles', and says nothing
    let lead = "On February 9, the city published its weekly bulletin.";
    let film = format!("{lead} A new film tells the story of a spaceship shot down over a crowded Kharkiv suburb.");
    let drill = format!(
        "{lead} Helicopters notionally attacked the city from several directions during a drill of the Kharkiv air defence."
    );
    let (a, ex, c) = run(&[("wire", "2026-02-10", &film), ("paper", "2026-02-10", &drill)]);
    assert!(ex.events.iter().all(|e| e.kind == EventKind::Strike && e.date.how == Resolution::Context));
    assert!(groups(&a, &ex, &c).is_empty(), "{:?}", groups(&a, &ex, &c));
    // two tellings of one report share its rare words: one happening
    let one =
        format!("{lead} Shelling damaged a kindergarten and a transformer station in Kupiansk, the governor said.");
    let two = format!(
        "{lead} A kindergarten and a transformer station in Kupiansk were damaged by shelling, officials said."
    );
    let (a, ex, c) = run(&[("wire", "2026-02-10", &one), ("paper", "2026-02-10", &two)]);
    assert!(ex.events.iter().all(|e| e.date.how == Resolution::Context));
    assert_eq!(groups(&a, &ex, &c).len(), 1, "{:?}", groups(&a, &ex, &c));
}

#[test]
fn a_meeting_on_the_sidelines_of_a_summit_is_not_the_summit() {
    // both name the summit, but one reports a meeting held beside it
    assert_eq!(
        merged(&[
            ("wire", "2026-02-10", "Leaders opened a two-day summit in Vienna on February 9, officials said."),
            (
                "paper",
                "2026-02-10",
                "The two ministers held a bilateral meeting on the sidelines of the summit in Vienna on February 9."
            ),
        ]),
        0
    );
    // two reports of the summit itself are one
    assert_eq!(
        merged(&[
            ("wire", "2026-02-10", "Leaders opened a two-day summit in Vienna on February 9, officials said."),
            ("paper", "2026-02-10", "A summit of European leaders began in Vienna on February 9, diplomats said."),
        ]),
        1
    );
}
