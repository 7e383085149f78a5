//! The pattern language of the rule files: a sequence of token tests over a lowercased
//! sentence, written as text in `assets/rules/en/*.toml`.
//!
//! ```text
//! struck                 the word "struck" (case does not matter)
//! liberat*               a word starting with "liberat"
//! shelled|shelling       one of several words (each may end in *)
//! @strike_verb           a word or phrase of the word class strike_verb
//! @truce|deal            a phrase of a class, or a word
//! ~3                     up to three words of anything
//! #n                     a number: "12", "1,100", "twelve", "a dozen"
//! $place $person $org    a name the name finder typed (the whole name)
//! $weapon $name          a weapon's name; any name
//! $cap                   a word written with a capital letter
//! the?                   any element followed by ? is optional
//! ```
//!
//! Matching is on whole tokens (`counts::tokens`: "long-range" and "russia's" are one
//! token), left to right, a gap taking as few words as it can.

use std::fmt;

use super::super::counts::{Tok, number_at};

/// A word test: the whole word (with its number in the rule set's [`WordIds`]), or a
/// prefix of it ("liberat*").
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Word {
    Exact(Box<str>, u32),
    Prefix(Box<str>),
}

/// The number of a token that is no exact word of any pattern or class.
pub(crate) const NO_WORD: u32 = u32::MAX;

/// Every exact word of a rule set's patterns and classes, numbered: a sentence's tokens are
/// numbered once (by the index of first words), and patterns then compare numbers, not text.
#[derive(Debug, Clone, Default)]
pub(crate) struct WordIds {
    ids: rustc_hash::FxHashMap<Box<str>, u32>,
}

impl WordIds {
    fn intern(&mut self, w: &str) -> u32 {
        let next = self.ids.len() as u32;
        *self.ids.entry(w.into()).or_insert(next)
    }
    /// The number of the word `w` (lowercase), or [`NO_WORD`].
    #[cfg(test)]
    pub(crate) fn get(&self, w: &str) -> u32 {
        self.ids.get(w).copied().unwrap_or(NO_WORD)
    }
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&str, u32)> {
        self.ids.iter().map(|(w, &id)| (&**w, id))
    }
}

impl Word {
    fn parse(s: &str, ids: &mut WordIds) -> Result<Word, String> {
        let (w, prefix) = match s.strip_suffix('*') {
            Some(w) => (w, true),
            None => (s, false),
        };
        if w.is_empty() || !w.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '\'' | '.' | ',')) {
            return Err(format!("bad word {s:?}"));
        }
        if w.chars().any(|c| c.is_uppercase()) {
            return Err(format!("{s:?}: write words in lower case"));
        }
        Ok(if prefix { Word::Prefix(w.into()) } else { Word::Exact(w.into(), ids.intern(w)) })
    }

    /// The word or prefix as written.
    pub(crate) fn text(&self) -> &str {
        match self {
            Word::Exact(w, _) | Word::Prefix(w) => w,
        }
    }

    /// Does token `i` of `s` pass this test? By number when the tokens are numbered.
    fn matches_at(&self, s: &Subject, i: usize) -> bool {
        match self {
            Word::Exact(w, id) => match s.ids.get(i) {
                Some(t) => t == id,
                None => **w == *s.toks[i].text,
            },
            Word::Prefix(p) => s.toks[i].text.starts_with(&**p),
        }
    }
}

/// What kind of name a `$` element asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NameKind {
    Place,
    Person,
    Org,
    Weapon,
    Any,
}

/// One alternative of an element: a word test, or a word class (an index into the rule
/// set's classes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Choice {
    Word(Word),
    Class(usize),
}

/// One element of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Atom {
    /// One of several words or classes.
    Any(Vec<Choice>),
    Gap(u8),
    Number,
    Name(NameKind),
    Cap,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Elem {
    pub atom: Atom,
    pub optional: bool,
}

/// A compiled pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Pattern {
    pub source: Box<str>,
    pub elems: Vec<Elem>,
}

impl fmt::Display for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.source)
    }
}

/// A class of words and phrases: each entry a sequence of word tests, indexed by its first
/// word (a class is tried at many tokens; most of its entries cannot start at any one).
#[derive(Debug, Clone, Default)]
pub(crate) struct Class {
    pub entries: Vec<Vec<Word>>,
    /// Exact first word -> the entries starting with it. (The sentence pass of the rule set
    /// reads its own table of first words; this serves look-ups outside it.)
    by_first: rustc_hash::FxHashMap<Box<str>, Vec<u32>>,
    /// Entries whose first word is a prefix ("missile*").
    prefixed: Vec<u32>,
}

impl Class {
    pub(crate) fn parse(items: &[String], ids: &mut WordIds) -> Result<Class, String> {
        let mut c = Class::default();
        for it in items {
            let words: Vec<Word> = it.split_whitespace().map(|w| Word::parse(w, ids)).collect::<Result<_, _>>()?;
            let n = c.entries.len() as u32;
            match words.first() {
                None => return Err("an empty entry".into()),
                Some(Word::Exact(w, _)) => c.by_first.entry(w.clone()).or_default().push(n),
                Some(Word::Prefix(_)) => c.prefixed.push(n),
            }
            c.entries.push(words);
        }
        Ok(c)
    }

    /// The entries that may start at token `i` of `s`.
    fn candidates<'a>(&'a self, s: &Subject, i: usize) -> impl Iterator<Item = &'a [Word]> + 'a {
        let exact = self.by_first.get(s.toks[i].text).map(|v| v.as_slice()).unwrap_or(&[]);
        exact.iter().chain(self.prefixed.iter()).map(move |&i| self.entries[i as usize].as_slice())
    }

    /// Where the longest entry starting at token `i` ends.
    pub(crate) fn longest_at(&self, s: &Subject, i: usize) -> Option<usize> {
        s.toks.get(i)?;
        self.candidates(s, i).filter_map(|e| entry_end(e, s, i)).max()
    }
}

/// Parse a pattern; `class` maps a class name to its index.
pub(crate) fn parse(src: &str, class: &dyn Fn(&str) -> Option<usize>, ids: &mut WordIds) -> Result<Pattern, String> {
    let mut elems = Vec::new();
    for raw in src.split_whitespace() {
        let (s, optional) = match raw.strip_suffix('?') {
            Some(s) => (s, true),
            None => (raw, false),
        };
        let atom = if let Some(n) = s.strip_prefix('~') {
            Atom::Gap(n.parse().map_err(|_| format!("{raw:?}: a gap is ~ and a number"))?)
        } else if s == "#n" {
            Atom::Number
        } else if let Some(k) = s.strip_prefix('$') {
            match k {
                "place" => Atom::Name(NameKind::Place),
                "person" => Atom::Name(NameKind::Person),
                "org" => Atom::Name(NameKind::Org),
                "weapon" => Atom::Name(NameKind::Weapon),
                "name" => Atom::Name(NameKind::Any),
                "cap" => Atom::Cap,
                _ => return Err(format!("{raw:?}: unknown ${k}")),
            }
        } else {
            let choice = |c: &str| match c.strip_prefix('@') {
                Some(name) => class(name).map(Choice::Class).ok_or_else(|| format!("no word class @{name}")),
                None => Word::parse(c, ids).map(Choice::Word),
            };
            Atom::Any(s.split('|').map(choice).collect::<Result<_, _>>()?)
        };
        if optional && matches!(atom, Atom::Gap(_)) {
            return Err(format!("{raw:?}: a gap is optional already"));
        }
        elems.push(Elem { atom, optional });
    }
    match elems.first() {
        None => return Err("an empty pattern".into()),
        Some(e) if e.optional || matches!(e.atom, Atom::Gap(_)) => {
            return Err(format!("{src:?}: a pattern starts with a word, a class, a number or a name"));
        }
        _ => {}
    }
    if elems.last().is_some_and(|e| matches!(e.atom, Atom::Gap(_))) {
        return Err(format!("{src:?}: a pattern does not end with a gap"));
    }
    Ok(Pattern { source: src.into(), elems })
}

/// What a pattern is matched against: a sentence's tokens (lowercase), whether each starts
/// with a capital in the original text, and the names starting at each token.
#[derive(Default)]
pub(crate) struct Subject<'a, 't> {
    pub toks: &'a [Tok<'t>],
    pub caps: &'a [bool],
    /// Per token: the kind of the name that starts there and the token after it.
    pub names: &'a [Option<(NameKind, u32)>],
    /// Per token, when known: the classes with an entry that may start there (a bit per
    /// class), so that a class is only looked into where it can match.
    pub starts: &'a [ClassBits],
    /// Per token, when known: the token after the number that starts there, or 0.
    pub numbers: &'a [u32],
    /// Per token, when known: its number in the rule set's [`WordIds`], or [`NO_WORD`].
    pub ids: &'a [u32],
    /// Per token, when known: the classes with a one-word entry there (a bit per class),
    /// and the longer class entries that start there, as (class, end token), token `i`'s
    /// at `class_ends[class_at[i].0..class_at[i].1]`.
    pub singles: &'a [ClassBits],
    pub class_ends: &'a [(u16, u32)],
    pub class_at: &'a [(u32, u32)],
}

/// A bit per word class.
pub(crate) type ClassBits = [u64; MAX_CLASSES / 64];

/// At most this many word classes.
pub(crate) const MAX_CLASSES: usize = 128;

pub(crate) fn entry_end(entry: &[Word], s: &Subject, i: usize) -> Option<usize> {
    if i + entry.len() > s.toks.len() {
        return None;
    }
    entry.iter().enumerate().all(|(k, w)| w.matches_at(s, i + k)).then_some(i + entry.len())
}

/// The end (exclusive token index) of the first match of `elems` at token `i`, if any.
pub(crate) fn match_at(elems: &[Elem], classes: &[Class], s: &Subject, i: usize) -> Option<usize> {
    let Some((e, rest)) = elems.split_first() else {
        return Some(i);
    };
    if let Atom::Gap(n) = e.atom {
        for k in 0..=n as usize {
            if i + k > s.toks.len() {
                break;
            }
            if let Some(end) = match_at(rest, classes, s, i + k) {
                return Some(end);
            }
        }
        return None;
    }
    let mut ends: [usize; 8] = [0; 8];
    let mut n = 0;
    let mut push = |end: usize| {
        if n < ends.len() && !ends[..n].contains(&end) {
            ends[n] = end;
            n += 1;
        }
    };
    if i < s.toks.len() {
        match &e.atom {
            Atom::Any(choices) => {
                for c in choices {
                    match c {
                        Choice::Word(w) => {
                            if w.matches_at(s, i) {
                                push(i + 1);
                            }
                        }
                        Choice::Class(c) => {
                            if s.starts.get(i).is_some_and(|b| b[*c / 64] & (1 << (*c % 64)) == 0) {
                                continue;
                            }
                            if let Some(&(a, b)) = s.class_at.get(i) {
                                if s.singles[i][*c / 64] & (1 << (*c % 64)) != 0 {
                                    push(i + 1);
                                }
                                for &(k, end) in &s.class_ends[a as usize..b as usize] {
                                    if k as usize == *c {
                                        push(end as usize);
                                    }
                                }
                                continue;
                            }
                            for entry in classes[*c].candidates(s, i) {
                                if let Some(end) = entry_end(entry, s, i) {
                                    push(end);
                                }
                            }
                        }
                    }
                }
            }
            Atom::Number => match s.numbers.get(i) {
                Some(&end) if end > 0 => push(end as usize),
                Some(_) => {}
                None => {
                    if let Some((_, end)) = number_at(s.toks, i) {
                        push(end);
                    }
                }
            },
            Atom::Name(k) => {
                if let Some(Some((nk, end))) = s.names.get(i)
                    && (*k == NameKind::Any || k == nk)
                {
                    push(*end as usize);
                }
            }
            Atom::Cap => {
                if s.caps.get(i).copied().unwrap_or(false) {
                    push(i + 1);
                }
            }
            Atom::Gap(_) => {}
        }
    }
    // Longer readings first ("drone attack" before "drone").
    ends[..n].sort_unstable_by(|a, b| b.cmp(a));
    for &end in &ends[..n] {
        if let Some(x) = match_at(rest, classes, s, end) {
            return Some(x);
        }
    }
    if e.optional {
        return match_at(rest, classes, s, i);
    }
    None
}

/// What a pattern needs somewhere in its sentence: for each element that must match words
/// (not optional), the words and classes one of which must start some token there.
pub(crate) fn needs(p: &Pattern) -> Vec<&[Choice]> {
    p.elems
        .iter()
        .filter(|e| !e.optional)
        .filter_map(|e| match &e.atom {
            Atom::Any(choices) => Some(choices.as_slice()),
            _ => None,
        })
        .collect()
}

/// The words a pattern can start with, when it can only start with words (for the index
/// of first words); `None` when it starts with a number, a name or a capital.
pub(crate) fn first_words(p: &Pattern, classes: &[Class]) -> Option<Vec<Word>> {
    let mut out = Vec::new();
    for e in &p.elems {
        match &e.atom {
            Atom::Any(choices) => {
                for c in choices {
                    match c {
                        Choice::Word(w) => out.push(w.clone()),
                        Choice::Class(c) => out.extend(classes[*c].entries.iter().map(|en| en[0].clone())),
                    }
                }
            }
            _ => return None,
        }
        if !e.optional {
            return Some(out);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::counts::tokens;

    fn run(pat: &str, classes: &[(&str, &[&str])], text: &str) -> Option<(usize, usize)> {
        let mut w = WordIds::default();
        let cls: Vec<Class> = classes
            .iter()
            .map(|(_, e)| Class::parse(&e.iter().map(|s| s.to_string()).collect::<Vec<_>>(), &mut w).unwrap())
            .collect();
        let p = parse(pat, &|n| classes.iter().position(|(c, _)| *c == n), &mut w).unwrap();
        let lower = text.to_ascii_lowercase();
        let toks = tokens(&lower);
        let caps: Vec<bool> = toks.iter().map(|t| text[t.start..].starts_with(char::is_uppercase)).collect();
        let names = vec![None; toks.len()];
        // Numbered tokens, as the rule set matches them, and the same tokens by text: one answer.
        let ids: Vec<u32> = toks.iter().map(|t| w.get(t.text)).collect();
        let by_id = Subject { toks: &toks, caps: &caps, names: &names, ids: &ids, ..Subject::default() };
        let by_text = Subject { ids: &[], ..by_id };
        let found = |s: &Subject| (0..toks.len()).find_map(|i| match_at(&p.elems, &cls, s, i).map(|e| (i, e)));
        let out = found(&by_id);
        assert_eq!(out, found(&by_text), "{pat:?} on {text:?}");
        out
    }

    #[test]
    fn words_prefixes_gaps_and_options() {
        assert_eq!(run("launched ~3 drones", &[], "Russia launched over 400 drones."), Some((1, 5)));
        assert_eq!(run("launched ~1 drones", &[], "Russia launched over 400 drones."), None);
        assert_eq!(run("liberat*", &[], "Troops liberated the village."), Some((1, 2)));
        assert_eq!(run("in the? village", &[], "life in a village"), None);
        assert_eq!(run("in the? village", &[], "life in village"), Some((1, 3)));
        assert_eq!(run("in the? village", &[], "life in the village"), Some((1, 4)));
        assert_eq!(run("shot down|downed #n", &[], "They shot downed twelve"), Some((1, 4)));
        assert_eq!(run("shot down #n", &[], "They shot down twelve"), Some((1, 4)));
        assert_eq!(run("downed #n drones", &[], "They downed a dozen drones"), Some((1, 5)));
    }

    #[test]
    fn classes_take_the_longest_entry_that_lets_the_rest_match() {
        let cls: &[(&str, &[&str])] = &[("m", &["drone", "drone attack"])];
        assert_eq!(run("@m on", cls, "a drone attack on Kyiv"), Some((1, 4)));
        assert_eq!(run("@m", cls, "a drone attack on Kyiv"), Some((1, 3)));
        assert_eq!(run("a @m|missile on", cls, "a missile on Kyiv"), Some((0, 3)));
        assert_eq!(run("a @m|missile on", cls, "a drone attack on Kyiv"), Some((0, 4)));
        assert_eq!(run("$cap", &[], "in the Kyiv region"), Some((2, 3)));
    }

    #[test]
    fn bad_patterns_are_refused() {
        let none = |_: &str| None;
        for bad in ["", "~3 x", "x ~2", "@nope", "x?  ", "$thing", "Upper", "a ~b", "x ~2?"] {
            assert!(parse(bad, &none, &mut WordIds::default()).is_err(), "{bad:?}");
        }
    }
}
