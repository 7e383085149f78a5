//! The in-memory event store: built once, indexed, queried. No terminal types here.
