//! Folding for matching: case (Cyrillic too), ё → е, stress marks dropped, optionally into Latin script;
//! keeps a map from folded chars back to the original's chars.

/// Folded text and, for each of its chars, the index of the char of the original it came from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Folded {
    pub text: String,
    pub source: Vec<usize>,
}

/// Lower-cases (all scripts), maps ё → е and drops combining stress marks.
pub fn fold(s: &str) -> Folded {
    // Placeholder until the full folder lands.
    let mut out = Folded::default();
    for (i, c) in s.chars().enumerate() {
        for l in c.to_lowercase() {
            out.text.push(if l == 'ё' { 'е' } else { l });
            out.source.push(i);
        }
    }
    out
}
