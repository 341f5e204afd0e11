//! Building the documents: for each employee and document kind, context → template →
//! markup → layout → PDF, plus one bundle per kind with every employee on an odd page.
//!
//! Pure of I/O: finished files are handed to a sink in a fixed order (the caller writes them
//! atomically), so the same workbook and date give the same files, byte for byte.

use std::collections::{HashMap, HashSet};
use std::fmt;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::compliance::{self, Period, Thresholds};
use crate::context::team::Paper;
use crate::context::{self};
use crate::i18n::{Lang, Tr};
use crate::markup::{self, Document, MarkupError};
use crate::model::{Employee, Workbook};
use crate::template::{TemplateError, Templates};
use crate::{layout, pdf};

/// A kind of document made per employee.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// The POP form.
    Pop,
    /// The agreement form.
    Afspraken,
    /// The preparation form for the employee.
    Voorbereiding,
    /// The follow-up form, for the talk between two POP conversations: made when asked
    /// (`--only opvolging`), not by default.
    Opvolging,
    /// The printed teammatrix, per team.
    Teammatrix,
    /// The training plan, per team.
    Opleidingsplan,
    /// The inspection dossier, one for the organisation.
    Dossier,
    /// The planning of the coming months per supervisor, one for the organisation: made
    /// when asked (`--only planning`).
    Planning,
    /// The management summary on one page, one for the organisation: made when asked
    /// (`--only overzicht`).
    Overzicht,
}

impl Kind {
    /// Every kind, in print order.
    pub const ALL: [Kind; 9] = [
        Kind::Pop,
        Kind::Afspraken,
        Kind::Voorbereiding,
        Kind::Opvolging,
        Kind::Teammatrix,
        Kind::Opleidingsplan,
        Kind::Dossier,
        Kind::Planning,
        Kind::Overzicht,
    ];

    /// What a build makes when `--only` does not say: every kind but the follow-up form,
    /// which belongs between two POP conversations.
    pub const DEFAULT: [Kind; 6] = [
        Kind::Pop,
        Kind::Afspraken,
        Kind::Voorbereiding,
        Kind::Teammatrix,
        Kind::Opleidingsplan,
        Kind::Dossier,
    ];

    /// Whether the document is one short document for the organisation (the planning, the
    /// overview), made beside the others.
    pub fn per_organisation(self) -> bool {
        matches!(self, Kind::Planning | Kind::Overzicht)
    }

    /// Whether the document is made per team rather than per employee.
    pub fn per_team(self) -> bool {
        matches!(self, Kind::Teammatrix | Kind::Opleidingsplan)
    }

    /// The name used in `--only`, file names and the template name.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Pop => "pop",
            Kind::Afspraken => "afspraken",
            Kind::Voorbereiding => "voorbereiding",
            Kind::Opvolging => "opvolging",
            Kind::Teammatrix => "teammatrix",
            Kind::Opleidingsplan => "opleidingsplan",
            Kind::Dossier => "dossier",
            Kind::Planning => "planning",
            Kind::Overzicht => "overzicht",
        }
    }

    /// The template that makes this kind.
    pub fn template(self) -> String {
        format!("{}.tera", self.name())
    }
}

impl std::str::FromStr for Kind {
    /// What is wrong with the value, in both languages.
    type Err = crate::i18n::Tr;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let name = s.trim().to_lowercase();
        Kind::ALL
            .into_iter()
            .find(|k| k.name() == name)
            .ok_or_else(|| {
                let names: Vec<String> = Kind::ALL
                    .iter()
                    .map(|k| format!("`{}`", k.name()))
                    .collect();
                let names = names.join(", ");
                crate::i18n::Tr::new(
                    format!("document `{s}` bestaat niet: kies uit {names}"),
                    format!("there is no document `{s}`: choose from {names}"),
                )
            })
    }
}

/// What to build.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// Document kinds, in print order.
    pub kinds: Vec<Kind>,
    /// Employee IDs; empty means everyone in service on the as-of day.
    pub employees: Vec<String>,
    /// Language of the documents.
    pub lang: Lang,
    /// The date printed on the documents (`--date`).
    pub date: NaiveDate,
    /// Paper of the teammatrix.
    pub paper: Paper,
    /// Images templates may print, by name (`logo`).
    pub images: pdf::Images,
    /// The rule thresholds in force, for the dossier.
    pub rules: Thresholds,
    /// The day the content is about (`--as-of`): who is in service, the teammatrix's
    /// coverage, the conversations held, and the rules the dossier checks.
    pub as_of: NaiveDate,
    /// The period the dossier covers.
    pub period: Period,
    /// Only employees due for a conversation on or before this day (or overdue):
    /// `--due`.
    pub due: Option<NaiveDate>,
    /// Employees (IDs) whose own rows have errors: none of their documents is made, nor
    /// their team's documents, nor the dossier, which must be complete.
    pub skip: Vec<String>,
    /// How many months after the as-of day the planning looks ahead.
    pub months: u32,
    /// The earlier day the teammatrix compares levels with (`--since`).
    pub since: NaiveDate,
}

impl Plan {
    /// Every employee in service, A4, no images, the built-in thresholds, the rules checked
    /// on `date` over the 12 months before it.
    pub fn new(kinds: Vec<Kind>, lang: Lang, date: NaiveDate) -> Plan {
        Plan {
            kinds,
            employees: Vec::new(),
            lang,
            date,
            paper: Paper::A4,
            images: pdf::Images::new(),
            rules: Thresholds::default(),
            as_of: date,
            period: Period::ending(date),
            due: None,
            skip: Vec::new(),
            months: 6,
            since: crate::compliance::previous_quarter_start(date),
        }
    }
}

/// Why a document could not be made.
#[derive(Debug)]
pub enum BuildError {
    /// A template failed.
    Template(TemplateError),
    /// A finished file could not be written.
    Write {
        /// The file, relative to the output folder.
        path: String,
        /// Why.
        error: std::io::Error,
    },
    /// An image (the logo) could not be read.
    Image(pdf::ImageError),
    /// A template produced markup the layout engine cannot read.
    Markup(Box<MarkupFailure>),
}

impl BuildError {
    /// A markup error in what `template` made for `employee` from `text`, with the
    /// template lines that wrote the element it is about.
    fn markup(
        templates: &Templates,
        template: &str,
        employee: &str,
        text: Option<&str>,
        error: MarkupError,
    ) -> BuildError {
        let lines = match &error.element {
            Some((tag, attribute)) => templates.locate(template, tag, attribute.as_deref()),
            None => Vec::new(),
        };
        let made = text
            .and_then(|t| t.lines().nth((error.line as usize).saturating_sub(1)))
            .map(|line| {
                // The part of the line around the column, at most 120 characters.
                let chars: Vec<char> = line.chars().collect();
                let at = (error.column as usize).saturating_sub(1).min(chars.len());
                let from = at.saturating_sub(40);
                let to = (from + 120).min(chars.len());
                let mut s: String = chars[from..to].iter().collect::<String>().trim().into();
                if from > 0 {
                    s.insert(0, '…');
                }
                if to < chars.len() {
                    s.push('…');
                }
                s
            })
            .unwrap_or_default();
        BuildError::Markup(Box::new(MarkupFailure {
            template: template.to_string(),
            employee: employee.to_string(),
            error,
            lines,
            made,
        }))
    }

    /// What went wrong, in Dutch and English (a markup error quotes the template line that
    /// wrote the element, or else the made markup).
    pub fn message(&self) -> Tr {
        match self {
            BuildError::Markup(failure) => {
                let MarkupFailure {
                    template,
                    employee,
                    error,
                    lines,
                    made,
                } = failure.as_ref();
                let head = Tr::new(
                    format!(
                        "sjabloon `{template}` maakte opmaak die niet te lezen is voor `{employee}`: {}",
                        error.message.nl
                    ),
                    format!(
                        "{template} made markup that cannot be read for `{employee}`: {}",
                        error.message.en
                    ),
                );
                let (nl, en) = match lines.as_slice() {
                    [(file, line, text), rest @ ..] => {
                        let others: Vec<String> = rest
                            .iter()
                            .take(5)
                            .map(|(f, l, _)| {
                                if f == file {
                                    l.to_string()
                                } else {
                                    format!("{f}:{l}")
                                }
                            })
                            .collect();
                        let also = |word: &str| {
                            if others.is_empty() {
                                String::new()
                            } else {
                                format!(" ({word} {})", others.join(", "))
                            }
                        };
                        (
                            format!("\n  --> {file}, regel {line}: {text}{}", also("of regel")),
                            format!("\n  --> {file}, line {line}: {text}{}", also("or line")),
                        )
                    }
                    [] if !made.is_empty() => {
                        let (l, c) = (error.line, error.column);
                        (
                            format!("\n  --> in de gemaakte opmaak, regel {l}, kolom {c}: {made}"),
                            format!("\n  --> in the made markup, line {l}, column {c}: {made}"),
                        )
                    }
                    [] => Default::default(),
                };
                Tr::new(head.nl + &nl, head.en + &en)
            }
            other => {
                let text = other.to_string();
                Tr::new(text.clone(), text)
            }
        }
    }
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildError::Template(e) => write!(f, "{e}"),
            BuildError::Image(e) => write!(f, "{e}"),
            BuildError::Write { path, error } => write!(f, "cannot write `{path}`: {error}"),
            e @ BuildError::Markup(_) => write!(f, "{}", e.message().en),
        }
    }
}

impl std::error::Error for BuildError {}

/// Markup a template made that cannot be read, and where to look for the cause.
#[derive(Debug)]
pub struct MarkupFailure {
    /// The template.
    pub template: String,
    /// The employee the markup was made for.
    pub employee: String,
    /// The markup error.
    pub error: MarkupError,
    /// The template lines that write the element the error is about (template, line,
    /// text), the place the user can fix.
    pub lines: Vec<(String, usize, String)>,
    /// The line of made markup the error is on, shortened, for when no template line
    /// can be named.
    pub made: String,
}

/// A finished file: its path relative to the output folder, and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct File {
    /// Relative path (`M003-yilmaz-ayse/pop-M003-Yılmaz-Ayşe.pdf`).
    pub path: String,
    /// PDF bytes.
    pub bytes: Vec<u8>,
}

/// A warning from laying out a document (a character no font has).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// The file (or employee folder, or `alle documenten`) it concerns.
    pub file: String,
    /// What is wrong, in both languages: the edge that prints it picks the reader's.
    pub message: crate::i18n::Tr,
    /// The character it is about, for a character no font has.
    pub glyph: Option<char>,
}

/// Counts of what a build made.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Made {
    /// Employees with documents.
    pub employees: usize,
    /// Per-employee documents.
    pub documents: usize,
    /// Bundles.
    pub bundles: usize,
    /// Whether the blank voorbereidingsformulier was made.
    pub blank: bool,
    /// Team documents.
    pub team_documents: usize,
    /// Whether the inspection dossier was made.
    pub dossier: bool,
    /// Whether the planning was made.
    pub planning: bool,
    /// Whether the overview was made.
    pub overzicht: bool,
    /// Teams whose documents were not made, because a member's rows have errors.
    pub teams_skipped: Vec<String>,
}

/// The employees a plan covers, in sheet order; unknown IDs are returned separately.
pub fn select<'a>(wb: &'a Workbook, plan: &Plan) -> (Vec<&'a Employee>, Vec<String>) {
    let (mut chosen, unknown) = chosen(wb, plan);
    if let Some(until) = plan.due {
        let idx = crate::model::Index::new(wb);
        chosen.retain(|e| {
            crate::compliance::due_on(&idx, &plan.rules, plan.as_of, e).is_some_and(|d| d <= until)
        });
    }
    (chosen, unknown)
}

/// The employees named (or everyone in service), before `--due` narrows them.
fn chosen<'a>(wb: &'a Workbook, plan: &Plan) -> (Vec<&'a Employee>, Vec<String>) {
    if plan.employees.is_empty() {
        let chosen = wb
            .employees
            .iter()
            .filter(|e| e.in_service_on(plan.as_of) && !plan.skip.contains(&e.id))
            .collect();
        return (chosen, Vec::new());
    }
    let unknown = plan
        .employees
        .iter()
        .filter(|id| !wb.employees.iter().any(|e| &e.id == *id))
        .cloned()
        .collect();
    let chosen = wb
        .employees
        .iter()
        .filter(|e| plan.employees.contains(&e.id) && !plan.skip.contains(&e.id))
        .collect();
    (chosen, unknown)
}

/// Makes every document of the plan and hands each finished file to `sink`, which writes it
/// (a failure there, such as a file locked by a PDF viewer, stops the build). The file is
/// the sink's: a dossier is tens of megabytes, better not copied.
pub fn build(
    wb: &Workbook,
    templates: &Templates,
    plan: &Plan,
    notices: &mut Vec<Notice>,
    mut sink: impl FnMut(File) -> std::io::Result<()>,
) -> Result<Made, BuildError> {
    let mut emit = |file: File| {
        let path = file.path.clone();
        sink(file).map_err(|error| BuildError::Write { path, error })
    };
    let labels = templates.labels(plan.lang);
    let (employees, _) = select(wb, plan);
    // Characters no font has, named by their cell; the layout's own warnings about them go.
    let rows = crate::model::Index::new(wb);
    notices.extend(crate::printable::notices(&rows, &employees, plan.lang));
    let from_data = notices.len();
    let mut made = Made {
        employees: employees.len(),
        ..Made::default()
    };
    let mut teams = crate::analysis::analyse(wb, plan.as_of);
    // A team with someone whose rows have errors would print a wrong matrix.
    teams.retain(|t| {
        !wb.employees
            .iter()
            .any(|e| e.team == t.team && plan.skip.contains(&e.id))
    });
    made.teams_skipped = wb
        .teams()
        .into_iter()
        .filter(|name| !teams.iter().any(|t| t.team == *name))
        .map(str::to_string)
        .collect();
    let has_logo = plan.images.contains_key("logo");
    let cells = crate::analysis::CellIndex::new(wb);
    let names = &Names::new(wb);
    std::thread::scope(|scope| -> Result<(), BuildError> {
        // The dossier is one long document with parts that run on one core (its front
        // matter, the assembly of its file): it is made on a thread of its own from the
        // start, beside the other documents, and handed on in its place.
        let (rows, cells, employees) = (&rows, &cells, &employees);
        // An empty workbook (a fresh starter) has nobody to inspect, and no organisation
        // name yet: no dossier.
        let dossier_wanted =
            plan.kinds.contains(&Kind::Dossier) && plan.skip.is_empty() && !wb.employees.is_empty();
        let mut dossier_made = dossier_wanted.then(|| {
            scope.spawn(move || {
                let mut found = Vec::new();
                dossier(rows, templates, plan, cells, employees, &mut found)
                    .map(|file| (file, found))
            })
        });
        let mut bundles = Vec::new();
        for kind in &plan.kinds {
            let template = kind.template();
            if *kind == Kind::Dossier {
                if let Some(handle) = dossier_made.take() {
                    let (file, found) = handle
                        .join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
                    notices.extend(found);
                    emit(file)?;
                    made.dossier = true;
                }
                continue;
            }
            if kind.per_organisation() {
                if organisation_wanted(wb, plan) {
                    let doc = organisation_document(wb, templates, plan, *kind, has_logo)?;
                    let path = kind.file();
                    let bytes = write_noting(&doc, &path, &plan.images, notices)?;
                    emit(File { path, bytes })?;
                    match kind {
                        Kind::Planning => made.planning = true,
                        _ => made.overzicht = true,
                    }
                }
                continue;
            }
            if kind.per_team() {
                // Teams are independent: made on every core, handed on in team order.
                let made_teams: Vec<(File, Vec<Notice>)> = teams
                    .par_iter()
                    .map(|team| {
                        let mut found = Vec::new();
                        let mut ctx = context::team::team(
                            wb, cells, team, labels, plan.lang, plan.as_of, plan.paper,
                            plan.since,
                        );
                        ctx.org.logo = has_logo;
                        let path = names.team_file(*kind, team.team);
                        if *kind == Kind::Teammatrix
                            && ctx.blocks.len() > 1
                            && plan.paper == Paper::A4
                        {
                            let (team, parts) = (team.team, ctx.blocks.len());
                            found.push(Notice {
                                file: path.clone(),
                                message: crate::i18n::Tr::new(
                                    format!(
                                        "de matrix van team `{team}` staat op A4 in {parts} delen naast elkaar; `--paper a3` zet meer taken naast elkaar"
                                    ),
                                    format!(
                                        "the matrix of team `{team}` is split over {parts} column blocks on A4; `--paper a3` fits more tasks side by side"
                                    ),
                                ),
                                glyph: None,
                            });
                        }
                        let doc = parse(templates, &template, &ctx, team.team)?;
                        let bytes = write_noting(&doc, &path, &plan.images, &mut found)?;
                        Ok((File { path, bytes }, found))
                    })
                    .collect::<Result<_, BuildError>>()?;
                for (file, found) in made_teams {
                    notices.extend(found);
                    emit(file)?;
                    made.team_documents += 1;
                }
                continue;
            }
            let mut bundle = Bundle::default();
            // Documents are independent: make a batch on every core, then hand the files to
            // the sink in employee order, so the output does not depend on the thread count and
            // memory holds one batch of finished files at a time.
            for batch in employees.chunks(BATCH) {
                let made_batch: Vec<(File, Member, Vec<Notice>)> = batch
                    .par_iter()
                    .map(|e| {
                        let mut ctx = context::employee(
                            rows,
                            cells,
                            e,
                            labels,
                            plan.lang,
                            plan.date,
                            plan.as_of,
                            &plan.rules,
                        );
                        ctx.org.logo = has_logo;
                        let doc = parse(templates, &template, &ctx, &e.id)?;
                        let path = names.employee_file(*kind, e);
                        let laid = SHAPER.with_borrow_mut(|shaper| {
                            layout::layout_with(&doc, &layout::Options::default(), shaper)
                        });
                        let (written, found) = write_laid(&laid, &path, &plan.images, Vec::new())?;
                        // A document whose pages do not depend on what comes before it goes
                        // into the bundle as it was laid out and drawn; any other is laid out
                        // again there.
                        let member = if layout::stands_alone(&doc) {
                            // From here on the bundle reads the pages' sizes and their
                            // drawings, not what is on them: free that.
                            let mut laid = laid;
                            for page in &mut laid.pages {
                                page.items = Vec::new();
                            }
                            Member::Laid(laid, written.pages)
                        } else {
                            Member::Doc(doc)
                        };
                        let bytes = written.bytes;
                        Ok((File { path, bytes }, member, found))
                    })
                    .collect::<Result<_, BuildError>>()?;
                for (file, member, found) in made_batch {
                    notices.extend(found);
                    emit(file)?;
                    made.documents += 1;
                    bundle.push(member);
                }
            }
            // The bundle is joined and written on a thread of its own while the next kind's
            // documents are made; bundles are handed on at the end, in kind order.
            // The bundle before, written meanwhile, is handed on now rather than at the end:
            // at most one finished bundle waits in memory (64 MB for 5,000 POP forms).
            hand_on(&mut bundles, notices, &mut emit, &mut made)?;
            let path = format!("bundel-{}.pdf", kind.name());
            bundles.push(scope.spawn(move || {
                bundle
                    .finish()
                    .map(|(laid, drawn)| {
                        // Nothing reuses a bundle's drawings: its streams move into the file.
                        let found = found(&laid, &path);
                        let bytes = pdf::write_once(laid, &plan.images, drawn)
                            .map_err(BuildError::Image)?;
                        Ok((File { path, bytes }, found))
                    })
                    .transpose()
            }));
            if *kind == Kind::Voorbereiding {
                let mut ctx = context::blank(wb, labels, plan.lang, plan.date);
                ctx.org.logo = has_logo;
                let doc = parse(templates, &template, &ctx, "")?;
                let path = format!("{}-blanco.pdf", kind.name());
                let bytes = write_noting(&doc, &path, &plan.images, notices)?;
                emit(File { path, bytes })?;
                made.blank = true;
            }
        }
        hand_on(&mut bundles, notices, &mut emit, &mut made)
    })?;
    crate::printable::drop_named_by_data(notices, from_data);
    Ok(made)
}

/// Every document of the plan parsed, with its file name and kind, made from the same
/// contexts and templates as [`build`]: for checks of the layout over whole organisations
/// (the lint). The dossier comes as one document (its front matter and every employee's
/// section), not laid out a piece at a time.
pub fn documents(
    wb: &Workbook,
    templates: &Templates,
    plan: &Plan,
) -> Result<Vec<(String, Kind, Document)>, BuildError> {
    let labels = templates.labels(plan.lang);
    let (employees, _) = select(wb, plan);
    let teams = crate::analysis::analyse(wb, plan.as_of);
    let rows = crate::model::Index::new(wb);
    let cells = crate::analysis::CellIndex::new(wb);
    let mut out = Vec::new();
    for kind in &plan.kinds {
        let template = kind.template();
        match kind {
            Kind::Dossier => {
                let doc = with_dossier(&rows, templates, plan, &cells, &employees, |d| {
                    let (mut doc, _) = parse_part(templates, "dossier.tera", &d.front, "")?;
                    for i in 0..d.sections() {
                        let section = d.section(i);
                        let id = &section.employee.id;
                        let (part, _) =
                            parse_part(templates, "dossier-medewerker.tera", &section, id)?;
                        doc.sections.extend(part.sections);
                    }
                    Ok::<_, BuildError>(doc)
                })?;
                out.push((DOSSIER_FILE.to_string(), *kind, doc));
            }
            k if k.per_organisation() => {
                if organisation_wanted(wb, plan) {
                    let doc = organisation_document(wb, templates, plan, *k, false)?;
                    out.push((k.file(), *kind, doc));
                }
            }
            k if k.per_team() => {
                for team in &teams {
                    let ctx = context::team::team(
                        wb, &cells, team, labels, plan.lang, plan.as_of, plan.paper, plan.since,
                    );
                    let path = format!("{}-{}.pdf", kind.name(), safe_name(team.team));
                    out.push((path, *kind, parse(templates, &template, &ctx, team.team)?));
                }
            }
            _ => {
                for e in &employees {
                    let ctx = context::employee(
                        &rows,
                        &cells,
                        e,
                        labels,
                        plan.lang,
                        plan.date,
                        plan.as_of,
                        &plan.rules,
                    );
                    let path = format!("{}/{}", folder_name(e), file_name(kind.name(), e));
                    out.push((path, *kind, parse(templates, &template, &ctx, &e.id)?));
                }
                if *kind == Kind::Voorbereiding {
                    let ctx = context::blank(wb, labels, plan.lang, plan.date);
                    let path = format!("{}-blanco.pdf", kind.name());
                    out.push((path, *kind, parse(templates, &template, &ctx, "")?));
                }
            }
        }
    }
    Ok(out)
}

/// The planning's file name in the output folder.
pub const PLANNING_FILE: &str = "planning.pdf";

/// The overview's file name in the output folder.
pub const OVERZICHT_FILE: &str = "overzicht.pdf";

impl Kind {
    /// The file of a document made once for the organisation (`planning.pdf`).
    pub fn file(self) -> String {
        format!("{}.pdf", self.name())
    }
}

/// Whether the organisation's planning and overview are made: someone to plan for, and no
/// employee's rows with errors (they would be left out without a word).
fn organisation_wanted(wb: &Workbook, plan: &Plan) -> bool {
    plan.skip.is_empty() && !wb.employees.is_empty()
}

/// The planning or the overview, as markup read.
fn organisation_document(
    wb: &Workbook,
    templates: &Templates,
    plan: &Plan,
    kind: Kind,
    logo: bool,
) -> Result<Document, BuildError> {
    let labels = templates.labels(plan.lang);
    let template = kind.template();
    if kind == Kind::Overzicht {
        let teams = crate::analysis::analyse(wb, plan.as_of);
        let findings = compliance::check(wb, &plan.rules, plan.as_of, plan.period);
        let days = context::overzicht::Days {
            today: plan.date,
            as_of: plan.as_of,
            since: plan.since,
            period: plan.period,
        };
        let mut ctx = context::overzicht::overzicht(
            wb,
            &teams,
            &findings,
            &plan.rules,
            (labels, plan.lang),
            days,
        );
        ctx.org.logo = logo;
        return parse(templates, &template, &ctx, "");
    }
    let until = compliance::add_months(plan.as_of, plan.months);
    let entries = compliance::planning::planning(
        &crate::model::Index::new(wb),
        &plan.rules,
        plan.as_of,
        until,
    );
    let mut ctx = context::planning::planning(
        wb,
        &entries,
        labels,
        plan.lang,
        plan.date,
        plan.as_of,
        until,
        plan.months,
    );
    ctx.org.logo = logo;
    parse(templates, &template, &ctx, "")
}

/// How many files [`build`] will hand to its sink for `plan`, for a progress bar.
pub fn planned_files(wb: &Workbook, plan: &Plan) -> usize {
    let (employees, _) = select(wb, plan);
    let teams = if plan.kinds.iter().any(|k| k.per_team()) {
        wb.teams()
            .iter()
            .filter(|t| {
                !wb.employees
                    .iter()
                    .any(|e| &e.team == *t && plan.skip.contains(&e.id))
            })
            .count()
    } else {
        0
    };
    plan.kinds
        .iter()
        .map(|k| match k {
            Kind::Dossier => usize::from(plan.skip.is_empty() && !wb.employees.is_empty()),
            k if k.per_organisation() => usize::from(organisation_wanted(wb, plan)),
            k if k.per_team() => teams,
            k => {
                employees.len()
                    + usize::from(!employees.is_empty())
                    + usize::from(*k == Kind::Voorbereiding)
            }
        })
        .sum()
}

/// A bundle being joined and written on a thread of its own: its file and the layout's
/// warnings, or nothing when it has no members.
type BundleMade<'scope> =
    std::thread::ScopedJoinHandle<'scope, Result<Option<(File, Vec<Notice>)>, BuildError>>;

/// Waits for the bundles in `pending` and hands each on, in order.
fn hand_on(
    pending: &mut Vec<BundleMade<'_>>,
    notices: &mut Vec<Notice>,
    emit: &mut impl FnMut(File) -> Result<(), BuildError>,
    made: &mut Made,
) -> Result<(), BuildError> {
    for handle in pending.drain(..) {
        let bundle = handle
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
        if let Some((file, found)) = bundle {
            notices.extend(found);
            emit(file)?;
            made.bundles += 1;
        }
    }
    Ok(())
}

/// The dossier file name.
pub const DOSSIER_FILE: &str = "dossier.pdf";

/// Runs `f` with the dossier's context: the target-group employees in service on the
/// as-of date (of those `chosen`, when the plan names employees) and the rules' findings.
fn with_dossier<R>(
    rows: &crate::model::Index<'_>,
    templates: &Templates,
    plan: &Plan,
    cells: &crate::analysis::CellIndex<'_>,
    chosen: &[&Employee],
    f: impl FnOnce(context::dossier::Dossier<'_>) -> R,
) -> R {
    let wb = rows.workbook();
    let subjects: Vec<&Employee> = compliance::subjects(wb, plan.as_of)
        .filter(|e| plan.employees.is_empty() || chosen.iter().any(|c| c.id == e.id))
        .collect();
    let findings = compliance::check_indexed(rows, &plan.rules, plan.as_of, plan.period);
    f(context::dossier::dossier(
        rows,
        cells,
        &subjects,
        &findings,
        &plan.rules,
        templates.labels(plan.lang),
        plan.lang,
        plan.date,
        plan.as_of,
        plan.period,
    ))
}

/// Makes the inspection dossier: the front matter, then one section per target-group
/// employee in service on the as-of date (of those `chosen`, when the plan names
/// employees), made on every core and joined into one document.
fn dossier(
    rows: &crate::model::Index<'_>,
    templates: &Templates,
    plan: &Plan,
    cells: &crate::analysis::CellIndex<'_>,
    chosen: &[&Employee],
    notices: &mut Vec<Notice>,
) -> Result<File, BuildError> {
    // The parts refer to each other's anchors: check the references once all are read.
    let markup_error = |template: &str, employee: &str| {
        let (template, employee) = (template.to_string(), employee.to_string());
        move |error| BuildError::markup(templates, &template, &employee, None, error)
    };
    // The dossier is laid out a piece at a time, and each piece's pages are drawn as soon
    // as it is laid out: held laid out whole, its pages took about 150 KB each (1 GB for
    // 5,000 employees). Each employee's section is made, parsed, laid out and drawn on
    // whichever core is free; what stays is its drawings and the little that headers,
    // footers and the page references need.
    let painter = pdf::Painter::new(&plan.images);
    let ahead = |doc: Document, opts: &layout::Options| {
        let mut piece = SHAPER.with_borrow_mut(|shaper| layout::Piece::new(doc, opts, shaper));
        let drawn: Vec<Option<pdf::DrawnPage>> =
            piece.pages_mut().map(|page| painter.draw(page)).collect();
        (piece, drawn)
    };
    let (book, mut pages) = with_dossier(rows, templates, plan, cells, chosen, |mut d| {
        d.front.org.logo = plan.images.contains_key("logo");
        let (front, mut anchors) = parse_part(templates, "dossier.tera", &d.front, "")?;
        let mut book = layout::Book::new(front.meta.clone(), &layout::Options::default());
        let opts = book.options();
        let (piece, drawn) = ahead(front, &opts);
        book.push(piece);
        let mut pages = vec![drawn];
        let sections: Vec<_> = (0..d.sections())
            .into_par_iter()
            .map(|i| {
                let section = d.section(i);
                let id = section.employee.id.clone();
                let (doc, part_anchors) =
                    parse_part(templates, "dossier-medewerker.tera", &section, &id)?;
                drop(section);
                let (piece, drawn) = ahead(doc, &opts);
                Ok((id, part_anchors, piece, drawn))
            })
            .collect::<Result<_, BuildError>>()?;
        for (id, part_anchors, piece, drawn) in sections {
            anchors
                .join(part_anchors)
                .map_err(markup_error("dossier-medewerker.tera", &id))?;
            book.push(piece);
            pages.push(drawn);
        }
        anchors.check().map_err(markup_error("dossier.tera", ""))?;
        Ok::<_, BuildError>((book, pages))
    })?;
    let (laid, origins) = SHAPER.with_borrow_mut(|shaper| book.finish(shaper));
    let reuse = origins
        .into_iter()
        .map(|o| o.and_then(|(piece, page)| pages[piece][page].take()))
        .collect();
    drop(pages);
    notices.extend(found(&laid, DOSSIER_FILE));
    let bytes = pdf::write_once(laid, &plan.images, reuse).map_err(BuildError::Image)?;
    Ok(File {
        path: DOSSIER_FILE.to_string(),
        bytes,
    })
}

fn parse<C: serde::Serialize>(
    templates: &Templates,
    template: &str,
    ctx: &C,
    employee: &str,
) -> Result<Document, BuildError> {
    let (doc, anchors) = parse_part(templates, template, ctx, employee)?;
    anchors
        .check()
        .map_err(|error| BuildError::markup(templates, template, employee, None, error))?;
    Ok(doc)
}

/// Renders a template and parses its markup, leaving references to anchors unchecked
/// (they may point into another part of the document).
fn parse_part<C: serde::Serialize>(
    templates: &Templates,
    template: &str,
    ctx: &C,
    employee: &str,
) -> Result<(Document, markup::Anchors), BuildError> {
    let text = templates
        .render(template, ctx)
        .map_err(BuildError::Template)?;
    markup::parse_part(&text)
        .map_err(|error| BuildError::markup(templates, template, employee, Some(&text), error))
}

/// Lays out and writes one document; returns the PDF and the layout's warnings.
fn write(
    doc: &Document,
    path: &str,
    images: &pdf::Images,
) -> Result<(Vec<u8>, Vec<Notice>), BuildError> {
    write_laid(
        &layout::layout(doc, &layout::Options::default()),
        path,
        images,
        Vec::new(),
    )
    .map(|(written, found)| (written.bytes, found))
}

/// Writes a laid-out document, reusing the pages drawn before that `drawn` gives; returns
/// the PDF with its drawn pages, and the layout's warnings.
fn write_laid(
    laid: &layout::Laid,
    path: &str,
    images: &pdf::Images,
    drawn: Vec<Option<pdf::DrawnPage>>,
) -> Result<(pdf::Written, Vec<Notice>), BuildError> {
    let written = pdf::write_drawn(laid, Some(images), drawn).map_err(BuildError::Image)?;
    Ok((written, found(laid, path)))
}

/// The layout's warnings about the file `path`.
fn found(laid: &layout::Laid, path: &str) -> Vec<Notice> {
    laid.warnings
        .iter()
        .map(|w| Notice {
            file: path.to_string(),
            message: w.message(),
            glyph: match w.kind {
                layout::WarningKind::MissingGlyph(c) => Some(c),
                _ => None,
            },
        })
        .collect()
}

/// Writes a document, keeping its warnings.
fn write_noting(
    doc: &Document,
    path: &str,
    images: &pdf::Images,
    notices: &mut Vec<Notice>,
) -> Result<Vec<u8>, BuildError> {
    let (bytes, found) = write(doc, path, images)?;
    notices.extend(found);
    Ok(bytes)
}

thread_local! {
    /// Each thread's cache of shaped words, kept from one document to the next: the
    /// template's own words (labels, headings) recur in every document of a kind. Shaping
    /// is a pure function of the word and face, so output does not depend on which thread
    /// made a document.
    static SHAPER: std::cell::RefCell<crate::text::Shaper> = Default::default();
}

/// Employees whose documents are made at once before they are written out.
const BATCH: usize = 64;

/// A document on its way into a bundle.
enum Member {
    /// Laid out and drawn already, with pages that stay the same in the bundle.
    Laid(layout::Laid, Vec<pdf::DrawnPage>),
    /// To be laid out again inside the bundle.
    Doc(Document),
}

/// The documents of one kind, in employee order, for its bundle.
#[derive(Default)]
struct Bundle {
    laid: Vec<(layout::Laid, Vec<pdf::DrawnPage>)>,
    docs: Vec<Document>,
}

impl Bundle {
    fn push(&mut self, m: Member) {
        match m {
            Member::Laid(l, drawn) => self.laid.push((l, drawn)),
            Member::Doc(d) => self.docs.push(d),
        }
    }

    /// The bundle laid out, with the pages drawn already: the documents joined as they
    /// were laid out and drawn, or laid out again together (and nothing drawn) when their
    /// pages depend on what comes before. `None` when empty.
    fn finish(self) -> Option<(layout::Laid, Vec<Option<pdf::DrawnPage>>)> {
        // One template makes every document of a kind, so they are all of one sort.
        debug_assert!(self.laid.is_empty() || self.docs.is_empty());
        if !self.docs.is_empty() {
            let laid = layout::layout(&merge(self.docs), &layout::Options::default());
            return Some((laid, Vec::new()));
        }
        if self.laid.is_empty() {
            return None;
        }
        let (laids, drawn): (Vec<_>, Vec<Vec<_>>) = self.laid.into_iter().unzip();
        let (mut laid, origins) = layout::join(laids);
        laid.meta.title = bundle_title(&laid.meta.title);
        let pages = origins
            .into_iter()
            .map(|o| o.and_then(|(doc, page)| drawn[doc].get(page).cloned()))
            .collect();
        Some((laid, pages))
    }
}

/// A bundle's title: the first document's up to its " – " (the kind, without a name).
fn bundle_title(title: &str) -> String {
    title.split(" – ").next().unwrap_or_default().to_string()
}

/// One document of several: each starts on an odd page and numbers its own pages.
fn merge(docs: Vec<Document>) -> Document {
    let mut iter = docs.into_iter();
    let Some(mut first) = iter.next() else {
        return Document {
            meta: markup::Meta::default(),
            sections: Vec::new(),
        };
    };
    for doc in iter {
        let mut sections = doc.sections;
        if let Some(s) = sections.first_mut() {
            s.odd = true;
        }
        first.sections.extend(sections);
    }
    first.meta.title = bundle_title(&first.meta.title);
    first
}

/// The longest file-name part made from data, in characters: with the document's kind
/// before it and `.pdf` after, a name stays well within the 255 bytes a file system allows.
pub const MAX_NAME_CHARS: usize = 60;

/// A file-name part safe on Windows, macOS and Linux, keeping letters such as `ş` and `ł`:
/// no separators or characters Windows refuses, no leading or trailing dots, at most
/// [`MAX_NAME_CHARS`] characters, never a device name (`CON`, `NUL`). May be empty: a
/// caller puts a name of its own in place of that.
pub fn safe_name(s: &str) -> String {
    let cleaned: String = s
        .chars()
        .map(|c| match c {
            '<' | '>' | ':' | '"' | '/' | '\\' | '|' | '?' | '*' => '-',
            c if c.is_control() => '-',
            c if c.is_whitespace() => '-',
            c => c,
        })
        .collect();
    let mut out = String::with_capacity(cleaned.len());
    for c in cleaned.chars() {
        if c == '-' && (out.is_empty() || out.ends_with('-')) {
            continue;
        }
        out.push(c);
    }
    let out: String = out
        .trim_start_matches(['-', '.'])
        .chars()
        .take(MAX_NAME_CHARS)
        .collect();
    let out = out.trim_end_matches(['-', '.', ' ']).to_string();
    const DEVICES: [&str; 22] = [
        "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8",
        "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    ];
    let stem = out.split('.').next().unwrap_or_default();
    if DEVICES.iter().any(|d| d.eq_ignore_ascii_case(stem)) {
        return format!("_{out}");
    }
    out
}

/// `M003-Yılmaz-Ayşe`: the employee's folder, or `rij-12` (the row of `Medewerkers`) when
/// nothing of the ID and name is left once cleaned.
pub fn folder_name(e: &Employee) -> String {
    let name = safe_name(&format!("{}-{}-{}", e.id, e.last_name, e.first_name));
    if name.is_empty() {
        format!("rij-{}", e.row)
    } else {
        name
    }
}

/// `pop-M003-Yılmaz-Ayşe.pdf`.
pub fn file_name(kind: &str, e: &Employee) -> String {
    format!("{kind}-{}.pdf", folder_name(e))
}

/// The names a run writes under: each employee's folder and each team's part of a file
/// name, unique in the run even on a file system that ignores case (`M/10` and `M:10`,
/// both Jan Peeters, get `M-10-Peeters-Jan` and `M-10-Peeters-Jan-rij-12`), so no file
/// overwrites another. Made from the whole workbook, so a name does not depend on which
/// employees a run selects.
#[derive(Debug, Clone, Default)]
pub struct Names {
    employees: HashMap<String, String>,
    teams: HashMap<String, String>,
}

impl Names {
    /// The names of `wb`'s employees and teams.
    pub fn new(wb: &Workbook) -> Names {
        /// `base`, or `base` with the first of `others` that is not `taken` yet.
        fn claim(
            taken: &mut HashSet<String>,
            base: String,
            others: impl Fn(usize) -> String,
        ) -> String {
            let mut name = base.clone();
            let mut n = 1;
            while !taken.insert(name.to_lowercase()) {
                name = format!("{base}-{}", others(n));
                n += 1;
            }
            name
        }
        let mut team_names = HashSet::new();
        let mut teams = HashMap::new();
        for (i, team) in wb.teams().into_iter().enumerate() {
            let base = match safe_name(team) {
                n if n.is_empty() => format!("team-{}", i + 1),
                n => n,
            };
            let name = claim(&mut team_names, base, |n| (n + 1).to_string());
            teams.insert(team.to_string(), name);
        }
        // The files at the top of the folder: an employee's folder may not take their name.
        let mut taken: HashSet<String> = Kind::ALL
            .iter()
            .map(|k| format!("bundel-{}.pdf", k.name()))
            .chain([
                DOSSIER_FILE.to_string(),
                format!("{}-blanco.pdf", Kind::Voorbereiding.name()),
            ])
            .chain(Kind::ALL.iter().filter(|k| k.per_team()).flat_map(|k| {
                teams
                    .values()
                    .map(move |t| format!("{}-{t}.pdf", k.name()).to_lowercase())
            }))
            .collect();
        let mut employees = HashMap::new();
        for e in &wb.employees {
            let row = e.row;
            let name = claim(&mut taken, folder_name(e), |n| match n {
                1 => format!("rij-{row}"),
                n => format!("rij-{row}-{n}"),
            });
            employees.insert(e.id.clone(), name);
        }
        Names { employees, teams }
    }

    /// The folder of an employee of the workbook.
    pub fn folder(&self, e: &Employee) -> String {
        self.employees
            .get(&e.id)
            .cloned()
            .unwrap_or_else(|| folder_name(e))
    }

    /// `M003-Yılmaz-Ayşe/pop-M003-Yılmaz-Ayşe.pdf`: an employee's document of `kind`.
    pub fn employee_file(&self, kind: Kind, e: &Employee) -> String {
        let folder = self.folder(e);
        format!("{folder}/{}-{folder}.pdf", kind.name())
    }

    /// `teammatrix-Ploeg-1.pdf`: a team's document of `kind`.
    pub fn team_file(&self, kind: Kind, team: &str) -> String {
        let name = match self.teams.get(team) {
            Some(n) => n.clone(),
            None => safe_name(team),
        };
        format!("{}-{name}.pdf", kind.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_safe_on_windows_and_keep_letters() {
        assert_eq!(safe_name("M003 Yılmaz: Ayşe?"), "M003-Yılmaz-Ayşe");
        assert_eq!(safe_name("a/b\\c|d*e<f>g\"h"), "a-b-c-d-e-f-g-h");
        assert_eq!(safe_name("Van den Broeck."), "Van-den-Broeck");
        // Nothing left, a hidden file, a device name, a name longer than a file system takes.
        assert_eq!(safe_name("?/.-/"), "");
        assert_eq!(safe_name(".."), "");
        assert_eq!(safe_name(".profiel"), "profiel");
        assert_eq!(safe_name("nul"), "_nul");
        assert_eq!(safe_name("Com1.pdf"), "_Com1.pdf");
        assert_eq!(safe_name(&"ë".repeat(300)).chars().count(), MAX_NAME_CHARS);
        let e = Employee {
            id: "M004".into(),
            first_name: "Łukasz".into(),
            last_name: "Wójcik".into(),
            ..Employee::default()
        };
        assert_eq!(file_name("pop", &e), "pop-M004-Wójcik-Łukasz.pdf");
        let nobody = Employee {
            id: "?".into(),
            first_name: ".".into(),
            last_name: "/".into(),
            row: 12,
            ..Employee::default()
        };
        assert_eq!(folder_name(&nobody), "rij-12");
    }

    #[test]
    fn kinds_parse_from_only() {
        assert_eq!("POP".parse::<Kind>(), Ok(Kind::Pop));
        assert_eq!("dossier".parse::<Kind>(), Ok(Kind::Dossier));
        assert!("dosier".parse::<Kind>().is_err());
    }
}
