//! The articles pane's state: every article by outlet, newest first, which of them the
//! reader has shown, and its keys (move, Enter lists an article's events).

use crate::store::Store;

use super::super::action::Action;
use super::super::layout::{self, Areas};
use super::super::model::{Effect, Focus, Model};
use super::Hints;

/// What the status line shows while this pane has the focus.
pub(in crate::tui) const HINTS: Hints = {
    use Action::*;
    &[(&[Down, Up], "move"), (&[Open], "its events"), (&[Back], "reader"), (&[Help], "help")]
};

/// Article indices by outlet (as the list labels it), then newest first, then title.
pub(in crate::tui) fn order(store: &Store) -> Vec<u32> {
    let mut order: Vec<u32> = (0..store.articles().len() as u32).collect();
    let label = |i: u32| crate::extract::fold::fold(store.source_label(i));
    let labels: Vec<String> = order.iter().map(|&i| label(i)).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&store.articles()[a as usize], &store.articles()[b as usize]);
        labels[a as usize].cmp(&labels[b as usize]).then(y.published.cmp(&x.published)).then(x.title.cmp(&y.title))
    });
    order
}

/// A new store: the order again, staying on the same article where it still exists.
pub(in crate::tui) fn reset(m: &mut Model, store: &Store, old: Option<&Store>) {
    let was = m.articles.order.get(m.articles.selected).and_then(|&i| old?.article(i)).map(|a| a.id.clone());
    m.articles.order = order(store);
    m.articles.selected = was
        .and_then(|id| store.find_article(&id))
        .and_then(|i| m.articles.order.iter().position(|&x| x == i))
        .unwrap_or(0);
}

/// After any update: the order is made for this store, the selection in range and in
/// view, and the article the reader shows is read (returned when it was not before).
pub(in crate::tui) fn sync(m: &mut Model, store: &Store, a: &Areas) -> Option<u32> {
    if m.articles.order.len() != store.articles().len() {
        reset(m, store, None);
    }
    let n = m.articles.order.len();
    m.articles.selected = m.articles.selected.min(n.saturating_sub(1));
    let h = a.article_rows.height.max(1) as usize;
    m.articles.offset = layout::keep_visible(m.articles.offset, m.articles.selected, h);
    let art = m.reader.article?;
    m.articles.read.insert(art).then_some(art)
}

pub(in crate::tui) fn action(m: &mut Model, a: Action, fx: &mut Vec<Effect>) {
    let page = layout::areas(m).article_rows.height.max(1) as usize;
    let n = m.articles.order.len();
    let last = n.saturating_sub(1);
    let s = &mut m.articles.selected;
    match a {
        Action::Down => *s = (*s + 1).min(last),
        Action::Up => *s = s.saturating_sub(1),
        Action::Top => *s = 0,
        Action::Bottom => *s = last,
        Action::PageDown => *s = (*s + page).min(last),
        Action::PageUp => *s = s.saturating_sub(page),
        Action::HalfPageDown => *s = (*s + page / 2).min(last),
        Action::HalfPageUp => *s = s.saturating_sub(page / 2),
        Action::Back => m.focus = Focus::Reader,
        Action::Open => open(m, fx),
        _ => {}
    }
}

/// Enter: the list shows the selected article's events (its id in an `article=` term).
fn open(m: &mut Model, fx: &mut Vec<Effect>) {
    let Some(store) = m.store.clone() else {
        return;
    };
    let Some(&i) = m.articles.order.get(m.articles.selected) else {
        return;
    };
    let Some(art) = store.article(i) else {
        return;
    };
    let title = crate::printable::one_line(&art.title).into_owned();
    if store.events_of_article(i).is_empty() {
        m.info(format!("no events were extracted from “{title}”"));
        return;
    }
    if art.id.contains('"') {
        m.info("this article's id holds a quote and cannot be written as a query");
        return;
    }
    m.undo.push(m.query_text.clone());
    m.timeline.clear();
    super::super::update::set_query(m, &format!("article=\"{}\"", art.id), fx);
    m.focus = Focus::List;
    m.info(format!("the events of “{title}” · u goes back"));
}
