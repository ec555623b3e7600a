//! The built binary: `check` and `show --json` on the seeds, and one-line errors (exit 2) on bad input.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

fn run(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stenogram"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn export_tsv(file: &Path) -> Output {
    run(&[
        "export".as_ref(),
        "--format".as_ref(),
        "tsv".as_ref(),
        file.as_os_str(),
    ])
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A fresh scratch folder for one test, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn join(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }

    fn as_os_str(&self) -> &std::ffi::OsStr {
        self.0.as_os_str()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn scratch(name: &str) -> Scratch {
    let dir = std::env::temp_dir().join(format!("stenogram-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    Scratch(dir)
}

/// Exit status 2, exactly one line on stderr naming `what`, no panic.
fn assert_one_line_error(o: &Output, what: &str) {
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "stderr: {err}");
    assert_eq!(err.lines().count(), 1, "stderr: {err}");
    assert!(!err.contains("panicked"), "stderr: {err}");
    assert!(err.contains(what), "{what:?} not in {err:?}");
}

#[test]
fn check_prints_languages_speakers_and_counts() {
    let o = run(&["check".as_ref(), data("000_press_conference.txt").as_os_str()]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    for expected in [
        "000_press_conference.txt",
        "  languages   en ru",
        "  en date     13 March 2025",
        "  speakers    6",
        "    putin       Vladimir Putin              В.Путин",
        "    pyzh        Anna Pyzh (transliterated)  Анна Пыж",
        "    turns         11    20",
        "  en headings Q&A",
        "  verdict     translation",
        "  warnings    0",
    ] {
        assert!(out.lines().any(|l| l == expected), "{expected:?} not in\n{out}");
    }
    assert!(
        out.contains("  alignment   ") && out.contains("  confidence  mean "),
        "{out}"
    );
}

/// What `check` prints about the pair of fixtures `en` and `ru`.
fn check_pair(en: &str, ru: &str) -> String {
    let o = run(&[
        "check".as_ref(),
        "--en".as_ref(),
        data(en).as_os_str(),
        "--ru".as_ref(),
        data(ru).as_os_str(),
    ]);
    assert_eq!(o.status.code(), Some(0));
    stdout(&o)
}

#[test]
fn check_says_when_a_pair_is_not_a_translation() {
    // Seeds 001 and 002 describe the same visit in different words.
    let out = check_pair("001_talks_start_en.txt", "002_talks_report_ru.txt");
    assert!(
        out.lines()
            .any(|l| l == "  verdict     not a translation (low confidence)"),
        "{out}"
    );
}

#[test]
fn check_says_why_a_unit_is_doubtful() {
    // Juliet's second sentence has no sentence of its own in the Russian, whose one sentence may
    // translate both.
    let out = check_pair("play.en.txt", "play.ru.txt");
    assert!(out.lines().any(|l| l == "  verdict     translation"), "{out}");
    let doubts: Vec<&str> = out.lines().filter(|l| l.starts_with("  doubtful ")).collect();
    assert!(
        doubts.iter().any(|l| l.ends_with(
            "only in the English text; left out inside a translated paragraph: its translation may be merged into a neighbour's; \
             a sentence may belong with the passage beside it (a 10% chance, by the aligner's costs)"
        )),
        "{out}"
    );
}

#[test]
fn check_a_folder_lists_every_transcript_in_name_order() {
    let o = run(&["check".as_ref(), data("").as_os_str()]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    let names: Vec<&str> = out.lines().filter(|l| l.starts_with("00")).collect();
    assert_eq!(
        names,
        [
            "000_press_conference.txt",
            "001_talks_start_en.txt",
            "002_talks_report_ru.txt",
            "003_phone_call_report_ru.txt",
            "004_supreme_council_report_ru.txt",
        ]
    );
    assert!(out.contains("  ru headings Интеграция и экономика | Безопасность и санкционное давление"));
}

#[test]
fn a_pair_of_files_is_one_document() {
    let dir = scratch("pair");
    std::fs::write(dir.join("talk.en.txt"), "V. Putin: Good afternoon.\n").unwrap();
    std::fs::write(dir.join("talk.ru.txt"), "В.Путин: Добрый день.\n").unwrap();
    // The folder joins the pair; so does naming one half, or both with --en/--ru.
    for args in [
        vec![dir.as_os_str().to_owned()],
        vec![dir.join("talk.ru.txt").into_os_string()],
        vec![
            "--en".into(),
            dir.join("talk.en.txt").into_os_string(),
            "--ru".into(),
            dir.join("talk.ru.txt").into_os_string(),
        ],
    ] {
        let mut all: Vec<&std::ffi::OsStr> = vec!["check".as_ref()];
        all.extend(args.iter().map(|a| a.as_os_str()));
        let o = run(&all);
        assert_eq!(o.status.code(), Some(0), "{args:?}");
        let out = stdout(&o);
        assert_eq!(out.lines().next(), Some("talk"), "{out}");
        assert!(out.contains("  languages   en ru"), "{out}");
        assert!(out.contains("    putin  V. Putin  В.Путин"), "{out}");
    }
}

#[test]
fn show_json_prints_the_model() {
    let o = run(&[
        "show".as_ref(),
        "--json".as_ref(),
        data("001_talks_start_en.txt").as_os_str(),
    ]);
    assert_eq!(o.status.code(), Some(0));
    let t: stenogram::model::Transcript = serde_json::from_str(stdout(&o).trim()).expect("one JSON document");
    assert_eq!(t.speakers.len(), 2);
    assert_eq!(t.speakers[0].id, "putin");
}

#[test]
fn a_missing_path_is_one_line() {
    let o = run(&["check".as_ref(), "/no/such/transcript.txt".as_ref()]);
    assert_one_line_error(&o, "/no/such/transcript.txt: no such file or directory");
}

#[test]
fn a_folder_without_transcripts_is_one_line() {
    let dir = scratch("empty");
    let o = run(&["check".as_ref(), dir.as_os_str()]);
    assert_one_line_error(&o, "no transcripts found");
}

#[test]
fn a_folder_for_en_is_one_line() {
    let dir = scratch("en-dir");
    let o = run(&[
        "check".as_ref(),
        "--en".as_ref(),
        dir.as_os_str(),
        "--ru".as_ref(),
        data("002_talks_report_ru.txt").as_os_str(),
    ]);
    assert_one_line_error(&o, "is a folder");
}

#[test]
fn binary_and_empty_files_are_one_line() {
    let dir = scratch("bad");
    let binary = dir.join("image.txt");
    std::fs::write(
        &binary,
        [0x89, b'P', b'N', b'G', 0, 0, 0xff, 0xfe, 0, 1, 2, 3, 0xc3, 0x28],
    )
    .unwrap();
    assert_one_line_error(&run(&["check".as_ref(), binary.as_os_str()]), "image.txt");
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    assert_one_line_error(&run(&["check".as_ref(), empty.as_os_str()]), "empty.txt");
    let blank = dir.join("blank.txt");
    std::fs::write(&blank, "\n \n\n").unwrap();
    assert_one_line_error(&run(&["check".as_ref(), blank.as_os_str()]), "blank.txt");
}

#[test]
fn a_huge_file_is_refused_before_reading() {
    let dir = scratch("huge");
    let huge = dir.join("huge.txt");
    let f = std::fs::File::create(&huge).unwrap();
    // Sparse: 100 MB on paper, nothing on disk.
    f.set_len(100 << 20).unwrap();
    assert_one_line_error(
        &run(&["check".as_ref(), huge.as_os_str()]),
        "file too large (100 MB; the limit is 64 MB)",
    );
}

#[test]
fn a_megabyte_on_one_line_is_read_whole() {
    // Nothing lost: a huge paragraph is still a paragraph, not a reason to refuse the file.
    let dir = scratch("long-line");
    let long = dir.join("long.txt");
    std::fs::write(
        &long,
        format!("Заголовок\n{}\n", "Слово за словом. ".repeat(65_000)),
    )
    .unwrap();
    let out = run(&["check".as_ref(), long.as_os_str()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report = String::from_utf8_lossy(&out.stdout);
    // One language: the key column, then the count right-aligned after a space.
    assert!(report.lines().any(|l| l == "    sentences  65000"), "{report}");
}

#[test]
fn counts_of_six_digits_stay_apart() {
    let dir = scratch("six-digits");
    let en = dir.join("big.en.txt");
    let ru = dir.join("big.ru.txt");
    std::fs::write(&en, "Word by word. ".repeat(100_000)).unwrap();
    std::fs::write(&ru, "Слово за словом. ".repeat(100_000)).unwrap();
    let out = run(&["check".as_ref(), en.as_os_str(), ru.as_os_str()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        report.lines().any(|l| l == "    sentences  100000 100000"),
        "{report}"
    );
}

#[test]
fn escapes_in_a_file_name_never_reach_the_terminal() {
    let dir = scratch("escape-name");
    let evil = dir.join("x\u{1b}]0;PWN\u{7}\u{1b}[31m.txt");
    std::fs::write(&evil, "V. Putin: Good afternoon.\n").unwrap();
    let o = run(&["check".as_ref(), evil.as_os_str()]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert_eq!(out.lines().next(), Some("x.txt"), "{out}");
    assert!(!out.contains(['\u{1b}', '\u{7}']), "{out:?}");
    // And in an error naming it.
    std::fs::write(&evil, "").unwrap();
    let o = run(&["check".as_ref(), evil.as_os_str()]);
    assert_one_line_error(&o, "x.txt: ");
    assert!(!String::from_utf8_lossy(&o.stderr).contains('\u{1b}'));
}

#[test]
fn a_bad_file_in_a_folder_is_skipped_with_a_note() {
    let dir = scratch("one-bad");
    std::fs::write(dir.join("a.txt"), "V. Putin: Good afternoon.\n").unwrap();
    std::fs::write(dir.join("bad.txt"), [0u8, 0, 0, 1, 2, 0, 0xff, 0]).unwrap();
    std::fs::write(dir.join("c.txt"), "В.Путин: Добрый день.\n").unwrap();
    let o = run(&["check".as_ref(), dir.as_os_str()]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{err}");
    let names: Vec<String> = stdout(&o)
        .lines()
        .filter(|l| !l.starts_with(' ') && !l.is_empty())
        .map(String::from)
        .collect();
    assert_eq!(names, ["a.txt", "c.txt"]);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("stenogram: ") && err.contains("bad.txt: ") && err.trim_end().ends_with("(skipped)"),
        "{err}"
    );
    // Named on its own, the same file is an error.
    assert_one_line_error(
        &run(&["check".as_ref(), dir.join("bad.txt").as_os_str()]),
        "bad.txt",
    );
}

#[test]
fn a_folder_of_only_bad_files_is_one_line_error() {
    let dir = scratch("all-bad");
    std::fs::write(dir.join("bad.txt"), [0u8, 0, 0, 1, 2, 0, 0xff, 0]).unwrap();
    let o = run(&["check".as_ref(), dir.as_os_str()]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    let last = err.lines().last().unwrap_or_default();
    assert!(last.contains("no transcript could be read"), "{err}");
}

#[test]
fn a_folder_named_like_a_partner_is_not_one() {
    let dir = scratch("dir-partner");
    std::fs::write(dir.join("talk.en.txt"), "V. Putin: Good afternoon.\n").unwrap();
    std::fs::create_dir(dir.join("talk.ru.txt")).unwrap();
    for target in [
        dir.as_os_str().to_owned(),
        dir.join("talk.en.txt").into_os_string(),
    ] {
        let o = run(&["check".as_ref(), &target]);
        assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
        let out = stdout(&o);
        assert_eq!(out.lines().next(), Some("talk.en.txt"), "{out}");
        assert!(out.lines().any(|l| l == "  languages   en"), "{out}");
    }
}

#[test]
fn a_pair_named_again_as_paths_is_loaded_once() {
    let dir = scratch("pair-twice");
    let (en, ru) = (dir.join("talk.en.txt"), dir.join("talk.ru.txt"));
    std::fs::write(&en, "V. Putin: Good afternoon.\n").unwrap();
    std::fs::write(&ru, "В.Путин: Добрый день.\n").unwrap();
    for again in [vec![en.as_os_str()], vec![ru.as_os_str()], vec![dir.as_os_str()]] {
        let mut args: Vec<&std::ffi::OsStr> = vec![
            "check".as_ref(),
            "--en".as_ref(),
            en.as_os_str(),
            "--ru".as_ref(),
            ru.as_os_str(),
        ];
        args.extend(again);
        let o = run(&args);
        assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
        let out = stdout(&o);
        let names: Vec<&str> = out.lines().filter(|l| l.starts_with("talk")).collect();
        assert_eq!(names, ["talk"], "{out}");
    }
}

#[test]
fn check_names_the_speakers_whose_names_translate() {
    let o = run(&[
        "check".as_ref(),
        "--en".as_ref(),
        data("play.en.txt").as_os_str(),
        "--ru".as_ref(),
        data("play.ru.txt").as_os_str(),
    ]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(out.contains("  verdict     translation\n"), "{out}");
    assert!(out.contains("  same person Nurse = Кормилица\n"), "{out}");
}

#[test]
fn a_stray_c1_control_costs_no_text() {
    // Byte 0x98 of a windows-1251 file decodes to U+0098, a C1 string introducer.
    let dir = scratch("c1");
    let file = dir.join("t.txt");
    std::fs::write(&file, b"The treaty\xc2\x98 entered into force.\n").unwrap();
    let o = export_tsv(&file);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), "The treaty entered into force.\t\n");
    let o = run(&["check".as_ref(), file.as_os_str()]);
    let out = stdout(&o);
    assert!(out.contains("  warnings    1\n"), "{out}");
    assert!(
        out.contains("    line 1: removed a control character (U+0098)\n"),
        "{out}"
    );
}

#[test]
fn a_missing_argument_is_named() {
    let o = run(&["--en".as_ref(), "a.txt".as_ref()]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(
        lines[..2],
        [
            "stenogram: the following required arguments were not provided:",
            "  --ru <FILE>"
        ],
        "{err}"
    );
    assert!(err.contains("Usage: stenogram --en <FILE> --ru <FILE>"), "{err}");
}

#[test]
fn a_usage_error_does_not_echo_escapes_or_controls() {
    // clap repeats the bad argument: escape sequences, C1 and bidi controls and marks never reach the terminal.
    for (bad, shown) in [("\x1b]0;pwned\x07", ""), ("x\u{9b}31m\u{202e}y\u{200f}", "x31my")] {
        let o = run(&["export".as_ref(), "--format".as_ref(), bad.as_ref(), "x".as_ref()]);
        assert_eq!(o.status.code(), Some(2));
        let err = String::from_utf8_lossy(&o.stderr);
        let expected = format!("stenogram: invalid value '{shown}' for '--format <FORMAT>'\n");
        assert!(err.starts_with(&expected), "{err:?}");
        assert!(
            !err.contains(['\x1b', '\x07', '\u{9b}', '\u{202e}', '\u{200f}']),
            "{err:?}"
        );
    }
}

const ENGLISH: &str = "V. Putin: Good afternoon, colleagues.\n\nWe discussed trade and energy.\n";
const RUSSIAN: &str = "В.Путин: Добрый день, коллеги.\n\nМы обсудили торговлю и энергетику.\n";

#[test]
fn a_pair_given_the_wrong_way_round_is_read_the_right_way_round() {
    let dir = scratch("swapped");
    let (en, ru) = (dir.join("talk.en.txt"), dir.join("talk.ru.txt"));
    // Each file holds the other language.
    std::fs::write(&en, RUSSIAN).unwrap();
    std::fs::write(&ru, ENGLISH).unwrap();
    for args in [
        vec!["--en".as_ref(), en.as_os_str(), "--ru".as_ref(), ru.as_os_str()],
        vec![dir.as_os_str()],
    ] {
        let mut all: Vec<&std::ffi::OsStr> = vec!["export".as_ref(), "--format".as_ref(), "tsv".as_ref()];
        all.extend(args);
        let o = run(&all);
        assert_eq!(o.status.code(), Some(0));
        assert_eq!(
            stdout(&o).lines().last(),
            Some("We discussed trade and energy.\tМы обсудили торговлю и энергетику.")
        );
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(
            err,
            "stenogram: talk: line 1: the file given as English is Russian and the one given as \
             Russian is English: read the other way round\n"
        );
    }
    let o = run(&["check".as_ref(), dir.as_os_str()]);
    assert!(stdout(&o).contains("read the other way round"), "{}", stdout(&o));
}

#[test]
fn a_long_stretch_in_the_other_language_is_warned_about() {
    let dir = scratch("stretch");
    let file = dir.join("mixed.txt");
    let english = "The delegations discussed trade, energy and transport at length today.\n";
    let russian = "Делегации подробно обсудили торговлю, энергетику и транспорт сегодня.\n";
    let text = [english.repeat(8), russian.repeat(4), english.repeat(8)].concat();
    std::fs::write(&file, text).unwrap();
    let o = export_tsv(&file);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        "stenogram: mixed.txt: line 9: lines 9–12 are in Russian, inside the English text\n"
    );
}
