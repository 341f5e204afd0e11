//! Unit tests of the analysis on small hand-made teams.

use super::*;
use crate::model::{GoalResult, TaskKind};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn emp(id: &str, first: &str, last: &str, team: &str) -> Employee {
    Employee {
        id: id.into(),
        first_name: first.into(),
        last_name: last.into(),
        team: team.into(),
        hired: Some(day(2020, 1, 1)),
        ..Employee::default()
    }
}

fn task(code: &str, name: &str, cluster: &str, required: Option<u32>) -> Task {
    Task {
        code: code.into(),
        name: name.into(),
        cluster: Some(cluster.into()),
        kind: TaskKind::Technisch,
        required,
        ..Task::default()
    }
}

fn cell(e: &str, t: &str, level: Option<u8>) -> Assessment {
    Assessment {
        employee: e.into(),
        task: t.into(),
        level,
        ..Assessment::default()
    }
}

fn wants(mut a: Assessment) -> Assessment {
    a.wants_to_learn = true;
    a
}

/// The painting example: Ilse (3) and Marc (2) paint, Marc leaves; Ayşe (0), Łukasz (1)
/// and Fatima (not assessed) want to learn; Kevin is at 2 but niet inzetbaar.
fn painting_team() -> Workbook {
    let mut marc = emp("M2", "Marc", "Peeters", "Buiten");
    marc.left = Some(day(2027, 1, 31));
    let mut fatima = emp("M5", "Fatima", "El Amrani", "Buiten");
    fatima.interests = Some("schilderen en planten".into());
    let mut gone = emp("M9", "Sofie", "Claes", "Buiten");
    gone.left = Some(day(2025, 6, 30));
    Workbook {
        employees: vec![
            emp("M1", "Ilse", "Van den Broeck", "Buiten"),
            marc,
            emp("M3", "Ayşe", "Yılmaz", "Buiten"),
            emp("M4", "Łukasz", "Wójcik", "Buiten"),
            fatima,
            emp("M6", "Kevin", "De Smet", "Buiten"),
            gone,
            emp("L1", "Grace", "Kabongo", "Logistiek"),
        ],
        tasks: vec![
            task("SCH-BUI", "Buitenschilderwerk", "Schilderwerk", Some(2)),
            task("GRO-MAA", "Maaien", "Groen", Some(1)),
            task("GRO-SNO", "Snoeien", "Groen", None),
            task("LOG-HEF", "Heftruck", "Logistiek", Some(1)),
        ],
        matrix: vec![
            cell("M1", "SCH-BUI", Some(3)),
            cell("M2", "SCH-BUI", Some(2)),
            wants(cell("M3", "SCH-BUI", Some(0))),
            wants(cell("M4", "SCH-BUI", Some(1))),
            wants(cell("M5", "SCH-BUI", None)),
            Assessment {
                not_deployable: true,
                ..cell("M6", "SCH-BUI", Some(2))
            },
            cell("M9", "SCH-BUI", Some(3)),
            cell("M1", "GRO-MAA", Some(2)),
            cell("L1", "LOG-HEF", Some(3)),
        ],
        team_needs: vec![TeamNeed {
            row: 0,
            team: "Buiten".into(),
            task: "SCH-BUI".into(),
            reason: Some("veel schilderopdrachten".into()),
            required: Some(4),
            deadline: Some(day(2027, 3, 1)),
            priority: Some(Priority::Hoog),
        }],
        goals: vec![
            Goal {
                row: 0,
                employee: "M3".into(),
                number: 1,
                text: "Zelfstandig buitenschilderwerk doen".into(),
                task: Some("SCH-BUI".into()),
                origin: Some(Origin::Teambehoefte),
                result: None,
                actions: vec![],
            },
            Goal {
                row: 0,
                employee: "M4".into(),
                number: 1,
                text: "Meer leren voor het team".into(),
                task: None,
                origin: Some(Origin::Teambehoefte),
                result: Some(GoalResult::DeelsBehaald),
                actions: vec![],
            },
            Goal {
                row: 0,
                employee: "M1".into(),
                number: 1,
                text: "Een werf plannen".into(),
                task: None,
                origin: Some(Origin::Individueel),
                result: None,
                actions: vec![],
            },
        ],
        ..Workbook::default()
    }
}

fn team<'a>(all: &'a [TeamAnalysis<'a>], name: &str) -> &'a TeamAnalysis<'a> {
    all.iter().find(|t| t.team == name).unwrap()
}

fn coverage<'a>(t: &'a TeamAnalysis<'a>, code: &str) -> &'a TaskCoverage<'a> {
    t.tasks.iter().find(|c| c.task.code == code).unwrap()
}

fn ids(v: &[&Employee]) -> Vec<String> {
    v.iter().map(|e| e.id.clone()).collect()
}

#[test]
fn coverage_counts_level_two_up_and_skips_niet_inzetbaar_and_leavers() {
    let wb = painting_team();
    // Before Marc leaves: Ilse and Marc; Kevin is niet inzetbaar, Sofie has left.
    let all = analyse(&wb, day(2026, 11, 29));
    let paint = coverage(team(&all, "Buiten"), "SCH-BUI");
    assert_eq!(
        (paint.required, paint.current(), paint.shortfall),
        (4, 2, 2)
    );
    assert_eq!(paint.risk, Risk::None);
    // After Marc leaves only Ilse remains: a single point of failure.
    let all = analyse(&wb, day(2027, 2, 1));
    let paint = coverage(team(&all, "Buiten"), "SCH-BUI");
    assert_eq!((paint.current(), paint.shortfall), (1, 3));
    assert_eq!(paint.risk, Risk::SinglePerson);
    assert_eq!(ids(&paint.covered_by), vec!["M1"]);
}

#[test]
fn a_team_need_overrides_the_tasks_required_coverage_and_empty_means_one() {
    let wb = painting_team();
    let all = analyse(&wb, day(2026, 11, 29));
    let buiten = team(&all, "Buiten");
    assert_eq!(
        coverage(buiten, "SCH-BUI").required,
        4,
        "need says 4, task says 2"
    );
    let snoeien = coverage(buiten, "GRO-SNO");
    assert_eq!(
        (snoeien.required, snoeien.current(), snoeien.shortfall),
        (1, 0, 1)
    );
    assert_eq!(snoeien.risk, Risk::NotCovered, "a task nobody can do");
}

#[test]
fn candidates_want_to_learn_are_below_two_and_sort_level_one_first() {
    let wb = painting_team();
    let all = analyse(&wb, day(2026, 11, 29));
    let paint = coverage(team(&all, "Buiten"), "SCH-BUI");
    let order: Vec<(&str, Option<u8>)> = paint
        .candidates
        .iter()
        .map(|c| (c.employee.id.as_str(), c.level))
        .collect();
    assert_eq!(order, vec![("M4", Some(1)), ("M3", Some(0)), ("M5", None)]);
}

#[test]
fn candidates_with_equal_levels_sort_by_last_name() {
    let mut wb = painting_team();
    wb.employees.push(emp("M7", "Bart", "Aerts", "Buiten"));
    wb.matrix.push(wants(cell("M7", "SCH-BUI", Some(0))));
    let all = analyse(&wb, day(2026, 11, 29));
    let paint = coverage(team(&all, "Buiten"), "SCH-BUI");
    let zeros: Vec<&str> = paint
        .candidates
        .iter()
        .filter(|c| c.level == Some(0))
        .map(|c| c.employee.last_name.as_str())
        .collect();
    assert_eq!(zeros, vec!["Aerts", "Yılmaz"]);
}

#[test]
fn trainers_are_level_three_in_service_and_deployable() {
    let wb = painting_team();
    let all = analyse(&wb, day(2026, 11, 29));
    assert_eq!(
        ids(&coverage(team(&all, "Buiten"), "SCH-BUI").trainers),
        vec!["M1"]
    );
    assert_eq!(
        ids(&coverage(team(&all, "Logistiek"), "LOG-HEF").trainers),
        vec!["L1"]
    );
}

#[test]
fn goals_link_by_task_or_by_team_need_origin() {
    let wb = painting_team();
    let all = analyse(&wb, day(2026, 11, 29));
    let paint = coverage(team(&all, "Buiten"), "SCH-BUI");
    let linked: Vec<(&str, u32)> = paint
        .goals
        .iter()
        .map(|g| (g.employee.as_str(), g.number))
        .collect();
    // M3's goal names the task; M4's comes from a team need and the team has one need;
    // M1's individual goal does not count.
    assert_eq!(linked, vec![("M3", 1), ("M4", 1)]);
    assert!(coverage(team(&all, "Buiten"), "GRO-MAA").goals.is_empty());
}

#[test]
fn polyvalence_counts_tasks_at_level_two_or_more() {
    let wb = painting_team();
    let all = analyse(&wb, day(2026, 11, 29));
    let buiten = team(&all, "Buiten");
    let ilse = buiten
        .people
        .iter()
        .find(|p| p.employee.id == "M1")
        .unwrap();
    assert_eq!((ilse.versatility, ilse.wants_to_learn), (2, 0));
    let kevin = buiten
        .people
        .iter()
        .find(|p| p.employee.id == "M6")
        .unwrap();
    assert_eq!(kevin.versatility, 0, "niet inzetbaar does not count");
    assert!(
        !buiten.people.iter().any(|p| p.employee.id == "M9"),
        "people who left are not members"
    );
}

#[test]
fn tasks_of_another_team_are_left_out() {
    let mut wb = painting_team();
    wb.tasks[3].team = Some("Logistiek".into());
    let all = analyse(&wb, day(2026, 11, 29));
    assert!(
        !team(&all, "Buiten")
            .tasks
            .iter()
            .any(|t| t.task.code == "LOG-HEF")
    );
    assert!(
        team(&all, "Logistiek")
            .tasks
            .iter()
            .any(|t| t.task.code == "LOG-HEF")
    );
}

#[test]
fn urgency_puts_stated_needs_first_then_largest_shortfall() {
    let wb = painting_team();
    let all = analyse(&wb, day(2026, 11, 29));
    let order: Vec<&str> = team(&all, "Buiten")
        .by_urgency()
        .iter()
        .map(|t| t.task.code.as_str())
        .collect();
    // LOG-HEF has no `Team`, and only the warehouse has a level for it: not Buiten's.
    assert_eq!(order, vec!["SCH-BUI", "GRO-SNO"]);
}

#[test]
fn a_task_without_team_belongs_to_the_teams_with_a_level_or_a_need_for_it() {
    let mut wb = painting_team();
    let all = analyse(&wb, day(2026, 11, 29));
    let has = |all: &[TeamAnalysis<'_>], name: &str| {
        team(all, name)
            .tasks
            .iter()
            .any(|t| t.task.code == "LOG-HEF")
    };
    assert!(!has(&all, "Buiten") && has(&all, "Logistiek"));
    wb.team_needs.push(TeamNeed {
        row: 0,
        team: "Buiten".into(),
        task: "LOG-HEF".into(),
        reason: None,
        required: None,
        deadline: None,
        priority: None,
    });
    let all = analyse(&wb, day(2026, 11, 29));
    assert!(has(&all, "Buiten") && has(&all, "Logistiek"));
}

#[test]
fn interests_match_team_needs_by_word_stem() {
    let wb = painting_team();
    let fatima = wb.employee("M5").unwrap();
    let cells = CellIndex::new(&wb);
    let m = matching_needs(&wb, &cells, fatima);
    assert_eq!(m.len(), 1);
    assert_eq!(m[0].task.code, "SCH-BUI");
    assert!(m[0].wants_to_learn && m[0].in_interests);
    // Ilse already paints at level 3: the need is not "for her to learn".
    assert!(matching_needs(&wb, &cells, wb.employee("M1").unwrap()).is_empty());
    assert!(mentions("ik wil graag schilderen", &wb.tasks[0]));
    assert!(!mentions("ik wil graag koken", &wb.tasks[0]));
    assert!(mentions("misschien SCH-BUI", &wb.tasks[0]));
}

#[test]
fn someone_leaving_before_the_need_deadline_does_not_cover_it_then() {
    let wb = painting_team();
    let all = analyse(&wb, day(2026, 11, 29));
    let c = coverage(team(&all, "Buiten"), "SCH-BUI");
    assert_eq!((c.current(), c.shortfall), (2, 2));
    let later = c
        .at_deadline
        .as_ref()
        .expect("a need with a deadline ahead");
    assert_eq!(later.day, day(2027, 3, 1));
    assert_eq!(ids(&later.covered_by), ["M1"]);
    assert_eq!(ids(&later.leaving), ["M2"]);
    assert_eq!(later.shortfall, 3);
    // After the deadline there is nothing ahead to count.
    let all = analyse(&wb, day(2027, 3, 2));
    assert!(
        coverage(team(&all, "Buiten"), "SCH-BUI")
            .at_deadline
            .is_none()
    );
}
