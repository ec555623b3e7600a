//! decode: any bytes are text or a refusal, never a panic; text is never blank.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(text) = stenogram::decode::decode(bytes) {
        assert!(!text.trim().is_empty());
    }
});
