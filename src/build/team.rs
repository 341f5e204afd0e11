//! The team documents (the teammatrix and the training plan, one per team, made on every
//! core) and the organisation's documents (the planning and the overview, one each).

use crate::analysis::{CellIndex, TeamAnalysis};
use crate::compliance;
use crate::context;
use crate::i18n::Tr;
use crate::markup::Document;
use crate::model::Workbook;
use crate::notice::Notice;
use crate::style::Paper;
use crate::template::Templates;

use super::{BuildError, File, Kind, Names, Plan, parse, write_noting};

/// One team's document of `kind`: its file and its warnings, among them a teammatrix split
/// over column blocks on A4.
#[allow(clippy::too_many_arguments)]
pub(super) fn document(
    wb: &Workbook,
    cells: &CellIndex<'_>,
    team: &TeamAnalysis<'_>,
    templates: &Templates,
    plan: &Plan,
    names: &Names,
    kind: Kind,
    has_logo: bool,
) -> Result<(File, Vec<Notice>), BuildError> {
    let labels = templates.labels(plan.lang);
    let mut found = Vec::new();
    let mut ctx = context::team::team(
        wb, cells, team, labels, plan.lang, plan.as_of, plan.paper, plan.since,
    );
    ctx.org.logo = has_logo;
    let path = names.team_file(kind, team.team);
    if kind == Kind::Teammatrix && ctx.blocks.len() > 1 && plan.paper == Paper::A4 {
        let (team, parts) = (team.team, ctx.blocks.len());
        found.push(Notice {
            file: path.clone(),
            message: Tr::new(
                format!(
                    "de matrix van team `{team}` staat op A4 in {parts} delen naast elkaar; `--paper a3` zet meer taken naast elkaar"
                ),
                format!(
                    "the matrix of team `{team}` is split over {parts} column blocks on A4; `--paper a3` fits more tasks side by side"
                ),
            ),
            glyph: None,
            at: None,
        });
    }
    let doc = parse(templates, &kind.template(), &ctx, team.team)?;
    let bytes = write_noting(&doc, &path, &plan.images, &mut found)?;
    Ok((
        File {
            path,
            bytes: bytes.into(),
        },
        found,
    ))
}

/// The organisation's document of `kind` (the planning or the overview), written.
pub(super) fn organisation_file(
    wb: &Workbook,
    templates: &Templates,
    plan: &Plan,
    kind: Kind,
    has_logo: bool,
    notices: &mut Vec<Notice>,
) -> Result<File, BuildError> {
    let doc = organisation_document(wb, templates, plan, kind, has_logo)?;
    let path = kind.file();
    let bytes = write_noting(&doc, &path, &plan.images, notices)?;
    Ok(File {
        path,
        bytes: bytes.into(),
    })
}

/// Whether the organisation's planning and overview are made: someone to plan for, and no
/// employee's rows with errors (they would be left out without a word).
pub(super) fn organisation_wanted(wb: &Workbook, plan: &Plan) -> bool {
    plan.skip.is_empty() && !wb.employees.is_empty()
}

/// The planning or the overview, as markup read.
pub(super) fn organisation_document(
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
