//! Topic index: headings, questions, turn openings and key terms of an aligned transcript, for
//! jump-to-topic.
//!
//! `extract` finds the topics, `terms` scores the words that make key-term topics, `snippets`
//! cuts what a topic shows, and `matching` ranks topics for a query through the one matcher
//! that `/` search uses too, against each topic's whole text.

mod extract;
mod matching;
mod snippets;
mod terms;
#[cfg(test)]
mod tests;

use crate::align::Alignment;
use crate::model::{ByLang, Transcript};
use matching::TextWords;
pub use snippets::SNIPPET_CHARS;
use snippets::cut;
pub use terms::TermStats;

/// Something worth jumping to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Topic {
    /// Index into `Alignment::units`: where the jump lands.
    pub unit: usize,
    pub kind: TopicKind,
    pub speaker: Option<usize>,
    /// What the topic says in each language, whole (its sentences, trimmed): what a query is
    /// matched against. Empty where the unit has no text in that language.
    pub text: ByLang<String>,
    /// What the picker shows of `text` before anything is typed: at most [`SNIPPET_CHARS`]
    /// chars around the part that matters.
    pub snippet: ByLang<String>,
    /// The char of `text` that `snippet` is cut around.
    focus: ByLang<usize>,
}

impl Topic {
    fn new(
        unit: usize,
        kind: TopicKind,
        speaker: Option<usize>,
        text: ByLang<String>,
        focus: ByLang<usize>,
    ) -> Topic {
        let text = ByLang::new(text.en.trim().to_string(), text.ru.trim().to_string());
        Topic {
            unit,
            kind,
            speaker,
            snippet: ByLang::new(cut(&text.en, focus.en), cut(&text.ru, focus.ru)),
            text,
            focus,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TopicKind {
    /// A section heading.
    Heading,
    /// A question put to the speakers: a journalist's turn in a Q&A section, or a turn ending with `?`.
    Question,
    /// The first sentence of a speaker's turn.
    Opening,
    /// Any other sentence, centred on the term in it that stands out most in this transcript
    /// against the library.
    Term,
}

/// A topic matching a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Index into [`TopicIndex::topics`].
    pub topic: usize,
    /// Higher is better; comparable among the hits of one query.
    pub score: i64,
    /// What the picker shows of the topic for this query: its snippet, or where that does not
    /// show the matched words, a cut of its text around the first of them.
    pub snippet: ByLang<String>,
    /// Matched char indices into `snippet[lang]`, ascending; empty for a language that did not match.
    pub positions: ByLang<Vec<usize>>,
}

/// The topics of one aligned transcript with the words of their texts, ready for queries.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TopicIndex {
    topics: Vec<Topic>,
    words: TextWords,
}

impl TopicIndex {
    /// The topics of `t` aligned as `a`, key terms weighed against `background` (the one the
    /// reader uses is [`TermStats::bundled`]). A sentence is in one topic at most: a heading, a
    /// turn's question or opening, else a key term's.
    pub fn build(t: &Transcript, a: &Alignment, background: &TermStats) -> TopicIndex {
        let mut shown = extract::Shown::default();
        let mut topics = extract::headings(t, a, &mut shown);
        topics.extend(extract::turn_topics(t, a, &mut shown));
        topics.extend(extract::term_topics(t, a, background, &mut shown));
        // Document order; at one unit, headings before questions before openings before terms.
        topics.sort_by_key(|topic| (topic.unit, topic.kind));
        let words = TextWords::new(&topics);
        TopicIndex { topics, words }
    }

    /// All topics in document order.
    pub fn topics(&self) -> &[Topic] {
        &self.topics
    }
}
