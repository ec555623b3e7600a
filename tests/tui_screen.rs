//! The reader's frames through the real backend and screen (scroll regions, the fewest bytes)
//! into a terminal emulator: after every step the terminal shows exactly the frame rendered.

mod tui_support;

use stenogram::tui::ansi::Ansi;
use stenogram::tui::app::{Action, App};
use stenogram::tui::render;
use stenogram::tui::screen::Screen;
use tui_support::{seed, settle, type_in};

/// One step of a session: actions, or text typed into the open input.
enum Step {
    Do(&'static [Action]),
    Type(&'static str),
}

/// Each cell as text with its bold and reverse attributes, row by row.
fn rendered(app: &App) -> Vec<String> {
    let backend = tui_support::screen(app);
    let buf = backend.buffer();
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .filter(|&x| x == 0 || buf[(x - 1, y)].symbol().chars().count() < 2)
                .map(|x| {
                    let c = &buf[(x, y)];
                    let m = c.modifier;
                    let bold = m.contains(ratatui::style::Modifier::BOLD);
                    let reversed = m.contains(ratatui::style::Modifier::REVERSED);
                    format!("{}{}{}", c.symbol(), u8::from(bold), u8::from(reversed))
                })
                .collect()
        })
        .collect()
}

fn emulated(parser: &vt100::Parser) -> Vec<String> {
    let screen = parser.screen();
    let (h, w) = (screen.size().0.get(), screen.size().1.get());
    (0..h)
        .map(|y| {
            (0..w)
                .filter_map(|x| screen.cell(y, x))
                .filter(|c| !c.is_wide_continuation())
                .map(|c| {
                    let text = if c.has_contents() { c.contents() } else { " " };
                    format!("{text}{}{}", u8::from(c.bold()), u8::from(c.inverse()))
                })
                .collect()
        })
        .collect()
}

fn play(mut app: App, steps: &[Step]) {
    let (w, h) = app.size;
    let mut screen = Screen::new(Ansi::with_size(Vec::new(), w, h), true).expect("screen");
    let nz = |n: u16| std::num::NonZeroU16::new(n).expect("a non-empty screen");
    let mut parser = vt100::Parser::new(nz(h), nz(w), 0);
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
        screen.draw(body, |f| render::draw(f, &app)).expect("draw");
        parser.process(&screen.backend_mut().writer()[before..]);
        let (want, got) = (rendered(&app), emulated(&parser));
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
