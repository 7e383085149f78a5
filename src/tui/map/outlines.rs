//! Country outlines for the map (filled in from `assets/map/` by `scripts/map/build.py`).
