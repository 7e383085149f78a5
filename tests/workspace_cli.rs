//! `sitrep notes` on a workspace written through the library: the notes and flags on the
//! seeds' events come out found, a note on a key the corpus does not have comes out orphaned,
//! and a damaged workspace is one line on stderr.

#[path = "support/cli.rs"]
mod cli;

use std::path::Path;
use std::process::Output;

use sitrep::store::Store;
use sitrep::workspace::{Context, EventKey, FILE_NAME, StoreKeys, Target, Workspace, keys_for_store};

fn seeds() -> Store {
    let articles = sitrep::corpus::load_seeds().articles;
    let ex = sitrep::extract::run(&articles);
    Store::build(articles, ex)
}

fn notes(data: &Path, format: &str) -> Output {
    cli::command()
        .args(["notes", "--format", format])
        .env("SITREP_DATA_HOME", data)
        .env_remove("XDG_DATA_HOME")
        .output()
        .expect("sitrep runs")
}

fn stdout(o: &Output) -> String {
    assert!(o.status.success(), "status {:?}, stderr {}", o.status, String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout.clone()).expect("UTF-8")
}

fn json(data: &Path) -> Vec<serde_json::Value> {
    serde_json::from_str(&stdout(&notes(data, "json"))).expect("JSON")
}

/// The CSV's rows as maps from the header's names.
fn csv_rows(data: &Path) -> Vec<std::collections::HashMap<String, String>> {
    let text = stdout(&notes(data, "csv"));
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header = r.headers().expect("a header").clone();
    r.records()
        .map(|rec| header.iter().map(str::to_string).zip(rec.expect("a row").iter().map(str::to_string)).collect())
        .collect()
}

/// A workspace with a note and a flag on the seeds' first event.
fn written(data: &Path, store: &Store, keys: &StoreKeys) -> (EventKey, i64) {
    let mut ws = Workspace::open(&data.join(FILE_NAME)).expect("the workspace opens");
    let key = keys.event(0).clone();
    let ctx = Context::of_event(store, 0);
    let id = ws.add_note(&Target::Event(key.clone()), &ctx, "check against the ISW map").expect("a note");
    ws.set_flag(&key, &ctx, true).expect("a flag");
    (key, id)
}

#[test]
fn notes_on_the_seeds_are_found_and_a_made_up_key_is_orphaned() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let store = seeds();
    assert!(!store.events().is_empty(), "the seeds have events");
    let keys = keys_for_store(&store);
    let (key, id) = written(dir.path(), &store, &keys);

    let rows = json(dir.path());
    assert_eq!(rows.len(), 2, "{rows:?}");
    let note = &rows[0];
    assert_eq!(note["kind"], "note");
    assert_eq!(note["id"], id);
    assert_eq!(note["target"], "event");
    assert_eq!(note["key"], key.as_str());
    assert_eq!(note["text"], "check against the ISW map");
    assert_eq!(note["orphaned"], false);
    let title = &store.article(store.event(0).expect("event 0").article).expect("its article").title;
    assert_eq!(note["article_title"], title.split_whitespace().collect::<Vec<_>>().join(" "));
    assert!(!note["sentence"].as_str().expect("a sentence").is_empty());
    assert!(chrono::DateTime::parse_from_rfc3339(note["created"].as_str().expect("a time")).is_ok());
    assert_eq!(rows[1]["kind"], "flag");
    assert_eq!(rows[1]["key"], key.as_str());
    assert_eq!(rows[1]["orphaned"], false);

    let csv = csv_rows(dir.path());
    assert_eq!(csv.len(), 2);
    assert_eq!(csv[0]["kind"], "note");
    assert_eq!(csv[0]["id"], id.to_string());
    assert_eq!(csv[0]["key"], key.as_str());
    assert_eq!(csv[0]["orphaned"], "false");
    assert_eq!(csv[0]["text"], "check against the ISW map");
    assert_eq!(csv[1]["kind"], "flag");
    assert_eq!(csv[1]["id"], "");

    // A note on an event no corpus has: kept, and said to be orphaned.
    let mut ws = Workspace::open(&dir.path().join(FILE_NAME)).expect("opens");
    let gone = Context { article_title: "A story since withdrawn".into(), ..Context::default() };
    ws.add_note(&Target::Event(EventKey::new("0123456789abcdef")), &gone, "=HYPERLINK(\"x\")").expect("a note");
    let rows = json(dir.path());
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[1]["key"], "0123456789abcdef");
    assert_eq!(rows[1]["orphaned"], true);
    assert_eq!(rows[1]["article_title"], "A story since withdrawn");
    assert_eq!(rows[0]["orphaned"], false);
    let csv = csv_rows(dir.path());
    assert_eq!(csv[1]["orphaned"], "true");
    assert_eq!(csv[1]["text"], "'=HYPERLINK(\"x\")", "a formula is neutralised");

    let table = stdout(&notes(dir.path(), "table"));
    assert_eq!(table.lines().count(), 4, "{table}");
    assert!(table.lines().nth(2).is_some_and(|l| l.contains("orphaned") && l.contains("A story since withdrawn")));
    let sentence = rows[0]["sentence"].as_str().expect("a sentence");
    assert!(table.lines().nth(1).is_some_and(|l| l.ends_with(sentence)));
}

#[test]
fn the_table_shows_no_control_characters() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut ws = Workspace::open(&dir.path().join(FILE_NAME)).expect("opens");
    let ctx = Context { article_title: "Title\x1b]0;pwned\x07".into(), ..Context::default() };
    ws.add_note(&Target::Event(EventKey::new("e")), &ctx, "a\x1b[2Jb").expect("a note");
    let table = stdout(&notes(dir.path(), "table"));
    assert!(!table.contains('\x1b') && !table.contains('\x07'), "{table:?}");
    assert!(table.contains("a\u{FFFD}[2Jb"), "{table}");
    let csv = stdout(&notes(dir.path(), "csv"));
    assert!(!csv.contains('\x1b'), "{csv:?}");
}

#[test]
fn no_workspace_prints_nothing_and_makes_none() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let data = dir.path().join("data");
    assert_eq!(stdout(&notes(&data, "json")).trim(), "[]");
    let csv = stdout(&notes(&data, "csv"));
    assert_eq!(csv.lines().count(), 1, "{csv}");
    assert!(csv.starts_with("kind,id,target,key,created,orphaned,text,"), "{csv}");
    assert_eq!(stdout(&notes(&data, "table")).lines().count(), 1);
    assert!(!data.exists(), "a read made no workspace");
}

#[test]
fn a_damaged_workspace_is_one_line_naming_the_file() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join(FILE_NAME);
    std::fs::write(&path, "not a database at all, only words\n".repeat(50)).expect("written");
    let o = notes(dir.path(), "json");
    assert!(!o.status.success());
    assert!(o.stdout.is_empty());
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(err.trim_end(), format!("sitrep: workspace {}: file is not a database", path.display()));
}
