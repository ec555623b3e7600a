//! What stenogram keeps between runs: a damaged document cache entry or state file still gives
//! the document, with a note; the cache key changes whenever ingest's or the aligner's output
//! does.

use std::path::{Path, PathBuf};
use stenogram::align;
use stenogram::cache;
use stenogram::library::{self, Document, Sources};
use stenogram::model::{Lang, Transcript};
use stenogram::state::{DocId, Memory, Place, State};
use stenogram::store::Fnv;

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

fn load(paths: &[&str]) -> Vec<Document> {
    let sources = Sources {
        paths: paths.iter().map(|p| data(p)).collect(),
        pair: None,
    };
    library::load(&sources).expect("fixtures load")
}

fn short() -> Transcript {
    stenogram::ingest::parse("Moscow, 13 March 2025\nThe talks began.\n\nПереговоры начались.\n").transcript
}

fn open(dir: &Path, paths: &[&Path]) -> Document {
    let sources = Sources {
        paths: paths.iter().map(|p| p.to_path_buf()).collect(),
        pair: None,
    };
    library::open(&sources, Some(dir)).expect("opens").remove(0)
}

#[test]
fn a_cached_document_is_used_and_a_damaged_one_is_read_again_with_a_note() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = data("interview.en.txt");
    let first = open(dir.path(), &[&file]);
    let cached = first.cached.clone().expect("loaded with the cache");
    assert_eq!(
        (cached.alignment, cached.note),
        (None, None),
        "nothing cached yet"
    );
    let (aligned, note) = first.align_and_keep(Some(dir.path()));
    assert_eq!(note, None);
    assert!(aligned.units.len() > 10, "{}", aligned.units.len());
    // Reopened: the same document, and its alignment, from the cache.
    let again = open(dir.path(), &[&file]);
    assert_eq!(again.cached_alignment().map(AsRef::as_ref), Some(&aligned));
    assert_eq!(
        (&again.transcript, &again.warnings),
        (&first.transcript, &first.warnings)
    );
    assert_eq!(again.id(), DocId::of(&first.transcript));
    // What the cache holds is what is shown: a marked entry comes back as it was stored.
    let key = cached.key;
    let mut marked = cache::load(dir.path(), key).expect("readable").expect("an entry");
    marked.alignment.same_speakers = vec![(7, 7)];
    marked.transcript.speakers[0].id = "marked".into();
    cache::store(dir.path(), key, &marked).expect("stored");
    let shown = open(dir.path(), &[&file]);
    assert_eq!(
        shown.cached_alignment().map(AsRef::as_ref),
        Some(&marked.alignment)
    );
    assert_eq!(shown.transcript.speakers[0].id, "marked");

    let entry = std::fs::read_dir(dir.path())
        .expect("cache folder")
        .map(|e| e.expect("entry").path())
        .find(|p| p.extension().is_some_and(|e| e == "align"))
        .expect("an entry");
    let mut bytes = std::fs::read(&entry).expect("entry");
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x55;
    std::fs::write(&entry, &bytes).expect("damage");
    // Read afresh from the file, with a note that the reader shows once it has aligned it.
    let damaged = open(dir.path(), &[&file]);
    assert_eq!(damaged.cached_alignment(), None);
    assert_eq!(damaged.transcript, first.transcript);
    let (again, note) = damaged.align_and_keep(Some(dir.path()));
    assert_eq!(again, aligned);
    let note = note.expect("a note for the damaged entry");
    assert!(
        note.contains(".align") && note.contains("checksum") && !note.contains('\n'),
        "{note}"
    );
    // Aligned again, the entry was replaced: the next open is a quiet hit.
    let healed = open(dir.path(), &[&file]);
    assert_eq!(healed.cached_alignment().map(AsRef::as_ref), Some(&aligned));
    assert_eq!(healed.cached.and_then(|c| c.note), None);
}

#[test]
fn a_changed_file_misses_the_cache_and_a_socket_in_its_place_is_refused() {
    let (cache_dir, files) = (
        tempfile::tempdir().expect("temp dir"),
        tempfile::tempdir().expect("temp dir"),
    );
    let file = files.path().join("interview.en.txt");
    let text = std::fs::read(data("interview.en.txt")).expect("fixture");
    std::fs::write(&file, &text).expect("copy");
    let first = open(cache_dir.path(), &[&file]);
    let (aligned, _) = first.align_and_keep(Some(cache_dir.path()));
    let key = |d: &Document| d.cached.as_ref().expect("loaded with the cache").key;
    assert_eq!(
        open(cache_dir.path(), &[&file])
            .cached_alignment()
            .map(AsRef::as_ref),
        Some(&aligned)
    );
    // One byte changed, the length the same; then a line added.
    let mut changed = text.clone();
    let at = changed.iter().position(|&b| b == b'e').expect("an e");
    changed[at] = b'E';
    let mut longer = text.clone();
    longer.extend_from_slice(b"\nAnd one more line.\n");
    for bytes in [changed, longer] {
        std::fs::write(&file, &bytes).expect("change");
        let reopened = open(cache_dir.path(), &[&file]);
        assert_eq!(reopened.cached_alignment(), None, "a stale entry was used");
        assert_ne!(key(&reopened), key(&first));
        assert_ne!(reopened.transcript, first.transcript);
    }
    // Something that is not a file in its place is refused before it is read, cache or not.
    std::fs::remove_file(&file).expect("remove");
    let _socket = std::os::unix::net::UnixListener::bind(&file).expect("a socket in its place");
    let sources = Sources {
        paths: vec![file.clone()],
        pair: None,
    };
    let refused = library::open(&sources, Some(cache_dir.path())).expect_err("not a file");
    assert!(refused.to_string().contains("not a regular file"), "{refused}");
}

#[test]
fn a_files_name_is_part_of_what_is_cached_of_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (cache, texts) = (dir.path().join("cache"), dir.path().join("texts"));
    std::fs::create_dir(&texts).expect("mkdir");
    let russian = "В.Путин: Добрый день.\n";
    let write = |name: &str| {
        let path = texts.join(name);
        std::fs::write(&path, russian).expect("write");
        path
    };
    let plain = open(&cache, &[&write("talk.txt")]);
    plain.align_and_keep(Some(&cache));
    assert_eq!(plain.language_warning(), None);
    // The same bytes under a name that says English: not the plain file's cached reading.
    let misnamed = open(&cache, &[&write("talk.en.txt")]);
    assert_eq!(misnamed.cached_alignment(), None);
    assert!(
        misnamed
            .language_warning()
            .is_some_and(|w| w.contains("named .en.txt"))
    );
    misnamed.align_and_keep(Some(&cache));
    let renamed = open(&cache, &[&write("moved.txt")]);
    assert!(
        renamed.cached_alignment().is_some(),
        "the same bytes and name's language"
    );
    assert_eq!(renamed.language_warning(), None);
}

#[test]
fn a_cache_folder_that_cannot_be_written_still_gives_the_document() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("not-a-folder");
    std::fs::write(&file, "x").expect("write");
    let doc = open(&file, &[&data("interview.en.txt")]);
    let (alignment, note) = doc.align_and_keep(Some(&file));
    assert_eq!(alignment, align::align(&doc.transcript));
    assert!(note.is_some_and(|n| n.contains("not-a-folder")));
}

#[test]
fn a_damaged_state_file_gives_a_note_and_the_reader_starts_afresh() {
    let dir = tempfile::tempdir().expect("temp dir");
    let id = DocId::of(&short());
    for damage in ["{\"format\":1,\"documents\":[{\"id\":", "\u{0}\u{1}binary", "[]"] {
        std::fs::write(stenogram::state::file(dir.path()), damage).expect("write");
        let (mut state, note) = State::load(dir.path());
        let note = note.expect("a note");
        assert!(note.contains("state.json") && note.contains("damaged"), "{note}");
        assert_eq!(state.doc(id), None);
        // The document is read as if it had never been opened, and its place is saved anew.
        let place = Place {
            unit: 3,
            sentence: Some((Lang::En, 1)),
        };
        let remembered = Memory {
            place: Some(place),
            percent: 12,
            ..Memory::default()
        };
        state.set_doc(id, remembered.clone());
        state.save(dir.path()).expect("saved over the damaged file");
        let (back, note) = State::load(dir.path());
        assert_eq!((back.doc(id), note), (Some(&remembered), None));
    }
}

#[test]
fn an_unreadable_state_folder_is_a_note_not_a_failure() {
    let dir = tempfile::tempdir().expect("temp dir");
    // A folder where the file should be: it cannot be read as one.
    std::fs::create_dir(stenogram::state::file(dir.path())).expect("mkdir");
    let (state, note) = State::load(dir.path());
    assert!(note.is_some());
    assert!(state.save(dir.path()).is_err_and(|n| n.contains("not saved")));
}

/// The alignments of every fixture, hashed with confidences to three decimals (what the reader
/// shows of them), pinned with the aligner's version. When this fails the aligner's output has
/// changed, and readers' caches hold stale alignments: bump `align::VERSION` and pin the new
/// fingerprint with it.
#[test]
fn the_aligner_version_changes_with_its_output() {
    const PINNED: (u32, u64) = (25, 0x3479_f6f0_f8dd_558e);
    let docs = load(&[
        "000_press_conference.txt",
        "001_talks_start_en.txt",
        "002_talks_report_ru.txt",
        "interview.en.txt",
        "play.en.txt",
    ]);
    let mut h = Fnv::default();
    for doc in &docs {
        let mut a = align::align(&doc.transcript);
        for u in &mut a.units {
            u.confidence = (u.confidence * 1000.0).round();
            // What the confidence is computed from: its unrounded floats could differ by a last
            // bit across platforms, and the rounded confidence stands for it.
            u.evidence = Default::default();
        }
        h.add(&postcard::to_stdvec(&a).expect("serializes"));
    }
    assert_eq!(
        (align::VERSION, h.finish()),
        PINNED,
        "the aligner's output changed: bump align::VERSION and pin the new fingerprint"
    );
}

/// What ingest makes of every fixture (transcripts and warnings, in the cache's binary form),
/// pinned with ingest's version. When this fails ingest's output or the model's layout has
/// changed, and readers' caches hold stale documents: bump `ingest::VERSION` and pin the new
/// fingerprint with it.
#[test]
fn the_ingest_version_changes_with_its_output() {
    const PINNED: (u32, u64) = (15, 0xaf9b_13b3_fb90_1a30);
    let mut names: Vec<String> = std::fs::read_dir(data(""))
        .expect("fixtures")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    let mut h = Fnv::default();
    for name in &names {
        for doc in load(&[name.as_str()]) {
            h.add(name.as_bytes());
            h.add(&postcard::to_stdvec(&(&doc.transcript, &doc.warnings)).expect("serializes"));
        }
    }
    assert_eq!(
        (stenogram::ingest::VERSION, h.finish()),
        PINNED,
        "ingest's output changed: bump ingest::VERSION and pin the new fingerprint"
    );
}
