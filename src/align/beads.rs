//! The bead DP: a minimum-cost monotone alignment of two sentence sequences (Gale–Church beads
//! 1–1, 1–0, 0–1, 2–1, 1–2, 2–2, 3–1, 1–3, scored by length, anchors and block compatibility),
//! banded around a guide path so that time and memory grow linearly with the document.

use super::anchors::{Features, STRONG, shared};
use crate::model::BlockKind;
use std::collections::HashMap;
use std::ops::Range;

/// One sentence of one side, with where it sits in the document.
#[derive(Debug, Clone)]
pub struct Item {
    pub features: Features,
    /// Index of the block in its version; beads never straddle two blocks.
    pub block: u32,
    /// What the block is: pairing blocks of different kinds, or turns of different speakers, costs
    /// what the document says such a mismatch is worth ([`Model`]).
    pub kind: BlockKind,
    /// Whether the item starts a paragraph: translators mostly keep paragraphs, so a bead whose
    /// edges are paragraph edges on one side only costs [`PARA_EDGE`].
    pub para_start: bool,
}

/// One step of the path: item ranges of each side (either may be empty) and the link's confidence.
#[derive(Debug, Clone, PartialEq)]
pub struct Bead {
    pub en: Range<usize>,
    pub ru: Range<usize>,
    pub confidence: f32,
}

/// Costs are in nats, roughly −log of a probability, so that they add along the path.
const BEADS: [(usize, usize, f32); 8] = [
    (1, 1, 0.0),
    (1, 0, 0.0),
    (0, 1, 0.0),
    (2, 1, 1.5),
    (1, 2, 1.5),
    (2, 2, 3.5),
    (3, 1, 3.0),
    (1, 3, 3.0),
];
/// Leaving a sentence untranslated: each one costs [`GAP`], each run of them [`GAP_OPEN`] more.
const GAP: f32 = 1.5;
const GAP_OPEN: f32 = 3.0;
const GAP_OPEN_PARA: f32 = 2.0;
/// A paragraph edge on one side only. Not learned from the document's confident links: they
/// are the ones whose edges agree, so they overstate how well a translation keeps paragraphs.
const PARA_EDGE: f32 = 1.0;
/// A bead that straddles a block edge on one side: ingest put a turn or heading boundary inside
/// what the other side says in one breath.
const BLOCK_EDGE: f32 = 2.0;
/// A question paired with a statement.
const QUESTION: f32 = 0.5;
/// Variance of the length difference per char (Gale–Church's s²); loose translations need more than 6.8.
const S2: f32 = 12.0;
/// Below this many cells the DP is exact; above it, banded.
const FULL_LIMIT: usize = 4_000_000;
/// Half-width of the band at first: in paragraphs around the guide of [`anchored`], and in
/// sentences around the columns the paragraph pass found.
const BAND: usize = 32;
const FINE_BAND: usize = 16;
/// Band passes over a stretch before its path is taken as it is.
const TRIES: usize = 6;
/// How many half-widths of rows before and after a row where the path pressed on the band are
/// aligned again: the path strays from the guide over a stretch, and presses within it.
const PRESSED_REACH: usize = 4;

/// Scoring parameters estimated from the document.
#[derive(Debug, Clone, Copy)]
pub struct Model {
    /// Russian chars per English char.
    pub ratio: f32,
    /// Pairing blocks of different kinds (a turn with narration, a heading with text).
    pub other_kind: f32,
    /// Pairing the turns of two speakers not known to be the same person.
    pub other_speaker: f32,
}

/// Aligns `en` with `ru`, returning the beads of the cheapest path in order.
pub fn align(en: &[Item], ru: &[Item], model: Model) -> Vec<Bead> {
    align_within(en, ru, model, FULL_LIMIT)
}

/// Whether sequences of these lengths are aligned by the exact DP rather than a banded one.
pub fn exact(n: usize, m: usize) -> bool {
    n.saturating_mul(m + 1) <= FULL_LIMIT
}

/// [`align`], banded once the exact DP would visit more than `full_limit` cells.
fn align_within(en: &[Item], ru: &[Item], model: Model, full_limit: usize) -> Vec<Bead> {
    let (n, m) = (en.len(), ru.len());
    if n == 0 || m == 0 {
        // Nothing to pair: every sentence of the present side is a gap.
        return (0..n)
            .map(|i| gap(i..i + 1, 0..0))
            .chain((0..m).map(|j| gap(0..0, j..j + 1)))
            .collect();
    }
    let full = n.saturating_mul(m + 1) <= full_limit;
    let scorer = Scorer::new(en, ru, model);
    let centre = if full {
        Vec::new()
    } else {
        // A first pass over whole paragraphs, three times fewer on each side, finds where the
        // sentence band belongs, so that the sentence pass rarely needs a second try.
        let (en_paras, en_first) = paragraphs(en);
        let (ru_paras, ru_first) = paragraphs(ru);
        let coarse = banded(&Scorer::new(&en_paras, &ru_paras, model), BAND);
        let corners = coarse.iter().map(|b| (en_first[b.en.end], ru_first[b.ru.end]));
        through(corners, &scorer.en.chars(), &scorer.ru.chars())
    };
    banded_around(&scorer, full, centre, FINE_BAND, Mend::Locally)
}

/// Each paragraph as one item, and the index of each paragraph's first item (plus the end).
fn paragraphs(items: &[Item]) -> (Vec<Item>, Vec<usize>) {
    let mut first: Vec<usize> = (0..items.len())
        .filter(|&k| k == 0 || items[k].para_start)
        .collect();
    let paras = first
        .iter()
        .enumerate()
        .map(|(p, &k)| {
            let end = first.get(p + 1).copied().unwrap_or(items.len());
            Item {
                features: Features::merged(items[k..end].iter().map(|it| &it.features)),
                block: items[k].block,
                kind: items[k].kind,
                para_start: true,
            }
        })
        .collect();
    first.push(items.len());
    (paras, first)
}

/// The DP banded around the guide of [`anchored`].
fn banded(scorer: &Scorer, half: usize) -> Vec<Bead> {
    repaired(
        scorer,
        anchored(&scorer.en, &scorer.ru),
        half,
        TRIES,
        Mend::ToTheEnd,
    )
}

/// For each English prefix, the Russian prefix to centre the band on: through the anchor chain of
/// [`unique_pairs`], and between its links in proportion to the text. A long omission bends the
/// path far from the diagonal of the whole document, but not from a line through its anchors.
fn anchored(en: &Seq, ru: &Seq) -> Vec<(usize, usize)> {
    // The path passes by each pair of the chain: through the cells before and after it.
    let waypoints = unique_pairs(en.items, ru.items)
        .into_iter()
        .flat_map(|(i, j)| [(i, j), (i + 1, j + 1)]);
    through(waypoints, &en.chars(), &ru.chars())
}

/// For each English prefix, the Russian prefix on a path through `waypoints` (cells in order,
/// ending at the far corner or short of it) and in proportion to the text between them; `en_chars`
/// and `ru_chars` are the prefix sums of each side's lengths.
fn through(
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

/// The DP, exact or banded around `centre` (per row, the first and last column to cover).
fn banded_around(
    scorer: &Scorer,
    full: bool,
    centre: Vec<(usize, usize)>,
    half: usize,
    mend: Mend,
) -> Vec<Bead> {
    if full {
        return dp(scorer, &Band::full(scorer.en.len(), scorer.ru.len()));
    }
    repaired(scorer, centre, half, TRIES, mend)
}

/// Where a pass aligns again after its path pressed on the band.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mend {
    /// Around each place on its own, between the path's cells at either side: for a band around
    /// a path found at a coarser scale, from which the true path strays only locally.
    Locally,
    /// From the first place to the end: for a band around a mere line, which a long omission
    /// leaves for good, so that none of the path after it can be trusted.
    ToTheEnd,
}

/// The DP banded around `centre`; then, where the path pressed on the band's edge and so may have
/// been cut off (an omission may be longer than the band is wide), the stretch around it aligned
/// again, between the path's cells at its ends, in a band stretched over that path and widened,
/// and so on for up to `tries` passes. Only the trouble spots are aligned again, so a retry on a
/// long document costs what they do, not another pass over all of it.
fn repaired(
    scorer: &Scorer,
    centre: Vec<(usize, usize)>,
    half: usize,
    tries: usize,
    mend: Mend,
) -> Vec<Bead> {
    let (n, m) = (scorer.en.len(), scorer.ru.len());
    let band = Band::around(&centre, m, half);
    let path = dp(scorer, &band);
    let pressed = pressed(&path, &band);
    if pressed.is_empty() || tries <= 1 {
        return path;
    }
    // Rows to align again: around each pressed row, overlapping stretches merged. Only rows near
    // one are widened; the rest of a stretch to the end just takes in the path.
    let reach = PRESSED_REACH * half;
    let mut near = vec![0i32; n + 2];
    for &i in &pressed {
        near[i.saturating_sub(reach)] += 1;
        near[(i + reach + 1).min(n + 1)] -= 1;
    }
    let near: Vec<bool> = near
        .iter()
        .scan(0, |open, &d| {
            *open += d;
            Some(*open > 0)
        })
        .collect();
    let mut stretches: Vec<(usize, usize)> = Vec::new();
    for i in pressed {
        let hi = if mend == Mend::ToTheEnd {
            n
        } else {
            (i + reach).min(n)
        };
        let lo = i.saturating_sub(reach);
        match stretches.last_mut() {
            Some(last) if lo <= last.1 => last.1 = last.1.max(hi),
            _ => stretches.push((lo, hi)),
        }
    }
    let guide = guide_of(&path, n);
    let mut out = Vec::with_capacity(path.len());
    let mut next = 0;
    for (lo, hi) in stretches {
        // From the end of the last bead ending by row `lo` to that of the first reaching `hi`.
        let start = next + path[next..].iter().take_while(|b| b.en.end <= lo).count();
        let end = if hi == n {
            path.len()
        } else {
            start
                + path[start..]
                    .iter()
                    .position(|b| b.en.end >= hi)
                    .map_or(path.len() - start, |k| k + 1)
        };
        out.extend_from_slice(&path[next..start]);
        let (i0, j0) = out.last().map_or((0, 0), |b: &Bead| (b.en.end, b.ru.end));
        let (i1, j1) = path[end - 1..end]
            .first()
            .map_or((n, m), |b| (b.en.end, b.ru.end));
        if i1 == i0 || j1 == j0 {
            out.extend_from_slice(&path[start..end]);
            next = end;
            continue;
        }
        let part = Scorer::new(&scorer.en.items[i0..i1], &scorer.ru.items[j0..j1], scorer.model);
        // The old band and the path, near where it pressed a half-width wider on each side.
        let centre: Vec<(usize, usize)> = (i0..=i1)
            .map(|i| {
                let (lo, hi) = (centre[i].0.min(guide[i].0), centre[i].1.max(guide[i].1));
                let wider = if near[i] { half } else { 0 };
                (
                    lo.saturating_sub(wider).clamp(j0, j1) - j0,
                    (hi + wider).clamp(j0, j1) - j0,
                )
            })
            .collect();
        out.extend(
            repaired(&part, centre, half, tries - 1, mend)
                .into_iter()
                .map(|b| Bead {
                    en: b.en.start + i0..b.en.end + i0,
                    ru: b.ru.start + j0..b.ru.end + j0,
                    confidence: b.confidence,
                }),
        );
        next = end;
    }
    out.extend_from_slice(&path[next..]);
    out
}

fn gap(en: Range<usize>, ru: Range<usize>) -> Bead {
    Bead {
        en,
        ru,
        confidence: 0.0,
    }
}

/// One side's items with prefix sums of what bead costs add up over a range of them, so that a
/// cost takes a few subtractions whatever the bead's size.
struct Seq<'a> {
    items: &'a [Item],
    /// `prefix[k]`: the totals of `items[..k]`, side by side so that a bead's cost reads them
    /// with one index per end.
    prefix: Vec<Totals>,
    /// For each item, the index of its block's first item: how far back a bead ending there reaches.
    block_start: Vec<usize>,
}

/// Chars, paragraph starts, questions and strong keys of a run of items.
#[derive(Clone, Copy, Default)]
struct Totals {
    chars: u64,
    starts: u64,
    questions: u64,
    strong: u64,
}

impl<'a> Seq<'a> {
    fn new(items: &'a [Item]) -> Self {
        let prefix = std::iter::once(Totals::default())
            .chain(items.iter().scan(Totals::default(), |t, it| {
                t.chars += u64::from(it.features.len);
                t.starts += u64::from(it.para_start);
                t.questions += u64::from(it.features.question);
                t.strong += u64::from(it.features.strong);
                Some(*t)
            }))
            .collect();
        let block_start = (0..items.len())
            .scan(0, |start, k| {
                if k > 0 && items[k].block != items[k - 1].block {
                    *start = k;
                }
                Some(*start)
            })
            .collect();
        Seq {
            items,
            prefix,
            block_start,
        }
    }

    /// `prefix[k].chars` for every k.
    fn chars(&self) -> Vec<u64> {
        self.prefix.iter().map(|t| t.chars).collect()
    }

    fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether a paragraph starts at item `k` (the end counts as one).
    fn starts_at(&self, k: usize) -> bool {
        self.items.get(k).is_none_or(|it| it.para_start)
    }

    /// The totals of `items[from..to]`.
    fn sum(&self, from: usize, to: usize) -> Totals {
        let (a, z) = (self.prefix[from], self.prefix[to]);
        Totals {
            chars: z.chars - a.chars,
            starts: z.starts - a.starts,
            questions: z.questions - a.questions,
            strong: z.strong - a.strong,
        }
    }
}

/// Precomputed prefix sums and the bead cost function.
struct Scorer<'a> {
    en: Seq<'a>,
    ru: Seq<'a>,
    model: Model,
}

/// A bead's cost: the fit of its two sides and its prior, kept apart because confidence weighs
/// them differently.
struct Cost {
    fit: f32,
    prior: f32,
}

impl Cost {
    fn total(&self) -> f32 {
        self.fit + self.prior
    }

    /// 0 for a gap; for a pair, a logistic of the fit. A merge is normal between translations,
    /// so its prior only dents the confidence.
    fn confidence(&self, gap: bool) -> f32 {
        if gap {
            0.0
        } else {
            1.0 / (1.0 + (self.fit + self.prior * 0.3 - 1.5).exp())
        }
    }
}

/// Anchor keys shared by some sentence pairs: (all, strong), summed over the pairs.
type Shared = (u32, u32);

impl<'a> Scorer<'a> {
    fn new(en: &'a [Item], ru: &'a [Item], model: Model) -> Self {
        Scorer {
            en: Seq::new(en),
            ru: Seq::new(ru),
            model,
        }
    }

    /// What the kinds of the blocks of English item `e` and Russian item `r` add to a pairing of them.
    #[inline]
    fn kinds(&self, e: usize, r: usize) -> f32 {
        match (self.en.items[e].kind, self.ru.items[r].kind) {
            (x, y) if x == y => 0.0,
            (BlockKind::Turn(_), BlockKind::Turn(_)) => self.model.other_speaker,
            _ => self.model.other_kind,
        }
    }

    /// The keys English item `e` and Russian item `r` share.
    #[inline]
    fn pair(&self, e: usize, r: usize) -> Shared {
        let (e, r) = (&self.en.items[e].features, &self.ru.items[r].features);
        if e.signature & r.signature == 0 {
            (0, 0)
        } else {
            shared(&e.keys, &r.keys)
        }
    }

    /// The keys shared by the sentence pairs of `en[i-a..i]` × `ru[j-b..j]`.
    fn shared(&self, i: usize, j: usize, a: usize, b: usize) -> Shared {
        let mut sum = (0, 0);
        for e in i - a..i {
            for r in j - b..j {
                let (all, strong) = self.pair(e, r);
                sum = (sum.0 + all, sum.1 + strong);
            }
        }
        sum
    }

    /// The length term of pairing `en[i-a..i]` with `ru[j-b..j]`: δ²/2 of Gale–Church, with no
    /// square root to take in the innermost loop.
    #[inline]
    fn length(&self, i: usize, j: usize, a: usize, b: usize) -> f32 {
        let le = (self.en.prefix[i].chars - self.en.prefix[i - a].chars) as f32;
        let lr = (self.ru.prefix[j].chars - self.ru.prefix[j - b].chars) as f32;
        let expected = self.model.ratio * le;
        ((lr - expected).powi(2) / (S2 * (expected + lr) + 2.0)).min(25.0)
    }

    /// The cost of pairing `en[i-a..i]` with `ru[j-b..j]`, which share `shared` anchor keys.
    #[inline]
    fn cost(&self, i: usize, j: usize, a: usize, b: usize, prior: f32, shared: Shared) -> Cost {
        if a == 0 || b == 0 {
            return Cost {
                fit: GAP * (a + b) as f32,
                prior: 0.0,
            };
        }
        let (en, ru) = (&self.en, &self.ru);
        let straddles = u8::from(i - a < en.block_start[i - 1]) + u8::from(j - b < ru.block_start[j - 1]);
        let structure = self.kinds(i - 1, j - 1) + BLOCK_EDGE * f32::from(straddles);
        let (e_first, r_first) = (en.starts_at(i - a), ru.starts_at(j - b));
        let edges = u64::from(e_first != r_first) + u64::from(en.starts_at(i) != ru.starts_at(j));
        let (te, tr) = (en.sum(i - a, i), ru.sum(j - b, j));
        // Paragraph breaks inside the bead, on one side and not the other.
        let inner = (te.starts - u64::from(e_first)).abs_diff(tr.starts - u64::from(r_first));
        let edges = PARA_EDGE * (edges + inner) as f32;
        let length = self.length(i, j, a, b);
        let anchors = anchor_cost(shared, te.strong.min(tr.strong) as u32);
        let questions = QUESTION * te.questions.abs_diff(tr.questions) as f32;
        let fit = length + anchors + structure + edges + questions;
        Cost { fit, prior }
    }
}

const BONUS_CAP: f32 = 4.0;

/// Shared anchors lower the cost; strong anchors (numbers, names) present on both sides yet
/// unmatched raise it, which is what keeps unrelated texts of fitting length apart. For a bead of
/// several sentences the counts are summed over its sentence pairs: a key repeated in two
/// sentences counts twice, which is rare, and lets the DP reuse each pair's counts in every bead
/// containing it. `strong_both` is the lesser of the two sides' strong key counts.
fn anchor_cost((all, strong): Shared, strong_both: u32) -> f32 {
    let missed = strong_both.saturating_sub(strong);
    0.7 * missed.min(4) as f32 - bonus((all, strong))
}

/// What shared anchors take off a bead's cost.
fn bonus((all, strong): Shared) -> f32 {
    (strong as f32 + 0.5 * (all - strong) as f32).min(BONUS_CAP)
}

/// The cells the DP visits: for each row i (English items consumed), the columns `lo[i]..=hi[i]`.
struct Band {
    lo: Vec<usize>,
    hi: Vec<usize>,
}

impl Band {
    fn full(n: usize, m: usize) -> Band {
        Band {
            lo: vec![0; n + 1],
            hi: vec![m; n + 1],
        }
    }

    /// The columns `centre[i]` ± `half`, made monotone so every band cell stays reachable, with
    /// both corners in.
    fn around(centre: &[(usize, usize)], m: usize, half: usize) -> Band {
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

    fn contains(&self, i: usize, j: usize) -> bool {
        self.lo[i] <= j && j <= self.hi[i]
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

/// The columns the path visits in each row, to centre the next band on: a long omission is a
/// long run along one row, which a band around a single column would cut.
fn guide_of(path: &[Bead], n: usize) -> Vec<(usize, usize)> {
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
fn pressed(path: &[Bead], band: &Band) -> Vec<usize> {
    let m = *band.hi.last().unwrap_or(&0);
    path.iter()
        .map(|b| (b.en.end, b.ru.end))
        .filter(|&(i, j)| (j > 0 && j == band.lo[i]) || (j < m && j == band.hi[i]))
        .map(|(i, _)| i)
        .collect()
}

const UNREACHED: u8 = u8::MAX;

/// The DP has three states by the last bead taken — a pair, an English-only gap, a Russian-only
/// gap — so that a run of untranslated sentences pays [`GAP_OPEN`] once: omissions come in
/// whole passages, and without this the pairs scatter over a long omitted stretch.
const STATES: usize = 3;

fn state_of(a: usize, b: usize) -> usize {
    match (a, b) {
        (_, 0) => 1,
        (0, _) => 2,
        _ => 0,
    }
}

/// The DP proper. Scores live in four rolling rows per state; one byte per band cell and state
/// records the bead taken and the state it came from.
fn dp(s: &Scorer, band: &Band) -> Vec<Bead> {
    let n = band.lo.len() - 1;
    let mut offset = Vec::with_capacity(n + 2);
    offset.push(0usize);
    for i in 0..=n {
        offset.push(offset[i] + band.hi[i] + 1 - band.lo[i]);
    }
    let cells = offset[n + 1];
    let mut back = vec![UNREACHED; cells * STATES];
    let mut rows: [[Vec<f32>; 4]; STATES] = Default::default();
    // Per cell, the least score over the states and its state: where a pair bead comes from.
    let mut mins: [Vec<(f32, u8)>; 4] = Default::default();
    // The shared keys of each sentence pair a bead ending in the last three rows may contain:
    // computed once per pair instead of once per bead. A bead ending at (i, j) reaches back at
    // most two rows and columns, and the band's edges only grow, so row i needs the columns from
    // two left of its band to the end of the band two rows on.
    let mut pairs: [(usize, Vec<Shared>); 3] = Default::default();
    for i in 0..=n {
        let (lo, hi) = (band.lo[i], band.hi[i]);
        if i > 0 {
            let (from, to) = (lo.saturating_sub(2).max(1), band.hi[(i + 2).min(n)]);
            let (first, row) = &mut pairs[i % 3];
            *first = from;
            row.clear();
            row.extend((from..=to).map(|j| s.pair(i - 1, j - 1)));
        }
        for state_rows in rows.iter_mut() {
            let row = &mut state_rows[i % 4];
            row.clear();
            row.resize(hi + 1 - lo, f32::INFINITY);
        }
        let mins_row = &mut mins[i % 4];
        mins_row.clear();
        mins_row.resize(hi + 1 - lo, (f32::INFINITY, 0));
        for j in lo..=hi {
            if i == 0 && j == 0 {
                rows[0][0][0] = 0.0;
                mins[0][0] = (0.0, 0);
                continue;
            }
            let mut best = [(f32::INFINITY, UNREACHED); STATES];
            for (t, &(a, b, prior)) in BEADS.iter().enumerate() {
                if a > i || b > j || !band.contains(i - a, j - b) {
                    continue;
                }
                let to = state_of(a, b);
                let at = j - b - band.lo[i - a];
                if to != 0 {
                    // An omission starting at a paragraph is the usual kind: a paragraph left out.
                    let gap_open = match to {
                        1 if s.en.items[i - 1].para_start => GAP_OPEN_PARA,
                        2 if s.ru.items[j - 1].para_start => GAP_OPEN_PARA,
                        _ => GAP_OPEN,
                    };
                    let (from, from_state) = (0..STATES)
                        .map(|st| {
                            let open = if st != to { gap_open } else { 0.0 };
                            (rows[st][(i - a) % 4][at] + open, st)
                        })
                        .fold((f32::INFINITY, 0), |x, y| if y.0 < x.0 { y } else { x });
                    let total = from + GAP * (a + b) as f32;
                    if total < best[to].0 {
                        best[to] = (total, ((t as u8) << 2) | from_state as u8);
                    }
                    continue;
                }
                let (from, from_state) = mins[(i - a) % 4][at];
                // Anchors can lower a cost below its prior by at most BONUS_CAP.
                if !from.is_finite() || from + prior - BONUS_CAP >= best[0].0 {
                    continue;
                }
                let mut shared = (0, 0);
                for (first, row) in (i - a + 1..=i).map(|r| &pairs[r % 3]) {
                    for &(all, strong) in &row[j + 1 - b - first..=j - first] {
                        shared = (shared.0 + all, shared.1 + strong);
                    }
                }
                // Every other part of a cost is at least 0: most beads off the path share no
                // anchor, or fit badly by length, and stop here. The slack absorbs the rounding of
                // the cost's other terms, so the pruning never drops a bead the full cost would keep.
                let bound = prior - bonus(shared);
                if from + bound >= best[0].0 || from + (bound + s.length(i, j, a, b) - 1e-3) >= best[0].0 {
                    continue;
                }
                let total = from + s.cost(i, j, a, b, prior, shared).total();
                if total < best[0].0 {
                    best[0] = (total, ((t as u8) << 2) | from_state);
                }
            }
            let mut min = (f32::INFINITY, 0);
            for (st, (score, how)) in best.into_iter().enumerate() {
                rows[st][i % 4][j - lo] = score;
                back[st * cells + offset[i] + j - lo] = how;
                if score < min.0 {
                    min = (score, st as u8);
                }
            }
            mins[i % 4][j - lo] = min;
        }
    }
    let end = (0..STATES)
        .min_by(|&x, &y| {
            rows[x][n % 4]
                .last()
                .unwrap_or(&f32::INFINITY)
                .total_cmp(rows[y][n % 4].last().unwrap_or(&f32::INFINITY))
        })
        .unwrap_or(0);
    trace(s, band, &offset, &back, end)
}

fn trace(s: &Scorer, band: &Band, offset: &[usize], back: &[u8], mut state: usize) -> Vec<Bead> {
    let cells = *offset.last().unwrap_or(&0);
    let (mut i, mut j) = (band.lo.len() - 1, *band.hi.last().unwrap_or(&0));
    let mut path = Vec::new();
    while i > 0 || j > 0 {
        let how = if band.contains(i, j) {
            back[state * cells + offset[i] + j - band.lo[i]]
        } else {
            UNREACHED
        };
        // Gap beads reach every band cell, so the traced path never meets an unreached one nor
        // leaves the band; should it, stepping back one item as a gap still ends the loop.
        let (a, b, prior) = BEADS
            .get(usize::from(how >> 2))
            .copied()
            .filter(|_| how != UNREACHED)
            .unwrap_or(if i > 0 { (1, 0, 0.0) } else { (0, 1, 0.0) });
        let confidence = s
            .cost(i, j, a, b, prior, s.shared(i, j, a, b))
            .confidence(a == 0 || b == 0);
        path.push(Bead {
            en: i - a..i,
            ru: j - b..j,
            confidence,
        });
        i -= a;
        j -= b;
        state = usize::from(how & 3).min(STATES - 1);
    }
    path.reverse();
    path
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;

    const MODEL: Model = Model {
        ratio: 1.1,
        other_kind: 1.0,
        other_speaker: 1.0,
    };

    fn items(texts: &[&str], lang: Lang, kind: BlockKind) -> Vec<Item> {
        texts
            .iter()
            .map(|t| Item {
                features: Features::of(t, lang),
                block: 0,
                kind,
                // One sentence per paragraph, as in a transcript of short answers.
                para_start: true,
            })
            .collect()
    }

    fn refs(v: &[String]) -> Vec<&str> {
        v.iter().map(String::as_str).collect()
    }

    fn pairs(path: &[Bead]) -> Vec<(Range<usize>, Range<usize>)> {
        path.iter().map(|b| (b.en.clone(), b.ru.clone())).collect()
    }

    const EN: [&str; 4] = [
        "Russia accounts for about 60% of Belarus' foreign trade.",
        "Trade grew by 5.7% and exceeded $50 billion.",
        "More than 2,000 Russian companies operate in Belarus.",
        "Thank you.",
    ];
    const RU: [&str; 5] = [
        "На Россию приходится около 60 процентов внешнеторгового оборота Белоруссии.",
        "Товарооборот прибавил 5,7 процента и превысил 50 миллиардов долларов.",
        "Это рекорд, который мы давно ждали и о котором все говорили.",
        "В Белоруссии работает более 2 000 российских компаний.",
        "Спасибо.",
    ];

    #[test]
    fn pairs_translations_and_leaves_the_extra_sentence_alone() {
        let t = BlockKind::Turn(0);
        let path = align(&items(&EN, Lang::En, t), &items(&RU, Lang::Ru, t), MODEL);
        assert_eq!(
            pairs(&path),
            vec![
                (0..1, 0..1),
                (1..2, 1..2),
                (2..2, 2..3),
                (2..3, 3..4),
                (3..4, 4..5)
            ]
        );
        assert!(path[0].confidence > 0.8, "{path:?}");
        assert_eq!(path[2].confidence, 0.0);
    }

    #[test]
    fn a_merged_sentence_makes_a_two_to_one_bead() {
        let t = BlockKind::Turn(0);
        let ru = [
            "На Россию приходится около 60 процентов оборота Белоруссии, а товарооборот прибавил 5,7 процента и превысил 50 миллиардов долларов.",
        ];
        let path = align(&items(&EN[..2], Lang::En, t), &items(&ru, Lang::Ru, t), MODEL);
        assert_eq!(pairs(&path), vec![(0..2, 0..1)]);
    }

    #[test]
    fn different_kinds_pair_at_a_cost() {
        // Ingest's reading of structure is a guess: a translation read as a heading on one side
        // and as a turn on the other still pairs, though less surely.
        let align_kinds = |en: BlockKind| {
            align(
                &items(&EN[..1], Lang::En, en),
                &items(&RU[..1], Lang::Ru, BlockKind::Turn(0)),
                MODEL,
            )
        };
        let (mixed, same) = (align_kinds(BlockKind::Heading), align_kinds(BlockKind::Turn(0)));
        assert_eq!(pairs(&mixed), vec![(0..1, 0..1)]);
        assert!(mixed[0].confidence < same[0].confidence, "{mixed:?} {same:?}");
    }

    /// Aligns 400 sentence pairs with 150 Russian-only sentences inserted after the 200th, with
    /// the band on (the exact DP would not need to find the omission), and checks that each
    /// English sentence is paired with its own Russian one. An extra sentence next to the
    /// omission may be merged into the pair beside it.
    fn follows_long_omission(
        en: impl Fn(usize) -> String,
        ru: impl Fn(usize) -> String,
        extra: impl Fn(usize) -> String,
    ) {
        let t = BlockKind::Turn(0);
        let en: Vec<String> = (0..400).map(en).collect();
        let mut ru: Vec<String> = (0..400).map(ru).collect();
        ru.splice(200..200, (0..150).map(extra));
        let (en, ru) = (items(&refs(&en), Lang::En, t), items(&refs(&ru), Lang::Ru, t));
        let path = align_within(&en, &ru, MODEL, 0);
        let paired: Vec<_> = path
            .iter()
            .filter(|b| !b.en.is_empty() && !b.ru.is_empty())
            .collect();
        assert_eq!(paired.len(), 400);
        let wrong: Vec<_> = paired
            .iter()
            .filter(|b| {
                !b.ru
                    .contains(&(b.en.start + if b.en.start < 200 { 0 } else { 150 }))
            })
            .collect();
        assert!(wrong.is_empty(), "{wrong:?}");
    }

    #[test]
    fn russian_running_on_after_the_english_ends_stays_in_the_band() {
        // The guide runs from the last English sentence to the far corner in one row: the band
        // must stay connected across that jump.
        let t = BlockKind::Turn(0);
        let mut en: Vec<String> = (0..300).map(|k| format!("Point {k} was agreed.")).collect();
        let mut ru: Vec<String> = (0..300).map(|k| format!("Пункт {k} согласован.")).collect();
        en.push("Thank you.".into());
        ru.push("Спасибо.".into());
        ru.extend((0..80).map(|k| format!("Лишнее {} сказано после.", 1000 + k)));
        let (en, ru) = (items(&refs(&en), Lang::En, t), items(&refs(&ru), Lang::Ru, t));
        let path = align_within(&en, &ru, MODEL, 0);
        let paired: Vec<_> = path
            .iter()
            .filter(|b| !b.en.is_empty() && !b.ru.is_empty())
            .collect();
        assert_eq!(paired.len(), 301, "{paired:?}");
        assert!(paired.iter().all(|b| b.en == b.ru), "{paired:?}");
    }

    #[test]
    fn the_band_follows_a_long_omission_along_unique_numbers() {
        // Far outside a band around the proportional diagonal; the numbers said once on each
        // side guide the band through it.
        follows_long_omission(
            |k| format!("Point {k} was agreed by Lukashenko."),
            |k| format!("Пункт {k} согласовал Лукашенко."),
            |k| format!("Лишнее {} сказано.", 1000 + k),
        );
    }

    #[test]
    fn the_band_follows_a_long_omission_by_length_alone() {
        // Lengths that do not repeat in a short period, as a real text's do not.
        let words = |k: usize| 2 + (k.wrapping_mul(2_654_435_761) >> 7) % 13;
        // No anchors at all: the band must widen and follow the path as it presses on the edge.
        follows_long_omission(
            |k| format!("{}agreed.", "word ".repeat(words(k))),
            |k| format!("{}согласовано.", "слово ".repeat(words(k))),
            |k| format!("{}сказано.", "лишнее ".repeat(30 + words(k))),
        );
    }
}
