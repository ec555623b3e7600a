//! Document structure: metadata (dateline, title, `Source:`), headings, breaks and related-link lists,
//! and the assembly of classified lines into blocks.

use super::labels::{self, Candidate};
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
    pub text: &'a str,
    pub kind: Line<'a>,
}

/// One language's half: its metadata and its remaining lines, classified.
#[derive(Debug, Default)]
pub(super) struct Half<'a> {
    pub meta: Meta,
    pub lines: Vec<Classified<'a>>,
}

/// Classifies the trimmed, non-blank `lines` (with their 1-based numbers) of one language's half.
pub(super) fn classify<'a>(lines: &[(u32, &'a str)]) -> Half<'a> {
    let mut half = Half::default();
    let top = top_meta(lines, &mut half.meta);
    let last = lines.len().saturating_sub(1);
    for (i, &(line, text)) in lines.iter().enumerate().skip(top) {
        if let Some(value) = source(text) {
            let source = half.meta.source.get_or_insert_with(String::new);
            if !source.is_empty() {
                source.push_str("; ");
            }
            source.push_str(value);
        } else if !((i == 0 || i == last) && is_marker(text)) {
            half.lines.push(Classified {
                line,
                text,
                kind: line_kind(text),
            });
        }
    }
    half
}

fn line_kind(text: &str) -> Line<'_> {
    if !text.chars().any(char::is_alphanumeric) {
        Line::Break
    } else if is_related_head(text) {
        Line::RelatedHead
    } else if is_known_heading(text) {
        Line::Heading { known: true }
    } else if let Some(c) = labels::candidate(text) {
        Line::Label(c)
    } else {
        not_label(text)
    }
}

/// What a line is when it is not read as a speaker label.
pub(super) fn not_label(text: &str) -> Line<'static> {
    if is_heading_shaped(text) {
        Line::Heading { known: false }
    } else {
        Line::Text
    }
}

/// Reads a dateline and a title from the first lines; returns how many lines they took.
fn top_meta(lines: &[(u32, &str)], meta: &mut Meta) -> usize {
    let mut taken = 0;
    for &(_, text) in lines.iter().take(2) {
        // Something must follow the metadata, or it is the text itself.
        if taken + 1 >= lines.len() {
            break;
        }
        let date = dateline(text).filter(|_| meta.date.is_none());
        if let Some((place, date)) = date {
            meta.place = place.map(str::to_string);
            meta.date = Some(date.to_string());
        } else if meta.title.is_none() && is_title_shaped(text) {
            meta.title = Some(text.to_string());
        } else {
            break;
        }
        taken += 1;
    }
    taken
}

/// `Moscow, 13 March 2025` → (`Moscow`, `13 March 2025`); also a bare date, or the date first.
fn dateline(text: &str) -> Option<(Option<&str>, &str)> {
    if text.len() > 80 {
        return None;
    }
    if is_date(text) {
        return Some((None, text));
    }
    let (place, date) = text.split_once(',')?;
    if is_place(place) && is_date(date.trim()) {
        return Some((Some(place.trim()), date.trim()));
    }
    let (date, place) = text.rsplit_once(',')?;
    (is_date(date.trim()) && is_place(place)).then(|| (Some(place.trim()), date.trim()))
}

fn is_place(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (1..=4).contains(&words.len())
        && words[0].chars().next().is_some_and(char::is_uppercase)
        && !s.chars().any(|c| c.is_ascii_digit())
}

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
];

/// `13 March 2025`, `March 13, 2025`, `13 марта 2025 года`, `13.03.2025`, `2025-03-13`.
fn is_date(s: &str) -> bool {
    let numeric: Vec<&str> = s.split(['.', '-', '/']).collect();
    if numeric.len() == 3
        && numeric
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
    {
        return numeric.iter().any(|p| p.len() == 4);
    }
    let words: Vec<String> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_end_matches('.').to_lowercase())
        .filter(|w| !matches!(w.as_str(), "г" | "года" | "год"))
        .collect();
    let year = |w: &String| w.len() == 4 && w.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y));
    let day = |w: &String| w.len() <= 2 && w.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d));
    let month = |w: &String| MONTHS.contains(&w.as_str());
    (2..=3).contains(&words.len())
        && words.iter().filter(|w| year(w)).count() == 1
        && words.iter().filter(|w| month(w)).count() == 1
        && words.iter().all(|w| year(w) || month(w) || day(w))
}

fn is_title_shaped(text: &str) -> bool {
    text.len() <= 200
        && text.split_whitespace().count() >= 2
        && text
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "«\"“".contains(c))
        && !text.ends_with(['.', '!', '?', '…', ':', ';', ','])
        && matches!(line_kind(text), Line::Text | Line::Heading { known: false })
}

fn is_heading_shaped(text: &str) -> bool {
    text.chars().count() <= 80
        && text.split_whitespace().count() <= 10
        && text
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && text.chars().any(char::is_alphabetic)
        && !text.ends_with(['.', '!', '?', '…', ':', ';', ',', '»', '"', '”', ')'])
}

/// `Source: …`, `Source – …`, `Источник: …` → the value.
fn source(text: &str) -> Option<&str> {
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

/// A line announcing the other language's half (`Original text below`).
fn is_marker(text: &str) -> bool {
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
    let lower = text.to_lowercase();
    text.len() <= 150 && MARKERS.iter().any(|m| lower.contains(m))
}

fn is_related_head(text: &str) -> bool {
    const HEADS: &[&str] = &[
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
    let lower = text.trim_end_matches([':', '.']).trim().to_lowercase();
    HEADS.contains(&lower.as_str())
}

fn is_known_heading(text: &str) -> bool {
    const HEADINGS: &[&str] = &[
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
    let lower = text.trim_end_matches([':', '.']).trim().to_lowercase();
    HEADINGS.contains(&lower.as_str())
}

/// A link in a related list: a bullet item, or a short line that is not a sentence.
fn related_item(text: &str) -> Option<&str> {
    for bullet in ["- ", "– ", "— ", "• ", "· ", "* "] {
        if let Some(item) = text.strip_prefix(bullet) {
            return Some(item.trim());
        }
    }
    (text.chars().count() <= 150 && !text.ends_with(['.', '!', '?', '…'])).then_some(text)
}

/// Assembles one half's classified lines into blocks; `speaker[i]` is the speaker of line `i` if it is a
/// label that was taken.
pub(super) fn blocks(lang: Lang, lines: &[Classified], speaker: &[Option<usize>]) -> Vec<Block> {
    let mut b = Builder {
        lang,
        blocks: Vec::new(),
        current: None,
    };
    // While in a related list; and whose turn it interrupted, to resume it after the list.
    let mut related: Option<Option<usize>> = None;
    for (i, l) in lines.iter().enumerate() {
        if let Some(resume) = related {
            let is_item = speaker[i].is_none() && !matches!(l.kind, Line::Break | Line::RelatedHead);
            if let Some(item) = related_item(l.text).filter(|_| is_item) {
                b.push(BlockKind::Related, item, l.line);
                continue;
            }
            related = None;
            b.close();
            if let (Some(s), Line::Text | Line::Heading { known: false }) = (resume, &l.kind) {
                b.start(BlockKind::Turn(s));
            }
        }
        let in_turn = matches!(
            b.current,
            Some(Block {
                kind: BlockKind::Turn(_),
                ..
            })
        );
        match (&l.kind, speaker[i]) {
            (Line::Label(c), Some(s)) => {
                b.start(BlockKind::Turn(s));
                if !c.rest.is_empty() {
                    b.push(BlockKind::Turn(s), c.rest, l.line);
                }
            }
            (Line::Break, _) => {
                b.single(BlockKind::Break, l.text, l.line);
            }
            (Line::RelatedHead, _) => {
                related = Some(match b.current {
                    Some(Block {
                        kind: BlockKind::Turn(s),
                        ..
                    }) => Some(s),
                    _ => None,
                });
                b.start(BlockKind::Related);
                b.push(BlockKind::Related, l.text, l.line);
            }
            (Line::Heading { known }, _) if *known || !in_turn => {
                b.single(BlockKind::Heading, l.text, l.line);
            }
            _ => {
                let kind = b.current.as_ref().map_or(BlockKind::Narration, |c| c.kind);
                b.push(kind, l.text, l.line);
            }
        }
    }
    b.close();
    b.blocks
}

struct Builder {
    lang: Lang,
    blocks: Vec<Block>,
    current: Option<Block>,
}

impl Builder {
    fn close(&mut self) {
        if let Some(block) = self.current.take().filter(|b| !b.paragraphs.is_empty()) {
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
            sentences: crate::sentences::split(text, self.lang),
            line,
        };
        self.current
            .get_or_insert_with(|| Block {
                kind,
                paragraphs: Vec::new(),
            })
            .paragraphs
            .push(paragraph);
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
    fn datelines() {
        assert_eq!(
            dateline("Moscow, 13 March 2025"),
            Some((Some("Moscow"), "13 March 2025"))
        );
        assert_eq!(
            dateline("Москва, 13 марта 2025 года"),
            Some((Some("Москва"), "13 марта 2025 года"))
        );
        assert_eq!(dateline("March 13, 2025"), Some((None, "March 13, 2025")));
        assert_eq!(dateline("13.03.2025"), Some((None, "13.03.2025")));
        assert_eq!(
            dateline("13 March 2025, Minsk"),
            Some((Some("Minsk"), "13 March 2025"))
        );
        assert_eq!(dateline("Moscow, we met in March 2025"), None);
        assert_eq!(dateline("In 2024 trade grew"), None);
    }

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
