//! One happening, many reports: events of different articles that report the same thing are
//! put in one cluster, by explainable rules, after extraction and before the store.
//!
//! Two dated reports join when every one of these holds:
//! - they come from different articles and are of the same kind;
//! - their dates are pinned to a day or a span of at most a week, and overlap;
//! - their places are the same named place, or one lies directly inside the other and the
//!   outer one is smaller than a country (a town and its raion, a palace and its city); two
//!   reports placed only at a country agree just for a mass strike (20 or more drones or
//!   missiles in one of them); a report without a place joins nothing;
//! - their drone and missile counts, where both give one, are within a factor of two (a
//!   later, higher toll is an update, so killed and injured never keep reports apart);
//! - for talks and aid, both reports are of negotiations (talks, a round, a summit, a truce;
//!   not a meeting "on the sidelines" of them, or "bilateral"), or the two sentences share a word that few reports of talks or aid use (at most one in
//!   fifty of them, or three): a venue and a day do not tell two meetings or visits apart
//!   (words that every meeting report may use, negotiation words and the names of countries
//!   and their peoples never count: see below);
//! - for every kind, when neither sentence states its own date (both took the day from their
//!   article), the day tells nothing, and the two sentences must share two words that few
//!   reports of their kind use (for kinds other than talks and aid, few of those that give
//!   no date of their own; two copies of one wire sentence do; two sentences that mention
//!   the same coming talks, "preparations for the talks in Geneva" and "the talks in Geneva
//!   should speed up", share only the talks' name; a film's plot and an air-defence drill
//!   "over Moscow" share nothing);
//! - for talks and aid, the place is not busy: when more than four articles report talks or
//!   aid there within three days (a capital's week of visits), the place alone does not tell
//!   the meetings apart, and they are not merged;
//! - for the kinds that recur every day on the front (ground fighting, territorial claims),
//!   at least one of them states its date in its own sentence: a date both took from the
//!   article's lead is too weak to say that two "advances near Pokrovsk" are one.
//!
//! A report of many strikes ("hundreds of air strikes", "dozens of attacks") tells of a
//! campaign, not of one happening, and joins nothing.
//!
//! A word that names a country or a continent, or a country's people ("Mexico", "Mexican"),
//! is never a rare word two reports share: it is what a meeting is about, and every meeting
//! about that country that week names it.
//!
//! Two dated territorial claims whose places differ (a direction spelt two ways, "Oleksandrivka"
//! and "Oleksandrivsk") still join when they give the same area, to the unit ("400 square
//! kilometers"), in one country, name an actor in common, and agree on everything above but
//! the place (kind, day, one of them dated in its own sentence, counts).
//!
//! An undated report of talks or aid at a named place (a city, not a country) joins the
//! dated cluster of the same kind and place nearest to its article's time (publication date,
//! else the latest day its other events give), when the articles are at most three days
//! apart, the two reports name an actor in common and agree as dated talks with a date of
//! their own must (both of negotiations, or a rare word in common), and exactly one cluster
//! is nearest. Undated strikes do not join, a city is struck on many days, with one
//! exception: a report that tells of a mass attack in its own words (20 or more drones or
//! missiles, or "hundreds" or "dozens" of them), placed in a country or anywhere inside it,
//! joins the country's dated mass strike (one report of it, placed at the country, counts 20
//! or more, and the counts agree) that ends nearest its article's time, in the week before it
//! or the day after, when exactly one is nearest: the night's attack on the whole country,
//! told from one of its cities. A strike on a town that tells of no mass attack (an evening
//! strike on one city) stays alone.
//!
//! Clusters are the closure of these pairs (union-find), so they do not depend on the order
//! in which files load. Pairs are only compared within blocks of the same kind, day and place
//! (or parent place), never all against all.

use std::collections::HashMap;

use chrono::{Duration, NaiveDate};

use crate::corpus::Article;
use crate::extract::{Event, EventId, EventKind, Extraction, Precision, Resolution};

/// Why a report joined its cluster.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Rule {
    /// Same kind, overlapping days, the same place.
    SamePlace,
    /// Same kind, overlapping days, one place directly inside the other.
    Inside,
    /// An undated report of talks or aid, joined to the nearest dated cluster at its place; or
    /// an undated report of a mass attack, joined to its country's nearest dated mass strike.
    Undated,
    /// Territorial claims of one day, one country and an actor in common that give the same
    /// area, their places told apart (two spellings of one direction).
    SameFigure,
}

impl Rule {
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::SamePlace => "same_place_and_day",
            Rule::Inside => "place_inside_and_day",
            Rule::Undated => "undated_nearest_at_place",
            Rule::SameFigure => "same_area_and_day",
        }
    }
}

/// The clusters of an extraction's events.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Clusters {
    /// For each event, its cluster: the lowest event id among its members (its own id when
    /// it stands alone).
    pub cluster: Vec<EventId>,
    /// For each event that joined another, the report it was joined to and the rule.
    pub joined: Vec<Option<(EventId, Rule)>>,
    /// For each event, how many articles report its cluster's happening.
    pub reports: Vec<u32>,
}

/// What the output asks of an event's happening; [`Clusters`] answers, and so does the
/// store from what it keeps of them, so that output from a store does not merge again.
pub trait Membership {
    /// The happening's id: its lowest report's.
    fn cluster_of(&self, id: EventId) -> EventId;
    /// How many articles report it.
    fn reports_of(&self, id: EventId) -> u32;
    /// The report the event was joined to, and the rule.
    fn joined_to(&self, id: EventId) -> Option<(EventId, Rule)>;
}

impl Membership for Clusters {
    fn cluster_of(&self, id: EventId) -> EventId {
        self.cluster.get(id as usize).copied().unwrap_or(id)
    }
    fn reports_of(&self, id: EventId) -> u32 {
        self.reports.get(id as usize).copied().unwrap_or(1)
    }
    fn joined_to(&self, id: EventId) -> Option<(EventId, Rule)> {
        self.joined.get(id as usize).copied().flatten()
    }
}

impl Clusters {
    /// Events in clusters of two or more reports.
    pub fn merged_events(&self) -> usize {
        self.reports.iter().filter(|&&r| r > 1).count()
    }
}

/// The longest span of days a report may cover and still be merged.
const MAX_SPAN_DAYS: i64 = 7;
/// How far apart two articles may be for an undated report to join.
const UNDATED_ARTICLE_DAYS: i64 = 3;

/// Kinds whose reports say where people met (talks, visits, pledges of aid).
fn meets(k: EventKind) -> bool {
    matches!(k, EventKind::Diplomacy | EventKind::Aid)
}

/// More articles than this reporting talks or aid at one place within three days of a
/// report make the place busy: a capital hosts many meetings a week, and the place alone no
/// longer tells them apart.
const BUSY_ARTICLES: usize = 4;
/// The days either side of a report that count for [`BUSY_ARTICLES`].
const BUSY_DAYS: i64 = 3;

/// A report's rare words, hashed, sorted.
type Words = Box<[u64]>;

/// The words of each report's sentence that few other reports of its kind use (hashed,
/// sorted): two reports of one meeting share one ("Tillerson", "Mar-a-Lago"), two meetings at
/// one venue share only what every meeting has ("President", "meeting", the venue). For
/// talks and aid (counted together), every report; for other kinds, the dated reports that
/// give no date of their own (counted among themselves), else empty. And whether each report
/// is of negotiations ([`NEGOTIATION`]).
///
/// Two passes over the sentences: the first counts each word's reports, the second keeps
/// each report's rare ones (a few), so that every report's words are never held at once.
fn rare_words(articles: &[Article], ex: &Extraction, paths: &[&[String]]) -> (Vec<Words>, Vec<bool>) {
    use std::hash::{Hash, Hasher};
    let hash = |w: &str| {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        w.hash(&mut h);
        h.finish()
    };
    let tokens = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 4 && !w.chars().all(|c| c.is_ascii_digit()))
            .map(str::to_lowercase)
            .collect()
    };
    let lexicon = crate::extract::lexicon::get();
    let mut words: Vec<Words> = vec![Box::default(); ex.events.len()];
    let mut formal: Vec<bool> = vec![false; ex.events.len()];
    // a word is rare among the reports of its kind (talks and aid together)
    let pool = |k: EventKind| if meets(k) { EventKind::Diplomacy } else { k };
    // other kinds use their words only when dated, not in their own sentence (see
    // `texts_agree`), and are counted among such reports
    let counted = |e: &Event| meets(e.kind) || (days(e).is_some() && !own_date(e));
    // a report's candidate words, hashed, sorted, once each; and whether it is of negotiations
    let candidates = |i: usize, e: &Event, w: &mut Vec<u64>| -> Option<bool> {
        w.clear();
        let a = articles.get(e.article as usize)?;
        // the place's own words are shared by every report there
        let place: Vec<String> = paths[i].iter().take(2).flat_map(|p| tokens(p)).collect();
        let toks = tokens(e.text(a));
        // a meeting "on the sidelines of a summit" is its own, not the summit
        let formal = toks.iter().any(|t| NEGOTIATION.contains(&t.as_str()))
            && !toks.iter().any(|t| SIDE_MEETING.contains(&t.as_str()));
        w.extend(
            toks.into_iter()
                .filter(|t| {
                    !place.contains(t)
                        && !MEETING_WORDS.contains(&t.as_str())
                        && !NEGOTIATION.contains(&t.as_str())
                        && !lexicon.is_common(t)
                        && !names_country(t)
                })
                .map(|t| hash(&t)),
        );
        w.sort_unstable();
        w.dedup();
        Some(formal)
    };
    let mut df: HashMap<(EventKind, u64), u32> = HashMap::new();
    let mut n: HashMap<EventKind, usize> = HashMap::new();
    let mut w = Vec::new();
    for (i, e) in ex.events.iter().enumerate() {
        if !counted(e) {
            continue;
        }
        let Some(f) = candidates(i, e, &mut w) else { continue };
        formal[i] = f;
        *n.entry(pool(e.kind)).or_default() += 1;
        for &h in &w {
            *df.entry((pool(e.kind), h)).or_default() += 1;
        }
    }
    for (i, e) in ex.events.iter().enumerate() {
        if !counted(e) || candidates(i, e, &mut w).is_none() {
            continue;
        }
        let k = pool(e.kind);
        let limit = (n.get(&k).copied().unwrap_or(0) / 50).max(3) as u32;
        w.retain(|&h| df.get(&(k, h)).is_some_and(|&n| (2..=limit).contains(&n)));
        words[i] = w.as_slice().into();
    }
    (words, formal)
}

/// Does the word name a country or a continent, or a country's people ("mexican")? Such a
/// word says what a meeting is about, never which meeting it is.
fn names_country(word: &str) -> bool {
    use crate::extract::gazetteer::{self, PlaceKind};
    let gaz = gazetteer::get();
    gaz.demonym(word).is_some()
        || gaz
            .form(word)
            .iter()
            .any(|&k| gaz.place(k).is_some_and(|p| matches!(p.kind, PlaceKind::Country | PlaceKind::Continent)))
}

/// Words every report of a meeting may use, whatever the meeting (besides the lexicon's
/// common words: days, months, function words): a few reports cannot show that they are
/// common, so they are never taken for a rare word in common.
const MEETING_WORDS: &[&str] = &[
    "said",
    "says",
    "told",
    "official",
    "officials",
    "president",
    "prime",
    "minister",
    "ministry",
    "ministers",
    "foreign",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "meeting",
    "meetings",
    "meet",
    "visit",
    "visited",
    "visits",
    "leader",
    "leaders",
    "government",
    "delegation",
    "delegations",
    "state",
    "states",
    "held",
    "hold",
    "week",
    "today",
];

/// Words that make a report one of negotiations: rounds of talks, summits and truces are one
/// happening each, however many outlets report them, and their reports share no rarer word
/// as often as not. Meetings, visits and calls are many a week.
const NEGOTIATION: &[&str] =
    &["talks", "negotiations", "negotiation", "negotiators", "summit", "round", "ceasefire", "truce", "peace"];

/// Words that make a meeting one held beside negotiations, not them: "a bilateral meeting on
/// the first day of the summit", "met on the sidelines of the talks".
const SIDE_MEETING: &[&str] = &["sidelines", "sideline", "bilateral", "margins"];

/// Do two sorted word lists share a word?
fn share(a: &[u64], b: &[u64]) -> bool {
    shared(a, b) > 0
}

/// How many words two sorted word lists share.
fn shared(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Do the sentences of two dated reports (of one kind, at one place, on overlapping days)
/// agree? When neither gives its own date, the day is only their articles' and says nothing:
/// they must share two rare words (as two copies of one wire sentence do), not just the name
/// of the talks both mention. Otherwise, talks and aid must both be of negotiations or share
/// a rare word; other kinds need nothing more.
fn texts_agree(a: &Event, b: &Event, both_negotiations: bool, wa: &[u64], wb: &[u64]) -> bool {
    if !own_date(a) && !own_date(b) {
        return shared(wa, wb) >= 2;
    }
    !meets(a.kind) || both_negotiations || share(wa, wb)
}

/// For each event, whether it reports talks or aid at a place that is busy that week.
fn busy(ex: &Extraction, paths: &[&[String]]) -> Vec<bool> {
    let events = &ex.events;
    let mut at: HashMap<(EventKind, &str), Vec<(NaiveDate, u32)>> = HashMap::new();
    for (i, e) in events.iter().enumerate() {
        if meets(e.kind)
            && let (Some((start, _)), Some(p)) = (days(e), paths[i].first())
        {
            at.entry((e.kind, p.as_str())).or_default().push((start, e.article));
        }
    }
    for list in at.values_mut() {
        list.sort_unstable();
    }
    events
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let (Some((start, end)), Some(p)) = (days(e), paths[i].first()) else { return false };
            let Some(list) = at.get(&(e.kind, p.as_str())).filter(|_| meets(e.kind)) else { return false };
            let (lo, hi) = (start - Duration::days(BUSY_DAYS), end + Duration::days(BUSY_DAYS));
            let from = list.partition_point(|(d, _)| *d < lo);
            let mut seen: Vec<u32> = Vec::new();
            for &(_, art) in list[from..].iter().take_while(|(d, _)| *d <= hi) {
                if !seen.contains(&art) {
                    seen.push(art);
                    if seen.len() > BUSY_ARTICLES {
                        return true;
                    }
                }
            }
            false
        })
        .collect()
}

/// Kinds that recur on the front every day.
fn recurs(k: EventKind) -> bool {
    matches!(k, EventKind::GroundClash | EventKind::TerritorialClaim)
}

/// The days a report is pinned to, when it can be merged at all.
fn days(e: &Event) -> Option<(NaiveDate, NaiveDate)> {
    let start = e.date.start?;
    let end = e.date.end.unwrap_or(start);
    let pinned = matches!(e.date.precision, Precision::Day | Precision::Range);
    (pinned && end >= start && (end - start).num_days() <= MAX_SPAN_DAYS).then_some((start, end))
}

/// Does the event's own sentence give its date?
fn own_date(e: &Event) -> bool {
    matches!(e.date.how, Resolution::Explicit | Resolution::InferredYear | Resolution::Relative)
}

fn counts_agree(a: &Event, b: &Event) -> bool {
    let close = |x: Option<u32>, y: Option<u32>| match (x, y) {
        (Some(x), Some(y)) if x > 0 && y > 0 => x.max(y) <= 2 * x.min(y),
        _ => true,
    };
    close(a.drones, b.drones) && close(a.missiles, b.missiles)
}

/// Is this place a country (or coarser): its path is the place and its continent at most.
fn country_or_coarser(path: &[String]) -> bool {
    path.len() <= 2
}

/// A mass attack: a strike with at least this many drones or missiles is one happening
/// across a whole country on its night.
const MASS_ATTACK: u32 = 20;

/// Words that say "many" of what follows ("hundreds of drones").
const MANY: &[&str] = &["hundreds", "dozens", "scores", "thousands"];
/// How the weapons of a mass attack are named (word starts).
const MASS_WEAPONS: &[&str] = &["drone", "missile", "rocket", "shahed"];

/// Does the report tell of a mass attack: 20 or more drones or missiles counted, or its
/// sentence speaks of "hundreds" or "dozens of" drones or missiles?
fn mass_report(e: &Event, text: &str) -> bool {
    if e.drones.max(e.missiles).is_some_and(|n| n >= MASS_ATTACK) {
        return true;
    }
    many_of(text, MASS_WEAPONS, 4)
}

/// Does the text say "hundreds of" (or dozens, scores, thousands) followed, within `within`
/// words, by a word that starts with one of `what`?
fn many_of(text: &str, what: &[&str], within: usize) -> bool {
    // every word of MANY ends in "s": most sentences are passed over without a word split
    if !text.contains("s of ") {
        return false;
    }
    let words: Vec<String> =
        text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
    (0..words.len().saturating_sub(2)).any(|i| {
        MANY.contains(&words[i].as_str())
            && words[i + 1] == "of"
            && words[i + 2..].iter().take(within).any(|w| what.iter().any(|m| w.starts_with(m)))
    })
}

/// What many strikes are called (word starts): "hundreds of air strikes" is a campaign.
const STRIKES: &[&str] = &["strike", "airstrike", "attack", "raid", "sortie", "bombing", "assault"];

/// Does the sentence tell of many strikes ("hundreds of air strikes", "dozens of attacks"), a
/// campaign rather than one happening?
fn campaign(text: &str) -> bool {
    many_of(text, STRIKES, 2)
}

/// The area a sentence gives, with its unit ("400 km2", "29 mi2"): a number followed by
/// "square kilometers", "sq km", "km2" and the like; the first one given.
fn area_figure(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '²').to_lowercase())
        .collect();
    for (i, w) in words.iter().enumerate() {
        let digits = w.replace(',', "");
        if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit() || c == '.') {
            continue;
        }
        let Ok(n) = digits.parse::<f64>() else { continue };
        let next = |k: usize| words.get(i + k).map(String::as_str).unwrap_or("");
        let unit = |u: &str| {
            if u.starts_with("kilomet") || u == "km" || u == "kms" {
                Some("km2")
            } else if u.starts_with("mile") || u == "mi" {
                Some("mi2")
            } else {
                None
            }
        };
        let found = match next(1) {
            "square" | "sq" => unit(next(2)),
            "km2" | "km²" => Some("km2"),
            "mi2" | "mi²" => Some("mi2"),
            _ => None,
        };
        if let Some(u) = found {
            return Some(format!("{n} {u}"));
        }
    }
    None
}

/// The country of a place path (the place before the continent), if the path has one.
fn country_of(path: &[String]) -> Option<&str> {
    (path.len() >= 2).then(|| path[path.len() - 2].as_str())
}

/// The rule by which two places agree: the same named place, or one directly inside the
/// other where the outer one is smaller than a country. Two reports placed only at a country
/// agree just for strikes when one counts a mass attack (the night's attack on all Ukraine);
/// talks "in Russia" or a "strike in Syria" on one day are many happenings.
fn place_rule(a: &Event, pa: &[String], b: &Event, pb: &[String]) -> Option<Rule> {
    let (oa, ob) = (pa.first()?, pb.first()?);
    if oa == ob {
        if !country_or_coarser(pa) {
            return Some(Rule::SamePlace);
        }
        let mass = |e: &Event| e.drones.max(e.missiles).is_some_and(|n| n >= MASS_ATTACK);
        return (a.kind == EventKind::Strike && (mass(a) || mass(b))).then_some(Rule::SamePlace);
    }
    let inside = |inner: &[String], outer: &[String]| inner.get(1) == outer.first() && !country_or_coarser(outer);
    (inside(pa, pb) || inside(pb, pa)).then_some(Rule::Inside)
}

/// Do two dated reports tell of one happening (their places not busy)? The rule that says so.
#[cfg(test)]
fn pair_rule(ex: &Extraction, a: &Event, b: &Event) -> Option<Rule> {
    pair_rule_busy(a, ex.place_path(a), false, b, ex.place_path(b), false)
}

/// [`pair_rule_at`] knowing whether each report's place is busy that week (see [`busy`]).
fn pair_rule_busy(a: &Event, pa: &[String], busy_a: bool, b: &Event, pb: &[String], busy_b: bool) -> Option<Rule> {
    if meets(a.kind) && (busy_a || busy_b) {
        return None;
    }
    if a.article == b.article || a.kind != b.kind {
        return None;
    }
    let ((s1, e1), (s2, e2)) = (days(a)?, days(b)?);
    if e1 < s2 || e2 < s1 {
        return None;
    }
    if recurs(a.kind) && !own_date(a) && !own_date(b) {
        return None;
    }
    if !counts_agree(a, b) {
        return None;
    }
    place_rule(a, pa, b, pb)
}

struct UnionFind {
    parent: Vec<u32>,
}

impl UnionFind {
    fn find(&mut self, mut x: u32) -> u32 {
        while self.parent[x as usize] != x {
            let up = self.parent[self.parent[x as usize] as usize];
            self.parent[x as usize] = up;
            x = up;
        }
        x
    }
    /// Join the two sets; the lower root stays the root.
    fn union(&mut self, a: u32, b: u32) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return false;
        }
        let (lo, hi) = (ra.min(rb), ra.max(rb));
        self.parent[hi as usize] = lo;
        true
    }
}

/// Cluster the events of `ex` (extracted from `articles`).
/// `groups` when given (a store knows them), else the extraction merged now, kept in `slot`.
pub fn or_merged<'a>(
    groups: Option<&'a dyn Membership>,
    articles: &[Article],
    ex: &Extraction,
    slot: &'a mut Option<Clusters>,
) -> &'a dyn Membership {
    match groups {
        Some(g) => g,
        None => slot.insert(merge(articles, ex)),
    }
}

pub fn merge(articles: &[Article], ex: &Extraction) -> Clusters {
    let events = &ex.events;
    let n = events.len();
    let mut uf = UnionFind { parent: (0..n as u32).collect() };
    let mut joined: Vec<Option<(EventId, Rule)>> = vec![None; n];

    // Blocks: kind, day, and the place or its parent (a town and its raion meet in the
    // raion's block). Pairs are compared once, in the block of their first shared key.
    let paths: Vec<&[String]> = events.iter().map(|e| ex.place_path(e)).collect();
    let busy = busy(ex, &paths);
    let (words, formal) = rare_words(articles, ex, &paths);
    let campaign: Vec<bool> =
        events.iter().map(|e| articles.get(e.article as usize).is_some_and(|a| campaign(e.text(a)))).collect();
    // Each block is a run of (key, event) pairs sorted by a hash of the key: 16 bytes per
    // entry, where a map of vectors took several times that. Two keys hashing alike only put
    // more reports in one block; the pair rules still compare kind, day and place.
    let block_key = |k: EventKind, d: NaiveDate, place: &str| {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (k.index(), d, place).hash(&mut h);
        h.finish()
    };
    let mut blocks: Vec<(u64, u32)> = Vec::new();
    for (i, e) in events.iter().enumerate() {
        // a campaign of many strikes joins nothing
        let (Some((start, end)), Some(own), false) = (days(e), paths[i].first(), campaign[i]) else {
            continue;
        };
        let parent = paths[i].get(1);
        let mut d = start;
        while d <= end {
            blocks.push((block_key(e.kind, d, own), i as u32));
            if let Some(p) = parent {
                blocks.push((block_key(e.kind, d, p), i as u32));
            }
            d += Duration::days(1);
        }
    }
    // in a stable order (the hash is SipHash with fixed keys), so that which pair is
    // recorded as the join does not depend on the load order's accidents
    blocks.sort_unstable();
    blocks.dedup();
    for run in blocks.chunk_by(|a, b| a.0 == b.0) {
        let members: Vec<u32> = run.iter().map(|&(_, i)| i).collect();
        for (x, &i) in members.iter().enumerate() {
            for &j in &members[x + 1..] {
                // already one happening (through other reports): nothing to learn
                if i == j || uf.find(i) == uf.find(j) {
                    continue;
                }
                let (a, b) = (&events[i as usize], &events[j as usize]);
                let (i_, j_) = (i as usize, j as usize);
                if let Some(rule) = pair_rule_busy(a, paths[i_], busy[i_], b, paths[j_], busy[j_])
                    && texts_agree(a, b, formal[i_] && formal[j_], &words[i_], &words[j_])
                {
                    join_pair(&mut uf, &mut joined, events, i, j, rule);
                }
            }
        }
    }

    join_same_figure(articles, ex, (&paths, &campaign), &mut uf, &mut joined);
    join_undated(articles, ex, (&words, &formal, &campaign), &mut uf, &mut joined);
    join_undated_mass(articles, ex, (&paths, &campaign), &mut uf, &mut joined);

    drop(blocks);
    let root: Vec<u32> = (0..n as u32).map(|i| uf.find(i)).collect();
    // articles per cluster: its (root, article) pairs, each counted once
    let mut pairs: Vec<(u32, u32)> = events.iter().enumerate().map(|(i, e)| (root[i], e.article)).collect();
    pairs.sort_unstable();
    pairs.dedup();
    let mut count = vec![0u32; n];
    for (r, _) in pairs {
        count[r as usize] += 1;
    }
    let reports = root.iter().map(|&r| count[r as usize]).collect();
    let cluster = root.iter().map(|&r| events[r as usize].id).collect();
    Clusters { cluster, joined, reports }
}

/// Make reports `i` and `j` one happening; when they were apart, the later is recorded as
/// joined to the earlier by `rule` (unless it joined another before).
fn join_pair(uf: &mut UnionFind, joined: &mut [Option<(EventId, Rule)>], events: &[Event], i: u32, j: u32, rule: Rule) {
    if uf.union(i, j) {
        let (lo, hi) = (i.min(j), i.max(j));
        joined[hi as usize].get_or_insert((events[lo as usize].id, rule));
    }
}

/// Territorial claims whose places differ but that give the same area on one day, in one
/// country, with an actor in common (see the module's doc).
fn join_same_figure(
    articles: &[Article],
    ex: &Extraction,
    (paths, campaign): (&[&[String]], &[bool]),
    uf: &mut UnionFind,
    joined: &mut [Option<(EventId, Rule)>],
) {
    let events = &ex.events;
    let mut by: HashMap<(String, &str), Vec<u32>> = HashMap::new();
    for (i, e) in events.iter().enumerate() {
        if e.kind != EventKind::TerritorialClaim || days(e).is_none() || campaign[i] {
            continue;
        }
        let (Some(a), Some(country)) = (articles.get(e.article as usize), country_of(paths[i])) else { continue };
        if let Some(f) = area_figure(e.text(a)) {
            by.entry((f, country)).or_default().push(i as u32);
        }
    }
    let mut keys: Vec<_> = by.keys().cloned().collect();
    keys.sort_unstable();
    for key in keys {
        let members = &by[&key];
        for (x, &i) in members.iter().enumerate() {
            for &j in &members[x + 1..] {
                if uf.find(i) == uf.find(j) {
                    continue;
                }
                let (a, b) = (&events[i as usize], &events[j as usize]);
                if a.article == b.article || !counts_agree(a, b) || !shares_actor(ex, a, b) {
                    continue;
                }
                let ((s1, e1), (s2, e2)) = match (days(a), days(b)) {
                    (Some(x), Some(y)) => (x, y),
                    _ => continue,
                };
                if e1 < s2 || e2 < s1 || (!own_date(a) && !own_date(b)) {
                    continue;
                }
                join_pair(uf, joined, events, i, j, Rule::SameFigure);
            }
        }
    }
}

/// Undated reports of a mass attack join their country's dated mass strike nearest their
/// article's time (see the module's doc).
fn join_undated_mass(
    articles: &[Article],
    ex: &Extraction,
    (paths, campaign): (&[&[String]], &[bool]),
    uf: &mut UnionFind,
    joined: &mut [Option<(EventId, Rule)>],
) {
    let events = &ex.events;
    let mass = |e: &Event| e.drones.max(e.missiles).is_some_and(|n| n >= MASS_ATTACK);
    // dated mass strikes placed at a country, by country, by the day they end
    let mut at: HashMap<&str, Vec<(NaiveDate, u32)>> = HashMap::new();
    for (i, e) in events.iter().enumerate() {
        if e.kind == EventKind::Strike
            && mass(e)
            && !campaign[i]
            && country_or_coarser(paths[i])
            && let (Some((_, end)), Some(p)) = (days(e), paths[i].first())
        {
            at.entry(p.as_str()).or_default().push((end, i as u32));
        }
    }
    if at.is_empty() {
        return;
    }
    for list in at.values_mut() {
        list.sort_unstable();
    }
    let times = article_times(articles, ex);
    for (i, u) in events.iter().enumerate() {
        if u.kind != EventKind::Strike || u.date.start.is_some() {
            continue;
        }
        let Some(a) = articles.get(u.article as usize) else { continue };
        let Some(t) = times.get(u.article as usize).copied().flatten() else { continue };
        if paths[i].is_empty() || campaign[i] || !mass_report(u, u.text(a)) {
            continue;
        }
        let mut best = Nearest::default();
        for place in paths[i].iter() {
            let Some(cands) = at.get(place.as_str()) else { continue };
            let (lo, hi) = (t - Duration::days(MAX_SPAN_DAYS), t + Duration::days(1));
            let from = cands.partition_point(|(end, _)| *end < lo);
            for &(end, j) in cands[from..].iter().take_while(|(end, _)| *end <= hi) {
                let d = &events[j as usize];
                if d.article == u.article || !counts_agree(u, d) {
                    continue;
                }
                best.offer((end - t).num_days().abs(), uf.find(j));
            }
        }
        best.join(i, uf, events, joined);
    }
}

/// The clusters nearest in days to an undated report, among those offered: it joins one
/// only when exactly one is nearest.
#[derive(Default)]
struct Nearest {
    best: Option<(i64, Vec<u32>)>,
}

impl Nearest {
    /// A cluster (its root) `dist` days away.
    fn offer(&mut self, dist: i64, root: u32) {
        match &mut self.best {
            Some((bd, roots)) if dist == *bd => {
                if !roots.contains(&root) {
                    roots.push(root);
                }
            }
            Some((bd, _)) if dist > *bd => {}
            _ => self.best = Some((dist, vec![root])),
        }
    }

    /// Join report `i` to the one nearest cluster, if one alone is nearest.
    fn join(&self, i: usize, uf: &mut UnionFind, events: &[Event], joined: &mut [Option<(EventId, Rule)>]) {
        if let Some((_, roots)) = &self.best
            && let [root] = roots.as_slice()
            && uf.union(i as u32, *root)
        {
            joined[i] = Some((events[*root as usize].id, Rule::Undated));
        }
    }
}

/// The time of each article: its publication date, else the latest day its events give.
fn article_times(articles: &[Article], ex: &Extraction) -> Vec<Option<NaiveDate>> {
    let mut t: Vec<Option<NaiveDate>> = articles.iter().map(|a| a.published).collect();
    let mut latest: Vec<Option<NaiveDate>> = vec![None; articles.len()];
    for e in &ex.events {
        if let (Some(slot), Some(d)) = (latest.get_mut(e.article as usize), e.date.end.or(e.date.start)) {
            *slot = (*slot).max(Some(d));
        }
    }
    for (slot, l) in t.iter_mut().zip(latest) {
        if slot.is_none() {
            *slot = l;
        }
    }
    t
}

/// Do two reports name one actor in common?
fn shares_actor(ex: &Extraction, a: &Event, b: &Event) -> bool {
    let theirs: Vec<&str> = ex.actors(b).collect();
    ex.actors(a).any(|x| theirs.contains(&x))
}

/// Undated reports of talks or aid at a named place join the nearest dated cluster there.
fn join_undated(
    articles: &[Article],
    ex: &Extraction,
    (words, formal, campaign): (&[Words], &[bool], &[bool]),
    uf: &mut UnionFind,
    joined: &mut [Option<(EventId, Rule)>],
) {
    let events = &ex.events;
    let undated_kind = |k: EventKind| matches!(k, EventKind::Diplomacy | EventKind::Aid);
    // dated reports by kind and place, by the day they end
    let mut at: HashMap<(EventKind, &str), Vec<(NaiveDate, u32)>> = HashMap::new();
    for (i, e) in events.iter().enumerate() {
        if undated_kind(e.kind)
            && let Some((_, end)) = days(e)
            && let Some(p) = ex.place_path(e).first()
        {
            at.entry((e.kind, p.as_str())).or_default().push((end, i as u32));
        }
    }
    for list in at.values_mut() {
        list.sort_unstable();
    }
    if at.is_empty() {
        return;
    }
    let times = article_times(articles, ex);
    let time = |a: u32| times.get(a as usize).copied().flatten();
    for (i, u) in events.iter().enumerate() {
        if !undated_kind(u.kind) || u.date.start.is_some() || campaign[i] {
            continue;
        }
        let path = ex.place_path(u);
        // a named place: a city or a venue, not a country or a region
        if path.len() < 3 {
            continue;
        }
        let Some(t) = time(u.article) else { continue };
        let Some(cands) = at.get(&(u.kind, path[0].as_str())) else { continue };
        let mut best = Nearest::default();
        // only the reports that end in the week before the article's time (or the day after)
        let (lo, hi) = (t - Duration::days(MAX_SPAN_DAYS), t + Duration::days(1));
        let from = cands.partition_point(|(end, _)| *end < lo);
        for &(end, j) in cands[from..].iter().take_while(|(end, _)| *end <= hi) {
            let d = &events[j as usize];
            if d.article == u.article || campaign[j as usize] || !counts_agree(u, d) || !shares_actor(ex, u, d) {
                continue;
            }
            let j_ = j as usize;
            let agree = (formal[i] && formal[j_]) || share(&words[i], &words[j_]);
            if !agree {
                continue;
            }
            let Some(td) = time(d.article) else { continue };
            if (td - t).num_days().abs() > UNDATED_ARTICLE_DAYS {
                continue;
            }
            best.offer((end - t).num_days().abs(), uf.find(j));
        }
        best.join(i, uf, events, joined);
    }
}

#[cfg(test)]
mod tests;
