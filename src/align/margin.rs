//! How likely the DP's own cost model finds each sentence's place: for each sentence, the chance
//! that an alignment links it outside its unit, over all alignments in a band around the path,
//! each weighted by e^−cost (its costs are negative log-chances). A forward and a backward pass
//! (sums, not minima, as in an HMM's forward-backward) give each bead's posterior chance; every
//! path holds exactly one bead per sentence, so the chances of the beads that place a sentence
//! elsewhere add up to the chance that it belongs elsewhere. A sentence with many rivals, each a
//! little dearer, is less sure than one with a single rival: the cheapest rival alone says less.

use super::band::{Band, guide_of};
use super::beads::Bead;
use super::cost::{Marks, Scorer, Shared, Terms, Window};
use super::dp::{STATE_OF, STATES};
use super::params::*;
use crate::model::{ByLang, Lang};
use std::ops::Range;

/// For each item of each side, the log-odds (within ±[`MARGIN_CAP`]) that the alignments in a
/// band around `path` keep it where its unit claims: linked to some item of the other side
/// within `within[l][k]` (its unit's items there; where that range is empty, to nothing), or
/// left untranslated where `path` leaves it so. A link that also takes in a neighbour's item
/// keeps it: the unit's pairing stays right, only the neighbour's is in doubt.
pub(super) fn margins(s: &Scorer, path: &[Bead], within: &ByLang<Vec<Range<usize>>>) -> ByLang<Vec<f32>> {
    let (n, m) = (s.en.len(), s.ru.len());
    let mut out = ByLang::new(vec![MARGIN_CAP; n], vec![MARGIN_CAP; m]);
    if n == 0 || m == 0 {
        return out;
    }
    let band = Band::around(&guide_of(path, n), m, MARGIN_BAND);
    let offset = band.offsets();
    let cells = offset[n + 1];
    let at = |i: usize, j: usize| offset[i] + j - band.lo[i];
    // What each sentence pair a bead may hold shares, computed once, as in the DP.
    let mut marks = Marks::default();
    let pairs: Vec<(usize, Vec<Shared>)> = (0..=n)
        .map(|r| {
            if r == 0 {
                return (0, Vec::new());
            }
            let columns = band.pair_columns(r);
            let mut row = Vec::new();
            s.pairs(r - 1, columns.start() - 1..*columns.end(), &mut marks, &mut row);
            (*columns.start(), row)
        })
        .collect();
    // The beads ending in each cell, by shape: their chance e^−cost, or 0 where one leaves the
    // band. An f32 moves each bead's cost by under 1e-6 nats, and underflows to 0 only past about
    // 100 nats, where leaving the bead's sentences out (a few nats each) is e^−80 as dear.
    let shapes = BEADS.len();
    let mut chance = vec![0.0f32; cells * shapes];
    for i in 0..=n {
        let above = std::array::from_fn(|r| match pairs.get(i.wrapping_sub(r)) {
            Some((first, row)) => (*first, row.as_slice()),
            None => (0, &[][..]),
        });
        let mut window = Window::new(above, band.lo[i]);
        let en_back = s.en.back(i);
        for j in band.lo[i]..=band.hi[i] {
            window.advance(j);
            let ru_back = s.ru.back(j);
            for (t, &(a, b, prior)) in BEADS.iter().enumerate() {
                if a > i || b > j || !band.contains(i - a, j - b) {
                    continue;
                }
                let cost = if a == 0 || b == 0 {
                    GAP * (a + b) as f32
                } else {
                    // [`Scorer::cost`], its terms from what the row and column read once.
                    let shared = window.shared(a, b);
                    let terms = Terms {
                        prior: prior * s.merge,
                        length: s.length(en_back.chars[a], ru_back.chars[b]),
                        lexical: s.lexical(en_back.known[a] + ru_back.known[b], shared.words),
                    };
                    s.pair_cost(i, j, a, b, shared, terms).total()
                };
                chance[at(i, j) * shapes + t] = (-cost).exp();
            }
        }
    }
    // The path's links of shapes the DP lacks, which absorbing gaps made (one sentence rendered
    // in five): moves of these passes too, or the alignments they replaced would pass for the
    // likeliest and leaving their sentences out for as likely.
    // In path order, so that each pass meets them in its own order of cells.
    let wide: Vec<(Bead, f64)> = path
        .iter()
        .filter(|b| !b.is_gap() && !BEADS.iter().any(|&(a, c, _)| (a, c) == (b.en.len(), b.ru.len())))
        .filter(|b| band.contains(b.en.start, b.ru.start) && band.contains(b.en.end, b.ru.end))
        .map(|b| (b.clone(), (-f64::from(s.price(b).total())).exp()))
        .collect();
    let opening = |to: usize, i: usize, j: usize| (-f64::from(s.gap_open(to, i, j))).exp();
    // The chance of all ways from each cell to the far corner, by the state of the bead that
    // reached the cell. Links continue from any state alike; a gap opens a run of gaps (at
    // `Scorer::gap_open`) unless it continues one.
    let mut backward = Rows::new(cells, n);
    backward.chance[at(n, m)] = [1.0; STATES];
    let mut starting = wide.iter().rev().peekable();
    for i in (0..=n).rev() {
        let unit = backward.open(i, i + 1);
        let mut by = [1.0; DP_WIDEST + 1];
        for (a, by) in by.iter_mut().enumerate().skip(2).filter(|&(a, _)| i + a <= n) {
            *by = backward.to_units(unit, i + a);
        }
        for j in (band.lo[i]..=band.hi[i]).rev() {
            let (mut link, mut going, mut opened) = (0.0, [0.0; STATES], [0.0; STATES]);
            for (t, &(a, b, _)) in BEADS.iter().enumerate() {
                let (i2, j2) = (i + a, j + b);
                if i2 > n || j2 > m || !band.contains(i2, j2) {
                    continue;
                }
                let p = f64::from(chance[at(i2, j2) * shapes + t]);
                let to = STATE_OF[t];
                let way = p * by[a] * backward.chance[at(i2, j2)][to];
                if to == 0 {
                    link += way;
                } else {
                    going[to] += way;
                    opened[to] += way * opening(to, i2, j2);
                }
            }
            if let Some((b, p)) = starting.next_if(|(b, _)| (b.en.start, b.ru.start) == (i, j)) {
                link += p * backward.to_units(unit, b.en.end) * backward.chance[at(b.en.end, b.ru.end)][0];
            }
            if (i, j) != (n, m) {
                backward.chance[at(i, j)] = std::array::from_fn(|st| {
                    (1..STATES)
                        .filter(|&to| may_follow(st, to))
                        .fold(link, |all, to| {
                            all + if st == to { going[to] } else { opened[to] }
                        })
                });
            }
        }
        backward.close(i, offset[i]..offset[i + 1]);
    }
    // The cost of all alignments together.
    let origin = backward.chance[0][0];
    if origin <= 0.0 || !origin.is_finite() {
        return out;
    }
    let all = backward.cost(0, origin);
    let claims = Claims::new(path, within);
    // The chance of all ways from the origin to each cell, by the state of the last bead; and,
    // for each bead, its posterior chance, added to each item it places elsewhere.
    let mut elsewhere = ByLang::new(vec![0.0f64; n], vec![0.0f64; m]);
    let mut forward = Rows::new(cells, n);
    forward.chance[0][0] = 1.0;
    let mut ending = wide.iter().peekable();
    for i in 0..=n {
        let unit = forward.open(i, i.wrapping_sub(1));
        let mut by = [1.0; DP_WIDEST + 1];
        for (a, by) in by.iter_mut().enumerate().skip(2).filter(|&(a, _)| a <= i) {
            *by = forward.to_units(unit, i - a);
        }
        // What turns a way's chance up to a bead's end, times that of all ways on from there,
        // into a share of all alignments, in this row's units.
        let posterior = (all - unit - backward.offset[i]).exp();
        for j in band.lo[i]..=band.hi[i] {
            let here = at(i, j);
            let mut cell = forward.chance[here];
            for (t, &(a, b, _)) in BEADS.iter().enumerate() {
                let p = f64::from(chance[here * shapes + t]);
                if p == 0.0 {
                    continue;
                }
                let to = STATE_OF[t];
                let from = &forward.chance[at(i - a, j - b)];
                let arrive = by[a]
                    * if to == 0 {
                        from.iter().sum()
                    } else {
                        let others: f64 = (0..STATES)
                            .filter(|&st| st != to && may_follow(st, to))
                            .map(|st| from[st])
                            .sum();
                        from[to] + others * opening(to, i, j)
                    };
                cell[to] += arrive * p;
                let chance = arrive * p * backward.chance[here][to] * posterior;
                if chance < NEGLIGIBLE {
                    continue;
                }
                let (en, ru) = (i - a..i, j - b..j);
                for (l, items, other) in [(Lang::En, en.clone(), ru.clone()), (Lang::Ru, ru, en)] {
                    for k in items.filter(|&k| claims.leaves(l, k, &other)) {
                        elsewhere[l][k] += chance;
                    }
                }
            }
            if let Some((b, p)) = ending.next_if(|(b, _)| (b.en.end, b.ru.end) == (i, j)) {
                let from = &forward.chance[at(b.en.start, b.ru.start)];
                cell[0] += p * forward.to_units(unit, b.en.start) * from.iter().sum::<f64>();
            }
            forward.chance[here] = cell;
        }
        forward.close(i, offset[i]..offset[i + 1]);
    }
    debug_assert!(
        {
            let end = forward.cost(n, forward.chance[at(n, m)].iter().sum());
            (end - all).abs() <= 1e-9 * all.abs() + 1e-6
        },
        "the forward pass ends elsewhere than the backward one starts, at {all}"
    );
    for l in Lang::BOTH {
        for (margin, &p) in out[l].iter_mut().zip(&elsewhere[l]) {
            if p > 0.0 {
                *margin = log_odds(1.0 - p, p);
            }
        }
    }
    out
}

/// Chances of ways through the cells of a band, by state, each row in units of its own: over a
/// document whose costs run to millions of nats, e^−cost leaves any float's range, so each row
/// is scaled to its largest chance, and its cell's chance times e^−`offset` is the true one.
/// Sums of chances then need no logarithm each, as sums of costs would (−ln(e^−a + e^−b)).
struct Rows {
    chance: Vec<[f64; STATES]>,
    offset: Vec<f64>,
}

impl Rows {
    fn new(cells: usize, n: usize) -> Self {
        Rows {
            chance: vec![[0.0; STATES]; cells],
            offset: vec![0.0; n + 1],
        }
    }

    /// Starts row `i` in the units of row `last` (the one done before it, if any), and returns
    /// them.
    fn open(&mut self, i: usize, last: usize) -> f64 {
        self.offset[i] = self.offset.get(last).copied().unwrap_or(0.0);
        self.offset[i]
    }

    /// What turns a chance of row `r` into one in units of `unit`.
    fn to_units(&self, unit: f64, r: usize) -> f64 {
        (unit - self.offset[r]).exp()
    }

    /// Scales row `i`, whose cells are `cells`, to its largest chance.
    fn close(&mut self, i: usize, cells: Range<usize>) {
        let top = self.chance[cells.clone()]
            .iter()
            .flatten()
            .fold(0.0f64, |a, &b| a.max(b));
        if top > 0.0 && top.is_finite() {
            self.chance[cells].iter_mut().flatten().for_each(|c| *c /= top);
            self.offset[i] -= top.ln();
        }
    }

    /// The cost (−ln of the true chance) of `chance` in row `i`'s units.
    fn cost(&self, i: usize, chance: f64) -> f64 {
        self.offset[i] - chance.ln()
    }
}

/// What the units claim of each item: the other side's items it may be linked to, and whether
/// it is linked at all.
struct Claims<'a> {
    within: &'a ByLang<Vec<Range<usize>>>,
    paired: ByLang<Vec<bool>>,
}

impl<'a> Claims<'a> {
    fn new(path: &[Bead], within: &'a ByLang<Vec<Range<usize>>>) -> Self {
        let mut paired = ByLang::new(vec![false; within.en.len()], vec![false; within.ru.len()]);
        for b in path.iter().filter(|b| !b.is_gap()) {
            b.en.clone().for_each(|k| paired.en[k] = true);
            b.ru.clone().for_each(|k| paired.ru[k] = true);
        }
        Claims { within, paired }
    }

    /// Whether linking item `k` of side `l` to `other` of the other side (none: leaving it
    /// untranslated) goes against what its unit claims of it: none of its unit's items there.
    fn leaves(&self, l: Lang, k: usize, other: &Range<usize>) -> bool {
        let w = &self.within[l][k];
        if other.is_empty() {
            return self.paired[l][k];
        }
        w.is_empty() || other.end <= w.start || other.start >= w.end
    }
}

/// ln(stay / leave), within ±[`MARGIN_CAP`].
fn log_odds(stay: f64, leave: f64) -> f32 {
    let cap = f64::from(MARGIN_CAP);
    (stay.max(0.0) / leave).ln().clamp(-cap, cap) as f32
}

/// Whether a bead of state `to` may follow one of state `from`. An English-only run never
/// directly follows a Russian-only one: the English and the Russian sentences left out between
/// two links are one alignment, in whichever order the beads take them, and counting both
/// orders would weigh omissions on both sides twice.
fn may_follow(from: usize, to: usize) -> bool {
    (from, to) != (2, 1)
}

/// A posterior chance too small to move any margin within [`MARGIN_CAP`] (e^−10).
const NEGLIGIBLE: f64 = 1e-9;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::beads::{Item, align, items_of};
    use crate::model::BlockKind;
    use std::collections::HashMap;

    /// Items of each side, their alignment, and where each item's bead (as if a unit of its
    /// own) links it.
    struct Aligned {
        en: Vec<Item>,
        ru: Vec<Item>,
        path: Vec<Bead>,
        within: ByLang<Vec<Range<usize>>>,
    }

    impl Aligned {
        fn new(en: &[&str], ru: &[&str]) -> Self {
            let items = |texts, lang| items_of(texts, lang, BlockKind::Narration);
            let (en, ru) = (items(en, Lang::En), items(ru, Lang::Ru));
            let path = align(&en, &ru, FIRST);
            let mut within = ByLang::new(vec![0..0; en.len()], vec![0..0; ru.len()]);
            for b in &path {
                b.en.clone().for_each(|k| within.en[k] = b.ru.clone());
                b.ru.clone().for_each(|k| within.ru[k] = b.en.clone());
            }
            Aligned { en, ru, path, within }
        }

        fn scorer(&self) -> Scorer<'_> {
            Scorer::new(&self.en, &self.ru, FIRST)
        }

        fn margins(&self) -> ByLang<Vec<f32>> {
            margins(&self.scorer(), &self.path, &self.within)
        }
    }

    /// Each item's margin when every bead of the path is a unit of its own.
    fn per_bead(en: &[&str], ru: &[&str]) -> ByLang<Vec<f32>> {
        Aligned::new(en, ru).margins()
    }

    /// Each item's chance of being placed against its unit's claim, by enumerating every
    /// alignment of the whole matrix: e^−cost of those that do, over that of all. An alignment
    /// is its links; the bead sequences that make the same links (omissions on both sides
    /// taken in either order) count once, at the cheapest.
    fn enumerated(s: &Scorer, claims: &Claims) -> ByLang<Vec<f64>> {
        let (n, m) = (s.en.len(), s.ru.len());
        type Links = Vec<(Range<usize>, Range<usize>)>;
        let mut alignments: HashMap<Links, (f32, Vec<(Lang, usize)>)> = HashMap::new();
        // Partial alignments: where they end, their last bead's state, their cost, their links,
        // the items they place elsewhere.
        let mut partial = vec![(0, 0, 0, 0.0f32, Vec::new(), Vec::new())];
        while let Some((i, j, state, cost, links, moved)) = partial.pop() {
            if (i, j) == (n, m) {
                let best = alignments.entry(links).or_insert((f32::INFINITY, Vec::new()));
                if cost < best.0 {
                    *best = (cost, moved);
                }
                continue;
            }
            for (t, &(a, b, _)) in BEADS.iter().enumerate() {
                let (i2, j2) = (i + a, j + b);
                if i2 > n || j2 > m {
                    continue;
                }
                let to = STATE_OF[t];
                let opening = if to != 0 && to != state {
                    s.gap_open(to, i2, j2)
                } else {
                    0.0
                };
                let bead = Bead {
                    en: i..i2,
                    ru: j..j2,
                    confidence: 0.0,
                };
                let c = s.price(&bead).total() + opening;
                let mut links = links.clone();
                if a > 0 && b > 0 {
                    links.push((i..i2, j..j2));
                }
                let mut moved = moved.clone();
                for (l, items, other) in [(Lang::En, i..i2, j..j2), (Lang::Ru, j..j2, i..i2)] {
                    moved.extend(items.filter(|&k| claims.leaves(l, k, &other)).map(|k| (l, k)));
                }
                partial.push((i2, j2, to, cost + c, links, moved));
            }
        }
        let (mut all, mut elsewhere) = (0.0, ByLang::new(vec![0.0; n], vec![0.0; m]));
        for (cost, moved) in alignments.into_values() {
            let chance = (-f64::from(cost)).exp();
            all += chance;
            moved.into_iter().for_each(|(l, k)| elsewhere[l][k] += chance);
        }
        for l in Lang::BOTH {
            elsewhere[l].iter_mut().for_each(|p| *p /= all);
        }
        elsewhere
    }

    #[test]
    fn margins_are_the_log_odds_over_every_alignment_that_a_sentence_stays_in_its_unit() {
        let a = Aligned::new(
            &[
                "Trade grew by 5.7% in 2024.",
                "It was a good year for the two countries.",
                "More than 2,000 companies operate in Minsk.",
            ],
            &[
                "Товарооборот вырос на 5,7% в 2024 году.",
                "В Минске работает более 2 000 компаний.",
            ],
        );
        let got = a.margins();
        let elsewhere = enumerated(&a.scorer(), &Claims::new(&a.path, &a.within));
        for l in Lang::BOTH {
            for (&margin, &p) in got[l].iter().zip(&elsewhere[l]) {
                assert!(
                    (margin - log_odds(1.0 - p, p)).abs() < 1e-3,
                    "{got:?} against {elsewhere:?}"
                );
            }
        }
        // Not every margin at a bound: the sums are tested, not only the clamp.
        let inside = got
            .en
            .iter()
            .chain(&got.ru)
            .filter(|&&m| m.abs() < MARGIN_CAP - 0.01);
        assert!(inside.count() >= 2, "{got:?}");
    }

    #[test]
    fn a_sentence_that_fits_two_places_has_a_thin_margin_and_a_clean_pair_a_wide_one() {
        let clean = per_bead(
            &[
                "Trade grew by 5.7% in 2024.",
                "More than 2,000 companies operate in Minsk.",
            ],
            &[
                "Товарооборот вырос на 5,7% в 2024 году.",
                "В Минске работает более 2 000 компаний.",
            ],
        );
        assert!(clean.en.iter().chain(&clean.ru).all(|&m| m > 3.0), "{clean:?}");
        // An untranslated sentence between two pairs: merged into either, or left alone, the
        // costs are close.
        let torn = per_bead(
            &[
                "Trade grew by 5.7% in 2024.",
                "It was a good year.",
                "More than 2,000 companies operate in Minsk.",
            ],
            &[
                "Товарооборот вырос на 5,7% в 2024 году.",
                "В Минске работает более 2 000 компаний.",
            ],
        );
        assert!(torn.en[1] < 1.5, "{torn:?}");
        assert!(torn.en[0] > 3.0 && torn.en[2] > 3.0, "{torn:?}");
        // The Russian sentences keep their English ones whether the stray joins them or not.
        assert!(torn.ru.iter().all(|&m| m > 3.0), "{torn:?}");
    }
}
