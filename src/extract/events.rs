//! Events: classify sentences by what happened, attach place, date, counts, actors,
//! weapons and claimant, and merge sentences that tell one happening.

use chrono::NaiveDate;

use super::counts::{Counts, Tok, blank_footnotes, counts_in, tokens, toks_within};
use super::dates::DateExpr;
use super::entities::{Found, Key};
use super::gazetteer::{Gazetteer, PlaceKind};
use super::text::{Lower, Sentence, in_list_ci, leading_run, trailing_run};
use super::types::{DateValue, EntityKind, EventKind, Precision, Resolution, Status};

/// An event before entity ids are assigned: refers to mentions by index.
#[derive(Debug, Clone)]
pub struct Draft {
    pub kind: EventKind,
    pub date: DateValue,
    /// Index into the article's mentions.
    pub place: Option<usize>,
    pub actors: Vec<String>,
    pub killed: Option<u32>,
    pub injured: Option<u32>,
    pub drones: Option<u32>,
    pub missiles: Option<u32>,
    pub weapons: Vec<usize>,
    pub claimed_by: Option<String>,
    pub status: Status,
    /// Body byte range of the first sentence (the one shown) and of all merged sentences.
    pub start: usize,
    pub end: usize,
    pub mentions: Vec<usize>,
    sentence: usize,
    paragraph: usize,
}

/// Which kinds of event a sentence reports (possibly several).
pub fn classify(sentence: &str) -> Vec<EventKind> {
    let lower = sentence.to_ascii_lowercase();
    let toks = tokens(&lower);
    let hits = trigger_hits(&lower);
    classify_unit(sentence, &toks, unit_groups(&hits, 0, lower.len()), 4)
}

/// Classify a sentence or a clause of one; units shorter than `min_words` (headings,
/// fragments) report nothing.
/// The trigger lists of the classifier. Each list is a group: words match whole words,
/// phrases match anywhere (as `str::contains` would). One Aho-Corasick pass over a clause
/// finds every group present; that replaced dozens of `contains` calls per sentence.
mod trig {
    pub const AERIAL: usize = 0;
    pub const INCURSION_W: usize = 1;
    pub const FLEW: usize = 2;
    pub const INCURSION_N: usize = 3;
    pub const TERR_VERB: usize = 4;
    pub const OCCUPIED: usize = 5;
    pub const ADVANCED: usize = 6;
    pub const ADV_DIR: usize = 7;
    pub const TAKEN: usize = 8;
    pub const PLACES: usize = 9;
    pub const GAINED: usize = 10;
    pub const SQUARE: usize = 11;
    pub const HYPOTHETICAL: usize = 12;
    pub const LAUNCHED: usize = 13;
    pub const MUNITIONS: usize = 14;
    pub const CONDITIONAL: usize = 15;
    pub const STRIKE_W: usize = 16;
    pub const STRIKE_PH: usize = 17;
    pub const CLASH_W: usize = 18;
    pub const CLASH_PH: usize = 19;
    pub const CASUALTY: usize = 20;
    pub const ATTACK_CTX: usize = 21;
    pub const NEGATION: usize = 22;
    pub const WEAPONRY: usize = 23;
    pub const DIRECTION: usize = 24;
    pub const ATTACK_PH: usize = 25;
    pub const FIGHT_TO: usize = 26;
    pub const VAGUE_AID: usize = 27;
    pub const AID_PH: usize = 28;
    pub const AID_W: usize = 29;
    pub const ANNOUNCED: usize = 30;
    pub const AID_NEAR: usize = 31;
    pub const AID_OBJECT: usize = 32;
    pub const MEETING: usize = 33;
    pub const TALKS: usize = 34;
    pub const NO_SIGNS: usize = 35;
    pub const SPECULATIVE: usize = 36;
    pub const COULD: usize = 37;
    pub const COULD_NOT: usize = 38;

    /// (group, whole words?, entries), indexed by group.
    pub const LISTS: &[(usize, bool, &[&str])] = &[
        (
            AERIAL,
            true,
            &["drone", "drones", "aircraft", "jet", "jets", "fighter", "helicopter", "uav", "uavs", "missile"],
        ),
        (INCURSION_W, true, &["airspace", "balloons", "balloon", "overflight", "overflights"]),
        (FLEW, false, &["flew over", "flew above", "flying over", "flew into"]),
        (INCURSION_N, true, &["incursion", "incursions"]),
        (TERR_VERB, true, &["captured", "seized", "liberated", "recaptured", "retook", "occupied"]),
        (OCCUPIED, false, &["occupied territor", "occupied areas", "occupied parts"]),
        (ADVANCED, true, &["advanced", "advancing", "pushed"]),
        (ADV_DIR, true, &["near", "in", "into", "toward", "towards", "west", "east", "north", "south"]),
        (TAKEN, true, &["taken", "took", "taking", "take", "capture", "claimed", "seize", "gained"]),
        (
            PLACES,
            true,
            &[
                "village",
                "villages",
                "town",
                "towns",
                "city",
                "settlement",
                "settlements",
                "control",
                "positions",
                "hamlet",
                "territory",
            ],
        ),
        (GAINED, true, &["gained", "captured", "seized", "lost"]),
        (SQUARE, true, &["square"]),
        (
            HYPOTHETICAL,
            true,
            &[
                "demand",
                "demands",
                "demanded",
                "considers",
                "wants",
                "cession",
                "cede",
                "proposal",
                "proposed",
                "aims",
                "aim",
                "seeks",
                "plans",
            ],
        ),
        (LAUNCHED, true, &["launched", "fired", "lobbed"]),
        (MUNITIONS, true, &["missiles", "missile", "drones", "drone", "rockets", "bombs", "shells", "shaheds"]),
        (CONDITIONAL, false, &["if attacked", "could strike", "would strike", "threatened to strike", "capable of"]),
        (
            STRIKE_W,
            true,
            &[
                "struck",
                "shelling",
                "shelled",
                "bombed",
                "bombing",
                "airstrike",
                "airstrikes",
                "barrage",
                "bombardment",
                "explosions",
                "hit",
                "striking",
                "targeted",
                "intercepted",
                "intercepting",
                "downed",
            ],
        ),
        (
            STRIKE_PH,
            false,
            &[
                "drone attack",
                "missile attack",
                "drone strike",
                "missile strike",
                "aerial attack",
                "air attack",
                "air strike",
                "combined strike",
                "massive strike",
                "attack on",
                "attacks on",
                "was attacked",
                "were attacked",
                "strikes on",
                "strike on",
                "strikes in",
                "strikes against",
                "struck by",
                "aerial bombs",
                "glide bomb",
                "launched drones",
                "fired drones",
                "drones and missiles",
                "drone and missile",
                "missiles and drones",
                "drone assault",
                "attacked",
            ],
        ),
        (
            CLASH_W,
            true,
            &[
                "fighting",
                "clashes",
                "assaults",
                "repelled",
                "engagements",
                "battles",
                "counterattack",
                "counterattacks",
                "stormed",
                "firefights",
            ],
        ),
        (
            CLASH_PH,
            false,
            &[
                "infantry assault",
                "ground assault",
                "attacked positions",
                "combat engagements",
                "assault on positions",
                "offensive operations",
            ],
        ),
        (
            CASUALTY,
            true,
            &[
                "killed",
                "killing",
                "injured",
                "injuring",
                "wounded",
                "wounding",
                "dead",
                "deaths",
                "fatalities",
                "injuries",
                "died",
                "casualties",
            ],
        ),
        (
            ATTACK_CTX,
            true,
            &[
                "attack",
                "debris",
                "uavs",
                "strike",
                "strikes",
                "drones",
                "missiles",
                "drone",
                "missile",
                "shells",
                "artillery",
                "bombs",
            ],
        ),
        (
            NEGATION,
            false,
            &[
                "zero drone",
                "zero attacks",
                "no attacks",
                "no strikes",
                "no drone attacks",
                "no missile attacks",
                "no shelling",
            ],
        ),
        (
            WEAPONRY,
            true,
            &[
                "drone",
                "drones",
                "missile",
                "missiles",
                "bomb",
                "bombs",
                "shelling",
                "artillery",
                "airstrike",
                "airstrikes",
                "rocket",
                "rockets",
                "shahed",
                "shaheds",
                "uav",
                "uavs",
            ],
        ),
        (DIRECTION, true, &["direction", "directions", "assaults", "assault"]),
        (ATTACK_PH, false, &["attacked", "attacks", "attack"]),
        (FIGHT_TO, false, &["fighting to ", "fight to ", "fighting for "]),
        (
            VAGUE_AID,
            true,
            &[
                "plead",
                "pleaded",
                "urged",
                "continued",
                "calls",
                "called",
                "need",
                "needs",
                "expected",
                "galvanize",
                "allegations",
                "increased",
            ],
        ),
        (
            AID_PH,
            false,
            &[
                "aid package",
                "package of",
                "assistance package",
                "military aid to",
                "humanitarian aid to",
                "buy and deliver",
                "to deliver",
                "will donate",
                "will send",
                "has sent",
                "have sent",
                "will supply",
                "will provide",
                "speed up",
            ],
        ),
        (AID_W, true, &["delivered", "donated", "pledged", "supplied", "transferred", "allocated"]),
        (ANNOUNCED, true, &["announced", "approved", "prepared", "unveiled", "signed"]),
        (AID_NEAR, true, &["package", "aid", "tranche", "funding", "systems"]),
        (
            AID_OBJECT,
            true,
            &[
                "aid",
                "package",
                "assistance",
                "donated",
                "pledged",
                "tranche",
                "deliveries",
                "systems",
                "weapons",
                "funding",
                "loan",
                "grant",
                "ammunition",
                "missiles",
                "drones",
                "equipment",
            ],
        ),
        (
            MEETING,
            true,
            &[
                "meeting",
                "meetings",
                "met",
                "visit",
                "visits",
                "visited",
                "visiting",
                "summit",
                "delegations",
                "delegation",
                "trip",
            ],
        ),
        (TALKS, true, &["talks"]),
        (NO_SIGNS, false, &["no signs", "ongoing peace talks", "during ongoing"]),
        (SPECULATIVE, true, &["whether", "likely", "might", "would", "if", "unless"]),
        (COULD, false, &["could "]),
        (COULD_NOT, false, &["could not"]),
    ];
}

struct Triggers {
    ac: aho_corasick::AhoCorasick,
    /// Per pattern: the groups it belongs to as a whole word, and as a phrase.
    masks: Vec<(u64, u64)>,
}

static TRIGGERS: std::sync::LazyLock<Triggers> = std::sync::LazyLock::new(|| {
    let mut index: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let mut pats: Vec<&str> = Vec::new();
    let mut masks: Vec<(u64, u64)> = Vec::new();
    for (i, &(group, word, list)) in trig::LISTS.iter().enumerate() {
        debug_assert_eq!(i, group);
        for &p in list {
            let k = *index.entry(p).or_insert_with(|| {
                pats.push(p);
                masks.push((0, 0));
                pats.len() - 1
            });
            if word {
                masks[k].0 |= 1 << group;
            } else {
                masks[k].1 |= 1 << group;
            }
        }
    }
    // A few hundred short patterns: the DFA is the fastest of the automata at this size.
    let ac = aho_corasick::AhoCorasick::builder()
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(&pats)
        .expect("trigger patterns build");
    Triggers { ac, masks }
});

/// Where trigger patterns occur in a lowercased sentence: (start, end, groups), the word
/// groups counted only where the match is a whole word. One pass per sentence; a clause
/// takes the hits inside it (`unit_groups`).
fn trigger_hits(lower: &str) -> Vec<(usize, usize, u64)> {
    let t = &*TRIGGERS;
    let b = lower.as_bytes();
    let mut out = Vec::new();
    for m in t.ac.find_overlapping_iter(lower) {
        let (words, phrases) = t.masks[m.pattern().as_usize()];
        let mut mask = phrases;
        if words != 0 {
            let before = m.start() == 0 || !lower[..m.start()].chars().next_back().is_some_and(char::is_alphanumeric);
            let after = m.end() == b.len() || !lower[m.end()..].chars().next().is_some_and(char::is_alphanumeric);
            // Tokens keep inner hyphens and apostrophes ("long-range"): a word ends there too.
            let inner = |c: Option<char>| matches!(c, Some('-' | '\'' | '’'));
            let before = before && !inner(lower[..m.start()].chars().next_back());
            let after = after && !inner(lower[m.end()..].chars().next());
            if before && after {
                mask |= words;
            }
        }
        if mask != 0 {
            out.push((m.start(), m.end(), mask));
        }
    }
    out
}

/// The trigger groups present in the byte range `a..b` of the sentence `hits` came from.
fn unit_groups(hits: &[(usize, usize, u64)], a: usize, b: usize) -> u64 {
    hits.iter().filter(|&&(s, e, _)| s >= a && e <= b).fold(0, |m, &(_, _, g)| m | g)
}

/// Is a word of group `a` followed within `within` words by one of group `b`?
fn near_groups(words: &[Tok], a: usize, b: usize, within: usize) -> bool {
    let (la, lb) = (trig::LISTS[a].2, trig::LISTS[b].2);
    words.iter().enumerate().any(|(i, w)| {
        la.contains(&w.text) && words[i + 1..words.len().min(i + 1 + within)].iter().any(|x| lb.contains(&x.text))
    })
}

/// Classify one unit: `toks` are its tokens (lowercase), `mask` the trigger groups in it.
fn classify_unit(sentence: &str, toks: &[Tok], mask: u64, min_words: usize) -> Vec<EventKind> {
    use trig::*;
    // Headings and fragments report nothing: short, or with no closing punctuation.
    let closed = sentence.trim_end().ends_with(['.', '!', '?', '"', '”', ']', ')']);
    if toks.len() < min_words || (!closed && toks.len() < 8) {
        return Vec::new();
    }
    let has = |g: usize| mask & (1 << g) != 0;
    // "A near B" needs word positions: only worked out when both groups occur at all.
    let near = |a: usize, b: usize, n: usize| has(a) && has(b) && near_groups(toks, a, b, n);
    let mut kinds = Vec::new();
    // Airspace incursions: a ground "incursion into Kupiansk" is fighting, refugees who
    // "crossed into Poland" are neither.
    let aerial = has(AERIAL);
    let incursion = has(INCURSION_W) || (has(FLEW) && aerial) || (has(INCURSION_N) && aerial);
    if incursion {
        kinds.push(EventKind::Incursion);
    }
    let ground_incursion = has(INCURSION_N) && !incursion;
    let territorial = has(TERR_VERB) && !has(OCCUPIED)
        || near(ADVANCED, ADV_DIR, 3)
        || near(TAKEN, PLACES, 5)
        || near(GAINED, SQUARE, 4);
    if territorial && !has(HYPOTHETICAL) {
        kinds.push(EventKind::TerritorialClaim);
    }
    let launched = near(LAUNCHED, MUNITIONS, 5);
    let strike_words = has(STRIKE_W) || has(STRIKE_PH);
    let clash = has(CLASH_W) || has(CLASH_PH);
    if !incursion && !has(CONDITIONAL) && (strike_words || launched || (has(CASUALTY) && !clash && has(ATTACK_CTX))) {
        kinds.push(EventKind::Strike);
    }
    // "there were zero drone attacks", "no strikes were reported": nothing happened.
    if has(NEGATION) {
        kinds.retain(|k| *k != EventKind::Strike);
    }
    // General Staff style: "the invaders attacked on the Oleksandrivka direction" is a
    // ground assault unless a weapon says otherwise.
    let ground_attack = (has(DIRECTION) && has(ATTACK_PH) && !has(WEAPONRY)) || ground_incursion;
    if ground_attack {
        kinds.retain(|k| *k != EventKind::Strike);
    }
    let clash = (clash || ground_attack) && !has(FIGHT_TO);
    if clash && !territorial {
        kinds.push(EventKind::GroundClash);
    }
    let aid_trigger = has(AID_PH) || has(AID_W) || near(ANNOUNCED, AID_NEAR, 6);
    let aid = aid_trigger && has(AID_OBJECT) && !has(VAGUE_AID);
    if aid && !kinds.contains(&EventKind::Strike) {
        kinds.push(EventKind::Aid);
    }
    let meeting = has(MEETING) || (sentence.contains("hosted ") && hosted_someone(sentence));
    let diplomacy = (meeting || has(TALKS))
        && !has(NO_SIGNS)
        // "fired drones ... since the White House talks": the talks are background to a strike.
        && (meeting || !kinds.contains(&EventKind::Strike));
    if diplomacy {
        kinds.push(EventKind::Diplomacy);
    }
    // "whether fighting intensifies", "could strike": speculation is not an event.
    if has(SPECULATIVE) || (has(COULD) && !has(COULD_NOT)) {
        kinds.retain(|k| {
            !matches!(
                k,
                EventKind::Strike | EventKind::GroundClash | EventKind::TerritorialClaim | EventKind::Incursion
            )
        });
    }
    kinds
}

/// "hosted Zelenskyy", "hosted talks": hosting as a meeting, not "hosted communities".
fn hosted_someone(sentence: &str) -> bool {
    sentence.match_indices("hosted ").any(|(i, m)| {
        let rest = &sentence[i + m.len()..];
        let rest =
            ["the ", "a ", "his ", "her ", "their ", "an "].iter().find_map(|a| rest.strip_prefix(a)).unwrap_or(rest);
        rest.starts_with(|c: char| c.is_uppercase())
            || ["talks", "meeting", "summit", "delegation", "leaders", "counterpart", "president", "prime"]
                .iter()
                .any(|w| rest.starts_with(w))
    })
}

/// Where clauses part: ", and", "; ", ", while", ", but", ", whereas".
static CLAUSE_SEPARATORS: std::sync::LazyLock<aho_corasick::AhoCorasick> = std::sync::LazyLock::new(|| {
    aho_corasick::AhoCorasick::new([", and ", "; ", ", while ", ", but ", ", whereas "]).expect("separators build")
});

/// Split a sentence into clauses at ", and", "; ", ", while", ", but": byte ranges.
fn clauses(text: &str) -> Vec<(usize, usize)> {
    let mut cuts = vec![0];
    cuts.extend(CLAUSE_SEPARATORS.find_overlapping_iter(text).map(|m| m.start() + 1));
    cuts.sort_unstable();
    cuts.dedup();
    cuts.push(text.len());
    cuts.windows(2).map(|w| (w[0], w[1])).filter(|(a, b)| b > a).collect()
}

/// Words after a place that show it is the subject or speaker, not where something happened.
fn place_is_actor(body: &str, f: &Found) -> bool {
    let after = &body[f.end..];
    if after.starts_with("'s") || after.starts_with("’s") {
        return true;
    }
    let next = leading_run(after.trim_start_matches(['\'', '’', 's']).trim_start(), char::is_alphanumeric);
    let next = Lower::new(next);
    matches!(
        next.as_str(),
        "said"
            | "says"
            | "claimed"
            | "claims"
            | "launched"
            | "has"
            | "have"
            | "had"
            | "is"
            | "was"
            | "will"
            | "would"
            | "announced"
            | "accused"
            | "denied"
            | "struck"
            | "fired"
            | "attacked"
            | "reported"
            | "sees"
            | "wants"
            | "remains"
            | "continues"
            | "kept"
            | "presses"
            | "absorbs"
            | "gained"
            | "also"
            | "did"
            | "does"
            | "used"
            | "hammers"
            | "strikes"
            | "escalates"
            | "argues"
            | "rejects"
            | "traditionally"
            | "maintained"
            | "must"
            | "could"
            | "can"
            | "should"
            | "may"
            | "might"
            | "expects"
            | "needs"
            | "and"
    ) && next.as_str() != "and"
}

/// The word before `pos`, skipping "the" and the like ("in the Belgorod region").
fn preceding_word(body: &str, pos: usize) -> Lower {
    let mut before = body[..pos].trim_end();
    let skip = [
        "the",
        "The",
        "city of",
        "town of",
        "village of",
        "port of",
        "outskirts of",
        "suburb of",
        "area of",
        "settlement of",
        "region of",
        "capital",
        "western",
        "eastern",
        "southern",
        "northern",
        "frontline",
        "port",
    ];
    while let Some(b) =
        skip.iter().find_map(|art| before.strip_suffix(art).filter(|b| b.ends_with(' ') || b.is_empty()))
    {
        before = b.trim_end();
    }
    Lower::new(trailing_run(before, char::is_alphanumeric))
}

/// Nouns a place name modifies when it stands before them.
const MODIFIED_NOUNS: &[&str] = &[
    "peace",
    "talks",
    "war",
    "conflict",
    "crisis",
    "deal",
    "negotiations",
    "settlement",
    "summit",
    "officials",
    "government",
    "forces",
    "army",
    "military",
    "economy",
    "sanctions",
    "refugees",
    "energy",
    "grain",
    "policy",
    "envoy",
    "issue",
    "question",
    "president",
    "leader",
    "minister",
    "authorities",
    "administration",
    "embassy",
    "ambassador",
    "troops",
    "delegation",
    "negotiators",
    "side",
    "border",
    "frontier",
    "plan",
    "proposal",
];

/// Words before a place that name where something happened, with how strongly.
fn locative_strength(word: &str, kind: EventKind) -> i32 {
    match word {
        "in" | "near" | "at" | "into" | "over" | "outside" | "above" | "toward" | "towards" | "visit" | "visited"
        | "visiting" | "hosted" => 25,
        "on" | "against" | "targeting" | "hit" | "struck" if kind == EventKind::Strike => 25,
        "to" if matches!(kind, EventKind::Diplomacy | EventKind::Aid) => 25,
        "on" | "against" | "to" => 12,
        "of" | "across" | "around" | "from" | "for" => 10,
        _ => 0,
    }
}

/// Choose the place of an event among the sentence's place mentions: the most specific
/// place named where something happened ("in X", "near X", "on X"); a country only then,
/// never one that is the sentence's subject or speaker.
fn choose_place(body: &str, gaz: &Gazetteer, mentions: &[Found], idx: &[usize], kind: EventKind) -> Option<usize> {
    let mut best: Option<(i32, usize)> = None;
    for &i in idx {
        let f = &mentions[i];
        let (spec, pk) = match &f.key {
            Key::Known(id) => match gaz.place(*id) {
                Some(p) => (p.kind.specificity() as i32, Some(p.kind)),
                None => continue,
            },
            Key::New(EntityKind::Place, name) => {
                (if name.ends_with(" Oblast") || name.ends_with(" Krai") { 3 } else { 5 }, None)
            }
            _ => continue,
        };
        let prev = preceding_word(body, f.start);
        let strength = locative_strength(&prev, kind);
        let locative = strength > 0;
        // A meeting happens somewhere one goes to: "in", "at", "visit", "to"; a statement
        // has a place only when the text says where it was made.
        if matches!(kind, EventKind::Diplomacy | EventKind::Statement) && strength < 25 {
            continue;
        }
        let actor = place_is_actor(body, f);
        let broad = matches!(pk, Some(PlaceKind::Country | PlaceKind::Continent | PlaceKind::Area));
        // Aid comes from its donor and an incursion is reported by the country it hit: there
        // the sentence's subject may be the place.
        let subject_ok = matches!(kind, EventKind::Aid | EventKind::Incursion);
        if (actor || (broad && !locative)) && !subject_ok {
            continue;
        }
        if matches!(pk, Some(PlaceKind::Continent))
            || (matches!(pk, Some(PlaceKind::Area)) && kind != EventKind::Diplomacy)
        {
            continue;
        }
        let after = &body[f.end..];
        // "US-backed diplomacy", "Washington-brokered": a modifier, not a scene.
        if after.starts_with('-') {
            continue;
        }
        // "the Ukraine peace talks", "Kyiv officials": a place naming what a noun belongs to.
        let next: String = after.trim_start_matches(' ').chars().take_while(|c| c.is_alphabetic()).collect();
        if MODIFIED_NOUNS.contains(&next.as_str()) {
            continue;
        }
        // A country is a scene only after a real locative ("in", "on", "to"), not "of",
        // unless it is the donor of aid or the victim reporting an incursion.
        if broad && strength < 12 && !(subject_ok && (actor || i == idx[0])) {
            continue;
        }
        // "the defence ministry in Bucharest said": where the speaker sits, not the scene.
        if prev.as_str() == "in" {
            let before_in =
                body[..f.start].trim_end().strip_suffix("in").map(|b| preceding_word(b, b.len())).unwrap_or_default();
            if GROUP_NOUNS.contains(&before_in.as_str()) {
                continue;
            }
        }
        let mut score = spec * 10 + strength;
        // "entered Romanian airspace": the country whose airspace it was.
        if kind == EventKind::Incursion && after.trim_start().starts_with("airspace") {
            score += 60;
        }
        // "the White House talks": without a locative, a place before a noun modifies it.
        if !locative && after.strip_prefix(' ').is_some_and(|r| r.starts_with(|c: char| c.is_lowercase())) {
            score -= 30;
        }
        if actor {
            score -= 30;
        }
        // Earlier mentions are usually the scene; later ones tend to be background.
        score -= (i as i32 - idx[0] as i32).min(5);
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, i));
        }
    }
    best.map(|(_, i)| i)
}

const SPEAK_VERBS: &[&str] = &[
    "said",
    "says",
    "stated",
    "claimed",
    "claims",
    "told",
    "wrote",
    "added",
    "argued",
    "accused",
    "warned",
    "urged",
    "insisted",
    "stressed",
    "declared",
    "denied",
    "called",
    "praised",
    "condemned",
    "vowed",
    "threatened",
    "suggested",
    "admitted",
    "acknowledged",
    "compared",
    "framed",
    "emphasised",
    "emphasized",
    "announced",
    "noted",
    "reiterated",
];

/// A named person who speaks in the sentence ("Lavrov claimed", "..., Zelenskyy said").
fn speaker(body: &str, mentions: &[Found], idx: &[usize], gaz: &Gazetteer) -> Option<usize> {
    idx.iter().copied().find(|&m| {
        let f = &mentions[m];
        if f.kind(gaz) != EntityKind::Person {
            return false;
        }
        let after = body[f.end..].trim_start_matches(['\'', '’', 's']).trim_start();
        let next = leading_run(after, char::is_alphabetic);
        let next = if in_list_ci(&["also", "further", "then", "later", "has", "had", "again"], next) {
            leading_run(after[next.len()..].trim_start(), char::is_alphabetic)
        } else {
            next
        };
        in_list_ci(SPEAK_VERBS, next)
    })
}

const CLAIM_VERBS: &[&str] = &[
    "said",
    "says",
    "reported",
    "reports",
    "claimed",
    "claims",
    "stated",
    "announced",
    "wrote",
    "told",
    "added",
    "confirmed",
    "noted",
    "according",
];

const GROUP_NOUNS: &[&str] = &[
    "officials",
    "authorities",
    "media",
    "sources",
    "military",
    "forces",
    "ministry",
    "spokesperson",
    "spokesman",
    "officers",
    "prosecutors",
    "governor",
    "administration",
    "command",
    "staff",
    "force",
    "agency",
    "government",
    "analysts",
    "milbloggers",
    "residents",
    "witnesses",
    "police",
    "services",
    "bloggers",
    "outlets",
];

/// Who claims it: "Ukrainian officials said", "according to Reuters", "Hunder said".
/// `toks` are the sentence's tokens (of its lowercased copy: same offsets).
fn claimant(
    body: &str,
    s: Sentence,
    toks: &[Tok],
    mentions: &[Found],
    idx: &[usize],
    gaz: &Gazetteer,
) -> Option<String> {
    let text = &body[s.start..s.end];
    for (ti, t) in toks.iter().enumerate() {
        if !in_list_ci(CLAIM_VERBS, t.text) {
            continue;
        }
        if t.text.eq_ignore_ascii_case("according") {
            if toks.get(ti + 1).is_some_and(|n| n.text == "to") {
                let after = s.start + toks.get(ti + 1).map(|n| n.end).unwrap_or(t.end);
                if let Some(&m) = idx.iter().find(|&&m| mentions[m].start >= after && mentions[m].start <= after + 6) {
                    return Some(name_of(&mentions[m], gaz));
                }
                let words: Vec<&str> = toks[ti + 2..].iter().take(4).map(|t| &text[t.start..t.end]).collect();
                if let Some(p) = words.iter().position(|w| in_list_ci(GROUP_NOUNS, w)) {
                    return Some(words[..=p].join(" "));
                }
            }
            continue;
        }
        let verb_at = s.start + t.start;
        // An entity ending just before the verb (allowing "has", "also").
        if let Some(&m) = idx.iter().rev().find(|&&m| {
            let f = &mentions[m];
            f.end <= verb_at
                && body[f.end..verb_at].split_whitespace().all(|w| {
                    matches!(
                        w,
                        "has"
                            | "have"
                            | "had"
                            | "also"
                            | "further"
                            | "previously"
                            | "then"
                            | "later"
                            | "on"
                            | "Sunday"
                            | "Monday"
                            | "Tuesday"
                            | "Wednesday"
                            | "Thursday"
                            | "Friday"
                            | "Saturday"
                    )
                })
                && body[f.end..verb_at].len() < 20
        }) {
            let f = &mentions[m];
            // "said X" after the verb would be an object; before it is the speaker.
            if matches!(f.key, Key::Known(_) | Key::New(_, _)) {
                return Some(name_of(f, gaz));
            }
        }
        // A group noun phrase: "Ukrainian officials", "Russian state media", "the air force".
        if ti > 0 {
            let mut a = ti;
            let mut seen_noun = false;
            while a > 0 && ti - a < 4 {
                // A phrase does not reach across punctuation ("In Washington, officials said").
                if !text[toks[a - 1].end..toks[a].start].chars().all(char::is_whitespace) {
                    break;
                }
                let w = toks[a - 1].text;
                if in_list_ci(GROUP_NOUNS, w) {
                    seen_noun = true;
                    a -= 1;
                } else if seen_noun
                    && (text[toks[a - 1].start..].chars().next().is_some_and(char::is_uppercase)
                        || in_list_ci(
                            &[
                                "state",
                                "local",
                                "military",
                                "regional",
                                "air",
                                "defense",
                                "defence",
                                "emergency",
                                "energy",
                                "senior",
                                "western",
                                "us",
                                "city",
                            ],
                            w,
                        ))
                {
                    a -= 1;
                } else {
                    break;
                }
            }
            if seen_noun {
                let phrase = &text[toks[a].start..toks[ti - 1].end];
                let phrase = phrase.strip_prefix("The ").or_else(|| phrase.strip_prefix("the ")).unwrap_or(phrase);
                return Some(phrase.to_string());
            }
        }
    }
    None
}

fn name_of(f: &Found, gaz: &Gazetteer) -> String {
    match &f.key {
        Key::Known(id) => gaz.known[*id as usize].name.clone(),
        Key::New(_, n) => n.clone(),
    }
    .trim()
    .to_string()
}

/// Any of `words` anywhere, ignoring ASCII case: one automaton instead of a `contains` each.
fn any_of(words: &[&str]) -> aho_corasick::AhoCorasick {
    aho_corasick::AhoCorasick::builder().ascii_case_insensitive(true).build(words).expect("word list builds")
}

/// A claimant that speaks for an authority: its claims are "claimed", not "reported".
static OFFICIAL: std::sync::LazyLock<aho_corasick::AhoCorasick> = std::sync::LazyLock::new(|| {
    any_of(&[
        "official",
        "ministry",
        "military",
        "force",
        "staff",
        "command",
        "governor",
        "authorit",
        "mayor",
        "president",
        "head",
        "kremlin",
        "government",
        "prosecutor",
        "spokes",
    ])
});

static DISPUTED: std::sync::LazyLock<aho_corasick::AhoCorasick> = std::sync::LazyLock::new(|| {
    any_of(&[
        "could not independently",
        "could not be independently",
        "could not verify",
        "could not confirm",
        "not be verified",
        "unverified",
        "denied",
        "disputes",
        "disputed",
    ])
});

fn status_of(sentence: &str, next: Option<&str>, claimed: bool) -> Status {
    if DISPUTED.is_match(sentence) || next.is_some_and(|n| DISPUTED.is_match(n)) {
        return Status::Disputed;
    }
    if claimed { Status::Claimed } else { Status::Reported }
}

const DEMONYMS: &[(&str, &str)] = &[
    ("russian", "Russia"),
    ("ukrainian", "Ukraine"),
    ("belarusian", "Belarus"),
    ("polish", "Poland"),
    ("american", "United States"),
    ("us", "United States"),
    ("north korean", "North Korea"),
    ("iranian", "Iran"),
];

/// Nouns after a demonym that make its country an actor: "Russian forces", "Ukrainian drones".
const ACTING_NOUNS: &[&str] = &[
    "forces",
    "troops",
    "military",
    "army",
    "drones",
    "missiles",
    "strikes",
    "attack",
    "units",
    "officials",
    "air force",
];

/// The demonyms of `DEMONYMS`, found anywhere in one pass (as `str::find` would).
static DEMONYM_FINDER: std::sync::LazyLock<aho_corasick::AhoCorasick> =
    std::sync::LazyLock::new(|| any_of(&DEMONYMS.iter().map(|(d, _)| *d).collect::<Vec<_>>()));

fn actors(sentence: &str, mentions: &[Found], idx: &[usize], gaz: &Gazetteer, body: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    // "Russian forces", "Ukrainian drones": which demonyms stand before an acting noun.
    let mut acting = [false; DEMONYMS.len()];
    for m in DEMONYM_FINDER.find_overlapping_iter(sentence) {
        let after = &sentence.as_bytes()[m.end()..];
        acting[m.pattern().as_usize()] |= after.first() == Some(&b' ')
            && ACTING_NOUNS.iter().any(|force| {
                after.len() > force.len() && after[1..=force.len()].eq_ignore_ascii_case(force.as_bytes())
            });
    }
    for (i, (_, country)) in DEMONYMS.iter().enumerate() {
        if acting[i] && !out.iter().any(|o| o == country) {
            out.push(country.to_string());
        }
    }
    for &m in idx {
        let f = &mentions[m];
        let kind = f.kind(gaz);
        if matches!(kind, EntityKind::Person | EntityKind::Org)
            || (kind == EntityKind::Place && place_is_actor(body, f))
        {
            let n = name_of(f, gaz);
            if !out.contains(&n) {
                out.push(n);
            }
        }
    }
    out
}

/// Context for one article's event extraction.
pub struct ArticleCtx<'a> {
    pub body: &'a str,
    /// `body` ASCII-lowercased (same offsets) and its tokens.
    pub lowered: &'a str,
    pub toks: &'a [Tok<'a>],
    pub sentences: &'a [Sentence],
    pub paragraph_of: &'a [usize],
    pub mentions: &'a [Found],
    pub dates: &'a [DateExpr],
    pub gaz: &'a Gazetteer,
    pub published: Option<NaiveDate>,
}

fn usable_for_event(d: &DateValue) -> bool {
    d.start.is_some() && matches!(d.precision, Precision::Day | Precision::Range)
}

/// Draft events for one article.
pub fn drafts(ctx: &ArticleCtx) -> Vec<Draft> {
    let mut out: Vec<Draft> = Vec::new();
    let mut m_i = 0;
    let mut d_i = 0;
    let mut carried: Option<(usize, DateValue)> = None; // (paragraph, date)
    for (si, s) in ctx.sentences.iter().enumerate() {
        let para = ctx.paragraph_of[si];
        while m_i < ctx.mentions.len() && ctx.mentions[m_i].start < s.start {
            m_i += 1;
        }
        let idx: Vec<usize> = (m_i..ctx.mentions.len()).take_while(|&i| ctx.mentions[i].start < s.end).collect();
        while d_i < ctx.dates.len() && ctx.dates[d_i].start < s.start {
            d_i += 1;
        }
        let sdates: Vec<&DateExpr> = ctx.dates[d_i..].iter().take_while(|d| d.start < s.end).collect();
        let text = &ctx.body[s.start..s.end];
        // The first date that pins something; "not on February 1" is skipped.
        let stated = |d: &&&DateExpr| {
            !ctx.body[..d.start].trim_end().ends_with("not on") && !ctx.body[..d.start].trim_end().ends_with("since")
        };
        let own = sdates.iter().filter(stated).find(|d| usable_for_event(&d.value)).map(|d| d.value);
        // A sentence that dates itself only loosely ("in 2022") keeps its own loose date
        // rather than borrowing a day from its neighbours.
        let own_loose = sdates.iter().filter(stated).find(|d| d.value.start.is_some()).map(|d| d.value);
        if carried.is_some_and(|(p, _)| p != para) {
            carried = None;
        }
        let date = match own {
            Some(d) => {
                carried = Some((para, d));
                d
            }
            None => match own_loose {
                Some(d) => d,
                None => carried.map(|(_, d)| DateValue { how: Resolution::Context, ..d }).unwrap_or_default(),
            },
        };
        // One lowercased copy and one tokenization per sentence, shared by the classifier,
        // the counts and the claimant; one trigger pass, each clause taking its part.
        let lower = &ctx.lowered[s.start..s.end];
        // The article's tokens of this sentence, lowercase, with offsets in the sentence.
        let toks: Vec<Tok> = toks_within(ctx.toks, s.start, s.end)
            .iter()
            .map(|t| {
                let (a, b) = (t.start - s.start, t.end - s.start);
                Tok { text: &lower[a..b], start: a, end: b }
            })
            .collect();
        let hits = trigger_hits(lower);
        // Counts read a copy with footnote markers blanked; most sentences have none.
        let blanked = blank_footnotes(text);
        let blanked_lower: String;
        let blanked_toks: Vec<Tok>;
        let count_toks: &[Tok] = if blanked.as_ref() == text {
            &toks
        } else {
            blanked_lower = blanked.to_ascii_lowercase();
            blanked_toks = tokens(&blanked_lower);
            &blanked_toks
        };
        let mut kinds = classify_unit(text, &toks, unit_groups(&hits, 0, text.len()), 4);
        if kinds.is_empty() {
            // What a named person said is a statement.
            if speaker(ctx.body, ctx.mentions, &idx, ctx.gaz).is_some() && text.split_whitespace().count() >= 6 {
                kinds.push(EventKind::Statement);
            } else {
                continue;
            }
        }
        let claimed_by = claimant(ctx.body, *s, &toks, ctx.mentions, &idx, ctx.gaz)
            .or_else(|| speaker(ctx.body, ctx.mentions, &idx, ctx.gaz).map(|m| name_of(&ctx.mentions[m], ctx.gaz)));
        let next = ctx.sentences.get(si + 1).map(|n| &ctx.body[n.start..n.end]);
        let official = claimed_by.as_deref().is_some_and(|c| OFFICIAL.is_match(c));
        let status = status_of(text, next, official);
        let weapons: Vec<usize> =
            idx.iter().copied().filter(|&i| ctx.mentions[i].kind(ctx.gaz) == EntityKind::Weapon).collect();
        let acts = actors(text, ctx.mentions, &idx, ctx.gaz, ctx.body);
        // "X struck A, and B was hit too": when two clauses each report something, each is
        // its own unit, with its own place, counts and date.
        let parts = clauses(text);
        // (A sentence of one clause was classified above already.)
        let clause_kinds: Vec<Vec<EventKind>> = if parts.len() > 1 {
            parts
                .iter()
                .map(|&(a, b)| classify_unit(&text[a..b], toks_within(&toks, a, b), unit_groups(&hits, a, b), 3))
                .collect()
        } else {
            Vec::new()
        };
        // Each clause that reports something is a unit; a clause that reports nothing lends
        // its counts to the unit before it ("X struck Kyiv, and five people were killed").
        let mut units: Vec<((usize, usize), Vec<EventKind>, Counts)> = Vec::new();
        if parts.len() > 1 && clause_kinds.iter().any(|k| !k.is_empty()) {
            for (&(a, b), k) in parts.iter().zip(clause_kinds) {
                let c = counts_in(&blanked, toks_within(count_toks, a, b));
                if !k.is_empty() {
                    units.push(((a, b), k, c));
                } else if let Some(last) = units.last_mut() {
                    last.2.fill_from(&c);
                }
            }
        } else {
            units.push(((0, text.len()), kinds, counts_in(&blanked, count_toks)));
        }
        for ((ca, cb), kinds, c) in units {
            let (ua, ub) = (s.start + ca, s.start + cb);
            let uidx: Vec<usize> =
                idx.iter().copied().filter(|&i| ctx.mentions[i].start >= ua && ctx.mentions[i].end <= ub).collect();
            let udate = sdates
                .iter()
                .find(|d| d.start >= ua && d.end <= ub && usable_for_event(&d.value))
                .map(|d| d.value)
                .unwrap_or(date);
            for kind in kinds {
                let place = choose_place(ctx.body, ctx.gaz, ctx.mentions, &uidx, kind);
                let (killed, injured, drones, missiles) = match kind {
                    EventKind::Strike | EventKind::GroundClash => (c.killed, c.injured, c.drones, c.missiles),
                    EventKind::Incursion => (None, None, c.drones, c.missiles),
                    _ => (None, None, None, None),
                };
                out.push(Draft {
                    kind,
                    date: udate,
                    place,
                    actors: acts.clone(),
                    killed,
                    injured,
                    drones,
                    missiles,
                    weapons: weapons.clone(),
                    claimed_by: claimed_by.clone(),
                    status,
                    start: s.start,
                    end: s.end,
                    mentions: idx.clone(),
                    sentence: si,
                    paragraph: para,
                });
            }
        }
    }
    let mut out = merge(ctx, out);
    // A news story's lead dates what follows unless a sentence says otherwise:
    // "Russia launched ... overnight" dates the visit reported further down.
    if let Some(lead) = lead_date(ctx) {
        for d in out.iter_mut().filter(|d| d.date.start.is_none()) {
            d.date = DateValue { how: Resolution::Context, ..lead };
        }
    }
    out
}

/// The first date the article's first paragraph gives that pins a day, a range or a week.
fn lead_date(ctx: &ArticleCtx) -> Option<DateValue> {
    let first_para_end =
        ctx.sentences.iter().zip(ctx.paragraph_of).filter(|(_, p)| **p == 0).map(|(s, _)| s.end).next_back()?;
    ctx.dates
        .iter()
        .take_while(|d| d.start < first_para_end)
        .map(|d| d.value)
        .find(|v| v.start.is_some() && matches!(v.precision, Precision::Day | Precision::Range | Precision::Week))
}

fn place_key(ctx: &ArticleCtx, d: &Draft) -> Option<Key> {
    d.place.map(|p| ctx.mentions[p].key.clone())
}

fn dates_compatible(a: &DateValue, b: &DateValue) -> bool {
    a.start.is_none() || b.start.is_none() || (a.start == b.start && a.end == b.end)
}

fn absorb(into: &mut Draft, d: Draft) {
    if into.place.is_none() {
        into.place = d.place;
    }
    if into.date.start.is_none() {
        into.date = d.date;
    }
    for (slot, v) in [
        (&mut into.killed, d.killed),
        (&mut into.injured, d.injured),
        (&mut into.drones, d.drones),
        (&mut into.missiles, d.missiles),
    ] {
        // The first statement of a count stands; later sentences only fill gaps.
        if slot.is_none() {
            *slot = v;
        }
    }
    for a in d.actors {
        if !into.actors.contains(&a) {
            into.actors.push(a);
        }
    }
    for w in d.weapons {
        if !into.weapons.contains(&w) {
            into.weapons.push(w);
        }
    }
    if into.claimed_by.is_none() {
        into.claimed_by = d.claimed_by;
    }
    if d.status == Status::Disputed {
        into.status = Status::Disputed;
    }
    // Deduplicated once merging is done (contains() here would be quadratic).
    into.mentions.extend(d.mentions);
}

/// How many of the latest events a new sentence may merge into.
const MERGE_WINDOW: usize = 64;

/// One happening told in several sentences is one event.
fn merge(ctx: &ArticleCtx, drafts: Vec<Draft>) -> Vec<Draft> {
    let mut out: Vec<Draft> = Vec::new();
    for d in drafts {
        let key = place_key(ctx, &d);
        // Same kind and place (or no place yet on one side), compatible dates: the same happening.
        // Only recent events are candidates: a happening is retold nearby, and a long page
        // must not make merging quadratic.
        let lo = out.len().saturating_sub(MERGE_WINDOW);
        let target = out[lo..].iter().rposition(|o| {
            // Statements are one only when one speaker says them.
            if o.kind != d.kind
                || !dates_compatible(&o.date, &d.date)
                || (d.kind == EventKind::Statement && o.claimed_by != d.claimed_by)
            {
                return false;
            }
            let ok = place_key(ctx, o);
            let near = d.sentence <= o.sentence + 3 && d.paragraph <= o.paragraph + 1;
            match (&ok, &key) {
                (Some(a), Some(b)) => a == b,
                (Some(_), None) => near || d.killed.is_some() || d.drones.is_some() || d.missiles.is_some(),
                (None, Some(_)) => near,
                (None, None) => near,
            }
        });
        match target {
            Some(t) => absorb(&mut out[lo + t], d),
            None => out.push(d),
        }
    }
    for d in &mut out {
        d.mentions.sort_unstable();
        d.mentions.dedup();
    }
    // A sentence with counts but no place adds to the latest event of its kind that has one
    // ("Air defences downed all ten drones" after "drones attacked Kyiv").
    let mut kept: Vec<Draft> = Vec::with_capacity(out.len());
    for d in out {
        if d.place.is_none() && !matches!(d.kind, EventKind::Statement | EventKind::Other) {
            let counted = d.killed.is_some() || d.injured.is_some() || d.drones.is_some() || d.missiles.is_some();
            let lo = kept.len().saturating_sub(MERGE_WINDOW);
            if let Some(t) = kept[lo..]
                .iter()
                .rposition(|o| o.kind == d.kind && o.place.is_some() && dates_compatible(&o.date, &d.date))
            {
                if counted {
                    absorb(&mut kept[lo + t], d);
                }
                continue;
            }
            // An event of a scored kind with no place and nothing counted says too little to keep.
            if !counted {
                continue;
            }
        }
        kept.push(d);
    }
    kept
}
