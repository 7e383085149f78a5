//! Building the cleaned body from kept file ranges, with the pieces mapping back to the file.

use super::article::{Paragraph, Piece, Span};

/// Accumulates paragraphs: each is a list of exact file ranges, joined in the body by a blank
/// line between paragraphs.
pub(crate) struct Body<'a> {
    src: &'a str,
    text: String,
    paragraphs: Vec<Paragraph>,
}

impl<'a> Body<'a> {
    pub fn new(src: &'a str) -> Self {
        Body { src, text: String::new(), paragraphs: Vec::new() }
    }

    pub fn is_empty(&self) -> bool {
        self.paragraphs.is_empty()
    }

    /// Append one paragraph made of the given file ranges (non-empty, in order).
    pub fn push(&mut self, ranges: &[(usize, usize)]) {
        let (Some(&(first, _)), Some(&(_, last))) = (ranges.first(), ranges.last()) else {
            return;
        };
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
        let body_start = self.text.len();
        let mut pieces = Vec::with_capacity(ranges.len());
        for &(s, e) in ranges {
            if e <= s {
                continue;
            }
            pieces.push(Piece { body: self.text.len(), file: s, len: e - s });
            self.text.push_str(&self.src[s..e]);
        }
        self.paragraphs.push(Paragraph {
            span: Span::new(first, last),
            body: Span::new(body_start, self.text.len()),
            pieces,
        });
    }

    /// Append file ranges to the last paragraph, after the space that follows its last piece
    /// in the file (the body stays a copy of file bytes): the next kept sentence of a paragraph
    /// whose debris sentences were cut out. A paragraph of its own when there is no last
    /// paragraph or no such space.
    pub fn extend_last(&mut self, ranges: &[(usize, usize)]) {
        let Some(&(_, last)) = ranges.last() else { return };
        let space = self.paragraphs.last().and_then(|p| p.pieces.last()).and_then(|piece| {
            let at = piece.file + piece.len;
            let c = self.src[at..].chars().next().filter(|&c| c == ' ' || c == '\u{a0}')?;
            (at + c.len_utf8() <= ranges[0].0).then_some((at, at + c.len_utf8()))
        });
        let (Some(space), Some(p)) = (space, self.paragraphs.last_mut()) else {
            self.push(ranges);
            return;
        };
        for &(s, e) in std::iter::once(&space).chain(ranges) {
            if e > s {
                p.pieces.push(Piece { body: self.text.len(), file: s, len: e - s });
                self.text.push_str(&self.src[s..e]);
            }
        }
        p.span.end = last;
        p.body.end = self.text.len();
    }

    /// The body and its paragraphs, without spare capacity: they are kept for the whole
    /// session, and a body grown by doubling is a third larger than its text on average.
    pub fn finish(mut self) -> (String, Vec<Paragraph>) {
        self.text.shrink_to_fit();
        self.paragraphs.shrink_to_fit();
        (self.text, self.paragraphs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_map_to_file_bytes() {
        let src = "Alpha[1] beta.\n\nGamma.";
        let mut b = Body::new(src);
        b.push(&[(0, 5), (8, 14)]);
        b.push(&[(16, 22)]);
        let (text, paras) = b.finish();
        assert_eq!(text, "Alpha beta.\n\nGamma.");
        assert_eq!(paras[0].span, Span::new(0, 14));
        assert_eq!(paras[1].body, Span::new(13, 19));
        for p in paras.iter().flat_map(|p| &p.pieces) {
            assert_eq!(&text[p.body..p.body + p.len], &src[p.file..p.file + p.len]);
        }
    }

    #[test]
    fn extended_paragraphs_map_to_file_bytes() {
        let src = "One two. READ MORE: x. Three four.";
        let mut b = Body::new(src);
        b.push(&[(0, 8)]);
        b.extend_last(&[(23, 34)]);
        let (text, paras) = b.finish();
        assert_eq!(text, "One two. Three four.");
        assert_eq!(paras.len(), 1);
        assert_eq!(paras[0].span, Span::new(0, 34));
        assert_eq!(paras[0].body, Span::new(0, 20));
        for p in paras.iter().flat_map(|p| &p.pieces) {
            assert_eq!(&text[p.body..p.body + p.len], &src[p.file..p.file + p.len]);
        }
    }
}
