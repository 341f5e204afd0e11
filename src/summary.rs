//! The short summary `popdruk check` prints: what was read, in numbers.

use chrono::NaiveDate;

use crate::i18n::Lang;
use crate::model::{MatrixForm, Workbook};

/// Label/value lines describing a workbook, in the user's language.
pub fn summary(wb: &Workbook, today: NaiveDate, lang: Lang) -> Vec<(&'static str, String)> {
    let nl = lang == Lang::Nl;
    let pick = |a: &'static str, b: &'static str| if nl { a } else { b };
    let teams = wb.teams();
    let in_service: Vec<_> = wb
        .employees
        .iter()
        .filter(|e| e.in_service_on(today))
        .collect();
    let target = in_service
        .iter()
        .filter(|e| e.target_group == Some(true))
        .count();
    let actions: usize = wb.goals.iter().map(|g| g.actions.len()).sum();
    let org = &wb.organisation;
    let mut org_line = org.name.clone();
    if let Some(n) = &org.enterprise_number {
        org_line.push_str(&format!(" ({n})"));
    }
    let form = match wb.matrix_form {
        MatrixForm::Long => pick("lang formaat", "long form"),
        MatrixForm::Wide => pick("breed formaat", "wide form"),
    };
    vec![
        (pick("Organisatie", "Organisation"), org_line),
        ("Teams", format!("{}: {}", teams.len(), teams.join(", "))),
        (
            pick("Medewerkers", "Employees"),
            format!(
                "{}, {} {}, {} {}",
                wb.employees.len(),
                in_service.len(),
                pick("in dienst", "in service"),
                target,
                pick(
                    "doelgroepwerknemers in dienst",
                    "target-group employees in service"
                ),
            ),
        ),
        (
            pick("Taken", "Tasks"),
            format!(
                "{} {} {} clusters",
                wb.tasks.len(),
                pick("in", "in"),
                wb.clusters().len()
            ),
        ),
        (
            "Matrix",
            format!(
                "{} {} ({form})",
                wb.matrix.len(),
                match (wb.matrix.len() == 1, nl) {
                    (true, true) => "cel",
                    (false, true) => "cellen",
                    (true, false) => "cell",
                    (false, false) => "cells",
                }
            ),
        ),
        (
            pick("Teambehoeften", "Team needs"),
            wb.team_needs.len().to_string(),
        ),
        (
            pick("Doelen", "Goals"),
            format!(
                "{} {} {actions} {}",
                wb.goals.len(),
                pick("met", "with"),
                pick("acties", "actions")
            ),
        ),
        (
            pick("Gesprekken", "Conversations"),
            wb.conversations.len().to_string(),
        ),
        (pick("Begeleiders", "Coaches"), wb.coaches.len().to_string()),
    ]
}

/// The summary as aligned lines.
pub fn render(lines: &[(&str, String)]) -> String {
    let width = lines
        .iter()
        .map(|(l, _)| l.chars().count())
        .max()
        .unwrap_or(0);
    lines
        .iter()
        .map(|(l, v)| format!("{l:<width$}  {v}\n"))
        .collect()
}
