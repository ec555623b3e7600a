//! Ingest of the five seed transcripts (copies in tests/data) and of the bundled library.

use stenogram::ingest::{Parsed, parse};
use stenogram::library;
use stenogram::model::{Block, BlockKind, Lang, Transcript, Version};

fn seed(name: &str) -> Parsed {
    let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    parse(&std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}")))
}

fn version(t: &Transcript, lang: Lang) -> &Version {
    t.version(lang).unwrap_or_else(|| panic!("no {lang:?} version"))
}

fn turns(v: &Version) -> Vec<usize> {
    v.blocks
        .iter()
        .filter_map(|b| match b.kind {
            BlockKind::Turn(s) => Some(s),
            _ => None,
        })
        .collect()
}

fn ids(t: &Transcript, speakers: &[usize]) -> Vec<String> {
    speakers.iter().map(|&s| t.speakers[s].id.clone()).collect()
}

fn blocks_of(v: &Version, kind: BlockKind) -> Vec<&Block> {
    v.blocks.iter().filter(|b| b.kind == kind).collect()
}

fn texts(b: &Block) -> Vec<&str> {
    b.paragraphs.iter().map(|p| p.text.as_str()).collect()
}

fn all_paragraph_texts(t: &Transcript) -> Vec<&str> {
    t.langs()
        .into_iter()
        .flat_map(|l| version(t, l).paragraphs().map(|(_, p)| p.text.as_str()))
        .collect()
}

const PRESS_CONFERENCE: &str = "000_press_conference.txt";
const TALKS_START: &str = "001_talks_start_en.txt";
const REPORTS: [&str; 3] = [
    "002_talks_report_ru.txt",
    "003_phone_call_report_ru.txt",
    "004_supreme_council_report_ru.txt",
];

#[test]
fn press_conference_turns_and_speakers() {
    let t = seed(PRESS_CONFERENCE).transcript;
    assert_eq!(t.langs(), [Lang::En, Lang::Ru]);
    let speaker_ids: Vec<&str> = t.speakers.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        speaker_ids,
        ["putin", "lukashenko", "breus", "knyazeva", "yezhov", "pyzh"]
    );

    let en = turns(version(&t, Lang::En));
    let ru = turns(version(&t, Lang::Ru));
    assert_eq!(
        ids(&t, &en),
        [
            "putin",
            "lukashenko",
            "breus",
            "putin",
            "lukashenko",
            "knyazeva",
            "putin",
            "lukashenko",
            "yezhov",
            "putin",
            "lukashenko"
        ]
    );
    assert_eq!(
        ids(&t, &ru),
        [
            "putin",
            "lukashenko",
            "breus",
            "putin",
            "lukashenko",
            "knyazeva",
            "putin",
            "lukashenko",
            "putin",
            "lukashenko",
            "putin",
            "pyzh",
            "putin",
            "pyzh",
            "putin",
            "lukashenko",
            "putin",
            "yezhov",
            "putin",
            "lukashenko"
        ]
    );
}

#[test]
fn press_conference_speakers_have_one_identity_and_a_name_in_each_language() {
    let t = seed(PRESS_CONFERENCE).transcript;
    let names: Vec<(&str, &str, &str, bool, bool)> = t
        .speakers
        .iter()
        .map(|s| {
            (
                s.id.as_str(),
                s.name.en.as_str(),
                s.name.ru.as_str(),
                s.transliterated.en,
                s.transliterated.ru,
            )
        })
        .collect();
    assert_eq!(
        names,
        [
            ("putin", "Vladimir Putin", "В.Путин", false, false),
            ("lukashenko", "Aleksandr Lukashenko", "А.Лукашенко", false, false),
            ("breus", "Natalia Breus", "Наталья Бреус", false, false),
            ("knyazeva", "O. Knyazeva", "О.Князева", false, false),
            ("yezhov", "Ilya Yezhov", "Илья Ежов", false, false),
            // Heard only in Russian: the English name is transliterated.
            ("pyzh", "Anna Pyzh", "Анна Пыж", true, false),
        ]
    );
}

#[test]
fn press_conference_structure_and_metadata() {
    let t = seed(PRESS_CONFERENCE).transcript;
    let (en, ru) = (version(&t, Lang::En), version(&t, Lang::Ru));
    assert_eq!(en.meta.place.as_deref(), Some("Moscow"));
    assert_eq!(en.meta.date.as_deref(), Some("13 March 2025"));
    assert_eq!(
        en.meta.source.as_deref(),
        Some("e-translated Website of the President of Russia")
    );
    assert_eq!(
        ru.meta.title.as_deref(),
        Some("Совместная пресс-конференция с Президентом Белоруссии Александром Лукашенко")
    );
    assert_eq!(
        ru.meta.source.as_deref(),
        Some(
            "The Russian Kremlin: Совместная пресс-конференция с Президентом Белоруссии Александром Лукашенко"
        )
    );
    let paragraphs = all_paragraph_texts(&t);
    for meta_line in [
        "Moscow, 13 March 2025",
        "Совместная пресс-конференция с Президентом",
    ] {
        assert!(
            !paragraphs.iter().any(|p| p.starts_with(meta_line)),
            "{meta_line} is a paragraph"
        );
    }
    assert!(!paragraphs.iter().any(|p| p.starts_with("Source")));

    for v in [en, ru] {
        let headings: Vec<Vec<&str>> = blocks_of(v, BlockKind::Heading).into_iter().map(texts).collect();
        assert_eq!(headings, [["Q&A"]]);
        // The lead is narration before the first turn.
        assert_eq!(v.blocks[0].kind, BlockKind::Narration);
        assert_eq!(v.blocks[0].paragraphs.len(), 2);
    }
    let related: Vec<Vec<&str>> = blocks_of(ru, BlockKind::Related).into_iter().map(texts).collect();
    assert_eq!(related.len(), 1);
    assert_eq!(related[0].len(), 3);
    assert_eq!(related[0][0], "Дополнительно");
    assert!(related[0][1].starts_with("Совместное заявление Президента Российской Федерации"));
    assert!(related[0][2].starts_with("Список документов"));
    assert!(blocks_of(en, BlockKind::Related).is_empty());
}

#[test]
fn press_conference_paragraphs_keep_their_source_lines() {
    let t = seed(PRESS_CONFERENCE).transcript;
    let (en, ru) = (version(&t, Lang::En), version(&t, Lang::Ru));
    let first_turn = |v: &Version| {
        v.blocks
            .iter()
            .find(|b| matches!(b.kind, BlockKind::Turn(_)))
            .cloned()
    };
    let en_turn = first_turn(en).expect("an English turn");
    assert_eq!(en_turn.paragraphs[0].line, 5);
    assert_eq!(
        en_turn.paragraphs[0].text,
        "Esteemed Alexander Grigoryevich! Colleagues, friends, ladies and gentlemen!"
    );
    assert_eq!(en_turn.paragraphs.len(), 23);
    let ru_turn = first_turn(ru).expect("a Russian turn");
    assert_eq!(ru_turn.paragraphs[0].line, 111);
    // An inline label: `Н.Бреус: Здравствуйте!` — the speech is on the label's line.
    let breus = ru
        .blocks
        .iter()
        .find(|b| b.kind == BlockKind::Turn(2))
        .expect("Breus speaks");
    assert_eq!(breus.paragraphs[0].text, "Здравствуйте!");
    assert_eq!(breus.paragraphs[0].line, 162);
    assert_eq!(
        breus.paragraphs[1].text,
        "Наталья Бреус, «Первый информационный», Беларусь."
    );
    // A sentence ending in a colon stays in the speech.
    let knyazeva = ru
        .blocks
        .iter()
        .find(|b| b.kind == BlockKind::Turn(3))
        .expect("Knyazeva speaks");
    assert!(
        knyazeva.paragraphs[1]
            .text
            .starts_with("Первый вопрос Владимиру Владимировичу: как Вы")
    );
}

#[test]
fn talks_start_labels_breaks_and_see_also() {
    let t = seed(TALKS_START).transcript;
    assert_eq!(t.langs(), [Lang::En]);
    let ids_: Vec<&str> = t.speakers.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids_, ["putin", "lukashenko"]);
    assert_eq!(t.speakers[0].name.en, "Vladimir Putin");
    assert_eq!(t.speakers[1].name.en, "Alexander Lukashenko");
    let en = version(&t, Lang::En);
    // `See also` interrupts Putin's first turn; his speech resumes after it.
    assert_eq!(ids(&t, &turns(en)), ["putin", "putin", "lukashenko", "putin"]);
    let kinds: Vec<BlockKind> = en.blocks.iter().map(|b| b.kind).collect();
    assert_eq!(
        kinds,
        [
            BlockKind::Narration,
            BlockKind::Break,
            BlockKind::Turn(0),
            BlockKind::Related,
            BlockKind::Turn(0),
            BlockKind::Turn(1),
            BlockKind::Turn(0),
            BlockKind::Break,
        ]
    );
    assert_eq!(texts(blocks_of(en, BlockKind::Break)[0]), ["* * *"]);
    assert_eq!(texts(blocks_of(en, BlockKind::Break)[1]), ["<…>"]);
    assert_eq!(texts(blocks_of(en, BlockKind::Related)[0]), ["See also"]);
    assert_eq!(
        en.blocks[2].paragraphs[0].text,
        "Mr Lukashenko, I am delighted to see you."
    );
    assert_eq!(en.blocks[5].paragraphs[0].text, "Mr Putin, thank you very much.");
    assert_eq!(en.blocks[6].paragraphs[0].line, 24);
}

#[test]
fn news_reports_have_no_speakers() {
    for name in REPORTS {
        let t = seed(name).transcript;
        assert_eq!(t.langs(), [Lang::Ru], "{name}");
        assert!(t.speakers.is_empty(), "{name}: {:?}", t.speakers);
        assert!(turns(version(&t, Lang::Ru)).is_empty(), "{name}");
    }
}

#[test]
fn news_report_headings_title_and_related() {
    let t = seed(REPORTS[2]).transcript;
    let ru = version(&t, Lang::Ru);
    let headings: Vec<Vec<&str>> = blocks_of(ru, BlockKind::Heading).into_iter().map(texts).collect();
    assert_eq!(
        headings,
        [
            ["Интеграция и экономика"],
            ["Безопасность и санкционное давление"]
        ]
    );

    let t = seed(REPORTS[1]).transcript;
    let ru = version(&t, Lang::Ru);
    assert_eq!(
        ru.meta.title.as_deref(),
        Some("Путин и Лукашенко обсудили сотрудничество РФ и Белоруссии")
    );
    assert_eq!(texts(blocks_of(ru, BlockKind::Related)[0]), ["Читайте также:"]);
    assert!(blocks_of(ru, BlockKind::Heading).is_empty());

    let t = seed(REPORTS[0]).transcript;
    let ru = version(&t, Lang::Ru);
    assert_eq!(ru.blocks.len(), 1);
    assert_eq!(ru.blocks[0].paragraphs.len(), 16);
}

#[test]
fn seeds_round_trip_through_json() {
    for name in [PRESS_CONFERENCE, TALKS_START].into_iter().chain(REPORTS) {
        let t = seed(name).transcript;
        let json = serde_json::to_string(&t).expect("serializes");
        let back: Transcript = serde_json::from_str(&json).expect("deserializes");
        assert_eq!(back, t, "{name}");
    }
}

#[test]
fn no_model_string_holds_a_control_character() {
    for name in [PRESS_CONFERENCE, TALKS_START].into_iter().chain(REPORTS) {
        let t = seed(name).transcript;
        let mut strings: Vec<&str> = all_paragraph_texts(&t);
        for s in &t.speakers {
            strings.extend([s.id.as_str(), &s.name.en, &s.name.ru]);
        }
        for l in t.langs() {
            let m = &version(&t, l).meta;
            strings.extend(
                [&m.title, &m.date, &m.place, &m.source]
                    .into_iter()
                    .flatten()
                    .map(String::as_str),
            );
        }
        for s in strings {
            assert!(!s.chars().any(char::is_control), "{name}: {s:?}");
            assert!(!s.is_empty() && s.trim() == s, "{name}: {s:?}");
        }
    }
}

#[test]
fn sentences_lie_within_their_paragraphs() {
    let t = seed(PRESS_CONFERENCE).transcript;
    for l in t.langs() {
        for (_, p) in version(&t, l).paragraphs() {
            assert!(!p.sentences.is_empty(), "{:?}", p.text);
            for s in &p.sentences {
                assert!(p.text.get(s.range()).is_some(), "{:?} in {:?}", s, p.text);
            }
        }
    }
}

#[test]
fn bundled_library_is_the_seeds_with_their_metadata() {
    let docs = library::bundled();
    let names: Vec<&str> = docs.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "2021-04-15-putin-lukashenko-phone-call-news-report.txt",
            "2025-03-13-putin-lukashenko-press-conference.txt",
            "2025-03-13-putin-lukashenko-talks-news-report.txt",
            "2025-03-13-putin-lukashenko-talks-opening-remarks.txt",
            "supreme-state-council-news-report.txt",
        ]
    );
    let talks = &docs[3].transcript;
    let en = version(talks, Lang::En);
    assert_eq!(en.meta.date.as_deref(), Some("13 March 2025"));
    assert_eq!(
        en.meta.source.as_deref(),
        Some("Website of the President of Russia, kremlin.ru")
    );
    assert_eq!(turns(en).len(), 4);
    let council = version(&docs[4].transcript, Lang::Ru);
    assert_eq!(council.meta.source.as_deref(), Some("BAQ.kz"));
    let press = &docs[1].transcript;
    assert_eq!(press.speakers.len(), 6);
    assert_eq!(turns(version(press, Lang::En)).len(), 11);
    assert_eq!(turns(version(press, Lang::Ru)).len(), 20);
    assert!(
        docs.iter().all(|d| d.warnings.is_empty()),
        "{:?}",
        docs.iter().map(|d| &d.warnings).collect::<Vec<_>>()
    );
}
