//! Replays the inputs kept in `fuzz/regressions/<target>/` (crashes the fuzzers found, once
//! fixed, and a few seeds) through the fuzz targets' bodies, so they stay fixed in the
//! ordinary `cargo test`.

use std::path::Path;

/// A fuzz target's body.
type Body = fn(&[u8]);

#[test]
fn every_kept_fuzz_input_runs_without_a_panic() {
    let targets: [(&str, Body); 4] = [
        ("csv", popdruk::fuzzing::csv),
        ("spreadsheet", popdruk::fuzzing::spreadsheet),
        ("markup", popdruk::fuzzing::markup),
        ("pop", popdruk::fuzzing::pop),
    ];
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions");
    let mut ran = 0;
    for (name, body) in targets {
        let Ok(entries) = std::fs::read_dir(root.join(name)) else {
            continue;
        };
        for entry in entries {
            let path = entry.expect("entry").path();
            body(&std::fs::read(&path).expect("input"));
            ran += 1;
        }
    }
    assert!(ran > 0, "no kept fuzz inputs under {}", root.display());
}
