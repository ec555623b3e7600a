//! The bead aligner: a minimum-cost monotone alignment of two sentence sequences (Gale–Church
//! beads 1–1, 1–0, 0–1, 2–1, 1–2, 2–2, 3–1, 1–3, priced by [`super::cost`]), exact for short
//! documents and otherwise banded ([`super::band`]) around a coarser pass over paragraphs, so that
//! time and memory grow linearly with the document.

use super::anchors::Features;
use super::band::{Band, anchored, guide_of, pressed, rectangles, through};
use super::cost::Scorer;
use super::dp::dp;
use super::params::*;
use crate::model::BlockKind;
use std::ops::Range;

/// One sentence of one side, with where it sits in the document.
#[derive(Debug, Clone)]
pub struct Item {
    pub features: Features,
    /// Index of the block in its version; beads never straddle two blocks.
    pub block: u32,
    /// What the block is: pairing blocks of different kinds, or turns of different speakers, costs
    /// what the document says such a mismatch is worth ([`Model`]).
    pub kind: BlockKind,
    /// Whether the item starts a paragraph: translators mostly keep paragraphs, so a bead whose
    /// edges are paragraph edges on one side only costs [`Model::para_edge`].
    pub para_start: bool,
}

/// Whether any of `items` is direct speech.
pub fn speaks(items: &[Item]) -> bool {
    items.iter().any(|it| it.features.speech)
}

/// One step of the path: item ranges of each side (either may be empty) and the link's confidence.
#[derive(Debug, Clone, PartialEq)]
pub struct Bead {
    pub en: Range<usize>,
    pub ru: Range<usize>,
    pub confidence: f32,
}

impl Bead {
    /// Whether the bead leaves its sentences untranslated: one side is empty.
    pub fn is_gap(&self) -> bool {
        self.en.is_empty() || self.ru.is_empty()
    }
}

/// The index ranges of the runs of consecutive gaps in `path`, each as long as it goes, in order.
pub fn gap_runs(path: &[Bead]) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut k = 0;
    std::iter::from_fn(move || {
        let start = k + path.get(k..)?.iter().position(Bead::is_gap)?;
        let end = path[start..]
            .iter()
            .position(|b| !b.is_gap())
            .map_or(path.len(), |n| start + n);
        k = end;
        Some(start..end)
    })
}

/// Aligns `en` with `ru`, returning the beads of the cheapest path in order.
pub fn align(en: &[Item], ru: &[Item], model: Model) -> Vec<Bead> {
    align_within(en, ru, model, FULL_LIMIT)
}

/// Aligns `en` with `ru` again under another model, near `path`, a path found under a model
/// that differs in its weights, not in where the text goes: in a band around it, without
/// [`align`]'s coarse pass, exactly where [`align`] would be exact. Given `rows`, only the
/// stretches around them: where the new model prices the old path differently.
pub fn realign(en: &[Item], ru: &[Item], model: Model, path: &[Bead], rows: Option<Vec<usize>>) -> Vec<Bead> {
    let (n, m) = (en.len(), ru.len());
    if n == 0 || m == 0 {
        return path.to_vec();
    }
    let scorer = Scorer::new(en, ru, model);
    let full = n.saturating_mul(m + 1) <= FULL_LIMIT;
    if full {
        return banded_around(&scorer, full, Vec::new(), REFINE_BAND, Mend::Locally);
    }
    let centre = guide_of(path, n);
    match rows {
        Some(rows) if rows.is_empty() => path.to_vec(),
        Some(rows) => mended(&scorer, path, &centre, rows, REFINE_BAND, TRIES, Mend::Locally),
        None => repaired(&scorer, centre, REFINE_BAND, TRIES, Mend::Locally),
    }
}

/// The English rows where `path` pairs blocks of different kinds or speakers, straddles a
/// block edge, or pairs speech with narration: where a model that prices structure anew may
/// move it.
pub fn structural(en: &[Item], ru: &[Item], path: &[Bead]) -> Vec<usize> {
    let straddles =
        |items: &[Item], r: &Range<usize>| r.len() > 1 && items[r.start].block != items[r.end - 1].block;
    path.iter()
        .filter(|b| !b.is_gap())
        .filter(|b| {
            en[b.en.end - 1].kind != ru[b.ru.end - 1].kind
                || straddles(en, &b.en)
                || straddles(ru, &b.ru)
                || speaks(&en[b.en.clone()]) != speaks(&ru[b.ru.clone()])
        })
        .map(|b| b.en.end)
        .collect()
}

/// [`align`], banded once the exact DP would visit more than `full_limit` cells.
fn align_within(en: &[Item], ru: &[Item], model: Model, full_limit: usize) -> Vec<Bead> {
    let (n, m) = (en.len(), ru.len());
    if n == 0 || m == 0 {
        // Nothing to pair: every sentence of the present side is a gap.
        return (0..n)
            .map(|i| gap(i..i + 1, 0..0))
            .chain((0..m).map(|j| gap(0..0, j..j + 1)))
            .collect();
    }
    let full = n.saturating_mul(m + 1) <= full_limit;
    let scorer = Scorer::new(en, ru, model);
    let most = paragraph_count(en).max(paragraph_count(ru));
    if !full && most.saturating_mul(UNBROKEN) < n.max(m) {
        // Neither version breaks its text into paragraphs: a pass over sentences, in the wide
        // band a paragraph pass takes, around the chain of anchors said once.
        return banded(&scorer, BAND);
    }
    let centre = if full {
        Vec::new()
    } else {
        // A first pass over whole paragraphs, three times fewer on each side, finds where the
        // sentence band belongs, so that the sentence pass rarely needs a second try.
        let ((en_paras, en_first), (ru_paras, ru_first)) = (paragraphs(en, most), paragraphs(ru, most));
        rectangles(&paragraph_pass(&en_paras, &ru_paras, model), &en_first, &ru_first)
    };
    banded_around(&scorer, full, centre, AROUND_PARAGRAPHS, Mend::Locally)
}

/// The path over paragraphs: in a band around the chain of anchors said once; on a document so
/// long that, with few of them, its path may stray from that chain by more than the band is
/// wide, around a pass over runs of [`GROUP`] paragraphs instead, which strays a fraction as far.
fn paragraph_pass(en: &[Item], ru: &[Item], model: Model) -> Vec<Bead> {
    let scorer = Scorer::of_paragraphs(en, ru, model);
    if en.len().saturating_mul(ru.len()) <= GROUPED_LIMIT {
        return banded(&scorer, BAND);
    }
    let (en_groups, en_first) = runs(en, |k| k % GROUP == 0);
    let (ru_groups, ru_first) = runs(ru, |k| k % GROUP == 0);
    let coarse = banded(
        &Scorer::of_paragraphs(&en_groups, &ru_groups, model),
        GROUPED_BAND,
    );
    let corners = coarse.iter().map(|b| (en_first[b.en.end], ru_first[b.ru.end]));
    let centre = through(corners, &scorer.en.chars(), &scorer.ru.chars());
    repaired(&scorer, centre, BAND, TRIES, Mend::Locally)
}

/// Each paragraph as one item, and the index of each paragraph's first item (plus the end).
/// Where one side never breaks its text (a book pasted as one line), its single paragraph would
/// pair with a few of the other side's and leave the rest out, and the guide would run far from
/// the sentences' path. So a paragraph longer than the sentence band is wide, and than the
/// widest bead of runs of a `count`th of its side, is cut into such runs; `count` is how many
/// paragraphs the version with more has, so that both sides come in runs of a like share of
/// the text: the unbroken side's text, and any paragraph of the other far longer than its own
/// typical one, which would meet as many short runs.
fn paragraphs(items: &[Item], count: usize) -> (Vec<Item>, Vec<usize>) {
    let chunk = items.len().div_ceil(count.max(1)).max(1);
    let mut cut = vec![false; items.len()];
    let mut start = 0;
    for end in 1..=items.len() {
        if end < items.len() && !items[end].para_start {
            continue;
        }
        let long = end - start > FINE_BAND.max(DP_WIDEST * chunk);
        for (offset, c) in cut[start..end].iter_mut().enumerate() {
            *c = offset == 0 || (long && offset % chunk == 0);
        }
        start = end;
    }
    runs(items, |k| cut[k])
}

/// How many paragraphs `items` hold.
fn paragraph_count(items: &[Item]) -> usize {
    items.iter().filter(|it| it.para_start).count()
}

/// Each run of `items` as one item, a run starting at each item where `starts`; and the index of
/// each run's first item (plus the end).
fn runs(items: &[Item], starts: impl Fn(usize) -> bool) -> (Vec<Item>, Vec<usize>) {
    let mut first: Vec<usize> = (0..items.len()).filter(|&k| k == 0 || starts(k)).collect();
    let merged = first
        .iter()
        .enumerate()
        .map(|(p, &k)| {
            let end = first.get(p + 1).copied().unwrap_or(items.len());
            Item {
                features: Features::merged(items[k..end].iter().map(|it| &it.features)),
                block: items[k].block,
                kind: items[k].kind,
                para_start: true,
            }
        })
        .collect();
    first.push(items.len());
    (merged, first)
}

/// The DP banded around the guide of [`anchored`].
fn banded(scorer: &Scorer, half: usize) -> Vec<Bead> {
    repaired(
        scorer,
        anchored(&scorer.en, &scorer.ru),
        half,
        TRIES,
        Mend::ToTheEnd,
    )
}

/// The DP, exact or banded around `centre` (per row, the first and last column to cover).
fn banded_around(
    scorer: &Scorer,
    full: bool,
    centre: Vec<(usize, usize)>,
    half: usize,
    mend: Mend,
) -> Vec<Bead> {
    if full {
        return dp(scorer, &Band::full(scorer.en.len(), scorer.ru.len()));
    }
    repaired(scorer, centre, half, TRIES, mend)
}

/// Where a pass aligns again after its path pressed on the band.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mend {
    /// Around each place on its own, between the path's cells at either side: for a band around
    /// a path found at a coarser scale, from which the true path strays only locally.
    Locally,
    /// From the first place to the end: for a band around a mere line, which a long omission
    /// leaves for good, so that none of the path after it can be trusted.
    ToTheEnd,
}

/// The DP banded around `centre`; then, where the path pressed on the band's edge and so may have
/// been cut off (an omission may be longer than the band is wide), the stretch around it aligned
/// again, between the path's cells at its ends, in a band stretched over that path and widened,
/// and so on for up to `tries` passes. Only the trouble spots are aligned again, so a retry on a
/// long document costs what they do, not another pass over all of it.
fn repaired(
    scorer: &Scorer,
    centre: Vec<(usize, usize)>,
    half: usize,
    tries: usize,
    mend: Mend,
) -> Vec<Bead> {
    let band = Band::around(&centre, scorer.ru.len(), half);
    let path = dp(scorer, &band);
    let pressed = pressed(&path, &band);
    if pressed.is_empty() || tries <= 1 {
        return path;
    }
    mended(scorer, &path, &centre, pressed, half, tries, mend)
}

/// `path`, found in a band around `centre`, with the stretches around `rows` (in order) aligned
/// again by [`repaired`], each between the path's cells at its ends, in a band stretched over
/// the old band and the path, a half-width wider near the rows.
fn mended(
    scorer: &Scorer,
    path: &[Bead],
    centre: &[(usize, usize)],
    rows: Vec<usize>,
    half: usize,
    tries: usize,
    mend: Mend,
) -> Vec<Bead> {
    let (n, m) = (scorer.en.len(), scorer.ru.len());
    // Rows to align again: around each of `rows`, overlapping stretches merged. Only rows near
    // one are widened; the rest of a stretch to the end just takes in the path.
    let reach = PRESSED_REACH * half;
    let mut near = vec![0i32; n + 2];
    for &i in &rows {
        near[i.saturating_sub(reach)] += 1;
        near[(i + reach + 1).min(n + 1)] -= 1;
    }
    let near: Vec<bool> = near
        .iter()
        .scan(0, |open, &d| {
            *open += d;
            Some(*open > 0)
        })
        .collect();
    let mut stretches: Vec<(usize, usize)> = Vec::new();
    for i in rows {
        let hi = if mend == Mend::ToTheEnd {
            n
        } else {
            (i + reach).min(n)
        };
        let lo = i.saturating_sub(reach);
        match stretches.last_mut() {
            Some(last) if lo <= last.1 => last.1 = last.1.max(hi),
            _ => stretches.push((lo, hi)),
        }
    }
    let guide = guide_of(path, n);
    let mut out = Vec::with_capacity(path.len());
    let mut next = 0;
    for (lo, hi) in stretches {
        // From the end of the last bead ending by row `lo` to that of the first reaching `hi`.
        let start = next + path[next..].iter().take_while(|b| b.en.end <= lo).count();
        let end = if hi == n {
            path.len()
        } else {
            start
                + path[start..]
                    .iter()
                    .position(|b| b.en.end >= hi)
                    .map_or(path.len() - start, |k| k + 1)
        };
        out.extend_from_slice(&path[next..start]);
        let (i0, j0) = out.last().map_or((0, 0), |b: &Bead| (b.en.end, b.ru.end));
        let (i1, j1) = path[end - 1..end]
            .first()
            .map_or((n, m), |b| (b.en.end, b.ru.end));
        if i1 == i0 || j1 == j0 {
            out.extend_from_slice(&path[start..end]);
            next = end;
            continue;
        }
        let part = scorer.part(i0..i1, j0..j1);
        // The old band and the path, near where it pressed a half-width wider on each side.
        let centre: Vec<(usize, usize)> = (i0..=i1)
            .map(|i| {
                let (lo, hi) = (centre[i].0.min(guide[i].0), centre[i].1.max(guide[i].1));
                let wider = if near[i] { half } else { 0 };
                (
                    lo.saturating_sub(wider).clamp(j0, j1) - j0,
                    (hi + wider).clamp(j0, j1) - j0,
                )
            })
            .collect();
        out.extend(
            repaired(&part, centre, half, tries - 1, mend)
                .into_iter()
                .map(|b| Bead {
                    en: b.en.start + i0..b.en.end + i0,
                    ru: b.ru.start + j0..b.ru.end + j0,
                    confidence: b.confidence,
                }),
        );
        next = end;
    }
    out.extend_from_slice(&path[next..]);
    out
}

fn gap(en: Range<usize>, ru: Range<usize>) -> Bead {
    Bead {
        en,
        ru,
        confidence: 0.0,
    }
}

/// Items of `texts`, one sentence per paragraph as in a transcript of short answers, all of
/// block 0 and of `kind`: for the aligner's unit tests.
#[cfg(test)]
pub(super) fn items_of(texts: &[&str], lang: crate::model::Lang, kind: BlockKind) -> Vec<Item> {
    let mut reader = super::anchors::Reader::default();
    texts
        .iter()
        .map(|t| Item {
            features: reader.features(t, lang),
            block: 0,
            kind,
            para_start: true,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;

    const MODEL: Model = FIRST;

    fn refs(v: &[String]) -> Vec<&str> {
        v.iter().map(String::as_str).collect()
    }

    fn pairs(path: &[Bead]) -> Vec<(Range<usize>, Range<usize>)> {
        path.iter().map(|b| (b.en.clone(), b.ru.clone())).collect()
    }

    const EN: [&str; 4] = [
        "Russia accounts for about 60% of Belarus' foreign trade.",
        "Trade grew by 5.7% and exceeded $50 billion.",
        "More than 2,000 Russian companies operate in Belarus.",
        "Thank you.",
    ];
    const RU: [&str; 5] = [
        "На Россию приходится около 60 процентов внешнеторгового оборота Белоруссии.",
        "Товарооборот прибавил 5,7 процента и превысил 50 миллиардов долларов.",
        "Это рекорд, который мы давно ждали и о котором все говорили.",
        "В Белоруссии работает более 2 000 российских компаний.",
        "Спасибо.",
    ];

    #[test]
    fn pairs_translations_and_leaves_the_extra_sentence_alone() {
        let t = BlockKind::Turn(0);
        let path = align(&items_of(&EN, Lang::En, t), &items_of(&RU, Lang::Ru, t), MODEL);
        assert_eq!(
            pairs(&path),
            vec![
                (0..1, 0..1),
                (1..2, 1..2),
                (2..2, 2..3),
                (2..3, 3..4),
                (3..4, 4..5)
            ]
        );
        assert!(path[0].confidence > 0.8, "{path:?}");
        assert_eq!(path[2].confidence, 0.0);
    }

    #[test]
    fn a_merged_sentence_makes_a_two_to_one_bead() {
        let t = BlockKind::Turn(0);
        let ru = [
            "На Россию приходится около 60 процентов оборота Белоруссии, а товарооборот прибавил 5,7 процента и превысил 50 миллиардов долларов.",
        ];
        let path = align(
            &items_of(&EN[..2], Lang::En, t),
            &items_of(&ru, Lang::Ru, t),
            MODEL,
        );
        assert_eq!(pairs(&path), vec![(0..2, 0..1)]);
    }

    #[test]
    fn different_kinds_pair_at_a_cost() {
        // Ingest's reading of structure is a guess: a translation read as a heading on one side
        // and as a turn on the other still pairs, though less surely.
        let align_kinds = |en: BlockKind| {
            align(
                &items_of(&EN[..1], Lang::En, en),
                &items_of(&RU[..1], Lang::Ru, BlockKind::Turn(0)),
                MODEL,
            )
        };
        let (mixed, same) = (align_kinds(BlockKind::Heading), align_kinds(BlockKind::Turn(0)));
        assert_eq!(pairs(&mixed), vec![(0..1, 0..1)]);
        assert!(mixed[0].confidence < same[0].confidence, "{mixed:?} {same:?}");
    }

    /// Aligns 400 sentence pairs with 150 Russian-only sentences inserted after the 200th, with
    /// the band on (the exact DP would not need to find the omission), and checks that each
    /// English sentence is linked to its own Russian one and the omission left out (an extra
    /// sentence next to it may be merged into the pair beside it). Each sentence is a
    /// paragraph, or, with `one_paragraph`, each side is one: without paragraph edges to keep
    /// them apart, lengths alone may pair a few sentences two to one.
    fn follows_long_omission(
        en: impl Fn(usize) -> String,
        ru: impl Fn(usize) -> String,
        extra: impl Fn(usize) -> String,
        one_paragraph: bool,
    ) {
        let t = BlockKind::Turn(0);
        let en: Vec<String> = (0..400).map(en).collect();
        let mut ru: Vec<String> = (0..400).map(ru).collect();
        ru.splice(200..200, (0..150).map(extra));
        let (mut en, mut ru) = (
            items_of(&refs(&en), Lang::En, t),
            items_of(&refs(&ru), Lang::Ru, t),
        );
        if one_paragraph {
            for (k, item) in en.iter_mut().enumerate().chain(ru.iter_mut().enumerate()) {
                item.para_start = k == 0;
            }
        }
        let path = align_within(&en, &ru, MODEL, 0);
        let own = |k: usize| k + if k < 200 { 0 } else { 150 };
        let misplaced: Vec<_> = path
            .iter()
            .filter(|b| b.en.clone().any(|k| !b.ru.contains(&own(k))))
            .collect();
        assert!(
            misplaced.len() <= if one_paragraph { 10 } else { 0 },
            "{misplaced:?}"
        );
        let extras_linked = path
            .iter()
            .filter(|b| !b.is_gap())
            .flat_map(|b| b.ru.clone())
            .filter(|k| (200..350).contains(k))
            .count();
        assert!(
            extras_linked <= 1,
            "{extras_linked} of the omitted sentences linked"
        );
    }

    /// Asserts that the paragraph pass strays from the diagonal by less than the sentence band
    /// is wide, on 900 sentences that both versions say, the English in paragraphs of
    /// `en_sizes` sentences in turn, the Russian in paragraphs of `ru_sizes`.
    fn assert_paragraph_pass_near_the_diagonal(en_sizes: &[usize], ru_sizes: &[usize]) {
        let words = |k: usize| 2 + (k.wrapping_mul(2_654_435_761) >> 7) % 13;
        let en: Vec<String> = (0..900)
            .map(|k| format!("{}agreed.", "word ".repeat(words(k))))
            .collect();
        let ru: Vec<String> = (0..900)
            .map(|k| format!("{}согласовано.", "слово ".repeat(words(k))))
            .collect();
        let t = BlockKind::Narration;
        let (mut en, mut ru) = (
            items_of(&refs(&en), Lang::En, t),
            items_of(&refs(&ru), Lang::Ru, t),
        );
        let cut = |items: &mut [Item], sizes: &[usize]| {
            let starts: Vec<usize> = sizes
                .iter()
                .cycle()
                .scan(0, |k, n| Some(std::mem::replace(k, *k + n)))
                .take_while(|&k| k < items.len())
                .collect();
            for (k, item) in items.iter_mut().enumerate() {
                item.para_start = starts.contains(&k);
            }
        };
        cut(&mut en, en_sizes);
        cut(&mut ru, ru_sizes);
        let most = paragraph_count(&en).max(paragraph_count(&ru));
        let ((en_paras, en_first), (ru_paras, ru_first)) = (paragraphs(&en, most), paragraphs(&ru, most));
        let path = paragraph_pass(&en_paras, &ru_paras, MODEL);
        let strays = path
            .iter()
            .map(|b| en_first[b.en.end].abs_diff(ru_first[b.ru.end]))
            .max();
        assert!(
            strays < Some(FINE_BAND),
            "{strays:?} sentences off: {:?}",
            pairs(&path)
        );
    }

    #[test]
    fn the_sentence_band_holds_each_paragraph_pair_whole() {
        // English paragraphs of 3 and 2 sentences, Russian ones of 1 and 4; the paragraph path
        // pairs the first two and leaves each second paragraph out.
        let (en_first, ru_first) = ([0, 3, 5], [0, 1, 5]);
        let bead = |en: Range<usize>, ru: Range<usize>| Bead {
            en,
            ru,
            confidence: 1.0,
        };
        let path = [bead(0..1, 0..1), bead(1..2, 1..1), bead(2..2, 1..2)];
        // Each English row of the pair may take any Russian prefix of it; the rows of the English
        // paragraph left out, the one the pair ends at; the last row, the Russian left out.
        assert_eq!(
            rectangles(&path, &en_first, &ru_first),
            vec![(0, 1), (0, 1), (0, 1), (0, 1), (1, 1), (1, 5)]
        );
    }

    #[test]
    fn paragraphs_cut_apart_keep_the_paragraph_pass_near_the_diagonal() {
        // Both versions say every sentence, but paragraph them independently: the paragraph
        // pass must pair their paragraphs two or three to one rather than leave some out and
        // stray farther from the diagonal than the sentence band around it reaches.
        assert_paragraph_pass_near_the_diagonal(&[1, 2, 3], &[3, 1, 4, 2]);
    }

    #[test]
    fn a_version_never_broken_into_paragraphs_keeps_the_paragraph_pass_near_the_diagonal() {
        // The Russian is one paragraph of 900 sentences (a book pasted as one line): cut into
        // runs the English paragraphs' size, it still guides the sentence band.
        assert_paragraph_pass_near_the_diagonal(&[1, 2, 3], &[900]);
        // And the English paragraph far longer than the others meets the Russian runs cut
        // as short as those.
        assert_paragraph_pass_near_the_diagonal(&[2, 2, 2, 2, 2, 2, 2, 2, 2, 40], &[900]);
    }

    #[test]
    fn russian_running_on_after_the_english_ends_stays_in_the_band() {
        // The guide runs from the last English sentence to the far corner in one row: the band
        // must stay connected across that jump.
        let t = BlockKind::Turn(0);
        let mut en: Vec<String> = (0..300).map(|k| format!("Point {k} was agreed.")).collect();
        let mut ru: Vec<String> = (0..300).map(|k| format!("Пункт {k} согласован.")).collect();
        en.push("Thank you.".into());
        ru.push("Спасибо.".into());
        ru.extend((0..80).map(|k| format!("Лишнее {} сказано после.", 1000 + k)));
        let (en, ru) = (
            items_of(&refs(&en), Lang::En, t),
            items_of(&refs(&ru), Lang::Ru, t),
        );
        let path = align_within(&en, &ru, MODEL, 0);
        let paired: Vec<_> = path.iter().filter(|b| !b.is_gap()).collect();
        assert_eq!(paired.len(), 301, "{paired:?}");
        assert!(paired.iter().all(|b| b.en == b.ru), "{paired:?}");
    }

    #[test]
    fn the_band_follows_a_long_omission_along_unique_numbers() {
        // Far outside a band around the proportional diagonal; the numbers said once on each
        // side guide the band through it.
        follows_long_omission(
            |k| format!("Point {k} was agreed by Lukashenko."),
            |k| format!("Пункт {k} согласовал Лукашенко."),
            |k| format!("Лишнее {} сказано.", 1000 + k),
            false,
        );
    }

    #[test]
    fn the_band_follows_a_long_omission_by_length_alone() {
        // Lengths that do not repeat in a short period, as a real text's do not.
        let words = |k: usize| 2 + (k.wrapping_mul(2_654_435_761) >> 7) % 13;
        // No anchors at all: the band must widen and follow the path as it presses on the edge.
        for one_paragraph in [false, true] {
            follows_long_omission(
                |k| format!("{}agreed.", "word ".repeat(words(k))),
                |k| format!("{}согласовано.", "слово ".repeat(words(k))),
                |k| format!("{}сказано.", "лишнее ".repeat(30 + words(k))),
                one_paragraph,
            );
        }
    }

    #[test]
    fn speech_paired_with_narration_is_a_structural_mismatch() {
        // A second pass that only prices speech marks higher revisits these rows.
        let items = |texts, lang| items_of(texts, lang, BlockKind::Narration);
        let en = items(&["“Come in,” he said.", "It rained all day."], Lang::En);
        let ru = items(&["Весь день шёл дождь.", "— Входите, — сказал он."], Lang::Ru);
        let link = |en, ru| Bead {
            en,
            ru,
            confidence: 1.0,
        };
        let crossed = [link(0..1, 0..1), link(1..2, 1..2)];
        assert_eq!(structural(&en, &ru, &crossed), vec![1, 2]);
        // The English speech with the Russian speech, the narration left out: nothing to revisit.
        assert!(structural(&en, &ru, &[link(0..1, 1..2)]).is_empty());
    }
}
