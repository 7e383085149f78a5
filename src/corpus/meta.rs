//! What is known about an article besides its text: title, publication date and where it
//! came from, source and URL, gathered from front matter, headers, page metadata, datelines,
//! bylines, URLs and file names, best source first.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use super::article::DateSource;
use super::dates;
use super::front_matter::FrontMatter;
use super::scraped;
use super::text::{Line, trimmed, word_count};

/// Where a publication date came from, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Rank {
    FrontMatter,
    Header,
    /// A saved web page's meta tags, JSON-LD or `<time>` element.
    PageMeta,
    Dateline,
    /// The date a page shows under its headline ("Updated Feb 18, 2026").
    Byline,
    /// A scraped page's `timestamp`: when the scraper or search tool met the page, which
    /// may be days after it was published, so the page's own byline outranks it.
    PageTimestamp,
    Url,
    FileName,
}

impl Rank {
    pub(crate) fn source(self) -> DateSource {
        match self {
            Rank::FrontMatter => DateSource::FrontMatter,
            Rank::Header => DateSource::Header,
            Rank::PageTimestamp | Rank::PageMeta => DateSource::Metadata,
            Rank::Dateline => DateSource::Dateline,
            Rank::Byline => DateSource::Byline,
            Rank::Url | Rank::FileName => DateSource::Inferred,
        }
    }
}

/// What is known about an article besides its text.
#[derive(Debug, Default, Clone)]
pub(crate) struct Meta {
    pub title: Option<String>,
    pub date: Option<(NaiveDate, Rank)>,
    pub source: Option<String>,
    pub url: Option<String>,
    /// A site name split off the title (`Headline | News.az`) and the title as it was, until
    /// [`Meta::settle_site_suffix`] knows whether it names the page's site.
    pub site_suffix: Option<(String, String)>,
}

impl Meta {
    pub(crate) fn offer_date(&mut self, date: NaiveDate, rank: Rank) {
        if self.date.is_none_or(|(_, old)| rank < old) {
            self.date = Some((date, rank));
        }
    }

    pub(crate) fn offer_date_text(&mut self, text: &str, rank: Rank) {
        if let Some(f) = dates::find_date(text) {
            self.offer_date(f.date, rank);
        }
    }

    /// A `Source:` value: a publisher name, or a URL (then it is the article's URL).
    pub(crate) fn offer_source(&mut self, value: &str) {
        let v = trimmed(value);
        if v.is_empty() {
            return;
        }
        if looks_like_url(v) {
            self.url.get_or_insert_with(|| v.to_string());
        } else {
            self.source.get_or_insert_with(|| v.to_string());
        }
    }

    pub(crate) fn read_front_matter(&mut self, fm: &FrontMatter) {
        if let Some(t) = fm.get("title") {
            self.offer_title(t);
        }
        for key in ["date", "published", "published_at", "pubdate"] {
            if let Some(d) = fm.get(key) {
                self.offer_date_text(d, Rank::FrontMatter);
            }
        }
        for key in ["url", "link", "canonical"] {
            if let Some(u) = fm.get(key) {
                self.offer_url(u);
            }
        }
        for key in ["source", "publisher", "site"] {
            if let Some(s) = fm.get(key) {
                self.offer_source(s);
            }
        }
    }

    pub(crate) fn offer_url(&mut self, value: &str) {
        let v = trimmed(value);
        if !v.is_empty() {
            self.url.get_or_insert_with(|| v.to_string());
        }
    }

    /// Set the title, moving a site suffix (`Headline | News.az`) to the source.
    pub(crate) fn offer_title(&mut self, value: &str) {
        let v = trimmed(value);
        if v.is_empty() || self.title.is_some() {
            return;
        }
        let (main, site) = scraped::split_site_suffix(v);
        self.title = Some(main.to_string());
        self.site_suffix = site.map(|site| (v.to_string(), site.to_string()));
    }

    /// A site name split off the title is the source when it names the URL's host, or when
    /// there is no URL to ask; otherwise it was the headline's own end: a quote's speaker
    /// ("Hiring goals may not be met - Kelly") or a date ("29 January - 3 February 2017").
    pub(crate) fn settle_site_suffix(&mut self) {
        let Some((full, site)) = self.site_suffix.take() else { return };
        let host = self.url.as_deref().and_then(scraped::host);
        if host.is_none_or(|h| scraped::names_host(&site, h)) {
            self.source.get_or_insert(site);
        } else {
            self.title = Some(full);
        }
    }
}

fn looks_like_url(v: &str) -> bool {
    v.starts_with("http://") || v.starts_with("https://") || v.starts_with("www.")
}

/// `Read the Full BBC Article at:` `[ https://... ]`: the source and URL of a syndicated copy.
pub(crate) fn read_full_article_lines(
    src: &str,
    lines: &[Line],
    from: usize,
    to: usize,
    removed: &mut [bool],
    meta: &mut Meta,
) {
    static READ_FULL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\W*(?:read|view|see) (?:the )?(?:full|original|complete)(?: (.{1,60}?))? (?:article|story|report)(?: (?:at|on|here))?\W*?(?:\s*:\s*|\s+)?(.*)$")
            .expect("valid regex")
    });
    static URL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"https?://[^\s\]\)>]+").expect("valid regex"));
    for i in from..to {
        let t = trimmed(lines[i].text(src));
        if t.len() > 300 || !may_read_full(t) {
            continue;
        }
        let Some(c) = READ_FULL.captures(t) else {
            continue;
        };
        removed[i] = true;
        if let Some(name) = c.get(1) {
            let name = trimmed(name.as_str());
            if !name.is_empty() && word_count(name, 8) <= 5 {
                meta.source.get_or_insert_with(|| name.to_string());
            }
        }
        let mut url = c.get(2).and_then(|m| URL.find(m.as_str())).map(|m| m.as_str().to_string());
        if url.is_none()
            && let Some(j) = (i + 1..to.min(i + 3)).find(|&j| !trimmed(lines[j].text(src)).is_empty())
        {
            let next = trimmed(lines[j].text(src));
            if let Some(m) = URL.find(next)
                && next.len() <= m.as_str().len() + 6
            {
                removed[j] = true;
                url = Some(m.as_str().to_string());
            }
        }
        if let Some(u) = url {
            meta.offer_url(&u);
        }
    }
}

/// Whether `t` may match `READ_FULL`, whose first word character (after `^\W*`) must be the
/// `r`, `v` or `s` of "read", "view" or "see": checked on the first ASCII letter, digit or `_`
/// (ASCII word characters; every other ASCII character is `\W`). A line that reaches a
/// non-ASCII character first is left to the pattern. Most lines are spared the pattern's
/// search, ~400 instructions a line.
fn may_read_full(t: &str) -> bool {
    t.bytes()
        .find(|&b| b.is_ascii_alphanumeric() || b == b'_' || !b.is_ascii())
        .is_some_and(|b| !b.is_ascii() || matches!(b.to_ascii_lowercase(), b'r' | b'v' | b's'))
}

/// `2026-02-04-kyiv-attack.txt`: a date in the file name.
pub(crate) fn file_name_date(file: &str) -> Option<NaiveDate> {
    let name = file.rsplit(['/', '\\']).next().unwrap_or(file);
    static NAME_DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[-_ .])((?:19|20)\d\d)[-_.](\d\d)[-_.](\d\d)(?:[-_ .]|$)").expect("valid regex")
    });
    let c = NAME_DATE.captures(name)?;
    NaiveDate::from_ymd_opt(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)
}
