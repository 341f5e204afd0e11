//! Bounds on what one workbook may cost to read, so a hostile or broken file (a zip bomb,
//! a cell at `XFD1048576`, a CSV line of a million separators) is refused with a sentence
//! instead of exhausting memory or time.
//!
//! The bounds sit far above any team's workbook (the 5,000-employee benchmark uses a few
//! percent of each) and far below what the machine can hold.

use std::io::Read;
use std::path::Path;

use super::InputError;

/// Largest workbook or CSV file read, in bytes.
pub const MAX_FILE: u64 = 64 << 20;

/// Largest size one part of a zip package (a sheet's XML, the shared strings) may unpack
/// to, in bytes.
pub const MAX_PART: u64 = 128 << 20;

/// Largest size all parts of a zip package together may unpack to, in bytes.
pub const MAX_PACKAGE: u64 = 512 << 20;

/// Most cells one workbook may hold once every row is padded to its width (empty cells
/// included): about 160 MB of cells.
pub const MAX_CELLS: u64 = 5_000_000;

/// Most bytes of text all cells of one workbook may hold together.
pub const MAX_TEXT: u64 = 256 << 20;

/// Most columns a row may have: Excel's own limit (column `XFD`).
pub const MAX_COLUMNS: u32 = 16_384;

/// What one reading has spent so far, checked against the limits.
#[derive(Debug, Default)]
pub(super) struct Budget {
    cells: u64,
    text: u64,
}

impl Budget {
    /// Counts one row of `width` cells holding `text` bytes of text.
    pub(super) fn spend(
        &mut self,
        path: &Path,
        sheet: &str,
        width: usize,
        text: usize,
    ) -> Result<(), InputError> {
        self.cells += width as u64;
        self.text += text as u64;
        if self.cells > MAX_CELLS {
            return Err(InputError::TooLarge(
                path.to_path_buf(),
                Limit::Cells {
                    sheet: sheet.to_string(),
                },
            ));
        }
        if self.text > MAX_TEXT {
            return Err(InputError::TooLarge(
                path.to_path_buf(),
                Limit::Text {
                    sheet: sheet.to_string(),
                },
            ));
        }
        Ok(())
    }
}

/// Which bound a file went past.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Limit {
    /// The file itself is larger than [`MAX_FILE`].
    File {
        /// Its size in bytes.
        size: u64,
    },
    /// A part of the zip package unpacks to more than [`MAX_PART`] (or all parts together
    /// to more than [`MAX_PACKAGE`]).
    Part {
        /// The part's name in the package.
        name: String,
        /// What it says it unpacks to, in bytes.
        size: u64,
    },
    /// A sheet takes the workbook past [`MAX_CELLS`].
    Cells {
        /// The sheet (or CSV file).
        sheet: String,
    },
    /// A sheet takes the workbook past [`MAX_TEXT`].
    Text {
        /// The sheet (or CSV file).
        sheet: String,
    },
    /// A cell stands right of Excel's last column.
    Column {
        /// The sheet.
        sheet: String,
        /// The 1-based column number.
        column: u64,
    },
}

/// `1,5 MB`, `4.096 MB`: a size as a Belgian reader writes it.
pub fn megabytes(bytes: u64) -> String {
    let mb = bytes as f64 / (1 << 20) as f64;
    if mb < 10.0 {
        format!("{mb:.1}").replace('.', ",")
    } else {
        let s = format!("{}", mb.round() as u64);
        // Thousands separated by a dot.
        let mut out = String::new();
        for (i, c) in s.chars().enumerate() {
            if i > 0 && (s.len() - i) % 3 == 0 {
                out.push('.');
            }
            out.push(c);
        }
        out
    }
}

/// Reads a whole regular file, refusing one larger than [`MAX_FILE`] without reading it,
/// and anything that is not a regular file (a device such as `/dev/zero`, which has no
/// end; a pipe, which blocks).
pub(super) fn read_file(path: &Path) -> Result<Vec<u8>, InputError> {
    let io = |e| InputError::Io(path.to_path_buf(), e);
    // A pipe would block the open, a device read without end: only regular files.
    if !std::fs::metadata(path).map_err(io)?.is_file() {
        return Err(InputError::NotAFile(path.to_path_buf()));
    }
    let file = std::fs::File::open(path).map_err(io)?;
    if !file.metadata().map_err(io)?.is_file() {
        return Err(InputError::NotAFile(path.to_path_buf()));
    }
    let mut bytes = Vec::new();
    file.take(MAX_FILE + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| InputError::Io(path.to_path_buf(), e))?;
    if bytes.len() as u64 > MAX_FILE {
        let size = std::fs::metadata(path)
            .map(|m| m.len())
            .unwrap_or(bytes.len() as u64);
        return Err(InputError::TooLarge(
            path.to_path_buf(),
            Limit::File { size },
        ));
    }
    Ok(bytes)
}

/// Checks a zip package before a spreadsheet reader opens it: the sizes its parts say they
/// unpack to (which the zip reader then holds them to), and the count of shared strings,
/// which a reader reserves room for before reading them.
pub(super) fn check_package(bytes: &[u8], path: &Path) -> Result<(), InputError> {
    let damaged =
        |e: &dyn std::fmt::Display| InputError::Damaged(path.to_path_buf(), e.to_string());
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| damaged(&e))?;
    let mut total: u64 = 0;
    let mut shared_strings = None;
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).map_err(|e| damaged(&e))?;
        let size = entry.size();
        let name = entry.name().map(|n| n.into_owned()).unwrap_or_default();
        total = total.saturating_add(size);
        if size > MAX_PART || total > MAX_PACKAGE {
            return Err(InputError::TooLarge(
                path.to_path_buf(),
                Limit::Part { name, size },
            ));
        }
        if name.to_ascii_lowercase().ends_with("sharedstrings.xml") {
            shared_strings = Some((i, size));
        }
    }
    if let Some((i, size)) = shared_strings {
        let mut head = Vec::with_capacity(4096);
        let entry = zip.by_index(i).map_err(|e| damaged(&e))?;
        // A short read here is fine: only the opening `<sst …>` tag matters.
        let _ = entry.take(4096).read_to_end(&mut head);
        if let Some(count) = unique_count(&head) {
            // Each string takes at least `<si/>`: five bytes.
            if count > size / 5 + 1 {
                return Err(damaged(&format!(
                    "the shared strings claim {count} entries in {size} bytes"
                )));
            }
        }
    }
    Ok(())
}

/// Checks the sheets of an OpenDocument package before calamine reads them: calamine makes
/// one dense grid per sheet from its first to its last value, so a few hundred bytes of
/// `number-rows-repeated` and `number-columns-repeated` can ask for gigabytes. The grid each
/// sheet would need is measured from the cells that hold a value, streaming `content.xml`,
/// and a sheet past [`MAX_CELLS`] is refused.
pub(super) fn check_ods_grid(bytes: &[u8], path: &Path) -> Result<(), InputError> {
    use quick_xml::events::Event;
    let damaged =
        |e: &dyn std::fmt::Display| InputError::Damaged(path.to_path_buf(), e.to_string());
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| damaged(&e))?;
    let Ok(content) = zip.by_name("content.xml") else {
        // calamine says what is wrong with a package without content.
        return Ok(());
    };
    let mut reader = quick_xml::Reader::from_reader(std::io::BufReader::new(content));
    let repeat = |e: &quick_xml::events::BytesStart, name: &str| -> u64 {
        e.attributes()
            .flatten()
            .find(|a| a.key.as_ref() == name)
            .and_then(|a| a.value.trim().parse().ok())
            .unwrap_or(1u64)
            .max(1)
    };
    let (mut sheet, mut row, mut col) = (String::new(), 0u64, 0u64);
    let (mut row_span, mut rows, mut cols) = (1u64, 0u64, 0u64);
    let mut buf = Vec::new();
    loop {
        let event = reader.read_event_into(&mut buf).map_err(|e| damaged(&e))?;
        let (e, empty) = match &event {
            Event::Start(e) => (Some(e), false),
            Event::Empty(e) => (Some(e), true),
            Event::End(e) => {
                match e.name().as_ref() {
                    "table:table-row" => row = row.saturating_add(row_span),
                    "table:table" => {
                        if rows.saturating_mul(cols) > MAX_CELLS {
                            return Err(InputError::TooLarge(
                                path.to_path_buf(),
                                Limit::Cells { sheet },
                            ));
                        }
                        (sheet, row, rows, cols) = (String::new(), 0, 0, 0);
                    }
                    _ => {}
                }
                (None, false)
            }
            Event::Eof => break,
            _ => (None, false),
        };
        if let Some(e) = e {
            match e.name().as_ref() {
                "table:table" => {
                    sheet = e
                        .attributes()
                        .flatten()
                        .find(|a| a.key.as_ref() == "table:name")
                        .map(|a| a.value.into_owned())
                        .unwrap_or_default();
                }
                "table:table-row" => {
                    row_span = repeat(e, "table:number-rows-repeated");
                    col = 0;
                    if empty {
                        row = row.saturating_add(row_span);
                    }
                }
                "table:table-cell" | "table:covered-table-cell" => {
                    let span = repeat(e, "table:number-columns-repeated");
                    let holds = e
                        .attributes()
                        .flatten()
                        .any(|a| a.key.as_ref() == "office:value-type");
                    if holds {
                        rows = rows.max(row.saturating_add(row_span));
                        cols = cols.max(col.saturating_add(span));
                    }
                    col = col.saturating_add(span);
                }
                _ => {}
            }
        }
        buf.clear();
    }
    Ok(())
}

/// The `uniqueCount` attribute of the `<sst>` element at the start of a shared-strings part.
fn unique_count(head: &[u8]) -> Option<u64> {
    let text = String::from_utf8_lossy(head);
    let start = text.find("<sst")?;
    let tag = &text[start..];
    let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
    let at = tag.find("uniqueCount")?;
    let rest = tag[at + "uniqueCount".len()..].trim_start();
    let rest = rest.strip_prefix('=')?.trim_start();
    let quote = rest.chars().next()?;
    let rest = &rest[quote.len_utf8()..];
    let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
    // More digits than a u64 holds is as impossible as a count too large.
    Some(digits.parse().unwrap_or(u64::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_unique_count_of_shared_strings() {
        let head = br#"<?xml version="1.0"?><sst xmlns="x" count="3" uniqueCount = '2'><si>"#;
        assert_eq!(unique_count(head), Some(2));
        assert_eq!(unique_count(b"<sst count=\"3\">"), None);
        assert_eq!(
            unique_count(b"<sst uniqueCount=\"99999999999999999999999\">"),
            Some(u64::MAX)
        );
    }

    #[test]
    fn sizes_read_as_a_belgian_writes_them() {
        assert_eq!(megabytes(1 << 20), "1,0");
        assert_eq!(megabytes(4096 << 20), "4.096");
        assert_eq!(megabytes(128 << 20), "128");
    }

    #[test]
    fn a_budget_refuses_past_the_cell_limit() {
        let mut b = Budget::default();
        let p = Path::new("x.csv");
        assert!(b.spend(p, "x", MAX_CELLS as usize, 0).is_ok());
        assert!(matches!(
            b.spend(p, "x", 1, 0),
            Err(InputError::TooLarge(_, Limit::Cells { .. }))
        ));
    }
}
