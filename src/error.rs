//! Errors a user can cause, each shown as one line on stderr with exit status 2 (but for
//! [`Error::NothingFound`]: status 1, silently).

use std::path::{Path, PathBuf};

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}: no such file or directory", shown(.0))]
    NotFound(PathBuf),
    #[error("{}: {source}", shown(path))]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{}: {what}", shown(path))]
    BadInput { path: PathBuf, what: String },
    #[error("{}: no transcripts found (looked for .txt files)", shown(.0))]
    NoTranscripts(PathBuf),
    #[error("{}: no transcript could be read (every .txt file was skipped)", shown(.0))]
    NoneReadable(PathBuf),
    #[error("terminal: {0}")]
    Terminal(std::io::Error),
    #[error("{0}")]
    Usage(String),
    /// `find` found nothing: exit status 1 and no message, as grep does.
    #[error("nothing found")]
    NothingFound,
}

/// A path as it may be printed: a file name is user data, so escape sequences and control characters in
/// it never reach the terminal, and it stays on one line.
pub(crate) fn shown(path: &Path) -> String {
    one_line(&path.to_string_lossy())
}

/// User data (a file name, an argument) as it may be printed in a message: on one line, with no escape
/// sequence, control character or bidi control or mark, which could rewrite or reorder the message.
pub(crate) fn one_line(s: &str) -> String {
    crate::layout::clean(&crate::sanitize::sanitize(s).replace('\n', " ")).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_in_messages_carry_no_escapes() {
        let e = Error::NotFound(PathBuf::from("x\u{1b}]0;PWN\u{7}\u{1b}[31m\nred.txt"));
        assert_eq!(e.to_string(), "x red.txt: no such file or directory");
    }

    #[test]
    fn bidi_controls_and_marks_in_paths_are_not_shown() {
        let e = Error::NotFound(PathBuf::from("\u{202E}txt.exe\u{202C}\u{200F}\u{9B}1m.txt"));
        assert_eq!(e.to_string(), "txt.exe1m.txt: no such file or directory");
    }
}
