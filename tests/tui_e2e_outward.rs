//! End to end, on the real binary in tmux at 120x40 and 80x24: the event card, `y` putting
//! the citation on the clipboard through OSC 52 (tmux with set-clipboard on takes it into
//! a paste buffer), `:export`, and the mouse asking for clicks only. Skipped (with a note)
//! where tmux is not installed.

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
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("kharkiv.txt"),
        "Title: Missiles hit Kharkiv\nDate: 2026-02-03\nSource: Example Wire\nURL: https://wire.example/kharkiv-strike\n\n\
         Russian missiles struck Kharkiv on February 2, killing three people, the governor said.\n",
    )
    .unwrap();
    Tmux::run(&["set-option", "-s", "set-clipboard", "on"]);
    let Some(t) = start_in("clip", &dir.path().display().to_string(), (120, 40), dir.path()) else { return };
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
