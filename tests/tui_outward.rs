//! Taking work out of the browser, on the demo store: the event card, `y`, `o`, the `:`
//! command line (export, goto, completion, history), and drawing only what changed.

#[path = "support/demo.rs"]
mod demo;
#[path = "support/harness.rs"]
mod harness;

use crossterm::event::MouseEventKind;
use demo::demo;
use harness::Harness;
use sitrep::tui::model::{Effect, Prompt};

fn on_druzh(w: u16, h: u16) -> Harness {
    let mut hs = Harness::new(demo(), w, h);
    hs.key("/");
    hs.type_text("druzh");
    hs.key("enter");
    hs
}

#[test]
fn the_card_shows_who_claims_it_and_closes() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut hs = on_druzh(w, h);
        hs.key("i");
        let card = hs.model.event_card.expect("i opens the card");
        assert_eq!(Some(card.event), hs.model.selected_hit().map(|x| x.event));
        let screen = hs.screen();
        for want in [
            "Status",
            "claimed by Ukrainian officials",
            "Druzhkivka › Kramatorsk Raion",
            "7 killed · 8 injured",
            "https://www.example-news.com/world/ukraine-week",
            "demo/001.txt",
        ] {
            assert!(screen.contains(want), "{w}x{h}: no {want:?} in\n{screen}");
        }
        // keys of the list do not reach it while the card is open
        hs.key("j");
        assert_eq!(hs.model.list.selected, 0);
        hs.key("%");
        assert!(hs.model.status.as_ref().unwrap().text.contains("Esc closes"));
        hs.key("esc");
        assert!(hs.model.event_card.is_none());
        assert!(!hs.screen().contains("Why "));
    }
}

#[test]
fn the_list_marks_claimed_events() {
    let hs = on_druzh(120, 40);
    let screen = hs.screen();
    assert!(screen.lines().any(|l| l.contains("STRK*Druzhkivka")), "{screen}");
}

#[test]
fn y_copies_the_sentence_with_its_citation() {
    let mut hs = on_druzh(120, 40);
    hs.key("y");
    let copied = hs.effects.iter().find_map(|e| if let Effect::Copy(t) = e { Some(t.clone()) } else { None });
    let copied = copied.expect("y asks for a copy");
    assert!(copied.starts_with("“On February 4, Ukrainian officials said shelling"), "{copied}");
    assert!(copied.contains("example-news.com") && copied.contains("2026-02-06"), "{copied}");
    assert!(copied.ends_with("https://www.example-news.com/world/ukraine-week)"), "{copied}");
    // from the card too
    hs.effects.clear();
    hs.keys("i y");
    assert!(hs.effects.iter().any(|e| matches!(e, Effect::Copy(_))));
}

#[test]
fn o_opens_the_url() {
    let mut hs = on_druzh(120, 40);
    hs.key("o");
    assert!(hs.effects.contains(&Effect::OpenUrl("https://www.example-news.com/world/ukraine-week".into())));
}

#[test]
fn export_writes_the_listed_events_by_extension() {
    let mut hs = on_druzh(120, 40);
    let listed: Vec<u32> =
        (0..hs.model.results.len()).filter_map(|i| hs.model.results.get(i).map(|x| x.event)).collect();
    hs.key(":");
    assert_eq!(hs.model.input.as_ref().map(|i| i.prompt), Some(Prompt::Command));
    hs.type_text("export out/x.csv");
    hs.key("enter");
    assert!(hs.model.input.is_none());
    assert!(hs.effects.contains(&Effect::Export { path: "out/x.csv".into(), events: listed }), "{:?}", hs.effects);
    // a name that says no format is refused at once, and the line stays open to fix it
    hs.effects.clear();
    hs.key(":");
    hs.type_text("export x.txt");
    hs.key("enter");
    assert!(hs.effects.is_empty());
    assert!(hs.model.status.as_ref().unwrap().text.contains(".csv, .json or .geojson"));
    // an unknown command says so and keeps the line
    hs.key("esc");
    hs.key(":");
    hs.type_text("frob");
    hs.key("enter");
    assert!(hs.model.input.is_some());
    assert!(hs.model.status.as_ref().unwrap().text.contains("no command frob"));
}

#[test]
fn export_writes_csv_json_and_geojson_files() {
    let store = demo();
    let dir = std::env::temp_dir().join(format!("sitrep-export-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let ids: Vec<u32> = (0..store.events().len() as u32).collect();
    for ext in ["csv", "json", "geojson"] {
        let path = dir.join(format!("events.{ext}"));
        let n = sitrep::cli::export_events(&store, &ids, &path).unwrap();
        assert_eq!(n, ids.len());
        let text = std::fs::read_to_string(&path).unwrap();
        match ext {
            "csv" => assert_eq!(csv::Reader::from_reader(text.as_bytes()).records().count(), ids.len()),
            "json" => assert_eq!(
                serde_json::from_str::<serde_json::Value>(&text).unwrap().as_array().unwrap().len(),
                ids.len()
            ),
            _ => {
                let v: serde_json::Value = serde_json::from_str(&text).unwrap();
                assert_eq!(v["type"], "FeatureCollection");
                assert_eq!(v["features"].as_array().unwrap().len(), ids.len());
            }
        }
    }
    // no temporary file left behind, and a bad folder is one clear line
    let left: Vec<_> = std::fs::read_dir(&dir).unwrap().filter_map(Result::ok).map(|e| e.file_name()).collect();
    assert_eq!(left.len(), 3, "{left:?}");
    let err = sitrep::cli::export_events(&store, &ids, &dir.join("no/such/x.csv")).unwrap_err();
    assert!(err.starts_with("export ") && !err.contains('\n'), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn goto_shows_one_day_and_refuses_days_outside() {
    let mut hs = Harness::new(demo(), 120, 40);
    hs.key(":");
    hs.type_text("goto 2026-02-04");
    hs.key("enter");
    let d = chrono::NaiveDate::from_ymd_opt(2026, 2, 4).unwrap();
    assert!(!hs.model.results.is_empty());
    for i in 0..hs.model.results.len() {
        let e = hs.model.results.get(i).unwrap().event;
        let store = hs.model.store.clone().unwrap();
        assert_eq!(store.event_day(e), Some(d));
    }
    hs.key(":");
    hs.type_text("goto 1999-01-01");
    hs.key("enter");
    assert!(hs.model.status.as_ref().unwrap().text.contains("outside the timeline"));
}

#[test]
fn tab_completes_and_up_recalls_commands() {
    let mut hs = Harness::new(demo(), 120, 40);
    hs.key(":");
    hs.type_text("go");
    hs.key("tab");
    assert_eq!(hs.model.input.as_ref().unwrap().text, "goto ");
    hs.type_text("2026-02-04");
    hs.key("enter");
    hs.key(":");
    hs.key("up");
    assert_eq!(hs.model.input.as_ref().unwrap().text, "goto 2026-02-04");
    // the query history is another one
    hs.key("esc");
    hs.key("/");
    hs.key("up");
    assert_ne!(hs.model.input.as_ref().unwrap().text, "goto 2026-02-04");
}

#[test]
fn the_pointer_moving_does_not_redraw() {
    let mut hs = Harness::new(demo(), 120, 40);
    hs.model.dirty = false;
    hs.mouse(MouseEventKind::Moved, 10, 10);
    hs.mouse(MouseEventKind::Drag(crossterm::event::MouseButton::Left), 11, 10);
    assert!(!hs.model.dirty, "a move changes nothing on screen");
    hs.mouse(MouseEventKind::ScrollDown, 10, 20);
    assert!(hs.model.dirty, "the wheel scrolls");
}

// ---------------------------------------------------------------- the workspace

use sitrep::tui::model::{Change, Msg, NoteOn, NoteView, WorkspaceView};

/// Pretend the runtime answered with this view.
fn with_view(hs: &mut Harness, view: WorkspaceView) {
    hs.send(Msg::Workspace(view));
}

#[test]
fn flag_note_and_save_ask_the_workspace() {
    let mut hs = on_druzh(120, 40);
    let e = hs.model.selected_hit().unwrap().event;
    with_view(&mut hs, WorkspaceView::default());
    hs.key("f");
    assert!(hs.effects.contains(&Effect::Persist(Change::Flag { event: e, on: true })), "{:?}", hs.effects);
    hs.key(":");
    hs.type_text("note check the toll");
    hs.key("enter");
    assert!(
        hs.effects.contains(&Effect::Persist(Change::Note { on: NoteOn::Event(e), text: "check the toll".into() }))
    );
    hs.key(":");
    hs.type_text("note article a good round-up");
    hs.key("enter");
    let art = hs.model.store.as_ref().unwrap().event(e).unwrap().article;
    assert!(
        hs.effects
            .contains(&Effect::Persist(Change::Note { on: NoteOn::Article(art), text: "a good round-up".into() }))
    );
    hs.key(":");
    hs.type_text("save market strike");
    hs.key("enter");
    assert!(
        hs.effects
            .contains(&Effect::Persist(Change::SaveQuery { name: "market strike".into(), query: "druzh".into() }))
    );
    // the answer: flagged and noted, on screen
    let mut view = WorkspaceView::default();
    view.flagged.insert(e);
    view.notes.push(NoteView {
        id: 1,
        on: Some(NoteOn::Event(e)),
        text: "check the toll".into(),
        created: "2026-12-06T10:00:00Z".into(),
        about: String::new(),
    });
    with_view(&mut hs, view.clone());
    assert!(hs.screen().contains("8i⚑On February 4"), "{}", hs.screen());
    hs.key("f");
    assert!(hs.effects.contains(&Effect::Persist(Change::Flag { event: e, on: false })), "f again unflags");
    hs.key("i");
    let s = hs.screen();
    assert!(s.contains("Flagged") && s.contains("check the toll · 2026-12-06"), "{s}");
}

#[test]
fn saved_queries_and_notes_are_lists_to_jump_from() {
    let mut hs = Harness::new(demo(), 120, 40);
    let store = hs.model.store.clone().unwrap();
    let last = (store.events().len() - 1) as u32;
    let notes = vec![
        NoteView {
            id: 1,
            on: None,
            text: "gone since".into(),
            created: "2026-12-01T00:00:00Z".into(),
            about: "Old sentence".into(),
        },
        NoteView {
            id: 2,
            on: Some(NoteOn::Event(last)),
            text: "follow up".into(),
            created: "2026-12-02T00:00:00Z".into(),
            about: String::new(),
        },
    ];
    let queries = vec![("kyiv".into(), "place:kyiv".into()), ("strikes".into(), "kind:strike".into())];
    with_view(&mut hs, WorkspaceView { queries, notes, ..WorkspaceView::default() });
    // :open without a name lists them; Enter puts one in effect
    hs.key(":");
    hs.type_text("open");
    hs.key("enter");
    assert!(hs.screen().contains("Saved queries"));
    hs.keys("j enter");
    assert_eq!(hs.model.query_text, "kind:strike");
    assert!(hs.model.picker.is_none());
    // :open NAME, with Tab completing the name
    hs.key(":");
    hs.type_text("open ky");
    hs.key("tab");
    assert_eq!(hs.model.input.as_ref().unwrap().text, "open kyiv");
    hs.key("enter");
    assert_eq!(hs.model.query_text, "place:kyiv");
    // :notes shows the orphaned one too, and Enter on a live one goes to its event
    hs.key(":");
    hs.type_text("notes");
    hs.key("enter");
    let s = hs.screen();
    assert!(s.contains("orphaned") && s.contains("gone since — Old sentence"), "{s}");
    hs.key("enter");
    assert!(hs.model.status.as_ref().unwrap().text.contains("orphaned"));
    hs.key(":");
    hs.type_text("notes");
    hs.keys("enter j enter");
    assert_eq!(hs.model.selected_hit().map(|h| h.event), Some(last));
    // d deletes
    hs.effects.clear();
    hs.key(":");
    hs.type_text("notes");
    hs.keys("enter d");
    assert!(hs.effects.contains(&Effect::Persist(Change::DeleteNote(1))));
}

#[test]
fn reading_an_article_is_kept() {
    let mut hs = Harness::new(demo(), 120, 40);
    let first = hs.model.reader.article.unwrap();
    hs.effects.clear();
    // another article
    let store = hs.model.store.clone().unwrap();
    let row = (0..hs.model.results.len())
        .find(|&i| store.event(hs.model.results.get(i).unwrap().event).unwrap().article != first)
        .unwrap();
    for _ in 0..row {
        hs.key("j");
    }
    let second = hs.model.reader.article.unwrap();
    assert!(hs.effects.contains(&Effect::Persist(Change::Read(second))), "{:?}", hs.effects);
    // and only once
    hs.effects.clear();
    hs.keys("k j");
    assert!(!hs.effects.iter().any(|e| matches!(e, Effect::Persist(Change::Read(a)) if *a == second)));
}

/// Tab while typing a query completes a filter's name.
#[test]
fn tab_completes_a_filter_name_in_a_query() {
    let mut hs = Harness::new(demo(), 120, 40);
    hs.key("/");
    hs.type_text("druzh -kin");
    hs.key("tab");
    assert_eq!(hs.model.input.as_ref().unwrap().text, "druzh -kind:");
    hs.type_text("statement");
    hs.key("enter");
    assert_eq!(hs.model.query_text, "druzh -kind:statement");
    hs.key("/");
    hs.type_text(" s");
    hs.key("tab");
    let st = hs.model.status.as_ref().unwrap().text.clone();
    assert!(st.contains("source") && st.contains("since"), "several: {st}");
}

/// A reload renumbers events: the workspace's marks are dropped until the runtime places them
/// in the new store, never left on the rows that now hold other events.
#[test]
fn a_reload_drops_marks_until_they_are_placed_again() {
    let mut hs = on_druzh(120, 40);
    let e = hs.model.selected_hit().unwrap().event;
    let mut view = WorkspaceView::default();
    view.flagged.insert(e);
    with_view(&mut hs, view);
    assert!(hs.screen().contains('⚑'));
    // another corpus: the numbers now name other events
    let store = std::sync::Arc::new(demo::synthetic(50));
    hs.send(Msg::Reloaded(store, Default::default()));
    let flagged = hs.model.workspace.as_ref().unwrap().flagged.clone();
    assert!(flagged.is_empty(), "{flagged:?}");
}
