use chrono::NaiveDate;
use serde::Serialize;

/// A half-open byte range `[start, end)` in an original file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, PartialOrd, Ord)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
}

/// Where an article's publication date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    FrontMatter,
    Header,
    Metadata,
    Dateline,
    Byline,
    Inferred,
    #[default]
    Unknown,
}

/// A contiguous run of body text copied from the file: `len` bytes starting at `body`
/// in the cleaned body and at `file` in the original file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Piece {
    pub body: usize,
    pub file: usize,
    pub len: usize,
}

/// One paragraph of the cleaned body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Paragraph {
    /// Byte span of the whole paragraph in the original file.
    pub span: Span,
    /// Byte span of the paragraph's text in `Article::body`.
    pub body: Span,
    /// How the cleaned text maps onto the file (more than one piece when debris such as a
    /// footnote marker `[12]` was cut out of the middle).
    #[serde(skip)]
    pub pieces: Vec<Piece>,
}

/// A photo caption, kept apart from the body: no event and no date may come from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Caption {
    pub text: String,
    pub span: Span,
}

/// One article, cleaned, with provenance.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Article {
    /// Stable id: `file#index`.
    pub id: String,
    /// The path of the file it came from, as given (seeds: `seeds/NAME`).
    pub file: String,
    /// Index of the article within its file (0 for most files).
    pub index: usize,
    pub title: String,
    pub published: Option<NaiveDate>,
    pub published_from: DateSource,
    pub source: Option<String>,
    pub url: Option<String>,
    /// The cleaned body: paragraphs joined by a blank line.
    pub body: String,
    pub paragraphs: Vec<Paragraph>,
    pub captions: Vec<Caption>,
}

impl Article {
    /// Map a byte range of `body` back to the original file.
    ///
    /// The start maps to the file byte of the body's start, the end to the byte after the
    /// last body byte, so a range that crosses a cut-out piece of debris covers it.
    pub fn file_span(&self, body_start: usize, body_end: usize) -> Span {
        let start = self.file_offset(body_start, false);
        let end = self.file_offset(body_end, true).max(start);
        Span { start, end }
    }

    fn file_offset(&self, body_off: usize, is_end: bool) -> usize {
        // Find the last piece starting at or before body_off (for an end offset, strictly before,
        // so an end at a piece boundary maps to the end of the previous piece).
        let mut best: Option<&Piece> = None;
        for p in self.paragraphs.iter().flat_map(|p| p.pieces.iter()) {
            let starts_before = if is_end { p.body < body_off } else { p.body <= body_off };
            if starts_before {
                best = Some(p);
            } else {
                break;
            }
        }
        match best {
            Some(p) => p.file + (body_off - p.body).min(p.len),
            None => self.paragraphs.first().map(|p| p.span.start).unwrap_or(0),
        }
    }
}
