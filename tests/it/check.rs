//! `popdruk check` driven as a user drives it, over the bundled samples.

use crate::common;

use common::{popdruk, temp_dir, text_of as text};

use std::path::{Path, PathBuf};

use popdruk_testkit::{self as synth, CsvEncoding, Payload};

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples")
}

#[test]
fn accepts_all_three_sample_forms_with_identical_summaries() {
    let mut summaries = Vec::new();
    for form in [
        "samples/team.xlsx",
        "samples/team.ods",
        "samples/team-csv",
        "samples/team.xls",
    ] {
        let out = popdruk(&["check", form, "--date", "2026-11-29"]);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{form}: {stderr}");
        assert_eq!(stderr.trim(), "geen fouten of waarschuwingen", "{form}");
        summaries.push(text(&out.stdout));
    }
    assert_eq!(summaries[0], summaries[1], "xlsx and ods differ");
    // A folder of CSV files names the file where the workbook names the sheet.
    assert_eq!(
        common::without_places(&summaries[0]),
        common::without_places(&summaries[2]),
        "xlsx and csv differ"
    );
    assert_eq!(summaries[0], summaries[3], "xlsx and old-Excel xls differ");
    let s = &summaries[0];
    assert!(
        s.contains("Groenkracht Coöperatie vzw (0478.123.589)"),
        "{s}"
    );
    assert!(
        s.contains("Teams          2: Buitenploeg, Logistiek"),
        "{s}"
    );
    assert!(s.contains("Medewerkers    16, 15 in dienst"), "{s}");
    assert!(s.contains("Doelen         28 met 53 acties"), "{s}");
}

#[test]
fn speaks_english_with_lang_en() {
    let out = popdruk(&["check", "samples/invalid/unknown-task.xlsx", "--lang", "en"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr.contains("error: unknown task `SCH-BIU`"), "{stderr}");
    assert!(
        stderr.contains("sheet `Matrix`, row 38, column `Taak` (B)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("hint: did you mean `SCH-BUI` (Buitenschilderwerk)?"),
        "{stderr}"
    );
    assert!(text(&out.stdout).starts_with("Organisation"));
}

/// Each broken sample, with the message and the place it must be reported.
const INVALID: &[(&str, &str, &str)] = &[
    (
        "missing-sheet.xlsx",
        "fout: het blad `Taken` ontbreekt",
        "--> samples/invalid/missing-sheet.xlsx\n",
    ),
    (
        "missing-column.xlsx",
        "fout: de verplichte kolom `Achternaam` ontbreekt",
        "blad `Medewerkers`, rij 1\n",
    ),
    (
        "duplicate-id.xlsx",
        "fout: ID `M003` komt twee keer voor (ook op rij 4)",
        "blad `Medewerkers`, rij 5, kolom `ID` (A)",
    ),
    (
        "unknown-employee.xlsx",
        "fout: onbekende medewerker `M099`",
        "blad `Doelen`, rij 55, kolom `Medewerker` (A)",
    ),
    (
        "unknown-task.xlsx",
        "fout: onbekende taak `SCH-BIU`",
        "blad `Matrix`, rij 38, kolom `Taak` (B)\n  = verwacht: een code of naam uit het blad `Taken`\ntip: bedoelde u `SCH-BUI` (Buitenschilderwerk)?",
    ),
    (
        "level-out-of-range.xlsx",
        "fout: niveau `4` bestaat niet",
        "blad `Matrix`, rij 80, kolom `Niveau` (C)",
    ),
    (
        "impossible-date.xlsx",
        "fout: `31/02/2024` bestaat niet: februari 2024 heeft 29 dagen",
        "blad `Medewerkers`, rij 14, kolom `In dienst` (F)",
    ),
    (
        "end-before-start.xlsx",
        "fout: `Uit dienst` (30/06/2019) ligt vóór `In dienst` (02/03/2020)",
        "blad `Medewerkers`, rij 11, kolom `Uit dienst` (G)",
    ),
    (
        "fte-not-numeric.xlsx",
        "fout: `halftijds` is geen getal",
        "blad `Medewerkers`, rij 6, kolom `VTE` (M)",
    ),
    (
        "two-teams.xlsx",
        "fout: medewerker `M003` (Ayşe Yılmaz) staat in de matrix bij twee teams: `Buitenploeg` (rij 23) en `Logistiek`",
        "blad `Matrix`, rij 22, kolom `Team` (B)",
    ),
    (
        "excel-error.xlsx",
        "fout: de cel toont de Excel-fout `#N/A`",
        "blad `Medewerkers`, rij 13, kolom `VTE` (M)",
    ),
];

#[test]
fn every_invalid_sample_exits_1_with_its_sheet_row_and_column() {
    for (file, message, location) in INVALID {
        let path = format!("samples/invalid/{file}");
        let out = popdruk(&["check", &path]);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{file}: {stderr}");
        assert!(
            stderr.contains(message),
            "{file}: expected {message:?} in\n{stderr}"
        );
        assert!(
            stderr.contains(location),
            "{file}: expected {location:?} in\n{stderr}"
        );
        assert!(
            stderr.trim_end().ends_with(", 0 waarschuwingen") || *file == "missing-sheet.xlsx",
            "{file}: {stderr}"
        );
        assert!(
            stderr.contains("\n1 fout,"),
            "{file}: exactly one error expected:\n{stderr}"
        );
    }
}

#[test]
fn unreadable_files_exit_2_with_one_plain_sentence() {
    let cases = [
        ("not-a-workbook.xlsx", "is geen werkmap"),
        ("empty.xlsx", "is leeg (0 bytes)"),
        ("truncated.xlsx", "is beschadigd of onvolledig"),
        ("password.xlsx", "is beveiligd met een wachtwoord"),
    ];
    for (file, phrase) in cases {
        let path = format!("samples/invalid/{file}");
        let out = popdruk(&["check", &path]);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{file}: {stderr}");
        let first = stderr.lines().next().unwrap_or_default();
        assert!(
            first.starts_with("fout: `samples/invalid/"),
            "{file}: {stderr}"
        );
        assert!(first.contains(phrase), "{file}: {stderr}");
        assert!(
            !stderr.contains("panicked") && !stderr.contains("RUST_BACKTRACE"),
            "{stderr}"
        );
        assert!(out.stdout.is_empty(), "no summary for an unreadable file");
    }
    let out = popdruk(&["check", "samples/does-not-exist.xlsx"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("`samples/does-not-exist.xlsx` bestaat niet"));
}

#[test]
fn committed_samples_match_the_generator() {
    let team = synth::sample_team();
    let committed = std::fs::read(samples().join("team.xlsx")).expect("team.xlsx");
    assert_eq!(
        synth::xlsx_bytes(&team).expect("xlsx"),
        committed,
        "run `cargo run -p popdruk-testkit --bin popdruk-make-samples`"
    );
    let committed = std::fs::read(samples().join("team.ods")).expect("team.ods");
    assert_eq!(
        synth::ods_bytes(&team).expect("ods"),
        committed,
        "run `cargo run -p popdruk-testkit --bin popdruk-make-samples`"
    );
    for case in synth::invalid_cases().expect("cases") {
        let committed = std::fs::read(samples().join("invalid").join(case.file)).expect(case.file);
        let made = match case.payload {
            Payload::Sheets(s) => synth::xlsx_bytes(&s).expect("xlsx"),
            Payload::Bytes(b) => b,
        };
        assert_eq!(
            made, committed,
            "{} is stale: run `cargo run -p popdruk-testkit --bin popdruk-make-samples`",
            case.file
        );
    }
}

#[test]
fn reads_windows_1252_and_comma_separated_csv_from_belgian_excel() {
    let team = synth::sample_team();
    let dir = temp_dir("cp1252");
    synth::write_csv_dir(&dir, &team, b',', CsvEncoding::Windows1252, false).expect("csv");
    let out = popdruk(&["check", dir.to_str().unwrap(), "--date", "2026-11-29"]);
    let stdout = text(&out.stdout);
    // Windows-1252 has no `ş` or `ł`, but `ö` must survive the round trip.
    assert!(
        stdout.contains("Groenkracht Coöperatie vzw"),
        "{stdout}\n{}",
        text(&out.stderr)
    );
    assert!(
        stdout.contains("Doelen         28 met 53 acties"),
        "{stdout}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn reads_tab_separated_utf8_csv_without_bom() {
    let team = synth::sample_team();
    let dir = temp_dir("tab");
    synth::write_csv_dir(&dir, &team, b'\t', CsvEncoding::Utf8, true).expect("csv");
    let out = popdruk(&["check", dir.to_str().unwrap(), "--date", "2026-11-29"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_missing_csv_file_is_named_as_a_file() {
    let team = synth::sample_team();
    let dir = temp_dir("missing-csv");
    synth::write_csv_dir(&dir, &team, b';', CsvEncoding::Utf8Bom, true).expect("csv");
    std::fs::remove_file(dir.join("taken.csv")).expect("remove");
    let out = popdruk(&["check", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("fout: het bestand `taken.csv` ontbreekt"),
        "{}",
        text(&out.stderr)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn warns_but_passes_when_an_employee_has_no_matrix_rows() {
    let mut team = synth::sample_team();
    let matrix = synth::sheet_mut(&mut team, "Matrix").expect("matrix");
    let col = matrix.column("Medewerker").expect("column");
    matrix.rows.retain(|r| r[col] != synth::Value::text("M008"));
    let path = temp_dir("no-matrix").join("team.xlsx");
    synth::write_xlsx(&path, &team).expect("xlsx");
    let out = popdruk(&["check", path.to_str().unwrap()]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("waarschuwing: `M008` (Agnieszka Nowak) staat nog niet in de teammatrix"),
        "{stderr}"
    );
    assert!(
        stderr.contains("blad `Medewerkers`, rij 9, kolom `ID` (A)"),
        "{stderr}"
    );
    assert!(
        stderr.trim_end().ends_with("0 fouten, 1 waarschuwing"),
        "{stderr}"
    );
}

#[test]
fn a_workbook_open_in_excel_or_libreoffice_gets_a_note_to_save_it_first() {
    for (lock, name) in [
        ("~$team.xlsx", "excel-lock"),
        (".~lock.team.xlsx#", "lo-lock"),
    ] {
        let dir = temp_dir(name);
        let book = dir.join("team.xlsx");
        std::fs::copy("samples/team.xlsx", &book).unwrap();
        let quiet = |lang: &str| {
            let out = popdruk(&["check", book.to_str().unwrap(), "-q", "--lang", lang]);
            assert_eq!(out.status.code(), Some(0));
            text(&out.stderr)
        };
        assert!(
            !quiet("nl").contains("open in Excel"),
            "no lock file, no note"
        );
        std::fs::write(dir.join(lock), b"").unwrap();
        let said = quiet("nl");
        assert!(
            said.contains("opmerking: de werkmap is open in Excel of LibreOffice: popdruk leest wat laatst bewaard is")
                && said.contains("tip: bewaar de werkmap eerst"),
            "{said}"
        );
        assert!(quiet("en").contains("note: the workbook is open in Excel or LibreOffice"));
        std::fs::remove_dir_all(dir).ok();
    }
}
