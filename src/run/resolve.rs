//! Resolving what a command asks for into what it works on: the workbook read and checked
//! with the rule settings (`popdruk.toml`, then the `Instellingen` sheet), the dates and
//! period the run is about, the logo, the template folder and the output folder. Prints
//! nothing: `check`, `build` and the page each show the result their way (see `report`).

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::cli::CheckOptions;
use crate::compliance::{self, Period, Thresholds};
use crate::diagnostic::{ColumnRef, Diagnostic, Location};
use crate::i18n::{Lang, Tr};
use crate::model::Validated;
use crate::model::schema::{kv, sheets};
use crate::report::failure::{Failure, io_cause};
use crate::{input, model, output, template};

/// The rules file looked for next to the workbook (or next to the CSV folder).
pub const RULES_FILE: &str = "popdruk.toml";

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

/// Why the output folder `out` cannot take the documents of `input`, if it cannot: it is
/// the CSV folder being read, lies inside it or contains it (the documents would be mixed
/// with the data, and an employee's folder could take the CSV folder's name), or it is the
/// workbook file itself. A folder that holds a workbook file is fine: every file a build
/// writes is a PDF, and one that would land on the workbook is refused when it is written.
pub fn overlap(input: &Path, out: &Path) -> Option<Tr> {
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
pub fn read_overrides(dir: &Path, lang: Lang) -> Result<Vec<(String, String)>, Failure> {
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

#[cfg(test)]
mod tests {
    use super::*;

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
