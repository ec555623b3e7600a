//! A unit's confidence: the chance that its pairing, or its omission, is right, from what the DP's
//! own cost terms say about it ([`Evidence`]), by a logistic model whose weights
//! ([`params::DOUBT_WEIGHTS`]) were learned from synthetic documents with a known alignment
//! (`examples/flag_weights.rs`).

use super::beads::Bead;
use super::cost::{self, Scorer};
use super::margin::margins;
use super::params::{self, Model, PULL_CHANCE, PULL_FULL, PULL_WORDS};
use super::{Side, spans};
use crate::model::{ByLang, Lang};
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// What the aligner's costs say about one unit: what its confidence is computed from and what
/// `check` names when it is doubtful.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// The log-odds, over all alignments near the path weighed by the aligner's own costs, that
    /// its least sure sentence is where the unit places it: near 0 where a sentence could as
    /// well belong with a neighbouring passage, or with several, below where it likelier does.
    pub margin: f32,
    /// How well its links fit (length, shared names and numbers, words that translate, structure):
    /// their mean bead confidence weighted by length, untranslated sentences counting 0.
    pub fit: f32,
    /// The share of its text that has no counterpart.
    pub untranslated: f32,
    /// Paragraphs, one of each side, that the unit shows side by side though none of its links
    /// joins a sentence of one to a sentence of the other.
    pub loose: u32,
    /// Whether the unit is one-sided and holds only part of a paragraph: a sentence left
    /// untranslated inside a translated paragraph, as likely one whose translation the path
    /// merged into a neighbour's.
    pub piece: bool,
    /// How strongly an untranslated sentence's words translate a neighbouring link's, 0 to 1.
    pub pull: f32,
    /// The share of the whole document's text in paired links, weighted by their confidence:
    /// an omission is only believable where the rest of the document aligns.
    pub quality: f32,
    /// Chars of both sides: short units have little length evidence.
    pub chars: u32,
    /// Paragraphs, or pieces of them, that the unit shows beyond one on each side with text: each
    /// is one more pairing that must hold.
    pub paragraphs: u32,
    /// For a one-sided unit, the share of its side's text that the whole document leaves without
    /// counterpart: an omission is believable where the translation often omits; 0 when paired.
    pub omitted: f32,
}

/// Features of the logistic model, in the order of [`params::DOUBT_WEIGHTS`].
pub const FEATURES: [&str; 13] = [
    "bias",
    "one-sided",
    "piece",
    "ln(1 + margin), paired",
    "ln(1 + margin), one-sided",
    "fit",
    "untranslated, paired",
    "pull, one-sided",
    "quality",
    "loose",
    "ln chars",
    "paragraphs",
    "ln(omitted + 0.01), one-sided",
];

impl Evidence {
    /// Whether all of the unit's text is without counterpart.
    pub fn is_one_sided(&self) -> bool {
        self.untranslated >= 1.0
    }

    /// The model's inputs.
    pub fn features(&self) -> [f32; FEATURES.len()] {
        let one_sided = f32::from(u8::from(self.is_one_sided()));
        let margin = self.margin.clamp(0.0, params::MARGIN_CAP).ln_1p();
        [
            1.0,
            one_sided,
            f32::from(u8::from(self.piece)),
            margin * (1.0 - one_sided),
            margin * one_sided,
            self.fit,
            self.untranslated * (1.0 - one_sided),
            self.pull * one_sided,
            self.quality,
            self.loose.min(3) as f32,
            (1.0 + self.chars as f32).ln(),
            self.paragraphs as f32,
            (self.omitted + 0.01).ln() * one_sided,
        ]
    }

    /// The chance that the unit is right: that it is right if the document is a translation,
    /// times the chance that it is one.
    pub fn confidence(&self) -> f32 {
        logistic(&self.features(), &params::DOUBT_WEIGHTS) * self.document()
    }
}

impl Evidence {
    /// The chance that the two versions are translations of each other, from how much of the
    /// whole text pairs surely.
    pub fn document(&self) -> f32 {
        logistic(&[1.0, self.quality], &params::TRANSLATION_WEIGHTS)
    }

    /// How much each term lowered the unit's log-odds of being right, against a unit of the same
    /// side count that pairs one paragraph with one, fits perfectly, has no rival and lies in a
    /// document that aligns throughout and, if it is one-sided, leaves out as much as
    /// [`OMISSIONS_COMMON`].
    pub fn lowering(&self) -> Vec<(Term, f32)> {
        let one_sided = self.is_one_sided();
        let clean = Evidence {
            margin: params::MARGIN_CAP,
            fit: if one_sided { self.fit } else { 1.0 },
            untranslated: if one_sided { 1.0 } else { 0.0 },
            loose: 0,
            piece: false,
            quality: 1.0,
            paragraphs: 0,
            omitted: if one_sided { OMISSIONS_COMMON } else { 0.0 },
            ..*self
        };
        let (x, c) = (self.features(), clean.features());
        let lost = |k: usize| params::DOUBT_WEIGHTS[k] * (c[k] - x[k]);
        Term::ALL
            .into_iter()
            .map(|t| (t, t.features().iter().map(|&k| lost(k)).sum()))
            .collect()
    }
}

/// A share of a side's text left without counterpart at which one more omission is no surprise:
/// the reference [`Evidence::lowering`] weighs a one-sided unit's document against.
const OMISSIONS_COMMON: f32 = 0.2;

/// A term of the confidence model that can make a unit doubtful.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Term {
    Margin,
    Fit,
    Untranslated,
    Loose,
    Piece,
    Quality,
    Paragraphs,
    Omitted,
}

impl Term {
    const ALL: [Term; 8] = [
        Term::Margin,
        Term::Fit,
        Term::Untranslated,
        Term::Loose,
        Term::Piece,
        Term::Quality,
        Term::Paragraphs,
        Term::Omitted,
    ];

    /// Its indices in [`FEATURES`].
    fn features(self) -> &'static [usize] {
        match self {
            Term::Margin => &[3, 4],
            Term::Fit => &[5],
            Term::Untranslated => &[6],
            Term::Loose => &[9],
            Term::Piece => &[2],
            Term::Quality => &[8],
            Term::Paragraphs => &[11],
            Term::Omitted => &[12],
        }
    }

    /// What the term says about a unit with evidence `e`, for `check`.
    pub fn describe(self, e: &Evidence) -> String {
        match self {
            Term::Margin => format!(
                "a sentence may belong with the passage beside it (a {:.0}% chance, by the aligner's costs)",
                100.0 / (1.0 + e.margin.exp())
            ),
            Term::Fit => format!(
                "the two sides match poorly in length, names, numbers and words (fit {:.2})",
                e.fit
            ),
            Term::Untranslated => format!("{:.0}% of its text has no counterpart", 100.0 * e.untranslated),
            Term::Loose => format!(
                "it shows {} paragraph pair{} side by side that no sentence of one translates in the other",
                e.loose,
                if e.loose == 1 { "" } else { "s" }
            ),
            Term::Piece => {
                "left out inside a translated paragraph: its translation may be merged into a neighbour's"
                    .to_string()
            }
            Term::Quality => format!(
                "the document aligns loosely ({:.0}% of its text paired surely)",
                100.0 * e.quality
            ),
            Term::Paragraphs => format!(
                "it holds {} paragraphs or pieces, not one of each side: more to get wrong",
                e.paragraphs + if e.is_one_sided() { 1 } else { 2 }
            ),
            Term::Omitted => format!(
                "the translation leaves little else out ({:.0}% of this side's text)",
                100.0 * e.omitted
            ),
        }
    }
}

fn logistic<const N: usize>(x: &[f32; N], w: &[f32; N]) -> f32 {
    let z: f32 = x.iter().zip(w).map(|(x, w)| x * w).sum();
    1.0 / (1.0 + (-z).exp())
}

/// The evidence about each unit of `path` (`units`: the beads of each), aligned under `model`.
pub(super) fn evidence(
    path: &[Bead],
    units: &[Range<usize>],
    sides: &ByLang<Side>,
    model: Model,
) -> Vec<Evidence> {
    let spans: Vec<ByLang<Range<usize>>> = units.iter().map(|beads| spans(&path[beads.clone()])).collect();
    // Each item's unit's items on the other side.
    let mut within = ByLang::new(vec![0..0; sides.en.items.len()], vec![0..0; sides.ru.items.len()]);
    for span in &spans {
        for l in Lang::BOTH {
            for k in span[l].clone() {
                within[l][k] = span[l.other()].clone();
            }
        }
    }
    let scorer = Scorer::new(&sides.en.items, &sides.ru.items, model);
    let margins = margins(&scorer, path, &within);
    let pulls = pulls(path, units, sides);
    let quality = quality(path, sides);
    let omitted = omitted(path, sides);
    units
        .iter()
        .zip(spans)
        .zip(pulls)
        .map(|((beads, span), pull)| {
            let beads = &path[beads.clone()];
            let (mut good, mut gap, mut all) = (0.0, 0.0, 0.0);
            for b in beads {
                let w = b.weight(sides).max(1.0);
                good += w * b.confidence;
                all += w;
                if b.is_gap() {
                    gap += w;
                }
            }
            let margin = Lang::BOTH
                .iter()
                .flat_map(|&l| span[l].clone().map(move |k| (l, k)))
                .map(|(l, k)| margins[l][k])
                .fold(params::MARGIN_CAP, f32::min);
            let chars = beads.iter().map(|b| b.weight(sides)).sum::<f32>();
            let one_sided = Lang::BOTH.iter().any(|&l| span[l].is_empty());
            let piece = one_sided
                && Lang::BOTH.iter().any(|&l| {
                    let r = &span[l];
                    !r.is_empty() && (sides[l].places[r.start].first != r.start || !sides[l].starts_at(r.end))
                });
            let shown = paragraphs(beads, sides);
            let paragraphs = Lang::BOTH
                .iter()
                .map(|&l| shown[l].len().saturating_sub(1))
                .sum::<usize>();
            let alone = Lang::BOTH
                .into_iter()
                .find(|&l| span[l.other()].is_empty() && !span[l].is_empty());
            Evidence {
                margin,
                fit: good / all,
                untranslated: gap / all,
                loose: loose(beads, &shown, sides),
                piece,
                pull,
                quality,
                chars: chars as u32,
                paragraphs: paragraphs as u32,
                omitted: alone.map_or(0.0, |l| omitted[l]),
            }
        })
        .collect()
}

/// The paragraphs of each side that `beads` show, in order, each named by its first item.
fn paragraphs(beads: &[Bead], sides: &ByLang<Side>) -> ByLang<Vec<usize>> {
    let of = |l: Lang| {
        let mut ps: Vec<usize> = beads
            .iter()
            .flat_map(|b| b.range(l))
            .map(|k| sides[l].places[k].first)
            .collect();
        ps.dedup();
        ps
    };
    ByLang::new(of(Lang::En), of(Lang::Ru))
}

/// How many pairs of paragraphs, one of each side (`shown`), `beads` hold that none of their
/// links joins.
fn loose(beads: &[Bead], shown: &ByLang<Vec<usize>>, sides: &ByLang<Side>) -> u32 {
    let mut joined = Vec::new();
    for b in beads.iter().filter(|b| !b.is_gap()) {
        let linked = paragraphs(std::slice::from_ref(b), sides);
        for &e in &linked.en {
            joined.extend(linked.ru.iter().map(|&r| (e, r)));
        }
    }
    joined.sort_unstable();
    joined.dedup();
    (shown.en.len() * shown.ru.len() - joined.len()) as u32
}

/// For each unit of `path` (`units`: the beads of each), how strongly its untranslated sentences
/// are pulled towards the other side's sentences in the links just before and after it, 0 to 1:
/// a passage whose words translate a neighbour's is more likely misplaced than untranslated.
fn pulls(path: &[Bead], units: &[Range<usize>], sides: &ByLang<Side>) -> Vec<f32> {
    let dice = |e: &super::anchors::Features, r: &super::anchors::Features| {
        let known = e.known + r.known;
        if known < PULL_WORDS {
            return 0.0;
        }
        2.0 * cost::common(&e.concepts, &r.concepts) as f32 / known as f32
    };
    // For each bead, the last bead before it and the first after it that advance each side.
    let mut before: ByLang<Vec<Option<usize>>> = ByLang::default();
    let mut after: ByLang<Vec<Option<usize>>> = ByLang::default();
    for l in Lang::BOTH {
        let mut last = None;
        for (k, b) in path.iter().enumerate() {
            before[l].push(last);
            if !b.range(l).is_empty() {
                last = Some(k);
            }
        }
        let mut next = None;
        after[l] = vec![None; path.len()];
        for (k, b) in path.iter().enumerate().rev() {
            after[l][k] = next;
            if !b.range(l).is_empty() {
                next = Some(k);
            }
        }
    }
    let near = |k: usize, l: Lang| -> Vec<usize> {
        [before[l][k], after[l][k]]
            .into_iter()
            .flatten()
            .flat_map(|b| path[b].range(l))
            .collect()
    };
    let pull = |k: usize| {
        let bead = &path[k];
        let mut most = 0.0f32;
        for l in Lang::BOTH
            .into_iter()
            .filter(|&l| bead.range(l.other()).is_empty())
        {
            let others = near(k, l.other());
            for item in bead.range(l) {
                let f = &sides[l].items[item].features;
                for &o in &others {
                    let g = &sides[l.other()].items[o].features;
                    let d = if l == Lang::En { dice(f, g) } else { dice(g, f) };
                    most = most.max(((d - PULL_CHANCE) / (PULL_FULL - PULL_CHANCE)).clamp(0.0, 1.0));
                }
            }
        }
        most
    };
    units
        .iter()
        .map(|beads| beads.clone().map(pull).fold(0.0, f32::max))
        .collect()
}

/// The share of each side's text that `path` leaves without counterpart.
fn omitted(path: &[Bead], sides: &ByLang<Side>) -> ByLang<f32> {
    let share = |l: Lang| {
        let (mut gap, mut all) = (0.0, 0.0);
        for b in path {
            let chars = b.chars(sides, l);
            all += chars;
            if b.is_gap() {
                gap += chars;
            }
        }
        if all > 0.0 { gap / all } else { 0.0 }
    };
    ByLang::new(share(Lang::En), share(Lang::Ru))
}

/// The share of all text in paired links, weighted by their confidence.
fn quality(path: &[Bead], sides: &ByLang<Side>) -> f32 {
    let (mut good, mut all) = (0.0, 0.0);
    for b in path {
        let w = b.weight(sides);
        good += w * b.confidence;
        all += w;
    }
    if all > 0.0 { good / all } else { 0.0 }
}
