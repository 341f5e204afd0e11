//! Writes sheets as an `.xlsx` workbook with rust_xlsxwriter: a bold, frozen header row,
//! real date cells shown as `dd/mm/yyyy`, column widths that fit the content, and a fixed
//! creation date so that the same sheets always give the same bytes.

use std::io;
use std::path::Path;

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Formula, Workbook, XlsxError};

use super::{Sheet, Value, column_width};

/// Write `sheets` to `path` as an `.xlsx` workbook.
pub fn write_xlsx(path: &Path, sheets: &[Sheet]) -> io::Result<()> {
    std::fs::write(path, xlsx_bytes(sheets)?)
}

/// The bytes of an `.xlsx` workbook holding `sheets`.
pub fn xlsx_bytes(sheets: &[Sheet]) -> io::Result<Vec<u8>> {
    build(sheets).map_err(io::Error::other)
}

fn build(sheets: &[Sheet]) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let created = ExcelDateTime::from_ymd(2026, 1, 1)?;
    workbook.set_properties(
        &DocProperties::new()
            .set_author("popdruk")
            .set_creation_datetime(&created),
    );
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    for sheet in sheets {
        let ws = workbook.add_worksheet();
        ws.set_name(&sheet.name)?;
        for (col, header) in (0..).zip(&sheet.headers) {
            ws.write_string_with_format(0, col, header, &bold)?;
        }
        for (row, values) in (1..).zip(&sheet.rows) {
            for (col, value) in (0..).zip(values) {
                match value {
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
                        ws.write_datetime_with_format(row, col, excel_date(*d)?, &date)?;
                    }
                    Value::Formula { formula, cached } => {
                        ws.write_formula(row, col, Formula::new(formula).set_result(cached))?;
                    }
                }
            }
        }
        ws.set_freeze_panes(1, 0)?;
        for (col, chars) in (0..).zip(sheet.column_chars()) {
            ws.set_column_width(col, column_width(chars) as f64)?;
        }
    }
    workbook.save_to_buffer()
}

fn excel_date(d: chrono::NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    use chrono::Datelike;
    // Years outside 1900..=9999 are rejected by from_ymd itself.
    let year = u16::try_from(d.year()).unwrap_or(0);
    ExcelDateTime::from_ymd(year, d.month() as u8, d.day() as u8)
}
