//! The reference data: places (with their parent tree and coordinates), people,
//! organisations and weapons, loaded from the TSV files in `assets/gazetteer/`.
//!
//! The files are embedded in the binary and parsed once at start-up.

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

use super::types::EntityKind;

/// Kinds of place, from the `kind` column of `places.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PlaceKind {
    Continent,
    Country,
    Region,
    District,
    Settlement,
    Water,
    Facility,
    Area,
}

impl PlaceKind {
    fn parse(s: &str) -> Option<PlaceKind> {
        Some(match s {
            "continent" => PlaceKind::Continent,
            "country" => PlaceKind::Country,
            "region" => PlaceKind::Region,
            "district" => PlaceKind::District,
            "settlement" => PlaceKind::Settlement,
            "water" => PlaceKind::Water,
            "facility" => PlaceKind::Facility,
            "area" => PlaceKind::Area,
            _ => return None,
        })
    }

    /// The word for it in output: `settlement`, `district` (a raion), `region` (an oblast) ...
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceKind::Continent => "continent",
            PlaceKind::Country => "country",
            PlaceKind::Region => "region",
            PlaceKind::District => "district",
            PlaceKind::Settlement => "settlement",
            PlaceKind::Water => "water",
            PlaceKind::Facility => "facility",
            PlaceKind::Area => "area",
        }
    }

    /// A point on a map (a settlement, a facility), not an area drawn at its centre.
    pub fn is_point(self) -> bool {
        matches!(self, PlaceKind::Settlement | PlaceKind::Facility)
    }

    /// The kind of the gazetteer's place of this name (a place entity's name), if it has one.
    pub fn of_place(name: &str) -> Option<PlaceKind> {
        let gaz = get();
        gaz.lookup(crate::extract::EntityKind::Place, name).and_then(|k| gaz.place(k)).map(|p| p.kind)
    }

    /// How specific a place of this kind is: higher is more specific.
    pub fn specificity(self) -> u8 {
        match self {
            PlaceKind::Continent => 0,
            PlaceKind::Area => 1,
            PlaceKind::Country => 2,
            PlaceKind::Region => 3,
            PlaceKind::Water => 3,
            PlaceKind::District => 4,
            PlaceKind::Settlement => 5,
            PlaceKind::Facility => 6,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Place {
    pub name: String,
    /// `name` ASCII-lowercased, for matching against a lowercased text.
    pub lower: String,
    /// `lower` without " oblast" / " raion": how the text may name it ("Dnipropetrovsk region").
    pub stem: String,
    pub kind: PlaceKind,
    pub parent: Option<u32>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub population: u64,
    pub aliases: Vec<String>,
}

/// A known entity of any kind: the canonical name and, for places, the place row.
#[derive(Debug, Clone)]
pub struct Known {
    pub name: String,
    pub kind: EntityKind,
    pub place: Option<u32>,
    /// People: role; orgs: kind of organisation; weapons: category.
    pub role: Option<String>,
    pub aliases: Vec<String>,
}

pub type KnownId = u32;

/// The loaded gazetteer with its matcher.
pub struct Gazetteer {
    pub places: Vec<Place>,
    pub known: Vec<Known>,
    /// One entry per surface form (lowercased): the known ids it may refer to, best reading first.
    pub forms: Vec<(String, Vec<KnownId>)>,
    /// Surface forms that are also ordinary words: matched only when context confirms.
    pub ambiguous: rustc_hash::FxHashSet<String>,
    /// By hash of a lowercased text that ends at a word end: the form it is ([`NO_FORM`] if
    /// none), with [`GOES_ON`] set when it is also a proper prefix of a longer form ("new"
    /// of "new york"). One probe per word end tells both.
    word_ends: HashMap<u64, u32>,
    /// Lowercased surname of a known person -> the people with that surname.
    pub surnames: HashMap<String, Vec<KnownId>>,
    by_name: HashMap<(EntityKind, String), KnownId>,
    form_index: HashMap<String, u32>,
    /// Per form: some entry writes it as an acronym ("US", "EU"), so it is matched only in
    /// capitals.
    pub acronym_forms: Vec<bool>,
    /// Demonyms (lowercase, from the `demonyms` column of places.tsv) -> their country:
    /// "polish" -> Poland.
    demonyms: HashMap<String, KnownId>,
    /// One-word weapon names and aliases (lowercase) -> their category ("shahed" -> drone).
    weapon_words: HashMap<String, KnownId>,
}

/// The longest place path kept: a place and twelve parents (a parent loop is cut too).
pub const PATH_MAX: usize = 13;

/// A place and its parents, innermost first ([`Gazetteer::place_path`]); a slice.
#[derive(Debug, Clone, Copy)]
pub struct PlacePath {
    ids: [u32; PATH_MAX],
    len: usize,
}

impl std::ops::Deref for PlacePath {
    type Target = [u32];
    fn deref(&self) -> &[u32] {
        &self.ids[..self.len]
    }
}

/// A gazetteer match in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GazMatch {
    pub start: usize,
    pub end: usize,
    pub form: u32,
}

const PLACES: &str = include_str!("../../assets/gazetteer/places.tsv");
const PEOPLE: &str = include_str!("../../assets/gazetteer/people.tsv");
const ORGS: &str = include_str!("../../assets/gazetteer/orgs.tsv");
const WEAPONS: &str = include_str!("../../assets/gazetteer/weapons.tsv");
const STOP_PLACES: &str = include_str!("../../assets/gazetteer/stop_places.txt");

static GAZETTEER: LazyLock<Gazetteer> =
    LazyLock::new(|| Gazetteer::from_sources(PLACES, PEOPLE, ORGS, WEAPONS, STOP_PLACES));

/// The embedded gazetteer, parsed on first use.
pub fn get() -> &'static Gazetteer {
    &GAZETTEER
}

fn rows(src: &str) -> impl Iterator<Item = Vec<&str>> {
    src.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

fn list(cell: Option<&&str>) -> Vec<String> {
    cell.map(|c| c.split('|').map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect()).unwrap_or_default()
}

fn nonempty(cell: Option<&&str>) -> Option<String> {
    cell.map(|s| s.trim()).filter(|s| !s.is_empty()).map(String::from)
}

impl Gazetteer {
    /// Parse the gazetteer from TSV text. Malformed rows are skipped (the data files are
    /// checked by `scripts/gazetteer/check.py` and by the test suite).
    pub fn from_sources(places: &str, people: &str, orgs: &str, weapons: &str, stop: &str) -> Gazetteer {
        let mut place_rows: Vec<(String, Place, Option<String>)> = Vec::new();
        let mut demonyms = HashMap::default();
        for r in rows(places) {
            if r.len() < 3 {
                continue;
            }
            let Some(kind) = PlaceKind::parse(r[2]) else {
                continue;
            };
            let place = Place {
                name: r[1].to_string(),
                lower: r[1].to_ascii_lowercase(),
                stem: r[1].to_ascii_lowercase().trim_end_matches(" oblast").trim_end_matches(" raion").to_string(),
                kind,
                parent: None,
                lat: r.get(4).and_then(|s| s.parse().ok()),
                lon: r.get(5).and_then(|s| s.parse().ok()),
                population: r.get(6).and_then(|s| s.parse().ok()).unwrap_or(0),
                aliases: list(r.get(7)),
            };
            for d in list(r.get(8)) {
                // Kept without a final full stop: "U.S." is tokenized "U.S".
                demonyms
                    .entry(d.to_lowercase().trim_end_matches('.').to_string())
                    .or_insert(place_rows.len() as KnownId);
            }
            place_rows.push((r[0].to_string(), place, nonempty(r.get(3))));
        }
        let index: HashMap<String, u32> =
            place_rows.iter().enumerate().map(|(i, (id, _, _))| (id.clone(), i as u32)).collect();
        let mut places = Vec::with_capacity(place_rows.len());
        for (_, mut p, parent) in place_rows {
            p.parent = parent.and_then(|id| index.get(&id).copied());
            places.push(p);
        }

        let mut known: Vec<Known> = Vec::new();
        for (i, p) in places.iter().enumerate() {
            known.push(Known {
                name: p.name.clone(),
                kind: EntityKind::Place,
                place: Some(i as u32),
                role: None,
                aliases: p.aliases.clone(),
            });
        }
        for r in rows(people) {
            if r.is_empty() || r[0].is_empty() {
                continue;
            }
            known.push(Known {
                name: r[0].to_string(),
                kind: EntityKind::Person,
                place: None,
                role: nonempty(r.get(1)),
                aliases: list(r.get(3)),
            });
        }
        for (src, kind) in [(orgs, EntityKind::Org), (weapons, EntityKind::Weapon)] {
            for r in rows(src) {
                if r.is_empty() || r[0].is_empty() {
                    continue;
                }
                known.push(Known {
                    name: r[0].to_string(),
                    kind,
                    place: None,
                    role: nonempty(r.get(1)),
                    aliases: list(r.get(2)),
                });
            }
        }

        let mut form_index: HashMap<String, usize> = HashMap::default();
        let mut forms: Vec<(String, Vec<KnownId>)> = Vec::new();
        let mut surnames: HashMap<String, Vec<KnownId>> = HashMap::default();
        let mut by_name = HashMap::default();
        for (id, k) in known.iter().enumerate() {
            let id = id as KnownId;
            by_name.entry((k.kind, k.name.to_lowercase())).or_insert(id);
            for form in std::iter::once(&k.name).chain(k.aliases.iter()) {
                for key in surface_keys(form) {
                    if key.chars().count() < 2 {
                        continue;
                    }
                    let slot = *form_index.entry(key.clone()).or_insert_with(|| {
                        forms.push((key, Vec::new()));
                        forms.len() - 1
                    });
                    if !forms[slot].1.contains(&id) {
                        forms[slot].1.push(id);
                    }
                }
            }
            if k.kind == EntityKind::Person {
                for form in std::iter::once(&k.name).chain(k.aliases.iter()) {
                    if let Some(last) = form.split_whitespace().last()
                        && form.split_whitespace().count() > 1
                        && last.chars().next().is_some_and(char::is_uppercase)
                    {
                        let e = surnames.entry(last.to_lowercase()).or_default();
                        if !e.contains(&id) {
                            e.push(id);
                        }
                    }
                }
            }
        }
        let mut weapon_words: HashMap<String, KnownId> = HashMap::default();
        for (id, k) in known.iter().enumerate().filter(|(_, k)| k.kind == EntityKind::Weapon) {
            for form in std::iter::once(&k.name).chain(k.aliases.iter()) {
                if !form.contains(' ') {
                    weapon_words.entry(form.to_lowercase()).or_insert(id as KnownId);
                }
            }
        }
        let ambiguous = stop
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| l.to_ascii_lowercase())
            .collect();
        // Every proper prefix of a form that ends before a non-word character ("new" of "new
        // york", "st." of "st. petersburg"), by hash: a look-up at a word start goes on past
        // a word end only while the text so far may still grow into a form.
        let mut word_ends: HashMap<u64, u32> = HashMap::default();
        for (f, _) in &forms {
            for (i, c) in f.char_indices().skip(1) {
                if !(c.is_alphanumeric() || c == '_') {
                    *word_ends.entry(hash_str(&f[..i])).or_insert(NO_FORM) |= GOES_ON;
                }
            }
        }
        for (i, (f, _)) in forms.iter().enumerate() {
            let v = word_ends.entry(hash_str(f)).or_insert(NO_FORM);
            // Two forms with one hash: the look-up falls back to `form_index` (never seen).
            *v = if *v & !GOES_ON == NO_FORM { *v & GOES_ON | i as u32 } else { *v | COLLISION };
        }
        let form_index = forms.iter().enumerate().map(|(i, (f, _))| (f.clone(), i as u32)).collect();
        let acronym_forms = forms
            .iter()
            .map(|(f, ids)| {
                ids.iter().any(|&id| {
                    let k = &known[id as usize];
                    std::iter::once(&k.name)
                        .chain(k.aliases.iter())
                        .any(|n| n.eq_ignore_ascii_case(f) && super::entities::is_acronym(n))
                })
            })
            .collect();
        Gazetteer {
            places,
            known,
            forms,
            ambiguous,
            word_ends,
            surnames,
            by_name,
            form_index,
            acronym_forms,
            demonyms,
            weapon_words,
        }
    }

    /// The category of the weapon a single word names ("Shahed" -> "drone"), if any;
    /// `word` lowercase.
    pub fn weapon_category(&self, word: &str) -> Option<&str> {
        let id = *self.weapon_words.get(word)?;
        self.known[id as usize].role.as_deref()
    }

    /// The country a demonym stands for ("Polish" -> Poland), ignoring case; a trailing
    /// period is ignored ("U.S." is tokenized "U.S").
    pub fn demonym(&self, word: &str) -> Option<KnownId> {
        let w = super::text::Lower::new(word);
        self.demonyms.get(w.as_str().trim_end_matches('.')).copied()
    }

    /// All matches of known surface forms in `lowered` (an ASCII-lowercased copy of the text,
    /// so byte offsets are the same as in the original), on word boundaries.
    pub fn find(&self, lowered: &str) -> Vec<GazMatch> {
        let mut out = Vec::new();
        self.find_accepting(lowered, |m| {
            out.push(m);
            true
        });
        out
    }

    /// Matches on word boundaries, leftmost-longest, each offered to `accept`. When a
    /// match is refused ("port of Izmail" in lower case), the search goes on at the next
    /// word start, so a shorter name inside it ("Izmail") is still found.
    pub fn find_accepting(&self, lowered: &str, accept: impl FnMut(GazMatch) -> bool) {
        let starts = lowered.char_indices().map(|(i, _)| i).filter(|&i| i == 0 || !is_word_byte_before(lowered, i));
        self.find_accepting_at(lowered, starts, accept);
    }

    /// As `find_accepting`, but a match may only start at one of `starts` (ascending byte
    /// offsets). Names are capitalised, so the name finder offers only capitalised word
    /// starts and most words of a text cost nothing. At a start, the longest form that ends
    /// at a word end is taken: one hash look-up per word end within the longest form's
    /// length. (This replaced an Aho-Corasick automaton over the 30,000 forms, whose
    /// construction cost ~45 ms at every start-up; the look-ups are as fast.)
    pub fn find_accepting_at(
        &self,
        lowered: &str,
        starts: impl IntoIterator<Item = usize>,
        mut accept: impl FnMut(GazMatch) -> bool,
    ) {
        let len = lowered.len();
        let mut floor = 0;
        for s in starts {
            if s < floor || s >= len || s > 0 && is_word_byte_before(lowered, s) {
                continue;
            }
            let mut best: Option<(usize, u32)> = None;
            // Candidate ends: where a non-word character follows ("Kyiv", "U.S." before a
            // space), or the end of the text. Stop once the text so far is no form's prefix.
            for (off, c) in lowered[s..].char_indices().skip(1).chain(std::iter::once((len - s, ' '))) {
                if c.is_alphanumeric() || c == '_' {
                    continue;
                }
                let so_far = &lowered[s..s + off];
                let Some(&v) = self.word_ends.get(&hash_str(so_far)) else { break };
                let f = v & !(GOES_ON | COLLISION);
                if f != NO_FORM && self.forms[f as usize].0 == so_far {
                    best = Some((s + off, f));
                } else if v & COLLISION != 0
                    && let Some(&f) = self.form_index.get(so_far)
                {
                    best = Some((s + off, f));
                }
                if v & GOES_ON == 0 {
                    break;
                }
            }
            let Some((e, form)) = best else { continue };
            if accept(GazMatch { start: s, end: e, form }) {
                floor = e;
            }
        }
    }

    pub fn place(&self, known: KnownId) -> Option<&Place> {
        self.known.get(known as usize).and_then(|k| k.place).and_then(|p| self.places.get(p as usize))
    }

    /// The place row behind a mention key, if it is a known place.
    pub fn place_of_key(&self, key: &super::entities::Key) -> Option<&Place> {
        match key {
            super::entities::Key::Known(id) => self.place(*id),
            _ => None,
        }
    }

    /// The place and its parents, innermost first (at most [`PATH_MAX`], on the stack: the
    /// name finder and the event extractor ask for paths at every place name).
    pub fn place_path(&self, place: u32) -> PlacePath {
        let mut out = PlacePath { ids: [0; PATH_MAX], len: 1 };
        out.ids[0] = place;
        let mut cur = place;
        while let Some(p) = self.places.get(cur as usize).and_then(|p| p.parent) {
            if out.contains(&p) || out.len == PATH_MAX {
                break;
            }
            out.ids[out.len] = p;
            out.len += 1;
            cur = p;
        }
        out
    }

    /// Is `ancestor` the place itself or one of its parents?
    pub fn is_within(&self, place: u32, ancestor: u32) -> bool {
        self.place_path(place).contains(&ancestor)
    }

    /// The known id for a place row.
    pub fn known_of_place(&self, place: u32) -> KnownId {
        place
    }

    /// The entries a surface form may mean (the form in any case).
    pub fn form(&self, form: &str) -> &[KnownId] {
        self.form_index.get(&form.to_ascii_lowercase()).map(|&i| self.forms[i as usize].1.as_slice()).unwrap_or(&[])
    }

    pub fn lookup(&self, kind: EntityKind, name: &str) -> Option<KnownId> {
        self.by_name.get(&(kind, name.to_lowercase())).copied()
    }
}

/// The lowercased keys a name is matched by: without a leading article ("the White House"
/// is found as "White House", so the capital check sees "White"), and with typographic
/// apostrophes as well as straight ones ("Ukraine’s General Staff").
fn surface_keys(form: &str) -> Vec<String> {
    let mut key = form.trim().to_ascii_lowercase();
    for art in ["the ", "a "] {
        if let Some(rest) = key.strip_prefix(art)
            && !rest.is_empty()
        {
            key = rest.to_string();
        }
    }
    let mut out = vec![key.clone()];
    if key.contains('\'') {
        out.push(key.replace('\'', "’"));
    }
    out
}

/// In [`Gazetteer::word_ends`]: no form is this text (only longer ones start with it).
const NO_FORM: u32 = (1 << 30) - 1;
/// In [`Gazetteer::word_ends`]: a longer form starts with this text.
const GOES_ON: u32 = 1 << 31;
/// In [`Gazetteer::word_ends`]: two forms share this hash; ask `form_index`.
const COLLISION: u32 = 1 << 30;

fn hash_str(s: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(s)
}

fn is_word_byte_before(s: &str, i: usize) -> bool {
    s[..i].chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    const P: &str = "id\tname\tkind\tparent\tlat\tlon\tpopulation\taliases\n\
ua\tUkraine\tcountry\t\t49\t32\t0\t\n\
don\tDonetsk Oblast\tregion\tua\t48\t37.8\t0\tDonetsk region|Donetsk Region\n\
kr\tKramatorsk Raion\tdistrict\tdon\t48.7\t37.5\t0\t\n\
dr\tDruzhkivka\tsettlement\tkr\t48.62\t37.52\t55000\tDruzhkovka\n\
dc\tDonetsk\tsettlement\tdon\t48\t37.8\t900000\t\n";

    fn gaz() -> Gazetteer {
        Gazetteer::from_sources(
            P,
            "name\trole\tcountry\taliases\nSergei Lavrov\tForeign Minister\tRussia\tSergey Lavrov\n",
            "name\tkind\taliases\n",
            "name\tcategory\taliases\n",
            "",
        )
    }

    #[test]
    fn parents_form_a_chain() {
        let g = gaz();
        let dr = g.lookup(EntityKind::Place, "Druzhkivka").unwrap();
        let path: Vec<&str> = g.place_path(dr).iter().map(|&p| g.places[p as usize].name.as_str()).collect();
        assert_eq!(path, ["Druzhkivka", "Kramatorsk Raion", "Donetsk Oblast", "Ukraine"]);
    }

    #[test]
    fn matches_on_word_boundaries_only() {
        let g = gaz();
        let text = "Shelling hit Druzhkivka and the Donetsk region; not xDonetsk or Donetskiy.";
        let m = g.find(&text.to_ascii_lowercase());
        let found: Vec<&str> = m.iter().map(|m| &text[m.start..m.end]).collect();
        assert_eq!(found, ["Druzhkivka", "Donetsk region"]);
    }

    #[test]
    fn longest_form_that_ends_at_a_word_end() {
        let g = Gazetteer::from_sources(
            P,
            "name\trole\tcountry\taliases\n",
            "name\tkind\taliases\n",
            "name\tcategory\taliases\nKinzhal\tmissile\tKinzhal missile\nU.S. Navy\tnavy\tU.S.\n",
            "",
        );
        // "Kinzhal missiles": the longer form "kinzhal missile" runs into a word, the
        // shorter one does not. A form may end in punctuation ("U.S.").
        let text = "Two Kinzhal missiles and a Kinzhal missile hit; U.S. ships and Donetsk Oblasts.";
        let m = g.find(&text.to_ascii_lowercase());
        let found: Vec<&str> = m.iter().map(|m| &text[m.start..m.end]).collect();
        assert_eq!(found, ["Kinzhal", "Kinzhal missile", "U.S.", "Donetsk"]);
    }

    #[test]
    fn surnames_index_people() {
        let g = gaz();
        assert_eq!(g.surnames.get("lavrov").map(|v| v.len()), Some(1));
    }
}
