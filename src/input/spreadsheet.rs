//! Spreadsheet files (xlsx, xlsm, ods, xls) through calamine.

use std::collections::BTreeMap;
use std::io::Cursor;
use std::path::Path;

use calamine::{Data, DataRef, Ods, Reader, Xls, Xlsx, XlsxError};
use chrono::NaiveDate;

use super::limits::{self, Budget, Limit};
use super::{Cell, InputError, Table, table_from_rows, text_cell, xls};

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const CFB_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Reads every sheet of a workbook file.
pub(super) fn read(path: &Path) -> Result<Vec<Table>, InputError> {
    read_bytes(path, &limits::read_file(path)?)
}

/// Reads every sheet of a workbook already in memory; `path` names it in messages.
///
/// calamine asserts on some damaged files instead of returning an error (the fuzzer found
/// an OLE file whose sector table it cannot read): such a panic is caught here and reported
/// as a damaged file, without the panic's own message on the terminal.
pub(super) fn read_bytes(path: &Path, bytes: &[u8]) -> Result<Vec<Table>, InputError> {
    thread_local! {
        static GUARDED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    // One hook for the process, wrapping the one before: silent only on a thread that is
    // reading a workbook, so every other panic is reported as usual.
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let before = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !GUARDED.with(std::cell::Cell::get) {
                before(info);
            }
        }));
    });
    GUARDED.with(|g| g.set(true));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        read_bytes_unguarded(path, bytes)
    }));
    GUARDED.with(|g| g.set(false));
    result.unwrap_or_else(|_| {
        Err(InputError::Damaged(
            path.to_path_buf(),
            "the spreadsheet reader stopped on data it does not understand".into(),
        ))
    })
}

fn read_bytes_unguarded(path: &Path, bytes: &[u8]) -> Result<Vec<Table>, InputError> {
    let mut budget = Budget::default();
    if bytes.is_empty() {
        return Err(InputError::Empty(path.to_path_buf()));
    }
    let damaged =
        |e: &dyn std::fmt::Display| InputError::Damaged(path.to_path_buf(), e.to_string());
    if bytes.starts_with(CFB_MAGIC) {
        // An OLE file is either an old .xls or an encrypted (password) xlsx. calamine reads
        // its compound-file structure first of all (looking for a password), so that is
        // measured before anything else, as calamine reads it.
        let stream = xls::workbook_stream(bytes, path)?;
        // calamine then tries the bytes as a zip package, which a damaged file may hold.
        if zip::ZipArchive::new(Cursor::new(bytes)).is_ok() {
            limits::check_package(bytes, path)?;
        }
        match Xlsx::new(Cursor::new(bytes)) {
            Err(XlsxError::Password) => return Err(InputError::Password(path.to_path_buf())),
            Ok(mut wb) => return xlsx_sheets(&mut wb, path, &mut budget),
            Err(_) => {}
        }
        if let Some(stream) = &stream {
            xls::check_grid(stream, path)?;
        }
        let mut wb = Xls::new(Cursor::new(bytes)).map_err(|e| match e {
            calamine::XlsError::Password => InputError::Password(path.to_path_buf()),
            e => damaged(&e),
        })?;
        return sheets(&mut wb, path, &mut budget);
    }
    if !bytes.starts_with(ZIP_MAGIC) {
        return Err(InputError::NotAWorkbook(path.to_path_buf()));
    }
    // Before a reader unpacks anything: a zip bomb is refused by the sizes it declares.
    limits::check_package(bytes, path)?;
    if is_ods_package(bytes) {
        limits::check_ods_grid(bytes, path)?;
        let mut wb = Ods::new(Cursor::new(bytes)).map_err(|e| match e {
            calamine::OdsError::Password => InputError::Password(path.to_path_buf()),
            e => damaged(&e),
        })?;
        sheets(&mut wb, path, &mut budget)
    } else {
        let mut wb = Xlsx::new(Cursor::new(bytes)).map_err(|e| match e {
            XlsxError::Password => InputError::Password(path.to_path_buf()),
            e => damaged(&e),
        })?;
        xlsx_sheets(&mut wb, path, &mut budget)
    }
}

/// Reads the sheets of an xlsx workbook cell by cell. calamine's own `worksheet_range`
/// makes a dense grid from the first to the last cell, so a file with one value in `A1`
/// and one in `XFD1048576` would ask for 17 billion cells; here only the cells that hold
/// something are kept, then each row is laid out up to its last value.
fn xlsx_sheets<R: std::io::Read + std::io::Seek>(
    wb: &mut Xlsx<R>,
    path: &Path,
    budget: &mut Budget,
) -> Result<Vec<Table>, InputError> {
    let damaged =
        |e: &dyn std::fmt::Display| InputError::Damaged(path.to_path_buf(), e.to_string());
    let names = wb.sheet_names();
    let mut tables = Vec::with_capacity(names.len());
    for name in names {
        let mut reader = match wb.worksheet_cells_reader(&name) {
            Ok(r) => r,
            // A chart sheet holds no cells.
            Err(XlsxError::NotAWorksheet(_)) => {
                tables.push(table_from_rows(name, path, true, [], budget)?);
                continue;
            }
            Err(e) => return Err(damaged(&e)),
        };
        let mut rows: BTreeMap<u32, Vec<(u32, Cell)>> = BTreeMap::new();
        let mut sparse = Budget::default();
        while let Some(c) = reader.next_cell().map_err(|e| damaged(&e))? {
            if matches!(c.get_value(), DataRef::Empty) {
                continue;
            }
            let (row, col) = c.get_position();
            if col >= limits::MAX_COLUMNS {
                return Err(InputError::TooLarge(
                    path.to_path_buf(),
                    Limit::Column {
                        sheet: name,
                        column: u64::from(col) + 1,
                    },
                ));
            }
            let value = cell(&Data::from(c.get_value().clone()));
            let text = match &value {
                Cell::Empty => continue,
                Cell::Text(s) | Cell::Error(s) => s.len(),
                _ => 0,
            };
            sparse.spend(path, &name, 1, text)?;
            rows.entry(row).or_default().push((col, value));
        }
        drop(reader);
        let rows = rows.into_iter().map(|(row, cells)| {
            let width = cells
                .iter()
                .map(|(c, _)| *c as usize + 1)
                .max()
                .unwrap_or(0);
            let mut dense = vec![Cell::Empty; width];
            for (col, value) in cells {
                dense[col as usize] = value;
            }
            (row + 1, dense)
        });
        tables.push(table_from_rows(name.clone(), path, true, rows, budget)?);
    }
    Ok(tables)
}

/// An OpenDocument package names its type in a first, uncompressed `mimetype` entry.
fn is_ods_package(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(200)];
    head.windows(b"opendocument".len())
        .any(|w| w == b"opendocument")
}

fn sheets<R, W>(wb: &mut W, path: &Path, budget: &mut Budget) -> Result<Vec<Table>, InputError>
where
    R: std::io::Read + std::io::Seek,
    W: Reader<R>,
    W::Error: std::fmt::Display,
{
    let names = wb.sheet_names();
    let mut tables = Vec::with_capacity(names.len());
    for name in names {
        let range = wb
            .worksheet_range(&name)
            .map_err(|e| InputError::Damaged(path.to_path_buf(), e.to_string()))?;
        let (row0, col0) = range.start().unwrap_or((0, 0));
        let rows = range.rows().enumerate().map(|(i, r)| {
            // Pad on the left when the sheet's used range does not start in column A, so
            // column positions match what the user sees.
            let mut cells = vec![Cell::Empty; col0 as usize];
            cells.extend(r.iter().map(cell));
            (row0 + i as u32 + 1, cells)
        });
        tables.push(table_from_rows(name.clone(), path, true, rows, budget)?);
    }
    Ok(tables)
}

fn cell(d: &Data) -> Cell {
    match d {
        Data::Empty => Cell::Empty,
        Data::String(s) => text_cell(s),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Bool(*b),
        // calamine turns any serial past 31/12/9999 into that day: keep the number, which
        // the model then refuses as no date.
        Data::DateTime(dt) if dt.is_datetime() && (1.0..2_958_466.0).contains(&dt.as_f64()) => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            NaiveDate::from_ymd_opt(y.into(), m.into(), d.into())
                .map(Cell::Date)
                .unwrap_or(Cell::Number(dt.as_f64()))
        }
        Data::DateTime(dt) => Cell::Number(dt.as_f64()),
        Data::DateTimeIso(s) => iso_date(s).map(Cell::Date).unwrap_or_else(|| text_cell(s)),
        Data::DurationIso(s) => text_cell(s),
        Data::Error(e) => Cell::Error(e.to_string()),
    }
}

/// Reads the date part of an ISO 8601 date or date-time (`2026-02-17T00:00:00`).
fn iso_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()
}
