//! The interactive terminal browser.
