//! `popdruk init` and `popdruk completions` driven as a user drives them: the starter
//! workbook is read back by popdruk itself, and its drop-down lists, input messages and
//! frozen headers are found in the written XML.

use crate::common;

use common::{popdruk, temp_dir, text_of as text};

use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};

/// Runs `popdruk init DIR extra…` and returns the workbook's path.
fn init(dir: &Path, extra: &[&str]) -> PathBuf {
    let mut args = vec!["init", dir.to_str().unwrap()];
    args.extend(extra);
    let out = popdruk(&args);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    dir.join("team.xlsx")
}

/// `popdruk check` on a workbook with a fixed date: exit code, stderr, stdout.
fn check(path: &Path) -> (Option<i32>, String, String) {
    let out = popdruk(&["check", path.to_str().unwrap(), "--date", "2026-11-29"]);
    (out.status.code(), text(&out.stderr), text(&out.stdout))
}

/// One part of an xlsx file (a zip archive) as text.
fn part(xlsx: &Path, name: &str) -> String {
    let bytes = std::fs::read(xlsx).expect("workbook written");
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("xlsx is a zip");
    let mut s = String::new();
    zip.by_name(name)
        .unwrap_or_else(|_| panic!("{name} in the workbook"))
        .read_to_string(&mut s)
        .unwrap();
    s
}

#[test]
fn a_blank_starter_checks_without_errors_or_warnings() {
    for (lang, name) in [("nl", "blank-nl"), ("en", "blank-en")] {
        let dir = temp_dir(name);
        let path = init(&dir, &["--lang", lang]);
        let (code, stderr, stdout) = check(&path);
        assert_eq!(code, Some(0), "{lang}: {stderr}");
        assert!(
            stderr.trim_end().ends_with("geen fouten of waarschuwingen"),
            "{lang}: {stderr}"
        );
        // The only message is the note that the workbook still waits for its employees.
        assert_eq!(stderr.matches("opmerking:").count(), 1, "{lang}: {stderr}");
        assert!(stderr.contains("alleen het voorbeeld"), "{lang}: {stderr}");
        assert!(stdout.contains("Medewerkers    0"), "{lang}: {stdout}");
        std::fs::remove_dir_all(dir).ok();
    }
}

#[test]
fn building_a_blank_starter_makes_what_it_can_and_says_so() {
    // The first thing a new user may try: `popdruk team.xlsx` before filling anything in.
    for (lang, done) in [
        ("nl", "klaar: een leeg voorbereidingsformulier in"),
        ("en", "done: a blank preparation form in"),
    ] {
        let dir = temp_dir(&format!("blank-build-{lang}"));
        let path = init(&dir, &["--lang", lang]);
        let out = popdruk(&[
            path.to_str().unwrap(),
            "--date",
            "2026-11-29",
            "--lang",
            lang,
        ]);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{lang}: {stderr}");
        assert!(stderr.contains(done), "{lang}: {stderr}");
        assert!(
            stderr.contains("inspectiedossier volgt zodra")
                || stderr.contains("dossier follows once"),
            "{lang}: {stderr}"
        );
        let made = dir.join("team");
        let bytes = std::fs::read(made.join("voorbereiding-blanco.pdf")).expect("blank form");
        lopdf::Document::load_mem(&bytes).expect("a readable PDF");
        // Nobody to inspect and no organisation name yet: no dossier with a blank name.
        assert!(!made.join("dossier.pdf").exists());
        std::fs::remove_dir_all(dir).ok();
    }
}

#[test]
fn an_example_starter_reads_like_the_bundled_sample_in_both_languages() {
    let (code, _, sample) = check(Path::new("samples/team.xlsx"));
    assert_eq!(code, Some(0));
    for (lang, name) in [("nl", "example-nl"), ("en", "example-en")] {
        let dir = temp_dir(name);
        let path = init(&dir, &["--example", "--lang", lang]);
        let (code, stderr, stdout) = check(&path);
        assert_eq!(code, Some(0), "{lang}: {stderr}");
        assert_eq!(stderr.trim(), "geen fouten of waarschuwingen", "{lang}");
        // Its headers carry a `*` on required columns: the cells findings point to read
        // `Datum *`.
        assert_eq!(
            common::without_places(&stdout),
            common::without_places(&sample),
            "{lang}"
        );
        // The logo its Organisatie sheet names comes along, so the first build has it.
        assert_eq!(
            std::fs::read(dir.join("logo.png")).expect("logo.png beside the workbook"),
            std::fs::read("samples/logo.png").unwrap()
        );
        std::fs::remove_dir_all(dir).ok();
    }
}

#[test]
fn the_starter_has_drop_down_lists_input_messages_and_frozen_headers() {
    let dir = temp_dir("xml");
    let path = init(&dir, &[]);
    let book = part(&path, "xl/workbook.xml");
    let names: Vec<&str> = book
        .split("<sheet name=\"")
        .skip(1)
        .map(|s| &s[..s.find('"').unwrap()])
        .collect();
    assert_eq!(
        names,
        [
            "Uitleg",
            "Organisatie",
            "Medewerkers",
            "Taken",
            "Matrix",
            "Teambehoeften",
            "Doelen",
            "Gesprekken",
            "Begeleiders",
            "Instellingen"
        ]
    );
    let sheet = |n: usize| part(&path, &format!("xl/worksheets/sheet{n}.xml"));
    let frozen = r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#;
    for n in 2..=10 {
        let xml = sheet(n);
        assert!(xml.contains(frozen), "sheet{n} has no frozen header");
        assert!(xml.contains("<dataValidation "), "sheet{n}");
        assert!(xml.contains("showInputMessage=\"1\""), "sheet{n}");
    }
    let organisation = sheet(2);
    assert!(
        organisation
            .contains("\"collectief maatwerk,lokale diensteneconomie,individueel maatwerk\"")
    );
    assert!(organisation.contains("promptTitle=\"Naam (verplicht)\""));
    let employees = sheet(3);
    for list in ["\"ja,nee\"", "\"laag,midden,hoog\""] {
        assert!(employees.contains(list), "{list}");
    }
    assert!(employees.contains("promptTitle=\"ID (verplicht)\""));
    assert!(sheet(4).contains("\"technisch,generiek\""));
    let matrix = sheet(5);
    for list in [
        "\"0,1,2,3\"",
        "Medewerkers!$A$2:$A$500",
        "Taken!$A$2:$A$500",
        "\"ja,nee\"",
    ] {
        assert!(matrix.contains(list), "{list}");
    }
    assert!(sheet(6).contains("\"hoog,midden,laag\""));
    let goals = sheet(7);
    for list in [
        "\"individueel,teambehoefte,doorstroom\"",
        "\"gepland,bezig,afgerond,uitgesteld,gestopt\"",
        "\"behaald,deels behaald,niet behaald\"",
        "Medewerkers!$A$2:$A$500",
        "Taken!$A$2:$A$500",
    ] {
        assert!(goals.contains(list), "{list}");
    }
    assert!(sheet(8).contains("\"POP-gesprek,opvolging,evaluatie,doorstroom\""));
    // The explanation sheet is for reading: no frozen pane, no lists.
    assert!(!sheet(1).contains("<pane"));
    let styles = part(&path, "xl/styles.xml");
    assert!(styles.contains("formatCode=\"dd/mm/yyyy\""), "{styles}");
    assert!(styles.contains("formatCode=\"0.0#\""), "{styles}");
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn an_english_starter_uses_english_names_and_lists() {
    let dir = temp_dir("xml-en");
    let path = init(&dir, &["--lang", "en"]);
    let book = part(&path, "xl/workbook.xml");
    assert!(book.contains("<sheet name=\"Explanation\""), "{book}");
    assert!(book.contains("<sheet name=\"Team needs\""), "{book}");
    let matrix = part(&path, "xl/worksheets/sheet5.xml");
    assert!(matrix.contains("Employees!$A$2:$A$500"));
    assert!(matrix.contains("\"yes,no\""));
    let strings = part(&path, "xl/sharedStrings.xml");
    for s in ["Example: M001", "Wants to learn", "First name *"] {
        assert!(strings.contains(s), "{s}");
    }
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn init_never_overwrites_without_force() {
    let dir = temp_dir("force");
    let path = dir.join("team.xlsx");
    std::fs::write(&path, b"mine").unwrap();
    let out = popdruk(&["init", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert_eq!(
        stderr.trim(),
        format!(
            "fout: `{}` bestaat al: gebruik --force om te overschrijven",
            path.display()
        )
    );
    assert_eq!(std::fs::read(&path).unwrap(), b"mine");
    init(&dir, &["--force"]);
    assert_ne!(std::fs::read(&path).unwrap(), b"mine");
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn init_tells_what_to_do_next() {
    let dir = temp_dir("next");
    let out = popdruk(&["init", dir.to_str().unwrap(), "--lang", "en"]);
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("check it with `popdruk check") && stderr.contains("--lang en`"),
        "{stderr}"
    );
    assert!(text(&out.stdout).is_empty(), "only data goes to stdout");
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn completions_name_the_command_and_its_subcommands() {
    let out = popdruk(&["completions", "bash"]);
    assert_eq!(out.status.code(), Some(0));
    let script = text(&out.stdout);
    assert!(script.contains("popdruk"), "{script}");
    assert!(script.contains("init") && script.contains("completions"));
    assert!(popdruk(&["completions", "cmd.exe"]).status.code() == Some(2));
}

#[test]
fn init_help_shows_an_example() {
    let out = popdruk(&["init", "--help"]);
    let help = text(&out.stdout);
    assert!(help.contains("Voorbeeld:\n  popdruk init"), "{help}");
    assert!(help.contains("--example"), "{help}");
}

#[test]
fn the_english_first_use_walk_through_ends_in_a_printed_pop() {
    let dir = temp_dir("walk-en");
    let path = init(&dir, &["--lang", "en", "--example"]);
    let out = popdruk(&[
        path.to_str().unwrap(),
        "--lang",
        "en",
        "--date",
        "2026-11-29",
        "--only",
        "pop",
        "--employee",
        "M003",
    ]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("no errors or warnings"), "{stderr}");
    assert!(
        !stderr.contains("warning:"),
        "a first run warns of nothing: {stderr}"
    );
    let pdfs: Vec<_> = common::files_under(&dir.join("team"))
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    assert_eq!(pdfs.len(), 2, "the form and its bundle: {pdfs:?}");
    let form = pdfs
        .iter()
        .find(|p| p.to_string_lossy().contains("M003"))
        .expect("M003's form");
    let doc = lopdf::Document::load(form).expect("a readable PDF");
    let words = common::squash(&common::text(&doc));
    assert!(words.contains("Personal development plan"), "{words}");
    assert!(words.contains("Yılmaz"), "{words}");
    std::fs::remove_dir_all(dir).ok();
}
