//! The command line: arguments (clap) and dispatch to the reader, `check`, `show`, `find` and `export`.

use crate::error::{Error, Result};
use crate::library::{self, Sources};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::io::IsTerminal;
use std::path::PathBuf;

/// A terminal reader for bilingual Russian/English transcripts.
///
/// With no PATH, opens the bundled library. A PATH may be a transcript file (one language,
/// or English then Russian in one file), a folder of them (a library), or one half of a
/// NAME.en.txt + NAME.ru.txt pair.
#[derive(Debug, Parser)]
#[command(name = "stenogram", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    inputs: Inputs,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Parse transcripts and report languages, speakers, counts and warnings.
    Check {
        #[command(flatten)]
        inputs: Inputs,
    },
    /// Print a transcript's document model.
    Show {
        /// Print the model as JSON (the only format so far).
        #[arg(long, required = true)]
        json: bool,
        #[command(flatten)]
        inputs: Inputs,
    },
    /// Print every passage that holds QUERY's words, best first; exit status 1 when there is none.
    Find {
        /// Words in either language and script: word forms, transliteration and typos count.
        query: String,
        /// Print the hits as a JSON array.
        #[arg(long)]
        json: bool,
        /// Transcript files or folders to search (default: the library the reader opens).
        #[command(flatten)]
        inputs: Inputs,
    },
    /// Write the aligned transcript to stdout.
    Export {
        #[arg(long, value_enum, default_value_t = ExportFormat::Jsonl)]
        format: ExportFormat,
        #[arg(long, value_enum, default_value_t = ExportBy::Unit)]
        by: ExportBy,
        #[command(flatten)]
        inputs: Inputs,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// One JSON object per unit or sentence pair.
    Jsonl,
    /// `en<TAB>ru`, one pair per line, for flashcard import.
    Tsv,
    /// A readable two-language Markdown document.
    Md,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportBy {
    Unit,
    Sentence,
}

#[derive(Debug, Args)]
struct Inputs {
    /// Transcript files or folders.
    paths: Vec<PathBuf>,
    /// The English text of a pair given as two files.
    #[arg(long, value_name = "FILE", requires = "ru")]
    en: Option<PathBuf>,
    /// The Russian text of a pair given as two files.
    #[arg(long, value_name = "FILE", requires = "en")]
    ru: Option<PathBuf>,
}

impl Inputs {
    fn sources(self) -> Sources {
        Sources {
            paths: self.paths,
            pair: self.en.zip(self.ru),
        }
    }

    fn is_empty(&self) -> bool {
        self.paths.is_empty() && self.en.is_none()
    }
}

/// Parses `std::env::args` and runs the command.
pub fn run() -> Result<()> {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if e.use_stderr() => return Err(Error::Usage(usage_message(&e.render().to_string()))),
        Err(e) => {
            // --help and --version go to stdout.
            print!("{}", e.render());
            return Ok(());
        }
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let result = match cli.command {
        Some(Command::Check { inputs }) => {
            let docs = library::load(&required(inputs)?)?;
            crate::report::check(&docs, &mut out)
        }
        Some(Command::Show { inputs, .. }) => {
            let docs = library::load(&required(inputs)?)?;
            crate::report::show_json(&docs, &mut out)
        }
        Some(Command::Find { query, json, inputs }) => {
            let docs = if inputs.is_empty() {
                home_library()
            } else {
                library::load(&inputs.sources())?
            };
            match crate::find::print(&docs, &query, json, &mut out) {
                Ok(false) => return Err(Error::NothingFound),
                done => done.map(drop),
            }
        }
        Some(Command::Export { format, by, inputs }) => {
            let docs = library::load(&required(inputs)?)?;
            warn_about_languages(&docs);
            crate::export::write(&docs, format, by, &mut out)
        }
        None if cli.inputs.is_empty() => {
            drop(out);
            return crate::tui::run(home_library(), true);
        }
        None => {
            let cache = crate::store::Dirs::from_env().cache;
            let docs = library::open(&cli.inputs.sources(), cache.as_deref())?;
            if std::io::stdout().is_terminal() {
                drop(out);
                return crate::tui::run(docs, false);
            }
            warn_about_languages(&docs);
            crate::plain::print(&docs, &mut out)
        }
    };
    result.or_else(ignore_broken_pipe)
}

/// The library `stenogram` opens without a PATH, with a note on stderr for a folder it could not read.
fn home_library() -> Vec<crate::library::Document> {
    let dirs = crate::store::Dirs::from_env();
    let (docs, notes) = library::home(dirs.library.as_deref(), dirs.cache.as_deref());
    for note in notes {
        eprintln!("stenogram: {note}");
    }
    docs
}

fn required(inputs: Inputs) -> Result<Sources> {
    if inputs.is_empty() {
        return Err(Error::Usage(
            "give at least one PATH (or --en FILE --ru FILE)".into(),
        ));
    }
    Ok(inputs.sources())
}

/// `stenogram export ... | head` must end quietly, as other Unix tools do.
fn ignore_broken_pipe(e: std::io::Error) -> Result<()> {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        Ok(())
    } else {
        Err(Error::Io {
            path: "<stdout>".into(),
            source: e,
        })
    }
}

/// clap's whole message (the missing argument, the usage line, the hint), without its `error: `, with
/// everything it echoes from the arguments made safe to print.
fn usage_message(rendered: &str) -> String {
    let message = rendered.trim_end();
    let message = message.strip_prefix("error: ").unwrap_or(message);
    message
        .lines()
        .map(crate::error::one_line)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Output that is not the reader says on stderr what `check` says about a document's languages, which the
/// reader shows in its status line.
fn warn_about_languages(docs: &[library::Document]) {
    for d in docs {
        for w in d
            .warnings
            .iter()
            .filter(|w| w.kind == crate::ingest::WarningKind::Language)
        {
            eprintln!("stenogram: {}: line {}: {}", d.name, w.line, w.message);
        }
    }
}
