use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` in an original file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, PartialOrd, Ord)]
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

/// A [`Span`] in half the room, for the spans kept by the hundred thousand (events, entity
/// mentions). Body and file offsets fit in 32 bits: the loader refuses files over 512 MiB.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span32 {
    start: u32,
    end: u32,
}

impl Span32 {
    /// Panics on an offset of 4 GiB or more, which no loaded file has.
    pub fn new(s: Span) -> Self {
        let off = |x: usize| u32::try_from(x).expect("byte offsets fit in 32 bits (files are at most 512 MiB)");
        Span32 { start: off(s.start), end: off(s.end) }
    }
    pub fn get(self) -> Span {
        Span { start: self.start as usize, end: self.end as usize }
    }
}

impl From<Span> for Span32 {
    fn from(s: Span) -> Self {
        Span32::new(s)
    }
}

impl From<Span32> for Span {
    fn from(s: Span32) -> Self {
        s.get()
    }
}

/// Where an article's publication date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    /// `date:` in YAML front matter.
    FrontMatter,
    /// A `Date:` header line.
    Header,
    /// The `timestamp` of a scraped page's metadata block.
    Metadata,
    /// A dateline opening the body (`Kyiv, Ukraine - February 4th, 2026 - ...`).
    Dateline,
    /// A byline or date line near the headline (`By Name | February 27, 2026`).
    Byline,
    /// Read from the article's URL path (`/2026/02/27/`) or its file name (`2026-02-04-x.txt`).
    Inferred,
    #[default]
    Unknown,
}

/// A contiguous run of body text copied from the file: `len` bytes starting at `body`
/// in the cleaned body and at `file` in the original file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Piece {
    pub body: usize,
    pub file: usize,
    pub len: usize,
}

/// One paragraph of the cleaned body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    /// Byte span of the whole paragraph in the original file.
    pub span: Span,
    /// Byte span of the paragraph's text in `Article::body`.
    pub body: Span,
    /// How the cleaned text maps onto the file (more than one piece when debris such as a
    /// footnote marker `[12]` was cut out of the middle).
    pub pieces: Vec<Piece>,
}

/// A photo caption, kept apart from the body: no event and no date may come from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Caption {
    pub text: String,
    pub span: Span,
}

/// One article, cleaned, with provenance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable id: `file#index`.
    pub id: String,
    /// The path of the file it came from, as given (seeds: `seeds/NAME`).
    pub file: String,
    /// Index of the article within its file (0 for most files).
    pub index: usize,
    pub title: String,
    #[serde(with = "crate::days::opt")]
    pub published: Option<NaiveDate>,
    pub published_from: DateSource,
    pub source: Option<String>,
    pub url: Option<String>,
    /// The cleaned body: paragraphs joined by a blank line.
    pub body: String,
    pub paragraphs: Vec<Paragraph>,
    pub captions: Vec<Caption>,
    /// What few articles have (kept apart, so that the others stay small).
    pub extra: Option<Box<Extra>>,
}

/// What some articles have besides.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Extra {
    pub byline: Option<String>,
    /// A saved web page's or a feed item's main text (paragraphs separated by a blank line),
    /// or a file decoded from another encoding: the text the article's spans (paragraphs,
    /// pieces, captions) index instead of the file's bytes. Shared by the parts of a text
    /// loaded as several articles (a 50 MB page is not copied into each part).
    pub text: Option<std::sync::Arc<str>>,
    /// Other files that hold the same article (the same canonical URL, or the same text):
    /// loaded once, listed here.
    pub copies: Vec<String>,
    /// The file's encoding when it was not UTF-8 (`UTF-16LE`, `windows-1252`); `text` is
    /// then the decoded file.
    pub encoding: Option<String>,
}

impl Article {
    /// Map a byte range of `body` back to the original file.
    ///
    /// The start maps to the file byte of the body's start, the end to the byte after the
    /// last body byte, so a range that crosses a cut-out piece of debris covers it. A start
    /// that falls between pieces (on a paragraph break) maps to the next piece; an end that
    /// falls between pieces maps to the end of the previous one. Offsets past the body clamp,
    /// offsets inside a character widen to the whole character.
    pub fn file_span(&self, body_start: usize, body_end: usize) -> Span {
        // Offsets inside a character widen to the whole character (body bytes are file bytes,
        // so body character boundaries are file character boundaries).
        let mut body_start = body_start.min(self.body.len());
        while !self.body.is_char_boundary(body_start) {
            body_start -= 1;
        }
        let mut body_end = body_end.min(self.body.len());
        while !self.body.is_char_boundary(body_end) {
            body_end += 1;
        }
        let start = self.file_offset(body_start, false);
        let end = self.file_offset(body_end, true).max(start);
        Span { start, end }
    }

    fn file_offset(&self, body_off: usize, is_end: bool) -> usize {
        let paras = &self.paragraphs;
        // The last piece starting at or before `body_off` (strictly before for an end, so an
        // end on a piece boundary maps to the end of the previous piece).
        let starts_before = |p: &Piece| {
            if is_end { p.body < body_off } else { p.body <= body_off }
        };
        let pi = paras.partition_point(|p| p.pieces.first().is_some_and(starts_before));
        let Some(para) = pi.checked_sub(1).map(|i| &paras[i]) else {
            // Before the first piece.
            return paras.iter().flat_map(|p| p.pieces.first()).next().map_or(0, |p| p.file);
        };
        let k = para.pieces.partition_point(starts_before);
        let piece = &para.pieces[k.max(1) - 1];
        let inside = body_off - piece.body;
        if inside < piece.len || is_end {
            return piece.file + inside.min(piece.len);
        }
        // A start at or after the end of `piece` (in the gap after it): the next piece, if any.
        para.pieces
            .get(k.max(1))
            .or_else(|| paras.get(pi).and_then(|p| p.pieces.first()))
            .map_or(piece.file + piece.len, |next| next.file)
    }

    /// The bytes the article's spans index: the file's, or a saved page's extracted text.
    pub fn span_source<'a>(&'a self, file: &'a [u8]) -> &'a [u8] {
        self.extracted_text().map_or(file, str::as_bytes)
    }

    /// A saved web page's or a feed item's main text, which the spans index.
    pub fn extracted_text(&self) -> Option<&str> {
        self.extra.as_ref().and_then(|e| e.text.as_deref())
    }

    /// Check the provenance invariants against the bytes of the file the article came from
    /// (or of a saved page's extracted text):
    /// every piece copies file bytes exactly, every span lies inside the file on UTF-8
    /// boundaries, paragraphs are in order and tile the body with `\n\n` between them.
    pub fn verify(&self, file: &[u8]) -> Result<(), String> {
        let file = self.span_source(file);
        let body = self.body.as_bytes();
        let on_boundary = |off: usize| off == file.len() || (off < file.len() && (file[off] & 0xC0) != 0x80);
        let check_span = |what: &str, s: Span| -> Result<(), String> {
            if s.start > s.end || s.end > file.len() {
                return Err(format!("{what} span {s:?} outside the file ({} bytes)", file.len()));
            }
            if !on_boundary(s.start) || !on_boundary(s.end) {
                return Err(format!("{what} span {s:?} not on UTF-8 boundaries"));
            }
            Ok(())
        };
        let mut expected_body_start = 0;
        let mut last_file_end = 0;
        for (i, p) in self.paragraphs.iter().enumerate() {
            check_span("paragraph", p.span)?;
            if p.body.start != expected_body_start {
                return Err(format!("paragraph {i} starts at body {} instead of {expected_body_start}", p.body.start));
            }
            if p.span.start < last_file_end {
                return Err(format!("paragraph {i} is out of order in the file"));
            }
            last_file_end = p.span.end;
            let mut at = p.body.start;
            for piece in &p.pieces {
                if piece.body != at || piece.len == 0 {
                    return Err(format!("paragraph {i}: pieces do not tile the body at {at}"));
                }
                let fs = Span::new(piece.file, piece.file + piece.len);
                check_span("piece", fs)?;
                if fs.start < p.span.start || fs.end > p.span.end {
                    return Err(format!("paragraph {i}: piece {fs:?} outside the paragraph span"));
                }
                let b = body.get(piece.body..piece.body + piece.len);
                if b != Some(&file[fs.start..fs.end]) {
                    return Err(format!("paragraph {i}: piece at body {} does not copy file {fs:?}", piece.body));
                }
                at += piece.len;
            }
            if at != p.body.end {
                return Err(format!("paragraph {i}: pieces end at {at}, paragraph at {}", p.body.end));
            }
            expected_body_start = p.body.end + 2;
            if p.body.end < body.len() && body.get(p.body.end..p.body.end + 2) != Some(b"\n\n") {
                return Err(format!("paragraph {i} is not followed by a blank line"));
            }
        }
        let body_len = self.paragraphs.last().map_or(0, |p| p.body.end);
        if body_len != body.len() {
            return Err(format!("body is {} bytes, paragraphs cover {body_len}", body.len()));
        }
        for c in &self.captions {
            check_span("caption", c.span)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(body: &str, paragraphs: Vec<Paragraph>) -> Article {
        Article {
            id: "t#0".into(),
            file: "t".into(),
            index: 0,
            title: String::new(),
            published: None,
            published_from: DateSource::Unknown,
            source: None,
            url: None,
            body: body.into(),
            paragraphs,
            captions: Vec::new(),
            extra: None,
        }
    }

    // File: "Alpha[1] beta.\n\nGamma." ; body: "Alpha beta.\n\nGamma."
    fn sample() -> (&'static str, Article) {
        let file = "Alpha[1] beta.\n\nGamma.";
        let a = article(
            "Alpha beta.\n\nGamma.",
            vec![
                Paragraph {
                    span: Span::new(0, 14),
                    body: Span::new(0, 11),
                    pieces: vec![Piece { body: 0, file: 0, len: 5 }, Piece { body: 5, file: 8, len: 6 }],
                },
                Paragraph {
                    span: Span::new(16, 22),
                    body: Span::new(13, 19),
                    pieces: vec![Piece { body: 13, file: 16, len: 6 }],
                },
            ],
        );
        (file, a)
    }

    #[test]
    fn file_span_maps_across_cut_debris() {
        let (file, a) = sample();
        assert!(a.verify(file.as_bytes()).is_ok());
        // "beta" inside the second piece.
        let s = a.file_span(6, 10);
        assert_eq!(&file[s.start..s.end], "beta");
        // "Alpha beta" crosses the cut-out marker and covers it.
        let s = a.file_span(0, 10);
        assert_eq!(&file[s.start..s.end], "Alpha[1] beta");
        // An end on a piece boundary stays before the debris.
        let s = a.file_span(0, 5);
        assert_eq!(&file[s.start..s.end], "Alpha");
        // "Gamma" in the second paragraph.
        let s = a.file_span(13, 18);
        assert_eq!(&file[s.start..s.end], "Gamma");
    }

    #[test]
    fn file_span_in_gaps_and_out_of_range() {
        let (file, a) = sample();
        // A start on the paragraph break maps to the next paragraph.
        let s = a.file_span(11, 18);
        assert_eq!(&file[s.start..s.end], "Gamma");
        // Past the end clamps to the end of the last piece.
        let s = a.file_span(15, 500);
        assert_eq!(&file[s.start..s.end], "mma.");
        let empty = article("", Vec::new());
        assert_eq!(empty.file_span(0, 3), Span::new(0, 0));
    }

    #[test]
    fn file_span_widens_to_whole_characters() {
        let file = "Київ";
        let a = article(
            file,
            vec![Paragraph {
                span: Span::new(0, 8),
                body: Span::new(0, 8),
                pieces: vec![Piece { body: 0, file: 0, len: 8 }],
            }],
        );
        assert_eq!(a.file_span(1, 3), Span::new(0, 4));
    }

    #[test]
    fn verify_rejects_a_wrong_piece() {
        let (file, mut a) = sample();
        a.paragraphs[0].pieces[1].file = 7;
        assert!(a.verify(file.as_bytes()).is_err());
    }
}
