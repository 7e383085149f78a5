//! The same article loaded twice (a file and its copy, a saved page and its feed item, one
//! URL in two feeds) is one article that lists the other files. Two articles are copies when
//! they have the same canonical URL (scheme, `www.`, trailing slash, fragment and tracking
//! parameters aside), or the same text up to whitespace and a little debris: 64-bit SimHashes
//! of their word trigrams within [`MAX_DISTANCE`] bits. A story another outlet rewrote
//! shares neither and stays apart (merging its events is the store's business).

use std::collections::HashMap;

use rayon::prelude::*;

use super::article::{Article, Extra};

/// SimHashes this close (in differing bits) are the same text.
const MAX_DISTANCE: u32 = 3;
/// Shorter bodies are compared by URL only: a few words say too little for a SimHash.
const MIN_WORDS: usize = 80;
/// The SimHash reads at most this much of a body.
const WINDOW: usize = 16 * 1024;

/// Merge the copies in `articles` (in load order): of each set of copies the one with the
/// most text stays (the first, when none has a tenth more), where the first of the set was,
/// and lists the others' files.
pub(crate) fn merge(articles: Vec<Article>) -> Vec<Article> {
    merge_parts(articles).0
}

/// As [`merge`], also giving the copies left out (as they were loaded, in load order).
pub(crate) fn merge_parts(mut articles: Vec<Article>) -> (Vec<Article>, Vec<Article>) {
    let n = articles.len();
    if n < 2 {
        return (articles, Vec::new());
    }
    let mut sets = Sets::new(n);
    let hashes: Vec<Option<u64>> = articles.par_iter().map(|a| simhash(&a.body)).collect();
    let mut by_url: HashMap<String, usize> = HashMap::new();
    for (i, a) in articles.iter().enumerate() {
        let Some(u) = a.url.as_deref().and_then(url_key) else { continue };
        match by_url.get(&u) {
            Some(&j) if same_page(&articles[i], &articles[j], hashes[i], hashes[j]) => sets.join(i, j),
            Some(_) => {}
            None => {
                by_url.insert(u, i);
            }
        }
    }
    // Same text: any two hashes within 3 bits agree on one of four 16-bit bands.
    let mut bands: HashMap<(u8, u16), Vec<usize>> = HashMap::new();
    for (i, h) in hashes.iter().enumerate() {
        let Some(h) = *h else { continue };
        for b in 0..4u8 {
            let key = (b, (h >> (16 * b)) as u16);
            let near = bands.entry(key).or_default();
            for &j in near.iter() {
                if hashes[j].is_some_and(|g| (g ^ h).count_ones() <= MAX_DISTANCE) {
                    sets.join(i, j);
                }
            }
            near.push(i);
        }
    }
    // Each set's keeper: the first loaded, unless another has clearly more text (a page
    // over its feed item's summary).
    let mut keeper: HashMap<usize, usize> = HashMap::new();
    for (i, a) in articles.iter().enumerate() {
        let root = sets.find(i);
        let k = keeper.entry(root).or_insert(i);
        if a.body.len() > articles[*k].body.len() + articles[*k].body.len() / 10 {
            *k = i;
        }
    }
    if keeper.len() == n {
        return (articles, Vec::new());
    }
    let mut copies: HashMap<usize, Vec<String>> = HashMap::new();
    for (i, a) in articles.iter().enumerate() {
        let k = keeper[&sets.find(i)];
        if k != i {
            let list = copies.entry(k).or_default();
            if !list.contains(&a.file) && a.file != articles[k].file {
                list.push(a.file.clone());
            }
        }
    }
    for (k, list) in copies {
        if !list.is_empty() {
            articles[k].extra.get_or_insert_with(|| Box::new(Extra::default())).copies = list;
        }
    }
    // The keeper takes the place of its set's first member (the set's root: the smallest
    // index), in place: the whole corpus is not copied for a few copies.
    let roots: Vec<bool> = (0..n).map(|i| sets.find(i) == i).collect();
    for (i, _) in roots.iter().enumerate().filter(|(_, r)| **r) {
        articles.swap(i, keeper[&i]);
    }
    let (mut kept, mut left_out) = (Vec::with_capacity(keeper.len()), Vec::with_capacity(n - keeper.len()));
    for (a, root) in articles.into_iter().zip(roots) {
        if root { kept.push(a) } else { left_out.push(a) }
    }
    (kept, left_out)
}

/// Two articles under one URL are one page unless both are long and their texts have
/// nothing in common (a page saved before and after it was replaced): a feed item's summary
/// and its page differ in length, a copy not at all.
fn same_page(a: &Article, b: &Article, ha: Option<u64>, hb: Option<u64>) -> bool {
    let (short, long) = if a.body.len() < b.body.len() { (a, b) } else { (b, a) };
    match (ha, hb) {
        (Some(x), Some(y)) => (x ^ y).count_ones() <= SAME_PAGE_DISTANCE || short.body.len() * 2 < long.body.len(),
        _ => true,
    }
}

/// Two long texts under one URL this close (in SimHash bits) are versions of one page;
/// unrelated texts are about 32 bits apart.
const SAME_PAGE_DISTANCE: u32 = 16;

/// A URL as a key: no scheme, no `www.`, host in lower case, no fragment, no tracking
/// parameters (`utm_*`, `fbclid`, `gclid`), no trailing slash.
fn url_key(url: &str) -> Option<String> {
    let rest = url.trim().split_once("://").map_or(url.trim(), |(_, r)| r);
    let rest = rest.split('#').next().unwrap_or("");
    let (host_path, query) = rest.split_once('?').unwrap_or((rest, ""));
    let (host, path) = host_path.split_once('/').unwrap_or((host_path, ""));
    let host = host.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    if host.is_empty() {
        return None;
    }
    let params: Vec<&str> = query
        .split('&')
        .filter(|p| !p.is_empty() && !p.starts_with("utm_") && !p.starts_with("fbclid=") && !p.starts_with("gclid="))
        .collect();
    let path = path.trim_end_matches('/');
    let mut key = format!("{host}/{path}");
    if !params.is_empty() {
        key.push('?');
        key.push_str(&params.join("&"));
    }
    Some(key)
}

/// The SimHash of a body's word trigrams (lower case), or `None` for a body under
/// [`MIN_WORDS`] words. (Single content words were tried: more tolerant of debris, but two
/// formulaic texts of one kind, such as two days' front-line summaries, came within 3 bits.)
fn simhash(body: &str) -> Option<u64> {
    let window = super::text::prefix(body, WINDOW).as_bytes();
    let mut count = 0usize;
    let mut votes = Votes::default();
    let mut last = [0u64; 2];
    let mut feature = |count: usize, h: u64| {
        if count >= 3 {
            votes.add(mix(last[0] ^ last[1].rotate_left(21) ^ h.rotate_left(42)));
        }
        last = [last[1], h];
    };
    // Words: runs of ASCII letters and digits and of non-ASCII bytes (letters of other
    // scripts; a non-ASCII punctuation mark joins two words, which is harmless here), ASCII
    // folded to lower case.
    let mut start = 0;
    let mut h = FNV_START;
    for (i, &b) in window.iter().enumerate() {
        if b.is_ascii_alphanumeric() || b >= 0x80 {
            h = (h ^ b.to_ascii_lowercase() as u64).wrapping_mul(FNV_PRIME);
            continue;
        }
        if i > start {
            count += 1;
            feature(count, h);
        }
        start = i + 1;
        h = FNV_START;
    }
    if window.len() > start {
        count += 1;
        feature(count, h);
    }
    (count >= MIN_WORDS).then(|| votes.majority())
}

/// Per bit, how many of the features added had it set: eight 8-bit counters in each of eight
/// words, spread from a byte of the feature by table (eight additions a feature, where a
/// loop over the 64 bits took 64 of everything), emptied into wide counters before they
/// overflow.
struct Votes {
    packed: [u64; 8],
    pending: u32,
    wide: [u32; 64],
    features: u32,
}

impl Default for Votes {
    fn default() -> Self {
        Votes { packed: [0; 8], pending: 0, wide: [0; 64], features: 0 }
    }
}

impl Votes {
    fn add(&mut self, s: u64) {
        for (j, p) in self.packed.iter_mut().enumerate() {
            *p += SPREAD[(s >> (8 * j)) as u8 as usize];
        }
        self.pending += 1;
        self.features += 1;
        if self.pending == 255 {
            self.flush();
        }
    }

    fn flush(&mut self) {
        for (j, p) in self.packed.iter_mut().enumerate() {
            for k in 0..8 {
                self.wide[8 * j + k] += ((*p >> (8 * k)) & 0xff) as u32;
            }
            *p = 0;
        }
        self.pending = 0;
    }

    /// A bit per bit set in more than half the features.
    fn majority(mut self) -> u64 {
        self.flush();
        let n = self.features;
        self.wide.iter().enumerate().fold(0u64, |h, (bit, &v)| if v * 2 > n { h | 1 << bit } else { h })
    }
}

/// Byte `v` spread out: bit `k` of `v` at bit `8k`.
static SPREAD: [u64; 256] = {
    let mut t = [0u64; 256];
    let mut v = 0;
    while v < 256 {
        let mut k = 0;
        while k < 8 {
            t[v] |= ((v as u64 >> k) & 1) << (8 * k);
            k += 1;
        }
        v += 1;
    }
    t
};

const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// A 64-bit finaliser (splitmix64): every input bit moves every output bit.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Union-find over article indexes.
struct Sets(Vec<usize>);

impl Sets {
    fn new(n: usize) -> Self {
        Sets((0..n).collect())
    }
    fn find(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }
    /// Join two sets; the smaller index is the root (the set's first member).
    fn join(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        let (lo, hi) = if a < b { (a, b) } else { (b, a) };
        self.0[hi] = lo;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn votes_count_every_bit() {
        let mut v = Votes::default();
        // 600 features (flushed twice on the way): bit 0 in all, bit 63 in 301, bit 5 in 300.
        for i in 0..600u64 {
            v.add(1 | (u64::from(i <= 300) << 63) | (u64::from(i % 2 == 0) << 5));
        }
        assert_eq!(v.majority(), 1 | 1 << 63);
    }

    #[test]
    fn urls_as_keys() {
        let k = |u| url_key(u).unwrap();
        assert_eq!(k("https://www.Example.com/a/b/?utm_source=rss&id=3#top"), "example.com/a/b?id=3");
        assert_eq!(k("http://example.com/a/b"), k("https://www.example.com/a/b/"));
        assert_ne!(k("https://example.com/news?idx=1"), k("https://example.com/news?idx=2"));
        assert_eq!(url_key("https:///x"), None);
    }

    const STORY: &str = "Russian drones struck port infrastructure in Odesa overnight, injuring two workers and \
        starting a fire at a grain terminal, the regional governor said on Tuesday. Air defences shot down 40 of \
        the 52 drones launched at southern and central regions, the air force said. The port has been targeted \
        repeatedly since the summer, when Russia left the deal that had let grain ships sail through the Black \
        Sea. Firefighters put out the blaze by dawn, and the terminal's operator said loading would resume within \
        days once engineers had checked the cranes. Traders said insurance costs for ships calling at the port \
        had risen again this month, while exporters moved some cargo to the Danube ports near the Romanian border.";

    const OTHER: &str = "Power was restored to most of Kharkiv on Thursday after Russian missiles hit two \
        substations on Monday, the city's mayor said. Schools will reopen on Friday and trams run again on most \
        lines, the city council said, while repairs to the third substation go on into next week. The mayor said \
        the city had stocked generators for hospitals and water pumping stations since the autumn, and that \
        shelters in the metro would stay open at night. Engineers from the national grid operator were working \
        around the clock, he said, and residents were asked to limit the use of heavy appliances in the evening.";

    #[test]
    fn simhash_is_near_for_near_texts_only() {
        let h = simhash(STORY).unwrap();
        let spaced = STORY.replace(". ", ".\n\n  ");
        assert_eq!(simhash(&spaced), Some(h), "whitespace");
        assert!((simhash(OTHER).unwrap() ^ h).count_ones() > 4 * MAX_DISTANCE, "another story");
        // A line of debris in an article of some 250 words.
        let article = format!("{STORY}\n\n{OTHER}");
        let debris = format!("{article}\n\nShare this article.");
        assert!((simhash(&debris).unwrap() ^ simhash(&article).unwrap()).count_ones() <= MAX_DISTANCE, "debris");
        let rewritten = "Two port workers were injured and a grain terminal caught fire when Russian drones hit \
            Odesa's port overnight, the governor of the region said on Tuesday. The air force said it downed 40 of \
            52 drones sent against the south and centre of the country. Since Moscow quit the Black Sea grain deal \
            last summer, the port has come under repeated attack. The blaze was out by dawn; the operator expects \
            loading to restart in a few days after the cranes are inspected. Shipping insurance for vessels using \
            Odesa rose again this month, traders said, and some exporters have shifted cargo to Danube ports.";
        assert!((simhash(rewritten).unwrap() ^ h).count_ones() > 4 * MAX_DISTANCE, "the story rewritten");
        assert_eq!(simhash("Too short to tell."), None);
    }
}
