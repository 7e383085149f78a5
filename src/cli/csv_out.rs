//! CSV output: a row per article, event or entity. Every cell goes through [`cell`], so that
//! printing the CSV to a terminal is as safe as printing a table.

use std::borrow::Cow;
use std::io::Write;

use crate::printable;

use super::CliError;
use super::output::{ArticleRow, EntityRow, EventRow, opt};

/// A cell as written: control characters replaced but for newline and tab, which CSV quotes.
fn cell(s: &str) -> Cow<'_, str> {
    printable::keeping_lines(s)
}

/// A CSV writer whose rows go through [`cell`].
struct Sheet<'a> {
    w: csv::Writer<&'a mut dyn Write>,
}

impl<'a> Sheet<'a> {
    fn new(out: &'a mut dyn Write) -> Sheet<'a> {
        Sheet { w: csv::Writer::from_writer(out) }
    }

    fn row<S: AsRef<str>>(&mut self, cells: impl IntoIterator<Item = S>) -> Result<(), CliError> {
        for c in cells {
            self.w.write_field(cell(c.as_ref()).as_bytes())?;
        }
        self.w.write_record(None::<&[u8]>)?;
        Ok(())
    }

    fn finish(mut self) -> Result<(), CliError> {
        self.w.flush()?;
        Ok(())
    }
}

pub(super) fn articles_csv(rows: &[ArticleRow], out: &mut dyn Write) -> Result<(), CliError> {
    let mut w = Sheet::new(out);
    w.row(["id", "file", "title", "published", "published_from", "source", "url", "paragraphs", "body_bytes"])?;
    for r in rows {
        w.row([
            r.id.as_str(),
            r.file.as_str(),
            r.title.as_str(),
            r.published.as_deref().unwrap_or(""),
            r.published_from,
            r.source.as_deref().unwrap_or(""),
            r.url.as_deref().unwrap_or(""),
            &r.paragraphs.len().to_string(),
            &r.body.len().to_string(),
        ])?;
    }
    w.finish()
}

pub(super) fn events_csv(rows: &[EventRow], out: &mut dyn Write) -> Result<(), CliError> {
    let mut w = Sheet::new(out);
    w.row([
        "id",
        "file",
        "article",
        "date",
        "date_end",
        "date_precision",
        "date_resolution",
        "kind",
        "rule",
        "place",
        "place_path",
        "lat",
        "lon",
        "actors",
        "killed",
        "injured",
        "drones",
        "missiles",
        "weapons",
        "claimed_by",
        "status",
        "text",
        "start",
        "end",
    ])?;
    for r in rows {
        w.row([
            r.id.to_string(),
            r.file.clone(),
            r.article.clone(),
            opt(&r.date),
            opt(&r.date_end),
            r.date_precision.to_string(),
            r.date_resolution.as_str().to_string(),
            r.kind.to_string(),
            r.rule.to_string(),
            opt(&r.place),
            r.place_path.join(" > "),
            opt(&r.lat),
            opt(&r.lon),
            r.actors.join("; "),
            opt(&r.killed),
            opt(&r.injured),
            opt(&r.drones),
            opt(&r.missiles),
            r.weapons.join("; "),
            opt(&r.claimed_by),
            r.status.to_string(),
            r.text.clone(),
            r.span.start.to_string(),
            r.span.end.to_string(),
        ])?;
    }
    w.finish()
}

pub(super) fn entities_csv(rows: &[EntityRow], out: &mut dyn Write) -> Result<(), CliError> {
    let mut w = Sheet::new(out);
    w.row(["id", "name", "kind", "aliases", "role", "place_path", "lat", "lon", "mentions", "articles"])?;
    for r in rows {
        let mut arts: Vec<&str> = r.mentions.iter().map(|m| m.article.as_str()).collect();
        arts.dedup();
        w.row([
            r.id.to_string(),
            r.name.clone(),
            r.kind.to_string(),
            r.aliases.join("; "),
            opt(&r.role),
            r.place_path.join(" > "),
            opt(&r.lat),
            opt(&r.lon),
            r.mentions.len().to_string(),
            arts.join("; "),
        ])?;
    }
    w.finish()
}
