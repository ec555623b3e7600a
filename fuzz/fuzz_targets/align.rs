//! align: any parsed transcript aligns into units that take every sentence once, in order; so does the
//! opening of a long one.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Some(parsed) = stenogram_fuzz::parsed(bytes) {
        let t = &parsed.transcript;
        stenogram_fuzz::check_alignment(t, &stenogram::align::align(t));
        stenogram::align::opening(t, bytes.len() / 2);
    }
});
