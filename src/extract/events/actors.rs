//! Who did it: countries named by a demonym before an acting noun ("Russian forces",
//! "Ukrainian drones"), the people and organisations of the sentence, and places that are
//! its subject ("Russia launched").

use super::super::counts::Tok;
use super::super::entities::Found;
use super::super::gazetteer::Gazetteer;
use super::super::rules::{Rules, Vocab};
use super::super::types::EntityKind;
use super::claim::name_of;
use super::place::place_is_actor;

/// The actors of a sentence: `toks` are its tokens (lowercase), `text` the sentence, `idx`
/// its mentions.
#[allow(clippy::too_many_arguments)]
pub(super) fn actors(
    rules: &Rules,
    v: &Vocab,
    text: &str,
    toks: &[Tok],
    mentions: &[Found],
    idx: &[usize],
    gaz: &Gazetteer,
    body: &str,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if !text[t.start..].starts_with(char::is_uppercase) {
            continue;
        }
        if let Some(country) = gaz.demonym(&text[t.start..t.end])
            && rules.class_end(v.acting_noun, toks, i + 1).is_some()
        {
            let name = &gaz.known[country as usize].name;
            if !out.contains(name) {
                out.push(name.clone());
            }
        }
    }
    for &m in idx {
        let f = &mentions[m];
        let kind = f.kind(gaz);
        if matches!(kind, EntityKind::Person | EntityKind::Org)
            || (kind == EntityKind::Place && place_is_actor(v, body, f))
        {
            let n = name_of(f, gaz);
            if !out.contains(&n) {
                out.push(n);
            }
        }
    }
    out
}
