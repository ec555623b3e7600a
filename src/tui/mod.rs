//! The interactive reader: terminal setup and restore, the event loop, and the App it drives.

pub mod ansi;
pub mod app;
pub mod keys;
pub mod render;
pub mod screen;

use crate::align::{Alignment, align};
use crate::error::{Error, Result};
use crate::library::Document;
use crate::model::Transcript;
use app::{Action, App, Effect};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{self, Event, KeyEventKind, MouseEventKind};
use ratatui::crossterm::{cursor, execute, terminal};
use std::io::{self, IsTerminal, Stdout, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::Duration;

/// How often the loop wakes without input to notice SIGTERM/SIGHUP and a hung-up terminal.
const TICK: Duration = Duration::from_millis(200);

/// Runs the reader on `docs`; `library` shows the list of documents first.
pub fn run(docs: Vec<Document>, library: bool) -> Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(signal, Arc::clone(&stop)).map_err(Error::Terminal)?;
    }
    let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let mut session = Session::start()?;
    let size = session.terminal.size().map_err(Error::Terminal)?;
    let (mut app, effects) = App::new(docs, library, (size.width, size.height), color);
    let result = event_loop(&mut session.terminal, &mut app, effects, &stop);
    drop(session);
    // The input thread may still be blocked (or, on a hung-up terminal, spinning inside
    // crossterm); returning from main ends the process and it with it.
    result.map_err(Error::Terminal)
}

/// What wakes the event loop: terminal input, or a whole alignment from the background (`None`
/// if aligning failed).
enum Wake {
    Input(io::Result<Event>),
    Aligned(usize, Option<Alignment>),
}

/// The name of the thread that aligns in the background, whose panic the reader survives.
const ALIGN_THREAD: &str = "align";

/// Reads terminal events on their own thread, so the loop can wait with a timeout that
/// crossterm's own poll does not honour once the terminal has hung up.
fn spawn_input(tx: mpsc::Sender<Wake>) {
    std::thread::spawn(move || {
        loop {
            let event = event::read();
            let failed = event.is_err();
            if tx.send(Wake::Input(event)).is_err() || failed {
                return;
            }
        }
    });
}

/// Aligns document `doc` on its own thread, so that the reader stays responsive meanwhile. A
/// panic there is reported as a failure rather than left to end the reader.
fn spawn_align(doc: usize, transcript: Transcript, tx: mpsc::Sender<Wake>) -> io::Result<()> {
    std::thread::Builder::new()
        .name(ALIGN_THREAD.into())
        .spawn(move || {
            let alignment = std::panic::catch_unwind(|| align(&transcript)).ok();
            // The loop may have ended; then nobody wants the result.
            let _ = tx.send(Wake::Aligned(doc, alignment));
        })
        .map(drop)
}

fn event_loop(
    term: &mut Terminal<CrosstermBackend<Stdout>>,
    app: &mut App,
    mut effects: Vec<Effect>,
    stop: &AtomicBool,
) -> io::Result<()> {
    let (tx, wakes) = mpsc::channel();
    spawn_input(tx.clone());
    loop {
        // Over SSH the window can shrink before its Resize event arrives: lay out for the real size.
        let size = term.size()?;
        if (size.width, size.height) != app.size {
            effects.extend(app.update(Action::Resize(size.width, size.height)));
        }
        term.draw(|frame| render::draw(frame, app))?;
        // After the frame, so that a long document shows its opening first.
        for effect in effects.drain(..) {
            perform(effect, app, &tx)?;
        }
        let mut wake = loop {
            // A lost connection: the terminal hangs up (isatty fails) or SIGHUP arrives.
            if app.quit || stop.load(Ordering::Relaxed) || !io::stdout().is_terminal() {
                return Ok(());
            }
            match wakes.recv_timeout(TICK) {
                Ok(wake) => break wake,
                Err(mpsc::RecvTimeoutError::Timeout) => {}
                Err(mpsc::RecvTimeoutError::Disconnected) => return Ok(()),
            }
        };
        // Everything already queued (key repeat, fast typing in the picker) is applied before
        // the next frame, so drawing never falls behind the keyboard.
        loop {
            let action = match wake {
                Wake::Input(event) => action_of(app, event?),
                Wake::Aligned(doc, alignment) => Some(match alignment {
                    Some(a) => Action::Aligned(doc, Box::new(a)),
                    None => Action::AlignFailed(doc),
                }),
            };
            if let Some(action) = action {
                effects.extend(app.update(action));
            }
            match wakes.try_recv() {
                Ok(next) if !app.quit => wake = next,
                _ => break,
            }
        }
    }
}

/// Does what an update asked for.
fn perform(effect: Effect, app: &App, tx: &mpsc::Sender<Wake>) -> io::Result<()> {
    match effect {
        Effect::Align(doc) => {
            if let Some(d) = app.docs.get(doc) {
                spawn_align(doc, d.transcript.clone(), tx.clone())?;
            }
        }
        Effect::Mouse(true) => execute!(io::stdout(), event::EnableMouseCapture)?,
        Effect::Mouse(false) => execute!(io::stdout(), event::DisableMouseCapture)?,
        Effect::Copy(text) => {
            let mut out = io::stdout();
            out.write_all(osc52(&text).as_bytes())?;
            out.flush()?;
        }
        Effect::Remember(..) => {}
    }
    Ok(())
}

/// The OSC 52 sequence that puts `text` on the clipboard of the terminal (or tmux, or the
/// terminal at the far end of an SSH link). `text` travels in base64: nothing in it can reach
/// the terminal as a control.
fn osc52(text: &str) -> String {
    use base64::Engine;
    let payload = base64::engine::general_purpose::STANDARD.encode(text);
    format!("\x1b]52;c;{payload}\x07")
}

fn action_of(app: &App, event: Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => keys::action(app.mode(), key),
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => Some(Action::Scroll(3)),
            MouseEventKind::ScrollUp => Some(Action::Scroll(-3)),
            _ => None,
        },
        _ => None,
    }
}

/// The terminal in raw mode on the alternate screen; dropping it restores the terminal.
struct Session {
    terminal: Terminal<CrosstermBackend<Stdout>>,
}

impl Session {
    fn start() -> Result<Session> {
        install_panic_hook();
        terminal::enable_raw_mode().map_err(Error::Terminal)?;
        let mut out = io::stdout();
        if let Err(e) = execute!(out, terminal::EnterAlternateScreen, cursor::Hide) {
            restore();
            return Err(Error::Terminal(e));
        }
        match Terminal::new(CrosstermBackend::new(out)) {
            Ok(terminal) => Ok(Session { terminal }),
            Err(e) => {
                restore();
                Err(Error::Terminal(e))
            }
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        restore();
    }
}

/// Leaves raw mode, mouse capture and the alternate screen; safe to call more than once.
fn restore() {
    let _ = terminal::disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        event::DisableMouseCapture,
        terminal::LeaveAlternateScreen,
        cursor::Show
    );
}

/// A panic restores the terminal first, so its message is readable and the shell usable. One in
/// the background aligner is caught and reported on the status line instead: the reader goes on
/// on its raw screen, which the message would garble.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if std::thread::current().name() == Some(ALIGN_THREAD) {
            return;
        }
        restore();
        previous(info);
    }));
}
