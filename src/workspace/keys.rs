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
//! The hash is FNV-1a, 64 bits, written out here: `std`'s `DefaultHasher` may change between
//! Rust releases, and a key must mean the same thing to every future sitrep that opens the
//! workspace. 64 bits keep the chance of two of 100,000 events sharing a key near 3 in 10^10.

use std::fmt;

use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::extract::EventId;
use crate::store::Store;

/// FNV-1a, 64 bits.
#[derive(Clone, Copy)]
struct Fnv(u64);

impl Fnv {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;

    fn new() -> Fnv {
        Fnv(Fnv::OFFSET)
    }

    fn bytes(&mut self, bytes: &[u8]) {
        let mut h = self.0;
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(Fnv::PRIME);
        }
        self.0 = h;
    }

    /// `text` with each run of whitespace as one space, and none at the ends.
    fn collapsed(&mut self, text: &str) {
        let mut words = text.split_whitespace();
        if let Some(first) = words.next() {
            self.bytes(first.as_bytes());
            for w in words {
                self.bytes(b" ");
                self.bytes(w.as_bytes());
            }
        }
    }
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
                $t(format!("{h:016x}"))
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

/// The hash of an article's body: `dup` is how many articles before it in the store had
/// the same body (0 but for the rare feed that repeats an item), so that keys stay unique.
fn article_hash(body: &str, dup: u32) -> u64 {
    let mut h = Fnv::new();
    h.collapsed(body);
    if dup > 0 {
        h.bytes(&[0]);
        h.bytes(&dup.to_le_bytes());
    }
    h.0
}

/// The hash of an event before its `nth` is known: article, kind, sentence.
fn event_stem(article: u64, kind: &str, sentence: &str) -> Fnv {
    let mut h = Fnv::new();
    h.bytes(&article.to_le_bytes());
    // The kind's name cannot hold a NUL, so the sentence starts at a known place.
    h.bytes(kind.as_bytes());
    h.bytes(&[0]);
    h.collapsed(sentence);
    h
}

fn event_hash(mut stem: Fnv, nth: u32) -> u64 {
    stem.bytes(&[0]);
    stem.bytes(&nth.to_le_bytes());
    stem.0
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
/// events' sentences (about 30 MB hashed for 100,000 events).
pub fn keys_for_store(store: &Store) -> StoreKeys {
    let articles = store.articles();
    let mut article_hashes = Vec::with_capacity(articles.len());
    let mut article_at = FxHashMap::default();
    article_at.reserve(articles.len());
    for (i, a) in articles.iter().enumerate() {
        let mut dup = 0;
        let h = loop {
            let h = article_hash(&a.body, dup);
            if !article_at.contains_key(&h) {
                break h;
            }
            dup += 1;
        };
        article_at.insert(h, i as u32);
        article_hashes.push(h);
    }

    let events = store.events();
    let mut event_at = FxHashMap::default();
    event_at.reserve(events.len());
    // How many events with the same stem came before: almost always none.
    let mut seen: FxHashMap<u64, u32> = FxHashMap::default();
    let mut keys = Vec::with_capacity(events.len());
    for (id, e) in events.iter().enumerate() {
        let (hash, text) = match (article_hashes.get(e.article as usize), articles.get(e.article as usize)) {
            (Some(&h), Some(a)) => (h, e.text(a)),
            _ => (0, ""),
        };
        let stem = event_stem(hash, e.kind.as_str(), text);
        let nth = seen.entry(stem.0).or_insert(0);
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

    #[test]
    fn fnv_matches_the_published_vectors() {
        // From the FNV reference (draft-eastlake-fnv): "" and "a" and "foobar".
        for (s, want) in [("", 0xcbf29ce484222325), ("a", 0xaf63dc4c8601ec8c), ("foobar", 0x85944171f73967e8)] {
            let mut h = Fnv::new();
            h.bytes(s.as_bytes());
            assert_eq!(h.0, want, "{s:?}");
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
