//! What the reader keeps on disk between runs: each document's place and marks and the study
//! preference (the state folder), and whole alignments (the cache folder). Nothing here is
//! needed to read: a folder that is missing, unreadable or damaged costs a one-line note.

use crate::library::Document;
use crate::model::Lang;
use crate::state::{DocId, Memory, Prefs, State};
use crate::store::Dirs;
use std::path::PathBuf;

pub struct Persist {
    dirs: Dirs,
    state: State,
    /// Each document's identity, by index as the reader's `docs`.
    ids: Vec<DocId>,
}

impl Persist {
    /// The state for `docs` in the folders the environment names, and a note if it could not
    /// be read.
    pub fn load(docs: &[Document]) -> (Persist, Option<String>) {
        let dirs = Dirs::from_env();
        let (state, note) = match &dirs.state {
            Some(dir) => State::load(dir),
            None => (State::default(), None),
        };
        let ids = docs.iter().map(Document::id).collect();
        (Persist { dirs, state, ids }, note)
    }

    /// What each document remembers, by index.
    pub fn memories(&self) -> Vec<Option<Memory>> {
        self.ids.iter().map(|&id| self.state.doc(id).cloned()).collect()
    }

    pub fn study_hidden(&self) -> Option<Lang> {
        self.state.prefs().study_hidden
    }

    /// Keeps what document `doc` remembers and the study preference; a note if saving failed.
    /// Nothing new (quitting right after closing a document, say) writes nothing.
    pub fn save(&mut self, doc: Option<(usize, Memory)>, study_hidden: Option<Lang>) -> Option<String> {
        let mut changed = false;
        if let Some((doc, memory)) = doc
            && let Some(&id) = self.ids.get(doc)
            && self.state.doc(id) != Some(&memory)
        {
            self.state.set_doc(id, memory);
            changed = true;
        }
        if study_hidden != self.study_hidden() {
            self.state.set_prefs(Prefs { study_hidden });
            changed = true;
        }
        if !changed {
            return None;
        }
        self.state.save(self.dirs.state.as_ref()?).err()
    }

    pub fn cache_dir(&self) -> Option<PathBuf> {
        self.dirs.cache.clone()
    }
}
