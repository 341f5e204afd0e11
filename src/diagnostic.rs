//! Diagnostics: problems in the user's data, each tied to the cell it came from.
//!
//! Data problems are collected and reported all at once; this module only describes and
//! prints them. Tool failures (an unreadable file) are errors of their own stage instead.

use std::fmt::Write as _;
use std::path::PathBuf;

use crate::i18n::{Lang, Tr};

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The data cannot be printed as it is.
    Error,
    /// Printing goes on, but something is probably not as intended.
    Warning,
    /// Information, such as an ignored column.
    Note,
}

/// A column as the user named it, with its position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnRef {
    /// The header as written in the file.
    pub header: String,
    /// Zero-based column index.
    pub index: usize,
}

/// Where a diagnostic points: file, sheet, row and column, as far as known.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Location {
    /// The workbook or CSV file.
    pub file: PathBuf,
    /// The sheet name (absent for CSV files, where the file is the sheet).
    pub sheet: Option<String>,
    /// The row number as Excel shows it (or the CSV line number).
    pub row: Option<u32>,
    /// The column.
    pub column: Option<ColumnRef>,
}

/// A problem found in the data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// How serious it is.
    pub severity: Severity,
    /// Where it is.
    pub location: Location,
    /// What is wrong, naming the offending value.
    pub message: Tr,
    /// What was expected instead.
    pub expected: Option<Tr>,
    /// A likely fix.
    pub hint: Option<Tr>,
}

impl Diagnostic {
    /// The diagnostic printed for a person, in `lang`, on several lines.
    pub fn render(&self, lang: Lang) -> String {
        let out = self.render_raw(lang);
        // Values in messages are as the user typed them: show an invisible control
        // character by its code instead of letting it act on the terminal.
        let mut shown = String::with_capacity(out.len());
        for c in out.chars() {
            if c != '\n' && crate::model::value::is_invisible_control(c) {
                let _ = write!(shown, "<U+{:04X}>", u32::from(c));
            } else {
                shown.push(c);
            }
        }
        shown
    }

    fn render_raw(&self, lang: Lang) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{}: {}",
            severity_word(self.severity, lang),
            self.message.get(lang)
        );
        let _ = writeln!(out, "  --> {}", self.location.render(lang));
        if let Some(e) = &self.expected {
            let word = match lang {
                Lang::Nl => "verwacht",
                Lang::En => "expected",
            };
            let _ = writeln!(out, "  = {word}: {}", e.get(lang));
        }
        if let Some(h) = &self.hint {
            let word = match lang {
                Lang::Nl => "tip",
                Lang::En => "hint",
            };
            let _ = writeln!(out, "{word}: {}", h.get(lang));
        }
        out
    }
}

impl Severity {
    /// The word printed before the message (`fout`, `warning`).
    pub fn word(self, lang: Lang) -> &'static str {
        severity_word(self, lang)
    }
}

fn severity_word(s: Severity, lang: Lang) -> &'static str {
    match (s, lang) {
        (Severity::Error, Lang::Nl) => "fout",
        (Severity::Error, Lang::En) => "error",
        (Severity::Warning, Lang::Nl) => "waarschuwing",
        (Severity::Warning, Lang::En) => "warning",
        (Severity::Note, Lang::Nl) => "opmerking",
        (Severity::Note, Lang::En) => "note",
    }
}

impl Location {
    /// `team.xlsx, blad `Medewerkers`, rij 5, kolom `In dienst` (F)`.
    pub fn render(&self, lang: Lang) -> String {
        let (sheet, row, column) = match lang {
            Lang::Nl => ("blad", "rij", "kolom"),
            Lang::En => ("sheet", "row", "column"),
        };
        let mut out = self.file.display().to_string();
        if let Some(s) = &self.sheet {
            let _ = write!(out, ", {sheet} `{s}`");
        }
        if let Some(r) = self.row {
            let _ = write!(out, ", {row} {r}");
        }
        if let Some(c) = &self.column {
            let _ = write!(
                out,
                ", {column} `{}` ({})",
                c.header,
                column_letter(c.index)
            );
        }
        out
    }
}

/// The spreadsheet letter of a zero-based column index (0 → `A`, 27 → `AB`).
pub fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// Counts of diagnostics by severity, with the closing line of a check.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Number of errors.
    pub errors: usize,
    /// Number of warnings.
    pub warnings: usize,
}

impl Tally {
    /// Counts the diagnostics.
    pub fn of(diagnostics: &[Diagnostic]) -> Self {
        let count = |s| diagnostics.iter().filter(|d| d.severity == s).count();
        Tally {
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
        }
    }

    /// `2 fouten, 1 waarschuwing` or `geen fouten of waarschuwingen`.
    pub fn render(&self, lang: Lang) -> String {
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        match lang {
            Lang::Nl if self.errors + self.warnings == 0 => "geen fouten of waarschuwingen".into(),
            Lang::En if self.errors + self.warnings == 0 => "no errors or warnings".into(),
            Lang::Nl => format!(
                "{}, {}",
                plural(self.errors, "fout", "fouten"),
                plural(self.warnings, "waarschuwing", "waarschuwingen")
            ),
            Lang::En => format!(
                "{}, {}",
                plural(self.errors, "error", "errors"),
                plural(self.warnings, "warning", "warnings")
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_follow_excel() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }

    #[test]
    fn renders_file_sheet_row_column_and_hint() {
        let d = Diagnostic {
            severity: Severity::Error,
            location: Location {
                file: "team.xlsx".into(),
                sheet: Some("Matrix".into()),
                row: Some(17),
                column: Some(ColumnRef {
                    header: "Taak".into(),
                    index: 1,
                }),
            },
            message: Tr::new("onbekende taak `SCH-BIU`", "unknown task `SCH-BIU`"),
            expected: None,
            hint: Some(Tr::new("bedoelde u `SCH-BUI`?", "did you mean `SCH-BUI`?")),
        };
        assert_eq!(
            d.render(Lang::Nl),
            "fout: onbekende taak `SCH-BIU`\n  --> team.xlsx, blad `Matrix`, rij 17, kolom `Taak` (B)\ntip: bedoelde u `SCH-BUI`?\n"
        );
        assert!(
            d.render(Lang::En)
                .contains("sheet `Matrix`, row 17, column `Taak` (B)")
        );
    }

    #[test]
    fn tally_speaks_plain_dutch() {
        let t = Tally {
            errors: 2,
            warnings: 1,
        };
        assert_eq!(t.render(Lang::Nl), "2 fouten, 1 waarschuwing");
        assert_eq!(t.render(Lang::En), "2 errors, 1 warning");
    }
}
