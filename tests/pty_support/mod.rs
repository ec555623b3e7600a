//! A program on a pseudo-terminal, driven as a user at a terminal would: typed keys, a window
//! size, signals, a hang-up; everything it writes is kept with when it arrived, and can be read
//! back as the screen a terminal would show (a `vt100` emulator).
//!
//! Shared by the pty tests and the pty benchmark (`benches/pty.rs`).
#![allow(dead_code)] // each user takes a different part

use rustix::event::{PollFd, PollFlags, Timespec, poll};
use rustix::fs::{Mode, OFlags};
use rustix::process::{Pid, Signal};
use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};
use rustix::termios::{Winsize, tcsetwinsize};
use std::fs::File;
use std::io::{self, Read, Write};
use std::num::NonZeroU16;
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// What the program wrote so far.
#[derive(Default)]
pub struct Output {
    pub bytes: Vec<u8>,
    /// When each read arrived, and the length of `bytes` after it.
    pub chunks: Vec<(Instant, usize)>,
    /// The terminal's other end is closed: the program (and anything it left) is gone.
    pub closed: bool,
}

struct Shared {
    output: Mutex<Output>,
    grew: Condvar,
    /// Asks the reader thread to close its end of the terminal.
    hang_up: AtomicBool,
}

/// A child process on its own pseudo-terminal, as its session leader with it as controlling
/// terminal (so it gets SIGHUP on a hang-up and SIGWINCH on a resize, like a program in a shell).
pub struct Pty {
    master: Option<File>,
    pub child: Child,
    shared: Arc<Shared>,
    pub started: Instant,
    size: (u16, u16),
}

fn winsize((cols, rows): (u16, u16)) -> Winsize {
    Winsize {
        ws_row: rows,
        ws_col: cols,
        ws_xpixel: 0,
        ws_ypixel: 0,
    }
}

impl Pty {
    /// Starts `cmd` on a new terminal of `size` (columns, rows). Its standard error goes to
    /// `stderr`, or to the terminal when `None`.
    pub fn spawn(cmd: &mut Command, size: (u16, u16), stderr: Option<Stdio>) -> io::Result<Pty> {
        let master = openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY | OpenptFlags::CLOEXEC)?;
        grantpt(&master)?;
        unlockpt(&master)?;
        let name = ptsname(&master, Vec::new())?;
        let slave: OwnedFd = rustix::fs::open(
            name.as_c_str(),
            OFlags::RDWR | OFlags::NOCTTY | OFlags::CLOEXEC,
            Mode::empty(),
        )?;
        tcsetwinsize(&master, winsize(size))?;
        let slave = File::from(slave);
        cmd.stdin(slave.try_clone()?).stdout(slave.try_clone()?);
        cmd.stderr(match stderr {
            Some(s) => s,
            None => slave.try_clone()?.into(),
        });
        // SAFETY: setsid and ioctl are async-signal-safe system calls, run in the child between
        // fork and exec, after its standard input became the terminal.
        unsafe {
            cmd.pre_exec(|| {
                rustix::process::setsid()?;
                rustix::process::ioctl_tiocsctty(BorrowedFd::borrow_raw(0))?;
                Ok(())
            });
        }
        let started = Instant::now();
        let child = cmd.spawn()?;
        drop(slave);
        let master = File::from(master);
        let shared = Arc::new(Shared {
            output: Mutex::new(Output::default()),
            grew: Condvar::new(),
            hang_up: AtomicBool::new(false),
        });
        let reader = master.try_clone()?;
        let for_reader = Arc::clone(&shared);
        std::thread::spawn(move || read_all(reader, &for_reader));
        Ok(Pty {
            master: Some(master),
            child,
            shared,
            started,
            size,
        })
    }

    /// The terminal's master side (its modes are the program's), until a hang-up.
    pub fn terminal(&self) -> BorrowedFd<'_> {
        self.master.as_ref().expect("the terminal is open").as_fd()
    }

    pub fn size(&self) -> (u16, u16) {
        self.size
    }

    /// Types `bytes` (keys as the terminal sends them).
    pub fn send(&mut self, bytes: &[u8]) {
        if let Some(m) = self.master.as_mut() {
            // A program that has gone reads nothing; the caller finds out from its output.
            let _ = m.write_all(bytes);
        }
    }

    /// Changes the window size: the program gets SIGWINCH.
    pub fn resize(&mut self, size: (u16, u16)) {
        self.size = size;
        if let Some(m) = &self.master {
            tcsetwinsize(m, winsize(size)).expect("set the window size");
        }
    }

    pub fn signal(&self, signal: Signal) {
        let pid = Pid::from_raw(self.child.id() as i32).expect("a child pid");
        rustix::process::kill_process(pid, signal).expect("signal the child");
    }

    /// Closes the terminal, as a dropped SSH connection or a killed terminal window does.
    pub fn hang_up(&mut self) {
        self.master = None;
        self.shared.hang_up.store(true, Ordering::Relaxed);
        let mut out = self.output();
        while !out.closed {
            out = self.shared.grew.wait(out).expect("output lock");
        }
    }

    pub fn output(&self) -> std::sync::MutexGuard<'_, Output> {
        self.shared.output.lock().expect("output lock")
    }

    /// How many bytes the program wrote so far.
    pub fn len(&self) -> usize {
        self.output().bytes.len()
    }

    /// Waits until `ok` holds for the output, failing after `timeout` with `what` and the output.
    pub fn wait_for(&self, what: &str, timeout: Duration, ok: impl Fn(&Output) -> bool) {
        let deadline = Instant::now() + timeout;
        let mut out = self.output();
        while !ok(&out) {
            let now = Instant::now();
            if now >= deadline || out.closed {
                let why = if out.closed {
                    "terminal closed"
                } else {
                    "timed out"
                };
                let mut screen = emulator(self.size);
                screen.process(&out.bytes);
                let tail = out.bytes.len().saturating_sub(600);
                let last = String::from_utf8_lossy(&out.bytes[tail..])
                    .escape_debug()
                    .to_string();
                // Unlocked first: the reader thread must not find the lock poisoned.
                drop(out);
                let shown = rows(screen.screen()).join("\n");
                panic!("{why} waiting for {what}; the screen:\n{shown}\nthe last bytes: {last}");
            }
            out = self
                .shared
                .grew
                .wait_timeout(out, deadline - now)
                .expect("output lock")
                .0;
        }
    }

    /// Waits until the output has grown past `from` bytes and then stayed the same for `quiet`;
    /// returns its length then, or the length at `timeout` (or when the terminal closed) if it
    /// never went quiet after growing. Zero growth counts too: after `quiet` with nothing new,
    /// returns `from`.
    pub fn settle(&self, from: usize, quiet: Duration, timeout: Duration) -> usize {
        let deadline = Instant::now() + timeout;
        let asked = Instant::now();
        let mut out = self.output();
        loop {
            let now = Instant::now();
            let last = out
                .chunks
                .last()
                .map(|&(t, _)| t)
                .filter(|_| out.bytes.len() > from)
                .unwrap_or(asked);
            if now >= last + quiet || now >= deadline || out.closed {
                return out.bytes.len();
            }
            let wait = (last + quiet).min(deadline) - now;
            out = self.shared.grew.wait_timeout(out, wait).expect("output lock").0;
        }
    }

    /// Waits for the program to exit, killing it after `timeout`.
    pub fn wait_exit(&mut self, timeout: Duration) -> Option<ExitStatus> {
        let deadline = Instant::now() + timeout;
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Some(status);
            }
            if Instant::now() >= deadline {
                let _ = self.child.kill();
                let _ = self.child.wait();
                return None;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// The screen a terminal of this size shows after the output so far.
    pub fn screen(&self) -> vt100::Parser {
        let mut parser = emulator(self.size);
        parser.process(&self.output().bytes);
        parser
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
        self.shared.hang_up.store(true, Ordering::Relaxed);
    }
}

/// The reader thread: appends what arrives until the terminal closes (EIO once every process
/// holding it has gone) or a hang-up is asked for.
fn read_all(mut master: File, shared: &Shared) {
    let mut buf = vec![0u8; 1 << 16];
    let tick = Timespec {
        tv_sec: 0,
        tv_nsec: 20_000_000,
    };
    loop {
        if shared.hang_up.load(Ordering::Relaxed) {
            break;
        }
        let fd = master.as_fd();
        let mut fds = [PollFd::new(&fd, PollFlags::IN)];
        match poll(&mut fds, Some(&tick)) {
            Ok(0) => continue,
            Ok(_) => {}
            Err(rustix::io::Errno::INTR) => continue,
            Err(_) => break,
        }
        match master.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => {
                let mut out = shared.output.lock().expect("output lock");
                out.bytes.extend_from_slice(&buf[..n]);
                let len = out.bytes.len();
                out.chunks.push((Instant::now(), len));
                shared.grew.notify_all();
            }
        }
    }
    drop(master);
    shared.output.lock().expect("output lock").closed = true;
    shared.grew.notify_all();
}

/// The bytes a terminal sends for a key named as in `j`, `space`, `down`, `pgdn`, `ctrl-z`.
pub fn key(name: &str) -> Vec<u8> {
    match name {
        "space" => b" ".to_vec(),
        "enter" => b"\r".to_vec(),
        "esc" => b"\x1b".to_vec(),
        "down" => b"\x1b[B".to_vec(),
        "up" => b"\x1b[A".to_vec(),
        "pgdn" => b"\x1b[6~".to_vec(),
        "pgup" => b"\x1b[5~".to_vec(),
        _ => match name.strip_prefix("ctrl-") {
            Some(c) if c.len() == 1 => vec![c.as_bytes()[0] & 0x1f],
            _ => name.as_bytes().to_vec(),
        },
    }
}

/// A terminal emulator of `size` (columns, rows).
pub fn emulator((cols, rows): (u16, u16)) -> vt100::Parser {
    let nonzero = |n: u16| NonZeroU16::new(n).expect("a terminal of at least one row and column");
    vt100::Parser::new(nonzero(rows), nonzero(cols), 0)
}

/// Every cell of the screen as its text, colours, bold, underline and reverse, row by row (the
/// right half of a wide character left out).
pub fn cells(screen: &vt100::Screen) -> Vec<String> {
    let (height, width) = (screen.size().0.get(), screen.size().1.get());
    (0..height)
        .map(|y| {
            (0..width)
                .filter_map(|x| screen.cell(y, x))
                .filter(|c| !c.is_wide_continuation())
                .map(|c| {
                    let text = if c.has_contents() { c.contents() } else { " " };
                    let flags = [c.bold(), c.underline(), c.inverse()].map(u8::from);
                    format!("{text}{:?}{:?}{flags:?}", c.fgcolor(), c.bgcolor())
                })
                .collect()
        })
        .collect()
}

/// The rows of the screen as text.
pub fn rows(screen: &vt100::Screen) -> Vec<String> {
    screen.rows(0, screen.size().1.get()).collect()
}
