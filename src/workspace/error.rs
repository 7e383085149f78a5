//! What can go wrong with the workspace file, said in one line that names it.

use std::fmt;
use std::path::{Path, PathBuf};

/// Why the workspace could not be opened, read or written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    /// Not an SQLite database, or a damaged one (SQLite's own words).
    #[error("{0}")]
    Corrupt(String),
    /// Another program (another sitrep) held the database for longer than the busy timeout.
    #[error("locked by another program (another sitrep?)")]
    Locked,
    /// Written by a newer sitrep: never downgraded.
    #[error("its schema version {found} is newer than this sitrep knows ({known}); use a newer sitrep")]
    Newer { found: i64, known: i64 },
    /// An SQLite database, but another program's.
    #[error("not a sitrep workspace (another program's database?)")]
    Foreign,
    /// The folder could not be made, or the file opened (permissions, a read-only disk).
    #[error("{0}")]
    Io(String),
    /// Neither `$SITREP_DATA_HOME`, `$XDG_DATA_HOME` nor a home folder is known.
    #[error("no data folder: set SITREP_DATA_HOME")]
    NoDataDir,
    /// Anything else SQLite reported.
    #[error("{0}")]
    Other(String),
}

/// A [`Problem`] with the workspace file at `path`. Its `Display` is one line naming the file
/// (`workspace /home/me/.local/share/sitrep/workspace.sqlite3: file is not a database`);
/// when the workspace could not be opened at all it adds what that means for the session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkspaceError {
    path: PathBuf,
    problem: Problem,
    opening: bool,
}

impl WorkspaceError {
    pub(crate) fn new(path: &Path, problem: Problem) -> WorkspaceError {
        WorkspaceError { path: path.to_path_buf(), problem, opening: false }
    }

    /// The same problem, met while opening: nothing of the workspace is usable.
    pub(crate) fn opening(mut self) -> WorkspaceError {
        self.opening = true;
        self
    }

    pub(crate) fn sqlite(path: &Path, e: rusqlite::Error) -> WorkspaceError {
        WorkspaceError::new(path, problem_of(&e))
    }

    /// The workspace file (empty when no data folder is known).
    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn problem(&self) -> &Problem {
        &self.problem
    }

    /// The message without the note on what it means for the session: `workspace PATH: WHY`.
    pub fn short(&self) -> String {
        let what = crate::printable::one_line(&self.path.to_string_lossy()).into_owned();
        if what.is_empty() {
            format!("workspace: {}", self.problem)
        } else {
            format!("workspace {what}: {}", self.problem)
        }
    }
}

impl fmt::Display for WorkspaceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.short())?;
        if self.opening {
            f.write_str(" (notes, flags and saved queries are off this session)")?;
        }
        Ok(())
    }
}

impl std::error::Error for WorkspaceError {}

/// Sort SQLite's errors into what a person can act on.
fn problem_of(e: &rusqlite::Error) -> Problem {
    use rusqlite::ErrorCode::*;
    match e.sqlite_error_code() {
        Some(NotADatabase | DatabaseCorrupt) => Problem::Corrupt(sqlite_words(e)),
        Some(DatabaseBusy | DatabaseLocked) => Problem::Locked,
        Some(CannotOpen | ReadOnly | PermissionDenied | SystemIoFailure | DiskFull | NoLargeFileSupport) => {
            Problem::Io(sqlite_words(e))
        }
        _ => Problem::Other(sqlite_words(e)),
    }
}

/// SQLite's message without rusqlite's wrapping: "file is not a database".
fn sqlite_words(e: &rusqlite::Error) -> String {
    match e {
        rusqlite::Error::SqliteFailure(_, Some(msg)) if !msg.is_empty() => msg.clone(),
        rusqlite::Error::SqliteFailure(f, None) => f.to_string(),
        e => e.to_string(),
    }
}
