//! Snippets: what a topic shows of its text, at most [`SNIPPET_CHARS`] chars cut between words
//! around the part that matters.

use std::ops::Range;

/// Snippets are cut to this many chars, so that a topic fits a line of the picker.
pub const SNIPPET_CHARS: usize = 160;

/// What a snippet shows of a text: its chars from `first`, after `lead` chars of its own (the `…`
/// where the start is cut).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct View {
    pub snippet: String,
    pub first: usize,
    pub lead: usize,
    /// How many chars of the text it shows.
    pub len: usize,
}

impl View {
    /// Where char `c` of the text is in the snippet, if it shows it.
    pub fn place(&self, c: usize) -> Option<usize> {
        (self.first..self.first + self.len)
            .contains(&c)
            .then(|| c - self.first + self.lead)
    }
}

/// At most `SNIPPET_CHARS` chars of `text` (trimmed), starting a little before char `focus`, with
/// `…` where cut, and cut between words where one ends near the edge.
pub(super) fn cut(text: &str, focus: usize) -> String {
    view(text, focus).snippet
}

/// [`cut`], with where the snippet sits in the text.
pub(super) fn view(text: &str, focus: usize) -> View {
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
    let cut_end = end < n;
    if cut_end {
        while end > start && chars[end - 1].is_whitespace() {
            end -= 1;
        }
    }
    let mut out = String::with_capacity(SNIPPET_CHARS * 2);
    if start > 0 {
        out.push('…');
    }
    out.extend(&chars[start..end]);
    if cut_end {
        out.push('…');
    }
    View {
        snippet: out,
        first: start,
        lead: usize::from(start > 0),
        len: end - start,
    }
}

/// The chars of an `n`-char text that [`cut`] shows around `focus`.
fn window(n: usize, focus: usize) -> Range<usize> {
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
    }

    #[test]
    fn a_view_places_the_texts_chars_in_its_snippet() {
        let text = "word ".repeat(30) + "TERM " + &"word ".repeat(30);
        let at = text.find("TERM").expect("term");
        let v = view(&text, at);
        let shown: Vec<char> = v.snippet.chars().collect();
        assert_eq!(v.place(at).map(|i| shown[i]), Some('T'));
        assert_eq!(v.place(at + 3).map(|i| shown[i]), Some('M'));
        assert_eq!(v.place(0), None);
        assert_eq!(v.place(text.chars().count() - 1), None);
        let whole = view("short", 0);
        assert_eq!(
            (whole.first, whole.lead, whole.len, whole.place(4)),
            (0, 0, 5, Some(4))
        );
    }
}
