//! The topic picker: a query, the topics it matches, and the jump to one.

use super::{Action, App, Overlay, Reader};
use crate::model::ByLang;
use crate::topics::Hit;

/// The topic picker: a query and the topics it matches, best first.
#[derive(Debug, Clone, Default)]
pub struct Picker {
    pub query: String,
    pub hits: Vec<Hit>,
    pub selected: usize,
}

/// The picker lists this many topics at most.
const PICKER_LIMIT: usize = 50;

impl App {
    pub(super) fn update_picker(&mut self, action: Action) {
        let height = self.body_height();
        let (Overlay::Picker(p), Some(r)) = (&mut self.overlay, self.reader.as_mut()) else {
            return;
        };
        match action {
            Action::Input(c) => {
                p.query.push(c);
                p.hits = r.list_topics(&p.query);
                p.selected = 0;
            }
            Action::Backspace => {
                p.query.pop();
                p.hits = r.list_topics(&p.query);
                p.selected = 0;
            }
            Action::Down => p.selected = (p.selected + 1).min(p.hits.len().saturating_sub(1)),
            Action::Up => p.selected = p.selected.saturating_sub(1),
            Action::Confirm => {
                let unit = p
                    .hits
                    .get(p.selected)
                    .and_then(|h| r.topics.as_ref()?.topics().get(h.topic))
                    .map(|t| t.unit);
                self.overlay = Overlay::None;
                if let Some(unit) = unit {
                    self.message = self.show_turn(unit);
                    self.go_to_unit(unit, height);
                }
            }
            Action::Cancel => self.overlay = Overlay::None,
            _ => {}
        }
    }
}

impl App {
    /// Shows the turns of `unit`'s speaker if the filter hides them, so that a jump lands on
    /// the text rather than a collapsed line; returns the status message saying so.
    pub(super) fn show_turn(&mut self, unit: usize) -> Option<String> {
        let r = self.reader.as_mut()?;
        let speaker = r.alignment.units.get(unit)?.speaker?;
        let hidden = r.hidden.get_mut(speaker).filter(|h| **h)?;
        *hidden = false;
        self.relayout();
        let name = &self.transcript()?.speakers.get(speaker)?.name;
        let name = if name.en.is_empty() { &name.ru } else { &name.en };
        Some(format!("Showing {name}'s turns again"))
    }

    /// Makes `unit` (or the collapsed run holding it) the cursor and brings it into view.
    pub(super) fn go_to_unit(&mut self, unit: usize, height: usize) {
        if let Some(r) = self.reader.as_mut() {
            let stop = r.layout.stop_at(unit).unwrap_or(unit);
            r.goto(stop, height);
        }
    }
}

impl Reader {
    /// The picker's list for `query`: with no query, the headings and questions in document order.
    pub(super) fn list_topics(&self, query: &str) -> Vec<Hit> {
        let Some(index) = &self.topics else {
            return Vec::new();
        };
        if query.trim().is_empty() {
            use crate::topics::TopicKind;
            return index
                .topics()
                .iter()
                .enumerate()
                .filter(|(_, t)| matches!(t.kind, TopicKind::Heading | TopicKind::Question))
                .take(PICKER_LIMIT)
                .map(|(topic, t)| Hit {
                    topic,
                    score: 0,
                    snippet: t.snippet.clone(),
                    positions: ByLang::default(),
                })
                .collect();
        }
        index.query(query, PICKER_LIMIT)
    }
}
