//! Command-line flags parsed into a validated options value; no work is done here.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};

use crate::i18n::Lang;

/// Command-line arguments as clap sees them.
#[derive(Debug, Parser)]
#[command(
    name = "popdruk",
    version,
    about = "Zet een teamwerkmap om in drukklare POP-documenten",
    after_help = "Voorbeeld:\n  popdruk check samples/team.xlsx"
)]
struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Controleer een werkmap en toon alle problemen met blad, rij en kolom
    #[command(
        after_help = "Voorbeeld:\n  popdruk check team.xlsx\n  popdruk check team-csv/ --lang en"
    )]
    Check {
        /// De werkmap (.xlsx, .ods, .xls) of een map met .csv-bestanden
        workbook: PathBuf,
        /// Taal van de meldingen: nl of en
        #[arg(long, default_value = "nl")]
        lang: Lang,
        /// De datum van vandaag (JJJJ-MM-DD); standaard de systeemdatum
        #[arg(long)]
        date: Option<NaiveDate>,
    },
}

/// What the user asked popdruk to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Options {
    /// Check a workbook and print its diagnostics and summary.
    Check(CheckOptions),
}

/// Options of `popdruk check`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckOptions {
    /// The workbook file or CSV folder.
    pub workbook: PathBuf,
    /// Language of messages.
    pub lang: Lang,
    /// "Today", when given; otherwise the caller reads the clock once.
    pub date: Option<NaiveDate>,
}

/// Parses the process arguments (exits with usage help on bad flags).
pub fn parse() -> Options {
    from_args(Args::parse())
}

/// Parses arguments from a list, for tests.
pub fn try_parse_from<I, T>(args: I) -> Result<Options, clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    Args::try_parse_from(args).map(from_args)
}

fn from_args(args: Args) -> Options {
    match args.command {
        Command::Check {
            workbook,
            lang,
            date,
        } => Options::Check(CheckOptions {
            workbook,
            lang,
            date,
        }),
    }
}
