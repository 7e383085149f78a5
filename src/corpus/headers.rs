//! `Key: value` header lines at the top of a plain text article (`Title:`, `Date:`, `Source:`,
//! `URL:`, `Author:`, `Locales:` ...). They may follow a headline line, as in
//! `Headline\nLocales: UKRAINE\n\nBody...`.

use super::front_matter::{key_value, unquote};
use super::text::{Line, trimmed, word_count};

/// The meaning of a recognised header key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Key {
    Title,
    Date,
    Source,
    Url,
    /// Known but unused here (author, locales, tags ...): dropped from the body.
    Other,
}

pub(crate) fn key_kind(key: &str) -> Option<Key> {
    let k = key.trim().to_ascii_lowercase().replace(['_', '-'], " ");
    let kind = match k.as_str() {
        "title" | "headline" => Key::Title,
        "date" | "published" | "published at" | "publication date" | "pubdate" | "published on" | "date published" => {
            Key::Date
        }
        "source" | "publisher" | "publication" | "outlet" | "site" | "site name" => Key::Source,
        "url" | "link" | "source url" | "canonical" | "canonical url" | "permalink" => Key::Url,
        "author" | "authors" | "by" | "byline" | "locales" | "locale" | "language" | "lang" | "tags" | "keywords"
        | "category" | "categories" | "section" | "description" | "summary" | "word count" | "id" | "updated"
        | "modified" | "country" | "region" | "type" | "format" | "slug" => Key::Other,
        _ => return None,
    };
    Some(kind)
}

/// A header line found at the top of the content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Header {
    /// Index into the line list.
    pub line: usize,
    pub key: Key,
    pub value: String,
}

/// How many non-blank lines from the top may hold headers.
const ZONE: usize = 15;

/// Find header lines among the first lines of `lines`. Stops at the first long line (a body
/// paragraph) so `Note: ...` in the body is never taken for a header.
pub(crate) fn scan(src: &str, lines: &[Line]) -> Vec<Header> {
    let mut out = Vec::new();
    let mut seen = 0;
    for (i, line) in lines.iter().enumerate() {
        let t = trimmed(line.text(src));
        if t.is_empty() {
            continue;
        }
        seen += 1;
        if seen > ZONE {
            break;
        }
        if let Some((k, v)) = key_value(t)
            && let Some(key) = key_kind(k)
        {
            out.push(Header { line: i, key, value: unquote(v) });
            continue;
        }
        if word_count(t, 25) >= 25 {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::text::lines_in;

    #[test]
    fn finds_headers_after_a_headline() {
        let s = "Headline Here Today\nLocales: UKRAINE, RUSSIA\nDate: 2026-02-04\n\nBody text. Note: not a header.\n";
        let hs = scan(s, &lines_in(s, 0, s.len()));
        assert_eq!(hs.len(), 2);
        assert_eq!(hs[0].key, Key::Other);
        assert_eq!(hs[1].key, Key::Date);
        assert_eq!(hs[1].value, "2026-02-04");
    }

    #[test]
    fn stops_at_the_body() {
        let s = "This is a long body paragraph with many words in it so that it reads as prose and not as a header block at all.\nTitle: late\n";
        assert!(scan(s, &lines_in(s, 0, s.len())).is_empty());
    }
}
