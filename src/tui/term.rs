//! The terminal session, like less and vim: raw mode on the alternate screen; handed back
//! restored on every way out (quit, SIGINT, SIGQUIT, SIGTERM, a panic) and around a suspend
//! (Ctrl-Z, SIGTSTP), taken again on SIGCONT; and never written to once it has hung up.

use super::ansi::Ansi;
use super::screen::Screen;
use ratatui::crossterm::terminal;
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
use std::fs::File;
use std::io::{self, IsTerminal, Write};
use std::os::fd::AsFd;
use std::sync::atomic::{AtomicBool, Ordering};

/// Set once the terminal is found hung up: nothing is written to it after, not even by the
/// panic hook.
static HUNG_UP: AtomicBool = AtomicBool::new(false);

/// The alternate screen, the cursor hidden.
const ENTER: &[u8] = b"\x1b[?1049h\x1b[?25l";
/// The whole screen as scroll region, plain style, every mouse mode off, the main screen, the
/// cursor shown.
const LEAVE: &[u8] =
    b"\x1b[r\x1b[m\x1b[?1006l\x1b[?1015l\x1b[?1003l\x1b[?1002l\x1b[?1000l\x1b[?1049l\x1b[?25h";
/// Button presses (the wheel is buttons 4 and 5) in the SGR encoding; no motion reports.
const MOUSE_ON: &[u8] = b"\x1b[?1000h\x1b[?1006h";
const MOUSE_OFF: &[u8] = b"\x1b[?1006l\x1b[?1000l";

/// The signals the session answers; everything else keeps its default.
pub const SIGNALS: [i32; 6] = [SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGTSTP, SIGCONT];

/// Calls `forward` with each signal of [`SIGNALS`] from a thread of its own, until it returns
/// false.
pub fn forward_signals(mut forward: impl FnMut(i32) -> bool + Send + 'static) -> io::Result<()> {
    let mut signals = signal_hook::iterator::Signals::new(SIGNALS)?;
    std::thread::spawn(move || {
        for signal in signals.forever() {
            if !forward(signal) {
                return;
            }
        }
    });
    Ok(())
}

/// What a signal asks of the reader.
pub enum Signal {
    /// End, with the exit status a shell reports for it (128 + its number).
    End(i32),
    /// Suspend until continued.
    Stop,
    /// Continued: take the terminal again and draw everything.
    Continue,
}

pub fn meaning(signal: i32) -> Signal {
    match signal {
        SIGTSTP => Signal::Stop,
        SIGCONT => Signal::Continue,
        other => Signal::End(128 + other),
    }
}

/// Whether the terminal can still scroll a region: not a dumb one, and not turned off with
/// `STENOGRAM_NO_SCROLL_REGION` (for a terminal that scrolls wrongly: every frame is then drawn
/// cell by cell).
fn scroll_regions() -> bool {
    let dumb = std::env::var_os("TERM").is_none_or(|t| t == "dumb");
    let off = std::env::var_os("STENOGRAM_NO_SCROLL_REGION").is_some_and(|v| !v.is_empty());
    !dumb && !off
}

/// The terminal in raw mode on the alternate screen; dropping it restores the terminal.
pub struct Session {
    pub screen: Screen<File>,
    mouse: bool,
}

impl Session {
    pub fn start() -> io::Result<Session> {
        install_panic_hook();
        // Its own handle on the terminal, unbuffered: each frame goes out in one write.
        let out = File::from(io::stdout().as_fd().try_clone_to_owned()?);
        let screen = Screen::new(Ansi::new(out), scroll_regions())?;
        let mut session = Session { screen, mouse: false };
        session.enter()?;
        Ok(session)
    }

    /// Raw mode, the alternate screen, the mouse as it was; the next frame is drawn whole.
    fn enter(&mut self) -> io::Result<()> {
        terminal::enable_raw_mode()?;
        self.screen.backend_mut().raw(ENTER);
        self.screen.redraw();
        if self.mouse {
            self.screen.backend_mut().raw(MOUSE_ON);
        }
        Ok(())
    }

    /// The terminal as it was before, unless it hung up.
    fn leave(&mut self) {
        if HUNG_UP.load(Ordering::Relaxed) {
            return;
        }
        let backend = self.screen.backend_mut();
        backend.raw(LEAVE);
        let _ = ratatui::backend::Backend::flush(backend);
        let _ = terminal::disable_raw_mode();
    }

    /// Whether the terminal is still there (a hang-up makes it fail as one).
    pub fn alive(&self) -> bool {
        !HUNG_UP.load(Ordering::Relaxed) && io::stdout().is_terminal()
    }

    /// The terminal is gone: nothing more is written to it.
    pub fn hang_up(&mut self) {
        HUNG_UP.store(true, Ordering::Relaxed);
        self.screen.backend_mut().abandon();
    }

    pub fn set_mouse(&mut self, on: bool) -> io::Result<()> {
        self.mouse = on;
        self.write(if on { MOUSE_ON } else { MOUSE_OFF })
    }

    /// Writes `bytes` now (a mode switch, a clipboard sequence).
    pub fn write(&mut self, bytes: &[u8]) -> io::Result<()> {
        let backend = self.screen.backend_mut();
        backend.raw(bytes);
        ratatui::backend::Backend::flush(backend)
    }

    /// Hands the terminal back and stops until continued; SIGCONT then takes it again
    /// ([`Session::resume`]).
    pub fn suspend(&mut self) -> io::Result<()> {
        self.leave();
        signal_hook::low_level::emulate_default_handler(SIGTSTP)
    }

    /// Takes the terminal again after a stop, whoever stopped the process, and draws everything:
    /// the shell may have reset the terminal meanwhile, and other programs drawn on it.
    pub fn resume(&mut self) -> io::Result<()> {
        self.enter()
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        self.leave();
    }
}

/// Restores the terminal without the session (from the panic hook); nothing once it hung up.
fn restore() {
    if HUNG_UP.load(Ordering::Relaxed) {
        return;
    }
    let _ = terminal::disable_raw_mode();
    let mut out = io::stdout();
    let _ = out.write_all(LEAVE).and_then(|()| out.flush());
}

/// The name of the threads that align and index in the background, whose panics the reader
/// survives.
pub const BACKGROUND_THREAD: &str = "background";

/// A panic restores the terminal first, so its message is readable and the shell usable. One in
/// a background job is caught (the aligner's is reported on the status line): the reader goes on
/// on its raw screen, which the message would garble.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if std::thread::current().name() == Some(BACKGROUND_THREAD) {
            return;
        }
        restore();
        if !HUNG_UP.load(Ordering::Relaxed) {
            previous(info);
        }
    }));
}
