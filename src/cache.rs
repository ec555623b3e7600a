//! The document cache: each document the reader aligned, kept in the cache folder as ingest read
//! it (transcript and warnings) with its identity and its whole alignment, under a key made of
//! its files' bytes and the versions of ingest and the aligner. Opening it again reads the files,
//! hashes them once and decodes the entry: no decoding of the text, no ingest, no aligning.
//!
//! An entry is a header (what it is, its key, the payload's length and checksum) and the
//! [`Entry`] in postcard, which loads several times faster than JSON (`benches/cache.rs`). An
//! entry that is damaged, cut short or for another key is ignored with a note, never trusted.

use crate::align::{self, Alignment};
use crate::error::shown;
use crate::ingest::{self, Warning};
use crate::model::{Lang, Transcript};
use crate::state::DocId;
use crate::store::{self, Fnv};
use serde::{Deserialize, Serialize};
use std::io;
use std::path::{Path, PathBuf};
use xxhash_rust::xxh3::{Xxh3Default, xxh3_64};

/// What a cached document depends on: the bytes of its files (one, or a pair's English then
/// Russian), the language a lone file's name gives it (`.en.txt`: a warning depends on it), and
/// the versions of ingest (which also covers the model's binary layout), the aligner and
/// stenogram.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key(u64);

impl Key {
    pub fn of(files: &[&[u8]], named: Option<Lang>) -> Key {
        let digests: Vec<Digest> = files.iter().map(|f| Digest::of(f)).collect();
        Key::of_digests(&digests, named)
    }

    /// [`Key::of`] the files whose digests are `files`.
    pub fn of_digests(files: &[Digest], named: Option<Lang>) -> Key {
        let mut h = Fnv::default();
        h.add(named.map_or("", Lang::code).as_bytes());
        h.add(&ingest::VERSION.to_le_bytes());
        h.add(&align::VERSION.to_le_bytes());
        h.add(env!("CARGO_PKG_VERSION").as_bytes());
        for file in files {
            // The length first, so that no two lists of files run together into the same bytes.
            h.add(&file.len.to_le_bytes());
            h.add(&file.hash.to_le_bytes());
        }
        Key(h.finish())
    }

    fn path(self, dir: &Path) -> PathBuf {
        dir.join(format!("{:016x}.align", self.0))
    }
}

/// What a [`Key`] takes of a file: its length and the hash of its bytes. The hash is XXH3
/// (`xxhash-rust`): every open hashes the whole of a document's files and of its cache entry, and
/// XXH3 does that several times quicker than a hand-written word-at-a-time hash; not for adversaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Digest {
    len: u64,
    hash: u64,
}

impl Digest {
    pub fn of(bytes: &[u8]) -> Digest {
        Digest {
            len: bytes.len() as u64,
            hash: xxh3_64(bytes),
        }
    }

    /// The digest of what `file` holds, read a part at a time: a document found in the cache
    /// never has its whole file in memory (those pages cost more than reading them).
    pub fn read(mut file: impl io::Read) -> io::Result<Digest> {
        let mut h = Xxh3Default::new();
        let mut len = 0;
        let mut part = vec![0; 64 << 10];
        loop {
            match file.read(&mut part) {
                Ok(0) => break,
                Ok(n) => {
                    h.update(&part[..n]);
                    len += n as u64;
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(Digest {
            len,
            hash: h.digest(),
        })
    }
}

/// Everything opening a document computes from its key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub transcript: Transcript,
    pub warnings: Vec<Warning>,
    /// [`DocId::of`] the transcript, which the reader's state goes by.
    pub id: DocId,
    pub alignment: Alignment,
}

/// Identifies a cache entry's file and the layout of its header; bump the digit when it changes.
const MAGIC: &[u8; 16] = b"stenogram-cache3";
/// MAGIC, the key, the payload's length and its checksum.
const HEADER: usize = 16 + 8 + 8 + 8;
/// The cache keeps at most this many bytes of entries, the least recently used going first.
const MAX_BYTES: u64 = 256 << 20;

/// The document cached under `key` in `dir`: `Ok(None)` if there is none, `Err` with a one-line
/// note if there is one that cannot be used (it is then left to be overwritten).
pub fn load(dir: &Path, key: Key) -> Result<Option<Entry>, String> {
    let path = key.path(dir);
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(note(&path, &e.to_string())),
    };
    let entry = decode(&bytes, key).map_err(|what| note(&path, what))?;
    // Used now, so kept longer: pruning goes by modification time.
    if let Ok(f) = std::fs::File::options().append(true).open(&path) {
        let _ = f.set_modified(std::time::SystemTime::now());
    }
    Ok(Some(entry))
}

/// Keeps `entry` under `key` in `dir`, then trims the cache to its size; a failure is a
/// one-line note, and the reader goes on without the cache.
pub fn store(dir: &Path, key: Key, entry: &Entry) -> Result<(), String> {
    let path = key.path(dir);
    let payload = postcard::to_stdvec(entry).map_err(|e| note(&path, &e.to_string()))?;
    let mut bytes = Vec::with_capacity(HEADER + payload.len());
    bytes.extend_from_slice(MAGIC);
    bytes.extend_from_slice(&key.0.to_le_bytes());
    bytes.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    bytes.extend_from_slice(&xxh3_64(&payload).to_le_bytes());
    bytes.extend_from_slice(&payload);
    store::write_atomic(&path, &bytes).map_err(|e| note(&path, &e.to_string()))?;
    prune(dir, MAX_BYTES);
    Ok(())
}

fn note(path: &Path, what: &str) -> String {
    format!("cache {}: {what} (ignored)", shown(path))
}

/// The entry in `bytes`, if they are a whole entry for `key`.
fn decode(bytes: &[u8], key: Key) -> Result<Entry, &'static str> {
    let (header, payload) = bytes.split_at_checked(HEADER).ok_or("cut short")?;
    let word = |k: usize| {
        let at = MAGIC.len() + 8 * k;
        u64::from_le_bytes(header[at..at + 8].try_into().unwrap_or_default())
    };
    if &header[..MAGIC.len()] != MAGIC {
        return Err("not an entry of this version of stenogram");
    }
    if word(0) != key.0 {
        return Err("made for another document");
    }
    if word(1) != payload.len() as u64 || word(2) != xxh3_64(payload) {
        return Err("damaged (checksum mismatch)");
    }
    match postcard::take_from_bytes(payload) {
        Ok((entry, [])) => Ok(entry),
        _ => Err("damaged (does not decode)"),
    }
}

/// Removes the least recently used entries until those left take at most `max` bytes.
fn prune(dir: &Path, max: u64) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut files: Vec<(std::time::SystemTime, u64, PathBuf)> = entries
        .filter_map(|e| {
            let e = e.ok()?;
            let path = e.path();
            let meta = e.metadata().ok()?;
            (path.extension()? == "align" && meta.is_file()).then_some((
                meta.modified().ok()?,
                meta.len(),
                path,
            ))
        })
        .collect();
    // Newest first: they are kept.
    files.sort_by_key(|f| std::cmp::Reverse(f.0));
    let mut total = 0;
    for (_, len, path) in files {
        total += len;
        if total > max {
            let _ = std::fs::remove_file(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A document with a speaker's turn, a heading and a warning: every kind of thing an entry
    /// holds comes back.
    fn entry() -> Entry {
        let parsed = crate::ingest::parse(
            "Talks\nV.Putin: The talks began.\nThey went \u{1b}[31mwell.\n\nПереговоры\nВ.Путин: Переговоры начались.\n",
        );
        assert!(!parsed.warnings.is_empty() && !parsed.transcript.speakers.is_empty());
        Entry {
            id: DocId::of(&parsed.transcript),
            alignment: align::align(&parsed.transcript),
            transcript: parsed.transcript,
            warnings: parsed.warnings,
        }
    }

    #[test]
    fn an_entry_reads_back_only_under_its_own_key() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (key, other) = (Key(1), Key(2));
        store(dir.path(), key, &entry()).expect("stored");
        assert_eq!(load(dir.path(), key), Ok(Some(entry())));
        assert_eq!(load(dir.path(), other), Ok(None));
        // Copied under another key's name: refused, not taken for that document's.
        std::fs::copy(key.path(dir.path()), other.path(dir.path())).expect("copy");
        let note = load(dir.path(), other).expect_err("another key");
        assert!(note.ends_with("made for another document (ignored)"), "{note}");
    }

    #[test]
    fn every_damage_is_a_note() {
        let dir = tempfile::tempdir().expect("temp dir");
        let key = Key(7);
        store(dir.path(), key, &entry()).expect("stored");
        let good = std::fs::read(key.path(dir.path())).expect("entry");
        let mut flipped = good.clone();
        *flipped.last_mut().expect("payload") ^= 1;
        let mut old = good.clone();
        old[15] = b'0';
        for (bytes, why) in [
            (&good[..HEADER - 1], "cut short"),
            (&good[..good.len() - 1], "checksum"),
            (&flipped[..], "checksum"),
            (&old[..], "this version"),
        ] {
            std::fs::write(key.path(dir.path()), bytes).expect("write");
            let note = load(dir.path(), key).expect_err(why);
            assert!(note.contains(why), "{note}");
        }
    }

    #[test]
    fn the_key_is_the_files_bytes_each_apart() {
        let key = |files: &[&[u8]]| Key::of(files, None);
        assert_eq!(key(&[b"ab", b"c"]), key(&[b"ab", b"c"]));
        assert_ne!(key(&[b"ab", b"c"]), key(&[b"a", b"bc"]));
        assert_ne!(key(&[b"ab", b"c"]), key(&[b"c", b"ab"]));
        assert_ne!(key(&[b"abc"]), key(&[b"ab", b"c"]));
        assert_ne!(key(&[b"abc"]), Key::of(&[b"abc"], Some(Lang::En)));
        assert_ne!(
            Key::of(&[b"abc"], Some(Lang::Ru)),
            Key::of(&[b"abc"], Some(Lang::En))
        );
    }

    #[test]
    fn a_file_read_in_parts_has_the_digest_of_its_bytes() {
        let text: Vec<u8> = (0..200_000u32).flat_map(|i| i.to_le_bytes()).collect();
        for bytes in [&text[..], &text[..7], &text[..(64 << 10) + 3], b""] {
            let read = Digest::read(bytes).expect("read");
            assert_eq!(read, Digest::of(bytes));
            assert_eq!(read.len, bytes.len() as u64);
        }
        assert_ne!(Digest::of(&text[..8]), Digest::of(&text[..9]));
    }

    #[test]
    fn pruning_keeps_the_most_recent_entries_within_the_budget() {
        let dir = tempfile::tempdir().expect("temp dir");
        let now = std::time::SystemTime::now();
        for k in 0..4u64 {
            let path = Key(k).path(dir.path());
            std::fs::write(&path, [0u8; 100]).expect("write");
            let f = std::fs::File::options().append(true).open(&path).expect("open");
            f.set_modified(now - std::time::Duration::from_secs(100 * (4 - k)))
                .expect("touch");
        }
        std::fs::write(dir.path().join("notes.txt"), [0u8; 1000]).expect("write");
        prune(dir.path(), 250);
        let mut left: Vec<_> = std::fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(
            left,
            ["0000000000000002.align", "0000000000000003.align", "notes.txt"]
        );
    }
}
