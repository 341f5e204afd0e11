//! Tests of the synthetic workbooks: the writers' output reads back with calamine, is
//! deterministic, and the generated data keeps every reference and date rule.

use std::collections::{HashMap, HashSet};
use std::io::Cursor;
use std::path::PathBuf;

use calamine::{Data, DataType, Ods, Reader, Xlsx, XlsxError, open_workbook};
use chrono::NaiveDate;

use super::*;

/// A fresh, empty directory under the system temp dir.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("popdruk-synth-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create temp dir");
    dir
}

const SHEETS: [&str; 9] = [
    "Organisatie",
    "Medewerkers",
    "Taken",
    "Matrix",
    "Teambehoeften",
    "Doelen",
    "Gesprekken",
    "Begeleiders",
    "Instellingen",
];

/// Row of employee `id` in a read-back Medewerkers range (header in row 0).
fn employee_row(range: &calamine::Range<Data>, id: &str) -> u32 {
    let row = range.rows().position(|r| r[0] == Data::String(id.into()));
    row.expect("employee in sheet") as u32
}

/// Check what every reader must see of the sample: the sheet names, Ayşe Yılmaz (M003) with
/// VTE 0,8, the organisation's name. Returns Ayşe's *In dienst* cell, whose type differs per
/// format.
fn check_sample<R: Reader<std::io::BufReader<std::fs::File>>>(book: &mut R) -> Data
where
    R::Error: std::fmt::Debug,
{
    assert_eq!(book.sheet_names(), SHEETS);
    let employees = book.worksheet_range("Medewerkers").unwrap();
    let r = employee_row(&employees, "M003");
    let cell = |c| employees.get_value((r, c)).cloned().unwrap_or_default();
    assert_eq!(
        [cell(1), cell(2)],
        [Data::String("Ayşe".into()), Data::String("Yılmaz".into())]
    );
    assert_eq!(cell(12), Data::Float(0.8));
    let org = book.worksheet_range("Organisatie").unwrap();
    let name = Data::String("Groenkracht Coöperatie vzw".into());
    assert_eq!(org.get_value((1, 1)), Some(&name));
    cell(5)
}

#[test]
fn xlsx_reads_back() {
    let dir = temp_dir("xlsx");
    let path = dir.join("team.xlsx");
    write_xlsx(&path, &sample_team()).unwrap();
    let start = check_sample(&mut open_workbook::<Xlsx<_>, _>(&path).unwrap());
    // In dienst 03/05/2021 is a real date cell.
    let (y, m, d, ..) = start.get_datetime().expect("date cell").to_ymd_hms_milli();
    assert_eq!((y, m, d), (2021, 5, 3));
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn ods_reads_back() {
    let dir = temp_dir("ods");
    let path = dir.join("team.ods");
    write_ods(&path, &sample_team()).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    // `mimetype` is the first entry, stored: its name and content sit at fixed offsets.
    assert_eq!(&bytes[30..38], b"mimetype");
    assert_eq!(&bytes[38..84], MIMETYPE_BYTES);
    let mut book: Ods<_> = open_workbook(&path).unwrap();
    let start = check_sample(&mut book);
    assert_eq!(start, Data::DateTimeIso("2021-05-03".into()));
    let matrix = book.worksheet_range("Matrix").unwrap();
    assert_eq!(matrix.get_value((1, 2)), Some(&Data::Float(2.0)));
    std::fs::remove_dir_all(dir).ok();
}

const MIMETYPE_BYTES: &[u8] = b"application/vnd.oasis.opendocument.spreadsheet";

#[test]
fn csv_reads_back() {
    let dir = temp_dir("csv");
    let team = sample_team();
    write_csv_dir(&dir.join("bom"), &team, b';', CsvEncoding::Utf8Bom, true).unwrap();
    let bytes = std::fs::read(dir.join("bom/medewerkers.csv")).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBFID;Voornaam;Achternaam;"));
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert!(
        text.contains("\r\nM003;Ayşe;Yılmaz;Groenarbeider;Buitenploeg;03/05/2021;;ja;midden;;")
    );
    assert!(text.contains(";0,8;"));
    assert!(text.ends_with("\r\n") && !text.replace("\r\n", "").contains('\n'));
    for name in SHEETS {
        assert!(
            dir.join(format!("bom/{}.csv", name.to_lowercase()))
                .exists()
        );
    }

    write_csv_dir(
        &dir.join("ansi"),
        &team,
        b',',
        CsvEncoding::Windows1252,
        false,
    )
    .unwrap();
    let ansi = std::fs::read(dir.join("ansi/organisatie.csv")).unwrap();
    assert_eq!(ansi, b"Veld,Waarde\r\nNaam,Groenkracht Co\xF6peratie vzw\r\nOndernemingsnummer,0478.123.589\r\nAdres,Groendreef 12\r\nPlaats,Gent\r\nRegime,collectief maatwerk\r\nLogo,logo.png\r\n");
    let ansi = std::fs::read(dir.join("ansi/medewerkers.csv")).unwrap();
    let needle = b"\r\nM003,Ay?e,Y?lmaz,";
    assert!(ansi.windows(needle.len()).any(|w| w == needle));
    let goals = std::fs::read(dir.join("ansi/doelen.csv")).unwrap();
    let quoted = b",\"training on the job, peter: Ilse\",";
    assert!(goals.windows(quoted.len()).any(|w| w == quoted));
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn csv_quotes_separators_and_quotes() {
    let dir = temp_dir("quote");
    let sheet = Sheet {
        name: "Doelen".into(),
        headers: vec!["A".into(), "B".into()],
        rows: vec![vec![
            Value::text("een; twee"),
            Value::text("zei \"ja\"\nen ging"),
        ]],
    };
    write_csv_dir(&dir, &[sheet], b';', CsvEncoding::Utf8, true).unwrap();
    let text = std::fs::read_to_string(dir.join("doelen.csv")).unwrap();
    assert_eq!(text, "A;B\r\n\"een; twee\";\"zei \"\"ja\"\"\nen ging\"\r\n");
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn writers_are_deterministic() {
    let team = sample_team();
    assert_eq!(
        xlsx_bytes(&team).unwrap(),
        xlsx_bytes(&sample_team()).unwrap()
    );
    assert_eq!(
        ods_bytes(&team).unwrap(),
        ods_bytes(&sample_team()).unwrap()
    );
    assert_eq!(organisation(50, 3, 7), organisation(50, 3, 7));
    assert_ne!(organisation(50, 3, 7), organisation(50, 3, 8));
}

#[test]
fn enterprise_number_has_check_digits() {
    assert_eq!(enterprise_number(4_781_235), "0478.123.589");
    let digits: String = enterprise_number(12_345_678)
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    let (body, check) = digits.split_at(8);
    assert_eq!(
        97 - body.parse::<u64>().unwrap() % 97,
        check.parse::<u64>().unwrap()
    );
}

/// Every data row of `name`, as a map from header to value.
fn records<'a>(sheets: &'a [Sheet], name: &str) -> Vec<HashMap<&'a str, &'a Value>> {
    let s = sheet(sheets, name).unwrap_or_else(|| panic!("sheet {name}"));
    s.rows
        .iter()
        .map(|r| s.headers.iter().map(String::as_str).zip(r).collect())
        .collect()
}

fn text<'a>(row: &HashMap<&str, &'a Value>, header: &str) -> &'a str {
    match row.get(header) {
        Some(Value::Text(s)) => s,
        _ => "",
    }
}

fn date(row: &HashMap<&str, &Value>, header: &str) -> Option<NaiveDate> {
    match row.get(header) {
        Some(Value::Date(d)) => Some(*d),
        _ => None,
    }
}

/// The rules of docs/workbook.md that the generators promise to keep.
fn assert_valid(sheets: &[Sheet]) {
    let employees = records(sheets, "Medewerkers");
    let ids: HashSet<&str> = employees.iter().map(|r| text(r, "ID")).collect();
    assert_eq!(ids.len(), employees.len(), "unique IDs");
    let team_of: HashMap<&str, &str> = employees
        .iter()
        .map(|r| (text(r, "ID"), text(r, "Team")))
        .collect();
    let teams: HashSet<&str> = team_of.values().copied().collect();
    for e in &employees {
        if let (Some(start), Some(end)) = (date(e, "In dienst"), date(e, "Uit dienst")) {
            assert!(start <= end, "{e:?}");
        }
        match e.get("VTE") {
            Some(Value::Number(f)) => assert!((0.0..=1.0).contains(f)),
            other => panic!("VTE {other:?}"),
        }
    }
    let tasks = records(sheets, "Taken");
    let codes: HashSet<&str> = tasks.iter().map(|r| text(r, "Code")).collect();
    assert_eq!(codes.len(), tasks.len(), "unique task codes");
    let mut seen = HashSet::new();
    for m in records(sheets, "Matrix") {
        let (who, task) = (text(&m, "Medewerker"), text(&m, "Taak"));
        assert!(ids.contains(who) && codes.contains(task), "{m:?}");
        assert!(
            seen.insert((who, task, date(&m, "Datum"))),
            "one row per employee, task and date: {m:?}"
        );
        for h in ["Niveau", "Doelniveau"] {
            if let Some(Value::Int(l)) = m.get(h) {
                assert!((0..=3).contains(l), "{m:?}");
            }
        }
    }
    for n in records(sheets, "Teambehoeften") {
        assert!(teams.contains(text(&n, "Team")) && codes.contains(text(&n, "Taak")));
    }
    let mut goal_started = HashSet::new();
    for g in records(sheets, "Doelen") {
        let who = text(&g, "Medewerker");
        assert!(ids.contains(who), "{g:?}");
        let task = text(&g, "Taak");
        assert!(task.is_empty() || codes.contains(task), "{g:?}");
        let Some(Value::Int(nr)) = g.get("Nr") else {
            panic!("Nr {g:?}")
        };
        if goal_started.insert((who, *nr)) {
            assert!(
                !text(&g, "Doel").is_empty(),
                "goal text on the first row: {g:?}"
            );
        }
        if let (Some(start), Some(deadline)) = (date(&g, "Start"), date(&g, "Deadline")) {
            assert!(start <= deadline, "{g:?}");
        }
    }
    let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
    for c in records(sheets, "Gesprekken") {
        assert!(ids.contains(text(&c, "Medewerker")), "{c:?}");
        let day = date(&c, "Datum").expect("Datum");
        assert!(day <= today, "{c:?}");
        assert!(
            date(&c, "Volgend gesprek").is_none_or(|next| next >= day),
            "{c:?}"
        );
    }
}

#[test]
fn sample_is_valid_and_tells_the_painting_story() {
    let team = sample_team();
    assert_valid(&team);
    let employees = records(&team, "Medewerkers");
    assert!(employees.len() >= 12);
    let matrix = records(&team, "Matrix");
    let painting: Vec<_> = matrix
        .iter()
        .filter(|m| text(m, "Taak") == "SCH-BUI")
        .collect();
    let level = |m: &HashMap<&str, &Value>| match m.get("Niveau") {
        Some(Value::Int(l)) => *l,
        _ => -1,
    };
    let painters: Vec<&str> = painting
        .iter()
        .filter(|m| level(m) >= 2)
        .map(|m| text(m, "Medewerker"))
        .collect();
    assert_eq!(painters, ["M001", "M002"]);
    let learners = painting
        .iter()
        .filter(|m| text(m, "Wil leren") == "ja")
        .count();
    assert_eq!(learners, 3);
    let goals = records(&team, "Doelen");
    assert!(
        goals
            .iter()
            .any(|g| text(g, "Actie") == "meelopen met Ilse, 2 dagen per week")
    );
}

#[test]
fn organisation_is_valid_and_scales() {
    assert_valid(&organisation(300, 7, 42));
    assert_valid(&organisation(1, 1, 0));
    let start = std::time::Instant::now();
    let big = organisation(5000, 40, 1);
    let elapsed = start.elapsed();
    assert_eq!(sheet(&big, "Medewerkers").unwrap().rows.len(), 5000);
    assert!(sheet(&big, "Matrix").unwrap().rows.len() > 40_000);
    assert!(elapsed.as_secs() < 10, "{elapsed:?}");
    assert_valid(&big);
}

#[test]
fn invalid_cases_break_what_they_say() {
    let cases = invalid_cases().unwrap();
    assert_eq!(cases.len(), 15);
    for case in &cases {
        match (&case.payload, &case.expected) {
            (
                Payload::Sheets(sheets),
                Expected::Data {
                    sheet: name,
                    row,
                    column,
                    value,
                },
            ) => {
                if let (Some(row), Some(column), Some(value)) = (row, column, value) {
                    let s = sheet(sheets, name).expect("sheet of the error");
                    let cell = s.cell(row - 2, column).expect("cell of the error");
                    assert_eq!(&cell.display(true), value, "{}", case.file);
                }
            }
            (Payload::Bytes(_), Expected::Unreadable) => {}
            _ => panic!("{}: payload and expectation disagree", case.file),
        }
    }
    let readme = invalid_readme(&cases);
    assert_eq!(readme.matches("\n| `").count(), cases.len());
}

/// The payload of the case written as `file`.
fn payload(file: &str) -> Vec<u8> {
    let case = invalid_cases()
        .unwrap()
        .into_iter()
        .find(|c| c.file == file)
        .unwrap();
    match case.payload {
        Payload::Sheets(sheets) => xlsx_bytes(&sheets).unwrap(),
        Payload::Bytes(bytes) => bytes,
    }
}

#[test]
fn excel_error_reads_back_as_error() {
    let mut book = Xlsx::new(Cursor::new(payload("excel-error.xlsx"))).unwrap();
    let employees = book.worksheet_range("Medewerkers").unwrap();
    let r = employee_row(&employees, "M012");
    assert_eq!(
        employees.get_value((r, 12)),
        Some(&Data::Error(calamine::CellErrorType::NA))
    );
}

#[test]
fn unreadable_files_fail_to_open() {
    let open = |file| Xlsx::new(Cursor::new(payload(file))).map(|_| ());
    assert!(matches!(open("password.xlsx"), Err(XlsxError::Password)));
    for file in ["not-a-workbook.xlsx", "empty.xlsx", "truncated.xlsx"] {
        assert!(open(file).is_err(), "{file}");
    }
}
