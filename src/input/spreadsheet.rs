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
    guarded(path, || read_bytes_unguarded(path, bytes))
}

thread_local! {
    /// Whether this thread is reading a workbook (see [`guarded`]).
    static GUARDED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `read`, turning a panic of the spreadsheet reader into a damaged file, on this
/// thread and without the panic's message on the terminal.
fn guarded<T>(path: &Path, read: impl FnOnce() -> Result<T, InputError>) -> Result<T, InputError> {
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
    let was = GUARDED.with(|g| g.replace(true));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(read));
    GUARDED.with(|g| g.set(was));
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
            Ok(mut wb) => return xlsx_sheets(&mut wb, path, &mut budget, None),
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
        xlsx_sheets(&mut wb, path, &mut budget, Some(bytes))
    }
}

/// The cells of one sheet that hold something, by row: (column, value) in reading order.
type Sparse = BTreeMap<u32, Vec<(u32, Cell)>>;

/// Reads the sheets of an xlsx workbook cell by cell. calamine's own `worksheet_range`
/// makes a dense grid from the first to the last cell, so a file with one value in `A1`
/// and one in `XFD1048576` would ask for 17 billion cells; here only the cells that hold
/// something are kept, then each row is laid out up to its last value.
///
/// With the package's `bytes` at hand, a second thread reads sheets too (see
/// [`read_parallel`]); the tables and any refusal are the same as read one by one.
fn xlsx_sheets<R: std::io::Read + std::io::Seek>(
    wb: &mut Xlsx<R>,
    path: &Path,
    budget: &mut Budget,
    bytes: Option<&[u8]>,
) -> Result<Vec<Table>, InputError> {
    let names = wb.sheet_names();
    let read = match bytes {
        Some(bytes) if names.len() > 1 => read_parallel(wb, bytes, &names, path),
        _ => None,
    };
    let sheets = match read {
        Some(sheets) => sheets,
        None => {
            let mut out = Vec::with_capacity(names.len());
            for name in &names {
                out.push(read_sheet(wb, name, path, &Shared::default())?);
            }
            out
        }
    };
    let mut tables = Vec::with_capacity(names.len());
    for (name, rows) in names.into_iter().zip(sheets) {
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
        tables.push(table_from_rows(name, path, true, rows, budget)?);
    }
    Ok(tables)
}

/// What the threads reading one workbook have read together, so that a package whose
/// sheets are each under the limits but together far over them is not unpacked whole on
/// several threads at once before the first sheet's table counts it.
#[derive(Default)]
struct Shared {
    cells: std::sync::atomic::AtomicU64,
    text: std::sync::atomic::AtomicU64,
}

impl Shared {
    /// Counts `cells` cells of `text` bytes; false once the whole workbook is past a limit.
    fn spend(&self, cells: u64, text: u64) -> bool {
        use std::sync::atomic::Ordering::Relaxed;
        let cells = self.cells.fetch_add(cells, Relaxed) + cells;
        let text = self.text.fetch_add(text, Relaxed) + text;
        cells <= limits::MAX_CELLS && text <= limits::MAX_TEXT
    }
}

/// How many cells a thread reads before it adds them to the shared count: a shared count
/// touched for every cell by two threads took 4 % of `check` on a large workbook.
const SHARED_BATCH: u64 = 4096;

/// Reads the sheets `names` on this thread and one more, each opening the package on its
/// own and taking the next sheet not yet taken (the matrix, by far the largest sheet of a
/// big workbook, goes to whichever is free); when the system gives no second thread, this
/// one reads them all. `None` when something is to be refused (a limit, a damaged sheet):
/// the caller then reads the sheets one by one, so that the refusal names the same sheet as
/// reading them in order does.
fn read_parallel<R: std::io::Read + std::io::Seek>(
    wb: &mut Xlsx<R>,
    bytes: &[u8],
    names: &[String],
    path: &Path,
) -> Option<Vec<Sparse>> {
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering::Relaxed};
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let shared = Shared::default();
    let slots: Vec<Mutex<Option<Sparse>>> = names.iter().map(|_| Mutex::new(None)).collect();
    // Takes sheets until none is left or one cannot be read (then `stop` is set).
    let work = |wb: &mut dyn FnMut(&str) -> Result<Sparse, InputError>| {
        while !stop.load(Relaxed) {
            let i = next.fetch_add(1, Relaxed);
            let Some(name) = names.get(i) else { break };
            match wb(name) {
                Ok(rows) => *slots[i].lock().unwrap_or_else(|e| e.into_inner()) = Some(rows),
                Err(_) => stop.store(true, Relaxed),
            }
        }
    };
    std::thread::scope(|scope| {
        // A small stack is enough for reading XML; when the system gives no thread, this
        // one reads every sheet.
        let helper = std::thread::Builder::new()
            .name("popdruk-read".into())
            .stack_size(256 * 1024)
            .spawn_scoped(scope, || {
                let opened = guarded(path, || {
                    Xlsx::new(Cursor::new(bytes))
                        .map_err(|e| InputError::Damaged(path.to_path_buf(), e.to_string()))
                });
                match opened {
                    Ok(mut other) => work(&mut |name| {
                        guarded(path, || read_sheet(&mut other, name, path, &shared))
                    }),
                    Err(_) => stop.store(true, Relaxed),
                }
            });
        work(&mut |name| read_sheet(wb, name, path, &shared));
        if let Ok(h) = helper {
            let _ = h.join();
        }
    });
    if stop.load(Relaxed) {
        return None;
    }
    slots
        .into_iter()
        .map(|m| m.into_inner().unwrap_or_else(|e| e.into_inner()))
        .collect()
}

/// The cells of the sheet `name` that hold something, refusing a column past the last one
/// a spreadsheet has and a sheet past the limits; a chart sheet has none.
fn read_sheet<R: std::io::Read + std::io::Seek>(
    wb: &mut Xlsx<R>,
    name: &str,
    path: &Path,
    shared: &Shared,
) -> Result<Sparse, InputError> {
    let damaged =
        |e: &dyn std::fmt::Display| InputError::Damaged(path.to_path_buf(), e.to_string());
    let mut reader = match wb.worksheet_cells_reader(name) {
        Ok(r) => r,
        // A chart sheet holds no cells.
        Err(XlsxError::NotAWorksheet(_)) => return Ok(Sparse::new()),
        Err(e) => return Err(damaged(&e)),
    };
    let mut rows = Sparse::new();
    let mut sparse = Budget::default();
    // Cells and text read since the last time they were added to `shared`.
    let (mut cells, mut bytes) = (0u64, 0u64);
    while let Some(c) = reader.next_cell().map_err(|e| damaged(&e))? {
        if matches!(c.get_value(), DataRef::Empty) {
            continue;
        }
        let (row, col) = c.get_position();
        if col >= limits::MAX_COLUMNS {
            return Err(InputError::TooLarge(
                path.to_path_buf(),
                Limit::Column {
                    sheet: name.to_string(),
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
        sparse.spend(path, name, 1, text)?;
        (cells, bytes) = (cells + 1, bytes + text as u64);
        let flush = cells == SHARED_BATCH;
        if flush && !shared.spend(std::mem::take(&mut cells), std::mem::take(&mut bytes)) {
            // Past the limits with the other thread's sheets: read again one by one,
            // which names the sheet that goes past them.
            return Err(InputError::TooLarge(
                path.to_path_buf(),
                Limit::Cells {
                    sheet: name.to_string(),
                },
            ));
        }
        rows.entry(row).or_default().push((col, value));
    }
    Ok(rows)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The sample workbook read one sheet after the other, and on two threads.
    fn both() -> (Vec<Table>, Vec<Table>) {
        let bytes: &[u8] = include_bytes!("../../samples/team.xlsx");
        let path = Path::new("team.xlsx");
        let open = || Xlsx::new(Cursor::new(bytes)).expect("the sample opens");
        let one_by_one = xlsx_sheets(&mut open(), path, &mut Budget::default(), None);
        let parallel = xlsx_sheets(&mut open(), path, &mut Budget::default(), Some(bytes));
        (one_by_one.expect("reads"), parallel.expect("reads"))
    }

    #[test]
    fn two_threads_read_the_same_tables_as_one() {
        let (one_by_one, parallel) = both();
        assert!(one_by_one.len() > 5);
        assert_eq!(one_by_one, parallel);
    }

    #[test]
    fn the_sheets_are_read_on_two_threads_when_the_package_is_at_hand() {
        let bytes: &[u8] = include_bytes!("../../samples/team.xlsx");
        let mut wb = Xlsx::new(Cursor::new(bytes)).expect("the sample opens");
        let names = wb.sheet_names();
        let read = read_parallel(&mut wb, bytes, &names, Path::new("team.xlsx"));
        let sheets = read.expect("read in parallel, not handed back to the one-by-one path");
        assert_eq!(sheets.len(), names.len());
        assert!(sheets.iter().filter(|s| !s.is_empty()).count() > 5);
    }

    #[test]
    fn the_count_shared_by_the_threads_stops_at_the_workbook_limit() {
        let shared = Shared::default();
        shared
            .cells
            .store(limits::MAX_CELLS, std::sync::atomic::Ordering::Relaxed);
        // The next cell goes past the limit for the workbook as a whole.
        assert!(!shared.spend(1, 0));
        let fresh = Shared::default();
        assert!(fresh.spend(SHARED_BATCH, 0));
    }
}
