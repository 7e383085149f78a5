//! The reader's keys: scroll, step through entity mentions, filter the list to one.

use super::super::action::Action;
use super::super::layout::{self, Areas};
use super::super::model::{Effect, Focus, Model};
use super::super::update::set_query;
use super::Hints;

/// What the status line shows while this pane has the focus.
pub(in crate::tui) const HINTS: Hints = {
    use Action::*;
    &[
        (&[Down, Up], "scroll"),
        (&[NextMention, PrevMention], "mention"),
        (&[Open], "filter to it"),
        (&[FocusEntities], "entities"),
        (&[Back], "list"),
        (&[Help], "help"),
    ]
};

pub(in crate::tui) fn text_height(a: &Areas) -> usize {
    a.text.height as usize
}

pub(in crate::tui) fn max_scroll(m: &Model, a: &Areas) -> usize {
    m.reader.lines.len().saturating_sub(text_height(a))
}

/// The wrapped line holding a body byte.
pub(in crate::tui) fn line_of(m: &Model, byte: usize) -> usize {
    m.reader.lines.partition_point(|l| l.start <= byte).saturating_sub(1)
}

pub(in crate::tui) fn scroll_into_view(m: &mut Model, line: usize) {
    let a = layout::areas(m);
    let h = text_height(&a).max(1);
    if line < m.reader.scroll || line >= m.reader.scroll + h {
        m.reader.scroll = line.saturating_sub(h / 3).min(max_scroll(m, &a));
    }
}

pub(in crate::tui) fn action(m: &mut Model, a: Action, fx: &mut Vec<Effect>) {
    let ar = layout::areas(m);
    let h = text_height(&ar).max(1);
    let max = max_scroll(m, &ar);
    let r = &mut m.reader;
    match a {
        Action::Down => r.scroll = (r.scroll + 1).min(max),
        Action::Up => r.scroll = r.scroll.saturating_sub(1),
        Action::PageDown => r.scroll = (r.scroll + h.saturating_sub(1).max(1)).min(max),
        Action::PageUp => r.scroll = r.scroll.saturating_sub(h.saturating_sub(1).max(1)),
        Action::HalfPageDown => r.scroll = (r.scroll + h / 2).min(max),
        Action::HalfPageUp => r.scroll = r.scroll.saturating_sub(h / 2),
        Action::Top => r.scroll = 0,
        Action::Bottom => r.scroll = max,
        Action::NextMention => jump_mention(m, true, None),
        Action::PrevMention => jump_mention(m, false, None),
        Action::Open => match current_mention_entity(m) {
            Some(e) => filter_to_entity(m, e, fx),
            None => m.info("n / N picks an entity mention, then Enter filters the list to it"),
        },
        Action::Back => m.focus = Focus::List,
        _ => {}
    }
}

pub(in crate::tui) fn current_mention_entity(m: &Model) -> Option<u32> {
    let store = m.store()?;
    let art = m.reader.article?;
    let i = m.reader.mention?;
    store.mentions_in(art).get(i).map(|x| x.entity)
}

/// Move the mention cursor to the next (or previous) mention, of one entity if given.
pub(in crate::tui) fn jump_mention(m: &mut Model, forward: bool, only: Option<u32>) {
    let Some(store) = m.store.clone() else {
        return;
    };
    let Some(art) = m.reader.article else {
        return;
    };
    let ms = store.mentions_in(art);
    let ok = |i: usize| only.is_none_or(|e| ms[i].entity == e);
    let found = match (m.reader.mention, forward) {
        (Some(i), true) => (i + 1..ms.len()).find(|&j| ok(j)),
        (Some(i), false) => (0..i.min(ms.len())).rev().find(|&j| ok(j)),
        (None, true) => {
            let top = m.reader.lines.get(m.reader.scroll).map_or(0, |l| l.start);
            (0..ms.len()).find(|&j| ok(j) && ms[j].body().start >= top).or_else(|| (0..ms.len()).find(|&j| ok(j)))
        }
        (None, false) => (0..ms.len()).rev().find(|&j| ok(j)),
    };
    let Some(j) = found else {
        m.info(if ms.is_empty() {
            "no entity is marked in this article"
        } else if forward {
            "no more mentions below"
        } else {
            "no more mentions above"
        });
        return;
    };
    select_mention(m, j);
}

/// Put the mention cursor on mention `j` of the article: scroll it into view, select its
/// entity in the side list, say what it is.
pub(in crate::tui) fn select_mention(m: &mut Model, j: usize) {
    let Some(store) = m.store.clone() else {
        return;
    };
    let Some(art) = m.reader.article else {
        return;
    };
    let ms = store.mentions_in(art);
    let Some(mention) = ms.get(j) else {
        return;
    };
    m.reader.mention = Some(j);
    let line = line_of(m, mention.body().start);
    scroll_into_view(m, line);
    let ent = mention.entity;
    if let Some(row) = m.reader.entities.iter().position(|(e, _)| *e == ent) {
        m.reader.entity_sel = row;
    }
    if let Some(e) = store.entity_at(ent) {
        let nth = ms[..=j].iter().filter(|x| x.entity == ent).count();
        let total = ms.iter().filter(|x| x.entity == ent).count();
        m.info(format!(
            "{} · {} · mention {nth} of {total} here · Enter lists every event naming it",
            e.name,
            e.kind.as_str()
        ));
    }
}

/// Filter the list to events naming an entity (and show the articles that name it).
pub(in crate::tui) fn filter_to_entity(m: &mut Model, pos: u32, fx: &mut Vec<Effect>) {
    let Some(name) = m.store().and_then(|s| s.entity_at(pos)).map(|e| e.name.replace('"', "")) else {
        return;
    };
    if !m.query_text.is_empty() {
        m.undo.push(m.query_text.clone());
    } else {
        m.undo.push(String::new());
    }
    m.timeline.clear();
    set_query(m, &format!("entity=\"{name}\""), fx);
    m.focus = Focus::List;
    m.selected_event = None;
    m.list.selected = 0;
    m.info(format!("events naming {name} · u goes back"));
}
