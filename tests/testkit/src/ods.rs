//! Writes sheets as an OpenDocument spreadsheet (`.ods`) by hand: a zip with `mimetype`
//! first and stored uncompressed, `META-INF/manifest.xml` and `content.xml`. Dates are
//! `office:value-type="date"` cells shown as `dd/mm/yyyy`, numbers are floats, the header row
//! is bold. Zip entries carry a fixed timestamp, so the output is deterministic.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::io::{self, Cursor, Write};
use std::path::Path;

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, System, ZipWriter};

use super::{Sheet, Value, column_width};

const MIMETYPE: &str = "application/vnd.oasis.opendocument.spreadsheet";

const MANIFEST: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
"#;

const CONTENT_START: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.2">
<office:automatic-styles>
<number:date-style style:name="N1"><number:day number:style="long"/><number:text>/</number:text><number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/></number:date-style>
<style:style style:name="date" style:family="table-cell" style:data-style-name="N1"/>
<style:style style:name="head" style:family="table-cell"><style:text-properties fo:font-weight="bold"/></style:style>
"#;

/// Write `sheets` to `path` as an `.ods` spreadsheet.
pub fn write_ods(path: &Path, sheets: &[Sheet]) -> io::Result<()> {
    std::fs::write(path, ods_bytes(sheets)?)
}

/// The bytes of an `.ods` spreadsheet holding `sheets`.
pub fn ods_bytes(sheets: &[Sheet]) -> io::Result<Vec<u8>> {
    let options = SimpleFileOptions::default()
        .last_modified_time(DateTime::default())
        .system(System::Unix)
        .unix_permissions(0o644);
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    zip.start_file(
        "mimetype",
        options.compression_method(CompressionMethod::Stored),
    )?;
    zip.write_all(MIMETYPE.as_bytes())?;
    zip.start_file("META-INF/manifest.xml", options)?;
    zip.write_all(MANIFEST.as_bytes())?;
    zip.start_file("content.xml", options)?;
    zip.write_all(content(sheets).as_bytes())?;
    Ok(zip.finish()?.into_inner())
}

/// `content.xml`: one column style per width in use, then one table per sheet.
fn content(sheets: &[Sheet]) -> String {
    let widths: Vec<Vec<usize>> = sheets
        .iter()
        .map(|s| s.column_chars().into_iter().map(column_width).collect())
        .collect();
    let mut xml = String::from(CONTENT_START);
    for width in widths.iter().flatten().collect::<BTreeSet<_>>() {
        // One character of the default font is about 0.21 cm wide.
        let cm = *width as f64 * 0.21;
        let _ = writeln!(
            xml,
            r#"<style:style style:name="co{width}" style:family="table-column"><style:table-column-properties style:column-width="{cm:.2}cm"/></style:style>"#
        );
    }
    xml.push_str("</office:automatic-styles>\n<office:body>\n<office:spreadsheet>\n");
    for (sheet, widths) in sheets.iter().zip(&widths) {
        let _ = writeln!(xml, r#"<table:table table:name="{}">"#, escape(&sheet.name));
        for width in widths {
            let _ = writeln!(xml, r#"<table:table-column table:style-name="co{width}"/>"#);
        }
        xml.push_str("<table:table-row>");
        for header in &sheet.headers {
            let _ = write!(
                xml,
                r#"<table:table-cell table:style-name="head" office:value-type="string"><text:p>{}</text:p></table:table-cell>"#,
                escape(header)
            );
        }
        xml.push_str("</table:table-row>\n");
        for row in &sheet.rows {
            xml.push_str("<table:table-row>");
            for value in row {
                cell(&mut xml, value);
            }
            xml.push_str("</table:table-row>\n");
        }
        xml.push_str("</table:table>\n");
    }
    xml.push_str("</office:spreadsheet>\n</office:body>\n</office:document-content>\n");
    xml
}

/// One `<table:table-cell>`.
fn cell(xml: &mut String, value: &Value) {
    let shown = escape(&value.display(true));
    let _ = match value {
        Value::Empty => write!(xml, "<table:table-cell/>"),
        Value::Text(_) => write!(
            xml,
            r#"<table:table-cell office:value-type="string"><text:p>{shown}</text:p></table:table-cell>"#
        ),
        Value::Int(_) | Value::Number(_) => write!(
            xml,
            r#"<table:table-cell office:value-type="float" office:value="{}"><text:p>{shown}</text:p></table:table-cell>"#,
            value.display(false)
        ),
        Value::Date(d) => write!(
            xml,
            r#"<table:table-cell table:style-name="date" office:value-type="date" office:date-value="{}"><text:p>{shown}</text:p></table:table-cell>"#,
            d.format("%Y-%m-%d")
        ),
        Value::Formula { formula, .. } => write!(
            xml,
            r#"<table:table-cell table:formula="of:{}" office:value-type="string" office:string-value="{shown}"><text:p>{shown}</text:p></table:table-cell>"#,
            escape(formula)
        ),
    };
}

/// Text escaped for XML content and attribute values.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}
