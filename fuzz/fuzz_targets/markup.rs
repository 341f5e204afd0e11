//! See `popdruk_testkit::fuzzing::markup`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| popdruk_testkit::fuzzing::markup(data));
