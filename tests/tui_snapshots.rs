//! Whole-screen snapshots of the reader on a TestBackend.

mod tui_support;

use stenogram::state::Memory;
use stenogram::tui::app::{Action, App};
use tui_support::{document, press_conference, reader, screen, text, type_in};

fn apply(app: &mut App, actions: &[Action]) {
    for a in actions {
        app.update(a.clone());
    }
}

#[test]
fn library() {
    let mut english = press_conference(1);
    if let Some(v) = english.versions.en.as_mut() {
        v.meta.title = Some("Beginning of Russian-Belarusian talks".into());
    }
    english.versions.ru = None;
    let docs = vec![
        document("press.txt", press_conference(2)),
        document("talks.txt", english),
    ];
    let (app, _) = App::new(docs, true, (100, 12), true);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn library_with_how_far_each_was_read_and_long_titles_cut() {
    let mut long = press_conference(1);
    if let Some(v) = long.versions.ru.as_mut() {
        v.meta.title = Some(
            "Совместная пресс-конференция Президента России и Президента Белоруссии по итогам переговоров в расширенном составе".into(),
        );
    }
    let docs = vec![
        document("press.txt", press_conference(2)),
        document("long.txt", long),
    ];
    let (mut app, _) = App::new(docs, true, (100, 10), true);
    app.memory = vec![
        None,
        Some(Memory {
            percent: 37,
            ..Memory::default()
        }),
    ];
    insta::assert_snapshot!(screen(&app));
    app.update(Action::Search);
    type_in(&mut app, "zzzz");
    let empty = text(&app);
    assert!(empty.contains("No transcript matches “zzzz”"), "{empty}");
}

#[test]
fn reader_side_by_side_120x40() {
    let app = reader(press_conference(3), 120, 40);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn reader_stacked_80x24_after_scrolling() {
    let mut app = reader(press_conference(3), 80, 24);
    apply(&mut app, &[Action::NextUnit, Action::NextUnit, Action::LineDown]);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn speaker_filter_open() {
    let mut app = reader(press_conference(2), 100, 24);
    apply(&mut app, &[Action::SpeakerFilter, Action::Down, Action::Toggle]);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn speaker_filter_applied() {
    let mut app = reader(press_conference(2), 100, 30);
    apply(
        &mut app,
        &[
            Action::SpeakerFilter,
            Action::Down,
            Action::Toggle,
            Action::Confirm,
        ],
    );
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn help() {
    let mut app = reader(press_conference(2), 100, 40);
    app.update(Action::Help);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn one_language_document() {
    let mut t = press_conference(1);
    t.versions.en = None;
    let app = reader(t, 100, 20);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn help_at_80x24_in_two_columns() {
    let mut app = reader(press_conference(2), 80, 24);
    app.update(Action::Help);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn library_with_a_user_folder() {
    let user = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        user.path().join("interview.en.txt"),
        "An interview about the harvest\n20 November 2026\n\nJohn Smith: The harvest was good this year.\n",
    )
    .expect("write");
    std::fs::write(
        user.path().join("interview.ru.txt"),
        "Интервью об урожае\n20 ноября 2026 года\n\nДжон Смит: Урожай в этом году был хорошим.\n",
    )
    .expect("write");
    let (docs, notes) = stenogram::library::home(Some(user.path()), None);
    assert!(notes.is_empty(), "{notes:?}");
    let (app, _) = App::new(docs, true, (110, 12), true);
    let list = text(&app);
    // The user's bilingual interview is the newest: first, under its title, not its file name.
    let first = list.lines().nth(2).unwrap_or_default();
    assert!(first.contains("Интервью об урожае"), "{list}");
    insta::assert_snapshot!(screen(&app));
}
