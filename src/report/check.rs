//! What `popdruk check` prints on stdout as text: the summary of what was read, the
//! teammatrix per team, the findings per employee and for the organisation with their
//! totals, and the planning (`--planning`). `ok` findings are left out; they are for the
//! dossier. The same as a table (`--format csv|json`) is [`super::check_table`].

use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::analysis::{Risk, TeamAnalysis};
use crate::compliance::{Finding, Period, Severity};
use crate::diagnostic::{Diagnostic, Tally};
use crate::format::format_date;
use crate::i18n::{Lang, Tr};
use crate::model::{MatrixForm, Workbook};
use crate::terminal::{Console, Verbosity};

/// What `check` and `build` print on stderr first: every diagnostic (notes in full as far
/// as `verbosity` asks), the tally, then the logo's problem.
pub fn problems(
    diagnostics: &[Diagnostic],
    logo_problem: Option<&Diagnostic>,
    verbosity: Verbosity,
    lang: Lang,
) {
    let console = Console::detect(verbosity);
    let in_full = match verbosity {
        Verbosity::Quiet => 0,
        Verbosity::Normal => crate::diagnostic::NOTES_IN_FULL,
        Verbosity::Verbose => usize::MAX,
    };
    for text in crate::diagnostic::render_all(diagnostics, lang, in_full) {
        console.line(&text);
    }
    console.say(&Tally::of(diagnostics).render(lang));
    if let Some(d) = logo_problem {
        console.line(&d.render(lang));
    }
}

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
pub fn summary_text(lines: &[(&str, String)]) -> String {
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

/// Per team, the shortfalls and single points of failure of the teammatrix.
/// `since` holds the matrix's history and the day (`--since`) a team's levels are
/// compared with: a line counts those that rose and fell, when any did.
pub fn matrix_summary(
    teams: &[TeamAnalysis<'_>],
    as_of: NaiveDate,
    (cells, since): (&crate::analysis::CellIndex<'_>, NaiveDate),
    lang: Lang,
) -> String {
    let nl = lang == Lang::Nl;
    let mut out = if nl {
        format!("\nTeammatrix op {}\n", format_date(as_of))
    } else {
        format!("\nTeammatrix on {}\n", format_date(as_of))
    };
    for t in teams {
        let short: Vec<_> = t.shortfalls().collect();
        let single: Vec<_> = t.single_points().collect();
        let counts = match (nl, short.len(), single.len()) {
            (true, 0, 0) => "geen tekorten".to_string(),
            (false, 0, 0) => "no shortfalls".to_string(),
            (true, s, p) => format!(
                "{s} {}, {p} {} met één persoon",
                if s == 1 { "tekort" } else { "tekorten" },
                if p == 1 { "taak" } else { "taken" }
            ),
            (false, s, p) => format!(
                "{s} {}, {p} {} only one person can do",
                if s == 1 { "shortfall" } else { "shortfalls" },
                if p == 1 { "task" } else { "tasks" }
            ),
        };
        out.push_str(&format!("  {}: {counts}\n", t.team));
        let (mut rose, mut fell) = (0, 0);
        for p in &t.people {
            for c in &t.tasks {
                match cells.change_since(&p.employee.id, &c.task.code, since) {
                    Some(std::cmp::Ordering::Greater) => rose += 1,
                    Some(std::cmp::Ordering::Less) => fell += 1,
                    _ => {}
                }
            }
        }
        if rose + fell > 0 {
            let day = format_date(since);
            out.push_str(&if nl {
                format!("    niveaus sinds {day}: {rose} gestegen, {fell} gedaald\n")
            } else {
                format!("    levels since {day}: {rose} rose, {fell} fell\n")
            });
        }
        for c in &short {
            let (word, of, cand) = if nl {
                ("tekort", "van", "kandidaten")
            } else {
                ("short", "of", "candidates")
            };
            let nobody = match (c.risk == Risk::NotCovered, nl) {
                (true, true) => ", niemand kan het",
                (true, false) => ", nobody can do it",
                _ => "",
            };
            out.push_str(&format!(
                "    {word} {}  {} ({}): {} {of} {}{nobody}, {cand}: {}\n",
                c.shortfall,
                c.task.code,
                c.task.name,
                c.current(),
                c.required,
                c.candidates.len()
            ));
        }
        // A need whose coverage drops by its deadline: who covers it then, and who leaves.
        for c in &t.tasks {
            let Some(d) = c.at_deadline.as_ref().filter(|d| !d.leaving.is_empty()) else {
                continue;
            };
            let leaving = d
                .leaving
                .iter()
                .map(|e| {
                    let day = e.left.map(format_date).unwrap_or_default();
                    if nl {
                        format!("{} vertrekt op {day}", e.full_name())
                    } else {
                        format!("{} leaves on {day}", e.full_name())
                    }
                })
                .collect::<Vec<_>>()
                .join(", ");
            let (word, of, short) = if nl {
                ("op de deadline", "van", "tekort")
            } else {
                ("at the deadline", "of", "short")
            };
            out.push_str(&format!(
                "    {word} {}  {} ({}): {} {of} {}, {short} {} ({leaving})\n",
                format_date(d.day),
                c.task.code,
                c.task.name,
                d.covered_by.len(),
                c.required,
                d.shortfall,
            ));
        }
        for c in &single {
            let only = if nl { "alleen" } else { "only" };
            let who = c
                .covered_by
                .first()
                .map(|e| e.full_name())
                .unwrap_or_default();
            let word = if nl { "één persoon" } else { "one person" };
            out.push_str(&format!(
                "    {word}  {} ({}): {only} {who}\n",
                c.task.code, c.task.name
            ));
        }
    }
    out
}

/// The findings as text: a heading, each employee with findings (name and ID) and their
/// findings indented, the organisation's findings, and the totals line.
pub fn findings(
    wb: &Workbook,
    findings: &[Finding],
    checked: usize,
    as_of: NaiveDate,
    period: Period,
    lang: Lang,
) -> String {
    let mut out = String::new();
    let _ = match lang {
        Lang::Nl => writeln!(
            out,
            "\nRegels op {} (periode {} – {})",
            format_date(as_of),
            format_date(period.from),
            format_date(period.to)
        ),
        Lang::En => writeln!(
            out,
            "\nRules on {} (period {} – {})",
            format_date(as_of),
            format_date(period.from),
            format_date(period.to)
        ),
    };
    let shown = |f: &&Finding| f.severity != Severity::Ok;
    let width = findings
        .iter()
        .filter(shown)
        .map(|f| f.severity.word(lang).chars().count())
        .max()
        .unwrap_or(0);
    let line = |out: &mut String, f: &Finding| {
        let _ = writeln!(
            out,
            "    {:<width$}  {}  [{}]",
            f.severity.word(lang),
            f.message.get(lang),
            f.rule.tag(lang)
        );
        // The cell to look at, under the message: `→ blad `Gesprekken`, rij 14, …` (not
        // under an `info` line, which names its column itself and would double the list).
        let place = f.at.filter(|_| f.severity != Severity::Opmerking);
        if let Some(at) = place.and_then(|c| wb.places.locate(c)) {
            let _ = writeln!(out, "    {:<width$}  → {}", "", at.render_in_workbook(lang));
        }
    };
    // Each employee's findings, in the order found (looked up per employee, not searched:
    // 5,000 employees' findings were scanned 5,000 times).
    let mut by_employee: std::collections::HashMap<&str, Vec<&Finding>> = Default::default();
    for f in findings.iter().filter(shown) {
        if let Some(id) = f.employee.as_deref() {
            by_employee.entry(id).or_default().push(f);
        }
    }
    for e in &wb.employees {
        let Some(mine) = by_employee.remove(e.id.as_str()) else {
            continue;
        };
        let _ = writeln!(out, "  {} ({})", e.full_name(), e.id);
        for f in mine {
            line(&mut out, f);
        }
    }
    let org: Vec<_> = findings
        .iter()
        .filter(shown)
        .filter(|f| f.employee.is_none())
        .collect();
    if !org.is_empty() {
        let _ = writeln!(
            out,
            "  {}",
            match lang {
                Lang::Nl => "Organisatie",
                Lang::En => "Organisation",
            }
        );
        for f in org {
            line(&mut out, f);
        }
    }
    let _ = writeln!(
        out,
        "{}",
        crate::compliance::totals::Totals::of(findings, checked).render(lang)
    );
    out
}

/// The planning as `popdruk check --planning` lists it: per supervisor, one line per entry
/// with its date, the employee, what falls due and the rule; overdue entries marked.
pub fn planning(
    entries: &[crate::compliance::planning::Entry],
    as_of: NaiveDate,
    until: NaiveDate,
    months: u32,
    lang: Lang,
) -> String {
    let mut out = String::new();
    let (head, none, overdue, nothing) = match lang {
        Lang::Nl => (
            format!(
                "Planning van {} tot {} ({months} {}), per leidinggevende",
                format_date(as_of),
                format_date(until),
                if months == 1 { "maand" } else { "maanden" }
            ),
            "zonder leidinggevende",
            "te laat",
            "niets te plannen",
        ),
        Lang::En => (
            format!(
                "Planning from {} to {} ({months} {}), per supervisor",
                format_date(as_of),
                format_date(until),
                if months == 1 { "month" } else { "months" }
            ),
            "without supervisor",
            "overdue",
            "nothing to plan",
        ),
    };
    let _ = writeln!(out, "\n{head}");
    if entries.is_empty() {
        let _ = writeln!(out, "  {nothing}");
        return out;
    }
    let mut current: Option<Option<&str>> = None;
    for e in entries {
        let who = e.supervisor.as_deref();
        if current != Some(who) {
            let _ = writeln!(out, "  {}", who.unwrap_or(none));
            current = Some(who);
        }
        let late = if e.overdue(as_of) {
            format!(" ({overdue})")
        } else {
            String::new()
        };
        let detail = e
            .detail
            .as_ref()
            .map(|d| format!(": {}", d.get(lang)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "    {}{late}  {} ({})  {}{detail} [{}]",
            format_date(e.date),
            e.name,
            e.employee,
            e.occasion.words().get(lang),
            e.rule.tag(lang)
        );
    }
    out
}

/// Where the findings would stand when the workbook has errors: rows with errors are
/// missing from the model, so the rules would report a missing POP or action that is only
/// a typo away; better no findings than false ones.
pub fn rules_not_checked(lang: Lang) -> String {
    Tr::new(
        "\nRegels niet gecontroleerd: verbeter eerst de fouten in de werkmap\n",
        "\nRules not checked: fix the errors in the workbook first\n",
    )
    .get(lang)
    .to_string()
}
