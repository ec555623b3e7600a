//! Alignment time: seed 000, generated bilingual transcripts of about 1 MB and 10 MB, and real
//! prose: a novel of about 350 KB per pair from the parallel corpus in `../shared/corpus` (read
//! at run time, never copied into the repository; skipped where it is absent). Parsing is done
//! once, outside the measurement.

#[path = "support/bilingual.rs"]
mod bilingual;
#[path = "support/prose.rs"]
mod prose;

use criterion::{Criterion, criterion_group, criterion_main};
use prose::prose;
use std::hint::black_box;
use stenogram::align::align;
use stenogram::model::Transcript;

fn parse(text: &str) -> Transcript {
    stenogram::ingest::parse(&stenogram::sanitize::sanitize(text)).transcript
}

fn benches(c: &mut Criterion) {
    let seed = parse(bilingual::SEED);
    c.bench_function("align seed 000 (89 KB)", |b| b.iter(|| align(black_box(&seed))));
    let mut group = c.benchmark_group("align generated");
    group.sample_size(10);
    for mb in [1, 10] {
        let t = parse(&bilingual::bilingual(mb << 20, 42));
        group.bench_function(format!("{mb} MB"), |b| b.iter(|| align(black_box(&t))));
    }
    group.finish();
    if let Some(t) = prose("kara_soz") {
        c.bench_function("align prose kara_soz (358 KB pair)", |b| {
            b.iter(|| align(black_box(&t)))
        });
    }
}

criterion_group!(align_benches, benches);
criterion_main!(align_benches);
