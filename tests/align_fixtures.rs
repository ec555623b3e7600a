//! Alignment quality on the project's own fixtures of other shapes than a Kremlin transcript:
//! an interview whose English puts labels inside lines and abbreviates names, and a play whose
//! speakers' names translate. Gold links in tests/gold.

mod align_support;
mod ingest_support;

use align_support::{Group, predicted, predicted_by_sentence, read_gold, score};
use ingest_support::hard_wrapped;
use stenogram::align::{Verdict, align, summary};
use stenogram::model::{Lang, Transcript};

fn pair(en: &str, ru: &str) -> Transcript {
    let sanitize = stenogram::sanitize::sanitize;
    stenogram::ingest::parse_pair(&sanitize(en), &sanitize(ru)).transcript
}

/// Scores `t` against `gold` by sentence link and by unit, and checks both and the verdict. `origin`
/// maps a line of `t`'s source in one language to the line of the gold's.
fn scores_well(name: &str, t: &Transcript, gold: &str, origin: &dyn Fn(Lang, u32) -> u32) {
    let gold = read_gold(gold);
    let a = align(t);
    let moved = |groups: Vec<Group>| -> Vec<Group> {
        let lines = |lang: Lang, lines: Vec<u32>| {
            let mut lines: Vec<u32> = lines.into_iter().map(|l| origin(lang, l)).collect();
            lines.dedup();
            lines
        };
        groups
            .into_iter()
            .map(|g| Group {
                en: lines(Lang::En, g.en),
                ru: lines(Lang::Ru, g.ru),
            })
            .collect()
    };
    let (sp, sr, by_sentence) = score(&gold, &moved(predicted_by_sentence(t, &a)));
    let (up, ur, by_unit) = score(&gold, &moved(predicted(t, &a)));
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
    scores_well("interview", &t, include_str!("gold/interview.tsv"), &|_, l| l);
}

#[test]
fn the_play_whose_names_translate_aligns_and_pairs_its_speakers() {
    let t = pair(include_str!("data/play.en.txt"), include_str!("data/play.ru.txt"));
    scores_well("play", &t, include_str!("gold/play.tsv"), &|_, l| l);
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

/// Each version's paragraphs, with their kinds of block. Without reactions: one that a wrapper left
/// alone on its line stands apart, as a reaction on a line of its own does.
fn paragraphs(t: &Transcript) -> Vec<(Lang, String, String)> {
    let reactions = ["(Applause)", "(Laughter)", "(Аплодисменты)", "(Смех)"];
    t.langs()
        .into_iter()
        .filter_map(|l| Some((l, t.version(l)?)))
        .flat_map(|(l, v)| {
            v.blocks.iter().flat_map(move |b| {
                b.paragraphs.iter().filter_map(move |p| {
                    let text = reactions.iter().fold(p.text.clone(), |t, r| t.replace(r, ""));
                    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                    (!text.is_empty()).then(|| (l, format!("{:?}", b.kind), text))
                })
            })
        })
        .collect()
}

/// A wrapped version reads as the same blocks and paragraphs, and aligns as well.
#[test]
fn hard_wrapped_fixtures_align_as_well_as_their_lines() {
    for (name, en, ru, gold) in [
        (
            "interview",
            include_str!("data/interview.en.txt"),
            include_str!("data/interview.ru.txt"),
            include_str!("gold/interview.tsv"),
        ),
        (
            "play",
            include_str!("data/play.en.txt"),
            include_str!("data/play.ru.txt"),
            include_str!("gold/play.tsv"),
        ),
    ] {
        let t = pair(en, ru);
        for width in [50, 72] {
            let (en, en_origin) = hard_wrapped(en, width);
            let (ru, ru_origin) = hard_wrapped(ru, width);
            let origin = |lang: Lang, l: u32| match lang {
                Lang::En => en_origin[l as usize - 1],
                Lang::Ru => ru_origin[l as usize - 1],
            };
            let wrapped = pair(&en, &ru);
            assert_eq!(paragraphs(&wrapped), paragraphs(&t), "{name} wrapped at {width}");
            scores_well(&format!("{name} wrapped at {width}"), &wrapped, gold, &origin);
        }
    }
}
