//! Headings of a book's or a play's parts (`Chapter IV`, `Глава первая`, `Act I`, `Scene II`) and
//! the numbers they carry: digits, Roman numerals, numbers spelled out in either language.

/// Words that open the heading of a book's or a play's part (`Chapter IV`, `Глава первая`, `Акт I`).
const SECTION_WORDS: &[&str] = &[
    "chapter",
    "act",
    "scene",
    "part",
    "book",
    "глава",
    "акт",
    "действие",
    "сцена",
    "явление",
    "часть",
    "книга",
];

/// Sections of a play, whose headings show that lone names with a colon are its characters.
const PLAY_SECTIONS: &[&str] = &["act", "scene", "акт", "действие", "сцена", "явление"];

/// `Act I`, `SCENE 2.`, `Действие второе`.
pub(super) fn is_play_heading(text: &str) -> bool {
    is_section_heading(text)
        && text
            .split_whitespace()
            .next()
            .is_some_and(|w| PLAY_SECTIONS.contains(&w.to_lowercase().as_str()))
}

/// Sections that need no number.
const UNNUMBERED_SECTIONS: &[&str] = &["prologue", "epilogue", "пролог", "эпилог"];

/// Numbers spelled out in English, cardinal and ordinal, that name a section (`Part One`,
/// `Chapter Twenty-First`).
const ENGLISH_NUMBERS: &str = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen \
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety \
    first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth \
    fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth thirtieth \
    fortieth fiftieth last";

/// Stems of Russian ordinals, which take a gender's ending (`первая`, `второе`, `третий`,
/// `двадцать первая` is two words, each a number).
const RUSSIAN_ORDINAL_STEMS: &str = "перв втор трет четвёрт четверт пят шест седьм восьм девят десят одиннадцат двенадцат \
    тринадцат четырнадцат пятнадцат шестнадцат семнадцат восемнадцат девятнадцат двадцат тридцат \
    сороков последн";
const RUSSIAN_ORDINAL_ENDINGS: &str = "ая ое ый ой ий ья ье яя ее";
/// Russian tens, which open a compound ordinal (`двадцать первая`).
const RUSSIAN_TENS: &str = "двадцать тридцать сорок";

/// A number spelled out (`One`, `twenty-one`, `первая`, `двадцать`), in lower case.
fn is_spelled_number(word: &str) -> bool {
    let among = |words: &str, w: &str| words.split_whitespace().any(|x| x == w);
    let russian_ordinal = |w: &str| {
        RUSSIAN_ORDINAL_STEMS.split_whitespace().any(|stem| {
            w.strip_prefix(stem)
                .is_some_and(|end| among(RUSSIAN_ORDINAL_ENDINGS, end))
        })
    };
    word.split('-')
        .all(|w| among(ENGLISH_NUMBERS, w) || among(RUSSIAN_TENS, w) || russian_ordinal(w))
}

/// `Chapter I. Down the Rabbit-Hole`, `ACT III. SCENE 1.`, `Глава II. Море слёз`, `Сцена 2`, `Prologue`: a
/// section word and its number, then perhaps a title after a full stop, colon or dash. Its own punctuation
/// does not matter (`Chapter XI. Who Stole the Tarts?`); `Part I think so` and `Act of God` are not one.
pub(super) fn is_section_heading(text: &str) -> bool {
    if text.chars().count() > 100 {
        return false;
    }
    let mut words = text.split_whitespace();
    let word = |w: Option<&str>| w.map(|w| w.to_lowercase());
    let Some(first) = word(words.next()) else {
        return false;
    };
    if is_numbering(text) {
        return true;
    }
    if UNNUMBERED_SECTIONS.contains(&first.trim_end_matches(['.', ':'])) {
        return true;
    }
    if !SECTION_WORDS.contains(&first.as_str()) {
        return false;
    }
    let Some(number) = word(words.next()) else {
        return false;
    };
    let bare = number.trim_end_matches(['.', ':']);
    let is_number = bare.chars().all(|c| c.is_ascii_digit())
        || bare.chars().all(|c| "ivxlc".contains(c))
        || is_spelled_number(bare);
    // `Глава двадцать первая`, `Chapter Twenty One`: the number's further words.
    let rest: Vec<&str> = words
        .skip_while(|w| is_spelled_number(&w.to_lowercase()))
        .collect();
    !bare.is_empty()
        && is_number
        && (rest.is_empty()
            || number.len() > bare.len()
            || ["-", "–", "—"].contains(&rest[0])
            || is_section_heading(&rest.join(" ")))
}

/// `VIII`, `XIV.`, `XXXIX. XL. XLI`: Roman numerals alone on a line, as books number their chapters and
/// poems their stanzas (the last, stanzas left out). Read as a name they would make a speaker of each
/// stanza (`VIII` over the speech that follows).
fn is_numbering(text: &str) -> bool {
    let mut numerals = text.split([' ', '.', ',']).filter(|w| !w.is_empty()).peekable();
    numerals.peek().is_some() && numerals.all(is_roman)
}

/// A number in digits, Roman numerals or words (`12`, `XIV`, `Two`, `первое`): `Word One` alone on its
/// line numbers a section rather than names a speaker.
pub(super) fn is_number_word(word: &str) -> bool {
    let bare = word.trim_end_matches(['.', ':']);
    (!bare.is_empty() && bare.chars().all(|c| c.is_ascii_digit()))
        || is_roman(bare)
        || is_spelled_number(&bare.to_lowercase())
}

/// A Roman numeral in capitals below 400, written the usual way (`XIV`, not `XIIII` or
/// `IXX`): without `M` or `D`, so that `MIX`, `DIM` or `MD` are not numerals.
fn is_roman(text: &str) -> bool {
    const DIGITS: [(i32, &str); 9] = [
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    // Russian typists often write numerals with the Cyrillic letters that look like them (`ХII`).
    let latin = |c: char| match c {
        'Х' => 'X',
        'І' => 'I',
        'С' => 'C',
        c => c,
    };
    let value = |c: char| {
        DIGITS
            .iter()
            .find(|(_, d)| d.len() == 1 && d.starts_with(c))
            .map(|&(v, _)| v)
    };
    // Collected only as far as the first letter that is no numeral: most lines' first words.
    let Some(values) = text.chars().map(latin).map(value).collect::<Option<Vec<i32>>>() else {
        return false;
    };
    // A digit before a greater one is subtracted; the usual spelling of the sum must be the text.
    let sum: i32 = values
        .iter()
        .enumerate()
        .map(|(k, &v)| {
            if values.get(k + 1).is_some_and(|&next| next > v) {
                -v
            } else {
                v
            }
        })
        .sum();
    let mut spelled = String::new();
    let mut left = sum;
    for &(v, digit) in &DIGITS {
        while left >= v {
            spelled.push_str(digit);
            left -= v;
        }
    }
    (1..400).contains(&sum) && spelled.chars().eq(text.chars().map(latin))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn section_headings() {
        for text in [
            "Act I",
            "ACT III. SCENE 1.",
            "Scene 2 — A street",
            "Chapter XI. Who Stole the Tarts?",
            "Глава первая",
            "Действие второе",
            "Эпилог",
        ] {
            assert!(is_section_heading(text), "{text}");
        }
        for text in [
            "Act of God",
            "Part I think so",
            "Chapter and verse",
            "Scene",
            "Глава государства",
        ] {
            assert!(!is_section_heading(text), "{text}");
        }
        for text in [
            "VIII",
            "XIV.",
            "XXXIX. XL. XLI",
            "Chapter Eleven",
            "Глава двадцать первая",
        ] {
            assert!(is_section_heading(text), "{text}");
        }
        assert!(is_play_heading("SCENE 2."));
        assert!(!is_play_heading("Chapter 2"));
    }

    #[test]
    fn roman_numerals_written_the_usual_way() {
        for numeral in [
            "I", "IV", "IX", "XIV", "XL", "XLIX", "XC", "XCIX", "CCCXCIX", "ХVII",
        ] {
            assert!(is_roman(numeral), "{numeral}");
        }
        for word in [
            "", "IIII", "IXX", "VX", "IL", "XCX", "CCCC", "iv", "MIX", "DIM", "MD", "CIVIL", "LIVE",
        ] {
            assert!(!is_roman(word), "{word}");
        }
        // Every word of up to five of the letters is a numeral exactly when it is how a number
        // below 400 is written, spelled here digit by digit.
        let spell = |n: usize| {
            let place = |d: usize, [one, five, ten]: [&str; 3]| match d {
                4 => format!("{one}{five}"),
                9 => format!("{one}{ten}"),
                d => format!("{}{}", if d >= 5 { five } else { "" }, one.repeat(d % 5)),
            };
            [
                "C".repeat(n / 100),
                place(n / 10 % 10, ["X", "L", "C"]),
                place(n % 10, ["I", "V", "X"]),
            ]
            .concat()
        };
        let numerals: std::collections::HashSet<String> = (1..400).map(spell).collect();
        let mut words = vec![String::new()];
        for _ in 0..5 {
            words = words
                .iter()
                .flat_map(|w| "IVXLC".chars().map(move |c| format!("{w}{c}")))
                .collect();
            for w in &words {
                assert_eq!(is_roman(w), numerals.contains(w), "{w}");
            }
        }
    }
}
