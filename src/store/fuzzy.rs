//! The fuzzy matcher, behind one type so the rest of the store does not know how it scores.
//!
//! Both the haystack (an event's search key) and the pattern are already folded
//! (lowercase, accents stripped), so matching is case-sensitive and cheap.
//!
//! A word matches an event when its chars occur in order within [`WINDOW`] bytes of the key.
//! One width for every pattern makes matching monotone: when a pattern matches, so does every
//! prefix of it, so a search may narrow the last result while typing.
//!
//! The score rates one alignment: where the word occurs as it is, its first occurrence;
//! else the latest alignment in the first window it fits in ([`compact_window`]). Matched chars
//! earn points, more at word starts and in runs; skipped chars cost (skim's and fzf's
//! constants). Finding that window is most of the work: the key's bytes are compared with
//! the word's in one vector pass that gives a bitmap per distinct byte, and the scans from
//! every start run at once on those bitmaps (a carry steps each to the next byte of the
//! word). About 20 ns per key for one letter and 35-90 ns for two to seven (one core, keys
//! of 170 bytes), where skim's full matrix on the narrowest window took 100-400 ns.

use memchr::memmem;

/// How wide (in bytes) the stretch of text holding a match may be. One width for every
/// pattern (longer ones must then occur as they are): so a pattern that matches, every
/// prefix of it matches too, and a search may narrow the last result while typing.
pub const WINDOW: usize = 24;

/// Score `pattern` against `hay`; `None` when it does not match, or only with letters
/// strewn far apart (over more than [`WINDOW`] bytes). Matched char
/// positions of `hay` are appended to `matched` (they may repeat across patterns; callers
/// sort and dedup).
pub fn fuzzy(hay: &str, pattern: &str, matched: &mut Vec<u32>) -> Option<i32> {
    Pattern::new(pattern).score(hay, matched)
}

/// One free word, compiled once per search and shared by the threads matching it.
#[derive(Debug, Clone)]
pub struct Pattern {
    text: String,
    chars: Vec<char>,
    ascii: bool,
    limit: usize,
    finder: memmem::Finder<'static>,
    /// Score of the pattern matched as it is, by the class of the char before it.
    contiguous: [i32; CLASSES],
    /// The [`letter_mask`] bits a key must have to match.
    letters: u64,
    /// The pattern's distinct bytes, and for each pattern byte its index among them.
    distinct: Vec<u8>,
    slot: Vec<u8>,
}

impl Pattern {
    pub fn new(pattern: &str) -> Pattern {
        let chars: Vec<char> = pattern.chars().collect();
        let mut contiguous = [0; CLASSES];
        for (class, slot) in contiguous.iter_mut().enumerate() {
            *slot = contiguous_score(&chars, class);
        }
        let mut distinct: Vec<u8> = Vec::new();
        let slot = pattern
            .bytes()
            .map(|b| match distinct.iter().position(|&d| d == b) {
                Some(i) => i as u8,
                None => {
                    distinct.push(b);
                    (distinct.len() - 1) as u8
                }
            })
            .collect();
        Pattern {
            distinct,
            slot,
            text: pattern.to_string(),
            ascii: pattern.is_ascii(),
            limit: WINDOW.max(pattern.len()),
            finder: memmem::Finder::new(pattern.as_bytes()).into_owned(),
            contiguous,
            letters: letter_mask(pattern.as_bytes()),
            chars,
        }
    }

    /// The letter bits every matching key has (see [`letter_mask`]).
    pub fn letters(&self) -> u64 {
        self.letters
    }

    /// Score `hay`, appending matched char positions to `matched`.
    pub fn score(&self, hay: &str, matched: &mut Vec<u32>) -> Option<i32> {
        self.run(hay, Some(matched), &mut Scratch::default())
    }

    /// Score `hay` without working out the positions (cheaper; for ranking many events).
    pub fn score_only(&self, hay: &str) -> Option<i32> {
        self.run(hay, None, &mut Scratch::default())
    }

    /// [`Pattern::score_only`] with scratch space kept from key to key.
    pub fn score_in(&self, hay: &str, scratch: &mut Scratch) -> Option<i32> {
        self.run(hay, None, scratch)
    }

    fn run(&self, hay: &str, matched: Option<&mut Vec<u32>>, scratch: &mut Scratch) -> Option<i32> {
        let m = self.text.len();
        if m == 0 {
            return Some(0);
        }
        if !self.ascii {
            return self.run_chars(hay, matched);
        }
        let h = hay.as_bytes();
        // byte offsets to char positions (the same on ASCII keys)
        let char_at = |b: usize| {
            if hay.is_ascii() { b as u32 } else { hay[..b].chars().count() as u32 }
        };
        let contiguous = |i: usize, matched: Option<&mut Vec<u32>>| {
            let score = self.contiguous[if i == 0 { START } else { CLASS[h[i - 1] as usize] as usize }];
            if let Some(matched) = matched {
                let c0 = char_at(i);
                matched.extend(c0..c0 + m as u32);
            }
            Some(score)
        };
        // the alignment scored: byte positions in the window
        let mut pos = [0u32; WINDOW];
        if m >= 2 && m < self.limit && h.len() <= 64 * MAX_WORDS && self.distinct.len() <= MAX_DISTINCT {
            // one pass over the key builds bitmaps of the pattern's bytes; the rest works on them
            let maps = &mut scratch.maps;
            build_maps(h, &self.distinct, maps);
            if let Some(i) = self.contiguous_in(maps) {
                return contiguous(i, matched);
            }
            self.window_bits(maps, &mut pos)?;
        } else {
            if let Some(i) = self.finder.find(h) {
                return contiguous(i, matched);
            }
            if m == 1 || m >= self.limit {
                return None; // longer patterns must occur as they are
            }
            self.window_bytes(h, &mut pos)?;
        }
        let pos = &pos[..m];
        let score = score_alignment(pos.iter().enumerate().map(|(k, &at)| {
            let at = at as usize;
            let prev = if at == 0 { START } else { CLASS[h[at - 1] as usize] as usize };
            let gap = if k == 0 { 0 } else { at - pos[k - 1] as usize - 1 };
            (prev, CLASS[h[at] as usize] as usize, gap as i32)
        }));
        if let Some(matched) = matched {
            matched.extend(pos.iter().map(|&b| char_at(b as usize)));
        }
        Some(score)
    }

    /// The same for a pattern with non-ASCII chars, on chars.
    fn run_chars(&self, hay: &str, matched: Option<&mut Vec<u32>>) -> Option<i32> {
        let (ws, we) = compact_window(hay, &self.text, self.limit)?;
        let prev = hay[..ws].chars().next_back();
        let window: Vec<char> = prev.into_iter().chain(hay[ws..we].chars()).collect();
        let first = usize::from(prev.is_some()); // index of the window's first char
        // the latest alignment in the window, as on the byte path
        let mut pos = vec![0; self.chars.len()];
        let mut at = window.len();
        for (k, &c) in self.chars.iter().enumerate().rev() {
            at = window[first..at].iter().rposition(|&x| x == c)? + first;
            pos[k] = at;
        }
        let score = score_alignment(pos.iter().enumerate().map(|(k, &at)| {
            let before = if at == 0 { START } else { class(window[at - 1]) };
            let gap = if k == 0 { 0 } else { at - pos[k - 1] - 1 };
            (before, class(window[at]), gap as i32)
        }));
        if let Some(matched) = matched {
            let c0 = hay[..ws].chars().count() as u32;
            matched.extend(pos.iter().map(|&at| c0 + (at - first) as u32));
        }
        Some(score)
    }

    /// [`Pattern::window_bytes`] on bitmaps of where each of the pattern's bytes occurs in
    /// the key (keys up to `64 * MAX_WORDS` bytes).
    fn window_bits(&self, maps: &Maps, pos: &mut [u32; WINDOW]) -> Option<(usize, usize)> {
        let m = self.slot.len();
        let words = maps.words;
        let map = |k: usize| &maps.bits[self.slot[k] as usize][..words];
        // Where greedy scans from every start at once stand after each pattern byte: from each
        // bit, the next occurrence of the byte after it. Adding one past each position to the
        // runs of non-matching bytes carries to the next matching one.
        let mut at = maps.bits[self.slot[0] as usize];
        for k in 1..m {
            let hit = map(k);
            let mut carry = false;
            let mut out_of = 0u64; // the bit shifted out of the word below
            let mut any = 0;
            for w in 0..words {
                let after = at[w] << 1 | out_of;
                out_of = at[w] >> 63;
                let miss = !hit[w];
                let (sum, c1) = miss.overflowing_add(after & miss);
                let (sum, c2) = sum.overflowing_add(carry as u64);
                carry = c1 || c2;
                at[w] = hit[w] & (after | sum);
                any |= at[w];
            }
            if any == 0 {
                return None; // not even strewn over the whole key
            }
        }
        // The first end reached with a start close enough, scanning back from it for the
        // latest start. A window is at most WINDOW < 64 bytes wide, so the scan back from an
        // end `j` works on the 64 bits of each map that end at `j` (bit 63 is `j`).
        let last64 = |k: usize, j: usize| {
            let (row, w, o) = (map(k), j / 64, j % 64);
            let below = if w > 0 && o < 63 { row[w - 1] >> (o + 1) } else { 0 };
            row[w] << (63 - o) | below
        };
        let widest = self.limit.min(63);
        for (w, &word) in at[..words].iter().enumerate() {
            let mut bits = word;
            while bits != 0 {
                let j = w * 64 + bits.trailing_zeros() as usize;
                bits &= bits - 1;
                pos[m - 1] = j as u32;
                let mut c = 63; // where the scan stands, in the 64 bits ending at j
                for k in (0..m - 1).rev() {
                    let before = last64(k, j) & ((1u64 << c) - 1);
                    if before == 0 {
                        c = 0;
                        break;
                    }
                    c = 63 - before.leading_zeros() as usize;
                    if 64 - c > widest {
                        break; // too wide
                    }
                    pos[k] = (j + c - 63) as u32;
                }
                if 64 - c <= widest {
                    return Some((j + c - 63, j + 1));
                }
            }
        }
        None
    }

    /// [`compact_window`] for an ASCII pattern that does not occur as it is, on bytes (bytes
    /// of an ASCII pattern never match inside a multi-byte char, so these are char
    /// boundaries); `pos` gets the byte positions of the latest alignment in the window.
    ///
    /// From each candidate start, a greedy scan forward finds the earliest end; the first
    /// that is close enough is scanned back from for the latest start.
    fn window_bytes(&self, h: &[u8], pos: &mut [u32; WINDOW]) -> Option<(usize, usize)> {
        let p = self.text.as_bytes();
        let m = p.len();
        let n = h.len();
        let mut i = 0;
        while let Some(k) = memchr::memchr(p[0], &h[i..]) {
            i += k;
            let bound = (i + self.limit).min(n);
            let mut j = i + 1;
            let mut ok = true;
            for &c in &p[1..] {
                match h[j..bound].iter().position(|&b| b == c) {
                    Some(t) => j += t + 1,
                    None => {
                        ok = false;
                        break;
                    }
                }
            }
            if !ok {
                if bound == n {
                    return None; // a later start reaches no further
                }
                i += 1;
                continue;
            }
            let mut t = j - 1;
            pos[m - 1] = t as u32;
            for k in (0..m - 1).rev() {
                t -= 1;
                while h[t] != p[k] {
                    t -= 1;
                }
                pos[k] = t as u32;
            }
            return Some((t, j));
        }
        None
    }
}

impl Pattern {
    /// Where the pattern first occurs as it is, from the bitmaps.
    fn contiguous_in(&self, maps: &Maps) -> Option<usize> {
        let words = maps.words;
        for w in 0..words {
            let mut acc = maps.bits[self.slot[0] as usize][w];
            for (k, &d) in self.slot.iter().enumerate().skip(1) {
                if acc == 0 {
                    break;
                }
                // bit i of the shifted map: byte i + k is the pattern's byte k
                let row = &maps.bits[d as usize];
                let next = if w + 1 < words { row[w + 1] << (64 - k) } else { 0 };
                acc &= row[w] >> k | next;
            }
            if acc != 0 {
                return Some(w * 64 + acc.trailing_zeros() as usize);
            }
        }
        None
    }
}

/// Room a matching thread keeps from key to key (about 1 KB: not worth clearing per key).
#[derive(Default)]
pub struct Scratch {
    maps: Maps,
}

/// Where each of a pattern's distinct bytes occurs in a key, one bit per byte.
struct Maps {
    words: usize,
    bits: [[u64; MAX_WORDS]; MAX_DISTINCT],
}

impl Default for Maps {
    fn default() -> Maps {
        Maps { words: 0, bits: [[0; MAX_WORDS]; MAX_DISTINCT] }
    }
}

fn build_maps(h: &[u8], distinct: &[u8], maps: &mut Maps) {
    maps.words = h.len().div_ceil(64);
    #[cfg(target_arch = "x86_64")]
    if *AVX2 {
        // SAFETY: the CPU has AVX2 (checked just above).
        unsafe { build_maps_avx2(h, distinct, maps) };
        return;
    }
    let mut tail = [0u8; 64];
    for (w, chunk) in h.chunks(64).enumerate() {
        let full = match <&[u8; 64]>::try_from(chunk) {
            Ok(full) => full,
            Err(_) => {
                tail[..chunk.len()].copy_from_slice(chunk);
                &tail
            }
        };
        let keep = if chunk.len() == 64 { !0 } else { (1u64 << chunk.len()) - 1 };
        masks64(full, distinct, |d, bits| maps.bits[d][w] = bits & keep);
    }
}

#[cfg(target_arch = "x86_64")]
static AVX2: std::sync::LazyLock<bool> = std::sync::LazyLock::new(|| std::arch::is_x86_feature_detected!("avx2"));

/// [`build_maps`] with 32-byte compares.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn build_maps_avx2(h: &[u8], distinct: &[u8], maps: &mut Maps) {
    use std::arch::x86_64::{__m256i, _mm256_cmpeq_epi8, _mm256_loadu_si256, _mm256_movemask_epi8, _mm256_set1_epi8};
    let mut tail = [0u8; 64];
    let n = h.len();
    for w in 0..maps.words {
        let at = w * 64;
        let len = (n - at).min(64);
        // a short last block is read as the 64 bytes ending with the key, then shifted down
        let (p, shift) = if len == 64 {
            (h[at..].as_ptr(), 0)
        } else if n >= 64 {
            (h[n - 64..].as_ptr(), 64 - len)
        } else {
            tail[..len].copy_from_slice(&h[at..]);
            (tail.as_ptr(), 0)
        };
        let p = p as *const __m256i;
        let keep = if len == 64 { !0u64 } else { (1u64 << len) - 1 };
        // SAFETY: `p` points at 64 readable bytes (of `h`, or of `tail`).
        let (lo, hi) = unsafe { (_mm256_loadu_si256(p), _mm256_loadu_si256(p.add(1))) };
        for (d, &c) in distinct.iter().enumerate() {
            let v = _mm256_set1_epi8(c as i8);
            let lo = _mm256_movemask_epi8(_mm256_cmpeq_epi8(lo, v)) as u32 as u64;
            let hi = _mm256_movemask_epi8(_mm256_cmpeq_epi8(hi, v)) as u32 as u64;
            maps.bits[d][w] = ((lo | hi << 32) >> shift) & keep;
        }
    }
}

/// Keys up to `64 * MAX_WORDS` bytes, patterns of up to `MAX_DISTINCT` distinct bytes take
/// the bitmap path.
const MAX_WORDS: usize = 8;
const MAX_DISTINCT: usize = 16;

/// For each byte `c` of `chars` (its index `d`), `put(d, bits)` with bit `i` set where
/// `chunk[i] == c`.
#[inline]
fn masks64(chunk: &[u8; 64], chars: &[u8], mut put: impl FnMut(usize, u64)) {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{__m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_set1_epi8};
        let p = chunk.as_ptr() as *const __m128i;
        // SAFETY: SSE2 is part of the x86_64 baseline, and the four unaligned 16-byte loads
        // stay inside the 64-byte `chunk`.
        unsafe {
            let v =
                [_mm_loadu_si128(p), _mm_loadu_si128(p.add(1)), _mm_loadu_si128(p.add(2)), _mm_loadu_si128(p.add(3))];
            for (d, &c) in chars.iter().enumerate() {
                let n = _mm_set1_epi8(c as i8);
                let m = |x| _mm_movemask_epi8(_mm_cmpeq_epi8(x, n)) as u16 as u64;
                put(d, m(v[0]) | m(v[1]) << 16 | m(v[2]) << 32 | m(v[3]) << 48);
            }
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    for (d, &c) in chars.iter().enumerate() {
        put(d, chunk.iter().enumerate().fold(0, |a, (i, &b)| a | ((b == c) as u64) << i));
    }
}

/// The score of an alignment, given for each matched char the class of the char before it,
/// its own class and how many chars were skipped before it (0 for the first).
fn score_alignment(steps: impl Iterator<Item = (usize, usize, i32)>) -> i32 {
    let mut score = GAP_EXTENSION;
    let mut carried = 0;
    for (k, (prev, cur, gap)) in steps.enumerate() {
        let b = IN_PLACE[prev][cur];
        if k == 0 {
            score += b;
            carried = b;
        } else if gap == 0 {
            carried = carried.max(b).max(BONUS_CONSECUTIVE);
            score += carried;
        } else {
            score += b + GAP_START + GAP_EXTENSION * gap;
            carried = b;
        }
        score += SCORE_MATCH;
    }
    score
}

/// 64 bits telling which letters, digits and other bytes occur in `s` (several bytes share
/// the bits past the 36 of `a`-`z` and `0`-`9`): a key lacking a bit of a pattern's mask
/// cannot match it.
pub fn letter_mask(s: &[u8]) -> u64 {
    s.iter().fold(0u64, |m, &b| m | 1 << LETTER_BIT[b as usize])
}

const LETTER_BIT: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = match b as u8 {
            c @ b'a'..=b'z' => c - b'a',
            c @ b'A'..=b'Z' => c - b'A',
            c @ b'0'..=b'9' => 26 + c - b'0',
            b' ' => 36,
            c if c < 0x80 => 37 + c % 11,
            c => 48 + c % 16,
        };
        b += 1;
    }
    t
};

// Scoring: an affine-gap alignment in the manner of skim v2 and fzf, on the window only.
const SCORE_MATCH: i32 = 16;
const GAP_START: i32 = -3;
const GAP_EXTENSION: i32 = -1;
const BONUS_HEAD: i32 = SCORE_MATCH / 2;
const BONUS_BREAK: i32 = SCORE_MATCH / 2 + GAP_EXTENSION;
const BONUS_CAMEL: i32 = SCORE_MATCH / 2 + 2 * GAP_EXTENSION;
const BONUS_CONSECUTIVE: i32 = -(GAP_START + GAP_EXTENSION);
const FIRST_CHAR_MULTIPLIER: i32 = 2;

/// Char classes for the in-place bonuses; [`START`] stands for "no char before".
const CLASSES: usize = 6;
const HARD_SEP: usize = 0;
const SOFT_SEP: usize = 1;
const NUMBER: usize = 2;
const UPPER: usize = 3;
const LOWER: usize = 4;
const START: usize = 5;

/// [`class`] of each byte (bytes of multi-byte chars are letters, as those chars are).
const CLASS: [u8; 256] = {
    let mut t = [LOWER as u8; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = class(b as u8 as char) as u8;
        b += 1;
    }
    t
};

const IN_PLACE: [[i32; CLASSES]; CLASSES] = {
    let mut t = [[0; CLASSES]; CLASSES];
    let mut a = 0;
    while a < CLASSES {
        let mut b = 0;
        while b < CLASSES {
            t[a][b] = in_place(a, b);
            b += 1;
        }
        a += 1;
    }
    t
};

const fn class(c: char) -> usize {
    match c {
        ' ' | '/' | '\\' | '|' | '(' | ')' | '[' | ']' | '{' | '}' | '\n' | '\t' => HARD_SEP,
        '!'..='\'' | '*'..='.' | ':'..='@' | '^'..='`' | '~' => SOFT_SEP,
        '0'..='9' => NUMBER,
        'A'..='Z' => UPPER,
        _ => LOWER,
    }
}

/// The bonus for matching a char of class `cur` after one of class `prev`.
const fn in_place(prev: usize, cur: usize) -> i32 {
    match (prev, cur) {
        (START, _) => BONUS_HEAD * FIRST_CHAR_MULTIPLIER,
        (HARD_SEP, _) => BONUS_HEAD,
        (SOFT_SEP, _) => BONUS_BREAK,
        (LOWER | NUMBER, UPPER) => BONUS_CAMEL,
        _ => 0,
    }
}

/// The score of the pattern matched as it is, after a char of class `prev`.
fn contiguous_score(p: &[char], prev: usize) -> i32 {
    let classes = p.iter().map(|&c| class(c));
    score_alignment(std::iter::once(prev).chain(classes.clone()).zip(classes).map(|(a, b)| (a, b, 0)))
}

/// The byte window `[start, end)` of `hay` a word is scored on: its first occurrence as it
/// is; else the first place its chars occur in order within `limit` bytes (the earliest end
/// of a greedy scan from some occurrence of its first char), from the latest start for that
/// end. The forward-then-back scan of fzf's first algorithm, in a window.
pub fn compact_window(hay: &str, pattern: &str, limit: usize) -> Option<(usize, usize)> {
    if let Some(i) = hay.find(pattern) {
        return Some((i, i + pattern.len()));
    }
    let mut chars = pattern.chars();
    let first = chars.next()?;
    let rest = chars.as_str();
    for (i, _) in hay.match_indices(first) {
        // look only as far as the window may reach
        let mut end = (i + limit + 1).min(hay.len());
        while !hay.is_char_boundary(end) {
            end -= 1;
        }
        let mut j = i + first.len_utf8();
        let mut ok = true;
        for c in rest.chars() {
            match hay[j..end].find(c) {
                Some(k) => j += k + c.len_utf8(),
                None => {
                    ok = false;
                    break;
                }
            }
        }
        if ok && j - i <= limit {
            // the latest start for that end
            let mut t = j;
            for c in pattern.chars().rev() {
                t = hay[..t].rfind(c)?;
            }
            return Some((t, j));
        }
    }
    None
}

/// A fast pre-filter: are the pattern's chars in `hay` in order?
pub fn is_subsequence(hay: &str, pattern: &str) -> bool {
    let mut rest = hay;
    for c in pattern.chars() {
        match rest.find(c) {
            Some(i) => rest = &rest[i + c.len_utf8()..],
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_and_positions() {
        let mut m = Vec::new();
        let s = fuzzy("druzhkivka strike market area in druzhkivka", "druzh", &mut m).unwrap();
        assert!(s > 0);
        assert_eq!(m.len(), 5);
        assert!(fuzzy("kyiv strike", "druzh", &mut Vec::new()).is_none());
    }

    #[test]
    fn contiguous_beats_scattered() {
        let a = fuzzy("market area in druzhkivka", "druzh", &mut Vec::new()).unwrap();
        let b = fuzzy("drones hit durable zones hh", "druzh", &mut Vec::new()).unwrap_or(0);
        assert!(a > b, "{a} {b}");
        assert!(
            fuzzy("drones reported near the ukrainian zone of kharkiv", "druzh", &mut Vec::new()).is_none(),
            "strewn letters do not match"
        );
    }

    #[test]
    fn windows() {
        assert_eq!(compact_window("abc druzhkivka", "druzh", 15), Some((4, 9)));
        // where it occurs as it is, before any strewn occurrence
        assert_eq!(compact_window("d r u z h ... druzh", "druzh", 15), Some((14, 19)));
        // else the first place it fits, from the latest start
        assert_eq!(compact_window("d dr u z h ... d r u zh", "druzh", 15), Some((2, 10)));
        assert_eq!(compact_window("d r u z h ... dr uz h", "druzh", 8), Some((14, 21)));
        assert_eq!(compact_window("d r u z h", "druzh", 5), None);
        assert_eq!(compact_window("kyiv", "x", 3), None);
        assert_eq!(compact_window("київ", "ки", 4), Some((0, 4)));
    }

    #[test]
    fn positions_are_chars_of_the_whole_haystack() {
        let mut m = Vec::new();
        fuzzy("ерд erdogan ok", "erdogan", &mut m).unwrap();
        assert_eq!(m, vec![4, 5, 6, 7, 8, 9, 10]);
        let mut m = Vec::new();
        fuzzy("a long prefix before the match: kyiv", "kyiv", &mut m).unwrap();
        assert_eq!(m, vec![32, 33, 34, 35]);
    }

    /// The bitmap scan and the byte scan find the window the plain definition gives.
    #[test]
    fn window_scans_agree() {
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        let mut rnd = move |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        for round in 0..4000 {
            let len = 1 + rnd(if round % 2 == 0 { 80 } else { 300 }) as usize;
            let hay: String = (0..len).map(|_| b"abcde fg"[rnd(8) as usize] as char).collect();
            let plen = 2 + rnd(6) as usize;
            let pat: String = (0..plen).map(|_| b"abcdefg"[rnd(7) as usize] as char).collect();
            let p = Pattern::new(&pat);
            let want = compact_window(&hay, &pat, p.limit);
            let h = hay.as_bytes();
            let contiguous = p.finder.find(h).map(|i| (i, i + pat.len()));
            let mut by_bytes = [0u32; WINDOW];
            let bytes = contiguous.or_else(|| p.window_bytes(h, &mut by_bytes));
            assert_eq!(bytes, want, "bytes: {hay:?} / {pat}");
            if h.len() <= 64 * MAX_WORDS && p.distinct.len() <= MAX_DISTINCT {
                let mut maps = Maps::default();
                build_maps(h, &p.distinct, &mut maps);
                // the maps are overwritten, not cleared, from key to key
                let mut reused = Maps::default();
                build_maps(&h[..h.len() / 2], &p.distinct, &mut reused);
                build_maps(h, &p.distinct, &mut reused);
                assert_eq!(
                    reused.bits[..p.distinct.len()].iter().map(|r| &r[..reused.words]).collect::<Vec<_>>(),
                    maps.bits[..p.distinct.len()].iter().map(|r| &r[..maps.words]).collect::<Vec<_>>()
                );
                let c = p.contiguous_in(&maps).map(|i| (i, i + pat.len()));
                assert_eq!(c, contiguous, "contiguous: {hay:?} / {pat}");
                let mut by_bits = [0u32; WINDOW];
                let bits = c.or_else(|| p.window_bits(&maps, &mut by_bits));
                assert_eq!(bits, want, "bits: {hay:?} / {pat}");
                if bits.is_some() && c.is_none() {
                    assert_eq!(by_bits, by_bytes, "the same alignment: {hay:?} / {pat}");
                }
            }
            // the char path (for non-ASCII words) scores and marks ASCII ones the same
            let (mut a, mut b) = (Vec::new(), Vec::new());
            assert_eq!(p.score(&hay, &mut a), p.run_chars(&hay, Some(&mut b)), "{hay:?} / {pat}");
            assert_eq!(a, b, "{hay:?} / {pat}");
        }
    }

    #[test]
    fn word_starts_and_runs_score_higher() {
        let s = |hay: &str, pat: &str| fuzzy(hay, pat, &mut Vec::new());
        // at the start of a word beats inside one
        assert!(s("a druzh", "druzh") > s("adruzh", "druzh"));
        // at the start of the key beats after a space
        assert!(s("kyiv x", "kyiv") > s("x kyiv", "kyiv"));
        // one gap beats two
        assert!(s("dxruzh", "druzh") > s("dxruxzh", "druzh"));
        // a gap at a word start costs less than one inside a word
        assert!(s("dr uzh", "druzh") > s("drxuzh", "druzh"));
        assert_eq!(s("", "x"), None);
        assert_eq!(s("anything", ""), Some(0));
    }

    #[test]
    fn subsequence() {
        assert!(is_subsequence("erdogan", "edn"));
        assert!(!is_subsequence("erdogan", "ne"));
        assert!(is_subsequence("київ", "кв"));
        assert!(is_subsequence("", ""));
    }
}
