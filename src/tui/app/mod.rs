//! The reader's state and the one place it changes: `App::update(Action)`, which returns the
//! [`Effect`]s the event loop must perform.
//!
//! No terminal code here: keys become [`Action`]s in `keys.rs`, the screen is drawn from an
//! `&App` in `render.rs`, and tests drive the App with actions alone. Each feature keeps its
//! state and its part of `update` in a module of its own.

mod find;
mod library;
mod picker;
mod reader;
mod search;
mod speakers;
mod viewport;

use crate::align::Alignment;
use crate::find::LibraryIndex;
use crate::library::Document;
use crate::model::Transcript;
pub use find::Finder;
pub use library::LibraryList;
pub use picker::Picker;
pub use reader::{BACKGROUND_ALIGN, GUTTER, IndexJob, Indexes, MIN_COLUMNS_WIDTH, Reader, View};
pub use search::Search;
pub use speakers::SpeakerList;
pub use viewport::Viewport;

/// Below this size the reader shows a message instead of text.
pub const MIN_SIZE: (u16, u16) = (40, 10);
/// Rows taken by the header and the status line.
const CHROME_ROWS: u16 = 2;

/// Everything that changes the reader: keys, mouse and resizes all become one of these, and so
/// does the alignment of a long document arriving from the background.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    LineDown,
    LineUp,
    HalfPageDown,
    HalfPageUp,
    PageDown,
    PageUp,
    Top,
    Bottom,
    NextUnit,
    PrevUnit,
    NextTurn,
    PrevTurn,
    SwapPanes,
    CycleLayout,
    SwitchLanguage,
    ToggleMouse,
    Help,
    SpeakerFilter,
    TopicPicker,
    Search,
    NextMatch,
    PrevMatch,
    /// `q`: close the document (back to the library) or quit.
    Back,
    Quit,
    /// Esc: close an overlay, cancel input, clear the search.
    Cancel,
    /// Enter: open, apply, jump.
    Confirm,
    /// Space in a checklist.
    Toggle,
    /// `a` in the speaker list: all or none.
    ToggleAll,
    /// Up and down in a list.
    Up,
    Down,
    Input(char),
    Backspace,
    /// Mouse wheel, in rows.
    Scroll(i16),
    Resize(u16, u16),
    /// The whole alignment of a document (by index) opened with only [`crate::align::opening`].
    Aligned(usize, Box<Alignment>),
    /// Aligning the whole of that document failed: the reader keeps its opening.
    AlignFailed(usize),
    /// The search and topic indexes of a document (by index), built in the background.
    Indexed(usize, Box<Indexes>),
    /// `f` in the library: search every transcript.
    FindInLibrary,
    /// Every transcript of the library aligned and indexed, in the background.
    LibraryIndexed(Box<LibraryIndex>),
}

/// What the event loop must do after an update: whatever needs the terminal, a thread or the
/// file system.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Align document `doc` whole on another thread and send [`Action::Aligned`] (or
    /// [`Action::AlignFailed`]); the reader shows its opening meanwhile.
    Align(usize),
    /// Build the search and topic indexes of document `doc` over the reader's whole alignment
    /// on another thread ([`App::index_job`]) and send [`Action::Indexed`].
    Index(usize),
    /// Align and index every document on another thread ([`App::library_job`]) and send
    /// [`Action::LibraryIndexed`].
    IndexLibrary,
    /// Turn mouse capture on or off.
    Mouse(bool),
}

/// Which key table applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    Library,
    /// Typing the library's filter.
    LibraryFilter,
    Reader,
    Help,
    Speakers,
    Picker,
    /// Typing a search query.
    Search,
    /// Searching every transcript from the library.
    Find,
}

/// A popup over the reader or library, or the search input on the status line.
#[derive(Debug, Clone)]
pub enum Overlay {
    None,
    Help,
    Speakers(SpeakerList),
    Picker(Picker),
    /// The search query being typed.
    Search(String),
    /// The search across the library: its query and hits.
    Find(Finder),
}

/// The whole state of the reader.
pub struct App {
    pub docs: Vec<Document>,
    /// Whether `q` in a document goes back to a library list.
    pub has_library: bool,
    pub library: LibraryList,
    pub reader: Option<Reader>,
    pub overlay: Overlay,
    pub size: (u16, u16),
    pub mouse: bool,
    /// False when NO_COLOR is set: styles use modifiers only.
    pub color: bool,
    /// A one-off note for the status line, cleared by the next action.
    pub message: Option<String>,
    pub quit: bool,
    /// Every document aligned and indexed for searching the library: built the first time it
    /// is searched.
    pub library_index: Option<LibraryIndex>,
}

impl App {
    /// A single document opens straight into the reader; otherwise (or when `library`) the list
    /// shows first. Returns the effects opening the document asks for.
    pub fn new(docs: Vec<Document>, library: bool, size: (u16, u16), color: bool) -> (App, Vec<Effect>) {
        let mut app = App {
            has_library: library || docs.len() != 1,
            docs,
            library: LibraryList::default(),
            reader: None,
            overlay: Overlay::None,
            size,
            mouse: false,
            color,
            message: None,
            quit: false,
            library_index: None,
        };
        app.filter_library();
        let effects = if app.has_library { Vec::new() } else { app.open(0) };
        (app, effects)
    }

    pub fn mode(&self) -> Mode {
        match (&self.overlay, &self.reader) {
            (Overlay::Help, _) => Mode::Help,
            (Overlay::Speakers(_), _) => Mode::Speakers,
            (Overlay::Picker(_), _) => Mode::Picker,
            (Overlay::Search(_), _) => Mode::Search,
            (Overlay::Find(_), _) => Mode::Find,
            (Overlay::None, Some(_)) => Mode::Reader,
            (Overlay::None, None) if self.library.typing => Mode::LibraryFilter,
            (Overlay::None, None) => Mode::Library,
        }
    }

    pub fn transcript(&self) -> Option<&Transcript> {
        Some(&self.docs.get(self.reader.as_ref()?.doc)?.transcript)
    }

    /// Rows available for text.
    pub fn body_height(&self) -> usize {
        usize::from(self.size.1.saturating_sub(CHROME_ROWS)).max(1)
    }

    pub fn too_small(&self) -> bool {
        self.size.0 < MIN_SIZE.0 || self.size.1 < MIN_SIZE.1
    }

    /// Applies `action` and returns what the event loop must do about it.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        self.message = None;
        match action {
            Action::Aligned(doc, alignment) => return self.aligned(doc, *alignment),
            Action::Indexed(doc, indexes) => self.indexed(doc, *indexes),
            Action::LibraryIndexed(index) => self.library_indexed(*index),
            Action::AlignFailed(doc) => {
                if let Some(r) = self.reader.as_mut().filter(|r| r.doc == doc && r.aligning) {
                    r.aligning = false;
                    self.message =
                        Some("Could not align the whole document: this is its opening only".into());
                    // Search and topics make do with the opening.
                    return vec![Effect::Index(doc)];
                }
            }
            Action::Resize(w, h) => {
                self.size = (w, h);
                self.relayout();
            }
            Action::Quit => self.quit = true,
            _ => {
                return match self.mode() {
                    Mode::Library | Mode::LibraryFilter => self.update_library(action),
                    Mode::Reader => self.update_reader(action),
                    Mode::Help => {
                        if matches!(
                            action,
                            Action::Cancel | Action::Help | Action::Back | Action::Confirm
                        ) {
                            self.overlay = Overlay::None;
                        }
                        Vec::new()
                    }
                    Mode::Speakers => {
                        self.update_speakers(action);
                        Vec::new()
                    }
                    Mode::Picker => {
                        self.update_picker(action);
                        Vec::new()
                    }
                    Mode::Search => {
                        self.update_search_input(action);
                        Vec::new()
                    }
                    Mode::Find => self.update_find(action),
                };
            }
        }
        Vec::new()
    }
}
