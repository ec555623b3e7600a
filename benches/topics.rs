//! Search and jump-to-topic on a ~10 MB transcript: building the indexes once, then one query each.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use stenogram::align::align;
use stenogram::model::Transcript;
use stenogram::search::SearchIndex;
use stenogram::topics::{TermStats, TopicIndex};

const SEED: &str = include_str!("../tests/data/000_press_conference.txt");
const REPORT: &str = include_str!("../tests/data/002_talks_report_ru.txt");

/// Seed 000 repeated until each language holds about `bytes` of text.
fn large(bytes: usize) -> Transcript {
    let mut t = stenogram::ingest::parse(SEED).transcript;
    let copies = bytes / SEED.len() + 1;
    for v in t.versions.en.iter_mut().chain(t.versions.ru.iter_mut()) {
        v.blocks = std::iter::repeat_n(v.blocks.clone(), copies).flatten().collect();
    }
    t
}

fn bench(c: &mut Criterion) {
    let t = large(10_000_000);
    let a = align(&t);
    let report = stenogram::ingest::parse(REPORT).transcript;
    let stats = TermStats::from_library(&[&t, &report]);

    let mut g = c.benchmark_group("10MB");
    g.sample_size(10);
    g.bench_function("search index build", |b| b.iter(|| SearchIndex::build(&t, &a)));
    let search = SearchIndex::build(&t, &a);
    g.bench_function("search ceasefire", |b| {
        b.iter(|| search.find(&t, black_box("ceasefire")))
    });
    g.bench_function("search перемир", |b| {
        b.iter(|| search.find(&t, black_box("перемир")))
    });
    g.bench_function("term stats", |b| {
        b.iter(|| TermStats::from_library(&[&t, &report]))
    });
    g.bench_function("topic index build", |b| {
        b.iter(|| TopicIndex::build(&t, &a, &stats))
    });
    g.finish();

    let topics = TopicIndex::build(&t, &a, &stats);
    eprintln!("{} topics", topics.topics().len());
    let mut g = c.benchmark_group("10MB topics");
    // A query arriving whole (a paste): every topic is scanned.
    for q in ["oreshnik", "ceasefire", "перемир", "e", "ку"] {
        g.bench_function(format!("query {q}"), |b| {
            b.iter(|| {
                topics.query("", 20); // forget the previous query
                topics.query(black_box(q), 20)
            })
        });
    }
    // The same query typed a char at a time: all nine keystrokes together.
    g.bench_function("typing ceasefire", |b| {
        b.iter(|| {
            topics.query("", 20);
            for n in 1..="ceasefire".len() {
                black_box(topics.query(&"ceasefire"[..n], 20));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
