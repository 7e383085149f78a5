//! The map pane's data and model: country outlines shipped in `assets/map/`, and the events
//! of the current filter placed and counted per cell of the screen.

pub(crate) mod outlines;
