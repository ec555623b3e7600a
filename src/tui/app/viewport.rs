//! Where the reader is in a laid-out document: the first row shown and the current unit, and
//! the arithmetic of moving them. Pure: a [`Layout`] and a height in, new positions out.

use crate::layout::Layout;
use std::ops::Range;

/// The first row on screen and the current unit (a stop of the layout: collapsed turns count
/// as their first unit).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Viewport {
    pub scroll: usize,
    pub cursor: usize,
}

impl Viewport {
    pub fn max_scroll(layout: &Layout, height: usize) -> usize {
        layout.rows.len().saturating_sub(height)
    }

    pub fn clamp(&mut self, layout: &Layout, height: usize) {
        self.scroll = self.scroll.min(Self::max_scroll(layout, height));
    }

    /// The rows of `unit` (without the blank row after it); a collapsed run counts as its
    /// first unit's.
    pub fn unit_rows(layout: &Layout, unit: usize) -> Range<usize> {
        let start = layout.unit_row.get(unit).copied().unwrap_or(0);
        let next = layout
            .stops
            .get(layout.stop_of(unit) + 1)
            .map_or(layout.rows.len(), |&u| layout.unit_row[u].saturating_sub(1));
        start..next.max(start + 1)
    }

    pub fn cursor_rows(&self, layout: &Layout) -> Range<usize> {
        Self::unit_rows(layout, self.cursor)
    }

    pub fn shows(&self, rows: &Range<usize>, height: usize) -> bool {
        rows.end > self.scroll && rows.start < self.scroll + height
    }

    pub fn scroll_by(&mut self, layout: &Layout, delta: isize, height: usize) {
        self.scroll = self.scroll.saturating_add_signed(delta);
        self.clamp(layout, height);
        // The cursor follows the text: once its unit leaves the screen it moves to the top one.
        if !self.shows(&self.cursor_rows(layout), height)
            && let Some(row) = layout.rows.get(self.scroll)
        {
            self.cursor = row.unit;
        }
    }

    /// The next or previous stop (`dir` 1 or -1) from the cursor, among `stops` (the layout's
    /// units or turns). The cursor may sit between two of them.
    pub fn step_target(&self, stops: &[usize], dir: isize) -> Option<usize> {
        let here = stops.partition_point(|&u| u <= self.cursor);
        if dir > 0 {
            stops.get(here).copied()
        } else {
            let at = here
                .checked_sub(1)
                .filter(|&i| stops[i] < self.cursor)
                .or(here.checked_sub(2));
            at.and_then(|i| stops.get(i).copied())
        }
    }

    /// Makes `unit` the cursor; scrolls it to the top when it is not wholly on screen.
    pub fn goto(&mut self, layout: &Layout, unit: usize, height: usize) {
        self.cursor = unit;
        let rows = self.cursor_rows(layout);
        if rows.start < self.scroll || rows.end > self.scroll + height {
            self.scroll = rows.start;
        }
        self.clamp(layout, height);
    }

    /// Brings `row` on screen, a third of the way down, unless it already is.
    pub fn show_row(&mut self, layout: &Layout, row: usize, height: usize) {
        if row < self.scroll || row >= self.scroll + height {
            self.scroll = row.saturating_sub(height / 3);
            self.clamp(layout, height);
        }
    }

    /// After a relayout, moves the view to the cursor unit's first row unless some of it is
    /// on screen: a unit may be taller than the screen, and any row of it will do.
    pub fn reveal_cursor(&mut self, layout: &Layout, height: usize) {
        let rows = self.cursor_rows(layout);
        if !self.shows(&rows, height) {
            self.scroll = rows.start;
            self.clamp(layout, height);
        }
    }

    /// How far through the document the bottom of the screen is, in percent.
    pub fn percent(&self, layout: &Layout, height: usize) -> usize {
        if !layout.is_whole() {
            // Until the rest is laid out, the rows are not all counted: count units instead.
            let bottom = (self.scroll + height).min(layout.rows.len());
            let unit = bottom
                .checked_sub(1)
                .and_then(|b| layout.rows.get(b))
                .map_or(0, |r| r.unit + 1);
            return unit * 100 / layout.unit_row.len().max(1);
        }
        let total = layout.rows.len().max(1);
        ((self.scroll + height).min(total) * 100) / total
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::Row;
    use crate::model::ByLang;

    /// A layout of units `rows[i]` rows tall, each but the first preceded by a blank row, every
    /// unit a stop.
    fn layout(rows: &[usize]) -> Layout {
        let mut l = Layout::default();
        for (unit, &n) in rows.iter().enumerate() {
            if unit > 0 {
                l.rows.push(Row {
                    unit,
                    cells: ByLang::default(),
                });
            }
            l.unit_row.push(l.rows.len());
            l.stops.push(unit);
            for _ in 0..n {
                l.rows.push(Row {
                    unit,
                    cells: ByLang::default(),
                });
            }
        }
        l.units = 0..rows.len();
        l
    }

    #[test]
    fn scrolling_clamps_and_the_cursor_follows_only_when_its_unit_leaves() {
        // Units at rows 0..3, 4..7, 8..11, 12..15, 16..19: 19 rows, a blank row before each unit
        // but the first.
        let l = layout(&[3, 3, 3, 3, 3]);
        let mut v = Viewport::default();
        v.scroll_by(&l, 2, 5);
        assert_eq!((v.scroll, v.cursor), (2, 0), "unit 0 still shows its row 2");
        v.scroll_by(&l, 1, 5);
        assert_eq!((v.scroll, v.cursor), (3, 1), "the blank row on top is unit 1's");
        v.scroll_by(&l, 100, 5);
        assert_eq!(v.scroll, 14);
        assert_eq!(v.percent(&l, 5), 100);
        v.scroll_by(&l, -100, 5);
        assert_eq!(v.scroll, 0);
        assert_eq!(v.percent(&l, 5), 5 * 100 / 19);
    }

    #[test]
    fn the_percent_counts_units_until_every_unit_is_laid_out() {
        // Units 0 and 1 of four laid out: rows 0..3, then 4..7.
        let mut l = layout(&[3, 3]);
        l.unit_row = vec![0, 4, 7, 7];
        let v = Viewport::default();
        assert_eq!(
            v.percent(&l, 5),
            50,
            "the bottom row is unit 1's, the second of four"
        );
        assert_eq!(v.percent(&l, 2), 25);
    }

    #[test]
    fn steps_go_to_the_neighbouring_stop_even_from_between_stops() {
        let v = Viewport { scroll: 0, cursor: 3 };
        let turns = [0, 2, 5];
        assert_eq!(v.step_target(&turns, 1), Some(5));
        assert_eq!(v.step_target(&turns, -1), Some(2));
        let at = Viewport { cursor: 2, ..v };
        assert_eq!(at.step_target(&turns, -1), Some(0));
        assert_eq!(at.step_target(&[2], -1), None);
        assert_eq!(at.step_target(&[2], 1), None);
    }

    #[test]
    fn goto_scrolls_only_when_the_unit_is_not_wholly_shown() {
        let l = layout(&[3, 3, 3, 3, 3]);
        let mut v = Viewport::default();
        v.goto(&l, 1, 10);
        assert_eq!((v.scroll, v.cursor), (0, 1), "rows 4..7 are on a 10-row screen");
        v.goto(&l, 3, 10);
        assert_eq!((v.scroll, v.cursor), (9, 3), "clamped: 19 rows, 10 shown");
        v.goto(&l, 0, 10);
        assert_eq!(v.scroll, 0);
    }

    #[test]
    fn a_unit_taller_than_the_screen_stays_put_while_any_row_of_it_shows() {
        let l = layout(&[2, 30, 2]);
        let mut v = Viewport {
            scroll: 20,
            cursor: 1,
        };
        v.reveal_cursor(&l, 5);
        assert_eq!(v.scroll, 20);
        v.scroll = 0;
        v.cursor = 2;
        v.reveal_cursor(&l, 5);
        assert_eq!(v.scroll, Viewport::max_scroll(&l, 5).min(l.unit_row[2]));
        v.show_row(&l, 3, 6);
        assert_eq!(v.scroll, 1, "a third of the way down");
    }
}
