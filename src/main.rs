//! The `stenogram` binary: parses the command line and hands over to the library.

use std::process::ExitCode;

fn main() -> ExitCode {
    match stenogram::cli::run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(stenogram::error::Error::NothingFound) => ExitCode::from(1),
        Err(e) => {
            eprintln!("stenogram: {e}");
            ExitCode::from(2)
        }
    }
}
