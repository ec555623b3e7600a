//! Reopening from the alignment cache against aligning, for seed 000 and a novel of about 350 KB
//! per pair (`../shared/corpus`, skipped where absent): the key (hashing the transcript), a whole
//! cache hit (key, read, checksum, decode), and the payload decoded from JSON and from postcard,
//! the two formats weighed for the cache. The payload sizes are printed once.

#[path = "support/prose.rs"]
mod prose;

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use stenogram::align::{Alignment, align};
use stenogram::cache::{self, Key};
use stenogram::model::Transcript;
use stenogram::state::DocId;

fn benches(c: &mut Criterion) {
    let seed = stenogram::ingest::parse(include_str!("../tests/data/000_press_conference.txt")).transcript;
    measure(c, "seed 000 (89 KB)", &seed);
    if let Some(t) = prose::prose("kara_soz") {
        measure(c, "prose kara_soz (358 KB pair)", &t);
    }
}

fn measure(c: &mut Criterion, name: &str, t: &Transcript) {
    let dir = tempfile::tempdir().expect("temp dir");
    let alignment = align(t);
    let key = Key::of(t);
    cache::store(dir.path(), key, &alignment).expect("stored");
    let json = serde_json::to_vec(&alignment).expect("JSON");
    let binary = postcard::to_stdvec(&alignment).expect("postcard");
    eprintln!(
        "{name}: {} units, payload {} KB as JSON, {} KB as postcard",
        alignment.units.len(),
        json.len() >> 10,
        binary.len() >> 10
    );
    let mut group = c.benchmark_group(name);
    group.sample_size(20);
    group.bench_function("align", |b| b.iter(|| align(black_box(t))));
    group.bench_function("cache hit (key, read, decode)", |b| {
        b.iter(|| cache::load(dir.path(), Key::of(black_box(t))))
    });
    group.bench_function("key", |b| b.iter(|| Key::of(black_box(t))));
    group.bench_function("document id", |b| b.iter(|| DocId::of(black_box(t))));
    group.bench_function("decode JSON", |b| {
        b.iter(|| serde_json::from_slice::<Alignment>(black_box(&json)))
    });
    group.bench_function("decode postcard", |b| {
        b.iter(|| postcard::from_bytes::<Alignment>(black_box(&binary)))
    });
    group.finish();
}

criterion_group!(cache_benches, benches);
criterion_main!(cache_benches);
