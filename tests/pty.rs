//! The real binary on a pseudo-terminal: the bytes it writes (only the 16 named colours; scrolled
//! text drawn as a terminal would show a full repaint) and how it leaves the terminal on every
//! signal and on a hang-up.

mod pty_support;

use pty_support::{Pty, cells, key, rows};
use rustix::process::Signal;
use rustix::termios::{LocalModes, tcgetattr};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

const BIN: &str = env!("CARGO_BIN_EXE_stenogram");
/// Longest wait for the reader to answer (a slow, loaded machine): only ever reached on failure.
const WAIT: Duration = Duration::from_secs(30);
/// Output quiet this long after it grew ends a frame (frames are single writes; this is slack).
const QUIET: Duration = Duration::from_millis(150);

fn seed() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/000_press_conference.txt")
}

/// A private, empty home for one reader, so nothing it remembers (its place) leaks between
/// tests, runs, or to the user.
fn home(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("stenogram-pty-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// The reader on seed 000 in a terminal of `size`, its first frame drawn.
fn reader(name: &str, size: (u16, u16), env: &[(&str, &str)], stderr: Option<Stdio>) -> Pty {
    let home = home(name);
    let mut cmd = Command::new(BIN);
    cmd.arg(seed())
        .env("TERM", "xterm-256color")
        .env_remove("NO_COLOR")
        .env_remove("STENOGRAM_NO_SCROLL_REGION")
        .env("HOME", &home)
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_STATE_HOME", home.join("state"));
    for (k, v) in env {
        cmd.env(k, v);
    }
    let pty = Pty::spawn(&mut cmd, size, stderr).expect("start the reader on a pty");
    // The first frame is whole once the status line (the bottom row) is drawn.
    let bottom = size.1 - 1;
    pty.wait_for("the first frame", WAIT, |o| {
        let mut screen = pty_support::emulator(size);
        screen.process(&o.bytes);
        !screen
            .screen()
            .contents_between(bottom, 0, bottom, size.0)
            .trim()
            .is_empty()
    });
    pty.settle(0, QUIET, WAIT);
    pty
}

/// Presses `name` and waits for the frame it draws; returns the bytes written for it.
fn press(pty: &mut Pty, name: &str) -> Vec<u8> {
    let before = pty.len();
    pty.send(&key(name));
    pty.wait_for(&format!("a frame after {name}"), WAIT, |o| o.bytes.len() > before);
    let after = pty.settle(before, QUIET, WAIT);
    pty.output().bytes[before..after].to_vec()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// The parameters of every SGR sequence (`ESC [ … m`) in `bytes`.
fn sgr_params(bytes: &[u8]) -> Vec<String> {
    let mut params = Vec::new();
    for (i, _) in bytes.windows(2).enumerate().filter(|(_, w)| *w == b"\x1b[") {
        let rest = &bytes[i + 2..];
        let len = rest
            .iter()
            .take_while(|b| b.is_ascii_digit() || **b == b';')
            .count();
        if rest.get(len) == Some(&b'm') {
            let p = String::from_utf8_lossy(&rest[..len]);
            params.extend(
                p.split(';')
                    .map(|s| if s.is_empty() { "0" } else { s }.to_string()),
            );
        }
    }
    params
}

/// The bottom row of the screen the output so far shows.
fn status_line(pty: &Pty) -> String {
    rows(pty.screen().screen()).pop().unwrap_or_default()
}

/// Presses `key`, which opens `what` (the search line, the topic picker) once the document's
/// indexes are built in the background; until then it says to wait, and is pressed again.
fn open(pty: &mut Pty, key_name: &str, what: &str) {
    loop {
        pty.send(&key(key_name));
        pty.wait_for(&format!("{what} or a note to wait"), WAIT, |o| {
            let mut screen = pty_support::emulator(pty.size());
            screen.process(&o.bytes);
            let all = rows(screen.screen()).join("\n");
            all.contains(what) || all.contains("Still ")
        });
        let from = pty.len();
        pty.settle(from, QUIET, WAIT);
        if rows(pty.screen().screen()).join("\n").contains(what) {
            return;
        }
        // The note to wait may already be gone (the work it waited for ended): then there is
        // nothing to close.
        if status_line(pty).contains("Still ") {
            press(pty, "esc");
        }
        std::thread::sleep(QUIET);
    }
}

/// A session touching every style: speakers, the header, search matches, the topic picker.
fn colourful_session(name: &str, env: &[(&str, &str)]) -> Vec<u8> {
    let mut pty = reader(name, (120, 40), env, None);
    for k in ["j", "space"] {
        press(&mut pty, k);
    }
    open(&mut pty, "/", "Enter search");
    for c in "Путин".chars() {
        press(&mut pty, &c.to_string());
    }
    press(&mut pty, "enter");
    press(&mut pty, "n");
    open(&mut pty, "t", "jump to topic");
    for c in "пере".chars() {
        press(&mut pty, &c.to_string());
    }
    press(&mut pty, "esc");
    pty.send(b"q");
    let status = pty.wait_exit(WAIT).expect("the reader quits on q");
    assert!(status.success(), "{status:?}");
    pty.output().bytes.clone()
}

#[test]
fn only_the_sixteen_named_colours_whatever_term_says() {
    for term in ["xterm-256color", "linux", "dumb"] {
        let bytes = colourful_session(&format!("colours-{term}"), &[("TERM", term)]);
        let params = sgr_params(&bytes);
        let allowed = |p: &str| {
            p.parse::<u8>().is_ok_and(
                |n| matches!(n, 0..=9 | 22..=29 | 30..=37 | 39 | 40..=47 | 49 | 90..=97 | 100..=107),
            )
        };
        let bad: Vec<&String> = params.iter().filter(|p| !allowed(p)).collect();
        assert!(bad.is_empty(), "TERM={term}: SGR parameters {bad:?}");
        // Colours were drawn: speakers in cyan, search matches on a background colour.
        assert!(params.iter().any(|p| p == "36"), "TERM={term}: {params:?}");
        assert!(
            params.iter().any(|p| p.starts_with('4') && p.len() == 2),
            "TERM={term}: {params:?}"
        );
        for never in [&b"38;5;"[..], b"48;5;", b"\x1b[59m", b";59m", b"58;"] {
            assert!(
                !contains(&bytes, never),
                "TERM={term}: {:?} written",
                String::from_utf8_lossy(never)
            );
        }
    }
}

#[test]
fn no_color_writes_no_colour_at_all() {
    let bytes = colourful_session("no-color", &[("NO_COLOR", "1")]);
    let params = sgr_params(&bytes);
    let coloured: Vec<&String> = params
        .iter()
        .filter(|p| p.parse::<u8>().is_ok_and(|n| matches!(n, 30..=49 | 90..=107)))
        .collect();
    assert!(coloured.is_empty(), "{coloured:?}");
    // The styles stay: the header and search matches in reverse video.
    assert!(params.iter().any(|p| p == "7"), "{params:?}");
}

#[test]
fn scrolled_text_shows_what_a_full_repaint_shows() {
    let keys = [
        "j", "j", "j", "space", "j", "ctrl-d", "k", "k", "b", "ctrl-u", "j", "}", "]", "space", "space", "k",
    ];
    for size in [(80, 24), (120, 40)] {
        let name = format!("scroll-{}x{}", size.0, size.1);
        let mut scrolled = reader(&name, size, &[], None);
        let no_region = [("STENOGRAM_NO_SCROLL_REGION", "1")];
        let mut repainted = reader(&format!("{name}-repaint"), size, &no_region, None);
        assert_eq!(
            cells(scrolled.screen().screen()),
            cells(repainted.screen().screen()),
            "{size:?}: the first frames differ"
        );
        for k in keys {
            let by_scroll = press(&mut scrolled, k);
            let by_repaint = press(&mut repainted, k);
            assert_eq!(
                cells(scrolled.screen().screen()),
                cells(repainted.screen().screen()),
                "{size:?}: after {k} the screens differ;\n{}",
                rows(scrolled.screen().screen()).join("\n")
            );
            if k == "j" {
                // One line down is a scroll and a row, not a screen.
                assert!(
                    by_scroll.len() * 4 < by_repaint.len(),
                    "{size:?}: j wrote {} bytes scrolling, {} repainting",
                    by_scroll.len(),
                    by_repaint.len()
                );
            }
        }
        for pty in [&mut scrolled, &mut repainted] {
            pty.send(b"q");
            assert!(pty.wait_exit(WAIT).is_some_and(|s| s.success()));
        }
    }
}

/// What leaving the reader must write: the scroll region and the mouse reset, the main screen
/// back, the cursor shown.
const RESTORED: [&[u8]; 5] = [
    b"\x1b[r",
    b"\x1b[?1000l",
    b"\x1b[?1006l",
    b"\x1b[?1049l",
    b"\x1b[?25h",
];

fn assert_restored(pty: &Pty, from: usize, what: &str) {
    let out = pty.output();
    let tail = &out.bytes[from..];
    for needle in RESTORED {
        assert!(
            contains(tail, needle),
            "{what}: {:?} not written; the tail was {:?}",
            String::from_utf8_lossy(needle),
            String::from_utf8_lossy(tail)
        );
    }
    drop(out);
    assert!(cooked(pty), "{what}: the terminal is left in raw mode");
}

/// Whether the terminal is in its ordinary line mode (echo, line editing), not raw.
fn cooked(pty: &Pty) -> bool {
    let modes = tcgetattr(pty.terminal()).expect("terminal modes").local_modes;
    modes.contains(LocalModes::ICANON | LocalModes::ECHO)
}

#[test]
fn sigint_sigquit_and_sigterm_restore_the_terminal_and_exit() {
    for (signal, number) in [(Signal::INT, 2), (Signal::QUIT, 3), (Signal::TERM, 15)] {
        let mut pty = reader(&format!("signal-{number}"), (80, 24), &[], None);
        // With the mouse on, so that leaving must turn it off.
        press(&mut pty, "M");
        assert!(!cooked(&pty));
        let from = pty.len();
        pty.signal(signal);
        let status = pty.wait_exit(WAIT).expect("the reader exits on the signal");
        assert_eq!(status.code(), Some(128 + number), "signal {number}: {status:?}");
        assert_restored(&pty, from, &format!("signal {number}"));
    }
}

/// The process state letter from /proc (T: stopped).
fn state(pid: u32) -> Option<char> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    stat.rsplit(") ").next()?.chars().next()
}

#[test]
fn ctrl_z_and_sigtstp_suspend_and_sigcont_takes_the_terminal_again() {
    for how in ["ctrl-z", "SIGTSTP"] {
        let mut pty = reader(&format!("suspend-{how}"), (80, 24), &[], None);
        press(&mut pty, "M");
        let pid = pty.child.id();
        let first = rows(pty.screen().screen());
        let from = pty.len();
        if how == "ctrl-z" {
            pty.send(&key("ctrl-z"));
        } else {
            pty.signal(Signal::TSTP);
        }
        // Stopped, and what it wrote before stopping read off the pty (a thread does that).
        pty.wait_for("the stop", WAIT, |o| {
            state(pid) == Some('T') && contains(&o.bytes[from..], b"\x1b[?1049l")
        });
        assert_restored(&pty, from, how);
        let from = pty.len();
        pty.signal(Signal::CONT);
        pty.wait_for("the alternate screen again", WAIT, |o| {
            contains(&o.bytes[from..], b"\x1b[?1049h")
        });
        pty.settle(from, QUIET, WAIT);
        let out = pty.output().bytes[from..].to_vec();
        // The mouse is on again, the terminal raw, and the whole screen drawn anew.
        assert!(
            contains(&out, b"\x1b[?1000h"),
            "{:?}",
            String::from_utf8_lossy(&out)
        );
        assert!(!cooked(&pty), "{how}: still in line mode after SIGCONT");
        let mut fresh = pty_support::emulator((80, 24));
        fresh.process(&out);
        // All of it but the status line, which the key may have changed.
        let again = rows(fresh.screen());
        assert_eq!(again[..23], first[..23], "{how}: not redrawn whole");
        assert!(!again[23].trim().is_empty(), "{how}: no status line");
        // And it goes on reading.
        press(&mut pty, "j");
        pty.send(b"q");
        assert!(pty.wait_exit(WAIT).is_some_and(|s| s.success()), "{how}");
    }
}

#[test]
fn a_hang_up_exits_quietly() {
    let dir = home("hangup");
    let log = dir.join("stderr");
    let stderr = std::fs::File::create(&log).expect("stderr file");
    let mut pty = reader("hangup", (80, 24), &[], Some(stderr.into()));
    // Closing the terminal, as a dropped SSH link or a killed tmux pane does: SIGHUP, then EIO.
    pty.hang_up();
    let status = pty.wait_exit(WAIT).expect("the reader exits on a hang-up");
    assert_eq!(status.code(), Some(129), "{status:?}");
    let said = std::fs::read_to_string(&log).unwrap_or_default();
    assert!(said.is_empty(), "the reader wrote to stderr: {said}");
}

#[test]
fn sighup_on_a_live_terminal_restores_it() {
    let mut pty = reader("sighup", (80, 24), &[], None);
    press(&mut pty, "M");
    let from = pty.len();
    pty.signal(Signal::HUP);
    let status = pty.wait_exit(WAIT).expect("the reader exits on SIGHUP");
    assert_eq!(status.code(), Some(129), "{status:?}");
    assert_restored(&pty, from, "SIGHUP");
}

#[test]
fn a_huge_window_is_drawn_in_its_corner() {
    let home = home("huge");
    let mut cmd = Command::new(BIN);
    cmd.arg(seed())
        .env("TERM", "xterm-256color")
        .env("HOME", &home)
        .env_remove("XDG_STATE_HOME")
        .env_remove("XDG_CACHE_HOME")
        .env_remove("XDG_DATA_HOME");
    let mut pty = Pty::spawn(&mut cmd, (65535, 65535), None).expect("start the reader");
    pty.wait_for("the status line", WAIT, |o| contains(&o.bytes, b"q back"));
    press(&mut pty, "M");
    let from = pty.len();
    pty.send(b"q");
    let status = pty.wait_exit(WAIT).expect("the reader quits");
    assert!(status.success(), "{status:?}");
    assert_restored(&pty, from, "quit");
}
