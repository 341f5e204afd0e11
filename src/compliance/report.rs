//! The findings as `popdruk check` prints them: per employee, then the organisation, then
//! one line with the totals. `ok` findings are left out; they are for the dossier.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use chrono::NaiveDate;

use super::{Finding, Period, Severity};
use crate::format::format_date;
use crate::i18n::Lang;
use crate::model::Workbook;

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

/// One row of the findings and planning as a table (`check --format csv|json`).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Row {
    /// `bevinding`/`finding` or `planning`.
    pub kind: String,
    /// The employee's ID; empty for the organisation.
    pub employee: String,
    /// `Voornaam Achternaam`; empty for the organisation.
    pub name: String,
    /// The employee's team.
    pub team: String,
    /// The supervisor (`Leidinggevende`).
    pub supervisor: String,
    /// The rule's tag in the reader's language.
    pub rule: String,
    /// A finding's severity word, or for the planning `te laat`/`gepland`.
    pub severity: String,
    /// The day it is about: a finding's last date (its deadline, mostly), or the day an
    /// entry of the planning falls due.
    pub date: Option<NaiveDate>,
    /// What was found, or what falls due.
    pub text: String,
}

/// The findings that need a look (not `ok`), then the planning, as rows.
pub fn rows(
    wb: &Workbook,
    findings: &[Finding],
    planning: &[super::planning::Entry],
    as_of: NaiveDate,
    lang: Lang,
) -> Vec<Row> {
    let people: std::collections::HashMap<&str, &crate::model::Employee> =
        wb.employees.iter().map(|e| (e.id.as_str(), e)).collect();
    let word = |nl: &str, en: &str| match lang {
        Lang::Nl => nl.to_string(),
        Lang::En => en.to_string(),
    };
    let mut out: Vec<Row> = findings
        .iter()
        .filter(|f| f.severity != Severity::Ok)
        .map(|f| {
            let e = f.employee.as_deref().and_then(|id| people.get(id));
            Row {
                kind: word("bevinding", "finding"),
                employee: f.employee.clone().unwrap_or_default(),
                name: e.map(|e| e.full_name()).unwrap_or_default(),
                team: e.map(|e| e.team.clone()).unwrap_or_default(),
                supervisor: e.and_then(|e| e.supervisor.clone()).unwrap_or_default(),
                rule: f.rule.tag(lang).to_string(),
                severity: f.severity.word(lang).to_string(),
                date: f.dates.last().map(|(_, d)| *d),
                text: f.message.get(lang).to_string(),
            }
        })
        .collect();
    out.extend(planning.iter().map(|p| Row {
        kind: "planning".to_string(),
        employee: p.employee.clone(),
        name: p.name.clone(),
        team: p.team.clone(),
        supervisor: p.supervisor.clone().unwrap_or_default(),
        rule: p.rule.tag(lang).to_string(),
        severity: if p.overdue(as_of) {
            word("te laat", "overdue")
        } else {
            word("gepland", "planned")
        },
        date: Some(p.date),
        text: match &p.detail {
            Some(d) => format!("{}: {}", p.occasion.words().get(lang), d.get(lang)),
            None => p.occasion.words().get(lang).to_string(),
        },
    }));
    out
}

/// The rows as CSV for a spreadsheet: a header in the reader's language, dates as
/// `17/02/2026`; in Dutch separated by `;` (what Excel expects on a Belgian computer), in
/// English by `,`; with a byte-order mark, so Excel reads `ş` as itself.
pub fn csv(rows: &[Row], lang: Lang) -> String {
    let (delimiter, header) = match lang {
        Lang::Nl => (
            b';',
            [
                "Soort",
                "ID",
                "Naam",
                "Team",
                "Leidinggevende",
                "Regel",
                "Ernst",
                "Datum",
                "Tekst",
            ],
        ),
        Lang::En => (
            b',',
            [
                "Kind",
                "ID",
                "Name",
                "Team",
                "Supervisor",
                "Rule",
                "Severity",
                "Date",
                "Text",
            ],
        ),
    };
    let mut w = ::csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_writer(Vec::new());
    let _ = w.write_record(header);
    for r in rows {
        let date = r.date.map(format_date).unwrap_or_default();
        let _ = w.write_record([
            r.kind.as_str(),
            &r.employee,
            &r.name,
            &r.team,
            &r.supervisor,
            &r.rule,
            &r.severity,
            &date,
            &r.text,
        ]);
    }
    let bytes = w.into_inner().unwrap_or_default();
    format!("\u{feff}{}", String::from_utf8_lossy(&bytes))
}

/// The rows as a JSON array of objects (`kind`, `employee`, `name`, `team`, `supervisor`,
/// `rule`, `severity`, `date` as `2026-02-17` or null, `text`).
pub fn json(rows: &[Row]) -> String {
    let mut s = serde_json::to_string_pretty(rows).unwrap_or_else(|_| "[]".to_string());
    s.push('\n');
    s
}
