//! `sitrep events --merged`: one row per happening, with every report of it, the first
//! report, and the merged counts (the highest any report states, and which report says so).

use std::collections::BTreeMap;
use std::io::Write;

use serde::Serialize;

use super::output::EventRow;

/// A count as merged: the highest any report states, and the report (event id and source)
/// that states it.
#[derive(Debug, Serialize)]
pub struct Count {
    pub value: u32,
    pub event: u32,
    pub source: String,
}

/// One step of a toll as the reports give it, first report first: a step where the killed
/// count changes ("5 killed" on the 4th, "7 killed" on the 5th).
#[derive(Debug, Serialize)]
pub struct TollStep {
    pub killed: u32,
    pub event: u32,
    pub source: String,
    pub published: Option<String>,
}

/// One report of a happening.
#[derive(Debug, Serialize)]
pub struct Report {
    pub event: u32,
    pub article: String,
    pub source: String,
    pub published: Option<String>,
    pub claimed_by: Option<String>,
    pub status: &'static str,
    pub killed: Option<u32>,
    pub injured: Option<u32>,
    pub text: String,
    pub merge_rule: Option<&'static str>,
}

/// One happening and its reports.
#[derive(Debug, Serialize)]
pub struct MergedRow {
    pub cluster: u32,
    pub kind: &'static str,
    /// The earliest day any report gives, and the latest.
    pub date: Option<String>,
    pub date_end: Option<String>,
    /// The place of the first report.
    pub place: Option<String>,
    pub place_path: Vec<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// Articles reporting it.
    pub sources: u32,
    /// The report of the earliest article (by publication date, then event id).
    pub first_report: u32,
    pub killed: Option<Count>,
    pub injured: Option<Count>,
    pub drones: Option<Count>,
    pub missiles: Option<Count>,
    /// The killed count as it changes from report to report, first report first.
    pub toll: Vec<TollStep>,
    /// Reports that disagree on who says so: claimed by one, disputed by another.
    pub disputed: bool,
    pub reports: Vec<Report>,
}

/// Group event rows (with their clusters) into happenings, in the order of their first row.
/// `source` labels an event's article (outlet, domain or file), `published` its date.
pub fn group(
    rows: Vec<EventRow>,
    source: &dyn Fn(&EventRow) -> String,
    published: &dyn Fn(&EventRow) -> Option<String>,
) -> Vec<MergedRow> {
    let mut order: Vec<u32> = Vec::new();
    let mut by: BTreeMap<u32, Vec<EventRow>> = BTreeMap::new();
    for r in rows {
        if !by.contains_key(&r.cluster) {
            order.push(r.cluster);
        }
        by.entry(r.cluster).or_default().push(r);
    }
    order.into_iter().filter_map(|c| by.remove(&c).map(|rs| one(c, rs, source, published))).collect()
}

fn one(
    cluster: u32,
    mut rs: Vec<EventRow>,
    source: &dyn Fn(&EventRow) -> String,
    published: &dyn Fn(&EventRow) -> Option<String>,
) -> MergedRow {
    rs.sort_by(|a, b| {
        let (pa, pb) = (published(a), published(b));
        // undated articles last
        (pa.is_none(), pa).cmp(&(pb.is_none(), pb)).then(a.id.cmp(&b.id))
    });
    let first = &rs[0];
    let highest = |get: &dyn Fn(&EventRow) -> Option<u32>| {
        rs.iter()
            .filter_map(|r| get(r).map(|v| (v, r)))
            .max_by(|(x, a), (y, b)| x.cmp(y).then(b.id.cmp(&a.id)))
            .map(|(value, r)| Count { value, event: r.id, source: source(r) })
    };
    let mut articles: Vec<&str> = rs.iter().map(|r| r.article.as_str()).collect();
    articles.sort_unstable();
    articles.dedup();
    let statuses: Vec<&str> = rs.iter().map(|r| r.status).collect();
    let mut toll: Vec<TollStep> = Vec::new();
    for r in &rs {
        if let Some(k) = r.killed
            && toll.last().is_none_or(|t| t.killed != k)
        {
            toll.push(TollStep { killed: k, event: r.id, source: source(r), published: published(r) });
        }
    }
    MergedRow {
        cluster,
        kind: first.kind,
        date: rs.iter().filter_map(|r| r.date.clone()).min(),
        date_end: rs.iter().filter_map(|r| r.date_end.clone().or(r.date.clone())).max(),
        place: first.place.clone(),
        place_path: first.place_path.clone(),
        lat: first.lat,
        lon: first.lon,
        sources: articles.len() as u32,
        first_report: first.id,
        killed: highest(&|r| r.killed),
        injured: highest(&|r| r.injured),
        drones: highest(&|r| r.drones),
        missiles: highest(&|r| r.missiles),
        toll,
        disputed: statuses.contains(&"disputed") && statuses.iter().any(|s| *s != "disputed"),
        reports: rs
            .iter()
            .map(|r| Report {
                event: r.id,
                article: r.article.clone(),
                source: source(r),
                published: published(r),
                claimed_by: r.claimed_by.clone(),
                status: r.status,
                killed: r.killed,
                injured: r.injured,
                text: r.text.clone(),
                merge_rule: r.merge_rule,
            })
            .collect(),
    }
}

/// The table: a line per happening, then its reports indented.
pub fn table(rows: &[MergedRow], out: &mut dyn Write) -> std::io::Result<()> {
    use crate::printable::one_line;
    writeln!(out, "{:<10} {:<17} {:<22} {:>7} CASUALTIES  FIRST REPORT", "DATE", "KIND", "PLACE", "SOURCES")?;
    for m in rows {
        let count = |c: &Option<Count>, mark: char| c.as_ref().map(|c| format!("{}{mark}", c.value));
        let casualties: Vec<String> = [count(&m.killed, 'k'), count(&m.injured, 'i')].into_iter().flatten().collect();
        let first = m.reports.first().map(|r| one_line(&r.source).into_owned()).unwrap_or_default();
        writeln!(
            out,
            "{:<10} {:<17} {:<22} {:>7} {:<11} {}",
            m.date.as_deref().unwrap_or("undated"),
            m.kind,
            cut(&one_line(m.place.as_deref().unwrap_or("-")), 22),
            m.sources,
            casualties.join(" "),
            cut(&first, 40)
        )?;
        if m.reports.len() > 1 {
            for r in &m.reports {
                writeln!(
                    out,
                    "    #{} {}: {}",
                    r.event,
                    cut(&one_line(&r.source), 30),
                    cut(&one_line(r.text.trim()), 90)
                )?;
            }
        }
    }
    Ok(())
}

fn cut(s: &str, n: usize) -> String {
    if s.chars().count() <= n { s.to_string() } else { s.chars().take(n.saturating_sub(1)).chain(['…']).collect() }
}
