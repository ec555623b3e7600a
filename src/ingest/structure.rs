//! Document structure: what each line is (a label, a heading, a reaction, `Source:`, a break, a
//! related-link list), the header read off the top (`header`), and the assembly of classified lines
//! into blocks.

use super::header::top_meta;
use super::labels::{self, Candidate};
use super::sections::is_section_heading;
use super::wrap::Joined;
use crate::model::{Block, BlockKind, Lang, Meta, Paragraph};

/// What one non-blank, non-metadata line is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Line<'a> {
    /// `* * *`, `<…>`: no letters or digits at all.
    Break,
    /// `known` headings (`Q&A`) end a turn; other heading-shaped lines only count outside turns.
    Heading {
        known: bool,
    },
    /// `See also`, `Дополнительно`, `Читайте также:`.
    RelatedHead,
    /// May be a speaker label; the driver decides with evidence from the whole document.
    Label(Candidate<'a>),
    Text,
}

/// A classified line of one half.
#[derive(Debug, Clone)]
pub(super) struct Classified<'a> {
    /// 1-based line in the source.
    pub line: u32,
    /// The last source line it spans: further down where a wrapper's breaks were joined.
    pub last: u32,
    pub text: &'a str,
    pub kind: Line<'a>,
}

/// One language's half: its metadata and its remaining lines, classified.
#[derive(Debug, Default)]
pub(super) struct Half<'a> {
    pub meta: Meta,
    pub lines: Vec<Classified<'a>>,
}

/// Classifies the trimmed, non-blank lines of one language's half, with lines a wrapper broke joined.
pub(super) fn classify<'a>(joined: &'a [Joined]) -> Half<'a> {
    let lines: Vec<(u32, &str)> = joined.iter().map(|j| (j.first, j.text.as_ref())).collect();
    let mut half = Half::default();
    let top = top_meta(&lines, &mut half.meta);
    let last = lines.len().saturating_sub(1);
    // Several sources are kept, joined; a repeated one once. Only at the edges of a half: `Source: …`
    // in the middle of a speech is what the speaker said.
    let mut sources = std::collections::HashSet::new();
    let at_edge = |i: usize| i < top + EDGE_LINES || i + EDGE_LINES > last;
    for (i, &(line, text)) in lines.iter().enumerate().skip(top) {
        if let Some(value) = source(text).filter(|_| at_edge(i)) {
            if sources.insert(value) {
                let joined = half.meta.source.get_or_insert_with(String::new);
                if !joined.is_empty() {
                    joined.push_str("; ");
                }
                joined.push_str(value);
            }
        } else if !((i == 0 || i == last) && is_marker(text)) {
            half.lines.push(Classified {
                line,
                last: joined[i].last,
                text,
                kind: line_kind(text),
            });
        }
    }
    half
}

/// How many lines at the start and at the end of a half may hold a `Source:` line.
const EDGE_LINES: usize = 3;

pub(super) fn line_kind(text: &str) -> Line<'_> {
    if !text.chars().any(char::is_alphanumeric) {
        Line::Break
    } else if is_phrase(text, RELATED_HEADS) {
        Line::RelatedHead
    } else if is_qa_heading(text) || is_section_heading(text) {
        Line::Heading { known: true }
    } else if direction(text).is_some() {
        // `Смех CA: …` is a reaction, then perhaps a label: not the label `Смех CA`.
        Line::Text
    } else if let Some(c) = labels::candidate(text) {
        Line::Label(c)
    } else {
        not_label(text)
    }
}

/// What a line is when it is not read as a speaker label.
pub(super) fn not_label(text: &str) -> Line<'static> {
    if is_heading_shaped(text) && direction(text).is_none() {
        Line::Heading { known: false }
    } else {
        Line::Text
    }
}

/// A short line without a sentence's punctuation. Lines of verse or dialogue set apart in prose are not
/// headings: they end in a dash (`Who’s to go down the chimney? —`), hold a `?`, `!` or `;` inside, or a
/// clause after a comma (`И я могу понять его, потому что Вашингтон`).
fn is_heading_shaped(text: &str) -> bool {
    text.chars().count() <= 80
        && text.split_whitespace().count() <= 10
        && text
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && text.chars().any(char::is_alphabetic)
        && !text.ends_with([
            '.', '!', '?', '…', ':', ';', ',', '»', '"', '”', ')', '-', '–', '—',
        ])
        && !text.contains(['?', '!', ';'])
        && !text
            .split(", ")
            .skip(1)
            .any(|clause| clause.starts_with(char::is_lowercase))
}

/// A stage direction or an audience's reaction opening a line: `(Applause)`, `[Exit]`, `(Уходит.)`, or a
/// reaction word alone or before a new sentence (`Смех Итак, …`). Its length in bytes.
pub(super) fn direction(text: &str) -> Option<usize> {
    const MAX_BYTES: usize = 120;
    // Without brackets only words that begin no heading or sentence (`Music Festival` may).
    const REACTIONS: &[&str] = &["applause", "laughter", "аплодисменты", "смех", "овации"];
    if let Some(close) = match text.chars().next() {
        Some('(') => Some(')'),
        Some('[') => Some(']'),
        _ => None,
    } {
        let end = text
            .char_indices()
            .take_while(|&(i, _)| i < MAX_BYTES)
            .find(|&(_, c)| c == close)?
            .0;
        let inner = &text[1..end];
        return (!inner.contains(['(', '[']) && inner.starts_with(char::is_uppercase)).then_some(end + 1);
    }
    let end = text.find(|c: char| !c.is_alphabetic()).unwrap_or(text.len());
    let word = text[..end].to_lowercase();
    let end = end + usize::from(text[end..].starts_with('.'));
    let after = text[end..].trim_start();
    (REACTIONS.contains(&word.as_str())
        && (after.is_empty() || (after.len() < text.len() - end && after.starts_with(char::is_uppercase))))
    .then_some(end)
}

/// `Source: …`, `Source – …`, `Источник: …` → the value.
pub(super) fn source(text: &str) -> Option<&str> {
    let word_end = text.find(|c: char| !c.is_alphabetic())?;
    let word = text[..word_end].to_lowercase();
    if !matches!(word.as_str(), "source" | "источник") {
        return None;
    }
    let after = text[word_end..].trim_start();
    let rest = after.strip_prefix([':', '-', '–', '—'])?.trim();
    // `Source: X – Original text below`: the remark about the layout is not part of the source.
    let value = [" – ", " — ", " - "]
        .iter()
        .filter_map(|sep| rest.rsplit_once(sep))
        .find(|(_, remark)| is_marker(remark))
        .map_or(rest, |(value, _)| value.trim());
    (!value.is_empty()).then_some(value)
}

/// A line announcing the other language's half (`Original text below`): short, not a speaker label, and
/// holding one of the phrases as whole words — `Спасибо за оригинальный вопрос.` is speech.
pub(super) fn is_marker(text: &str) -> bool {
    const MARKERS: &[&str] = &[
        "original text",
        "text below",
        "original below",
        "translation below",
        "russian version",
        "english version",
        "russian original",
        "english translation",
        "оригинал",
        "текст ниже",
        "перевод ниже",
        "русская версия",
        "английская версия",
        "русский текст",
        "английский текст",
    ];
    text.chars().count() <= 60 && labels::candidate(text).is_none() && {
        let lower = text.to_lowercase();
        MARKERS.iter().any(|m| has_phrase(&lower, m))
    }
}

/// Whether `phrase` occurs in `text` with no letter or digit right before or after it.
fn has_phrase(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + phrase.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// `See also`, `Дополнительно`: what starts a list of related links.
const RELATED_HEADS: &[&str] = &[
    "see also",
    "related",
    "related links",
    "related news",
    "read also",
    "also read",
    "read more",
    "more on this topic",
    "дополнительно",
    "читайте также",
    "см. также",
    "смотрите также",
    "также по теме",
    "по теме",
    "материалы по теме",
];

/// Headings of the question-and-answer part of a press conference.
const QA_HEADINGS: &[&str] = &[
    "q&a",
    "q & a",
    "questions and answers",
    "question and answer session",
    "answers to questions",
    "answers to media questions",
    "вопросы и ответы",
    "ответы на вопросы",
    "ответы на вопросы журналистов",
    "ответы на вопросы сми",
    "вопросы журналистов",
];

/// Whether `text` is a heading that opens questions and answers (`Q&A`, `Вопросы и ответы`), as opposed
/// to any heading with the word in it (`Вопросы безопасности`).
pub fn is_qa_heading(text: &str) -> bool {
    is_phrase(text, QA_HEADINGS)
}

/// Whether `text`, less a trailing colon or full stop, is one of `phrases` (lower case).
fn is_phrase(text: &str, phrases: &[&str]) -> bool {
    text.len() <= 60 && {
        let lower = text.trim_end_matches([':', '.']).trim().to_lowercase();
        phrases.contains(&lower.as_str())
    }
}

/// A link in a related list whose items so far were `bulleted` (`None` before the first): a bullet item, or
/// a short line of several words that is not a sentence, nor a heading or label we know. A list keeps one
/// style, so the first line in another style ends it (`Интеграция и экономика` after `- …` items).
fn related_item<'a>(l: &Classified<'a>, bulleted: Option<bool>) -> Option<(&'a str, bool)> {
    for bullet in ["- ", "– ", "— ", "• ", "· ", "* "] {
        if let Some(item) = l.text.strip_prefix(bullet) {
            return (bulleted != Some(false)).then(|| (item.trim(), true));
        }
    }
    let link_title = l.text.chars().count() <= 150
        && l.text.split_whitespace().count() >= 4
        && !l.text.ends_with(['.', '!', '?', '…'])
        && !matches!(l.kind, Line::Label(_) | Line::Heading { known: true })
        && !labels::looks_like_label(l.text);
    (bulleted != Some(true) && link_title).then_some((l.text, false))
}

/// Assembles one half's classified lines into blocks; `speaker[i]` is the speaker of line `i` if it is a
/// label that was taken.
pub(super) fn blocks(lang: Lang, lines: &[Classified], speaker: &[Option<usize>]) -> Vec<Block> {
    let mut b = Builder {
        lang,
        blocks: Vec::new(),
        current: None,
        last_line: 0,
    };
    // A related list runs until a line that is not an item; its first item sets the style of the rest.
    let mut in_related = false;
    let mut bulleted = None;
    // The turn an interruption cut, to resume when speech follows it: an omission mark (`<…>`), or a bare
    // `See also` a web page left in the middle of a speech. After a list with links the speech is over.
    let mut resume: Option<usize> = None;
    for (i, l) in lines.iter().enumerate() {
        if in_related {
            let is_item = speaker[i].is_none() && !matches!(l.kind, Line::Break | Line::RelatedHead);
            if let Some((item, bullet)) = related_item(l, bulleted).filter(|_| is_item) {
                bulleted = Some(bullet);
                b.push(BlockKind::Related, item, l.line);
                resume = None;
                continue;
            }
            in_related = false;
            b.close();
        }
        let turn = match b.current {
            Some(Block {
                kind: BlockKind::Turn(s),
                ..
            }) => Some(s),
            _ => None,
        };
        let resumed = resume.take();
        match (&l.kind, speaker[i]) {
            (Line::Label(c), Some(s)) => {
                b.start(BlockKind::Turn(s));
                if !c.rest.is_empty() && b.push_speech(c.rest, l.line, Some(s)) {
                    resume = Some(s);
                }
            }
            (Line::Break, _) => {
                b.single(BlockKind::Break, l.text, l.line);
                resume = turn.filter(|_| l.text.contains('…') || l.text.contains("..."));
            }
            (Line::RelatedHead, _) => {
                b.start(BlockKind::Related);
                b.push(BlockKind::Related, l.text, l.line);
                in_related = true;
                bulleted = None;
                resume = turn;
            }
            (Line::Heading { known }, _) if *known || (turn.is_none() && resumed.is_none()) => {
                b.single(BlockKind::Heading, l.text, l.line);
            }
            _ => {
                if let Some(s) = resumed {
                    b.start(BlockKind::Turn(s));
                }
                if b.push_speech(l.text, l.line, turn.or(resumed)) {
                    resume = turn.or(resumed);
                }
            }
        }
        // A line whose wrapped lines were joined ends further down: the next is adjacent to its last.
        if b.last_line == l.line {
            b.last_line = l.last;
        }
    }
    b.close();
    b.blocks
}

struct Builder {
    lang: Lang,
    blocks: Vec<Block>,
    current: Option<Block>,
    /// The source line of the last text added.
    last_line: u32,
}

impl Builder {
    /// Ends the current block; sentences are split here, once per paragraph, after any joining.
    fn close(&mut self) {
        if let Some(mut block) = self.current.take().filter(|b| !b.paragraphs.is_empty()) {
            for p in &mut block.paragraphs {
                p.sentences = crate::sentences::split(&p.text, self.lang);
            }
            self.blocks.push(block);
        }
    }

    fn start(&mut self, kind: BlockKind) {
        self.close();
        self.current = Some(Block {
            kind,
            paragraphs: Vec::new(),
        });
    }

    /// Adds a paragraph to the current block, starting one of `kind` if there is none.
    fn push(&mut self, kind: BlockKind, text: &str, line: u32) {
        let paragraph = Paragraph {
            text: text.to_string(),
            sentences: Vec::new(),
            line,
        };
        self.current
            .get_or_insert_with(|| Block {
                kind,
                paragraphs: Vec::new(),
            })
            .paragraphs
            .push(paragraph);
        self.last_line = line;
    }

    /// Adds running text to the current block (narration if none). A hard-wrapped line — right after one
    /// that stops mid-sentence, and starting with a small letter — continues that paragraph.
    fn push_text(&mut self, text: &str, line: u32) {
        let adjacent = line == self.last_line.saturating_add(1);
        let continues = self
            .current
            .as_mut()
            .and_then(|b| b.paragraphs.last_mut())
            .filter(|p| {
                adjacent
                    && !p
                        .text
                        .ends_with(['.', '!', '?', '…', ':', ';', '»', '"', '”', ')'])
                    && text.starts_with(char::is_lowercase)
            });
        match continues {
            Some(p) => {
                p.text.push(' ');
                p.text.push_str(text);
                self.last_line = line;
            }
            None => {
                let kind = self.current.as_ref().map_or(BlockKind::Narration, |c| c.kind);
                self.push(kind, text, line);
            }
        }
    }

    /// Adds a line of speech or narration. A stage direction or reaction opening it (`(Applause)`) is
    /// narration of its own, and `turn`, which it interrupted, goes on after it. Whether the line was
    /// only a direction.
    fn push_speech(&mut self, text: &str, line: u32, turn: Option<usize>) -> bool {
        // In narration a reaction is narration already: the paragraph stays whole.
        let Some(end) = direction(text).filter(|&end| turn.is_some() || end == text.len()) else {
            self.push_text(text, line);
            return false;
        };
        self.single(BlockKind::Narration, &text[..end], line);
        let rest = text[end..].trim_start();
        if rest.is_empty() {
            return true;
        }
        if let Some(s) = turn {
            self.start(BlockKind::Turn(s));
        }
        self.push_text(rest, line);
        false
    }

    /// A block of one paragraph (heading, break) that nothing continues.
    fn single(&mut self, kind: BlockKind, text: &str, line: u32) {
        self.start(kind);
        self.push(kind, text, line);
        self.close();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources() {
        assert_eq!(
            source("Source: e-translated Website of the President of Russia – Original text below"),
            Some("e-translated Website of the President of Russia")
        );
        assert_eq!(
            source("Source – The Russian Kremlin: Совместная пресс-конференция"),
            Some("The Russian Kremlin: Совместная пресс-конференция")
        );
        assert_eq!(source("Источник: BAQ.kz"), Some("BAQ.kz"));
        assert_eq!(source("Sources say the talks went well."), None);
        assert_eq!(source("Source"), None);
    }

    #[test]
    fn directions() {
        assert_eq!(direction("(Applause)"), Some(10));
        assert_eq!(direction("(Applause) I'm going to talk."), Some(10));
        assert_eq!(direction("[Exit]"), Some(6));
        assert_eq!(direction("(Уходит.)"), Some("(Уходит.)".len()));
        assert_eq!(direction("Смех"), Some("Смех".len()));
        assert_eq!(direction("Смех. Итак, к делу."), Some("Смех.".len()));
        assert_eq!(direction("Смех — лучшее лекарство."), None);
        assert_eq!(direction("Applause is welcome."), None);
        assert_eq!(direction("(a) the first item"), None);
        assert_eq!(direction("(1) The first item"), None);
        assert_eq!(direction("(Applause"), None);
    }

    #[test]
    fn kinds() {
        assert_eq!(line_kind("* * *"), Line::Break);
        assert_eq!(line_kind("<…>"), Line::Break);
        assert_eq!(line_kind("See also"), Line::RelatedHead);
        assert_eq!(line_kind("Читайте также:"), Line::RelatedHead);
        assert_eq!(line_kind("Дополнительно"), Line::RelatedHead);
        assert_eq!(line_kind("Q&A"), Line::Heading { known: true });
        assert_eq!(
            line_kind("Интеграция и экономика"),
            Line::Heading { known: false }
        );
        assert_eq!(
            line_kind("Также запланировано подписание совместных документов."),
            Line::Text
        );
        assert_eq!(
            line_kind("- Совместное заявление – 13 марта 2025 года"),
            Line::Text
        );
    }
}
