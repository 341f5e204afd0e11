//! `popdruk-generate EMPLOYEES OUT [--teams N] [--seed N]`: writes a generated organisation
//! for benchmarks and load tests, an `.xlsx` workbook (written atomically) or, when `OUT`
//! has no extension, a folder of CSV files. One team per 25 employees unless `--teams` says
//! otherwise; the same seed (7 by default) gives the same workbook.

use std::path::{Path, PathBuf};

use popdruk::i18n::{Lang, Tr};
use popdruk::report::failure::{Failure, io_cause};

fn main() {
    let (employees, out, teams, seed) = match arguments(std::env::args().skip(1)) {
        Some(parsed) => parsed,
        None => {
            eprintln!("usage: popdruk-generate EMPLOYEES OUT [--teams N] [--seed N]");
            std::process::exit(2);
        }
    };
    let teams = teams.unwrap_or((employees / 25).max(1));
    let sheets = popdruk_testkit::organisation(employees, teams.max(1), seed);
    let written = if out.extension().is_some() {
        popdruk_testkit::xlsx_bytes(&sheets)
            .and_then(|bytes| popdruk::output::write_atomic(&out, &bytes))
    } else {
        popdruk_testkit::write_csv_dir(
            &out,
            &sheets,
            b';',
            popdruk_testkit::CsvEncoding::Utf8Bom,
            true,
        )
    };
    if let Err(e) = written {
        cannot_write(&out, &e);
    }
    eprintln!(
        "{employees} medewerkers in {teams} teams geschreven in `{}`",
        out.display()
    );
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

/// Says the file could not be written, and why; exit 2.
fn cannot_write(out: &Path, e: &std::io::Error) -> ! {
    Failure::new(
        Tr::new(
            format!("kan `{}` niet schrijven", out.display()),
            format!("cannot write `{}`", out.display()),
        ),
        Some(io_cause(e, Lang::Nl)),
    )
    .print(Lang::Nl);
    std::process::exit(2);
}
