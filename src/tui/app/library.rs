//! The list of documents and its fuzzy filter.

use super::{Action, App, Effect, Overlay};
use crate::model::Lang;
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

/// The list of documents and its fuzzy filter.
#[derive(Debug, Default)]
pub struct LibraryList {
    pub query: String,
    pub typing: bool,
    /// Index into `matches`.
    pub selected: usize,
    /// Documents passing the filter, best first.
    pub matches: Vec<usize>,
}

impl App {
    pub(super) fn update_library(&mut self, action: Action) -> Vec<Effect> {
        let lib = &mut self.library;
        let last = lib.matches.len().saturating_sub(1);
        match action {
            Action::Down | Action::LineDown => lib.selected = (lib.selected + 1).min(last),
            Action::Up | Action::LineUp => lib.selected = lib.selected.saturating_sub(1),
            Action::Top => lib.selected = 0,
            Action::Bottom => lib.selected = last,
            Action::Search => lib.typing = true,
            Action::FindInLibrary => self.overlay = Overlay::Find(super::Finder::default()),
            Action::Help => self.overlay = Overlay::Help,
            Action::Input(c) if lib.typing => {
                lib.query.push(c);
                self.filter_library();
            }
            Action::Backspace if lib.typing => {
                lib.query.pop();
                self.filter_library();
            }
            Action::Cancel if lib.typing => {
                lib.typing = false;
                lib.query.clear();
                self.filter_library();
            }
            Action::Confirm => {
                lib.typing = false;
                if let Some(&doc) = lib.matches.get(lib.selected) {
                    return self.open(doc);
                }
            }
            Action::Back | Action::Cancel => self.quit = true,
            _ => {}
        }
        Vec::new()
    }

    pub(super) fn filter_library(&mut self) {
        let matcher = SkimMatcherV2::default();
        let query = &self.library.query;
        let mut scored: Vec<(i64, usize)> = self
            .docs
            .iter()
            .enumerate()
            .filter_map(|(i, d)| {
                let t = &d.transcript;
                let names = t.speakers.iter().map(|s| format!("{} {}", s.name.en, s.name.ru));
                let haystack: String = [
                    t.title(Lang::En).unwrap_or_default(),
                    t.title(Lang::Ru).unwrap_or_default(),
                ]
                .into_iter()
                .map(str::to_string)
                .chain(names)
                .chain([d.name.clone()])
                .collect::<Vec<_>>()
                .join(" ");
                let score = if query.is_empty() {
                    Some(0)
                } else {
                    matcher.fuzzy_match(&haystack, query)
                };
                score.map(|s| (s, i))
            })
            .collect();
        // Best first; documents keep their order among equals.
        scored.sort_by_key(|&(s, i)| (std::cmp::Reverse(s), i));
        self.library.matches = scored.into_iter().map(|(_, i)| i).collect();
        self.library.selected = 0;
    }
}
