//! Candidate paragraphs: the content lines grouped into paragraphs (one line, or the lines
//! of a hard-wrapped paragraph), with list and heading markers stripped, and what each turned
//! out to be (text, caption or dropped).

use super::boilerplate::{self, Class, Judged};
use super::broken;
use super::captions;
use super::text::{Line, ends_sentence, trim_range, trimmed, word_count};

/// What a candidate paragraph turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Text,
    Caption,
    /// Not part of the article text (title, repeated headline, debris, header).
    Drop,
}

/// A candidate paragraph: one line, or several joined lines of a hard-wrapped paragraph.
#[derive(Debug, Clone)]
pub(crate) struct Cand {
    /// Text range in the file, trimmed, list and heading markers stripped.
    pub start: usize,
    pub end: usize,
    pub blank_before: bool,
    /// Opened with a list marker.
    pub bullet: bool,
    /// Lines of one sentence that a scraper broke at its links, joined (see [`broken`]).
    pub broken: bool,
    /// A photo caption by its form (credit, `Photo:` prefix ...).
    pub caption_form: bool,
    pub words: usize,
    pub role: Role,
    pub class: Class,
    /// A sentence of the paragraph before it, once that paragraph's debris sentences were cut
    /// out ([`cut_debris_sentences`]): kept, it continues that paragraph in the body.
    pub joined: bool,
}

impl Cand {
    pub(crate) fn text<'a>(&self, src: &'a str) -> &'a str {
        &src[self.start..self.end]
    }

    /// The `k`th piece (a sentence, `start..end`) of this paragraph as a candidate of its own,
    /// which continues the paragraph in the body ([`Cand::joined`]).
    fn part(&self, k: usize, start: usize, end: usize) -> Cand {
        Cand { start, end, blank_before: self.blank_before && k == 0, joined: k > 0, ..self.clone() }
    }
}

/// Strip list/heading markers and emphasis from the edges of a range.
fn strip_markers(src: &str, start: usize, end: usize) -> (usize, usize, bool) {
    let (mut s, mut e) = trim_range(src, start, end);
    let t = &src[s..e];
    let bullet = boilerplate::bullet_len(t);
    let marker = if bullet > 0 { bullet } else { boilerplate::heading_len(t) };
    s += marker;
    let t = &src[s..e];
    let lead = t.len() - t.trim_start_matches(['*', '_', '>', ',', ';']).len();
    s += lead;
    let t = &src[s..e];
    let kept = t.trim_end_matches(['*', '_']).len();
    e = s + kept;
    let (s, e) = trim_range(src, s, e);
    (s, e, bullet > 0)
}

/// Group content lines into candidate paragraphs. `scraped` is given for a scraped page, whose
/// lines are text nodes: they join only where a sentence was broken at a link.
pub(crate) fn candidates(
    src: &str,
    lines: &[Line],
    from: usize,
    to: usize,
    removed: &[bool],
    scraped: Option<&broken::Page<'_>>,
) -> Vec<Cand> {
    let mut out = Vec::new();
    let blank = |i: usize| removed[i] || trimmed(lines[i].text(src)).is_empty();
    let mut i = from;
    let mut blank_before = true;
    // End of the current block of non-blank lines (found once per block: linear).
    let mut block_end = from;
    while i < to {
        if blank(i) {
            blank_before = true;
            i += 1;
            continue;
        }
        let mut last = i;
        if let Some(page) = scraped {
            let mut prev = trimmed(lines[i].text(src));
            // Whether `prev` stands apart, once known (a line that joined as a sentence's
            // continuation does not).
            let mut prev_apart: Option<bool> = None;
            while last + 1 < to && !blank(last + 1) {
                let next = trimmed(lines[last + 1].text(src));
                match broken::join(prev, next, page) {
                    broken::Join::No => break,
                    broken::Join::Speaker => prev_apart = None,
                    broken::Join::Sentence => {
                        let apart = *prev_apart.get_or_insert_with(|| broken::stands_apart(prev, page));
                        if apart || broken::stands_apart(next, page) {
                            break;
                        }
                        prev_apart = Some(false);
                    }
                }
                prev = next;
                last += 1;
            }
        } else {
            if block_end <= i {
                block_end = (i..to).find(|&j| blank(j)).unwrap_or(to);
            }
            if blank_before && is_wrapped_block(src, &lines[i..block_end]) {
                last = block_end - 1;
            } else {
                while last + 1 < block_end && joins(src, &lines[last], &lines[last + 1]) {
                    last += 1;
                }
            }
        }
        let (s, e, bullet) = strip_markers(src, lines[i].start, lines[last].end);
        if e > s {
            out.push(Cand {
                start: s,
                end: e,
                blank_before,
                bullet,
                broken: last > i && scraped.is_some(),
                caption_form: false,
                words: 0,
                role: Role::Text,
                class: Class::Short,
                joined: false,
            });
        }
        blank_before = false;
        i = last + 1;
    }
    out
}

/// A hard-wrapped paragraph: three or more lines of similar moderate length.
fn is_wrapped_block(src: &str, block: &[Line]) -> bool {
    if block.len() < 3 {
        return false;
    }
    let body = &block[..block.len() - 1];
    let mut sentence_ends = 0;
    let mut continued = false;
    for (k, l) in block.iter().enumerate() {
        let t = trimmed(l.text(src));
        if t.len() > 110 || boilerplate::bullet_len(t) > 0 {
            return false;
        }
        if k > 0 {
            if t == trimmed(block[k - 1].text(src)) {
                return false;
            }
            continued |= t.chars().next().is_some_and(char::is_lowercase);
        }
    }
    // Some line continues a sentence: wrapped prose, not a list of short items or captions.
    if !continued || block.iter().any(|l| captions::is_caption(l.text(src))) {
        return false;
    }
    for l in body {
        let t = trimmed(l.text(src));
        let n = t.chars().count();
        if !(40..=100).contains(&n) {
            return false;
        }
        if ends_sentence(t) {
            sentence_ends += 1;
        }
    }
    sentence_ends * 2 < body.len()
}

/// Whether line `b` continues the paragraph of line `a` (a broken line).
fn joins(src: &str, a: &Line, b: &Line) -> bool {
    let ta = trimmed(a.text(src));
    let tb = trimmed(b.text(src));
    if ends_sentence(ta) || word_count(ta, 8) < 4 {
        return false;
    }
    if boilerplate::bullet_len(ta) > 0 || boilerplate::bullet_len(tb) > 0 {
        return false;
    }
    tb.chars().next().is_some_and(char::is_lowercase) && !captions::is_caption(ta) && !captions::is_caption(tb)
}

/// A long paragraph that holds a debris phrase ("READ MORE: ...", "Sign up for her
/// newsletter", "Share this with") is cut at its sentences: the debris sentences are dropped,
/// and the rest is kept as one paragraph when it is prose on its own. Without this, a body
/// that is one long paragraph (as many scraped feeds give it) was lost whole to one phrase.
/// Classified candidates in; a long debris candidate comes back as its sentences, the first
/// in its place and the others `joined`.
pub(crate) fn cut_debris_sentences(src: &str, cands: Vec<Cand>, ctx: &boilerplate::Context<'_>) -> Vec<Cand> {
    if !cands.iter().any(may_cut) {
        return cands;
    }
    let mut out = Vec::with_capacity(cands.len() + 8);
    for c in cands {
        if !may_cut(&c) {
            out.push(c);
            continue;
        }
        match debris_cut(src, &c, ctx) {
            Some(parts) => out.extend(parts),
            None => out.push(c),
        }
    }
    out
}

/// The words of a question that leads into debris, at most.
const LEAD_IN_WORDS: usize = 8;

/// A paragraph longer than this is read as its sentences (joined again in the body), so that
/// an article can be cut between them ([`MAX_ARTICLE`]).
const MAX_PARAGRAPH: usize = 64 * 1024;

/// An article's text, at most, in bytes: a longer one (a 50 MB page of one line) is loaded as
/// parts of about this size. Everything that reads a whole article (names, their parents,
/// surnames) then stays linear, and no article is larger than a reader can page through.
pub(crate) const MAX_ARTICLE: usize = 1024 * 1024;

/// Paragraphs longer than [`MAX_PARAGRAPH`] as their sentences (or, in text without sentence
/// ends, as pieces cut at spaces), each keeping the paragraph's class and role.
pub(crate) fn split_long(src: &str, cands: Vec<Cand>) -> Vec<Cand> {
    if !cands.iter().any(|c| c.end - c.start > MAX_PARAGRAPH) {
        return cands;
    }
    let mut out = Vec::with_capacity(cands.len());
    for c in cands {
        if c.end - c.start <= MAX_PARAGRAPH {
            out.push(c);
            continue;
        }
        let mut parts: Vec<(usize, usize)> = Vec::new();
        for (s, e) in super::text::sentence_ranges(src, c.start, c.end) {
            let (mut s, e) = (s, e);
            // A "sentence" this long has no ends: cut it at a space.
            while e - s > MAX_PARAGRAPH {
                let mut cut = s + MAX_PARAGRAPH / 2;
                while !src.is_char_boundary(cut) {
                    cut += 1;
                }
                let cut = src[cut..e].find(char::is_whitespace).map_or(e, |k| cut + k);
                parts.push(super::text::trim_range(src, s, cut));
                s = cut;
            }
            parts.push(super::text::trim_range(src, s, e));
        }
        for (k, (s, e)) in parts.into_iter().filter(|(s, e)| e > s).enumerate() {
            out.push(c.part(k, s, e));
        }
    }
    out
}

/// A paragraph rejected as debris that is long enough to hold prose besides.
fn may_cut(c: &Cand) -> bool {
    c.class == Class::Bad && c.words >= boilerplate::CUT_MIN_WORDS && c.role == Role::Text
}

/// The sentences of `c` as candidates, or `None` when it is debris through and through.
fn debris_cut(src: &str, c: &Cand, ctx: &boilerplate::Context<'_>) -> Option<Vec<Cand>> {
    let sentences = super::text::sentence_ranges(src, c.start, c.end);
    if sentences.len() < 2 {
        return None;
    }
    let mut debris: Vec<bool> = sentences.iter().map(|&(s, e)| boilerplate::is_furniture(&src[s..e])).collect();
    // A short question right before debris is its lead-in ("Want more updates from Jane
    // Roe? Sign up for her newsletter", "Got a tip? Email us").
    for k in 1..sentences.len() {
        let (s, e) = sentences[k - 1];
        let t = &src[s..e];
        if debris[k] && t.ends_with('?') && word_count(t, LEAD_IN_WORDS + 1) <= LEAD_IN_WORDS {
            debris[k - 1] = true;
        }
    }
    let words = |keep: bool| {
        sentences
            .iter()
            .zip(&debris)
            .filter(|(_, d)| **d != keep)
            .map(|(&(s, e), _)| word_count(&src[s..e], usize::MAX))
            .sum::<usize>()
    };
    let (kept, cut) = (words(true), words(false));
    if cut == 0 || kept < boilerplate::CUT_MIN_WORDS || kept < cut {
        return None;
    }
    // The rest must be prose on its own.
    let rest: Vec<&str> = sentences.iter().zip(&debris).filter(|(_, d)| !**d).map(|(&(s, e), _)| &src[s..e]).collect();
    let (class, _) = boilerplate::classify(&rest.join(" "), c.broken, ctx);
    if class != Class::Good {
        return None;
    }
    let parts = sentences
        .iter()
        .zip(&debris)
        .enumerate()
        .map(|(k, (&(s, e), &d))| Cand {
            words: word_count(&src[s..e], usize::MAX),
            class: if d { Class::Bad } else { Class::Good },
            ..c.part(k, s, e)
        })
        .collect();
    Some(parts)
}

/// Decide which candidates in `cands` are body text (on top of roles already set).
pub(crate) fn keep_flags(cands: &[Cand], scraped: bool) -> Vec<bool> {
    let items: Vec<Option<Judged>> =
        cands.iter().map(|c| (c.role == Role::Text).then_some(Judged { class: c.class, words: c.words })).collect();
    let mut keep = boilerplate::smooth(&items, scraped);
    bullet_runs(cands, &mut keep);
    keep
}

/// Bullet lists are judged as a whole: a list of sentences stays, a list of headlines
/// (related stories, share buttons) goes.
fn bullet_runs(cands: &[Cand], keep: &mut [bool]) {
    let mut i = 0;
    while i < cands.len() {
        if !cands[i].bullet || cands[i].role != Role::Text {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < cands.len() && cands[j].bullet && cands[j].role == Role::Text && !cands[j].blank_before {
            j += 1;
        }
        if j - i >= 2 {
            let run = &cands[i..j];
            let prose = run.iter().filter(|c| matches!(c.class, Class::Good | Class::NearGood)).count();
            let sentences = prose * 2 >= run.len();
            for (k, c) in run.iter().enumerate() {
                keep[i + k] = sentences && c.words >= 4 && c.class != Class::Bad;
            }
        }
        i = j;
    }
}
