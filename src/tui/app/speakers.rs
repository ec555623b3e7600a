//! The speaker filter: which speakers' turns are collapsed.

use super::{Action, App, Overlay, Reader};
use crate::align::Alignment;
use crate::layout;
use crate::model::Transcript;

/// The speaker filter being edited.
#[derive(Debug, Clone)]
pub struct SpeakerList {
    pub checked: Vec<bool>,
    pub selected: usize,
}

impl App {
    pub(super) fn update_speakers(&mut self, action: Action) {
        let Overlay::Speakers(list) = &mut self.overlay else {
            return;
        };
        let last = list.checked.len().saturating_sub(1);
        match action {
            Action::Down | Action::LineDown => list.selected = (list.selected + 1).min(last),
            Action::Up | Action::LineUp => list.selected = list.selected.saturating_sub(1),
            Action::Toggle => {
                if let Some(c) = list.checked.get_mut(list.selected) {
                    *c = !*c;
                }
            }
            Action::ToggleAll => {
                let all = list.checked.iter().all(|&c| c);
                list.checked.iter_mut().for_each(|c| *c = !all);
            }
            Action::Confirm => {
                let hidden: Vec<bool> = list.checked.iter().map(|c| !c).collect();
                self.overlay = Overlay::None;
                if let Some(r) = self.reader.as_mut() {
                    r.hidden = hidden;
                }
                self.relayout();
                // Matches in collapsed turns drop out; the search stays.
                let height = self.body_height();
                if let Some(r) = self.reader.as_mut()
                    && let Some(query) = r.search.as_ref().map(|s| s.query.clone())
                    && let Some(d) = self.docs.get(r.doc)
                {
                    self.message = r.run_search(&d.transcript, query, height);
                }
            }
            Action::Cancel | Action::Back => self.overlay = Overlay::None,
            _ => {}
        }
    }
}

/// Turns per speaker: units that open a turn on either side.
pub(super) fn turn_counts(t: &Transcript, alignment: &Alignment) -> Vec<usize> {
    let mut counts = vec![0; t.speakers.len()];
    for unit in &alignment.units {
        if let Some(s) = unit.speaker.filter(|_| layout::starts_turn(t, unit))
            && let Some(n) = counts.get_mut(s)
        {
            *n += 1;
        }
    }
    counts
}

impl Reader {
    /// Whether `unit` is in a turn the filter collapses.
    pub(super) fn is_hidden(&self, unit: usize) -> bool {
        self.alignment
            .units
            .get(unit)
            .and_then(|u| u.speaker)
            .is_some_and(|s| self.hidden.get(s) == Some(&true))
    }
}
