//! The inspection dossier: one long document, its front matter and one section per
//! target-group employee, streamed rather than held whole. Each section is made, laid out
//! and drawn on whichever core is free (`layout::Piece`, `pdf::Painter`); the book keeps
//! only the drawings and what headers, footers and page references need, and the file is
//! written once (`pdf::write_once`).

use rayon::prelude::*;

use crate::compliance;
use crate::context;
use crate::layout;
use crate::markup::Document;
use crate::model::Employee;
use crate::notice::Notice;
use crate::pdf;
use crate::template::Templates;

use super::{BuildError, DOSSIER_FILE, File, Plan, SHAPER, found, parse_part};

/// Runs `f` with the dossier's context: the target-group employees in service on the
/// as-of date (of those `chosen`, when the plan names employees) and the rules' findings.
pub(super) fn with_dossier<R>(
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
pub(super) fn dossier(
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
    // The sections that waited for every page (the contents and findings, one row per
    // employee) are drawn as they are laid out, as the employees' sections were, and so
    // are the headers and footers, over the bodies drawn before. The thread's shaper is
    // taken out rather than borrowed while the book draws on every core: were this thread
    // one of rayon's, a job it took up meanwhile would find a shaper of its own instead of
    // one already borrowed.
    let mut shaper = SHAPER.take();
    let finished = book.finish_drawing(&mut shaper, |page| painter.draw(page));
    SHAPER.set(shaper);
    pages.extend(finished.late);
    let reuse = (finished.origins.into_iter())
        .zip(finished.running)
        .map(|(o, running)| {
            let body = o.and_then(|(piece, page)| pages[piece][page].take());
            pdf::DrawnPage::stack(body, running)
        })
        .collect();
    let laid = finished.laid;
    drop(pages);
    notices.extend(found(&laid, DOSSIER_FILE));
    let bytes = pdf::Writer::new()
        .images(&plan.images)
        .reusing(reuse)
        .write_once(laid)
        .map_err(BuildError::Image)?;
    Ok(File {
        path: DOSSIER_FILE.to_string(),
        bytes,
    })
}
