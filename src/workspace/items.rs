//! What a workspace holds: flags, notes, saved queries, each with a snapshot of what it was
//! about, so that one whose event is gone still says what it was.

use serde::Serialize;

use crate::extract::EventId;
use crate::store::Store;

use super::keys::{ArticleKey, EventKey};

/// What a note is about.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "kind", content = "key", rename_all = "snake_case")]
pub enum Target {
    Event(EventKey),
    Article(ArticleKey),
}

impl Target {
    /// `event` or `article`, as stored and printed.
    pub fn kind(&self) -> &'static str {
        match self {
            Target::Event(_) => "event",
            Target::Article(_) => "article",
        }
    }

    pub fn key(&self) -> &str {
        match self {
            Target::Event(k) => k.as_str(),
            Target::Article(k) => k.as_str(),
        }
    }
}

/// What a flag or note was about when it was made, kept with it: the event or article may
/// be gone from a later corpus, and the note should still say what it was.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Context {
    pub article_title: String,
    /// The outlet, or the URL's domain.
    pub outlet: Option<String>,
    pub url: Option<String>,
    /// The event's sentence, whitespace collapsed (empty for a note on an article).
    pub sentence: String,
    /// The event's date (`2026-02-01`, or `2026-02-01..2026-02-07` for a span), else the
    /// article's publication date.
    pub date: Option<String>,
}

impl Context {
    /// The snapshot of event `id` of `store` (empty if it has no such event).
    pub fn of_event(store: &Store, id: EventId) -> Context {
        let Some(e) = store.event(id) else { return Context::default() };
        let mut c = Context::of_article(store, e.article);
        c.sentence = collapse(store.event_text(id));
        let ymd = |d: chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
        c.date = match (e.date.start, e.date.end) {
            (Some(s), Some(t)) if s != t => Some(format!("{}..{}", ymd(s), ymd(t))),
            (Some(s), _) => Some(ymd(s)),
            _ => c.date,
        };
        c
    }

    /// The snapshot of the article at `index` of `store` (empty if there is none).
    pub fn of_article(store: &Store, index: u32) -> Context {
        let Some(a) = store.article(index) else { return Context::default() };
        Context {
            article_title: collapse(&a.title),
            outlet: crate::store::outlet(a).map(str::to_string),
            url: a.url.clone(),
            sentence: String::new(),
            date: a.published.map(|d| d.format("%Y-%m-%d").to_string()),
        }
    }
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A flagged (bookmarked) event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Flag {
    pub event: EventKey,
    pub context: Context,
    /// When it was flagged, RFC 3339 UTC.
    pub created: String,
}

/// A free-text note on an event or an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Note {
    /// Its number in the workspace, never reused.
    pub id: i64,
    pub target: Target,
    pub context: Context,
    /// RFC 3339 UTC.
    pub created: String,
    pub text: String,
}

/// A query kept under a name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SavedQuery {
    pub name: String,
    pub query: String,
    /// RFC 3339 UTC, when the name was first saved and when its query last changed.
    pub created: String,
    pub updated: String,
}
