//! Diagnostics: problems in the user's data, each tied to the cell it came from.
//!
//! Data problems are collected and reported all at once; this module only describes and
//! prints them. Tool failures (an unreadable file) are errors of their own stage instead.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::PathBuf;

use crate::i18n::{Lang, Tr};

/// Whether a character is invisible on paper and in a terminal, and changes what is around
/// it: a control character other than a tab or a line break (an escape can clear the
/// screen a message is printed on), or a bidirectional embedding, override or isolate
/// (which reverses the text after it, so `Ayşe` could read as another name). Right-to-left
/// letters themselves are ordinary text.
pub fn is_invisible_control(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

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
            if c != '\n' && is_invisible_control(c) {
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
        let sheet = match lang {
            Lang::Nl => "blad",
            Lang::En => "sheet",
        };
        let mut out = self.file.display().to_string();
        if let Some(s) = &self.sheet {
            let _ = write!(out, ", {sheet} `{s}`");
        }
        let within = self.render_within(lang);
        if !within.is_empty() {
            let _ = write!(out, ", {within}");
        }
        out
    }

    /// The place within the workbook the user is looking at, without its path: `blad
    /// `Gesprekken`, rij 14, kolom `Getekend LG` (H)`; in a folder of CSV files the file's
    /// name stands for the sheet (`gesprekken.csv, rij 14, …`).
    pub fn render_in_workbook(&self, lang: Lang) -> String {
        let sheet = match lang {
            Lang::Nl => "blad",
            Lang::En => "sheet",
        };
        let mut out = match &self.sheet {
            Some(s) => format!("{sheet} `{s}`"),
            None => self
                .file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
        };
        let within = self.render_within(lang);
        if !within.is_empty() {
            let _ = write!(out, ", {within}");
        }
        out
    }

    /// The row and column alone: `rij 5, kolom `In dienst` (F)`.
    fn render_within(&self, lang: Lang) -> String {
        let (row, column) = match lang {
            Lang::Nl => ("rij", "kolom"),
            Lang::En => ("row", "column"),
        };
        let mut parts = Vec::new();
        if let Some(r) = self.row {
            parts.push(format!("{row} {r}"));
        }
        if let Some(c) = &self.column {
            parts.push(format!(
                "{column} `{}` ({})",
                c.header,
                column_letter(c.index)
            ));
        }
        parts.join(", ")
    }
}

/// How many notes of one kind a run prints in full before it counts the rest on one line.
pub const NOTES_IN_FULL: usize = 5;

/// How many places a line about notes of one kind names.
const PLACES_NAMED: usize = 3;

/// The diagnostics as printed, in their order: errors and warnings each in full (each is a
/// thing to fix); of notes of one kind, the first `in_full` in full and the others on one
/// line after the rest, with their number and first places (a lone one is printed in
/// full there). A sheet of 16,384 columns
/// gives 16,367 notes of one kind (an unknown column): they are not 16,367 messages.
///
/// Notes are of one kind when their messages are the same but for the values in
/// backticks (`kolom `x1` is onbekend`, `kolom `x2` is onbekend`).
pub fn render_all(diagnostics: &[Diagnostic], lang: Lang, in_full: usize) -> Vec<String> {
    /// Notes of one kind: how many were printed in full, and the others.
    struct Kind<'a> {
        text: String,
        in_full: usize,
        others: Vec<&'a Diagnostic>,
    }
    let mut out = Vec::new();
    // Kinds in the order their first note came, found by their text.
    let mut kinds: Vec<Kind> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for d in diagnostics {
        if d.severity != Severity::Note {
            out.push(d.render(lang));
            continue;
        }
        let text = without_values(d.message.get(lang));
        let at = *index.entry(text.clone()).or_insert_with(|| {
            kinds.push(Kind {
                text,
                in_full: 0,
                others: Vec::new(),
            });
            kinds.len() - 1
        });
        let kind = &mut kinds[at];
        if kind.in_full < in_full {
            kind.in_full += 1;
            out.push(d.render(lang));
        } else {
            kind.others.push(d);
        }
    }
    for kind in &kinds {
        match kind.others[..] {
            [] => {}
            // One is printed whole, with its hint.
            [one] => out.push(one.render(lang)),
            _ => out.push(notes_line(&kind.text, &kind.others, lang, kind.in_full > 0)),
        }
    }
    out
}

/// One line for `notes` of one `kind`: how many, what, and the first few places; `more`
/// when others of the kind were printed before it.
fn notes_line(kind: &str, notes: &[&Diagnostic], lang: Lang, more: bool) -> String {
    let n = notes.len();
    let what = match (more, lang) {
        (false, Lang::Nl) => format!("{n} keer: {kind}"),
        (false, Lang::En) => format!("{n} times: {kind}"),
        (true, Lang::Nl) => format!("nog {n} keer: {kind}"),
        (true, Lang::En) => format!("{n} more times: {kind}"),
    };
    let mut places = String::new();
    let mut last: Option<&Location> = None;
    for d in notes.iter().take(PLACES_NAMED) {
        let l = &d.location;
        if let Some(p) = last {
            places.push_str("; ");
            if p.file == l.file && p.sheet == l.sheet {
                places.push_str(&l.render_within(lang));
                last = Some(l);
                continue;
            }
        }
        places.push_str(&l.render(lang));
        last = Some(l);
    }
    if n > PLACES_NAMED {
        places.push_str("; …");
    }
    // A blank line after it, as after a diagnostic printed in full.
    let line = format!(
        "{}: {what}  --> {places}\n",
        severity_word(Severity::Note, lang)
    );
    // As in `render`: a control character a value holds is shown by its code.
    line.chars()
        .map(|c| {
            if is_invisible_control(c) {
                format!("<U+{:04X}>", u32::from(c))
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// `text` with each value in backticks replaced by `…`.
fn without_values(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let parts = text.split('`').count() - 1;
    for (i, part) in text.split('`').enumerate() {
        if i > 0 {
            out.push('`');
        }
        // Odd parts stand between a pair of backticks; a last one without its closing
        // backtick is text.
        if i % 2 == 1 && i < parts {
            out.push('…');
        } else {
            out.push_str(part);
        }
    }
    out
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

    fn note(message: &str, row: u32) -> Diagnostic {
        Diagnostic {
            severity: Severity::Note,
            location: Location {
                file: "team.xlsx".into(),
                sheet: Some("Taken".into()),
                row: Some(row),
                column: None,
            },
            message: Tr::new(message, message),
            expected: None,
            hint: None,
        }
    }

    #[test]
    fn notes_of_one_kind_past_the_first_are_one_line_and_errors_stay_whole_in_order() {
        let error = Diagnostic {
            severity: Severity::Error,
            ..note("kapot", 9)
        };
        let diags = [
            note("kolom `a` is onbekend", 1),
            error.clone(),
            note("kolom `b` is onbekend", 2),
            note("iets `anders`", 3),
            note("kolom `c` is onbekend", 4),
            error,
        ];
        let out = render_all(&diags, Lang::Nl, 1);
        assert_eq!(
            out,
            [
                "opmerking: kolom `a` is onbekend\n  --> team.xlsx, blad `Taken`, rij 1\n",
                "fout: kapot\n  --> team.xlsx, blad `Taken`, rij 9\n",
                "opmerking: iets `anders`\n  --> team.xlsx, blad `Taken`, rij 3\n",
                "fout: kapot\n  --> team.xlsx, blad `Taken`, rij 9\n",
                "opmerking: nog 2 keer: kolom `…` is onbekend  --> team.xlsx, blad `Taken`, rij 2; rij 4\n",
            ]
        );
        // Quiet: one line per kind, a lone note in full.
        let out = render_all(&diags[..4], Lang::En, 0);
        assert_eq!(
            out[1],
            "note: 2 times: kolom `…` is onbekend  --> team.xlsx, sheet `Taken`, row 1; row 2\n"
        );
        assert_eq!(
            out[2],
            "note: iets `anders`\n  --> team.xlsx, sheet `Taken`, row 3\n"
        );
        // An unclosed backtick is text.
        assert_eq!(without_values("a `b` c `d"), "a `…` c `d");
    }

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
