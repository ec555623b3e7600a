//! Errors a user can cause, each shown as one line on stderr with exit status 2.

use std::path::PathBuf;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}: no such file or directory", .0.display())]
    NotFound(PathBuf),
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{}: {what}", path.display())]
    BadInput { path: PathBuf, what: String },
    #[error("{}: no transcripts found (looked for .txt files)", .0.display())]
    NoTranscripts(PathBuf),
    #[error("terminal: {0}")]
    Terminal(std::io::Error),
    #[error("{0}")]
    Usage(String),
}
