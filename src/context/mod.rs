//! The template context: what a document template can print, ready-formatted.
//!
//! Built from the validated model and the analysis for one employee (or one blank form),
//! with Belgian dates (`17/02/2026`, `17 februari 2026`), decimal commas and translated
//! labels. Missing values are empty strings, so a template never prints `None` or a
//! made-up date, and can test any value with `{% if … %}`. Documented in
//! `docs/templates.md`; every field there is a field here.

pub mod dossier;
pub mod overzicht;
pub mod planning;
pub mod team;

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::analysis;
use crate::format::{MONTHS_EN, MONTHS_NL, capitalise};
use crate::i18n::Lang;
use crate::model::{
    Action, ConversationKind, Employee, FollowUp, Goal, GoalResult, Origin, Regime, Signed, Status,
    Workbook,
};

/// The translated labels of one language, by key.
pub type Labels = BTreeMap<String, String>;

/// A date in every form a template may want; all empty when the date is unknown.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct DateText {
    /// `2026-02-17`.
    pub iso: String,
    /// `17/02/2026`, for forms and tables.
    pub short: String,
    /// `17 februari 2026`, for running text.
    pub long: String,
}

/// Formats a date for templates (all empty for `None`).
pub fn date_text(d: Option<NaiveDate>, lang: Lang) -> DateText {
    let Some(d) = d else {
        return DateText::default();
    };
    let month = match lang {
        Lang::Nl => MONTHS_NL[d.month0() as usize].to_string(),
        Lang::En => capitalise(MONTHS_EN[d.month0() as usize]),
    };
    DateText {
        iso: d.format("%Y-%m-%d").to_string(),
        short: format!("{:02}/{:02}/{}", d.day(), d.month(), d.year()),
        long: format!("{} {month} {}", d.day(), d.year()),
    }
}

/// Formats a number with a decimal comma in Dutch (`0,8`) and a point in English.
pub fn number_text(n: Option<f64>, lang: Lang) -> String {
    let Some(n) = n else { return String::new() };
    let s = if n.fract() == 0.0 {
        format!("{}", n as i64)
    } else {
        let s = format!("{n:.2}");
        s.trim_end_matches('0').to_string()
    };
    match lang {
        Lang::Nl => s.replace('.', ","),
        Lang::En => s,
    }
}

/// The organisation, as documents print it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OrgText {
    /// Name.
    pub name: String,
    /// `0123.456.749`.
    pub enterprise_number: String,
    /// Street and number.
    pub address: String,
    /// Municipality.
    pub city: String,
    /// The regime in words (`collectief maatwerk`).
    pub regime: String,
    /// Whether a logo was given (print it with `<image src="logo" …/>`).
    pub logo: bool,
}

/// An employee, as documents print them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EmployeeText {
    /// ID.
    pub id: String,
    /// First name, as written.
    pub first_name: String,
    /// Last name, as written.
    pub last_name: String,
    /// `Voornaam Achternaam`.
    pub full_name: String,
    /// Job title.
    pub function: String,
    /// Team.
    pub team: String,
    /// Hire date.
    pub hired: DateText,
    /// Leave date.
    pub left: DateText,
    /// Supervisor.
    pub supervisor: String,
    /// Coach.
    pub coach: String,
    /// FTE with a decimal comma (`0,8`).
    pub fte: String,
    /// Career goal.
    pub career_goal: String,
    /// Strengths.
    pub strengths: String,
    /// Areas to improve.
    pub improvements: String,
    /// Interests.
    pub interests: String,
}

/// One task of the employee's row of the teammatrix.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MatrixRow {
    /// Task code.
    pub code: String,
    /// Task name.
    pub task: String,
    /// Cluster.
    pub cluster: String,
    /// `technisch` or `generiek`.
    pub kind: String,
    /// Level 0–3, or empty when not assessed.
    pub level: String,
    /// The level on the previous POP conversation (`previous_pop`): the latest dated
    /// assessment on or before it; empty when the matrix has none.
    pub previous: String,
    /// Target level, or empty.
    pub target: String,
    /// Wil leren.
    pub wants_to_learn: bool,
    /// Doet graag.
    pub likes: bool,
    /// Niet inzetbaar (never with a reason).
    pub not_deployable: bool,
    /// The team needs this task and the employee wants to learn it.
    pub needed: bool,
}

/// A team need that matches the employee's wishes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NeedText {
    /// Task code.
    pub code: String,
    /// Task name.
    pub task: String,
    /// Why the team needs it.
    pub reason: String,
    /// By when.
    pub deadline: DateText,
    /// The sentence to print ("Het team zoekt mensen voor …").
    pub message: String,
}

/// An action towards a goal.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActionText {
    /// What.
    pub text: String,
    /// How, with what support.
    pub support: String,
    /// Who.
    pub responsible: String,
    /// Start.
    pub start: DateText,
    /// By when.
    pub deadline: DateText,
    /// Follow-up: a date (`17/02/2026`) or words (`maandelijks`).
    pub follow_up: String,
    /// Status in words.
    pub status: String,
    /// Evaluation.
    pub evaluation: String,
}

/// A development goal with its actions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoalText {
    /// Goal number.
    pub number: u32,
    /// The goal.
    pub text: String,
    /// Name of the task it develops.
    pub task: String,
    /// Origin in words.
    pub origin: String,
    /// Result in words.
    pub result: String,
    /// Raw result: `behaald`, `deels_behaald`, `niet_behaald` or empty.
    pub result_key: String,
    /// Whether every action is done or stopped.
    pub finished: bool,
    /// Actions in sheet order.
    pub actions: Vec<ActionText>,
}

/// One agreement line of the afsprakenformulier: an open action.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Agreement {
    /// Running number.
    pub nr: usize,
    /// The goal's number.
    pub goal: u32,
    /// What is agreed.
    pub text: String,
    /// Who.
    pub who: String,
    /// Support.
    pub support: String,
    /// By when.
    pub deadline: DateText,
    /// Follow-up.
    pub follow_up: String,
}

/// A conversation held.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConversationText {
    /// Date.
    pub date: DateText,
    /// Kind in words.
    pub kind: String,
    /// Raw kind: `pop_gesprek`, `opvolging`, `evaluatie`, `doorstroom`.
    pub kind_key: String,
    /// Participants.
    pub participants: String,
    /// Notes.
    pub notes: String,
    /// Signed by the employee.
    pub signed_employee: bool,
    /// Signed by the supervisor.
    pub signed_supervisor: bool,
    /// Who signed, in words, with the day when written down (`ja, beiden (30/10/2026)`).
    pub signed: String,
    /// Next conversation.
    pub next: DateText,
}

/// Everything an employee's document template can print.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EmployeeContext {
    /// `nl` or `en`.
    pub lang: &'static str,
    /// Translated labels (`t.pop_title`).
    pub t: Labels,
    /// The print date (`--date`).
    pub today: DateText,
    /// The POP's period: from.
    pub period_from: DateText,
    /// The POP's period: until.
    pub period_to: DateText,
    /// The organisation.
    pub org: OrgText,
    /// The employee; for a blank form every field is empty.
    pub employee: EmployeeText,
    /// Whether this is a blank form (no employee data).
    pub blank: bool,
    /// The employee's row of the teammatrix: the team's tasks.
    pub matrix: Vec<MatrixRow>,
    /// Team needs matching the employee's wishes.
    pub needs: Vec<NeedText>,
    /// Goals, by number.
    pub goals: Vec<GoalText>,
    /// Open actions, numbered.
    pub agreements: Vec<Agreement>,
    /// Conversations, oldest first.
    pub conversations: Vec<ConversationText>,
    /// Follow-up conversations, oldest first.
    pub follow_ups: Vec<ConversationText>,
    /// The last conversation on or before today.
    pub last_conversation: Option<ConversationText>,
    /// The POP conversation before this POP (the last one before `period_from`):
    /// `matrix[].previous` is the level on that day; empty when the matrix has none of then.
    pub previous_pop: DateText,
    /// The next planned conversation.
    pub next_meeting: DateText,
    /// "Opgemaakt te Gent op 29 november 2026."
    pub drawn_up: String,
    /// "Opgemaakt te Gent op 29 november 2026 in twee exemplaren."
    pub drawn_up_twice: String,
}

pub(crate) fn label(t: &Labels, key: &str) -> String {
    t.get(key).cloned().unwrap_or_default()
}

pub(crate) fn text(s: &Option<String>) -> String {
    s.clone().unwrap_or_default()
}

/// A translated label with `{name}` placeholders filled in.
pub(crate) fn fill(t: &Labels, key: &str, args: &[(&str, &str)]) -> String {
    args.iter()
        .fold(label(t, key), |s, (k, v)| s.replace(&format!("{{{k}}}"), v))
}

pub(crate) fn org_text(wb: &Workbook, t: &Labels) -> OrgText {
    let o = &wb.organisation;
    OrgText {
        name: o.name.clone(),
        enterprise_number: text(&o.enterprise_number),
        address: text(&o.address),
        city: text(&o.city),
        regime: o
            .regime
            .map(|r: Regime| label(t, &format!("regime_{}", r.key())))
            .unwrap_or_default(),
        logo: false,
    }
}

pub(crate) fn employee_text(e: &Employee, lang: Lang) -> EmployeeText {
    EmployeeText {
        id: e.id.clone(),
        first_name: e.first_name.clone(),
        last_name: e.last_name.clone(),
        full_name: e.full_name(),
        function: text(&e.function),
        team: e.team.clone(),
        hired: date_text(e.hired, lang),
        left: date_text(e.left, lang),
        supervisor: text(&e.supervisor),
        coach: text(&e.coach),
        fte: number_text(e.fte, lang),
        career_goal: text(&e.career_goal),
        strengths: text(&e.strengths),
        improvements: text(&e.improvements),
        interests: text(&e.interests),
    }
}

fn blank_employee() -> EmployeeText {
    employee_text(&Employee::default(), Lang::Nl)
}

fn finished(a: &Action) -> bool {
    matches!(a.status, Some(Status::Afgerond | Status::Gestopt))
}

fn follow_up_text(f: &Option<FollowUp>, lang: Lang) -> String {
    match f {
        Some(FollowUp::Date(d)) => date_text(Some(*d), lang).short,
        Some(FollowUp::Text(s)) => s.clone(),
        None => String::new(),
    }
}

fn action_text(a: &Action, t: &Labels, lang: Lang) -> ActionText {
    ActionText {
        text: text(&a.text),
        support: text(&a.support),
        responsible: text(&a.responsible),
        start: date_text(a.start, lang),
        deadline: date_text(a.deadline, lang),
        follow_up: follow_up_text(&a.follow_up, lang),
        status: a
            .status
            .map(|s| label(t, &format!("status_{}", s.key())))
            .unwrap_or_default(),
        evaluation: text(&a.evaluation),
    }
}

pub(crate) fn goal_text(g: &Goal, wb: &Workbook, t: &Labels, lang: Lang) -> GoalText {
    let task = g
        .task
        .as_ref()
        .and_then(|c| wb.tasks.iter().find(|t| &t.code == c))
        .map(|t| t.name.clone())
        .unwrap_or_default();
    GoalText {
        number: g.number,
        text: g.text.clone(),
        task,
        origin: g
            .origin
            .map(|o: Origin| label(t, &format!("origin_{}", o.key())))
            .unwrap_or_default(),
        result: g
            .result
            .map(|r: GoalResult| label(t, &format!("result_{}", r.key())))
            .unwrap_or_default(),
        result_key: g.result.map(|r| r.key().to_string()).unwrap_or_default(),
        finished: !g.actions.is_empty() && g.actions.iter().all(finished),
        actions: g.actions.iter().map(|a| action_text(a, t, lang)).collect(),
    }
}

pub(crate) fn conversation_text(
    c: &crate::model::Conversation,
    t: &Labels,
    lang: Lang,
) -> ConversationText {
    ConversationText {
        date: date_text(Some(c.date), lang),
        kind: label(t, &format!("kind_{}", c.kind.key())),
        kind_key: c.kind.key().to_string(),
        participants: text(&c.participants),
        notes: text(&c.notes),
        signed_employee: c.signed_employee != Signed::No,
        signed_supervisor: c.signed_supervisor != Signed::No,
        signed: signed_text(c.signed_employee, c.signed_supervisor, t),
        next: date_text(c.next, lang),
    }
}

/// Who signed, in words (`ja, beiden`, `alleen werknemer`, `nee`), followed by the day the
/// form was complete (or the one signature's day) when written down.
pub(crate) fn signed_text(employee: Signed, supervisor: Signed, t: &Labels) -> String {
    let key = match (employee != Signed::No, supervisor != Signed::No) {
        (true, true) => "signed_both",
        (true, false) => "signed_employee_only",
        (false, true) => "signed_supervisor_only",
        (false, false) => "signed_none",
    };
    let words = label(t, key);
    let day = match (employee.date(), supervisor.date()) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    };
    match day {
        Some(d) => format!("{words} ({})", crate::format::format_date(d)),
        None => words,
    }
}

/// The context of a blank form: organisation and labels only, room to write everywhere.
pub fn blank(wb: &Workbook, t: &Labels, lang: Lang, today: NaiveDate) -> EmployeeContext {
    let org = org_text(wb, t);
    let place = place(&org, t);
    let blank_date = label(t, "place_blank");
    EmployeeContext {
        lang: lang_code(lang),
        t: t.clone(),
        today: date_text(Some(today), lang),
        period_from: DateText::default(),
        period_to: DateText::default(),
        drawn_up: fill(
            t,
            "drawn_up_at",
            &[("place", &place), ("date", &blank_date)],
        ),
        drawn_up_twice: fill(
            t,
            "drawn_up_twice",
            &[("place", &place), ("date", &blank_date)],
        ),
        org,
        employee: blank_employee(),
        blank: true,
        matrix: Vec::new(),
        needs: Vec::new(),
        goals: Vec::new(),
        agreements: Vec::new(),
        conversations: Vec::new(),
        follow_ups: Vec::new(),
        last_conversation: None,
        previous_pop: DateText::default(),
        next_meeting: DateText::default(),
    }
}

/// The place in "Opgemaakt te …": the organisation's city, or dots to fill in.
fn place(org: &OrgText, t: &Labels) -> String {
    if org.city.is_empty() {
        label(t, "place_blank")
    } else {
        org.city.clone()
    }
}

pub(crate) fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "nl",
        Lang::En => "en",
    }
}

/// A task of an employee's matrix row, with the employee's assessment of it.
pub(crate) fn matrix_row(
    task: &crate::model::Task,
    a: Option<&crate::model::Assessment>,
    needed: bool,
) -> MatrixRow {
    MatrixRow {
        code: task.code.clone(),
        task: task.name.clone(),
        cluster: task.cluster.clone().unwrap_or_default(),
        kind: task.kind.key().to_string(),
        level: a
            .and_then(|a| a.level)
            .map(|l| l.to_string())
            .unwrap_or_default(),
        previous: String::new(),
        target: a
            .and_then(|a| a.target)
            .map(|l| l.to_string())
            .unwrap_or_default(),
        wants_to_learn: a.is_some_and(|a| a.wants_to_learn),
        likes: a.is_some_and(|a| a.likes),
        not_deployable: a.is_some_and(|a| a.not_deployable),
        needed,
    }
}

/// The levels the employee's open goals aim at by task code: a goal tied to a task with
/// `(niveau N)` in its text is the desired level the matrix may not hold.
pub(crate) fn goal_levels<'g>(goals: &[&'g Goal]) -> std::collections::HashMap<&'g str, u8> {
    goals
        .iter()
        .filter(|g| g.result.is_none())
        .filter_map(|g| Some((g.task.as_deref()?, g.level()?)))
        .collect()
}

/// A matrix row with the target its goal names, when the matrix has none.
pub(crate) fn with_goal_level(
    mut row: MatrixRow,
    aims: &std::collections::HashMap<&str, u8>,
) -> MatrixRow {
    if row.target.is_empty()
        && let Some(level) = aims.get(row.code.as_str())
    {
        row.target = level.to_string();
    }
    row
}

/// The context of an employee's documents printed on `today` about the state on `as_of`
/// (conversations held, the plan's period, the next talk); `index` holds the workbook's
/// rows by employee; `rules` the thresholds in force, so the form's period is the validity
/// `check` judges.
#[allow(clippy::too_many_arguments)]
pub fn employee<'a>(
    index: &crate::model::Index<'a>,
    cells: &analysis::CellIndex<'a>,
    e: &Employee,
    t: &Labels,
    lang: Lang,
    today: NaiveDate,
    as_of: NaiveDate,
    rules: &crate::compliance::Thresholds,
) -> EmployeeContext {
    let wb = index.workbook();
    let needs = analysis::matching_needs(wb, cells, e);
    let aims = goal_levels(index.goals(&e.id));
    // Oldest first, as the index keeps them.
    let conversations: &[&crate::model::Conversation] = index.conversations(&e.id);
    let mut matrix: Vec<MatrixRow> = wb
        .tasks
        .iter()
        .filter(|task| index.task_teams().includes(task, &e.team))
        .map(|task| {
            let needed = needs.iter().any(|n| n.task.code == task.code);
            with_goal_level(
                matrix_row(task, cells.get(&e.id, &task.code), needed),
                &aims,
            )
        })
        .collect();
    let need_texts = needs
        .iter()
        .map(|n| {
            let deadline = date_text(n.need.deadline, lang);
            let mut message = fill(t, "need_match", &[("task", &n.task.name)]);
            if !deadline.long.is_empty() {
                message.push(' ');
                message.push_str(&fill(t, "need_deadline", &[("date", &deadline.long)]));
            }
            NeedText {
                code: n.task.code.clone(),
                task: n.task.name.clone(),
                reason: text(&n.need.reason),
                deadline,
                message,
            }
        })
        .collect();
    let mut goals: Vec<&Goal> = index.goals(&e.id).to_vec();
    goals.sort_by_key(|g| g.number);
    let agreements = goals
        .iter()
        .flat_map(|g| g.actions.iter().map(move |a| (g, a)))
        .filter(|(_, a)| !finished(a))
        .enumerate()
        .map(|(i, (g, a))| Agreement {
            nr: i + 1,
            goal: g.number,
            text: match &a.text {
                Some(act) => act.clone(),
                None => g.text.clone(),
            },
            who: text(&a.responsible),
            support: text(&a.support),
            deadline: date_text(a.deadline, lang),
            follow_up: follow_up_text(&a.follow_up, lang),
        })
        .collect();
    let last = conversations
        .iter()
        .rev()
        .find(|c| c.date <= as_of)
        .copied();
    let last_pop = conversations
        .iter()
        .rev()
        .find(|c| c.date <= as_of && c.kind == ConversationKind::PopGesprek);
    // The plan runs the POP's validity (`pop_geldigheid_maanden`, as `check` judges it) from
    // its last POP conversation, or from the as-of day for a new one.
    let valid = rules.pop_validity_months;
    let from = last_pop
        .map(|c| c.date)
        .filter(|d| crate::compliance::add_months(*d, valid) > as_of)
        .unwrap_or(as_of);
    let to = crate::compliance::add_months(from, valid)
        .pred_opt()
        .unwrap_or(from);
    // The POP before this one: the last POP conversation before the plan's period starts.
    let previous_pop = conversations
        .iter()
        .rev()
        .find(|c| c.date < from && c.kind == ConversationKind::PopGesprek)
        .map(|c| c.date);
    if let Some(day) = previous_pop {
        for row in &mut matrix {
            if let Some((_, level)) = cells.level_on(&e.id, &row.code, day) {
                row.previous = level.to_string();
            }
        }
    }
    // Named only when the matrix holds a level of then, so the form's note is not empty talk.
    let previous_pop = previous_pop.filter(|_| matrix.iter().any(|r| !r.previous.is_empty()));
    let next = conversations
        .iter()
        .filter_map(|c| c.next)
        .filter(|d| *d >= as_of)
        .min();
    let org = org_text(wb, t);
    let place = place(&org, t);
    let today_text = date_text(Some(today), lang);
    EmployeeContext {
        lang: lang_code(lang),
        t: t.clone(),
        period_from: date_text(Some(from), lang),
        period_to: date_text(Some(to), lang),
        drawn_up: fill(
            t,
            "drawn_up_at",
            &[("place", &place), ("date", &today_text.long)],
        ),
        drawn_up_twice: fill(
            t,
            "drawn_up_twice",
            &[("place", &place), ("date", &today_text.long)],
        ),
        today: today_text,
        org,
        employee: employee_text(e, lang),
        blank: false,
        matrix,
        needs: need_texts,
        goals: goals.iter().map(|g| goal_text(g, wb, t, lang)).collect(),
        agreements,
        follow_ups: conversations
            .iter()
            .filter(|c| c.kind == ConversationKind::Opvolging)
            .map(|c| conversation_text(c, t, lang))
            .collect(),
        conversations: conversations
            .iter()
            .map(|c| conversation_text(c, t, lang))
            .collect(),
        last_conversation: last.map(|c| conversation_text(c, t, lang)),
        previous_pop: date_text(previous_pop, lang),
        next_meeting: date_text(next, lang),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_come_in_belgian_forms() {
        let d = NaiveDate::from_ymd_opt(2026, 2, 17);
        let nl = date_text(d, Lang::Nl);
        assert_eq!(
            (nl.short.as_str(), nl.long.as_str()),
            ("17/02/2026", "17 februari 2026")
        );
        assert_eq!(date_text(d, Lang::En).long, "17 February 2026");
        assert_eq!(date_text(None, Lang::Nl), DateText::default());
    }

    #[test]
    fn numbers_take_a_decimal_comma_in_dutch() {
        assert_eq!(number_text(Some(0.8), Lang::Nl), "0,8");
        assert_eq!(number_text(Some(0.8), Lang::En), "0.8");
        assert_eq!(number_text(Some(1.0), Lang::Nl), "1");
        assert_eq!(number_text(None, Lang::Nl), "");
    }

    #[test]
    fn labels_fill_their_placeholders() {
        let mut t = Labels::new();
        t.insert("x".into(), "Opgemaakt te {place} op {date}.".into());
        assert_eq!(
            fill(&t, "x", &[("place", "Gent"), ("date", "1 mei 2026")]),
            "Opgemaakt te Gent op 1 mei 2026."
        );
    }
}
