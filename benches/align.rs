//! Alignment time: seed 000, generated bilingual transcripts of about 1 MB and 10 MB, and real
//! prose: a novel of about 350 KB per pair from the parallel corpus in `../shared/corpus` (read
//! at run time, never copied into the repository; skipped where it is absent). Parsing is done
//! once, outside the measurement.

#[path = "support/bilingual.rs"]
mod bilingual;

use criterion::{Criterion, criterion_group, criterion_main};
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

/// Work `name` of the corpus as a user would have it: two plain files, a paragraph a line, the
/// corpus's markup (`<delimiter>`, `<h1>`, `<b>`, `<i>`, `<imgN>`) gone.
fn prose(name: &str) -> Option<Transcript> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/bilinguator-en-ru");
    let read = |lang: &str| -> Option<String> {
        let raw = std::fs::read_to_string(format!("{dir}/{name}_{lang}.txt")).ok()?;
        let mut out = String::with_capacity(raw.len());
        for line in raw.lines().skip(2).filter(|l| !l.starts_with("<img")) {
            let line = line.replace("<delimiter>", " ");
            let line = ["<h1>", "</h1>", "<b>", "</b>", "<i>", "</i>"]
                .iter()
                .fold(line, |l, tag| l.replace(tag, ""));
            out.push_str(&line);
            out.push_str("\n\n");
        }
        Some(out)
    };
    let (en, ru) = (read("en")?, read("ru")?);
    let sanitize = stenogram::sanitize::sanitize;
    Some(stenogram::ingest::parse_pair(&sanitize(&en), &sanitize(&ru)).transcript)
}

criterion_group!(align_benches, benches);
criterion_main!(align_benches);
