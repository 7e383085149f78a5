//! Who says so: the speaker of a statement, the claimant of an event ("Ukrainian officials
//! said", "according to Reuters", "Hunder said") and whether the report is disputed.

use super::super::counts::Tok;
use super::super::entities::{Found, Key};
use super::super::gazetteer::Gazetteer;
use super::super::rules::{Hits, Vocab};
use super::super::text::{Lower, Sentence, leading_run};
use super::super::types::{EntityKind, Status};

/// A named person who speaks in the sentence ("Lavrov claimed", "..., Zelenskyy said").
pub(super) fn speaker(v: &Vocab, body: &str, mentions: &[Found], idx: &[usize], gaz: &Gazetteer) -> Option<usize> {
    idx.iter().copied().find(|&m| {
        let f = &mentions[m];
        if f.kind(gaz) != EntityKind::Person {
            return false;
        }
        let after = body[f.end..].trim_start_matches(['\'', '’', 's']).trim_start();
        let next = leading_run(after, char::is_alphabetic);
        let next = if v.speaker_adverb.has_ci(next) {
            leading_run(after[next.len()..].trim_start(), char::is_alphabetic)
        } else {
            next
        };
        v.speech_verb.has_ci(next)
    })
}

/// Does a named official or body speak in the sentence: a person the gazetteer knows or
/// named after a title ("Foreign Minister X said"), or a claimant that speaks for an
/// authority ("the defence ministry said", "the General Staff reported")? `claimant` is
/// what [`claimant`] found in the sentence.
pub(super) fn official_voice(
    v: &Vocab,
    body: &str,
    s: Sentence,
    mentions: &[Found],
    idx: &[usize],
    gaz: &Gazetteer,
    claimant: Option<&(String, (usize, usize))>,
) -> bool {
    if let Some(m) = speaker(v, body, mentions, idx, gaz) {
        let f = &mentions[m];
        if matches!(f.key, Key::Known(_)) {
            return true;
        }
        let before = &body[s.start..f.start];
        let titled = before
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| !w.is_empty())
            .rev()
            .take(3)
            .any(|w| v.official.has(Lower::new(w).as_str()));
        if titled {
            return true;
        }
    }
    claimant.is_some_and(|(name, _)| is_official(v, name) || gaz.lookup(EntityKind::Org, name).is_some())
}

/// Who claims it: "Ukrainian officials said", "according to Reuters", "Hunder said", with
/// the body span of the words that say so. `toks` are the sentence's tokens (of its
/// lowercased copy: same offsets).
pub(super) fn claimant(
    v: &Vocab,
    body: &str,
    s: Sentence,
    toks: &[Tok],
    mentions: &[Found],
    idx: &[usize],
    gaz: &Gazetteer,
) -> Option<(String, (usize, usize))> {
    let text = &body[s.start..s.end];
    for (ti, t) in toks.iter().enumerate() {
        if t.text == "according" {
            if toks.get(ti + 1).is_some_and(|n| n.text == "to") {
                let after = s.start + toks.get(ti + 1).map(|n| n.end).unwrap_or(t.end);
                let from = s.start + t.start;
                if let Some(&m) = idx.iter().find(|&&m| mentions[m].start >= after && mentions[m].start <= after + 6) {
                    return Some((name_of(&mentions[m], gaz), (from, mentions[m].end)));
                }
                let words: Vec<&Tok> = toks[ti + 2..].iter().take(4).collect();
                if let Some(p) = words.iter().position(|w| v.group_noun.has(w.text)) {
                    let name = words[..=p].iter().map(|t| &text[t.start..t.end]).collect::<Vec<_>>().join(" ");
                    return Some((name, (from, s.start + words[p].end)));
                }
            }
            continue;
        }
        if !v.speech_verb.has(t.text) {
            continue;
        }
        let verb_at = s.start + t.start;
        // An entity ending just before the verb (allowing "has", "also", "on Sunday").
        if let Some(&m) = idx.iter().rev().find(|&&m| {
            let f = &mentions[m];
            f.end <= verb_at
                && body[f.end..verb_at].split_whitespace().all(|w| v.claim_gap.has_ci(w))
                && body[f.end..verb_at].len() < 20
        }) {
            return Some((name_of(&mentions[m], gaz), (mentions[m].start, s.start + t.end)));
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
                if v.group_noun.has(w) {
                    seen_noun = true;
                    a -= 1;
                } else if seen_noun
                    && (text[toks[a - 1].start..].chars().next().is_some_and(char::is_uppercase)
                        || v.group_modifier.has(w))
                {
                    a -= 1;
                } else {
                    break;
                }
            }
            if seen_noun {
                let phrase = &text[toks[a].start..toks[ti - 1].end];
                let phrase = phrase.strip_prefix("The ").or_else(|| phrase.strip_prefix("the ")).unwrap_or(phrase);
                return Some((phrase.to_string(), (s.start + toks[a].start, s.start + t.end)));
            }
        }
    }
    None
}

/// The canonical name of a mention's entity.
pub(super) fn name_of(f: &Found, gaz: &Gazetteer) -> String {
    match &f.key {
        Key::Known(id) => gaz.known[*id as usize].name.clone(),
        Key::New(_, n) => n.clone(),
    }
    .trim()
    .to_string()
}

/// Does the claimant speak for an authority ("the regional governor", "Air Force")?
pub(super) fn is_official(v: &Vocab, claimant: &str) -> bool {
    claimant.split(|c: char| !c.is_alphanumeric()).any(|w| !w.is_empty() && v.official.has(Lower::new(w).as_str()))
}

/// Claimed by an authority, reported, or disputed: the sentence or the next one says it
/// could not be verified or was denied.
pub(super) fn status_of(v: &Vocab, hits: &Hits, next: Option<&Hits>, official: bool) -> Status {
    let disputed = |h: &Hits| h.of(v.disputed).next().is_some();
    if disputed(hits) || next.is_some_and(disputed) {
        return Status::Disputed;
    }
    if official { Status::Claimed } else { Status::Reported }
}
