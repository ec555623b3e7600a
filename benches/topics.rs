//! Search and jump-to-topic on a ~10 MB generated transcript: building the indexes once, then one
//! query each.

#[path = "support/bilingual.rs"]
mod bilingual;

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use stenogram::align::align;
use stenogram::search::SearchIndex;
use stenogram::topics::{TermStats, TopicIndex};

fn bench(c: &mut Criterion) {
    let t = stenogram::ingest::parse(&bilingual::bilingual(10_000_000, 1)).transcript;
    let a = align(&t);
    let stats = TermStats::bundled();

    let mut g = c.benchmark_group("10MB");
    g.sample_size(10);
    g.bench_function("search index build", |b| b.iter(|| SearchIndex::build(&t, &a)));
    let search = SearchIndex::build(&t, &a);
    g.bench_function("search ceasefire", |b| {
        b.iter(|| search.find(&t, black_box("ceasefire")))
    });
    g.bench_function("search перемирие", |b| {
        b.iter(|| search.find(&t, black_box("перемирие")))
    });
    g.bench_function("term stats", |b| b.iter(|| TermStats::from_library(&[&t])));
    g.bench_function("topic index build", |b| {
        b.iter(|| TopicIndex::build(&t, &a, stats))
    });
    g.finish();

    let topics = TopicIndex::build(&t, &a, stats);
    eprintln!("{} topics", topics.topics().len());
    let mut g = c.benchmark_group("10MB topics");
    // One query: every topic's words are looked up (there is no cache to help).
    for q in [
        "oreshnik",
        "ceasefire",
        "перемирие",
        "прекращение огня",
        "e",
        "ку",
        "ceasfire",
    ] {
        g.bench_function(format!("query {q}"), |b| {
            b.iter(|| topics.query(black_box(q), 50))
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
