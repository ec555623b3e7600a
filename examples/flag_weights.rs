//! Learns the confidence model (`DOUBT_WEIGHTS`, `TRANSLATION_WEIGHTS` and `DOUBTFUL` in
//! src/align/params.rs) from synthetic documents with a known alignment, made from the
//! Bilinguator parallel corpus the way the dev set was made: each side's lines regrouped into
//! paragraphs independently, some lines and a few whole passages left out of one side. The dev
//! set's works are not used (the corpus leaves them out; `DEV_SET` skips them should it not).
//!
//! `cargo run --release --example flag_weights -- <corpus-dir>` fits a logistic model of "the
//! unit is right" on the units of the training works' translations, and one of "the document is
//! a translation" on those documents and on documents pairing one work's English with another's
//! Russian; picks the threshold at which the flag best tells wrong units from right ones on the
//! training works (F2: recall counts twice); and prints the flag's precision and recall on the
//! training and the held-out works, under the learned model and under the one compiled in.
//!
//! A unit is wrong as the dev set's scorer judges it: it links an English paragraph to a Russian
//! one that share no line, or it is one-sided and one of its paragraphs holds no line that the
//! other side left out. (A one-sided piece of a translated paragraph is right where the
//! paragraph holds such a line: the gold links the paragraph to nothing as well.)
//!
//! It also prints the aligner's link F1 on the training and the held-out translations, counted as
//! the dev set's scorer counts it (each unit links every English corpus line it shows to every
//! Russian one, a one-sided unit its lines to nothing): a measure of alignment changes on some
//! thirty works besides the dev set's seven.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use stenogram::align::{self, Evidence, FEATURES};
use stenogram::ingest::parse_pair;
use stenogram::model::{Lang, Transcript};

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
/// chance per line that a whole passage of 2 to 8 lines starts being left out; each document
/// scales both by one of `OMISSION_SCALES`, as some translations leave out far more than others.
const LEFT_OUT: f64 = 0.04;
const PASSAGE: f64 = 0.006;
const OMISSION_SCALES: [f64; 4] = [0.5, 1.0, 2.0, 4.0];
/// L2 penalties of the logistic fits: of the unit model, and of the document model, whose
/// classes are apart (translations align well, other pairs badly) and whose slope only a
/// penalty keeps finite.
const RIDGE: f64 = 1.0;
const DOCUMENT_RIDGE: f64 = 0.01;
/// The β of the F-score the threshold is chosen by.
const RECALL_WEIGHT: f64 = 2.0;

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

/// A unit's features and whether it is right; in a document whose two sides are not
/// translations of each other, no unit is right (see `unrelated`).
#[derive(Clone)]
struct Sample {
    evidence: Evidence,
    x: [f64; FEATURES.len()],
    right: bool,
    related: bool,
    /// The document's first unit: it stands for the document in the document model.
    first: bool,
}

/// Paragraph links of translations, counted as the dev set's scorer counts them: by unit (what
/// the reader shows side by side) and by sentence link (what `export --by sentence` writes).
#[derive(Default)]
struct Links {
    by_unit: Counts,
    by_sentence: Counts,
}

#[derive(Default)]
struct Counts {
    right: usize,
    made: usize,
    gold: usize,
}

/// An English paragraph and a Russian one, or a paragraph and nothing.
type Link = (Option<usize>, Option<usize>);

/// The gold links of a document whose paragraphs hold the corpus lines `paras` of each side, the
/// lines each side kept being `keep`: a paragraph to each paragraph of the other side that
/// shares a line with it, and to nothing where one of its lines is missing from the other side.
fn gold_links(paras: &[Vec<Vec<usize>>; 2], keep: &[Vec<bool>; 2]) -> HashSet<Link> {
    let mut owner = [HashMap::new(), HashMap::new()];
    for side in 0..2 {
        for (p, lines) in paras[side].iter().enumerate() {
            owner[side].extend(lines.iter().map(|&k| (k, p)));
        }
    }
    let mut gold = HashSet::new();
    for side in 0..2 {
        for (&k, &p) in &owner[side] {
            let other = owner[1 - side].get(&k).copied();
            let link = if side == 0 {
                (Some(p), other)
            } else {
                (other, Some(p))
            };
            if other.is_some() || !keep[1 - side][k] {
                gold.insert(link);
            }
        }
    }
    gold
}

/// The paragraph of each of `u`'s sentences of side `l` (paragraph n starts on line 2n + 1).
fn paragraphs_of(u: &align::Unit, t: &Transcript, l: Lang) -> Vec<usize> {
    u.sentences(t, l)
        .map(|s| (s.line.max(1) as usize - 1) / 2)
        .collect()
}

impl Links {
    /// Adds the links of `alignment` of `t`, scored against `gold` ([`gold_links`]).
    fn add(&mut self, alignment: &align::Alignment, t: &Transcript, gold: &HashSet<Link>) {
        let (mut units, mut sentences) = (HashSet::new(), HashSet::new());
        for u in &alignment.units {
            let (en, ru) = (paragraphs_of(u, t, Lang::En), paragraphs_of(u, t, Lang::Ru));
            link(&mut units, &en, &ru);
            let mut linked = [vec![false; en.len()], vec![false; ru.len()]];
            for l in &u.links {
                let (e, r) = (l.sentences[Lang::En].clone(), l.sentences[Lang::Ru].clone());
                linked[0][e.clone()].fill(true);
                linked[1][r.clone()].fill(true);
                link(&mut sentences, &en[e], &ru[r]);
            }
            let alone = |side: usize, of: &[usize]| -> Vec<usize> {
                of.iter()
                    .zip(&linked[side])
                    .filter(|(_, l)| !**l)
                    .map(|(p, _)| *p)
                    .collect()
            };
            link(&mut sentences, &alone(0, &en), &[]);
            link(&mut sentences, &[], &alone(1, &ru));
        }
        self.by_unit.add(&units, gold);
        self.by_sentence.add(&sentences, gold);
    }

    fn report(&self, what: &str) {
        for (by, c) in [("unit", &self.by_unit), ("sentence", &self.by_sentence)] {
            let (p, r) = c.precision_recall();
            println!(
                "{what}, by {by}: link precision {p:.4}, recall {r:.4}, F1 {:.4}",
                c.f1()
            );
        }
    }

    fn absorb(&mut self, other: &Links) {
        self.by_unit.absorb(&other.by_unit);
        self.by_sentence.absorb(&other.by_sentence);
    }
}

impl Counts {
    fn add(&mut self, made: &HashSet<Link>, gold: &HashSet<Link>) {
        self.right += made.intersection(gold).count();
        self.made += made.len();
        self.gold += gold.len();
    }

    fn absorb(&mut self, other: &Counts) {
        self.right += other.right;
        self.made += other.made;
        self.gold += other.gold;
    }

    fn precision_recall(&self) -> (f64, f64) {
        (
            self.right as f64 / self.made.max(1) as f64,
            self.right as f64 / self.gold.max(1) as f64,
        )
    }

    fn f1(&self) -> f64 {
        let (p, r) = self.precision_recall();
        2.0 * p * r / (p + r).max(f64::MIN_POSITIVE)
    }
}

/// Links the paragraphs `en` to `ru`, each to each, or those of one side to nothing.
fn link(out: &mut HashSet<Link>, en: &[usize], ru: &[usize]) {
    match (en.is_empty(), ru.is_empty()) {
        (false, false) => out.extend(
            en.iter()
                .flat_map(|&e| ru.iter().map(move |&r| (Some(e), Some(r)))),
        ),
        _ => out.extend(
            en.iter()
                .map(|&e| (Some(e), None))
                .chain(ru.iter().map(|&r| (None, Some(r)))),
        ),
    }
}

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: flag_weights <corpus-dir>");
        std::process::exit(2);
    };
    let mut works = read_corpus(Path::new(&dir));
    works.sort_by(|a, b| a.0.cmp(&b.0));
    let (mut train, mut test) = (Vec::new(), Vec::new());
    let (mut train_links, mut test_links) = (Links::default(), Links::default());
    // Each work's alignment, to show which kinds of text the aligner handles worst.
    let mut by_work = Vec::new();
    for (w, (name, lines)) in works.iter().enumerate() {
        let mut work_links = Links::default();
        let held = HELD_OUT.contains(&name.as_str());
        // The next work of the same part, for a document whose Russian is not a translation.
        let other = (1..works.len())
            .map(|d| &works[(w + d) % works.len()])
            .find(|(n, _)| HELD_OUT.contains(&n.as_str()) == held)
            .map(|(_, l)| l);
        for (k, chunk) in lines.chunks(DOC_LINES).enumerate() {
            let set = if held { &mut test } else { &mut train };
            for v in 0..VARIANTS {
                let seed = (k as u64) << 8 | v | (name.len() as u64) << 20;
                set.extend(samples(
                    chunk,
                    &mut Rng(seed ^ hash(name)),
                    true,
                    Some(&mut work_links),
                ));
            }
            if let Some(other) = other {
                let unrelated: Vec<Line> = chunk
                    .iter()
                    .zip(other.iter().skip(k * DOC_LINES).chain(other.iter().cycle()))
                    .map(|(a, b)| Line {
                        en: a.en.clone(),
                        ru: b.ru.clone(),
                        heading: false,
                    })
                    .collect();
                set.extend(samples(&unrelated, &mut Rng(k as u64 ^ hash(name)), false, None));
            }
        }
        if held { &mut test_links } else { &mut train_links }.absorb(&work_links);
        // The whole work as one document too: a long one takes the banded passes, which the
        // chunks, short enough for the exact DP, never meet. Its units train nothing.
        let mut whole = Links::default();
        if lines.len() > DOC_LINES {
            samples(lines, &mut Rng(hash(name)), true, Some(&mut whole));
        }
        by_work.push((name, work_links, whole));
    }
    // The unit model learns from translations only, so that it learns what makes a unit of a
    // translation wrong; the document model, one sample per document, whether the two sides are
    // translations at all.
    let translations = |set: &[Sample]| set.iter().filter(|s| s.related).cloned().collect::<Vec<_>>();
    let unit: Vec<_> = translations(&train).iter().map(|s| (s.x, s.right)).collect();
    let docs: Vec<_> = train
        .iter()
        .filter(|s| s.first)
        .map(|s| ([1.0, s.x[QUALITY]], s.related))
        .collect();
    let model = Model {
        unit: fit(&unit, RIDGE),
        document: fit(&docs, DOCUMENT_RIDGE),
    };
    let threshold = best_threshold(&translations(&train), |s| model.confidence(s));
    println!("unit features: {FEATURES:?}");
    println!("DOUBT_WEIGHTS: {:?}", model.unit.map(round));
    println!(
        "TRANSLATION_WEIGHTS (bias, quality): {:?}",
        model.document.map(round)
    );
    println!("DOUBTFUL (best F2 of the flag on the training works): {threshold:.2}");
    train_links.report("training works, alignment");
    test_links.report("held-out works, alignment");
    println!(
        "alignment F1 by work, worst first (by unit, by sentence; the whole work as one document, by sentence):"
    );
    by_work.sort_by(|a, b| a.1.by_sentence.f1().total_cmp(&b.1.by_sentence.f1()));
    for (name, links, whole) in &by_work {
        let whole = if whole.by_sentence.gold > 0 {
            format!("{:.4}", whole.by_sentence.f1())
        } else {
            "-".to_string()
        };
        println!(
            "  {name:<40} {:.4} {:.4} {whole}",
            links.by_unit.f1(),
            links.by_sentence.f1()
        );
    }
    let compiled = |s: &Sample| f64::from(s.evidence.confidence());
    for (what, set) in [("training works", &train), ("held-out works", &test)] {
        let related = translations(set);
        report(
            &format!("{what}, learned"),
            &related,
            |s| model.confidence(s),
            threshold,
        );
        report(
            &format!("{what}, compiled in"),
            &related,
            compiled,
            f64::from(align::DOUBTFUL),
        );
        println!(
            "{what}, documents that are not translations: mean unit confidence {:.3} learned, {:.3} compiled in",
            unrelated_mean(set, |s| model.confidence(s)),
            unrelated_mean(set, compiled)
        );
    }
}

/// Index of the document's quality among the unit features.
const QUALITY: usize = 8;

fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// A unit's confidence: the chance that it is right if the document is a translation, times the
/// chance that it is one.
struct Model {
    unit: [f64; FEATURES.len()],
    document: [f64; 2],
}

impl Model {
    fn confidence(&self, s: &Sample) -> f64 {
        logistic(&self.unit, &s.x) * logistic(&self.document, &[1.0, s.x[QUALITY]])
    }
}

fn hash(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    })
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
        let Some(name) = file.strip_suffix("_en.txt") else {
            continue;
        };
        if DEV_SET.iter().any(|d| name.contains(d)) {
            continue;
        }
        let read = |suffix: &str| std::fs::read_to_string(dir.join(format!("{name}{suffix}")));
        let (Ok(en), Ok(ru)) = (read("_en.txt"), read("_ru.txt")) else {
            continue;
        };
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

/// Makes a document of `lines`, aligns it and judges each unit. Where the two sides are
/// `related` by translation only; else, every unit is wrong: two texts that say different things
/// shown side by side are misleading however they are cut, and `check`'s verdict, the mean
/// confidence, must say so. The line links of a translation are added to `links`.
fn samples(lines: &[Line], rng: &mut Rng, related: bool, links: Option<&mut Links>) -> Vec<Sample> {
    // Which lines each side keeps.
    let mut keep = [vec![true; lines.len()], vec![true; lines.len()]];
    let mut k = 0;
    let scale = OMISSION_SCALES[rng.below(OMISSION_SCALES.len() as u64) as usize];
    while k < lines.len() {
        let side = usize::from(rng.below(4) != 0);
        if rng.chance(PASSAGE * scale) {
            let len = 2 + rng.below(7) as usize;
            for x in keep[side].iter_mut().skip(k).take(len) {
                *x = false;
            }
            k += len;
            continue;
        }
        if rng.chance(LEFT_OUT * scale) {
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
                room = [1, 1, 1, 1, 1, 2, 2, 2, 3, 4][rng.below(10) as usize];
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
    let gold = gold_links(&paras, &keep);
    let t = parse_pair(&text(0), &text(1)).transcript;
    let alignment = align::align(&t);
    if let Some(links) = links {
        links.add(&alignment, &t, &gold);
    }
    alignment
        .units
        .iter()
        .enumerate()
        .map(|(k, u)| {
            // Right if every link it makes, as the scorer makes them, is a gold one.
            let mut made = HashSet::new();
            link(
                &mut made,
                &paragraphs_of(u, &t, Lang::En),
                &paragraphs_of(u, &t, Lang::Ru),
            );
            let right = related && made.is_subset(&gold);
            let x = features(&u.evidence);
            Sample {
                evidence: u.evidence,
                x,
                right,
                related,
                first: k == 0,
            }
        })
        .collect()
}

/// The mean confidence of the units of documents that are not translations, as `check` takes it.
fn unrelated_mean(samples: &[Sample], confidence: impl Fn(&Sample) -> f64) -> f64 {
    let (sum, n) = samples
        .iter()
        .filter(|s| !s.related)
        .fold((0.0, 0), |(sum, n), s| (sum + confidence(s), n + 1));
    sum / f64::from(n.max(1))
}

fn features(e: &Evidence) -> [f64; FEATURES.len()] {
    e.features().map(f64::from)
}

fn logistic<const N: usize>(w: &[f64; N], x: &[f64; N]) -> f64 {
    let z: f64 = w.iter().zip(x).map(|(w, x)| w * x).sum();
    1.0 / (1.0 + (-z).exp())
}

/// Logistic regression of the labels by Newton's method, with a ridge penalty off the bias (the
/// first feature).
fn fit<const N: usize>(data: &[([f64; N], bool)], ridge: f64) -> [f64; N] {
    let mut w = [0.0; N];
    for _ in 0..30 {
        let mut grad = [0.0; N];
        let mut hess = [[0.0; N]; N];
        for (x, right) in data {
            let p = logistic(&w, x);
            let y = if *right { 1.0 } else { 0.0 };
            for a in 0..N {
                grad[a] += (y - p) * x[a];
                for b in 0..N {
                    hess[a][b] += p * (1.0 - p) * x[a] * x[b];
                }
            }
        }
        for a in 1..N {
            grad[a] -= ridge * w[a];
            hess[a][a] += ridge;
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
        let (pivot, bc) = (a[c], b[c]);
        for (row, br) in a.iter_mut().zip(b.iter_mut()).skip(c + 1) {
            let f = row[c] / pivot[c];
            for (x, y) in row.iter_mut().zip(pivot).skip(c) {
                *x -= f * y;
            }
            *br -= f * bc;
        }
    }
    let mut x = [0.0; N];
    for c in (0..N).rev() {
        let s: f64 = (c + 1..N).map(|k| a[c][k] * x[k]).sum();
        x[c] = if a[c][c].abs() < 1e-12 {
            0.0
        } else {
            (b[c] - s) / a[c][c]
        };
    }
    x
}

/// (flagged, wrong, wrong and flagged) at `threshold`.
fn counts(samples: &[Sample], confidence: impl Fn(&Sample) -> f64, threshold: f64) -> (usize, usize, usize) {
    let flagged = |s: &Sample| confidence(s) < threshold;
    (
        samples.iter().filter(|s| flagged(s)).count(),
        samples.iter().filter(|s| !s.right).count(),
        samples.iter().filter(|s| !s.right && flagged(s)).count(),
    )
}

/// The threshold, in steps of 0.01, at which the flag's F-score for wrong units is best, with
/// recall weighed [`RECALL_WEIGHT`] times precision: most wrong units should be flagged.
fn best_threshold(samples: &[Sample], confidence: impl Fn(&Sample) -> f64 + Copy) -> f64 {
    let b2 = RECALL_WEIGHT * RECALL_WEIGHT;
    let f1 = |t: f64| {
        let (flagged, wrong, caught) = counts(samples, confidence, t);
        (1.0 + b2) * caught as f64 / (flagged as f64 + b2 * wrong as f64).max(1.0)
    };
    (1..100)
        .map(|k| f64::from(k) / 100.0)
        .max_by(|&a, &b| f1(a).total_cmp(&f1(b)))
        .unwrap_or(0.5)
}

fn report(what: &str, samples: &[Sample], confidence: impl Fn(&Sample) -> f64, threshold: f64) {
    let (flagged, wrong, caught) = counts(samples, confidence, threshold);
    println!(
        "{what}: {} units, {wrong} wrong, {flagged} flagged below {threshold:.2}: \
         recall {caught}/{wrong} = {:.2}, precision {caught}/{flagged} = {:.2}",
        samples.len(),
        caught as f64 / wrong.max(1) as f64,
        caught as f64 / flagged.max(1) as f64,
    );
}
