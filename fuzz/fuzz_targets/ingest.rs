//! ingest: any decodable bytes (one file, or two split at a NUL) parse into a model that keeps its promises.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Some(parsed) = stenogram_fuzz::parsed(bytes) {
        stenogram_fuzz::check_model(&parsed);
    }
});
