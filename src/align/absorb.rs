//! Untranslated sentences joined to a link beside them, or to each other. The DP's beads take
//! at most three sentences of a side, but a free translation may render one long sentence in
//! four or five: the DP then pairs three and leaves the rest out, each as a gap, or, where no
//! three are long enough, leaves both sides out. After the DP, each run of gaps is offered to
//! the links on either side of it and, where it holds both sides, paired with itself, as beads
//! of up to [`WIDEST`] sentences a side; the cheapest of these is kept.

use super::beads::{Bead, Item, gap_runs};
use super::cost::Scorer;
use super::params::*;
use crate::model::Lang;
use std::ops::Range;

/// `path` with the untranslated sentences of each run of gaps joined to the link before or after
/// it, or paired with each other, wherever that costs less than leaving them out.
pub(super) fn absorb(path: Vec<Bead>, en: &[Item], ru: &[Item], model: Model) -> Vec<Bead> {
    let s = Scorer::new(en, ru, model);
    let mut out: Vec<Bead> = Vec::with_capacity(path.len());
    let mut done = 0;
    for gaps in gap_runs(&path) {
        out.extend_from_slice(&path[done..gaps.start]);
        // Runs are maximal, so what comes before one is a link, if anything, and so is what
        // comes after.
        let (prev, next) = (out.pop(), path.get(gaps.end).cloned());
        let run = path[gaps.clone()].to_vec();
        let (mut settled_prev, mut settled, mut settled_next) = (prev.clone(), run.clone(), next.clone());
        for l in Lang::BOTH {
            settle(&s, l, &mut settled_prev, &mut settled, &mut settled_next);
        }
        let settled_cost = price(&s, &settled_prev) + run_cost(&s, &settled) + price(&s, &settled_next);
        let (prev, run, next) = match pair_up(&s, &run) {
            Some((link, cost)) if price(&s, &prev) + cost + price(&s, &next) < settled_cost => {
                (prev, vec![link], next)
            }
            _ => (settled_prev, settled, settled_next),
        };
        out.extend(prev);
        out.extend(run);
        out.extend(next);
        done = (gaps.end + 1).min(path.len());
    }
    out.extend_from_slice(&path[done..]);
    out
}

/// The run's sentences of both sides as one link, and its cost, where it leaves out both and
/// no more than [`WIDEST`] of either. (Whether that beats leaving them out, the caller weighs
/// against settling them into the links beside the run, which costs no more.)
fn pair_up(s: &Scorer, run: &[Bead]) -> Option<(Bead, f32)> {
    let (en, ru) = (gaps_of(run, Lang::En)?, gaps_of(run, Lang::Ru)?);
    if en.len() > WIDEST || ru.len() > WIDEST {
        return None;
    }
    let mut link = Bead {
        en,
        ru,
        confidence: 0.0,
    };
    let cost = s.price(&link);
    link.confidence = cost.confidence(false);
    Some((link, cost.total()))
}

/// Moves side `l`'s gaps of `run` into `prev` (from the front) and `next` (from the back) as far
/// as that lowers the total cost.
fn settle(s: &Scorer, l: Lang, prev: &mut Option<Bead>, run: &mut Vec<Bead>, next: &mut Option<Bead>) {
    let mine = |b: &Bead| b.range(l.other()).is_empty() && !b.range(l).is_empty();
    let Some(first) = run.iter().find(|b| mine(b)).map(|b| b.range(l).start) else {
        return;
    };
    let last = run.iter().rfind(|b| mine(b)).map_or(first, |b| b.range(l).end);
    let gaps = last - first;
    let room = |b: &Option<Bead>| b.as_ref().map_or(0, |b| WIDEST.saturating_sub(b.range(l).len()));
    let (room_prev, room_next) = (room(prev).min(gaps), room(next).min(gaps));
    let widened = |b: &Option<Bead>, from: usize, to: usize| {
        b.as_ref().map(|b| {
            let mut b = b.clone();
            let r = b.range(l);
            set(&mut b, l, r.start.min(from)..r.end.max(to));
            b
        })
    };
    let mut best = (
        price(s, prev) + price(s, next) + gap_cost(s, l, first, last),
        0,
        0,
    );
    for x in 0..=room_prev {
        let p = price(s, &widened(prev, first, first + x));
        for y in (0..=room_next).take_while(|y| x + y <= gaps) {
            if x + y == 0 {
                continue;
            }
            let n = price(s, &widened(next, last - y, last));
            let total = p + n + gap_cost(s, l, first + x, last - y);
            if total < best.0 {
                best = (total, x, y);
            }
        }
    }
    let (_, x, y) = best;
    if x + y == 0 {
        return;
    }
    *prev = widened(prev, first, first + x);
    *next = widened(next, last - y, last);
    run.retain(|b| !mine(b) || (b.range(l).start >= first + x && b.range(l).end <= last - y));
    for b in prev.iter_mut().chain(next.iter_mut()) {
        b.confidence = s.price(b).confidence(false);
    }
}

/// The items of side `l` that `run` leaves out, where it leaves some: one stretch, as the run
/// lies between two links.
fn gaps_of(run: &[Bead], l: Lang) -> Option<Range<usize>> {
    let mut ranges = run
        .iter()
        .filter(|b| b.range(l.other()).is_empty())
        .map(|b| b.range(l))
        .filter(|r| !r.is_empty());
    let first = ranges.next()?;
    Some(ranges.fold(first, |a, r| a.start.min(r.start)..a.end.max(r.end)))
}

/// What a run of beads between two links costs: its links, and leaving the rest out.
fn run_cost(s: &Scorer, run: &[Bead]) -> f32 {
    let links: f32 = run
        .iter()
        .filter(|b| !b.is_gap())
        .map(|b| s.price(b).total())
        .sum();
    let left_out = |l: Lang| gaps_of(run, l).map_or(0.0, |r| gap_cost(s, l, r.start, r.end));
    links + left_out(Lang::En) + left_out(Lang::Ru)
}

/// What leaving side `l`'s items `from..to` out costs the DP: one opening, then each item.
fn gap_cost(s: &Scorer, l: Lang, from: usize, to: usize) -> f32 {
    if from == to {
        return 0.0;
    }
    let items = match l {
        Lang::En => &s.en,
        Lang::Ru => &s.ru,
    };
    items.gap_open(from) + GAP * (to - from) as f32
}

/// What a link beside a run costs, if there is one.
fn price(s: &Scorer, b: &Option<Bead>) -> f32 {
    b.as_ref().map_or(0.0, |b| s.price(b).total())
}

fn set(b: &mut Bead, l: Lang, r: Range<usize>) {
    match l {
        Lang::En => b.en = r,
        Lang::Ru => b.ru = r,
    }
}
