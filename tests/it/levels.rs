//! Levels over time (issue 19): a matrix kept over two years with dated assessments, goals
//! reached with and without a level change; the POP form, the teammatrix, the training plan
//! and `check` show what changed, in Dutch and in English.

use crate::common;

use common::{check_at as check, findings_without_wop_note as findings_of, pdf_text, temp_dir};

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use popdruk_testkit::{self as synth, Sheet, Value};

/// The sample, which keeps two years of history in its matrix: Ayşe (M003) went from 0 to 1
/// to 2 at planting (GRO-AAN), the goal she reached; Łukasz (M004) from 0 to 1 at outdoor
/// painting and Agnieszka (M008) from 2 to 3 at pruning; Grace (M014) reached her goal on
/// safe working (GEN-VEI) but her level stayed 1, and her orderpicking fell from 2 to 1;
/// Ayşe's outdoor painting stayed 0.
fn two_years(case: &str) -> PathBuf {
    let path = temp_dir(case).join("two_years.xlsx");
    synth::write_xlsx(&path, &synth::sample_team()).expect("xlsx");
    path
}

/// The sample as one snapshot of its matrix (levels overwritten, no earlier assessments).
fn snapshot(case: &str) -> PathBuf {
    let path = temp_dir(case).join("snapshot.xlsx");
    synth::write_xlsx(&path, &synth::sample_team_snapshot()).expect("xlsx");
    path
}

/// Builds `kinds` of `path` into a fresh folder, expecting success, and returns it.
fn build(path: &Path, kinds: &str, extra: &[&str]) -> PathBuf {
    let (code, log, out) = common::build_kinds(path, kinds, extra);
    assert_eq!(code, 0, "{log}");
    out
}

#[test]
fn a_goal_reached_without_a_level_change_asks_to_update_the_matrix() {
    let path = two_years("goal");
    let (_, stdout, _) = check(&path, &[]);
    let grace = findings_of(&stdout, "Grace Kabongo (M014)");
    assert!(
        grace.contains(&"aandachtspunt  doel 1 is behaald, maar het niveau voor Veilig werken (GEN-VEI) is niet gestegen sinds 19/01/2026 (niveau 1): werk de teammatrix bij  [competentieniveaus]".to_string()),
        "{grace:#?}"
    );
    // Ayşe's planting rose from 1 at her POP of 24/02/2025 to 2: no remark.
    let ayse = findings_of(&stdout, "Ayşe Yılmaz (M003)");
    assert!(
        ayse.iter().all(|l| !l.contains("werk de teammatrix bij")),
        "{ayse:#?}"
    );
    let (_, stdout, _) = check(&path, &["--lang", "en"]);
    let grace = findings_of(&stdout, "Grace Kabongo (M014)");
    assert!(
        grace.contains(&"attention  goal 1 was achieved, but the level for Veilig werken (GEN-VEI) has not risen since 19/01/2026 (level 1): update the matrix  [competence-levels]".to_string()),
        "{grace:#?}"
    );
    // A matrix without dated history before the goals: nothing to compare.
    let plain = snapshot("no_history");
    let (_, stdout, _) = check(&plain, &[]);
    assert!(!stdout.contains("werk de teammatrix bij"), "{stdout}");
}

#[test]
fn the_pop_form_shows_the_level_at_the_previous_pop_now_and_the_target() {
    // Ayşe's POP runs from her conversation of 30/09/2026; the one before was 16/02/2026,
    // when planting stood at 1 (assessed 24/02/2025) and outdoor painting at 0. Now they
    // are 2 and 0 (assessed 15/10/2026), the painting goal aims at 2; mowing has no history.
    let path = two_years("pop");
    for (lang, note, header, rows) in [
        (
            "nl",
            "Vorig POP: het niveau op het POP-gesprek van 16/02/2026.",
            "Taak Vorig POP Nu Doel Wil leren",
            [
                "Gras maaien 2 Hagen",
                "Beplanting aanleggen 1 2 Onkruid",
                "Buitenschilderwerk ★ 0 0 2 Samenwerken",
            ],
        ),
        (
            "en",
            "Last POP: the level at the POP meeting of 16/02/2026.",
            "Task Last POP Now Target Wants to learn",
            [
                "Gras maaien 2 Hagen",
                "Beplanting aanleggen 1 2 Onkruid",
                "Buitenschilderwerk ★ 0 0 2 Samenwerken",
            ],
        ),
    ] {
        let out = build(&path, "pop", &["--lang", lang]);
        let form = pdf_text(&out.join("M003-Yılmaz-Ayşe/pop-M003-Yılmaz-Ayşe.pdf"));
        assert!(form.contains(note), "{lang}: {form}");
        assert!(form.contains(header), "{lang}: {form}");
        for row in rows {
            assert!(form.contains(row), "{lang}: {row} in {form}");
        }
    }
    // Without dated history the column stays empty and the note is left out.
    let plain = snapshot("plain_pop");
    let out = build(&plain, "pop", &[]);
    let form = pdf_text(&out.join("M003-Yılmaz-Ayşe/pop-M003-Yılmaz-Ayşe.pdf"));
    assert!(form.contains("Taak Vorig POP Nu Doel Wil leren"), "{form}");
    assert!(!form.contains("Vorig POP: het niveau"), "{form}");
    assert!(form.contains("Beplanting aanleggen 2 Onkruid"), "{form}");
}

#[test]
fn the_teammatrix_marks_levels_that_rose_or_fell_and_dates_its_levels() {
    let path = two_years("teammatrix");
    let out = build(&path, "teammatrix", &[]);
    let outdoor = pdf_text(&out.join("teammatrix-Buitenploeg.pdf"));
    let warehouse = pdf_text(&out.join("teammatrix-Logistiek.pdf"));
    // By default since the start of the previous quarter: 01/07/2026.
    assert!(
        outdoor.contains("Niveaus beoordeeld tussen 20/11/2025 en 17/11/2026."),
        "{outdoor}"
    );
    assert!(
        outdoor.contains("↑ gestegen, ↓ gedaald sinds 01/07/2026"),
        "{outdoor}"
    );
    // Ayşe's planting, Łukasz's outdoor painting, Agnieszka's pruning.
    assert_eq!(
        outdoor.matches('↑').count() - outdoor.matches("↑ gestegen").count(),
        3,
        "{outdoor}"
    );
    assert!(outdoor.contains("3. Ayşe Yılmaz 2 1 + 2↑ *"), "{outdoor}");
    assert_eq!(
        outdoor.matches('↓').count(),
        outdoor.matches("↓ gedaald").count(),
        "{outdoor}"
    );
    assert!(
        warehouse.contains("Niveaus beoordeeld tussen 22/10/2026 en 16/11/2026."),
        "{warehouse}"
    );
    assert_eq!(
        warehouse.matches('↓').count() - warehouse.matches("↓ gedaald").count(),
        1,
        "{warehouse}"
    );
    // Since a day after the last change nothing moved; in English.
    let out = build(
        &path,
        "teammatrix",
        &["--since", "2026-11-20", "--lang", "en"],
    );
    let outdoor = pdf_text(&out.join("teammatrix-Buitenploeg.pdf"));
    assert!(
        outdoor.contains("Levels assessed between 20/11/2025 and 17/11/2026."),
        "{outdoor}"
    );
    assert!(
        outdoor.contains("↑ rose, ↓ fell since 20/11/2026"),
        "{outdoor}"
    );
    assert_eq!(
        outdoor.matches('↑').count(),
        outdoor.matches("↑ rose").count(),
        "{outdoor}"
    );
}

#[test]
fn check_counts_the_levels_that_rose_and_fell_since_a_day() {
    let path = two_years("counts");
    let (_, stdout, _) = check(&path, &[]);
    let buiten = stdout.find("  Buitenploeg:").expect("Buitenploeg");
    let logistiek = stdout.find("  Logistiek:").expect("Logistiek");
    assert!(
        stdout[buiten..logistiek]
            .contains("\n    niveaus sinds 01/07/2026: 3 gestegen, 0 gedaald\n"),
        "{stdout}"
    );
    assert!(
        stdout[logistiek..].contains("\n    niveaus sinds 01/07/2026: 0 gestegen, 1 gedaald\n"),
        "{stdout}"
    );
    let (_, stdout, _) = check(&path, &["--since", "2025-01-01", "--lang", "en"]);
    assert!(
        stdout.contains("    levels since 01/01/2025: 1 rose, 0 fell\n"),
        "{stdout}"
    );
    let (_, stdout, _) = check(&path, &["--since", "2026-11-20"]);
    assert!(!stdout.contains("niveaus sinds"), "{stdout}");
}

#[test]
fn the_training_plan_lists_what_goals_reached_since_a_day_closed() {
    // Ayşe reached her planting goal: 1 on 01/07/2026, 2 now. Grace's goal on safe working
    // left her level at 1, so it closed nothing.
    let path = two_years("training");
    let out = build(&path, "opleidingsplan", &[]);
    let plan = pdf_text(&out.join("opleidingsplan-Buitenploeg.pdf"));
    assert!(
        plan.contains("Gedicht met POP-doelen sinds 01/07/2026"),
        "{plan}"
    );
    assert!(plan.contains("Beplanting aanleggen (GRO-AAN): Ayşe Yılmaz behaalde doel 1 en kan het nu zelfstandig (niveau 1 → 2); nu 4 van 2 nodig"), "{plan}");
    let warehouse = pdf_text(&out.join("opleidingsplan-Logistiek.pdf"));
    assert!(!warehouse.contains("Gedicht met POP-doelen"), "{warehouse}");
    let out = build(&path, "opleidingsplan", &["--lang", "en"]);
    let plan = pdf_text(&out.join("opleidingsplan-Buitenploeg.pdf"));
    assert!(
        plan.contains("Closed by POP goals since 01/07/2026"),
        "{plan}"
    );
    assert!(plan.contains("Beplanting aanleggen (GRO-AAN): Ayşe Yılmaz achieved goal 1 and now does it independently (level 1 → 2); now 4 of 2 needed"), "{plan}");
    // Since the day after her level rose there is nothing to list.
    let out = build(&path, "opleidingsplan", &["--since", "2026-10-16"]);
    let plan = pdf_text(&out.join("opleidingsplan-Buitenploeg.pdf"));
    assert!(!plan.contains("Gedicht met POP-doelen"), "{plan}");
}

#[test]
fn the_overview_shows_what_changed_since_a_day() {
    // Since 01/07/2026: Ayşe's planting rose (Buitenploeg) and closed her goal's shortfall;
    // Łukasz's painting and Agnieszka's pruning rose too; Grace's orderpicking fell
    // (Logistiek).
    let path = two_years("overview");
    let out = build(&path, "overzicht", &[]);
    let doc = common::read(&std::fs::read(out.join("overzicht.pdf")).expect("pdf"));
    let pages = common::page_texts(&doc);
    assert_eq!(pages.len(), 1, "one page: {pages:#?}");
    let page = &pages[0];
    assert!(page.contains("Wat veranderde sinds 01/07/2026"), "{page}");
    // Per team: current POP then and now, levels risen and fallen, goals that brought a
    // task to level 2.
    for row in [
        "Buitenploeg 8 van 9 8 van 9 3 0 1",
        "Logistiek 4 van 4 4 van 5 0 1 0",
        "Hele organisatie 12 van 13 12 van 14 3 1 1",
    ] {
        assert!(page.contains(row), "{row:?} not in\n{page}");
    }
    let out = build(&path, "overzicht", &["--lang", "en"]);
    let page = pdf_text(&out.join("overzicht.pdf"));
    assert!(page.contains("What changed since 01/07/2026"), "{page}");
    assert!(page.contains("Buitenploeg 8 of 9 8 of 9 3 0 1"), "{page}");
    // From the day after Ayşe's level rose nothing moved.
    let out = build(&path, "overzicht", &["--since", "2026-10-16"]);
    let page = pdf_text(&out.join("overzicht.pdf"));
    assert!(page.contains("Buitenploeg 8 van 9 8 van 9 0 0 0"), "{page}");
}

/// The sample's matrix, history included, rewritten in the wide form (one row per employee
/// and assessment date, a column per task, levels only).
fn wide_form(case: &str) -> PathBuf {
    let mut team = synth::sample_team();
    let long = synth::sheet_mut(&mut team, "Matrix")
        .expect("Matrix")
        .clone();
    let col = |h: &str| long.column(h).expect("column");
    let (e, t, n, d) = (col("Medewerker"), col("Taak"), col("Niveau"), col("Datum"));
    let mut tasks: Vec<String> = Vec::new();
    // Per employee and day: the tasks assessed and their levels.
    type Row = (String, NaiveDate, Vec<(String, i64)>);
    let mut rows: Vec<Row> = Vec::new();
    for row in &long.rows {
        let (Value::Text(who), Value::Text(task), Value::Int(level), Value::Date(day)) =
            (&row[e], &row[t], &row[n], &row[d])
        else {
            continue;
        };
        if !tasks.contains(task) {
            tasks.push(task.clone());
        }
        match rows.iter_mut().find(|r| &r.0 == who && r.1 == *day) {
            Some(r) => r.2.push((task.clone(), *level)),
            None => rows.push((who.clone(), *day, vec![(task.clone(), *level)])),
        }
    }
    let mut headers = vec!["Medewerker".to_string(), "Datum".to_string()];
    headers.extend(tasks.iter().cloned());
    let wide = Sheet {
        name: "Matrix".into(),
        headers,
        rows: rows
            .into_iter()
            .map(|(who, day, cells)| {
                let mut row = vec![Value::text(&who), Value::Date(day)];
                row.extend(tasks.iter().map(|task| {
                    cells
                        .iter()
                        .find(|(t, _)| t == task)
                        .map_or(Value::Empty, |(_, l)| Value::text(l.to_string()))
                }));
                row
            })
            .collect(),
    };
    *synth::sheet_mut(&mut team, "Matrix").expect("Matrix") = wide;
    let path = temp_dir(case).join("wide.xlsx");
    synth::write_xlsx(&path, &team).expect("xlsx");
    path
}

#[test]
fn a_wide_matrix_with_a_date_column_keeps_the_levels_history() {
    let path = wide_form("wide");
    let (code, stdout, stderr) = check(&path, &["--since", "2025-01-01"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        !stderr.contains("twee keer"),
        "dated rows are no duplicates: {stderr}"
    );
    let buiten = stdout.find("  Buitenploeg:").expect("Buitenploeg");
    let logistiek = stdout.find("  Logistiek:").expect("Logistiek");
    // Ayşe's planting: 0 on 10/12/2024, 2 now.
    assert!(
        stdout[buiten..logistiek]
            .contains("\n    niveaus sinds 01/01/2025: 1 gestegen, 0 gedaald\n"),
        "{stdout}"
    );
    // The same in English, from a later day: nothing rose since.
    let (_, stdout, _) = check(&path, &["--since", "2026-11-01", "--lang", "en"]);
    assert!(!stdout.contains("levels since"), "{stdout}");
}
