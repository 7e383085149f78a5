//! Pages that hold several articles one after another. A new article starts at a short
//! title-like line that
//! - re-appears verbatim a few lines later with only captions or scraps in between
//!   (`Headline / caption / caption / TT / Headline / caption / caption / body`), or
//! - stands after a blank line and is followed at once by a doubled caption line.

use super::text::is_headline_like;

/// What the splitter needs to know about a candidate paragraph.
pub(crate) struct View<'a> {
    pub text: &'a str,
    pub blank_before: bool,
    /// A caption by its form, or a line repeated elsewhere in the file.
    pub caption_like: bool,
    /// A caption by its form only.
    pub caption_form: bool,
    pub words: usize,
    /// A byline or date line (never a headline).
    pub dateish: bool,
}

/// Where an article starts: the headline candidate and its repetition, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Start {
    pub at: usize,
    pub repeat: Option<usize>,
}

/// How far (in candidates) the repeated headline may be.
const WINDOW: usize = 8;

pub(crate) fn find_starts(v: &[View<'_>]) -> Vec<Start> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < v.len() {
        let c = &v[i];
        // A line doubled at once is a caption printed twice, not a headline.
        let doubled = v.get(i + 1).is_some_and(|n| n.text == c.text);
        if c.caption_form || c.dateish || doubled || !is_headline_like(c.text) {
            i += 1;
            continue;
        }
        let repeat = (i + 1..v.len().min(i + 1 + WINDOW))
            .take_while(|&j| v[j].text == c.text || v[j].caption_like || v[j].words <= 3)
            .find(|&j| v[j].text == c.text);
        if let Some(j) = repeat {
            out.push(Start { at: i, repeat: Some(j) });
            i = j + 1;
            continue;
        }
        let doubled_caption =
            i + 2 < v.len() && (c.blank_before || i == 0) && v[i + 1].caption_like && v[i + 1].text == v[i + 2].text;
        if doubled_caption {
            out.push(Start { at: i, repeat: None });
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(text: &str, caption: bool) -> View<'_> {
        View {
            text,
            blank_before: true,
            caption_like: caption,
            caption_form: false,
            words: text.split_whitespace().count(),
            dateish: false,
        }
    }

    #[test]
    fn repeated_headlines_start_articles() {
        let v = [
            view("First Story About Drones Today", false),
            view("A caption line about a photo of a strike. REUTERS/Name", true),
            view("TT", false),
            view("First Story About Drones Today", false),
            view("Body text of the first story goes here and is long.", false),
            view("Second Story About Talks Now", false),
            view("Another caption, doubled for the layout", true),
            view("Another caption, doubled for the layout", true),
            view("Body of the second story.", false),
        ];
        assert_eq!(find_starts(&v), [Start { at: 0, repeat: Some(3) }, Start { at: 5, repeat: None }]);
    }

    #[test]
    fn a_heading_mentioned_again_in_prose_is_no_start() {
        let v = [
            view("Slow Advances On The Front", false),
            view("Russia kept pushing forward in small steps, taking villages here and there.", false),
            view("Slow Advances On The Front", false),
        ];
        assert!(find_starts(&v).is_empty());
    }
}
