//! The management summary's context (`overzicht.tera`): one page for the organisation,
//! per team the share of target-group employees with a current POP, the conversations
//! overdue, the tasks with a shortfall and those only one person can do; the coaching norm
//! per quarter; the rule findings counted per rule.

use chrono::NaiveDate;
use serde::Serialize;

use super::dossier::{NormRow, Status, norm_rows, status};
use super::{DateText, Labels, OrgText, date_text, label, lang_code, org_text};
use crate::analysis::TeamAnalysis;
use crate::compliance::{self, Finding, Period, RuleId, Severity, Thresholds};
use crate::i18n::Lang;
use crate::model::{Index, Workbook};

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
    /// Whether the coaching norm was counted (the `Begeleiders` sheet has coaches).
    pub norm_checked: bool,
    /// The coaching norm per quarter of the period.
    pub norm: Vec<NormRow>,
    /// Per rule with findings that need a look, the counts.
    pub rules: Vec<RuleRow>,
    /// The totals line of `check` (`3 tekorten, 5 aandachtspunten bij 4 van 14 …`).
    pub totals: String,
}

/// The management summary on `as_of`.
#[allow(clippy::too_many_arguments)]
pub fn overzicht(
    wb: &Workbook,
    teams: &[TeamAnalysis<'_>],
    findings: &[Finding],
    rules: &Thresholds,
    t: &Labels,
    lang: Lang,
    today: NaiveDate,
    as_of: NaiveDate,
    period: Period,
) -> OverzichtContext {
    let idx = Index::new(wb);
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
    let mut names: Vec<&str> = wb
        .employees
        .iter()
        .filter(|e| e.in_service_on(as_of))
        .map(|e| e.team.as_str())
        .collect();
    names.sort_unstable();
    names.dedup();
    for team in names {
        let members: Vec<_> = wb
            .employees
            .iter()
            .filter(|e| e.team == team && e.in_service_on(as_of))
            .collect();
        let target: Vec<_> = members
            .iter()
            .filter(|e| e.target_group == Some(true))
            .collect();
        let current_pop = target
            .iter()
            .filter(|e| {
                let o = compliance::overview(&idx, rules, as_of, e);
                o.last_pop.is_some() && o.next_due.is_some_and(|d| d >= as_of)
            })
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
    let by_rule = RuleId::ALL
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
        norm_checked: !wb.coaches.is_empty(),
        norm: if wb.coaches.is_empty() {
            Vec::new()
        } else {
            norm_rows(wb, rules, period, as_of, t, lang)
        },
        rules: by_rule,
        totals: compliance::report::Totals::of(findings, checked).render(lang),
    }
}
