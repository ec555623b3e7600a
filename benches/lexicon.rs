//! The lexicon over ~10 MB of mixed English and Russian sentences (the aligner calls it once per
//! sentence), and loading the embedded table.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use stenogram::lexicon::{Lexicon, concepts, stem_keys};
use stenogram::model::Lang;

const SEED: &str = include_str!("../tests/data/000_press_conference.txt");
const DATA: &str = include_str!("../src/lexicon/en_ru.tsv");

/// The seed's sentences (crudely split), each with its language, repeated to about `bytes`.
fn sentences(bytes: usize) -> Vec<(&'static str, Lang)> {
    let one: Vec<(&str, Lang)> = SEED
        .lines()
        .flat_map(|l| l.split_inclusive(". "))
        .filter(|s| !s.trim().is_empty())
        .map(|s| {
            (
                s,
                if s.chars().any(|c| ('а'..='я').contains(&c)) {
                    Lang::Ru
                } else {
                    Lang::En
                },
            )
        })
        .collect();
    let size: usize = one.iter().map(|s| s.0.len()).sum();
    std::iter::repeat_n(one, bytes / size + 1).flatten().collect()
}

fn bench(c: &mut Criterion) {
    let text = sentences(10_000_000);
    let bytes: usize = text.iter().map(|s| s.0.len()).sum();
    let mut g = c.benchmark_group("lexicon 10MB");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("concepts", |b| {
        b.iter(|| {
            text.iter()
                .map(|&(s, lang)| concepts(black_box(s), lang).known)
                .sum::<u32>()
        })
    });
    g.bench_function("stem_keys", |b| {
        let mut keys = Vec::new();
        b.iter(|| {
            for &(s, lang) in &text {
                keys.clear();
                stem_keys(black_box(s), lang, &mut keys);
            }
        })
    });
    g.finish();
    c.bench_function("lexicon load", |b| b.iter(|| Lexicon::parse(black_box(DATA))));
}

criterion_group!(benches, bench);
criterion_main!(benches);
