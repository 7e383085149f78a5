#![allow(dead_code)]
//! A synchronous harness for tests: drives `update` with keys through the keymap, runs
//! searches inline instead of on the worker thread, and renders into a `Buffer`.

use std::sync::Arc;

use crossterm::event::KeyModifiers;
use crossterm::event::{KeyEvent, KeyEventKind, KeyEventState, MouseButton, MouseEvent, MouseEventKind};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use sitrep::store::{Searcher, Store};

use sitrep::tui::keymap::{Chord, Keymap};
use sitrep::tui::model::{Effect, Model, Msg};
use sitrep::tui::theme::Theme;
use sitrep::tui::ui;
use sitrep::tui::update::update;

pub struct Harness {
    pub model: Model,
    pub theme: Theme,
    searcher: Option<Searcher>,
    /// Effects other than searches, in order (mouse switches, redraws).
    pub effects: Vec<Effect>,
}

impl Harness {
    /// A browser at `w`x`h` with the store loaded and the first search done.
    pub fn new(store: Store, w: u16, h: u16) -> Harness {
        let mut hs = Harness::loading(w, h);
        hs.send(Msg::Loaded(Ok(Arc::new(store))));
        hs
    }

    /// A browser still waiting for its store.
    pub fn loading(w: u16, h: u16) -> Harness {
        Harness {
            model: Model::new(Keymap::defaults(), (w, h)),
            theme: Theme::dark(),
            searcher: None,
            effects: Vec::new(),
        }
    }

    pub fn with_keymap(mut self, k: Keymap) -> Harness {
        self.model.keymap = k;
        self
    }

    /// Feed a message; searches it asks for run at once and their results are fed back.
    pub fn send(&mut self, msg: Msg) {
        if let Msg::Loaded(Ok(store)) = &msg {
            self.searcher = Some(Searcher::new(Arc::clone(store)));
        }
        let mut queue = vec![msg];
        while let Some(msg) = queue.pop() {
            for fx in update(&mut self.model, msg) {
                match fx {
                    Effect::Search(req) => {
                        if let Some(s) = &mut self.searcher
                            && let Some(out) = s.search(&req, &|| false)
                        {
                            queue.push(Msg::Results(out));
                        }
                    }
                    other => self.effects.push(other),
                }
            }
        }
    }

    /// Press one key written as in keymap.toml: `j`, `G`, `ctrl-d`, `enter`, `esc`.
    pub fn key(&mut self, spec: &str) {
        let c = Chord::parse(spec).unwrap_or_else(|e| panic!("{e}"));
        let mut mods = c.mods;
        if let crossterm::event::KeyCode::Char(ch) = c.code
            && ch.is_ascii_uppercase()
        {
            mods |= KeyModifiers::SHIFT;
        }
        self.send(Msg::Key(KeyEvent {
            code: c.code,
            modifiers: mods,
            kind: KeyEventKind::Press,
            state: KeyEventState::NONE,
        }));
    }

    /// Press several keys, separated by spaces: `"j j enter"`.
    pub fn keys(&mut self, specs: &str) {
        for s in specs.split_whitespace() {
            self.key(s);
        }
    }

    /// Type text, one key per char (as a user would while the query prompt is open).
    pub fn type_text(&mut self, text: &str) {
        for ch in text.chars() {
            let code = crossterm::event::KeyCode::Char(ch);
            self.send(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
        }
    }

    pub fn click(&mut self, col: u16, row: u16) {
        self.mouse(MouseEventKind::Down(MouseButton::Left), col, row);
    }

    pub fn mouse(&mut self, kind: MouseEventKind, col: u16, row: u16) {
        self.send(Msg::Mouse(MouseEvent { kind, column: col, row, modifiers: KeyModifiers::NONE }));
    }

    pub fn resize(&mut self, w: u16, h: u16) {
        self.send(Msg::Resize(w, h));
    }

    pub fn render(&self) -> Buffer {
        let (w, h) = self.model.size;
        let area = Rect::new(0, 0, w, h);
        let mut buf = Buffer::empty(area);
        ui::render(&self.model, &self.theme, area, &mut buf);
        buf
    }

    /// The screen as text, one line per row (trailing spaces kept off).
    pub fn screen(&self) -> String {
        buffer_text(&self.render())
    }
}

/// A buffer's symbols as lines of text, trailing spaces trimmed.
pub fn buffer_text(buf: &Buffer) -> String {
    let a = buf.area;
    let mut out = String::new();
    for y in a.y..a.y + a.height {
        let mut line = String::new();
        let mut skip = 0;
        for x in a.x..a.x + a.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf[(x, y)].symbol();
            line.push_str(sym);
            skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
