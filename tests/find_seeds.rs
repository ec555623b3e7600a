//! Search and jump-to-topic on the seed transcripts (copies in tests/data).

use stenogram::align::{Alignment, align};
use stenogram::ingest::parse;
use stenogram::model::{BlockKind, Lang, Transcript};
use stenogram::search::{Match, SearchIndex};
use stenogram::topics::{SNIPPET_CHARS, TermStats, TopicIndex, TopicKind};

const SEEDS: [&str; 5] = [
    "000_press_conference.txt",
    "001_talks_start_en.txt",
    "002_talks_report_ru.txt",
    "003_phone_call_report_ru.txt",
    "004_supreme_council_report_ru.txt",
];

fn seed(name: &str) -> Transcript {
    let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    parse(&std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))).transcript
}

fn library() -> Vec<Transcript> {
    SEEDS.iter().map(|s| seed(s)).collect()
}

fn topic_index(t: &Transcript, a: &Alignment, library: &[Transcript]) -> TopicIndex {
    let docs: Vec<&Transcript> = library.iter().collect();
    TopicIndex::build(t, a, &TermStats::from_library(&docs))
}

fn paragraph_text<'t>(t: &'t Transcript, m: &Match) -> &'t str {
    let v = t.version(m.lang).expect("matched version");
    &v.blocks[m.block].paragraphs[m.para].text
}

fn matched<'t>(t: &'t Transcript, ms: &[Match]) -> Vec<&'t str> {
    ms.iter()
        .map(|m| &paragraph_text(t, m)[m.range.clone()])
        .collect()
}

fn speaker_of(t: &Transcript, m: &Match) -> Option<String> {
    match t.version(m.lang)?.blocks[m.block].kind {
        BlockKind::Turn(s) => Some(t.speakers[s].id.clone()),
        _ => None,
    }
}

/// The chars of `snippet` at `positions`.
fn highlighted(snippet: &str, positions: &[usize]) -> String {
    snippet
        .chars()
        .enumerate()
        .filter(|(i, _)| positions.contains(i))
        .map(|(_, c)| c)
        .collect()
}

#[test]
fn search_finds_the_ceasefire_in_putins_turn_in_english() {
    let t = seed(SEEDS[0]);
    let ms = SearchIndex::build(&t, &align(&t)).find(&t, "ceasefire");
    assert!(ms.len() >= 5, "{ms:?}");
    assert!(ms.iter().all(|m| m.lang == Lang::En));
    assert!(
        matched(&t, &ms)
            .iter()
            .all(|s| s.eq_ignore_ascii_case("ceasefire"))
    );
    assert!(
        ms.iter().any(|m| speaker_of(&t, m).as_deref() == Some("putin")
            && paragraph_text(&t, m).starts_with("Regarding Ukraine’s readiness for a ceasefire")),
        "{ms:?}"
    );
    // Reading order.
    let order: Vec<(usize, usize, usize)> = ms.iter().map(|m| (m.unit, m.block, m.para)).collect();
    let mut sorted = order.clone();
    sorted.sort();
    assert_eq!(order, sorted);
}

#[test]
fn search_is_case_insensitive_in_cyrillic() {
    let t = seed(SEEDS[0]);
    let ix = SearchIndex::build(&t, &align(&t));
    let lower = ix.find(&t, "перемир");
    assert!(!lower.is_empty());
    assert!(lower.iter().all(|m| m.lang == Lang::Ru));
    assert_eq!(ix.find(&t, "ПЕРЕМИР"), lower);
    assert_eq!(ix.find(&t, "Перемир"), lower);
    assert!(matched(&t, &lower).iter().all(|s| *s == "перемир"));
    assert!(
        lower
            .iter()
            .any(|m| paragraph_text(&t, m).contains("добиться перемирия хотя бы на 30 суток")),
        "{lower:?}"
    );
}

#[test]
fn search_treats_yo_as_ye() {
    let t = seed(SEEDS[0]);
    let ix = SearchIndex::build(&t, &align(&t));
    let with_yo = ix.find(&t, "ещё");
    assert!(!with_yo.is_empty());
    assert_eq!(ix.find(&t, "еще"), with_yo);
    assert_eq!(ix.find(&t, "ЕЩЁ"), with_yo);
    assert!(matched(&t, &with_yo).contains(&"ещё"));
    // And the other way round: «убеждён» in the text, «убежден» typed.
    let found = ix.find(&t, "убежден");
    assert!(matched(&t, &found).contains(&"убеждён"), "{found:?}");
}

#[test]
fn topics_of_the_press_conference() {
    let lib = library();
    let t = &lib[0];
    let a = align(t);
    let ix = topic_index(t, &a, &lib);
    let headings: Vec<&str> = ix
        .topics()
        .iter()
        .filter(|t| t.kind == TopicKind::Heading)
        .map(|t| t.snippet.en.as_str())
        .collect();
    assert!(headings.contains(&"Q&A"), "{headings:?}");
    let askers: Vec<&str> = ix
        .topics()
        .iter()
        .filter(|t| t.kind == TopicKind::Question)
        .filter_map(|q| Some(t.speakers[q.speaker?].id.as_str()))
        .collect();
    for journalist in ["breus", "knyazeva"] {
        assert!(askers.contains(&journalist), "{askers:?}");
    }
    assert!(ix.topics().iter().all(|t| {
        Lang::BOTH
            .iter()
            .all(|&l| t.snippet[l].chars().count() <= SNIPPET_CHARS)
    }));
}

#[test]
fn jump_to_the_ceasefire_question_and_answer() {
    let lib = library();
    let t = &lib[0];
    let ix = topic_index(t, &align(t), &lib);
    let hits = ix.query("ceasefire", 10);
    let first = &ix.topics()[hits[0].topic];
    assert_eq!(first.kind, TopicKind::Question);
    assert_eq!(first.speaker.map(|s| t.speakers[s].id.as_str()), Some("knyazeva"));
    assert_eq!(
        highlighted(&hits[0].snippet.en, &hits[0].positions.en),
        "ceasefire"
    );
    assert!(
        hits.iter().any(|h| {
            let topic = &ix.topics()[h.topic];
            topic.kind == TopicKind::Opening
                && topic.speaker.map(|s| t.speakers[s].id.as_str()) == Some("putin")
                && topic.snippet.en.contains("readiness for a ceasefire")
        }),
        "{hits:?}"
    );
}

#[test]
fn jump_to_the_truce_in_russian_from_either_script() {
    let lib = library();
    let t = &lib[0];
    let ix = topic_index(t, &align(t), &lib);
    for q in ["перемир", "ПЕРЕМИР", "peremir"] {
        let hits = ix.query(q, 5);
        assert!(!hits.is_empty(), "{q}");
        assert_eq!(
            highlighted(&hits[0].snippet.ru, &hits[0].positions.ru).to_lowercase(),
            "перемир",
            "{q}"
        );
    }
}

#[test]
fn jump_to_oreshnik_in_the_news_report() {
    let lib = library();
    let t = &lib[2];
    let ix = topic_index(t, &align(t), &lib);
    for q in ["ОРЕШНИК", "орешник", "oreshnik", "Oreshnik"] {
        let hits = ix.query(q, 5);
        assert!(!hits.is_empty(), "{q}");
        assert_eq!(
            highlighted(&hits[0].snippet.ru, &hits[0].positions.ru),
            "Орешник",
            "{q}"
        );
        assert!(hits[0].positions.en.is_empty());
    }
}
