//! Topic index: headings, questions, turn openings and key terms, ranked by fuzzy match for jump-to-topic.

use crate::align::{Alignment, Unit};
use crate::fold::{FoldBuf, Folded, fold, fold_char, fold_latin};
use crate::model::{BlockKind, ByLang, Lang, Transcript};
use crate::translit::is_letter;
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::Mutex;

/// Snippets are cut to this many chars before matching: the fuzzy matcher's cost grows with length.
pub const SNIPPET_CHARS: usize = 160;
/// Longer queries are cut to this many chars, for the same reason.
const QUERY_CHARS: usize = 64;
/// Queries of at most this many chars match the start of a word instead of fuzzily. One or two letters
/// fuzzily match nearly every snippet (ranked only by where a letter falls), and scoring thousands of
/// those cost a keystroke 20-35 ms on a 10 MB transcript (`cargo bench --bench topics`); a word
/// starting with them ("k", "ку") is what such a query is after, and finding it is a substring scan.
/// Longer queries are fuzzy as before.
const PREFIX_QUERY_CHARS: usize = 2;
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
    /// Higher is better; comparable only among the hits of one query (a short query has its own scale).
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
                let mut stems: HashSet<String> = HashSet::new();
                version_words(t, lang, |stem, _| {
                    if !stems.contains(stem) {
                        stems.insert(stem.to_string());
                    }
                });
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
#[derive(Debug, Default)]
pub struct TopicIndex {
    topics: Vec<Topic>,
    prepared: Vec<ByLang<Prepared>>,
    /// The queries typed so far, each extending the one before, with the topics each matched and
    /// its hits: typing one more char can only narrow the matches (a fuzzy match is a
    /// subsequence match), so the next query scans just those; deleting a char returns to the
    /// shorter query's hits as they were.
    typed: Mutex<Vec<LastQuery>>,
}

#[derive(Debug)]
struct LastQuery {
    folded: String,
    latin: String,
    matched: Vec<usize>,
    limit: usize,
    hits: Vec<Hit>,
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
        // A term whose sentence is already a heading, question or opening there adds nothing.
        let mut seen: HashSet<(usize, String, String)> = HashSet::new();
        topics.retain(|topic| seen.insert((topic.unit, topic.snippet.en.clone(), topic.snippet.ru.clone())));
        let prepared = topics
            .iter()
            .map(|topic| ByLang::new(Prepared::new(&topic.snippet.en), Prepared::new(&topic.snippet.ru)))
            .collect();
        TopicIndex {
            topics,
            prepared,
            typed: Mutex::default(),
        }
    }

    /// All topics in document order.
    pub fn topics(&self) -> &[Topic] {
        &self.topics
    }

    /// The `limit` topics that best match `q` fuzzily, in either language and either script, best first:
    /// by score, then headings and questions before openings and terms, then document order.
    pub fn query(&self, q: &str, limit: usize) -> Vec<Hit> {
        let mut typed = self.typed.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if q.trim().is_empty() || limit == 0 {
            // The next query starts afresh.
            typed.clear();
            return Vec::new();
        }
        let q: String = q.chars().take(QUERY_CHARS).collect();
        let (folded, latin) = (fold(&q).text, fold_latin(&q).text);
        let matcher = SkimMatcherV2::default().respect_case();
        let floor = |q: &str| {
            matcher
                .fuzzy_match(&format!(" {q}"), q)
                .map_or(0, |ideal| (ideal * 4 + 4) / 5)
        };
        let query = Query {
            prefix: q.trim().chars().count() <= PREFIX_QUERY_CHARS,
            latin_only: latin == folded,
            floor: (floor(&folded), floor(&latin)),
            folded,
            latin,
            matcher,
        };
        // Back to the longest earlier query this one extends.
        while typed.last().is_some_and(|l| {
            !(query.folded.starts_with(l.folded.as_str()) && query.latin.starts_with(l.latin.as_str()))
        }) {
            typed.pop();
        }
        if let Some(l) = typed
            .last()
            .filter(|l| l.folded == query.folded && l.latin == query.latin && l.limit == limit)
        {
            return l.hits.clone();
        }
        let candidates: Vec<usize> = typed
            .last()
            .map_or_else(|| (0..self.prepared.len()).collect(), |l| l.matched.clone());
        // Score the candidates cheaply, then compute highlight positions for the few that are shown.
        let mut matched = Vec::new();
        let mut scored: Vec<(i64, usize)> = Vec::new();
        for i in candidates {
            let Some(p) = self.prepared.get(i) else { continue };
            if !Lang::BOTH.iter().any(|&l| query.could_match(&p[l])) {
                continue;
            }
            matched.push(i);
            let best = Lang::BOTH
                .iter()
                .filter_map(|&l| query.best(&p[l], false))
                .map(|m| m.0)
                .max();
            scored.extend(best.map(|score| (score, i)));
        }
        scored.sort_by_key(|&(score, i)| (std::cmp::Reverse(score), self.topics[i].kind, i));
        scored.truncate(limit);
        let hits: Vec<Hit> = scored
            .into_iter()
            .map(|(score, topic)| Hit {
                topic,
                score,
                positions: ByLang::new(
                    query.positions(&self.prepared[topic].en),
                    query.positions(&self.prepared[topic].ru),
                ),
            })
            .collect();
        typed.push(LastQuery {
            matched,
            folded: query.folded,
            latin: query.latin,
            limit,
            hits: hits.clone(),
        });
        hits
    }
}

struct Query {
    folded: String,
    latin: String,
    /// The query is in Latin script already (`latin == folded`).
    latin_only: bool,
    /// Short enough to match as a word start; see [`PREFIX_QUERY_CHARS`].
    prefix: bool,
    /// The lowest score that counts as a match, for the folded and the Latin form: four fifths of the
    /// query's score as a word inside a text (a letter skipped still passes, `krsk` for Kursk). Below it
    /// the query's letters are strewn through unrelated words (`tramp` in "it import substitution"),
    /// which would fill the list when nothing matches.
    floor: (i64, i64),
    matcher: SkimMatcherV2,
}

impl Query {
    /// The best match of the query against one snippet, with the matched chars of the folded text
    /// when `with_positions`: the folded forms against each other, and where the scripts differ
    /// (or a Latin query meets Cyrillic) the Latin-script forms too.
    fn best<'p>(&self, p: &'p Prepared, with_positions: bool) -> Option<(i64, Vec<usize>, &'p Folded)> {
        let run = |f: &'p Folded, q: &str, floor: i64| {
            // A query of letters with no Latin spelling (ь) is empty in Latin and matches nothing there.
            if self.prefix {
                return word_start(q.trim(), f, with_positions);
            }
            if q.is_empty() || !fits_in_window(q, &f.text) {
                return None;
            }
            let (skipped, choice) = matchable_part(q, &f.text);
            let (score, indices) = if with_positions {
                let (score, indices) = self.matcher.fuzzy_indices(choice, q)?;
                (score, indices.into_iter().map(|i| i + skipped).collect())
            } else {
                (self.matcher.fuzzy_match(choice, q)?, Vec::new())
            };
            (score >= floor).then_some((score, indices, f))
        };
        let same_script = run(&p.folded, &self.folded, self.floor.0);
        if same_script.is_some() && !(self.latin_only && p.latin.is_some()) {
            return same_script;
        }
        let across = run(p.latin.as_ref().unwrap_or(&p.folded), &self.latin, self.floor.1);
        [same_script, across].into_iter().flatten().max_by_key(|m| m.0)
    }

    /// Whether any variant holds the query's chars in order: the set a longer query can still match.
    fn could_match(&self, p: &Prepared) -> bool {
        let holds = |q: &str, f: &Folded| !q.is_empty() && is_subsequence(q, &f.text);
        holds(&self.folded, &p.folded) || holds(&self.latin, p.latin.as_ref().unwrap_or(&p.folded))
    }

    /// Char indices of the snippet matched by the best variant, ascending.
    fn positions(&self, p: &Prepared) -> Vec<usize> {
        let Some((_, indices, f)) = self.best(p, true) else {
            return Vec::new();
        };
        let mut out: Vec<usize> = indices.iter().filter_map(|&i| f.source.get(i).copied()).collect();
        out.dedup();
        out
    }
}

/// A short query at the start of a word of `f`: scores 2 at the start of the snippet, 1 at a later word,
/// with the matched folded chars when `with_positions`.
fn word_start<'p>(q: &str, f: &'p Folded, with_positions: bool) -> Option<(i64, Vec<usize>, &'p Folded)> {
    if q.is_empty() {
        return None;
    }
    let text = f.text.as_str();
    let at = text
        .match_indices(q)
        .map(|(b, _)| b)
        .find(|&b| text[..b].chars().next_back().is_none_or(|c| !c.is_alphanumeric()))?;
    let indices = if with_positions {
        let first = text[..at].chars().count();
        (first..first + q.chars().count()).collect()
    } else {
        Vec::new()
    };
    Some((if at == 0 { 2 } else { 1 }, indices, f))
}

/// Whether `text` holds the chars of `q` in order: the matcher's own first test, without its
/// per-call copying into char buffers, which dominates on the many snippets that cannot match.
fn is_subsequence(q: &str, text: &str) -> bool {
    let mut rest = text.chars();
    q.chars().all(|c| rest.any(|t| t == c))
}

/// The part of `text` a match of `q` can touch, with the number of chars skipped before it: from
/// the char before the first occurrence of `q`'s first char (the matcher's bonus for a char depends
/// on the one before it) to the last occurrence of its last char. Scoring just that part gives the
/// same score and is cheaper: the matcher classifies every char it is given.
fn matchable_part<'t>(q: &str, text: &'t str) -> (usize, &'t str) {
    let (Some(first), Some(last)) = (q.chars().next(), q.chars().next_back()) else {
        return (0, text);
    };
    let Some(at) = text.char_indices().position(|(_, c)| c == first) else {
        return (0, text);
    };
    let skipped = at.saturating_sub(1);
    let start = text.char_indices().nth(skipped).map_or(0, |(b, _)| b);
    let end = text.rfind(last).map_or(text.len(), |b| b + last.len_utf8());
    (skipped, text.get(start..end.max(start)).unwrap_or(text))
}

/// Whether `text` holds the chars of `q` in order within a window a few times the query's length.
/// Matches spread wider are noise (a query's letters strewn over a sentence); skipping them before
/// the matcher's quadratic scoring keeps a keystroke cheap.
fn fits_in_window(q: &str, text: &str) -> bool {
    let window = 4 * q.chars().count() + 16;
    // Minimal windows one after another: the earliest end of a match from `from`, then the latest
    // start of a match ending there; each step moves past a start, so the scan stays near linear.
    let mut from = 0;
    loop {
        let Some(end) = match_end(q, text.get(from..).unwrap_or("")).map(|e| from + e) else {
            return false;
        };
        let start = match_start(q, &text[..end]);
        if text[start..end].chars().nth(window).is_none() {
            return true;
        }
        from = start + text[start..].chars().next().map_or(1, char::len_utf8);
    }
}

/// The byte just past the earliest match of `q` as a subsequence of `text`.
fn match_end(q: &str, text: &str) -> Option<usize> {
    let mut need = q.chars().peekable();
    for (b, c) in text.char_indices() {
        if need.next_if_eq(&c).is_some() && need.peek().is_none() {
            return Some(b + c.len_utf8());
        }
    }
    None
}

/// The byte where the latest match of `q` as a subsequence of `text` starts (`text` holds one).
fn match_start(q: &str, text: &str) -> usize {
    let mut need = q.chars().rev().peekable();
    for (b, c) in text.char_indices().rev() {
        if need.next_if_eq(&c).is_some() && need.peek().is_none() {
            return b;
        }
    }
    0
}

/// The sentences of a unit's side, in order across its parts (the numbering `Link` uses).
fn side_sentences<'t>(t: &'t Transcript, u: &'t Unit, lang: Lang) -> Vec<&'t str> {
    u.sentences(t, lang).map(|s| s.text).collect()
}

fn side_kind(t: &Transcript, u: &Unit, lang: Lang) -> Option<BlockKind> {
    Some(t.version(lang)?.blocks.get(u.block(lang)?)?.kind)
}

/// At most `SNIPPET_CHARS` chars of `text`, starting a little before char `focus`, with `…` where cut,
/// and cut between words where one ends near the edge.
fn cut(text: &str, focus: usize) -> String {
    const SNAP: usize = 12;
    let chars: Vec<char> = text.trim().chars().collect();
    let n = chars.len();
    let Range { mut start, mut end } = window(n, focus);
    if start > 0
        && let Some(space) = chars[start..(start + SNAP).min(end)]
            .iter()
            .position(|c| c.is_whitespace())
    {
        start += space + 1;
    }
    if end < n
        && let Some(space) = chars[end.saturating_sub(SNAP).max(start)..end]
            .iter()
            .rposition(|c| c.is_whitespace())
    {
        end = end.saturating_sub(SNAP).max(start) + space;
    }
    let mut out = String::with_capacity(SNIPPET_CHARS * 2);
    if start > 0 {
        out.push('…');
    }
    out.extend(&chars[start..end]);
    if end < n {
        let trimmed = out.trim_end().len();
        out.truncate(trimmed);
        out.push('…');
    }
    out
}

/// The chars of an `n`-char text that [`cut`] shows around `focus`.
fn window(n: usize, focus: usize) -> Range<usize> {
    if n <= SNIPPET_CHARS {
        return 0..n;
    }
    let mut room = SNIPPET_CHARS - 1;
    let start = focus.saturating_sub(room / 4).min(n - room);
    if start > 0 && start + room < n {
        room -= 1;
    }
    start..start + room
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
            let first = |l: Lang| opening(&sides[l]).map_or_else(String::new, |s| cut(s, 0));
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

/// The sentence a turn opens with, past a bare form of address or greeting
/// («Уважаемый Александр Григорьевич!», "Hello!") when more follows.
fn opening<'s>(sentences: &[&'s str]) -> Option<&'s str> {
    let address = |s: &&str| s.ends_with('!') && s.split_whitespace().count() < 5;
    sentences
        .iter()
        .find(|s| !address(s))
        .or(sentences.first())
        .copied()
}

/// A word of folded text: its stem and where it starts in the original, in chars.
struct Word {
    stem: String,
    at: usize,
}

fn version_words(t: &Transcript, lang: Lang, mut f: impl FnMut(&str, bool)) {
    for (_, p) in t.version(lang).into_iter().flat_map(|v| v.paragraphs()) {
        for s in p.sentence_texts() {
            for_each_word(s, lang, |stem, _, proper| f(stem, proper));
        }
    }
}

/// The content words of one sentence: three letters or more, not a stop word.
fn words(sentence: &str, lang: Lang) -> Vec<Word> {
    let mut out = Vec::new();
    for_each_word(sentence, lang, |stem, at, _| {
        out.push(Word {
            stem: stem.to_string(),
            at,
        })
    });
    out
}

/// Calls `f(stem, char index in the sentence, proper)` for each content word of `sentence`; `proper`
/// when it is capitalised though not at the sentence start: likely a name (Орешник, Kursk).
fn for_each_word(sentence: &str, lang: Lang, mut f: impl FnMut(&str, usize, bool)) {
    let mut buf = FoldBuf::default();
    let mut word = String::new();
    let (mut start, mut proper, mut seen_text) = (0, false, false);
    let mut emit = |word: &mut String, start: usize, proper: bool| {
        if word.chars().nth(2).is_some() && !is_stop_word(word, lang) {
            let stem = stem(word);
            if !is_stop_word(stem, lang) {
                f(stem, start, proper);
            }
        }
        word.clear();
    };
    for (i, c) in sentence.chars().enumerate() {
        let folded = fold_char(c, &mut buf);
        if folded.is_empty() {
            continue; // a stress mark inside a word
        }
        if folded.iter().all(|&c| is_letter(c)) {
            if word.is_empty() {
                start = i;
                proper = c.is_uppercase() && seen_text;
            }
            word.extend(folded);
        } else {
            emit(&mut word, start, proper);
        }
        seen_text |= c.is_ascii_digit() || is_letter(c);
    }
    emit(&mut word, start, proper);
}

/// Strips one common inflectional ending, so «перемирие»/«перемирия» and ceasefire/ceasefires meet.
fn stem(word: &str) -> &str {
    const ENDINGS: [&str; 45] = [
        "иями", "ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими", "ией", "ия", "ие", "ии", "ий", "ый",
        "ой", "ей", "ая", "яя", "ое", "ее", "ые", "ом", "ем", "ам", "ям", "ах", "ях", "ов", "ев", "ую", "юю",
        "ию", "ью", "а", "я", "о", "е", "ы", "и", "у", "ю", "ь", "й", "s",
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

/// Function words, and patronymics: a form of address (Владимир Владимирович), not a topic.
fn is_stop_word(word: &str, lang: Lang) -> bool {
    if crate::translit::is_patronymic(word) {
        return true;
    }
    match lang {
        Lang::En => matches!(
            word,
            "the"
                | "and"
                | "for"
                | "are"
                | "but"
                | "not"
                | "you"
                | "all"
                | "any"
                | "can"
                | "had"
                | "her"
                | "was"
                | "one"
                | "our"
                | "out"
                | "has"
                | "him"
                | "his"
                | "how"
                | "now"
                | "see"
                | "two"
                | "way"
                | "who"
                | "did"
                | "its"
                | "let"
                | "say"
                | "she"
                | "too"
                | "use"
                | "yes"
                | "yet"
                | "get"
                | "may"
                | "per"
                | "via"
                | "that"
                | "this"
                | "with"
                | "have"
                | "from"
                | "they"
                | "will"
                | "would"
                | "there"
                | "their"
                | "what"
                | "about"
                | "which"
                | "when"
                | "were"
                | "been"
                | "also"
                | "into"
                | "than"
                | "then"
                | "them"
                | "these"
                | "those"
                | "some"
                | "such"
                | "only"
                | "very"
                | "more"
                | "most"
                | "other"
                | "just"
                | "should"
                | "could"
                | "because"
                | "while"
                | "where"
                | "your"
                | "ours"
                | "here"
                | "well"
                | "even"
                | "each"
                | "both"
                | "being"
                | "over"
                | "under"
                | "after"
                | "before"
                | "again"
                | "does"
                | "done"
                | "must"
                | "said"
                | "thank"
                | "today"
                | "like"
                | "much"
                | "many"
                | "know"
                | "think"
                | "believe"
                | "certainly"
                | "course"
        ),
        Lang::Ru => matches!(
            word,
            "что"
                | "как"
                | "это"
                | "все"
                | "его"
                | "она"
                | "они"
                | "так"
                | "уже"
                | "или"
                | "нас"
                | "вас"
                | "нам"
                | "вам"
                | "тем"
                | "чем"
                | "где"
                | "кто"
                | "для"
                | "при"
                | "без"
                | "под"
                | "над"
                | "еще"
                | "там"
                | "тут"
                | "даже"
                | "был"
                | "была"
                | "было"
                | "были"
                | "оно"
                | "них"
                | "ним"
                | "мне"
                | "меня"
                | "эти"
                | "этот"
                | "эта"
                | "этого"
                | "этой"
                | "этом"
                | "тот"
                | "той"
                | "того"
                | "том"
                | "который"
                | "которые"
                | "которая"
                | "которых"
                | "чтобы"
                | "если"
                | "когда"
                | "только"
                | "тоже"
                | "также"
                | "можно"
                | "нужно"
                | "надо"
                | "очень"
                | "более"
                | "всех"
                | "всего"
                | "всем"
                | "свой"
                | "свои"
                | "своих"
                | "наш"
                | "наши"
                | "наших"
                | "нашей"
                | "наша"
                | "ваш"
                | "себя"
                | "есть"
                | "будет"
                | "будем"
                | "быть"
                | "сейчас"
                | "потому"
                | "хотя"
                | "конечно"
                | "спасибо"
                | "сегодня"
                | "здесь"
                | "вот"
                | "чего"
                | "кого"
                | "него"
                | "нее"
                | "ней"
                | "ему"
                | "раз"
                | "два"
                | "три"
                | "после"
                | "между"
                | "через"
        ),
    }
}

/// The stems of `lang` that stand out in `t` against the library, with their weights: tf-idf, names
/// (capitalised mid-sentence) weighted up, the speakers' own names left out (they stand out in every
/// transcript they are in and say nothing about topics). Only the top few per cent of the vocabulary,
/// and only words used twice or names, so that a sentence of common words is no topic.
fn key_stems(t: &Transcript, lang: Lang, background: &TermStats) -> HashMap<String, f64> {
    let mut tf: HashMap<String, (u32, bool)> = HashMap::new();
    version_words(t, lang, |stem, proper| match tf.get_mut(stem) {
        Some((n, p)) => {
            *n += 1;
            *p |= proper;
        }
        None => {
            tf.insert(stem.to_string(), (1, proper));
        }
    });
    let names: HashSet<String> = t
        .speakers
        .iter()
        .flat_map(|s| words(&s.name[lang], lang))
        .map(|w| w.stem)
        .collect();
    let vocabulary = tf.len();
    let mut scored: Vec<(String, f64)> = tf
        .into_iter()
        .filter(|(stem, (n, proper))| (*n >= 2 || *proper) && !names.contains(stem))
        .map(|(stem, (n, proper))| {
            let weight =
                (1.0 + f64::from(n).ln()) * background.idf(lang, &stem) * if proper { 1.5 } else { 1.0 };
            (stem, weight)
        })
        .collect();
    scored.sort_by(|x, y| y.1.total_cmp(&x.1).then_with(|| x.0.cmp(&y.0)));
    scored.truncate((vocabulary / 15).clamp(40, 600));
    scored.into_iter().collect()
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

fn term_topics(t: &Transcript, a: &Alignment, background: &TermStats) -> Vec<Topic> {
    let key = ByLang::new(
        key_stems(t, Lang::En, background),
        key_stems(t, Lang::Ru, background),
    );
    let weight = |lang: Lang, w: &Word| key[lang].get(&w.stem).copied().unwrap_or(0.0);

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
        let occurrences = |lang: Lang| -> Vec<Occurrence> {
            sentences[lang]
                .iter()
                .enumerate()
                .flat_map(|(s, text)| words(text, lang).into_iter().map(move |w| (s, w)))
                .map(|(sentence, w)| Occurrence {
                    sentence,
                    weight: weight(lang, &w),
                    at: w.at,
                    stem: w.stem,
                })
                .filter(|o| o.weight > 0.0)
                .collect()
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
                let other = counterpart(
                    u,
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
    // The char windows already shown of each sentence: a term inside one is already in view.
    let mut shown: HashMap<(usize, Lang, usize), Vec<Range<usize>>> = HashMap::new();
    let mut out = Vec::new();
    for c in candidates {
        let Some((s, focus)) = c.sentence[c.lang] else {
            continue;
        };
        if shown
            .get(&(c.unit, c.lang, s))
            .is_some_and(|ws| ws.iter().any(|w| w.contains(&focus)))
        {
            continue;
        }
        let u = &a.units[c.unit];
        let mut snippet = |l: Lang| {
            let Some((s, focus)) = c.sentence[l] else {
                return String::new();
            };
            let sentences = side_sentences(t, u, l);
            let Some(text) = sentences.get(s) else {
                return String::new();
            };
            shown
                .entry((c.unit, l, s))
                .or_default()
                .push(window(text.chars().count(), focus));
            cut(text, focus)
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
                (0, "We discussed the economy."),
                (3, "Regarding the ceasefire, we agree.")
            ]
        );
        assert_eq!(openings[1].snippet.ru, "Что касается перемирия, мы за.");
    }

    #[test]
    fn an_opening_skips_a_bare_greeting() {
        assert_eq!(
            opening(&["Dear friends!", "Hello!", "We met today."]),
            Some("We met today.")
        );
        assert_eq!(opening(&["Hello!"]), Some("Hello!"));
        assert_eq!(
            opening(&["Thank you all very much for coming here today!"]),
            Some("Thank you all very much for coming here today!")
        );
        assert_eq!(opening(&[]), None);
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
    fn only_a_q_and_a_heading_makes_newcomers_journalists() {
        use BlockKind::*;
        let kinds = |heading: &str| {
            let t = Transcript {
                speakers: vec![
                    speaker("putin", "Vladimir Putin", "Владимир Путин"),
                    speaker("shoigu", "Sergei Shoigu", "Сергей Шойгу"),
                ],
                versions: ByLang::new(
                    None,
                    version(&[
                        (Turn(0), &["Коллеги, начнём."]),
                        (Heading, &[heading]),
                        (Turn(1), &["Граница укреплена."]),
                    ]),
                ),
            };
            let ix = index(&t, &[]);
            ix.topics()
                .iter()
                .filter(|t| matches!(t.kind, TopicKind::Question | TopicKind::Opening))
                .map(|t| (t.unit, t.kind))
                .collect::<Vec<_>>()
        };
        // A section about questions of security is no Q&A: its first speaker is not asking.
        assert_eq!(
            kinds("Вопросы безопасности"),
            [(0, TopicKind::Opening), (2, TopicKind::Opening)]
        );
        for qa in ["Вопросы и ответы", "Q & A", "Questions and answers"] {
            assert_eq!(
                kinds(qa),
                [(0, TopicKind::Opening), (2, TopicKind::Question)],
                "{qa}"
            );
        }
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
        let words = "word ".repeat(30) + "TERM " + &"word ".repeat(30);
        let s = cut(&words, 150);
        assert!(
            s.starts_with("…word") && s.ends_with("word…") && s.contains("TERM"),
            "{s}"
        );
        assert!(s.chars().count() <= SNIPPET_CHARS);
        assert_eq!(cut("  short  ", 3), "short");
    }

    #[test]
    fn blank_queries_and_limits() {
        let t = press_conference();
        let ix = index(&t, &[&t]);
        assert!(ix.query("", 10).is_empty());
        assert!(ix.query("   ", 10).is_empty());
        assert!(ix.query("c", 0).is_empty());
        let all = ix.query("c", 50);
        assert!(all.len() >= 2, "{all:?}");
        assert_eq!(ix.query("c", 1), all[..1]);
        let long = "ceasefire ".repeat(100);
        assert!(
            ix.query(&long, 5).is_empty(),
            "a 1000-char query is cut, and still matches nothing here"
        );
    }

    #[test]
    fn a_letter_or_two_match_word_starts_and_longer_queries_stay_fuzzy() {
        let t = press_conference();
        let ix = index(&t, &[&t]);
        for q in ["c", "ce", "к", "ку", "q"] {
            let hits = ix.query(q, 50);
            assert!(!hits.is_empty(), "{q}");
            for hit in &hits {
                let topic = &ix.topics()[hit.topic];
                let starts_word = Lang::BOTH.iter().any(|&l| {
                    let ps = &hit.positions[l];
                    let before = ps.first().and_then(|&p| p.checked_sub(1));
                    !ps.is_empty()
                        && ps.windows(2).all(|w| w[1] == w[0] + 1)
                        && before.is_none_or(|b| {
                            !topic.snippet[l].chars().nth(b).is_some_and(char::is_alphanumeric)
                        })
                });
                assert!(starts_word, "{q}: {topic:?} {hit:?}");
            }
            // A snippet that starts with the query comes first.
            let first: Vec<bool> = hits
                .iter()
                .map(|h| h.positions.en.first() == Some(&0) || h.positions.ru.first() == Some(&0))
                .collect();
            assert!(first.windows(2).all(|w| w[0] || !w[1]), "{q}: {first:?}");
        }
        assert_eq!(ix.topics()[ix.query("q", 1)[0].topic].snippet.en, "Q&A");
        // Inside a word: no match for two letters, a fuzzy one from three.
        assert!(
            !ix.query("ea", 50)
                .iter()
                .any(|h| ix.topics()[h.topic].snippet.en.contains("ceasefire?"))
        );
        let hits = ix.query("eas", 50);
        let question = &ix.topics()[hits[0].topic];
        assert_eq!(highlighted(&question.snippet.en, &hits[0].positions.en), "eas");
    }

    #[test]
    fn typing_narrows_to_the_same_hits_as_a_fresh_query() {
        let t = press_conference();
        let typed = index(&t, &[&t]);
        let steps = [
            "k", "ku", "kur", "kurs", "kursk", "kur", "ku", "kur", "к", "ку", "кур", "ку", "кур", "e", "ea",
            "eas", "ceas",
        ];
        for q in steps {
            assert_eq!(typed.query(q, 50), index(&t, &[&t]).query(q, 50), "{q}");
        }
        assert!(!typed.query("kursk", 5).is_empty());
    }

    #[test]
    fn strewn_letters_do_not_match() {
        assert!(fits_in_window("kursk", "the kursk region"));
        assert!(fits_in_window("ncs", "new customs standards"));
        let strewn = format!("a{}b{}c", "x".repeat(40), "y".repeat(40));
        assert!(is_subsequence("abc", &strewn));
        assert!(!fits_in_window("abc", &strewn));
        // A later start can fit where the first one does not.
        assert!(fits_in_window("abc", &format!("a{}abc", "x".repeat(60))));
        assert!(fits_in_window(
            "aab",
            &format!("a{}a{}ab", "x".repeat(60), "y".repeat(10))
        ));
        assert!(!fits_in_window(
            "aab",
            &format!("a{}a{}b", "x".repeat(60), "y".repeat(60))
        ));
        assert!(fits_in_window("ё", "ё"));
        assert!(!fits_in_window("ёж", "жё"));
    }

    /// The window test by brute force: a greedy match from every start.
    fn fits_in_window_slowly(q: &str, text: &str) -> bool {
        let (q, text): (Vec<char>, Vec<char>) = (q.chars().collect(), text.chars().collect());
        let window = 4 * q.len() + 16;
        (0..text.len()).any(|i| {
            let mut need = q.iter().peekable();
            for c in &text[i..(i + window).min(text.len())] {
                need.next_if_eq(&c);
            }
            need.peek().is_none()
        })
    }

    proptest::proptest! {
        #[test]
        fn window_test_agrees_with_brute_force(q in "[ab]{1,3}", text in "(x{0,30}[ab]){0,6}") {
            proptest::prop_assert_eq!(fits_in_window(&q, &text), fits_in_window_slowly(&q, &text));
        }

        #[test]
        fn hits_point_at_snippet_chars_that_spell_the_query(
            text in "[a-zA-Zа-яА-ЯёЁщЩ\u{301}’«» ,.?!]{0,200}",
            q in "[a-zа-яё щ]{0,6}",
        ) {
            let t = russian_report(&text);
            let ix = index(&t, &[&t]);
            for hit in ix.query(&q, 10) {
                let topic = &ix.topics()[hit.topic];
                for l in Lang::BOTH {
                    let n = topic.snippet[l].chars().count();
                    let ps = &hit.positions[l];
                    proptest::prop_assert!(ps.windows(2).all(|w| w[0] < w[1]) && ps.iter().all(|&p| p < n));
                    if ps.is_empty() {
                        continue;
                    }
                    // The folded chars that came from the highlighted ones, in either script, hold the query.
                    let highlighted = |f: Folded| -> String {
                        f.text.chars().zip(f.source).filter(|(_, s)| ps.contains(s)).map(|(c, _)| c).collect()
                    };
                    let snippet = &topic.snippet[l];
                    let spelt = is_subsequence(&fold(q.trim()).text, &highlighted(fold(snippet)))
                        || is_subsequence(&fold_latin(q.trim()).text, &highlighted(fold_latin(snippet)));
                    proptest::prop_assert!(spelt, "{q:?} at {ps:?} in {snippet:?}");
                }
                proptest::prop_assert!(!hit.positions.en.is_empty() || !hit.positions.ru.is_empty());
            }
        }
    }

    #[test]
    fn scoring_the_matchable_part_scores_the_whole() {
        let m = SkimMatcherV2::default().respect_case();
        for (q, text) in [
            ("kursk", "the region of kursk and the kursk oblast, said kursk"),
            ("ks", "xkxxsxks"),
            ("e", "e"),
            ("орешн", "комплекс «орешник» и орешник"),
        ] {
            let (skipped, part) = matchable_part(q, text);
            let (whole, at) = m.fuzzy_indices(text, q).expect("matches");
            let (score, part_at) = m.fuzzy_indices(part, q).expect("part matches");
            assert_eq!(score, whole, "{q} in {text}");
            assert_eq!(
                part_at.iter().map(|i| i + skipped).collect::<Vec<_>>(),
                at,
                "{q} in {text}"
            );
        }
    }

    #[test]
    fn letters_strewn_through_unrelated_words_are_no_match() {
        let report = russian_report("Стороны обсудили актуальные вопросы. Визит в Курскую область.");
        let ix = index(&report, &[&report]);
        let hits = ix.query("kursk", 10);
        assert_eq!(hits.len(), 1, "{hits:?}");
        assert!(ix.topics()[hits[0].topic].snippet.ru.contains("Курскую"));
        assert!(ix.query("tramp", 10).is_empty());
        // A letter skipped is still a match.
        assert_eq!(ix.query("krsk", 10).len(), 1);
    }

    #[test]
    fn stems_meet_across_inflections() {
        assert_eq!(stem("перемирие"), stem("перемирия"));
        assert_eq!(stem("орешника"), "орешник");
        assert_eq!(stem("ceasefires"), "ceasefire");
        assert_eq!(stem("process"), "process");
    }
}
