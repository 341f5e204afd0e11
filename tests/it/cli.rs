//! The command line as a user meets it: help with examples, exit codes, what `-q` and `-v`
//! print, no colour codes when the output is not a terminal, and `--open`.

use crate::common;

use common::{popdruk, temp_dir, text_of};

const SAMPLE: &str = "samples/team.xlsx";

#[test]
fn help_shows_examples_for_every_command() {
    let out = popdruk(&["--help"]);
    assert_eq!(out.status.code(), Some(0));
    let help = text_of(&out.stdout);
    assert!(help.contains("Voorbeelden:\n  popdruk init"), "{help}");
    for cmd in ["check", "build", "init", "completions"] {
        assert!(help.contains(cmd), "`{cmd}` missing from the help:\n{help}");
        let sub = text_of(&popdruk(&[cmd, "--help"]).stdout);
        assert!(
            sub.contains(&format!("Voorbeeld:\n  popdruk {cmd}")),
            "{cmd} --help has no example:\n{sub}"
        );
    }
    let build = text_of(&popdruk(&["build", "--help"]).stdout);
    for flag in [
        "--open",
        "--quiet",
        "--verbose",
        "--as-of",
        "--only",
        "dossier",
    ] {
        assert!(build.contains(flag), "`{flag}` missing:\n{build}");
    }
}

#[test]
fn a_missing_workbook_is_one_plain_sentence_and_exit_2() {
    let out = popdruk(&["check", "geen-werkmap.xlsx"]);
    assert_eq!(out.status.code(), Some(2));
    let err = text_of(&out.stderr);
    assert!(err.starts_with("fout: "), "{err}");
    assert!(err.contains("geen-werkmap.xlsx"), "{err}");
    for jargon in ["panicked", "Os {", "Error {", "RUST_BACKTRACE", "\x1b["] {
        assert!(!err.contains(jargon), "`{jargon}` in: {err}");
    }
    let en = text_of(&popdruk(&["check", "geen-werkmap.xlsx", "--lang", "en"]).stderr);
    assert!(en.starts_with("error: "), "{en}");
}

#[test]
fn a_mistyped_command_line_is_refused_in_plain_words_with_exit_2() {
    let out = popdruk(&["build", SAMPLE, "--outptu", "x"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = text_of(&out.stderr);
    assert_eq!(
        err,
        "fout: popdruk kent de optie `--outptu` niet: bedoelde u `--output`?\n  meer uitleg: popdruk build --help\n"
    );
    let en = text_of(&popdruk(&["check", SAMPLE, "--as-of", "31/02/2026", "--lang", "en"]).stderr);
    assert_eq!(
        en,
        "error: --as-of: `31/02/2026` does not exist: February 2026 has 28 days; expected: a date such as `17/02/2026`\n  more help: popdruk check --help\n"
    );
    // A date typed the Belgian way is a date.
    let ok = popdruk(&["check", SAMPLE, "--as-of", "31/12/2026", "-q"]);
    assert_eq!(ok.status.code(), Some(0), "{}", text_of(&ok.stderr));
}

#[test]
fn templates_export_speaks_english_with_lang_en() {
    let dir = temp_dir("export-en");
    let target = dir.join("t");
    let out = popdruk(&[
        "templates",
        "export",
        target.to_str().unwrap(),
        "--lang",
        "en",
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        text_of(&out.stderr).contains("templates written to"),
        "{}",
        text_of(&out.stderr)
    );
    let again = popdruk(&[
        "templates",
        "export",
        target.to_str().unwrap(),
        "--lang",
        "en",
    ]);
    assert_eq!(again.status.code(), Some(2));
    let err = text_of(&again.stderr);
    assert!(
        err.starts_with("error: ") && err.contains("already exists: use --force"),
        "{err}"
    );
}

#[test]
fn data_errors_stop_a_build_with_exit_1() {
    let dir = temp_dir("errors");
    let out = popdruk(&[
        "build",
        "samples/invalid/duplicate-id.xlsx",
        "-o",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = text_of(&out.stderr);
    assert!(
        err.contains("geen documenten gemaakt: verbeter eerst de fouten hierboven"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_dir(&dir).unwrap().count(),
        0,
        "nothing written"
    );
}

#[test]
fn quiet_and_verbose_decide_what_a_build_says() {
    let dir = temp_dir("talk");
    let d = dir.to_str().unwrap();
    let quiet = popdruk(&[
        "build",
        SAMPLE,
        "-o",
        d,
        "--only",
        "teammatrix",
        "--date",
        "2026-11-29",
        "-q",
    ]);
    assert_eq!(quiet.status.code(), Some(0));
    assert_eq!(
        text_of(&quiet.stderr),
        "",
        "quiet says nothing when all is well"
    );

    let normal = popdruk(&[
        "build",
        SAMPLE,
        "-o",
        d,
        "--only",
        "teammatrix",
        "--date",
        "2026-11-29",
    ]);
    let err = text_of(&normal.stderr);
    assert!(err.contains("geen fouten of waarschuwingen"), "{err}");
    assert!(err.contains("klaar: 2 teamdocumenten in"), "{err}");
    assert!(
        !err.contains(".pdf"),
        "files are listed only with -v: {err}"
    );

    let verbose = popdruk(&[
        "build",
        SAMPLE,
        "-o",
        d,
        "--only",
        "teammatrix,dossier",
        "--date",
        "2026-11-29",
        "-v",
    ]);
    let err = text_of(&verbose.stderr);
    let listed: Vec<&str> = err.lines().filter(|l| l.ends_with(".pdf")).collect();
    assert_eq!(listed.len(), 3, "{err}");
    assert!(listed.iter().any(|l| l.ends_with("dossier.pdf")), "{err}");
    assert!(
        err.contains("klaar: 2 teamdocumenten en het inspectiedossier in"),
        "{err}"
    );

    let both = popdruk(&["build", SAMPLE, "-q", "-v"]);
    assert_eq!(both.status.code(), Some(2), "-q and -v exclude each other");
}

#[test]
fn the_closing_line_speaks_english_with_lang_en() {
    let dir = temp_dir("english");
    let out = popdruk(&[
        "build",
        SAMPLE,
        "-o",
        dir.to_str().unwrap(),
        "--only",
        "pop",
        "--employee",
        "M003",
        "--lang",
        "en",
        "--date",
        "2026-11-29",
    ]);
    let err = text_of(&out.stderr);
    assert!(
        err.contains("done: 1 document for 1 employee and 1 bundle in"),
        "{err}"
    );
}

#[test]
fn quiet_check_prints_the_findings_without_the_overview() {
    let out = popdruk(&["check", SAMPLE, "--as-of", "2026-11-29", "-q"]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = text_of(&out.stdout);
    assert!(!stdout.contains("Organisatie    "), "{stdout}");
    assert!(stdout.contains("[pop-geldigheid]"), "{stdout}");
    assert_eq!(text_of(&out.stderr), "");
}

#[cfg(unix)]
#[test]
fn open_hands_the_dossier_to_the_system_viewer() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp_dir("open");
    let log = dir.join("opened.txt");
    let viewer = dir.join("viewer.sh");
    std::fs::write(
        &viewer,
        format!("#!/bin/sh\necho \"$1\" > '{}'\n", log.display()),
    )
    .unwrap();
    std::fs::set_permissions(&viewer, std::fs::Permissions::from_mode(0o755)).unwrap();
    let out_dir = dir.join("out");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_popdruk"))
        .args([
            "build",
            SAMPLE,
            "-o",
            out_dir.to_str().unwrap(),
            "--only",
            "dossier",
            "--date",
            "2026-11-29",
            "--open",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("POPDRUK_OPEN", &viewer)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text_of(&out.stderr));
    // The viewer is started, not waited for: give it a moment.
    for _ in 0..50 {
        if log.exists() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let opened = std::fs::read_to_string(&log).expect("the viewer was started");
    assert_eq!(opened.trim(), out_dir.join("dossier.pdf").to_str().unwrap());

    let missing = std::process::Command::new(env!("CARGO_BIN_EXE_popdruk"))
        .args([
            "build",
            SAMPLE,
            "-o",
            out_dir.to_str().unwrap(),
            "--only",
            "teammatrix",
            "--open",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("POPDRUK_OPEN", dir.join("no-such-viewer"))
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(
        missing.status.code(),
        Some(0),
        "the files are made all the same"
    );
    let err = text_of(&missing.stderr);
    assert!(err.contains("waarschuwing: kan `"), "{err}");
    assert!(err.contains("open het zelf"), "{err}");
}
