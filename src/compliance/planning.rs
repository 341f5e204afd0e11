//! The planning: which conversation, evaluation or action falls due for whom in the coming
//! months, with the rule behind each entry, per supervisor. `planning.pdf` prints it to hang
//! on the wall, `popdruk check --planning` lists it.
//!
//! The dates are those the rules judge (see the rule functions in the parent module): a POP
//! is due at the last one plus its validity, or for someone without one at hire plus the
//! deadline; a follow-up talk on the day planned at the last conversation; the WOP
//! evaluation years after the WOP start; the LDE evaluation a period after the last one; an
//! LDE track ends years after its own start (`Trajectstart`); an action at its deadline.
//! What fell due before the as-of day and was not done is listed too, as overdue.

use chrono::NaiveDate;

use super::{Ctx, RuleId, Thresholds, add_months, subjects};
use crate::i18n::Tr;
use crate::model::{Index, Regime, Status};

/// What falls due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Occasion {
    /// The first POP conversation after hire.
    FirstPop,
    /// A new POP conversation: the last one's validity runs out.
    PopRenewal,
    /// The talk planned at the last conversation.
    FollowUp,
    /// The WOP evaluation by VDAB.
    WopEvaluation,
    /// The yearly LDE evaluation.
    LdeEvaluation,
    /// The end of an LDE track: evaluation and transition.
    LdeTrackEnd,
    /// An action's deadline.
    Action,
}

impl Occasion {
    /// In words, as the planning prints it.
    pub fn words(self) -> Tr {
        match self {
            Occasion::FirstPop => Tr::new("eerste POP-gesprek", "first POP conversation"),
            Occasion::PopRenewal => Tr::new("POP vernieuwen", "POP renewal"),
            Occasion::FollowUp => Tr::new("opvolgingsgesprek", "follow-up talk"),
            Occasion::WopEvaluation => Tr::new("WOP-evaluatie (VDAB)", "WOP evaluation (VDAB)"),
            Occasion::LdeEvaluation => Tr::new("LDE-evaluatie", "LDE evaluation"),
            Occasion::LdeTrackEnd => Tr::new(
                "einde LDE-traject: doorstroom",
                "end of LDE track: transition",
            ),
            Occasion::Action => Tr::new("actie vervalt", "action due"),
        }
    }
}

/// One entry of the planning.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The employee's ID.
    pub employee: String,
    /// `Voornaam Achternaam`.
    pub name: String,
    /// The employee's team.
    pub team: String,
    /// The supervisor who plans it (`Leidinggevende`), when filled in.
    pub supervisor: Option<String>,
    /// The day it falls due.
    pub date: NaiveDate,
    /// What falls due.
    pub occasion: Occasion,
    /// The rule that asks for it.
    pub rule: RuleId,
    /// For an action, its text and goal (`Veiligheidsopleiding (doel 2)`).
    pub detail: Option<Tr>,
}

impl Entry {
    /// Whether it fell due before `as_of` (and was not done).
    pub fn overdue(&self, as_of: NaiveDate) -> bool {
        self.date < as_of
    }
}

/// Everything that falls due on or before `until` for the employees in service on `as_of`
/// (overdue included), sorted by supervisor (those without one last), date, name.
pub fn planning(
    idx: &Index<'_>,
    rules: &Thresholds,
    as_of: NaiveDate,
    until: NaiveDate,
) -> Vec<Entry> {
    let wb = idx.workbook();
    let regime = wb.organisation.regime.unwrap_or(Regime::CollectiefMaatwerk);
    let mut out = Vec::new();
    for e in subjects(wb, as_of) {
        let ctx = Ctx::new(idx, e, rules, as_of);
        let mut add = |date: NaiveDate, occasion: Occasion, rule: RuleId, detail: Option<Tr>| {
            if date <= until {
                out.push(Entry {
                    employee: e.id.clone(),
                    name: e.full_name(),
                    team: e.team.clone(),
                    supervisor: e.supervisor.clone().filter(|s| !s.trim().is_empty()),
                    date,
                    occasion,
                    rule,
                    detail,
                });
            }
        };
        // The POP, for target-group employees, where the regime asks for one.
        if regime != Regime::IndividueelMaatwerk && e.target_group == Some(true) {
            // The day `overview` gives the dossier: the last POP plus its validity, or the
            // first POP's deadline after hire.
            let o = super::overview(idx, rules, as_of, e);
            if let Some(due) = o.next_due {
                let (occasion, rule) = match o.last_pop {
                    Some(_) => (Occasion::PopRenewal, RuleId::PopGeldigheid),
                    None => (Occasion::FirstPop, RuleId::PopTermijn),
                };
                add(due, occasion, rule, None);
            }
        }
        // The talk planned at the last conversation held.
        if let Some(next) = super::next_planned(ctx.conversations, as_of) {
            add(next, Occasion::FollowUp, RuleId::Opvolging, None);
        }
        if let Some(start) = e.wop_start {
            add(
                super::wop_due(start, rules),
                Occasion::WopEvaluation,
                RuleId::WopEvaluatie,
                None,
            );
        }
        if regime == Regime::LokaleDiensteneconomie {
            // As `lde-evaluatie` and `lde-traject` count: from the last evaluation or POP
            // conversation, else the track start (or hire); the track ends years after its
            // own start, not after hire.
            let last = ctx.last_lde_evaluation();
            if let Some(from) = last.or(e.track_start).or(e.hired) {
                add(
                    add_months(from, rules.lde_evaluation_months),
                    Occasion::LdeEvaluation,
                    RuleId::LdeEvaluatie,
                    None,
                );
            }
            if let Some(start) = e.track_start {
                add(
                    super::lde_track_end(start, rules),
                    Occasion::LdeTrackEnd,
                    RuleId::LdeTraject,
                    None,
                );
            }
        }
        // The actions of the current POP still open at their deadline.
        for g in ctx.current_goals() {
            for a in &g.actions {
                let Some(deadline) = a.deadline else { continue };
                let closed = matches!(a.status, Some(Status::Afgerond | Status::Gestopt));
                if closed || a.evaluation.is_some() {
                    continue;
                }
                let text = a.text.as_deref().unwrap_or("").trim();
                let n = g.number;
                let detail = Tr::new(format!("{text} (doel {n})"), format!("{text} (goal {n})"));
                add(deadline, Occasion::Action, RuleId::Opvolging, Some(detail));
            }
        }
    }
    out.sort_by(|a, b| {
        (
            a.supervisor.is_none(),
            &a.supervisor,
            a.date,
            &a.name,
            a.occasion,
        )
            .cmp(&(
                b.supervisor.is_none(),
                &b.supervisor,
                b.date,
                &b.name,
                b.occasion,
            ))
    });
    out
}
