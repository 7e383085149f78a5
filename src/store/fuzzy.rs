//! The fuzzy matcher, behind one function so it can be swapped (nucleo-matcher, frizbee)
//! after measurement without touching the rest of the store.
//!
//! Both the haystack (an event's search key) and the pattern are already folded
//! (lowercase, accents stripped), so matching is case-sensitive and cheap.

use std::sync::LazyLock;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

static MATCHER: LazyLock<SkimMatcherV2> = LazyLock::new(|| SkimMatcherV2::default().respect_case());

/// Score `pattern` against `hay`; `None` when it does not match, or only with letters
/// strewn far apart (wider than three times the pattern). Matched char positions of
/// `hay` are appended to `matched` (they may repeat across patterns; callers sort/dedup).
pub fn fuzzy(hay: &str, pattern: &str, matched: &mut Vec<u32>) -> Option<i32> {
    if !is_subsequence(hay, pattern) {
        return None;
    }
    let (score, idx) = MATCHER.fuzzy_indices(hay, pattern)?;
    // Letters strewn over a whole sentence are noise, not a match: keep compact ones.
    let n = pattern.chars().count();
    let width = match (idx.first(), idx.last()) {
        (Some(a), Some(b)) => b - a + 1,
        _ => 0,
    };
    if width > (n * 3).max(n + 4) {
        return None;
    }
    matched.extend(idx.into_iter().map(|i| i as u32));
    Some(score.clamp(i32::MIN as i64, i32::MAX as i64) as i32)
}

/// A fast pre-filter: are the pattern's chars in `hay` in order? Every fuzzy match is a
/// subsequence, and most events fail here long before the scoring matrix is built.
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
        let s = fuzzy(
            "druzhkivka strike market area in druzhkivka",
            "druzh",
            &mut m,
        )
        .unwrap();
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
            fuzzy(
                "drones reported near the ukrainian zone of kharkiv",
                "druzh",
                &mut Vec::new()
            )
            .is_none(),
            "strewn letters do not match"
        );
    }

    #[test]
    fn subsequence() {
        assert!(is_subsequence("erdogan", "edn"));
        assert!(!is_subsequence("erdogan", "ne"));
        assert!(is_subsequence("київ", "кв"));
        assert!(is_subsequence("", ""));
    }
}
