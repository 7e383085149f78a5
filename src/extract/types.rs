use chrono::NaiveDate;
use serde::Serialize;

use crate::corpus::Span;

/// How exactly the text pins a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Default, PartialOrd, Ord)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Default)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Default)]
pub struct DateValue {
    pub start: Option<NaiveDate>,
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
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

/// One occurrence of an entity in an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Mention {
    /// Index into the article list the extraction ran on.
    pub article: u32,
    /// Byte span in `Article::body`.
    pub body: Span,
    /// Byte span in the original file.
    pub span: Span,
    /// Set when the mention is in a photo caption (index into `Article::captions`); `body`
    /// is then a span of that caption's text. Captions name entities but never events.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caption: Option<u32>,
}

pub type EntityId = u32;

#[derive(Debug, Clone, PartialEq, Serialize)]
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Strike,
    GroundClash,
    TerritorialClaim,
    Diplomacy,
    Aid,
    Incursion,
    Statement,
    Other,
}

impl EventKind {
    pub const ALL: [EventKind; 8] = [
        EventKind::Strike,
        EventKind::GroundClash,
        EventKind::TerritorialClaim,
        EventKind::Diplomacy,
        EventKind::Aid,
        EventKind::Incursion,
        EventKind::Statement,
        EventKind::Other,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Strike => "strike",
            EventKind::GroundClash => "ground_clash",
            EventKind::TerritorialClaim => "territorial_claim",
            EventKind::Diplomacy => "diplomacy",
            EventKind::Aid => "aid",
            EventKind::Incursion => "incursion",
            EventKind::Statement => "statement",
            EventKind::Other => "other",
        }
    }
    pub fn parse(s: &str) -> Option<EventKind> {
        let s = s.to_ascii_lowercase().replace('-', "_");
        EventKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Default)]
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

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    pub id: EventId,
    /// Index into the article list.
    pub article: u32,
    pub kind: EventKind,
    pub date: DateValue,
    /// The place entity, when one was found.
    pub place: Option<EntityId>,
    pub place_name: Option<String>,
    /// The place and its parents, innermost first.
    pub place_path: Vec<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub actors: Vec<String>,
    pub killed: Option<u32>,
    pub injured: Option<u32>,
    pub drones: Option<u32>,
    pub missiles: Option<u32>,
    pub weapons: Vec<String>,
    pub claimed_by: Option<String>,
    pub status: Status,
    /// The sentence (or sentences) the event came from.
    pub text: String,
    /// Byte span of `text` in `Article::body`.
    pub body: Span,
    /// Byte span of `text` in the original file.
    pub span: Span,
    /// Every entity mentioned in the event's sentences.
    pub entities: Vec<EntityId>,
}

#[derive(Debug, Clone, Default)]
pub struct Extraction {
    pub entities: Vec<Entity>,
    pub events: Vec<Event>,
}
