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

/// Each unit as (English block, its paragraphs, Russian block, its paragraphs).
type Paras = (Option<usize>, Range<usize>, Option<usize>, Range<usize>);

fn paras(a: &Alignment) -> Vec<Paras> {
    a.units
        .iter()
        .map(|u| (u.block.en, u.paras.en.clone(), u.block.ru, u.paras.ru.clone()))
        .collect()
}

#[test]
fn units_are_the_smallest_groups_of_whole_paragraphs() {
    let a = align(&sample());
    assert_eq!(
        paras(&a),
        vec![
            (Some(0), 0..1, Some(0), 0..1),
            // One English paragraph, two Russian ones: a 2-paragraph unit.
            (Some(0), 1..2, Some(0), 1..3),
            (Some(0), 2..3, Some(0), 3..4),
            (Some(1), 0..1, Some(1), 0..1),
            // Putin's interjection exists in Russian only.
            (None, 0..0, Some(2), 0..1),
            (Some(1), 1..2, Some(3), 0..1),
        ]
    );
    let speakers: Vec<_> = a.units.iter().map(|u| u.speaker).collect();
    assert_eq!(
        speakers,
        vec![Some(0), Some(0), Some(0), Some(1), Some(0), Some(1)]
    );
    let unit = &a.units[1];
    assert_eq!(
        unit.links,
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
        a.units[4].is_one_sided() && a.units[4].confidence > 0.5,
        "{:?}",
        a.units[4]
    );
}

#[test]
fn one_language_gives_one_sided_units_of_full_confidence() {
    let t = transcript(vec![], sample().versions.ru.map_or(vec![], |v| v.blocks));
    let a = align(&t);
    assert_eq!(a.units.len(), 7, "one unit per paragraph: {:?}", paras(&a));
    assert!(
        a.units
            .iter()
            .all(|u| u.is_one_sided() && u.block.en.is_none() && u.confidence == 1.0)
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
                    "Сегодня в Сочи прошёл турнир по шахматам среди школьников.",
                    "Погода в Новосибирске была холодной, выпал снег.",
                    "Команда из Казани победила в финале со счётом 3:1.",
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
    assert_eq!((s.units, s.paired, s.english_only, s.russian_only), (6, 5, 0, 1));
    assert_eq!(s.verdict, Verdict::Translation, "{s}");
}
