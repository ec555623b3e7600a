//! Reading to learn on seed 000: the sentence cursor and its counterpart, study mode, marks and
//! the jump list, copying, and what a document remembers.

mod tui_support;

use ratatui::style::Color;
use stenogram::cache::Key;
use stenogram::library::Cached;
use stenogram::model::Lang;
use stenogram::tui::app::{Action, App, Effect, Mode, Reader};
use tui_support::{screen, seed, seed_remembering, text, type_in};

fn r(app: &App) -> &Reader {
    app.reader.as_ref().expect("a document is open")
}

fn apply(app: &mut App, actions: &[Action]) -> Vec<Effect> {
    actions.iter().flat_map(|a| app.update(a.clone())).collect()
}

fn repeat(app: &mut App, action: Action, times: usize) {
    for _ in 0..times {
        app.update(action.clone());
    }
}

/// The screen with every run of cells in the sentence highlight (blue background) in brackets.
fn marked(app: &App) -> String {
    let backend = screen(app);
    let buf = backend.buffer();
    let mut out = Vec::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        let mut inside = false;
        for x in 0..buf.area.width {
            let cell = &buf[(x, y)];
            let lit = cell.bg == Color::Blue;
            if lit != inside {
                line.push(if lit { '[' } else { ']' });
                inside = lit;
            }
            line.push_str(cell.symbol());
        }
        if inside {
            line.push(']');
        }
        out.push(line.trim_end().to_string());
    }
    out.join("\n")
}

/// The highlighted runs of the screen, in reading order, and whether each lies in the left pane.
fn lit_runs(app: &App) -> Vec<(bool, String)> {
    let half = app.size.0 / 2;
    let backend = screen(app);
    let buf = backend.buffer();
    let mut runs = Vec::new();
    for y in 0..buf.area.height {
        let mut run: Option<(bool, String)> = None;
        for x in 0..buf.area.width {
            let cell = &buf[(x, y)];
            if cell.bg == Color::Blue {
                run.get_or_insert_with(|| (x < half, String::new()))
                    .1
                    .push_str(cell.symbol());
            } else if let Some(done) = run.take() {
                runs.push(done);
            }
        }
        runs.extend(run);
    }
    runs
}

#[test]
fn the_sentence_cursor_highlights_a_sentence_and_its_translation_in_the_other_pane() {
    let mut app = seed(120, 40);
    assert!(lit_runs(&app).is_empty(), "no sentence cursor until ) is pressed");
    repeat(&mut app, Action::NextSentence, 3);
    let pair = r(&app).pair(app.transcript().expect("open"));
    let langs: Vec<Lang> = pair.texts.iter().map(|(l, _)| *l).collect();
    assert_eq!(
        langs.first(),
        Some(&Lang::Ru),
        "the cursor walks the left pane: {pair:?}"
    );
    assert!(langs.contains(&Lang::En), "a counterpart in English: {pair:?}");
    let runs = lit_runs(&app);
    let left: String = runs
        .iter()
        .filter(|(l, _)| *l)
        .map(|(_, s)| s.trim())
        .collect::<Vec<_>>()
        .join(" ");
    let right: String = runs
        .iter()
        .filter(|(l, _)| !*l)
        .map(|(_, s)| s.trim())
        .collect::<Vec<_>>()
        .join(" ");
    let words = |s: &str| s.split_whitespace().map(str::to_string).collect::<Vec<_>>();
    assert_eq!(
        words(&left),
        words(&pair.texts[0].1),
        "the Russian sentence, lit in the left pane"
    );
    let english: Vec<String> = pair
        .texts
        .iter()
        .filter(|(l, _)| *l == Lang::En)
        .flat_map(|(_, s)| words(s))
        .collect();
    assert_eq!(words(&right), english, "its translation, lit in the right pane");
    insta::assert_snapshot!(marked(&app));
}

#[test]
fn sentences_follow_each_other_across_passages_and_back() {
    let mut app = seed(120, 40);
    let mut seen = Vec::new();
    for _ in 0..12 {
        app.update(Action::NextSentence);
        seen.push(r(&app).sentence.expect("a sentence"));
    }
    assert!(seen.windows(2).all(|w| w[0] != w[1]), "each ) moves: {seen:?}");
    assert!(
        seen.last().expect("12").unit > seen[0].unit,
        "into later passages"
    );
    for expected in seen[..11].iter().rev() {
        app.update(Action::PrevSentence);
        assert_eq!(r(&app).sentence.as_ref(), Some(expected));
    }
    // The view follows: far down the document, the sentence is on screen.
    app.update(Action::Bottom);
    app.update(Action::NextSentence);
    assert!(!lit_runs(&app).is_empty(), "{}", marked(&app));
    // Moving the passage cursor away drops the sentence cursor.
    app.update(Action::Top);
    assert_eq!(r(&app).sentence, None);
}

#[test]
fn stacked_the_pair_is_lit_above_and_below() {
    let mut app = seed(80, 24);
    repeat(&mut app, Action::NextSentence, 3);
    insta::assert_snapshot!(marked(&app));
}

#[test]
fn one_language_layout_shows_the_counterpart_on_the_status_line() {
    let mut app = seed(120, 40);
    repeat(&mut app, Action::CycleLayout, 3);
    repeat(&mut app, Action::NextSentence, 3);
    let pair = r(&app).pair(app.transcript().expect("open"));
    let shown = pair.texts[0].0;
    let (other, counterpart) = pair
        .texts
        .iter()
        .find(|(l, _)| *l != shown)
        .expect("a counterpart");
    let status = text(&app).lines().last().unwrap_or_default().to_string();
    let head: String = counterpart.chars().take(30).collect();
    assert!(status.contains(&format!("{}: {head}", other.name())), "{status}");
}

#[test]
fn study_mode_hides_a_language_until_the_pair_is_revealed() {
    let mut app = seed(120, 40);
    app.update(Action::StudyMode);
    assert_eq!(
        app.study.hidden,
        Some(Lang::En),
        "the right pane's language first"
    );
    let screen_text = text(&app);
    assert!(screen_text.contains("Президент"), "Russian shows");
    assert!(
        !screen_text.contains("President"),
        "English is hidden:\n{screen_text}"
    );
    assert!(
        screen_text
            .lines()
            .next()
            .is_some_and(|l| l.contains("study: English hidden"))
    );
    repeat(&mut app, Action::NextSentence, 3);
    insta::assert_snapshot!("study_hidden", marked(&app));
    app.update(Action::Reveal);
    let pair = r(&app).pair(app.transcript().expect("open"));
    let english = &pair
        .texts
        .iter()
        .find(|(l, _)| *l == Lang::En)
        .expect("a counterpart")
        .1;
    let first_word = english.split_whitespace().next().expect("words");
    assert!(text(&app).contains(first_word), "revealed: {english}");
    insta::assert_snapshot!("study_revealed", marked(&app));
    // The next sentence hides its counterpart again.
    app.update(Action::NextSentence);
    assert!(!app.study.revealed);
    // z again hides the other language; a third time, neither.
    app.update(Action::StudyMode);
    assert_eq!(app.study.hidden, Some(Lang::Ru));
    app.update(Action::StudyMode);
    assert_eq!(app.study.hidden, None);
    assert!(text(&app).contains("President"));
}

#[test]
fn marks_and_the_jump_list_return_where_they_were_set() {
    let mut app = seed(120, 40);
    let top = r(&app).viewport;
    app.update(Action::Bottom);
    let end = r(&app).viewport;
    assert_ne!(top, end);
    app.update(Action::SetMark);
    assert_eq!(app.mode(), Mode::Mark);
    app.update(Action::Input('a'));
    assert_eq!(app.mode(), Mode::Reader);
    app.update(Action::Top);
    assert_eq!(r(&app).viewport, top);
    apply(&mut app, &[Action::GoToMark, Action::Input('a')]);
    assert_eq!(r(&app).viewport, end, "' a: back at the end");
    apply(&mut app, &[Action::GoToMark, Action::Input('\'')]);
    assert_eq!(r(&app).viewport, top, "'': back where the jump to a started");
    apply(&mut app, &[Action::GoToMark, Action::Input('\'')]);
    assert_eq!(r(&app).viewport, end, "'' again: and back");
    apply(&mut app, &[Action::GoToMark, Action::Input('b')]);
    assert!(app.message.as_deref().is_some_and(|m| m.contains("No mark b")));
    // Ctrl-o walks back along the jumps: G, then a unit jump.
    app.update(Action::Top);
    app.update(Action::Bottom);
    app.update(Action::JumpBack);
    assert_eq!(r(&app).viewport, top);
    // Esc after m sets nothing.
    apply(&mut app, &[Action::SetMark, Action::Cancel]);
    assert_eq!(app.mode(), Mode::Reader);
}

#[test]
fn y_copies_the_sentence_pair_then_the_passage_labelled_by_language() {
    let mut app = seed(120, 40);
    let nothing_yet = app.update(Action::Copy);
    // Without a sentence cursor, y takes the passage.
    let Some(Effect::Copy(passage)) = nothing_yet.first() else {
        panic!("{nothing_yet:?}");
    };
    assert!(
        passage.starts_with("English: ") && passage.contains("\nRussian: "),
        "{passage}"
    );
    repeat(&mut app, Action::NextSentence, 3);
    let pair = r(&app).pair(app.transcript().expect("open"));
    let effects = app.update(Action::Copy);
    let Some(Effect::Copy(copied)) = effects.first() else {
        panic!("{effects:?}");
    };
    let ru = &pair.texts[0].1;
    assert!(copied.contains(&format!("Russian: {ru}")), "{copied}");
    assert!(copied.lines().any(|l| l.starts_with("English: ")), "{copied}");
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("sentence pair"))
    );
    let again = app.update(Action::Copy);
    let Some(Effect::Copy(whole)) = again.first() else {
        panic!("{again:?}");
    };
    assert!(
        whole.len() >= copied.len() && whole.contains(ru.as_str()),
        "{whole}"
    );
    assert!(app.message.as_deref().is_some_and(|m| m.contains("passage")));
}

#[test]
fn a_search_hit_and_a_topic_jump_put_the_sentence_cursor_on_what_they_found() {
    let mut app = seed(120, 40);
    app.update(Action::Search);
    type_in(&mut app, "прекращение боевых");
    app.update(Action::Confirm);
    let t = app.transcript().expect("open");
    let pair = r(&app).pair(t);
    // The words in any form: «прекращения боевых действий» comes first.
    assert!(
        pair.texts
            .iter()
            .any(|(_, s)| s.contains("прекращени") && s.contains("боевых")),
        "{pair:?}"
    );
    app.update(Action::Cancel);
    app.update(Action::TopicPicker);
    app.update(Action::Down);
    app.update(Action::Confirm);
    let place = r(&app).sentence.expect("a sentence under the cursor");
    assert_eq!(place.unit, r(&app).viewport.cursor);
}

#[test]
fn closing_remembers_the_place_and_reopening_restores_it() {
    let mut app = seed(120, 40);
    app.update(Action::Bottom);
    apply(&mut app, &[Action::SetMark, Action::Input('e')]);
    let end = r(&app).viewport;
    let effects = app.update(Action::Back);
    let Some(Effect::Remember(0, memory)) = effects.first() else {
        panic!("{effects:?}");
    };
    assert_eq!(memory.percent, 100);
    assert!(memory.marks.contains_key(&'e'));
    // A new run with what was saved.
    let mut restored = seed_remembering(120, 40, memory.clone());
    assert_eq!(r(&restored).viewport, end);
    restored.update(Action::Top);
    apply(&mut restored, &[Action::GoToMark, Action::Input('e')]);
    assert_eq!(r(&restored).viewport, end, "marks survive too");
}

#[test]
fn a_reopen_draws_its_place_laid_out_around_it_then_lays_out_the_whole_unchanged() {
    let (w, h) = (80, 24);
    let middle = |app: &mut App| {
        repeat(app, Action::PageDown, 6);
        repeat(app, Action::NextSentence, 2);
    };
    let end = |app: &mut App| {
        app.update(Action::Bottom);
    };
    for go in [&middle as &dyn Fn(&mut App), &end] {
        let mut app = seed(w, h);
        go(&mut app);
        let Some(Effect::Remember(0, memory)) = app.update(Action::Back).first().cloned() else {
            panic!("nothing to remember");
        };
        let whole = seed_remembering(w, h, memory.clone());
        // The next run finds the alignment in the cache.
        let mut docs = whole.docs.clone();
        let id = docs[0].id();
        docs[0].cached = Some(Cached {
            key: Key::of(&[b"seed 000"], None),
            id,
            alignment: Some(r(&whole).alignment.clone()),
            note: None,
        });
        let (mut resumed, effects) = App::resuming(docs, false, (w, h), true, vec![Some(memory)]);
        assert_eq!(effects, [Effect::Index(0)], "nothing to align");
        let (first, all) = (&r(&resumed).layout, &r(&whole).layout);
        assert!(
            !first.is_whole() && first.rows.len() < all.rows.len() / 2,
            "{:?}",
            first.units
        );
        let (first_frame, screen) = (text(&resumed), text(&whole));
        // The percent in the header counts units until the rows are all counted.
        let unsure = |s: &str| {
            s.lines().next().map(|l| {
                l.trim_end_matches(|c: char| c.is_ascii_digit() || c == '%')
                    .to_owned()
            })
        };
        assert_eq!(unsure(&first_frame), unsure(&screen));
        assert_eq!(
            first_frame.lines().skip(1).collect::<Vec<_>>(),
            screen.lines().skip(1).collect::<Vec<_>>()
        );
        resumed.update(Action::LayOut);
        assert!(r(&resumed).layout.is_whole());
        assert_eq!(r(&resumed).layout.rows, all.rows);
        assert_eq!(r(&resumed).viewport, r(&whole).viewport);
        assert_eq!(text(&resumed), screen);
    }
}
