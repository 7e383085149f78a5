//! Sentences a scraper broke at every link. Scraped pages hold one text node a line, so a
//! paragraph with links comes out as the text before the link, the link's words and the text
//! after it, each on its own line:
//!
//! ```text
//! Russian forces are also pushing toward
//! Lyman, Stavky, and Yampol
//! constant enemy attacks on infrastructure and logistics routes
//! In
//! Poland
//! , CARE works with Polish Humanitarian Action.
//! ```
//!
//! Judged alone, every piece is a fragment and goes. [`join`] and [`stands_apart`] tell when a
//! line carries on the sentence of the lines before it, so they are judged (and kept) as one
//! paragraph.

use std::collections::HashSet;

use super::boilerplate;
use super::captions;
use super::text::{ends_sentence, ends_with_ellipsis, stats, word_count};

/// What the rejoining knows about the page: its link texts and outline headings.
pub(crate) struct Page<'a> {
    pub links: &'a HashSet<String>,
    pub headings: &'a HashSet<String>,
}

/// A line continuing a sentence through a link is at most this many words (a link's text).
const LINK_WORDS: usize = 8;

/// Words that leave a sentence open: a line ending in one of them goes on in the next line
/// ("pushing toward" / "Lyman", "a research analyst at" / "KI Insights"). `w` is lower-case.
fn is_open_word(w: &[u8]) -> bool {
    matches!(
        w,
        b"a" | b"about"
            | b"according"
            | b"across"
            | b"after"
            | b"against"
            | b"along"
            | b"amid"
            | b"among"
            | b"an"
            | b"and"
            | b"are"
            | b"around"
            | b"as"
            | b"at"
            | b"be"
            | b"been"
            | b"before"
            | b"between"
            | b"but"
            | b"by"
            | b"called"
            | b"despite"
            | b"during"
            | b"for"
            | b"from"
            | b"had"
            | b"has"
            | b"have"
            | b"her"
            | b"his"
            | b"in"
            | b"including"
            | b"into"
            | b"is"
            | b"its"
            | b"like"
            | b"near"
            | b"nor"
            | b"of"
            | b"on"
            | b"onto"
            | b"or"
            | b"our"
            | b"over"
            | b"per"
            | b"since"
            | b"such"
            | b"than"
            | b"that"
            | b"the"
            | b"their"
            | b"these"
            | b"this"
            | b"those"
            | b"through"
            | b"to"
            | b"toward"
            | b"towards"
            | b"under"
            | b"until"
            | b"via"
            | b"was"
            | b"were"
            | b"which"
            | b"who"
            | b"whose"
            | b"with"
            | b"within"
            | b"without"
    )
}

/// The last word of `t` (after its last space, an ASCII one or a no-break space), looking at
/// no more than `max` bytes from the end: `None` when the word is longer.
fn last_word(t: &str, max: usize) -> Option<&[u8]> {
    let b = t.as_bytes();
    let tail = &b[b.len().saturating_sub(max + 1)..];
    let space = tail
        .iter()
        .enumerate()
        .rposition(|(i, &c)| c.is_ascii_whitespace() || (c == 0xA0 && i > 0 && tail[i - 1] == 0xC2));
    match space {
        Some(i) => Some(&tail[i + 1..]),
        None if b.len() <= max => Some(b),
        None => None,
    }
}

/// Whether `t` ends in a word or mark that leaves its sentence open.
fn ends_open(t: &str) -> bool {
    let Some(last) = t.chars().next_back() else {
        return false;
    };
    if matches!(last, ',' | '(' | '“' | '‘' | '—' | '–' | '-') {
        return true;
    }
    let mut lower = [0u8; 10];
    let Some(word) = last_word(t, lower.len()) else {
        return false;
    };
    lower[..word.len()].copy_from_slice(word);
    lower.make_ascii_lowercase();
    is_open_word(&lower[..word.len()])
}

/// A name continuing a scrap that stops mid-phrase is two to this many words (one capitalised
/// word there is as often a section label, "Commentary", as a name).
const NAME_WORDS: usize = 3;

/// A scrap of prose that stops mid-phrase: it ends in a lower-case word and reads as prose, not
/// as a menu entry ("Political prisoners"): it opens in lower case (the tail of a broken
/// sentence) or runs to six words or more.
fn stops_mid_phrase(t: &str) -> bool {
    // A lower-case word of plain letters (no longer than any English word needs).
    let ends_lower = last_word(t, 24)
        .is_some_and(|w| w.first().is_some_and(u8::is_ascii_lowercase) && w.iter().all(u8::is_ascii_alphabetic));
    ends_lower && (t.chars().next().is_some_and(char::is_lowercase) || word_count(t, 6) >= 6)
}

/// Four words or more, most of them capitalised: a headline.
pub(crate) fn is_title_case(t: &str) -> bool {
    let st = stats(t);
    st.words >= 4 && st.capitalized * 3 >= st.words * 2
}

/// Whether `t` opens with a mark that closes or punctuates the text before it (", CARE works",
/// "." or ")" alone on a line).
fn opens_with_closer(t: &str) -> bool {
    t.chars().next().is_some_and(|c| matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | ')' | ']' | '”' | '’' | '»' | '%'))
}

fn is_opener(c: char) -> bool {
    matches!(c, '“' | '‘' | '"' | '\'' | '(' | '[' | '«')
}

/// Whether two joined lines meet without white space between them: before punctuation
/// ("Poland" / ", CARE"), after an opening quote alone on its line, and after a drop cap
/// ("“W" / "e moved": a capital other than the words "I" and "A", after opening quotes only).
pub(crate) fn glued(prev: &str, next: &str) -> bool {
    if opens_with_closer(next) || (!prev.is_empty() && prev.chars().all(is_opener)) {
        return true;
    }
    let mut rest = prev.trim_start_matches(is_opener).chars();
    let drop_cap = matches!((rest.next(), rest.next()), (Some(c), None) if c.is_uppercase() && c != 'I' && c != 'A');
    drop_cap && next.chars().next().is_some_and(char::is_lowercase)
}

/// A speaker line after a quotation is at most this many words.
const SPEAKER_WORDS: usize = 10;

/// Whether `next` names the speaker of the quotation `prev`: "“We will hold.”" / "– Jane Doe"
/// or "Jane Doe, Minister of Defence".
fn attributes(prev: &str, next: &str, page: &Page<'_>) -> bool {
    let quote = prev.starts_with(['“', '"', '«'])
        && prev.trim_end_matches(['.', ',', '!', '?']).ends_with(['”', '"', '»'])
        && prev.chars().count() > 2;
    if !quote {
        return false;
    }
    // The name, after a dash if any.
    let name = next.trim_start_matches(['–', '—', '-', ' ']);
    name.starts_with(char::is_uppercase)
        && word_count(name, SPEAKER_WORDS + 1) <= SPEAKER_WORDS
        && !ends_sentence(name)
        && !page.headings.contains(next)
        && !captions::is_caption(next)
        && !captions::is_credit_only(next)
        && !boilerplate::is_furniture(name)
}

/// A line that never joins another: a list item, a markdown heading, "By" alone (a byline's),
/// an address, an outline heading of the page, a photo credit or caption, page furniture
/// ("Read More", "Comments", a date). (The cheap tests first: this runs on every line that
/// could join.)
pub(crate) fn stands_apart(t: &str, page: &Page<'_>) -> bool {
    if t.starts_with(char::is_lowercase) {
        // The tail of a sentence: only "by" alone, an address, a heading or furniture keeps
        // it apart (list markers, credits and captions open otherwise).
        return t == "by"
            || t.starts_with("http://")
            || t.starts_with("https://")
            || t.starts_with("www.")
            || page.headings.contains(t)
            || boilerplate::is_furniture(t);
    }
    boilerplate::bullet_len(t) > 0
        || boilerplate::heading_len(t) > 0
        || t.starts_with('|')
        || t.eq_ignore_ascii_case("by")
        || t.starts_with("http://")
        || t.starts_with("https://")
        || t.starts_with("www.")
        || page.headings.contains(t)
        || is_credit_like(t)
        || captions::is_caption(t)
        || captions::is_credit_only(t)
        || boilerplate::is_furniture(t)
}

/// A photo credit by its shape: a few capitalised words around a slash ("UNICEF/Jane Doe").
fn is_credit_like(t: &str) -> bool {
    t.chars().next().is_some_and(char::is_uppercase)
        && t.contains('/')
        && !t.contains("://")
        && word_count(t, 8) <= 6
        && !ends_sentence(t)
}

/// How a line may join the line before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Join {
    No,
    /// It names the speaker of the quotation before it.
    Speaker,
    /// It carries on the sentence, if neither line [`stands_apart`].
    Sentence,
}

/// Whether line `next` carries on the sentence that line `prev` (trimmed, both) leaves open,
/// or names the speaker of the quotation `prev` is. (The loader asks [`join`] and
/// [`stands_apart`] itself, to ask the latter once a line.)
#[cfg(test)]
fn continues(prev: &str, next: &str, page: &Page<'_>) -> bool {
    match join(prev, next, page) {
        Join::No => false,
        Join::Speaker => true,
        Join::Sentence => !stands_apart(prev, page) && !stands_apart(next, page),
    }
}

/// How `next` may join `prev` by their shapes; a sentence joins only when neither line
/// [`stands_apart`].
pub(crate) fn join(prev: &str, next: &str, page: &Page<'_>) -> Join {
    if attributes(prev, next, page) {
        return Join::Speaker;
    }
    let (Some(first), false) = (next.chars().next(), prev.is_empty()) else {
        return Join::No;
    };
    // Punctuation carries the sentence on, and so does a dash (an aside: "countries" / "—" /
    // "Poland"); a dash with a space after it is a list item, unless it is the em dash. So
    // does a line opening in lower case.
    if opens_with_closer(next) || first == '—' || next == "–" || first.is_lowercase() {
        let open = !ends_sentence(prev) && !ends_with_ellipsis(prev);
        return if open { Join::Sentence } else { Join::No };
    }
    // A short piece after an open end: the words of a link ("toward" / "Lyman, Stavky"), or
    // a name after a scrap of prose that stops mid-phrase ("the bloc's emergency" /
    // "Temporary Protection Directive"). (Both ends are words, so `prev` has not ended.) Two
    // links in a row are a menu, not a sentence; a line in title case is a headline (of an
    // advertisement: "Why Seniors Are Ditching Their Rakes for This" / "Product Name"); a
    // whole sentence after an open end starts afresh ("Add us on" / "Is Putin strong?").
    let open = ends_open(prev);
    let link_words = (open || stops_mid_phrase(prev))
        && {
            let words = word_count(next, LINK_WORDS + 1);
            words <= LINK_WORDS && (open || (2..=NAME_WORDS).contains(&words))
        }
        && !ends_sentence(next)
        && !is_title_case(prev)
        && !(page.links.contains(prev) && page.links.contains(next));
    if link_words { Join::Sentence } else { Join::No }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page<'a>(links: &'a HashSet<String>, headings: &'a HashSet<String>) -> Page<'a> {
        Page { links, headings }
    }

    #[test]
    fn link_pieces_continue_an_open_sentence() {
        let none = HashSet::new();
        let p = page(&none, &none);
        assert!(continues("Russian forces are also pushing toward", "Lyman, Stavky, and Yampol", &p));
        assert!(continues("Lyman, Stavky, and Yampol", "constant enemy attacks on routes", &p));
        assert!(continues("In", "Poland", &p));
        assert!(continues("Poland", ", CARE works with two partners.", &p));
        assert!(continues("spokesman for the Joint Forces Group,", "told", &p));
        assert!(continues("and neighboring countries", "—", &p));
        assert!(continues(
            "officials immediately activated the bloc's emergency",
            "Temporary Protection Directive",
            &p
        ));
        assert!(continues("underscores the difficulties", "Financial Times", &p));
    }

    #[test]
    fn finished_or_unrelated_lines_stay_apart() {
        let none = HashSet::new();
        let p = page(&none, &none);
        // The sentence is over.
        assert!(!continues("Drones hit the port overnight.", "officials said more", &p));
        // A capitalised line after a closed one: a new paragraph or a menu entry.
        assert!(!continues("Latest news", "Ukraine", &p));
        assert!(!continues("Political prisoners", "Civil Society", &p));
        assert!(!continues("the talks could credibly commit", "Commentary", &p));
        // Page furniture never continues a sentence.
        assert!(!continues("said in a", "Read More", &p));
        assert!(!continues("a news comment", "Comments", &p));
        assert!(!continues("refugees from Ukraine worldwide", "Updated December 2025", &p));
        assert!(!continues("as seen in our live coverage", "UNICEF/Jane Doe", &p));
        assert!(!continues("Follow our coverage at", "https://example.org/hub", &p));
        assert!(!continues("Trapped soldiers cling to the blocks they cannot leave", "by", &p));
        // Lower-case tails that open with a navigation word or "by" still continue.
        assert!(continues("Russia has delivered", "more than 150 tonnes of aid", &p));
        assert!(continues("This is backed", "by numerous studies, including", &p));
        assert!(!continues(
            "officials immediately activated the bloc's emergency",
            "Temporary Protection Directive Rules Today",
            &p
        ));
        assert!(!continues("Fighting continues in", "Russia and its neighbours have long argued over the border", &p));
        assert!(!continues("Add us on", "Is Putin strong?", &p));
        // An advertisement's headline and its product.
        assert!(!continues("Why Drivers Are Ditching Their Cars for This", "Gadget Pro", &p));
        // Lists, headings and captions never join.
        assert!(!continues("Read on", "- the next item", &p));
        assert!(!continues("Read on", "Photo: Jane Doe/AFP", &p));
        let headings: HashSet<String> = ["Broader pressure continues".to_string()].into();
        let p = page(&none, &headings);
        assert!(!continues("Broader pressure continues", "in the north", &p));
    }

    #[test]
    fn a_speaker_line_joins_its_quotation() {
        let none = HashSet::new();
        let p = page(&none, &none);
        assert!(continues("“We will hold the line.”", "– Jane Doe", &p));
        assert!(continues(
            "“We will hold the line,” she said. “And we will win.”",
            "Jane Doe, Minister of Defence",
            &p
        ));
        assert!(!continues("“We will hold the line.”", "What comes next?", &p));
        assert!(!continues("“We will hold the line.”", "Share this", &p));
        assert!(!continues("She said they would hold.", "– Jane Doe", &p));
    }

    #[test]
    fn open_words() {
        assert!(ends_open("fighting continues in") && ends_open("According to The") && ends_open("Over 12,000,"));
        assert!(!ends_open("fighting continues") && !ends_open("toward-the-end"));
        assert!(ends_open("in") && ends_open("fighting continues\u{a0}in") && !ends_open("voil\u{e0}"));
        assert!(stops_mid_phrase("underscores the difficulties") && !stops_mid_phrase("Political prisoners"));
    }

    #[test]
    fn glue_before_punctuation_and_after_drop_caps() {
        assert!(glued("Poland", ", CARE works"));
        assert!(glued("“", "There is"));
        assert!(glued("“W", "e moved"));
        assert!(glued("Z", "elensky is"));
        assert!(!glued("“I", "just"));
        assert!(!glued("A", "lot of"));
        assert!(!glued("toward", "Lyman"));
        assert!(!glued("W", "E"));
    }

    #[test]
    fn a_menu_of_links_is_no_sentence() {
        let links: HashSet<String> = ["Reports by", "Analysis"].into_iter().map(String::from).collect();
        let none = HashSet::new();
        let p = page(&links, &none);
        assert!(!continues("Reports by", "Analysis", &p));
    }
}
