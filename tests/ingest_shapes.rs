//! Ingest of transcript shapes beyond press transcripts: labels inside lines, initials of a name given
//! earlier, plays (acts, scenes, characters, stage directions), books' chapter headings, audience
//! reactions. The fixtures `tests/data/interview.*` and `tests/data/play.*` are the project's own text.

mod ingest_support;

use ingest_support::{hard_wrapped, o, outline, version};
use stenogram::ingest::{Parsed, parse, parse_pair};
use stenogram::model::{BlockKind, Lang};

/// The first paragraphs of the blocks of one kind.
fn of_kind(p: &Parsed, lang: Lang, kind: &str) -> Vec<String> {
    outline(p, lang)
        .into_iter()
        .filter(|(k, _)| k == kind)
        .map(|(_, t)| t)
        .collect()
}

/// Who speaks each turn, in order, with runs of one speaker counted once.
fn speaker_runs(p: &Parsed, lang: Lang) -> Vec<String> {
    let t = &p.transcript;
    let mut runs: Vec<String> = Vec::new();
    for b in &version(t, lang).blocks {
        if let BlockKind::Turn(s) = b.kind {
            let id = &t.speakers[s].id;
            if runs.last() != Some(id) {
                runs.push(id.clone());
            }
        }
    }
    runs
}

fn fixture(name: &str) -> Parsed {
    let read = |lang: &str| {
        let path = format!("{}/tests/data/{name}.{lang}.txt", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    };
    parse_pair(&read("en"), &read("ru"))
}

fn all_text(p: &Parsed, lang: Lang) -> String {
    version(&p.transcript, lang)
        .paragraphs()
        .map(|(_, p)| p.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn interview_english_labels_inside_lines_and_initials_of_full_names() {
    let p = fixture("interview");
    let en = outline(&p, Lang::En);
    assert_eq!(
        en[..8],
        o(&[
            (
                "narration",
                "Anna Carter talks with the architect Mark Tolley about the houses he builds from clay and straw."
            ),
            ("narration", "(Applause)"),
            (
                "carter",
                "Mark, thank you for coming all the way from the north. Your train arrived at 10:30, and you came straight here."
            ),
            (
                "tolley",
                "It is a pleasure to be here, Anna. I have never spoken to so many people at once."
            ),
            ("carter", "So, we've got a picture?"),
            (
                "tolley",
                "This is my home. It took two summers to build, and most of it is earth from the field behind it."
            ),
            ("carter", "Two summers is not long for a house."),
            (
                "tolley",
                "No, it is not. My neighbour said: you will never finish it before the rains."
            ),
        ])
    );
    // `AC` and `MT` are the people named in full before; they alternate to the end.
    let runs = speaker_runs(&p, Lang::En);
    assert_eq!(runs.len(), 22, "{runs:?}");
    assert!(
        runs.chunks(2)
            .all(|pair| pair[0] == "carter" && pair.get(1).is_none_or(|k| k == "tolley")),
        "{runs:?}"
    );
    assert_eq!(
        of_kind(&p, Lang::En, "narration")[1..],
        ["(Applause)", "(Laughter)", "(Laughter)"]
    );
    assert!(of_kind(&p, Lang::En, "heading").is_empty());
    // An ordinary colon at a line's start stays in the speech.
    let text = all_text(&p, Lang::En);
    assert!(
        text.contains("\nNote: this only works if you do not cover the wall with paint.\n"),
        "{text}"
    );
    assert!(!text.contains("AC:") && !text.contains("MT:"), "{text}");
}

#[test]
fn interview_russian_labels_at_line_starts_and_alone() {
    let p = fixture("interview");
    let runs = speaker_runs(&p, Lang::Ru);
    assert_eq!(runs.len(), 22, "{runs:?}");
    let (host, guest) = (&runs[0], &runs[1]);
    assert_eq!([host.as_str(), guest.as_str()], ["carter", "tolley"]);
    assert!(
        runs.chunks(2)
            .all(|pair| &pair[0] == host && pair.get(1).is_none_or(|k| k == guest)),
        "{runs:?}"
    );
    let speaker = |id: &str| {
        let s = p
            .transcript
            .speakers
            .iter()
            .find(|s| s.id == *id)
            .expect("speaker");
        s.name.ru.clone()
    };
    // `АК:` and `МТ:` are the full names given at first, and one speaker with the English.
    assert_eq!(speaker(host), "Анна Картер");
    assert_eq!(speaker(guest), "Марк Толли");
    assert_eq!(
        of_kind(&p, Lang::Ru, "narration")[1..],
        ["(Аплодисменты)", "Смех", "(Смех)", "(Аплодисменты)"]
    );
    let text = all_text(&p, Lang::Ru);
    assert!(!text.contains("АК:") && !text.contains("МТ:"), "{text}");
    assert!(text.contains("Мой сосед сказал: ты ни за что"), "{text}");
}

#[test]
fn play_acts_scenes_characters_and_directions() {
    let p = fixture("play");
    assert_eq!(
        of_kind(&p, Lang::En, "heading"),
        [
            "Act I",
            "Scene II. A room in Capulet's house",
            "Scene III. A street"
        ]
    );
    assert_eq!(
        of_kind(&p, Lang::Ru, "heading"),
        ["Акт I", "Сцена II. Комната в доме Капулетти", "Сцена III. Улица"]
    );
    assert_eq!(
        of_kind(&p, Lang::En, "narration"),
        [
            "(Enter Lady Capulet and Nurse.)",
            "(Enter Juliet.)",
            "(Enter Peter.)",
            "(Exit Peter.)",
            "[Exeunt]",
            "(Enter Peter, alone.)",
            "(Exit.)"
        ]
    );
    assert_eq!(of_kind(&p, Lang::Ru, "narration").len(), 7);
    let names = |lang: Lang| {
        let mut names: Vec<String> = speaker_runs(&p, lang)
            .iter()
            .map(|id| {
                let s = p
                    .transcript
                    .speakers
                    .iter()
                    .find(|s| s.id == *id)
                    .expect("speaker");
                s.name[lang].clone()
            })
            .collect();
        names.sort();
        names.dedup();
        names
    };
    assert_eq!(names(Lang::En), ["Juliet", "Lady Capulet", "Nurse", "Peter"]);
    assert_eq!(
        names(Lang::Ru),
        ["Джульетта", "Кормилица", "Пьетро", "Синьора Капулетти"]
    );
    assert_eq!(speaker_runs(&p, Lang::En).len(), 19);
    assert_eq!(speaker_runs(&p, Lang::Ru).len(), 19);
    assert!(all_text(&p, Lang::En).contains("The cook says: carry the dishes"));
}

#[test]
fn section_headings_are_headings_never_speakers() {
    for heading in [
        "Act I",
        "Act II",
        "Scene II",
        "ACT III. SCENE 1.",
        "Chapter IV",
        "Chapter I. Down the Rabbit-Hole",
        "Chapter XI. Who Stole the Tarts?",
        "Part One",
        "Prologue",
        "Глава первая",
        "Глава II. Море слёз",
        "Акт I",
        "Действие второе",
        "Сцена 2",
        "Часть первая",
    ] {
        let text = format!("Some text before it.\n\n{heading}\n\nSome text after it.\n\nMore text.\n");
        let p = parse(&text);
        assert!(p.transcript.speakers.is_empty(), "{heading}");
        let lang = p.transcript.langs()[0];
        assert_eq!(of_kind(&p, lang, "heading"), [heading], "{heading}");
    }
    // A section heading ends a speaker's turn.
    let p =
        parse("Nurse: Good night.\nJuliet: Good night.\nAct II\nNurse: Morning.\nJuliet: Yes.\nScene I\n");
    assert_eq!(of_kind(&p, Lang::En, "heading"), ["Act II", "Scene I"]);
    for text in [
        "Part I think is the hardest.",
        "Act of God, they called it.",
        "Chapter and verse, he said",
    ] {
        let p = parse(&format!("Text.\n\n{text}\n\nMore text.\n"));
        assert!(of_kind(&p, Lang::En, "heading").is_empty(), "{text}");
    }
}

/// Stanzas and chapters numbered alone on their lines (`VIII`, `Word One`, `Слово первое`) are headings:
/// read as names, each would make a speaker of the number and a turn of its text.
#[test]
fn numbered_stanzas_and_chapters_are_headings_never_speakers() {
    let poem = "VIII\n\nWhat Eugene knew of in addition,\nI have no leisure to impart,\n\nXIII\n\n\
                How soon he learned the skill of feigning,\nOf seeming jealous, hiding hope,\n\nXXXIX. XL. XLI\n\n\
                ……………………………………\n\nXLII\n\nCapricious ladies of society!\n";
    let russian = "VIII\n\nВсего, что знал ещё Евгений,\nПересказать мне недосуг;\n\nXIII\n\n\
                   Как рано мог он лицемерить,\nТаить надежду, ревновать,\n\nXXXIX. XL. XLI\n\n\
                   ……………………………………\n\nXLII\n\nКапризные красавицы!\n";
    // Each numeral stands alone on its line in both versions, as a recurring name in capitals would.
    let p = parse_pair(poem, russian);
    assert!(p.transcript.speakers.is_empty());
    for lang in [Lang::En, Lang::Ru] {
        assert_eq!(
            of_kind(&p, lang, "heading"),
            ["VIII", "XIII", "XXXIX. XL. XLI", "XLII"]
        );
    }
    let book = "Word One\n\nWhether for good or ill, I have lived my life.\n\nWord Two\n\n\
                In my childhood I used to hear the Kazakhs jeering.\n\nWord Twenty-One\n\nThe source of these vices.\n";
    let p = parse(book);
    assert!(p.transcript.speakers.is_empty());
    assert_eq!(of_kind(&p, Lang::En, "narration").len(), 3);
    let p = parse(
        "Вступление.\n\nСлово первое\n\nХорошо ли, худо ли, я прожил жизнь.\n\nСлово второе\n\nВ детстве я слышал.\n",
    );
    assert!(p.transcript.speakers.is_empty());
    assert_eq!(of_kind(&p, Lang::Ru, "heading"), ["Слово первое", "Слово второе"]);
}

#[test]
fn a_title_in_capitals_is_no_speaker() {
    let p = parse(
        "КЕНТЕРВИЛЬСКОЕ ПРИВИДЕНИЕ\n\nГлава первая\n\nКогда мистер Оутис решил купить замок, все отговаривали его.\n\n\
         — Мы стараемся приезжать сюда как можно реже, — сказал лорд.\n\nНесколько недель спустя была подписана купчая.\n",
    );
    assert!(p.transcript.speakers.is_empty());
    let ru = version(&p.transcript, Lang::Ru);
    assert_eq!(ru.meta.title.as_deref(), Some("КЕНТЕРВИЛЬСКОЕ ПРИВИДЕНИЕ"));
    assert_eq!(of_kind(&p, Lang::Ru, "heading"), ["Глава первая"]);
    assert_eq!(of_kind(&p, Lang::Ru, "narration").len(), 1);
}

/// A text that opens mid-story with a quoted sentence: the sentence is the text's, not its title.
#[test]
fn a_quoted_sentence_first_is_no_title() {
    for first in [
        "“I can’t help it. I can’t stop myself,” replied the little prince. “I have had no sleep…”",
        "«Я не могу удержаться», — ответил Маленький принц. «Я долго был в пути и совсем не спал!»",
    ] {
        let p = parse(&format!(
            "{first}\n\nThen he went on his way.\n\nAnd so he did.\n"
        ));
        let v = version(&p.transcript, p.transcript.langs()[0]);
        assert_eq!(v.meta.title, None, "{first}");
        assert_eq!(v.paragraphs().next().map(|(_, p)| p.text.as_str()), Some(first));
    }
}

#[test]
fn one_label_deep_in_a_story_does_not_take_it_over() {
    let p = parse(
        "Он проснулся рано.\n\nВ замке было тихо.\n\nОн поднял табличку и прочёл:\n\n\
         ОУТИССКОЕ ПРИВИДЕНИЕ: Единственное подлинное привидение. Остерегайтесь подделок!\n\n\
         Тут только его озарило.\n\nОн вернулся к себе.\n",
    );
    assert!(p.transcript.speakers.is_empty());
    assert_eq!(version(&p.transcript, Lang::Ru).blocks.len(), 1);
}

#[test]
fn verse_and_dialogue_lines_in_prose_are_not_headings() {
    let p = parse(
        "Alice listened at the window.\n\nWho’s to go down the chimney? —\n\nNay, I shan’t! YOU do it! —\n\n\
         Here, put ’em up at this corner —\n\nThese were the verses the White Rabbit read:—\n\n\
         They told me you had been to her.\n",
    );
    assert!(
        of_kind(&p, Lang::En, "heading").is_empty(),
        "{:?}",
        outline(&p, Lang::En)
    );
    let p = parse(
        "Он говорил долго.\n\nИ я могу понять его, потому что Вашингтон\n\nДовольно интересно, не правда ли?\n",
    );
    assert!(
        of_kind(&p, Lang::Ru, "heading").is_empty(),
        "{:?}",
        outline(&p, Lang::Ru)
    );
}

#[test]
fn a_play_s_cast_labels_in_capitals() {
    let p = parse(
        "ROMEO.\nBut soft, what light through yonder window breaks?\nJULIET.\nAy me.\nROMEO.\nShe speaks.\nLADY CAPULET.\nJuliet!\n",
    );
    assert_eq!(
        speaker_runs(&p, Lang::En),
        ["romeo", "juliet", "romeo", "capulet"]
    );
    let p = parse("РОМЕО.\nНо что за свет в окне?\nДЖУЛЬЕТТА.\nО горе мне!\nРОМЕО.\nОна заговорила.\n");
    assert_eq!(speaker_runs(&p, Lang::Ru).len(), 3);
    assert_eq!(p.transcript.speakers.len(), 2);
}

#[test]
fn initials_are_the_full_name_given_before() {
    let p = parse(
        "Крис Андерсон: Добрый вечер.\nКА: Итак, у нас есть фото? БГ: Да, вот оно.\nБилл Гейтс: Это мой дом.\n",
    );
    // Initials name the full name given before or after them.
    let who: Vec<String> = outline(&p, Lang::Ru).into_iter().map(|(w, _)| w).collect();
    assert_eq!(who.len(), 4, "{:?}", outline(&p, Lang::Ru));
    assert_eq!(who[0], who[1]);
    assert_eq!(who[2], who[3]);
    assert_eq!(p.transcript.speakers.len(), 2);
    let p = parse("Chris Anderson: Good evening.\nCA: So? W.K.: No.\n");
    assert_eq!(p.transcript.speakers.len(), 1, "{:?}", outline(&p, Lang::En));
    assert_eq!(outline(&p, Lang::En)[1].1, "So? W.K.: No.");
}

#[test]
fn ordinary_colons_inside_lines_do_not_split() {
    for text in [
        "Vladimir Putin: Thank you. He said: Yes. Note: this matters. We met at 10:30. Then: nothing.\n",
        "В.Путин: Спасибо. Он сказал: да. Итоги: хорошие. Встреча в 10:30.\n",
        "Text before. CA: it is not a label without evidence. WK: nor this.\n",
    ] {
        let p = parse(text);
        let lang = p.transcript.langs()[0];
        assert_eq!(version(&p.transcript, lang).paragraphs().count(), 1, "{text}");
    }
}

#[test]
fn reactions_open_lines_as_narration() {
    let p = parse(
        "V. Putin: Thank you.\n(Applause) Now to business.\nApplause\nWe go on.\nApplause is welcome.\n",
    );
    assert_eq!(
        outline(&p, Lang::En),
        o(&[
            ("putin", "Thank you."),
            ("narration", "(Applause)"),
            ("putin", "Now to business."),
            ("narration", "Applause"),
            ("putin", "We go on."),
        ])
    );
    assert_eq!(
        version(&p.transcript, Lang::En).blocks[4].paragraphs[1].text,
        "Applause is welcome."
    );
    let p = parse("В.Путин: Спасибо.\nСмех Итак, к делу.\n(Уходит.)\n");
    assert_eq!(of_kind(&p, Lang::Ru, "narration"), ["Смех", "(Уходит.)"]);
}

#[test]
fn a_name_in_capitals_alone_on_its_line_is_a_label_only_if_it_recurs() {
    let story = "Он вошёл в комнату.\n\nКРАСНАЯ КОМНАТА\n\nВ комнате было темно.\n\nОн зажёг свечу.\n";
    let p = parse(story);
    assert!(p.transcript.speakers.is_empty());
    assert_eq!(of_kind(&p, Lang::Ru, "heading"), ["КРАСНАЯ КОМНАТА"]);
    // (A first line in capitals would be the title.)
    let transcript = "Стенограмма встречи.\nВЛАДИМИР ПУТИН\nДобрый день.\nИВАН ПЕТРОВ\nЗдравствуйте.\n\
                      ВЛАДИМИР ПУТИН\nНачнём.\nИВАН ПЕТРОВ\nДа.\n";
    assert_eq!(speaker_runs(&parse(transcript), Lang::Ru).len(), 4);
}

/// Hard-wrapped text: lines a wrapper broke are joined, a capital after the break or not. Where a
/// line breaks early (`fmt` evens its lines out), a small letter after it still continues it. A
/// reaction alone on its line stays apart however full the line before, and rows of a table are not
/// prose.
#[test]
fn hard_wrapped_speech_reactions_and_tables() {
    let text = "\
It was in this traditionally friendly, businesslike and
constructive atmosphere that our negotiations with Alexander
Grigoryevich took place today, and we thoroughly discussed
practically all the key issues of our bilateral cooperation
in the economy, in the cultural and humanitarian spheres, in
security and in defence, and we agreed on our next steps.
(Applause)

Belarus and Russia are not only close neighbours but also
reliable allies, genuine strategic partners and
true friends, and our cooperation rests on mutual respect, a
shared history spanning centuries and close family ties
between many Russians and Belarusians, which Moscow and
Minsk both value highly.

Turnover grew in almost every year of the last decade, as the
table below shows, and Russia remains the main market for the
goods of Belarus, which is among the five largest trading
partners of Russia, with Moscow and Saint Petersburg trading
most.
";
    let texts = |text: &str| -> Vec<String> {
        let p = parse(text);
        let v = version(&p.transcript, Lang::En);
        v.paragraphs().map(|(_, p)| p.text.clone()).collect()
    };
    let prose = texts(text);
    assert_eq!(prose.len(), 4, "{prose:?}");
    assert!(
        prose[0].starts_with("It was in") && prose[0].ends_with("our next steps."),
        "{prose:?}"
    );
    assert_eq!(prose[1], "(Applause)");
    assert!(
        prose[2].starts_with("Belarus and") && prose[2].ends_with("value highly."),
        "{prose:?}"
    );
    let rows = [
        "2017   32,4   +21%",
        "2018   35,6   +10%",
        "2019   35,5   0%",
        "2020   33,1   -7%",
    ];
    let table = format!("Turnover by year\n\n{}\n", rows.repeat(3).join("\n"));
    assert_eq!(texts(&table)[..4], rows, "{table}");
}

/// A parallel text alternating by paragraph, hard-wrapped: each version is read whole, a line of
/// Latin names inside a Russian paragraph included, and its wrapped lines joined.
#[test]
fn an_interleaved_hard_wrapped_text_is_two_versions() {
    let en = [
        "The delegations met in the morning and discussed trade, energy and transport for several hours, \
         and then they agreed to meet again in the autumn.",
        "The ministers signed three agreements on customs, on railways and on the supply of gas, \
         which both sides had prepared for more than a year.",
        "In the evening the presidents spoke to the press about the results and answered questions \
         from journalists of both countries for an hour.",
    ];
    let ru = [
        "Делегации встретились утром и несколько часов обсуждали торговлю, энергетику и транспорт, \
         а затем договорились встретиться снова осенью.",
        "Министры подписали три соглашения, которые представили на встрече Minsk Economic Forum \
         Steering Board в прошлом году: о таможне, о железных дорогах и о поставках газа.",
        "Вечером президенты рассказали прессе об итогах и целый час отвечали на вопросы журналистов \
         обеих стран.",
    ];
    let text: Vec<&str> = en.iter().zip(&ru).flat_map(|(e, r)| [*e, *r]).collect();
    let (text, _) = hard_wrapped(&text.join("\n\n"), 40);
    assert!(
        text.lines()
            .any(|l| l.starts_with("Economic Forum Steering Board")),
        "a line of the Russian is mostly Latin:\n{text}"
    );
    let p = parse(&text);
    let paragraphs = |lang| -> Vec<String> {
        version(&p.transcript, lang)
            .paragraphs()
            .map(|(_, p)| p.text.clone())
            .collect()
    };
    assert_eq!(paragraphs(Lang::En), en, "{text}");
    assert_eq!(paragraphs(Lang::Ru), ru, "{text}");
}

/// A play printed as plays are: each speech opens with its speaker's name and a full stop, a stage
/// direction in brackets perhaps between them. The names are its cast, in capitals or not, and the
/// direction stays with the speech. In a story, lines opening with a one-word sentence are prose.
/// Its one-word Russian title is the title beside the English one.
#[test]
fn a_play_s_speeches_open_with_a_name_and_a_full_stop() {
    let en = "THE LIGHTHOUSE\n\nACT I\n\nA rocky shore at dusk.\n\n\
        KEEPER. The lamp is lit. Go home, boy.\n\n\
        TOBY. [Sitting down on the steps] I will stay until the boat comes.\n\n\
        KEEPER. Then stay, and keep quiet.\n\n\
        TOBY. Do you hear the bell? It rings for my father.\n\n\
        ANNA GREY. [Entering] Nobody rings for anyone tonight.\n\n\
        KEEPER. Mrs. Grey! You should not walk here in the dark.\n";
    let ru = "МАЯК\n\nДЕЙСТВИЕ ПЕРВОЕ\n\nСкалистый берег в сумерках.\n\n\
        Смотритель. Лампа зажжена. Иди домой, мальчик.\n\n\
        Тоби (садясь на ступеньки). Я останусь, пока не придёт лодка.\n\n\
        Смотритель. Тогда оставайся и молчи.\n\n\
        Тоби. Слышишь колокол? Он звонит по моему отцу.\n\n\
        Анна Грей (входя). Сегодня ни по кому не звонят.\n\n\
        Смотритель. Миссис Грей! Вам не следует гулять здесь в темноте.\n";
    let p = parse_pair(en, ru);
    // A one-word title beside the other version's title is a title too, not a heading of one side.
    let title = |p: &Parsed, lang| version(&p.transcript, lang).meta.title.clone();
    assert_eq!(title(&p, Lang::En).as_deref(), Some("THE LIGHTHOUSE"));
    assert_eq!(title(&p, Lang::Ru).as_deref(), Some("МАЯК"));
    assert_eq!(of_kind(&p, Lang::Ru, "heading"), ["ДЕЙСТВИЕ ПЕРВОЕ"]);
    // A section's heading is never taken for a title, however the other version starts.
    let untitled = parse_pair(en, ru.trim_start_matches("МАЯК\n\n"));
    assert_eq!(title(&untitled, Lang::Ru), None);
    assert_eq!(of_kind(&untitled, Lang::Ru, "heading"), ["ДЕЙСТВИЕ ПЕРВОЕ"]);
    // Nor is a speaker's name over the first of their turns.
    let talks = parse_pair(
        "Talks in Minsk\n\nPUTIN\nGood afternoon.\n\nLUKASHENKO\nThank you.\n\nPUTIN\nLet us begin.\n",
        "ПУТИН\nДобрый день.\n\nЛУКАШЕНКО\nСпасибо.\n\nПУТИН\nНачнём.\n",
    );
    assert_eq!(title(&talks, Lang::Ru), None);
    assert_eq!(speaker_runs(&talks, Lang::Ru).len(), 3);
    let runs = |lang| speaker_runs(&p, lang);
    assert_eq!(
        runs(Lang::En),
        ["keeper", "toby", "keeper", "toby", "grey", "keeper"]
    );
    // `Смотритель` translates `KEEPER`: the aligner, not ingest, learns that they are one person.
    assert_eq!(
        runs(Lang::Ru),
        ["smotritel", "toby", "smotritel", "toby", "grey", "smotritel"]
    );
    let speeches = |lang| -> Vec<(String, String)> {
        outline(&p, lang)
            .into_iter()
            .filter(|(who, _)| who != "narration" && who != "heading")
            .collect()
    };
    // A direction after the full stop is set apart, as at the start of any line; one before it
    // stays with the speech it opens.
    assert_eq!(
        outline(&p, Lang::En)[3..5],
        o(&[
            ("narration", "[Sitting down on the steps]"),
            ("toby", "I will stay until the boat comes.")
        ])
    );
    assert_eq!(
        speeches(Lang::Ru)[1],
        (
            "toby".to_string(),
            "(садясь на ступеньки). Я останусь, пока не придёт лодка.".to_string()
        )
    );
    assert_eq!(speeches(Lang::Ru)[0].1, "Лампа зажжена. Иди домой, мальчик.");

    let story = "Yes. I knew it would rain, and it did, all through the night.\n\n\
        The road was long and we walked it slowly.\n\n\
        No. Nobody came to meet us at the station, not even the dog.\n\n\
        We waited an hour and then went on alone.\n\n\
        Yes. That was the last summer we spent there.\n";
    let p = parse(story);
    assert!(p.transcript.speakers.is_empty(), "{:?}", p.transcript.speakers);
    assert!(all_text(&p, Lang::En).starts_with("Yes. I knew it would rain"));
}

/// Subtitles read as a transcript: a paragraph per cue, without cue numbers and timings, which
/// would otherwise be rows of their own on both sides.
#[test]
fn subtitles_read_without_their_numbers_and_timings() {
    let en = "1\n00:00:01,000 --> 00:00:03,500\nWhere have you been?\n\n\
              2\n00:00:03,600 --> 00:00:06,000\n- I'm sorry.\n- Sorry is not enough.\n";
    let ru = "1\n00:00:01,000 --> 00:00:03,500\nГде ты был?\n\n\
              2\n00:00:03,600 --> 00:00:06,000\n- Прости.\n- Одного «прости» мало.\n";
    let p = parse_pair(en, ru);
    let paragraphs = |lang| -> Vec<(u32, String)> {
        version(&p.transcript, lang)
            .paragraphs()
            .map(|(_, p)| (p.line, p.text.clone()))
            .collect()
    };
    assert_eq!(
        paragraphs(Lang::En),
        [
            (3, "Where have you been?".to_string()),
            (7, "- I'm sorry.".to_string()),
            (8, "- Sorry is not enough.".to_string())
        ]
    );
    assert_eq!(paragraphs(Lang::Ru)[0], (3, "Где ты был?".to_string()));
}

#[test]
fn a_timed_transcript_reads_its_labels_after_the_timestamps() {
    let en = "[00:00:05] Chris Anderson: Welcome to the show.\n\
              [00:00:12] Anna Petrova: Thank you for having me.\n\
              [00:00:20] Chris Anderson: Why do cities need fewer cars?\n";
    let ru = "[00:00:05] Крис Андерсон: Добро пожаловать на передачу.\n\
              [00:00:12] Анна Петрова: Спасибо за приглашение.\n\
              [00:00:20] Крис Андерсон: Зачем городам меньше машин?\n";
    let p = parse_pair(en, ru);
    // One person under both names: Крис is how Russian writes Chris.
    let ids: Vec<&str> = p.transcript.speakers.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["anderson", "petrova"]);
    for lang in [Lang::En, Lang::Ru] {
        assert_eq!(speaker_runs(&p, lang), ["anderson", "petrova", "anderson"]);
    }
    assert_eq!(
        all_text(&p, Lang::Ru),
        "Добро пожаловать на передачу.\nСпасибо за приглашение.\nЗачем городам меньше машин?"
    );
    // As Otter writes them: the name and the time on a line of their own, the speech below.
    let otter = parse(
        "Chris Anderson  0:05\nWelcome to the show.\n\nAnna Petrova  0:12\nThank you.\n\n\
                       Chris Anderson  0:20\nWhy fewer cars?\n",
    );
    assert_eq!(
        speaker_runs(&otter, Lang::En),
        ["anderson", "petrova", "anderson"]
    );
    assert_eq!(
        all_text(&otter, Lang::En),
        "Welcome to the show.\nThank you.\nWhy fewer cars?"
    );
    // As Rev writes them: the time in brackets between the name and the colon.
    let rev = parse(
        "Chris Anderson (00:05): Welcome to the show.\nAnna Petrova (00:12): Thank you.\n\
                     Chris Anderson (00:20): Why fewer cars?\n",
    );
    assert_eq!(speaker_runs(&rev, Lang::En), ["anderson", "petrova", "anderson"]);
    assert_eq!(
        all_text(&rev, Lang::En),
        "Welcome to the show.\nThank you.\nWhy fewer cars?"
    );
    // Voices an automatic transcript does not name are told apart by their numbers, in both
    // languages alike.
    let voices = parse_pair(
        "Speaker 1 (00:05):\nWelcome.\n\nSpeaker 2 (00:12):\nThank you.\n\nSpeaker 1 (00:20):\nWhy?\n",
        "Спикер 1 (00:05):\nДобро пожаловать.\n\nСпикер 2 (00:12):\nСпасибо.\n\nСпикер 1 (00:20):\nЗачем?\n",
    );
    for lang in [Lang::En, Lang::Ru] {
        assert_eq!(
            speaker_runs(&voices, lang),
            ["speaker-1", "speaker-2", "speaker-1"]
        );
    }
    // Times of day in a programme are its text.
    let day = parse("09:00 Opening of the forum.\n10:30 Panel on cities.\n12:00 Lunch.\n");
    assert!(all_text(&day, Lang::En).starts_with("09:00 Opening of the forum."));
}

/// Subtitles as SubRip writes them: each cue its number, its timing and a line or two of text.
fn subrip(cues: &[&str]) -> String {
    cues.iter()
        .enumerate()
        .map(|(k, text)| {
            format!(
                "{}\n00:00:{:02},000 --> 00:00:{:02},500\n{text}\n\n",
                k + 1,
                2 * k,
                2 * k + 1
            )
        })
        .collect()
}

#[test]
fn subtitles_read_as_whole_sentences_wherever_their_cues_cut_them() {
    let en = subrip(&[
        "Mark, thank you for coming",
        "all the way from the north.",
        "Your train arrived at 10:30,\nand you came straight here.",
        "- Was it a long trip?\n- It was.",
    ]);
    let ru = subrip(&[
        "Марк, спасибо,",
        "что приехали к нам с самого севера. Ваш поезд",
        "пришёл в 10:30, и вы сразу приехали сюда.",
        "- Долго ехали?\n- Долго.",
    ]);
    let p = parse_pair(&en, &ru);
    assert_eq!(
        all_text(&p, Lang::En),
        "Mark, thank you for coming all the way from the north.\n\
         Your train arrived at 10:30, and you came straight here.\n\
         - Was it a long trip?\n- It was."
    );
    assert_eq!(
        all_text(&p, Lang::Ru),
        "Марк, спасибо, что приехали к нам с самого севера. Ваш поезд пришёл в 10:30, и вы сразу \
         приехали сюда.\n- Долго ехали?\n- Долго."
    );
    // So each sentence finds its translation, not a piece of one.
    let t = &p.transcript;
    let pairs: Vec<(String, String)> = stenogram::align::align(t)
        .units
        .iter()
        .flat_map(|u| {
            let text = |l| u.sentences(t, l).map(|s| s.text).collect::<Vec<_>>();
            let (en, ru) = (text(Lang::En), text(Lang::Ru));
            u.links.iter().map(move |k| {
                (
                    en[k.sentences.en.clone()].join(" "),
                    ru[k.sentences.ru.clone()].join(" "),
                )
            })
        })
        .collect();
    assert_eq!(
        pairs[..3],
        [
            (
                "Mark, thank you for coming all the way from the north.".to_string(),
                "Марк, спасибо, что приехали к нам с самого севера.".to_string()
            ),
            (
                "Your train arrived at 10:30, and you came straight here.".to_string(),
                "Ваш поезд пришёл в 10:30, и вы сразу приехали сюда.".to_string()
            ),
            ("- Was it a long trip?".to_string(), "- Долго ехали?".to_string()),
        ]
    );
}

/// A play printed with each speaker's name alone on its line over the speech, in ordinary case:
/// the names recur over most speeches, so they are its cast, one-word names too. A one-word
/// sentence opening a speech (`Enough.`) stays the speech's first word.
#[test]
fn a_play_s_names_alone_over_their_speeches() {
    let en = "Act I\n\nNurse\nWhere is the girl? Juliet!\n\nJuliet\nHere I am.\n\n\
              Lady Capulet\nEnough. Leave us a while.\n\nNurse\nI go, madam.\n\n\
              Juliet\nMother, what is it?\n\nPeter\nSupper is served.\n";
    let p = parse(en);
    assert_eq!(
        speaker_runs(&p, Lang::En),
        ["nurse", "juliet", "capulet", "nurse", "juliet", "peter"]
    );
    assert_eq!(of_kind(&p, Lang::En, "capulet"), ["Enough. Leave us a while."]);
    // In a story, a name alone over a paragraph now and then is a heading or text, not a cast.
    let story = parse(
        "Anna\n\nShe walked home along the river, late, as she always did.\n\n\
         It rained. The street lamps were out and nobody passed her.\n\n\
         At the bridge she stopped and looked at the water for a long time.\n\n\
         Then she went on, faster now, and did not look back again.\n",
    );
    assert!(story.transcript.speakers.is_empty());
}
