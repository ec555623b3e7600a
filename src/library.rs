//! The library: loading transcripts from files, pairs and folders, and the bundled ones embedded in the binary.
//!
//! A folder is a library: every `*.txt` inside it (not below), sorted by name, with `NAME.en.txt` and
//! `NAME.ru.txt` joined into one document. Hostile files (huge, binary, empty) are refused with a one-line
//! error naming the file, before any parsing; in a folder such a file is skipped with that line on stderr.

use crate::align::Alignment;
use crate::cache::{self, Digest, Key};
use crate::error::{Error, Result, shown};
use crate::ingest::{Parsed, Warning, WarningKind};
use crate::model::{Lang, Transcript};
use crate::state::DocId;
use include_dir::{Dir, include_dir};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

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
    /// Its place in the document cache, when it was loaded with one ([`open`]).
    pub cached: Option<Cached>,
}

/// A document's place in the cache, and what the cache gave for it.
#[derive(Debug, Clone)]
pub struct Cached {
    pub key: Key,
    /// Its identity: from the cache when it held the document, else hashed once on loading.
    pub id: DocId,
    /// Its whole alignment, from the cache or made since: shared with the reader that shows it
    /// and the job that indexes it, not copied.
    pub alignment: Option<Arc<Alignment>>,
    /// Why the cache's entry for it could not be used.
    pub note: Option<String>,
}

impl Document {
    /// What the reader's state knows it by: from the cache when it came from there.
    pub fn id(&self) -> DocId {
        let cached = self.cached.as_ref().map(|c| c.id);
        cached.unwrap_or_else(|| DocId::of(&self.transcript))
    }

    /// Its whole alignment, when the cache held it or it has been aligned since.
    pub fn cached_alignment(&self) -> Option<&Arc<Alignment>> {
        self.cached.as_ref()?.alignment.as_ref()
    }

    /// Its whole alignment, made now and kept with the document in the cache in `dir` when it
    /// was loaded with one; the note says why the cache could not be used, when it could not.
    pub fn align_and_keep(&self, dir: Option<&Path>) -> (Alignment, Option<String>) {
        let alignment = crate::align::align(&self.transcript);
        let Some((dir, cached)) = dir.zip(self.cached.as_ref()) else {
            return (alignment, None);
        };
        let entry = cache::Entry {
            transcript: self.transcript.clone(),
            warnings: self.warnings.clone(),
            id: self.id(),
            alignment,
        };
        let failed = cache::store(dir, cached.key, &entry).err();
        (entry.alignment, cached.note.clone().or(failed))
    }

    /// The first warning that the text is not in the language it was given as, or switches language for a
    /// long stretch, as a sentence: what the reader's status line shows.
    pub fn language_warning(&self) -> Option<String> {
        let w = self.warnings.iter().find(|w| w.kind == WarningKind::Language)?;
        let mut chars = w.message.chars();
        let first = chars.next()?;
        Some(first.to_uppercase().chain(chars).collect())
    }
}

/// Larger files are not transcripts (the longest real ones are well under a megabyte).
const MAX_FILE_BYTES: u64 = 64 << 20;

/// Loads every transcript named by `sources`.
pub fn load(sources: &Sources) -> Result<Vec<Document>> {
    open(sources, None)
}

/// Loads every transcript named by `sources` as [`load`] does, each from the document cache in
/// `cache` when it holds it (then without decoding or ingest, and with its alignment).
pub fn open(sources: &Sources, cache: Option<&Path>) -> Result<Vec<Document>> {
    let mut docs = Vec::new();
    let mut seen = HashSet::new();
    if let Some((en, ru)) = &sources.pair {
        for path in [en, ru] {
            if path.is_dir() {
                return Err(Error::BadInput {
                    path: path.clone(),
                    what: "is a folder; --en and --ru take one file each".into(),
                });
            }
        }
        let unit = Unit::Pair {
            stem: pair_stem(en, ".en.txt").unwrap_or_else(|| file_name(en)),
            en: en.clone(),
            ru: ru.clone(),
        };
        // The pair's files, named again as paths or found in a folder, are not loaded twice.
        seen.extend([unit.origin(), shown(en), shown(ru)]);
        docs.push(unit.load(&Disk, cache)?);
    }
    for path in &sources.paths {
        let meta = std::fs::metadata(path).map_err(|e| io_error(path, e))?;
        if !meta.is_dir() {
            // A file the user named: an error in it is an error.
            for unit in units(vec![path.clone()], Path::is_file) {
                if seen.insert(unit.origin()) {
                    docs.push(unit.load(&Disk, cache)?);
                }
            }
            continue;
        }
        let files = folder_files(path)?;
        if files.is_empty() {
            return Err(Error::NoTranscripts(path.clone()));
        }
        // One bad file does not close the library: it is skipped, and said so on stderr.
        let (mut tried, mut failed) = (0, 0);
        for unit in units(files, Path::is_file) {
            if !seen.insert(unit.origin()) {
                continue;
            }
            tried += 1;
            match unit.load(&Disk, cache) {
                Ok(doc) => docs.push(doc),
                Err(e) => {
                    eprintln!("stenogram: {e} (skipped)");
                    failed += 1;
                }
            }
        }
        if tried > 0 && failed == tried {
            return Err(Error::NoneReadable(path.clone()));
        }
    }
    Ok(docs)
}

/// The library `stenogram` opens without a PATH: the bundled transcripts and those in the user's
/// folder `user` (see [`crate::store::Dirs`]), in [`order`], each from the document cache in
/// `cache` when it holds it. A folder that does not exist or holds no transcript adds nothing;
/// one that cannot be read gives a one-line note, and the rest show.
pub fn home(user: Option<&Path>, cache: Option<&Path>) -> (Vec<Document>, Vec<String>) {
    let mut docs = bundled_in(cache);
    let mut notes = Vec::new();
    if let Some(dir) = user {
        let sources = Sources {
            paths: vec![dir.to_path_buf()],
            pair: None,
        };
        match open(&sources, cache) {
            Ok(mine) => docs.extend(mine),
            Err(Error::NotFound(_) | Error::NoTranscripts(_)) => {}
            Err(e) => notes.push(e.to_string()),
        }
    }
    order(&mut docs);
    (docs, notes)
}

/// The library list's order: documents with both languages first, then the newest first (those
/// without a date last), otherwise as they were.
pub fn order(docs: &mut [Document]) {
    docs.sort_by_cached_key(|d| {
        let one_language = d.transcript.langs().len() < 2;
        (
            one_language,
            std::cmp::Reverse(date(d).and_then(crate::ingest::date_key)),
        )
    });
}

/// The document's date: its English version's, its Russian version's, or its file name's.
pub fn date(doc: &Document) -> Option<&str> {
    let meta = Lang::BOTH
        .into_iter()
        .find_map(|l| doc.transcript.version(l)?.meta.date.as_deref());
    meta.or_else(|| {
        let iso = doc.name.get(..10)?;
        crate::ingest::date_key(iso).is_some().then_some(iso)
    })
}

static BUNDLED: Dir = include_dir!("$CARGO_MANIFEST_DIR/transcripts");

/// The transcripts shipped in `transcripts/`, embedded at build time.
pub fn bundled() -> Vec<Document> {
    bundled_in(None)
}

/// The bundled transcripts, each from the document cache in `cache` when it holds it.
fn bundled_in(cache: Option<&Path>) -> Vec<Document> {
    let files: Vec<PathBuf> = BUNDLED
        .files()
        .map(|f| f.path().to_path_buf())
        .filter(|p| is_txt(p))
        .collect();
    let read = |p: &Path| Ok(BUNDLED.get_file(p).map_or(&[][..], |f| f.contents()).to_vec());
    units(files, |p| BUNDLED.get_file(p).is_some())
        .into_iter()
        .filter_map(|unit| unit.load(&read, cache).ok())
        .map(|doc| Document {
            origin: format!("bundled:{}", doc.name),
            ..doc
        })
        .collect()
}

/// Where a unit's files are read from.
trait Files {
    /// The file's bytes.
    fn read(&self, path: &Path) -> Result<Vec<u8>>;
    /// What the cache's key takes of the file.
    fn digest(&self, path: &Path) -> Result<Digest>;
}

/// Files on disk.
struct Disk;

impl Files for Disk {
    fn read(&self, path: &Path) -> Result<Vec<u8>> {
        check_file(path)?;
        std::fs::read(path).map_err(|e| io_error(path, e))
    }

    /// Read a part at a time, never whole: a document the cache holds is not read again.
    fn digest(&self, path: &Path) -> Result<Digest> {
        check_file(path)?;
        let file = std::fs::File::open(path).map_err(|e| io_error(path, e))?;
        Digest::read(file).map_err(|e| io_error(path, e))
    }
}

/// Files in memory (the bundled transcripts), as their bytes by path.
impl<F: Fn(&Path) -> Result<Vec<u8>>> Files for F {
    fn read(&self, path: &Path) -> Result<Vec<u8>> {
        self(path)
    }

    fn digest(&self, path: &Path) -> Result<Digest> {
        Ok(Digest::of(&self(path)?))
    }
}

/// One document to load: a file, or the two files of a pair.
enum Unit {
    Single(PathBuf),
    Pair { stem: String, en: PathBuf, ru: PathBuf },
}

impl Unit {
    fn origin(&self) -> String {
        match self {
            Unit::Single(p) => shown(p),
            Unit::Pair { en, ru, .. } => format!("{} + {}", shown(en), shown(ru)),
        }
    }

    /// Reads the unit's files from `files` (the disk, or the bundle) and parses them, or takes
    /// what they make from the document cache in `cache` when it holds it.
    fn load(self, files: &impl Files, cache: Option<&Path>) -> Result<Document> {
        let origin = self.origin();
        let (name, paths, named) = match &self {
            Unit::Single(path) => (file_name(path), vec![path], named_lang(path)),
            Unit::Pair { stem, en, ru } => (stem.clone(), vec![en, ru], None),
        };
        let looked_up = match cache {
            Some(dir) => {
                let digests = paths
                    .iter()
                    .map(|p| files.digest(p))
                    .collect::<Result<Vec<_>>>()?;
                let key = Key::of_digests(&digests, named);
                let (hit, note) = match cache::load(dir, key) {
                    Ok(entry) => (entry, None),
                    Err(note) => (None, Some(note)),
                };
                Some((key, hit, note))
            }
            None => None,
        };
        let (parsed, cached) = match looked_up {
            Some((key, Some(entry), note)) => {
                let parsed = Parsed {
                    transcript: entry.transcript,
                    warnings: entry.warnings,
                };
                let cached = Cached {
                    key,
                    id: entry.id,
                    alignment: Some(Arc::new(entry.alignment)),
                    note,
                };
                (parsed, Some(cached))
            }
            miss => {
                let bytes = paths.iter().map(|p| files.read(p)).collect::<Result<Vec<_>>>()?;
                let texts = paths
                    .iter()
                    .zip(&bytes)
                    .map(|(p, bytes)| decode_text(p, bytes))
                    .collect::<Result<Vec<_>>>()?;
                let mut parsed = match &texts[..] {
                    [en, ru] => crate::ingest::parse_pair(en, ru),
                    // One file.
                    one => crate::ingest::parse(one.first().map_or("", String::as_str)),
                };
                parsed.warnings.extend(misnamed(named, &parsed.transcript));
                let cached = miss.map(|(_, _, note)| Cached {
                    // Of the bytes parsed: a file changed since its digest is kept as it is now.
                    key: Key::of(&bytes.iter().map(Vec::as_slice).collect::<Vec<_>>(), named),
                    id: DocId::of(&parsed.transcript),
                    alignment: None,
                    note,
                });
                (parsed, cached)
            }
        };
        Ok(Document {
            name,
            origin,
            transcript: parsed.transcript,
            warnings: parsed.warnings,
            cached,
        })
    }
}

/// Groups files into documents: `NAME.en.txt` with an existing `NAME.ru.txt` (and the other way round)
/// make one pair; everything else stands alone. Sorted by name, each pair once.
fn units(mut files: Vec<PathBuf>, exists: impl Fn(&Path) -> bool) -> Vec<Unit> {
    files.sort();
    files.dedup();
    let mut out = Vec::new();
    let mut paired = HashSet::new();
    for path in files {
        if paired.contains(&path) {
            continue;
        }
        let partner = [(".en.txt", ".ru.txt"), (".ru.txt", ".en.txt")]
            .iter()
            .find_map(|(ours, theirs)| {
                let stem = pair_stem(&path, ours)?;
                let other = path.with_file_name(format!("{stem}{theirs}"));
                exists(&other).then_some((stem, other, *ours == ".en.txt"))
            });
        match partner {
            Some((stem, other, path_is_en)) => {
                paired.insert(other.clone());
                let (en, ru) = if path_is_en { (path, other) } else { (other, path) };
                out.push(Unit::Pair { stem, en, ru });
            }
            None => out.push(Unit::Single(path)),
        }
    }
    out
}

/// The language a file's name gives it: `NAME.en.txt`, `NAME.ru.txt`.
fn named_lang(path: &Path) -> Option<Lang> {
    [Lang::En, Lang::Ru]
        .into_iter()
        .find(|l| pair_stem(path, &format!(".{}.txt", l.code())).is_some())
}

/// A lone file named as in language `named` but wholly in the other, which is how it was read.
fn misnamed(named: Option<Lang>, t: &Transcript) -> Option<Warning> {
    let named = named?;
    let reads = match t.langs()[..] {
        [only] if only != named => only,
        _ => return None,
    };
    Some(Warning {
        line: 1,
        message: format!(
            "the file is named .{}.txt but its text is {}: read as {}",
            named.code(),
            reads.name(),
            reads.name()
        ),
        kind: WarningKind::Language,
    })
}

/// `talk.en.txt` with suffix `.en.txt` → `talk`.
fn pair_stem(path: &Path, suffix: &str) -> Option<String> {
    let name = path.file_name()?.to_str()?;
    let stem = name.strip_suffix(suffix)?;
    (!stem.is_empty()).then(|| stem.to_string())
}

/// The file's name as it may be printed.
fn file_name(path: &Path) -> String {
    shown(Path::new(path.file_name().unwrap_or(path.as_os_str())))
}

fn is_txt(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("txt"))
}

fn folder_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let entries = std::fs::read_dir(dir).map_err(|e| io_error(dir, e))?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| io_error(dir, e))?.path();
        if is_txt(&path) && path.is_file() {
            files.push(path);
        }
    }
    Ok(files)
}

/// Refuses what cannot be a transcript file before it is read.
fn check_file(path: &Path) -> Result<()> {
    let bad = |what: String| Error::BadInput {
        path: path.to_path_buf(),
        what,
    };
    let meta = std::fs::metadata(path).map_err(|e| io_error(path, e))?;
    if meta.is_dir() {
        return Err(bad("is a folder, not a transcript file".into()));
    }
    if !meta.is_file() {
        return Err(bad("is not a regular file".into()));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(bad(format!(
            "file too large ({} MB; the limit is {} MB)",
            meta.len() >> 20,
            MAX_FILE_BYTES >> 20
        )));
    }
    Ok(())
}

/// Decodes the bytes of the transcript file `path`, refusing binary and empty ones.
fn decode_text(path: &Path, bytes: &[u8]) -> Result<String> {
    let bad = |what: String| Error::BadInput {
        path: path.to_path_buf(),
        what,
    };
    let text = crate::decode::decode(bytes).map_err(|e| bad(e.to_string()))?;
    if text.trim().is_empty() {
        return Err(bad("no text in the file".into()));
    }
    Ok(text)
}

fn io_error(path: &Path, source: std::io::Error) -> Error {
    if source.kind() == std::io::ErrorKind::NotFound {
        Error::NotFound(path.to_path_buf())
    } else {
        Error::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(units: &[Unit]) -> Vec<String> {
        units
            .iter()
            .map(|u| match u {
                Unit::Single(p) => file_name(p),
                Unit::Pair { stem, en, ru } => format!("{stem}: {} + {}", file_name(en), file_name(ru)),
            })
            .collect()
    }

    #[test]
    fn pairs_are_joined_and_the_rest_stand_alone() {
        let files: Vec<PathBuf> = ["b.ru.txt", "a.txt", "b.en.txt", "c.en.txt", "d.ru.txt"]
            .iter()
            .map(PathBuf::from)
            .collect();
        let exists = |p: &Path| files.iter().any(|f| f == p);
        assert_eq!(
            names(&units(files.clone(), exists)),
            ["a.txt", "b: b.en.txt + b.ru.txt", "c.en.txt", "d.ru.txt"]
        );
    }

    #[test]
    fn bundled_bytes_load_through_decode() {
        // `Добрый день.` in Windows-1251: not UTF-8, and once read as an empty document.
        let cp1251: &[u8] = &[
            0xc4, 0xee, 0xe1, 0xf0, 0xfb, 0xe9, 0x20, 0xe4, 0xe5, 0xed, 0xfc, 0x2e, 0x0a,
        ];
        let doc = Unit::Single(PathBuf::from("talk.txt"))
            .load(&|_: &Path| Ok(cp1251.to_vec()), None)
            .expect("decodes");
        let ru = doc.transcript.version(crate::model::Lang::Ru).expect("Russian");
        let texts: Vec<&str> = ru.paragraphs().map(|(_, p)| p.text.as_str()).collect();
        assert_eq!(texts, ["Добрый день."]);
        assert_eq!((doc.name.as_str(), doc.origin.as_str()), ("talk.txt", "talk.txt"));
    }

    fn parsed(name: &str, text: &str) -> Document {
        Unit::Single(PathBuf::from(name))
            .load(&|_: &Path| Ok(text.as_bytes().to_vec()), None)
            .expect("parses")
    }

    #[test]
    fn the_list_has_bilingual_documents_first_then_the_newest() {
        let both = "The talks began.\nThey went well.\n\nПереговоры начались.\nОни прошли хорошо.\n";
        let mut docs = vec![
            parsed("undated.txt", both),
            parsed("english.txt", "Moscow, 1 June 2030\nThe talks began.\n"),
            parsed("old.txt", &format!("Moscow, 13 March 2020\n{both}")),
            parsed("2024-05-06-named.txt", both),
            parsed("new.txt", &format!("Москва, 13 марта 2025 года\n{both}")),
        ];
        order(&mut docs);
        let names: Vec<&str> = docs.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "new.txt",
                "2024-05-06-named.txt",
                "old.txt",
                "undated.txt",
                "english.txt"
            ]
        );
    }

    #[test]
    fn a_date_comes_from_the_document_else_from_its_file_name() {
        let doc = parsed(
            "talks.txt",
            "Talks with the President of Belarus\nMoscow, 13 March 2025\nThe talks began.\n\n\
             Переговоры с Президентом Белоруссии\nПереговоры начались.\n",
        );
        assert_eq!(date(&doc), Some("13 March 2025"));
        let bare = parsed(
            "2021-04-15-call.txt",
            "Путин и Лукашенко поговорили по телефону.\n",
        );
        assert_eq!(date(&bare), Some("2021-04-15"));
        assert_eq!(date(&parsed("call.txt", "Путин и Лукашенко поговорили.\n")), None);
    }

    #[test]
    fn home_adds_the_users_folder_to_the_bundled_texts() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (bundled, notes) = home(Some(&dir.path().join("missing")), None);
        assert_eq!((bundled.len(), notes.len()), (5, 0));
        assert_eq!(
            home(Some(dir.path()), None).0.len(),
            5,
            "an empty folder adds nothing"
        );
        std::fs::write(
            dir.path().join("mine.en.txt"),
            "Moscow, 1 June 2030\nThe talks began.\n",
        )
        .expect("write");
        std::fs::write(dir.path().join("mine.ru.txt"), "Переговоры начались.\n").expect("write");
        let (docs, notes) = home(Some(dir.path()), None);
        assert_eq!((docs.len(), notes.len()), (6, 0));
        assert_eq!(docs[0].name, "mine", "bilingual and newest: first");
        std::fs::remove_file(dir.path().join("mine.ru.txt")).expect("remove");
        std::fs::write(dir.path().join("mine.en.txt"), b"text with a NUL\0 in it").expect("write");
        let (docs, notes) = home(Some(dir.path()), None);
        assert_eq!(docs.len(), 5);
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(notes[0].contains("no transcript could be read"), "{notes:?}");
    }

    #[test]
    fn a_lone_en_file_holding_russian_is_read_as_russian_and_said_to_be_misnamed() {
        let doc = Unit::Single(PathBuf::from("talk.en.txt"))
            .load(&|_: &Path| Ok("В.Путин: Добрый день.\n".into()), None)
            .expect("loads");
        assert_eq!(doc.transcript.langs(), [Lang::Ru]);
        assert_eq!(
            doc.language_warning().as_deref(),
            Some("The file is named .en.txt but its text is Russian: read as Russian")
        );
        let doc = Unit::Single(PathBuf::from("talk.ru.txt"))
            .load(&|_: &Path| Ok("В.Путин: Добрый день.\n".into()), None)
            .expect("loads");
        assert_eq!(doc.language_warning(), None);
    }

    #[test]
    fn bundled_library_parses() {
        let docs = bundled();
        assert_eq!(docs.len(), 5);
        assert!(docs.iter().all(|d| d.origin.starts_with("bundled:")));
        assert!(docs.iter().all(|d| !d.transcript.langs().is_empty()));
    }
}
