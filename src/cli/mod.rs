//! Non-interactive subcommands: articles, events, entities as JSON, CSV or a table.
