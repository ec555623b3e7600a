//! Alignment: pairs every English passage with its Russian counterpart as row-aligned units.

use crate::model::{ByLang, Lang, Transcript};
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
    /// How sure the aligner is that the two sides say the same thing, 0 to 1; 1 for one-sided units.
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
///
/// Placeholder until the real aligner lands: pairs blocks in order and paragraphs in order.
pub fn align(t: &Transcript) -> Alignment {
    let blocks = |l: Lang| t.version(l).map_or(0, |v| v.blocks.len());
    let mut units = Vec::new();
    for b in 0..blocks(Lang::En).max(blocks(Lang::Ru)) {
        let paras = |l: Lang| {
            t.version(l)
                .and_then(|v| v.blocks.get(b))
                .map_or(0, |blk| blk.paragraphs.len())
        };
        let speaker = Lang::BOTH
            .iter()
            .find_map(|&l| match t.version(l)?.blocks.get(b)?.kind {
                crate::model::BlockKind::Turn(s) => Some(s),
                _ => None,
            });
        for p in 0..paras(Lang::En).max(paras(Lang::Ru)) {
            let side = |l: Lang| (p < paras(l)).then_some(b);
            let range = |l: Lang| if p < paras(l) { p..p + 1 } else { 0..0 };
            units.push(Unit {
                block: ByLang::new(side(Lang::En), side(Lang::Ru)),
                paras: ByLang::new(range(Lang::En), range(Lang::Ru)),
                speaker,
                confidence: 1.0,
                links: Vec::new(),
            });
        }
    }
    Alignment { units }
}
