//! decode → sanitize → split on a real seed delivered the hostile way: legacy code page, CRLF,
//! colour codes and a window-title escape.

use stenogram::decode::decode;
use stenogram::model::Lang;
use stenogram::sanitize::sanitize;
use stenogram::sentences::split;

const SEED: &str = include_str!("data/003_phone_call_report_ru.txt");

#[test]
fn hostile_windows_1251_copy_reads_as_the_original() {
    let hostile = SEED
        .replace('\n', "\r\n")
        .replacen("Путин", "\x1b]0;pwned\x07\x1b[1;31mПутин\x1b[0m", 1);
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1251.encode(&hostile);
    assert!(!unmappable);
    let text = sanitize(&decode(&bytes).expect("decodes"));
    assert_eq!(text, SEED);
}

#[test]
fn every_paragraph_of_the_seed_splits_into_trimmed_sentences() {
    let paragraphs: Vec<&str> = SEED.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let counts: Vec<usize> = paragraphs.iter().map(|p| split(p, Lang::Ru).len()).collect();
    // Title, lead, the quoted statement (4 sentences, the last with its `", - говорится`
    // attribution), the next paragraph.
    assert_eq!(counts[..4], [1, 1, 4, 1]);
    for p in paragraphs {
        for span in split(p, Lang::Ru) {
            let s = &p[span.range()];
            assert_eq!(s, s.trim());
            assert!(!s.is_empty());
        }
    }
}
