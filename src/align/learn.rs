//! What a first pass over a document teaches the second: the length ratio of its translation,
//! how far ingest's reading of structure and the marks of direct speech agree across the two
//! versions, which speakers are one person under two names, which names the translation
//! translates (Hatter = Болванщик), and which words the built-in lexicon lacks translate each
//! other in this document.

use super::Side;
use super::beads::{Bead, speaks};
use super::params::*;
use crate::model::{BlockKind, ByLang, Lang};
use std::collections::HashMap;
use std::hash::Hash;

/// The second pass's model, and the speakers found to be one person.
pub struct Learned {
    pub model: Model,
    /// Russian speaker → English speaker, where ingest named one person apart.
    renamed: HashMap<usize, usize>,
    /// Russian name key → English name key, for names that translate instead of transliterating.
    names: HashMap<u64, u64>,
    /// Per side, stem key → concept id, for the word pairs the document's links teach.
    words: ByLang<HashMap<u32, u32>>,
}

impl Learned {
    /// Whether a second pass with this model would differ enough from one with `first` to be
    /// worth its time.
    pub fn differs_from(&self, first: &Model) -> bool {
        self.ratio_moved(first)
            || (self.model.other_kind - first.other_kind).abs() > 0.5
            || (self.model.other_speaker - first.other_speaker).abs() > 0.5
            || (self.model.para_edge - first.para_edge).abs() > 0.3
            || (self.model.speech - first.speech).abs() > 0.5
            || !self.renames_nothing()
    }

    /// Whether the model differs from `first` only in pricing structural mismatches higher: then
    /// a path that pairs no mismatch stays the cheapest.
    pub fn only_raises(&self, first: &Model) -> bool {
        !self.ratio_moved(first)
            && self.model.other_kind >= first.other_kind
            && self.model.other_speaker >= first.other_speaker
            && self.model.para_edge >= first.para_edge
            && self.model.speech >= first.speech
            && self.renames_nothing()
    }

    /// Whether [`Learned::rename`] leaves every item as it is: no speaker, name or word learned.
    fn renames_nothing(&self) -> bool {
        self.renamed.is_empty() && self.names.is_empty() && self.words.en.is_empty()
    }

    /// Whether the length ratio moved from `first`'s by more than 3 %.
    fn ratio_moved(&self, first: &Model) -> bool {
        (self.model.ratio / first.ratio - 1.0).abs() > 0.03
    }

    /// Gives the Russian items of a renamed speaker the English speaker's turns, so that the
    /// DP sees one person, translated names the keys of their English originals, and the words
    /// learned of both sides their concepts.
    pub fn rename(&self, sides: &mut ByLang<Side>) {
        for l in Lang::BOTH {
            if !self.words[l].is_empty() {
                for item in &mut sides[l].items {
                    item.features.learn_words(&self.words[l]);
                }
            }
        }
        for item in &mut sides.ru.items {
            if !self.names.is_empty() {
                item.features.rename(&self.names);
            }
            if let BlockKind::Turn(s) = item.kind
                && let Some(&e) = self.renamed.get(&s)
            {
                item.kind = BlockKind::Turn(e);
            }
        }
    }

    /// The renamed speakers as (English, Russian), in order.
    pub fn same_speakers(&self) -> Vec<(usize, usize)> {
        let mut pairs: Vec<(usize, usize)> = self.renamed.iter().map(|(&r, &e)| (e, r)).collect();
        pairs.sort_unstable();
        pairs
    }
}

/// Learns the second pass's model from the first pass's `path` over `sides`.
pub fn from(path: &[Bead], sides: &ByLang<Side>) -> Learned {
    let confident = || path.iter().filter(|b| b.confidence > CONFIDENT && !b.is_gap());
    let chars = |l: Lang| -> u64 {
        confident()
            .flat_map(|b| b.range(l))
            .map(|k| u64::from(sides[l].items[k].features.len))
            .sum()
    };
    let ratio = super::ratio(chars(Lang::Ru), chars(Lang::En));
    let kind = |l: Lang, b: &Bead| sides[l].items[b.range(l).end - 1].kind;
    let (mut same_kind, mut pairs) = (0u32, 0u32);
    let mut speakers: HashMap<(usize, usize), u32> = HashMap::new();
    for b in confident() {
        pairs += 1;
        match (kind(Lang::En, b), kind(Lang::Ru, b)) {
            (BlockKind::Turn(e), BlockKind::Turn(r)) => {
                same_kind += 1;
                *speakers.entry((e, r)).or_default() += 1;
            }
            (x, y) => same_kind += u32::from(x == y),
        }
    }
    // Each Russian speaker is the English speaker its confident turns pair with most, when that
    // is most of them.
    let mut best: HashMap<usize, (usize, u32, u32)> = HashMap::new();
    for (&(e, r), &n) in &speakers {
        let entry = best.entry(r).or_insert((e, 0, 0));
        entry.2 += n;
        if (n, std::cmp::Reverse(e)) > (entry.1, std::cmp::Reverse(entry.0)) {
            (entry.0, entry.1) = (e, n);
        }
    }
    let renamed: HashMap<usize, usize> = best
        .into_iter()
        .filter(|&(r, (e, n, all))| e != r && n >= SPEAKER_LINKS && 2 * n > all)
        .map(|(r, (e, ..))| (r, e))
        .collect();
    let (same_speaker, turn_pairs) = speakers.iter().fold((0, 0), |(same, all), (&(e, r), &n)| {
        let same_person = renamed.get(&r).copied().unwrap_or(r) == e;
        (same + if same_person { n } else { 0 }, all + n)
    });
    Learned {
        names: names(confident(), sides),
        words: words(confident(), sides),
        model: Model {
            ratio,
            other_kind: log_odds(same_kind, pairs, FIRST.other_kind),
            other_speaker: log_odds(same_speaker, turn_pairs, FIRST.other_speaker),
            para_edge: para_edge(path, sides),
            speech: speech(confident(), sides),
        },
        renamed,
    }
}

/// What direct speech on one side of a link and none on the other costs: how much likelier
/// that is between passages paired at random, given how often each side speaks, than in the
/// confident links. Where either side speaks in fewer than [`SPEECH_LINKS`] of them, nothing:
/// a quotation or two is no sign of how a document marks dialogue.
fn speech<'b>(confident: impl Iterator<Item = &'b Bead>, sides: &ByLang<Side>) -> f32 {
    let (mut mismatched, mut en, mut ru, mut all) = (0u32, 0u32, 0u32, 0u32);
    for b in confident {
        let (e, r) = (
            speaks(&sides.en.items[b.en.clone()]),
            speaks(&sides.ru.items[b.ru.clone()]),
        );
        mismatched += u32::from(e != r);
        en += u32::from(e);
        ru += u32::from(r);
        all += 1;
    }
    if en.min(ru) < SPEECH_LINKS {
        return 0.0;
    }
    let share = |n: u32| n as f32 / all as f32;
    let (pe, pr) = (share(en), share(ru));
    let at_random = pe * (1.0 - pr) + (1.0 - pe) * pr;
    if at_random == 0.0 {
        // Every link speaks on both sides: nothing to tell apart.
        return 0.0;
    }
    // The links' own rate, drawn towards the random one as a few links' worth of doubt.
    let in_links = (mismatched as f32 + PRIOR_LINKS * at_random) / (all as f32 + PRIOR_LINKS);
    (at_random / in_links).ln().clamp(0.0, MOST)
}

/// The names that translate: in the confident links, the strong keys of one side that the
/// other side lacks, paired where a Russian key and an English key meet in at least
/// [`NAME_LINKS`] links and in most of the links of each.
fn names<'b>(confident: impl Iterator<Item = &'b Bead>, sides: &ByLang<Side>) -> HashMap<u64, u64> {
    let mut counts = Cooccurrence::default();
    for b in confident {
        let items = |l: Lang| b.range(l).map(move |k| &sides[l].items[k].features);
        let lone = |l: Lang| {
            sorted_unique(
                items(l)
                    .flat_map(|f| f.names())
                    .filter(|&k| !items(l.other()).any(|f| f.has(k))),
            )
        };
        counts.add(&lone(Lang::En), &lone(Lang::Ru));
    }
    let Cooccurrence { seen, met } = counts;
    let mut best: HashMap<u64, (u64, u32)> = HashMap::new();
    for (&(e, r), &n) in &met {
        let entry = best.entry(r).or_insert((e, 0));
        if (n, std::cmp::Reverse(e)) > (entry.1, std::cmp::Reverse(entry.0)) {
            *entry = (e, n);
        }
    }
    best.into_iter()
        .filter(|&(r, (e, n))| n >= NAME_LINKS && 2 * n > seen.ru[&r] && 2 * n > seen.en[&e])
        .map(|(r, (e, _))| (r, e))
        .collect()
}

/// The word pairs the confident links teach, among the stems the built-in lexicon lacks: a
/// Russian and an English stem that meet in at least [`WORD_LINKS`] links, in most of the links
/// of each (Dice ≥ [`WORD_DICE`]), each stem paired with its likeliest partner only (competitive
/// linking). Each pair is a new concept, numbered past the lexicon's. At most [`WORD_SAMPLE`]
/// links, spread over the document, are read: a few thousand teach what there is to learn, and
/// a long document's need not cost more.
fn words<'b>(confident: impl Iterator<Item = &'b Bead>, sides: &ByLang<Side>) -> ByLang<HashMap<u32, u32>> {
    let links: Vec<&Bead> = confident.collect();
    let step = links.len().div_ceil(WORD_SAMPLE).max(1);
    let mut counts = Cooccurrence::default();
    for b in links.iter().step_by(step) {
        let stems = |l: Lang| {
            sorted_unique(
                b.range(l)
                    .flat_map(|k| sides[l].items[k].features.unknown.iter().copied()),
            )
        };
        counts.add(&stems(Lang::En), &stems(Lang::Ru));
    }
    let Cooccurrence { seen, met } = counts;
    let mut pairs: Vec<(f32, u32, u32, u32)> = met
        .into_iter()
        .filter(|&(_, n)| n >= WORD_LINKS)
        .map(|((e, r), n)| (2.0 * n as f32 / (seen.en[&e] + seen.ru[&r]) as f32, n, e, r))
        .filter(|&(dice, ..)| dice >= WORD_DICE)
        .collect();
    pairs.sort_unstable_by(|x, y| {
        y.0.total_cmp(&x.0)
            .then(y.1.cmp(&x.1))
            .then((x.2, x.3).cmp(&(y.2, y.3)))
    });
    let mut out: ByLang<HashMap<u32, u32>> = ByLang::default();
    let mut id = crate::lexicon::size();
    for (_, _, e, r) in pairs {
        if !out.en.contains_key(&e) && !out.ru.contains_key(&r) {
            out.en.insert(e, id);
            out.ru.insert(r, id);
            id += 1;
        }
    }
    out
}

/// In the links read, how many hold each key of each side, and each English key together with
/// each Russian one.
struct Cooccurrence<K> {
    seen: ByLang<HashMap<K, u32>>,
    met: HashMap<(K, K), u32>,
}

impl<K> Default for Cooccurrence<K> {
    fn default() -> Self {
        Cooccurrence {
            seen: ByLang::default(),
            met: HashMap::new(),
        }
    }
}

impl<K: Copy + Eq + Hash> Cooccurrence<K> {
    /// Counts a link whose sides hold the keys `en` and `ru`, each once.
    fn add(&mut self, en: &[K], ru: &[K]) {
        for (l, keys) in [(Lang::En, en), (Lang::Ru, ru)] {
            for &k in keys {
                *self.seen[l].entry(k).or_default() += 1;
            }
        }
        for &e in en {
            for &r in ru {
                *self.met.entry((e, r)).or_default() += 1;
            }
        }
    }
}

fn sorted_unique<K: Ord>(keys: impl Iterator<Item = K>) -> Vec<K> {
    let mut v: Vec<K> = keys.collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// What a paragraph edge on one side only costs: the log odds that the first pass's links begin
/// with an edge on both sides rather than on one (or hold one inside on one side), between
/// [`PARA_EDGE_LEAST`] where the versions were paragraphed apart and the first pass's price
/// where a translation keeps the original's paragraphs. All links count, not only the confident
/// ones: those are the ones whose edges agree.
fn para_edge(path: &[Bead], sides: &ByLang<Side>) -> f32 {
    let starts = |l: Lang, k: usize| sides[l].starts_at(k);
    let (mut both, mut one) = (0u32, 0u32);
    for b in path.iter().filter(|b| !b.is_gap()) {
        match (starts(Lang::En, b.en.start), starts(Lang::Ru, b.ru.start)) {
            (true, true) => both += 1,
            (false, false) => {}
            _ => one += 1,
        }
        for l in Lang::BOTH {
            one += b.range(l).skip(1).filter(|&k| starts(l, k)).count() as u32;
        }
    }
    log_odds(both, both + one, FIRST.para_edge).clamp(PARA_EDGE_LEAST, FIRST.para_edge)
}

/// What a mismatch costs when `agree` of `all` confident links agreed: the log odds of agreement,
/// starting from the first pass's belief worth [`PRIOR_LINKS`] links, so that a few links say
/// little, and never below 0 (a structure that never agrees is no evidence, not evidence against).
fn log_odds(agree: u32, all: u32, first: f32) -> f32 {
    let prior = 1.0 / (1.0 + (-first).exp());
    let p = (agree as f32 + PRIOR_LINKS * prior) / (all as f32 + PRIOR_LINKS);
    (p / (1.0 - p)).ln().clamp(0.0, MOST)
}
