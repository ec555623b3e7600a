//! Export: writes aligned transcripts as JSON lines, TSV or Markdown.

use crate::align::{self, Unit};
use crate::cli::{ExportBy, ExportFormat};
use crate::library::Document;
use crate::model::{BlockKind, ByLang, Lang, Meta, Speaker, Transcript};
use serde::Serialize;
use std::io::{self, Write};

/// Writes every document's alignment to `out` in `format`, by unit or by sentence. JSON lines and
/// Markdown carry each document's metadata and speakers; TSV of more than one document starts
/// each line with the document's name.
pub fn write(docs: &[Document], format: ExportFormat, by: ExportBy, out: &mut dyn Write) -> io::Result<()> {
    for doc in docs {
        let alignment = align::align(&doc.transcript);
        let rows = rows(&doc.transcript, &alignment.units, by);
        match format {
            ExportFormat::Jsonl => jsonl(doc, &rows, out)?,
            ExportFormat::Tsv => tsv((docs.len() > 1).then_some(&doc.name[..]), &rows, out)?,
            ExportFormat::Md => markdown(doc, &rows, out)?,
        }
    }
    out.flush()
}

/// One exported pair: a unit, or one sentence link of a unit.
#[derive(Debug, Serialize)]
struct Row<'a> {
    /// Index of the unit in the document's alignment, from 0.
    unit: usize,
    kind: &'static str,
    /// The speaker's stable id.
    speaker: Option<&'a str>,
    /// The text of each side, paragraphs joined by `\n`; `None` where that side has nothing.
    en: Option<String>,
    ru: Option<String>,
    confidence: f32,
    /// Whether the reader marks the unit `?`: the pairing, or the omission, is doubtful.
    doubtful: bool,
    /// Source line of each paragraph the text comes from.
    lines: ByLang<Vec<u32>>,
}

fn rows<'a>(t: &'a Transcript, units: &[Unit], by: ExportBy) -> Vec<Row<'a>> {
    let mut rows = Vec::new();
    for (k, u) in units.iter().enumerate() {
        let kind = Lang::BOTH
            .iter()
            .find_map(|&l| t.version(l)?.blocks.get(u.block(l)?))
            .map_or("narration", |b| kind_name(b.kind));
        let speaker = u.speaker.and_then(|s| t.speakers.get(s)).map(|s| s.id.as_str());
        // Confidence rounded so that the output stays readable and stable across platforms.
        let confidence = (u.confidence * 1000.0).round() / 1000.0;
        let row = |en: Option<String>, ru: Option<String>, lines: ByLang<Vec<u32>>| Row {
            unit: k,
            kind,
            speaker,
            en,
            ru,
            confidence,
            doubtful: u.is_doubtful(),
            lines,
        };
        match by {
            ExportBy::Unit => {
                let side = |l: Lang| -> (Option<String>, Vec<u32>) {
                    let parts: Vec<_> = t
                        .version(l)
                        .map(|v| u.parts[l].iter().filter_map(|p| p.text(v)).collect())
                        .unwrap_or_default();
                    let text = parts
                        .iter()
                        .map(|(p, r)| p.text[r.clone()].trim())
                        .collect::<Vec<_>>()
                        .join("\n");
                    (
                        (!text.is_empty()).then_some(text),
                        parts.iter().map(|(p, _)| p.line).collect(),
                    )
                };
                let ((en, en_lines), (ru, ru_lines)) = (side(Lang::En), side(Lang::Ru));
                rows.push(row(en, ru, ByLang::new(en_lines, ru_lines)));
            }
            ExportBy::Sentence => {
                let sentences = ByLang::new(
                    u.sentences(t, Lang::En).collect::<Vec<_>>(),
                    u.sentences(t, Lang::Ru).collect::<Vec<_>>(),
                );
                for link in &u.links {
                    let side = |l: Lang| -> (Option<String>, Vec<u32>) {
                        let picked = sentences[l].get(link.sentences[l].clone()).unwrap_or(&[]);
                        // As by unit, paragraphs are joined by a line break: a link may pair
                        // the end of one paragraph and the start of the next with one sentence.
                        let mut text = String::new();
                        for (k, s) in picked.iter().enumerate() {
                            if k > 0 {
                                let same = (s.block, s.para) == (picked[k - 1].block, picked[k - 1].para);
                                text.push(if same { ' ' } else { '\n' });
                            }
                            text.push_str(s.text);
                        }
                        let mut lines: Vec<u32> = picked.iter().map(|s| s.line).collect();
                        lines.dedup();
                        ((!text.is_empty()).then_some(text), lines)
                    };
                    let ((en, en_lines), (ru, ru_lines)) = (side(Lang::En), side(Lang::Ru));
                    rows.push(row(en, ru, ByLang::new(en_lines, ru_lines)));
                }
            }
        }
    }
    rows
}

fn kind_name(kind: BlockKind) -> &'static str {
    match kind {
        BlockKind::Heading => "heading",
        BlockKind::Narration => "narration",
        BlockKind::Turn(_) => "turn",
        BlockKind::Break => "break",
        BlockKind::Related => "related",
    }
}

#[derive(Serialize)]
struct JsonRow<'a> {
    doc: &'a str,
    #[serde(flatten)]
    row: &'a Row<'a>,
}

/// The line that opens a document's rows: what the transcript says about itself, per language
/// (`null` for a missing version), and who speaks in it.
#[derive(Serialize)]
struct JsonDoc<'a> {
    doc: &'a str,
    kind: &'static str,
    meta: ByLang<Option<&'a Meta>>,
    speakers: &'a [Speaker],
}

fn jsonl(doc: &Document, rows: &[Row], out: &mut dyn Write) -> io::Result<()> {
    let t = &doc.transcript;
    let head = JsonDoc {
        doc: &doc.name,
        kind: "document",
        meta: ByLang::new(meta(t, Lang::En), meta(t, Lang::Ru)),
        speakers: &t.speakers,
    };
    serde_json::to_writer(&mut *out, &head)?;
    writeln!(out)?;
    for row in rows {
        serde_json::to_writer(&mut *out, &JsonRow { doc: &doc.name, row })?;
        writeln!(out)?;
    }
    Ok(())
}

fn meta(t: &Transcript, l: Lang) -> Option<&Meta> {
    t.version(l).map(|v| &v.meta)
}

/// `en<TAB>ru` per row, after `doc<TAB>` when `doc` is given.
fn tsv(doc: Option<&str>, rows: &[Row], out: &mut dyn Write) -> io::Result<()> {
    let doc = doc.map(|d| escape_tsv(d) + "\t").unwrap_or_default();
    for row in rows {
        let field = |s: &Option<String>| escape_tsv(s.as_deref().unwrap_or(""));
        writeln!(out, "{doc}{}\t{}", field(&row.en), field(&row.ru))?;
    }
    Ok(())
}

/// Backslash escapes for the characters TSV cannot hold: tab, newline, carriage return, backslash.
fn escape_tsv(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out
}

/// A readable document: a title (the file's name where the transcript has none), the dateline,
/// source and speakers, then for each unit the English paragraphs and the Russian ones quoted
/// below them, with the speaker's names where the speaker changes.
fn markdown(doc: &Document, rows: &[Row], out: &mut dyn Write) -> io::Result<()> {
    let t = &doc.transcript;
    let title: Vec<String> = Lang::BOTH
        .iter()
        .filter_map(|&l| meta(t, l)?.title.as_deref())
        .map(escape_md)
        .collect();
    let title = if title.is_empty() {
        escape_md(&doc.name)
    } else {
        title.join(" / ")
    };
    writeln!(out, "# {title}\n")?;
    // English as written, Russian quoted below, as in the text.
    for (l, quote) in [(Lang::En, ""), (Lang::Ru, "> ")] {
        let Some(m) = meta(t, l) else { continue };
        let line: Vec<&str> = [&m.place, &m.date, &m.source]
            .into_iter()
            .filter_map(|f| f.as_deref())
            .collect();
        if !line.is_empty() {
            writeln!(out, "{quote}*{}*\n", escape_md(&line.join(" · ")))?;
        }
    }
    if !t.speakers.is_empty() {
        let names: Vec<String> = t
            .speakers
            .iter()
            .map(|s| escape_md(&format!("{} / {}", s.name.en, s.name.ru)))
            .collect();
        writeln!(out, "Speakers: {}\n", names.join("; "))?;
    }
    let mut speaker = None;
    for row in rows {
        let unit_speaker = (row.kind == "turn").then_some(row.speaker).flatten();
        if unit_speaker.is_some() && unit_speaker != speaker {
            let s = t.speakers.iter().find(|s| Some(s.id.as_str()) == unit_speaker);
            if let Some(s) = s {
                writeln!(out, "**{} / {}**\n", escape_md(&s.name.en), escape_md(&s.name.ru))?;
            }
        }
        speaker = unit_speaker;
        let heading = if row.kind == "heading" { "## " } else { "" };
        match &row.en {
            Some(en) => en
                .lines()
                .try_for_each(|p| writeln!(out, "{heading}{}\n", escape_md(p)))?,
            None => writeln!(out, "*(not in the English text)*\n")?,
        }
        match &row.ru {
            Some(ru) => ru
                .lines()
                .try_for_each(|p| writeln!(out, "> {}\n", escape_md(p)))?,
            None => writeln!(out, "> *(нет в русском тексте)*\n")?,
        }
    }
    Ok(())
}

/// Escapes what Markdown would read as markup, so the text shows as written.
fn escape_md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    // A leading `- `, `+ `, `1. ` or `1) ` would start a list. CommonMark honours a backslash only
    // before punctuation, so a number is escaped at its dot or parenthesis.
    if out.starts_with(['-', '+']) {
        out.insert(0, '\\');
    } else {
        let digits = out.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && (out[digits..].starts_with(". ") || out[digits..].starts_with(") ")) {
            out.insert(digits, '\\');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Block, Paragraph, Span, Version};

    fn doc() -> Document {
        let para = |text: &str, line: u32| Paragraph {
            text: text.into(),
            sentences: vec![Span::from(0..text.len())],
            line,
        };
        let version = |title: &str, paras: Vec<Paragraph>| Version {
            meta: crate::model::Meta {
                title: Some(title.into()),
                ..Default::default()
            },
            blocks: vec![
                Block {
                    kind: BlockKind::Heading,
                    paragraphs: vec![paras[0].clone()],
                },
                Block {
                    kind: BlockKind::Turn(0),
                    paragraphs: paras[1..].to_vec(),
                },
            ],
        };
        let t = Transcript {
            speakers: vec![Speaker {
                id: "putin".into(),
                name: ByLang::new("Vladimir Putin".into(), "Владимир Путин".into()),
                transliterated: ByLang::default(),
            }],
            versions: ByLang::new(
                Some(version(
                    "Talks",
                    vec![para("Q&A", 3), para("Thank you,\tfriends \\ colleagues.", 5)],
                )),
                Some(version(
                    "Переговоры",
                    vec![
                        para("Q&A", 10),
                        para("Спасибо, друзья.", 12),
                        para(
                            "Второе: мы согласны прекратить боевые действия на 30 суток, но есть нюансы.",
                            13,
                        ),
                    ],
                )),
            ),
        };
        Document {
            name: "talks".into(),
            origin: "talks.txt".into(),
            transcript: t,
            warnings: vec![],
            cached: None,
        }
    }

    fn export(format: ExportFormat, by: ExportBy) -> String {
        let mut out = Vec::new();
        write(&[doc()], format, by, &mut out).expect("writing to a Vec");
        String::from_utf8(out).expect("UTF-8")
    }

    #[test]
    fn jsonl_has_one_unit_per_line_with_speaker_lines_and_null_for_a_missing_side() {
        let out = export(ExportFormat::Jsonl, ExportBy::Unit);
        let rows: Vec<serde_json::Value> = out
            .lines()
            .map(|l| serde_json::from_str(l).expect("JSON"))
            .collect();
        assert_eq!(rows.len(), 4, "{out}");
        assert_eq!(rows[0]["kind"], "document");
        assert_eq!(rows[0]["meta"]["ru"]["title"], "Переговоры");
        assert_eq!(rows[0]["speakers"][0]["id"], "putin");
        let rows = &rows[1..];
        assert_eq!(rows[0]["kind"], "heading");
        assert_eq!(rows[0]["speaker"], serde_json::Value::Null);
        assert_eq!(rows[1]["speaker"], "putin");
        assert_eq!(rows[1]["en"], "Thank you,\tfriends \\ colleagues.");
        assert_eq!(rows[1]["ru"], "Спасибо, друзья.");
        assert_eq!(rows[1]["lines"], serde_json::json!({"en": [5], "ru": [12]}));
        assert_eq!(rows[2]["en"], serde_json::Value::Null);
        assert_eq!(
            rows[2]["ru"],
            "Второе: мы согласны прекратить боевые действия на 30 суток, но есть нюансы."
        );
        assert_eq!(rows[2]["doc"], "talks");
        assert!(
            rows.iter()
                .all(|r| r["confidence"].as_f64().is_some_and(|c| (0.0..=1.0).contains(&c)))
        );
    }

    #[test]
    fn tsv_escapes_tabs_and_backslashes() {
        let out = export(ExportFormat::Tsv, ExportBy::Sentence);
        assert_eq!(
            out,
            "Q&A\tQ&A\nThank you,\\tfriends \\\\ colleagues.\tСпасибо, друзья.\n\tВторое: мы согласны прекратить боевые действия на 30 суток, но есть нюансы.\n"
        );
        assert_eq!(escape_tsv("a\nb\r"), "a\\nb\\r");
    }

    #[test]
    fn markdown_reads_speaker_by_speaker() {
        let out = export(ExportFormat::Md, ExportBy::Unit);
        assert_eq!(
            out,
            "# Talks / Переговоры\n\nSpeakers: Vladimir Putin / Владимир Путин\n\n## Q&A\n\n> Q&A\n\n**Vladimir Putin / Владимир Путин**\n\n\
             Thank you,\tfriends \\\\ colleagues.\n\n> Спасибо, друзья.\n\n\
             *(not in the English text)*\n\n\
             > Второе: мы согласны прекратить боевые действия на 30 суток, но есть нюансы.\n\n"
        );
        assert_eq!(escape_md("- [x] *bold*"), "\\- \\[x\\] \\*bold\\*");
        assert_eq!(escape_md("1998. A year"), "1998\\. A year");
        assert_eq!(escape_md("2) Second"), "2\\) Second");
    }
}
