//! The DP proper over a band: three states by the last bead's shape, one byte of back pointer
//! per cell and state, four rolling rows of scores.

use super::band::Band;
use super::beads::Bead;
use super::cost::{Marks, Scorer, Shared, Terms, Window, bonus};
use super::params::*;

pub(super) const UNREACHED: u8 = u8::MAX;

/// The DP has three states by the last bead taken — a pair, an English-only gap, a Russian-only
/// gap — so that a run of untranslated sentences pays [`GAP_OPEN`] once: omissions come in
/// whole passages, and without this the pairs scatter over a long omitted stretch.
pub(super) const STATES: usize = 3;

/// The state of each bead of [`BEADS`] (the one it leaves the DP in), looked up where the DP
/// would otherwise tell it from the bead's shape for every bead of every cell.
pub(super) const STATE_OF: [usize; BEADS.len()] = {
    let mut states = [0; BEADS.len()];
    let mut t = 0;
    while t < BEADS.len() {
        states[t] = match (BEADS[t].0, BEADS[t].1) {
            (_, 0) => 1,
            (0, _) => 2,
            _ => 0,
        };
        t += 1;
    }
    states
};

/// The indices in [`BEADS`] of the beads that leave items out, and of those that pair them:
/// the DP takes each kind in a loop of its own, with no branch on the kind per bead.
const GAP_BEADS: [usize; 2] = beads_where(false);
const PAIR_BEADS: [usize; BEADS.len() - 2] = beads_where(true);

const fn beads_where<const N: usize>(pairs: bool) -> [usize; N] {
    let mut out = [0; N];
    let (mut t, mut k) = (0, 0);
    while t < BEADS.len() {
        if (STATE_OF[t] == 0) == pairs {
            out[k] = t;
            k += 1;
        }
        t += 1;
    }
    assert!(k == N, "every bead a gap or a pair");
    out
}

/// The DP proper. Scores live in four rolling rows per state; one byte per band cell and state
/// records the bead taken and the state it came from.
pub(super) fn dp(s: &Scorer, band: &Band) -> Vec<Bead> {
    let n = band.lo.len() - 1;
    let offset = band.offsets();
    let cells = offset[n + 1];
    let mut back = vec![UNREACHED; cells * STATES];
    let mut rows: [[Vec<f32>; 4]; STATES] = Default::default();
    // Per cell, the least score over the states and its state: where a pair bead comes from.
    let mut mins: [Vec<(f32, u8)>; 4] = Default::default();
    // The shared keys of each sentence pair a bead ending in the last three rows may contain:
    // computed once per pair instead of once per bead ([`Band::pair_columns`]).
    let mut pairs: [(usize, Vec<Shared>); 3] = Default::default();
    let mut marks = Marks::default();
    for i in 0..=n {
        let (lo, hi) = (band.lo[i], band.hi[i]);
        if i > 0 {
            let columns = band.pair_columns(i);
            let (first, row) = &mut pairs[i % 3];
            *first = *columns.start();
            row.clear();
            s.pairs(i - 1, columns.start() - 1..*columns.end(), &mut marks, row);
        }
        for state_rows in rows.iter_mut() {
            let row = &mut state_rows[i % 4];
            row.clear();
            row.resize(hi + 1 - lo, f32::INFINITY);
        }
        let mins_row = &mut mins[i % 4];
        mins_row.clear();
        mins_row.resize(hi + 1 - lo, (f32::INFINITY, 0));
        // The pairs of this row and the two above it, which the beads ending in it may hold.
        let above = std::array::from_fn(|r| match &pairs[(i + 3 - r) % 3] {
            (first, row) if r < i => (*first, row.as_slice()),
            _ => (0, &[][..]),
        });
        let mut window = Window::new(above, lo);
        let en_back = s.en.back(i);
        for j in lo..=hi {
            window.advance(j);
            let ru_back = s.ru.back(j);
            if i == 0 && j == 0 {
                rows[0][0][0] = 0.0;
                mins[0][0] = (0.0, 0);
                continue;
            }
            let mut best = [(f32::INFINITY, UNREACHED); STATES];
            for t in GAP_BEADS {
                let (a, b, _) = BEADS[t];
                if a > i || b > j || !band.contains(i - a, j - b) {
                    continue;
                }
                let to = STATE_OF[t];
                let at = j - b - band.lo[i - a];
                let gap_open = s.gap_open(to, i, j);
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
            }
            for t in PAIR_BEADS {
                let (a, b, prior) = BEADS[t];
                let prior = prior * s.merge;
                if a > i || b > j || !band.contains(i - a, j - b) {
                    continue;
                }
                let at = j - b - band.lo[i - a];
                let (from, from_state) = mins[(i - a) % 4][at];
                // Anchors and words can lower a cost below its prior and length by at most this
                // much (the lexical term with every word shared), and every other part of a cost
                // is at least 0: a bead that fits badly by length stops here, before what its
                // sentences share is summed. The slack absorbs the rounding of the cost's other
                // terms, so the pruning never drops a bead the full cost would keep.
                let length = s.length(en_back.chars[a], ru_back.chars[b]);
                let known = en_back.known[a] + ru_back.known[b];
                if !from.is_finite()
                    || from + (prior + length - BONUS_CAP + s.lexical_floor(known) - 1e-3) >= best[0].0
                {
                    continue;
                }
                let shared = window.shared(a, b);
                // The same with what they share: most beads off the path share no anchor.
                let lexical = s.lexical(known, shared.words);
                let bound = prior - bonus(shared) + lexical;
                if from + bound >= best[0].0 || from + (bound + length - 1e-3) >= best[0].0 {
                    continue;
                }
                let total = from
                    + s.pair_cost(
                        i,
                        j,
                        a,
                        b,
                        shared,
                        Terms {
                            prior,
                            length,
                            lexical,
                        },
                    )
                    .total();
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

pub(super) fn trace(s: &Scorer, band: &Band, offset: &[usize], back: &[u8], mut state: usize) -> Vec<Bead> {
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
        let (a, b, _) = BEADS
            .get(usize::from(how >> 2))
            .copied()
            .filter(|_| how != UNREACHED)
            .unwrap_or(if i > 0 { (1, 0, 0.0) } else { (0, 1, 0.0) });
        let mut bead = Bead {
            en: i - a..i,
            ru: j - b..j,
            confidence: 0.0,
        };
        bead.confidence = s.price(&bead).confidence(bead.is_gap());
        path.push(bead);
        i -= a;
        j -= b;
        state = usize::from(how & 3).min(STATES - 1);
    }
    path.reverse();
    path
}
