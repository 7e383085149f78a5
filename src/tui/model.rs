//! Everything the screen shows, as plain data. Only `update` writes it; `view` reads it.

use std::sync::Arc;

use crossterm::event::{KeyEvent, MouseEvent};

use crate::extract::EventId;
use crate::store::query::{Filter, TextMatch};
use crate::store::{Hit, Progress, Query, QueryError, SearchOutput, SearchRequest, Sort, Store};

use super::keymap::Keymap;
use super::timeline::TimelineState;
use super::wrap::WLine;

/// What `update` reacts to.
#[derive(Debug)]
pub enum Msg {
    Key(KeyEvent),
    Mouse(MouseEvent),
    Resize(u16, u16),
    Paste(String),
    Progress(Progress),
    Loaded(Result<Arc<Store>, String>),
    /// The watched files changed: the store rebuilt from them, and what changed.
    Reloaded(Arc<Store>, crate::corpus::Changes),
    Results(SearchOutput),
    /// A background job failed; the message goes to the status line.
    Failed(String),
    /// A signal arrived (the runtime turns signals into these).
    Signal(Signal),
    /// The terminal is gone (it hung up): nothing can be shown or read any more.
    TerminalGone,
    /// A job the runtime ran for `update` is done (or failed): the status line says so.
    Said(Status),
    /// What the workspace holds for the store shown, after it opened, the store changed,
    /// or a change was written.
    Workspace(WorkspaceView),
}

/// What a signal asks of the browser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signal {
    /// SIGTERM, SIGHUP, SIGINT: quit, the process ending with status 128 + this number.
    End(i32),
    /// SIGTSTP: give the terminal back and stop until continued.
    Suspend,
    /// SIGCONT: take the terminal again and draw everything.
    Resume,
}

/// What `update` asks the runtime to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Search(SearchRequest),
    SetMouse(bool),
    Redraw,
    /// Start or stop watching the files for changes.
    Watch(bool),
    /// Give the terminal back to the shell and stop until continued (Ctrl-z, SIGTSTP).
    Suspend,
    /// Take the terminal again (raw mode, alternate screen, mouse) and draw everything.
    Resume,
    /// Put this text on the clipboard (OSC 52: works over SSH and in tmux).
    Copy(String),
    /// Open this URL in a browser ($BROWSER or the platform's opener).
    OpenUrl(String),
    /// Write these events to a file, in the format its extension names.
    Export {
        path: std::path::PathBuf,
        events: Vec<EventId>,
    },
    /// Write a change to the workspace (the runtime answers with `Msg::Workspace`).
    Persist(Change),
}

/// A change to the workspace, naming what it is about in the store shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Flag { event: EventId, on: bool },
    Note { on: NoteOn, text: String },
    DeleteNote(i64),
    SaveQuery { name: String, query: String },
    ForgetQuery(String),
    Read(u32),
}

/// What a note is written on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteOn {
    Event(EventId),
    /// An index of the store's articles.
    Article(u32),
}

/// A note as the browser shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteView {
    pub id: i64,
    /// Where it is in the store shown; `None` when its event or article is gone (orphaned).
    pub on: Option<NoteOn>,
    pub text: String,
    /// When it was written (RFC 3339).
    pub created: String,
    /// What it was about when written: the sentence, else the article's title.
    pub about: String,
}

/// What the workspace holds for the store shown.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct WorkspaceView {
    pub flagged: std::collections::HashSet<EventId>,
    /// Every note, oldest first, orphaned ones included.
    pub notes: Vec<NoteView>,
    /// Saved queries: name and query, by name.
    pub queries: Vec<(String, String)>,
    /// Articles read (indices of the store's articles).
    pub read: std::collections::HashSet<u32>,
    /// Flags whose event is gone.
    pub orphaned_flags: usize,
}

impl WorkspaceView {
    /// The notes on an event, and on its article.
    pub fn notes_on(&self, event: EventId, article: u32) -> impl Iterator<Item = &NoteView> {
        self.notes.iter().filter(move |n| n.on == Some(NoteOn::Event(event)) || n.on == Some(NoteOn::Article(article)))
    }
}

/// A list overlay to pick from: saved queries (`:open`) or notes (`:notes`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Picker {
    pub kind: PickerKind,
    pub selected: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickerKind {
    Queries,
    Notes,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    Timeline,
    #[default]
    List,
    Reader,
    Entities,
    Articles,
    /// The map, in the reader's place.
    Map,
}

impl Focus {
    pub fn name(self) -> &'static str {
        match self {
            Focus::Timeline => "timeline",
            Focus::List => "events",
            Focus::Reader => "reader",
            Focus::Entities => "entities",
            Focus::Articles => "articles",
            Focus::Map => "map",
        }
    }

    /// The key bindings that apply in this pane.
    pub fn context(self) -> super::keymap::Context {
        use super::keymap::Context;
        match self {
            Focus::Timeline => Context::Timeline,
            Focus::List => Context::List,
            Focus::Reader => Context::Reader,
            Focus::Entities => Context::Entities,
            Focus::Articles => Context::Articles,
            Focus::Map => Context::Map,
        }
    }
}

/// What the line at the top is being typed for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Prompt {
    /// A query (`/`): the list follows each key.
    #[default]
    Query,
    /// A command (`:`), run on Enter.
    Command,
}

/// The query or command being typed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Input {
    pub prompt: Prompt,
    pub text: String,
    /// Byte offset of the cursor in `text`.
    pub cursor: usize,
    /// The query in effect when typing started (Esc restores it).
    pub before: String,
    /// Position in the history while browsing it with up/down.
    pub history_pos: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ListState {
    pub selected: usize,
    pub offset: usize,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ReaderState {
    pub article: Option<u32>,
    pub event: Option<EventId>,
    /// The article body wrapped to `wrap_width` (kept until the article or width changes).
    pub lines: Vec<WLine>,
    pub wrap_width: usize,
    pub scroll: usize,
    /// The current mention (index into `Store::mentions_in(article)`).
    pub mention: Option<usize>,
    /// The article's entities with their mention counts, most named first (the side list).
    pub entities: Vec<(u32, u32)>,
    /// The side list: selected entity row and first row drawn.
    pub entity_sel: usize,
    pub entity_offset: usize,
}

/// The articles pane: every article, by outlet then newest first.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ArticlesState {
    /// Article indices in the order shown (worked out when a store arrives).
    pub order: Vec<u32>,
    pub selected: usize,
    pub offset: usize,
    /// Articles the reader has shown (kept in the workspace when there is one).
    pub read: std::collections::HashSet<u32>,
}

/// The event card (`i`): every fact of one event, scrolled this far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventCard {
    pub event: EventId,
    pub scroll: usize,
    /// The line of the event's file where its sentence starts, when the file could be read.
    pub line: Option<usize>,
}

/// What the list says about the entity a query is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityCard {
    /// Position in `Store::entities`.
    pub entity: u32,
    /// The articles naming it, with mention counts.
    pub articles: Vec<(u32, u32)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

#[derive(Debug)]
pub struct Model {
    pub store: Option<Arc<Store>>,
    /// A store rebuilt from the watched files, waiting for its first results.
    pub pending: Option<(Arc<Store>, crate::corpus::Changes)>,
    pub progress: Option<Progress>,
    pub load_error: Option<String>,
    pub keymap: Keymap,
    pub mouse: bool,
    /// The files are watched for changes (`w`, `--watch`).
    pub watching: bool,
    pub size: (u16, u16),
    pub focus: Focus,
    /// The help overlay is open, scrolled this far.
    pub help: Option<usize>,
    /// The event card is open.
    pub event_card: Option<EventCard>,
    /// The workspace's flags, notes, saved queries and read articles; `None` while it is not
    /// open (or could not be: the status line said why).
    pub workspace: Option<WorkspaceView>,
    /// The list of saved queries or notes is open.
    pub picker: Option<Picker>,
    /// Commands run (`:`), for up/down while typing one.
    pub command_history: Vec<String>,
    /// Something on screen may have changed since the last draw (the runtime draws only then).
    pub dirty: bool,
    pub input: Option<Input>,
    /// The query in effect, as typed, and parsed.
    pub query_text: String,
    pub query: Query,
    /// The error of the text being typed, if it does not parse.
    pub query_error: Option<QueryError>,
    /// Earlier queries, for `undo_filter`.
    pub undo: Vec<String>,
    /// Accepted queries, for up/down while typing.
    pub history: Vec<String>,
    pub sort: Sort,
    pub generation: u64,
    pub results: SearchOutput,
    pub searching: bool,
    pub list: ListState,
    /// The event the list selection is on (kept across new results of the same query).
    pub selected_event: Option<EventId>,
    /// The query changed: its results open at the top.
    pub to_top: bool,
    /// The happening (its cluster id) whose reports are listed under its row (`x`).
    pub expanded: Option<EventId>,
    /// The map, shown in the reader's place (`m`).
    pub map: Option<super::map::MapState>,
    pub timeline: TimelineState,
    pub reader: ReaderState,
    pub articles: ArticlesState,
    pub status: Option<Status>,
    /// The card shown above the list when the query is about one entity, and the query
    /// text it was made for (kept so drawing does not search the entities each frame).
    pub card: Option<EntityCard>,
    pub card_for: Option<String>,
    /// Problems of the config files, in full (the help lists them; the status line says how
    /// many until the browser ends).
    pub config_problems: Vec<String>,
    /// Problems the loader reported (shown once loading is done).
    pub load_notes: Vec<String>,
    /// What the loader said of the load, shown when it is done and nothing went wrong.
    pub load_said: Option<String>,
    pub quit: bool,
    /// Quitting because of this signal (the process ends with status 128 + it).
    pub ended_by: Option<i32>,
    /// Quitting because the terminal is gone.
    pub terminal_gone: bool,
}

impl Model {
    pub fn new(keymap: Keymap, size: (u16, u16)) -> Model {
        Model {
            store: None,
            pending: None,
            progress: None,
            load_error: None,
            mouse: keymap.mouse,
            watching: false,
            keymap,
            size,
            focus: Focus::List,
            help: None,
            event_card: None,
            workspace: None,
            picker: None,
            command_history: Vec::new(),
            dirty: true,
            input: None,
            query_text: String::new(),
            query: Query::default(),
            query_error: None,
            expanded: None,
            map: None,
            undo: Vec::new(),
            history: Vec::new(),
            sort: Sort::Relevance,
            generation: 0,
            results: SearchOutput::empty(),
            searching: false,
            list: ListState::default(),
            selected_event: None,
            to_top: false,
            timeline: TimelineState::default(),
            reader: ReaderState::default(),
            articles: ArticlesState::default(),
            status: None,
            card: None,
            card_for: None,
            config_problems: Vec::new(),
            load_notes: Vec::new(),
            load_said: None,
            quit: false,
            ended_by: None,
            terminal_gone: false,
        }
    }

    pub fn store(&self) -> Option<&Store> {
        self.store.as_deref()
    }

    /// The hit under the list selection.
    pub fn selected_hit(&self) -> Option<&Hit> {
        self.results.get(self.list.selected)
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.status = Some(Status { text: text.into(), error: false });
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.status = Some(Status { text: text.into(), error: true });
    }

    /// The entity the card is about (see [`Model::refresh_card`]).
    pub fn card_entity(&self) -> Option<u32> {
        self.card.as_ref().map(|c| c.entity)
    }

    /// Work out the card for the query in effect, unless that was done already.
    pub fn refresh_card(&mut self) {
        if self.card_for.as_deref() == Some(self.query_text.as_str()) && self.store.is_some() {
            return;
        }
        self.card = self.find_card_entity().map(|entity| EntityCard {
            entity,
            articles: self.store().map(|s| s.articles_naming(entity)).unwrap_or_default(),
        });
        self.card_for = self.store.is_some().then(|| self.query_text.clone());
    }

    /// The entity the query is about, when it has exactly one positive `entity=` or
    /// `entity:` term naming exactly one entity: the list shows a card for it.
    fn find_card_entity(&self) -> Option<u32> {
        let store = self.store()?;
        let mut terms = self.query.terms.iter().filter(|t| matches!(t.filter, Filter::Entity(_)) && !t.negate);
        let t = terms.next()?;
        if terms.next().is_some() {
            return None;
        }
        let Filter::Entity(ms) = &t.filter else {
            return None;
        };
        let [m] = ms.as_slice() else {
            return None;
        };
        let found = store.find_entities(m);
        match (found.as_slice(), m) {
            ([one], _) => Some(*one),
            // `entity:lavrov` may hit several entities; prefer one whose name is exactly it
            (many, TextMatch::Contains(v)) => many
                .iter()
                .copied()
                .find(|&p| store.entity_at(p).is_some_and(|e| crate::extract::fold::fold(&e.name) == *v)),
            _ => None,
        }
    }
}
