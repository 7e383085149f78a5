//! sitrep: a terminal situation browser for war reporting.
//!
//! Data flows one way: `corpus` reads and cleans articles, `extract` turns them into
//! entities and events (pure functions, every result keeps its byte span), `store`
//! indexes them for queries, and `cli` / `tui` present the store.

pub mod cli;
pub mod corpus;
pub mod extract;
pub mod store;
pub mod tui;
