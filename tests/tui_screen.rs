//! The reader's frames through the real backend and screen (scroll regions, the fewest bytes)
//! into a terminal emulator: after every step the terminal shows exactly the frame rendered.

mod pty_support;
mod tui_support;

use pty_support::{cells, emulator};
use ratatui::style::{Color, Modifier};
use stenogram::tui::ansi::{Ansi, NAMED};
use stenogram::tui::app::{Action, App};
use stenogram::tui::render;
use stenogram::tui::screen::Screen;
use tui_support::{seed, settle, type_in};
use unicode_width::UnicodeWidthStr;

/// One step of a session: actions, or text typed into the open input.
enum Step {
    Do(&'static [Action]),
    Type(&'static str),
}

/// The colour a terminal shows for a named one: its index, or its own default.
fn shown(color: Color) -> vt100::Color {
    NAMED
        .iter()
        .position(|&c| c == color)
        .map_or(vt100::Color::Default, |i| vt100::Color::Idx(i as u8))
}

/// The frame rendered for `app`, cell by cell as [`cells`] reads a terminal.
fn rendered(app: &App) -> Vec<String> {
    let backend = tui_support::screen(app);
    let buf = backend.buffer();
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .filter(|&x| x == 0 || buf[(x - 1, y)].symbol().width() < 2)
                .map(|x| {
                    let c = &buf[(x, y)];
                    let flags = [Modifier::BOLD, Modifier::UNDERLINED, Modifier::REVERSED]
                        .map(|m| u8::from(c.modifier.contains(m)));
                    format!("{}{:?}{:?}{flags:?}", c.symbol(), shown(c.fg), shown(c.bg))
                })
                .collect()
        })
        .collect()
}

fn play(mut app: App, steps: &[Step]) {
    let (w, h) = app.size;
    let mut screen = Screen::new(Ansi::with_size(Vec::new(), w, h), true).expect("screen");
    let mut parser = emulator((w, h));
    for (i, step) in steps.iter().enumerate() {
        match step {
            Step::Do(actions) => {
                for a in *actions {
                    let effects = app.update(a.clone());
                    settle(&mut app, effects);
                }
            }
            Step::Type(text) => type_in(&mut app, text),
        }
        let before = screen.backend_mut().writer().len();
        let body = 1..1 + app.body_height() as u16;
        screen.draw(body, |buf| render::draw(buf, &app)).expect("draw");
        parser.process(&screen.backend_mut().writer()[before..]);
        let (want, got) = (rendered(&app), cells(parser.screen()));
        for (y, (a, b)) in want.iter().zip(&got).enumerate() {
            assert_eq!(a, b, "step {i}, row {y} differs ({w}×{h})");
        }
    }
}

#[test]
fn every_frame_reaches_the_terminal_as_rendered() {
    use Action as A;
    let steps = [
        Step::Do(&[]),
        Step::Do(&[A::LineDown]),
        Step::Do(&[A::LineDown, A::LineDown]),
        Step::Do(&[A::PageDown]),
        Step::Do(&[A::LineUp]),
        Step::Do(&[A::HalfPageUp]),
        Step::Do(&[A::Help]),
        Step::Do(&[A::Cancel]),
        Step::Do(&[A::SpeakerFilter]),
        Step::Do(&[A::ToggleAll, A::Toggle]),
        Step::Do(&[A::Confirm]),
        Step::Do(&[A::NextTurn, A::NextTurn, A::NextTurn]),
        Step::Do(&[A::TopicPicker]),
        Step::Type("перемир"),
        Step::Do(&[A::Confirm]),
        Step::Do(&[A::LineDown]),
        Step::Do(&[A::Search]),
        Step::Type("Трамп"),
        Step::Do(&[A::Confirm]),
        Step::Do(&[A::NextMatch]),
        Step::Do(&[A::Cancel, A::LineUp]),
        Step::Do(&[A::Bottom]),
        Step::Do(&[A::PageUp]),
        Step::Do(&[A::Top]),
    ];
    for (w, h) in [(120, 40), (80, 24)] {
        play(seed(w, h), &steps);
    }
}
