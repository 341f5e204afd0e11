//! CSV files as Belgian Excel saves them: `;`, `,` or tab separated, in UTF-8 (with or
//! without BOM), UTF-16 or Windows-1252.

use std::path::Path;

use super::{Cell, InputError, Table, table_from_rows, text_cell};

/// Reads every `.csv` file of a folder, one table per file, sorted by file name.
pub(super) fn read(dir: &Path) -> Result<Vec<Table>, InputError> {
    let entries = std::fs::read_dir(dir).map_err(|e| InputError::Io(dir.to_path_buf(), e))?;
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| InputError::Io(dir.to_path_buf(), e))?;
        let path = entry.path();
        if super::has_extension(&path, "csv") && path.is_file() {
            files.push(path);
        }
    }
    if files.is_empty() {
        return Err(InputError::NoCsv(dir.to_path_buf()));
    }
    files.sort();
    files.iter().map(|f| read_file_table(f)).collect()
}

/// Reads a single CSV file given on its own.
pub(super) fn read_file(path: &Path) -> Result<Vec<Table>, InputError> {
    Ok(vec![read_file_table(path)?])
}

fn read_file_table(path: &Path) -> Result<Table, InputError> {
    let bytes = std::fs::read(path).map_err(|e| InputError::Io(path.to_path_buf(), e))?;
    let text = decode(&bytes);
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(parse(&text, name, path))
}

/// Decodes a CSV file's bytes: a BOM decides; otherwise valid UTF-8 is UTF-8 and anything
/// else is Windows-1252, the encoding of Excel's "CSV (gescheiden door lijstscheidingsteken)".
pub fn decode(bytes: &[u8]) -> String {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
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

fn parse(text: &str, name: String, path: &Path) -> Table {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(sniff_separator(text))
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let lines = LineIndex::new(text);
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {
                let line = lines.line_of_record(record.position().map_or(0, |p| p.byte()));
                rows.push((line, record.iter().map(text_cell).collect::<Vec<Cell>>()));
            }
            Ok(false) => break,
            // The text is already valid UTF-8, so the reader can only fail on input it
            // cannot split; keep what was read rather than lose the whole file.
            Err(_) => break,
        }
    }
    table_from_rows(name, path, false, rows)
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
    fn sniffs_each_separator() {
        assert_eq!(sniff_separator("ID;Voornaam;VTE\n1;An;0,8"), b';');
        assert_eq!(sniff_separator("ID,Voornaam,VTE\n1,An,0.8"), b',');
        assert_eq!(sniff_separator("ID\tVoornaam\tVTE\n"), b'\t');
        assert_eq!(sniff_separator("\"Naam; met puntkomma\",Waarde\n"), b',');
    }

    #[test]
    fn keeps_line_numbers_of_rows_after_multiline_cells_and_blank_lines() {
        let text = "ID;Verslag\r\n\r\nM1;\"twee\nregels\"\nM2;kort\r\n";
        let t = parse(text, "gesprekken".into(), Path::new("gesprekken.csv"));
        assert_eq!(t.headers, vec!["ID", "Verslag"]);
        let numbers: Vec<u32> = t.rows.iter().map(|r| r.number).collect();
        assert_eq!(numbers, vec![3, 5]);
        assert_eq!(t.rows[0].cells[1], Cell::Text("twee\nregels".into()));
    }
}
