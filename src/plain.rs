//! Plain output: the aligned text in two columns (or stacked when narrow) for a stdout that is not a terminal.

use crate::align::align;
use crate::layout::{Arrangement, Layout, Line, Options, clean, width};
use crate::library::Document;
use crate::model::{ByLang, Lang};
use std::io::{self, Write};

/// Below this many columns the languages are printed one above the other.
const MIN_COLUMNS: usize = 100;
/// Wider than any screen; a larger `$COLUMNS` is a mistake, not a reason to pad lines by gigabytes.
const MAX_COLUMNS: usize = 1000;
/// Between the two columns.
const SEPARATOR: &str = " │ ";

/// Prints every document side by side (Russian left), as wide as `$COLUMNS`, else as the controlling
/// terminal (`stenogram doc | less` is as wide as the terminal `less` runs in), else 80 columns.
pub fn print(docs: &[Document], out: &mut dyn Write) -> io::Result<()> {
    let usable = |c: usize| (20..=MAX_COLUMNS).contains(&c);
    let columns = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&c| usable(c))
        .or_else(|| {
            // crossterm asks /dev/tty: the terminal the user sees, whatever stdout is piped into.
            let size = crossterm::terminal::window_size().ok()?;
            Some(usize::from(size.columns)).filter(|&c| usable(c))
        })
        .unwrap_or(80);
    print_width(docs, columns, out)
}

/// Prints every document for a screen `columns` wide.
pub fn print_width(docs: &[Document], columns: usize, out: &mut dyn Write) -> io::Result<()> {
    let columns = columns.min(MAX_COLUMNS);
    let order = [Lang::Ru, Lang::En];
    for (i, doc) in docs.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        let t = &doc.transcript;
        writeln!(out, "{}", clean(t.title(Lang::Ru).unwrap_or(&doc.name)))?;
        writeln!(out)?;
        let langs = t.langs();
        let arrangement = match langs[..] {
            [only] => Arrangement::Single(only),
            _ if columns >= MIN_COLUMNS => Arrangement::Columns,
            _ => Arrangement::Stacked(order),
        };
        let left = columns.saturating_sub(width(SEPARATOR)) / 2;
        let widths = match arrangement {
            Arrangement::Columns => ByLang::new(columns.saturating_sub(width(SEPARATOR) + left), left),
            _ => ByLang::new(columns, columns),
        };
        let opts = Options {
            arrangement,
            widths: widths.clone(),
            hidden: Vec::new(),
        };
        let layout = Layout::build(t, &align(t), &opts);
        for row in &layout.rows {
            let line = match arrangement {
                Arrangement::Columns => {
                    let mut s = text(row.cells[order[0]].as_ref());
                    let pad = widths[order[0]].saturating_sub(width(&s));
                    s.extend(std::iter::repeat_n(' ', pad));
                    s.push_str(SEPARATOR);
                    s.push_str(&text(row.cells[order[1]].as_ref()));
                    s
                }
                _ => text(row.cells.ru.as_ref().or(row.cells.en.as_ref())),
            };
            writeln!(out, "{}", line.trim_end())?;
        }
    }
    out.flush()
}

fn text(line: Option<&Line>) -> String {
    line.map_or_else(String::new, |l| {
        l.pieces.iter().map(|p| p.text.as_str()).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Block, BlockKind, Paragraph, Transcript, Version};

    fn doc() -> Document {
        let version = |text: &str| Version {
            meta: Default::default(),
            blocks: vec![Block {
                kind: BlockKind::Narration,
                paragraphs: vec![Paragraph {
                    text: text.into(),
                    sentences: vec![],
                    line: 1,
                }],
            }],
        };
        let mut t = Transcript::default();
        t.versions.en = Some(version("Good afternoon, colleagues and friends."));
        t.versions.ru = Some(version("Добрый день, коллеги и друзья."));
        Document {
            name: "pair".into(),
            origin: "test".into(),
            transcript: t,
            warnings: vec![],
            cached: None,
        }
    }

    fn printed(columns: usize) -> String {
        let mut out = Vec::new();
        print_width(&[doc()], columns, &mut out).expect("write to a Vec");
        String::from_utf8(out).expect("utf-8")
    }

    #[test]
    fn wide_output_puts_russian_left_of_english() {
        let out = printed(100);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "pair");
        assert_eq!(
            lines[2],
            format!(
                "{:<48} │ Good afternoon, colleagues and friends.",
                "Добрый день, коллеги и друзья."
            )
        );
    }

    #[test]
    fn an_absurd_width_is_capped() {
        let out = printed(usize::MAX);
        let widest = out.lines().map(|l| l.chars().count()).max().unwrap_or(0);
        assert!(
            out.contains("Good afternoon") && widest <= MAX_COLUMNS,
            "{widest}"
        );
    }

    #[test]
    fn narrow_output_stacks_the_languages() {
        let out = printed(30);
        let lines: Vec<&str> = out.lines().skip(2).collect();
        assert_eq!(
            lines,
            [
                "Добрый день, коллеги и друзья.",
                "Good afternoon, colleagues and",
                "friends."
            ]
        );
    }
}
