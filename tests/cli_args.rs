//! The command line as a user types it (the real binary, on the embedded seeds).

#[path = "support/cli.rs"]
mod cli;

fn sitrep(args: &[&str]) -> std::process::Output {
    cli::command().args(args).output().expect("sitrep runs")
}

/// A query that starts with a negated term is a query, not an unknown option.
#[test]
fn a_query_may_start_with_a_minus() {
    let all = sitrep(&["events", "--format", "json"]);
    let out = sitrep(&["events", "--query", "-kind:statement", "--format", "json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let every: Vec<serde_json::Value> = serde_json::from_slice(&all.stdout).unwrap();
    assert!(!rows.is_empty() && rows.iter().all(|r| r["kind"] != "statement"));
    assert!(rows.len() < every.len(), "the seeds have statements");
    let short = sitrep(&["events", "-q", "-kind:statement", "--format", "json"]);
    assert_eq!(short.stdout, out.stdout);
}

/// Casualties in the events table: only what is known ("5k", "6i", "5k 6i", never "k/6i"),
/// under a header row; the entities table has one too.
#[test]
fn tables_have_headers_and_plain_counts() {
    let out = sitrep(&["events", "--format", "table"]);
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    let header = lines.next().unwrap();
    for col in ["DATE", "KIND", "PLACE", "CASUALTIES", "TEXT"] {
        assert!(header.contains(col), "{header}");
    }
    for l in lines {
        assert!(!l.contains("k/") && !l.contains("/i") && !l.contains(" k "), "{l}");
    }
    assert!(text.contains("7k 8i") || text.contains("12k 16i"), "{text}");
    let out = sitrep(&["entities", "--format", "table"]);
    let text = String::from_utf8(out.stdout).unwrap();
    let header = text.lines().next().unwrap();
    for col in ["KIND", "NAME", "MENTIONS"] {
        assert!(header.contains(col), "{header}");
    }
}

/// `near:` on the command line: the events near a place, and a place that cannot be found
/// is an error that names it, not an empty answer.
#[test]
fn near_lists_nearby_events_and_names_a_place_it_cannot_find() {
    let out = sitrep(&["events", "--query", "near:kramatorsk,30km", "--format", "csv"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Druzhkivka") && !text.contains(",Kyiv,"), "{text}");
    let out = sitrep(&["events", "--query", "near:atlantis"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no place called 'atlantis'"), "{err}");
}
