//! The workspace file: schema, migrations, each kind of record, and the files it refuses.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::time::{Duration, Instant};

use rusqlite::Connection;

use super::*;
use crate::store::demo::demo;

fn temp() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("deep/er").join(FILE_NAME);
    (dir, path)
}

fn ctx(title: &str) -> Context {
    Context {
        article_title: title.to_string(),
        outlet: Some("Outlet".into()),
        url: None,
        sentence: "Shelling hit Druzhkivka.".into(),
        date: Some("2026-02-01".into()),
    }
}

fn user_version(path: &Path) -> i64 {
    let c = Connection::open(path).expect("the file opens");
    c.pragma_query_value(None, "user_version", |r| r.get(0)).expect("a user_version")
}

#[test]
fn data_dir_follows_the_variables_in_order() {
    let env = |vars: &[(&str, &str)]| {
        let m: HashMap<String, String> = vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        move |k: &str| m.get(k).cloned()
    };
    let both = env(&[("SITREP_DATA_HOME", "/a"), ("XDG_DATA_HOME", "/x")]);
    assert_eq!(data_dir(&both), Some(PathBuf::from("/a")));
    let xdg = env(&[("SITREP_DATA_HOME", ""), ("XDG_DATA_HOME", "/x")]);
    assert_eq!(data_dir(&xdg), Some(PathBuf::from("/x/sitrep")));
    let none = env(&[("SITREP_DATA_HOME", ""), ("XDG_DATA_HOME", "")]);
    let platform = directories::ProjectDirs::from("", "", "sitrep").map(|p| p.data_dir().to_path_buf());
    assert_eq!(data_dir(&none), platform);
}

#[test]
fn a_new_file_is_made_with_the_schema_and_keeps_what_was_written() {
    let (_dir, path) = temp();
    assert!(!path.exists());
    let mut ws = Workspace::open(&path).expect("opens");
    assert_eq!(ws.path(), path);
    assert_eq!(user_version(&path), SCHEMA_VERSION);
    ws.add_note(&Target::Article(ArticleKey::new("00000000000000aa")), &ctx("A"), "first").expect("a note");
    drop(ws);
    // Opened again: nothing migrated twice, the note still there.
    let ws = Workspace::open(&path).expect("opens again");
    assert_eq!(ws.notes().expect("notes").len(), 1);
    assert_eq!(user_version(&path), SCHEMA_VERSION);
    // Opened from the environment, the same file.
    let dir = path.parent().expect("a folder").to_string_lossy().into_owned();
    let ws = Workspace::open_in(&|k| (k == "SITREP_DATA_HOME").then(|| dir.clone())).expect("opens in");
    assert_eq!(ws.path(), path);
    assert_eq!(ws.notes().expect("notes")[0].text, "first");
}

#[test]
fn an_empty_file_is_a_new_workspace() {
    let (_dir, path) = temp();
    std::fs::create_dir_all(path.parent().expect("a folder")).expect("a folder");
    std::fs::write(&path, b"").expect("written");
    let ws = Workspace::open(&path).expect("opens");
    assert!(ws.flags().expect("flags").is_empty());
    assert_eq!(user_version(&path), SCHEMA_VERSION);
}

#[test]
fn flags_go_on_once_and_off() {
    let (_dir, path) = temp();
    let mut ws = Workspace::open(&path).expect("opens");
    let (a, b) = (EventKey::new("000000000000000a"), EventKey::new("000000000000000b"));
    ws.set_flag(&a, &ctx("A"), true).expect("flag");
    ws.set_flag(&b, &ctx("B"), true).expect("flag");
    ws.set_flag(&a, &ctx("A again"), true).expect("flag again");
    let flags = ws.flags().expect("flags");
    assert_eq!(flags.iter().map(|f| &f.event).collect::<Vec<_>>(), vec![&a, &b]);
    assert_eq!(flags[0].context.article_title, "A", "the first flag is kept");
    assert!(chrono::DateTime::parse_from_rfc3339(&flags[0].created).is_ok(), "{}", flags[0].created);
    assert!(flags[0].created.ends_with('Z'));
    ws.set_flag(&a, &ctx("A"), false).expect("unflag");
    ws.set_flag(&a, &ctx("A"), false).expect("unflag again");
    assert_eq!(ws.flags().expect("flags").iter().map(|f| &f.event).collect::<Vec<_>>(), vec![&b]);
}

#[test]
fn notes_come_oldest_first_and_ids_are_not_reused() {
    let (_dir, path) = temp();
    let mut ws = Workspace::open(&path).expect("opens");
    let ev = Target::Event(EventKey::new("00000000000000e1"));
    let art = Target::Article(ArticleKey::new("00000000000000a1"));
    let one = ws.add_note(&ev, &ctx("A"), "one").expect("note");
    let two = ws.add_note(&art, &ctx("B"), "two, with \"quotes\"\nand a line").expect("note");
    let notes = ws.notes().expect("notes");
    assert_eq!(notes.iter().map(|n| (n.id, n.text.as_str())).collect::<Vec<_>>()[0], (one, "one"));
    assert_eq!(notes[1].target, art);
    assert_eq!(notes[1].text, "two, with \"quotes\"\nand a line");
    assert_eq!(notes[0].target, ev);
    assert_eq!(notes[0].context, ctx("A"));
    assert!(ws.delete_note(two).expect("delete"));
    assert!(!ws.delete_note(two).expect("delete again"));
    let three = ws.add_note(&ev, &ctx("A"), "three").expect("note");
    assert!(three > two, "{three} after {two}");
    assert_eq!(ws.notes().expect("notes").iter().map(|n| n.id).collect::<Vec<_>>(), vec![one, three]);
}

#[test]
fn saving_a_query_under_a_used_name_replaces_it() {
    let (_dir, path) = temp();
    let mut ws = Workspace::open(&path).expect("opens");
    ws.save_query("strikes", "kind:strike").expect("save");
    ws.save_query("donetsk", "place:donetsk").expect("save");
    let before = ws.queries().expect("queries");
    ws.save_query("strikes", "kind:strike killed>0").expect("save again");
    let qs = ws.queries().expect("queries");
    assert_eq!(
        qs.iter().map(|q| (q.name.as_str(), q.query.as_str())).collect::<Vec<_>>(),
        vec![("donetsk", "place:donetsk"), ("strikes", "kind:strike killed>0")]
    );
    assert_eq!(qs[1].created, before[1].created);
    assert_eq!(ws.query("strikes").expect("query").as_deref(), Some("kind:strike killed>0"));
    assert!(ws.delete_query("strikes").expect("delete"));
    assert!(!ws.delete_query("strikes").expect("delete again"));
    assert_eq!(ws.query("strikes").expect("query"), None);
    assert_eq!(ws.queries().expect("queries").len(), 1);
}

#[test]
fn articles_are_marked_read_and_unread() {
    let (_dir, path) = temp();
    let mut ws = Workspace::open(&path).expect("opens");
    let (a, b) = (ArticleKey::new("00000000000000a1"), ArticleKey::new("00000000000000b2"));
    ws.set_read(&a, true).expect("read");
    ws.set_read(&a, true).expect("read twice");
    ws.set_read(&b, true).expect("read");
    ws.set_read(&b, false).expect("unread");
    ws.set_read(&b, false).expect("unread twice");
    assert_eq!(ws.read_articles().expect("read set"), HashSet::from([a]));
}

#[test]
fn a_newer_schema_is_refused_and_left_alone() {
    let (_dir, path) = temp();
    drop(Workspace::open(&path).expect("opens"));
    let c = Connection::open(&path).expect("raw");
    c.pragma_update(None, "user_version", SCHEMA_VERSION + 1).expect("bumped");
    drop(c);
    let e = Workspace::open(&path).expect_err("refused");
    assert_eq!(e.problem(), &Problem::Newer { found: SCHEMA_VERSION + 1, known: SCHEMA_VERSION });
    assert_eq!(user_version(&path), SCHEMA_VERSION + 1, "never downgraded");
    let line = e.to_string();
    assert!(line.contains(&path.display().to_string()) && line.contains("newer"), "{line}");
}

#[test]
fn a_garbage_file_is_reported_as_corrupt() {
    let (_dir, path) = temp();
    std::fs::create_dir_all(path.parent().expect("a folder")).expect("a folder");
    std::fs::write(&path, "this is not a database, just some text that goes on for a while\n".repeat(40)).unwrap();
    let e = Workspace::open(&path).expect_err("refused");
    assert!(matches!(e.problem(), Problem::Corrupt(_)), "{e:?}");
    let line = e.to_string();
    assert_eq!(
        line,
        format!(
            "workspace {}: file is not a database (notes, flags and saved queries are off this session)",
            path.display()
        )
    );
    assert!(!line.contains('\n'));
    // The file is left as it was.
    assert!(std::fs::read_to_string(&path).expect("text").starts_with("this is not"));
}

#[test]
fn another_programs_database_is_not_taken() {
    let (_dir, path) = temp();
    std::fs::create_dir_all(path.parent().expect("a folder")).expect("a folder");
    Connection::open(&path).expect("raw").execute_batch("CREATE TABLE mine (x)").expect("a table");
    let e = Workspace::open(&path).expect_err("refused");
    assert_eq!(e.problem(), &Problem::Foreign);
}

#[test]
fn a_locked_file_fails_quickly() {
    let (_dir, path) = temp();
    let mut ws = Workspace::open(&path).expect("opens");
    let other = Connection::open(&path).expect("raw");
    other.execute_batch("BEGIN EXCLUSIVE").expect("locked");

    let t = Instant::now();
    let e = Workspace::open(&path).expect_err("locked");
    assert_eq!(e.problem(), &Problem::Locked);
    assert!(e.to_string().contains("locked") && e.to_string().contains("off this session"), "{e}");
    // A write through a workspace opened before is refused too, without the session note.
    let e = ws.add_note(&Target::Event(EventKey::new("e")), &ctx("A"), "x").expect_err("locked");
    assert_eq!(e.problem(), &Problem::Locked);
    assert!(!e.to_string().contains("off this session"), "{e}");
    // 250 ms each; a second is generous on a loaded machine, and far from hanging.
    assert!(t.elapsed() < Duration::from_secs(2), "{:?}", t.elapsed());

    other.execute_batch("COMMIT").expect("unlocked");
    ws.add_note(&Target::Event(EventKey::new("e")), &ctx("A"), "x").expect("written once unlocked");
}

#[test]
fn a_folder_that_cannot_be_made_is_an_io_problem() {
    let (dir, _) = temp();
    let file = dir.path().join("a file");
    std::fs::write(&file, "x").expect("written");
    let e = Workspace::open(&file.join(FILE_NAME)).expect_err("no folder");
    assert!(matches!(e.problem(), Problem::Io(_)), "{e:?}");
    assert!(e.to_string().starts_with(&format!("workspace {}", file.join(FILE_NAME).display())), "{e}");
}

#[test]
fn notes_whose_event_is_gone_are_kept_as_orphaned() {
    let store = demo();
    let keys = keys_for_store(&store);
    let (_dir, path) = temp();
    let mut ws = Workspace::open(&path).expect("opens");
    ws.add_note(&Target::Event(keys.event(3).clone()), &Context::of_event(&store, 3), "here").unwrap();
    ws.add_note(&Target::Event(EventKey::new("0123456789abcdef")), &ctx("Gone"), "gone").unwrap();
    ws.add_note(&Target::Article(keys.article(1).clone()), &Context::of_article(&store, 1), "art").unwrap();
    let resolved = resolve_notes(ws.notes().unwrap(), &keys);
    let found: Vec<(&str, Option<Found>)> = resolved.iter().map(|(n, f)| (n.text.as_str(), *f)).collect();
    assert_eq!(found, vec![("here", Some(Found::Event(3))), ("gone", None), ("art", Some(Found::Article(1)))]);
    assert_eq!(resolved[1].0.context.article_title, "Gone");
    let c = Context::of_event(&store, 3);
    assert_eq!(c.sentence, store.event_text(3).split_whitespace().collect::<Vec<_>>().join(" "));
    assert_eq!(c.article_title, store.article(store.event(3).unwrap().article).unwrap().title);
}
