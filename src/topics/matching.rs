//! Matching: a query against the topics' whole texts through the one matcher (`matcher`), ranked
//! by how well their words meet the query's, then by kind, then in document order; each hit
//! shown by a snippet that holds its matched words.

use super::snippets::view;
use super::{Hit, Topic, TopicIndex};
use crate::matcher::{Meetings, Query, Vocabulary};
use crate::model::{ByLang, Lang};
use crate::words::for_each_word;

/// The words of the topics' texts: vocabulary ids, and each word's chars in its text.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct TextWords {
    vocab: Vocabulary,
    ids: Vec<ByLang<Vec<u32>>>,
    chars: Vec<ByLang<Vec<(u32, u32)>>>,
}

impl TextWords {
    pub(super) fn new(topics: &[Topic]) -> TextWords {
        let mut words = TextWords::default();
        for topic in topics {
            let mut ids = ByLang::<Vec<u32>>::default();
            let mut chars = ByLang::<Vec<(u32, u32)>>::default();
            for l in Lang::BOTH {
                let text = &topic.text[l];
                for_each_word(text, |at, folded| {
                    ids[l].push(words.vocab.id(folded));
                    let len = text[at.bytes].chars().count();
                    chars[l].push((at.char as u32, (at.char + len) as u32));
                });
            }
            words.ids.push(ids);
            words.chars.push(chars);
        }
        words
    }
}

impl TopicIndex {
    /// The `limit` topics whose texts hold every content word of `q`, in either language and
    /// either script, best first: by the matcher's score, then headings and questions before
    /// openings and terms, then document order.
    pub fn query(&self, q: &str, limit: usize) -> Vec<Hit> {
        let query = Query::new(q);
        if query.is_empty() || limit == 0 {
            return Vec::new();
        }
        let words = &self.words;
        let m = query.meet(&words.vocab);
        let mut scored: Vec<(u32, usize)> = words
            .ids
            .iter()
            .enumerate()
            .filter_map(|(i, ids)| Some((m.score([ids.en.as_slice(), ids.ru.as_slice()])?, i)))
            .collect();
        scored.sort_by_key(|&(score, i)| (std::cmp::Reverse(score), self.topics[i].kind, i));
        scored.truncate(limit);
        scored
            .into_iter()
            .map(|(score, topic)| {
                let mut hit = Hit {
                    topic,
                    score: i64::from(score),
                    snippet: ByLang::default(),
                    positions: ByLang::default(),
                };
                for l in Lang::BOTH {
                    (hit.snippet[l], hit.positions[l]) = self.shown(&m, topic, l);
                }
                hit
            })
            .collect()
    }

    /// Topic `i`'s snippet in `lang` for a query: its own where that shows the matched words, else
    /// a cut of its text around the first of them; with the matched chars of it, ascending.
    fn shown(&self, m: &Meetings, i: usize, lang: Lang) -> (String, Vec<usize>) {
        let topic = &self.topics[i];
        let text = &topic.text[lang];
        let mut matched = Vec::new();
        for (&id, &(start, end)) in self.words.ids[i][lang].iter().zip(&self.words.chars[i][lang]) {
            let Some(meet) = m.best(id) else { continue };
            let word: String = text
                .chars()
                .skip(start as usize)
                .take((end - start) as usize)
                .collect();
            matched.extend(meet.how.chars(&word).map(|c| c + start as usize));
        }
        // The query as typed where it stands so, else its first word met.
        let ids = &self.words.ids[i][lang];
        let first = match m.phrase_starts(ids).next() {
            Some(w) if m.words() > 1 => Some(self.words.chars[i][lang][w].0 as usize),
            _ => matched.first().copied(),
        };
        let own = view(text, topic.focus[lang]);
        let v = match first {
            Some(first) if own.place(first).is_none() => view(text, first),
            _ => own,
        };
        let positions = matched.iter().filter_map(|&c| v.place(c)).collect();
        (v.snippet, positions)
    }
}
