//! `popdruk-generate EMPLOYEES OUT [--teams N] [--seed N]`: writes a generated organisation
//! for benchmarks and load tests, an `.xlsx` workbook (written atomically) or, when `OUT`
//! has no extension, a folder of CSV files. One team per 25 employees unless `--teams` says
//! otherwise; the same seed (7 by default) gives the same workbook.

use std::path::{Path, PathBuf};

use popdruk::i18n::{Lang, Tr};
use popdruk::report::failure::{Failure, io_cause};

/// Writes the organisation `args` (the command line after the program's name) asks for;
/// returns the exit code: 0 written, 2 not (a usage error, or the file could not be
/// written, said on stderr).
pub fn run(args: impl Iterator<Item = String>) -> i32 {
    let Some((employees, out, teams, seed)) = arguments(args) else {
        eprintln!("usage: popdruk-generate EMPLOYEES OUT [--teams N] [--seed N]");
        return 2;
    };
    let teams = teams.unwrap_or((employees / 25).max(1));
    let sheets = crate::organisation(employees, teams.max(1), seed);
    let written = if out.extension().is_some() {
        crate::xlsx_bytes(&sheets).and_then(|bytes| popdruk::output::write_atomic(&out, &bytes))
    } else {
        crate::write_csv_dir(&out, &sheets, b';', crate::CsvEncoding::Utf8Bom, true)
    };
    if let Err(e) = written {
        cannot_write(&out, &e);
        return 2;
    }
    eprintln!(
        "{employees} medewerkers in {teams} teams geschreven in `{}`",
        out.display()
    );
    0
}

/// The number of employees, where to write, and the `--teams` and `--seed` given.
fn arguments(args: impl Iterator<Item = String>) -> Option<(usize, PathBuf, Option<usize>, u64)> {
    let (mut positional, mut teams, mut seed) = (Vec::new(), None, 7);
    let mut args = args.peekable();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--teams" => teams = Some(args.next()?.parse().ok()?),
            "--seed" => seed = args.next()?.parse().ok()?,
            _ if arg.starts_with("--") => return None,
            _ => positional.push(arg),
        }
    }
    let [employees, out] = positional.as_slice() else {
        return None;
    };
    Some((employees.parse().ok()?, PathBuf::from(out), teams, seed))
}

/// Says the file could not be written, and why.
fn cannot_write(out: &Path, e: &std::io::Error) {
    Failure::new(
        Tr::new(
            format!("kan `{}` niet schrijven", out.display()),
            format!("cannot write `{}`", out.display()),
        ),
        Some(io_cause(e, Lang::Nl)),
    )
    .print(Lang::Nl);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn generate(args: &[&str]) -> i32 {
        run(args.iter().map(|a| a.to_string()))
    }

    /// The employees of the workbook at `path`, after checking it has no errors.
    fn employees_read(path: &Path) -> usize {
        let source = popdruk::input::read(path).expect("readable");
        let validated = popdruk::model::validate(&source);
        assert!(!validated.has_errors(), "{:?}", validated.diagnostics);
        validated.workbook.employees.len()
    }

    #[test]
    fn the_generator_writes_a_workbook_and_a_csv_folder_popdruk_reads_without_errors() {
        let dir = std::env::temp_dir().join(format!("popdruk-generate-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let xlsx = dir.join("org.xlsx");
        assert_eq!(generate(&["60", xlsx.to_str().unwrap(), "--seed", "3"]), 0);
        assert_eq!(employees_read(&xlsx), 60);
        let csv = dir.join("org-csv");
        assert_eq!(generate(&["30", csv.to_str().unwrap()]), 0);
        assert_eq!(employees_read(&csv), 30);
        assert_eq!(generate(&["thirty", "x.xlsx"]), 2);
        std::fs::remove_dir_all(dir).ok();
    }
}
