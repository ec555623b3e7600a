//! Search: finds a query in both languages of an aligned transcript, word by word through the
//! one matcher (`matcher`): case and ё folded, word forms by stem, either script, typos.
//!
//! `find` is the reader's `/`: every place the query's words stand one after another, in reading
//! order. `passages` is `stenogram find` and the library search: the sentence pairs holding all
//! the query's content words, best first.

use crate::align::Alignment;
use crate::matcher::{Meetings, Query, Vocabulary};
use crate::model::{ByLang, Lang, Paragraph, Transcript};
use crate::words::for_each_word;
use std::collections::HashSet;
use std::ops::Range;

/// One occurrence of the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    /// Index into `Alignment::units`.
    pub unit: usize,
    pub lang: Lang,
    /// Block and paragraph (within the block) of `lang`'s version.
    pub block: usize,
    pub para: usize,
    /// Byte range in the paragraph's text, on char boundaries.
    pub range: Range<usize>,
}

/// A sentence that holds the query's words, with its counterpart in the other language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    /// Index into `Alignment::units`.
    pub unit: usize,
    /// The sentence of each side, in the numbering `Unit::sentences` uses; `None` for a side
    /// without one.
    pub sentences: ByLang<Option<usize>>,
    /// Higher is better: the matcher's score of the pair.
    pub score: u32,
    /// The words that meet the query, in reading order.
    pub matches: Vec<Match>,
}

/// The words of every paragraph in reading order, built once per transcript so that a query is
/// a lookup per word.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchIndex {
    vocab: Vocabulary,
    paras: Vec<IndexedPara>,
}

#[derive(Debug, Clone, PartialEq)]
struct IndexedPara {
    unit: usize,
    lang: Lang,
    block: usize,
    para: usize,
    /// The unit side's number (as `Unit::sentences` counts) of the part's first sentence.
    first_sentence: usize,
    /// The word each sentence of the part starts at.
    sentence_words: Vec<u32>,
    /// Vocabulary ids of the words, and their bytes in the paragraph's text.
    ids: Vec<u32>,
    spans: Vec<(u32, u32)>,
}

impl IndexedPara {
    fn words(&self) -> impl Iterator<Item = (usize, u32, Range<usize>)> + '_ {
        self.ids
            .iter()
            .zip(&self.spans)
            .enumerate()
            .map(|(k, (&id, &(start, end)))| (k, id, start as usize..end as usize))
    }

    /// The words of the part's `k`th sentence.
    fn sentence(&self, k: usize) -> Range<usize> {
        let at = |k: usize| self.sentence_words.get(k).map_or(self.ids.len(), |&w| w as usize);
        at(k)..at(k + 1)
    }

    /// The unit side's number of the sentence word `w` is in.
    fn sentence_of(&self, w: usize) -> usize {
        self.first_sentence
            + self
                .sentence_words
                .partition_point(|&s| s as usize <= w)
                .saturating_sub(1)
    }

    /// Adds the words of bytes `range` of the paragraph's `text`.
    fn push_words(&mut self, text: &str, range: Range<usize>, vocab: &mut Vocabulary) {
        for_each_word(text.get(range.clone()).unwrap_or(""), |at, folded| {
            self.ids.push(vocab.id(folded));
            let (start, end) = (range.start + at.bytes.start, range.start + at.bytes.end);
            self.spans.push((start as u32, end as u32));
        });
    }

    fn paragraph<'t>(&self, t: &'t Transcript) -> Option<&'t Paragraph> {
        t.version(self.lang)?
            .blocks
            .get(self.block)?
            .paragraphs
            .get(self.para)
    }

    fn matched(&self, text: &str, range: Range<usize>) -> Match {
        debug_assert!(text.is_char_boundary(range.start));
        Match {
            unit: self.unit,
            lang: self.lang,
            block: self.block,
            para: self.para,
            range,
        }
    }
}

impl SearchIndex {
    /// Cuts every paragraph (or piece of one) the alignment shows into words, in reading order:
    /// unit order, English before Russian within a unit, paragraph order.
    pub fn build(t: &Transcript, a: &Alignment) -> SearchIndex {
        let mut vocab = Vocabulary::default();
        let mut paras = Vec::new();
        for (unit, u) in a.units.iter().enumerate() {
            for lang in Lang::BOTH {
                let Some(version) = t.version(lang) else {
                    continue;
                };
                let mut first_sentence = 0;
                for part in &u.parts[lang] {
                    let Some((p, shown)) = part.text(version) else {
                        continue;
                    };
                    let mut indexed = IndexedPara {
                        unit,
                        lang,
                        block: part.block,
                        para: part.para,
                        first_sentence,
                        sentence_words: Vec::new(),
                        ids: Vec::new(),
                        spans: Vec::new(),
                    };
                    let sentences = p.sentences.get(part.sentences.clone()).unwrap_or(&[]);
                    for s in sentences {
                        indexed.sentence_words.push(indexed.ids.len() as u32);
                        indexed.push_words(&p.text, s.range(), &mut vocab);
                    }
                    if sentences.is_empty() {
                        indexed.push_words(&p.text, shown, &mut vocab);
                    }
                    first_sentence += sentences.len();
                    paras.push(indexed);
                }
            }
        }
        SearchIndex { vocab, paras }
    }

    /// Every place in `t` (the transcript the index was built from) where the query's words stand
    /// one after another, in reading order: from the start of the first one's highlighted part to
    /// the end of the last one's. A query without words matches nothing.
    pub fn find(&self, t: &Transcript, query: &str) -> Vec<Match> {
        let query = Query::new(query);
        if query.is_empty() {
            return Vec::new();
        }
        let m = query.meet(&self.vocab);
        let n = m.words();
        let mut out = Vec::new();
        for p in &self.paras {
            let Some(text) = p.paragraph(t).map(|p| p.text.as_str()) else {
                continue;
            };
            let mut next = 0;
            for i in m.phrase_starts(&p.ids) {
                if i < next {
                    continue;
                }
                let part = |q: usize| {
                    let w = i + q;
                    let (start, end) = p.spans[w];
                    let word = text.get(start as usize..end as usize).unwrap_or("");
                    let how = m
                        .get(q, p.ids[w])
                        .map(|meet| meet.how.bytes(word))
                        .unwrap_or(0..word.len());
                    start as usize + how.start..start as usize + how.end
                };
                out.push(p.matched(text, part(0).start..part(n - 1).end));
                next = i + n;
            }
        }
        out
    }

    /// The words of the text.
    pub fn vocabulary(&self) -> &Vocabulary {
        &self.vocab
    }

    /// The sentence pairs of `t` (aligned as `a`, the index's own) that hold every content word of
    /// the query, in either language: best first, then in reading order.
    pub fn passages(&self, t: &Transcript, a: &Alignment, query: &Query) -> Vec<Passage> {
        if query.is_empty() {
            return Vec::new();
        }
        let m = query.meet(&self.vocab);
        // Sentences where some query word meets a word, and the pairs they make.
        let mut pairs: Vec<(usize, ByLang<Option<usize>>)> = Vec::new();
        let mut seen: HashSet<(usize, Lang, usize)> = HashSet::new();
        let mut paired: HashSet<(usize, Option<usize>, Option<usize>)> = HashSet::new();
        for p in &self.paras {
            for (k, id, _) in p.words() {
                if m.best(id).is_none() || !seen.insert((p.unit, p.lang, p.sentence_of(k))) {
                    continue;
                }
                let Some(u) = a.units.get(p.unit) else { continue };
                let s = p.sentence_of(k);
                let count = |l: Lang| u.sentences(t, l).count();
                let mut sentences = ByLang::default();
                sentences[p.lang] = Some(s);
                sentences[p.lang.other()] = u.counterpart(p.lang, s, count(p.lang), count(p.lang.other()));
                if paired.insert((p.unit, sentences.en, sentences.ru)) {
                    pairs.push((p.unit, sentences));
                }
            }
        }
        let mut out: Vec<Passage> = pairs
            .into_iter()
            .filter_map(|(unit, sentences)| self.passage(t, &m, unit, sentences))
            .collect();
        out.sort_by_key(|p| (std::cmp::Reverse(p.score), p.unit, p.sentences.en, p.sentences.ru));
        out
    }

    fn passage(
        &self,
        t: &Transcript,
        m: &Meetings,
        unit: usize,
        sentences: ByLang<Option<usize>>,
    ) -> Option<Passage> {
        // The indexed paragraphs and word ranges of each side's sentence.
        let side = |l: Lang| -> Vec<(&IndexedPara, Range<usize>)> {
            let Some(s) = sentences[l] else { return Vec::new() };
            // Paragraphs are in unit order.
            let first = self.paras.partition_point(|p| p.unit < unit);
            self.paras[first..]
                .iter()
                .take_while(|p| p.unit == unit)
                .filter(|p| p.lang == l)
                .filter(|p| s >= p.first_sentence && s < p.first_sentence + p.sentence_words.len())
                .map(|p| (p, p.sentence(s - p.first_sentence)))
                .collect()
        };
        let sides = ByLang::new(side(Lang::En), side(Lang::Ru));
        let ids = |l: Lang| -> Vec<u32> {
            sides[l]
                .iter()
                .flat_map(|(p, r)| p.ids[r.clone()].iter().copied())
                .collect()
        };
        let (en, ru) = (ids(Lang::En), ids(Lang::Ru));
        let score = m.score([en.as_slice(), ru.as_slice()])?;
        let mut matches = Vec::new();
        for l in Lang::BOTH {
            for (p, words) in &sides[l] {
                let Some(text) = p.paragraph(t).map(|p| p.text.as_str()) else {
                    continue;
                };
                for w in words.clone() {
                    let Some(meet) = m.best(p.ids[w]) else { continue };
                    let (start, end) = (p.spans[w].0 as usize, p.spans[w].1 as usize);
                    let how = meet.how.bytes(text.get(start..end).unwrap_or(""));
                    matches.push(p.matched(text, start + how.start..start + how.end));
                }
            }
        }
        Some(Passage {
            unit,
            sentences,
            score,
            matches,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::{Part, Unit};
    use crate::fold::fold;
    use crate::model::{Block, BlockKind, ByLang, Paragraph, Speaker, Version};
    use crate::words::stem;
    use proptest::prelude::*;

    fn para(text: &str) -> Paragraph {
        Paragraph {
            text: text.to_string(),
            sentences: vec![(0..text.len()).into()],
            line: 0,
        }
    }

    fn version(blocks: &[&[&str]]) -> Version {
        Version {
            meta: Default::default(),
            blocks: blocks
                .iter()
                .map(|ps| Block {
                    kind: BlockKind::Turn(0),
                    paragraphs: ps.iter().map(|t| para(t)).collect(),
                })
                .collect(),
        }
    }

    fn transcript(en: &[&[&str]], ru: &[&[&str]]) -> Transcript {
        Transcript {
            speakers: vec![Speaker {
                id: "putin".into(),
                name: ByLang::new("Vladimir Putin".into(), "Владимир Путин".into()),
                transliterated: ByLang::new(false, false),
            }],
            versions: ByLang::new(Some(version(en)), Some(version(ru))),
        }
    }

    /// A unit showing, on each side that has one, a (block, paragraph range).
    fn unit(en: Option<(usize, Range<usize>)>, ru: Option<(usize, Range<usize>)>) -> Unit {
        let side = |s: Option<(usize, Range<usize>)>| -> Vec<Part> {
            s.map_or(Vec::new(), |(block, paras)| {
                paras
                    .map(|para| Part {
                        block,
                        para,
                        sentences: 0..1,
                    })
                    .collect()
            })
        };
        Unit {
            parts: ByLang::new(side(en), side(ru)),
            speaker: Some(0),
            confidence: 1.0,
            evidence: Default::default(),
            links: Vec::new(),
        }
    }

    /// Block i of one side beside block i of the other, whole: units fixed by hand, as the tests are
    /// about search, not about what the aligner pairs.
    fn block_by_block(t: &Transcript) -> Alignment {
        let blocks = |l: Lang| t.version(l).map_or(0, |v| v.blocks.len());
        let side = |l: Lang, b: usize| {
            let v = t.version(l)?;
            Some((b, 0..v.blocks.get(b)?.paragraphs.len()))
        };
        Alignment {
            units: (0..blocks(Lang::En).max(blocks(Lang::Ru)))
                .map(|b| unit(side(Lang::En, b), side(Lang::Ru, b)))
                .collect(),
            ..Alignment::default()
        }
    }

    fn search(t: &Transcript, query: &str) -> Vec<Match> {
        SearchIndex::build(t, &block_by_block(t)).find(t, query)
    }

    fn texts<'a>(t: &'a Transcript, ms: &[Match]) -> Vec<&'a str> {
        ms.iter()
            .map(|m| {
                let v = t.version(m.lang).expect("version");
                &v.blocks[m.block].paragraphs[m.para].text[m.range.clone()]
            })
            .collect()
    }

    #[test]
    fn finds_in_both_languages_in_reading_order() {
        let t = transcript(
            &[
                &["A ceasefire now.", "No CEASEFIRE yet."],
                &["Later, a Ceasefire."],
            ],
            &[&["Перемирие сейчас."], &["ПЕРЕМИРИЕ позже, перемирие."]],
        );
        let a = Alignment {
            units: vec![
                unit(Some((0, 0..1)), Some((0, 0..1))),
                unit(Some((0, 1..2)), None),
                unit(Some((1, 0..1)), Some((1, 0..1))),
            ],
            ..Alignment::default()
        };
        let ms = SearchIndex::build(&t, &a).find(&t, "Ceasefire");
        assert_eq!(texts(&t, &ms), ["ceasefire", "CEASEFIRE", "Ceasefire"]);
        assert_eq!(
            ms.iter().map(|m| (m.unit, m.block, m.para)).collect::<Vec<_>>(),
            [(0, 0, 0), (1, 0, 1), (2, 1, 0)]
        );
        assert_eq!(ms[0].range, 2..11);

        let ms = SearchIndex::build(&t, &a).find(&t, "перемирие");
        assert_eq!(texts(&t, &ms), ["Перемирие", "ПЕРЕМИРИЕ", "перемирие"]);
        assert_eq!(
            ms[2].range,
            "ПЕРЕМИРИЕ позже, ".len().."ПЕРЕМИРИЕ позже, перемирие".len()
        );
    }

    #[test]
    fn english_comes_before_russian_within_a_unit_and_latin_finds_cyrillic() {
        let t = transcript(&[&["Kursk"]], &[&["Курск, Kursk"]]);
        let ms = search(&t, "kursk");
        assert_eq!(
            ms.iter().map(|m| (m.unit, m.lang)).collect::<Vec<_>>(),
            [(0, Lang::En), (0, Lang::Ru), (0, Lang::Ru)]
        );
        assert_eq!(texts(&t, &ms), ["Kursk", "Курск", "Kursk"]);
    }

    #[test]
    fn word_forms_and_transliteration_find_the_words_of_the_text() {
        let t = transcript(
            &[&["New sanctions were imposed."]],
            &[&["Добиться перемирия и прекращения огня."]],
        );
        assert_eq!(texts(&t, &search(&t, "sanction")), ["sanction"]);
        assert_eq!(texts(&t, &search(&t, "sanctioned")), ["sanctions"]);
        assert_eq!(texts(&t, &search(&t, "перемирие")), ["перемирия"]);
        assert_eq!(texts(&t, &search(&t, "прекращение огня")), ["прекращения огня"]);
        // A Latin start highlights the Cyrillic letters it spells.
        assert_eq!(texts(&t, &search(&t, "peremir")), ["перемир"]);
        assert_eq!(texts(&t, &search(&t, "ognya")), ["огня"]);
        // A typo, where nothing matches without one.
        assert_eq!(texts(&t, &search(&t, "sanctoins")), ["sanctions"]);
        // Words apart are no phrase.
        assert!(search(&t, "перемирие огня").is_empty());
    }

    #[test]
    fn yo_equals_ye_and_capitals_match_lowercase() {
        let t = transcript(&[&[]], &[&["Ёж и ещё ёлка. ЕЖИ"]]);
        assert_eq!(texts(&t, &search(&t, "ЁЖ")), ["Ёж", "ЕЖ"]);
        assert_eq!(texts(&t, &search(&t, "ещё")), ["ещё"]);
        assert_eq!(texts(&t, &search(&t, "еще")), ["ещё"]);
        assert_eq!(texts(&t, &search(&t, "ЁЛКА")), ["ёлка"]);
    }

    #[test]
    fn stress_marks_are_ignored_and_kept_in_the_range() {
        let t = transcript(&[&[]], &[&["Вот за\u{301}мок и замо\u{301}к."]]);
        assert_eq!(texts(&t, &search(&t, "замок")), ["за\u{301}мок", "замо\u{301}к"]);
        assert_eq!(
            texts(&t, &search(&t, "замо\u{301}")),
            ["за\u{301}мо", "замо\u{301}"]
        );
    }

    #[test]
    fn punctuation_need_not_be_typed_as_printed() {
        let t = transcript(&[&["Belarus’ economy, “Oreshnik”, 5,7%"]], &[&["«Орешник»"]]);
        assert_eq!(texts(&t, &search(&t, "belarus' e")), ["Belarus’ e"]);
        assert_eq!(texts(&t, &search(&t, "\"oreshnik\"")), ["Oreshnik", "Орешник"]);
        assert_eq!(texts(&t, &search(&t, "5.7")), ["5,7"]);
    }

    #[test]
    fn blank_query_matches_nothing() {
        let t = transcript(&[&["a b"]], &[&["а б"]]);
        assert!(search(&t, "").is_empty());
        assert!(search(&t, "  \t").is_empty());
        assert!(search(&t, " ? ").is_empty());
        // Latin a b, and Cyrillic а б read in Latin.
        assert_eq!(search(&t, "a b").len(), 2);
    }

    #[test]
    fn one_sided_units_are_searched() {
        let mut t = transcript(&[&["Hello"]], &[&["Привет"], &["Орешник"]]);
        t.versions.en = None;
        let ms = search(&t, "орешник");
        assert_eq!(ms.len(), 1);
        assert_eq!((ms[0].unit, ms[0].lang, ms[0].block), (1, Lang::Ru, 1));
    }

    /// A paragraph of sentences ending in ". ".
    fn sentences(text: &str) -> Paragraph {
        let mut spans = Vec::new();
        let mut start = 0;
        for (i, _) in text.match_indices(". ") {
            spans.push((start..i + 1).into());
            start = i + 2;
        }
        spans.push((start..text.len()).into());
        Paragraph {
            text: text.to_string(),
            sentences: spans,
            line: 7,
        }
    }

    #[test]
    fn passages_pair_sentences_and_rank_the_best_first() {
        let mut t = transcript(&[&[]], &[&[]]);
        t.versions.en.as_mut().expect("en").blocks[0].paragraphs = vec![sentences(
            "Trade grew. The Kursk ceasefire holds. A ceasefire is near.",
        )];
        t.versions.ru.as_mut().expect("ru").blocks[0].paragraphs = vec![sentences(
            "Торговля выросла. Перемирие под Курском соблюдается. Перемирие близко.",
        )];
        let a = Alignment {
            units: vec![Unit {
                parts: ByLang::new(
                    vec![Part {
                        block: 0,
                        para: 0,
                        sentences: 0..3,
                    }],
                    vec![Part {
                        block: 0,
                        para: 0,
                        sentences: 0..3,
                    }],
                ),
                ..unit(None, None)
            }],
            ..Alignment::default()
        };
        let ix = SearchIndex::build(&t, &a);
        let found = ix.passages(&t, &a, &Query::new("ceasefire kursk"));
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].sentences, ByLang::new(Some(1), Some(1)));
        assert_eq!(texts(&t, &found[0].matches), ["Kursk", "ceasefire", "Курск"]);

        let found = ix.passages(&t, &a, &Query::new("перемирие"));
        let pairs: Vec<_> = found.iter().map(|p| p.sentences.clone()).collect();
        assert_eq!(
            pairs,
            [ByLang::new(Some(1), Some(1)), ByLang::new(Some(2), Some(2))]
        );
        // Word forms count.
        let found = ix.passages(&t, &a, &Query::new("ceasefires"));
        assert_eq!(found.len(), 2);
        assert!(ix.passages(&t, &a, &Query::new("truce")).is_empty());
    }

    proptest! {
        #[test]
        fn ranges_are_words_or_the_parts_of_them_that_meet_the_query(
            text in "[aAbBеЕёЁжЖ\u{301}’' İẞ]{0,30}",
            query in "[aAbBеЕёЁжЖ]{1,3}",
        ) {
            let t = transcript(&[&[text.as_str()]], &[&[]]);
            let needle = fold(&query).text;
            let mut end = 0;
            for m in search(&t, &query) {
                prop_assert!(text.is_char_boundary(m.range.start) && text.is_char_boundary(m.range.end));
                prop_assert!(end <= m.range.start && m.range.start < m.range.end);
                end = m.range.end;
                let found = fold(&text[m.range.clone()]).text;
                prop_assert!(found == needle || stem(&found) == stem(&needle), "{found:?} vs {needle:?}");
            }
        }
    }
}
