//! The reader: the selected event's article with a header, entity mentions in their kind's
//! colour, the event's sentence marked in the gutter and emphasised. Draws only the visible
//! lines of the wrap cached in the model.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::store::{ArticleMention, url_domain};

use super::super::layout::{GUTTER, inner, reader_split};
use super::super::model::{Focus, Model};
use super::super::theme::Theme;
use super::super::wrap::WLine;
use super::text::{clean, fit, put};
use super::{block, title_style};

pub fn render(m: &Model, t: &Theme, area: Rect, buf: &mut Buffer) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let focused = m.focus == Focus::Reader;
    let store = m.store();
    let art = m.reader.article.and_then(|a| store.and_then(|s| s.article(a)));
    let pos = if m.reader.lines.is_empty() {
        String::new()
    } else {
        let h = reader_split(inner(area)).1.height as usize;
        let last = (m.reader.scroll + h).min(m.reader.lines.len());
        format!("{}-{} of {} ", m.reader.scroll + 1, last, m.reader.lines.len())
    };
    let title = Line::from(vec![Span::styled(" Reader ", title_style(t, focused)), Span::styled(pos, t.dim)]);
    block(t, focused).title(title).render(area, buf);
    let (head, text) = reader_split(inner(area));
    let (Some(store), Some(art)) = (store, art) else {
        if head.height > 0 {
            put(buf, head, head.y, &Line::styled(" select an event to read its article", t.dim));
        }
        return;
    };
    // header
    if head.height > 0 {
        put(buf, head, head.y, &Line::styled(fit(&clean(&art.title), head.width as usize), t.header));
    }
    // opened from an event other articles report too: which (on the rule's line, or instead
    // of the URL where the header has no third line)
    let others = m.reader.event.map(|e| also_reported(store, e)).unwrap_or_default();
    if head.height >= 2 {
        let mut meta = Vec::new();
        if let Some(s) = &art.source {
            meta.push(s.clone());
        }
        meta.push(match art.published {
            Some(d) => d.to_string(),
            None => "date unknown".into(),
        });
        match &art.url {
            _ if head.height < 3 && !others.is_empty() => meta.push(format!("also reported by {others}")),
            Some(u) => meta.push(u.clone()),
            None => meta.push(art.file.clone()),
        }
        if art.source.is_none()
            && let Some(u) = &art.url
        {
            meta[0] = url_domain(u).to_string() + " · " + &meta[0];
        }
        put(buf, head, head.y + 1, &Line::styled(fit(&clean(&meta.join(" · ")), head.width as usize), t.dim));
    }
    if head.height >= 3 {
        let w = head.width as usize;
        let line = if others.is_empty() {
            Line::styled("─".repeat(w), t.border)
        } else {
            let text = fit(&clean(&format!("also reported by {others} (i lists the reports) ")), w);
            let fill = w.saturating_sub(super::text::width(&text));
            Line::from(vec![Span::styled(text, t.info), Span::styled("─".repeat(fill), t.border)])
        };
        put(buf, head, head.y + 2, &line);
    }
    if text.width <= GUTTER || text.height == 0 {
        return;
    }
    let a_idx = m.reader.article.unwrap_or(0);
    let mentions = store.mentions_in(a_idx);
    let event = m.reader.event.and_then(|e| store.event(e));
    let ev_span = event.map(|e| (e.body().start, e.body().end));
    let ev_style = event.map_or(Style::default(), |e| t.kind(e.kind));
    let current = m.reader.mention.and_then(|i| mentions.get(i)).copied();
    let body = &art.body;
    let tw = (text.width - GUTTER) as usize;
    for (i, l) in m.reader.lines.iter().skip(m.reader.scroll).take(text.height as usize).enumerate() {
        let y = text.y + i as u16;
        let in_event = ev_span.is_some_and(|(s, e)| l.start < e && l.end > s);
        if in_event {
            buf.set_string(text.x, y, "▌", ev_style);
        }
        let line = styled_line(body, *l, mentions, ev_span, current, store, t);
        buf.set_line(text.x + GUTTER, y, &line, tw as u16);
    }
}

/// The other articles reporting an event's happening, first report first: `Reuters
/// 2026-02-04, kyivindependent.com 2026-02-05`; empty when no other article reports it.
fn also_reported(store: &crate::store::Store, id: crate::extract::EventId) -> String {
    let Some(own) = store.event(id).map(|e| e.article) else {
        return String::new();
    };
    let mut seen = vec![own];
    let mut out: Vec<String> = Vec::new();
    for r in store.reports_in_order(id) {
        let Some(a) = store.event(r).map(|e| e.article) else { continue };
        if seen.contains(&a) {
            continue;
        }
        seen.push(a);
        let date = store.article(a).and_then(|x| x.published).map(|d| format!(" {d}")).unwrap_or_default();
        out.push(format!("{}{date}", store.source_label(a)));
    }
    out.join(", ")
}

/// One wrapped line, cut at mention and sentence edges and styled.
fn styled_line(
    body: &str,
    l: WLine,
    mentions: &[ArticleMention],
    ev: Option<(usize, usize)>,
    current: Option<ArticleMention>,
    store: &crate::store::Store,
    t: &Theme,
) -> Line<'static> {
    if l.start >= l.end || l.end > body.len() {
        return Line::default();
    }
    // cut points
    let mut cuts = vec![l.start, l.end];
    let first = mentions.partition_point(|m| m.body().end <= l.start);
    let here: Vec<&ArticleMention> = mentions[first..].iter().take_while(|m| m.body().start < l.end).collect();
    for m in &here {
        cuts.push(m.body().start.clamp(l.start, l.end));
        cuts.push(m.body().end.clamp(l.start, l.end));
    }
    if let Some((s, e)) = ev {
        cuts.push(s.clamp(l.start, l.end));
        cuts.push(e.clamp(l.start, l.end));
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut spans = Vec::new();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        if a >= b || !body.is_char_boundary(a) || !body.is_char_boundary(b) {
            continue;
        }
        let mut st = Style::default();
        if ev.is_some_and(|(s, e)| a >= s && b <= e) {
            st = st.patch(t.sentence);
        }
        if let Some(m) = here.iter().find(|m| a >= m.body().start && b <= m.body().end) {
            if let Some(ent) = store.entity_at(m.entity) {
                st = st.patch(t.entity(ent.kind));
            }
            if current.is_some_and(|c| c == **m) {
                st = st.patch(t.mention_current);
            }
        }
        spans.push(Span::styled(clean(&body[a..b]), st));
    }
    Line::from(spans)
}

/// The entity side list: the article's entities with mention counts.
pub fn render_entities(m: &Model, t: &Theme, area: Rect, buf: &mut Buffer) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let focused = m.focus == Focus::Entities;
    let store = m.store();
    let list = &m.reader.entities;
    let title = Line::from(vec![
        Span::styled(" Entities ", title_style(t, focused)),
        Span::styled(format!("{} ", list.len()), t.dim),
    ]);
    block(t, focused).title(title).render(area, buf);
    let rows = inner(area);
    let Some(store) = store else {
        return;
    };
    let w = rows.width as usize;
    for (i, &(pos, count)) in list.iter().skip(m.reader.entity_offset).take(rows.height as usize).enumerate() {
        let Some(ent) = store.entity_at(pos) else {
            continue;
        };
        let y = rows.y + i as u16;
        let c = format!(" {count}");
        let name_w = w.saturating_sub(c.len());
        let line = Line::from(vec![
            Span::styled(super::text::pad(&clean(&ent.name), name_w), t.entity(ent.kind)),
            Span::styled(c, t.dim),
        ]);
        put(buf, rows, y, &line);
        if m.reader.entity_offset + i == m.reader.entity_sel && (focused || m.focus == Focus::Reader) {
            let st = if focused { t.selection } else { t.selection_unfocused };
            buf.set_style(Rect::new(rows.x, y, rows.width, 1), st);
        }
    }
}
