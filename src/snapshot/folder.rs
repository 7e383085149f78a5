//! The cache folder: where snapshots live, one per corpus, and what `sitrep cache info` and
//! `sitrep cache clear` say of them and do.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::file::{Mapped, Section};
use super::{Header, VERSION, build_id, corpus_key};
use crate::corpus::LoadOptions;

/// Where snapshots are kept: `$SITREP_CACHE_HOME`, else `$XDG_CACHE_HOME/sitrep`, else the
/// platform's cache folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cache {
    pub dir: PathBuf,
}

impl Cache {
    /// The cache folder as the environment says (`env` looks variables up).
    pub fn locate(env: &dyn Fn(&str) -> Option<String>) -> Option<Cache> {
        crate::user_dir(env, "SITREP_CACHE_HOME", "XDG_CACHE_HOME", directories::ProjectDirs::cache_dir)
            .map(|dir| Cache { dir })
    }

    /// The snapshot file of the corpus `paths` (walked as `opts` says).
    pub fn file_for(&self, paths: &[PathBuf], opts: LoadOptions) -> PathBuf {
        let key = corpus_key(paths, opts);
        let mut h = rustc_hash::FxHasher::default();
        std::hash::Hash::hash(&key, &mut h);
        self.dir.join(format!("corpus-{:016x}.snap", std::hash::Hasher::finish(&h)))
    }

    /// The snapshot files in the folder.
    fn snapshots(&self) -> Vec<PathBuf> {
        snapshots_in(&self.dir)
    }

    /// Remove every snapshot (and temporary files left by a writer that was killed): how
    /// many files and bytes were removed.
    pub fn clear(&self) -> std::io::Result<(usize, u64)> {
        let (mut files, mut bytes) = (0, 0);
        let rd = match fs::read_dir(&self.dir) {
            Ok(rd) => rd,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok((0, 0)),
            Err(e) => return Err(e),
        };
        for e in rd.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            let ours = (name.starts_with("corpus-") && name.ends_with(".snap"))
                || (name.starts_with(".corpus-") && name.ends_with(".tmp"));
            if ours {
                let len = e.metadata().map(|m| m.len()).unwrap_or(0);
                fs::remove_file(e.path())?;
                files += 1;
                bytes += len;
            }
        }
        Ok((files, bytes))
    }

    /// One line per snapshot: its file, size, corpus, what it holds and whether this build
    /// can use it.
    pub fn info(&self) -> Vec<String> {
        let build = build_id();
        self.snapshots()
            .into_iter()
            .map(|p| {
                let size = fs::metadata(&p).map(|m| m.len()).unwrap_or(0);
                let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                let what = match Mapped::open(&p).and_then(|m| m.decode::<Header>(Section::Header)) {
                    Ok(h) => {
                        let usable = if Some(h.build) == build && h.version == VERSION {
                            "usable by this sitrep".to_string()
                        } else {
                            format!("written by sitrep {} (another build): rebuilt when next opened", h.version)
                        };
                        format!(
                            "{} articles, {} events from {}, written {}; {usable}",
                            h.articles,
                            h.events,
                            h.corpus.join(", "),
                            when(h.written)
                        )
                    }
                    Err(e) => format!("{e}: rebuilt when next opened"),
                };
                format!("{name}  {}  {what}", megabytes(size))
            })
            .collect()
    }
}

/// At most this many snapshots are kept: one is written for every set of paths opened, so
/// files opened one by one would otherwise each leave one behind.
pub(super) const KEEP: usize = 16;

/// Tidy the folder after `written` was written: remove the snapshots whose corpus is gone
/// (every path of it), then all but the [`KEEP`] most recently used (a snapshot is marked
/// used when it is opened). `written` stays.
pub(super) fn tidy(written: &Path) {
    let Some(dir) = written.parent() else { return };
    let mut kept: Vec<(SystemTime, PathBuf)> = Vec::new();
    for p in snapshots_in(dir).into_iter().filter(|p| p != written) {
        let gone = Mapped::open(&p).and_then(|m| m.decode::<Header>(Section::Header)).is_ok_and(|h| {
            !h.corpus.is_empty() && h.corpus.iter().filter(|c| *c != "--follow").all(|c| !Path::new(c).exists())
        });
        if gone {
            let _ = fs::remove_file(&p);
            continue;
        }
        let used = fs::metadata(&p).and_then(|m| m.modified()).unwrap_or(SystemTime::UNIX_EPOCH);
        kept.push((used, p));
    }
    // newest first; the one just written counts among the kept
    kept.sort_by_key(|k| std::cmp::Reverse(k.0));
    for (_, p) in kept.into_iter().skip(KEEP - 1) {
        let _ = fs::remove_file(p);
    }
}

/// Mark the snapshot at `path` used now (its modification time), for [`tidy`].
pub(super) fn mark_used(path: &Path) {
    if let Ok(f) = fs::File::options().append(true).open(path) {
        let _ = f.set_modified(SystemTime::now());
    }
}

fn snapshots_in(dir: &Path) -> Vec<PathBuf> {
    let Ok(rd) = fs::read_dir(dir) else { return Vec::new() };
    let mut out: Vec<PathBuf> = rd
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with("corpus-") && n.ends_with(".snap"))
        })
        .collect();
    out.sort();
    out
}

fn megabytes(n: u64) -> String {
    format!("{:.1} MB", n as f64 / 1e6)
}

/// A time as `2026-12-06 21:54 UTC`.
fn when(secs: u64) -> String {
    chrono::DateTime::from_timestamp(secs as i64, 0)
        .map_or_else(|| "at an unknown time".into(), |t| t.format("%Y-%m-%d %H:%M UTC").to_string())
}
