//! Rules as data: the word classes, event rules and vetoes of `assets/rules/en/`, loaded
//! once at start-up.
//!
//! Each file holds one concern (what makes an event of each kind, what cancels one, speech
//! and claim verbs, count nouns, place words, date words). A file has word classes
//! (`[classes]`), event rules (`[[rule]]`) and vetoes (`[[veto]]`):
//!
//! ```toml
//! [classes]
//! launch_verb = ["launched", "fired"]
//!
//! [[rule]]
//! name = "strike.launched"        # kind.what: shown by `sitrep events --explain`
//! kind = "strike"
//! when = ["@launch_verb ~4 @munition"]   # any of these patterns, in the clause
//! with = []                       # and all of these
//! unless = ["@conditional"]       # and none of these
//! suppress = []                   # kinds this rule cancels in the clause when it fires
//! yield_to = []                   # kinds that cancel this rule when they are present
//! context = []                    # one of these in the clause or around it (the title,
//!                                 # the first paragraph, the paragraph so far)
//! unless_around = []              # none of these in the clause or around it
//! examples = ["Russia fired 30 missiles at Lviv. => place=Lviv missiles=30"]
//! not = ["Russia fired its defence minister."]
//! ```
//!
//! A veto may say `undated = true`: it then cancels only in a clause that states no date.
//!
//! Patterns are described in [`pattern`]. Examples are the rule's own tests:
//! `tests/extract_rules.rs` runs every one through the whole extractor.

mod pattern;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Deserialize;
use std::sync::LazyLock;

use super::counts::Tok;
use super::types::EventKind;
use pattern::{Choice, Class, ClassBits, MAX_CLASSES, NO_WORD, Pattern, Word, WordIds};
pub(crate) use pattern::{NameKind, Subject};

/// The rule files, in the order their rules are tried.
const FILES: &[(&str, &str)] = &[
    ("triggers.toml", include_str!("../../../assets/rules/en/triggers.toml")),
    ("vetoes.toml", include_str!("../../../assets/rules/en/vetoes.toml")),
    ("speech.toml", include_str!("../../../assets/rules/en/speech.toml")),
    ("counts.toml", include_str!("../../../assets/rules/en/counts.toml")),
    ("places.toml", include_str!("../../../assets/rules/en/places.toml")),
];

/// What may start at a word: the patterns whose first word it is, and the classes with an
/// entry starting with it. (Its number and whether it is a number word are in its [`Head`];
/// most words are only that, and keep no `Starts` at all.)
#[derive(Default)]
struct Starts {
    patterns: Vec<u16>,
    classes: ClassBits,
    /// The word features ([`Rules::needs`]) this word gives.
    features: Vec<u16>,
    /// The classes with a one-word entry that is this word or prefix: such an entry ends
    /// at the next token.
    single: ClassBits,
    /// The class entries of more than one word that start with this word or prefix.
    entries: Vec<Entry>,
}

/// A class entry of more than one word, as [`FirstWords`] keeps it under its first word:
/// its class, and its other words (`rest` of them at `at` in [`FirstWords::rest`]).
#[derive(Clone, Copy)]
struct Entry {
    class: u16,
    rest: u16,
    at: u32,
}

impl Starts {
    fn add_class(&mut self, c: usize) {
        self.classes[c / 64] |= 1 << (c % 64);
    }
}

/// The first words of every pattern and class entry, looked up once per token.
struct FirstWords {
    /// By [`key`] of their first bytes: whole words and prefixes ("liberat*"), each with
    /// what it starts in `starts` (kept apart, and the heads small: a token compares itself
    /// with every head of its key).
    by_key: FxHashMap<u32, Vec<Head>>,
    /// What may start at a token that matches a head, for the heads that start something.
    starts: Vec<Starts>,
    /// Per slot: the word or prefix (read only for those longer than eight bytes).
    texts: Vec<Box<str>>,
    /// The words after the first of every longer class entry, entry after entry.
    rest: Vec<Word>,
    /// The lengths of prefixes shorter than [`PREFIX_KEY`], a bit per length.
    short_prefixes: u32,
}

/// A word or prefix of [`FirstWords`], with its first eight bytes inline: most tokens are
/// told apart from it without reading the text.
struct Head {
    head: u64,
    len: u32,
    prefix: bool,
    /// A number word ("twelve"): a number may start here.
    number: bool,
    /// Its slot in [`FirstWords::texts`].
    slot: u32,
    /// The word's number in [`Rules::word_ids`] (whole words only), or [`NO_WORD`].
    word: u32,
    /// What it starts, in [`FirstWords::starts`], or [`STARTS_NOTHING`].
    starts: u32,
}

/// [`Head::starts`] of a word that starts no pattern, class entry or feature.
const STARTS_NOTHING: u32 = u32::MAX;

impl Head {
    fn new(w: &str, prefix: bool, slot: u32) -> Head {
        Head {
            head: Head::of(w.as_bytes()),
            len: w.len() as u32,
            prefix,
            number: false,
            slot,
            word: NO_WORD,
            starts: STARTS_NOTHING,
        }
    }

    /// The first eight bytes of `w` (zero after its end).
    fn of(w: &[u8]) -> u64 {
        let mut b = [0u8; 8];
        let n = w.len().min(8);
        b[..n].copy_from_slice(&w[..n]);
        u64::from_le_bytes(b)
    }

    /// Whether the token `w` (whose [`Head::of`] is `head`) is this word or starts with this
    /// prefix (`texts` are [`FirstWords::texts`], read past eight bytes).
    fn matches(&self, w: &[u8], head: u64, texts: &[Box<str>]) -> bool {
        let len = self.len as usize;
        let text = || texts[self.slot as usize].as_bytes();
        if self.prefix {
            if len > w.len() {
                return false;
            }
            let mask = if len >= 8 { u64::MAX } else { (1u64 << (8 * len)) - 1 };
            head & mask == self.head && (len <= 8 || w.starts_with(text()))
        } else {
            len == w.len() && head == self.head && (len <= 8 || text() == w)
        }
    }
}

/// A word's first [`PREFIX_KEY`] bytes (all of a shorter word) and how many they are, as one
/// number: a token is looked up with one probe.
fn key(w: &[u8]) -> u32 {
    let n = w.len().min(PREFIX_KEY);
    w[..n].iter().enumerate().fold(n as u32, |acc, (i, &b)| acc | (b as u32) << (8 * i + 8))
}

impl FirstWords {
    fn build(r: &Rules) -> FirstWords {
        let mut fw = FirstWords {
            by_key: FxHashMap::default(),
            starts: Vec::new(),
            texts: Vec::new(),
            rest: Vec::new(),
            short_prefixes: 0,
        };
        /// The head of the word or prefix `w`, and what it starts (both made on first use).
        fn slot<'m>(fw: &'m mut FirstWords, w: &str, prefix: bool) -> (&'m mut Head, &'m mut Starts) {
            let list = fw.by_key.entry(key(w.as_bytes())).or_default();
            let k = match list.iter().position(|q| *fw.texts[q.slot as usize] == *w && q.prefix == prefix) {
                Some(k) => k,
                None => {
                    list.push(Head::new(w, prefix, fw.starts.len() as u32));
                    fw.starts.push(Starts::default());
                    fw.texts.push(w.into());
                    list.len() - 1
                }
            };
            let q = &mut list[k];
            let st = &mut fw.starts[q.slot as usize];
            (q, st)
        }
        macro_rules! slot {
            ($w:expr, $prefix:expr) => {
                slot(&mut fw, $w, $prefix).1
            };
        }
        for (w, ids) in &r.by_word {
            slot!(w, false).patterns.extend_from_slice(ids);
        }
        for (w, bits) in &r.class_by_word {
            let st = slot!(w, false);
            for (a, b) in st.classes.iter_mut().zip(bits) {
                *a |= b;
            }
        }
        for (p, id) in &r.by_prefix {
            let st = slot!(p, true);
            if !st.patterns.contains(id) {
                st.patterns.push(*id);
            }
        }
        for (p, c) in &r.class_by_prefix {
            slot!(p, true).add_class(*c);
        }
        for (c, class) in r.classes.iter().enumerate() {
            for entry in &class.entries {
                let (w, prefix) = match &entry[0] {
                    Word::Exact(w, _) => (w, false),
                    Word::Prefix(p) => (p, true),
                };
                let at = fw.rest.len() as u32;
                fw.rest.extend_from_slice(&entry[1..]);
                let st = slot!(w, prefix);
                if entry.len() == 1 {
                    st.single[c / 64] |= 1 << (c % 64);
                } else {
                    st.entries.push(Entry { class: c as u16, rest: entry.len() as u16 - 1, at });
                }
            }
        }
        for (w, &f) in &r.feature_words {
            match w {
                Word::Exact(w, _) => slot!(w, false).features.push(f),
                Word::Prefix(p) => slot!(p, true).features.push(f),
            }
        }
        for (w, _) in super::text::NUMBER_WORDS {
            slot(&mut fw, w, false).0.number = true;
        }
        for (w, id) in r.word_ids.iter() {
            slot(&mut fw, w, false).0.word = id;
        }
        // Keep only what starts something.
        let mut all = std::mem::take(&mut fw.starts);
        for q in fw.by_key.values_mut().flatten() {
            let st = &mut all[q.slot as usize];
            let nothing = st.patterns.is_empty()
                && st.features.is_empty()
                && st.entries.is_empty()
                && st.classes.iter().chain(&st.single).all(|&b| b == 0);
            if !nothing {
                q.starts = fw.starts.len() as u32;
                fw.starts.push(std::mem::take(st));
            }
        }
        fw.short_prefixes = fw
            .by_key
            .values()
            .flatten()
            .filter(|q| q.prefix && (q.len as usize) < PREFIX_KEY)
            .fold(0, |acc, q| acc | 1 << q.len);
        fw
    }

    /// What may start at each token of the sentence, into `out`: the patterns are appended
    /// to `tried` (token `i`'s are `tried[words[i].0..words[i].1]`, once each), the classes
    /// go to `starts` (those with a one-word entry there to `singles` too), the longer class
    /// entries that may start there to `entries` (token `i`'s at `entries_at[i]`), whether
    /// the token is a number word to `number_words`, its number to `ids`; every class and
    /// word feature of the sentence goes to `features`.
    fn scan(&self, s: &Subject, out: &mut Scratch, features: &mut Features) {
        let Scratch { tried, words: at, starts: bits, number_words, ids, singles, entries, entries_at, .. } = out;
        for t in s.toks {
            let from = tried.len();
            let entries_from = entries.len();
            let mut number = false;
            let mut id = NO_WORD;
            let mut classes: ClassBits = [0; MAX_CLASSES / 64];
            let mut single: ClassBits = [0; MAX_CLASSES / 64];
            // What the token's word and the prefixes it starts with may start (a macro, not
            // a closure: this runs at every token and must be inlined).
            macro_rules! add {
                ($st:expr) => {{
                    let st: &Starts = $st;
                    entries.extend_from_slice(&st.entries);
                    for (a, b) in single.iter_mut().zip(&st.single) {
                        *a |= b;
                    }
                    for id in &st.patterns {
                        if !tried[from..].contains(id) {
                            tried.push(*id);
                        }
                    }
                    for (a, b) in classes.iter_mut().zip(&st.classes) {
                        *a |= b;
                    }
                    for &f in &st.features {
                        features[f as usize / 64] |= 1 << (f % 64);
                    }
                }};
            }
            let w = t.text.as_bytes();
            if let Some(list) = self.by_key.get(&key(w)) {
                let head = Head::of(w);
                for q in list {
                    if q.matches(w, head, &self.texts) {
                        number |= q.number;
                        if !q.prefix && q.word != NO_WORD {
                            id = q.word;
                        }
                        if q.starts != STARTS_NOTHING {
                            add!(&self.starts[q.starts as usize]);
                        }
                    }
                }
            }
            if self.short_prefixes != 0 {
                for len in 1..PREFIX_KEY.min(w.len() + 1) {
                    if self.short_prefixes & (1 << len) == 0 || len == w.len() {
                        continue;
                    }
                    let head = Head::of(w);
                    for q in self.by_key.get(&key(&w[..len])).into_iter().flatten() {
                        if q.prefix && q.matches(w, head, &self.texts) && q.starts != STARTS_NOTHING {
                            add!(&self.starts[q.starts as usize]);
                        }
                    }
                }
            }
            at.push((from as u32, tried.len() as u32));
            entries_at.push((entries_from as u32, entries.len() as u32));
            for (a, b) in features.iter_mut().zip(&classes) {
                *a |= b;
            }
            bits.push(classes);
            singles.push(single);
            number_words.push(number);
            ids.push(id);
        }
    }
}

/// What each trigger pattern calls for: the rules it triggers, and the patterns that only
/// qualify those rules.
struct Triggers {
    /// Per pattern: it is only some rule's `with` or `unless` (no veto's, not the code's,
    /// not read around a clause).
    only: Vec<bool>,
    /// Per trigger pattern: the `with` and `unless` patterns (of those `only`) of the rules
    /// it triggers.
    of_trigger: Vec<Vec<u16>>,
    /// Per trigger pattern: the rules it triggers (those with it in `when`).
    rules_of: Vec<Vec<u16>>,
}

/// Buffers [`Rules::hits`] fills for each sentence, kept from one sentence to the next.
#[derive(Default)]
struct Scratch {
    tried: Vec<u16>,
    words: Vec<(u32, u32)>,
    starts: Vec<ClassBits>,
    number_words: Vec<bool>,
    ids: Vec<u32>,
    numbers: Vec<u32>,
    /// The patterns starting with a number, a name, a capital or anything that the
    /// sentence has the words for.
    positional: [Vec<u16>; 4],
    /// Patterns that only qualify a rule, and where to try them.
    rest: Vec<(u16, u32)>,
    /// Per token, the classes with a one-word entry there.
    singles: Vec<ClassBits>,
    /// The longer class entries that may start at each token, and where each token's are.
    entries: Vec<Entry>,
    entries_at: Vec<(u32, u32)>,
    /// The longer class entries that do start at each token (class, end token), and where
    /// each token's are: a class is matched once per token, not once per pattern that asks.
    class_ends: Vec<(u16, u32)>,
    class_at: Vec<(u32, u32)>,
}

impl Scratch {
    fn clear(&mut self) {
        let Scratch {
            tried,
            words,
            starts,
            number_words,
            ids,
            numbers,
            positional,
            rest,
            singles,
            entries,
            entries_at,
            class_ends,
            class_at,
        } = self;
        positional.iter_mut().for_each(Vec::clear);
        singles.clear();
        entries.clear();
        entries_at.clear();
        class_ends.clear();
        class_at.clear();
        tried.clear();
        words.clear();
        starts.clear();
        number_words.clear();
        ids.clear();
        numbers.clear();
        rest.clear();
    }
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::default();
}

/// At most this many features: the word classes, then the words patterns ask for.
const MAX_FEATURES: usize = 2048;

/// The features found in a sentence, a bit each.
type Features = [u64; MAX_FEATURES / 64];

/// At most this many patterns (they are kept as a bit set per clause).
const MAX_PATTERNS: usize = 2048;

/// How many leading bytes of a prefix key the prefix index.
const PREFIX_KEY: usize = 3;

/// Index of a rule in [`Rules::rules`]; events keep it to say why they were extracted.
pub type RuleId = u16;

/// A set of event kinds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Kinds(u32);

impl Kinds {
    fn bit(k: EventKind) -> u32 {
        1 << k.index()
    }
    pub(crate) fn has(self, k: EventKind) -> bool {
        self.0 & Kinds::bit(k) != 0
    }
    pub(crate) fn add(&mut self, k: EventKind) {
        self.0 |= Kinds::bit(k);
    }
    fn any_of(self, other: Kinds) -> bool {
        self.0 & other.0 != 0
    }
    fn parse(names: &[String]) -> Result<Kinds, String> {
        let mut out = Kinds::default();
        for n in names {
            out.add(EventKind::parse(n).ok_or_else(|| format!("no event kind {n:?}"))?);
        }
        Ok(out)
    }
}

/// An event rule, compiled.
#[derive(Debug, Clone)]
pub struct Rule {
    pub name: Box<str>,
    pub kind: EventKind,
    when: Vec<u16>,
    with: Vec<u16>,
    unless: Vec<u16>,
    suppress: Kinds,
    yield_to: Kinds,
    /// Patterns of which one must occur in the clause or the text around it.
    context: Vec<u16>,
    /// Patterns none of which may occur in the clause or the text around it.
    unless_around: Vec<u16>,
}

/// A veto: when it fires in a clause, the clause reports none of its kinds.
#[derive(Debug, Clone)]
pub struct Veto {
    pub name: Box<str>,
    when: Vec<u16>,
    unless: Vec<u16>,
    kinds: Kinds,
    /// Fires only in a clause that states no date ("talks would be held soon").
    undated: bool,
}

/// A class of single words, for membership tests by the code (`speech_verb`, ...).
#[derive(Debug, Clone, Default)]
pub(crate) struct WordSet {
    exact: FxHashSet<Box<str>>,
    prefixes: Vec<Box<str>>,
    /// A bit per first byte of the words and prefixes: most words are refused on it.
    firsts: [u64; 4],
    /// Per first byte, a bit per length (up to 63, longer words on the last) of the whole
    /// words: the words the code asks about are refused here before hashing.
    lengths: Vec<u64>,
    /// A bit per first byte of the prefixes.
    prefix_firsts: [u64; 4],
}

impl WordSet {
    fn add_first(firsts: &mut [u64; 4], w: &str) {
        let b = w.as_bytes().first().copied().unwrap_or(0) as usize;
        firsts[b / 64] |= 1 << (b % 64);
    }

    /// Add a whole word (lowercase).
    fn insert_word(&mut self, w: &str) {
        self.exact.insert(w.into());
        WordSet::add_first(&mut self.firsts, w);
        if self.lengths.is_empty() {
            self.lengths = vec![0; 256];
        }
        let b = w.as_bytes().first().copied().unwrap_or(0) as usize;
        self.lengths[b] |= 1 << w.len().min(63);
    }

    /// Add a prefix (lowercase): the class holds every word starting with it.
    fn insert_prefix(&mut self, p: &str) {
        self.prefixes.push(p.into());
        WordSet::add_first(&mut self.firsts, p);
        WordSet::add_first(&mut self.prefix_firsts, p);
    }

    /// Is `w` (lowercase) in the class?
    pub(crate) fn has(&self, w: &str) -> bool {
        let b = w.as_bytes().first().copied().unwrap_or(0) as usize;
        if self.firsts[b / 64] & (1 << (b % 64)) == 0 {
            return false;
        }
        let exact = self.lengths.get(b).is_some_and(|l| l & (1 << w.len().min(63)) != 0);
        exact && self.exact.contains(w)
            || self.prefix_firsts[b / 64] & (1 << (b % 64)) != 0 && self.prefixes.iter().any(|p| w.starts_with(&**p))
    }
    /// As `has`, ignoring ASCII case (no allocation for short ASCII words).
    pub(crate) fn has_ci(&self, w: &str) -> bool {
        // An ASCII first letter is refused before lowercasing the word.
        if let Some(&b) = w.as_bytes().first()
            && b.is_ascii()
        {
            let b = b.to_ascii_lowercase() as usize;
            if self.firsts[b / 64] & (1 << (b % 64)) == 0 {
                return false;
            }
        }
        self.has(super::text::Lower::new(w).as_str())
    }
}

/// The loaded rule set.
pub struct Rules {
    classes: Vec<Class>,
    class_index: FxHashMap<Box<str>, usize>,
    patterns: Vec<Pattern>,
    /// Per pattern: matched in every sentence (a rule's trigger or context, or a pattern the
    /// code reads), or only in a sentence where some rule's trigger matched.
    always: Vec<bool>,
    /// Per pattern: the `when` pattern of some rule.
    trigger: Vec<bool>,
    /// Per pattern: the code reads it (compiled by [`Rules::compile`]).
    by_code: Vec<bool>,
    /// What each trigger calls for, built on first use (patterns compiled after loading
    /// included).
    triggers: std::sync::OnceLock<Triggers>,
    /// First word -> the patterns that may start with it.
    by_word: FxHashMap<Box<str>, Vec<u16>>,
    /// Patterns starting with a prefix ("liberat*"), tried at every word with that prefix:
    /// (prefix, pattern).
    by_prefix: Vec<(Box<str>, u16)>,
    /// Exact first word of some class entry -> the classes (a bit each).
    class_by_word: FxHashMap<Box<str>, ClassBits>,
    /// First-word prefixes of class entries: (prefix, class).
    class_by_prefix: Vec<(Box<str>, usize)>,
    /// Per pattern: what it needs in a sentence to match there, as features (a class, or
    /// a word of `feature_words`) of which one must be present per element. A pattern is
    /// only tried in a sentence that has them.
    /// Kept flat, pattern after pattern: each element's features follow their count; pattern
    /// `p`'s are `needs[needs_at[p].0..needs_at[p].1]`.
    needs: Vec<u16>,
    needs_at: Vec<(u32, u32)>,
    /// The words patterns need, as features numbered from [`MAX_CLASSES`].
    feature_words: FxHashMap<Word, u16>,
    /// Every exact word of the patterns and classes, numbered.
    word_ids: WordIds,
    /// The first words of every pattern and class entry, and the feature words, built on
    /// first use (patterns compiled after loading included).
    first_words: std::sync::OnceLock<FirstWords>,
    /// Patterns starting with a number or a name: tried at every word.
    anywhere: Vec<u16>,
    /// Patterns starting with a number, a name or a capital: tried only where one starts.
    at_number: Vec<u16>,
    at_name: Vec<u16>,
    at_cap: Vec<u16>,
    pub rules: Vec<Rule>,
    pub vetoes: Vec<Veto>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSpec {
    #[serde(default)]
    classes: std::collections::BTreeMap<String, Vec<String>>,
    #[serde(default)]
    rule: Vec<RuleSpec>,
    #[serde(default)]
    veto: Vec<VetoSpec>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleSpec {
    name: String,
    kind: String,
    #[serde(default)]
    when: Vec<String>,
    #[serde(default)]
    with: Vec<String>,
    #[serde(default)]
    unless: Vec<String>,
    #[serde(default)]
    suppress: Vec<String>,
    #[serde(default)]
    yield_to: Vec<String>,
    #[serde(default)]
    context: Vec<String>,
    #[serde(default)]
    unless_around: Vec<String>,
    // The rule's examples are read by the tests, not by the program.
    #[serde(default)]
    #[allow(dead_code)]
    examples: serde::de::IgnoredAny,
    #[serde(default)]
    #[allow(dead_code)]
    not: serde::de::IgnoredAny,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VetoSpec {
    name: String,
    when: Vec<String>,
    #[serde(default)]
    unless: Vec<String>,
    kinds: Vec<String>,
    #[serde(default)]
    undated: bool,
    #[serde(default)]
    #[allow(dead_code)]
    examples: serde::de::IgnoredAny,
    #[serde(default)]
    #[allow(dead_code)]
    not: serde::de::IgnoredAny,
}

impl Rules {
    /// Parse rule files: (file name, TOML text). Errors name the file and the rule.
    pub fn from_files(files: &[(&str, &str)]) -> Result<Rules, String> {
        let specs: Vec<(&str, FileSpec)> = files
            .iter()
            .map(|(name, text)| {
                toml::from_str::<FileSpec>(text).map(|s| (*name, s)).map_err(|e| format!("{name}: {e}"))
            })
            .collect::<Result<_, _>>()?;
        let mut r = Rules {
            classes: Vec::new(),
            class_index: FxHashMap::default(),
            patterns: Vec::new(),
            always: Vec::new(),
            trigger: Vec::new(),
            by_code: Vec::new(),
            triggers: std::sync::OnceLock::new(),
            by_word: FxHashMap::default(),
            by_prefix: Vec::new(),
            class_by_word: FxHashMap::default(),
            class_by_prefix: Vec::new(),
            needs: Vec::new(),
            needs_at: Vec::new(),
            feature_words: FxHashMap::default(),
            word_ids: WordIds::default(),
            first_words: std::sync::OnceLock::new(),
            anywhere: Vec::new(),
            at_number: Vec::new(),
            at_name: Vec::new(),
            at_cap: Vec::new(),
            rules: Vec::new(),
            vetoes: Vec::new(),
        };
        for (file, spec) in &specs {
            for (name, items) in &spec.classes {
                let c = Class::parse(items, &mut r.word_ids).map_err(|e| format!("{file}: class {name}: {e}"))?;
                if r.classes.len() >= MAX_CLASSES {
                    return Err(format!("{file}: more than {MAX_CLASSES} word classes"));
                }
                if r.class_index.insert(name.as_str().into(), r.classes.len()).is_some() {
                    return Err(format!("{file}: class {name} is defined twice"));
                }
                let ci = r.classes.len();
                for e in &c.entries {
                    match &e[0] {
                        Word::Exact(w, _) => {
                            let bits = r.class_by_word.entry(w.clone()).or_insert([0; MAX_CLASSES / 64]);
                            bits[ci / 64] |= 1 << (ci % 64);
                        }
                        Word::Prefix(p) => {
                            r.class_by_prefix.push((p.clone(), ci));
                        }
                    }
                }
                r.classes.push(c);
            }
        }
        let mut names = FxHashSet::default();
        for (file, spec) in &specs {
            for rs in &spec.rule {
                let ctx = |e: String| format!("{file}: rule {}: {e}", rs.name);
                if !names.insert(rs.name.clone()) {
                    return Err(ctx("the name is used twice".into()));
                }
                let kind = EventKind::parse(&rs.kind).ok_or_else(|| ctx(format!("no event kind {:?}", rs.kind)))?;
                let rule = Rule {
                    name: rs.name.as_str().into(),
                    kind,
                    when: r.compile_all(&rs.when).map_err(ctx)?,
                    with: r.compile_all(&rs.with).map_err(ctx)?,
                    unless: r.compile_all(&rs.unless).map_err(ctx)?,
                    suppress: Kinds::parse(&rs.suppress).map_err(ctx)?,
                    yield_to: Kinds::parse(&rs.yield_to).map_err(ctx)?,
                    context: r.compile_all(&rs.context).map_err(ctx)?,
                    unless_around: r.compile_all(&rs.unless_around).map_err(ctx)?,
                };
                r.rules.push(rule);
            }
            for vs in &spec.veto {
                let ctx = |e: String| format!("{file}: veto {}: {e}", vs.name);
                if !names.insert(vs.name.clone()) {
                    return Err(ctx("the name is used twice".into()));
                }
                if vs.when.is_empty() {
                    return Err(ctx("a veto needs `when`".into()));
                }
                let veto = Veto {
                    name: vs.name.as_str().into(),
                    when: r.compile_all(&vs.when).map_err(ctx)?,
                    unless: r.compile_all(&vs.unless).map_err(ctx)?,
                    kinds: Kinds::parse(&vs.kinds).map_err(ctx)?,
                    undated: vs.undated,
                };
                r.vetoes.push(veto);
            }
        }
        if r.rules.len() >= RuleId::MAX as usize {
            return Err("too many rules".into());
        }
        for rule in &r.rules {
            for &p in &rule.when {
                r.trigger[p as usize] = true;
                r.always[p as usize] = true;
            }
            for &p in rule.context.iter().chain(&rule.unless_around) {
                r.always[p as usize] = true;
            }
        }
        Ok(r)
    }

    fn compile_all(&mut self, srcs: &[String]) -> Result<Vec<u16>, String> {
        srcs.iter().map(|s| self.compile_pattern(s)).collect()
    }

    /// Compile a pattern the code reads ("@nationwide"; see [`Rules::compile_pattern`]).
    pub(crate) fn compile(&mut self, src: &str) -> Result<u16, String> {
        let id = self.compile_pattern(src)?;
        self.by_code[id as usize] = true;
        Ok(id)
    }

    /// Compile a pattern (or find it compiled already) and index it by its first words.
    fn compile_pattern(&mut self, src: &str) -> Result<u16, String> {
        let src = src.split_whitespace().collect::<Vec<_>>().join(" ");
        if let Some(i) = self.patterns.iter().position(|p| *p.source == *src) {
            return Ok(i as u16);
        }
        let index = &self.class_index;
        let p = pattern::parse(&src, &|n| index.get(n).copied(), &mut self.word_ids)?;
        if self.patterns.len() >= MAX_PATTERNS {
            return Err(format!("more than {MAX_PATTERNS} patterns"));
        }
        let id = self.patterns.len() as u16;
        match pattern::first_words(&p, &self.classes) {
            Some(words) => {
                for w in words {
                    match w {
                        Word::Exact(w, _) => {
                            let v = self.by_word.entry(w).or_default();
                            if !v.contains(&id) {
                                v.push(id);
                            }
                        }
                        Word::Prefix(p) => {
                            self.by_prefix.push((p, id));
                        }
                    }
                }
            }
            None => match p.elems[0].atom {
                pattern::Atom::Number => self.at_number.push(id),
                pattern::Atom::Name(_) => self.at_name.push(id),
                pattern::Atom::Cap => self.at_cap.push(id),
                _ => self.anywhere.push(id),
            },
        }
        let from = self.needs.len() as u32;
        for any in self.features_needed(&p) {
            self.needs.push(any.len() as u16);
            self.needs.extend_from_slice(&any);
        }
        self.needs_at.push((from, self.needs.len() as u32));
        self.patterns.push(p);
        self.always.push(false);
        self.trigger.push(false);
        self.by_code.push(false);
        Ok(id)
    }

    /// What `p` needs in a sentence, as features (see [`Rules::needs`]). An element with a
    /// word beyond [`MAX_FEATURES`] needs nothing.
    fn features_needed(&mut self, p: &Pattern) -> Vec<Vec<u16>> {
        let mut out = Vec::new();
        'elem: for choices in pattern::needs(p) {
            let mut any = Vec::new();
            for c in choices {
                match c {
                    Choice::Class(c) => any.push(*c as u16),
                    Choice::Word(w) => {
                        let next = (MAX_CLASSES + self.feature_words.len()) as u16;
                        let f = *self.feature_words.entry(w.clone()).or_insert(next);
                        if f as usize >= MAX_FEATURES {
                            self.feature_words.remove(w);
                            continue 'elem;
                        }
                        any.push(f);
                    }
                }
            }
            out.push(any);
        }
        out
    }

    /// Whether a sentence with `features` has what pattern `id` needs.
    fn viable(&self, id: u16, features: &Features) -> bool {
        let (a, b) = self.needs_at[id as usize];
        let mut need = &self.needs[a as usize..b as usize];
        while let Some((&n, rest)) = need.split_first() {
            let (any, after) = rest.split_at(n as usize);
            if !any.iter().any(|&f| features[f as usize / 64] & (1 << (f % 64)) != 0) {
                return false;
            }
            need = after;
        }
        true
    }

    /// Compile a pattern the code reads in every sentence ("@disputed").
    pub(crate) fn compile_always(&mut self, src: &str) -> Result<u16, String> {
        let id = self.compile(src)?;
        self.always[id as usize] = true;
        Ok(id)
    }

    /// The class called `name`, as a set of words. Panics when the class is missing or holds
    /// a phrase: the rule files are part of the program, and the tests load them.
    pub(crate) fn words(&self, name: &str) -> WordSet {
        let c = self.class_index.get(name).map(|&i| &self.classes[i]);
        let c = c.unwrap_or_else(|| panic!("the rule files define no class {name}"));
        let mut out = WordSet::default();
        for e in &c.entries {
            assert!(e.len() == 1, "class {name} is used as a word list and holds a phrase");
            match &e[0] {
                Word::Exact(w, _) => out.insert_word(w),
                Word::Prefix(p) => out.insert_prefix(p),
            }
        }
        out
    }

    /// Where an entry of class `class` that starts at token `i` ends (the longest).
    pub(crate) fn class_end(&self, class: usize, toks: &[Tok], i: usize) -> Option<usize> {
        let s = Subject { toks, ..Subject::default() };
        self.classes[class].longest_at(&s, i)
    }

    /// Where rule `id` matched in tokens `a..b`: the first match of one of its `when`
    /// patterns (first token, end token).
    pub(crate) fn trigger(&self, hits: &Hits, id: RuleId, a: usize, b: usize) -> Option<(usize, usize)> {
        let r = self.rules.get(id as usize)?;
        hits.hits
            .iter()
            .filter(|&&(p, s, e)| r.when.contains(&p) && s as usize >= a && e as usize <= b)
            .map(|&(_, s, e)| (s as usize, e as usize))
            .min()
    }

    /// The name of a rule.
    pub fn rule_name(&self, id: RuleId) -> &str {
        self.rules.get(id as usize).map_or("", |r| &r.name)
    }

    /// The rule called `name`.
    pub fn rule_id(&self, name: &str) -> Option<RuleId> {
        self.rules.iter().position(|r| &*r.name == name).map(|i| i as RuleId)
    }

    /// Every match of every pattern in a sentence: (pattern, first token, end token).
    pub(crate) fn hits(&self, s: &Subject) -> Hits {
        SCRATCH.with_borrow_mut(|scratch| self.hits_with(s, scratch))
    }

    fn hits_with(&self, s: &Subject, scratch: &mut Scratch) -> Hits {
        scratch.clear();
        // Per token: the patterns whose first word it is, and the classes that may start
        // there; for the sentence: the classes and words it has.
        let mut features: Features = [0; MAX_FEATURES / 64];
        self.first_words().scan(s, scratch, &mut features);
        let Scratch { tried, words, starts, number_words, ids, numbers, positional, rest, singles, .. } = scratch;
        let Scratch { entries, entries_at, class_ends, class_at, .. } = scratch;
        // Where each longer class entry that may start at a token ends, if it matches there.
        {
            let numbered = Subject { toks: s.toks, ids, ..Subject::default() };
            let rest = &self.first_words().rest;
            for (i, &(a, b)) in entries_at.iter().enumerate() {
                let from = class_ends.len() as u32;
                for e in &entries[a as usize..b as usize] {
                    let words = &rest[e.at as usize..e.at as usize + e.rest as usize];
                    if let Some(end) = pattern::entry_end(words, &numbered, i + 1) {
                        class_ends.push((e.class, end as u32));
                    }
                }
                class_at.push((from, class_ends.len() as u32));
            }
        }
        // Where numbers start, and where each ends.
        numbers.resize(s.toks.len(), 0);
        for (i, t) in s.toks.iter().enumerate() {
            let may_count = number_words[i] || t.text.as_bytes().first().is_some_and(u8::is_ascii_digit);
            if may_count && let Some((_, end)) = super::counts::number_at(s.toks, i) {
                numbers[i] = end as u32;
            }
        }
        // The patterns that start with a number, a name, a capital or anything, and that
        // this sentence has the words for.
        for (list, all) in positional.iter_mut().zip([&self.at_number, &self.at_name, &self.at_cap, &self.anywhere]) {
            list.extend(all.iter().copied().filter(|&id| self.viable(id, &features)));
        }
        let [at_number, at_name, at_cap, anywhere] = &*positional;
        let s =
            Subject { toks: s.toks, caps: s.caps, names: s.names, starts, numbers, ids, singles, class_ends, class_at };
        let mut out = Vec::with_capacity(8);
        // First the triggers, contexts and code patterns; the patterns that only qualify a
        // rule (with, unless, vetoes) wait until some trigger matched.
        for (i, &(a, b)) in words.iter().enumerate() {
            let positional: [&[u16]; 4] = [
                if s.numbers[i] > 0 { at_number } else { &[] },
                if s.names.get(i).is_some_and(Option::is_some) { at_name } else { &[] },
                if s.caps.get(i).copied().unwrap_or(false) { at_cap } else { &[] },
                anywhere,
            ];
            // (Most tokens start nothing.)
            if a == b && positional.iter().all(|p| p.is_empty()) {
                continue;
            }
            let by_word = tried[a as usize..b as usize].iter().filter(|&&id| self.viable(id, &features));
            for &id in by_word.chain(positional.into_iter().flatten()) {
                if !self.always[id as usize] {
                    rest.push((id, i as u32));
                } else if let Some(end) = pattern::match_at(&self.patterns[id as usize].elems, &self.classes, &s, i) {
                    out.push((id, i as u32, end as u32));
                }
            }
        }
        if out.iter().any(|&(id, _, _)| self.trigger[id as usize]) {
            // A rule's `with` and `unless` are read only where it may fire: in a sentence
            // where one of its `when` patterns matched.
            let q = self.triggers();
            let mut wanted = [0u64; MAX_PATTERNS / 64];
            for &(t, _, _) in out.iter().filter(|&&(id, _, _)| self.trigger[id as usize]) {
                for &p in &q.of_trigger[t as usize] {
                    wanted[p as usize / 64] |= 1 << (p % 64);
                }
            }
            let wanted = |p: u16| !q.only[p as usize] || wanted[p as usize / 64] & (1 << (p % 64)) != 0;
            for &(id, i) in rest.iter().filter(|(id, _)| wanted(*id)) {
                if let Some(end) = pattern::match_at(&self.patterns[id as usize].elems, &self.classes, &s, i as usize) {
                    out.push((id, i, end as u32));
                }
            }
        }
        Hits { hits: out }
    }

    /// The index of first words, built on first use.
    fn first_words(&self) -> &FirstWords {
        self.first_words.get_or_init(|| FirstWords::build(self))
    }

    /// What each trigger calls for (its rules, and their qualifiers), built on first use.
    fn triggers(&self) -> &Triggers {
        self.triggers.get_or_init(|| {
            let n = self.patterns.len();
            let mut only = vec![false; n];
            for r in &self.rules {
                for &p in r.with.iter().chain(&r.unless) {
                    only[p as usize] = true;
                }
            }
            for v in &self.vetoes {
                for &p in v.when.iter().chain(&v.unless) {
                    only[p as usize] = false;
                }
            }
            for ((o, always), by_code) in only.iter_mut().zip(&self.always).zip(&self.by_code) {
                *o &= !always && !by_code;
            }
            let mut of_trigger: Vec<Vec<u16>> = vec![Vec::new(); n];
            let mut rules_of: Vec<Vec<u16>> = vec![Vec::new(); n];
            for (i, r) in self.rules.iter().enumerate() {
                for &w in &r.when {
                    if !rules_of[w as usize].contains(&(i as u16)) {
                        rules_of[w as usize].push(i as u16);
                    }
                    for &p in r.with.iter().chain(&r.unless) {
                        if only[p as usize] && !of_trigger[w as usize].contains(&p) {
                            of_trigger[w as usize].push(p);
                        }
                    }
                }
            }
            Triggers { only, of_trigger, rules_of }
        })
    }

    /// The event kinds a clause (tokens `a..b` of the sentence `hits` came from) reports,
    /// each with the rule that gave it, in the order of [`EventKind::ALL`]. `context` holds
    /// the patterns of the text around the clause (see [`Context`]); `dated`, whether the
    /// clause states a date.
    pub(crate) fn classify(
        &self,
        hits: &Hits,
        a: usize,
        b: usize,
        context: &Context,
        dated: bool,
    ) -> Vec<(EventKind, RuleId)> {
        let present = hits.present(self.patterns.len(), a, b);
        let has = |p: &u16| present[*p as usize / 64] & (1 << (*p % 64)) != 0;
        let around = |p: &u16| has(p) || context.has(*p);
        // The rules a trigger in the clause calls for, in order (each has a `when` present).
        let q = self.triggers();
        let mut called: Vec<usize> = Vec::new();
        for &(id, s, e) in &hits.hits {
            if self.trigger[id as usize] && s as usize >= a && e as usize <= b {
                called.extend(q.rules_of[id as usize].iter().map(|&r| r as usize));
            }
        }
        called.sort_unstable();
        called.dedup();
        let fired: Vec<usize> = called
            .into_iter()
            .filter(|&i| {
                let r = &self.rules[i];
                r.with.iter().all(has)
                    && !r.unless.iter().any(has)
                    && (r.context.is_empty() || r.context.iter().any(around))
                    && !r.unless_around.iter().any(around)
            })
            .collect();
        if fired.is_empty() {
            return Vec::new();
        }
        let mut cancelled = Kinds::default();
        for &i in &fired {
            cancelled.0 |= self.rules[i].suppress.0;
        }
        for v in &self.vetoes {
            if v.when.iter().any(has) && !v.unless.iter().any(has) && !(v.undated && dated) {
                cancelled.0 |= v.kinds.0;
            }
        }
        let mut present_kinds = Kinds::default();
        for &i in &fired {
            let k = self.rules[i].kind;
            if !cancelled.has(k) {
                present_kinds.add(k);
            }
        }
        let mut out: Vec<(EventKind, RuleId)> = Vec::new();
        for &i in &fired {
            let r = &self.rules[i];
            if cancelled.has(r.kind) || r.yield_to.any_of(present_kinds) || out.iter().any(|(k, _)| *k == r.kind) {
                continue;
            }
            out.push((r.kind, i as RuleId));
        }
        out.sort_by_key(|(k, _)| k.index());
        out
    }
}

/// The patterns found in the text around a clause: the article's title and first
/// paragraph, and the sentences of the clause's paragraph up to its own.
#[derive(Debug, Clone, Default)]
pub(crate) struct Context {
    bits: Vec<u64>,
}

impl Context {
    /// Add every pattern of a sentence.
    pub(crate) fn add(&mut self, hits: &Hits) {
        for &(id, _, _) in &hits.hits {
            let w = id as usize / 64;
            if self.bits.len() <= w {
                self.bits.resize(w + 1, 0);
            }
            self.bits[w] |= 1 << (id % 64);
        }
    }
    fn has(&self, p: u16) -> bool {
        self.bits.get(p as usize / 64).is_some_and(|w| w & (1 << (p % 64)) != 0)
    }
}

/// The pattern matches of one sentence.
#[derive(Debug, Default)]
pub(crate) struct Hits {
    hits: Vec<(u16, u32, u32)>,
}

impl Hits {
    /// Bit set of the patterns matched wholly inside tokens `a..b`.
    fn present(&self, n: usize, a: usize, b: usize) -> [u64; MAX_PATTERNS / 64] {
        debug_assert!(n <= MAX_PATTERNS);
        let mut bits = [0u64; MAX_PATTERNS / 64];
        for &(id, s, e) in &self.hits {
            if s as usize >= a && e as usize <= b {
                bits[id as usize / 64] |= 1 << (id % 64);
            }
        }
        bits
    }
    /// Did pattern `p` match wholly inside tokens `a..b`?
    pub(crate) fn has(&self, p: u16, a: usize, b: usize) -> bool {
        self.hits.iter().any(|&(id, s, e)| id == p && s as usize >= a && e as usize <= b)
    }
    /// Where pattern `p` matched: (first token, end token).
    pub(crate) fn of(&self, p: u16) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.hits.iter().filter(move |h| h.0 == p).map(|h| (h.1 as usize, h.2 as usize))
    }
}

/// Word lists the code consults by name, resolved once.
pub(crate) struct Vocab {
    pub speech_verb: WordSet,
    pub group_noun: WordSet,
    pub group_modifier: WordSet,
    pub official: WordSet,
    pub speaker_adverb: WordSet,
    pub claim_gap: WordSet,
    pub people_noun: WordSet,
    pub person_noun: WordSet,
    pub killed_word: WordSet,
    pub injured_word: WordSet,
    pub casualty_verb: WordSet,
    pub drone_noun: WordSet,
    pub missile_noun: WordSet,
    pub weapon_modifier: WordSet,
    pub qualifier: WordSet,
    pub passive_link: WordSet,
    pub after_active_count: WordSet,
    pub place_actor_verb: WordSet,
    pub modified_noun: WordSet,
    pub locative_strong: WordSet,
    pub locative_strike: WordSet,
    pub locative_to: WordSet,
    pub locative_aid: WordSet,
    pub locative_weak: WordSet,
    pub locative_loose: WordSet,
    pub place_skip: Vec<Box<str>>,
    pub near_phrase: Vec<Box<str>>,
    /// The last words of `place_skip` and `near_phrase`: text that ends in none of them
    /// ends in no such phrase.
    pub place_phrase_end: WordSet,
    /// A class of words and phrases: "forces", "air force".
    pub acting_noun: usize,
    pub locative_country: WordSet,
    pub demonym_noun: WordSet,
    /// Compiled patterns the code looks for.
    pub disputed: u16,
    pub strikes_on_russia: u16,
    pub strikes_on_ukraine: u16,
    pub nationwide: u16,
}

/// The embedded rule set and the code's word lists.
pub struct Loaded {
    pub rules: Rules,
    pub(crate) vocab: Vocab,
}

static RULES: LazyLock<Loaded> = LazyLock::new(|| {
    let mut rules = Rules::from_files(FILES).unwrap_or_else(|e| panic!("assets/rules/en/{e}"));
    let disputed = rules.compile_always("@disputed").expect("the rule files define @disputed");
    let strikes_on_russia = rules.compile("@strikes_on_russia").expect("the rule files define @strikes_on_russia");
    let strikes_on_ukraine = rules.compile("@strikes_on_ukraine").expect("the rule files define @strikes_on_ukraine");
    let nationwide = rules.compile("@nationwide").expect("the rule files define @nationwide");
    let w = |n: &str| rules.words(n);
    let phrases = |name: &str| -> Vec<Box<str>> {
        let i = rules.class_index[name];
        rules.classes[i]
            .entries
            .iter()
            .map(|e| e.iter().map(|w| w.text().to_string()).collect::<Vec<_>>().join(" ").into_boxed_str())
            .collect()
    };
    let place_skip = phrases("place_skip");
    let near_phrase = phrases("near_phrase");
    let mut place_phrase_end = WordSet::default();
    for p in place_skip.iter().chain(&near_phrase) {
        let last = p.rsplit(' ').next().unwrap_or(p);
        assert!(last.chars().all(|c| c.is_alphanumeric() || c == '-'), "{p:?}: a place phrase ends in a word");
        place_phrase_end.insert_word(last);
    }
    let vocab = Vocab {
        speech_verb: w("speech_verb"),
        group_noun: w("group_noun"),
        group_modifier: w("group_modifier"),
        official: w("official"),
        speaker_adverb: w("speaker_adverb"),
        claim_gap: w("claim_gap"),
        people_noun: w("people_noun"),
        person_noun: w("person_noun"),
        killed_word: w("killed_word"),
        injured_word: w("injured_word"),
        casualty_verb: w("casualty_verb"),
        drone_noun: w("drone_noun"),
        missile_noun: w("missile_noun"),
        weapon_modifier: w("weapon_modifier"),
        qualifier: w("qualifier"),
        passive_link: w("passive_link"),
        after_active_count: w("after_active_count"),
        place_actor_verb: w("place_actor_verb"),
        modified_noun: w("modified_noun"),
        locative_strong: w("locative_strong"),
        locative_strike: w("locative_strike"),
        locative_to: w("locative_to"),
        locative_aid: w("locative_aid"),
        locative_weak: w("locative_weak"),
        locative_loose: w("locative_loose"),
        place_skip,
        near_phrase,
        place_phrase_end,
        acting_noun: rules.class_index["acting_noun"],
        locative_country: w("locative_country"),
        demonym_noun: w("demonym_noun"),
        disputed,
        strikes_on_russia,
        strikes_on_ukraine,
        nationwide,
    };
    Loaded { rules, vocab }
});

/// The embedded rule set, parsed on first use.
pub fn get() -> &'static Loaded {
    &RULES
}

/// A sentence's tokens (lowercase) as the patterns see them.
pub(crate) fn subject<'a, 't>(
    toks: &'a [Tok<'t>],
    caps: &'a [bool],
    names: &'a [Option<(NameKind, u32)>],
) -> Subject<'a, 't> {
    Subject { toks, caps, names, ..Subject::default() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_rules_load() {
        let l = get();
        assert!(l.rules.rules.len() > 10);
        assert!(l.vocab.speech_verb.has("said"));
    }

    #[test]
    fn errors_name_the_file_and_rule() {
        let bad = "[[rule]]\nname = \"x.y\"\nkind = \"strike\"\nwhen = [\"@nope\"]\n";
        let e = Rules::from_files(&[("t.toml", bad)]).err().unwrap();
        assert!(e.contains("t.toml") && e.contains("x.y") && e.contains("@nope"), "{e}");
        let bad = "[[rule]]\nname = \"x.y\"\nkind = \"bombing\"\nwhen = [\"a\"]\n";
        assert!(Rules::from_files(&[("t.toml", bad)]).err().unwrap().contains("bombing"));
        let bad = "[[rule]]\nname = \"x.y\"\nkind = \"strike\"\nwhen = [\"a\"]\nwhenn = [\"b\"]\n";
        assert!(Rules::from_files(&[("t.toml", bad)]).is_err());
    }

    #[test]
    fn suppression_yield_and_vetoes() {
        let src = r#"
[classes]
m = ["missiles", "drones"]
[[rule]]
name = "strike.fired"
kind = "strike"
when = ["fired ~3 @m"]
[[rule]]
name = "incursion.airspace"
kind = "incursion"
when = ["airspace"]
suppress = ["strike"]
[[rule]]
name = "diplomacy.talks"
kind = "diplomacy"
when = ["talks"]
yield_to = ["strike"]
[[veto]]
name = "veto.maybe"
when = ["might"]
kinds = ["strike"]
"#;
        let r = Rules::from_files(&[("t.toml", src)]).unwrap();
        let kinds = |text: &str| {
            let lower = text.to_ascii_lowercase();
            let toks = super::super::counts::tokens(&lower);
            let caps = vec![false; toks.len()];
            let names = vec![None; toks.len()];
            let h = r.hits(&subject(&toks, &caps, &names));
            r.classify(&h, 0, toks.len(), &Context::default(), false)
                .into_iter()
                .map(|(k, id)| (k, r.rule_name(id).to_string()))
                .collect::<Vec<_>>()
        };
        assert_eq!(kinds("They fired two missiles"), [(EventKind::Strike, "strike.fired".to_string())]);
        assert_eq!(
            kinds("They fired missiles into the airspace"),
            [(EventKind::Incursion, "incursion.airspace".into())]
        );
        assert_eq!(kinds("They fired missiles during talks"), [(EventKind::Strike, "strike.fired".to_string())]);
        assert_eq!(kinds("talks"), [(EventKind::Diplomacy, "diplomacy.talks".to_string())]);
        assert_eq!(
            kinds("They might have fired missiles during talks"),
            [(EventKind::Diplomacy, "diplomacy.talks".into())]
        );
    }

    #[test]
    fn a_sentence_matches_classes_as_each_pattern_alone_does() {
        // Classes with one-word, multi-word and prefix entries sharing first words: the
        // sentence pass reads each token's class entries once; matching each pattern on its
        // own (no sentence tables) must find the same ends.
        let src = r#"
[classes]
m = ["drone", "drone attack", "drone attacks on", "missile*", "cruise missile"]
v = ["struck", "struck at", "hit"]
[[rule]]
name = "strike.a"
kind = "strike"
when = ["@v ~2 @m", "@m on|in"]
"#;
        let r = Rules::from_files(&[("t.toml", src)]).unwrap();
        let mut matched = 0;
        for text in [
            "A drone attack on Kyiv",
            "A drone attacks on Kyiv",
            "They struck at a cruise missile depot",
            "Missiles hit the drone attack site in Lviv",
            "The drone in the cruise",
        ] {
            let lower = text.to_ascii_lowercase();
            let toks = super::super::counts::tokens(&lower);
            let caps = vec![false; toks.len()];
            let names = vec![None; toks.len()];
            let mut found = r.hits(&subject(&toks, &caps, &names)).hits;
            found.sort_unstable();
            let s = subject(&toks, &caps, &names);
            let mut alone: Vec<(u16, u32, u32)> = Vec::new();
            for (id, p) in r.patterns.iter().enumerate() {
                for i in 0..toks.len() {
                    if let Some(e) = pattern::match_at(&p.elems, &r.classes, &s, i) {
                        alone.push((id as u16, i as u32, e as u32));
                    }
                }
            }
            alone.sort_unstable();
            assert_eq!(found, alone, "{text:?}");
            matched += usize::from(!alone.is_empty());
        }
        assert_eq!(matched, 4);
    }
}
