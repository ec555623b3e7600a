//! Ingest: raw transcript text → the document model (structure, speaker labels, identities, sentences).
//!
//! A file holds one language, or English and Russian one after the other (split where the script
//! switches for good); a pair of files holds one language each. Each half is classified line by line
//! (`structure`), label candidates are taken or refused with evidence from the whole document (`labels`),
//! speakers are resolved to one identity across forms and languages (`speakers`), then blocks are built.
//! Every step is linear in the input.

mod labels;
mod speakers;
mod structure;

use crate::model::{Lang, Transcript, Version};
use labels::{Candidate, Who};
use std::collections::{HashMap, HashSet};
use structure::{Classified, Half, Line};

/// Something in the input that was read in a way the user may want to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// 1-based line of the input.
    pub line: u32,
    pub message: String,
}

/// A parsed transcript and what the parser wants the user to know about it.
#[derive(Debug, Clone, Default)]
pub struct Parsed {
    pub transcript: Transcript,
    pub warnings: Vec<Warning>,
}

/// Parses a file holding one language, or English then Russian one after the other.
pub fn parse(text: &str) -> Parsed {
    let text = crate::sanitize::sanitize(text);
    let lines = numbered_lines(&text);
    let halves = match split_by_script(&lines) {
        Some((first, at)) => vec![(first, &lines[..at]), (first.other(), &lines[at..])],
        None => vec![(dominant_script(&lines), &lines[..])],
    };
    build(&halves)
}

/// Parses the two halves of a pair given as two files.
pub fn parse_pair(en: &str, ru: &str) -> Parsed {
    let (en, ru) = (crate::sanitize::sanitize(en), crate::sanitize::sanitize(ru));
    let (en, ru) = (numbered_lines(&en), numbered_lines(&ru));
    build(&[(Lang::En, &en[..]), (Lang::Ru, &ru[..])])
}

/// The non-blank lines, trimmed, with their 1-based numbers.
fn numbered_lines(text: &str) -> Vec<(u32, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (u32::try_from(i + 1).unwrap_or(u32::MAX), l.trim()))
        .filter(|(_, l)| !l.is_empty())
        .collect()
}

/// +1 for a mostly-Latin line, -1 for a mostly-Cyrillic one, 0 for neither.
fn script(line: &str) -> i64 {
    let (mut latin, mut cyrillic) = (0usize, 0usize);
    for c in line.chars() {
        if c.is_ascii_alphabetic() || ('\u{C0}'..='\u{24F}').contains(&c) {
            latin += 1;
        } else if ('\u{400}'..='\u{52F}').contains(&c) {
            cyrillic += 1;
        }
    }
    (latin as i64 - cyrillic as i64).signum()
}

fn dominant_script(lines: &[(u32, &str)]) -> Lang {
    if lines.iter().map(|(_, l)| script(l)).sum::<i64>() < 0 {
        Lang::Ru
    } else {
        Lang::En
    }
}

/// Where a file switches for good from one script to the other: the first half's language and the index
/// of the first line of the second half. `None` for a file in one language.
fn split_by_script(lines: &[(u32, &str)]) -> Option<(Lang, usize)> {
    let scripts: Vec<i64> = lines.iter().map(|(_, l)| script(l)).collect();
    [Lang::En, Lang::Ru]
        .into_iter()
        .filter_map(|first| {
            let sign = if first == Lang::En { 1 } else { -1 };
            // The split maximises lines of the first script before it and of the second after it.
            let mut prefix = 0;
            let (mut best, mut at) = (0, 0);
            for (i, s) in scripts.iter().enumerate() {
                prefix += sign * s;
                if prefix > best {
                    (best, at) = (prefix, i + 1);
                }
            }
            let pure = |part: &[i64], want: i64| {
                let ours = part.iter().filter(|&&s| s == want).count();
                let theirs = part.iter().filter(|&&s| s == -want).count();
                ours >= 2 && ours >= 4 * theirs
            };
            (pure(&scripts[..at], sign) && pure(&scripts[at..], -sign)).then_some((first, at, best))
        })
        .max_by_key(|&(_, _, score)| score)
        .map(|(first, at, _)| (first, at))
}

fn build(halves: &[(Lang, &[(u32, &str)])]) -> Parsed {
    let mut warnings = Vec::new();
    let mut classified: Vec<(Lang, Half)> = halves
        .iter()
        .map(|&(lang, lines)| (lang, structure::classify(lines)))
        .collect();

    // Evidence: who is labelled for sure anywhere in the document (either language).
    let mut strong = HashSet::new();
    let mut weak_colon: HashMap<String, usize> = HashMap::new();
    for l in classified.iter().flat_map(|(_, h)| &h.lines) {
        if let Line::Label(c) = &l.kind {
            let key = speakers::evidence_key(&c.who);
            if c.strong {
                strong.insert(key);
            } else if c.colon {
                *weak_colon.entry(key).or_default() += 1;
            }
        }
    }
    // A lone surname with a colon counts once it recurs (`Putin:` over and over).
    strong.extend(weak_colon.into_iter().filter(|&(_, n)| n >= 3).map(|(k, _)| k));

    let mut resolver = speakers::Resolver::default();
    let mut speaker_of: Vec<Vec<Option<usize>>> = Vec::with_capacity(classified.len());
    for (lang, half) in &mut classified {
        let next_is_speech: Vec<bool> = half
            .lines
            .iter()
            .skip(1)
            .map(|l| l.kind == Line::Text)
            .chain([false])
            .collect();
        let speakers = half
            .lines
            .iter_mut()
            .zip(next_is_speech)
            .map(|(l, next_is_speech)| match &l.kind {
                Line::Label(c) if takes(c, &strong, next_is_speech) => Some(resolver.resolve(*lang, &c.who)),
                Line::Label(c) => {
                    if c.colon && c.rest.is_empty() {
                        warnings.push(refused(l));
                    }
                    l.kind = structure::not_label(l.text);
                    None
                }
                Line::Text if labels::looks_like_label(l.text) => {
                    warnings.push(refused(l));
                    None
                }
                _ => None,
            })
            .collect();
        speaker_of.push(speakers);
    }

    let mut transcript = Transcript::default();
    for ((lang, half), speakers) in classified.into_iter().zip(&speaker_of) {
        let blocks = structure::blocks(lang, &half.lines, speakers);
        for block in &blocks {
            if let crate::model::BlockKind::Turn(s) = block.kind {
                resolver.introduce(lang, s, &block.paragraphs);
            }
        }
        transcript.versions[lang] = Some(Version {
            meta: half.meta,
            blocks,
        });
    }
    transcript.speakers = resolver.finish();
    warnings.sort_by_key(|w| w.line);
    Parsed { transcript, warnings }
}

/// Whether a label candidate is taken: strong ones always; weak ones when the same person is labelled
/// for sure elsewhere, or when a full name stands alone on its line and speech follows.
fn takes(c: &Candidate, strong: &HashSet<String>, next_is_speech: bool) -> bool {
    c.strong
        || strong.contains(&speakers::evidence_key(&c.who))
        || (!c.colon && next_is_speech && matches!(&c.who, Who::Person(n) if n.given.is_some()))
}

fn refused(l: &Classified) -> Warning {
    Warning {
        line: l.line,
        message: format!("\"{}\" looks like a speaker label but was read as text", l.text),
    }
}
