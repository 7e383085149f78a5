//! Country outlines for the map, from `assets/map/outlines.txt` (written by `scripts/map/build.py`
//! from Natural Earth's 1:10m countries, German point of view: Crimea is Ukraine's).
//!
//! The asset holds polylines already clipped to [`BOX`]: the pane draws lines, never fills, so
//! there is no point-in-country test here. Each data line is `NAME<TAB>x,y x,y ...` in integer
//! millidegrees, longitude first; lines starting with `#` are comments.

use std::sync::OnceLock;

/// The shipped asset.
const ASSET: &str = include_str!("../../../assets/map/outlines.txt");

/// The area the outlines cover: (west, south, east, north) in degrees.
// Not read by the pane yet (issue 13 draws it next); the tests use it.
#[cfg(test)]
pub(crate) const BOX: (f64, f64, f64, f64) = (19.0, 43.0, 42.0, 53.5);

/// One polyline of a country's outline (a piece of its border or coast inside [`BOX`]).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Outline {
    /// The country's English name, as Natural Earth's `NAME_EN` ("Ukraine", "Russia" ...).
    pub(crate) name: &'static str,
    /// (longitude, latitude) in degrees, in drawing order.
    pub(crate) points: Vec<(f64, f64)>,
}

/// Every outline of the asset, parsed once.
pub(crate) fn outlines() -> &'static [Outline] {
    static OUTLINES: OnceLock<Vec<Outline>> = OnceLock::new();
    OUTLINES.get_or_init(|| parse(ASSET))
}

/// The outlines of a text in the asset's format; a malformed line is skipped.
fn parse(text: &'static str) -> Vec<Outline> {
    text.lines().filter_map(parse_line).collect()
}

/// One data line, or `None` for a comment, a blank line or a malformed line (no tab, an empty
/// name, a point that is not two integers, fewer than two points).
fn parse_line(line: &'static str) -> Option<Outline> {
    let line = line.trim_end_matches('\r');
    if line.trim().is_empty() || line.starts_with('#') {
        return None;
    }
    let (name, coords) = line.split_once('\t')?;
    let name = name.trim();
    if name.is_empty() {
        return None;
    }
    let points = coords
        .split_ascii_whitespace()
        .map(|p| {
            let (x, y) = p.split_once(',')?;
            let (x, y) = (x.parse::<i32>().ok()?, y.parse::<i32>().ok()?);
            Some((f64::from(x) / 1000.0, f64::from(y) / 1000.0))
        })
        .collect::<Option<Vec<_>>>()?;
    (points.len() >= 2).then_some(Outline { name, points })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(name: &str) -> Vec<&'static Outline> {
        outlines().iter().filter(|o| o.name == name).collect()
    }

    #[test]
    fn ukraine_and_its_neighbours_have_outlines() {
        assert!(!of("Ukraine").is_empty());
        for n in ["Russia", "Belarus", "Poland", "Slovakia", "Hungary", "Romania", "Moldova"] {
            assert!(!of(n).is_empty(), "{n} has no outline");
        }
    }

    #[test]
    fn crimea_is_drawn_as_ukraine() {
        // Crimea's south coast (Sevastopol 44.60N, Cape Sarych 44.39N) lies south of 44.7N
        // between 33E and 35E; no other land there is that far south.
        let south_coast = |o: &&Outline| o.points.iter().any(|&(x, y)| (33.0..=35.0).contains(&x) && y < 44.7);
        assert!(of("Ukraine").iter().any(south_coast), "Crimea's south coast is not Ukraine's");
        assert!(!of("Russia").iter().any(south_coast));
        // Nor does Russia's outline run anywhere over the peninsula (west of the Kerch Strait).
        for o in of("Russia") {
            for &(x, y) in &o.points {
                assert!(!(x < 36.4 && y < 46.0), "Russian point {x},{y} in Crimea");
            }
        }
    }

    #[test]
    fn every_point_lies_inside_the_box() {
        let (w, s, e, n) = BOX;
        assert!(outlines().len() > 10);
        for o in outlines() {
            for &(x, y) in &o.points {
                assert!((w..=e).contains(&x) && (s..=n).contains(&y), "{}: {x},{y}", o.name);
            }
        }
    }

    #[test]
    fn the_asset_is_small() {
        assert!(ASSET.len() < 200 * 1024, "{} bytes", ASSET.len());
    }

    #[test]
    fn malformed_lines_are_skipped() {
        let text = "# comment\n\
                    \n\
                    Ukraine\t1000,2000 3000,4000\n\
                    no tab here 1,2 3,4\n\
                    \t1,2 3,4\n\
                    Poland\t1,2 x,4\n\
                    Poland\t1,2 3\n\
                    Poland\t1,2\n\
                    Poland\t1,2 3,4,5\n\
                    Moldova\t-1500,2000 3000,4000\r\n";
        let got = parse(text);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0], Outline { name: "Ukraine", points: vec![(1.0, 2.0), (3.0, 4.0)] });
        assert_eq!(got[1].name, "Moldova");
        assert_eq!(got[1].points[0], (-1.5, 2.0));
    }
}
