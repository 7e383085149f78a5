//! The interactive terminal browser: a timeline, a filterable event list and an article
//! reader over a [`crate::store::Store`].
//!
//! The shape (see STYLE.md): [`action::Action`]s are data, read from the keymap; one writer,
//! [`update::update`], changes the [`model::Model`]; [`ui::render`] draws it read-only;
//! [`run`] owns the terminal and the threads and draws only after something happened.
//!
//! ```no_run
//! use sitrep::tui::{self, Options};
//! // the seeds (or files and folders), loaded on a background thread behind the first frame
//! tui::run(tui::corpus_loader(Vec::new(), Default::default(), None), Options::default()).unwrap();
//! ```
//!
//! Any other loader works too: a closure that reports [`crate::store::Progress`] and returns
//! a [`crate::store::Store`] or a message.

pub mod action;
mod app;
mod cite;
mod command;
pub mod config;
pub mod keymap;
pub mod layout;
pub mod map;
pub mod model;
mod outward;
mod panes;
mod persist;
mod signals;
pub mod theme;
pub mod timeline;
pub mod ui;
pub mod update;
mod watch;
pub mod wrap;

pub use app::{Loaded, Loader, Options, TuiError, corpus_loader, run, wait_for_snapshot};
