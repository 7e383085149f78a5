//! The vocabulary of the keymap file, the help overlay and the tests: every thing a key can do.
//!
//! Actions are interpreted by `update` according to the focused pane: `down` moves the list
//! selection, scrolls the reader, or moves the help page.

use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Unbinds a key in an override file.
    None,
    Quit,
    Help,
    FocusNext,
    FocusPrev,
    FocusTimeline,
    FocusList,
    FocusReader,
    FocusEntities,
    FocusArticles,
    Search,
    UndoFilter,
    ClearFilters,
    Sort,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    HalfPageUp,
    HalfPageDown,
    Top,
    Bottom,
    Open,
    Back,
    NextMention,
    PrevMention,
    ZoomIn,
    ZoomOut,
    MarkSpan,
    ToggleMouse,
    ToggleWatch,
    Redraw,
    Suspend,
    /// Show every fact of the current event.
    EventCard,
    /// Copy the current event's sentence with its citation.
    Copy,
    /// Open the current article's URL.
    OpenUrl,
    /// Type a command (`:export`, `:goto` ...).
    Command,
    /// Flag the current event, or unflag it.
    Flag,
    /// Delete the saved query or note picked.
    Delete,
    /// List the reports of the selected happening under its row, or fold them again.
    ExpandReports,
    /// Show the map in the reader's place, or the reader again.
    ToggleMap,
    /// Fit the map's view to the listed events.
    FitMap,
    /// The map over the whole window below the timeline, or in the reader's place again.
    MapFull,
    /// Filter the list to the map's view (a `bbox:` term).
    FilterToView,
    // While typing a query.
    Accept,
    Cancel,
    DeleteBack,
    DeleteForward,
    DeleteWord,
    ClearLine,
    CursorLeft,
    CursorRight,
    CursorHome,
    CursorEnd,
    HistoryPrev,
    HistoryNext,
    /// Complete the command or file name being typed.
    Complete,
}

impl Action {
    /// A one-line description for the help overlay.
    pub fn describe(self) -> &'static str {
        use Action::*;
        match self {
            None => "(unbound)",
            Quit => "quit",
            Help => "show or hide this help",
            FocusNext => "next pane",
            FocusPrev => "previous pane",
            FocusTimeline => "go to the timeline",
            FocusList => "go to the event list",
            FocusReader => "go to the reader",
            FocusEntities => "go to the reader's entity list",
            FocusArticles => "go to the articles (by outlet, ● unread)",
            Search => "type a query (filters and fuzzy words)",
            UndoFilter => "back to the previous query",
            ClearFilters => "clear the query and the timeline selection",
            Sort => "sort: relevance, newest, oldest, casualties",
            Up => "up",
            Down => "down",
            Left => "left / earlier",
            Right => "right / later",
            PageUp => "page up",
            PageDown => "page down",
            HalfPageUp => "half a page up",
            HalfPageDown => "half a page down",
            Top => "first",
            Bottom => "last",
            Open => "open / filter to it",
            Back => "back / clear selection",
            NextMention => "next entity mention",
            PrevMention => "previous entity mention",
            ZoomIn => "zoom in (the timeline: month, week, day; the map)",
            ZoomOut => "zoom out (the timeline: day, week, month; the map)",
            MarkSpan => "start or end a span of days",
            ToggleMouse => "mouse on/off",
            ToggleWatch => "watch the files for changes on/off",
            Redraw => "redraw the screen",
            Suspend => "suspend (fg in the shell brings sitrep back)",
            EventCard => "the event card: every fact, its source and why",
            Copy => "copy the sentence with its citation (OSC 52)",
            OpenUrl => "open the article's URL in a browser",
            Command => "type a command (:export :goto :save :open :note :help …)",
            Flag => "flag the event, or unflag it (kept in the workspace)",
            Delete => "delete the saved query or note",
            ExpandReports => "list every report of the event (its sources), or fold them",
            ToggleMap => "show the map in the reader's place, or the reader again",
            FitMap => "fit the map to the listed events",
            MapFull => "the map over the whole window, or in the reader's place again",
            FilterToView => "filter the list to the map's view (bbox:)",
            Accept => "accept the query",
            Cancel => "cancel, restore the previous query",
            DeleteBack => "delete the char before the cursor",
            DeleteForward => "delete the char under the cursor",
            DeleteWord => "delete the word before the cursor",
            ClearLine => "clear the query",
            CursorLeft => "cursor left",
            CursorRight => "cursor right",
            CursorHome => "cursor to start",
            CursorEnd => "cursor to end",
            HistoryPrev => "previous query",
            HistoryNext => "next query",
            Complete => "complete the command or file name",
        }
    }
}
