//! Events as a GeoJSON FeatureCollection (RFC 7946): one Feature per event, a Point at its
//! place's coordinates (longitude first) or no geometry when the place has none, never an
//! invented point; every field of the JSON output in `properties`.

use std::io::Write;

use serde::Serialize;

use super::output::EventRow;

#[derive(Serialize)]
struct Collection<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    features: Vec<Feature<'a>>,
}

#[derive(Serialize)]
struct Feature<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    id: u32,
    geometry: Option<Point>,
    properties: &'a EventRow,
}

#[derive(Serialize)]
struct Point {
    #[serde(rename = "type")]
    kind: &'static str,
    coordinates: [f64; 2],
}

/// Write `rows` as one FeatureCollection.
pub(super) fn events_geojson(rows: &[EventRow], out: &mut dyn Write) -> Result<(), serde_json::Error> {
    let features = rows
        .iter()
        .map(|r| Feature {
            kind: "Feature",
            id: r.id,
            geometry: match (r.lon, r.lat) {
                (Some(lon), Some(lat)) if lon.is_finite() && lat.is_finite() => {
                    Some(Point { kind: "Point", coordinates: [lon, lat] })
                }
                _ => None,
            },
            properties: r,
        })
        .collect();
    serde_json::to_writer(&mut *out, &Collection { kind: "FeatureCollection", features })
}
