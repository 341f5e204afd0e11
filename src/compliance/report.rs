//! The findings as `popdruk check` prints them: per employee, then the organisation, then
//! one line with the totals. `ok` findings are left out; they are for the dossier.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use chrono::NaiveDate;

use super::{Finding, Period, Severity};
use crate::i18n::Lang;
use crate::model::Workbook;
use crate::model::value::format_date;

/// Counts of findings that need action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Totals {
    /// Findings of severity `tekort`.
    pub tekorten: usize,
    /// Findings of severity `waarschuwing`.
    pub waarschuwingen: usize,
    /// Employees with at least one of those.
    pub employees: usize,
    /// Employees the rules were applied to.
    pub checked: usize,
}

impl Totals {
    /// Counts `findings` for `checked` employees.
    pub fn of(findings: &[Finding], checked: usize) -> Totals {
        let needs_action = |f: &&Finding| f.severity >= Severity::Waarschuwing;
        let count = |s| findings.iter().filter(|f| f.severity == s).count();
        let employees: BTreeSet<_> = findings
            .iter()
            .filter(needs_action)
            .filter_map(|f| f.employee.as_deref())
            .collect();
        Totals {
            tekorten: count(Severity::Tekort),
            waarschuwingen: count(Severity::Waarschuwing),
            employees: employees.len(),
            checked,
        }
    }

    /// `3 tekorten, 5 aandachtspunten bij 4 van 14 doelgroepwerknemers`.
    pub fn render(&self, lang: Lang) -> String {
        let n =
            |k: usize, one: &str, many: &str| format!("{k} {}", if k == 1 { one } else { many });
        match lang {
            Lang::Nl if self.tekorten + self.waarschuwingen == 0 => format!(
                "geen tekorten of aandachtspunten bij {}",
                n(self.checked, "doelgroepwerknemer", "doelgroepwerknemers")
            ),
            Lang::En if self.tekorten + self.waarschuwingen == 0 => format!(
                "no shortfalls or points of attention for {}",
                n(
                    self.checked,
                    "target-group employee",
                    "target-group employees"
                )
            ),
            Lang::Nl => format!(
                "{}, {} bij {} van {}",
                n(self.tekorten, "tekort", "tekorten"),
                n(self.waarschuwingen, "aandachtspunt", "aandachtspunten"),
                self.employees,
                n(self.checked, "doelgroepwerknemer", "doelgroepwerknemers")
            ),
            Lang::En => format!(
                "{}, {} for {} of {}",
                n(self.tekorten, "shortfall", "shortfalls"),
                n(
                    self.waarschuwingen,
                    "point of attention",
                    "points of attention"
                ),
                self.employees,
                n(
                    self.checked,
                    "target-group employee",
                    "target-group employees"
                )
            ),
        }
    }
}

/// The findings as text: a heading, each employee with findings (name and ID) and their
/// findings indented, the organisation's findings, and the totals line.
pub fn render(
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
    let _ = writeln!(out, "{}", Totals::of(findings, checked).render(lang));
    out
}

/// The planning as `popdruk check --planning` lists it: per supervisor, one line per entry
/// with its date, the employee, what falls due and the rule; overdue entries marked.
pub fn render_planning(
    entries: &[super::planning::Entry],
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
