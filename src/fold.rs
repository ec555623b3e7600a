//! Folding for matching: case (Cyrillic too), ё → е, stress marks dropped, optionally into Latin script;
//! keeps a map from folded chars back to the original's chars.

use crate::translit::translit;

/// Folded text and, for each of its chars, the index of the char of the original it came from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Folded {
    pub text: String,
    pub source: Vec<usize>,
}

impl Folded {
    fn push(&mut self, c: char, from: usize) {
        self.text.push(c);
        self.source.push(from);
    }
}

/// Lower-cases (all scripts), maps ё → е, typographic quotes and dashes to their ASCII forms,
/// and drops combining stress marks.
pub fn fold(s: &str) -> Folded {
    let mut out = Folded {
        text: String::with_capacity(s.len()),
        source: Vec::with_capacity(s.len()),
    };
    let mut buf = FoldBuf::default();
    for (i, c) in s.chars().enumerate() {
        for &f in fold_char(c, &mut buf) {
            out.push(f, i);
        }
    }
    out
}

/// [`fold`], with Cyrillic transliterated to Latin, so a Latin query can match Cyrillic text
/// (`oreshnik` ~ «Орешник»); a letter that becomes several (`щ` → `shch`) maps each of them to itself.
/// Spelled exactly as [`to_latin`](crate::translit::to_latin) spells it (lowercased), from the original letters: `ё` is `yo`
/// (Пётр ~ pyotr), `е` is `ye` where English spells it so (Ежов ~ yezhov); `ezhov` still matches that
/// fuzzily.
pub fn fold_latin(s: &str) -> Folded {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Folded {
        text: String::with_capacity(s.len()),
        source: Vec::with_capacity(chars.len()),
    };
    let mut buf = FoldBuf::default();
    for (i, &c) in chars.iter().enumerate() {
        match translit(&chars, i) {
            Some(latin) => latin.chars().for_each(|l| out.push(l, i)),
            None => fold_char(c, &mut buf).iter().for_each(|&f| out.push(f, i)),
        }
    }
    out
}

/// The folded form of one char: up to a few chars (lower-casing can expand), or none.
pub(crate) fn fold_char(c: char, buf: &mut FoldBuf) -> &[char] {
    buf.len = 0;
    match c {
        // Combining grave and acute (stress marks in Russian teaching texts) and the diaeresis of a
        // decomposed ё: all invisible to matching.
        '\u{300}' | '\u{301}' | '\u{308}' => {}
        'ё' | 'Ё' => buf.put('е'),
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{2032}' | '\u{02BC}' => buf.put('\''),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => buf.put('"'),
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => buf.put('-'),
        '\u{00A0}' | '\u{202F}' | '\u{2009}' => buf.put(' '),
        _ if c.is_ascii() => buf.put(c.to_ascii_lowercase()),
        // The Russian capitals are one block 32 below the small letters: skip the general table lookup.
        'А'..='Я' => buf.put(char::from_u32(c as u32 + 32).unwrap_or(c)),
        'а'..='я' => buf.put(c),
        _ => c.to_lowercase().for_each(|l| buf.put(l)),
    }
    &buf.chars[..buf.len]
}

/// Scratch space for [`fold_char`]: `char::to_lowercase` yields at most two chars (`İ` → `i̇`).
#[derive(Default)]
pub(crate) struct FoldBuf {
    chars: [char; 2],
    len: usize,
}

impl FoldBuf {
    fn put(&mut self, c: char) {
        if let Some(slot) = self.chars.get_mut(self.len) {
            *slot = c;
            self.len += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn folds_case_yo_and_stress() {
        let f = fold("ЁЖ Ёлка Све\u{301}та I’m");
        assert_eq!(f.text, "еж елка света i'm");
        // The stress mark is dropped, so "т" (folded char 11) comes from original char 12.
        assert_eq!(f.source[11], 12);
    }

    #[test]
    fn russian_capitals_fold_like_to_lowercase() {
        for c in ('А'..='Я').chain('а'..='я') {
            assert_eq!(fold(&c.to_string()).text, c.to_lowercase().to_string(), "{c}");
        }
    }

    #[test]
    fn decomposed_yo_folds_like_composed() {
        assert_eq!(fold("е\u{308}ж").text, fold("ёж").text);
    }

    #[test]
    fn latin_maps_expansions_back_to_one_char() {
        let f = fold_latin("Щи, Орешник!");
        assert_eq!(f.text, "shchi, oreshnik!");
        assert_eq!(&f.source[..5], &[0, 0, 0, 0, 1]);
        // "sh" of Орешник both come from "ш", original char 7.
        assert_eq!(f.source[10], 7);
        assert_eq!(f.source[11], 7);
    }

    #[test]
    fn latin_spells_ye_where_english_does() {
        assert_eq!(
            fold_latin("Ежов, Сергеевич, Лукашенко").text,
            "yezhov, sergeyevich, lukashenko"
        );
    }

    #[test]
    fn latin_spells_yo_as_to_latin_does() {
        let f = fold_latin("Пётр и Семён, Горбачёв");
        assert_eq!(f.text, "pyotr i semyon, gorbachev");
        // "yo" of Пётр both come from "ё", original char 1.
        assert_eq!(&f.source[..5], &[0, 1, 1, 2, 3]);
        assert!(fold_latin("ПЁТР СЕМЁНОВ").text.contains("semyon"));
    }

    #[test]
    fn latin_reads_decomposed_yo_and_stressed_letters() {
        assert_eq!(fold_latin("Пе\u{308}тр").text, "pyotr");
        assert_eq!(fold_latin("зна\u{301}ет").text, "znayet");
    }

    #[test]
    fn latin_leaves_latin_alone() {
        assert_eq!(fold_latin("Kursk ceasefire").text, "kursk ceasefire");
    }

    fn invariants(original: &str, f: &Folded) {
        let n = original.chars().count();
        assert_eq!(f.source.len(), f.text.chars().count());
        assert!(f.source.windows(2).all(|w| w[0] <= w[1]), "{:?}", f.source);
        assert!(f.source.iter().all(|&i| i < n));
    }

    proptest! {
        #[test]
        fn fold_source_map_is_sound(s in "[a-zA-Zа-яА-ЯёЁİẞ\u{301}\u{300}\u{308}’«» \\-—.?]{0,40}|\\PC{0,40}") {
            invariants(&s, &fold(&s));
            invariants(&s, &fold_latin(&s));
        }

        #[test]
        fn latin_is_to_latin_lowercased(s in "[а-яА-ЯёЁіїєґў \\-.]{0,40}") {
            prop_assert_eq!(fold_latin(&s).text, crate::translit::to_latin(&s).to_lowercase());
        }

        #[test]
        fn fold_is_idempotent(s in "[a-zA-Zа-яА-ЯёЁ\u{301}’«» .?]{0,40}") {
            let once = fold(&s).text;
            prop_assert_eq!(fold(&once).text, once);
        }
    }
}
