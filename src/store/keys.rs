//! The events' folded search keys, in one buffer laid out in the list's default order
//! (newest first), so that a search over every event reads memory front to back.
//!
//! Rank `r` is an event's position in that order; key `r` is `buf[at[r]..at[r + 1]]`.

use crate::extract::EventId;

use super::fuzzy;

#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub(crate) struct Keys {
    buf: String,
    at: Vec<usize>,
    /// [`fuzzy::letter_mask`] of each key, by rank: most events are turned down by it
    /// without reading their key.
    letters: Vec<u64>,
    /// Each event's rank, by event id.
    rank: Vec<u32>,
}

impl Keys {
    /// Write the key of every event in the order `order` (which holds every event once):
    /// `write(id, buf)` appends event `id`'s key to `buf`. `bytes` is about how long the keys
    /// are together: the buffer is made that large at once rather than grown by doubling,
    /// which leaves the smaller buffers behind as free but resident memory.
    pub fn build(order: &[EventId], bytes: usize, mut write: impl FnMut(EventId, &mut String)) -> Keys {
        let n = order.len();
        let mut rank = vec![0u32; n];
        for (r, &e) in order.iter().enumerate() {
            if let Some(slot) = rank.get_mut(e as usize) {
                *slot = r as u32;
            }
        }
        let mut keys = Keys {
            buf: String::with_capacity(bytes),
            at: Vec::with_capacity(n + 1),
            letters: Vec::with_capacity(n),
            rank,
        };
        keys.at.push(0);
        for &e in order.iter().filter(|&&e| (e as usize) < n) {
            let start = keys.buf.len();
            write(e, &mut keys.buf);
            keys.at.push(keys.buf.len());
            keys.letters.push(fuzzy::letter_mask(&keys.buf.as_bytes()[start..]));
        }
        keys.buf.shrink_to_fit();
        keys
    }

    /// The key at a rank.
    #[inline]
    pub fn at_rank(&self, r: usize) -> &str {
        match (self.at.get(r), self.at.get(r + 1)) {
            (Some(&a), Some(&b)) => &self.buf[a..b],
            _ => "",
        }
    }

    /// Ask for the start of the key at a rank to be brought into cache.
    #[inline]
    pub fn prefetch(&self, r: usize) {
        #[cfg(target_arch = "x86_64")]
        if let Some(&a) = self.at.get(r) {
            use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
            // SAFETY: a prefetch never faults, and the address is inside the buffer.
            unsafe { _mm_prefetch::<_MM_HINT_T0>(self.buf.as_ptr().wrapping_add(a) as *const i8) };
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = r;
    }

    #[inline]
    pub fn letters(&self, r: usize) -> u64 {
        self.letters.get(r).copied().unwrap_or(0)
    }

    #[inline]
    pub fn rank(&self, event: EventId) -> usize {
        self.rank.get(event as usize).map_or(usize::MAX, |&r| r as usize)
    }

    /// An event's key.
    pub fn of(&self, event: EventId) -> &str {
        self.at_rank(self.rank(event))
    }

    /// Bytes held: the text, the offsets, the letter masks and the ranks.
    pub fn bytes(&self) -> usize {
        self.buf.len()
            + std::mem::size_of_val(self.at.as_slice())
            + std::mem::size_of_val(self.letters.as_slice())
            + std::mem::size_of_val(self.rank.as_slice())
    }
}
