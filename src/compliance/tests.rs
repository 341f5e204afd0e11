use std::path::Path;

use chrono::NaiveDate;

use super::*;
use crate::diagnostic::{Location, Severity as DiagSeverity};
use crate::i18n::Lang;
use crate::model::{
    Action, Assessment, Coach, Conversation, Goal, GoalResult, Organisation, Setting, Task,
};

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn employee(id: &str, hired: NaiveDate) -> Employee {
    Employee {
        id: id.into(),
        first_name: "Test".into(),
        last_name: id.into(),
        team: "Ploeg".into(),
        hired: Some(hired),
        target_group: Some(true),
        support: Some(SupportLevel::Laag),
        fte: Some(1.0),
        ..Employee::default()
    }
}

fn conversation(
    id: &str,
    date: NaiveDate,
    kind: ConversationKind,
    signed: (bool, bool),
) -> Conversation {
    Conversation {
        row: 0,
        employee: id.into(),
        date,
        kind,
        participants: None,
        notes: None,
        signed_employee: if signed.0 { Signed::Yes } else { Signed::No },
        signed_supervisor: if signed.1 { Signed::Yes } else { Signed::No },
        next: None,
    }
}

fn pop(id: &str, date: NaiveDate) -> Conversation {
    conversation(id, date, ConversationKind::PopGesprek, (true, true))
}

fn action(deadline: NaiveDate, status: Option<Status>) -> Action {
    Action {
        text: Some("oefenen".into()),
        deadline: Some(deadline),
        status,
        ..Action::default()
    }
}

fn goal(id: &str, number: u32, result: Option<GoalResult>, actions: Vec<Action>) -> Goal {
    Goal {
        row: 0,
        employee: id.into(),
        number,
        text: "doel".into(),
        task: None,
        origin: None,
        result,
        actions,
    }
}

fn workbook(
    regime: Regime,
    employees: Vec<Employee>,
    conversations: Vec<Conversation>,
) -> Workbook {
    Workbook {
        organisation: Organisation {
            name: "Test vzw".into(),
            regime: Some(regime),
            ..Organisation::default()
        },
        employees,
        conversations,
        ..Workbook::default()
    }
}

fn run(wb: &Workbook, as_of: NaiveDate) -> Vec<Finding> {
    check(wb, &Thresholds::default(), as_of, Period::ending(as_of))
}

fn of(findings: &[Finding], rule: RuleId) -> Vec<&Finding> {
    findings.iter().filter(|f| f.rule == rule).collect()
}

fn severity(findings: &[Finding], rule: RuleId) -> Option<Severity> {
    let found = of(findings, rule);
    assert!(found.len() <= 1, "{found:?}");
    found.first().map(|f| f.severity)
}

fn termijn(hired: NaiveDate, first_pop: NaiveDate) -> Option<Severity> {
    let wb = workbook(
        Regime::CollectiefMaatwerk,
        vec![employee("M1", hired)],
        vec![pop("M1", first_pop)],
    );
    severity(&run(&wb, first_pop), RuleId::PopTermijn)
}

#[test]
fn first_pop_on_the_day_one_month_after_hire_is_in_time() {
    assert_eq!(
        termijn(ymd(2027, 3, 15), ymd(2027, 4, 15)),
        Some(Severity::Ok)
    );
    assert_eq!(
        termijn(ymd(2027, 3, 15), ymd(2027, 4, 16)),
        Some(Severity::Tekort)
    );
}

#[test]
fn hired_on_the_31st_is_due_on_the_last_day_of_the_shorter_month() {
    assert_eq!(
        termijn(ymd(2027, 8, 31), ymd(2027, 9, 30)),
        Some(Severity::Ok)
    );
    assert_eq!(
        termijn(ymd(2027, 8, 31), ymd(2027, 10, 1)),
        Some(Severity::Tekort)
    );
    // 2027 is no leap year: 31 January → 28 February.
    assert_eq!(
        termijn(ymd(2027, 1, 31), ymd(2027, 2, 28)),
        Some(Severity::Ok)
    );
    assert_eq!(
        termijn(ymd(2027, 1, 31), ymd(2027, 3, 1)),
        Some(Severity::Tekort)
    );
}

#[test]
fn in_a_leap_year_31_january_is_due_on_29_february() {
    assert_eq!(add_months(ymd(2028, 1, 31), 1), ymd(2028, 2, 29));
    assert_eq!(
        termijn(ymd(2028, 1, 31), ymd(2028, 2, 29)),
        Some(Severity::Ok)
    );
    assert_eq!(
        termijn(ymd(2028, 1, 31), ymd(2028, 3, 1)),
        Some(Severity::Tekort)
    );
}

#[test]
fn a_pop_of_29_february_stays_valid_until_28_february_next_year() {
    let wb = workbook(
        Regime::CollectiefMaatwerk,
        vec![employee("M1", ymd(2020, 1, 6))],
        vec![pop("M1", ymd(2028, 2, 29))],
    );
    assert_eq!(
        severity(&run(&wb, ymd(2029, 2, 28)), RuleId::PopGeldigheid),
        Some(Severity::Waarschuwing)
    );
    assert_eq!(
        severity(&run(&wb, ymd(2029, 3, 1)), RuleId::PopGeldigheid),
        Some(Severity::Tekort)
    );
}

#[test]
fn the_first_pop_rule_skips_hires_before_the_period() {
    let wb = workbook(
        Regime::CollectiefMaatwerk,
        vec![employee("M1", ymd(2012, 3, 1))],
        vec![pop("M1", ymd(2026, 6, 12))],
    );
    let f = run(&wb, ymd(2026, 11, 29));
    assert_eq!(severity(&f, RuleId::PopTermijn), None);
    assert_eq!(severity(&f, RuleId::PopGeldigheid), Some(Severity::Ok));
}

#[test]
fn a_new_hire_without_conversations_gets_one_finding_for_the_missing_pop() {
    let wb = workbook(
        Regime::CollectiefMaatwerk,
        vec![employee("M1", ymd(2026, 11, 2))],
        Vec::new(),
    );
    let before = run(&wb, ymd(2026, 11, 29));
    assert_eq!(
        severity(&before, RuleId::PopTermijn),
        Some(Severity::Waarschuwing)
    );
    assert!(
        before[0].message.nl.contains("uiterlijk op 02/12/2026"),
        "{:?}",
        before[0]
    );
    let on_due = run(&wb, ymd(2026, 12, 2));
    assert_eq!(
        severity(&on_due, RuleId::PopTermijn),
        Some(Severity::Waarschuwing)
    );
    let after = run(&wb, ymd(2026, 12, 3));
    assert_eq!(severity(&after, RuleId::PopTermijn), Some(Severity::Tekort));
    for rule in [
        RuleId::PopGeldigheid,
        RuleId::Verbeteracties,
        RuleId::Competentieniveaus,
        RuleId::Ondertekening,
    ] {
        assert_eq!(severity(&after, rule), None, "{rule:?} without a POP");
    }
}

#[test]
fn an_earlier_hire_without_conversations_has_no_pop_at_all() {
    let wb = workbook(
        Regime::CollectiefMaatwerk,
        vec![employee("M1", ymd(2019, 5, 1))],
        Vec::new(),
    );
    let f = run(&wb, ymd(2026, 11, 29));
    assert_eq!(severity(&f, RuleId::PopTermijn), None);
    assert_eq!(severity(&f, RuleId::PopGeldigheid), Some(Severity::Tekort));
    assert!(
        of(&f, RuleId::PopGeldigheid)[0]
            .message
            .nl
            .contains("geen POP-gesprek")
    );
}

#[test]
fn an_employee_who_left_before_as_of_is_not_checked() {
    let mut gone = employee("M1", ymd(2019, 5, 1));
    gone.left = Some(ymd(2026, 11, 28));
    let wb = workbook(Regime::CollectiefMaatwerk, vec![gone], Vec::new());
    assert!(
        run(&wb, ymd(2026, 11, 29))
            .iter()
            .all(|f| f.employee.is_none())
    );
    // On the last day in service, the rules still apply.
    assert!(
        run(&wb, ymd(2026, 11, 28))
            .iter()
            .any(|f| f.employee.is_some())
    );
}

#[test]
fn only_target_group_employees_are_checked() {
    let mut staff = employee("M1", ymd(2019, 5, 1));
    staff.target_group = Some(false);
    let mut unknown = employee("M2", ymd(2019, 5, 1));
    unknown.target_group = None;
    let wb = workbook(Regime::CollectiefMaatwerk, vec![staff, unknown], Vec::new());
    assert!(
        run(&wb, ymd(2026, 11, 29))
            .iter()
            .all(|f| f.employee.is_none())
    );
}

#[test]
fn the_validity_warning_starts_exactly_60_days_before_expiry() {
    // Last POP 01/03/2026, valid until 01/03/2027; 60 days before is 31/12/2026.
    let wb = workbook(
        Regime::CollectiefMaatwerk,
        vec![employee("M1", ymd(2019, 5, 1))],
        vec![pop("M1", ymd(2026, 3, 1))],
    );
    let at = |d| severity(&run(&wb, d), RuleId::PopGeldigheid);
    assert_eq!(at(ymd(2026, 12, 30)), Some(Severity::Ok));
    assert_eq!(at(ymd(2026, 12, 31)), Some(Severity::Waarschuwing));
    assert_eq!(at(ymd(2027, 3, 1)), Some(Severity::Waarschuwing));
    assert_eq!(at(ymd(2027, 3, 2)), Some(Severity::Tekort));
}

#[test]
fn conversations_after_as_of_are_plans_and_do_not_count() {
    let wb = workbook(
        Regime::CollectiefMaatwerk,
        vec![employee("M1", ymd(2019, 5, 1))],
        vec![pop("M1", ymd(2025, 1, 10)), pop("M1", ymd(2026, 12, 15))],
    );
    assert_eq!(
        severity(&run(&wb, ymd(2026, 11, 29)), RuleId::PopGeldigheid),
        Some(Severity::Tekort)
    );
}

fn with_goals(goals: Vec<Goal>) -> Workbook {
    let mut wb = workbook(
        Regime::CollectiefMaatwerk,
        vec![employee("M1", ymd(2019, 5, 1))],
        vec![pop("M1", ymd(2026, 10, 1))],
    );
    wb.goals = goals;
    wb
}

#[test]
fn improvement_actions_count_only_unevaluated_goals_and_not_stopped_actions() {
    let later = ymd(2027, 6, 30);
    let wb = with_goals(vec![
        goal(
            "M1",
            1,
            Some(GoalResult::Behaald),
            vec![action(later, None), action(later, None)],
        ),
        goal(
            "M1",
            2,
            None,
            vec![
                action(later, Some(Status::Bezig)),
                action(later, Some(Status::Gestopt)),
            ],
        ),
    ]);
    let f = run(&wb, ymd(2026, 11, 29));
    assert_eq!(severity(&f, RuleId::Verbeteracties), Some(Severity::Tekort));
    assert!(
        of(&f, RuleId::Verbeteracties)[0]
            .message
            .nl
            .starts_with("1 verbeteractie in het huidige POP")
    );
    let wb = with_goals(vec![goal(
        "M1",
        1,
        None,
        vec![action(later, Some(Status::Afgerond)), action(later, None)],
    )]);
    assert_eq!(
        severity(&run(&wb, ymd(2026, 11, 29)), RuleId::Verbeteracties),
        Some(Severity::Ok)
    );
}

#[test]
fn the_minimum_of_improvement_actions_is_configurable() {
    let later = ymd(2027, 6, 30);
    let wb = with_goals(vec![goal("M1", 1, None, vec![action(later, None)])]);
    let rules = Thresholds {
        min_actions: 1,
        ..Thresholds::default()
    };
    let as_of = ymd(2026, 11, 29);
    let f = check(&wb, &rules, as_of, Period::ending(as_of));
    assert_eq!(severity(&f, RuleId::Verbeteracties), Some(Severity::Ok));
}

#[test]
fn levels_need_a_current_and_target_level_for_a_technical_and_a_generic_task() {
    let mut wb = with_goals(Vec::new());
    wb.tasks = vec![
        Task {
            code: "T".into(),
            kind: TaskKind::Technisch,
            ..Task::default()
        },
        Task {
            code: "G".into(),
            kind: TaskKind::Generiek,
            ..Task::default()
        },
    ];
    let cell = |task: &str, level, target| Assessment {
        employee: "M1".into(),
        task: task.into(),
        level,
        target,
        ..Assessment::default()
    };
    wb.matrix = vec![cell("T", Some(1), Some(2)), cell("G", Some(2), None)];
    let f = run(&wb, ymd(2026, 11, 29));
    assert_eq!(
        severity(&f, RuleId::Competentieniveaus),
        Some(Severity::Tekort)
    );
    assert!(
        of(&f, RuleId::Competentieniveaus)[0]
            .message
            .nl
            .contains("voor een generieke taak: schrijf het gewenste niveau")
    );
    wb.matrix.push(cell("G", Some(2), Some(3)));
    assert_eq!(
        severity(&run(&wb, ymd(2026, 11, 29)), RuleId::Competentieniveaus),
        Some(Severity::Ok)
    );
    // A target without a current level is not enough.
    wb.matrix = vec![cell("T", None, Some(2)), cell("G", Some(2), Some(3))];
    assert_eq!(
        severity(&run(&wb, ymd(2026, 11, 29)), RuleId::Competentieniveaus),
        Some(Severity::Tekort)
    );
}

#[test]
fn the_last_pop_must_be_signed_by_both() {
    let c = |signed| {
        workbook(
            Regime::CollectiefMaatwerk,
            vec![employee("M1", ymd(2019, 5, 1))],
            vec![
                pop("M1", ymd(2025, 10, 1)),
                conversation("M1", ymd(2026, 10, 1), ConversationKind::PopGesprek, signed),
            ],
        )
    };
    let at = |wb: &Workbook| of(&run(wb, ymd(2026, 11, 29)), RuleId::Ondertekening)[0].clone();
    assert_eq!(at(&c((true, true))).severity, Severity::Ok);
    let f = at(&c((true, false)));
    assert_eq!(f.severity, Severity::Tekort);
    assert_eq!(
        f.message.nl,
        "het POP van 01/10/2026 is niet getekend door de leidinggevende"
    );
    assert_eq!(
        f.message.en,
        "the POP of 01/10/2026 is not signed by the supervisor"
    );
    assert_eq!(at(&c((false, false))).severity, Severity::Tekort);
}

#[test]
fn an_open_action_past_its_deadline_without_evaluation_needs_follow_up() {
    let deadline = ymd(2026, 9, 30);
    let evaluated = Action {
        evaluation: Some("lukt".into()),
        ..action(deadline, Some(Status::Bezig))
    };
    let wb = with_goals(vec![
        goal(
            "M1",
            1,
            None,
            vec![
                action(deadline, Some(Status::Uitgesteld)),
                action(deadline, None),
                action(deadline, Some(Status::Afgerond)),
                action(deadline, Some(Status::Gestopt)),
                evaluated,
            ],
        ),
        goal(
            "M1",
            2,
            Some(GoalResult::NietBehaald),
            vec![action(deadline, Some(Status::Bezig))],
        ),
    ]);
    let f = run(&wb, ymd(2026, 11, 29));
    let found = of(&f, RuleId::Opvolging);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found.iter().all(|f| f.severity == Severity::Waarschuwing));
    assert!(
        found[0]
            .message
            .nl
            .contains("deadline 30/09/2026, status uitgesteld")
    );
    assert!(found[1].message.nl.contains("zonder status"));
    // On the deadline itself the action is not yet late.
    assert_eq!(
        severity(&run(&wb, deadline), RuleId::Opvolging),
        Some(Severity::Ok)
    );
}

#[test]
fn the_wop_evaluation_warns_six_months_ahead_and_fails_after() {
    let mut e = employee("M1", ymd(2019, 5, 1));
    e.wop_start = Some(ymd(2022, 6, 1));
    let wb = workbook(
        Regime::CollectiefMaatwerk,
        vec![e],
        vec![pop("M1", ymd(2026, 10, 1))],
    );
    let at = |d| severity(&run(&wb, d), RuleId::WopEvaluatie);
    assert_eq!(at(ymd(2026, 11, 30)), Some(Severity::Ok));
    assert_eq!(at(ymd(2026, 12, 1)), Some(Severity::Waarschuwing));
    assert_eq!(at(ymd(2027, 6, 1)), Some(Severity::Waarschuwing));
    assert_eq!(at(ymd(2027, 6, 2)), Some(Severity::Tekort));
    let none = workbook(
        Regime::CollectiefMaatwerk,
        vec![employee("M1", ymd(2019, 5, 1))],
        Vec::new(),
    );
    // Without a WOP start, a note says the rule was not checked.
    let f = run(&none, ymd(2026, 11, 29));
    assert_eq!(
        severity(&f, RuleId::WopEvaluatie),
        Some(Severity::Opmerking)
    );
    assert!(
        of(&f, RuleId::WopEvaluatie)[0]
            .message
            .nl
            .starts_with("`WOP-start` is leeg")
    );
}

#[test]
fn individueel_maatwerk_skips_the_pop_rules_and_says_so() {
    let wb = workbook(
        Regime::IndividueelMaatwerk,
        vec![employee("M1", ymd(2019, 5, 1))],
        Vec::new(),
    );
    let f = run(&wb, ymd(2026, 11, 29));
    for rule in [
        RuleId::PopTermijn,
        RuleId::PopGeldigheid,
        RuleId::Ondertekening,
        RuleId::Begeleidingsnorm,
    ] {
        assert_eq!(severity(&f, rule), None, "{rule:?}");
    }
    assert_eq!(severity(&f, RuleId::Opvolging), Some(Severity::Ok));
    assert_eq!(severity(&f, RuleId::Regime), Some(Severity::Opmerking));
}

#[test]
fn lde_adds_the_track_end_and_a_yearly_evaluation() {
    let mut e = employee("M1", ymd(2020, 3, 1));
    e.track_start = Some(ymd(2022, 3, 1));
    let mut convs = vec![pop("M1", ymd(2025, 10, 1))];
    convs.push(conversation(
        "M1",
        ymd(2025, 12, 1),
        ConversationKind::Evaluatie,
        (true, true),
    ));
    let wb = workbook(
        Regime::LokaleDiensteneconomie,
        vec![e.clone()],
        convs.clone(),
    );
    let f = run(&wb, ymd(2026, 11, 29));
    // Track ends 01/03/2027, warning from 01/09/2026.
    assert_eq!(
        severity(&f, RuleId::LdeTraject),
        Some(Severity::Waarschuwing)
    );
    // Evaluation due 01/12/2026, within the 60-day warning.
    assert_eq!(
        severity(&f, RuleId::LdeEvaluatie),
        Some(Severity::Waarschuwing)
    );
    let later = run(&wb, ymd(2027, 3, 2));
    assert_eq!(severity(&later, RuleId::LdeTraject), Some(Severity::Tekort));
    assert_eq!(
        severity(&later, RuleId::LdeEvaluatie),
        Some(Severity::Tekort)
    );
    assert_eq!(
        severity(&run(&wb, ymd(2026, 8, 31)), RuleId::LdeTraject),
        Some(Severity::Ok)
    );
    // Collectief maatwerk knows neither rule.
    let cm = workbook(Regime::CollectiefMaatwerk, vec![e], convs);
    let f = run(&cm, ymd(2026, 11, 29));
    assert_eq!(severity(&f, RuleId::LdeTraject), None);
    assert_eq!(severity(&f, RuleId::LdeEvaluatie), None);
}

#[test]
fn an_organisation_without_a_regime_is_checked_as_collectief_maatwerk() {
    let mut wb = workbook(
        Regime::CollectiefMaatwerk,
        vec![employee("M1", ymd(2019, 5, 1))],
        Vec::new(),
    );
    wb.organisation.regime = None;
    assert_eq!(
        severity(&run(&wb, ymd(2026, 11, 29)), RuleId::PopGeldigheid),
        Some(Severity::Tekort)
    );
}

fn coach(fte: f64, from: Option<NaiveDate>, until: Option<NaiveDate>) -> Coach {
    Coach {
        name: "Coach".into(),
        fte,
        qualification: None,
        from,
        until,
    }
}

fn norm_team() -> Workbook {
    let with = |id: &str, support, fte| Employee {
        support: Some(support),
        fte: Some(fte),
        ..employee(id, ymd(2020, 1, 1))
    };
    let mut left = with("M6", SupportLevel::Hoog, 1.0);
    left.left = Some(ymd(2026, 9, 29));
    let mut later = with("M7", SupportLevel::Hoog, 1.0);
    later.hired = Some(ymd(2026, 10, 1));
    let mut staff = with("M8", SupportLevel::Hoog, 1.0);
    staff.target_group = Some(false);
    let mut no_level = with("M9", SupportLevel::Hoog, 1.0);
    no_level.support = None;
    // 1,3 FTE laag / 13 + 1 FTE midden / 10 + 0,7 FTE hoog / 7 = 0,1 + 0,1 + 0,1.
    workbook(
        Regime::CollectiefMaatwerk,
        vec![
            with("M1", SupportLevel::Laag, 1.0),
            with("M2", SupportLevel::Laag, 0.3),
            with("M3", SupportLevel::Midden, 1.0),
            with("M4", SupportLevel::Hoog, 0.7),
            left,
            later,
            staff,
            no_level,
        ],
        Vec::new(),
    )
}

#[test]
fn the_coaching_norm_sums_fte_over_13_10_and_7_on_the_quarters_last_day() {
    let mut wb = norm_team();
    wb.coaches = vec![
        coach(0.2, None, None),
        coach(0.1, Some(ymd(2026, 9, 30)), Some(ymd(2026, 9, 30))),
        coach(5.0, Some(ymd(2026, 10, 1)), None),
        coach(5.0, None, Some(ymd(2026, 9, 29))),
    ];
    let n = norm_on(&wb, &Thresholds::default(), ymd(2026, 9, 30));
    assert!((n.required - 0.3).abs() < 1e-9, "{n:?}");
    assert!((n.coaches - 0.3).abs() < 1e-9, "{n:?}");
    assert_eq!((n.counted, n.without_level), (4, 1));
    let f = begeleidingsnorm(
        &wb,
        &Thresholds::default(),
        ymd(2026, 11, 29),
        Period {
            from: ymd(2026, 7, 1),
            to: ymd(2026, 9, 30),
        },
    );
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].severity, Severity::Ok, "exactly enough is enough");
    assert_eq!(
        f[0].message.nl,
        "kwartaal 3/2026 op 30/09/2026: 0,30 VTE begeleiders, 0,30 VTE nodig voor 4 doelgroepwerknemers — genoeg (1 zonder begeleidingsgraad niet meegeteld)"
    );
    wb.coaches[1].fte = 0.09;
    let f = begeleidingsnorm(
        &wb,
        &Thresholds::default(),
        ymd(2026, 11, 29),
        Period {
            from: ymd(2026, 7, 1),
            to: ymd(2026, 9, 30),
        },
    );
    assert_eq!(f[0].severity, Severity::Tekort);
}

#[test]
fn a_quarter_ending_after_as_of_is_a_forecast_and_only_warns() {
    let mut wb = norm_team();
    wb.coaches = vec![coach(0.1, None, None)];
    let as_of = ymd(2026, 11, 29);
    let f = begeleidingsnorm(&wb, &Thresholds::default(), as_of, Period::ending(as_of));
    let quarters: Vec<_> = f.iter().map(|f| f.dates[0].1).collect();
    assert_eq!(
        quarters,
        vec![
            ymd(2025, 12, 31),
            ymd(2026, 3, 31),
            ymd(2026, 6, 30),
            ymd(2026, 9, 30),
            ymd(2026, 12, 31)
        ]
    );
    assert!(f[..4].iter().all(|f| f.severity == Severity::Tekort));
    assert_eq!(f[4].severity, Severity::Waarschuwing);
    assert!(
        f[4].message.nl.contains("verwacht op 31/12/2026"),
        "{}",
        f[4].message.nl
    );
}

#[test]
fn no_coaches_skips_the_norm_with_a_note() {
    let f = begeleidingsnorm(
        &norm_team(),
        &Thresholds::default(),
        ymd(2026, 11, 29),
        Period::ending(ymd(2026, 11, 29)),
    );
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].severity, Severity::Opmerking);
}

#[test]
fn the_default_period_is_the_12_months_up_to_as_of() {
    assert_eq!(
        Period::ending(ymd(2026, 11, 29)),
        Period {
            from: ymd(2025, 11, 30),
            to: ymd(2026, 11, 29)
        }
    );
    assert_eq!(Period::ending(ymd(2028, 2, 29)).from, ymd(2027, 3, 1));
    assert_eq!(quarter_end((2028, 1)), ymd(2028, 3, 31));
    assert_eq!(quarter_end((2027, 4)), ymd(2027, 12, 31));
}

fn setting(name: &str, value: &str, row: u32) -> Setting {
    Setting {
        name: name.into(),
        value: value.into(),
        row,
    }
}

fn at_row(row: u32, _: SheetColumn) -> Location {
    Location {
        file: "team.xlsx".into(),
        sheet: Some("Instellingen".into()),
        row: Some(row),
        column: None,
    }
}

#[test]
fn sheet_settings_match_with_or_without_their_unit_and_accept_a_decimal_comma() {
    let mut t = Thresholds::default();
    let diags = t.apply_sheet(
        &[
            setting("POP-termijn (maanden)", "2", 2),
            setting("pop geldigheid", "6", 3),
            setting("Begeleidingsnorm hoog", "6,5", 4),
            setting("waarschuwing_vooraf_dagen", "30", 5),
        ],
        at_row,
    );
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(
        (t.pop_deadline_months, t.pop_validity_months, t.warning_days),
        (2, 6, 30)
    );
    assert_eq!(t.norm_hoog, 6.5);
    assert_eq!(t.origin(&SETTINGS[0]), Origin::Sheet(2));
    assert_eq!(t.origin(&SETTINGS[4]), Origin::Default);
}

#[test]
fn a_bad_setting_value_warns_at_its_row_and_keeps_the_default() {
    let mut t = Thresholds::default();
    let diags = t.apply_sheet(
        &[
            setting("POP-geldigheid (maanden)", "een jaar", 3),
            setting("Minimum verbeteracties", "1,5", 4),
            setting("Begeleidingsnorm laag", "0", 5),
        ],
        at_row,
    );
    assert_eq!(diags.len(), 3, "{diags:?}");
    assert!(diags.iter().all(|d| d.severity == DiagSeverity::Warning));
    assert_eq!(
        diags[0].render(Lang::Nl),
        "waarschuwing: `een jaar` is geen geldige waarde voor `POP-geldigheid (maanden)`: popdruk gebruikt 12\n  --> team.xlsx, blad `Instellingen`, rij 3\n  = verwacht: een geheel aantal maanden, minstens 1\n"
    );
    assert_eq!(t, Thresholds::default());
}

#[test]
fn an_unknown_setting_name_warns_with_the_nearest_name() {
    let mut t = Thresholds::default();
    let diags = t.apply_sheet(
        &[
            setting("POP-geldigheid (maand)", "6", 7),
            setting("Kleur", "rood", 8),
        ],
        at_row,
    );
    assert_eq!(diags.len(), 2);
    assert!(
        diags[0]
            .render(Lang::Nl)
            .contains("onbekende instelling `POP-geldigheid (maand)` wordt genegeerd")
    );
    assert!(
        diags[0]
            .render(Lang::Nl)
            .contains("tip: bedoelde u `POP-geldigheid (maanden)`?")
    );
    assert!(
        diags[1]
            .render(Lang::En)
            .contains("hint: the settings are listed in docs/compliance.md")
    );
}

#[test]
fn popdruk_toml_takes_snake_case_keys_and_the_sheet_overrides_it() {
    let mut t = Thresholds::default();
    let text = "# regels van de vzw, zonder kleur\npop_geldigheid_maanden = 9\nbegeleidingsnorm_midden = 9.5\nminimum_verbeteracties = \"3\"\nkleur = \"rood\"\n";
    let diags = t.apply_toml(text, Path::new("popdruk.toml"));
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert_eq!(diags[0].location.row, Some(5));
    assert_eq!(
        (t.pop_validity_months, t.norm_midden, t.min_actions),
        (9, 9.5, 3)
    );
    assert_eq!(t.origin(&SETTINGS[1]), Origin::File);
    let diags = t.apply_sheet(&[setting("POP-geldigheid (maanden)", "12", 2)], at_row);
    assert!(diags.is_empty());
    assert_eq!(t.pop_validity_months, 12);
    assert_eq!(t.origin(&SETTINGS[1]), Origin::Sheet(2));
}

#[test]
fn a_popdruk_toml_warning_names_the_line_of_its_own_key() {
    let mut t = Thresholds::default();
    // `pop` and `minimum` begin the keys above them; the quoted key's name is on line 7, a
    // comment mentions it on line 6.
    let text = "pop_geldigheid_maanden = 12\nminimum_verbeteracties = 2\n\n# kleur\n\n# \"kleur van de vzw\" = oud\n\"kleur van de vzw\" = \"rood\"\npop = 3\n  minimum = 1\n";
    let diags = t.apply_toml(text, Path::new("popdruk.toml"));
    let rows: Vec<_> = diags.iter().map(|d| d.location.row).collect();
    // In the order of the keys: `kleur van de vzw`, `minimum`, `pop`.
    assert_eq!(rows, [Some(7), Some(9), Some(8)], "{diags:?}");
}

#[test]
fn unreadable_toml_is_an_error_naming_its_line() {
    let mut t = Thresholds::default();
    let diags = t.apply_toml(
        "pop_geldigheid_maanden = 12\nminimum verbeteracties = 2\n",
        Path::new("popdruk.toml"),
    );
    assert_eq!(diags.len(), 1);
    assert_eq!(diags[0].severity, DiagSeverity::Error);
    assert_eq!(diags[0].location.row, Some(2));
}

#[test]
fn every_setting_default_is_the_documented_one() {
    let t = Thresholds::default();
    let values: Vec<_> = SETTINGS.iter().map(|d| (d.key, d.value(&t))).collect();
    assert_eq!(
        values,
        [
            ("pop_termijn_maanden", "1"),
            ("pop_geldigheid_maanden", "12"),
            ("waarschuwing_vooraf_dagen", "60"),
            ("minimum_verbeteracties", "2"),
            ("wop_duur_jaren", "5"),
            ("wop_waarschuwing_maanden", "6"),
            ("lde_duur_jaren", "5"),
            ("lde_waarschuwing_maanden", "6"),
            ("lde_evaluatie_maanden", "12"),
            ("ondertekening_dagen", "30"),
            ("begeleidingsnorm_laag", "13"),
            ("begeleidingsnorm_midden", "10"),
            ("begeleidingsnorm_hoog", "7"),
        ]
        .map(|(k, v)| (k, v.to_string()))
    );
    let doc = include_str!("../../docs/compliance.md");
    for d in SETTINGS {
        assert!(
            doc.contains(d.name) && doc.contains(d.key),
            "{} missing from docs/compliance.md",
            d.name
        );
    }
    for r in RuleId::ALL {
        assert!(
            doc.contains(&format!("`{}`", r.id())),
            "{} missing from docs/compliance.md",
            r.id()
        );
        assert!(
            doc.contains(&format!("`{}` → `{}`", r.id(), r.tag(Lang::En))),
            "the English tag of {} missing from docs/compliance.md",
            r.id()
        );
    }
}

#[test]
fn the_totals_line_counts_shortfalls_warnings_and_employees() {
    let f = |employee: Option<&str>, severity| Finding {
        employee: employee.map(String::from),
        rule: RuleId::PopGeldigheid,
        severity,
        message: Tr::new("x", "x"),
        dates: Vec::new(),
        at: None,
    };
    let findings = [
        f(Some("M1"), Severity::Tekort),
        f(Some("M1"), Severity::Waarschuwing),
        f(Some("M2"), Severity::Ok),
        f(Some("M3"), Severity::Waarschuwing),
        f(None, Severity::Tekort),
        f(None, Severity::Opmerking),
    ];
    let t = totals::Totals::of(&findings, 14);
    assert_eq!(
        t.render(Lang::Nl),
        "2 tekorten, 2 aandachtspunten bij 2 van 14 doelgroepwerknemers"
    );
    assert_eq!(
        t.render(Lang::En),
        "2 shortfalls, 2 points of attention for 2 of 14 target-group employees"
    );
    assert_eq!(
        totals::Totals::of(&[], 1).render(Lang::Nl),
        "geen tekorten of aandachtspunten bij 1 doelgroepwerknemer"
    );
}

#[test]
fn since_defaults_to_the_start_of_the_previous_quarter() {
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    assert_eq!(previous_quarter_start(d(2026, 11, 29)), d(2026, 7, 1));
    assert_eq!(previous_quarter_start(d(2026, 4, 1)), d(2026, 1, 1));
    assert_eq!(previous_quarter_start(d(2026, 2, 15)), d(2025, 10, 1));
}
