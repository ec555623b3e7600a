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
}

/// A 64-bit hash for the cache's keys and checksums, computed over whole files on every open:
/// 32 bytes at a time in four independent lanes, each folding in its eight bytes as xxHash64's
/// round does (multiply, rotate, multiply); the lanes, then the length, merged and the result
/// avalanched as xxHash64 does. Takes its bytes in pieces (a file read a part at a time) with
/// the same value whatever the pieces. About a quarter of a byte-at-a-time hash's instructions
/// and in four chains rather than one: a tenth of a millisecond less on each open of a 400 KB
/// document. Fixed by this definition, like [`Fnv`]; not for adversaries.
#[derive(Debug, Clone)]
pub struct WordHash {
    lanes: [u64; 4],
    len: u64,
    /// The bytes of a stripe not yet whole, in `tail[..len % 32]`.
    tail: [u8; STRIPE],
}

const STRIPE: usize = 32;
const P1: u64 = 0x9e37_79b1_85eb_ca87;
const P2: u64 = 0xc2b2_ae3d_27d4_eb4f;
const P3: u64 = 0x1656_67b1_9e37_79f9;
const P4: u64 = 0x85eb_ca77_c2b2_ae63;

impl Default for WordHash {
    fn default() -> Self {
        WordHash {
            lanes: [P1.wrapping_add(P2), P2, 0, P1.wrapping_neg()],
            len: 0,
            tail: [0; STRIPE],
        }
    }
}

impl WordHash {
    /// The hash of `bytes`.
    pub fn of(bytes: &[u8]) -> u64 {
        let mut h = WordHash::default();
        h.add(bytes);
        h.finish()
    }

    pub fn add(&mut self, mut bytes: &[u8]) {
        let pending = (self.len % STRIPE as u64) as usize;
        self.len += bytes.len() as u64;
        if pending > 0 {
            let n = bytes.len().min(STRIPE - pending);
            self.tail[pending..pending + n].copy_from_slice(&bytes[..n]);
            bytes = &bytes[n..];
            if pending + n < STRIPE {
                return;
            }
            let stripe = self.tail;
            self.stripe(&stripe);
        }
        let mut stripes = bytes.chunks_exact(STRIPE);
        for stripe in &mut stripes {
            self.stripe(stripe);
        }
        self.tail[..stripes.remainder().len()].copy_from_slice(stripes.remainder());
    }

    pub fn finish(&self) -> u64 {
        // The last stripe, whole or not (then padded with zeros), then the length.
        let mut last = [0; STRIPE];
        let pending = (self.len % STRIPE as u64) as usize;
        last[..pending].copy_from_slice(&self.tail[..pending]);
        let mut done = self.clone();
        done.stripe(&last);
        let [a, b, c, d] = done.lanes;
        let mut h = a
            .rotate_left(1)
            .wrapping_add(b.rotate_left(7))
            .wrapping_add(c.rotate_left(12))
            .wrapping_add(d.rotate_left(18));
        for lane in done.lanes {
            h = (h ^ round(0, lane)).wrapping_mul(P1).wrapping_add(P4);
        }
        h = h.wrapping_add(self.len);
        h ^= h >> 33;
        h = h.wrapping_mul(P2);
        h ^= h >> 29;
        h = h.wrapping_mul(P3);
        h ^ (h >> 32)
    }

    fn stripe(&mut self, stripe: &[u8]) {
        for (lane, word) in self.lanes.iter_mut().zip(stripe.chunks_exact(8)) {
            *lane = round(*lane, u64::from_le_bytes(word.try_into().unwrap_or_default()));
        }
    }
}

/// xxHash64's round: `word` folded into `lane`.
fn round(lane: u64, word: u64) -> u64 {
    lane.wrapping_add(word.wrapping_mul(P2))
        .rotate_left(31)
        .wrapping_mul(P1)
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
        // Two stripes, the second cut short.
        let text = b"forty-one bytes, in a stripe and a piece.";
        let mut seen = vec![WordHash::of(text), WordHash::of(&text[..40])];
        let bits = text.len() * 8;
        for (a, b) in (0..bits).flat_map(|a| (a..bits).map(move |b| (a, b))) {
            let mut changed = *text;
            changed[a / 8] ^= 1 << (a % 8);
            // a == b: one bit.
            changed[b / 8] ^= u8::from(a != b) << (b % 8);
            seen.push(WordHash::of(&changed));
        }
        seen.extend([WordHash::of(b""), WordHash::of(b"\0"), WordHash::of(b"\0\0")]);
        let n = seen.len();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen.len(), n, "a collision");
    }

    #[test]
    fn the_word_hash_of_pieces_is_that_of_the_whole() {
        let text: Vec<u8> = (0..=255u8).cycle().take(1000).collect();
        let whole = WordHash::of(&text);
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
        assert_eq!(WordHash::of(b"abc"), 0xb9fe_6d0f_bbfc_c8b9);
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
