//! The planning's context (`planning.tera`): per supervisor, per month, what falls due for
//! whom, from [`crate::compliance::planning`].

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::{DateText, Labels, OrgText, date_text, lang_code, org_text};
use crate::compliance::planning::Entry;
use crate::format::{MONTHS_EN, MONTHS_NL};
use crate::i18n::Lang;
use crate::model::Workbook;

/// One line of the planning.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// When it falls due.
    pub date: DateText,
    /// Whether that day is before the as-of day.
    pub overdue: bool,
    /// `Voornaam Achternaam`.
    pub name: String,
    /// The employee's ID.
    pub id: String,
    /// The employee's team.
    pub team: String,
    /// What falls due, in words.
    pub what: String,
    /// For an action: its text and goal.
    pub detail: String,
    /// The rule's tag in the document's language.
    pub rule: String,
}

/// The rows of one month (overdue ones first, in a group of their own).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Month {
    /// `December 2026`, or the word for overdue.
    pub name: String,
    /// Whether this is the group of overdue rows.
    pub overdue: bool,
    /// Its rows, by date.
    pub rows: Vec<Row>,
}

/// One supervisor's part.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Group {
    /// The supervisor, or the words for none.
    pub supervisor: String,
    /// How many rows the group has.
    pub count: usize,
    /// Its months.
    pub months: Vec<Month>,
}

/// What `planning.tera` gets.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanningContext {
    /// `nl` or `en`.
    pub lang: &'static str,
    /// Labels.
    pub t: Labels,
    /// The date printed.
    pub today: DateText,
    /// The first day of the window (the as-of day).
    pub from: DateText,
    /// The last day of the window.
    pub until: DateText,
    /// How many months the window spans.
    pub months: u32,
    /// The organisation.
    pub org: OrgText,
    /// The introduction, with the window's dates filled in.
    pub intro: String,
    /// Per supervisor, those with a name first.
    pub groups: Vec<Group>,
}

/// The planning of `entries` (sorted as [`crate::compliance::planning::planning`] returns
/// them) as a template reads it.
#[allow(clippy::too_many_arguments)]
pub fn planning(
    wb: &Workbook,
    entries: &[Entry],
    t: &Labels,
    lang: Lang,
    today: NaiveDate,
    as_of: NaiveDate,
    until: NaiveDate,
    months: u32,
) -> PlanningContext {
    let word = |key: &str| t.get(key).cloned().unwrap_or_default();
    let mut groups: Vec<Group> = Vec::new();
    for e in entries {
        let supervisor = e
            .supervisor
            .clone()
            .unwrap_or_else(|| word("planning_no_supervisor"));
        if groups.last().is_none_or(|g| g.supervisor != supervisor) {
            groups.push(Group {
                supervisor,
                count: 0,
                months: Vec::new(),
            });
        }
        let group = groups.last_mut().expect("pushed");
        group.count += 1;
        let overdue = e.overdue(as_of);
        let name = if overdue {
            word("planning_overdue")
        } else {
            let m = e.date.month0() as usize;
            let month = match lang {
                Lang::Nl => MONTHS_NL[m].to_string(),
                Lang::En => MONTHS_EN[m].to_string(),
            };
            let mut chars = month.chars();
            let month: String = chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default();
            format!("{month} {}", e.date.year())
        };
        if group.months.last().is_none_or(|m| m.name != name) {
            group.months.push(Month {
                name,
                overdue,
                rows: Vec::new(),
            });
        }
        group.months.last_mut().expect("pushed").rows.push(Row {
            date: date_text(Some(e.date), lang),
            overdue,
            name: e.name.clone(),
            id: e.employee.clone(),
            team: e.team.clone(),
            what: e.occasion.words().get(lang).to_string(),
            detail: e
                .detail
                .as_ref()
                .map(|d| d.get(lang).to_string())
                .unwrap_or_default(),
            rule: e.rule.tag(lang).to_string(),
        });
    }
    PlanningContext {
        lang: lang_code(lang),
        t: t.clone(),
        today: date_text(Some(today), lang),
        from: date_text(Some(as_of), lang),
        until: date_text(Some(until), lang),
        months,
        org: org_text(wb, t),
        intro: word("planning_intro")
            .replace("{from}", &date_text(Some(as_of), lang).long)
            .replace("{until}", &date_text(Some(until), lang).long),
        groups,
    }
}
