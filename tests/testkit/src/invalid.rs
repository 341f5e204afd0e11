//! Deliberately broken workbooks for `samples/invalid/`: each is the sample team with exactly
//! one defect, together with where popdruk must report it, or a file that is no readable
//! workbook at all (a tool failure, exit code 2). The README table is generated from the same
//! cases, so the expected row numbers always match the files.

use std::fmt::Write as _;
use std::io;

use chrono::NaiveDate;

use super::{Sheet, Value, password_protected_stub, sample_team, sheet, sheet_mut, xlsx_bytes};

/// Where and how a broken sample must be reported.
#[derive(Clone, Debug, PartialEq)]
pub enum Expected {
    /// A data error: sheet, Excel row number (header = 1), column header and offending value;
    /// `None` where the error concerns a whole sheet or column.
    Data {
        /// Sheet name.
        sheet: String,
        /// Excel row number.
        row: Option<usize>,
        /// Column header.
        column: Option<String>,
        /// The offending value as the cell shows it.
        value: Option<String>,
    },
    /// The file is not a readable workbook: exit code 2, no row or column.
    Unreadable,
}

/// The content of a broken sample.
#[derive(Clone, Debug, PartialEq)]
pub enum Payload {
    /// Sheets to write as `.xlsx`.
    Sheets(Vec<Sheet>),
    /// Raw file bytes.
    Bytes(Vec<u8>),
}

/// One deliberately broken sample file.
#[derive(Clone, Debug, PartialEq)]
pub struct InvalidCase {
    /// File name in `samples/invalid/`.
    pub file: &'static str,
    /// What is wrong, in a sentence (Markdown).
    pub problem: String,
    /// Where popdruk must report it.
    pub expected: Expected,
    /// The file's content.
    pub payload: Payload,
}

/// All broken samples, in README order.
pub fn invalid_cases() -> io::Result<Vec<InvalidCase>> {
    let team = xlsx_bytes(&sample_team())?;
    let mut cases = vec![
        missing_sheet(),
        missing_column(),
        duplicate_id(),
        unknown_employee(),
        set_cell(
            "unknown-task.xlsx",
            "a Matrix row of M004 names task `SCH-BIU`, a near-miss of `SCH-BUI`",
            ("Matrix", &[("Medewerker", "M004"), ("Taak", "SCH-BUI")]),
            ("Taak", Value::text("SCH-BIU")),
        ),
        set_cell(
            "level-out-of-range.xlsx",
            "Dirk's level for GRO-MAA is 4; levels run from 0 to 3",
            ("Matrix", &[("Medewerker", "M009"), ("Taak", "GRO-MAA")]),
            ("Niveau", Value::Int(4)),
        ),
        set_cell(
            "impossible-date.xlsx",
            "Nathalie's *In dienst* is the text `31/02/2024`, a day that does not exist",
            ("Medewerkers", &[("ID", "M013")]),
            ("In dienst", Value::text("31/02/2024")),
        ),
        set_cell(
            "end-before-start.xlsx",
            "Sofie's *Uit dienst* (30/06/2019) lies before her *In dienst* (02/03/2020); her 2025 \
             goals and conversations then lie after it, which may add warnings, not errors",
            ("Medewerkers", &[("ID", "M010")]),
            ("Uit dienst", Value::Date(ymd(2019, 6, 30))),
        ),
        set_cell(
            "fte-not-numeric.xlsx",
            "Jean-Pierre's *VTE* is the text `halftijds`",
            ("Medewerkers", &[("ID", "M005")]),
            ("VTE", Value::text("halftijds")),
        ),
        two_teams(),
        set_cell(
            "excel-error.xlsx",
            "Mohamed's *VTE* is the formula `=NA()`, whose cached value is the error `#N/A` \
             (calamine reads it as `Data::Error(CellErrorType::NA)`)",
            ("Medewerkers", &[("ID", "M012")]),
            (
                "VTE",
                Value::Formula {
                    formula: "=NA()".into(),
                    cached: "#N/A".into(),
                },
            ),
        ),
    ];
    let unreadable = [
        (
            "not-a-workbook.xlsx",
            "a short plain text file",
            b"Dit is geen werkboek.\r\n".to_vec(),
        ),
        ("empty.xlsx", "an empty file (0 bytes)", Vec::new()),
        (
            "truncated.xlsx",
            "the first 60% of the bytes of `team.xlsx` (a zip without its central directory)",
            team[..team.len() * 6 / 10].to_vec(),
        ),
        (
            "password.xlsx",
            "an OLE compound file with `EncryptionInfo` and `EncryptedPackage` streams, as Excel \
             saves a password-protected workbook (calamine: `XlsxError::Password`)",
            password_protected_stub(),
        ),
    ];
    cases.extend(
        unreadable
            .into_iter()
            .map(|(file, problem, bytes)| InvalidCase {
                file,
                problem: problem.to_string(),
                expected: Expected::Unreadable,
                payload: Payload::Bytes(bytes),
            }),
    );
    Ok(cases)
}

/// `samples/invalid/README.md`: a table of the cases.
pub fn invalid_readme(cases: &[InvalidCase]) -> String {
    let mut md = String::from(
        "# Invalid samples\n\n\
         Generated by `cargo run -p popdruk-testkit --bin popdruk-make-samples`; do not edit \
         by hand. Each workbook is `samples/team.xlsx` with exactly one defect, so `popdruk check` \
         must report exactly one error (unless noted), at the place given here. Rows are Excel \
         row numbers (the header is row 1). The last files are no readable workbook at all: \
         popdruk must say so and exit with code 2, without a row or column.\n\n\
         | File | What is wrong | Sheet | Row | Column | Value |\n\
         |---|---|---|---|---|---|\n",
    );
    for case in cases {
        let (sheet, row, column, value) = match &case.expected {
            Expected::Data {
                sheet,
                row,
                column,
                value,
            } => (
                sheet.clone(),
                row.map_or("—".into(), |r| r.to_string()),
                column.as_ref().map_or("—".into(), |c| c.clone()),
                value.as_ref().map_or("—".into(), |v| format!("`{v}`")),
            ),
            Expected::Unreadable => ("— (exit code 2)".into(), "—".into(), "—".into(), "—".into()),
        };
        let _ = writeln!(
            md,
            "| `{}` | {} | {sheet} | {row} | {column} | {value} |",
            case.file, case.problem
        );
    }
    md
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

/// The sample team's sheet `name`.
fn part<'a>(sheets: &'a mut [Sheet], name: &str) -> &'a mut Sheet {
    sheet_mut(sheets, name).unwrap_or_else(|| panic!("sample has sheet {name}"))
}

/// Index of the first row of `sheet` whose cells under the given headers hold the given texts.
fn row_where(sheet: &Sheet, criteria: &[(&str, &str)]) -> usize {
    (0..sheet.rows.len())
        .find(|&i| {
            criteria
                .iter()
                .all(|(h, v)| sheet.cell(i, h) == Some(&Value::text(*v)))
        })
        .unwrap_or_else(|| panic!("{}: no row with {criteria:?}", sheet.name))
}

/// A data error at data row `row` (0-based) of `sheet`, under `column`.
fn at(sheet: &Sheet, row: usize, column: &str) -> Expected {
    Expected::Data {
        sheet: sheet.name.clone(),
        row: Some(row + 2),
        column: Some(column.to_string()),
        value: sheet.cell(row, column).map(|v| v.display(true)),
    }
}

/// The sample with the cell under `column` of the row matching `criteria` set to `value`.
fn set_cell(
    file: &'static str,
    problem: &str,
    (name, criteria): (&str, &[(&str, &str)]),
    (column, value): (&str, Value),
) -> InvalidCase {
    let mut sheets = sample_team();
    let sheet = part(&mut sheets, name);
    let row = row_where(sheet, criteria);
    let col = sheet.column(column).expect("sample column");
    sheet.rows[row][col] = value;
    let expected = at(sheet, row, column);
    InvalidCase {
        file,
        problem: problem.to_string(),
        expected,
        payload: Payload::Sheets(sheets),
    }
}

/// No `Taken` sheet. Only Organisatie, Medewerkers and a Matrix without data rows remain, so
/// no task reference is left dangling.
fn missing_sheet() -> InvalidCase {
    let mut sheets: Vec<Sheet> = sample_team()
        .into_iter()
        .filter(|s| ["Organisatie", "Medewerkers", "Matrix"].contains(&s.name.as_str()))
        .collect();
    part(&mut sheets, "Matrix").rows.clear();
    InvalidCase {
        file: "missing-sheet.xlsx",
        problem: "no `Taken` sheet; to keep it to one error the file holds only Organisatie, \
                  Medewerkers and a Matrix without data rows (the optional sheets are left out); \
                  warnings that employees are missing from the matrix may follow"
            .into(),
        expected: Expected::Data {
            sheet: "Taken".into(),
            row: None,
            column: None,
            value: None,
        },
        payload: Payload::Sheets(sheets),
    }
}

/// Medewerkers without its `Achternaam` column.
fn missing_column() -> InvalidCase {
    let mut sheets = sample_team();
    let employees = part(&mut sheets, "Medewerkers");
    let col = employees.column("Achternaam").expect("sample column");
    employees.headers.remove(col);
    for row in &mut employees.rows {
        row.remove(col);
    }
    InvalidCase {
        file: "missing-column.xlsx",
        problem: "Medewerkers has no `Achternaam` column (a required column)".into(),
        expected: Expected::Data {
            sheet: "Medewerkers".into(),
            row: Some(1),
            column: Some("Achternaam".into()),
            value: None,
        },
        payload: Payload::Sheets(sheets),
    }
}

/// The 4th employee gets the 3rd's ID; rows elsewhere that referred to the 4th are dropped,
/// so every reference stays valid.
fn duplicate_id() -> InvalidCase {
    let mut sheets = sample_team();
    let employees = part(&mut sheets, "Medewerkers");
    let (third, fourth) = (employees.rows[2][0].clone(), employees.rows[3][0].clone());
    employees.rows[3][0] = third;
    let expected = at(employees, 3, "ID");
    for sheet in &mut sheets {
        if let Some(col) = sheet.column("Medewerker") {
            sheet.rows.retain(|r| r[col] != fourth);
        }
    }
    InvalidCase {
        file: "duplicate-id.xlsx",
        problem: format!(
            "the 4th employee (Łukasz) has the 3rd's ID; his rows in Matrix, Doelen and \
             Gesprekken (under {}) are left out",
            fourth.display(true)
        ),
        expected,
        payload: Payload::Sheets(sheets),
    }
}

/// An extra Doelen row, a copy of the first goal's first row, for employee `M099`.
fn unknown_employee() -> InvalidCase {
    let mut sheets = sample_team();
    let goals = part(&mut sheets, "Doelen");
    let mut row = goals.rows[0].clone();
    row[goals.column("Medewerker").expect("sample column")] = Value::text("M099");
    goals.rows.push(row);
    let expected = at(goals, goals.rows.len() - 1, "Medewerker");
    InvalidCase {
        file: "unknown-employee.xlsx",
        problem: "an extra Doelen row (last row) for employee `M099`, who does not exist".into(),
        expected,
        payload: Payload::Sheets(sheets),
    }
}

/// The Matrix gets a `Team` column with each employee's team, except that one row of Ayşe
/// (Buitenploeg) says `Logistiek`: she then appears in the matrix rows of two teams.
fn two_teams() -> InvalidCase {
    let mut sheets = sample_team();
    let employees = sheet(&sheets, "Medewerkers").expect("sample sheet").clone();
    let team_of = |id: &Value| {
        let row = employees
            .find_row("ID", id)
            .expect("matrix refers to an employee");
        employees.rows[row][employees.column("Team").expect("sample column")].clone()
    };
    let matrix = part(&mut sheets, "Matrix");
    matrix.headers.insert(1, "Team".into());
    for row in &mut matrix.rows {
        let team = team_of(&row[0]);
        row.insert(1, team);
    }
    let row = row_where(matrix, &[("Medewerker", "M003")]);
    matrix.rows[row][1] = Value::text("Logistiek");
    let expected = at(matrix, row, "Team");
    InvalidCase {
        file: "two-teams.xlsx",
        problem: "the Matrix has a `Team` column; one row of Ayşe (M003, team Buitenploeg) \
                  says `Logistiek`, so she appears in the matrix rows of two teams (the row \
                  also contradicts her team in Medewerkers, which popdruk may report as a \
                  second error)"
            .into(),
        expected,
        payload: Payload::Sheets(sheets),
    }
}
