//! Compliance rules: whether every target-group employee has a current POP, and whether the
//! organisation meets the coaching norm, on a given date.
//!
//! Each rule is a pure function over a validated [`Workbook`], the [`Thresholds`] in force
//! and an `as_of` date; it returns [`Finding`]s, including `ok` ones so a dossier can show
//! what was checked. This module reads no files and no clock: `run` reads `popdruk.toml` and
//! passes its text in. It does not print; `report::check` turns findings into the text `check`
//! shows. Rules, their sources and their settings are documented in `docs/compliance.md`.
//!
//! Definitions the rules share:
//! - a **POP** is known by its `POP-gesprek` row in `Gesprekken`; the first one is the first
//!   POP, the last one on or before `as_of` is the last update;
//! - the **current POP** is the set of the employee's goals without a `Resultaat` (not yet
//!   evaluated) agreed by `as_of` ([`Index::agreed_by`]); its improvement actions are their
//!   actions that were not `gestopt`;
//! - conversations dated after `as_of` are plans, and are ignored.

pub mod planning;
mod settings;
#[cfg(test)]
mod tests;
pub mod totals;

use crate::model::{Map, Set};
use chrono::{Datelike, Days, Months, NaiveDate};

use crate::format::format_date;
use crate::i18n::{Lang, Tr};
use crate::model::schema::{Column, SheetDef, conv, emp, goal, sheets};
use crate::model::{
    CellRef, ConversationKind, Employee, Index, LDE_CLOSED, Origin as GoalOrigin, Regime, Signed,
    Status, SupportLevel, TaskKind, Workbook,
};

pub use settings::{Origin, SETTINGS, SettingDef, SheetColumn, Thresholds, Unit};

/// How a finding weighs, from fine to failing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The rule is met.
    Ok,
    /// Information: a rule could not be or was not checked.
    Opmerking,
    /// The rule is met today but will not be soon, or needs attention.
    Waarschuwing,
    /// The rule is not met.
    Tekort,
}

impl Severity {
    /// The word `check` prints before a finding (`tekort`, `shortfall`): words of their own,
    /// so a rule finding is never read as one of the workbook's `waarschuwing`s or
    /// `opmerking`s printed above it.
    pub fn word(self, lang: crate::i18n::Lang) -> &'static str {
        use crate::i18n::Lang::{En, Nl};
        match (self, lang) {
            (Severity::Ok, _) => "ok",
            (Severity::Opmerking, _) => "info",
            (Severity::Waarschuwing, Nl) => "aandachtspunt",
            (Severity::Waarschuwing, En) => "attention",
            (Severity::Tekort, Nl) => "tekort",
            (Severity::Tekort, En) => "shortfall",
        }
    }
}

/// A compliance rule, named by a stable id that does not change with its thresholds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RuleId {
    /// The first POP within the deadline after hire.
    PopTermijn,
    /// The last POP update not older than the validity.
    PopGeldigheid,
    /// Enough improvement actions in the current POP.
    Verbeteracties,
    /// Current and target levels for technical and generic competences.
    Competentieniveaus,
    /// The current POP signed by employee and supervisor.
    Ondertekening,
    /// Actions past their deadline are followed up.
    Opvolging,
    /// The WOP evaluation by VDAB.
    WopEvaluatie,
    /// The end of an LDE track.
    LdeTraject,
    /// The yearly LDE evaluation.
    LdeEvaluatie,
    /// Transition actions in the POP of an LDE track.
    LdeDoorstroom,
    /// Coach FTE against the coaching norm, per quarter.
    Begeleidingsnorm,
    /// Which rules the organisation's regime asks for.
    Regime,
}

impl RuleId {
    /// Every rule, in the order findings are listed.
    pub const ALL: [RuleId; 12] = [
        RuleId::PopTermijn,
        RuleId::PopGeldigheid,
        RuleId::Verbeteracties,
        RuleId::Competentieniveaus,
        RuleId::Ondertekening,
        RuleId::Opvolging,
        RuleId::WopEvaluatie,
        RuleId::LdeTraject,
        RuleId::LdeEvaluatie,
        RuleId::LdeDoorstroom,
        RuleId::Begeleidingsnorm,
        RuleId::Regime,
    ];

    /// The stable id (`pop-termijn`), as in `docs/compliance.md`.
    pub fn id(self) -> &'static str {
        match self {
            RuleId::PopTermijn => "pop-termijn",
            RuleId::PopGeldigheid => "pop-geldigheid",
            RuleId::Verbeteracties => "verbeteracties",
            RuleId::Competentieniveaus => "competentieniveaus",
            RuleId::Ondertekening => "ondertekening",
            RuleId::Opvolging => "opvolging",
            RuleId::WopEvaluatie => "wop-evaluatie",
            RuleId::LdeTraject => "lde-traject",
            RuleId::LdeEvaluatie => "lde-evaluatie",
            RuleId::LdeDoorstroom => "lde-doorstroom",
            RuleId::Begeleidingsnorm => "begeleidingsnorm",
            RuleId::Regime => "regime",
        }
    }

    /// The tag a reader sees in `lang`: the stable id in Dutch, its translation in English
    /// (`pop-validity`); `docs/compliance.md` lists both.
    pub fn tag(self, lang: crate::i18n::Lang) -> &'static str {
        if lang == crate::i18n::Lang::Nl {
            return self.id();
        }
        match self {
            RuleId::PopTermijn => "pop-deadline",
            RuleId::PopGeldigheid => "pop-validity",
            RuleId::Verbeteracties => "improvement-actions",
            RuleId::Competentieniveaus => "competence-levels",
            RuleId::Ondertekening => "signatures",
            RuleId::Opvolging => "follow-up",
            RuleId::WopEvaluatie => "wop-evaluation",
            RuleId::LdeTraject => "lde-track",
            RuleId::LdeEvaluatie => "lde-evaluation",
            RuleId::LdeDoorstroom => "lde-transition",
            RuleId::Begeleidingsnorm => "coaching-norm",
            RuleId::Regime => "regime",
        }
    }
}

impl RuleId {
    /// The rules checked under `regime` (an organisation without one is checked as
    /// collectief maatwerk), in [`RuleId::ALL`] order.
    pub fn under(regime: Option<Regime>) -> Vec<RuleId> {
        let regime = regime.unwrap_or(Regime::CollectiefMaatwerk);
        RuleId::ALL
            .into_iter()
            .filter(|r| match r {
                RuleId::PopTermijn
                | RuleId::PopGeldigheid
                | RuleId::Verbeteracties
                | RuleId::Competentieniveaus
                | RuleId::Ondertekening
                | RuleId::Begeleidingsnorm => regime != Regime::IndividueelMaatwerk,
                RuleId::Opvolging | RuleId::WopEvaluatie => true,
                RuleId::LdeTraject | RuleId::LdeEvaluatie | RuleId::LdeDoorstroom => {
                    regime == Regime::LokaleDiensteneconomie
                }
                RuleId::Regime => regime == Regime::IndividueelMaatwerk,
            })
            .collect()
    }

    /// The pages the rule is taken from, as read on [`SOURCES_READ`].
    pub fn sources(self) -> &'static [Source] {
        match self {
            RuleId::PopTermijn
            | RuleId::Verbeteracties
            | RuleId::Competentieniveaus
            | RuleId::Ondertekening => &[HERWIN_POP],
            RuleId::PopGeldigheid => &[HERWIN_POP, WSE_LDE],
            RuleId::Opvolging => &[PRACTICE],
            RuleId::WopEvaluatie => &[VDAB_WOP],
            RuleId::LdeTraject | RuleId::LdeDoorstroom => &[WSE_LDE, SE_LDE],
            RuleId::LdeEvaluatie => &[WSE_LDE],
            RuleId::Begeleidingsnorm => &[HERWIN_NORM],
            RuleId::Regime => &[SE_LDE],
        }
    }
}

/// A page a rule is taken from: who publishes it, its title and address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source {
    /// `[reg]` (a government page), `[fed]` (the sector federation) or `[practice]`.
    pub kind: &'static str,
    /// Who publishes it.
    pub organisation: &'static str,
    /// The page's title, as it reads.
    pub title: &'static str,
    /// Its address (empty for popdruk's own choice).
    pub address: &'static str,
}

/// The day the pages of [`RuleId::sources`] were last read.
pub const SOURCES_READ: (i32, u32, u32) = (2026, 12, 5);

const HERWIN_POP: Source = Source {
    kind: "[fed]",
    organisation: "Herwin (sectorfederatie van de maatwerkbedrijven)",
    title: "FAQ: Wat is een persoonlijk ontwikkelingsplan (POP)?",
    address: "https://herwin.be/question/wat-is-een-persoonlijk-ontwikkelingsplan-pop/",
};
const HERWIN_NORM: Source = Source {
    kind: "[fed]",
    organisation: "Herwin (sectorfederatie van de maatwerkbedrijven)",
    title: "FAQ: Hoe berekent de inspectie de begeleidingsnorm?",
    address: "https://herwin.be/question/hoe-berekent-de-inspectie-de-begeleidingsnorm/",
};
const VDAB_WOP: Source = Source {
    kind: "[reg]",
    organisation: "VDAB",
    title: "Collectief maatwerk: het werkondersteuningspakket",
    address: "https://werkgevers.vdab.be/sociale-economie/collectief-maatwerk-wop",
};
const WSE_LDE: Source = Source {
    kind: "[reg]",
    organisation: "Departement Werk en Sociale Economie",
    title: "Lokale diensteneconomie – ondersteuning",
    address: "https://www.werk.be/online-diensten/tewerkstelling-en-sociale-economie/lokale-diensteneconomie/ondersteuning",
};
const SE_LDE: Source = Source {
    kind: "[reg]",
    organisation: "Departement Werk en Sociale Economie",
    title: "Lokale diensteneconomie",
    address: "https://www.socialeeconomie.be/lokale-diensteneconomie",
};
const PRACTICE: Source = Source {
    kind: "[practice]",
    organisation: "popdruk",
    title: "goede praktijk: een actie over haar deadline wordt opgevolgd (docs/compliance.md)",
    address: "",
};

/// The outcome of one rule for one employee (or for the organisation).
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// The employee's ID; `None` for the organisation.
    pub employee: Option<String>,
    /// The rule.
    pub rule: RuleId,
    /// How it weighs.
    pub severity: Severity,
    /// What was found, in plain words, with dates as `17/02/2026`.
    pub message: Tr,
    /// The dates the rule used, each with its label.
    pub dates: Vec<(Tr, NaiveDate)>,
    /// The cell to look at or fix, when the finding is about one row (a conversation not
    /// signed, an action past its deadline, an empty date); `None` when it is about the
    /// employee as a whole or about what is missing.
    pub at: Option<CellRef>,
}

impl Finding {
    /// The finding pointing at `column` of `row` on `sheet` (a row of 0, not read from a
    /// sheet, points nowhere).
    fn at(mut self, sheet: &'static SheetDef, row: u32, column: Column) -> Finding {
        self.at = (row > 0).then_some(CellRef { sheet, row, column });
        self
    }
}

/// The days a check covers, both ends included; the coaching norm is counted per calendar
/// quarter that overlaps it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    /// First day.
    pub from: NaiveDate,
    /// Last day.
    pub to: NaiveDate,
}

impl Period {
    /// The 12 months up to and including `as_of`.
    pub fn ending(as_of: NaiveDate) -> Period {
        let from = as_of
            .checked_sub_months(Months::new(12))
            .and_then(|d| d.succ_opt())
            .unwrap_or(as_of);
        Period { from, to: as_of }
    }

    /// The calendar quarters overlapping the period, as (year, quarter 1–4).
    pub fn quarters(&self) -> Vec<(i32, u32)> {
        let mut out = Vec::new();
        let mut q = quarter_of(self.from);
        let last = quarter_of(self.to);
        while q <= last {
            out.push(q);
            q = if q.1 == 4 {
                (q.0 + 1, 1)
            } else {
                (q.0, q.1 + 1)
            };
        }
        out
    }
}

fn quarter_of(d: NaiveDate) -> (i32, u32) {
    (d.year(), (d.month() - 1) / 3 + 1)
}

/// The last day of a quarter.
pub fn quarter_end((year, q): (i32, u32)) -> NaiveDate {
    let (y, m) = if q == 4 {
        (year + 1, 1)
    } else {
        (year, q * 3 + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)
        .and_then(|d| d.pred_opt())
        .unwrap_or(NaiveDate::MAX)
}

/// The first day of the calendar quarter before the one `d` lies in (for 05/12/2026:
/// 01/07/2026): the default `--since`, so a quarter's changes are shown in full.
pub fn previous_quarter_start(d: NaiveDate) -> NaiveDate {
    let quarter = d.month0() / 3;
    let (year, month) = match quarter {
        0 => (d.year() - 1, 10),
        q => (d.year(), (q - 1) * 3 + 1),
    };
    NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(d)
}

/// `d` plus `n` months; the 31st becomes the month's last day (31/01 + 1 → 28/02 or 29/02).
pub fn add_months(d: NaiveDate, n: u32) -> NaiveDate {
    d.checked_add_months(Months::new(n))
        .unwrap_or(NaiveDate::MAX)
}

fn sub_months(d: NaiveDate, n: u32) -> NaiveDate {
    d.checked_sub_months(Months::new(n))
        .unwrap_or(NaiveDate::MIN)
}

fn sub_days(d: NaiveDate, n: u32) -> NaiveDate {
    d.checked_sub_days(Days::new(u64::from(n)))
        .unwrap_or(NaiveDate::MIN)
}

/// The employees the rules apply to: doelgroepwerknemers in service on `as_of`, in sheet order.
pub fn subjects(wb: &Workbook, as_of: NaiveDate) -> impl Iterator<Item = &Employee> {
    wb.employees
        .iter()
        .filter(move |e| e.target_group == Some(true) && e.in_service_on(as_of))
}

/// Every finding for the workbook on `as_of`: per employee in sheet order (rules in
/// [`RuleId::ALL`] order), then the organisation's.
pub fn check(wb: &Workbook, rules: &Thresholds, as_of: NaiveDate, period: Period) -> Vec<Finding> {
    check_indexed(&Index::new(wb), rules, as_of, period)
}

/// [`check`] with the workbook's rows already gathered by employee.
pub fn check_indexed(
    idx: &Index<'_>,
    rules: &Thresholds,
    as_of: NaiveDate,
    period: Period,
) -> Vec<Finding> {
    let wb = idx.workbook();
    // An organisation that has not filled in its regime is most likely a maatwerkbedrijf,
    // the strictest case; checking too much is safer before an inspection than too little.
    let regime = wb.organisation.regime.unwrap_or(Regime::CollectiefMaatwerk);
    let mut out = Vec::new();
    for e in subjects(wb, as_of) {
        let ctx = Ctx::new(idx, e, rules, as_of);
        if regime != Regime::IndividueelMaatwerk {
            out.extend(pop_termijn(&ctx, period));
            out.extend(pop_geldigheid(&ctx, period));
            out.extend(verbeteracties(&ctx));
            out.extend(competentieniveaus(&ctx));
            out.extend(matrix_bijwerken(&ctx));
            out.extend(ondertekening(&ctx));
        }
        out.extend(opvolging(&ctx));
        out.extend(wop_evaluatie(&ctx));
        if regime == Regime::LokaleDiensteneconomie {
            out.extend(lde_traject(&ctx));
            out.extend(lde_evaluatie(&ctx));
            out.extend(lde_doorstroom(&ctx));
        }
    }
    if regime == Regime::IndividueelMaatwerk {
        out.push(org_finding(
            RuleId::Regime,
            Severity::Opmerking,
            Tr::new(
                "individueel maatwerk werkt met een ondersteuningsplan: de POP-regels en de begeleidingsnorm zijn niet gecontroleerd",
                "individueel maatwerk works with a support plan: the POP rules and the coaching norm were not checked",
            ),
            Vec::new(),
        ));
    } else {
        out.extend(begeleidingsnorm(wb, rules, as_of, period));
    }
    out
}

/// The dates and counts the dossier's summary shows for one employee, as the rules see them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overview {
    /// The first POP-gesprek on or before `as_of`.
    pub first_pop: Option<NaiveDate>,
    /// The last POP-gesprek on or before `as_of`: the current POP.
    pub last_pop: Option<NaiveDate>,
    /// Improvement actions in the current POP (not `gestopt`).
    pub actions: u32,
    /// The current POP's signatures by the employee and by the supervisor, as known on
    /// `as_of`.
    pub signed: Option<(Signed, Signed)>,
    /// When the next POP is due: the last one plus the validity, or for someone without a
    /// POP the hire date plus the deadline.
    pub next_due: Option<NaiveDate>,
}

/// The summary facts of one employee on `as_of`.
pub fn overview<'a>(
    idx: &'a Index<'a>,
    rules: &'a Thresholds,
    as_of: NaiveDate,
    e: &'a Employee,
) -> Overview {
    let ctx = Ctx::new(idx, e, rules, as_of);
    let last = ctx.last_pop();
    Overview {
        first_pop: ctx.pops.first().map(|c| c.date),
        last_pop: last.map(|c| c.date),
        actions: ctx.improvement_actions(),
        signed: last.map(|c| {
            (
                c.signed_employee.as_of(as_of),
                c.signed_supervisor.as_of(as_of),
            )
        }),
        next_due: match last {
            Some(c) => Some(add_months(c.date, rules.pop_validity_months)),
            None => e.hired.map(|h| add_months(h, rules.pop_deadline_months)),
        },
    }
}

/// The day `e` next needs a conversation, as known on `as_of`: the next POP (its validity, or
/// the first POP's deadline after hire), or the next talk planned at the last conversation,
/// whichever comes first; a day before `as_of` means overdue. The POP counts for
/// target-group employees only.
pub fn due_on(
    idx: &Index<'_>,
    rules: &Thresholds,
    as_of: NaiveDate,
    e: &Employee,
) -> Option<NaiveDate> {
    // Only target-group employees must have a POP; anyone may have a next talk planned.
    let pop = (e.target_group == Some(true))
        .then(|| overview(idx, rules, as_of, e).next_due)
        .flatten();
    let planned = next_planned(idx.conversations(&e.id), as_of);
    match (pop, planned) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// The talk planned at the last conversation held on or before `as_of` (its `Volgend
/// gesprek`), from an employee's conversations, oldest first.
pub(crate) fn next_planned(
    conversations: &[&crate::model::Conversation],
    as_of: NaiveDate,
) -> Option<NaiveDate> {
    conversations
        .iter()
        .rev()
        .find(|c| c.date <= as_of)
        .and_then(|c| c.next)
}

/// The day VDAB evaluates a WOP that started on `start`.
pub(crate) fn wop_due(start: NaiveDate, rules: &Thresholds) -> NaiveDate {
    add_months(start, rules.wop_years.saturating_mul(12))
}

/// The day an LDE track that started on `start` ends.
pub(crate) fn lde_track_end(start: NaiveDate, rules: &Thresholds) -> NaiveDate {
    add_months(start, rules.lde_years.saturating_mul(12))
}

/// What every per-employee rule reads: the workbook, the employee, the thresholds, the date.
pub(crate) struct Ctx<'a> {
    e: &'a Employee,
    rules: &'a Thresholds,
    as_of: NaiveDate,
    /// The employee's POP-gesprekken on or before `as_of`, oldest first.
    pops: Vec<&'a crate::model::Conversation>,
    /// All the employee's conversations, oldest first.
    conversations: &'a [&'a crate::model::Conversation],
    /// The employee's goals agreed by `as_of` (see [`Index::agreed_by`]), in sheet order.
    goals: Vec<&'a crate::model::Goal>,
    /// The employee's teammatrix cells.
    assessed: Vec<&'a crate::model::Assessment>,
    /// The employee's dated levels, oldest first.
    dated: &'a [&'a crate::model::Assessment],
    /// The workbook's tasks.
    tasks: &'a [crate::model::Task],
    /// The kind of each task, by code.
    kinds: &'a Map<&'a str, TaskKind>,
}

impl<'a> Ctx<'a> {
    fn new(idx: &'a Index<'a>, e: &'a Employee, rules: &'a Thresholds, as_of: NaiveDate) -> Self {
        let pops = idx
            .pops
            .get(e.id.as_str())
            .map(|all| all.iter().copied().filter(|c| c.date <= as_of).collect())
            .unwrap_or_default();
        Ctx {
            e,
            rules,
            as_of,
            pops,
            conversations: idx.conversations(&e.id),
            goals: idx
                .goals(&e.id)
                .iter()
                .copied()
                .filter(|g| idx.agreed_by(g, as_of))
                .collect(),
            assessed: idx.assessed.get(e.id.as_str()).cloned().unwrap_or_default(),
            dated: idx.dated.get(e.id.as_str()).map_or(&[], Vec::as_slice),
            tasks: &idx.wb.tasks,
            kinds: &idx.kinds,
        }
    }

    fn finding(
        &self,
        rule: RuleId,
        severity: Severity,
        message: Tr,
        dates: Vec<(Tr, NaiveDate)>,
    ) -> Finding {
        Finding {
            employee: Some(self.e.id.clone()),
            rule,
            severity,
            message,
            dates,
            at: None,
        }
    }

    /// The last conversation on or before `as_of` that counts as the yearly LDE evaluation:
    /// an evaluation or a POP conversation.
    fn last_lde_evaluation(&self) -> Option<NaiveDate> {
        self.conversations
            .iter()
            .filter(|c| {
                matches!(
                    c.kind,
                    ConversationKind::Evaluatie | ConversationKind::PopGesprek
                ) && c.date <= self.as_of
            })
            .map(|c| c.date)
            .max()
    }

    fn last_pop(&self) -> Option<&'a crate::model::Conversation> {
        self.pops.last().copied()
    }

    /// The improvement actions of the current POP: its goals' actions not `gestopt`.
    fn improvement_actions(&self) -> u32 {
        self.current_goals()
            .flat_map(|g| &g.actions)
            .filter(|a| a.status != Some(Status::Gestopt))
            .count() as u32
    }

    /// The goals of the current POP: those agreed by the as-of date and not yet evaluated.
    fn current_goals(&self) -> impl Iterator<Item = &'a crate::model::Goal> + '_ {
        self.goals.iter().copied().filter(|g| g.result.is_none())
    }
}

fn org_finding(
    rule: RuleId,
    severity: Severity,
    message: Tr,
    dates: Vec<(Tr, NaiveDate)>,
) -> Finding {
    Finding {
        employee: None,
        rule,
        severity,
        message,
        dates,
        at: None,
    }
}

fn label(nl: &str, en: &str) -> Tr {
    Tr::new(nl, en)
}

fn plural(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Severity of a deadline on `as_of`: late after it, a warning from `warn_from` on.
fn deadline_severity(as_of: NaiveDate, deadline: NaiveDate, warn_from: NaiveDate) -> Severity {
    if as_of > deadline {
        Severity::Tekort
    } else if as_of >= warn_from {
        Severity::Waarschuwing
    } else {
        Severity::Ok
    }
}

/// `pop-termijn`: the first POP-gesprek no later than the deadline after hire. Checked for
/// employees hired in the period only: for earlier hires the workbook rarely holds the
/// history, and the current POP is what `pop-geldigheid` judges.
pub(crate) fn pop_termijn(ctx: &Ctx<'_>, period: Period) -> Option<Finding> {
    let hired = ctx.e.hired?;
    if hired < period.from {
        return None;
    }
    let months = ctx.rules.pop_deadline_months;
    let due = add_months(hired, months);
    let term_nl = plural(months, "maand", "maanden");
    let term_en = plural(months, "month", "months");
    let mut dates = vec![
        (label("in dienst", "hired"), hired),
        (label("POP uiterlijk", "POP due"), due),
    ];
    let rule = RuleId::PopTermijn;
    Some(match ctx.pops.first() {
        Some(first) => {
            dates.push((
                label("eerste POP-gesprek", "first POP conversation"),
                first.date,
            ));
            if first.date <= due {
                ctx.finding(
                    rule,
                    Severity::Ok,
                    Tr::new(
                        format!(
                            "eerste POP op {}, binnen {term_nl} na de indiensttreding",
                            format_date(first.date)
                        ),
                        format!(
                            "first POP on {}, within {term_en} of hire",
                            format_date(first.date)
                        ),
                    ),
                    dates,
                )
            } else {
                let late = (first.date - due).num_days();
                ctx.finding(rule, Severity::Tekort, Tr::new(
                    format!("eerste POP op {}, {late} dagen na de termijn van {term_nl} (uiterlijk {})", format_date(first.date), format_date(due)),
                    format!("first POP on {}, {late} days after the {term_en} deadline ({})", format_date(first.date), format_date(due)),
                ), dates)
                .at(&sheets::GESPREKKEN, first.row, conv::DATUM)
            }
        }
        None => {
            let severity = deadline_severity(ctx.as_of, due, sub_days(due, ctx.rules.warning_days));
            let message = if severity == Severity::Tekort {
                Tr::new(
                    format!(
                        "nog geen POP: het moest er zijn op {}, {term_nl} na de indiensttreding op {}",
                        format_date(due),
                        format_date(hired)
                    ),
                    format!(
                        "no POP yet: it was due on {}, {term_en} after hire on {}",
                        format_date(due),
                        format_date(hired)
                    ),
                )
            } else {
                Tr::new(
                    format!(
                        "nog geen POP: houd het POP-gesprek uiterlijk op {}",
                        format_date(due)
                    ),
                    format!(
                        "no POP yet: hold the POP conversation by {}",
                        format_date(due)
                    ),
                )
            };
            ctx.finding(rule, severity, message, dates)
        }
    })
}

/// `pop-geldigheid`: the last POP-gesprek not older than the validity, with a warning ahead.
/// An employee without any POP is judged here only when `pop-termijn` does not apply.
pub(crate) fn pop_geldigheid(ctx: &Ctx<'_>, period: Period) -> Option<Finding> {
    let rule = RuleId::PopGeldigheid;
    let months = ctx.rules.pop_validity_months;
    let Some(last) = ctx.last_pop() else {
        let hired = ctx.e.hired;
        if hired.is_some_and(|h| h >= period.from) {
            return None;
        }
        return Some(
            ctx.finding(
                rule,
                Severity::Tekort,
                Tr::new(
                    "geen POP-gesprek gevonden in het blad `Gesprekken`",
                    "no POP conversation found in the sheet `Conversations` (`Gesprekken`)",
                ),
                hired
                    .map(|h| (label("in dienst", "hired"), h))
                    .into_iter()
                    .collect(),
            ),
        );
    };
    let expires = add_months(last.date, months);
    let severity = deadline_severity(
        ctx.as_of,
        expires,
        sub_days(expires, ctx.rules.warning_days),
    );
    let dates = vec![
        (
            label("laatste POP-gesprek", "last POP conversation"),
            last.date,
        ),
        (label("geldig tot", "valid until"), expires),
    ];
    let (l, x) = (format_date(last.date), format_date(expires));
    let message = match severity {
        Severity::Tekort => Tr::new(
            format!(
                "het POP is verlopen op {x}: het laatste POP-gesprek was op {l}, meer dan {} geleden",
                plural(months, "maand", "maanden")
            ),
            format!(
                "the POP expired on {x}: the last POP conversation was on {l}, more than {} ago",
                plural(months, "month", "months")
            ),
        ),
        Severity::Waarschuwing => Tr::new(
            format!("het POP verloopt op {x} (laatste POP-gesprek {l}): plan een POP-gesprek"),
            format!("the POP expires on {x} (last POP conversation {l}): plan a POP conversation"),
        ),
        _ => Tr::new(
            format!("POP bijgewerkt op {l}, geldig tot {x}"),
            format!("POP updated on {l}, valid until {x}"),
        ),
    };
    Some(
        ctx.finding(rule, severity, message, dates)
            .at(&sheets::GESPREKKEN, last.row, conv::DATUM),
    )
}

/// `verbeteracties`: at least the minimum number of improvement actions in the current POP.
pub(crate) fn verbeteracties(ctx: &Ctx<'_>) -> Option<Finding> {
    let last = ctx.last_pop()?;
    let min = ctx.rules.min_actions;
    let count = ctx.improvement_actions();
    let dates = vec![(
        label("laatste POP-gesprek", "last POP conversation"),
        last.date,
    )];
    Some(if count >= min {
        ctx.finding(
            RuleId::Verbeteracties,
            Severity::Ok,
            Tr::new(
                format!(
                    "{} in het huidige POP",
                    plural(count, "verbeteractie", "verbeteracties")
                ),
                format!(
                    "{} in the current POP",
                    plural(count, "improvement action", "improvement actions")
                ),
            ),
            dates,
        )
    } else {
        ctx.finding(
            RuleId::Verbeteracties,
            Severity::Tekort,
            Tr::new(
                format!(
                    "{} in het huidige POP, er zijn er minstens {min} nodig",
                    plural(count, "verbeteractie", "verbeteracties")
                ),
                format!(
                    "{} in the current POP, at least {min} needed",
                    plural(count, "improvement action", "improvement actions")
                ),
            ),
            dates,
        )
    })
}

/// `competentieniveaus`: in the teammatrix, a current level and a desired level for at
/// least one technical and one generic task. A goal of the current POP tied to a task (its
/// `Taak`, and its `(niveau N)` when written) is a desired level for that task: supervisors
/// write what someone should learn as a goal, not as a target in the matrix.
pub(crate) fn competentieniveaus(ctx: &Ctx<'_>) -> Option<Finding> {
    ctx.last_pop()?;
    let wanted: Set<&str> = ctx
        .current_goals()
        .filter_map(|g| g.task.as_deref())
        .collect();
    let has = |kind: TaskKind| {
        ctx.assessed.iter().any(|a| {
            a.level.is_some()
                && (a.target.is_some() || wanted.contains(a.task.as_str()))
                && ctx.kinds.get(a.task.as_str()) == Some(&kind)
        })
    };
    let (technical, generic) = (has(TaskKind::Technisch), has(TaskKind::Generiek));
    let (nl, en) = match (technical, generic) {
        (true, true) => {
            return Some(ctx.finding(
                RuleId::Competentieniveaus,
                Severity::Ok,
                Tr::new(
                    "huidig en gewenst niveau voor technische en generieke competenties",
                    "current and target levels for technical and generic competences",
                ),
                Vec::new(),
            ));
        }
        (false, true) => ("een technische taak", "a technical task"),
        (true, false) => ("een generieke taak", "a generic task"),
        (false, false) => (
            "een technische en een generieke taak",
            "a technical and a generic task",
        ),
    };
    Some(ctx.finding(
        RuleId::Competentieniveaus,
        Severity::Tekort,
        Tr::new(
            format!(
                "de teammatrix heeft geen huidig én gewenst niveau voor {nl}: schrijf het gewenste niveau achter het huidige in de matrix (`1>2`), of koppel een doel aan de taak (kolom `Taak` in `Doelen`)"
            ),
            format!(
                "the teammatrix has no current and target level for {en}: write the target after the current level in the matrix (`1>2`), or tie a goal to the task (column `Task` in `Goals`)"
            ),
        ),
        Vec::new(),
    ))
}

/// `competentieniveaus`, the loop closed: a goal tied to a task that was reached
/// (`behaald`) while the task's level did not rise since the POP conversation the goal was
/// agreed at (the last one on or before its start; its start without one) asks to update the
/// matrix. Only a level known on that day (a dated assessment on or before it) can be
/// compared, so a matrix without dates gets no such finding.
pub(crate) fn matrix_bijwerken(ctx: &Ctx<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for g in &ctx.goals {
        let (Some(crate::model::GoalResult::Behaald), Some(code), Some(start)) =
            (g.result, g.task.as_deref(), g.start())
        else {
            continue;
        };
        let since = ctx
            .pops
            .iter()
            .rev()
            .find(|c| c.date <= start)
            .map_or(start, |c| c.date);
        let Some(then) = ctx
            .dated
            .iter()
            .rev()
            .find(|a| a.task == code && a.date.is_some_and(|d| d <= since))
            .and_then(|a| a.level)
        else {
            continue;
        };
        let now = ctx
            .assessed
            .iter()
            .find(|a| a.task == code)
            .and_then(|a| a.level);
        if now.is_some_and(|n| n > then) {
            continue;
        }
        let task = ctx
            .tasks
            .iter()
            .find(|t| t.code == code)
            .map_or(code.to_string(), |t| format!("{} ({code})", t.name));
        let day = format_date(since);
        let level = now.unwrap_or(then);
        out.push(ctx.finding(
            RuleId::Competentieniveaus,
            Severity::Waarschuwing,
            Tr::new(
                format!(
                    "doel {} is behaald, maar het niveau voor {task} is niet gestegen sinds {day} (niveau {level}): werk de teammatrix bij",
                    g.number
                ),
                format!(
                    "goal {} was achieved, but the level for {task} has not risen since {day} (level {level}): update the matrix",
                    g.number
                ),
            ),
            vec![(label("niveau sinds", "level since"), since)],
        ).at(&sheets::DOELEN, g.row, goal::RESULTAAT));
    }
    out
}

/// `ondertekening`: the last POP-gesprek signed by the employee and the supervisor (as of
/// the as-of date), within the signing term when the day of signing is written down.
pub(crate) fn ondertekening(ctx: &Ctx<'_>) -> Option<Finding> {
    let last = ctx.last_pop()?;
    let date = format_date(last.date);
    let (employee, supervisor) = (
        last.signed_employee.as_of(ctx.as_of),
        last.signed_supervisor.as_of(ctx.as_of),
    );
    let mut dates = vec![(
        label("laatste POP-gesprek", "last POP conversation"),
        last.date,
    )];
    let who = [
        (
            employee,
            label("getekend door de medewerker", "signed by the employee"),
        ),
        (
            supervisor,
            label(
                "getekend door de leidinggevende",
                "signed by the supervisor",
            ),
        ),
    ];
    dates.extend(who.iter().filter_map(|(s, l)| Some((l.clone(), s.date()?))));
    let (nl, en) = match (employee != Signed::No, supervisor != Signed::No) {
        (true, true) => {
            let term = ctx.rules.signing_days;
            let late = [employee, supervisor]
                .into_iter()
                .filter_map(Signed::date)
                .filter(|d| (*d - last.date).num_days() > i64::from(term))
                .max();
            // The column of the later signature.
            let signing_column = if supervisor.date() > employee.date() {
                conv::GETEKEND_LG
            } else {
                conv::GETEKEND_MW
            };
            return Some(match late {
                None => ctx.finding(
                    RuleId::Ondertekening,
                    Severity::Ok,
                    Tr::new(
                        format!("POP van {date} getekend door medewerker en leidinggevende"),
                        format!("POP of {date} signed by employee and supervisor"),
                    ),
                    dates,
                ),
                Some(d) => {
                    let days = (d - last.date).num_days();
                    let d = format_date(d);
                    ctx.finding(
                        RuleId::Ondertekening,
                        Severity::Waarschuwing,
                        Tr::new(
                            format!(
                                "het POP van {date} is pas op {d} getekend, {days} dagen na het gesprek (termijn: {term} dagen)"
                            ),
                            format!(
                                "the POP of {date} was signed only on {d}, {days} days after the conversation (term: {term} days)"
                            ),
                        ),
                        dates,
                    )
                    .at(&sheets::GESPREKKEN, last.row, signing_column)
                }
            });
        }
        (false, true) => ("de medewerker", "the employee"),
        (true, false) => ("de leidinggevende", "the supervisor"),
        (false, false) => (
            "de medewerker en de leidinggevende",
            "the employee and the supervisor",
        ),
    };
    // The first column without a signature.
    let unsigned = if employee == Signed::No {
        conv::GETEKEND_MW
    } else {
        conv::GETEKEND_LG
    };
    Some(
        ctx.finding(
            RuleId::Ondertekening,
            Severity::Tekort,
            Tr::new(
                format!("het POP van {date} is niet getekend door {nl}"),
                format!("the POP of {date} is not signed by {en}"),
            ),
            dates,
        )
        .at(&sheets::GESPREKKEN, last.row, unsigned),
    )
}

/// `opvolging`: each action of the current POP past its deadline is done, stopped or
/// evaluated; one warning per action that is not.
pub(crate) fn opvolging(ctx: &Ctx<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for g in ctx.current_goals() {
        for a in &g.actions {
            let Some(deadline) = a.deadline else { continue };
            let closed = matches!(a.status, Some(Status::Afgerond | Status::Gestopt));
            if deadline >= ctx.as_of || closed || a.evaluation.is_some() {
                continue;
            }
            let what = a.text.as_deref().unwrap_or("");
            let (snl, sen) = match a.status {
                Some(Status::Gepland) => ("status gepland", "status planned"),
                Some(Status::Bezig) => ("status bezig", "status in progress"),
                Some(Status::Uitgesteld) => ("status uitgesteld", "status postponed"),
                _ => ("zonder status", "without status"),
            };
            let d = format_date(deadline);
            out.push(
                ctx.finding(
                    RuleId::Opvolging,
                    Severity::Waarschuwing,
                    Tr::new(
                        format!(
                            "actie `{what}` (doel {}) had deadline {d}, {snl}, zonder evaluatie",
                            g.number
                        ),
                        format!(
                            "action `{what}` (goal {}) had deadline {d}, {sen}, without evaluation",
                            g.number
                        ),
                    ),
                    vec![(label("deadline", "deadline"), deadline)],
                )
                .at(&sheets::DOELEN, a.row, goal::STATUS),
            );
        }
    }
    if out.is_empty() {
        out.push(ctx.finding(
            RuleId::Opvolging,
            Severity::Ok,
            Tr::new(
                "geen acties over hun deadline zonder opvolging",
                "no actions past their deadline without follow-up",
            ),
            Vec::new(),
        ));
    }
    out
}

/// `wop-evaluatie`: the VDAB evaluation of the work-support package, due some years after
/// its start, with a warning ahead. Without a WOP start, a note says it was not checked.
pub(crate) fn wop_evaluatie(ctx: &Ctx<'_>) -> Option<Finding> {
    let Some(start) = ctx.e.wop_start else {
        return Some(ctx.finding(
            RuleId::WopEvaluatie,
            Severity::Opmerking,
            Tr::new(
                "`WOP-start` is leeg: WOP-evaluatie niet gecontroleerd (vul de start in als er een werkondersteuningspakket is)",
                "`WOP start` is empty: WOP evaluation not checked (fill in the start if there is a work-support package)",
            ),
            Vec::new(),
        ).at(&sheets::MEDEWERKERS, ctx.e.row, emp::WOP_START));
    };
    let due = wop_due(start, ctx.rules);
    let severity = deadline_severity(
        ctx.as_of,
        due,
        sub_months(due, ctx.rules.wop_warning_months),
    );
    let (s, d) = (format_date(start), format_date(due));
    let message = match severity {
        Severity::Tekort => Tr::new(
            format!(
                "de WOP-evaluatie door VDAB was gepland op {d} (WOP-start {s}): vul na de evaluatie de nieuwe WOP-start in"
            ),
            format!(
                "the WOP evaluation by VDAB was due on {d} (WOP start {s}): fill in the new WOP start after the evaluation"
            ),
        ),
        Severity::Waarschuwing => Tr::new(
            format!(
                "de WOP-evaluatie door VDAB komt eraan op {d} (WOP-start {s}): zorg voor een recent POP"
            ),
            format!(
                "the WOP evaluation by VDAB is due on {d} (WOP start {s}): make sure the POP is recent"
            ),
        ),
        _ => Tr::new(
            format!("WOP-evaluatie op {d}"),
            format!("WOP evaluation on {d}"),
        ),
    };
    Some(
        ctx.finding(
            RuleId::WopEvaluatie,
            severity,
            message,
            vec![
                (label("WOP-start", "WOP start"), start),
                (label("WOP-evaluatie", "WOP evaluation"), due),
            ],
        )
        .at(&sheets::MEDEWERKERS, ctx.e.row, emp::WOP_START),
    )
}

/// `lde-traject`: an LDE track ends some years after its start (`Trajectstart`, not the hire
/// date); a warning ahead, a shortfall after. A track that starts on or after 1 July 2023,
/// when LDE stopped recognising new tracks, is flagged; without a start, a note.
pub(crate) fn lde_traject(ctx: &Ctx<'_>) -> Vec<Finding> {
    let Some(start) = ctx.e.track_start else {
        return vec![ctx.finding(
            RuleId::LdeTraject,
            Severity::Opmerking,
            Tr::new(
                "`Trajectstart` is leeg: het einde van het inschakelingstraject is niet berekend (de datum in dienst is niet de start van het traject)",
                "`Track start` (`Trajectstart`) is empty: the end of the LDE track was not worked out (the hire date is not the start of the track)",
            ),
            Vec::new(),
        ).at(&sheets::MEDEWERKERS, ctx.e.row, emp::TRAJECTSTART)];
    };
    let mut out = Vec::new();
    let s = format_date(start);
    if start >= LDE_CLOSED {
        out.push(ctx.finding(
            RuleId::LdeTraject,
            Severity::Waarschuwing,
            Tr::new(
                format!(
                    "het inschakelingstraject start op {s}, op of na 1 juli 2023: sindsdien erkent de lokale diensteneconomie geen nieuwe trajecten; kijk de trajectstart of het regime na"
                ),
                format!(
                    "the LDE track starts on {s}, on or after 1 July 2023: since then the local service economy recognises no new tracks; check the track start or the regime"
                ),
            ),
            vec![(label("trajectstart", "track start"), start)],
        ).at(&sheets::MEDEWERKERS, ctx.e.row, emp::TRAJECTSTART));
    }
    let end = lde_track_end(start, ctx.rules);
    let severity = deadline_severity(
        ctx.as_of,
        end,
        sub_months(end, ctx.rules.lde_warning_months),
    );
    let x = format_date(end);
    let message = match severity {
        Severity::Tekort => Tr::new(
            format!(
                "het inschakelingstraject liep af op {x} (start {s}): evaluatie door VDAB en doorstroom nodig"
            ),
            format!(
                "the LDE track ended on {x} (start {s}): VDAB evaluation and transition needed"
            ),
        ),
        Severity::Waarschuwing => Tr::new(
            format!("het inschakelingstraject loopt af op {x} (start {s}): plan de doorstroom"),
            format!("the LDE track ends on {x} (start {s}): plan the transition"),
        ),
        _ => Tr::new(
            format!("inschakelingstraject loopt tot {x}"),
            format!("LDE track runs until {x}"),
        ),
    };
    out.push(ctx.finding(
        RuleId::LdeTraject,
        severity,
        message,
        vec![
            (label("trajectstart", "track start"), start),
            (label("einde traject", "end of track"), end),
        ],
    ));
    out
}

/// `lde-evaluatie`: the yearly evaluation on the basis of the POP: a POP-gesprek or an
/// evaluation conversation at least every period, counted from the track start (or hire)
/// when there has been none yet.
pub(crate) fn lde_evaluatie(ctx: &Ctx<'_>) -> Option<Finding> {
    let last = ctx.last_lde_evaluation();
    let from = last.or(ctx.e.track_start).or(ctx.e.hired)?;
    let months = ctx.rules.lde_evaluation_months;
    let due = add_months(from, months);
    let severity = deadline_severity(ctx.as_of, due, sub_days(due, ctx.rules.warning_days));
    let d = format_date(due);
    let mut dates = vec![(label("evaluatie uiterlijk", "evaluation due"), due)];
    if let Some(l) = last {
        dates.insert(
            0,
            (
                label(
                    "laatste POP- of evaluatiegesprek",
                    "last POP or evaluation conversation",
                ),
                l,
            ),
        );
    }
    let since = match last {
        Some(l) => (
            format!("laatste POP- of evaluatiegesprek {}", format_date(l)),
            format!("last POP or evaluation conversation {}", format_date(l)),
        ),
        None => (
            "nog geen evaluatie".to_string(),
            "no evaluation yet".to_string(),
        ),
    };
    let message = match severity {
        Severity::Tekort => Tr::new(
            format!("de jaarlijkse evaluatie was nodig tegen {d} ({})", since.0),
            format!("the yearly evaluation was due by {d} ({})", since.1),
        ),
        Severity::Waarschuwing => Tr::new(
            format!("plan de jaarlijkse evaluatie tegen {d} ({})", since.0),
            format!("plan the yearly evaluation by {d} ({})", since.1),
        ),
        _ => Tr::new(
            format!("volgende evaluatie tegen {d} ({})", since.0),
            format!("next evaluation by {d} ({})", since.1),
        ),
    };
    Some(ctx.finding(RuleId::LdeEvaluatie, severity, message, dates))
}

/// `lde-doorstroom`: the current POP of an LDE track holds transition actions: the actions
/// (not `gestopt`) of goals with `Herkomst` `doorstroom`. Checked once there is a POP.
pub(crate) fn lde_doorstroom(ctx: &Ctx<'_>) -> Option<Finding> {
    let last = ctx.last_pop()?;
    let count = ctx
        .current_goals()
        .filter(|g| g.origin == Some(GoalOrigin::Doorstroom))
        .flat_map(|g| &g.actions)
        .filter(|a| a.status != Some(Status::Gestopt))
        .count() as u32;
    let dates = vec![(
        label("laatste POP-gesprek", "last POP conversation"),
        last.date,
    )];
    Some(if count > 0 {
        ctx.finding(
            RuleId::LdeDoorstroom,
            Severity::Ok,
            Tr::new(
                format!(
                    "{} in het huidige POP",
                    plural(count, "doorstroomactie", "doorstroomacties")
                ),
                format!(
                    "{} in the current POP",
                    plural(count, "transition action", "transition actions")
                ),
            ),
            dates,
        )
    } else {
        ctx.finding(
            RuleId::LdeDoorstroom,
            Severity::Waarschuwing,
            Tr::new(
                "het huidige POP heeft geen doorstroomactie: een doel met Herkomst `doorstroom` en een actie hoort in het POP van een inschakelingstraject",
                "the current POP has no transition action: a goal with Origin `doorstroom` and an action belongs in the POP of an LDE track",
            ),
            dates,
        )
    })
}

/// The coaching a quarter asks for and has, counted on its last day.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NormCount {
    /// The quarter's last day.
    pub day: NaiveDate,
    /// Coach FTE of the coaches active that day.
    pub coaches: f64,
    /// Σ FTE / norm over target-group employees in service that day.
    pub required: f64,
    /// Target-group employees counted.
    pub counted: usize,
    /// Target-group employees left out for lack of a support level.
    pub without_level: usize,
}

impl NormCount {
    /// Whether the coaches fall short of the norm.
    pub fn short(&self) -> bool {
        self.coaches + 1e-9 < self.required
    }

    /// How the count weighs on `as_of`: a shortfall in a quarter that ends after it is a
    /// forecast, so a warning.
    pub fn severity(&self, as_of: NaiveDate) -> Severity {
        match (self.short(), self.day > as_of) {
            (false, _) => Severity::Ok,
            (true, true) => Severity::Waarschuwing,
            (true, false) => Severity::Tekort,
        }
    }
}

/// Counts the coaching norm on `day`. A missing FTE counts as full time, the safe side.
pub fn norm_on(wb: &Workbook, rules: &Thresholds, day: NaiveDate) -> NormCount {
    let coaches = wb
        .coaches
        .iter()
        .filter(|c| c.from.is_none_or(|f| f <= day) && c.until.is_none_or(|u| u >= day))
        .map(|c| c.fte)
        .sum();
    let mut required = 0.0;
    let (mut counted, mut without_level) = (0, 0);
    for e in wb
        .employees
        .iter()
        .filter(|e| e.target_group == Some(true) && e.in_service_on(day))
    {
        let norm = match e.support {
            Some(SupportLevel::Laag) => rules.norm_laag,
            Some(SupportLevel::Midden) => rules.norm_midden,
            Some(SupportLevel::Hoog) => rules.norm_hoog,
            None => {
                without_level += 1;
                continue;
            }
        };
        counted += 1;
        required += e.fte.unwrap_or(1.0) / norm;
    }
    NormCount {
        day,
        coaches,
        required,
        counted,
        without_level,
    }
}

/// A number with two decimals: a decimal comma in Dutch (`1,21`), a point in English.
fn fte(n: f64, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("{n:.2}").replace('.', ","),
        Lang::En => format!("{n:.2}"),
    }
}

/// `begeleidingsnorm`: per quarter overlapping the period, coach FTE against the norm on the
/// quarter's last day. A quarter that ends after `as_of` is a forecast from the hires and
/// departures in the workbook, so its shortfall is a warning.
pub(crate) fn begeleidingsnorm(
    wb: &Workbook,
    rules: &Thresholds,
    as_of: NaiveDate,
    period: Period,
) -> Vec<Finding> {
    if wb.coaches.is_empty() {
        return vec![org_finding(
            RuleId::Begeleidingsnorm,
            Severity::Opmerking,
            Tr::new(
                "begeleidingsnorm niet gecontroleerd: het blad `Begeleiders` ontbreekt of is leeg",
                "coaching norm not checked: the sheet `Coaches` (`Begeleiders`) is missing or empty",
            ),
            Vec::new(),
        )];
    }
    let mut out = Vec::new();
    for q in period.quarters() {
        let n = norm_on(wb, rules, quarter_end(q));
        let forecast = n.day > as_of;
        let short = n.short();
        let severity = n.severity(as_of);
        let day = format_date(n.day);
        let (when_nl, when_en) = if forecast {
            (format!("verwacht op {day}"), format!("expected on {day}"))
        } else {
            (format!("op {day}"), format!("on {day}"))
        };
        let (cmp_nl, cmp_en) = if short {
            ("te weinig", "too little")
        } else {
            ("genoeg", "enough")
        };
        let mut nl = format!(
            "kwartaal {}/{} {when_nl}: {} VTE begeleiders, {} VTE nodig voor {} — {cmp_nl}",
            q.1,
            q.0,
            fte(n.coaches, Lang::Nl),
            fte(n.required, Lang::Nl),
            plural(
                n.counted as u32,
                "doelgroepwerknemer",
                "doelgroepwerknemers"
            ),
        );
        let mut en = format!(
            "quarter {}/{} {when_en}: {} coach FTE, {} FTE needed for {} — {cmp_en}",
            q.1,
            q.0,
            fte(n.coaches, Lang::En),
            fte(n.required, Lang::En),
            plural(
                n.counted as u32,
                "target-group employee",
                "target-group employees"
            ),
        );
        if n.without_level > 0 {
            nl.push_str(&format!(
                " ({} zonder begeleidingsgraad niet meegeteld)",
                n.without_level
            ));
            en.push_str(&format!(
                " ({} without a support level not counted)",
                n.without_level
            ));
        }
        out.push(org_finding(
            RuleId::Begeleidingsnorm,
            severity,
            Tr::new(nl, en),
            vec![(label("einde kwartaal", "end of quarter"), n.day)],
        ));
    }
    out
}
