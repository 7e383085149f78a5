//! Why one input could not be loaded.

use thiserror::Error;

/// A per-file failure. Its `Display` is the one-line message of a [`super::Problem`].
#[derive(Debug, Error)]
pub enum LoadError {
    #[error("empty file")]
    Empty,
    #[error("binary file (NUL byte at offset {offset})")]
    Binary { offset: usize },
    #[error("not a text file ({percent}% control bytes)")]
    NotText { percent: usize },
    #[error("invalid UTF-8 at byte offset {offset}")]
    InvalidUtf8 { offset: usize },
    #[error("no article text found{detail}")]
    NoText { detail: String },
    #[error("file too large ({size} bytes, the limit is {limit})")]
    TooLarge { size: u64, limit: u64 },
    #[error("not a feed: {detail}")]
    NotFeed { detail: String },
    #[error("cannot read the gzip file: {detail}")]
    Gzip { detail: String },
    /// A FIFO, a device or a socket: never opened.
    #[error("{detail}")]
    NotRegular { detail: String },
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
}
