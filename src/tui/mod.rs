//! The interactive terminal browser: a timeline, a filterable event list and an article
//! reader over a [`crate::store::Store`].
//!
//! The shape (see STYLE.md): [`action::Action`]s are data, read from the keymap; one writer,
//! [`update::update`], changes the [`model::Model`]; [`ui::render`] draws it read-only;
//! [`run`] owns the terminal and the threads and draws only after something happened.
//!
//! ```no_run
//! use sitrep::tui::{self, Options};
//! use sitrep::store::{Progress, Store};
//! let load: tui::Loader = Box::new(|progress: &dyn Fn(Progress)| {
//!     progress(Progress::new("reading", 0, 0));
//!     let report = sitrep::corpus::load_seeds();
//!     progress(Progress::new("extracting", 0, report.articles.len()));
//!     let ex = sitrep::extract::run(&report.articles);
//!     Ok(Store::build_with_progress(report.articles, ex, progress))
//! });
//! tui::run(load, Options::default()).unwrap();
//! ```

pub mod action;
mod app;
pub mod config;
pub mod keymap;
pub mod layout;
pub mod model;
pub mod testing;
pub mod theme;
pub mod timeline;
pub mod ui;
pub mod update;
pub mod wrap;

pub use app::{Loader, Options, TuiError, run};
