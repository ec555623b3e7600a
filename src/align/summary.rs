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

/// Why unit `k` of `a`, the alignment of `t`, is doubtful, in a few words; `None` when it is not.
/// Read off the unit as a person would check it: structure, lengths, words that translate.
pub fn why_doubtful(t: &Transcript, a: &Alignment, k: usize) -> Option<String> {
    let u = a.units.get(k).filter(|u| u.is_doubtful())?;
    let text = |l: Lang| u.sentences(t, l).map(|s| s.text).collect::<Vec<_>>().join(" ");
    if let Some(l) = Lang::BOTH.into_iter().find(|&l| u.parts[l.other()].is_empty()) {
        return Some(format!(
            "only in the {} text: it may belong beside a neighbouring passage",
            l.name()
        ));
    }
    let kind = |l: Lang| Some(t.version(l)?.blocks.get(u.block(l)?)?.kind);
    let (en, ru) = (text(Lang::En), text(Lang::Ru));
    let (en_chars, ru_chars) = (en.chars().count(), ru.chars().count());
    let concepts = |s: &str, l| crate::lexicon::concepts(s, l);
    let (ce, cr) = (concepts(&en, Lang::En), concepts(&ru, Lang::Ru));
    let shared = super::cost::common(&ce.ids, &cr.ids) as usize;
    let ratio = ru_chars as f32 / en_chars.max(1) as f32;
    Some(match (kind(Lang::En), kind(Lang::Ru)) {
        (Some(e), Some(r)) if std::mem::discriminant(&e) != std::mem::discriminant(&r) => {
            format!("ingest read the two sides differently ({e:?} / {r:?})")
        }
        _ if !(0.6..=2.0).contains(&ratio) => {
            format!("lengths differ: {en_chars} chars of English, {ru_chars} of Russian")
        }
        _ if (ce.known + cr.known) >= 4 && 4 * shared < (ce.known.min(cr.known) as usize) => {
            format!(
                "few words translate each other ({shared} of {} known)",
                ce.known.min(cr.known)
            )
        }
        _ => "the evidence for this pairing is weak".to_string(),
    })
}
