//! Alignment: pairs every English passage with its Russian counterpart as row-aligned units.
//!
//! One bead DP ([`beads`]) runs over all sentences of the two versions at once. Block kinds
//! constrain it (a turn pairs only with a turn, preferably of the same speaker; a heading with a
//! heading), so turn alignment falls out of it, including turns that exist in one language only.
//! Units are then the smallest groups of whole paragraphs, one block per side, that no sentence
//! link crosses.

mod anchors;
mod beads;
mod summary;

pub use summary::{GOOD, POOR, Summary, Verdict, summary};

use crate::model::{Block, BlockKind, ByLang, Lang, Transcript, Version};
use anchors::Features;
use beads::{Bead, Item, Kind, Model};
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A transcript's two versions as one ordered sequence of units.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Alignment {
    pub units: Vec<Unit>,
}

/// Paragraphs of one language and their counterpart in the other, shown starting on the same row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Unit {
    /// The block each side's paragraphs come from; `None` where that side is empty.
    pub block: ByLang<Option<usize>>,
    /// Paragraph indices within that block (empty where the side is empty).
    pub paras: ByLang<Range<usize>>,
    /// The speaker (index into `Transcript::speakers`) when the unit is part of a turn.
    pub speaker: Option<usize>,
    /// How sure the aligner is of the unit, 0 to 1. For a paired unit: that the two sides say the
    /// same thing (length fit and shared anchors of its links; untranslated sentences count 0).
    /// For a one-sided unit: that the passage really has no counterpart, which can only be judged
    /// from how well the rest of the transcript aligns — the share of the text in paired links,
    /// weighted by their confidence. So omissions in a good translation score high and everything
    /// in a pair of unrelated texts scores low. 1 when the transcript has one language only.
    pub confidence: f32,
    /// Sentence links inside the unit, in order.
    pub links: Vec<Link>,
}

impl Unit {
    /// True when one side has no paragraphs.
    pub fn is_one_sided(&self) -> bool {
        Lang::BOTH.iter().any(|&l| self.paras[l].is_empty())
    }
}

/// Sentences of one side that translate sentences of the other. Indices count the unit's
/// sentences of that side in order across its paragraphs; either range may be empty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    pub sentences: ByLang<Range<usize>>,
}

/// Aligns the two versions of `t`; a one-language transcript gives one-sided units.
pub fn align(t: &Transcript) -> Alignment {
    let sides = ByLang::new(
        Side::of(t.version(Lang::En), Lang::En),
        Side::of(t.version(Lang::Ru), Lang::Ru),
    );
    let total = |l: Lang| {
        sides[l]
            .items
            .iter()
            .map(|it| u64::from(it.features.len))
            .sum::<u64>()
    };
    let mut model = Model {
        ratio: ratio(total(Lang::Ru), total(Lang::En)),
    };
    let mut path = beads::align(&sides.en.items, &sides.ru.items, model);
    // The whole-document ratio is skewed by untranslated passages; the paired links tell the real
    // one. A second pass over a long document would double its time, for less gain than on a
    // short one, where a few untranslated passages weigh more.
    let paired = |l: Lang, path: &[Bead]| {
        path.iter()
            .filter(|b| b.confidence > 0.5)
            .map(|b| {
                b.range(l)
                    .map(|k| u64::from(sides[l].items[k].features.len))
                    .sum::<u64>()
            })
            .sum::<u64>()
    };
    let refined = ratio(paired(Lang::Ru, &path), paired(Lang::En, &path));
    if beads::exact(sides.en.items.len(), sides.ru.items.len()) && (refined / model.ratio - 1.0).abs() > 0.03
    {
        model.ratio = refined;
        path = beads::align(&sides.en.items, &sides.ru.items, model);
    }
    settle_gaps(&mut path, &sides);
    let mut units = group(&path, &sides, t);
    let one_language = t.langs().len() < 2;
    let quality = quality(&path, &sides);
    for u in units.iter_mut().filter(|u| u.is_one_sided()) {
        u.confidence = if one_language { 1.0 } else { quality };
    }
    Alignment { units }
}

/// A quick alignment of the opening of `t`, about `chars` chars of text of each version, to show
/// while the whole is aligned. Units past the first half of the opening are left out: their
/// counterparts may lie past the cut.
pub fn opening(t: &Transcript, chars: usize) -> Alignment {
    let cut = |l: Lang| {
        let v = t.version(l)?;
        let (b, p) = position(v, chars);
        let mut blocks = v.blocks[..b.min(v.blocks.len())].to_vec();
        if let Some(block) = v.blocks.get(b) {
            blocks.push(Block {
                kind: block.kind,
                paragraphs: block.paragraphs[..=p].to_vec(),
            });
        }
        Some(Version {
            meta: v.meta.clone(),
            blocks,
        })
    };
    let opening = Transcript {
        speakers: t.speakers.clone(),
        versions: ByLang::new(cut(Lang::En), cut(Lang::Ru)),
    };
    let half = |l: Lang| t.version(l).map(|v| position(v, chars / 2));
    let half = ByLang::new(half(Lang::En), half(Lang::Ru));
    let mut alignment = align(&opening);
    let past = |u: &Unit| {
        Lang::BOTH
            .iter()
            .any(|&l| matches!((u.block[l], half[l]), (Some(b), Some(h)) if (b, u.paras[l].start) > h))
    };
    let keep = alignment
        .units
        .iter()
        .position(past)
        .unwrap_or(alignment.units.len());
    alignment.units.truncate(keep.max(1));
    alignment
}

/// The (block, paragraph) of `v` in which its text reaches `chars` chars (not bytes: Cyrillic
/// takes two), or just past its end.
fn position(v: &Version, chars: usize) -> (usize, usize) {
    let mut total = 0;
    for (b, block) in v.blocks.iter().enumerate() {
        for (p, para) in block.paragraphs.iter().enumerate() {
            total += para.text.chars().count();
            if total >= chars {
                return (b, p);
            }
        }
    }
    (v.blocks.len(), 0)
}

/// Russian chars per English char. Short texts say little about it, so the estimate starts from
/// a typical ratio worth [`PRIOR_CHARS`] of English text.
fn ratio(ru: u64, en: u64) -> f32 {
    const TYPICAL: f32 = 1.1;
    const PRIOR_CHARS: f32 = 2000.0;
    ((ru as f32 + TYPICAL * PRIOR_CHARS) / (en as f32 + PRIOR_CHARS)).clamp(0.5, 2.5)
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

impl Bead {
    fn range(&self, l: Lang) -> Range<usize> {
        match l {
            Lang::En => self.en.clone(),
            Lang::Ru => self.ru.clone(),
        }
    }

    fn weight(&self, sides: &ByLang<Side>) -> f32 {
        Lang::BOTH
            .iter()
            .flat_map(|&l| self.range(l).map(move |k| sides[l].items[k].features.len as f32))
            .sum()
    }
}

/// One version flattened into sentence items, with where each item sits.
#[derive(Default)]
struct Side {
    items: Vec<Item>,
    places: Vec<Place>,
}

#[derive(Clone, Copy)]
struct Place {
    block: usize,
    para: usize,
    /// Index of the sentence among its block's sentences; for an empty paragraph's stand-in, the
    /// index the next sentence would have.
    ord: usize,
    /// False for the stand-in item of a paragraph without sentences, which keeps it in a unit.
    real: bool,
    /// The paragraph's first item, which identifies it.
    first: usize,
}

impl Side {
    fn of(version: Option<&Version>, lang: Lang) -> Side {
        let mut side = Side::default();
        let Some(v) = version else { return side };
        for (b, block) in v.blocks.iter().enumerate() {
            let kind = match block.kind {
                BlockKind::Turn(s) => Kind::Turn(s),
                BlockKind::Heading => Kind::Other(0),
                BlockKind::Narration => Kind::Other(1),
                BlockKind::Break => Kind::Other(2),
                BlockKind::Related => Kind::Other(3),
            };
            let mut ord = 0;
            for (p, para) in block.paragraphs.iter().enumerate() {
                let first = side.items.len();
                let mut push = |features: Features, ord: usize, real: bool| {
                    let para_start = side.items.len() == first;
                    side.items.push(Item {
                        features,
                        block: b as u32,
                        kind,
                        para_start,
                    });
                    side.places.push(Place {
                        block: b,
                        para: p,
                        ord,
                        real,
                        first,
                    });
                };
                if para.sentences.is_empty() {
                    push(Features::default(), ord, false);
                }
                for s in para.sentence_texts() {
                    push(Features::of(s, lang), ord, true);
                    ord += 1;
                }
            }
        }
        side
    }
}

/// A unit being built: per side the block and paragraph range, and the beads so far.
#[derive(Default)]
struct Open {
    side: ByLang<Option<(usize, Range<usize>)>>,
    beads: Vec<Bead>,
}

impl Open {
    /// Whether a bead with these spans would put a second block on one side.
    fn conflicts(&self, spans: &ByLang<Option<(usize, Range<usize>)>>) -> bool {
        Lang::BOTH
            .iter()
            .any(|&l| matches!((&self.side[l], &spans[l]), (Some((b, _)), Some((b2, _))) if b != b2))
    }

    fn add(&mut self, bead: &Bead, spans: ByLang<Option<(usize, Range<usize>)>>) {
        for l in Lang::BOTH {
            if let Some((b, p)) = spans[l].clone() {
                self.side[l] = Some(match self.side[l].take() {
                    Some((b0, have)) => (b0, have.start..p.end.max(have.end)),
                    None => (b, p),
                });
            }
        }
        self.beads.push(bead.clone());
    }
}

/// Reorders each run of consecutive gaps, whose order the DP leaves arbitrary, so that gaps
/// finishing the previous pair's paragraph come first, gaps starting the next pair's paragraph
/// last, and the rest (English, then Russian) in between: otherwise a paragraph still open on
/// one side would drag the other side's untranslated paragraphs into its unit.
fn settle_gaps(path: &mut [Bead], sides: &ByLang<Side>) {
    let para = |l: Lang, item: usize| sides[l].places[item].first;
    let is_gap = |b: &Bead| b.en.is_empty() || b.ru.is_empty();
    let mut start = 0;
    while start < path.len() {
        if !is_gap(&path[start]) {
            start += 1;
            continue;
        }
        let end = path[start..]
            .iter()
            .position(|b| !is_gap(b))
            .map_or(path.len(), |k| start + k);
        let (before, rest) = path.split_at_mut(start);
        let (run, after) = rest.split_at_mut(end - start);
        let (prev, next) = (before.last(), after.first());
        let class = |b: &Bead| -> (u8, u8) {
            let l = if b.en.is_empty() { Lang::Ru } else { Lang::En };
            let p = para(l, b.range(l).start);
            let joins = |other: Option<&Bead>, last: bool| {
                other.is_some_and(|o| {
                    let r = o.range(l);
                    !r.is_empty() && para(l, if last { r.end - 1 } else { r.start }) == p
                })
            };
            if joins(prev, true) {
                (0, 0)
            } else if joins(next, false) {
                (2, 0)
            } else {
                (1, u8::from(l == Lang::Ru))
            }
        };
        // Stable, so each side keeps its order.
        run.sort_by_key(class);
        start = end;
    }
}

/// Groups the path's beads into units: the smallest runs of beads such that no paragraph has
/// sentences in two runs. A run that would need two blocks on one side (a paragraph linked
/// across a speaker change, which the ingest should not produce) is cut where the block changes.
fn group(path: &[Bead], sides: &ByLang<Side>, t: &Transcript) -> Vec<Unit> {
    let span = |l: Lang, r: Range<usize>| -> Option<(usize, Range<usize>)> {
        if r.is_empty() {
            return None;
        }
        let (first, last) = (
            sides[l].places.get(r.start)?,
            sides[l].places.get(r.end.checked_sub(1)?)?,
        );
        Some((first.block, first.para..last.para + 1))
    };
    // For each paragraph (by its first item), the last bead touching it.
    let mut last = ByLang::new(vec![0; sides.en.items.len()], vec![0; sides.ru.items.len()]);
    for (k, bead) in path.iter().enumerate() {
        for l in Lang::BOTH {
            for item in bead.range(l) {
                last[l][sides[l].places[item].first] = k;
            }
        }
    }
    let mut units = Vec::new();
    let mut open = Open::default();
    let mut reach = 0;
    for (k, bead) in path.iter().enumerate() {
        let spans = ByLang::new(span(Lang::En, bead.en.clone()), span(Lang::Ru, bead.ru.clone()));
        if open.conflicts(&spans) {
            units.extend(close(std::mem::take(&mut open), sides, t));
        }
        open.add(bead, spans);
        for l in Lang::BOTH {
            for item in bead.range(l) {
                reach = reach.max(last[l][sides[l].places[item].first]);
            }
        }
        if reach <= k {
            units.extend(close(std::mem::take(&mut open), sides, t));
        }
    }
    units.extend(close(open, sides, t));
    units
}

fn close(open: Open, sides: &ByLang<Side>, t: &Transcript) -> Option<Unit> {
    if open.beads.is_empty() {
        return None;
    }
    // The sentence index of the unit's first sentence within its block, per side.
    let base = |l: Lang| -> usize {
        open.beads
            .iter()
            .find_map(|b| b.range(l).next())
            .map_or(0, |k| sides[l].places[k].ord)
    };
    let bases = ByLang::new(base(Lang::En), base(Lang::Ru));
    let links = open
        .beads
        .iter()
        .map(|b| Link {
            sentences: ByLang::new(
                link_range(&sides.en, b.en.clone(), bases.en),
                link_range(&sides.ru, b.ru.clone(), bases.ru),
            ),
        })
        .filter(|l| Lang::BOTH.iter().any(|&g| !l.sentences[g].is_empty()))
        .collect();
    let (mut good, mut all) = (0.0, 0.0);
    for b in &open.beads {
        let w = b.weight(sides).max(1.0);
        good += w * b.confidence;
        all += w;
    }
    let speaker = Lang::BOTH.iter().find_map(|&l| {
        let (b, _) = open.side[l].as_ref()?;
        match t.version(l)?.blocks.get(*b)?.kind {
            BlockKind::Turn(s) => Some(s),
            _ => None,
        }
    });
    Some(Unit {
        block: ByLang::new(
            open.side.en.as_ref().map(|s| s.0),
            open.side.ru.as_ref().map(|s| s.0),
        ),
        paras: ByLang::new(
            open.side.en.as_ref().map_or(0..0, |s| s.1.clone()),
            open.side.ru.as_ref().map_or(0..0, |s| s.1.clone()),
        ),
        speaker,
        confidence: good / all,
        links,
    })
}

/// The sentences of `items` as indices from the unit's first sentence; stand-ins count nothing.
fn link_range(side: &Side, items: Range<usize>, base: usize) -> Range<usize> {
    let real: Vec<usize> = items
        .clone()
        .filter(|&k| side.places[k].real)
        .map(|k| side.places[k].ord - base)
        .collect();
    match (real.first(), real.last()) {
        (Some(&a), Some(&z)) => a..z + 1,
        _ => {
            let at = side
                .places
                .get(items.start)
                .map_or(0, |p| p.ord.saturating_sub(base));
            at..at
        }
    }
}

#[cfg(test)]
mod tests;
