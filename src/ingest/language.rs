//! Language sanity: a pair given the wrong way round, a file in the other language than its role, and long
//! stretches of the other language inside one language's text.

use super::{Warning, WarningKind, dominant, dominant_script, script};
use crate::model::Lang;
use crate::translit::is_letter;

/// How the two files of a pair are to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Order {
    AsGiven,
    /// The file given as English is Russian and the one given as Russian is English.
    Swapped,
}

/// Whether a pair's halves are the right way round, and the warnings to give about their languages.
pub(super) fn pair_order(en: &[(u32, &str)], ru: &[(u32, &str)]) -> (Order, Vec<Warning>) {
    // A file with no text reads as what it was given as.
    let reads = |lines: &[(u32, &str)], given: Lang| {
        if lines.is_empty() {
            given
        } else {
            dominant_script(lines)
        }
    };
    let (en_reads, ru_reads) = (reads(en, Lang::En), reads(ru, Lang::Ru));
    if (en_reads, ru_reads) == (Lang::Ru, Lang::En) {
        let message = "the file given as English is Russian and the one given as Russian is English: \
                       read the other way round";
        return (Order::Swapped, vec![warning(1, message.into())]);
    }
    let mismatched = [(Lang::En, en_reads), (Lang::Ru, ru_reads)]
        .into_iter()
        .filter(|(given, reads)| given != reads)
        .map(|(given, reads)| {
            warning(
                1,
                format!(
                    "the {} file looks {} (mostly {}); is the pair the right way round?",
                    given.name(),
                    reads.name(),
                    script_name(reads)
                ),
            )
        })
        .collect();
    (Order::AsGiven, mismatched)
}

/// A run of lines in the other language this long, and with this many letters, is a switch of language
/// rather than a quotation or a credit line.
const STRETCH_LINES: usize = 3;
const STRETCH_LETTERS: usize = 200;

/// A warning for every long stretch of lines in the other language inside a half (lines in neither script
/// neither count nor break a stretch). A half wholly in the other language is the pair's warning, not this.
pub(super) fn stretches(halves: &[(Lang, &[(u32, &str)])]) -> Vec<Warning> {
    let mut warnings = Vec::new();
    for &(lang, lines) in halves {
        // Each line's script once: on a 10 MB file every pass shows.
        let scripts: Vec<i64> = lines.iter().map(|(_, l)| script(l)).collect();
        if lines.is_empty() || dominant(scripts.iter().copied()) != lang {
            continue;
        }
        let other = if lang == Lang::En { -1 } else { 1 };
        // (first line, last line, lines, letters) of the stretch being read.
        let mut stretch: Option<(u32, u32, usize, usize)> = None;
        let mut close = |stretch: &mut Option<(u32, u32, usize, usize)>| {
            if let Some((first, last, n, letters)) = stretch.take()
                && n >= STRETCH_LINES
                && letters >= STRETCH_LETTERS
            {
                let message = format!(
                    "lines {first}–{last} are in {}, inside the {} text",
                    lang.other().name(),
                    lang.name()
                );
                warnings.push(warning(first, message));
            }
        };
        for (&(number, text), &s) in lines.iter().zip(&scripts) {
            match s {
                0 => {}
                _ if s == other => {
                    let letters = text.chars().filter(|&c| is_letter(c)).count();
                    let (first, _, n, total) = stretch.unwrap_or((number, number, 0, 0));
                    stretch = Some((first, number, n + 1, total + letters));
                }
                _ => close(&mut stretch),
            }
        }
        close(&mut stretch);
    }
    warnings
}

fn script_name(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Latin",
        Lang::Ru => "Cyrillic",
    }
}

fn warning(line: u32, message: String) -> Warning {
    Warning {
        line,
        message,
        kind: WarningKind::Language,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EN: &str = "The delegations discussed trade, energy and transport in a long and detailed session.";
    const RU: &str = "Делегации обсудили торговлю, энергетику и транспорт на долгой и подробной встрече.";

    fn lines(texts: &[&'static str]) -> Vec<(u32, &'static str)> {
        (1..).zip(texts.iter().copied()).collect()
    }

    #[test]
    fn a_pair_given_the_wrong_way_round_is_swapped() {
        let (en, ru) = (lines(&[RU, RU]), lines(&[EN, EN]));
        let (order, warnings) = pair_order(&en, &ru);
        assert_eq!(order, Order::Swapped);
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].message.contains("read the other way round"));
    }

    #[test]
    fn two_russian_files_are_left_as_given_with_a_warning() {
        let (order, warnings) = pair_order(&lines(&[RU]), &lines(&[RU]));
        assert_eq!(order, Order::AsGiven);
        let said: Vec<&str> = warnings.iter().map(|w| w.message.as_str()).collect();
        assert_eq!(
            said,
            ["the English file looks Russian (mostly Cyrillic); is the pair the right way round?"]
        );
        assert_eq!(pair_order(&lines(&[EN]), &lines(&[RU])), (Order::AsGiven, vec![]));
    }

    #[test]
    fn a_long_stretch_of_the_other_language_is_named_by_its_lines() {
        let text = lines(&[EN, EN, RU, "* * *", RU, RU, EN, EN, EN, RU]);
        let said: Vec<(u32, String)> = stretches(&[(Lang::En, &text)])
            .into_iter()
            .map(|w| (w.line, w.message))
            .collect();
        assert_eq!(
            said,
            [(3, "lines 3–6 are in Russian, inside the English text".to_string())]
        );
    }

    #[test]
    fn quotations_and_credits_are_no_stretch() {
        let text = lines(&[RU, RU, EN, RU, EN, EN, "Photo: Reuters"]);
        assert_eq!(stretches(&[(Lang::Ru, &text)]), vec![]);
        // Three short lines are not a long stretch either.
        let text = lines(&[RU, "Thank you.", "Yes.", "Good.", RU]);
        assert_eq!(stretches(&[(Lang::Ru, &text)]), vec![]);
    }
}
