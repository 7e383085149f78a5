//! Stable keys for articles and events: what the workspace stores instead of positions, so
//! that a note or a flag finds its event again after the corpus is reloaded or extraction
//! runs again.
//!
//! An article's key is a hash of its body with every run of whitespace made one space and the
//! ends trimmed (a re-wrapped or re-indented copy keeps its key). An event's key is a hash of
//! its article's key, its kind's name, its sentence (whitespace collapsed the same way) and
//! `nth`, its position among the events of that article with the same sentence and kind (0
//! unless one sentence gave two events of one kind). Neither depends on the file's name or
//! on byte offsets, and neither on the order the files were read in.
//!
//! The hash ([`KeyHash`]) is written out here: `std`'s `DefaultHasher` may change between Rust
//! releases (and `rustc-hash` changed its algorithm in 2.0), and a key must mean the same thing
//! to every future sitrep that opens the workspace. 64 bits keep the chance of two of 100,000
//! events sharing a key near 3 in 10^10.

use std::fmt;

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::extract::EventId;
use crate::store::Store;

/// A 64-bit hash that is the same in every build and release: the bytes are taken 8 at a
/// time (little-endian, the last word padded with zeros), each word mixed in with a xor, a
/// multiply by an odd constant and a rotation (each a one-to-one map, so two texts of one
/// length that differ in one word never collide), then the length, then SplitMix64's
/// finaliser so that every bit of the key depends on every bit of the text. One multiply per
/// 8 bytes, where FNV-1a makes one per byte.
///
/// [`keys_for_store`] on `store::demo::synthetic(100_000)` (22 MB of bodies and sentences)
/// takes about 19 ms optimised on this 2-core machine while another build runs (it took 46 ms
/// with FNV-1a and a branch per byte).
#[derive(Clone, Copy)]
struct KeyHash {
    h: u64,
    word: u64,
    filled: u32,
    len: u64,
}

impl KeyHash {
    const SEED: u64 = 0x243f_6a88_85a3_08d3;
    const K: u64 = 0x9e37_79b9_7f4a_7c15;

    fn new() -> KeyHash {
        KeyHash { h: KeyHash::SEED, word: 0, filled: 0, len: 0 }
    }

    #[inline]
    fn byte(&mut self, b: u8) {
        self.word |= u64::from(b) << (self.filled * 8);
        self.filled += 1;
        if self.filled == 8 {
            self.mix();
        }
    }

    #[inline]
    fn mix(&mut self) {
        self.h = (self.h ^ self.word).wrapping_mul(KeyHash::K).rotate_left(29);
        self.len += u64::from(self.filled);
        self.word = 0;
        self.filled = 0;
    }

    /// The same as [`KeyHash::byte`] for each byte, a word at a time where it can.
    fn bytes(&mut self, mut bytes: &[u8]) {
        while self.filled != 0 {
            let Some((&b, rest)) = bytes.split_first() else { return };
            self.byte(b);
            bytes = rest;
        }
        let mut words = bytes.chunks_exact(8);
        for w in &mut words {
            let w: [u8; 8] = w.try_into().expect("chunks of 8");
            self.word = u64::from_le_bytes(w);
            self.filled = 8;
            self.mix();
        }
        for &b in words.remainder() {
            self.byte(b);
        }
    }

    fn finish(mut self) -> u64 {
        if self.filled > 0 {
            self.mix();
        }
        self.h = (self.h ^ self.len).wrapping_mul(KeyHash::K).rotate_left(29);
        let mut z = self.h;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// `text` with each run of whitespace as one space, and none at the ends: the bytes of
    /// `text.split_whitespace()` joined by spaces. Written without a branch per byte (the
    /// whitespace test mispredicts once a word): ASCII bytes through a table, and only the
    /// first byte of a character that may be a Unicode space (U+0085, U+00A0, U+1680,
    /// U+2000-U+3000) decodes it.
    fn collapsed(&mut self, text: &str) {
        SCRATCH.with(|scratch| {
            let mut out = scratch.borrow_mut();
            collapse_into(text, &mut out);
            self.bytes(&out);
        });
    }
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

const WORD: u8 = 0;
const SPACE: u8 = 1;
const MAYBE: u8 = 2;
/// What a byte is to [`collapse_into`]: part of a word, ASCII whitespace, or the lead byte of
/// a character that may be whitespace.
const CLASS: [u8; 256] = {
    let mut t = [WORD; 256];
    t[b' ' as usize] = SPACE;
    t[b'\t' as usize] = SPACE;
    t[b'\n' as usize] = SPACE;
    t[b'\r' as usize] = SPACE;
    t[0x0B] = SPACE;
    t[0x0C] = SPACE;
    t[0xC2] = MAYBE;
    t[0xE1] = MAYBE;
    t[0xE2] = MAYBE;
    t[0xE3] = MAYBE;
    t
};

/// Each byte, or a space for ASCII whitespace.
const SPACED: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = if CLASS[i] == SPACE { b' ' } else { i as u8 };
        i += 1;
    }
    t
};

/// `out` = the words of `text` joined by single spaces.
fn collapse_into(text: &str, out: &mut Vec<u8>) {
    let bytes = text.as_bytes();
    out.clear();
    out.resize(bytes.len() + 1, 0);
    let mut pos = 0;
    // At the start, as after whitespace: leading whitespace writes nothing.
    let mut after_space = true;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let class = CLASS[b as usize];
        if class == MAYBE {
            let c = text[i..].chars().next().unwrap_or('\0');
            let n = c.len_utf8();
            if c.is_whitespace() {
                out[pos] = b' ';
                pos += usize::from(!after_space);
                after_space = true;
            } else {
                out[pos..pos + n].copy_from_slice(&bytes[i..i + n]);
                pos += n;
                after_space = false;
            }
            i += n;
            continue;
        }
        // Whitespace is written as a space; `pos` moves past the first after a word only, so
        // the next whitespace bytes and the word after overwrite it. No branch on the byte.
        let m = SPACED[b as usize];
        let space = m == b' ';
        out[pos] = m;
        pos += usize::from(!(space & after_space));
        after_space = space;
        i += 1;
    }
    if after_space && pos > 0 {
        pos -= 1;
    }
    out.truncate(pos);
}

/// The key of an article in a workspace: 16 hex digits (see the module's doc).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct ArticleKey(String);

/// The key of an event in a workspace: 16 hex digits (see the module's doc).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct EventKey(String);

macro_rules! key_methods {
    ($t:ident) => {
        impl $t {
            /// A key as stored (any text: a key read from the database need not be one this
            /// sitrep would make, and then it finds nothing).
            pub fn new(key: impl Into<String>) -> $t {
                $t(key.into())
            }
            fn of_hash(h: u64) -> $t {
                $t(hex(h))
            }
            pub fn as_str(&self) -> &str {
                &self.0
            }
            /// The hash back from the hex, for the reverse lookups.
            fn hash(&self) -> Option<u64> {
                if self.0.len() != 16 {
                    return None;
                }
                u64::from_str_radix(&self.0, 16).ok()
            }
        }

        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

key_methods!(ArticleKey);
key_methods!(EventKey);

/// `h` as 16 lowercase hex digits (as `format!("{h:016x}")`, without the formatter).
fn hex(h: u64) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(16);
    for i in (0..16).rev() {
        s.push(char::from(DIGITS[((h >> (i * 4)) & 0xf) as usize]));
    }
    s
}

/// The hash of an article's body: `dup` is how many articles before it in the store had
/// the same body (0 but for the rare feed that repeats an item), so that keys stay unique.
fn article_hash(body: &str, dup: u32) -> u64 {
    let mut h = KeyHash::new();
    h.collapsed(body);
    if dup > 0 {
        h.bytes(&[0]);
        h.bytes(&dup.to_le_bytes());
    }
    h.finish()
}

/// The hash of an event before its `nth` is known: article, kind, sentence.
fn event_stem(article: u64, kind: &str, sentence: &str) -> KeyHash {
    let mut h = KeyHash::new();
    h.bytes(&article.to_le_bytes());
    // The kind's name cannot hold a NUL, so the sentence starts at a known place.
    h.bytes(kind.as_bytes());
    h.bytes(&[0]);
    h.collapsed(sentence);
    h
}

fn event_hash(mut stem: KeyHash, nth: u32) -> u64 {
    stem.bytes(&[0]);
    stem.bytes(&nth.to_le_bytes());
    stem.finish()
}

/// The keys of every article and event of a store, and the way back from a key.
#[derive(Debug, Default)]
pub struct StoreKeys {
    articles: Vec<ArticleKey>,
    events: Vec<EventKey>,
    article_at: FxHashMap<u64, u32>,
    event_at: FxHashMap<u64, EventId>,
}

/// The keys of `store`'s articles and events: one pass over the article bodies and the
/// events' sentences, on rayon's threads (22 MB for the 100,000 events of
/// `store::demo::synthetic`).
pub fn keys_for_store(store: &Store) -> StoreKeys {
    let articles = store.articles();
    // The hashing runs on rayon's threads; only the rare repeat is settled in order.
    let first: Vec<u64> = articles.par_iter().map(|a| article_hash(&a.body, 0)).collect();
    let mut article_hashes = Vec::with_capacity(articles.len());
    let mut article_at = FxHashMap::default();
    article_at.reserve(articles.len());
    for (i, (a, &h0)) in articles.iter().zip(&first).enumerate() {
        let mut dup = 0;
        let mut h = h0;
        while article_at.contains_key(&h) {
            dup += 1;
            h = article_hash(&a.body, dup);
        }
        article_at.insert(h, i as u32);
        article_hashes.push(h);
    }

    let events = store.events();
    let mut event_at = FxHashMap::default();
    event_at.reserve(events.len());
    // How many events with the same stem came before: almost always none.
    let mut seen: FxHashMap<u64, u32> = FxHashMap::default();
    let mut keys = Vec::with_capacity(events.len());
    let stems: Vec<KeyHash> = events
        .par_iter()
        .map(|e| match (article_hashes.get(e.article as usize), articles.get(e.article as usize)) {
            (Some(&h), Some(a)) => event_stem(h, e.kind.as_str(), e.text(a)),
            _ => event_stem(0, e.kind.as_str(), ""),
        })
        .collect();
    for (id, stem) in stems.into_iter().enumerate() {
        let nth = seen.entry(stem.finish()).or_insert(0);
        let h = event_hash(stem, *nth);
        *nth += 1;
        event_at.insert(h, id as EventId);
        keys.push(EventKey::of_hash(h));
    }
    StoreKeys {
        articles: article_hashes.into_iter().map(ArticleKey::of_hash).collect(),
        events: keys,
        article_at,
        event_at,
    }
}

impl StoreKeys {
    /// The key of the article at `index` of [`Store::articles`].
    ///
    /// # Panics
    /// When the store has no such article.
    pub fn article(&self, index: u32) -> &ArticleKey {
        &self.articles[index as usize]
    }

    /// The key of event `id`.
    ///
    /// # Panics
    /// When the store has no such event.
    pub fn event(&self, id: EventId) -> &EventKey {
        &self.events[id as usize]
    }

    /// The key of the article at `index`, if there is one.
    pub fn get_article(&self, index: u32) -> Option<&ArticleKey> {
        self.articles.get(index as usize)
    }

    /// The key of event `id`, if there is one.
    pub fn get_event(&self, id: EventId) -> Option<&EventKey> {
        self.events.get(id as usize)
    }

    /// The event with this key in the store, if it is there.
    pub fn event_by_key(&self, key: &EventKey) -> Option<EventId> {
        self.event_at.get(&key.hash()?).copied()
    }

    /// The index of the article with this key in the store, if it is there.
    pub fn article_by_key(&self, key: &ArticleKey) -> Option<u32> {
        self.article_at.get(&key.hash()?).copied()
    }

    /// How many events have a key.
    pub fn events_len(&self) -> usize {
        self.events.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::EventKind;
    use crate::store::demo::{Builder, Ev};

    /// A store of one article holding `body`, with an event of `kind` on each sentence.
    fn store(body: &str, events: &[(EventKind, &str)]) -> Store {
        let mut b = Builder::new();
        let a = b.article("Title", Some("Outlet"), None, Some("2026-02-01"), &[body]);
        for (kind, sentence) in events {
            b.event(a, Ev { kind: Some(*kind), sentence, ..Ev::default() });
        }
        b.build()
    }

    fn hash(s: &str) -> u64 {
        let mut h = KeyHash::new();
        h.bytes(s.as_bytes());
        h.finish()
    }

    /// Keys are stored: the hash of a text must never change. These values were computed when
    /// the hash was written; a test that fails here means every workspace's notes are orphaned.
    #[test]
    fn the_hash_never_changes() {
        let pinned = [
            ("", 0xe216_6f5a_d8b5_db1d),
            ("a", 0x3650_6b4c_a799_821e),
            ("a\0", 0x2de5_93f6_0f42_a06a),
            ("abcdefgh", 0x533a_9f5d_21dc_1de3),
            ("Shelling hit Druzhkivka overnight, killing two.", 0xf19e_bef4_6d40_2a48),
        ];
        let got: Vec<(&str, u64)> = pinned.iter().map(|&(s, _)| (s, hash(s))).collect();
        assert_eq!(got, pinned);
    }

    #[test]
    fn the_hash_tells_near_texts_apart() {
        let mut seen = std::collections::HashSet::new();
        let mut texts = vec![String::new(), "a".into(), "a\0".into(), "\0a".into(), "b".into()];
        for n in 2..40 {
            texts.push("x".repeat(n));
            texts.push(format!("{}\0", "x".repeat(n)));
        }
        for t in &texts {
            assert!(seen.insert(hash(t)), "{t:?} collides");
        }
    }

    #[test]
    fn collapsing_is_split_whitespace_joined_by_spaces() {
        let texts = [
            "",
            "   ",
            "one",
            "  two  words ",
            "tab\tnew\nline\r\ncr\x0bvt\x0cff",
            "nbsp\u{a0}here\u{3000}ideographic\u{2009}thin\u{85}nel",
            "Erdoğan キーウ 🚀\u{200b}zero-width-is-not-space",
            "\u{a0}\u{a0}lead and trail\u{2029}",
        ];
        for t in texts {
            let mut fast = KeyHash::new();
            fast.collapsed(t);
            let mut plain = KeyHash::new();
            plain.bytes(t.split_whitespace().collect::<Vec<_>>().join(" ").as_bytes());
            assert_eq!(fast.finish(), plain.finish(), "{t:?}");
        }
        // Fed in pieces or at once, byte by byte or a word at a time: the same hash.
        let text = "Shelling hit Druzhkivka overnight, killing two and injuring five.";
        let mut whole = KeyHash::new();
        whole.bytes(text.as_bytes());
        for cut in [0, 1, 3, 7, 8, 9, 20] {
            let mut parts = KeyHash::new();
            parts.bytes(&text.as_bytes()[..cut]);
            parts.bytes(&text.as_bytes()[cut..]);
            let mut single = KeyHash::new();
            text.bytes().for_each(|b| single.byte(b));
            assert_eq!((parts.finish(), single.finish()), (whole.finish(), whole.finish()), "cut at {cut}");
        }
        for h in [0, 1, 0xdead_beef, u64::MAX, 0x0123_4567_89ab_cdef] {
            assert_eq!(hex(h), format!("{h:016x}"));
        }
    }

    #[test]
    fn keys_survive_rewrapping() {
        let a = store("Shelling hit Druzhkivka. Two were killed.", &[(EventKind::Strike, "Shelling hit Druzhkivka.")]);
        let b = store(
            "  Shelling  hit\n  Druzhkivka.\n\tTwo were\r\nkilled.  ",
            &[(EventKind::Strike, "Shelling  hit\n  Druzhkivka.")],
        );
        let (ka, kb) = (keys_for_store(&a), keys_for_store(&b));
        assert_eq!(ka.article(0), kb.article(0));
        assert_eq!(ka.event(0), kb.event(0));
        assert_eq!(ka.event(0).as_str().len(), 16);
        assert!(ka.event(0).as_str().bytes().all(|c| c.is_ascii_hexdigit()));
        // And the keys do not move with the article's file name or position in the store.
        let mut two = Builder::new();
        two.article("Other", None, None, None, &["Something else entirely."]);
        let x = two.article("Title", None, None, None, &["Shelling hit Druzhkivka. Two were killed."]);
        two.event(x, Ev { kind: Some(EventKind::Strike), sentence: "Shelling hit Druzhkivka.", ..Ev::default() });
        let kt = keys_for_store(&two.build());
        assert_eq!(kt.article(1), ka.article(0));
        assert_eq!(kt.event(0), ka.event(0));
    }

    #[test]
    fn keys_differ_with_text_kind_and_nth() {
        let body = "Shelling hit Druzhkivka. Drones hit Kharkiv.";
        let s = store(
            body,
            &[
                (EventKind::Strike, "Shelling hit Druzhkivka."),
                (EventKind::Strike, "Drones hit Kharkiv."),
                (EventKind::Other, "Shelling hit Druzhkivka."),
                (EventKind::Strike, "Shelling hit Druzhkivka."),
            ],
        );
        let k = keys_for_store(&s);
        let all: Vec<&EventKey> = (0..4).map(|i| k.event(i)).collect();
        for i in 0..4 {
            for j in i + 1..4 {
                assert_ne!(all[i], all[j], "events {i} and {j}");
            }
        }
        // A word changed in the article changes its key and its events' keys.
        let t =
            store("Shelling hit Druzhkivka. Drones hit Kharkov.", &[(EventKind::Strike, "Shelling hit Druzhkivka.")]);
        let kt = keys_for_store(&t);
        assert_ne!(kt.article(0), k.article(0));
        assert_ne!(kt.event(0), k.event(0));
    }

    #[test]
    fn reverse_lookups_find_every_key_and_nothing_else() {
        let s = crate::store::demo::demo();
        let k = keys_for_store(&s);
        for id in 0..s.events().len() as EventId {
            assert_eq!(k.event_by_key(k.event(id)), Some(id));
        }
        for i in 0..s.articles().len() as u32 {
            assert_eq!(k.article_by_key(k.article(i)), Some(i));
        }
        assert_eq!(k.event_by_key(&EventKey::new("0123456789abcdef")), None);
        assert_eq!(k.event_by_key(&EventKey::new("not a key")), None);
        assert_eq!(k.article_by_key(&ArticleKey::new("")), None);
        assert_eq!(k.get_event(s.events().len() as EventId), None);
    }

    #[test]
    fn articles_with_the_same_text_get_different_keys() {
        let mut b = Builder::new();
        b.article("One", None, None, None, &["The same words."]);
        b.article("Two", None, None, None, &["The  same words."]);
        let k = keys_for_store(&b.build());
        assert_ne!(k.article(0), k.article(1));
        assert_eq!(k.article_by_key(k.article(1)), Some(1));
    }
}
