//! Key bindings per context, read from TOML: the embedded defaults (`assets/keymap.toml`)
//! plus a user file of partial overrides. The same tables feed `update`, the status-line
//! hints and the `?` help overlay.

use std::collections::BTreeMap;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;

/// The embedded default keymap.
pub const DEFAULT_KEYMAP: &str = include_str!("../../assets/keymap.toml");

/// A key with its modifiers, normalised (no SHIFT on characters: `G` is `G`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Chord {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl Chord {
    pub fn new(code: KeyCode, mods: KeyModifiers) -> Chord {
        let mut mods = mods & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let code = match code {
            KeyCode::Char(c) => {
                mods.remove(KeyModifiers::SHIFT);
                // terminals report ctrl-letters in either case
                if mods.contains(KeyModifiers::CONTROL) {
                    KeyCode::Char(c.to_ascii_lowercase())
                } else {
                    KeyCode::Char(c)
                }
            }
            KeyCode::BackTab => {
                mods.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            KeyCode::Tab if mods.contains(KeyModifiers::SHIFT) => {
                mods.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            other => other,
        };
        Chord { code, mods }
    }

    pub fn from_event(k: &KeyEvent) -> Chord {
        Chord::new(k.code, k.modifiers)
    }

    /// Parse `j`, `G`, `ctrl-d`, `shift-tab`, `pagedown`, `space`, `f1`, `alt-enter`.
    pub fn parse(s: &str) -> Result<Chord, String> {
        let mut mods = KeyModifiers::NONE;
        let mut rest = s;
        loop {
            let lower = rest.to_ascii_lowercase();
            let (m, n) = if lower.starts_with("ctrl-") || lower.starts_with("ctrl+") {
                (KeyModifiers::CONTROL, 5)
            } else if lower.starts_with("alt-") || lower.starts_with("alt+") {
                (KeyModifiers::ALT, 4)
            } else if lower.starts_with("shift-") || lower.starts_with("shift+") {
                (KeyModifiers::SHIFT, 6)
            } else {
                break;
            };
            if rest.len() == n {
                break; // "ctrl-" alone: the key is "-"? no: treat as a name below
            }
            mods |= m;
            rest = &rest[n..];
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => KeyCode::Char(c),
            _ => match rest.to_ascii_lowercase().as_str() {
                "space" => KeyCode::Char(' '),
                "enter" | "return" => KeyCode::Enter,
                "esc" | "escape" => KeyCode::Esc,
                "tab" => KeyCode::Tab,
                "backtab" => KeyCode::BackTab,
                "backspace" | "bs" => KeyCode::Backspace,
                "delete" | "del" => KeyCode::Delete,
                "insert" | "ins" => KeyCode::Insert,
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "pageup" | "pgup" => KeyCode::PageUp,
                "pagedown" | "pgdn" | "pgdown" => KeyCode::PageDown,
                "minus" => KeyCode::Char('-'),
                "plus" => KeyCode::Char('+'),
                f if f.starts_with('f') && f.len() <= 3 => match f[1..].parse::<u8>() {
                    Ok(n @ 1..=12) => KeyCode::F(n),
                    _ => return Err(format!("unknown key '{s}'")),
                },
                _ => return Err(format!("unknown key '{s}'")),
            },
        };
        Ok(Chord::new(code, mods))
    }

    /// A short label for hints and help: `j`, `G`, `C-d`, `S-Tab`, `PgDn`, `Space`.
    pub fn label(&self) -> String {
        let mut s = String::new();
        if self.mods.contains(KeyModifiers::CONTROL) {
            s.push_str("C-");
        }
        if self.mods.contains(KeyModifiers::ALT) {
            s.push_str("M-");
        }
        if self.mods.contains(KeyModifiers::SHIFT) {
            s.push_str("S-");
        }
        match self.code {
            KeyCode::Char(' ') => s.push_str("Space"),
            KeyCode::Char(c) => s.push(c),
            KeyCode::Enter => s.push_str("Enter"),
            KeyCode::Esc => s.push_str("Esc"),
            KeyCode::Tab => s.push_str("Tab"),
            KeyCode::BackTab => s.push_str("S-Tab"),
            KeyCode::Backspace => s.push_str("Bksp"),
            KeyCode::Delete => s.push_str("Del"),
            KeyCode::Insert => s.push_str("Ins"),
            KeyCode::Up => s.push('↑'),
            KeyCode::Down => s.push('↓'),
            KeyCode::Left => s.push('←'),
            KeyCode::Right => s.push('→'),
            KeyCode::Home => s.push_str("Home"),
            KeyCode::End => s.push_str("End"),
            KeyCode::PageUp => s.push_str("PgUp"),
            KeyCode::PageDown => s.push_str("PgDn"),
            KeyCode::F(n) => s.push_str(&format!("F{n}")),
            _ => s.push('?'),
        }
        s
    }
}

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Context {
    Global,
    Timeline,
    List,
    Reader,
    Entities,
    Articles,
    Map,
    Input,
    Help,
    Card,
    Picker,
}

impl Context {
    pub const ALL: [Context; 11] = [
        Context::Global,
        Context::List,
        Context::Timeline,
        Context::Reader,
        Context::Entities,
        Context::Articles,
        Context::Map,
        Context::Input,
        Context::Help,
        Context::Card,
        Context::Picker,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Context::Global => "global",
            Context::Timeline => "timeline",
            Context::List => "list",
            Context::Reader => "reader",
            Context::Entities => "entities",
            Context::Articles => "articles",
            Context::Map => "map",
            Context::Input => "input",
            Context::Help => "help",
            Context::Card => "card",
            Context::Picker => "picker",
        }
    }
    pub fn title(self) -> &'static str {
        match self {
            Context::Global => "Everywhere (not while typing)",
            Context::Timeline => "Timeline",
            Context::List => "Event list",
            Context::Reader => "Reader",
            Context::Entities => "Reader: entity list",
            Context::Articles => "Articles",
            Context::Map => "Map",
            Context::Input => "Typing a query or a command",
            Context::Help => "Help",
            Context::Card => "Event card",
            Context::Picker => "Saved queries and notes (:open, :notes)",
        }
    }
    fn parse(s: &str) -> Option<Context> {
        Context::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// Bindings per context, in file order (the help shows them that way).
#[derive(Debug, Clone, PartialEq)]
pub struct Keymap {
    maps: BTreeMap<Context, Vec<(Chord, Action)>>,
    /// `[options] mouse`.
    pub mouse: bool,
    /// `[options] map_dots`: what the map draws its lines with.
    pub map_dots: MapDots,
}

/// How the map draws its outlines: Braille dots (finest, needs a font that has them), half
/// blocks, or plain ASCII for any terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MapDots {
    #[default]
    Braille,
    HalfBlock,
    Dot,
}

/// A problem in a config file: which file, which line, what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigProblem {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for ConfigProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(f, "{} line {}: {}", self.file, self.line, self.message)
        }
    }
}

impl ConfigProblem {
    /// A problem at a byte offset of a file's text.
    pub fn at(text: &str, file: &str, offset: usize, message: impl Into<String>) -> ConfigProblem {
        ConfigProblem { file: file.to_string(), line: line_of(text, offset), message: message.into() }
    }
}

/// Makes problems for one file, finding their lines by binary search over the line starts
/// (counting newlines from the top for each problem made many problems quadratic).
pub(crate) struct ProblemAt<'a> {
    file: &'a str,
    /// Byte offsets of the newlines.
    newlines: Vec<usize>,
}

impl<'a> ProblemAt<'a> {
    pub(crate) fn new(text: &str, file: &'a str) -> ProblemAt<'a> {
        ProblemAt { file, newlines: memchr::memchr_iter(b'\n', text.as_bytes()).collect() }
    }

    /// A problem at a byte offset of the file's text.
    pub(crate) fn at(&self, offset: usize, message: impl Into<String>) -> ConfigProblem {
        let line = self.newlines.partition_point(|&n| n < offset) + 1;
        ConfigProblem { file: self.file.to_string(), line, message: message.into() }
    }
}

/// Parse a config file's TOML, or say where it is broken.
pub fn parse_toml<T: serde::de::DeserializeOwned>(text: &str, file: &str) -> Result<T, ConfigProblem> {
    toml::from_str(text).map_err(|e| ConfigProblem::at(text, file, e.span().map_or(0, |s| s.start), e.message().trim()))
}

/// 1-based line of a byte offset.
pub fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

type Sections = BTreeMap<String, BTreeMap<String, toml::Spanned<toml::Value>>>;

impl Default for Keymap {
    fn default() -> Self {
        Keymap::defaults()
    }
}

impl Keymap {
    /// The embedded defaults.
    pub fn defaults() -> Keymap {
        let mut k = Keymap { maps: BTreeMap::new(), mouse: true, map_dots: MapDots::Braille };
        let problems = k.apply(DEFAULT_KEYMAP, "assets/keymap.toml");
        debug_assert!(problems.is_empty(), "{problems:?}");
        k
    }

    /// Apply a file of overrides. Every bad entry is skipped and reported; the rest applies.
    /// A file that is not valid TOML changes nothing.
    pub fn apply(&mut self, text: &str, file: &str) -> Vec<ConfigProblem> {
        let sections: Sections = match parse_toml(text, file) {
            Ok(s) => s,
            Err(p) => return vec![p],
        };
        let lines = ProblemAt::new(text, file);
        let problem = |off: usize, message: String| lines.at(off, message);
        let ctrl_c = Chord::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        let mut problems = Vec::new();
        for (section, entries) in sections {
            if section == "options" {
                for (name, v) in entries {
                    match (name.as_str(), v.get_ref()) {
                        ("mouse", toml::Value::Boolean(b)) => self.mouse = *b,
                        ("mouse", _) => problems.push(problem(v.span().start, "mouse must be true or false".into())),
                        ("map_dots", toml::Value::String(s))
                            if ["braille", "halfblock", "dot"].contains(&s.as_str()) =>
                        {
                            self.map_dots = match s.as_str() {
                                "braille" => MapDots::Braille,
                                "halfblock" => MapDots::HalfBlock,
                                _ => MapDots::Dot,
                            }
                        }
                        ("map_dots", _) => problems.push(problem(
                            v.span().start,
                            "map_dots must be \"braille\", \"halfblock\" or \"dot\"".into(),
                        )),
                        _ => problems
                            .push(problem(v.span().start, format!("unknown option '{name}' (known: mouse, map_dots)"))),
                    }
                }
                continue;
            }
            let Some(ctx) = Context::parse(&section) else {
                let off = entries.values().next().map_or(0, |v| v.span().start);
                let known: Vec<&str> = Context::ALL.iter().map(|c| c.as_str()).collect();
                problems
                    .push(problem(off, format!("unknown section [{section}] (known: options, {})", known.join(", "))));
                continue;
            };
            // in file order (the map is sorted by key): hints show the first key bound
            let mut entries: Vec<_> = entries.into_iter().collect();
            entries.sort_by_key(|(_, v)| v.span().start);
            let mut binder = self.binder(ctx);
            for (key, v) in entries {
                let off = v.span().start;
                let chord = match Chord::parse(&key) {
                    Ok(c) if c == ctrl_c => {
                        problems.push(problem(off, "ctrl-c always quits and cannot be rebound".into()));
                        continue;
                    }
                    Ok(c) => c,
                    Err(m) => {
                        problems.push(problem(off, m));
                        continue;
                    }
                };
                let action = match v.get_ref() {
                    toml::Value::String(a) => match Action::deserialize(toml::Value::String(a.clone())) {
                        Ok(a) => a,
                        Err(_) => {
                            problems.push(problem(off, format!("unknown action '{a}' for key '{key}'")));
                            continue;
                        }
                    },
                    _ => {
                        problems.push(problem(off, format!("the action for '{key}' must be a string, e.g. \"down\"")));
                        continue;
                    }
                };
                binder.bind(chord, action);
            }
        }
        problems
    }

    /// Bind (or with [`Action::None`], unbind) a key in a context.
    pub fn bind(&mut self, ctx: Context, chord: Chord, action: Action) {
        self.binder(ctx).bind(chord, action);
    }

    /// Binds many keys of a context, each in constant time.
    fn binder(&mut self, ctx: Context) -> Binder<'_> {
        let map = self.maps.entry(ctx).or_default();
        let at = map.iter().enumerate().map(|(i, (c, _))| (*c, i)).collect();
        Binder { map, at }
    }

    pub fn lookup(&self, ctx: Context, chord: Chord) -> Option<Action> {
        self.maps.get(&ctx)?.iter().find(|(c, _)| *c == chord).map(|(_, a)| *a).filter(|a| *a != Action::None)
    }

    /// The bindings of a context, in order, unbound ones left out.
    pub fn bindings(&self, ctx: Context) -> impl Iterator<Item = (Chord, Action)> + '_ {
        self.maps.get(&ctx).into_iter().flatten().copied().filter(|(_, a)| *a != Action::None)
    }

    /// The keys bound to an action in a context.
    pub fn keys_for(&self, ctx: Context, action: Action) -> Vec<Chord> {
        self.bindings(ctx).filter(|(_, a)| *a == action).map(|(c, _)| c).collect()
    }
}

/// The bindings of one context with an index of where each key is.
struct Binder<'a> {
    map: &'a mut Vec<(Chord, Action)>,
    at: std::collections::HashMap<Chord, usize>,
}

impl Binder<'_> {
    fn bind(&mut self, chord: Chord, action: Action) {
        match self.at.get(&chord) {
            Some(&i) => self.map[i].1 = action,
            None => {
                self.at.insert(chord, self.map.len());
                self.map.push((chord, action));
            }
        }
    }
}

use serde::Deserialize as _;

#[cfg(test)]
mod tests {
    use super::*;

    fn key(s: &str) -> Chord {
        Chord::parse(s).unwrap()
    }

    #[test]
    fn parses_keys() {
        assert_eq!(key("j"), Chord::new(KeyCode::Char('j'), KeyModifiers::NONE));
        assert_eq!(key("G"), Chord::new(KeyCode::Char('G'), KeyModifiers::SHIFT));
        assert_eq!(key("ctrl-d"), Chord::new(KeyCode::Char('d'), KeyModifiers::CONTROL));
        assert_eq!(key("ctrl-D"), Chord::new(KeyCode::Char('d'), KeyModifiers::CONTROL));
        assert_eq!(key("shift-tab"), Chord::new(KeyCode::BackTab, KeyModifiers::SHIFT));
        assert_eq!(key("space").code, KeyCode::Char(' '));
        assert_eq!(key("f5").code, KeyCode::F(5));
        assert_eq!(key("-").code, KeyCode::Char('-'));
        assert!(Chord::parse("hyper-x").is_err());
        assert!(Chord::parse("f13").is_err());
        assert_eq!(key("ctrl-d").label(), "C-d");
    }

    #[test]
    fn defaults_parse_and_cover_the_conventions() {
        let k = Keymap::defaults();
        let d = |ctx, s| k.lookup(ctx, key(s));
        assert_eq!(d(Context::Global, "q"), Some(Action::Quit));
        assert_eq!(d(Context::Global, "?"), Some(Action::Help));
        assert_eq!(d(Context::Global, "tab"), Some(Action::FocusNext));
        assert_eq!(d(Context::Global, "shift-tab"), Some(Action::FocusPrev));
        assert_eq!(d(Context::Global, "/"), Some(Action::Search));
        for (s, a) in [
            ("j", Action::Down),
            ("down", Action::Down),
            ("k", Action::Up),
            ("up", Action::Up),
            ("g", Action::Top),
            ("G", Action::Bottom),
            ("ctrl-d", Action::HalfPageDown),
            ("ctrl-u", Action::HalfPageUp),
            ("pagedown", Action::PageDown),
            ("pageup", Action::PageUp),
            ("enter", Action::Open),
            ("esc", Action::Back),
        ] {
            assert_eq!(d(Context::List, s), Some(a), "{s}");
        }
        assert_eq!(d(Context::Reader, "n"), Some(Action::NextMention));
        assert_eq!(d(Context::Reader, "N"), Some(Action::PrevMention));
        assert_eq!(d(Context::Input, "enter"), Some(Action::Accept));
        assert_eq!(d(Context::Input, "q"), None, "q types while typing");
    }

    #[test]
    fn overrides_are_partial_and_problems_name_the_line() {
        let mut k = Keymap::defaults();
        let text = "[list]\nx = \"down\"\nj = \"none\"\ny = \"jump\"\n\"hyper-q\" = \"up\"\n[nowhere]\na = \"up\"\n[options]\nmouse = false\n";
        let p = k.apply(text, "keymap.toml");
        assert_eq!(k.lookup(Context::List, key("x")), Some(Action::Down));
        assert_eq!(k.lookup(Context::List, key("j")), None);
        assert_eq!(k.lookup(Context::List, key("k")), Some(Action::Up), "others kept");
        assert!(!k.mouse);
        let lines: Vec<usize> = p.iter().map(|p| p.line).collect();
        assert_eq!(lines, vec![4, 5, 7], "{p:?}");
        assert!(p[0].message.contains("unknown action 'jump'"));
        assert!(p[0].to_string().starts_with("keymap.toml line 4: "));
    }

    #[test]
    fn broken_toml_changes_nothing() {
        let mut k = Keymap::defaults();
        let before = k.clone();
        let p = k.apply("[list]\nj = \"down\"\nk = = \n", "keymap.toml");
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].line, 3);
        assert_eq!(k, before);
    }

    #[test]
    fn ctrl_c_cannot_be_rebound() {
        let mut k = Keymap::defaults();
        let p = k.apply("[list]\nctrl-c = \"help\"\n[global]\nctrl-C = \"none\"\n", "keymap.toml");
        assert_eq!(p.len(), 2, "{p:?}");
        // sections in name order: [global] first
        assert_eq!((p[0].line, p[1].line), (4, 2));
        assert!(p.iter().all(|p| p.message.contains("ctrl-c always quits")), "{p:?}");
        assert_eq!(k.lookup(Context::List, key("ctrl-c")), None);
        assert_eq!(k.lookup(Context::Global, key("ctrl-c")), None);
    }
}
