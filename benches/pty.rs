//! The reader in a real pseudo-terminal, beside `less` on the same files in the same run: bytes
//! written per key and time to the first frame, medians of several runs, and their ratios.
//!
//! ```sh
//! cargo bench --bench pty -- [--app PATH] [--sizes 80x24,120x40,200x50] [--runs 5] [--warmup 0]
//!     [--keys j,k,space,G:1] [--presses 10] [--env NAME=VALUE]... [--no-less] [--] [ARG...]
//! ```
//!
//! The ARGs (files; after `--`, anything, say `--en A --ru B` with `--no-less`) go to both
//! programs; with none, seed 000 from `tests/data`. `--app` measures another build of the reader (by
//! default the one this bench was built with). Each run has a fresh, empty HOME and XDG folders:
//! nothing remembered, nothing cached. `--env` sets a variable for both programs over that (say
//! `XDG_CACHE_HOME=DIR` to keep the cache between runs), and `--warmup` runs that many times
//! first without counting them (to fill it). A key `NAME:N` is pressed N times instead of
//! `--presses`.
//!
//! **First frame**: from starting the program to the arrival of the output after which a
//! terminal (the `vt100` emulator) shows text on the bottom row, which both programs draw last
//! (the reader's status line, `less`'s prompt). **Bytes per key**: after each press, the output
//! until it has been quiet for `--quiet-ms` (150 ms), averaged over the presses of that key.

#[path = "../tests/pty_support/mod.rs"]
mod pty_support;

use clap::Parser;
use pty_support::{Pty, emulator, key};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

#[derive(Parser)]
#[command(about = "Bytes per key and time to first frame in a pty, against less")]
struct Args {
    /// The reader to measure (default: the one built with this bench).
    #[arg(long)]
    app: Option<PathBuf>,
    /// Window sizes, COLUMNSxROWS.
    #[arg(long, value_delimiter = ',', default_value = "80x24,120x40,200x50", value_parser = size)]
    sizes: Vec<(u16, u16)>,
    /// Runs per size and program; medians are reported.
    #[arg(long, default_value_t = 5)]
    runs: usize,
    /// Uncounted runs first, per size and program.
    #[arg(long, default_value_t = 0)]
    warmup: usize,
    /// Keys, in order: a character or space, down, up, pgdn, pgup, ctrl-X; NAME:N presses N times.
    #[arg(long, value_delimiter = ',', default_value = "j,k,space,G:1")]
    keys: Vec<String>,
    /// Presses per key without :N.
    #[arg(long, default_value_t = 10)]
    presses: usize,
    /// NAME=VALUE in both programs' environment (TERM is xterm-256color unless given).
    #[arg(long = "env", value_parser = env_var)]
    envs: Vec<(String, String)>,
    /// Measure the reader only.
    #[arg(long)]
    no_less: bool,
    /// Output quiet this long ends the response to a key.
    #[arg(long, default_value_t = 150)]
    quiet_ms: u64,
    /// Files (after `--`, any arguments) given to both programs.
    args: Vec<String>,
}

fn size(s: &str) -> Result<(u16, u16), String> {
    let (w, h) = s.split_once('x').ok_or("expected COLUMNSxROWS")?;
    let n = |v: &str| v.parse::<u16>().map_err(|e| format!("{v}: {e}"));
    Ok((n(w)?, n(h)?))
}

fn env_var(s: &str) -> Result<(String, String), String> {
    let (k, v) = s.split_once('=').ok_or("expected NAME=VALUE")?;
    Ok((k.to_string(), v.to_string()))
}

/// One program under test.
struct Program {
    name: &'static str,
    path: PathBuf,
}

/// What one run measured: the first frame, and bytes per press for each key.
struct Sample {
    first_frame: Duration,
    per_key: Vec<f64>,
}

const TIMEOUT: Duration = Duration::from_secs(30);

fn main() {
    // `cargo bench` adds `--bench` after the arguments given.
    let args = Args::parse_from(std::env::args().filter(|a| a != "--bench"));
    let program_args = if args.args.is_empty() {
        let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/000_press_conference.txt");
        vec![seed.display().to_string()]
    } else {
        args.args.clone()
    };
    let keys: Vec<(String, usize)> = args
        .keys
        .iter()
        .filter(|k| !k.is_empty())
        .map(|k| match k.rsplit_once(':') {
            Some((name, n)) if !name.is_empty() => (name.to_string(), n.parse().unwrap_or(1)),
            _ => (k.clone(), args.presses),
        })
        .collect();
    let mut programs = vec![Program {
        name: "stenogram",
        path: args
            .app
            .clone()
            .unwrap_or_else(|| env!("CARGO_BIN_EXE_stenogram").into()),
    }];
    if !args.no_less {
        programs.push(Program {
            name: "less",
            path: "less".into(),
        });
    }
    println!(
        "pty benchmark: {} run(s) (medians), {} warm-up; arguments: {}",
        args.runs,
        args.warmup,
        program_args.join(" ")
    );
    for p in &programs {
        println!("  {} = {}", p.name, p.path.display());
    }
    print!("\n{:<9} {:<12}", "size", "measure");
    for p in &programs {
        print!(" {:>12}", p.name);
    }
    if programs.len() == 2 {
        print!(" {:>7}", "ratio");
    }
    println!();
    for &size in &args.sizes {
        let medians: Vec<Sample> = programs
            .iter()
            .map(|p| {
                for _ in 0..args.warmup {
                    run(p, &program_args, size, &keys, &args);
                }
                let samples: Vec<Sample> = (0..args.runs)
                    .map(|_| run(p, &program_args, size, &keys, &args))
                    .collect();
                Sample {
                    first_frame: Duration::from_secs_f64(median(
                        samples.iter().map(|s| s.first_frame.as_secs_f64()),
                    )),
                    per_key: (0..keys.len())
                        .map(|k| median(samples.iter().map(|s| s.per_key[k])))
                        .collect(),
                }
            })
            .collect();
        let label = format!("{}x{}", size.0, size.1);
        let ms = |s: &Sample| s.first_frame.as_secs_f64() * 1000.0;
        report_row(
            &label,
            "first frame",
            &medians.iter().map(ms).collect::<Vec<_>>(),
            "ms",
        );
        for (k, (name, _)) in keys.iter().enumerate() {
            let bytes: Vec<f64> = medians.iter().map(|s| s.per_key[k]).collect();
            report_row(&label, &format!("{name} B/key"), &bytes, "B");
        }
    }
}

fn report_row(size: &str, measure: &str, values: &[f64], unit: &str) {
    print!("{size:<9} {measure:<12}");
    for v in values {
        print!(" {:>9.1} {unit:<2}", v);
    }
    if let [app, less] = values {
        if *less > 0.0 {
            print!(" {:>7.2}", app / less);
        } else {
            print!(" {:>7}", "-");
        }
    }
    println!();
}

fn median(values: impl Iterator<Item = f64>) -> f64 {
    let mut v: Vec<f64> = values.collect();
    v.sort_by(f64::total_cmp);
    match v.len() {
        0 => 0.0,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

fn run(
    program: &Program,
    program_args: &[String],
    size: (u16, u16),
    keys: &[(String, usize)],
    args: &Args,
) -> Sample {
    // A fresh home each run: nothing remembered (the reader would reopen where the last run
    // left it) and nothing cached, unless `--env` says otherwise.
    let home = std::env::temp_dir().join(format!("stenogram-ptybench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&home);
    let mut cmd = Command::new(&program.path);
    cmd.args(program_args)
        .env("TERM", "xterm-256color")
        .env("HOME", &home)
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env_remove("STENOGRAM_LIBRARY");
    // A user's less options or input preprocessor would make the runs incomparable.
    for var in ["LESS", "LESSOPEN", "LESSCLOSE", "COLUMNS", "LINES"] {
        cmd.env_remove(var);
    }
    cmd.env("LESSHISTFILE", "-");
    for (k, v) in &args.envs {
        cmd.env(k, v);
    }
    let mut pty = Pty::spawn(&mut cmd, size, None).expect("start the program on a pty");
    let first_frame = first_frame(&pty);
    let quiet = Duration::from_millis(args.quiet_ms);
    let mut at = pty.settle(0, quiet, TIMEOUT);
    let per_key = keys
        .iter()
        .map(|(name, presses)| {
            let start = at;
            for _ in 0..*presses {
                pty.send(&key(name));
                at = pty.settle(at, quiet, TIMEOUT);
            }
            (at - start) as f64 / (*presses).max(1) as f64
        })
        .collect();
    pty.send(b"q");
    if pty.wait_exit(Duration::from_secs(5)).is_none() {
        eprintln!("{} did not quit on q; killed", program.name);
    }
    let _ = std::fs::remove_dir_all(&home);
    Sample { first_frame, per_key }
}

/// From the start to the output after which the bottom row shows text.
fn first_frame(pty: &Pty) -> Duration {
    let size = pty.size();
    let mut screen = emulator(size);
    let (mut chunks, mut done) = (0, 0);
    loop {
        pty.wait_for("the first frame", TIMEOUT, |o| o.chunks.len() > chunks);
        let out = pty.output();
        for &(arrived, end) in &out.chunks[chunks..] {
            screen.process(&out.bytes[done..end]);
            done = end;
            let bottom = screen
                .screen()
                .contents_between(size.1 - 1, 0, size.1 - 1, size.0);
            if !bottom.trim().is_empty() {
                return arrived - pty.started;
            }
        }
        chunks = out.chunks.len();
    }
}
