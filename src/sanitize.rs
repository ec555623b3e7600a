//! Sanitizing: makes decoded text safe to store and draw — line endings, tabs, control and bidi characters.
//!
//! One pass over the chars, constant work per char, so linear on any input (a 1 MB line included).

use unicode_width::UnicodeWidthChar;

const TAB_STOP: usize = 8;

/// Makes `text` safe to draw and store:
/// - CR, CRLF, U+2028 and U+2029 become `\n`;
/// - tabs become spaces up to the next multiple-of-8 column (display columns, counted per line);
/// - terminal escape sequences are removed whole: CSI (`ESC [` … final byte), OSC, DCS, SOS, PM
///   and APC strings (up to BEL or ST), two- and three-char `ESC x`; and their C1 forms (U+009B, …).
///   A string sequence never runs past the end of its line, so a stray `ESC ]` cannot swallow the file;
/// - all other C0/C1 controls and DEL are removed;
/// - bidi embeddings, overrides and isolates (U+202A–202E, U+2066–2069) and stray U+FEFF are removed:
///   they would reorder or hide what the terminal shows;
/// - soft hyphens (U+00AD) are removed: stenogram does not hyphenate, terminals draw them
///   inconsistently (some as `-`, some as nothing), and they would break search inside a word.
///
/// Everything else is kept: NBSP, combining stress marks (U+0301), ZWJ in emoji, LRM/RLM marks.
/// The output contains no control character but `\n`, and `sanitize(sanitize(x)) == sanitize(x)`.
pub fn sanitize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // The display column at `out[counted..]`, which is counted only when a tab needs it.
    let (mut column, mut counted) = (0usize, 0usize);
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
        out.push_str(&rest[..kept]);
        chars = rest[kept..].chars();
        let Some(c) = chars.next() else { break };
        match c {
            '\r' => {
                next_if(&mut chars, |c| c == '\n');
                newline(&mut out, &mut column, &mut counted);
            }
            '\n' | '\u{2028}' | '\u{2029}' => newline(&mut out, &mut column, &mut counted),
            '\t' => {
                column += out[counted..]
                    .chars()
                    .map(|c| c.width().unwrap_or(0))
                    .sum::<usize>();
                let spaces = TAB_STOP - column % TAB_STOP;
                out.extend(std::iter::repeat_n(' ', spaces));
                column += spaces;
                counted = out.len();
            }
            '\x1B' => match chars.clone().next() {
                Some('[') => {
                    chars.next();
                    skip_control_sequence(&mut chars);
                }
                Some(']' | 'P' | 'X' | '^' | '_') => {
                    chars.next();
                    skip_control_string(&mut chars);
                }
                // nF (`ESC ( B`: intermediates, then a final) and Fp/Fe/Fs (`ESC 7`, `ESC c`) sequences.
                Some(' '..='/') => {
                    while next_if(&mut chars, |c| matches!(c, ' '..='/')).is_some() {}
                    next_if(&mut chars, |c| matches!(c, '0'..='~'));
                }
                Some('0'..='~') => {
                    chars.next();
                }
                // A lone ESC: drop it, keep what follows.
                _ => {}
            },
            '\u{9B}' => skip_control_sequence(&mut chars),
            '\u{90}' | '\u{98}' | '\u{9D}' | '\u{9E}' | '\u{9F}' => skip_control_string(&mut chars),
            c if is_bidi_control(c) || matches!(c, '\u{FEFF}' | '\u{AD}') => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Bidi embeddings, overrides and isolates (U+202A–202E, U+2066–2069): they reorder what a terminal shows.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn newline(out: &mut String, column: &mut usize, counted: &mut usize) {
    out.push('\n');
    *column = 0;
    *counted = out.len();
}

type Chars<'a> = std::str::Chars<'a>;

/// Takes the next char if `f` accepts it.
fn next_if(chars: &mut Chars, f: impl Fn(char) -> bool) -> Option<char> {
    let c = chars.clone().next().filter(|&c| f(c))?;
    chars.next();
    Some(c)
}

/// Skips a CSI sequence's parameter and intermediate bytes and its final byte. A char that cannot
/// belong to the sequence ends it early and is kept: it is text.
fn skip_control_sequence(chars: &mut Chars) {
    while next_if(chars, |c| matches!(c, '0'..='?' | ' '..='/')).is_some() {}
    next_if(chars, |c| matches!(c, '@'..='~'));
}

/// Skips an OSC/DCS/SOS/PM/APC string up to its terminator (BEL, `ESC \` or U+009C), which is
/// skipped too. A line break or another ESC also ends it but is left in place, so that a malformed
/// string loses at most the rest of one line.
fn skip_control_string(chars: &mut Chars) {
    while let Some(c) = chars.clone().next() {
        match c {
            '\x07' | '\u{9C}' => {
                chars.next();
                return;
            }
            '\x1B' => {
                // `ESC \` is the terminator; any other ESC starts a new sequence (as in a terminal),
                // so it is left for the caller to handle.
                let mut ahead = chars.clone();
                ahead.next();
                if ahead.next() == Some('\\') {
                    chars.next();
                    chars.next();
                }
                return;
            }
            '\n' | '\r' | '\u{2028}' | '\u{2029}' => return,
            _ => {
                chars.next();
            }
        }
    }
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
        assert_eq!(sanitize("a\u{9B}31mb"), "ab");
    }

    #[test]
    fn string_sequences_are_removed_whole() {
        assert_eq!(sanitize("a\x1b]0;evil title\x07b"), "ab");
        assert_eq!(sanitize("a\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\b"), "alinkb");
        assert_eq!(sanitize("a\x1bPq#0;2;0;0;0\x1b\\b"), "ab");
        assert_eq!(sanitize("a\x1b_apc\x1b\\b\x1b^pm\x07c\x1bXsos\x1b\\d"), "abcd");
        assert_eq!(sanitize("a\u{9D}0;title\u{9C}b\u{90}dcs\u{9C}c"), "abc");
    }

    #[test]
    fn unterminated_string_ends_at_the_line() {
        assert_eq!(sanitize("a\x1b]0;never ends\nnext line"), "a\nnext line");
    }

    #[test]
    fn short_escapes_are_removed() {
        assert_eq!(sanitize("a\x1b7b\x1b8c\x1bcd\x1b(Be"), "abcde");
        // A lone ESC before a non-ASCII char or at the end is dropped alone.
        assert_eq!(sanitize("a\x1bЖ\x1b"), "aЖ");
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
    fn linear_on_a_long_line_with_many_escapes() {
        // 1 MB of unterminated CSI and OSC openers: a quadratic scan would not finish.
        let line = "\x1b[1\x1b]x".repeat(200_000);
        assert_eq!(sanitize(&line), "");
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
    }
}
