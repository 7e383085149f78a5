//! A watched set of files and folders: what each file held when last read, so that reading
//! them again after a change re-reads only the files that changed (by size and modification
//! time), drops those that are gone, and picks up new ones.

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::{Duration, SystemTime};

use rayon::prelude::*;

use super::article::Article;
use super::error::LoadError;
use super::load::{LoadOptions, Stamp, list_files, path_name, read};
use super::parse::parse_file;
use super::{LoadReport, Problem};

/// A file that failed to load this soon after it was written may be half-written: it is
/// read again on the next rescan instead of being reported.
const SETTLING: Duration = Duration::from_secs(2);

/// The files below some paths and what each held when last read.
#[derive(Debug)]
pub struct Library {
    paths: Vec<PathBuf>,
    opts: LoadOptions,
    files: HashMap<PathBuf, Entry>,
}

#[derive(Debug)]
struct Entry {
    stamp: Stamp,
    loaded: Result<Vec<Article>, String>,
}

/// What a rescan found, in files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Changes {
    pub added: usize,
    pub changed: usize,
    pub removed: usize,
    /// Some file failed right after it was written: rescan again shortly.
    pub settling: bool,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.added == 0 && self.changed == 0 && self.removed == 0
    }

    /// "2 new files, 1 changed, 1 removed".
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if self.added > 0 {
            parts.push(format!("{} new file{}", self.added, if self.added == 1 { "" } else { "s" }));
        }
        if self.changed > 0 {
            parts.push(format!("{} changed", self.changed));
        }
        if self.removed > 0 {
            parts.push(format!("{} removed", self.removed));
        }
        parts.join(", ")
    }
}

impl Library {
    /// An empty library of `paths` (nothing read yet), folders walked as `opts` says.
    pub fn new(paths: Vec<PathBuf>, opts: LoadOptions) -> Library {
        Library { paths, opts, files: HashMap::new() }
    }

    /// Walk the paths again and read what is new or changed: the articles of every file (in
    /// load order, copies merged, as [`super::load_paths`] gives them) and what changed.
    pub fn rescan(&mut self) -> (LoadReport, Changes) {
        let (listed, mut problems) = list_files(&self.paths, self.opts);
        let now = SystemTime::now();
        let (list, stamps): (Vec<PathBuf>, Vec<Stamp>) = listed.into_iter().unzip();
        let mut changes = Changes::default();
        let stale: Vec<usize> =
            (0..list.len()).filter(|&i| self.files.get(&list[i]).is_none_or(|e| e.stamp != stamps[i])).collect();
        let fresh: Vec<(usize, Result<Vec<Article>, LoadError>)> = stale
            .par_iter()
            .map(|&i| {
                let name = path_name(&list[i]);
                (i, read(&list[i]).and_then(|bytes| parse_file(&name, &bytes)))
            })
            .collect();
        for (i, loaded) in fresh {
            let path = &list[i];
            let stamp = stamps[i];
            if loaded.is_err() && !path.exists() {
                // gone since it was listed: as if it had not been
                continue;
            }
            let recent = stamp.modified.is_some_and(|t| now.duration_since(t).unwrap_or_default() < SETTLING);
            if loaded.is_err() && recent {
                // Perhaps half-written: keep what it held before, read it again soon.
                changes.settling = true;
                continue;
            }
            match self.files.insert(path.clone(), Entry { stamp, loaded: loaded.map_err(|e| e.to_string()) }) {
                Some(_) => changes.changed += 1,
                None => changes.added += 1,
            }
        }
        let listed: std::collections::HashSet<&PathBuf> = list.iter().collect();
        let before = self.files.len();
        self.files.retain(|p, _| listed.contains(p));
        changes.removed = before - self.files.len();
        let mut articles = Vec::new();
        for p in &list {
            match self.files.get(p).map(|e| &e.loaded) {
                Some(Ok(a)) => articles.extend(a.iter().cloned()),
                Some(Err(msg)) => problems.push(Problem { path: path_name(p), message: msg.clone() }),
                None => {}
            }
        }
        (LoadReport { articles: super::copies::merge(articles), problems }, changes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn put(dir: &std::path::Path, name: &str, text: &str) -> PathBuf {
        let p = dir.join(name);
        fs::write(&p, text).unwrap();
        p
    }

    const STORY: &str =
        "Officials in the port city said the ferry service would resume on Monday after a week of storms.";

    #[test]
    fn rescans_read_what_changed() {
        let dir = tempfile::tempdir().unwrap();
        put(dir.path(), "a.txt", &format!("Title: A\n\n{STORY}\n"));
        let mut lib = Library::new(vec![dir.path().to_path_buf()], LoadOptions::default());
        let (r, c) = lib.rescan();
        assert_eq!((r.articles.len(), c), (1, Changes { added: 1, ..Changes::default() }));
        let (r, c) = lib.rescan();
        assert!(c.is_empty() && r.articles.len() == 1, "nothing changed: {c:?}");

        let b = put(dir.path(), "b.txt", "Title: B\n\nA convoy of trucks reached Kherson on Thursday, the UN said.\n");
        let (r, c) = lib.rescan();
        assert_eq!(c.added, 1);
        assert_eq!(r.articles.iter().map(|a| a.title.as_str()).collect::<Vec<_>>(), ["A", "B"]);
        assert_eq!(c.describe(), "1 new file");

        fs::remove_file(&b).unwrap();
        let (r, c) = lib.rescan();
        assert_eq!((c.removed, r.articles.len()), (1, 1));
    }

    #[test]
    fn a_file_failing_as_it_is_written_is_read_again() {
        let dir = tempfile::tempdir().unwrap();
        put(dir.path(), "a.txt", &format!("Title: A\n\n{STORY}\n"));
        let mut lib = Library::new(vec![dir.path().to_path_buf()], LoadOptions::default());
        lib.rescan();
        // Half-written: the first bytes of a multi-byte character.
        put(dir.path(), "b.txt", "Title: B\n\nKyiv \u{2014}".split_at(15).0);
        let (r, c) = lib.rescan();
        assert!(c.settling && c.is_empty(), "{c:?}");
        assert!(r.problems.is_empty(), "not reported yet: {:?}", r.problems);
        put(dir.path(), "b.txt", &format!("Title: B\n\n{STORY}\n"));
        let (r, c) = lib.rescan();
        assert_eq!((c.added, c.settling, r.articles.len()), (1, false, 2));
    }
}
