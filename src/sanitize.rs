//! Sanitizing: makes decoded text safe to store and draw — line endings, tabs, control and bidi characters.
//!
//! One pass over the chars, constant work per char, so linear on any input (a 1 MB line included):
//! a look-ahead for the end of an escape sequence stops at the next ESC, so look-aheads never overlap.

use unicode_width::UnicodeWidthChar;

const TAB_STOP: usize = 8;

/// Makes `text` safe to draw and store (see [`sanitize_and_report`]).
pub fn sanitize(text: &str) -> String {
    sanitize_and_report(text).0
}

/// What sanitizing removed from one line of its output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removed {
    /// 1-based line of the sanitized text.
    pub line: u32,
    /// Escape sequences removed whole.
    pub sequences: usize,
    /// Stray control characters dropped on their own.
    pub controls: usize,
    /// Which control characters, each once, in the order met.
    pub which: Vec<char>,
}

impl std::fmt::Display for Removed {
    /// `removed 2 escape sequences and a control character (U+0098)`.
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        let count = |n: usize, one: &str, what: &str| match n {
            1 => format!("{one} {what}"),
            n => format!("{n} {what}s"),
        };
        let mut parts = Vec::new();
        if self.sequences > 0 {
            parts.push(count(self.sequences, "an", "escape sequence"));
        }
        if self.controls > 0 {
            let which: Vec<String> = self
                .which
                .iter()
                .map(|c| format!("U+{:04X}", u32::from(*c)))
                .collect();
            parts.push(format!(
                "{} ({})",
                count(self.controls, "a", "control character"),
                which.join(", ")
            ));
        }
        write!(f, "removed {}", parts.join(" and "))
    }
}

/// Makes `text` safe to draw and store, and says what it removed, line by line:
/// - CR, CRLF, U+2028 and U+2029 become `\n`;
/// - tabs become spaces up to the next multiple-of-8 column (display columns, counted per line);
/// - complete terminal escape sequences are removed whole: CSI (`ESC [`, parameters, final byte),
///   OSC, DCS, SOS, PM and APC strings (`ESC ]` … up to BEL or ST on the same line), and two- and
///   three-char `ESC x`;
/// - an escape that is not complete (`ESC ]` with no terminator before the line ends, `ESC [` with
///   no final byte) drops only itself: the text after it is text;
/// - every other control character — C0, DEL, and every C1 control (U+0080–U+009F) — is dropped on
///   its own. C1 controls in UTF-8 text are mis-decoded bytes (windows-1251 has no 0x98, Latin-1 read
///   of windows-1252 turns `›` into U+009B), not terminal output, which uses the ESC forms; read as
///   sequence introducers they would swallow the text after them;
/// - bidi embeddings, overrides and isolates (U+202A–202E, U+2066–2069) and stray U+FEFF are removed:
///   they would reorder or hide what the terminal shows;
/// - soft hyphens (U+00AD) are removed: stenogram does not hyphenate, terminals draw them
///   inconsistently (some as `-`, some as nothing), and they would break search inside a word.
///
/// Everything else is kept: NBSP, combining stress marks (U+0301), ZWJ in emoji, LRM/RLM marks.
/// The output contains no control character but `\n`, and `sanitize(sanitize(x)) == sanitize(x)`.
/// Tabs, line endings, BOMs and soft hyphens are not reported: they are ordinary in text files.
pub fn sanitize_and_report(text: &str) -> (String, Vec<Removed>) {
    let mut out = Out {
        text: String::with_capacity(text.len()),
        column: 0,
        counted: 0,
        line: 1,
        removed: Vec::new(),
    };
    let mut chars = text.chars();
    loop {
        // Most text is kept as it is: copied a run at a time. Only ASCII controls and chars led
        // by 0xC2 (C1 controls, soft hyphen), 0xE2 (line separators, bidi controls) or 0xEF (BOM)
        // may need more.
        let rest = chars.as_str();
        let kept = rest
            .bytes()
            .position(|b| b < 0x20 || matches!(b, 0x7F | 0xC2 | 0xE2 | 0xEF))
            .unwrap_or(rest.len());
        out.text.push_str(&rest[..kept]);
        chars = rest[kept..].chars();
        let Some(c) = chars.next() else { break };
        match c {
            '\r' => {
                next_if(&mut chars, |c| c == '\n');
                out.newline();
            }
            '\n' | '\u{2028}' | '\u{2029}' => out.newline(),
            '\t' => out.tab(),
            '\x1B' => match escape_len(chars.as_str()) {
                Some(len) => {
                    chars = chars.as_str()[len..].chars();
                    out.sequence();
                }
                None => {
                    // An incomplete escape: its introducer goes, the text after it stays.
                    next_if(&mut chars, |c| matches!(c, '[' | ']' | 'P' | 'X' | '^' | '_'));
                    out.control(c);
                }
            },
            '\u{FEFF}' | '\u{AD}' => {}
            c if c.is_control() || is_bidi_control(c) => out.control(c),
            c => out.text.push(c),
        }
    }
    (out.text, out.removed)
}

/// Bidi embeddings, overrides and isolates (U+202A–202E, U+2066–2069): they reorder what a terminal shows.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The output being built, with the line and column it has reached and what was removed.
struct Out {
    text: String,
    /// The display column at `text[counted..]`, which is counted only when a tab needs it.
    column: usize,
    counted: usize,
    line: u32,
    removed: Vec<Removed>,
}

impl Out {
    fn newline(&mut self) {
        self.text.push('\n');
        self.column = 0;
        self.counted = self.text.len();
        self.line = self.line.saturating_add(1);
    }

    fn tab(&mut self) {
        self.column += self.text[self.counted..]
            .chars()
            .map(|c| c.width().unwrap_or(0))
            .sum::<usize>();
        let spaces = TAB_STOP - self.column % TAB_STOP;
        self.text.extend(std::iter::repeat_n(' ', spaces));
        self.column += spaces;
        self.counted = self.text.len();
    }

    fn sequence(&mut self) {
        self.on_this_line().sequences += 1;
    }

    fn control(&mut self, c: char) {
        let removed = self.on_this_line();
        removed.controls += 1;
        if !removed.which.contains(&c) {
            removed.which.push(c);
        }
    }

    fn on_this_line(&mut self) -> &mut Removed {
        let line = self.line;
        if self.removed.last().is_none_or(|r| r.line != line) {
            self.removed.push(Removed {
                line,
                sequences: 0,
                controls: 0,
                which: Vec::new(),
            });
        }
        let last = self.removed.len() - 1;
        &mut self.removed[last]
    }
}

type Chars<'a> = std::str::Chars<'a>;

/// Takes the next char if `f` accepts it.
fn next_if(chars: &mut Chars, f: impl Fn(char) -> bool) -> Option<char> {
    let c = chars.clone().next().filter(|&c| f(c))?;
    chars.next();
    Some(c)
}

/// The length in bytes of the complete escape sequence that `rest` continues after an ESC, or
/// `None` when the ESC starts no complete sequence. A look-ahead never passes another ESC.
fn escape_len(rest: &str) -> Option<usize> {
    let bytes = rest.as_bytes();
    match bytes.first()? {
        b'[' => control_sequence_len(&bytes[1..]).map(|n| n + 1),
        b']' | b'P' | b'X' | b'^' | b'_' => control_string_len(&rest[1..]).map(|n| n + 1),
        // nF (`ESC ( B`: intermediates, then a final byte).
        b'!'..=b'/' => {
            let intermediates = bytes.iter().take_while(|b| matches!(b, b'!'..=b'/')).count();
            matches!(bytes.get(intermediates), Some(b'0'..=b'~')).then_some(intermediates + 1)
        }
        // Fp/Fe/Fs (`ESC 7`, `ESC c`, `ESC \`).
        b'0'..=b'~' => Some(1),
        _ => None,
    }
}

/// A CSI sequence's parameter and intermediate bytes and its final byte, as a length; `None` when a
/// char that cannot belong to the sequence comes before a final byte. A space is not taken as an
/// intermediate: sequences with one are rare (cursor shape), while a stray `ESC [` before `12 May`
/// is text.
fn control_sequence_len(bytes: &[u8]) -> Option<usize> {
    let parameters = bytes.iter().take_while(|b| matches!(b, b'0'..=b'?')).count();
    let intermediates = bytes[parameters..]
        .iter()
        .take_while(|b| matches!(b, b'!'..=b'/'))
        .count();
    let end = parameters + intermediates;
    matches!(bytes.get(end), Some(b'@'..=b'~')).then_some(end + 1)
}

/// An OSC/DCS/SOS/PM/APC string up to and with its terminator (BEL, `ESC \` or U+009C), as a length;
/// `None` when the line, the text or the string ends first — at another ESC, which starts a new
/// sequence in a terminal too.
fn control_string_len(rest: &str) -> Option<usize> {
    for (i, c) in rest.char_indices() {
        match c {
            '\x07' | '\u{9C}' => return Some(i + c.len_utf8()),
            '\x1B' => return rest[i + 1..].starts_with('\\').then_some(i + 2),
            '\n' | '\r' | '\u{2028}' | '\u{2029}' => return None,
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn line_endings_become_newlines() {
        assert_eq!(
            sanitize("a\r\nb\rc\nd\u{2028}e\u{2029}f\r\r\n"),
            "a\nb\nc\nd\ne\nf\n\n"
        );
    }

    #[test]
    fn tabs_expand_to_the_next_stop_per_line() {
        assert_eq!(sanitize("\tx"), "        x");
        assert_eq!(sanitize("ab\tc"), "ab      c");
        assert_eq!(sanitize("12345678\tx"), "12345678        x");
        assert_eq!(sanitize("abc\n\tx"), "abc\n        x");
        // Wide chars take two columns: 3 CJK chars are 6 columns, 2 spaces to the stop.
        assert_eq!(sanitize("中文字\tx"), "中文字  x");
        // A removed escape sequence takes no column.
        assert_eq!(sanitize("\x1b[1mab\x1b[0m\tc"), "ab      c");
    }

    #[test]
    fn csi_sequences_are_removed_whole() {
        assert_eq!(sanitize("\x1b[31mred\x1b[0m plain"), "red plain");
        assert_eq!(sanitize("a\x1b[2Jb\x1b[?25lc\x1b[1;31;40md"), "abcd");
    }

    #[test]
    fn a_csi_without_a_final_byte_drops_only_its_introducer() {
        assert_eq!(sanitize("on \x1b[12 May"), "on 12 May");
        assert_eq!(sanitize("\x1b[31"), "31");
        assert_eq!(sanitize("a\x1b[1;2\x1b[0mb"), "a1;2b");
        assert_eq!(sanitize("\x1b[перемирие"), "перемирие");
    }

    #[test]
    fn string_sequences_are_removed_whole() {
        assert_eq!(sanitize("a\x1b]0;evil title\x07b"), "ab");
        assert_eq!(sanitize("a\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\b"), "alinkb");
        assert_eq!(sanitize("a\x1bPq#0;2;0;0;0\x1b\\b"), "ab");
        assert_eq!(sanitize("a\x1b_apc\x1b\\b\x1b^pm\x07c\x1bXsos\x1b\\d"), "abcd");
        assert_eq!(sanitize("a\x1b]0;t\u{9C}b"), "ab");
    }

    #[test]
    fn an_unterminated_string_drops_only_its_introducer() {
        assert_eq!(
            sanitize("a\x1b]0;never ends\nnext line"),
            "a0;never ends\nnext line"
        );
        assert_eq!(sanitize("a\x1bPtext"), "atext");
        // Another ESC ends the first string before a terminator, so only its introducer goes; the
        // second string is complete and goes whole.
        assert_eq!(sanitize("a\x1b]x\x1b]y\x07b"), "axb");
    }

    #[test]
    fn c1_controls_drop_only_themselves() {
        // windows-1251 has no 0x98: a byte that decodes to U+0098 (SOS) must not eat the sentence.
        assert_eq!(
            sanitize("The treaty\u{98} entered into force."),
            "The treaty entered into force."
        );
        assert_eq!(sanitize("a\u{9B}31mb"), "a31mb");
        assert_eq!(sanitize("a\u{9D}0;title\u{9C}b"), "a0;titleb");
        assert_eq!(sanitize("\u{90}\u{9E}\u{9F}x\u{80}"), "x");
    }

    #[test]
    fn short_escapes_are_removed() {
        assert_eq!(sanitize("a\x1b7b\x1b8c\x1bcd\x1b(Be"), "abcde");
        // A lone ESC before a non-ASCII char, a space or at the end is dropped alone.
        assert_eq!(sanitize("a\x1bЖ\x1b"), "aЖ");
        assert_eq!(sanitize("a\x1b b\x1b(Ж"), "a b(Ж");
    }

    #[test]
    fn other_controls_bidi_and_bom_are_removed() {
        assert_eq!(sanitize("a\0b\x07c\x08d\x7fe\u{85}f\u{9C}g"), "abcdefg");
        assert_eq!(
            sanitize("\u{FEFF}x\u{202E}cba\u{202C}y\u{2066}z\u{2069}"),
            "xcbayz"
        );
        assert_eq!(sanitize("вос\u{AD}питание"), "воспитание");
    }

    #[test]
    fn meaningful_invisibles_are_kept() {
        let text = "10\u{A0}000 за\u{301}мок 👨\u{200D}👩\u{200D}👧 \u{200F}";
        assert_eq!(sanitize(text), text);
    }

    #[test]
    fn removals_are_reported_by_output_line() {
        let (text, removed) =
            sanitize_and_report("\u{FEFF}plain\tline\r\n\x1b[1mbold\x1b[0m\u{98}\n\nx\x1b]\u{202E}\u{98}");
        assert_eq!(text, "plain   line\nbold\n\nx");
        let removal = |line, sequences, controls, which: &[char]| Removed {
            line,
            sequences,
            controls,
            which: which.to_vec(),
        };
        assert_eq!(
            removed,
            [
                removal(2, 2, 1, &['\u{98}']),
                removal(4, 0, 3, &['\x1b', '\u{202E}', '\u{98}']),
            ]
        );
    }

    #[test]
    fn a_removal_says_what_went() {
        let (_, removed) = sanitize_and_report("\x1b[1ma\x1b[0m\u{98}\n\u{98}\x1b]\u{98}\n\x1b[m");
        let said: Vec<String> = removed.iter().map(ToString::to_string).collect();
        assert_eq!(
            said,
            [
                "removed 2 escape sequences and a control character (U+0098)",
                "removed 3 control characters (U+0098, U+001B)",
                "removed an escape sequence",
            ]
        );
    }

    #[test]
    fn linear_on_a_long_line_with_many_escapes() {
        // 1 MB of unterminated CSI and OSC openers: a quadratic scan would not finish.
        let line = "\x1b[1\x1b]x".repeat(200_000);
        assert_eq!(sanitize(&line), "1x".repeat(200_000));
        let text = "слово\t".repeat(200_000);
        assert_eq!(sanitize(&text).len(), 200_000 * ("слово".len() + 3));
    }

    fn is_removed_invisible(c: char) -> bool {
        matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\t' | '\r')
    }

    /// Printable text mixed with every kind of control, bidi char and escape-sequence punctuation.
    const HOSTILE: &str =
        "(\\PC|\\PZ|[\\x00-\\x1f\\x7f-\\x9f\u{202A}-\u{202E}\u{2066}-\u{2069}\u{FEFF}\\[\\]\\\\]){0,200}";
    /// Text with nothing for sanitize to change.
    const PLAIN: &str = "[^\\p{Cc}\\p{Zl}\\p{Zp}\u{202A}-\u{202E}\u{2066}-\u{2069}\u{FEFF}\u{AD}]{0,200}";
    /// Words in both scripts, digits and punctuation, with no char that could continue an escape
    /// sequence (`[`, letters A–Z…): what a stray ESC introducer may land in front of.
    const PROSE: &str = "[а-яА-ЯёЁ0-9 ,.!?«»—\n-]{0,200}";
    /// Lone control chars: every C0 but ESC and the line breaks, DEL, every C1, bidi controls.
    const STRAY_CHAR: &str =
        "[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1a\\x1c-\\x1f\\x7f-\\x9f\u{202A}-\u{202E}\u{2066}-\u{2069}]";

    /// A CSI or string introducer, or a control char that neither starts nor ends an escape.
    const ESCAPE_INTRODUCER: &str =
        "\x1b[\\[\\]PX^_]|[\\x00-\\x06\\x08-\\x1a\\x1c-\\x1f\\x7f-\\x9b\\x9d-\\x9f]";

    /// `text` with each of `inserts` put before the char at its position (modulo the length).
    fn inserted(text: &str, inserts: &[(usize, String)]) -> String {
        let chars: Vec<char> = text.chars().collect();
        let mut at: Vec<Vec<&str>> = vec![Vec::new(); chars.len() + 1];
        for (i, s) in inserts {
            at[i % (chars.len() + 1)].push(s);
        }
        let mut out = String::new();
        for (i, slot) in at.iter().enumerate() {
            out.extend(slot.iter().copied());
            out.extend(chars.get(i));
        }
        out
    }

    fn letters(text: &str) -> String {
        text.chars().filter(|c| c.is_alphanumeric()).collect()
    }

    proptest! {
        #[test]
        fn output_is_clean_and_idempotent(text in HOSTILE) {
            let once = sanitize(&text);
            prop_assert!(once.chars().all(|c| c == '\n' || !c.is_control()));
            prop_assert!(!once.chars().any(is_removed_invisible));
            prop_assert_eq!(sanitize(&once), once);
        }

        #[test]
        fn plain_text_is_unchanged(text in PLAIN) {
            prop_assert_eq!(sanitize(&text), text);
        }

        #[test]
        fn stray_control_chars_cost_no_text(
            text in PLAIN,
            inserts in proptest::collection::vec((any::<usize>(), STRAY_CHAR), 1..20),
        ) {
            let hostile = inserted(&text, &inserts);
            let (clean, removed) = sanitize_and_report(&hostile);
            prop_assert_eq!(clean, text);
            prop_assert_eq!(removed.iter().map(|r| r.controls).sum::<usize>(), inserts.len());
        }

        #[test]
        fn stray_escape_introducers_cost_no_letter(
            text in PROSE,
            inserts in proptest::collection::vec(
                (any::<usize>(), ESCAPE_INTRODUCER),
                1..20,
            ),
        ) {
            let clean = sanitize(&inserted(&text, &inserts));
            prop_assert_eq!(letters(&clean), letters(&text));
        }
    }
}
