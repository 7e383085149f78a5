//! One file in, its articles out: format detection, metadata, candidate paragraphs,
//! captions, debris, splitting, dates, titles and sources.

use std::collections::{HashMap, HashSet};

use super::article::{Article, Caption, DateSource, Extra, Span};
use super::assemble::Body;
use super::boilerplate::{self, Class, Context};
use super::broken;
use super::candidate::{Cand, MAX_ARTICLE, Role, candidates, cut_debris_sentences, keep_flags, split_long};
use super::captions;
use super::dates;
use super::error::LoadError;
use super::feed;
use super::front_matter;
use super::headers::{self, Key};
use super::html;
use super::inline;
use super::meta::{Meta, Rank, file_name_date, read_full_article_lines};
use super::scraped::{self, Page};
use super::split::{self, Start, View};
use super::text::{
    FnvBuild, Line, count_bytes, first_sentence, is_headline_like, lines_in, prefix, shorten, trimmed, word_count,
};

/// Check that the bytes are text and return them as a string.
fn check_text(bytes: &[u8]) -> Result<&str, LoadError> {
    if bytes.is_empty() {
        return Err(LoadError::Empty);
    }
    if let Some(offset) = memchr::memchr(0, bytes) {
        return Err(LoadError::Binary { offset });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| LoadError::InvalidUtf8 { offset: e.valid_up_to() })?;
    let control = count_bytes(bytes, |b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c));
    let percent = control * 100 / bytes.len();
    if control > 0 && percent >= 5 {
        return Err(LoadError::NotText { percent: percent.max(1) });
    }
    if trimmed(text).is_empty() {
        return Err(LoadError::Empty);
    }
    Ok(text)
}

/// Parse one file. `file` is the name the articles carry (`seeds/NAME` or the path as given).
/// A gzip file is read through; a saved web page (by name or content) is read as HTML.
pub fn parse_file(file: &str, bytes: &[u8]) -> Result<Vec<Article>, LoadError> {
    if bytes.starts_with(&GZIP_MAGIC) {
        let inner = gunzip(bytes)?;
        return parse_file(file, &inner);
    }
    if feed::is_feed(file, bytes) {
        return parse_feed(file, bytes);
    }
    if html::is_html(file, bytes) {
        return parse_html(file, bytes);
    }
    if let Some(decoded) = utf16(bytes) {
        return parse_decoded(file, decoded);
    }
    if feed::named_as_feed(file) {
        return Err(LoadError::NotFeed { detail: "neither RSS, Atom nor JSON Feed".into() });
    }
    let src = match check_text(bytes) {
        Err(LoadError::InvalidUtf8 { .. }) if !has_utf8_sequence(bytes) => {
            return parse_decoded(file, windows_1252(bytes));
        }
        r => r?,
    };
    let bom = if src.starts_with('\u{FEFF}') { 3 } else { 0 };
    let lines = lines_in(src, bom, src.len());
    let mut meta = Meta::default();
    let mut removed = vec![false; lines.len()];

    let page = if scraped::detect(src, &lines) { Some(scraped::parse(src, &lines)) } else { None };
    let (from, to) = match &page {
        Some(p) => p.content,
        None => match front_matter::parse(src, &lines) {
            Some(fm) => {
                meta.read_front_matter(&fm);
                (fm.body_line, lines.len())
            }
            None => (0, lines.len()),
        },
    };

    if let Some(p) = &page {
        if let Some(u) = &p.url {
            meta.offer_url(u);
        }
        if let Some(ts) = &p.timestamp {
            meta.offer_date_text(ts, Rank::PageTimestamp);
        }
    } else {
        for h in headers::scan(src, &lines[from..to]) {
            removed[from + h.line] = true;
            match h.key {
                Key::Title => meta.offer_title(&h.value),
                Key::Date => meta.offer_date_text(&h.value, Rank::Header),
                Key::Source => meta.offer_source(&h.value),
                Key::Url => meta.offer_url(&h.value),
                Key::Other => {}
            }
        }
    }
    read_full_article_lines(src, &lines, from, to, &mut removed, &mut meta);

    let mut cands = classified(src, &lines, (from, to), &removed, page.as_ref());
    let counts = repeats(src, &cands);

    match &page {
        Some(p) => match scraped_article(file, src, p, &mut cands, &counts, meta) {
            Some(a) => Ok(vec![a]),
            None => {
                let detail = match p.http_status {
                    Some(s) if s >= 400 => {
                        let first = cands.first().map_or("", |c| c.text(src));
                        format!(" (an HTTP {s} error page: {:?})", prefix(first, 60))
                    }
                    _ => String::new(),
                };
                Err(LoadError::NoText { detail })
            }
        },
        None => {
            let articles = plain_articles(file, src, &mut cands, &counts, &meta);
            if articles.is_empty() {
                return Err(LoadError::NoText { detail: String::new() });
            }
            Ok(articles)
        }
    }
}

/// The candidate paragraphs of `lines[from..to]`, classified, long debris paragraphs cut
/// at their sentences.
fn classified(
    src: &str,
    lines: &[Line],
    (from, to): (usize, usize),
    removed: &[bool],
    page: Option<&Page>,
) -> Vec<Cand> {
    let rejoin = page.map(|p| broken::Page { links: &p.links, headings: &p.headings });
    let mut cands = candidates(src, lines, from, to, removed, rejoin.as_ref());
    let no_links = HashSet::new();
    let ctx = Context { scraped: page.is_some(), links: page.map_or(&no_links, |p| &p.links) };
    for c in &mut cands {
        let t = c.text(src);
        (c.class, c.words) = boilerplate::classify(t, c.broken, &ctx);
        c.caption_form = captions::is_caption(t);
    }
    split_long(src, cut_debris_sentences(src, cands, &ctx))
}

/// How often each candidate's text (of four words or more) occurs: a repeated line is a
/// caption or page furniture.
fn repeats<'a>(src: &'a str, cands: &[Cand]) -> HashMap<&'a str, usize, FnvBuild> {
    let mut counts: HashMap<&str, usize, FnvBuild> =
        HashMap::with_capacity_and_hasher(cands.len(), FnvBuild::default());
    for c in cands {
        if c.words >= 4 {
            *counts.entry(c.text(src)).or_default() += 1;
        }
    }
    counts
}

/// A text that is not UTF-8: UTF-16 with a byte order mark, decoded.
fn utf16(bytes: &[u8]) -> Option<(String, &'static str)> {
    let (enc, bom) = encoding_rs::Encoding::for_bom(bytes)?;
    (enc != encoding_rs::UTF_8).then(|| (enc.decode_without_bom_handling(&bytes[bom..]).0.into_owned(), enc.name()))
}

/// Bytes that are not UTF-8 (and hold no NUL) read as Windows-1252, the superset of
/// Latin-1 that older Western European files are in: every byte is a character there.
fn windows_1252(bytes: &[u8]) -> (String, &'static str) {
    let enc = encoding_rs::WINDOWS_1252;
    (enc.decode_without_bom_handling(bytes).0.into_owned(), enc.name())
}

/// Whether `bytes` hold a valid multi-byte UTF-8 sequence: then a byte that is not UTF-8 is
/// a fault in a UTF-8 file (cut short, damaged), not a sign of another encoding (a
/// Windows-1252 text almost never forms one).
fn has_utf8_sequence(bytes: &[u8]) -> bool {
    bytes.utf8_chunks().any(|c| !c.valid().is_ascii())
}

/// Parse a text decoded from another encoding: its spans index the decoded text, which the
/// articles carry, and they say which encoding it was.
fn parse_decoded(file: &str, (text, encoding): (String, &'static str)) -> Result<Vec<Article>, LoadError> {
    let mut arts = parse_file(file, text.as_bytes())?;
    let text: std::sync::Arc<str> = text.into();
    for a in &mut arts {
        let extra = a.extra.get_or_insert_with(Box::default);
        extra.text.get_or_insert_with(|| std::sync::Arc::clone(&text));
        extra.encoding = Some(encoding.to_string());
    }
    Ok(arts)
}

/// A gzip file starts with these bytes.
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// The bytes of a gzip file, at most [`super::load::MAX_FILE_SIZE`] of them.
fn gunzip(bytes: &[u8]) -> Result<Vec<u8>, LoadError> {
    use std::io::Read;
    let limit = super::load::MAX_FILE_SIZE;
    let mut out = Vec::with_capacity(bytes.len().saturating_mul(4).min(64 << 20));
    flate2::read::MultiGzDecoder::new(bytes)
        .take(limit + 1)
        .read_to_end(&mut out)
        .map_err(|e| LoadError::Gzip { detail: e.to_string() })?;
    if out.len() as u64 > limit {
        return Err(LoadError::TooLarge { size: out.len() as u64, limit });
    }
    Ok(out)
}

/// HTML larger than this is refused: its document tree would take about ten times as much
/// memory, and no article page comes near it.
const MAX_HTML_SIZE: usize = 64 << 20;

/// A saved web page: its main content (see [`html`]) read as a plain text whose metadata
/// the page gave. The articles' spans index that text, which they carry.
fn parse_html(file: &str, bytes: &[u8]) -> Result<Vec<Article>, LoadError> {
    if bytes.len() > MAX_HTML_SIZE {
        return Err(LoadError::TooLarge { size: bytes.len() as u64, limit: MAX_HTML_SIZE as u64 });
    }
    // Pages in other encodings keep their ASCII; a stray byte becomes U+FFFD.
    let html = String::from_utf8_lossy(bytes);
    if bytes.len() <= 4096 && trimmed(&html).is_empty() {
        return Err(LoadError::Empty);
    }
    let page =
        html::read(&html).ok_or_else(|| LoadError::NoText { detail: " (no main content in the page)".into() })?;
    let mut meta = Meta::default();
    if let Some(t) = &page.title {
        meta.offer_title(t);
    }
    if let Some(d) = &page.published {
        meta.offer_date_text(d, Rank::PageMeta);
    }
    if let Some(u) = &page.url {
        meta.offer_url(u);
    }
    if let Some(site) = &page.site {
        meta.offer_source(site);
    }
    from_extracted(file, &page.text, meta, page.byline.as_deref())
        .ok_or_else(|| LoadError::NoText { detail: " (the page's main content is all page furniture)".into() })
}

/// The articles of a text extracted from a page or a feed item (paragraphs separated by
/// blank lines), whose metadata came with it: the extractor chose the content already, in
/// any language, so a paragraph stays unless it is page furniture by its words ("Share
/// this", "Read more", a date stamp) or a caption. The articles carry the text, which their
/// spans index. `None` when nothing is left.
fn from_extracted(file: &str, src: &str, meta: Meta, byline: Option<&str>) -> Option<Vec<Article>> {
    let lines = lines_in(src, 0, src.len());
    let removed = vec![false; lines.len()];
    let mut cands = classified(src, &lines, (0, lines.len()), &removed, None);
    for c in &mut cands {
        c.class =
            if c.class == Class::Bad && boilerplate::is_furniture(c.text(src)) { Class::Bad } else { Class::Good };
    }
    let counts = repeats(src, &cands);
    let mut articles = plain_articles(file, src, &mut cands, &counts, &meta);
    if articles.is_empty() {
        return None;
    }
    let text: std::sync::Arc<str> = src.into();
    for a in &mut articles {
        let text = Some(std::sync::Arc::clone(&text));
        a.extra = Some(Box::new(Extra { byline: byline.map(str::to_string), text, ..Extra::default() }));
    }
    Some(articles)
}

/// A feed: an article per item that has text (see [`feed`]), numbered by its place in the
/// feed (`news.rss#3`).
fn parse_feed(file: &str, bytes: &[u8]) -> Result<Vec<Article>, LoadError> {
    let f = feed::read(bytes).map_err(|e| LoadError::NotFeed { detail: e })?;
    if f.items.is_empty() {
        return Err(LoadError::NoText { detail: " (a feed without items)".into() });
    }
    let mut out = Vec::new();
    for (k, item) in f.items.iter().enumerate() {
        let mut meta = Meta::default();
        if let Some(t) = &item.title {
            meta.offer_title(t);
        }
        if let Some(d) = item.published {
            meta.offer_date(d, Rank::PageMeta);
        }
        if let Some(u) = &item.link {
            meta.offer_url(u);
        }
        if let Some(t) = &f.title {
            meta.offer_source(t);
        }
        let Some(articles) = from_extracted(file, &item.text, meta, item.author.as_deref()) else { continue };
        // One item is one story: its first article (an item does not split into several).
        if let Some(mut a) = articles.into_iter().next() {
            a.index = k;
            a.id = format!("{file}#{k}");
            out.push(a);
        }
    }
    if out.is_empty() {
        return Err(LoadError::NoText { detail: " (no item of the feed has text)".into() });
    }
    Ok(out)
}

/// The articles of a plain text (with or without front matter or headers): one, or several
/// when the page holds several stories one after another.
fn plain_articles(
    file: &str,
    src: &str,
    cands: &mut [Cand],
    counts: &HashMap<&str, usize, FnvBuild>,
    meta: &Meta,
) -> Vec<Article> {
    // A text pasted more than once: (nearly) all its prose repeats, but for a sentence
    // running across the seam. Repetition then says nothing of captions; the text is read up
    // to where its second copy begins.
    let count = |c: &Cand| counts.get(c.text(src)).copied().unwrap_or(0);
    let (mut prose, mut repeats) = (0usize, 0usize);
    for c in cands.iter().filter(|c| matches!(c.class, Class::Good | Class::NearGood) && c.words >= 4) {
        prose += c.end - c.start;
        if count(c) >= 2 {
            repeats += c.end - c.start;
        }
    }
    let pasted_again = prose > 0 && repeats * 10 >= prose * 9;
    let cands = if pasted_again {
        let end = second_copy(src, cands).unwrap_or(cands.len());
        for c in &mut cands[end..] {
            c.role = Role::Drop;
        }
        &mut cands[..end]
    } else {
        cands
    };
    let repeated = |c: &Cand| !pasted_again && c.words >= 4 && count(c) >= 2;
    let views: Vec<View<'_>> = cands
        .iter()
        .map(|c| View {
            text: c.text(src),
            blank_before: c.blank_before,
            caption_like: c.caption_form || repeated(c),
            caption_form: c.caption_form,
            words: c.words,
            dateish: is_dateish(c.text(src)),
        })
        .collect();
    let starts = split::find_starts(&views);
    // The headlines that start articles and their repetitions are no captions.
    for s in &starts {
        cands[s.at].role = Role::Drop;
        if let Some(r) = s.repeat {
            cands[r].role = Role::Drop;
        }
    }
    // Captions: by form, by repetition, or the line before a credit-only line.
    for c in cands.iter_mut() {
        if c.role == Role::Text && (c.caption_form || repeated(c)) {
            c.role = Role::Caption;
        }
    }
    credit_captions(src, cands);
    let mut segments: Vec<(usize, usize, Option<Start>)> = Vec::new();
    let first_start = starts.first().map_or(cands.len(), |s| s.at);
    if first_start > 0 {
        segments.push((0, first_start, None));
    }
    for (k, s) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(cands.len(), |n| n.at);
        segments.push((s.at, end, Some(*s)));
    }
    let several = segments.len() > 1;
    let mut articles = Vec::new();
    for (a, z, start) in segments {
        let title = start.map(|s| {
            // Between the headline and its repetition: captions and scraps ("TT").
            for c in &mut cands[s.at..=s.repeat.unwrap_or(s.at)] {
                if c.role == Role::Text {
                    c.role = Role::Drop;
                }
            }
            cands[s.at].text(src).to_string()
        });
        // A debris-only stretch before the first headline is not an article.
        let has_prose = cands[a..z].iter().any(|c| c.role == Role::Text && c.class == Class::Good);
        if several && start.is_none() && !has_prose {
            continue;
        }
        // A text too long for one article is loaded as parts, cut between paragraphs.
        let mut from = a;
        let mut first_title: Option<String> = None;
        for (k, to) in parts(cands, a, z).into_iter().enumerate() {
            let index = articles.len();
            let title = match &first_title {
                Some(t) => Some(format!("{t} (part {})", k + 1)),
                None => title.clone(),
            };
            if let Some(art) = plain_article(file, index, src, &mut cands[from..to], title, meta.clone()) {
                first_title.get_or_insert_with(|| art.title.clone());
                articles.push(art);
            }
            from = to;
        }
    }
    articles
}

/// Where a text pasted more than once starts again: where its first repeated paragraph
/// comes again followed by the same paragraphs (up to three in all, in the same order; a
/// paragraph may repeat inside one copy, a stock phrase of a wire story, and the seam between
/// two copies may run two sentences into one).
fn second_copy(src: &str, cands: &[Cand]) -> Option<usize> {
    let texts: Vec<&str> = cands.iter().map(|c| c.text(src)).collect();
    let mut count: HashMap<&str, usize, FnvBuild> = HashMap::with_capacity_and_hasher(texts.len(), FnvBuild::default());
    for t in &texts {
        *count.entry(t).or_default() += 1;
    }
    let f = texts.iter().position(|t| count[t] >= 2)?;
    let run = (texts.len() - f).min(3);
    (f + 1..texts.len()).find(|&j| (0..run).all(|k| texts.get(j + k).is_none_or(|t| *t == texts[f + k])))
}

/// Where the parts of `cands[a..z]` end: after about [`MAX_ARTICLE`] bytes of text each
/// (just `z` for nearly every text).
fn parts(cands: &[Cand], a: usize, z: usize) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut size = 0;
    for (i, c) in cands.iter().enumerate().take(z).skip(a) {
        // (With the space or blank line that joins it to the one before.)
        let len = c.end - c.start + 2;
        if size > 0 && size + len > MAX_ARTICLE {
            ends.push(i);
            size = 0;
        }
        size += len;
    }
    ends.push(z);
    ends
}

/// A byline or a date stamp: never a headline.
fn is_dateish(t: &str) -> bool {
    dates::byline_date(t).is_some() || dates::is_stamp(t)
}

/// Build the article of a plain text segment.
fn plain_article(
    file: &str,
    index: usize,
    src: &str,
    cands: &mut [Cand],
    split_title: Option<String>,
    mut meta: Meta,
) -> Option<Article> {
    let mut title = split_title;
    if title.is_none() {
        // The headline: the first title-like line before the prose begins (after a kicker
        // such as "UKRAINE" or a byline, which are debris), or a markdown `# ` heading.
        for c in cands.iter_mut() {
            if c.role != Role::Text {
                continue;
            }
            let t = c.text(src);
            if let Some(mt) = &meta.title {
                // The headline is known already: drop its copy at the top of the text.
                if scraped::same_norm(t, mt) {
                    c.role = Role::Drop;
                }
                break;
            }
            if c.class != Class::Bad && is_headline_like(t) && !is_dateish(t) {
                title = Some(t.to_string());
                c.role = Role::Drop;
                break;
            }
            if matches!(c.class, Class::Good | Class::NearGood) {
                break;
            }
        }
    }
    let keep = keep_flags(cands, false);
    if title.is_some() {
        meta.title = title;
    }
    build(file, index, src, cands, &keep, &mut meta, (0, None))
}

/// A line that is only a photo credit (`Name/AFP/Getty Images`) is a caption, and so is the
/// line right before it.
fn credit_captions(src: &str, cands: &mut [Cand]) {
    for i in 0..cands.len() {
        let candidate = matches!(cands[i].role, Role::Text | Role::Caption);
        if !candidate || !captions::is_credit_only(cands[i].text(src)) {
            continue;
        }
        cands[i].role = Role::Caption;
        let prev_is_caption =
            i > 0 && cands[i - 1].role == Role::Text && cands[i - 1].words <= 80 && !cands[i].blank_before;
        if prev_is_caption {
            cands[i - 1].role = Role::Caption;
        }
    }
}

/// How many candidates after a headline occurrence count as its story.
const HEADLINE_REACH: usize = 80;

/// Build the article of a scraped page.
fn scraped_article(
    file: &str,
    src: &str,
    page: &Page,
    cands: &mut [Cand],
    counts: &HashMap<&str, usize, FnvBuild>,
    mut meta: Meta,
) -> Option<Article> {
    let html_title = cands.first().map_or("", |c| c.text(src)).to_string();
    // Which outline headings appear as content lines (only lines of a fitting length are
    // normalised: this looks at every line of the page).
    let heading_norms: HashSet<String> = page.h1.iter().map(|h| scraped::norm(h)).collect();
    let longest = page.h1.iter().map(String::len).max().unwrap_or(0);
    let mut present: HashSet<String> = HashSet::new();
    for c in cands.iter().filter(|c| c.end - c.start <= longest + 16) {
        let n = scraped::norm(c.text(src));
        if heading_norms.contains(&n) {
            present.insert(n);
        }
    }
    let mut title = scraped::choose_title(page, &html_title, &present);
    if page.h1.is_empty() && title.as_deref().is_none_or(|t| !is_headline_like(t)) {
        // No outline and no usable HTML title: the first headline-like line followed by prose.
        let found = (1..cands.len()).find(|&i| {
            cands[i].class == Class::Heading
                && is_headline_like(cands[i].text(src))
                && cands[i + 1..cands.len().min(i + 11)].iter().any(|c| c.class == Class::Good)
        });
        if let Some(i) = found {
            title = Some(cands[i].text(src).to_string());
        }
    }
    let (_, site) = scraped::split_site_suffix(&html_title);
    if let Some(site) = site {
        meta.source.get_or_insert_with(|| site.to_string());
    }
    let title_norm = title.as_deref().map(scraped::norm).unwrap_or_default();
    // Short titles ("Ukraine") only match exactly; long ones also when cut or extended.
    let fuzzy = title_norm.split(' ').count() >= 4;
    let title_head = title_norm.chars().next();
    let matches_title = |t: &str| {
        let plausible = t.len() <= 2 * title_norm.len() + 64
            && 2 * t.len() + 8 >= title_norm.len()
            && scraped::norm_head(t) == title_head;
        if title_norm.is_empty() || !plausible {
            return false;
        }
        let n = scraped::norm(t);
        n == title_norm
            || (fuzzy && n.len() >= 20 && title_norm.starts_with(&n))
            || (fuzzy && n.starts_with(&title_norm) && n.len() <= title_norm.len() + 40)
    };
    // The story starts after the occurrence of the headline followed by the most prose.
    let good_words_after = |i: usize| -> usize {
        cands[i + 1..cands.len().min(i + 1 + HEADLINE_REACH)]
            .iter()
            .filter(|c| c.class == Class::Good)
            .map(|c| c.words)
            .sum()
    };
    let is_title: Vec<bool> = cands.iter().map(|c| matches_title(c.text(src))).collect();
    let occurrences: Vec<(usize, usize)> =
        (1..cands.len()).filter(|&i| is_title[i]).map(|i| (i, good_words_after(i))).collect();
    let most = occurrences.iter().map(|&(_, w)| w).max().unwrap_or(0);
    // The first occurrence followed by (about) as much prose as any: later ones may sit inside
    // the story or in lists of related stories.
    let body_from = occurrences.iter().find(|&&(_, w)| most > 0 && w * 2 >= most).map_or(1, |&(i, _)| i + 1);
    let mut seen: HashSet<&str, FnvBuild> = HashSet::default();
    for (i, c) in cands.iter_mut().enumerate() {
        let t = c.text(src);
        // Lines the page outline lists as headings are headings (section titles, or the
        // headlines of related stories), not prose.
        if matches!(c.class, Class::Good | Class::NearGood) && page.headings.contains(t) {
            c.class = Class::Heading;
        }
        if i < body_from || is_title[i] {
            c.role = Role::Drop;
            continue;
        }
        if c.caption_form {
            c.role = Role::Caption;
            continue;
        }
        let n = counts.get(t).copied().unwrap_or(0);
        if c.words >= 4 && (n >= 3 || (n == 2 && !seen.insert(t))) {
            c.role = Role::Drop;
        }
    }
    drop_previews(src, cands);
    let from = body_from.min(cands.len());
    credit_captions(src, &mut cands[from..]);
    let mut keep = keep_flags(cands, true);
    main_story(src, cands, body_from, &mut keep);
    // Where the story starts, before sentences around it join it (a standfirst may come
    // before the byline).
    let story_start = keep.iter().position(|&k| k);
    story_sentences(src, cands, counts, body_from, &mut keep);
    widget_sentences(src, cands, &mut keep);
    if !keep.iter().any(|&k| k) {
        // Nothing reads as a story (a paywall, a stub): keep the sentences near the headline.
        let reach = cands.len().min(body_from + HEADLINE_REACH);
        for i in body_from..reach {
            let c = &cands[i];
            keep[i] = c.role == Role::Text && matches!(c.class, Class::Good | Class::NearGood) && c.words >= 8;
        }
    }
    // Captions after the story belong to the teasers and footers that follow it.
    if let Some(last) = keep.iter().rposition(|&k| k) {
        for c in &mut cands[last + 1..] {
            if c.role == Role::Caption {
                c.role = Role::Drop;
            }
        }
    }
    if title.is_some() {
        meta.title = title;
    }
    build(file, 0, src, cands, &keep, &mut meta, (body_from.saturating_sub(1), story_start))
}

/// A link's words repeated by the next paragraph are at least this many words.
const PREVIEW_WORDS: usize = 3;

/// Some scrapers print a paragraph twice: broken at its link, then whole ("As reported by" /
/// "General Staff of the Armed Forces" / "According to the General Staff of the Armed Forces,
/// 120 engagements ..."). The broken copy, whose last piece the next paragraph repeats, goes:
/// kept first, it would stand for the story's lead.
fn drop_previews(src: &str, cands: &mut [Cand]) {
    for i in 1..cands.len() {
        let (head, tail) = cands.split_at_mut(i);
        let (c, next) = (&mut head[i - 1], &tail[0]);
        if !c.broken || c.role != Role::Text || next.end - next.start <= c.end - c.start {
            continue;
        }
        let last = trimmed(c.text(src).rsplit('\n').next().unwrap_or(""));
        if word_count(last, PREVIEW_WORDS) >= PREVIEW_WORDS && next.text(src).contains(last) {
            c.role = Role::Drop;
        }
    }
}

/// Kept paragraphs further apart than this (in debris lines) form separate blocks.
const SAME_BLOCK_GAP: usize = 3;
/// A block this close to a kept block joins the story.
const NEAR_GAP: usize = 12;
/// A block starting this close after the headline is the story's lead.
const LEAD_REACH: usize = 15;

/// On a web page, keep the story and drop far-away prose: author bios, teasers of related
/// stories, newsletter blurbs, event listings. The story is the block of kept paragraphs
/// with the most words; other blocks stay when they are close to it (not across a
/// "Related" or "About the author" line), or substantial and dense on their own.
fn main_story(src: &str, cands: &[Cand], body_from: usize, keep: &mut [bool]) {
    struct Block {
        members: Vec<usize>,
        words: usize,
        /// Debris lines inside the block.
        inner_gap: usize,
        /// Debris lines before the block, and whether they announce related material.
        gap_before: usize,
        marker_before: bool,
    }
    let mut blocks: Vec<Block> = Vec::new();
    let mut gap = 0;
    let mut marker = false;
    for (i, c) in cands.iter().enumerate() {
        if c.role != Role::Text {
            continue;
        }
        let t = c.text(src);
        if !keep[i] {
            // Fragments of prose broken by links ("slowed", "according to") weigh nothing.
            if t.chars().next().is_some_and(|ch| ch.is_uppercase() || ch.is_numeric()) {
                gap += 1;
            }
            marker |= boilerplate::is_section_end(t);
            continue;
        }
        match blocks.last_mut() {
            Some(b) if gap <= SAME_BLOCK_GAP && !marker => {
                b.members.push(i);
                b.words += c.words;
                b.inner_gap += gap;
            }
            _ => blocks.push(Block {
                members: vec![i],
                words: c.words,
                inner_gap: 0,
                gap_before: gap,
                marker_before: marker,
            }),
        }
        gap = 0;
        marker = false;
    }
    let Some(main) = (0..blocks.len()).max_by_key(|&b| (blocks[b].words, std::cmp::Reverse(b))) else {
        return;
    };
    let substantial = |b: &Block| {
        let paras = b.members.len();
        b.inner_gap <= paras && ((paras >= 4 && b.words >= 150) || b.words >= 300)
    };
    // Whether `b` continues the story across the gap `between` (the block after the gap
    // records it): close by, and past a "Related" line only when it reads like story text
    // (several paragraphs, few debris lines between them; author bios and teaser lists have
    // a name or a date line between every paragraph).
    let continues = |b: &Block, between: &Block| {
        let dense = b.members.len() >= 2 && b.inner_gap <= b.members.len() && b.words >= 50;
        between.gap_before <= NEAR_GAP && (!between.marker_before || dense)
    };
    // The story also starts right after its headline: the first block there is its lead.
    let lead = blocks.first().filter(|b| body_from > 1 && b.members[0] < body_from + LEAD_REACH).map(|_| 0);
    let mut kept = vec![false; blocks.len()];
    for b in 0..blocks.len() {
        kept[b] = b == main
            || Some(b) == lead
            || substantial(&blocks[b])
            || (b > 0 && kept[b - 1] && continues(&blocks[b], &blocks[b]));
    }
    for b in (0..blocks.len().saturating_sub(1)).rev() {
        kept[b] |= kept[b + 1] && continues(&blocks[b], &blocks[b + 1]);
    }
    for (b, block) in blocks.iter().enumerate() {
        if !kept[b] {
            for &i in &block.members {
                keep[i] = false;
            }
        }
    }
}

/// A sentence this many candidates or fewer from the story on both sides is part of it.
const STORY_REACH: usize = 15;
/// Lines broken at links make a sentence of the story's from this many words on.
const SCRAP_WORDS: usize = 8;

/// On a web page, a sentence alone among debris (figures and labels of an infographic, the
/// scraps of a paragraph broken at its links) is judged lonely and dropped, like a teaser.
/// Inside the story (kept text close before it, or the headline, and close after it) it is
/// the story's: "Other neighbouring countries receiving refugees include Romania, Moldova and
/// Hungary." between the figures of a chart. Not a figure with its label, a line in title case
/// (a headline, an advertisement) nor one the page repeats (a teaser, listed again with the
/// related stories).
fn story_sentences(
    src: &str,
    cands: &[Cand],
    counts: &HashMap<&str, usize, FnvBuild>,
    body_from: usize,
    keep: &mut [bool],
) {
    let is_marker = |j: usize| cands[j].role == Role::Text && boilerplate::is_section_end(cands[j].text(src));
    let mut prev_kept: Option<usize> = None;
    let mut add = Vec::new();
    for (i, c) in cands.iter().enumerate() {
        if keep[i] {
            prev_kept = Some(i);
            continue;
        }
        if c.role != Role::Text || !matches!(c.class, Class::Good | Class::NearGood) {
            continue;
        }
        let from = match prev_kept {
            Some(p) if i - p <= STORY_REACH => p + 1,
            None if i >= body_from && i - body_from <= STORY_REACH => body_from,
            _ => continue,
        };
        let t = c.text(src);
        // A figure and its label broken apart ("12.7 million" / "people in need") is a tile
        // of an infographic, not a sentence; a few words broken at a link ("The publisher
        // officially" / "confirmed") are a scrap.
        let figure = c.broken && word_count(t.split('\n').next().unwrap_or(""), 3) < 3;
        let scrap = c.broken && c.words < SCRAP_WORDS;
        let sentence = !figure
            && !scrap
            && t.chars().next().is_some_and(|ch| ch.is_uppercase() || ch.is_numeric() || "\"“‘«".contains(ch));
        if sentence
            && counts.get(t).copied().unwrap_or(0) <= 1
            && !broken::is_title_case(t)
            && !(from..i).any(is_marker)
        {
            add.push(i);
        }
    }
    // Kept only when the story goes on close after it, with no "Related" line between.
    for i in add {
        let next = (i + 1..cands.len().min(i + 1 + STORY_REACH)).take_while(|&j| !is_marker(j)).any(|j| keep[j]);
        if next {
            keep[i] = true;
        }
    }
}

/// A button of a widget is a line this short ("DONATE NOW", "Subscribe now").
const BUTTON_WORDS: usize = 4;
/// A widget's pitch is at most this many short sentences before or after its button.
const PITCH_LINES: usize = 2;

/// Short sentences next to a widget's button are its pitch, not the story's: "We bring you
/// stories from the ground." / "Your support keeps our team in the field." / "DONATE NOW".
fn widget_sentences(src: &str, cands: &[Cand], keep: &mut [bool]) {
    let pitch = |j: usize| cands[j].role == Role::Text && cands[j].class == Class::NearGood;
    let button = |j: usize| {
        cands[j].role == Role::Text
            && cands[j].words <= BUTTON_WORDS
            && boilerplate::has_strong_phrase(cands[j].text(src))
    };
    let mut drop = Vec::new();
    for i in (0..cands.len()).filter(|&i| keep[i] && pitch(i)) {
        // The button within reach after it (through the rest of the pitch), or before it.
        let after = (i + 1..cands.len().min(i + 1 + PITCH_LINES)).find(|&j| !pitch(j)).is_some_and(button);
        let before = (i.saturating_sub(PITCH_LINES)..i).rev().find(|&j| !pitch(j)).is_some_and(button);
        if after || before {
            drop.push(i);
        }
    }
    for i in drop {
        keep[i] = false;
    }
}

/// Assemble the article from the kept candidates.
/// The title is `meta.title`, or the first sentence of the body; `byline` is where to start
/// looking for a byline (the headline, on a web page) and, when kept text may come before it,
/// where the story starts (the byline is looked for up to there, else up to the first kept
/// paragraph).
fn build(
    file: &str,
    index: usize,
    src: &str,
    cands: &[Cand],
    keep: &[bool],
    meta: &mut Meta,
    byline: (usize, Option<usize>),
) -> Option<Article> {
    let mut body = Body::new(src);
    let mut captions_out: Vec<Caption> = Vec::new();
    let mut seen_captions: HashSet<&str, FnvBuild> = HashSet::default();
    let mut first_kept: Option<usize> = None;
    // The candidate that went into the body last.
    let mut last_kept: Option<usize> = None;
    for (i, c) in cands.iter().enumerate() {
        if c.role == Role::Caption {
            let t = c.text(src);
            if seen_captions.insert(t) {
                captions_out.push(Caption { text: t.to_string(), span: Span::new(c.start, c.end) });
            }
            continue;
        }
        if !keep[i] {
            continue;
        }
        let mut pieces =
            if c.broken { inline::clean_lines(src, c.start, c.end) } else { inline::clean(src, c.start, c.end) };
        if first_kept.is_none()
            && let Some(&(s, e)) = pieces.first()
            && let Some((n, date)) = dates::dateline(&src[s..e])
            && (s + n < e || pieces.len() > 1)
        {
            pieces[0].0 = s + n;
            inline::trim_pieces(src, &mut pieces);
            if let Some(d) = date {
                meta.offer_date(d, Rank::Dateline);
            }
        }
        if pieces.is_empty() {
            continue;
        }
        first_kept.get_or_insert(i);
        if c.joined && last_kept.is_some_and(|k| cands[k + 1..i].iter().all(|c| c.joined)) {
            body.extend_last(&pieces);
        } else {
            body.push(&pieces);
        }
        last_kept = Some(i);
    }
    if body.is_empty() {
        return None;
    }
    // A byline before the body (or just after the headline, or between a kept standfirst and
    // the story).
    let before = byline.1.unwrap_or(0).max(first_kept.unwrap_or(0));
    if let Some(d) = (byline.0.min(before)..before)
        .filter(|&i| !keep[i] && cands[i].role != Role::Caption)
        .find_map(|i| dates::byline_date(cands[i].text(src)))
    {
        meta.offer_date(d, Rank::Byline);
    }
    if let Some(d) = meta.url.as_deref().and_then(dates::date_in_url) {
        meta.offer_date(d, Rank::Url);
    }
    if let Some(d) = file_name_date(file) {
        meta.offer_date(d, Rank::FileName);
    }
    let (text, paragraphs) = body.finish();
    meta.settle_site_suffix();
    let title = meta.title.clone().unwrap_or_else(|| {
        let first = &text[paragraphs[0].body.start..paragraphs[0].body.end];
        let s = first_sentence(first, 600);
        let s = s.strip_suffix('.').unwrap_or(s);
        shorten(s, 100)
    });
    let (title, site) = match scraped::split_site_suffix(&title) {
        (main, Some(site))
            if meta.source.is_none()
                && meta.url.as_deref().and_then(scraped::host).is_some_and(|h| scraped::names_host(site, h)) =>
        {
            (main.to_string(), Some(site.to_string()))
        }
        _ => (title.clone(), None),
    };
    if meta.source.is_none() {
        meta.source = site.or_else(|| meta.url.as_deref().and_then(scraped::host).map(str::to_string));
    }
    let (published, published_from) = match meta.date {
        Some((d, r)) => (Some(d), r.source()),
        None => (None, DateSource::Unknown),
    };
    Some(Article {
        id: format!("{file}#{index}"),
        file: file.to_string(),
        index,
        title,
        published,
        published_from,
        source: meta.source.clone(),
        url: meta.url.clone(),
        body: text,
        paragraphs,
        captions: captions_out,
        extra: None,
    })
}
