//! Anchors: what a sentence and its translation share across scripts — numbers and names.
//!
//! Every anchor is reduced to a `u64` key equal on both sides: numbers by value (`5,7` = `5.7`,
//! `2,000` = `2 000`, `12 тысяч` = `12,000`), words by a consonant skeleton of their Latin
//! spelling (`Лаврова` = `Lavrov`, `Курской` = `Kursk`).

use crate::model::Lang;
use crate::store::Fnv;
use crate::translit::{fast_lowercase, is_capital, is_letter, latin_of, push_latin};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::LazyLock;

/// What the aligner knows about one sentence.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Features {
    /// Length in chars, the Gale–Church signal.
    pub len: u32,
    /// Whether the sentence is a question: questions translate into questions.
    pub question: bool,
    /// Whether the sentence opens with a quotation mark or a dialogue dash: direct speech, which
    /// a translation renders as speech, whatever marks its language uses.
    pub speech: bool,
    /// How many of the keys are strong.
    pub strong: u32,
    /// One bit per key (strength aside): two sentences whose signatures share no bit share no
    /// key, which the DP checks before comparing the lists.
    pub signature: u64,
    /// Anchor keys, sorted and unique. Strong ones (numbers, names) have [`STRONG`] set.
    pub keys: Vec<u64>,
    /// Concepts of the built-in lexicon the words evoke, sorted and unique, and how many words
    /// it knows.
    pub concepts: Vec<u32>,
    pub known: u32,
    /// Stems the lexicon lacks (keys, sorted and unique), for the document's own word pairs
    /// ([`super::learn`]).
    pub unknown: Vec<u32>,
}

/// Whether `text` opens as direct speech: with a quotation mark, or a dash as Russian dialogue
/// does.
fn opens_speech(text: &str) -> bool {
    let t = text.trim_start();
    t.starts_with(['“', '"', '‘', '«', '„', '—', '–']) || t.starts_with("- ")
}

/// Marks a key whose absence on the other side is evidence against a pairing.
pub const STRONG: u64 = 1 << 63;
const NUMBER: u64 = 1 << 62;

/// Reads the features of one side's sentences in turn, keeping what each word's keys took to
/// find: a document says its names and long words again and again, and spelling each in Latin
/// anew took a third of the time its sentences' reading took.
#[derive(Default)]
pub struct Reader {
    numbers: SpelledNumbers,
    scratch: Scratch,
    /// Each name or long word read so far: the hashes of its skeletons ([`word_skeletons`]).
    skeletons: HashMap<Box<str>, Vec<u64>, BuildHasherDefault<Fnv>>,
}

impl Reader {
    pub fn features(&mut self, text: &str, lang: Lang) -> Features {
        // Room for a sentence's usual keys, so that pushing them rarely reallocates.
        let mut keys = Vec::with_capacity(16);
        numbers(text, lang, &mut keys);
        self.words(text, &mut keys);
        normalise(&mut keys);
        let concepts = crate::lexicon::concepts(text, lang);
        Features {
            concepts: concepts.ids,
            known: concepts.known,
            unknown: concepts.unknown,
            strong: strong_count(&keys),
            signature: signature(&keys),
            len: text.chars().count() as u32,
            question: text.trim_end_matches(['»', '"', '”', ')', ' ']).ends_with('?'),
            speech: opens_speech(text),
            keys,
        }
    }

    /// Pushes the keys of the words of `text`, spelled numbers and names, in one pass over its
    /// letters.
    fn words(&mut self, text: &str, keys: &mut Vec<u64>) {
        // A number of the sentence before scales no word of this one.
        self.numbers.pending = None;
        for (n, word) in text
            .split(|c: char| !is_letter(c))
            .filter(|w| !w.is_empty())
            .enumerate()
        {
            self.numbers.push(word, keys);
            self.word_keys(word, n == 0, keys);
        }
    }

    /// Pushes skeleton keys for a name (a capitalised word, strong unless it opens the sentence)
    /// or a long word (a likely cognate: `микроэлектроника`/`microelectronics`).
    fn word_keys(&mut self, word: &str, first: bool, keys: &mut Vec<u64>) {
        let capital = word.chars().next().is_some_and(is_capital);
        // Only up to 8 letters matter below.
        let letters = word.chars().take(8).count();
        let name = capital && letters >= 3 && !word.chars().all(is_capital);
        // Acronyms translate into other acronyms (SCO/ШОС), so they are no anchors.
        if !(name || letters >= 8) {
            return;
        }
        let strong = if name && !first { STRONG } else { 0 };
        let hashes = match self.skeletons.get(word) {
            Some(hashes) => hashes,
            None => {
                let hashes = word_skeletons(word, &mut self.scratch)
                    .map(|s| Fnv::hash(s.as_bytes()))
                    .collect();
                self.skeletons.entry(word.into()).or_insert(hashes)
            }
        };
        keys.extend(hashes.iter().map(|h| strong | (h & !(STRONG | NUMBER))));
    }
}

impl Features {
    /// The features of several sentences read as one. For the paragraph pass, which learns no
    /// words: the stems the lexicon lacks are left out.
    pub fn merged<'a>(all: impl Iterator<Item = &'a Features>) -> Features {
        let mut out = Features::default();
        for f in all {
            out.len += f.len;
            out.question |= f.question;
            out.speech |= f.speech;
            out.signature |= f.signature;
            out.keys.extend_from_slice(&f.keys);
            out.concepts.extend_from_slice(&f.concepts);
            out.known += f.known;
        }
        normalise(&mut out.keys);
        let said = out.concepts.len();
        // Runs of sorted lists, one per sentence: the stable sort merges such runs as it finds
        // them, where an unstable one would sort them afresh.
        out.concepts.sort();
        out.concepts.dedup();
        // Each known stem counts once, as in a sentence: a word said in several of the sentences
        // is known once, or a paragraph's repeated words would make it match nothing well.
        if said > 0 {
            out.known = (u64::from(out.known) * out.concepts.len() as u64 / said as u64) as u32;
        }
        out.strong = strong_count(&out.keys);
        out
    }

    /// Gives each key that `names` maps (keys without their strength) the key it maps to,
    /// keeping its strength: a name the document translates reads as its translation.
    pub fn rename(&mut self, names: &HashMap<u64, u64>) {
        let mut renamed = false;
        for k in &mut self.keys {
            if let Some(&to) = names.get(&(*k & !STRONG)) {
                *k = to | (*k & STRONG);
                renamed = true;
            }
        }
        if renamed {
            normalise(&mut self.keys);
            self.strong = strong_count(&self.keys);
            self.signature = signature(&self.keys);
        }
    }

    /// Gives the stems that `words` maps the concept it maps them to: words the document's own
    /// pairs translate read as the built-in lexicon's do.
    pub fn learn_words(&mut self, words: &HashMap<u32, u32>) {
        let before = self.concepts.len();
        self.concepts
            .extend(self.unknown.iter().filter_map(|s| words.get(s)));
        if self.concepts.len() > before {
            self.known += (self.concepts.len() - before) as u32;
            self.concepts.sort_unstable();
            self.concepts.dedup();
        }
    }

    /// The strong keys that are names, not numbers, without their strength.
    pub fn names(&self) -> impl Iterator<Item = u64> + '_ {
        self.keys
            .iter()
            .filter(|&&k| k & STRONG != 0 && k & NUMBER == 0)
            .map(|&k| k & !STRONG)
    }

    /// Whether some key (strength aside) is `key`.
    pub fn has(&self, key: u64) -> bool {
        self.keys.binary_search_by_key(&key, |&k| k & !STRONG).is_ok()
    }
}

fn strong_count(keys: &[u64]) -> u32 {
    keys.iter().filter(|&&k| k & STRONG != 0).count() as u32
}

/// One bit per key (strength aside), for [`Features::signature`].
fn signature(keys: &[u64]) -> u64 {
    keys.iter().fold(0, |s, &k| s | 1 << ((k & !STRONG) % 64))
}

/// Pushes a key for every number in `text`, and for `N thousand/million/billion` also N scaled.
fn numbers(text: &str, lang: Lang, keys: &mut Vec<u64>) {
    // Most sentences have no digit, and need not be collected into chars.
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return;
    }
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() || (i > 0 && chars[i - 1].is_alphanumeric()) {
            i += 1;
            continue;
        }
        let (value, end) = number_at(&chars, i, lang);
        i = end;
        keys.push(number_key(value));
        if let Some(scale) = scale_after(&chars, end) {
            keys.push(number_key(value * scale));
        }
    }
}

/// Reads a sentence's words one by one for spelled-out numbers (`two`, `второе`, `две [тысячи]`).
/// Their keys are weak: spelled numbers often translate digits, but words like `first` also occur
/// without meaning a number, so a spelled number without a partner is no evidence against a pairing.
#[derive(Default)]
struct SpelledNumbers {
    /// The value of the previous word when it was a number, for a scale word to multiply.
    pending: Option<f64>,
    /// The current word lowered, reused from word to word.
    lower: String,
}

impl SpelledNumbers {
    fn push(&mut self, word: &str, keys: &mut Vec<u64>) {
        // The longest number word is an ordinal stem with its ending (`четвертого`); longer words
        // are neither numbers nor scales worth lowering.
        const LONGEST: usize = 12;
        let lower = &mut self.lower;
        lower.clear();
        // Number and scale words are plain Latin or Russian, lowered without a table search.
        let mut head = [' '; 2];
        for (n, c) in word.chars().enumerate() {
            let l = match fast_lowercase(c) {
                Some('ё') if n < LONGEST => 'е',
                Some(l @ ('a'..='z' | 'а'..='я')) if n < LONGEST => l,
                _ => {
                    lower.clear();
                    break;
                }
            };
            lower.push(l);
            if n < 2 {
                head[n] = l;
            }
            // Most words stop here.
            if n == 1 && NUMBER_HEADS.binary_search(&head).is_err() {
                lower.clear();
                break;
            }
        }
        if let Some(scale) = self.pending.take().and_then(|v| Some(v * scale_of(lower)?)) {
            keys.push(number_key(scale));
        }
        self.pending = spelled(lower);
        if let Some(value) = self.pending {
            keys.push(NUMBER | (value as u64 * 100));
        }
    }
}

/// English number words and their values.
const EN_NUMBERS: [(&str, u8); 14] = [
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
];
/// Russian number words and their values.
const RU_NUMBERS: [(&str, u8); 24] = [
    ("два", 2),
    ("две", 2),
    ("двух", 2),
    ("три", 3),
    ("трех", 3),
    ("четыре", 4),
    ("четырех", 4),
    ("пять", 5),
    ("пяти", 5),
    ("шесть", 6),
    ("шести", 6),
    ("семь", 7),
    ("семи", 7),
    ("восемь", 8),
    ("восьми", 8),
    ("девять", 9),
    ("девяти", 9),
    ("десять", 10),
    ("десяти", 10),
    // Ordinal stems, completed by the endings in [`spelled`].
    ("перв", 1),
    ("втор", 2),
    ("трет", 3),
    ("четверт", 4),
    ("пят", 5),
];
/// Scale words (by their start: `тысячи`, `millions`) and what they multiply by.
const SCALES: [(&str, f64); 9] = [
    ("thousand", 1e3),
    ("тыс", 1e3),
    ("million", 1e6),
    ("млн", 1e6),
    ("миллион", 1e6),
    ("billion", 1e9),
    ("млрд", 1e9),
    ("миллиард", 1e9),
    ("trillion", 1e12),
];
/// The first two letters of every number and scale word: a word opening otherwise is neither,
/// and need not be lowered whole and looked up. All are at least three letters long.
static NUMBER_HEADS: LazyLock<Vec<[char; 2]>> = LazyLock::new(|| {
    let mut heads: Vec<[char; 2]> = (EN_NUMBERS.iter().map(|e| e.0))
        .chain(RU_NUMBERS.iter().map(|e| e.0))
        .chain(SCALES.iter().map(|e| e.0))
        .map(|w| {
            let mut chars = w.chars();
            [chars.next().unwrap_or(' '), chars.next().unwrap_or(' ')]
        })
        .collect();
    heads.sort_unstable();
    heads.dedup();
    heads
});

/// The value of a spelled-out number word from two to ten, or of an ordinal up to fifth.
fn spelled(word: &str) -> Option<f64> {
    const ORDINAL_ENDINGS: [&str; 16] = [
        "ый", "ой", "ая", "ое", "ого", "ом", "ую", "ые", "ых", "ий", "ья", "ье", "ьего", "ьем", "ью", "ьи",
    ];
    // Long words and words of other letters reach here empty: no number to look up.
    if word.is_empty() {
        return None;
    }
    // Entries are at least two bytes long. Comparing their first two bytes first spares most
    // words a full comparison (a call to memcmp) with every entry.
    let head = |w: &str| [w.as_bytes()[0], w.as_bytes().get(1).copied().unwrap_or(0)];
    let word_head = head(word);
    // A word lowered above is in Latin and Cyrillic letters only: English number words are all
    // Latin, and Russian ones start with a Cyrillic letter, so the first byte picks the list.
    if word_head[0].is_ascii() {
        return EN_NUMBERS
            .iter()
            .find(|(w, _)| head(w) == word_head && *w == word)
            .map(|&(_, v)| f64::from(v));
    }
    RU_NUMBERS
        .iter()
        .filter(|(w, _)| head(w) == word_head)
        .find(|(w, v)| {
            *w == word || (word.starts_with(w) && *v <= 5 && ORDINAL_ENDINGS.contains(&&word[w.len()..]))
        })
        .map(|&(_, v)| f64::from(v))
}

/// Reads the number starting at `start`: digit groups joined by thousands separators, then
/// an optional decimal part. Returns its value and the index after it.
fn number_at(chars: &[char], start: usize, lang: Lang) -> (f64, usize) {
    let digits_from = |i: usize| {
        chars[i.min(chars.len())..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let value_of = |from: usize, n: usize| {
        chars[from..from + n]
            .iter()
            .fold(0.0, |v, c| v * 10.0 + f64::from(*c as u8 - b'0'))
    };
    let n = digits_from(start);
    let mut value = value_of(start, n);
    let mut i = start + n;
    // Thousands: `2 000` (any space) in both languages, `2,000` in English only.
    while n <= 3 && i + 1 < chars.len() {
        let sep = chars[i];
        let thousands =
            matches!(sep, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}') || (sep == ',' && lang == Lang::En);
        if !thousands || digits_from(i + 1) != 3 {
            break;
        }
        value = value * 1000.0 + value_of(i + 1, 3);
        i += 4;
    }
    if i + 1 < chars.len() && (chars[i] == '.' || chars[i] == ',') && chars[i + 1].is_ascii_digit() {
        let f = digits_from(i + 1);
        let frac = value_of(i + 1, f.min(9));
        value += frac / 10f64.powi(f.min(9) as i32);
        i += 1 + f;
    }
    (value, i)
}

/// The multiplier named by the word after a number (`50 billion`, `50 [миллиардов]`), if any.
fn scale_after(chars: &[char], from: usize) -> Option<f64> {
    let word: String = chars[from.min(chars.len())..]
        .iter()
        .skip_while(|c| c.is_whitespace() || **c == '[' || **c == '-')
        .take_while(|&&c| is_letter(c))
        .flat_map(|c| c.to_lowercase())
        .collect();
    scale_of(&word)
}

/// The multiplier a (lower-case) word names: `thousand`, `тысячи`, `млрд`, ...
fn scale_of(word: &str) -> Option<f64> {
    SCALES.iter().find(|(w, _)| word.starts_with(w)).map(|&(_, s)| s)
}

fn number_key(value: f64) -> u64 {
    // Two decimals distinguish 5.7 from 57; values beyond u64 saturate, harmlessly.
    STRONG | NUMBER | ((value * 100.0).round() as u64 & !(STRONG | NUMBER))
}

/// The skeletons a word may match: its own, and for a Russian adjective made from a name
/// (`Шанхайской`, `Курской`) also the name's (`Shanghai`; `Kursk` matches the first).
fn word_skeletons<'a>(word: &str, scratch: &'a mut Scratch) -> impl Iterator<Item = &'a str> {
    let own = word_skeleton(word, scratch);
    let cyrillic = word.chars().any(|c| latin_of(c).is_some());
    let name = own
        .filter(|s| cyrillic && s.len() > 4)
        .and_then(|s| s.strip_suffix("sk"));
    own.into_iter().chain(name)
}

/// Buffers for [`word_skeleton`], reused from word to word so that a word costs no allocation.
#[derive(Default)]
struct Scratch {
    lower: Vec<char>,
    latin: String,
    skeleton: String,
}

/// The consonant skeleton of a word's Latin spelling with Russian case endings dropped:
/// `Лаврова`, `Лавровым`, `Lavrov` → `lvrv`. `None` when too short to mean anything.
fn word_skeleton<'a>(word: &str, scratch: &'a mut Scratch) -> Option<&'a str> {
    let Scratch {
        lower,
        latin,
        skeleton: out,
    } = scratch;
    latin.clear();
    if word.is_ascii() {
        // Already Latin: only lowered.
        latin.push_str(word);
        latin.make_ascii_lowercase();
    } else {
        // Lowered char by char: `str::to_lowercase` differs only in a final `σ`, which no skeleton
        // keeps.
        lower.clear();
        for c in word.chars() {
            match fast_lowercase(c) {
                Some(l) => lower.push(l),
                None => lower.extend(c.to_lowercase()),
            }
        }
        push_latin(lower, latin);
    }
    let stem = strip_ending(latin);
    out.clear();
    let mut chars = stem.chars().peekable();
    while let Some(c) = chars.next() {
        let mapped = match c {
            // kh/gh/h/g all render each other across the two scripts (Shanghai/Шанхай).
            'k' | 'g' if chars.peek() == Some(&'h') => {
                chars.next();
                'h'
            }
            'g' => 'h',
            'c' if chars.peek() == Some(&'h') => {
                chars.next();
                'c'
            }
            // A soft c: Alice/Алиса, Vincent/Винсент.
            'c' if matches!(chars.peek(), Some('e' | 'i' | 'y')) => 's',
            'c' | 'q' => 'k',
            'w' => 'v',
            // Alexander/Александр.
            'x' => {
                out.push('k');
                's'
            }
            'j' => 'z',
            'a' | 'e' | 'i' | 'o' | 'u' | 'y' if !out.is_empty() => continue,
            c if c.is_ascii_alphabetic() => c,
            _ => continue,
        };
        if !out.ends_with(mapped) {
            out.push(mapped);
        }
    }
    (out.len() >= 3).then_some(out.as_str())
}

/// Drops a Russian case ending carrying a consonant (vowel-only endings vanish in the skeleton).
fn strip_ending(latin: &str) -> &str {
    const ENDINGS: [&str; 14] = [
        "ogo", "ego", "omu", "emu", "ymi", "imi", "ami", "yami", "akh", "yakh", "ykh", "ikh", "ym", "im",
    ];
    for e in ENDINGS {
        if let Some(stem) = latin.strip_suffix(e)
            && stem.chars().count() >= 3
        {
            return stem;
        }
    }
    latin
        .strip_suffix("om")
        .or_else(|| latin.strip_suffix("em"))
        .filter(|s| s.chars().count() >= 4)
        .unwrap_or(latin)
}

/// Sorts keys by their identity (strength aside) and drops duplicates, keeping the strong one.
fn normalise(keys: &mut Vec<u64>) {
    keys.sort_unstable_by_key(|&k| (k & !STRONG, k & STRONG == 0));
    keys.dedup_by_key(|k| *k & !STRONG);
}

/// Counts keys present in both lists as [`normalise`]d: (all shared, strong shared).
#[inline]
pub fn shared(a: &[u64], b: &[u64]) -> (u32, u32) {
    let (mut i, mut j, mut all, mut strong) = (0, 0, 0, 0);
    // Without branches on the comparison, which are as good as random: the aligner merges lists
    // for every cell of its band.
    while i < a.len() && j < b.len() {
        // Lists are in order of the keys without their strength, which `two` and `2` share.
        let (x, y) = (a[i] & !STRONG, b[j] & !STRONG);
        let same = x == y;
        all += u32::from(same);
        // `2,000` matches `две тысячи`: strong if either side is.
        strong += u32::from(same & ((a[i] | b[j]) & STRONG != 0));
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    (all, strong)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nums(text: &str, lang: Lang) -> Vec<u64> {
        let mut k = Vec::new();
        numbers(text, lang, &mut k);
        k.into_iter().map(|k| k & !(STRONG | NUMBER)).collect()
    }

    #[test]
    fn numbers_match_across_conventions() {
        assert_eq!(
            nums("around 5.7%", Lang::En),
            nums("где-то 5,7 [процента]", Lang::Ru)
        );
        assert_eq!(nums("More than 2,000 companies", Lang::En), vec![200_000]);
        assert_eq!(nums("более 2 000 компаний", Lang::Ru), vec![200_000]);
        assert_eq!(nums("for 2024–2026", Lang::En), vec![202_400, 202_600]);
        assert_eq!(nums("60%", Lang::En), nums("60 процентов", Lang::Ru));
        // The scaled value is what matches `12,000` across the two.
        assert!(nums("порядка 12 тысяч", Lang::Ru).contains(&1_200_000));
        assert!(nums("exceeded $50 billion", Lang::En).contains(&5_000_000_000_000));
        assert!(nums("50 миллиардов долларов", Lang::Ru).contains(&5_000_000_000_000));
        let spelled = |t: &str| {
            let mut k = Vec::new();
            Reader::default().words(t, &mut k);
            k.into_iter()
                .filter(|k| k & NUMBER != 0)
                .map(|k| k & !(STRONG | NUMBER))
                .collect::<Vec<_>>()
        };
        assert_eq!(spelled("Второе. То, что мы"), spelled("Second, regarding"));
        assert!(spelled("почти две тысячи километров").contains(&200_000));
        assert!(spelled("Вторглась группировка").is_empty());
        // Every number word, capitalised as a sentence opens (an ordinal stem with an ending),
        // and every scale after a number.
        let capitalised = |w: &str| {
            let mut chars = w.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect::<String>())
        };
        for &(word, value) in EN_NUMBERS.iter().chain(&RU_NUMBERS) {
            let found = |w: String| capitalised(&w).is_some_and(|w| spelled(&w) == [u64::from(value) * 100]);
            assert!(found(word.to_string()) || found(format!("{word}ого")), "{word}");
        }
        for &(scale, by) in &SCALES {
            assert!(
                spelled(&format!("two {scale}")).contains(&((2.0 * by) as u64 * 100)),
                "{scale}"
            );
        }
        assert!(
            nums("A1 B2", Lang::En).is_empty(),
            "digits inside words are no numbers"
        );
    }

    #[test]
    fn names_match_across_scripts_and_cases() {
        let skeleton = |w: &str| word_skeleton(w, &mut Scratch::default()).map(str::to_string);
        for (ru, en) in [
            ("Лавров", "Lavrov"),
            ("Лаврова", "Lavrov"),
            ("Трампа", "Trump"),
            ("Курской", "Kursk"),
            ("Шанхайской", "Shanghai"),
            ("Лукашенко", "Lukashenko"),
            ("Москве", "Moscow"),
            ("Александр", "Alexander"),
            ("Григорьевич", "Grigoryevich"),
            ("Белоруссии", "Belarus"),
            ("микроэлектроники", "microelectronic"),
            ("Алисой", "Alice"),
            ("Винсент", "Vincent"),
            ("Фрэнсис", "Francis"),
        ] {
            let en = skeleton(en).expect("long enough");
            assert!(
                word_skeletons(ru, &mut Scratch::default()).any(|s| s == en),
                "{ru} / {en}"
            );
        }
        assert_ne!(skeleton("Путин"), skeleton("Lukashenko"));
        assert_eq!(skeleton("Ю"), None);
    }

    #[test]
    fn features_share_names_and_numbers_not_the_first_word() {
        let en = Reader::default().features("Over 90% of payments go to Lukashenko in Minsk.", Lang::En);
        let ru = Reader::default().features(
            "Свыше 90 процентов платежей получает Лукашенко в Минске.",
            Lang::Ru,
        );
        let (all, strong) = shared(&en.keys, &ru.keys);
        assert_eq!((all, strong), (3, 3));
        assert_eq!(en.len, 47);
    }

    #[test]
    fn a_spelled_number_shares_its_key_with_digits() {
        let en = Reader::default().features("We signed two agreements and 2,000 contracts.", Lang::En);
        let ru = Reader::default().features("Мы подписали 2 соглашения и две тысячи контрактов.", Lang::Ru);
        assert_eq!(shared(&en.keys, &ru.keys), (2, 2));
    }
}
