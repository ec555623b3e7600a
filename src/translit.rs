//! Transliteration between Cyrillic and Latin script, and name keys that match across the two.

/// Whether `c` is in the Cyrillic blocks (U+0400–U+052F: Russian, Ukrainian, Belarusian and the rest).
pub(crate) fn is_cyrillic(c: char) -> bool {
    ('\u{400}'..='\u{52F}').contains(&c)
}

/// Whether `c` is a Latin letter: ASCII, or accented (Latin-1 Supplement and Latin Extended-A/B).
pub(crate) fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || (('\u{C0}'..='\u{24F}').contains(&c) && !matches!(c, '×' | '÷'))
}

/// `char::is_alphabetic`, with ASCII and Cyrillic decided by range: the general table lookup is slow
/// and text scans call this on every char.
pub(crate) fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else if is_cyrillic(c) {
        // All but the thousands sign and the combining marks.
        !('\u{482}'..='\u{489}').contains(&c)
    } else {
        c.is_alphabetic()
    }
}

/// `c.to_lowercase()` when it is found by offset, a single char: for ASCII and Russian letters, the
/// common ones, this saves its table search. `None` for other chars.
pub(crate) fn fast_lowercase(c: char) -> Option<char> {
    match c {
        'a'..='z' | 'а'..='я' | 'ѐ'..='џ' => Some(c),
        'A'..='Z' | 'А'..='Я' => char::from_u32(c as u32 + 0x20),
        'Ѐ'..='Џ' => char::from_u32(c as u32 + 0x50),
        _ => None,
    }
}

/// `char::is_uppercase`, with ASCII and Russian letters decided by [`fast_lowercase`] rather than a
/// table lookup.
pub(crate) fn is_capital(c: char) -> bool {
    match fast_lowercase(c) {
        Some(lower) => lower != c,
        None => c.is_uppercase(),
    }
}

/// Transliterates Cyrillic letters to Latin (BGN/PCGN-like: Путин → Putin, Пыж → Pyzh);
/// other characters pass through.
///
/// On top of [`latin_of`], the spelling depends on context the way English-language press writes
/// Russian names: `е` is `ye` at the start of a word and after a vowel, `ъ`, `ь` or `й` (Ежов → Yezhov,
/// Сергеевич → Sergeyevich); `ё` is `yo` (Пётр → Pyotr) but `e` after ж ч ш щ ц (Горбачёв → Gorbachev);
/// a capital in an ALL-CAPS word is spelled all in capitals (ЩИ → SHCHI, not ShchI).
pub fn to_latin(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    push_latin(&chars, &mut out);
    out
}

/// Appends [`to_latin`] of `chars` to `out`: for callers transliterating word after word into
/// buffers they reuse.
pub(crate) fn push_latin(chars: &[char], out: &mut String) {
    for (i, &c) in chars.iter().enumerate() {
        let Some(lower) = translit(chars, i) else {
            out.push(c);
            continue;
        };
        if !is_capital(c) {
            out.push_str(lower);
        } else if in_capitals_word(chars, i) {
            out.extend(lower.chars().map(|l| l.to_ascii_uppercase()));
        } else {
            let mut letters = lower.chars();
            out.extend(letters.next().map(|l| l.to_ascii_uppercase()));
            out.extend(letters);
        }
    }
}

/// The lowercase Latin spelling of the Cyrillic letter `chars[i]` in its context, with the rules of
/// [`to_latin`]; `None` for other characters. The one place those rules live, so that
/// [`to_latin`] and [`crate::fold::fold_latin`] (what a Latin query is matched against) agree.
///
/// Stress marks are invisible to the context (`зна\u{301}ет` is `znayet`), and a decomposed `ё`
/// (`е` + U+0308) is spelled like the composed one, its diaeresis as nothing.
pub(crate) fn translit(chars: &[char], i: usize) -> Option<&'static str> {
    let c = *chars.get(i)?;
    // Only Cyrillic letters and their diaeresis are spelled: the rest skip the case mapping below,
    // a table search.
    if !is_cyrillic(c) && c != DIAERESIS {
        return None;
    }
    // Only `е`, `ё` and the diaeresis look back.
    let prev = || chars[..i].iter().rev().copied().find(|&p| !is_combining_mark(p));
    if c == DIAERESIS {
        return prev().filter(|&p| matches!(p, 'е' | 'Е')).map(|_| "");
    }
    let lower = fast_lowercase(c).unwrap_or_else(|| c.to_lowercase().next().unwrap_or(c));
    let lower = if lower == 'е' && chars.get(i + 1) == Some(&DIAERESIS) {
        'ё'
    } else {
        lower
    };
    let base = latin_of(lower)?;
    Some(match lower {
        'е' if prev().is_none_or(|p| !is_letter(p) || is_iotating(p)) => "ye",
        'ё' if prev().is_some_and(|p| "жчшщцЖЧШЩЦ".contains(p)) => "e",
        'ё' => "yo",
        _ => base,
    })
}

/// The combining diaeresis of a decomposed `ё`.
const DIAERESIS: char = '\u{308}';

/// Combining diacritics (stress marks, a decomposed `ё`'s diaeresis): part of the letter before them.
fn is_combining_mark(c: char) -> bool {
    ('\u{300}'..='\u{36F}').contains(&c)
}

/// Letters after which Cyrillic `е` sounds (and is spelled in Latin) `ye`.
fn is_iotating(c: char) -> bool {
    "аеёиоуыэюяіїєъьйАЕЁИОУЫЭЮЯІЇЄЪЬЙ".contains(c)
}

/// Whether the uppercase letter at `i` belongs to an ALL-CAPS word: its next letter, or if it
/// is the word's last letter its previous one, is uppercase too.
fn in_capitals_word(chars: &[char], i: usize) -> bool {
    let next = chars.get(i + 1).filter(|&&c| is_letter(c));
    let prev = i.checked_sub(1).map(|p| chars[p]).filter(|&c| is_letter(c));
    match (next, prev) {
        (Some(&n), _) => is_capital(n),
        (None, Some(p)) => is_capital(p),
        (None, None) => false,
    }
}

/// The context-free Latin spelling of a Cyrillic letter (possibly several letters, possibly none;
/// capitalised for a capital: Ж → Zh); `None` for other characters.
///
/// Russian, plus the Ukrainian and Belarusian letters і ї є ґ ў. `ъ` and `ь` have no spelling;
/// `ё` is `e` here (as most Russian text writes it); [`to_latin`] adds the context rules (in `translit`).
pub fn latin_of(c: char) -> Option<&'static str> {
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
        'і' => "i",
        'І' => "I",
        'ї' => "yi",
        'Ї' => "Yi",
        'є' => "ye",
        'Є' => "Ye",
        'ґ' => "g",
        'Ґ' => "G",
        'ў' => "w",
        'Ў' => "W",
        _ => return None,
    })
}

/// Best-effort Latin → Cyrillic for names known only in their English spelling
/// (Pyzh → Пыж, Yezhov → Ежов, Natalia Breus → Наталия Бреус, Tucker Carlson → Тукер Карлсон).
///
/// Greedy longest match over the letters of each word (shch, zh, kh, ts, ch, sh, yu, ya, ye, yo,
/// ...), with a few position rules: `ia` is `ия` at the end of a word that is not an acronym
/// (Natalia → Наталия); `ye` is `е` at the start of a word or after a vowel and `ье` after a
/// consonant (Grigoryev → Григорьев); `y` is `й` after a vowel, `ий` at the end of a word after a
/// consonant (Dmitry → Дмитрий) and `ы` elsewhere; `i` is `й` after a vowel (Sergei → Сергей,
/// Shoigu → Шойгу); `c` is `с` before e/i/y and `к` elsewhere; a word-initial `e` is `э`.
/// Case follows the source (capitalised or ALL CAPS); non-Latin characters pass through.
pub fn to_cyrillic(latin: &str) -> String {
    let chars: Vec<char> = latin.chars().collect();
    let mut out = String::with_capacity(latin.len() * 2);
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_alphabetic() {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let end = chars[i..]
            .iter()
            .position(|c| !c.is_ascii_alphabetic())
            .map_or(chars.len(), |n| i + n);
        out.push_str(&word_to_cyrillic(&chars[i..end]));
        i = end;
    }
    out
}

/// Spellings of more than one Cyrillic letter or more than one Latin letter, longest first so that
/// the greedy match takes `shch` before `sh`.
const SPELLINGS: [(&str, &str); 17] = [
    ("shch", "щ"),
    ("tch", "ч"),
    ("zh", "ж"),
    ("kh", "х"),
    ("ts", "ц"),
    ("tz", "ц"),
    ("ch", "ч"),
    ("sh", "ш"),
    ("yu", "ю"),
    ("ya", "я"),
    ("yo", "ё"),
    ("ck", "к"),
    ("ph", "ф"),
    ("th", "т"),
    ("ee", "и"),
    ("oo", "у"),
    ("x", "кс"),
];

fn word_to_cyrillic(word: &[char]) -> String {
    let lower: String = word.iter().map(|c| c.to_ascii_lowercase()).collect();
    let bytes = lower.as_bytes();
    let is_vowel = |b: u8| b"aeiouy".contains(&b);
    // Acronyms (RIA, TASS) are spelled letter by letter.
    let all_caps = word.len() > 1 && word.iter().all(char::is_ascii_uppercase);
    let mut out = String::new();
    let mut i = 0;
    while i < bytes.len() {
        let rest = &lower[i..];
        let prev_vowel = i > 0 && is_vowel(bytes[i - 1]);
        if let Some((latin, cyr)) = SPELLINGS.iter().find(|(l, _)| rest.starts_with(l)) {
            out.push_str(cyr);
            i += latin.len();
            continue;
        }
        let (cyr, len) = match bytes[i] {
            b'i' if rest == "ia" && !all_caps => ("ия", 2),
            b'y' if rest.starts_with("ye") => (if i == 0 || prev_vowel { "е" } else { "ье" }, 2),
            b'y' if prev_vowel => ("й", 1),
            b'y' if i + 1 == bytes.len() && i > 0 => ("ий", 1),
            b'y' => ("ы", 1),
            b'i' if prev_vowel => ("й", 1),
            b'e' if i == 0 => ("э", 1),
            b'c' if bytes.get(i + 1).is_some_and(|&n| b"eiy".contains(&n)) => ("с", 1),
            b'j' => ("дж", 1),
            b => (cyrillic_of(b), 1),
        };
        out.push_str(cyr);
        i += len;
    }
    match_case(word, &out)
}

fn cyrillic_of(b: u8) -> &'static str {
    match b {
        b'a' => "а",
        b'b' => "б",
        b'c' | b'k' | b'q' => "к",
        b'd' => "д",
        b'e' => "е",
        b'f' => "ф",
        b'g' => "г",
        b'h' => "х",
        b'i' => "и",
        b'l' => "л",
        b'm' => "м",
        b'n' => "н",
        b'o' => "о",
        b'p' => "п",
        b'r' => "р",
        b's' => "с",
        b't' => "т",
        b'u' => "у",
        b'v' | b'w' => "в",
        b'z' => "з",
        _ => "",
    }
}

/// `cyrillic` (lowercase) cased like `source`: ALL CAPS, Capitalised, or as is.
fn match_case(source: &[char], cyrillic: &str) -> String {
    let upper_count = source.iter().filter(|c| c.is_uppercase()).count();
    if upper_count > 1 && upper_count == source.len() {
        return cyrillic.to_uppercase();
    }
    let mut chars = cyrillic.chars();
    match (source.first(), chars.next()) {
        (Some(s), Some(first)) if s.is_uppercase() => first.to_uppercase().chain(chars).collect(),
        _ => cyrillic.to_owned(),
    }
}

/// A script-independent key for matching names and words across Russian and English and across
/// spelling variants: Aleksandr/Alexander/Александр, Yezhov/Ezhov/Ежов, Yuri/Yury/Yuriy/Юрий and
/// Trump/Трамп get the same key; Putin and Pyzh, Breus and Brest do not.
///
/// Each word (run of letters) is transliterated ([`to_latin`]), lowercased, reduced to ASCII
/// letters (a word with none, in another script, is kept lowercased as it is), then normalised in
/// this order:
/// 1. consonant spellings: `dzh`→`j`, `tch`→`ch`, `kh`/`gh`→`h`, `ck`/`c` (not in `ch`)/`q`→`k`,
///    `ph`→`f`, `x`→`ks`, `w`→`v`;
/// 2. iotated e: `ye`/`yo`→`e` (Yezhov = Ezhov, Pyotr = Petr);
/// 3. a final `-er` after a consonant → `-r` (Alexander = Aleksandr, Peter = Petr);
/// 4. vowels fold into two classes, `a o u`→`a` and `e i y`→`i`: the vowels English spellings
///    disagree on (Trump/Tramp, ya/ia, -iy/-y/-i, Grigoryevich/Grigorievich) fall in one class;
/// 5. runs of a repeated letter collapse to one (Alla = Ala, -ii = -i, ie = e).
///
/// Words are joined with single spaces; a string without letters has an empty key.
pub fn name_key(s: &str) -> String {
    // Apostrophes stand for soft and hard signs in some romanisations (Vasil'yev): part of the word.
    let is_separator = |c: char| !is_letter(c) && !matches!(c, '\'' | '’' | 'ʹ' | 'ʼ');
    let latin = to_latin(s);
    let words: Vec<String> = latin
        .split(is_separator)
        .map(word_key)
        .filter(|w| !w.is_empty())
        .collect();
    words.join(" ")
}

/// [`name_key`] of one word already in Latin script. A word in another script (Greek, Armenian,
/// CJK, ...) has no ASCII letters: it is its own key, lowercased, so that different names stay apart.
fn word_key(word: &str) -> String {
    let mut w: String = word
        .chars()
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if w.is_empty() {
        return word
            .chars()
            .flat_map(char::to_lowercase)
            .filter(|&c| is_letter(c))
            .collect();
    }
    for (from, to) in [
        ("dzh", "j"),
        ("tch", "ch"),
        ("kh", "h"),
        ("gh", "h"),
        ("ck", "k"),
        ("ph", "f"),
    ] {
        w = w.replace(from, to);
    }
    let bytes = w.as_bytes();
    let mut consonants = String::with_capacity(w.len());
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'c' if bytes.get(i + 1) != Some(&b'h') => consonants.push('k'),
            b'q' => consonants.push('k'),
            b'x' => consonants.push_str("ks"),
            b'w' => consonants.push('v'),
            _ => consonants.push(b as char),
        }
    }
    let mut w = consonants.replace("ye", "e").replace("yo", "e");
    let is_vowel = |b: u8| b"aeiouy".contains(&b);
    if let Some(stem) = w.strip_suffix("er")
        && stem.len() > 1
        && stem.bytes().last().is_some_and(|b| !is_vowel(b))
    {
        w = format!("{stem}r");
    }
    let mut key = String::with_capacity(w.len());
    for b in w.bytes() {
        let c = match b {
            b'a' | b'o' | b'u' => 'a',
            b'e' | b'i' | b'y' => 'i',
            b => b as char,
        };
        if !key.ends_with(c) {
            key.push(c);
        }
    }
    key
}

/// Whether `word` is a Russian patronymic (Владимирович, Григорьевна, Ильич, Ильинична, or in Latin
/// Vladimirovich, Sergeyevna, Ilyich), in any case form: a form of address, never a surname or a topic.
pub(crate) fn is_patronymic(word: &str) -> bool {
    // Stems and the case endings they take. -вич covers -ович/-евич (and Саввич), -ьич is Ильич,
    // -ичн- the feminine of both (Ильинична). No bare -ич: Вучич, Munich and Zurich are not patronymics.
    const FORMS: [(&[&str], &[&str]); 5] = [
        (&["вич", "ьич"], &["", "а", "у", "ем", "е"]),
        (&["овн", "евн"], &["а", "ы", "е", "у", "ой"]),
        (&["ичн"], &["а", "ы", "е", "у"]),
        (&["vich", "yich"], &["", "a", "u"]),
        (&["ovn", "evn", "ichn"], &["a", "u"]),
    ];
    let lower = word.to_lowercase();
    lower.chars().count() > 4
        && FORMS.iter().any(|(stems, cases)| {
            cases.iter().any(|case| {
                lower
                    .strip_suffix(case)
                    .is_some_and(|rest| stems.iter().any(|stem| rest.ends_with(stem)))
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn to_latin_names() {
        assert_eq!(to_latin("Пыж"), "Pyzh");
        assert_eq!(to_latin("Ежов"), "Yezhov");
        assert_eq!(to_latin("Лукашенко"), "Lukashenko");
        assert_eq!(to_latin("Князева"), "Knyazeva");
        assert_eq!(to_latin("Путин"), "Putin");
        assert_eq!(to_latin("Александр Григорьевич"), "Aleksandr Grigoryevich");
        assert_eq!(to_latin("Наталья Бреус"), "Natalya Breus");
        assert_eq!(to_latin("Юрий Щукин"), "Yuriy Shchukin");
        assert_eq!(to_latin("Илья Ежов, РИА Новости"), "Ilya Yezhov, RIA Novosti");
        assert_eq!(to_latin("Пётр Горбачёв"), "Pyotr Gorbachev");
        assert_eq!(to_latin("Сергеевич объехал"), "Sergeyevich obyekhal");
        assert_eq!(to_latin("ЩИ и ЖЖ"), "SHCHI i ZHZH");
    }

    #[test]
    fn to_latin_ukrainian_and_belarusian_letters() {
        assert_eq!(
            to_latin("Україна, Ґудзь, Єва, Іван, Мінск, Ўзд"),
            "Ukrayina, Gudz, Yeva, Ivan, Minsk, Wzd"
        );
    }

    #[test]
    fn to_latin_passes_other_characters_through() {
        assert_eq!(to_latin("В.Путин: «Да!» 2025 Q&A"), "V.Putin: «Da!» 2025 Q&A");
    }

    #[test]
    fn latin_of_covers_both_cases() {
        assert_eq!(latin_of('щ'), Some("shch"));
        assert_eq!(latin_of('Щ'), Some("Shch"));
        assert_eq!(latin_of('ь'), Some(""));
        assert_eq!(latin_of('Ё'), Some("E"));
        assert_eq!(latin_of('ў'), Some("w"));
        assert_eq!(latin_of('x'), None);
    }

    #[test]
    fn to_cyrillic_names() {
        assert_eq!(to_cyrillic("Pyzh"), "Пыж");
        assert_eq!(to_cyrillic("Yezhov"), "Ежов");
        assert_eq!(to_cyrillic("Natalia Breus"), "Наталия Бреус");
        assert_eq!(to_cyrillic("Tucker Carlson"), "Тукер Карлсон");
        assert_eq!(to_cyrillic("Dmitry Peskov"), "Дмитрий Песков");
        assert_eq!(to_cyrillic("Sergei Shoigu"), "Сергей Шойгу");
        assert_eq!(to_cyrillic("Olga Knyazeva"), "Олга Князева");
        assert_eq!(to_cyrillic("Grigoryevich"), "Григорьевич");
        assert_eq!(to_cyrillic("Alexander Lukashenko"), "Александер Лукашенко");
        assert_eq!(to_cyrillic("RIA Novosti, 2025"), "РИА Новости, 2025");
        assert_eq!(to_cyrillic("Yury Ushakov"), "Юрий Ушаков");
    }

    #[test]
    fn name_key_matches_variants() {
        let groups: &[&[&str]] = &[
            &["Aleksandr", "Alexander", "Александр"],
            &["Yezhov", "Ezhov", "Ежов"],
            &["Lukashenko", "Лукашенко"],
            &["Grigoryevich", "Grigorievich", "Григорьевич"],
            &["Knyazeva", "Князева"],
            &["Pyzh", "Пыж"],
            &["Breus", "Бреус"],
            &["Natalia", "Natalya", "Наталья"],
            &["Yuri", "Yury", "Yuriy", "Юрий"],
            &["Vyacheslavovich", "Вячеславович"],
            &["Sergei", "Sergey", "Сергей"],
            &["Dmitry", "Dmitri", "Дмитрий"],
            &["Kursk", "Курск"],
            &["Lavrov", "Лавров"],
            &["Trump", "Трамп"],
            &["Shoigu", "Шойгу"],
            &["Pyotr", "Peter", "Петр", "Пётр"],
            &["Russia", "Россия"],
            &["Alexander Lukashenko", "Александр  Лукашенко"],
            &["Lukashenka", "Lukashenko"],
            &["Zelensky", "Zelenskyy", "Zelenskiy", "Зеленский"],
            &["Vasil'yev", "Vasilyev", "Vasiliev", "Васильев"],
            &["Ilya", "Ilia", "Илья"],
        ];
        for group in groups {
            let key = name_key(group[0]);
            assert!(!key.is_empty());
            for other in &group[1..] {
                assert_eq!(name_key(other), key, "{} vs {}", group[0], other);
            }
        }
    }

    #[test]
    fn name_key_keeps_different_names_apart() {
        for (a, b) in [
            ("Putin", "Pyzh"),
            ("Lukashenko", "Lukyanov"),
            ("Breus", "Brest"),
            ("Путин", "Пыж"),
            ("Knyazeva", "Yezhov"),
            ("Minsk", "Moscow"),
        ] {
            assert_ne!(name_key(a), name_key(b), "{a} vs {b}");
        }
    }

    #[test]
    fn name_key_keeps_names_in_other_scripts() {
        assert_eq!(name_key("Γιώργος Παπαδόπουλος"), "γιώργος παπαδόπουλος");
        assert_ne!(name_key("Γιώργος"), name_key("Νίκος"));
        assert_ne!(name_key("Արամ"), name_key("Գևորգ"));
        assert_ne!(name_key("习近平"), name_key("李强"));
        // Words in Latin or Cyrillic keep their ASCII key beside them.
        assert_eq!(name_key("Mr Γιώργος"), "mr γιώργος");
    }

    #[test]
    fn patronymics_in_both_scripts_and_all_cases() {
        for word in [
            "Владимирович",
            "Григорьевича",
            "Сергеевичем",
            "Ильич",
            "Ильинична",
            "Петровне",
            "Николаевной",
            "Vladimirovich",
            "Sergeyevich",
            "Grigorievicha",
            "Ilyich",
            "Petrovna",
            "Ilyinichna",
            "ВЛАДИМИРОВИЧ",
        ] {
            assert!(is_patronymic(word), "{word}");
        }
        for word in [
            "Путин",
            "Лукашенко",
            "Шуфрич",
            "Ivanov",
            "Munich",
            "Zurich",
            "Вучич",
            "уровень",
            "Пыж",
        ] {
            assert!(!is_patronymic(word), "{word}");
        }
    }

    #[test]
    fn script_classes() {
        assert!("ЖжЁёЇїЎўԯ".chars().all(is_cyrillic));
        assert!(!"Zzé-1".chars().any(is_cyrillic));
        assert!("ZzéÉßłŁǅ".chars().all(is_latin_letter));
        assert!(!"×÷Ж1 ,α".chars().any(is_latin_letter));
    }

    #[test]
    fn fast_char_classes_agree_with_std_on_every_char() {
        for c in char::MIN..=char::MAX {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_capital(c), c.is_uppercase(), "{c:?}");
            if let Some(lower) = fast_lowercase(c) {
                assert!(c.to_lowercase().eq([lower]), "{c:?}");
            }
        }
        assert_eq!(fast_lowercase('Ё'), Some('ё'));
    }

    #[test]
    fn only_cyrillic_letters_are_spelled() {
        for c in char::MIN..=char::MAX {
            if !is_cyrillic(c) && c != DIAERESIS {
                assert_eq!(latin_of(c.to_lowercase().next().unwrap_or(c)), None, "{c:?}");
            }
        }
    }

    #[test]
    fn name_key_shape() {
        assert_eq!(name_key("Alexander Lukashenko"), "aliksandr lakashinka");
        assert_eq!(name_key("  В.Путин — "), "v patin");
        assert_eq!(name_key("2025, !"), "");
    }

    proptest! {
        #[test]
        fn keys_are_lowercase_words(s in "\\PC{0,40}") {
            let key = name_key(&s);
            let key_char = |c: char| c == ' ' || c.is_ascii_lowercase() || (!c.is_ascii() && c.is_alphabetic());
            prop_assert!(key.chars().all(key_char), "{:?}", key);
            prop_assert_eq!(key.to_lowercase(), key.clone());
            prop_assert!(!key.starts_with(' ') && !key.ends_with(' ') && !key.contains("  "));
        }

        #[test]
        fn to_latin_of_cyrillic_is_ascii(s in "[а-яА-ЯёЁ ]{0,40}") {
            prop_assert!(to_latin(&s).is_ascii());
        }

        #[test]
        fn to_cyrillic_never_panics_and_keeps_non_letters(s in "\\PC{0,40}") {
            let out = to_cyrillic(&s);
            prop_assert!(!out.chars().any(|c| c.is_ascii_alphabetic()));
            let is_letter = |c: &char| c.is_ascii_alphabetic() || ('\u{400}'..='\u{4FF}').contains(c);
            let others = |t: &str| -> String { t.chars().filter(|c| !is_letter(c)).collect() };
            prop_assert_eq!(others(&out), others(&s));
        }
    }
}
