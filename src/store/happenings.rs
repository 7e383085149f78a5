//! The store's view of [`crate::merge`]: which events report one happening, kept compactly.
//!
//! Most events stand alone, so only the events of clusters of two or more are kept: a bit
//! per event says whether it is one, its rank among them numbers its facts (its happening,
//! the report it joined), and each happening's reports are side by side. An event without
//! its bit is a happening of its own with one source.

use crate::extract::{EventId, Extraction};
use crate::merge::{Clusters, Rule};

use super::bits::Bits;

#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub(crate) struct Happenings {
    /// One bit per event: does it share its happening with other reports? Most do not, and
    /// a bit says so at once; those that do are numbered by their rank among them.
    merged: Bits,
    /// Set bits of `merged` before each of its words (see [`Bits::ranks`]).
    ranks: Vec<u32>,
    /// By rank: the event's happening.
    group: Vec<u32>,
    /// By rank: the report it joined and by which rule (none for the first).
    joined: Vec<Option<(EventId, Rule)>>,
    /// Per happening: where its reports start in `members` (one more entry at the end).
    at: Vec<u32>,
    /// The reports of every happening, each happening's ascending.
    members: Vec<EventId>,
    /// Per happening: how many articles report it, and the highest killed and injured
    /// counts any report gives.
    sources: Vec<u32>,
    killed: Vec<u32>,
    injured: Vec<u32>,
}

impl Happenings {
    pub(crate) fn new(c: &Clusters, ex: &Extraction) -> Happenings {
        let n = c.cluster.len();
        let mut size = vec![0u32; n];
        for &k in &c.cluster {
            size[k as usize] += 1;
        }
        // happenings numbered in the order of their lowest report
        let mut number = vec![u32::MAX; n];
        let mut h = Happenings { merged: Bits::empty(n), ..Happenings::default() };
        for i in 0..n {
            let k = c.cluster[i] as usize;
            if size[k] < 2 {
                continue;
            }
            if number[k] == u32::MAX {
                number[k] = h.sources.len() as u32;
                h.sources.push(c.reports[i]);
                h.at.push(0);
            }
            h.merged.insert(i as EventId);
            h.group.push(number[k]);
            h.joined.push(c.joined[i]);
        }
        drop(size);
        let groups = h.sources.len();
        // counts per happening, then prefix sums
        let mut at = vec![0u32; groups + 1];
        for &g in &h.group {
            at[g as usize + 1] += 1;
        }
        for g in 0..groups {
            at[g + 1] += at[g];
        }
        let mut next = at.clone();
        h.members = vec![0; h.group.len()];
        h.killed = vec![0; groups];
        h.injured = vec![0; groups];
        let ids = (0..n as EventId).filter(|&i| h.merged.contains(i));
        for (id, &g) in ids.zip(&h.group) {
            let slot = &mut next[g as usize];
            h.members[*slot as usize] = id;
            *slot += 1;
            if let Some(e) = ex.events.get(id as usize) {
                h.killed[g as usize] = h.killed[g as usize].max(e.killed.unwrap_or(0));
                h.injured[g as usize] = h.injured[g as usize].max(e.injured.unwrap_or(0));
            }
        }
        h.at = at;
        h.ranks = h.merged.ranks();
        h
    }

    fn slot(&self, id: EventId) -> Option<usize> {
        if !self.merged.contains(id) {
            return None;
        }
        Some(self.merged.rank(&self.ranks, id))
    }

    /// The happening of an event that shares it with other reports.
    pub(crate) fn group(&self, id: EventId) -> Option<u32> {
        self.slot(id).map(|s| self.group[s])
    }

    /// Does the event share its happening with another report?
    pub(crate) fn is_merged(&self, id: EventId) -> bool {
        self.merged.contains(id)
    }

    /// Every report of a happening, ascending.
    pub(crate) fn members(&self, group: u32) -> &[EventId] {
        let g = group as usize;
        match (self.at.get(g), self.at.get(g + 1)) {
            (Some(&a), Some(&b)) => &self.members[a as usize..b as usize],
            _ => &[],
        }
    }

    pub(crate) fn sources(&self, group: u32) -> u32 {
        self.sources.get(group as usize).copied().unwrap_or(1)
    }

    /// The highest killed and injured counts any report of the happening gives.
    pub(crate) fn toll(&self, group: u32) -> (u32, u32) {
        let g = group as usize;
        (self.killed.get(g).copied().unwrap_or(0), self.injured.get(g).copied().unwrap_or(0))
    }

    pub(crate) fn joined(&self, id: EventId) -> Option<(EventId, Rule)> {
        self.slot(id).and_then(|s| self.joined[s])
    }

    /// How many happenings have two or more reports.
    pub(crate) fn len(&self) -> usize {
        self.sources.len()
    }

    /// How many reports those happenings have in all.
    pub(crate) fn reports(&self) -> usize {
        self.group.len()
    }

    pub(crate) fn bytes(&self) -> usize {
        use std::mem::size_of_val;
        self.merged.bytes()
            + size_of_val(self.ranks.as_slice())
            + size_of_val(self.group.as_slice())
            + size_of_val(self.joined.as_slice())
            + size_of_val(self.at.as_slice())
            + size_of_val(self.members.as_slice())
            + size_of_val(self.sources.as_slice())
            + size_of_val(self.killed.as_slice())
            + size_of_val(self.injured.as_slice())
    }
}
