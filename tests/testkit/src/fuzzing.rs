//! The fuzz targets' bodies, here so that a crashing input the fuzzer found can be kept as
//! a regression test in the ordinary `cargo test` (`tests/it/fuzz_regressions.rs` replays
//! `fuzz/regressions/<target>/*` through these). Each takes any bytes and must return
//! without panicking.

use std::path::Path;

use chrono::NaiveDate;

use crate::{self as synth, Value};
use popdruk::build::{self, Kind, Plan};
use popdruk::i18n::Lang;
use popdruk::input::{self, Cell, Row, Source, Table};
use popdruk::template::Templates;
use popdruk::{layout, markup, model, pdf};

/// Any bytes as one CSV file, read and validated.
pub fn csv(data: &[u8]) {
    if let Ok(source) = input::read_csv_bytes(Path::new("medewerkers.csv"), data) {
        let _ = model::validate(&source);
    }
}

/// Any bytes as a workbook file, read and validated.
pub fn spreadsheet(data: &[u8]) {
    if let Ok(source) = input::read_workbook_bytes(Path::new("team.xlsx"), data) {
        let _ = model::validate(&source);
    }
}

/// Any text as markup: parsed, laid out and written as PDF.
pub fn markup(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(doc) = markup::parse(text) else {
        return;
    };
    let laid = layout::layout(&doc, &layout::Options::default());
    let _ = pdf::Writer::new().write(&laid);
}

/// The longest unbroken run [`layout`] makes: Excel's longest cell.
pub const LAYOUT_RUN: usize = 32_767;

/// The deepest nesting [`layout`] makes: past the parser's bound, so that the refusal is
/// tried too.
pub const LAYOUT_DEPTH: usize = markup::MAX_DEPTH + 4;

/// One long unbroken run of text inside deep markup, laid out and written as PDF.
///
/// The bytes are `[depth, length high, length low, size, shape…, 0xFF, letters…]`: the
/// run is `length` (modulo [`LAYOUT_RUN`] + 1) characters made by repeating the letters
/// (UTF-8, lossy, without spaces, so that no break opportunity comes from them; any
/// letters when none are given), at `size` points (6 to 37); it stands `depth` (at most
/// [`LAYOUT_DEPTH`]) elements deep, each level chosen by one shape byte, repeated: a
/// block (`keep`, a list item, a table cell, a section) until a byte chooses a paragraph,
/// heading or field, and then inline elements (`b`, `i`, `span`). The header and a
/// signature's title and name hold the run too.
pub fn layout(data: &[u8]) {
    let Some(text) = layout_markup(data) else {
        return;
    };
    let Ok(doc) = markup::parse(&text) else {
        return;
    };
    let laid = layout::layout(&doc, &layout::Options::default());
    let _ = pdf::Writer::new().write(&laid);
}

/// The markup [`layout`] makes of `data`, or `None` for fewer than four bytes.
pub fn layout_markup(data: &[u8]) -> Option<String> {
    let [depth, high, low, size, rest @ ..] = data else {
        return None;
    };
    let depth = usize::from(*depth) % (LAYOUT_DEPTH + 1);
    let length = usize::from(u16::from_be_bytes([*high, *low])) % (LAYOUT_RUN + 1);
    let (shape, letters) = match rest.iter().position(|b| *b == 0xFF) {
        Some(at) => (&rest[..at], &rest[at + 1..]),
        None => (rest, &[][..]),
    };
    let letters: Vec<char> = String::from_utf8_lossy(letters)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let letters = if letters.is_empty() {
        vec!['a', 'Z', '_', '/']
    } else {
        letters
    };
    let run: String = letters.iter().cycle().take(length).collect();
    let run = escape(&run);
    let shape = |level: usize| shape.get(level % shape.len().max(1)).copied().unwrap_or(0);
    let size = 6 + size % 32;

    let mut open = String::new();
    let mut close = Vec::new();
    let mut inline = false;
    for level in 0..depth {
        let b = shape(level);
        let (o, c): (String, &str) = if inline {
            match b % 4 {
                0 => ("<b>".into(), "</b>"),
                1 => ("<i>".into(), "</i>"),
                2 => (format!(r#"<span size="{size}">"#), "</span>"),
                _ => (r#"<span color="red">"#.into(), "</span>"),
            }
        } else {
            match b % 9 {
                0 => ("<keep>".into(), "</keep>"),
                1 => ("<ul><li>".into(), "</li></ul>"),
                2 => ("<ol><li>".into(), "</li></ol>"),
                3 => (
                    r#"<table widths="1fr 3fr"><tr><td>x</td><td>"#.into(),
                    "</td></tr></table>",
                ),
                // A section only stands directly in the document.
                4 if open.is_empty() => ("<section>".into(), "</section>"),
                4 => ("<keep>".into(), "</keep>"),
                5 => {
                    inline = true;
                    (format!(r#"<p size="{size}" align="justify">"#), "</p>")
                }
                6 => {
                    inline = true;
                    ("<h2>".into(), "</h2>")
                }
                7 => {
                    inline = true;
                    (r#"<field label="x">"#.into(), "</field>")
                }
                _ => {
                    inline = true;
                    (format!(r#"<p size="{size}">"#), "</p>")
                }
            }
        };
        open.push_str(&o);
        close.push(c);
    }
    let (before, after) = if inline { ("", "") } else { ("<p>", "</p>") };
    let mut text = format!(
        r#"<document title="f" lang="nl-BE"><header>{run}</header>{open}{before}{run}{after}"#
    );
    for c in close.iter().rev() {
        text.push_str(c);
    }
    text.push_str(&format!(
        r#"<signatures><signature title="{run}" name="{run}"/></signatures></document>"#
    ));
    Some(text)
}

/// `text` with the characters markup gives a meaning escaped.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The sample team with cells overwritten, then the POP form of the employee of the last
/// overwritten `Medewerkers` row (M003 when none), built when the data has no errors.
///
/// The bytes are pieces split at `0xFF`; a piece `[sheet, row, column, text…]` puts the
/// text (UTF-8, lossy) in that cell, each index taken modulo what exists.
pub fn pop(data: &[u8]) {
    let mut team = synth::sample_team();
    let mut employee_row = None;
    for piece in data.split(|b| *b == 0xFF).take(32) {
        let [s, r, c, text @ ..] = piece else {
            continue;
        };
        let index = usize::from(*s) % team.len();
        let sheet = &mut team[index];
        if sheet.rows.is_empty() || sheet.headers.is_empty() {
            continue;
        }
        let r = usize::from(*r) % sheet.rows.len();
        let c = usize::from(*c) % sheet.headers.len();
        if sheet.name == "Medewerkers" {
            employee_row = Some(r);
        }
        let row = &mut sheet.rows[r];
        if row.len() <= c {
            row.resize(c + 1, Value::Empty);
        }
        row[c] = Value::text(String::from_utf8_lossy(text));
    }
    let id = synth::sheet(&team, "Medewerkers")
        .and_then(|s| s.cell(employee_row.unwrap_or(2), "ID"))
        .map(|v| v.display(true))
        .unwrap_or_default();
    let validated = model::validate(&source_of(&team));
    if validated.has_errors() || validated.workbook.employee(&id).is_none() {
        return;
    }
    let Ok(templates) = Templates::load(&[]) else {
        return;
    };
    let plan = Plan {
        employees: vec![id],
        ..Plan::new(
            vec![Kind::Pop],
            Lang::Nl,
            NaiveDate::from_ymd_opt(2026, 11, 29).unwrap_or_default(),
        )
    };
    let mut notices = Vec::new();
    let _ = build::build(&validated.workbook, &templates, &plan, &mut notices, |_| {
        Ok(())
    });
}

/// Sheets as the input stage reads them from a workbook (header on row 1), without writing
/// and reading an xlsx file in between.
fn source_of(sheets: &[synth::Sheet]) -> Source {
    let file = Path::new("team.xlsx");
    let tables = sheets
        .iter()
        .map(|s| Table {
            name: s.name.clone(),
            file: file.to_path_buf(),
            is_sheet: true,
            header_row: 1,
            headers: s.headers.clone(),
            rows: (2..)
                .zip(&s.rows)
                .map(|(number, values)| Row {
                    number,
                    cells: values.iter().map(cell).collect(),
                })
                .filter(|r| !r.cells.iter().all(Cell::is_empty))
                .collect(),
        })
        .collect();
    Source {
        path: file.to_path_buf(),
        tables,
    }
}

fn cell(v: &Value) -> Cell {
    match v {
        Value::Empty => Cell::Empty,
        Value::Text(s) if s.trim().is_empty() => Cell::Empty,
        Value::Text(s) => Cell::Text(s.trim().to_string()),
        Value::Int(i) => Cell::Number(*i as f64),
        Value::Number(n) => Cell::Number(*n),
        Value::Date(d) => Cell::Date(*d),
        Value::Formula { cached, .. } if cached.starts_with('#') => Cell::Error(cached.clone()),
        Value::Formula { cached, .. } => Cell::Text(cached.clone()),
    }
}
