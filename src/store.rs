//! Where stenogram keeps things between runs and how it writes them: the XDG folders, atomic
//! writes, and a content hash that stays the same across Rust releases and machines.

use std::ffi::OsString;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

/// The folders stenogram uses; `None` where neither the XDG variable nor `HOME` gives one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dirs {
    /// What the reader remembers: `$XDG_STATE_HOME/stenogram`, else `~/.local/state/stenogram`.
    pub state: Option<PathBuf>,
    /// What can be computed again: `$XDG_CACHE_HOME/stenogram`, else `~/.cache/stenogram`.
    pub cache: Option<PathBuf>,
    /// The user's own transcripts: `STENOGRAM_LIBRARY`, else `$XDG_DATA_HOME/stenogram/transcripts`,
    /// else `~/.local/share/stenogram/transcripts`.
    pub library: Option<PathBuf>,
}

impl Dirs {
    /// The folders the environment of this process names.
    pub fn from_env() -> Dirs {
        Dirs::from_vars(|name| std::env::var_os(name))
    }

    /// The folders named by the environment variables `var` gives.
    pub fn from_vars(var: impl Fn(&str) -> Option<OsString>) -> Dirs {
        // The XDG specification: a relative path in one of its variables is invalid and ignored.
        let absolute = |p: PathBuf| p.is_absolute().then_some(p);
        let xdg = |name: &str, under_home: &str| {
            var(name)
                .map(PathBuf::from)
                .and_then(absolute)
                .or_else(|| absolute(PathBuf::from(var("HOME")?).join(under_home)))
        };
        Dirs {
            state: xdg("XDG_STATE_HOME", ".local/state").map(|d| d.join("stenogram")),
            cache: xdg("XDG_CACHE_HOME", ".cache").map(|d| d.join("stenogram")),
            library: var("STENOGRAM_LIBRARY")
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
                .or_else(|| xdg("XDG_DATA_HOME", ".local/share").map(|d| d.join("stenogram/transcripts"))),
        }
    }
}

/// Writes `bytes` to `path` so that a reader of `path` sees the old content or the new, never a
/// part: into a file beside it, then renamed over it. Creates the folder if needed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    // Unique per process and per write, so two readers, or two threads, never share a file.
    static WRITES: AtomicU32 = AtomicU32::new(0);
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let name = path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
    let tmp = dir.join(format!(
        ".{name}.{}.{}.tmp",
        std::process::id(),
        WRITES.fetch_add(1, Ordering::Relaxed)
    ));
    let written = fs::File::create(&tmp).and_then(|mut f| {
        f.write_all(bytes)?;
        f.sync_all()
    });
    let result = written.and_then(|()| fs::rename(&tmp, path));
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// FNV-1a, 64 bits: fixed by its definition, unlike std's `DefaultHasher`, so what it names
/// stays named so across builds. Not for adversaries; a collision needs billions of documents.
#[derive(Debug, Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    pub fn hash(bytes: &[u8]) -> u64 {
        let mut h = Fnv::default();
        h.add(bytes);
        h.finish()
    }

    pub fn add(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(FNV_PRIME);
        }
    }

    pub fn finish(&self) -> u64 {
        self.0
    }

    /// Eight bytes at a time: each word mixed by MurmurHash3's finalizer (so that a change to
    /// one word cannot be undone by a change to another), then folded in as FNV folds in a
    /// byte; the length last, so that trailing zeros count. Several times quicker than
    /// [`Fnv::hash`], which takes half a millisecond on a 400 KB file: for the cache's keys and
    /// checksums, computed on every open. Fixed by this definition, like [`Fnv`].
    pub fn hash_words(bytes: &[u8]) -> u64 {
        let mut h = WordHash::default();
        h.add(bytes);
        h.finish()
    }
}

/// [`Fnv::hash_words`] of bytes that come in pieces (a file read a part at a time): the same
/// value, whatever the pieces.
#[derive(Debug, Clone)]
pub struct WordHash {
    h: u64,
    len: u64,
    /// The bytes of a word not yet whole, in `tail[..len % 8]`.
    tail: [u8; 8],
}

impl Default for WordHash {
    fn default() -> Self {
        WordHash {
            h: Fnv::default().0,
            len: 0,
            tail: [0; 8],
        }
    }
}

impl WordHash {
    pub fn add(&mut self, mut bytes: &[u8]) {
        let pending = (self.len % 8) as usize;
        self.len += bytes.len() as u64;
        if pending > 0 {
            let n = bytes.len().min(8 - pending);
            self.tail[pending..pending + n].copy_from_slice(&bytes[..n]);
            bytes = &bytes[n..];
            if pending + n < 8 {
                return;
            }
            self.step(u64::from_le_bytes(self.tail));
        }
        let mut words = bytes.chunks_exact(8);
        for word in &mut words {
            self.step(u64::from_le_bytes(word.try_into().unwrap_or_default()));
        }
        self.tail[..words.remainder().len()].copy_from_slice(words.remainder());
    }

    pub fn finish(&self) -> u64 {
        // The last word, whole or not (then padded with zeros), then the length.
        let mut last = [0; 8];
        let pending = (self.len % 8) as usize;
        last[..pending].copy_from_slice(&self.tail[..pending]);
        let mut done = self.clone();
        done.step(u64::from_le_bytes(last));
        done.step(self.len);
        done.h
    }

    fn step(&mut self, word: u64) {
        let mix = |mut x: u64| {
            x ^= x >> 33;
            x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
            x ^= x >> 33;
            x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
            x ^ (x >> 33)
        };
        self.h = (self.h ^ mix(word)).wrapping_mul(FNV_PRIME);
    }
}

const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// So that a serializer can write straight into the hash.
impl Write for Fnv {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.add(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv_matches_its_published_values() {
        assert_eq!(Fnv::hash(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(Fnv::hash(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(Fnv::hash(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn the_word_hash_tells_every_one_and_two_bit_change_and_trailing_zeros_apart() {
        let text = b"seventeen bytes..";
        let mut seen = vec![Fnv::hash_words(text), Fnv::hash_words(&text[..16])];
        let bits = text.len() * 8;
        for (a, b) in (0..bits).flat_map(|a| (a..bits).map(move |b| (a, b))) {
            let mut changed = *text;
            changed[a / 8] ^= 1 << (a % 8);
            // a == b: one bit.
            changed[b / 8] ^= u8::from(a != b) << (b % 8);
            seen.push(Fnv::hash_words(&changed));
        }
        seen.extend([
            Fnv::hash_words(b""),
            Fnv::hash_words(b"\0"),
            Fnv::hash_words(b"\0\0"),
        ]);
        let n = seen.len();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen.len(), n, "a collision");
    }

    #[test]
    fn the_word_hash_of_pieces_is_that_of_the_whole() {
        let text: Vec<u8> = (0..=255u8).cycle().take(1000).collect();
        let whole = Fnv::hash_words(&text);
        for cuts in [
            &[0, 1000][..],
            &[3, 8, 9, 17, 500, 999],
            &[1, 2, 3, 4, 5, 6, 7, 8, 64],
        ] {
            let mut h = WordHash::default();
            let mut at = 0;
            for &cut in cuts.iter().chain([&1000]) {
                h.add(&text[at..cut]);
                at = cut;
            }
            assert_eq!(h.finish(), whole, "{cuts:?}");
        }
        // A value fixed by the definition: this hash names cache entries on disk.
        assert_eq!(Fnv::hash_words(b"abc"), 0x4823_25bb_e767_4bf9);
    }

    fn dirs(vars: &[(&str, &str)]) -> Dirs {
        Dirs::from_vars(|name| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| OsString::from(v))
        })
    }

    #[test]
    fn xdg_variables_win_over_home_and_relative_ones_are_ignored() {
        let d = dirs(&[
            ("HOME", "/home/u"),
            ("XDG_STATE_HOME", "/x/state"),
            ("XDG_CACHE_HOME", "relative/cache"),
            ("XDG_DATA_HOME", "/x/data"),
        ]);
        assert_eq!(d.state, Some(PathBuf::from("/x/state/stenogram")));
        assert_eq!(d.cache, Some(PathBuf::from("/home/u/.cache/stenogram")));
        assert_eq!(d.library, Some(PathBuf::from("/x/data/stenogram/transcripts")));
        let d = dirs(&[("HOME", "/home/u"), ("STENOGRAM_LIBRARY", "texts")]);
        assert_eq!(d.state, Some(PathBuf::from("/home/u/.local/state/stenogram")));
        assert_eq!(d.library, Some(PathBuf::from("texts")));
        let d = dirs(&[("HOME", "/home/u")]);
        assert_eq!(
            d.library,
            Some(PathBuf::from("/home/u/.local/share/stenogram/transcripts"))
        );
        assert_eq!(dirs(&[]), Dirs::default());
    }

    #[test]
    fn an_atomic_write_replaces_the_file_and_leaves_nothing_beside_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("sub/state.json");
        write_atomic(&path, b"one").expect("first write");
        write_atomic(&path, b"two").expect("second write");
        assert_eq!(fs::read(&path).expect("read back"), b"two");
        let names: Vec<_> = fs::read_dir(dir.path().join("sub"))
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, ["state.json"]);
    }
}
