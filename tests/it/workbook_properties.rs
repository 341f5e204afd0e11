//! Property test over generated workbooks: names in every script the fonts cover, goals,
//! actions and long texts, written as xlsx, read, validated and built. Every text value of
//! an employee comes out of that employee's POP form word for word and in order; every
//! employee and task is in the teammatrix; nothing is drawn where a printer cannot print.

use crate::common;

use std::path::Path;

use chrono::NaiveDate;
use popdruk::build::{self, Kind, Plan};
use popdruk::i18n::Lang;
use popdruk::layout::{self, Item, Seg};
use popdruk::template::Templates;
use popdruk::{analysis, context, input, markup, model};
use popdruk_testkit as synth;
use popdruk_testkit::{Sheet, Value};
use proptest::prelude::*;

/// A name part: Flemish, Turkish, Polish, Romanian, Greek, Cyrillic.
fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Z][a-zéèëïöüç]{1,9}",
        "[ÇĞİÖŞÜ][a-zçğıöşü]{1,9}",
        "[ŁŚŻŹĆ][a-ząćęłńóśźż]{1,9}",
        "[ĂÂÎȘȚ][a-zăâîșț]{1,9}",
        "[Α-ΡΣ-Ω][α-ω]{1,9}",
        "[А-Я][а-яё]{1,9}",
        Just("Van den Broeck".to_string()),
    ]
}

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-zA-Z]{1,10}",
        2 => "[a-zéëïçöüşığłąęółżźăâîșț]{1,12}",
        1 => "[α-ω]{2,8}",
        1 => "[а-я]{2,8}",
        1 => "[a-z]{20,40}",
        1 => "[0-9]{1,4}[.,:;!?]?",
    ]
}

fn text(max_words: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(word(), 1..max_words).prop_map(|w| w.join(" "))
}

/// One employee's values: first and last name, career goal, strengths, improvements,
/// and goals with their actions.
#[derive(Debug, Clone)]
struct Person {
    first: String,
    last: String,
    career: String,
    strengths: String,
    improvements: String,
    goals: Vec<(String, Vec<String>)>,
}

fn person() -> impl Strategy<Value = Person> {
    (
        name(),
        name(),
        prop_oneof![3 => text(12), 1 => text(300)],
        text(10),
        text(10),
        prop::collection::vec((text(15), prop::collection::vec(text(12), 0..3)), 0..3),
    )
        .prop_map(
            |(first, last, career, strengths, improvements, goals)| Person {
                first,
                last,
                career,
                strengths,
                improvements,
                goals,
            },
        )
}

fn sheet(name: &str, headers: &[&str], rows: Vec<Vec<Value>>) -> Sheet {
    Sheet {
        name: name.into(),
        headers: headers.iter().map(|h| h.to_string()).collect(),
        rows,
    }
}

fn t(s: &str) -> Value {
    Value::text(s)
}

fn workbook(people: &[Person], tasks: &[String]) -> Vec<Sheet> {
    let hired = NaiveDate::from_ymd_opt(2024, 3, 1).unwrap();
    let org = sheet(
        "Organisatie",
        &["Veld", "Waarde"],
        vec![
            vec![t("Naam"), t("Proef vzw")],
            vec![t("Plaats"), t("Gent")],
        ],
    );
    let employees = sheet(
        "Medewerkers",
        &[
            "ID",
            "Voornaam",
            "Achternaam",
            "Team",
            "In dienst",
            "Loopbaandoel",
            "Sterktes",
            "Werkpunten",
        ],
        people
            .iter()
            .enumerate()
            .map(|(i, p)| {
                vec![
                    t(&format!("M{i:03}")),
                    t(&p.first),
                    t(&p.last),
                    t("Ploeg"),
                    Value::Date(hired),
                    t(&p.career),
                    t(&p.strengths),
                    t(&p.improvements),
                ]
            })
            .collect(),
    );
    let taken = sheet(
        "Taken",
        &["Code", "Taak"],
        tasks
            .iter()
            .enumerate()
            .map(|(i, name)| vec![t(&format!("T{i}")), t(name)])
            .collect(),
    );
    let mut matrix_rows = Vec::new();
    for i in 0..people.len() {
        for j in 0..tasks.len() {
            matrix_rows.push(vec![
                t(&format!("M{i:03}")),
                t(&format!("T{j}")),
                Value::Int(((i + j) % 4) as i64),
            ]);
        }
    }
    let matrix = sheet("Matrix", &["Medewerker", "Taak", "Niveau"], matrix_rows);
    let mut goal_rows = Vec::new();
    for (i, p) in people.iter().enumerate() {
        for (n, (goal, actions)) in p.goals.iter().enumerate() {
            if actions.is_empty() {
                goal_rows.push(vec![
                    t(&format!("M{i:03}")),
                    Value::Int(n as i64 + 1),
                    t(goal),
                ]);
            }
            for (k, a) in actions.iter().enumerate() {
                let g = if k == 0 { t(goal) } else { Value::Empty };
                goal_rows.push(vec![
                    t(&format!("M{i:03}")),
                    Value::Int(n as i64 + 1),
                    g,
                    t(a),
                ]);
            }
        }
    }
    let goals = sheet("Doelen", &["Medewerker", "Nr", "Doel", "Actie"], goal_rows);
    vec![org, employees, taken, matrix, goals]
}

/// Whether every word of `want` appears in `got` in order (both squashed: line breaks and
/// hyphenation leave no trace).
fn words_in_order(want: &str, got: &str) -> Result<(), String> {
    let mut at = 0;
    for w in want.split_whitespace() {
        let w = common::squash(w);
        match got[at..].find(&w) {
            Some(i) => at += i + w.len(),
            None => return Err(format!("`{w}` of `{want}` not found after byte {at}")),
        }
    }
    Ok(())
}

/// What a printer can reach: the page less 5 mm on every side.
const EDGE: f32 = 5.0 * 72.0 / 25.4;

fn inside(page: &layout::Page, points: &[(f32, f32)]) -> bool {
    points.iter().all(|&(x, y)| {
        x >= EDGE - 0.01
            && x <= page.width.0 - EDGE + 0.01
            && y >= EDGE - 0.01
            && y <= page.height.0 - EDGE + 0.01
    })
}

fn points(item: &Item) -> Vec<(f32, f32)> {
    match item {
        Item::Text {
            x,
            y,
            size,
            run,
            vertical: false,
            ..
        } => vec![(*x, y - size), (x + run.width * size, y + 0.3 * size)],
        Item::Text {
            x,
            y,
            size,
            run,
            vertical: true,
            ..
        } => vec![(x - size, *y), (x + 0.3 * size, y - run.width * size)],
        Item::Rect { x, y, w, h, .. }
        | Item::Image { x, y, w, h, .. }
        | Item::Link { x, y, w, h, .. } => {
            vec![(*x, *y), (x + w, y + h)]
        }
        // Not drawn: what the layout says a piece of the page is.
        Item::Mark { .. } => Vec::new(),
        Item::Line { x1, y1, x2, y2, .. } => vec![(*x1, *y1), (*x2, *y2)],
        Item::Path { segs, .. } => segs
            .iter()
            .flat_map(|s| match s {
                Seg::Move(x, y) | Seg::Line(x, y) => vec![(*x, *y)],
                Seg::Curve(_, _, _, _, x, y) => vec![(*x, *y)],
                Seg::Close => Vec::new(),
            })
            .collect(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn every_value_prints_whole_in_order_and_within_the_page(
        people in prop::collection::vec(person(), 1..4),
        tasks in prop::collection::vec(text(4), 1..5),
    ) {
        let bytes = synth::xlsx_bytes(&workbook(&people, &tasks)).expect("xlsx");
        let source = input::read_workbook_bytes(Path::new("team.xlsx"), &bytes).expect("read");
        let validated = model::validate(&source);
        prop_assert!(!validated.has_errors(), "{:?}", validated.diagnostics);
        let wb = &validated.workbook;
        let templates = Templates::load(&[]).expect("templates");
        let date = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let plan = Plan::new(vec![Kind::Pop, Kind::Teammatrix], Lang::Nl, date);
        let mut files = Vec::new();
        let mut notices = Vec::new();
        build::build(wb, &templates, &plan, &mut notices, |f| {
            files.push(f);
            Ok(())
        })
        .expect("build");
        prop_assert!(notices.is_empty(), "{:?}", notices);

        let text_of = |path: &str| -> String {
            let f = files.iter().find(|f| f.path == path).expect("file made");
            common::squash(&common::text(&common::read(&f.bytes.clone().into_vec())))
        };
        for (e, p) in wb.employees.iter().zip(&people) {
            let got = text_of(&format!("{}/{}", popdruk::naming::folder_name(e), popdruk::naming::file_name("pop", e)));
            let mut values = vec![
                format!("{} {}", p.first, p.last),
                p.career.clone(),
                p.strengths.clone(),
                p.improvements.clone(),
            ];
            for (goal, actions) in &p.goals {
                values.push(goal.clone());
                values.extend(actions.iter().cloned());
            }
            for v in &values {
                if let Err(e) = words_in_order(v, &got) {
                    prop_assert!(false, "{}: {}", e, got);
                }
            }
        }
        let matrix = text_of(&format!("teammatrix-{}.pdf", popdruk::naming::safe_name("Ploeg")));
        for p in &people {
            prop_assert!(
                matrix.contains(&common::squash(&p.first))
                    && matrix.contains(&common::squash(&p.last)),
                "{} {} not in the matrix", p.first, p.last
            );
        }
        for task in &tasks {
            prop_assert!(
                words_in_order(task, &matrix).is_ok(),
                "task {} not in the matrix", task
            );
        }

        // Laid out through the library: nothing outside what a printer reaches.
        let cells = analysis::CellIndex::new(wb);
        let rows = popdruk::model::Index::new(wb);
        for e in &wb.employees {
            let ctx = context::employee(&rows, &cells, e, templates.labels(Lang::Nl), Lang::Nl, date, date, &Default::default());
            let doc = markup::parse(&templates.render("pop.tera", &ctx).expect("render"))
                .expect("markup");
            let laid = layout::layout(&doc, &layout::Options::default());
            for (n, page) in laid.pages.iter().enumerate() {
                for item in &page.items {
                    prop_assert!(
                        inside(page, &points(item)),
                        "page {} of {}: {:?}", n + 1, e.id, item
                    );
                }
            }
        }
    }
}
