//! Saved web pages: the main content, found by `dom_smoothie` (a port of Mozilla's
//! Readability.js), and the page's metadata (title, byline, publication date, canonical URL,
//! site name) from its meta tags, JSON-LD and `<time>` elements.
//!
//! The main content comes out as plain text, one paragraph per block, blank lines between.
//! That text, not the file's bytes, is what the article's spans index (see
//! [`super::Article::extracted_text`]): a page's markup and entities have no byte-exact copy
//! in it.

use dom_query::Document;
use dom_smoothie::{Config, Readability, TextMode};

use super::text::{kind_name, opening};

/// What a saved page holds.
#[derive(Debug, Default)]
pub(crate) struct Page {
    /// The main content: paragraphs separated by a blank line.
    pub text: String,
    pub title: Option<String>,
    pub byline: Option<String>,
    /// The publication date or time as the page writes it (`2026-02-03T08:10:00Z`).
    pub published: Option<String>,
    /// The canonical URL (`<link rel="canonical">`, `og:url`, JSON-LD `url`).
    pub url: Option<String>,
    pub site: Option<String>,
}

/// Whether `bytes` (or the file name) look like an HTML page.
pub(crate) fn is_html(file: &str, bytes: &[u8]) -> bool {
    let name = kind_name(file);
    if name.ends_with(".html") || name.ends_with(".htm") || name.ends_with(".xhtml") {
        return true;
    }
    let head = opening(bytes, 1024);
    let opens = |with: &str| head.get(..with.len()).is_some_and(|h| h.eq_ignore_ascii_case(with));
    opens("<!doctype html") || opens("<html")
}

/// The page's main content and metadata; `None` when no content was found.
pub(crate) fn read(html: &str) -> Option<Page> {
    let doc = Document::from(html);
    let first_attr = |sel: &str, attr: &str| {
        doc.select(sel)
            .nodes()
            .iter()
            .find_map(|n| n.attr(attr).map(|v| v.trim().to_string()).filter(|v| !v.is_empty()))
    };
    let canonical = first_attr(r#"link[rel="canonical"]"#, "href")
        .or_else(|| first_attr(r#"meta[property="og:url"]"#, "content"))
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    // The page's own date, where the meta tags and JSON-LD have none: the first `<time
    // datetime>` that `dom_smoothie` does not read.
    let time = first_attr("time[datetime]", "datetime");
    let cfg = Config { text_mode: TextMode::Formatted, ..Config::default() };
    let mut r = Readability::with_document(doc, None, Some(cfg)).ok()?;
    let a = r.parse().ok()?;
    let text = paragraphs(&a.text_content);
    if text.is_empty() {
        return None;
    }
    let some = |s: Option<String>| s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    let title = some(Some(a.title.to_string()));
    Some(Page {
        text,
        title,
        byline: some(a.byline),
        published: some(a.published_time).or(time),
        url: canonical.or_else(|| some(a.url).filter(|u| u.starts_with("http"))),
        site: some(a.site_name),
    })
}

/// The text of an HTML fragment (a feed item's content), as paragraphs; scripts and styles
/// left out.
pub(crate) fn fragment_text(html: &str) -> String {
    let doc = Document::fragment(html);
    doc.select("script, style, noscript, iframe").remove();
    paragraphs(&doc.formatted_text())
}

/// The formatted text as paragraphs: lines trimmed, runs of blank lines one blank line, and
/// the lines of one block joined by a blank line too (a block's line breaks are `<br>`s and
/// list items, which stand apart as paragraphs do).
fn paragraphs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let line = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{200b}');
        if line.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html>
<html lang="en"><head>
<title>Drones hit Odesa port | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2026-02-03T08:10:00Z">
<meta name="author" content="Jane Roe">
<link rel="canonical" href="https://news.example.com/2026/02/03/odesa-port">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Drones hit Odesa port</h1>
<p>Russian drones struck port infrastructure in Odesa overnight, injuring two workers and
starting a fire at a grain terminal, the regional governor said on Tuesday morning.</p>
<p>Air defences shot down 40 of the 52 drones launched at southern and central regions,
the air force said. Firefighters put out the blaze by dawn, officials said.</p>
<p>The port has been targeted repeatedly since the summer, when Russia left the deal that
had let grain ships sail from Ukrainian ports through the Black Sea.</p>
</article>
<footer>Share this article. Sign up for our newsletter. &copy; 2026 Example News</footer>
</body></html>"#;

    #[test]
    fn main_content_and_metadata() {
        let p = read(PAGE).expect("content");
        assert!(p.text.starts_with("Russian drones struck port infrastructure"), "{}", p.text);
        assert!(p.text.contains("\n\nAir defences shot down 40"), "{}", p.text);
        assert!(!p.text.contains("newsletter") && !p.text.contains("Sport"), "{}", p.text);
        assert_eq!(p.byline.as_deref(), Some("Jane Roe"));
        assert_eq!(p.published.as_deref(), Some("2026-02-03T08:10:00Z"));
        assert_eq!(p.url.as_deref(), Some("https://news.example.com/2026/02/03/odesa-port"));
        assert_eq!(p.site.as_deref(), Some("Example News"));
        assert!(p.title.as_deref().is_some_and(|t| t.starts_with("Drones hit Odesa port")));
    }

    #[test]
    fn time_element_and_json_ld() {
        let page = PAGE
            .replace(r#"<meta property="article:published_time" content="2026-02-03T08:10:00Z">"#, "")
            .replace("<h1>", r#"<time datetime="2026-02-04">4 Feb</time><h1>"#);
        assert_eq!(read(&page).and_then(|p| p.published).as_deref(), Some("2026-02-04"));
        let ld = PAGE.replace(
            r#"<meta property="article:published_time" content="2026-02-03T08:10:00Z">"#,
            r#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Drones hit Odesa port","datePublished":"2026-02-05T06:00:00+02:00"}</script>"#,
        );
        assert_eq!(read(&ld).and_then(|p| p.published).as_deref(), Some("2026-02-05T06:00:00+02:00"));
    }

    #[test]
    fn fragments_give_their_paragraphs() {
        let t = fragment_text("<p>One &amp; two.</p><script>var x;</script><p>Three<br>four.</p>");
        assert_eq!(t, "One & two.\n\nThree\n\nfour.");
    }

    #[test]
    fn pages_are_told_by_name_or_content() {
        assert!(is_html("a/page.HTML", b""));
        assert!(is_html("page.htm.gz", b""));
        assert!(is_html("saved.txt", b"\xef\xbb\xbf  <!DOCTYPE html><html>"));
        assert!(is_html("saved", b"<html><body>x</body></html>"));
        assert!(!is_html("notes.txt", b"Title: <html> in a headline\n\nText."));
    }
}
