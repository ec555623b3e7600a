//! `stenogram export` keeps what it knows: which document a TSV line comes from, and in JSON
//! lines and Markdown each document's title, date, place, source and speakers.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

fn export(format: &str, path: &Path) -> String {
    let o = Command::new(env!("CARGO_BIN_EXE_stenogram"))
        .args(["export", "--format", format])
        .arg(path)
        .output()
        .expect("the binary runs");
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).expect("UTF-8")
}

/// A folder holding the interview pair and one English transcript.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for name in ["interview.en.txt", "interview.ru.txt", "001_talks_start_en.txt"] {
        std::fs::copy(data(name), dir.path().join(name)).expect("copy");
    }
    dir
}

#[test]
fn tsv_of_a_folder_starts_each_line_with_its_document() {
    let out = export("tsv", folder().path());
    let docs: Vec<&str> = out.lines().map(|l| l.split('\t').next().unwrap_or("")).collect();
    assert!(out.lines().all(|l| l.split('\t').count() == 3), "{out}");
    let mut names = docs.clone();
    names.dedup();
    assert_eq!(names, ["001_talks_start_en.txt", "interview"], "{out}");
    let line = out
        .lines()
        .find(|l| l.contains("Mark, thank you for coming"))
        .expect("the interview's first turn");
    assert!(
        line.starts_with("interview\tMark, thank you") && line.contains("\tМарк, спасибо"),
        "{line}"
    );
    // One file alone keeps the two columns flashcard tools import.
    let single = export("tsv", &data("interview.en.txt"));
    assert!(single.lines().all(|l| l.split('\t').count() == 2), "{single}");
}

#[test]
fn jsonl_opens_each_document_with_its_metadata_and_speakers() {
    let out = export("jsonl", &data("000_press_conference.txt"));
    let rows: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    let head = &rows[0];
    assert_eq!(head["kind"], "document");
    assert_eq!(head["doc"], "000_press_conference.txt");
    assert_eq!(head["meta"]["en"]["date"], "13 March 2025");
    assert_eq!(head["meta"]["en"]["place"], "Moscow");
    assert_eq!(
        head["meta"]["en"]["source"],
        "e-translated Website of the President of Russia"
    );
    assert_eq!(
        head["meta"]["ru"]["title"],
        "Совместная пресс-конференция с Президентом Белоруссии Александром Лукашенко"
    );
    let speakers = head["speakers"].as_array().expect("speakers");
    let putin = speakers.iter().find(|s| s["id"] == "putin").expect("Putin");
    assert_eq!(putin["name"]["en"], "Vladimir Putin");
    // Every row's speaker is one the head names, and no other row is a head.
    let ids: Vec<&Value> = speakers.iter().map(|s| &s["id"]).collect();
    assert!(rows[1..].iter().all(|r| r["kind"] != "document"));
    assert!(
        rows[1..]
            .iter()
            .all(|r| r["speaker"].is_null() || ids.contains(&&r["speaker"]))
    );
    assert!(rows[1..].iter().any(|r| r["speaker"] == "putin"));
}

#[test]
fn jsonl_of_a_folder_has_one_head_per_document_before_its_rows() {
    let out = export("jsonl", folder().path());
    let rows: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    let heads: Vec<(usize, &Value)> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r["kind"] == "document")
        .map(|(k, r)| (k, &r["doc"]))
        .collect();
    assert_eq!(heads.len(), 2, "{out}");
    assert_eq!(heads[0].0, 0);
    for (k, row) in rows.iter().enumerate() {
        let (_, doc) = heads.iter().rev().find(|(h, _)| *h <= k).expect("a head before");
        assert_eq!(&row["doc"], *doc, "row {k}");
    }
    // A one-language document says which version is missing.
    let english_only = &rows[heads[0].0];
    assert!(english_only["meta"]["en"].is_object() && english_only["meta"]["ru"].is_null());
}

#[test]
fn markdown_opens_with_title_dateline_source_and_speakers() {
    let out = export("md", &data("000_press_conference.txt"));
    let head: Vec<&str> = out.lines().filter(|l| !l.is_empty()).take(4).collect();
    assert_eq!(
        head,
        [
            "# Совместная пресс-конференция с Президентом Белоруссии Александром Лукашенко",
            "*Moscow · 13 March 2025 · e-translated Website of the President of Russia*",
            "> *The Russian Kremlin: Совместная пресс-конференция с Президентом Белоруссии Александром Лукашенко*",
            "Speakers: Vladimir Putin / В.Путин; Aleksandr Lukashenko / А.Лукашенко; \
             Natalia Breus / Наталья Бреус; O. Knyazeva / О.Князева; Ilya Yezhov / Илья Ежов; \
             Anna Pyzh / Анна Пыж",
        ]
    );
    // Without a title, the document's name heads it, so a folder's documents stay apart.
    let folder = export("md", folder().path());
    assert!(folder.starts_with("# 001\\_talks\\_start\\_en.txt\n"), "{folder}");
    assert!(folder.contains("\n# interview\n"), "{folder}");
}

#[test]
fn a_sentence_link_keeps_the_paragraph_break_inside_it() {
    // The English breaks a paragraph where the Russian goes on in one sentence: the link pairs
    // two English sentences with one, and the export by sentence keeps the English break, as the
    // export by unit does.
    let dir = tempfile::tempdir().expect("temp dir");
    let (en, ru) = (dir.path().join("talks.en.txt"), dir.path().join("talks.ru.txt"));
    std::fs::write(
        &en,
        "The minister said on Monday that the talks in Geneva had ended:\n\n\
         the delegations will meet again in March 2027.\n\nEveryone agreed with him.\n",
    )
    .expect("write");
    std::fs::write(
        &ru,
        "В понедельник министр сказал, что переговоры в Женеве закончились и делегации снова \
         встретятся в марте 2027 года.\n\nВсе с ним согласились.\n",
    )
    .expect("write");
    let o = Command::new(env!("CARGO_BIN_EXE_stenogram"))
        .args(["export", "--format", "jsonl", "--by", "sentence", "--en"])
        .arg(&en)
        .arg("--ru")
        .arg(&ru)
        .output()
        .expect("the binary runs");
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8(o.stdout).expect("UTF-8");
    let first = out
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).expect("JSON"))
        .find(|r| r["en"].as_str().is_some_and(|t| t.contains("Geneva")))
        .expect("the first link");
    assert_eq!(
        first["en"],
        "The minister said on Monday that the talks in Geneva had ended:\nthe delegations will meet again in March 2027.",
        "{out}"
    );
    assert_eq!(first["lines"]["en"], serde_json::json!([1, 3]), "{out}");
}
