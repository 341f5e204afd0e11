//! See `popdruk::fuzzing::spreadsheet`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| popdruk::fuzzing::spreadsheet(data));
