//! Ingest: raw transcript text → the document model (structure, speaker labels, identities, sentences).

use crate::model::{Block, BlockKind, Lang, Paragraph, Transcript, Version};

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
    // Placeholder: every line a narration paragraph, language by script of the whole text.
    let lang = if text
        .chars()
        .any(|c| ('а'..='я').contains(&c.to_lowercase().next().unwrap_or(c)))
    {
        Lang::Ru
    } else {
        Lang::En
    };
    Parsed {
        transcript: one_version(lang, text),
        warnings: Vec::new(),
    }
}

/// Parses the two halves of a pair given as two files.
pub fn parse_pair(en: &str, ru: &str) -> Parsed {
    let mut t = one_version(Lang::En, en);
    t.versions.ru = one_version(Lang::Ru, ru).versions.ru;
    Parsed {
        transcript: t,
        warnings: Vec::new(),
    }
}

fn one_version(lang: Lang, text: &str) -> Transcript {
    let paragraphs = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| Paragraph {
            text: l.trim().to_string(),
            sentences: crate::sentences::split(l.trim(), lang),
            line: i as u32 + 1,
        })
        .collect();
    let mut t = Transcript::default();
    t.versions[lang] = Some(Version {
        meta: Default::default(),
        blocks: vec![Block {
            kind: BlockKind::Narration,
            paragraphs,
        }],
    });
    t
}
