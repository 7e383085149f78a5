//! A fixed-size bit set over event ids: filters combine as word-wide AND/OR.

#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub(crate) struct Bits {
    words: Vec<u64>,
    len: usize,
}

impl Bits {
    pub fn empty(len: usize) -> Bits {
        Bits { words: vec![0; len.div_ceil(64)], len }
    }

    pub fn full(len: usize) -> Bits {
        let mut b = Bits { words: vec![u64::MAX; len.div_ceil(64)], len };
        b.trim();
        b
    }

    fn trim(&mut self) {
        let rem = self.len % 64;
        if rem != 0
            && let Some(last) = self.words.last_mut()
        {
            *last &= (1u64 << rem) - 1;
        }
    }

    /// The heap bytes it holds.
    pub fn bytes(&self) -> usize {
        std::mem::size_of_val(self.words.as_slice())
    }

    pub fn insert(&mut self, i: u32) {
        let i = i as usize;
        if i < self.len {
            self.words[i / 64] |= 1 << (i % 64);
        }
    }

    pub fn extend(&mut self, ids: &[u32]) {
        for &i in ids {
            self.insert(i);
        }
    }

    #[inline]
    pub fn contains(&self, i: u32) -> bool {
        let i = i as usize;
        i < self.len && self.words[i / 64] & (1 << (i % 64)) != 0
    }

    pub fn and(&mut self, other: &Bits) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a &= b;
        }
    }

    pub fn and_not(&mut self, other: &Bits) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a &= !b;
        }
    }

    /// Per word, how many bits are set in the words before it: with it, [`Bits::rank`]
    /// answers in constant time (4 bytes per 64 bits).
    pub fn ranks(&self) -> Vec<u32> {
        let mut at = 0u32;
        self.words
            .iter()
            .map(|w| {
                let r = at;
                at += w.count_ones();
                r
            })
            .collect()
    }

    /// How many bits below `i` are set (`ranks` from [`Bits::ranks`]).
    #[inline]
    pub fn rank(&self, ranks: &[u32], i: u32) -> usize {
        let i = i as usize;
        let (w, b) = (i / 64, i % 64);
        let below = self.words.get(w).map_or(0, |x| (x & ((1u64 << b) - 1)).count_ones());
        ranks.get(w).map_or(0, |&r| r as usize) + below as usize
    }

    #[cfg(test)]
    pub fn count(&self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_ops() {
        let mut a = Bits::full(70);
        assert_eq!(a.count(), 70);
        let mut b = Bits::empty(70);
        b.extend(&[0, 63, 64, 69, 70, 1000]);
        assert_eq!(b.count(), 4);
        a.and_not(&b);
        assert_eq!(a.count(), 66);
        assert!(!a.contains(63) && a.contains(62) && !a.contains(70));
        // rank: set bits below
        let r = b.ranks();
        assert_eq!([0, 1, 63, 64, 65, 69].map(|i| b.rank(&r, i)), [0, 1, 1, 2, 3, 3]);
        a.and(&b);
        assert_eq!(a.count(), 0);
        assert_eq!(Bits::full(0).count(), 0);
    }
}
