//! Alignment quality under edits: 20 seeded variants of seed 000 with paragraphs dropped on one
//! side, merged with a neighbour or split at a sentence, the gold edited along with the text.

mod align_support;

use align_support::{Edited, GOLD, Rng, SEED, parse, predicted, read_gold, score};
use stenogram::align::align;

#[test]
fn twenty_edited_variants_stay_above_095() {
    let gold = read_gold(GOLD);
    let mut worst = 1.0f64;
    for seed in 1..=20u64 {
        let mut rng = Rng::new(seed);
        let mut doc = Edited::new(SEED, &gold);
        let mut done = [0; 3];
        // A few of each edit; tries that hit an unsuitable line are skipped.
        for _ in 0..200 {
            let op = rng.below(3);
            if done[op] >= 3 {
                continue;
            }
            let ok = match op {
                0 => doc.drop_one(&mut rng),
                1 => doc.merge(&mut rng),
                _ => doc.split(&mut rng),
            };
            done[op] += usize::from(ok);
        }
        assert_eq!(done, [3, 3, 3], "variant {seed} got all its edits");
        let t = parse(&doc.text());
        let (p, r, f1) = score(&doc.gold(), &predicted(&t, &align(&t)));
        println!("variant {seed:2}: P {p:.3} R {r:.3} F1 {f1:.3}");
        assert!(f1 >= 0.95, "variant {seed}: F1 {f1:.3}");
        worst = worst.min(f1);
    }
    println!("worst F1 {worst:.3}");
}

#[test]
fn edits_keep_the_gold_consistent() {
    let gold = read_gold(GOLD);
    let mut doc = Edited::new(SEED, &gold);
    let before = doc.lines.len();
    let mut rng = Rng::new(7);
    while !doc.split(&mut rng) {}
    assert_eq!(doc.lines.len(), before + 1);
    while !doc.drop_one(&mut rng) {}
    while !doc.merge(&mut rng) {}
    assert_eq!(doc.lines.len(), before - 1);
    // Every gold line still names a line of the edited text, and each line is in one group.
    let edited = doc.gold();
    let mut seen: Vec<u32> = edited.iter().flat_map(|g| g.en.iter().chain(&g.ru).copied()).collect();
    let n = seen.len();
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(seen.len(), n);
    assert!(seen.iter().all(|&l| (l as usize) <= doc.lines.len()));
    assert_eq!(n + 1, gold.iter().map(|g| g.en.len() + g.ru.len()).sum::<usize>());
}
