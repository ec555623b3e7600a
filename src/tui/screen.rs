//! What the terminal shows, and the fewest writes that make it show the next frame.
//!
//! Rows of text that moved (a scroll by fewer rows than the text area holds) are moved by the
//! terminal itself, with its scroll region, and only the rows that came in are drawn: a line
//! scroll then costs a line, not a screen. The shift is found by comparing the two frames row by
//! row, as curses does, so it needs nothing from the reader's state; the copy of the screen kept
//! here is shifted alike, and the cells that still differ are written as usual. Wide characters
//! are written whole, with the cells they cover, since terminals disagree about what overwriting
//! half of one leaves behind.

use super::ansi::{self, Ansi, Pen, uncertain_width};
use ratatui::backend::Backend;
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Position, Rect, Size};
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::io::{self, Write};
use std::ops::Range;

pub struct Screen<W: Write> {
    backend: Ansi<W>,
    /// The frame being drawn. Once written it becomes `shown`, and the old `shown`, reset,
    /// takes its place: two buffers in all, each a few hundred page faults at a large size.
    next: Buffer,
    /// What the terminal shows, unless `blank`. Empty until the first frame has been written:
    /// the first frame does not wait for it.
    shown: Buffer,
    /// Whether the terminal shows nothing (it was cleared): every cell of a frame is new, and no
    /// row can have moved.
    blank: bool,
    /// Whether the terminal has a scroll region to move text with.
    scrolls: bool,
}

impl<W: Write> Screen<W> {
    /// A screen on `backend`, taken to be blank ([`Screen::redraw`] clears it);
    /// `scrolls` is false for terminals without a scroll region (every frame is then drawn cell
    /// by cell).
    pub fn new(backend: Ansi<W>, scrolls: bool) -> io::Result<Screen<W>> {
        let area = Rect::from((Position::ORIGIN, backend.size()?));
        Ok(Screen {
            backend,
            next: Buffer::empty(area),
            shown: Buffer::default(),
            blank: true,
            scrolls,
        })
    }

    pub fn size(&self) -> io::Result<Size> {
        self.backend.size()
    }

    pub fn backend_mut(&mut self) -> &mut Ansi<W> {
        &mut self.backend
    }

    /// Clears the terminal and forgets what it showed: the next frame is drawn whole.
    pub fn redraw(&mut self) {
        self.backend.forget();
        // Queued, never failing: the bytes go out with the next frame.
        let _ = self.backend.clear();
        self.blank = true;
    }

    /// Draws a frame made by `render`. Rows `scrollable` (the text between the header and the
    /// status line) may be moved by the terminal when they moved in the frame.
    pub fn draw(&mut self, scrollable: Range<u16>, render: impl FnOnce(&mut Buffer)) -> io::Result<()> {
        let area = Rect::from((Position::ORIGIN, self.backend.size()?));
        if self.next.area != area {
            // A new size: the terminal is cleared and drawn whole.
            self.next = Buffer::empty(area);
            self.redraw();
        }
        render(&mut self.next);
        let next = std::mem::take(&mut self.next);
        let rows = scrollable.start..scrollable.end.min(area.height);
        let written = self.write(rows, &next);
        let mut spare = if written.is_ok() {
            self.blank = false;
            std::mem::replace(&mut self.shown, next)
        } else {
            next
        };
        if spare.area == area {
            spare.reset();
        } else {
            spare = Buffer::empty(area);
        }
        self.next = spare;
        written
    }

    /// Writes what turns the terminal from `shown` into `next`; rows `scrollable` may be moved.
    fn write(&mut self, scrollable: Range<u16>, next: &Buffer) -> io::Result<()> {
        let backend = &mut self.backend;
        // Nothing shown yet (the first frame, or one after a clear): nothing to move, and
        // hashing both frames would only delay the first.
        if self.scrolls
            && !self.blank
            && let Some(by) = vertical_shift(&self.shown, next, scrollable.clone())
        {
            backend.scroll(scrollable.start, scrollable.end, by);
            shift_rows(&mut self.shown, scrollable, by);
        }
        let shown = (!self.blank).then_some(&self.shown);
        backend.draw(changes(shown, next).into_iter())?;
        backend.hide_cursor()?;
        backend.flush()
    }
}

/// Row `y` of `buf`.
fn row(buf: &Buffer, y: u16) -> &[Cell] {
    let w = usize::from(buf.area.width);
    let start = usize::from(y) * w;
    buf.content.get(start..start + w).unwrap_or_default()
}

fn same(a: &Cell, b: &Cell) -> bool {
    // Mostly the very same colours and modifiers, told apart cheaper than by their pens.
    a.symbol() == b.symbol()
        && (a.fg == b.fg && a.bg == b.bg && a.modifier == b.modifier || Pen::of(a) == Pen::of(b))
}

fn row_hash(cells: &[Cell]) -> u64 {
    let mut h = DefaultHasher::new();
    for c in cells {
        c.symbol().hash(&mut h);
        Pen::of(c).hash(&mut h);
    }
    h.finish()
}

/// How far rows `rows` moved up (down if negative) from `shown` to `next`, when moving them in
/// the terminal leaves fewer rows to draw than not moving them.
pub fn vertical_shift(shown: &Buffer, next: &Buffer, rows: Range<u16>) -> Option<i32> {
    if shown.area != next.area || rows.len() < 2 {
        return None;
    }
    let old: Vec<u64> = rows.clone().map(|y| row_hash(row(shown, y))).collect();
    let new: Vec<u64> = rows.clone().map(|y| row_hash(row(next, y))).collect();
    let blank = row_hash(&vec![Cell::EMPTY; usize::from(shown.area.width)]);
    let n = old.len() as i32;
    // Rows left to draw after moving by `by`; the rows it uncovers are blank.
    let to_draw = |by: i32| {
        (0..n)
            .filter(|&i| {
                let from = i + by;
                let was = if (0..n).contains(&from) {
                    old[from as usize]
                } else {
                    blank
                };
                new[i as usize] != was
            })
            .count()
    };
    let (by, rows_left) = (1..n)
        .flat_map(|k| [k, -k])
        .map(|by| (by, to_draw(by)))
        .min_by_key(|&(by, left)| (left, by.abs()))?;
    (rows_left < to_draw(0)).then_some(by)
}

/// Moves rows `rows` of `buf` up by `by` (down if negative), as the terminal's scroll does.
pub fn shift_rows(buf: &mut Buffer, rows: Range<u16>, by: i32) {
    let w = usize::from(buf.area.width);
    let (top, bottom) = (usize::from(rows.start) * w, usize::from(rows.end) * w);
    let Some(band) = buf.content.get_mut(top..bottom) else {
        return;
    };
    let moved = (by.unsigned_abs() as usize * w).min(band.len());
    if by > 0 {
        band.rotate_left(moved);
        let len = band.len();
        band[len - moved..].fill(Cell::EMPTY);
    } else {
        band.rotate_right(moved);
        band[..moved].fill(Cell::EMPTY);
    }
}

/// Columns a cell's symbol takes.
fn columns(cell: &Cell) -> usize {
    usize::from(ansi::columns(cell.symbol()))
}

/// Whether the cells after a wide one are still the blanks it covers (a popup's border may have
/// been drawn over its right half).
fn covers(row: &[Cell], x: usize, k: usize) -> bool {
    row.get(x + 1..x + k)
        .is_some_and(|rest| rest.iter().all(|c| c.symbol() == " "))
}

/// The cells to write, in order, to turn `shown` (`None`: a blank terminal) into `next`.
pub fn changes<'a>(shown: Option<&Buffer>, next: &'a Buffer) -> Vec<(u16, u16, &'a Cell)> {
    const BLANK: &Cell = &Cell::EMPTY;
    // Room for every cell: growing by doubling would touch twice the pages of a whole frame.
    let mut out = Vec::with_capacity(next.content.len());
    if shown.is_some_and(|s| s.area != next.area) {
        return out;
    }
    let blank = vec![Cell::EMPTY; usize::from(next.area.width)];
    for y in 0..next.area.height {
        let (old, new) = (shown.map_or(&blank[..], |s| row(s, y)), row(next, y));
        let w = new.len();
        let mut dirty: Vec<bool> = (0..w).map(|x| !same(&old[x], &new[x])).collect();
        if !dirty.contains(&true) {
            continue;
        }
        // A wide character is rewritten whole when any column of it changed, on either side.
        for cells in [old, new] {
            for x in 0..w {
                let k = columns(&cells[x]);
                let end = (x + k).min(w);
                if k > 1 && dirty[x..end].contains(&true) {
                    dirty[x..end].fill(true);
                }
            }
        }
        let mut x = 0;
        // The column after the last cell written, and its pen.
        let mut after: Option<(usize, Pen)> = None;
        while x < w {
            if !dirty[x] {
                x += 1;
                continue;
            }
            if let Some((end, pen)) = after {
                fill_gap(&mut out, new, y, end..x, pen);
            }
            let cell = &new[x];
            let k = columns(cell);
            if k > 1 && !covers(new, x, k) {
                // Half of it is drawn over: the terminal can show only the other thing.
                out.push((x as u16, y, BLANK));
                after = Some((x + 1, Pen::default()));
                x += 1;
                continue;
            }
            if k > 1 && uncertain_width(cell.symbol()) {
                // Blank its columns first: a terminal drawing it narrower leaves them blank,
                // one drawing it as wide covers them.
                let covered = new.iter().enumerate().take(x + k).skip(x + 1);
                out.extend(covered.map(|(t, c)| (t as u16, y, c)));
            }
            out.push((x as u16, y, cell));
            after = Some((x + k, Pen::of(cell)));
            x += k;
        }
    }
    out
}

/// Writes the unchanged cells `gap` of row `y` again when that is shorter than moving the
/// cursor over them: one plain character in the same style costs a byte, a move three or four.
fn fill_gap<'a>(out: &mut Vec<(u16, u16, &'a Cell)>, row: &'a [Cell], y: u16, gap: Range<usize>, pen: Pen) {
    let n = gap.len();
    if n == 0 {
        return;
    }
    let cells = &row[gap.clone()];
    let move_bytes = if n == 1 { 3 } else { 3 + n.to_string().len() };
    let plain = cells
        .iter()
        .all(|c| Pen::of(c) == pen && columns(c) == 1 && !uncertain_width(c.symbol()));
    let bytes: usize = cells.iter().map(|c| c.symbol().len()).sum();
    if plain && bytes <= move_bytes {
        out.extend(gap.zip(cells).map(|(x, c)| (x as u16, y, c)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::{Color, Style};

    fn buffer(lines: &[&str]) -> Buffer {
        Buffer::with_lines(lines.iter().copied())
    }

    /// What a terminal shows after `bytes`, row by row.
    fn emulate(size: (u16, u16), bytes: &[u8]) -> Vec<String> {
        let nz = |n: u16| std::num::NonZeroU16::new(n).expect("non-zero size");
        let mut parser = vt100::Parser::new(nz(size.1), nz(size.0), 0);
        parser.process(bytes);
        parser
            .screen()
            .rows(0, size.0)
            .map(|r| r.trim_end().to_string())
            .collect()
    }

    fn lines(buf: &Buffer) -> Vec<String> {
        (0..buf.area.height)
            .map(|y| {
                let line: String = row(buf, y).iter().map(Cell::symbol).collect();
                line.trim_end().to_string()
            })
            .collect()
    }

    /// Draws `frames` one after another on a screen of their size; returns the bytes of each.
    fn draw_all(frames: &[Buffer], scrolls: bool) -> (Screen<Vec<u8>>, Vec<usize>) {
        let area = frames[0].area;
        let mut screen =
            Screen::new(Ansi::with_size(Vec::new(), area.width, area.height), scrolls).expect("screen");
        let mut sizes = Vec::new();
        for f in frames {
            let before = screen.backend_mut().writer().len();
            screen
                .draw(1..area.height - 1, |buf| buf.clone_from(f))
                .expect("draw");
            sizes.push(screen.backend_mut().writer().len() - before);
        }
        (screen, sizes)
    }

    #[test]
    fn a_one_line_scroll_moves_the_text_and_draws_one_row() {
        let words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta"];
        let text: Vec<String> = (0..30)
            .map(|i| format!("{i} {}", words[i % 7].repeat(3)))
            .collect();
        let frame = |top: usize| {
            let mut buf = Buffer::empty(Rect::new(0, 0, 20, 10));
            buf.set_string(0, 0, "header 1%", Style::new());
            for (y, line) in (1..).zip(&text[top..top + 8]) {
                buf.set_string(0, y, line, Style::new());
            }
            buf.set_string(0, 9, "status", Style::new());
            buf
        };
        let frames = [frame(0), frame(1), frame(0), frame(5)];
        let (screen, sizes) = draw_all(&frames, true);
        let bytes = &screen.backend.writer()[..];
        assert_eq!(emulate((20, 10), bytes), lines(&frames[3]));
        // A line down: the region, one scroll, one row (the scroll region then stays set).
        assert!(sizes[1] < 40, "{sizes:?}");
        let (_, repaint) = draw_all(&frames, false);
        assert!(sizes[1] * 3 < repaint[1], "{sizes:?} against {repaint:?}");
        let all = String::from_utf8_lossy(bytes);
        assert!(all.contains("\x1b[2;9r\x1b[9H\n"), "{all:?}");
        assert!(all.contains("\x1b[2H\x1bM"), "{all:?}");
    }

    #[test]
    fn frames_drawn_in_any_order_show_what_was_rendered() {
        let mut frames = Vec::new();
        for top in [0usize, 3, 2, 9, 8, 0, 1] {
            let mut buf = Buffer::empty(Rect::new(0, 0, 12, 8));
            buf.set_string(0, 0, format!("h{top}"), Style::new().fg(Color::Yellow));
            for y in 1..7u16 {
                let n = top + usize::from(y);
                let style = if n % 3 == 0 {
                    Style::new().bg(Color::Blue)
                } else {
                    Style::new()
                };
                buf.set_string(0, y, format!("r{n} ж {}", "x".repeat(n % 5)), style);
            }
            buf.set_string(0, 7, "status", Style::new());
            frames.push(buf);
        }
        for scrolls in [true, false] {
            let (screen, _) = draw_all(&frames, scrolls);
            let bytes = &screen.backend.writer()[..];
            assert_eq!(
                emulate((12, 8), bytes),
                lines(&frames[frames.len() - 1]),
                "scrolls: {scrolls}"
            );
        }
    }

    #[test]
    fn a_box_over_a_flag_leaves_no_half_of_it() {
        let base = buffer(&["head", "🇷🇺🇷🇺🇷🇺🇷🇺ab", "🇷🇺🇷🇺🇷🇺🇷🇺ab", "end"]);
        let mut boxed = base.clone();
        boxed.set_string(1, 1, "│    │", Style::new());
        boxed.set_string(1, 2, "│    │", Style::new());
        let changed = changes(Some(&base), &boxed);
        // The flags whose right half the box covers are blanked, not left to the terminal.
        assert!(
            changed
                .iter()
                .any(|&(x, y, c)| (x, y) == (0, 1) && c.symbol() == " ")
        );
        assert!(changed.iter().all(|&(_, _, c)| c.symbol() != "🇷🇺"));
        // Taking the box away writes the flags whole again.
        let back = changes(Some(&boxed), &base);
        let flags = back
            .iter()
            .filter(|&&(_, y, c)| y == 1 && c.symbol() == "🇷🇺")
            .count();
        assert_eq!(flags, 4);
    }

    #[test]
    fn shifting_a_buffer_matches_the_terminal() {
        let mut buf = buffer(&["h", "a", "b", "c", "d", "s"]);
        shift_rows(&mut buf, 1..5, 2);
        assert_eq!(lines(&buf), ["h", "c", "d", "", "", "s"]);
        shift_rows(&mut buf, 1..5, -1);
        assert_eq!(lines(&buf), ["h", "", "c", "d", "", "s"]);
    }

    #[test]
    fn no_shift_when_nothing_moved() {
        let a = buffer(&["h", "a", "b", "c", "s"]);
        let mut b = a.clone();
        b.set_string(0, 2, "B", Style::new());
        assert_eq!(vertical_shift(&a, &b, 1..4), None);
        let moved = buffer(&["h", "b", "c", "x", "s"]);
        assert_eq!(vertical_shift(&a, &moved, 1..4), Some(1));
    }
}
