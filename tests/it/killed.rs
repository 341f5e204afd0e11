//! A build killed outright (no handler runs: `kill -9`, a power cut as far as the process
//! can tell) while the writer has a batch of files written but not yet renamed: every file
//! under its final name is whole, and the next build removes the temporary files it left.

use crate::common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{files_under, popdruk, temp_dir, text_of};
use popdruk_testkit as synth;

fn is_temporary(p: &Path) -> bool {
    let name = p.file_name().unwrap_or_default().to_string_lossy();
    name.starts_with('.') && name.ends_with(".tmp")
}

#[cfg(unix)]
#[test]
fn a_killed_build_leaves_only_whole_files_under_their_names_and_the_next_removes_the_rest() {
    let dir = temp_dir("killed");
    let team = synth::organisation(300, 6, 9);
    let workbook = dir.join("groot-csv");
    synth::write_csv_dir(&workbook, &team, b';', synth::CsvEncoding::Utf8Bom, true).expect("csv");
    let out = dir.join("afdruk");
    let args = [
        "build",
        workbook.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--date",
        "2026-11-29",
        "--only",
        "voorbereiding",
    ];
    let mut child = Command::new(env!("CARGO_BIN_EXE_popdruk"))
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("popdruk starts");
    // Killed while it writes: once the first employees' files are in place.
    let start = Instant::now();
    while files_under(&out)
        .iter()
        .filter(|p| !is_temporary(p))
        .count()
        < 6
    {
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "no output appeared"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().expect("SIGKILL");
    let status = child.wait().expect("popdruk ends");
    assert!(!status.success(), "the build was killed before it ended");

    for pdf in files_under(&out).iter().filter(|p| !is_temporary(p)) {
        let bytes = std::fs::read(pdf).unwrap();
        assert!(
            lopdf::Document::load_mem(&bytes).is_ok(),
            "{} is not a whole PDF",
            pdf.display()
        );
    }

    let again = popdruk(&args);
    assert_eq!(again.status.code(), Some(0), "{}", text_of(&again.stderr));
    let left: Vec<_> = files_under(&out)
        .into_iter()
        .filter(|p| is_temporary(p))
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}
