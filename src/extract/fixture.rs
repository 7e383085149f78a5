//! Building an `Article` straight from plain text, one paragraph per non-empty line.
//! Used by tests, benchmarks and the corpus generator; the real loader is `corpus`.

use chrono::NaiveDate;

use crate::corpus::{Article, DateSource, Paragraph, Piece, Span};

/// An article whose body is `text` itself: every non-empty line is a paragraph, and
/// file offsets equal body offsets.
pub fn article_from_text(file: &str, text: &str, published: Option<NaiveDate>) -> Article {
    let mut paragraphs = Vec::new();
    let mut off = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let lead = content.len() - content.trim_start().len();
        let trimmed = content.trim();
        if !trimmed.is_empty() {
            let s = off + lead;
            let e = s + trimmed.len();
            paragraphs.push(Paragraph {
                span: Span::new(s, e),
                body: Span::new(s, e),
                pieces: vec![Piece { body: s, file: s, len: trimmed.len() }],
            });
        }
        off += line.len();
    }
    Article {
        id: format!("{file}#0"),
        file: file.to_string(),
        index: 0,
        title: text.lines().next().unwrap_or("").chars().take(80).collect(),
        published,
        published_from: if published.is_some() { DateSource::Header } else { DateSource::Unknown },
        source: None,
        url: None,
        body: text.to_string(),
        paragraphs,
        captions: Vec::new(),
        extra: None,
    }
}
