//! Learns the unit confidence model (`DOUBT_WEIGHTS` and `DOUBTFUL` in src/align/params.rs) from
//! synthetic documents with a known alignment, made from the Bilinguator parallel corpus the way
//! the dev set was made: each side's lines regrouped into paragraphs independently, some lines
//! and a few whole passages left out of one side.
//!
//! `cargo run --release --example flag_weights -- <corpus-dir>` fits a logistic model of "the
//! unit is right" on the units of the training works, picks the threshold that best tells wrong
//! units from right ones there (F1 of the flag), and prints both with the flag's precision and
//! recall on the held-out works, under the learned model and under the one compiled in.
//!
//! A unit is wrong as the dev set's scorer judges it: it links an English paragraph to a Russian
//! one that share no line, or it is one-sided and one of its paragraphs has a counterpart.

use std::collections::HashSet;
use std::path::Path;
use stenogram::align::{self, Evidence, FEATURES};
use stenogram::ingest::parse_pair;
use stenogram::model::Lang;

/// Works kept out of training, to measure the model on: a short story, an essay, a fairy tale and
/// a Russian original (the works `build_lexicon --eval` holds out).
const HELD_OUT: &[&str] = &[
    "the_gift_of_the_magi",
    "nothing_in_biology",
    "le_petit_prince",
    "malchik_u_khrista_na_yolke",
];
/// Works of the dev set, never used here should the corpus hold them.
const DEV_SET: &[&str] = &["alice", "canterville", "khameleon", "chameleon", "idleness"];
/// Corpus lines per synthetic document, and documents made of each stretch (different cuts).
const DOC_LINES: usize = 250;
const VARIANTS: u64 = 3;
/// The share of lines left out of one side (mostly the Russian, as translators abridge), and the
/// chance per line that a whole passage of 2 to 8 lines starts being left out.
const LEFT_OUT: f64 = 0.04;
const PASSAGE: f64 = 0.006;
/// L2 penalty of the logistic fit.
const RIDGE: f64 = 1.0;

/// A pseudo-random generator (SplitMix64): the documents are the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// One corpus line pair, tags removed; `heading` for an `<h1>` line.
struct Line {
    en: String,
    ru: String,
    heading: bool,
}

/// A unit's features and whether it is right.
struct Sample {
    x: [f64; FEATURES.len()],
    right: bool,
}

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: flag_weights <corpus-dir>");
        std::process::exit(2);
    };
    let mut works = read_corpus(Path::new(&dir));
    works.sort_by(|a, b| a.0.cmp(&b.0));
    let (mut train, mut test) = (Vec::new(), Vec::new());
    for (name, lines) in &works {
        let held = HELD_OUT.contains(&name.as_str());
        for (k, chunk) in lines.chunks(DOC_LINES).enumerate() {
            for v in 0..VARIANTS {
                let seed = (k as u64) << 8 | v | (name.len() as u64) << 20;
                let samples = samples(chunk, &mut Rng(seed ^ hash(name)));
                if held { &mut test } else { &mut train }.extend(samples);
            }
        }
    }
    if let Ok(path) = std::env::var("FLAG_DUMP") {
        let mut out = String::new();
        for (h, set) in [(0, &train), (1, &test)] {
            for s in set.iter() {
                out += &format!("{h},{},{}\n", u8::from(s.right), s.x.map(|v| v.to_string()).join(","));
            }
        }
        std::fs::write(path, out).unwrap();
    }
    let w = fit(&train);
    let threshold = best_threshold(&train, &w);
    println!("features: {FEATURES:?}");
    println!("learned weights: {:?}", w.map(|x| (x * 1000.0).round() / 1000.0));
    println!("threshold (best F1 on the training works): {threshold:.2}");
    let compiled: Vec<f64> = align::DOUBT_WEIGHTS.iter().map(|&x| f64::from(x)).collect();
    let compiled: [f64; FEATURES.len()] = compiled.try_into().unwrap_or([0.0; FEATURES.len()]);
    for (what, set) in [("training works", &train), ("held-out works", &test)] {
        report(&format!("{what}, learned"), set, &w, threshold);
        report(
            &format!("{what}, compiled in"),
            set,
            &compiled,
            f64::from(align::DOUBTFUL),
        );
    }
}

fn hash(s: &str) -> u64 {
    s.bytes()
        .fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3))
}

/// The corpus's works, as line pairs, less the dev set's works.
fn read_corpus(dir: &Path) -> Vec<(String, Vec<Line>)> {
    let mut works = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        eprintln!("cannot read {}", dir.display());
        std::process::exit(1);
    };
    for entry in entries.flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        let Some(name) = file.strip_suffix("_en.txt") else { continue };
        if DEV_SET.iter().any(|d| name.contains(d)) {
            continue;
        }
        let read = |suffix: &str| std::fs::read_to_string(dir.join(format!("{name}{suffix}")));
        let (Ok(en), Ok(ru)) = (read("_en.txt"), read("_ru.txt")) else { continue };
        let lines = en
            .lines()
            .zip(ru.lines())
            .skip(2)
            .filter(|(e, _)| !e.starts_with("<img"))
            .map(|(e, r)| Line {
                heading: e.starts_with("<h1>"),
                en: clean(e),
                ru: clean(r),
            })
            .filter(|l| !l.en.is_empty() && !l.ru.is_empty())
            .collect();
        works.push((name.to_string(), lines));
    }
    works
}

/// A corpus line as plain text: a line break inside it a space, tags dropped.
fn clean(line: &str) -> String {
    let line = line.replace("<delimiter>", " ");
    let mut out = String::new();
    let mut rest = line.as_str();
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        rest = rest[at..].find('>').map_or("", |end| &rest[at + end + 1..]);
    }
    out.push_str(rest);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Makes a document of `lines`, aligns it and judges each unit.
fn samples(lines: &[Line], rng: &mut Rng) -> Vec<Sample> {
    // Which lines each side keeps.
    let mut keep = [vec![true; lines.len()], vec![true; lines.len()]];
    let mut k = 0;
    while k < lines.len() {
        let side = usize::from(rng.below(4) != 0);
        if rng.chance(PASSAGE) {
            let len = 2 + rng.below(7) as usize;
            for x in keep[side].iter_mut().skip(k).take(len) {
                *x = false;
            }
            k += len;
            continue;
        }
        if rng.chance(LEFT_OUT) {
            keep[side][k] = false;
        }
        k += 1;
    }
    // Each side's paragraphs: the corpus lines they hold; a heading stands alone.
    let paragraphs = |side: usize, rng: &mut Rng| {
        let mut paras: Vec<Vec<usize>> = Vec::new();
        let mut room = 0;
        for (k, line) in lines.iter().enumerate().filter(|&(k, _)| keep[side][k]) {
            if room == 0 || line.heading || paras.last().is_some_and(|p| lines[p[0]].heading) {
                paras.push(Vec::new());
                room = 1 + rng.below(3);
            }
            if let Some(p) = paras.last_mut() {
                p.push(k);
            }
            room -= 1;
        }
        paras
    };
    let paras = [paragraphs(0, rng), paragraphs(1, rng)];
    let text = |side: usize| {
        paras[side]
            .iter()
            .map(|p| {
                p.iter()
                    .map(|&k| if side == 0 { &lines[k].en } else { &lines[k].ru })
                    .map(String::as_str)
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect::<Vec<_>>()
            .join("\n\n")
    };
    // The paragraphs of each side that share a line, and those with a counterpart.
    let mut gold = HashSet::new();
    let mut owner = vec![None; lines.len()];
    for (q, p) in paras[1].iter().enumerate() {
        for &k in p {
            owner[k] = Some(q);
        }
    }
    for (e, p) in paras[0].iter().enumerate() {
        for &k in p {
            if let Some(q) = owner[k] {
                gold.insert((e, q));
            }
        }
    }
    let paired: [HashSet<usize>; 2] = [
        gold.iter().map(|&(e, _)| e).collect(),
        gold.iter().map(|&(_, r)| r).collect(),
    ];
    let t = parse_pair(&text(0), &text(1)).transcript;
    let alignment = align::align(&t);
    alignment
        .units
        .iter()
        .map(|u| {
            // Paragraph n starts on line 2n + 1.
            let of = |l: Lang| -> Vec<usize> {
                let mut ps: Vec<usize> = u.parts[l]
                    .iter()
                    .filter_map(|p| t.version(l)?.blocks.get(p.block)?.paragraphs.get(p.para))
                    .map(|p| (p.line.max(1) as usize - 1) / 2)
                    .collect();
                ps.dedup();
                ps
            };
            let (en, ru) = (of(Lang::En), of(Lang::Ru));
            let right = match (en.is_empty(), ru.is_empty()) {
                (false, false) => en.iter().all(|&e| ru.iter().all(|&r| gold.contains(&(e, r)))),
                (false, true) => en.iter().all(|e| !paired[0].contains(e)),
                _ => ru.iter().all(|r| !paired[1].contains(r)),
            };
            let x = features(&u.evidence);
            Sample {
                x,
                right,
            }
        })
        .collect()
}

fn features(e: &Evidence) -> [f64; FEATURES.len()] {
    e.features().map(f64::from)
}

fn chance(w: &[f64; FEATURES.len()], x: &[f64; FEATURES.len()]) -> f64 {
    let z: f64 = w.iter().zip(x).map(|(w, x)| w * x).sum();
    1.0 / (1.0 + (-z).exp())
}

/// Logistic regression of "right" by Newton's method, with a ridge penalty off the bias.
fn fit(samples: &[Sample]) -> [f64; FEATURES.len()] {
    const N: usize = FEATURES.len();
    let mut w = [0.0; N];
    for _ in 0..30 {
        let mut grad = [0.0; N];
        let mut hess = [[0.0; N]; N];
        for s in samples {
            let p = chance(&w, &s.x);
            let y = if s.right { 1.0 } else { 0.0 };
            for a in 0..N {
                grad[a] += (y - p) * s.x[a];
                for b in 0..N {
                    hess[a][b] += p * (1.0 - p) * s.x[a] * s.x[b];
                }
            }
        }
        for a in 1..N {
            grad[a] -= RIDGE * w[a];
            hess[a][a] += RIDGE;
        }
        let step = solve(hess, grad);
        for a in 0..N {
            w[a] += step[a];
        }
    }
    w
}

/// Solves `a x = b` by Gaussian elimination with partial pivoting.
fn solve<const N: usize>(mut a: [[f64; N]; N], mut b: [f64; N]) -> [f64; N] {
    for c in 0..N {
        let p = (c..N)
            .max_by(|&x, &y| a[x][c].abs().total_cmp(&a[y][c].abs()))
            .unwrap_or(c);
        a.swap(c, p);
        b.swap(c, p);
        if a[c][c].abs() < 1e-12 {
            continue;
        }
        for r in c + 1..N {
            let f = a[r][c] / a[c][c];
            for k in c..N {
                a[r][k] -= f * a[c][k];
            }
            b[r] -= f * b[c];
        }
    }
    let mut x = [0.0; N];
    for c in (0..N).rev() {
        let s: f64 = (c + 1..N).map(|k| a[c][k] * x[k]).sum();
        x[c] = if a[c][c].abs() < 1e-12 { 0.0 } else { (b[c] - s) / a[c][c] };
    }
    x
}

/// (flagged, wrong, wrong and flagged) at `threshold`.
fn counts(samples: &[Sample], w: &[f64; FEATURES.len()], threshold: f64) -> (usize, usize, usize) {
    let flagged = |s: &Sample| chance(w, &s.x) < threshold;
    (
        samples.iter().filter(|s| flagged(s)).count(),
        samples.iter().filter(|s| !s.right).count(),
        samples.iter().filter(|s| !s.right && flagged(s)).count(),
    )
}

/// The threshold, in steps of 0.01, at which the flag's F1 for wrong units is best.
fn best_threshold(samples: &[Sample], w: &[f64; FEATURES.len()]) -> f64 {
    let f1 = |t: f64| {
        let (flagged, wrong, caught) = counts(samples, w, t);
        2.0 * caught as f64 / (flagged + wrong).max(1) as f64
    };
    (1..100)
        .map(|k| f64::from(k) / 100.0)
        .max_by(|&a, &b| f1(a).total_cmp(&f1(b)))
        .unwrap_or(0.5)
}

fn report(what: &str, samples: &[Sample], w: &[f64; FEATURES.len()], threshold: f64) {
    let (flagged, wrong, caught) = counts(samples, w, threshold);
    println!(
        "{what}: {} units, {wrong} wrong, {flagged} flagged below {threshold:.2}: \
         recall {caught}/{wrong} = {:.2}, precision {caught}/{flagged} = {:.2}",
        samples.len(),
        caught as f64 / wrong.max(1) as f64,
        caught as f64 / flagged.max(1) as f64,
    );
}
