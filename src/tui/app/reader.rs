//! One open document: its alignment, its rows at the current size, where the reader is, and
//! the reading keys (scrolling, jumps, arrangement).

use super::search::Search;
use super::speakers::turn_counts;
use super::{Action, App, Effect, Marks, Overlay, Picker, Place, SpeakerList, Viewport};
use crate::align::{self, Alignment};
use crate::layout::{Arrangement, Layout, Options};
use crate::library::Document;
use crate::model::{ByLang, Lang, Transcript};
use crate::search::SearchIndex;
use crate::topics::{TermStats, TopicIndex};
use std::sync::Arc;

/// Below this width the two languages are stacked instead of side by side.
pub const MIN_COLUMNS_WIDTH: u16 = 100;
/// Columns each pane keeps left of its text: the cursor bar and the `?` mark.
pub const GUTTER: u16 = 2;
/// A document with more text than this (bytes, both languages) opens on [`align::opening`] while
/// the whole is aligned in the background: aligning takes about 0.25 s per megabyte.
pub const BACKGROUND_ALIGN: usize = 1 << 20;
/// How much of each language the opening aligns, in chars: many screens, in a few milliseconds.
const OPENING: usize = 64 << 10;
/// The note while search and topics wait for the document's indexes.
pub(super) const STILL_INDEXING: &str = "Still indexing the document: a moment";

/// How the reader arranges the two languages; `Auto` picks by width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Auto,
    Columns,
    Stacked,
    Single,
}

/// One open document and where the reader is in it.
#[derive(Debug)]
pub struct Reader {
    pub doc: usize,
    pub alignment: Arc<Alignment>,
    /// Whether `alignment` covers only the opening, the whole being aligned in the background.
    pub aligning: bool,
    pub layout: Layout,
    /// What `layout` was built for.
    pub(super) options: Options,
    /// The first row shown and the current unit, highlighted in both panes.
    pub viewport: Viewport,
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
    /// Built in the background once the whole alignment is in place ([`Effect::Index`]).
    pub(super) search_index: Option<SearchIndex>,
    /// Built with `search_index`.
    pub topics: Option<TopicIndex>,
    /// The sentence under the sentence cursor, inside the cursor unit.
    pub sentence: Option<Place>,
    pub marks: Marks,
    /// Where to go once the whole alignment arrives: the place remembered from the last time.
    restore: Option<Place>,
}

/// What searching and jumping to topics in a document need, built off the event loop: a topic
/// index takes most of a second on a 10 MB transcript.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Indexes {
    pub search: SearchIndex,
    pub topics: TopicIndex,
}

/// A document and its whole alignment, to index on another thread.
pub struct IndexJob {
    transcript: Transcript,
    alignment: Arc<Alignment>,
}

impl IndexJob {
    /// Key terms are weighed against the bundled library whatever else is open, so a document
    /// has the same topics however it was opened.
    pub fn run(self) -> Indexes {
        Indexes {
            search: SearchIndex::build(&self.transcript, &self.alignment),
            topics: TopicIndex::build(&self.transcript, &self.alignment, TermStats::bundled()),
        }
    }
}

impl App {
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

    /// Rebuilds the rows when the options they were laid out for changed, or when only the
    /// units around the first frame's place are laid out.
    pub(super) fn relayout(&mut self) {
        let Some(opts) = self.layout_options() else { return };
        let Some(r) = self.reader.as_ref() else { return };
        if opts == r.options && !r.layout.rows.is_empty() && r.layout.is_whole() {
            return;
        }
        self.rebuild_layout(opts);
    }

    /// Lays out only the units around the place the open document remembers (its top when it
    /// remembers none), enough for a first frame there: [`Action::LayOut`] lays out the rest.
    fn lay_out_around_place(&mut self) {
        let Some(opts) = self.layout_options() else { return };
        let height = self.body_height();
        let Some(r) = self.reader.as_mut() else { return };
        let Some(doc) = self.docs.get(r.doc) else { return };
        // A document still being aligned shows its top until the whole arrives.
        let place = self.memory.get(r.doc).and_then(|m| m.as_ref()?.place);
        let unit = place.filter(|_| !r.aligning).map_or(0, |p| p.unit);
        r.layout = Layout::around(&doc.transcript, &r.alignment, &opts, unit, height / 2 + 1);
        r.options = opts;
    }

    /// Lays the rows out anew for `opts`, keeping the top row in the same unit, as far into it
    /// as it still reaches, and the cursor in view.
    fn rebuild_layout(&mut self, opts: Options) {
        let height = self.body_height();
        let Some(r) = self.reader.as_mut() else { return };
        let Some(doc) = self.docs.get(r.doc) else { return };
        let v = &mut r.viewport;
        // How far into its unit the top row is: -1 for the blank row that precedes a unit.
        let top = r.layout.rows.get(v.scroll).and_then(|row| {
            let start = *r.layout.unit_row.get(row.unit)?;
            Some((row.unit, v.scroll as isize - start as isize))
        });
        r.layout = Layout::build(&doc.transcript, &r.alignment, &opts);
        r.options = opts;
        // A filter may hide the cursor's unit: it then sits on its collapsed run.
        v.cursor = r.layout.stop_at(v.cursor).unwrap_or(0);
        let rows = &r.layout.unit_row;
        v.scroll = top
            .and_then(|(u, into)| {
                let (start, end) = (
                    *rows.get(u)?,
                    rows.get(u + 1).copied().unwrap_or(r.layout.rows.len()),
                );
                let last = end.saturating_sub(start + 1) as isize;
                Some(start.saturating_add_signed(into.min(last)))
            })
            .unwrap_or(0);
        v.clamp(&r.layout, height);
        v.reveal_cursor(&r.layout, height);
    }

    /// Opens document `doc` on its whole alignment from the cache, or asks for it. One longer
    /// than [`BACKGROUND_ALIGN`] shows its opening meanwhile and is aligned in the background; a
    /// shorter one is aligned before the next frame.
    pub(super) fn open(&mut self, doc: usize) -> Vec<Effect> {
        self.open_with(doc, None)
    }

    /// As [`App::open`], but laid out only around the remembered place, for a first frame:
    /// [`Action::LayOut`] lays out the rest.
    pub(super) fn open_for_first_frame(&mut self, doc: usize) -> Vec<Effect> {
        self.start_reader(doc, None, false)
    }

    /// Opens document `doc` on `whole` as its whole alignment, else as [`App::open`] does.
    pub(super) fn open_with(&mut self, doc: usize, whole: Option<Arc<Alignment>>) -> Vec<Effect> {
        self.start_reader(doc, whole, true)
    }

    /// Opens document `doc` (on `whole` as its whole alignment when it is given, else on the
    /// cache's), laid out whole or only around its place.
    fn start_reader(
        &mut self,
        doc: usize,
        whole: Option<Arc<Alignment>>,
        lay_out_whole: bool,
    ) -> Vec<Effect> {
        let Some(d) = self.docs.get(doc) else {
            return Vec::new();
        };
        let whole = whole.or_else(|| d.cached_alignment().cloned());
        let t = &d.transcript;
        let background = whole.is_none() && text_len(t) > BACKGROUND_ALIGN;
        let aligning = whole.is_none();
        let alignment = match whole {
            Some(a) => a,
            None if background => Arc::new(align::opening(t, OPENING)),
            None => Arc::default(),
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
            viewport: Viewport::default(),
            order: [Lang::Ru, Lang::En],
            view: View::Auto,
            single,
            hidden: vec![false; t.speakers.len()],
            turn_counts,
            search: None,
            search_index: None,
            topics: None,
            sentence: None,
            marks: Marks::default(),
            restore: None,
        });
        if lay_out_whole {
            self.relayout();
        } else {
            self.lay_out_around_place();
        }
        self.recall();
        if aligning {
            vec![Effect::Align { doc, background }]
        } else {
            vec![Effect::Index(doc)]
        }
    }

    /// The job [`Effect::Index`] asks for: the open document `doc` with its whole alignment.
    pub fn index_job(&self, doc: usize) -> Option<IndexJob> {
        let r = self.reader.as_ref().filter(|r| r.doc == doc && !r.aligning)?;
        Some(IndexJob {
            transcript: self.docs.get(doc)?.transcript.clone(),
            alignment: Arc::clone(&r.alignment),
        })
    }

    /// Puts the indexes of `doc` in place, if it is still the one open; an open picker lists
    /// its topics.
    pub(super) fn indexed(&mut self, doc: usize, indexes: Indexes) {
        let Some(r) = self.reader.as_mut().filter(|r| r.doc == doc && !r.aligning) else {
            return;
        };
        r.search_index = Some(indexes.search);
        r.topics = Some(indexes.topics);
        if let Overlay::Picker(p) = &mut self.overlay {
            p.hits = r.list_topics(&p.query);
        }
    }

    /// Gives the open document its marks and its place as it remembers them. A document
    /// still being aligned goes to its place when the whole alignment arrives.
    pub(super) fn recall(&mut self) {
        let height = self.body_height();
        let Some((r, t)) = open_doc(&mut self.reader, &self.docs) else {
            return;
        };
        let memory = self.memory.get(r.doc).cloned().flatten().unwrap_or_default();
        r.marks.letters = memory.marks;
        match memory.place {
            Some(place) if !r.aligning => {
                let top = r.place();
                r.go(t, place, height);
                // `''` goes to the top from there, as after any jump.
                r.marks.record_jump(top);
                self.message = Some(format!(
                    "Back where you left off ({}%) · '' goes to the top",
                    memory.percent
                ));
            }
            place => r.restore = place,
        }
    }

    /// Puts the whole alignment of `doc` in place of its opening, and asks for its indexes. The
    /// opening's units are the whole's first ones, so the screen stays where it was.
    pub(super) fn aligned(&mut self, doc: usize, alignment: Alignment) -> Vec<Effect> {
        let Some(opts) = self.layout_options() else {
            return Vec::new();
        };
        let (Some(r), Some(d)) = (self.reader.as_mut(), self.docs.get(doc)) else {
            return Vec::new();
        };
        if r.doc != doc || !r.aligning {
            return Vec::new();
        }
        r.turn_counts = turn_counts(&d.transcript, &alignment);
        let alignment = Arc::new(alignment);
        // Opened again in this run, the document needs no aligning.
        let kept = Some(Arc::clone(&alignment));
        r.alignment = alignment;
        r.aligning = false;
        if let Some(c) = self.docs.get_mut(doc).and_then(|d| d.cached.as_mut()) {
            c.alignment = kept;
        }
        self.rebuild_layout(opts);
        if self.reader.as_ref().is_some_and(|r| r.restore.is_some()) {
            self.recall();
        }
        vec![Effect::Index(doc)]
    }

    pub(super) fn update_reader(&mut self, action: Action) -> Vec<Effect> {
        let height = self.body_height();
        let bilingual = self.transcript().is_some_and(|t| t.langs().len() == 2);
        let Some(r) = self.reader.as_mut() else {
            return Vec::new();
        };
        if r.aligning
            && matches!(
                action,
                Action::SpeakerFilter | Action::TopicPicker | Action::Search
            )
        {
            self.message = Some("Still aligning the whole document: a moment".into());
            return Vec::new();
        }
        if r.topics.is_none() && matches!(action, Action::TopicPicker | Action::Search) {
            self.message = Some(STILL_INDEXING.into());
            return Vec::new();
        }
        let half = (height / 2).max(1) as isize;
        let page = height.saturating_sub(1).max(1) as isize;
        let mut effects = Vec::new();
        let (v, layout) = (&mut r.viewport, &r.layout);
        match action {
            Action::LineDown | Action::Down => v.scroll_by(layout, 1, height),
            Action::LineUp | Action::Up => v.scroll_by(layout, -1, height),
            Action::HalfPageDown => v.scroll_by(layout, half, height),
            Action::HalfPageUp => v.scroll_by(layout, -half, height),
            Action::PageDown => v.scroll_by(layout, page, height),
            Action::PageUp => v.scroll_by(layout, -page, height),
            Action::Scroll(n) => v.scroll_by(layout, isize::from(n), height),
            Action::Top => {
                v.scroll = 0;
                v.cursor = layout.stops.first().copied().unwrap_or(0);
            }
            Action::Bottom => {
                v.scroll = Viewport::max_scroll(layout, height);
                v.cursor = layout.stops.last().copied().unwrap_or(0);
            }
            Action::NextUnit | Action::PrevUnit | Action::NextTurn | Action::PrevTurn => {
                let dir = if matches!(action, Action::NextUnit | Action::NextTurn) {
                    1
                } else {
                    -1
                };
                let turns = matches!(action, Action::NextTurn | Action::PrevTurn);
                let stops = if turns { &layout.turns } else { &layout.stops };
                if let Some(unit) = v.step_target(stops, dir) {
                    v.goto(layout, unit, height);
                }
            }
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
                effects.push(Effect::Mouse(self.mouse));
                self.message = Some(if self.mouse {
                    "Mouse on: the wheel scrolls (M turns it off to select text)".into()
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
                self.overlay = Overlay::Picker(Picker {
                    hits: r.list_topics(""),
                    ..Picker::default()
                });
            }
            Action::Back => {
                effects.extend(self.remember());
                if self.has_library {
                    self.reader = None;
                } else {
                    self.quit = true;
                }
                return effects;
            }
            _ => {}
        }
        self.relayout();
        effects
    }
}

impl Reader {
    /// Makes `unit` (its stop) the cursor and brings the row showing byte `offset` of paragraph
    /// `para` (block, index) of its `lang` side on screen.
    pub(super) fn show_text(
        &mut self,
        unit: usize,
        lang: Lang,
        para: (usize, usize),
        offset: usize,
        height: usize,
    ) {
        self.viewport.cursor = self.layout.stop_at(unit).unwrap_or(unit);
        let rows = self.cursor_rows();
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
                            .any(|p| p.origin.is_some_and(|o| (o..o + p.text.len()).contains(&offset)))
                })
            })
            .map_or(rows.start, |k| rows.start + k);
        self.viewport.show_row(&self.layout, row, height);
    }

    /// Makes `unit` the cursor and brings it into view.
    pub fn goto(&mut self, unit: usize, height: usize) {
        self.viewport.goto(&self.layout, unit, height);
    }

    /// The rows of the cursor unit (without the blank row after it).
    pub fn cursor_rows(&self) -> std::ops::Range<usize> {
        self.viewport.cursor_rows(&self.layout)
    }

    pub fn max_scroll(&self, height: usize) -> usize {
        Viewport::max_scroll(&self.layout, height)
    }
}

/// The open document's reader and transcript, borrowed apart from the rest of the App.
pub(super) fn open_doc<'a>(
    reader: &'a mut Option<Reader>,
    docs: &'a [Document],
) -> Option<(&'a mut Reader, &'a Transcript)> {
    let r = reader.as_mut()?;
    let d = docs.get(r.doc)?;
    Some((r, &d.transcript))
}

/// Bytes of text in both languages.
fn text_len(t: &Transcript) -> usize {
    Lang::BOTH
        .iter()
        .filter_map(|&l| t.version(l))
        .flat_map(|v| v.paragraphs())
        .map(|(_, p)| p.text.len())
        .sum()
}
