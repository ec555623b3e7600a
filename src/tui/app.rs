//! The reader's state and the one place it changes: `App::update(Action)`.
//!
//! No terminal code here: keys become [`Action`]s in `keys.rs`, the screen is drawn from an
//! `&App` in `render.rs`, and tests drive the App with actions alone.

use crate::align::{self, Alignment};
use crate::layout::{self, Arrangement, Layout, Options};
use crate::library::Document;
use crate::model::{ByLang, Lang, Transcript};
use crate::search::{Match, SearchIndex};
use crate::topics::{Hit, TermStats, TopicIndex};
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use std::collections::HashMap;

/// Below this width the two languages are stacked instead of side by side.
pub const MIN_COLUMNS_WIDTH: u16 = 100;
/// Below this size the reader shows a message instead of text.
pub const MIN_SIZE: (u16, u16) = (40, 10);
/// Columns each pane keeps left of its text: the cursor bar and the `?` mark.
pub const GUTTER: u16 = 2;
/// A document with more text than this (bytes, both languages) opens on [`align::opening`] while
/// the whole is aligned in the background: aligning takes about 0.25 s per megabyte.
pub const BACKGROUND_ALIGN: usize = 1 << 20;
/// How much of each language the opening aligns, in chars: many screens, in a few milliseconds.
const OPENING: usize = 64 << 10;
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
    /// The whole alignment of a document (by index) opened with only [`align::opening`].
    Aligned(usize, Box<Alignment>),
    /// Aligning the whole of that document failed: the reader keeps its opening.
    AlignFailed(usize),
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
}

/// How the reader arranges the two languages; `Auto` picks by width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Auto,
    Columns,
    Stacked,
    Single,
}

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

/// The speaker filter being edited.
#[derive(Debug, Clone)]
pub struct SpeakerList {
    pub checked: Vec<bool>,
    pub selected: usize,
}

/// The topic picker: a query and the topics it matches, best first.
#[derive(Debug, Clone, Default)]
pub struct Picker {
    pub query: String,
    pub hits: Vec<Hit>,
    pub selected: usize,
}

/// The picker lists this many topics at most.
const PICKER_LIMIT: usize = 50;

/// A popup over the reader or library, or the search input on the status line.
#[derive(Debug, Clone)]
pub enum Overlay {
    None,
    Help,
    Speakers(SpeakerList),
    Picker(Picker),
    /// The search query being typed.
    Search(String),
}

/// The last search: its matches outside collapsed turns, and which one the reader is on.
#[derive(Debug, Clone, Default)]
pub struct Search {
    pub query: String,
    pub matches: Vec<Match>,
    pub current: Option<usize>,
    /// Match indices by (language, block, paragraph), for highlighting.
    pub by_para: HashMap<(Lang, usize, usize), Vec<usize>>,
}

/// One open document and where the reader is in it.
#[derive(Debug)]
pub struct Reader {
    pub doc: usize,
    pub alignment: Alignment,
    /// Whether `alignment` covers only the opening, the whole being aligned in the background.
    pub aligning: bool,
    pub layout: Layout,
    /// What `layout` was built for.
    options: Options,
    /// First row shown.
    pub scroll: usize,
    /// The current unit, highlighted in both panes.
    pub cursor: usize,
    /// Left (or upper) language first.
    pub order: [Lang; 2],
    pub view: View,
    /// The language shown in the single-pane view.
    pub single: Lang,
    /// Speakers whose turns are collapsed.
    pub hidden: Vec<bool>,
    /// Turns per speaker (turn openings on either side), for the speaker list.
    pub turn_counts: Vec<usize>,
    pub search: Option<Search>,
    /// Built on the first search.
    search_index: Option<SearchIndex>,
    /// Built when the picker first opens.
    pub topics: Option<TopicIndex>,
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
}

impl App {
    /// A single document opens straight into the reader; otherwise (or when `library`) the list shows first.
    pub fn new(docs: Vec<Document>, library: bool, size: (u16, u16), color: bool) -> App {
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
        };
        app.filter_library();
        if !app.has_library {
            app.open(0);
        }
        app
    }

    pub fn mode(&self) -> Mode {
        match (&self.overlay, &self.reader) {
            (Overlay::Help, _) => Mode::Help,
            (Overlay::Speakers(_), _) => Mode::Speakers,
            (Overlay::Picker(_), _) => Mode::Picker,
            (Overlay::Search(_), _) => Mode::Search,
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

    /// The arrangement the reader uses at the current size.
    pub fn arrangement(&self) -> Option<Arrangement> {
        let r = self.reader.as_ref()?;
        let langs = self.transcript()?.langs();
        if let [only] = langs[..] {
            return Some(Arrangement::Single(only));
        }
        Some(match r.view {
            View::Auto if self.size.0 >= MIN_COLUMNS_WIDTH => Arrangement::Columns,
            View::Auto | View::Stacked => Arrangement::Stacked(r.order),
            View::Columns => Arrangement::Columns,
            View::Single => Arrangement::Single(r.single),
        })
    }

    /// Widths of the left and right panes (a one-column separator between them) in the
    /// columns arrangement.
    pub fn pane_widths(&self) -> (u16, u16) {
        let left = self.size.0.saturating_sub(1) / 2;
        (left, self.size.0.saturating_sub(1 + left))
    }

    fn layout_options(&self) -> Option<Options> {
        let r = self.reader.as_ref()?;
        let arrangement = self.arrangement()?;
        let text = |w: u16| usize::from(w.saturating_sub(GUTTER)).max(1);
        let widths = match arrangement {
            Arrangement::Columns => {
                let (left, right) = self.pane_widths();
                let mut w = ByLang::new(0, 0);
                // One blank column keeps the text off the separator.
                w[r.order[0]] = text(left.saturating_sub(1));
                w[r.order[1]] = text(right);
                w
            }
            _ => ByLang::new(text(self.size.0), text(self.size.0)),
        };
        Some(Options {
            arrangement,
            widths,
            hidden: r.hidden.clone(),
        })
    }

    /// Rebuilds the rows when the options they were laid out for changed.
    fn relayout(&mut self) {
        let Some(opts) = self.layout_options() else { return };
        let Some(r) = self.reader.as_ref() else { return };
        if opts == r.options && !r.layout.rows.is_empty() {
            return;
        }
        self.rebuild_layout(opts);
    }

    /// Lays the rows out anew for `opts`, keeping the top row in the same unit, as far into it
    /// as it still reaches, and the cursor in view.
    fn rebuild_layout(&mut self, opts: Options) {
        let height = self.body_height();
        let Some(r) = self.reader.as_mut() else { return };
        let Some(doc) = self.docs.get(r.doc) else { return };
        // How far into its unit the top row is: -1 for the blank row that precedes a unit.
        let top = r.layout.rows.get(r.scroll).and_then(|row| {
            let start = *r.layout.unit_row.get(row.unit)?;
            Some((row.unit, r.scroll as isize - start as isize))
        });
        r.layout = Layout::build(&doc.transcript, &r.alignment, &opts);
        r.options = opts;
        // A filter may hide the cursor's unit: it then sits on its collapsed run.
        r.cursor = r.layout.stop_at(r.cursor).unwrap_or(0);
        let rows = &r.layout.unit_row;
        r.scroll = top
            .and_then(|(u, into)| {
                let (start, end) = (
                    *rows.get(u)?,
                    rows.get(u + 1).copied().unwrap_or(r.layout.rows.len()),
                );
                let last = end.saturating_sub(start + 1) as isize;
                Some(start.saturating_add_signed(into.min(last)))
            })
            .unwrap_or(0);
        r.clamp(height);
        r.reveal_cursor(height);
    }

    fn open(&mut self, doc: usize) {
        let Some(d) = self.docs.get(doc) else { return };
        let t = &d.transcript;
        let text: usize = Lang::BOTH
            .iter()
            .filter_map(|&l| t.version(l))
            .flat_map(|v| v.paragraphs())
            .map(|(_, p)| p.text.len())
            .sum();
        let aligning = text > BACKGROUND_ALIGN;
        let alignment = if aligning {
            align::opening(t, OPENING)
        } else {
            align::align(t)
        };
        let turn_counts = turn_counts(t, &alignment);
        let single = t.langs().first().copied().unwrap_or(Lang::Ru);
        self.reader = Some(Reader {
            doc,
            alignment,
            aligning,
            layout: Layout::default(),
            options: Options {
                arrangement: Arrangement::Columns,
                widths: ByLang::default(),
                hidden: Vec::new(),
            },
            scroll: 0,
            cursor: 0,
            order: [Lang::Ru, Lang::En],
            view: View::Auto,
            single,
            hidden: vec![false; t.speakers.len()],
            turn_counts,
            search: None,
            search_index: None,
            topics: None,
        });
        self.relayout();
    }

    /// The document the reader shows on its opening alone, which wants [`Action::Aligned`].
    pub fn aligning(&self) -> Option<usize> {
        self.reader.as_ref().filter(|r| r.aligning).map(|r| r.doc)
    }

    /// Puts the whole alignment of `doc` in place of its opening. The opening's units are the
    /// whole's first ones, so the screen stays where it was.
    fn aligned(&mut self, doc: usize, alignment: Alignment) {
        let Some(opts) = self.layout_options() else { return };
        let (Some(r), Some(d)) = (self.reader.as_mut(), self.docs.get(doc)) else {
            return;
        };
        if r.doc != doc || !r.aligning {
            return;
        }
        r.turn_counts = turn_counts(&d.transcript, &alignment);
        r.alignment = alignment;
        r.aligning = false;
        self.rebuild_layout(opts);
    }

    pub fn update(&mut self, action: Action) {
        self.message = None;
        match action {
            Action::Aligned(doc, alignment) => return self.aligned(doc, *alignment),
            Action::AlignFailed(doc) => {
                if let Some(r) = self.reader.as_mut().filter(|r| r.doc == doc && r.aligning) {
                    r.aligning = false;
                    self.message =
                        Some("Could not align the whole document: this is its opening only".into());
                }
                return;
            }
            _ => {}
        }
        if let Action::Resize(w, h) = action {
            self.size = (w, h);
            self.relayout();
            return;
        }
        if matches!(action, Action::Quit) {
            self.quit = true;
            return;
        }
        match self.mode() {
            Mode::Library | Mode::LibraryFilter => self.update_library(action),
            Mode::Reader => self.update_reader(action),
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
        }
    }

    fn update_library(&mut self, action: Action) {
        let lib = &mut self.library;
        let last = lib.matches.len().saturating_sub(1);
        match action {
            Action::Down | Action::LineDown => lib.selected = (lib.selected + 1).min(last),
            Action::Up | Action::LineUp => lib.selected = lib.selected.saturating_sub(1),
            Action::Top => lib.selected = 0,
            Action::Bottom => lib.selected = last,
            Action::Search => lib.typing = true,
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
                    self.open(doc);
                }
            }
            Action::Back | Action::Cancel => self.quit = true,
            _ => {}
        }
    }

    fn filter_library(&mut self) {
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

    fn update_reader(&mut self, action: Action) {
        let height = self.body_height();
        let bilingual = self.transcript().is_some_and(|t| t.langs().len() == 2);
        let Some(r) = self.reader.as_mut() else { return };
        if r.aligning
            && matches!(
                action,
                Action::SpeakerFilter | Action::TopicPicker | Action::Search
            )
        {
            self.message = Some("Still aligning the whole document: a moment".into());
            return;
        }
        let half = (height / 2).max(1) as isize;
        let page = height.saturating_sub(1).max(1) as isize;
        match action {
            Action::LineDown | Action::Down => r.scroll_by(1, height),
            Action::LineUp | Action::Up => r.scroll_by(-1, height),
            Action::HalfPageDown => r.scroll_by(half, height),
            Action::HalfPageUp => r.scroll_by(-half, height),
            Action::PageDown => r.scroll_by(page, height),
            Action::PageUp => r.scroll_by(-page, height),
            Action::Scroll(n) => r.scroll_by(isize::from(n), height),
            Action::Top => {
                r.scroll = 0;
                r.cursor = r.layout.stops.first().copied().unwrap_or(0);
            }
            Action::Bottom => {
                r.scroll = r.max_scroll(height);
                r.cursor = r.layout.stops.last().copied().unwrap_or(0);
            }
            Action::NextUnit => r.step(1, false, height),
            Action::PrevUnit => r.step(-1, false, height),
            Action::NextTurn => r.step(1, true, height),
            Action::PrevTurn => r.step(-1, true, height),
            Action::SwapPanes => r.order.reverse(),
            Action::CycleLayout | Action::SwitchLanguage if !bilingual => {
                self.message = Some("This document has one language".into());
            }
            Action::CycleLayout => {
                r.view = match r.view {
                    View::Auto => View::Columns,
                    View::Columns => View::Stacked,
                    View::Stacked => View::Single,
                    View::Single => View::Auto,
                };
                let name = match r.view {
                    View::Auto => "automatic (side by side from 100 columns)",
                    View::Columns => "side by side",
                    View::Stacked => "stacked",
                    View::Single => "one language (Tab switches)",
                };
                self.message = Some(format!("Layout: {name}"));
            }
            Action::SwitchLanguage => {
                if r.view == View::Single {
                    r.single = r.single.other();
                } else {
                    self.message = Some("Tab switches language in the one-language layout (l)".into());
                }
            }
            Action::ToggleMouse => {
                self.mouse = !self.mouse;
                self.message = Some(if self.mouse {
                    "Mouse on: the wheel scrolls (m turns it off to select text)".into()
                } else {
                    "Mouse off: the terminal selects text".into()
                });
            }
            Action::Help => self.overlay = Overlay::Help,
            Action::SpeakerFilter => {
                if r.hidden.is_empty() {
                    self.message = Some("No speakers in this document".into());
                } else {
                    self.overlay = Overlay::Speakers(SpeakerList {
                        checked: r.hidden.iter().map(|h| !h).collect(),
                        selected: 0,
                    });
                }
            }
            Action::Search => self.overlay = Overlay::Search(String::new()),
            Action::NextMatch => self.message = r.next_match(1, height),
            Action::PrevMatch => self.message = r.next_match(-1, height),
            Action::Cancel => r.search = None,
            Action::TopicPicker => {
                if r.topics.is_none() {
                    let library: Vec<&Transcript> = self.docs.iter().map(|d| &d.transcript).collect();
                    let background = TermStats::from_library(&library);
                    if let Some(d) = self.docs.get(r.doc) {
                        r.topics = Some(TopicIndex::build(&d.transcript, &r.alignment, &background));
                    }
                }
                self.overlay = Overlay::Picker(Picker {
                    hits: r.list_topics(""),
                    ..Picker::default()
                });
            }
            Action::Back => {
                if self.has_library {
                    self.reader = None;
                } else {
                    self.quit = true;
                }
                return;
            }
            _ => {}
        }
        self.relayout();
    }

    fn update_speakers(&mut self, action: Action) {
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
                {
                    self.message = r.run_search(query, height);
                }
            }
            Action::Cancel | Action::Back => self.overlay = Overlay::None,
            _ => {}
        }
    }
}

impl App {
    fn update_search_input(&mut self, action: Action) {
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
                if let Some(r) = self.reader.as_mut() {
                    if r.search_index.is_none()
                        && let Some(d) = self.docs.get(r.doc)
                    {
                        r.search_index = Some(SearchIndex::build(&d.transcript, &r.alignment));
                    }
                    self.message = r.run_search(query, height);
                }
            }
            Action::Cancel => self.overlay = Overlay::None,
            _ => {}
        }
    }

    fn update_picker(&mut self, action: Action) {
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
                    let stop = r.layout.stop_at(unit).unwrap_or(unit);
                    r.goto(stop, height);
                }
            }
            Action::Cancel => self.overlay = Overlay::None,
            _ => {}
        }
    }
}

/// Turns per speaker: units that open a turn on either side.
fn turn_counts(t: &Transcript, alignment: &Alignment) -> Vec<usize> {
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
    /// The picker's list for `query`: with no query, the headings and questions in document order.
    fn list_topics(&self, query: &str) -> Vec<Hit> {
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
                .map(|(topic, _)| Hit {
                    topic,
                    score: 0,
                    positions: ByLang::default(),
                })
                .collect();
        }
        index.query(query, PICKER_LIMIT)
    }

    fn is_hidden(&self, unit: usize) -> bool {
        self.alignment
            .units
            .get(unit)
            .and_then(|u| u.speaker)
            .is_some_and(|s| self.hidden.get(s) == Some(&true))
    }

    /// Finds `query` outside collapsed turns and moves to the first match at or after the cursor.
    /// Returns the status message.
    fn run_search(&mut self, query: String, height: usize) -> Option<String> {
        if query.trim().is_empty() {
            self.search = None;
            return None;
        }
        let found = self
            .search_index
            .as_ref()
            .map(|index| index.find(&query))
            .unwrap_or_default();
        let matches: Vec<Match> = found.into_iter().filter(|m| !self.is_hidden(m.unit)).collect();
        let mut by_para: HashMap<(Lang, usize, usize), Vec<usize>> = HashMap::new();
        for (i, m) in matches.iter().enumerate() {
            by_para.entry((m.lang, m.block, m.para)).or_default().push(i);
        }
        let first = matches
            .iter()
            .position(|m| m.unit >= self.cursor)
            .or((!matches.is_empty()).then_some(0));
        let message = matches.is_empty().then(|| format!("Not found: {query}"));
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
    fn next_match(&mut self, dir: isize, height: usize) -> Option<String> {
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

    /// Makes match `i` current, its unit the cursor and its row visible.
    fn show_match(&mut self, i: usize, height: usize) {
        let Some(s) = self.search.as_mut() else { return };
        s.current = Some(i);
        let Some(m) = s.matches.get(i) else { return };
        let (unit, lang, para, start) = (m.unit, m.lang, (m.block, m.para), m.range.start);
        self.cursor = self.layout.stop_at(unit).unwrap_or(unit);
        let rows = self.unit_rows(self.cursor);
        let row = self
            .layout
            .rows
            .get(rows.clone())
            .unwrap_or_default()
            .iter()
            .position(|row| {
                row.cells[lang].as_ref().is_some_and(|line| {
                    line.para == Some(para)
                        && line
                            .pieces
                            .iter()
                            .any(|p| p.origin.is_some_and(|o| (o..o + p.text.len()).contains(&start)))
                })
            })
            .map_or(rows.start, |k| rows.start + k);
        if row < self.scroll || row >= self.scroll + height {
            self.scroll = row.saturating_sub(height / 3);
            self.clamp(height);
        }
    }

    pub fn max_scroll(&self, height: usize) -> usize {
        self.layout.rows.len().saturating_sub(height)
    }

    fn clamp(&mut self, height: usize) {
        self.scroll = self.scroll.min(self.max_scroll(height));
    }

    /// The rows of the cursor unit (without the blank row after it).
    pub fn cursor_rows(&self) -> std::ops::Range<usize> {
        self.unit_rows(self.cursor)
    }

    fn unit_rows(&self, unit: usize) -> std::ops::Range<usize> {
        let l = &self.layout;
        let start = l.unit_row.get(unit).copied().unwrap_or(0);
        let next = l
            .stops
            .get(l.stop_of(unit) + 1)
            .map_or(l.rows.len(), |&u| l.unit_row[u].saturating_sub(1));
        start..next.max(start + 1)
    }

    fn scroll_by(&mut self, delta: isize, height: usize) {
        self.scroll = self.scroll.saturating_add_signed(delta);
        self.clamp(height);
        // The cursor follows the text: once its unit leaves the screen it moves to the top one.
        let rows = self.cursor_rows();
        if rows.end <= self.scroll || rows.start >= self.scroll + height {
            if let Some(row) = self.layout.rows.get(self.scroll) {
                self.cursor = row.unit;
            }
        }
    }

    /// Moves the cursor to the next or previous unit (or turn) and brings it into view.
    fn step(&mut self, dir: isize, turns: bool, height: usize) {
        let l = &self.layout;
        let stops = if turns { &l.turns } else { &l.stops };
        let here = stops.partition_point(|&u| u <= self.cursor);
        // `here` counts stops at or before the cursor; the cursor may sit between turn stops.
        let target = if dir > 0 {
            stops.get(here).copied()
        } else {
            let at = here
                .checked_sub(1)
                .filter(|&i| stops[i] < self.cursor)
                .or(here.checked_sub(2));
            at.and_then(|i| stops.get(i).copied())
        };
        if let Some(u) = target {
            self.goto(u, height);
        }
    }

    /// Makes `unit` the cursor; scrolls it to the top when it is not wholly on screen.
    pub fn goto(&mut self, unit: usize, height: usize) {
        self.cursor = unit;
        let rows = self.cursor_rows();
        if rows.start < self.scroll || rows.end > self.scroll + height {
            self.scroll = rows.start;
        }
        self.clamp(height);
    }

    /// After a relayout, moves the view to the cursor unit's first row unless some of it is on screen.
    fn reveal_cursor(&mut self, height: usize) {
        // Any row of the cursor's unit will do: a unit may be taller than the screen.
        let rows = self.cursor_rows();
        if rows.end <= self.scroll || rows.start >= self.scroll + height {
            self.scroll = rows.start;
            self.clamp(height);
        }
    }

    /// How far through the document the bottom of the screen is, in percent.
    pub fn percent(&self, height: usize) -> usize {
        let total = self.layout.rows.len().max(1);
        ((self.scroll + height).min(total) * 100) / total
    }
}
