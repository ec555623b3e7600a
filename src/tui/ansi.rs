//! The bytes a frame takes: a ratatui backend that writes the 16 named ANSI colours only, and as
//! few escape sequences as it can.
//!
//! ratatui's crossterm backend writes even the 16 colours in their 256-colour form (`38;5;N`),
//! resets an underline colour (`ESC[59m`) that older terminals misread, and moves the cursor
//! before each run of changed cells. This one writes SGR 30–37, 90–97, 40–47 and 100–107, one
//! SGR sequence per change of style, the shortest cursor move it knows, scrolls with the
//! terminal's scroll region (DECSTBM, then line feeds or reverse index), and sends each frame in
//! one write. Once a write
//! fails (the terminal hung up) it writes nothing more.

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::{Cell, CellWidth};
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};
use std::io::{self, Write};

/// The largest window drawn; a larger one (a terminal may claim 65535×65535) is drawn in its
/// top-left corner, so screen buffers never grow past a few megabytes.
pub const MAX_SIZE: (u16, u16) = (1000, 500);

pub fn clamp_size(width: u16, height: u16) -> (u16, u16) {
    (width.min(MAX_SIZE.0), height.min(MAX_SIZE.1))
}

/// How a cell is drawn: colours as indices 0–15 (`None`: the terminal's default) and modifiers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Pen {
    fg: Option<u8>,
    bg: Option<u8>,
    modifier: Modifier,
}

impl Pen {
    pub fn of(cell: &Cell) -> Pen {
        Pen {
            fg: index(cell.fg),
            bg: index(cell.bg),
            modifier: cell.modifier,
        }
    }

    /// Whether a line erased or scrolled in with this pen would not be blank on every terminal
    /// (with background colour erase, a scroll fills new lines with the current background).
    fn colours_blanks(self) -> bool {
        self.bg.is_some() || self.modifier.contains(Modifier::REVERSED)
    }
}

/// The 16 named colours in the order of their indices (SGR 30–37 then 90–97).
pub const NAMED: [Color; 16] = [
    Color::Black,
    Color::Red,
    Color::Green,
    Color::Yellow,
    Color::Blue,
    Color::Magenta,
    Color::Cyan,
    Color::Gray,
    Color::DarkGray,
    Color::LightRed,
    Color::LightGreen,
    Color::LightYellow,
    Color::LightBlue,
    Color::LightMagenta,
    Color::LightCyan,
    Color::White,
];

/// The named colour's index; the reader draws no other, and any other is drawn in the default.
fn index(color: Color) -> Option<u8> {
    match color {
        // Most cells': found without a search, which every cell of a frame would otherwise make
        // (twice for each of its colours when compared).
        Color::Reset => None,
        Color::Indexed(i) if i < 16 => Some(i),
        _ => NAMED.iter().position(|&c| c == color).map(|i| i as u8),
    }
}

/// SGR codes turning a modifier on, and the code turning it off (22 ends both bold and dim, 25
/// both blinks).
const MODIFIERS: [(Modifier, u8, u8); 9] = [
    (Modifier::BOLD, 1, 22),
    (Modifier::DIM, 2, 22),
    (Modifier::ITALIC, 3, 23),
    (Modifier::UNDERLINED, 4, 24),
    (Modifier::SLOW_BLINK, 5, 25),
    (Modifier::RAPID_BLINK, 6, 25),
    (Modifier::REVERSED, 7, 27),
    (Modifier::HIDDEN, 8, 28),
    (Modifier::CROSSED_OUT, 9, 29),
];

/// The SGR parameter for colour `i` (0–15) in the foreground, or with `bg` the background.
fn colour_code(i: Option<u8>, bg: bool) -> u8 {
    let base = match i {
        None => 39,
        Some(i) if i < 8 => 30 + i,
        Some(i) => 90 + (i - 8),
    };
    if bg { base + 10 } else { base }
}

/// The SGR sequence taking the terminal from `from` (`None`: unknown) to `to`: either the changes
/// alone, or a reset and `to` in full, whichever is shorter.
pub fn sgr(from: Option<Pen>, to: Pen) -> Vec<u8> {
    if from == Some(to) {
        return Vec::new();
    }
    let mut full = vec![0];
    full.extend(
        MODIFIERS
            .iter()
            .filter(|m| to.modifier.contains(m.0))
            .map(|m| m.1),
    );
    full.extend(to.fg.map(|_| colour_code(to.fg, false)));
    full.extend(to.bg.map(|_| colour_code(to.bg, true)));
    let mut best = sequence(&full);
    if let Some(from) = from {
        let mut codes: Vec<u8> = Vec::new();
        let mut on = from.modifier;
        for &(m, _, off) in &MODIFIERS {
            if on.contains(m) && !to.modifier.contains(m) && !codes.contains(&off) {
                codes.push(off);
                // The code also ended its partner (bold and dim, the two blinks).
                on.remove(
                    MODIFIERS
                        .iter()
                        .filter(|p| p.2 == off)
                        .fold(Modifier::empty(), |a, p| a | p.0),
                );
            }
        }
        codes.extend(
            MODIFIERS
                .iter()
                .filter(|m| to.modifier.contains(m.0) && !on.contains(m.0))
                .map(|m| m.1),
        );
        if from.fg != to.fg {
            codes.push(colour_code(to.fg, false));
        }
        if from.bg != to.bg {
            codes.push(colour_code(to.bg, true));
        }
        let changes = sequence(&codes);
        if changes.len() < best.len() {
            best = changes;
        }
    }
    best
}

/// `ESC [ codes m`, with a lone reset written `ESC [ m`.
fn sequence(codes: &[u8]) -> Vec<u8> {
    let mut out = b"\x1b[".to_vec();
    if codes != [0] {
        for (i, &code) in codes.iter().enumerate() {
            if i > 0 {
                out.push(b';');
            }
            push_number(&mut out, code.into());
        }
    }
    out.push(b'm');
    out
}

/// Appends `n` in decimal. Escape sequences are written digit by digit rather than through
/// `format!`, which cost more than the rest of writing a whole frame's sequences.
fn push_number(out: &mut Vec<u8>, mut n: u16) {
    let mut digits = [0; 5];
    let mut start = digits.len();
    loop {
        start -= 1;
        digits[start] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[start..]);
}

/// Columns the grapheme `symbol` takes, at least one. A lone character below U+1100 (where the
/// first wide ones are) takes one: so known without unicode-width's tables, which were a third
/// of the cost of writing a whole frame.
pub fn columns(symbol: &str) -> u16 {
    let mut chars = symbol.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c < '\u{1100}' => 1,
        _ => symbol.cell_width().max(1),
    }
}

/// A grapheme some terminals draw at another width than Unicode says (emoji sequences, flags,
/// symbols with an emoji presentation): after it, the cursor's column is not known. Letters with
/// combining accents (a Russian stress mark) are drawn alike everywhere.
pub fn uncertain_width(symbol: &str) -> bool {
    let mut chars = symbol.chars();
    let Some(c) = chars.next() else { return false };
    chars.any(|m| !('\u{300}'..='\u{36F}').contains(&m))
        || c >= '\u{1F000}'
        || ('\u{2300}'..='\u{23FF}').contains(&c)
        || ('\u{2600}'..='\u{27BF}').contains(&c)
        || ('\u{2B00}'..='\u{2BFF}').contains(&c)
}

/// The terminal, as far as this backend knows it: the cursor, the style it draws with, the scroll
/// region. `None` is "not known": the next use sets it outright.
pub struct Ansi<W: Write> {
    out: W,
    /// The frame being written, sent in one write on flush.
    buf: Vec<u8>,
    /// A write failed: the terminal is gone, and nothing more is written.
    dead: bool,
    pos: Option<Position>,
    pen: Option<Pen>,
    cursor_shown: Option<bool>,
    /// The scroll region's first and last row.
    region: Option<(u16, u16)>,
    /// The size of a terminal that is not asked (tests), else the last size asked.
    size: std::cell::Cell<Option<Size>>,
    fixed: bool,
}

impl<W: Write> Ansi<W> {
    /// A backend writing to the terminal `out`, whose size is asked of the controlling terminal.
    pub fn new(out: W) -> Ansi<W> {
        Ansi {
            out,
            buf: Vec::with_capacity(1 << 16),
            dead: false,
            pos: None,
            pen: None,
            cursor_shown: None,
            region: None,
            size: std::cell::Cell::new(None),
            fixed: false,
        }
    }

    /// A backend for a terminal of a known size (a byte buffer in tests).
    pub fn with_size(out: W, width: u16, height: u16) -> Ansi<W> {
        let ansi = Ansi::new(out);
        ansi.size.set(Some(Size::new(width, height)));
        Ansi { fixed: true, ..ansi }
    }

    pub fn writer(&self) -> &W {
        &self.out
    }

    pub fn is_dead(&self) -> bool {
        self.dead
    }

    /// From now on nothing is written (the terminal hung up).
    pub fn abandon(&mut self) {
        self.dead = true;
        self.buf.clear();
    }

    /// Forgets what the terminal shows and how it is set (after a resize, or the terminal was
    /// given to another program): the scroll region is reset to the whole screen, and the next
    /// output sets the rest outright.
    pub fn forget(&mut self) {
        self.pos = None;
        self.pen = None;
        self.cursor_shown = None;
        self.reset_region();
    }

    /// Queues raw bytes: mode switches (alternate screen, mouse) the session makes.
    pub fn raw(&mut self, bytes: &[u8]) {
        if !self.dead {
            self.buf.extend_from_slice(bytes);
        }
    }

    fn width(&self) -> u16 {
        self.size.get().map_or(0, |s| s.width)
    }

    /// Moves rows `top..bottom` (`bottom` exclusive) up by `by` rows (down if negative) with the
    /// terminal's scroll region; the rows uncovered are blank.
    pub fn scroll(&mut self, top: u16, bottom: u16, by: i32) {
        if by == 0 || bottom <= top + 1 {
            return;
        }
        if self.pen.is_none_or(Pen::colours_blanks) {
            self.set_pen(Pen::default());
        }
        let region = (top, bottom - 1);
        if self.region != Some(region) {
            self.raw(format!("\x1b[{};{}r", top + 1, bottom).as_bytes());
            self.region = Some(region);
            // Setting the region homes the cursor.
            self.pos = None;
        }
        // Line feeds at the bottom margin, reverse index at the top: what every terminal with a
        // scroll region does (the Linux console has no SU/SD), and as short for a line or two.
        let (row, step): (u16, &[u8]) = if by > 0 {
            (region.1, b"\n")
        } else {
            (top, b"\x1bM")
        };
        self.move_to(0, row);
        self.raw(&step.repeat(by.unsigned_abs() as usize));
    }

    /// The whole screen as the scroll region again (before handing the terminal back).
    pub fn reset_region(&mut self) {
        self.raw(b"\x1b[r");
        self.region = Some((0, self.size.get().map_or(0, |s| s.height.saturating_sub(1))));
        self.pos = None;
    }

    fn set_pen(&mut self, pen: Pen) {
        // Most cells are drawn with the pen of the one before.
        if self.pen == Some(pen) {
            return;
        }
        let bytes = sgr(self.pen, pen);
        self.raw(&bytes);
        self.pen = Some(pen);
    }

    fn move_to(&mut self, x: u16, y: u16) {
        if self.pos == Some(Position { x, y }) {
            return;
        }
        let from = self.pos.filter(|p| p.x < self.width());
        let vertical = from.is_some_and(|p| self.within_margins(p.y, y));
        let bytes = cursor_move(from, (x, y), vertical);
        self.raw(&bytes);
        self.pos = Some(Position { x, y });
    }

    /// Whether rows `a` and `b` are both inside the scroll region: a move up or down between
    /// them is not stopped at a margin (nor a line feed turned into a scroll).
    fn within_margins(&self, a: u16, b: u16) -> bool {
        self.region
            .is_some_and(|(top, bottom)| (top..=bottom).contains(&a) && (top..=bottom).contains(&b))
    }
}

/// The shortest bytes moving the cursor from `from` (`None`: unknown) to `to`, absolute or
/// relative; up and down relatively only when `vertical` (no margin in the way).
fn cursor_move(from: Option<Position>, (x, y): (u16, u16), vertical: bool) -> Vec<u8> {
    let mut absolute = b"\x1b[".to_vec();
    if (x, y) != (0, 0) {
        push_number(&mut absolute, y + 1);
        if x > 0 {
            absolute.push(b';');
            push_number(&mut absolute, x + 1);
        }
    }
    absolute.push(b'H');
    let Some(p) = from.filter(|p| vertical || p.y == y) else {
        return absolute;
    };
    // `ESC [ d final`, the count left out when it is one.
    let by = |out: &mut Vec<u8>, d: u16, last: u8| {
        out.extend_from_slice(b"\x1b[");
        if d != 1 {
            push_number(out, d);
        }
        out.push(last);
    };
    let mut down_or_up = Vec::new();
    match y.cmp(&p.y) {
        std::cmp::Ordering::Equal => {}
        std::cmp::Ordering::Greater if y == p.y + 1 => down_or_up.push(b'\n'),
        std::cmp::Ordering::Greater => by(&mut down_or_up, y - p.y, b'B'),
        std::cmp::Ordering::Less => by(&mut down_or_up, p.y - y, b'A'),
    }
    let mut relative = down_or_up.clone();
    match x.cmp(&p.x) {
        std::cmp::Ordering::Equal => {}
        std::cmp::Ordering::Greater => by(&mut relative, x - p.x, b'C'),
        std::cmp::Ordering::Less => by(&mut relative, p.x - x, b'D'),
    }
    let mut from_margin = down_or_up;
    from_margin.push(b'\r');
    if x != 0 {
        by(&mut from_margin, x, b'C');
    }
    [absolute, relative, from_margin]
        .into_iter()
        .min_by_key(Vec::len)
        .unwrap_or_default()
}

impl<W: Write> Backend for Ansi<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let width = self.width();
        for (x, y, cell) in content {
            self.move_to(x, y);
            self.set_pen(Pen::of(cell));
            let symbol = match cell.symbol() {
                "" => " ",
                s => s,
            };
            self.raw(symbol.as_bytes());
            let end = x.saturating_add(columns(symbol));
            // Past the last column the terminal waits to wrap, and relative moves go wrong.
            self.pos = (!uncertain_width(symbol) && end < width).then_some(Position { x: end, y });
        }
        Ok(())
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        if self.cursor_shown != Some(false) {
            self.raw(b"\x1b[?25l");
            self.cursor_shown = Some(false);
        }
        Ok(())
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        if self.cursor_shown != Some(true) {
            self.raw(b"\x1b[?25h");
            self.cursor_shown = Some(true);
        }
        Ok(())
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        // Never asked of the terminal: a query would wait for an answer a hung-up one never sends.
        Ok(self.pos.unwrap_or_default())
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let p = position.into();
        self.move_to(p.x, p.y);
        Ok(())
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        // Erasing fills with the current background on many terminals.
        if self.pen.is_none_or(Pen::colours_blanks) {
            self.set_pen(Pen::default());
        }
        let code: &[u8] = match clear_type {
            ClearType::All => b"\x1b[2J",
            ClearType::AfterCursor => b"\x1b[J",
            ClearType::BeforeCursor => b"\x1b[1J",
            ClearType::CurrentLine => b"\x1b[2K",
            ClearType::UntilNewLine => b"\x1b[K",
        };
        self.raw(code);
        Ok(())
    }

    fn size(&self) -> io::Result<Size> {
        if self.fixed
            && let Some(size) = self.size.get()
        {
            return Ok(size);
        }
        let (w, h) = ratatui::crossterm::terminal::size()?;
        let (w, h) = clamp_size(w, h);
        let size = Size::new(w, h);
        self.size.set(Some(size));
        Ok(size)
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        Ok(WindowSize {
            columns_rows: self.size()?,
            pixels: Size::default(),
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.dead || self.buf.is_empty() {
            self.buf.clear();
            return Ok(());
        }
        let result = self.out.write_all(&self.buf).and_then(|()| self.out.flush());
        self.buf.clear();
        if result.is_err() {
            self.dead = true;
        }
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pen(fg: Option<u8>, bg: Option<u8>, modifier: Modifier) -> Pen {
        Pen { fg, bg, modifier }
    }

    fn text(bytes: Vec<u8>) -> String {
        String::from_utf8(bytes).unwrap_or_default()
    }

    #[test]
    fn a_lone_character_below_u1100_takes_one_column_as_unicode_says() {
        // Control characters never reach a cell (text is cleaned before it is drawn), and
        // ratatui refuses to measure them.
        let drawable = ('\0'..'\u{1100}').filter(|c| !c.is_control());
        for c in drawable.chain(['\u{1100}', '\u{4E00}', '\u{1F600}']) {
            let symbol = c.to_string();
            assert_eq!(columns(&symbol), symbol.cell_width().max(1), "{c:?}");
        }
        assert_eq!(columns("\u{4E00}"), 2);
        assert_eq!(columns(""), 1);
        assert_eq!(columns("е\u{301}"), 1);
    }

    #[test]
    fn colours_are_the_named_sixteen() {
        let fg: Vec<u8> = NAMED.iter().map(|&c| colour_code(index(c), false)).collect();
        let bg: Vec<u8> = NAMED.iter().map(|&c| colour_code(index(c), true)).collect();
        assert_eq!(
            fg,
            [30, 31, 32, 33, 34, 35, 36, 37, 90, 91, 92, 93, 94, 95, 96, 97]
        );
        assert_eq!(
            bg,
            [
                40, 41, 42, 43, 44, 45, 46, 47, 100, 101, 102, 103, 104, 105, 106, 107
            ]
        );
        // Anything beyond the sixteen is the terminal's default, never a 256-colour code.
        assert_eq!(colour_code(index(Color::Indexed(200)), false), 39);
        assert_eq!(colour_code(index(Color::Rgb(1, 2, 3)), true), 49);
    }

    #[test]
    fn style_changes_take_the_shorter_sequence() {
        let plain = Pen::default();
        let bold_cyan = pen(Some(6), None, Modifier::BOLD);
        assert_eq!(text(sgr(None, plain)), "\x1b[m");
        assert_eq!(text(sgr(None, bold_cyan)), "\x1b[0;1;36m");
        assert_eq!(text(sgr(Some(plain), bold_cyan)), "\x1b[1;36m");
        assert_eq!(text(sgr(Some(bold_cyan), plain)), "\x1b[m");
        assert_eq!(text(sgr(Some(bold_cyan), bold_cyan)), "");
        // Bold off ends dim too: dim is set again, unless a reset is shorter.
        let bold_dim_red = pen(Some(1), None, Modifier::BOLD | Modifier::DIM);
        let dim_red = pen(Some(1), None, Modifier::DIM);
        assert_eq!(text(sgr(Some(bold_dim_red), dim_red)), "\x1b[22;2m");
        let bold_dim = pen(None, None, Modifier::BOLD | Modifier::DIM);
        let dim = pen(None, None, Modifier::DIM);
        assert_eq!(text(sgr(Some(bold_dim), dim)), "\x1b[0;2m");
        let on_yellow = pen(Some(0), Some(3), Modifier::empty());
        assert_eq!(
            text(sgr(Some(on_yellow), pen(Some(0), None, Modifier::empty()))),
            "\x1b[49m"
        );
    }

    #[test]
    fn cursor_moves_are_the_shortest() {
        let at = |x, y| Some(Position { x, y });
        assert_eq!(text(cursor_move(None, (0, 0), false)), "\x1b[H");
        assert_eq!(text(cursor_move(None, (0, 22), false)), "\x1b[23H");
        assert_eq!(text(cursor_move(None, (4, 22), false)), "\x1b[23;5H");
        assert_eq!(text(cursor_move(None, (119, 0), false)), "\x1b[1;120H");
        assert_eq!(text(cursor_move(at(5, 2), (5, 120), true)), "\x1b[118B");
        assert_eq!(text(cursor_move(at(110, 3), (10, 3), true)), "\x1b[100D");
        assert_eq!(text(cursor_move(at(3, 5), (5, 5), false)), "\x1b[2C");
        assert_eq!(text(cursor_move(at(30, 5), (0, 6), true)), "\n\r");
        assert_eq!(text(cursor_move(at(30, 5), (0, 6), false)), "\x1b[7H");
        assert_eq!(text(cursor_move(at(30, 15), (5, 16), true)), "\n\x1b[25D");
        // Across a margin of the scroll region a relative move would stop at the margin.
        assert_eq!(text(cursor_move(at(30, 39), (30, 0), false)), "\x1b[1;31H");
        assert_eq!(text(cursor_move(at(30, 5), (29, 5), false)), "\x1b[D");
    }

    #[test]
    fn emoji_and_flags_leave_the_column_unknown() {
        assert!(uncertain_width("🇷🇺"));
        assert!(uncertain_width("❤\u{fe0f}"));
        assert!(uncertain_width("👍🏽"));
        assert!(!uncertain_width("ж"));
        assert!(!uncertain_width("│"));
        assert!(!uncertain_width("a"));
        assert!(!uncertain_width("а\u{301}"));
    }
}
