//! Scraped web pages saved as markdown:
//!
//! ```text
//! # www.example.com
//! ## Metadata
//! - **URL**: https://www.example.com/2026/02/27/story/
//! - **timestamp**: 2026-02-27T19:53:06.877470
//! ## Page Structure
//! - # Story headline
//!   - ## Section
//! ## Content
//! Story headline | Example News        <- the HTML title
//! ...navigation, the story, related links, footer...
//! ## Links
//! - [Home](https://www.example.com/)
//! ```

use std::collections::HashSet;

use super::text::{Line, trimmed};

/// What the scraper recorded about the page.
#[derive(Debug, Default, Clone)]
pub(crate) struct Page {
    pub url: Option<String>,
    pub domain: Option<String>,
    pub timestamp: Option<String>,
    pub http_status: Option<u16>,
    /// Level-1 headings of the page outline, in order.
    pub h1: Vec<String>,
    /// Every heading of the page outline (all levels).
    pub headings: HashSet<String>,
    /// Texts of the page's links.
    pub links: HashSet<String>,
    /// Line range `[start, end)` of the content section.
    pub content: (usize, usize),
}

fn section_name(t: &str) -> Option<&str> {
    t.strip_prefix("## ").map(str::trim)
}

/// Whether the file is a scraped page: a `## Metadata` section near the top.
pub(crate) fn detect(src: &str, lines: &[Line]) -> bool {
    lines.iter().map(|l| trimmed(l.text(src))).filter(|t| !t.is_empty()).take(4).any(|t| t == "## Metadata")
}

/// Parse the sections of a scraped page. Call only when [`detect`] said yes.
pub(crate) fn parse(src: &str, lines: &[Line]) -> Page {
    let mut page = Page::default();
    let n = lines.len();
    let text = |i: usize| trimmed(lines[i].text(src));
    let content_head = (0..n).find(|&i| text(i) == "## Content");
    // The links section is the last `## Links` heading followed only by link bullets.
    let links_head = (0..n).rev().find(|&i| text(i) == "## Links").filter(|&h| {
        content_head.is_none_or(|c| h > c)
            && lines[h + 1..].iter().all(|l| {
                let t = trimmed(l.text(src));
                t.is_empty() || t.starts_with("- [")
            })
    });
    let mut section = "";
    let meta_end = content_head.unwrap_or(n);
    for i in 0..meta_end {
        let t = text(i);
        if let Some(name) = section_name(t) {
            section = name;
            continue;
        }
        match section {
            "Metadata" => {
                if let Some((k, v)) = metadata_field(t) {
                    match k.to_ascii_lowercase().as_str() {
                        "url" => page.url = Some(v.to_string()),
                        "domain" => page.domain = Some(v.to_string()),
                        "timestamp" | "published" | "date" => page.timestamp = Some(v.to_string()),
                        "http status" => page.http_status = v.parse().ok(),
                        _ => {}
                    }
                }
            }
            "Page Structure" => {
                if let Some(h) = t.strip_prefix("- ") {
                    let level = h.bytes().take_while(|&b| b == b'#').count();
                    let h = trimmed(&h[level..]);
                    if level > 0 && !h.is_empty() {
                        if level == 1 {
                            page.h1.push(h.to_string());
                        }
                        page.headings.insert(h.to_string());
                    }
                }
            }
            _ => {}
        }
    }
    if let Some(h) = links_head {
        for l in &lines[h + 1..] {
            if let Some(t) = link_text(trimmed(l.text(src))) {
                let t = trimmed(t);
                if !t.is_empty() {
                    page.links.insert(t.to_string());
                }
            }
        }
    }
    let start = match content_head {
        Some(c) => c + 1,
        // No content heading: everything after the last metadata-like section.
        None => (0..n).rev().find(|&i| section_name(text(i)).is_some() && Some(i) != links_head).map_or(0, |i| i + 1),
    };
    page.content = (start, links_head.unwrap_or(n).max(start));
    page
}

/// `- **Key**: value`
fn metadata_field(t: &str) -> Option<(&str, &str)> {
    let rest = t.strip_prefix("- **")?;
    let (k, v) = rest.split_once("**:")?;
    Some((k.trim(), v.trim()))
}

/// `- [text](url)` → `text`
fn link_text(t: &str) -> Option<&str> {
    let rest = t.strip_prefix("- [")?;
    let close = rest.rfind("](")?;
    Some(&rest[..close])
}

/// Split a page title into the headline and the site name: `Headline | Site`,
/// `Headline - Site`, `Headline – Site | Site`. Returns the headline and the outermost site name.
pub(crate) fn split_site_suffix(title: &str) -> (&str, Option<&str>) {
    const SEPS: [&str; 5] = [" | ", " - ", " – ", " — ", " :: "];
    let title = trimmed(title);
    let mut main = title;
    let mut site: Option<&str> = None;
    loop {
        let cut = SEPS.iter().filter_map(|s| main.rfind(s).map(|i| (i, s.len()))).max();
        let Some((i, len)) = cut else { break };
        let tail = trimmed(&main[i + len..]);
        let head = trimmed(&main[..i]);
        if !looks_like_site(tail) || super::text::word_count(head, 4) < 2 {
            break;
        }
        if site.is_none() {
            site = Some(tail);
        }
        main = head;
    }
    (main, site)
}

/// Whether a site name names the host of the page's URL: a word of it, or all its letters
/// run together, is part of the host (`Al Jazeera`, aljazeera.com; `Kyiv Post`, kyivpost.com;
/// `BBC News`, bbc.co.uk), or it is an acronym (`ISW`, understandingwar.org).
pub(crate) fn names_host(site: &str, host: &str) -> bool {
    let host = host.to_ascii_lowercase();
    let letters: String = site.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect();
    let host_letters: String = host.chars().filter(char::is_ascii_alphanumeric).collect();
    let acronym = (2..=5).contains(&site.chars().count()) && site.chars().all(char::is_uppercase);
    acronym
        || letters.len() >= 3 && host_letters.contains(&letters)
        || site.split(|c: char| !c.is_alphanumeric()).any(|w| w.len() >= 3 && host.contains(&w.to_ascii_lowercase()))
}

/// A short name: a few capitalised words or a domain.
fn looks_like_site(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.is_empty() || words.len() > 6 || s.len() > 60 {
        return false;
    }
    s.contains('.') && !s.contains(' ')
        || words.iter().all(|w| {
            w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_numeric())
                || matches!(*w, "of" | "and" | "the" | "for" | "&" | "de" | "on" | "in")
        })
}

/// Lower-cased alphanumeric words joined by single spaces, for comparing titles.
pub(crate) fn norm(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in norm_words(s) {
        if !out.is_empty() {
            out.push(' ');
        }
        if w.is_ascii() {
            out.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            for c in w.chars() {
                out.extend(c.to_lowercase());
            }
        }
    }
    out
}

/// The words of [`norm`], before lower-casing: runs of letters and digits.
fn norm_words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty())
}

/// Whether `a` and `b` have the same [`norm`]: compared word by word, without building
/// either, so a long paragraph compared with a headline is read only up to the first word
/// that differs (normalising all of it cost ~80,000 instructions a paragraph on news pages).
pub(crate) fn same_norm(a: &str, b: &str) -> bool {
    let same_word = |x: &str, y: &str| {
        if x.is_ascii() && y.is_ascii() {
            x.eq_ignore_ascii_case(y)
        } else {
            x.chars().flat_map(char::to_lowercase).eq(y.chars().flat_map(char::to_lowercase))
        }
    };
    let (mut xs, mut ys) = (norm_words(a), norm_words(b));
    loop {
        match (xs.next(), ys.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if same_word(x, y) => {}
            _ => return false,
        }
    }
}

/// The first alphanumeric character of `s`, lower-cased: two texts with different ones
/// cannot have the same [`norm`].
pub(crate) fn norm_head(s: &str) -> Option<char> {
    s.chars().find(|c| c.is_alphanumeric()).and_then(|c| c.to_lowercase().next())
}

/// Pick the page's headline from the outline's level-1 headings, preferring one that opens the
/// HTML title (the first content line), appears in the content and shares words with the HTML
/// title or the URL. Without such a heading, the HTML title without its site suffix.
pub(crate) fn choose_title(page: &Page, html_title: &str, content_norms: &HashSet<String>) -> Option<String> {
    let html = norm(html_title);
    let (html_main, site) = split_site_suffix(html_title);
    let site = site.map(norm);
    let mut context: HashSet<String> = html.split(' ').filter(|w| w.len() >= 4).map(str::to_string).collect();
    if let Some(url) = &page.url {
        context.extend(norm(url).split(' ').filter(|w| w.len() >= 4).map(str::to_string));
    }
    let mut best: Option<(i32, &str)> = None;
    for h in &page.h1 {
        let n = norm(h);
        if n.is_empty() || site.as_deref() == Some(n.as_str()) {
            continue;
        }
        let words = n.split(' ').count();
        let shared = n.split(' ').filter(|w| w.len() >= 4 && context.contains(*w)).count();
        let in_html = html.contains(&n);
        // A heading unrelated to the page's title and address is a widget's ("Make a Gift").
        let related = shared >= 2.min(words) || (shared >= 1 && words >= 6);
        if !in_html && !related {
            continue;
        }
        let mut score = 2;
        if in_html {
            score += 2;
        }
        if html.starts_with(&n) {
            score += 1;
        }
        if content_norms.contains(&n) {
            score += 1;
        }
        if words >= 3 {
            score += 1;
        }
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, h));
        }
    }
    match best {
        Some((_, h)) => Some(h.to_string()),
        None => (!html_main.is_empty()).then(|| html_main.to_string()),
    }
}

/// The host of a URL without `www.`.
pub(crate) fn host(url: &str) -> Option<&str> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?.split(':').next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (host.contains('.') && !host.is_empty()).then_some(host)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::text::lines_in;

    const PAGE: &str = "# www.example.com\n\n## Metadata\n\n- **URL**: https://www.example.com/2026/02/27/story/\n- **HTTP Status**: 200\n- **timestamp**: 2026-02-27T19:53:06.877470\n\n## Page Structure\n\n- # Story headline here\n  - ## Related\n\n## Content\n\nStory headline here | Example News\nHome\nStory headline here\nBody.\n\n## Links\n\n- [Home](https://www.example.com/)\n";

    #[test]
    fn parses_sections() {
        let lines = lines_in(PAGE, 0, PAGE.len());
        assert!(detect(PAGE, &lines));
        let p = parse(PAGE, &lines);
        assert_eq!(p.url.as_deref(), Some("https://www.example.com/2026/02/27/story/"));
        assert_eq!(p.timestamp.as_deref(), Some("2026-02-27T19:53:06.877470"));
        assert_eq!(p.http_status, Some(200));
        assert_eq!(p.h1, ["Story headline here"]);
        assert!(p.links.contains("Home"));
        let first = lines[p.content.0..p.content.1].iter().map(|l| l.text(PAGE)).find(|t| !t.is_empty());
        assert_eq!(first, Some("Story headline here | Example News"));
        assert_eq!(lines[p.content.1].text(PAGE), "## Links");
    }

    #[test]
    fn site_suffixes() {
        assert_eq!(
            split_site_suffix("Ukraine–Russia war: Key developments over the past 24 hours | News.az"),
            ("Ukraine–Russia war: Key developments over the past 24 hours", Some("News.az"))
        );
        assert_eq!(
            split_site_suffix("Exclusive-US slows sale of Lukoil assets | The Mighty 790 KFGO | KFGO"),
            ("Exclusive-US slows sale of Lukoil assets", Some("KFGO"))
        );
        assert_eq!(split_site_suffix("Russia - a country at war"), ("Russia - a country at war", None));
    }

    #[test]
    fn site_names_and_hosts() {
        for (site, host) in [
            ("Al Jazeera", "www.aljazeera.com"),
            ("Kyiv Post", "www.kyivpost.com"),
            ("BBC News", "www.bbc.co.uk"),
            ("News.az", "news.az"),
            ("ISW", "understandingwar.org"),
            ("Ukrainska Pravda", "www.pravda.com.ua"),
        ] {
            assert!(names_host(site, host), "{site} {host}");
        }
        for (site, host) in [("Kelly", "edition.cnn.com"), ("3 February 2017", "www.bbc.com"), ("Harris", "www.rte.ie")]
        {
            assert!(!names_host(site, host), "{site} {host}");
        }
        assert_eq!(host("https://www.bbc.com/news/x"), Some("bbc.com"));
    }

    #[test]
    fn chooses_the_headline_not_the_site_name() {
        let page =
            Page { h1: vec!["Scot Scoop News".into(), "When home becomes the front line".into()], ..Page::default() };
        let norms: HashSet<String> =
            ["scot scoop news", "when home becomes the front line"].into_iter().map(String::from).collect();
        assert_eq!(
            choose_title(&page, "When home becomes the front line – Scot Scoop News", &norms).as_deref(),
            Some("When home becomes the front line")
        );
    }
}
