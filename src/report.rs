//! Reports for the command line: `check` summaries and `show --json`.

use crate::library::Document;
use crate::model::{BlockKind, Lang, Transcript, Version};
use std::io::{self, Write};
use unicode_width::UnicodeWidthStr;

/// Prints, per document, languages, metadata, speakers, counts, how the alignment came out, and warnings.
///
/// Counts: `turns` are speaker turns; `paragraphs` and `sentences` are those of the running text (turns
/// and narration), not headings, breaks or related links.
pub fn check(docs: &[Document], out: &mut dyn Write) -> io::Result<()> {
    for (i, d) in docs.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        document(d, out)?;
    }
    Ok(())
}

/// Width of the key column: `  languages   en ru`.
const KEY: usize = 12;

fn document(d: &Document, out: &mut dyn Write) -> io::Result<()> {
    let t = &d.transcript;
    let langs = t.langs();
    writeln!(out, "{}", d.name)?;
    writeln!(out, "  {:<KEY$}{}", "origin", d.origin)?;
    let codes: Vec<&str> = langs.iter().map(|l| l.code()).collect();
    writeln!(out, "  {:<KEY$}{}", "languages", codes.join(" "))?;
    for (lang, v) in langs.iter().filter_map(|&l| Some((l, t.version(l)?))) {
        let m = &v.meta;
        for (what, value) in [
            ("title", &m.title),
            ("date", &m.date),
            ("place", &m.place),
            ("source", &m.source),
        ] {
            if let Some(value) = value {
                writeln!(out, "  {:<KEY$}{value}", format!("{} {what}", lang.code()))?;
            }
        }
    }
    speakers(t, &langs, out)?;
    writeln!(
        out,
        "  {:<KEY$}{}",
        "counts",
        row(langs.iter().map(|l| l.code().to_string()))
    )?;
    let figures: [(&str, Figure); 6] = [
        ("turns", |v| count_blocks(v, |k| matches!(k, BlockKind::Turn(_)))),
        ("paragraphs", |v| text_paragraphs(v).count()),
        ("sentences", |v| {
            text_paragraphs(v).map(|p| p.sentences.len()).sum()
        }),
        ("headings", |v| count_blocks(v, |k| k == BlockKind::Heading)),
        ("breaks", |v| count_blocks(v, |k| k == BlockKind::Break)),
        ("related", |v| count_blocks(v, |k| k == BlockKind::Related)),
    ];
    for (what, figure) in figures {
        let cells = langs
            .iter()
            .filter_map(|&l| t.version(l))
            .map(|v| figure(v).to_string());
        writeln!(out, "    {what:<w$}{}", row(cells), w = KEY - 2)?;
    }
    for (lang, v) in langs.iter().filter_map(|&l| Some((l, t.version(l)?))) {
        let headings: Vec<&str> = v
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Heading)
            .filter_map(|b| b.paragraphs.first())
            .map(|p| p.text.as_str())
            .collect();
        if !headings.is_empty() {
            writeln!(
                out,
                "  {:<KEY$}{}",
                format!("{} headings", lang.code()),
                headings.join(" | ")
            )?;
        }
    }
    // The summary's lines are `key: value`; they go in the report's key column.
    let aligned = crate::align::align(t);
    let alignment = crate::align::summary(t, &aligned).to_string();
    for line in alignment.lines() {
        let (key, value) = line.split_once(": ").unwrap_or(("", line));
        writeln!(out, "  {key:<KEY$}{value}")?;
    }
    // The doubtful units a reader would want to check first, the least sure first.
    let mut doubtful: Vec<usize> = (0..aligned.units.len())
        .filter(|&k| aligned.units[k].is_doubtful())
        .collect();
    doubtful.sort_by(|&x, &y| {
        aligned.units[x]
            .confidence
            .total_cmp(&aligned.units[y].confidence)
    });
    for &k in doubtful.iter().take(DOUBTS_SHOWN) {
        if let Some(why) = crate::align::why_doubtful(&aligned, k) {
            writeln!(out, "  {:<KEY$}unit {}: {why}", "doubtful", k + 1)?;
        }
    }
    if doubtful.len() > DOUBTS_SHOWN {
        writeln!(
            out,
            "  {:<KEY$}… {} more",
            "doubtful",
            doubtful.len() - DOUBTS_SHOWN
        )?;
    }
    // Speakers ingest named apart whom the alignment found to say the same things.
    for &(en, ru) in &aligned.same_speakers {
        let (Some(en), Some(ru)) = (t.speakers.get(en), t.speakers.get(ru)) else {
            continue;
        };
        writeln!(out, "  {:<KEY$}{} = {}", "same person", en.name.en, ru.name.ru)?;
    }
    writeln!(out, "  {:<KEY$}{}", "warnings", d.warnings.len())?;
    for w in &d.warnings {
        writeln!(out, "    line {}: {}", w.line, w.message)?;
    }
    Ok(())
}

/// How many doubtful units `check` explains.
const DOUBTS_SHOWN: usize = 5;

fn speakers(t: &Transcript, langs: &[Lang], out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "  {:<KEY$}{}", "speakers", t.speakers.len())?;
    let id_width = t.speakers.iter().map(|s| s.id.width()).max().unwrap_or(0);
    let name = |s: &crate::model::Speaker, l: Lang| {
        let mark = if s.transliterated[l] {
            " (transliterated)"
        } else {
            ""
        };
        format!("{}{mark}", s.name[l])
    };
    let name_width = t
        .speakers
        .iter()
        .map(|s| name(s, Lang::En).width())
        .max()
        .unwrap_or(0);
    for s in &t.speakers {
        let mut line = format!("    {}{}", s.id, " ".repeat(id_width - s.id.width()));
        for (i, &l) in langs.iter().enumerate() {
            let n = name(s, l);
            line.push_str("  ");
            line.push_str(&n);
            if i + 1 < langs.len() {
                line.push_str(&" ".repeat(name_width.saturating_sub(n.width())));
            }
        }
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// One row of the counts table.
type Figure = fn(&Version) -> usize;

/// Each cell right-aligned in six columns after a space, so that wider numbers never run together.
fn row(cells: impl Iterator<Item = String>) -> String {
    cells.map(|c| format!(" {c:>5}")).collect()
}

fn count_blocks(v: &Version, kind: impl Fn(BlockKind) -> bool) -> usize {
    v.blocks.iter().filter(|b| kind(b.kind)).count()
}

fn text_paragraphs(v: &Version) -> impl Iterator<Item = &crate::model::Paragraph> {
    v.blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Turn(_) | BlockKind::Narration))
        .flat_map(|b| &b.paragraphs)
}

/// Prints each document's model as JSON, one document per line.
pub fn show_json(docs: &[Document], out: &mut dyn Write) -> io::Result<()> {
    for d in docs {
        serde_json::to_writer(&mut *out, &d.transcript)?;
        writeln!(out)?;
    }
    Ok(())
}
