//! CSV cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab
//! or CR) are written behind a single quote, unless they are plain numbers; `--raw-csv`
//! writes them as they are.

#[path = "support/cli.rs"]
mod cli;

use std::path::Path;

const FORMULA: &str = "=cmd|' /C calc'!A0";

fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut text = format!("---\ntitle: {FORMULA}\ndate: 2026-02-01\nsource: @SUM(A1:A9)\n---\n\n");
    text.push_str("A first paragraph.\n\n");
    text.push_str(
        "=SUM(A1:A9)+cmd|' /C calc'!A0 Russian drones struck a maternity hospital in Zaporizhzhia on \
         February 1, killing at least six people and injuring 12.\n\n",
    );
    text.push_str("Russian forces continued offensive operations near Pokrovsk in Donetsk Oblast.\n");
    std::fs::write(dir.path().join("formula.md"), text).unwrap();
    dir
}

/// The CSV `sitrep WHAT --format csv [extra] DIR` prints, as records with a header.
fn csv(what: &str, extra: &[&str], dir: &Path) -> Vec<csv::StringRecord> {
    let out = cli::command().args([what, "--format", "csv"]).args(extra).arg(dir).output().expect("sitrep runs");
    assert!(out.status.success(), "{what} {extra:?}: {}", String::from_utf8_lossy(&out.stderr));
    let mut r = csv::ReaderBuilder::new().has_headers(false).from_reader(out.stdout.as_slice());
    r.records().map(|r| r.unwrap()).collect()
}

/// The cell of `column` in the first row after the header.
fn cell<'a>(rows: &'a [csv::StringRecord], column: &str) -> &'a str {
    let i = rows[0].iter().position(|h| h == column).unwrap_or_else(|| panic!("no column {column}"));
    &rows[1][i]
}

#[test]
fn formulas_are_quoted_by_default() {
    let dir = corpus();
    let articles = csv("articles", &[], dir.path());
    assert_eq!(cell(&articles, "title"), format!("'{FORMULA}"));
    assert_eq!(cell(&articles, "source"), "'@SUM(A1:A9)");
    let events = csv("events", &[], dir.path());
    assert!(events.len() > 1, "{events:?}");
    let text = cell(&events, "text");
    assert!(text.starts_with("'=SUM(A1:A9)+cmd"), "{text}");
    // numbers are left alone
    let lat = events[0].iter().position(|h| h == "lat").unwrap();
    assert!(events[1..].iter().any(|r| !r[lat].is_empty()));
    assert!(events[1..].iter().all(|r| r[lat].is_empty() || r[lat].parse::<f64>().is_ok()), "{events:?}");
    assert_eq!(cell(&events, "killed"), "6");
    // no cell anywhere starts a formula
    for what in ["articles", "events", "entities"] {
        for row in csv(what, &[], dir.path()) {
            for c in row.iter() {
                let plain_number = c.parse::<f64>().is_ok_and(f64::is_finite);
                assert!(plain_number || !c.starts_with(['=', '+', '-', '@', '\t', '\r']), "{what}: {c:?}");
            }
        }
    }
}

#[test]
fn raw_csv_writes_cells_as_they_are() {
    let dir = corpus();
    let articles = csv("articles", &["--raw-csv"], dir.path());
    assert_eq!(cell(&articles, "title"), FORMULA);
    assert_eq!(cell(&articles, "source"), "@SUM(A1:A9)");
    let events = csv("events", &["--raw-csv"], dir.path());
    assert!(cell(&events, "text").starts_with("=SUM(A1:A9)+cmd"));
    csv("entities", &["--raw-csv"], dir.path());
}
