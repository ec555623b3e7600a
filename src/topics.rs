//! Topic index: headings, questions, turn openings and key terms, ranked by fuzzy match for jump-to-topic.

use crate::align::{Alignment, Unit};
use crate::fold::{Folded, fold, fold_latin};
use crate::model::{BlockKind, ByLang, Lang, Transcript};
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// Snippets are cut to this many chars before matching: the fuzzy matcher's cost grows with length.
pub const SNIPPET_CHARS: usize = 160;
/// Longer queries are cut to this many chars, for the same reason.
const QUERY_CHARS: usize = 64;
/// At most this many key-term topics per transcript, the best-scoring ones, so a keystroke stays cheap.
const MAX_TERM_TOPICS: usize = 3000;
/// Key terms taken from each side of a unit.
const TERMS_PER_SIDE: usize = 2;

/// Something worth jumping to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Topic {
    /// Index into `Alignment::units`: where the jump lands.
    pub unit: usize,
    pub kind: TopicKind,
    pub speaker: Option<usize>,
    /// What the topic says in each language; empty where the unit has no text in that language.
    pub snippet: ByLang<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TopicKind {
    /// A section heading.
    Heading,
    /// A question put to the speakers: a journalist's turn in a Q&A section, or a turn ending with `?`.
    Question,
    /// The first sentence of a speaker's turn.
    Opening,
    /// A sentence holding a term that stands out in this transcript against the library.
    Term,
}

/// A topic matching a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Index into [`TopicIndex::topics`].
    pub topic: usize,
    pub score: i64,
    /// Matched char indices into `snippet[lang]`, ascending; empty for a language that did not match.
    pub positions: ByLang<Vec<usize>>,
}

/// How many transcripts of the library use each folded word stem, per language: the background
/// against which a transcript's own terms stand out.
#[derive(Debug, Clone, Default)]
pub struct TermStats {
    docs: ByLang<u32>,
    df: ByLang<HashMap<String, u32>>,
}

impl TermStats {
    pub fn from_library(docs: &[&Transcript]) -> TermStats {
        let mut stats = TermStats::default();
        for t in docs {
            for lang in t.langs() {
                stats.docs[lang] += 1;
                let stems: HashSet<String> = version_words(t, lang).map(|w| w.stem).collect();
                for stem in stems {
                    *stats.df[lang].entry(stem).or_default() += 1;
                }
            }
        }
        stats
    }

    /// Inverse document frequency, smoothed so that it is positive whether or not the transcript being
    /// indexed is itself part of the library.
    fn idf(&self, lang: Lang, stem: &str) -> f64 {
        let df = self.df[lang].get(stem).copied().unwrap_or(0);
        (f64::from(self.docs[lang] + 2) / f64::from(df + 1)).ln()
    }
}

/// The topics of one aligned transcript with their folded forms, ready for per-keystroke queries.
#[derive(Debug, Clone, Default)]
pub struct TopicIndex {
    topics: Vec<Topic>,
    prepared: Vec<ByLang<Prepared>>,
}

/// A snippet folded for matching: as is, and in Latin script when that differs.
#[derive(Debug, Clone, Default)]
struct Prepared {
    folded: Folded,
    latin: Option<Folded>,
}

impl Prepared {
    fn new(snippet: &str) -> Prepared {
        let folded = fold(snippet);
        let latin = fold_latin(snippet);
        let latin = (latin.text != folded.text).then_some(latin);
        Prepared { folded, latin }
    }
}

impl TopicIndex {
    pub fn build(t: &Transcript, a: &Alignment, background: &TermStats) -> TopicIndex {
        let mut topics = headings(t, a);
        topics.extend(turn_topics(t, a));
        topics.extend(term_topics(t, a, background));
        // Document order; at one unit, headings before questions before openings before terms.
        topics.sort_by_key(|topic| (topic.unit, topic.kind));
        topics.dedup_by(|b, a| a.unit == b.unit && a.snippet == b.snippet);
        let prepared = topics
            .iter()
            .map(|topic| ByLang::new(Prepared::new(&topic.snippet.en), Prepared::new(&topic.snippet.ru)))
            .collect();
        TopicIndex { topics, prepared }
    }

    /// All topics in document order.
    pub fn topics(&self) -> &[Topic] {
        &self.topics
    }

    /// The `limit` topics that best match `q` fuzzily, in either language and either script, best first:
    /// by score, then headings and questions before openings and terms, then document order.
    pub fn query(&self, q: &str, limit: usize) -> Vec<Hit> {
        if q.trim().is_empty() || limit == 0 {
            return Vec::new();
        }
        let q: String = q.chars().take(QUERY_CHARS).collect();
        let query = Query {
            folded: fold(&q).text,
            latin: fold_latin(&q).text,
            matcher: SkimMatcherV2::default().respect_case(),
        };
        // Score everything cheaply, then compute highlight positions for the few that are shown.
        let mut scored: Vec<(i64, usize)> = self
            .prepared
            .iter()
            .enumerate()
            .filter_map(|(i, p)| {
                let score = Lang::BOTH.iter().filter_map(|&l| query.score(&p[l])).max()?;
                Some((score, i))
            })
            .collect();
        scored.sort_by_key(|&(score, i)| (std::cmp::Reverse(score), self.topics[i].kind, i));
        scored.truncate(limit);
        scored
            .into_iter()
            .map(|(score, topic)| Hit {
                topic,
                score,
                positions: ByLang::new(
                    query.positions(&self.prepared[topic].en),
                    query.positions(&self.prepared[topic].ru),
                ),
            })
            .collect()
    }
}

struct Query {
    folded: String,
    latin: String,
    matcher: SkimMatcherV2,
}

impl Query {
    /// The folded text against the snippet's folded form, and (when either side has Cyrillic) the
    /// Latin-script forms against each other.
    fn variants<'p>(&'p self, p: &'p Prepared) -> impl Iterator<Item = (&'p Folded, &'p str)> {
        let latin = (p.latin.is_some() || self.latin != self.folded)
            .then(|| (p.latin.as_ref().unwrap_or(&p.folded), self.latin.as_str()));
        std::iter::once((&p.folded, self.folded.as_str())).chain(latin)
    }

    fn score(&self, p: &Prepared) -> Option<i64> {
        self.variants(p)
            .filter_map(|(f, q)| self.matcher.fuzzy_match(&f.text, q))
            .max()
    }

    /// Char indices of the snippet matched by the best variant.
    fn positions(&self, p: &Prepared) -> Vec<usize> {
        let best = self
            .variants(p)
            .filter_map(|(f, q)| Some((self.matcher.fuzzy_indices(&f.text, q)?, f)))
            .max_by_key(|((score, _), _)| *score);
        let Some(((_, indices), f)) = best else {
            return Vec::new();
        };
        let mut out: Vec<usize> = indices.iter().filter_map(|&i| f.source.get(i).copied()).collect();
        out.dedup();
        out
    }
}

/// The sentences of a unit's side, in order across its paragraphs (the numbering `Link` uses).
fn side_sentences<'t>(t: &'t Transcript, u: &Unit, lang: Lang) -> Vec<&'t str> {
    let Some(block) = u.block[lang].and_then(|b| t.version(lang)?.blocks.get(b)) else {
        return Vec::new();
    };
    u.paras[lang]
        .clone()
        .filter_map(|p| block.paragraphs.get(p))
        .flat_map(|p| {
            p.sentences
                .iter()
                .map(|s| p.text.get(s.range()).unwrap_or("").trim())
        })
        .collect()
}

fn side_kind(t: &Transcript, u: &Unit, lang: Lang) -> Option<BlockKind> {
    Some(t.version(lang)?.blocks.get(u.block[lang]?)?.kind)
}

/// At most `SNIPPET_CHARS` chars of `text`, starting a little before char `focus`, with `…` where cut.
fn cut(text: &str, focus: usize) -> String {
    let text = text.trim();
    let n = text.chars().count();
    if n <= SNIPPET_CHARS {
        return text.to_string();
    }
    let mut room = SNIPPET_CHARS - 1;
    let start = focus.saturating_sub(room / 4).min(n - room);
    if start > 0 && start + room < n {
        room -= 1;
    }
    let end = start + room;
    let mut out = String::with_capacity(SNIPPET_CHARS * 2);
    if start > 0 {
        out.push('…');
    }
    out.extend(text.chars().skip(start).take(room));
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    if end < n {
        out.push('…');
    }
    out
}

fn joined(sentences: &[&str]) -> String {
    cut(&sentences.join(" "), 0)
}

fn headings(t: &Transcript, a: &Alignment) -> Vec<Topic> {
    a.units
        .iter()
        .enumerate()
        .filter(|(_, u)| {
            Lang::BOTH
                .iter()
                .any(|&l| side_kind(t, u, l) == Some(BlockKind::Heading))
        })
        .map(|(unit, u)| Topic {
            unit,
            kind: TopicKind::Heading,
            speaker: u.speaker,
            snippet: ByLang::new(
                joined(&side_sentences(t, u, Lang::En)),
                joined(&side_sentences(t, u, Lang::Ru)),
            ),
        })
        .collect()
}

/// A run of units spoken by one speaker in one block per side.
struct Turn {
    units: Range<usize>,
    speaker: usize,
    in_qa: bool,
}

fn is_qa_heading(t: &Transcript, u: &Unit) -> bool {
    Lang::BOTH.iter().any(|&l| {
        side_kind(t, u, l) == Some(BlockKind::Heading)
            && side_sentences(t, u, l).iter().any(|s| {
                let f = fold(s).text;
                ["q&a", "question", "вопрос"].iter().any(|k| f.contains(k))
            })
    })
}

fn turns(t: &Transcript, a: &Alignment) -> Vec<Turn> {
    let mut out: Vec<Turn> = Vec::new();
    let mut blocks: ByLang<Option<usize>> = ByLang::default();
    let mut in_qa = false;
    for (i, u) in a.units.iter().enumerate() {
        in_qa |= is_qa_heading(t, u);
        let Some(speaker) = u.speaker else {
            blocks = ByLang::default();
            continue;
        };
        let continues = out.last().is_some_and(|turn| {
            turn.units.end == i
                && turn.speaker == speaker
                && Lang::BOTH
                    .iter()
                    .all(|&l| blocks[l].is_none() || u.block[l].is_none() || blocks[l] == u.block[l])
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
            blocks[l] = u.block[l].or(blocks[l]);
        }
    }
    out
}

fn is_question(sentence: &str) -> bool {
    sentence
        .trim_end_matches(|c: char| c.is_whitespace() || "\"'»”’)".contains(c))
        .ends_with('?')
}

/// Questions and openings: one per turn. A turn is a question when a speaker who was not heard before
/// the Q&A section speaks in it (a journalist), or when the turn ends with a question.
fn turn_topics(t: &Transcript, a: &Alignment) -> Vec<Topic> {
    let turns = turns(t, a);
    let principals: HashSet<usize> = turns
        .iter()
        .filter(|turn| !turn.in_qa)
        .map(|turn| turn.speaker)
        .collect();
    let mut out = Vec::new();
    for turn in &turns {
        let sentences = |l: Lang| -> Vec<&str> {
            a.units[turn.units.clone()]
                .iter()
                .flat_map(|u| side_sentences(t, u, l))
                .collect()
        };
        let sides = ByLang::new(sentences(Lang::En), sentences(Lang::Ru));
        let ends_with_question = Lang::BOTH
            .iter()
            .any(|&l| sides[l].last().is_some_and(|s| is_question(s)));
        let journalist = turn.in_qa && !principals.contains(&turn.speaker);
        let (kind, snippet) = if journalist || ends_with_question {
            let questions = |l: Lang| {
                let qs: Vec<&str> = sides[l].iter().copied().filter(|s| is_question(s)).collect();
                joined(if qs.is_empty() { &sides[l] } else { &qs })
            };
            (
                TopicKind::Question,
                ByLang::new(questions(Lang::En), questions(Lang::Ru)),
            )
        } else {
            let first = |l: Lang| sides[l].first().map_or_else(String::new, |s| cut(s, 0));
            (TopicKind::Opening, ByLang::new(first(Lang::En), first(Lang::Ru)))
        };
        out.push(Topic {
            unit: turn.units.start,
            kind,
            speaker: Some(turn.speaker),
            snippet,
        });
    }
    out
}

/// A word of folded text: its stem and where it starts in the original, in chars.
struct Word {
    stem: String,
    at: usize,
    /// Capitalised in the original though not at a sentence start: likely a name (Орешник, Kursk).
    proper: bool,
}

fn version_words(t: &Transcript, lang: Lang) -> impl Iterator<Item = Word> + '_ {
    t.version(lang)
        .into_iter()
        .flat_map(|v| v.paragraphs())
        .flat_map(move |(_, p)| {
            p.sentence_texts()
                .flat_map(move |s| words(s, lang))
                .collect::<Vec<_>>()
        })
}

/// The content words of one sentence: three letters or more, not a stop word.
fn words(sentence: &str, lang: Lang) -> Vec<Word> {
    let original: Vec<char> = sentence.chars().collect();
    let f = fold(sentence);
    let mut out = Vec::new();
    let mut word = String::new();
    let mut start = 0;
    for (i, c) in f.text.chars().chain(std::iter::once(' ')).enumerate() {
        if c.is_alphabetic() {
            if word.is_empty() {
                start = i;
            }
            word.push(c);
            continue;
        }
        if word.chars().nth(2).is_some() && !is_stop_word(&word, lang) {
            let at = f.source.get(start).copied().unwrap_or(0);
            let proper = original.get(at).is_some_and(|c| c.is_uppercase())
                && original[..at].iter().any(|c| c.is_alphanumeric());
            out.push(Word {
                stem: stem(&word).to_string(),
                at,
                proper,
            });
        }
        word.clear();
    }
    out
}

/// Strips one common inflectional ending, so «перемирие»/«перемирия» and ceasefire/ceasefires meet.
fn stem(word: &str) -> &str {
    const ENDINGS: [&str; 46] = [
        "иями", "ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими", "ией", "ия", "ие", "ии", "ий", "ый",
        "ой", "ей", "ая", "яя", "ое", "ее", "ые", "ом", "ем", "ам", "ям", "ах", "ях", "ов", "ев", "ую", "юю",
        "ию", "ью", "а", "я", "о", "е", "ы", "и", "у", "ю", "ь", "й", "'s", "s",
    ];
    for ending in ENDINGS {
        if let Some(stem) = word.strip_suffix(ending)
            && stem.chars().nth(2).is_some()
            && !(ending == "s" && (stem.ends_with('s') || stem.ends_with('u') || stem.ends_with('i')))
        {
            return stem;
        }
    }
    word
}

fn is_stop_word(word: &str, lang: Lang) -> bool {
    const EN: &[&str] = &[
        "the",
        "and",
        "for",
        "are",
        "but",
        "not",
        "you",
        "all",
        "any",
        "can",
        "had",
        "her",
        "was",
        "one",
        "our",
        "out",
        "has",
        "him",
        "his",
        "how",
        "now",
        "see",
        "two",
        "way",
        "who",
        "did",
        "its",
        "let",
        "say",
        "she",
        "too",
        "use",
        "yes",
        "yet",
        "get",
        "may",
        "per",
        "via",
        "that",
        "this",
        "with",
        "have",
        "from",
        "they",
        "will",
        "would",
        "there",
        "their",
        "what",
        "about",
        "which",
        "when",
        "were",
        "been",
        "also",
        "into",
        "than",
        "then",
        "them",
        "these",
        "those",
        "some",
        "such",
        "only",
        "very",
        "more",
        "most",
        "other",
        "just",
        "should",
        "could",
        "because",
        "while",
        "where",
        "your",
        "ours",
        "here",
        "well",
        "even",
        "each",
        "both",
        "being",
        "over",
        "under",
        "after",
        "before",
        "again",
        "does",
        "done",
        "must",
        "said",
        "thank",
        "today",
        "like",
        "much",
        "many",
        "know",
        "think",
        "believe",
        "certainly",
        "course",
    ];
    const RU: &[&str] = &[
        "что",
        "как",
        "это",
        "все",
        "его",
        "она",
        "они",
        "так",
        "уже",
        "или",
        "нас",
        "вас",
        "нам",
        "вам",
        "тем",
        "чем",
        "где",
        "кто",
        "для",
        "при",
        "без",
        "под",
        "над",
        "еще",
        "там",
        "тут",
        "даже",
        "был",
        "была",
        "было",
        "были",
        "оно",
        "них",
        "ним",
        "мне",
        "меня",
        "эти",
        "этот",
        "эта",
        "этого",
        "этой",
        "этом",
        "тот",
        "той",
        "того",
        "том",
        "который",
        "которые",
        "которая",
        "которых",
        "чтобы",
        "если",
        "когда",
        "только",
        "тоже",
        "также",
        "можно",
        "нужно",
        "надо",
        "очень",
        "более",
        "всех",
        "всего",
        "всем",
        "свой",
        "свои",
        "своих",
        "наш",
        "наши",
        "наших",
        "нашей",
        "наша",
        "ваш",
        "себя",
        "есть",
        "будет",
        "будем",
        "быть",
        "сейчас",
        "потому",
        "хотя",
        "конечно",
        "спасибо",
        "сегодня",
        "здесь",
        "вот",
        "того",
        "чего",
        "кого",
        "него",
        "нее",
        "ней",
        "ему",
        "раз",
        "два",
        "три",
        "после",
        "между",
        "через",
    ];
    match lang {
        Lang::En => EN.contains(&word),
        Lang::Ru => RU.contains(&word),
    }
}

/// A key term found on one side of a unit, with the counterpart sentence on the other side.
struct TermCandidate {
    unit: usize,
    score: f64,
    lang: Lang,
    /// Sentence index on each side (the numbering `Link` uses) and the char to centre the snippet on.
    sentence: ByLang<Option<(usize, usize)>>,
}

fn term_topics(t: &Transcript, a: &Alignment, background: &TermStats) -> Vec<Topic> {
    let mut tf: ByLang<HashMap<String, u32>> = ByLang::default();
    for lang in t.langs() {
        for w in version_words(t, lang) {
            *tf[lang].entry(w.stem).or_default() += 1;
        }
    }
    // A speaker's own name stands out in every transcript they are in, and says nothing about topics.
    let names: HashSet<String> = t
        .speakers
        .iter()
        .flat_map(|s| [(&s.name.en, Lang::En), (&s.name.ru, Lang::Ru)])
        .flat_map(|(name, lang)| words(name, lang))
        .map(|w| w.stem)
        .collect();
    let weight = |lang: Lang, w: &Word| -> f64 {
        if names.contains(&w.stem) {
            return 0.0;
        }
        let tf = f64::from(tf[lang].get(&w.stem).copied().unwrap_or(1));
        let proper = if w.proper { 1.5 } else { 1.0 };
        (1.0 + tf.ln()) * background.idf(lang, &w.stem) * proper
    };

    let mut candidates = Vec::new();
    for (unit, u) in a.units.iter().enumerate() {
        if Lang::BOTH
            .iter()
            .any(|&l| matches!(side_kind(t, u, l), Some(BlockKind::Related | BlockKind::Break)))
        {
            continue;
        }
        let sentences = ByLang::new(side_sentences(t, u, Lang::En), side_sentences(t, u, Lang::Ru));
        // Per side: every content word as (sentence, char, stem, weight).
        let occurrences = |lang: Lang| -> Vec<(usize, usize, String, f64)> {
            sentences[lang]
                .iter()
                .enumerate()
                .flat_map(|(s, text)| words(text, lang).into_iter().map(move |w| (s, w)))
                .map(|(s, w)| {
                    let weight = weight(lang, &w);
                    (s, w.at, w.stem, weight)
                })
                .filter(|o| o.3 > 0.0)
                .collect()
        };
        let occ = ByLang::new(occurrences(Lang::En), occurrences(Lang::Ru));
        let best_in = |lang: Lang, s: usize| {
            occ[lang]
                .iter()
                .filter(|o| o.0 == s)
                .max_by(|x, y| x.3.total_cmp(&y.3))
                .map_or(0, |o| o.1)
        };
        for lang in Lang::BOTH {
            let mut ranked: Vec<&(usize, usize, String, f64)> = occ[lang].iter().collect();
            ranked.sort_by(|x, y| y.3.total_cmp(&x.3));
            let mut seen: Vec<&str> = Vec::new();
            for o in ranked {
                if seen.len() == TERMS_PER_SIDE {
                    break;
                }
                if seen.contains(&o.2.as_str()) {
                    continue;
                }
                seen.push(&o.2);
                let other = counterpart(u, lang, o.0, sentences[lang].len(), sentences[lang.other()].len());
                let mut sentence = ByLang::default();
                sentence[lang] = Some((o.0, o.1));
                sentence[lang.other()] = other.map(|s| (s, best_in(lang.other(), s)));
                candidates.push(TermCandidate {
                    unit,
                    score: o.3,
                    lang,
                    sentence,
                });
            }
        }
    }

    candidates.sort_by(|x, y| y.score.total_cmp(&x.score));
    candidates.truncate(MAX_TERM_TOPICS);
    let mut used: HashSet<(usize, Lang, usize)> = HashSet::new();
    let mut out = Vec::new();
    for c in candidates {
        let Some((s, _)) = c.sentence[c.lang] else {
            continue;
        };
        if !used.insert((c.unit, c.lang, s)) {
            continue;
        }
        let u = &a.units[c.unit];
        let sentences_of = |l: Lang| side_sentences(t, u, l);
        let mut snippet = |l: Lang| {
            let Some((s, focus)) = c.sentence[l] else {
                return String::new();
            };
            used.insert((c.unit, l, s));
            sentences_of(l)
                .get(s)
                .map_or_else(String::new, |text| cut(text, focus))
        };
        let en = snippet(Lang::En);
        let ru = snippet(Lang::Ru);
        out.push(Topic {
            unit: c.unit,
            kind: TopicKind::Term,
            speaker: u.speaker,
            snippet: ByLang::new(en, ru),
        });
    }
    out
}

/// The sentence of the other side that translates sentence `s` of `lang`: from the aligner's links
/// when it made them, else the one at the same relative position.
fn counterpart(u: &Unit, lang: Lang, s: usize, count: usize, other_count: usize) -> Option<usize> {
    if let Some(link) = u.links.iter().find(|l| l.sentences[lang].contains(&s)) {
        let r = &link.sentences[lang.other()];
        return (!r.is_empty()).then_some(r.start);
    }
    (other_count > 0).then(|| (s * other_count / count.max(1)).min(other_count - 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::align;
    use crate::model::{Block, Paragraph, Span, Speaker, Version};

    /// A paragraph split into sentences after `.`, `!` and `?` followed by a space.
    fn para(text: &str) -> Paragraph {
        let mut sentences = Vec::new();
        let mut start = 0;
        for (i, c) in text.char_indices() {
            if ".!?".contains(c) && text[i + 1..].starts_with(' ') {
                sentences.push(Span::from(start..i + 1));
                start = i + 2;
            }
        }
        sentences.push(Span::from(start..text.len()));
        Paragraph {
            text: text.to_string(),
            sentences,
            line: 0,
        }
    }

    fn version(blocks: &[(BlockKind, &[&str])]) -> Option<Version> {
        Some(Version {
            meta: Default::default(),
            blocks: blocks
                .iter()
                .map(|(kind, ps)| Block {
                    kind: *kind,
                    paragraphs: ps.iter().map(|t| para(t)).collect(),
                })
                .collect(),
        })
    }

    fn speaker(id: &str, en: &str, ru: &str) -> Speaker {
        Speaker {
            id: id.into(),
            name: ByLang::new(en.into(), ru.into()),
            transliterated: ByLang::new(false, false),
        }
    }

    fn press_conference() -> Transcript {
        use BlockKind::*;
        Transcript {
            speakers: vec![
                speaker("putin", "Vladimir Putin", "Владимир Путин"),
                speaker("knyazeva", "O. Knyazeva", "О. Князева"),
            ],
            versions: ByLang::new(
                version(&[
                    (
                        Turn(0),
                        &["Esteemed colleagues! We discussed the economy. What next? Trade grows."],
                    ),
                    (Heading, &["Q&A"]),
                    (
                        Turn(1),
                        &["Hello! How do you assess Ukraine’s readiness for a ceasefire? Thank you."],
                    ),
                    (
                        Turn(0),
                        &["Regarding the ceasefire, we agree. There are nuances about Kursk."],
                    ),
                ]),
                version(&[
                    (
                        Turn(0),
                        &["Уважаемые коллеги! Мы обсудили экономику. Что дальше? Торговля растёт."],
                    ),
                    (Heading, &["Q&A"]),
                    (
                        Turn(1),
                        &["Здравствуйте! Как Вы оцениваете готовность Украины к перемирию? Спасибо."],
                    ),
                    (
                        Turn(0),
                        &["Что касается перемирия, мы за. Но есть нюансы по Курской области."],
                    ),
                ]),
            ),
        }
    }

    fn russian_report(text: &str) -> Transcript {
        Transcript {
            speakers: Vec::new(),
            versions: ByLang::new(
                None,
                version(&[
                    (BlockKind::Heading, &["Интеграция и экономика"]),
                    (BlockKind::Narration, &[text]),
                ]),
            ),
        }
    }

    fn index(t: &Transcript, library: &[&Transcript]) -> TopicIndex {
        TopicIndex::build(t, &align(t), &TermStats::from_library(library))
    }

    fn highlighted(snippet: &str, positions: &[usize]) -> String {
        snippet
            .chars()
            .enumerate()
            .filter(|(i, _)| positions.contains(i))
            .map(|(_, c)| c)
            .collect()
    }

    fn of_kind(ix: &TopicIndex, kind: TopicKind) -> Vec<&Topic> {
        ix.topics().iter().filter(|t| t.kind == kind).collect()
    }

    #[test]
    fn headings_questions_and_openings_follow_the_turns() {
        let t = press_conference();
        let ix = index(&t, &[&t]);
        let heading = of_kind(&ix, TopicKind::Heading);
        assert_eq!(heading.len(), 1);
        assert_eq!((heading[0].unit, heading[0].snippet.ru.as_str()), (1, "Q&A"));

        let questions = of_kind(&ix, TopicKind::Question);
        assert_eq!(questions.len(), 1, "{questions:?}");
        assert_eq!((questions[0].unit, questions[0].speaker), (2, Some(1)));
        assert_eq!(
            questions[0].snippet.en,
            "How do you assess Ukraine’s readiness for a ceasefire?"
        );
        assert_eq!(
            questions[0].snippet.ru,
            "Как Вы оцениваете готовность Украины к перемирию?"
        );

        // Putin's opening statement asks a rhetorical question mid-turn: still an opening.
        let openings = of_kind(&ix, TopicKind::Opening);
        assert_eq!(
            openings
                .iter()
                .map(|o| (o.unit, o.snippet.en.as_str()))
                .collect::<Vec<_>>(),
            [
                (0, "Esteemed colleagues!"),
                (3, "Regarding the ceasefire, we agree.")
            ]
        );
        assert_eq!(openings[1].snippet.ru, "Что касается перемирия, мы за.");
    }

    #[test]
    fn topics_are_in_document_order() {
        let t = press_conference();
        let ix = index(&t, &[&t]);
        let order: Vec<(usize, TopicKind)> = ix.topics().iter().map(|t| (t.unit, t.kind)).collect();
        let mut sorted = order.clone();
        sorted.sort();
        assert_eq!(order, sorted);
    }

    #[test]
    fn a_turn_ending_with_a_question_is_a_question_without_a_qa_heading() {
        use BlockKind::*;
        let t = Transcript {
            speakers: vec![
                speaker("host", "Host", "Ведущий"),
                speaker("guest", "Guest", "Гость"),
            ],
            versions: ByLang::new(
                version(&[
                    (Turn(0), &["Welcome. What about the harvest?"]),
                    (Turn(1), &["It was good."]),
                ]),
                None,
            ),
        };
        let ix = index(&t, &[]);
        let kinds: Vec<(usize, TopicKind)> = ix
            .topics()
            .iter()
            .filter(|t| t.kind != TopicKind::Term)
            .map(|t| (t.unit, t.kind))
            .collect();
        assert_eq!(kinds, [(0, TopicKind::Question), (1, TopicKind::Opening)]);
        assert_eq!(ix.topics()[0].snippet.en, "What about the harvest?");
    }

    #[test]
    fn query_highlights_the_matched_chars_in_each_language() {
        let t = press_conference();
        let ix = index(&t, &[&t]);
        let hits = ix.query("ceasefire", 10);
        let first = &ix.topics()[hits[0].topic];
        assert_eq!(
            first.kind,
            TopicKind::Question,
            "same score: questions rank before openings"
        );
        assert_eq!(highlighted(&first.snippet.en, &hits[0].positions.en), "ceasefire");

        for q in ["перемир", "ПЕРЕМИР", "peremir"] {
            let hits = ix.query(q, 3);
            let topic = &ix.topics()[hits[0].topic];
            assert_eq!(
                highlighted(&topic.snippet.ru, &hits[0].positions.ru),
                "перемир",
                "{q}"
            );
        }
    }

    #[test]
    fn latin_queries_find_cyrillic_terms_and_back() {
        let report = russian_report(
            "Лукашенко попросил о поставках новейшего комплекса «Орешник», на что получил согласие.",
        );
        let other = russian_report("Президенты обсудили экономику и получили согласие.");
        let ix = index(&report, &[&report, &other]);
        assert!(
            ix.topics()
                .iter()
                .any(|t| t.kind == TopicKind::Term && t.snippet.ru.contains("«Орешник»"))
        );
        for q in ["oreshnik", "ОРЕШНИК", "орешник", "Орешник"] {
            let hits = ix.query(q, 5);
            assert!(!hits.is_empty(), "{q}");
            let topic = &ix.topics()[hits[0].topic];
            assert_eq!(
                highlighted(&topic.snippet.ru, &hits[0].positions.ru),
                "Орешник",
                "{q}"
            );
        }
        let hits = ix.query("integratsiya", 1);
        assert_eq!(ix.topics()[hits[0].topic].kind, TopicKind::Heading);
    }

    #[test]
    fn key_terms_stand_out_against_the_library_and_skip_speaker_names() {
        let t = press_conference();
        let elsewhere = russian_report("Экономика и торговля растёт, уважаемые коллеги.");
        let ix = index(&t, &[&t, &elsewhere]);
        let terms: Vec<&str> = of_kind(&ix, TopicKind::Term)
            .iter()
            .map(|t| t.snippet.ru.as_str())
            .collect();
        assert!(terms.contains(&"Но есть нюансы по Курской области."), "{terms:?}");

        let mut named = russian_report("Путин, Путин, Путин. Обсуждали Орешник.");
        named
            .speakers
            .push(speaker("putin", "Vladimir Putin", "Владимир Путин"));
        let ix = index(&named, &[&named, &elsewhere]);
        let terms: Vec<&str> = of_kind(&ix, TopicKind::Term)
            .iter()
            .map(|t| t.snippet.ru.as_str())
            .collect();
        assert_eq!(terms, ["Обсуждали Орешник."]);
    }

    #[test]
    fn snippets_are_bounded_and_keep_the_term_in_view() {
        let filler = "Стороны обсудили вопросы сотрудничества в различных сферах экономики. ".repeat(6);
        let text = format!("{filler}Отдельно речь шла о комплексе «Орешник» и его поставках. {filler}");
        let report = russian_report(&text);
        let ix = index(&report, &[&report, &russian_report(&filler)]);
        for topic in ix.topics() {
            assert!(
                topic.snippet.ru.chars().count() <= SNIPPET_CHARS,
                "{}",
                topic.snippet.ru
            );
        }
        let hits = ix.query("oreshnik", 1);
        assert!(ix.topics()[hits[0].topic].snippet.ru.contains("Орешник"));
    }

    #[test]
    fn cut_marks_both_ends() {
        let text = "a".repeat(100) + "TERM" + &"b".repeat(200);
        let s = cut(&text, 100);
        assert_eq!(s.chars().count(), SNIPPET_CHARS);
        assert!(s.starts_with('…') && s.ends_with('…') && s.contains("TERM"));
        assert_eq!(cut("  short  ", 3), "short");
    }

    #[test]
    fn blank_queries_and_limits() {
        let t = press_conference();
        let ix = index(&t, &[&t]);
        assert!(ix.query("", 10).is_empty());
        assert!(ix.query("   ", 10).is_empty());
        assert!(ix.query("e", 0).is_empty());
        assert_eq!(ix.query("e", 2).len(), 2);
        let long = "ceasefire ".repeat(100);
        assert!(
            ix.query(&long, 5).is_empty(),
            "a 1000-char query is cut, and still matches nothing here"
        );
    }

    #[test]
    fn stems_meet_across_inflections() {
        assert_eq!(stem("перемирие"), stem("перемирия"));
        assert_eq!(stem("орешника"), "орешник");
        assert_eq!(stem("ceasefires"), "ceasefire");
        assert_eq!(stem("process"), "process");
    }
}
