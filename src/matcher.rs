//! The one matcher behind `/` search, jump-to-topic and `find`: how the words of a query meet the
//! words of a text.
//!
//! A query word meets a word of the text by its folded form (case and ё folded), by Snowball stem
//! (перемирие ~ перемирия, sanction ~ sanctions), as the start of it (what is typed so far), in
//! the other script (peremir ~ перемирия, Путин ~ Putin), inside it from three letters on, and,
//! only when none of those meets any word of the text, with a typo or two (ceasfire ~ ceasefire).

use crate::fold::{FoldBuf, Folded, fold, fold_char, fold_latin};
use crate::translit::{is_cyrillic, to_cyrillic};
use crate::words::{for_each_word, is_stop_word, stem};
use std::collections::HashMap;
use std::ops::Range;

/// How good a meeting is, best first; the scores of a passage's words add up.
pub const EXACT: u32 = 100;
const EXACT_ACROSS: u32 = 95;
const STEM: u32 = 90;
const STEM_ACROSS: u32 = 85;
const PREFIX: u32 = 80;
const PREFIX_ACROSS: u32 = 75;
/// The text word starts with the Russian query word's stem (санкции ~ санкционному).
const STEM_PREFIX: u32 = 70;
const INFIX: u32 = 40;
/// Per typo less than [`FUZZY`].
const FUZZY: u32 = 35;
const TYPO: u32 = 10;
/// Added when the query's words follow one another in the text as typed.
pub const PHRASE: u32 = 30;

/// A query is cut to this many words, each to this many chars: the cost of a match grows with both.
const QUERY_WORDS: usize = 12;
const WORD_CHARS: usize = 40;

/// The distinct words of a text, each with the forms a query word is compared with.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Vocabulary {
    ids: HashMap<String, u32>,
    words: Vec<Entry>,
}

#[derive(Debug, Clone, PartialEq)]
struct Entry {
    folded: String,
    stem: String,
    /// A word with Cyrillic letters spelt in Latin as `fold_latin` spells it, and its stem so spelt.
    latin: Option<(String, String)>,
}

impl Vocabulary {
    /// The id of the folded word `folded`, added when new.
    pub fn id(&mut self, folded: &str) -> u32 {
        if let Some(&id) = self.ids.get(folded) {
            return id;
        }
        let id = self.words.len() as u32;
        let stem = stem(folded).into_owned();
        let latin = folded
            .chars()
            .any(is_cyrillic)
            .then(|| (fold_latin(folded).text, fold_latin(&stem).text));
        self.words.push(Entry {
            folded: folded.to_string(),
            stem,
            latin,
        });
        self.ids.insert(folded.to_string(), id);
        id
    }

    /// The Snowball stem of word `id`.
    pub fn stem(&self, id: u32) -> &str {
        self.words.get(id as usize).map_or("", |e| e.stem.as_str())
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// A query cut into words.
#[derive(Debug, Clone, Default)]
pub struct Query {
    words: Vec<QueryWord>,
}

#[derive(Debug, Clone)]
struct QueryWord {
    folded: String,
    chars: usize,
    stem: String,
    stop: bool,
    /// A Cyrillic word in Latin, and its stem so spelt: what it is in an English text (Путин ~ Putin).
    latin: Option<(String, String)>,
    /// A Latin word read as Russian, stemmed (peremirie ~ перемирия).
    cyrillic_stem: Option<String>,
    /// Whether it may meet a word by a typo where it meets none otherwise.
    typos: bool,
}

impl QueryWord {
    fn new(folded: &str) -> QueryWord {
        let folded: String = folded.chars().take(WORD_CHARS).collect();
        let own_stem = stem(&folded).into_owned();
        let cyrillic = folded.chars().any(is_cyrillic);
        let latin_letters = !cyrillic && folded.chars().any(|c| c.is_ascii_alphabetic());
        QueryWord {
            chars: folded.chars().count(),
            stop: is_stop_word(&folded),
            latin: cyrillic.then(|| (fold_latin(&folded).text, fold_latin(&own_stem).text)),
            cyrillic_stem: latin_letters.then(|| stem(&fold(&to_cyrillic(&folded)).text).into_owned()),
            stem: own_stem,
            folded,
            typos: true,
        }
    }

    /// The best meeting with `e` short of a typo.
    fn strict(&self, e: &Entry) -> Option<Meet> {
        let (q, n) = (self.folded.as_str(), self.chars);
        let stems = n >= 3;
        let mut score = 0;
        let mut how = How::Whole;
        if e.folded.starts_with(q) {
            score = if e.folded.len() == q.len() { EXACT } else { PREFIX };
            how = How::Folded(0..n);
        }
        if stems && e.stem == self.stem {
            score = score.max(STEM);
        }
        // Russian only: English stems are short and its words are not all inflected at the end
        // (elect ~ electricity).
        if stems && self.latin.is_some() && self.stem.chars().count() >= 5 && e.folded.starts_with(&self.stem)
        {
            score = score.max(STEM_PREFIX);
        }
        match (&e.latin, &self.latin, &self.cyrillic_stem) {
            // A Latin query, a Cyrillic word.
            (Some((latin, latin_stem)), None, Some(cyrillic_stem)) => {
                if latin.starts_with(q) {
                    score = score.max(if latin.len() == q.len() {
                        EXACT_ACROSS
                    } else {
                        PREFIX_ACROSS
                    });
                    how = How::Latin(0..n);
                }
                if stems && (latin_stem == q || *cyrillic_stem == e.stem) {
                    score = score.max(STEM_ACROSS);
                }
            }
            // A Cyrillic query, a word without Cyrillic letters: the query's Latin spelling as if
            // typed (short words spelt alike are chance: он ~ on).
            (None, Some((latin, latin_stem)), _) if n >= 3 => {
                if e.folded.starts_with(latin.as_str()) {
                    let exact = e.folded.len() == latin.len();
                    score = score.max(if exact { EXACT_ACROSS } else { PREFIX_ACROSS });
                    how = How::Folded(0..latin.chars().count());
                }
                if e.stem == *latin_stem || e.folded == *latin_stem {
                    score = score.max(STEM_ACROSS);
                }
            }
            _ => {}
        }
        if score == 0
            && n >= 3
            && let Some(at) = e.folded.find(q)
        {
            score = INFIX;
            let start = e.folded[..at].chars().count();
            how = How::Folded(start..start + n);
        }
        (score > 0).then_some(Meet { score, how })
    }

    /// A meeting with `e` by a typo or two, in either script: one from four letters, two from eight.
    fn fuzzy(&self, e: &Entry, q: &[char], buf: &mut Vec<char>) -> Option<Meet> {
        let typos = match self.chars {
            0..4 => return None,
            4..8 => 1,
            _ => 2,
        };
        let mut best: Option<usize> = None;
        let mut try_against = |text: &str, q: &[char]| {
            buf.clear();
            buf.extend(text.chars());
            if let Some(d) = distance_within(q, buf, typos) {
                best = Some(best.map_or(d, |b| b.min(d)));
            }
        };
        // The stems too: a typo in a word of another form (krsk ~ Курскую).
        try_against(&e.folded, q);
        try_against(&e.stem, q);
        match (&e.latin, &self.latin) {
            (Some((latin, latin_stem)), None) => {
                try_against(latin, q);
                try_against(latin_stem, q);
            }
            (None, Some((latin, _))) => {
                let latin: Vec<char> = latin.chars().collect();
                try_against(&e.folded, &latin);
                try_against(&e.stem, &latin);
            }
            _ => {}
        }
        let d = best?;
        Some(Meet {
            score: FUZZY - TYPO * (d as u32 - 1),
            how: How::Whole,
        })
    }
}

/// Whether `a` becomes `b` with at most `max` edits (a letter added, dropped, changed, or two
/// swapped), and how many: the optimal string alignment distance, given up on early.
fn distance_within(a: &[char], b: &[char], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let width = b.len() + 1;
    let mut rows = vec![0usize; 3 * width];
    let (mut older, mut prev, mut cur) = (0, width, 2 * width);
    for (j, cell) in rows[prev..prev + width].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        rows[cur] = i;
        let mut row_min = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[prev + j] + 1)
                .min(rows[cur + j - 1] + 1)
                .min(rows[prev + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[older + j - 2] + 1);
            }
            rows[cur + j] = d;
            row_min = row_min.min(d);
        }
        if row_min > max {
            return None;
        }
        (older, prev, cur) = (prev, cur, older);
    }
    let d = rows[prev + b.len()];
    (d <= max).then_some(d)
}

/// A query word meeting a word of the text: how well, and which of its chars to highlight.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Meet {
    /// 0 for no meeting.
    pub score: u32,
    pub how: How,
}

/// The chars of a text word that meet the query word.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum How {
    /// The whole word (a stem, a typo).
    #[default]
    Whole,
    /// These chars of its folded form.
    Folded(Range<usize>),
    /// These chars of its Latin spelling (`fold_latin`).
    Latin(Range<usize>),
}

impl How {
    /// The chars of `word` (as in the text) to highlight.
    pub fn chars(&self, word: &str) -> Range<usize> {
        let (folded, range) = match self {
            How::Whole => return 0..word.chars().count(),
            How::Folded(r) => (fold(word), r),
            How::Latin(r) => (fold_latin(word), r),
        };
        self.within(word, &folded, range.clone())
    }

    /// The bytes of `word` to highlight.
    pub fn bytes(&self, word: &str) -> Range<usize> {
        let chars = self.chars(word);
        let byte = |c: usize| word.char_indices().nth(c).map_or(word.len(), |(b, _)| b);
        byte(chars.start)..byte(chars.end)
    }

    /// The original chars that folded chars `range` of `word` come from, with the stress marks
    /// after the last of them.
    fn within(&self, word: &str, folded: &Folded, range: Range<usize>) -> Range<usize> {
        let n = word.chars().count();
        let (Some(&first), Some(&last)) = (
            folded.source.get(range.start),
            range.end.checked_sub(1).and_then(|e| folded.source.get(e)),
        ) else {
            return 0..n;
        };
        let mut buf = FoldBuf::default();
        let trailing = word
            .chars()
            .skip(last + 1)
            .take_while(|&c| fold_char(c, &mut buf).is_empty())
            .count();
        first..last + 1 + trailing
    }
}

impl Query {
    pub fn new(text: &str) -> Query {
        let mut words = Vec::new();
        for_each_word(text, |_, folded| {
            if words.len() < QUERY_WORDS {
                words.push(QueryWord::new(folded));
            }
        });
        Query { words }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// The words a passage must hold to match: the query's content words, or all of them when
    /// it has only stop words.
    pub fn required(&self) -> Vec<usize> {
        let content: Vec<usize> = (0..self.words.len()).filter(|&i| !self.words[i].stop).collect();
        if content.is_empty() {
            (0..self.words.len()).collect()
        } else {
            content
        }
    }

    /// Allows no typos for a word that some word of `vocabs` meets otherwise: searching many texts,
    /// a near miss in one is noise beside real hits in another (Brest ~ best).
    pub fn no_typos_where_met<'v>(&mut self, vocabs: impl IntoIterator<Item = &'v Vocabulary>) {
        for vocab in vocabs {
            for q in self.words.iter_mut().filter(|q| q.typos) {
                q.typos = !vocab.words.iter().any(|e| q.strict(e).is_some());
            }
        }
    }

    /// How each query word meets each word of `vocab`. A word meets by a typo only when it meets
    /// no word of `vocab` otherwise: a near miss beside real hits is noise (peace ~ place).
    pub fn meet(&self, vocab: &Vocabulary) -> Meetings {
        let mut buf = Vec::new();
        let table = self
            .words
            .iter()
            .map(|q| {
                let strict: Vec<Option<Meet>> = vocab.words.iter().map(|e| q.strict(e)).collect();
                if !q.typos || strict.iter().any(Option::is_some) {
                    return strict;
                }
                let chars: Vec<char> = q.folded.chars().collect();
                vocab.words.iter().map(|e| q.fuzzy(e, &chars, &mut buf)).collect()
            })
            .collect();
        Meetings {
            table,
            required: self.required(),
        }
    }
}

/// How each word of a query meets each word of a vocabulary, looked up per word of a text.
#[derive(Debug, Clone, Default)]
pub struct Meetings {
    /// By query word, by vocabulary id.
    table: Vec<Vec<Option<Meet>>>,
    required: Vec<usize>,
}

impl Meetings {
    /// How query word `q` meets vocabulary word `id`.
    pub fn get(&self, q: usize, id: u32) -> Option<&Meet> {
        self.table.get(q)?.get(id as usize)?.as_ref()
    }

    /// The best meeting of any required query word with vocabulary word `id`, for highlighting.
    pub fn best(&self, id: u32) -> Option<&Meet> {
        self.required
            .iter()
            .filter_map(|&q| self.get(q, id))
            .max_by_key(|m| m.score)
    }

    /// The number of query words.
    pub fn words(&self) -> usize {
        self.table.len()
    }

    /// The score of a passage whose words (vocabulary ids, in order) are `sides`: each required
    /// query word's best meeting anywhere in it, added up, and [`PHRASE`] when all the query's
    /// words follow one another in one side; `None` when a required word meets nothing.
    pub fn score<'s>(&self, sides: impl IntoIterator<Item = &'s [u32]> + Clone) -> Option<u32> {
        let mut total = 0;
        for &q in &self.required {
            let best = sides
                .clone()
                .into_iter()
                .flat_map(|ids| ids.iter())
                .filter_map(|&id| self.get(q, id).map(|m| m.score))
                .max()?;
            total += best;
        }
        if self.words() > 1
            && sides
                .into_iter()
                .any(|ids| self.phrase_starts(ids).next().is_some())
        {
            total += PHRASE;
        }
        Some(total)
    }

    /// The indices in `ids` where all the query's words follow one another.
    pub fn phrase_starts<'a>(&'a self, ids: &'a [u32]) -> impl Iterator<Item = usize> + 'a {
        let n = self.words();
        (0..ids.len().saturating_sub(n.saturating_sub(1)))
            .filter(move |&i| n > 0 && (0..n).all(|q| self.get(q, ids[i + q]).is_some()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words of `text` that `query` meets, with the highlighted part of each and its score.
    fn meets(query: &str, text: &str) -> Vec<(String, u32)> {
        let mut vocab = Vocabulary::default();
        let mut words = Vec::new();
        for_each_word(text, |at, folded| words.push((vocab.id(folded), &text[at.bytes])));
        let m = Query::new(query).meet(&vocab);
        words
            .iter()
            .filter_map(|&(id, word)| {
                let meet = m.best(id)?;
                Some((word[meet.how.bytes(word)].to_string(), meet.score))
            })
            .collect()
    }

    fn found(query: &str, text: &str) -> Vec<String> {
        meets(query, text).into_iter().map(|(w, _)| w).collect()
    }

    #[test]
    fn word_forms_meet_by_stem_and_are_highlighted_whole() {
        assert_eq!(
            found("перемирие", "о перемирии и перемирия"),
            ["перемирии", "перемирия"]
        );
        assert_eq!(found("sanctions", "a sanction"), ["sanction"]);
        assert_eq!(
            found("прекращение огня", "к прекращению огня"),
            ["прекращению", "огня"]
        );
    }

    #[test]
    fn a_typed_start_is_highlighted_as_typed() {
        assert_eq!(found("sanction", "new sanctions"), ["sanction"]);
        assert_eq!(found("перемир", "Перемирия нет"), ["Перемир"]);
        assert_eq!(found("ЁЖ", "Ёж и ЕЖИ"), ["Ёж", "ЕЖ"]);
        assert_eq!(found("замо\u{301}", "за\u{301}мок"), ["за\u{301}мо"]);
    }

    #[test]
    fn latin_meets_cyrillic_and_back() {
        assert_eq!(found("peremir", "добиться перемирия"), ["перемир"]);
        assert_eq!(found("peremirie", "добиться перемирия"), ["перемирия"]);
        assert_eq!(found("oreshnik", "«Орешник»"), ["Орешник"]);
        assert_eq!(found("Путина", "Putin and Putin’s"), ["Putin", "Putin’s"]);
        assert_eq!(found("Путин", "Putin’s"), ["Putin"]);
        // Short Cyrillic words are not read as English.
        assert!(found("он", "on one").is_empty());
    }

    #[test]
    fn exact_beats_stem_beats_prefix_beats_infix() {
        let scores = meets("trade", "trade trading trademark retrade");
        assert_eq!(
            scores,
            [
                ("trade".into(), EXACT),
                ("trading".into(), STEM),
                ("trade".into(), PREFIX),
                ("trade".into(), INFIX)
            ]
        );
    }

    #[test]
    fn typos_count_only_where_nothing_else_meets() {
        assert_eq!(found("ceasfire", "a ceasefire now"), ["ceasefire"]);
        assert_eq!(found("krsk", "Kursk and Курск"), ["Kursk", "Курск"]);
        assert_eq!(found("peace", "peace in its place"), ["peace"]);
        assert_eq!(found("pace", "a peace"), ["peace"]);
        assert!(found("gas", "Nazism").is_empty());
        // Unless another text has the word.
        let mut other = Vocabulary::default();
        other.id("brest");
        let mut vocab = Vocabulary::default();
        let best = vocab.id("best");
        let mut q = Query::new("Brest");
        assert!(q.meet(&vocab).best(best).is_some());
        q.no_typos_where_met([&other]);
        assert!(q.meet(&vocab).best(best).is_none());
    }

    #[test]
    fn distance_counts_edits_and_swaps() {
        let d = |a: &str, b: &str, max| {
            let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            distance_within(&a, &b, max)
        };
        assert_eq!(d("ceasfire", "ceasefire", 2), Some(1));
        assert_eq!(d("caesefire", "ceasefire", 2), Some(1));
        assert_eq!(d("abc", "xyz", 2), None);
        assert_eq!(d("", "ab", 2), Some(2));
    }

    #[test]
    fn phrases_and_required_words() {
        let mut vocab = Vocabulary::default();
        let ids: Vec<u32> = ["the", "ceasefire", "in", "kursk"]
            .iter()
            .map(|w| vocab.id(w))
            .collect();
        let m = Query::new("the Ceasefire").meet(&vocab);
        assert_eq!(m.phrase_starts(&ids).collect::<Vec<_>>(), [0]);
        assert_eq!(m.score([&ids[..]]), Some(EXACT + PHRASE));
        // The stop word is not required.
        assert_eq!(m.score([&ids[1..]]), Some(EXACT));
        assert_eq!(
            Query::new("kursk ceasefire").meet(&vocab).score([&ids[..]]),
            Some(2 * EXACT)
        );
        assert_eq!(Query::new("kursk truce").meet(&vocab).score([&ids[..]]), None);
    }
}
