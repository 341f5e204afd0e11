//! See `popdruk::fuzzing::pop`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| popdruk::fuzzing::pop(data));
