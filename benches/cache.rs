//! Reopening from the document cache against reading afresh, for seed 000 and a novel of about
//! 350 KB per pair as one file, English then Russian (`../shared/corpus`, skipped where absent):
//! the key (hashing the file's bytes), a whole cache hit (key, read, checksum, decode), the entry
//! decoded from JSON and from postcard (the two formats weighed for the cache), and what a miss
//! costs instead: decoding the text, ingest, aligning. The entry sizes are printed once.

#[path = "support/prose.rs"]
mod prose;

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use stenogram::align::align;
use stenogram::cache::{self, Entry, Key};
use stenogram::state::DocId;

fn benches(c: &mut Criterion) {
    let seed = include_bytes!("../tests/data/000_press_conference.txt");
    measure(c, "seed 000 (89 KB)", seed);
    if let Some((en, ru)) = prose::prose_files("kara_soz") {
        measure(c, "prose kara_soz (358 KB pair, one file)", (en + &ru).as_bytes());
    }
}

fn measure(c: &mut Criterion, name: &str, file: &[u8]) {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = stenogram::decode::decode(file).expect("text");
    let parsed = stenogram::ingest::parse(&text);
    let entry = Entry {
        id: DocId::of(&parsed.transcript),
        alignment: align(&parsed.transcript),
        transcript: parsed.transcript,
        warnings: parsed.warnings,
    };
    let key = Key::of(&[file], None);
    cache::store(dir.path(), key, &entry).expect("stored");
    let json = serde_json::to_vec(&entry).expect("JSON");
    let binary = postcard::to_stdvec(&entry).expect("postcard");
    eprintln!(
        "{name}: {} units, entry {} KB as JSON, {} KB as postcard",
        entry.alignment.units.len(),
        json.len() >> 10,
        binary.len() >> 10
    );
    let mut group = c.benchmark_group(name);
    group.sample_size(20);
    group.bench_function("cache hit (key, read, decode)", |b| {
        b.iter(|| cache::load(dir.path(), Key::of(&[black_box(file)], None)))
    });
    group.bench_function("key", |b| b.iter(|| Key::of(&[black_box(file)], None)));
    group.bench_function("decode JSON", |b| {
        b.iter(|| serde_json::from_slice::<Entry>(black_box(&json)))
    });
    group.bench_function("decode postcard", |b| {
        b.iter(|| postcard::from_bytes::<Entry>(black_box(&binary)))
    });
    group.bench_function("miss: decode text", |b| {
        b.iter(|| stenogram::decode::decode(black_box(file)))
    });
    group.bench_function("miss: ingest", |b| {
        b.iter(|| stenogram::ingest::parse(black_box(&text)))
    });
    group.bench_function("miss: align", |b| b.iter(|| align(black_box(&entry.transcript))));
    group.finish();
}

criterion_group!(cache_benches, benches);
criterion_main!(cache_benches);
