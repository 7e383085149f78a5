//! The `?` overlay: every binding of the live keymap by context, then the query language.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};

use crate::extract::EventKind;

use super::super::action::Action;
use super::super::keymap::{Context, Keymap};
use super::super::layout::{inner, popup};
use super::super::theme::Theme;
use super::block;
use super::text::{pad, put};

/// The query language by example. `{kinds}` ends a description that goes on with every kind's
/// name, wrapped.
const QUERY_HELP: &[(&str, &str)] = &[
    ("druzh market", "free words: fuzzy, every word must match"),
    ("kind:strike,aid", "kinds (OR): {kinds}"),
    ("place:donetsk", "a place or anything inside it"),
    ("place=\"Abu Dhabi\"", "= matches a whole name"),
    ("entity:lavrov", "events naming a person, org, place, weapon"),
    ("source:isw", "source name, URL domain or file"),
    ("claimed:ukrainian", "who made the claim"),
    ("since:2026-02-01", "also until:, date: (YYYY-MM-DD, YYYY-MM, YYYY)"),
    ("date:undated", "or date:imprecise, date:exact"),
    ("killed>0 injured>=3", "also casualties drones missiles; > >= < <= ="),
    ("status:disputed", "claimed, reported or disputed"),
    ("-kind:statement", "a leading - excludes"),
    ("sort:casualties", "relevance newest oldest casualties"),
];

/// All help lines (the overlay shows a window of them), `width` columns wide: the config's
/// problems first, in full, then the keys, the commands and the query language.
pub fn lines(k: &Keymap, problems: &[String], t: &Theme, width: usize) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    if !problems.is_empty() {
        out.push(Line::styled("Config problems (the defaults are used there)", t.error));
        for p in problems {
            for (i, l) in super::card::wrap(&super::text::clean(p), width.saturating_sub(4)).into_iter().enumerate() {
                out.push(Line::raw(format!("{}{l}", if i == 0 { "  " } else { "    " })));
            }
        }
        out.push(Line::default());
    }
    for ctx in Context::ALL {
        out.push(Line::styled(ctx.title().to_string(), t.title_focus));
        // keys grouped by action, in binding order
        let mut seen: Vec<Action> = Vec::new();
        for (_, a) in k.bindings(ctx) {
            if seen.contains(&a) {
                continue;
            }
            seen.push(a);
            let keys: Vec<String> = k.keys_for(ctx, a).iter().map(|c| c.label()).collect();
            out.push(Line::from(vec![
                Span::styled(format!("  {}", pad(&keys.join(" "), 18)), t.key),
                Span::raw(a.describe()),
            ]));
        }
        if ctx == Context::Global {
            out.push(Line::from(vec![Span::styled(format!("  {}", pad("C-c", 18)), t.key), Span::raw("quit, always")]));
        }
        out.push(Line::default());
    }
    out.push(Line::styled("Commands (:)", t.title_focus));
    for (name, args, what) in super::super::command::COMMANDS {
        let cmd = if args.is_empty() { format!(":{name}") } else { format!(":{name} {args}") };
        out.push(Line::from(vec![Span::styled(format!("  {}", pad(&cmd, 22)), t.key), Span::raw(*what)]));
    }
    out.push(Line::default());
    out.push(Line::styled("Query language (/)", t.title_focus));
    for (ex, what) in QUERY_HELP {
        let whats = match what.strip_suffix("{kinds}") {
            Some(lead) => kind_names(lead),
            None => vec![what.to_string()],
        };
        for (i, what) in whats.into_iter().enumerate() {
            let ex = if i == 0 { ex } else { "" };
            out.push(Line::from(vec![Span::styled(format!("  {}", pad(ex, 22)), t.key), Span::raw(what)]));
        }
    }
    out.push(Line::default());
    out.push(Line::styled("Keys come from keymap.toml in the config folder ($SITREP_CONFIG_HOME).", t.dim));
    out
}

/// `lead` and every kind's name, wrapped at the width of the other descriptions; the lines
/// after the first are indented by two spaces.
fn kind_names(lead: &str) -> Vec<String> {
    const WIDTH: usize = 50;
    let mut lines = Vec::new();
    let mut line = lead.trim_end().to_string();
    for name in EventKind::ALL.map(EventKind::as_str) {
        if line.trim().is_empty() {
            line.push_str(name);
        } else if line.len() + 1 + name.len() <= WIDTH {
            line.push(' ');
            line.push_str(name);
        } else {
            lines.push(std::mem::replace(&mut line, format!("  {name}")));
        }
    }
    lines.push(line);
    lines
}

/// The help popup's frame for a screen area.
pub fn frame(area: Rect) -> Rect {
    let r = popup(area, 90, 90);
    let r = Rect::new(r.x, r.y, r.width.max(area.width.min(70)), r.height.max(area.height.min(18)));
    Rect::new(area.x + (area.width - r.width) / 2, area.y + (area.height - r.height) / 2, r.width, r.height)
}

/// How far the help can scroll on a screen area.
pub fn max_scroll(k: &Keymap, problems: &[String], area: Rect) -> usize {
    let i = inner(frame(area));
    let n = lines(k, problems, &Theme::default(), i.width as usize).len();
    n.saturating_sub(i.height as usize)
}

pub fn render(k: &Keymap, problems: &[String], scroll: usize, t: &Theme, area: Rect, buf: &mut Buffer) {
    if area.width < 4 || area.height < 3 {
        return;
    }
    let r = frame(area);
    Clear.render(r, buf);
    let i = inner(r);
    let all = lines(k, problems, t, i.width as usize);
    let max = all.len().saturating_sub(i.height as usize);
    let scroll = scroll.min(max);
    let title = Line::from(vec![
        Span::styled(" Help ", t.title_focus),
        Span::styled(
            format!("{}-{} of {} · Esc closes ", scroll + 1, (scroll + i.height as usize).min(all.len()), all.len()),
            t.dim,
        ),
    ]);
    block(t, true).title(title).render(r, buf);
    for (n, l) in all.iter().skip(scroll).take(i.height as usize).enumerate() {
        put(buf, i, i.y + n as u16, l);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_help_names_every_kind_within_the_width() {
        let lines = kind_names("kinds (OR): ");
        assert!(lines[0].starts_with("kinds (OR): "), "{lines:?}");
        assert!(lines[1..].iter().all(|l| l.starts_with("  ")), "{lines:?}");
        assert!(lines.iter().all(|l| l.len() <= 50), "{lines:?}");
        let words: Vec<&str> = lines.iter().flat_map(|l| l.split_whitespace()).skip(2).collect();
        let names: Vec<&str> = EventKind::ALL.iter().map(|k| k.as_str()).collect();
        assert_eq!(words, names);
    }
}
