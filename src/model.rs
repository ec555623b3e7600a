//! The document model: a transcript's metadata, speakers and per-language blocks, paragraphs and sentences.
//!
//! Plain vectors and indices, no terminal code. Serializes to and from JSON (and the cache's
//! postcard) losslessly.

use serde::{Deserialize, Serialize};
use std::ops::{Index, IndexMut, Range};

/// One of the two languages stenogram reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    Ru,
}

impl Lang {
    pub const BOTH: [Lang; 2] = [Lang::En, Lang::Ru];

    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Ru,
            Lang::Ru => Lang::En,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
        }
    }

    /// The language's English name, as the reader's messages say it.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ru => "Russian",
        }
    }
}

/// A value for each language, indexable by [`Lang`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ByLang<T> {
    pub en: T,
    pub ru: T,
}

impl<T> ByLang<T> {
    pub fn new(en: T, ru: T) -> Self {
        ByLang { en, ru }
    }
}

impl<T> Index<Lang> for ByLang<T> {
    type Output = T;
    fn index(&self, lang: Lang) -> &T {
        match lang {
            Lang::En => &self.en,
            Lang::Ru => &self.ru,
        }
    }
}

impl<T> IndexMut<Lang> for ByLang<T> {
    fn index_mut(&mut self, lang: Lang) -> &mut T {
        match lang {
            Lang::En => &mut self.en,
            Lang::Ru => &mut self.ru,
        }
    }
}

/// A whole transcript: one or both language versions and the speakers they share.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Transcript {
    /// Speakers heard in either version; [`BlockKind::Turn`] refers to them by index.
    pub speakers: Vec<Speaker>,
    /// The English and the Russian version; `None` where that language is absent.
    pub versions: ByLang<Option<Version>>,
}

impl Transcript {
    pub fn version(&self, lang: Lang) -> Option<&Version> {
        self.versions[lang].as_ref()
    }

    /// The languages present, English first.
    pub fn langs(&self) -> Vec<Lang> {
        Lang::BOTH
            .into_iter()
            .filter(|&l| self.versions[l].is_some())
            .collect()
    }

    /// The best title available, preferring `lang`.
    pub fn title(&self, lang: Lang) -> Option<&str> {
        [lang, lang.other()]
            .into_iter()
            .find_map(|l| self.version(l)?.meta.title.as_deref())
    }
}

/// One person who speaks in the transcript, with one identity across both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// Stable identifier derived from the surname (`putin`, `lukashenko`), unique in the transcript.
    pub id: String,
    /// Display name per language. A name the transcript never gives in a language is transliterated.
    pub name: ByLang<String>,
    /// Which display names were transliterated rather than read from the text.
    pub transliterated: ByLang<bool>,
}

/// One language's version of the transcript.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Version {
    pub meta: Meta,
    pub blocks: Vec<Block>,
}

impl Version {
    /// Every paragraph in document order with the index of its block.
    pub fn paragraphs(&self) -> impl Iterator<Item = (usize, &Paragraph)> {
        self.blocks
            .iter()
            .enumerate()
            .flat_map(|(b, block)| block.paragraphs.iter().map(move |p| (b, p)))
    }
}

/// What the source says about itself, where it says it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    pub title: Option<String>,
    /// As written in the source (`13 March 2025`).
    pub date: Option<String>,
    pub place: Option<String>,
    /// Where the text comes from (`Website of the President of Russia`), as the source names it.
    pub source: Option<String>,
}

/// A run of paragraphs of one kind: a speech turn, narration, a heading, ...
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    #[serde(with = "kind_format")]
    pub kind: BlockKind,
    pub paragraphs: Vec<Paragraph>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum BlockKind {
    /// A section heading (`Q&A`, `Интеграция и экономика`).
    Heading,
    /// Text not spoken by a labelled speaker: lead paragraphs, news report prose.
    Narration,
    /// A speaker's turn; the index is into [`Transcript::speakers`].
    Turn(usize),
    /// A visible break in the text: `* * *`, `<…>`.
    Break,
    /// A trailing list of related links (`See also`, `Дополнительно`, `Читайте также:`), heading first.
    Related,
}

/// `BlockKind` as JSON names it (`{"type": "turn", "speaker": 0}`); binary formats (the cache's
/// postcard), which cannot read that form back, take `BlockKind`'s own.
#[derive(Serialize, Deserialize)]
#[serde(
    remote = "BlockKind",
    rename_all = "snake_case",
    tag = "type",
    content = "speaker"
)]
enum NamedKind {
    Heading,
    Narration,
    Turn(usize),
    Break,
    Related,
}

/// [`NamedKind`] for JSON, `BlockKind`'s own form for binary formats.
mod kind_format {
    use super::{BlockKind, NamedKind};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(kind: &BlockKind, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            NamedKind::serialize(kind, s)
        } else {
            kind.serialize(s)
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<BlockKind, D::Error> {
        if d.is_human_readable() {
            NamedKind::deserialize(d)
        } else {
            BlockKind::deserialize(d)
        }
    }
}

/// A paragraph of text, split into sentences.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    /// Sanitized text: no control characters; never contains `\n`.
    #[serde(deserialize_with = "text_format::deserialize")]
    pub text: String,
    /// Byte ranges of the sentences in `text`, in order, covering every non-space character.
    pub sentences: Vec<Span>,
    /// 1-based line of the source file this paragraph starts on (0 when not from a file).
    pub line: u32,
}

/// A paragraph's text from a binary format (the document cache) read as bytes and checked by
/// simdutf8: std's check of a Russian text, every letter two bytes, took more time than all
/// the rest of reading the cache. The bytes are the same as a string's in such formats.
mod text_format {
    use serde::Deserialize;
    use serde::de::{self, Deserializer, Visitor};
    use std::fmt;

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
        if d.is_human_readable() {
            String::deserialize(d)
        } else {
            d.deserialize_bytes(Utf8)
        }
    }

    struct Utf8;

    impl Visitor<'_> for Utf8 {
        type Value = String;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("UTF-8 text")
        }

        fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<String, E> {
            simdutf8::basic::from_utf8(v)
                .map(str::to_owned)
                .map_err(|_| E::invalid_value(de::Unexpected::Bytes(v), &self))
        }

        fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
            Ok(v.to_owned())
        }
    }
}

impl Paragraph {
    pub fn sentence_texts(&self) -> impl Iterator<Item = &str> {
        self.sentences.iter().map(|s| &self.text[s.range()])
    }
}

/// A byte range `[start, end)` within a paragraph's text, serialized as `[start, end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "(u32, u32)", into = "(u32, u32)")]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

impl From<(u32, u32)> for Span {
    fn from((start, end): (u32, u32)) -> Self {
        Span { start, end }
    }
}

impl From<Span> for (u32, u32) {
    fn from(s: Span) -> Self {
        (s.start, s.end)
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Self {
        Span {
            start: r.start as u32,
            end: r.end as u32,
        }
    }
}
