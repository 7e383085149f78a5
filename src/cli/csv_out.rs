//! CSV output: a row per article, event or entity. Unless asked for raw cells, every cell
//! goes through [`safe_cell`], so that printing the CSV to a terminal is as safe as printing a
//! table, and opening it in a spreadsheet runs no formula an article wrote.

use std::borrow::Cow;
use std::io::Write;

use crate::printable;

use super::merged::MergedRow;
use super::output::{ArticleRow, EntityRow, EventRow, NoteRow, opt};
use super::{Cells, CliError};

/// A cell as written by default: control characters replaced but for newline and tab (CSV
/// quotes them), and a text cell that a spreadsheet would read as a formula (one starting
/// with `=`, `+`, `-`, `@`, tab or CR) behind a single quote, as OWASP recommends for CSV
/// injection. A plain number (`-12.5`) stays a number.
fn safe_cell(s: &str) -> Cow<'_, str> {
    let shown = printable::keeping_lines(s);
    let formula = |t: &str| t.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if (formula(s) || formula(&shown)) && !plain_number(s) {
        return Cow::Owned(format!("'{shown}"));
    }
    shown
}

/// `12`, `-12`, `-12.5`: digits, an optional leading minus and an optional decimal part.
fn plain_number(s: &str) -> bool {
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    let unsigned = s.strip_prefix('-').unwrap_or(s);
    match unsigned.split_once('.') {
        Some((whole, fraction)) => digits(whole) && digits(fraction),
        None => digits(unsigned),
    }
}

/// A CSV writer whose cells are written safe or raw.
struct Sheet<'a> {
    w: csv::Writer<&'a mut dyn Write>,
    cells: Cells,
}

impl<'a> Sheet<'a> {
    fn new(out: &'a mut dyn Write, cells: Cells) -> Sheet<'a> {
        Sheet { w: csv::Writer::from_writer(out), cells }
    }

    fn row<S: AsRef<str>>(&mut self, cells: impl IntoIterator<Item = S>) -> Result<(), CliError> {
        for c in cells {
            match self.cells {
                Cells::Safe => self.w.write_field(safe_cell(c.as_ref()).as_bytes())?,
                Cells::Raw => self.w.write_field(c.as_ref())?,
            }
        }
        self.w.write_record(None::<&[u8]>)?;
        Ok(())
    }

    fn finish(mut self) -> Result<(), CliError> {
        self.w.flush()?;
        Ok(())
    }
}

pub(super) fn articles_csv(rows: &[ArticleRow], cells: Cells, out: &mut dyn Write) -> Result<(), CliError> {
    let mut w = Sheet::new(out, cells);
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

pub(super) fn events_csv(rows: &[EventRow], cells: Cells, out: &mut dyn Write) -> Result<(), CliError> {
    let mut w = Sheet::new(out, cells);
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
        "place_precision",
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
        "cluster",
        "reports",
        "merged_with",
        "merge_rule",
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
            r.place_precision.unwrap_or_default().to_string(),
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
            r.cluster.to_string(),
            r.reports.to_string(),
            opt(&r.merged_with),
            r.merge_rule.unwrap_or_default().to_string(),
        ])?;
    }
    w.finish()
}

pub(super) fn entities_csv(rows: &[EntityRow], cells: Cells, out: &mut dyn Write) -> Result<(), CliError> {
    let mut w = Sheet::new(out, cells);
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

pub(super) fn notes_csv(rows: &[NoteRow], cells: Cells, out: &mut dyn Write) -> Result<(), CliError> {
    let mut w = Sheet::new(out, cells);
    w.row([
        "kind",
        "id",
        "target",
        "key",
        "created",
        "orphaned",
        "text",
        "article_title",
        "outlet",
        "url",
        "date",
        "sentence",
    ])?;
    for r in rows {
        w.row([
            r.kind.to_string(),
            opt(&r.id),
            r.target.to_string(),
            r.key.clone(),
            r.created.clone(),
            r.orphaned.to_string(),
            r.text.clone(),
            r.article_title.clone(),
            opt(&r.outlet),
            opt(&r.url),
            opt(&r.date),
            r.sentence.clone(),
        ])?;
    }
    w.finish()
}

/// `sitrep events --merged --format csv`: a row per happening; its reports' event ids,
/// sources and the counts' sources in cells of their own (`;` between several), and the
/// killed count as it changed from report to report (`5 Early Wire;7 Late Paper`).
pub(super) fn merged_csv(rows: &[MergedRow], cells: Cells, out: &mut dyn Write) -> Result<(), CliError> {
    let mut w = Sheet::new(out, cells);
    w.row([
        "cluster",
        "kind",
        "date",
        "date_end",
        "place",
        "place_path",
        "lat",
        "lon",
        "sources",
        "first_report",
        "killed",
        "killed_source",
        "injured",
        "injured_source",
        "drones",
        "missiles",
        "killed_over_time",
        "disputed",
        "reports",
        "report_sources",
        "text",
    ])?;
    for m in rows {
        let value = |c: &Option<super::merged::Count>| c.as_ref().map(|c| c.value.to_string()).unwrap_or_default();
        let source = |c: &Option<super::merged::Count>| c.as_ref().map(|c| c.source.clone()).unwrap_or_default();
        w.row([
            m.cluster.to_string(),
            m.kind.to_string(),
            opt(&m.date),
            opt(&m.date_end),
            opt(&m.place),
            m.place_path.join(" > "),
            opt(&m.lat),
            opt(&m.lon),
            m.sources.to_string(),
            m.first_report.to_string(),
            value(&m.killed),
            source(&m.killed),
            value(&m.injured),
            source(&m.injured),
            value(&m.drones),
            value(&m.missiles),
            m.toll.iter().map(|t| format!("{} {}", t.killed, t.source)).collect::<Vec<_>>().join(";"),
            m.disputed.to_string(),
            m.reports.iter().map(|r| r.event.to_string()).collect::<Vec<_>>().join(";"),
            m.reports.iter().map(|r| r.source.clone()).collect::<Vec<_>>().join(";"),
            m.reports.first().map(|r| r.text.clone()).unwrap_or_default(),
        ])?;
    }
    w.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_quoted_and_numbers_kept() {
        assert_eq!(safe_cell("=cmd|' /C calc'!A0"), "'=cmd|' /C calc'!A0");
        assert_eq!(safe_cell("+1+2"), "'+1+2");
        assert_eq!(safe_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(safe_cell("-2+3"), "'-2+3");
        assert_eq!(safe_cell("-"), "'-");
        assert_eq!(safe_cell("\t=1"), "'\t=1");
        assert_eq!(safe_cell("\r=1"), "' =1");
        assert_eq!(safe_cell("-12.5"), "-12.5");
        assert_eq!(safe_cell("-12"), "-12");
        assert_eq!(safe_cell("12.5"), "12.5");
        assert_eq!(safe_cell("-12."), "'-12.");
        assert_eq!(safe_cell("-1e5"), "'-1e5");
        assert_eq!(safe_cell("+5"), "'+5");
        assert_eq!(safe_cell("Kyiv"), "Kyiv");
        assert_eq!(safe_cell("a=b"), "a=b");
        assert_eq!(safe_cell(""), "");
        assert_eq!(safe_cell("two\nlines\x1b[2J"), "two\nlines\u{FFFD}[2J");
    }
}
