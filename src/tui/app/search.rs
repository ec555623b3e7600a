//! Search in both languages: the query, its matches outside collapsed turns, and moving
//! between them.

use super::{Action, App, Overlay, Reader};
use crate::model::{Lang, Transcript};
use crate::search::Match;
use std::collections::HashMap;

/// The last search: its matches outside collapsed turns, and which one the reader is on.
#[derive(Debug, Clone, Default)]
pub struct Search {
    pub query: String,
    pub matches: Vec<Match>,
    pub current: Option<usize>,
    /// Match indices by (language, block, paragraph), for highlighting.
    pub by_para: HashMap<(Lang, usize, usize), Vec<usize>>,
}

impl App {
    pub(super) fn update_search_input(&mut self, action: Action) {
        let Overlay::Search(query) = &mut self.overlay else {
            return;
        };
        match action {
            Action::Input(c) => query.push(c),
            Action::Backspace => {
                query.pop();
            }
            Action::Confirm => {
                let query = std::mem::take(query);
                self.overlay = Overlay::None;
                let height = self.body_height();
                if let Some(r) = self.reader.as_mut()
                    && let Some(d) = self.docs.get(r.doc)
                {
                    self.message = r.run_search(&d.transcript, query, height);
                }
            }
            Action::Cancel => self.overlay = Overlay::None,
            _ => {}
        }
    }
}

impl Reader {
    /// Finds `query` outside collapsed turns and moves to the first match at or after the cursor.
    /// Returns the status message.
    pub(super) fn run_search(&mut self, t: &Transcript, query: String, height: usize) -> Option<String> {
        if query.trim().is_empty() {
            self.search = None;
            return None;
        }
        let found = self
            .search_index
            .as_ref()
            .map(|index| index.find(t, &query))
            .unwrap_or_default();
        let (matches, hidden): (Vec<Match>, Vec<Match>) =
            found.into_iter().partition(|m| !self.is_hidden(m.unit));
        let mut by_para: HashMap<(Lang, usize, usize), Vec<usize>> = HashMap::new();
        for (i, m) in matches.iter().enumerate() {
            by_para.entry((m.lang, m.block, m.para)).or_default().push(i);
        }
        let first = matches
            .iter()
            .position(|m| m.unit >= self.viewport.cursor)
            .or((!matches.is_empty()).then_some(0));
        // Say what the speaker filter hides rather than "Not found" for words that are there.
        let message = match (matches.len(), hidden.len()) {
            (0, 0) => Some(format!("Not found: {query}")),
            (0, n) => Some(format!(
                "Only in hidden turns: {n} {}: f to show",
                plural(n, "match", "matches")
            )),
            (_, 0) => None,
            (_, n) => Some(format!("{n} more in hidden turns: f to show")),
        };
        self.search = Some(Search {
            query,
            matches,
            current: None,
            by_para,
        });
        if let Some(i) = first {
            self.show_match(i, height);
        }
        message
    }

    /// Moves to the next (`dir` 1) or previous (-1) match, wrapping; returns the status message.
    pub(super) fn next_match(&mut self, dir: isize, height: usize) -> Option<String> {
        let Some(s) = &self.search else {
            return Some("No search: / searches both languages".into());
        };
        let n = s.matches.len();
        if n == 0 {
            return Some(format!("Not found: {}", s.query));
        }
        let next = match s.current {
            Some(c) => (c as isize + dir).rem_euclid(n as isize) as usize,
            None => 0,
        };
        let wrapped = s
            .current
            .is_some_and(|c| (dir > 0 && next <= c) || (dir < 0 && next >= c));
        self.show_match(next, height);
        wrapped.then(|| {
            if dir > 0 {
                "Search wrapped to the top"
            } else {
                "Search wrapped to the bottom"
            }
            .to_string()
        })
    }

    /// Makes the match `m` current, if the search found it.
    pub(super) fn show_search_match(&mut self, m: &Match, height: usize) {
        let found = self
            .search
            .as_ref()
            .and_then(|s| s.matches.iter().position(|x| x == m));
        if let Some(i) = found {
            self.show_match(i, height);
        }
    }

    /// Makes match `i` current, its unit the cursor and its row visible.
    fn show_match(&mut self, i: usize, height: usize) {
        let Some(s) = self.search.as_mut() else { return };
        s.current = Some(i);
        let Some(m) = s.matches.get(i) else { return };
        let (unit, lang, para, start) = (m.unit, m.lang, (m.block, m.para), m.range.start);
        self.show_text(unit, lang, para, start, height);
    }
}

fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}
