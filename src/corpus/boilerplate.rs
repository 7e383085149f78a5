//! Telling article text from page debris.
//!
//! Each candidate paragraph (usually one line) gets a class from its own features: word count,
//! the share of English function words (prose has many, menus and headline lists few),
//! sentence punctuation, link syntax, known debris phrases (share buttons, cookie and
//! newsletter prompts, "Read more" ...), month-archive rows, truncated teasers, date stamps.
//! Then the neighbours decide the uncertain ones, as in jusText: a near-sentence next to prose
//! is kept, a short heading is kept only between prose paragraphs, a lone short line never.

use std::collections::HashSet;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use regex::Regex;

use super::dates;
use super::text::{Stats, ends_sentence, ends_with_ellipsis, prefix, stats, trimmed};

/// What a candidate paragraph looks like on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// Prose: kept.
    Good,
    /// A short sentence: kept next to prose.
    NearGood,
    /// A title-like line: kept between prose paragraphs (a section heading).
    Heading,
    /// Too short to tell: dropped.
    Short,
    /// Debris: dropped.
    Bad,
}

/// What the classifier knows about the page.
pub(crate) struct Context<'a> {
    /// Scraped web page (lines are text nodes, not paragraphs; menus and lists abound).
    pub scraped: bool,
    /// Texts of the page's links (scraped pages list them): a line that is a link is navigation.
    pub links: &'a HashSet<String>,
}

/// Phrases that mark a line as page furniture wherever they occur: they do not occur in war
/// reporting. Matched case-insensitively on word boundaries.
const STRONG: &[&str] = &[
    "cookies",
    "javascript",
    "all rights reserved",
    "copyright",
    "loading audio player",
    "make us preferred on google",
    "preferred source on google",
    "sign up for our",
    "sign up to our",
    "subscribe to our",
    "subscribe now",
    "subscribe to get",
    "subscribe below",
    "newsletter",
    "newsletters",
    "your browser",
    "privacy policy",
    "privacy preferences",
    "cookie policy",
    "terms of use",
    "terms of service",
    "terms and conditions",
    "do not sell",
    "skip to content",
    "skip to main content",
    "read the full",
    "click here",
    "share this",
    "share on facebook",
    "share on x",
    "share on twitter",
    "share news on",
    "copy link",
    "copy article link",
    "link copied",
    "follow us on",
    "download the app",
    "support our journalism",
    "support independent journalism",
    "donate now",
    "make a donation",
    "become a patron",
    "patreon",
    "ad free",
    "ads are disabled",
    "captcha",
    "opens in new window",
    "opens in a new window",
    "email address",
    "your inbox",
    "to suggest a correction",
    "ctrl + enter",
    "leave a comment",
    "leave a reply",
    "cancel reply",
    "load more",
    "show more",
    "read more",
    "see more",
    "related stories",
    "related news",
    "related articles",
    "related topics",
    "recommended for you",
    "most popular",
    "most read",
    "you may also like",
    "you might like",
    "back to top",
    "continue reading",
    "quote up to",
    "creative commons",
    "views of their authors",
    "institutional positions",
    "editorial guidelines",
    "our website",
    "this website",
    "our site",
    "advertise with us",
    "advertising revenue",
    "advertising and partnership",
    "allow ads",
    "ad choices",
    "too many ads",
    "google analytics",
    "statistical data on",
    "google news",
    "accessibility statement",
    "website accessibility",
    "opinions expressed",
    "views expressed",
    "hyperlink",
    "is protected by",
    "material may not be",
    "may not be reproduced",
    "all materials",
    "listen live",
    "watch live",
    "user controls",
    "sale of personal",
    "data policy",
    "manage cookies",
    "privacy and cookie",
    "url-copy",
    "monthly donor",
    "monthly donation",
    "monthly gift",
    "one-off donation",
    "donate £",
    "donate $",
    "donate €",
    "email share",
    "for signing up",
    "confirmation email",
    "appeared first on",
];

/// Debris phrases that are also ordinary words of news copy ("600,000 subscribers were left
/// without power"): they mark a paragraph as debris only when it is short.
const WEAK: &[&str] = &[
    "subscribers",
    "subscription",
    "subscriptions",
    "advertisement",
    "log in",
    "logged in",
    "the visitor",
    "powered by",
    "personal information",
    "generous gift",
];

/// A paragraph this long is prose even when it holds one of the `WEAK` phrases.
const WEAK_MAX_WORDS: usize = 40;

/// A paragraph of debris this long is cut at its sentences, and what is left without the
/// debris sentences, when this long too and prose, is kept ([`super::candidate`]).
pub(crate) const CUT_MIN_WORDS: usize = WEAK_MAX_WORDS;

/// Words that make a short line (at most a few words) navigation when they open it.
const SOFT: &[&str] = &[
    "share",
    "comments",
    "comment",
    "related",
    "latest",
    "popular",
    "subscribe",
    "login",
    "register",
    "search",
    "menu",
    "print",
    "email",
    "e-mail",
    "tags",
    "tagged",
    "topics",
    "home",
    "next",
    "previous",
    "prev",
    "video",
    "videos",
    "podcast",
    "podcasts",
    "listen",
    "watch",
    "contact",
    "about",
    "donate",
    "feedback",
    "send",
    "submit",
    "close",
    "open",
    "toggle",
    "navigation",
    "sections",
    "more",
    "follow",
    "advertise",
    "careers",
    "jobs",
    "sitemap",
    "rss",
    "faq",
    "help",
    "support",
    "edition",
    "language",
    "bookmark",
    "gift",
    "save",
    "copy",
    "copied",
    "trending",
    "featured",
    "recommended",
    "photo",
    "photos",
    "gallery",
    "filed",
    "updated",
    "read",
    "see",
    "also",
    "up",
    "breaking",
    "opinion",
    "back",
    "top",
    "sign",
    "log",
    "accept",
    "reject",
    "manage",
    "dismiss",
    "continue",
    "download",
    "install",
    "get",
    "join",
    "view",
    "explore",
    "discover",
    "show",
    "hide",
    "skip",
    "go",
    "learn",
    "visit",
    "click",
    "tap",
    "swipe",
];

static STRONG_AC: LazyLock<AhoCorasick> = LazyLock::new(|| phrases(STRONG));
static WEAK_AC: LazyLock<AhoCorasick> = LazyLock::new(|| phrases(WEAK));

fn phrases(list: &[&str]) -> AhoCorasick {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::DFA))
        .build(list)
        .expect("valid phrases")
}

/// Whether one of `ac`'s phrases occurs on word boundaries in `t`.
fn has_phrase(ac: &AhoCorasick, t: &str) -> bool {
    let t = prefix(t, 4096);
    let b = t.as_bytes();
    ac.find_iter(t).any(|m| {
        let before_ok = m.start() == 0 || !b[m.start() - 1].is_ascii_alphanumeric();
        let after_ok = m.end() == b.len() || !b[m.end()].is_ascii_alphanumeric();
        before_ok && after_ok
    })
}

/// Whether a strong debris phrase occurs on word boundaries in `t`.
pub(crate) fn has_strong_phrase(t: &str) -> bool {
    has_phrase(&STRONG_AC, t) || t.contains('©')
}

/// Whether `t`, of `words` words, is short and holds a phrase of debris that is also an
/// ordinary word ("subscribers").
fn has_weak_phrase(t: &str, words: usize) -> bool {
    words < WEAK_MAX_WORDS && has_phrase(&WEAK_AC, t)
}

fn first_word_lower(t: &str) -> String {
    t.split(|c: char| c.is_whitespace() || c == ':' || c == '|')
        .find(|w| w.chars().any(char::is_alphanumeric))
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
        .to_lowercase()
}

/// A short line opening with a navigation word ("Share", "Related", "More to Read").
fn is_soft_debris(t: &str, st: &Stats) -> bool {
    if st.words > 6 || ends_sentence(t) {
        return false;
    }
    let first = first_word_lower(t);
    SOFT.contains(&first.as_str())
}

/// Page furniture by its words alone: a debris phrase ("Read more", "Share this"), a date
/// stamp, and, for a line opening in upper case, a short line opening with a navigation word
/// ("Comments", "Recommended Video") or a byline. (In lower case, "more than 150 tonnes" and
/// "by numerous studies" are the tails of sentences.)
pub(crate) fn is_furniture(t: &str) -> bool {
    // Only the number of words matters below, up to `WEAK_MAX_WORDS`: counted no further
    // (the line may be a long paragraph).
    let st = Stats { words: super::text::word_count(t, WEAK_MAX_WORDS), ..Stats::default() };
    let upper = t.chars().next().is_some_and(|c| !c.is_lowercase());
    has_strong_phrase(t)
        || has_weak_phrase(t, st.words)
        || (upper && (is_soft_debris(t, &st) || is_byline(t, &st)))
        || (st.words <= 12
            && (dates::is_stamp(t) || (t.bytes().any(|b| b.is_ascii_digit()) && dates::byline_date(t).is_some())))
}

/// "By Jane Doe", "BY JANE DOE AND JOHN ROE": an author line.
fn is_byline(t: &str, st: &Stats) -> bool {
    let by = ["By", "BY", "by"].iter().any(|b| t.strip_prefix(b).is_some_and(|r| r.starts_with(char::is_whitespace)));
    by && st.words <= 8 && !ends_sentence(t)
}

/// A reference-list entry: `Cardoso, D S, S W Salant, and J Daubanes (2025), “Title”, mimeo.`
fn is_citation(t: &str) -> bool {
    static CITATION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\p{Lu}[\p{L}'’-]+(?: [\p{L}'’-]+)?, (?:\p{Lu}\.? ?){1,3}\b[^()]{0,200}\((?:19|20)\d\d[a-z]?\)")
            .expect("valid regex")
    });
    if t.len() >= 1000 {
        return false;
    }
    // The pattern needs a year in brackets, "(19xx" or "(20xx": lines without one (most) are
    // spared its search, and a run without one its compilation (~17M instructions).
    let head = prefix(t, 400);
    let b = head.as_bytes();
    let year = memchr::memchr_iter(b'(', b).any(|i| matches!(b.get(i + 1..i + 3), Some(b"19" | b"20")));
    year && CITATION.is_match(head)
}

/// `---`, `***`, `* * *`, `===`.
fn is_separator(t: &str) -> bool {
    t.len() >= 3 && t.chars().all(|c| matches!(c, '-' | '*' | '_' | '=' | '~' | ' ' | '#' | '•'))
}

/// Credit lines that are real text and stay in the body ("Compiled by Ana Dumbadze",
/// "(Reporting by ...; Editing by ...)").
pub(crate) fn is_credit_line(t: &str) -> bool {
    static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^[(*_\s]*(?:compiled|reporting|reported|written|writing|edited|editing|additional reporting|translated|translation|prepared|produced)\s+by\s+\p{Lu}")
            .expect("valid regex")
    });
    t.len() < 400 && CREDIT.is_match(t)
}

/// Link syntax makes up most of the line (`[](https://...)`, `* [Share](...)`, a bare URL).
fn is_link_heavy(t: &str) -> bool {
    let t = prefix(t, 8192);
    if t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www.") {
        return !t.contains(' ');
    }
    if t.starts_with("[ http") || t.starts_with("[http") || t.starts_with("<http") {
        return true;
    }
    if !t.contains("](") {
        return false;
    }
    // Visible text of markdown links versus the bytes of the line.
    let mut visible = 0usize;
    let mut rest = t;
    while let Some(open) = rest.find('[') {
        visible += rest[..open].trim_matches(|c: char| c == '*' || c == '-' || c.is_whitespace()).len();
        let after = &rest[open + 1..];
        let Some(close) = after.find("](") else {
            visible += after.len();
            rest = "";
            break;
        };
        visible += after[..close].len();
        let tail = &after[close + 2..];
        match tail.find(')') {
            Some(p) => rest = &tail[p + 1..],
            None => {
                rest = "";
                break;
            }
        }
    }
    visible += rest.trim().len();
    visible * 3 < t.len()
}

/// `Jan Feb Mar Apr May Jun Jul Aug Sep Okt Nov Dec 2017201820192020...`
fn is_month_archive(t: &str) -> bool {
    const MONTHS: &[&str] =
        &["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "okt", "nov", "dec", "dez", "mai"];
    // Archive rows open with a month.
    let first3 = t.get(..3).map(str::to_ascii_lowercase).unwrap_or_default();
    if !MONTHS.contains(&first3.as_str()) {
        return false;
    }
    let mut months = 0;
    let mut other = 0;
    for w in prefix(t, 400).split_whitespace() {
        let lw = w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
        if MONTHS.contains(&lw.get(..3).unwrap_or("")) && lw.len() <= 9 {
            months += 1;
        } else if !lw.chars().all(|c| c.is_ascii_digit()) {
            other += 1;
        }
    }
    months >= 6 && other <= 2
}

/// Strip a list marker (`- `, `* `, `• `, `+ `, `1. `) from the start of a line: the byte
/// length of the marker, or 0.
pub(crate) fn bullet_len(t: &str) -> usize {
    for m in ["- ", "* ", "• ", "+ ", "– ", "· "] {
        if t.starts_with(m) {
            return m.len();
        }
    }
    0
}

/// Markdown heading marker `## ` length, or 0.
pub(crate) fn heading_len(t: &str) -> usize {
    let hashes = t.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) && t[hashes..].starts_with(' ') { hashes + 1 } else { 0 }
}

/// Classify one candidate paragraph on its own (marker-free text); also returns its word
/// count (of the first [`super::text::STATS_WINDOW`] bytes). `broken`: the lines of a sentence
/// a scraper broke at its links, whose end was often lost with the link; it counts as ended.
pub(crate) fn classify(t: &str, broken: bool, ctx: &Context<'_>) -> (Class, usize) {
    let t = trimmed(t);
    let st = stats(t);
    (classify_with(t, &st, broken, ctx), st.words)
}

fn classify_with(t: &str, st: &Stats, broken: bool, ctx: &Context<'_>) -> Class {
    if t.is_empty() || is_separator(t) {
        return Class::Bad;
    }
    if is_credit_line(t) {
        return Class::Good;
    }
    if st.words == 0 || is_link_heavy(t) {
        return Class::Bad;
    }
    if ctx.scraped && t.len() < 2000 && ctx.links.contains(t) {
        return Class::Bad;
    }
    if has_strong_phrase(t) || has_weak_phrase(t, st.words) || is_month_archive(t) {
        return Class::Bad;
    }
    if ends_with_ellipsis(t) {
        return Class::Bad;
    }
    if st.words <= 12 && (dates::is_stamp(t) || dates::byline_date(t).is_some()) {
        return Class::Bad;
    }
    if st.words <= 2 || is_soft_debris(t, st) || is_byline(t, st) || is_citation(t) {
        return Class::Bad;
    }
    // Mostly non-letters (tables of numbers, codes, prices).
    if st.letters * 2 < st.chars && st.words < 30 {
        return Class::Bad;
    }
    // On a web page, a short line opening in lower case is the tail of a sentence broken by
    // a link ("was heartbreaking for her."): a scrap, not a paragraph.
    if ctx.scraped && st.words < 8 && t.chars().next().is_some_and(char::is_lowercase) {
        return Class::Short;
    }
    // On a web page, a long line stopping at a comma is a sentence whose end went with a link.
    let cut_at_comma = ctx.scraped && st.words >= 12 && t.ends_with(',');
    let terminal = broken || cut_at_comma || ends_sentence(t);
    let ratio = st.stop_ratio();
    if st.words >= 12 && ratio >= 0.18 && (terminal || st.words >= 25) {
        return Class::Good;
    }
    if st.words >= 30 && ratio >= 0.1 {
        return Class::Good;
    }
    if terminal && st.words >= 3 && ratio >= 0.1 {
        return Class::NearGood;
    }
    if !terminal
        && st.words <= 20
        && t.chars().next().is_some_and(|c| c.is_uppercase() || c.is_numeric() || "\"“‘'«".contains(c))
    {
        return Class::Heading;
    }
    Class::Short
}

/// A candidate as the smoothing pass sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Judged {
    pub class: Class,
    pub words: usize,
}

/// Decide which candidates to keep from their classes and their neighbours.
/// `items[i]` is `None` for entries that take no part (captions, removed lines): they are
/// skipped when looking for neighbours.
pub(crate) fn smooth(items: &[Option<Judged>], scraped: bool) -> Vec<bool> {
    let n = items.len();
    let idx: Vec<usize> = (0..n).filter(|&i| items[i].is_some()).collect();
    let get = |k: usize| items[idx[k]].unwrap_or(Judged { class: Class::Bad, words: 0 });
    let mut keep = vec![false; n];
    let prose = |c: Class| matches!(c, Class::Good | Class::NearGood);
    for k in 0..idx.len() {
        let prev = (k > 0).then(|| get(k - 1).class);
        let next = (k + 1 < idx.len()).then(|| get(k + 1).class);
        let Judged { class, words } = get(k);
        keep[idx[k]] = match class {
            Class::Good => {
                // On a web page, a short sentence alone among debris is a teaser or a list entry.
                let lonely = !prev.is_some_and(|p| prose(p) || p == Class::Heading)
                    && !next.is_some_and(|p| prose(p) || p == Class::Heading);
                !scraped || !lonely || words >= LONELY_WORDS
            }
            Class::NearGood => !scraped || prev == Some(Class::Good) || next == Some(Class::Good),
            // Decided below, once the prose around them is decided.
            Class::Heading | Class::Short | Class::Bad => false,
        };
    }
    // A heading stays when the prose right after it stays, and something readable precedes it.
    for k in 0..idx.len() {
        if get(k).class != Class::Heading {
            continue;
        }
        let next_ok = k + 1 < idx.len() && keep[idx[k + 1]];
        let prev_ok = match (k > 0).then(|| get(k - 1).class) {
            None => !scraped,
            Some(p) => (prose(p) && keep[idx[k - 1]]) || (!scraped && p != Class::Bad),
        };
        keep[idx[k]] = next_ok && prev_ok;
    }
    keep
}

/// A short line announcing the end of the story: what follows is related material.
/// ("Read more" and "Read also" are left out: sites put such boxes inside stories too.)
pub(crate) fn is_section_end(t: &str) -> bool {
    const MARKERS: &[&str] = &[
        "about the author",
        "about the contributor",
        "related stories",
        "related news",
        "related articles",
        "related posts",
        "related topics",
        "more from",
        "more work from",
        "more news",
        "more stories",
        "latest in",
        "latest from",
        "latest news",
        "latest articles",
        "latest stories",
        "the latest stories",
        "most popular",
        "most read",
        "popular from",
        "recommended for you",
        "you may also like",
        "you might like",
        "other topics you might like",
        "back to top",
        "comments",
        "tags",
        "filed under",
        "news feed",
        "interesting reads",
        "top hits",
        "keep watching",
        "other emergencies",
    ];
    let t = trimmed(t);
    if t.len() > 60 {
        return false;
    }
    let lower = t.to_lowercase();
    MARKERS.iter().any(|m| lower.starts_with(m))
}

/// A paragraph alone among debris on a web page is kept from this many words on.
const LONELY_WORDS: usize = 25;

#[cfg(test)]
mod tests {
    use super::*;

    fn cls(t: &str) -> Class {
        let links = HashSet::new();
        classify(t, false, &Context { scraped: false, links: &links }).0
    }

    #[test]
    fn prose_is_good() {
        assert_eq!(
            cls(
                "Russia launched one of its biggest aerial attacks of the year on Ukraine, firing 574 drones and 40 missiles overnight."
            ),
            Class::Good
        );
        assert_eq!(cls("Compiled by Ana Dumbadze"), Class::Good);
    }

    #[test]
    fn debris_is_bad() {
        for t in [
            "* Share        !Email share !url-copy https://news.az/news/x Copied",
            "* [](https://news.az/news/<https:/www.facebook.com/sharer/sharer.php?u=x> \"Share news on Facebook\")",
            "Jan Feb Mar Apr May Jun Jul Aug Sep Okt Nov Dec 2017201820192020202120222023202420252026",
            "The strike involved aerial bombs. According to preliminary reports, two people died and seven were injured in the attack...",
            "Loading Audio Player By Instaread, Please Wait...",
            "Make us preferred on Google",
            "War",
            "Videos",
            "Read the Full BBC Article at:",
            "[ https://www.bbc.com/news/articles/c98pz6l311yo ]",
            "We use cookies in a limited and restricted manner for specific purposes.",
            "Share This",
            "Feb 26, 2026 | 9:05 AM",
            "13 hours ago",
            "---",
        ] {
            assert_eq!(cls(t), Class::Bad, "{t}");
        }
    }

    #[test]
    fn sentences_are_not_debris() {
        assert_eq!(cls("More than 20 people were killed."), Class::NearGood);
        assert_eq!(cls("Ukraine denied it."), Class::NearGood);
        assert_eq!(cls("On February 24, 2022, Russia invaded Ukraine."), Class::NearGood);
        assert_eq!(cls("By Jane Doe"), Class::Bad);
        assert_eq!(cls("By\nJane Doe"), Class::Bad);
        assert_eq!(
            cls("Cardoso, D S, S W Salant, and J Daubanes (2025), “The price cap on Russian oil exports”, mimeo."),
            Class::Bad
        );
    }

    #[test]
    fn furniture_by_its_words() {
        for t in ["Read More", "Comments", "Recommended Video", "Updated December 2025", "By Jane Doe", "March 4, 2026"]
        {
            assert!(is_furniture(t), "{t}");
        }
        // The lower-case tails of broken sentences are not menus or bylines.
        for t in ["more than 150 tonnes of aid", "by numerous studies, including", "Sumy Oblast"] {
            assert!(!is_furniture(t), "{t}");
        }
    }

    #[test]
    fn scraped_lines_cut_at_a_comma_and_joined_lines_read_as_sentences() {
        let links = HashSet::new();
        let web = Context { scraped: true, links: &links };
        let cut = "Rescue teams searched the rubble of the block for most of the morning and pulled two residents out,";
        assert_eq!(classify(cut, false, &web).0, Class::Good);
        assert_ne!(cls(cut), Class::Good, "a plain text line is not cut by a scraper");
        assert_eq!(classify("Fighting continues in\nSumy Oblast", true, &web).0, Class::NearGood);
        assert_eq!(classify("Fighting continues in Sumy Oblast", false, &web).0, Class::Heading);
        assert_eq!(cls("Thank you for signing up. You will receive a confirmation email shortly."), Class::Bad);
    }

    #[test]
    fn headings() {
        assert_eq!(cls("Slow advances, constant pressure"), Class::Heading);
        assert_eq!(cls("CLOSED BORDERS, BITTER RIVALS"), Class::Heading);
    }

    #[test]
    fn smoothing_keeps_headings_between_prose_only() {
        use Class::*;
        let j = |class| Some(Judged { class, words: 10 });
        let c = [j(Good), j(Heading), j(Good), j(Heading), j(Bad), j(Heading)];
        assert_eq!(smooth(&c, true), [true, true, true, false, false, false]);
        let c = [j(Bad), j(NearGood), j(Bad), j(Good), None, j(NearGood)];
        assert_eq!(smooth(&c, true), [false, false, false, true, false, true]);
        // A lonely short sentence on a web page goes, a long one stays.
        let c = [j(Bad), j(Good), j(Bad), Some(Judged { class: Good, words: 40 }), j(Bad)];
        assert_eq!(smooth(&c, true), [false, false, false, true, false]);
    }
}
