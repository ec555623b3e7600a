//! Layout: wraps aligned units by display width into one row-aligned sequence of rows for both panes.
//!
//! Pure: no terminal code. The reader and the plain printer both draw from the same rows, so the
//! two panes can never drift apart: each unit starts on the same row on both sides and the
//! shorter side is padded.

use crate::align::{Alignment, Unit};
use crate::model::{BlockKind, ByLang, Lang, Transcript};
use std::borrow::Cow;
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// What a piece of text is, so the renderer can style it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Text,
    /// The speaker's name at the start of a turn.
    Speaker,
    Heading,
    /// Breaks (`* * *`) and related-link lists.
    Aside,
    /// Stands in for a side the other language does not have.
    Missing,
    /// Stands in for turns hidden by the speaker filter.
    Collapsed,
}

/// A run of text with one role. `origin` is where `text` starts in its paragraph's text, when
/// `text` is a verbatim slice of it (search highlights map through it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    pub role: Role,
    pub origin: Option<usize>,
}

/// One row of one pane.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Line {
    pub pieces: Vec<Piece>,
    /// The paragraph the text comes from: (block, paragraph index in the block).
    pub para: Option<(usize, usize)>,
}

/// One row of the reading view: the same row index in both panes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The unit the row belongs to (for a collapsed run, its first unit).
    pub unit: usize,
    /// What each language shows on this row; `None` is blank (padding or spacing).
    pub cells: ByLang<Option<Line>>,
}

/// How the two languages share the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrangement {
    /// Side by side; both languages on the same rows.
    Columns,
    /// Each unit's first language above its second, full width.
    Stacked([Lang; 2]),
    /// One language only.
    Single(Lang),
}

/// Everything the rows depend on; a layout is rebuilt only when this changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    pub arrangement: Arrangement,
    /// Text width of each language's column, in terminal cells.
    pub widths: ByLang<usize>,
    /// Speakers (by index) whose turns are collapsed.
    pub hidden: Vec<bool>,
}

/// The rows of a document and where each unit starts: of the whole document, or for a first
/// frame, of the units around the place shown ([`Layout::around`]).
#[derive(Debug, Clone, Default)]
pub struct Layout {
    pub rows: Vec<Row>,
    /// For every unit, the row it starts on (a hidden unit: its collapsed row; a unit not laid
    /// out: the first row, or past the last one for the units after `units`).
    pub unit_row: Vec<usize>,
    /// Units that start a visible run of rows, in order: the stops of `{` and `}`.
    pub stops: Vec<usize>,
    /// The stops that start a turn or a collapsed run: the stops of `[` and `]`.
    pub turns: Vec<usize>,
    /// The units laid out: all of them unless the layout is [`Layout::around`] a unit.
    pub units: Range<usize>,
}

impl Layout {
    pub fn build(t: &Transcript, a: &Alignment, opts: &Options) -> Layout {
        Self::build_units(t, a, opts, 0..a.units.len())
    }

    /// Only the units within `reach` units of `unit`: a first frame needs a screen's worth, and
    /// on a long document the whole takes milliseconds more. Every unit but the first takes
    /// two rows at least (a blank row and a line; collapsed turns aside, and none are on
    /// opening), so a reach of half the screen's height and one holds a screen on each side of
    /// `unit`'s first row, unless the document ends sooner: enough for a frame at `unit` even
    /// where the document's end holds the view back.
    pub fn around(t: &Transcript, a: &Alignment, opts: &Options, unit: usize, reach: usize) -> Layout {
        let end = unit.saturating_add(reach).saturating_add(1).min(a.units.len());
        Self::build_units(t, a, opts, unit.saturating_sub(reach).min(end)..end)
    }

    /// Whether every unit is laid out.
    pub fn is_whole(&self) -> bool {
        self.units == (0..self.unit_row.len())
    }

    fn build_units(t: &Transcript, a: &Alignment, opts: &Options, units: Range<usize>) -> Layout {
        let mut out = Layout {
            unit_row: vec![0; a.units.len()],
            units: units.clone(),
            ..Layout::default()
        };
        let langs: Vec<Lang> = match opts.arrangement {
            Arrangement::Columns => t.langs(),
            Arrangement::Stacked(order) => order.into_iter().filter(|&l| t.version(l).is_some()).collect(),
            Arrangement::Single(l) => vec![l],
        };
        let mut u = units.start;
        while u < units.end {
            if !out.rows.is_empty() {
                out.rows.push(Row {
                    unit: u,
                    cells: ByLang::default(),
                });
            }
            let start_row = out.rows.len();
            out.stops.push(u);
            if let Some(s) = hidden_speaker(&a.units[u], &opts.hidden) {
                let run_end = (u..units.end)
                    .find(|&v| hidden_speaker(&a.units[v], &opts.hidden) != Some(s))
                    .unwrap_or(units.end);
                let turns = (u..run_end)
                    .filter(|&v| starts_turn(t, &a.units[v]))
                    .count()
                    .max(1);
                out.turns.push(u);
                out.unit_row[u..run_end].fill(start_row);
                let mut cells = ByLang::<Option<Line>>::default();
                for &l in &langs {
                    let name = t.speakers.get(s).map_or("", |sp| &sp.name[l]);
                    let plural = if turns == 1 { "turn" } else { "turns" };
                    cells[l] = Some(marker(
                        format!("… {turns} {plural} by {}", clean(name)),
                        Role::Collapsed,
                    ));
                }
                push_cells(&mut out.rows, opts.arrangement, &langs, u, cells);
                u = run_end;
                continue;
            }
            if starts_turn(t, &a.units[u]) {
                out.turns.push(u);
            }
            out.unit_row[u] = start_row;
            let mut cells = ByLang::<Vec<Line>>::default();
            for &l in &langs {
                cells[l] = side_lines(t, &a.units[u], l, opts.widths[l]);
            }
            match opts.arrangement {
                Arrangement::Columns => {
                    let height = langs.iter().map(|&l| cells[l].len()).max().unwrap_or(0);
                    let mut sides: Vec<_> = langs
                        .iter()
                        .map(|&l| (l, std::mem::take(&mut cells[l]).into_iter()))
                        .collect();
                    for _ in 0..height {
                        let mut row = ByLang::default();
                        for (l, lines) in &mut sides {
                            row[*l] = lines.next();
                        }
                        out.rows.push(Row { unit: u, cells: row });
                    }
                }
                Arrangement::Stacked(_) | Arrangement::Single(_) => {
                    for &l in &langs {
                        for line in std::mem::take(&mut cells[l]) {
                            let mut row = ByLang::default();
                            row[l] = Some(line);
                            out.rows.push(Row { unit: u, cells: row });
                        }
                    }
                }
            }
            u += 1;
        }
        out.unit_row[units.end..].fill(out.rows.len());
        out
    }

    /// The index in `stops` of the stop at or before `unit`.
    pub fn stop_of(&self, unit: usize) -> usize {
        self.stops.partition_point(|&s| s <= unit).saturating_sub(1)
    }

    /// The stop (a unit where the cursor may rest) at or before `unit`; `None` without stops.
    pub fn stop_at(&self, unit: usize) -> Option<usize> {
        self.stops.get(self.stop_of(unit)).copied()
    }
}

/// A collapsed row shows one line per language; stacked arrangements put them on separate rows.
fn push_cells(
    rows: &mut Vec<Row>,
    arr: Arrangement,
    langs: &[Lang],
    unit: usize,
    cells: ByLang<Option<Line>>,
) {
    match arr {
        Arrangement::Columns => rows.push(Row { unit, cells }),
        Arrangement::Stacked(_) | Arrangement::Single(_) => {
            // One line is enough: the name in the first language shown.
            let mut row = ByLang::default();
            if let Some(&l) = langs.first() {
                row[l] = cells[l].clone();
            }
            rows.push(Row { unit, cells: row });
        }
    }
}

fn hidden_speaker(unit: &Unit, hidden: &[bool]) -> Option<usize> {
    unit.speaker.filter(|&s| hidden.get(s).copied().unwrap_or(false))
}

/// True when the unit holds the first paragraph of a turn on either side.
pub fn starts_turn(t: &Transcript, unit: &Unit) -> bool {
    Lang::BOTH
        .iter()
        .any(|&l| turn_start_speaker(t, unit, l).is_some())
}

/// The speaker whose turn starts with this unit's `lang` side.
fn turn_start_speaker(t: &Transcript, unit: &Unit, lang: Lang) -> Option<usize> {
    let first = unit.parts[lang].first()?;
    let block = t.version(lang)?.blocks.get(first.block)?;
    match block.kind {
        BlockKind::Turn(s) if first.para == 0 && first.starts_paragraph() => Some(s),
        _ => None,
    }
}

fn marker(text: String, role: Role) -> Line {
    Line {
        pieces: vec![Piece {
            text,
            role,
            origin: None,
        }],
        para: None,
    }
}

/// The wrapped lines of one language's side of a unit; a marker when the side is empty.
fn side_lines(t: &Transcript, unit: &Unit, lang: Lang, width: usize) -> Vec<Line> {
    let width = width.max(1);
    let Some(version) = t.version(lang) else {
        return Vec::new();
    };
    if unit.parts[lang].is_empty() {
        return vec![marker(
            format!("· not in the {} text ·", lang.name()),
            Role::Missing,
        )];
    }
    let name = turn_start_speaker(t, unit, lang)
        .and_then(|s| t.speakers.get(s))
        .map(|s| format!("{}: ", clean(&s.name[lang])));
    let mut lines = Vec::new();
    for (k, part) in unit.parts[lang].iter().enumerate() {
        let (Some(block), Some((para, shown))) = (version.blocks.get(part.block), part.text(version)) else {
            break;
        };
        let role = match block.kind {
            BlockKind::Heading => Role::Heading,
            BlockKind::Related if part.para == 0 => Role::Heading,
            BlockKind::Break | BlockKind::Related => Role::Aside,
            BlockKind::Narration | BlockKind::Turn(_) => Role::Text,
        };
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        // The name goes before the first paragraph's text, or on its own line when it would
        // leave too little room for the text.
        let mut prefix = name.as_deref().filter(|_| k == 0);
        let prefix_width = prefix.map_or(0, |s| s.width());
        if prefix.is_some() && prefix_width * 2 > width {
            lines.push(marker(
                prefix.unwrap_or_default().trim_end().to_string(),
                Role::Speaker,
            ));
            prefix = None;
        }
        let first = width.saturating_sub(prefix.map_or(0, |_| prefix_width)).max(1);
        let text = &para.text[shown.clone()];
        let simple = text.chars().all(is_simple);
        // Simple characters are never unsafe: most text is checked once.
        let safe = simple || !text.chars().any(is_unsafe);
        for range in wrap_known(text, width, first, simple) {
            // Ranges into the whole paragraph, which search matches and highlights refer to.
            let range = range.start + shown.start..range.end + shown.start;
            let mut line = Line {
                pieces: Vec::new(),
                para: Some((part.block, part.para)),
            };
            if let Some(name) = prefix.take() {
                line.pieces.push(Piece {
                    text: name.to_string(),
                    role: Role::Speaker,
                    origin: None,
                });
            }
            if safe {
                line.pieces.push(Piece {
                    text: para.text[range.clone()].to_string(),
                    role,
                    origin: Some(range.start),
                });
            } else {
                push_safe_pieces(&mut line.pieces, &para.text, range, role);
            }
            lines.push(line);
        }
    }
    lines
}

/// Splits `text[range]` at characters that must never reach a terminal, dropping them.
fn push_safe_pieces(pieces: &mut Vec<Piece>, text: &str, range: Range<usize>, role: Role) {
    let Some(slice) = text.get(range.clone()) else {
        return;
    };
    let mut start = 0;
    for (i, c) in slice.char_indices().chain([(slice.len(), ' ')]) {
        if i == slice.len() || is_unsafe(c) {
            if i > start {
                pieces.push(Piece {
                    text: slice[start..i].to_string(),
                    role,
                    origin: Some(range.start + start),
                });
            }
            start = i + c.len_utf8();
        }
    }
}

/// Control characters and bidi overrides/isolates: either could rewrite or reorder the screen.
pub fn is_unsafe(c: char) -> bool {
    // Stored text keeps the directional marks (LRM, RLM, ALM); on screen they only shift cells.
    c.is_control() || crate::sanitize::is_bidi_control(c) || matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// `s` without characters that must never reach a terminal.
pub fn clean(s: &str) -> Cow<'_, str> {
    if s.chars().any(is_unsafe) {
        Cow::Owned(s.chars().filter(|&c| !is_unsafe(c)).collect())
    } else {
        Cow::Borrowed(s)
    }
}

/// Display width of `s` in terminal cells, unsafe characters counting zero.
pub fn width(s: &str) -> usize {
    clean(s).width()
}

/// `s` made safe and cut to at most `cells` display cells, with `…` where it was cut.
pub fn fit(s: &str, cells: usize) -> Cow<'_, str> {
    let s = clean(s);
    if s.width() <= cells {
        return s;
    }
    let mut out = String::new();
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = g.width();
        if used + w + 1 > cells {
            break;
        }
        out.push_str(g);
        used += w;
    }
    if cells > 0 {
        out.push('…');
    }
    Cow::Owned(out)
}

/// One grapheme cluster: its bytes, its display width and whether a line may break at it.
#[derive(Clone, Copy)]
struct Atom {
    end: usize,
    width: usize,
    space: bool,
}

/// Characters that are one cluster of width 1 on their own and never join the previous
/// character's cluster; text made only of them (most text) skips grapheme segmentation.
fn is_simple(c: char) -> bool {
    matches!(c, ' '..='~' | '\u{A1}'..='\u{AC}' | '\u{AE}'..='\u{24F}' | '\u{400}'..='\u{482}'
        | '\u{48A}'..='\u{4FF}' | '\u{2010}'..='\u{2027}')
}

/// Wraps `text` into lines of at most `width` cells (`first` for the first line), breaking at
/// spaces and hard-breaking words longer than a line, never inside a grapheme cluster.
/// Returns each line's byte range, without the spaces at the break. Always at least one line.
pub fn wrap(text: &str, width: usize, first: usize) -> Vec<Range<usize>> {
    wrap_known(text, width, first, text.chars().all(is_simple))
}

/// [`wrap`], told whether every character of `text` [`is_simple`].
fn wrap_known(text: &str, width: usize, first: usize, simple: bool) -> Vec<Range<usize>> {
    if simple {
        let bytes = text.as_bytes();
        return wrap_with(text.len(), width, first, |i| {
            let len = match bytes[i] {
                0..=0x7f => 1,
                0xc0..=0xdf => 2,
                0xe0..=0xef => 3,
                _ => 4,
            };
            Atom {
                end: i + len,
                width: 1,
                space: bytes[i] == b' ',
            }
        });
    }
    let is_space = |c: char| c.is_whitespace() && !matches!(c, '\u{A0}' | '\u{2007}' | '\u{202F}');
    let atoms: Vec<(usize, Atom)> = text
        .grapheme_indices(true)
        .map(|(i, g)| {
            let atom = Atom {
                end: i + g.len(),
                width: self::width(g),
                space: g.chars().all(is_space),
            };
            (i, atom)
        })
        .collect();
    wrap_with(text.len(), width, first, |i| {
        atoms[atoms.partition_point(|&(start, _)| start < i)].1
    })
}

/// The greedy line breaker over clusters; `atom(i)` is the cluster starting at byte `i`.
fn wrap_with(len: usize, width: usize, first: usize, atom: impl Fn(usize) -> Atom) -> Vec<Range<usize>> {
    let skip_spaces = |mut i: usize| {
        while i < len {
            let a = atom(i);
            if !a.space {
                break;
            }
            i = a.end;
        }
        i
    };
    let mut lines = Vec::new();
    let mut limit = first.max(1);
    let mut i = skip_spaces(0);
    while i < len {
        let start = i;
        let mut used = 0;
        let mut j = i;
        // Where the text before the last run of spaces ends, and where the text seen ends.
        let mut brk = None;
        let mut content_end = start;
        let mut prev_space = false;
        while j < len {
            let a = atom(j);
            if a.space {
                if !prev_space {
                    brk = Some(content_end);
                }
                prev_space = true;
            } else if used + a.width > limit && j > start {
                break;
            } else {
                prev_space = false;
                content_end = a.end;
            }
            used += a.width;
            j = a.end;
        }
        let (end, next) = match brk {
            _ if j >= len => (content_end, len),
            Some(b) => (b, b),
            None => (j, j),
        };
        lines.push(start..end);
        i = skip_spaces(next);
        limit = width.max(1);
    }
    if lines.is_empty() {
        lines.push(0..0);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::Part;
    use crate::model::{Block, Paragraph, Speaker, Version};

    fn lines(text: &str, width: usize) -> Vec<&str> {
        wrap(text, width, width).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn wraps_at_spaces_and_hard_breaks_long_words() {
        assert_eq!(lines("the quick brown fox", 10), ["the quick", "brown fox"]);
        assert_eq!(lines("abcdefghijkl xy", 5), ["abcde", "fghij", "kl xy"]);
        assert_eq!(lines("  lead   and   trail  ", 9), ["lead", "and", "trail"]);
        assert_eq!(lines("lead   and  x", 11), ["lead   and", "x"]);
        assert_eq!(lines("", 5), [""]);
    }

    #[test]
    fn a_megabyte_paragraph_wraps_into_full_lines() {
        let text = format!("{} end", "Ж".repeat(500_010));
        let lines = wrap(&text, 80, 80);
        assert_eq!(lines.len(), 500_000 / 80 + 1);
        assert!(
            lines[..lines.len() - 1]
                .iter()
                .all(|r| text[r.clone()].chars().count() == 80)
        );
        assert_eq!(&text[lines[lines.len() - 1].clone()], "ЖЖЖЖЖЖЖЖЖЖ end");
    }

    #[test]
    fn no_simple_character_is_unsafe() {
        // `side_lines` checks text made of them no further.
        let simple: Vec<char> = ('\0'..='\u{3000}').filter(|&c| is_simple(c)).collect();
        assert!(simple.len() > 500);
        assert!(simple.iter().all(|&c| !is_unsafe(c)));
    }

    #[test]
    fn first_line_can_be_narrower() {
        let text = "one two three four";
        let got: Vec<_> = wrap(text, 10, 4).into_iter().map(|r| &text[r]).collect();
        assert_eq!(got, ["one", "two three", "four"]);
    }

    #[test]
    fn counts_display_width_and_keeps_clusters_whole() {
        // Stress mark (combining acute) is zero width; the cluster stays together.
        let stressed = "приве\u{301}т мир";
        assert_eq!(lines(stressed, 6), ["приве\u{301}т", "мир"]);
        // CJK takes two cells: four of them fill eight.
        assert_eq!(lines("漢字漢字漢字", 8), ["漢字漢字", "漢字"]);
        // An emoji with a skin tone modifier is one cluster, never split.
        let emoji = "👍🏽👍🏽👍🏽";
        let got = lines(emoji, 4);
        assert_eq!(got, ["👍🏽👍🏽", "👍🏽"]);
    }

    #[test]
    fn every_line_fits_its_width() {
        let text = "Лукашенко: ну что ж, это вопрос — интересный; очень-очень-длинноеслово漢字 e\u{301} end";
        for w in 1..30 {
            for r in wrap(text, w, w) {
                assert!(text[r.clone()].width() <= w.max(2), "width {w}: {:?}", &text[r]);
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn wrapped_lines_fit_and_keep_every_non_space(text in "[a-zа-я ́漢👍🏽\u{1b}]{0,80}", w in 2usize..30) {
            let lines = wrap(&text, w, w);
            let mut kept = String::new();
            for r in &lines {
                let line = &text[r.clone()];
                // Only a single cluster wider than the line may overflow it.
                let single = line.graphemes(true).count() == 1;
                proptest::prop_assert!(width(line) <= w || single, "{:?} wider than {}", line, w);
                kept.push_str(line);
            }
            let squeeze = |s: &str| s.chars().filter(|c| *c != ' ').collect::<String>();
            proptest::prop_assert_eq!(squeeze(&kept), squeeze(&text));
        }
    }

    fn para(text: &str) -> Paragraph {
        Paragraph {
            text: text.into(),
            sentences: vec![],
            line: 0,
        }
    }

    /// Units of (block, English paragraphs, Russian paragraphs); block 1 is Putin's turn.
    fn units(spec: &[(usize, Range<usize>, Range<usize>)]) -> Alignment {
        let side = |b: usize, r: &Range<usize>| -> Vec<Part> {
            r.clone()
                .map(|para| Part {
                    block: b,
                    para,
                    sentences: 0..0,
                })
                .collect()
        };
        Alignment {
            units: spec
                .iter()
                .map(|(b, en, ru)| Unit {
                    parts: ByLang::new(side(*b, en), side(*b, ru)),
                    speaker: (*b == 1).then_some(0),
                    confidence: 1.0,
                    evidence: Default::default(),
                    links: vec![],
                })
                .collect(),
            same_speakers: Vec::new(),
        }
    }

    fn doc() -> (Transcript, Alignment) {
        let mut t = Transcript::default();
        t.speakers.push(Speaker {
            id: "putin".into(),
            name: ByLang::new("V. Putin".into(), "В.Путин".into()),
            transliterated: ByLang::default(),
        });
        let blocks = |a: &str, b: &str, c: &str| Version {
            meta: Default::default(),
            blocks: vec![
                Block {
                    kind: BlockKind::Heading,
                    paragraphs: vec![para(a)],
                },
                Block {
                    kind: BlockKind::Turn(0),
                    paragraphs: vec![para(b), para(c)],
                },
            ],
        };
        t.versions.en = Some(blocks("Q&A", "Good afternoon to all of you here.", "Thank you."));
        t.versions.ru = Some(blocks("Вопросы", "Добрый день.", "Спасибо\u{1b}[2J вам."));
        (t, units(&[(0, 0..1, 0..1), (1, 0..1, 0..1), (1, 1..2, 1..2)]))
    }

    fn text(line: &Option<Line>) -> String {
        line.as_ref().map_or(String::new(), |l| {
            l.pieces.iter().map(|p| p.text.as_str()).collect()
        })
    }

    fn opts(arrangement: Arrangement, w: usize) -> Options {
        Options {
            arrangement,
            widths: ByLang::new(w, w),
            hidden: vec![false],
        }
    }

    #[test]
    fn units_start_on_the_same_row_and_the_shorter_side_is_padded() {
        let (t, a) = doc();
        let l = Layout::build(&t, &a, &opts(Arrangement::Columns, 20));
        assert_eq!(l.unit_row, [0, 2, 6]);
        let en: Vec<_> = l.rows.iter().map(|r| text(&r.cells.en)).collect();
        let ru: Vec<_> = l.rows.iter().map(|r| text(&r.cells.ru)).collect();
        assert_eq!(
            en,
            [
                "Q&A",
                "",
                "V. Putin: Good",
                "afternoon to all of",
                "you here.",
                "",
                "Thank you."
            ]
        );
        assert_eq!(
            ru,
            [
                "Вопросы",
                "",
                "В.Путин: Добрый",
                "день.",
                "",
                "",
                "Спасибо[2J вам."
            ]
        );
        assert_eq!(l.stops, [0, 1, 2]);
        assert_eq!(l.turns, [1]);
    }

    #[test]
    fn around_a_unit_lays_out_its_reach_as_the_whole_does() {
        let (t, a) = doc();
        let o = opts(Arrangement::Columns, 20);
        let whole = Layout::build(&t, &a, &o);
        assert!(whole.is_whole());
        let l = Layout::around(&t, &a, &o, 2, 1);
        assert!(!l.is_whole());
        assert_eq!(l.units, 1..3);
        // Unit 1 starts the rows: no blank row before it.
        assert_eq!(l.rows, whole.rows[2..]);
        assert_eq!(l.unit_row, [0, 0, 4]);
        assert_eq!(l.stops, [1, 2]);
        let first = Layout::around(&t, &a, &o, 0, 0);
        assert_eq!(
            (first.units, first.unit_row, first.rows),
            (0..1, vec![0, 1, 1], whole.rows[..1].to_vec())
        );
        assert!(Layout::around(&t, &a, &o, 1, 5).is_whole());
    }

    #[test]
    fn control_characters_never_reach_a_piece() {
        let (t, a) = doc();
        let l = Layout::build(&t, &a, &opts(Arrangement::Columns, 40));
        let pieces: Vec<_> = l
            .rows
            .iter()
            .flat_map(|r| r.cells.ru.iter().flat_map(|c| &c.pieces))
            .collect();
        assert!(pieces.iter().all(|p| !p.text.chars().any(is_unsafe)));
        // The piece after the escape still maps back to its place in the paragraph.
        let after = pieces
            .iter()
            .find(|p| p.text.starts_with("[2J"))
            .expect("piece after ESC");
        assert_eq!(after.origin, Some("Спасибо\u{1b}".len()));
    }

    #[test]
    fn hidden_speakers_collapse_to_one_row() {
        let (t, a) = doc();
        let mut o = opts(Arrangement::Columns, 40);
        o.hidden = vec![true];
        let l = Layout::build(&t, &a, &o);
        assert_eq!(l.rows.len(), 3);
        assert_eq!(text(&l.rows[2].cells.ru), "… 1 turn by В.Путин");
        assert_eq!(l.unit_row, [0, 2, 2]);
        assert_eq!(l.stops, [0, 1]);
    }

    #[test]
    fn stacked_puts_the_first_language_above_and_marks_missing_sides() {
        let (mut t, _) = doc();
        if let Some(v) = t.versions.en.as_mut() {
            v.blocks[1].paragraphs.pop();
        }
        let a = units(&[(0, 0..1, 0..1), (1, 0..1, 0..1), (1, 1..1, 1..2)]);
        let l = Layout::build(&t, &a, &opts(Arrangement::Stacked([Lang::Ru, Lang::En]), 40));
        let all: Vec<_> = l
            .rows
            .iter()
            .map(|r| text(&r.cells.ru) + &text(&r.cells.en))
            .collect();
        assert_eq!(
            all,
            [
                "Вопросы",
                "Q&A",
                "",
                "В.Путин: Добрый день.",
                "V. Putin: Good afternoon to all of you",
                "here.",
                "",
                "Спасибо[2J вам.",
                "· not in the English text ·"
            ]
        );
    }
}
