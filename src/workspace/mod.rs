//! The workspace: what a person adds to the corpus and wants back next time (flags on
//! events, notes on events and articles, named queries, which articles they have read),
//! kept in `workspace.sqlite3` in sitrep's data folder ([`data_dir`]).
//!
//! Nothing here points at a position in a store: flags and notes name events and articles
//! by keys made from their text ([`EventKey`], [`ArticleKey`]), so that they find their event
//! again when the corpus is reloaded or extraction runs again. A note whose event is gone is
//! kept, with the snapshot ([`Context`]) of what it was about, and [`resolve`] says it is
//! orphaned.
//!
//! A workspace that cannot be opened (damaged, locked, written by a newer sitrep) is a
//! [`WorkspaceError`] of one line naming the file; sitrep goes on without it.

mod db;
mod error;
mod items;
mod keys;

use std::path::PathBuf;

pub use db::{FILE_NAME, SCHEMA_VERSION, Workspace};
pub use error::{Problem, WorkspaceError};
pub use items::{Context, Flag, Note, SavedQuery, Target};
pub use keys::{ArticleKey, EventKey, StoreKeys, keys_for_store};

use crate::extract::EventId;

/// sitrep's data folder: `$SITREP_DATA_HOME`, else `$XDG_DATA_HOME/sitrep`, else the
/// platform's (`~/.local/share/sitrep` on Linux, `~/Library/Application Support/sitrep` on
/// macOS, `%APPDATA%\sitrep\data` on Windows). Empty variables count as unset.
pub fn data_dir(env: &dyn Fn(&str) -> Option<String>) -> Option<PathBuf> {
    crate::user_dir(env, "SITREP_DATA_HOME", "XDG_DATA_HOME", |p| p.data_dir())
}

/// Where a flag's or note's target is in the loaded store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    Event(EventId),
    /// An index of [`crate::store::Store::articles`].
    Article(u32),
}

/// Where `target` is in the store whose keys are `keys`; `None` when it is not there (its
/// note is orphaned: shown with its snapshot, never dropped).
pub fn resolve(target: &Target, keys: &StoreKeys) -> Option<Found> {
    match target {
        Target::Event(k) => keys.event_by_key(k).map(Found::Event),
        Target::Article(k) => keys.article_by_key(k).map(Found::Article),
    }
}

/// Every note with where its target is, `None` for the orphaned; none left out.
pub fn resolve_notes(notes: Vec<Note>, keys: &StoreKeys) -> Vec<(Note, Option<Found>)> {
    notes
        .into_iter()
        .map(|n| {
            let found = resolve(&n.target, keys);
            (n, found)
        })
        .collect()
}

#[cfg(test)]
mod tests;
