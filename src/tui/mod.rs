//! The interactive reader: terminal setup and restore, the event loop, and the App it drives.

pub mod ansi;
pub mod app;
pub mod keys;
mod persist;
pub mod render;
pub mod screen;
pub mod term;

use crate::align::Alignment;
use crate::error::{Error, Result};
use crate::find::LibraryIndex;
use crate::library::Document;
use app::{Action, App, Effect};
use persist::Persist;
use ratatui::crossterm::event::{self, Event, KeyEventKind, MouseEventKind};
use std::io;
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::Duration;
use term::{BACKGROUND_THREAD, Session, Signal};

/// How often the loop wakes without input to notice a hung-up terminal.
const TICK: Duration = Duration::from_millis(200);

/// Runs the reader on `docs`; `library` shows the list of documents first.
///
/// A signal that ends it (SIGINT, SIGQUIT, SIGTERM, SIGHUP, a hung-up terminal) ends the process
/// with the status a shell reports for it, 128 + its number, once the terminal is restored.
pub fn run(docs: Vec<Document>, library: bool) -> Result<()> {
    let (tx, wakes) = mpsc::channel();
    let signals = tx.clone();
    term::forward_signals(move |s| signals.send(Wake::Signal(s)).is_ok()).map_err(Error::Terminal)?;
    let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let mut session = Session::start().map_err(Error::Terminal)?;
    let size = session.screen.size().map_err(Error::Terminal)?;
    let (mut persist, note) = Persist::load(&docs);
    let (mut app, effects) = App::resuming(
        docs,
        library,
        (size.width, size.height),
        color,
        persist.memories(),
    );
    app.study.hidden = persist.study_hidden();
    app.message = app.message.take().or(note);
    let end = event_loop(&mut session, &mut app, effects, &mut persist, tx, wakes);
    let alive = session.alive();
    if !alive {
        session.hang_up();
    }
    drop(session);
    // However the reader ended (q, a signal, a lost terminal), the place is kept.
    if let Some(note) = persist.save(app.memory(), app.study.hidden)
        && alive
    {
        eprintln!("stenogram: {note}");
    }
    // The input thread may still be blocked (or, on a hung-up terminal, spinning inside
    // crossterm); ending the process ends it too.
    match end {
        Ok(None) => Ok(()),
        Ok(Some(status)) => std::process::exit(status),
        // An error on a terminal that hung up is the hang-up: there is no one to tell.
        Err(_) if !alive => std::process::exit(HANG_UP_STATUS),
        Err(e) => Err(Error::Terminal(e)),
    }
}

/// The exit status after a hang-up, as after SIGHUP.
const HANG_UP_STATUS: i32 = 128 + signal_hook::consts::SIGHUP;

/// What wakes the event loop: terminal input, a signal, or the result of work done in the
/// background.
enum Wake {
    Input(io::Result<Event>),
    Signal(i32),
    /// With a note when the cache could not be used.
    Aligned(usize, Option<(Alignment, Option<String>)>),
    /// What a background job made of its work.
    Done(Action),
}

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

/// Aligns document `doc` in the background and keeps it in the cache in `cache_dir`. A panic
/// there is reported as a failure rather than left to end the reader.
fn spawn_align(
    doc: usize,
    document: Document,
    cache_dir: Option<PathBuf>,
    tx: mpsc::Sender<Wake>,
) -> io::Result<()> {
    spawn_background(move || {
        let aligned = std::panic::catch_unwind(|| document.align_and_keep(cache_dir.as_deref())).ok();
        // The loop may have ended; then nobody wants the result.
        let _ = tx.send(Wake::Aligned(doc, aligned));
    })
}

/// Runs until the reader quits (`None`) or a signal ends it (the exit status).
fn event_loop(
    session: &mut Session,
    app: &mut App,
    mut effects: Vec<Effect>,
    persist: &mut Persist,
    tx: mpsc::Sender<Wake>,
    wakes: mpsc::Receiver<Wake>,
) -> io::Result<Option<i32>> {
    // Keys typed meanwhile wait in the terminal: the input thread starts after the first frame.
    let mut input = Some(tx.clone());
    loop {
        // Over SSH the window can shrink before its Resize event arrives: lay out for the real size.
        let size = session.screen.size()?;
        if (size.width, size.height) != app.size {
            effects.extend(app.update(Action::Resize(size.width, size.height)));
        }
        // Before the frame: what it shows (an alignment made now). After it: work for other
        // threads, which would only compete with this one for the frame.
        let mut after = Vec::new();
        while !effects.is_empty() {
            for effect in std::mem::take(&mut effects) {
                if effect.is_background() {
                    after.push(effect);
                } else {
                    effects.extend(perform(effect, app, persist, session, &tx)?);
                }
            }
        }
        draw(session, app)?;
        if let Some(tx) = input.take() {
            // The first frame may have been laid out only around its place: the rest before
            // any key is read, and the frame again for the status line's percent.
            effects.extend(app.update(Action::LayOut));
            draw(session, app)?;
            spawn_input(tx);
        }
        for effect in after {
            effects.extend(perform(effect, app, persist, session, &tx)?);
        }
        let mut wake = loop {
            if app.quit {
                return Ok(None);
            }
            // A lost connection: the terminal hangs up (isatty fails) before SIGHUP arrives.
            if !session.alive() {
                return Ok(Some(HANG_UP_STATUS));
            }
            match wakes.recv_timeout(TICK) {
                Ok(wake) => break wake,
                Err(mpsc::RecvTimeoutError::Timeout) => {}
                Err(mpsc::RecvTimeoutError::Disconnected) => return Ok(None),
            }
        };
        // Everything already queued (key repeat, fast typing in the picker) is applied before
        // the next frame, so drawing never falls behind the keyboard.
        loop {
            match wake {
                Wake::Input(Ok(event)) => {
                    if let Some(action) = action_of(app, event) {
                        effects.extend(app.update(action));
                    }
                }
                // End of input: the terminal hung up.
                Wake::Input(Err(_)) if !session.alive() => return Ok(Some(HANG_UP_STATUS)),
                Wake::Input(Err(e)) => return Err(e),
                Wake::Signal(signal) => match term::meaning(signal) {
                    Signal::End(status) => return Ok(Some(status)),
                    Signal::Stop => session.suspend()?,
                    Signal::Continue => session.resume()?,
                },
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

/// Draws a frame; the text between the header and the status line is what may scroll.
fn draw(session: &mut Session, app: &App) -> io::Result<()> {
    let body = 1..1 + u16::try_from(app.body_height()).unwrap_or(u16::MAX);
    session.screen.draw(body, |buf| render::draw(buf, app))
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
    session: &mut Session,
    tx: &mpsc::Sender<Wake>,
) -> io::Result<Vec<Effect>> {
    match effect {
        Effect::Align { doc, background } => {
            let Some(d) = app.docs.get(doc) else {
                return Ok(Vec::new());
            };
            if background {
                spawn_align(doc, d.clone(), persist.cache_dir(), tx.clone())?;
            } else {
                let aligned = d.align_and_keep(persist.cache_dir().as_deref());
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
        Effect::Mouse(on) => session.set_mouse(on)?,
        Effect::Copy(text) => session.write(osc52(&text).as_bytes())?,
        Effect::Suspend => session.suspend()?,
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
        Event::Resize(w, h) => {
            let (w, h) = ansi::clamp_size(w, h);
            Some(Action::Resize(w, h))
        }
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => Some(Action::Scroll(3)),
            MouseEventKind::ScrollUp => Some(Action::Scroll(-3)),
            _ => None,
        },
        _ => None,
    }
}
