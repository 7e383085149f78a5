//! Finding entity mentions in an article body: gazetteer names first, then capitalised
//! names typed from context (`President X`, `X said`, `near X`, `X Oblast`, `X Center`).

use super::counts::{Tok, tokens, toks_within};
use super::gazetteer::{Gazetteer, KnownId, Place, PlaceKind};
use super::lexicon::Lexicon;
use super::text::{Lower, Sentence, leading_run, trailing_run};
use super::types::EntityKind;

/// What a mention refers to: a gazetteer entry, or a name found in the text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub enum Key {
    Known(KnownId),
    New(EntityKind, String),
}

/// A mention in an article body.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub key: Key,
}

impl Found {
    pub fn kind(&self, gaz: &Gazetteer) -> EntityKind {
        match &self.key {
            Key::Known(id) => gaz.known[*id as usize].kind,
            Key::New(k, _) => *k,
        }
    }
}

const CONNECTORS: &[&str] =
    &["of", "for", "de", "von", "van", "der", "al", "bin", "du", "la", "le", "del", "da", "in", "and"];

const LEADING_STRIP: &[&str] = &[
    "the",
    "a",
    "an",
    "however",
    "meanwhile",
    "but",
    "and",
    "while",
    "several",
    "many",
    "some",
    "both",
    "according",
    "in",
    "on",
    "at",
    "after",
    "before",
    "when",
    "if",
    "as",
    "since",
    "under",
    "then",
    "also",
    "even",
    "still",
    "yet",
    "so",
    "thus",
    "although",
    "though",
    "despite",
    "during",
    "from",
    "with",
    "without",
    "by",
    "for",
    "to",
    "of",
    "this",
    "that",
    "these",
    "those",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "your",
    "unless",
    "until",
    "once",
];

const ORG_CONTEXT: &[&str] = &[
    "bank",
    "fund",
    "lender",
    "insurer",
    "carrier",
    "airline",
    "retailer",
    "watchdog",
    "charity",
    "ngo",
    "partner",
    "outlet",
    "broadcaster",
    "newspaper",
    "agency",
    "channel",
    "company",
    "firm",
    "daily",
    "tank",
    "group",
    "network",
    "publication",
    "portal",
    "operator",
    "manufacturer",
    "producer",
    "maker",
    "giant",
    "conglomerate",
    "tabloid",
    "magazine",
    "site",
    "website",
    "service",
    "startup",
    "contractor",
    "developer",
    "platform",
];

const PLACE_BEFORE: &[&str] = &[
    "settlements",
    "villages",
    "towns",
    "near",
    "outside",
    "toward",
    "towards",
    "around",
    "nearby",
    "village",
    "town",
    "city",
    "settlement",
    "hamlet",
    "outskirts",
];

/// Facilities named after the place they stand in: "the Balashovo oil depot", "the Burshtyn TPP".
const FACILITY_AFTER: &[&str] = &[
    "depot",
    "refinery",
    "tpp",
    "chp",
    "npp",
    "hpp",
    "airfield",
    "airport",
    "airbase",
    "port",
    "dam",
    "bridge",
    "substation",
    "terminal",
    "arsenal",
    "shipyard",
    "railway",
    "station",
];

/// Words between a place and its facility: "the Balashovo oil depot".
const FACILITY_KIND: &[&str] =
    &["oil", "fuel", "power", "thermal", "nuclear", "hydroelectric", "gas", "air", "ammunition", "sea", "river"];

/// Month and weekday names: capitalised, but never a surname.
fn is_calendar_word(w: &str) -> bool {
    matches!(
        Lower::new(w).as_str(),
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
    )
}

const REGION_AFTER: &[&str] =
    &["oblast", "raion", "krai", "region", "district", "province", "oblasts", "regions", "governorate", "county"];

fn is_cap(t: &str) -> bool {
    match t.as_bytes().first() {
        Some(b) if b.is_ascii_lowercase() => false,
        Some(b) if b.is_ascii_uppercase() => true,
        Some(b) if b.is_ascii_digit() => {
            // "44th", "3rd"
            let end = t.as_bytes().last_chunk::<2>().map(|&[a, b]| [a.to_ascii_lowercase(), b.to_ascii_lowercase()]);
            matches!(end, Some([b't', b'h'] | [b's', b't'] | [b'n', b'd'] | [b'r', b'd']))
        }
        _ => t.chars().next().is_some_and(char::is_uppercase),
    }
}

pub(crate) fn is_acronym(t: &str) -> bool {
    t.len() >= 2
        && t.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
        && t.chars().any(|c| c.is_ascii_uppercase())
}

fn strip_possessive(t: &str) -> (&str, bool) {
    for suf in ["'s", "’s"] {
        if let Some(s) = t.strip_suffix(suf) {
            return (s, true);
        }
    }
    (t, false)
}

/// Is there only white space (and at most the given punctuation) between two byte offsets?
/// Byte offsets of capital letters and digits: where a name may start. (The gazetteer
/// look-up skips those inside a word.)
fn capitalised_starts(body: &str) -> impl Iterator<Item = usize> + '_ {
    let b = body.as_bytes();
    (0..b.len()).filter(move |&i| {
        let x = b[i];
        if x < 0x80 {
            x.is_ascii_uppercase() || x.is_ascii_digit()
        } else {
            // A lead byte (not a continuation byte) of an uppercase letter: "Šahed", "Київ".
            x >= 0xC0 && body[i..].chars().next().is_some_and(char::is_uppercase)
        }
    })
}

fn gap_is(body: &str, a: usize, b: usize, allow: &[char]) -> bool {
    a <= b && body[a..b].chars().all(|c| c.is_whitespace() || allow.contains(&c))
}

/// Whether an article names each parent of a homonym ([`Finder::choose`]): its name and its
/// stem, anywhere in the lowercased text, looked up once per parent. Homonyms have many
/// parents (a village name shared by thirty villages names thirty raions), so most look-ups
/// are refused by a table of the article's four-byte sequences, built at the first, instead
/// of a scan of the whole text.
struct ParentsSeen<'a> {
    lowered: &'a str,
    seen: rustc_hash::FxHashMap<u32, (bool, bool)>,
    grams: Option<Box<[u64; GRAM_BITS / 64]>>,
}

/// The size of [`ParentsSeen`]'s table, in bits.
const GRAM_BITS: usize = 1 << 16;

/// A four-byte sequence's bit in [`ParentsSeen`]'s table.
fn gram_bit(g: &[u8]) -> usize {
    let x = u32::from_le_bytes([g[0], g[1], g[2], g[3]]);
    (x.wrapping_mul(0x9E37_79B1) >> 16) as usize
}

impl<'a> ParentsSeen<'a> {
    fn new(lowered: &'a str) -> ParentsSeen<'a> {
        ParentsSeen { lowered, seen: rustc_hash::FxHashMap::default(), grams: None }
    }

    /// (Does the article hold the place's name, does it hold its stem?)
    fn of(&mut self, id: u32, place: &Place) -> (bool, bool) {
        if let Some(&v) = self.seen.get(&id) {
            return v;
        }
        let stem_in = self.holds(&place.stem);
        let v = (stem_in && self.holds(&place.lower), stem_in);
        self.seen.insert(id, v);
        v
    }

    /// Does the article's text hold `needle`? Not when the table lacks its first or last
    /// four bytes.
    fn holds(&mut self, needle: &str) -> bool {
        let n = needle.as_bytes();
        if n.len() >= 4 {
            let lowered = self.lowered.as_bytes();
            let grams = self.grams.get_or_insert_with(|| {
                let mut t = Box::new([0u64; GRAM_BITS / 64]);
                for g in lowered.windows(4) {
                    let b = gram_bit(g);
                    t[b / 64] |= 1 << (b % 64);
                }
                t
            });
            let has = |g: &[u8]| {
                let b = gram_bit(g);
                grams[b / 64] & (1 << (b % 64)) != 0
            };
            if !has(&n[..4]) || !has(&n[n.len() - 4..]) {
                return false;
            }
        }
        self.lowered.contains(needle)
    }
}

pub struct Finder<'a> {
    pub gaz: &'a Gazetteer,
    pub lex: &'a Lexicon,
}

impl Finder<'_> {
    /// Find the mentions in `body`, given its sentences.
    pub fn find(&self, body: &str, sentences: &[Sentence]) -> Vec<Found> {
        let lowered = body.to_ascii_lowercase();
        self.find_in(body, &lowered, &tokens(body), sentences)
    }

    /// As `find`, given `body` ASCII-lowercased and its tokens (one tokenization of the
    /// whole text; each sentence takes its part).
    pub fn find_in(&self, body: &str, lowered: &str, toks: &[Tok], sentences: &[Sentence]) -> Vec<Found> {
        let sentence_starts: Vec<usize> = sentences.iter().map(|s| s.start).collect();
        let is_sentence_start = |pos: usize| {
            sentence_starts.binary_search(&pos).is_ok()
                || body[..pos].trim_end_matches([' ', '"', '“', '‘', '\'', '(', '-', '*', '•']).ends_with(['\n', ':'])
                || body[..pos].trim_end_matches([' ', '"', '“', '‘', '\'', '(', '-', '*', '•']).is_empty()
        };
        let mut found: Vec<Found> = Vec::new();
        let ancestors_seen = std::cell::RefCell::new(ParentsSeen::new(lowered));

        // 1. Gazetteer names.
        self.gaz.find_accepting_at(lowered, capitalised_starts(body), |m| {
            let orig = &body[m.start..m.end];
            if !orig.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()) {
                return false;
            }
            let (form, ids) = &self.gaz.forms[m.form as usize];
            // Short all-caps names (US, UK, EU) only in capitals.
            if self.gaz.acronym_forms[m.form as usize] && !is_acronym(orig) {
                return false;
            }
            let single_word = !orig.contains(' ');
            let before = prev_word(body, m.start);
            let after = next_word(body, m.end);
            // (`form` is `orig` lowercased.)
            if self.gaz.ambiguous.contains(form.as_str()) {
                let ctx_ok = matches!(
                    before.as_deref(),
                    Some("in" | "near" | "from" | "outside" | "of" | "to" | "toward" | "towards" | "at")
                ) || after.as_deref().is_some_and(|w| REGION_AFTER.contains(&w));
                if !ctx_ok || is_sentence_start(m.start) {
                    return false;
                }
            }
            if single_word && is_sentence_start(m.start) && self.lex.is_common(orig) && !is_acronym(orig) {
                return false;
            }
            // A given name next to another capitalised word is part of a person's name
            // ("Volodymyr Zelensky", "Kirill Dmitriev"), not a town of that name.
            let is_place_only = ids.iter().all(|&id| self.gaz.known[id as usize].kind == EntityKind::Place);
            if is_place_only && single_word {
                let next_cap =
                    body[m.end..].strip_prefix(' ').is_some_and(|r| r.chars().next().is_some_and(char::is_uppercase));
                let prev_name = prev_cap_word(body, m.start).is_some_and(|w| self.lex.is_first_name(&w));
                if (self.lex.first_names.contains(orig) && next_cap) || prev_name {
                    return false;
                }
            }
            let mut id = self.choose(ids, body, (m.start, m.end), lowered, &ancestors_seen);
            // "Kursk and Belgorod regions": the regions, even when only the city is a form.
            if self.region_follows(lowered, m.end) && self.gaz.place(id).is_some_and(|p| p.kind != PlaceKind::Region) {
                let lo = orig.to_ascii_lowercase();
                let region = [format!("{lo} oblast"), format!("{lo} region")].iter().find_map(|f| {
                    self.gaz
                        .form(f)
                        .iter()
                        .copied()
                        .find(|&r| self.gaz.place(r).is_some_and(|p| p.kind == PlaceKind::Region))
                });
                if let Some(r) = region {
                    id = r;
                }
            }
            found.push(Found { start: m.start, end: m.end, key: Key::Known(id) });
            true
        });

        // 1a. A village the gazetteer knows only by name (no population, no coordinates) is
        // that village only in an article about its country, or where the text says it is a
        // village: "Orly airport in Paris" is not the Orly of Synelnykove Raion.
        self.drop_stray_villages(body, &mut found);

        // 1b. "Polish airspace", "Ukrainian territory": a demonym standing for its country.
        self.demonym_places(body, toks, &mut found);

        // 2. Capitalised runs not (wholly) covered by gazetteer names, one sentence at a time
        // on that sentence's own mentions (a long page stays linear).
        found.sort_by_key(|f| f.start);
        let mut all: Vec<Found> = Vec::with_capacity(found.len() + found.len() / 2);
        let mut cursor = 0;
        // (One buffer for every sentence's mentions.)
        let mut local: Vec<Found> = Vec::new();
        for s in sentences {
            let lo = found.partition_point(|f| f.start < s.start).max(cursor);
            let hi = found.partition_point(|f| f.start < s.end).max(lo);
            all.extend_from_slice(&found[cursor..lo]);
            local.clear();
            local.extend_from_slice(&found[lo..hi]);
            self.runs_in_sentence(body, toks_within(toks, s.start, s.end), &mut local, &is_sentence_start);
            all.append(&mut local);
            cursor = hi;
        }
        all.extend_from_slice(&found[cursor..]);
        let mut found = all;
        found.sort_by_key(|f| (f.start, std::cmp::Reverse(f.end)));
        // Drop overlaps: keep the earliest, longest.
        let mut out: Vec<Found> = Vec::with_capacity(found.len());
        for f in found {
            if out.last().is_some_and(|l| f.start < l.end) {
                continue;
            }
            out.push(f);
        }

        // 3. Lists of places: "near Zelene, Starytsya and Hrafske" names three.
        self.place_lists(body, toks, &mut out);

        // 4. Surnames of people named in full in this article, or known to the gazetteer.
        self.link_surnames(body, sentences, toks, &mut out, &is_sentence_start);
        out
    }

    /// In an enumeration "A, B, C and D" of capitalised names where one is a place, the
    /// others are places too: villages the gazetteer does not know ("near Ivano-Pillya,
    /// Rusynyi Yar and Kostiantynivka"). `out` is sorted and free of overlaps.
    fn place_lists(&self, body: &str, toks: &[Tok], out: &mut Vec<Found>) {
        // Items: runs of one to three capitalised words; separators: ",", "and", ", and".
        let mut i = 0;
        let mut added: Vec<Found> = Vec::new();
        while i < toks.len() {
            let mut items: Vec<(usize, usize)> = Vec::new(); // body byte ranges
            let mut j = i;
            let mut closed = false;
            while let Some(t) = toks.get(j) {
                if !is_cap(t.text) || is_acronym(t.text) {
                    break;
                }
                let mut k = j;
                while k + 1 < toks.len()
                    && k + 1 - j < 3
                    && is_cap(toks[k + 1].text)
                    && gap_is(body, toks[k].end, toks[k + 1].start, &[])
                {
                    k += 1;
                }
                items.push((toks[j].start, toks[k].end));
                if closed {
                    break;
                }
                // A parenthetical after an item ("Boguslavka (Kharkov region), Yampol") is
                // skipped with the separator.
                let mut k2 = k;
                if body[toks[k].end..].trim_start().starts_with('(') {
                    let close = body[toks[k].end..].find(')').map(|c| toks[k].end + c);
                    if let Some(c) = close.filter(|&c| c - toks[k].end < 60) {
                        while k2 + 1 < toks.len() && toks[k2 + 1].start < c {
                            k2 += 1;
                        }
                    }
                }
                let k_item = k;
                let k = k2;
                let Some(next) = toks.get(k + 1) else { break };
                let gap_from = if k == k_item {
                    toks[k].end
                } else {
                    body[..next.start].rfind(')').map_or(toks[k].end, |c| c + 1)
                };
                let gap = &body[gap_from..next.start];
                if next.text == "and" && (gap.trim().is_empty() || gap.trim() == ",") {
                    closed = true;
                    j = k + 2;
                } else if gap.trim() == "," {
                    j = k + 1;
                } else {
                    break;
                }
            }
            let n = items.len();
            if n == 0 {
                i += 1;
                continue;
            }
            // "Reporting by A, B and C", "Editing by D, E": a credit line names people.
            let credit = i >= 2
                && toks[i - 1].text.eq_ignore_ascii_case("by")
                && matches!(
                    Lower::new(toks[i - 2].text).as_str(),
                    "reporting" | "writing" | "editing" | "compiled" | "written" | "edited" | "photos" | "illustration"
                );
            if credit {
                for &(a, b) in &items {
                    let words: Vec<&str> = body[a..b].split_whitespace().collect();
                    let k = out.partition_point(|f| f.end <= a);
                    let covered = out.get(k).is_some_and(|f| f.start < b);
                    if !covered && (2..=3).contains(&words.len()) {
                        added.push(Found {
                            start: a,
                            end: b,
                            key: Key::New(EntityKind::Person, clean_name(&body[a..b])),
                        });
                    }
                }
                i = j.max(i + 1);
                continue;
            }
            // Two names need a place word before them ("near A and B"); three or more are a list.
            let before = i.checked_sub(1).map(|p| Lower::new(toks[p].text));
            let place_word = before.as_deref().is_some_and(|w| {
                PLACE_BEFORE.contains(&w) || matches!(w, "in" | "of" | "at" | "toward" | "towards" | "around")
            });
            if closed && (n >= 3 || n == 2 && place_word) {
                let kind_at = |a: usize, b: usize| {
                    let k = out.partition_point(|f| f.end <= a);
                    out.get(k).filter(|f| f.start < b).map(|f| f.kind(self.gaz))
                };
                let kinds: Vec<Option<EntityKind>> = items.iter().map(|&(a, b)| kind_at(a, b)).collect();
                let places = kinds.iter().filter(|k| **k == Some(EntityKind::Place)).count();
                let others = kinds.iter().filter(|k| k.is_some_and(|k| k != EntityKind::Place)).count();
                let people = kinds.iter().filter(|k| **k == Some(EntityKind::Person)).count();
                // "Justin Young, Grace Mappes and Frederick W. Kagan": people listed with people.
                if people >= 1 && people + kinds.iter().filter(|k| k.is_none()).count() == n {
                    for (&(a, b), k) in items.iter().zip(&kinds) {
                        let words: Vec<&str> = body[a..b].split_whitespace().collect();
                        let org = words.iter().any(|w| self.lex.org_words.contains(Lower::new(w).as_str()));
                        if k.is_none()
                            && (2..=3).contains(&words.len())
                            && !org
                            && !words.iter().all(|w| self.lex.is_common(w))
                        {
                            added.push(Found {
                                start: a,
                                end: b,
                                key: Key::New(EntityKind::Person, clean_name(&body[a..b])),
                            });
                        }
                    }
                }
                if places >= 1 && others == 0 {
                    for (&(a, b), k) in items.iter().zip(&kinds) {
                        let words: Vec<&str> = body[a..b].split_whitespace().collect();
                        // Not a person ("Elizabeth Warren"), nor "ABC-owned", "Fallujah-but".
                        let hyphen_tail =
                            words.iter().any(|w| w.split('-').skip(1).any(|p| p.starts_with(char::is_lowercase)));
                        let plain = words.iter().all(|w| self.lex.is_common(w))
                            || self.lex.first_names.contains(words[0])
                            || hyphen_tail
                            || words.iter().any(|w| self.lex.org_words.contains(Lower::new(w).as_str()));
                        if k.is_none() && !plain {
                            added.push(Found {
                                start: a,
                                end: b,
                                key: Key::New(EntityKind::Place, clean_name(&body[a..b])),
                            });
                        }
                    }
                }
            }
            i = j.max(i + 1);
        }
        if !added.is_empty() {
            out.extend(added);
            out.sort_by_key(|f| f.start);
        }
    }

    /// Among the entries a surface form may mean, choose the one the context supports.
    fn choose(
        &self,
        ids: &[KnownId],
        body: &str,
        (start, end): (usize, usize),
        lowered: &str,
        ancestors_seen: &std::cell::RefCell<ParentsSeen>,
    ) -> KnownId {
        if ids.len() == 1 {
            return ids[0];
        }
        let region_next = self.region_follows(lowered, end);
        let before = prev_word(body, start);
        let person_ctx = before.as_deref().is_some_and(|w| self.lex.titles.contains(w));
        let mut best = ids[0];
        let mut best_score = i64::MIN;
        // Homonyms share parents: each parent's look-up near the name, once.
        let mut near: Vec<(u32, bool)> = Vec::new();
        let window = &lowered[end..floor_boundary(lowered, end + 200)];
        for (rank, &id) in ids.iter().enumerate() {
            let k = &self.gaz.known[id as usize];
            let mut score = -(rank as i64);
            match k.kind {
                EntityKind::Person if person_ctx => score += 50,
                EntityKind::Place => {
                    if let Some(p) = self.gaz.place(id) {
                        if region_next && p.kind == PlaceKind::Region {
                            score += 40;
                        }
                        if !region_next && p.kind == PlaceKind::Settlement {
                            score += 5;
                        }
                        if p.kind == PlaceKind::Country {
                            score += 8;
                        }
                        // A parent named nearby ("Ternivka, Dnipropetrovsk Oblast") settles it.
                        for anc in self.gaz.place_path(k.place.unwrap_or(0)).iter().skip(1) {
                            let place = &self.gaz.places[*anc as usize];
                            // Whole-article look-ups are cached (homonyms share ancestors): the
                            // window is searched only when the stem occurs in the article at all.
                            let (name_in, stem_in) = ancestors_seen.borrow_mut().of(*anc, place);
                            let mut stem_near = || match near.iter().find(|(a, _)| a == anc) {
                                Some(&(_, yes)) => yes,
                                None => {
                                    let yes = window.contains(place.stem.as_str());
                                    near.push((*anc, yes));
                                    yes
                                }
                            };
                            if name_in || stem_in && stem_near() {
                                score += 20;
                                break;
                            }
                        }
                        score += (p.population as f64 + 1.0).log10() as i64;
                    }
                }
                _ => {}
            }
            if score > best_score {
                best_score = score;
                best = id;
            }
        }
        best
    }

    fn drop_stray_villages(&self, body: &str, found: &mut Vec<Found>) {
        let weak = |f: &Found| {
            self.gaz
                .place_of_key(&f.key)
                .is_some_and(|p| p.population == 0 && p.lat.is_none() && p.kind == PlaceKind::Settlement)
        };
        if !found.iter().any(weak) {
            return;
        }
        // The countries the article names through places that are not weak.
        let mut countries: Vec<u32> = Vec::new();
        for f in found.iter().filter(|f| !weak(f)) {
            if let Key::Known(k) = f.key
                && let Some(p) = self.gaz.known[k as usize].place
                && let Some(&c) =
                    self.gaz.place_path(p).iter().find(|&&q| self.gaz.places[q as usize].kind == PlaceKind::Country)
                && !countries.contains(&c)
            {
                countries.push(c);
            }
        }
        found.retain(|f| {
            if !weak(f) {
                return true;
            }
            let Key::Known(k) = f.key else { return true };
            let Some(p) = self.gaz.known[k as usize].place else { return true };
            let in_named_country = self.gaz.place_path(p).iter().any(|q| countries.contains(q));
            let said_village = prev_word(body, f.start)
                .is_some_and(|w| matches!(w.as_str(), "village" | "settlement" | "hamlet" | "near" | "of"));
            in_named_country || said_village
        });
    }

    /// "Polish airspace", "Russian forces", "Polish and Lithuanian airspace": a demonym
    /// before one of the nouns of `demonym_noun` (assets/rules/en/places.toml) names its
    /// country. `toks` are the text's tokens.
    fn demonym_places(&self, body: &str, toks: &[Tok], found: &mut Vec<Found>) {
        let nouns = &super::rules::get().vocab.demonym_noun;
        let mut chain: Vec<(usize, usize, KnownId)> = Vec::new();
        for (i, t) in toks.iter().enumerate() {
            let w = &body[t.start..t.end];
            // A demonym counts only before its noun, "and" or a comma: most words are
            // refused before the look-up.
            let goes_on = || {
                toks.get(i + 1).is_some_and(|n| {
                    n.text.eq_ignore_ascii_case("and") || body[t.end..n.start].contains(',') || nouns.has_ci(n.text)
                })
            };
            let country = (w.starts_with(char::is_uppercase) && goes_on())
                .then(|| self.gaz.demonym(w))
                .flatten()
                .filter(|&id| self.gaz.place(id).is_some_and(|p| p.kind == PlaceKind::Country));
            let Some(id) = country else {
                if !t.text.eq_ignore_ascii_case("and") || chain.is_empty() {
                    chain.clear();
                }
                continue;
            };
            chain.push((t.start, t.end, id));
            let Some(next) = toks.get(i + 1) else { continue };
            // "Polish, Lithuanian and Latvian airspace": the chain goes on.
            if !gap_is(body, t.end, next.start, &[',']) {
                chain.clear();
                continue;
            }
            if nouns.has_ci(next.text) {
                for &(s, e, id) in &chain {
                    if !found.iter().any(|f| f.start < e && s < f.end) {
                        found.push(Found { start: s, end: e, key: Key::Known(id) });
                    }
                }
                chain.clear();
            }
        }
    }

    /// "X regions", "X and Y regions", "X region": the name before is a region's.
    fn region_follows(&self, lowered: &str, end: usize) -> bool {
        let rest = lowered[end..].trim_start();
        let first = rest.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        if matches!(first, "regions" | "oblasts" | "region" | "oblast") {
            return true;
        }
        rest.strip_prefix("and ").is_some_and(|rest| {
            let mut words = rest.split_whitespace();
            words.next();
            words.next().is_some_and(|w| w.starts_with("regions") || w.starts_with("oblasts"))
        })
    }

    /// "and" and "in" join capitalised words only inside an organisation's name
    /// ("Organization for Security and Cooperation", "Chamber of Commerce in Ukraine").
    fn connector_ok(&self, so_far: &[Tok], conn: &str, next_start: usize, found: &[Found]) -> bool {
        let org_so_far = so_far.iter().any(|t| self.lex.org_words.contains(Lower::new(t.text).as_str()));
        match conn {
            "and" => org_so_far && so_far.iter().any(|t| t.text == "for"),
            "in" => {
                org_so_far
                    && found.iter().any(|f| {
                        f.start == next_start
                            && self.gaz.place_of_key(&f.key).is_some_and(|p| p.kind == PlaceKind::Country)
                    })
            }
            _ => true,
        }
    }

    /// `toks`: the sentence's tokens (offsets in `body`).
    fn runs_in_sentence(&self, body: &str, toks: &[Tok], found: &mut Vec<Found>, is_start: &dyn Fn(usize) -> bool) {
        let found_ro: Vec<Found> = match (toks.first(), toks.last()) {
            (Some(a), Some(b)) => found.iter().filter(|f| f.start >= a.start && f.end <= b.end).cloned().collect(),
            _ => return,
        };
        let mut i = 0;
        while i < toks.len() {
            if !is_cap(toks[i].text) {
                i += 1;
                continue;
            }
            // Grow a run of capitalised words joined by spaces (and connectors between capitals).
            let mut j = i;
            let mut last_cap = i;
            loop {
                let (_, poss) = strip_possessive(toks[j].text);
                if poss {
                    break;
                }
                let Some(next) = toks.get(j + 1) else { break };
                // `Serhiy “Flash” Beskrestnov`: the nickname is skipped over, the name goes on.
                if self.quoted_nickname(body, toks, j) {
                    j += 2;
                    last_cap = j;
                    continue;
                }
                // "Frederick W. Kagan": a middle initial's full stop stays inside the name.
                let initial =
                    j > i && toks[j].text.len() == 1 && toks[j].text.starts_with(|c: char| c.is_ascii_uppercase());
                let gap_ok =
                    gap_is(body, toks[j].end, next.start, &[]) || initial && body[toks[j].end..next.start] == *". ";
                if !gap_ok {
                    break;
                }
                if is_cap(next.text) {
                    j += 1;
                    last_cap = j;
                } else if CONNECTORS.contains(&next.text)
                    && toks.get(j + 2).is_some_and(|n2| is_cap(n2.text) && gap_is(body, next.end, n2.start, &[]))
                    && self.connector_ok(&toks[i..=j], next.text, toks[j + 2].start, &found_ro)
                {
                    j += 1;
                } else {
                    break;
                }
            }
            let run = &toks[i..=last_cap];
            self.type_run(body, toks, i, run, found, is_start);
            i = last_cap + 1;
        }
    }

    /// `Serhiy “Flash” Beskrestnov`: a quoted nickname between two capitalised words.
    fn quoted_nickname(&self, body: &str, toks: &[Tok], j: usize) -> bool {
        let (Some(nick), Some(after)) = (toks.get(j + 1), toks.get(j + 2)) else {
            return false;
        };
        is_cap(nick.text)
            && is_cap(after.text)
            && self.lex.is_first_name(toks[j].text)
            && body[toks[j].end..nick.start].trim().chars().all(|c| matches!(c, '“' | '"' | '‘' | '\''))
            && !body[toks[j].end..nick.start].trim().is_empty()
    }

    fn type_run(
        &self,
        body: &str,
        all: &[Tok],
        run_start_idx: usize,
        run: &[Tok],
        found: &mut Vec<Found>,
        is_start: &dyn Fn(usize) -> bool,
    ) {
        let run_s = run[0].start;
        let run_e = run[run.len() - 1].end;
        let (_, last_poss) = strip_possessive(run[run.len() - 1].text);
        let name_end =
            if last_poss { run_e - if body[..run_e].ends_with("’s") { "’s".len() } else { 2 } } else { run_e };
        // Gazetteer mentions already inside this run.
        let inner: Vec<usize> =
            found.iter().enumerate().filter(|(_, f)| f.start >= run_s && f.end <= run_e).map(|(i, _)| i).collect();
        if inner.len() == 1 && found[inner[0]].start <= run_s + 4 && found[inner[0]].end >= name_end {
            return; // the run is a known name (perhaps after "The")
        }
        // Strip leading function words, sentence-initial common words and titles.
        let mut k = 0;
        let mut title_before =
            all[..run_start_idx].last().is_some_and(|t| self.lex.titles.contains(Lower::new(t.text).as_str()))
                || run_start_idx >= 2
                    && self
                        .lex
                        .titles
                        .contains(Lower::pair(all[run_start_idx - 2].text, all[run_start_idx - 1].text).as_str());
        while k < run.len() {
            let w = run[k].text;
            let lw = Lower::new(w);
            // "Texas-based Quantum Capital Group": the place before "-based" is no part of the name.
            if LEADING_STRIP.contains(&lw.as_str())
                || lw.ends_with("-based")
                || (k == 0
                    && is_start(run[k].start)
                    && self.lex.is_common(w)
                    && !self.lex.org_words.contains(lw.as_str())
                    && !(w.starts_with(char::is_uppercase) && self.gaz.demonym(w).is_some()))
            {
                k += 1;
                continue;
            }
            if self.lex.titles.contains(lw.as_str())
                || (k + 1 < run.len() && self.lex.titles.contains(Lower::pair(lw.as_str(), run[k + 1].text).as_str()))
            {
                title_before = true;
                k += 1;
                continue;
            }
            break;
        }
        let rest = &run[k..];
        if rest.is_empty() {
            return;
        }
        let rest_s = rest[0].start;
        let has_known_inside = inner.iter().any(|&i| found[i].start >= rest_s);
        let words: Vec<Lower> = rest.iter().map(|t| Lower::new(strip_possessive(t.text).0)).collect();
        let org_word_at = words.iter().enumerate().position(|(wi, w)| {
            self.lex.org_words.contains(w.as_str())
                && !inner.iter().any(|&i| found[i].start <= rest[wi].start && found[i].end >= rest[wi].end)
        });
        // Organisation: a head word such as Center, Corps, Command, Company.
        if let Some(ow) = org_word_at
            && (rest.len() >= 2 || ow > 0)
        {
            // Start at the first capitalised word that is not a plain sentence word.
            let name = body[rest_s..name_end].to_string();
            // Capitals inside a sentence mark a name even when every word is ordinary:
            // "the Polish Armed Forces Operational Command", "Ministry of Defense".
            let capitals = rest.iter().filter(|t| is_cap(t.text)).count();
            let not_org = self.lex.not_org.contains(&clean_name(&name).to_lowercase());
            if rest.len() >= 2
                && !not_org
                && (capitals >= 2 || !words.iter().all(|w| self.lex.common.contains(w.as_str())))
            {
                found.retain(|f| !(f.start >= rest_s && f.end <= name_end));
                found.push(Found { start: rest_s, end: name_end, key: Key::New(EntityKind::Org, clean_name(&name)) });
                return;
            }
        }
        // Parts not covered by gazetteer names: person, org by context, or place by context.
        let mut segs: Vec<(usize, usize)> = Vec::new(); // token index ranges in `rest`
        let mut a = 0;
        for (ti, t) in rest.iter().enumerate() {
            let covered = found.iter().any(|f| f.start <= t.start && f.end >= t.end);
            if covered {
                if a < ti {
                    segs.push((a, ti));
                }
                a = ti + 1;
            }
        }
        if a < rest.len() {
            segs.push((a, rest.len()));
        }
        let _ = has_known_inside;
        for (a, b) in segs {
            let seg = &rest[a..b];
            // Trim connectors at the ends.
            let mut x = 0;
            let mut y = seg.len();
            while x < y
                && (CONNECTORS.contains(&seg[x].text) || LEADING_STRIP.contains(&Lower::new(seg[x].text).as_str()))
            {
                x += 1;
            }
            while y > x && CONNECTORS.contains(&seg[y - 1].text) {
                y -= 1;
            }
            if x >= y {
                continue;
            }
            let seg = &seg[x..y];
            self.type_segment(body, all, seg, title_before && a == 0, found, is_start);
        }
    }

    fn type_segment(
        &self,
        body: &str,
        all: &[Tok],
        seg: &[Tok],
        title_before: bool,
        found: &mut Vec<Found>,
        is_start: &dyn Fn(usize) -> bool,
    ) {
        let s = seg[0].start;
        let last = seg[seg.len() - 1];
        let (_, poss) = strip_possessive(last.text);
        let e = if poss { last.end - if last.text.ends_with("’s") { "’s".len() } else { 2 } } else { last.end };
        let name = &body[s..e];
        let idx_after = all.iter().position(|t| t.start >= last.end);
        let next_w = idx_after.and_then(|i| all.get(i)).map(|t| Lower::new(t.text));
        let next_adjacent = idx_after.and_then(|i| all.get(i)).is_some_and(|t| gap_is(body, last.end, t.start, &[',']));
        let idx_before = all.iter().rposition(|t| t.end <= s);
        let prev_w = idx_before.map(|i| Lower::new(all[i].text));
        let prev2 = idx_before.and_then(|i| i.checked_sub(1)).map(|i| Lower::new(all[i].text));
        let all_common = seg.iter().all(|t| self.lex.is_common(t.text));
        let says = |w: Option<&str>| w.is_some_and(|w| super::rules::get().vocab.speech_verb.has(w) || w == "expects");
        if seg.len() == 1 && is_acronym(seg[0].text) && seg[0].text.len() >= 3 && !all_common {
            // An unknown acronym that speaks or is cited is an organisation: "CNBC reported",
            // "according to ISW", "data from VEB".
            let cited = prev2.as_deref() == Some("according") && prev_w.as_deref() == Some("to")
                || prev_w.as_deref().is_some_and(|w| matches!(w, "by" | "from" | "told"))
                || (says(next_w.as_deref()) && next_adjacent)
                || prev_w.as_deref().is_some_and(|w| ORG_CONTEXT.contains(&w));
            if cited && !is_start(s) || says(next_w.as_deref()) && next_adjacent {
                found.push(Found { start: s, end: e, key: Key::New(EntityKind::Org, clean_name(name)) });
            }
            return;
        }
        if all_common || seg.iter().all(|t| is_acronym(t.text)) {
            return;
        }
        // A known person's surname alone ("Putin said") is linked to that person later.
        if seg.len() == 1 && self.gaz.surnames.contains_key(Lower::new(strip_possessive(seg[0].text).0).as_str()) {
            return;
        }
        let n = seg.len();
        let first_name_at = seg.iter().position(|t| self.lex.is_first_name(t.text));
        let says_after =
            next_w.as_deref().is_some_and(|w| super::rules::get().vocab.speech_verb.has(w)) && next_adjacent;
        let quoted = |t: &Tok| body[..t.start].ends_with(['“', '"', '‘']);
        let nameish = |t: &Tok| {
            quoted(t)
                || !self.lex.is_common(t.text)
                    && !is_acronym(t.text)
                    && t.text.chars().next().is_some_and(char::is_uppercase)
        };
        // Person: "Pavel Zarubin", "President X Y", "X Y said".
        if (2..=4).contains(&n) || (n > 4 && first_name_at.is_some_and(|f| n - f <= 4 && n - f >= 2)) {
            // A given name followed by one to three name-like words: "Pavel Zarubin".
            if let Some(f) = first_name_at {
                // Right after a given name a capitalised ordinary word is a surname ("Justin
                // Young"), unless it heads an organisation or names a month or a day.
                let surnameish = |t: &Tok| {
                    nameish(t)
                        || (is_cap(t.text)
                            && !is_acronym(t.text)
                            && !self.lex.org_words.contains(Lower::new(t.text).as_str())
                            && !self.lex.titles.contains(Lower::new(t.text).as_str())
                            && super::text::number_word(t.text).is_none()
                            && !is_calendar_word(t.text))
                };
                let len = seg[f + 1..]
                    .iter()
                    .enumerate()
                    .take_while(|(k, t)| if *k == 0 { surnameish(t) } else { nameish(t) })
                    .take(3)
                    .count();
                if len >= 1 {
                    let last = &seg[f + len];
                    let (_, poss) = strip_possessive(last.text);
                    let pe = if poss {
                        last.end - (last.text.len() - strip_possessive(last.text).0.len())
                    } else {
                        last.end
                    };
                    let ps = seg[f].start;
                    found.push(Found {
                        start: ps,
                        end: pe,
                        key: Key::New(EntityKind::Person, clean_name(&body[ps..pe])),
                    });
                    return;
                }
            }
            // "said Amy Pope, the agency's director", "by Marina Petrova, an expert": a name
            // after a verb of saying, or before an apposition, is a person's.
            let said_before = prev_w.as_deref().is_some_and(|w| super::rules::get().vocab.speech_verb.has(w))
                && idx_before.is_some_and(|i| gap_is(body, all[i].end, s, &[]));
            let apposition = body[e..].starts_with(", ")
                && idx_after.and_then(|i| all.get(i)).is_some_and(|t| matches!(t.text, "a" | "an" | "the"))
                && idx_after.and_then(|i| all.get(i + 1)).is_some_and(|t| {
                    let w = Lower::new(t.text);
                    self.lex.titles.contains(w.as_str())
                        || w.ends_with("-year-old")
                        || super::rules::get().vocab.person_noun.has(w.as_str())
                });
            let named_by_context = title_before || says_after || (n >= 2 && (said_before || apposition));
            if named_by_context && n <= 3 && seg.iter().all(nameish) {
                found.push(Found { start: s, end: e, key: Key::New(EntityKind::Person, clean_name(name)) });
                return;
            }
        }
        // Organisation by context: "German outlet Bild", "the Flex factory".
        // "German outlet Bild": the context word right before the name, no comma between.
        let org_before = prev_w.as_deref().is_some_and(|w| ORG_CONTEXT.contains(&w))
            && idx_before.is_some_and(|i| gap_is(body, all[i].end, s, &[]));
        let org_after = next_w.as_deref().is_some_and(|w| {
            matches!(
                w,
                "factory"
                    | "plant"
                    | "company"
                    | "corporation"
                    | "group"
                    | "agency"
                    | "reported"
                    | "reports"
                    | "utility"
            )
        }) && !says_after;
        if n <= 3 && (org_before || (org_after && !is_start(s))) && seg.iter().all(|t| !self.lex.is_common(t.text)) {
            found.push(Found { start: s, end: e, key: Key::New(EntityKind::Org, clean_name(name)) });
            return;
        }
        // "the Kupiansky direction", "the Pokrovske axis": the adjective of a known town names it.
        if n == 1 && next_w.as_deref().is_some_and(|w| matches!(w, "direction" | "directions" | "axis" | "sector")) {
            let w = strip_possessive(seg[0].text).0;
            for suffix in ["skyi", "skyy", "sky", "ske", "ska", "skiy", "skoye", "skoe"] {
                let Some(stem) = w.strip_suffix(suffix) else { continue };
                let town = format!("{stem}sk");
                if let Some(&id) = self.gaz.form(&town).iter().find(|&&id| {
                    self.gaz.place(id).is_some_and(|p| p.kind == PlaceKind::Settlement && p.population > 0)
                }) {
                    found.push(Found { start: s, end: e, key: Key::Known(id) });
                    return;
                }
            }
        }
        // A name ending in its unit's word: "Konakovo Raion", "Tulcea County".
        let last_lower = Lower::new(seg[n - 1].text);
        if n >= 2
            && REGION_AFTER.contains(&last_lower.as_str())
            && seg[..n - 1].iter().all(nameish)
            && first_name_at.is_none()
        {
            found.push(Found { start: s, end: e, key: Key::New(EntityKind::Place, clean_name(name)) });
            return;
        }
        // Place by context: "near Zvirove", "the village of X", "X Oblast", "the X oil depot".
        let region_after = next_w.as_deref().is_some_and(|w| REGION_AFTER.contains(&w)) && next_adjacent;
        let next2 = idx_after.and_then(|i| all.get(i + 1)).map(|t| Lower::new(t.text));
        let facility_after = next_adjacent
            && (next_w.as_deref().is_some_and(|w| FACILITY_AFTER.contains(&w))
                || next_w.as_deref().is_some_and(|w| FACILITY_KIND.contains(&w))
                    && next2.as_deref().is_some_and(|w| FACILITY_AFTER.contains(&w)));
        let place_before = prev_w.as_deref().is_some_and(|w| PLACE_BEFORE.contains(&w))
            || (prev_w.as_deref() == Some("of")
                && prev2.as_deref().is_some_and(|w| {
                    matches!(
                        w,
                        "village"
                            | "town"
                            | "city"
                            | "settlement"
                            | "outskirts"
                            | "areas"
                            | "area"
                            | "vicinity"
                            | "district"
                            | "neighbourhood"
                            | "neighborhood"
                            | "suburb"
                            | "suburbs"
                    )
                }))
            || (prev_w.as_deref() == Some("to") && prev2.as_deref().is_some_and(|w| matches!(w, "close" | "next")));
        // "in X", "at X", "from X": a place when the name is short, ends the phrase, and is
        // neither a given name nor an ordinary word ("fighting in Zvirove, officials said").
        let in_place = prev_w.as_deref().is_some_and(|w| matches!(w, "in" | "at" | "from" | "into"))
            && n <= 2
            && !says_after
            && next_w.as_deref().is_none_or(|w| !w.chars().next().is_some_and(char::is_uppercase))
            && body[e..].starts_with([',', '.', ';', ' ', ')'])
            && !body[e..].starts_with(" of ")
            // "from Ukrainians": a plural of an ordinary word is not a place, nor is an
            // acronym's plural ("at NPPs").
            && !seg.iter().any(|t| t.text.strip_suffix('s').is_some_and(|w| self.lex.is_common(w) || is_acronym(w)));
        if n <= 3
            && (place_before || region_after || in_place || facility_after)
            && first_name_at.is_none()
            && seg.iter().all(nameish)
            && !is_start(s)
        {
            let key_name = if region_after {
                // The text's own word: the gazetteer knows Ukraine's and Russia's regions, so
                // an unknown "X province" is more likely Guangdong's than an oblast.
                let suffix = match next_w.as_deref() {
                    Some("raion") => "Raion",
                    Some("krai") => "Krai",
                    Some("oblast" | "oblasts") => "Oblast",
                    Some("province") => "Province",
                    Some("district") => "District",
                    Some("county") => "County",
                    Some("governorate") => "Governorate",
                    _ => "Region",
                };
                format!("{} {}", clean_name(name), suffix)
            } else {
                clean_name(name)
            };
            found.push(Found { start: s, end: e, key: Key::New(EntityKind::Place, key_name) });
        }
    }

    fn link_surnames(
        &self,
        body: &str,
        sentences: &[Sentence],
        toks: &[Tok],
        out: &mut Vec<Found>,
        is_start: &dyn Fn(usize) -> bool,
    ) {
        // Surnames of people named in full in this article.
        // Surname -> the first person named in full with it (a map: a long page names the
        // same people thousands of times).
        let mut local: rustc_hash::FxHashMap<String, Key> = rustc_hash::FxHashMap::default();
        for f in out.iter() {
            let is_person = match &f.key {
                Key::Known(id) => self.gaz.known[*id as usize].kind == EntityKind::Person,
                Key::New(k, _) => *k == EntityKind::Person,
            };
            if is_person {
                let text = &body[f.start..f.end];
                if let Some(last) = text.split_whitespace().last()
                    && text.split_whitespace().count() > 1
                {
                    local.entry(last.to_string()).or_insert_with(|| f.key.clone());
                }
            }
        }
        let mut add = Vec::new();
        for s in sentences {
            for t in toks_within(toks, s.start, s.end) {
                let (start, end_full) = (t.start, t.end);
                let (word, poss) = strip_possessive(t.text);
                let end = if poss { end_full - (t.text.len() - word.len()) } else { end_full };
                if !word.chars().next().is_some_and(char::is_uppercase) || word.len() < 3 {
                    continue;
                }
                // `out` is sorted and free of overlaps: only the mention ending after `start`
                // can overlap.
                let k = out.partition_point(|f| f.end <= start);
                if out.get(k).is_some_and(|f| f.start < end) {
                    continue;
                }
                // The next token must not continue a capitalised name ("Lavrov" yes, "Trump Route" no).
                let rest = &body[end_full..];
                let next_cap = rest.starts_with(' ') && rest[1..].chars().next().is_some_and(char::is_uppercase);
                if next_cap {
                    continue;
                }
                if let Some(key) = local.get(word) {
                    add.push(Found { start, end, key: key.clone() });
                    continue;
                }
                if is_start(start) && self.lex.is_common(word) {
                    continue;
                }
                if let Some(ids) = self.gaz.surnames.get(Lower::new(word).as_str())
                    && !self.lex.is_common(word)
                {
                    add.push(Found { start, end, key: Key::Known(ids[0]) });
                }
            }
        }
        out.extend(add);
        out.sort_by_key(|f| f.start);
    }
}

/// Canonical form of a name found in text: single spaces, no quotes or nickname.
fn clean_name(s: &str) -> String {
    let mut words: Vec<&str> = Vec::new();
    for w in s.split_whitespace() {
        let quoted = w.starts_with(['“', '"', '‘']) && w.ends_with(['”', '"', '’']);
        if !quoted {
            words.push(w);
        }
    }
    words.join(" ")
}

fn prev_word(body: &str, pos: usize) -> Option<Lower> {
    let w = trailing_run(body[..pos].trim_end(), |c| c.is_alphanumeric() || c == '-');
    if w.is_empty() { None } else { Some(Lower::new(w)) }
}

fn next_word(body: &str, pos: usize) -> Option<Lower> {
    let after = body[pos..].trim_start_matches([' ', ',']);
    let w = leading_run(after, |c| c.is_alphanumeric() || c == '-');
    if w.is_empty() { None } else { Some(Lower::new(w)) }
}

/// The largest char boundary of `s` at or below `i`.
pub fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn prev_cap_word(body: &str, pos: usize) -> Option<String> {
    let before = body[..pos].strip_suffix(' ')?;
    let w = trailing_run(before, char::is_alphanumeric);
    w.chars().next().filter(|c| c.is_uppercase()).map(|_| w.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::text::sentences;

    #[test]
    fn parents_seen_holds_what_the_text_holds() {
        let text = "shelling of the nikopol district, dnipropetrovsk oblast; kyiv";
        let mut seen = ParentsSeen::new(text);
        for needle in ["nikopol", "dnipropetrovsk oblast", "kyiv", "ky", "district,", "t, d", "oblast; kyiv"] {
            assert!(seen.holds(needle), "{needle:?}");
        }
        for needle in ["kharkiv", "nikopoll", "kyivs", "zz", "oblast kyiv", "dnipro oblast"] {
            assert!(!seen.holds(needle), "{needle:?}");
        }
    }

    fn names(text: &str) -> Vec<(String, EntityKind)> {
        let gaz = crate::extract::gazetteer::get();
        let f = Finder { gaz, lex: crate::extract::lexicon::get() };
        let s = sentences(text);
        f.find(text, &s)
            .into_iter()
            .map(|m| {
                let k = m.kind(gaz);
                (text[m.start..m.end].to_string(), k)
            })
            .collect()
    }

    fn has(found: &[(String, EntityKind)], text: &str, kind: EntityKind) -> bool {
        found.iter().any(|(t, k)| t == text && *k == kind)
    }

    #[test]
    fn people_by_given_name_title_and_nickname() {
        let f = names("The broadcast featured state television host Dmitry Kiselyov on Sunday night.");
        assert!(has(&f, "Dmitry Kiselyov", EntityKind::Person), "{f:?}");
        let f = names("Drone expert Oleksandr “Magyar” Brovdi reported on Tuesday that the unit moved.");
        assert!(has(&f, "Oleksandr “Magyar” Brovdi", EntityKind::Person), "{f:?}");
        // The month after the name is not part of it.
        let f = names("The interview with journalist Olena Kovalenko on March 3 was widely shared.");
        assert!(has(&f, "Olena Kovalenko", EntityKind::Person), "{f:?}");
    }

    #[test]
    fn organisations_by_head_word() {
        let f = names("The Romanian Naval Forces Maritime Command said a drone fell near the coast.");
        assert!(has(&f, "Romanian Naval Forces Maritime Command", EntityKind::Org), "{f:?}");
        let f = names("Analysts at the Kestrel Center for Strategic Studies disagreed.");
        assert!(has(&f, "Kestrel Center for Strategic Studies", EntityKind::Org), "{f:?}");
        let f = names("Meetings in the Oval Office on Monday ran long.");
        assert!(!f.iter().any(|(_, k)| *k == EntityKind::Org), "{f:?}");
    }

    #[test]
    fn unknown_places_from_context() {
        let f = names("Fighting continued near Zvirivka and in Kozacha Lopan, officials said.");
        assert!(has(&f, "Zvirivka", EntityKind::Place) && has(&f, "Kozacha Lopan", EntityKind::Place), "{f:?}");
        let f = names("The pope spoke at his residence in Castel Gandolfo on Sunday.");
        assert!(has(&f, "Castel Gandolfo", EntityKind::Place), "{f:?}");
        let f = names("Help came from Ukrainians abroad and from Europeans.");
        assert!(!f.iter().any(|(_, k)| *k == EntityKind::Place), "{f:?}");
    }

    #[test]
    fn sentence_initial_words_are_not_names() {
        let f = names("However, several villages emptied. Heavy fighting continued. Meanwhile talks stalled.");
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn demonyms_before_airspace_name_countries() {
        let gaz = crate::extract::gazetteer::get();
        if gaz.lookup(EntityKind::Place, "Romania").is_none() {
            return; // a gazetteer without countries (unit fixtures)
        }
        let f = names("Objects crossed into Romanian and Moldovan airspace overnight.");
        assert!(has(&f, "Romanian", EntityKind::Place) && has(&f, "Moldovan", EntityKind::Place), "{f:?}");
    }
}

#[cfg(test)]
mod name_rules_tests {
    use super::*;
    use crate::extract::text::sentences;

    fn names(text: &str) -> Vec<(String, EntityKind)> {
        let gaz = crate::extract::gazetteer::get();
        let f = Finder { gaz, lex: crate::extract::lexicon::get() };
        f.find(text, &sentences(text)).into_iter().map(|m| (text[m.start..m.end].to_string(), m.kind(gaz))).collect()
    }

    fn has(found: &[(String, EntityKind)], text: &str, kind: EntityKind) -> bool {
        found.iter().any(|(t, k)| t == text && *k == kind)
    }

    #[test]
    fn places_listed_with_a_place_are_places() {
        let f = names("Troops attacked near Horlivka, Dubovyi Klyn, Ozarianivka and Kurdiumivka on Monday.");
        assert!(has(&f, "Dubovyi Klyn", EntityKind::Place) && has(&f, "Ozarianivka", EntityKind::Place), "{f:?}");
        // People listed together are not places, and two names need a place word before them.
        let f = names("Senators Mary Olsen and Peter Quill met in Kharkiv on Monday.");
        assert!(!has(&f, "Peter Quill", EntityKind::Place), "{f:?}");
    }

    #[test]
    fn people_in_lists_and_credit_lines() {
        let f = names("The report was written by Justin Young, Grace Hollins and Frederick W. Kagan last week.");
        for p in ["Justin Young", "Grace Hollins", "Frederick W. Kagan"] {
            assert!(has(&f, p, EntityKind::Person), "{p}: {f:?}");
        }
        let f = names("Reporting by Anna Volkova, Marwa Tillis and Dmitry Zhukov in London.");
        assert!(has(&f, "Marwa Tillis", EntityKind::Person), "{f:?}");
    }

    #[test]
    fn units_facilities_and_based() {
        let f = names("A fire broke out at a facility in Lisnoye Raion on Sunday, the governor said.");
        assert!(has(&f, "Lisnoye Raion", EntityKind::Place), "{f:?}");
        let f = names("Drones struck the Kirsanovo oil depot overnight, the ministry said.");
        assert!(has(&f, "Kirsanovo", EntityKind::Place), "{f:?}");
        let f = names("A deal with Texas-based Orion Capital Group is under discussion, bankers said.");
        assert!(has(&f, "Texas", EntityKind::Place) && has(&f, "Orion Capital Group", EntityKind::Org), "{f:?}");
    }

    #[test]
    fn names_by_apposition_speech_and_direction() {
        let f = names("The findings were backed by Halyna Tkachuk, an expert from the ministry.");
        assert!(has(&f, "Halyna Tkachuk", EntityKind::Person), "{f:?}");
        let f = names("\"We cannot accept this,\" said Oksana Melnyk, the agency's director.");
        assert!(has(&f, "Oksana Melnyk", EntityKind::Person), "{f:?}");
        let f = names("In the Kupiansky direction, the enemy attacked twice on Monday.");
        assert!(f.iter().any(|(t, k)| t == "Kupiansky" && *k == EntityKind::Place), "{f:?}");
        let f = names("Units fought near Dubovyi Klyn, Horlivka (Donetsk region), Ozarianivka and Smolyanka.");
        assert!(has(&f, "Smolyanka", EntityKind::Place) && has(&f, "Dubovyi Klyn", EntityKind::Place), "{f:?}");
        let f = names("Strikes hit brigades close to Smolyanka on Sunday, the ministry said.");
        assert!(has(&f, "Smolyanka", EntityKind::Place), "{f:?}");
    }

    #[test]
    fn cited_acronyms_and_demonyms() {
        let f = names("Prices rose sharply in March, according to ZWQB, the research group.");
        assert!(has(&f, "ZWQB", EntityKind::Org), "{f:?}");
        let f = names("Moldovan authorities closed the airspace over Chisinau on Sunday.");
        assert!(has(&f, "Moldovan", EntityKind::Place), "{f:?}");
    }
}
