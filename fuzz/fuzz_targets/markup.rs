//! See `popdruk::fuzzing::markup`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| popdruk::fuzzing::markup(data));
