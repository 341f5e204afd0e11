//! Command-line flags parsed into a validated options value; no work is done here.
//!
//! Help and refusals speak the user's language: `--lang` is looked for before clap reads
//! the line, and clap's English is replaced ([`help`], [`explain`]).

mod explain;
mod help;

pub use explain::Said;

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args as ClapArgs, CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::build::Kind;
use crate::i18n::{Lang, Tr};
use crate::style::Paper;
use crate::terminal::Verbosity;

/// Command-line arguments as clap sees them. Their help texts, in both languages, are in
/// [`help`]; clap's own words are replaced there too.
#[derive(Debug, Parser)]
#[command(name = "popdruk", version, args_conflicts_with_subcommands = true)]
struct Args {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    build: BuildArgs,
}

#[derive(Debug, Subcommand)]
enum Command {
    Check {
        workbook: PathBuf,
        #[arg(long, default_value = "nl", value_parser = said::<Lang>)]
        lang: Lang,
        #[arg(long, value_parser = date)]
        date: Option<NaiveDate>,
        #[arg(long = "as-of", value_parser = date)]
        as_of: Option<NaiveDate>,
        #[arg(long, value_parser = date)]
        from: Option<NaiveDate>,
        #[arg(long, value_parser = date)]
        to: Option<NaiveDate>,
        #[arg(long, value_parser = date)]
        since: Option<NaiveDate>,
        #[arg(long)]
        strict: bool,
        #[arg(long, num_args = 0..=1, default_missing_value = "6", value_parser = clap::value_parser!(u32).range(1..=60))]
        planning: Option<u32>,
        #[arg(long, default_value = "text", value_parser = said::<Format>)]
        format: Format,
        #[command(flatten)]
        talk: Talk,
    },
    Build(BuildArgs),
    Templates {
        #[command(subcommand)]
        action: TemplatesAction,
    },
    Init {
        #[arg(default_value = ".")]
        dir: PathBuf,
        #[arg(long, default_value = "nl", value_parser = said::<Lang>)]
        lang: Lang,
        #[arg(long)]
        example: bool,
        #[arg(long)]
        force: bool,
    },
    Completions {
        shell: clap_complete::Shell,
        #[arg(long, default_value = "nl", value_parser = said::<Lang>)]
        lang: Lang,
    },
    Serve {
        workbook: Option<PathBuf>,
        #[arg(long, default_value_t = 0)]
        port: u16,
        #[arg(long = "no-open")]
        no_open: bool,
        #[arg(short, long)]
        output: Option<PathBuf>,
        #[arg(long, default_value = "nl", value_parser = said::<Lang>)]
        lang: Lang,
        #[arg(long, value_parser = date)]
        date: Option<NaiveDate>,
    },
}

#[derive(Debug, Subcommand)]
enum TemplatesAction {
    Export {
        dir: PathBuf,
        #[arg(long)]
        force: bool,
        #[arg(long, default_value = "nl", value_parser = said::<Lang>)]
        lang: Lang,
    },
}

/// How much popdruk says.
#[derive(Debug, ClapArgs)]
struct Talk {
    #[arg(short, long, conflicts_with = "verbose")]
    quiet: bool,
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
    workbook: Option<PathBuf>,
    #[arg(short, long)]
    output: Option<PathBuf>,
    #[arg(long, value_parser = date)]
    date: Option<NaiveDate>,
    #[arg(long, default_value = "nl", value_parser = said::<Lang>)]
    lang: Lang,
    #[arg(long)]
    templates: Option<PathBuf>,
    #[arg(long, default_value = "a4", value_parser = said::<Paper>)]
    paper: Paper,
    #[arg(long = "as-of", value_parser = date)]
    as_of: Option<NaiveDate>,
    #[arg(long, value_parser = date)]
    from: Option<NaiveDate>,
    #[arg(long, value_parser = date)]
    to: Option<NaiveDate>,
    #[arg(long, value_parser = date)]
    since: Option<NaiveDate>,
    #[arg(long, value_delimiter = ',', value_parser = said::<Kind>)]
    only: Vec<Kind>,
    #[arg(long = "employee")]
    employees: Vec<String>,
    #[arg(long, value_parser = due)]
    due: Option<Due>,
    #[arg(long)]
    open: bool,
    #[command(flatten)]
    talk: Talk,
}

/// A date as a Belgian user types it (`31/12/2026`, `31-12-2026`, `2026-12-31`, `31
/// december 2026`), read as a date cell of the workbook is.
fn date(s: &str) -> Result<NaiveDate, Said> {
    match crate::model::value::typed_date(s) {
        Ok(Some(d)) => Ok(d),
        Ok(None) => Err(Said(Tr::new(
            "geef een datum, bv. 31/12/2026",
            "give a date, e.g. 31/12/2026",
        ))),
        Err(bad) => Err(Said(Tr::new(
            format!("{}; verwacht: {}", bad.message.nl, bad.expected.nl),
            format!("{}; expected: {}", bad.message.en, bad.expected.en),
        ))),
    }
}

/// The window of `--due`: so many days after the as-of day, or up to a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Due {
    /// `60d` or `60`.
    Days(u32),
    /// `31/01/2027`.
    Until(NaiveDate),
}

impl Due {
    /// The last day of the window that starts on `as_of`.
    pub fn until(self, as_of: NaiveDate) -> NaiveDate {
        match self {
            Due::Days(n) => as_of + chrono::Days::new(u64::from(n)),
            Due::Until(d) => d,
        }
    }
}

fn due(s: &str) -> Result<Due, Said> {
    let t = s.trim().to_lowercase();
    let days = t.strip_suffix('d').unwrap_or(&t).trim();
    if let Ok(n) = days.parse::<u32>() {
        return Ok(Due::Days(n.min(36_600)));
    }
    date(s).map(Due::Until).map_err(|_| {
        Said(Tr::new(
            format!("`{s}` is geen aantal dagen of datum: bv. 60d of 31/01/2027"),
            format!("`{s}` is not a number of days or a date: e.g. 60d or 31/01/2027"),
        ))
    })
}

/// A value whose type says in both languages what is wrong with it (`--lang`, `--paper`,
/// `--only`).
fn said<T: std::str::FromStr<Err = Tr>>(s: &str) -> Result<T, Said> {
    s.parse().map_err(Said)
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
        /// Language of the messages.
        lang: Lang,
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
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
        /// Language of the help texts in them.
        lang: Lang,
    },
    /// Serve the web page on 127.0.0.1.
    Serve(ServeOptions),
}

/// How `check` writes its findings on stdout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// For reading: the overview, the findings per employee and the totals.
    Text,
    /// A table for a spreadsheet: one row per finding and per entry of the planning.
    Csv,
    /// The same rows as a JSON array.
    Json,
}

impl std::str::FromStr for Format {
    /// What is wrong with the value, in both languages.
    type Err = Tr;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "text" | "tekst" => Ok(Format::Text),
            "csv" => Ok(Format::Csv),
            "json" => Ok(Format::Json),
            _ => Err(Tr::new(
                format!("formaat `{s}` bestaat niet: kies `text`, `csv` of `json`"),
                format!("there is no format `{s}`: choose `text`, `csv` or `json`"),
            )),
        }
    }
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
    /// The earlier day levels are compared with; the start of the previous quarter before
    /// `as_of` when not given.
    pub since: Option<NaiveDate>,
    /// Whether a `tekort` finding makes the check fail (exit 1).
    pub strict: bool,
    /// List the planning of so many months after the rules (`--planning`).
    pub planning: Option<u32>,
    /// How the findings are written on stdout (`--format`).
    pub format: Format,
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
    /// Only who is due for a conversation in this window (or overdue).
    pub due: Option<Due>,
    /// Paper of the teammatrix.
    pub paper: Paper,
    /// Open the output with the system's viewer afterwards.
    pub open: bool,
}

/// Options of `popdruk serve`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ServeOptions {
    /// A workbook to show at once, checked again when it changes on disk.
    pub workbook: Option<PathBuf>,
    /// The port on 127.0.0.1; 0 for a free one.
    pub port: u16,
    /// Open the default browser at the address.
    pub open: bool,
    /// The folder for uploads and documents, kept; a temporary one removed at exit if not.
    pub output: Option<PathBuf>,
    /// The page's language when it opens.
    pub lang: Lang,
    /// The date the page proposes; today if not given.
    pub date: Option<NaiveDate>,
}

/// Why popdruk stops before doing anything: help or the version was asked for, or the
/// command line is not right. What to print, and the exit code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stop {
    /// Text for stdout (help, version).
    pub stdout: String,
    /// Text for stderr (what is wrong, and where to find help), plain.
    pub stderr: String,
    /// The exit code: 0 for help and version, 2 for a command line that is not right.
    pub code: i32,
}

/// The command line as clap reads it, with its help and words in `lang`.
fn command(lang: Lang) -> clap::Command {
    help::localize(Args::command(), lang)
}

/// The language the user asked for with `--lang`, looked for before clap reads the
/// command line so its help and refusals can speak it; Dutch when absent or unknown.
fn lang_asked(argv: &[String]) -> Lang {
    let mut words = argv.iter();
    while let Some(word) = words.next() {
        let value = match word.strip_prefix("--lang") {
            Some("") => words.next().map(String::as_str),
            Some(rest) => rest.strip_prefix('='),
            None => None,
        };
        if let Some(lang) = value.and_then(|v| v.parse().ok()) {
            return lang;
        }
    }
    Lang::Nl
}

/// The help command for the subcommand the user typed (`popdruk build --help`).
fn help_command(argv: &[String], cmd: &clap::Command) -> String {
    let mut path = vec!["popdruk".to_string()];
    let mut cmd = cmd;
    for word in argv.iter().skip(1).filter(|w| !w.starts_with('-')) {
        match cmd.find_subcommand(word) {
            Some(sub) if !sub.is_hide_set() => {
                path.push(word.clone());
                cmd = sub;
            }
            _ => break,
        }
    }
    path.push("--help".into());
    path.join(" ")
}

/// Options that take a value in the next word (unless written `--name=value`).
const VALUE_OPTIONS: &[&str] = &[
    "--lang",
    "--date",
    "--as-of",
    "--from",
    "--to",
    "--output",
    "-o",
    "--templates",
    "--paper",
    "--only",
    "--employee",
    "--port",
];

/// Options written before the command (`popdruk --lang en check team.xlsx`, as git and cargo
/// accept) moved after it, where the command reads them; any other line is left as it is.
fn hoist_options(mut argv: Vec<std::ffi::OsString>) -> Vec<std::ffi::OsString> {
    const COMMANDS: &[&str] = &[
        "check",
        "build",
        "templates",
        "init",
        "completions",
        "serve",
        "help",
    ];
    let mut i = 1;
    while let Some(word) = argv.get(i).and_then(|w| w.to_str()) {
        if COMMANDS.contains(&word) {
            break;
        }
        if !word.starts_with('-') || word == "--" {
            return argv;
        }
        i += if VALUE_OPTIONS.contains(&word) { 2 } else { 1 };
    }
    if i <= 1 || i >= argv.len() {
        return argv;
    }
    let options: Vec<_> = argv.drain(1..i).collect();
    argv.splice(2..2, options);
    argv
}

/// Parses a command line (the program name first). `popdruk help [COMMAND]` is
/// `popdruk [COMMAND] --help`; no workbook and no command shows the help (exit 2).
pub fn parse<I, T>(argv: I) -> Result<Options, Stop>
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString>,
{
    let mut given = hoist_options(argv.into_iter().map(Into::into).collect());
    if given.get(1).is_some_and(|a| a == "help") {
        given.remove(1);
        given.push("--help".into());
        given = hoist_options(given);
    }
    // Read as text to find `--lang` and to quote in messages; clap gets the arguments as
    // given, so a path that is not valid Unicode still reaches the file system intact.
    let argv: Vec<String> = given
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let lang = lang_asked(&argv);
    let mut cmd = command(lang);
    let matches = cmd.clone().try_get_matches_from(given);
    let refused = |sentence: String, cmd: &clap::Command| {
        let (fout, more) = match lang {
            Lang::Nl => ("fout", "meer uitleg"),
            Lang::En => ("error", "more help"),
        };
        Stop {
            stdout: String::new(),
            stderr: format!("{fout}: {sentence}\n  {more}: {}", help_command(&argv, cmd)),
            code: 2,
        }
    };
    let matches = match matches {
        Ok(m) => m,
        Err(e) => {
            use clap::error::ErrorKind;
            return Err(match e.kind() {
                ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => Stop {
                    stdout: e.render().to_string(),
                    stderr: String::new(),
                    code: 0,
                },
                _ => refused(explain::sentence(&e, &argv, &cmd, lang), &cmd),
            });
        }
    };
    let args = Args::from_arg_matches(&matches)
        .map_err(|e| refused(explain::sentence(&e, &argv, &cmd, lang), &cmd))?;
    // `popdruk chek`: a mistyped command reads as a workbook that is not there.
    if let (None, Some(path)) = (&args.command, &args.build.workbook) {
        let word = path.to_string_lossy();
        if let Some(suggested) = explain::mistyped_command(&word, &cmd)
            && !path.exists()
        {
            let said = explain::unknown_command(&word, Some(&suggested));
            return Err(refused(said.get(lang).to_string(), &cmd));
        }
    }
    from_args(args).ok_or_else(|| Stop {
        stdout: cmd.render_help().to_string(),
        stderr: String::new(),
        code: 2,
    })
}

/// Parses arguments from a list, for tests; `None` when no workbook or command was given.
pub fn try_parse_from<I, T>(args: I) -> Result<Option<Options>, clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let matches = command(Lang::Nl).try_get_matches_from(args)?;
    Args::from_arg_matches(&matches).map(from_args)
}

/// The completions of `popdruk` for `shell`, with the help texts in `lang` (made in memory:
/// clap_complete panics when its output closes early, as in `popdruk completions bash | head`).
pub fn completions(shell: clap_complete::Shell, lang: Lang) -> Vec<u8> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command(lang), "popdruk", &mut out);
    out
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
            since: b.since,
            strict: false,
            planning: None,
            format: Format::Text,
            verbosity: b.talk.verbosity(),
        },
        output: b.output,
        templates: b.templates,
        only,
        employees: b.employees,
        due: b.due,
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
            since,
            strict,
            planning,
            format,
            talk,
        }) => Options::Check(CheckOptions {
            workbook,
            lang,
            date,
            as_of,
            from,
            to,
            since,
            strict,
            planning,
            format,
            verbosity: talk.verbosity(),
        }),
        Some(Command::Build(b)) => Options::Build(build_options(b)?),
        Some(Command::Templates {
            action: TemplatesAction::Export { dir, force, lang },
        }) => Options::ExportTemplates { dir, force, lang },
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
        Some(Command::Completions { shell, lang }) => Options::Completions { shell, lang },
        Some(Command::Serve {
            workbook,
            port,
            no_open,
            output,
            lang,
            date,
        }) => Options::Serve(ServeOptions {
            workbook,
            port,
            open: !no_open,
            output,
            lang,
            date,
        }),
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
    fn options_before_the_command_count_as_after_it() {
        let Ok(Options::Check(c)) = parse([
            "popdruk",
            "--lang",
            "en",
            "-q",
            "check",
            "team.xlsx",
            "--date",
            "2026-11-29",
        ]) else {
            panic!("expected check")
        };
        assert_eq!(c.lang, Lang::En);
        assert_eq!(c.verbosity, Verbosity::Quiet);
        assert_eq!(c.workbook, PathBuf::from("team.xlsx"));
        let Ok(Options::Build(b)) = parse(["popdruk", "--lang=en", "build", "team.xlsx"]) else {
            panic!("expected build")
        };
        assert_eq!(b.check.lang, Lang::En);
        // Without a command the options belong to the build they always started.
        let Ok(Options::Build(b)) = parse(["popdruk", "--lang", "en", "team.xlsx"]) else {
            panic!("expected build")
        };
        assert_eq!(b.check.lang, Lang::En);
        // An option the command does not take is still refused, in the user's language.
        let Err(stop) = parse([
            "popdruk", "--lang", "en", "--paper", "a3", "check", "t.xlsx",
        ]) else {
            panic!("expected a refusal")
        };
        assert_eq!(stop.code, 2);
        assert!(stop.stderr.starts_with("error:"), "{}", stop.stderr);
        let help = parse(["popdruk", "--lang", "en", "help", "check"]).unwrap_err();
        assert!(
            help.stdout.contains("Usage: popdruk check"),
            "{}",
            help.stdout
        );
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
        // Dates as a Belgian user types them, and a date that does not exist refused.
        let o = try_parse_from(["popdruk", "check", "t.xlsx", "--as-of", "29/11/2026"]);
        let Some(Options::Check(c)) = o.unwrap() else {
            panic!("expected check")
        };
        assert_eq!(c.as_of, NaiveDate::from_ymd_opt(2026, 11, 29));
        assert!(try_parse_from(["popdruk", "check", "t.xlsx", "--as-of", "31/02/2026"]).is_err());
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

    /// Every visible command with its path after `popdruk`.
    fn visible(cmd: &clap::Command, path: String, out: &mut Vec<(String, clap::Command)>) {
        out.push((path.clone(), cmd.clone()));
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
            let p = format!("{path} {}", sub.get_name()).trim().to_string();
            visible(sub, p, out);
        }
    }

    #[test]
    fn every_command_and_option_has_help_and_an_example_in_both_languages() {
        for (lang, example) in [(Lang::Nl, "Voorbeeld"), (Lang::En, "Example")] {
            let mut commands = Vec::new();
            visible(&command(lang), String::new(), &mut commands);
            assert_eq!(commands.len(), 8, "popdruk and its seven visible commands");
            for (path, mut cmd) in commands {
                let help = cmd.render_long_help().to_string();
                assert!(help.contains(example), "`popdruk {path} --help`:\n{help}");
                assert!(
                    help::text(&path, "", lang).is_some(),
                    "no description: {path}"
                );
                for arg in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
                    let id = arg.get_id().as_str();
                    if id == "help" || id == "version" {
                        continue;
                    }
                    assert!(
                        help::text(&path, id, lang).is_some(),
                        "no {lang:?} help for `{id}` of `popdruk {path}`"
                    );
                }
            }
        }
    }

    /// What popdruk prints for a command line it stops at.
    fn stop(argv: &[&str]) -> Stop {
        let mut line = vec!["popdruk"];
        line.extend_from_slice(argv);
        parse(line).expect_err("expected popdruk to stop")
    }

    #[test]
    fn help_speaks_the_language_asked_for_without_clap_english() {
        for argv in [&["--help"][..], &["build", "--help"], &["help", "check"]] {
            let nl = stop(argv);
            assert_eq!(nl.code, 0);
            for dutch in ["Gebruik: popdruk", "Opties:", "Toon deze hulp"] {
                assert!(nl.stdout.contains(dutch), "`{dutch}` in:\n{}", nl.stdout);
            }
            for english in ["Usage", "Options", "Print help", "[default", "[possible"] {
                assert!(
                    !nl.stdout.contains(english),
                    "`{english}` in:\n{}",
                    nl.stdout
                );
            }
            let mut en_argv = argv.to_vec();
            en_argv.extend(["--lang", "en"]);
            let en = stop(&en_argv);
            assert_eq!(en.code, 0);
            for english in ["Usage: popdruk", "Options:", "Show this help", "Example"] {
                assert!(
                    en.stdout.contains(english),
                    "`{english}` in:\n{}",
                    en.stdout
                );
            }
            for dutch in ["Gebruik", "Opties", "Voorbeeld", "werkmap"] {
                assert!(!en.stdout.contains(dutch), "`{dutch}` in:\n{}", en.stdout);
            }
        }
        assert_eq!(stop(&["help", "check"]), stop(&["check", "--help"]));
        let bare = stop(&[]);
        assert_eq!(bare.code, 2, "no workbook and no command");
        assert!(bare.stdout.contains("Voorbeelden:"), "{}", bare.stdout);
    }

    #[test]
    fn a_wrong_command_line_is_one_sentence_in_the_users_language() {
        let cases: &[(&[&str], &str, &str)] = &[
            (
                &["build", "--outptu", "x", "t.xlsx"],
                "popdruk kent de optie `--outptu` niet: bedoelde u `--output`?",
                "popdruk has no option `--outptu`: did you mean `--output`?",
            ),
            (
                &["a.xlsx", "b.xlsx"],
                "`b.xlsx` is er een te veel",
                "`b.xlsx` is one too many",
            ),
            (
                &["bild", "t.xlsx"],
                "popdruk kent het commando `bild` niet: bedoelde u `build`?",
                "popdruk has no command `bild`: did you mean `build`?",
            ),
            (
                &["chek"],
                "popdruk kent het commando `chek` niet: bedoelde u `check`?",
                "popdruk has no command `chek`: did you mean `check`?",
            ),
            (
                &["check", "t.xlsx", "--as-of", "31/02/2026"],
                "--as-of: `31/02/2026` bestaat niet: februari 2026 heeft 28 dagen",
                "--as-of: `31/02/2026` does not exist: February 2026 has 28 days",
            ),
            (
                &["build", "t.xlsx", "--only", "pop,dosier"],
                "--only: document `dosier` bestaat niet: kies uit `pop`",
                "--only: there is no document `dosier`: choose from `pop`",
            ),
            (
                &["build", "t.xlsx", "--paper", "a5"],
                "papier `a5` kan niet: kies `a4` of `a3`",
                "paper `a5` is not possible: choose `a4` or `a3`",
            ),
            (
                &["completions", "tcsh"],
                "`tcsh` kan niet; kies `bash`",
                "`tcsh` is not possible; choose `bash`",
            ),
            (
                &["build", "t.xlsx", "-q", "-v"],
                "`--quiet` en `--verbose` gaan niet samen",
                "`--quiet` and `--verbose` cannot go together",
            ),
            (
                &["build", "t.xlsx", "--open", "--open"],
                "`--open` mag maar één keer",
                "`--open` may be given only once",
            ),
            (
                &["check"],
                "er ontbreekt nog <WERKMAP>",
                "<WORKBOOK> is missing",
            ),
            (
                &["templates", "exprt", "d"],
                "popdruk kent het commando `exprt` niet: bedoelde u `export`?",
                "popdruk has no command `exprt`: did you mean `export`?",
            ),
        ];
        for (argv, nl, en) in cases {
            let said = stop(argv);
            assert_eq!(said.code, 2, "{argv:?}");
            assert!(said.stdout.is_empty());
            assert!(
                said.stderr.starts_with("fout: ") && said.stderr.contains(nl),
                "{argv:?}: expected `{nl}` in:\n{}",
                said.stderr
            );
            assert!(
                said.stderr.contains("\n  meer uitleg: popdruk"),
                "{}",
                said.stderr
            );
            let mut en_argv = argv.to_vec();
            en_argv.extend(["--lang=en"]);
            let said = stop(&en_argv);
            assert!(
                said.stderr.starts_with("error: ") && said.stderr.contains(en),
                "{argv:?}: expected `{en}` in:\n{}",
                said.stderr
            );
        }
        let en = stop(&["check", "--lang", "en"]);
        assert!(en.stderr.contains("<WORKBOOK> is missing"), "{}", en.stderr);
        assert!(
            en.stderr.contains("more help: popdruk check --help"),
            "{}",
            en.stderr
        );
    }

    #[test]
    fn no_arguments_asks_for_help() {
        assert_eq!(try_parse_from(["popdruk"]).unwrap(), None);
        assert!(try_parse_from(["popdruk", "build", "x.xlsx", "--only", "dosier"]).is_err());
    }
}
