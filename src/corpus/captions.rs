//! Photo captions and credits. A caption line is recognised by its form (a credit at the end
//! such as `REUTERS/Name`, `(Reuters)`, `Photo: Name/dpa`, `(... /TASS via ZUMA Press/dpa)`,
//! `(Source: Name)`;
//! a `FILED - `, `Photo:`, `Image:`, `Credit:` or `©` prefix) or, by the caller, by being
//! repeated verbatim. Captions go to `Article::captions`, never into the body.

use std::sync::LazyLock;

use regex::Regex;

use super::text::{ends_sentence, sentence_ranges, suffix, trimmed, word_count};

const AGENCY: &str = r"(?:Reuters|REUTERS|AFP|AP|Getty Images|Getty|dpa|TASS|ZUMA Press|ZUMA|EPA(?:-EFE)?|Anadolu(?: Agency)?|Ukrinform|NurPhoto|Shutterstock|Sputnik|Xinhua|Handout|POOL|Pool|UNIAN|RIA Novosti|AA|Bloomberg|Alamy|SOPA Images|LightRocket|Abaca|Imago|IMAGO|Kremlin|Presidential Press Service)";

static PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:FILED\s*[-–—]|photo(?:graph)?s?(?:\s+credit)?\s*:|image\s*:|credit\s*:|picture\s*:|illustration\s*:|illustrative\s+(?:photo|image|picture)|©|\(c\)\s)",
    )
    .expect("valid regex")
});

// Word boundaries are ASCII ones, `(?-u:\b)`: the agency names are ASCII, and a Unicode
// boundary keeps the regex crate off its fast DFA; on scraped pages, whose links all end in
// ')' and hold '/', CREDIT_END ran ~21,000 instructions a line.
static CREDIT_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?x)
        (?: REUTERS/\p{{L}}[\p{{L}}\ .'’-]*                    # REUTERS/Alex Babenko
          | \([^()]{{0,80}}?(?-u:\b){AGENCY}(?-u:\b)[^()]{{0,60}}\)          # (Reuters), (Handout via AFP)
          | (?-u:\b)[Pp]hoto(?:graph)?(?:\ by)?\ ?:\ ?[^.:]{{2,80}}   # Photo: Andreas Gebert/dpa
          | \(photographer:[^()]{{2,60}}\)
          | \(Source:[^()]{{2,80}}\)                              # (Source: Name/X)
          | /\ ?{AGENCY}                                       # Name/dpa
          | (?-u:\b)via\ Getty\ Images
        )\s*\.?\s*$"
    ))
    .expect("valid regex")
});

static CREDIT_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^[\p{{L}}\ .'’-]+(?:\s*/\s*[\p{{L}}\ .'’-]+)+$|^[\p{{L}}\ .'’/-]*(?-u:\b)(?:via\ )?{AGENCY}(?:\ via\ Getty\ Images)?$"
    ))
    .expect("valid regex")
});

static AGENCY_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?-u:\b){AGENCY}(?-u:\b)")).expect("valid regex"));

/// The sentences of a caption before its credit, at most.
const MAX_CAPTION_SENTENCES: usize = 2;

/// Whether the line is a photo caption by its own form.
pub(crate) fn is_caption(line: &str) -> bool {
    let t = trimmed(line);
    if t.is_empty() || t.len() > 1200 {
        return false;
    }
    let tail = suffix(t, 200);
    // Every credit form has one of these bytes near the end; most prose lines are spared the
    // regular expression.
    // Each alternative of CREDIT_END either ends the line with ')' or contains '/', "hoto"
    // (Photo:) or "Getty"; prose with a colon or an opening bracket mid-line is spared.
    let end = tail.trim_end().trim_end_matches('.').trim_end();
    let photo = tail.contains("hoto");
    let source = end.ends_with(')') && tail.contains("(Source:");
    let may_credit = (end.ends_with(')') || tail.contains('/') || photo || tail.contains("Getty"))
        // Every alternative but "Photo:" and "(Source: ...)" names an agency: a literal search
        // (fast) spares the full pattern the links of scraped pages, which end in ')' and hold
        // '/'; on them the full pattern cost ~21,000 instructions a line (its lazy DFA meets
        // new states on every new line).
        && (photo || source || AGENCY_WORD.is_match(tail));
    // A paragraph of several sentences that ends in an agency's signature ("... for ground
    // staff. is/ch (dpa)") is the story's last paragraph: a caption has a sentence or two
    // before its credit.
    let credited = || {
        CREDIT_END.find(tail).is_some_and(|m| {
            let before = &t[..t.len() - tail.len() + m.start()];
            sentence_ranges(before, 0, before.len()).len() <= MAX_CAPTION_SENTENCES
        })
    };
    let form = (may_have_prefix(t) && PREFIX.is_match(t)) || (may_credit && word_count(t, 120) <= 100 && credited());
    // `© 2026 Publisher. All rights reserved.` is a page footer, not a photo credit.
    form && !contains_ignore_case(t, "rights reserved") && !contains_ignore_case(t, "copyright")
}

/// Whether `t` opens as every form of [`PREFIX`] does (`FILED`, `Photo`, `Picture`, `Image`,
/// `Illustration`, `Credit`, in any case, `©` or `(c)`): the other lines, nearly all, are
/// spared the pattern's search (~1,000 instructions a line).
fn may_have_prefix(t: &str) -> bool {
    matches!(t.as_bytes().first(), Some(b'F' | b'f' | b'P' | b'p' | b'I' | b'i' | b'C' | b'c' | b'('))
        || t.starts_with('©')
}

/// ASCII case-insensitive substring test (no allocation).
fn contains_ignore_case(hay: &str, needle: &str) -> bool {
    let n = needle.as_bytes();
    hay.as_bytes().windows(n.len()).any(|w| w.eq_ignore_ascii_case(n))
}

/// Whether the line is only a photo credit (`Dimitar Dilkoff/AFP/Getty Images`,
/// `Mikhail METZEL / POOL / AFP via Getty Images`): it marks the line before it as a caption.
pub(crate) fn is_credit_only(line: &str) -> bool {
    let t = trimmed(line);
    if t.len() > 120 || ends_sentence(t) || word_count(t, 20) > 10 {
        return false;
    }
    (t.contains('/') || t.contains(" via ")) && AGENCY_WORD.is_match(t) && CREDIT_ONLY.is_match(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captions_by_form() {
        for s in [
            "A local resident stands near buildings damaged by a Russian military strike, in Bakhmut, Ukraine February 27, 2023. REUTERS/Alex Babenko",
            "US Vice President JD Vance speaks at the State Department in Washington, DC, US, February 4, 2026. (Reuters)",
            "FILED - 06 February 2009, Bavaria, Munich: Ali Larijani speaks. Photo: Andreas Gebert/dpa",
            "06 February 2026, Russia, Moscow: Sergei Lavrov gives a press conference. Photo: -/Russian Foreign Ministry/dpa",
            "Vladimir Putin chairs a meeting. (Mikhail Metzel/TASS via ZUMA Press/dpa)",
            "Photo: Reuters",
            "Image: a drone over Kyiv",
            "Credit: Ministry of Defence",
            "© People in Need, 2022 (photographer: Alberto Lores)",
            "Ukrainian servicemen ride a military pickup, Feb. 10, 2026. (Handout via AFP)",
            "Victoria Roshchyna was killed in Russian custody in September 2024. Photo by: Handout",
            "Russian President Vladimir Putin in Moscow on Wednesday. (Pavel Bednyakov/AFP/Getty Images)",
            "The mayor opens a rebuilt school in Irpin, March 1, 2026. (Source: City Council)",
        ] {
            assert!(is_caption(s), "{s}");
        }
    }

    #[test]
    fn body_is_not_a_caption() {
        for s in [
            "WASHINGTON, Feb 26 (Reuters) – The United States has slowed the sale of assets.",
            "Russia launched one of its biggest aerial attacks of the year on Ukraine, the Ukrainian Air Force said Thursday.",
            "Compiled by Ana Dumbadze",
            "The photo showed a destroyed bridge.",
            "Exports fell by a third (source: customs data) in the first quarter of the year.",
            // A story's last paragraph, signed by its agency.
            "Dockers walked out at the port from 6 a.m. on Monday. The union wants higher pay for night shifts. \
             Talks with the operator resume next week. ab/cd (dpa)",
            "The ministry said four drones were downed. Two fell on a warehouse. A fire broke out and was put out \
             by morning, officials said. (Reuters)",
        ] {
            assert!(!is_caption(s), "{s}");
        }
    }

    #[test]
    fn credit_only_lines() {
        assert!(is_credit_only("Dimitar Dilkoff/AFP/Getty Images"));
        assert!(is_credit_only("Mikhail METZEL / POOL / AFP via Getty Images"));
        assert!(!is_credit_only("Russia and Ukraine agree to a ceasefire"));
        assert!(!is_credit_only("Land/sea operations"));
    }
}
