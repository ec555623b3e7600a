//! Ingest on inputs that used to lose text or merge people: marker-like speech, `Source:` inside a turn,
//! names in scripts transliteration does not cover, labels with no speech.

use stenogram::ingest::{is_qa_heading, parse};
use stenogram::model::{BlockKind, Lang};

fn turn_texts(text: &str, lang: Lang) -> Vec<String> {
    let t = parse(text).transcript;
    t.version(lang)
        .map(|v| {
            v.blocks
                .iter()
                .filter(|b| matches!(b.kind, BlockKind::Turn(_)))
                .flat_map(|b| b.paragraphs.iter().map(|p| p.text.clone()))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn speech_mentioning_an_original_is_kept() {
    let text =
        "В.Путин: Добрый день.\nА.Лукашенко: Здравствуйте.\nВ.Путин: Спасибо за оригинальный вопрос.\n";
    assert_eq!(
        turn_texts(text, Lang::Ru),
        ["Добрый день.", "Здравствуйте.", "Спасибо за оригинальный вопрос."]
    );
    // A last line that is not a label but holds the word inside another word is speech too.
    let text = "В.Путин: Добрый день.\nА.Лукашенко: Здравствуйте.\nЭто оригинальный подход.\n";
    assert_eq!(
        turn_texts(text, Lang::Ru).last().map(String::as_str),
        Some("Это оригинальный подход.")
    );
}

#[test]
fn source_inside_a_speech_is_speech() {
    let text = "Vladimir Putin: Good afternoon.\nAleksandr Lukashenko: Hello.\nVladimir Putin: Where did you read it?\n\
                Aleksandr Lukashenko: Nowhere.\nSource: I heard it from a friend in the ministry.\n\
                Vladimir Putin: I see.\nAleksandr Lukashenko: Yes.\nVladimir Putin: Thank you.\n";
    let t = parse(text).transcript;
    let v = t.version(Lang::En).expect("English");
    assert_eq!(v.meta.source, None);
    assert!(
        turn_texts(text, Lang::En).contains(&"Source: I heard it from a friend in the ministry.".to_string()),
        "{v:#?}"
    );
}

#[test]
fn different_greek_names_are_different_speakers() {
    let text =
        "Κυριάκος Μητσοτάκης: Καλησπέρα.\nΑλέξης Τσίπρας: Ευχαριστώ.\nΚυριάκος Μητσοτάκης: Παρακαλώ.\n";
    let t = parse(text).transcript;
    let names: Vec<&str> = t.speakers.iter().map(|s| s.name.en.as_str()).collect();
    assert_eq!(t.speakers.len(), 2, "{names:?}");
    assert_ne!(t.speakers[0].id, t.speakers[1].id);
}

#[test]
fn labels_without_speech_make_no_speakers() {
    let text = "Vladimir Putin:\nAleksandr Lukashenko:\nV. Putin:\n";
    let t = parse(text).transcript;
    assert_eq!(t.speakers.len(), 0, "{:#?}", t.speakers);
    // Among speakers who speak, one who never does is dropped and the indices still point right.
    let text = "Vladimir Putin:\nAleksandr Lukashenko: Hello.\nNatalia Breus: Good evening.\n";
    let t = parse(text).transcript;
    let ids: Vec<&str> = t.speakers.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["lukashenko", "breus"]);
    let v = t.version(Lang::En).expect("English");
    let who: Vec<&str> = v
        .blocks
        .iter()
        .filter_map(|b| match b.kind {
            BlockKind::Turn(s) => Some(t.speakers[s].id.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(who, ["lukashenko", "breus"]);
}

#[test]
fn question_and_answer_headings() {
    for yes in [
        "Q&A",
        "Вопросы и ответы",
        "Ответы на вопросы",
        "Questions and answers",
        "q & a",
        "QUESTIONS AND ANSWERS:",
    ] {
        assert!(is_qa_heading(yes), "{yes}");
    }
    for no in ["Вопросы безопасности", "Questions of security", "Q"] {
        assert!(!is_qa_heading(no), "{no}");
    }
}

#[test]
fn a_related_list_ends_at_a_heading_or_a_label() {
    let ru = |text: &str| {
        let t = parse(text).transcript;
        let v = t.version(Lang::Ru).expect("Russian").clone();
        v.blocks
            .iter()
            .map(|b| {
                (
                    b.kind,
                    b.paragraphs.iter().map(|p| p.text.clone()).collect::<Vec<_>>(),
                )
            })
            .collect::<Vec<_>>()
    };
    let blocks = ru(
        "Встреча прошла в Минске.\n\nДополнительно\n- Совместное заявление президентов\n\
                     - Список подписанных документов\nИнтеграция и экономика\nСтороны обсудили торговлю.\n",
    );
    assert_eq!(
        blocks[1],
        (
            BlockKind::Related,
            vec![
                "Дополнительно".to_string(),
                "Совместное заявление президентов".into(),
                "Список подписанных документов".into()
            ]
        )
    );
    assert_eq!(
        blocks[2],
        (BlockKind::Heading, vec!["Интеграция и экономика".to_string()])
    );
    // Unbulleted link titles are items; a short heading-shaped line or a label after them is not.
    let blocks = ru(
        "Встреча прошла в Минске.\n\nЧитайте также:\nПутин и Лукашенко обсудили интеграцию двух стран\n\
                     Итоги:\nСтороны обсудили торговлю.\n",
    );
    assert_eq!(
        blocks[1].1,
        [
            "Читайте также:",
            "Путин и Лукашенко обсудили интеграцию двух стран"
        ]
    );
    assert!(
        blocks[2..].iter().all(|(k, _)| *k != BlockKind::Related),
        "{blocks:?}"
    );
}

#[test]
fn sentences_ending_in_a_colon_are_not_called_labels() {
    let text = "В.Путин: Добрый день.\nА.Лукашенко: Здравствуйте.\nОн сказал так:\nВсё будет хорошо.\nИтоги:\n\
                Договорились о многом.\nВ связи с этим хочу сказать следующее:\nСпасибо.\n";
    let p = parse(text);
    assert_eq!(p.warnings, [], "{:#?}", p.warnings);
}
