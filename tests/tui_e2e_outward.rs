//! End to end, on the real binary in tmux at 120x40 and 80x24: the event card, `y` putting
//! the citation on the clipboard through OSC 52 (tmux with set-clipboard on takes it into
//! a paste buffer), `:export`, and the mouse asking for clicks only. Skipped (with a note)
//! where tmux is not installed.

#[path = "support/reports.rs"]
mod reports;
#[path = "support/tmux.rs"]
mod tmux;
use tmux::*;

const SIZES: [(u16, u16); 2] = [(120, 40), (80, 24)];

#[test]
fn the_card_shows_claimant_and_status_for_druzhkivka_in_tmux() {
    for size in SIZES {
        let home = tempfile::tempdir().unwrap();
        let name = format!("card{}", size.0);
        let Some(t) = start_in(&name, "--query druzh", size, home.path()) else { return };
        t.wait("the druzh result", |s| s.contains("Druzhkivka") && s.contains("1/"));
        t.keys(&["i"]);
        let s = t.wait("the card", |s| s.contains("Status") && s.contains("Why"));
        assert!(s.contains("claimed by Ukrainian officials"), "{size:?}:\n{s}");
        assert!(s.contains("Druzhkivka › Kramatorsk Raion"), "{size:?}:\n{s}");
        assert!(s.contains("seeds/001_abb7e713285549bd.txt:"), "{size:?}: file:line\n{s}");
        // clicks and the wheel only: no report for every move of the pointer
        // (tmux: mouse_all_flag is any-motion tracking, 1003; mouse_any_flag any mouse mode)
        assert_eq!(t.format("#{mouse_all_flag}"), "0");
        assert_eq!(t.format("#{mouse_standard_flag}"), "1");
        t.keys(&["Escape"]);
        t.wait("the card closed", |s| !s.contains("Why ") && s.contains("j/k move"));
        t.keys(&["q"]);
        t.wait("the exit", |s| s.contains("EXIT=0"));
    }
}

#[test]
fn y_puts_the_sentence_and_url_on_the_clipboard_in_tmux() {
    for size in SIZES {
        copy_citation(size);
    }
}

fn copy_citation(size: (u16, u16)) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("kharkiv.txt"),
        "Title: Missiles hit Kharkiv\nDate: 2026-02-03\nSource: Example Wire\nURL: https://wire.example/kharkiv-strike\n\n\
         Russian missiles struck Kharkiv on February 2, killing three people, the governor said.\n",
    )
    .unwrap();
    // only what this copy puts there counts
    for name in Tmux::run(&["list-buffers", "-F", "#{buffer_name}"]).lines() {
        if name.starts_with("buffer") {
            Tmux::run(&["delete-buffer", "-b", name]);
        }
    }
    let Some(t) = start_in(&format!("clip-{}", size.0), &dir.path().display().to_string(), size, dir.path()) else {
        return;
    };
    // (a server option: set once the session has started the server)
    Tmux::run(&["set-option", "-s", "set-clipboard", "on"]);
    assert_eq!(Tmux::run(&["show-options", "-s", "-v", "set-clipboard"]).trim(), "on");
    t.wait("the event", |s| s.contains("Kharkiv") && s.contains("1/1"));
    t.keys(&["y"]);
    t.wait("the copy", |s| s.contains("copied the sentence"));
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    let buffer = loop {
        let b = Tmux::run(&["show-buffer"]);
        if b.contains("wire.example") || std::time::Instant::now() > deadline {
            break b;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    assert!(buffer.contains("Russian missiles struck Kharkiv on February 2"), "{buffer}");
    assert!(buffer.contains("Example Wire") && buffer.contains("https://wire.example/kharkiv-strike"), "{buffer}");
    t.keys(&["q"]);
}

#[test]
fn export_writes_the_filtered_rows_in_tmux() {
    for size in SIZES {
        let home = tempfile::tempdir().unwrap();
        let name = format!("export{}", size.0);
        let Some(t) = start_in(&name, "--query kind:strike", size, home.path()) else { return };
        let s = t.wait("the strikes", |s| s.contains("STRK") && s.contains(" of "));
        // "N of M events" in the list's title
        let listed: usize = s
            .split(" of ")
            .next()
            .and_then(|head| head.rsplit(' ').next())
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("no count in\n{s}"));
        let out = home.path().join("x.csv");
        t.keys(&[":"]);
        t.literal(&format!("export {}", out.display()));
        t.keys(&["Enter"]);
        t.wait("the export", |s| s.contains("exported"));
        let mut rows = csv::Reader::from_path(&out).unwrap();
        assert_eq!(rows.records().count(), listed, "every listed row, no other");
        assert!(rows.headers().unwrap().iter().any(|h| h == "claimed_by"));
        t.keys(&["q"]);
        t.wait("the exit", |s| s.contains("EXIT=0"));
    }
}

/// A flag, a note and a saved query survive quitting and starting again, and the corpus
/// being reloaded with a new article ahead of theirs (every event's number changes).
#[test]
fn flag_note_and_saved_query_survive_restart_and_reload_in_tmux() {
    for size in SIZES {
        survive_restart_and_reload(size);
    }
}

fn survive_restart_and_reload(size: (u16, u16)) {
    let home = tempfile::tempdir().unwrap();
    let corpus = home.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    let put = |name: &str, title: &str, date: &str, text: &str| {
        std::fs::write(corpus.join(name), format!("Title: {title}\nDate: {date}\n\n{text}\n")).unwrap();
    };
    put(
        "b.txt",
        "Strike on Kharkiv",
        "2026-02-03",
        "Russian missiles struck Kharkiv on February 2, killing three people, the governor said.",
    );
    put(
        "c.txt",
        "Drones over Odesa",
        "2026-02-04",
        "Russian drones hit the port of Odesa on February 3, injuring two workers, officials said.",
    );
    let args = format!("--watch {}", corpus.display());
    let odesa_row = |s: &str| s.lines().find(|l| l.contains("Russian drones hit")).map(str::to_string);

    let Some(t) = start_in(&format!("keep1-{}", size.0), &args, size, home.path()) else { return };
    t.wait("both events", |s| s.contains("Kharkiv") && s.contains("Odesa") && s.contains("2/2"));
    // the Odesa event is the newest: first row
    t.keys(&["f"]);
    t.wait("the flag", |s| odesa_row(s).is_some_and(|r| r.contains('⚑')));
    t.keys(&[":"]);
    t.literal("note ask the port authority");
    t.keys(&["Enter"]);
    t.wait("the note", |s| s.contains("note 1 kept"));
    t.keys(&["/"]);
    t.literal("kind:strike");
    t.keys(&["Enter", ":"]);
    t.literal("save strikes");
    t.keys(&["Enter"]);
    t.wait("the saved query", |s| s.contains("saved as strikes"));
    t.keys(&["q"]);
    t.wait("the exit", |s| s.contains("EXIT=0"));
    drop(t);

    // started again: all three are back
    let Some(t) = start_in(&format!("keep2-{}", size.0), &args, size, home.path()) else { return };
    let s = t.wait("the flag again", |s| odesa_row(s).is_some_and(|r| r.contains('⚑')));
    assert!(!s.lines().any(|l| l.contains("Russian missiles struck") && l.contains('⚑')), "{s}");
    t.keys(&["i"]);
    t.wait("the note in the card", |s| s.contains("ask the port authority") && s.contains("Flagged"));
    t.keys(&["Escape"]);
    t.wait("the card closed", |s| !s.contains("Flagged"));
    t.keys(&[":"]);
    t.literal("open strikes");
    t.keys(&["Enter"]);
    t.wait("the saved query in effect", |s| s.contains("strikes: kind:strike"));
    t.keys(&["X"]);

    // reloaded, with an article ahead of theirs: the flag and the note find their event
    put(
        "a.txt",
        "Shelling in Kherson",
        "2026-02-05",
        "Russian artillery shelled Kherson on February 5, killing one man, the regional governor said.",
    );
    let s = t.wait("the reload", |s| s.contains("Kherson") && s.contains("3/3"));
    assert!(odesa_row(&s).is_some_and(|r| r.contains('⚑')), "{s}");
    assert!(!s.lines().any(|l| l.contains("Kherson") && l.contains('⚑')), "{s}");
    t.keys(&["q"]);
    t.wait("the exit", |s| s.contains("EXIT=0"));

    // and the command line lists the note
    let out = std::process::Command::new(bin())
        .args(["notes", "--format", "json"])
        .arg(&corpus)
        .env("SITREP_DATA_HOME", home.path().join("data"))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("ask the port authority") && text.contains("\"orphaned\": false"), "{text}");
}

/// A damaged workspace is one line on the status line; the browser works, and `f` says the
/// flag is not kept rather than pretending.
#[test]
fn a_damaged_workspace_is_said_and_the_browser_starts_in_tmux() {
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join("data")).unwrap();
    std::fs::write(home.path().join("data/workspace.sqlite3"), b"this is not a database, it is text").unwrap();
    let Some(t) = start_in("damaged", "", (120, 40), home.path()) else { return };
    let s = t.wait("the first screen", |s| s.contains("Events") && s.contains(" of 56"));
    assert!(s.contains("workspace.sqlite3"), "{s}");
    t.keys(&["f"]);
    t.wait("the refusal", |s| s.contains("not kept: the workspace is off this session"));
    t.keys(&["j"]);
    t.wait("the list moving", |s| s.contains("j/k move"));
    t.keys(&["q"]);
    t.wait("the exit", |s| s.contains("EXIT=0"));
    assert_eq!(
        std::fs::read(home.path().join("data/workspace.sqlite3")).unwrap(),
        b"this is not a database, it is text"
    );
}

#[test]
fn one_row_per_happening_expands_to_its_reports_in_tmux() {
    for size in SIZES {
        let home = tempfile::tempdir().unwrap();
        let corpus = tempfile::tempdir().unwrap();
        reports::two_reports_of_one_strike(corpus.path());
        let name = format!("happen{}", size.0);
        let args = format!("--query 'sources>=2' {}", corpus.path().display());
        let Some(t) = start_in(&name, &args, size, home.path()) else { return };
        let s = t.wait("one row for the two reports", |s| s.contains("Druzhkivka") && s.contains("1/2"));
        assert!(s.contains("×2"), "{size:?}:\n{s}");
        assert!(!s.contains("Odesa  "), "{size:?}: sources>=2 leaves Odesa out\n{s}");
        t.keys(&["x"]);
        let s = t.wait("its two reports", |s| s.contains('└'));
        assert!(s.matches("Druzhkivka").count() >= 2, "{size:?}:\n{s}");
        t.keys(&["i"]);
        t.wait("the card's reports", |s| s.contains("2 articles report this"));
        // at 80x24 the reports are below the card's fold
        t.keys(&["G"]);
        let s = t.wait("both reports", |s| s.contains("Late Paper ·"));
        assert!(s.contains("1. Early Wire · 2026-02-04 · first report"), "{size:?}:\n{s}");
        t.keys(&["Escape"]);
        t.wait("the card closed", |s| !s.contains("Late Paper ·"));
        t.keys(&["q"]);
        t.wait("the exit", |s| s.contains("EXIT=0"));
    }
}

/// Is some `glyph` drawn reversed: preceded by SGR sequences one of which sets 7?
fn reversed_before(screen: &str, glyph: char) -> bool {
    screen.match_indices(glyph).any(|(at, _)| {
        let mut before = &screen[..at];
        // walk back over the SGR sequences right before the glyph
        while let Some(start) = before.rfind("\u{1b}[") {
            let seq = &before[start + 2..];
            if !seq.ends_with('m') || seq.len() > 20 {
                break;
            }
            if seq.trim_end_matches('m').split(';').any(|p| p == "7") {
                return true;
            }
            before = &before[..start];
        }
        false
    })
}

/// Issue 13 on the real binary: `near:` lists Druzhkivka and not Kyiv; `m` shows the map
/// with the outlines and Druzhkivka's marker reversed (selected); `m` again gives the
/// reader its place back.
#[test]
fn the_map_shows_the_seed_events_and_near_filters_in_tmux() {
    for size in SIZES {
        let home = tempfile::tempdir().unwrap();
        let name = format!("map{}", size.0);
        let Some(t) = start_in(&name, "--query near:kramatorsk,30km", size, home.path()) else { return };
        let s = t.wait("the near: result", |s| s.contains("Druzhkivka") && s.contains("1/"));
        // one event listed: Druzhkivka's (Kyiv's, 600 km away, are not)
        assert!(s.contains("Events 1 of"), "{size:?}:\n{s}");
        t.keys(&["m"]);
        let s = t.wait("the map", |s| s.contains(" Map ") && s.contains("on the map"));
        // the outline is drawn in Braille dots
        assert!(s.chars().any(|c| ('\u{2801}'..='\u{28ff}').contains(&c)), "{size:?}:\n{s}");
        assert!(s.contains("1 on the map"), "{size:?}:\n{s}");
        // Druzhkivka's marker, reversed: the selected event's (tmux writes SGR 7 before it)
        let coloured = Tmux::run(&["capture-pane", "-p", "-e", "-t", &t.session]);
        assert!(reversed_before(&coloured, '●'), "{size:?}: no reversed marker\n{s}");
        t.keys(&["m"]);
        t.wait("the reader back", |s| !s.contains(" Map "));
        t.keys(&["q"]);
        t.wait("the exit", |s| s.contains("EXIT=0"));
    }
}
