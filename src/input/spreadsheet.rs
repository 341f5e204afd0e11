//! Spreadsheet files (xlsx, xlsm, ods, xls) through calamine.

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Ods, Reader, Xls, Xlsx, XlsxError};
use chrono::NaiveDate;

use super::{Cell, InputError, Table, table_from_rows, text_cell};

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const CFB_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Reads every sheet of a workbook file.
pub(super) fn read(path: &Path) -> Result<Vec<Table>, InputError> {
    let bytes = std::fs::read(path).map_err(|e| InputError::Io(path.to_path_buf(), e))?;
    if bytes.is_empty() {
        return Err(InputError::Empty(path.to_path_buf()));
    }
    let damaged =
        |e: &dyn std::fmt::Display| InputError::Damaged(path.to_path_buf(), e.to_string());
    if bytes.starts_with(CFB_MAGIC) {
        // An OLE file is either an old .xls or an encrypted (password) xlsx.
        match Xlsx::new(Cursor::new(&bytes)) {
            Err(XlsxError::Password) => return Err(InputError::Password(path.to_path_buf())),
            Ok(mut wb) => return sheets(&mut wb, path),
            Err(_) => {}
        }
        let mut wb = Xls::new(Cursor::new(&bytes)).map_err(|e| match e {
            calamine::XlsError::Password => InputError::Password(path.to_path_buf()),
            e => damaged(&e),
        })?;
        return sheets(&mut wb, path);
    }
    if !bytes.starts_with(ZIP_MAGIC) {
        return Err(InputError::NotAWorkbook(path.to_path_buf()));
    }
    let is_ods = is_ods_package(&bytes);
    if is_ods {
        let mut wb = Ods::new(Cursor::new(&bytes)).map_err(|e| match e {
            calamine::OdsError::Password => InputError::Password(path.to_path_buf()),
            e => damaged(&e),
        })?;
        sheets(&mut wb, path)
    } else {
        let mut wb = Xlsx::new(Cursor::new(&bytes)).map_err(|e| match e {
            XlsxError::Password => InputError::Password(path.to_path_buf()),
            e => damaged(&e),
        })?;
        sheets(&mut wb, path)
    }
}

/// An OpenDocument package names its type in a first, uncompressed `mimetype` entry.
fn is_ods_package(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(200)];
    head.windows(b"opendocument".len())
        .any(|w| w == b"opendocument")
}

fn sheets<R, W>(wb: &mut W, path: &Path) -> Result<Vec<Table>, InputError>
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
        tables.push(table_from_rows(name.clone(), path, true, rows));
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
        Data::DateTime(dt) if dt.is_datetime() => {
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
