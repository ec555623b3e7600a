//! Topic index: headings, questions, turn openings and key terms of an aligned transcript, for
//! jump-to-topic.
//!
//! `extract` finds the topics, `terms` scores the words that make key-term topics, `snippets`
//! cuts what a topic shows, and `matching` ranks topics for a query through the one matcher
//! that `/` search uses too.

mod extract;
mod matching;
mod snippets;
mod terms;
#[cfg(test)]
mod tests;

use crate::align::Alignment;
use crate::model::{ByLang, Transcript};
use matching::SnippetWords;
pub use snippets::SNIPPET_CHARS;
pub use terms::TermStats;

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
    /// Higher is better; comparable among the hits of one query.
    pub score: i64,
    /// Matched char indices into `snippet[lang]`, ascending; empty for a language that did not match.
    pub positions: ByLang<Vec<usize>>,
}

/// The topics of one aligned transcript with the words of their snippets, ready for queries.
#[derive(Debug, Default)]
pub struct TopicIndex {
    topics: Vec<Topic>,
    words: SnippetWords,
}

impl TopicIndex {
    /// The topics of `t` aligned as `a`, key terms weighed against `background` (the one the
    /// reader uses is [`TermStats::bundled`]). A sentence is shown by one topic at most: a
    /// heading's, a turn's question or opening, else a key term's.
    pub fn build(t: &Transcript, a: &Alignment, background: &TermStats) -> TopicIndex {
        let mut shown = extract::Shown::default();
        let mut topics = extract::headings(t, a, &mut shown);
        topics.extend(extract::turn_topics(t, a, &mut shown));
        topics.extend(extract::term_topics(t, a, background, &mut shown));
        // Document order; at one unit, headings before questions before openings before terms.
        topics.sort_by_key(|topic| (topic.unit, topic.kind));
        let words = SnippetWords::new(&topics);
        TopicIndex { topics, words }
    }

    /// All topics in document order.
    pub fn topics(&self) -> &[Topic] {
        &self.topics
    }
}
