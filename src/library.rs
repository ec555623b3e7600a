//! The library: loading transcripts from files, pairs and folders, and the bundled ones embedded in the binary.

use crate::error::{Error, Result};
use crate::ingest::Warning;
use crate::model::Transcript;
use std::path::PathBuf;

/// What the user asked to open.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    /// Files or folders.
    pub paths: Vec<PathBuf>,
    /// An explicit pair: (English file, Russian file).
    pub pair: Option<(PathBuf, PathBuf)>,
}

/// One transcript as loaded, with where it came from.
#[derive(Debug, Clone)]
pub struct Document {
    /// Short name for lists and reports (the file name, or the pair's common stem).
    pub name: String,
    /// Where it came from: a path, two paths, or `bundled:NAME`.
    pub origin: String,
    pub transcript: Transcript,
    pub warnings: Vec<Warning>,
}

/// Loads every transcript named by `sources`.
pub fn load(sources: &Sources) -> Result<Vec<Document>> {
    // Placeholder: single files only.
    let mut docs = Vec::new();
    for path in &sources.paths {
        let bytes = std::fs::read(path).map_err(|source| Error::Io {
            path: path.clone(),
            source,
        })?;
        let text = crate::decode::decode(&bytes).map_err(|e| Error::BadInput {
            path: path.clone(),
            what: e.to_string(),
        })?;
        let parsed = crate::ingest::parse(&crate::sanitize::sanitize(&text));
        docs.push(Document {
            name: path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned(),
            origin: path.display().to_string(),
            transcript: parsed.transcript,
            warnings: parsed.warnings,
        });
    }
    Ok(docs)
}

/// The transcripts shipped in `transcripts/`, embedded at build time.
pub fn bundled() -> Vec<Document> {
    Vec::new()
}
