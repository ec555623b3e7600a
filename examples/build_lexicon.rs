//! Builds the English↔Russian lexicon (`src/lexicon/en_ru.tsv`) from the Bilinguator parallel
//! corpus: `cargo run --release --example build_lexicon -- <corpus-dir> > src/lexicon/en_ru.tsv`.
//!
//! `--eval` instead holds out a few whole works, trains on the rest, and prints to stderr how well
//! the table tells true line (and sentence) pairs from mismatched ones on the held-out works (ROC AUC);
//! `--eval-in` does the same on all works with the table trained on all of them.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;
use stenogram::lexicon::{Lexicon, stems};
use stenogram::model::Lang;

/// Works kept out of training by `--eval`: a short story, an essay, a fairy tale and a Russian
/// original, like the documents the aligner is judged on.
const HELD_OUT: &[&str] = &[
    "the_gift_of_the_magi",
    "nothing_in_biology",
    "le_petit_prince",
    "malchik_u_khrista_na_yolke",
];

/// EM iterations of IBM Model 1; the likelihood barely moves after these.
const ITERATIONS: usize = 5;
// Pruning, tuned by `--eval` (held-out AUC): looser keeps more noise than evidence, tighter
// loses coverage.
/// A pair needs this many expected links in the corpus.
const MIN_LINKS: f32 = 1.0;
/// Both directions must give the pair at least this translation probability.
const MIN_PROB: f32 = 0.01;
/// At most this many translations per stem, on either side (a 4-char stem can stand for several
/// words).
const MAX_PER_STEM: usize = 8;

struct Work {
    name: String,
    pairs: Vec<(String, String)>,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.iter().find(|a| !a.starts_with("--")) else {
        eprintln!("usage: build_lexicon [--eval | --eval-in] <corpus-dir> > en_ru.tsv");
        std::process::exit(2);
    };
    let works = read_corpus(Path::new(dir));
    if args.iter().any(|a| a == "--eval") {
        let (test, train): (Vec<&Work>, Vec<&Work>) =
            works.iter().partition(|w| HELD_OUT.contains(&w.name.as_str()));
        let table = Lexicon::parse(&train_table(&train));
        evaluate(&table, &test);
    } else if args.iter().any(|a| a == "--eval-in") {
        let all: Vec<&Work> = works.iter().collect();
        let table = Lexicon::parse(&train_table(&all));
        evaluate(&table, &all);
    } else {
        let all: Vec<&Work> = works.iter().collect();
        print!("{}", train_table(&all));
    }
}

/// Every `NAME_en.txt` with its `NAME_ru.txt`, line pairs from line 3 on, markup stripped.
fn read_corpus(dir: &Path) -> Vec<Work> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("corpus directory")
        .filter_map(|e| {
            e.ok()?
                .file_name()
                .to_str()?
                .strip_suffix("_en.txt")
                .map(String::from)
        })
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let read = |lang: &str| {
                let path = dir.join(format!("{name}_{lang}.txt"));
                std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
            };
            let (en, ru) = (read("en"), read("ru"));
            let pairs = en
                .lines()
                .zip(ru.lines())
                .skip(2)
                .map(|(e, r)| (strip_markup(e), strip_markup(r)))
                .filter(|(e, r)| !e.trim().is_empty() && !r.trim().is_empty())
                .collect();
            Work { name, pairs }
        })
        .collect()
}

/// Drops `<delimiter>`, `<h1>`, `<b>`, `<i>`, `<imgN>` and their closing forms, leaving a space.
fn strip_markup(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let tag = &rest[open + 1..];
        match tag.find('>') {
            Some(close)
                if tag[..close]
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '/') =>
            {
                out.push(' ');
                rest = &tag[close + 1..];
            }
            _ => {
                out.push('<');
                rest = tag;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Stems interned to dense ids, one vocabulary per language.
#[derive(Default)]
struct Vocab {
    ids: HashMap<String, u32>,
    words: Vec<String>,
}

impl Vocab {
    fn line(&mut self, text: &str, lang: Lang) -> Vec<u32> {
        let mut out = Vec::new();
        stems(text, lang, |s| {
            let next = self.words.len() as u32;
            let id = *self.ids.entry(s.to_string()).or_insert(next);
            if id == next {
                self.words.push(s.to_string());
            }
            out.push(id);
        });
        out
    }
}

/// IBM Model 1 in both directions; a pair is kept when both directions give it probability and
/// the corpus gives it support. Returns the data file's text.
fn train_table(works: &[&Work]) -> String {
    let (mut en_vocab, mut ru_vocab) = (Vocab::default(), Vocab::default());
    let lines: Vec<(Vec<u32>, Vec<u32>)> = works
        .iter()
        .flat_map(|w| &w.pairs)
        .map(|(e, r)| (en_vocab.line(e, Lang::En), ru_vocab.line(r, Lang::Ru)))
        .filter(|(e, r)| !e.is_empty() && !r.is_empty())
        .collect();

    // Every (en, ru) pair that co-occurs in a line gets a dense index, so EM runs on arrays.
    let mut pair_index: HashMap<(u32, u32), u32> = HashMap::new();
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    let line_pairs: Vec<Vec<u32>> = lines
        .iter()
        .map(|(e, r)| {
            let mut idx = Vec::with_capacity(e.len() * r.len());
            for &ew in e {
                for &rw in r {
                    let next = pairs.len() as u32;
                    let i = *pair_index.entry((ew, rw)).or_insert(next);
                    if i == next {
                        pairs.push((ew, rw));
                    }
                    idx.push(i);
                }
            }
            idx
        })
        .collect();

    let ru_given_en = model1(&lines, &line_pairs, &pairs, false);
    let en_given_ru = model1(&lines, &line_pairs, &pairs, true);
    let links = expected_links(&lines, &line_pairs, &ru_given_en, &en_given_ru);

    let mut kept: Vec<(f32, u32, u32)> = (0..pairs.len())
        .filter(|&i| links[i] >= MIN_LINKS && ru_given_en[i].min(en_given_ru[i]) >= MIN_PROB)
        .map(|i| ((ru_given_en[i] * en_given_ru[i]).sqrt(), pairs[i].0, pairs[i].1))
        .collect();
    kept.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let (mut per_en, mut per_ru) = (
        vec![0usize; en_vocab.words.len()],
        vec![0usize; ru_vocab.words.len()],
    );
    kept.retain(|&(_, e, r)| {
        let ok = per_en[e as usize] < MAX_PER_STEM && per_ru[r as usize] < MAX_PER_STEM;
        if ok {
            per_en[e as usize] += 1;
            per_ru[r as usize] += 1;
        }
        ok
    });

    let mut by_en: Vec<(&str, Vec<&str>)> = Vec::new();
    let mut grouped: HashMap<u32, Vec<&str>> = HashMap::new();
    for &(_, e, r) in &kept {
        grouped.entry(e).or_default().push(&ru_vocab.words[r as usize]);
    }
    for (e, mut rus) in grouped {
        rus.sort_unstable();
        by_en.push((&en_vocab.words[e as usize], rus));
    }
    by_en.sort_unstable();

    let mut out = String::new();
    out.push_str(
        "# English↔Russian stem translations for stenogram's aligner: `en<TAB>ru ru …`.\n\
         # Generated by examples/build_lexicon.rs (IBM Model 1, both directions) from the\n\
         # Bilinguator parallel corpus (github.com/bilinguator/aligned-texts), MIT licence,\n\
         # Copyright (c) 2023 Bilinguator: see LICENSE-lexicon.\n",
    );
    for (en, rus) in by_en {
        let _ = writeln!(out, "{en}\t{}", rus.join(" "));
    }
    eprintln!(
        "{} line pairs, {} en / {} ru stems, {} co-occurring pairs, {} kept",
        lines.len(),
        en_vocab.words.len(),
        ru_vocab.words.len(),
        pairs.len(),
        kept.len()
    );
    out
}

/// t(target | source) for every co-occurring pair, by EM from a uniform start. `ru_to_en` picks
/// the direction; the source side has a NULL word that absorbs target words with no counterpart.
fn model1(
    lines: &[(Vec<u32>, Vec<u32>)],
    line_pairs: &[Vec<u32>],
    pairs: &[(u32, u32)],
    ru_to_en: bool,
) -> Vec<f32> {
    let source: Vec<usize> = pairs
        .iter()
        .map(|&(e, r)| if ru_to_en { r } else { e } as usize)
        .collect();
    let sources = source.iter().max().map_or(0, |&m| m + 1);
    let mut t = vec![1.0f32; pairs.len()];
    // NULL's translation probability, kept flat: it only has to compete with real words.
    let null = 0.05f32;
    for _ in 0..ITERATIONS {
        let mut count = vec![0.0f32; pairs.len()];
        for ((e, r), idx) in lines.iter().zip(line_pairs) {
            // idx is en-major: pair (e[i], r[j]) at i * r.len() + j.
            let at = |s: usize, g: usize| if ru_to_en { idx[g * r.len() + s] } else { idx[s * r.len() + g] } as usize;
            let (n_source, n_target) = if ru_to_en {
                (r.len(), e.len())
            } else {
                (e.len(), r.len())
            };
            for g in 0..n_target {
                let total: f32 = null + (0..n_source).map(|s| t[at(s, g)]).sum::<f32>();
                for s in 0..n_source {
                    count[at(s, g)] += t[at(s, g)] / total;
                }
            }
        }
        let mut source_total = vec![0.0f32; sources];
        for (i, &c) in count.iter().enumerate() {
            source_total[source[i]] += c;
        }
        for (i, c) in count.into_iter().enumerate() {
            t[i] = c / source_total[source[i]];
        }
    }
    t
}

/// Expected number of links of each pair in the corpus, under the en→ru model (posteriors summed),
/// averaged with the ru→en one.
fn expected_links(
    lines: &[(Vec<u32>, Vec<u32>)],
    line_pairs: &[Vec<u32>],
    ru_given_en: &[f32],
    en_given_ru: &[f32],
) -> Vec<f32> {
    let mut links = vec![0.0f32; ru_given_en.len()];
    for ((e, r), idx) in lines.iter().zip(line_pairs) {
        for j in 0..r.len() {
            let total: f32 = (0..e.len())
                .map(|i| ru_given_en[idx[i * r.len() + j] as usize])
                .sum();
            for i in 0..e.len() {
                let p = idx[i * r.len() + j] as usize;
                links[p] += 0.5 * ru_given_en[p] / total;
            }
        }
        for i in 0..e.len() {
            let total: f32 = (0..r.len())
                .map(|j| en_given_ru[idx[i * r.len() + j] as usize])
                .sum();
            for j in 0..r.len() {
                let p = idx[i * r.len() + j] as usize;
                links[p] += 0.5 * en_given_ru[p] / total;
            }
        }
    }
    links
}

/// Prints ROC AUCs of the similarity `2·shared / (known_en + known_ru)`: true pairs against the
/// next line's translation and against a random line's, by lines and by crude sentences.
fn evaluate(table: &Lexicon, works: &[&Work]) {
    let mut rng = 0x2545_f491_4f6c_dd1du64;
    for (unit, split) in [("lines", false), ("sentences", true)] {
        let (mut truth, mut next, mut random) = (Vec::new(), Vec::new(), Vec::new());
        for w in works {
            let units: Vec<(String, String)> = if split {
                sentence_pairs(&w.pairs)
            } else {
                w.pairs.clone()
            };
            let en: Vec<_> = units.iter().map(|(e, _)| table.concepts(e, Lang::En)).collect();
            let ru: Vec<_> = units.iter().map(|(_, r)| table.concepts(r, Lang::Ru)).collect();
            for i in 0..units.len() {
                truth.push(similarity(&en[i], &ru[i]));
                if i + 1 < units.len() {
                    next.push(similarity(&en[i], &ru[i + 1]));
                }
                rng ^= rng << 13;
                rng ^= rng >> 7;
                rng ^= rng << 17;
                let j = (rng % units.len() as u64) as usize;
                if j != i {
                    random.push(similarity(&en[i], &ru[j]));
                }
            }
        }
        let coverage = |c: &[f64]| c.iter().filter(|&&s| s > 0.0).count() as f64 / c.len() as f64;
        eprintln!(
            "{unit}: {} true pairs; AUC vs next {:.4}, vs random {:.4}; true pairs sharing a concept {:.1}%",
            truth.len(),
            auc(&truth, &next),
            auc(&truth, &random),
            100.0 * coverage(&truth)
        );
    }
}

fn similarity(en: &stenogram::lexicon::Concepts, ru: &stenogram::lexicon::Concepts) -> f64 {
    let known = en.known + ru.known;
    if known == 0 {
        return 0.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0u32);
    while i < en.ids.len() && j < ru.ids.len() {
        match en.ids[i].cmp(&ru.ids[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * f64::from(shared) / f64::from(known)
}

/// Line pairs whose two sides split into the same number of sentences, paired sentence by sentence.
fn sentence_pairs(pairs: &[(String, String)]) -> Vec<(String, String)> {
    let split = |s: &str| -> Vec<String> {
        s.split_inclusive(['.', '!', '?', '…'])
            .map(str::trim)
            .filter(|s| s.chars().any(char::is_alphabetic))
            .map(String::from)
            .collect()
    };
    pairs
        .iter()
        .flat_map(|(e, r)| {
            let (es, rs) = (split(e), split(r));
            if es.len() == rs.len() {
                es.into_iter().zip(rs).collect()
            } else {
                Vec::new()
            }
        })
        .collect()
}

/// Probability that a random positive scores above a random negative (ties count half).
fn auc(pos: &[f64], neg: &[f64]) -> f64 {
    let mut all: Vec<(f64, bool)> = pos
        .iter()
        .map(|&s| (s, true))
        .chain(neg.iter().map(|&s| (s, false)))
        .collect();
    all.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut rank_sum = 0.0;
    let mut i = 0;
    while i < all.len() {
        let mut j = i;
        while j < all.len() && all[j].0 == all[i].0 {
            j += 1;
        }
        let mid_rank = (i + j + 1) as f64 / 2.0;
        rank_sum += mid_rank * all[i..j].iter().filter(|x| x.1).count() as f64;
        i = j;
    }
    let (p, n) = (pos.len() as f64, neg.len() as f64);
    (rank_sum - p * (p + 1.0) / 2.0) / (p * n)
}
