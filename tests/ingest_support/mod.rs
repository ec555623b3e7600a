//! Shared by the ingest tests: a version, the outline of its blocks, expected outlines; text
//! hard-wrapped.
#![allow(dead_code)] // Each test crate uses its own part.

use stenogram::ingest::Parsed;
use stenogram::model::{BlockKind, Lang, Transcript, Version};

pub fn version(t: &Transcript, lang: Lang) -> &Version {
    t.version(lang).unwrap_or_else(|| panic!("no {lang:?} version"))
}

/// (speaker id or the block kind, first paragraph) per block of `lang`.
pub fn outline(p: &Parsed, lang: Lang) -> Vec<(String, String)> {
    let t = &p.transcript;
    version(t, lang)
        .blocks
        .iter()
        .map(|b| {
            let who = match b.kind {
                BlockKind::Turn(s) => t.speakers[s].id.clone(),
                kind => format!("{kind:?}").to_lowercase(),
            };
            (who, b.paragraphs[0].text.clone())
        })
        .collect()
}

pub fn o(rows: &[(&str, &str)]) -> Vec<(String, String)> {
    rows.iter()
        .map(|&(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

/// `text` with each line wrapped greedily at `width` characters, as Project Gutenberg and `fold -s`
/// wrap, and for each line of the result, the line of `text` it comes from.
pub fn hard_wrapped(text: &str, width: usize) -> (String, Vec<u32>) {
    let mut out: Vec<String> = Vec::new();
    let mut origin = Vec::new();
    for (n, line) in (1..).zip(text.lines()) {
        let mut current = String::new();
        for word in line.split_whitespace() {
            if !current.is_empty() && current.chars().count() + 1 + word.chars().count() > width {
                out.push(std::mem::take(&mut current));
                origin.push(n);
            }
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        }
        out.push(current);
        origin.push(n);
    }
    (out.join("\n"), origin)
}

/// Words to make sentences of, in each language.
pub const ENGLISH_WORDS: &[&str] = &[
    "the", "river", "was", "quiet", "and", "we", "walked", "along", "its", "bank", "without", "speaking",
    "Anna", "a", "morning",
];
pub const RUSSIAN_WORDS: &[&str] = &[
    "туман",
    "над",
    "рекой",
    "ещё",
    "стоял",
    "и",
    "мы",
    "долго",
    "шли",
    "вдоль",
    "берега",
    "Москва",
    "неторопливо",
    "утром",
];
