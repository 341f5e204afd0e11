//! Carrying out a command: the edge where files are read and written and messages printed.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::build::{self, Kind, Plan};
use crate::cli::{BuildOptions, CheckOptions, Options};
use crate::compliance::{self, Period, Severity, Thresholds, report};
use crate::diagnostic::{ColumnRef, Diagnostic, Location, Tally};
use crate::i18n::{Lang, Tr};
use crate::model::Validated;
use crate::model::schema::{kv, sheets};
use crate::template::{self, Templates};
use crate::terminal::{Console, Verbosity};
use crate::{analysis, input, model, output, summary};

/// The rules file looked for next to the workbook (or next to the CSV folder).
pub const RULES_FILE: &str = "popdruk.toml";

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
        Options::Build(o) => build(&o, today),
        Options::ExportTemplates { dir, force, lang } => export(&dir, force, lang),
        Options::Init {
            dir,
            lang,
            example,
            force,
        } => init(&dir, lang, example, force),
        Options::Generate {
            employees,
            teams,
            seed,
            out,
        } => generate(employees, teams, seed, &out),
        Options::Serve(o) => crate::serve::serve(&o, today),
        Options::Completions { shell, lang } => {
            let text = crate::cli::completions(shell, lang);
            let _ = std::io::stdout().lock().write_all(&text);
            Exit::Ok
        }
    }
}

/// Writes the starter workbook `dir/team.xlsx`, never over an existing file without `force`.
fn init(dir: &Path, lang: Lang, example: bool, force: bool) -> Exit {
    // `team.xlsx` rather than `./team.xlsx` in messages for the usual `popdruk init`.
    let path = if dir == Path::new(".") {
        PathBuf::from(crate::synth::STARTER_FILE)
    } else {
        dir.join(crate::synth::STARTER_FILE)
    };
    if path.exists() && !force {
        return already_exists(lang, &path);
    }
    let written = std::fs::create_dir_all(dir).and_then(|()| {
        let bytes = crate::synth::starter_bytes(lang, example)?;
        output::write_atomic(&path, &bytes)?;
        // The example names the sample team's logo: it comes along, unless the folder
        // already has a logo of its own.
        let logo = dir.join(crate::synth::EXAMPLE_LOGO_FILE);
        if example && !logo.exists() {
            output::write_atomic(&logo, crate::synth::EXAMPLE_LOGO)?;
        }
        Ok(())
    });
    if let Err(e) = written {
        return fail(
            lang,
            &Tr::new(
                format!("kan `{}` niet schrijven", path.display()),
                format!("cannot write `{}`", path.display()),
            ),
            Some(io_cause(&e, lang)),
        );
    }
    let check = match lang {
        Lang::Nl => format!("popdruk check {}", path.display()),
        Lang::En => format!("popdruk check {} --lang en", path.display()),
    };
    let _ = writeln!(
        std::io::stderr(),
        "{}",
        Tr::new(
            format!(
                "`{}` geschreven: vul de werkmap in (het blad `Uitleg` zegt hoe) en controleer ze met `{check}`",
                path.display()
            ),
            format!(
                "wrote `{}`: fill in the workbook (the sheet `Explanation` says how) and check it with `{check}`",
                path.display()
            ),
        )
        .get(lang)
    );
    Exit::Ok
}

/// Writes a generated organisation: an `.xlsx` file, or CSV files in a folder.
fn generate(employees: usize, teams: usize, seed: u64, out: &Path) -> Exit {
    let sheets = crate::synth::organisation(employees, teams.max(1), seed);
    let written = if out.extension().is_some() {
        crate::synth::write_xlsx(out, &sheets)
    } else {
        crate::synth::write_csv_dir(out, &sheets, b';', crate::synth::CsvEncoding::Utf8Bom, true)
    };
    match written {
        Ok(()) => {
            let _ = writeln!(
                std::io::stderr(),
                "{employees} medewerkers in {teams} teams geschreven in `{}`",
                out.display()
            );
            Exit::Ok
        }
        Err(e) => fail(
            Lang::Nl,
            &Tr::new(
                format!("kan `{}` niet schrijven", out.display()),
                format!("cannot write `{}`", out.display()),
            ),
            Some(io_cause(&e, Lang::Nl)),
        ),
    }
}

/// What the system said when a file could not be read or written, in plain words: the
/// usual causes in the user's language, anything else as the system put it, without its
/// error number.
fn io_cause(e: &std::io::Error, lang: Lang) -> String {
    use std::io::ErrorKind as K;
    let (nl, en) = match e.kind() {
        K::NotFound => (
            "het bestand of de map bestaat niet",
            "the file or folder does not exist",
        ),
        K::PermissionDenied => (
            "geen toestemming (alleen-lezen, of in gebruik door een ander programma)",
            "permission denied (read-only, or in use by another program)",
        ),
        K::AlreadyExists => ("bestaat al", "already exists"),
        K::StorageFull => ("de schijf is vol", "the disk is full"),
        K::ReadOnlyFilesystem => ("de schijf is alleen-lezen", "the disk is read-only"),
        K::ResourceBusy => (
            "in gebruik door een ander programma",
            "in use by another program",
        ),
        K::NotADirectory => (
            "een deel van het pad is geen map",
            "part of the path is not a folder",
        ),
        K::IsADirectory => (
            "dit is een map, geen bestand",
            "this is a folder, not a file",
        ),
        // ENAMETOOLONG, which Rust counts as an invalid file name.
        K::InvalidFilename if cfg!(target_os = "linux") && e.raw_os_error() == Some(36) => (
            "de naam is te lang voor het bestandssysteem",
            "the name is too long for the file system",
        ),
        K::InvalidFilename => (
            "de naam kan niet als bestandsnaam",
            "the name cannot be a file name",
        ),
        // Windows: ERROR_SHARING_VIOLATION and ERROR_LOCK_VIOLATION.
        _ if cfg!(windows) && matches!(e.raw_os_error(), Some(32 | 33)) => (
            "in gebruik door een ander programma",
            "in use by another program",
        ),
        _ => {
            let said = e.to_string();
            let said = match said.rfind(" (os error ") {
                Some(at) => said[..at].to_string(),
                None => said,
            };
            return said;
        }
    };
    Tr::new(nl, en).get(lang).to_string()
}

/// Prints a tool failure (exit 2) with its cause.
fn fail(lang: Lang, message: &Tr, cause: Option<String>) -> Exit {
    let (word, caused) = match lang {
        Lang::Nl => ("fout", "oorzaak"),
        Lang::En => ("error", "caused by"),
    };
    let console = Console::detect(Verbosity::Normal);
    console.line(&format!("{word}: {}", message.get(lang)));
    if let Some(cause) = cause {
        console.line(&format!("  {caused}: {cause}"));
    }
    Exit::Failed
}

/// Refuses to overwrite a file the user did not ask to replace.
fn already_exists(lang: Lang, path: &Path) -> Exit {
    fail(
        lang,
        &Tr::new(
            format!(
                "`{}` bestaat al: gebruik --force om te overschrijven",
                path.display()
            ),
            format!(
                "`{}` already exists: use --force to overwrite",
                path.display()
            ),
        ),
        None,
    )
}

/// Why a check or build could not run (exit 2): what failed, and the cause in the
/// reader's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// What failed, in both languages.
    pub message: Tr,
    /// What the system said, in the run's language.
    pub cause: Option<String>,
}

impl Failure {
    fn new(message: Tr, cause: Option<String>) -> Failure {
        Failure { message, cause }
    }

    /// Prints the failure on stderr; exit 2.
    fn print(&self, lang: Lang) -> Exit {
        fail(lang, &self.message, self.cause.clone())
    }
}

/// A workbook read and checked: the model with every diagnostic, the rule settings, the
/// logo (for a build), and the dates the run is about. What `check` prints and what a build
/// starts from.
pub struct Inspection {
    /// The model and the diagnostics, in sheet and row order.
    pub validated: Validated,
    /// The POP rules, from `popdruk.toml` and the `Instellingen` sheet.
    pub rules: Thresholds,
    /// The logo, when it was asked for and could be read.
    pub images: crate::pdf::Images,
    /// Why the logo could not be used: a warning printed after the tally.
    pub logo_problem: Option<Diagnostic>,
    /// The date printed on documents (`--date`, or today).
    pub date: NaiveDate,
    /// The day the rules and the coverage are about (`--as-of`, or `date`).
    pub as_of: NaiveDate,
    /// The period the rules are checked for.
    pub period: Period,
    /// The earlier day levels are compared with (`--since`).
    pub since: NaiveDate,
}

impl Inspection {
    /// The rule findings and how many employees the rules were checked for; `None` when
    /// the workbook has errors (rows with errors are missing from the model, so the rules
    /// would report a missing POP or action that is only a typo away).
    pub fn findings(&self) -> Option<(Vec<compliance::Finding>, usize)> {
        if self.validated.has_errors() {
            return None;
        }
        let wb = &self.validated.workbook;
        let findings = compliance::check(wb, &self.rules, self.as_of, self.period);
        Some((findings, compliance::subjects(wb, self.as_of).count()))
    }

    /// Prints every diagnostic and the tally, then the logo's problem.
    fn print(&self, verbosity: Verbosity, lang: Lang) {
        let console = Console::detect(verbosity);
        let in_full = match verbosity {
            Verbosity::Quiet => 0,
            Verbosity::Normal => crate::diagnostic::NOTES_IN_FULL,
            Verbosity::Verbose => usize::MAX,
        };
        for text in crate::diagnostic::render_all(&self.validated.diagnostics, lang, in_full) {
            console.line(&text);
        }
        console.say(&Tally::of(&self.validated.diagnostics).render(lang));
        if let Some(d) = &self.logo_problem {
            console.line(&d.render(lang));
        }
    }
}

/// Reads and validates the workbook and the rule settings (`popdruk.toml`, then the
/// `Instellingen` sheet) as of the dates `o` asks for (`today` where it does not); with
/// `logo` (a build), then reads the logo. Prints nothing: `check`, `build` and the page
/// each show the result their way.
pub fn inspect(o: &CheckOptions, today: NaiveDate, logo: bool) -> Result<Inspection, Failure> {
    let date = o.date.unwrap_or(today);
    let (as_of, period) = period(o, date)?;
    let source = input::read(&o.workbook).map_err(|e| Failure::new(e.message(), e.cause()))?;
    let mut validated = model::validate(&source);
    // The matrix's current levels are those assessed on or before the as-of day.
    validated.workbook.settle(as_of);
    let mut rules = Thresholds::default();
    let toml_path = o
        .workbook
        .parent()
        .unwrap_or(Path::new(""))
        .join(RULES_FILE);
    if toml_path.is_file() {
        match std::fs::read_to_string(&toml_path) {
            Ok(text) => validated
                .diagnostics
                .extend(rules.apply_toml(&text, &toml_path)),
            Err(e) => {
                return Err(Failure::new(
                    Tr::new(
                        format!("kan `{}` niet lezen", toml_path.display()),
                        format!("cannot read `{}`", toml_path.display()),
                    ),
                    Some(io_cause(&e, o.lang)),
                ));
            }
        }
    }
    if open_elsewhere(&o.workbook) {
        validated.diagnostics.insert(
            0,
            Diagnostic {
                severity: crate::diagnostic::Severity::Note,
                location: Location {
                    file: source.path.clone(),
                    ..Location::default()
                },
                message: Tr::new(
                    "de werkmap is open in Excel of LibreOffice: popdruk leest wat laatst bewaard is",
                    "the workbook is open in Excel or LibreOffice: popdruk reads what was last saved",
                ),
                expected: None,
                hint: Some(Tr::new(
                    "bewaar de werkmap eerst als u iets veranderd hebt",
                    "save the workbook first if you changed something",
                )),
            },
        );
    }
    let settings = std::mem::take(&mut validated.workbook.settings);
    let at = settings_location(&source);
    validated
        .diagnostics
        .extend(rules.apply_sheet(&settings, at));
    validated.workbook.settings = settings;
    let hires = future_hires(&source, &validated.workbook, as_of);
    validated.diagnostics.extend(hires);
    let (images, logo_problem) = if logo {
        read_logo(&source, &validated.workbook)
    } else {
        (crate::pdf::Images::new(), None)
    };
    Ok(Inspection {
        validated,
        rules,
        images,
        logo_problem,
        date,
        as_of,
        period,
        since: o
            .since
            .unwrap_or_else(|| compliance::previous_quarter_start(as_of)),
    })
}

/// Whether a spreadsheet program has the workbook open: the lock file Excel keeps beside
/// it (`~$team.xlsx`) or LibreOffice's (`.~lock.team.xlsx#`). What popdruk reads is then
/// the last saved version, which may not be what the user sees on screen.
fn open_elsewhere(workbook: &Path) -> bool {
    let (Some(dir), Some(name)) = (workbook.parent(), workbook.file_name()) else {
        return false;
    };
    let name = name.to_string_lossy();
    [format!("~${name}"), format!(".~lock.{name}#")]
        .iter()
        .any(|lock| dir.join(lock).is_file())
}

/// Where a row of the `Instellingen` sheet (or CSV file) stands, for its diagnostics.
fn settings_location(
    source: &input::Source,
) -> impl Fn(u32, compliance::SheetColumn) -> Location + '_ {
    let table = source
        .tables
        .iter()
        .find(|t| sheets::INSTELLINGEN.matches(&t.name));
    move |row, which| {
        let Some(t) = table else {
            return Location {
                file: source.path.clone(),
                row: Some(row),
                ..Location::default()
            };
        };
        let def = match which {
            compliance::SheetColumn::Name => kv::VELD,
            compliance::SheetColumn::Value => kv::WAARDE,
        };
        Location {
            file: t.file.clone(),
            sheet: t.is_sheet.then(|| t.name.clone()),
            row: Some(row),
            column: t
                .headers
                .iter()
                .position(|h| def.matches(h))
                .map(|index| ColumnRef {
                    header: t.headers[index].clone(),
                    index,
                }),
        }
    }
}

/// The as-of date (`--as-of`, or "today") and the period (`--from`/`--to`, by default the
/// 12 months up to the as-of date) the rules are checked for.
fn period(o: &CheckOptions, today: NaiveDate) -> Result<(NaiveDate, Period), Failure> {
    let as_of = o.as_of.unwrap_or(today);
    let default = Period::ending(as_of);
    let period = Period {
        from: o.from.unwrap_or(default.from),
        to: o.to.unwrap_or(default.to),
    };
    if period.from > period.to {
        return Err(Failure::new(
            Tr::new(
                "de periode begint na haar einde: --from moet vóór --to (of --as-of) liggen",
                "the period starts after it ends: --from must come before --to (or --as-of)",
            ),
            None,
        ));
    }
    Ok((as_of, period))
}

fn check(o: &CheckOptions, today: NaiveDate) -> Exit {
    // One date drives the whole check: who is in service, the teammatrix's coverage and the
    // rules are all as of `--as-of` (by default `--date`, by default today).
    let inspection = match inspect(o, today, false) {
        Ok(i) => i,
        Err(failure) => return failure.print(o.lang),
    };
    inspection.print(o.verbosity, o.lang);
    let (validated, as_of, period) = (&inspection.validated, inspection.as_of, inspection.period);
    let wb = &validated.workbook;
    if o.format != crate::cli::Format::Text {
        return check_table(o, &inspection);
    }
    // Quiet: the findings only, not the overview of the workbook.
    let quiet = o.verbosity == Verbosity::Quiet;
    let mut out = if quiet {
        String::new()
    } else {
        summary::render(&summary::summary(wb, as_of, o.lang))
    };
    if !wb.matrix.is_empty() && !quiet {
        let teams = analysis::analyse(wb, as_of);
        let since = (&analysis::CellIndex::new(wb), inspection.since);
        out.push_str(&summary::matrix_summary(&teams, as_of, since, o.lang));
    }
    let Some((findings, checked)) = inspection.findings() else {
        // Rows with errors are missing from the model, so the rules would report a missing
        // POP or action that is only a typo away: better no findings than false ones. The
        // note stands where the findings would, so stderr still ends with the tally.
        out.push_str(
            Tr::new(
                "\nRegels niet gecontroleerd: verbeter eerst de fouten in de werkmap\n",
                "\nRules not checked: fix the errors in the workbook first\n",
            )
            .get(o.lang),
        );
        let _ = std::io::stdout().lock().write_all(out.as_bytes());
        return Exit::DataErrors;
    };
    out.push_str(&report::render(
        wb, &findings, checked, as_of, period, o.lang,
    ));
    if let Some(months) = o.planning {
        let until = compliance::add_months(as_of, months);
        let entries = compliance::planning::planning(
            &crate::model::Index::new(wb),
            &inspection.rules,
            as_of,
            until,
        );
        out.push_str(&report::render_planning(
            &entries, as_of, until, months, o.lang,
        ));
    }
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    if o.strict && findings.iter().any(|f| f.severity == Severity::Tekort) {
        Exit::DataErrors
    } else {
        Exit::Ok
    }
}

/// Why the output folder `out` cannot take the documents of `input`, if it cannot: it is
/// the CSV folder being read, lies inside it or contains it (the documents would be mixed
/// with the data, and an employee's folder could take the CSV folder's name), or it is the
/// workbook file itself. A folder that holds a workbook file is fine: every file a build
/// writes is a PDF, and one that would land on the workbook is refused when it is written.
fn overlap(input: &Path, out: &Path) -> Option<Tr> {
    let (read, written) = (output::resolve(input), output::resolve(out));
    let (shown_in, shown_out) = (read.display(), written.display());
    if !read.is_dir() {
        return (written == read).then(|| {
            Tr::new(
                format!("de uitvoermap `{shown_out}` is de werkmap zelf: kies met -o een map"),
                format!(
                    "the output folder `{shown_out}` is the workbook itself: choose a folder with -o"
                ),
            )
        });
    }
    let beside = format!("{shown_in}-pdf");
    let (nl, en) = if written == read {
        ("is de CSV-map", "is the CSV folder")
    } else if written.starts_with(&read) {
        ("ligt in de CSV-map", "is inside the CSV folder")
    } else if read.starts_with(&written) {
        ("bevat de CSV-map", "contains the CSV folder")
    } else {
        return None;
    };
    Some(Tr::new(
        format!(
            "de uitvoermap `{shown_out}` {nl} die gelezen wordt (`{shown_in}`): kies met -o een map ernaast, bv. `{beside}`"
        ),
        format!(
            "the output folder `{shown_out}` {en} being read (`{shown_in}`): choose a folder beside it with -o, e.g. `{beside}`"
        ),
    ))
}

/// `check --format csv|json`: the findings and the planning as one table on stdout, for a
/// spreadsheet or another program; the problems with the data stay on stderr. A workbook
/// with errors gets the header alone (no findings rather than false ones) and exit 1.
fn check_table(o: &CheckOptions, inspection: &Inspection) -> Exit {
    let wb = &inspection.validated.workbook;
    let as_of = inspection.as_of;
    let found = inspection.findings();
    let rows = match &found {
        Some((findings, _)) => {
            let until = compliance::add_months(as_of, o.planning.unwrap_or(6));
            let planning = compliance::planning::planning(
                &crate::model::Index::new(wb),
                &inspection.rules,
                as_of,
                until,
            );
            report::rows(wb, findings, &planning, as_of, o.lang)
        }
        None => Vec::new(),
    };
    let text = match o.format {
        crate::cli::Format::Json => report::json(&rows),
        _ => report::csv(&rows, o.lang),
    };
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    match &found {
        None => Exit::DataErrors,
        Some((findings, _))
            if o.strict && findings.iter().any(|f| f.severity == Severity::Tekort) =>
        {
            Exit::DataErrors
        }
        Some(_) => Exit::Ok,
    }
}

/// The default output folder: next to the workbook, named after it (`team.xlsx` → `team/`,
/// a CSV folder `team-csv/` → `team-csv-pdf/`).
pub fn default_output(workbook: &Path) -> PathBuf {
    // `.` or `..` (a build inside the CSV folder) by the folder's own name, beside it.
    let resolved;
    let workbook = if workbook.file_name().is_none() {
        resolved = output::resolve(workbook);
        resolved.as_path()
    } else {
        workbook
    };
    let parent = workbook.parent().unwrap_or(Path::new(""));
    let name = workbook
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "popdruk".into());
    if workbook.is_dir() {
        parent.join(format!("{name}-pdf"))
    } else {
        let stem = workbook
            .file_stem()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or(name);
        parent.join(stem)
    }
}

/// Reads the override files (`*.tera`, `*.toml`) of a template folder: regular files of at
/// most [`template::MAX_TEMPLATE_BYTES`] each. A failure names the folder or the file.
fn read_overrides(dir: &Path, lang: Lang) -> Result<Vec<(String, String)>, Failure> {
    let folder_failed = |e: &std::io::Error| {
        Failure::new(
            Tr::new(
                format!("kan de sjablonenmap `{}` niet lezen", dir.display()),
                format!("cannot read the template folder `{}`", dir.display()),
            ),
            Some(io_cause(e, lang)),
        )
    };
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| folder_failed(&e))? {
        let path = entry.map_err(|e| folder_failed(&e))?.path();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if !(name.ends_with(".tera") || name.ends_with(".toml")) || path.is_dir() {
            continue;
        }
        let limit = template::MAX_TEMPLATE_BYTES;
        let problem = match read_bounded(&path, limit) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => {
                    files.push((name, text));
                    continue;
                }
                Err(_) => Tr::new("het is geen UTF-8-tekst", "it is not UTF-8 text"),
            },
            Err(unread) => unread.cause(limit),
        };
        return Err(Failure::new(
            Tr::new(
                format!(
                    "kan sjabloon `{}` niet gebruiken: {}",
                    path.display(),
                    problem.get(Lang::Nl)
                ),
                format!(
                    "cannot use template `{}`: {}",
                    path.display(),
                    problem.get(Lang::En)
                ),
            ),
            None,
        ));
    }
    files.sort();
    Ok(files)
}

/// The largest logo popdruk reads: a logo for print is some hundreds of kilobytes.
pub const MAX_LOGO_BYTES: u64 = 4 << 20;

/// Reads the organisation's logo (a path relative to the workbook): a regular file of at
/// most [`MAX_LOGO_BYTES`] that is a PNG or JPEG image. Anything else (missing, a folder, a
/// device or pipe, too large, no image) is one warning naming the cell and the file, and
/// the documents are made without it.
fn read_logo(
    source: &input::Source,
    wb: &crate::model::Workbook,
) -> (crate::pdf::Images, Option<Diagnostic>) {
    let mut images = crate::pdf::Images::new();
    let Some(logo) = &wb.organisation.logo else {
        return (images, None);
    };
    // Relative to the folder the workbook (or the CSV folder) stands in.
    let base = source.path.parent().unwrap_or(Path::new(""));
    let path = base.join(logo);
    let problem = match read_bounded(&path, MAX_LOGO_BYTES) {
        Ok(bytes) => match crate::pdf::check_image("logo", &bytes) {
            Ok(()) => {
                images.insert("logo".into(), bytes);
                return (images, None);
            }
            Err(e) => Tr::new(
                format!(
                    "het is geen leesbare PNG- of JPEG-afbeelding ({})",
                    e.message
                ),
                format!("it is not a readable PNG or JPEG image ({})", e.message),
            ),
        },
        Err(unread) => unread.cause(MAX_LOGO_BYTES),
    };
    let shown = path.display();
    let warning = Diagnostic {
        severity: crate::diagnostic::Severity::Warning,
        location: logo_location(source),
        message: Tr::new(
            format!(
                "het logo `{shown}` kan niet gebruikt worden: {}; de documenten komen er zonder",
                problem.get(Lang::Nl)
            ),
            format!(
                "the logo `{shown}` cannot be used: {}; the documents are made without it",
                problem.get(Lang::En)
            ),
        ),
        expected: None,
        hint: Some(Tr::new(
            format!(
                "een PNG- of JPEG-bestand van hoogstens {} MB, naast de werkmap",
                MAX_LOGO_BYTES >> 20
            ),
            format!(
                "a PNG or JPEG file of at most {} MB, beside the workbook",
                MAX_LOGO_BYTES >> 20
            ),
        )),
    };
    (images, Some(warning))
}

/// `5,3 MB`: a size in megabytes with one decimal.
fn megabytes(bytes: u64, lang: Lang) -> String {
    let mb = format!("{:.1} MB", bytes as f64 / f64::from(1 << 20));
    match lang {
        Lang::Nl => mb.replace('.', ","),
        Lang::En => mb,
    }
}

/// Why a file was not read.
enum Unread {
    /// It is a folder, a device, a pipe or a socket: reading could block or never end.
    NotAFile,
    /// It is larger than the limit (its size, or at least the limit and a byte).
    TooLarge(u64),
    Io(std::io::Error),
}

impl Unread {
    /// Why the file was not read, in both languages; `limit` is the one it was read with.
    fn cause(self, limit: u64) -> Tr {
        match self {
            Unread::NotAFile => Tr::new(
                "het is geen gewoon bestand (een map, apparaat of pipe)",
                "it is not a regular file (a folder, device or pipe)",
            ),
            Unread::TooLarge(n) => Tr::new(
                format!(
                    "het is groter dan {} MB ({})",
                    limit >> 20,
                    megabytes(n, Lang::Nl)
                ),
                format!(
                    "it is larger than {} MB ({})",
                    limit >> 20,
                    megabytes(n, Lang::En)
                ),
            ),
            Unread::Io(e) => Tr::new(io_cause(&e, Lang::Nl), io_cause(&e, Lang::En)),
        }
    }
}

/// Reads a regular file of at most `limit` bytes, without blocking on a pipe or reading a
/// device without end.
fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, Unread> {
    use std::io::Read;
    let meta = std::fs::metadata(path).map_err(Unread::Io)?;
    if !meta.is_file() {
        return Err(Unread::NotAFile);
    }
    if meta.len() > limit {
        return Err(Unread::TooLarge(meta.len()));
    }
    let file = std::fs::File::open(path).map_err(Unread::Io)?;
    // What was opened is what was looked at (not swapped for a pipe in between).
    if !file.metadata().map_err(Unread::Io)?.is_file() {
        return Err(Unread::NotAFile);
    }
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(Unread::Io)?;
    if bytes.len() as u64 > limit {
        return Err(Unread::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Where the `Logo` row of the `Organisatie` sheet (or CSV file) holds its value.
fn logo_location(source: &input::Source) -> Location {
    cell_location(source, sheets::ORGANISATIE, kv::WAARDE, |t| {
        let key = t.headers.iter().position(|h| kv::VELD.matches(h))?;
        t.rows
            .iter()
            .find(|r| {
                r.cells
                    .get(key)
                    .is_some_and(|c| crate::model::schema::org::LOGO.matches(&c.display()))
            })
            .map(|r| r.number)
    })
}

/// The cell of `column` in the row `row` picks of the table of `sheet`, as far as found.
fn cell_location(
    source: &input::Source,
    sheet: crate::model::schema::SheetDef,
    column: crate::model::schema::Column,
    row: impl Fn(&input::Table) -> Option<u32>,
) -> Location {
    let Some(t) = source.tables.iter().find(|t| sheet.matches(&t.name)) else {
        return Location {
            file: source.path.clone(),
            ..Location::default()
        };
    };
    Location {
        file: t.file.clone(),
        sheet: t.is_sheet.then(|| t.name.clone()),
        row: row(t),
        column: t
            .headers
            .iter()
            .position(|h| column.matches(h))
            .map(|index| ColumnRef {
                header: t.headers[index].clone(),
                index,
            }),
    }
}

/// A warning for each employee hired after `as_of`: such an employee is in no document
/// yet, which a typo in the year (`2062`) would otherwise do in silence.
fn future_hires(
    source: &input::Source,
    wb: &crate::model::Workbook,
    as_of: NaiveDate,
) -> Vec<Diagnostic> {
    use crate::model::schema::emp;
    wb.employees
        .iter()
        .filter_map(|e| {
            let hired = e.hired.filter(|h| *h > as_of)?;
            let (day, name) = (hired.format("%d/%m/%Y"), e.full_name());
            let when = as_of.format("%d/%m/%Y");
            Some(Diagnostic {
                severity: crate::diagnostic::Severity::Warning,
                location: cell_location(source, sheets::MEDEWERKERS, emp::IN_DIENST, |_| {
                    Some(e.row)
                }),
                message: Tr::new(
                    format!(
                        "`{}` ({name}) komt pas in dienst op {day}, na {when}: geen documenten voor deze medewerker",
                        e.id
                    ),
                    format!(
                        "`{}` ({name}) is only hired on {day}, after {when}: no documents for this employee",
                        e.id
                    ),
                ),
                expected: None,
                hint: Some(Tr::new(
                    "klopt het jaartal? Anders komt de medewerker vanaf die dag mee",
                    "is the year right? Otherwise the employee is included from that day",
                )),
            })
        })
        .collect()
}

/// A template error, naming the template, line and column.
fn template_failure(e: &template::TemplateError) -> Failure {
    let place = |line: &str, column: &str| match (e.line, e.column) {
        (Some(l), Some(c)) => format!(", {line} {l}, {column} {c}"),
        _ => String::new(),
    };
    Failure::new(
        Tr::new(
            format!(
                "sjabloon `{}`{}: {}",
                e.template,
                place("regel", "kolom"),
                e.message_in(Lang::Nl)
            ),
            format!(
                "template `{}`{}: {}",
                e.template,
                place("line", "column"),
                e.message
            ),
        ),
        None,
    )
}

/// Why a build stopped before it made anything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Halt {
    /// Errors that do not belong to one employee: nothing can be made (exit 1).
    Blocked,
    /// The tool could not run (exit 2).
    Failed(Failure),
}

impl Halt {
    /// The sentence said when a build stops for errors that belong to no one employee.
    pub fn blocked_message() -> Tr {
        Tr::new(
            "geen documenten gemaakt: verbeter eerst de fouten hierboven",
            "no documents made: fix the errors above first",
        )
    }
}

/// What a build that ran did: its notices, and how it ended.
pub struct Outcome {
    /// The folder the documents went to.
    pub out_dir: PathBuf,
    /// Layout warnings (a character no font has), in the order they came.
    pub notices: Vec<crate::notice::Notice>,
    /// What was made, or why the build stopped halfway.
    pub ended: Result<Done, Failure>,
}

/// A build that finished.
pub struct Done {
    /// What was made.
    pub made: build::Made,
    /// The closing line, in the run's language.
    pub closing: String,
    /// Whether employees were skipped for errors in their own rows (exit 1).
    pub skipped: bool,
    /// What `--open` shows: the one bundle or dossier, or the folder.
    pub open: PathBuf,
}

/// Builds the documents of an inspected workbook into the output folder `o` asks for (by
/// default beside the workbook). `progress` is told how many files are planned and
/// returns what is called with each file once it is written, from the writing thread.
pub fn make<F>(
    inspection: Inspection,
    o: &BuildOptions,
    progress: impl FnOnce(usize) -> F,
) -> Result<Outcome, Halt>
where
    F: FnMut(&Path) + Send + 'static,
{
    let lang = o.check.lang;
    let Inspection {
        validated,
        rules,
        images,
        date,
        as_of,
        period,
        since,
        ..
    } = inspection;
    let out_dir = o
        .output
        .clone()
        .unwrap_or_else(|| default_output(&o.check.workbook));
    if let Some(refusal) = overlap(&o.check.workbook, &out_dir) {
        return Err(Halt::Failed(Failure::new(refusal, None)));
    }
    // Errors that belong to one employee skip that employee's documents (and their team's,
    // and the dossier); any other error stops the build.
    let blocked = validated.blocked();
    if blocked.everyone > 0 {
        return Err(Halt::Blocked);
    }
    let overrides = match &o.templates {
        Some(dir) => read_overrides(dir, lang).map_err(Halt::Failed)?,
        None => Vec::new(),
    };
    let templates = Templates::load(&overrides).map_err(|e| Halt::Failed(template_failure(&e)))?;
    let plan = Plan {
        kinds: if o.only.is_empty() {
            Kind::DEFAULT.to_vec()
        } else {
            o.only.clone()
        },
        employees: o.employees.clone(),
        lang,
        date,
        paper: o.paper,
        images,
        rules,
        as_of,
        period,
        due: o.due.map(|d| d.until(as_of)),
        skip: blocked.employees.keys().cloned().collect(),
        months: 6,
        since,
    };
    let wb = &validated.workbook;
    let (chosen, unknown) = build::select(wb, &plan);
    let due_text = plan
        .due
        .map(|until| due_text(wb, &plan, &chosen, until, lang));
    if let Some(id) = unknown.first() {
        return Err(Halt::Failed(Failure::new(
            Tr::new(
                format!("medewerker `{id}` staat niet in het blad `Medewerkers`"),
                format!("employee `{id}` is not in the sheet `Employees` (`Medewerkers`)"),
            ),
            None,
        )));
    }
    let workbook = output::resolve(&o.check.workbook);
    let shown = progress(build::planned_files(wb, &plan));
    let mut notices = Vec::new();
    // The disk works while the next documents are made.
    let writer = output::Background::spawn(out_dir.clone(), shown);
    let mut result = build::build(wb, &templates, &plan, &mut notices, |file| {
        let path = output::inside(&out_dir, &file.path)?;
        // Never over the workbook, whatever it is called.
        if output::resolve(&path) == workbook {
            return Err(std::io::ErrorKind::AlreadyExists.into());
        }
        writer.send(path, file.bytes)
    });
    if let Err((path, error)) = writer.finish() {
        // The file that failed, rather than the one the build was handing over then.
        let path = path
            .strip_prefix(&out_dir)
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_else(|_| path.display().to_string());
        result = Err(build::BuildError::Write { path, error });
    }
    let ended = match result {
        Ok(made) if !blocked.employees.is_empty() => Ok(Done {
            closing: format!(
                "{}; {}",
                made_text(&made, &out_dir, lang),
                skipped_text(wb, &blocked, &plan, &made, lang)
            ),
            skipped: true,
            open: opened(&out_dir, &plan, &made),
            made,
        }),
        Ok(made) => {
            let mut done = made_text(&made, &out_dir, lang);
            if let Some(due) = &due_text {
                done.push_str(due);
            }
            if plan.kinds.contains(&Kind::Dossier) && wb.employees.is_empty() {
                done.push_str(Tr::new(
                    "; het inspectiedossier volgt zodra het blad `Medewerkers` ingevuld is (met de naam van de organisatie)",
                    "; the inspection dossier follows once the sheet `Employees` is filled in (with the organisation's name)",
                ).get(lang));
            }
            Ok(Done {
                closing: done,
                skipped: false,
                open: opened(&out_dir, &plan, &made),
                made,
            })
        }
        Err(build::BuildError::Template(e)) => Err(template_failure(&e)),
        Err(build::BuildError::Write { path, .. })
            if output::resolve(&out_dir.join(&path)) == workbook =>
        {
            let file = out_dir.join(&path);
            Err(Failure::new(
                Tr::new(
                    format!(
                        "popdruk schrijft `{}` niet: dat is de werkmap die gelezen wordt; kies met -o een andere map",
                        file.display()
                    ),
                    format!(
                        "popdruk does not write `{}`: it is the workbook being read; choose another folder with -o",
                        file.display()
                    ),
                ),
                None,
            ))
        }
        Err(build::BuildError::Write { path, error }) => {
            let file = out_dir.join(&path);
            // The question about another program only where that can be the cause: a name
            // the file system refuses says so first.
            let locked = matches!(
                error.kind(),
                std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ResourceBusy
            ) || (cfg!(windows) && matches!(error.raw_os_error(), Some(32 | 33)));
            let message = if locked {
                Tr::new(
                    format!(
                        "kan `{}` niet schrijven: is het bestand open in een ander programma, of is de map alleen-lezen?",
                        file.display()
                    ),
                    format!(
                        "cannot write `{}`: is the file open in another program, or is the folder read-only?",
                        file.display()
                    ),
                )
            } else {
                Tr::new(
                    format!("kan `{}` niet schrijven", file.display()),
                    format!("cannot write `{}`", file.display()),
                )
            };
            Err(Failure::new(message, Some(io_cause(&error, lang))))
        }
        Err(build::BuildError::Image(e)) => Err(Failure::new(
            Tr::new(
                format!(
                    "het logo is geen leesbare PNG- of JPEG-afbeelding: {}",
                    e.message
                ),
                format!(
                    "the logo is not a readable PNG or JPEG image: {}",
                    e.message
                ),
            ),
            None,
        )),
        Err(e) => Err(Failure::new(e.message(), None)),
    };
    Ok(Outcome {
        out_dir,
        notices,
        ended,
    })
}

fn build(o: &BuildOptions, today: NaiveDate) -> Exit {
    let lang = o.check.lang;
    output::interrupt_in_english(lang == Lang::En);
    // An output folder that would overwrite what is read is refused before anything is read.
    let out_dir = o
        .output
        .clone()
        .unwrap_or_else(|| default_output(&o.check.workbook));
    if let Some(refusal) = overlap(&o.check.workbook, &out_dir) {
        return Failure::new(refusal, None).print(lang);
    }
    let inspection = match inspect(&o.check, today, true) {
        Ok(i) => i,
        Err(failure) => return failure.print(lang),
    };
    inspection.print(o.check.verbosity, lang);
    let console = Console::detect(o.check.verbosity);
    let bar = std::cell::OnceCell::new();
    let outcome = make(inspection, o, |total| {
        let shown = bar.get_or_init(|| console.progress(total, lang)).clone();
        move |path: &Path| shown.wrote(path)
    });
    if let Some(bar) = bar.get() {
        bar.finish();
    }
    let outcome = match outcome {
        Ok(outcome) => outcome,
        Err(Halt::Blocked) => {
            console.line(Halt::blocked_message().get(lang));
            return Exit::DataErrors;
        }
        Err(Halt::Failed(failure)) => return failure.print(lang),
    };
    let word = match lang {
        Lang::Nl => "waarschuwing",
        Lang::En => "warning",
    };
    for n in &outcome.notices {
        console.line(&format!("{word}: {}: {}", n.file, n.message.get(lang)));
    }
    match outcome.ended {
        Ok(done) if done.skipped => {
            console.line(&done.closing);
            Exit::DataErrors
        }
        Ok(done) => {
            console.done(&done.closing);
            if o.open {
                open(&done.open, lang);
            }
            Exit::Ok
        }
        Err(failure) => failure.print(lang),
    }
}

/// Who `--due` chose, each with the day they are due: `; aan de beurt tot 28/01/2027: Marc
/// Peeters (M002, 19/01/2027)`.
fn due_text(
    wb: &crate::model::Workbook,
    plan: &Plan,
    chosen: &[&crate::model::Employee],
    until: NaiveDate,
    lang: Lang,
) -> String {
    let idx = crate::model::Index::new(wb);
    use crate::format::format_date;
    let until = format_date(until);
    let who: Vec<String> = chosen
        .iter()
        .map(|e| {
            let day = compliance::due_on(&idx, &plan.rules, plan.as_of, e)
                .map(format_date)
                .unwrap_or_default();
            format!("{} ({}, {day})", e.full_name(), e.id)
        })
        .collect();
    match (lang, who.is_empty()) {
        (Lang::Nl, true) => format!("; niemand is aan de beurt tot {until}"),
        (Lang::En, true) => format!("; nobody is due by {until}"),
        (Lang::Nl, false) => format!("; aan de beurt tot {until}: {}", who.join(", ")),
        (Lang::En, false) => format!("; due by {until}: {}", who.join(", ")),
    }
}

/// Who was skipped because of errors in their own rows, what else was left out for it, and
/// what to do.
fn skipped_text(
    wb: &crate::model::Workbook,
    blocked: &crate::model::Blocked,
    plan: &Plan,
    made: &build::Made,
    lang: Lang,
) -> String {
    let who: Vec<String> = blocked
        .employees
        .iter()
        .map(|(id, n)| {
            let name = wb
                .employees
                .iter()
                .find(|e| &e.id == id)
                .map(|e| e.full_name())
                .unwrap_or_default();
            let errors = match (lang, *n) {
                (Lang::Nl, 1) => "1 fout".to_string(),
                (Lang::Nl, n) => format!("{n} fouten"),
                (Lang::En, 1) => "1 error".to_string(),
                (Lang::En, n) => format!("{n} errors"),
            };
            format!("{name} ({id}, {errors})")
        })
        .collect();
    let mut also = Vec::new();
    if !made.teams_skipped.is_empty() && plan.kinds.iter().any(|k| k.per_team()) {
        let teams = made.teams_skipped.join(", ");
        also.push(match lang {
            Lang::Nl => format!("de teamdocumenten van {teams}"),
            Lang::En => format!("the team documents of {teams}"),
        });
    }
    if plan.kinds.contains(&Kind::Dossier) {
        also.push(
            Tr::new(
                "het inspectiedossier (dat moet volledig zijn)",
                "the inspection dossier (which must be complete)",
            )
            .get(lang)
            .to_string(),
        );
    }
    if plan.kinds.iter().any(|k| k.per_organisation()) {
        also.push(
            Tr::new(
                "de planning en het overzicht (die zouden hen weglaten)",
                "the planning and the overview (which would leave them out)",
            )
            .get(lang)
            .to_string(),
        );
    }
    let also = if also.is_empty() {
        String::new()
    } else {
        match lang {
            Lang::Nl => format!(", en ook {}", also.join(" en ")),
            Lang::En => format!(", nor {}", also.join(" nor ")),
        }
    };
    match lang {
        Lang::Nl => format!(
            "overgeslagen door fouten in hun eigen rijen: {}{also}; verbeter de fouten hierboven en maak ze opnieuw",
            who.join(", ")
        ),
        Lang::En => format!(
            "skipped for errors in their own rows: {}{also}; fix the errors above and build again",
            who.join(", ")
        ),
    }
}

/// The closing line of a build: what was made, and where.
fn made_text(made: &build::Made, out_dir: &Path, lang: Lang) -> String {
    /// The words of the closing line, in one language.
    struct Words {
        document: (&'static str, &'static str),
        employee: (&'static str, &'static str),
        team_document: (&'static str, &'static str),
        bundle: (&'static str, &'static str),
        for_: &'static str,
        dossier: &'static str,
        planning: &'static str,
        overzicht: &'static str,
        blank: &'static str,
        and: &'static str,
        head: &'static str,
        nothing: &'static str,
    }
    let w = match lang {
        Lang::Nl => Words {
            document: ("document", "documenten"),
            employee: ("medewerker", "medewerkers"),
            team_document: ("teamdocument", "teamdocumenten"),
            bundle: ("bundel", "bundels"),
            for_: "voor",
            dossier: "het inspectiedossier",
            planning: "de planning",
            overzicht: "het overzicht",
            blank: "een leeg voorbereidingsformulier",
            and: " en ",
            head: "klaar",
            nothing: "geen documenten",
        },
        Lang::En => Words {
            document: ("document", "documents"),
            employee: ("employee", "employees"),
            team_document: ("team document", "team documents"),
            bundle: ("bundle", "bundles"),
            for_: "for",
            dossier: "the inspection dossier",
            planning: "the planning",
            overzicht: "the overview",
            blank: "a blank preparation form",
            and: " and ",
            head: "done",
            nothing: "no documents",
        },
    };
    let n =
        |k: usize, (one, many): (&str, &str)| format!("{k} {}", if k == 1 { one } else { many });
    let mut parts = Vec::new();
    if made.documents > 0 {
        parts.push(format!(
            "{} {} {}",
            n(made.documents, w.document),
            w.for_,
            n(made.employees, w.employee)
        ));
    }
    if made.team_documents > 0 {
        parts.push(n(made.team_documents, w.team_document));
    }
    if made.bundles > 0 {
        parts.push(n(made.bundles, w.bundle));
    }
    if made.blank {
        parts.push(w.blank.to_string());
    }
    if made.dossier {
        parts.push(w.dossier.to_string());
    }
    if made.planning {
        parts.push(w.planning.to_string());
    }
    if made.overzicht {
        parts.push(w.overzicht.to_string());
    }
    let what = match parts.len() {
        0 => w.nothing.to_string(),
        1 => parts.remove(0),
        k => format!("{}{}{}", parts[..k - 1].join(", "), w.and, parts[k - 1]),
    };
    format!("{}: {what} in `{}`", w.head, out_dir.display())
}

/// What `--open` shows: the one bundle or the dossier when only one kind was made, else
/// the output folder.
fn opened(out_dir: &Path, plan: &Plan, made: &build::Made) -> PathBuf {
    let single = match plan.kinds.as_slice() {
        [Kind::Dossier] if made.dossier => Some(build::DOSSIER_FILE.to_string()),
        [Kind::Planning] if made.planning => Some(build::PLANNING_FILE.to_string()),
        [Kind::Overzicht] if made.overzicht => Some(build::OVERZICHT_FILE.to_string()),
        [k] if !k.per_team()
            && !k.per_organisation()
            && *k != Kind::Dossier
            && made.bundles > 0 =>
        {
            Some(format!("bundel-{}.pdf", k.name()))
        }
        _ => None,
    };
    match single {
        Some(file) => out_dir.join(file),
        None => out_dir.to_path_buf(),
    }
}

/// Opens a file or folder with the system's viewer, without waiting for it. The command is
/// `open` on macOS, `explorer` on Windows and `xdg-open` elsewhere; `POPDRUK_OPEN` names
/// another one. A viewer that cannot be started is a warning: the files are made.
pub fn open(path: &Path, lang: Lang) {
    let program = std::env::var("POPDRUK_OPEN").unwrap_or_else(|_| {
        if cfg!(target_os = "macos") {
            "open".into()
        } else if cfg!(windows) {
            "explorer".into()
        } else {
            "xdg-open".into()
        }
    });
    let started = std::process::Command::new(&program)
        .arg(path)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    if let Err(e) = started {
        Console::detect(Verbosity::Normal).line(
            Tr::new(
                format!(
                    "waarschuwing: kan `{}` niet openen met `{program}` ({e}); open het zelf",
                    path.display()
                ),
                format!(
                    "warning: cannot open `{}` with `{program}` ({e}); open it yourself",
                    path.display()
                ),
            )
            .get(lang),
        );
    }
}

fn export(dir: &Path, force: bool, lang: Lang) -> Exit {
    if let Err(e) = std::fs::create_dir_all(dir) {
        return fail(
            lang,
            &Tr::new(
                format!("kan de map `{}` niet maken", dir.display()),
                format!("cannot create the folder `{}`", dir.display()),
            ),
            Some(io_cause(&e, lang)),
        );
    }
    for (name, content) in template::BUILTIN {
        let path = dir.join(name);
        if path.exists() && !force {
            return already_exists(lang, &path);
        }
        if let Err(e) = output::write_atomic(&path, content.as_bytes()) {
            return fail(
                lang,
                &Tr::new(
                    format!("kan `{}` niet schrijven", path.display()),
                    format!("cannot write `{}`", path.display()),
                ),
                Some(io_cause(&e, lang)),
            );
        }
    }
    let (n, dir) = (template::BUILTIN.len(), dir.display());
    Console::detect(Verbosity::Normal).done(
        Tr::new(
            format!("{n} sjablonen geschreven in `{dir}`"),
            format!("{n} templates written to `{dir}`"),
        )
        .get(lang),
    );
    Exit::Ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_system_error_is_said_in_plain_words_without_its_number() {
        let gone = std::io::Error::from(std::io::ErrorKind::NotFound);
        assert_eq!(
            io_cause(&gone, Lang::Nl),
            "het bestand of de map bestaat niet"
        );
        assert_eq!(
            io_cause(&gone, Lang::En),
            "the file or folder does not exist"
        );
        let full = std::io::Error::from(std::io::ErrorKind::StorageFull);
        assert_eq!(io_cause(&full, Lang::Nl), "de schijf is vol");
        // Anything else as the system said it, without `(os error N)`.
        let odd = std::io::Error::from_raw_os_error(5);
        let said = io_cause(&odd, Lang::Nl);
        assert!(!said.contains("os error") && !said.is_empty(), "{said}");
    }

    #[test]
    fn a_lock_file_beside_the_workbook_means_it_is_open() {
        let dir = std::env::temp_dir().join(format!("popdruk-lock-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let book = dir.join("team.xlsx");
        assert!(!open_elsewhere(&book));
        std::fs::write(dir.join(".~lock.team.xlsx#"), b"").unwrap();
        assert!(open_elsewhere(&book));
        assert!(!open_elsewhere(&dir.join("other.xlsx")));
        std::fs::remove_dir_all(dir).ok();
    }
}
