//! Country outlines for the map (filled in from `assets/map/` by `scripts/map/build.py`).

/// One polyline of a country's outline: (longitude, latitude) points.
#[derive(Debug)]
pub(crate) struct Outline {
    pub name: String,
    pub points: Vec<(f64, f64)>,
}

pub(crate) fn outlines() -> &'static [Outline] {
    &[]
}
