//! Topic extraction: headings, the question or opening of each turn, and sentences holding key
//! terms; each sentence in one topic at most.

use super::terms::{Stems, TermStats, content_words, key_stems};
use super::{Topic, TopicKind};
use crate::align::{Alignment, Unit};
use crate::model::{BlockKind, ByLang, Lang, Transcript};
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// At most this many sentence topics per transcript, those with the best key terms, so that a
/// keystroke stays cheap.
const MAX_TERM_TOPICS: usize = 3000;

/// The sentences in topics so far: (language, unit, sentence of the unit's side).
pub(super) type Shown = HashSet<(Lang, usize, usize)>;

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
            shown.extend((0..sentences[l].len()).map(|s| (l, unit, s)));
        }
        out.push(Topic::new(
            unit,
            TopicKind::Heading,
            u.speaker,
            ByLang::new(sentences.en.join(" "), sentences.ru.join(" ")),
            ByLang::default(),
        ));
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
        let mut text = ByLang::<String>::default();
        for l in Lang::BOTH {
            let picked: Vec<TurnSentence> = if kind == TopicKind::Question {
                let qs: Vec<TurnSentence> = sides[l].iter().copied().filter(|s| is_question(s.2)).collect();
                if qs.is_empty() { sides[l].clone() } else { qs }
            } else {
                let texts: Vec<&str> = sides[l].iter().map(|s| s.2).collect();
                opening(&texts).into_iter().map(|k| sides[l][k]).collect()
            };
            shown.extend(picked.iter().map(|&(unit, s, _)| (l, unit, s)));
            let texts: Vec<&str> = picked.iter().map(|s| s.2).collect();
            text[l] = texts.join(" ");
        }
        out.push(Topic::new(
            turn.units.start,
            kind,
            Some(turn.speaker),
            text,
            ByLang::default(),
        ));
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

/// A sentence, with its counterpart on the other side.
struct TermCandidate {
    unit: usize,
    /// The weight of its best key term; 0 for none.
    score: f64,
    /// The side it is a sentence of; the other side's is its counterpart.
    lang: Lang,
    /// Sentence index on each side (the numbering `Link` uses) and the char to centre the snippet
    /// on: its best key term.
    sentence: ByLang<Option<(usize, usize)>>,
}

/// The sentences no other topic holds, centred on their best key term: the [`MAX_TERM_TOPICS`]
/// with the best key terms, so that in all but the longest transcripts every sentence can be
/// jumped to.
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
        // Per side and sentence: the best key term, as (char, weight); (0, 0) for none.
        let mut best = |lang: Lang| -> Vec<(usize, f64)> {
            sentences[lang]
                .iter()
                .map(|text| {
                    let mut top = (0, 0.0);
                    content_words(text, &mut stems, |stem, at, _| {
                        let weight = key[lang].get(stem).copied().unwrap_or(0.0);
                        if weight > top.1 {
                            top = (at, weight);
                        }
                    });
                    top
                })
                .collect()
        };
        let best = ByLang::new(best(Lang::En), best(Lang::Ru));
        for lang in Lang::BOTH {
            for (s, &(at, weight)) in best[lang].iter().enumerate() {
                let other = u.counterpart(lang, s, sentences[lang].len(), sentences[lang.other()].len());
                let mut sentence = ByLang::default();
                sentence[lang] = Some((s, at));
                sentence[lang.other()] =
                    other.map(|o| (o, best[lang.other()].get(o).map_or(0, |&(at, _)| at)));
                candidates.push(TermCandidate {
                    unit,
                    score: weight,
                    lang,
                    sentence,
                });
            }
        }
    }

    candidates.sort_by(|x, y| y.score.total_cmp(&x.score));
    let mut out = Vec::new();
    let mut texts: HashMap<usize, ByLang<Vec<&str>>> = HashMap::new();
    for c in candidates {
        if out.len() == MAX_TERM_TOPICS {
            break;
        }
        // A sentence in a topic already (as a counterpart, too: the other side's candidate).
        if c.sentence[c.lang].is_none_or(|(s, _)| shown.contains(&(c.lang, c.unit, s))) {
            continue;
        }
        let u = &a.units[c.unit];
        let sentences = texts
            .entry(c.unit)
            .or_insert_with(|| ByLang::new(side_sentences(t, u, Lang::En), side_sentences(t, u, Lang::Ru)));
        let mut text = ByLang::<String>::default();
        let mut focus = ByLang::default();
        for l in Lang::BOTH {
            let Some((s, at)) = c.sentence[l] else { continue };
            shown.insert((l, c.unit, s));
            text[l] = sentences[l].get(s).map_or_else(String::new, |s| s.to_string());
            focus[l] = at;
        }
        out.push(Topic::new(c.unit, TopicKind::Term, u.speaker, text, focus));
    }
    out
}
