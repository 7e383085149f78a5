//! `sitrep events --merged` on the real binary: one row per happening, every report of it,
//! the first report, and the highest toll with the report that gives it; and the cluster
//! fields of the plain output.

#[path = "support/cli.rs"]
mod cli;

#[path = "support/reports.rs"]
mod reports;

fn sitrep(args: &[&str]) -> String {
    let out = cli::command().args(args).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    reports::two_reports_of_one_strike(dir.path());
    dir
}

#[test]
fn merged_lists_one_happening_with_its_reports_and_the_highest_toll() {
    let dir = corpus();
    let path = dir.path().display().to_string();
    let json: serde_json::Value =
        serde_json::from_str(&sitrep(&["events", &path, "--merged", "--format", "json"])).unwrap();
    let rows = json.as_array().unwrap();
    assert_eq!(rows.len(), 2, "{json:#}");
    let market = rows.iter().find(|r| r["place"] == "Druzhkivka").unwrap();
    assert_eq!(market["sources"], 2);
    assert_eq!(market["killed"]["value"], 7);
    assert_eq!(market["killed"]["source"], "Late Paper");
    // the toll as it rose, first report first
    let toll: Vec<(u64, &str)> = market["toll"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["killed"].as_u64().unwrap(), t["source"].as_str().unwrap()))
        .collect();
    assert_eq!(toll, [(5, "Early Wire"), (7, "Late Paper")]);
    // the first report is the earlier article's
    let reports = market["reports"].as_array().unwrap();
    assert_eq!(reports[0]["source"], "Early Wire");
    assert_eq!(market["first_report"], reports[0]["event"]);
    assert_eq!(reports[1]["merge_rule"], "same_place_and_day");
    let odesa = rows.iter().find(|r| r["place"] == "Odesa").unwrap();
    assert_eq!(odesa["sources"], 1);

    // the plain output: one cluster id for both reports, reports counted
    let events: serde_json::Value = serde_json::from_str(&sitrep(&["events", &path, "--format", "json"])).unwrap();
    let ev = events.as_array().unwrap();
    let druzh: Vec<&serde_json::Value> = ev.iter().filter(|e| e["place"] == "Druzhkivka").collect();
    assert_eq!(druzh.len(), 2);
    assert_eq!(druzh[0]["cluster"], druzh[1]["cluster"]);
    assert!(druzh.iter().all(|e| e["reports"] == 2));
    let odesa = ev.iter().find(|e| e["place"] == "Odesa").unwrap();
    assert_eq!(odesa["cluster"], odesa["id"], "alone: its own id");

    // CSV and table
    let csv = sitrep(&["events", &path, "--merged", "--format", "csv"]);
    assert!(csv.starts_with("cluster,kind,date,date_end,place"), "{csv}");
    assert!(csv.contains("Late Paper"), "{csv}");
    let table = sitrep(&["events", &path, "--merged"]);
    assert!(table.lines().next().unwrap().contains("SOURCES"), "{table}");
    assert!(table.contains("Early Wire") && table.contains("Late Paper"), "{table}");
    // a query keeps every report of a happening one of them matches
    let q = sitrep(&["events", &path, "--merged", "--format", "json", "--query", "source:early"]);
    let q: serde_json::Value = serde_json::from_str(&q).unwrap();
    let q = q.as_array().unwrap();
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0]["reports"].as_array().unwrap().len(), 2, "the other report comes along");
}
