//! Plain-text tables for a terminal: articles, events (or events with the words behind
//! them, `--explain`) and entities. Text from the articles goes through
//! [`crate::printable::one_line`] first, so a crafted title cannot move the cursor, retitle the
//! window or break the columns, and cutting it to a column cannot split an escape sequence.

use std::io::{self, Write};

use crate::corpus::Article;
use crate::printable::one_line;

use super::CliError;
use super::output::{EntityRow, EventRow, NoteRow, Quote};

/// Pad or cut `s` to exactly `width` terminal columns.
fn fit(s: &str, width: usize) -> String {
    let mut out = String::new();
    let mut w = 0;
    for ch in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0);
        if w + cw > width {
            if w < width {
                out.push('…');
                w += 1;
            } else if let Some(last) = out.pop() {
                let lw = unicode_width::UnicodeWidthChar::width(last).unwrap_or(0);
                w -= lw;
                out.push('…');
                w += 1;
            }
            break;
        }
        out.push(ch);
        w += cw;
    }
    while w < width {
        out.push(' ');
        w += 1;
    }
    out
}

pub fn articles_table(articles: &[Article], out: &mut dyn Write) -> Result<(), CliError> {
    writeln!(out, "{}  {}  {}  TITLE", fit("ID", 28), fit("PUBLISHED", 10), fit("SOURCE", 16))?;
    for a in articles {
        let date = a.published.map(|d| d.to_string()).unwrap_or_else(|| "-".into());
        writeln!(
            out,
            "{}  {}  {}  {}",
            fit(&one_line(&a.id), 28),
            fit(&date, 10),
            fit(&one_line(a.source.as_deref().unwrap_or("-")), 16),
            one_line(a.title.trim())
        )?;
    }
    Ok(())
}

pub fn events_table(rows: &[EventRow], out: &mut dyn Write) -> Result<(), CliError> {
    writeln!(out, "{} {} {} {} TEXT", fit("DATE", 11), fit("KIND", 17), fit("PLACE", 22), fit("CASUALTIES", 10))?;
    for r in rows {
        let date = r.date.clone().unwrap_or_else(|| "undated".into());
        let mark = if r.date_precision == "day" { ' ' } else { '~' };
        let counts = casualties(r.killed, r.injured);
        writeln!(
            out,
            "{}{} {} {} {} {}",
            fit(&date, 10),
            mark,
            fit(r.kind, 17),
            fit(&one_line(r.place.as_deref().unwrap_or("-")), 22),
            fit(&counts, 10),
            one_line(r.text.trim())
        )?;
    }
    Ok(())
}

/// Killed and injured as far as known: "5k", "6i", "5k 6i", or nothing.
fn casualties(killed: Option<u32>, injured: Option<u32>) -> String {
    let parts: Vec<String> =
        [(killed, 'k'), (injured, 'i')].iter().filter_map(|(n, mark)| n.map(|n| format!("{n}{mark}"))).collect();
    parts.join(" ")
}

/// `sitrep events --explain`: each event with its rule and the words behind its facts.
pub fn events_explained(rows: &[EventRow], out: &mut dyn Write) -> Result<(), CliError> {
    for r in rows {
        let date = r.date.clone().unwrap_or_else(|| "undated".into());
        writeln!(
            out,
            "#{} {} {} ({}, {}) {}",
            r.id,
            r.kind,
            one_line(r.place.as_deref().unwrap_or("-")),
            date,
            r.date_precision,
            one_line(&r.file)
        )?;
        writeln!(out, "  rule       {}", r.rule)?;
        writeln!(out, "  text       {}", one_line(r.text.trim()))?;
        let Some(w) = &r.why else { continue };
        let counts = [("killed", r.killed, &w.killed), ("injured", r.injured, &w.injured)];
        let weapons = [("drones", r.drones, &w.drones), ("missiles", r.missiles, &w.missiles)];
        let line = |out: &mut dyn Write, what: &str, value: String, q: &Option<Quote>| -> io::Result<()> {
            match q {
                Some(q) => writeln!(out, "  {what:<10} {value} from \"{}\"", one_line(&q.text)),
                None => writeln!(out, "  {what:<10} {value}"),
            }
        };
        if let Some(p) = &r.place {
            line(out, "place", one_line(p).into_owned(), &w.place)?;
        }
        let how = r.date_resolution.as_str();
        line(out, "date", format!("{} ({how})", r.date.as_deref().unwrap_or("none")), &w.date)?;
        for (what, v, q) in counts.iter().chain(weapons.iter()) {
            if let Some(v) = v {
                line(out, what, v.to_string(), q)?;
            }
        }
        if let Some(c) = &r.claimed_by {
            line(out, "claimed by", format!("{} ({})", one_line(c), r.status), &w.claimed_by)?;
        }
    }
    Ok(())
}

pub fn entities_table(rows: &[EntityRow], out: &mut dyn Write) -> Result<(), CliError> {
    writeln!(out, "{} {} {:>5}  PLACE PATH", fit("KIND", 7), fit("NAME", 40), "MENTIONS")?;
    for r in rows {
        writeln!(
            out,
            "{} {} {:>5}  {}",
            fit(r.kind, 7),
            fit(&one_line(&r.name), 40),
            r.mentions.len(),
            one_line(&r.place_path.join(" > "))
        )?;
    }
    Ok(())
}

/// `sitrep notes`: a line per note or flag; what it is about (the event's sentence, or the
/// article's title for a note on an article, as they were when it was made) last.
pub fn notes_table(rows: &[NoteRow], out: &mut dyn Write) -> Result<(), CliError> {
    writeln!(
        out,
        "{} {} {} {} {} {} {} ABOUT",
        fit("ID", 5),
        fit("KIND", 4),
        fit("ON", 7),
        fit("KEY", 16),
        fit("CREATED", 20),
        fit("STATE", 8),
        fit("NOTE", 30)
    )?;
    for r in rows {
        let id = r.id.map_or_else(|| "-".to_string(), |i| i.to_string());
        let state = if r.orphaned { "orphaned" } else { "-" };
        let text = if r.text.trim().is_empty() { "-".to_string() } else { one_line(r.text.trim()).into_owned() };
        let about = one_line(if r.sentence.is_empty() { &r.article_title } else { &r.sentence });
        writeln!(
            out,
            "{} {} {} {} {} {} {} {}",
            fit(&id, 5),
            fit(r.kind, 4),
            fit(r.target, 7),
            fit(&one_line(&r.key), 16),
            fit(&one_line(&r.created), 20),
            fit(state, 8),
            fit(&text, 30),
            about
        )?;
    }
    Ok(())
}
