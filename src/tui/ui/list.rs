//! The event list: one line per event (date, kind badge, place, casualties, text with the
//! fuzzy matches marked), `N of M events`, and a card for the entity the query is about.
//! Only the visible rows are built.

use chrono::Datelike;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::extract::{Event, Precision};
use crate::store::{Hit, Sort, Store};

use super::super::layout::{inner, list_split};
use super::super::model::{Focus, Model};
use super::super::theme::Theme;
use super::text::{clean, marked, pad, put, rpad, width};
use super::{block, title_style};

/// The date column: `2026-02-04 ` exact, `2026-02-02~` imprecise, `?` undated.
pub fn date_cell(e: &Event, short: bool) -> (String, char) {
    let exact = crate::store::event_day(e).is_some();
    let fmt = if short { "%m-%d" } else { "%Y-%m-%d" };
    match e.date.start {
        Some(d) => (d.format(fmt).to_string(), if exact || e.date.precision == Precision::Day { ' ' } else { '~' }),
        None => (String::new(), '?'),
    }
}

pub fn render(m: &Model, t: &Theme, area: Rect, buf: &mut Buffer) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let focused = m.focus == Focus::List;
    // events count as happenings: reports of one are one row
    let (total, reports) = m.store().map_or((0, 0), |s| (s.happenings_total(), s.events().len()));
    let reports = if reports > total { format!(" ({reports} reports)") } else { String::new() };
    let n = m.results.len();
    let found = n - m.results.report_rows.min(n);
    let sort = match (m.query.sort.unwrap_or(m.sort), m.query.words.is_empty()) {
        (Sort::Relevance, true) => "newest first",
        (Sort::Relevance, false) => "best match",
        (Sort::Newest, _) => "newest first",
        (Sort::Oldest, _) => "oldest first",
        (Sort::Casualties, _) => "most casualties",
    };
    let busy = if m.searching { " …" } else { "" };
    let counts = match (&m.store, &m.load_error) {
        (Some(_), _) => format!("{found} of {total} events{reports} · {sort}{busy} "),
        (None, Some(_)) => "nothing loaded ".to_string(),
        (None, None) => "loading… ".to_string(),
    };
    let title = Line::from(vec![Span::styled(" Events ", title_style(t, focused)), Span::styled(counts, t.dim)]);
    block(t, focused).title(title).render(area, buf);
    let li = inner(area);
    let Some(store) = m.store() else {
        return;
    };
    let (card, rows) = list_split(m, li);
    render_card(m, store, t, card, buf);
    if n == 0 {
        let msg = if m.searching {
            "searching…"
        } else if m.query.is_empty() && m.timeline.window().is_none() {
            "no events were extracted"
        } else {
            "no events match · u goes back · X clears the filters"
        };
        put(buf, rows, rows.y, &Line::styled(format!(" {msg}"), t.dim));
        return;
    }
    // short dates (MM-DD) on narrow lists, when the corpus's days are all in one year
    let one_year = store.day_range().is_none_or(|(a, b)| a.year() == b.year());
    let short = rows.width < 70 && one_year;
    for (i, row) in (m.list.offset..n).take(rows.height as usize).enumerate() {
        let Some(hit) = m.results.get(row) else {
            break;
        };
        let y = rows.y + i as u16;
        // positions only for the rows on screen (the search ranks without them)
        let matched = store.match_positions(hit.event, &m.query.words);
        let mark = match &m.workspace {
            Some(w) if w.flagged.contains(&hit.event) => "⚑",
            Some(w) if store.event(hit.event).is_some_and(|e| w.notes_on(hit.event, e.article).next().is_some()) => "✎",
            _ => " ",
        };
        // the column only where some event has several reports
        let sources = if store.merged_happenings() == 0 {
            Sources::None
        } else if m.results.is_report_row(store, row) {
            Sources::Report
        } else {
            Sources::Count(store.sources(hit.event))
        };
        let line = row_line(store, hit, &matched, mark, sources, t, rows.width as usize, short);
        put(buf, rows, y, &line);
        if row == m.list.selected {
            let st = if focused { t.selection } else { t.selection_unfocused };
            super::text::highlight(buf, Rect::new(rows.x, y, rows.width, 1), st);
        }
    }
}

/// The width of a count cell: four digits and the mark ("6000k").
const COUNT_W: usize = 5;

/// A count in at most four characters: as it is below 10,000, then in thousands ("12K"),
/// millions ("3M") or billions ("4G"), rounded down (the exact figure is in the CLI).
fn compact(n: u32) -> String {
    match n {
        0..=9_999 => n.to_string(),
        10_000..=999_999 => format!("{}K", n / 1000),
        1_000_000..=999_999_999 => format!("{}M", n / 1_000_000),
        _ => format!("{}G", n / 1_000_000_000),
    }
}

/// The column saying how many articles report a row's happening.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sources {
    /// A happening with this many sources (`×3`; blank for one).
    Count(u32),
    /// One of the reports listed under an expanded happening (`└`).
    Report,
    /// No column: no event of the corpus has several reports.
    None,
}

impl Sources {
    /// Three columns: `×3 `, `×99`, ` └ ` or blank (none at all for `None`).
    fn cell(self) -> String {
        match self {
            Sources::None => String::new(),
            Sources::Count(0 | 1) => "   ".into(),
            Sources::Count(n @ 2..=99) => format!("×{n:<2}"),
            Sources::Count(_) => "×99".into(),
            Sources::Report => " └ ".into(),
        }
    }
}

/// One list row; `matched` are the free words' positions in the event's search key;
/// `flag` is one column saying the event is flagged (`⚑`) or has a note (`✎`); `sources`
/// three more saying how many articles report it.
#[allow(clippy::too_many_arguments)]
pub fn row_line(
    store: &Store,
    hit: &Hit,
    matched: &[u32],
    flag: &'static str,
    sources: Sources,
    t: &Theme,
    w: usize,
    short: bool,
) -> Line<'static> {
    let Some(e) = store.event(hit.event) else {
        return Line::default();
    };
    let (date, mark) = date_cell(e, short);
    let date_w = if short { 5 } else { 10 };
    let place_w = if w >= 100 {
        18
    } else if w >= 70 {
        14
    } else {
        11
    };
    let mut spans = vec![
        Span::styled(pad(&date, date_w), t.dim),
        Span::styled(mark.to_string(), t.info),
        Span::raw(" "),
        Span::styled(e.kind.info().badge, t.kind(e.kind).add_modifier(ratatui::style::Modifier::BOLD)),
        // who says so, at a glance: `*` claimed by a party, `!` disputed
        Span::styled(super::card::status_mark(e.status), t.info),
        Span::styled(sources.cell(), t.info),
    ];
    let (place_marks, text_marks) = store.split_matches(hit.event, matched);
    let place = clean(store.place_label(hit.event));
    let (ps, pw) = marked(&place, &place_marks, Style::default(), t.matched, place_w);
    spans.extend(ps);
    spans.push(Span::raw(" ".repeat(place_w - pw + 1)));
    let k = e.killed.map(|k| format!("{}k", compact(k))).unwrap_or_default();
    let inj = e.injured.map(|i| format!("{}i", compact(i))).unwrap_or_default();
    spans.push(Span::styled(rpad(&k, COUNT_W), t.killed));
    spans.push(Span::raw(" "));
    spans.push(Span::styled(rpad(&inj, COUNT_W), t.injured));
    spans.push(Span::styled(flag, t.key));
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    let text = clean(store.event_text(hit.event));
    let (ts, _) = marked(&text, &text_marks, Style::default(), t.matched, w.saturating_sub(used));
    spans.extend(ts);
    Line::from(spans)
}

fn render_card(m: &Model, store: &Store, t: &Theme, area: Rect, buf: &mut Buffer) {
    if area.height == 0 {
        return;
    }
    let Some(card) = &m.card else {
        return;
    };
    let pos = card.entity;
    let Some(ent) = store.entity_at(pos) else {
        return;
    };
    let arts = &card.articles;
    let mentions: u32 = arts.iter().map(|(_, c)| c).sum();
    let events = store.events_of_entity(pos).len();
    let head = Line::from(vec![
        Span::styled(format!(" {} ", ent.name), t.entity(ent.kind).add_modifier(ratatui::style::Modifier::BOLD)),
        Span::styled(
            format!("· {} · {events} events · {mentions} mentions in {} articles", ent.kind.as_str(), arts.len()),
            t.dim,
        ),
    ]);
    put(buf, area, area.y, &head);
    let lines = (area.height as usize).saturating_sub(1);
    for (i, (a, c)) in arts.iter().take(lines).enumerate() {
        let y = area.y + 1 + i as u16;
        let last = i + 1 == lines && arts.len() > lines;
        let line = if last {
            Line::styled(format!("   … and {} more articles", arts.len() - i), t.dim)
        } else {
            let art = store.article(*a);
            let title = art.map(|a| clean(&a.title)).unwrap_or_default();
            let date = art.and_then(|a| a.published).map(|d| format!(" {d}")).unwrap_or_default();
            Line::from(vec![
                Span::styled(format!("  {c:>3}× "), t.info),
                Span::styled(format!("{}{date} · ", store.source_label(*a)), t.dim),
                Span::raw(title),
            ])
        };
        put(buf, area, y, &line);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn compact_counts_fit_four_characters() {
        for (n, s) in
            [(0, "0"), (9_999, "9999"), (10_000, "10K"), (999_999, "999K"), (1_000_000, "1M"), (u32::MAX, "4G")]
        {
            assert_eq!(super::compact(n), s);
        }
    }
}
