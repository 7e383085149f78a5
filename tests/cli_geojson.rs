//! `sitrep events --format geojson` on the real binary (issue 13): a FeatureCollection as
//! RFC 7946 has it, a Point with [longitude, latitude] for every placed event and no
//! geometry for the others (never an invented point), every field of the JSON output in the
//! properties (with the place's precision), and every event once.

#[path = "support/cli.rs"]
mod cli;

fn sitrep(args: &[&str]) -> serde_json::Value {
    let out = cli::command().args(args).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn geojson_is_rfc_7946_and_round_trips_every_event() {
    let geo = sitrep(&["events", "--format", "geojson"]);
    let json = sitrep(&["events", "--format", "json"]);
    let events = json.as_array().unwrap();
    assert_eq!(geo["type"], "FeatureCollection");
    let features = geo["features"].as_array().unwrap();
    assert_eq!(features.len(), events.len(), "one feature per event");
    let (mut points, mut none) = (0, 0);
    for (f, e) in features.iter().zip(events) {
        assert_eq!(f["type"], "Feature");
        assert_eq!(f["id"], e["id"]);
        // every field of the JSON output, unchanged
        assert_eq!(&f["properties"], e, "the properties are the event");
        match &f["geometry"] {
            serde_json::Value::Null => {
                none += 1;
                assert!(e["lat"].is_null() || e["lon"].is_null(), "a placed event has a point: {e}");
            }
            g => {
                points += 1;
                assert_eq!(g["type"], "Point");
                let c = g["coordinates"].as_array().unwrap();
                assert_eq!(c.len(), 2);
                // [longitude, latitude], in range
                assert_eq!((&c[0], &c[1]), (&e["lon"], &e["lat"]));
                let (lon, lat) = (c[0].as_f64().unwrap(), c[1].as_f64().unwrap());
                assert!((-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat));
            }
        }
    }
    assert!(points > 0 && none > 0, "{points} placed, {none} not");
    // the place's precision: Druzhkivka a settlement, Donetsk Oblast a region
    let precision =
        |place: &str| events.iter().find(|e| e["place_entity"] == place).map(|e| e["place_precision"].clone());
    assert_eq!(precision("Druzhkivka"), Some(serde_json::json!("settlement")));
    assert_eq!(precision("Donetsk Oblast"), Some(serde_json::json!("region")));
}
