//! Property tests: `parse_file` never panics, and whatever it returns keeps its provenance
//! invariants (pieces copy exact file bytes, spans inside the file on UTF-8 boundaries,
//! paragraphs in order), for arbitrary bytes and for texts assembled from real line shapes.

use proptest::prelude::*;
use sitrep::corpus::parse_file;

/// Lines of every shape the loader treats specially.
const LINES: &[&str] = &[
    "",
    "   ",
    "---",
    "...",
    "title: \"A quoted: title | News.az\"",
    "source: https://news.az/news/x",
    "date: 2026-02-03",
    "Title: Drones Hit Kyiv",
    "Date: Feb. 23, 2026",
    "URL: https://example.org/2026/02/23/kyiv/",
    "Locales: UKRAINE, RUSSIAN FEDERATION",
    "Russia Hammers Ukraine with Drones and Missiles as Peace Efforts Drag On",
    "A local resident stands near damaged buildings in Bakhmut, Ukraine February 27, 2023. REUTERS/Alex Babenko",
    "US Vice President JD Vance speaks in Washington, February 4, 2026. (Reuters)",
    "FILED - 06 February 2009, Munich: Ali Larijani speaks. Photo: Andreas Gebert/dpa",
    "TT",
    "Kyiv, Ukraine - February 4th, 2026 - Russia launched a drone attack on Kyiv overnight.",
    "WASHINGTON, Feb 26 (Reuters) – The United States slowed the sale.",
    "Friday, 29 August 2025, 08:11",
    "By Name | February 27, 2026",
    "Russian drones struck a hospital on February 1, injuring six people.[1] Officials said so.[2][3]",
    "[12]",
    "[",
    "](",
    "[text](https://example.org/a_(b))",
    "![img](x.png)",
    "**Bold lead paragraph of the story, with enough words to be prose.**",
    "* Share        !Email share !url-copy https://news.az/x Copied",
    "* [](https://news.az/news/<https:/www.facebook.com/sharer.php?u=x> \"Share\")",
    "- Russian drones struck a maternity hospital, injuring at least six people.",
    "* British Army trains for possible conflict with Russia: Report",
    "War",
    "Ukraine",
    "Jan Feb Mar Apr May Jun Jul Aug Sep Okt Nov Dec 2017201820192020",
    "The strike involved aerial bombs and two people died in the attack...",
    "Loading Audio Player...",
    "Make us preferred on Google",
    "Read the Full BBC Article at:",
    "[ https://www.bbc.com/news/articles/c98pz6l311yo ]",
    "Compiled by Ana Dumbadze",
    "# www.example.com",
    "## Metadata",
    "- **URL**: https://www.example.com/2026/02/27/story/",
    "- **timestamp**: 2026-02-27T19:53:06.877470",
    "- **HTTP Status**: 200",
    "## Page Structure",
    "- # Story headline here",
    "## Content",
    "Story headline here | Example News",
    "## Links",
    "- [Home](https://www.example.com/)",
    "Related stories",
    "© 2026 Example. All rights reserved.",
    "Київ, Україна — 4 лютого 2026 — атака дронів.",
    "中文标题 新闻",
    "emoji 🇺🇦 drones 🚀 overnight",
    "\u{200B}\u{2060}\u{FEFF}\u{00AD}",
    "\t\u{00A0}indented with odd spaces\u{00A0}",
];

fn text_strategy() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        6 => prop::sample::select(LINES).prop_map(str::to_string),
        1 => ".{0,60}",
        1 => "[\\[\\]()*_#:|/ \\-0-9a-zA-Z.…]{0,40}",
    ];
    (prop::collection::vec(line, 0..40), prop::bool::ANY)
        .prop_map(|(lines, crlf)| lines.join(if crlf { "\r\n" } else { "\n" }))
}

fn check(bytes: &[u8]) -> Result<(), TestCaseError> {
    if let Ok(articles) = parse_file("prop.txt", bytes) {
        prop_assert!(!articles.is_empty());
        for (i, a) in articles.iter().enumerate() {
            prop_assert_eq!(a.index, i);
            prop_assert_eq!(&a.id, &format!("prop.txt#{i}"));
            prop_assert!(!a.paragraphs.is_empty());
            if let Err(e) = a.verify(bytes) {
                return Err(TestCaseError::fail(format!("{}: {e}", a.id)));
            }
            // Any body range maps back inside the file on char boundaries.
            let len = a.body.len();
            for (s, e) in [(0, len), (len / 3, len / 2), (len / 2, len), (len, len + 5)] {
                let sp = a.file_span(s, e);
                prop_assert!(sp.start <= sp.end && sp.end <= bytes.len());
                let text = std::str::from_utf8(bytes).unwrap();
                prop_assert!(text.is_char_boundary(sp.start) && text.is_char_boundary(sp.end));
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..3000)) {
        check(&bytes)?;
    }

    #[test]
    fn arbitrary_utf8_never_panics(text in ".{0,400}") {
        check(text.as_bytes())?;
    }

    #[test]
    fn texts_of_real_line_shapes_keep_their_invariants(text in text_strategy()) {
        check(text.as_bytes())?;
    }

    #[test]
    fn front_matter_shapes(body in text_strategy(), close in prop::bool::ANY) {
        let text = format!("---\ntitle: X\n{}{body}", if close { "---\n" } else { "" });
        check(text.as_bytes())?;
    }
}

/// The seed files and the scraped-page fixture, cut and spliced at random places.
fn real_texts() -> Vec<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut texts: Vec<String> = std::fs::read_dir(root.join("seeds"))
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    texts.push(std::fs::read_to_string(root.join("tests/fixtures/corpus/scraped_page.md")).unwrap());
    texts.sort();
    texts
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn real_files_cut_and_spliced(
        which in 0usize..6,
        cuts in prop::collection::vec((0.0f64..1.0, 0.0f64..1.0), 1..4),
    ) {
        let texts = real_texts();
        let text = &texts[which % texts.len()];
        let mut out = String::new();
        for (a, b) in cuts {
            let (a, b) = if a <= b { (a, b) } else { (b, a) };
            let mut s = (a * text.len() as f64) as usize;
            let mut e = (b * text.len() as f64) as usize;
            while !text.is_char_boundary(s) {
                s -= 1;
            }
            while !text.is_char_boundary(e) {
                e -= 1;
            }
            out.push_str(&text[s..e]);
        }
        check(out.as_bytes())?;
    }
}
