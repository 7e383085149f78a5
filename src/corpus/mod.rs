//! Reading articles from disk or from the embedded seeds, and cleaning them.
//!
//! Every article remembers where each paragraph of its cleaned body came from in the
//! original file, so any span of the body can be mapped back to exact file bytes.

mod article;
pub use article::{Article, Caption, DateSource, Paragraph, Piece, Span};

use std::path::PathBuf;

/// A problem with one input: the file (or folder) and a one-line message.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

/// What loading produced: the articles, and one problem line per input that failed or was skipped.
#[derive(Debug, Default)]
pub struct LoadReport {
    pub articles: Vec<Article>,
    pub problems: Vec<Problem>,
}

/// Load the seed corpus embedded in the binary.
pub fn load_seeds() -> LoadReport {
    // Filled in by the loader (issue 2).
    LoadReport::default()
}

/// Load every supported file below the given paths.
pub fn load_paths(_paths: &[PathBuf]) -> LoadReport {
    LoadReport::default()
}
