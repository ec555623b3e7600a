//! Alignment quality on the project's own fixtures of other shapes than a Kremlin transcript:
//! an interview whose English puts labels inside lines and abbreviates names, and a play whose
//! speakers' names translate. Gold links in tests/gold.

mod align_support;

use align_support::{predicted, predicted_by_sentence, read_gold, score};
use stenogram::align::{Verdict, align, summary};
use stenogram::model::Transcript;

fn pair(en: &str, ru: &str) -> Transcript {
    let sanitize = stenogram::sanitize::sanitize;
    stenogram::ingest::parse_pair(&sanitize(en), &sanitize(ru)).transcript
}

/// Scores `t` against `gold` by sentence link and by unit, and checks both and the verdict.
fn scores_well(name: &str, t: &Transcript, gold: &str) {
    let gold = read_gold(gold);
    let a = align(t);
    let (sp, sr, by_sentence) = score(&gold, &predicted_by_sentence(t, &a));
    let (up, ur, by_unit) = score(&gold, &predicted(t, &a));
    println!(
        "{name}: by sentence P {sp:.3} R {sr:.3} F1 {by_sentence:.3}; by unit P {up:.3} R {ur:.3} F1 {by_unit:.3}"
    );
    assert!(by_sentence >= 0.95, "{name} by sentence: {by_sentence:.3}");
    assert!(by_unit >= 0.9, "{name} by unit: {by_unit:.3}");
    assert_eq!(summary(t, &a).verdict, Verdict::Translation, "{}", summary(t, &a));
}

#[test]
fn the_interview_with_labels_inside_lines_aligns() {
    let t = pair(
        include_str!("data/interview.en.txt"),
        include_str!("data/interview.ru.txt"),
    );
    scores_well("interview", &t, include_str!("gold/interview.tsv"));
}

#[test]
fn the_play_whose_names_translate_aligns_and_pairs_its_speakers() {
    let t = pair(include_str!("data/play.en.txt"), include_str!("data/play.ru.txt"));
    scores_well("play", &t, include_str!("gold/play.tsv"));
    let a = align(&t);
    let named = |(e, r): &(usize, usize)| (t.speakers[*e].name.en.clone(), t.speakers[*r].name.ru.clone());
    let pairs: Vec<_> = a.same_speakers.iter().map(named).collect();
    for (en, ru) in [("Nurse", "Кормилица"), ("Lady Capulet", "Синьора Капулетти")] {
        assert!(
            pairs.contains(&(en.to_string(), ru.to_string())),
            "{en} = {ru} not learned: {pairs:?}"
        );
    }
}
