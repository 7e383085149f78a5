//! Date expressions: find them in text and resolve them against an anchor date.

use chrono::NaiveDate;

use super::types::DateValue;

/// A date expression found in text: its byte range in the text and its resolved value.
#[derive(Debug, Clone, PartialEq)]
pub struct DateExpr {
    pub start: usize,
    pub end: usize,
    pub value: DateValue,
}

/// Find every date expression in `text`, resolved against `anchor` (the publication date,
/// or the best stand-in for it). Without an anchor, expressions that need one (weekdays,
/// "yesterday", a day and month with no year) get `Precision::Unknown` or a best-effort year
/// only where the text gives one.
pub fn find_dates(_text: &str, _anchor: Option<NaiveDate>) -> Vec<DateExpr> {
    Vec::new()
}
