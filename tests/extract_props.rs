//! Extraction never panics, and every span it returns lies inside the article on a
//! character boundary, whatever the text.

use proptest::prelude::*;
use sitrep::extract::{self, fixture::article_from_text};

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Russian drones struck Kharkiv on February 3, killing two people.".to_string()),
        Just("Ukrainian officials said 574 drones and 40 missiles hit Lviv overnight.".to_string()),
        Just("President Volodymyr Zelensky met Mette Frederiksen in Kyiv.".to_string()),
        Just("the night of January 31 to February 1 ".to_string()),
        Just("near Ternivka, Dnipropetrovsk Oblast, ".to_string()),
        Just("Polish and Lithuanian airspace".to_string()),
        Just("’s “Flash” — é 日本 🇺🇦 ".to_string()),
        Just("[12] ".to_string()),
        Just("\n".to_string()),
        "\\PC{0,40}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_and_spans_are_valid(parts in prop::collection::vec(piece(), 0..24)) {
        let text: String = parts.concat();
        let a = article_from_text("prop.txt", &text, None);
        let ex = extract::run(std::slice::from_ref(&a));
        // The file is `text` itself, so a file span maps back to the same bytes as its body span.
        for e in &ex.events {
            let b = e.body();
            prop_assert!(b.start <= b.end && b.end <= a.body.len());
            prop_assert!(a.body.is_char_boundary(b.start) && a.body.is_char_boundary(b.end));
            let f = e.file_span(&a);
            prop_assert_eq!(&text[f.start..f.end], e.text(&a));
        }
        for ent in &ex.entities {
            prop_assert!(!ent.mentions.is_empty());
            for m in &ent.mentions {
                let b = m.body();
                prop_assert!(b.end <= a.body.len());
                prop_assert!(a.body.is_char_boundary(b.start) && a.body.is_char_boundary(b.end));
                let f = m.file_span(&a);
                prop_assert_eq!(&text[f.start..f.end], &a.body[b.start..b.end]);
            }
        }
    }
}
