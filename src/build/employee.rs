//! The employee forms (POP, agreements, preparation, follow-up): one per employee and kind,
//! made a batch at a time on every core, each also handed on to its kind's bundle; and the
//! blank preparation form.

use crate::analysis::CellIndex;
use crate::context;
use crate::layout;
use crate::model::{Employee, Index, Workbook};
use crate::notice::Notice;
use crate::template::Templates;

use super::bundle::Member;
use super::{BuildError, File, Kind, Names, Plan, SHAPER, parse, write_laid, write_noting};

/// Employees whose documents are made at once before they are written out.
pub(super) const BATCH: usize = 64;

/// One employee's document of `kind`: its file, what goes into the bundle, and the
/// layout's warnings.
#[allow(clippy::too_many_arguments)]
pub(super) fn document(
    rows: &Index<'_>,
    cells: &CellIndex<'_>,
    e: &Employee,
    templates: &Templates,
    plan: &Plan,
    names: &Names,
    kind: Kind,
    has_logo: bool,
) -> Result<(File, Member, Vec<Notice>), BuildError> {
    let template = kind.template();
    let labels = templates.labels(plan.lang);
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
    let path = names.employee_file(kind, e);
    let laid = SHAPER
        .with_borrow_mut(|shaper| layout::layout_with(&doc, &layout::Options::default(), shaper));
    let (written, found) = write_laid(&laid, &path, &plan.images, Vec::new())?;
    // A document whose pages do not depend on what comes before it goes into the bundle as
    // it was laid out and drawn; any other is laid out again there.
    let member = if layout::stands_alone(&doc) {
        // From here on the bundle reads the pages' sizes and their drawings, not what is on
        // them: free that.
        let mut laid = laid;
        for page in &mut laid.pages {
            page.items = Vec::new();
        }
        Member::Laid(laid, written.pages)
    } else {
        Member::Doc(doc)
    };
    let bytes = written.bytes;
    Ok((
        File {
            path,
            bytes: bytes.into(),
        },
        member,
        found,
    ))
}

/// The blank preparation form (`voorbereiding-blanco.pdf`), for someone not in the workbook.
pub(super) fn blank(
    wb: &Workbook,
    templates: &Templates,
    plan: &Plan,
    has_logo: bool,
    notices: &mut Vec<Notice>,
) -> Result<File, BuildError> {
    let kind = Kind::Voorbereiding;
    let mut ctx = context::blank(wb, templates.labels(plan.lang), plan.lang, plan.date);
    ctx.org.logo = has_logo;
    let doc = parse(templates, &kind.template(), &ctx, "")?;
    let path = format!("{}-blanco.pdf", kind.name());
    let bytes = write_noting(&doc, &path, &plan.images, notices)?;
    Ok(File {
        path,
        bytes: bytes.into(),
    })
}
