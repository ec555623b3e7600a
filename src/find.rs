//! Search across a library: every sentence pair that holds a query's words, in every document,
//! best first (`stenogram find`, and the library view's search in the reader).

use crate::align::{Alignment, align};
use crate::library::Document;
use crate::matcher::Query;
use crate::model::{ByLang, Lang};
use crate::search::{Match, SearchIndex};
use serde::Serialize;
use std::io::{self, Write};
use std::sync::Arc;

/// The alignment and search index of every document of a library, built once for many queries.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LibraryIndex {
    docs: Vec<(Arc<Alignment>, SearchIndex)>,
}

/// A sentence pair of one document that holds the query's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Index into the library's documents.
    pub doc: usize,
    /// Index into that document's `Alignment::units`.
    pub unit: usize,
    pub score: u32,
    /// The source line of the paragraph the first match is in.
    pub line: u32,
    /// The speaker's name in the language of the first match.
    pub speaker: Option<String>,
    /// The sentence on each side; empty for a side without one.
    pub text: ByLang<String>,
    /// The words that meet the query, in reading order: the first is where the hit opens.
    pub matches: Vec<Match>,
}

impl LibraryIndex {
    /// Aligns and indexes every document of `docs`.
    pub fn build(docs: &[Document]) -> LibraryIndex {
        LibraryIndex {
            docs: docs
                .iter()
                .map(|d| {
                    let a = d
                        .cached_alignment()
                        .cloned()
                        .unwrap_or_else(|| Arc::new(align(&d.transcript)));
                    let index = SearchIndex::build(&d.transcript, &a);
                    (a, index)
                })
                .collect(),
        }
    }

    /// Document `doc`'s whole alignment, as built.
    pub fn alignment(&self, doc: usize) -> Option<&Arc<Alignment>> {
        self.docs.get(doc).map(|(a, _)| a)
    }

    /// Document `doc`'s search index, over that alignment.
    pub fn search_index(&self, doc: usize) -> Option<&SearchIndex> {
        self.docs.get(doc).map(|(_, index)| index)
    }

    /// Every sentence pair of `docs` (the ones the index was built from) holding the query's
    /// content words: best first, then in library and reading order.
    pub fn find(&self, docs: &[Document], query: &str) -> Vec<Found> {
        let mut query = Query::new(query);
        query.no_typos_where_met(self.docs.iter().map(|(_, index)| index.vocabulary()));
        let mut out = Vec::new();
        for (doc, (d, (a, index))) in docs.iter().zip(&self.docs).enumerate() {
            let t = &d.transcript;
            for p in index.passages(t, a, &query) {
                let Some(u) = a.units.get(p.unit) else { continue };
                let lang = p.matches.first().map_or(Lang::Ru, |m| m.lang);
                let text = |l: Lang| -> String {
                    p.sentences[l]
                        .and_then(|s| u.sentences(t, l).nth(s))
                        .map_or_else(String::new, |s| s.text.to_string())
                };
                let line = p.sentences[lang]
                    .and_then(|s| u.sentences(t, lang).nth(s))
                    .map_or(0, |s| s.line);
                let speaker = u.speaker.and_then(|s| t.speakers.get(s)).map(|s| {
                    let name = &s.name[lang];
                    if name.is_empty() {
                        &s.name[lang.other()]
                    } else {
                        name
                    }
                    .clone()
                });
                out.push(Found {
                    doc,
                    unit: p.unit,
                    score: p.score,
                    line,
                    speaker,
                    text: ByLang::new(text(Lang::En), text(Lang::Ru)),
                    matches: p.matches,
                });
            }
        }
        // Stable: within a score, library order, then each document's own order.
        out.sort_by_key(|f| std::cmp::Reverse(f.score));
        out
    }
}

/// `stenogram find`: prints every hit of `query` in `docs`, as text or as JSON; `Ok(false)` when
/// there is none.
pub fn print(docs: &[Document], query: &str, json: bool, out: &mut dyn Write) -> io::Result<bool> {
    let found = LibraryIndex::build(docs).find(docs, query);
    if json {
        write_json(docs, &found, out)?;
    } else {
        write_text(docs, &found, out)?;
    }
    Ok(!found.is_empty())
}

/// Prints each hit as `document:line  speaker`, then its sentence in each language, indented.
pub fn write_text(docs: &[Document], found: &[Found], out: &mut dyn Write) -> io::Result<()> {
    for (i, f) in found.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        let name = docs.get(f.doc).map_or("", |d| d.name.as_str());
        match &f.speaker {
            Some(speaker) => writeln!(out, "{name}:{}  {speaker}", f.line)?,
            None => writeln!(out, "{name}:{}", f.line)?,
        }
        for l in Lang::BOTH {
            if !f.text[l].is_empty() {
                writeln!(out, "  {}  {}", l.code(), f.text[l])?;
            }
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct JsonHit<'a> {
    document: &'a str,
    origin: &'a str,
    line: u32,
    unit: usize,
    speaker: Option<&'a str>,
    score: u32,
    en: Option<&'a str>,
    ru: Option<&'a str>,
}

/// Prints the hits as one JSON array, best first.
pub fn write_json(docs: &[Document], found: &[Found], out: &mut dyn Write) -> io::Result<()> {
    let hits: Vec<JsonHit> = found
        .iter()
        .map(|f| {
            let d = docs.get(f.doc);
            let side = |l: Lang| Some(f.text[l].as_str()).filter(|s| !s.is_empty());
            JsonHit {
                document: d.map_or("", |d| d.name.as_str()),
                origin: d.map_or("", |d| d.origin.as_str()),
                line: f.line,
                unit: f.unit,
                speaker: f.speaker.as_deref(),
                score: f.score,
                en: side(Lang::En),
                ru: side(Lang::Ru),
            }
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &hits)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::bundled;

    #[test]
    fn finds_the_ceasefire_across_the_library_best_first() {
        let docs = bundled();
        let found = LibraryIndex::build(&docs).find(&docs, "перемирие");
        let names: Vec<&str> = found.iter().map(|f| docs[f.doc].name.as_str()).collect();
        assert!(names.iter().any(|n| n.contains("press-conference")), "{names:?}");
        assert!(names.iter().any(|n| n.contains("talks-news-report")), "{names:?}");
        let press = found
            .iter()
            .find(|f| docs[f.doc].name.contains("press-conference"))
            .expect("the press conference");
        assert!(press.text.ru.contains("добиться перемирия"), "{press:?}");
        assert!(press.text.en.contains("secure a ceasefire"), "{press:?}");
        assert_eq!(
            press.speaker.as_deref(),
            Some("В.Путин"),
            "as the Russian text names him"
        );
        assert!(found.windows(2).all(|w| w[0].score >= w[1].score));
    }

    #[test]
    fn prints_text_and_json() {
        let docs = bundled();
        let found = LibraryIndex::build(&docs).find(&docs, "Sudzha");
        assert!(!found.is_empty());
        let mut text = Vec::new();
        write_text(&docs, &found, &mut text).expect("write");
        let text = String::from_utf8(text).expect("utf-8");
        let mut lines = text.lines();
        let head = lines.next().expect("a head line");
        assert!(
            head.starts_with("2025-03-13-putin-lukashenko-press-conference.txt:"),
            "{text}"
        );
        assert!(head.ends_with("  В.Путин"), "{text}");
        assert!(
            lines.any(|l| l.starts_with("  ru  ") && l.contains("Суджа")),
            "{text}"
        );

        let mut json = Vec::new();
        write_json(&docs, &found, &mut json).expect("write");
        let value: serde_json::Value = serde_json::from_slice(&json).expect("json");
        assert_eq!(value[0]["speaker"], "В.Путин");
        assert!(value[0]["ru"].as_str().is_some_and(|s| s.contains("Суджа")));
        assert!(value[0]["line"].as_u64().is_some_and(|l| l > 0));
    }

    #[test]
    fn nothing_found_is_an_empty_list() {
        let docs = bundled();
        let index = LibraryIndex::build(&docs);
        assert!(index.find(&docs, "xylophone").is_empty());
        assert!(index.find(&docs, "  ").is_empty());
    }
}
