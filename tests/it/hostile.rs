//! Hostile and odd inputs, each driven through the CLI with its exact outcome: a clear
//! message naming the file (and sheet, row, column, value where there is one) or a correct
//! result; never a panic, a hang or memory without bound. Files that would be big (the zip
//! bomb, 100,000 formatted rows, 100,000-character cells) are made here at test time.
//!
//! Every run has its address space capped (`ulimit -v`) and its time measured, so a reader
//! that tries to hold a bomb in memory fails the test instead of the machine.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::Datelike;
use common::{temp_dir, text_of};
use popdruk_testkit::{self as synth, Sheet, Value};
use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook, Worksheet, XlsxError};

/// The address space every run may use: a bomb that gets unpacked would pass it.
const MEMORY_KB: u64 = 2 << 20;

/// What one run of popdruk did.
struct Outcome {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// The CPU time a run may take unless a test says otherwise, in seconds: a run past it is
/// killed (and its exit code is missing), so a step that never ends fails the test. CPU
/// time, not the wall clock: a busy machine slows a run down without failing it.
const CPU_SECONDS: u32 = 300;

thread_local! {
    static CPU_CAP: std::cell::Cell<u32> = const { std::cell::Cell::new(CPU_SECONDS) };
}

/// Runs `f` with popdruk's runs capped at `secs` seconds of CPU time: a claim that something
/// is refused before it is read (a bomb, a huge grid) rather than slowly worked through.
fn within<T>(secs: u32, f: impl FnOnce() -> T) -> T {
    let before = CPU_CAP.with(|c| c.replace(secs));
    let out = f();
    CPU_CAP.with(|c| c.set(before));
    out
}

/// Runs popdruk with `args` under the memory cap, from the crate folder.
fn run(args: &[&str]) -> Outcome {
    run_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

/// Runs popdruk with `args` under the memory and CPU caps, from `dir`; a run that waits
/// for ever (on a pipe) is stopped after ten minutes by `timeout`, a guard against a hung
/// test, not a claim about speed.
fn run_in(dir: &Path, args: &[&str]) -> Outcome {
    let cpu = CPU_CAP.with(std::cell::Cell::get);
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "ulimit -v {MEMORY_KB}; ulimit -t {cpu}; exec timeout 600 \"$0\" \"$@\""
        ))
        .arg(env!("CARGO_BIN_EXE_popdruk"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("popdruk runs");
    let o = Outcome {
        code: out.status.code(),
        stdout: text_of(&out.stdout),
        stderr: text_of(&out.stderr),
    };
    assert!(
        !o.stderr.contains("panicked") && !o.stderr.contains("memory allocation"),
        "{args:?} crashed:\n{}",
        o.stderr
    );
    o
}

/// `popdruk check FILE`.
fn check(file: &Path) -> Outcome {
    run(&[
        "check",
        file.to_str().expect("UTF-8 path"),
        "--date",
        "2026-11-29",
    ])
}

/// Asserts a tool failure (exit 2) whose one sentence contains `phrase`.
fn assert_refused(o: &Outcome, phrase: &str) {
    assert_eq!(o.code, Some(2), "{}", o.stderr);
    let first = o.stderr.lines().next().unwrap_or_default();
    assert!(first.starts_with("fout: "), "{}", o.stderr);
    assert!(
        first.contains(phrase),
        "expected {phrase:?} in\n{}",
        o.stderr
    );
    assert!(o.stdout.is_empty(), "no summary for an unreadable file");
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write");
    p
}

// ---------------------------------------------------------------------------------------
// Writing the sample team with rust_xlsxwriter, with room for a hostile twist per sheet.

/// Writes `sheet` from row `first` on (its header there); dates as real date cells.
fn write_sheet(ws: &mut Worksheet, sheet: &Sheet, first: u32) -> Result<(), XlsxError> {
    let date = Format::new().set_num_format("dd/mm/yyyy");
    for (col, h) in (0..).zip(&sheet.headers) {
        ws.write_string(first, col, h)?;
    }
    for (row, values) in (first + 1..).zip(&sheet.rows) {
        for (col, v) in (0..).zip(values) {
            match v {
                Value::Empty => {}
                Value::Text(s) => {
                    ws.write_string(row, col, s)?;
                }
                Value::Int(i) => {
                    ws.write_number(row, col, *i as f64)?;
                }
                Value::Number(n) => {
                    ws.write_number(row, col, *n)?;
                }
                Value::Date(d) => {
                    let dt =
                        ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
                    ws.write_datetime_with_format(row, col, &dt, &date)?;
                }
                Value::Formula { formula, cached } => {
                    ws.write_formula(row, col, Formula::new(formula).set_result(cached))?;
                }
            }
        }
    }
    Ok(())
}

/// The sample team as an xlsx, with `twist(sheet name, worksheet)` applied to each sheet
/// after it is written (it returns the row the header goes on first) and `extra` to the
/// workbook after all sheets.
fn team_xlsx(
    mut header_row: impl FnMut(&str) -> u32,
    mut twist: impl FnMut(&str, &mut Worksheet) -> Result<(), XlsxError>,
    extra: impl FnOnce(&mut Workbook) -> Result<(), XlsxError>,
) -> Vec<u8> {
    let mut wb = Workbook::new();
    for sheet in synth::sample_team() {
        let ws = wb.add_worksheet();
        ws.set_name(&sheet.name).expect("name");
        write_sheet(ws, &sheet, header_row(&sheet.name)).expect("cells");
        twist(&sheet.name, ws).expect("twist");
    }
    extra(&mut wb).expect("extra");
    wb.save_to_buffer().expect("xlsx")
}

/// The summary `check` prints for the untouched sample team.
fn sample_summary() -> String {
    check(Path::new("samples/team.xlsx")).stdout
}

// ---------------------------------------------------------------------------------------
// A zip package written by hand, so that an entry can carry deflate data made without
// deflating gigabytes, and any sizes it likes.

fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// One entry: name, method (0 stored, 8 deflate), the bytes as stored, CRC and the size it
/// says it unpacks to.
struct Entry {
    name: &'static str,
    method: u16,
    data: Vec<u8>,
    crc: u32,
    size: u32,
}

impl Entry {
    fn stored(name: &'static str, text: &str) -> Entry {
        Entry {
            name,
            method: 0,
            data: text.as_bytes().to_vec(),
            crc: crc32(text.as_bytes()),
            size: text.len() as u32,
        }
    }
}

fn zip(entries: &[Entry]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for e in entries {
        let offset = out.len() as u32;
        let header = |sig: u32, central: bool| {
            let mut h = sig.to_le_bytes().to_vec();
            if central {
                h.extend(20u16.to_le_bytes()); // made by
            }
            h.extend(20u16.to_le_bytes()); // version needed
            h.extend(0u16.to_le_bytes()); // flags
            h.extend(e.method.to_le_bytes());
            h.extend([0, 0, 0x21, 0]); // time, date (1980-01-01)
            h.extend(e.crc.to_le_bytes());
            h.extend((e.data.len() as u32).to_le_bytes());
            h.extend(e.size.to_le_bytes());
            h.extend((e.name.len() as u16).to_le_bytes());
            h.extend(0u16.to_le_bytes()); // extra
            if central {
                h.extend([0; 6]); // comment, disk, internal attributes
                h.extend(0u32.to_le_bytes()); // external attributes
                h.extend(offset.to_le_bytes());
            }
            h.extend(e.name.as_bytes());
            h
        };
        out.extend(header(0x0403_4b50, false));
        out.extend(&e.data);
        central.extend(header(0x0201_4b50, true));
    }
    let start = out.len() as u32;
    out.extend(&central);
    out.extend(0x0605_4b50u32.to_le_bytes());
    out.extend([0; 4]);
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend((central.len() as u32).to_le_bytes());
    out.extend(start.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}

/// A one-sheet xlsx whose sheet is `sheet` (an entry named `xl/worksheets/sheet1.xml`) and
/// whose shared strings are `strings`.
fn xlsx_with(sheet: Entry, strings: &str) -> Vec<u8> {
    zip(&[
        Entry::stored(
            "[Content_Types].xml",
            r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#,
        ),
        Entry::stored(
            "_rels/.rels",
            r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        ),
        Entry::stored(
            "xl/workbook.xml",
            r#"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Medewerkers" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        ),
        Entry::stored(
            "xl/_rels/workbook.xml.rels",
            r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#,
        ),
        Entry::stored("xl/sharedStrings.xml", strings),
        sheet,
    ])
}

const NO_STRINGS: &str = r#"<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"></sst>"#;

/// Deflate data for `head`, `blocks` MiB of spaces, then `tail`: each piece ends in a full
/// flush, so the one compressed MiB of spaces can be repeated as often as wanted.
fn bomb_data(head: &str, blocks: usize, tail: &str) -> (Vec<u8>, u64) {
    use flate2::{Compress, Compression, FlushCompress};
    let piece = |data: &[u8], flush: FlushCompress| {
        let mut c = Compress::new(Compression::best(), false);
        let mut out = Vec::with_capacity(data.len() / 100 + 1024);
        c.compress_vec(data, &mut out, flush).expect("deflate");
        out
    };
    let mib = vec![b' '; 1 << 20];
    let mut data = piece(head.as_bytes(), FlushCompress::Full);
    let spaces = piece(&mib, FlushCompress::Full);
    for _ in 0..blocks {
        data.extend(&spaces);
    }
    data.extend(piece(tail.as_bytes(), FlushCompress::Finish));
    let size = (head.len() + blocks * (1 << 20) + tail.len()) as u64;
    (data, size)
}

const SHEET_HEAD: &str = r#"<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#;
const SHEET_TAIL: &str = r#"</sheetData></worksheet>"#;

// ---------------------------------------------------------------------------------------
// The cases.

#[test]
fn an_empty_file_and_a_zero_byte_xlsx_are_refused_as_empty() {
    let dir = temp_dir("empty");
    for name in ["leeg", "leeg.xlsx", "leeg.csv"] {
        let o = check(&write(&dir, name, b""));
        assert_refused(&o, "is leeg (0 bytes)");
        assert!(o.stderr.contains(name), "{}", o.stderr);
    }
}

#[test]
fn text_renamed_xlsx_is_refused_as_no_workbook() {
    let dir = temp_dir("text");
    let p = write(&dir, "team.xlsx", "Naam;Voornaam\nYılmaz;Ayşe\n".as_bytes());
    assert_refused(&check(&p), "is geen werkmap");
}

#[test]
fn a_truncated_xlsx_is_refused_as_damaged() {
    let team = std::fs::read("samples/team.xlsx").expect("sample");
    let dir = temp_dir("truncated");
    for keep in [10, 50, 95, 99] {
        let p = write(&dir, "team.xlsx", &team[..team.len() * keep / 100]);
        assert_refused(&check(&p), "is beschadigd of onvolledig");
    }
}

#[test]
fn a_zip_bomb_is_refused_before_it_is_unpacked() {
    let dir = temp_dir("bomb");
    // 3.8 GB of spaces in the sheet, in 4 MB of deflate data.
    let (data, size) = bomb_data(SHEET_HEAD, 3_800, SHEET_TAIL);
    let sheet = |size: u32| Entry {
        name: "xl/worksheets/sheet1.xml",
        method: 8,
        data: data.clone(),
        crc: 0,
        size,
    };
    let p = write(&dir, "bom.xlsx", &xlsx_with(sheet(size as u32), NO_STRINGS));
    assert!(std::fs::metadata(&p).unwrap().len() < 5 << 20);
    let o = within(5, || check(&p));
    assert_refused(
        &o,
        "pakt uit tot meer dan popdruk leest: het onderdeel `xl/worksheets/sheet1.xml` wordt 3.800 MB",
    );

    // The same bomb that says it unpacks to 40 kB: the zip reader holds it to that.
    let p = write(&dir, "liegt.xlsx", &xlsx_with(sheet(40_000), NO_STRINGS));
    let o = within(5, || check(&p));
    assert_refused(&o, "is beschadigd of onvolledig");
    assert!(
        o.stderr
            .contains("larger than its declared uncompressed size"),
        "{}",
        o.stderr
    );
}

#[test]
fn shared_strings_that_claim_a_trillion_entries_are_refused() {
    let dir = temp_dir("sst");
    let strings = r#"<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1000000000000"><si><t>ID</t></si></sst>"#;
    let sheet = format!(r#"{SHEET_HEAD}<row r="1"><c r="A1" t="s"><v>0</v></c></row>{SHEET_TAIL}"#);
    let p = write(
        &dir,
        "sst.xlsx",
        &xlsx_with(Entry::stored("xl/worksheets/sheet1.xml", &sheet), strings),
    );
    let o = check(&p);
    assert_refused(&o, "is beschadigd of onvolledig");
    assert!(o.stderr.contains("1000000000000 entries"), "{}", o.stderr);
}

#[test]
fn a_cell_in_the_last_row_and_column_costs_no_more_than_its_row() {
    let dir = temp_dir("corner");
    // A1 and XFD1048576: calamine's dense grid would want 17 billion cells.
    let sheet = format!(
        r#"{SHEET_HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>ID</t></is></c></row><row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>verdwaald</t></is></c></row>{SHEET_TAIL}"#
    );
    let p = write(
        &dir,
        "hoek.xlsx",
        &xlsx_with(
            Entry::stored("xl/worksheets/sheet1.xml", &sheet),
            NO_STRINGS,
        ),
    );
    let o = check(&p);
    // Read, then reported as data: the other sheets and columns are missing.
    assert_eq!(o.code, Some(1), "{}", o.stderr);
    assert!(
        o.stderr.contains("fout: het blad `Organisatie` ontbreekt"),
        "{}",
        o.stderr
    );
    assert!(
        o.stderr
            .contains("fout: de verplichte kolom `Voornaam` ontbreekt"),
        "{}",
        o.stderr
    );
    // Beyond Excel's last column is damage, not data.
    let sheet = format!(
        r#"{SHEET_HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>ID</t></is></c><c r="ZZZZ1" t="inlineStr"><is><t>x</t></is></c></row>{SHEET_TAIL}"#
    );
    let p = write(
        &dir,
        "breed.xlsx",
        &xlsx_with(
            Entry::stored("xl/worksheets/sheet1.xml", &sheet),
            NO_STRINGS,
        ),
    );
    assert_refused(
        &check(&p),
        "is beschadigd: blad `Medewerkers` heeft een cel in kolom 475254, voorbij de laatste kolom van Excel (16384)",
    );
}

#[test]
fn a_password_protected_workbook_is_refused_with_what_to_do() {
    let o = check(Path::new("samples/invalid/password.xlsx"));
    assert_refused(
        &o,
        "is beveiligd met een wachtwoord: sla een kopie op zonder wachtwoord",
    );
}

#[test]
fn an_old_excel_xls_reads_like_the_xlsx() {
    let o = check(Path::new("samples/team.xls"));
    assert_eq!(o.code, Some(0), "{}", o.stderr);
    assert_eq!(o.stdout, sample_summary());
}

#[test]
fn a_hundred_thousand_empty_formatted_rows_are_skipped_quickly() {
    let grey = Format::new().set_background_color("#DDDDDD");
    let bytes = team_xlsx(
        |_| 0,
        |name, ws| {
            if name == "Medewerkers" {
                for row in 100..100_100 {
                    ws.set_row_format(row, &grey)?;
                    ws.write_blank(row, 0, &grey)?;
                }
            }
            Ok(())
        },
        |_| Ok(()),
    );
    let dir = temp_dir("rows");
    let p = write(&dir, "team.xlsx", &bytes);
    let o = within(20, || check(&p));
    assert_eq!(o.code, Some(0), "{}", o.stderr);
    assert_eq!(o.stdout, sample_summary());
}

#[test]
fn a_title_merged_above_the_headers_is_skipped() {
    let title = Format::new().set_bold();
    let bytes = team_xlsx(
        |name| u32::from(name == "Medewerkers"),
        |name, ws| {
            if name == "Medewerkers" {
                ws.merge_range(0, 0, 0, 16, "Medewerkers van Groenkracht", &title)?;
            }
            Ok(())
        },
        |_| Ok(()),
    );
    let dir = temp_dir("title");
    let p = write(&dir, "team.xlsx", &bytes);
    let o = check(&p);
    assert_eq!(o.code, Some(0), "{}", o.stderr);
    assert_eq!(
        common::without_places(&o.stdout),
        common::without_places(&sample_summary())
    );
}

#[test]
fn a_header_merged_over_two_columns_names_the_first_and_leaves_the_second_unread() {
    // `Loopbaandoel` merged over its own column and the next (Sterktes): the second column
    // then has no header, so its values are not read, and nothing else changes.
    let bytes = team_xlsx(
        |_| 0,
        |name, ws| {
            if name == "Medewerkers" {
                ws.merge_range(0, 13, 0, 14, "Loopbaandoel", &Format::new())?;
            }
            Ok(())
        },
        |_| Ok(()),
    );
    let dir = temp_dir("merged");
    let p = write(&dir, "team.xlsx", &bytes);
    let o = check(&p);
    assert_eq!(o.code, Some(0), "{}", o.stderr);
    assert!(
        o.stderr.contains("geen fouten of waarschuwingen") || o.stderr.contains("0 fouten"),
        "{}",
        o.stderr
    );
}

#[test]
fn hidden_sheets_are_read_like_the_others() {
    // The settings sheet hidden, plus a hidden sheet of lists the user made for drop-downs.
    let bytes = team_xlsx(
        |_| 0,
        |name, ws| {
            if name == "Instellingen" {
                ws.set_hidden(true);
            }
            Ok(())
        },
        |wb| {
            let ws = wb.add_worksheet();
            ws.set_name("Lijsten")?;
            ws.write_string(0, 0, "Niveaus")?;
            ws.write_number(1, 0, 2)?;
            ws.set_hidden(true);
            Ok(())
        },
    );
    let dir = temp_dir("hidden");
    let p = write(&dir, "team.xlsx", &bytes);
    let o = check(&p);
    assert_eq!(o.code, Some(0), "{}", o.stderr);
    assert_eq!(o.stdout, sample_summary());
    assert!(
        o.stderr
            .contains("opmerking: blad `Lijsten` wordt niet gelezen"),
        "{}",
        o.stderr
    );
}

#[test]
fn a_sheet_name_with_trailing_spaces_is_matched_and_quoted_as_written() {
    let mut team = synth::sample_team();
    synth::sheet_mut(&mut team, "Medewerkers").unwrap().name = "Medewerkers  ".into();
    let matrix = synth::sheet_mut(&mut team, "Taken").unwrap();
    let col = matrix.column("Vereiste bezetting").unwrap();
    matrix.rows[0][col] = Value::text("veel");
    let dir = temp_dir("spaces");
    let p = write(&dir, "team.xlsx", &synth::xlsx_bytes(&team).unwrap());
    let o = check(&p);
    // The only error is the planted one; the employees sheet was found.
    assert_eq!(o.code, Some(1), "{}", o.stderr);
    assert!(o.stderr.contains("\n1 fout,"), "{}", o.stderr);
    assert!(o.stderr.contains("blad `Taken`, rij 2"), "{}", o.stderr);
    assert!(
        o.stdout.contains("Medewerkers    16, 15 in dienst"),
        "{}",
        o.stdout
    );
}

/// The sample team as a CSV folder (`;`, UTF-8 with BOM, CRLF), after `edit`.
fn team_csv(name: &str, edit: impl FnOnce(&mut Vec<Sheet>)) -> PathBuf {
    let mut team = synth::sample_team();
    edit(&mut team);
    let dir = temp_dir(name).join("team-csv");
    synth::write_csv_dir(&dir, &team, b';', synth::CsvEncoding::Utf8Bom, true).expect("csv");
    dir
}

fn set(team: &mut [Sheet], sheet: &str, id: &str, column: &str, value: &str) {
    let s = synth::sheet_mut(team, sheet).expect("sheet");
    let row = s.find_row("ID", &Value::text(id)).expect("row");
    let col = s.column(column).expect("column");
    s.rows[row][col] = Value::text(value);
}

/// Replaces the first `from` in a text file by `to` (which must be there).
fn replace_once(file: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(file).expect("text file");
    assert!(text.contains(from), "`{from}` is not in {}", file.display());
    std::fs::write(file, text.replacen(from, to, 1)).expect("write");
}

/// `words` words of a career goal, numbered so that order and completeness show.
fn long_text(words: usize) -> String {
    (0..words)
        .map(|i| format!("stap{i} naar één doel"))
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn a_cell_of_100000_characters_comes_out_whole_in_the_pop_form() {
    // Excel stops at 32,767 characters a cell; a CSV file does not.
    let goal = long_text(5_000);
    assert!(goal.chars().count() > 100_000);
    let dir = team_csv("long", |t| {
        set(t, "Medewerkers", "M003", "Loopbaandoel", &goal)
    });
    let out = dir.parent().unwrap().join("pdf");
    let o = run(&[
        "build",
        dir.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--only",
        "pop",
        "--employee",
        "M003",
        "--date",
        "2026-11-29",
    ]);
    assert_eq!(o.code, Some(0), "{}", o.stderr);
    let pdf = std::fs::read(out.join("M003-Yılmaz-Ayşe/pop-M003-Yılmaz-Ayşe.pdf")).expect("pdf");
    let text = common::squash(&common::text(&common::read(&pdf)));
    // Word by word and in order: headers and footers of the pages stand between.
    let mut at = 0;
    for word in goal.split(' ') {
        let word = common::squash(word);
        match text[at..].find(&word) {
            Some(i) => at += i + word.len(),
            None => panic!("`{word}` is missing after byte {at} of the PDF's text"),
        }
    }
}

#[test]
fn control_characters_in_names_are_errors_naming_the_cell_and_code() {
    let dir = team_csv("control", |t| {
        set(t, "Medewerkers", "M003", "Voornaam", "Ay\u{1b}[2Jşe");
        set(t, "Medewerkers", "M004", "Achternaam", "\u{202E}kicjóW");
    });
    let o = check(&dir);
    assert_eq!(o.code, Some(1), "{}", o.stderr);
    assert!(
        o.stderr.contains(
            "fout: de cel bevat een onzichtbaar stuurteken (U+001B) op positie 3\n  --> "
        ),
        "{}",
        o.stderr
    );
    assert!(
        o.stderr
            .contains("medewerkers.csv, rij 4, kolom `Voornaam` (B)"),
        "{}",
        o.stderr
    );
    assert!(
        o.stderr
            .contains("fout: de cel bevat een onzichtbaar stuurteken (U+202E) op positie 1"),
        "{}",
        o.stderr
    );
    assert!(
        o.stderr
            .contains("medewerkers.csv, rij 5, kolom `Achternaam` (C)"),
        "{}",
        o.stderr
    );
    assert!(o.stderr.contains("`WISSEN.CONTROL`"), "{}", o.stderr);
    // Nothing of either reaches the terminal raw.
    assert!(!o.stderr.contains('\u{1b}') && !o.stderr.contains('\u{202E}'));
}

#[test]
fn right_to_left_names_are_read_and_drawn_right_to_left() {
    let dir = team_csv("rtl", |t| {
        set(t, "Medewerkers", "M012", "Voornaam", "محمد");
        set(t, "Medewerkers", "M012", "Achternaam", "כהן");
    });
    let o = check(&dir);
    assert_eq!(o.code, Some(0), "{}", o.stderr);
    let out = dir.parent().unwrap().join("pdf");
    let o = run(&[
        "build",
        dir.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--only",
        "pop",
        "--employee",
        "M012",
        "--date",
        "2026-11-29",
    ]);
    assert_eq!(o.code, Some(0), "{}", o.stderr);
    let pdf = std::fs::read(out.join("M012-כהן-محمد/pop-M012-כהן-محمد.pdf")).expect("pdf");
    let text = common::text(&common::read(&pdf));
    // The page's glyphs are drawn left to right on the paper, and common::text reads them
    // in that order: a name drawn right to left (first letter rightmost) therefore reads
    // reversed here, `محمد` as `دمحم`, the first name right of the last. Drawn in typing
    // order instead, it would read `محمد כהן`: that is the fault this catches.
    assert!(text.contains("Naam دمحم ןהכ"), "{text}");
    assert!(!text.contains("محمد"), "{text}");
}

#[test]
fn csv_with_mixed_line_endings_reads_like_the_workbook_with_true_line_numbers() {
    let dir = team_csv("endings", |t| {
        // The 13th employee (line 14) gets an impossible date, to see the line number.
        set(t, "Medewerkers", "M013", "In dienst", "31/02/2024");
    });
    let file = dir.join("medewerkers.csv");
    let text = std::fs::read_to_string(&file).unwrap();
    let ends = ["\r\n", "\n", "\r"];
    let mixed: String = text
        .split("\r\n")
        .enumerate()
        .map(|(i, line)| format!("{line}{}", ends[i % 3]))
        .collect();
    std::fs::write(&file, mixed.trim_end()).unwrap();
    let o = check(&dir);
    assert_eq!(o.code, Some(1), "{}", o.stderr);
    assert!(o.stderr.contains("\n1 fout,"), "{}", o.stderr);
    assert!(
        o.stderr
            .contains("medewerkers.csv, rij 14, kolom `In dienst` (F)"),
        "{}",
        o.stderr
    );
    assert!(
        o.stdout.contains("Medewerkers    16, 15 in dienst"),
        "{}",
        o.stdout
    );
}

#[test]
fn a_csv_quote_that_never_closes_is_named_by_line_and_character() {
    let dir = team_csv("quote", |_| {});
    replace_once(&dir.join("medewerkers.csv"), ";Ayşe;", ";\"Ayşe;");
    let o = check(&dir);
    assert_refused(
        &o,
        "medewerkers.csv`, regel 4, teken 6: dit aanhalingsteken `\"` opent een cel die nergens gesloten wordt",
    );
}

#[test]
fn csv_in_utf16_reads_like_the_workbook() {
    let dir = team_csv("utf16", |_| {});
    for (i, entry) in std::fs::read_dir(&dir).unwrap().enumerate() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let text = text.trim_start_matches('\u{feff}').replace(';', "\t");
        // Excel's "Unicode text" is UTF-16LE with a BOM; half the files go without one.
        let mut bytes = if i % 2 == 0 {
            vec![0xFF, 0xFE]
        } else {
            Vec::new()
        };
        bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        std::fs::write(&path, bytes).unwrap();
    }
    let o = check(&dir);
    assert_eq!(o.code, Some(0), "{}", o.stderr);
    assert_eq!(
        common::without_places(&o.stdout),
        common::without_places(&sample_summary())
    );
}

/// Makes a named pipe (that nobody writes to) at `path`.
#[cfg(unix)]
fn mkfifo(path: &Path) {
    let made = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(made.success(), "mkfifo {}", path.display());
}

#[cfg(unix)]
#[test]
fn a_device_or_a_pipe_as_the_workbook_is_refused_in_one_sentence() {
    let o = check(Path::new("/dev/zero"));
    assert_refused(
        &o,
        "`/dev/zero` is geen gewoon bestand of map maar een apparaat, pipe of socket",
    );
    assert_eq!(o.stderr.lines().count(), 1, "{}", o.stderr);
    // A pipe nobody writes to: opening it would wait for ever.
    let fifo = temp_dir("fifo").join("team.xlsx");
    mkfifo(&fifo);
    let o = within(20, || check(&fifo));
    assert_refused(
        &o,
        "is geen gewoon bestand of map maar een apparaat, pipe of socket",
    );
}

#[cfg(unix)]
#[test]
fn a_pipe_or_device_as_a_csv_sheet_is_refused_not_skipped() {
    let input = team_csv("fifo-sheet", |_| {});
    std::fs::remove_file(input.join("gesprekken.csv")).unwrap();
    mkfifo(&input.join("gesprekken.csv"));
    let o = check(&input);
    assert_refused(
        &o,
        "gesprekken.csv` is geen gewoon bestand of map maar een apparaat, pipe of socket",
    );
    std::fs::remove_file(input.join("gesprekken.csv")).unwrap();
    std::os::unix::fs::symlink("/dev/null", input.join("gesprekken.csv")).unwrap();
    assert_refused(&check(&input), "gesprekken.csv` is geen gewoon bestand");
}

#[test]
fn a_character_no_font_has_is_named_by_employee_field_and_code_once() {
    let dir = team_csv("glyph", |t| {
        set(
            t,
            "Medewerkers",
            "M003",
            "Loopbaandoel",
            "Ploegbaas 𓀀 worden",
        );
        // Three characters no font has, in the bold and the regular face.
        set(t, "Medewerkers", "M003", "Sterktes", "𓁐 en 𓂀 en 𓀀");
    });
    let out = dir.parent().unwrap().join("pdf");
    let o = run(&[
        "build",
        dir.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--employee",
        "M003",
        "--only",
        "pop,afspraken",
        "--date",
        "2026-11-29",
    ]);
    assert_eq!(o.code, Some(0), "{}", o.stderr);
    let expected = "waarschuwing: M003-Yılmaz-Ayşe: M003 Ayşe Yılmaz: veld `Loopbaandoel`: teken `𓀀` (U+13000) kan niet afgedrukt worden";
    assert_eq!(o.stderr.matches(expected).count(), 1, "{}", o.stderr);
    assert!(
        !o.stderr.contains("none of the embedded fonts"),
        "{}",
        o.stderr
    );
    // Each copies as itself: they were all one character, the first the page showed.
    let pdf = std::fs::read(out.join("M003-Yılmaz-Ayşe/pop-M003-Yılmaz-Ayşe.pdf")).unwrap();
    let text = common::text(&common::read(&pdf));
    assert!(text.contains("Ploegbaas 𓀀 worden"), "{text}");
    assert!(text.contains("𓁐 en 𓂀 en 𓀀"), "{text}");
    // The bundle shows the form's pages as drawn for it, with the same codes.
    let bundle = std::fs::read(out.join("bundel-pop.pdf")).unwrap();
    let text = common::text(&common::read(&bundle));
    assert!(text.contains("𓁐 en 𓂀 en 𓀀"), "{text}");
}

#[test]
fn a_character_no_font_has_is_pointed_to_by_its_cell() {
    // Where each value stands, taken from the sheets as the test writes them: the CSV's
    // first line holds the headers, data row `i` is line `i + 2`.
    let mut places = Vec::new();
    let dir = team_csv("glyph-cell", |t| {
        let mut put = |sheet: &str, key: (&str, &str), column: &str, value: &str| {
            let s = synth::sheet_mut(t, sheet).expect("sheet");
            let row = s.find_row(key.0, &Value::text(key.1)).expect("row");
            let col = s.column(column).expect("column");
            s.rows[row][col] = Value::text(value);
            let file = format!("{}.csv", sheet.to_lowercase());
            let letter = popdruk::diagnostic::column_letter(col);
            places.push(format!(
                "{file}, rij {}, kolom `{column}` ({letter})",
                row + 2
            ));
        };
        put(
            "Medewerkers",
            ("ID", "M003"),
            "Loopbaandoel",
            "Ploegbaas 𓀀 worden",
        );
        put("Doelen", ("Medewerker", "M003"), "Actie", "Meeloper 𓁐 zijn");
        put(
            "Taken",
            ("Code", "SCH-BUI"),
            "Omschrijving",
            "Gevels 𓂀 schilderen",
        );
    });
    let out = dir.parent().unwrap().join("pdf");
    let o = run(&[
        "build",
        dir.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--employee",
        "M003",
        "--only",
        "pop",
        "--date",
        "2026-11-29",
    ]);
    assert_eq!(o.code, Some(0), "{}", o.stderr);
    let lines: Vec<&str> = o.stderr.lines().collect();
    for (c, place) in ["𓀀", "𓁐", "𓂀"].iter().zip(&places) {
        let at = lines
            .iter()
            .position(|l| l.starts_with("waarschuwing: ") && l.contains(&format!("`{c}`")))
            .unwrap_or_else(|| panic!("no warning about {c}: {}", o.stderr));
        let next = lines.get(at + 1).copied().unwrap_or_default();
        assert!(next.starts_with("  --> "), "{c}: {}", o.stderr);
        assert!(next.ends_with(place.as_str()), "{c}: {next} / {place}");
    }
}

#[test]
fn an_ods_that_repeats_one_cell_a_hundred_million_times_is_refused_before_reading() {
    let dir = temp_dir("ods-repeat");
    // 700 bytes: one value repeated over 6,000 rows and 16,000 columns. calamine would make
    // a grid of 96 million cells (several gigabytes) before popdruk saw a row.
    let content = r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Medewerkers"><table:table-row><table:table-cell office:value-type="string"><text:p>ID</text:p></table:table-cell></table:table-row><table:table-row table:number-rows-repeated="6000"><table:table-cell table:number-columns-repeated="16000" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row><table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#;
    let bytes = zip(&[
        Entry::stored("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
        Entry::stored("content.xml", content),
    ]);
    let p = write(&dir, "herhaald.ods", &bytes);
    let o = within(5, || check(&p));
    assert_refused(&o, "meer dan 5000000 cellen");
    assert!(o.stderr.contains("`Medewerkers`"), "{}", o.stderr);
    // The committed sample (with LibreOffice-style empty repeated rows left out) still reads.
    assert_eq!(check(Path::new("samples/team.ods")).code, Some(0));
}

#[test]
fn an_ole_file_the_reader_chokes_on_is_damaged_not_a_crash() {
    // Found by the `spreadsheet` fuzzer: calamine asserts on this sector table.
    let o = check(Path::new(
        "fuzz/regressions/spreadsheet/cfb-short-sector-table.xls",
    ));
    assert_refused(&o, "beschadigd of onvolledig");
    assert!(!o.stderr.contains("panicked"), "{}", o.stderr);
}

#[test]
fn an_xls_whose_cells_ask_for_a_17_gigabyte_grid_is_refused_before_reading() {
    // Found by the `spreadsheet` fuzzer: 56 KB whose cell records make calamine allocate a
    // dense grid of 17.8 GB, which aborted the process.
    // The second declares the grid in its DIMENSIONS record, which calamine reserves room
    // for (343 GB) before any cell.
    for file in ["xls-dense-grid.xls", "xls-declared-dimensions.xls"] {
        let o = within(5, || {
            check(&Path::new("fuzz/regressions/spreadsheet").join(file))
        });
        assert_refused(&o, "meer dan 5000000 cellen");
    }
    // The old-Excel sample still reads.
    assert_eq!(check(Path::new("samples/team.xls")).code, Some(0));
}

#[test]
fn an_ole_file_is_measured_as_calamine_reads_it() {
    let dir = Path::new("fuzz/regressions/spreadsheet");
    for (file, phrase) in [
        // Found by the `spreadsheet` fuzzer: a MiniFAT that points past its end, which the
        // `cfb` crate refused (so the grid went unmeasured) while calamine read on to a cell
        // at row 25,971, column 26,984: a grid of 22 GB.
        (
            "xls-damaged-minifat-dense-grid.xls",
            "meer dan 5000000 cellen",
        ),
        // 1 KB whose directory chain runs in a loop: calamine followed it until memory ran
        // out, while looking for a password, before reading a sheet.
        ("ole-directory-chain-loop.xls", "beschadigd of onvolledig"),
        // 200 sheets listed on the same records, each a grid of 2 million cells (13 GB).
        ("xls-sheets-on-same-records.xls", "meer dan 5000000 cellen"),
        // 900 sheets on 1,900 cells each naming one shared string of 8,000 characters.
        ("xls-shared-string-copies.xls", "MB tekst"),
        // Found by the `spreadsheet` fuzzer as slow (22 s in a busy run; milliseconds
        // alone): an OLE file that also holds a zip package, read as an xlsx.
        ("ole-zip-inside.xls", "beschadigd of onvolledig"),
    ] {
        let o = within(5, || check(&dir.join(file)));
        assert_refused(&o, phrase);
    }
}

// ---------------------------------------------------------------------------------------
// Second round (issue 17): names, one long word, collisions, the logo, special files,
// templates, dates and messages.

/// Adds an employee to `Medewerkers`: a copy of the first one (Ilse, in service since
/// 2012) with this ID, name and team.
fn add_employee(team: &mut [Sheet], id: &str, first: &str, last: &str, team_name: &str) {
    let s = synth::sheet_mut(team, "Medewerkers").expect("sheet");
    let mut row = s.rows[0].clone();
    for (column, value) in [
        ("ID", id),
        ("Voornaam", first),
        ("Achternaam", last),
        ("Team", team_name),
    ] {
        row[s.column(column).expect("column")] = Value::text(value);
    }
    s.rows.push(row);
}

/// `popdruk build DIR -o OUT --date 2026-11-29` plus `more`.
fn build_into(input: &Path, out: &Path, more: &[&str]) -> Outcome {
    let mut args = vec![
        "build",
        input.to_str().expect("UTF-8 path"),
        "-o",
        out.to_str().expect("UTF-8 path"),
        "--date",
        "2026-11-29",
    ];
    args.extend(more);
    run(&args)
}

/// How many files the closing line of a build says it made.
fn files_counted(stderr: &str) -> usize {
    let line = stderr
        .lines()
        .find(|l| l.starts_with("klaar: "))
        .unwrap_or_else(|| panic!("no closing line in\n{stderr}"));
    let number_before = |word: &str| {
        line.split(", ")
            .flat_map(|part| part.split(" en "))
            .find_map(|part| {
                let part = part.trim_start_matches("klaar: ");
                let (n, rest) = part.split_once(' ')?;
                rest.starts_with(word).then(|| n.parse::<usize>().ok())?
            })
            .unwrap_or(0)
    };
    number_before("documenten")
        + number_before("teamdocument")
        + number_before("bundel")
        + usize::from(line.contains("een leeg voorbereidingsformulier"))
        + usize::from(line.contains("het inspectiedossier"))
}

/// Builds the sample team with `employees` (ID, first name, last name, team) added, and
/// asserts that it went well, that every file written is counted in the closing line and
/// that nothing was written outside the output folder. Returns the output folder.
fn build_with(name: &str, employees: &[[&str; 4]]) -> PathBuf {
    let input = team_csv(name, |t| {
        for [id, first, last, team] in employees {
            add_employee(t, id, first, last, team);
        }
    });
    let base = input.parent().unwrap().to_path_buf();
    let out = base.join("uit");
    let o = build_into(&input, &out, &[]);
    assert_eq!(o.code, Some(0), "{}", o.stderr);
    assert_eq!(common::files_under(&out).len(), files_counted(&o.stderr));
    let strays: Vec<PathBuf> = common::files_under(&base)
        .into_iter()
        .filter(|f| !f.starts_with(&out) && !f.starts_with(&input))
        .collect();
    assert!(strays.is_empty(), "written outside: {strays:?}");
    out
}

/// Asserts that each of `files` is in `out`.
fn assert_files(out: &Path, files: &[&str]) {
    for file in files {
        assert!(
            out.join(file).is_file(),
            "{file} missing: {:?}",
            common::files_under(out)
        );
    }
}

#[test]
fn names_that_clean_to_nothing_get_their_row_and_stay_in_the_output_folder() {
    let out = build_with(
        "nothing",
        &[["?/..", ".", "-", "/"], ["/", "?", "..", ".."]],
    );
    // Rows 18 and 19 of medewerkers.csv (16 employees after the header); the teams `/` and
    // `..` clean to nothing and are numbered.
    assert_files(
        &out,
        &[
            "rij-18/pop-rij-18.pdf",
            "rij-19/afspraken-rij-19.pdf",
            "teammatrix-team-1.pdf",
            "teammatrix-team-2.pdf",
        ],
    );
}

#[test]
fn names_that_clean_alike_get_files_of_their_own_and_every_file_is_counted() {
    let out = build_with(
        "collide",
        &[
            ["M/10", "Jan", "Peeters", "Ploeg/1"],
            ["M:10", "Jan", "Peeters", "Ploeg:1"],
            ["m-10", "jan", "peeters", "ploeg-1"],
        ],
    );
    assert_files(
        &out,
        &[
            "M-10-Peeters-Jan/pop-M-10-Peeters-Jan.pdf",
            "M-10-Peeters-Jan-rij-19/pop-M-10-Peeters-Jan-rij-19.pdf",
            "m-10-peeters-jan-rij-20/pop-m-10-peeters-jan-rij-20.pdf",
            "teammatrix-Ploeg-1.pdf",
            "teammatrix-Ploeg-1-2.pdf",
            "teammatrix-ploeg-1-3.pdf",
        ],
    );
}

#[test]
fn a_300_character_name_is_shortened_in_its_file_name_and_printed_whole() {
    let long = "Van".repeat(100);
    let input = team_csv("long-name", |t| {
        set(t, "Medewerkers", "M003", "Achternaam", &long)
    });
    let out = input.parent().unwrap().join("uit");
    let o = build_into(&input, &out, &["--employee", "M003", "--only", "pop"]);
    assert_eq!(o.code, Some(0), "{}", o.stderr);
    let files = common::files_under(&out);
    let pop = files
        .iter()
        .find(|f| {
            f.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("pop-M003-")
        })
        .unwrap_or_else(|| panic!("{files:?}"));
    let name = pop.file_name().unwrap().to_string_lossy().into_owned();
    assert_eq!(name, format!("pop-M003-{}.pdf", &long[..55]));
    // A name wider than its line is cut between letters: without the line breaks it is whole.
    let text = common::text(&common::read(&std::fs::read(pop).unwrap())).replace(' ', "");
    assert!(text.contains(&long), "the name is printed whole");
}

#[test]
fn a_name_too_long_for_the_disk_says_so_first_and_asks_about_no_other_program() {
    // Names in the data are shortened (above); a folder given with -o is not.
    let dir = temp_dir("long-folder");
    let out = dir.join("uit").join("Van".repeat(100));
    let o = build_into(
        Path::new("samples/team.xlsx"),
        &out,
        &["--only", "teammatrix"],
    );
    assert_eq!(o.code, Some(2), "{}", o.stderr);
    let file = out.join("teammatrix-Buitenploeg.pdf");
    assert!(
        o.stderr.ends_with(&format!(
            "fout: kan `{}` niet schrijven\n  oorzaak: de naam is te lang voor het bestandssysteem\n",
            file.display()
        )),
        "{}",
        o.stderr
    );
    assert!(!o.stderr.contains("ander programma"), "{}", o.stderr);
    let o = build_into(
        Path::new("samples/team.xlsx"),
        &out,
        &["--only", "teammatrix", "--lang", "en"],
    );
    assert!(
        o.stderr.ends_with(&format!(
            "error: cannot write `{}`\n  caused by: the name is too long for the file system\n",
            file.display()
        )),
        "{}",
        o.stderr
    );
    assert_eq!(common::files_under(&dir), Vec::<PathBuf>::new());
}

#[test]
fn one_word_of_32767_characters_is_printed_whole_in_the_pop_form() {
    // Excel's longest cell, one unbroken word: a pasted address, a row of underscores.
    let word: String = "https://intranet.example/"
        .chars()
        .cycle()
        .take(32_767)
        .collect();
    let input = team_csv("long-word", |t| {
        set(t, "Medewerkers", "M003", "Loopbaandoel", &word);
        set(
            t,
            "Medewerkers",
            "M004",
            "Loopbaandoel",
            &"_".repeat(32_767),
        );
    });
    let out = input.parent().unwrap().join("uit");
    let o = within(120, || {
        build_into(
            &input,
            &out,
            &["--employee", "M003", "--employee", "M004", "--only", "pop"],
        )
    });
    assert_eq!(o.code, Some(0), "{}", o.stderr);
    // It took minutes and never ended before; about 10 s of CPU in a debug build now.
    let text_of = |file: &str| {
        let pdf = std::fs::read(out.join(file)).expect("pdf");
        // The word is cut between characters at each line end: join the lines.
        common::text(&common::read(&pdf)).replace(' ', "")
    };
    // Without the running headers and footers between pages, the word comes out whole and
    // in order.
    let mut text = text_of("M003-Yılmaz-Ayşe/pop-M003-Yılmaz-Ayşe.pdf").replace(
        "GroenkrachtCoöperatievzw·Persoonlijkontwikkelingsplan·AyşeYılmaz",
        "",
    );
    while let Some(from) = text.find("Vertrouwelijk–personeelsdossier") {
        let to = text[from..].find("29/11/2026").expect("footer") + from + "29/11/2026".len();
        text.replace_range(from..to, "");
    }
    assert!(text.contains(&word), "the word is not whole");
    let text = text_of("M004-Wójcik-Łukasz/pop-M004-Wójcik-Łukasz.pdf");
    assert_eq!(text.matches('_').count(), 32_767);
}

/// Sets the organisation's `Logo` field.
fn set_logo(team: &mut [Sheet], logo: &str) {
    let s = synth::sheet_mut(team, "Organisatie").expect("sheet");
    let row = s.find_row("Veld", &Value::text("Logo")).expect("logo row");
    let col = s.column("Waarde").expect("column");
    s.rows[row][col] = Value::text(logo);
}

#[cfg(unix)]
#[test]
fn every_logo_problem_is_one_warning_naming_the_cell_and_the_documents_are_made() {
    for (logo, cause) in [
        (
            "/dev/zero",
            "het is geen gewoon bestand (een map, apparaat of pipe)",
        ),
        (
            "pijp.png",
            "het is geen gewoon bestand (een map, apparaat of pipe)",
        ),
        (
            "tekst.png",
            "het is geen leesbare PNG- of JPEG-afbeelding (not a PNG or JPEG file)",
        ),
        ("groot.png", "het is groter dan 4 MB (5,0 MB)"),
        ("weg.png", "het bestand of de map bestaat niet"),
    ] {
        let csv = team_csv("logo", |t| set_logo(t, logo));
        let base = csv.parent().unwrap();
        std::fs::write(base.join("tekst.png"), "geen afbeelding").unwrap();
        std::fs::write(base.join("groot.png"), vec![0u8; 5 << 20]).unwrap();
        mkfifo(&base.join("pijp.png"));
        let out = csv.parent().unwrap().join("uit");
        let o = within(60, || build_into(&csv, &out, &["--only", "teammatrix"]));
        assert_eq!(o.code, Some(0), "{logo}: {}", o.stderr);
        assert_eq!(
            o.stderr.matches("waarschuwing: ").count(),
            1,
            "{logo}: {}",
            o.stderr
        );
        assert!(
            o.stderr.contains(&format!(
                "kan niet gebruikt worden: {cause}; de documenten komen er zonder\n  --> "
            )),
            "{logo}: {}",
            o.stderr
        );
        assert!(
            o.stderr
                .contains("organisatie.csv, rij 7, kolom `Waarde` (B)"),
            "{logo}: {}",
            o.stderr
        );
        assert_eq!(
            common::files_under(&out).len(),
            files_counted(&o.stderr),
            "{logo}"
        );
    }
}

#[test]
fn a_workbook_renamed_to_csv_is_named_for_what_it_is() {
    let input = team_csv("renamed", |_| {});
    std::fs::copy("samples/team.xlsx", input.join("medewerkers.csv")).unwrap();
    let o = check(&input);
    assert_refused(
        &o,
        "medewerkers.csv` is geen CSV-bestand maar een werkmap (.xlsx, .ods of .xls) met de naam .csv",
    );
    assert!(!o.stderr.contains("PK"), "{}", o.stderr);
    std::fs::copy("samples/team.xls", input.join("medewerkers.csv")).unwrap();
    assert_refused(&check(&input), "is geen CSV-bestand maar een werkmap");
}

#[test]
fn a_byte_order_mark_inside_a_csv_file_is_dropped() {
    // Two CSV files pasted together: the second's BOM stands before `M013`.
    let input = team_csv("bom", |_| {});
    replace_once(
        &input.join("medewerkers.csv"),
        "\r\nM013;",
        "\r\n\u{feff}M013;",
    );
    // Goals name `M013` without the mark: they still find the employee.
    let o = check(&input);
    assert_eq!(o.code, Some(0), "{}", o.stderr);
    assert_eq!(
        common::without_places(&o.stdout),
        common::without_places(&sample_summary())
    );
    assert!(!o.stderr.contains('\u{feff}'), "{}", o.stderr);
}

#[test]
fn a_popdruk_toml_warning_names_the_line_its_key_is_on() {
    let input = team_csv("toml", |_| {});
    let toml = input.parent().unwrap().join("popdruk.toml");
    // `pop` begins the key on line 1: the warning named that line.
    std::fs::write(
        &toml,
        "pop_geldigheid_maanden = 12\nminimum_verbeteracties = 2\n\n# kleur\n\npop = 3\n",
    )
    .unwrap();
    let o = check(&input);
    assert_eq!(o.code, Some(0), "{}", o.stderr);
    assert!(
        o.stderr.contains(&format!(
            "waarschuwing: onbekende instelling `pop` wordt genegeerd\n  --> {}, rij 6\n",
            toml.display()
        )),
        "{}",
        o.stderr
    );
}

#[test]
fn notes_of_one_kind_are_counted_on_one_line_not_printed_16367_times() {
    // Excel's widest sheet: 17 known columns and 16,367 more.
    let input = team_csv("wide", |_| {});
    let file = input.join("medewerkers.csv");
    let text = std::fs::read_to_string(&file).unwrap();
    let (header, rest) = text.split_once("\r\n").unwrap();
    assert_eq!(header.split(';').count(), 17);
    let extra: Vec<String> = (0..16_367).map(|i| format!("x{i}")).collect();
    std::fs::write(&file, format!("{header};{}\r\n{rest}", extra.join(";"))).unwrap();
    let before = common::files_under(input.parent().unwrap());
    let check_with = |more: &[&str]| {
        let mut args = vec!["check", input.to_str().unwrap(), "--date", "2026-11-29"];
        args.extend(more);
        let o = run(&args);
        assert_eq!(o.code, Some(0), "{more:?}: {}", o.stderr);
        o
    };
    let place = |l: &str, a: usize, b: usize| {
        let col = |i: usize, letter: &str| {
            format!(
                "{l} 1, {} `x{i}` ({letter})",
                if l == "rij" { "kolom" } else { "column" }
            )
        };
        let letters = ["R", "S", "T", "U", "V", "W", "X", "Y"];
        format!(
            "{}; {}; {}; …",
            col(a, letters[a]),
            col(a + 1, letters[a + 1]),
            col(b, letters[b])
        )
    };
    // Quiet: one line for the kind, with its number and first three places.
    let o = check_with(&["-q"]);
    assert_eq!(
        o.stderr,
        format!(
            "opmerking: 16367 keer: kolom `…` is onbekend en wordt genegeerd  --> {}, {}\n\n",
            file.display(),
            place("rij", 0, 2)
        )
    );
    let o = check_with(&["-q", "--lang", "en"]);
    assert_eq!(
        o.stderr,
        format!(
            "note: 16367 times: column `…` is unknown and is ignored  --> {}, {}\n\n",
            file.display(),
            place("row", 0, 2)
        )
    );
    // Without -q: the first five in full, the others counted.
    let o = check_with(&[]);
    assert_eq!(o.stderr.matches("opmerking: ").count(), 6, "{}", o.stderr);
    assert!(
        o.stderr
            .contains("opmerking: kolom `x4` is onbekend en wordt genegeerd\n  --> "),
        "{}",
        o.stderr
    );
    assert!(
        o.stderr.contains(&format!(
            "opmerking: nog 16362 keer: kolom `…` is onbekend en wordt genegeerd  --> {}, {}\n",
            file.display(),
            place("rij", 5, 7)
        )),
        "{}",
        o.stderr
    );
    assert!(
        o.stderr.ends_with("geen fouten of waarschuwingen\n"),
        "{}",
        o.stderr
    );
    // -v: every one.
    let o = check_with(&["-v"]);
    assert_eq!(o.stderr.matches("opmerking: kolom `x").count(), 16_367);
    assert_eq!(common::files_under(input.parent().unwrap()), before);
}

#[test]
fn an_output_folder_that_is_in_or_around_the_csv_folder_is_refused_naming_both() {
    let input = team_csv("overlap", |_| {});
    let base = input.parent().unwrap().to_path_buf();
    let real = |p: &Path| std::fs::canonicalize(p).unwrap().display().to_string();
    let csv = real(&input);
    let before = common::files_under(&base);
    for (out, nl, en) in [
        (input.clone(), "is de CSV-map", "is the CSV folder"),
        (
            input.join("pdf"),
            "ligt in de CSV-map",
            "is inside the CSV folder",
        ),
        (base.clone(), "bevat de CSV-map", "contains the CSV folder"),
    ] {
        let shown = if out.exists() {
            real(&out)
        } else {
            format!("{csv}/pdf")
        };
        let o = build_into(&input, &out, &[]);
        assert_refused(
            &o,
            &format!(
                "de uitvoermap `{shown}` {nl} die gelezen wordt (`{csv}`): kies met -o een map ernaast, bv. `{csv}-pdf`"
            ),
        );
        let o = build_into(&input, &out, &["--lang", "en"]);
        assert_eq!(o.code, Some(2));
        assert_eq!(
            o.stderr,
            format!(
                "error: the output folder `{shown}` {en} being read (`{csv}`): choose a folder beside it with -o, e.g. `{csv}-pdf`\n"
            )
        );
        assert_eq!(common::files_under(&base), before, "{}", out.display());
    }
    // Named through `..` and `.`, from inside the folder.
    let o = run_in(
        &input,
        &["build", ".", "-o", "../team-csv/.", "--date", "2026-11-29"],
    );
    assert_refused(&o, "is de CSV-map die gelezen wordt");
    assert_eq!(common::files_under(&base), before);
    // `build .` inside the CSV folder writes beside it, as from the folder above.
    let o = run_in(&input, &["build", ".", "--date", "2026-11-29"]);
    assert_eq!(o.code, Some(0), "{}", o.stderr);
    let out = base.join("team-csv-pdf");
    assert_eq!(common::files_under(&out).len(), files_counted(&o.stderr));
    let after = common::files_under(&base);
    assert_eq!(after.len(), before.len() + files_counted(&o.stderr));
    assert!(
        after
            .iter()
            .all(|f| f.starts_with(&out) || before.contains(f))
    );
    // A workbook given as the output folder.
    let dir = temp_dir("overlap-xlsx");
    let book = dir.join("team.xlsx");
    std::fs::copy("samples/team.xlsx", &book).unwrap();
    let o = build_into(&book, &book, &[]);
    assert_refused(
        &o,
        &format!(
            "de uitvoermap `{}` is de werkmap zelf: kies met -o een map",
            real(&book)
        ),
    );
    assert_eq!(common::files_under(&dir), std::slice::from_ref(&book));
    // A workbook named like a document, in the output folder: the document is not written
    // over it, and the build says why.
    let named = dir.join("teammatrix-Buitenploeg.pdf");
    std::fs::rename(&book, &named).unwrap();
    let o = build_into(&named, &dir, &["--only", "teammatrix"]);
    assert_build_refused(
        &o,
        &format!(
            "popdruk schrijft `{}` niet: dat is de werkmap die gelezen wordt; kies met -o een andere map",
            dir.join("teammatrix-Buitenploeg.pdf").display()
        ),
    );
    assert_eq!(
        std::fs::read(&named).unwrap(),
        std::fs::read("samples/team.xlsx").unwrap()
    );
    let left: Vec<PathBuf> = common::files_under(&dir)
        .into_iter()
        .filter(|f| *f != named)
        .collect();
    assert!(
        left.iter()
            .all(|f| f.file_name().unwrap() == "teammatrix-Logistiek.pdf"),
        "{left:?}"
    );
}

#[test]
fn a_serial_date_past_the_year_9999_is_an_error_not_31_12_9999() {
    let date = Format::new().set_num_format("dd/mm/yyyy");
    for (serial, shown) in [
        (1e308, "`1e308` is geen datum"),
        (2_958_466.0, "`2958466` is geen datum"),
    ] {
        let bytes = team_xlsx(
            |_| 0,
            |name, ws| {
                if name == "Medewerkers" {
                    // M005's `In dienst` (row 6, column F).
                    ws.write_number_with_format(5, 5, serial, &date)?;
                }
                Ok(())
            },
            |_| Ok(()),
        );
        let dir = temp_dir("serial");
        let o = check(&write(&dir, "team.xlsx", &bytes));
        assert_eq!(o.code, Some(1), "{}", o.stderr);
        assert!(o.stderr.contains(&format!("fout: {shown}")), "{}", o.stderr);
        assert!(
            o.stderr
                .contains("blad `Medewerkers`, rij 6, kolom `In dienst` (F)"),
            "{}",
            o.stderr
        );
        assert!(!o.stderr.contains("9999"), "{}", o.stderr);
    }
}

#[test]
fn a_date_outside_1900_to_2100_is_an_error_and_a_hire_after_the_date_a_warning() {
    let input = team_csv("years", |t| {
        set(t, "Medewerkers", "M003", "In dienst", "03/05/2062");
        set(t, "Medewerkers", "M004", "Uit dienst", "14/10/2191");
    });
    let o = check(&input);
    assert_eq!(o.code, Some(1), "{}", o.stderr);
    assert!(
        o.stderr.contains(
            "fout: `14/10/2191` ligt niet tussen 1900 en 2100: is het jaartal een tikfout?\n  --> "
        ),
        "{}",
        o.stderr
    );
    assert!(
        o.stderr
            .contains("medewerkers.csv, rij 5, kolom `Uit dienst` (G)"),
        "{}",
        o.stderr
    );
    // Within the years, but after the date of the run: the employee is in no document.
    build_warns_of_the_hire_in_2062(&input);
}

/// The M003 of `input` (hired in 2062) is named in a warning, and the build goes on.
fn build_warns_of_the_hire_in_2062(input: &Path) {
    replace_once(&input.join("medewerkers.csv"), "14/10/2191", "");
    let out = input.parent().unwrap().join("uit");
    let o = build_into(input, &out, &["--only", "pop"]);
    assert_eq!(o.code, Some(0), "{}", o.stderr);
    assert!(
        o.stderr.contains(
            "waarschuwing: `M003` (Ayşe Yılmaz) komt pas in dienst op 03/05/2062, na 29/11/2026: geen documenten voor deze medewerker\n  --> "
        ),
        "{}",
        o.stderr
    );
    assert!(
        o.stderr
            .contains("medewerkers.csv, rij 4, kolom `In dienst` (F)"),
        "{}",
        o.stderr
    );
    assert!(!out.join("M003-Yılmaz-Ayşe").exists());
}

/// Asserts a tool failure (exit 2) of a build, after the data's tally, whose one
/// sentence contains `phrase`.
fn assert_build_refused(o: &Outcome, phrase: &str) {
    assert_eq!(o.code, Some(2), "{}", o.stderr);
    let line = o.stderr.lines().find(|l| l.starts_with("fout: "));
    assert!(
        line.is_some_and(|l| l.contains(phrase)),
        "expected {phrase:?} in\n{}",
        o.stderr
    );
}

/// Builds the sample team's blank preparation form with `voorbereiding.tera` replaced by
/// `template` (`--templates`).
fn build_with_template(name: &str, template: &[u8]) -> Outcome {
    let dir = temp_dir(name);
    let templates = dir.join("sjablonen");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(templates.join("voorbereiding.tera"), template).unwrap();
    let out = dir.join("uit");
    build_into(
        Path::new("samples/team.xlsx"),
        &out,
        &[
            "--only",
            "voorbereiding",
            "--employee",
            "M003",
            "--templates",
            templates.to_str().unwrap(),
        ],
    )
}

/// A document of `body`, as a template.
fn document(body: &str) -> Vec<u8> {
    format!(r#"<document title="x" lang="nl-BE">{body}</document>"#).into_bytes()
}

#[test]
fn a_template_of_50000_nested_tags_is_refused_without_overflowing_the_stack() {
    let o = build_with_template(
        "deep",
        &document(&format!(
            "<p>{}x{}</p>",
            "<b>".repeat(50_000),
            "</b>".repeat(50_000)
        )),
    );
    assert_build_refused(
        &o,
        "sjabloon `voorbereiding.tera` maakte opmaak die niet te lezen is voor `M003`",
    );
    assert!(
        o.stderr.contains("elementen zijn meer dan 48 diep genest"),
        "{}",
        o.stderr
    );
}

/// A mistake in a template the user wrote is reported in the run's language and quotes the
/// template line that made it, not only a position in the markup it made.
#[test]
fn a_markup_error_quotes_the_template_line_in_the_readers_language() {
    let template = "<document title=\"x\" lang=\"nl-BE\">\n\
        <section>\n\
        <h1>Voorbereiding</h1>\n\
        <p align=\"links\">Welkom</p>\n\
        </section>\n\
        </document>\n";
    let o = build_with_template("markup-line", template.as_bytes());
    assert_build_refused(
        &o,
        "sjabloon `voorbereiding.tera` maakte opmaak die niet te lezen is voor `M003`: \
         ongeldige waarde `links` voor `align` bij `<p>`",
    );
    assert!(
        o.stderr
            .contains("--> voorbereiding.tera, regel 4: <p align=\"links\">Welkom</p>"),
        "{}",
        o.stderr
    );
    // The same in English.
    let dir = temp_dir("markup-line-en");
    let templates = dir.join("templates");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(templates.join("voorbereiding.tera"), template).unwrap();
    let o = build_into(
        Path::new("samples/team.xlsx"),
        &dir.join("out"),
        &[
            "--lang",
            "en",
            "--only",
            "voorbereiding",
            "--employee",
            "M003",
            "--templates",
            templates.to_str().unwrap(),
        ],
    );
    assert_eq!(o.code, Some(2), "{}", o.stderr);
    assert!(
        o.stderr.contains(
            "error: voorbereiding.tera made markup that cannot be read for `M003`: \
             invalid value `links` for `align` on `<p>`"
        ) && o
            .stderr
            .contains("--> voorbereiding.tera, line 4: <p align=\"links\">Welkom</p>"),
        "{}",
        o.stderr
    );
    assert!(!o.stderr.contains("ongeldige"), "{}", o.stderr);
}

#[test]
fn counts_and_sizes_a_template_asks_for_are_bounded_with_a_message_naming_it() {
    for (name, template, phrase) in [
        (
            "lines",
            document(r#"<lines count="10000000"/>"#),
            "ongeldige waarde `10000000` voor `count` bij `<lines>`",
        ),
        (
            "loops",
            document(
                "{% for a in range(end=100000) %}{% for b in range(end=100000) %}{% endfor %}{% endfor %}",
            ),
            "`range` zou meer dan 1000000 getallen tellen in één document",
        ),
        (
            "output",
            document(&format!(
                "{{% for a in range(end=50000) %}}{{% for b in range(end=10) %}}<p>{}</p>{{% endfor %}}{{% endfor %}}",
                "x".repeat(1_000)
            )),
            "het sjabloon maakt meer dan 64 MB opmaak voor één document",
        ),
    ] {
        let o = within(120, || build_with_template(name, &template));
        assert_build_refused(&o, "voorbereiding.tera");
        assert!(o.stderr.contains(phrase), "{name}: {}", o.stderr);
    }
    // A 180 MB template is not read at all.
    let mut huge = document("");
    huge.resize(180 << 20, b' ');
    let o = build_with_template("huge", &huge);
    assert_build_refused(&o, "kan sjabloon `");
    assert!(
        o.stderr
            .contains("voorbereiding.tera` niet gebruiken: het is groter dan 1 MB (180,0 MB)"),
        "{}",
        o.stderr
    );
}
