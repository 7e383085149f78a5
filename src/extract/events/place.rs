//! Where an event happened: among the place names of its clause, the most specific one the
//! text names as the scene ("in X", "near X", "an attack on X"), never a place that is the
//! subject, the speaker or a modifier ("Kyiv said", "Kyiv's allies", "the Ukraine talks").

use super::super::entities::{Found, Key};
use super::super::gazetteer::{Gazetteer, KnownId, PlaceKind};
use super::super::rules::{Hits, Vocab};
use super::super::text::{Lower, leading_run, trailing_run};
use super::super::types::{EntityKind, EventKind};

/// Words after a place that show it is the subject or speaker, not where something happened.
pub(super) fn place_is_actor(v: &Vocab, body: &str, f: &Found) -> bool {
    let after = &body[f.end..];
    if after.starts_with("'s") || after.starts_with("’s") {
        return true;
    }
    let next = leading_run(after.trim_start_matches(['\'', '’', 's']).trim_start(), char::is_alphanumeric);
    v.place_actor_verb.has_ci(next)
}

/// The word before `pos`, skipping "the" and the like ("in the Belgorod region").
pub(super) fn preceding_word(v: &Vocab, body: &str, pos: usize) -> Lower {
    preceding(v, body, pos).0
}

/// The word before `pos` (as `preceding_word`) and where it starts.
fn preceding(v: &Vocab, body: &str, pos: usize) -> (Lower, usize) {
    let mut before = body[..pos].trim_end();
    loop {
        // (Most words end no phrase: the lists are read only after one that may.)
        let last = trailing_run(before, |c| c.is_alphanumeric() || c == '-');
        let phrase_end = v.place_phrase_end.has_ci(last);
        // "close to X", "in the vicinity of X": as "near X".
        if phrase_end
            && let Some(n) = v.near_phrase.iter().find_map(|p| {
                let n = p.len();
                (before.len() >= n
                    && before.is_char_boundary(before.len() - n)
                    && before[before.len() - n..].eq_ignore_ascii_case(p)
                    && before[..before.len() - n].ends_with([' ', '\n']))
                .then_some(n)
            })
        {
            return (Lower::new("near"), before.len() - n);
        }
        if phrase_end
            && let Some(b) = v.place_skip.iter().find_map(|skip| {
                let n = skip.len();
                (before.len() >= n && before.is_char_boundary(before.len() - n))
                    .then(|| before.split_at(before.len() - n))
                    .filter(|(b, tail)| tail.eq_ignore_ascii_case(skip) && (b.ends_with(' ') || b.is_empty()))
                    .map(|(b, _)| b)
            })
        {
            before = b.trim_end();
            continue;
        }
        // "in Ukraine's Sumy region": a possessive name before the place belongs to it.
        let w = trailing_run(before, |c| c.is_alphanumeric() || c == '\'' || c == '’' || c == '-');
        let possessive = w.ends_with("'s") || w.ends_with("’s");
        if possessive && w.starts_with(char::is_uppercase) && w.len() < before.len() {
            before = before[..before.len() - w.len()].trim_end();
            continue;
        }
        break;
    }
    let w = trailing_run(before, char::is_alphanumeric);
    (Lower::new(w), before.len() - w.len())
}

/// Does the text after a place name make it a front ("the Lyman direction", "the Kupiansk,
/// Lyman and Kramatorsk directions")?
fn names_a_front(after: &str) -> bool {
    let mut rest = after;
    for _ in 0..8 {
        rest = rest.trim_start_matches([' ', ',']);
        let w = leading_run(rest, |c| c.is_alphanumeric() || c == '-');
        if w.is_empty() {
            return false;
        }
        if matches!(w, "direction" | "directions" | "axis" | "axes" | "front" | "sector" | "sectors") {
            return true;
        }
        if !(w == "and" || w.starts_with(char::is_uppercase)) {
            return false;
        }
        rest = &rest[w.len()..];
    }
    false
}

/// Words before a place that name where something happened, with how strongly.
fn locative_strength(v: &Vocab, word: &str, kind: EventKind) -> i32 {
    let strong = v.locative_strong.has(word)
        || (kind == EventKind::Strike && v.locative_strike.has(word))
        || (matches!(kind, EventKind::Strike | EventKind::GroundClash) && v.locative_country.has(word))
        || (matches!(kind, EventKind::Diplomacy | EventKind::Aid) && v.locative_to.has(word))
        || (kind == EventKind::Aid && v.locative_aid.has(word));
    if strong {
        25
    } else if v.locative_weak.has(word) {
        12
    } else if v.locative_loose.has(word) {
        10
    } else {
        0
    }
}

/// Choose the place of an event among the clause's place mentions (`idx`, indexes into
/// `mentions`): the most specific place named where something happened; a country only
/// after a real locative, never one that is the sentence's subject or speaker. Returns the
/// mention and where the words that make it the scene start ("near" in "near Pokrovsk").
/// `trigger`: the body span of the words that made the event; a place named right after
/// them is their object ("a visit to Armenia", "talks in Geneva", "shelled Nikopol").
pub(super) fn choose_place(
    v: &Vocab,
    body: &str,
    gaz: &Gazetteer,
    mentions: &[Found],
    idx: &[usize],
    kind: EventKind,
    trigger: Option<(usize, usize)>,
) -> Option<(usize, usize)> {
    let mut best: Option<(i32, usize, usize)> = None;
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
        let (prev, prev_at) = preceding(v, body, f.start);
        let after = &body[f.end..];
        // "entered Romanian airspace": the country whose airspace it was is the scene.
        let airspace = kind == EventKind::Incursion && after.trim_start().starts_with("airspace");
        let strength = if airspace { 25 } else { locative_strength(v, &prev, kind) };
        let locative = strength > 0;
        // A meeting happens somewhere one goes to: "in", "at", "visit", "to"; a statement
        // has a place only when the text says where it was made; fighting happens in or near
        // a place, or on its direction ("pressure on Kyiv" is no battlefield).
        let on_front = names_a_front(&body[f.end..]);
        if matches!(kind, EventKind::Diplomacy | EventKind::Statement) && strength < 25 {
            continue;
        }
        if kind == EventKind::GroundClash && strength < 25 && !on_front {
            continue;
        }
        // "strikes on Ukraine's energy facilities": after a strong locative a possessive is
        // still the scene.
        let possessive = body[f.end..].starts_with("'s") || body[f.end..].starts_with("’s");
        let actor = place_is_actor(v, body, f) && !(possessive && strength >= 25 && kind != EventKind::Diplomacy);
        let broad = matches!(pk, Some(PlaceKind::Country | PlaceKind::Continent | PlaceKind::Area));
        // Aid comes from its donor and an incursion is reported by the country it hit: there
        // the sentence's subject may be the place.
        // (Not a demonym: "a Russian drone" names who sent it, not who reports it.)
        let demonym = gaz.demonym(&body[f.start..f.end]).is_some();
        let subject_ok = matches!(kind, EventKind::Aid | EventKind::Incursion) && (!possessive || !actor) && !demonym;
        if (actor || (broad && !locative)) && !subject_ok {
            continue;
        }
        if matches!(pk, Some(PlaceKind::Continent))
            || (matches!(pk, Some(PlaceKind::Area)) && kind != EventKind::Diplomacy)
        {
            continue;
        }
        // "US-backed diplomacy", "Washington-brokered": a modifier, not a scene.
        if after.starts_with('-') {
            continue;
        }
        // "the Ukraine peace talks", "Kyiv officials": a place naming what a noun belongs to.
        let next = leading_run(after.trim_start_matches(' '), char::is_alphabetic);
        if v.modified_noun.has(next) {
            continue;
        }
        // A country is a scene only after a real locative ("in", "on", "to"), not "of",
        // unless it is the donor of aid or the victim reporting an incursion.
        if broad && strength < 12 && !(subject_ok && (actor || i == idx[0])) {
            continue;
        }
        // "the defence ministry in Bucharest said": where the speaker sits, not the scene.
        if prev.as_str() == "in" {
            let before_in = body[..f.start]
                .trim_end()
                .strip_suffix("in")
                .map(|b| preceding_word(v, b, b.len()))
                .unwrap_or_default();
            if v.group_noun.has(before_in.as_str()) {
                continue;
            }
        }
        let mut score = spec * 10 + strength;
        // The place the trigger words govern: right after them, or after a strong locative at
        // most three words after them ("a visit to Armenia"; not "northwest of Siversk").
        if let Some((_, te)) = trigger
            && f.start >= te
            && (strength >= 25 || body[te..f.start].trim().is_empty())
            && body[te..f.start].split_whitespace().count() <= 3
            && !body[te..f.start].contains([',', ';', '.'])
        {
            // A visit's or a delivery's destination outranks a more specific place named
            // in passing; for fighting and strikes it only breaks ties (the village hit
            // stays over the district "targeted").
            score += if matches!(kind, EventKind::Diplomacy | EventKind::Aid) { 35 } else { 8 };
        }
        // "In the Kharkiv direction, ... in the Vovchansk area": the village over the axis.
        if on_front {
            score -= 8;
        }
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
        if best.is_none_or(|(b, _, _)| score > b) {
            best = Some((score, i, if locative { prev_at } else { f.start }));
        }
    }
    best.map(|(_, i, at)| (i, at))
}

/// The country a strike was on when its clause names no place: Russia when the clause says
/// Ukrainian forces fired or Russian air defences shot the weapons down, else Ukraine when it
/// names Russia or "the enemy" as the attacker; only a country the article names
/// (`named`: Ukraine, Russia). Tokens `a..b` of the sentence `hits` came from.
pub(super) fn attacked_country(
    v: &Vocab,
    gaz: &Gazetteer,
    hits: &Hits,
    (a, b): (usize, usize),
    named: (bool, bool),
) -> Option<KnownId> {
    let country = |name: &str| gaz.lookup(EntityKind::Place, name);
    if hits.has(v.strikes_on_russia, a, b) {
        return named.1.then(|| country("Russia")).flatten();
    }
    if hits.has(v.strikes_on_ukraine, a, b) {
        return named.0.then(|| country("Ukraine")).flatten();
    }
    None
}
