//! Ingest of small documents: every speaker-label form and every look-alike that is not a label,
//! the shapes of input (one language, both in one file, a pair) and structural lines.

mod ingest_support;

use ingest_support::{o, outline, version};
use stenogram::ingest::{parse, parse_pair};
use stenogram::model::Lang;

#[test]
fn labels_on_their_own_line_with_or_without_colon() {
    let p =
        parse("Vladimir Putin:\nGood afternoon.\nAleksandr Lukashenko\nThank you.\nV. Putin:\nWelcome.\n");
    assert_eq!(
        outline(&p, Lang::En),
        o(&[
            ("putin", "Good afternoon."),
            ("lukashenko", "Thank you."),
            ("putin", "Welcome.")
        ])
    );
    assert_eq!(p.transcript.speakers.len(), 2);
}

#[test]
fn russian_initials_inline_and_alone() {
    let p = parse(
        "В.Путин\nДобрый день.\nА.Г.Лукашенко: Спасибо.\nН.Бреус: Здравствуйте!\nА.Лукашенко:\nДа.\nПутин: Хорошо.\n",
    );
    assert_eq!(
        outline(&p, Lang::Ru),
        o(&[
            ("putin", "Добрый день."),
            ("lukashenko", "Спасибо."),
            ("breus", "Здравствуйте!"),
            ("lukashenko", "Да."),
            // A lone surname counts because В.Путин is labelled for sure.
            ("putin", "Хорошо."),
        ])
    );
    let names: Vec<(&str, &str)> = p
        .transcript
        .speakers
        .iter()
        .map(|s| (s.name.ru.as_str(), s.name.en.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            ("В.Путин", "V.Putin"),
            ("А.Г.Лукашенко", "A.G.Lukashenko"),
            ("Н.Бреус", "N.Breus")
        ]
    );
    assert!(
        p.transcript
            .speakers
            .iter()
            .all(|s| s.transliterated.en && !s.transliterated.ru)
    );
}

#[test]
fn titles_and_annotations_are_not_names() {
    let p = parse(
        "President of Russia Vladimir Putin: Mr Lukashenko, welcome.\n\
         President of the Republic of Belarus Alexander Lukashenko: Thank you.\n\
         Vladimir Putin: Please.\n\
         T. Carlson (as translated): A question.\n",
    );
    assert_eq!(
        outline(&p, Lang::En),
        o(&[
            ("putin", "Mr Lukashenko, welcome."),
            ("lukashenko", "Thank you."),
            ("putin", "Please."),
            ("carlson", "A question."),
        ])
    );
    assert_eq!(p.transcript.speakers[0].name.en, "Vladimir Putin");
    assert_eq!(p.transcript.speakers[1].name.en, "Alexander Lukashenko");
    let p = parse("Президент России Владимир Путин: Добрый день.\nТ.Карлсон (как переведено): Спасибо.\n");
    assert_eq!(
        outline(&p, Lang::Ru),
        o(&[("putin", "Добрый день."), ("karlson", "Спасибо.")])
    );
    assert_eq!(p.transcript.speakers[0].name.ru, "Владимир Путин");
}

#[test]
fn generic_roles_are_anonymous_speakers() {
    let p = parse("Question: What next?\nV. Putin: We will see.\nQuestion: When?\n");
    assert_eq!(
        outline(&p, Lang::En),
        o(&[
            ("question", "What next?"),
            ("putin", "We will see."),
            ("question", "When?")
        ])
    );
    let p = parse("Вопрос: Что дальше?\nВ.Путин: Посмотрим.\nРеплика: Спасибо.\n");
    assert_eq!(
        outline(&p, Lang::Ru),
        o(&[
            ("question", "Что дальше?"),
            ("putin", "Посмотрим."),
            ("remark", "Спасибо.")
        ])
    );
    assert_eq!(p.transcript.speakers[0].name.ru, "Вопрос");
    assert_eq!(p.transcript.speakers[0].name.en, "Question");
}

#[test]
fn sentences_ending_in_a_colon_quotes_and_list_items_are_speech() {
    let text = "В.Путин: Добрый день.\n\
                Я говорю: слушай, у тебя сегодня гривна.\n\
                Первый вопрос Владимиру Владимировичу: как Вы оцениваете?\n\
                Самое главное: в очередной раз не получится.\n\
                Тогда возникает вопрос: как будут решаться вопросы?\n\
                «Путин: мы готовы».\n\
                - Первое: работа.\n\
                Second: what about the rest?\n";
    let p = parse(text);
    let t = &p.transcript;
    assert_eq!(t.speakers.len(), 1);
    let ru = version(t, Lang::Ru);
    assert_eq!(ru.blocks.len(), 1);
    assert_eq!(ru.blocks[0].paragraphs.len(), 8);
    assert_eq!(ru.blocks[0].paragraphs[6].text, "- Первое: работа.");
    assert!(p.warnings.is_empty(), "{:?}", p.warnings);
}

#[test]
fn headings_and_related_lists_are_not_labels() {
    let text = "Лукашенко назвал интеграцию беспрецедентной.\n\nИнтеграция и экономика\n\nТоварооборот вырос.\n\n\
                Безопасность и санкционное давление\n\nЛидеры уделили внимание безопасности.\n\nЧитайте также:\n";
    let p = parse(text);
    assert!(p.transcript.speakers.is_empty());
    assert_eq!(
        outline(&p, Lang::Ru),
        o(&[
            ("narration", "Лукашенко назвал интеграцию беспрецедентной."),
            ("heading", "Интеграция и экономика"),
            ("narration", "Товарооборот вырос."),
            ("heading", "Безопасность и санкционное давление"),
            ("narration", "Лидеры уделили внимание безопасности."),
            ("related", "Читайте также:"),
        ])
    );
    let p = parse("V. Putin: Thank you.\nQ&A\nN. Breus: Hello!\nSee also\nDays of Russian Culture\n");
    assert_eq!(
        outline(&p, Lang::En),
        o(&[
            ("putin", "Thank you."),
            ("heading", "Q&A"),
            ("breus", "Hello!"),
            ("related", "See also")
        ])
    );
    let related = &version(&p.transcript, Lang::En).blocks[3];
    assert_eq!(related.paragraphs[1].text, "Days of Russian Culture");
}

#[test]
fn a_bare_name_needs_evidence_or_speech_after_it() {
    // Followed by speech: a label.
    let p = parse("Lead paragraph of the report.\nAleksandr Lukashenko\nThank you very much.\n");
    assert_eq!(
        outline(&p, Lang::En),
        o(&[
            ("narration", "Lead paragraph of the report."),
            ("lukashenko", "Thank you very much.")
        ])
    );
    // A lone surname without evidence is a heading.
    let p = parse("Lead paragraph of the report.\nLukashenko\nHe spoke about trade.\n");
    assert!(p.transcript.speakers.is_empty());
    assert_eq!(
        outline(&p, Lang::En)[1],
        ("heading".to_string(), "Lukashenko".to_string())
    );
}

#[test]
fn a_refused_label_look_alike_is_a_warning() {
    let p = parse("V. Putin: Good afternoon.\nPrime Minister:\nWe met today.\n");
    assert_eq!(p.warnings.len(), 1, "{:?}", p.warnings);
    assert_eq!(p.warnings[0].line, 2);
    assert!(p.warnings[0].message.contains("Prime Minister:"));
    assert_eq!(version(&p.transcript, Lang::En).blocks[0].paragraphs.len(), 3);
}

#[test]
fn one_identity_across_languages_and_spellings() {
    let text = "Moscow, 13 March 2025\nV. Putin:\nHello.\nAlexander Lukashenko:\nThanks.\nI. Yezhov:\nHello! Ilya Yezhov, RIA Novosti.\n\
                Source: Website – Original text below\n\
                В.Путин: Здравствуйте.\nА.Лукашенко: Спасибо.\nИ.Ежов: Добрый день.\nА.Пыж: Вопрос.\n";
    let p = parse(text);
    let t = &p.transcript;
    let speakers: Vec<(&str, &str, &str)> = t
        .speakers
        .iter()
        .map(|s| (s.id.as_str(), s.name.en.as_str(), s.name.ru.as_str()))
        .collect();
    assert_eq!(
        speakers,
        [
            ("putin", "V. Putin", "В.Путин"),
            ("lukashenko", "Alexander Lukashenko", "А.Лукашенко"),
            ("yezhov", "Ilya Yezhov", "И.Ежов"),
            ("pyzh", "A.Pyzh", "А.Пыж"),
        ]
    );
    assert!(t.speakers[3].transliterated.en);
    assert_eq!(version(t, Lang::En).meta.source.as_deref(), Some("Website"));
    assert_eq!(version(t, Lang::Ru).blocks[0].paragraphs[0].line, 9);
}

#[test]
fn different_initials_are_different_people() {
    let p = parse("V. Putin: One.\nA. Putin: Two.\nV. Putin: Three.\n");
    let ids: Vec<&str> = p.transcript.speakers.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["putin", "putin-2"]);
}

#[test]
fn russian_first_then_english_is_split_too() {
    let p = parse(
        "В.Путин: Добрый день.\nА.Лукашенко: Спасибо.\nV. Putin: Good afternoon.\nA. Lukashenko: Thank you.\n",
    );
    let t = &p.transcript;
    assert_eq!(t.langs(), [Lang::En, Lang::Ru]);
    assert_eq!(version(t, Lang::Ru).blocks.len(), 2);
    assert_eq!(version(t, Lang::En).blocks[0].paragraphs[0].line, 3);
    assert_eq!(t.speakers.len(), 2);
}

#[test]
fn an_english_quote_in_a_russian_report_does_not_split_it() {
    let p = parse(
        "Путин сказал журналистам о переговорах.\n\"We will see\", he said.\nЛукашенко согласился.\nОбе стороны довольны.\n",
    );
    assert_eq!(p.transcript.langs(), [Lang::Ru]);
}

#[test]
fn a_pair_is_one_transcript() {
    let p = parse_pair("V. Putin: Good afternoon.\n", "В.Путин: Добрый день.\n");
    let t = &p.transcript;
    assert_eq!(t.langs(), [Lang::En, Lang::Ru]);
    assert_eq!(t.speakers.len(), 1);
    assert!(!t.speakers[0].transliterated.en && !t.speakers[0].transliterated.ru);
    assert_eq!(version(t, Lang::Ru).blocks[0].paragraphs[0].line, 1);
    assert!(p.warnings.is_empty());

    // Given the wrong way round, each file in the other language: read the right way round, and said so.
    let swapped = parse_pair("В.Путин: Добрый день.\n", "V. Putin: Good afternoon.\n");
    assert_eq!(swapped.transcript, p.transcript);
    let messages: Vec<&str> = swapped.warnings.iter().map(|w| w.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "the file given as English is Russian and the one given as Russian is English: read the other way round"
        ]
    );
}

#[test]
fn breaks_and_text_after_them() {
    // After an omission mark the speaker goes on; after a section break the text is narration.
    let p = parse("Lead.\n* * *\nV. Putin: Hello.\n<…>\nAfter the omission.\n* * *\nAfter the break.\n");
    assert_eq!(
        outline(&p, Lang::En),
        o(&[
            ("narration", "Lead."),
            ("break", "* * *"),
            ("putin", "Hello."),
            ("break", "<…>"),
            ("putin", "After the omission."),
            ("break", "* * *"),
            ("narration", "After the break."),
        ])
    );
}

#[test]
fn empty_and_blank_input_has_no_versions() {
    assert!(parse("").transcript.langs().is_empty());
    assert!(parse("\n  \n\t\n").transcript.langs().is_empty());
}

#[test]
fn a_recurring_lone_word_is_a_label_only_if_it_stands_alone_once() {
    let speech = "V. Putin: Well.\nFirst: one.\nSecond: two.\nFirst: three.\nSecond: four.\nFirst: five.\nSecond: six.\n";
    assert_eq!(parse(speech).transcript.speakers.len(), 1);
    let surnames = "PUTIN:\nGood afternoon.\nLUKASHENKO: Thanks.\nPUTIN: Well.\nLUKASHENKO: Yes.\nPUTIN: Bye.\nLUKASHENKO:\nBye.\n";
    let p = parse(surnames);
    let ids: Vec<&str> = p.transcript.speakers.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["putin", "lukashenko"]);
    assert_eq!(version(&p.transcript, Lang::En).blocks.len(), 6);
}

#[test]
fn text_after_a_list_of_links_is_not_the_last_speakers() {
    let p = parse(
        "V. Putin: Thank you.\nSee also\n- Joint statement\n- List of documents\nThe visit ends tomorrow.\n",
    );
    assert_eq!(
        outline(&p, Lang::En),
        o(&[
            ("putin", "Thank you."),
            ("related", "See also"),
            ("narration", "The visit ends tomorrow.")
        ])
    );
    let related = &version(&p.transcript, Lang::En).blocks[1];
    assert_eq!(related.paragraphs[1].text, "Joint statement");
}

#[test]
fn hard_wrapped_lines_are_joined_into_their_paragraph() {
    let text = "V. Putin: We discussed trade and\nsecurity at length.\nThen we had lunch\n\nwhich was good.\nNext year\nWe will meet again.\n";
    let p = parse(text);
    let paragraphs: Vec<(&str, u32)> = version(&p.transcript, Lang::En).blocks[0]
        .paragraphs
        .iter()
        .map(|p| (p.text.as_str(), p.line))
        .collect();
    assert_eq!(
        paragraphs,
        [
            ("We discussed trade and security at length.", 1),
            // A blank line or a capital letter starts a new paragraph.
            ("Then we had lunch", 3),
            ("which was good.", 5),
            ("Next year", 6),
            ("We will meet again.", 7),
        ]
    );
}

#[test]
fn a_title_line_and_a_dateline_are_metadata() {
    let p = parse(
        "Joint press conference with President of Belarus Alexander Lukashenko\nMoscow, 13 March 2025\nThe leaders spoke.\nVladimir Putin: Good afternoon.\n",
    );
    let en = version(&p.transcript, Lang::En);
    assert_eq!(
        en.meta.title.as_deref(),
        Some("Joint press conference with President of Belarus Alexander Lukashenko")
    );
    assert_eq!(en.meta.place.as_deref(), Some("Moscow"));
    assert_eq!(en.meta.date.as_deref(), Some("13 March 2025"));
    assert_eq!(
        outline(&p, Lang::En),
        o(&[("narration", "The leaders spoke."), ("putin", "Good afternoon.")])
    );
}

#[test]
fn surnames_in_capitals_are_a_label_style() {
    let p =
        parse("ПУТИН: Добрый день.\nЛАВРОВ: Спасибо.\nПУТИН:\nПожалуйста.\nВопрос: Когда?\nПУТИН: Скоро.\n");
    assert_eq!(
        outline(&p, Lang::Ru),
        o(&[
            ("putin", "Добрый день."),
            ("lavrov", "Спасибо."),
            ("putin", "Пожалуйста."),
            ("question", "Когда?"),
            ("putin", "Скоро."),
        ])
    );
}

#[test]
fn a_news_quote_is_not_a_turn() {
    let p = parse(
        "Путин и Лукашенко провели переговоры.\nВладимир Путин: «Мы готовы к диалогу».\nЛукашенко согласился.\n",
    );
    assert!(p.transcript.speakers.is_empty());
    assert_eq!(version(&p.transcript, Lang::Ru).blocks.len(), 1);
}

#[test]
fn a_parallel_text_alternating_by_paragraph_is_two_versions() {
    let text = "V. Putin: Good afternoon.\nВ.Путин: Добрый день.\n* * *\nWe discussed trade.\nМы обсудили торговлю.\nA. Lukashenko: Thank you.\nА.Лукашенко: Спасибо.\n";
    let p = parse(text);
    let t = &p.transcript;
    assert_eq!(t.langs(), [Lang::En, Lang::Ru]);
    assert_eq!(
        outline(&p, Lang::En),
        o(&[
            ("putin", "Good afternoon."),
            ("break", "* * *"),
            ("narration", "We discussed trade."),
            ("lukashenko", "Thank you.")
        ])
    );
    assert_eq!(
        outline(&p, Lang::Ru),
        o(&[
            ("putin", "Добрый день."),
            ("break", "* * *"),
            ("narration", "Мы обсудили торговлю."),
            ("lukashenko", "Спасибо.")
        ])
    );
    assert_eq!(version(t, Lang::Ru).blocks[3].paragraphs[0].line, 7);
    assert_eq!(t.speakers.len(), 2);
}
