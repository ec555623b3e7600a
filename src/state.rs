//! What the reader remembers between runs, as less and vim do: for each document its last
//! place, its marks and how far it was read; and the preferences that hold for all documents.
//!
//! Kept as JSON in one file of the state folder, the most recently read documents first and at
//! most [`MAX_DOCS`] of them. A document is known by its text, not its path, so a renamed or
//! moved file keeps its place. A missing file is a first run; an unreadable or damaged one is
//! ignored with a note. Nothing here prints: notes go back to the caller.

use crate::error::shown;
use crate::model::{Lang, Transcript};
use crate::store::{self, Fnv};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

/// How many documents are remembered; the least recently read is forgotten first.
pub const MAX_DOCS: usize = 200;
/// The file's name in the state folder.
const FILE: &str = "state.json";
/// The file's layout; a file of another is ignored rather than misread.
const FORMAT: u32 = 1;

/// A document, known by the text of its versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub struct DocId(u64);

impl DocId {
    /// The hash of every text of both versions (metadata and paragraphs), language by language.
    /// Not of the file's bytes: the same text in another encoding or with other line ends is
    /// the same document.
    pub fn of(t: &Transcript) -> DocId {
        let mut h = Fnv::default();
        for lang in Lang::BOTH {
            h.add(lang.code().as_bytes());
            let Some(v) = t.version(lang) else { continue };
            let m = &v.meta;
            for text in [&m.title, &m.date, &m.place, &m.source] {
                h.add(text.as_deref().unwrap_or_default().as_bytes());
                h.add(b"\0");
            }
            for (_, p) in v.paragraphs() {
                h.add(p.text.as_bytes());
                h.add(b"\n");
            }
        }
        DocId(h.finish())
    }
}

impl fmt::Display for DocId {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{:016x}", self.0)
    }
}

impl From<DocId> for String {
    fn from(id: DocId) -> String {
        id.to_string()
    }
}

impl TryFrom<String> for DocId {
    type Error = std::num::ParseIntError;
    fn try_from(s: String) -> Result<DocId, Self::Error> {
        u64::from_str_radix(&s, 16).map(DocId)
    }
}

/// A place in an aligned document: a unit, and the sentence under the cursor when there is one
/// (its side, and its index among the unit's sentences of that side: the numbering of
/// `align::Link` and `Unit::sentences`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    /// The unit's index in the alignment.
    pub unit: usize,
    pub sentence: Option<(Lang, usize)>,
}

/// What is remembered of one document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Memory {
    /// Where the reader was when it left the document.
    pub place: Option<Place>,
    /// `m` + letter: the letter's place.
    pub marks: BTreeMap<char, Place>,
    /// How far it was read, in percent.
    pub percent: u8,
}

/// What holds for every document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// The language study mode hides, once the learner has chosen.
    pub study_hidden: Option<Lang>,
}

/// The state file's content.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
struct Saved {
    format: u32,
    prefs: Prefs,
    /// Most recently read first.
    documents: Vec<Entry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Entry {
    id: DocId,
    #[serde(flatten)]
    doc: Memory,
}

/// The remembered state, as loaded and then changed by this reader.
#[derive(Debug, Clone, Default)]
pub struct State {
    saved: Saved,
    /// What this reader changed, most recent first: saving applies just these to the file as it
    /// is then, so two readers open at once do not undo each other's changes.
    changed: Vec<DocId>,
    prefs_changed: bool,
}

impl State {
    /// The state kept in the folder `dir`; empty, with a note saying why, if it cannot be read.
    pub fn load(dir: &Path) -> (State, Option<String>) {
        let (saved, note) = match read(&dir.join(FILE)) {
            Ok(saved) => (saved, None),
            Err(note) => (Saved::default(), Some(note)),
        };
        let state = State {
            saved,
            ..State::default()
        };
        (state, note)
    }

    pub fn doc(&self, id: DocId) -> Option<&Memory> {
        self.saved.documents.iter().find(|e| e.id == id).map(|e| &e.doc)
    }

    /// Remembers `doc` for document `id`, which becomes the most recently read.
    pub fn set_doc(&mut self, id: DocId, doc: Memory) {
        let docs = &mut self.saved.documents;
        docs.retain(|e| e.id != id);
        docs.insert(0, Entry { id, doc });
        docs.truncate(MAX_DOCS);
        self.changed.retain(|&c| c != id);
        self.changed.insert(0, id);
    }

    pub fn prefs(&self) -> &Prefs {
        &self.saved.prefs
    }

    pub fn set_prefs(&mut self, prefs: Prefs) {
        self.saved.prefs = prefs;
        self.prefs_changed = true;
    }

    /// Writes what this reader changed into the state file of the folder `dir`, atomically.
    /// What the file holds besides (another reader's documents, a damaged file's nothing) is
    /// read again first and kept.
    pub fn save(&self, dir: &Path) -> Result<(), String> {
        let path = dir.join(FILE);
        let mut saved = read(&path).unwrap_or_default();
        if self.prefs_changed {
            saved.prefs = self.prefs().clone();
        }
        let ours: Vec<Entry> = self
            .changed
            .iter()
            .filter_map(|&id| {
                Some(Entry {
                    id,
                    doc: self.doc(id)?.clone(),
                })
            })
            .collect();
        saved.documents.retain(|e| !self.changed.contains(&e.id));
        saved.documents.splice(0..0, ours);
        saved.documents.truncate(MAX_DOCS);
        saved.format = FORMAT;
        let json = serde_json::to_vec(&saved).map_err(|e| note(&path, &e.to_string()))?;
        store::write_atomic(&path, &json).map_err(|e| note(&path, &format!("not saved: {e}")))
    }
}

/// The state file at `path`; a missing one is empty.
fn read(path: &Path) -> Result<Saved, String> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Saved::default()),
        Err(e) => return Err(note(path, &e.to_string())),
    };
    let saved: Saved = serde_json::from_slice(&bytes).map_err(|e| note(path, &format!("damaged ({e})")))?;
    if saved.format != FORMAT {
        return Err(note(path, "written by another version of stenogram"));
    }
    Ok(saved)
}

fn note(path: &Path, what: &str) -> String {
    format!(
        "state file {}: {what}; places and marks start afresh",
        shown(path)
    )
}

/// Where [`State::load`] and [`State::save`] keep the file in `dir`, for messages and tests.
pub fn file(dir: &Path) -> PathBuf {
    dir.join(FILE)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(unit: usize) -> Place {
        Place {
            unit,
            sentence: Some((Lang::Ru, 2)),
        }
    }

    fn doc(unit: usize) -> Memory {
        Memory {
            place: Some(place(unit)),
            marks: BTreeMap::from([
                ('a', place(unit + 1)),
                (
                    'b',
                    Place {
                        unit: 0,
                        sentence: None,
                    },
                ),
            ]),
            percent: 40,
        }
    }

    #[test]
    fn places_marks_and_prefs_survive_a_save() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut state = State::default();
        state.set_doc(DocId(1), doc(5));
        state.set_prefs(Prefs {
            study_hidden: Some(Lang::En),
        });
        state.save(dir.path()).expect("saved");
        let (back, note) = State::load(dir.path());
        assert_eq!(note, None);
        assert_eq!(back.doc(DocId(1)), Some(&doc(5)));
        assert_eq!(back.doc(DocId(2)), None);
        assert_eq!(back.prefs().study_hidden, Some(Lang::En));
    }

    #[test]
    fn two_readers_keep_each_others_documents() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (mut one, _) = State::load(dir.path());
        let (mut two, _) = State::load(dir.path());
        one.set_doc(DocId(1), doc(1));
        two.set_doc(DocId(2), doc(2));
        two.set_prefs(Prefs {
            study_hidden: Some(Lang::Ru),
        });
        two.save(dir.path()).expect("saved");
        one.save(dir.path()).expect("saved");
        let (back, _) = State::load(dir.path());
        assert_eq!(back.doc(DocId(1)), Some(&doc(1)));
        assert_eq!(back.doc(DocId(2)), Some(&doc(2)));
        // `one` never changed the preferences, so it did not put its old ones back.
        assert_eq!(back.prefs().study_hidden, Some(Lang::Ru));
    }

    #[test]
    fn only_the_most_recent_documents_are_kept() {
        let mut state = State::default();
        for k in 0..MAX_DOCS as u64 + 10 {
            state.set_doc(DocId(k), doc(0));
        }
        // Reading an old one again makes it the most recent.
        state.set_doc(DocId(15), doc(3));
        assert_eq!(state.saved.documents.len(), MAX_DOCS);
        assert_eq!(state.saved.documents[0].id, DocId(15));
        assert!(state.doc(DocId(9)).is_none());
        assert!(state.doc(DocId(10 + MAX_DOCS as u64 - 1)).is_some());
    }

    #[test]
    fn a_file_of_another_format_is_a_note() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(file(dir.path()), r#"{"format":99,"prefs":{},"documents":[]}"#).expect("write");
        let (state, note) = State::load(dir.path());
        assert!(note.is_some_and(|n| n.contains("another version")));
        assert_eq!(state.doc(DocId(0)), None);
    }

    #[test]
    fn the_id_is_the_text_not_where_it_came_from() {
        let parse = |text: &str| crate::ingest::parse(text).transcript;
        let a = parse("Moscow, 13 March 2025\nPresident Putin spoke.\n\nПутин выступил.\n");
        let b = parse("Moscow, 13 March 2025\r\nPresident Putin spoke.\r\n\r\nПутин выступил.\r\n");
        let c = parse("Moscow, 13 March 2025\nPresident Putin spoke.\n\nПутин не выступил.\n");
        assert_eq!(DocId::of(&a), DocId::of(&b));
        assert_ne!(DocId::of(&a), DocId::of(&c));
        let id = DocId::of(&a);
        assert_eq!(DocId::try_from(id.to_string()), Ok(id));
    }
}
