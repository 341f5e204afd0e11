//! The validated domain model of a team workbook, and the validation that builds it.
//!
//! `validate` turns the raw tables of `input` into a [`Workbook`] plus every diagnostic
//! about the data. It does no I/O (a logo's existence is checked by the caller) and knows
//! nothing of documents; analysis and templates start from the [`Workbook`].

pub mod schema;
mod validate;
pub mod value;

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use chrono::NaiveDate;
use serde::Serialize;

pub use validate::{Blocked, Validated, choices, validate};

use crate::diagnostic::{ColumnRef, Location};
use schema::{Column, SheetDef};

/// A hash map keyed by the workbook's IDs, codes and names: aHash, randomly seeded (a
/// crafted workbook cannot make its keys collide), in place of the standard SipHash, which
/// took a tenth of `check` on 10,000 employees. Made with `Map::default()`.
pub(crate) type Map<K, V> = std::collections::HashMap<K, V, ahash::RandomState>;

/// A hash set of the same kind as [`Map`].
pub(crate) type Set<K> = std::collections::HashSet<K, ahash::RandomState>;

/// Unit enums whose snake_case name is the suffix of their label key (`status_bezig`).
macro_rules! keyed {
    ($ty:ident { $($variant:ident => $key:literal),* $(,)? }) => {
        impl $ty {
            /// The value's stable name, as in templates and label keys.
            pub fn key(self) -> &'static str {
                match self {
                    $($ty::$variant => $key),*
                }
            }
        }
    };
}

keyed!(Regime { CollectiefMaatwerk => "collectief_maatwerk", LokaleDiensteneconomie => "lokale_diensteneconomie", IndividueelMaatwerk => "individueel_maatwerk" });
keyed!(SupportLevel { Laag => "laag", Midden => "midden", Hoog => "hoog" });
keyed!(TaskKind { Technisch => "technisch", Generiek => "generiek" });
keyed!(Priority { Hoog => "hoog", Midden => "midden", Laag => "laag" });
keyed!(Origin { Individueel => "individueel", Teambehoefte => "teambehoefte", Doorstroom => "doorstroom" });
keyed!(Status { Gepland => "gepland", Bezig => "bezig", Afgerond => "afgerond", Uitgesteld => "uitgesteld", Gestopt => "gestopt" });
keyed!(GoalResult { Behaald => "behaald", DeelsBehaald => "deels_behaald", NietBehaald => "niet_behaald" });
keyed!(ConversationKind { PopGesprek => "pop_gesprek", Opvolging => "opvolging", Evaluatie => "evaluatie", Doorstroom => "doorstroom" });

/// The organisation the documents are made for.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Organisation {
    /// Its name, printed on every document.
    pub name: String,
    /// Enterprise number formatted `0123.456.789`.
    pub enterprise_number: Option<String>,
    /// Street and number.
    pub address: Option<String>,
    /// Municipality, used in "Opgemaakt te … op …".
    pub city: Option<String>,
    /// The regime the organisation works under.
    pub regime: Option<Regime>,
    /// Path to the logo, relative to the workbook as written.
    pub logo: Option<String>,
    /// The row of the `Organisatie` sheet each field was read from, by its column's Dutch
    /// name (`Naam`, `Adres`…).
    #[serde(skip)]
    pub rows: BTreeMap<&'static str, u32>,
}

/// The legal frame of the target-group employment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Regime {
    /// Collectief maatwerk (maatwerkbedrijf).
    CollectiefMaatwerk,
    /// Lokale diensteneconomie.
    LokaleDiensteneconomie,
    /// Individueel maatwerk.
    IndividueelMaatwerk,
}

/// How much coaching a target-group employee needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SupportLevel {
    /// Laag: one coach per 13 FTE.
    Laag,
    /// Midden: one coach per 10 FTE.
    Midden,
    /// Hoog: one coach per 7 FTE.
    Hoog,
}

/// An employee, current or former.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Employee {
    /// Unique ID as written.
    pub id: String,
    /// First name, exactly as written.
    pub first_name: String,
    /// Last name, exactly as written.
    pub last_name: String,
    /// Job title.
    pub function: Option<String>,
    /// The employee's team.
    pub team: String,
    /// Date of hire.
    pub hired: Option<NaiveDate>,
    /// Date the employee left.
    pub left: Option<NaiveDate>,
    /// Whether the employee is a doelgroepwerknemer (`None`: not filled in).
    pub target_group: Option<bool>,
    /// Coaching intensity.
    pub support: Option<SupportLevel>,
    /// Start of the work-support package (WOP).
    pub wop_start: Option<NaiveDate>,
    /// Start of the LDE track (inschakelingstraject), never before 1 April 2015.
    pub track_start: Option<NaiveDate>,
    /// Supervisor's name.
    pub supervisor: Option<String>,
    /// Coach's name.
    pub coach: Option<String>,
    /// Full-time equivalent (0–1).
    pub fte: Option<f64>,
    /// Career goal.
    pub career_goal: Option<String>,
    /// Strengths.
    pub strengths: Option<String>,
    /// Areas to improve.
    pub improvements: Option<String>,
    /// Interests.
    pub interests: Option<String>,
    /// The row of the `Medewerkers` sheet (or line of its CSV file) it was read from.
    pub row: u32,
}

impl Employee {
    /// `Voornaam Achternaam`.
    pub fn full_name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
    }

    /// Whether the employee is in service on `day`.
    pub fn in_service_on(&self, day: NaiveDate) -> bool {
        self.hired.is_none_or(|h| h <= day) && self.left.is_none_or(|l| l >= day)
    }
}

/// The day the LDE decree came into force: no LDE track starts before it.
pub const LDE_IN_FORCE: NaiveDate = match NaiveDate::from_ymd_opt(2015, 4, 1) {
    Some(d) => d,
    None => panic!("a valid date"),
};

/// The first day without new LDE recognitions: a track starting on or after it is suspect.
pub const LDE_CLOSED: NaiveDate = match NaiveDate::from_ymd_opt(2023, 7, 1) {
    Some(d) => d,
    None => panic!("a valid date"),
};

/// Whether a task is a technical or a generic competence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskKind {
    /// A technical competence (a trade skill).
    #[default]
    Technisch,
    /// A generic competence (working together, safety…).
    Generiek,
}

/// A task of the teammatrix.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Task {
    /// Unique short code.
    pub code: String,
    /// Name.
    pub name: String,
    /// Group of tasks.
    pub cluster: Option<String>,
    /// Technical or generic.
    pub kind: TaskKind,
    /// How many people must do it at level 2 or more.
    pub required: Option<u32>,
    /// Description.
    pub description: Option<String>,
    /// The one team that needs it (`None`: see [`Workbook::task_teams`]).
    pub team: Option<String>,
    /// The row of the `Taken` sheet it was read from.
    pub row: u32,
}

/// One cell of the teammatrix: an employee's level and markers for one task.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Assessment {
    /// The employee's ID.
    pub employee: String,
    /// The task's code.
    pub task: String,
    /// Level 0–3 (`None`: not assessed).
    pub level: Option<u8>,
    /// Wil leren.
    pub wants_to_learn: bool,
    /// Doet het graag.
    pub likes: bool,
    /// Niet inzetbaar (the reason is never recorded).
    pub not_deployable: bool,
    /// Target level.
    pub target: Option<u8>,
    /// Date of the assessment.
    pub date: Option<NaiveDate>,
}

/// How urgent a team need is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    /// Hoog.
    Hoog,
    /// Midden.
    Midden,
    /// Laag.
    Laag,
}

/// A team's need for more people able to do a task.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TeamNeed {
    /// The team.
    pub team: String,
    /// The task's code.
    pub task: String,
    /// Why.
    pub reason: Option<String>,
    /// Required coverage, overriding the task's own for this team.
    pub required: Option<u32>,
    /// By when.
    pub deadline: Option<NaiveDate>,
    /// How urgent.
    pub priority: Option<Priority>,
    /// The row of the `Teambehoeften` sheet it was read from.
    pub row: u32,
}

/// Where a development goal comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// The employee's own wish.
    Individueel,
    /// A need of the team.
    Teambehoefte,
    /// Transition to the regular labour market.
    Doorstroom,
}

/// The state of an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Planned, not started.
    Gepland,
    /// Under way.
    Bezig,
    /// Done.
    Afgerond,
    /// Postponed.
    Uitgesteld,
    /// Stopped.
    Gestopt,
}

/// The outcome of a goal at evaluation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GoalResult {
    /// Behaald.
    Behaald,
    /// Deels behaald.
    DeelsBehaald,
    /// Niet behaald.
    NietBehaald,
}

/// When or how an action is followed up.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FollowUp {
    /// On a date.
    Date(NaiveDate),
    /// As described (`maandelijks`).
    Text(String),
}

/// An action towards a goal.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Action {
    /// What will be done.
    pub text: Option<String>,
    /// How: training on the job, course, buddy…
    pub support: Option<String>,
    /// Who is responsible.
    pub responsible: Option<String>,
    /// Start date.
    pub start: Option<NaiveDate>,
    /// Deadline.
    pub deadline: Option<NaiveDate>,
    /// Follow-up.
    pub follow_up: Option<FollowUp>,
    /// State.
    pub status: Option<Status>,
    /// Evaluation text.
    pub evaluation: Option<String>,
    /// The row of the `Doelen` sheet it was read from.
    pub row: u32,
}

/// A development goal with its actions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Goal {
    /// The employee's ID.
    pub employee: String,
    /// Goal number for this employee.
    pub number: u32,
    /// The goal.
    pub text: String,
    /// The task this goal develops (code).
    pub task: Option<String>,
    /// Where it comes from.
    pub origin: Option<Origin>,
    /// Outcome at evaluation.
    pub result: Option<GoalResult>,
    /// The actions, in sheet order.
    pub actions: Vec<Action>,
    /// The row of the `Doelen` sheet of the goal's first line (where its text stands).
    pub row: u32,
}

impl Goal {
    /// The level the goal aims at when its text says so: `(niveau 2)` or `(level 2)`, 0–3.
    pub fn level(&self) -> Option<u8> {
        let text = self.text.to_lowercase();
        ["(niveau ", "(level "].iter().find_map(|open| {
            let rest = &text[text.find(open)? + open.len()..];
            let digit = rest.chars().next()?.to_digit(10)?;
            (rest[1..].starts_with(')') && digit <= 3).then_some(digit as u8)
        })
    }

    /// The day the goal was agreed at the latest: its first action's `Start`.
    pub fn start(&self) -> Option<NaiveDate> {
        self.actions.iter().filter_map(|a| a.start).min()
    }
}

/// The kind of a conversation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ConversationKind {
    /// A POP conversation (making or updating the POP).
    PopGesprek,
    /// A follow-up conversation.
    Opvolging,
    /// An evaluation.
    Evaluatie,
    /// A conversation about transition to regular work.
    Doorstroom,
}

/// A conversation held with an employee.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Conversation {
    /// The employee's ID.
    pub employee: String,
    /// When.
    pub date: NaiveDate,
    /// What kind.
    pub kind: ConversationKind,
    /// Who took part.
    pub participants: Option<String>,
    /// Notes.
    pub notes: Option<String>,
    /// Signed by the employee (`ja`, `nee`, or the day it was signed).
    pub signed_employee: Signed,
    /// Signed by the supervisor (`ja`, `nee`, or the day it was signed).
    pub signed_supervisor: Signed,
    /// Date of the next conversation.
    pub next: Option<NaiveDate>,
    /// The row of the `Gesprekken` sheet it was read from.
    pub row: u32,
}

/// Whether a conversation's form was signed: `Getekend …` holds `ja`/`nee`, or the day it
/// was signed (what many supervisors write).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub enum Signed {
    /// Not signed (or the cell is empty).
    #[default]
    No,
    /// Signed, day not written down.
    Yes,
    /// Signed on this day.
    On(NaiveDate),
}

impl Signed {
    /// Whether it was signed on or before `day` (`Yes` counts as signed on any day).
    pub fn by(self, day: NaiveDate) -> bool {
        match self {
            Signed::No => false,
            Signed::Yes => true,
            Signed::On(d) => d <= day,
        }
    }

    /// What was known on `day`: a signature dated after it is not there yet.
    pub fn as_of(self, day: NaiveDate) -> Signed {
        if self.by(day) { self } else { Signed::No }
    }

    /// The day it was signed, when written down.
    pub fn date(self) -> Option<NaiveDate> {
        match self {
            Signed::On(d) => Some(d),
            _ => None,
        }
    }
}

/// A coach counted for the coaching norm.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Coach {
    /// Name.
    pub name: String,
    /// Full-time equivalent.
    pub fte: f64,
    /// Qualification.
    pub qualification: Option<String>,
    /// Employed as coach from.
    pub from: Option<NaiveDate>,
    /// Until.
    pub until: Option<NaiveDate>,
}

/// A rule threshold from the `Instellingen` sheet, kept as written.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Setting {
    /// The setting's name as written.
    pub name: String,
    /// Its value as written.
    pub value: String,
    /// The row it stands on.
    pub row: u32,
}

/// Which form the `Matrix` sheet had.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatrixForm {
    /// One row per employee and task.
    #[default]
    Long,
    /// One row per employee, one column per task.
    Wide,
}

/// Everything read from one workbook, validated.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Workbook {
    /// The organisation.
    pub organisation: Organisation,
    /// Employees in sheet order.
    pub employees: Vec<Employee>,
    /// Tasks in sheet order.
    pub tasks: Vec<Task>,
    /// The teammatrix cells: the current assessment per employee and task (see
    /// [`Workbook::settle`]).
    pub matrix: Vec<Assessment>,
    /// Every assessment as read, earlier dated ones included, in sheet order.
    pub assessments: Vec<Assessment>,
    /// The form the matrix sheet had.
    pub matrix_form: MatrixForm,
    /// Team needs.
    pub team_needs: Vec<TeamNeed>,
    /// Goals in order of first appearance.
    pub goals: Vec<Goal>,
    /// Conversations in sheet order.
    pub conversations: Vec<Conversation>,
    /// Coaches.
    pub coaches: Vec<Coach>,
    /// Settings as written.
    pub settings: Vec<Setting>,
    /// Where each sheet was read, to name the cell a record's value came from.
    #[serde(skip)]
    pub places: Places,
}

impl Workbook {
    /// Puts in `matrix` the current assessment of each employee and task on `as_of`: the
    /// latest one dated on or before it, an undated one counting as the latest (a
    /// single-snapshot matrix has no dates). A pair assessed only after `as_of` has no cell.
    /// Cells keep the order of their pair's first row.
    pub fn settle(&mut self, as_of: NaiveDate) {
        let mut order: Vec<(&str, &str)> = Vec::new();
        let mut current: Map<(&str, &str), Option<&Assessment>> = Map::default();
        let rank = |a: &Assessment| a.date.unwrap_or(NaiveDate::MAX);
        for a in &self.assessments {
            let key = (a.employee.as_str(), a.task.as_str());
            let slot = current.entry(key).or_insert_with(|| {
                order.push(key);
                None
            });
            if a.date.is_some_and(|d| d > as_of) {
                continue;
            }
            if slot.is_none_or(|c| rank(a) >= rank(c)) {
                *slot = Some(a);
            }
        }
        let matrix = order.iter().filter_map(|k| current[k].cloned()).collect();
        self.matrix = matrix;
    }

    /// Team names, sorted, each once.
    pub fn teams(&self) -> Vec<&str> {
        let mut teams: Vec<&str> = self.employees.iter().map(|e| e.team.as_str()).collect();
        teams.sort_unstable();
        teams.dedup();
        teams
    }

    /// Task clusters, sorted, each once.
    pub fn clusters(&self) -> Vec<&str> {
        let mut c: Vec<&str> = self
            .tasks
            .iter()
            .filter_map(|t| t.cluster.as_deref())
            .collect();
        c.sort_unstable();
        c.dedup();
        c
    }

    /// The employee with `id`.
    pub fn employee(&self, id: &str) -> Option<&Employee> {
        self.employees.iter().find(|e| e.id == id)
    }

    /// Which teams each task belongs to, worked out once: a task's own `Team`; for a task
    /// without one, the teams in which someone has a level or a mark for it in the matrix or
    /// a team need names it; a task nobody has assessed or asked for yet belongs to every
    /// team (a new matrix to fill in).
    pub fn task_teams(&self) -> TaskTeams<'_> {
        let team_of: Map<&str, &str> = self
            .employees
            .iter()
            .map(|e| (e.id.as_str(), e.team.as_str()))
            .collect();
        let mut found: Map<&str, BTreeSet<&str>> = Map::default();
        for a in &self.matrix {
            let marked = a.level.is_some()
                || a.target.is_some()
                || a.wants_to_learn
                || a.likes
                || a.not_deployable;
            if let (true, Some(team)) = (marked, team_of.get(a.employee.as_str())) {
                found.entry(a.task.as_str()).or_default().insert(team);
            }
        }
        for n in &self.team_needs {
            found
                .entry(n.task.as_str())
                .or_default()
                .insert(n.team.as_str());
        }
        let all = self.teams();
        let mut by_task = Map::default();
        let mut pairs = Set::default();
        for t in &self.tasks {
            let teams: Vec<&str> = match (&t.team, found.remove(t.code.as_str())) {
                (Some(team), _) => vec![team.as_str()],
                (None, Some(seen)) if !seen.is_empty() => seen.into_iter().collect(),
                (None, _) => all.clone(),
            };
            for team in &teams {
                pairs.insert((t.code.as_str(), *team));
            }
            by_task.insert(t.code.as_str(), teams);
        }
        TaskTeams {
            by_task,
            pairs,
            all,
        }
    }
}

/// Where the workbook's sheets were read: each sheet's file, name and columns. Records keep
/// the row they came from; with these a later stage (a notice about a character no font
/// has, a compliance finding) names the cell to fix without reading the workbook again.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Places {
    sheets: Vec<SheetPlace>,
}

/// One read sheet (or CSV file): where it is and where each defined column stands.
#[derive(Debug, Clone, PartialEq)]
struct SheetPlace {
    def: &'static SheetDef,
    file: PathBuf,
    sheet: Option<String>,
    headers: Vec<String>,
    /// For each of `def`'s columns, its index in the sheet.
    index: Vec<Option<usize>>,
}

/// A cell of the workbook by its sheet, row and column: where a later stage points the
/// reader to fix a value (see [`Places::locate`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CellRef {
    /// The sheet.
    pub sheet: &'static SheetDef,
    /// The row as the spreadsheet shows it (or the CSV line).
    pub row: u32,
    /// The column.
    pub column: Column,
}

impl Places {
    /// Where `cell` stands, named as a data message names it (see [`Places::cell`]).
    pub fn locate(&self, cell: CellRef) -> Option<Location> {
        self.cell(cell.sheet, cell.row, cell.column)
    }

    /// Records that `def` was read from `sheet` of `file` (`None` for a CSV file), with
    /// `headers` as written and, for each of `def`'s columns, its index among them.
    pub fn add(
        &mut self,
        def: &'static SheetDef,
        file: PathBuf,
        sheet: Option<String>,
        headers: Vec<String>,
        index: Vec<Option<usize>>,
    ) {
        self.sheets.push(SheetPlace {
            def,
            file,
            sheet,
            headers,
            index,
        });
    }

    /// The cell of `col` on `row` of the sheet `def`: `team.xlsx, blad `Medewerkers`, rij 5,
    /// kolom `Loopbaandoel` (K)`. Without the column when the sheet lacks it; `None` when
    /// the sheet was not read (a workbook built in code) or `row` is 0 (not from a sheet).
    pub fn cell(&self, def: &SheetDef, row: u32, col: Column) -> Option<Location> {
        let s = self.sheets.iter().find(|s| s.def == def)?;
        if row == 0 {
            return None;
        }
        let column = s
            .def
            .columns
            .iter()
            .position(|c| *c == col)
            .and_then(|pos| s.index[pos])
            .map(|index| ColumnRef {
                header: s.headers.get(index).cloned().unwrap_or_default(),
                index,
            });
        Some(Location {
            file: s.file.clone(),
            sheet: s.sheet.clone(),
            row: Some(row),
            column,
        })
    }
}

/// The teams each task belongs to (see [`Workbook::task_teams`]).
#[derive(Debug, Clone, Default)]
pub struct TaskTeams<'a> {
    by_task: Map<&'a str, Vec<&'a str>>,
    pairs: Set<(&'a str, &'a str)>,
    all: Vec<&'a str>,
}

impl<'a> TaskTeams<'a> {
    /// Whether `task` belongs to `team`.
    pub fn includes(&self, task: &Task, team: &str) -> bool {
        self.pairs.contains(&(task.code.as_str(), team))
    }

    /// The teams `task` belongs to, sorted.
    pub fn teams_of(&self, task: &Task) -> &[&'a str] {
        self.by_task
            .get(task.code.as_str())
            .map_or(&[], Vec::as_slice)
    }

    /// Whether a task without `Team` was left out of some team: then the workbook is told.
    pub fn narrowed(&self, task: &Task) -> bool {
        task.team.is_none() && self.teams_of(task).len() < self.all.len()
    }
}

/// The workbook's rows by employee, gathered once per run so that checking each employee
/// does not scan every sheet again (which made `check` quadratic in the organisation size).
pub struct Index<'a> {
    pub(crate) wb: &'a Workbook,
    /// POP-gesprekken by employee, oldest first.
    pub(crate) pops: Map<&'a str, Vec<&'a Conversation>>,
    /// Every conversation by employee, oldest first.
    conversations: Map<&'a str, Vec<&'a Conversation>>,
    pub(crate) goals: Map<&'a str, Vec<&'a Goal>>,
    pub(crate) assessed: Map<&'a str, Vec<&'a Assessment>>,
    /// Every dated assessment with a level by employee, oldest first (the history).
    pub(crate) dated: Map<&'a str, Vec<&'a Assessment>>,
    pub(crate) kinds: Map<&'a str, TaskKind>,
    /// The teams each task belongs to.
    pub(crate) task_teams: TaskTeams<'a>,
}

impl<'a> Index<'a> {
    /// Gathers the rows of `wb`.
    pub fn new(wb: &'a Workbook) -> Self {
        let mut conversations: Map<&str, Vec<&Conversation>> = Map::default();
        for c in &wb.conversations {
            conversations
                .entry(c.employee.as_str())
                .or_default()
                .push(c);
        }
        for list in conversations.values_mut() {
            list.sort_by_key(|c| c.date);
        }
        let pops = conversations
            .iter()
            .map(|(id, list)| {
                let pops = list
                    .iter()
                    .copied()
                    .filter(|c| c.kind == ConversationKind::PopGesprek)
                    .collect();
                (*id, pops)
            })
            .collect();
        let mut goals: Map<&str, Vec<_>> = Map::default();
        for g in &wb.goals {
            goals.entry(g.employee.as_str()).or_default().push(g);
        }
        let mut assessed: Map<&str, Vec<_>> = Map::default();
        for a in &wb.matrix {
            assessed.entry(a.employee.as_str()).or_default().push(a);
        }
        let mut dated: Map<&str, Vec<_>> = Map::default();
        for a in wb
            .assessments
            .iter()
            .filter(|a| a.date.is_some() && a.level.is_some())
        {
            dated.entry(a.employee.as_str()).or_default().push(a);
        }
        for list in dated.values_mut() {
            list.sort_by_key(|a| a.date);
        }
        Index {
            wb,
            pops,
            conversations,
            goals,
            assessed,
            dated,
            kinds: wb.tasks.iter().map(|t| (t.code.as_str(), t.kind)).collect(),
            task_teams: wb.task_teams(),
        }
    }

    /// The workbook the index is of.
    pub fn workbook(&self) -> &'a Workbook {
        self.wb
    }

    /// The employee's goals, in sheet order.
    pub fn goals(&self, employee: &str) -> &[&'a Goal] {
        self.goals.get(employee).map_or(&[], Vec::as_slice)
    }

    /// The teams each task belongs to.
    pub fn task_teams(&self) -> &TaskTeams<'a> {
        &self.task_teams
    }

    /// Whether `goal` belongs to a POP held on or before `day`. A goal belongs to the POP
    /// conversation at or before its `Start` (it was agreed there); one that starts after
    /// `day` belongs to a later POP when a POP conversation lies between, and is then not
    /// part of the POP of `day`. A goal without a start belongs to the POP it is read with.
    pub fn agreed_by(&self, goal: &Goal, day: NaiveDate) -> bool {
        let Some(start) = goal.start() else {
            return true;
        };
        start <= day
            || !self
                .pops
                .get(goal.employee.as_str())
                .is_some_and(|p| p.iter().any(|c| c.date > day && c.date <= start))
    }

    /// The employee's conversations, oldest first (planned ones included).
    pub fn conversations(&self, employee: &str) -> &[&'a Conversation] {
        self.conversations.get(employee).map_or(&[], Vec::as_slice)
    }
}
