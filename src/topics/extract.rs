//! Topic extraction: headings, the question or opening of each turn, and sentences holding key
//! terms; no part of a sentence shown by two topics.

use super::snippets::{cut, joined, window};
use super::terms::{Stems, TermStats, content_words, key_stems};
use super::{Topic, TopicKind};
use crate::align::{Alignment, Unit};
use crate::model::{BlockKind, ByLang, Lang, Transcript};
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// At most this many key-term topics per transcript, the best-scoring ones, so a keystroke stays cheap.
const MAX_TERM_TOPICS: usize = 3000;
/// Key-term sentences taken from each side of a unit.
const TERMS_PER_SIDE: usize = 2;

/// What the topics so far show: by (language, unit, sentence of the unit's side), the char
/// windows shown of it.
#[derive(Debug, Default)]
pub(super) struct Shown(HashMap<(Lang, usize, usize), Vec<Range<usize>>>);

impl Shown {
    fn whole(&mut self, lang: Lang, unit: usize, sentence: usize) {
        self.window(lang, unit, sentence, 0..usize::MAX);
    }

    fn window(&mut self, lang: Lang, unit: usize, sentence: usize, chars: Range<usize>) {
        self.0.entry((lang, unit, sentence)).or_default().push(chars);
    }

    /// Whether char `at` of the sentence is in view already.
    fn shows(&self, lang: Lang, unit: usize, sentence: usize, at: usize) -> bool {
        self.0
            .get(&(lang, unit, sentence))
            .is_some_and(|ws| ws.iter().any(|w| w.contains(&at)))
    }
}

/// The sentences of a unit's side, in order across its parts (the numbering `Link` uses).
fn side_sentences<'t>(t: &'t Transcript, u: &'t Unit, lang: Lang) -> Vec<&'t str> {
    u.sentences(t, lang).map(|s| s.text).collect()
}

fn side_kind(t: &Transcript, u: &Unit, lang: Lang) -> Option<BlockKind> {
    Some(t.version(lang)?.blocks.get(u.block(lang)?)?.kind)
}

pub(super) fn headings(t: &Transcript, a: &Alignment, shown: &mut Shown) -> Vec<Topic> {
    let mut out = Vec::new();
    for (unit, u) in a.units.iter().enumerate() {
        if !Lang::BOTH
            .iter()
            .any(|&l| side_kind(t, u, l) == Some(BlockKind::Heading))
        {
            continue;
        }
        let sentences = ByLang::new(side_sentences(t, u, Lang::En), side_sentences(t, u, Lang::Ru));
        for l in Lang::BOTH {
            (0..sentences[l].len()).for_each(|s| shown.whole(l, unit, s));
        }
        out.push(Topic {
            unit,
            kind: TopicKind::Heading,
            speaker: u.speaker,
            snippet: ByLang::new(joined(&sentences.en), joined(&sentences.ru)),
        });
    }
    out
}

/// A run of units spoken by one speaker in one block per side.
struct Turn {
    units: Range<usize>,
    speaker: usize,
    in_qa: bool,
}

/// Whether unit `u` is a heading that opens a Q&A section, by the notion ingest uses: a section merely
/// about questions («Вопросы безопасности») is not one.
fn opens_qa(t: &Transcript, u: &Unit) -> bool {
    Lang::BOTH.iter().any(|&l| {
        side_kind(t, u, l) == Some(BlockKind::Heading)
            && crate::ingest::is_qa_heading(&side_sentences(t, u, l).join(" "))
    })
}

fn turns(t: &Transcript, a: &Alignment) -> Vec<Turn> {
    let mut out: Vec<Turn> = Vec::new();
    let mut blocks: ByLang<Option<usize>> = ByLang::default();
    let mut in_qa = false;
    for (i, u) in a.units.iter().enumerate() {
        in_qa |= opens_qa(t, u);
        let Some(speaker) = u.speaker else {
            blocks = ByLang::default();
            continue;
        };
        let continues = out.last().is_some_and(|turn| {
            turn.units.end == i
                && turn.speaker == speaker
                && Lang::BOTH
                    .iter()
                    .all(|&l| blocks[l].is_none() || u.block(l).is_none() || blocks[l] == u.block(l))
        });
        match out.last_mut() {
            Some(turn) if continues => turn.units.end = i + 1,
            _ => {
                blocks = ByLang::default();
                out.push(Turn {
                    units: i..i + 1,
                    speaker,
                    in_qa,
                });
            }
        }
        for l in Lang::BOTH {
            blocks[l] = u.block(l).or(blocks[l]);
        }
    }
    out
}

fn is_question(sentence: &str) -> bool {
    sentence
        .trim_end_matches(|c: char| c.is_whitespace() || "\"'»”’)".contains(c))
        .ends_with('?')
}

/// A sentence of a turn: its unit, its number on the unit's side, its text.
type TurnSentence<'t> = (usize, usize, &'t str);

/// Questions and openings: one per turn. A turn is a question when a speaker who was not heard before
/// the Q&A section speaks in it (a journalist), or when the turn ends with a question.
pub(super) fn turn_topics(t: &Transcript, a: &Alignment, shown: &mut Shown) -> Vec<Topic> {
    let turns = turns(t, a);
    let principals: HashSet<usize> = turns
        .iter()
        .filter(|turn| !turn.in_qa)
        .map(|turn| turn.speaker)
        .collect();
    let mut out = Vec::new();
    for turn in &turns {
        let sentences = |l: Lang| -> Vec<TurnSentence> {
            turn.units
                .clone()
                .flat_map(|unit| {
                    side_sentences(t, &a.units[unit], l)
                        .into_iter()
                        .enumerate()
                        .map(move |(s, text)| (unit, s, text))
                })
                .collect()
        };
        let sides = ByLang::new(sentences(Lang::En), sentences(Lang::Ru));
        let ends_with_question = Lang::BOTH
            .iter()
            .any(|&l| sides[l].last().is_some_and(|s| is_question(s.2)));
        let journalist = turn.in_qa && !principals.contains(&turn.speaker);
        let kind = if journalist || ends_with_question {
            TopicKind::Question
        } else {
            TopicKind::Opening
        };
        let mut snippet = ByLang::default();
        for l in Lang::BOTH {
            let picked: Vec<TurnSentence> = if kind == TopicKind::Question {
                let qs: Vec<TurnSentence> = sides[l].iter().copied().filter(|s| is_question(s.2)).collect();
                if qs.is_empty() { sides[l].clone() } else { qs }
            } else {
                let texts: Vec<&str> = sides[l].iter().map(|s| s.2).collect();
                opening(&texts).into_iter().map(|k| sides[l][k]).collect()
            };
            picked.iter().for_each(|&(unit, s, _)| shown.whole(l, unit, s));
            let texts: Vec<&str> = picked.iter().map(|s| s.2).collect();
            snippet[l] = joined(&texts);
        }
        out.push(Topic {
            unit: turn.units.start,
            kind,
            speaker: Some(turn.speaker),
            snippet,
        });
    }
    out
}

/// The index of the sentence a turn opens with, past a bare form of address or greeting
/// («Уважаемый Александр Григорьевич!», "Hello!") when more follows.
pub(super) fn opening(sentences: &[&str]) -> Option<usize> {
    let address = |s: &&str| s.ends_with('!') && s.split_whitespace().count() < 5;
    sentences
        .iter()
        .position(|s| !address(s))
        .or((!sentences.is_empty()).then_some(0))
}

/// A key term in one sentence of a unit's side.
struct Occurrence {
    /// Sentence index on the side (the numbering `Link` uses) and the char in it where the word starts.
    sentence: usize,
    at: usize,
    stem: String,
    /// The stem's weight as a key term of the transcript.
    weight: f64,
}

/// A key term found on one side of a unit, with the counterpart sentence on the other side.
struct TermCandidate {
    unit: usize,
    score: f64,
    lang: Lang,
    /// Sentence index on each side (the numbering `Link` uses) and the char to centre the snippet on.
    sentence: ByLang<Option<(usize, usize)>>,
}

/// Sentences holding the transcript's key terms, centred on the term: at most [`TERMS_PER_SIDE`]
/// per side of a unit and [`MAX_TERM_TOPICS`] in all, the best ones, and none whose term is in
/// view in another topic already.
pub(super) fn term_topics(
    t: &Transcript,
    a: &Alignment,
    background: &TermStats,
    shown: &mut Shown,
) -> Vec<Topic> {
    let mut stems = Stems::default();
    let key = ByLang::new(
        key_stems(t, Lang::En, background, &mut stems),
        key_stems(t, Lang::Ru, background, &mut stems),
    );
    let mut candidates = Vec::new();
    for (unit, u) in a.units.iter().enumerate() {
        if Lang::BOTH
            .iter()
            .any(|&l| matches!(side_kind(t, u, l), Some(BlockKind::Related | BlockKind::Break)))
        {
            continue;
        }
        let sentences = ByLang::new(side_sentences(t, u, Lang::En), side_sentences(t, u, Lang::Ru));
        // Per side: every key term used.
        let mut occurrences = |lang: Lang| -> Vec<Occurrence> {
            let mut out = Vec::new();
            for (sentence, text) in sentences[lang].iter().enumerate() {
                content_words(text, &mut stems, |stem, at, _| {
                    let weight = key[lang].get(stem).copied().unwrap_or(0.0);
                    if weight > 0.0 {
                        out.push(Occurrence {
                            sentence,
                            at,
                            stem: stem.to_string(),
                            weight,
                        });
                    }
                });
            }
            out
        };
        let occ = ByLang::new(occurrences(Lang::En), occurrences(Lang::Ru));
        let best_in = |lang: Lang, s: usize| {
            occ[lang]
                .iter()
                .filter(|o| o.sentence == s)
                .max_by(|x, y| x.weight.total_cmp(&y.weight))
                .map_or(0, |o| o.at)
        };
        for lang in Lang::BOTH {
            let mut ranked: Vec<&Occurrence> = occ[lang].iter().collect();
            ranked.sort_by(|x, y| y.weight.total_cmp(&x.weight));
            // Terms picked so far, and the windows their snippets show.
            let mut picked: Vec<(&str, usize, Range<usize>)> = Vec::new();
            for o in ranked {
                if picked.len() == TERMS_PER_SIDE {
                    break;
                }
                if picked
                    .iter()
                    .any(|(stem, s, w)| *stem == o.stem || (*s == o.sentence && w.contains(&o.at)))
                {
                    continue;
                }
                let n = sentences[lang]
                    .get(o.sentence)
                    .map_or(0, |text| text.chars().count());
                picked.push((&o.stem, o.sentence, window(n, o.at)));
                let other = u.counterpart(
                    lang,
                    o.sentence,
                    sentences[lang].len(),
                    sentences[lang.other()].len(),
                );
                let mut sentence = ByLang::default();
                sentence[lang] = Some((o.sentence, o.at));
                sentence[lang.other()] = other.map(|s| (s, best_in(lang.other(), s)));
                candidates.push(TermCandidate {
                    unit,
                    score: o.weight,
                    lang,
                    sentence,
                });
            }
        }
    }

    candidates.sort_by(|x, y| y.score.total_cmp(&x.score));
    candidates.truncate(MAX_TERM_TOPICS);
    let mut out = Vec::new();
    let mut texts: HashMap<usize, ByLang<Vec<&str>>> = HashMap::new();
    for c in candidates {
        let Some((s, focus)) = c.sentence[c.lang] else {
            continue;
        };
        if shown.shows(c.lang, c.unit, s, focus) {
            continue;
        }
        let u = &a.units[c.unit];
        let sentences = texts
            .entry(c.unit)
            .or_insert_with(|| ByLang::new(side_sentences(t, u, Lang::En), side_sentences(t, u, Lang::Ru)));
        let mut snippet = ByLang::default();
        for l in Lang::BOTH {
            let Some((s, focus)) = c.sentence[l] else { continue };
            if let Some(text) = sentences[l].get(s) {
                shown.window(l, c.unit, s, window(text.trim().chars().count(), focus));
                snippet[l] = cut(text, focus);
            }
        }
        out.push(Topic {
            unit: c.unit,
            kind: TopicKind::Term,
            speaker: u.speaker,
            snippet,
        });
    }
    out
}
