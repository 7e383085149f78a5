//! What takes the analyst's work out of the list: the event card, copying a citation,
//! opening a URL, and the `:` command line (export, go to a day, saved queries, notes,
//! flags). Called by `update`; changes the model and asks the runtime for effects.

use crate::extract::EventId;

use super::action::Action;
use super::command::{self, Command};
use super::model::{Change, Effect, EventCard, Focus, Model, NoteOn, Picker, PickerKind, Prompt};
use super::update::{request_search, set_query};

/// The event an action is about: the card's, else the list selection's.
pub(super) fn current_event(m: &Model) -> Option<EventId> {
    m.event_card.map(|c| c.event).or_else(|| m.selected_hit().map(|h| h.event))
}

pub(super) fn open_card(m: &mut Model) {
    match current_event(m) {
        Some(event) => {
            let line = m.store().and_then(|s| source_line(s, event));
            m.event_card = Some(EventCard { event, scroll: 0, line });
        }
        None => m.info("no event selected"),
    }
}

/// The line of the event's file where its sentence starts: read from the file (or the
/// embedded seed) when the card opens, since spans are byte offsets.
fn source_line(store: &crate::store::Store, event: EventId) -> Option<usize> {
    let e = store.event(event)?;
    let a = store.article(e.article)?;
    if a.extracted_text().is_some() {
        return None;
    }
    let at = e.file_span(a).start;
    crate::corpus::line_at(&a.file, at)
}

/// The card's hints on the status line.
pub(super) const CARD_HINTS: super::panes::Hints = {
    use Action::*;
    &[
        (&[Down, Up], "scroll"),
        (&[Copy], "copy citation"),
        (&[OpenUrl], "open URL"),
        (&[Flag], "flag"),
        (&[Back], "close"),
    ]
};

/// The hints of the list of saved queries or notes.
pub(super) const PICKER_HINTS: super::panes::Hints = {
    use Action::*;
    &[(&[Down, Up], "move"), (&[Open], "go"), (&[Delete], "delete"), (&[Back], "close")]
};

pub(super) fn card_action(m: &mut Model, a: Action, fx: &mut Vec<Effect>) {
    let Some(store) = m.store.clone() else {
        m.event_card = None;
        return;
    };
    let full = ratatui::layout::Rect::new(0, 0, m.size.0, m.size.1);
    let Some(card) = m.event_card.as_mut() else {
        return;
    };
    let max = super::ui::card::max_scroll(&store, card, m.workspace.as_ref(), full);
    match a {
        Action::Back | Action::EventCard | Action::Quit => m.event_card = None,
        Action::Down => card.scroll = (card.scroll + 1).min(max),
        Action::Up => card.scroll = card.scroll.saturating_sub(1),
        Action::PageDown | Action::HalfPageDown => card.scroll = (card.scroll + 10).min(max),
        Action::PageUp | Action::HalfPageUp => card.scroll = card.scroll.saturating_sub(10),
        Action::Top => card.scroll = 0,
        Action::Bottom => card.scroll = max,
        Action::Copy => copy(m, fx),
        Action::OpenUrl => open_url(m, fx),
        Action::Flag => toggle_flag(m, fx),
        _ => {}
    }
}

/// `y`: the current event's sentence and citation to the clipboard.
pub(super) fn copy(m: &mut Model, fx: &mut Vec<Effect>) {
    let Some(text) = current_event(m).and_then(|e| m.store().and_then(|s| super::cite::citation(s, e))) else {
        m.info("no event selected");
        return;
    };
    fx.push(Effect::Copy(text));
    m.info("copied the sentence and its citation");
}

/// `o`: the current article's URL in a browser, or on the status line when there is no
/// browser to open it with (the runtime says which).
pub(super) fn open_url(m: &mut Model, fx: &mut Vec<Effect>) {
    let Some(store) = m.store.clone() else {
        return;
    };
    let art = current_event(m).and_then(|e| store.event(e)).map(|e| e.article).or(m.reader.article);
    let Some(a) = art.and_then(|i| store.article(i)) else {
        m.info("no article selected");
        return;
    };
    match &a.url {
        Some(url) => fx.push(Effect::OpenUrl(url.clone())),
        None => m.info(format!("this article has no URL · its file: {}", crate::printable::one_line(&a.file))),
    }
}

/// Tab while typing a command.
pub(super) fn complete(m: &mut Model) {
    let Some(inp) = m.input.as_mut() else {
        return;
    };
    if inp.prompt != Prompt::Command {
        // a query: the word before the cursor, when it starts a filter's name ("ki" → "kind:")
        let head = &inp.text[..inp.cursor];
        let start = head.rfind(char::is_whitespace).map_or(0, |i| i + 1);
        let word = head[start..].trim_start_matches('-').to_string();
        let found: Vec<&str> =
            crate::store::query::KEYS.iter().copied().filter(|k| k.starts_with(word.as_str())).collect();
        match found.as_slice() {
            [one] if !word.is_empty() && !word.contains([':', '=', '<', '>']) => {
                let from = inp.cursor - word.len();
                inp.text.replace_range(from..inp.cursor, &format!("{one}:"));
                inp.cursor = from + one.len() + 1;
            }
            _ if word.is_empty() || word.contains([':', '=', '<', '>']) => {
                m.info("Tab completes a filter's name (kin → kind:)")
            }
            [] => m.info(format!("no filter starts with {word}")),
            many => m.info(many.join("  ")),
        }
        return;
    }
    let list_dir = |p: &std::path::Path| -> Vec<(String, bool)> {
        std::fs::read_dir(p)
            .map(|rd| {
                rd.filter_map(Result::ok)
                    .take(10_000)
                    .map(|e| (e.file_name().to_string_lossy().into_owned(), e.file_type().is_ok_and(|t| t.is_dir())))
                    .collect()
            })
            .unwrap_or_default()
    };
    let saved: Vec<String> =
        m.workspace.as_ref().map(|w| w.queries.iter().map(|(n, _)| n.clone()).collect()).unwrap_or_default();
    let c = command::Candidates { saved: &saved, list_dir: &list_dir };
    match command::complete(&inp.text, &c) {
        Some(line) => {
            inp.text = line;
            inp.cursor = inp.text.len();
        }
        None => {
            let names: Vec<&str> =
                command::COMMANDS.iter().map(|c| c.0).filter(|n| n.starts_with(inp.text.trim())).collect();
            if names.len() > 1 {
                m.info(names.join("  "));
            }
        }
    }
}

/// Enter on the command line: run it, remember it, close the line (an error keeps it open).
pub(super) fn run_command_line(m: &mut Model, fx: &mut Vec<Effect>) {
    let Some(inp) = m.input.as_ref() else {
        return;
    };
    let line = inp.text.trim().to_string();
    let cmd = match command::parse(&line) {
        Ok(c) => c,
        Err(e) => {
            m.error(e);
            return;
        }
    };
    m.input = None;
    if m.command_history.last() != Some(&line) {
        m.command_history.push(line);
    }
    run(m, cmd, fx);
}

fn run(m: &mut Model, cmd: Command, fx: &mut Vec<Effect>) {
    if m.store.is_none() && !matches!(cmd, Command::Help | Command::Quit) {
        m.info("still loading");
        return;
    }
    match cmd {
        Command::Export(path) => {
            let events: Vec<EventId> = (0..m.results.len()).filter_map(|i| m.results.get(i).map(|h| h.event)).collect();
            if events.is_empty() {
                m.info("no events listed: nothing to export");
                return;
            }
            if crate::cli::Format::from_path(&path).is_none() {
                let shown = crate::printable::one_line(&path.display().to_string()).into_owned();
                m.error(format!("export {shown}: name the file .csv, .json or .geojson to choose the format"));
                return;
            }
            fx.push(Effect::Export { path, events });
        }
        Command::Goto(day) => goto(m, day, fx),
        Command::Help => m.help = Some(0),
        Command::Quit => m.quit = true,
        Command::Flag => toggle_flag(m, fx),
        Command::Note { article, text } => note(m, article, text, fx),
        Command::Save(name) => {
            if m.query_text.trim().is_empty() {
                m.error("nothing to save: the query is empty (/ types one)");
                return;
            }
            fx.push(Effect::Persist(Change::SaveQuery { name, query: m.query_text.clone() }));
        }
        Command::Forget(name) => fx.push(Effect::Persist(Change::ForgetQuery(name))),
        Command::Open(None) => open_picker(m, PickerKind::Queries),
        Command::Open(Some(name)) => {
            let found = m.workspace.as_ref().and_then(|w| w.queries.iter().find(|(n, _)| *n == name)).cloned();
            match found {
                Some((name, query)) => put_query(m, &name, &query, fx),
                None => m.error(format!("no saved query {name} (:open lists them)")),
            }
        }
        Command::Notes => open_picker(m, PickerKind::Notes),
        Command::Map => super::panes::map::toggle(m),
    }
}

/// `f`, `:flag`: flag the current event, or unflag it.
pub(super) fn toggle_flag(m: &mut Model, fx: &mut Vec<Effect>) {
    let Some(event) = current_event(m) else {
        m.info("no event selected");
        return;
    };
    let on = !m.workspace.as_ref().is_some_and(|w| w.flagged.contains(&event));
    fx.push(Effect::Persist(Change::Flag { event, on }));
}

fn note(m: &mut Model, article: bool, text: String, fx: &mut Vec<Effect>) {
    let Some(event) = current_event(m) else {
        m.info("no event selected");
        return;
    };
    let on = match (article, m.store().and_then(|s| s.event(event))) {
        (true, Some(e)) => NoteOn::Article(e.article),
        _ => NoteOn::Event(event),
    };
    fx.push(Effect::Persist(Change::Note { on, text }));
}

/// A saved query in effect (undo goes back).
fn put_query(m: &mut Model, name: &str, query: &str, fx: &mut Vec<Effect>) {
    m.undo.push(m.query_text.clone());
    m.timeline.clear();
    set_query(m, query, fx);
    m.focus = Focus::List;
    m.info(format!("{name}: {query} · u goes back"));
}

fn open_picker(m: &mut Model, kind: PickerKind) {
    let Some(w) = &m.workspace else {
        m.error("the workspace is off this session: nothing saved to list");
        return;
    };
    let empty = match kind {
        PickerKind::Queries => {
            w.queries.is_empty().then_some("no saved queries yet: :save NAME keeps the query in effect")
        }
        PickerKind::Notes => w.notes.is_empty().then_some("no notes yet: :note TEXT writes one on the event"),
    };
    match empty {
        Some(msg) => m.info(msg),
        None => m.picker = Some(Picker { kind, selected: 0 }),
    }
}

/// Keys while the list of saved queries or notes is open.
pub(super) fn picker_action(m: &mut Model, a: Action, fx: &mut Vec<Effect>) {
    let Some(p) = m.picker else {
        return;
    };
    let n = m.workspace.as_ref().map_or(0, |w| match p.kind {
        PickerKind::Queries => w.queries.len(),
        PickerKind::Notes => w.notes.len(),
    });
    let last = n.saturating_sub(1);
    let mut sel = p.selected.min(last);
    match a {
        Action::Down => sel = (sel + 1).min(last),
        Action::Up => sel = sel.saturating_sub(1),
        Action::Top => sel = 0,
        Action::Bottom => sel = last,
        Action::PageDown | Action::HalfPageDown => sel = (sel + 10).min(last),
        Action::PageUp | Action::HalfPageUp => sel = sel.saturating_sub(10),
        Action::Back | Action::Quit => {
            m.picker = None;
            return;
        }
        Action::Delete => {
            let Some(w) = &m.workspace else { return };
            match p.kind {
                PickerKind::Queries => {
                    if let Some((name, _)) = w.queries.get(sel) {
                        fx.push(Effect::Persist(Change::ForgetQuery(name.clone())));
                    }
                }
                PickerKind::Notes => {
                    if let Some(note) = w.notes.get(sel) {
                        fx.push(Effect::Persist(Change::DeleteNote(note.id)));
                    }
                }
            }
            // the list is one shorter when the workspace answers
            if n <= 1 {
                m.picker = None;
                return;
            }
        }
        Action::Open => {
            m.picker = None;
            let Some(w) = m.workspace.clone() else { return };
            match p.kind {
                PickerKind::Queries => {
                    if let Some((name, query)) = w.queries.get(sel) {
                        put_query(m, name, query, fx);
                    }
                }
                PickerKind::Notes => match w.notes.get(sel).map(|n| n.on) {
                    Some(Some(NoteOn::Event(e))) => go_to_event(m, e, fx),
                    Some(Some(NoteOn::Article(a))) => {
                        match m.store().and_then(|s| s.events_of_article(a).first().copied()) {
                            Some(e) => go_to_event(m, e, fx),
                            None => m.info("no events were extracted from that article"),
                        }
                    }
                    Some(None) => m.info("that note is orphaned: its event is not in this corpus (kept all the same)"),
                    None => {}
                },
            }
            return;
        }
        _ => {}
    }
    m.picker = Some(Picker { selected: sel, ..p });
}

/// The list on one event: every event listed, that one selected.
fn go_to_event(m: &mut Model, e: EventId, fx: &mut Vec<Effect>) {
    if !m.query_text.is_empty() {
        m.undo.push(m.query_text.clone());
    }
    m.timeline.clear();
    set_query(m, "", fx);
    m.to_top = false;
    m.selected_event = Some(e);
    m.focus = Focus::List;
}

/// `:goto DAY`: the timeline's cursor on that day, the list showing its events.
fn goto(m: &mut Model, day: chrono::NaiveDate, fx: &mut Vec<Effect>) {
    let range = m.store().and_then(|s| s.day_range());
    let Some(i) = super::timeline::bucket_of(&m.timeline.buckets, day) else {
        let span = range.map_or("no dated events".to_string(), |(a, b)| format!("the events run from {a} to {b}"));
        m.error(format!("{day} is outside the timeline: {span}"));
        return;
    };
    m.timeline.anchor = None;
    m.timeline.move_to(i);
    m.to_top = true;
    request_search(m, fx);
    m.focus = Focus::List;
    m.info(format!("showing {day} · Esc in the list clears the day"));
}
