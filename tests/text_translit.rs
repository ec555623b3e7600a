//! Names across scripts: a Latin query finds Russian names the way English spells them (through
//! `fold_latin`, which spells each letter as `to_latin` does: ё → yo, initial е → ye), and speakers
//! named in other scripts keep their own identities.

use stenogram::align::align;
use stenogram::ingest::parse;
use stenogram::topics::{TermStats, TopicIndex};

const DOC: &str = "Москва, 13 марта 2025 года\n\
\n\
В.Путин: Пётр Иванов и Семён Ежов обсудили перемирие.\n\
\n\
А.Лукашенко: Министры встретились в Минске и обсудили поставки зерна.\n";

/// The Russian snippets of the topics `query` finds, best first.
fn found(query: &str) -> Vec<String> {
    let t = parse(DOC).transcript;
    let a = align(&t);
    let index = TopicIndex::build(&t, &a, &TermStats::from_library(&[&t]));
    index
        .query(query, 5)
        .iter()
        .map(|hit| index.topics()[hit.topic].snippet.ru.clone())
        .collect()
}

#[test]
fn latin_queries_find_names_with_yo_and_ye() {
    for query in ["pyotr", "semyon", "yezhov", "ezhov", "Пётр", "Петр"] {
        let hits = found(query);
        assert!(
            hits.first()
                .is_some_and(|s| s.contains("Пётр Иванов и Семён Ежов")),
            "{query}: {hits:?}"
        );
    }
}

#[test]
fn speakers_named_in_other_scripts_stay_apart() {
    let doc = "Athens, 13 March 2025\n\
\n\
Γιώργος Παπαδόπουλος: Good afternoon, colleagues.\n\
\n\
Νίκος Δένδιας: Thank you, good afternoon.\n\
\n\
Γιώργος Παπαδόπουλος: Let us begin with the agenda.\n";
    let t = parse(doc).transcript;
    let names: Vec<&str> = t.speakers.iter().map(|s| s.name.en.as_str()).collect();
    assert_eq!(names, ["Γιώργος Παπαδόπουλος", "Νίκος Δένδιας"]);
    let ids: Vec<&str> = t.speakers.iter().map(|s| s.id.as_str()).collect();
    assert_ne!(ids[0], ids[1]);
}
