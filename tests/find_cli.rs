//! `stenogram find` as the built binary: every hit best first, grep's exit statuses, `--json`.

use std::path::Path;
use std::process::{Command, Output};

fn find(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stenogram"))
        .arg("find")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        // The bundled library alone, whatever the user's folder holds.
        .env("STENOGRAM_LIBRARY", "/nonexistent/stenogram-test-library")
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn finds_the_truce_in_the_bundled_library_in_both_languages() {
    let o = find(&["перемирие"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    let hits: Vec<&str> = out.split("\n\n").collect();
    assert_eq!(hits.len(), 4, "{out}");
    // The press conference, with the English beside the Russian that matched.
    let press = hits
        .iter()
        .find(|h| h.starts_with("2025-03-13-putin-lukashenko-press-conference.txt:"))
        .expect("the press conference");
    let lines: Vec<&str> = press.lines().collect();
    assert!(lines[0].ends_with("  В.Путин"), "{press}");
    assert!(lines[1].starts_with("  en  ") && lines[1].contains("secure a ceasefire for at least 30 days"));
    assert!(lines[2].starts_with("  ru  ") && lines[2].contains("добиться перемирия"));
    // And the news report on the talks, in Russian only.
    let report: Vec<&&str> = hits
        .iter()
        .filter(|h| h.starts_with("2025-03-13-putin-lukashenko-talks-news-report.txt:"))
        .collect();
    assert_eq!(report.len(), 3, "{out}");
    assert!(
        report
            .iter()
            .all(|h| h.lines().nth(1).is_some_and(|l| l.starts_with("  ru  ")))
    );
}

#[test]
fn nothing_found_is_exit_status_1_and_silence() {
    let o = find(&["xylophone"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty() && o.stderr.is_empty());
    let o = find(&["--json", "xylophone"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o).trim(), "[]");
}

#[test]
fn json_for_scripts_over_given_paths_best_first() {
    let o = find(&["--json", "ceasefire", "tests/data/000_press_conference.txt"]);
    assert_eq!(o.status.code(), Some(0));
    let hits: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let hits = hits.as_array().expect("an array");
    assert!(hits.len() >= 5, "{hits:?}");
    assert!(hits.iter().all(|h| h["document"] == "000_press_conference.txt"));
    assert!(hits.iter().all(|h| {
        h["en"]
            .as_str()
            .is_some_and(|en| en.to_lowercase().contains("ceasefire"))
    }));
    let scores: Vec<u64> = hits.iter().filter_map(|h| h["score"].as_u64()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    assert!(
        hits.iter().any(|h| h["speaker"] == "O. Knyazeva"),
        "the question is found"
    );
}

#[test]
fn a_missing_path_is_a_one_line_error() {
    let missing = Path::new("no/such/file.txt");
    let o = find(&["ceasefire", missing.to_str().expect("utf-8")]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("no/such/file.txt"), "{err}");
}
