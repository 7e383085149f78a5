//! What takes the analyst's work out of the list: the event card, copying a citation,
//! opening a URL, and the `:` command line (export, go to a day, saved queries, notes,
//! flags). Called by `update`; changes the model and asks the runtime for effects.

use crate::extract::EventId;

use super::action::Action;
use super::command::{self, Command};
use super::model::{Effect, EventCard, Focus, Model, Prompt};
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

pub(super) fn card_action(m: &mut Model, a: Action, fx: &mut Vec<Effect>) {
    let Some(store) = m.store.clone() else {
        m.event_card = None;
        return;
    };
    let full = ratatui::layout::Rect::new(0, 0, m.size.0, m.size.1);
    let Some(card) = m.event_card.as_mut() else {
        return;
    };
    let max = super::ui::card::max_scroll(&store, card, full);
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
        m.info("Tab completes commands (type : first)");
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
    let saved: Vec<String> = Vec::new();
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
        Command::Save(_) | Command::Open(_) | Command::Forget(_) | Command::Note { .. } | Command::Flag => {
            m.error("the workspace is not open this session");
        }
    }
    let _ = set_query;
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
