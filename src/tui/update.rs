//! The one writer: `update(model, msg)` changes the model and returns effects for the runtime
//! (start a search, switch the mouse, redraw). Keys go through the keymap into [`Action`]s.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

use std::sync::Arc;

use crate::extract::EventId;
use crate::store::{Query, SearchRequest, Store};

use super::action::Action;
use super::keymap::{Chord, Context};
use super::layout::{self, Areas};
use super::model::{Effect, Focus, Input, Model, Msg, Prompt, ReaderState, Signal};
use super::panes::list::{reselect, select};
use super::panes::reader::{filter_to_entity, line_of, max_scroll, select_mention, text_height};
use super::timeline::TimelineState;
use super::wrap;

/// Start with the query given on the command line (`--query`); one that does not parse is
/// an error in the status line, and the browser opens on all events.
pub fn open_with_query(m: &mut Model, q: &str) {
    match Query::parse(q) {
        Ok(parsed) => {
            m.query = parsed;
            m.query_text = q.to_string();
        }
        Err(e) => m.error(format!("query: {e}")),
    }
}

pub fn update(m: &mut Model, msg: Msg) -> Vec<Effect> {
    let mut fx = Vec::new();
    // What cannot change the screen does not make it drawn again: the pointer moving or
    // dragging (nothing reacts to either), any mouse report while the mouse is off, and
    // results of a search that was replaced.
    let quiet = match &msg {
        Msg::Mouse(e) => !m.mouse || matches!(e.kind, MouseEventKind::Moved | MouseEventKind::Drag(_)),
        Msg::Results(out) => out.generation != m.generation,
        _ => false,
    };
    if quiet {
        return fx;
    }
    m.dirty = true;
    match msg {
        Msg::Key(k) => on_key(m, k, &mut fx),
        Msg::Mouse(e) => {
            if m.mouse {
                on_mouse(m, e, &mut fx);
            }
        }
        Msg::Resize(w, h) => m.size = (w, h),
        Msg::Paste(s) => {
            if m.input.is_some() {
                // one more than fits is enough for `insert` to say the rest was left out
                let clean: String = s.chars().take(MAX_QUERY_CHARS + 1).collect();
                insert(m, &crate::printable::one_line(&clean), &mut fx);
            }
        }
        Msg::Progress(mut p) => match (p.note.take(), p.said.take()) {
            (Some(note), _) => m.load_notes.push(note),
            (None, Some(said)) => m.load_said = Some(said),
            (None, None) => m.progress = Some(p),
        },
        Msg::Loaded(Ok(store)) => {
            // The watch may have rebuilt the store before the first load was done: the
            // newer one is shown.
            let store = m.pending.take().map_or(store, |(newer, _)| newer);
            m.timeline = TimelineState::new(store.day_range());
            m.store = Some(store);
            m.progress = None;
            if let Some(first) = m.load_notes.first() {
                let n = m.load_notes.len();
                let note = match m.status.as_ref().filter(|s| s.error) {
                    // An error from the start (a bad --query, keymap.toml) stays in view,
                    // with the number of files skipped.
                    Some(earlier) => format!("{} · skipped {n} file{}", earlier.text, if n == 1 { "" } else { "s" }),
                    None if n > 1 => format!("skipped {first} (and {} more)", n - 1),
                    None => format!("skipped {first}"),
                };
                m.error(note);
            } else if let Some(said) = m.load_said.take()
                && m.status.is_none()
            {
                m.status = Some(super::model::Status { text: said, error: false });
            }
            request_search(m, &mut fx);
        }
        Msg::Reloaded(store, changes) => {
            // Shown once its first results are in (the list's event ids are the old store's
            // until then).
            m.pending = Some((store, changes));
            // cluster ids are the old store's
            m.expanded = None;
            request_search(m, &mut fx);
            // (Before the first load is done, the load takes it.)
        }
        Msg::Loaded(Err(e)) => {
            m.progress = None;
            m.load_error = Some(e);
        }
        Msg::Signal(Signal::End(n)) => {
            m.ended_by = Some(n);
            m.quit = true;
        }
        Msg::Signal(Signal::Suspend) => fx.push(Effect::Suspend),
        Msg::Signal(Signal::Resume) => fx.push(Effect::Resume),
        Msg::TerminalGone => {
            m.terminal_gone = true;
            m.quit = true;
        }
        Msg::Said(st) => m.status = Some(st),
        Msg::Workspace(view) => {
            m.articles.read.extend(view.read.iter().copied());
            m.workspace = Some(view);
        }
        Msg::Failed(e) => {
            m.searching = false;
            if let Some((store, changes)) = m.pending.take() {
                reloaded(m, store, changes);
                m.results = crate::store::SearchOutput::empty();
            }
            m.error(e);
        }
        Msg::Results(out) => {
            if out.generation == m.generation {
                if let Some((store, changes)) = m.pending.take() {
                    reloaded(m, store, changes);
                }
                m.results = out;
                m.searching = false;
                if std::mem::take(&mut m.to_top) {
                    // A new query: its best rows first, not the old selection part-way down.
                    select(m, 0);
                    m.list.offset = 0;
                } else {
                    reselect(m);
                }
            }
        }
    }
    sync(m, &mut fx);
    fx
}

/// The watched files changed and the rebuilt store's first results are in: take the store,
/// staying on the same event, article and scroll position where they still exist, and say
/// what changed.
fn reloaded(m: &mut Model, store: Arc<Store>, changes: crate::corpus::Changes) {
    let old = m.store.replace(Arc::clone(&store));
    let (mut new_articles, mut gone) = (0usize, 0usize);
    if let Some(old) = &old {
        let before: std::collections::HashSet<&str> = old.articles().iter().map(|a| a.id.as_str()).collect();
        let after: std::collections::HashSet<&str> = store.articles().iter().map(|a| a.id.as_str()).collect();
        new_articles = after.difference(&before).count();
        gone = before.difference(&after).count();
        let remap = |e: Option<EventId>| e.and_then(|e| old.event_key(e)).and_then(|k| store.find_event(&k));
        m.selected_event = remap(m.selected_event);
        m.reader.event = remap(m.reader.event);
        m.reader.article = m.reader.article.and_then(|a| old.article(a)).and_then(|a| store.find_article(&a.id));
        m.reader.mention = None;
        m.reader.wrap_width = 0; // wrap again, keeping the line on top
        let read = std::mem::take(&mut m.articles.read);
        m.articles.read =
            read.into_iter().filter_map(|a| old.article(a)).filter_map(|a| store.find_article(&a.id)).collect();
        super::panes::articles::reset(m, &store, Some(old));
        // The workspace's marks name the old store's events: none until the runtime places
        // them in the new one (right after this update), rather than marks on wrong rows.
        if let Some(w) = &mut m.workspace {
            w.flagged.clear();
            w.read.clear();
            w.notes.iter_mut().for_each(|n| n.on = None);
        }
        if old.day_range() != store.day_range() {
            m.timeline.rebuild(store.day_range());
        }
    }
    let mut what = Vec::new();
    if new_articles > 0 {
        what.push(format!("{new_articles} new article{}", if new_articles == 1 { "" } else { "s" }));
    }
    if gone > 0 {
        what.push(format!("{gone} article{} gone", if gone == 1 { "" } else { "s" }));
    }
    if what.is_empty() {
        what.push(format!("updated ({})", changes.describe()));
    }
    m.info(what.join(", "));
}

fn ctrl_c(k: &KeyEvent) -> bool {
    k.modifiers.contains(KeyModifiers::CONTROL) && matches!(k.code, KeyCode::Char('c' | 'C'))
}

fn on_key(m: &mut Model, k: KeyEvent, fx: &mut Vec<Effect>) {
    if ctrl_c(&k) {
        m.quit = true;
        return;
    }
    let chord = Chord::from_event(&k);
    if m.help.is_some() {
        match m.keymap.lookup(Context::Help, chord) {
            Some(Action::Suspend) => act(m, Action::Suspend, fx),
            Some(a) => help_action(m, a),
            None => {}
        }
        return;
    }
    // an overlay takes every key but Ctrl-z, and says so for one it does not know
    type Handler = fn(&mut Model, Action, &mut Vec<Effect>);
    let overlay: Option<(Context, Handler, &str)> = if m.picker.is_some() {
        Some((Context::Picker, super::outward::picker_action, "in this list"))
    } else if m.event_card.is_some() {
        Some((Context::Card, super::outward::card_action, "in the card"))
    } else {
        None
    };
    if let Some((ctx, handle, place)) = overlay {
        match m.keymap.lookup(ctx, chord) {
            Some(Action::Suspend) => act(m, Action::Suspend, fx),
            Some(a) => handle(m, a, fx),
            None => m.info(format!("{} does nothing {place} · Esc closes it", chord.label())),
        }
        return;
    }
    if m.input.is_some() {
        if let Some(a) = m.keymap.lookup(Context::Input, chord) {
            if a == Action::Suspend {
                act(m, a, fx);
            } else if a == Action::Complete {
                super::outward::complete(m);
            } else if a == Action::Accept && m.input.as_ref().is_some_and(|i| i.prompt == Prompt::Command) {
                super::outward::run_command_line(m, fx);
            } else {
                input_action(m, a, fx);
            }
        } else if let KeyCode::Char(c) = k.code
            && !k.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
        {
            insert(m, c.encode_utf8(&mut [0; 4]), fx);
        }
        return;
    }
    let ctx = m.focus.context();
    let action = m.keymap.lookup(ctx, chord).or_else(|| m.keymap.lookup(Context::Global, chord));
    let Some(a) = action else {
        // Say so, rather than nothing (but for modifier-only and such).
        if !matches!(k.code, KeyCode::Modifier(_) | KeyCode::Null) {
            m.info(format!("{} does nothing here · ? lists the keys", chord.label()));
        }
        return;
    };
    m.status = None;
    if m.store.is_none()
        && !matches!(a, Action::Quit | Action::Help | Action::Redraw | Action::Suspend | Action::Command)
    {
        return;
    }
    act(m, a, fx);
}

/// Run an action in the focused pane (also what mouse handling and tests call).
pub fn act(m: &mut Model, a: Action, fx: &mut Vec<Effect>) {
    use Action::*;
    match a {
        None => {}
        Quit => m.quit = true,
        Help => m.help = Some(0),
        FocusNext => m.focus = cycle(m, true),
        FocusPrev => m.focus = cycle(m, false),
        FocusTimeline => m.focus = Focus::Timeline,
        FocusList => m.focus = Focus::List,
        FocusReader => m.focus = Focus::Reader,
        ToggleMap => super::panes::map::toggle(m),
        FocusArticles => {
            m.focus = Focus::Articles;
            if layout::areas(m).articles.width == 0 {
                m.focus = Focus::List;
                m.info("the window is too narrow for the articles");
            }
        }
        FocusEntities => {
            if layout::areas(m).entities.width > 0 {
                m.focus = Focus::Entities;
            } else {
                m.info("the window is too narrow for the entity list");
            }
        }
        Search => {
            m.input = Some(Input {
                prompt: Prompt::Query,
                text: m.query_text.clone(),
                cursor: m.query_text.len(),
                before: m.query_text.clone(),
                history_pos: Option::None,
            });
            m.query_error = Option::None;
        }
        UndoFilter => match m.undo.pop() {
            Some(prev) => {
                set_query(m, &prev, fx);
                m.info(if prev.is_empty() { "back to all events".to_string() } else { format!("back to: {prev}") });
            }
            Option::None => m.info("nothing to undo"),
        },
        ClearFilters => {
            if !m.query_text.is_empty() {
                m.undo.push(m.query_text.clone());
            }
            m.timeline.clear();
            set_query(m, "", fx);
            m.info("filters cleared (u undoes)");
        }
        Sort => {
            m.sort = m.sort.next();
            // Without free words best match is newest first: skip to a sort that changes the list.
            if m.sort == crate::store::Sort::Newest && m.query.words.is_empty() {
                m.sort = m.sort.next();
            }
            request_search(m, fx);
            let words = !m.query.words.is_empty();
            m.info(format!(
                "sorted by {}",
                match m.sort {
                    crate::store::Sort::Relevance if !words => "relevance (newest first without words)",
                    s => s.as_str(),
                }
            ));
        }
        ToggleWatch => {
            m.watching = !m.watching;
            fx.push(Effect::Watch(m.watching));
            m.info(if m.watching { "watching the files for changes" } else { "not watching the files" });
        }
        ToggleMouse => {
            m.mouse = !m.mouse;
            fx.push(Effect::SetMouse(m.mouse));
            m.info(if m.mouse { "mouse on" } else { "mouse off" });
        }
        Redraw => fx.push(Effect::Redraw),
        Suspend => fx.push(Effect::Suspend),
        EventCard => super::outward::open_card(m),
        Copy => super::outward::copy(m, fx),
        Flag => super::outward::toggle_flag(m, fx),
        OpenUrl => super::outward::open_url(m, fx),
        Command => {
            m.input = Some(Input { prompt: Prompt::Command, ..Input::default() });
            m.query_error = Option::None;
        }
        _ => super::panes::act(m, m.focus, a, fx),
    }
}

fn cycle(m: &Model, forward: bool) -> Focus {
    let mut order = vec![Focus::Timeline, Focus::List, if m.map.is_some() { Focus::Map } else { Focus::Reader }];
    let a = layout::areas(m);
    if a.entities.width > 0 || a.articles.width > 0 {
        order.push(Focus::Entities);
        order.push(Focus::Articles);
    }
    let i = order.iter().position(|f| *f == m.focus).unwrap_or(1);
    let n = order.len();
    order[if forward { (i + 1) % n } else { (i + n - 1) % n }]
}

/// The help's hints on the status line.
pub(super) const HELP_HINTS: super::panes::Hints = {
    use Action::*;
    &[(&[Down, Up], "scroll"), (&[Back], "close")]
};

fn help_action(m: &mut Model, a: Action) {
    let Some(scroll) = m.help.as_mut() else {
        return;
    };
    match a {
        Action::Back | Action::Help | Action::Quit => m.help = None,
        Action::Down => *scroll += 1,
        Action::Up => *scroll = scroll.saturating_sub(1),
        Action::PageDown | Action::HalfPageDown => *scroll += 10,
        Action::PageUp | Action::HalfPageUp => *scroll = scroll.saturating_sub(10),
        Action::Top => *scroll = 0,
        Action::Bottom => *scroll = usize::MAX,
        _ => {}
    }
    let max = super::ui::help::max_scroll(&m.keymap, &m.config_problems, Rect::new(0, 0, m.size.0, m.size.1));
    if let Some(s) = m.help.as_mut() {
        *s = (*s).min(max);
    }
}

// ---------------------------------------------------------------- query

/// Ask for a search with the current query, sort and timeline window.
pub fn request_search(m: &mut Model, fx: &mut Vec<Effect>) {
    if m.store.is_none() {
        return;
    }
    if let Some(problem) = m.store.as_ref().and_then(|s| s.query_problem(&m.query)) {
        m.error(problem);
    }
    m.generation += 1;
    m.searching = true;
    fx.push(Effect::Search(SearchRequest {
        generation: m.generation,
        query: m.query.clone(),
        sort: m.query.sort.unwrap_or(m.sort),
        window: m.timeline.window(),
        happenings: true,
        expand: m.expanded,
    }));
}

/// Replace the query in effect (the text must parse; callers build valid text).
pub(super) fn set_query(m: &mut Model, text: &str, fx: &mut Vec<Effect>) {
    match Query::parse(text) {
        Ok(q) => {
            m.query = q;
            m.query_text = text.to_string();
            m.query_error = None;
            m.to_top = true;
            request_search(m, fx);
        }
        Err(e) => m.error(format!("query: {e}")),
    }
}

fn input_changed(m: &mut Model, fx: &mut Vec<Effect>) {
    let Some(inp) = &m.input else {
        return;
    };
    if inp.prompt == Prompt::Command {
        // run on Enter, not on each key
        m.status = None;
        return;
    }
    let text = inp.text.clone();
    match Query::parse(&text) {
        Ok(q) => {
            m.query_error = None;
            m.status = None;
            let same = q.same_filters(&m.query) && q.words == m.query.words && q.sort == m.query.sort;
            m.query = q;
            m.query_text = text;
            if !same {
                m.to_top = true;
                request_search(m, fx);
            }
        }
        Err(e) => {
            m.error(e.message.clone());
            m.query_error = Some(e);
        }
    }
}

/// The longest query line, in characters: a query is a few words and filters, and a longer
/// one (a pasted article) would only be parsed again on every key.
pub const MAX_QUERY_CHARS: usize = 1_000;

/// Type or paste `s` at the cursor, as much of it as the query line holds.
fn insert(m: &mut Model, s: &str, fx: &mut Vec<Effect>) {
    let mut cut_short = false;
    if let Some(inp) = &mut m.input {
        let room = MAX_QUERY_CHARS.saturating_sub(inp.text.chars().count());
        let fits = s.char_indices().nth(room).map_or(s.len(), |(at, _)| at);
        cut_short = fits < s.len();
        inp.text.insert_str(inp.cursor, &s[..fits]);
        inp.cursor += fits;
        inp.history_pos = None;
    }
    input_changed(m, fx);
    if cut_short {
        // (MAX_QUERY_CHARS, written out)
        m.error("the query line holds at most 1,000 characters; the rest was left out");
    }
}

/// The hints while typing a query or a command.
pub(super) const INPUT_HINTS: super::panes::Hints = {
    use Action::*;
    &[(&[Accept], "accept"), (&[Cancel], "cancel"), (&[HistoryPrev], "history"), (&[Complete], "complete")]
};

fn input_action(m: &mut Model, a: Action, fx: &mut Vec<Effect>) {
    let Some(inp) = m.input.as_mut() else {
        return;
    };
    let prev_char = |t: &str, c: usize| t[..c].chars().next_back().map_or(0, char::len_utf8);
    let next_char = |t: &str, c: usize| t[c..].chars().next().map_or(0, char::len_utf8);
    match a {
        Action::Accept => {
            if let Some(e) = &m.query_error {
                let msg = format!("fix the query first: {}", e.message);
                m.error(msg);
                return;
            }
            let before = std::mem::take(&mut inp.before);
            m.input = None;
            let text = m.query_text.trim().to_string();
            if !text.is_empty() && m.history.last() != Some(&text) {
                m.history.push(text);
            }
            if before != m.query_text {
                m.undo.push(before);
            }
            m.focus = Focus::List;
            return;
        }
        Action::Cancel if inp.prompt == Prompt::Command => {
            m.input = None;
            m.status = None;
            return;
        }
        Action::Cancel => {
            let before = std::mem::take(&mut inp.before);
            m.input = None;
            m.query_error = None;
            m.status = None;
            if before != m.query_text {
                set_query(m, &before, fx);
            }
            return;
        }
        Action::DeleteBack => {
            let n = prev_char(&inp.text, inp.cursor);
            inp.cursor -= n;
            inp.text.drain(inp.cursor..inp.cursor + n);
        }
        Action::DeleteForward => {
            let n = next_char(&inp.text, inp.cursor);
            inp.text.drain(inp.cursor..inp.cursor + n);
        }
        Action::DeleteWord => {
            let head = &inp.text[..inp.cursor];
            let trimmed = head.trim_end();
            let start = trimmed
                .rfind(char::is_whitespace)
                .map_or(0, |i| i + trimmed[i..].chars().next().map_or(1, char::len_utf8));
            inp.text.drain(start..inp.cursor);
            inp.cursor = start;
        }
        Action::ClearLine => {
            inp.text.clear();
            inp.cursor = 0;
        }
        Action::CursorLeft => {
            inp.cursor -= prev_char(&inp.text, inp.cursor);
            return;
        }
        Action::CursorRight => {
            inp.cursor += next_char(&inp.text, inp.cursor);
            return;
        }
        Action::CursorHome => {
            inp.cursor = 0;
            return;
        }
        Action::CursorEnd => {
            inp.cursor = inp.text.len();
            return;
        }
        Action::HistoryPrev | Action::HistoryNext => {
            let history = if inp.prompt == Prompt::Command { &m.command_history } else { &m.history };
            if history.is_empty() {
                return;
            }
            let n = history.len();
            let pos = match (inp.history_pos, a) {
                (None, Action::HistoryPrev) => Some(n - 1),
                (None, _) => None,
                (Some(0), Action::HistoryPrev) => Some(0),
                (Some(p), Action::HistoryPrev) => Some(p - 1),
                (Some(p), _) if p + 1 < n => Some(p + 1),
                (Some(_), _) => None,
            };
            inp.history_pos = pos;
            inp.text = match pos {
                Some(p) => history[p].clone(),
                None => inp.before.clone(),
            };
            inp.cursor = inp.text.len();
        }
        _ => return,
    }
    input_changed(m, fx);
}

// ---------------------------------------------------------------- mouse

fn contains(r: Rect, col: u16, row: u16) -> bool {
    r.contains(Position::new(col, row))
}

fn on_mouse(m: &mut Model, e: MouseEvent, fx: &mut Vec<Effect>) {
    if m.store.is_none() {
        return;
    }
    let a = layout::areas(m);
    if a.too_small {
        return;
    }
    let (x, y) = (e.column, e.row);
    let down = match e.kind {
        MouseEventKind::ScrollDown => Some(true),
        MouseEventKind::ScrollUp => Some(false),
        _ => None,
    };
    if let Some(down) = down {
        if m.help.is_some() {
            help_action(m, if down { Action::Down } else { Action::Up });
            return;
        }
        if m.event_card.is_some() {
            super::outward::card_action(m, if down { Action::Down } else { Action::Up }, fx);
            return;
        }
        if m.picker.is_some() {
            super::outward::picker_action(m, if down { Action::Down } else { Action::Up }, fx);
            return;
        }
        // the wheel scrolls the pane under the pointer, wherever the focus is
        let pick = if down { Action::Down } else { Action::Up };
        let (pane, action, times) = if contains(a.list, x, y) {
            (Focus::List, pick, 3)
        } else if contains(a.reader, x, y) {
            (Focus::Reader, pick, 3)
        } else if contains(a.entities, x, y) {
            (Focus::Entities, pick, 3)
        } else if contains(a.articles, x, y) {
            (Focus::Articles, pick, 3)
        } else if contains(a.timeline, x, y) {
            (Focus::Timeline, if down { Action::Right } else { Action::Left }, 1)
        } else {
            return;
        };
        for _ in 0..times {
            super::panes::act(m, pane, action, fx);
        }
        return;
    }
    if e.kind != MouseEventKind::Down(MouseButton::Left) {
        return;
    }
    if m.help.is_some() {
        m.help = None;
        return;
    }
    if m.event_card.is_some() {
        m.event_card = None;
        return;
    }
    if m.input.is_some() {
        return;
    }
    m.status = None;
    if contains(a.header, x, y) {
        act(m, Action::Search, fx);
    } else if contains(a.timeline, x, y) {
        m.focus = Focus::Timeline;
        let g = layout::timeline_geom(a.timeline, m.timeline.buckets.len());
        let before = m.timeline.window();
        let nb = m.timeline.buckets.len();
        if x >= g.bars.x && x < g.bars.x + g.bars.width && g.col_w > 0 {
            let i = m.timeline.offset + ((x - g.bars.x) / g.col_w) as usize;
            if i < nb {
                m.timeline.move_to(i);
            }
        } else if contains(g.imprecise, x, y) {
            m.timeline.move_to(nb);
        } else if contains(g.undated, x, y) {
            m.timeline.move_to(nb + 1);
        }
        if m.timeline.window() != before {
            request_search(m, fx);
        }
    } else if contains(a.list, x, y) {
        m.focus = Focus::List;
        if contains(a.rows, x, y) {
            let row = m.list.offset + (y - a.rows.y) as usize;
            if row < m.results.len() {
                if row == m.list.selected {
                    // a click on the selected row opens it
                    act(m, Action::Open, fx);
                } else {
                    select(m, row);
                }
            }
        }
    } else if contains(a.reader, x, y) {
        m.focus = Focus::Reader;
        if contains(a.text, x, y) {
            click_mention(m, &a, x, y, fx);
        }
    } else if contains(a.entities, x, y) {
        m.focus = Focus::Entities;
        if contains(a.entity_rows, x, y) {
            let row = m.reader.entity_offset + (y - a.entity_rows.y) as usize;
            let n = m.reader.entities.len();
            if row < n {
                m.reader.entity_sel = row;
            }
        }
    } else if contains(a.articles, x, y) {
        m.focus = Focus::Articles;
        if contains(a.article_rows, x, y) {
            let row = m.articles.offset + (y - a.article_rows.y) as usize;
            if row < m.articles.order.len() {
                m.articles.selected = row;
            }
        }
    }
}

/// A click in the reader's text: select the mention under the pointer; a click on the
/// selected mention filters the list to its entity.
fn click_mention(m: &mut Model, a: &Areas, x: u16, y: u16, fx: &mut Vec<Effect>) {
    let Some(store) = m.store.clone() else {
        return;
    };
    let (Some(art_i), Some(line)) = (m.reader.article, m.reader.lines.get(m.reader.scroll + (y - a.text.y) as usize))
    else {
        return;
    };
    let Some(art) = store.article(art_i) else {
        return;
    };
    let Some(col) = x.checked_sub(a.text.x + layout::GUTTER) else {
        return;
    };
    // the byte under the column
    let text = &art.body[line.start..line.end];
    let mut w = 0usize;
    let mut at = None;
    for (i, g) in unicode_segmentation::UnicodeSegmentation::grapheme_indices(text, true) {
        let gw = wrap::width(g);
        if (col as usize) < w + gw.max(1) {
            at = Some(line.start + i);
            break;
        }
        w += gw;
    }
    let Some(at) = at else {
        return;
    };
    let ms = store.mentions_in(art_i);
    let Some(j) = ms.iter().position(|mm| mm.body().start <= at && at < mm.body().end) else {
        return;
    };
    if m.reader.mention == Some(j) {
        filter_to_entity(m, ms[j].entity, fx);
        return;
    }
    select_mention(m, j);
}

// ---------------------------------------------------------------- keeping views consistent

/// Bring derived state in line after any message: list scroll, the reader's article, wrap
/// and scroll, the timeline's scroll, the entity list's scroll.
pub fn sync(m: &mut Model, fx: &mut Vec<Effect>) {
    let Some(store) = m.store.clone() else {
        return;
    };
    m.refresh_card();
    // the map takes the reader's place until the reader is wanted (Enter, 3, Tab to it);
    // over the whole window only while it has the focus
    if m.map.is_some() && m.focus == Focus::Reader {
        m.map = None;
    }
    if let Some(map) = m.map.as_mut()
        && map.full
        && m.focus != Focus::Map
    {
        map.full = false;
    }
    let a = layout::areas(m);
    if a.too_small {
        return;
    }
    // list
    let n = m.results.len();
    if m.list.selected >= n {
        select(m, n.saturating_sub(1));
    }
    let h = a.rows.height.max(1) as usize;
    m.list.offset = layout::keep_visible(m.list.offset, m.list.selected, h).min(n.saturating_sub(h));

    if m.map.is_some() {
        let rows = super::panes::map::listed(m);
        let size = super::panes::map::grid_size(a.reader);
        let (generation, selected) = (m.results.generation, m.selected_hit().map(|h| h.event));
        if let Some(map) = m.map.as_mut() {
            map.sync(&store, &rows, generation, selected, size);
        }
    }

    // reader
    let want = m.selected_hit().map(|h| h.event);
    let width = layout::text_width(&a).max(1);
    let new_event = want != m.reader.event;
    let want_article = want.and_then(|e| store.event(e)).map(|e| e.article);
    if new_event && want.is_some() {
        let new_article = want_article != m.reader.article;
        m.reader.event = want;
        if new_article {
            m.reader.article = want_article;
            m.reader.entity_sel = 0;
            m.reader.entity_offset = 0;
            m.reader.wrap_width = 0; // force a wrap
        }
        m.reader.mention = None;
    } else if want.is_none() {
        // nothing listed: nothing to read
        m.reader = ReaderState::default();
    }
    if m.reader.wrap_width != width {
        let top = m.reader.lines.get(m.reader.scroll).map(|l| l.start);
        m.reader.lines = match m.reader.article.and_then(|i| store.article(i)) {
            Some(art) => wrap::wrap(&art.body, width),
            None => Vec::new(),
        };
        // counted once per article (or width), not on every key and frame
        m.reader.entities = m.reader.article.map(|art| store.entities_in(art)).unwrap_or_default();
        m.reader.wrap_width = width;
        if let Some(top) = top.filter(|_| !new_event) {
            m.reader.scroll = line_of(m, top);
        }
    }
    if new_event && let Some(ev) = want.and_then(|e| store.event(e)) {
        let line = line_of(m, ev.body().start);
        let th = text_height(&a).max(1);
        m.reader.scroll = line.saturating_sub(th / 3);
    }
    m.reader.scroll = m.reader.scroll.min(max_scroll(m, &a));

    // entity side list
    let en = m.reader.entities.len();
    m.reader.entity_sel = m.reader.entity_sel.min(en.saturating_sub(1));
    let eh = a.entity_rows.height.max(1) as usize;
    m.reader.entity_offset = layout::keep_visible(m.reader.entity_offset, m.reader.entity_sel, eh);

    // timeline
    let g = layout::timeline_geom(a.timeline, m.timeline.buckets.len());
    m.timeline.scroll_to_cursor(g.visible);
    if (m.focus == Focus::Entities && a.entities.width == 0) || (m.focus == Focus::Articles && a.articles.width == 0) {
        m.focus = Focus::Reader;
    }
    if let Some(read) = super::panes::articles::sync(m, &store, &a) {
        // the reader showed an article for the first time: kept as read
        fx.push(Effect::Persist(super::model::Change::Read(read)));
    }
}
