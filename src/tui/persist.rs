//! The runtime's side of the workspace: the SQLite file, the keys of the store shown (worked
//! out once per store), writing the changes `update` asks for, and reading back what the
//! browser shows ([`WorkspaceView`]).

use std::sync::{Arc, Mutex};

use crate::store::Store;
use crate::workspace::{self, Context, Found, StoreKeys, Target, Workspace};

use super::model::{Change, Msg, NoteOn, NoteView, Status, WorkspaceView};

/// A store and its keys.
type Keyed = (Arc<Store>, StoreKeys);

pub(super) struct Persist {
    ws: Workspace,
    /// The store the keys are for, and its keys.
    keys: Option<Keyed>,
    /// The store whose view is being made on a thread of its own ([`Persist::view_later`]).
    asked: Option<Arc<Store>>,
    /// Where that thread leaves the keys it worked out.
    ready: Arc<Mutex<Option<Keyed>>>,
    /// How many views were asked for: a thread whose store is no longer the newest asked
    /// sends nothing (the lock is held while it sends, so views arrive in the order asked).
    asked_count: Arc<Mutex<u64>>,
}

impl Persist {
    /// Open the workspace in the data folder; the error is one line for the status line.
    pub fn open(env: &dyn Fn(&str) -> Option<String>) -> Result<Persist, String> {
        Workspace::open_in(env)
            .map(|ws| Persist { ws, keys: None, asked: None, ready: Arc::default(), asked_count: Arc::default() })
            .map_err(|e| e.to_string())
    }

    /// The keys of `store`, worked out when it is not the one they were for (or taken from
    /// the thread that worked them out).
    fn keys(&mut self, store: &Arc<Store>) -> &StoreKeys {
        if !self.is_for(store) {
            let done = self.ready.lock().ok().and_then(|mut r| r.take()).filter(|(s, _)| Arc::ptr_eq(s, store));
            self.keys = Some(done.unwrap_or_else(|| (Arc::clone(store), workspace::keys_for_store(store))));
        }
        &self.keys.as_ref().expect("set above").1
    }

    /// Is `store` the one the last view was made for?
    pub fn is_for(&self, store: &Arc<Store>) -> bool {
        self.keys.as_ref().is_some_and(|(s, _)| Arc::ptr_eq(s, store))
    }

    /// Place the workspace in a new `store` on a thread of its own, which sends the view
    /// (or the error) on `tx`: the keys of a million events take most of a second, and the
    /// list is shown meanwhile. Asked again for the same store, does nothing.
    pub fn view_later(&mut self, store: &Arc<Store>, tx: std::sync::mpsc::Sender<Msg>) {
        if self.is_for(store) || self.asked.as_ref().is_some_and(|s| Arc::ptr_eq(s, store)) {
            return;
        }
        self.asked = Some(Arc::clone(store));
        let mine = match self.asked_count.lock() {
            Ok(mut n) => {
                *n += 1;
                *n
            }
            Err(_) => return,
        };
        let (store, ready, count) = (Arc::clone(store), Arc::clone(&self.ready), Arc::clone(&self.asked_count));
        let path = self.ws.path().to_path_buf();
        let spawned = std::thread::Builder::new().name("sitrep-keys".into()).spawn(move || {
            let keys = workspace::keys_for_store(&store);
            // its own connection: the browser's stays on the browser's thread
            let view = Workspace::open(&path).map_err(|e| e.to_string()).and_then(|mut ws| view_of(&mut ws, &keys));
            let Ok(newest) = count.lock() else { return };
            if *newest != mine {
                return;
            }
            if let Ok(mut r) = ready.lock() {
                *r = Some((store, keys));
            }
            let _ = tx.send(match view {
                Ok(v) => Msg::Workspace(v),
                Err(e) => Msg::Said(Status { text: e, error: true }),
            });
            drop(newest);
        });
        if spawned.is_err() {
            self.asked = None;
        }
    }

    /// What the workspace holds, placed in `store`.
    pub fn view(&mut self, store: &Arc<Store>) -> Result<WorkspaceView, String> {
        self.keys(store);
        let keys = &self.keys.as_ref().expect("set by keys()").1;
        view_of(&mut self.ws, keys)
    }

    /// Write `change` (about `store`); says what was done.
    pub fn apply(&mut self, change: &Change, store: &Arc<Store>) -> Result<Option<String>, String> {
        if !matches!(change, Change::Read(_))
            && let Ok(mut n) = self.asked_count.lock()
        {
            // the browser reads this change back at once: a view still being made on its
            // own thread would be older, and is not sent (an article read is marked in the
            // model already, and changes nothing a view holds that the model has not)
            *n += 1;
        }
        let keys = self.keys(store);
        let err = |e: workspace::WorkspaceError| e.to_string();
        match change {
            Change::Flag { event, on } => {
                let key = keys.get_event(*event).cloned().ok_or("that event is gone")?;
                self.ws.set_flag(&key, &Context::of_event(store, *event), *on).map_err(err)?;
                Ok(Some(if *on { "flagged (f again unflags)".into() } else { "unflagged".into() }))
            }
            Change::Note { on, text } => {
                let (target, ctx) = match on {
                    NoteOn::Event(e) => (
                        Target::Event(keys.get_event(*e).cloned().ok_or("that event is gone")?),
                        Context::of_event(store, *e),
                    ),
                    NoteOn::Article(a) => (
                        Target::Article(keys.get_article(*a).cloned().ok_or("that article is gone")?),
                        Context::of_article(store, *a),
                    ),
                };
                let id = self.ws.add_note(&target, &ctx, text).map_err(err)?;
                let what = if matches!(on, NoteOn::Event(_)) { "event" } else { "article" };
                Ok(Some(format!("note {id} kept on the {what} (:notes lists them)")))
            }
            Change::DeleteNote(id) => {
                let gone = self.ws.delete_note(*id).map_err(err)?;
                Ok(Some(if gone { format!("note {id} deleted") } else { format!("no note {id}") }))
            }
            Change::SaveQuery { name, query } => {
                self.ws.save_query(name, query).map_err(err)?;
                Ok(Some(format!("saved as {name} (:open {name} puts it back)")))
            }
            Change::ForgetQuery(name) => {
                let gone = self.ws.delete_query(name).map_err(err)?;
                Ok(Some(if gone { format!("forgot {name}") } else { format!("no saved query {name}") }))
            }
            Change::Read(a) => {
                if let Some(key) = keys.get_article(*a).cloned() {
                    self.ws.set_read(&key, true).map_err(err)?;
                }
                Ok(None)
            }
        }
    }
}

/// What the workspace `ws` holds, placed in the store of `keys`.
fn view_of(ws: &mut Workspace, keys: &StoreKeys) -> Result<WorkspaceView, String> {
    let flags = ws.flags().map_err(|e| e.to_string())?;
    let notes = ws.notes().map_err(|e| e.to_string())?;
    let queries = ws.queries().map_err(|e| e.to_string())?;
    let read = ws.read_articles().map_err(|e| e.to_string())?;
    let mut view = WorkspaceView::default();
    for f in &flags {
        match keys.event_by_key(&f.event) {
            Some(e) => {
                view.flagged.insert(e);
            }
            None => view.orphaned_flags += 1,
        }
    }
    view.notes = notes
        .into_iter()
        .map(|n| {
            let on = workspace::resolve(&n.target, keys).map(|f| match f {
                Found::Event(e) => NoteOn::Event(e),
                Found::Article(a) => NoteOn::Article(a),
            });
            let about = if n.context.sentence.is_empty() {
                n.context.article_title.clone()
            } else {
                n.context.sentence.clone()
            };
            NoteView { id: n.id, on, text: n.text, created: n.created, about }
        })
        .collect();
    view.queries = queries.into_iter().map(|q| (q.name, q.query)).collect();
    view.read = read.iter().filter_map(|k| keys.article_by_key(k)).collect();
    Ok(view)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn open(dir: &std::path::Path) -> Persist {
        let d = dir.display().to_string();
        Persist::open(&move |k: &str| (k == "SITREP_DATA_HOME").then(|| d.clone())).unwrap()
    }

    #[test]
    fn changes_are_read_back_placed_in_a_new_store() {
        let dir = tempfile::tempdir().unwrap();
        let store = Arc::new(crate::store::demo::demo());
        let mut p = open(dir.path());
        let e = 1;
        let art = store.event(e).unwrap().article;
        p.apply(&Change::Flag { event: e, on: true }, &store).unwrap();
        p.apply(&Change::Note { on: NoteOn::Event(e), text: "check".into() }, &store).unwrap();
        p.apply(&Change::Note { on: NoteOn::Article(art), text: "round-up".into() }, &store).unwrap();
        p.apply(&Change::SaveQuery { name: "k".into(), query: "place:kyiv".into() }, &store).unwrap();
        p.apply(&Change::Read(art), &store).unwrap();
        // opened again, on a store built again (another Arc): the same events and articles
        let again = Arc::new(crate::store::demo::demo());
        let mut p = open(dir.path());
        assert!(!p.is_for(&again));
        let v = p.view(&again).unwrap();
        assert!(p.is_for(&again));
        assert_eq!(v.flagged, [e].into_iter().collect());
        assert_eq!(
            v.notes.iter().map(|n| n.on).collect::<Vec<_>>(),
            [Some(NoteOn::Event(e)), Some(NoteOn::Article(art))]
        );
        assert_eq!(v.queries, [("k".to_string(), "place:kyiv".to_string())]);
        assert!(v.read.contains(&art));
        assert_eq!(v.notes_on(e, art).count(), 2);
        // unflag, delete a note, forget the query
        p.apply(&Change::Flag { event: e, on: false }, &again).unwrap();
        p.apply(&Change::DeleteNote(v.notes[0].id), &again).unwrap();
        p.apply(&Change::ForgetQuery("k".into()), &again).unwrap();
        let v = p.view(&again).unwrap();
        assert!(v.flagged.is_empty() && v.queries.is_empty() && v.notes.len() == 1);
    }

    #[test]
    fn the_view_of_a_new_store_comes_from_its_own_thread_once() {
        let dir = tempfile::tempdir().unwrap();
        let store = Arc::new(crate::store::demo::demo());
        let mut p = open(dir.path());
        p.apply(&Change::Flag { event: 2, on: true }, &store).unwrap();
        // restarted: the view is made beside the browser
        let again = Arc::new(crate::store::demo::demo());
        let mut p = open(dir.path());
        let (tx, rx) = std::sync::mpsc::channel();
        p.view_later(&again, tx.clone());
        p.view_later(&again, tx.clone()); // asked again: nothing more
        let Ok(Msg::Workspace(v)) = rx.recv_timeout(std::time::Duration::from_secs(20)) else { panic!("no view came") };
        assert_eq!(v.flagged, [2].into_iter().collect());
        assert!(rx.recv_timeout(std::time::Duration::from_millis(300)).is_err(), "one view only");
        // its keys are taken, not worked out again, and writes go on
        assert!(!p.is_for(&again));
        p.apply(&Change::Flag { event: 2, on: false }, &again).unwrap();
        assert!(p.is_for(&again));
        assert!(p.view(&again).unwrap().flagged.is_empty());
    }

    #[test]
    fn a_note_whose_event_is_gone_is_kept_as_orphaned() {
        let dir = tempfile::tempdir().unwrap();
        let store = Arc::new(crate::store::demo::demo());
        let mut p = open(dir.path());
        p.apply(&Change::Note { on: NoteOn::Event(0), text: "kept".into() }, &store).unwrap();
        p.apply(&Change::Flag { event: 0, on: true }, &store).unwrap();
        // a corpus without that event
        let other = Arc::new(crate::store::demo::synthetic(50));
        let v = p.view(&other).unwrap();
        assert_eq!(v.notes.len(), 1);
        assert_eq!(v.notes[0].on, None);
        assert!(!v.notes[0].about.is_empty(), "says what it was about");
        assert_eq!(v.orphaned_flags, 1);
    }

    #[test]
    fn a_damaged_workspace_is_one_line_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(crate::workspace::FILE_NAME), b"not a database at all, just text").unwrap();
        let d = dir.path().display().to_string();
        let err = Persist::open(&move |k: &str| (k == "SITREP_DATA_HOME").then(|| d.clone())).err().unwrap();
        assert!(err.contains("workspace.sqlite3") && !err.contains('\n'), "{err}");
    }
}
