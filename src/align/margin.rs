//! How close the path came to putting a sentence elsewhere: for each sentence, the cheapest
//! alignment that links it outside its unit, against the cheapest of all, in the DP's own costs.
//! A forward and a backward pass over a band around the path give, for every bead, the cheapest
//! path through it (max-marginals); every path holds exactly one bead per sentence, so a
//! sentence's rival is the cheapest bead that holds it and links it otherwise.

use super::band::{Band, guide_of};
use super::beads::Bead;
use super::cost::{Marks, Scorer, Shared, Terms, Window};
use super::dp::{STATE_OF, STATES};
use super::params::*;
use crate::model::{ByLang, Lang};
use std::ops::Range;

/// For each item of each side, how much dearer (in nats, at most [`MARGIN_CAP`]) the cheapest
/// path in a band around `path` is that links it to an item of the other side outside
/// `within[l][k]` (its unit's items there; where that range is empty, to any item at all), or
/// that leaves it untranslated where `path` pairs it.
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
    // The beads ending in each cell, by shape: their cost, or infinity where one leaves the band.
    let shapes = BEADS.len();
    let mut cost = vec![f32::INFINITY; cells * shapes];
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
                cost[at(i, j) * shapes + t] = if a == 0 || b == 0 {
                    GAP * (a + b) as f32
                } else {
                    // [`Scorer::cost`], its terms from what the row and column read once.
                    let shared = window.shared(a, b);
                    let terms = Terms {
                        prior,
                        length: s.length(en_back.chars[a], ru_back.chars[b]),
                        lexical: s.lexical(en_back.known[a] + ru_back.known[b], shared.words),
                    };
                    s.pair_cost(i, j, a, b, shared, terms).total()
                };
            }
        }
    }
    // The path's links of shapes the DP lacks, which absorbing gaps made (one sentence rendered
    // in five): moves of these passes too, or the path they shortened would pass for the best
    // and leaving their sentences out for a rival as cheap.
    // In path order, so that each pass meets them in its own order of cells.
    let wide: Vec<(Bead, f32)> = path
        .iter()
        .filter(|b| !b.is_gap() && !BEADS.iter().any(|&(a, c, _)| (a, c) == (b.en.len(), b.ru.len())))
        .filter(|b| band.contains(b.en.start, b.ru.start) && band.contains(b.en.end, b.ru.end))
        .map(|b| (b.clone(), s.price(b).total()))
        .collect();
    // What opening a run of gaps with a bead of state `to` ending at (i, j) costs, and the
    // cheapest way into such a bead from the scores by state `from` of its start (a run of gaps
    // opens where the state changes to a gap's).
    let open = |to: usize, i: usize, j: usize| if to == 0 { 0.0 } else { s.gap_open(to, i, j) };
    let enter = |from: usize, to: usize, open: f32| if to != 0 && from != to { open } else { 0.0 };
    let arrive = |from: [f32; STATES], to: usize, open: f32| {
        (0..STATES)
            .map(|st| from[st] + enter(st, to, open))
            .fold(f32::INFINITY, f32::min)
    };
    // Cheapest cost from each cell to the far corner, by the state of the bead that reached it.
    let mut backward = vec![[f32::INFINITY; STATES]; cells];
    backward[at(n, m)] = [0.0; STATES];
    let mut starting = wide.iter().rev().peekable();
    for i in (0..=n).rev() {
        for j in (band.lo[i]..=band.hi[i]).rev() {
            for (t, &(a, b, _)) in BEADS.iter().enumerate() {
                let (i2, j2) = (i + a, j + b);
                if i2 > n || j2 > m || !band.contains(i2, j2) {
                    continue;
                }
                let c = cost[at(i2, j2) * shapes + t];
                let to = STATE_OF[t];
                let rest = backward[at(i2, j2)][to];
                if !c.is_finite() || !rest.is_finite() {
                    continue;
                }
                let open = open(to, i2, j2);
                for (st, cell) in backward[at(i, j)].iter_mut().enumerate() {
                    *cell = cell.min(enter(st, to, open) + c + rest);
                }
            }
            if let Some((b, c)) = starting.next_if(|(b, _)| (b.en.start, b.ru.start) == (i, j)) {
                let rest = backward[at(b.en.end, b.ru.end)][0];
                for cell in backward[at(i, j)].iter_mut() {
                    *cell = cell.min(c + rest);
                }
            }
        }
    }
    // Cheapest cost from the origin to each cell, by the state of the last bead; and, in place of
    // each bead's cost, the cheapest path through it.
    let mut forward = vec![[f32::INFINITY; STATES]; cells];
    forward[0][0] = 0.0;
    let mut through = cost;
    let mut ending = wide.iter().peekable();
    for i in 0..=n {
        for j in band.lo[i]..=band.hi[i] {
            let here = at(i, j);
            for (t, &(a, b, _)) in BEADS.iter().enumerate() {
                let c = through[here * shapes + t];
                if c.is_finite() {
                    let to = STATE_OF[t];
                    let best = arrive(forward[at(i - a, j - b)], to, open(to, i, j)) + c;
                    let cell = &mut forward[here][to];
                    *cell = cell.min(best);
                    through[here * shapes + t] = best + backward[here][to];
                }
            }
            if let Some((b, c)) = ending.next_if(|(b, _)| (b.en.end, b.ru.end) == (i, j)) {
                let best = arrive(forward[at(b.en.start, b.ru.start)], 0, 0.0) + c;
                forward[here][0] = forward[here][0].min(best);
            }
        }
    }
    let best = forward[at(n, m)].into_iter().fold(f32::INFINITY, f32::min);
    if !best.is_finite() {
        return out;
    }
    let mut paired = ByLang::new(vec![false; n], vec![false; m]);
    for b in path.iter().filter(|b| !b.is_gap()) {
        b.en.clone().for_each(|k| paired.en[k] = true);
        b.ru.clone().for_each(|k| paired.ru[k] = true);
    }
    // Whether linking item `k` of side `l` to `other` of the other side (none: leaving it
    // untranslated) changes what the unit claims of it.
    let leaves = |l: Lang, k: usize, other: &Range<usize>| {
        let w = &within[l][k];
        if other.is_empty() {
            return paired[l][k];
        }
        w.is_empty() || other.start < w.start || other.end > w.end
    };
    for i in 0..=n {
        for j in band.lo[i]..=band.hi[i] {
            for (t, &(a, b, _)) in BEADS.iter().enumerate() {
                let through = through[at(i, j) * shapes + t];
                if !through.is_finite() {
                    continue;
                }
                let (en, ru) = (i - a..i, j - b..j);
                let margin = (through - best).clamp(0.0, MARGIN_CAP);
                for (l, items, other) in [(Lang::En, en.clone(), ru.clone()), (Lang::Ru, ru, en)] {
                    for k in items.filter(|&k| leaves(l, k, &other)) {
                        out[l][k] = out[l][k].min(margin);
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::beads::{align, items_of};
    use crate::model::BlockKind;

    /// Each item's margin when every bead of the path is a unit of its own.
    fn per_bead(en: &[&str], ru: &[&str]) -> ByLang<Vec<f32>> {
        let items = |texts, lang| items_of(texts, lang, BlockKind::Narration);
        let (en, ru) = (items(en, Lang::En), items(ru, Lang::Ru));
        let path = align(&en, &ru, FIRST);
        let mut within = ByLang::new(vec![0..0; en.len()], vec![0..0; ru.len()]);
        for b in &path {
            b.en.clone().for_each(|k| within.en[k] = b.ru.clone());
            b.ru.clone().for_each(|k| within.ru[k] = b.en.clone());
        }
        margins(&Scorer::new(&en, &ru, FIRST), &path, &within)
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
    }
}
