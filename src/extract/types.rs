use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::rules::RuleId;
use crate::corpus::{Article, Span, Span32};

/// How exactly the text pins a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    Day,
    Range,
    Week,
    Month,
    Year,
    #[default]
    Unknown,
}

impl Precision {
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Range => "range",
            Precision::Week => "week",
            Precision::Month => "month",
            Precision::Year => "year",
            Precision::Unknown => "unknown",
        }
    }
}

/// How a date was resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Resolution {
    /// The text states the full date, year included.
    Explicit,
    /// Day and month stated; the year was inferred from the anchor date.
    InferredYear,
    /// Relative to the anchor: a weekday, "yesterday", "overnight", "last week".
    Relative,
    /// Taken from the article's publication date.
    Publication,
    /// Not stated in the event's own sentence: taken from an earlier sentence of the same
    /// paragraph, or from the date the article's lead paragraph gives.
    Context,
    /// Nothing pins it.
    #[default]
    None,
}

impl Resolution {
    pub fn as_str(self) -> &'static str {
        match self {
            Resolution::Explicit => "explicit",
            Resolution::InferredYear => "inferred_year",
            Resolution::Relative => "relative",
            Resolution::Publication => "publication",
            Resolution::Context => "context",
            Resolution::None => "none",
        }
    }
}

/// A resolved date or date range with its precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub struct DateValue {
    #[serde(with = "crate::days::opt")]
    pub start: Option<NaiveDate>,
    #[serde(with = "crate::days::opt")]
    pub end: Option<NaiveDate>,
    pub precision: Precision,
    pub how: Resolution,
}

impl DateValue {
    pub fn unknown() -> Self {
        DateValue::default()
    }
    pub fn day(d: NaiveDate, how: Resolution) -> Self {
        DateValue { start: Some(d), end: Some(d), precision: Precision::Day, how }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Place,
    Person,
    Org,
    Weapon,
    Other,
}

impl EntityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Place => "place",
            EntityKind::Person => "person",
            EntityKind::Org => "org",
            EntityKind::Weapon => "weapon",
            EntityKind::Other => "other",
        }
    }
}

/// One occurrence of an entity in an article: 16 bytes. Its byte span in the original file
/// is not stored: [`Mention::file_span`] maps the body span back through the article's
/// pieces, as extraction always did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// Index into the article list the extraction ran on.
    pub article: u32,
    body: Span32,
    /// `NO_CAPTION`, or an index into `Article::captions`.
    caption: u32,
}

const NO_CAPTION: u32 = u32::MAX;

impl Mention {
    /// A mention at `body` in article `article`'s body, or in its caption `caption`.
    pub fn new(article: u32, body: Span, caption: Option<u32>) -> Mention {
        debug_assert!(caption != Some(NO_CAPTION));
        Mention { article, body: Span32::new(body), caption: caption.unwrap_or(NO_CAPTION) }
    }
    /// Byte span in `Article::body`, or in the caption's text when [`Mention::caption`] is set.
    pub fn body(&self) -> Span {
        self.body.get()
    }
    /// Set when the mention is in a photo caption (index into `Article::captions`); `body`
    /// is then a span of that caption's text. Captions name entities but never events.
    pub fn caption(&self) -> Option<u32> {
        (self.caption != NO_CAPTION).then_some(self.caption)
    }
    /// Byte span in the original file, `article` being the mention's article: the body span
    /// mapped with [`Article::file_span`]; in a caption copied verbatim from its line, that
    /// line's offset plus the span, else the caption's whole line.
    pub fn file_span(&self, article: &Article) -> Span {
        let b = self.body();
        match self.caption() {
            None => article.file_span(b.start, b.end),
            Some(ci) => match article.captions.get(ci as usize) {
                Some(c) if c.span.len() == c.text.len() => Span::new(c.span.start + b.start, c.span.start + b.end),
                Some(c) => c.span,
                None => Span::default(),
            },
        }
    }
}

pub type EntityId = u32;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub id: EntityId,
    pub name: String,
    pub kind: EntityKind,
    pub aliases: Vec<String>,
    /// Places: the chain of parents, outermost last (e.g. Druzhkivka, Kramatorsk Raion,
    /// Donetsk Oblast, Ukraine); coordinates where known.
    pub place_path: Vec<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// People: role; orgs: kind of organisation; weapons: category.
    pub role: Option<String>,
    pub mentions: Vec<Mention>,
}

/// What an event is. Everything else known about a kind (its name, badge, glyph, query
/// aliases) is its row of the table `KINDS` below ([`EventKind::info`]): adding a kind is a
/// variant here and a row there (and its colour in the theme files).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum EventKind {
    Strike,
    GroundClash,
    TerritorialClaim,
    Diplomacy,
    Aid,
    Incursion,
    Statement,
    /// Stays the last variant (the table's checks rely on it).
    #[default]
    Other,
}

/// The facts about one event kind.
#[derive(Debug)]
pub struct KindInfo {
    pub kind: EventKind,
    /// The name in output, queries and theme files: `ground_clash`.
    pub name: &'static str,
    /// Four cells wide, for the event list: `CLSH`.
    pub badge: &'static str,
    /// The short name in the timeline's legend: `clash`.
    pub short: &'static str,
    /// The cell that draws the kind in the timeline's bars when there are no colours.
    pub glyph: &'static str,
    /// More words `kind:` takes for it (besides its name and an unambiguous prefix of it).
    pub aliases: &'static [&'static str],
}

/// One row per kind, in declaration order (checked when compiling).
#[rustfmt::skip]
const KINDS: &[KindInfo] = &[
    //  kind                         name                 badge   short        glyph aliases
    row(EventKind::Strike,           "strike",            "STRK", "strike",    "█",  &[]),
    row(EventKind::GroundClash,      "ground_clash",      "CLSH", "clash",     "▓",  &["clash", "ground", "fighting"]),
    row(EventKind::TerritorialClaim, "territorial_claim", "TERR", "claim",     "▒",  &["claim", "territory"]),
    row(EventKind::Diplomacy,        "diplomacy",         "DIPL", "diplomacy", "░",  &["diplo", "talks"]),
    row(EventKind::Aid,              "aid",               "AID ", "aid",       "#",  &[]),
    row(EventKind::Incursion,        "incursion",         "INCR", "incursion", "%",  &["incur"]),
    row(EventKind::Statement,        "statement",         "STMT", "statement", ":",  &[]),
    row(EventKind::Other,            "other",             "OTHR", "other",     ".",  &[]),
];

const fn row(
    kind: EventKind,
    name: &'static str,
    badge: &'static str,
    short: &'static str,
    glyph: &'static str,
    aliases: &'static [&'static str],
) -> KindInfo {
    KindInfo { kind, name, badge, short, glyph, aliases }
}

// Row i describes the kind whose discriminant is i, so `index` is a cast, and the last row is
// the last variant, so no kind is without a row.
const _: () = {
    let mut i = 0;
    while i < KINDS.len() {
        assert!(KINDS[i].kind as usize == i, "KINDS rows must follow EventKind's declaration order");
        i += 1;
    }
    assert!(EventKind::Other as usize == KINDS.len() - 1, "every kind needs a row in KINDS");
};

impl EventKind {
    /// How many kinds there are: the length of every per-kind array.
    pub const COUNT: usize = KINDS.len();

    /// Every kind, in declaration order (the order of per-kind arrays).
    pub const ALL: [EventKind; EventKind::COUNT] = {
        let mut all = [EventKind::Other; EventKind::COUNT];
        let mut i = 0;
        while i < EventKind::COUNT {
            all[i] = KINDS[i].kind;
            i += 1;
        }
        all
    };

    /// The kind's row of the table.
    pub fn info(self) -> &'static KindInfo {
        &KINDS[self.index()]
    }

    /// The kind's position in [`EventKind::ALL`] and in per-kind arrays.
    pub(crate) fn index(self) -> usize {
        self as usize
    }

    pub fn as_str(self) -> &'static str {
        self.info().name
    }

    /// A kind by its name, in any case, `-` for `_`.
    pub fn parse(s: &str) -> Option<EventKind> {
        let s = s.to_ascii_lowercase().replace('-', "_");
        KINDS.iter().find(|k| k.name == s).map(|k| k.kind)
    }
}

impl Serialize for EventKind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// An event kind as its index, where many are kept (a snapshot's events), not its name.
mod kind_index {
    use super::EventKind;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(k: &EventKind, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(k.index() as u8)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<EventKind, D::Error> {
        let i = u8::deserialize(d)?;
        EventKind::ALL
            .get(i as usize)
            .copied()
            .ok_or_else(|| serde::de::Error::custom(format!("unknown event kind {i}")))
    }
}

impl<'de> Deserialize<'de> for EventKind {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = <&str>::deserialize(d)?;
        EventKind::parse(name).ok_or_else(|| serde::de::Error::custom(format!("unknown event kind {name:?}")))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// A party to the conflict or an official says so.
    Claimed,
    /// Reported by a news outlet or observer.
    #[default]
    Reported,
    /// The text says it could not be confirmed, or it was denied.
    Disputed,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Claimed => "claimed",
            Status::Reported => "reported",
            Status::Disputed => "disputed",
        }
    }
}

pub type EventId = u32;

/// Why an event was extracted, beyond the rule that typed it ([`Event::rule`]): the words
/// that gave its place, date, counts and claimant, as byte spans of the article body.
/// `None` where nothing in the text gave it (a date from the publication, no claimant).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Why {
    /// The place and the word that makes it the scene ("near Pokrovsk").
    pub place: Option<Span>,
    /// The date expression; in an earlier sentence or the lead when the event's own gives none.
    pub date: Option<Span>,
    /// Where killed, injured, drones and missiles were read.
    pub counts: [Option<Span>; 4],
    pub claimant: Option<Span>,
}

/// An index into [`Extraction`]'s table of names (actors, weapons, claimants).
pub type NameId = u32;

const NO_NAME: NameId = NameId::MAX;

/// One event: 84 bytes, no strings of its own. Its sentence is a span of the article body
/// ([`Event::text`]), its file span is mapped from that ([`Event::file_span`]), its place
/// name, place path and coordinates are its place entity's, and its actors, weapons,
/// claimant and entities are kept by the [`Extraction`] that holds it
/// ([`Extraction::actors`] and the like). Events are made with [`Extraction::push_event`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: EventId,
    /// Index into the article list.
    pub article: u32,
    #[serde(with = "kind_index")]
    pub kind: EventKind,
    /// The rule that typed it (`Extraction::rule_name`).
    pub rule: RuleId,
    pub status: Status,
    pub date: DateValue,
    /// The place entity, when one was found.
    pub place: Option<EntityId>,
    /// Where the article names the place (body span; empty when the place was not named
    /// in the event's sentences).
    place_at: Span32,
    pub killed: Option<u32>,
    pub injured: Option<u32>,
    pub drones: Option<u32>,
    pub missiles: Option<u32>,
    /// `NO_NAME`, or who makes the claim.
    claimed_by: NameId,
    /// Byte span of the sentence (or sentences) the event came from, in `Article::body`.
    body: Span32,
    /// Where the event's actors, then weapons, then entities start in `Extraction::lists`.
    lists: u32,
    n_actors: u16,
    n_weapons: u16,
    n_entities: u16,
}

impl Event {
    /// Byte span of the event's sentence(s) in `Article::body`.
    pub fn body(&self) -> Span {
        self.body.get()
    }
    /// The sentence (or sentences) the event came from, `article` being the event's article.
    pub fn text<'a>(&self, article: &'a Article) -> &'a str {
        let b = self.body();
        article.body.get(b.start..b.end).unwrap_or("")
    }
    /// Byte span of the event's text in the original file, `article` being the event's article.
    pub fn file_span(&self, article: &Article) -> Span {
        let b = self.body();
        article.file_span(b.start, b.end)
    }
}

/// What [`Extraction::push_event`] takes: the event's facts, with names as text.
#[derive(Debug, Clone, Default)]
pub struct NewEvent<'a> {
    pub article: u32,
    pub kind: EventKind,
    pub rule: RuleId,
    pub status: Status,
    pub date: DateValue,
    pub place: Option<EntityId>,
    /// Where the article names the place (body span), if it does.
    pub place_at: Option<Span>,
    pub killed: Option<u32>,
    pub injured: Option<u32>,
    pub drones: Option<u32>,
    pub missiles: Option<u32>,
    pub actors: Vec<&'a str>,
    pub weapons: Vec<&'a str>,
    pub claimed_by: Option<&'a str>,
    /// Byte span of the event's text in `Article::body`.
    pub body: Span,
    /// Every entity mentioned in the event's sentences.
    pub entities: Vec<EntityId>,
    /// Kept only by an extraction that explains ([`Extraction::why`]).
    pub why: Why,
}

/// Strings many events share, each kept once.
/// Encoded as the list alone: the index is built again when it is read back.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(from = "Vec<Box<str>>", into = "Vec<Box<str>>")]
struct Names {
    list: Vec<Box<str>>,
    index: HashMap<Box<str>, NameId>,
}

impl From<Vec<Box<str>>> for Names {
    fn from(list: Vec<Box<str>>) -> Names {
        let index = list.iter().enumerate().map(|(i, s)| (s.clone(), i as NameId)).collect();
        Names { list, index }
    }
}

impl From<Names> for Vec<Box<str>> {
    fn from(n: Names) -> Vec<Box<str>> {
        n.list
    }
}

impl Names {
    fn intern(&mut self, s: &str) -> NameId {
        if let Some(&id) = self.index.get(s) {
            return id;
        }
        let id = NameId::try_from(self.list.len()).ok().filter(|&id| id != NO_NAME).expect("fewer than 2^32 - 1 names");
        self.list.push(s.into());
        self.index.insert(s.into(), id);
        id
    }
    fn get(&self, id: NameId) -> &str {
        self.list.get(id as usize).map_or("", |s| s)
    }
}

/// Entities and events. An entity's id is its position in `entities`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Extraction {
    pub entities: Vec<Entity>,
    /// Made with [`Extraction::push_event`]; an event's id is its position.
    pub events: Vec<Event>,
    names: Names,
    /// The events' actors, weapons (as names) and entities, one event after another.
    lists: Vec<u32>,
    /// Per event, the words behind its facts; empty unless the extraction was asked to
    /// explain (`extract::run_explained`), to keep memory for the events themselves.
    pub why: Vec<Why>,
    explain: bool,
}

impl Extraction {
    /// An extraction with these entities and no events yet.
    pub fn new(entities: Vec<Entity>) -> Extraction {
        Extraction { entities, ..Extraction::default() }
    }

    /// An empty extraction that keeps each event's [`Why`].
    pub fn explaining() -> Extraction {
        Extraction { explain: true, ..Extraction::default() }
    }

    /// Room for `events` more events holding `list_items` actors, weapons and entities.
    pub fn reserve(&mut self, events: usize, list_items: usize) {
        self.events.reserve_exact(events);
        self.lists.reserve_exact(list_items);
    }

    /// Give back spare room in the event and list vectors.
    pub fn shrink_to_fit(&mut self) {
        self.events.shrink_to_fit();
        self.lists.shrink_to_fit();
    }

    /// Add an event; its id is its position.
    pub fn push_event(&mut self, e: NewEvent<'_>) -> EventId {
        let id = self.events.len() as EventId;
        let len = |n: usize| u16::try_from(n).expect("fewer than 65,536 actors, weapons or entities per event");
        let lists = u32::try_from(self.lists.len()).expect("fewer than 2^32 list items");
        let (n_actors, n_weapons, n_entities) = (len(e.actors.len()), len(e.weapons.len()), len(e.entities.len()));
        for a in e.actors.iter().chain(&e.weapons) {
            let n = self.names.intern(a);
            self.lists.push(n);
        }
        self.lists.extend_from_slice(&e.entities);
        let claimed_by = e.claimed_by.map_or(NO_NAME, |c| self.names.intern(c));
        if self.explain {
            self.why.push(e.why);
        }
        self.events.push(Event {
            id,
            article: e.article,
            kind: e.kind,
            rule: e.rule,
            status: e.status,
            date: e.date,
            place: e.place,
            place_at: Span32::new(e.place_at.unwrap_or_default()),
            killed: e.killed,
            injured: e.injured,
            drones: e.drones,
            missiles: e.missiles,
            claimed_by,
            body: Span32::new(e.body),
            lists,
            n_actors,
            n_weapons,
            n_entities,
        });
        id
    }

    fn list(&self, e: &Event, skip: u16, len: u16) -> &[u32] {
        let at = e.lists as usize + skip as usize;
        self.lists.get(at..at + len as usize).unwrap_or(&[])
    }
    /// Who did it, as the text names them.
    pub fn actors(&self, e: &Event) -> impl ExactSizeIterator<Item = &str> + '_ {
        self.list(e, 0, e.n_actors).iter().map(|&n| self.names.get(n))
    }
    /// The weapons named in the event's sentences (entity names), in order.
    pub fn weapons(&self, e: &Event) -> impl ExactSizeIterator<Item = &str> + '_ {
        self.list(e, e.n_actors, e.n_weapons).iter().map(|&n| self.names.get(n))
    }
    /// Who makes the claim, when someone does.
    pub fn claimed_by(&self, e: &Event) -> Option<&str> {
        (e.claimed_by != NO_NAME).then(|| self.names.get(e.claimed_by))
    }
    /// Every entity mentioned in the event's sentences, ascending.
    pub fn event_entities(&self, e: &Event) -> &[EntityId] {
        self.list(e, e.n_actors + e.n_weapons, e.n_entities)
    }
    /// The name of the rule that typed the event ("strike.launched").
    pub fn rule_name(&self, e: &Event) -> &'static str {
        super::rules::get().rules.rule_name(e.rule)
    }
    /// Why the event was extracted, when the extraction explains.
    pub fn why(&self, e: &Event) -> Option<&Why> {
        self.why.get(e.id as usize)
    }
    /// The entity with this id.
    pub fn entity(&self, id: EntityId) -> Option<&Entity> {
        match self.entities.get(id as usize) {
            Some(ent) if ent.id == id => Some(ent),
            _ => self.entities.iter().find(|ent| ent.id == id),
        }
    }
    /// The event's place entity.
    pub fn place(&self, e: &Event) -> Option<&Entity> {
        e.place.and_then(|id| self.entity(id))
    }
    /// The name of the event's place.
    pub fn place_name(&self, e: &Event) -> Option<&str> {
        self.place(e).map(|p| p.name.as_str())
    }
    /// The place as the article names it ("Kupyansk", "the Kherson region"), else the place
    /// entity's name; `article` is the event's article.
    pub fn place_text<'a>(&'a self, e: &Event, article: &'a Article) -> Option<&'a str> {
        let at = e.place_at.get();
        let named = (at.end > at.start).then(|| article.body.get(at.start..at.end)).flatten();
        named.map(|t| t.strip_prefix("the ").unwrap_or(t)).or_else(|| self.place_name(e))
    }
    /// The event's place and its parents, innermost first: the place entity's path, or its
    /// name alone when it has none; empty without a place.
    pub fn place_path(&self, e: &Event) -> &[String] {
        match self.place(e) {
            Some(p) if p.place_path.is_empty() => std::slice::from_ref(&p.name),
            Some(p) => &p.place_path,
            None => &[],
        }
    }
    /// The coordinates of the event's place, where known.
    pub fn lat_lon(&self, e: &Event) -> (Option<f64>, Option<f64>) {
        self.place(e).map_or((None, None), |p| (p.lat, p.lon))
    }
    /// Heap and inline bytes of the events and what they share (names, lists).
    pub fn event_bytes(&self) -> usize {
        std::mem::size_of_val(self.events.as_slice())
            + std::mem::size_of_val(self.lists.as_slice())
            + self.names.list.iter().map(|s| 2 * (s.len() + size_of::<Box<str>>()) + 8).sum::<usize>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn kind_table_has_one_row_per_kind_in_all_order() {
        assert_eq!(KINDS.len(), EventKind::COUNT);
        assert_eq!(EventKind::ALL.len(), EventKind::COUNT);
        for (i, (k, row)) in EventKind::ALL.into_iter().zip(KINDS).enumerate() {
            assert_eq!(row.kind, k);
            assert_eq!(k.index(), i);
            assert_eq!((k.info().kind, k.info().name), (k, row.name));
            assert_eq!(row.badge.width(), 4, "{k:?}: badges fill the list's kind column");
            assert_eq!(row.glyph.width(), 1, "{k:?}: a glyph is one cell of a bar");
        }
        assert_eq!(EventKind::default(), EventKind::Other);
    }

    #[test]
    fn kinds_round_trip_through_their_names() {
        for k in EventKind::ALL {
            assert_eq!(EventKind::parse(k.as_str()), Some(k));
            assert_eq!(EventKind::parse(&k.as_str().to_ascii_uppercase().replace('_', "-")), Some(k));
            assert_eq!(serde_json::to_string(&k).unwrap(), format!("\"{}\"", k.as_str()));
        }
        assert_eq!(EventKind::parse("bogus"), None);
    }

    #[test]
    fn names_badges_glyphs_and_aliases_tell_kinds_apart() {
        let mut seen = std::collections::HashSet::new();
        for k in EventKind::ALL {
            let i = k.info();
            for w in std::iter::once(i.name).chain(i.aliases.iter().copied()) {
                assert!(seen.insert(("word", w)), "'{w}' names two kinds");
                assert_eq!(w, w.to_ascii_lowercase(), "aliases are matched lowercased");
            }
            assert!(seen.insert(("badge", i.badge)), "badge {} twice", i.badge);
            assert!(seen.insert(("glyph", i.glyph)), "glyph {} twice", i.glyph);
            assert!(seen.insert(("short", i.short)), "short name {} twice", i.short);
        }
    }
}
