//! Searching the whole library from its list: a query, the hits in every transcript, and
//! opening one at its sentence.

use super::{Action, App, Effect, Overlay};
use crate::find::{Found, LibraryIndex};
use crate::library::Document;

/// The search across the library: what is typed, and the hits of the last search.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Finder {
    pub query: String,
    /// The query `hits` are for; `None` before the first search.
    pub searched: Option<String>,
    pub hits: Vec<Found>,
    pub selected: usize,
    /// Whether the search waits for the library to be indexed.
    pub waiting: bool,
}

impl App {
    /// The job [`Effect::IndexLibrary`] asks for: every document, to align and index elsewhere.
    pub fn library_job(&self) -> Vec<Document> {
        self.docs.clone()
    }

    pub(super) fn update_find(&mut self, action: Action) -> Vec<Effect> {
        let height = self.body_height();
        let Overlay::Find(f) = &mut self.overlay else {
            return Vec::new();
        };
        match action {
            Action::Input(c) => f.query.push(c),
            Action::Backspace => {
                f.query.pop();
            }
            Action::Down => f.selected = (f.selected + 1).min(f.hits.len().saturating_sub(1)),
            Action::Up => f.selected = f.selected.saturating_sub(1),
            Action::Confirm if f.searched.as_ref() == Some(&f.query) => {
                let Some(hit) = f.hits.get(f.selected).cloned() else {
                    return Vec::new();
                };
                let query = f.query.clone();
                self.overlay = Overlay::None;
                return self.open_hit(&hit, query, height);
            }
            Action::Confirm => match &self.library_index {
                Some(index) => {
                    f.hits = index.find(&self.docs, &f.query);
                    f.searched = Some(f.query.clone());
                    f.selected = 0;
                }
                None if f.waiting => {}
                None => {
                    f.waiting = true;
                    return vec![Effect::IndexLibrary];
                }
            },
            Action::Cancel => self.overlay = Overlay::None,
            _ => {}
        }
        Vec::new()
    }

    /// Keeps the library's index and runs the search that waited for it.
    pub(super) fn library_indexed(&mut self, index: LibraryIndex) {
        if let Overlay::Find(f) = &mut self.overlay
            && f.waiting
        {
            f.waiting = false;
            f.hits = index.find(&self.docs, &f.query);
            f.searched = Some(f.query.clone());
            f.selected = 0;
        }
        self.library_index = Some(index);
    }

    /// Opens the document of `hit` at its sentence, with the query searched there as by `/`.
    fn open_hit(&mut self, hit: &Found, query: String, height: usize) -> Vec<Effect> {
        let Some(index) = self.library_index.take() else {
            return Vec::new();
        };
        // The library's alignment is the whole one: the reader need not align again.
        let effects = self.open_with(hit.doc, index.alignment(hit.doc).cloned());
        self.go_to_unit(hit.unit, height);
        if let Some(r) = self.reader.as_mut()
            && let Some(d) = self.docs.get(hit.doc)
        {
            r.search_index = index.search_index(hit.doc).cloned();
            self.message = r.run_search(&d.transcript, query, height);
            if let Some(first) = hit.matches.first() {
                r.show_search_match(first, height);
            }
        }
        self.library_index = Some(index);
        effects
    }
}
