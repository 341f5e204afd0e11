//! Findings that are right (issue 16): each case is the bundled sample with one change a real
//! workbook has, written as a fixture named for the case, and checked for the exact finding,
//! note or document content it must give — or for its absence — in Dutch and in English.

use crate::common;

use common::{
    build_kinds as build, check_at as check, findings_without_wop_note as findings_of, pdf_text,
    sample_fixture as fixture,
};

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use popdruk_testkit::{self as synth, Sheet, Value};

#[allow(dead_code)]
fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

/// Sets `column` to `v` on every row of `sheet` whose `key` column holds `value`.
fn set_where(team: &mut [Sheet], sheet: &str, key: &str, value: &str, column: &str, v: Value) {
    let s = synth::sheet_mut(team, sheet).expect("sheet");
    let (k, c) = (
        s.column(key).expect("key"),
        s.column(column).expect("column"),
    );
    let mut found = false;
    for row in s.rows.iter_mut().filter(|r| r[k] == Value::text(value)) {
        if row.len() <= c {
            row.resize(c + 1, Value::Empty);
        }
        row[c] = v.clone();
        found = true;
    }
    assert!(found, "no row with {key} = {value} in {sheet}");
}

#[test]
fn a_task_without_team_belongs_only_to_the_teams_that_use_it() {
    // Painting indoors and mowing lose their `Team`: only the Buitenploeg has levels or
    // marks for them, so the warehouse must not be told it lacks a painter or a mower.
    let path = fixture("task_without_team", |team| {
        for code in ["SCH-BIN", "GRO-MAA"] {
            set_where(team, "Taken", "Code", code, "Team", Value::Empty);
        }
    });
    let (code, stdout, stderr) = check(&path, &[]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stderr.contains(
            "taken zonder `Team` horen bij de teams waarin iemand er een niveau of markering voor heeft in `Matrix`, of die ze in `Teambehoeften` noemen: `GRO-MAA` (Buitenploeg); `SCH-BIN` (Buitenploeg)"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "vul de kolom `Team` in het blad `Taken` in om een taak aan één team te geven"
        ),
        "{stderr}"
    );
    assert_eq!(stderr.matches("taken zonder `Team`").count(), 1, "{stderr}");
    let logistics = stdout
        .lines()
        .skip_while(|l| !l.starts_with("  Logistiek:"))
        .take_while(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(logistics.starts_with("  Logistiek: 1 tekort"), "{stdout}");
    assert!(
        !logistics.contains("SCH-BIN") && !logistics.contains("GRO-MAA"),
        "{stdout}"
    );

    let (_, _, stderr) = check(&path, &["--lang", "en"]);
    assert!(
        stderr.contains(
            "tasks without `Team` belong to the teams in which someone has a level or mark for them in `Matrix`, or whose team need names them: `GRO-MAA` (Buitenploeg); `SCH-BIN` (Buitenploeg)"
        ),
        "{stderr}"
    );

    let (code, log, out) = build(&path, "teammatrix,opleidingsplan,pop", &[]);
    assert_eq!(code, 0, "{log}");
    let matrix = pdf_text(&out.join("teammatrix-Logistiek.pdf"));
    assert!(matrix.contains("Heftruck rijden"), "{matrix}");
    assert!(
        !matrix.contains("Binnenschilderwerk") && !matrix.contains("Gras maaien"),
        "{matrix}"
    );
    let plan = pdf_text(&out.join("opleidingsplan-Logistiek.pdf"));
    assert!(
        !plan.contains("Binnenschilderwerk") && !plan.contains("Gras maaien"),
        "{plan}"
    );
    let grace = pdf_text(&out.join("M014-Kabongo-Grace/pop-M014-Kabongo-Grace.pdf"));
    assert!(grace.contains("Orderpicking"), "{grace}");
    assert!(
        !grace.contains("Binnenschilderwerk") && !grace.contains("Gras maaien"),
        "{grace}"
    );
    let outdoor = pdf_text(&out.join("teammatrix-Buitenploeg.pdf"));
    assert!(
        outdoor.contains("Binnenschilderwerk") && outdoor.contains("Gras maaien"),
        "{outdoor}"
    );
}

#[test]
fn a_task_nobody_uses_yet_stays_in_every_team_without_a_note() {
    let path = fixture("task_not_used_yet", |team| {
        let s = synth::sheet_mut(team, "Taken").expect("Taken");
        let mut row = vec![Value::Empty; s.headers.len()];
        row[s.column("Code").expect("Code")] = Value::text("GEN-EHB");
        row[s.column("Taak").expect("Taak")] = Value::text("Eerste hulp");
        s.rows.push(row);
    });
    let (code, stdout, stderr) = check(&path, &[]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(!stderr.contains("taken zonder `Team`"), "{stderr}");
    let (_, log, out) = build(&path, "teammatrix", &[]);
    for team in ["Buitenploeg", "Logistiek"] {
        let matrix = pdf_text(&out.join(format!("teammatrix-{team}.pdf")));
        assert!(matrix.contains("Eerste hulp"), "{team}: {matrix}{log}");
    }
}

const TOMASZ: &str = "Tomasz Kowalski (M015)";

#[test]
fn a_goal_tied_to_a_task_is_a_desired_level() {
    // Tomasz's matrix row has no target levels, but his current POP has a goal on LOG-HEF
    // (technical) and one on GEN-KLA (generic): both are what he should reach.
    let (code, stdout, stderr) = check(Path::new("samples/team.xlsx"), &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        !findings_of(&stdout, TOMASZ)
            .iter()
            .any(|l| l.contains("[competentieniveaus]")),
        "{stdout}"
    );
    let (_, stdout, _) = check(Path::new("samples/team.xlsx"), &["--lang", "en"]);
    assert!(
        !findings_of(&stdout, TOMASZ)
            .iter()
            .any(|l| l.contains("[competence-levels]")),
        "{stdout}"
    );
}

#[test]
fn without_a_target_or_a_goal_the_finding_says_how_to_write_a_target() {
    let path = fixture("levels_without_target", |team| {
        set_where(team, "Doelen", "Medewerker", "M015", "Taak", Value::Empty);
    });
    let (_, stdout, _) = check(&path, &[]);
    assert_eq!(
        findings_of(&stdout, TOMASZ),
        [
            "tekort         de teammatrix heeft geen huidig én gewenst niveau voor een technische en een generieke taak: schrijf het gewenste niveau achter het huidige in de matrix (`1>2`), of koppel een doel aan de taak (kolom `Taak` in `Doelen`)  [competentieniveaus]"
        ],
        "{stdout}"
    );
    let (_, stdout, _) = check(&path, &["--lang", "en"]);
    assert_eq!(
        findings_of(&stdout, TOMASZ),
        [
            "shortfall  the teammatrix has no current and target level for a technical and a generic task: write the target after the current level in the matrix (`1>2`), or tie a goal to the task (column `Task` in `Goals`)  [competence-levels]"
        ],
        "{stdout}"
    );
}

/// Adds a row to the `Instellingen` sheet.
fn set_setting(team: &mut [Sheet], name: &str, value: &str) {
    let s = synth::sheet_mut(team, "Instellingen").expect("Instellingen");
    s.rows.push(vec![Value::text(name), Value::text(value)]);
}

#[test]
fn the_pop_form_period_is_the_validity_check_judges() {
    // Kevin's last POP is of 16/12/2024: with a validity of 24 months, check says it runs
    // until 16/12/2026 and the form prints that same period.
    let path = fixture("validity_24_months", |team| {
        set_setting(team, "POP-geldigheid (maanden)", "24");
    });
    let (_, stdout, _) = check(&path, &[]);
    let kevin = findings_of(&stdout, "Kevin De Smet (M007)");
    assert!(
        kevin.iter().any(|l| l.contains(
            "het POP verloopt op 16/12/2026 (laatste POP-gesprek 16/12/2024): plan een POP-gesprek  [pop-geldigheid]"
        )),
        "{stdout}"
    );
    for lang in ["nl", "en"] {
        let (code, log, out) = build(&path, "pop", &["--lang", lang]);
        assert_eq!(code, 0, "{log}");
        let form = pdf_text(&out.join("M007-De-Smet-Kevin/pop-M007-De-Smet-Kevin.pdf"));
        assert!(form.contains("16/12/2024 – 15/12/2026"), "{lang}: {form}");
    }
}

#[test]
fn a_dossier_for_a_past_date_counts_only_goals_agreed_by_then() {
    // Emre's POP of 27/10/2025 is the current one on 30/06/2026; his goal 2 starts on
    // 02/11/2026, after the POP conversation of 26/10/2026 where it was agreed. His levels
    // were assessed on 17/11/2026, so on 30/06/2026 the matrix has none of his yet.
    let path = fixture("pop_versions", |_| {});
    let past = ["--as-of", "2026-06-30"];
    let (_, stdout, _) = check(&path, &past);
    let emre = findings_of(&stdout, "Emre Demir (M011)");
    assert_eq!(
        emre,
        [
            "tekort         0 verbeteracties in het huidige POP, er zijn er minstens 2 nodig  [verbeteracties]",
            "tekort         de teammatrix heeft geen huidig én gewenst niveau voor een technische en een generieke taak: schrijf het gewenste niveau achter het huidige in de matrix (`1>2`), of koppel een doel aan de taak (kolom `Taak` in `Doelen`)  [competentieniveaus]",
        ],
        "{stdout}"
    );
    let (_, stdout, _) = check(&path, &[past[0], past[1], "--lang", "en"]);
    assert!(
        findings_of(&stdout, "Emre Demir (M011)")
            .iter()
            .any(|l| l.contains(
                "0 improvement actions in the current POP, at least 2 needed  [improvement-actions]"
            )),
        "{stdout}"
    );
    let (code, log, out) = build(&path, "dossier", &past);
    assert_eq!(code, 0, "{log}");
    let dossier = pdf_text(&out.join("dossier.pdf"));
    assert!(!dossier.contains("Emre kent tegen maart 2027"), "{dossier}");
    // On the day itself the goal agreed on 26/10/2026 counts, and so does Ilse's goal that
    // starts in January but was agreed at her POP of 29/09/2026.
    let (_, stdout, _) = check(&path, &[]);
    assert!(
        findings_of(&stdout, "Emre Demir (M011)").is_empty(),
        "{stdout}"
    );
    assert!(
        findings_of(&stdout, "Ilse Van den Broeck (M001)").is_empty(),
        "{stdout}"
    );
    let (_, log, out) = build(&path, "dossier", &[]);
    let dossier = pdf_text(&out.join("dossier.pdf"));
    assert!(
        dossier.contains("Emre kent tegen maart 2027"),
        "{log}{dossier}"
    );
}

#[test]
fn someone_leaving_before_a_need_deadline_does_not_cover_it_then() {
    // The sample's worked example: Marc paints but leaves on 31/01/2027, before the
    // Buitenploeg's need for painters on 01/03/2027.
    let path = fixture("departure_before_deadline", |_| {});
    let (code, log, out) = build(&path, "teammatrix,opleidingsplan", &[]);
    assert_eq!(code, 0, "{log}");
    let matrix = pdf_text(&out.join("teammatrix-Buitenploeg.pdf"));
    assert!(matrix.contains("Op de deadline"), "{matrix}");
    assert!(
        matrix.contains(
            "Buitenschilderwerk op 01/03/2027: 1 van 4 nodig (Marc Peeters vertrekt op 31/01/2027)"
        ),
        "{matrix}"
    );
    let plan = pdf_text(&out.join("opleidingsplan-Buitenploeg.pdf"));
    assert!(plan.contains("2 van 4 nodig · ▲ tekort 2"), "{plan}");
    assert!(
        plan.contains(
            "op 01/03/2027: 1 van 4 nodig (Marc Peeters vertrekt op 31/01/2027) · ▲ tekort 3"
        ),
        "{plan}"
    );
    let (code, log, out) = build(&path, "teammatrix,opleidingsplan", &["--lang", "en"]);
    assert_eq!(code, 0, "{log}");
    let matrix = pdf_text(&out.join("teammatrix-Buitenploeg.pdf"));
    assert!(
        matrix.contains(
            "Buitenschilderwerk on 01/03/2027: 1 of 4 needed (Marc Peeters leaves on 31/01/2027)"
        ),
        "{matrix}"
    );
    let plan = pdf_text(&out.join("opleidingsplan-Buitenploeg.pdf"));
    assert!(plan.contains("At the deadline"), "{plan}");
    // The warehouse's need has nobody leaving: its coverage on the deadline is today's.
    let plan = pdf_text(&out.join("opleidingsplan-Logistiek.pdf"));
    assert!(plan.contains("on 30/06/2027: 1 of 3 needed"), "{plan}");
    assert!(!plan.contains("leaves on"), "{plan}");
    // check's teammatrix summary says the same, in both languages.
    let (_, stdout, _) = check(&path, &[]);
    assert!(
        stdout.contains(
            "op de deadline 01/03/2027  SCH-BUI (Buitenschilderwerk): 1 van 4, tekort 3 (Marc Peeters vertrekt op 31/01/2027)"
        ),
        "{stdout}"
    );
    let (_, stdout, _) = check(&path, &["--lang", "en"]);
    assert!(
        stdout.contains(
            "at the deadline 01/03/2027  SCH-BUI (Buitenschilderwerk): 1 of 4, short 3 (Marc Peeters leaves on 31/01/2027)"
        ),
        "{stdout}"
    );
    assert_eq!(stdout.matches("at the deadline").count(), 1, "{stdout}");
}

/// Every line printed under `who`, notes included.
fn all_findings_of(stdout: &str, who: &str) -> Vec<String> {
    let mut lines = stdout.lines().skip_while(|l| *l != format!("  {who}"));
    lines.next();
    lines
        .take_while(|l| l.starts_with("    "))
        .map(|l| l.trim().to_string())
        .collect()
}

#[test]
fn an_empty_wop_start_is_a_note_per_target_group_employee() {
    let path = fixture("wop_start_empty", |_| {});
    let (_, stdout, _) = check(&path, &[]);
    assert!(
        all_findings_of(&stdout, TOMASZ).contains(
            &"info           `WOP-start` is leeg: WOP-evaluatie niet gecontroleerd (vul de start in als er een werkondersteuningspakket is)  [wop-evaluatie]".to_string()
        ),
        "{stdout}"
    );
    assert_eq!(
        stdout.matches("[wop-evaluatie]").count(),
        10,
        "9 notes and Mohamed's warning"
    );
    let (_, stdout, _) = check(&path, &["--lang", "en"]);
    assert!(
        all_findings_of(&stdout, TOMASZ).iter().any(|l| l.ends_with(
            "`WOP start` is empty: WOP evaluation not checked (fill in the start if there is a work-support package)  [wop-evaluation]"
        )),
        "{stdout}"
    );
    // Someone with a WOP start gets the rule itself, not the note.
    assert!(
        !all_findings_of(&stdout, "Emre Demir (M011)")
            .iter()
            .any(|l| l.contains("WOP start` is empty")),
        "{stdout}"
    );
}

/// The sample as an LDE organisation, with a `Trajectstart` column holding `starts` by ID.
fn lde_fixture(case: &str, starts: &[(&str, Value)]) -> PathBuf {
    fixture(case, |team| {
        let org = synth::sheet_mut(team, "Organisatie").expect("Organisatie");
        let row = org
            .find_row("Veld", &Value::text("Regime"))
            .expect("Regime");
        org.rows[row][1] = Value::text("lokale diensteneconomie");
        let staff = synth::sheet_mut(team, "Medewerkers").expect("Medewerkers");
        staff.headers.push("Trajectstart".into());
        let width = staff.headers.len();
        for row in &mut staff.rows {
            let start = starts
                .iter()
                .find(|(id, _)| row[0] == Value::text(*id))
                .map_or(Value::Empty, |(_, v)| v.clone());
            row.resize(width - 1, Value::Empty);
            row.push(start);
        }
    })
}

#[test]
fn an_lde_track_runs_from_its_own_start_never_before_april_2015() {
    let path = lde_fixture(
        "lde_track_start",
        &[
            ("M001", Value::Date(ymd(2014, 9, 1))),
            ("M004", Value::Date(ymd(2022, 3, 1))),
            ("M011", Value::Date(ymd(2025, 10, 6))),
        ],
    );
    let (code, stdout, stderr) = check(&path, &[]);
    assert_eq!(code, 0, "{stderr}");
    // Before the decree: a warning naming the cell, and the date is not used.
    assert!(
        stderr.contains("trajectstart `01/09/2014` ligt voor 1 april 2015"),
        "{stderr}"
    );
    assert!(
        stderr.contains("blad `Medewerkers`, rij 2, kolom `Trajectstart`"),
        "{stderr}"
    );
    assert!(
        all_findings_of(&stdout, "Ilse Van den Broeck (M001)").contains(
            &"info           `Trajectstart` is leeg: het einde van het inschakelingstraject is niet berekend (de datum in dienst is niet de start van het traject)  [lde-traject]".to_string()
        ),
        "{stdout}"
    );
    // Łukasz was hired in 2019 (a track from then would have ended in 2024); his track
    // started in 2022, so it ends on 01/03/2027, within the six months' warning.
    assert!(
        findings_of(&stdout, "Łukasz Wójcik (M004)").contains(
            &"aandachtspunt  het inschakelingstraject loopt af op 01/03/2027 (start 01/03/2022): plan de doorstroom  [lde-traject]".to_string()
        ),
        "{stdout}"
    );
    // A track started after 1 July 2023 is flagged.
    assert!(
        findings_of(&stdout, "Emre Demir (M011)").contains(
            &"aandachtspunt  het inschakelingstraject start op 06/10/2025, op of na 1 juli 2023: sindsdien erkent de lokale diensteneconomie geen nieuwe trajecten; kijk de trajectstart of het regime na  [lde-traject]".to_string()
        ),
        "{stdout}"
    );
    let (_, stdout, stderr) = check(&path, &["--lang", "en"]);
    assert!(
        stderr.contains("track start `01/09/2014` is before 1 April 2015"),
        "{stderr}"
    );
    assert!(
        stdout.contains("the LDE track starts on 06/10/2025, on or after 1 July 2023: since then the local service economy recognises no new tracks; check the track start or the regime  [lde-track]"),
        "{stdout}"
    );
    // On 02/03/2027 it has ended.
    let (_, stdout, _) = check(&path, &["--as-of", "2027-03-02"]);
    assert!(
        findings_of(&stdout, "Łukasz Wójcik (M004)").contains(
            &"tekort         het inschakelingstraject liep af op 01/03/2027 (start 01/03/2022): evaluatie door VDAB en doorstroom nodig  [lde-traject]".to_string()
        ),
        "{stdout}"
    );
}

#[test]
fn the_lde_evaluation_reads_the_yearly_pop_and_doorstroom_actions_are_checked() {
    let path = lde_fixture("lde_evaluation_doorstroom", &[]);
    let (_, stdout, _) = check(&path, &[]);
    // Emre had POP conversations on 27/10/2025 and 26/10/2026: his yearly evaluation is done.
    assert!(
        !findings_of(&stdout, "Emre Demir (M011)")
            .iter()
            .any(|l| l.contains("[lde-evaluatie]")),
        "{stdout}"
    );
    // Kevin's last POP or evaluation conversation was on 20/11/2025.
    assert!(
        findings_of(&stdout, "Kevin De Smet (M007)").contains(
            &"tekort         de jaarlijkse evaluatie was nodig tegen 20/11/2026 (laatste POP- of evaluatiegesprek 20/11/2025)  [lde-evaluatie]".to_string()
        ),
        "{stdout}"
    );
    // Fatima's POP has a doorstroom goal with three actions; Ilse's has none.
    assert!(
        !findings_of(&stdout, "Fatima El Amrani (M006)")
            .iter()
            .any(|l| l.contains("[lde-doorstroom]")),
        "{stdout}"
    );
    assert!(
        findings_of(&stdout, "Ilse Van den Broeck (M001)").contains(
            &"aandachtspunt  het huidige POP heeft geen doorstroomactie: een doel met Herkomst `doorstroom` en een actie hoort in het POP van een inschakelingstraject  [lde-doorstroom]".to_string()
        ),
        "{stdout}"
    );
    let (_, stdout, _) = check(&path, &["--lang", "en"]);
    assert!(
        stdout.contains("the current POP has no transition action: a goal with Origin `doorstroom` and an action belongs in the POP of an LDE track  [lde-transition]"),
        "{stdout}"
    );
    assert!(
        stdout.contains("the yearly evaluation was due by 20/11/2026 (last POP or evaluation conversation 20/11/2025)  [lde-evaluation]"),
        "{stdout}"
    );
}

#[test]
fn the_dossier_names_each_rules_source_and_only_the_regimes_settings() {
    let path = fixture("rule_sources", |_| {});
    let (code, log, out) = build(&path, "dossier", &[]);
    assert_eq!(code, 0, "{log}");
    let doc = common::read(&std::fs::read(out.join("dossier.pdf")).expect("pdf"));
    let front = common::page_texts(&doc)[..3].join(" ");
    assert!(front.contains("Bronnen van de regels"), "{front}");
    // Rules without a threshold have a source too, with the page's address and the day read.
    for row in [
        "ondertekening Herwin (sectorfederatie van de maatwerkbedrijven) [fed]: FAQ: Wat is een persoonlijk ontwikkelingsplan (POP)?",
        "competentieniveaus Herwin (sectorfederatie van de maatwerkbedrijven) [fed]: FAQ: Wat is een persoonlijk ontwikkelingsplan (POP)?",
        "opvolging popdruk [practice]: goede praktijk",
        "wop-evaluatie VDAB [reg]: Collectief maatwerk: het werkondersteuningspakket https://werkgevers.vdab.be/sociale-economie/collectief-maatwerk-wop 05/12/2026",
    ] {
        assert!(front.contains(row), "no `{row}` in\n{front}");
    }
    assert!(front.contains("https://herwin.be/question/"), "{front}");
    // A maatwerkbedrijf's dossier shows neither the LDE settings nor the LDE rules' sources.
    assert!(front.contains("WOP-duur (jaren)"), "{front}");
    assert!(
        !front.contains("LDE-duur") && !front.contains("lde-traject"),
        "{front}"
    );

    let (_, log, out) = build(&path, "dossier", &["--lang", "en"]);
    let doc = common::read(&std::fs::read(out.join("dossier.pdf")).expect("pdf"));
    let front = common::page_texts(&doc)[..3].join(" ");
    assert!(front.contains("Sources of the rules"), "{log}{front}");
    assert!(front.contains("signatures Herwin"), "{front}");
    assert!(front.contains("Read on"), "{front}");

    // An LDE organisation's dossier names the LDE pages and settings.
    let path = lde_fixture("rule_sources_lde", &[]);
    let (_, log, out) = build(&path, "dossier", &[]);
    let doc = common::read(&std::fs::read(out.join("dossier.pdf")).expect("pdf"));
    let front = common::page_texts(&doc)[..3].join(" ");
    assert!(front.contains("LDE-duur (jaren)"), "{log}{front}");
    assert!(
        front.contains(
            "lde-doorstroom Departement Werk en Sociale Economie [reg]: Lokale diensteneconomie"
        ),
        "{front}"
    );
}

#[test]
fn a_goals_niveau_is_the_target_the_pop_form_prints() {
    // Tomasz's goal on GEN-KLA says which level it aims at; his matrix cell holds no target.
    let path = fixture("goal_niveau", |team| {
        let s = synth::sheet_mut(team, "Doelen").expect("Doelen");
        let text = s.column("Doel").expect("Doel");
        let row = s
            .rows
            .iter_mut()
            .find(|r| r[text].display(true).starts_with("Tomasz spreekt"))
            .expect("goal 2 of M015");
        row[text] = Value::text("Tomasz spreekt tegen juni 2027 klanten vlot aan (niveau 2).");
    });
    for lang in ["nl", "en"] {
        let (code, log, out) = build(&path, "pop", &["--lang", lang, "--employee", "M015"]);
        assert_eq!(code, 0, "{log}");
        let form = pdf_text(&out.join("M015-Kowalski-Tomasz/pop-M015-Kowalski-Tomasz.pdf"));
        assert!(form.contains("Klantcontact 1 2"), "{lang}: {form}");
        // Heftruck rijden's goal names no level: no target is made up.
        assert!(form.contains("Heftruck rijden 3 "), "{lang}: {form}");
        assert!(!form.contains("Heftruck rijden 3 3"), "{lang}: {form}");
    }
}

/// The planning follows the LDE rules: the track ends years after its own start (not after
/// hire), and the yearly evaluation counts from the last POP conversation.
#[test]
fn the_planning_ends_an_lde_track_from_its_own_start() {
    let path = lde_fixture("lde_planning", &[("M004", Value::Date(ymd(2022, 3, 1)))]);
    let (code, stdout, stderr) = check(&path, &["--planning", "6"]);
    assert_eq!(code, 0, "{stderr}");
    let planning = &stdout[stdout.find("\nPlanning ").expect("planning")..];
    assert!(
        planning.lines().any(|l| l
            == "    01/03/2027  Łukasz Wójcik (M004)  einde LDE-traject: doorstroom [lde-traject]"),
        "{planning}"
    );
    // Nobody else has a track start: no track end is planned for them.
    assert_eq!(
        planning.matches("einde LDE-traject").count(),
        1,
        "{planning}"
    );
}
