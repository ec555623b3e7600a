//! The reader on seed 000 (the Putin–Lukashenko press conference) as ingested and aligned:
//! whole-screen snapshots of reading, the picker and search.

mod tui_support;

use stenogram::library;
use stenogram::tui::app::{Action, App, Overlay};
use tui_support::{screen, seed, settle, type_in};

#[test]
fn seed_000_side_by_side_120x40() {
    let app = seed(120, 40);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn seed_000_stacked_80x24() {
    let mut app = seed(80, 24);
    app.update(Action::NextTurn);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn seed_000_speaker_filter_applied() {
    let mut app = seed(120, 40);
    // Keep only Putin: uncheck all, check the first.
    app.update(Action::SpeakerFilter);
    app.update(Action::ToggleAll);
    app.update(Action::Toggle);
    app.update(Action::Confirm);
    app.update(Action::NextTurn);
    app.update(Action::NextTurn);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn seed_000_picker_cyrillic_query() {
    let mut app = seed(120, 40);
    app.update(Action::TopicPicker);
    type_in(&mut app, "перемир");
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn seed_000_picker_latin_query() {
    let mut app = seed(120, 40);
    app.update(Action::TopicPicker);
    // A Latin query finds the Russian «перемирие» through transliteration.
    type_in(&mut app, "peremir");
    let Overlay::Picker(picker) = &app.overlay else {
        panic!("picker open")
    };
    let topics = app
        .reader
        .as_ref()
        .and_then(|r| r.topics.as_ref())
        .expect("topic index built");
    let top = picker.hits.first().expect("a hit");
    assert!(topics.topics().get(top.topic).is_some());
    assert!(
        top.snippet.ru.to_lowercase().contains("перемир"),
        "{:?}",
        top.snippet
    );
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn seed_000_search_with_matches() {
    let mut app = seed(120, 40);
    app.update(Action::Search);
    type_in(&mut app, "Трамп");
    app.update(Action::Confirm);
    app.update(Action::NextMatch);
    let search = app
        .reader
        .as_ref()
        .and_then(|r| r.search.as_ref())
        .expect("a search");
    assert!(search.matches.len() >= 2, "{}", search.matches.len());
    assert_eq!(search.current, Some(1));
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn seed_000_has_the_same_topics_opened_from_the_library_as_by_path() {
    let by_path = seed(120, 40);
    let (mut app, effects) = App::new(library::bundled(), true, (120, 40), true);
    settle(&mut app, effects);
    let doc = app
        .docs
        .iter()
        .position(|d| d.name.contains("press-conference"))
        .expect("bundled");
    let at = app
        .library
        .matches
        .iter()
        .position(|&m| m == doc)
        .expect("listed");
    for _ in 0..at {
        app.update(Action::Down);
    }
    let effects = app.update(Action::Confirm);
    settle(&mut app, effects);
    let index = |app: &App| {
        let r = app.reader.as_ref().expect("open");
        assert_eq!(app.docs[r.doc].transcript, by_path.docs[0].transcript);
        r.topics.clone().expect("indexed")
    };
    let (library, path) = (index(&app), index(&by_path));
    assert_eq!(library.topics(), path.topics());
    assert_eq!(library.query("ceasefire", 50), path.query("ceasefire", 50));
}
