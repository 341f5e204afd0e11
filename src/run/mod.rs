//! Carrying out a command: the edge where files are read and written and messages printed.
//!
//! [`resolve`] turns the options into what a command works on (the workbook checked, the
//! rules, the dates, the logo, the templates, the output folder); this file carries the
//! commands out and builds the plan; `report` words what they print.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::build::{self, Kind, Plan};
use crate::cli::{BuildOptions, CheckOptions, Options};
use crate::compliance::{self, Severity};
use crate::i18n::{Lang, Tr};
use crate::report::failure::{Failure, already_exists, io_cause};
use crate::template::{self, Templates};
use crate::terminal::{Console, Verbosity};
use crate::{analysis, output, report};

pub mod resolve;

pub use resolve::{Inspection, RULES_FILE, default_output, inspect};
use resolve::{overlap, read_overrides};

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

/// Prints a tool failure on stderr; exit 2.
fn stop(failure: &Failure, lang: Lang) -> Exit {
    failure.print(lang);
    Exit::Failed
}

/// Prints a tool failure (exit 2) with its cause.
fn fail(lang: Lang, message: &Tr, cause: Option<String>) -> Exit {
    stop(&Failure::new(message.clone(), cause), lang)
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
        PathBuf::from(crate::init::STARTER_FILE)
    } else {
        dir.join(crate::init::STARTER_FILE)
    };
    if path.exists() && !force {
        return stop(&already_exists(&path), lang);
    }
    let written = std::fs::create_dir_all(dir).and_then(|()| {
        let bytes = crate::init::starter_bytes(lang, example)?;
        output::write_atomic(&path, &bytes)?;
        // The example names the sample team's logo: it comes along, unless the folder
        // already has a logo of its own.
        let logo = dir.join(crate::init::EXAMPLE_LOGO_FILE);
        if example && !logo.exists() {
            output::write_atomic(&logo, crate::init::EXAMPLE_LOGO)?;
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

fn check(o: &CheckOptions, today: NaiveDate) -> Exit {
    // One date drives the whole check: who is in service, the teammatrix's coverage and the
    // rules are all as of `--as-of` (by default `--date`, by default today).
    let inspection = match inspect(o, today, false) {
        Ok(i) => i,
        Err(failure) => return stop(&failure, o.lang),
    };
    report::check::problems(
        &inspection.validated.diagnostics,
        inspection.logo_problem.as_ref(),
        o.verbosity,
        o.lang,
    );
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
        report::check::summary_text(&report::check::summary(wb, as_of, o.lang))
    };
    if !wb.matrix.is_empty() && !quiet {
        let teams = analysis::analyse(wb, as_of);
        let since = (&analysis::CellIndex::new(wb), inspection.since);
        out.push_str(&report::check::matrix_summary(&teams, as_of, since, o.lang));
    }
    let Some((findings, checked)) = inspection.findings() else {
        // Rows with errors are missing from the model, so the rules would report a missing
        // POP or action that is only a typo away: better no findings than false ones. The
        // note stands where the findings would, so stderr still ends with the tally.
        out.push_str(&report::check::rules_not_checked(o.lang));
        let _ = std::io::stdout().lock().write_all(out.as_bytes());
        return Exit::DataErrors;
    };
    out.push_str(&report::check::findings(
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
        out.push_str(&report::check::planning(
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
            report::check_table::rows(wb, findings, &planning, as_of, o.lang)
        }
        None => Vec::new(),
    };
    let text = match o.format {
        crate::cli::Format::Json => report::check_table::json(&rows),
        _ => report::check_table::csv(&rows, o.lang),
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
    let templates =
        Templates::load(&overrides).map_err(|e| Halt::Failed(report::failure::template(&e)))?;
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
        .map(|until| report::build::due(wb, &plan, &chosen, until, lang));
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
                report::build::made(&made, &out_dir, lang),
                report::build::skipped(wb, &blocked, &plan, &made, lang)
            ),
            skipped: true,
            open: opened(&out_dir, &plan, &made),
            made,
        }),
        Ok(made) => {
            let mut done = report::build::made(&made, &out_dir, lang);
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
        Err(build::BuildError::Write { path, .. })
            if output::resolve(&out_dir.join(&path)) == workbook =>
        {
            Err(report::build::not_over_workbook(&out_dir.join(&path)))
        }
        Err(error) => Err(report::build::failure(error, &out_dir, lang)),
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
        return stop(&Failure::new(refusal, None), lang);
    }
    let inspection = match inspect(&o.check, today, true) {
        Ok(i) => i,
        Err(failure) => return stop(&failure, lang),
    };
    report::check::problems(
        &inspection.validated.diagnostics,
        inspection.logo_problem.as_ref(),
        o.check.verbosity,
        lang,
    );
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
        Err(Halt::Failed(failure)) => return stop(&failure, lang),
    };
    for n in &outcome.notices {
        console.line(&report::build::notice(n, lang));
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
        Err(failure) => stop(&failure, lang),
    }
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
            return stop(&already_exists(&path), lang);
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

/// A PDF in pieces is written a run at a time: its content streams as they were made, not
/// copied into one buffer first.
impl output::Content for crate::pdf::Pieces {
    fn runs(&self) -> Vec<&[u8]> {
        crate::pdf::Pieces::runs(self)
    }
}
