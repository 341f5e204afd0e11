//! Writes sheets as an `.xlsx` workbook with rust_xlsxwriter: a bold, frozen header row,
//! real date cells shown as `dd/mm/yyyy`, column widths that fit the content, and a fixed
//! creation date so that the same sheets always give the same bytes. Guided sheets (the
//! starter workbook) add what a person filling them in needs: column formats, greyed
//! example rows, drop-down lists and input messages.

use std::io;
use std::path::Path;

use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, DocProperties, ExcelDateTime, Format, Formula,
    Workbook, Worksheet, XlsxError,
};

use super::{Sheet, Value, column_width};

/// How the cells of a guided column are shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ColumnFormat {
    /// As typed.
    #[default]
    General,
    /// A date, shown `dd/mm/yyyy`.
    Date,
    /// A decimal number such as an FTE, shown with one or two decimals (`0,8`, `0,75`) in
    /// the reader's own decimal sign.
    Decimal,
    /// Text wrapped within the column's width.
    Wrap,
}

/// How a data row of a guided sheet looks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RowLook {
    /// Like any data.
    #[default]
    Plain,
    /// Grey and italic: an example to copy, not data.
    Example,
    /// Bold: a heading in a sheet of explanations.
    Heading,
}

/// The values a drop-down list offers.
#[derive(Clone, Debug, PartialEq)]
pub enum List {
    /// These values.
    Values(Vec<String>),
    /// The cells of a range, as a formula (`=Medewerkers!$A$2:$A$500`).
    Range(String),
}

/// A data validation on a block of cells: a drop-down list, an input message or both.
#[derive(Clone, Debug, PartialEq)]
pub struct Rule {
    /// First and last row (0-based; row 0 is the header).
    pub rows: (u32, u32),
    /// The column (0-based).
    pub column: u16,
    /// The drop-down list, if any.
    pub list: Option<List>,
    /// Title (at most 32 characters) and sentence shown when a cell is selected.
    pub input: Option<(String, String)>,
    /// Title and sentence of the warning for a value outside the list; the person may
    /// keep it, because popdruk reads more spellings than a list can show.
    pub warning: Option<(String, String)>,
}

/// A sheet with what a person needs to fill it in.
#[derive(Clone, Debug, PartialEq)]
pub struct GuidedSheet {
    /// The sheet's name, headers and rows.
    pub sheet: Sheet,
    /// Width of each column in characters.
    pub widths: Vec<f64>,
    /// Format of each column.
    pub formats: Vec<ColumnFormat>,
    /// Look of each data row; rows beyond this list are plain.
    pub looks: Vec<RowLook>,
    /// Drop-down lists and input messages.
    pub rules: Vec<Rule>,
    /// Whether the header row stays in view while scrolling.
    pub freeze_header: bool,
    /// Whether the sheet prints scaled to the width of one page (a sheet of text).
    pub fit_page_width: bool,
}

/// The bytes of an `.xlsx` workbook holding guided sheets, in order.
pub fn guided_xlsx_bytes(sheets: &[GuidedSheet]) -> io::Result<Vec<u8>> {
    build_guided(sheets).map_err(io::Error::other)
}

/// Write `sheets` to `path` as an `.xlsx` workbook.
pub fn write_xlsx(path: &Path, sheets: &[Sheet]) -> io::Result<()> {
    std::fs::write(path, xlsx_bytes(sheets)?)
}

/// The bytes of an `.xlsx` workbook holding `sheets`.
pub fn xlsx_bytes(sheets: &[Sheet]) -> io::Result<Vec<u8>> {
    build(sheets).map_err(io::Error::other)
}

fn new_workbook() -> Result<Workbook, XlsxError> {
    let mut workbook = Workbook::new();
    let created = ExcelDateTime::from_ymd(2026, 1, 1)?;
    workbook.set_properties(
        &DocProperties::new()
            .set_author("popdruk")
            .set_creation_datetime(&created),
    );
    Ok(workbook)
}

fn build(sheets: &[Sheet]) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = new_workbook()?;
    for sheet in sheets {
        let ws = workbook.add_worksheet();
        write_cells(ws, sheet, |_, _| Format::new())?;
        ws.set_freeze_panes(1, 0)?;
        for (col, chars) in (0..).zip(sheet.column_chars()) {
            ws.set_column_width(col, column_width(chars) as f64)?;
        }
    }
    workbook.save_to_buffer()
}

fn build_guided(sheets: &[GuidedSheet]) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = new_workbook()?;
    for guided in sheets {
        let ws = workbook.add_worksheet();
        let format_of = |col: usize| guided.formats.get(col).copied().unwrap_or_default();
        write_cells(ws, &guided.sheet, |row, col| {
            let look = guided.looks.get(row).copied().unwrap_or_default();
            styled(column_format(format_of(col)), look)
        })?;
        if guided.freeze_header {
            ws.set_freeze_panes(1, 0)?;
        }
        if guided.fit_page_width {
            ws.set_print_fit_to_pages(1, 0);
        }
        for (row, lines) in (1..).zip(wrapped_lines(guided)) {
            // Spreadsheets do not grow a row for wrapped text they did not lay out
            // themselves, so the height is set from an estimate of the line count.
            if lines > 1 {
                ws.set_row_height(row, 15.0 * lines as f64)?;
            }
        }
        for (col, width) in (0..).zip(&guided.widths) {
            ws.set_column_width(col, *width)?;
            let format = column_format(format_of(usize::from(col)));
            if format != Format::new() {
                // So that what people type later in the column is shown the same way.
                ws.set_column_format(col, &format)?;
            }
        }
        for rule in &guided.rules {
            ws.add_data_validation(
                rule.rows.0,
                rule.column,
                rule.rows.1,
                rule.column,
                &validation(rule)?,
            )?;
        }
    }
    workbook.save_to_buffer()
}

/// The number of lines each data row needs for its wrapped cells, estimating one character
/// per width unit.
fn wrapped_lines(guided: &GuidedSheet) -> Vec<usize> {
    guided
        .sheet
        .rows
        .iter()
        .map(|row| {
            row.iter()
                .enumerate()
                .filter(|(col, _)| guided.formats.get(*col) == Some(&ColumnFormat::Wrap))
                .map(|(col, value)| {
                    let width = guided.widths.get(col).copied().unwrap_or(8.0).max(1.0);
                    (value.display(true).chars().count() as f64 / width).ceil() as usize
                })
                .max()
                .unwrap_or(1)
        })
        .collect()
}

/// Writes the bold header and the rows; `format(row, col)` styles data cells (row 0-based
/// among the data rows), and dates get `dd/mm/yyyy` on top of it.
fn write_cells(
    ws: &mut Worksheet,
    sheet: &Sheet,
    format: impl Fn(usize, usize) -> Format,
) -> Result<(), XlsxError> {
    ws.set_name(&sheet.name)?;
    let bold = Format::new().set_bold();
    for (col, header) in (0..).zip(&sheet.headers) {
        ws.write_string_with_format(0, col, header, &bold)?;
    }
    for (row, values) in (1..).zip(&sheet.rows) {
        for (col, value) in (0..).zip(values) {
            let f = format(row as usize - 1, usize::from(col));
            match value {
                Value::Empty if f == Format::new() => {}
                Value::Empty => {
                    ws.write_blank(row, col, &f)?;
                }
                Value::Text(s) => {
                    ws.write_string_with_format(row, col, s, &f)?;
                }
                Value::Int(i) => {
                    ws.write_number_with_format(row, col, *i as f64, &f)?;
                }
                Value::Number(n) => {
                    ws.write_number_with_format(row, col, *n, &f)?;
                }
                Value::Date(d) => {
                    let f = f.set_num_format(DATE);
                    ws.write_datetime_with_format(row, col, excel_date(*d)?, &f)?;
                }
                Value::Formula { formula, cached } => {
                    ws.write_formula_with_format(
                        row,
                        col,
                        Formula::new(formula).set_result(cached),
                        &f,
                    )?;
                }
            }
        }
    }
    Ok(())
}

/// The date format of every workbook popdruk writes, as Belgians write dates.
const DATE: &str = "dd/mm/yyyy";

fn column_format(format: ColumnFormat) -> Format {
    match format {
        ColumnFormat::General => Format::new(),
        ColumnFormat::Date => Format::new().set_num_format(DATE),
        // Format codes are stored with a decimal point; Excel and LibreOffice show it as
        // the reader's decimal sign, a comma in Belgium. A literal `0,0` would be read as a
        // thousands separator.
        ColumnFormat::Decimal => Format::new().set_num_format("0.0#"),
        ColumnFormat::Wrap => Format::new()
            .set_text_wrap()
            .set_align(rust_xlsxwriter::FormatAlign::Top),
    }
}

fn styled(format: Format, look: RowLook) -> Format {
    match look {
        RowLook::Plain => format,
        RowLook::Example => format.set_italic().set_font_color(Color::RGB(0x80_80_80)),
        RowLook::Heading => format.set_bold(),
    }
}

fn validation(rule: &Rule) -> Result<DataValidation, XlsxError> {
    let mut v = match &rule.list {
        Some(List::Values(values)) => DataValidation::new().allow_list_strings(values)?,
        Some(List::Range(range)) => DataValidation::new().allow_list_formula(Formula::new(range)),
        None => DataValidation::new().allow_any_value(),
    };
    if let Some((title, message)) = &rule.input {
        v = v.set_input_title(title)?.set_input_message(message)?;
    }
    if let Some((title, message)) = &rule.warning {
        v = v
            .set_error_style(DataValidationErrorStyle::Warning)
            .set_error_title(title)?
            .set_error_message(message)?;
    }
    Ok(v)
}

fn excel_date(d: chrono::NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    use chrono::Datelike;
    // Years outside 1900..=9999 are rejected by from_ymd itself.
    let year = u16::try_from(d.year()).unwrap_or(0);
    ExcelDateTime::from_ymd(year, d.month() as u8, d.day() as u8)
}
