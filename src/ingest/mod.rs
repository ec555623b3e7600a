//! Ingest: raw transcript text → the document model (structure, speaker labels, identities, sentences).
//!
//! A file holds one language, English and Russian one after the other (split where the script switches
//! for good), or a parallel text alternating paragraph by paragraph; a pair of files holds one language
//! each. In each half, lines a wrapper broke are joined (`wrap`); the header is read off the top
//! (`header`); then lines are classified one by one (`structure`, the headings of a book's or a
//! play's parts by `sections`), label candidates are taken or refused with evidence from the whole
//! document (`labels`), speakers are resolved to one identity across forms and languages
//! (`speakers`), then blocks are built.
//! Every step is linear in the input.

mod header;
mod labels;
mod language;
mod sections;
mod speakers;
mod structure;
mod timings;
mod wrap;

use crate::model::{ByLang, Lang, Transcript, Version};
use crate::sanitize::{Removed, sanitize_and_report};
use crate::translit::{is_letter, name_key};
pub(crate) use header::date_key;
use labels::{Name, Who};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
pub use structure::is_qa_heading;
use structure::{Classified, Half, Line};

/// Ingest's version, part of the cache's key: bump it with every change that can change what a
/// file is read as (the transcript or its warnings), or readers are shown stale documents from
/// their cache. `tests/store.rs` fails, asking for the bump, when the output changes.
pub const VERSION: u32 = 15;

/// Something in the input that was read in a way the user may want to check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    /// 1-based line of the input.
    pub line: u32,
    pub message: String,
    pub kind: WarningKind,
}

/// What a [`Warning`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum WarningKind {
    /// A line that looks like a speaker label was read as text.
    Label,
    /// Control characters or escape sequences were removed from the text.
    Control,
    /// Text is not in the language it was given as, or a long stretch of it is in the other one.
    Language,
}

/// A parsed transcript and what the parser wants the user to know about it.
#[derive(Debug, Clone, Default)]
pub struct Parsed {
    pub transcript: Transcript,
    pub warnings: Vec<Warning>,
}

/// Parses a file holding one language, or English then Russian one after the other.
pub fn parse(text: &str) -> Parsed {
    let (text, removed) = sanitize_and_report(text);
    let text = timings::unmarked(&text);
    let timings::Untimed { lines, runs_on } = timings::untimed(numbered_lines(&text));
    let interleaved_halves;
    let halves: Vec<(Lang, &[(u32, &str)])> = if let Some((first, at)) = split_by_script(&lines) {
        vec![(first, &lines[..at]), (first.other(), &lines[at..])]
    } else if let Some(both) = interleaved(&lines) {
        interleaved_halves = both;
        vec![
            (Lang::En, &interleaved_halves.0[..]),
            (Lang::Ru, &interleaved_halves.1[..]),
        ]
    } else {
        vec![(dominant_script(&lines), &lines[..])]
    };
    let mut parsed = build(&halves, ByLang::new(&runs_on[..], &runs_on[..]));
    parsed.warnings.extend(language::stretches(&halves));
    parsed.warnings.extend(removal_warnings(&removed, ""));
    parsed.warnings.sort_by_key(|w| w.line);
    parsed
}

/// Parses the two halves of a pair given as two files. Halves given the wrong way round (Russian as
/// English and English as Russian) are read the right way round, and the warnings say so.
pub fn parse_pair(en: &str, ru: &str) -> Parsed {
    let ((en, en_removed), (ru, ru_removed)) = (sanitize_and_report(en), sanitize_and_report(ru));
    let (en, ru) = (timings::unmarked(&en), timings::unmarked(&ru));
    let (en, ru) = (
        timings::untimed(numbered_lines(&en)),
        timings::untimed(numbered_lines(&ru)),
    );
    let (order, mut warnings) = language::pair_order(&en.lines, &ru.lines);
    let [(en, en_removed), (ru, ru_removed)] = match order {
        language::Order::AsGiven => [(en, en_removed), (ru, ru_removed)],
        language::Order::Swapped => [(ru, ru_removed), (en, en_removed)],
    };
    let halves = [(Lang::En, &en.lines[..]), (Lang::Ru, &ru.lines[..])];
    let mut parsed = build(&halves, ByLang::new(&en.runs_on[..], &ru.runs_on[..]));
    warnings.extend(language::stretches(&halves));
    warnings.extend(removal_warnings(&en_removed, " (English file)"));
    warnings.extend(removal_warnings(&ru_removed, " (Russian file)"));
    warnings.sort_by_key(|w| w.line);
    parsed.warnings.splice(0..0, warnings);
    parsed
}

/// How many lines with removed control characters `check` names one by one; the rest are counted.
const REMOVALS_NAMED: usize = 10;

/// One warning per line where `sanitize` removed something, up to [`REMOVALS_NAMED`], then one for
/// the rest; `file` says which file of a pair.
fn removal_warnings(removed: &[Removed], file: &str) -> Vec<Warning> {
    let warning = |line: u32, message: String| Warning {
        line,
        message: format!("{message}{file}"),
        kind: WarningKind::Control,
    };
    let mut warnings: Vec<Warning> = removed
        .iter()
        .take(REMOVALS_NAMED)
        .map(|r| warning(r.line, r.to_string()))
        .collect();
    if let Some(first) = removed.get(REMOVALS_NAMED) {
        let rest = &removed[REMOVALS_NAMED..];
        let count: usize = rest.iter().map(|r| r.sequences + r.controls).sum();
        warnings.push(warning(
            first.line,
            format!(
                "removed {count} more escape sequences or control characters, on {} more lines",
                rest.len()
            ),
        ));
    }
    warnings
}

/// Non-blank lines with their 1-based numbers in the source, trimmed at the end only: `wrap` reads
/// their indentation, and trims them.
type Lines<'a> = Vec<(u32, &'a str)>;

fn numbered_lines(text: &str) -> Lines<'_> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (u32::try_from(i + 1).unwrap_or(u32::MAX), l.trim_end()))
        .filter(|(_, l)| !l.is_empty())
        .collect()
}

/// Whether `s` is one to `most` ASCII digits.
fn digits(s: &str, most: usize) -> bool {
    (1..=most).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
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
    dominant(lines.iter().map(|(_, l)| script(l)))
}

/// The language of lines with these [`script`]s.
fn dominant(scripts: impl Iterator<Item = i64>) -> Lang {
    if scripts.sum::<i64>() < 0 {
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
/// Where blank lines set paragraphs apart, the switches are counted between paragraphs, and each
/// line goes with its paragraph's language: a hard-wrapped paragraph runs over several lines of one
/// script, and a line of it in neither (a number, a name) is not shared with the other version.
fn interleaved<'a>(lines: &[(u32, &'a str)]) -> Option<(Lines<'a>, Lines<'a>)> {
    let by_line: Vec<i64> = lines.iter().map(|(_, l)| script(l)).collect();
    let scripts = paragraph_scripts(lines, &by_line)
        .filter(|(_, each)| alternates(each))
        .map(|(by_paragraph, _)| by_paragraph)
        .or_else(|| alternates(&by_line).then(|| by_line.clone()))?;
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

/// Whether a sequence of [`script`]s switches between two well-represented scripts often.
fn alternates(scripts: &[i64]) -> bool {
    let scripted: Vec<i64> = scripts.iter().copied().filter(|&s| s != 0).collect();
    let latin = scripted.iter().filter(|&&s| s > 0).count();
    let switches = scripted.windows(2).filter(|w| w[0] != w[1]).count();
    let balanced = latin * 10 >= scripted.len() * 3 && (scripted.len() - latin) * 10 >= scripted.len() * 3;
    scripted.len() >= 4 && balanced && switches * 10 >= scripted.len() * 3
}

/// Where blank lines set paragraphs apart and nearly every paragraph is in one script: the script
/// of each line's paragraph (of the line itself in a paragraph of both), and of each paragraph (0
/// for one of both).
fn paragraph_scripts(lines: &[(u32, &str)], by_line: &[i64]) -> Option<(Vec<i64>, Vec<i64>)> {
    let mut starts: Vec<usize> = (1..lines.len())
        .filter(|&i| lines[i].0 != lines[i - 1].0.saturating_add(1))
        .collect();
    starts.insert(0, 0);
    starts.push(lines.len());
    let (mut each, mut by_paragraph, mut mixed) = (Vec::new(), Vec::with_capacity(lines.len()), 0);
    for run in starts.windows(2) {
        let scripts = &by_line[run[0]..run[1]];
        let latin = scripts.iter().filter(|&&s| s > 0).count();
        let cyrillic = scripts.iter().filter(|&&s| s < 0).count();
        // A line of names or a title in the other script does not make a paragraph of both.
        let s = if latin >= 3 * cyrillic {
            i64::from(latin > 0)
        } else if cyrillic >= 3 * latin {
            -1
        } else {
            mixed += 1;
            by_paragraph.extend_from_slice(scripts);
            each.push(0);
            continue;
        };
        each.push(s);
        by_paragraph.extend(std::iter::repeat_n(s, scripts.len()));
    }
    // Paragraphs holding both versions (`EN` line, `RU` line, blank line) alternate by line; a
    // few, a heading and its translation on one line say, keep each line's own script.
    (each.len() >= 4 && mixed * 10 <= each.len()).then_some((by_paragraph, each))
}

/// `runs_on`: per language, the source lines whose text runs on in the next ([`timings::Untimed`]).
fn build(halves: &[(Lang, &[(u32, &str)])], runs_on: ByLang<&[u32]>) -> Parsed {
    let mut warnings = Vec::new();
    // Hard-wrapped lines are joined first, so that labels, headings and reactions are read in whole lines.
    let joined: Vec<_> = halves
        .iter()
        .filter(|(_, lines)| !lines.is_empty())
        .map(|&(lang, lines)| (lang, wrap::unwrap(lines, runs_on[lang])))
        .collect();
    let mut classified: Vec<(Lang, Half)> = joined
        .iter()
        .map(|(lang, lines)| (*lang, structure::classify(lines)))
        .collect();
    if let [(_, a), (_, b)] = &mut classified[..] {
        title_from_the_other(a, b);
        title_from_the_other(b, a);
    }
    let sure: Vec<Vec<bool>> = classified
        .iter()
        .map(|(_, half)| sure_labels(&half.lines))
        .collect();

    // Evidence: who is labelled for sure anywhere in the document (either language).
    let mut evidence = HashSet::new();
    let mut weak_colon: HashMap<String, WeakColon> = HashMap::new();
    for (_, half) in &classified {
        evidence.extend(play_cast(&half.lines));
    }
    for (l, &sure) in classified
        .iter()
        .flat_map(|(_, h)| &h.lines)
        .zip(sure.iter().flatten())
    {
        if let Line::Label(c) = &l.kind {
            let key = speakers::evidence_key(&c.who);
            if c.stop {
                // Taken by `play_cast` or not at all.
            } else if sure {
                evidence.insert(key);
            } else if c.colon {
                let w = weak_colon.entry(key).or_default();
                w.n += 1;
                w.alone |= c.rest.is_empty();
                w.caps |= matches!(&c.who, Who::Person(n) if !n.text.chars().any(char::is_lowercase));
                if let Who::Person(n) = &c.who {
                    w.abbreviation = n.abbreviation.then(|| n.surname.clone());
                }
            } else if !l.text.chars().any(char::is_lowercase) {
                weak_colon.entry(key).or_default().bare_caps += 1;
            }
        }
    }
    // A lone surname with a colon counts once it recurs and stands alone on its line at least once
    // (`Putin:` over and over), unlike `Second: …` inside speech. Capitals (`ПУТИН:`, `ЛАВРОВ:`) are a
    // label style: they count together. Under a play's acts and scenes a recurring lone name is a
    // character (`Nurse:`). Initials (`CA:`, `К.А.:`) count when they recur, or abbreviate a full name
    // labelled elsewhere. A name in capitals alone on its line counts when it recurs.
    let caps: Vec<&String> = weak_colon
        .iter()
        .filter(|(_, w)| w.caps)
        .map(|(k, _)| k)
        .collect();
    let caps_style = caps.iter().map(|k| weak_colon[*k].n).sum::<usize>() >= 3
        && caps.iter().any(|k| weak_colon[*k].alone);
    let play = classified
        .iter()
        .flat_map(|(_, h)| &h.lines)
        .any(|l| sections::is_play_heading(l.text));
    let full_names: HashSet<String> = classified
        .iter()
        .flat_map(|(_, h)| &h.lines)
        .filter_map(|l| match &l.kind {
            Line::Label(c) if evidence.contains(&speakers::evidence_key(&c.who)) => full_initials(&c.who),
            _ => None,
        })
        .collect();
    let recurring: Vec<String> = weak_colon
        .iter()
        .filter(|(_, w)| {
            (w.n >= 3 && w.alone)
                || (w.caps && caps_style)
                || (play && w.n >= 2)
                || w.bare_caps >= 2
                || w.abbreviation
                    .as_ref()
                    .is_some_and(|a| w.n >= 2 || full_names.contains(a))
        })
        .map(|(k, _)| k.clone())
        .collect();
    evidence.extend(recurring);

    let mut taken: Vec<Vec<bool>> = Vec::with_capacity(classified.len());
    for ((_, half), sure) in classified.iter_mut().zip(sure) {
        let flags = half
            .lines
            .iter_mut()
            .zip(sure)
            .map(|(l, sure)| match &l.kind {
                Line::Label(c) if sure || evidence.contains(&speakers::evidence_key(&c.who)) => true,
                Line::Label(c) => {
                    let name_shaped = matches!(&c.who, Who::Person(n) if n.given.is_some());
                    if c.colon && c.rest.is_empty() && (name_shaped || labels::looks_like_label(l.text)) {
                        warnings.push(refused(l));
                    }
                    l.kind = structure::not_label(l.text);
                    false
                }
                Line::Text if labels::looks_like_label(l.text) => {
                    warnings.push(refused(l));
                    false
                }
                _ => false,
            })
            .collect();
        taken.push(flags);
    }
    refuse_lone_labels(&mut classified, &mut taken);

    // Labels inside lines, for speakers with evidence: labelled at a line's start, or abbreviated there.
    let abbreviations: HashSet<String> = classified
        .iter()
        .flat_map(|(_, h)| &h.lines)
        .zip(taken.iter().flatten())
        .filter_map(|(l, &taken)| match &l.kind {
            Line::Label(c) if taken => match &c.who {
                Who::Person(n) if n.abbreviation => Some(n.surname.clone()),
                _ => None,
            },
            _ => None,
        })
        .collect();
    let accepted = |c: &labels::Candidate| {
        evidence.contains(&speakers::evidence_key(&c.who))
            || full_initials(&c.who).is_some_and(|i| abbreviations.contains(&i))
            || matches!(&c.who, Who::Person(n) if n.abbreviation && full_names.contains(&n.surname))
    };
    let mut expanded: Vec<Vec<(Classified, bool)>> = Vec::with_capacity(classified.len());
    for ((_, half), taken) in classified.iter_mut().zip(taken) {
        let mut lines = Vec::with_capacity(half.lines.len());
        for (l, taken) in half.lines.drain(..).zip(taken) {
            let speech = match &l.kind {
                Line::Label(c) if taken => c.rest,
                Line::Text => l.text,
                _ => "",
            };
            let inline: Vec<_> = labels::inline(speech)
                .into_iter()
                .filter(|(_, c)| accepted(c))
                .collect();
            lines.extend(split_inline(l, taken, speech, inline));
        }
        expanded.push(lines);
    }
    // Initials are the person whose full name they abbreviate, written in this language or, failing that,
    // in the other (`К.А.` for `Chris Anderson`): compared by key, across scripts.
    let mut named: HashMap<(String, Lang), Name> = HashMap::new();
    for ((lang, _), lines) in classified.iter().zip(&expanded) {
        for (l, _) in lines.iter().filter(|(_, taken)| *taken) {
            if let Line::Label(labels::Candidate {
                who: Who::Person(n), ..
            }) = &l.kind
                && let Some(initials) = n.initials().filter(|_| !n.abbreviation)
            {
                named
                    .entry((name_key(&initials), *lang))
                    .or_insert_with(|| n.clone());
            }
        }
    }
    let mut resolver = speakers::Resolver::default();
    let mut speaker_of: Vec<Vec<Option<usize>>> = Vec::with_capacity(classified.len());
    for ((lang, half), lines) in classified.iter_mut().zip(expanded) {
        let speakers = lines
            .iter()
            .map(|(l, taken)| match &l.kind {
                Line::Label(c) if *taken => {
                    let full = match &c.who {
                        Who::Person(n) if n.abbreviation => {
                            let key = name_key(&n.surname);
                            [*lang, lang.other()]
                                .iter()
                                .find_map(|&l| named.get(&(key.clone(), l)))
                                .map(|full| Name {
                                    text: n.text.clone(),
                                    full_given: false,
                                    ..full.clone()
                                })
                        }
                        _ => None,
                    };
                    Some(resolver.resolve(*lang, &full.map_or_else(|| c.who.clone(), Who::Person)))
                }
                _ => None,
            })
            .collect();
        half.lines = lines.into_iter().map(|(l, _)| l).collect();
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

/// How a weak label (`Putin:`, `ПУТИН:`, `CA:`, `ВЛАДИМИР ПУТИН`) occurs in a document.
#[derive(Debug, Default)]
struct WeakColon {
    n: usize,
    /// Alone on its line at least once.
    alone: bool,
    /// In capitals.
    caps: bool,
    /// The letters, when the label is initials (`CA:`, `К.А.:`).
    abbreviation: Option<String>,
    /// How often it stands alone on its line in capitals, without a colon: a character's name
    /// recurs, a title (`КЕНТЕРВИЛЬСКОЕ ПРИВИДЕНИЕ`) does not.
    bare_caps: usize,
}

/// Lines of a half that open with a name and a full stop (`MASHA. It is time.`), or are a name alone
/// over a paragraph of text (`Nurse`, then her speech), make its names a play's cast where they are
/// how the half is written: at least [`CAST_NAMES`] names each open [`CAST_LINES`] lines or more,
/// and together a [`CAST_SHARE`] of its lines. In prose, a one-word sentence opens a line now and
/// then (`Yes. I know.`), and a name may stand alone over a paragraph, never most of them.
fn play_cast(lines: &[Classified]) -> Vec<String> {
    // The ways a name opens a line: before a full stop and the speech on the same line, or alone
    // (over the speech, or with a full stop); per name, the lines it opens in each.
    const INLINE: usize = 0;
    const ALONE: usize = 1;
    let mut opened: HashMap<String, [usize; 2]> = HashMap::new();
    for (k, l) in lines.iter().enumerate() {
        // Speech below, though it may open with what looks like a name (`Enough. Leave us.`).
        let over_text = || {
            lines.get(k + 1).is_some_and(|next| match &next.kind {
                Line::Text => true,
                Line::Label(c) => !c.rest.is_empty(),
                _ => false,
            })
        };
        if let Line::Label(c) = &l.kind {
            let way = if c.rest.is_empty() && !c.colon && (c.stop || over_text()) {
                ALONE
            } else if c.stop {
                INLINE
            } else {
                continue;
            };
            opened.entry(speakers::evidence_key(&c.who)).or_default()[way] += 1;
        }
    }
    let lines_of = |n: &[usize; 2]| n[0] + n[1];
    let recurring: Vec<usize> = opened
        .values()
        .map(lines_of)
        .filter(|&n| n >= CAST_LINES)
        .collect();
    let share = recurring.iter().sum::<usize>() as f64 / lines.len().max(1) as f64;
    if recurring.len() < CAST_NAMES || share < CAST_SHARE {
        return Vec::new();
    }
    // In a play, a name that speaks once is a character too, when its label is in the way the
    // play names its speakers: where names stand alone on their lines, `Enough.` opening a
    // speech is a word.
    let total = |way: usize| opened.values().map(|n| n[way]).sum::<usize>();
    let usual = if total(ALONE) > total(INLINE) {
        ALONE
    } else {
        INLINE
    };
    opened
        .into_iter()
        .filter(|(_, n)| lines_of(n) >= CAST_LINES || n[usual] > 0)
        .map(|(key, _)| key)
        .collect()
}

/// See [`play_cast`].
const CAST_NAMES: usize = 2;
const CAST_LINES: usize = 2;
const CAST_SHARE: f64 = 0.3;

/// The initials of a full name (`Chris Anderson` → `CA`); none for initials or a lone surname.
fn full_initials(who: &Who) -> Option<String> {
    match who {
        Who::Person(n) if !n.abbreviation => n.initials(),
        _ => None,
    }
}

/// The only label of a half, deep in its text and named nowhere else (`ОУТИССКОЕ ПРИВИДЕНИЕ: …` on a sign
/// in a novel), would make all that follows one speech: it is text.
fn refuse_lone_labels(halves: &mut [(Lang, Half)], taken: &mut [Vec<bool>]) {
    const LINES_BEFORE: usize = 3;
    let mut uses: HashMap<String, usize> = HashMap::new();
    for (l, _) in halves
        .iter()
        .flat_map(|(_, h)| &h.lines)
        .zip(taken.iter().flatten())
        .filter(|(_, t)| **t)
    {
        if let Line::Label(c) = &l.kind {
            *uses.entry(speakers::evidence_key(&c.who)).or_default() += 1;
        }
    }
    for ((_, half), taken) in halves.iter_mut().zip(taken) {
        let mut labels = taken.iter().enumerate().filter(|(_, t)| **t).map(|(i, _)| i);
        let (Some(i), None) = (labels.next(), labels.next()) else {
            continue;
        };
        let l = &mut half.lines[i];
        let once = matches!(&l.kind, Line::Label(c) if uses[&speakers::evidence_key(&c.who)] == 1);
        if i >= LINES_BEFORE && once {
            l.kind = structure::not_label(l.text);
            taken[i] = false;
        }
    }
}

/// A line cut where the labels inside its `speech` start (offsets into `speech`), each piece with whether
/// it is a taken label.
fn split_inline<'a>(
    l: Classified<'a>,
    taken: bool,
    speech: &'a str,
    inline: Vec<(usize, labels::Candidate<'a>)>,
) -> Vec<(Classified<'a>, bool)> {
    let Some(&(first, _)) = inline.first() else {
        return vec![(l, taken)];
    };
    let ends: Vec<usize> = inline
        .iter()
        .skip(1)
        .map(|(s, _)| *s)
        .chain([speech.len()])
        .collect();
    let mut head = l.clone();
    let before = speech[..first].trim_end();
    match &mut head.kind {
        Line::Label(c) => c.rest = before,
        _ => head.text = before,
    }
    let mut pieces = vec![(head, taken)];
    for ((start, mut c), end) in inline.into_iter().zip(ends) {
        let rest_at = c.rest.as_ptr() as usize - speech.as_ptr() as usize;
        c.rest = speech[rest_at..end].trim_end();
        let piece = Classified {
            line: l.line,
            last: l.last,
            text: speech[start..end].trim_end(),
            kind: Line::Label(c),
        };
        pieces.push((piece, true));
    }
    pieces
}

/// Which lines are labels without needing evidence from elsewhere: strong candidates, and a full name
/// standing alone on its line with speech after it, unless in capitals as titles are or numbered as
/// sections are (`Word One`).
fn sure_labels(lines: &[Classified]) -> Vec<bool> {
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| match &l.kind {
            Line::Label(c) => {
                let next_is_speech = lines.get(i + 1).is_some_and(|n| n.kind == Line::Text);
                c.strong
                    || (!c.colon
                        && !c.stop
                        && next_is_speech
                        && l.text.chars().any(char::is_lowercase)
                        && matches!(&c.who, Who::Person(n)
                            if n.given.is_some() && !sections::is_number_word(&n.surname)))
            }
            _ => false,
        })
        .collect()
}

/// Where `other` has a title and `half` none, `half`'s first line, when a heading that names no
/// section or a name alone that does not recur, is its title: `ЧАЙКА` beside `THE SEAGULL`, one
/// word, too short to look like a title by itself.
fn title_from_the_other(half: &mut Half, other: &Half) {
    if other.meta.title.is_none() || half.meta.title.is_some() {
        return;
    }
    let heading = half.lines.first().is_some_and(|first| {
        let shaped = match &first.kind {
            Line::Heading { known } => !known,
            Line::Label(c) => !c.colon && !c.stop && c.rest.is_empty(),
            _ => false,
        };
        // A name that recurs is a speaker's label (`ПУТИН` over each of his turns).
        shaped && !half.lines[1..].iter().any(|l| l.text == first.text)
    });
    if heading {
        half.meta.title = Some(half.lines.remove(0).text.to_string());
    }
}

fn refused(l: &Classified) -> Warning {
    Warning {
        line: l.line,
        message: format!("\"{}\" looks like a speaker label but was read as text", l.text),
        kind: WarningKind::Label,
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
