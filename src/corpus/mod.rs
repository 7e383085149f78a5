//! Reading articles from disk or from the embedded seeds, and cleaning them.
//!
//! Every article remembers where each paragraph of its cleaned body came from in the
//! original file, so any span of the body can be mapped back to exact file bytes.
//!
//! The input comes in several forms, all handled by [`parse_file`]:
//! - plain text, with or without a headline line;
//! - YAML front matter (`---` / `title:` / `source:` / `date:` / `---`);
//! - `Key: value` header lines at the top (`Title:`, `Date:`, `Source:`, `URL:` ...);
//! - scraped web pages saved as markdown (`## Metadata`, `## Page Structure`, `## Content`);
//! - pages holding several articles one after another.
//!
//! Photo captions are kept apart in [`Article::captions`]; navigation, share buttons, related
//! stories, cookie and newsletter prompts and other page debris are left out of the body.

mod article;
mod assemble;
mod boilerplate;
mod broken;
mod candidate;
mod captions;
mod copies;
mod dates;
mod error;
mod feed;
mod front_matter;
mod headers;
mod html;
mod inline;
mod library;
mod load;
mod meta;
mod parse;
mod scraped;
mod split;
mod text;

pub use article::{Article, Caption, DateSource, Extra, Paragraph, Piece, Span, Span32};
pub use error::LoadError;
pub use library::{Changes, Library};
pub use load::{LoadOptions, SUPPORTED_EXTENSIONS, described, line_at, load_paths, load_paths_with, load_seeds};
pub use parse::parse_file;
// for the snapshot cache, which loads file by file as load_paths does
pub(crate) use copies::merge_parts as merge_copies;
pub(crate) use load::{Stamp, list_files, path_name, read};

/// A problem with one input: the file (or folder) and a one-line message.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

impl Problem {
    /// `path: message` on one line, safe to show on a terminal (a file name may hold
    /// control characters).
    pub(crate) fn shown(&self) -> String {
        crate::printable::one_line(&format!("{}: {}", self.path, self.message)).into_owned()
    }
}

/// What loading produced: the articles, and one problem line per input that failed or was skipped.
#[derive(Debug, Default)]
pub struct LoadReport {
    pub articles: Vec<Article>,
    pub problems: Vec<Problem>,
}
