//! The alignment in a few lines for `stenogram check`: counts, confidence and a verdict.

use super::Alignment;
use crate::model::{Lang, Transcript};
use std::fmt;

/// How an alignment came out, as `stenogram check` reports it.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub units: usize,
    /// Units with both sides.
    pub paired: usize,
    /// Units with English only, and with Russian only.
    pub english_only: usize,
    pub russian_only: usize,
    /// Mean unit confidence, and the lowest with its unit index; `None` without units.
    pub mean: Option<f32>,
    pub lowest: Option<(usize, f32)>,
    pub verdict: Verdict,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Nothing to align: one language only (or none).
    OneLanguage(Option<Lang>),
    /// Mean confidence at least [`GOOD`].
    Translation,
    /// Between [`POOR`] and [`GOOD`]: worth checking by eye.
    Doubtful,
    /// Below [`POOR`]: the two texts do not say the same things.
    NotTranslation,
}

/// Mean confidence from which the two versions are taken to be translations of each other.
pub const GOOD: f32 = 0.6;
/// Mean confidence below which they are taken not to be.
pub const POOR: f32 = 0.3;

/// Sums up `a`, the alignment of `t`.
pub fn summary(t: &Transcript, a: &Alignment) -> Summary {
    let count = |l: Lang| {
        a.units
            .iter()
            .filter(|u| u.parts[l.other()].is_empty() && !u.parts[l].is_empty())
            .count()
    };
    let mean = (!a.units.is_empty())
        .then(|| a.units.iter().map(|u| u.confidence).sum::<f32>() / a.units.len() as f32);
    let lowest = a
        .units
        .iter()
        .enumerate()
        .map(|(k, u)| (k, u.confidence))
        .min_by(|x, y| x.1.total_cmp(&y.1));
    let langs = t.langs();
    let verdict = match (langs.len(), mean) {
        (2, Some(m)) if m >= GOOD => Verdict::Translation,
        (2, Some(m)) if m >= POOR => Verdict::Doubtful,
        (2, _) => Verdict::NotTranslation,
        _ => Verdict::OneLanguage(langs.first().copied()),
    };
    Summary {
        units: a.units.len(),
        paired: a.units.iter().filter(|u| !u.is_one_sided()).count(),
        english_only: count(Lang::En),
        russian_only: count(Lang::Ru),
        mean,
        lowest,
        verdict,
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Verdict::OneLanguage(Some(Lang::En)) => "English only, nothing to align",
            Verdict::OneLanguage(Some(Lang::Ru)) => "Russian only, nothing to align",
            Verdict::OneLanguage(None) => "no text",
            Verdict::Translation => "translation",
            Verdict::Doubtful => "doubtful (check the pairing)",
            Verdict::NotTranslation => "not a translation (low confidence)",
        })
    }
}

/// The lines `stenogram check` prints under a document.
impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "alignment: {} units ({} paired, {} English only, {} Russian only)",
            self.units, self.paired, self.english_only, self.russian_only
        )?;
        if let (Some(mean), Some((unit, low)), false) = (
            self.mean,
            self.lowest,
            matches!(self.verdict, Verdict::OneLanguage(_)),
        ) {
            writeln!(
                f,
                "confidence: mean {mean:.2}, lowest {low:.2} (unit {})",
                unit + 1
            )?;
        }
        write!(f, "verdict: {}", self.verdict)
    }
}

/// Why unit `k` of `a` is doubtful, in a few words; `None` when it is not. Names the terms of its
/// [`Evidence`](super::Evidence) that lowered its confidence most, against a unit that pairs
/// whole paragraphs, fits well and has no rival.
pub fn why_doubtful(a: &Alignment, k: usize) -> Option<String> {
    let u = a.units.get(k).filter(|u| u.is_doubtful())?;
    let e = &u.evidence;
    let mut reasons: Vec<String> = Vec::new();
    if let Some(l) = Lang::BOTH.into_iter().find(|&l| u.parts[l.other()].is_empty()) {
        reasons.push(format!("only in the {} text", l.name()));
    }
    if e.document() < 0.5 {
        reasons.push(format!(
            "the versions hardly align anywhere ({:.0}% of the text paired surely): they may not be translations",
            100.0 * e.quality
        ));
        return Some(reasons.join("; "));
    }
    let mut terms: Vec<(f32, String)> = e
        .lowering()
        .into_iter()
        .filter(|&(_, lost)| lost > 0.5)
        .map(|(term, lost)| (lost, term.describe(e)))
        .collect();
    terms.sort_by(|x, y| y.0.total_cmp(&x.0));
    reasons.extend(terms.into_iter().take(2).map(|(_, why)| why));
    if reasons.len() < 2 {
        reasons.push("the evidence for this pairing is weak".to_string());
    }
    Some(reasons.join("; "))
}
