//! Search: finds a query in both languages of an aligned transcript, case-insensitively with ё = е.

use crate::align::Alignment;
use crate::fold::{FoldBuf, fold, fold_char};
use crate::model::{Lang, Transcript};
use std::ops::Range;

/// One occurrence of the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    /// Index into `Alignment::units`.
    pub unit: usize,
    pub lang: Lang,
    /// Block and paragraph (within the block) of `lang`'s version.
    pub block: usize,
    pub para: usize,
    /// Byte range in the paragraph's text, on char boundaries.
    pub range: Range<usize>,
}

/// The folded text of every paragraph in reading order, built once per transcript so that each query
/// is a plain substring scan.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    paras: Vec<IndexedPara>,
}

#[derive(Debug, Clone)]
struct IndexedPara {
    unit: usize,
    lang: Lang,
    block: usize,
    para: usize,
    /// Where the part of the paragraph the unit shows starts in its text.
    offset: usize,
    folded: String,
    /// Where folded bytes sit in the original part, as runs; see [`Region`].
    regions: Vec<Region>,
    original_len: usize,
}

/// A run of the folded text starting at folded byte `folded` and original byte `original`.
///
/// In a `same_layout` run every char folded to one char of the same UTF-8 length, so byte offsets
/// correspond one to one; otherwise the run is a single original char whose folded form differs in
/// length (or is empty: a dropped stress mark). Most text is one or a few runs, so the map stays small.
#[derive(Debug, Clone, Copy)]
struct Region {
    folded: usize,
    original: usize,
    same_layout: bool,
}

impl SearchIndex {
    /// Folds every paragraph (or piece of one) the alignment shows, in reading order: unit order,
    /// English before Russian within a unit, paragraph order.
    pub fn build(t: &Transcript, a: &Alignment) -> SearchIndex {
        let mut paras = Vec::new();
        for (unit, u) in a.units.iter().enumerate() {
            for lang in Lang::BOTH {
                let Some(version) = t.version(lang) else {
                    continue;
                };
                for part in &u.parts[lang] {
                    let Some((p, shown)) = part.text(version) else {
                        continue;
                    };
                    let (folded, regions) = fold_with_regions(&p.text[shown.clone()]);
                    paras.push(IndexedPara {
                        unit,
                        lang,
                        block: part.block,
                        para: part.para,
                        offset: shown.start,
                        folded,
                        regions,
                        original_len: shown.len(),
                    });
                }
            }
        }
        SearchIndex { paras }
    }

    /// Every occurrence of `query` in reading order (non-overlapping within a paragraph).
    /// A query that is empty or only white space matches nothing.
    pub fn find(&self, query: &str) -> Vec<Match> {
        self.find_iter(query).collect()
    }

    /// [`SearchIndex::find`], lazily: a one-letter query has a match every few bytes, so a caller that
    /// shows the first screenful or a count up to a cap need not collect them all.
    pub fn find_iter(&self, query: &str) -> impl Iterator<Item = Match> + '_ {
        let needle = if query.trim().is_empty() {
            String::new()
        } else {
            fold(query).text
        };
        let paras = if needle.is_empty() {
            &self.paras[..0]
        } else {
            &self.paras[..]
        };
        paras.iter().flat_map(move |p| {
            p.folded
                .match_indices(needle.as_str())
                .map(|(start, m)| Match {
                    unit: p.unit,
                    lang: p.lang,
                    block: p.block,
                    para: p.para,
                    range: p.offset + p.original_start(start)..p.offset + p.original_end(start + m.len()),
                })
                .collect::<Vec<_>>()
        })
    }
}

fn fold_with_regions(text: &str) -> (String, Vec<Region>) {
    let mut folded = String::with_capacity(text.len());
    let mut regions: Vec<Region> = Vec::new();
    let mut buf = FoldBuf::default();
    for (at, c) in text.char_indices() {
        let f = fold_char(c, &mut buf);
        let same_layout = matches!(f, [one] if one.len_utf8() == c.len_utf8());
        if !(same_layout && regions.last().is_some_and(|r| r.same_layout)) {
            regions.push(Region {
                folded: folded.len(),
                original: at,
                same_layout,
            });
        }
        folded.extend(f.iter());
    }
    (folded, regions)
}

impl IndexedPara {
    /// The original byte where the char holding folded byte `at` starts.
    fn original_start(&self, at: usize) -> usize {
        // The last region starting at or before `at`: past any dropped chars that fold to nothing there.
        let k = self.regions.partition_point(|r| r.folded <= at).saturating_sub(1);
        match self.regions.get(k) {
            Some(r) if r.same_layout => r.original + at - r.folded,
            Some(r) => r.original,
            None => 0,
        }
    }

    /// The original byte where the char holding folded byte `at - 1` ends, extended over chars that
    /// fold to nothing right after it (the stress mark on the match's last letter belongs to it).
    fn original_end(&self, at: usize) -> usize {
        let k = self.regions.partition_point(|r| r.folded < at).saturating_sub(1);
        let Some(r) = self.regions.get(k) else { return 0 };
        let mut end = if r.same_layout {
            r.original + at - r.folded
        } else {
            self.region_original_end(k)
        };
        let mut next = k + 1;
        while self
            .regions
            .get(next)
            .is_some_and(|n| n.folded == at && !n.same_layout)
            && self.region_folded_end(next) == at
        {
            end = self.region_original_end(next);
            next += 1;
        }
        end
    }

    fn region_original_end(&self, k: usize) -> usize {
        self.regions.get(k + 1).map_or(self.original_len, |n| n.original)
    }

    fn region_folded_end(&self, k: usize) -> usize {
        self.regions.get(k + 1).map_or(self.folded.len(), |n| n.folded)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::{Part, Unit};
    use crate::model::{Block, BlockKind, ByLang, Paragraph, Speaker, Version};
    use proptest::prelude::*;

    fn para(text: &str) -> Paragraph {
        Paragraph {
            text: text.to_string(),
            sentences: vec![(0..text.len()).into()],
            line: 0,
        }
    }

    fn version(blocks: &[&[&str]]) -> Version {
        Version {
            meta: Default::default(),
            blocks: blocks
                .iter()
                .map(|ps| Block {
                    kind: BlockKind::Turn(0),
                    paragraphs: ps.iter().map(|t| para(t)).collect(),
                })
                .collect(),
        }
    }

    fn transcript(en: &[&[&str]], ru: &[&[&str]]) -> Transcript {
        Transcript {
            speakers: vec![Speaker {
                id: "putin".into(),
                name: ByLang::new("Vladimir Putin".into(), "Владимир Путин".into()),
                transliterated: ByLang::new(false, false),
            }],
            versions: ByLang::new(Some(version(en)), Some(version(ru))),
        }
    }

    /// A unit showing, on each side that has one, a (block, paragraph range).
    fn unit(en: Option<(usize, Range<usize>)>, ru: Option<(usize, Range<usize>)>) -> Unit {
        let side = |s: Option<(usize, Range<usize>)>| -> Vec<Part> {
            s.map_or(Vec::new(), |(block, paras)| {
                paras
                    .map(|para| Part {
                        block,
                        para,
                        sentences: 0..1,
                    })
                    .collect()
            })
        };
        Unit {
            parts: ByLang::new(side(en), side(ru)),
            speaker: Some(0),
            confidence: 1.0,
            links: Vec::new(),
        }
    }

    /// Block i of one side beside block i of the other, whole: units fixed by hand, as the tests are
    /// about search, not about what the aligner pairs.
    fn block_by_block(t: &Transcript) -> Alignment {
        let blocks = |l: Lang| t.version(l).map_or(0, |v| v.blocks.len());
        let side = |l: Lang, b: usize| {
            let v = t.version(l)?;
            Some((b, 0..v.blocks.get(b)?.paragraphs.len()))
        };
        Alignment {
            units: (0..blocks(Lang::En).max(blocks(Lang::Ru)))
                .map(|b| unit(side(Lang::En, b), side(Lang::Ru, b)))
                .collect(),
            ..Alignment::default()
        }
    }

    fn search(t: &Transcript, query: &str) -> Vec<Match> {
        SearchIndex::build(t, &block_by_block(t)).find(query)
    }

    fn texts<'a>(t: &'a Transcript, ms: &[Match]) -> Vec<&'a str> {
        ms.iter()
            .map(|m| {
                let v = t.version(m.lang).expect("version");
                &v.blocks[m.block].paragraphs[m.para].text[m.range.clone()]
            })
            .collect()
    }

    #[test]
    fn finds_in_both_languages_in_reading_order() {
        let t = transcript(
            &[
                &["A ceasefire now.", "No CEASEFIRE yet."],
                &["Later, a Ceasefire."],
            ],
            &[&["Перемирие сейчас."], &["ПЕРЕМИРИЕ позже, перемирие."]],
        );
        let a = Alignment {
            units: vec![
                unit(Some((0, 0..1)), Some((0, 0..1))),
                unit(Some((0, 1..2)), None),
                unit(Some((1, 0..1)), Some((1, 0..1))),
            ],
            ..Alignment::default()
        };
        let ms = SearchIndex::build(&t, &a).find("Ceasefire");
        assert_eq!(texts(&t, &ms), ["ceasefire", "CEASEFIRE", "Ceasefire"]);
        assert_eq!(
            ms.iter().map(|m| (m.unit, m.block, m.para)).collect::<Vec<_>>(),
            [(0, 0, 0), (1, 0, 1), (2, 1, 0)]
        );
        assert_eq!(ms[0].range, 2..11);

        let ms = SearchIndex::build(&t, &a).find("перемирие");
        assert_eq!(texts(&t, &ms), ["Перемирие", "ПЕРЕМИРИЕ", "перемирие"]);
        assert_eq!(
            ms[2].range,
            "ПЕРЕМИРИЕ позже, ".len().."ПЕРЕМИРИЕ позже, перемирие".len()
        );
    }

    #[test]
    fn english_comes_before_russian_within_a_unit() {
        let t = transcript(&[&["Kursk"]], &[&["Курск, Kursk"]]);
        let ms = search(&t, "kursk");
        assert_eq!(
            ms.iter().map(|m| (m.unit, m.lang)).collect::<Vec<_>>(),
            [(0, Lang::En), (0, Lang::Ru)]
        );
    }

    #[test]
    fn yo_equals_ye_and_capitals_match_lowercase() {
        let t = transcript(&[&[]], &[&["Ёж и ещё ёлка. ЕЖИ"]]);
        assert_eq!(texts(&t, &search(&t, "ЁЖ")), ["Ёж", "ЕЖ"]);
        assert_eq!(texts(&t, &search(&t, "ещё")), ["ещё"]);
        assert_eq!(texts(&t, &search(&t, "еще")), ["ещё"]);
        assert_eq!(texts(&t, &search(&t, "ЁЛКА")), ["ёлка"]);
    }

    #[test]
    fn stress_marks_are_ignored_and_kept_in_the_range() {
        let t = transcript(&[&[]], &[&["Вот за\u{301}мок и замо\u{301}к."]]);
        assert_eq!(texts(&t, &search(&t, "замок")), ["за\u{301}мок", "замо\u{301}к"]);
        assert_eq!(
            texts(&t, &search(&t, "замо\u{301}")),
            ["за\u{301}мо", "замо\u{301}"]
        );
    }

    #[test]
    fn typographic_quotes_match_typed_ones() {
        let t = transcript(&[&["Belarus’ economy, “Oreshnik”"]], &[&["«Орешник»"]]);
        assert_eq!(texts(&t, &search(&t, "belarus' e")), ["Belarus’ e"]);
        assert_eq!(texts(&t, &search(&t, "\"oreshnik\"")), ["“Oreshnik”"]);
        assert_eq!(texts(&t, &search(&t, "\"орешник\"")), ["«Орешник»"]);
    }

    #[test]
    fn lazy_search_yields_the_same_matches() {
        let t = transcript(&[&["a b a", "A"]], &[&["а"]]);
        let ix = SearchIndex::build(&t, &block_by_block(&t));
        assert_eq!(ix.find_iter("a").take(2).collect::<Vec<_>>(), ix.find("a")[..2]);
        assert_eq!(ix.find_iter("a").count(), 3);
        assert_eq!(ix.find_iter(" ").count(), 0);
    }

    #[test]
    fn blank_query_matches_nothing() {
        let t = transcript(&[&["a b"]], &[&["а б"]]);
        assert!(search(&t, "").is_empty());
        assert!(search(&t, "  \t").is_empty());
        assert_eq!(search(&t, "a b").len(), 1);
    }

    #[test]
    fn one_sided_units_are_searched() {
        let mut t = transcript(&[&["Hello"]], &[&["Привет"], &["Орешник"]]);
        t.versions.en = None;
        let ms = search(&t, "орешник");
        assert_eq!(ms.len(), 1);
        assert_eq!((ms[0].unit, ms[0].lang, ms[0].block), (1, Lang::Ru, 1));
    }

    proptest! {
        #[test]
        fn ranges_are_char_boundaries_and_fold_to_the_query(
            text in "[aAbBеЕёЁжЖ\u{301}’' İẞ]{0,30}",
            query in "[aAbBеЕёЁжЖ\u{301}’' ]{1,3}",
        ) {
            let t = transcript(&[&[text.as_str()]], &[&[]]);
            let needle = fold(&query).text;
            for m in search(&t, &query) {
                prop_assert!(text.is_char_boundary(m.range.start) && text.is_char_boundary(m.range.end));
                let found = fold(&text[m.range.clone()]).text;
                // A match may start or end inside the expansion of one char (İ → i̇); the range then
                // covers that whole char, so its folded form contains the query.
                prop_assert!(found.contains(&needle), "{found:?} vs {needle:?}");
                if !text[m.range.clone()].contains('İ') {
                    prop_assert_eq!(found, needle.clone());
                }
            }
        }
    }
}
