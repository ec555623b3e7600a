//! Speaker-label recognition: `Vladimir Putin:`, `В.Путин`, `President of Russia Vladimir Putin: text`, `Вопрос:`.
//!
//! A label is a short name-shaped prefix — optional title words, 1–3 name words with optional initials,
//! an optional `(annotation)` — followed by `:` and text, or alone on its line. This module only reads the
//! shape of one line; whether a weak candidate is taken is decided with evidence from the whole document.

/// A speaker who is a role rather than a named person (`Question:`, `Реплика:`).
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Role {
    /// Also the speaker id.
    pub id: &'static str,
    pub en: &'static str,
    pub ru: &'static str,
    aliases: &'static [&'static str],
}

pub(crate) const ROLES: &[Role] = &[
    Role {
        id: "question",
        en: "Question",
        ru: "Вопрос",
        aliases: &["question", "q", "вопрос"],
    },
    Role {
        id: "answer",
        en: "Answer",
        ru: "Ответ",
        aliases: &["answer", "a", "ответ"],
    },
    Role {
        id: "remark",
        en: "Remark",
        ru: "Реплика",
        aliases: &["remark", "reply", "comment", "реплика", "комментарий"],
    },
    Role {
        id: "voice",
        en: "Voice from the audience",
        ru: "Голос из зала",
        aliases: &["voice", "voice from the audience", "голос", "голос из зала"],
    },
    Role {
        id: "journalist",
        en: "Journalist",
        ru: "Журналист",
        aliases: &[
            "journalist",
            "reporter",
            "журналист",
            "журналистка",
            "корреспондент",
        ],
    },
    Role {
        id: "moderator",
        en: "Moderator",
        ru: "Модератор",
        aliases: &[
            "moderator",
            "host",
            "presenter",
            "модератор",
            "ведущий",
            "ведущая",
        ],
    },
];

/// A person's name as a label writes it, without title or annotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Name {
    /// As written: `V. Putin`, `В.Путин`, `Vladimir Putin`.
    pub text: String,
    pub surname: String,
    /// The given name, written out or as an initial without its dot (`Vladimir`, `V`, `Yu`).
    pub given: Option<String>,
    /// Whether the given name is written out (`Vladimir`, not `V.`).
    pub full_given: bool,
    /// Initials only (`CA`, `К.А.`): `surname` holds the letters, and the name may abbreviate a full one.
    pub abbreviation: bool,
}

impl Name {
    /// The initials of a given name and a surname (`Chris Anderson` → `CA`), to match an abbreviation.
    pub fn initials(&self) -> Option<String> {
        if self.abbreviation {
            return Some(self.surname.clone());
        }
        let given = self.given.as_deref()?.chars().next()?;
        let surname = self.surname.chars().next()?;
        Some(given.to_uppercase().chain(surname.to_uppercase()).collect())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Who {
    Person(Name),
    Role(&'static Role),
}

/// A line that may be a speaker label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Candidate<'a> {
    pub who: Who,
    /// Text after the label on the same line; empty when the label stands alone.
    pub rest: &'a str,
    /// Whether it ended in a colon, or in the full stop of a play's cast label (`ROMEO.` alone on its line).
    pub colon: bool,
    /// Strong candidates are labels on their own; weak ones (a bare name line, a lone surname with a
    /// colon) need evidence from the rest of the document.
    pub strong: bool,
    /// Whether the name ends in a full stop with the speech after it on the same line, as plays are
    /// printed (`MASHA. It is time.`, `Сорин (опираясь на трость). Мне…`): a one-word sentence opens
    /// a line of prose as often (`Yes. I know.`), so only a document of such lines takes it.
    pub stop: bool,
}

impl<'a> Candidate<'a> {
    /// A label with a colon or alone on its line, not a play's name before a full stop.
    fn label(who: Who, rest: &'a str, colon: bool, strong: bool) -> Self {
        Candidate {
            who,
            rest,
            colon,
            strong,
            stop: false,
        }
    }
}

/// A label's head (before the colon) is short; anything longer is prose.
const MAX_HEAD_BYTES: usize = 200;
const MAX_ANNOTATION_BYTES: usize = 80;
const MAX_TITLE_WORDS: usize = 12;

/// Reads `line` (trimmed) as a speaker label, if it has the shape of one: with a colon, alone on its
/// line, or, failing those, before a full stop.
pub(crate) fn candidate(line: &str) -> Option<Candidate<'_>> {
    match labelled(line) {
        Some(c) if c.colon => Some(c),
        other => stopped(line).or(other),
    }
}

/// `MASHA. It is time to begin.`, `Сорин (опираясь на трость). Мне, брат…`: one to three capitalised
/// words and a full stop, perhaps a stage direction in brackets between them, then a new sentence.
/// The direction stays with the speech, as it does where it follows the full stop
/// (`SORIN. [Leaning on a cane] The country…`).
fn stopped(line: &str) -> Option<Candidate<'_>> {
    const MAX_NAME_WORDS: usize = 3;
    let opened = line.find(['.', '(', '[']).filter(|&p| p <= MAX_HEAD_BYTES)?;
    // The full stop follows the name, or a direction right after it: `Сорин (опираясь на трость).`
    let stop = match line.as_bytes()[opened] {
        b'(' => opened + line[opened..].find(')')? + 1,
        b'[' => opened + line[opened..].find(']')? + 1,
        _ => opened,
    };
    if !line[stop..].starts_with('.') {
        return None;
    }
    let head = strip_annotation(line[..stop].trim_end())?;
    let rest = if stop > opened {
        &line[opened..]
    } else {
        line[stop + 1..].trim_start()
    };
    let words: Vec<&str> = head.split_whitespace().collect();
    let name_word = |w: &&str| {
        w.chars().count() >= 2
            && w.chars().next().is_some_and(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
            && !crate::sentences::ABBREVIATIONS.contains(w)
    };
    let speech_starts = rest
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || "([«\"“„—–-…".contains(c));
    if words.is_empty() || words.len() > MAX_NAME_WORDS || !words.iter().all(name_word) || !speech_starts {
        return None;
    }
    let (name, ..) = name(head)?;
    Some(Candidate {
        who: Who::Person(name),
        rest,
        colon: false,
        strong: false,
        stop: true,
    })
}

/// A label with a colon (`Vladimir Putin: text`), or a line that may be a label alone.
fn labelled(line: &str) -> Option<Candidate<'_>> {
    let (head, rest, colon) = match emphasised(line) {
        Some(parts) => parts,
        None if starts_as_quote_or_item(line) => return None,
        None => split_at_colon(line)?,
    };
    let head = strip_annotation(head)?;
    if head.is_empty() {
        return None;
    }
    if let Some(letters) = abbreviation(head).filter(|_| colon) {
        return Some(Candidate::label(
            Who::Person(Name {
                text: head.to_string(),
                surname: letters,
                given: None,
                full_given: false,
                abbreviation: true,
            }),
            rest,
            colon,
            false,
        ));
    }
    if let Some(name) = numbered(head) {
        return Some(Candidate::label(Who::Person(name), rest, colon, colon));
    }
    if let Some(cast) = cast_label(head).filter(|_| !colon) {
        let (name, ..) = name(cast)?;
        return Some(Candidate::label(Who::Person(name), rest, true, false));
    }
    if let Some(role) = role(head) {
        return Some(Candidate::label(Who::Role(role), rest, colon, colon));
    }
    let (name, titled, tokens) = name(head)?;
    // `Владимир Путин: «Мы готовы»` is how news quote a person, not how transcripts label speech.
    Some(Candidate::label(
        Who::Person(name),
        rest,
        colon,
        colon && (titled || tokens >= 2) && !rest.starts_with(['«', '"', '“', '„']),
    ))
}

/// `CA`, `C.A.`, `К.А.` → the letters (`CA`, `КА`): two or three capitals, each with or without a dot.
fn abbreviation(head: &str) -> Option<String> {
    let letters: String = head.chars().filter(|&c| c != '.').collect();
    let dotted = head.chars().filter(|&c| c == '.').count();
    let n = letters.chars().count();
    ((2..=3).contains(&n)
        && letters.chars().all(char::is_uppercase)
        && (dotted == 0 || (dotted == n && head.ends_with('.'))))
    .then_some(letters)
}

/// Words that, with a number, stand for a speaker the transcript does not name, as automatic
/// transcripts label voices (`Speaker 1:`, `Спикер 2:`); each with the English word it is one
/// speaker with in the other version.
const NUMBERED: &[(&str, &str)] = &[
    ("speaker", "speaker"),
    ("participant", "participant"),
    ("person", "person"),
    ("voice", "voice"),
    ("interviewer", "interviewer"),
    ("respondent", "respondent"),
    ("guest", "guest"),
    ("caller", "caller"),
    ("man", "man"),
    ("woman", "woman"),
    ("спикер", "speaker"),
    ("говорящий", "speaker"),
    ("участник", "participant"),
    ("участница", "participant"),
    ("голос", "voice"),
    ("интервьюер", "interviewer"),
    ("респондент", "respondent"),
    ("гость", "guest"),
    ("мужчина", "man"),
    ("женщина", "woman"),
];

/// `Speaker 1`, `Спикер 2`: one of [`NUMBERED`], capitalised, and a number. Its surname is the
/// English word and the number, the same in both versions ([`super::speakers`] keeps the number).
fn numbered(head: &str) -> Option<Name> {
    let (word, number) = head.split_once(' ')?;
    let lower = word.to_lowercase();
    let &(_, english) = NUMBERED.iter().find(|(w, _)| *w == lower)?;
    (word.chars().next().is_some_and(char::is_uppercase) && super::digits(number, 3)).then(|| Name {
        text: head.to_string(),
        surname: format!("{english} {number}"),
        given: None,
        full_given: false,
        abbreviation: false,
    })
}

/// `ROMEO.`, `LADY CAPULET.`, `РОМЕО.`: a play's cast label, a name in capitals alone on its line with a
/// full stop; the name without it.
fn cast_label(head: &str) -> Option<&str> {
    let name = head.strip_suffix('.')?;
    (name.split_whitespace().count() <= 3
        && name.chars().any(char::is_alphabetic)
        && !name.chars().any(char::is_lowercase))
    .then_some(name)
}

/// Labels inside a line after a sentence's end or a reaction (`… a picture? WK: This is my home.`,
/// `(Applause) CA: …`): the byte offset where
/// each label starts, with its candidate (whose `rest` runs to the end of the line). The label at the
/// start of the line is not among them.
pub(crate) fn inline(text: &str) -> Vec<(usize, Candidate<'_>)> {
    const MAX_HEAD_WORDS: usize = 3;
    let words: Vec<(usize, &str)> = split_whitespace_indices(text).collect();
    let mut found = Vec::new();
    for (i, &(_, word)) in words.iter().enumerate().skip(1) {
        let Some(head_end) = word.strip_suffix([':', '：']) else {
            continue;
        };
        if head_end.contains([':', '：']) || i + 1 == words.len() {
            continue;
        }
        // The shortest head after a sentence's end that reads as a label; its words hold no other colon.
        let label = (i.saturating_sub(MAX_HEAD_WORDS - 1).max(1)..=i)
            .rev()
            .take_while(|&f| f == i || !words[f].1.contains([':', '：']))
            .filter(|&f| {
                let (at, before) = words[f - 1];
                ends_sentence(before) || super::structure::direction(text) == Some(at + before.len())
            })
            .find_map(|f| {
                let start = words[f].0;
                candidate(&text[start..])
                    .filter(|c| c.colon && !c.rest.is_empty())
                    .map(|c| (start, c))
            });
        found.extend(label);
    }
    found
}

/// Whether a word ends a sentence: `.`, `?`, `!`, `…`, perhaps inside closing quotes or brackets, or is a
/// bracketed remark (`(Applause)`).
pub(super) fn ends_sentence(word: &str) -> bool {
    word.trim_end_matches([')', ']', '"', '”', '»', '’', '\''])
        .ends_with(['.', '?', '!', '…'])
        || (word.starts_with(['(', '[']) && word.ends_with([')', ']']))
}

/// (head, rest, colon): the text before the first colon and after it; the whole line without one.
fn split_at_colon(line: &str) -> Option<(&str, &str, bool)> {
    // A colon further on makes no label either way: no need to search a long paragraph for it.
    // One in brackets is the annotation's (`Anna Petrova (01:23): …`, as Rev times a turn).
    let mut depth = 0i32;
    let colon = line
        .char_indices()
        .take_while(|&(p, _)| p <= MAX_HEAD_BYTES)
        .find(|&(_, c)| {
            match c {
                '(' | '[' => depth += 1,
                ')' | ']' => depth -= 1,
                _ => {}
            }
            depth <= 0 && matches!(c, ':' | '：')
        })
        .map(|(p, _)| p);
    match colon {
        Some(p) => {
            let colon_len = line[p..].chars().next().map_or(1, char::len_utf8);
            Some((line[..p].trim(), line[p + colon_len..].trim(), true))
        }
        None if line.len() <= MAX_HEAD_BYTES => Some((line, "", false)),
        None => None,
    }
}

/// A label in Markdown emphasis, as pasted from chat tools and notes: `**Vladimir Putin:** Hello.`,
/// `**Vladimir Putin**: Hello.`, `__В.Путин__`.
fn emphasised(line: &str) -> Option<(&str, &str, bool)> {
    let marker = ["**", "__"].into_iter().find(|m| line.starts_with(m))?;
    let inner_len = line[2..].find(marker).filter(|&n| n <= MAX_HEAD_BYTES)?;
    let inner = line[2..2 + inner_len].trim();
    let after = line[4 + inner_len..].trim();
    if let Some(head) = inner.strip_suffix([':', '：']) {
        return Some((head.trim(), after, true));
    }
    match after.strip_prefix([':', '：']) {
        Some(rest) => Some((inner, rest.trim(), true)),
        None => after.is_empty().then_some((inner, "", false)),
    }
}

/// A short line ending in a colon whose head is name-shaped (several capitalised words, or one in capitals)
/// or starts with a title: what a label looks like, whether or not it is one. `Он сказал так:` and
/// `Итоги:` are sentences.
pub(crate) fn looks_like_label(line: &str) -> bool {
    let Some(head) = line.strip_suffix([':', '：']) else {
        return false;
    };
    let words: Vec<&str> = head.split_whitespace().collect();
    let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    let name_shaped = match words[..] {
        [] => false,
        [one] => one.chars().count() >= 2 && !one.chars().any(char::is_lowercase),
        _ => words.iter().all(capitalised),
    };
    let titled = words.first().is_some_and(|w| capitalised(w) && is_title_word(w));
    (name_shaped || titled)
        && head.len() <= 60
        && words.len() <= 6
        && !head.contains(['.', '!', '?', ',', ';', '«', '"', '“'])
}

fn starts_as_quote_or_item(line: &str) -> bool {
    line.starts_with(['«', '"', '“', '„', '\'', '‘', '•', '·', '>', '-', '–', '—', '*'])
}

/// Drops a trailing `(как переведено)` / `[via interpreter]`; `None` if the brackets do not balance.
fn strip_annotation(head: &str) -> Option<&str> {
    let (open, close) = match head.chars().last() {
        Some(')') => ('(', ')'),
        Some(']') => ('[', ']'),
        _ => return Some(head),
    };
    let start = head.rfind(open)?;
    let inner = &head[start + 1..head.len() - close.len_utf8()];
    (inner.len() <= MAX_ANNOTATION_BYTES && !inner.contains([open, close])).then(|| head[..start].trim_end())
}

fn role(head: &str) -> Option<&'static Role> {
    let lower = head.to_lowercase();
    ROLES.iter().find(|r| r.aliases.contains(&lower.as_str()))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Initial,
    Word,
    Other,
}

struct Token<'a> {
    text: &'a str,
    start: usize,
    kind: Kind,
}

/// Parses a label head into a name; also says whether a title preceded it and how many name tokens it has.
fn name(head: &str) -> Option<(Name, bool, usize)> {
    let tokens = tokens(head)?;
    let all_name = tokens.len() <= 4
        && tokens
            .iter()
            .all(|t| t.kind == Kind::Initial || (t.kind == Kind::Word && !is_title_word(t.text)));
    let tail = if all_name {
        name_shape(&tokens).filter(|&n| n == tokens.len())?
    } else {
        let n = name_shape(&tokens)?;
        let prefix = &tokens[..tokens.len() - n];
        let titled = prefix.first().is_some_and(|t| is_title_head(t.text))
            && prefix.len() <= MAX_TITLE_WORDS
            && prefix
                .iter()
                .all(|t| t.kind == Kind::Word || is_title_word(t.text));
        if !titled {
            return None;
        }
        n
    };
    let name_tokens = &tokens[tokens.len() - tail..];
    let first = name_tokens.first()?;
    let (surname, given) = if name_tokens.last()?.kind == Kind::Initial {
        // `Путин В.В.`: surname first, initials after.
        (first, name_tokens.get(1))
    } else {
        (name_tokens.last()?, (name_tokens.len() > 1).then_some(first))
    };
    let name = Name {
        text: head[first.start..].to_string(),
        surname: surname.text.to_string(),
        given: given.map(|g| g.text.trim_end_matches('.').to_string()),
        full_given: given.is_some_and(|g| g.kind == Kind::Word),
        abbreviation: false,
    };
    Some((name, tail < tokens.len(), tail))
}

/// How many trailing tokens form a name: `Initial* Word Word?` + surname, or surname + `Initial+`; none if
/// the surname is missing or is a patronymic (`Vladimir Vladimirovich` is an address, not a label).
fn name_shape(tokens: &[Token]) -> Option<usize> {
    let is_name_word = |t: &Token| t.kind == Kind::Word && !is_title_word(t.text);
    let n = tokens.len();
    let last = tokens.last()?;
    if last.kind == Kind::Initial {
        let initials = tokens
            .iter()
            .rev()
            .take_while(|t| t.kind == Kind::Initial)
            .count();
        let surname = tokens.get(n.checked_sub(initials + 1)?)?;
        return (initials <= 3 && is_name_word(surname) && !crate::translit::is_patronymic(surname.text))
            .then_some(initials + 1);
    }
    if !is_name_word(last) || crate::translit::is_patronymic(last.text) {
        return None;
    }
    let mut len = 1;
    let mut words = 1;
    for t in tokens[..n - 1].iter().rev() {
        let fits = match t.kind {
            Kind::Initial => true,
            // Before initials only initials; three words only with a patronymic in the middle.
            Kind::Word => {
                is_name_word(t)
                    && tokens[n - len].kind == Kind::Word
                    && (words < 2 || (words == 2 && crate::translit::is_patronymic(tokens[n - len].text)))
            }
            Kind::Other => false,
        };
        if !fits || len >= 4 {
            break;
        }
        if t.kind == Kind::Word {
            words += 1;
        }
        len += 1;
    }
    Some(len)
}

/// Splits on whitespace and after glued initials (`А.Г.Лукашенко` → `А.`, `Г.`, `Лукашенко`).
fn tokens(head: &str) -> Option<Vec<Token<'_>>> {
    let mut out = Vec::new();
    for (word_start, word) in split_whitespace_indices(head) {
        let mut rest = word;
        let mut start = word_start;
        while let Some(len) = initial_len(rest) {
            if len == rest.len() {
                break;
            }
            out.push(Token {
                text: &rest[..len],
                start,
                kind: Kind::Initial,
            });
            start += len;
            rest = &rest[len..];
        }
        out.push(Token {
            text: rest,
            start,
            kind: kind(rest),
        });
        if out.len() > MAX_TITLE_WORDS + 4 {
            return None;
        }
    }
    Some(out)
}

fn split_whitespace_indices(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split_whitespace()
        .map(move |w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
}

/// Length in bytes of an initial at the start of `s`: a capital, perhaps one small letter (`Yu.`, `Zh.`),
/// a dot. `Yes.` is a word.
fn initial_len(s: &str) -> Option<usize> {
    let mut chars = s.char_indices();
    let (_, first) = chars.next()?;
    if !first.is_uppercase() {
        return None;
    }
    for (i, c) in chars.take(2) {
        if c == '.' {
            return Some(i + 1);
        }
        if !c.is_lowercase() {
            return None;
        }
    }
    None
}

fn kind(token: &str) -> Kind {
    if initial_len(token) == Some(token.len()) {
        // `Mr.` and `Dr.` have the shape of an initial.
        return if is_title_word(token) {
            Kind::Other
        } else {
            Kind::Initial
        };
    }
    // Two or three capitals are initials (`CA`), never part of a longer name: `Yes. CA:` is no `Yu. Ushakov:`.
    if abbreviation(token).is_some() {
        return Kind::Other;
    }
    let mut chars = token.chars();
    let capital = chars.next().is_some_and(char::is_uppercase);
    let letters_after = token.chars().filter(|c| c.is_alphabetic()).count() >= 2;
    let name_chars = chars.all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'));
    if capital && letters_after && name_chars && !token.ends_with(['-', '\'', '’']) {
        Kind::Word
    } else {
        Kind::Other
    }
}

/// Words that begin a title before a name (`President`, `Президент`, `Mr`).
const TITLE_HEADS: &[&str] = &[
    "president",
    "vice-president",
    "prime",
    "premier",
    "minister",
    "chairman",
    "chairwoman",
    "chair",
    "secretary",
    "deputy",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "press",
    "governor",
    "mayor",
    "ambassador",
    "head",
    "director",
    "speaker",
    "chancellor",
    "king",
    "queen",
    "emperor",
    "general",
    "patriarch",
    "senator",
    "foreign",
    "acting",
    "first",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sir",
    "madam",
    "aide",
    "adviser",
    "advisor",
    "commander",
    "chief",
    "leader",
    "envoy",
    "special",
    "assistant",
    "prince",
    "professor",
    "президент",
    "вице-президент",
    "премьер-министр",
    "премьер",
    "председатель",
    "министр",
    "секретарь",
    "заместитель",
    "пресс-секретарь",
    "губернатор",
    "мэр",
    "посол",
    "глава",
    "руководитель",
    "директор",
    "спикер",
    "канцлер",
    "король",
    "королева",
    "генерал",
    "патриарх",
    "сенатор",
    "помощник",
    "советник",
    "командующий",
    "начальник",
    "первый",
    "господин",
    "госпожа",
    "представитель",
    "спецпосланник",
    "депутат",
    "профессор",
    "лидер",
];

/// Words of titles that are never part of a name (`of`, `Russia`, `России`).
const TITLE_WORDS: &[&str] = &[
    "of",
    "the",
    "and",
    "for",
    "on",
    "republic",
    "russia",
    "russian",
    "federation",
    "belarus",
    "ukraine",
    "united",
    "states",
    "usa",
    "us",
    "government",
    "council",
    "state",
    "affairs",
    "россии",
    "российской",
    "федерации",
    "республики",
    "беларусь",
    "беларуси",
    "белоруссии",
    "украины",
    "сша",
    "правительства",
    "совета",
    "государства",
    "государственной",
    "государственный",
    "думы",
    "президента",
    "министра",
    "министров",
    "администрации",
    "иностранных",
    "дел",
    "по",
];

fn is_title_head(word: &str) -> bool {
    let lower = word.trim_end_matches('.').to_lowercase();
    TITLE_HEADS.contains(&lower.as_str())
}

fn is_title_word(word: &str) -> bool {
    let lower = word.trim_end_matches('.').to_lowercase();
    TITLE_HEADS.contains(&lower.as_str()) || TITLE_WORDS.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(line: &str) -> Option<(String, String, Option<char>, &str, bool)> {
        let c = candidate(line)?;
        match c.who {
            Who::Person(n) => {
                let initial = n.given.and_then(|g| g.chars().next());
                Some((n.text, n.surname, initial, c.rest, c.strong))
            }
            Who::Role(_) => None,
        }
    }

    #[test]
    fn own_line_labels() {
        assert_eq!(
            person("Vladimir Putin:"),
            Some(("Vladimir Putin".into(), "Putin".into(), Some('V'), "", true))
        );
        assert_eq!(
            person("Aleksandr Lukashenko"),
            Some((
                "Aleksandr Lukashenko".into(),
                "Lukashenko".into(),
                Some('A'),
                "",
                false
            ))
        );
        assert_eq!(
            person("В.Путин"),
            Some(("В.Путин".into(), "Путин".into(), Some('В'), "", false))
        );
        assert_eq!(
            person("И.Ежов:"),
            Some(("И.Ежов".into(), "Ежов".into(), Some('И'), "", true))
        );
    }

    #[test]
    fn initials() {
        assert_eq!(
            person("V. Putin:"),
            Some(("V. Putin".into(), "Putin".into(), Some('V'), "", true))
        );
        assert_eq!(
            person("А.Лукашенко:"),
            Some(("А.Лукашенко".into(), "Лукашенко".into(), Some('А'), "", true))
        );
        assert_eq!(
            person("А.Г.Лукашенко:"),
            Some(("А.Г.Лукашенко".into(), "Лукашенко".into(), Some('А'), "", true))
        );
        assert_eq!(
            person("Путин В.В.: Добрый день."),
            Some((
                "Путин В.В.".into(),
                "Путин".into(),
                Some('В'),
                "Добрый день.",
                true
            ))
        );
        assert_eq!(
            person("Yu. Ushakov: Yes."),
            Some(("Yu. Ushakov".into(), "Ushakov".into(), Some('Y'), "Yes.", true))
        );
    }

    #[test]
    fn inline_labels() {
        assert_eq!(
            person("Н.Бреус: Здравствуйте!"),
            Some(("Н.Бреус".into(), "Бреус".into(), Some('Н'), "Здравствуйте!", true))
        );
    }

    #[test]
    fn titles_are_not_part_of_the_name() {
        assert_eq!(
            person("President of Russia Vladimir Putin: Mr Lukashenko, I am delighted to see you."),
            Some((
                "Vladimir Putin".into(),
                "Putin".into(),
                Some('V'),
                "Mr Lukashenko, I am delighted to see you.",
                true
            ))
        );
        assert_eq!(
            person("President of the Republic of Belarus Alexander Lukashenko: Mr Putin, thank you."),
            Some((
                "Alexander Lukashenko".into(),
                "Lukashenko".into(),
                Some('A'),
                "Mr Putin, thank you.",
                true
            ))
        );
        assert_eq!(
            person("Президент России Владимир Путин:"),
            Some(("Владимир Путин".into(), "Путин".into(), Some('В'), "", true))
        );
        assert_eq!(
            person("President Putin:"),
            Some(("Putin".into(), "Putin".into(), None, "", true))
        );
        assert_eq!(
            person("Mr. Putin: Thanks."),
            Some(("Putin".into(), "Putin".into(), None, "Thanks.", true))
        );
    }

    #[test]
    fn annotations_are_dropped() {
        assert_eq!(
            person("Т.Карлсон (как переведено): Спасибо."),
            Some(("Т.Карлсон".into(), "Карлсон".into(), Some('Т'), "Спасибо.", true))
        );
    }

    #[test]
    fn markdown_emphasis() {
        assert_eq!(
            person("**Vladimir Putin:** Good afternoon."),
            Some((
                "Vladimir Putin".into(),
                "Putin".into(),
                Some('V'),
                "Good afternoon.",
                true
            ))
        );
        assert_eq!(
            person("**В.Путин**: Добрый день."),
            Some(("В.Путин".into(), "Путин".into(), Some('В'), "Добрый день.", true))
        );
        assert_eq!(
            person("__V. Putin__"),
            Some(("V. Putin".into(), "Putin".into(), Some('V'), "", false))
        );
        assert_eq!(person("**Important** things first."), None);
        assert_eq!(person("* * *"), None);
    }

    #[test]
    fn a_name_before_a_quotation_is_weak() {
        assert!(!candidate("Владимир Путин: «Мы готовы к диалогу»").unwrap().strong);
        assert!(candidate("Владимир Путин: Мы готовы к диалогу.").unwrap().strong);
    }

    #[test]
    fn a_lone_surname_is_weak() {
        assert_eq!(
            person("Putin: Yes."),
            Some(("Putin".into(), "Putin".into(), None, "Yes.", false))
        );
    }

    #[test]
    fn generic_roles() {
        for (line, id) in [
            ("Question:", "question"),
            ("Вопрос: Как?", "question"),
            ("Реплика:", "remark"),
        ] {
            let c = candidate(line).unwrap();
            assert_eq!(
                c.who,
                Who::Role(ROLES.iter().find(|r| r.id == id).unwrap()),
                "{line}"
            );
            assert!(c.strong);
        }
    }

    #[test]
    fn not_labels() {
        for line in [
            "See also",
            "Q&A",
            "Читайте также:",
            "Интеграция и экономика",
            "Безопасность и санкционное давление",
            "Я говорю: слушай, у тебя сегодня украинская гривна",
            "Первый вопрос Владимиру Владимировичу: как Вы оцениваете готовность Украины?",
            "Самое главное: в очередной раз, пообещав, нас обвести вокруг пальца не получится.",
            "Тогда возникает вопрос: как будут решаться вопросы контроля, верификации?",
            "«Путин: мы готовы»",
            "- Совместное заявление: 13 марта 2025 года",
            "Vladimir Vladimirovich:",
            "Spasibo, Vladimir Vladimirovich.",
            "Первый вопрос Владимиру Владимировичу: как Вы оцениваете?",
            "First question to Vladimir Putin: how do you assess it?",
            "Prime Minister:",
            "Natalia Breus, First Informational, Belarus.",
            "Moscow, 13 March 2025",
        ] {
            assert_eq!(person(line), None, "{line}");
        }
    }

    #[test]
    fn a_lone_capitalised_word_is_only_weak() {
        assert!(!candidate("Дополнительно").unwrap().strong);
        assert!(!candidate("Second: what about the rest?").unwrap().strong);
    }

    #[test]
    fn initials_and_cast_labels() {
        for (line, letters) in [("CA: So?", "CA"), ("К.А.: Да.", "КА"), ("B.G.:", "BG")] {
            let c = candidate(line).unwrap();
            assert!(
                matches!(&c.who, Who::Person(n) if n.abbreviation && n.surname == letters),
                "{line}"
            );
            assert!(!c.strong);
        }
        assert!(candidate("CA").is_none_or(|c| !matches!(c.who, Who::Person(n) if n.abbreviation)));
        assert_eq!(
            person("LADY CAPULET."),
            Some(("LADY CAPULET".into(), "CAPULET".into(), Some('L'), "", false))
        );
        assert!(candidate("ROMEO.").unwrap().colon);
        assert_eq!(person("Romeo."), None);
        // `Yes.` is a word, not an initial like `Yu.`: at most a play's name before a full stop.
        assert!(
            candidate("Yes. Chris Anderson: Hi.").is_none_or(|c| c.stop && c.rest == "Chris Anderson: Hi.")
        );
    }

    #[test]
    fn names_before_a_full_stop_as_plays_print_them() {
        for (line, name, rest) in [
            ("MASHA. It is time to begin.", "MASHA", "It is time to begin."),
            (
                "LADY CAPULET. Nurse, where's my daughter?",
                "LADY CAPULET",
                "Nurse, where's my daughter?",
            ),
            (
                "SORIN. [Leaning on a cane] The country…",
                "SORIN",
                "[Leaning on a cane] The country…",
            ),
            (
                "Медведенко. Отчего вы всегда ходите в черном?",
                "Медведенко",
                "Отчего вы всегда ходите в черном?",
            ),
            (
                "Сорин (опираясь на трость). Мне, брат…",
                "Сорин",
                "(опираясь на трость). Мне, брат…",
            ),
            ("Маша. — Пора начинать.", "Маша", "— Пора начинать."),
        ] {
            let c = candidate(line).unwrap_or_else(|| panic!("{line}"));
            assert!(c.stop && !c.colon && !c.strong, "{line}");
            assert!(
                matches!(&c.who, Who::Person(n) if n.text == name),
                "{line}: {:?}",
                c.who
            );
            assert_eq!(c.rest, rest);
        }
        for line in [
            "V. Putin said so.",
            "Mr. Smith came in.",
            "U.S. officials met today.",
            "He left. Nobody saw him.",
            "Moscow. 1941.",
            "Сорин (опираясь на трость) сказал.",
            "The Three Sisters. A play.",
            "Маша: Пора начинать.",
        ] {
            assert!(candidate(line).is_none_or(|c| !c.stop), "{line}");
        }
    }

    #[test]
    fn labels_inside_a_line() {
        let starts = |line: &str| -> Vec<String> {
            inline(line)
                .into_iter()
                .map(|(at, c)| format!("{}|{}", &line[at..at + 2], c.rest))
                .collect()
        };
        assert_eq!(
            starts("CA: So, we've got a picture? WK: This is my home."),
            ["WK|This is my home."]
        );
        assert_eq!(
            starts("right? Bil Gates: To actually do it."),
            ["Bi|To actually do it."]
        );
        assert_eq!(starts("(Applause) CA: Thanks."), ["CA|Thanks."]);
        for line in [
            "He said: Yes.",
            "We met at 10:30 today.",
            "Done. Then he said: go.",
            "Done. CA:",
            "Done. CA:nothing",
            "It is a:b. CA:",
        ] {
            assert!(starts(line).is_empty(), "{line}");
        }
    }

    #[test]
    fn label_look() {
        assert!(looks_like_label("Prime Minister:"));
        assert!(looks_like_label("Иван Петров:"));
        assert!(looks_like_label("ПУТИН:"));
        assert!(!looks_like_label("Он сказал так:"));
        assert!(!looks_like_label("Итоги:"));
        assert!(!looks_like_label(" :"));
        assert!(!looks_like_label("Тогда возникает вопрос: как?"));
        assert!(!looks_like_label("I said: listen."));
    }
}
