//! What `popdruk check --format csv|json` prints on stdout: the findings that need a look
//! and the planning as one table, for a spreadsheet or another program.

use chrono::NaiveDate;

use crate::compliance::{Finding, Severity, planning};
use crate::format::format_date;
use crate::i18n::Lang;
use crate::model::Workbook;

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
    /// The cell a finding is about (`blad `Gesprekken`, rij 14, kolom `Datum` (B)`); empty
    /// when it is about the employee as a whole, and for the planning.
    pub place: String,
}

/// The findings that need a look (not `ok`), then the planning, as rows.
pub fn rows(
    wb: &Workbook,
    findings: &[Finding],
    planning: &[planning::Entry],
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
                place: f
                    .at
                    .and_then(|c| wb.places.locate(c))
                    .map(|at| at.render_in_workbook(lang))
                    .unwrap_or_default(),
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
        place: String::new(),
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
                "Plaats",
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
                "Place",
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
            &r.place,
        ]);
    }
    let bytes = w.into_inner().unwrap_or_default();
    format!("\u{feff}{}", String::from_utf8_lossy(&bytes))
}

/// The rows as a JSON array of objects (`kind`, `employee`, `name`, `team`, `supervisor`,
/// `rule`, `severity`, `date` as `2026-02-17` or null, `text`, `place`).
pub fn json(rows: &[Row]) -> String {
    let mut s = serde_json::to_string_pretty(rows).unwrap_or_else(|_| "[]".to_string());
    s.push('\n');
    s
}
