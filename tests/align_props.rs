//! Property tests for the aligner: however each version breaks its text into paragraphs (alike,
//! apart, or not at all) and whatever it leaves out, the units take every sentence once, in order,
//! and their links stay inside them: the invariants the fuzz targets assert.

// The fuzz targets' checks, shared; this test needs only the alignment's.
#[allow(dead_code)]
#[path = "../fuzz/src/lib.rs"]
mod invariants;

mod ingest_support;

use ingest_support::{ENGLISH_WORDS, RUSSIAN_WORDS};
use proptest::prelude::*;
use stenogram::align::align;
use stenogram::ingest::parse_pair;

/// A sentence of `words` ending in the number `n`, which its translation shares.
fn sentence(words: &'static [&'static str], n: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(words), 4..14).prop_map(move |words| {
        let mut s = words.join(" ");
        if let Some(first) = s.chars().next() {
            s.replace_range(..first.len_utf8(), &first.to_uppercase().to_string());
        }
        format!("{s} {}.", 1000 + n)
    })
}

/// One version: `sentences` kept where `kept`, in paragraphs that start where `starts` says (none
/// at all: the whole text is one line, as a book pasted whole).
fn version(sentences: &[String], kept: &[bool], starts: &[bool]) -> String {
    let mut out = String::new();
    for (k, s) in sentences.iter().enumerate().filter(|&(k, _)| kept[k]) {
        if !out.is_empty() {
            out.push_str(if starts[k] { "\n\n" } else { " " });
        }
        out.push_str(s);
    }
    out
}

fn document() -> impl Strategy<Value = (String, String)> {
    (4usize..60).prop_flat_map(|n| {
        let pairs: Vec<_> = (0..n)
            .map(|k| (sentence(ENGLISH_WORDS, k), sentence(RUSSIAN_WORDS, k)))
            .collect();
        // How often each side starts a paragraph: never, now and then, or at most sentences.
        let breaks = || prop_oneof![Just(0.0), Just(0.15), Just(0.7)];
        (
            pairs,
            prop::collection::vec(prop::bool::weighted(0.93), n),
            prop::collection::vec(prop::bool::weighted(0.93), n),
            breaks(),
            breaks(),
            any::<u64>(),
        )
            .prop_map(|(pairs, en_kept, ru_kept, en_breaks, ru_breaks, seed)| {
                let (en, ru): (Vec<String>, Vec<String>) = pairs.into_iter().unzip();
                let starts = |rate: f64, salt: u64| -> Vec<bool> {
                    (0..en.len() as u64)
                        .map(|k| {
                            let h = (seed ^ salt ^ k).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 11;
                            (h as f64 / (1u64 << 53) as f64) < rate
                        })
                        .collect()
                };
                (
                    version(&en, &en_kept, &starts(en_breaks, 1)),
                    version(&ru, &ru_kept, &starts(ru_breaks, 2)),
                )
            })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn units_take_every_sentence_once_however_the_versions_paragraph((en, ru) in document()) {
        let t = parse_pair(&en, &ru).transcript;
        invariants::check_alignment(&t, &align(&t));
    }
}
