//! Shared by the provenance tests: what a body span and a file span cover of an article's
//! text.

use sitrep::corpus::{Article, Span};

/// The bytes of the body within `b`, and the file bytes within `f`, each restricted to the
/// article's pieces (text copied from the file): equal when `f` covers exactly what `b` does.
pub fn piece_text(file: &[u8], a: &Article, b: Span, f: Span) -> (Vec<u8>, Vec<u8>) {
    let (mut from_body, mut from_file) = (Vec::new(), Vec::new());
    for p in a.paragraphs.iter().flat_map(|p| &p.pieces) {
        let (s, e) = (b.start.max(p.body), b.end.min(p.body + p.len));
        if s < e {
            from_body.extend_from_slice(&a.body.as_bytes()[s..e]);
        }
        let (s, e) = (f.start.max(p.file), f.end.min(p.file + p.len));
        if s < e {
            from_file.extend_from_slice(&file[s..e]);
        }
    }
    (from_body, from_file)
}
