//! What the fuzz targets share: bytes → a parsed transcript, and the invariants the model and the
//! alignment promise, checked by assertion (a failed one is a crash for libFuzzer).

use stenogram::align::Alignment;
use stenogram::ingest::{Parsed, parse, parse_pair};
use stenogram::model::{BlockKind, Lang, Transcript};

/// Bytes as stenogram reads a file: decoded, then parsed. A NUL byte (which no text file holds)
/// splits the input into the two files of a pair. `None` where decoding refuses the bytes.
pub fn parsed(bytes: &[u8]) -> Option<Parsed> {
    let text = |b: &[u8]| stenogram::decode::decode(b).ok();
    match bytes.iter().position(|&b| b == 0) {
        Some(at) => Some(parse_pair(&text(&bytes[..at])?, &text(&bytes[at + 1..])?)),
        None => Some(parse(&text(bytes)?)),
    }
}

/// What the model promises: clean one-line paragraphs whose sentence spans are in order, on char
/// boundaries and cover every non-space character; turns name existing speakers; source lines from 1;
/// a lossless JSON round trip.
pub fn check_model(p: &Parsed) {
    let t = &p.transcript;
    for l in t.langs() {
        let v = t.version(l).expect("a listed language has a version");
        for block in &v.blocks {
            if let BlockKind::Turn(s) = block.kind {
                assert!(
                    s < t.speakers.len(),
                    "turn of speaker {s} of {}",
                    t.speakers.len()
                );
            }
        }
        for (_, para) in v.paragraphs() {
            let text = &para.text;
            assert!(!text.chars().any(char::is_control), "control in {text:?}");
            assert!(para.line >= 1, "line 0 for {text:?}");
            let mut covered = 0;
            for span in &para.sentences {
                let r = span.range();
                assert!(
                    covered <= r.start && r.start <= r.end && r.end <= text.len(),
                    "{r:?} in {text:?}"
                );
                assert!(
                    text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
                    "{r:?} in {text:?}"
                );
                assert!(
                    text[covered..r.start].trim().is_empty(),
                    "uncovered text before {r:?} in {text:?}"
                );
                covered = r.end;
            }
            assert!(text[covered..].trim().is_empty(), "uncovered end of {text:?}");
        }
    }
    assert!(p.warnings.iter().all(|w| w.line >= 1), "{:?}", p.warnings);
    let json = serde_json::to_string(t).expect("serializes");
    let back: Transcript = serde_json::from_str(&json).expect("deserializes");
    assert_eq!(&back, t);
}

/// What the alignment promises: for each language, the units' parts in order take every sentence of
/// every paragraph exactly once, in document order (a paragraph without sentences whole, once); links
/// stay inside their unit's sentences, in order; confidences are between 0 and 1.
pub fn check_alignment(t: &Transcript, a: &Alignment) {
    for l in Lang::BOTH {
        let Some(v) = t.version(l) else {
            assert!(
                a.units.iter().all(|u| u.parts[l].is_empty()),
                "parts of absent {l:?}"
            );
            continue;
        };
        let expected: Vec<(usize, usize, Option<usize>)> = v
            .blocks
            .iter()
            .enumerate()
            .flat_map(|(b, block)| {
                block
                    .paragraphs
                    .iter()
                    .enumerate()
                    .map(move |(p, para)| (b, p, para))
            })
            .flat_map(|(b, p, para)| match para.sentences.len() {
                0 => vec![(b, p, None)],
                n => (0..n).map(|s| (b, p, Some(s))).collect(),
            })
            .collect();
        let taken: Vec<(usize, usize, Option<usize>)> = a
            .units
            .iter()
            .flat_map(|u| &u.parts[l])
            .flat_map(|part| {
                let (b, p) = (part.block, part.para);
                if part.sentences.is_empty() {
                    vec![(b, p, None)]
                } else {
                    part.sentences.clone().map(|s| (b, p, Some(s))).collect()
                }
            })
            .collect();
        assert_eq!(taken, expected, "{l:?} sentences taken by the units");
    }
    for (k, u) in a.units.iter().enumerate() {
        assert!(
            (0.0..=1.0).contains(&u.confidence),
            "unit {k}: confidence {}",
            u.confidence
        );
        for l in Lang::BOTH {
            let n = u.sentences(t, l).count();
            let mut end = 0;
            for link in &u.links {
                let r = &link.sentences[l];
                assert!(
                    end <= r.start && r.start <= r.end && r.end <= n,
                    "unit {k}: {l:?} link {r:?} of {n}"
                );
                end = r.end;
            }
        }
    }
}
