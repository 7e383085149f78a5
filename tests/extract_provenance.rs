//! Events and mentions keep only body spans; their spans in the original file are worked out
//! from the article's pieces (`Event::file_span`, `Mention::file_span`). Checked against the
//! file bytes on generated articles in every format the generator writes (footnote markers cut
//! out of paragraphs, photo captions, round-ups of several articles) and on the seeds: a file
//! span covers exactly the body text it stands for, plus any debris cut out of its middle.

#[path = "support/pieces.rs"]
mod pieces;

#[path = "../benches/support/mod.rs"]
mod support;

use pieces::piece_text;
use sitrep::corpus::{Article, Span, parse_file};
use sitrep::extract;

/// `b` and `f` cover the same text of the article (see [`piece_text`]), and `f` starts and
/// ends on text.
fn check(file: &[u8], a: &Article, b: Span, f: Span, what: &str) {
    let (from_body, from_file) = piece_text(file, a, b, f);
    assert!(!from_body.is_empty(), "{what}: empty span {b:?} in {}", a.id);
    assert_eq!(
        String::from_utf8_lossy(&from_file),
        String::from_utf8_lossy(&from_body),
        "{what} at body {b:?}, file {f:?} in {}",
        a.id
    );
    // the span starts and ends on text, not on debris
    assert!(a.paragraphs.iter().flat_map(|p| &p.pieces).any(|p| p.file <= f.start && f.start < p.file + p.len));
    assert!(a.paragraphs.iter().flat_map(|p| &p.pieces).any(|p| p.file < f.end && f.end <= p.file + p.len));
}

/// Events, events after debris cut out of their paragraph, body mentions, caption mentions.
fn check_file(name: &str, file: &[u8]) -> [usize; 4] {
    let Ok(articles) = parse_file(name, file) else {
        return [0; 4];
    };
    for a in &articles {
        a.verify(file).unwrap_or_else(|e| panic!("{}: {e}", a.id));
    }
    let ex = extract::run(&articles);
    let mut cut = 0;
    for e in &ex.events {
        let a = &articles[e.article as usize];
        let (b, f) = (e.body(), e.file_span(a));
        check(file, a, b, f, "event");
        let after_cut =
            a.paragraphs.iter().any(|p| p.pieces.iter().skip(1).any(|q| q.body <= b.start && p.body.end > b.start));
        cut += usize::from(after_cut);
    }
    let (mut body, mut caption) = (0, 0);
    for ent in &ex.entities {
        for m in &ent.mentions {
            let a = &articles[m.article as usize];
            let (b, f) = (m.body(), m.file_span(a));
            match m.caption() {
                None => {
                    check(file, a, b, f, &ent.name);
                    body += 1;
                }
                Some(ci) => {
                    let c = &a.captions[ci as usize];
                    if c.span.len() == c.text.len() {
                        assert_eq!(&file[f.start..f.end], &c.text.as_bytes()[b.start..b.end], "{}", ent.name);
                    } else {
                        assert_eq!(f, c.span);
                    }
                    caption += 1;
                }
            }
        }
    }
    [ex.events.len(), cut, body, caption]
}

#[test]
fn file_spans_cover_their_text_in_generated_articles() {
    let mut n = [0; 4];
    for (name, bytes) in support::generated(300) {
        for (total, k) in n.iter_mut().zip(check_file(&name, &bytes)) {
            *total += k;
        }
    }
    let [events, cut, body, caption] = n;
    assert!(events > 1000 && cut > 10 && body > 3000 && caption > 50, "{n:?}");
}

#[test]
fn file_spans_cover_their_text_in_the_seeds() {
    let dir = support::crate_dir().join("seeds");
    let mut events = 0;
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let bytes = std::fs::read(e.path()).unwrap();
        events += check_file(&e.path().display().to_string(), &bytes)[0];
    }
    assert!(events > 20);
}
