//! The cost model: what pairing a run of English sentences with a run of Russian ones costs,
//! from length, anchors, structure, paragraph edges, questions and speech, in a few
//! subtractions of prefix sums whatever the bead's size.

use super::anchors::{Features, STRONG, shared};
use super::beads::{Bead, Item};
use super::params::*;
use crate::model::BlockKind;
use std::ops::Range;

/// One side's items with prefix sums of what bead costs add up over a range of them, so that a
/// cost takes a few subtractions whatever the bead's size.
pub(super) struct Seq<'a> {
    pub(super) items: &'a [Item],
    /// `prefix[k]`: the totals of `items[..k]`, side by side so that a bead's cost reads them
    /// with one index per end.
    pub(super) prefix: Vec<Totals>,
    /// For each item, the index of its block's first item: how far back a bead ending there reaches.
    pub(super) block_start: Vec<usize>,
}

/// Chars, paragraph starts, questions, sentences of speech and strong keys of a run of items.
#[derive(Clone, Copy, Default)]
pub(super) struct Totals {
    pub(super) chars: u64,
    pub(super) starts: u64,
    pub(super) questions: u64,
    pub(super) speeches: u64,
    pub(super) strong: u64,
    /// Words the built-in lexicon knows.
    pub(super) known: u64,
}

impl<'a> Seq<'a> {
    pub(super) fn new(items: &'a [Item]) -> Self {
        let prefix = std::iter::once(Totals::default())
            .chain(items.iter().scan(Totals::default(), |t, it| {
                t.chars += u64::from(it.features.len);
                t.starts += u64::from(it.para_start);
                t.questions += u64::from(it.features.question);
                t.speeches += u64::from(it.features.speech);
                t.strong += u64::from(it.features.strong);
                t.known += u64::from(it.features.known);
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
    pub(super) fn chars(&self) -> Vec<u64> {
        self.prefix.iter().map(|t| t.chars).collect()
    }

    pub(super) fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether a paragraph starts at item `k` (the end counts as one).
    pub(super) fn starts_at(&self, k: usize) -> bool {
        self.items.get(k).is_none_or(|it| it.para_start)
    }

    /// What opening a run of untranslated sentences at item `first` costs: a run starting a
    /// paragraph is the usual kind, a paragraph left out.
    pub(super) fn gap_open(&self, first: usize) -> f32 {
        if self.items[first].para_start {
            GAP_OPEN_PARA
        } else {
            GAP_OPEN
        }
    }

    /// The chars and known words of the last one to [`DP_WIDEST`] items before item `k`.
    #[inline]
    pub(super) fn back(&self, k: usize) -> Back {
        let mut back = Back::default();
        let z = &self.prefix[k];
        for (d, a) in self.prefix[..k].iter().rev().take(DP_WIDEST).enumerate() {
            back.chars[d + 1] = z.chars - a.chars;
            back.known[d + 1] = z.known - a.known;
        }
        back
    }

    /// The totals of `items[from..to]`.
    pub(super) fn sum(&self, from: usize, to: usize) -> Totals {
        let (a, z) = (self.prefix[from], self.prefix[to]);
        Totals {
            chars: z.chars - a.chars,
            starts: z.starts - a.starts,
            questions: z.questions - a.questions,
            speeches: z.speeches - a.speeches,
            strong: z.strong - a.strong,
            known: z.known - a.known,
        }
    }
}

/// What [`Seq::back`] reads: by how many items, from none to [`DP_WIDEST`], their chars and
/// known words. The DP reads them once per row and column, for every bead ending there.
#[derive(Clone, Copy, Default)]
pub(super) struct Back {
    pub(super) chars: [u64; DP_WIDEST + 1],
    pub(super) known: [u64; DP_WIDEST + 1],
}

/// Precomputed prefix sums and the bead cost function.
pub(super) struct Scorer<'a> {
    pub(super) en: Seq<'a>,
    pub(super) ru: Seq<'a>,
    pub(super) model: Model,
    /// What a bead's prior ([`BEADS`]) is multiplied by: 1 for sentences, [`PARAGRAPH_MERGE`]
    /// for paragraphs.
    pub(super) merge: f32,
}

/// A bead's cost: the fit of its two sides and its prior, kept apart because confidence weighs
/// them differently.
pub(super) struct Cost {
    pub(super) fit: f32,
    pub(super) prior: f32,
}

impl Cost {
    pub(super) fn total(&self) -> f32 {
        self.fit + self.prior
    }

    /// 0 for a gap; for a pair, a logistic of the fit. A merge is normal between translations,
    /// so its prior only dents the confidence.
    pub(super) fn confidence(&self, gap: bool) -> f32 {
        if gap {
            0.0
        } else {
            1.0 / (1.0 + (self.fit + self.prior * 0.3 - 1.5).exp())
        }
    }
}

/// What some sentence pairs share, summed over the pairs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Shared {
    /// Anchor keys, and the strong ones among them.
    pub(super) all: u32,
    pub(super) strong: u32,
    /// Concepts of the built-in lexicon, words and their translations (see [`Shared::of`]).
    pub(super) words: u32,
}

impl<'s> std::iter::Sum<&'s Shared> for Shared {
    fn sum<I: Iterator<Item = &'s Shared>>(pairs: I) -> Shared {
        pairs.fold(Shared::default(), |s, p| Shared {
            all: s.all + p.all,
            strong: s.strong + p.strong,
            words: s.words + p.words,
        })
    }
}

impl Shared {
    /// What sentences `e` and `r`, sharing `words` concepts, share.
    #[inline]
    fn of_pair(e: &Features, r: &Features, words: u32) -> Shared {
        let (all, strong) = if e.signature & r.signature == 0 {
            (0, 0)
        } else {
            shared(&e.keys, &r.keys)
        };
        Shared { all, strong, words }
    }

    /// What a bead shares, from what each of its English sentences shares with each of its
    /// Russian ones (`rows`, a row per English sentence): anchors summed; words as each sentence
    /// of one side shares them with its best partner on the other, summed over that side, the
    /// side that finds more. Summed over all pairs, a word repeated in a bead's sentences would
    /// count once per pair and make merges look better than they are.
    /// A bead takes at most `N` sentences of the Russian side.
    pub(super) fn of<'r, const N: usize>(rows: impl Iterator<Item = &'r [Shared]>) -> Shared {
        let (mut out, mut by_row, mut by_column) = (Shared::default(), 0, [0u32; N]);
        for row in rows {
            by_row += row.iter().map(|p| p.words).max().unwrap_or(0);
            for (best, p) in by_column.iter_mut().zip(row) {
                out.all += p.all;
                out.strong += p.strong;
                *best = (*best).max(p.words);
            }
        }
        out.words = by_row.max(by_column.iter().sum());
        out
    }
}

/// What the sentence pairs a DP bead ending at one cell may hold share: those of the last
/// [`DP_WIDEST`] rows and columns. Moving along a row, each cell reads one column of pairs and
/// every bead's share is a few additions, where gathering it from the rows would cost a slice
/// per row and bead.
pub(super) struct Window<'p> {
    /// Per row, last first: the column of its first pair, and its pairs from there on; empty for
    /// a row above the first.
    rows: [(usize, &'p [Shared]); DP_WIDEST],
    /// `at[r][c]`: the pair of row `i - r` and column `j - c` at cell (`i`, `j`), zero where
    /// there is none.
    at: [[Shared; DP_WIDEST]; DP_WIDEST],
}

impl<'p> Window<'p> {
    /// A window over `rows` (as [`Window::rows`]), before column `j`.
    pub(super) fn new(rows: [(usize, &'p [Shared]); DP_WIDEST], j: usize) -> Self {
        let mut w = Window {
            rows,
            at: Default::default(),
        };
        (j.saturating_sub(DP_WIDEST - 1)..j).for_each(|c| w.advance(c));
        w
    }

    /// Moves the window to column `j`, the next.
    #[inline]
    pub(super) fn advance(&mut self, j: usize) {
        for (row, &(first, pairs)) in self.at.iter_mut().zip(&self.rows) {
            row.copy_within(0..DP_WIDEST - 1, 1);
            // Column 0 holds no Russian item: it wraps to a missing pair.
            row[0] = pairs.get(j.wrapping_sub(first)).copied().unwrap_or_default();
        }
    }

    /// What the bead of `a` English and `b` Russian sentences ending at the cell shares, as
    /// [`Shared::of`] sums it.
    #[inline]
    pub(super) fn shared(&self, a: usize, b: usize) -> Shared {
        // With one sentence on a side, each sentence of the other has one partner: the words
        // the side of several finds are all the pairs', summed as anchors are.
        match (a, b) {
            (1, _) => self.at[0][..b].iter().sum(),
            (_, 1) => self.at[..a].iter().map(|row| &row[0]).sum(),
            _ => Shared::of::<DP_WIDEST>(self.at[..a].iter().map(|row| &row[..b])),
        }
    }
}

impl<'a> Scorer<'a> {
    pub(super) fn new(en: &'a [Item], ru: &'a [Item], model: Model) -> Self {
        Scorer {
            en: Seq::new(en),
            ru: Seq::new(ru),
            model,
            merge: 1.0,
        }
    }

    /// A scorer of beads of whole paragraphs (or runs of them), `en` and `ru`.
    pub(super) fn of_paragraphs(en: &'a [Item], ru: &'a [Item], model: Model) -> Self {
        Scorer {
            merge: PARAGRAPH_MERGE,
            ..Scorer::new(en, ru, model)
        }
    }

    /// The same scorer over English items `en` and Russian items `ru` only.
    pub(super) fn part(&self, en: Range<usize>, ru: Range<usize>) -> Scorer<'a> {
        Scorer {
            merge: self.merge,
            ..Scorer::new(&self.en.items[en], &self.ru.items[ru], self.model)
        }
    }

    /// What opening a run of untranslated sentences costs with a gap bead of state `to` (1
    /// English, 2 Russian) ending at (`i`, `j`) ([`Seq::gap_open`]).
    #[inline]
    pub(super) fn gap_open(&self, to: usize, i: usize, j: usize) -> f32 {
        match to {
            1 => self.en.gap_open(i - 1),
            2 => self.ru.gap_open(j - 1),
            _ => GAP_OPEN,
        }
    }

    /// What the kinds of the blocks of English item `e` and Russian item `r` add to a pairing of them.
    #[inline]
    pub(super) fn kinds(&self, e: usize, r: usize) -> f32 {
        match (self.en.items[e].kind, self.ru.items[r].kind) {
            (x, y) if x == y => 0.0,
            (BlockKind::Turn(_), BlockKind::Turn(_)) => self.model.other_speaker,
            _ => self.model.other_kind,
        }
    }

    /// What English item `e` and Russian item `r` share.
    #[inline]
    pub(super) fn pair(&self, e: usize, r: usize) -> Shared {
        let (e, r) = (&self.en.items[e].features, &self.ru.items[r].features);
        Shared::of_pair(e, r, common(&e.concepts, &r.concepts))
    }

    /// [`Scorer::pair`] of English item `e` with each Russian item of `ru`, appended to `out`:
    /// `e`'s concepts are marked once in `marks` and each Russian list looked up there, instead
    /// of merging `e`'s long list again with every list of the row.
    pub(super) fn pairs(&self, e: usize, ru: Range<usize>, marks: &mut Marks, out: &mut Vec<Shared>) {
        let e = &self.en.items[e].features;
        marks.set(e);
        out.extend(ru.map(|r| marks.shared(e, &self.ru.items[r].features)));
    }

    /// What the sentence pairs of `en[i-a..i]` × `ru[j-b..j]` share. A bead holds at most
    /// [`WIDEST`] sentences a side (the DP's reach, and `absorb` keeps to it); a wider one panics.
    pub(super) fn shared(&self, i: usize, j: usize, a: usize, b: usize) -> Shared {
        debug_assert!(a <= WIDEST && b <= WIDEST, "a bead of {a} × {b} sentences");
        let mut rows = [[Shared::default(); WIDEST]; WIDEST];
        for (row, e) in rows.iter_mut().zip(i - a..i) {
            for (pair, r) in row.iter_mut().zip(j - b..j) {
                *pair = self.pair(e, r);
            }
        }
        Shared::of::<WIDEST>(rows[..a].iter().map(|row| &row[..b]))
    }

    /// The lexical term of pairing sentences with `known` words the lexicon knows (both sides),
    /// whose sentence pairs share `words` concepts: below 0 where more of their known words
    /// translate each other than between unrelated sentences, above where fewer. Sentences with
    /// few known words say little.
    #[inline]
    pub(super) fn lexical(&self, known: u64, words: u32) -> f32 {
        if known == 0 {
            return 0.0;
        }
        let known = known as f32;
        let dice = (2.0 * words as f32 / known).min(1.0);
        LEXICAL * (known / LEXICAL_WORDS).min(1.0) * (LEXICAL_CHANCE - dice)
    }

    /// The least [`Scorer::lexical`] can be for `known` words, with every one shared: what it
    /// is for any `words` at least half the known ones, without a division.
    #[inline]
    pub(super) fn lexical_floor(&self, known: u64) -> f32 {
        if known == 0 {
            return 0.0;
        }
        LEXICAL * (known as f32 / LEXICAL_WORDS).min(1.0) * (LEXICAL_CHANCE - 1.0)
    }

    /// The length term of pairing `en` chars of English with `ru` of Russian: δ²/2 of
    /// Gale–Church, with no square root to take in the innermost loop.
    #[inline]
    pub(super) fn length(&self, en: u64, ru: u64) -> f32 {
        let (le, lr) = (en as f32, ru as f32);
        let expected = self.model.ratio * le;
        ((lr - expected).powi(2) / (S2 * (expected + lr) + 2.0)).min(25.0)
    }

    /// The cost of bead `b`, at its shape's prior ([`prior`]): of a bead of the path, whatever
    /// its shape.
    pub(super) fn price(&self, b: &Bead) -> Cost {
        let (i, j, a, n) = (b.en.end, b.ru.end, b.en.len(), b.ru.len());
        // A gap shares nothing: [`Scorer::cost`] prices it by its sentences alone.
        let shared = if b.is_gap() {
            Shared::default()
        } else {
            self.shared(i, j, a, n)
        };
        self.cost(i, j, a, n, prior(a, n) * self.merge, shared)
    }

    /// The cost of pairing `en[i-a..i]` with `ru[j-b..j]`, whose sentence pairs share `shared`.
    #[inline]
    pub(super) fn cost(&self, i: usize, j: usize, a: usize, b: usize, prior: f32, shared: Shared) -> Cost {
        if a == 0 || b == 0 {
            return Cost {
                fit: GAP * (a + b) as f32,
                prior: 0.0,
            };
        }
        let (te, tr) = (self.en.sum(i - a, i), self.ru.sum(j - b, j));
        let terms = Terms {
            prior,
            length: self.length(te.chars, tr.chars),
            lexical: self.lexical(te.known + tr.known, shared.words),
        };
        self.pair_cost(i, j, a, b, shared, terms)
    }

    /// [`Scorer::cost`] of a pair bead (`a` and `b` above 0) whose length and lexical terms are
    /// known: the DP has them from bounding the bead.
    #[inline(always)]
    pub(super) fn pair_cost(
        &self,
        i: usize,
        j: usize,
        a: usize,
        b: usize,
        shared: Shared,
        Terms {
            prior,
            length,
            lexical,
        }: Terms,
    ) -> Cost {
        let (en, ru) = (&self.en, &self.ru);
        let straddles = u8::from(i - a < en.block_start[i - 1]) + u8::from(j - b < ru.block_start[j - 1]);
        let structure = self.kinds(i - 1, j - 1) + BLOCK_EDGE * f32::from(straddles);
        let (e_first, r_first) = (en.starts_at(i - a), ru.starts_at(j - b));
        let edges = u64::from(e_first != r_first) + u64::from(en.starts_at(i) != ru.starts_at(j));
        let (te, tr) = (en.sum(i - a, i), ru.sum(j - b, j));
        // Paragraph breaks inside the bead, on one side and not the other.
        let inner = (te.starts - u64::from(e_first)).abs_diff(tr.starts - u64::from(r_first));
        let edges = self.model.para_edge * (edges + inner) as f32;
        let anchors = anchor_cost(shared, te.strong.min(tr.strong) as u32);
        let questions = QUESTION * te.questions.abs_diff(tr.questions) as f32;
        let speech = self.model.speech * f32::from((te.speeches > 0) != (tr.speeches > 0));
        let fit = length + anchors + lexical + structure + edges + questions + speech;
        Cost { fit, prior }
    }
}

/// A pair bead's prior, length term ([`Scorer::length`]) and lexical term ([`Scorer::lexical`]).
pub(super) struct Terms {
    pub(super) prior: f32,
    pub(super) length: f32,
    pub(super) lexical: f32,
}

/// Shared anchors lower the cost; strong anchors (numbers, names) present on both sides yet
/// unmatched raise it, which is what keeps unrelated texts of fitting length apart. For a bead of
/// several sentences the counts are summed over its sentence pairs: a key repeated in two
/// sentences counts twice, which is rare, and lets the DP reuse each pair's counts in every bead
/// containing it. `strong_both` is the lesser of the two sides' strong key counts.
fn anchor_cost(shared: Shared, strong_both: u32) -> f32 {
    let missed = strong_both.saturating_sub(shared.strong);
    0.7 * missed.min(4) as f32 - bonus(shared)
}

/// What shared anchors take off a bead's cost.
pub(super) fn bonus(s: Shared) -> f32 {
    (s.strong as f32 + 0.5 * (s.all - s.strong) as f32).min(BONUS_CAP)
}

/// One English sentence marked for [`Scorer::pairs`] to look up what each Russian sentence of
/// its row shares with it, instead of merging its lists with each of theirs.
pub(super) struct Marks {
    /// Per concept id, the number (modulo 255, from 1) of the sentence marked last that has it:
    /// marking another sentence needs no clearing but once in 255 marks. A byte per id keeps
    /// the built-in table's ids in the first level of cache, where every Russian concept of
    /// the row is looked up.
    concepts: Vec<u8>,
    /// The number of the sentence marked.
    stamp: u8,
    /// The sentence's keys in an open-addressed table: each slot 0 or 1 + the index of a key,
    /// found from [`slot`] of its identity on.
    keys: [u8; SLOTS],
    /// Whether the keys are in `keys`: a sentence of too many is merged as [`shared`] does.
    hashed: bool,
}

/// Slots of [`Marks::keys`], at most half of them taken.
const SLOTS: usize = 256;

impl Default for Marks {
    fn default() -> Self {
        Marks {
            concepts: Vec::new(),
            stamp: 0,
            keys: [0; SLOTS],
            hashed: false,
        }
    }
}

/// Where the search for a key (strength aside, `id`) starts in [`Marks::keys`]: keys of numbers
/// differ in their high bits, hashes of words in all.
fn slot(id: u64) -> usize {
    (id.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 56) as usize
}

impl Marks {
    /// Marks sentence `e`.
    fn set(&mut self, e: &Features) {
        self.stamp = self.stamp.checked_add(1).unwrap_or_else(|| {
            self.concepts.fill(0);
            1
        });
        for &c in &e.concepts {
            let c = c as usize;
            if c >= self.concepts.len() {
                self.concepts.resize(c + 1, 0);
            }
            self.concepts[c] = self.stamp;
        }
        self.keys = [0; SLOTS];
        self.hashed = e.keys.len() <= SLOTS / 2;
        if self.hashed {
            for (k, &key) in e.keys.iter().enumerate() {
                let mut at = slot(key & !STRONG);
                while self.keys[at] != 0 {
                    at = (at + 1) % SLOTS;
                }
                self.keys[at] = k as u8 + 1;
            }
        }
    }

    /// What `r` shares with `e`, the sentence marked: as [`Scorer::pair`] finds.
    #[inline]
    fn shared(&self, e: &Features, r: &Features) -> Shared {
        let (all, strong) = if e.signature & r.signature == 0 {
            (0, 0)
        } else if self.hashed {
            self.keys_shared(&e.keys, &r.keys)
        } else {
            shared(&e.keys, &r.keys)
        };
        let words = r
            .concepts
            .iter()
            .filter(|&&c| self.concepts.get(c as usize) == Some(&self.stamp))
            .count() as u32;
        Shared { all, strong, words }
    }

    /// [`shared`] of `mine`, the keys marked, and `theirs`.
    fn keys_shared(&self, mine: &[u64], theirs: &[u64]) -> (u32, u32) {
        let (mut all, mut strong) = (0, 0);
        for &key in theirs {
            let id = key & !STRONG;
            let mut at = slot(id);
            while let Some(k) = usize::from(self.keys[at]).checked_sub(1) {
                if mine[k] & !STRONG == id {
                    all += 1;
                    // `2,000` matches `две тысячи`: strong if either side is.
                    strong += u32::from((mine[k] | key) & STRONG != 0);
                    break;
                }
                at = (at + 1) % SLOTS;
            }
        }
        (all, strong)
    }
}

/// How many ids two sorted lists have in common. Without branches on the comparison, which a
/// processor cannot predict in a merge: this runs once per sentence pair in the band.
pub(super) fn common(a: &[u32], b: &[u32]) -> u32 {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        n += u32::from(x == y);
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::beads::items_of;
    use crate::model::Lang;

    fn items(texts: &[&str], lang: Lang) -> Vec<Item> {
        items_of(texts, lang, BlockKind::Narration)
    }

    /// Checks that each English item's row of [`Scorer::pairs`] over `ru` is what
    /// [`Scorer::pair`] finds for each pair alone.
    fn rows_are_pairs(s: &Scorer, ru: Range<usize>) {
        let mut marks = Marks::default();
        for e in 0..s.en.len() {
            let mut row = Vec::new();
            s.pairs(e, ru.clone(), &mut marks, &mut row);
            let each: Vec<Shared> = ru.clone().map(|r| s.pair(e, r)).collect();
            assert_eq!(row, each, "English item {e}");
        }
    }

    #[test]
    fn a_row_of_pairs_shares_what_each_pair_shares() {
        let en = items(
            &[
                "The king's horse drank water at 5 o'clock.",
                "The cat sat by the window and watched the birds.",
                "Putin met Lukashenko in Minsk.",
                "More than two thousand companies work in Belarus.",
            ],
            Lang::En,
        );
        let ru = items(
            &[
                "Король напоил коня водой в 5 часов.",
                "Кошка сидела у окна и смотрела на птиц.",
                "Путин встретился с Лукашенко в Минске.",
                "Звёзды светили над морем.",
                "В Белоруссии работают более 2 000 компаний.",
            ],
            Lang::Ru,
        );
        let s = Scorer::new(&en, &ru, FIRST);
        // The row starts past the first item, as the DP's rows do.
        rows_are_pairs(&s, 1..ru.len());
        let (cat, putin) = (s.pair(1, 1), s.pair(2, 2));
        assert!(cat.words >= 2 && s.pair(1, 3).words == 0, "{cat:?}");
        assert!(putin.strong >= 2 && s.pair(2, 1).all == 0, "{putin:?}");
        // A spelled number matches its digits, strong as the digits are.
        let thousands = s.pair(3, 4);
        assert!(thousands.strong >= 2, "{thousands:?}");
    }

    #[test]
    fn rows_share_what_their_pairs_share_after_the_marks_wrap_around() {
        // More rows than marks have numbers: the concepts of the first row, marked by no row
        // since, must not count as marked when the numbers start again.
        let en_texts: Vec<&str> = std::iter::once("The cat sat by the window.")
            .chain(std::iter::repeat_n("The king drank water.", 299))
            .collect();
        let en = items(&en_texts, Lang::En);
        let ru = items(&["Кошка сидела у окна.", "Король пил воду."], Lang::Ru);
        let s = Scorer::new(&en, &ru, FIRST);
        assert!(s.pair(0, 0).words > 0 && s.pair(1, 0).words == 0 && s.pair(1, 1).words > 0);
        rows_are_pairs(&s, 0..ru.len());
    }

    #[test]
    fn sentences_of_many_keys_share_in_a_row_what_they_share_alone() {
        // Numbers enough that keys share table slots, and more than the table takes.
        let numbers =
            |from: usize, to: usize| (from..to).map(|k| format!("{k}")).collect::<Vec<_>>().join("; ");
        let en_texts = [
            numbers(1, 60),
            numbers(1, 120),
            numbers(1, 300),
            "None here.".to_string(),
        ];
        let ru_texts = [numbers(50, 90), numbers(100, 400), "Нет.".to_string()];
        let en = items(&en_texts.iter().map(String::as_str).collect::<Vec<_>>(), Lang::En);
        let ru = items(&ru_texts.iter().map(String::as_str).collect::<Vec<_>>(), Lang::Ru);
        assert!(en[2].features.keys.len() > SLOTS / 2);
        let s = Scorer::new(&en, &ru, FIRST);
        rows_are_pairs(&s, 0..ru.len());
        assert_eq!((s.pair(1, 1).all, s.pair(2, 1).all), (20, 200));
    }

    #[test]
    fn a_window_shares_what_the_pairs_of_each_bead_share() {
        // Three rows of pairs over columns 1 to 6, the first row's starting a column later.
        let pair = |r: u32, c: u32| Shared {
            all: r + c,
            strong: (r * c) % 3,
            words: (r * 7 + c * 5) % 4,
        };
        let rows: Vec<(usize, Vec<Shared>)> = (1..=3)
            .map(|r| {
                let first = if r == 1 { 2 } else { 1 };
                (first, (first..=6).map(|c| pair(r as u32, c as u32)).collect())
            })
            .collect();
        let above = std::array::from_fn(|k| (rows[2 - k].0, rows[2 - k].1.as_slice()));
        let mut window = Window::new(above, 3);
        for j in 3..=6 {
            window.advance(j);
            for &(a, b, _) in BEADS.iter().filter(|&&(a, b, _)| a > 0 && b > 0) {
                let block = rows[3 - a..]
                    .iter()
                    .map(|(first, row)| &row[j + 1 - b - first..=j - first]);
                assert_eq!(
                    window.shared(a, b),
                    Shared::of::<DP_WIDEST>(block),
                    "{a}×{b} at {j}"
                );
            }
        }
    }
}
