//! What `popdruk init` writes: the starter workbook (`team.xlsx`, with its explanation
//! sheet, drop-down lists and checks) and, with `--example`, the bundled sample team in it;
//! and the plain [`Sheet`]s and the `.xlsx` writer they are made with.
//!
//! The data is in the format of `docs/workbook.md` (Dutch sheet and column names; the
//! starter also in English). All output is deterministic: the same sheets give the same
//! bytes, so regenerated samples only show up in a diff when their content changed.
//! Generated organisations, invalid samples and the other writers (`.ods`, `.xls`, CSV)
//! are development tooling, in the `popdruk-testkit` crate.

mod sample;
#[doc(hidden)]
pub mod schema;
mod starter;
mod xlsx;

use chrono::NaiveDate;

pub use self::sample::{sample_team, sample_team_snapshot};
pub use self::starter::{EXAMPLE_LOGO, EXAMPLE_LOGO_FILE, STARTER_FILE, starter, starter_bytes};
pub use self::xlsx::{
    ColumnFormat, GuidedSheet, List, RowLook, Rule, guided_xlsx_bytes, write_xlsx, xlsx_bytes,
};

/// One cell value of a synthetic sheet.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// An empty cell.
    Empty,
    /// Text, written as a string cell (even when it looks like a number or a date).
    Text(String),
    /// A whole number.
    Int(i64),
    /// A decimal number.
    Number(f64),
    /// A real date cell, shown as `dd/mm/yyyy`.
    Date(NaiveDate),
    /// A formula with the value a spreadsheet application last calculated for it.
    Formula {
        /// The formula, with its leading `=` (`=NA()`).
        formula: String,
        /// The cached result as the cell shows it (`#N/A`).
        cached: String,
    },
}

impl Value {
    /// Text cell from anything string-like; an empty string gives [`Value::Empty`].
    pub fn text(s: impl Into<String>) -> Value {
        let s = s.into();
        if s.is_empty() {
            Value::Empty
        } else {
            Value::Text(s)
        }
    }

    /// Date cell, or [`Value::Empty`] for `None`.
    pub fn date(d: Option<NaiveDate>) -> Value {
        d.map_or(Value::Empty, Value::Date)
    }

    /// The value as a Belgian user sees it in a cell: dates `dd/mm/yyyy`, decimal point as
    /// given by `decimal_comma`, formulas by their cached result.
    pub fn display(&self, decimal_comma: bool) -> String {
        match self {
            Value::Empty => String::new(),
            Value::Text(s) => s.clone(),
            Value::Int(i) => i.to_string(),
            Value::Number(n) => {
                let s = n.to_string();
                if decimal_comma {
                    s.replace('.', ",")
                } else {
                    s
                }
            }
            Value::Date(d) => d.format("%d/%m/%Y").to_string(),
            Value::Formula { cached, .. } => cached.clone(),
        }
    }
}

/// A sheet: name, header row, data rows.
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    /// Sheet name (`Medewerkers`).
    pub name: String,
    /// Column headers, written in row 1.
    pub headers: Vec<String>,
    /// Data rows from row 2 on; a row may be shorter than the header.
    pub rows: Vec<Vec<Value>>,
}

impl Sheet {
    /// Index of the column with exactly this header.
    pub fn column(&self, header: &str) -> Option<usize> {
        self.headers.iter().position(|h| h == header)
    }

    /// The cell at data row `row` (0-based) under `header`, if both exist.
    pub fn cell(&self, row: usize, header: &str) -> Option<&Value> {
        self.rows.get(row)?.get(self.column(header)?)
    }

    /// Index of the first data row whose cell under `header` equals `value`.
    pub fn find_row(&self, header: &str, value: &Value) -> Option<usize> {
        let col = self.column(header)?;
        self.rows.iter().position(|r| r.get(col) == Some(value))
    }

    /// Widest displayed content per column in characters, header included.
    pub fn column_chars(&self) -> Vec<usize> {
        let mut widths: Vec<usize> = self.headers.iter().map(|h| h.chars().count()).collect();
        for row in &self.rows {
            for (col, value) in row.iter().enumerate() {
                let len = value.display(true).chars().count();
                if col < widths.len() {
                    widths[col] = widths[col].max(len);
                }
            }
        }
        widths
    }
}

/// Column width in character units for a column whose widest content has `chars`
/// characters: a little padding, at least 6 and at most 60.
pub fn column_width(chars: usize) -> usize {
    (chars + 2).clamp(6, 60)
}

/// Find a sheet by name.
pub fn sheet<'a>(sheets: &'a [Sheet], name: &str) -> Option<&'a Sheet> {
    sheets.iter().find(|s| s.name == name)
}

/// Find a sheet by name, mutably.
pub fn sheet_mut<'a>(sheets: &'a mut [Sheet], name: &str) -> Option<&'a mut Sheet> {
    sheets.iter_mut().find(|s| s.name == name)
}

/// Belgian enterprise number `0xxx.xxx.xxx` for the 8 leading digits given (`0` to
/// `19_999_999`): the last two digits are 97 minus the first eight modulo 97.
pub fn enterprise_number(first_eight: u32) -> String {
    let check = 97 - first_eight % 97;
    let digits = format!("{first_eight:08}{check:02}");
    format!("{}.{}.{}", &digits[..4], &digits[4..7], &digits[7..])
}
