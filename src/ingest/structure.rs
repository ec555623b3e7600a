//! Document structure: metadata (dateline, title, `Source:`), headings, breaks and related-link lists,
//! and the assembly of classified lines into blocks.

use super::labels::{self, Candidate};
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

/// Reads the header from the first lines; returns how many lines it took. The header is a title and a
/// dateline (`Moscow, 13 March 2025`), or, as kremlin.ru pages are copied, a title, a date, a time of day
/// and a place (`March 13, 2025` / `18:30` / `The Kremlin, Moscow`).
fn top_meta(lines: &[(u32, &str)], meta: &mut Meta) -> usize {
    let mut taken = 0;
    // Something must follow the header, or it is the text itself.
    for &(_, text) in lines.iter().take(4).take(lines.len().saturating_sub(1)) {
        let after_date = meta.date.is_some() && taken > 0;
        if let Some((place, date)) = dateline(text).filter(|_| meta.date.is_none()) {
            meta.place = place.map(str::to_string);
            meta.date = Some(date.to_string());
        } else if let Some(date) = meta.date.as_mut().filter(|_| after_date && is_time_of_day(text)) {
            date.push_str(", ");
            date.push_str(text);
        } else if after_date && meta.place.is_none() && is_place_line(text) {
            meta.place = Some(text.to_string());
        } else if meta.title.is_none() && is_title_shaped(text) {
            meta.title = Some(text.to_string());
        } else {
            break;
        }
        taken += 1;
    }
    taken
}

/// `18:30`.
fn is_time_of_day(text: &str) -> bool {
    text.split_once(':').is_some_and(|(h, m)| {
        (1..=2).contains(&h.len()) && m.len() == 2 && h.chars().chain(m.chars()).all(|c| c.is_ascii_digit())
    })
}

/// `The Kremlin, Moscow`, `Ново-Огарёво, Московская область`: a short place with a comma, no digits.
fn is_place_line(text: &str) -> bool {
    text.len() <= 60
        && text.contains(',')
        && text.split_whitespace().count() <= 5
        && text.chars().next().is_some_and(char::is_uppercase)
        && !text.contains(|c: char| c.is_ascii_digit() || ".!?:;«»\"".contains(c))
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

/// Month names and abbreviations, lowercase, with the month's number.
const MONTHS: &[(&str, u8)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    ("января", 1),
    ("февраля", 2),
    ("марта", 3),
    ("апреля", 4),
    ("мая", 5),
    ("июня", 6),
    ("июля", 7),
    ("августа", 8),
    ("сентября", 9),
    ("октября", 10),
    ("ноября", 11),
    ("декабря", 12),
    ("январь", 1),
    ("февраль", 2),
    ("март", 3),
    ("апрель", 4),
    ("май", 5),
    ("июнь", 6),
    ("июль", 7),
    ("август", 8),
    ("сентябрь", 9),
    ("октябрь", 10),
    ("ноябрь", 11),
    ("декабрь", 12),
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
    let month = |w: &String| month_number(w).is_some();
    (2..=3).contains(&words.len())
        && words.iter().filter(|w| year(w)).count() == 1
        && words.iter().filter(|w| month(w)).count() == 1
        && words.iter().all(|w| year(w) || month(w) || day(w))
}

fn month_number(word: &str) -> Option<u8> {
    MONTHS.iter().find(|(name, _)| *name == word).map(|&(_, n)| n)
}

/// The (year, month, day) of a date as [`is_date`] reads them, to order documents by; a time of
/// day after it is ignored. Numbers are read day first (`13.03.2025`) unless the year leads
/// (`2025-03-13`) or only month first makes sense (`03/13/2025`).
pub(crate) fn date_key(s: &str) -> Option<(u16, u8, u8)> {
    let words: Vec<String> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty() && !w.contains(':'))
        .map(|w| w.trim_end_matches('.').to_lowercase())
        .filter(|w| !matches!(w.as_str(), "г" | "года" | "год"))
        .collect();
    let valid = |y: u32, m: u32, d: u32| {
        ((1900..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
            .then_some((y as u16, m as u8, d as u8))
    };
    if let [numeric] = &words[..] {
        let parts: Vec<&str> = numeric.split(['.', '-', '/']).collect();
        let n: Vec<u32> = parts.iter().map(|p| p.parse().ok()).collect::<Option<_>>()?;
        return match (&parts[..], &n[..]) {
            ([y, ..], &[year, m, d]) if y.len() == 4 => valid(year, m, d),
            ([.., y], &[d, m, year]) if y.len() == 4 => valid(year, m, d).or_else(|| valid(year, d, m)),
            _ => None,
        };
    }
    let (mut year, mut month, mut day) = (None, None, None);
    for w in &words {
        match (month_number(w), w.parse::<u32>()) {
            (Some(m), _) if month.is_none() => month = Some(u32::from(m)),
            (_, Ok(n)) if w.len() == 4 && year.is_none() => year = Some(n),
            (_, Ok(n)) if w.len() <= 2 && day.is_none() => day = Some(n),
            _ => return None,
        }
    }
    valid(year?, month?, day.unwrap_or(1))
}

fn is_title_shaped(text: &str) -> bool {
    // A title in capitals has the shape of a name alone on its line; it is never a speaker's label.
    let shape_ok = match line_kind(text) {
        Line::Text | Line::Heading { known: false } => true,
        Line::Label(c) => !c.colon && !text.chars().any(char::is_lowercase),
        _ => false,
    };
    shape_ok
        && text.len() <= 200
        && text.split_whitespace().count() >= 2
        && text
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "«\"“".contains(c))
        // A quoted sentence (`“I can’t help it,” he said. “I have come a long way…”`) is no title.
        && !text
            .trim_end_matches(['”', '"', '»', '’', ')'])
            .ends_with(['.', '!', '?', '…', ':', ';', ','])
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

/// Words that open the heading of a book's or a play's part (`Chapter IV`, `Глава первая`, `Акт I`).
const SECTION_WORDS: &[&str] = &[
    "chapter",
    "act",
    "scene",
    "part",
    "book",
    "глава",
    "акт",
    "действие",
    "сцена",
    "явление",
    "часть",
    "книга",
];

/// Sections of a play, whose headings show that lone names with a colon are its characters.
const PLAY_SECTIONS: &[&str] = &["act", "scene", "акт", "действие", "сцена", "явление"];

/// `Act I`, `SCENE 2.`, `Действие второе`.
pub(super) fn is_play_heading(text: &str) -> bool {
    is_section_heading(text)
        && text
            .split_whitespace()
            .next()
            .is_some_and(|w| PLAY_SECTIONS.contains(&w.to_lowercase().as_str()))
}

/// Sections that need no number.
const UNNUMBERED_SECTIONS: &[&str] = &["prologue", "epilogue", "пролог", "эпилог"];

/// Numbers spelled out in English, cardinal and ordinal, that name a section (`Part One`,
/// `Chapter Twenty-First`).
const ENGLISH_NUMBERS: &str = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen \
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety \
    first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth \
    fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth thirtieth \
    fortieth fiftieth last";

/// Stems of Russian ordinals, which take a gender's ending (`первая`, `второе`, `третий`,
/// `двадцать первая` is two words, each a number).
const RUSSIAN_ORDINAL_STEMS: &str = "перв втор трет четвёрт четверт пят шест седьм восьм девят десят одиннадцат двенадцат \
    тринадцат четырнадцат пятнадцат шестнадцат семнадцат восемнадцат девятнадцат двадцат тридцат \
    сороков последн";
const RUSSIAN_ORDINAL_ENDINGS: &str = "ая ое ый ой ий ья ье яя ее";
/// Russian tens, which open a compound ordinal (`двадцать первая`).
const RUSSIAN_TENS: &str = "двадцать тридцать сорок";

/// A number spelled out (`One`, `twenty-one`, `первая`, `двадцать`), in lower case.
fn is_spelled_number(word: &str) -> bool {
    let among = |words: &str, w: &str| words.split_whitespace().any(|x| x == w);
    let russian_ordinal = |w: &str| {
        RUSSIAN_ORDINAL_STEMS.split_whitespace().any(|stem| {
            w.strip_prefix(stem)
                .is_some_and(|end| among(RUSSIAN_ORDINAL_ENDINGS, end))
        })
    };
    word.split('-')
        .all(|w| among(ENGLISH_NUMBERS, w) || among(RUSSIAN_TENS, w) || russian_ordinal(w))
}

/// `Chapter I. Down the Rabbit-Hole`, `ACT III. SCENE 1.`, `Глава II. Море слёз`, `Сцена 2`, `Prologue`: a
/// section word and its number, then perhaps a title after a full stop, colon or dash. Its own punctuation
/// does not matter (`Chapter XI. Who Stole the Tarts?`); `Part I think so` and `Act of God` are not one.
pub(super) fn is_section_heading(text: &str) -> bool {
    if text.chars().count() > 100 {
        return false;
    }
    let mut words = text.split_whitespace();
    let word = |w: Option<&str>| w.map(|w| w.to_lowercase());
    let Some(first) = word(words.next()) else {
        return false;
    };
    if is_numbering(text) {
        return true;
    }
    if UNNUMBERED_SECTIONS.contains(&first.trim_end_matches(['.', ':'])) {
        return true;
    }
    if !SECTION_WORDS.contains(&first.as_str()) {
        return false;
    }
    let Some(number) = word(words.next()) else {
        return false;
    };
    let bare = number.trim_end_matches(['.', ':']);
    let is_number = bare.chars().all(|c| c.is_ascii_digit())
        || bare.chars().all(|c| "ivxlc".contains(c))
        || is_spelled_number(bare);
    // `Глава двадцать первая`, `Chapter Twenty One`: the number's further words.
    let rest: Vec<&str> = words
        .skip_while(|w| is_spelled_number(&w.to_lowercase()))
        .collect();
    !bare.is_empty()
        && is_number
        && (rest.is_empty()
            || number.len() > bare.len()
            || ["-", "–", "—"].contains(&rest[0])
            || is_section_heading(&rest.join(" ")))
}

/// `VIII`, `XIV.`, `XXXIX. XL. XLI`: Roman numerals alone on a line, as books number their chapters and
/// poems their stanzas (the last, stanzas left out). Read as a name they would make a speaker of each
/// stanza (`VIII` over the speech that follows).
fn is_numbering(text: &str) -> bool {
    let mut numerals = text.split([' ', '.', ',']).filter(|w| !w.is_empty()).peekable();
    numerals.peek().is_some() && numerals.all(is_roman)
}

/// A number in digits, Roman numerals or words (`12`, `XIV`, `Two`, `первое`): `Word One` alone on its
/// line numbers a section rather than names a speaker.
pub(super) fn is_number_word(word: &str) -> bool {
    let bare = word.trim_end_matches(['.', ':']);
    (!bare.is_empty() && bare.chars().all(|c| c.is_ascii_digit()))
        || is_roman(bare)
        || is_spelled_number(&bare.to_lowercase())
}

/// A Roman numeral in capitals below 400, written the usual way (`XIV`, not `XIIII` or
/// `IXX`): without `M` or `D`, so that `MIX`, `DIM` or `MD` are not numerals.
fn is_roman(text: &str) -> bool {
    const DIGITS: [(i32, &str); 9] = [
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    // Russian typists often write numerals with the Cyrillic letters that look like them (`ХII`).
    let latin = |c: char| match c {
        'Х' => 'X',
        'І' => 'I',
        'С' => 'C',
        c => c,
    };
    let value = |c: char| {
        DIGITS
            .iter()
            .find(|(_, d)| d.len() == 1 && d.starts_with(c))
            .map(|&(v, _)| v)
    };
    // Collected only as far as the first letter that is no numeral: most lines' first words.
    let Some(values) = text.chars().map(latin).map(value).collect::<Option<Vec<i32>>>() else {
        return false;
    };
    // A digit before a greater one is subtracted; the usual spelling of the sum must be the text.
    let sum: i32 = values
        .iter()
        .enumerate()
        .map(|(k, &v)| {
            if values.get(k + 1).is_some_and(|&next| next > v) {
                -v
            } else {
                v
            }
        })
        .sum();
    let mut spelled = String::new();
    let mut left = sum;
    for &(v, digit) in &DIGITS {
        while left >= v {
            spelled.push_str(digit);
            left -= v;
        }
    }
    (1..400).contains(&sum) && spelled.chars().eq(text.chars().map(latin))
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
    fn dates_order_by_year_month_day() {
        for (date, key) in [
            ("13 March 2025", Some((2025, 3, 13))),
            ("March 13, 2025, 18:30", Some((2025, 3, 13))),
            ("13 марта 2025 года", Some((2025, 3, 13))),
            ("Sept 2024", Some((2024, 9, 1))),
            ("13.03.2025", Some((2025, 3, 13))),
            ("2025-03-13", Some((2025, 3, 13))),
            ("03/13/2025", Some((2025, 3, 13))),
            ("13 March", None),
            ("13.13.2025", None),
            ("we met in March 2025", None),
        ] {
            assert_eq!(date_key(date), key, "{date}");
        }
    }

    #[test]
    fn kremlin_page_header() {
        let lines = [
            (
                1,
                "Joint press conference with President of Belarus Alexander Lukashenko",
            ),
            (2, "March 13, 2025"),
            (3, "18:30"),
            (4, "The Kremlin, Moscow"),
            (5, "The talks are over."),
        ];
        let mut meta = Meta::default();
        assert_eq!(top_meta(&lines, &mut meta), 4);
        assert_eq!(
            meta,
            Meta {
                title: Some(lines[0].1.into()),
                date: Some("March 13, 2025, 18:30".into()),
                place: Some("The Kremlin, Moscow".into()),
                source: None,
            }
        );
        // A short line without a comma after a dateline is a title, not a place.
        let lines = [
            (1, "Moscow, 13 March 2025"),
            (2, "Joint press conference"),
            (3, "Text."),
        ];
        let mut meta = Meta::default();
        assert_eq!(top_meta(&lines, &mut meta), 2);
        assert_eq!(meta.place.as_deref(), Some("Moscow"));
        assert_eq!(meta.title.as_deref(), Some("Joint press conference"));
        // Nothing follows: the line is the text.
        let mut meta = Meta::default();
        assert_eq!(top_meta(&[(1, "Moscow, 13 March 2025")], &mut meta), 0);
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
    fn section_headings() {
        for text in [
            "Act I",
            "ACT III. SCENE 1.",
            "Scene 2 — A street",
            "Chapter XI. Who Stole the Tarts?",
            "Глава первая",
            "Действие второе",
            "Эпилог",
        ] {
            assert!(is_section_heading(text), "{text}");
        }
        for text in [
            "Act of God",
            "Part I think so",
            "Chapter and verse",
            "Scene",
            "Глава государства",
        ] {
            assert!(!is_section_heading(text), "{text}");
        }
        for text in [
            "VIII",
            "XIV.",
            "XXXIX. XL. XLI",
            "Chapter Eleven",
            "Глава двадцать первая",
        ] {
            assert!(is_section_heading(text), "{text}");
        }
        assert!(is_play_heading("SCENE 2."));
        assert!(!is_play_heading("Chapter 2"));
    }

    #[test]
    fn roman_numerals_written_the_usual_way() {
        for numeral in [
            "I", "IV", "IX", "XIV", "XL", "XLIX", "XC", "XCIX", "CCCXCIX", "ХVII",
        ] {
            assert!(is_roman(numeral), "{numeral}");
        }
        for word in [
            "", "IIII", "IXX", "VX", "IL", "XCX", "CCCC", "iv", "MIX", "DIM", "MD", "CIVIL", "LIVE",
        ] {
            assert!(!is_roman(word), "{word}");
        }
        // Every word of up to five of the letters is a numeral exactly when it is how a number
        // below 400 is written, spelled here digit by digit.
        let spell = |n: usize| {
            let place = |d: usize, [one, five, ten]: [&str; 3]| match d {
                4 => format!("{one}{five}"),
                9 => format!("{one}{ten}"),
                d => format!("{}{}", if d >= 5 { five } else { "" }, one.repeat(d % 5)),
            };
            [
                "C".repeat(n / 100),
                place(n / 10 % 10, ["X", "L", "C"]),
                place(n % 10, ["I", "V", "X"]),
            ]
            .concat()
        };
        let numerals: std::collections::HashSet<String> = (1..400).map(spell).collect();
        let mut words = vec![String::new()];
        for _ in 0..5 {
            words = words
                .iter()
                .flat_map(|w| "IVXLC".chars().map(move |c| format!("{w}{c}")))
                .collect();
            for w in &words {
                assert_eq!(is_roman(w), numerals.contains(w), "{w}");
            }
        }
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
