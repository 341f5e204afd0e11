//! The management summary's context (`overzicht.tera`): one page for the organisation,
//! per team the share of target-group employees with a current POP, the conversations
//! overdue, the tasks with a shortfall and those only one person can do; the coaching norm
//! per quarter; the rule findings counted per rule.

use chrono::NaiveDate;
use serde::Serialize;

use super::dossier::{NormRow, Status, norm_rows, status};
use super::{DateText, Labels, OrgText, date_text, label, lang_code, org_text};
use crate::analysis::{COVERED_LEVEL, CellIndex, TeamAnalysis};
use crate::compliance::{self, Finding, Period, RuleId, Severity, Thresholds};
use crate::i18n::Lang;
use crate::model::{Employee, Index, Workbook};

/// One team's line (or the organisation's total).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TeamRow {
    /// The team's name, or the word for all.
    pub team: String,
    /// Employees in service on the as-of day.
    pub members: usize,
    /// Of them, in the target group.
    pub target: usize,
    /// Of those, with a current POP (held, not expired).
    pub current_pop: usize,
    /// `90 %`, or empty without target-group employees.
    pub share: String,
    /// Employees whose POP or planned talk is overdue.
    pub overdue: usize,
    /// Tasks with a shortfall.
    pub shortfalls: usize,
    /// Tasks only one person can do.
    pub single_points: usize,
    /// ✗ when someone lacks a current POP, ! when something is overdue or short, ✓ else.
    pub status: Status,
}

/// What changed in one team (or the organisation) since `--since`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChangeRow {
    /// The team's name, or the word for all.
    pub team: String,
    /// Target-group employees with a current POP on the since day, of those then in the
    /// target group and in service: `5 van 7`.
    pub pop_then: String,
    /// The same now (on the as-of day).
    pub pop_now: String,
    /// Levels in the matrix that rose since then (a dated assessment on or before the since
    /// day, and a higher current one).
    pub rose: usize,
    /// Levels that fell.
    pub fell: usize,
    /// Goals reached whose task went from below level 2 then to level 2 or more now: the loop
    /// from team need to raised level, closed.
    pub closed: usize,
}

/// One rule's findings, counted.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleRow {
    /// The rule's tag in the document's language.
    pub rule: &'static str,
    /// Shortfalls.
    pub shortfalls: usize,
    /// Points of attention.
    pub attention: usize,
}

/// What `overzicht.tera` gets.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OverzichtContext {
    /// `nl` or `en`.
    pub lang: &'static str,
    /// Labels.
    pub t: Labels,
    /// The date printed.
    pub today: DateText,
    /// The day it is about (`--as-of`).
    pub as_of: DateText,
    /// The period's first and last day.
    pub from: DateText,
    /// The period's last day.
    pub to: DateText,
    /// The organisation.
    pub org: OrgText,
    /// The introduction, with the dates filled in.
    pub intro: String,
    /// Per team, in name order.
    pub teams: Vec<TeamRow>,
    /// The organisation's total.
    pub total: TeamRow,
    /// The day changes are counted from (`--since`).
    pub since: DateText,
    /// The introduction of the changes, with the dates filled in.
    pub change_intro: String,
    /// Per team, what changed since `since`.
    pub changes: Vec<ChangeRow>,
    /// The organisation's total of the changes.
    pub change_total: ChangeRow,
    /// Whether the coaching norm was counted (the `Begeleiders` sheet has coaches).
    pub norm_checked: bool,
    /// The coaching norm per quarter of the period.
    pub norm: Vec<NormRow>,
    /// Per rule with findings that need a look, the counts.
    pub rules: Vec<RuleRow>,
    /// The same two by two, for a table of two rules a row.
    pub rule_pairs: Vec<Vec<RuleRow>>,
    /// The totals line of `check` (`3 tekorten, 5 aandachtspunten bij 4 van 14 …`).
    pub totals: String,
}

/// The days the overview is about: printed, as of, counted from (`--since`), and the
/// coaching norm's period.
#[derive(Debug, Clone, Copy)]
pub struct Days {
    pub today: NaiveDate,
    pub as_of: NaiveDate,
    pub since: NaiveDate,
    pub period: Period,
}

/// Whether `e` had a current POP (held, not expired) on `day`.
fn current_pop(idx: &Index<'_>, rules: &Thresholds, day: NaiveDate, e: &Employee) -> bool {
    let o = compliance::overview(idx, rules, day, e);
    o.last_pop.is_some() && o.next_due.is_some_and(|d| d >= day)
}

/// What changed among `members` (everyone who was or is in the team) between `since` and
/// `as_of`, counted into a row named `team`.
fn change_row(
    team: String,
    members: &[&Employee],
    (idx, cells, rules): (&Index<'_>, &CellIndex<'_>, &Thresholds),
    (since, as_of): (NaiveDate, NaiveDate),
    t: &Labels,
) -> ChangeRow {
    let share = |day: NaiveDate| {
        let target: Vec<&&Employee> = members
            .iter()
            .filter(|e| e.target_group == Some(true) && e.in_service_on(day))
            .collect();
        let with = target
            .iter()
            .filter(|e| current_pop(idx, rules, day, e))
            .count();
        super::fill(
            t,
            "overzicht_of",
            &[
                ("part", &with.to_string()),
                ("whole", &target.len().to_string()),
            ],
        )
    };
    let (mut rose, mut fell) = (0, 0);
    for e in members {
        for task in idx.workbook().tasks.iter() {
            match cells.change_since(&e.id, &task.code, since) {
                Some(std::cmp::Ordering::Greater) => rose += 1,
                Some(std::cmp::Ordering::Less) => fell += 1,
                _ => {}
            }
        }
    }
    let closed = members
        .iter()
        .flat_map(|e| idx.goals(&e.id).iter())
        .filter(|g| g.result == Some(crate::model::GoalResult::Behaald))
        .filter(|g| {
            let Some(code) = g.task.as_deref() else {
                return false;
            };
            let then = cells.level_on(&g.employee, code, since).map(|(_, l)| l);
            let now = cells.get(&g.employee, code).and_then(|a| a.level);
            matches!((then, now), (Some(a), Some(b)) if a < COVERED_LEVEL && b >= COVERED_LEVEL)
        })
        .count();
    ChangeRow {
        team,
        pop_then: share(since),
        pop_now: share(as_of),
        rose,
        fell,
        closed,
    }
}

/// The management summary on `days.as_of`.
pub fn overzicht(
    wb: &Workbook,
    teams: &[TeamAnalysis<'_>],
    findings: &[Finding],
    rules: &Thresholds,
    (t, lang): (&Labels, Lang),
    days: Days,
) -> OverzichtContext {
    let Days {
        today,
        as_of,
        since,
        period,
    } = days;
    let idx = Index::new(wb);
    let cells = CellIndex::new(wb);
    let percent = |part: usize, whole: usize| {
        (part * 100 + whole / 2)
            .checked_div(whole)
            .map(|p| format!("{p} %"))
            .unwrap_or_default()
    };
    let mut total = TeamRow {
        team: label(t, "overzicht_all"),
        members: 0,
        target: 0,
        current_pop: 0,
        share: String::new(),
        overdue: 0,
        shortfalls: 0,
        single_points: 0,
        status: status(Severity::Ok, t),
    };
    let mut rows = Vec::new();
    let mut changes = Vec::new();
    // Everyone by team, once: both tables below read a team's people from it.
    let mut by_team: std::collections::BTreeMap<&str, Vec<&Employee>> = Default::default();
    for e in &wb.employees {
        by_team.entry(e.team.as_str()).or_default().push(e);
    }
    // The changes: the teams of everyone in service on either day.
    for (team, members) in &by_team {
        if !members
            .iter()
            .any(|e| e.in_service_on(as_of) || e.in_service_on(since))
        {
            continue;
        }
        changes.push(change_row(
            team.to_string(),
            members,
            (&idx, &cells, rules),
            (since, as_of),
            t,
        ));
    }
    let everyone: Vec<&Employee> = wb.employees.iter().collect();
    let change_total = change_row(
        label(t, "overzicht_all"),
        &everyone,
        (&idx, &cells, rules),
        (since, as_of),
        t,
    );
    for (team, all) in &by_team {
        let members: Vec<&&Employee> = all.iter().filter(|e| e.in_service_on(as_of)).collect();
        if members.is_empty() {
            continue;
        }
        let team: &str = team;
        let target: Vec<_> = members
            .iter()
            .filter(|e| e.target_group == Some(true))
            .collect();
        let current_pop = target
            .iter()
            .filter(|e| current_pop(&idx, rules, as_of, e))
            .count();
        let overdue = members
            .iter()
            .filter(|e| compliance::due_on(&idx, rules, as_of, e).is_some_and(|d| d < as_of))
            .count();
        let analysis = teams.iter().find(|a| a.team == team);
        let shortfalls = analysis.map_or(0, |a| a.shortfalls().count());
        let single_points = analysis.map_or(0, |a| a.single_points().count());
        let severity = if current_pop < target.len() {
            Severity::Tekort
        } else if overdue > 0 || shortfalls > 0 {
            Severity::Waarschuwing
        } else {
            Severity::Ok
        };
        total.members += members.len();
        total.target += target.len();
        total.current_pop += current_pop;
        total.overdue += overdue;
        total.shortfalls += shortfalls;
        total.single_points += single_points;
        total.status = status(
            severity.max(match total.status.key {
                "tekort" => Severity::Tekort,
                "waarschuwing" => Severity::Waarschuwing,
                _ => Severity::Ok,
            }),
            t,
        );
        rows.push(TeamRow {
            team: team.to_string(),
            members: members.len(),
            target: target.len(),
            current_pop,
            share: percent(current_pop, target.len()),
            overdue,
            shortfalls,
            single_points,
            status: status(severity, t),
        });
    }
    total.share = percent(total.current_pop, total.target);
    let by_rule: Vec<RuleRow> = RuleId::ALL
        .iter()
        .filter_map(|&rule| {
            let count = |s| {
                findings
                    .iter()
                    .filter(|f| f.rule == rule && f.severity == s)
                    .count()
            };
            let (shortfalls, attention) = (count(Severity::Tekort), count(Severity::Waarschuwing));
            (shortfalls + attention > 0).then(|| RuleRow {
                rule: rule.tag(lang),
                shortfalls,
                attention,
            })
        })
        .collect();
    let checked = compliance::subjects(wb, as_of).count();
    OverzichtContext {
        lang: lang_code(lang),
        t: t.clone(),
        today: date_text(Some(today), lang),
        as_of: date_text(Some(as_of), lang),
        from: date_text(Some(period.from), lang),
        to: date_text(Some(period.to), lang),
        org: org_text(wb, t),
        intro: label(t, "overzicht_intro")
            .replace("{as_of}", &date_text(Some(as_of), lang).long)
            .replace("{from}", &date_text(Some(period.from), lang).long)
            .replace("{to}", &date_text(Some(period.to), lang).long),
        teams: rows,
        total,
        since: date_text(Some(since), lang),
        change_intro: label(t, "overzicht_change_intro")
            .replace("{since}", &date_text(Some(since), lang).long)
            .replace("{as_of}", &date_text(Some(as_of), lang).long),
        changes,
        change_total,
        norm_checked: !wb.coaches.is_empty(),
        norm: if wb.coaches.is_empty() {
            Vec::new()
        } else {
            norm_rows(wb, rules, period, as_of, t, lang)
        },
        rule_pairs: by_rule.chunks(2).map(<[RuleRow]>::to_vec).collect(),
        rules: by_rule,
        totals: compliance::totals::Totals::of(findings, checked).render(lang),
    }
}
