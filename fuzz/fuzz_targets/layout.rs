//! See `popdruk::fuzzing::layout`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| popdruk::fuzzing::layout(data));
