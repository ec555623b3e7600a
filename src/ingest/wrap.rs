//! Hard-wrapped text (Project Gutenberg books, e-mail, `fold` and `fmt` output): lines broken at a fixed
//! width, told apart from lines that end where their author ended them.
//!
//! A wrapper breaks a line where the next word would not fit, or (`fmt`, which evens out the lines) would
//! nearly not. So in a wrapped half nearly every line that another line follows is too full to take that
//! line's first word, while elsewhere (a paragraph per line, verse, a label over its speech) few are. The
//! width is read from the half itself, in characters or in bytes.

use super::structure::{self, Line};
use std::borrow::Cow;

/// Fewest pairs of adjacent lines that can show a half is wrapped.
const MIN_PAIRS: usize = 8;

/// Share of adjacent pairs that must look broken by the wrapper for the half to count as wrapped: the
/// rest are paragraph ends and short lines set apart on purpose.
const WRAPPED_SHARE: f64 = 0.6;

/// Share of the lines a wrapper broke off that must start with a letter (rows of a table start with
/// digits), and of those, with a small letter rather than a capital: in prose most do (80–95% in books
/// and talks), while verse of even length starts each line with one.
const LETTER_SHARE: f64 = 0.5;
const SMALL_SHARE: f64 = 0.25;

/// How full a line must be, with the next line's first word, to count as broken by a wrapper: `fmt`
/// aims its lines at 93% of the width.
const FULL: f64 = 0.9;

/// The lines longest among those followed by another that the width may ignore (a long link, a table
/// row): one in this many, and at least one.
const OUTLIERS: usize = 50;

/// A line of a half after joining: the source lines it spans, and its text.
pub(super) struct Joined<'a> {
    pub first: u32,
    pub last: u32,
    pub text: Cow<'a, str>,
}

/// `lines` (non-blank, trimmed at the end, with their 1-based numbers) trimmed, with each line a
/// wrapper broke off joined to the line before it, and each line after one of `runs_on` (source
/// lines in order) that goes on with its text.
pub(super) fn unwrap<'a>(lines: &[(u32, &'a str)], runs_on: &[u32]) -> Vec<Joined<'a>> {
    let opens = indented(lines);
    let wraps = continuations(lines, &opens);
    let mut out: Vec<Joined<'a>> = Vec::with_capacity(lines.len());
    let single = |line, text: &'a str| Joined {
        first: line,
        last: line,
        text: Cow::Borrowed(text.trim_start()),
    };
    if !wraps.contains(&true) && runs_on.is_empty() {
        out.extend(lines.iter().map(|&(line, text)| single(line, text)));
        return out;
    }
    // Whether the last line out may go on in the next.
    let mut open = false;
    for (&(line, text), wraps) in lines.iter().zip(wraps) {
        let text = text.trim_start();
        let role = role(text);
        match out.last_mut() {
            Some(joined)
                if (wraps || (runs_on.binary_search(&joined.last).is_ok() && !opens_dialogue(text)))
                    && open
                    && role == Role::Running =>
            {
                let t = joined.text.to_mut();
                t.push(' ');
                t.push_str(text);
                joined.last = line;
            }
            _ => out.push(single(line, text)),
        }
        open = role != Role::Apart;
    }
    out
}

/// Whether `text` opens a line of dialogue with a dash (`- Where were you?`), as subtitles give
/// each speaker of a cue.
fn opens_dialogue(text: &str) -> bool {
    text.strip_prefix(['-', '–', '—'])
        .is_some_and(|rest| rest.starts_with(' '))
}

/// For each of `lines`: whether it is indented further than most lines, as the first line of a
/// paragraph is where paragraphs are set apart by indentation rather than by blank lines (books
/// from lib.ru and many other e-texts). A quotation set in with each line indented is cut into its
/// lines, as verse is.
fn indented(lines: &[(u32, &str)]) -> Vec<bool> {
    let indents: Vec<usize> = lines
        .iter()
        .map(|(_, text)| text.chars().take_while(|c| c.is_whitespace()).count())
        .collect();
    let mut counts = std::collections::HashMap::new();
    for &indent in &indents {
        *counts.entry(indent).or_insert(0usize) += 1;
    }
    let usual = counts
        .into_iter()
        .max_by_key(|&(indent, n)| (n, std::cmp::Reverse(indent)))
        .map_or(0, |(indent, _)| indent);
    indents.iter().map(|&indent| indent > usual).collect()
}

/// What a line can be to the lines around it in wrapped text.
#[derive(PartialEq, Eq)]
enum Role {
    /// Text that may go on from the line before and into the next.
    Running,
    /// Starts a paragraph of its own, however full the line before (`Nurse: Your mother.`): a
    /// paragraph may end on a full line.
    Opens,
    /// Neither continues nor is continued: a heading ingest knows, a break, a reaction alone on its
    /// line, `Source:` and the like, a label alone on its line (wide enough to look broken in a
    /// narrow half).
    Apart,
}

fn role(text: &str) -> Role {
    if structure::direction(text) == Some(text.len())
        || structure::source(text).is_some()
        || structure::is_marker(text)
    {
        return Role::Apart;
    }
    match structure::line_kind(text) {
        Line::Break | Line::RelatedHead | Line::Heading { known: true } => Role::Apart,
        Line::Label(c) if c.rest.is_empty() => Role::Apart,
        Line::Label(c) if c.colon => Role::Opens,
        _ => Role::Running,
    }
}

/// For each of `lines`: whether it continues the one before it, broken only by a wrapper. All false
/// unless the half is wrapped; false where `opens` says a line opens a paragraph.
fn continuations(lines: &[(u32, &str)], opens: &[bool]) -> Vec<bool> {
    let pairs: Vec<usize> = (1..lines.len())
        .filter(|&i| lines[i].0 == lines[i - 1].0.saturating_add(1) && !opens[i])
        .collect();
    let mut wraps = vec![false; lines.len()];
    if pairs.len() < MIN_PAIRS {
        return wraps;
    }
    // `fold` and `fmt` count bytes, so their lines hold fewer letters the more Cyrillic they hold.
    // A line is measured with its indentation, as the wrapper measured it.
    let measures: [fn(&str) -> usize; 2] = [|s| s.chars().count(), str::len];
    let broken = measures
        .iter()
        .map(|&measure| {
            let width = width(&pairs, lines, measure);
            pairs
                .iter()
                .copied()
                .filter(|&i| forced(lines[i - 1].1, lines[i].1.trim_start(), width, measure))
                .collect::<Vec<usize>>()
        })
        .max_by_key(Vec::len)
        .unwrap_or_default();
    let starting = |lower: bool| {
        broken
            .iter()
            .filter(|&&i| {
                lines[i]
                    .1
                    .trim_start()
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_alphabetic() && c.is_lowercase() == lower)
            })
            .count() as f64
    };
    let (small, capital) = (starting(true), starting(false));
    if broken.len() as f64 >= WRAPPED_SHARE * pairs.len() as f64
        && small + capital >= LETTER_SHARE * broken.len() as f64
        && small >= SMALL_SHARE * (small + capital)
    {
        for i in broken {
            wraps[i] = true;
        }
    }
    wraps
}

/// The width the half was wrapped at, if it was: the longest line that another follows, less outliers.
fn width(pairs: &[usize], lines: &[(u32, &str)], measure: fn(&str) -> usize) -> usize {
    let mut lengths: Vec<usize> = pairs.iter().map(|&i| measure(lines[i - 1].1)).collect();
    let k = (lengths.len() / OUTLIERS).max(1).min(lengths.len() - 1);
    *lengths.select_nth_unstable_by(k, |a, b| b.cmp(a)).1
}

/// Whether `next`'s first word would have (nearly) overflowed `line` at `width`, so a wrapper broke the
/// line. A wrapper never breaks at a no-break space (`—\u{a0}Ах`, `10\u{202f}000`): the word runs on
/// through it.
fn forced(line: &str, next: &str, width: usize, measure: fn(&str) -> usize) -> bool {
    let breaks = |c: char| c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}');
    let word = next.split(breaks).next().unwrap_or(next);
    (measure(line) + 1 + measure(word)) as f64 > FULL * width as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Greedy wrapping, as Project Gutenberg and `fold -s` do, at `width` by `measure`: at spaces,
    /// never at no-break spaces.
    fn wrap(paragraph: &str, width: usize, measure: fn(&str) -> usize) -> Vec<String> {
        let mut lines: Vec<String> = vec![String::new()];
        for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
            let last = lines.last_mut().expect("one line");
            if !last.is_empty() && measure(last) + 1 + measure(word) > width {
                lines.push(word.to_string());
            } else {
                if !last.is_empty() {
                    last.push(' ');
                }
                last.push_str(word);
            }
        }
        lines
    }

    fn numbered(lines: &[String]) -> Vec<(u32, &str)> {
        (1..)
            .zip(lines.iter().map(String::as_str))
            .filter(|(_, l)| !l.is_empty())
            .collect()
    }

    const PARAGRAPHS: [&str; 5] = [
        "Утром мы вышли из дома рано, когда над рекой ещё стоял туман, и долго шли вдоль берега, не \
         говоря ни слова: каждый думал о своём, а дорога была длинной и пустой.",
        "К полудню туман рассеялся, и стало видно, что на том берегу кто-то развёл костёр. Мы \
         остановились, посмотрели друг на друга и решили, что переправляться сегодня не будем, потому \
         что лодка была слишком мала для троих, а вода в реке поднялась после дождей.",
        "Так мы и\u{a0}сделали.",
        "—\u{a0}Переправимся завтра, если вода спадёт,\u{a0}— сказал старший, глядя на\u{a0}реку. —\u{a0}А \
         если не\u{a0}спадёт, пойдём вверх по\u{a0}течению, до\u{a0}моста, хотя это и\u{a0}долгий путь.",
        "Вечером ветер переменился, и запах дыма донёсся до нашего лагеря; мы сидели у огня, слушали, \
         как шумит вода, и говорили о том, что будет завтра, если дождь так и не кончится.",
    ];

    /// Lines of the paragraphs wrapped at `width`, with blank lines between them or not, and whether
    /// each starts a paragraph.
    fn wrapped(width: usize, blank: bool) -> (Vec<String>, Vec<bool>) {
        let mut lines = Vec::new();
        let mut starts = Vec::new();
        for p in PARAGRAPHS.iter().cycle().take(12) {
            for (k, line) in wrap(p, width, |s| s.chars().count()).into_iter().enumerate() {
                lines.push(line);
                starts.push(k == 0);
            }
            if blank {
                lines.push(String::new());
            }
        }
        (lines, starts)
    }

    #[test]
    fn lines_broken_by_a_wrapper_continue_their_paragraph() {
        for width in [40, 60, 72, 100] {
            for blank in [true, false] {
                let (lines, starts) = wrapped(width, blank);
                let numbered = numbered(&lines);
                let wraps = continuations(&numbered, &indented(&numbered));
                let lines: Vec<&str> = lines
                    .iter()
                    .map(String::as_str)
                    .filter(|l| !l.is_empty())
                    .collect();
                let widest = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
                for (i, (&wraps, &start)) in wraps.iter().zip(&starts).enumerate() {
                    // Without blank lines, a paragraph after a line too full to take its first word
                    // could as well be that line's paragraph going on.
                    let ambiguous =
                        !blank && i > 0 && forced(lines[i - 1], lines[i], widest, |s| s.chars().count());
                    assert!(
                        wraps != start || ambiguous,
                        "width {width}, blank lines {blank}, line {i}: {}",
                        lines[i]
                    );
                }
            }
        }
    }

    #[test]
    fn paragraphs_set_apart_by_indentation_are_whole_however_full_their_last_line() {
        // (indentation of every line, further indentation of a paragraph's first, blank lines)
        for (margin, first, blank) in [("", "    ", false), ("  ", "   ", false), ("   ", "", true)] {
            for width in [40, 60, 72, 100] {
                let mut lines = Vec::new();
                let paragraphs: Vec<&str> = PARAGRAPHS.iter().copied().cycle().take(12).collect();
                for p in &paragraphs {
                    for (k, line) in wrap(p, width, |s| s.chars().count()).into_iter().enumerate() {
                        let indent = if k == 0 { first } else { "" };
                        lines.push(format!("{margin}{indent}{line}"));
                    }
                    if blank {
                        lines.push(String::new());
                    }
                }
                let joined: Vec<String> = unwrap(&numbered(&lines), &[])
                    .into_iter()
                    .map(|j| j.text.into_owned())
                    .collect();
                assert_eq!(
                    joined, paragraphs,
                    "margin {margin:?}, first line {first:?}, width {width}"
                );
            }
        }
    }

    #[test]
    fn a_wrapper_counting_bytes_is_read_in_bytes() {
        // `fold -s -w 70`: 70 bytes, 70 Latin letters or 35 Cyrillic ones.
        let mut lines = Vec::new();
        let mut starts = Vec::new();
        for (k, p) in PARAGRAPHS.iter().cycle().take(10).enumerate() {
            let latin = crate::translit::to_latin(p);
            let text = if k % 2 == 0 { latin.as_str() } else { p };
            for (n, line) in wrap(text, 70, str::len).into_iter().enumerate() {
                lines.push(line);
                starts.push(n == 0);
            }
            lines.push(String::new());
        }
        let numbered = numbered(&lines);
        let wraps = continuations(&numbered, &indented(&numbered));
        let expected: Vec<bool> = starts.iter().map(|s| !s).collect();
        assert_eq!(wraps, expected);
    }

    #[test]
    fn lines_set_apart_by_their_author_stay_apart() {
        let verse = [
            "All in the golden afternoon",
            "Full leisurely we glide;",
            "For both our oars, with little skill,",
            "By little arms are plied,",
            "While little hands make vain pretence",
            "Our wanderings to guide.",
        ];
        let paragraph_per_line: Vec<String> = PARAGRAPHS
            .iter()
            .cycle()
            .take(12)
            .map(|p| p.to_string())
            .collect();
        let verse: Vec<String> = verse.iter().cycle().take(24).map(|l| l.to_string()).collect();
        let labelled: Vec<String> = PARAGRAPHS
            .iter()
            .cycle()
            .take(12)
            .flat_map(|p| ["Кентервиль:".to_string(), p.to_string()])
            .collect();
        for lines in [paragraph_per_line, verse, labelled] {
            let numbered = numbered(&lines);
            let wraps = continuations(&numbered, &indented(&numbered));
            assert!(wraps.iter().all(|w| !w), "{lines:?}: {wraps:?}");
        }
    }
}
