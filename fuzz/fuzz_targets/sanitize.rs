//! sanitize: the output holds no control but `\n` and no bidi control, sanitizing it again changes
//! nothing, removals are reported once per output line, and without an ESC no letter is lost.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stenogram::sanitize::{is_bidi_control, sanitize, sanitize_and_report};

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    let (clean, removed) = sanitize_and_report(&text);
    assert!(
        clean
            .chars()
            .all(|c| c == '\n' || !(c.is_control() || is_bidi_control(c)))
    );
    assert_eq!(sanitize(&clean), clean);
    let lines = clean.split('\n').count();
    assert!(removed.windows(2).all(|w| w[0].line < w[1].line), "{removed:?}");
    assert!(
        removed
            .iter()
            .all(|r| (1..=lines).contains(&(r.line as usize)) && r.sequences + r.controls > 0),
        "{removed:?} for {lines} lines"
    );
    // Only a complete ESC sequence may take text with it.
    if !text.contains('\x1b') {
        let letters = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).collect::<String>();
        assert_eq!(letters(&clean), letters(&text));
    }
});
