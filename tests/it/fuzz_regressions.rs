//! Replays the inputs kept in `fuzz/regressions/<target>/` (crashes the fuzzers found, once
//! fixed, and a few seeds) through the fuzz targets' bodies, so they stay fixed in the
//! ordinary `cargo test`.

use std::path::Path;

/// A fuzz target's body.
type Body = fn(&[u8]);

#[test]
fn every_kept_fuzz_input_runs_without_a_panic() {
    let targets: [(&str, Body); 5] = [
        ("csv", popdruk_testkit::fuzzing::csv),
        ("spreadsheet", popdruk_testkit::fuzzing::spreadsheet),
        ("markup", popdruk_testkit::fuzzing::markup),
        ("pop", popdruk_testkit::fuzzing::pop),
        ("layout", popdruk_testkit::fuzzing::layout),
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

/// The layout target's input: `depth` levels of `shape`, a run of `length` `letters`.
fn layout_input(depth: u8, length: u16, shape: &[u8], letters: &str) -> Vec<u8> {
    let mut data = vec![depth];
    data.extend(length.to_be_bytes());
    data.push(4);
    data.extend(shape);
    data.push(0xFF);
    data.extend(letters.as_bytes());
    data
}

#[test]
fn the_layout_target_makes_markup_that_reads_up_to_the_depth_bound_and_is_refused_past_it() {
    use popdruk::markup::{MAX_DEPTH, parse};
    use popdruk_testkit::fuzzing::{LAYOUT_RUN, layout_markup};
    // A list item, a table cell, a section: blocks, then a paragraph and inline elements.
    let shallow = layout_markup(&layout_input(
        9,
        LAYOUT_RUN as u16,
        &[4, 1, 3, 5, 0, 1, 2, 3, 0],
        "a<&",
    ))
    .expect("markup");
    parse(&shallow).expect("a run nine levels deep reads");
    // The run, escaped, stands in the header, the paragraph and the signature's title and name.
    let run: String = "a<&".chars().cycle().take(LAYOUT_RUN).collect();
    let run = run.replace('&', "&amp;").replace('<', "&lt;");
    assert_eq!(shallow.matches(&format!("{run}<")).count(), 2);
    assert_eq!(shallow.matches(&format!("\"{run}\"")).count(), 2);
    // A paragraph, then bold and italic all the way down: the document, the paragraph and
    // the run's text count as levels too.
    let at =
        |depth: usize| layout_markup(&layout_input(depth as u8, 10, &[5, 0], "x")).expect("markup");
    parse(&at(MAX_DEPTH - 2)).expect("at the bound");
    let refused = parse(&at(MAX_DEPTH - 1)).expect_err("past the bound");
    assert!(refused.to_string().contains("48"), "{refused}");
}
