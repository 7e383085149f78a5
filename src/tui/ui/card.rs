//! The event card (`i`): every fact sitrep holds about one event, with where it came from
//! and why it was extracted, as an overlay over the panes.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};

use crate::extract::{Precision, Status};
use crate::store::Store;

use super::super::layout::inner;
use super::super::model::{EventCard, NoteOn, WorkspaceView};
use super::super::theme::Theme;
use super::block;
use super::text::{clean, put, width};

/// Width of the field names' column.
const LABEL_W: usize = 10;

/// The card's width on a screen area: most of it, up to 100 columns.
fn frame_width(area: Rect) -> u16 {
    area.width.saturating_sub(4).clamp(area.width.min(60), 100)
}

/// Columns of text inside a card `w` wide (border and a space each side).
fn text_width(w: u16) -> usize {
    w.saturating_sub(4) as usize
}

/// The card's frame on a screen area, tall enough for `n` lines where they fit.
fn frame(area: Rect, n: usize) -> Rect {
    let w = frame_width(area);
    let h = (n as u16).saturating_add(2).min(area.height.saturating_sub(2).max(area.height.min(5)));
    Rect::new(area.x + (area.width - w) / 2, area.y + (area.height - h) / 2, w, h)
}

/// Words of `text` in lines of at most `w` columns; a word longer than a line (a URL) is
/// broken where the line ends, so it is shown whole.
pub fn wrap(text: &str, w: usize) -> Vec<String> {
    let w = w.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut lw = 0;
    for word in text.split_whitespace() {
        let ww = width(word);
        if lw > 0 && lw + 1 + ww > w {
            lines.push(std::mem::take(&mut line));
            lw = 0;
        }
        if lw > 0 {
            line.push(' ');
            lw += 1;
        }
        if ww <= w - lw {
            line.push_str(word);
            lw += ww;
            continue;
        }
        for ch in word.chars() {
            let cw = width(ch.encode_utf8(&mut [0; 4]));
            if lw + cw > w && lw > 0 {
                lines.push(std::mem::take(&mut line));
                lw = 0;
            }
            line.push(ch);
            lw += cw;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// The mark the list shows for a claim's status: `*` claimed by a party, `!` disputed
/// (denied or not confirmed), nothing when simply reported.
pub fn status_mark(s: Status) -> &'static str {
    match s {
        Status::Claimed => "*",
        Status::Disputed => "!",
        Status::Reported => " ",
    }
}

/// What a date's precision says in words.
fn precision_words(p: Precision) -> &'static str {
    match p {
        Precision::Day => "the day",
        Precision::Range => "a range of days",
        Precision::Week => "the week",
        Precision::Month => "the month",
        Precision::Year => "the year",
        Precision::Unknown => "not pinned",
    }
}

/// What a date's resolution says in words.
fn resolution_words(r: crate::extract::Resolution) -> &'static str {
    use crate::extract::Resolution::*;
    match r {
        Explicit => "stated in full",
        InferredYear => "day and month stated, year from the article",
        Relative => "relative to the article's date",
        Publication => "the article's publication date",
        Context => "from an earlier sentence or the lead",
        None => "nothing in the text pins it",
    }
}

/// Every line of the card for `text_w` columns of text, or nothing when the event is gone.
pub fn lines(
    store: &Store,
    card: &EventCard,
    ws: Option<&WorkspaceView>,
    t: &Theme,
    text_w: usize,
) -> Vec<Line<'static>> {
    let Some(e) = store.event(card.event) else {
        return vec![Line::styled("this event is no longer in the corpus", t.dim)];
    };
    let ex = store.extraction();
    let art = store.article(e.article);
    let mut out: Vec<Line<'static>> = Vec::new();
    let value_w = text_w.saturating_sub(LABEL_W).max(10);
    let mut field = |label: &str, value: String, st: Style| {
        for (i, l) in wrap(&clean(&value), value_w).into_iter().enumerate() {
            let label = if i == 0 { label } else { "" };
            out.push(Line::from(vec![Span::styled(format!("{label:<LABEL_W$}"), t.dim), Span::styled(l, st)]));
        }
    };

    // kind and status
    let status = match (e.status, ex.claimed_by(e)) {
        (Status::Claimed, Some(who)) => format!("claimed by {who}"),
        (Status::Disputed, Some(who)) => format!("disputed · said by {who}"),
        (s, Some(who)) => format!("{} · said by {who}", s.as_str()),
        (s, None) => format!("{} · no claimant named", s.as_str()),
    };
    field("Kind", e.kind.as_str().to_string(), t.kind(e.kind).add_modifier(Modifier::BOLD));
    field("Status", status, if e.status == Status::Reported { Style::default() } else { t.info });

    // date
    let date = match (e.date.start, e.date.end) {
        (Some(a), Some(b)) if b != a => format!("{a} to {b}"),
        (Some(a), _) => a.to_string(),
        (None, _) => "undated".to_string(),
    };
    field("Date", format!("{date} · {} · {}", precision_words(e.date.precision), resolution_words(e.date.how)), t.info);

    // place
    let path = ex.place_path(e);
    if path.is_empty() {
        field("Place", "no place found".into(), t.dim);
    } else {
        let named = art.and_then(|a| ex.place_text(e, a)).filter(|n| Some(*n) != ex.place_name(e));
        let mut v = path.join(" › ");
        if let Some(n) = named {
            v.push_str(&format!(" (the text says “{n}”)"));
        }
        if let (Some(lat), Some(lon)) = ex.lat_lon(e) {
            v.push_str(&format!(" · {lat:.4}, {lon:.4}"));
        } else {
            v.push_str(" · no coordinates");
        }
        field("Place", v, Style::default());
    }

    let list = |v: Vec<&str>| if v.is_empty() { "none named".to_string() } else { v.join(", ") };
    field("Actors", list(ex.actors(e).collect()), Style::default());
    let counts: Vec<String> =
        [("killed", e.killed), ("injured", e.injured), ("drones", e.drones), ("missiles", e.missiles)]
            .iter()
            .filter_map(|(w, n)| n.map(|n| format!("{n} {w}")))
            .collect();
    field("Counts", if counts.is_empty() { "none stated".into() } else { counts.join(" · ") }, t.killed);
    field("Weapons", list(ex.weapons(e).collect()), Style::default());
    let sentence = art.map(|a| e.text(a)).unwrap_or_default();
    field("Sentence", format!("“{}”", sentence.trim()), t.sentence);

    // the article
    if let Some(a) = art {
        field("Article", a.title.clone(), Style::default().add_modifier(Modifier::BOLD));
        let published = match a.published {
            Some(d) => format!("published {d}"),
            None => "publication date unknown".to_string(),
        };
        field("Outlet", format!("{} · {published}", store.source_label(e.article)), Style::default());
        field("URL", a.url.clone().unwrap_or_else(|| "none given".into()), t.key);
        let span = e.file_span(a);
        let at = match (a.extracted_text().is_some(), card.line) {
            (true, _) => format!("{} (bytes {}-{} of the extracted text)", a.file, span.start, span.end),
            (false, Some(line)) => format!("{}:{line} (bytes {}-{})", a.file, span.start, span.end),
            (false, None) => format!("{} (bytes {}-{})", a.file, span.start, span.end),
        };
        field("Source", at, t.dim);
    }
    field("Why", format!("rule {}", ex.rule_name(e)), t.dim);
    reports(store, card.event, &mut field, t);
    if let Some(ws) = ws {
        if ws.flagged.contains(&card.event) {
            field("Flagged", "yes (f unflags)".into(), t.info);
        }
        for n in ws.notes_on(card.event, e.article) {
            let on = if n.on == Some(NoteOn::Article(e.article)) { " (on the article)" } else { "" };
            let day = n.created.get(..10).unwrap_or(&n.created);
            field("Note", format!("{} · {day}{on}", n.text), t.key);
        }
    }
    out
}

/// The other reports of the event's happening: each report's outlet, date, claim and counts,
/// the toll as the reports give it in order, and where they disagree.
fn reports(store: &Store, id: crate::extract::EventId, field: &mut dyn FnMut(&str, String, Style), t: &Theme) {
    let order = store.reports_in_order(id);
    if order.len() < 2 {
        return;
    }
    let ex = store.extraction();
    let published = |r: &crate::extract::Event| {
        store.article(r.article).and_then(|a| a.published).map_or("date unknown".to_string(), |d| d.to_string())
    };
    let joined = match store.merge_join(id) {
        Some((with, rule)) => format!(" · joined event {with} by {}", rule.as_str()),
        None => String::new(),
    };
    field("Reports", format!("{} articles report this{joined}", store.sources(id)), t.info);
    let mut tolls: Vec<String> = Vec::new();
    let (mut statuses, mut killed) = (Vec::new(), Vec::new());
    for (i, &r) in order.iter().enumerate() {
        let Some(ev) = store.event(r) else { continue };
        let mut v = format!("{}. {} · {}", i + 1, store.source_label(ev.article), published(ev));
        if i == 0 {
            v.push_str(" · first report");
        }
        if r == id {
            v.push_str(" · this one");
        }
        if let Some(who) = ex.claimed_by(ev) {
            v.push_str(&format!(" · {} by {who}", ev.status.as_str()));
        }
        for (n, w) in [(ev.killed, "killed"), (ev.injured, "injured")] {
            if let Some(n) = n {
                v.push_str(&format!(" · {n} {w}"));
            }
        }
        let text = store.event_text(r).trim();
        v.push_str(&format!(" · “{}”", super::text::fit(text, 120)));
        field("", v, Style::default());
        statuses.push(ev.status);
        if let Some(k) = ev.killed {
            if killed.last() != Some(&k) {
                tolls.push(format!("{k} killed ({}, {})", store.source_label(ev.article), published(ev)));
            }
            killed.push(k);
        }
    }
    if tolls.len() > 1 {
        field("Toll", tolls.join(" → "), t.killed);
    }
    let mut disagree = Vec::new();
    if statuses.contains(&Status::Disputed) && statuses.iter().any(|s| *s != Status::Disputed) {
        disagree.push("disputed in one report, not in another".to_string());
    }
    let (lo, hi) = (killed.iter().min(), killed.iter().max());
    if let (Some(lo), Some(hi)) = (lo, hi)
        && lo != hi
    {
        disagree.push(format!("killed {lo} to {hi}; the highest is taken"));
    }
    if !disagree.is_empty() {
        field("Differ", disagree.join(" · "), t.info);
    }
}

/// Draw the card over `area`.
pub fn render(store: &Store, card: &EventCard, ws: Option<&WorkspaceView>, t: &Theme, area: Rect, buf: &mut Buffer) {
    if area.width < 20 || area.height < 5 {
        return;
    }
    let all = lines(store, card, ws, t, text_width(frame_width(area)));
    let r = frame(area, all.len());
    Clear.render(r, buf);
    let i = inner(r);
    let text = Rect::new(i.x + 1, i.y, i.width.saturating_sub(2), i.height);
    let max = all.len().saturating_sub(text.height as usize);
    let scroll = card.scroll.min(max);
    let more = if max > 0 {
        format!("{}-{} of {} · ", scroll + 1, scroll + text.height as usize, all.len())
    } else {
        String::new()
    };
    let title = Line::from(vec![
        Span::styled(format!(" Event {} ", card.event), t.title_focus),
        Span::styled(format!("{more}y copies · o opens the URL · Esc closes "), t.dim),
    ]);
    block(t, true).title(title).render(r, buf);
    for (n, l) in all.iter().skip(scroll).take(text.height as usize).enumerate() {
        put(buf, text, text.y + n as u16, l);
    }
}

/// How far the card can scroll on a screen area.
pub fn max_scroll(store: &Store, card: &EventCard, ws: Option<&WorkspaceView>, area: Rect) -> usize {
    let n = lines(store, card, ws, &Theme::default(), text_width(frame_width(area))).len();
    n.saturating_sub(inner(frame(area, n)).height as usize)
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wrapping_keeps_every_word_and_breaks_long_ones() {
        assert_eq!(wrap("a bb ccc", 4), ["a bb", "ccc"]);
        let url = "https://example.org/2026/02/04/a-long-path";
        let lines = wrap(url, 10);
        assert!(lines.iter().all(|l| l.chars().count() <= 10), "{lines:?}");
        assert_eq!(lines.concat(), url);
        assert_eq!(wrap("", 5), [""]);
    }
}
