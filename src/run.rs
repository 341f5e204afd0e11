//! Carrying out a command: the edge where files are read and messages are printed.

use std::io::Write;

use chrono::NaiveDate;

use crate::cli::{CheckOptions, Options};
use crate::diagnostic::Tally;
use crate::i18n::Lang;
use crate::{analysis, input, model, summary};

/// The process exit code: 0 done, 1 the data has errors, 2 the tool could not run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Done.
    Ok = 0,
    /// The data has errors.
    DataErrors = 1,
    /// The tool could not run.
    Failed = 2,
}

/// Runs a command; `today` is the system date, read once by the caller.
pub fn run(options: Options, today: NaiveDate) -> Exit {
    match options {
        Options::Check(o) => check(&o, today),
    }
}

fn check(o: &CheckOptions, today: NaiveDate) -> Exit {
    let today = o.date.unwrap_or(today);
    let source = match input::read(&o.workbook) {
        Ok(s) => s,
        Err(e) => {
            let word = match o.lang {
                Lang::Nl => "fout",
                Lang::En => "error",
            };
            let mut err = std::io::stderr().lock();
            let _ = writeln!(err, "{word}: {}", e.message().get(o.lang));
            if let Some(cause) = e.cause() {
                let word = match o.lang {
                    Lang::Nl => "oorzaak",
                    Lang::En => "caused by",
                };
                let _ = writeln!(err, "  {word}: {cause}");
            }
            return Exit::Failed;
        }
    };
    let validated = model::validate(&source);
    let mut err = std::io::stderr().lock();
    for d in &validated.diagnostics {
        let _ = writeln!(err, "{}", d.render(o.lang));
    }
    let tally = Tally::of(&validated.diagnostics);
    let _ = writeln!(err, "{}", tally.render(o.lang));
    let lines = summary::summary(&validated.workbook, today, o.lang);
    let mut out = summary::render(&lines);
    if !validated.workbook.matrix.is_empty() {
        let teams = analysis::analyse(&validated.workbook, today);
        out.push_str(&summary::matrix_summary(&teams, today, o.lang));
    }
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    if validated.has_errors() {
        Exit::DataErrors
    } else {
        Exit::Ok
    }
}
