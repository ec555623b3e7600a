//! Decoding: raw bytes of a transcript file → UTF-8 text, detecting the encoding.

/// Why bytes could not be read as text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("empty file")]
    Empty,
    #[error("binary file, not text")]
    Binary,
}

/// Decodes `bytes` as UTF-8 (with or without BOM), UTF-16 LE/BE, windows-1251, KOI8-R or IBM866.
pub fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    // Placeholder: UTF-8 only, until the detector lands.
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    String::from_utf8(bytes.to_vec()).map_err(|_| DecodeError::Binary)
}
