//! The layout lint over a corpus: the sample team and a generated organisation, in Dutch
//! and English, on A4 and A3. Every page of every document must pass the typesetting rules
//! of `layout::lint` (headings kept with what follows, tables broken with two rows on each
//! side, hyphens only where they pay, dates whole, type sizes, the paper edge).

use chrono::NaiveDate;
use popdruk::build::{self, Kind, Plan};
use popdruk::i18n::Lang;
use popdruk::layout::lint::{self, Rules};
use popdruk::model::{Action, Assessment, FollowUp, Goal, Status, Task};
use popdruk::style::Paper;
use popdruk::template::Templates;
use popdruk::{input, layout, model};
use popdruk_testkit as synth;
use rayon::prelude::*;

/// The thresholds each kind of document is held to.
fn rules(kind: Kind) -> Rules {
    match kind {
        Kind::Voorbereiding => Rules {
            body: 13.0,
            ..Rules::default()
        },
        Kind::Teammatrix => Rules {
            body: 9.0,
            ..Rules::default()
        },
        _ => Rules::default(),
    }
}

/// Lays out every document of the workbook at `path` in each language and paper size and
/// returns the faults found, one line each, and how many pages were checked.
fn faults_in(wb: &model::Workbook) -> (Vec<String>, usize) {
    let templates = Templates::load(&[]).expect("templates");
    let date = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
    let mut out = Vec::new();
    let mut pages = 0;
    for lang in [Lang::Nl, Lang::En] {
        for paper in [Paper::A4, Paper::A3] {
            let mut plan = Plan::new(Kind::ALL.to_vec(), lang, date);
            plan.paper = paper;
            if paper == Paper::A3 {
                // Only the teammatrix has a paper size of its own.
                plan.kinds = vec![Kind::Teammatrix];
            }
            let docs = build::documents(wb, &templates, &plan).expect("documents");
            // Documents are independent: laid out on every core.
            let found: Vec<(usize, Vec<String>)> = docs
                .par_iter()
                .map_init(
                    popdruk::text::Shaper::default,
                    |shaper, (path, kind, doc)| {
                        let laid = layout::layout_with(doc, &layout::Options::default(), shaper);
                        let faults = lint::lint(&laid, &rules(*kind))
                            .into_iter()
                            .map(|f| format!("{lang:?} {paper:?} {path} {f}"))
                            .collect();
                        (laid.pages.len(), faults)
                    },
                )
                .collect();
            for (n, faults) in found {
                pages += n;
                out.extend(faults);
            }
        }
    }
    (out, pages)
}

fn read(path: &std::path::Path) -> model::Workbook {
    let source = input::read(path).expect("read");
    let validated = model::validate(&source);
    assert!(!validated.has_errors(), "the workbook has errors");
    validated.workbook
}

#[test]
fn the_sample_prints_without_a_typesetting_fault() {
    let wb = read(std::path::Path::new("samples/team.xlsx"));
    let (faults, pages) = faults_in(&wb);
    assert!(pages > 100, "the corpus was laid out ({pages} pages)");
    assert!(
        faults.is_empty(),
        "{} faults:\n{}",
        faults.len(),
        faults.join("\n")
    );
}

/// Words for long texts.
const WORDS: &str = "meelopen met een ervaren collega op de werf en daarna zelfstandig de \
    voorbereiding doen, met opvolging door de begeleider en een evaluatie na drie maanden, \
    inclusief veiligheidsinstructies, materiaalkennis en het bijhouden van een logboek";

/// A generated organisation of 320 employees whose data varies as real teams' does: per
/// employee no goals, one goal, eight goals with long actions, very long strengths, or
/// names with particles and diacritics; plus a team of 60 people and 40 tasks and one of
/// 3 people and 2 tasks.
fn varied() -> model::Workbook {
    let dir = std::env::temp_dir().join(format!("popdruk-lint-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("org.xlsx");
    synth::write_xlsx(&path, &synth::organisation(320, 12, 11)).unwrap();
    let mut wb = read(&path);
    std::fs::remove_dir_all(&dir).ok();
    let long = |n: usize| -> String {
        WORDS
            .split_whitespace()
            .cycle()
            .take(n)
            .collect::<Vec<_>>()
            .join(" ")
    };
    let date = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
    let ids: Vec<String> = wb
        .employees
        .iter()
        .filter(|e| e.in_service_on(date))
        .map(|e| e.id.clone())
        .collect();
    for (i, id) in ids.iter().enumerate() {
        let e = wb.employees.iter_mut().find(|e| &e.id == id).unwrap();
        match i % 6 {
            0 => wb.goals.retain(|g| &g.employee != id),
            1 => {
                let mut first = true;
                wb.goals
                    .retain(|g| &g.employee != id || std::mem::take(&mut first));
            }
            2 => {
                wb.goals.retain(|g| &g.employee != id);
                for n in 1..=8 {
                    let action = |k: usize| Action {
                        row: 0,
                        text: Some(format!("{} ({k})", long(18 + 3 * k))),
                        support: Some(long(10)),
                        responsible: Some("Ilse Van den Broeck".into()),
                        start: None,
                        deadline: NaiveDate::from_ymd_opt(2027, 3, 1),
                        follow_up: Some(FollowUp::Text("maandelijks".into())),
                        status: Some(Status::Bezig),
                        evaluation: None,
                    };
                    wb.goals.push(Goal {
                        row: 0,
                        employee: id.clone(),
                        number: n,
                        text: long(12),
                        task: None,
                        origin: None,
                        result: None,
                        actions: (1..=3).map(action).collect(),
                    });
                }
            }
            3 => e.strengths = Some(long(260)),
            4 => {
                e.first_name = "Łukasz-Żaneta".into();
                e.last_name = "Van den Broeck-Ağaoğlu de la Vallée".into();
            }
            _ => {}
        }
    }
    // A team of 60 people and 40 tasks, and one of 3 people and 2 tasks.
    for (team, people, tasks) in [("Grote ploeg", 60, 40), ("Kleine ploeg", 3, 2)] {
        let members: Vec<String> = ids.iter().rev().take(people).cloned().collect();
        let members: Vec<String> = if team == "Kleine ploeg" {
            ids.iter().skip(100).take(people).cloned().collect()
        } else {
            members
        };
        for e in wb.employees.iter_mut().filter(|e| members.contains(&e.id)) {
            e.team = team.into();
        }
        wb.matrix.retain(|a| !members.contains(&a.employee));
        for t in 0..tasks {
            let code = format!("{}{t:02}", &team[..1]);
            wb.tasks.push(Task {
                code: code.clone(),
                name: format!("{} {t}", long(1 + t % 3)),
                cluster: Some(format!("Cluster {}", t / 7)),
                required: Some(2),
                team: Some(team.into()),
                ..Task::default()
            });
            for (k, m) in members.iter().enumerate() {
                wb.matrix.push(Assessment {
                    employee: m.clone(),
                    task: code.clone(),
                    level: Some(((k + t) % 4) as u8),
                    wants_to_learn: (k * t) % 5 == 0,
                    likes: (k + 2 * t) % 7 == 0,
                    not_deployable: (k + t) % 31 == 0,
                    target: ((k + t) % 9 == 0).then_some(3),
                    date: None,
                });
            }
        }
    }
    wb
}

#[test]
fn a_varied_organisation_prints_without_a_typesetting_fault() {
    let (faults, pages) = faults_in(&varied());
    assert!(pages > 2000, "the corpus was laid out ({pages} pages)");
    assert!(
        faults.is_empty(),
        "{} faults:\n{}",
        faults.len(),
        faults.join("\n")
    );
}
