//! A Latin query finds Russian names the way English spells them: through `fold_latin`, which
//! spells each letter as `to_latin` does (ё → yo, initial е → ye).

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
            hits.first().is_some_and(|s| s.contains("Пётр Иванов и Семён Ежов")),
            "{query}: {hits:?}"
        );
    }
}
