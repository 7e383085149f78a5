//! What the browser says about files it could not load: a bad `--query` stays in view when
//! files were skipped, and when nothing loads the reasons are on the screen and in the error
//! the program ends with.

#[path = "support/demo.rs"]
mod demo;
#[path = "support/harness.rs"]
mod harness;

use std::sync::Arc;

use demo::demo;
use harness::Harness;
use sitrep::store::Progress;
use sitrep::tui::model::Msg;
use sitrep::tui::update;

#[test]
fn a_bad_query_is_not_hidden_by_skipped_files() {
    let mut h = Harness::loading(120, 30);
    update::open_with_query(&mut h.model, "killed>x");
    h.send(Msg::Progress(Progress::note("a/empty.txt: empty file")));
    h.send(Msg::Progress(Progress::note("a/img.txt: binary file (NUL byte at offset 8)")));
    h.send(Msg::Loaded(Ok(Arc::new(demo()))));
    let status = h.model.status.clone().expect("a message");
    assert!(status.error);
    assert!(status.text.contains("query: ") && status.text.contains("not a whole number"), "{status:?}");
    assert!(status.text.contains("skipped 2 files"), "{status:?}");
    let screen = h.screen();
    assert!(screen.contains("not a whole number"), "{screen}");
    // the query did not apply: every event is listed
    assert_eq!(h.model.results.len(), 9);
}

#[test]
fn skipped_files_alone_are_named() {
    let mut h = Harness::loading(120, 30);
    update::open_with_query(&mut h.model, "kind:strike");
    h.send(Msg::Progress(Progress::note("a/empty.txt: empty file")));
    h.send(Msg::Loaded(Ok(Arc::new(demo()))));
    assert_eq!(h.model.status.as_ref().map(|s| s.text.as_str()), Some("skipped a/empty.txt: empty file"));
    assert_eq!(h.model.results.len(), 4, "the query applies");
}

#[test]
fn when_nothing_loads_the_reasons_are_shown() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    std::fs::write(dir.path().join("img.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    std::fs::write(dir.path().join("blank\x1b]0;PWNED\x07.txt"), "  \n\n ").unwrap();
    let load = sitrep::tui::corpus_loader(vec![dir.path().to_path_buf()], sitrep::corpus::LoadOptions::default(), None);
    let notes = std::sync::Mutex::new(Vec::new());
    let err = match load(&|p: Progress| notes.lock().unwrap().extend(p.note)) {
        Err(e) => e,
        Ok(_) => panic!("nothing should load"),
    };
    // the error the program ends with names each file and why
    assert!(err.starts_with("nothing could be loaded from "), "{err}");
    assert!(err.contains("empty.txt: empty file"), "{err}");
    assert!(err.contains("img.txt: binary file"), "{err}");
    assert!(err.contains("PWNED") && !err.contains('\x1b') && !err.contains('\x07'), "{err:?}");
    // and so does the screen
    let mut h = Harness::loading(120, 30);
    for n in notes.into_inner().unwrap() {
        h.send(Msg::Progress(Progress::note(n)));
    }
    h.send(Msg::Loaded(Err(err)));
    let screen = h.screen();
    assert!(screen.contains("could not load: nothing could be loaded from"), "{screen}");
    assert!(screen.contains("empty.txt: empty file"), "{screen}");
    assert!(screen.contains("img.txt: binary file"), "{screen}");
    assert!(screen.contains("q quits"), "{screen}");
}

#[test]
fn many_reasons_are_cut_to_a_few() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..20 {
        std::fs::write(dir.path().join(format!("empty{i:02}.txt")), "").unwrap();
    }
    let load = sitrep::tui::corpus_loader(vec![dir.path().to_path_buf()], sitrep::corpus::LoadOptions::default(), None);
    let Err(err) = load(&|_| {}) else { panic!("nothing should load") };
    assert!(err.contains("empty00.txt: empty file"), "{err}");
    assert!(!err.contains("empty19.txt"), "{err}");
    assert!(err.contains("and 15 more"), "{err}");
}
