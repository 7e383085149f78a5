//! Feeds: RSS (0.9x, 1.0, 2.0), Atom and JSON Feed, read by `feed-rs` into one model. Each
//! item is an article: its title, link, publication date, author, and its content (or, when
//! it has none, its summary), whose HTML is reduced to paragraphs.

use chrono::NaiveDate;

use super::text::{kind_name, opening};

/// One feed item, ready for the text pipeline.
#[derive(Debug, Default)]
pub(crate) struct Item {
    pub title: Option<String>,
    pub link: Option<String>,
    pub published: Option<NaiveDate>,
    pub author: Option<String>,
    /// The content or summary as plain paragraphs separated by blank lines.
    pub text: String,
}

/// A feed: its title (the publisher, as a rule) and its items, in the feed's order.
#[derive(Debug, Default)]
pub(crate) struct Feed {
    pub title: Option<String>,
    pub items: Vec<Item>,
}

/// Whether the file is a feed, by its name (`.rss`, `.atom`) or, for `.xml`, `.json` and
/// other names, by how it opens: an XML root `<rss>`, `<feed>` or `<rdf:RDF>`, or a JSON
/// object naming `jsonfeed.org`.
pub(crate) fn is_feed(file: &str, bytes: &[u8]) -> bool {
    let name = kind_name(file);
    if name.ends_with(".rss") || name.ends_with(".atom") {
        return true;
    }
    let head = opening(bytes, 2048);
    if head.starts_with('{') {
        return head.contains("jsonfeed.org/version");
    }
    head.starts_with('<') && ["<rss", "<feed", "<rdf:RDF"].iter().any(|root| head.contains(root))
}

/// Whether a file by this name must be a feed (so that anything else in it is an error).
pub(crate) fn named_as_feed(file: &str) -> bool {
    let name = kind_name(file);
    [".rss", ".atom", ".xml", ".json"].iter().any(|e| name.ends_with(e))
}

/// Read a feed. The error is one line, fit for a problem message.
pub(crate) fn read(bytes: &[u8]) -> Result<Feed, String> {
    let feed = feed_rs::parser::parse(bytes).map_err(|e| one_line(&e.to_string()))?;
    // Text that is HTML by its type, or that holds markup or entities anyway.
    let is_html = |t: &feed_rs::model::Text| {
        t.content_type.essence().to_string().contains("html") || t.content.contains(['<', '&'])
    };
    let text = |t: &feed_rs::model::Text| {
        if is_html(t) { super::html::fragment_text(&t.content) } else { t.content.trim().to_string() }
    };
    let plain = |t: &feed_rs::model::Text| {
        let s = text(t).split_whitespace().collect::<Vec<_>>().join(" ");
        (!s.is_empty()).then_some(s)
    };
    let items = feed
        .entries
        .iter()
        .map(|e| {
            let body = e
                .content
                .as_ref()
                .and_then(|c| c.body.as_deref())
                .map(super::html::fragment_text)
                .filter(|t| !t.trim().is_empty())
                .or_else(|| e.summary.as_ref().map(text))
                .unwrap_or_default();
            let link = e
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .or_else(|| e.links.first())
                .map(|l| l.href.trim().to_string())
                .filter(|h| h.starts_with("http://") || h.starts_with("https://"));
            Item {
                title: e.title.as_ref().and_then(plain),
                link,
                published: e.published.or(e.updated).map(|d| d.date_naive()),
                author: e.authors.iter().find_map(|p| p.name.clone()).filter(|n| !n.trim().is_empty()),
                text: body,
            }
        })
        .collect();
    Ok(Feed { title: feed.title.as_ref().and_then(plain), items })
}

fn one_line(s: &str) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out: String = s.chars().take(160).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feeds_are_told_by_name_or_root() {
        assert!(is_feed("news.rss", b""));
        assert!(is_feed("a/b.ATOM.gz", b""));
        assert!(is_feed("x.xml", b"<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel>"));
        assert!(is_feed("x.xml", b"<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"));
        assert!(is_feed("x.json", br#"{"version": "https://jsonfeed.org/version/1.1", "items": []}"#));
        assert!(!is_feed("x.json", br#"{"events": []}"#));
        assert!(!is_feed("notes.txt", b"An <rss> feed is a list of links."));
        assert!(!is_feed("sitemap.xml", b"<?xml version=\"1.0\"?><urlset>"));
    }
}
