//! Colours and text styles by role, read from TOML: the embedded dark or light theme plus a
//! user file of partial overrides. `NO_COLOR` drops colours and keeps modifiers.

use std::collections::BTreeMap;
use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};

use crate::extract::{EntityKind, EventKind};

use super::keymap::{ConfigProblem, parse_toml};

pub const DARK: &str = include_str!("../../assets/theme-dark.toml");
pub const LIGHT: &str = include_str!("../../assets/theme-light.toml");

#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    /// Per event kind, in [`EventKind::ALL`] order.
    pub kinds: [Style; EventKind::COUNT],
    /// Per entity kind: place, person, org, weapon, other.
    pub entities: [Style; 5],
    pub border: Style,
    pub border_focus: Style,
    pub title: Style,
    pub title_focus: Style,
    pub selection: Style,
    pub selection_unfocused: Style,
    pub cursor: Style,
    pub matched: Style,
    pub dim: Style,
    pub sentence: Style,
    pub mention_current: Style,
    pub chip: Style,
    pub chip_time: Style,
    pub error: Style,
    pub info: Style,
    pub killed: Style,
    pub injured: Style,
    pub key: Style,
    pub header: Style,
    /// No colours: the timeline draws kinds with distinct shades instead.
    pub no_color: bool,
}

impl Default for Theme {
    fn default() -> Self {
        Theme::dark()
    }
}

/// Parse a style: `bold light-red`, `black on cyan`, `underline`, `default`.
pub fn parse_style(s: &str) -> Result<Style, String> {
    let mut style = Style::default();
    let mut words = s.split_whitespace();
    let color = |w: &str| -> Result<Color, String> {
        match w.to_ascii_lowercase().as_str() {
            "default" | "reset" | "none" => Ok(Color::Reset),
            _ => Color::from_str(w).map_err(|_| format!("unknown colour '{w}'")),
        }
    };
    while let Some(w) = words.next() {
        let m = match w.to_ascii_lowercase().as_str() {
            "bold" => Some(Modifier::BOLD),
            "dim" => Some(Modifier::DIM),
            "italic" => Some(Modifier::ITALIC),
            "underline" | "underlined" => Some(Modifier::UNDERLINED),
            "reverse" | "reversed" => Some(Modifier::REVERSED),
            "crossed" | "strikethrough" => Some(Modifier::CROSSED_OUT),
            "plain" => Some(Modifier::empty()),
            "on" => {
                let bg = words.next().ok_or_else(|| "'on' needs a background colour".to_string())?;
                style = style.bg(color(bg)?);
                continue;
            }
            _ => None,
        };
        match m {
            Some(m) => style = style.add_modifier(m),
            None => style = style.fg(color(w)?),
        }
    }
    Ok(style)
}

impl Theme {
    fn blank() -> Theme {
        let s = Style::default();
        Theme {
            kinds: [s; EventKind::COUNT],
            entities: [s; 5],
            border: s,
            border_focus: s,
            title: s,
            title_focus: s,
            selection: s,
            selection_unfocused: s,
            cursor: s,
            matched: s,
            dim: s,
            sentence: s,
            mention_current: s,
            chip: s,
            chip_time: s,
            error: s,
            info: s,
            killed: s,
            injured: s,
            key: s,
            header: s,
            no_color: false,
        }
    }

    pub fn dark() -> Theme {
        let mut t = Theme::blank();
        let p = t.apply_sections(DARK, "theme-dark.toml");
        debug_assert!(p.is_empty(), "{p:?}");
        t
    }

    pub fn light() -> Theme {
        let mut t = Theme::blank();
        let p = t.apply_sections(LIGHT, "theme-light.toml");
        debug_assert!(p.is_empty(), "{p:?}");
        t
    }

    /// Build from a user theme file: `base = "light"|"dark"` then overrides. Problems are
    /// reported and skipped; a file that is not TOML leaves the base theme.
    pub fn from_user(text: &str, file: &str, default_light: bool) -> (Theme, Vec<ConfigProblem>) {
        let base_light = match toml::from_str::<toml::Table>(text) {
            Ok(t) => match t.get("base").and_then(|v| v.as_str()) {
                Some("light") => true,
                Some("dark") => false,
                _ => default_light,
            },
            Err(_) => default_light,
        };
        let mut t = if base_light { Theme::light() } else { Theme::dark() };
        let p = t.apply_sections(text, file);
        (t, p)
    }

    fn slot(&mut self, section: &str, name: &str) -> Option<&mut Style> {
        match section {
            "kinds" => {
                let k = EventKind::parse(name)?;
                Some(&mut self.kinds[k.index()])
            }
            "entities" => {
                let i = ["place", "person", "org", "weapon", "other"].iter().position(|x| *x == name)?;
                Some(&mut self.entities[i])
            }
            "ui" => Some(match name {
                "border" => &mut self.border,
                "border_focus" => &mut self.border_focus,
                "title" => &mut self.title,
                "title_focus" => &mut self.title_focus,
                "selection" => &mut self.selection,
                "selection_unfocused" => &mut self.selection_unfocused,
                "cursor" => &mut self.cursor,
                "match" => &mut self.matched,
                "dim" => &mut self.dim,
                "sentence" => &mut self.sentence,
                "mention_current" => &mut self.mention_current,
                "chip" => &mut self.chip,
                "chip_time" => &mut self.chip_time,
                "error" => &mut self.error,
                "info" => &mut self.info,
                "killed" => &mut self.killed,
                "injured" => &mut self.injured,
                "key" => &mut self.key,
                "header" => &mut self.header,
                _ => return None,
            }),
            _ => None,
        }
    }

    fn apply_sections(&mut self, text: &str, file: &str) -> Vec<ConfigProblem> {
        type Sections = BTreeMap<String, toml::Spanned<toml::Value>>;
        let lines = super::keymap::ProblemAt::new(text, file);
        let problem = |off: usize, message: String| lines.at(off, message);
        let top: Sections = match parse_toml(text, file) {
            Ok(s) => s,
            Err(p) => return vec![p],
        };
        let mut problems = Vec::new();
        for (section, v) in top {
            let off = v.span().start;
            match (section.as_str(), v.into_inner()) {
                ("base", toml::Value::String(b)) if b == "light" || b == "dark" => {}
                ("base", _) => problems.push(problem(off, "base must be \"dark\" or \"light\"".into())),
                (sec @ ("kinds" | "entities" | "ui"), toml::Value::Table(t)) => {
                    for (name, val) in t {
                        // Spans of nested values are lost in a Table: find the entry's line.
                        let at = find_entry(text, sec, &name).unwrap_or(off);
                        let Some(spec) = val.as_str() else {
                            problems.push(problem(at, format!("{name} must be a string")));
                            continue;
                        };
                        let style = match parse_style(spec) {
                            Ok(s) => s,
                            Err(m) => {
                                problems.push(problem(at, format!("{name}: {m}")));
                                continue;
                            }
                        };
                        match self.slot(sec, &name) {
                            Some(slot) => *slot = style,
                            None => problems.push(problem(at, format!("unknown name '{name}' in [{sec}]"))),
                        }
                    }
                }
                (other, _) => problems
                    .push(problem(off, format!("unknown entry '{other}' (known: base, [kinds], [entities], [ui])"))),
            }
        }
        problems
    }

    /// Drop every colour, keep modifiers; selections become reverse video.
    pub fn without_color(mut self) -> Theme {
        let strip = |s: &mut Style| {
            s.fg = None;
            s.bg = None;
        };
        for s in self.kinds.iter_mut().chain(self.entities.iter_mut()) {
            strip(s);
        }
        for s in [
            &mut self.border,
            &mut self.border_focus,
            &mut self.title,
            &mut self.title_focus,
            &mut self.selection,
            &mut self.selection_unfocused,
            &mut self.cursor,
            &mut self.matched,
            &mut self.dim,
            &mut self.sentence,
            &mut self.mention_current,
            &mut self.chip,
            &mut self.chip_time,
            &mut self.error,
            &mut self.info,
            &mut self.killed,
            &mut self.injured,
            &mut self.key,
            &mut self.header,
        ] {
            strip(s);
        }
        self.selection = self.selection.add_modifier(Modifier::REVERSED);
        self.chip = self.chip.add_modifier(Modifier::REVERSED);
        self.chip_time = self.chip_time.add_modifier(Modifier::REVERSED);
        self.matched = self.matched.add_modifier(Modifier::UNDERLINED);
        self.entities = self.entities.map(|s| s.add_modifier(Modifier::UNDERLINED));
        self.border_focus = self.border_focus.add_modifier(Modifier::BOLD);
        self.no_color = true;
        self
    }

    pub fn kind(&self, k: EventKind) -> Style {
        self.kinds[k.index()]
    }

    pub fn entity(&self, k: EntityKind) -> Style {
        self.entities[match k {
            EntityKind::Place => 0,
            EntityKind::Person => 1,
            EntityKind::Org => 2,
            EntityKind::Weapon => 3,
            EntityKind::Other => 4,
        }]
    }

    /// The cell used to draw a kind in the timeline's bars: a full block in the kind's
    /// colour, or the kind's own glyph when there are no colours.
    pub fn kind_glyph(&self, k: EventKind) -> &'static str {
        if self.no_color { k.info().glyph } else { "█" }
    }
}

/// The byte offset of `name = ...` inside `[section]` in a TOML text (for line numbers).
fn find_entry(text: &str, section: &str, name: &str) -> Option<usize> {
    let header = format!("[{section}]");
    let mut in_section = false;
    let mut off = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim();
        if t.starts_with('[') {
            in_section = t == header;
        } else if in_section {
            let key = t.split('=').next().unwrap_or("").trim().trim_matches('"');
            if key == name {
                return Some(off);
            }
        }
        off += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styles_parse() {
        assert_eq!(
            parse_style("bold light-red").unwrap(),
            Style::default().fg(Color::LightRed).add_modifier(Modifier::BOLD)
        );
        assert_eq!(parse_style("black on cyan").unwrap(), Style::default().fg(Color::Black).bg(Color::Cyan));
        assert_eq!(parse_style("default").unwrap().fg, Some(Color::Reset));
        assert!(parse_style("on").is_err());
        assert!(parse_style("blurple").is_err());
    }

    #[test]
    fn builtins_parse_and_use_16_colours() {
        for t in [Theme::dark(), Theme::light()] {
            for s in t.kinds.iter().chain(t.entities.iter()) {
                for c in [s.fg, s.bg].into_iter().flatten() {
                    assert!(!matches!(c, Color::Rgb(..) | Color::Indexed(_)), "16 colours only");
                }
            }
        }
        assert_ne!(Theme::dark(), Theme::light());
    }

    #[test]
    fn builtins_colour_every_kind() {
        for (text, file) in [(DARK, "theme-dark.toml"), (LIGHT, "theme-light.toml")] {
            for k in EventKind::ALL {
                assert!(find_entry(text, "kinds", k.as_str()).is_some(), "{file} has no colour for {}", k.as_str());
            }
        }
    }

    #[test]
    fn user_overrides_and_problems() {
        let text = "base = \"light\"\n[kinds]\nstrike = \"green\"\nbogus = \"red\"\n[ui]\nmatch = \"blurple\"\n";
        let (t, p) = Theme::from_user(text, "theme.toml", false);
        assert_eq!(t.kind(EventKind::Strike).fg, Some(Color::Green));
        assert_eq!(t.border, Theme::light().border);
        let lines: Vec<usize> = p.iter().map(|p| p.line).collect();
        assert_eq!(lines, vec![4, 6], "{p:?}");
        let (t, p) = Theme::from_user("[ui\n", "theme.toml", false);
        assert_eq!(t, Theme::dark());
        assert_eq!(p[0].line, 1);
    }

    #[test]
    fn no_color_keeps_modifiers() {
        let t = Theme::dark().without_color();
        assert!(t.kinds.iter().all(|s| s.fg.is_none()));
        assert!(t.title_focus.add_modifier.contains(Modifier::BOLD));
        assert!(t.selection.add_modifier.contains(Modifier::REVERSED));
        assert_ne!(t.kind_glyph(EventKind::Strike), t.kind_glyph(EventKind::Aid));
    }
}
