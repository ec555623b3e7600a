//! The real binary inside tmux: what the screen shows after each step, that quitting (and
//! SIGTERM) restores the terminal, and that hostile text never reaches the terminal as escapes.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_stenogram");

/// A private tmux server with one 120×40 window; killed on drop.
struct Tmux {
    socket: String,
    dir: PathBuf,
}

impl Tmux {
    /// Starts `script` (a POSIX sh script) in a fresh tmux server, with TERM=`term`.
    fn start_with(name: &str, term: &str, script: &str) -> Tmux {
        let socket = format!("stenogram-test-{}-{name}", std::process::id());
        let dir = Tmux::dir(name);
        std::fs::create_dir_all(&dir).expect("temp dir");
        let tmux = Tmux { socket, dir };
        let status = Command::new("tmux")
            .args([
                "-L",
                &tmux.socket,
                "-f",
                "/dev/null",
                "new-session",
                "-d",
                "-x",
                "120",
                "-y",
                "40",
            ])
            .args(["-e", &format!("TERM={term}"), "-e", "NO_COLOR="])
            // What the reader remembers and caches stays in the test's folder, and the user's
            // own library is not listed.
            .args(["STATE", "CACHE", "DATA"].iter().flat_map(|kind| {
                [
                    "-e".to_string(),
                    format!("XDG_{kind}_HOME={}/{kind}", tmux.dir.display()),
                ]
            }))
            .args(["-e", "STENOGRAM_LIBRARY=", "sh", "-c", script])
            .current_dir(&tmux.dir)
            .status()
            .expect("tmux must be installed to run the end-to-end tests");
        assert!(status.success(), "tmux new-session failed");
        tmux
    }

    /// The working folder of the session `name`: files a test puts here are removed with it, and
    /// processes naming them killed.
    fn dir(name: &str) -> PathBuf {
        std::env::temp_dir().join(format!("stenogram-test-{}-{name}", std::process::id()))
    }

    /// `start_with` a 256-colour xterm.
    fn start(name: &str, script: &str) -> Tmux {
        Tmux::start_with(name, "xterm-256color", script)
    }

    fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .output()
            .expect("tmux");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn screen(&self) -> String {
        self.run(&["capture-pane", "-p"])
    }

    fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.run(&["send-keys", k]);
        }
    }

    /// Waits until the screen satisfies `ok` and has stopped changing (a frame can be caught
    /// half drawn), failing with the last screen after 20 s.
    fn wait(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        let mut last = String::new();
        loop {
            let screen = self.screen();
            if ok(&screen) && screen == last {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "timed out waiting for {what}:\n{screen}"
            );
            last = screen;
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        // A failed test leaves the app running; one under `script` outlives the tmux server.
        let _ = Command::new("pkill")
            .args(["-f", &self.dir.to_string_lossy()])
            .status();
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .stderr(std::process::Stdio::null())
            .status();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn seed() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/000_press_conference.txt")
}

/// Opens `file` after printing a marker, so the test can see the shell's screen come back.
fn session(name: &str, file: &Path) -> Tmux {
    let script = format!(
        "printf 'BEFORE-MARKER\\n'; sh -c 'echo $$ > app.pid; exec \"$0\" \"$1\"' '{BIN}' '{}'; \
         printf 'AFTER-EXIT %s\\n' $?; sleep 60",
        file.display()
    );
    Tmux::start(name, &script)
}

#[test]
fn reading_session_on_seed_000() {
    let t = session("read", &seed());
    let first = t.wait("the reader", |s| s.contains('%') && !s.contains("BEFORE-MARKER"));
    assert!(
        first.contains("13 March 2025") || first.contains("13 марта 2025"),
        "{first}"
    );
    // Scrolling to the bottom reaches 100% and the Russian end of the text.
    t.keys(&["G"]);
    let bottom = t.wait("the bottom", |s| s.contains("100%"));
    assert!(bottom.contains("Список документов"), "{bottom}");
    t.keys(&["g"]);
    t.wait("the top again", |s| s == first);
    // Help lists the keys from the table.
    t.keys(&["?"]);
    let help = t.wait("help", |s| s.contains("speaker filter"));
    assert!(help.contains("jump to topic"));
    t.keys(&["Escape"]);
    t.wait("help closed", |s| !s.contains("speaker filter"));
    // Line scrolling moves the text up by one row.
    t.keys(&["j"]);
    let scrolled = t.wait("one line down", |s| s != first);
    let first_rows: Vec<&str> = first.lines().collect();
    let scrolled_rows: Vec<&str> = scrolled.lines().collect();
    assert_eq!(scrolled_rows[1], first_rows[2]);
    // Keep only Putin: `a` unchecks everyone (all were checked), Space checks the first.
    t.keys(&["f"]);
    t.wait("the speaker list", |s| s.contains("[x]"));
    t.keys(&["a", "Space"]);
    let list = t.wait("one speaker checked", |s| s.matches("[x]").count() == 1);
    assert!(list.contains("[x] В.Путин"), "{list}");
    t.keys(&["Enter"]);
    // The header names the filter; Lukashenko's turns are collapsed further down.
    t.wait("the filter applied", |s| s.contains("only В.Путин"));
    t.keys(&["]", "]", "]"]);
    t.wait("a collapsed turn", |s| s.contains(" by А.Лукашенко"));
    // Jump to the ceasefire through the topic picker.
    t.keys(&["t"]);
    t.wait("the picker", |s| s.contains("jump to topic"));
    t.run(&["send-keys", "-l", "перемир"]);
    let picker = t.wait("picker results", |s| s.contains("› перемир"));
    assert!(picker.contains("перемири"), "{picker}");
    t.keys(&["Enter"]);
    let jumped = t.wait("the jump", |s| !s.contains("jump to topic"));
    // The cursor (▌ rows) is on the passage the topic came from, not merely somewhere on screen.
    assert!(
        jumped
            .lines()
            .any(|l| l.starts_with('▌') && l.contains("перемири")),
        "{jumped}"
    );
    // Search both languages; the counter shows in the status line.
    t.keys(&["/"]);
    t.run(&["send-keys", "-l", "Трамп"]);
    t.keys(&["Enter"]);
    // The counter reads `k/N`: the first match after the current passage.
    let counter = |s: &str| {
        s.lines()
            .last()
            .and_then(|l| l.split("/Трамп  ").nth(1))
            .map(str::trim)
            .map(String::from)
    };
    let found = t.wait("search results", |s| counter(s).is_some());
    let before = counter(&found).unwrap_or_default();
    let total: usize = before.split('/').nth(1).and_then(|n| n.parse().ok()).unwrap_or(0);
    assert!(total >= 2, "{found}");
    t.keys(&["n"]);
    t.wait("the next match", |s| counter(s).is_some_and(|c| c != before));
    t.keys(&["Escape"]);
    t.wait("search cleared", |s| !s.contains("/Трамп"));
    // A narrow window reflows into the stacked layout, keeping the passage in view.
    let wide = t.screen();
    t.run(&["resize-window", "-x", "80", "-y", "24"]);
    let narrow = t.wait("the stacked layout", |s| {
        s.lines().count() <= 24 && !s.contains('│') && s.contains('┊')
    });
    assert!(narrow.lines().all(|l| l.chars().count() <= 80), "{narrow}");
    let cursor_text = |s: &str| {
        s.lines()
            .find(|l| l.starts_with('▌'))
            .map(|l| l.trim_start_matches(['▌', ' ', '?']).to_string())
    };
    let passage = cursor_text(&narrow).expect("the cursor passage is on screen");
    let first_words: String = passage.split_whitespace().take(2).collect::<Vec<_>>().join(" ");
    assert!(
        wide.contains(&first_words),
        "{first_words:?} not on the wide screen:\n{wide}"
    );
    t.keys(&["q"]);
    let after = t.wait("the shell", |s| s.contains("AFTER-EXIT"));
    assert!(
        after.contains("BEFORE-MARKER"),
        "alternate screen not left:\n{after}"
    );
    assert!(after.contains("AFTER-EXIT 0"), "{after}");
}

#[test]
fn sigterm_restores_the_terminal() {
    let t = session("term", &seed());
    t.wait("the reader", |s| s.contains('%') && !s.contains("BEFORE-MARKER"));
    let pid = std::fs::read_to_string(t.dir.join("app.pid")).expect("pid file");
    let status = Command::new("kill")
        .args(["-TERM", pid.trim()])
        .status()
        .expect("kill");
    assert!(status.success());
    let after = t.wait("the shell", |s| s.contains("AFTER-EXIT"));
    assert!(
        after.contains("BEFORE-MARKER"),
        "alternate screen not left:\n{after}"
    );
}

/// True while `pid` runs (a zombie has exited).
fn running(pid: &str) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|stat| {
        stat.rsplit(") ")
            .next()
            .is_some_and(|rest| !rest.starts_with('Z'))
    })
}

#[test]
fn a_lost_terminal_ends_the_process() {
    let t = session("hangup", &seed());
    t.wait("the reader", |s| s.contains('%') && !s.contains("BEFORE-MARKER"));
    let pid = std::fs::read_to_string(t.dir.join("app.pid"))
        .expect("pid file")
        .trim()
        .to_string();
    assert!(running(&pid));
    // Killing the server closes the pane's terminal, as a dropped SSH connection does.
    t.run(&["kill-server"]);
    let start = Instant::now();
    while running(&pid) {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "stenogram {pid} still running after hangup"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn hostile_text_never_reaches_the_terminal_as_escapes() {
    let dir = Tmux::dir("hostile");
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("hostile.txt");
    // A 1 MB paragraph: read whole, wrapped, drawn only where visible.
    let long = "Ж".repeat(1 << 19);
    let text = format!(
        "Vladimir Putin:\nCOPY\x1b]52;c;aGVsbG8=\x07ME now.\nCLEAR\x1b[2JSCREEN here.\nTITLE\x1b]0;pwned\x07SET\n\
         C1\u{9b}31mRED and \u{202e}REVERSED\u{202c} text\twith\ttabs.\n{long}\n"
    );
    std::fs::write(&file, text).expect("write hostile file");
    let log = dir.join("typescript");
    // `script` records every byte the app writes to its terminal.
    let script = format!(
        "script -q -c \"'{BIN}' '{}'\" '{}'; printf 'AFTER-EXIT\\n'; sleep 60",
        file.display(),
        log.display()
    );
    let t = Tmux::start("hostile", &script);
    t.wait("the reader", |s| s.contains("COPY"));
    // Over a megabyte, the reader opens on the opening and aligns the whole on another thread:
    // the header shows a position only once that has arrived.
    t.keys(&["G"]);
    t.wait("the bottom", |s| s.contains("100%"));
    t.keys(&["q"]);
    t.wait("the shell", |s| s.contains("AFTER-EXIT"));
    let bytes = std::fs::read(&log).expect("typescript");
    let find = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    assert!(find(b"COPY"), "the text itself was drawn");
    for bad in [
        &b"\x1b]52"[..],
        b"\x1b]0;pwned",
        b"pwned\x07",
        b"CLEAR\x1b",
        b"\x1b[2JSCREEN",
        "\u{9b}".as_bytes(),
        "\u{202e}".as_bytes(),
        b"\t",
    ] {
        assert!(
            !find(bad),
            "{:?} reached the terminal",
            String::from_utf8_lossy(bad)
        );
    }
}

#[test]
fn piped_output_is_as_wide_as_the_terminal() {
    // Shells do not export COLUMNS: the width must come from the terminal (here 120 columns).
    let script = format!(
        "env -u COLUMNS '{BIN}' '{}' > piped.txt; printf 'PIPED-DONE\\n'; sleep 60",
        seed().display()
    );
    let t = Tmux::start("piped", &script);
    t.wait("the piped output", |s| s.contains("PIPED-DONE"));
    let out = std::fs::read_to_string(t.dir.join("piped.txt")).expect("piped output");
    // At 120 columns the languages are side by side; at the old fallback of 80 they were stacked.
    let widest = out.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    assert!(
        out.contains(" │ ") && (100..=120).contains(&widest),
        "{widest}:\n{out}"
    );
}

#[test]
fn the_library_opens_with_no_arguments_under_term_screen() {
    let script = format!("printf 'BEFORE-MARKER\\n'; '{BIN}'; printf 'AFTER-EXIT %s\\n' $?; sleep 60");
    let t = Tmux::start_with("library", "screen", &script);
    let list = t.wait("the library", |s| s.contains("stenogram — library"));
    assert!(list.contains("Совместная пресс-конференция"), "{list}");
    // Filter the list, open the press conference, come back, quit.
    t.keys(&["/"]);
    t.run(&["send-keys", "-l", "пресс"]);
    t.wait("the filtered list", |s| s.contains("filter: пресс"));
    t.keys(&["Enter"]);
    let reader = t.wait("the reader", |s| {
        s.contains('%') && !s.contains("stenogram — library")
    });
    assert!(
        reader.contains("В.Путин") || reader.contains("Vladimir Putin"),
        "{reader}"
    );
    t.keys(&["q"]);
    t.wait("the library again", |s| s.contains("stenogram — library"));
    t.keys(&["q"]);
    let after = t.wait("the shell", |s| s.contains("AFTER-EXIT"));
    assert!(
        after.contains("BEFORE-MARKER") && after.contains("AFTER-EXIT 0"),
        "{after}"
    );
}

/// The OSC 52 payloads in `bytes`, decoded.
fn clipboard_writes(bytes: &[u8]) -> Vec<String> {
    use base64::Engine;
    let text = String::from_utf8_lossy(bytes);
    text.split("\x1b]52;c;")
        .skip(1)
        .filter_map(|rest| rest.split(['\x07', '\x1b']).next())
        .filter_map(|payload| base64::engine::general_purpose::STANDARD.decode(payload).ok())
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .collect()
}

#[test]
fn learning_keys_marks_copy_and_the_place_kept_between_runs() {
    let name = "learn";
    let dir = Tmux::dir(name);
    let seed = seed();
    // Two runs on the same file; the state and cache are kept in the test's folder.
    let run = format!("'{BIN}' '{}'", seed.display());
    let script = format!(
        "printf 'BEFORE-MARKER\\n'; {run}; printf 'FIRST-EXIT\\n'; {run}; printf 'AFTER-EXIT %s\\n' $?; sleep 60"
    );
    let t = Tmux::start(name, &script);
    let output = dir.join("pane-output");
    t.run(&["pipe-pane", "-o", &format!("cat >> '{}'", output.display())]);
    let first = t.wait("the reader", |s| s.contains('%') && !s.contains("BEFORE-MARKER"));
    // Three sentences on: the cursor's sentence and its translation, both on screen.
    t.keys(&[")", ")", ")"]);
    t.wait("the sentence cursor", |s| s != first);
    t.keys(&["y"]);
    let copied = t.wait("the copy", |s| s.contains("Copied the sentence pair"));
    let bytes = std::fs::read(&output).unwrap_or_default();
    let writes = clipboard_writes(&bytes);
    let pair = writes
        .last()
        .unwrap_or_else(|| panic!("no OSC 52 in the output:\n{copied}"));
    let (ru, en) = pair
        .split_once("\nRussian: ")
        .map(|(en, ru)| (ru.trim(), en.trim_start_matches("English: ")))
        .unwrap_or_else(|| panic!("labelled pair expected: {pair:?}"));
    // Each language of the pair is on screen, in its pane.
    let words = |s: &str| s.split_whitespace().take(3).collect::<Vec<_>>().join(" ");
    let flat = copied.replace('\n', " ");
    assert!(flat.contains(&words(ru)), "{ru:?} not on screen:\n{copied}");
    assert!(flat.contains(&words(en)), "{en:?} not on screen:\n{copied}");
    // Marks and jumps: G, m a, g, ' a is the end again, '' the top.
    t.keys(&["G"]);
    let at_end = |s: &str| s.lines().next().is_some_and(|l| l.ends_with("100%"));
    let end = t.wait("the bottom", at_end);
    t.keys(&["m", "a", "g"]);
    t.wait("the top", |s| !at_end(s));
    t.keys(&["'", "a"]);
    assert_eq!(t.wait("mark a", at_end), end);
    t.keys(&["'", "'"]);
    t.wait("back at the top", |s| !at_end(s));
    // Quit at the end; the next run opens there.
    t.keys(&["G"]);
    t.wait("the bottom", at_end);
    t.keys(&["q"]);
    let reopened = t.wait("the second run", |s| s.contains("where you left off"));
    assert!(at_end(&reopened), "the end is shown again:\n{reopened}");
    let body = |s: &str| s.lines().skip(1).take(30).collect::<Vec<_>>().join("\n");
    assert_eq!(body(&reopened), body(&end));
    t.keys(&["q"]);
    t.wait("the shell", |s| s.contains("AFTER-EXIT 0"));
}
