//! Words for matching: a text cut into words, each folded (case, ё → е, stress marks: see
//! `fold`); their Snowball stems, Russian or English by script; and the stop words, kept as
//! data files in `src/words/`.

use crate::fold::{FoldBuf, fold_char};
use crate::translit::{is_cyrillic, is_letter};
use rust_stemmers::{Algorithm, Stemmer};
use std::borrow::Cow;
use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

/// Where a word sits in its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordAt {
    /// Bytes of the text, with any stress mark on its last letter.
    pub bytes: Range<usize>,
    /// The char index of its first char.
    pub char: usize,
}

/// Calls `f(at, folded)` for each word of `text`: a run of letters and digits, with an apostrophe
/// between letters kept in it (Ukraine’s, so the English stemmer sees the possessive).
pub fn for_each_word(text: &str, mut f: impl FnMut(WordAt, &str)) {
    let mut buf = FoldBuf::default();
    let mut word = String::new();
    let (mut start, mut end) = ((0, 0), 0);
    let mut apostrophe = false;
    let mut emit = |word: &mut String, (byte, char): (usize, usize), end: usize| {
        if !word.is_empty() {
            f(
                WordAt {
                    bytes: byte..end,
                    char,
                },
                word,
            );
            word.clear();
        }
    };
    for (i, (b, c)) in text.char_indices().enumerate() {
        let folded = fold_char(c, &mut buf);
        let Some(&first) = folded.first() else {
            // A stress mark belongs to the letter before it.
            if !word.is_empty() && !apostrophe {
                end = b + c.len_utf8();
            }
            continue;
        };
        if is_word_char(first) {
            if word.is_empty() {
                start = (b, i);
            } else if apostrophe {
                word.push('\'');
            }
            apostrophe = false;
            word.extend(folded.iter());
            end = b + c.len_utf8();
            continue;
        }
        if first == '\'' && !word.is_empty() && !apostrophe {
            apostrophe = true;
            continue;
        }
        apostrophe = false;
        emit(&mut word, start, end);
    }
    emit(&mut word, start, end);
}

fn is_word_char(c: char) -> bool {
    is_letter(c) || c.is_ascii_digit()
}

/// The Snowball stem of a folded word: Russian for a word with Cyrillic letters, English for one
/// with Latin letters, the word itself for a number.
pub fn stem(folded: &str) -> Cow<'_, str> {
    static RU: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::Russian));
    static EN: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));
    if folded.chars().any(is_cyrillic) {
        RU.stem(folded)
    } else if folded.chars().any(|c| c.is_alphabetic()) {
        EN.stem(folded)
    } else {
        Cow::Borrowed(folded)
    }
}

/// Whether a folded word says nothing about what a passage is about, in either language.
pub fn is_stop_word(folded: &str) -> bool {
    static STOP: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
        word_list(include_str!("words/stop_en.txt"))
            .chain(word_list(include_str!("words/stop_ru.txt")))
            .collect()
    });
    STOP.contains(folded)
}

/// The words of a word-list file: one a line; blank lines and `#` comments skipped.
fn word_list(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(String, &str)> {
        let mut out = Vec::new();
        for_each_word(text, |at, folded| out.push((folded.to_string(), &text[at.bytes])));
        out
    }

    #[test]
    fn words_are_folded_runs_of_letters_and_digits() {
        assert_eq!(
            words("Ukraine’s 30-day ЁЖ, за\u{301}мок замо\u{301}к «Орешник» 5,7 don't'"),
            [
                ("ukraine's".into(), "Ukraine’s"),
                ("30".into(), "30"),
                ("day".into(), "day"),
                ("еж".into(), "ЁЖ"),
                ("замок".into(), "за\u{301}мок"),
                ("замок".into(), "замо\u{301}к"),
                ("орешник".into(), "Орешник"),
                ("5".into(), "5"),
                ("7".into(), "7"),
                ("don't".into(), "don't"),
            ]
        );
        assert!(words(" … — ").is_empty());
    }

    #[test]
    fn a_stress_mark_after_the_last_letter_is_part_of_the_word() {
        let text = "замо\u{301} и";
        let mut at = Vec::new();
        for_each_word(text, |w, _| at.push(w));
        assert_eq!(at[0].bytes, 0.."замо\u{301}".len());
        assert_eq!(at[1].char, 6);
    }

    #[test]
    fn word_forms_share_a_stem() {
        for (a, b) in [
            ("перемирие", "перемирия"),
            ("прекращение", "прекращению"),
            ("огня", "огнем"),
            ("sanction", "sanctions"),
            ("ceasefire", "ceasefires"),
            ("ukraine's", "ukraine"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} {b}");
        }
        assert_eq!(stem("2024"), "2024");
    }

    #[test]
    fn stop_words_come_from_the_lists_in_both_languages() {
        assert!(is_stop_word("the") && is_stop_word("который") && is_stop_word("спасибо"));
        assert!(!is_stop_word("ceasefire") && !is_stop_word("перемирие") && !is_stop_word("# english"));
    }
}
