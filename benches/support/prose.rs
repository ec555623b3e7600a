//! Real prose for benches: a work of the parallel corpus in `../shared/corpus` (read at run
//! time, never copied into the repository), as a user would have it. Include it with
//! `#[path = "support/prose.rs"] mod prose;`.

use stenogram::model::Transcript;

/// Work `name` of the corpus as two plain files, a paragraph a line, the corpus's markup
/// (`<delimiter>`, `<h1>`, `<b>`, `<i>`, `<imgN>`) gone; `None` where the corpus is absent.
#[allow(dead_code)] // The cache bench takes the files instead.
pub fn prose(name: &str) -> Option<Transcript> {
    let (en, ru) = prose_files(name)?;
    let sanitize = stenogram::sanitize::sanitize;
    Some(stenogram::ingest::parse_pair(&sanitize(&en), &sanitize(&ru)).transcript)
}

/// The English and the Russian file of [`prose`], as their text.
pub fn prose_files(name: &str) -> Option<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/bilinguator-en-ru");
    let read = |lang: &str| -> Option<String> {
        let raw = std::fs::read_to_string(format!("{dir}/{name}_{lang}.txt")).ok()?;
        let mut out = String::with_capacity(raw.len());
        for line in raw.lines().skip(2).filter(|l| !l.starts_with("<img")) {
            let line = line.replace("<delimiter>", " ");
            let line = ["<h1>", "</h1>", "<b>", "</b>", "<i>", "</i>"]
                .iter()
                .fold(line, |l, tag| l.replace(tag, ""));
            out.push_str(&line);
            out.push_str("\n\n");
        }
        Some(out)
    };
    Some((read("en")?, read("ru")?))
}
