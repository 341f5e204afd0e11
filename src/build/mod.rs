//! Building the documents: for each employee and document kind, context → template →
//! markup → layout → PDF, plus one bundle per kind with every employee on an odd page.
//!
//! Pure of I/O: finished files are handed to a sink in a fixed order (the caller writes them
//! atomically), so the same workbook and date give the same files, byte for byte.
//!
//! One file per concern: [`plan`] holds the document kinds, the plan and the names of the
//! files; `employee` the employee forms, `team` the team and organisation documents,
//! `bundle` the bundles, `dossier` the streamed inspection dossier, `error` why a document
//! could not be made. This file runs them in print order and holds the steps they share
//! (render and parse a template, lay out and write a document, keep the layout's warnings).

use rayon::prelude::*;

use crate::context;
use crate::markup::{self, Document};
use crate::model::Workbook;
use crate::naming::{file_name, folder_name, safe_name};
use crate::notice::Notice;
use crate::template::Templates;
use crate::{layout, pdf};

mod bundle;
mod dossier;
mod employee;
mod error;
pub mod plan;
mod team;

pub use error::{BuildError, MarkupFailure};
pub use plan::{DOSSIER_FILE, Kind, Names, OVERZICHT_FILE, PLANNING_FILE, Plan, select};

/// A finished file: its path relative to the output folder, and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct File {
    /// Relative path (`M003-yilmaz-ayse/pop-M003-Yılmaz-Ayşe.pdf`).
    pub path: String,
    /// PDF bytes (in pieces for a long document, see [`pdf::Pieces`]).
    pub bytes: pdf::Pieces,
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
        let make = move || {
            let mut found = Vec::new();
            dossier::dossier(rows, templates, plan, cells, employees, &mut found)
                .map(|file| (file, found))
        };
        // Alone, it is made on this thread when its turn comes: a thread of its own starts
        // with none of the memory that reading the workbook freed on this one, which then
        // waits (at 10,000 employees the dossier's peak was 20-50 MB higher).
        let alone = plan.kinds.iter().all(|k| *k == Kind::Dossier);
        let (mut dossier_here, mut dossier_there) = match (dossier_wanted, alone) {
            (false, _) => (None, None),
            (true, true) => (Some(make), None),
            (true, false) => (None, Some(scope.spawn(make))),
        };
        let mut bundles = Vec::new();
        for kind in &plan.kinds {
            if *kind == Kind::Dossier {
                let result = match (dossier_here.take(), dossier_there.take()) {
                    (Some(make), _) => Some(make()),
                    (None, Some(handle)) => Some(
                        handle
                            .join()
                            .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                    ),
                    (None, None) => None,
                };
                if let Some(result) = result {
                    let (file, found) = result?;
                    notices.extend(found);
                    emit(file)?;
                    made.dossier = true;
                }
                continue;
            }
            if kind.per_organisation() {
                if team::organisation_wanted(wb, plan) {
                    let file =
                        team::organisation_file(wb, templates, plan, *kind, has_logo, notices)?;
                    emit(file)?;
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
                    .map(|t| team::document(wb, cells, t, templates, plan, names, *kind, has_logo))
                    .collect::<Result<_, BuildError>>()?;
                for (file, found) in made_teams {
                    notices.extend(found);
                    emit(file)?;
                    made.team_documents += 1;
                }
                continue;
            }
            let mut bundle = bundle::Bundle::default();
            // Documents are independent: make a batch on every core, then hand the files to
            // the sink in employee order, so the output does not depend on the thread count and
            // memory holds one batch of finished files at a time.
            for batch in employees.chunks(employee::BATCH) {
                let made_batch: Vec<_> = batch
                    .par_iter()
                    .map(|e| {
                        employee::document(rows, cells, e, templates, plan, names, *kind, has_logo)
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
            bundle::hand_on(&mut bundles, notices, &mut emit, &mut made)?;
            bundles.push(bundle::spawn(scope, bundle, *kind, plan));
            if *kind == Kind::Voorbereiding {
                emit(employee::blank(wb, templates, plan, has_logo, notices)?)?;
                made.blank = true;
            }
        }
        bundle::hand_on(&mut bundles, notices, &mut emit, &mut made)
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
                let doc = dossier::with_dossier(&rows, templates, plan, &cells, &employees, |d| {
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
                if team::organisation_wanted(wb, plan) {
                    let doc = team::organisation_document(wb, templates, plan, *k, false)?;
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
            k if k.per_organisation() => usize::from(team::organisation_wanted(wb, plan)),
            k if k.per_team() => teams,
            k => {
                employees.len()
                    + usize::from(!employees.is_empty())
                    + usize::from(*k == Kind::Voorbereiding)
            }
        })
        .sum()
}

/// Renders a template and parses its markup, with every reference to an anchor checked.
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
    let written = pdf::Writer::new()
        .images(images)
        .reusing(drawn)
        .write(laid)
        .map_err(BuildError::Image)?;
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
            at: None,
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
