//! Watching the corpus while the browser runs: a thread waits for file-system changes
//! (`notify`), lets a burst of them settle, rescans the [`Library`] (only new and changed
//! files are read again), extracts and indexes it again off the UI thread, and sends the new
//! store to the loop. Dropping the [`Watch`] stops it.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::thread;
use std::time::{Duration, Instant};

use notify::{EventKind, RecursiveMode, Watcher};

use crate::corpus::Library;
use crate::store::Store;

use super::model::Msg;

/// Changes closer together than this are read as one.
const SETTLE: Duration = Duration::from_millis(200);
/// How often the thread looks whether it should stop, and, while a file is settling, how
/// soon it rescans.
const TICK: Duration = Duration::from_millis(500);

/// A running watch; stops when dropped.
pub(crate) struct Watch {
    stop: Arc<AtomicBool>,
    _watcher: notify::RecommendedWatcher,
}

impl Drop for Watch {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

impl Watch {
    /// Watch `paths` (files or folders, folders recursively), sending a [`Msg::Reloaded`] after
    /// each change that adds, changes or removes a file, and [`Msg::Failed`] when a rebuild
    /// fails.
    /// With a snapshot `cache`, a rebuild extracts only the new and changed files (and
    /// writes the snapshot); without, it extracts everything again.
    pub(crate) fn start(
        paths: Vec<PathBuf>,
        opts: crate::corpus::LoadOptions,
        cache: Option<crate::snapshot::Cache>,
        out: Sender<Msg>,
    ) -> Result<Watch, String> {
        let (tx, rx) = mpsc::channel::<()>();
        let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
            if res.is_ok_and(|e| !matches!(e.kind, EventKind::Access(_))) {
                let _ = tx.send(());
            }
        })
        .map_err(|e| format!("cannot watch: {e}"))?;
        for p in &paths {
            watcher.watch(p, RecursiveMode::Recursive).map_err(|e| format!("cannot watch {}: {e}", p.display()))?;
        }
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = Arc::clone(&stop);
        thread::Builder::new()
            .name("sitrep-watch".into())
            .spawn(move || {
                let lib_paths = paths.clone();
                let mut lib = Library::new(paths, opts);
                // What is loaded now (the files as they are when the watch starts).
                let _ = lib.rescan();
                let mut settling = false;
                while !stopped.load(Ordering::Relaxed) {
                    match rx.recv_timeout(TICK) {
                        Ok(()) => {
                            let until = Instant::now() + SETTLE;
                            while let Some(left) = until.checked_duration_since(Instant::now()) {
                                if rx.recv_timeout(left).is_err() {
                                    break;
                                }
                            }
                        }
                        Err(RecvTimeoutError::Timeout) if settling => {}
                        Err(RecvTimeoutError::Timeout) => continue,
                        Err(RecvTimeoutError::Disconnected) => break,
                    }
                    if stopped.load(Ordering::Relaxed) {
                        break;
                    }
                    let rebuilt = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        let (report, changes) = lib.rescan();
                        if changes.is_empty() {
                            return (None, changes);
                        }
                        if let Some(c) = &cache {
                            drop(report);
                            let opened = crate::snapshot::open(&lib_paths, opts, Some(c), &|_| {});
                            return (Some(opened.store), changes);
                        }
                        let ex = crate::extract::run(&report.articles);
                        (Some(Store::build(report.articles, ex)), changes)
                    }));
                    let msg = match rebuilt {
                        Ok((store, changes)) => {
                            settling = changes.settling;
                            match store {
                                Some(s) => Msg::Reloaded(Arc::new(s), changes),
                                None => continue,
                            }
                        }
                        Err(_) => {
                            settling = false;
                            Msg::Failed(format!("watch: rebuilding failed: {}", super::app::background_panic()))
                        }
                    };
                    if out.send(msg).is_err() {
                        break;
                    }
                }
            })
            .map_err(|e| format!("cannot watch: {e}"))?;
        Ok(Watch { stop, _watcher: watcher })
    }
}
