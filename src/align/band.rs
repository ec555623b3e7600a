//! The band: which cells of the DP matrix a pass visits, centred on a guide (the chain of
//! numbers and names said once, or a coarser pass's path) and mended where the path pressed on
//! its edge.

use super::anchors::STRONG;
use super::beads::{Bead, Item};
use super::cost::Seq;
use std::collections::HashMap;
use std::ops::RangeInclusive;

/// For each English prefix, the Russian prefix to centre the band on: through the anchor chain of
/// [`unique_pairs`], and between its links in proportion to the text. A long omission bends the
/// path far from the diagonal of the whole document, but not from a line through its anchors.
pub(super) fn anchored(en: &Seq, ru: &Seq) -> Vec<(usize, usize)> {
    // The path passes by each pair of the chain: through the cells before and after it.
    let waypoints = unique_pairs(en.items, ru.items)
        .into_iter()
        .flat_map(|(i, j)| [(i, j), (i + 1, j + 1)]);
    through(waypoints, &en.chars(), &ru.chars())
}

/// For each English prefix, the Russian prefix on a path through `waypoints` (cells in order,
/// ending at the far corner or short of it) and in proportion to the text between them; `en_chars`
/// and `ru_chars` are the prefix sums of each side's lengths.
pub(super) fn through(
    waypoints: impl Iterator<Item = (usize, usize)>,
    en_chars: &[u64],
    ru_chars: &[u64],
) -> Vec<(usize, usize)> {
    let (n, m) = (en_chars.len() - 1, ru_chars.len() - 1);
    let mut centre: Vec<(usize, usize)> = Vec::with_capacity(n + 1);
    let mut from = (0, 0);
    for to in waypoints.chain([(n, m)]) {
        let rows = proportional(&en_chars[from.0..=to.0], &ru_chars[from.1..=to.1]);
        for (k, &(lo, hi)) in rows.iter().enumerate() {
            let (lo, hi) = (from.1 + lo, from.1 + hi);
            match centre.last_mut() {
                // The last row of a stretch is the first of the next: it spans both, so that
                // the band stays connected across an omission, which is a run along one row.
                Some(last) if k == 0 => *last = (lo.min(last.0), hi.max(last.1)),
                _ => centre.push((lo, hi)),
            }
        }
        if let Some(last) = centre.last_mut() {
            last.1 = last.1.max(to.1);
        }
        from = to;
    }
    centre
}

/// The longest in-order chain of item pairs (English, Russian) that share a strong key found in
/// no other item of either side: a number or name said once is the surest sign of where a passage
/// went.
fn unique_pairs(en: &[Item], ru: &[Item]) -> Vec<(usize, usize)> {
    // Per key, strength aside (a name opening a sentence is weak, `two` is weak beside `2`): the
    // item holding it on each side, or None once a second one does; and whether it is strong
    // anywhere.
    let mut seen: HashMap<u64, (Holders, bool)> = HashMap::new();
    for (side, items) in [en, ru].into_iter().enumerate() {
        for (k, item) in items.iter().enumerate() {
            for &key in &item.features.keys {
                let (held, strong) = seen.entry(key & !STRONG).or_default();
                let slot = &mut held[side];
                *slot = Some(if slot.is_some() { None } else { Some(k) });
                *strong |= key & STRONG != 0;
            }
        }
    }
    let mut pairs: Vec<(usize, usize)> = seen
        .into_values()
        .filter(|&(_, strong)| strong)
        .filter_map(|([e, r], _)| Some((e??, r??)))
        .collect();
    // Sorted by English item, and within one by Russian item downwards, so that a strictly
    // increasing run of Russian items takes at most one pair per English item.
    pairs.sort_unstable_by(|x, y| x.0.cmp(&y.0).then(y.1.cmp(&x.1)));
    pairs.dedup();
    longest_increasing(&pairs)
}

/// Per side, the one item holding a key (`Some(Some(k))`), or `Some(None)` once a second does.
type Holders = [Option<Option<usize>>; 2];

/// The longest subsequence of `pairs` whose second members strictly increase (patience sorting).
fn longest_increasing(pairs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    // tails[l]: the pair ending the best chain of length l + 1 found so far, as an index.
    let mut tails: Vec<usize> = Vec::new();
    let mut before = vec![usize::MAX; pairs.len()];
    for (k, &(_, j)) in pairs.iter().enumerate() {
        let l = tails.partition_point(|&t| pairs[t].1 < j);
        if l > 0 {
            before[k] = tails[l - 1];
        }
        if l == tails.len() {
            tails.push(k);
        } else {
            tails[l] = k;
        }
    }
    let mut chain = Vec::with_capacity(tails.len());
    let mut at = tails.last().copied().unwrap_or(usize::MAX);
    while at != usize::MAX {
        chain.push(pairs[at]);
        at = before[at];
    }
    chain.reverse();
    chain
}

/// The cells the DP visits: for each row i (English items consumed), the columns `lo[i]..=hi[i]`.
pub(super) struct Band {
    pub(super) lo: Vec<usize>,
    pub(super) hi: Vec<usize>,
}

impl Band {
    pub(super) fn full(n: usize, m: usize) -> Band {
        Band {
            lo: vec![0; n + 1],
            hi: vec![m; n + 1],
        }
    }

    /// The columns `centre[i]` ± `half`, made monotone so every band cell stays reachable, with
    /// both corners in.
    pub(super) fn around(centre: &[(usize, usize)], m: usize, half: usize) -> Band {
        let n = centre.len() - 1;
        let mut lo: Vec<usize> = centre
            .iter()
            .map(|&(c, _)| c.min(m).saturating_sub(half))
            .collect();
        let mut hi: Vec<usize> = centre.iter().map(|&(_, c)| (c + half).min(m)).collect();
        lo[0] = 0;
        hi[n] = m;
        for i in 1..=n {
            lo[i] = lo[i].max(lo[i - 1]);
        }
        for i in (0..n).rev() {
            hi[i] = hi[i].min(hi[i + 1]);
        }
        for i in 0..=n {
            lo[i] = lo[i].min(hi[i]);
        }
        // Each row reaches the next one's first column: a guide that jumps many columns between
        // two rows would otherwise leave the rows below the jump unreachable.
        for i in 1..=n {
            hi[i - 1] = hi[i - 1].max(lo[i]);
        }
        Band { lo, hi }
    }

    pub(super) fn contains(&self, i: usize, j: usize) -> bool {
        self.lo[i] <= j && j <= self.hi[i]
    }

    /// Where each row's cells start when the band's cells are kept row after row, and after the
    /// last row, how many cells there are.
    pub(super) fn offsets(&self) -> Vec<usize> {
        std::iter::once(0)
            .chain(self.lo.iter().zip(&self.hi).scan(0, |total, (lo, hi)| {
                *total += hi + 1 - lo;
                Some(*total)
            }))
            .collect()
    }

    /// The columns (Russian prefixes, so the Russian items one less) of the sentence pairs of
    /// English item `i - 1` that a bead ending in row `i` or the next two may hold: a bead
    /// reaches back at most two rows and columns, and the band's edges only grow, so from two
    /// left of row `i`'s band to the end of the band two rows on.
    pub(super) fn pair_columns(&self, i: usize) -> RangeInclusive<usize> {
        let n = self.lo.len() - 1;
        self.lo[i].saturating_sub(2).max(1)..=self.hi[(i + 2).min(n)]
    }
}

/// For each English prefix, the Russian prefix covering the same share of the text; both are
/// counted from the first prefix given.
fn proportional(en_prefix: &[u64], ru_prefix: &[u64]) -> Vec<(usize, usize)> {
    let (e0, r0) = (
        en_prefix.first().copied().unwrap_or(0),
        ru_prefix.first().copied().unwrap_or(0),
    );
    let (te, tr) = (
        (en_prefix.last().unwrap_or(&0) - e0) as u128,
        (ru_prefix.last().unwrap_or(&0) - r0) as u128,
    );
    let mut j = 0;
    en_prefix
        .iter()
        .map(|&p| {
            while j + 1 < ru_prefix.len()
                && ((ru_prefix[j + 1] - r0) as u128) * te.max(1) <= ((p - e0) as u128) * tr
            {
                j += 1;
            }
            (j, j)
        })
        .collect()
}

/// For each English item prefix, the least and the most Russian prefix that `path`, a path over
/// runs of items starting at `en_first` and `ru_first` (each with the end last), lets a path over
/// the items reach: the rectangle of each bead, within which its items pair.
pub(super) fn rectangles(path: &[Bead], en_first: &[usize], ru_first: &[usize]) -> Vec<(usize, usize)> {
    let n = en_first.last().copied().unwrap_or(0);
    let mut rows = vec![(usize::MAX, 0); n + 1];
    rows[0] = (0, 0);
    for b in path {
        let (j0, j1) = (ru_first[b.ru.start], ru_first[b.ru.end]);
        for r in &mut rows[en_first[b.en.start]..=en_first[b.en.end]] {
            *r = (r.0.min(j0), r.1.max(j1));
        }
    }
    rows
}

/// The columns the path visits in each row, to centre the next band on: a long omission is a
/// long run along one row, which a band around a single column would cut.
pub(super) fn guide_of(path: &[Bead], n: usize) -> Vec<(usize, usize)> {
    let mut rows = vec![(usize::MAX, 0); n + 1];
    let mut visit = |i: usize, j: usize| {
        let r = &mut rows[i];
        *r = (r.0.min(j), r.1.max(j));
    };
    visit(0, 0);
    for b in path {
        visit(b.en.start, b.ru.start);
        for i in b.en.start + 1..=b.en.end {
            visit(i, b.ru.end);
        }
        visit(b.en.end, b.ru.end);
    }
    rows
}

/// The rows where `path` runs along an edge of `band` that is not the matrix's own.
pub(super) fn pressed(path: &[Bead], band: &Band) -> Vec<usize> {
    let m = *band.hi.last().unwrap_or(&0);
    path.iter()
        .map(|b| (b.en.end, b.ru.end))
        .filter(|&(i, j)| (j > 0 && j == band.lo[i]) || (j < m && j == band.hi[i]))
        .map(|(i, _)| i)
        .collect()
}
