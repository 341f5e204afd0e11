//! See `popdruk_testkit::fuzzing::csv`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| popdruk_testkit::fuzzing::csv(data));
