//! Hand-built transcripts and a TestBackend screen for the reader's tests.
#![allow(dead_code)] // each test crate uses a different part

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use stenogram::align::align;
use stenogram::find::LibraryIndex;
use stenogram::library::Document;
use stenogram::model::{Block, BlockKind, ByLang, Lang, Meta, Paragraph, Speaker, Transcript, Version};
use stenogram::state::Memory;
use stenogram::tui::app::{Action, App, Effect};
use stenogram::tui::render;

fn para(text: &str, lang: Lang) -> Paragraph {
    Paragraph {
        text: text.to_string(),
        sentences: stenogram::sentences::split(text, lang),
        line: 0,
    }
}

fn speaker(id: &str, en: &str, ru: &str) -> Speaker {
    Speaker {
        id: id.into(),
        name: ByLang::new(en.into(), ru.into()),
        transliterated: ByLang::default(),
    }
}

/// A press conference in both languages: a heading, a lead, turns by three speakers, a Q&A
/// heading and one Russian paragraph with no English; `rounds` repeats the exchange.
pub fn press_conference(rounds: usize) -> Transcript {
    let mut blocks = ByLang::<Vec<Block>>::default();
    let mut push = |kind: BlockKind, en: &[&str], ru: &[&str]| {
        blocks.en.push(Block {
            kind,
            paragraphs: en.iter().map(|t| para(t, Lang::En)).collect(),
        });
        blocks.ru.push(Block {
            kind,
            paragraphs: ru.iter().map(|t| para(t, Lang::Ru)).collect(),
        });
    };
    push(
        BlockKind::Heading,
        &["Press statements"],
        &["Заявления для прессы"],
    );
    push(
        BlockKind::Narration,
        &["The presidents exchanged ratification instruments for the Security Guarantees Treaty."],
        &["Президенты обменялись ратификационными грамотами к Договору о гарантиях безопасности."],
    );
    for round in 1..=rounds {
        push(
            BlockKind::Turn(0),
            &[
                &format!(
                    "Esteemed colleagues, friends! This is round {round} of our talks about the Union State."
                ),
                "Trade turnover grew by approximately six percent and exceeded fifty billion dollars.",
            ],
            &[
                &format!(
                    "Уважаемые коллеги, друзья! Это раунд {round} наших переговоров о Союзном государстве."
                ),
                "Товарооборот вырос примерно на шесть процентов и превысил пятьдесят миллиардов долларов.",
            ],
        );
        push(
            BlockKind::Turn(1),
            &["Thank you. We discussed the Oreshnik system and the ceasefire proposal in detail."],
            &["Спасибо. Мы подробно обсудили систему «Орешник» и предложение о перемирии."],
        );
        push(BlockKind::Heading, &["Q&A"], &["Вопросы и ответы"]);
        push(
            BlockKind::Turn(2),
            &[],
            &["Белорусское телевидение. Вопрос обоим президентам: как вы оцениваете итоги года?"],
        );
    }
    let meta = |title: &str, date: &str| Meta {
        title: Some(title.into()),
        date: Some(date.into()),
        place: None,
        source: None,
    };
    Transcript {
        speakers: vec![
            speaker("putin", "Vladimir Putin", "В.Путин"),
            speaker("lukashenko", "Alexander Lukashenko", "А.Лукашенко"),
            speaker("pyzh", "A. Pyzh", "А.Пыж"),
        ],
        versions: ByLang::new(
            Some(Version {
                meta: meta("Press statements by Russia and Belarus", "13 March 2025"),
                blocks: blocks.en,
            }),
            Some(Version {
                meta: meta("Заявления для прессы России и Белоруссии", "13 марта 2025 года"),
                blocks: blocks.ru,
            }),
        ),
    }
}

pub fn document(name: &str, transcript: Transcript) -> Document {
    Document {
        name: name.into(),
        origin: format!("test:{name}"),
        transcript,
        warnings: vec![],
        cached: None,
    }
}

/// The reader on seed 000 (the Putin–Lukashenko press conference) as ingested and aligned.
pub fn seed(w: u16, h: u16) -> App {
    let (mut app, effects) = App::new(seed_docs(), false, (w, h), true);
    settle(&mut app, effects);
    app
}

/// The reader on seed 000 as a new run opens it that finds `memory` remembered for it: aligned,
/// laid out whole and indexed.
pub fn seed_remembering(w: u16, h: u16, memory: Memory) -> App {
    let (mut app, effects) = App::resuming(seed_docs(), false, (w, h), true, vec![Some(memory)]);
    settle(&mut app, effects);
    let effects = app.update(Action::LayOut);
    settle(&mut app, effects);
    app
}

fn seed_docs() -> Vec<Document> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/000_press_conference.txt");
    stenogram::library::load(&stenogram::library::Sources {
        paths: vec![path],
        pair: None,
    })
    .expect("seed 000 loads")
}

/// The reader opened straight on `t` at `w`×`h`, in colour, aligned and indexed.
pub fn reader(t: Transcript, w: u16, h: u16) -> App {
    let (mut app, effects) = opened(t, w, h);
    settle(&mut app, effects);
    app
}

/// Does at once what the event loop does, on other threads, for `effects` and the effects that
/// follow: aligning a document whatever its length (never from the cache), indexing it, indexing
/// the library.
pub fn settle(app: &mut App, mut effects: Vec<Effect>) {
    while let Some(effect) = effects.pop() {
        let action = match effect {
            Effect::Align { doc, .. } => Action::Aligned(doc, Box::new(align(&app.docs[doc].transcript))),
            Effect::Index(doc) => match app.index_job(doc) {
                Some(job) => Action::Indexed(doc, Box::new(job.run())),
                None => continue,
            },
            Effect::IndexLibrary => Action::LibraryIndexed(Box::new(LibraryIndex::build(&app.library_job()))),
            Effect::Mouse(_) | Effect::Copy(_) | Effect::Remember(..) | Effect::Suspend => continue,
        };
        effects.extend(app.update(action));
    }
}

/// The reader on `t` alone, and the effects opening it asked for.
pub fn opened(t: Transcript, w: u16, h: u16) -> (App, Vec<Effect>) {
    App::new(vec![document("press.txt", t)], false, (w, h), true)
}

/// Types `text` into whatever input is open: the library filter, the search line, the picker.
pub fn type_in(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Input(c));
    }
}

/// Draws `app` on a TestBackend of its size.
pub fn screen(app: &App) -> TestBackend {
    let mut terminal = Terminal::new(TestBackend::new(app.size.0, app.size.1)).expect("test backend");
    terminal
        .draw(|f| render::draw(f.buffer_mut(), app))
        .expect("draw");
    terminal.backend().clone()
}

/// The screen as text, one line per row.
pub fn text(app: &App) -> String {
    let backend = screen(app);
    let buf = backend.buffer();
    (0..buf.area.height)
        .map(|y| {
            let line: String = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
            line.trim_end().to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}
