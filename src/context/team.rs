//! The context of the team documents: the printed teammatrix and the opleidingsplan.
//!
//! The matrix is cut into column blocks that fit the paper across, each block repeating the
//! name column; rows repeat their header on every page in the layout. All numbers come from
//! [`crate::analysis`].

use chrono::NaiveDate;
use serde::Serialize;

use super::{DateText, Labels, OrgText, date_text, fill, label, lang_code, org_text};
use crate::analysis::{CellIndex, Risk, TaskCoverage, TeamAnalysis};
use crate::i18n::Lang;
use crate::model::{Employee, Priority, Workbook};
use crate::style::Paper;

/// How many task columns fit across one block of the teammatrix (always landscape) on
/// `paper`: the landscape width less margins, the name column and the polyvalence column,
/// at a column width that still holds a level circle, its digit and two markers in 7 pt
/// type.
pub fn tasks_per_block(paper: Paper) -> usize {
    let (_, width_mm) = paper.size_mm();
    let available = width_mm - 2.0 * 12.0 - NAME_COL_MM - POLY_COL_MM;
    (available / TASK_COL_MM).floor() as usize
}

/// Width of the name column, in mm.
pub const NAME_COL_MM: f32 = 46.0;
/// Width of the polyvalence column, in mm.
pub const POLY_COL_MM: f32 = 13.0;
/// The narrowest readable task column, in mm.
pub const TASK_COL_MM: f32 = 11.0;

/// A cluster heading over adjacent task columns.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClusterSpan {
    /// Cluster name (empty for tasks without one).
    pub name: String,
    /// How many task columns it covers.
    pub span: usize,
}

/// A task column with its coverage numbers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TaskColumn {
    /// Task code.
    pub code: String,
    /// Task name.
    pub name: String,
    /// Required coverage.
    pub required: u32,
    /// Current coverage.
    pub current: u32,
    /// Shortfall.
    pub shortfall: u32,
    /// `not_covered`, `single_person` or `none`.
    pub risk: &'static str,
    /// The risk in words ("niemand", "1 persoon"), empty when none.
    pub risk_text: String,
    /// Number of candidates.
    pub candidates: usize,
    /// Number of trainers.
    pub trainers: usize,
    /// The team need's deadline, when it lies after the snapshot date.
    pub deadline: DateText,
    /// Coverage on that deadline (who leaves before it does not count), or empty.
    pub at_deadline: String,
    /// Shortfall on that deadline.
    pub shortfall_at_deadline: u32,
}

/// One cell of the matrix.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct MatrixCell {
    /// Level 0–3, or empty when not assessed.
    pub level: String,
    /// Target level, or empty.
    pub target: String,
    /// Wil leren.
    pub wants_to_learn: bool,
    /// Doet graag.
    pub likes: bool,
    /// Niet inzetbaar.
    pub not_deployable: bool,
    /// `up` when the level rose since `--since`, `down` when it fell, else empty.
    pub change: String,
}

/// A person's row of one block.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PersonRow {
    /// `Voornaam Achternaam`.
    pub name: String,
    /// Job title.
    pub function: String,
    /// The cells of this block's tasks.
    pub cells: Vec<MatrixCell>,
    /// Tasks at level 2 or more, across the whole team.
    pub versatility: u32,
}

/// A part of the matrix that fits across the paper.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Block {
    /// 1-based block number.
    pub number: usize,
    /// The cluster headings.
    pub clusters: Vec<ClusterSpan>,
    /// The task columns.
    pub tasks: Vec<TaskColumn>,
    /// The rows.
    pub people: Vec<PersonRow>,
    /// The markup `widths` value of this block's table.
    pub widths: String,
    /// Type size of the table in points: larger for a few wide columns, never below 9.
    pub font_size: f32,
    /// The numbers of its first and last task among all the team's (from 1), and how many
    /// tasks the team has: a part says which columns it holds.
    pub first_task: usize,
    pub last_task: usize,
    pub tasks_total: usize,
}

/// A person in the opleidingsplan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanPerson {
    /// Name.
    pub name: String,
    /// Current level or empty.
    pub level: String,
    /// Target level or empty.
    pub target: String,
    /// Whether one of this person's POP goals already addresses the task.
    pub has_goal: bool,
}

/// A POP goal that addresses a task.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanGoal {
    /// Employee name.
    pub employee: String,
    /// Goal number.
    pub number: u32,
    /// The goal.
    pub text: String,
    /// The latest action deadline.
    pub deadline: DateText,
}

/// One task of the opleidingsplan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanItem {
    /// The task's numbers.
    pub task: TaskColumn,
    /// "2 van 4 nodig".
    pub coverage: String,
    /// "op 01/03/2027: 1 van 4 nodig (Marc Peeters vertrekt op 31/01/2027)", or
    /// empty when the need has no deadline ahead.
    pub coverage_at_deadline: String,
    /// Cluster.
    pub cluster: String,
    /// Why it is needed.
    pub reason: String,
    /// By when.
    pub deadline: DateText,
    /// Priority in words.
    pub priority: String,
    /// Who can train (level 3).
    pub trainers: Vec<String>,
    /// Who can do it now (level 2 or more).
    pub covered_by: Vec<String>,
    /// Who wants to learn it.
    pub candidates: Vec<PlanPerson>,
    /// POP goals that address it.
    pub goals: Vec<PlanGoal>,
}

/// Everything the team templates can print.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TeamContext {
    /// `nl` or `en`.
    pub lang: &'static str,
    /// Labels.
    pub t: Labels,
    /// The date of the snapshot.
    pub today: DateText,
    /// The day levels are compared with (`--since`).
    pub since: DateText,
    /// The dates of the oldest and the newest dated level shown (empty without dates).
    pub assessed_from: DateText,
    /// See `assessed_from`.
    pub assessed_to: DateText,
    /// Shortfalls closed by goals reached since `since`: a line per goal tied to a task
    /// whose owner was below level 2 on `since` and does it independently now.
    pub closed: Vec<String>,
    /// The organisation.
    pub org: OrgText,
    /// The team's name.
    pub team: String,
    /// `A4` or `A3`.
    pub paper: &'static str,
    /// Number of team members in service.
    pub members: usize,
    /// The matrix in column blocks.
    pub blocks: Vec<Block>,
    /// Tasks with a shortfall or team need, most urgent first.
    pub plan: Vec<PlanItem>,
    /// Number of tasks with a shortfall.
    pub shortfalls: usize,
    /// Number of tasks only one person can do.
    pub single_points: usize,
    /// "14 medewerkers in dienst · 1 taken met een tekort · …"
    pub summary: String,
    /// Per team need with a deadline ahead, its coverage then, in a sentence
    /// ("Buitenschilderwerk op 01/03/2027: 1 van 4 nodig (Marc Peeters vertrekt op …)").
    pub at_deadlines: Vec<String>,
}

fn risk(c: &TaskCoverage<'_>, t: &Labels) -> (&'static str, String) {
    match c.risk {
        Risk::NotCovered => ("not_covered", label(t, "risk_not_covered")),
        Risk::SinglePerson => ("single_person", label(t, "risk_single")),
        Risk::None => ("none", String::new()),
    }
}

fn column(c: &TaskCoverage<'_>, t: &Labels, lang: Lang) -> TaskColumn {
    let (risk_key, risk_text) = risk(c, t);
    let later = c.at_deadline.as_ref();
    TaskColumn {
        deadline: date_text(later.map(|l| l.day), lang),
        at_deadline: later
            .map(|l| l.covered_by.len().to_string())
            .unwrap_or_default(),
        shortfall_at_deadline: later.map_or(0, |l| l.shortfall),
        code: c.task.code.clone(),
        name: c.task.name.clone(),
        required: c.required,
        current: c.current(),
        shortfall: c.shortfall,
        risk: risk_key,
        risk_text,
        candidates: c.candidates.len(),
        trainers: c.trainers.len(),
    }
}

fn level_text(l: Option<u8>) -> String {
    l.map(|l| l.to_string()).unwrap_or_default()
}

/// The matrix's type size for a block of `tasks` columns: columns get narrower as tasks
/// are added, so the type shrinks with them, down to 9 pt and no further (the cells must
/// stay readable for the people named in them).
pub fn font_size(tasks: usize) -> f32 {
    match tasks {
        0..=8 => 10.0,
        9..=12 => 9.5,
        _ => 9.0,
    }
}

/// The context of one team's documents on `today`, marking levels changed since `since`.
#[allow(clippy::too_many_arguments)]
pub fn team<'a>(
    wb: &'a Workbook,
    cells: &CellIndex<'a>,
    analysis: &TeamAnalysis<'_>,
    t: &Labels,
    lang: Lang,
    today: NaiveDate,
    paper: Paper,
    since: NaiveDate,
) -> TeamContext {
    let mut shown: Vec<NaiveDate> = Vec::new();
    // Group tasks by cluster, keeping the sheet order of first appearance, so each cluster
    // heading spans adjacent columns.
    let mut ordered: Vec<&TaskCoverage<'_>> = Vec::with_capacity(analysis.tasks.len());
    let mut clusters: Vec<&str> = Vec::new();
    for c in &analysis.tasks {
        let name = c.task.cluster.as_deref().unwrap_or("");
        if !clusters.contains(&name) {
            clusters.push(name);
        }
    }
    for cluster in &clusters {
        ordered.extend(
            analysis
                .tasks
                .iter()
                .filter(|c| c.task.cluster.as_deref().unwrap_or("") == *cluster),
        );
    }
    // Spread the tasks evenly over as few blocks as fit, so no block is a lonely stub.
    let max = tasks_per_block(paper).max(1);
    let n_blocks = ordered.len().div_ceil(max).max(1);
    let per_block = ordered.len().div_ceil(n_blocks).max(1);
    let blocks = ordered
        .chunks(per_block)
        .enumerate()
        .map(|(i, chunk)| {
            let mut spans: Vec<ClusterSpan> = Vec::new();
            for c in chunk {
                let name = c.task.cluster.clone().unwrap_or_default();
                match spans.last_mut() {
                    Some(s) if s.name == name => s.span += 1,
                    _ => spans.push(ClusterSpan { name, span: 1 }),
                }
            }
            let people = analysis
                .people
                .iter()
                .map(|p| PersonRow {
                    name: p.employee.full_name(),
                    function: p.employee.function.clone().unwrap_or_default(),
                    cells: chunk
                        .iter()
                        .map(|c| {
                            let (id, code) = (p.employee.id.as_str(), c.task.code.as_str());
                            cells
                                .get(id, code)
                                .map(|a| {
                                    if a.level.is_some() {
                                        shown.extend(a.date);
                                    }
                                    MatrixCell {
                                        level: level_text(a.level),
                                        target: level_text(a.target),
                                        wants_to_learn: a.wants_to_learn,
                                        likes: a.likes,
                                        not_deployable: a.not_deployable,
                                        change: match cells.change_since(id, code, since) {
                                            Some(std::cmp::Ordering::Greater) => "up",
                                            Some(std::cmp::Ordering::Less) => "down",
                                            _ => "",
                                        }
                                        .to_string(),
                                    }
                                })
                                .unwrap_or_default()
                        })
                        .collect(),
                    versatility: p.versatility,
                })
                .collect();
            let widths = std::iter::once(format!("{NAME_COL_MM}mm"))
                .chain(chunk.iter().map(|_| "1fr".to_string()))
                .chain(std::iter::once(format!("{POLY_COL_MM}mm")))
                .collect::<Vec<_>>()
                .join(" ");
            Block {
                font_size: font_size(chunk.len()),
                first_task: i * per_block + 1,
                last_task: i * per_block + chunk.len(),
                tasks_total: ordered.len(),
                number: i + 1,
                clusters: spans,
                tasks: chunk.iter().map(|c| column(c, t, lang)).collect(),
                people,
                widths,
            }
        })
        .collect();
    let plan = analysis
        .by_urgency()
        .into_iter()
        .map(|c| plan_item(wb, c, t, lang))
        .collect();
    let closed = ordered
        .iter()
        .flat_map(|c| closed_by_goals(wb, cells, c, since, t))
        .collect();
    let at_deadlines = ordered
        .iter()
        .filter_map(|c| Some(format!("{} {}", c.task.name, at_deadline(c, t, lang)?)))
        .collect();
    TeamContext {
        at_deadlines,
        lang: lang_code(lang),
        t: t.clone(),
        today: date_text(Some(today), lang),
        since: date_text(Some(since), lang),
        assessed_from: date_text(shown.iter().min().copied(), lang),
        assessed_to: date_text(shown.iter().max().copied(), lang),
        closed,
        org: org_text(wb, t),
        team: analysis.team.to_string(),
        paper: paper.name(),
        members: analysis.people.len(),
        blocks,
        plan,
        shortfalls: analysis.shortfalls().count(),
        single_points: analysis.single_points().count(),
        summary: fill(
            t,
            "matrix_summary",
            &[
                ("members", &analysis.people.len().to_string()),
                ("shortfalls", &analysis.shortfalls().count().to_string()),
                ("single", &analysis.single_points().count().to_string()),
            ],
        ),
    }
}

/// The goals tied to the task of `c` that were reached (`behaald`) by someone who was below
/// level 2 on `since` (a dated level) and does the task independently now: a line each.
fn closed_by_goals(
    wb: &Workbook,
    cells: &CellIndex<'_>,
    c: &TaskCoverage<'_>,
    since: NaiveDate,
    t: &Labels,
) -> Vec<String> {
    let code = c.task.code.as_str();
    c.goals
        .iter()
        .filter(|g| {
            g.task.as_deref() == Some(code) && g.result == Some(crate::model::GoalResult::Behaald)
        })
        .filter_map(|g| {
            let (_, then) = cells.level_on(&g.employee, code, since)?;
            let now = cells.get(&g.employee, code)?.level?;
            (then < crate::analysis::COVERED_LEVEL && now >= crate::analysis::COVERED_LEVEL).then(
                || {
                    let name = wb
                        .employee(&g.employee)
                        .map_or_else(|| g.employee.clone(), |e| e.full_name());
                    fill(
                        t,
                        "closed_line",
                        &[
                            ("task", &format!("{} ({code})", c.task.name)),
                            ("name", &name),
                            ("goal", &g.number.to_string()),
                            ("from", &then.to_string()),
                            ("to", &now.to_string()),
                            ("current", &c.current().to_string()),
                            ("required", &c.required.to_string()),
                        ],
                    )
                },
            )
        })
        .collect()
}

/// A name, with the leave date when the person is leaving: the plan must show that a skill
/// is about to walk out of the door (the sector guide's painter who leaves).
fn with_leave(e: &Employee, t: &Labels, lang: Lang) -> String {
    match e.left {
        Some(d) => format!(
            "{} ({} {})",
            e.full_name(),
            label(t, "leaves_on"),
            date_text(Some(d), lang).short
        ),
        None => e.full_name(),
    }
}

/// The coverage on the need's deadline in words, naming who leaves before it; `None` when
/// the need has no deadline ahead.
fn at_deadline(c: &TaskCoverage<'_>, t: &Labels, lang: Lang) -> Option<String> {
    let later = c.at_deadline.as_ref()?;
    let mut s = fill(
        t,
        "coverage_at_deadline",
        &[
            ("date", &date_text(Some(later.day), lang).short),
            ("current", &later.covered_by.len().to_string()),
            ("required", &c.required.to_string()),
        ],
    );
    if !later.leaving.is_empty() {
        let names: Vec<String> = later
            .leaving
            .iter()
            .map(|e| {
                let day = date_text(e.left, lang).short;
                format!("{} {} {day}", e.full_name(), label(t, "leaves_on"))
            })
            .collect();
        s.push_str(&format!(" ({})", names.join("; ")));
    }
    Some(s)
}

fn plan_item(wb: &Workbook, c: &TaskCoverage<'_>, t: &Labels, lang: Lang) -> PlanItem {
    PlanItem {
        coverage_at_deadline: at_deadline(c, t, lang).unwrap_or_default(),
        task: column(c, t, lang),
        coverage: fill(
            t,
            "coverage_text",
            &[
                ("current", &c.current().to_string()),
                ("required", &c.required.to_string()),
            ],
        ),
        cluster: c.task.cluster.clone().unwrap_or_default(),
        reason: c.need.and_then(|n| n.reason.clone()).unwrap_or_default(),
        deadline: date_text(c.need.and_then(|n| n.deadline), lang),
        priority: c
            .need
            .and_then(|n| n.priority)
            .map(|p: Priority| label(t, &format!("priority_{}", p.key())))
            .unwrap_or_default(),
        trainers: c.trainers.iter().map(|e| with_leave(e, t, lang)).collect(),
        covered_by: c
            .covered_by
            .iter()
            .map(|e| with_leave(e, t, lang))
            .collect(),
        candidates: c
            .candidates
            .iter()
            .map(|p| PlanPerson {
                name: p.employee.full_name(),
                level: level_text(p.level),
                target: level_text(p.target),
                has_goal: c.goals.iter().any(|g| g.employee == p.employee.id),
            })
            .collect(),
        goals: c
            .goals
            .iter()
            .map(|g| PlanGoal {
                employee: wb
                    .employee(&g.employee)
                    .map(|e| e.full_name())
                    .unwrap_or_else(|| g.employee.clone()),
                number: g.number,
                text: g.text.clone(),
                deadline: date_text(g.actions.iter().filter_map(|a| a.deadline).max(), lang),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_share_the_tasks_evenly() {
        use crate::analysis::analyse;
        use crate::model::{Employee, Task};
        let wb = Workbook {
            employees: vec![Employee {
                id: "E1".into(),
                first_name: "An".into(),
                last_name: "Peeters".into(),
                team: "T".into(),
                ..Employee::default()
            }],
            tasks: (0..40)
                .map(|j| Task {
                    code: format!("T{j}"),
                    name: format!("Taak {j}"),
                    ..Task::default()
                })
                .collect(),
            ..Workbook::default()
        };
        let teams = analyse(&wb, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
        let ctx = team(
            &wb,
            &CellIndex::new(&wb),
            &teams[0],
            &Labels::new(),
            Lang::Nl,
            NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            Paper::A4,
            NaiveDate::from_ymd_opt(2025, 10, 1).unwrap(),
        );
        let sizes: Vec<usize> = ctx.blocks.iter().map(|b| b.tasks.len()).collect();
        assert_eq!(sizes, vec![14, 14, 12]);
        assert!(
            ctx.blocks.iter().all(|b| b.people.len() == 1),
            "every block repeats the names"
        );
    }

    #[test]
    fn type_shrinks_with_more_columns_but_never_below_9_pt() {
        let sizes: Vec<f32> = (0..60).map(font_size).collect();
        assert!(sizes.windows(2).all(|w| w[1] <= w[0]));
        assert!(sizes.iter().all(|s| *s >= 9.0));
        assert!(font_size(5) > font_size(20));
    }

    #[test]
    fn a3_fits_more_task_columns_than_a4() {
        assert!(tasks_per_block(Paper::A4) >= 18);
        assert!(tasks_per_block(Paper::A3) > tasks_per_block(Paper::A4) + 8);
    }
}
