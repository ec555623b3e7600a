//! Ingest: raw transcript text → the document model (structure, speaker labels, identities, sentences).
//!
//! A file holds one language, English and Russian one after the other (split where the script switches
//! for good), or a parallel text alternating paragraph by paragraph; a pair of files holds one language
//! each. Each half is classified line by line
//! (`structure`), label candidates are taken or refused with evidence from the whole document (`labels`),
//! speakers are resolved to one identity across forms and languages (`speakers`), then blocks are built.
//! Every step is linear in the input.

mod labels;
mod speakers;
mod structure;

use crate::model::{Lang, Transcript, Version};
use crate::translit::is_letter;
use labels::Who;
use std::collections::{HashMap, HashSet};
pub use structure::is_qa_heading;
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
    if let Some((first, at)) = split_by_script(&lines) {
        return build(&[(first, &lines[..at]), (first.other(), &lines[at..])]);
    }
    if let Some((en, ru)) = interleaved(&lines) {
        return build(&[(Lang::En, &en[..]), (Lang::Ru, &ru[..])]);
    }
    build(&[(dominant_script(&lines), &lines[..])])
}

/// Parses the two halves of a pair given as two files.
pub fn parse_pair(en: &str, ru: &str) -> Parsed {
    let (en, ru) = (crate::sanitize::sanitize(en), crate::sanitize::sanitize(ru));
    let (en, ru) = (numbered_lines(&en), numbered_lines(&ru));
    let mut parsed = build(&[(Lang::En, &en[..]), (Lang::Ru, &ru[..])]);
    let mismatched = [
        (Lang::En, &en, "English", "Russian (mostly Cyrillic)"),
        (Lang::Ru, &ru, "Russian", "English (mostly Latin)"),
    ]
    .into_iter()
    .filter(|(lang, lines, ..)| !lines.is_empty() && dominant_script(lines) != *lang)
    .map(|(_, _, which, looks)| Warning {
        line: 1,
        message: format!("the {which} file looks {looks}; is the pair the right way round?"),
    });
    parsed.warnings.splice(0..0, mismatched);
    parsed
}

/// Non-blank lines, trimmed, with their 1-based numbers in the source.
type Lines<'a> = Vec<(u32, &'a str)>;

fn numbered_lines(text: &str) -> Lines<'_> {
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
        if crate::translit::is_latin_letter(c) {
            latin += 1;
        } else if crate::translit::is_cyrillic(c) {
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
            (pure(&scripts[..at], sign) && pure(&scripts[at..], -sign) && comparable(lines, &scripts, at))
                .then_some((first, at, best))
        })
        .max_by_key(|&(_, _, score)| score)
        .map(|(first, at, _)| (first, at))
}

/// Whether the halves before and after `at` are sizeable enough to be translations of each other: letter
/// counts within a factor of ~3, or each half at least a fifth of the lines in a script. Two English credit
/// lines (`Photo: Reuters`) under a Russian article are not its translation.
fn comparable(lines: &[(u32, &str)], scripts: &[i64], at: usize) -> bool {
    let letters = |part: &[(u32, &str)]| -> usize {
        part.iter()
            .map(|(_, l)| l.chars().filter(|&c| is_letter(c)).count())
            .sum()
    };
    let (a, b) = (letters(&lines[..at]), letters(&lines[at..]));
    let scripted = |part: &[i64]| part.iter().filter(|&&s| s != 0).count();
    let (x, y) = (scripted(&scripts[..at]), scripted(&scripts[at..]));
    (a * 10 >= b * 3 && b * 10 >= a * 3) || (x.min(y) * 5 >= x + y)
}

/// A parallel text that alternates between the languages paragraph by paragraph: its English and its
/// Russian lines. Lines in neither script (`* * *`) belong to both. `None` unless both scripts are well
/// represented and the text switches between them often — a report with a few English quotes is not one.
fn interleaved<'a>(lines: &[(u32, &'a str)]) -> Option<(Lines<'a>, Lines<'a>)> {
    let scripts: Vec<i64> = lines.iter().map(|(_, l)| script(l)).collect();
    let scripted: Vec<i64> = scripts.iter().copied().filter(|&s| s != 0).collect();
    let latin = scripted.iter().filter(|&&s| s > 0).count();
    let switches = scripted.windows(2).filter(|w| w[0] != w[1]).count();
    let balanced = latin * 10 >= scripted.len() * 3 && (scripted.len() - latin) * 10 >= scripted.len() * 3;
    if scripted.len() < 4 || !balanced || switches * 10 < scripted.len() * 3 {
        return None;
    }
    let half = |keep: i64| -> Lines<'a> {
        lines
            .iter()
            .zip(&scripts)
            .filter(|&(_, &s)| s != -keep)
            .map(|(&l, _)| l)
            .collect()
    };
    Some((half(1), half(-1)))
}

fn build(halves: &[(Lang, &[(u32, &str)])]) -> Parsed {
    let mut warnings = Vec::new();
    let mut classified: Vec<(Lang, Half)> = halves
        .iter()
        .filter(|(_, lines)| !lines.is_empty())
        .map(|&(lang, lines)| (lang, structure::classify(lines)))
        .collect();
    let sure: Vec<Vec<bool>> = classified
        .iter()
        .map(|(_, half)| sure_labels(&half.lines))
        .collect();

    // Evidence: who is labelled for sure anywhere in the document (either language).
    let mut evidence = HashSet::new();
    let mut weak_colon: HashMap<String, WeakColon> = HashMap::new();
    for (l, &sure) in classified
        .iter()
        .flat_map(|(_, h)| &h.lines)
        .zip(sure.iter().flatten())
    {
        if let Line::Label(c) = &l.kind {
            let key = speakers::evidence_key(&c.who);
            if sure {
                evidence.insert(key);
            } else if c.colon {
                let w = weak_colon.entry(key).or_default();
                w.n += 1;
                w.alone |= c.rest.is_empty();
                w.caps |= matches!(&c.who, Who::Person(n) if !n.text.chars().any(char::is_lowercase));
            }
        }
    }
    // A lone surname with a colon counts once it recurs and stands alone on its line at least once
    // (`Putin:` over and over), unlike `Second: …` inside speech. Capitals (`ПУТИН:`, `ЛАВРОВ:`) are a
    // label style: they count together.
    let caps: Vec<&String> = weak_colon
        .iter()
        .filter(|(_, w)| w.caps)
        .map(|(k, _)| k)
        .collect();
    let caps_style = caps.iter().map(|k| weak_colon[*k].n).sum::<usize>() >= 3
        && caps.iter().any(|k| weak_colon[*k].alone);
    let recurring: Vec<String> = weak_colon
        .iter()
        .filter(|(_, w)| (w.n >= 3 && w.alone) || (w.caps && caps_style))
        .map(|(k, _)| k.clone())
        .collect();
    evidence.extend(recurring);

    let mut resolver = speakers::Resolver::default();
    let mut speaker_of: Vec<Vec<Option<usize>>> = Vec::with_capacity(classified.len());
    for ((lang, half), sure) in classified.iter_mut().zip(sure) {
        let speakers = half
            .lines
            .iter_mut()
            .zip(sure)
            .map(|(l, sure)| match &l.kind {
                Line::Label(c) if sure || evidence.contains(&speakers::evidence_key(&c.who)) => {
                    Some(resolver.resolve(*lang, &c.who))
                }
                Line::Label(c) => {
                    let name_shaped = matches!(&c.who, Who::Person(n) if n.given.is_some());
                    if c.colon && c.rest.is_empty() && (name_shaped || labels::looks_like_label(l.text)) {
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
    // A label with no speech after it makes no turn: its speaker is dropped, and the others renumbered.
    let mut used = vec![false; resolver.len()];
    for_each_turn(&mut transcript, |s| used[*s] = true);
    let renumbered: Vec<usize> = used
        .iter()
        .scan(0, |before, &u| {
            let index = *before;
            *before += usize::from(u);
            Some(index)
        })
        .collect();
    for_each_turn(&mut transcript, |s| *s = renumbered[*s]);
    transcript.speakers = resolver.finish(|i| used[i]);
    warnings.sort_by_key(|w| w.line);
    Parsed { transcript, warnings }
}

/// Calls `f` with the speaker index of every turn in `t`.
fn for_each_turn(t: &mut Transcript, mut f: impl FnMut(&mut usize)) {
    for lang in [Lang::En, Lang::Ru] {
        for block in t.versions[lang].iter_mut().flat_map(|v| &mut v.blocks) {
            if let crate::model::BlockKind::Turn(s) = &mut block.kind {
                f(s);
            }
        }
    }
}

/// How a lone word with a colon (`Putin:`, `ПУТИН:`) occurs in a document.
#[derive(Debug, Default)]
struct WeakColon {
    n: usize,
    /// Alone on its line at least once.
    alone: bool,
    /// In capitals.
    caps: bool,
}

/// Which lines are labels without needing evidence from elsewhere: strong candidates, and a full name
/// standing alone on its line with speech after it.
fn sure_labels(lines: &[Classified]) -> Vec<bool> {
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| match &l.kind {
            Line::Label(c) => {
                let next_is_speech = lines.get(i + 1).is_some_and(|n| n.kind == Line::Text);
                c.strong
                    || (!c.colon && next_is_speech && matches!(&c.who, Who::Person(n) if n.given.is_some()))
            }
            _ => false,
        })
        .collect()
}

fn refused(l: &Classified) -> Warning {
    Warning {
        line: l.line,
        message: format!("\"{}\" looks like a speaker label but was read as text", l.text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_credits_under_a_russian_article_are_not_a_translation() {
        let paragraph = "Президент провёл переговоры с коллегами, обсуждались вопросы торговли, энергетики, \
                         транспорта и безопасности в регионе.";
        let mut text: String = (0..10).map(|_| format!("{paragraph}\n\n")).collect();
        text.push_str("Photo: Reuters\nCopyright Reuters 2025. All rights reserved.\n");
        let t = parse(&text).transcript;
        assert_eq!(t.langs(), [Lang::Ru]);
        let v = t.version(Lang::Ru).expect("Russian");
        let texts: Vec<&str> = v.paragraphs().map(|(_, p)| p.text.as_str()).collect();
        assert_eq!(texts.len(), 12, "{texts:?}");
        assert_eq!(
            texts[10..],
            ["Photo: Reuters", "Copyright Reuters 2025. All rights reserved."]
        );
    }
}
