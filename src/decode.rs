//! Decoding: raw bytes of a transcript file → UTF-8 text, detecting the encoding.
//!
//! Order of checks, most certain first:
//! 1. a BOM (UTF-8, UTF-16 LE, UTF-16 BE) decides;
//! 2. BOM-less UTF-16 is recognised by its byte pattern (high bytes of Latin/Cyrillic text are
//!    `00`/`04`, NULs on one parity only). This runs before anything else because such bytes
//!    also look like "binary" or like valid ASCII-with-NULs to other detectors;
//! 3. valid UTF-8 (pure ASCII included), or UTF-8 with a few corrupt bytes;
//! 4. otherwise one of the legacy Cyrillic code pages — windows-1251, KOI8-R, IBM866 — chosen
//!    by decoding with each and scoring how plausible the result is as Cyrillic text; windows-1252
//!    competes too, so that an English file with `café` in it does not come out as `cafй`.
//!
//! Any NUL outside UTF-16, or a noticeable share (and count) of control characters or undecodable
//! bytes, means binary.

use crate::translit::{is_cyrillic, is_latin_letter};
use encoding_rs::{Encoding, IBM866, KOI8_R, UTF_16BE, UTF_16LE, WINDOWS_1251, WINDOWS_1252};

/// Why bytes could not be read as text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("empty file")]
    Empty,
    #[error("binary file, not text")]
    Binary,
}

/// Decodes `bytes` as UTF-8 (with or without BOM), UTF-16 LE/BE, windows-1251, KOI8-R or IBM866
/// (or windows-1252, for Western text that is not UTF-8).
///
/// A file with nothing but whitespace is [`DecodeError::Empty`]: there is nothing to read.
/// The result may still contain control characters (e.g. ANSI colour codes); `sanitize` removes them.
pub fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    let text = detect_and_decode(bytes)?;
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    if looks_binary(&text) {
        return Err(DecodeError::Binary);
    }
    Ok(text)
}

fn detect_and_decode(bytes: &[u8]) -> Result<String, DecodeError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return Ok(String::from_utf8_lossy(rest).into_owned());
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return Ok(decode_utf16(UTF_16LE, rest));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return Ok(decode_utf16(UTF_16BE, rest));
    }
    if let Some(encoding) = bomless_utf16(bytes) {
        return Ok(decode_utf16(encoding, bytes));
    }
    if bytes.contains(&0) {
        return Err(DecodeError::Binary);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.to_owned());
    }
    if mostly_utf8(bytes) {
        return Ok(String::from_utf8_lossy(bytes).into_owned());
    }
    Ok(decode_legacy(bytes))
}

fn decode_with(encoding: &'static Encoding, bytes: &[u8]) -> String {
    encoding.decode_without_bom_handling(bytes).0.into_owned()
}

/// UTF-16 without a trailing odd byte: a truncated or padded file, whose last byte is no character.
fn decode_utf16(encoding: &'static Encoding, bytes: &[u8]) -> String {
    decode_with(encoding, &bytes[..bytes.len() & !1])
}

/// Recognises UTF-16 without a BOM. Text in the scripts stenogram reads has high bytes `00`
/// (ASCII, Latin-1) or `04` (Cyrillic) almost everywhere; failing that, NULs that sit on one
/// parity only are the classic UTF-16 signature.
fn bomless_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let pairs = bytes.len() / 2;
    if pairs == 0 {
        return None;
    }
    let (mut even_nul, mut odd_nul, mut even_high, mut odd_high) = (0usize, 0usize, 0usize, 0usize);
    for pair in bytes.chunks_exact(2) {
        even_nul += usize::from(pair[0] == 0);
        odd_nul += usize::from(pair[1] == 0);
        even_high += usize::from(matches!(pair[0], 0 | 4));
        odd_high += usize::from(matches!(pair[1], 0 | 4));
    }
    // LE: the high byte is the second of each pair.
    let le = (odd_high * 10 >= pairs * 9 && even_nul * 10 < pairs)
        || (odd_nul * 10 >= pairs && even_nul * 100 <= pairs);
    let be = (even_high * 10 >= pairs * 9 && odd_nul * 10 < pairs)
        || (even_nul * 10 >= pairs && odd_nul * 100 <= pairs);
    match (le, be) {
        (true, false) => Some(UTF_16LE),
        (false, true) => Some(UTF_16BE),
        _ => None,
    }
}

/// Invalid UTF-8 that is nonetheless mostly valid multi-byte UTF-8 (a corrupted or truncated UTF-8
/// file) is better read lossily than as mojibake in a legacy code page: legacy Cyrillic text forms
/// valid UTF-8 sequences only by rare accident. At most one corrupt sequence per ten good multi-byte
/// chars: [`looks_binary`] allows that share of U+FFFD.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut valid_multibyte, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        valid_multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    valid_multibyte >= 10 * invalid
}

/// How many bytes of a legacy-encoded file are scored to pick its code page: plenty for a verdict,
/// and it keeps detection cheap on a 100 MB file.
const SAMPLE_LEN: usize = 256 * 1024;

/// Decodes with the legacy Cyrillic code page whose result reads most like Cyrillic text;
/// windows-1251, the most common, wins ties. Scores a sample starting at the first non-ASCII byte
/// (all code pages agree on ASCII, so an English preamble would say nothing).
fn decode_legacy(bytes: &[u8]) -> String {
    let from = bytes.iter().position(|b| !b.is_ascii()).unwrap_or(0);
    let sample = &bytes[from..bytes.len().min(from + SAMPLE_LEN)];
    let mut best = (i64::MIN, WINDOWS_1251);
    for encoding in [WINDOWS_1251, KOI8_R, IBM866, WINDOWS_1252] {
        let score = plausibility(&decode_with(encoding, sample));
        if score > best.0 {
            best = (score, encoding);
        }
    }
    decode_with(best.1, bytes)
}

/// How much `text` looks like Cyrillic prose. Decoding with the wrong code page swaps case
/// (1251 ↔ KOI8-R put upper and lower case in opposite halves), turns letters into box-drawing
/// and other symbols (1251 ↔ IBM866), and in every case permutes the letters.
/// So each Russian letter scores by its frequency in Russian ([`letter_weight`]: о е а и … gain,
/// ф ъ щ … lose), runs of consonants or vowels longer than Russian has lose — these two tell code
/// pages apart even in ALL-CAPS text —, words in a regular case gain and mixed-case words lose,
/// and stray symbols lose. Accented Latin letters lose a little and words mixing Latin and Cyrillic
/// letters lose a lot, which is what Cyrillic code pages make of Western text and vice versa.
fn plausibility(text: &str) -> i64 {
    let mut score = 0i64;
    let mut word = Word::default();
    for c in text.chars() {
        if c.is_alphabetic() {
            word.push(c);
            continue;
        }
        score += word.take_score();
        if is_mojibake_symbol(c) {
            score -= 2;
        }
    }
    score + word.take_score()
}

/// Roughly log2 of a Russian letter's frequency in per mille, minus 4: about zero for a letter of
/// average frequency, so a permuted alphabet sums to less than real text.
fn letter_weight(lower: char) -> i64 {
    match lower {
        'о' => 3,
        'а' | 'в' | 'е' | 'и' | 'н' | 'р' | 'с' | 'т' => 2,
        'д' | 'к' | 'л' | 'м' | 'п' | 'у' => 1,
        'ж' | 'х' | 'ш' | 'ю' => -1,
        'ё' | 'ц' | 'щ' | 'э' => -2,
        'ф' => -3,
        'ъ' => -5,
        _ => 0,
    }
}

/// Counts of one run of letters, for [`plausibility`].
#[derive(Default)]
struct Word {
    len: i64,
    upper: i64,
    first_upper: bool,
    frequency: i64,
    latin: i64,
    accented: i64,
    cyrillic: i64,
    /// Length of the current run of Russian consonants.
    consonants: i64,
    /// Length of the current run of Russian vowels.
    vowels: i64,
    /// Penalty for runs longer than Russian allows: 4+ consonants (rare: `вств`) or 3+ vowels.
    runs: i64,
}

impl Word {
    fn push(&mut self, c: char) {
        if self.len == 0 {
            self.first_upper = c.is_uppercase();
        }
        self.len += 1;
        self.upper += i64::from(c.is_uppercase());
        let lower = c.to_lowercase().next().unwrap_or(c);
        self.frequency += letter_weight(lower);
        self.latin += i64::from(is_latin_letter(c));
        self.accented += i64::from(is_latin_letter(c) && !c.is_ascii());
        self.cyrillic += i64::from(is_cyrillic(c));
        match lower {
            'а' | 'е' | 'ё' | 'и' | 'о' | 'у' | 'ы' | 'э' | 'ю' | 'я' => {
                (self.consonants, self.vowels) = (0, self.vowels + 1);
                self.runs -= 3 * i64::from(self.vowels > 2);
            }
            'ъ' | 'ь' => {}
            'а'..='я' => {
                (self.consonants, self.vowels) = (self.consonants + 1, 0);
                self.runs -= 3 * i64::from(self.consonants > 3);
            }
            _ => (self.consonants, self.vowels) = (0, 0),
        }
    }

    fn take_score(&mut self) -> i64 {
        let w = std::mem::take(self);
        // Lower case, Capitalised or ALL CAPS; anything else is mojibake.
        let regular_case = w.upper == 0 || w.upper == w.len || (w.upper == 1 && w.first_upper);
        let mixed_script = w.latin > 0 && w.cyrillic > 0;
        let shape = if regular_case && !mixed_script {
            w.len
        } else {
            -2 * w.len
        };
        shape + w.frequency + w.runs - w.accented
    }
}

/// Symbols that ordinary prose rarely contains but wrong-code-page decoding produces often.
fn is_mojibake_symbol(c: char) -> bool {
    matches!(
        c,
        '\u{2500}'
            ..='\u{25FF}' // box drawing, blocks, geometric shapes
        | '\u{2219}' | '\u{221A}' | '\u{2320}' | '\u{2321}' | '\u{2248}' | '\u{2264}' | '\u{2265}'
        | '¤' | '¦' | '§' | '©' | '¬' | '®' | '°' | '±' | 'µ' | '¶' | '·' | '÷' | '€' | '‰' | '†' | '‡' | '™'
        | '\u{00AD}'
    )
}

/// Fewer unreadable characters than this never make a file binary: a stray BEL or one corrupt byte
/// is damage in a text file (`sanitize` drops the one, U+FFFD shows the other), not binary data.
const MIN_BAD: usize = 8;

/// True when the text is mostly not text: at least [`MIN_BAD`] control characters that text files
/// do not contain (tab, line breaks, form feed and the ESC of colour codes are allowed) making up
/// more than 2% of it, or at least [`MIN_BAD`] U+FFFD making up a tenth of it. The second
/// share matches [`mostly_utf8`] (at most one corrupt sequence, so one U+FFFD, per ten good
/// multi-byte chars), so text read lossily as UTF-8 is never then refused as binary.
fn looks_binary(text: &str) -> bool {
    let (mut total, mut controls, mut replaced) = (0usize, 0usize, 0usize);
    for c in text.chars() {
        total += 1;
        controls += usize::from(c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0C' | '\x1B'));
        replaced += usize::from(c == char::REPLACEMENT_CHARACTER);
    }
    (controls >= MIN_BAD && controls * 50 > total) || (replaced >= MIN_BAD && replaced * 10 >= total)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const SEED: &str = include_str!("../tests/data/003_phone_call_report_ru.txt");
    const SENTENCE: &str = "Президенты России и Белоруссии провели телефонные переговоры.";

    /// The seed with the guillemets KOI8-R and IBM866 cannot encode replaced by ASCII quotes.
    fn seed_without_guillemets() -> String {
        SEED.replace(['«', '»'], "\"")
    }

    fn encode(encoding: &'static Encoding, text: &str) -> Vec<u8> {
        let (bytes, _, unmappable) = encoding.encode(text);
        assert!(!unmappable, "{} cannot encode the test text", encoding.name());
        bytes.into_owned()
    }

    fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
        let units = bom.then_some(0xFEFF).into_iter().chain(text.encode_utf16());
        units
            .flat_map(|u| {
                if big_endian {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                }
            })
            .collect()
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode(SEED.as_bytes()).unwrap(), SEED);
        let with_bom = [b"\xEF\xBB\xBF".as_slice(), SEED.as_bytes()].concat();
        assert_eq!(decode(&with_bom).unwrap(), SEED);
    }

    #[test]
    fn pure_ascii_is_utf8() {
        assert_eq!(
            decode(b"Vladimir Putin: Good afternoon.\n").unwrap(),
            "Vladimir Putin: Good afternoon.\n"
        );
    }

    #[test]
    fn windows_1251_seed() {
        assert_eq!(decode(&encode(WINDOWS_1251, SEED)).unwrap(), SEED);
    }

    #[test]
    fn koi8_r_seed() {
        let text = seed_without_guillemets();
        assert_eq!(decode(&encode(KOI8_R, &text)).unwrap(), text);
    }

    #[test]
    fn ibm866_seed() {
        let text = seed_without_guillemets();
        assert_eq!(decode(&encode(IBM866, &text)).unwrap(), text);
    }

    #[test]
    fn legacy_short_sentence_in_each_encoding() {
        for encoding in [WINDOWS_1251, KOI8_R, IBM866] {
            assert_eq!(
                decode(&encode(encoding, SENTENCE)).unwrap(),
                SENTENCE,
                "{}",
                encoding.name()
            );
            let lower = "мир";
            assert_eq!(
                decode(&encode(encoding, lower)).unwrap(),
                lower,
                "{}",
                encoding.name()
            );
        }
    }

    #[test]
    fn legacy_all_caps_heading() {
        // Case cannot tell 1251 from KOI8-R here (one's capitals are the other's small letters):
        // letter frequencies do.
        let heading = "ПУТИН И ЛУКАШЕНКО ОБСУДИЛИ СОТРУДНИЧЕСТВО РФ И БЕЛОРУССИИ";
        for encoding in [WINDOWS_1251, KOI8_R, IBM866] {
            assert_eq!(
                decode(&encode(encoding, heading)).unwrap(),
                heading,
                "{}",
                encoding.name()
            );
        }
    }

    #[test]
    fn western_text_in_windows_1252_keeps_its_accents() {
        for text in [
            "Tucker Carlson met Macron at the Élysée café.",
            "Le président a déclaré à la presse qu’il était prêt à négocier.",
        ] {
            assert_eq!(decode(&encode(WINDOWS_1252, text)).unwrap(), text);
        }
    }

    #[test]
    fn utf16_with_bom_both_endians() {
        assert_eq!(decode(&utf16(SEED, false, true)).unwrap(), SEED);
        assert_eq!(decode(&utf16(SEED, true, true)).unwrap(), SEED);
    }

    #[test]
    fn utf16_without_bom() {
        assert_eq!(decode(&utf16(SEED, false, false)).unwrap(), SEED);
        assert_eq!(decode(&utf16(SEED, true, false)).unwrap(), SEED);
        // No ASCII at all, so no NUL bytes: recognised by the Cyrillic high bytes.
        assert_eq!(decode(&utf16("Привет", false, false)).unwrap(), "Привет");
        assert_eq!(decode(&utf16("Q&A", false, false)).unwrap(), "Q&A");
    }

    #[test]
    fn empty_and_whitespace_only() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(decode(b" \n\r\n\t"), Err(DecodeError::Empty));
        assert_eq!(decode(b"\xEF\xBB\xBF"), Err(DecodeError::Empty));
        assert_eq!(decode(b"\xFF\xFE"), Err(DecodeError::Empty));
    }

    #[test]
    fn binary_is_rejected() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0\x5c\x72\xa8\x66";
        assert_eq!(decode(png), Err(DecodeError::Binary));
        assert_eq!(
            decode(b"text with a NUL\0 in the middle of it all"),
            Err(DecodeError::Binary)
        );
        let controls: Vec<u8> = (0..200u8).map(|i| if i % 10 == 0 { 1 } else { b'a' }).collect();
        assert_eq!(decode(&controls), Err(DecodeError::Binary));
    }

    #[test]
    fn utf16_with_a_stray_last_byte_keeps_its_text() {
        let text = "Vladimir Putin: Hello.\n";
        for (big_endian, bom) in [(false, true), (true, true), (false, false), (true, false)] {
            let mut bytes = utf16(text, big_endian, bom);
            bytes.push(b'x');
            assert_eq!(
                decode(&bytes).unwrap(),
                text,
                "big endian {big_endian}, BOM {bom}"
            );
        }
    }

    #[test]
    fn a_stray_control_char_is_not_binary() {
        for text in ["Vladimir Putin: Hello.\x07\n", "\x01Привет!", "Q&A\x7f"] {
            assert_eq!(decode(text.as_bytes()).unwrap(), text);
        }
    }

    #[test]
    fn utf8_accepted_as_lossy_is_not_then_called_binary() {
        // One corrupt byte per twelve good Cyrillic letters: about 7% of the text is U+FFFD.
        let bytes: Vec<u8> = (0..20).flat_map(|_| [b"\xD0\xBF\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82 \xD0\xBF\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82 \xFF".as_slice()]).flatten().copied().collect();
        let text = decode(&bytes).unwrap();
        assert!(text.starts_with("привет привет \u{FFFD}привет"));
        assert_eq!(text.matches(char::REPLACEMENT_CHARACTER).count(), 20);
    }

    #[test]
    fn utf16_of_broken_surrogates_is_binary() {
        // Lone high surrogates: every unit decodes to U+FFFD.
        let bytes: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain((0..40).flat_map(|_| [0x00, 0xD8]))
            .collect();
        assert_eq!(decode(&bytes), Err(DecodeError::Binary));
    }

    #[test]
    fn colour_codes_are_text() {
        assert_eq!(decode(b"\x1b[31mred\x1b[0m").unwrap(), "\x1b[31mred\x1b[0m");
    }

    #[test]
    fn corrupt_utf8_stays_utf8() {
        let mut bytes = SEED.as_bytes().to_vec();
        bytes.insert(SEED.find(" и ").unwrap(), 0xFF);
        let text = decode(&bytes).unwrap();
        assert!(text.starts_with("Путин\u{FFFD} и Лукашенко"));
        assert_eq!(text.matches(char::REPLACEMENT_CHARACTER).count(), 1);
    }

    proptest! {
        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
            if let Ok(text) = decode(&bytes) {
                prop_assert!(!text.trim().is_empty());
            }
        }

        #[test]
        fn any_nonblank_utf8_text_roundtrips(text in "[a-zA-Zа-яА-ЯёЁ0-9 ,.!?«»—\n]{1,200}") {
            prop_assume!(!text.trim().is_empty());
            prop_assert_eq!(decode(text.as_bytes()).unwrap(), text);
        }
    }
}
