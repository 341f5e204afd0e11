//! Analysis of the teammatrix: coverage, shortfalls, risks, candidates and trainers per
//! task; polyvalence per person; which POP goals answer which shortfall; which team needs
//! match an employee's wishes.
//!
//! Pure functions over the validated [`Workbook`] and a reference date; no I/O and no
//! presentation. The printed matrix, the opleidingsplan, the POP form and `check` all read
//! their numbers from here, so they always agree.

use crate::model::Map;
use chrono::NaiveDate;
use serde::Serialize;

use crate::model::schema::normalize;
use crate::model::{Assessment, Employee, Goal, Origin, Priority, Task, TeamNeed, Workbook};

/// The lowest level at which someone counts as able to do a task on their own.
pub const COVERED_LEVEL: u8 = 2;
/// The level at which someone can teach the task.
pub const TRAINER_LEVEL: u8 = 3;

/// How exposed a team is on one task.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Risk {
    /// Nobody can do the task on their own.
    NotCovered,
    /// Exactly one person can: a single point of failure.
    SinglePerson,
    /// Two or more people can, or the task needs nobody.
    None,
}

/// Someone who could learn a task.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Candidate<'a> {
    /// The employee.
    pub employee: &'a Employee,
    /// Their current level (`None`: not assessed).
    pub level: Option<u8>,
    /// Their target level, when set.
    pub target: Option<u8>,
}

/// Coverage of one task in one team.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TaskCoverage<'a> {
    /// The task.
    pub task: &'a Task,
    /// How many people must do it at level 2 or more (a team need overrides the task's own;
    /// empty means 1).
    pub required: u32,
    /// The people in service who do it at level 2 or more and are deployable.
    pub covered_by: Vec<&'a Employee>,
    /// `required − current`, never negative.
    pub shortfall: u32,
    /// How exposed the team is.
    pub risk: Risk,
    /// Who wants to learn it and is below level 2: level 1 before 0 before not assessed.
    pub candidates: Vec<Candidate<'a>>,
    /// Who can teach it (level 3, deployable).
    pub trainers: Vec<&'a Employee>,
    /// The team's need for this task, when there is one.
    pub need: Option<&'a TeamNeed>,
    /// POP goals that develop this task in this team.
    pub goals: Vec<&'a Goal>,
    /// The coverage on the team need's deadline, when it lies after the reference date:
    /// who leaves before it no longer counts.
    pub at_deadline: Option<AtDeadline<'a>>,
}

/// The coverage of a task on the deadline of the team's need for it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AtDeadline<'a> {
    /// The need's deadline.
    pub day: NaiveDate,
    /// Who covers the task now and is still in service that day.
    pub covered_by: Vec<&'a Employee>,
    /// Who covers it now but leaves before that day.
    pub leaving: Vec<&'a Employee>,
    /// `required − covered_by`, never negative.
    pub shortfall: u32,
}

impl TaskCoverage<'_> {
    /// How many people cover the task (level 2 or more, deployable, in service).
    pub fn current(&self) -> u32 {
        self.covered_by.len() as u32
    }

    /// Whether the task belongs in the opleidingsplan: a shortfall or a stated team need.
    pub fn needs_attention(&self) -> bool {
        self.shortfall > 0 || self.need.is_some()
    }
}

/// One team member's row of numbers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Person<'a> {
    /// The employee.
    pub employee: &'a Employee,
    /// Number of the team's tasks done at level 2 or more (polyvalentie).
    pub versatility: u32,
    /// Number of tasks marked *wil leren*.
    pub wants_to_learn: u32,
}

/// The analysis of one team.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TeamAnalysis<'a> {
    /// The team's name.
    pub team: &'a str,
    /// Members in service on the reference date, in sheet order.
    pub people: Vec<Person<'a>>,
    /// The team's tasks (its own and the shared ones), in sheet order.
    pub tasks: Vec<TaskCoverage<'a>>,
}

impl<'a> TeamAnalysis<'a> {
    /// Tasks with a shortfall or a team need, most urgent first: stated needs by priority
    /// and deadline, then the largest shortfall, then the worst risk.
    pub fn by_urgency(&self) -> Vec<&TaskCoverage<'a>> {
        let mut v: Vec<&TaskCoverage<'a>> =
            self.tasks.iter().filter(|t| t.needs_attention()).collect();
        v.sort_by_key(|t| {
            (
                t.need.map_or(3, |n| match n.priority {
                    Some(Priority::Hoog) => 0,
                    Some(Priority::Midden) | None => 1,
                    Some(Priority::Laag) => 2,
                }),
                t.need.and_then(|n| n.deadline).unwrap_or(NaiveDate::MAX),
                std::cmp::Reverse(t.shortfall),
                t.risk,
            )
        });
        v
    }

    /// Tasks with a shortfall.
    pub fn shortfalls(&self) -> impl Iterator<Item = &TaskCoverage<'a>> {
        self.tasks.iter().filter(|t| t.shortfall > 0)
    }

    /// Tasks only one person can do.
    pub fn single_points(&self) -> impl Iterator<Item = &TaskCoverage<'a>> {
        self.tasks.iter().filter(|t| t.risk == Risk::SinglePerson)
    }
}

/// Analyses every team of the workbook on `as_of`, teams sorted by name.
pub fn analyse(wb: &Workbook, as_of: NaiveDate) -> Vec<TeamAnalysis<'_>> {
    let cells = CellIndex::new(wb);
    let task_teams = wb.task_teams();
    // Members and their goals gathered per team once: filtering every employee and every
    // goal for each team was quadratic in the organisation's size.
    let mut members: Map<&str, Vec<&Employee>> = Map::default();
    for e in wb.employees.iter().filter(|e| e.in_service_on(as_of)) {
        members.entry(e.team.as_str()).or_default().push(e);
    }
    let team_of: Map<&str, &str> = members
        .iter()
        .flat_map(|(team, people)| people.iter().map(move |e| (e.id.as_str(), *team)))
        .collect();
    let mut goals: Map<&str, Vec<&Goal>> = Map::default();
    for g in &wb.goals {
        if let Some(team) = team_of.get(g.employee.as_str()) {
            goals.entry(team).or_default().push(g);
        }
    }
    // Tasks and needs per team as well, in the workbook's order: filtering all of them for
    // each team was quadratic too (tasks and teams both grow with the organisation).
    let mut tasks: Map<&str, Vec<&Task>> = Map::default();
    for t in &wb.tasks {
        for team in task_teams.teams_of(t) {
            tasks.entry(team).or_default().push(t);
        }
    }
    let mut needs: Map<&str, Vec<&TeamNeed>> = Map::default();
    for n in &wb.team_needs {
        needs.entry(n.team.as_str()).or_default().push(n);
    }
    wb.teams()
        .into_iter()
        .map(|team| {
            let members = members.get(team).map(Vec::as_slice).unwrap_or_default();
            let goals = goals.get(team).map(Vec::as_slice).unwrap_or_default();
            let tasks = tasks.remove(team).unwrap_or_default();
            let needs = needs.remove(team).unwrap_or_default();
            analyse_team(&cells, team, tasks, needs, members, goals, as_of)
        })
        .collect()
}

/// The matrix cells by employee and task, built once per run so that looking up a cell
/// does not scan the whole matrix (which made documents quadratic in the team size).
pub struct CellIndex<'a> {
    by_pair: Map<(&'a str, &'a str), &'a Assessment>,
    /// The dated levels of each employee and task, oldest first.
    history: Map<(&'a str, &'a str), Vec<(NaiveDate, u8)>>,
}

impl<'a> CellIndex<'a> {
    /// Indexes the workbook's matrix and its dated assessments.
    pub fn new(wb: &'a Workbook) -> Self {
        let mut history: Map<(&str, &str), Vec<(NaiveDate, u8)>> = Map::default();
        for a in &wb.assessments {
            if let (Some(day), Some(level)) = (a.date, a.level) {
                history
                    .entry((a.employee.as_str(), a.task.as_str()))
                    .or_default()
                    .push((day, level));
            }
        }
        for list in history.values_mut() {
            list.sort_unstable();
        }
        CellIndex {
            by_pair: wb
                .matrix
                .iter()
                .map(|a| ((a.employee.as_str(), a.task.as_str()), a))
                .collect(),
            history,
        }
    }

    /// The level `employee` had for `task` on `day`: the latest dated assessment on or
    /// before it, with its date (an undated assessment has no place in the history).
    pub fn level_on(&self, employee: &str, task: &str, day: NaiveDate) -> Option<(NaiveDate, u8)> {
        let list = self.history.get(&(employee, task))?;
        let i = list.partition_point(|(d, _)| *d <= day);
        i.checked_sub(1).map(|i| list[i])
    }

    /// How the current level of `employee` for `task` compares with their level on `since`:
    /// `Greater` when it rose. `None` when either is unknown.
    pub fn change_since(
        &self,
        employee: &str,
        task: &str,
        since: NaiveDate,
    ) -> Option<std::cmp::Ordering> {
        let now = self.get(employee, task)?.level?;
        let (_, then) = self.level_on(employee, task, since)?;
        Some(now.cmp(&then))
    }

    /// The cell of `employee` (ID) for `task` (code).
    pub fn get(&self, employee: &str, task: &str) -> Option<&'a Assessment> {
        self.by_pair.get(&(employee, task)).copied()
    }
}

fn can_do(a: Option<&Assessment>, level: u8) -> bool {
    a.is_some_and(|a| !a.not_deployable && a.level.is_some_and(|l| l >= level))
}

fn analyse_team<'a>(
    cells: &CellIndex<'a>,
    team: &'a str,
    tasks: Vec<&'a Task>,
    needs: Vec<&'a TeamNeed>,
    members: &[&'a Employee],
    team_goals: &[&'a Goal],
    as_of: NaiveDate,
) -> TeamAnalysis<'a> {
    let coverage = tasks
        .iter()
        .map(|task| {
            let need = needs.iter().copied().find(|n| n.task == task.code);
            let required = need.and_then(|n| n.required).or(task.required).unwrap_or(1);
            let covered_by: Vec<&Employee> = members
                .iter()
                .copied()
                .filter(|e| can_do(cells.get(&e.id, &task.code), COVERED_LEVEL))
                .collect();
            let current = covered_by.len() as u32;
            let risk = match (required, current) {
                (0, _) => Risk::None,
                (_, 0) => Risk::NotCovered,
                (_, 1) => Risk::SinglePerson,
                _ => Risk::None,
            };
            let mut candidates: Vec<Candidate<'a>> = members
                .iter()
                .filter_map(|e| {
                    let a = cells.get(&e.id, &task.code)?;
                    let below = a.level.is_none_or(|l| l < COVERED_LEVEL);
                    (a.wants_to_learn && below && !a.not_deployable).then_some(Candidate {
                        employee: e,
                        level: a.level,
                        target: a.target,
                    })
                })
                .collect();
            candidates.sort_by(|a, b| {
                b.level
                    .map_or(-1, i16::from)
                    .cmp(&a.level.map_or(-1, i16::from))
                    .then_with(|| name_key(a.employee).cmp(&name_key(b.employee)))
            });
            let trainers = members
                .iter()
                .copied()
                .filter(|e| can_do(cells.get(&e.id, &task.code), TRAINER_LEVEL))
                .collect();
            let goals = team_goals
                .iter()
                .copied()
                .filter(|g| goal_addresses(g, task, &needs))
                .collect();
            let at_deadline = need
                .and_then(|n| n.deadline)
                .filter(|d| *d > as_of)
                .map(|day| {
                    let (covered_by, leaving): (Vec<&Employee>, Vec<&Employee>) =
                        covered_by.iter().partition(|e| e.in_service_on(day));
                    AtDeadline {
                        day,
                        shortfall: required.saturating_sub(covered_by.len() as u32),
                        covered_by,
                        leaving,
                    }
                });
            TaskCoverage {
                task,
                required,
                covered_by,
                shortfall: required.saturating_sub(current),
                risk,
                candidates,
                trainers,
                need,
                goals,
                at_deadline,
            }
        })
        .collect();

    let people = members
        .iter()
        .map(|e| {
            let mut versatility = 0;
            let mut wants = 0;
            for task in &tasks {
                let a = cells.get(&e.id, &task.code);
                if can_do(a, COVERED_LEVEL) {
                    versatility += 1;
                }
                if a.is_some_and(|a| a.wants_to_learn) {
                    wants += 1;
                }
            }
            Person {
                employee: e,
                versatility,
                wants_to_learn: wants,
            }
        })
        .collect();

    TeamAnalysis {
        team,
        people,
        tasks: coverage,
    }
}

fn name_key(e: &Employee) -> (String, String) {
    (normalize(&e.last_name), normalize(&e.first_name))
}

/// Whether a goal develops `task`: it names the task, or it comes from a team need and its
/// text names the task — or the team has that one need only.
fn goal_addresses(goal: &Goal, task: &Task, needs: &[&TeamNeed]) -> bool {
    if let Some(code) = &goal.task {
        return code == &task.code;
    }
    if goal.origin != Some(Origin::Teambehoefte) {
        return false;
    }
    mentions(&goal.text, task) || (needs.len() == 1 && needs[0].task == task.code)
}

/// Whether free text (interests, a goal) mentions a task: by code, or by a word whose stem
/// (`schilderen` → `schilder`) occurs in the task's name or cluster.
pub fn mentions(text: &str, task: &Task) -> bool {
    let text = normalize(text);
    if text.contains(&normalize(&task.code)) {
        return true;
    }
    let haystacks = [
        normalize(&task.name),
        task.cluster.as_deref().map(normalize).unwrap_or_default(),
    ];
    text.split(|c: char| !c.is_alphanumeric())
        .map(stem)
        .filter(|w| w.chars().count() >= 5)
        .any(|w| haystacks.iter().any(|h| h.contains(w)))
}

/// A rough Dutch stem: drops the endings that separate `schilderen`, `schilderwerk` and
/// `schilders`, so interests match task names.
fn stem(word: &str) -> &str {
    for suffix in ["werken", "werk", "en", "s"] {
        if let Some(s) = word.strip_suffix(suffix)
            && s.chars().count() >= 5
        {
            return s;
        }
    }
    word
}

/// A team need that matches what an employee wants to learn.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MatchedNeed<'a> {
    /// The need.
    pub need: &'a TeamNeed,
    /// The task.
    pub task: &'a Task,
    /// The employee marked *wil leren* for the task in the matrix.
    pub wants_to_learn: bool,
    /// The employee's interests mention the task.
    pub in_interests: bool,
}

/// The needs of the employee's team that match the employee's wishes (*wil leren* in the
/// matrix, or the task named in their interests), skipping tasks they already master.
pub fn matching_needs<'a>(
    wb: &'a Workbook,
    cells: &CellIndex<'a>,
    employee: &Employee,
) -> Vec<MatchedNeed<'a>> {
    wb.team_needs
        .iter()
        .filter(|n| n.team == employee.team)
        .filter_map(|need| {
            let task = wb.tasks.iter().find(|t| t.code == need.task)?;
            let cell = cells.get(&employee.id, &task.code);
            if can_do(cell, COVERED_LEVEL) {
                return None;
            }
            let wants_to_learn = cell.is_some_and(|a| a.wants_to_learn);
            let in_interests = employee
                .interests
                .as_deref()
                .is_some_and(|i| mentions(i, task));
            (wants_to_learn || in_interests).then_some(MatchedNeed {
                need,
                task,
                wants_to_learn,
                in_interests,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests;
