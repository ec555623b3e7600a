//! The interactive reader: terminal setup, the event loop, and the App it drives.

use crate::error::Result;
use crate::library::Document;

/// Runs the reader on `docs`; `library` shows the list of documents first.
pub fn run(docs: Vec<Document>, library: bool) -> Result<()> {
    let _ = (docs, library);
    Ok(())
}
