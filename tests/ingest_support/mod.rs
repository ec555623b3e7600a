//! Shared by the ingest tests: a version, the outline of its blocks, expected outlines.
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
