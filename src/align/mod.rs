//! Alignment: pairs every English passage with its Russian counterpart as row-aligned units.
//!
//! One bead DP ([`beads`]) runs over all sentences of the two versions at once. Structure is
//! evidence, never a wall: pairing a turn with narration, a heading with text, or two speakers'
//! turns costs what the document itself says such a mismatch is worth, learned from a first
//! pass ([`learn`]), so one wrong guess by ingest costs at most the sentences it touches. Runs of
//! untranslated sentences are then offered to the links beside them ([`absorb`]), for a free
//! translation that renders one sentence in many. Units are cut from the path wherever either
//! side starts a paragraph and no link crosses, and around untranslated sentences: where the
//! versions paragraph alike a unit is a paragraph, elsewhere a piece of one.

mod absorb;
mod anchors;
mod band;
mod beads;
mod cost;
mod doubt;
mod dp;
mod learn;
mod margin;
mod params;
mod summary;

pub use doubt::{Evidence, FEATURES, Term};
pub use params::{DOUBT_WEIGHTS, DOUBTFUL, TRANSLATION_WEIGHTS};
pub use summary::{GOOD, POOR, Summary, Verdict, summary, why_doubtful};

use crate::model::{Block, BlockKind, ByLang, Lang, Paragraph, Span, Transcript, Version};
use anchors::{Features, Reader};
use beads::{Bead, Item};
use params::Model;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// The aligner's version, part of the alignment cache's key: bump it with every change that can
/// change an alignment (a weight, a pass, the lexicon), or readers are shown stale ones from
/// their cache. `tests/store.rs` fails, asking for the bump, when the output changes.
pub const VERSION: u32 = 25;

/// A transcript's two versions as one ordered sequence of units.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Alignment {
    pub units: Vec<Unit>,
    /// Speakers the alignment found to be one person though ingest named them apart (a name that
    /// translates: `Nurse` / `Кормилица`), as (English speaker, Russian speaker).
    pub same_speakers: Vec<(usize, usize)>,
}

/// Sentences of one language and their counterpart in the other, shown starting on the same row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Unit {
    /// Per side, the paragraphs or pieces of paragraphs the unit holds, in order; empty where the
    /// side has nothing.
    pub parts: ByLang<Vec<Part>>,
    /// The speaker (index into `Transcript::speakers`) when the unit is part of a turn.
    pub speaker: Option<usize>,
    /// How sure the aligner is of the unit, 0 to 1: the chance that its pairing (for a one-sided
    /// unit, its omission) is right, from its [`Evidence`]. 1 when the transcript has one
    /// language only.
    pub confidence: f32,
    /// What the aligner's costs say about the unit: what `confidence` comes from.
    pub evidence: Evidence,
    /// Sentence links inside the unit, in order.
    pub links: Vec<Link>,
}

/// The sentences `sentences` of paragraph `para` of block `block`: a whole paragraph, or the
/// piece of it that falls in one unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Part {
    pub block: usize,
    pub para: usize,
    /// Indices into the paragraph's sentences; empty for a paragraph without any.
    pub sentences: Range<usize>,
}

impl Part {
    /// The paragraph in `v` and the byte range of its text that the part shows.
    pub fn text<'v>(&self, v: &'v Version) -> Option<(&'v Paragraph, Range<usize>)> {
        let p = v.blocks.get(self.block)?.paragraphs.get(self.para)?;
        let range = match (
            p.sentences.get(self.sentences.start),
            self.sentences.end.checked_sub(1),
        ) {
            (Some(first), Some(last)) => first.range().start..p.sentences.get(last)?.range().end,
            _ => 0..p.text.len(),
        };
        Some((p, range))
    }

    /// Whether the part begins its paragraph.
    pub fn starts_paragraph(&self) -> bool {
        self.sentences.start == 0
    }
}

/// A unit's shown sentence of one side, with where it is: its paragraph and the paragraph's
/// source line.
#[derive(Debug, Clone, Copy)]
pub struct Sentence<'t> {
    /// Trimmed.
    pub text: &'t str,
    /// The paragraph's source line.
    pub line: u32,
    pub block: usize,
    pub para: usize,
    /// The sentence's bytes in its paragraph's text, untrimmed.
    pub span: Span,
}

impl Unit {
    /// True when one side has no paragraphs.
    pub fn is_one_sided(&self) -> bool {
        Lang::BOTH.iter().any(|&l| self.parts[l].is_empty())
    }

    /// Whether the pairing (or, for a one-sided unit, the omission) is doubtful enough to mark.
    pub fn is_doubtful(&self) -> bool {
        self.confidence < params::DOUBTFUL
    }

    /// The block the unit's `l` side starts in.
    pub fn block(&self, l: Lang) -> Option<usize> {
        self.parts[l].first().map(|p| p.block)
    }

    /// The link holding sentence `s` of side `lang`, if the aligner made one.
    pub fn link_of(&self, lang: Lang, s: usize) -> Option<&Link> {
        self.links.iter().find(|l| l.sentences[lang].contains(&s))
    }

    /// The sentence of the other side that translates sentence `s` of side `lang`: from the links
    /// when the aligner made them, else the one at the same relative position (`count` and
    /// `other_count` are the two sides' numbers of sentences).
    pub fn counterpart(&self, lang: Lang, s: usize, count: usize, other_count: usize) -> Option<usize> {
        if let Some(link) = self.link_of(lang, s) {
            let r = &link.sentences[lang.other()];
            return (!r.is_empty()).then_some(r.start);
        }
        (other_count > 0).then(|| (s * other_count / count.max(1)).min(other_count - 1))
    }

    /// The sentences of side `l` in order, the numbering [`Link`] uses: the one way from a unit
    /// to its text.
    pub fn sentences<'a, 't: 'a>(
        &'a self,
        t: &'t Transcript,
        l: Lang,
    ) -> impl Iterator<Item = Sentence<'t>> + 'a {
        let v = t.version(l);
        self.parts[l].iter().flat_map(move |part| {
            let p = v.and_then(|v| v.blocks.get(part.block)?.paragraphs.get(part.para));
            p.into_iter().flat_map(move |p| {
                p.sentences
                    .get(part.sentences.clone())
                    .unwrap_or(&[])
                    .iter()
                    .map(move |&span| Sentence {
                        text: p.text.get(span.range()).unwrap_or("").trim(),
                        line: p.line,
                        block: part.block,
                        para: part.para,
                        span,
                    })
            })
        })
    }
}

/// Sentences of one side that translate sentences of the other. Indices count the unit's
/// sentences of that side in order across its parts; either range may be empty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    pub sentences: ByLang<Range<usize>>,
}

/// Aligns the two versions of `t`; a one-language transcript gives one-sided units.
pub fn align(t: &Transcript) -> Alignment {
    let mut sides = Side::both(t);
    let total = |sides: &ByLang<Side>, l: Lang| {
        sides[l]
            .items
            .iter()
            .map(|it| u64::from(it.features.len))
            .sum::<u64>()
    };
    let first = Model {
        ratio: ratio(total(&sides, Lang::Ru), total(&sides, Lang::En)),
        ..params::FIRST
    };
    let mut path = beads::align(&sides.en.items, &sides.ru.items, first);
    // What the first pass paired with confidence tells the real length ratio (the whole
    // document's is skewed by untranslated passages), how far ingest's structure agrees across
    // the versions, which speakers are one person under two names and which names translate.
    let learned = learn::from(&path, &sides);
    let mut model = first;
    if learned.differs_from(&first) {
        model = learned.model;
        learned.rename(&mut sides);
        // Where the old path keeps to structure that the new model only prices higher, no other
        // path can have become cheaper: only the stretches around its mismatches can move.
        let local = learned
            .only_raises(&first)
            .then(|| beads::structural(&sides.en.items, &sides.ru.items, &path));
        path = beads::realign(&sides.en.items, &sides.ru.items, model, &path, local);
    }
    let mut path = absorb::absorb(path, &sides.en.items, &sides.ru.items, model);
    settle_gaps(&mut path, &sides);
    let cuts = unit_beads(&path, &sides);
    let mut units: Vec<Unit> = cuts
        .iter()
        .map(|beads| close(&path[beads.clone()], &sides, t))
        .collect();
    if t.langs().len() == 2 {
        for (u, evidence) in units.iter_mut().zip(doubt::evidence(&path, &cuts, &sides, model)) {
            u.confidence = evidence.confidence();
            u.evidence = evidence;
        }
    }
    Alignment {
        units,
        same_speakers: learned.same_speakers(),
    }
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
            .any(|&l| matches!((u.parts[l].first(), half[l]), (Some(p), Some(h)) if (p.block, p.para) > h))
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

impl Bead {
    fn range(&self, l: Lang) -> Range<usize> {
        match l {
            Lang::En => self.en.clone(),
            Lang::Ru => self.ru.clone(),
        }
    }

    /// Chars of its side `l`.
    fn chars(&self, sides: &ByLang<Side>, l: Lang) -> f32 {
        self.range(l).map(|k| sides[l].items[k].features.len as f32).sum()
    }

    /// Chars of both sides.
    fn weight(&self, sides: &ByLang<Side>) -> f32 {
        Lang::BOTH.iter().map(|&l| self.chars(sides, l)).sum()
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
    /// Index of the sentence in its paragraph; for an empty paragraph's stand-in, 0.
    sentence: usize,
    /// False for the stand-in item of a paragraph without sentences, which keeps it in a unit.
    real: bool,
    /// The paragraph's first item, which identifies it.
    first: usize,
}

impl Side {
    /// Both versions of `t` flattened, each side empty where `t` lacks it.
    fn both(t: &Transcript) -> ByLang<Side> {
        ByLang::new(
            Side::of(t.version(Lang::En), Lang::En),
            Side::of(t.version(Lang::Ru), Lang::Ru),
        )
    }

    fn of(version: Option<&Version>, lang: Lang) -> Side {
        let mut side = Side::default();
        let Some(v) = version else { return side };
        let mut reader = Reader::default();
        for (b, block) in v.blocks.iter().enumerate() {
            for (p, para) in block.paragraphs.iter().enumerate() {
                let first = side.items.len();
                let mut push = |features: Features, sentence: usize, real: bool| {
                    let para_start = side.items.len() == first;
                    side.items.push(Item {
                        features,
                        block: b as u32,
                        kind: block.kind,
                        para_start,
                    });
                    side.places.push(Place {
                        block: b,
                        para: p,
                        sentence,
                        real,
                        first,
                    });
                };
                if para.sentences.is_empty() {
                    push(Features::default(), 0, false);
                }
                for (k, s) in para.sentence_texts().enumerate() {
                    push(reader.features(s, lang), k, true);
                }
            }
        }
        side
    }

    /// Whether a paragraph starts at item `k` (the end counts as one).
    fn starts_at(&self, k: usize) -> bool {
        self.items.get(k).is_none_or(|it| it.para_start)
    }
}

/// Reorders each run of consecutive gaps, whose order the DP leaves arbitrary, so that gaps
/// finishing the previous pair's paragraph come first, gaps starting the next pair's paragraph
/// last, and the rest (English, then Russian) in between: otherwise a paragraph still open on
/// one side would drag the other side's untranslated paragraphs into its unit.
fn settle_gaps(path: &mut [Bead], sides: &ByLang<Side>) {
    let para = |l: Lang, item: usize| sides[l].places[item].first;
    let runs: Vec<Range<usize>> = beads::gap_runs(path).collect();
    for Range { start, end } in runs {
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
    }
}

/// The beads of each unit of `path`, cut after a bead wherever [`closes_unit`]: where the
/// versions paragraph alike, a unit is a paragraph pair; where they do not, the longer paragraph
/// is shown in pieces, each beside its counterpart; and a pairing too long to read side by side
/// in one piece is shown in [`passages`].
fn unit_beads(path: &[Bead], sides: &ByLang<Side>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    for k in 0..path.len() {
        if closes_unit(path, k, sides) {
            passages(path, from..k + 1, sides, &mut out);
            from = k + 1;
        }
    }
    out
}

/// Pushes `unit`, beads of `path` that pair text, cut between its links into the fewest passages
/// of about equal length whose longer side holds about [`params::LONGEST_PASSAGE`] chars at most:
/// where neither version breaks its text into paragraphs (a book pasted as a line each, subtitles
/// cut anywhere), a unit would hold all of it, and the two columns drift apart down the screen.
/// A passage left untranslated stays whole: a part of one would look like a sentence whose
/// translation went astray ([`Evidence::piece`]).
fn passages(path: &[Bead], unit: Range<usize>, sides: &ByLang<Side>, out: &mut Vec<Range<usize>>) {
    let total = |l: Lang| -> f32 { path[unit.clone()].iter().map(|b| b.chars(sides, l)).sum() };
    // The cuts are placed by the longer side's text.
    let (en, ru) = (total(Lang::En), total(Lang::Ru));
    let (longer, total) = if en >= ru { (Lang::En, en) } else { (Lang::Ru, ru) };
    let count = (total / params::LONGEST_PASSAGE).ceil() as usize;
    if count <= 1 || path[unit.start].is_gap() {
        out.push(unit);
        return;
    }
    let (mut start, mut through, mut next) = (unit.start, 0.0, 1);
    for k in unit.clone() {
        let before = through;
        through += path[k].chars(sides, longer);
        while next < count {
            let target = total * next as f32 / count as f32;
            if through < target {
                break;
            }
            // Where the text is nearer the target: before this link or after it.
            let cut = if target - before < through - target {
                k
            } else {
                k + 1
            };
            if start < cut && cut < unit.end {
                out.push(start..cut);
                start = cut;
            }
            next += 1;
        }
    }
    out.push(start..unit.end);
}

/// The items of each side that `beads` hold, empty where they hold none of a side.
fn spans(beads: &[Bead]) -> ByLang<Range<usize>> {
    let items = |l: Lang| {
        let start = beads.iter().find_map(|b| b.range(l).next());
        let end = beads.iter().rev().find_map(|b| b.range(l).last());
        match (start, end) {
            (Some(s), Some(e)) => s..e + 1,
            _ => 0..0,
        }
    };
    ByLang::new(items(Lang::En), items(Lang::Ru))
}

/// Whether bead `k` of `path` ends a unit: a side it advances starts a paragraph next, or the
/// next bead leaves out what this one pairs, or pairs what this one leaves out: an untranslated
/// sentence is a unit of its own, shown beside nothing, even inside a paragraph.
fn closes_unit(path: &[Bead], k: usize, sides: &ByLang<Side>) -> bool {
    let bead = &path[k];
    k + 1 == path.len()
        || bead.is_gap() != path[k + 1].is_gap()
        || Lang::BOTH
            .iter()
            .any(|&l| !bead.range(l).is_empty() && sides[l].starts_at(bead.range(l).end))
}

/// The unit of the beads `beads`.
fn close(beads: &[Bead], sides: &ByLang<Side>, t: &Transcript) -> Unit {
    let items = spans(beads);
    let parts = |l: Lang| -> Vec<Part> {
        let mut parts: Vec<Part> = Vec::new();
        for place in &sides[l].places[items[l].clone()] {
            let end = place.sentence + usize::from(place.real);
            match parts.last_mut() {
                Some(p) if (p.block, p.para) == (place.block, place.para) => p.sentences.end = end,
                _ => parts.push(Part {
                    block: place.block,
                    para: place.para,
                    sentences: place.sentence..end,
                }),
            }
        }
        parts
    };
    // A link's sentences count the real items of the unit's side before it, counted as the
    // beads go: a unit may hold a whole document's beads.
    let mut counted = ByLang::new(0, 0);
    let links = beads
        .iter()
        .map(|b| {
            let mut range = |l: Lang| {
                let start = counted[l];
                counted[l] += b.range(l).filter(|&k| sides[l].places[k].real).count();
                start..counted[l]
            };
            Link {
                sentences: ByLang::new(range(Lang::En), range(Lang::Ru)),
            }
        })
        .filter(|l| Lang::BOTH.iter().any(|&g| !l.sentences[g].is_empty()))
        .collect();
    let parts = ByLang::new(parts(Lang::En), parts(Lang::Ru));
    let speaker = Lang::BOTH.iter().find_map(|&l| {
        let first = parts[l].first()?;
        match t.version(l)?.blocks.get(first.block)?.kind {
            BlockKind::Turn(s) => Some(s),
            _ => None,
        }
    });
    Unit {
        parts,
        speaker,
        confidence: 1.0,
        evidence: Evidence::default(),
        links,
    }
}

#[cfg(test)]
mod tests;
