//! Matching: a query against the topics' snippets through the one matcher (`matcher`), ranked by
//! how well their words meet the query's, then by kind, then in document order.

use super::{Hit, Topic, TopicIndex};
use crate::matcher::{Meetings, Query, Vocabulary};
use crate::model::{ByLang, Lang};
use crate::words::for_each_word;

/// The words of the topics' snippets: vocabulary ids, and each word's chars in its snippet.
#[derive(Debug, Default)]
pub(super) struct SnippetWords {
    vocab: Vocabulary,
    ids: Vec<ByLang<Vec<u32>>>,
    chars: Vec<ByLang<Vec<(u16, u16)>>>,
}

impl SnippetWords {
    pub(super) fn new(topics: &[Topic]) -> SnippetWords {
        let mut words = SnippetWords::default();
        for topic in topics {
            let mut ids = ByLang::<Vec<u32>>::default();
            let mut chars = ByLang::<Vec<(u16, u16)>>::default();
            for l in Lang::BOTH {
                let snippet = &topic.snippet[l];
                for_each_word(snippet, |at, folded| {
                    ids[l].push(words.vocab.id(folded));
                    let len = snippet[at.bytes].chars().count();
                    chars[l].push((at.char as u16, (at.char + len) as u16));
                });
            }
            words.ids.push(ids);
            words.chars.push(chars);
        }
        words
    }
}

impl TopicIndex {
    /// The `limit` topics whose snippets hold every content word of `q`, in either language and
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
            .map(|(score, topic)| Hit {
                topic,
                score: i64::from(score),
                positions: ByLang::new(
                    self.positions(&m, topic, Lang::En),
                    self.positions(&m, topic, Lang::Ru),
                ),
            })
            .collect()
    }

    /// The chars of topic `i`'s `lang` snippet that meet the query, ascending.
    fn positions(&self, m: &Meetings, i: usize, lang: Lang) -> Vec<usize> {
        let snippet = &self.topics[i].snippet[lang];
        let mut out = Vec::new();
        for (&id, &(start, end)) in self.words.ids[i][lang].iter().zip(&self.words.chars[i][lang]) {
            let Some(meet) = m.best(id) else { continue };
            let word: String = snippet
                .chars()
                .skip(usize::from(start))
                .take(usize::from(end - start))
                .collect();
            out.extend(meet.how.chars(&word).map(|c| c + usize::from(start)));
        }
        out
    }
}
