//! See `popdruk::fuzzing::csv`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| popdruk::fuzzing::csv(data));
