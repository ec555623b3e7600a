//! Sentence splitting: a paragraph's text → the byte spans of its sentences.
//!
//! A sentence ends at a run of terminators (`.` `!` `?` `…`, `?!`, `...`) plus any closing quotes or
//! brackets, when what follows starts a sentence: after whitespace, an uppercase letter, a digit, an
//! opening quote or bracket, or a speech dash (`– `); with no whitespace at all (`году.На`,
//! `visit.The`, a common slip in the sources), a lowercase word of two or more letters on the left and
//! an uppercase word on the right. A full stop after an initial (`V. Putin`, `А.Г.Лукашенко`, `U.S.`,
//! `т.е.`) or a listed abbreviation (`Mr.`, `г.`, `им.`, ...) does not end a sentence; decimals
//! (`5.7`) and domains (`BAQ.kz`) never look like a boundary. The rules are the same for both
//! languages: each version quotes names and abbreviations of the other.

use crate::model::{Lang, Span};
use crate::translit::is_letter;

/// Words that take a full stop without ending the sentence, compared case-sensitively
/// (`No.` is an abbreviation, `no.` ends a sentence). Initials and dotted abbreviations
/// (`т.е.`, `e.g.`) are recognised by shape instead.
pub(crate) const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "St", "No", "vs", "Prof", "Gen", "Sen", "Gov", "Jr", "Sr", "г", "гг", "им",
    "ул", "проф", "акад", "обл",
];

/// Splits one paragraph (no `\n`) into sentences: spans in order, non-overlapping, on char boundaries,
/// trimmed of surrounding whitespace, together covering every non-whitespace char.
///
/// `lang` is the paragraph's version. The rules do not use it yet: both languages share them, since
/// each version quotes the other's names and abbreviations. It is part of the contract so that
/// per-language rules (abbreviations one language has and the other would misread) need no change
/// at the call sites.
pub fn split(text: &str, _lang: Lang) -> Vec<Span> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let byte_at = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let first = chars
        .iter()
        .position(|&(_, c)| !c.is_whitespace())
        .unwrap_or(chars.len());
    let mut cuts = Vec::new();
    // Where the sentence being read starts.
    let mut sentence = first;
    let mut i = 0;
    while i < chars.len() {
        if !is_terminator(chars[i].1) {
            i += 1;
            continue;
        }
        let run_start = i;
        while i < chars.len() && is_terminator(chars[i].1) {
            i += 1;
        }
        let run_end = i;
        while i < chars.len() && is_closer(chars[i].1) {
            i += 1;
        }
        let closed = i > run_end;
        let Some(&(_, next)) = chars.get(i) else { break };
        let abbreviation = is_abbreviation(&chars, run_start, run_end)
            || is_list_number(&chars, sentence, sentence == first, run_start, run_end);
        if next.is_whitespace() {
            let cut = byte_at(i);
            while i < chars.len() && chars[i].1.is_whitespace() {
                i += 1;
            }
            if i < chars.len() && !abbreviation && starts_sentence(&chars, i, closed) {
                cuts.push(cut);
                sentence = i;
            }
        } else if !closed && !abbreviation && glued_sentences(&chars, run_start, i) {
            cuts.push(byte_at(i));
            sentence = i;
        }
    }
    cuts.push(text.len());
    let mut spans = Vec::with_capacity(cuts.len());
    let mut start = 0;
    for cut in cuts {
        let piece = &text[start..cut];
        let trimmed = piece.trim_start();
        let begin = start + (piece.len() - trimmed.len());
        let end = begin + trimmed.trim_end().len();
        if end > begin {
            spans.push(Span::from(begin..end));
        }
        start = cut;
    }
    spans
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// Closing quotes and brackets that stay with the sentence they close.
fn is_closer(c: char) -> bool {
    matches!(c, '»' | '”' | '"' | ')' | ']' | '’' | '\'')
}

fn starts_word(c: char) -> bool {
    c.is_uppercase() || (is_letter(c) && !c.is_lowercase())
}

/// Whether the char at `i` (after whitespace following a terminator) can begin a sentence.
/// A speech dash begins one when a capital follows it (`– Да.`); before lower case, or right after
/// a closing quote, it leads the attribution of the speech (`– Что? – спросил он.`,
/// `«Как?» – спросил он.`), which belongs to the same sentence.
fn starts_sentence(chars: &[(usize, char)], i: usize, closed: bool) -> bool {
    let c = chars[i].1;
    let next = chars.get(i + 1).map(|&(_, n)| n);
    match c {
        '«' | '“' | '„' | '"' | '‘' => true,
        '(' | '[' => next.is_some_and(starts_word),
        '–' | '—' | '-' => {
            let spoken = chars.get(i + 2).map(|&(_, n)| n);
            !closed && next.is_some_and(char::is_whitespace) && spoken.is_some_and(starts_word)
        }
        c => starts_word(c) || c.is_numeric(),
    }
}

/// The run of letters that ends right before char `end`.
fn word_before(chars: &[(usize, char)], end: usize) -> &[(usize, char)] {
    let start = chars[..end]
        .iter()
        .rposition(|&(_, c)| !is_letter(c))
        .map_or(0, |p| p + 1);
    &chars[start..end]
}

/// A single full stop after an initial (`V.`, `А.Г.`, `U.S.`), after the last letter of a dotted
/// abbreviation (`т.е.`, `т.д.`, `e.g.`) or after a listed word. A lone lowercase letter is a word
/// that may end a sentence (`Это сделал я. Потом…`).
fn is_abbreviation(chars: &[(usize, char)], run_start: usize, run_end: usize) -> bool {
    if run_end - run_start != 1 || chars[run_start].1 != '.' {
        return false;
    }
    let word = word_before(chars, run_start);
    if let [(_, letter)] = word {
        // The letter is at run_start - 1; what precedes it tells `т.е.` from `я.`.
        let after_dot = run_start >= 2 && chars[run_start - 2].1 == '.';
        if letter.is_uppercase() || after_dot {
            return true;
        }
    }
    ABBREVIATIONS
        .iter()
        .any(|a| a.chars().eq(word.iter().map(|&(_, c)| c)))
}

/// The full stop of a list item's number that opens a sentence (`1. Введение`, `… rebels. 5.
/// Centralisation of credit`), so that the item's number stays with the item. `start` is the
/// index of the sentence's first char, `opens_paragraph` whether it is the paragraph's: only
/// there do Roman numerals (`IV. Итоги`) and four digits number an item, since within a
/// paragraph `I.` is a word and `1941.` a year said on its own.
fn is_list_number(
    chars: &[(usize, char)],
    start: usize,
    opens_paragraph: bool,
    run_start: usize,
    run_end: usize,
) -> bool {
    let number = chars.get(start..run_start).unwrap_or_default();
    let digits = number.iter().all(|(_, c)| c.is_ascii_digit());
    let widest = if opens_paragraph { 4 } else { 3 };
    run_end - run_start == 1
        && chars[run_start].1 == '.'
        && (1..=widest).contains(&number.len())
        && (digits || opens_paragraph && number.iter().all(|(_, c)| "IVXLC".contains(*c)))
}

/// Two sentences glued without a space: `…экосистем.Разумеется`, `…стран.В этом`, `visit.The`.
/// The left word must be lowercase and at least two letters long (so not an initial, `U.S`, a domain
/// like `BAQ.kz` or a decimal), the right one an uppercase word (so not the next initial of `А.Г.`).
fn glued_sentences(chars: &[(usize, char)], run_start: usize, right: usize) -> bool {
    let left = word_before(chars, run_start);
    let right_word = chars[right].1;
    let after_right = chars.get(right + 1).map(|&(_, c)| c);
    left.len() >= 2
        && left.iter().all(|&(_, c)| c.is_lowercase())
        && right_word.is_uppercase()
        && after_right.is_none_or(|c| !c.is_uppercase() && c != '.')
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn sentences(text: &str, lang: Lang) -> Vec<&str> {
        split(text, lang).into_iter().map(|s| &text[s.range()]).collect()
    }

    #[test]
    fn seed_000_english_line_10() {
        let text = "Our cooperation within the Eurasian Economic Union is also progressing at a good pace, \
with Belarus holding the presidency this year. Russia, as Belarus’ main economic partner, accounts for about \
60% of Belarus’ foreign trade. Last year, trade turnover grew by approximately 6%—around 5.7%, as we \
observed—and exceeded $50 billion. According to Belarusian statistics, the figure is slightly higher—around \
$51 billion—but in any case, this is a record.";
        let s = sentences(text, Lang::En);
        assert_eq!(s.len(), 4);
        assert!(s[2].starts_with("Last year") && s[2].ends_with("$50 billion."));
    }

    #[test]
    fn seed_000_russian_line_116_with_missing_spaces() {
        let text = "Хорошими темпами продвигается и сотрудничество в рамках Евразийского союза, в котором \
Белоруссия председательствует в текущем году.На Россию, как главного экономического партнёра Белоруссии, \
приходится около 60 процентов белорусского внешнеторгового оборота.По итогам прошлого года товарооборот \
прибавил порядка шести процентов, где-то 5,7 [процента], мы смотрели, и превысил 50 миллиардов долларов. \
По белорусской статистике, чуть побольше – 51 [миллиард долларов] с небольшим, да, по нашей – 50 с \
небольшим. Но, в общем, это в любом случае рекорд.";
        let s = sentences(text, Lang::Ru);
        assert_eq!(s.len(), 5);
        assert!(s[0].ends_with("году."));
        assert!(s[1].starts_with("На Россию"));
        assert!(s[2].starts_with("По итогам"));
        assert_eq!(s[4], "Но, в общем, это в любом случае рекорд.");
    }

    #[test]
    fn glued_single_letter_word_and_english() {
        let s = sentences(
            "цифровых экосистем.Разумеется, сотрудничество двух стран.В этом контексте всё.",
            Lang::Ru,
        );
        assert_eq!(
            s,
            [
                "цифровых экосистем.",
                "Разумеется, сотрудничество двух стран.",
                "В этом контексте всё."
            ]
        );
        assert_eq!(
            sentences("after the visit.The talks", Lang::En),
            ["after the visit.", "The talks"]
        );
    }

    #[test]
    fn initials_and_abbreviations_do_not_split() {
        for (text, lang) in [
            ("В.Путин и А.Г.Лукашенко провели переговоры.", Lang::Ru),
            ("Вопрос к С.Лаврову, т.е. к министру, и т.д. и т.п.", Lang::Ru),
            (
                "Это было в 2024 г. Минск, ул. Ленина, им. Пушкина, 1990-е гг. Все знают.",
                Lang::Ru,
            ),
            (
                "V. Putin and N. Breus met Mr. Smith, Mrs. Brown, Dr. Who and St. Peter.",
                Lang::En,
            ),
            (
                "U.S. President Donald Trump on the U.S.-Ukrainian peace initiative.",
                Lang::En,
            ),
            (
                "Apples vs. Oranges, e.g. Fuji, i.e. Japanese, No. 5 in the list.",
                Lang::En,
            ),
            ("Turnover grew by 5.7% to $4.5 billion, BAQ.kz reports.", Lang::En),
            ("Сказал и так далее… и замолчал.", Lang::Ru),
        ] {
            assert_eq!(sentences(text, lang), [text], "{text}");
        }
    }

    #[test]
    fn quotes_and_brackets_stay_with_their_sentence() {
        assert_eq!(
            sentences("Наталья Бреус, «Первый информационный», Беларусь.", Lang::Ru),
            ["Наталья Бреус, «Первый информационный», Беларусь."]
        );
        let text = "Все карты в руки. «Нет, это невозможно. Там же будут выборы. \
А как мы будем проводить выборы?» Трудно тут что-то добавить.";
        assert_eq!(
            sentences(text, Lang::Ru),
            [
                "Все карты в руки.",
                "«Нет, это невозможно.",
                "Там же будут выборы.",
                "А как мы будем проводить выборы?»",
                "Трудно тут что-то добавить."
            ]
        );
        assert_eq!(
            sentences(
                "Замечаний не было. (Обращаясь к С.Лаврову.) Благодарен Вам.",
                Lang::Ru
            ),
            [
                "Замечаний не было.",
                "(Обращаясь к С.Лаврову.)",
                "Благодарен Вам."
            ]
        );
        assert_eq!(
            sentences("“Is it true?” he asked. “Yes.” It was.", Lang::En),
            ["“Is it true?” he asked.", "“Yes.”", "It was."]
        );
    }

    #[test]
    fn quoted_question_with_attribution_is_one_sentence() {
        assert_eq!(
            sentences("«Что делать?» – спросил он. Никто не ответил.", Lang::Ru),
            ["«Что делать?» – спросил он.", "Никто не ответил."]
        );
    }

    #[test]
    fn terminator_runs_digits_and_speech_dashes() {
        assert_eq!(
            sentences("Правда?! Да... Конечно!!! 28 программ исполнено.", Lang::Ru),
            ["Правда?!", "Да...", "Конечно!!!", "28 программ исполнено."]
        );
        assert_eq!(
            sentences("Он ответил. – Да, конечно. Здравствуйте!", Lang::Ru),
            ["Он ответил.", "– Да, конечно.", "Здравствуйте!"]
        );
        assert_eq!(
            sentences("– Что? – спросил он. – Ничего.", Lang::Ru),
            ["– Что? – спросил он.", "– Ничего."]
        );
        assert_eq!(
            sentences("Помолчал… Потом сказал.", Lang::Ru),
            ["Помолчал…", "Потом сказал."]
        );
    }

    #[test]
    fn list_numbers_stay_with_their_item() {
        assert_eq!(
            sentences("1. Введение. Далее текст.", Lang::Ru),
            ["1. Введение.", "Далее текст."]
        );
        assert_eq!(
            sentences("IV. Results of the talks.", Lang::En),
            ["IV. Results of the talks."]
        );
        assert_eq!(
            sentences("Исполнено на 100 процентов. 28 программ.", Lang::Ru).len(),
            2
        );
        assert_eq!(
            sentences(
                "4. Confiscation of property. 5. Centralisation of credit.",
                Lang::En
            ),
            ["4. Confiscation of property.", "5. Centralisation of credit."]
        );
        assert_eq!(
            sentences("Москва. 1941. Зима.", Lang::Ru),
            ["Москва.", "1941.", "Зима."]
        );
    }

    #[test]
    fn single_lowercase_letter_word_ends_a_sentence() {
        assert_eq!(
            sentences("Это сделал я. Потом ушёл.", Lang::Ru),
            ["Это сделал я.", "Потом ушёл."]
        );
    }

    #[test]
    fn lowercase_after_full_stop_does_not_split() {
        assert_eq!(
            sentences("Около 5 млн. рублей.", Lang::Ru),
            ["Около 5 млн. рублей."]
        );
    }

    #[test]
    fn spans_are_trimmed_and_empty_text_has_none() {
        let text = "  Hello!   World.  ";
        let spans = split(text, Lang::En);
        assert_eq!(spans, [Span::from(2..8), Span::from(11..17)]);
        assert!(split("   ", Lang::En).is_empty());
        assert!(split("", Lang::Ru).is_empty());
    }

    fn check_invariants(text: &str) -> Result<(), TestCaseError> {
        let spans = split(text, Lang::Ru);
        let mut previous_end = 0;
        for span in &spans {
            let r = span.range();
            prop_assert!(r.start >= previous_end && r.start < r.end && r.end <= text.len());
            prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
            let s = &text[r.clone()];
            prop_assert_eq!(s, s.trim());
            previous_end = r.end;
        }
        for (b, c) in text.char_indices() {
            if !c.is_whitespace() {
                prop_assert!(
                    spans.iter().any(|s| s.range().contains(&b)),
                    "char {:?} at {} uncovered",
                    c,
                    b
                );
            }
        }
        Ok(())
    }

    proptest! {
        #[test]
        fn invariants_on_sentence_like_text(text in "[a-zA-Zа-яА-ЯёЁ0-9 .!?…«»“”\"()’'–—-]{0,80}") {
            check_invariants(&text)?;
        }

        #[test]
        fn invariants_on_arbitrary_unicode(text in "\\PC{0,80}") {
            check_invariants(&text)?;
        }
    }
}
