//! Reading a workbook or a folder of CSV files into raw tables with cell positions.
//!
//! This stage owns calamine and csv and nothing else imports them. It does not interpret
//! values (a date stays text until the model reads it) and does not know the sheet schema:
//! it only finds each sheet's header row, keeps every non-empty row with the number a user
//! sees in Excel (or the line number in a CSV file), and reports files it cannot read.

mod csv_dir;
pub mod limits;
mod spreadsheet;
mod xls;

use std::fmt;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::i18n::{Lang, Tr};

pub use limits::Limit;
use limits::{Budget, megabytes};

/// A cell value as it was read, before the model interprets it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// An empty cell (or one holding only spaces).
    Empty,
    /// Text, trimmed of surrounding white space.
    Text(String),
    /// A number (integers included).
    Number(f64),
    /// A spreadsheet boolean.
    Bool(bool),
    /// A cell the spreadsheet itself formats as a date.
    Date(NaiveDate),
    /// A spreadsheet error value such as `#N/A`.
    Error(String),
}

impl Cell {
    /// Whether the cell holds nothing.
    pub fn is_empty(&self) -> bool {
        matches!(self, Cell::Empty)
    }

    /// The value as a user would see it, for messages.
    pub fn display(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) | Cell::Error(s) => s.clone(),
            Cell::Number(n) => crate::format::format_number(*n),
            Cell::Bool(true) => "WAAR".into(),
            Cell::Bool(false) => "ONWAAR".into(),
            Cell::Date(d) => d.format("%d/%m/%Y").to_string(),
        }
    }
}

/// One data row: its number as the user sees it and its cells, aligned with the headers.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Excel row number (1-based), or the line number in a CSV file.
    pub number: u32,
    /// The cells, one per header column (missing trailing cells are `Empty`).
    pub cells: Vec<Cell>,
}

/// A sheet (or CSV file) as read: its header row and its non-empty data rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The sheet's name as written in the workbook, or the CSV file's stem.
    pub name: String,
    /// The file the table came from, as the user named it.
    pub file: PathBuf,
    /// Whether the table is a spreadsheet sheet (as opposed to a CSV file).
    pub is_sheet: bool,
    /// Row number of the header row.
    pub header_row: u32,
    /// Header texts, in column order (column A first, or the first CSV field).
    pub headers: Vec<String>,
    /// Non-empty rows below the header.
    pub rows: Vec<Row>,
}

/// Every table read from one workbook or CSV folder.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// The workbook file or CSV folder, as the user named it.
    pub path: PathBuf,
    /// The tables, in the order they stand in the workbook (CSV files sorted by name).
    pub tables: Vec<Table>,
}

/// A reason the input could not be read at all.
#[derive(Debug)]
pub enum InputError {
    /// The path does not exist.
    NotFound(PathBuf),
    /// The file or folder could not be read.
    Io(PathBuf, std::io::Error),
    /// The file is empty (0 bytes).
    Empty(PathBuf),
    /// Neither a regular file nor a folder: a device, a pipe or a socket, which could be
    /// read without end or block the run.
    NotAFile(PathBuf),
    /// A `.csv` file that is a workbook (a zip package or an old Excel file) renamed.
    WorkbookAsCsv(PathBuf),
    /// The file is not a spreadsheet popdruk knows.
    NotAWorkbook(PathBuf),
    /// The workbook is protected with a password.
    Password(PathBuf),
    /// The workbook is damaged or truncated.
    Damaged(PathBuf, String),
    /// A folder without any CSV file.
    NoCsv(PathBuf),
    /// The file is larger than popdruk reads (see [`limits`]).
    TooLarge(PathBuf, Limit),
    /// A CSV file opens a quoted field and never closes it.
    UnclosedQuote {
        /// The CSV file.
        path: PathBuf,
        /// The line of the opening quote (1-based).
        line: u32,
        /// Its column in characters (1-based).
        column: u32,
    },
}

impl InputError {
    /// The message in the user's language.
    pub fn message(&self) -> Tr {
        match self {
            InputError::NotFound(p) => Tr::new(
                format!("`{}` bestaat niet", p.display()),
                format!("`{}` does not exist", p.display()),
            ),
            InputError::Io(p, e) => Tr::new(
                format!("kan `{}` niet lezen: {e}", p.display()),
                format!("cannot read `{}`: {e}", p.display()),
            ),
            InputError::Empty(p) => Tr::new(
                format!(
                    "`{}` is leeg (0 bytes): sla de werkmap opnieuw op in Excel",
                    p.display()
                ),
                format!(
                    "`{}` is empty (0 bytes): save the workbook again from Excel",
                    p.display()
                ),
            ),
            InputError::NotAFile(p) => Tr::new(
                format!(
                    "`{}` is geen gewoon bestand of map maar een apparaat, pipe of socket: popdruk leest een werkmap of een map met .csv-bestanden",
                    p.display()
                ),
                format!(
                    "`{}` is not a regular file or folder but a device, pipe or socket: popdruk reads a workbook or a folder of .csv files",
                    p.display()
                ),
            ),
            InputError::WorkbookAsCsv(p) => Tr::new(
                format!(
                    "`{}` is geen CSV-bestand maar een werkmap (.xlsx, .ods of .xls) met de naam .csv: geef de werkmap zelf aan popdruk met haar eigen extensie, of bewaar ze in Excel als CSV",
                    p.display()
                ),
                format!(
                    "`{}` is not a CSV file but a workbook (.xlsx, .ods or .xls) named .csv: give popdruk the workbook itself with its own extension, or save it from Excel as CSV",
                    p.display()
                ),
            ),
            InputError::NotAWorkbook(p) => Tr::new(
                format!(
                    "`{}` is geen werkmap: popdruk leest .xlsx, .ods, .xls of een map met .csv-bestanden",
                    p.display()
                ),
                format!(
                    "`{}` is not a workbook: popdruk reads .xlsx, .ods, .xls or a folder of .csv files",
                    p.display()
                ),
            ),
            InputError::Password(p) => Tr::new(
                format!(
                    "`{}` is beveiligd met een wachtwoord: sla een kopie op zonder wachtwoord en geef die aan popdruk",
                    p.display()
                ),
                format!(
                    "`{}` is protected with a password: save a copy without a password and give that to popdruk",
                    p.display()
                ),
            ),
            InputError::Damaged(p, _) => Tr::new(
                format!(
                    "`{}` is beschadigd of onvolledig: open en bewaar de werkmap opnieuw in Excel",
                    p.display()
                ),
                format!(
                    "`{}` is damaged or incomplete: open and save the workbook again in Excel",
                    p.display()
                ),
            ),
            InputError::NoCsv(p) => Tr::new(
                format!("de map `{}` bevat geen .csv-bestanden", p.display()),
                format!("the folder `{}` holds no .csv files", p.display()),
            ),
            InputError::TooLarge(p, limit) => too_large(p, limit),
            InputError::UnclosedQuote { path, line, column } => Tr::new(
                format!(
                    "`{}`, regel {line}, teken {column}: dit aanhalingsteken `\"` opent een cel die nergens gesloten wordt, zodat de rest van het bestand één cel zou worden: sluit de cel met `\"` of verwijder het teken",
                    path.display()
                ),
                format!(
                    "`{}`, line {line}, character {column}: this quote `\"` opens a cell that is never closed, so the rest of the file would become one cell: close the cell with `\"` or delete the quote",
                    path.display()
                ),
            ),
        }
    }
}

/// The message for a file past one of the [`limits`].
fn too_large(p: &Path, limit: &Limit) -> Tr {
    let p = p.display();
    match limit {
        Limit::File { size } => Tr::new(
            format!(
                "`{p}` is te groot ({} MB): popdruk leest bestanden tot {} MB",
                megabytes(*size),
                megabytes(limits::MAX_FILE)
            ),
            format!(
                "`{p}` is too large ({} MB): popdruk reads files up to {} MB",
                megabytes(*size),
                megabytes(limits::MAX_FILE)
            ),
        ),
        Limit::Part { name, size } => Tr::new(
            format!(
                "`{p}` pakt uit tot meer dan popdruk leest: het onderdeel `{name}` wordt {} MB (ten hoogste {} MB per onderdeel, {} MB samen); dit is geen gewone werkmap",
                megabytes(*size),
                megabytes(limits::MAX_PART),
                megabytes(limits::MAX_PACKAGE)
            ),
            format!(
                "`{p}` unpacks to more than popdruk reads: the part `{name}` becomes {} MB (at most {} MB per part, {} MB in all); this is no ordinary workbook",
                megabytes(*size),
                megabytes(limits::MAX_PART),
                megabytes(limits::MAX_PACKAGE)
            ),
        ),
        Limit::Cells { sheet } => Tr::new(
            format!(
                "`{p}` heeft meer dan {} cellen (teller overschreden in blad `{sheet}`): verwijder lege rijen en kolommen en waarden ver buiten de tabel",
                limits::MAX_CELLS
            ),
            format!(
                "`{p}` has more than {} cells (limit passed in sheet `{sheet}`): delete empty rows and columns and values far outside the table",
                limits::MAX_CELLS
            ),
        ),
        Limit::Text { sheet } => Tr::new(
            format!(
                "`{p}` bevat meer dan {} MB tekst (teller overschreden in blad `{sheet}`): popdruk leest zo veel tekst niet",
                megabytes(limits::MAX_TEXT)
            ),
            format!(
                "`{p}` holds more than {} MB of text (limit passed in sheet `{sheet}`): popdruk does not read that much text",
                megabytes(limits::MAX_TEXT)
            ),
        ),
        Limit::Column { sheet, column } => Tr::new(
            format!(
                "`{p}` is beschadigd: blad `{sheet}` heeft een cel in kolom {column}, voorbij de laatste kolom van Excel ({})",
                limits::MAX_COLUMNS
            ),
            format!(
                "`{p}` is damaged: sheet `{sheet}` has a cell in column {column}, beyond Excel's last column ({})",
                limits::MAX_COLUMNS
            ),
        ),
    }
}

impl InputError {
    /// The technical cause behind the message, when there is one worth showing.
    pub fn cause(&self) -> Option<String> {
        match self {
            InputError::Damaged(_, detail) => Some(detail.clone()),
            _ => None,
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message().get(Lang::En))
    }
}

impl std::error::Error for InputError {}

/// Reads a workbook file or a folder of CSV files.
pub fn read(path: &Path) -> Result<Source, InputError> {
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => InputError::NotFound(path.to_path_buf()),
        _ => InputError::Io(path.to_path_buf(), e),
    })?;
    if !meta.is_dir() && !meta.is_file() {
        return Err(InputError::NotAFile(path.to_path_buf()));
    }
    let tables = if meta.is_dir() {
        csv_dir::read(path)?
    } else if has_extension(path, "csv") {
        csv_dir::read_file(path)?
    } else {
        spreadsheet::read(path)?
    };
    Ok(Source {
        path: path.to_path_buf(),
        tables,
    })
}

/// Reads a workbook (`.xlsx`, `.ods`, `.xls`) already in memory; `path` only names it in
/// messages. The fuzz targets drive the reader through here.
pub fn read_workbook_bytes(path: &Path, bytes: &[u8]) -> Result<Source, InputError> {
    Ok(Source {
        path: path.to_path_buf(),
        tables: spreadsheet::read_bytes(path, bytes)?,
    })
}

/// Reads one CSV file already in memory; `path` names it (its stem is the sheet name).
pub fn read_csv_bytes(path: &Path, bytes: &[u8]) -> Result<Source, InputError> {
    Ok(Source {
        path: path.to_path_buf(),
        tables: vec![csv_dir::read_bytes(path, bytes, &mut Budget::default())?],
    })
}

fn has_extension(path: &Path, ext: &str) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case(ext))
}

/// Builds a table from rows of cells: the first non-empty row is the header, empty rows are
/// dropped, and every row is padded to the header's width. A title above the table (up to
/// [`MAX_TITLE_ROWS`] rows of one filled cell each, often merged across the columns) is
/// skipped when a row of several cells follows it: that row is the header.
fn table_from_rows(
    name: String,
    file: &Path,
    is_sheet: bool,
    rows: impl IntoIterator<Item = (u32, Vec<Cell>)>,
    budget: &mut Budget,
) -> Result<Table, InputError> {
    let mut header_row = 0;
    let mut headers: Option<Vec<String>> = None;
    let mut out = Vec::new();
    // Rows of one cell that may be a title, while no header has been chosen.
    let mut titles: Vec<(u32, Vec<Cell>)> = Vec::new();
    let mut rows = rows.into_iter();
    loop {
        let Some((number, mut cells)) = rows.next() else {
            if headers.is_none() && !titles.is_empty() {
                // Only one-cell rows: the first was the header after all.
                let (n, c) = titles.remove(0);
                header_row = n;
                let h = header_texts(&c);
                for (number, cells) in titles.drain(..) {
                    out.push(data_row(number, cells, h.len()));
                }
                headers = Some(h);
            }
            break;
        };
        let filled = cells.iter().filter(|c| !c.is_empty()).count();
        if filled == 0 {
            continue;
        }
        if cells.len() > limits::MAX_COLUMNS as usize {
            return Err(InputError::TooLarge(
                file.to_path_buf(),
                Limit::Column {
                    sheet: name,
                    column: cells.len() as u64,
                },
            ));
        }
        let text: usize = cells
            .iter()
            .map(|c| match c {
                Cell::Text(s) | Cell::Error(s) => s.len(),
                _ => 0,
            })
            .sum();
        let width = cells.len().max(headers.as_ref().map_or(0, Vec::len));
        budget.spend(file, &name, width, text)?;
        match &headers {
            None if filled == 1 && titles.len() < MAX_TITLE_ROWS => {
                titles.push((number, cells));
            }
            None if filled == 1 => {
                // Too many one-cell rows for a title: the first is the header, the rest
                // (this one included) are data, read again in order.
                let mut held: Vec<(u32, Vec<Cell>)> = std::mem::take(&mut titles);
                held.push((number, cells));
                let (n, c) = held.remove(0);
                header_row = n;
                headers = Some(header_texts(&c));
                let h = headers.as_ref().map_or(0, Vec::len);
                for (number, cells) in held {
                    out.push(data_row(number, cells, h));
                }
            }
            None => {
                titles.clear();
                header_row = number;
                headers = Some(header_texts(&cells));
            }
            Some(h) => {
                let h = h.len();
                if cells.len() < h {
                    cells.resize(h, Cell::Empty);
                }
                out.push(data_row(number, cells, h));
            }
        }
    }
    Ok(Table {
        name,
        file: file.to_path_buf(),
        is_sheet,
        header_row,
        headers: headers.unwrap_or_default(),
        rows: out,
    })
}

/// Most one-cell rows above a table that are taken for its title.
pub const MAX_TITLE_ROWS: usize = 3;

/// A header row's texts, without empty trailing cells.
fn header_texts(cells: &[Cell]) -> Vec<String> {
    let mut h: Vec<String> = cells.iter().map(Cell::display).collect();
    while h.last().is_some_and(|s| s.is_empty()) {
        h.pop();
    }
    h
}

/// A data row padded to the header's width `h`. Cells beyond that width stay only if they
/// hold something, so a value typed in an unnamed column is not silently lost.
fn data_row(number: u32, mut cells: Vec<Cell>, h: usize) -> Row {
    if cells.len() < h {
        cells.resize(h, Cell::Empty);
    }
    while cells.len() > h && cells.last().is_some_and(Cell::is_empty) {
        cells.pop();
    }
    Row { number, cells }
}

/// Interprets a text cell: trimmed, and empty when only spaces.
fn text_cell(s: &str) -> Cell {
    // A byte-order mark inside a file (CSV files pasted together, a cell copied from one)
    // is invisible: `M003` and `\u{feff}M003` would look the same in every message.
    let owned;
    let s = if s.contains('\u{feff}') {
        owned = s.replace('\u{feff}', "");
        &owned
    } else {
        s
    };
    let t = s.trim();
    if t.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(t.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Cell {
        Cell::Text(s.into())
    }

    fn table(rows: Vec<(u32, Vec<Cell>)>) -> Table {
        table_from_rows(
            "Medewerkers".into(),
            Path::new("t.xlsx"),
            true,
            rows,
            &mut Budget::default(),
        )
        .unwrap()
    }

    #[test]
    fn a_title_row_above_the_header_is_skipped() {
        let t = table(vec![
            (1, vec![text("Medewerkers van Groenkracht"), Cell::Empty]),
            (3, vec![text("ID"), text("Voornaam")]),
            (4, vec![text("M1"), text("An")]),
        ]);
        assert_eq!(t.header_row, 3);
        assert_eq!(t.headers, vec!["ID", "Voornaam"]);
        assert_eq!(t.rows.len(), 1);
    }

    #[test]
    fn a_one_column_table_keeps_its_header_and_rows() {
        let t = table(vec![
            (1, vec![text("ID")]),
            (2, vec![text("M1")]),
            (3, vec![text("M2")]),
        ]);
        assert_eq!(t.header_row, 1);
        assert_eq!(t.headers, vec!["ID"]);
        let numbers: Vec<u32> = t.rows.iter().map(|r| r.number).collect();
        assert_eq!(numbers, vec![2, 3]);
        let long: Vec<(u32, Vec<Cell>)> = (1..=6).map(|n| (n, vec![text("x")])).collect();
        let t = table(long);
        assert_eq!(t.header_row, 1);
        assert_eq!(t.rows.len(), 5);
    }
}
