//! The snapshot cache: what loading a corpus gave (its articles, their extraction and the
//! store built from them), kept in one file per corpus in the cache folder, so that
//! reopening an unchanged corpus reads one file instead of reading and extracting every
//! article again, and reopening a changed one extracts only the new and changed articles.
//!
//! A snapshot is used only when it was written by this very build of sitrep (its rules, its
//! gazetteer: the executable's checksum), for the same paths, and reads back whole (every
//! section's checksum). Anything else is said in one line and the snapshot is rebuilt. A
//! file is unchanged when its size and modification time are; when they differ, its bytes
//! are read and compared by checksum (a file touched but not changed is not extracted again).

mod file;
mod folder;
#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::corpus::{self, Article, Extra, LoadOptions, Problem, Stamp};
use crate::extract::{self, Kept};
use crate::store::{Progress, Store};
use file::{Mapped, Part, Section, Unusable};
pub use folder::Cache;

/// The sitrep version written into every snapshot.
const VERSION: &str = env!("CARGO_PKG_VERSION");

/// What identifies this build: the checksum of the running executable, so that a snapshot
/// written by another build (other rules, another gazetteer) is never trusted. Read once;
/// `None` when the executable cannot be read (then no snapshot is used or written).
fn build_id() -> Option<u64> {
    static ID: std::sync::OnceLock<Option<u64>> = std::sync::OnceLock::new();
    *ID.get_or_init(|| std::env::current_exe().and_then(fs::read).ok().map(|b| file::checksum(&b)))
}

/// The corpus as given: its paths made absolute, and how folders are walked.
fn corpus_key(paths: &[PathBuf], opts: LoadOptions) -> Vec<String> {
    let mut key: Vec<String> = paths
        .iter()
        .map(|p| {
            fs::canonicalize(p).or_else(|_| std::path::absolute(p)).unwrap_or_else(|_| p.clone()).display().to_string()
        })
        .collect();
    if opts.follow {
        key.push("--follow".into());
    }
    key
}

/// The first section: who wrote the snapshot, for which corpus, and what it holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Header {
    version: String,
    build: u64,
    corpus: Vec<String>,
    articles: u64,
    events: u64,
    /// Seconds since 1970.
    written: u64,
}

/// What a file held when the snapshot was written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Record {
    /// As the articles name it ([`corpus::path_name`]).
    name: String,
    stamp: Stamp,
    /// The checksum of its bytes (unpacked, for a gzipped file).
    sum: u64,
    outcome: Outcome,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
enum Outcome {
    /// It could not be loaded: the one-line reason.
    Failed(String),
    /// Its articles, as parsed.
    Articles(Vec<Held>),
}

/// One article of a file: in the store (at this index, its `copies` aside), or, when it was
/// a copy of another, kept here whole.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
enum Held {
    Stored(u32),
    Copy(Box<Article>),
}

/// What opening a corpus gave.
pub struct Opened {
    pub store: Store,
    /// One per file that could not be loaded.
    pub problems: Vec<Problem>,
    /// What happened to the snapshot, when it is worth saying (a line each).
    pub notes: Vec<String>,
    /// Articles extracted, and articles whose extraction the snapshot gave.
    pub extracted: usize,
    pub reused: usize,
    /// How long each step took, from the start (`SITREP_TIMINGS=1` prints them).
    pub steps: Vec<(&'static str, std::time::Duration)>,
    /// The snapshot still to write, when it changed ([`open`] has written it).
    pub pending: Option<Pending>,
}

/// A file's state now against its record.
enum Now<'r> {
    /// As recorded (perhaps touched: then its new stamp).
    Same(&'r Record, Stamp),
    /// Read now: new, changed, or without a record.
    Read { name: String, stamp: Stamp, sum: u64, loaded: Result<Vec<Article>, String> },
    /// Gone between listing and reading.
    Vanished,
}

/// Open the corpus `paths`: from its snapshot in `cache` where files are unchanged, else by
/// reading and extracting. The snapshot to write anew, when anything changed, is left in
/// [`Opened::pending`]. Without a cache everything is read and extracted.
pub fn open_unwritten(
    paths: &[PathBuf],
    opts: LoadOptions,
    cache: Option<&Cache>,
    progress: &dyn Fn(Progress),
) -> Opened {
    progress(Progress::new("reading", 0, 0));
    let t0 = std::time::Instant::now();
    let mut steps = Vec::new();
    let mut step = |name: &'static str| steps.push((name, t0.elapsed()));
    let (list, mut problems) = corpus::list_files(paths, opts);
    step("list files");
    let mut notes = Vec::new();
    let (cache, build) = match (cache, build_id()) {
        (Some(c), Some(b)) => (Some(c), b),
        (Some(_), None) => {
            notes.push("cache: this sitrep's executable cannot be read to identify its build; no snapshot used".into());
            (None, 0)
        }
        (None, _) => (None, 0),
    };
    let snap_path = cache.map(|c| c.file_for(paths, opts));
    let header_now = |articles: usize, events: usize| Header {
        version: VERSION.into(),
        build,
        corpus: corpus_key(paths, opts),
        articles: articles as u64,
        events: events as u64,
        written: SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0),
    };
    // what is said when the snapshot cannot be used
    let shown = snap_path.as_deref().unwrap_or(Path::new("")).display().to_string();
    let rebuilding = |e: &Unusable| format!("cache: {shown}: {e}; rebuilding it");
    let mapped = snap_path.as_deref().and_then(|p| match usable(p, &header_now(0, 0)) {
        Ok(m) => Some(m),
        Err(Unusable::Missing) => None,
        Err(e) => {
            notes.push(rebuilding(&e));
            None
        }
    });
    let records: Vec<Record> = match mapped.as_ref().map(|m| m.decode::<Vec<Record>>(Section::Records)) {
        Some(Ok(r)) => r,
        Some(Err(e)) => {
            notes.push(rebuilding(&e));
            Vec::new()
        }
        None => Vec::new(),
    };
    step("open snapshot");
    let by_name: HashMap<&str, &Record> = records.iter().map(|r| (r.name.as_str(), r)).collect();

    let now = compare_files(&list, &by_name);
    step("compare files");
    let unchanged = now.len() == records.len() && now.iter().all(|n| matches!(n, Now::Same(..)));
    if unchanged && let Some(m) = &mapped {
        match decode_store(m) {
            Ok(store) => {
                step("decode store");
                for n in &now {
                    if let Now::Same(Record { name, outcome: Outcome::Failed(msg), .. }, _) = n {
                        problems.push(Problem { path: name.clone(), message: msg.clone() });
                    }
                }
                // touched files: their new stamps, the rest of the snapshot copied as it is
                let touched = now.iter().any(|n| matches!(n, Now::Same(r, s) if r.stamp != *s));
                let pending = match (&snap_path, touched) {
                    (Some(p), true) => {
                        let records = now
                            .iter()
                            .filter_map(|n| match n {
                                Now::Same(r, s) => Some(Record { stamp: *s, ..(*r).clone() }),
                                _ => None,
                            })
                            .collect();
                        drop(by_name);
                        let m = mapped.expect("matched above");
                        Some(Pending { path: p.clone(), header: header_now(0, 0), records, body: Body::Copied(m) })
                    }
                    _ => None,
                };
                if pending.is_none()
                    && let Some(p) = &snap_path
                {
                    folder::mark_used(p);
                }
                let reused = store.articles().len();
                step("done");
                return Opened { store, problems, notes, extracted: 0, reused, steps, pending };
            }
            Err(e) => notes.push(rebuilding(&e)),
        }
    }

    // something changed: the unchanged files' articles and extraction come from the snapshot
    let needs_old = now.iter().any(|n| matches!(n, Now::Same(..)));
    let (mut old_articles, old_kept): (Vec<Option<Article>>, Vec<Kept>) = match (&mapped, needs_old) {
        (Some(m), true) => match rayon::join(|| decode_articles(m), || m.decode::<Vec<Kept>>(Section::Kept)) {
            (Ok(a), Ok(k)) => (a.into_iter().map(Some).collect(), k),
            (Err(e), _) | (_, Err(e)) => {
                notes.push(rebuilding(&e));
                (Vec::new(), Vec::new())
            }
        },
        _ => (Vec::new(), Vec::new()),
    };
    drop(mapped);
    step("decode kept");
    // each file's articles as parsed, and where each unchanged article was in the old store
    let mut parsed: Vec<Article> = Vec::new();
    let mut origin: HashMap<(String, usize), usize> = HashMap::new();
    let mut files: Vec<(String, Stamp, u64, Result<usize, String>)> = Vec::new(); // name, stamp, sum, article count or failure
    let mut to_read: Vec<usize> = Vec::new();
    for (i, n) in now.iter().enumerate() {
        match n {
            Now::Same(r, stamp) => match &r.outcome {
                Outcome::Failed(msg) => files.push((r.name.clone(), *stamp, r.sum, Err(msg.clone()))),
                Outcome::Articles(held) => {
                    let old: Option<Vec<Article>> = held
                        .iter()
                        .map(|h| match h {
                            Held::Copy(a) => Some((**a).clone()),
                            Held::Stored(k) => {
                                let mut a = old_articles.get_mut(*k as usize).and_then(Option::take)?;
                                origin.insert((a.file.clone(), a.index), *k as usize);
                                without_copies(&mut a);
                                Some(a)
                            }
                        })
                        .collect();
                    match old {
                        Some(arts) => {
                            files.push((r.name.clone(), *stamp, r.sum, Ok(arts.len())));
                            parsed.extend(arts);
                        }
                        // the snapshot could not give them: read the file after all
                        None => {
                            to_read.push(i);
                            files.push((r.name.clone(), *stamp, 0, Ok(0)));
                        }
                    }
                }
            },
            Now::Read { name, stamp, sum, loaded } => match loaded {
                Ok(arts) => {
                    files.push((name.clone(), *stamp, *sum, Ok(arts.len())));
                    parsed.extend(arts.iter().cloned());
                }
                Err(msg) => files.push((name.clone(), *stamp, *sum, Err(msg.clone()))),
            },
            Now::Vanished => {}
        }
    }
    drop(old_articles);
    if !to_read.is_empty() {
        // rare (a snapshot without an article its records name): start again without it
        if let Some(p) = &snap_path {
            let _ = fs::remove_file(p);
        }
        if notes.is_empty() {
            notes.push(format!("cache: {shown}: incomplete; rebuilding it"));
        }
        let mut again = open_unwritten(paths, opts, cache, progress);
        notes.append(&mut again.notes);
        again.notes = notes;
        return again;
    }
    for (name, _, _, r) in &files {
        if let Err(msg) = r {
            problems.push(Problem { path: name.clone(), message: msg.clone() });
        }
    }
    let order: Vec<(String, usize)> = parsed.iter().map(|a| (a.file.clone(), a.index)).collect();
    let (articles, left_out) = corpus::merge_copies(parsed);

    // extraction, reusing what the snapshot kept of unchanged articles
    let total = articles.len();
    let done = AtomicUsize::new(0);
    let was: Vec<Option<usize>> = articles.iter().map(|a| origin.get(&(a.file.clone(), a.index)).copied()).collect();
    drop(origin);
    let prior = |i: usize| was[i].and_then(|k| old_kept.get(k));
    let reused = std::thread::scope(|scope| {
        let worker = scope.spawn(|| extract::run_keeping(&articles, &prior, &done));
        while !worker.is_finished() {
            progress(Progress::new("extracting", done.load(Ordering::Relaxed), total));
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        worker.join()
    });
    let reused = match reused {
        Ok(r) => r,
        Err(p) => std::panic::resume_unwind(p),
    };
    let extract::Reused { ex, kept, extracted } = reused;
    step("extract");
    drop(old_kept);
    let index: HashMap<(&str, usize), u32> =
        articles.iter().enumerate().map(|(i, a)| ((a.file.as_str(), a.index), i as u32)).collect();
    let mut left_out: HashMap<(String, usize), Article> =
        left_out.into_iter().map(|a| ((a.file.clone(), a.index), a)).collect();
    // the records: each file's articles, as stored or whole when a copy was left out
    let mut records = Vec::with_capacity(files.len());
    let mut next = order.into_iter();
    for (name, stamp, sum, r) in files {
        let outcome = match r {
            Err(msg) => Outcome::Failed(msg),
            Ok(n) => Outcome::Articles(
                next.by_ref()
                    .take(n)
                    .filter_map(|key| match index.get(&(key.0.as_str(), key.1)) {
                        Some(&k) => Some(Held::Stored(k)),
                        None => left_out.remove(&key).map(|a| Held::Copy(Box::new(a))),
                    })
                    .collect(),
            ),
        };
        records.push(Record { name, stamp, sum, outcome });
    }
    drop(index);
    let store = Store::build_with_progress(articles, ex, progress);
    step("build store");
    let pending = snap_path.filter(|_| !store.articles().is_empty()).map(|path| Pending {
        path,
        header: header_now(0, 0),
        records,
        body: Body::New(kept),
    });
    let n = store.articles().len();
    Opened { store, problems, notes, extracted, reused: n.saturating_sub(extracted), steps, pending }
}

/// As [`open_unwritten`], the snapshot written before it returns (a failure to write it is
/// one more note).
pub fn open(paths: &[PathBuf], opts: LoadOptions, cache: Option<&Cache>, progress: &dyn Fn(Progress)) -> Opened {
    let mut o = open_unwritten(paths, opts, cache, progress);
    if let Some(p) = o.pending.take() {
        let t0 = std::time::Instant::now();
        if let Err(e) = p.write(&o.store) {
            o.notes.push(e);
        }
        let last = o.steps.last().map_or(std::time::Duration::ZERO, |s| s.1);
        o.steps.push(("write snapshot", last + t0.elapsed()));
    }
    o
}

/// A snapshot to write once the store is in use ([`Pending::write`]): the browser lists the
/// events first and writes it on the loading thread meanwhile.
pub struct Pending {
    path: PathBuf,
    /// The counts are the store's, filled in when written.
    header: Header,
    records: Vec<Record>,
    body: Body,
}

enum Body {
    /// Everything written anew: the articles' kept extraction, and the store.
    New(Vec<Kept>),
    /// Only the records changed (files touched): the rest copied from the old snapshot.
    Copied(Mapped),
}

impl Pending {
    /// Write the snapshot of `store`: the error is one line, naming the file.
    pub fn write(self, store: &Store) -> Result<(), String> {
        let Pending { path, mut header, records, body } = self;
        header.articles = store.articles().len() as u64;
        header.events = store.events().len() as u64;
        let written = match &body {
            Body::New(kept) => file::write(
                &path,
                [
                    Part::Value(&header),
                    Part::Value(&records),
                    Part::Value(kept),
                    Part::Value(&store.articles()),
                    Part::Value(store.extraction()),
                    Part::Value(store),
                ],
            ),
            Body::Copied(m) => {
                let parts = [Section::Kept, Section::Articles, Section::Extraction, Section::Store].map(|s| m.bytes(s));
                let [Ok(kept), Ok(articles), Ok(ex), Ok(stored)] = parts else {
                    return Err(format!("cache: {}: could not be read again to be written", path.display()));
                };
                file::write(
                    &path,
                    [
                        Part::Value(&header),
                        Part::Value(&records),
                        Part::Bytes(kept),
                        Part::Bytes(articles),
                        Part::Bytes(ex),
                        Part::Bytes(stored),
                    ],
                )
            }
        };
        written.map_err(|e| format!("cache: {}: could not be written ({e})", path.display()))?;
        folder::tidy(&path);
        Ok(())
    }
}

/// Every file against its record: an unchanged stamp is enough; otherwise the file is read,
/// and parsed unless its checksum is the recorded one (touched, not changed).
fn compare_files<'r>(list: &[(PathBuf, Stamp)], by_name: &HashMap<&str, &'r Record>) -> Vec<Now<'r>> {
    list.par_iter()
        .map(|(p, stamp)| {
            let (name, stamp) = (corpus::path_name(p), *stamp);
            let rec = by_name.get(name.as_str()).copied();
            if let Some(r) = rec
                && r.stamp == stamp
            {
                return Now::Same(r, stamp);
            }
            let bytes = match corpus::read(p) {
                Ok(b) => b,
                // gone since it was listed: as if it had not been
                Err(_) if !p.exists() => return Now::Vanished,
                Err(e) => return Now::Read { name, stamp, sum: 0, loaded: Err(e.to_string()) },
            };
            let sum = file::checksum(&bytes);
            if let Some(r) = rec
                && r.sum == sum
            {
                return Now::Same(r, stamp);
            }
            let loaded = corpus::parse_file(&name, &bytes).map_err(|e| e.to_string());
            Now::Read { name, stamp, sum, loaded }
        })
        .collect()
}

/// The articles a snapshot holds. The text that articles of one file share (a page holding
/// several stories) is written once per article and shared again here, as loading shares it.
fn decode_articles(m: &Mapped) -> Result<Vec<Article>, Unusable> {
    let mut articles: Vec<Article> = m.decode(Section::Articles)?;
    let mut last: Option<(String, std::sync::Arc<str>)> = None;
    for a in &mut articles {
        let Some(text) = a.extra.as_mut().and_then(|x| x.text.as_mut()) else { continue };
        match &last {
            Some((file, shared)) if *file == a.file && **shared == **text => *text = std::sync::Arc::clone(shared),
            _ => last = Some((a.file.clone(), std::sync::Arc::clone(text))),
        }
    }
    Ok(articles)
}

/// The store a snapshot holds: its articles, extraction and indexes decoded side by side.
fn decode_store(m: &Mapped) -> Result<Store, Unusable> {
    let ((articles, ex), rest) = rayon::join(
        || rayon::join(|| decode_articles(m), || m.decode::<extract::Extraction>(Section::Extraction)),
        || m.decode::<Store>(Section::Store),
    );
    rest?.restored(articles?, ex?).ok_or(Unusable::Undecodable("store", "it does not fit its articles".into()))
}

/// The snapshot at `path`, when this build wrote it for this corpus.
fn usable(path: &Path, want: &Header) -> Result<Mapped, Unusable> {
    let m = Mapped::open(path)?;
    let h: Header = m.decode(Section::Header)?;
    if h.version != want.version || h.build != want.build {
        return Err(Unusable::Stale(format!("written by another build of sitrep ({})", h.version)));
    }
    if h.corpus != want.corpus {
        return Err(Unusable::Stale(format!("written for another corpus ({})", h.corpus.join(", "))));
    }
    Ok(m)
}

/// An article as parsed: the files it was found a copy of are the merge's to say.
fn without_copies(a: &mut Article) {
    if let Some(x) = &mut a.extra {
        x.copies.clear();
        if **x == Extra::default() {
            a.extra = None;
        }
    }
}
