//! Command-line flags parsed into a validated options value; no work is done here.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args as ClapArgs, Parser, Subcommand};

use crate::build::Kind;
use crate::context::team::Paper;
use crate::i18n::Lang;
use crate::terminal::Verbosity;

/// Command-line arguments as clap sees them.
#[derive(Debug, Parser)]
#[command(
    name = "popdruk",
    version,
    about = "Zet een teamwerkmap om in drukklare POP-documenten",
    after_help = "Voorbeelden:\n  popdruk init                      een startwerkmap team.xlsx maken om in te vullen\n  popdruk team.xlsx                 alle documenten maken (zoals `popdruk build`)\n  popdruk check team.xlsx           de werkmap controleren\n  popdruk build team.xlsx --only pop --employee M003",
    args_conflicts_with_subcommands = true
)]
struct Args {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    build: BuildArgs,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Controleer een werkmap (problemen met blad, rij en kolom) en de POP-regels op een datum
    #[command(
        after_help = "Voorbeeld:\n  popdruk check team.xlsx\n  popdruk check team.xlsx --as-of 2026-12-31 --strict\n  popdruk check team-csv/ --lang en"
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
        /// De datum waarop de regels gecontroleerd worden (JJJJ-MM-DD); standaard --date
        #[arg(long = "as-of")]
        as_of: Option<NaiveDate>,
        /// Begin van de periode (begeleidingsnorm, eerste POP); standaard 12 maanden voor --as-of
        #[arg(long)]
        from: Option<NaiveDate>,
        /// Einde van de periode; standaard --as-of
        #[arg(long)]
        to: Option<NaiveDate>,
        /// Eindig met code 1 als een regel een tekort vindt
        #[arg(long)]
        strict: bool,
        #[command(flatten)]
        talk: Talk,
    },
    /// Maak de POP-documenten van elke medewerker en de bundels om af te drukken
    #[command(
        after_help = "Voorbeeld:\n  popdruk build team.xlsx\n  popdruk build team.xlsx -o afdruk --only pop,afspraken --employee M003\n  popdruk build team.xlsx --only dossier --as-of 2026-12-31"
    )]
    Build(BuildArgs),
    /// Werk met de ingebouwde sjablonen
    #[command(after_help = "Voorbeeld:\n  popdruk templates export mijn-sjablonen")]
    Templates {
        #[command(subcommand)]
        action: TemplatesAction,
    },
    /// Maak een startwerkmap team.xlsx om in te vullen, met uitleg en keuzelijsten
    #[command(
        after_help = "Voorbeeld:\n  popdruk init\n  popdruk init mijn-team --example\n  popdruk init --lang en"
    )]
    Init {
        /// De map waarin team.xlsx komt; standaard de huidige map
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Taal van de bladen, kolommen en uitleg: nl of en
        #[arg(long, default_value = "nl")]
        lang: Lang,
        /// Vul de werkmap met het voorbeeldteam in plaats van lege bladen
        #[arg(long)]
        example: bool,
        /// Een bestaande team.xlsx overschrijven
        #[arg(long)]
        force: bool,
    },
    /// Make a generated organisation for benchmarks and tests (hidden)
    #[command(hide = true)]
    Generate {
        /// Number of employees
        employees: usize,
        /// The workbook to write (.xlsx), or a folder for CSV files when it has no extension
        out: PathBuf,
        /// Number of teams; one per 25 employees by default
        #[arg(long)]
        teams: Option<usize>,
        /// Seed of the random generator: the same seed gives the same workbook
        #[arg(long, default_value_t = 7)]
        seed: u64,
    },
    /// Toon de aanvulcode (completions) voor een shell
    #[command(
        after_help = "Voorbeeld:\n  popdruk completions bash > ~/.local/share/bash-completion/completions/popdruk\n  popdruk completions powershell >> $PROFILE"
    )]
    Completions {
        /// De shell: bash, zsh, fish, powershell of elvish
        shell: clap_complete::Shell,
    },
}

#[derive(Debug, Subcommand)]
enum TemplatesAction {
    /// Kopieer de ingebouwde sjablonen naar een map, om ze aan te passen
    #[command(
        after_help = "Voorbeeld:\n  popdruk templates export mijn-sjablonen\n  popdruk build team.xlsx --templates mijn-sjablonen"
    )]
    Export {
        /// De map waarin de sjablonen komen
        dir: PathBuf,
        /// Bestaande bestanden overschrijven
        #[arg(long)]
        force: bool,
    },
}

/// How much popdruk says.
#[derive(Debug, ClapArgs)]
struct Talk {
    /// Zeg alleen fouten en waarschuwingen
    #[arg(short, long, conflicts_with = "verbose")]
    quiet: bool,
    /// Noem elk bestand dat geschreven wordt
    #[arg(short, long)]
    verbose: bool,
}

impl Talk {
    fn verbosity(&self) -> Verbosity {
        match (self.quiet, self.verbose) {
            (true, _) => Verbosity::Quiet,
            (_, true) => Verbosity::Verbose,
            _ => Verbosity::Normal,
        }
    }
}

#[derive(Debug, ClapArgs)]
struct BuildArgs {
    /// De werkmap (.xlsx, .ods, .xls) of een map met .csv-bestanden
    workbook: Option<PathBuf>,
    /// De map voor de documenten; standaard naast de werkmap, met dezelfde naam
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// De afdrukdatum (JJJJ-MM-DD); standaard vandaag
    #[arg(long)]
    date: Option<NaiveDate>,
    /// Taal van de documenten en meldingen: nl of en
    #[arg(long, default_value = "nl")]
    lang: Lang,
    /// Een map met eigen sjablonen die de ingebouwde vervangen, bestand per bestand
    #[arg(long)]
    templates: Option<PathBuf>,
    /// Papier van de teammatrix: a4 of a3 (altijd liggend)
    #[arg(long, default_value = "a4")]
    paper: Paper,
    /// De controledatum van het inspectiedossier (JJJJ-MM-DD); standaard --date
    #[arg(long = "as-of")]
    as_of: Option<NaiveDate>,
    /// Begin van de periode van het dossier; standaard 12 maanden voor --as-of
    #[arg(long)]
    from: Option<NaiveDate>,
    /// Einde van de periode van het dossier; standaard --as-of
    #[arg(long)]
    to: Option<NaiveDate>,
    /// Alleen deze documenten: pop, afspraken, voorbereiding, teammatrix, opleidingsplan, dossier (met komma's)
    #[arg(long, value_delimiter = ',')]
    only: Vec<Kind>,
    /// Alleen deze medewerker (ID); mag meermaals
    #[arg(long = "employee")]
    employees: Vec<String>,
    /// Open de map met de documenten (of de bundel, of het dossier) na afloop
    #[arg(long)]
    open: bool,
    #[command(flatten)]
    talk: Talk,
}

/// What the user asked popdruk to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Options {
    /// Check a workbook and print its diagnostics and summary.
    Check(CheckOptions),
    /// Build the documents.
    Build(BuildOptions),
    /// Copy the built-in templates into a folder.
    ExportTemplates {
        /// The folder.
        dir: PathBuf,
        /// Overwrite existing files.
        force: bool,
    },
    /// Write a starter workbook.
    Init {
        /// The folder it goes in.
        dir: PathBuf,
        /// Language of its sheets, headers and explanations.
        lang: Lang,
        /// Fill it with the sample team instead of example rows.
        example: bool,
        /// Overwrite an existing workbook.
        force: bool,
    },
    /// Print shell completions.
    Completions(clap_complete::Shell),
    /// Write a generated organisation (`popdruk generate N OUT`, hidden from the help).
    Generate {
        /// Employees.
        employees: usize,
        /// Teams.
        teams: usize,
        /// Generator seed.
        seed: u64,
        /// Where to write it.
        out: PathBuf,
    },
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
    /// The day the rules are checked on; `date` when not given.
    pub as_of: Option<NaiveDate>,
    /// First day of the period; 12 months before `as_of` when not given.
    pub from: Option<NaiveDate>,
    /// Last day of the period; `as_of` when not given.
    pub to: Option<NaiveDate>,
    /// Whether a `tekort` finding makes the check fail (exit 1).
    pub strict: bool,
    /// How much to say on stderr.
    pub verbosity: Verbosity,
}

/// Options of `popdruk build`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildOptions {
    /// The workbook file or CSV folder, and what `check` needs.
    pub check: CheckOptions,
    /// The output folder, when given.
    pub output: Option<PathBuf>,
    /// A folder of template overrides.
    pub templates: Option<PathBuf>,
    /// Document kinds; all when empty.
    pub only: Vec<Kind>,
    /// Employee IDs; everyone in service when empty.
    pub employees: Vec<String>,
    /// Paper of the teammatrix.
    pub paper: Paper,
    /// Open the output with the system's viewer afterwards.
    pub open: bool,
}

/// Parses the process arguments (exits with usage help on bad flags).
pub fn parse() -> Options {
    match from_args(Args::parse()) {
        Some(o) => o,
        None => {
            use clap::CommandFactory;
            let _ = Args::command().print_help();
            std::process::exit(2);
        }
    }
}

/// Parses arguments from a list, for tests; `None` when no workbook or command was given.
pub fn try_parse_from<I, T>(args: I) -> Result<Option<Options>, clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    Args::try_parse_from(args).map(from_args)
}

/// Writes the completions of `popdruk` for `shell`.
pub fn write_completions(shell: clap_complete::Shell, out: &mut dyn std::io::Write) {
    use clap::CommandFactory;
    clap_complete::generate(shell, &mut Args::command(), "popdruk", out);
}

fn build_options(b: BuildArgs) -> Option<BuildOptions> {
    let mut only = b.only;
    only.sort();
    only.dedup();
    Some(BuildOptions {
        check: CheckOptions {
            workbook: b.workbook?,
            lang: b.lang,
            date: b.date,
            as_of: b.as_of,
            from: b.from,
            to: b.to,
            strict: false,
            verbosity: b.talk.verbosity(),
        },
        output: b.output,
        templates: b.templates,
        only,
        employees: b.employees,
        paper: b.paper,
        open: b.open,
    })
}

fn from_args(args: Args) -> Option<Options> {
    Some(match args.command {
        Some(Command::Check {
            workbook,
            lang,
            date,
            as_of,
            from,
            to,
            strict,
            talk,
        }) => Options::Check(CheckOptions {
            workbook,
            lang,
            date,
            as_of,
            from,
            to,
            strict,
            verbosity: talk.verbosity(),
        }),
        Some(Command::Build(b)) => Options::Build(build_options(b)?),
        Some(Command::Templates {
            action: TemplatesAction::Export { dir, force },
        }) => Options::ExportTemplates { dir, force },
        Some(Command::Init {
            dir,
            lang,
            example,
            force,
        }) => Options::Init {
            dir,
            lang,
            example,
            force,
        },
        Some(Command::Completions { shell }) => Options::Completions(shell),
        Some(Command::Generate {
            employees,
            out,
            teams,
            seed,
        }) => Options::Generate {
            employees,
            teams: teams.unwrap_or((employees / 25).max(1)),
            seed,
            out,
        },
        None => Options::Build(build_options(args.build)?),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bare_workbook_means_build() {
        let o = try_parse_from(["popdruk", "team.xlsx"]).unwrap().unwrap();
        let Options::Build(b) = o else {
            panic!("expected build")
        };
        assert_eq!(b.check.workbook, PathBuf::from("team.xlsx"));
        assert!(b.only.is_empty());
    }

    #[test]
    fn only_takes_a_comma_list_and_employee_repeats() {
        let o = try_parse_from([
            "popdruk",
            "build",
            "team.xlsx",
            "--only",
            "afspraken,pop",
            "--employee",
            "M1",
            "--employee",
            "M2",
            "--lang",
            "en",
        ])
        .unwrap()
        .unwrap();
        let Options::Build(b) = o else {
            panic!("expected build")
        };
        assert_eq!(b.only, vec![Kind::Pop, Kind::Afspraken]);
        assert_eq!(b.employees, vec!["M1", "M2"]);
        assert_eq!(b.check.lang, Lang::En);
    }

    #[test]
    fn check_takes_as_of_period_and_strict() {
        let o = try_parse_from([
            "popdruk",
            "check",
            "team.xlsx",
            "--as-of",
            "2026-11-29",
            "--from",
            "2026-01-01",
            "--strict",
        ])
        .unwrap()
        .unwrap();
        let Options::Check(c) = o else {
            panic!("expected check")
        };
        assert_eq!(c.as_of, NaiveDate::from_ymd_opt(2026, 11, 29));
        assert_eq!(c.from, NaiveDate::from_ymd_opt(2026, 1, 1));
        assert_eq!(c.to, None);
        assert!(c.strict);
        assert!(try_parse_from(["popdruk", "check", "t.xlsx", "--as-of", "29/11/2026"]).is_err());
    }

    #[test]
    fn init_defaults_to_the_current_folder_in_dutch() {
        let o = try_parse_from(["popdruk", "init"]).unwrap().unwrap();
        assert_eq!(
            o,
            Options::Init {
                dir: PathBuf::from("."),
                lang: Lang::Nl,
                example: false,
                force: false,
            }
        );
        let o = try_parse_from([
            "popdruk",
            "init",
            "t",
            "--lang",
            "en",
            "--example",
            "--force",
        ]);
        assert!(matches!(
            o.unwrap().unwrap(),
            Options::Init {
                lang: Lang::En,
                example: true,
                force: true,
                ..
            }
        ));
    }

    #[test]
    fn every_subcommand_shows_an_example() {
        use clap::CommandFactory;
        let mut cmd = Args::command();
        let mut missing = Vec::new();
        fn walk(cmd: &mut clap::Command, path: String, missing: &mut Vec<String>) {
            let help = cmd.render_long_help().to_string();
            if !help.contains("Voorbeeld") {
                missing.push(path.clone());
            }
            for sub in cmd.get_subcommands_mut() {
                if sub.get_name() != "help" && !sub.is_hide_set() {
                    let p = format!("{path} {}", sub.get_name());
                    walk(sub, p, missing);
                }
            }
        }
        walk(&mut cmd, "popdruk".into(), &mut missing);
        assert_eq!(missing, Vec::<String>::new());
    }

    #[test]
    fn no_arguments_asks_for_help() {
        assert_eq!(try_parse_from(["popdruk"]).unwrap(), None);
        assert!(try_parse_from(["popdruk", "build", "x.xlsx", "--only", "dosier"]).is_err());
    }
}
