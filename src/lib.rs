//! stenogram: a terminal reader for bilingual Russian/English transcripts.
//!
//! The pure core (model, ingest, alignment, topics, search, layout) has no terminal code;
//! `tui` is the interactive shell on top of it and `cli` the command line.

pub mod align;
pub mod cache;
pub mod cli;
pub mod decode;
pub mod error;
pub mod export;
pub mod find;
pub mod fold;
pub mod ingest;
pub mod layout;
pub mod lexicon;
pub mod library;
pub mod matcher;
pub mod model;
pub mod plain;
pub mod report;
pub mod sanitize;
pub mod search;
pub mod sentences;
pub mod state;
pub mod store;
pub mod topics;
pub mod translit;
pub mod tui;
pub mod words;
