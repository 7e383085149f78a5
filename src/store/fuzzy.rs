//! The fuzzy matcher, behind one function so it can be swapped (nucleo-matcher, frizbee)
//! after measurement without touching the rest of the store.
//!
//! Both the haystack (an event's search key) and the pattern are already folded
//! (lowercase, accents stripped), so matching is case-sensitive and cheap.

use std::sync::LazyLock;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

static MATCHER: LazyLock<SkimMatcherV2> = LazyLock::new(|| SkimMatcherV2::default().respect_case());

/// How wide (in bytes) the stretch of text holding a match may be. One width for every
/// pattern (longer ones must then occur as they are): so a pattern that matches, every
/// prefix of it matches too, and a search may narrow the last result while typing.
pub const WINDOW: usize = 24;

/// Score `pattern` against `hay`; `None` when it does not match, or only with letters
/// strewn far apart (over more than [`WINDOW`] bytes). Matched char
/// positions of `hay` are appended to `matched` (they may repeat across patterns; callers
/// sort and dedup).
pub fn fuzzy(hay: &str, pattern: &str, matched: &mut Vec<u32>) -> Option<i32> {
    Pattern::new(pattern).score(hay, matched)
}

/// One free word, ready to match many haystacks (one per thread: it caches scores).
///
/// The scoring is skim's (fuzzy-matcher). A cheap scan finds the narrowest place the pattern
/// occurs and rejects most events before any matrix is built; where the pattern occurs as
/// is, the score depends only on the char before it, so it is computed once per such char;
/// otherwise skim runs on a short slice around the place.
#[derive(Debug, Clone)]
pub struct Pattern {
    text: String,
    limit: usize,
    contiguous: Vec<(Option<char>, i32)>,
}

impl Pattern {
    pub fn new(pattern: &str) -> Pattern {
        Pattern { text: pattern.to_string(), limit: WINDOW.max(pattern.len()), contiguous: Vec::new() }
    }

    /// Score `hay`, appending matched char positions to `matched`.
    pub fn score(&mut self, hay: &str, matched: &mut Vec<u32>) -> Option<i32> {
        self.run(hay, Some(matched))
    }

    /// Score `hay` without working out the positions (cheaper; for ranking many events).
    pub fn score_only(&mut self, hay: &str) -> Option<i32> {
        self.run(hay, None)
    }

    fn run(&mut self, hay: &str, matched: Option<&mut Vec<u32>>) -> Option<i32> {
        let pattern = self.text.as_str();
        if pattern.is_empty() {
            return Some(0);
        }
        let (ws, we) = compact_window(hay, pattern, self.limit)?;
        let char_at = |b: usize| {
            if hay.is_ascii() { b } else { hay[..b].chars().count() }
        };
        if we - ws == pattern.len() {
            let prev = hay[..ws].chars().next_back();
            let score = match self.contiguous.iter().find(|(c, _)| *c == prev) {
                Some((_, sc)) => *sc,
                None => {
                    let mut probe = String::new();
                    probe.extend(prev);
                    probe.push_str(pattern);
                    let sc = clamp(MATCHER.fuzzy_indices(&probe, pattern)?.0);
                    self.contiguous.push((prev, sc));
                    sc
                }
            };
            if let Some(matched) = matched {
                let c0 = char_at(ws) as u32;
                matched.extend(c0..c0 + pattern.chars().count() as u32);
            }
            return Some(score);
        }
        // a little context on each side, for the word-boundary bonuses
        let s = back_chars(hay, ws, 2);
        let e = fwd_chars(hay, we, 2);
        // Always skim's full-matrix mode: its compressed mode (`fuzzy_match`) can give a
        // different score for the same text depending on what it matched before.
        let (score, idx) = MATCHER.fuzzy_indices(&hay[s..e], pattern)?;
        if let Some(matched) = matched {
            let base = char_at(s) as u32;
            matched.extend(idx.into_iter().map(|i| i as u32 + base));
        }
        Some(clamp(score))
    }
}

fn clamp(score: i64) -> i32 {
    score.clamp(i32::MIN as i64, i32::MAX as i64) as i32
}

/// The narrowest byte window `[start, end)` of `hay` where the pattern's chars occur in order
/// (greedy from each occurrence of the first char), if one is at most `limit` bytes wide.
pub fn compact_window(hay: &str, pattern: &str, limit: usize) -> Option<(usize, usize)> {
    let mut chars = pattern.chars();
    let first = chars.next()?;
    let rest = chars.as_str();
    if !is_subsequence(hay, pattern) {
        return None;
    }
    let mut best: Option<(usize, usize)> = None;
    for (i, _) in hay.match_indices(first) {
        // look only as far as the window may reach
        let mut end = (i + limit + 1).min(hay.len());
        while !hay.is_char_boundary(end) {
            end -= 1;
        }
        let mut j = i + first.len_utf8();
        let mut ok = true;
        for c in rest.chars() {
            match hay[j..end].find(c) {
                Some(k) => j += k + c.len_utf8(),
                None => {
                    ok = false;
                    break;
                }
            }
        }
        let w = j - i;
        if ok && w <= limit && best.is_none_or(|(s, e)| w < e - s) {
            best = Some((i, j));
            if w == pattern.len() {
                break; // contiguous: nothing is narrower
            }
        }
    }
    best
}

fn back_chars(s: &str, mut at: usize, n: usize) -> usize {
    for _ in 0..n {
        match s[..at].chars().next_back() {
            Some(c) => at -= c.len_utf8(),
            None => break,
        }
    }
    at
}

fn fwd_chars(s: &str, mut at: usize, n: usize) -> usize {
    for _ in 0..n {
        match s[at..].chars().next() {
            Some(c) => at += c.len_utf8(),
            None => break,
        }
    }
    at
}

/// A fast pre-filter: are the pattern's chars in `hay` in order?
pub fn is_subsequence(hay: &str, pattern: &str) -> bool {
    let mut rest = hay;
    for c in pattern.chars() {
        match rest.find(c) {
            Some(i) => rest = &rest[i + c.len_utf8()..],
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_and_positions() {
        let mut m = Vec::new();
        let s = fuzzy("druzhkivka strike market area in druzhkivka", "druzh", &mut m).unwrap();
        assert!(s > 0);
        assert_eq!(m.len(), 5);
        assert!(fuzzy("kyiv strike", "druzh", &mut Vec::new()).is_none());
    }

    #[test]
    fn contiguous_beats_scattered() {
        let a = fuzzy("market area in druzhkivka", "druzh", &mut Vec::new()).unwrap();
        let b = fuzzy("drones hit durable zones hh", "druzh", &mut Vec::new()).unwrap_or(0);
        assert!(a > b, "{a} {b}");
        assert!(
            fuzzy("drones reported near the ukrainian zone of kharkiv", "druzh", &mut Vec::new()).is_none(),
            "strewn letters do not match"
        );
    }

    #[test]
    fn cached_contiguous_scores_equal_skims() {
        for (hay, pat) in [
            ("market area in druzhkivka, killing", "druzh"),
            ("druzhkivka", "druzh"),
            ("x-druzh", "druzh"),
            ("kyiv strike kyiv", "kyiv"),
            ("a d b", "d"),
        ] {
            let mut p = Pattern::new(pat);
            let mut m = Vec::new();
            let ours = p.score(hay, &mut m).unwrap();
            let again = p.score(hay, &mut Vec::new()).unwrap();
            let (skim, idx) = MATCHER.fuzzy_indices(hay, pat).unwrap();
            assert_eq!(ours as i64, skim, "{hay} / {pat}");
            assert_eq!(ours, again);
            assert_eq!(m, idx.iter().map(|&i| i as u32).collect::<Vec<_>>(), "{hay}");
        }
    }

    #[test]
    fn windows() {
        assert_eq!(compact_window("abc druzhkivka", "druzh", 15), Some((4, 9)));
        // the narrowest of several occurrences
        assert_eq!(compact_window("d r u z h ... druzh", "druzh", 15), Some((14, 19)));
        assert_eq!(compact_window("d r u z h", "druzh", 5), None);
        assert_eq!(compact_window("kyiv", "x", 3), None);
        assert_eq!(compact_window("київ", "ки", 4), Some((0, 4)));
    }

    #[test]
    fn positions_are_chars_of_the_whole_haystack() {
        let mut m = Vec::new();
        fuzzy("ерд erdogan ok", "erdogan", &mut m).unwrap();
        assert_eq!(m, vec![4, 5, 6, 7, 8, 9, 10]);
        let mut m = Vec::new();
        fuzzy("a long prefix before the match: kyiv", "kyiv", &mut m).unwrap();
        assert_eq!(m, vec![32, 33, 34, 35]);
    }

    #[test]
    fn subsequence() {
        assert!(is_subsequence("erdogan", "edn"));
        assert!(!is_subsequence("erdogan", "ne"));
        assert!(is_subsequence("київ", "кв"));
        assert!(is_subsequence("", ""));
    }
}
