//! CSV files as Belgian Excel saves them: `;`, `,` or tab separated, in UTF-8 (with or
//! without BOM), UTF-16 or Windows-1252.

use std::path::Path;

use super::limits::{self, Budget};
use super::{Cell, InputError, Table, table_from_rows, text_cell};

/// Reads every `.csv` file of a folder, one table per file, sorted by file name.
pub(super) fn read(dir: &Path) -> Result<Vec<Table>, InputError> {
    let entries = std::fs::read_dir(dir).map_err(|e| InputError::Io(dir.to_path_buf(), e))?;
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| InputError::Io(dir.to_path_buf(), e))?;
        let path = entry.path();
        if !super::has_extension(&path, "csv") {
            continue;
        }
        match std::fs::metadata(&path) {
            Ok(m) if m.is_file() => files.push(path),
            // A folder named `.csv` is no sheet; a pipe or device is refused, not skipped.
            Ok(m) if m.is_dir() => {}
            Ok(_) => return Err(InputError::NotAFile(path)),
            Err(e) => return Err(InputError::Io(path, e)),
        }
    }
    if files.is_empty() {
        return Err(InputError::NoCsv(dir.to_path_buf()));
    }
    files.sort();
    let mut budget = Budget::default();
    files
        .iter()
        .map(|f| read_bytes(f, &limits::read_file(f)?, &mut budget))
        .collect()
}

/// Reads a single CSV file given on its own.
pub(super) fn read_file(path: &Path) -> Result<Vec<Table>, InputError> {
    let bytes = limits::read_file(path)?;
    if bytes.is_empty() {
        return Err(InputError::Empty(path.to_path_buf()));
    }
    Ok(vec![read_bytes(path, &bytes, &mut Budget::default())?])
}

/// Reads the bytes of one CSV file, spending from `budget`.
pub(super) fn read_bytes(
    path: &Path,
    bytes: &[u8],
    budget: &mut Budget,
) -> Result<Table, InputError> {
    // A zip package (xlsx, ods) or an OLE file (xls) renamed to `.csv`: its bytes would
    // come out as a header of binary.
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(InputError::WorkbookAsCsv(path.to_path_buf()));
    }
    let text = decode(bytes);
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    parse(&text, name, path, budget)
}

/// Decodes a CSV file's bytes: a BOM decides; otherwise valid UTF-8 is UTF-8 and anything
/// else is Windows-1252, the encoding of Excel's "CSV (gescheiden door lijstscheidingsteken)".
pub fn decode(bytes: &[u8]) -> String {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return text.into_owned();
    }
    // UTF-16 without a BOM: ASCII text then has a zero byte in every other place, which
    // UTF-8 allows but no CSV file means.
    if let Some(enc) = utf16_without_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(bytes);
        return text.into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            text.into_owned()
        }
    }
}

/// UTF-16LE or UTF-16BE when at least a third of the first 1,000 byte pairs have a zero
/// on one side only, always the same side.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let pairs: Vec<&[u8]> = bytes.chunks_exact(2).take(1000).collect();
    if pairs.is_empty() {
        return None;
    }
    let high_zero = pairs.iter().filter(|p| p[1] == 0 && p[0] != 0).count();
    let low_zero = pairs.iter().filter(|p| p[0] == 0 && p[1] != 0).count();
    let enough = |n: usize| n * 3 >= pairs.len();
    if enough(high_zero) && low_zero == 0 {
        Some(encoding_rs::UTF_16LE)
    } else if enough(low_zero) && high_zero == 0 {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// Picks the separator that splits the first non-empty line (outside quotes) most often;
/// a tie goes to `;`, the separator of Belgian Excel.
pub fn sniff_separator(text: &str) -> u8 {
    let line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let mut counts = [(b';', 0usize), (b',', 0), (b'\t', 0)];
    let mut quoted = false;
    for b in line.bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted {
            for (sep, n) in counts.iter_mut() {
                if b == *sep {
                    *n += 1;
                }
            }
        }
    }
    counts
        .iter()
        .fold(
            (b';', 0),
            |best, &(sep, n)| if n > best.1 { (sep, n) } else { best },
        )
        .0
}

fn parse(text: &str, name: String, path: &Path, budget: &mut Budget) -> Result<Table, InputError> {
    let separator = sniff_separator(text);
    let lines = LineIndex::new(text);
    if let Some(at) = unclosed_quote(text, separator) {
        let (line, column) = lines.line_and_column(at);
        return Err(InputError::UnclosedQuote {
            path: path.to_path_buf(),
            line,
            column,
        });
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut record = csv::StringRecord::new();
    let mut too_wide = None;
    // Rows are made one at a time, so the budget stops a hostile file before its rows
    // are all in memory.
    let rows = std::iter::from_fn(|| match reader.read_record(&mut record) {
        Ok(true) => {
            let line = lines.line_of_record(record.position().map_or(0, |p| p.byte()));
            if record.len() > limits::MAX_COLUMNS as usize {
                too_wide = Some(record.len());
                return None;
            }
            Some((line, record.iter().map(text_cell).collect::<Vec<Cell>>()))
        }
        // The text is valid UTF-8 and its quotes are balanced, so the reader cannot fail;
        // should it, keep what was read rather than lose the whole file.
        Ok(false) | Err(_) => None,
    });
    let table = table_from_rows(name.clone(), path, false, rows, budget)?;
    if let Some(columns) = too_wide {
        return Err(InputError::TooLarge(
            path.to_path_buf(),
            limits::Limit::Column {
                sheet: name,
                column: columns as u64,
            },
        ));
    }
    Ok(table)
}

/// The byte offset of a quote that opens a quoted field and is never closed, reading as the
/// csv reader does (a quote opens a field only as its first character; `""` inside a quoted
/// field is one quote). The csv reader would silently make the rest of the file one cell.
fn unclosed_quote(text: &str, separator: u8) -> Option<usize> {
    #[derive(Clone, Copy)]
    enum State {
        FieldStart,
        Unquoted,
        Quoted(usize),
        QuoteInQuoted(usize),
    }
    let mut state = State::FieldStart;
    for (i, b) in text.bytes().enumerate() {
        let ends_field = b == separator || b == b'\n' || b == b'\r';
        state = match state {
            State::FieldStart if b == b'"' => State::Quoted(i),
            State::FieldStart | State::Unquoted | State::QuoteInQuoted(_) if ends_field => {
                State::FieldStart
            }
            State::FieldStart | State::Unquoted => State::Unquoted,
            State::Quoted(at) if b == b'"' => State::QuoteInQuoted(at),
            State::Quoted(at) => State::Quoted(at),
            State::QuoteInQuoted(at) if b == b'"' => State::Quoted(at),
            State::QuoteInQuoted(_) => State::Unquoted,
        };
    }
    match state {
        State::Quoted(at) => Some(at),
        _ => None,
    }
}

/// Line numbers of byte offsets, counting `\r\n`, `\n` and a lone `\r` as one line end
/// each (the csv reader's own line count drifts on blank lines and CRLF).
struct LineIndex<'a> {
    text: &'a [u8],
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    fn new(text: &'a str) -> Self {
        let text = text.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while i < text.len() {
            match text[i] {
                b'\r' if text.get(i + 1) == Some(&b'\n') => {
                    starts.push(i + 2);
                    i += 1;
                }
                b'\r' | b'\n' => starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        LineIndex { text, starts }
    }

    /// The 1-based line and column (in characters) of a byte offset.
    fn line_and_column(&self, byte: usize) -> (u32, u32) {
        let line = self.starts.partition_point(|&s| s <= byte);
        let start = self.starts[line - 1];
        let column = String::from_utf8_lossy(&self.text[start..byte])
            .chars()
            .count()
            + 1;
        (line as u32, column as u32)
    }

    /// The line a record starts on; the reader reports the offset before any blank lines it
    /// skipped, so skip those first.
    fn line_of_record(&self, mut byte: u64) -> u32 {
        while let Some(b'\r' | b'\n') = self.text.get(byte as usize) {
            byte += 1;
        }
        self.starts.partition_point(|&s| s as u64 <= byte) as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_windows_1252_so_accents_survive() {
        let bytes = b"Naam;Plaats\nCo\xf6peratie;Li\xe8ge\n";
        assert_eq!(decode(bytes), "Naam;Plaats\nCoöperatie;Liège\n");
    }

    #[test]
    fn decodes_utf8_with_and_without_bom() {
        assert_eq!(decode("Ayşe".as_bytes()), "Ayşe");
        assert_eq!(decode("\u{feff}Ayşe".as_bytes()), "Ayşe");
    }

    #[test]
    fn decodes_utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Łukasz;Wójcik".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&bytes), "Łukasz;Wójcik");
    }

    #[test]
    fn decodes_utf16_without_bom() {
        let le: Vec<u8> = "ID;Voornaam\nM1;Ayşe\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(decode(&le), "ID;Voornaam\nM1;Ayşe\n");
        let be: Vec<u8> = "ID;Voornaam\nM1;Ayşe\n"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(decode(&be), "ID;Voornaam\nM1;Ayşe\n");
    }

    #[test]
    fn finds_a_quote_that_is_never_closed() {
        assert_eq!(unclosed_quote("a;\"b\nc;d\n", b';'), Some(2));
        assert_eq!(unclosed_quote("a;\"b\"\"c\"\nd;e\n", b';'), None);
        // A quote inside an unquoted field is a letter, as the csv reader reads it.
        assert_eq!(unclosed_quote("a;Jan \"de Smet\n", b';'), None);
        assert_eq!(unclosed_quote("a;\"b\"\"\n", b';'), Some(2));
    }

    #[test]
    fn sniffs_each_separator() {
        assert_eq!(sniff_separator("ID;Voornaam;VTE\n1;An;0,8"), b';');
        assert_eq!(sniff_separator("ID,Voornaam,VTE\n1,An,0.8"), b',');
        assert_eq!(sniff_separator("ID\tVoornaam\tVTE\n"), b'\t');
        assert_eq!(sniff_separator("\"Naam; met puntkomma\",Waarde\n"), b',');
    }

    #[test]
    fn keeps_line_numbers_of_rows_after_multiline_cells_and_blank_lines() {
        let text = "ID;Verslag\r\n\r\nM1;\"twee\nregels\"\nM2;kort\r\n";
        let t = parse(
            text,
            "gesprekken".into(),
            Path::new("gesprekken.csv"),
            &mut Budget::default(),
        )
        .unwrap();
        assert_eq!(t.headers, vec!["ID", "Verslag"]);
        let numbers: Vec<u32> = t.rows.iter().map(|r| r.number).collect();
        assert_eq!(numbers, vec![3, 5]);
        assert_eq!(t.rows[0].cells[1], Cell::Text("twee\nregels".into()));
    }
}
