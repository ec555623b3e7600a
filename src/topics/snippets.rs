//! Snippets: what a topic shows of its text, at most [`SNIPPET_CHARS`] chars cut between words
//! around the part that matters.

use std::ops::Range;

/// Snippets are cut to this many chars, so that a topic fits a line of the picker.
pub const SNIPPET_CHARS: usize = 160;

/// At most `SNIPPET_CHARS` chars of `text`, starting a little before char `focus`, with `…` where cut,
/// and cut between words where one ends near the edge.
pub(super) fn cut(text: &str, focus: usize) -> String {
    const SNAP: usize = 12;
    let chars: Vec<char> = text.trim().chars().collect();
    let n = chars.len();
    let Range { mut start, mut end } = window(n, focus);
    if start > 0
        && let Some(space) = chars[start..(start + SNAP).min(end)]
            .iter()
            .position(|c| c.is_whitespace())
    {
        start += space + 1;
    }
    if end < n
        && let Some(space) = chars[end.saturating_sub(SNAP).max(start)..end]
            .iter()
            .rposition(|c| c.is_whitespace())
    {
        end = end.saturating_sub(SNAP).max(start) + space;
    }
    let mut out = String::with_capacity(SNIPPET_CHARS * 2);
    if start > 0 {
        out.push('…');
    }
    out.extend(&chars[start..end]);
    if end < n {
        let trimmed = out.trim_end().len();
        out.truncate(trimmed);
        out.push('…');
    }
    out
}

/// The chars of an `n`-char text that [`cut`] shows around `focus`.
pub(super) fn window(n: usize, focus: usize) -> Range<usize> {
    if n <= SNIPPET_CHARS {
        return 0..n;
    }
    let mut room = SNIPPET_CHARS - 1;
    let start = focus.saturating_sub(room / 4).min(n - room);
    if start > 0 && start + room < n {
        room -= 1;
    }
    start..start + room
}

/// Sentences one after another, cut from the start.
pub(super) fn joined(sentences: &[&str]) -> String {
    cut(&sentences.join(" "), 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_marks_both_ends() {
        let text = "a".repeat(100) + "TERM" + &"b".repeat(200);
        let s = cut(&text, 100);
        assert_eq!(s.chars().count(), SNIPPET_CHARS);
        assert!(s.starts_with('…') && s.ends_with('…') && s.contains("TERM"));
        let words = "word ".repeat(30) + "TERM " + &"word ".repeat(30);
        let s = cut(&words, 150);
        assert!(
            s.starts_with("…word") && s.ends_with("word…") && s.contains("TERM"),
            "{s}"
        );
        assert!(s.chars().count() <= SNIPPET_CHARS);
        assert_eq!(cut("  short  ", 3), "short");
        assert_eq!(joined(&["One.", "Two?"]), "One. Two?");
    }
}
