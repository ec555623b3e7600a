//! The reader on a ~10 MB generated transcript at 200×50 (TestBackend): first frame, the whole
//! alignment taking the opening's place, the indexes built in the background after it, opening
//! the topic picker and one keystroke in it, one keypress to a drawn frame, and a resize reflow.

#[path = "support/bilingual.rs"]
mod bilingual;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;
use stenogram::align::align;
use stenogram::library::Document;
use stenogram::tui::app::{Action, App};
use stenogram::tui::render;

const SIZE: (u16, u16) = (200, 50);

/// What opening a file does after reading it: ingest (which aligns nothing yet) into a document.
fn document(text: &str) -> Document {
    let parsed = stenogram::ingest::parse(text);
    Document {
        name: "generated".into(),
        origin: "bench".into(),
        transcript: parsed.transcript,
        warnings: parsed.warnings,
        cached: None,
    }
}

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).expect("test backend")
}

fn frame(terminal: &mut Terminal<TestBackend>, app: &App) {
    terminal
        .draw(|f| render::draw(f.buffer_mut(), app))
        .expect("draw");
}

/// The reader once the background alignment, then the indexes built after it, have arrived.
fn aligned(doc: &Document) -> App {
    let (mut app, _) = App::new(vec![doc.clone()], false, SIZE, true);
    app.update(Action::Aligned(0, Box::new(align(&doc.transcript))));
    let indexes = app.index_job(0).expect("aligned").run();
    app.update(Action::Indexed(0, Box::new(indexes)));
    app
}

fn bench(c: &mut Criterion) {
    let text = bilingual::bilingual(10_000_000, 1);
    let doc = document(&text);
    let mut group = c.benchmark_group("tui");
    group.sample_size(10);
    // From the file's text to the first drawn frame: ingest, the opening's alignment, layout,
    // render. The whole is aligned on another thread meanwhile (the align bench times that).
    group.bench_function("open_to_first_frame", |b| {
        b.iter(|| {
            let (app, _) = App::new(vec![document(&text)], false, SIZE, true);
            let mut t = terminal();
            frame(&mut t, &app);
            black_box(app.size)
        })
    });
    // The whole alignment arriving: the layout is rebuilt and the frame drawn.
    group.bench_function("whole_alignment_in_place", |b| {
        let whole = align(&doc.transcript);
        let mut t = terminal();
        b.iter_batched(
            || {
                (
                    App::new(vec![doc.clone()], false, SIZE, true).0,
                    Box::new(whole.clone()),
                )
            },
            |(mut app, whole)| {
                app.update(Action::Aligned(0, whole));
                frame(&mut t, &app);
                app
            },
            BatchSize::LargeInput,
        )
    });
    group.bench_function("resize_reflow", |b| {
        let mut app = aligned(&doc);
        let mut t = terminal();
        let mut wide = false;
        b.iter(|| {
            wide = !wide;
            app.update(Action::Resize(if wide { SIZE.0 - 1 } else { SIZE.0 }, SIZE.1));
            frame(&mut t, &app);
        })
    });
    group.finish();

    // Building the search and topic indexes, on the background thread after the alignment.
    let mut app = aligned(&doc);
    let mut group = c.benchmark_group("tui");
    group.sample_size(10);
    group.bench_function("indexes_in_background", |b| {
        b.iter(|| black_box(app.index_job(0).expect("aligned").run()))
    });
    group.finish();
    // `t`: the picker opens on the headings and questions, drawn.
    let mut t = terminal();
    c.bench_function("picker_open", |b| {
        b.iter(|| {
            app.update(Action::TopicPicker);
            frame(&mut t, &app);
            app.update(Action::Cancel);
        })
    });
    drop(app);

    let mut picker_app = aligned(&doc);
    picker_app.update(Action::TopicPicker);
    picker_app.update(Action::Input('п'));
    picker_app.update(Action::Input('е'));
    let mut t = terminal();
    // One keystroke in the picker: the query grows by a letter (and shrinks back) and the frame is drawn.
    let mut grow = false;
    c.bench_function("picker_keystroke", |b| {
        b.iter(|| {
            grow = !grow;
            picker_app.update(if grow {
                Action::Input('р')
            } else {
                Action::Backspace
            });
            frame(&mut t, &picker_app);
        })
    });
    drop(picker_app);

    let mut app = aligned(&doc);
    for _ in 0..1000 {
        app.update(Action::PageDown);
    }
    let mut t = terminal();
    for (name, there, back) in [
        ("keypress_line", Action::LineDown, Action::LineUp),
        ("keypress_page", Action::PageDown, Action::PageUp),
        ("keypress_next_unit", Action::NextUnit, Action::PrevUnit),
        ("keypress_bottom_top", Action::Bottom, Action::Top),
    ] {
        let mut forward = false;
        c.bench_function(name, |b| {
            b.iter(|| {
                forward = !forward;
                app.update(if forward { there.clone() } else { back.clone() });
                frame(&mut t, &app);
            })
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
