//! Where stenogram keeps things between runs and how it writes them: the XDG folders, atomic
//! writes, and a content hash that stays the same across Rust releases and machines.

use std::ffi::OsString;
use std::fs;
use std::hash::Hasher;
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

const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// For tables keyed by short strings, where SipHash costs more than the lookup it guards.
impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        self.add(bytes);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

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
