//! Transliteration between Cyrillic and Latin script, and name keys that match across the two.

/// Transliterates Cyrillic letters to Latin (BGN/PCGN-like: Путин → Putin, Пыж → Pyzh); other characters pass through.
pub fn to_latin(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match latin_of(c) {
            Some(l) => out.push_str(l),
            None => out.push(c),
        }
    }
    out
}

/// The Latin spelling of a Cyrillic letter (possibly several letters, possibly none); `None` for other characters.
pub fn latin_of(c: char) -> Option<&'static str> {
    // Placeholder table; the full one (with case, variants and Ukrainian/Belarusian letters) replaces it.
    const LOWER: [&str; 32] = [
        "a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u",
        "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
    ];
    const UPPER: [&str; 32] = [
        "A", "B", "V", "G", "D", "E", "Zh", "Z", "I", "Y", "K", "L", "M", "N", "O", "P", "R", "S", "T", "U",
        "F", "Kh", "Ts", "Ch", "Sh", "Shch", "", "Y", "", "E", "Yu", "Ya",
    ];
    Some(match c {
        'а'..='я' => LOWER[c as usize - 'а' as usize],
        'А'..='Я' => UPPER[c as usize - 'А' as usize],
        'ё' => "e",
        'Ё' => "E",
        _ => return None,
    })
}
