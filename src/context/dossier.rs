//! The context of the inspection dossier: the cover with the rules as configured, the
//! summary per target-group employee, the coaching norm per quarter, the findings, and per
//! employee the current POP and the conversations of the period.
//!
//! The dossier is two templates: `dossier.tera` for the front matter (one document) and
//! `dossier-medewerker.tera` for each employee's section, so the sections can be made on
//! every core. Anchors (`mw1`, `mw2`, …) tie the table of contents and the summary to the
//! sections. Conversation notes are left out on purpose: they may hold health details,
//! which a dossier must never print.

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;

use super::{
    ConversationText, DateText, EmployeeText, GoalText, Labels, MatrixRow, OrgText,
    conversation_text, date_text, employee_text, fill, goal_text, label, lang_code, matrix_row,
    org_text, signed_text,
};
use crate::analysis::CellIndex;
use crate::compliance::{self, Finding, Origin, Period, SETTINGS, Severity, Thresholds};
use crate::i18n::Lang;
use crate::model::{ConversationKind, Employee, Signed};

/// The day popdruk's built-in thresholds were last checked against their sources
/// (`domain.md`); the cover prints it with the values.
pub const DEFAULTS_CHECKED: (i32, u32, u32) = (2026, 11, 29);

/// A severity as the dossier prints it: a symbol that survives black-and-white print, and
/// a word.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Status {
    /// `ok`, `opmerking`, `waarschuwing` or `tekort`, for templates that test it.
    pub key: &'static str,
    /// `✓`, `i`, `!` or `✗`.
    pub symbol: &'static str,
    /// The word in the document's language.
    pub word: String,
}

pub(crate) fn status(s: Severity, t: &Labels) -> Status {
    let (key, symbol) = match s {
        Severity::Ok => ("ok", "✓"),
        Severity::Opmerking => ("opmerking", "i"),
        Severity::Waarschuwing => ("waarschuwing", "!"),
        Severity::Tekort => ("tekort", "✗"),
    };
    Status {
        key,
        symbol,
        word: label(t, &format!("severity_{key}")),
    }
}

/// A configured threshold, for the cover.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SettingText {
    /// Its name in the `Instellingen` sheet (or in English).
    pub name: String,
    /// The value in force (`12`, `6,5`).
    pub value: String,
    /// Where the value came from: built in, the sheet (with its row) or `popdruk.toml`.
    pub origin: String,
    /// Whether the value differs from popdruk's built-in one.
    pub changed: bool,
    /// `[fed]`, `[reg]` or `[practice]`.
    pub source: String,
}

/// A page a rule is taken from, for the cover.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceText {
    /// The rule's tag in the document's language (`pop-geldigheid`, `pop-validity`).
    pub rule: String,
    /// `[reg]`, `[fed]` or `[practice]`.
    pub kind: String,
    /// Who publishes the page.
    pub organisation: String,
    /// The page's title.
    pub title: String,
    /// Its address; empty for popdruk's own choice.
    pub address: String,
    /// The day it was read.
    pub read: DateText,
}

/// One row of the summary table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SummaryRow {
    /// The anchor of the employee's section.
    pub anchor: String,
    /// ID.
    pub id: String,
    /// `Voornaam Achternaam`.
    pub name: String,
    /// Hire date.
    pub hired: DateText,
    /// First POP-gesprek.
    pub first_pop: DateText,
    /// Last POP-gesprek (the current POP).
    pub last_pop: DateText,
    /// Improvement actions in the current POP.
    pub actions: u32,
    /// `ja`, `nee`, `alleen werknemer`, … or empty without a POP.
    pub signed: String,
    /// Whether both signed.
    pub signed_ok: bool,
    /// When the next POP is due.
    pub next_due: DateText,
    /// The worst finding.
    pub status: Status,
}

/// One quarter of the coaching norm.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NormRow {
    /// `K1 2026`.
    pub quarter: String,
    /// The quarter's last day, on which it is counted.
    pub day: DateText,
    /// Whether the day lies after the as-of date (a forecast).
    pub forecast: bool,
    /// Target-group employees counted.
    pub counted: usize,
    /// Left out for lack of a support level.
    pub without_level: usize,
    /// FTE of coaching the norm asks (`1,21`).
    pub required: String,
    /// FTE of coaches that day.
    pub coaches: String,
    /// Met, or short.
    pub status: Status,
}

/// A finding as printed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FindingText {
    /// The rule's id (`pop-geldigheid`).
    pub rule: &'static str,
    /// Severity.
    pub status: Status,
    /// What was found.
    pub message: String,
}

/// The findings of one employee that need attention, for the findings chapter.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EmployeeFindings {
    /// The anchor of the employee's section.
    pub anchor: String,
    /// ID.
    pub id: String,
    /// Name.
    pub name: String,
    /// Shortfalls, warnings and notes (not the `ok` ones).
    pub findings: Vec<FindingText>,
}

/// An entry of the table of contents.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TocEntry {
    /// The anchor.
    pub anchor: String,
    /// The text.
    pub title: String,
}

/// The front matter of the dossier.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DossierContext {
    /// `nl` or `en`.
    pub lang: &'static str,
    /// Translated labels.
    pub t: Labels,
    /// The day the dossier was made (`--date`).
    pub today: DateText,
    /// The day the rules were checked on (`--as-of`).
    pub as_of: DateText,
    /// The period: first day.
    pub period_from: DateText,
    /// The period: last day.
    pub period_to: DateText,
    /// The organisation; `regime` is the regime the rules were checked for.
    pub org: OrgText,
    /// The thresholds in force of the rules checked under the organisation's regime.
    pub settings: Vec<SettingText>,
    /// Per rule checked under the organisation's regime, the pages it is taken from.
    pub sources: Vec<SourceText>,
    /// The day the built-in values were last checked against their sources.
    pub defaults_checked: DateText,
    /// The statement on the cover: an internal checklist, not an official document.
    pub statement: String,
    /// "3 tekorten, 5 waarschuwingen bij 4 van 14 doelgroepwerknemers".
    pub totals: String,
    /// Target-group employees in the dossier.
    pub checked: usize,
    /// The summary, one row per target-group employee in service on the as-of date.
    pub rows: Vec<SummaryRow>,
    /// Whether the coaching norm was counted (the `Begeleiders` sheet has coaches).
    pub norm_checked: bool,
    /// The coaching norm per quarter of the period.
    pub norm: Vec<NormRow>,
    /// Whether a quarter ends after the as-of date (its count is a forecast).
    pub norm_forecast: bool,
    /// How the norm is counted, with the configured ratios.
    pub norm_formula: String,
    /// The organisation's findings (coaching norm, regime) that need attention.
    pub org_findings: Vec<FindingText>,
    /// Per employee, the findings that need attention.
    pub findings: Vec<EmployeeFindings>,
    /// The employees' sections, for the table of contents.
    pub toc: Vec<TocEntry>,
}

/// One employee's section.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DossierEmployee {
    /// `nl` or `en`.
    pub lang: &'static str,
    /// Translated labels.
    pub t: Labels,
    /// The organisation.
    pub org: OrgText,
    /// The anchor of the section (`mw3`).
    pub anchor: String,
    /// The employee.
    pub employee: EmployeeText,
    /// Support level in words.
    pub support: String,
    /// WOP start.
    pub wop_start: DateText,
    /// The summary row (first and last POP, actions, signed, next due, status).
    pub summary: SummaryRow,
    /// Every rule checked for the employee, `ok` ones included.
    pub checks: Vec<FindingText>,
    /// The goals of the current POP (not yet evaluated), by number.
    pub goals: Vec<GoalText>,
    /// The tasks with a current or target level in the teammatrix, technical ones first.
    pub competences: Vec<MatrixRow>,
    /// The same, two to a row, to print them side by side.
    pub competence_pairs: Vec<Vec<MatrixRow>>,
    /// Whether this is the first employee's section (it opens the employees chapter).
    pub first: bool,
    /// Conversations in the period, oldest first (without their notes).
    pub conversations: Vec<ConversationText>,
    /// The period: first day.
    pub period_from: DateText,
    /// The period: last day.
    pub period_to: DateText,
    /// The day the rules were checked on.
    pub as_of: DateText,
}

/// The dossier's front matter, and what its employee sections are made from: a section is
/// made when it is printed ([`Dossier::section`]), so that thousands of them (each with its
/// own copy of the labels) are not held at once.
pub struct Dossier<'a> {
    /// Cover, contents, summary, coaching norm, findings.
    pub front: DossierContext,
    index: &'a crate::model::Index<'a>,
    cells: &'a CellIndex<'a>,
    subjects: &'a [&'a Employee],
    /// The findings by employee, in the order the rules reported them.
    by_employee: std::collections::HashMap<&'a str, Vec<&'a Finding>>,
    t: &'a Labels,
    lang: Lang,
    as_of: NaiveDate,
    period: Period,
}

impl Dossier<'_> {
    /// How many employee sections there are: one per target-group employee.
    pub fn sections(&self) -> usize {
        self.subjects.len()
    }

    /// The section of the `i`th target-group employee.
    pub fn section(&self, i: usize) -> DossierEmployee {
        let e = self.subjects[i];
        employee_section(
            self.index,
            self.cells,
            e,
            self.by_employee.get(e.id.as_str()).map_or(&[], |v| v),
            i == 0,
            self.front.rows[i].clone(),
            self.t,
            self.lang,
            self.as_of,
            self.period,
        )
    }
}

/// The coaching norm counted on the last day of each quarter of `period`.
pub(crate) fn norm_rows(
    wb: &crate::model::Workbook,
    rules: &compliance::Thresholds,
    period: compliance::Period,
    as_of: NaiveDate,
    t: &Labels,
    lang: Lang,
) -> Vec<NormRow> {
    period
        .quarters()
        .into_iter()
        .map(|q| {
            let n = compliance::norm_on(wb, rules, compliance::quarter_end(q));
            let forecast = n.day > as_of;
            NormRow {
                quarter: format!("{}{} {}", label(t, "quarter_short"), q.1, q.0),
                day: date_text(Some(n.day), lang),
                forecast,
                counted: n.counted,
                without_level: n.without_level,
                required: ratio(n.required, lang),
                coaches: ratio(n.coaches, lang),
                status: status(n.severity(as_of), t),
            }
        })
        .collect()
}

fn ratio(n: f64, lang: Lang) -> String {
    let s = format!("{n:.2}");
    match lang {
        Lang::Nl => s.replace('.', ","),
        Lang::En => s,
    }
}

fn finding_text(f: &Finding, t: &Labels, lang: Lang) -> FindingText {
    FindingText {
        rule: f.rule.tag(lang),
        status: status(f.severity, t),
        message: typeset_quotes(f.message.get(lang)),
    }
}

/// A terminal message's `code quotes` as printed quotes: ‘Vast duo met Agnieszka’.
fn typeset_quotes(s: &str) -> String {
    let mut open = false;
    s.chars()
        .map(|c| {
            if c == '`' {
                open = !open;
                if open { '‘' } else { '’' }
            } else {
                c
            }
        })
        .collect()
}

/// Everything the dossier prints, from the workbook `index` holds. `subjects` are the target-group employees in service on
/// `as_of` to include (in sheet order); `findings` come from [`compliance::check`] with the
/// same thresholds, date and period.
#[allow(clippy::too_many_arguments)]
pub fn dossier<'a>(
    index: &'a crate::model::Index<'a>,
    cells: &'a CellIndex<'a>,
    subjects: &'a [&'a Employee],
    findings: &'a [Finding],
    rules: &Thresholds,
    t: &'a Labels,
    lang: Lang,
    today: NaiveDate,
    as_of: NaiveDate,
    period: Period,
) -> Dossier<'a> {
    let wb = index.workbook();
    let mut org = org_text(wb, t);
    if org.regime.is_empty() {
        // The rules were checked as for collectief maatwerk (see `compliance::check`).
        org.regime = label(t, "regime_collectief_maatwerk");
    }
    let d = |day: Option<NaiveDate>| date_text(day, lang);
    let mut rows = Vec::with_capacity(subjects.len());
    let mut per_employee = Vec::new();
    let mut toc = Vec::with_capacity(subjects.len());
    // The findings by employee, in the order the rules reported them.
    let mut by_employee: std::collections::HashMap<&'a str, Vec<&'a Finding>> =
        std::collections::HashMap::new();
    for f in findings {
        if let Some(id) = &f.employee {
            by_employee.entry(id.as_str()).or_default().push(f);
        }
    }
    // Each employee's part is independent of the others: made on every core, kept in order.
    let parts: Vec<_> = subjects
        .par_iter()
        .enumerate()
        .map(|(i, e)| {
            let anchor = format!("mw{}", i + 1);
            let own: &[&Finding] = by_employee.get(e.id.as_str()).map_or(&[], |v| v);
            let worst = own.iter().map(|f| f.severity).max().unwrap_or(Severity::Ok);
            let o = compliance::overview(index, rules, as_of, e);
            let signed = o
                .signed
                .map(|(employee, supervisor)| signed_text(employee, supervisor, t))
                .unwrap_or_default();
            let name = e.full_name();
            let row = SummaryRow {
                anchor: anchor.clone(),
                id: e.id.clone(),
                name: name.clone(),
                hired: d(e.hired),
                first_pop: d(o.first_pop),
                last_pop: d(o.last_pop),
                actions: o.actions,
                signed,
                signed_ok: matches!(o.signed, Some((a, b)) if a != Signed::No && b != Signed::No),
                next_due: d(o.next_due),
                status: status(worst, t),
            };
            let attention: Vec<FindingText> = own
                .iter()
                .filter(|f| f.severity != Severity::Ok)
                .map(|f| finding_text(f, t, lang))
                .collect();
            let findings = (!attention.is_empty()).then(|| EmployeeFindings {
                anchor: anchor.clone(),
                id: e.id.clone(),
                name: name.clone(),
                findings: attention,
            });
            let toc = TocEntry {
                anchor: anchor.clone(),
                title: format!("{name} ({})", e.id),
            };
            (row, findings, toc)
        })
        .collect();
    for (row, findings, entry) in parts {
        per_employee.extend(findings);
        toc.push(entry);
        rows.push(row);
    }
    let norm_checked = !wb.coaches.is_empty();
    let norm = if norm_checked {
        norm_rows(wb, rules, period, as_of, t, lang)
    } else {
        Vec::new()
    };
    let org_findings = findings
        .iter()
        .filter(|f| f.employee.is_none() && f.severity != Severity::Ok)
        .map(|f| finding_text(f, t, lang))
        .collect();
    // Only the rules the regime asks for: an inspector of a maatwerkbedrijf is not shown the
    // LDE track's duration.
    let applied = compliance::RuleId::under(wb.organisation.regime);
    let (y, m, dd) = compliance::SOURCES_READ;
    let read = d(NaiveDate::from_ymd_opt(y, m, dd));
    let sources = applied
        .iter()
        .flat_map(|r| {
            let read = read.clone();
            r.sources().iter().map(move |src| SourceText {
                rule: r.tag(lang).to_string(),
                kind: src.kind.to_string(),
                organisation: src.organisation.to_string(),
                title: src.title.to_string(),
                address: src.address.to_string(),
                read: read.clone(),
            })
        })
        .collect();
    let settings = SETTINGS
        .iter()
        .filter(|def| def.rules.iter().any(|r| applied.contains(r)))
        .map(|def| {
            let origin = match rules.origin(def) {
                Origin::Default => label(t, "origin_default"),
                Origin::File => "popdruk.toml".to_string(),
                Origin::Sheet(row) => fill(t, "origin_sheet", &[("row", &row.to_string())]),
            };
            SettingText {
                name: match lang {
                    Lang::Nl => def.name.to_string(),
                    Lang::En => def.en.to_string(),
                },
                value: def.value(rules),
                changed: def.value(rules) != def.value(&Thresholds::default()),
                origin,
                source: def.source.to_string(),
            }
        })
        .collect();
    let subject_ids: std::collections::HashSet<&str> =
        subjects.iter().map(|e| e.id.as_str()).collect();
    let totals = compliance::totals::Totals::of(
        &findings
            .iter()
            .filter(|f| {
                f.employee
                    .as_deref()
                    .is_none_or(|id| subject_ids.contains(id))
            })
            .cloned()
            .collect::<Vec<_>>(),
        subjects.len(),
    )
    .render(lang);
    let as_of_text = d(Some(as_of));
    let defaults_checked = d(NaiveDate::from_ymd_opt(
        DEFAULTS_CHECKED.0,
        DEFAULTS_CHECKED.1,
        DEFAULTS_CHECKED.2,
    ));
    let statement = fill(
        t,
        "dossier_statement",
        &[
            ("as_of", &as_of_text.long),
            ("defaults", &defaults_checked.long),
        ],
    );
    Dossier {
        front: DossierContext {
            lang: lang_code(lang),
            t: t.clone(),
            today: d(Some(today)),
            as_of: as_of_text,
            period_from: d(Some(period.from)),
            period_to: d(Some(period.to)),
            org,
            settings,
            sources,
            defaults_checked,
            statement,
            totals,
            checked: subjects.len(),
            rows,
            norm_checked,
            norm_forecast: norm.iter().any(|q| q.forecast),
            norm,
            norm_formula: fill(
                t,
                "dossier_norm_formula",
                &[
                    ("laag", &crate::format::format_number(rules.norm_laag)),
                    ("midden", &crate::format::format_number(rules.norm_midden)),
                    ("hoog", &crate::format::format_number(rules.norm_hoog)),
                ],
            ),
            org_findings,
            findings: per_employee,
            toc,
        },
        index,
        cells,
        subjects,
        by_employee,
        t,
        lang,
        as_of,
        period,
    }
}

#[allow(clippy::too_many_arguments)]
fn employee_section(
    index: &crate::model::Index<'_>,
    cells: &CellIndex<'_>,
    e: &Employee,
    own: &[&Finding],
    first: bool,
    summary: SummaryRow,
    t: &Labels,
    lang: Lang,
    as_of: NaiveDate,
    period: Period,
) -> DossierEmployee {
    let wb = index.workbook();
    let mut goals: Vec<_> = index
        .goals(&e.id)
        .iter()
        .filter(|g| g.result.is_none() && index.agreed_by(g, as_of))
        .collect();
    goals.sort_by_key(|g| g.number);
    let agreed: Vec<&crate::model::Goal> = index
        .goals(&e.id)
        .iter()
        .copied()
        .filter(|g| index.agreed_by(g, as_of))
        .collect();
    let aims = super::goal_levels(&agreed);
    let mut competences: Vec<MatrixRow> = wb
        .tasks
        .iter()
        .filter_map(|task| {
            let a = cells.get(&e.id, &task.code)?;
            (a.level.is_some() || a.target.is_some())
                .then(|| super::with_goal_level(matrix_row(task, Some(a), false), &aims))
        })
        .collect();
    competences.sort_by_key(|c| c.kind != "technisch");
    let mut conversations: Vec<_> = index
        .conversations(&e.id)
        .iter()
        .filter(|c| c.date >= period.from && c.date <= period.to && c.date <= as_of)
        .collect();
    conversations.sort_by_key(|c| (c.date, c.kind != ConversationKind::PopGesprek));
    DossierEmployee {
        lang: lang_code(lang),
        t: t.clone(),
        org: org_text(wb, t),
        anchor: summary.anchor.clone(),
        employee: employee_text(e, lang),
        support: e
            .support
            .map(|s| label(t, &format!("support_{}", s.key())))
            .unwrap_or_default(),
        wop_start: date_text(e.wop_start, lang),
        summary,
        checks: own.iter().map(|f| finding_text(f, t, lang)).collect(),
        goals: goals.iter().map(|g| goal_text(g, wb, t, lang)).collect(),
        competence_pairs: competences.chunks(2).map(<[MatrixRow]>::to_vec).collect(),
        competences,
        first,
        conversations: conversations
            .iter()
            .map(|c| {
                let signed = signed_text(
                    c.signed_employee.as_of(as_of),
                    c.signed_supervisor.as_of(as_of),
                    t,
                );
                let mut c = conversation_text(c, t, lang);
                c.notes.clear();
                c.signed = signed;
                c
            })
            .collect(),
        period_from: date_text(Some(period.from), lang),
        period_to: date_text(Some(period.to), lang),
        as_of: date_text(Some(as_of), lang),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_quotes_become_printed_quotes() {
        assert_eq!(
            typeset_quotes("actie `Vast duo` (doel 2) en `x`"),
            "actie ‘Vast duo’ (doel 2) en ‘x’"
        );
        assert_eq!(typeset_quotes("geen"), "geen");
    }
}
