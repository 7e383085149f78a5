//! The workspace file: an SQLite database, its schema and the few reads and writes sitrep
//! makes.
//!
//! The schema's version is the database's `user_version`; [`MIGRATIONS`] lists the steps from
//! one version to the next and [`Workspace::open`] applies the missing ones in one
//! transaction. A file of a newer version is refused, never downgraded. The file carries
//! sitrep's `application_id`, so that another program's database is not taken for a
//! workspace. Every write is a transaction of its own (`BEGIN IMMEDIATE`), and a file another
//! program holds is given up on after [`BUSY`] rather than waited for.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{SecondsFormat, Utc};
use rusqlite::{Connection, OptionalExtension, Row, Transaction, TransactionBehavior, params};

use super::error::{Problem, WorkspaceError};
use super::items::{Context, Flag, Note, SavedQuery, Target};
use super::keys::{ArticleKey, EventKey};

/// How long to wait for another program's lock on the file before saying it is locked.
pub const BUSY: Duration = Duration::from_millis(250);

/// `application_id` of a sitrep workspace: "sitr".
const APPLICATION_ID: i64 = 0x7369_7472;

/// Step `i` takes the schema from version `i` to `i + 1`. Append only: a step once released
/// is never edited, since workspaces out there have run it.
const MIGRATIONS: &[&str] = &[
    // 1: flags, notes, saved queries, read articles.
    "CREATE TABLE flag (
        event TEXT PRIMARY KEY NOT NULL,
        created TEXT NOT NULL,
        article_title TEXT NOT NULL,
        outlet TEXT,
        url TEXT,
        sentence TEXT NOT NULL,
        date TEXT
    );
    CREATE TABLE note (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        target_kind TEXT NOT NULL CHECK (target_kind IN ('event', 'article')),
        target TEXT NOT NULL,
        created TEXT NOT NULL,
        text TEXT NOT NULL,
        article_title TEXT NOT NULL,
        outlet TEXT,
        url TEXT,
        sentence TEXT NOT NULL,
        date TEXT
    );
    CREATE INDEX note_by_target ON note (target_kind, target);
    CREATE TABLE saved_query (
        name TEXT PRIMARY KEY NOT NULL,
        query TEXT NOT NULL,
        created TEXT NOT NULL,
        updated TEXT NOT NULL
    );
    CREATE TABLE read_article (
        article TEXT PRIMARY KEY NOT NULL,
        read TEXT NOT NULL
    );",
];

/// The schema version this sitrep writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// The database file in a data folder.
pub const FILE_NAME: &str = "workspace.sqlite3";

/// Flags, notes, saved queries and read articles, kept in an SQLite file.
pub struct Workspace {
    conn: Connection,
    path: PathBuf,
}

impl std::fmt::Debug for Workspace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Workspace").field("path", &self.path).finish()
    }
}

/// Now, as stored: RFC 3339 in UTC, to the second (`2026-12-06T17:03:09Z`).
fn now() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true)
}

const CONTEXT_COLUMNS: &str = "article_title, outlet, url, sentence, date";

/// The context at columns `at..at + 5` of a row.
fn context(row: &Row<'_>, at: usize) -> rusqlite::Result<Context> {
    Ok(Context {
        article_title: row.get(at)?,
        outlet: row.get(at + 1)?,
        url: row.get(at + 2)?,
        sentence: row.get(at + 3)?,
        date: row.get(at + 4)?,
    })
}

/// The schema version of the file at `path`, checked: one this sitrep knows (0 for a new,
/// empty file), in a sitrep workspace.
fn checked_version(path: &Path, conn: &Connection) -> Result<i64, WorkspaceError> {
    let sq = |e| WorkspaceError::sqlite(path, e);
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(sq)?;
    let app: i64 = conn.pragma_query_value(None, "application_id", |r| r.get(0)).map_err(sq)?;
    let foreign = || WorkspaceError::new(path, Problem::Foreign);
    if version == 0 {
        // A new file has no tables; one with tables and no version is another program's.
        let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0)).map_err(sq)?;
        if tables > 0 || (app != 0 && app != APPLICATION_ID) {
            return Err(foreign());
        }
    } else if app != APPLICATION_ID || version < 0 {
        return Err(foreign());
    }
    if version > SCHEMA_VERSION {
        return Err(WorkspaceError::new(path, Problem::Newer { found: version, known: SCHEMA_VERSION }));
    }
    Ok(version)
}

impl Workspace {
    /// Open the workspace at `path`, making the file (and its folder) when missing and
    /// bringing its schema up to date.
    pub fn open(path: &Path) -> Result<Workspace, WorkspaceError> {
        let fail = |p: Problem| WorkspaceError::new(path, p).opening();
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| fail(Problem::Io(format!("cannot make its folder: {e}"))))?;
        }
        let sq = |e| WorkspaceError::sqlite(path, e).opening();
        let conn = Connection::open(path).map_err(sq)?;
        conn.busy_timeout(BUSY).map_err(sq)?;
        let mut ws = Workspace { conn, path: path.to_path_buf() };
        ws.migrate().map_err(WorkspaceError::opening)?;
        Ok(ws)
    }

    /// Open `workspace.sqlite3` in the data folder ([`super::data_dir`]).
    pub fn open_in(env: &dyn Fn(&str) -> Option<String>) -> Result<Workspace, WorkspaceError> {
        match super::data_dir(env) {
            Some(dir) => Workspace::open(&dir.join(FILE_NAME)),
            None => Err(WorkspaceError::new(Path::new(""), Problem::NoDataDir).opening()),
        }
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn err(&self, e: rusqlite::Error) -> WorkspaceError {
        WorkspaceError::sqlite(&self.path, e)
    }

    /// Apply the missing migrations, or refuse a file this sitrep cannot read.
    fn migrate(&mut self) -> Result<(), WorkspaceError> {
        let path = &self.path;
        let sq = |e| WorkspaceError::sqlite(path, e);
        if checked_version(path, &self.conn)? == SCHEMA_VERSION {
            return Ok(());
        }
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(sq)?;
        // Another sitrep may have migrated it while this one waited for the lock.
        let version = checked_version(path, &tx)?;
        for step in MIGRATIONS.iter().skip(version as usize) {
            tx.execute_batch(step).map_err(sq)?;
        }
        tx.pragma_update(None, "application_id", APPLICATION_ID).map_err(sq)?;
        tx.pragma_update(None, "user_version", SCHEMA_VERSION).map_err(sq)?;
        tx.commit().map_err(sq)
    }

    /// Run `f` in a write transaction and commit.
    fn write<T>(&mut self, f: impl FnOnce(&Transaction<'_>) -> rusqlite::Result<T>) -> Result<T, WorkspaceError> {
        let path = &self.path;
        let sq = |e| WorkspaceError::sqlite(path, e);
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(sq)?;
        let out = f(&tx).map_err(sq)?;
        tx.commit().map_err(sq)?;
        Ok(out)
    }

    /// Flag the event (`on`) or take its flag away. Flagging a flagged event keeps the
    /// first flag, its time and its context.
    pub fn set_flag(&mut self, event: &EventKey, ctx: &Context, on: bool) -> Result<(), WorkspaceError> {
        self.write(|tx| {
            if on {
                tx.execute(
                    &format!(
                        "INSERT INTO flag (event, created, {CONTEXT_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                         ON CONFLICT (event) DO NOTHING"
                    ),
                    params![event.as_str(), now(), ctx.article_title, ctx.outlet, ctx.url, ctx.sentence, ctx.date],
                )?;
            } else {
                tx.execute("DELETE FROM flag WHERE event = ?1", [event.as_str()])?;
            }
            Ok(())
        })
    }

    /// Every flag, oldest first.
    pub fn flags(&self) -> Result<Vec<Flag>, WorkspaceError> {
        let sql = format!("SELECT event, created, {CONTEXT_COLUMNS} FROM flag ORDER BY created, rowid");
        self.rows(&sql, |r| {
            Ok(Flag { event: EventKey::new(r.get::<_, String>(0)?), created: r.get(1)?, context: context(r, 2)? })
        })
    }

    /// Add a note; its id.
    pub fn add_note(&mut self, target: &Target, ctx: &Context, text: &str) -> Result<i64, WorkspaceError> {
        self.write(|tx| {
            tx.execute(
                &format!(
                    "INSERT INTO note (target_kind, target, created, text, {CONTEXT_COLUMNS})
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
                ),
                params![
                    target.kind(),
                    target.key(),
                    now(),
                    text,
                    ctx.article_title,
                    ctx.outlet,
                    ctx.url,
                    ctx.sentence,
                    ctx.date
                ],
            )?;
            Ok(tx.last_insert_rowid())
        })
    }

    /// Delete note `id`; whether there was one.
    pub fn delete_note(&mut self, id: i64) -> Result<bool, WorkspaceError> {
        self.write(|tx| Ok(tx.execute("DELETE FROM note WHERE id = ?1", [id])? > 0))
    }

    /// Every note, oldest first.
    pub fn notes(&self) -> Result<Vec<Note>, WorkspaceError> {
        let sql = format!("SELECT id, target_kind, target, created, text, {CONTEXT_COLUMNS} FROM note ORDER BY id");
        self.rows(&sql, |r| {
            let key: String = r.get(2)?;
            let target = match r.get_ref(1)?.as_str()? {
                "article" => Target::Article(ArticleKey::new(key)),
                _ => Target::Event(EventKey::new(key)),
            };
            Ok(Note { id: r.get(0)?, target, created: r.get(3)?, text: r.get(4)?, context: context(r, 5)? })
        })
    }

    /// Save `query` under `name`, replacing the query saved under that name before.
    pub fn save_query(&mut self, name: &str, query: &str) -> Result<(), WorkspaceError> {
        self.write(|tx| {
            let t = now();
            tx.execute(
                "INSERT INTO saved_query (name, query, created, updated) VALUES (?1, ?2, ?3, ?3)
                 ON CONFLICT (name) DO UPDATE SET query = excluded.query, updated = excluded.updated",
                params![name, query, t],
            )?;
            Ok(())
        })
    }

    /// Forget the query saved as `name`; whether there was one.
    pub fn delete_query(&mut self, name: &str) -> Result<bool, WorkspaceError> {
        self.write(|tx| Ok(tx.execute("DELETE FROM saved_query WHERE name = ?1", [name])? > 0))
    }

    /// The saved queries, by name.
    pub fn queries(&self) -> Result<Vec<SavedQuery>, WorkspaceError> {
        self.rows("SELECT name, query, created, updated FROM saved_query ORDER BY name", |r| {
            Ok(SavedQuery { name: r.get(0)?, query: r.get(1)?, created: r.get(2)?, updated: r.get(3)? })
        })
    }

    /// The query saved as `name`.
    pub fn query(&self, name: &str) -> Result<Option<String>, WorkspaceError> {
        self.conn
            .query_row("SELECT query FROM saved_query WHERE name = ?1", [name], |r| r.get(0))
            .optional()
            .map_err(|e| self.err(e))
    }

    /// Mark the article read or unread.
    pub fn set_read(&mut self, article: &ArticleKey, read: bool) -> Result<(), WorkspaceError> {
        self.write(|tx| {
            if read {
                tx.execute(
                    "INSERT INTO read_article (article, read) VALUES (?1, ?2) ON CONFLICT (article) DO NOTHING",
                    params![article.as_str(), now()],
                )?;
            } else {
                tx.execute("DELETE FROM read_article WHERE article = ?1", [article.as_str()])?;
            }
            Ok(())
        })
    }

    /// The articles marked read.
    pub fn read_articles(&self) -> Result<HashSet<ArticleKey>, WorkspaceError> {
        let keys = self.rows("SELECT article FROM read_article", |r| Ok(ArticleKey::new(r.get::<_, String>(0)?)))?;
        Ok(keys.into_iter().collect())
    }

    fn rows<T>(&self, sql: &str, f: impl FnMut(&Row<'_>) -> rusqlite::Result<T>) -> Result<Vec<T>, WorkspaceError> {
        let run = || -> rusqlite::Result<Vec<T>> {
            let mut st = self.conn.prepare(sql)?;
            st.query_map([], f)?.collect()
        };
        run().map_err(|e| self.err(e))
    }
}
