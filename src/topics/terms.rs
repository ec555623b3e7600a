//! Term scoring: the word stems that stand out in a transcript against a background library
//! (tf-idf, names weighted up), which make the key-term topics.

use crate::model::{ByLang, Lang, Transcript};
use crate::translit::{is_capital, is_letter, is_patronymic};
use crate::words::{for_each_word, is_stop_word, stem};
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// How many transcripts of a library use each word stem, per language: the background against
/// which a transcript's own terms stand out.
#[derive(Debug, Clone, Default)]
pub struct TermStats {
    docs: ByLang<u32>,
    df: ByLang<HashMap<String, u32>>,
}

impl TermStats {
    pub fn from_library(docs: &[&Transcript]) -> TermStats {
        let mut stats = TermStats::default();
        let mut stems = Stems::default();
        for t in docs {
            for lang in t.langs() {
                stats.docs[lang] += 1;
                let mut seen: HashSet<String> = HashSet::new();
                version_words(t, lang, &mut stems, |stem, _| {
                    if !seen.contains(stem) {
                        seen.insert(stem.to_string());
                    }
                });
                for stem in seen {
                    *stats.df[lang].entry(stem).or_default() += 1;
                }
            }
        }
        stats
    }

    /// The bundled library's statistics: the one background for every transcript, so that a
    /// transcript has the same topics whether it was opened from a library or by its path.
    pub fn bundled() -> &'static TermStats {
        static STATS: LazyLock<TermStats> = LazyLock::new(|| {
            let docs = crate::library::bundled();
            TermStats::from_library(&docs.iter().map(|d| &d.transcript).collect::<Vec<_>>())
        });
        &STATS
    }

    /// Inverse document frequency, smoothed so that it is positive whether or not the transcript being
    /// indexed is itself part of the library.
    fn idf(&self, lang: Lang, stem: &str) -> f64 {
        let df = self.df[lang].get(stem).copied().unwrap_or(0);
        (f64::from(self.docs[lang] + 2) / f64::from(df + 1)).ln()
    }
}

/// Snowball stems by folded word, so that each distinct word is stemmed once.
#[derive(Debug, Default)]
pub(super) struct Stems(HashMap<String, String>);

impl Stems {
    fn of(&mut self, folded: &str) -> &str {
        if !self.0.contains_key(folded) {
            self.0.insert(folded.to_string(), stem(folded).into_owned());
        }
        &self.0[folded]
    }
}

/// Calls `f(stem, char index, proper)` for each content word of `sentence`: three letters or more,
/// neither it nor its stem a stop word, not a patronymic (a form of address, Владимир Владимирович,
/// says nothing about topics); `proper` when it is capitalised though not the sentence's first
/// word: likely a name (Орешник, Kursk).
pub(super) fn content_words(sentence: &str, stems: &mut Stems, mut f: impl FnMut(&str, usize, bool)) {
    let mut first = true;
    for_each_word(sentence, |at, folded| {
        let proper = !first && sentence[at.bytes].chars().next().is_some_and(is_capital);
        first = false;
        if folded.chars().nth(2).is_none()
            || !folded.chars().next().is_some_and(is_letter)
            || is_stop_word(folded)
            || is_patronymic(folded)
        {
            return;
        }
        let stem = stems.of(folded);
        if !is_stop_word(stem) {
            f(stem, at.char, proper);
        }
    });
}

fn version_words(t: &Transcript, lang: Lang, stems: &mut Stems, mut f: impl FnMut(&str, bool)) {
    for (_, p) in t.version(lang).into_iter().flat_map(|v| v.paragraphs()) {
        for s in p.sentence_texts() {
            content_words(s, stems, |stem, _, proper| f(stem, proper));
        }
    }
}

/// The stems of `lang` that stand out in `t` against the library, with their weights: tf-idf, names
/// (capitalised mid-sentence) weighted up, the speakers' own names left out (they stand out in every
/// transcript they are in and say nothing about topics). Only the top few per cent of the vocabulary,
/// and only words used twice or names, so that a sentence of common words is no topic.
pub(super) fn key_stems(
    t: &Transcript,
    lang: Lang,
    background: &TermStats,
    stems: &mut Stems,
) -> HashMap<String, f64> {
    let mut tf: HashMap<String, (u32, bool)> = HashMap::new();
    version_words(t, lang, stems, |stem, proper| match tf.get_mut(stem) {
        Some((n, p)) => {
            *n += 1;
            *p |= proper;
        }
        None => {
            tf.insert(stem.to_string(), (1, proper));
        }
    });
    let mut names: HashSet<String> = HashSet::new();
    for s in &t.speakers {
        content_words(&s.name[lang], stems, |stem, _, _| {
            names.insert(stem.to_string());
        });
    }
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
