//! Drawing: `draw(buffer, &App)` paints the current state and changes nothing.
//!
//! The reading view writes spans row by row for the visible rows only, so a document of any
//! length costs the same per frame.

use super::app::{
    App, Finder, GUTTER, MIN_SIZE, MarkKey, Mode, Overlay, Pair, Picker, Reader, SpeakerList, Spot,
};
use super::keys;
use crate::layout::{Arrangement, Line, Role, clean, fit, is_unsafe, width};
use crate::model::{Lang, Transcript};
use crate::topics::TopicKind;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::{Block, Borders, Clear};
use std::ops::Range;

/// Styles in the 16 ANSI colours, or modifiers only when NO_COLOR is set.
pub struct Theme {
    color: bool,
}

impl Theme {
    fn pick(&self, colored: Style, plain: Style) -> Style {
        if self.color { colored } else { plain }
    }

    fn role(&self, role: Role) -> Style {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        match role {
            Role::Text => Style::new(),
            Role::Speaker => self.pick(bold.fg(Color::Cyan), bold),
            Role::Heading => self.pick(bold.fg(Color::Yellow), bold.add_modifier(Modifier::UNDERLINED)),
            Role::Aside | Role::Missing | Role::Collapsed => Style::new().add_modifier(Modifier::DIM),
        }
    }

    fn dim(&self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    fn bar(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Yellow),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    fn doubt(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    fn chrome(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// A search match; `current` is the one n/N moved to.
    fn found(&self, current: bool) -> Style {
        let base = Style::new().fg(Color::Black);
        match (self.color, current) {
            (true, false) => base.bg(Color::Yellow),
            (true, true) => base.bg(Color::Green).add_modifier(Modifier::BOLD),
            (false, false) => Style::new().add_modifier(Modifier::REVERSED),
            (false, true) => {
                Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED)
            }
        }
    }

    /// The sentence under the cursor and its counterpart.
    fn sentence(&self) -> Style {
        self.pick(
            Style::new().fg(Color::White).bg(Color::Blue),
            Style::new().add_modifier(Modifier::UNDERLINED),
        )
    }

    /// Characters the picker's query matched.
    fn matched(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        )
    }
}

pub fn draw(buf: &mut Buffer, app: &App) {
    let area = buf.area;
    let theme = Theme { color: app.color };
    // The layout is for `app.size`; a frame of another size (the window changed before its Resize
    // was handled) would be drawn off its buffer. The loop resizes the app and draws again.
    if (area.width, area.height) != app.size || area.is_empty() {
        return;
    }
    if app.too_small() {
        let msg = format!("Terminal too small: need at least {}×{}", MIN_SIZE.0, MIN_SIZE.1);
        buf.set_stringn(area.x, area.y, msg, usize::from(area.width), theme.dim());
        return;
    }
    match &app.reader {
        Some(r) => draw_reader(buf, area, app, r, &theme),
        None => draw_library(buf, area, app, &theme),
    }
    match &app.overlay {
        Overlay::None => {}
        Overlay::Help => draw_help(buf, area, app),
        Overlay::Speakers(list) => draw_speakers(buf, area, app, list, &theme),
        Overlay::Picker(p) => draw_picker(buf, area, app, p, &theme),
        Overlay::Search(_) | Overlay::Mark(_) => {}
        Overlay::Find(f) => draw_finder(buf, area, app, f, &theme),
    }
}

/// One line of chrome (header or status) across the whole width.
fn bar_line(buf: &mut Buffer, area: Rect, y: u16, left: &str, right: &str, style: Style) {
    let w = usize::from(area.width);
    put_str(buf, area.x, y, &" ".repeat(w), w, style);
    let right_w = width(right);
    let left_room = w.saturating_sub(right_w + 1);
    put_str(buf, area.x, y, &clean(left), left_room, style);
    if right_w < w {
        put_str(
            buf,
            area.x + (w - right_w) as u16,
            y,
            &clean(right),
            right_w,
            style,
        );
    }
}

fn draw_library(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) {
    let lib = &app.library;
    let n = app.docs.len();
    bar_line(
        buf,
        area,
        area.y,
        " stenogram — library",
        &format!("{} of {n} transcripts ", lib.matches.len()),
        theme.chrome(),
    );
    let list_top = area.y + 2;
    let height = usize::from(area.height.saturating_sub(4));
    if app.docs.is_empty() {
        buf.set_string(
            area.x + 2,
            list_top,
            "No transcripts. Run stenogram PATH to open files.",
            theme.dim(),
        );
    }
    if !app.docs.is_empty() && lib.matches.is_empty() {
        let msg = format!("No transcript matches “{}” · Esc clears the filter", lib.query);
        buf.set_stringn(
            area.x + 2,
            list_top,
            fit(&msg, usize::from(area.width) - 2),
            usize::from(area.width),
            theme.dim(),
        );
    }
    let any_read = app.memory.iter().any(Option::is_some);
    // Keep the selection on screen.
    let first = lib.selected.saturating_sub(height.saturating_sub(1));
    let w = usize::from(area.width);
    for (i, &doc) in lib.matches.iter().enumerate().skip(first).take(height) {
        let y = list_top + (i - first) as u16;
        let Some(d) = app.docs.get(doc) else { continue };
        let t = &d.transcript;
        let title = t.title(Lang::Ru).or_else(|| t.title(Lang::En)).unwrap_or(&d.name);
        let date = crate::library::date(d).unwrap_or("");
        let langs: Vec<&str> = t.langs().iter().map(|l| l.code()).collect();
        // How far each was read, in a column of its own once any has been.
        let read = match app.memory.get(doc).and_then(|m| m.as_ref()) {
            Some(m) => format!("{:>3}%  ", m.percent),
            None if any_read => " ".repeat(6),
            None => String::new(),
        };
        let speakers: Vec<&str> = t.speakers.iter().map(|s| s.name.en.as_str()).collect();
        let meta = format!("{date:<16} {:<6} {read}{}", langs.join("+"), speakers.join(", "));
        let style = if i == lib.selected {
            theme.selected()
        } else {
            Style::new()
        };
        buf.set_stringn(area.x, y, " ".repeat(w), w, style);
        let title_w = (w / 2).max(20).min(w.saturating_sub(2));
        buf.set_stringn(
            area.x + 2,
            y,
            fit(title, title_w.saturating_sub(2)),
            title_w,
            style.add_modifier(Modifier::BOLD),
        );
        let x = 2 + title_w as u16;
        if x < area.width {
            let room = w - usize::from(x);
            buf.set_stringn(area.x + x, y, fit(&meta, room), room, style);
        }
    }
    let status = if lib.typing || !lib.query.is_empty() {
        format!(" filter: {}▏", lib.query)
    } else {
        " Enter open · j/k move · / filter · f search all · ? help · q quit".to_string()
    };
    bar_line(buf, area, area.bottom() - 1, &status, "", theme.dim());
}

fn draw_reader(buf: &mut Buffer, area: Rect, app: &App, r: &Reader, theme: &Theme) {
    let Some(t) = app.transcript() else { return };
    let height = app.body_height();
    let arrangement = app.arrangement().unwrap_or(Arrangement::Columns);
    draw_header(buf, area, app, r, t, arrangement, theme);
    let body = Rect::new(area.x, area.y + 1, area.width, height as u16);
    let cursor = r.cursor_rows();
    let rows = r
        .layout
        .rows
        .iter()
        .enumerate()
        .skip(r.viewport.scroll)
        .take(height);
    let (left_w, right_w) = app.pane_widths();
    let pair = r.pair(t);
    let marking = Marking {
        reader: r,
        pair: &pair.spots,
        hidden: app.study.hidden,
        revealed: app.study.revealed,
    };
    for (y, (i, row)) in (body.y..).zip(rows) {
        let in_cursor = cursor.contains(&i);
        let doubtful = r.layout.unit_row.get(row.unit) == Some(&i)
            && r.alignment.units.get(row.unit).is_some_and(|u| u.is_doubtful());
        let mark = Mark { in_cursor, doubtful };
        match arrangement {
            Arrangement::Columns => {
                let [a, b] = r.order;
                draw_pane(
                    buf,
                    body.x,
                    y,
                    left_w,
                    mark,
                    row.cells[a].as_ref().map(|l| (l, a)),
                    &marking,
                    theme,
                );
                buf.set_string(body.x + left_w, y, "│", theme.dim());
                let right = row.cells[b].as_ref().map(|l| (l, b));
                draw_pane(buf, body.x + left_w + 1, y, right_w, mark, right, &marking, theme);
            }
            Arrangement::Stacked([_, second]) => {
                let line = Lang::BOTH
                    .into_iter()
                    .find_map(|l| Some((row.cells[l].as_ref()?, l)));
                // A thin rule beside the second language tells the two apart at a glance.
                if line.is_some_and(|(_, l)| l == second) && !doubtful {
                    buf.set_string(body.x + 1, y, "┊", theme.dim());
                }
                draw_pane(buf, body.x, y, body.width, mark, line, &marking, theme);
            }
            Arrangement::Single(_) => {
                let line = Lang::BOTH
                    .into_iter()
                    .find_map(|l| Some((row.cells[l].as_ref()?, l)));
                draw_pane(buf, body.x, y, body.width, mark, line, &marking, theme);
            }
        }
    }
    if arrangement == Arrangement::Columns {
        for y in
            body.y + (r.layout.rows.len().saturating_sub(r.viewport.scroll).min(height)) as u16..body.bottom()
        {
            buf.set_string(body.x + left_w, y, "│", theme.dim());
        }
    }
    draw_status(buf, area, app, r, &pair, theme);
}

/// What the gutter shows on a row.
#[derive(Clone, Copy)]
struct Mark {
    in_cursor: bool,
    doubtful: bool,
}

/// What one pane draws besides its text: search matches and the sentence pair highlighted,
/// and, in study mode, which language is hidden and what of it is revealed.
struct Marking<'a> {
    reader: &'a Reader,
    pair: &'a [Spot],
    hidden: Option<Lang>,
    revealed: bool,
}

impl Marking<'_> {
    /// Stretches of paragraph `para` of `lang` to draw in another style; later ones win.
    fn highlights(&self, lang: Lang, para: (usize, usize), theme: &Theme) -> Vec<(Range<usize>, Style)> {
        let mut out: Vec<(Range<usize>, Style)> = self
            .pair
            .iter()
            .filter(|s| s.lang == lang && s.para == para)
            .map(|s| (s.range.clone(), theme.sentence()))
            .collect();
        if let Some(search) = &self.reader.search
            && let Some(ids) = search.by_para.get(&(lang, para.0, para.1))
        {
            for &i in ids {
                if let Some(m) = search.matches.get(i) {
                    out.push((m.range.clone(), theme.found(search.current == Some(i))));
                }
            }
        }
        out
    }

    /// In study mode, the stretches of the hidden language that still show: `None` shows all.
    fn shown(&self, lang: Lang, para: (usize, usize)) -> Option<Vec<Range<usize>>> {
        (self.hidden == Some(lang)).then(|| {
            self.pair
                .iter()
                .filter(|s| self.revealed && s.lang == lang && s.para == para)
                .map(|s| s.range.clone())
                .collect()
        })
    }
}

#[allow(clippy::too_many_arguments)] // one row of one pane: position, gutter, text and what to highlight
fn draw_pane(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    w: u16,
    mark: Mark,
    line: Option<(&Line, Lang)>,
    marking: &Marking,
    theme: &Theme,
) {
    if mark.in_cursor {
        buf.set_string(x, y, "▌", theme.bar());
    }
    if mark.doubtful {
        buf.set_string(x + 1, y, "?", theme.doubt());
    }
    if let Some((line, lang)) = line {
        let (highlights, shown) = match line.para {
            Some(para) => (marking.highlights(lang, para, theme), marking.shown(lang, para)),
            None => (Vec::new(), None),
        };
        draw_line(
            buf,
            x + GUTTER,
            y,
            w.saturating_sub(GUTTER),
            line,
            &highlights,
            shown.as_deref(),
            theme,
        );
    }
}

/// Writes `text` from (`x`, `y`) in at most `max` columns as [`Buffer::set_stringn`] does, and
/// returns the column after it. Text whose every character is a one-column grapheme of its own
/// (the Latin and Cyrillic alphabets and their punctuation: nearly every line) goes straight
/// into the cells; segmenting it into graphemes was most of the cost of drawing a frame.
fn put_str(buf: &mut Buffer, x: u16, y: u16, text: &str, max: usize, style: Style) -> u16 {
    if !text.chars().all(one_cell) {
        return buf.set_stringn(x, y, text, max, style).0;
    }
    let room = buf
        .area
        .right()
        .saturating_sub(x)
        .min(u16::try_from(max).unwrap_or(u16::MAX));
    let mut end = x;
    for c in text.chars().take(usize::from(room)) {
        buf[(end, y)].set_char(c).set_style(style);
        end += 1;
    }
    end
}

/// Whether `c` is one column wide and a grapheme whatever stands beside it: no control, no
/// combining mark, nothing that joins or is joined to (the Unicode grapheme break property
/// Other), nothing wide.
fn one_cell(c: char) -> bool {
    matches!(c,
        ' '..='~'
        | '\u{A0}'..='\u{AC}' // U+00AD, the soft hyphen, is a control for graphemes
        | '\u{AE}'..='\u{2FF}'
        | '\u{400}'..='\u{482}' // U+0483–U+0489 are Cyrillic combining marks
        | '\u{48A}'..='\u{52F}'
        | '\u{2010}'..='\u{2027}' // dashes, quotes, bullets, the ellipsis
    )
}

/// Draws a line's pieces, each cut where a highlight (paragraph byte range and style) starts or
/// ends. With `shown`, only the text inside those ranges is drawn; the rest keeps its cells
/// blank, so what is revealed stays where it belongs.
#[allow(clippy::too_many_arguments)] // one row: position, text, highlights and what shows
fn draw_line(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    w: u16,
    line: &Line,
    highlights: &[(Range<usize>, Style)],
    shown: Option<&[Range<usize>]>,
    theme: &Theme,
) {
    let end = x.saturating_add(w);
    let mut x = x;
    let mut put = |x: &mut u16, text: &str, style: Style, visible: bool| {
        if !visible {
            *x = x.saturating_add(width(text) as u16);
        } else if *x < end {
            *x = put_str(buf, *x, y, text, usize::from(end - *x), style);
        }
    };
    for piece in &line.pieces {
        let style = theme.role(piece.role);
        let Some(origin) = piece.origin else {
            // Names and markers: never a sentence, always shown.
            put(&mut x, &piece.text, style, true);
            continue;
        };
        let span = origin..origin + piece.text.len();
        let ranges = highlights.iter().map(|(r, _)| r).chain(shown.unwrap_or_default());
        let mut cuts: Vec<usize> = ranges
            .flat_map(|r| [r.start, r.end])
            .filter(|c| span.contains(c))
            .chain([span.start, span.end])
            .collect();
        cuts.sort_unstable();
        cuts.dedup();
        for pair in cuts.windows(2) {
            let (from, to) = (pair[0], pair[1]);
            let Some(text) = piece.text.get(from - origin..to - origin) else {
                continue;
            };
            let covers = |r: &Range<usize>| r.start <= from && to <= r.end;
            let style = highlights
                .iter()
                .rev()
                .find(|(r, _)| covers(r))
                .map_or(style, |&(_, s)| s);
            let visible = shown.is_none_or(|s| s.iter().any(covers));
            put(&mut x, text, style, visible);
        }
    }
}

fn draw_header(
    buf: &mut Buffer,
    area: Rect,
    app: &App,
    r: &Reader,
    t: &Transcript,
    arrangement: Arrangement,
    theme: &Theme,
) {
    let first = r.order[0];
    let title = t.title(first).map_or_else(
        || app.docs.get(r.doc).map_or(String::new(), |d| d.name.clone()),
        str::to_string,
    );
    let date = [first, first.other()]
        .iter()
        .find_map(|&l| t.version(l)?.meta.date.clone());
    let mut left = format!(" {title}");
    if let Some(d) = date {
        left.push_str(&format!(" · {d}"));
    }
    let mut right = String::new();
    // The filter in the fewest names: who is hidden, or who is left.
    let names = |hidden: bool| -> Vec<&str> {
        let speakers = t.speakers.iter().zip(&r.hidden);
        speakers
            .filter(|&(_, &h)| h == hidden)
            .map(|(sp, _)| sp.name[first].as_str())
            .collect()
    };
    let (hidden, shown) = (names(true), names(false));
    match hidden.len() {
        0 => {}
        1 | 2 => right.push_str(&format!("hiding {} · ", hidden.join(", "))),
        _ if shown.len() <= 2 => right.push_str(&format!("only {} · ", shown.join(", "))),
        n => right.push_str(&format!("hiding {n} speakers · ")),
    }
    match (arrangement, t.langs().len()) {
        (Arrangement::Single(l), 1) => right.push_str(&format!("{} only · ", l.name())),
        (Arrangement::Single(l), _) => right.push_str(&format!("{} · ", l.name())),
        _ => {}
    }
    if let Some(l) = app.study.hidden {
        right.push_str(&format!("study: {} hidden · ", l.name()));
    }
    // Until the whole is aligned, a position would be a share of the opening only.
    if r.aligning {
        right.push_str("aligning… ");
    } else {
        right.push_str(&format!("{}% ", r.viewport.percent(&r.layout, app.body_height())));
    }
    bar_line(buf, area, area.y, &left, &right, theme.chrome());
}

fn draw_status(buf: &mut Buffer, area: Rect, app: &App, r: &Reader, pair: &Pair, theme: &Theme) {
    let y = area.bottom() - 1;
    let t = app.transcript();
    let absent = t.filter(|t| t.langs().len() == 1).and_then(|t| {
        let missing = Lang::BOTH.into_iter().find(|&l| t.version(l).is_none())?;
        Some(format!(" No {} text in this document", missing.name()))
    });
    let absent = app
        .docs
        .get(r.doc)
        .and_then(|d| d.language_warning())
        .map(|w| format!(" {w}"))
        .or(absent);
    let hint = if area.width >= 100 {
        " j/k scroll · {/} passage · [/] turn · f speakers · t topics · / search · s swap · ? help · q back"
    } else {
        " {/} passage · f speakers · t topics · / search · ? help · q back"
    };
    if let Overlay::Search(q) = &app.overlay {
        bar_line(
            buf,
            area,
            y,
            &format!(" /{q}▏"),
            "Enter search · Esc cancel ",
            Style::new(),
        );
        return;
    }
    if let Overlay::Mark(key) = &app.overlay {
        let (typed, what) = match key {
            MarkKey::Set => ("m", "a letter sets a mark here"),
            MarkKey::Go => (
                "'",
                "a letter goes to its mark · ' back to where the last jump started",
            ),
        };
        bar_line(
            buf,
            area,
            y,
            &format!(" {typed}▏ {what}"),
            "Esc cancel ",
            Style::new(),
        );
        return;
    }
    // One language on screen: the counterpart of the sentence under the cursor shows here,
    // unless study mode hides it and it is not revealed.
    let counterpart = match app.arrangement() {
        Some(Arrangement::Single(l)) if app.study.hidden != Some(l.other()) || app.study.revealed => {
            let other: Vec<&str> = pair
                .texts
                .iter()
                .filter(|(x, _)| *x != l)
                .map(|(_, s)| s.as_str())
                .collect();
            (!other.is_empty()).then(|| format!(" {}: {}", l.other().name(), other.join(" ")))
        }
        _ => None,
    };
    let counter = r.search.as_ref().map(|s| {
        let at = s.current.map_or(0, |c| c + 1);
        format!("/{}  {at}/{} ", s.query, s.matches.len())
    });
    let (text, style) = match (&app.message, absent) {
        (Some(m), _) => (format!(" {m}"), Style::new()),
        _ if counterpart.is_some() => (counterpart.unwrap_or_default(), theme.sentence()),
        _ if counter.is_some() => (" n/N next/previous match · Esc clears".to_string(), theme.dim()),
        (None, Some(a)) if r.viewport.scroll == 0 => (a, theme.dim()),
        _ => (hint.to_string(), theme.dim()),
    };
    bar_line(buf, area, y, &text, counter.as_deref().unwrap_or(""), style);
}

/// A bordered box centred in `area`, cleared.
fn popup(buf: &mut Buffer, area: Rect, w: u16, h: u16, title: &str) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    let rect = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    use ratatui::widgets::Widget;
    Clear.render(rect, buf);
    let block = Block::default().borders(Borders::ALL).title(format!(" {title} "));
    let inner = block.inner(rect);
    block.render(rect, buf);
    inner
}

/// What the reading view's marks mean, after the keys in the help.
const LEGEND: &[(&str, &str)] = &[
    ("▌", "the current passage"),
    ("?", "a doubtful pairing"),
    ("┊", "2nd language, stacked"),
    ("· dim ·", "not in the other text"),
    ("blue", "sentence and its pair"),
];

fn draw_help(buf: &mut Buffer, area: Rect, app: &App) {
    let mode = if app.reader.is_some() {
        Mode::Reader
    } else {
        Mode::Library
    };
    let mut lines = keys::help(mode);
    if mode == Mode::Reader {
        lines.extend(LEGEND.iter().map(|&(mark, meaning)| (mark.to_string(), meaning)));
    }
    let key_w = lines.iter().map(|(k, _)| width(k)).max().unwrap_or(0);
    let text_w = lines.iter().map(|(_, h)| width(h)).max().unwrap_or(0);
    // As many columns of keys as the height needs (two on 80×24).
    let rows = usize::from(area.height.saturating_sub(2)).max(1);
    let columns = lines.len().div_ceil(rows).max(1);
    let per_column = lines.len().div_ceil(columns);
    let column_w = (key_w + text_w + 4).min(usize::from(area.width.saturating_sub(2)) / columns);
    let inner = popup(
        buf,
        area,
        (column_w * columns + 2) as u16,
        per_column as u16 + 2,
        "keys",
    );
    for (i, (k, h)) in lines.iter().enumerate() {
        let y = inner.y + (i % per_column) as u16;
        let x = inner.x + 1 + ((i / per_column) * column_w) as u16;
        let room = usize::from(inner.right().saturating_sub(x));
        buf.set_stringn(
            x,
            y,
            k,
            key_w.min(room),
            Style::new().add_modifier(Modifier::BOLD),
        );
        let x = x + key_w as u16 + 2;
        let room = usize::from(inner.right().saturating_sub(x));
        buf.set_stringn(x, y, h, text_w.min(room), Style::new());
    }
}

fn draw_speakers(buf: &mut Buffer, area: Rect, app: &App, list: &SpeakerList, theme: &Theme) {
    let (Some(t), Some(r)) = (app.transcript(), app.reader.as_ref()) else {
        return;
    };
    let rows: Vec<String> = t
        .speakers
        .iter()
        .zip(&list.checked)
        .enumerate()
        .map(|(i, (s, &on))| {
            let mark = if on { "[x]" } else { "[ ]" };
            let turns = r.turn_counts.get(i).copied().unwrap_or(0);
            format!(
                "{mark} {} / {} · {turns} turns",
                clean(&s.name[r.order[0]]),
                clean(&s.name[r.order[1]])
            )
        })
        .collect();
    let hint = "Space toggle · a all/none · Enter apply · Esc cancel";
    let w = rows
        .iter()
        .map(|s| width(s))
        .chain([width(hint)])
        .max()
        .unwrap_or(0)
        + 4;
    let inner = popup(buf, area, w as u16, rows.len() as u16 + 4, "speakers");
    let height = usize::from(inner.height.saturating_sub(2));
    let first = list.selected.saturating_sub(height.saturating_sub(1));
    for (i, row) in rows.iter().enumerate().skip(first).take(height) {
        let y = inner.y + (i - first) as u16;
        let style = if i == list.selected {
            theme.selected()
        } else {
            Style::new()
        };
        buf.set_stringn(
            inner.x + 1,
            y,
            row,
            usize::from(inner.width.saturating_sub(2)),
            style,
        );
    }
    buf.set_stringn(
        inner.x + 1,
        inner.bottom() - 1,
        hint,
        usize::from(inner.width.saturating_sub(2)),
        theme.dim(),
    );
}

fn draw_picker(buf: &mut Buffer, area: Rect, app: &App, p: &Picker, theme: &Theme) {
    let (Some(t), Some(r)) = (app.transcript(), app.reader.as_ref()) else {
        return;
    };
    let Some(index) = &r.topics else { return };
    let (inner, x, w) = query_popup(buf, area, "jump to topic", &p.query);
    let hint = if p.hits.is_empty() && !p.query.is_empty() {
        "no topic matches".to_string()
    } else {
        let n = p.hits.len();
        let topics = if n == 1 { "topic" } else { "topics" };
        format!("{n} {topics} · ↑/↓ choose · Enter jump · Esc cancel")
    };
    buf.set_stringn(x, inner.y + 1, hint, w, theme.dim());
    // Two rows per topic: the first language with the speaker, then the second.
    let per_screen = usize::from(inner.height.saturating_sub(2)) / 2;
    let first = p.selected.saturating_sub(per_screen.saturating_sub(1));
    for (k, hit) in p.hits.iter().enumerate().skip(first).take(per_screen) {
        let Some(topic) = index.topics().get(hit.topic) else {
            continue;
        };
        let y = inner.y + 2 + ((k - first) * 2) as u16;
        let base = if k == p.selected {
            theme.selected()
        } else {
            Style::new()
        };
        for (dy, lang) in r.order.into_iter().enumerate() {
            let y = y + dy as u16;
            buf.set_stringn(x, y, " ".repeat(w), w, base);
            let mut at = x;
            if dy == 0 {
                let who = topic
                    .speaker
                    .and_then(|s| t.speakers.get(s))
                    .map(|s| format!("{}: ", clean(&s.name[lang])));
                let label = who.unwrap_or_else(|| {
                    match topic.kind {
                        TopicKind::Heading => "§ ",
                        TopicKind::Question => "? ",
                        TopicKind::Opening | TopicKind::Term => "",
                    }
                    .to_string()
                });
                (at, _) = buf.set_stringn(at, y, label, w, base.patch(theme.role(Role::Speaker)));
            } else {
                at += 2;
            }
            let text_style = if dy == 0 {
                base
            } else {
                base.add_modifier(Modifier::DIM)
            };
            let room = inner.right().saturating_sub(at + 1);
            draw_snippet(
                buf,
                (at, y, room),
                &hit.snippet[lang],
                &hit.positions[lang],
                text_style,
                theme,
            );
        }
    }
}

/// A popup nearly as large as `area` with `query` typed on its first line; returns its inside,
/// and the column and width its lines are drawn at.
fn query_popup(buf: &mut Buffer, area: Rect, title: &str, query: &str) -> (Rect, u16, usize) {
    let inner = popup(
        buf,
        area,
        area.width.saturating_sub(4),
        area.height.saturating_sub(2),
        title,
    );
    let w = usize::from(inner.width.saturating_sub(2));
    let x = inner.x + 1;
    buf.set_stringn(
        x,
        inner.y,
        format!("› {}▏", clean(query)),
        w,
        Style::new().add_modifier(Modifier::BOLD),
    );
    (inner, x, w)
}

fn draw_finder(buf: &mut Buffer, area: Rect, app: &App, f: &Finder, theme: &Theme) {
    let (inner, x, w) = query_popup(buf, area, "search every transcript", &f.query);
    let hint = if f.waiting {
        "reading every transcript…".to_string()
    } else if f.searched.as_ref() != Some(&f.query) {
        "Enter search · Esc cancel".to_string()
    } else if f.hits.is_empty() {
        "nothing found".to_string()
    } else {
        format!("{} passages · ↑/↓ choose · Enter open · Esc cancel", f.hits.len())
    };
    buf.set_stringn(x, inner.y + 1, hint, w, theme.dim());
    if f.searched.as_ref() != Some(&f.query) {
        return;
    }
    // Three rows per hit: where it is, then its sentence in each language.
    let per_screen = usize::from(inner.height.saturating_sub(2)) / 3;
    let first = f.selected.saturating_sub(per_screen.saturating_sub(1));
    for (k, hit) in f.hits.iter().enumerate().skip(first).take(per_screen) {
        let y = inner.y + 2 + ((k - first) * 3) as u16;
        let base = if k == f.selected {
            theme.selected()
        } else {
            Style::new()
        };
        let name = app.docs.get(hit.doc).map_or("", |d| d.name.as_str());
        let speaker = hit
            .speaker
            .as_deref()
            .map(|s| format!("  {s}"))
            .unwrap_or_default();
        let head = format!("{name}:{}{speaker}", hit.line);
        buf.set_stringn(x, y, " ".repeat(w), w, base);
        buf.set_stringn(x, y, clean(&head), w, base.patch(theme.role(Role::Speaker)));
        for (dy, lang) in [Lang::Ru, Lang::En].into_iter().enumerate() {
            let line = format!("  {}", clean(&hit.text[lang]));
            buf.set_stringn(x, y + 1 + dy as u16, " ".repeat(w), w, base);
            buf.set_stringn(x, y + 1 + dy as u16, line, w, base.add_modifier(Modifier::DIM));
        }
    }
}

/// A snippet at (x, y, width) with the picker's matched characters (char indices) highlighted;
/// unsafe characters dropped.
fn draw_snippet(
    buf: &mut Buffer,
    at: (u16, u16, u16),
    snippet: &str,
    positions: &[usize],
    style: Style,
    theme: &Theme,
) {
    let (mut x, y, w) = at;
    let end = x.saturating_add(w);
    let mut run = String::new();
    let mut run_hit = false;
    let mut flush = |x: &mut u16, run: &mut String, hit: bool| {
        if *x < end && !run.is_empty() {
            let s = if hit { style.patch(theme.matched()) } else { style };
            (*x, _) = buf.set_stringn(*x, y, run.as_str(), usize::from(end - *x), s);
        }
        run.clear();
    };
    for (i, c) in snippet.chars().enumerate() {
        if is_unsafe(c) {
            continue;
        }
        let hit = positions.binary_search(&i).is_ok();
        if hit != run_hit {
            flush(&mut x, &mut run, run_hit);
            run_hit = hit;
        }
        run.push(c);
    }
    flush(&mut x, &mut run, run_hit);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `put_str` into one buffer and `set_stringn` into another, from each column of a short row.
    fn both(text: &str, max: usize) {
        let area = Rect::new(0, 0, 12, 1);
        for x in 0..area.width {
            let (mut ours, mut theirs) = (Buffer::empty(area), Buffer::empty(area));
            let style = Style::new().fg(Color::Cyan);
            let end = put_str(&mut ours, x, 0, text, max, style);
            let (their_end, _) = theirs.set_stringn(x, 0, text, max, style);
            assert_eq!((end, &ours), (their_end, &theirs), "{text:?} from {x}, max {max}");
        }
    }

    #[test]
    fn text_goes_into_the_cells_as_set_stringn_puts_it() {
        let one_cell_chars = (' '..='\u{52F}')
            .chain('\u{2010}'..='\u{2027}')
            .filter(|&c| one_cell(c));
        for c in one_cell_chars {
            // Alone, beside letters, and beside itself.
            both(&format!("{c}"), 12);
            both(&format!("a{c}b{c}{c}я"), 12);
        }
        for text in [
            "Переговоры начались «вовремя» — 12:00…",
            "Ёлка\u{301} and e\u{301}",
            "wide 中文 text",
            "tab\there",
            "soft\u{AD}hyphen",
            "",
        ] {
            for max in [0, 3, 12, 100] {
                both(text, max);
            }
        }
    }
}
