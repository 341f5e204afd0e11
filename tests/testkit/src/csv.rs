//! Writes sheets as a folder of CSV files the way Belgian Excel saves them: one file per
//! sheet named after it in lower case, dates as `dd/mm/yyyy`, a chosen separator and decimal
//! mark, fields quoted only when needed, CRLF line ends, in UTF-8 (with or without BOM) or
//! Windows-1252.

use std::io;
use std::path::Path;

use encoding_rs::{EncoderResult, WINDOWS_1252};

use super::Sheet;

/// Character encoding of the CSV files.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CsvEncoding {
    /// UTF-8 without byte order mark.
    Utf8,
    /// UTF-8 starting with a byte order mark, as Excel's "CSV UTF-8".
    Utf8Bom,
    /// Windows-1252 as Excel's plain "CSV"; characters it lacks (`ş`, `Ł`) become `?`, as
    /// Excel does.
    Windows1252,
}

/// Write each sheet to `dir/<lower-case name>.csv`, creating `dir` when needed.
pub fn write_csv_dir(
    dir: &Path,
    sheets: &[Sheet],
    separator: u8,
    encoding: CsvEncoding,
    decimal_comma: bool,
) -> io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let separator = char::from(separator);
    for sheet in sheets {
        let mut text = String::new();
        let headers = sheet.headers.iter().map(String::as_str);
        push_line(&mut text, headers, separator);
        for row in &sheet.rows {
            let shown: Vec<String> = row.iter().map(|v| v.display(decimal_comma)).collect();
            push_line(&mut text, shown.iter().map(String::as_str), separator);
        }
        let path = dir.join(format!("{}.csv", sheet.name.to_lowercase()));
        std::fs::write(path, encode(&text, encoding))?;
    }
    Ok(())
}

/// Append one record and its CRLF.
fn push_line<'a>(out: &mut String, fields: impl Iterator<Item = &'a str>, separator: char) {
    for (i, field) in fields.enumerate() {
        if i > 0 {
            out.push(separator);
        }
        if field.contains([separator, '"', '\r', '\n']) {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(field);
        }
    }
    out.push_str("\r\n");
}

fn encode(text: &str, encoding: CsvEncoding) -> Vec<u8> {
    match encoding {
        CsvEncoding::Utf8 => text.as_bytes().to_vec(),
        CsvEncoding::Utf8Bom => [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
        CsvEncoding::Windows1252 => windows_1252(text),
    }
}

/// Windows-1252 bytes, with `?` for every character the code page lacks.
fn windows_1252(text: &str) -> Vec<u8> {
    let mut encoder = WINDOWS_1252.new_encoder();
    let mut out = Vec::with_capacity(text.len());
    let mut rest = text;
    loop {
        let mut buf = [0u8; 1024];
        let (result, read, written) =
            encoder.encode_from_utf8_without_replacement(rest, &mut buf, true);
        out.extend_from_slice(&buf[..written]);
        rest = &rest[read..];
        match result {
            EncoderResult::InputEmpty => return out,
            EncoderResult::OutputFull => {}
            EncoderResult::Unmappable(_) => out.push(b'?'),
        }
    }
}
