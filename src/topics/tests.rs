//! Tests of the topic index: extraction, key terms and matching, on small transcripts built by hand.

use super::*;
use crate::align::align;
use crate::model::{Block, BlockKind, Lang, Paragraph, Span, Speaker, Version};
use extract::opening;

/// A paragraph split into sentences after `.`, `!` and `?` followed by a space.
fn para(text: &str) -> Paragraph {
    let mut sentences = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if ".!?".contains(c) && text[i + 1..].starts_with(' ') {
            sentences.push(Span::from(start..i + 1));
            start = i + 2;
        }
    }
    sentences.push(Span::from(start..text.len()));
    Paragraph {
        text: text.to_string(),
        sentences,
        line: 0,
    }
}

fn version(blocks: &[(BlockKind, &[&str])]) -> Option<Version> {
    Some(Version {
        meta: Default::default(),
        blocks: blocks
            .iter()
            .map(|(kind, ps)| Block {
                kind: *kind,
                paragraphs: ps.iter().map(|t| para(t)).collect(),
            })
            .collect(),
    })
}

fn speaker(id: &str, en: &str, ru: &str) -> Speaker {
    Speaker {
        id: id.into(),
        name: ByLang::new(en.into(), ru.into()),
        transliterated: ByLang::new(false, false),
    }
}

fn press_conference() -> Transcript {
    use BlockKind::*;
    Transcript {
        speakers: vec![
            speaker("putin", "Vladimir Putin", "Владимир Путин"),
            speaker("knyazeva", "O. Knyazeva", "О. Князева"),
        ],
        versions: ByLang::new(
            version(&[
                (
                    Turn(0),
                    &["Esteemed colleagues! We discussed the economy. What next? Trade grows."],
                ),
                (Heading, &["Q&A"]),
                (
                    Turn(1),
                    &["Hello! How do you assess Ukraine’s readiness for a ceasefire? Thank you."],
                ),
                (
                    Turn(0),
                    &["Regarding the ceasefire, we agree. There are nuances about Kursk."],
                ),
            ]),
            version(&[
                (
                    Turn(0),
                    &["Уважаемые коллеги! Мы обсудили экономику. Что дальше? Торговля растёт."],
                ),
                (Heading, &["Q&A"]),
                (
                    Turn(1),
                    &["Здравствуйте! Как Вы оцениваете готовность Украины к перемирию? Спасибо."],
                ),
                (
                    Turn(0),
                    &["Что касается перемирия, мы за. Но есть нюансы по Курской области."],
                ),
            ]),
        ),
    }
}

fn russian_report(text: &str) -> Transcript {
    Transcript {
        speakers: Vec::new(),
        versions: ByLang::new(
            None,
            version(&[
                (BlockKind::Heading, &["Интеграция и экономика"]),
                (BlockKind::Narration, &[text]),
            ]),
        ),
    }
}

fn index(t: &Transcript, library: &[&Transcript]) -> TopicIndex {
    TopicIndex::build(t, &align(t), &TermStats::from_library(library))
}

fn highlighted(snippet: &str, positions: &[usize]) -> String {
    snippet
        .chars()
        .enumerate()
        .filter(|(i, _)| positions.contains(i))
        .map(|(_, c)| c)
        .collect()
}

fn of_kind(ix: &TopicIndex, kind: TopicKind) -> Vec<&Topic> {
    ix.topics().iter().filter(|t| t.kind == kind).collect()
}

#[test]
fn headings_questions_and_openings_follow_the_turns() {
    let t = press_conference();
    let ix = index(&t, &[&t]);
    let heading = of_kind(&ix, TopicKind::Heading);
    assert_eq!(heading.len(), 1);
    assert_eq!((heading[0].unit, heading[0].snippet.ru.as_str()), (1, "Q&A"));

    let questions = of_kind(&ix, TopicKind::Question);
    assert_eq!(questions.len(), 1, "{questions:?}");
    assert_eq!((questions[0].unit, questions[0].speaker), (2, Some(1)));
    assert_eq!(
        questions[0].snippet.en,
        "How do you assess Ukraine’s readiness for a ceasefire?"
    );
    assert_eq!(
        questions[0].snippet.ru,
        "Как Вы оцениваете готовность Украины к перемирию?"
    );

    // Putin's opening statement asks a rhetorical question mid-turn: still an opening.
    let openings = of_kind(&ix, TopicKind::Opening);
    assert_eq!(
        openings
            .iter()
            .map(|o| (o.unit, o.snippet.en.as_str()))
            .collect::<Vec<_>>(),
        [
            (0, "We discussed the economy."),
            (3, "Regarding the ceasefire, we agree.")
        ]
    );
    assert_eq!(openings[1].snippet.ru, "Что касается перемирия, мы за.");
}

#[test]
fn an_opening_skips_a_bare_greeting() {
    assert_eq!(opening(&["Dear friends!", "Hello!", "We met today."]), Some(2));
    assert_eq!(opening(&["Hello!"]), Some(0));
    assert_eq!(
        opening(&["Thank you all very much for coming here today!"]),
        Some(0)
    );
    assert_eq!(opening(&[]), None);
}

#[test]
fn topics_are_in_document_order() {
    let t = press_conference();
    let ix = index(&t, &[&t]);
    let order: Vec<(usize, TopicKind)> = ix.topics().iter().map(|t| (t.unit, t.kind)).collect();
    let mut sorted = order.clone();
    sorted.sort();
    assert_eq!(order, sorted);
}

#[test]
fn a_turn_ending_with_a_question_is_a_question_without_a_qa_heading() {
    use BlockKind::*;
    let t = Transcript {
        speakers: vec![
            speaker("host", "Host", "Ведущий"),
            speaker("guest", "Guest", "Гость"),
        ],
        versions: ByLang::new(
            version(&[
                (Turn(0), &["Welcome. What about the harvest?"]),
                (Turn(1), &["It was good."]),
            ]),
            None,
        ),
    };
    let ix = index(&t, &[]);
    let kinds: Vec<(usize, TopicKind)> = ix
        .topics()
        .iter()
        .filter(|t| t.kind != TopicKind::Term)
        .map(|t| (t.unit, t.kind))
        .collect();
    assert_eq!(kinds, [(0, TopicKind::Question), (1, TopicKind::Opening)]);
    assert_eq!(ix.topics()[0].snippet.en, "What about the harvest?");
}

#[test]
fn only_a_q_and_a_heading_makes_newcomers_journalists() {
    use BlockKind::*;
    let kinds = |heading: &str| {
        let t = Transcript {
            speakers: vec![
                speaker("putin", "Vladimir Putin", "Владимир Путин"),
                speaker("shoigu", "Sergei Shoigu", "Сергей Шойгу"),
            ],
            versions: ByLang::new(
                None,
                version(&[
                    (Turn(0), &["Коллеги, начнём."]),
                    (Heading, &[heading]),
                    (Turn(1), &["Граница укреплена."]),
                ]),
            ),
        };
        let ix = index(&t, &[]);
        ix.topics()
            .iter()
            .filter(|t| matches!(t.kind, TopicKind::Question | TopicKind::Opening))
            .map(|t| (t.unit, t.kind))
            .collect::<Vec<_>>()
    };
    // A section about questions of security is no Q&A: its first speaker is not asking.
    assert_eq!(
        kinds("Вопросы безопасности"),
        [(0, TopicKind::Opening), (2, TopicKind::Opening)]
    );
    for qa in ["Вопросы и ответы", "Q & A", "Questions and answers"] {
        assert_eq!(
            kinds(qa),
            [(0, TopicKind::Opening), (2, TopicKind::Question)],
            "{qa}"
        );
    }
}

#[test]
fn query_highlights_the_matched_chars_in_each_language() {
    let t = press_conference();
    let ix = index(&t, &[&t]);
    let hits = ix.query("ceasefire", 10);
    let first = &ix.topics()[hits[0].topic];
    assert_eq!(
        first.kind,
        TopicKind::Question,
        "same score: questions rank before openings"
    );
    assert_eq!(
        highlighted(&hits[0].snippet.en, &hits[0].positions.en),
        "ceasefire"
    );

    for q in ["перемир", "ПЕРЕМИР", "peremir"] {
        let hits = ix.query(q, 3);
        assert_eq!(
            highlighted(&hits[0].snippet.ru, &hits[0].positions.ru),
            "перемир",
            "{q}"
        );
    }
}

#[test]
fn latin_queries_find_cyrillic_terms_and_back() {
    let report = russian_report(
        "Лукашенко попросил о поставках новейшего комплекса «Орешник», на что получил согласие.",
    );
    let other = russian_report("Президенты обсудили экономику и получили согласие.");
    let ix = index(&report, &[&report, &other]);
    assert!(
        ix.topics()
            .iter()
            .any(|t| t.kind == TopicKind::Term && t.snippet.ru.contains("«Орешник»"))
    );
    for q in ["oreshnik", "ОРЕШНИК", "орешник", "Орешник"] {
        let hits = ix.query(q, 5);
        assert!(!hits.is_empty(), "{q}");
        assert_eq!(
            highlighted(&hits[0].snippet.ru, &hits[0].positions.ru),
            "Орешник",
            "{q}"
        );
    }
    let hits = ix.query("integratsiya", 1);
    assert_eq!(ix.topics()[hits[0].topic].kind, TopicKind::Heading);
}

#[test]
fn key_terms_stand_out_against_the_library_and_skip_speaker_names() {
    let t = press_conference();
    let elsewhere = russian_report("Экономика и торговля растёт, уважаемые коллеги.");
    let ix = index(&t, &[&t, &elsewhere]);
    let terms: Vec<&str> = of_kind(&ix, TopicKind::Term)
        .iter()
        .map(|t| t.snippet.ru.as_str())
        .collect();
    assert!(terms.contains(&"Но есть нюансы по Курской области."), "{terms:?}");

    let mut named = russian_report("Путин, Путин, Путин. Обсуждали Орешник.");
    named
        .speakers
        .push(speaker("putin", "Vladimir Putin", "Владимир Путин"));
    let background = TermStats::from_library(&[&named, &elsewhere]);
    let key = terms::key_stems(&named, Lang::Ru, &background, &mut terms::Stems::default());
    assert!(key.contains_key("орешник"), "{key:?}");
    assert!(
        !key.contains_key("путин"),
        "a speaker's name is no key term: {key:?}"
    );
    // Every sentence can be jumped to all the same.
    let ix = index(&named, &[&named, &elsewhere]);
    assert_eq!(ix.query("путин", 5).len(), 1);
}

#[test]
fn snippets_are_bounded_and_keep_the_term_in_view() {
    let filler = "Стороны обсудили вопросы сотрудничества в различных сферах экономики. ".repeat(6);
    let text = format!("{filler}Отдельно речь шла о комплексе «Орешник» и его поставках. {filler}");
    let report = russian_report(&text);
    let ix = index(&report, &[&report, &russian_report(&filler)]);
    for topic in ix.topics() {
        assert!(
            topic.snippet.ru.chars().count() <= SNIPPET_CHARS,
            "{}",
            topic.snippet.ru
        );
    }
    let hits = ix.query("oreshnik", 1);
    assert!(hits[0].snippet.ru.contains("Орешник"), "{hits:?}");
}

#[test]
fn blank_queries_and_limits() {
    let t = press_conference();
    let ix = index(&t, &[&t]);
    assert!(ix.query("", 10).is_empty());
    assert!(ix.query("   ", 10).is_empty());
    assert!(ix.query(" ?! ", 10).is_empty());
    assert!(ix.query("c", 0).is_empty());
    let all = ix.query("c", 50);
    assert!(all.len() >= 2, "{all:?}");
    assert_eq!(ix.query("c", 1), all[..1]);
    // A long query is cut to its first words, which still find the ceasefire.
    let long = "ceasefire ".repeat(100);
    assert_eq!(ix.query(&long, 5), ix.query("ceasefire ".repeat(12).trim(), 5));
    assert!(!ix.query(&long, 5).is_empty());
}

#[test]
fn a_letter_or_two_match_word_starts() {
    let t = press_conference();
    let ix = index(&t, &[&t]);
    for q in ["c", "ce", "к", "ку", "q"] {
        let hits = ix.query(q, 50);
        assert!(!hits.is_empty(), "{q}");
        for hit in &hits {
            // Each highlighted run starts a word.
            let starts_word = Lang::BOTH.iter().any(|&l| {
                let ps = &hit.positions[l];
                let chars: Vec<char> = hit.snippet[l].chars().collect();
                !ps.is_empty()
                    && ps.iter().all(|&p| {
                        p.checked_sub(1)
                            .is_none_or(|b| ps.contains(&b) || !chars[b].is_alphanumeric())
                    })
            });
            assert!(starts_word, "{q}: {hit:?}");
        }
    }
    assert_eq!(ix.topics()[ix.query("q", 1)[0].topic].snippet.en, "Q&A");
    // Inside a word: nothing for two letters, a match from three.
    assert!(
        !ix.query("ea", 50)
            .iter()
            .any(|h| ix.topics()[h.topic].snippet.en.contains("ceasefire?"))
    );
    let hits = ix.query("eas", 50);
    assert_eq!(ix.topics()[hits[0].topic].kind, TopicKind::Question);
    assert_eq!(highlighted(&hits[0].snippet.en, &hits[0].positions.en), "eas");
}

#[test]
fn word_forms_find_topics_and_highlight_the_whole_word() {
    let t = press_conference();
    let ix = index(&t, &[&t]);
    for (q, kind, word) in [
        ("перемирие", TopicKind::Question, "перемирию"),
        ("peremirie", TopicKind::Question, "перемирию"),
        ("ceasefires", TopicKind::Question, "ceasefire"),
        // The very word before another form of it.
        ("перемирия", TopicKind::Opening, "перемирия"),
    ] {
        let hits = ix.query(q, 5);
        assert!(!hits.is_empty(), "{q}");
        let topic = &ix.topics()[hits[0].topic];
        assert_eq!(topic.kind, kind, "{q}");
        let shown = highlighted(&hits[0].snippet.ru, &hits[0].positions.ru)
            + &highlighted(&hits[0].snippet.en, &hits[0].positions.en);
        assert_eq!(shown, word, "{q}");
    }
    // Every content word must be there, in either language.
    assert_eq!(
        ix.query("ceasefire перемирию", 5)[0].topic,
        ix.query("ceasefire", 1)[0].topic
    );
    assert!(ix.query("ceasefire harvest", 5).is_empty());
}

#[test]
fn a_question_is_listed_once() {
    let t = press_conference();
    let ix = index(&t, &[&t]);
    let hits = ix.query("readiness", 10);
    let snippets: Vec<&str> = hits
        .iter()
        .map(|h| ix.topics()[h.topic].snippet.en.as_str())
        .collect();
    assert_eq!(
        snippets,
        ["How do you assess Ukraine’s readiness for a ceasefire?"],
        "the question, not also a key-term topic of the same sentence"
    );
}

const STRESS: char = '\u{301}';

proptest::proptest! {
    #[test]
    fn hits_point_at_snippet_words(
        text in "[a-zA-Zа-яА-ЯёЁщЩ\u{301}’«» ,.?!]{0,200}",
        q in "[a-zа-яё щ]{0,6}",
    ) {
        let t = russian_report(&text);
        let ix = index(&t, &[&t]);
        for hit in ix.query(&q, 10) {
            for l in Lang::BOTH {
                let n = hit.snippet[l].chars().count();
                let ps = &hit.positions[l];
                proptest::prop_assert!(ps.windows(2).all(|w| w[0] < w[1]) && ps.iter().all(|&p| p < n));
                // Highlighted chars are letters (or the stress marks on them).
                let chars: Vec<char> = hit.snippet[l].chars().collect();
                let letter = |p: &usize| chars[*p].is_alphabetic() || chars[*p] == STRESS;
                proptest::prop_assert!(ps.iter().all(letter), "{:?} {:?}", ps, chars);
            }
            proptest::prop_assert!(!hit.positions.en.is_empty() || !hit.positions.ru.is_empty());
        }
    }
}

#[test]
fn letters_strewn_through_unrelated_words_are_no_match() {
    let report = russian_report("Стороны обсудили актуальные вопросы. Визит в Курскую область.");
    let ix = index(&report, &[&report]);
    let hits = ix.query("kursk", 10);
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert!(ix.topics()[hits[0].topic].snippet.ru.contains("Курскую"));
    assert!(ix.query("tramp", 10).is_empty());
    // A letter skipped is still a match.
    assert_eq!(ix.query("krsk", 10).len(), 1);
}
