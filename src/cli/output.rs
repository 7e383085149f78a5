//! Row shapes of the JSON output, which the CSV and the tables print too.

use serde::Serialize;

use crate::corpus::{Article, Paragraph, Span};
use crate::extract::{Entity, Event, Extraction, Why};

#[derive(Debug, Serialize)]
pub struct ParagraphRow {
    pub start: usize,
    pub end: usize,
    pub body_start: usize,
    pub body_end: usize,
}

impl From<&Paragraph> for ParagraphRow {
    fn from(p: &Paragraph) -> Self {
        ParagraphRow { start: p.span.start, end: p.span.end, body_start: p.body.start, body_end: p.body.end }
    }
}

#[derive(Debug, Serialize)]
pub struct ArticleRow {
    pub id: String,
    pub file: String,
    pub title: String,
    pub published: Option<String>,
    pub published_from: &'static str,
    pub source: Option<String>,
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub byline: Option<String>,
    /// What the spans (paragraphs, captions, events' and mentions' `span`) index: `file`, the
    /// file's bytes, or `extracted_text`, a saved web page's main text (given below).
    pub spans_in: &'static str,
    pub body: String,
    pub paragraphs: Vec<ParagraphRow>,
    pub captions: Vec<CaptionRow>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extracted_text: Option<String>,
    /// Other files holding the same article, loaded once.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub copies: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct CaptionRow {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

pub(crate) fn date_source_str(a: &Article) -> &'static str {
    use crate::corpus::DateSource::*;
    match a.published_from {
        FrontMatter => "front_matter",
        Header => "header",
        Metadata => "metadata",
        Dateline => "dateline",
        Byline => "byline",
        Inferred => "inferred",
        Unknown => "unknown",
    }
}

impl From<&Article> for ArticleRow {
    fn from(a: &Article) -> Self {
        ArticleRow {
            id: a.id.clone(),
            file: a.file.clone(),
            title: a.title.clone(),
            published: a.published.map(|d| d.format("%Y-%m-%d").to_string()),
            published_from: date_source_str(a),
            source: a.source.clone(),
            url: a.url.clone(),
            byline: a.extra.as_ref().and_then(|e| e.byline.clone()),
            spans_in: if a.extracted_text().is_some() { "extracted_text" } else { "file" },
            body: a.body.clone(),
            paragraphs: a.paragraphs.iter().map(ParagraphRow::from).collect(),
            captions: a
                .captions
                .iter()
                .map(|c| CaptionRow { text: c.text.clone(), start: c.span.start, end: c.span.end })
                .collect(),
            extracted_text: a.extracted_text().map(str::to_string),
            copies: a.extra.as_ref().map(|e| e.copies.clone()).unwrap_or_default(),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct EventRow {
    pub id: u32,
    pub file: String,
    pub article: String,
    pub date: Option<String>,
    pub date_end: Option<String>,
    pub date_precision: &'static str,
    /// How the date was resolved: explicit, inferred_year, relative, context, none.
    pub date_resolution: crate::extract::Resolution,
    pub kind: &'static str,
    /// The rule that typed the event ("strike.launched").
    pub rule: &'static str,
    /// The place as the article names it.
    pub place: Option<String>,
    /// The place's entity: its name in the gazetteer ("Kupiansk" for "Kupyansk").
    pub place_entity: Option<String>,
    pub place_path: Vec<String>,
    /// How precise the place is: `settlement` or `facility` (a point), `district`, `region`,
    /// `country`, `water` (an area; its coordinates are its centre); none when not in the
    /// gazetteer.
    pub place_precision: Option<&'static str>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub actors: Vec<String>,
    pub killed: Option<u32>,
    pub injured: Option<u32>,
    pub drones: Option<u32>,
    pub missiles: Option<u32>,
    pub weapons: Vec<String>,
    pub claimed_by: Option<String>,
    pub status: &'static str,
    pub text: String,
    pub span: Span,
    /// `extracted_text` when `span` (and the spans under `why`) index a saved page's or a
    /// feed item's extracted text; absent when they index the file's bytes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span_in: Option<&'static str>,
    /// With `--explain`: the words behind each fact.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub why: Option<WhyRow>,
    /// The happening it reports: the same id for every report of it (the lowest event id
    /// among them), its own id when it stands alone.
    pub cluster: u32,
    /// How many articles report that happening.
    pub reports: u32,
    /// The report it was merged with and the rule that merged it (`same_place_and_day`,
    /// `place_inside_and_day`, `undated_nearest_at_place`), when it joined one.
    pub merged_with: Option<u32>,
    pub merge_rule: Option<&'static str>,
}

/// Words of the article quoted as evidence, with their byte span in the file.
#[derive(Debug, Serialize)]
pub struct Quote {
    pub text: String,
    pub span: Span,
}

/// The words behind an event's facts (`sitrep events --explain`).
#[derive(Debug, Serialize)]
pub struct WhyRow {
    pub place: Option<Quote>,
    pub date: Option<Quote>,
    pub killed: Option<Quote>,
    pub injured: Option<Quote>,
    pub drones: Option<Quote>,
    pub missiles: Option<Quote>,
    pub claimed_by: Option<Quote>,
}

impl WhyRow {
    fn new(w: &Why, a: &Article) -> WhyRow {
        let q = |s: Option<Span>| {
            s.and_then(|s| {
                let text = a.body.get(s.start..s.end)?.to_string();
                Some(Quote { text, span: a.file_span(s.start, s.end) })
            })
        };
        WhyRow {
            place: q(w.place),
            date: q(w.date),
            killed: q(w.counts[0]),
            injured: q(w.counts[1]),
            drones: q(w.counts[2]),
            missiles: q(w.counts[3]),
            claimed_by: q(w.claimant),
        }
    }
}

fn ymd(d: Option<chrono::NaiveDate>) -> Option<String> {
    d.map(|d| d.format("%Y-%m-%d").to_string())
}

impl EventRow {
    /// The row of an event of `ex`, extracted from `articles`.
    pub fn new(e: &Event, ex: &Extraction, articles: &[Article]) -> Self {
        let a = articles.get(e.article as usize);
        let (lat, lon) = ex.lat_lon(e);
        EventRow {
            id: e.id,
            file: a.map(|a| a.file.clone()).unwrap_or_default(),
            article: a.map(|a| a.id.clone()).unwrap_or_default(),
            date: ymd(e.date.start),
            date_end: ymd(e.date.end),
            date_precision: e.date.precision.as_str(),
            date_resolution: e.date.how,
            kind: e.kind.as_str(),
            rule: ex.rule_name(e),
            place: a.and_then(|a| ex.place_text(e, a)).or(ex.place_name(e)).map(str::to_string),
            place_entity: ex.place_name(e).map(str::to_string),
            place_precision: ex
                .place_name(e)
                .and_then(crate::extract::gazetteer::PlaceKind::of_place)
                .map(crate::extract::gazetteer::PlaceKind::as_str),
            place_path: ex.place_path(e).to_vec(),
            lat,
            lon,
            actors: ex.actors(e).map(str::to_string).collect(),
            killed: e.killed,
            injured: e.injured,
            drones: e.drones,
            missiles: e.missiles,
            weapons: ex.weapons(e).map(str::to_string).collect(),
            claimed_by: ex.claimed_by(e).map(str::to_string),
            status: e.status.as_str(),
            text: a.map_or("", |a| e.text(a)).to_string(),
            span: a.map_or(Span::default(), |a| e.file_span(a)),
            span_in: a.and_then(extracted),
            why: a.zip(ex.why(e)).map(|(a, w)| WhyRow::new(w, a)),
            cluster: e.id,
            reports: 1,
            merged_with: None,
            merge_rule: None,
        }
    }

    /// The row with its happening from `groups` (made for the same extraction).
    pub fn merged(mut self, groups: &dyn crate::merge::Membership) -> Self {
        self.cluster = groups.cluster_of(self.id);
        self.reports = groups.reports_of(self.id);
        if let Some((with, rule)) = groups.joined_to(self.id) {
            self.merged_with = Some(with);
            self.merge_rule = Some(rule.as_str());
        }
        self
    }
}

#[derive(Debug, Serialize)]
pub struct MentionRow {
    pub file: String,
    pub article: String,
    pub start: usize,
    pub end: usize,
    /// As [`EventRow::span_in`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span_in: Option<&'static str>,
}

/// `Some("extracted_text")` for an article whose spans index its extracted text.
fn extracted(a: &Article) -> Option<&'static str> {
    a.extracted_text().map(|_| "extracted_text")
}

#[derive(Debug, Serialize)]
pub struct EntityRow {
    pub id: u32,
    pub name: String,
    pub kind: &'static str,
    pub aliases: Vec<String>,
    pub role: Option<String>,
    pub place_path: Vec<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub mentions: Vec<MentionRow>,
}

impl EntityRow {
    pub fn new(e: &Entity, articles: &[Article]) -> Self {
        EntityRow {
            id: e.id,
            name: e.name.clone(),
            kind: e.kind.as_str(),
            aliases: e.aliases.clone(),
            role: e.role.clone(),
            place_path: e.place_path.clone(),
            lat: e.lat,
            lon: e.lon,
            mentions: e
                .mentions
                .iter()
                .map(|m| {
                    let a = articles.get(m.article as usize);
                    let span = a.map_or(Span::default(), |a| m.file_span(a));
                    MentionRow {
                        file: a.map(|a| a.file.clone()).unwrap_or_default(),
                        article: a.map(|a| a.id.clone()).unwrap_or_default(),
                        start: span.start,
                        end: span.end,
                        span_in: a.and_then(extracted),
                    }
                })
                .collect(),
        }
    }
}

/// An optional value as a cell: empty when absent.
pub(super) fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(|x| x.to_string()).unwrap_or_default()
}

/// A note or a flag of the workspace (`sitrep notes`), with the snapshot of what it is about.
#[derive(Debug, Serialize)]
pub struct NoteRow {
    /// `note` or `flag`.
    pub kind: &'static str,
    /// The note's number; none for a flag.
    pub id: Option<i64>,
    /// `event` or `article`.
    pub target: &'static str,
    /// The target's stable key.
    pub key: String,
    /// RFC 3339, UTC.
    pub created: String,
    /// The target is not in the loaded corpus (the note is kept all the same).
    pub orphaned: bool,
    /// The note's text; empty for a flag.
    pub text: String,
    pub article_title: String,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub date: Option<String>,
    pub sentence: String,
}

impl NoteRow {
    pub fn of_note(n: &crate::workspace::Note, keys: &crate::workspace::StoreKeys) -> NoteRow {
        let orphaned = crate::workspace::resolve(&n.target, keys).is_none();
        NoteRow::new("note", Some(n.id), n.target.kind(), n.target.key(), &n.created, orphaned, &n.text, &n.context)
    }

    pub fn of_flag(f: &crate::workspace::Flag, keys: &crate::workspace::StoreKeys) -> NoteRow {
        let orphaned = keys.event_by_key(&f.event).is_none();
        NoteRow::new("flag", None, "event", f.event.as_str(), &f.created, orphaned, "", &f.context)
    }

    #[allow(clippy::too_many_arguments)]
    fn new(
        kind: &'static str,
        id: Option<i64>,
        target: &'static str,
        key: &str,
        created: &str,
        orphaned: bool,
        text: &str,
        c: &crate::workspace::Context,
    ) -> NoteRow {
        NoteRow {
            kind,
            id,
            target,
            key: key.to_string(),
            created: created.to_string(),
            orphaned,
            text: text.to_string(),
            article_title: c.article_title.clone(),
            outlet: c.outlet.clone(),
            url: c.url.clone(),
            date: c.date.clone(),
            sentence: c.sentence.clone(),
        }
    }
}
