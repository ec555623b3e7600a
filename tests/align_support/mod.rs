//! Shared by the alignment tests: the gold format, line-level link scoring, seeded edits.
#![allow(dead_code)] // Each test crate uses its own part.

use std::collections::HashSet;
use stenogram::align::Alignment;
use stenogram::model::{Lang, Transcript};

pub const SEED: &str = include_str!("../data/000_press_conference.txt");
pub const GOLD: &str = include_str!("../gold/seed000.tsv");

/// One gold group: English source lines and Russian source lines that translate each other;
/// either may be empty (no counterpart).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub en: Vec<u32>,
    pub ru: Vec<u32>,
}

/// Reads the gold TSV: `EN<TAB>RU`, each a comma-separated list of lines or `-`; `#` comments.
pub fn read_gold(text: &str) -> Vec<Group> {
    let list = |s: &str| -> Vec<u32> {
        if s.trim() == "-" {
            Vec::new()
        } else {
            s.split(',')
                .map(|n| n.trim().parse().expect("a line number"))
                .collect()
        }
    };
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let (en, ru) = l.split_once('\t').expect("two columns");
            Group {
                en: list(en),
                ru: list(ru),
            }
        })
        .collect()
}

pub fn parse(text: &str) -> Transcript {
    stenogram::ingest::parse(&stenogram::sanitize::sanitize(text)).transcript
}

/// The alignment as groups of source lines, one per unit.
pub fn predicted(t: &Transcript, a: &Alignment) -> Vec<Group> {
    let lines = |l: Lang, u: &stenogram::align::Unit| -> Vec<u32> {
        let Some(v) = t.version(l) else {
            return Vec::new();
        };
        let mut lines: Vec<u32> = u.parts[l]
            .iter()
            .filter_map(|p| Some(p.text(v)?.0.line))
            .collect();
        lines.dedup();
        lines
    };
    a.units
        .iter()
        .map(|u| Group {
            en: lines(Lang::En, u),
            ru: lines(Lang::Ru, u),
        })
        .collect()
}

/// The alignment as groups of source lines, one per sentence link, as `export --by sentence`
/// writes it.
pub fn predicted_by_sentence(t: &Transcript, a: &Alignment) -> Vec<Group> {
    let mut groups = Vec::new();
    for u in &a.units {
        let lines = |l: Lang| -> Vec<u32> { u.sentences(t, l).map(|s| s.line).collect() };
        let (en, ru) = (lines(Lang::En), lines(Lang::Ru));
        for link in &u.links {
            let pick = |all: &[u32], r: std::ops::Range<usize>| {
                let mut v = all.get(r).unwrap_or(&[]).to_vec();
                v.dedup();
                v
            };
            groups.push(Group {
                en: pick(&en, link.sentences.en.clone()),
                ru: pick(&ru, link.sentences.ru.clone()),
            });
        }
    }
    groups
}

/// The baseline: the i-th English paragraph with the i-th Russian one, the rest unpaired.
pub fn baseline(t: &Transcript) -> Vec<Group> {
    let lines = |l: Lang| -> Vec<u32> {
        t.version(l)
            .map_or(Vec::new(), |v| v.paragraphs().map(|(_, p)| p.line).collect())
    };
    let (en, ru) = (lines(Lang::En), lines(Lang::Ru));
    (0..en.len().max(ru.len()))
        .map(|i| Group {
            en: en.get(i).into_iter().copied().collect(),
            ru: ru.get(i).into_iter().copied().collect(),
        })
        .collect()
}

/// A link between an English line and a Russian line; 0 stands for "no counterpart".
type LineLink = (u32, u32);

fn links(groups: &[Group]) -> HashSet<LineLink> {
    let mut out = HashSet::new();
    for g in groups {
        match (g.en.is_empty(), g.ru.is_empty()) {
            (false, false) => out.extend(g.en.iter().flat_map(|&e| g.ru.iter().map(move |&r| (e, r)))),
            (false, true) => out.extend(g.en.iter().map(|&e| (e, 0))),
            (true, false) => out.extend(g.ru.iter().map(|&r| (0, r))),
            (true, true) => {}
        }
    }
    out
}

/// Precision, recall and F1 of the predicted line links against the gold's. Only links touching
/// a line the gold covers count: lines it leaves out (labels, titles) are not scored.
pub fn score(gold: &[Group], predicted: &[Group]) -> (f64, f64, f64) {
    let scored: HashSet<u32> = gold
        .iter()
        .flat_map(|g| g.en.iter().chain(&g.ru).copied())
        .collect();
    let g = links(gold);
    let p: HashSet<LineLink> = links(predicted)
        .into_iter()
        .filter(|(e, r)| scored.contains(e) || scored.contains(r))
        .collect();
    let hit = g.intersection(&p).count() as f64;
    let precision = if p.is_empty() { 0.0 } else { hit / p.len() as f64 };
    let recall = if g.is_empty() { 0.0 } else { hit / g.len() as f64 };
    let f1 = if hit == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    (precision, recall, f1)
}

/// xorshift64*: a few lines, no crate, and the same variants on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1)
    }

    pub fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) as usize % n.max(1)
    }
}

/// The seed's lines with their gold groups, edited together so the gold stays true.
pub struct Edited {
    pub lines: Vec<String>,
    /// For each line: its gold group and side, `None` for lines the gold does not cover.
    tags: Vec<Option<(usize, Lang)>>,
}

impl Edited {
    pub fn new(text: &str, gold: &[Group]) -> Edited {
        let lines: Vec<String> = text.lines().map(str::to_string).collect();
        let mut tags = vec![None; lines.len()];
        for (k, g) in gold.iter().enumerate() {
            for (side, lang) in [(&g.en, Lang::En), (&g.ru, Lang::Ru)] {
                for &line in side {
                    tags[line as usize - 1] = Some((k, lang));
                }
            }
        }
        Edited { lines, tags }
    }

    pub fn text(&self) -> String {
        self.lines.join("\n") + "\n"
    }

    pub fn gold(&self) -> Vec<Group> {
        let n = self.tags.iter().flatten().map(|t| t.0 + 1).max().unwrap_or(0);
        let mut groups = vec![
            Group {
                en: vec![],
                ru: vec![]
            };
            n
        ];
        for (i, t) in self.tags.iter().enumerate() {
            if let Some((g, lang)) = t {
                let side = if *lang == Lang::En {
                    &mut groups[*g].en
                } else {
                    &mut groups[*g].ru
                };
                side.push(i as u32 + 1);
            }
        }
        groups.retain(|g| !g.en.is_empty() || !g.ru.is_empty());
        groups
    }

    /// A content paragraph that does not start a turn (dropping or merging those would change
    /// the speaker structure, which is not what these edits test).
    fn plain(&self, i: usize) -> bool {
        let line = &self.lines[i];
        let label = line
            .find(": ")
            .is_some_and(|k| k <= 24 && line[..k].contains('.'));
        self.tags[i].is_some() && !label && line.chars().count() >= 30
    }

    fn same_side(&self, i: usize, j: usize) -> bool {
        matches!((self.tags.get(i), self.tags.get(j)), (Some(Some(a)), Some(Some(b))) if a.1 == b.1)
    }

    /// Drops a paragraph inside a run of paragraphs: its counterpart loses it.
    pub fn drop_one(&mut self, rng: &mut Rng) -> bool {
        let i = rng.below(self.lines.len());
        if i == 0 || !self.plain(i) || !self.same_side(i - 1, i) || !self.same_side(i, i + 1) {
            return false;
        }
        self.lines.remove(i);
        self.tags.remove(i);
        true
    }

    /// Merges a paragraph into the one before it: their groups become one.
    pub fn merge(&mut self, rng: &mut Rng) -> bool {
        let i = rng.below(self.lines.len());
        if i == 0 || !self.plain(i) || !self.plain(i - 1) || !self.same_side(i - 1, i) {
            return false;
        }
        let (Some((keep, _)), Some((gone, _))) = (self.tags[i - 1], self.tags[i]) else {
            return false;
        };
        let line = self.lines.remove(i);
        self.tags.remove(i);
        self.lines[i - 1] = format!("{} {}", self.lines[i - 1], line);
        for t in self.tags.iter_mut().flatten() {
            if t.0 == gone {
                t.0 = keep;
            }
        }
        true
    }

    /// Splits a paragraph after a sentence; both halves keep its counterpart.
    pub fn split(&mut self, rng: &mut Rng) -> bool {
        let i = rng.below(self.lines.len());
        if self.tags[i].is_none() {
            return false;
        }
        let line = &self.lines[i];
        let cuts: Vec<usize> = line
            .match_indices(". ")
            .map(|(k, _)| k + 1)
            .filter(|&k| line[k + 1..].chars().next().is_some_and(char::is_uppercase) && k > 20)
            .collect();
        if cuts.is_empty() {
            return false;
        }
        let k = cuts[rng.below(cuts.len())];
        let (head, tail) = (line[..k].to_string(), line[k + 1..].to_string());
        self.lines[i] = head;
        self.lines.insert(i + 1, tail);
        self.tags.insert(i + 1, self.tags[i]);
        true
    }
}
