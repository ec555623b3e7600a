//! The aligner's weights and thresholds in one place: costs in nats, roughly −log of a
//! probability, so that they add along the path; and the part of the model learned per document.

/// Bead shapes (English items, Russian items) the DP takes, and their prior cost.
pub(super) const BEADS: [(usize, usize, f32); 8] = [
    (1, 1, prior(1, 1)),
    (1, 0, 0.0),
    (0, 1, 0.0),
    (2, 1, prior(2, 1)),
    (1, 2, prior(1, 2)),
    (2, 2, prior(2, 2)),
    (3, 1, prior(3, 1)),
    (1, 3, prior(1, 3)),
];
/// The most sentences of one side in a bead of [`BEADS`].
pub(super) const DP_WIDEST: usize = 3;
/// The most sentences of one side in any bead: the DP's reach three, those that take in the
/// untranslated sentences beside them after the DP ([`super::absorb`]) more.
pub(super) const WIDEST: usize = 6;

/// The prior cost of pairing `a` English sentences with `b` Russian ones: each sentence beyond
/// one a side costs as much as leaving it out, and a many-to-many bead a little more.
pub(super) const fn prior(a: usize, b: usize) -> f32 {
    let extra = (a + b).saturating_sub(2) as f32;
    GAP * extra + if a > 1 && b > 1 { 0.5 } else { 0.0 }
}
/// Leaving a sentence untranslated: each one costs [`GAP`], each run of them [`GAP_OPEN`] more.
pub(super) const GAP: f32 = 1.5;
pub(super) const GAP_OPEN: f32 = 3.0;
pub(super) const GAP_OPEN_PARA: f32 = 2.0;
/// A bead that straddles a block edge on one side: ingest put a turn or heading boundary inside
/// what the other side says in one breath.
pub(super) const BLOCK_EDGE: f32 = 2.0;
/// A question paired with a statement.
pub(super) const QUESTION: f32 = 0.5;
/// Variance of the length difference per char (Gale–Church's s²); loose translations need more than 6.8.
pub(super) const S2: f32 = 12.0;
/// Below this many cells the DP is exact; above it, banded.
pub(super) const FULL_LIMIT: usize = 250_000;
/// Half-width of the band at first, in paragraphs around the guide of [`anchored`] (in
/// sentences where neither version has paragraphs).
pub(super) const BAND: usize = 32;
/// How far, in sentences, the paragraph pass's path may run from the sentences' own: a
/// paragraph longer than this is cut into runs for it.
pub(super) const FINE_BAND: usize = 16;
/// Half-width of the sentence band beyond the rectangles of the paragraph pass's beads, inside
/// which each paragraph pair's sentences pair: room for the paragraph path's own slips, and the
/// band is mended where the path presses on it. Against 16 around the line through the beads'
/// corners: link F1 on `flag_weights`' training works 0.9662 → 0.9665 (held-out the same, the dev
/// set and the 10 MB transcript the same), at 31% fewer cells on that transcript.
pub(super) const AROUND_PARAGRAPHS: usize = 8;
/// What the paragraph pass makes of a bead's prior ([`BEADS`]), as a share of it: nothing.
/// Versions paragraphed apart pair their paragraphs two or three to one as often as one to one;
/// at a sentence's price for each merge, leaving paragraphs out looked as cheap, and the pass
/// strayed from the diagonal for dozens of paragraphs, farther than the sentence band reaches.
/// On the synthetic documents of `examples/flag_weights.rs` (link F1 by sentence, training
/// works): 1 gives 0.9534; 0, 0.25 and 0.5 give 0.9546. Of these, 0 strays least from the
/// diagonal (`paragraphs_cut_apart_keep_the_paragraph_pass_near_the_diagonal`).
pub(super) const PARAGRAPH_MERGE: f32 = 0.0;
/// Above this many paragraph pairs, the paragraph pass is itself guided by a pass over runs of
/// [`GROUP`] paragraphs.
pub(super) const GROUPED_LIMIT: usize = 25_000_000;
pub(super) const GROUP: usize = 4;
/// Half-width of the band of the pass over runs of [`GROUP`] paragraphs, in runs: each reaches
/// [`GROUP`] times as far into the text as a paragraph, so this reaches twice as far as
/// [`BAND`] paragraphs do, at half the cells of [`BAND`] runs (most of the pass's cost, each
/// run holding many keys). On the 10 MB generated transcript and a 4 MB run of the corpus's
/// books (link F1 0.975 and 0.964 by gold) the path is the same as at [`BAND`].
pub(super) const GROUPED_BAND: usize = 16;
/// Half-width of the band of a second pass around the first pass's path, which moves it a few
/// sentences at most; where it moves further, the band is mended. Against 8: link F1 on
/// `flag_weights`' training works 0.9665 → 0.9668, held-out, the dev set, the 10 MB transcript
/// and the 4 MB book run the same; 4 moves a pair of alice-in-wonderland.
pub(super) const REFINE_BAND: usize = 5;
/// Band passes over a stretch before its path is taken as it is.
pub(super) const TRIES: usize = 6;
/// How many half-widths of rows before and after a row where the path pressed on the band are
/// aligned again: the path strays from the guide over a stretch, and presses within it.
pub(super) const PRESSED_REACH: usize = 4;

/// Scoring parameters estimated from the document.
#[derive(Debug, Clone, Copy)]
pub struct Model {
    /// Russian chars per English char.
    pub ratio: f32,
    /// Pairing blocks of different kinds (a turn with narration, a heading with text).
    pub other_kind: f32,
    /// Pairing the turns of two speakers not known to be the same person.
    pub other_speaker: f32,
    /// A paragraph edge on one side only: what the document shows its two versions' paragraphs
    /// to be worth. A translation that keeps the original's paragraphs makes them evidence; a
    /// version paragraphed anew says little by its edges.
    pub para_edge: f32,
    /// Direct speech on one side only: what the document shows its two versions' marks of
    /// speech (quotation marks, dialogue dashes) to be worth.
    pub speech: f32,
}

pub(super) const BONUS_CAP: f32 = 4.0;
/// The lexical term's weight, at full strength from [`LEXICAL_WORDS`] known words in a bead (both
/// sides), and the share of known words that translate each other between unrelated sentences.
pub(super) const LEXICAL: f32 = 12.0;
pub(super) const LEXICAL_WORDS: f32 = 8.0;
pub(super) const LEXICAL_CHANCE: f32 = 0.15;
/// Where even the version with more paragraphs has fewer than one per this many sentences of
/// the longer version, neither breaks its text into paragraphs, and the first pass is over
/// sentences.
pub(super) const UNBROKEN: usize = 32;

/// The first pass's model: structure counts a little until the document says how much.
pub(super) const FIRST: Model = Model {
    ratio: 1.1,
    other_kind: 1.0,
    other_speaker: 1.0,
    para_edge: 1.0,
    speech: 0.0,
};
/// The least a one-sided paragraph edge costs ([`Model::para_edge`]), however seldom the two
/// versions' paragraphs start together: an edge still falls where a thought ends. Measured on
/// the synthetic documents of `examples/flag_weights.rs` (link F1 by sentence, training works):
/// 0 gives 0.950, 0.25 0.953, 0.5 0.953, 0.75 0.954, and 1 (the edge's full price) 0.952.
pub(super) const PARA_EDGE_LEAST: f32 = 0.5;
/// Links a pair of words the lexicon lacks must meet in, and the Dice of their links, before
/// they are taken for translations in the document ([`super::learn`]); how many links at most
/// are read for them.
pub(super) const WORD_LINKS: u32 = 3;
pub(super) const WORD_DICE: f32 = 0.5;
pub(super) const WORD_SAMPLE: usize = 4000;
/// A first-pass link this sure is taken as evidence about the document.
pub(super) const CONFIDENT: f32 = 0.6;
/// The most a structural mismatch may cost: ingest's reading is a guess, however often it held.
pub(super) const MOST: f32 = 4.0;
/// How many links the first pass's belief about structure is worth.
pub(super) const PRIOR_LINKS: f32 = 8.0;
/// Links a speaker pairing needs before two names are taken for one person.
pub(super) const SPEAKER_LINKS: u32 = 2;
/// Confident links that must speak on each side before speech marks count ([`Model::speech`]).
pub(super) const SPEECH_LINKS: u32 = 5;
/// Links a pair of names needs before they are taken for one name in two languages.
pub(super) const NAME_LINKS: u32 = 3;
/// An untranslated sentence is doubtful as its words translate those of a neighbouring link's
/// sentence: not at all at [`PULL_CHANCE`] (Dice of the two sentences' known words), fully at
/// [`PULL_FULL`]; pairs with fewer than [`PULL_WORDS`] known words say nothing.
pub(super) const PULL_CHANCE: f32 = 0.15;
pub(super) const PULL_FULL: f32 = 0.45;
pub(super) const PULL_WORDS: u32 = 4;
/// The most chars a side of a unit pairing one stretch of paragraphs holds before the unit is cut
/// between its links into passages ([`super::passages`]).
pub(super) const LONGEST_PASSAGE: f32 = 600.0;
/// Half-width of the band around the path in which [`super::margin`] weighs rival alignments.
pub(super) const MARGIN_BAND: usize = 6;
/// Log-odds of a sentence's place beyond this say no more: its rivals are no rivals.
pub(super) const MARGIN_CAP: f32 = 10.0;
/// The model of a unit's confidence, learned by
/// `cargo run --release --example flag_weights -- ../shared/corpus/bilinguator-en-ru` from
/// synthetic documents made of the Bilinguator corpus the way the dev set was made (none of the
/// dev set's works): [`DOUBT_WEIGHTS`], in the order of [`super::FEATURES`], a logistic model of
/// the chance that a unit of a translation is right; [`TRANSLATION_WEIGHTS`] (bias, document
/// quality) one of the chance that the two versions are translations of each other at all.
pub const DOUBT_WEIGHTS: [f32; 13] = [
    -5.665, 4.087, -1.663, 2.065, 1.189, 2.685, 0.0, -0.58, 3.435, -1.047, 0.493, -2.773, 0.652,
];
pub const TRANSLATION_WEIGHTS: [f32; 2] = [-12.263, 23.279];
/// Units less sure than this are marked doubtful, in the reader, the exports and `check`: the
/// threshold at which the flag told wrong units from right ones best on the training works of
/// `flag_weights`, by an F-score that weighs recall twice (most wrong units should be flagged).
pub const DOUBTFUL: f32 = 0.87;
