//! The reader's state driven by actions alone: scrolling, unit and turn jumps, the speaker
//! filter, resizing and the library.

mod tui_support;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use stenogram::layout::Arrangement;
use stenogram::model::Lang;
use stenogram::tui::app::{Action, App, Effect, Mode, Overlay, Reader};
use stenogram::tui::render;
use tui_support::{document, opened, press_conference, reader, settle, text, type_in};

fn r(app: &App) -> &Reader {
    app.reader.as_ref().expect("a document is open")
}

fn visible(app: &App, row: usize) -> bool {
    let s = r(app).viewport.scroll;
    (s..s + app.body_height()).contains(&row)
}

#[test]
fn scrolling_clamps_at_both_ends() {
    let mut app = reader(press_conference(20), 120, 40);
    app.update(Action::LineUp);
    assert_eq!(r(&app).viewport.scroll, 0);
    app.update(Action::LineDown);
    app.update(Action::LineDown);
    assert_eq!(r(&app).viewport.scroll, 2);
    app.update(Action::HalfPageDown);
    assert_eq!(r(&app).viewport.scroll, 2 + 19);
    for _ in 0..100 {
        app.update(Action::PageDown);
    }
    let max = r(&app).layout.rows.len() - app.body_height();
    assert_eq!(r(&app).viewport.scroll, max);
    app.update(Action::LineDown);
    assert_eq!(r(&app).viewport.scroll, max);
    app.update(Action::Top);
    assert_eq!(r(&app).viewport.scroll, 0);
    app.update(Action::Bottom);
    assert_eq!(r(&app).viewport.scroll, max);
    assert_eq!(
        r(&app).viewport.cursor,
        *r(&app).layout.stops.last().expect("stops")
    );
}

#[test]
fn unit_jumps_land_on_unit_starts_in_view() {
    let mut app = reader(press_conference(10), 120, 40);
    let stops = r(&app).layout.stops.clone();
    assert!(stops.len() > 40);
    for &expected in &stops[1..] {
        app.update(Action::NextUnit);
        assert_eq!(r(&app).viewport.cursor, expected);
        assert!(visible(&app, r(&app).layout.unit_row[expected]));
    }
    // At the end, `}` stays put.
    app.update(Action::NextUnit);
    assert_eq!(r(&app).viewport.cursor, *stops.last().expect("stops"));
    for &expected in stops[..stops.len() - 1].iter().rev() {
        app.update(Action::PrevUnit);
        assert_eq!(r(&app).viewport.cursor, expected);
        assert!(visible(&app, r(&app).layout.unit_row[expected]));
    }
}

#[test]
fn turn_jumps_skip_to_the_next_speaker() {
    let mut app = reader(press_conference(3), 120, 40);
    let starts: Vec<usize> = r(&app).layout.turns.clone();
    // Each round: Putin, Lukashenko, and Pyzh's question (Russian only).
    assert_eq!(starts.len(), 9);
    let speakers: Vec<_> = starts
        .iter()
        .map(|&u| r(&app).alignment.units[u].speaker)
        .collect();
    assert_eq!(&speakers[..3], [Some(0), Some(1), Some(2)]);
    for &u in &starts {
        app.update(Action::NextTurn);
        assert_eq!(r(&app).viewport.cursor, u);
    }
    app.update(Action::PrevTurn);
    assert_eq!(r(&app).viewport.cursor, starts[7]);
}

#[test]
fn scrolling_moves_the_cursor_only_when_its_unit_leaves_the_screen() {
    let mut app = reader(press_conference(10), 120, 40);
    app.update(Action::NextUnit);
    app.update(Action::NextUnit);
    app.update(Action::LineDown);
    assert_eq!(r(&app).viewport.cursor, 2, "unit 2 is still on screen");
    app.update(Action::Top);
    app.update(Action::LineDown);
    assert_eq!(r(&app).viewport.cursor, 1, "the one-row heading scrolled off");
    app.update(Action::PageDown);
    let top_unit = r(&app).layout.rows[r(&app).viewport.scroll].unit;
    assert_eq!(r(&app).viewport.cursor, top_unit);
}

#[test]
fn speaker_filter_collapses_turns_and_navigation_respects_it() {
    let mut app = reader(press_conference(3), 120, 40);
    app.update(Action::SpeakerFilter);
    assert_eq!(app.mode(), Mode::Speakers);
    app.update(Action::Down);
    app.update(Action::Toggle);
    // Esc forgets the edit.
    app.update(Action::Cancel);
    assert_eq!(r(&app).hidden, [false, false, false]);
    app.update(Action::SpeakerFilter);
    app.update(Action::Down);
    app.update(Action::Toggle);
    app.update(Action::Confirm);
    assert_eq!(r(&app).hidden, [false, true, false]);
    let screen = text(&app);
    assert_eq!(screen.matches("… 1 turn by А.Лукашенко").count(), 3, "{screen}");
    assert!(screen.contains("… 1 turn by Alexander Lukashenko"));
    assert!(screen.contains("hiding А.Лукашенко"));
    assert!(!screen.contains("Орешник"));
    // The collapsed line is one stop: `}` from Putin's second paragraph lands on it.
    let collapsed = r(&app)
        .alignment
        .units
        .iter()
        .position(|u| u.speaker == Some(1))
        .expect("a turn");
    let before = r(&app).layout.stops[r(&app).layout.stop_of(collapsed) - 1];
    while r(&app).viewport.cursor < before {
        app.update(Action::NextUnit);
    }
    app.update(Action::NextUnit);
    assert_eq!(r(&app).viewport.cursor, collapsed);
    app.update(Action::NextUnit);
    assert!(r(&app).alignment.units[r(&app).viewport.cursor].speaker != Some(1));
    // `a` checks all when some are unchecked, then none.
    app.update(Action::SpeakerFilter);
    app.update(Action::ToggleAll);
    app.update(Action::Confirm);
    assert_eq!(r(&app).hidden, [false, false, false]);
    app.update(Action::SpeakerFilter);
    app.update(Action::ToggleAll);
    app.update(Action::Confirm);
    assert_eq!(r(&app).hidden, [true, true, true]);
}

#[test]
fn resize_reflows_and_keeps_the_current_unit_in_view() {
    let mut app = reader(press_conference(10), 120, 40);
    for _ in 0..25 {
        app.update(Action::NextUnit);
    }
    let unit = r(&app).viewport.cursor;
    assert_eq!(app.arrangement(), Some(Arrangement::Columns));
    app.update(Action::Resize(80, 24));
    assert_eq!(
        app.arrangement(),
        Some(Arrangement::Stacked([Lang::Ru, Lang::En]))
    );
    assert_eq!(r(&app).viewport.cursor, unit);
    assert!(visible(&app, r(&app).layout.unit_row[unit]));
    app.update(Action::Resize(200, 50));
    assert_eq!(r(&app).viewport.cursor, unit);
    assert!(visible(&app, r(&app).layout.unit_row[unit]));
}

#[test]
fn swap_and_layout_cycle_change_the_arrangement() {
    let mut app = reader(press_conference(1), 120, 40);
    let first_line = |app: &App| text(app).lines().nth(1).unwrap_or_default().to_string();
    assert!(
        first_line(&app).starts_with("▌ Заявления для прессы"),
        "{}",
        first_line(&app)
    );
    app.update(Action::SwapPanes);
    assert!(first_line(&app).starts_with("▌ Press statements"));
    app.update(Action::CycleLayout);
    app.update(Action::CycleLayout);
    assert_eq!(
        app.arrangement(),
        Some(Arrangement::Stacked([Lang::En, Lang::Ru]))
    );
    app.update(Action::CycleLayout);
    assert_eq!(app.arrangement(), Some(Arrangement::Single(Lang::En)));
    app.update(Action::SwitchLanguage);
    assert_eq!(app.arrangement(), Some(Arrangement::Single(Lang::Ru)));
}

#[test]
fn too_small_a_terminal_gets_a_message() {
    let mut app = reader(press_conference(1), 120, 40);
    app.update(Action::Resize(30, 8));
    assert!(text(&app).starts_with("Terminal too small"));
    app.update(Action::Resize(40, 10));
    assert!(text(&app).contains("Заявления"));
}

#[test]
fn a_frame_smaller_than_the_app_is_left_blank_not_drawn_off_its_buffer() {
    // Over SSH the window can shrink before its Resize event is handled.
    let app = reader(press_conference(1), 120, 40);
    for (w, h) in [(60, 20), (1, 1), (0, 0)] {
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test backend");
        terminal
            .draw(|f| render::draw(f.buffer_mut(), &app))
            .expect("draw");
        let buf = terminal.backend().buffer();
        assert!(buf.content.iter().all(|c| c.symbol() == " "), "{w}×{h}");
    }
    assert!(text(&app).contains("Заявления"));
}

#[test]
fn library_filters_opens_and_q_goes_back() {
    let mut other = press_conference(1);
    if let Some(v) = other.versions.en.as_mut() {
        v.meta.title = Some("Talks with the Emir of Qatar".into());
    }
    other.versions.ru = None;
    let docs = vec![document("a.txt", press_conference(1)), document("b.txt", other)];
    let (mut app, _) = App::new(docs, true, (120, 40), true);
    assert_eq!(app.mode(), Mode::Library);
    assert_eq!(app.library.matches, [0, 1]);
    app.update(Action::Search);
    type_in(&mut app, "qatar");
    assert_eq!(app.library.matches, [1]);
    app.update(Action::Confirm);
    assert_eq!(r(&app).doc, 1);
    assert_eq!(app.arrangement(), Some(Arrangement::Single(Lang::En)));
    app.update(Action::Back);
    assert_eq!(app.mode(), Mode::Library);
    app.update(Action::Back);
    assert!(app.quit);
}

#[test]
fn q_quits_a_document_opened_directly() {
    let mut app = reader(press_conference(1), 120, 40);
    app.update(Action::Back);
    assert!(app.quit);
}

#[test]
fn search_counts_matches_and_n_wraps() {
    let mut app = reader(press_conference(3), 120, 40);
    app.update(Action::Search);
    assert_eq!(app.mode(), Mode::Search);
    type_in(&mut app, "перемир");
    app.update(Action::Confirm);
    let search = r(&app).search.clone().expect("a search");
    assert_eq!(search.matches.len(), 3);
    assert!(search.matches.iter().all(|m| m.lang == Lang::Ru));
    assert_eq!(search.current, Some(0));
    assert_eq!(r(&app).viewport.cursor, search.matches[0].unit);
    assert!(text(&app).contains("/перемир  1/3"));
    app.update(Action::NextMatch);
    app.update(Action::NextMatch);
    assert_eq!(r(&app).search.as_ref().and_then(|s| s.current), Some(2));
    assert!(visible(&app, r(&app).layout.unit_row[search.matches[2].unit]));
    app.update(Action::NextMatch);
    assert_eq!(r(&app).search.as_ref().and_then(|s| s.current), Some(0));
    assert_eq!(app.message.as_deref(), Some("Search wrapped to the top"));
    app.update(Action::PrevMatch);
    assert_eq!(r(&app).search.as_ref().and_then(|s| s.current), Some(2));
    app.update(Action::Cancel);
    assert!(r(&app).search.is_none());
}

#[test]
fn search_skips_collapsed_turns_and_is_case_insensitive_in_english() {
    let mut app = reader(press_conference(2), 120, 40);
    app.update(Action::Search);
    type_in(&mut app, "OREShnik");
    app.update(Action::Confirm);
    // «Орешник» too: the Latin letters spell it.
    assert_eq!(r(&app).search.as_ref().map(|s| s.matches.len()), Some(4));
    // Hiding Lukashenko, who says it, leaves nothing to show, and the reader says why.
    app.update(Action::SpeakerFilter);
    app.update(Action::Down);
    app.update(Action::Toggle);
    app.update(Action::Confirm);
    assert_eq!(r(&app).search.as_ref().map(|s| s.matches.len()), Some(0));
    assert_eq!(
        app.message.as_deref(),
        Some("Only in hidden turns: 4 matches: f to show")
    );
    app.update(Action::Search);
    type_in(&mut app, "xylophone");
    app.update(Action::Confirm);
    assert_eq!(app.message.as_deref(), Some("Not found: xylophone"));
}

#[test]
fn search_counts_the_matches_the_speaker_filter_hides() {
    let mut app = reader(press_conference(2), 120, 40);
    // Hide the journalist, who asks «Вопрос обоим президентам» in each round.
    app.update(Action::SpeakerFilter);
    app.update(Action::Down);
    app.update(Action::Down);
    app.update(Action::Toggle);
    app.update(Action::Confirm);
    assert_eq!(r(&app).hidden, [false, false, true]);
    app.update(Action::Search);
    type_in(&mut app, "президенты");
    app.update(Action::Confirm);
    // «Президенты обменялись…» in the narration is shown; the two questions are not.
    assert_eq!(r(&app).search.as_ref().map(|s| s.matches.len()), Some(1));
    assert_eq!(app.message.as_deref(), Some("2 more in hidden turns: f to show"));
    assert!(text(&app).contains("2 more in hidden turns: f to show"));
}

#[test]
fn a_topic_in_a_hidden_turn_shows_that_turn() {
    let mut app = reader(press_conference(2), 120, 40);
    // Hide Lukashenko, then jump to what only he says.
    app.update(Action::SpeakerFilter);
    app.update(Action::Down);
    app.update(Action::Toggle);
    app.update(Action::Confirm);
    assert_eq!(r(&app).hidden, [false, true, false]);
    app.update(Action::TopicPicker);
    type_in(&mut app, "oreshnik");
    app.update(Action::Confirm);
    assert_eq!(r(&app).hidden, [false, false, false]);
    assert_eq!(
        app.message.as_deref(),
        Some("Showing Alexander Lukashenko's turns again")
    );
    let cursor = r(&app).viewport.cursor;
    assert_eq!(r(&app).alignment.units[cursor].speaker, Some(1));
    assert!(visible(&app, r(&app).layout.unit_row[cursor]));
}

#[test]
fn matches_are_highlighted_in_the_text() {
    let mut app = reader(press_conference(1), 120, 40);
    app.update(Action::Search);
    type_in(&mut app, "ceasefire");
    app.update(Action::Confirm);
    let backend = tui_support::screen(&app);
    let buf = backend.buffer();
    let (x, y) = (0..buf.area.height)
        .flat_map(|y| (0..buf.area.width).map(move |x| (x, y)))
        .find(|&(x, y)| {
            let word: String = (x..(x + 9).min(buf.area.width))
                .map(|x| buf[(x, y)].symbol())
                .collect();
            word == "ceasefire"
        })
        .expect("the match on screen");
    use ratatui::style::Color;
    assert!(
        (x..x + 9).all(|x| buf[(x, y)].bg == Color::Green),
        "current match marked"
    );
    assert_ne!(buf[(x - 2, y)].bg, Color::Green);
}

#[test]
fn picker_jumps_to_the_chosen_topic() {
    let mut app = reader(press_conference(3), 120, 40);
    app.update(Action::TopicPicker);
    assert_eq!(app.mode(), Mode::Picker);
    type_in(&mut app, "вопрос");
    let Some(stenogram::tui::app::Overlay::Picker(picker)) = Some(app.overlay.clone()) else {
        panic!("picker open")
    };
    assert!(!picker.hits.is_empty());
    let topics = r(&app).topics.as_ref().expect("topic index").topics().to_vec();
    let first = &topics[picker.hits[0].topic];
    assert!(
        picker.hits[0].snippet.ru.to_lowercase().contains("вопрос"),
        "{:?}",
        picker.hits[0]
    );
    app.update(Action::Down);
    app.update(Action::Up);
    app.update(Action::Confirm);
    assert_eq!(app.mode(), Mode::Reader);
    assert_eq!(r(&app).viewport.cursor, first.unit);
    assert!(visible(&app, r(&app).layout.unit_row[first.unit]));
    // Esc leaves the reader where it was.
    app.update(Action::TopicPicker);
    app.update(Action::Input('x'));
    app.update(Action::Cancel);
    assert_eq!(r(&app).viewport.cursor, first.unit);
}

#[test]
fn f_in_the_library_searches_every_transcript_and_opens_a_hit_at_its_sentence() {
    let mut report = press_conference(1);
    report.versions.en = None;
    if let Some(v) = report.versions.ru.as_mut() {
        v.blocks.truncate(2);
        v.blocks[1].paragraphs[0].text = "Стороны обсудили перемирие. Других новостей нет.".into();
        v.blocks[1].paragraphs[0].sentences =
            stenogram::sentences::split(&v.blocks[1].paragraphs[0].text, Lang::Ru);
    }
    let docs = vec![document("a.txt", press_conference(3)), document("b.txt", report)];
    let (mut app, _) = App::new(docs, true, (120, 40), true);
    let effects = app.update(Action::FindInLibrary);
    assert!(effects.is_empty());
    assert_eq!(app.mode(), Mode::Find);
    type_in(&mut app, "перемирие");
    let effects = app.update(Action::Confirm);
    assert_eq!(
        effects,
        [Effect::IndexLibrary],
        "the library is read in the background"
    );
    assert!(text(&app).contains("reading every transcript…"));
    settle(&mut app, effects);
    let Overlay::Find(f) = &app.overlay else {
        panic!("still finding")
    };
    // Three rounds of the press conference and the report; the exact word first.
    assert_eq!(f.hits.len(), 4, "{:?}", f.hits);
    assert_eq!(
        (f.hits[0].doc, f.hits[0].text.ru.as_str()),
        (1, "Стороны обсудили перемирие.")
    );
    assert!(text(&app).contains("4 passages"));
    app.update(Action::Down);
    app.update(Action::Down);
    let hit = match &app.overlay {
        Overlay::Find(f) => f.hits[2].clone(),
        _ => panic!("still finding"),
    };
    app.update(Action::Confirm);
    assert_eq!(app.mode(), Mode::Reader);
    assert_eq!((r(&app).doc, r(&app).viewport.cursor), (0, hit.unit));
    assert!(visible(&app, r(&app).layout.unit_row[hit.unit]));
    // The query is the reader's search there: n goes on to the next.
    let search = r(&app).search.as_ref().expect("searched");
    assert_eq!(search.query, "перемирие");
    assert_eq!(search.matches[search.current.expect("current")], hit.matches[0]);
}

#[test]
fn no_color_uses_modifiers_only() {
    use ratatui::style::{Color, Modifier};
    let colors = |color: bool| {
        let (mut app, effects) = App::new(
            vec![document("p.txt", press_conference(2))],
            false,
            (120, 40),
            color,
        );
        settle(&mut app, effects);
        app.update(Action::Search);
        app.update(Action::Input('Q'));
        app.update(Action::Confirm);
        let backend = tui_support::screen(&app);
        let cells: Vec<_> = backend.buffer().content().to_vec();
        let colored = cells
            .iter()
            .filter(|c| c.fg != Color::Reset || c.bg != Color::Reset)
            .count();
        let reversed = cells
            .iter()
            .filter(|c| c.modifier.contains(Modifier::REVERSED))
            .count();
        (colored, reversed)
    };
    let (colored, _) = colors(true);
    assert!(colored > 0);
    let (colored, reversed) = colors(false);
    assert_eq!(colored, 0);
    // The header and status bars, and the search match, are still marked.
    assert!(reversed > 120);
}

#[test]
fn m_toggles_mouse_capture_and_the_wheel_scrolls() {
    let mut app = reader(press_conference(10), 120, 40);
    assert!(!app.mouse, "off by default so the terminal can select text");
    app.update(Action::ToggleMouse);
    assert!(app.mouse);
    app.update(Action::Scroll(3));
    assert_eq!(r(&app).viewport.scroll, 3);
    app.update(Action::ToggleMouse);
    assert!(!app.mouse);
}

#[test]
fn picker_highlights_the_matched_characters() {
    use ratatui::style::Color;
    let mut app = reader(press_conference(1), 120, 40);
    app.update(Action::TopicPicker);
    type_in(&mut app, "орешник");
    let backend = tui_support::screen(&app);
    let buf = backend.buffer();
    let marked: String = buf
        .content()
        .iter()
        .filter(|c| c.fg == Color::Yellow)
        .map(|c| c.symbol())
        .collect();
    assert!(marked.to_lowercase().contains("орешник"), "{marked:?}");
}

#[test]
fn an_empty_document_opens_and_every_key_is_harmless() {
    let mut app = reader(stenogram::model::Transcript::default(), 80, 24);
    for action in [
        Action::PageDown,
        Action::Bottom,
        Action::NextUnit,
        Action::PrevTurn,
        Action::SpeakerFilter,
        Action::CycleLayout,
        Action::TopicPicker,
        Action::Input('x'),
        Action::Confirm,
        Action::Search,
        Action::Input('x'),
        Action::Confirm,
        Action::NextMatch,
    ] {
        app.update(action);
    }
    assert_eq!(r(&app).viewport.scroll, 0);
    assert!(text(&app).contains("Not found: x"), "{}", text(&app));
}

#[test]
fn a_one_language_document_keeps_one_full_width_pane() {
    let mut t = press_conference(1);
    t.versions.ru = None;
    let mut app = reader(t, 120, 40);
    assert_eq!(app.arrangement(), Some(Arrangement::Single(Lang::En)));
    app.update(Action::CycleLayout);
    assert_eq!(app.arrangement(), Some(Arrangement::Single(Lang::En)));
    assert_eq!(app.message.as_deref(), Some("This document has one language"));
    let screen = text(&app);
    assert!(screen.lines().next().unwrap_or_default().contains("English only"));
    assert!(!screen.contains('│'));
}

#[test]
fn a_long_document_opens_on_its_opening_and_takes_the_whole_alignment_in_place() {
    // About 1.3 MB of text: more than the reader aligns before the first frame.
    let t = press_conference(3000);
    let whole = stenogram::align::align(&t);
    let (mut app, effects) = opened(t, 120, 40);
    assert_eq!(
        effects,
        [Effect::Align {
            doc: 0,
            background: true
        }],
        "the whole is aligned in the background"
    );
    assert!(r(&app).aligning);
    let opening = r(&app).alignment.units.len();
    assert!(
        opening > 10 && opening < whole.units.len() / 20,
        "{opening} of {}",
        whole.units.len()
    );
    let screen = text(&app);
    assert!(
        screen.lines().next().is_some_and(|l| l.ends_with("aligning…")),
        "{screen}"
    );
    // What needs the whole document waits for it, and says so.
    for action in [Action::Search, Action::TopicPicker, Action::SpeakerFilter] {
        app.update(action);
        assert_eq!(app.mode(), Mode::Reader);
        assert!(app.message.as_deref().is_some_and(|m| m.contains("aligning")));
    }
    for _ in 0..5 {
        app.update(Action::NextUnit);
    }
    let (cursor, scroll) = (r(&app).viewport.cursor, r(&app).viewport.scroll);
    // Another document's alignment is not this one's.
    app.update(Action::Aligned(1, Box::new(whole.clone())));
    assert!(r(&app).aligning);
    let effects = app.update(Action::Aligned(0, Box::new(whole.clone())));
    assert!(!r(&app).aligning);
    assert_eq!(*r(&app).alignment, whole);
    // The indexes are built in the background too; the picker waits for them.
    assert_eq!(effects, [Effect::Index(0)]);
    app.update(Action::TopicPicker);
    assert_eq!(app.mode(), Mode::Reader);
    assert_eq!(
        app.message.as_deref(),
        Some("Still indexing the document: a moment")
    );
    settle(&mut app, effects);
    app.update(Action::TopicPicker);
    assert_eq!(app.mode(), Mode::Picker);
    app.update(Action::Cancel);
    assert_eq!(
        (r(&app).viewport.cursor, r(&app).viewport.scroll),
        (cursor, scroll)
    );
    assert!(text(&app).lines().next().is_some_and(|l| l.ends_with("0%")));
    app.update(Action::Bottom);
    assert_eq!(
        r(&app).viewport.cursor,
        *r(&app).layout.stops.last().expect("stops")
    );
    assert!(r(&app).viewport.cursor > opening);
}

#[test]
fn a_relayout_with_the_blank_row_before_a_unit_on_top_keeps_it_there() {
    let mut app = reader(press_conference(20), 120, 40);
    // Scroll until the top row is the blank one that precedes a unit.
    while r(&app).viewport.scroll + 1
        != r(&app).layout.unit_row[r(&app).layout.rows[r(&app).viewport.scroll].unit]
    {
        app.update(Action::LineDown);
    }
    let unit = r(&app).layout.rows[r(&app).viewport.scroll].unit;
    app.update(Action::Resize(110, 40));
    let top = r(&app).viewport.scroll;
    assert_eq!(r(&app).layout.rows[top].unit, unit);
    assert_eq!(top + 1, r(&app).layout.unit_row[unit]);
}

#[test]
fn a_failed_background_alignment_leaves_the_opening_usable_and_says_so() {
    let (mut app, _) = opened(press_conference(3000), 120, 40);
    let opening = r(&app).alignment.clone();
    app.update(Action::AlignFailed(1));
    assert!(r(&app).aligning);
    let effects = app.update(Action::AlignFailed(0));
    assert!(!r(&app).aligning);
    assert_eq!(effects, [Effect::Index(0)], "indexed as it is");
    assert!(app.message.as_deref().is_some_and(|m| m.contains("opening only")));
    settle(&mut app, effects);
    assert_eq!(r(&app).alignment, opening);
    // What waited for the whole now works on the opening.
    app.update(Action::Search);
    assert_eq!(app.mode(), Mode::Search);
}

#[test]
fn the_status_line_says_when_the_languages_were_given_the_wrong_way_round() {
    let mut doc = document("talk", press_conference(6));
    doc.warnings.push(stenogram::ingest::Warning {
        line: 1,
        message: "the file given as English is Russian and the one given as Russian is English: \
                  read the other way round"
            .into(),
        kind: stenogram::ingest::WarningKind::Language,
    });
    let (mut app, effects) = App::new(vec![doc], false, (120, 40), true);
    settle(&mut app, effects);
    let status = |app: &App| text(app).lines().last().unwrap_or_default().to_string();
    assert!(
        status(&app)
            .starts_with(" The file given as English is Russian and the one given as Russian is English"),
        "{}",
        status(&app)
    );
    // Like the note on a missing language, it makes way for the key hints once the reader scrolls.
    app.update(Action::LineDown);
    assert!(!status(&app).contains("Russian"), "{}", status(&app));
}

/// The reader on a press conference, aligned, and the effects asking for its indexes not done.
fn aligned_not_indexed() -> (App, Vec<Effect>) {
    let (mut app, effects) = opened(press_conference(2), 120, 40);
    let mut pending = Vec::new();
    for effect in effects {
        match effect {
            Effect::Align { doc, .. } => {
                let whole = stenogram::align::align(&app.docs[doc].transcript);
                pending.extend(app.update(Action::Aligned(doc, Box::new(whole))));
            }
            other => pending.push(other),
        }
    }
    (app, pending)
}

#[test]
fn indexes_arriving_keep_the_last_keys_note_but_end_the_wait() {
    // The note a key gave stays when the indexes arrive in the background.
    let (mut app, index) = aligned_not_indexed();
    app.update(Action::JumpBack);
    let note = app.message.clone();
    assert!(note.is_some());
    settle(&mut app, index);
    assert_eq!(app.message, note);
    // The note asking to wait for them goes when they arrive.
    let (mut app, index) = aligned_not_indexed();
    app.update(Action::Search);
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.starts_with("Still indexing"))
    );
    settle(&mut app, index);
    assert_eq!(app.message, None);
}
