//! What stenogram keeps between runs: a damaged alignment cache entry or state file still gives
//! the document, with a note; the cache key changes whenever the aligner's output does.

use std::path::{Path, PathBuf};
use stenogram::align::{self, Alignment};
use stenogram::cache::{self, Key};
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

#[test]
fn a_cached_alignment_is_used_and_a_damaged_one_is_aligned_again_with_a_note() {
    let dir = tempfile::tempdir().expect("temp dir");
    let t = load(&["interview.en.txt"]).remove(0).transcript;
    let (aligned, note) = cache::load_or_align(&t, Some(dir.path()));
    assert_eq!(note, None);
    assert!(aligned.units.len() > 10, "{}", aligned.units.len());
    // What the cache holds is what is shown: a marked entry comes back as it was stored.
    let key = Key::of(&t);
    let marked = Alignment {
        same_speakers: vec![(7, 7)],
        ..aligned.clone()
    };
    cache::store(dir.path(), key, &marked).expect("stored");
    assert_eq!(cache::load_or_align(&t, Some(dir.path())), (marked, None));

    let entry = std::fs::read_dir(dir.path())
        .expect("cache folder")
        .map(|e| e.expect("entry").path())
        .find(|p| p.extension().is_some_and(|e| e == "align"))
        .expect("an entry");
    let mut bytes = std::fs::read(&entry).expect("entry");
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x55;
    std::fs::write(&entry, &bytes).expect("damage");
    let (again, note) = cache::load_or_align(&t, Some(dir.path()));
    assert_eq!(again, aligned);
    let note = note.expect("a note for the damaged entry");
    assert!(
        note.contains(".align") && note.contains("checksum") && !note.contains('\n'),
        "{note}"
    );
    // Aligned again, the entry was replaced: the next open is a quiet hit.
    assert_eq!(cache::load_or_align(&t, Some(dir.path())), (aligned, None));
}

#[test]
fn a_cache_folder_that_cannot_be_written_still_gives_the_alignment() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("not-a-folder");
    std::fs::write(&file, "x").expect("write");
    let t = short();
    let (alignment, note) = cache::load_or_align(&t, Some(&file));
    assert_eq!(alignment, align::align(&t));
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
    const PINNED: (u32, u64) = (2, 0x3bc1_69eb_c774_803c);
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
