//! Sanitizing: makes decoded text safe to store and draw — line endings, tabs, control and bidi characters.

/// Normalizes line endings to `\n`, expands tabs and removes every control character but `\n`.
pub fn sanitize(text: &str) -> String {
    // Placeholder until the full sanitizer lands.
    text.replace("\r\n", "\n")
        .chars()
        .filter(|&c| c == '\n' || !c.is_control())
        .collect()
}
