//! Properties: parsing never panics; an incremental search (typing char by char, through the
//! narrowing path) gives what a fresh query gives; wrapping keeps every word.

#[path = "support/demo.rs"]
mod demo;

use std::sync::{Arc, OnceLock};

use proptest::prelude::*;
use sitrep::store::{Query, SearchRequest, Searcher, Sort, Store};

fn store() -> Arc<Store> {
    static S: OnceLock<Arc<Store>> = OnceLock::new();
    Arc::clone(S.get_or_init(|| Arc::new(demo::synthetic(3000))))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn parsing_never_panics(s in "\\PC{0,40}") {
        let _ = Query::parse(&s);
    }

    #[test]
    fn parsing_query_like_text_never_panics(
        s in "(-?(kind|place|killed|since|date|entity|sort|x)[:=<>]{1,2}[a-z0-9,\"-]{0,8} ?|[a-zğü\" ]{0,6}){0,5}"
    ) {
        if let Err(e) = Query::parse(&s) {
            prop_assert!(e.span.start <= e.span.end && e.span.end <= s.len());
            prop_assert!(s.is_char_boundary(e.span.start) && s.is_char_boundary(e.span.end));
        }
    }

    #[test]
    fn typing_equals_a_fresh_query(
        text in "(kind:strike |place:donetsk |killed>0 )?[a-z]{1,6}( [a-z]{1,4})?",
        sort in 0usize..4,
    ) {
        let sort = [Sort::Relevance, Sort::Newest, Sort::Oldest, Sort::Casualties][sort];
        let s = store();
        let mut se = Searcher::new(Arc::clone(&s));
        let mut last = None;
        for (g, end) in text.char_indices().map(|(i, c)| i + c.len_utf8()).enumerate() {
            if let Ok(q) = Query::parse(&text[..end]) {
                let req = SearchRequest { generation: g as u64, query: q, sort, window: None, ..Default::default() };
                last = se.search(&req, &|| false);
            }
        }
        let mut q = Query::parse(&text).unwrap();
        q.sort = Some(sort);
        let direct: Vec<(u32, i32)> = s.query(&q).hits.iter().map(|h| (h.event, h.score)).collect();
        let typed: Vec<(u32, i32)> = last.unwrap().hits.iter().map(|h| (h.event, h.score)).collect();
        prop_assert_eq!(typed, direct);
    }

    #[test]
    fn a_word_that_matches_matches_with_every_prefix(
        key in "[a-eğ ,.-]{0,300}",
        word in "[a-e]{1,8}",
    ) {
        use sitrep::store::fuzzy::{Pattern, Scratch, fuzzy};
        let p = Pattern::new(&word);
        let mut positions = Vec::new();
        let scored = fuzzy(&key, &word, &mut positions);
        // the ranking path (no positions, scratch kept) scores the same
        prop_assert_eq!(p.score_only(&key), scored);
        // scratch space used for another key first
        let mut scratch = Scratch::default();
        prop_assert_eq!(p.score_in("abc abd", &mut scratch).is_some(), fuzzy("abc abd", &word, &mut Vec::new()).is_some());
        prop_assert_eq!(p.score_in(&key, &mut scratch), scored);
        if scored.is_some() {
            // the positions are chars of the key holding the word's chars, in order
            let chars: Vec<char> = key.chars().collect();
            let got: String = positions.iter().map(|&i| chars[i as usize]).collect();
            prop_assert_eq!(&got, &word);
            for end in 1..word.len() {
                prop_assert!(fuzzy(&key, &word[..end], &mut Vec::new()).is_some(), "{} / {}", key, &word[..end]);
            }
        }
    }

    #[test]
    fn wrapping_keeps_every_word(s in "[a-z 東京🚀\n]{0,80}", w in 1usize..30) {
        let lines = sitrep::tui::wrap::wrap(&s, w);
        let joined: String = lines.iter().map(|l| &s[l.start..l.end]).collect::<Vec<_>>().join(" ");
        let a: String = joined.split_whitespace().collect();
        let b: String = s.split_whitespace().collect();
        prop_assert_eq!(a, b);
        for l in &lines {
            let lw = sitrep::tui::wrap::width(&s[l.start..l.end]);
            prop_assert!(lw <= w.max(2), "{} > {}", lw, w);
        }
    }
}
