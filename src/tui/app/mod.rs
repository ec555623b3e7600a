//! The reader's state and the one place it changes: `App::update(Action)`, which returns the
//! [`Effect`]s the event loop must perform.
//!
//! No terminal code here: keys become [`Action`]s in `keys.rs`, the screen is drawn from an
//! `&App` in `render.rs`, and tests drive the App with actions alone. Each feature keeps its
//! state and its part of `update` in a module of its own.

mod find;
mod library;
mod marks;
mod picker;
mod reader;
mod search;
mod speakers;
mod study;
mod viewport;

use crate::align::Alignment;
use crate::find::LibraryIndex;
use crate::library::Document;
use crate::model::Transcript;
use crate::state::{Memory, Place};
pub use find::Finder;
pub use library::LibraryList;
pub use marks::{MarkKey, Marks};
pub use picker::Picker;
pub use reader::{BACKGROUND_ALIGN, GUTTER, IndexJob, Indexes, MIN_COLUMNS_WIDTH, Reader, View};
pub use search::Search;
pub use speakers::SpeakerList;
pub use study::{Pair, Spot, Study};
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
    /// `)` `(`: the sentence cursor.
    NextSentence,
    PrevSentence,
    /// Study mode: hide one language, then the other, then neither.
    StudyMode,
    /// Show the counterpart of the sentence under the cursor until the cursor moves.
    Reveal,
    /// `y`: the sentence pair to the clipboard (again: the passage); `Y`: the passage.
    Copy,
    CopyPassage,
    /// `m`: the next letter sets a mark.
    SetMark,
    /// `'`: the next letter goes to a mark, `'` to where the last jump started.
    GoToMark,
    /// Ctrl-o: back along the jump list.
    JumpBack,
    /// `q`: close the document (back to the library) or quit.
    Back,
    Quit,
    /// Ctrl-Z: hand the terminal back to the shell until the job is continued (`fg`).
    Suspend,
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
    /// Lay out the whole document, once a first frame laid out only around its place
    /// ([`App::resuming`]) is drawn.
    LayOut,
}

/// What the event loop must do after an update: whatever needs the terminal, a thread or the
/// file system.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Align document `doc` whole and keep it in the cache (on another thread when
    /// `background`, the reader showing its opening meanwhile) and send
    /// [`Action::Aligned`] (or [`Action::AlignFailed`]).
    Align { doc: usize, background: bool },
    /// Build the search and topic indexes of document `doc` over the reader's whole alignment
    /// on another thread ([`App::index_job`]) and send [`Action::Indexed`].
    Index(usize),
    /// Align and index every document on another thread ([`App::library_job`]) and send
    /// [`Action::LibraryIndexed`].
    IndexLibrary,
    /// Turn mouse capture on or off.
    Mouse(bool),
    /// Put this text on the clipboard (OSC 52, which works over SSH and inside tmux).
    Copy(String),
    /// Save what document `doc` remembers (its place, marks, how far it was read).
    Remember(usize, Memory),
    /// Stop the process, the terminal restored, until it is continued.
    Suspend,
}

impl Effect {
    /// Whether it only starts work on another thread, which can wait until a frame is drawn.
    pub fn is_background(&self) -> bool {
        matches!(
            self,
            Effect::Align { background: true, .. } | Effect::Index(_) | Effect::IndexLibrary
        )
    }
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
    /// After `m` or `'`: waiting for the mark's letter.
    Mark,
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
    /// `m` or `'` pressed, its letter to come.
    Mark(MarkKey),
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
    pub study: Study,
    /// What each document (by index) remembered from earlier runs or when it was closed.
    pub memory: Vec<Option<Memory>>,
    /// Where the last `y` copied a sentence pair: `y` there again copies the passage.
    last_copy: Option<Place>,
    /// Every document aligned and indexed for searching the library: built the first time it
    /// is searched.
    pub library_index: Option<LibraryIndex>,
}

impl App {
    /// A single document opens straight into the reader; otherwise (or when `library`) the list
    /// shows first. Returns the effects opening the document asks for.
    pub fn new(docs: Vec<Document>, library: bool, size: (u16, u16), color: bool) -> (App, Vec<Effect>) {
        Self::starting(docs, library, size, color, Vec::new(), true)
    }

    /// As [`App::new`], with what each document remembered from earlier runs (by index, as
    /// `docs`). A document opened now goes to its place laid out only
    /// around it, which is quicker to a first frame: [`Action::LayOut`] lays out the rest.
    pub fn resuming(
        docs: Vec<Document>,
        library: bool,
        size: (u16, u16),
        color: bool,
        memory: Vec<Option<Memory>>,
    ) -> (App, Vec<Effect>) {
        Self::starting(docs, library, size, color, memory, false)
    }

    fn starting(
        docs: Vec<Document>,
        library: bool,
        size: (u16, u16),
        color: bool,
        memory: Vec<Option<Memory>>,
        lay_out_whole: bool,
    ) -> (App, Vec<Effect>) {
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
            study: Study::default(),
            memory,
            last_copy: None,
            library_index: None,
        };
        app.filter_library();
        let effects = match (app.has_library, lay_out_whole) {
            (true, _) => Vec::new(),
            (false, true) => app.open(0),
            (false, false) => app.open_for_first_frame(0),
        };
        (app, effects)
    }

    pub fn mode(&self) -> Mode {
        match (&self.overlay, &self.reader) {
            (Overlay::Help, _) => Mode::Help,
            (Overlay::Speakers(_), _) => Mode::Speakers,
            (Overlay::Picker(_), _) => Mode::Picker,
            (Overlay::Search(_), _) => Mode::Search,
            (Overlay::Mark(_), _) => Mode::Mark,
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
        // A note stays until the reader does something: work finishing in the background or
        // a resize does not wipe what the last key said.
        let background = matches!(
            action,
            Action::Aligned(..)
                | Action::Indexed(..)
                | Action::LibraryIndexed(..)
                | Action::AlignFailed(..)
                | Action::Resize(..)
                | Action::LayOut
        );
        let waited =
            matches!(action, Action::Indexed(..)) && self.message.as_deref() == Some(reader::STILL_INDEXING);
        if !background || waited {
            self.message = None;
        }
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
            Action::LayOut => self.relayout(),
            Action::Quit => {
                self.quit = true;
                return self.remember();
            }
            Action::Suspend => return vec![Effect::Suspend],
            _ => {
                let mode = self.mode();
                let before = self.reader.as_ref().map(|r| (r.place(), r.viewport.scroll));
                let effects = self.dispatch(mode, action.clone());
                let found = match mode {
                    Mode::Search | Mode::Picker => action == Action::Confirm,
                    Mode::Reader => matches!(action, Action::NextMatch | Action::PrevMatch),
                    _ => false,
                };
                if found {
                    self.cursor_to_found(mode == Mode::Picker);
                }
                self.after_move(mode, &action, before);
                return effects;
            }
        }
        Vec::new()
    }

    fn dispatch(&mut self, mode: Mode, action: Action) -> Vec<Effect> {
        match mode {
            Mode::Library | Mode::LibraryFilter => return self.update_library(action),
            Mode::Reader => match action {
                Action::NextSentence
                | Action::PrevSentence
                | Action::StudyMode
                | Action::Reveal
                | Action::Copy
                | Action::CopyPassage => return self.update_study(action),
                Action::SetMark => self.overlay = Overlay::Mark(MarkKey::Set),
                Action::GoToMark => self.overlay = Overlay::Mark(MarkKey::Go),
                Action::JumpBack => self.jump_back(),
                _ => return self.update_reader(action),
            },
            Mode::Help => {
                if matches!(
                    action,
                    Action::Cancel | Action::Help | Action::Back | Action::Confirm
                ) {
                    self.overlay = Overlay::None;
                }
            }
            Mode::Speakers => self.update_speakers(action),
            Mode::Picker => self.update_picker(action),
            Mode::Search => self.update_search_input(action),
            Mode::Find => return self.update_find(action),
            Mode::Mark => {
                if let Overlay::Mark(key) = self.overlay {
                    return self.update_marks(key, action);
                }
            }
        }
        Vec::new()
    }

    /// After any action: the sentence cursor lives only inside the cursor unit, a revealed
    /// counterpart hides once the cursor moves on, and a jump that moved the view is recorded
    /// so that `''` and Ctrl-o can go back.
    fn after_move(&mut self, mode: Mode, action: &Action, before: Option<(Place, usize)>) {
        let Some(r) = self.reader.as_mut() else { return };
        if r.sentence
            .is_some_and(|s| r.layout.stop_at(s.unit) != Some(r.viewport.cursor))
        {
            r.sentence = None;
        }
        let Some((place, scroll)) = before else { return };
        if r.place() != place && *action != Action::Reveal {
            self.study.revealed = false;
        }
        let jump = match mode {
            Mode::Reader => matches!(
                action,
                Action::Top
                    | Action::Bottom
                    | Action::NextUnit
                    | Action::PrevUnit
                    | Action::NextTurn
                    | Action::PrevTurn
                    | Action::NextMatch
                    | Action::PrevMatch
            ),
            Mode::Picker | Mode::Search => *action == Action::Confirm,
            _ => false,
        };
        if jump && r.viewport.scroll != scroll {
            r.marks.record_jump(place);
        }
    }

    /// Keeps what the open document should remember and asks the loop to save it.
    fn remember(&mut self) -> Vec<Effect> {
        let Some((doc, memory)) = self.memory() else {
            return Vec::new();
        };
        if self.memory.len() <= doc {
            self.memory.resize(doc + 1, None);
        }
        self.memory[doc] = Some(memory.clone());
        vec![Effect::Remember(doc, memory)]
    }
}
