use super::*;
use crate::model::{Block, Paragraph, Span, Speaker};

/// A paragraph split into sentences after `.`, `!` and `?`, independent of `crate::sentences`.
fn para(text: &str, line: u32) -> Paragraph {
    let mut sentences = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if matches!(c, '.' | '!' | '?') && text[i + 1..].starts_with(' ') {
            sentences.push(Span::from(start..i + 1));
            start = i + 2;
        }
    }
    sentences.push(Span::from(start..text.len()));
    Paragraph {
        text: text.into(),
        sentences,
        line,
    }
}

fn refs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

/// `n` sentences and their translations, the `k`th made by `pair` of a year (1900 + `k`) and a
/// count (10 + `k`): numbers that tie each sentence to its translation alone.
fn numbered(n: usize, pair: impl Fn(usize, usize) -> (String, String)) -> (Vec<String>, Vec<String>) {
    (0..n).map(|k| pair(1900 + k, 10 + k)).unzip()
}

fn block(kind: BlockKind, paras: &[&str]) -> Block {
    Block {
        kind,
        paragraphs: paras.iter().map(|p| para(p, 0)).collect(),
    }
}

fn transcript(en: Vec<Block>, ru: Vec<Block>) -> Transcript {
    let speaker = |id: &str, en: &str, ru: &str| Speaker {
        id: id.into(),
        name: ByLang::new(en.into(), ru.into()),
        transliterated: ByLang::default(),
    };
    let version = |blocks: Vec<Block>| {
        (!blocks.is_empty()).then(|| Version {
            meta: Default::default(),
            blocks,
        })
    };
    Transcript {
        speakers: vec![
            speaker("putin", "Vladimir Putin", "Владимир Путин"),
            speaker("lukashenko", "Alexander Lukashenko", "Александр Лукашенко"),
        ],
        versions: ByLang::new(version(en), version(ru)),
    }
}

const PUTIN: BlockKind = BlockKind::Turn(0);
const LUKASHENKO: BlockKind = BlockKind::Turn(1);

fn sample() -> Transcript {
    transcript(
        vec![
            block(
                PUTIN,
                &[
                    "Esteemed Alexander Grigoryevich! Colleagues, friends!",
                    "Russia accounts for about 60% of Belarus' foreign trade. Trade grew by 5.7% and exceeded $50 billion.",
                    "More than 2,000 Russian companies operate in Belarus.",
                ],
            ),
            block(
                LUKASHENKO,
                &[
                    "Thank you, Vladimir Vladimirovich.",
                    "We will build a railway from Moscow to Minsk and on to Brest.",
                ],
            ),
        ],
        vec![
            block(
                PUTIN,
                &[
                    "Уважаемый Александр Григорьевич! Коллеги, друзья!",
                    "На Россию приходится около 60 процентов внешнеторгового оборота Белоруссии.",
                    "Товарооборот прибавил 5,7 процента и превысил 50 миллиардов долларов.",
                    "В Белоруссии работает более 2 000 российских компаний.",
                ],
            ),
            block(LUKASHENKO, &["Спасибо, Владимир Владимирович."]),
            block(
                PUTIN,
                &["Я хотел бы добавить несколько слов о Курской области и о Суджe."],
            ),
            block(
                LUKASHENKO,
                &["Мы построим дорогу от Москвы до Минска и до Бреста."],
            ),
        ],
    )
}

/// Each unit's parts as (block, paragraph, sentences), English then Russian.
type Parts = (
    Vec<(usize, usize, Range<usize>)>,
    Vec<(usize, usize, Range<usize>)>,
);

fn parts(a: &Alignment) -> Vec<Parts> {
    let side = |ps: &[Part]| -> Vec<(usize, usize, Range<usize>)> {
        ps.iter()
            .map(|p| (p.block, p.para, p.sentences.clone()))
            .collect()
    };
    a.units
        .iter()
        .map(|u| (side(&u.parts.en), side(&u.parts.ru)))
        .collect()
}

#[test]
fn units_are_cut_where_either_side_starts_a_paragraph() {
    let a = align(&sample());
    assert_eq!(
        parts(&a),
        vec![
            (vec![(0, 0, 0..2)], vec![(0, 0, 0..2)]),
            // One English paragraph of two sentences, two Russian paragraphs of one: the English
            // one is shown in two pieces, each beside its translation.
            (vec![(0, 1, 0..1)], vec![(0, 1, 0..1)]),
            (vec![(0, 1, 1..2)], vec![(0, 2, 0..1)]),
            (vec![(0, 2, 0..1)], vec![(0, 3, 0..1)]),
            (vec![(1, 0, 0..1)], vec![(1, 0, 0..1)]),
            // Putin's interjection exists in Russian only.
            (vec![], vec![(2, 0, 0..1)]),
            (vec![(1, 1, 0..1)], vec![(3, 0, 0..1)]),
        ]
    );
    let speakers: Vec<_> = a.units.iter().map(|u| u.speaker).collect();
    assert_eq!(
        speakers,
        vec![Some(0), Some(0), Some(0), Some(0), Some(1), Some(0), Some(1)]
    );
    let t = sample();
    let texts: Vec<&str> = a.units[2].sentences(&t, Lang::En).map(|s| s.text).collect();
    assert_eq!(texts, ["Trade grew by 5.7% and exceeded $50 billion."]);
    assert_eq!(
        a.units[0].links,
        vec![
            Link {
                sentences: ByLang::new(0..1, 0..1)
            },
            Link {
                sentences: ByLang::new(1..2, 1..2)
            }
        ]
    );
    assert!(
        a.units
            .iter()
            .filter(|u| !u.is_one_sided())
            .all(|u| u.confidence > 0.6),
        "{a:#?}"
    );
    assert!(
        a.units[5].is_one_sided() && a.units[5].confidence > 0.5,
        "{:?}",
        a.units[5]
    );
}

#[test]
fn a_paragraph_pair_too_long_to_read_side_by_side_is_shown_in_passages() {
    // Neither version breaks its text: one paragraph of forty sentences each, then a long
    // Russian paragraph the English lacks.
    let (en, ru) = numbered(40, |year, bridges| {
        (
            format!("In {year} the town built {bridges} bridges across the river."),
            format!("В {year} году город построил {bridges} мостов через реку."),
        )
    });
    let digression = "Здесь рассказчик надолго отвлекается от своего города. ".repeat(12);
    let t = transcript(
        vec![block(BlockKind::Narration, &[&en.join(" ")])],
        vec![block(BlockKind::Narration, &[&ru.join(" "), digression.trim()])],
    );
    let a = align(&t);
    let (paired, aside): (Vec<&Unit>, Vec<&Unit>) = a.units.iter().partition(|u| !u.is_one_sided());
    assert!(paired.len() >= 3, "{:#?}", parts(&a));
    let mut next = 0;
    for u in &paired {
        // Each passage pairs the same sentences of both sides, in order, none lost.
        let (e, r) = (&u.parts.en[0].sentences, &u.parts.ru[0].sentences);
        assert_eq!(
            (e, r, u.parts.en.len()),
            (&(next..e.end), &(next..e.end), 1),
            "{:#?}",
            parts(&a)
        );
        next = e.end;
        // Within the limit, give or take the link at the cut (a sentence, some 60 chars).
        for l in Lang::BOTH {
            let chars: usize = u.sentences(&t, l).map(|s| s.text.chars().count()).sum();
            assert!(chars as f32 <= params::LONGEST_PASSAGE + 60.0, "{:#?}", parts(&a));
        }
    }
    assert_eq!(next, 40);
    assert_eq!(
        aside.len(),
        1,
        "an untranslated passage stays whole: {:#?}",
        parts(&a)
    );
    assert_eq!(
        aside[0].parts.ru,
        [Part {
            block: 0,
            para: 1,
            sentences: 0..12
        }]
    );
}

#[test]
fn a_turn_read_as_narration_on_one_side_still_pairs() {
    // Ingest took the Russian for narration (say, a label it did not know): the pairs hold.
    let mut t = sample();
    if let Some(v) = t.versions.ru.as_mut() {
        for b in &mut v.blocks {
            b.kind = BlockKind::Narration;
        }
    }
    let a = align(&t);
    let paired = a.units.iter().filter(|u| !u.is_one_sided()).count();
    assert_eq!(paired, 6, "{:?}", parts(&a));
}

#[test]
fn one_language_gives_one_sided_units_of_full_confidence() {
    let t = transcript(vec![], sample().versions.ru.map_or(vec![], |v| v.blocks));
    let a = align(&t);
    assert_eq!(a.units.len(), 7, "one unit per paragraph: {:?}", parts(&a));
    assert!(
        a.units
            .iter()
            .all(|u| u.is_one_sided() && u.parts.en.is_empty() && u.confidence == 1.0)
    );
    let s = summary(&t, &a);
    assert_eq!(s.verdict, Verdict::OneLanguage(Some(Lang::Ru)));
    assert_eq!(
        s.to_string(),
        "alignment: 7 units (0 paired, 0 English only, 7 Russian only)\nverdict: Russian only, nothing to align"
    );
}

#[test]
fn unrelated_texts_come_out_unsure() {
    let mut t = sample();
    t.versions.ru = Some(Version {
        meta: Default::default(),
        blocks: vec![
            block(
                BlockKind::Narration,
                &["Президенты начали переговоры в Кремле в рамках официального визита."],
            ),
            block(
                PUTIN,
                &[
                    "Сегодня в Новосибирске прошёл турнир по шахматам, и Иванов снова победил.",
                    "Погода в Казани была холодной: минус 15 градусов, Волга замёрзла.",
                    "Команда Петрова выиграла финал в Екатеринбурге со счётом 3:1.",
                ],
            ),
        ],
    });
    let a = align(&t);
    let s = summary(&t, &a);
    assert!(s.mean.is_some_and(|m| m < POOR), "{s}\n{a:#?}");
    assert_eq!(s.verdict, Verdict::NotTranslation);
}

#[test]
fn a_translation_summarises_as_one() {
    let t = sample();
    let s = summary(&t, &align(&t));
    assert_eq!((s.units, s.paired, s.english_only, s.russian_only), (7, 6, 0, 1));
    assert_eq!(s.verdict, Verdict::Translation, "{s}");
}

/// One English paragraph per Russian one, around a middle pair where `ru` renders one English
/// sentence (`en`).
fn around(en: &str, ru: &str) -> Transcript {
    let narration =
        |middle: &str, outer: [&str; 2]| vec![block(BlockKind::Narration, &[outer[0], middle, outer[1]])];
    transcript(
        narration(
            en,
            [
                "The rabbit-hole went straight on like a tunnel for some way.",
                "Either the well was very deep, or she fell very slowly.",
            ],
        ),
        narration(
            ru,
            [
                "Нора сначала шла прямо, ровная, как туннель.",
                "То ли колодец был очень глубок, то ли падала она очень медленно.",
            ],
        ),
    )
}

/// Asserts that every unit of `t` (from [`around`]) is paired, the middle one by a single link of
/// its English sentence with all `sentences` Russian ones.
fn assert_one_link(t: &Transcript, sentences: usize) {
    let a = align(t);
    assert!(a.units.iter().all(|u| !u.is_one_sided()), "{:?}", parts(&a));
    let middle = a
        .units
        .iter()
        .find(|u| u.parts.en[0].para == 1)
        .expect("the middle pair");
    assert_eq!(
        middle.links,
        vec![Link {
            sentences: ByLang::new(0..1, 0..sentences)
        }]
    );
}

#[test]
fn a_sentence_rendered_in_five_is_paired_with_all_five() {
    // More Russian sentences than any bead of the DP takes: those left over join the link.
    let t = around(
        "When the rabbit took a watch out of its pocket, looked at it and hurried on, Alice started \
         to her feet, for she had never before seen a rabbit with a pocket or a watch, and burning \
         with curiosity she ran across the field after it.",
        "Кролик вынул часы из кармана. Он взглянул на них и побежал дальше. Алиса вскочила на ноги. \
         Она никогда раньше не видела кролика с карманом и часами. Сгорая от любопытства, она \
         побежала за ним через поле.",
    );
    assert_one_link(&t, 5);
}

#[test]
fn a_long_sentence_rendered_in_six_short_ones_is_paired_with_all_six() {
    // Any three of the six are too short for the English: the DP leaves both sides out, and
    // only pairing the two runs of gaps with each other finds the translation.
    let t = around(
        "I don't think they play at all fairly, and they all quarrel so dreadfully that one can't \
         hear oneself speak, and they don't seem to have any rules in particular, or if there are, \
         nobody attends to them, and you've no idea how confusing it is with all the things alive, \
         for instance the arch I've got to go through next is walking about at the other end of \
         the ground, and I should have croqueted the Queen's hedgehog just now, only it ran away.",
        "По-моему, они играют совсем нечестно. Справедливости нет, и все так кричат, что своего \
         голоса не слышно. Правил нет, а если и есть, то никто их не соблюдает. Вы не представляете, \
         как трудно играть, когда всё вокруг живое. Например, воротца, в которые мне сейчас \
         проходить, ушли гулять на другой конец площадки. Я бы отогнала ежа Королевы, да он \
         убежал.",
    );
    assert_one_link(&t, 6);
    // The link is far likelier than leaving the seven sentences out.
    let a = align(&t);
    assert!(a.units.iter().all(|u| u.evidence.margin > 3.0), "{:?}", a.units);
}

#[test]
fn an_untranslated_sentence_inside_a_paragraph_is_a_unit_of_its_own() {
    let t = around(
        "She took down a jar from one of the shelves as she passed. It was labelled orange \
         marmalade, but to her great disappointment it was empty.",
        "Пролетая мимо одной из полок, она схватила банку. Все соседи давно говорили, что в этом \
         доме никто никогда не варил варенья из апельсинов и не ел его по воскресеньям. На банке \
         было написано апельсиновое варенье, но, к великому её огорчению, она оказалась пустой.",
    );
    let a = align(&t);
    let middle: Vec<Parts> = parts(&a)
        .into_iter()
        .filter(|(en, ru)| en.iter().chain(ru).all(|p| p.1 == 1))
        .collect();
    assert_eq!(
        middle,
        vec![
            (vec![(0, 1, 0..1)], vec![(0, 1, 0..1)]),
            (vec![], vec![(0, 1, 1..2)]),
            (vec![(0, 1, 1..2)], vec![(0, 1, 2..3)]),
        ]
    );
}

#[test]
fn names_that_translate_are_learned_from_the_confident_links() {
    let t = transcript(
        vec![block(
            BlockKind::Narration,
            &[
                "Then the Hatter opened his eyes very wide on hearing this.",
                "The riddle that the Hatter asked had no answer at all.",
                "At last the Hatter was the first to break the silence.",
                "Said the Hatter, shaking his head mournfully, it is always six o'clock now.",
            ],
        )],
        vec![block(
            BlockKind::Narration,
            &[
                "Тут Болванщик широко раскрыл глаза, услышав это.",
                "У загадки, которую загадал Болванщик, вовсе не было ответа.",
                "Наконец Болванщик первым нарушил молчание.",
                "Сказал Болванщик, печально покачав головой, теперь всегда шесть часов.",
            ],
        )],
    );
    let sides = Side::both(&t);
    let path = beads::align(&sides.en.items, &sides.ru.items, params::FIRST);
    let learned = learn::from(&path, &sides);
    let hatter: Vec<u64> = Reader::default()
        .features("Then the Hatter spoke.", Lang::En)
        .names()
        .collect();
    assert_eq!(hatter.len(), 1);
    assert!(!sides.ru.items.iter().any(|it| it.features.has(hatter[0])));
    let mut sides = sides;
    learned.rename(&mut sides);
    let ru = &sides.ru.items;
    assert!(ru.iter().all(|it| it.features.has(hatter[0])), "{ru:?}");
}

#[test]
fn a_clean_translation_has_no_doubtful_pair() {
    let a = align(&sample());
    for (k, u) in a.units.iter().enumerate().filter(|(_, u)| !u.is_one_sided()) {
        assert!(!u.is_doubtful() && why_doubtful(&a, k).is_none(), "{u:?}");
    }
    // An omission is surer the better the rest aligns and the less a neighbour pulls it, never
    // as sure as a pair: more likely right than not.
    let omitted = &a.units[5];
    assert!(omitted.is_one_sided() && omitted.confidence > 0.5, "{omitted:?}");
    for u in a.units.iter().filter(|u| !u.is_one_sided()) {
        assert!(u.confidence > omitted.confidence, "{u:?} against {omitted:?}");
    }
}

/// The sample with a sentence Lukashenko adds in the English only, and with or without Putin's
/// interjection in the Russian only.
fn with_an_added_sentence(interjection: bool) -> Transcript {
    let mut t = sample();
    if let Some(v) = t.versions.en.as_mut() {
        v.blocks[1] = block(
            LUKASHENKO,
            &[
                "Thank you, Vladimir Vladimirovich. I fully agree with what the President said about our trade.",
                "We will build a railway from Moscow to Minsk and on to Brest.",
            ],
        );
    }
    if let (false, Some(v)) = (interjection, t.versions.ru.as_mut()) {
        v.blocks.remove(2);
    }
    t
}

const ADDED: &str = "I fully agree with what the President said about our trade.";

#[test]
fn a_sentence_left_out_of_a_translated_paragraph_is_doubtful_and_check_says_why() {
    let t = with_an_added_sentence(false);
    let a = align(&t);
    let k = a
        .units
        .iter()
        .position(|u| u.is_one_sided() && u.sentences(&t, Lang::En).any(|s| s.text == ADDED))
        .unwrap_or_else(|| panic!("the added sentence stands alone: {:?}", parts(&a)));
    assert!(
        a.units[k].evidence.piece && a.units[k].is_doubtful(),
        "{:?}",
        a.units[k]
    );
    let why = why_doubtful(&a, k).unwrap_or_default();
    // Its translation could as well be merged into the neighbour's link: that is the doubt.
    assert!(
        why.starts_with("only in the English text; a sentence may belong with the passage beside it"),
        "{why}"
    );
    for u in a.units.iter().filter(|u| !u.is_one_sided()) {
        assert!(!u.is_doubtful(), "{u:?}");
    }
}

#[test]
fn two_untranslated_sentences_paired_together_are_the_least_sure_pair() {
    // Next to Putin's interjection, which the English lacks, the path pairs the added sentence
    // with it: their lengths fit, nothing else does.
    let t = with_an_added_sentence(true);
    let a = align(&t);
    let holds = |u: &Unit| u.sentences(&t, Lang::En).any(|s| s.text == ADDED);
    let k = a.units.iter().position(holds).expect("a unit holds it");
    assert!(
        !a.units[k].is_one_sided() && a.units[k].evidence.fit < 0.1,
        "{:?}",
        a.units[k]
    );
    for u in a.units.iter().filter(|u| !u.is_one_sided() && !holds(u)) {
        assert!(u.confidence > a.units[k].confidence, "{u:?}");
    }
}

#[test]
fn paragraph_edges_count_only_where_the_versions_keep_the_same_paragraphs() {
    let (en, ru) = numbered(12, |year, bridges| {
        let schools = bridges + 20;
        (
            format!("In {year} the town had {bridges} bridges and {schools} schools."),
            format!("В {year} году в городе было {bridges} мостов и {schools} школ."),
        )
    });
    // Paragraphs of `size` sentences, the first one `first` long.
    fn paragraphs(texts: &[&str], first: usize, size: usize) -> Vec<String> {
        let mut out = vec![texts[..first].join(" ")];
        out.extend(texts[first..].chunks(size).map(|c| c.join(" ")));
        out
    }
    let para_edge = |en_first: usize, ru_first: usize, size: usize| {
        let en = paragraphs(&refs(&en), en_first, size);
        let ru = paragraphs(&refs(&ru), ru_first, size);
        first_lesson(&en, &ru).para_edge
    };
    assert_eq!(
        para_edge(1, 1, 1),
        params::FIRST.para_edge,
        "a paragraph a sentence on both sides"
    );
    assert_eq!(
        para_edge(2, 2, 2),
        params::FIRST.para_edge,
        "the same paragraphs of two"
    );
    assert_eq!(
        para_edge(2, 1, 2),
        params::PARA_EDGE_LEAST,
        "paragraphs of two that never start together"
    );
}

#[test]
fn words_the_lexicon_lacks_are_learned_from_the_confident_links() {
    // "Glorp" and "бумс" are in no lexicon and do not transliterate into each other.
    let (en, ru) = numbered(6, |year, ships| {
        (
            format!("In {year} the glorp of the harbour counted {ships} ships."),
            format!("В {year} году бумс гавани насчитал {ships} кораблей."),
        )
    });
    let t = transcript(
        vec![block(BlockKind::Narration, &refs(&en))],
        vec![block(BlockKind::Narration, &refs(&ru))],
    );
    let mut sides = Side::both(&t);
    let shared = |sides: &ByLang<Side>| -> Vec<u32> {
        (0..6)
            .map(|k| {
                cost::common(
                    &sides.en.items[k].features.concepts,
                    &sides.ru.items[k].features.concepts,
                )
            })
            .collect()
    };
    let before = shared(&sides);
    let path = beads::align(&sides.en.items, &sides.ru.items, params::FIRST);
    learn::from(&path, &sides).rename(&mut sides);
    let after = shared(&sides);
    for k in 0..6 {
        assert_eq!(after[k], before[k] + 1, "sentence {k}: {before:?} -> {after:?}");
    }
}

/// The two versions as one block of narration, a paragraph each string.
fn narration(en: &[String], ru: &[String]) -> Transcript {
    transcript(
        vec![block(BlockKind::Narration, &refs(en))],
        vec![block(BlockKind::Narration, &refs(ru))],
    )
}

/// What the first pass over `en` and `ru` (see [`narration`]) teaches the second.
fn first_lesson(en: &[String], ru: &[String]) -> params::Model {
    let sides = Side::both(&narration(en, ru));
    let path = beads::align(&sides.en.items, &sides.ru.items, params::FIRST);
    learn::from(&path, &sides).model
}

/// Twelve numbered sentences, every other one a line of dialogue: quoted in the English, after a
/// dash in the Russian, or (`russian_marks` false) not marked as speech in the Russian at all.
fn dialogue(russian_marks: bool) -> (Vec<String>, Vec<String>) {
    numbered(12, |year, bridges| {
        if bridges % 2 == 0 {
            (
                format!("In {year} the town had {bridges} bridges."),
                format!("В {year} году в городе было {bridges} мостов."),
            )
        } else {
            let dash = if russian_marks { "— " } else { "" };
            (
                format!("“We built {bridges} bridges by {year},” said the mayor."),
                format!("{dash}Мы построили {bridges} мостов к {year} году, — сказал мэр."),
            )
        }
    })
}

#[test]
fn speech_marks_count_where_both_versions_mark_speech() {
    let learned = |russian_marks: bool| {
        let (en, ru) = dialogue(russian_marks);
        first_lesson(&en, &ru).speech
    };
    // Half the links speak on both sides and half on neither: a link that speaks on one side
    // only is far likelier between unrelated sentences.
    assert!(learned(true) > 0.5, "{}", learned(true));
    // The Russian never marks speech: its marks' absence says nothing.
    assert_eq!(learned(false), 0.0);
}

#[test]
fn a_line_of_dialogue_pairs_with_dialogue_where_a_narrated_line_is_left_out() {
    // The Russian leaves out the narrated sentence after a line of dialogue. No word of either
    // is in the lexicon and their lengths are equal: only the speech marks, which the numbered
    // sentences show both versions to keep, tell which English sentence the Russian renders.
    let (mut en, mut ru) = dialogue(true);
    en.splice(
        6..6,
        [
            "“Glorp the snark,” frimmed the quibble...".to_string(),
            "Glorp the quibble flimmed a wobbly snark.".to_string(),
        ],
    );
    ru.insert(6, "— Бумс снарка, — фримнул квиббл.".to_string());
    let a = align(&narration(&en, &ru));
    let (quoted, narrated) = (
        (vec![(0, 6, 0..1)], vec![(0, 6, 0..1)]),
        (vec![(0, 7, 0..1)], vec![]),
    );
    let got = parts(&a);
    assert!(got.contains(&quoted) && got.contains(&narrated), "{got:?}");
}

#[test]
fn evidence_counts_the_paragraphs_a_unit_joins_and_what_its_side_leaves_out() {
    let t = sample();
    let a = align(&t);
    let chars = |u: &Unit| {
        u.sentences(&t, Lang::Ru)
            .map(|s| s.text.chars().count())
            .sum::<usize>()
    };
    let all: usize = a.units.iter().map(chars).sum();
    // The interjection is all the Russian text the English lacks.
    let interjection = &a.units[5];
    let share = chars(interjection) as f32 / all as f32;
    assert!(
        interjection.is_one_sided() && (interjection.evidence.omitted - share).abs() < 1e-3,
        "{interjection:?}, share {share}"
    );
    for u in a.units.iter().filter(|u| !u.is_one_sided()) {
        assert_eq!((u.evidence.omitted, u.evidence.paragraphs), (0.0, 0), "{u:?}");
    }
    // One English sentence whose translation the Russian breaks into two paragraphs.
    let t = transcript(
        vec![block(
            PUTIN,
            &["It rained all day in Moscow in 1905, and in 1906 the snow came early."],
        )],
        vec![block(
            PUTIN,
            &[
                "В 1905 году в Москве весь день шёл дождь.",
                "А в 1906 году рано выпал снег.",
            ],
        )],
    );
    let a = align(&t);
    assert_eq!(a.units.len(), 1, "{:?}", parts(&a));
    assert_eq!(a.units[0].evidence.paragraphs, 1);
}

#[test]
fn a_unit_is_less_sure_the_more_paragraphs_it_joins_and_an_omission_surer_where_omissions_are_common() {
    let a = align(&sample());
    let pair = a.units[4].evidence;
    let joined = Evidence {
        paragraphs: 1,
        ..pair
    };
    assert!(joined.confidence() < pair.confidence(), "{joined:?}");
    let omission = a.units[5].evidence;
    let common = Evidence {
        omitted: 0.3,
        ..omission
    };
    assert!(common.confidence() > omission.confidence(), "{common:?}");
}
