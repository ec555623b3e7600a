//! The interactive reader: terminal setup and restore, the event loop, and the App it drives.

pub mod app;
pub mod keys;
mod persist;
pub mod render;

use crate::align::Alignment;
use crate::cache;
use crate::error::{Error, Result};
use crate::find::LibraryIndex;
use crate::library::Document;
use crate::model::Transcript;
use app::{Action, App, Effect};
use persist::Persist;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{self, Event, KeyEventKind, MouseEventKind};
use ratatui::crossterm::{cursor, execute, terminal};
use std::io::{self, IsTerminal, Stdout, Write};
use std::path::PathBuf;
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
    let (mut persist, note) = Persist::load(&docs);
    let (mut app, effects) = App::new(docs, library, (size.width, size.height), color);
    app.study.hidden = persist.study_hidden();
    app.remembering(persist.memories());
    app.message = app.message.take().or(note);
    let result = event_loop(&mut session.terminal, &mut app, effects, &mut persist, &stop);
    drop(session);
    // However the reader ended (q, a signal, a lost terminal), the place is kept.
    if let Some(note) = persist.save(app.memory(), app.study.hidden) {
        eprintln!("stenogram: {note}");
    }
    // The input thread may still be blocked (or, on a hung-up terminal, spinning inside
    // crossterm); returning from main ends the process and it with it.
    result.map_err(Error::Terminal)
}

/// What wakes the event loop: terminal input, or the result of work done in the background.
enum Wake {
    Input(io::Result<Event>),
    /// With a note when the cache could not be used.
    Aligned(usize, Option<(Alignment, Option<String>)>),
    /// What a background job made of its work.
    Done(Action),
}

/// The name of the threads that align and index in the background, whose panics the reader
/// survives.
const BACKGROUND_THREAD: &str = "background";

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

/// Runs `work` on a thread of its own, named so that the panic hook leaves its panics to it.
fn spawn_background(work: impl FnOnce() + Send + 'static) -> io::Result<()> {
    std::thread::Builder::new()
        .name(BACKGROUND_THREAD.into())
        .spawn(work)
        .map(drop)
}

/// Runs `job` in the background, so that the reader stays responsive meanwhile, and sends the
/// action it makes; or `failed` if it panics, rather than let that end the reader.
fn spawn_job(
    job: impl FnOnce() -> Action + Send + 'static,
    failed: Action,
    tx: mpsc::Sender<Wake>,
) -> io::Result<()> {
    spawn_background(move || {
        let action = std::panic::catch_unwind(std::panic::AssertUnwindSafe(job)).unwrap_or(failed);
        // The loop may have ended; then nobody wants the result.
        let _ = tx.send(Wake::Done(action));
    })
}

/// Aligns document `doc` (or takes it from the cache in `cache_dir`) in the background. A panic
/// there is reported as a failure rather than left to end the reader.
fn spawn_align(
    doc: usize,
    transcript: Transcript,
    cache_dir: Option<PathBuf>,
    tx: mpsc::Sender<Wake>,
) -> io::Result<()> {
    spawn_background(move || {
        let aligned =
            std::panic::catch_unwind(|| cache::load_or_align(&transcript, cache_dir.as_deref())).ok();
        // The loop may have ended; then nobody wants the result.
        let _ = tx.send(Wake::Aligned(doc, aligned));
    })
}

fn event_loop(
    term: &mut Terminal<CrosstermBackend<Stdout>>,
    app: &mut App,
    mut effects: Vec<Effect>,
    persist: &mut Persist,
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
        // Before the frame: a document's alignment from the cache is drawn at once.
        while !effects.is_empty() {
            for effect in std::mem::take(&mut effects) {
                effects.extend(perform(effect, app, persist, &tx)?);
            }
        }
        term.draw(|frame| render::draw(frame, app))?;
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
            match wake {
                Wake::Input(event) => {
                    if let Some(action) = action_of(app, event?) {
                        effects.extend(app.update(action));
                    }
                }
                Wake::Aligned(doc, aligned) => effects.extend(aligned_in(app, doc, aligned)),
                Wake::Done(action) => effects.extend(app.update(action)),
            }
            match wakes.try_recv() {
                Ok(next) if !app.quit => wake = next,
                _ => break,
            }
        }
    }
}

/// Gives `app` the whole alignment of `doc` (`None`: aligning failed), with the cache's note.
fn aligned_in(app: &mut App, doc: usize, aligned: Option<(Alignment, Option<String>)>) -> Vec<Effect> {
    match aligned {
        Some((alignment, note)) => {
            let effects = app.update(Action::Aligned(doc, Box::new(alignment)));
            if note.is_some() {
                app.message = note;
            }
            effects
        }
        None => app.update(Action::AlignFailed(doc)),
    }
}

/// Does what an update asked for; returns what that in turn asks for.
fn perform(
    effect: Effect,
    app: &mut App,
    persist: &mut Persist,
    tx: &mpsc::Sender<Wake>,
) -> io::Result<Vec<Effect>> {
    match effect {
        Effect::Align { doc, background } => {
            let Some(d) = app.docs.get(doc) else {
                return Ok(Vec::new());
            };
            if background {
                spawn_align(doc, d.transcript.clone(), persist.cache_dir(), tx.clone())?;
            } else {
                let aligned = cache::load_or_align(&d.transcript, persist.cache_dir().as_deref());
                return Ok(aligned_in(app, doc, Some(aligned)));
            }
        }
        Effect::Index(doc) => {
            if let Some(job) = app.index_job(doc) {
                let job = move || Action::Indexed(doc, Box::new(job.run()));
                spawn_job(job, Action::Indexed(doc, Box::default()), tx.clone())?;
            }
        }
        Effect::IndexLibrary => {
            let docs = app.library_job();
            let job = move || Action::LibraryIndexed(Box::new(LibraryIndex::build(&docs)));
            spawn_job(job, Action::LibraryIndexed(Box::default()), tx.clone())?;
        }
        Effect::Mouse(true) => execute!(io::stdout(), event::EnableMouseCapture)?,
        Effect::Mouse(false) => execute!(io::stdout(), event::DisableMouseCapture)?,
        Effect::Copy(text) => {
            let mut out = io::stdout();
            out.write_all(osc52(&text).as_bytes())?;
            out.flush()?;
        }
        Effect::Remember(doc, memory) => {
            if let Some(note) = persist.save(Some((doc, memory)), app.study.hidden) {
                app.message = Some(note);
            }
        }
    }
    Ok(Vec::new())
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
/// a background job is caught (the aligner's is reported on the status line): the reader goes on
/// on its raw screen, which the message would garble.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if std::thread::current().name() == Some(BACKGROUND_THREAD) {
            return;
        }
        restore();
        previous(info);
    }));
}
