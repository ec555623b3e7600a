//! Remembering, as less and vim do: marks (`m` + letter, `'` + letter), the jump list (`''`
//! and Ctrl-o go back to where the last jump started), and what a document keeps between runs.

use super::reader::open_doc;
use super::{Action, App, Effect, Overlay, Reader};
use crate::model::Transcript;
use crate::state::{Memory, Place};
use std::collections::BTreeMap;

/// The jump list keeps this many places.
const JUMPS: usize = 100;

/// What follows `m` or `'`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkKey {
    Set,
    Go,
}

/// One document's marks and jump list.
#[derive(Debug, Clone, Default)]
pub struct Marks {
    pub letters: BTreeMap<char, Place>,
    /// Where jumps started, latest last.
    jumps: Vec<Place>,
}

impl Marks {
    pub fn record_jump(&mut self, from: Place) {
        if self.jumps.last() != Some(&from) {
            if self.jumps.len() == JUMPS {
                self.jumps.remove(0);
            }
            self.jumps.push(from);
        }
    }
}

impl App {
    pub(super) fn update_marks(&mut self, key: MarkKey, action: Action) -> Vec<Effect> {
        self.overlay = Overlay::None;
        let c = match action {
            Action::Input(c) => c,
            _ => return Vec::new(),
        };
        let height = self.body_height();
        let Some((r, t)) = open_doc(&mut self.reader, &self.docs) else {
            return Vec::new();
        };
        let here = r.place();
        match key {
            MarkKey::Set if c.is_ascii_alphabetic() => {
                r.marks.letters.insert(c, here);
                self.message = Some(format!("Mark {c} set: ' {c} returns here"));
            }
            MarkKey::Set => self.message = Some("A mark is a letter: m then a–z".into()),
            // `''`: back to where the last jump started, which becomes a jump itself.
            MarkKey::Go if c == '\'' => match r.marks.jumps.pop() {
                Some(back) => {
                    r.go(t, back, height);
                    r.marks.jumps.push(here);
                }
                None => self.message = Some("No jump to go back to".into()),
            },
            MarkKey::Go => match r.marks.letters.get(&c).copied() {
                Some(place) => {
                    r.go(t, place, height);
                    r.marks.record_jump(here);
                }
                None => self.message = Some(format!("No mark {c}: m {c} sets it")),
            },
        }
        Vec::new()
    }

    /// Ctrl-o: back along the jump list.
    pub(super) fn jump_back(&mut self) {
        let height = self.body_height();
        let Some((r, t)) = open_doc(&mut self.reader, &self.docs) else {
            return;
        };
        match r.marks.jumps.pop() {
            Some(back) => r.go(t, back, height),
            None => self.message = Some("At the start of the jump list".into()),
        }
    }

    /// What the open document should remember, to be saved by the loop.
    pub fn memory(&self) -> Option<(usize, Memory)> {
        let r = self.reader.as_ref()?;
        // Until the whole is aligned, unit numbers are the opening's: nothing worth keeping.
        if r.aligning {
            return None;
        }
        let percent = r.viewport.percent(&r.layout, self.body_height()) as u8;
        Some((
            r.doc,
            Memory {
                place: Some(r.place()),
                marks: r.marks.letters.clone(),
                percent,
            },
        ))
    }
}

impl Reader {
    /// Goes to `place`: its unit in view, and its sentence under the cursor if it has one.
    pub(super) fn go(&mut self, t: &Transcript, place: Place, height: usize) {
        let Some(stop) = self.layout.stop_at(place.unit) else {
            return;
        };
        match place.sentence {
            Some((lang, _)) => {
                self.viewport.cursor = stop;
                self.sentence = Some(place);
                self.step_sentence(t, lang, 0, height);
            }
            None => {
                self.sentence = None;
                self.goto(stop, height);
            }
        }
    }
}
