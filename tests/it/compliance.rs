//! `popdruk check --as-of` driven over the bundled sample: each compliance finding shows for
//! the employee the sample gives it to, and the settings change what is found.

use crate::common;

use common::{finding_lines as findings_of, popdruk, temp_dir, text_of as text};

use std::path::PathBuf;

use popdruk_testkit::{self as synth, Sheet, Value};

const AS_OF: &str = "2026-11-29";

/// The sample, changed by `edit`, written as `team.xlsx` in a fresh folder.
fn sample_with(name: &str, edit: impl FnOnce(&mut Vec<Sheet>)) -> PathBuf {
    let mut team = synth::sample_team();
    edit(&mut team);
    let path = temp_dir(name).join("team.xlsx");
    synth::write_xlsx(&path, &team).expect("xlsx");
    path
}

/// Sets the `Waarde` of the `Organisatie` row `field`.
fn set_org(team: &mut [Sheet], field: &str, value: &str) {
    let org = synth::sheet_mut(team, "Organisatie").expect("Organisatie");
    let row = org.find_row("Veld", &Value::text(field)).expect("field");
    org.rows[row][1] = Value::text(value);
}

fn rules_section(stdout: &str) -> &str {
    &stdout[stdout
        .find("\nRegels op")
        .or_else(|| stdout.find("\nRules on"))
        .expect("findings")..]
}

/// Each sample employee with a finding: heading, rule id, severity word and a phrase.
const EXPECTED: &[(&str, &str, &str, &str)] = &[
    (
        "Marc Peeters (M002)",
        "pop-geldigheid",
        "aandachtspunt",
        "het POP verloopt op 19/01/2027",
    ),
    (
        "Jean-Pierre Mbuyi (M005)",
        "ondertekening",
        "tekort",
        "niet getekend door de leidinggevende",
    ),
    (
        "Fatima El Amrani (M006)",
        "ondertekening",
        "tekort",
        "niet getekend door de medewerker",
    ),
    (
        "Kevin De Smet (M007)",
        "pop-geldigheid",
        "tekort",
        "het POP is verlopen op 16/12/2025",
    ),
    (
        "Kevin De Smet (M007)",
        "verbeteracties",
        "tekort",
        "1 verbeteractie in het huidige POP, er zijn er minstens 2 nodig",
    ),
    (
        "Kevin De Smet (M007)",
        "opvolging",
        "aandachtspunt",
        "actie `Vast duo met Agnieszka` (doel 2) had deadline 30/09/2025, status uitgesteld",
    ),
    (
        "Grace Kabongo (M014)",
        "competentieniveaus",
        "aandachtspunt",
        "doel 1 is behaald, maar het niveau voor Veilig werken (GEN-VEI) is niet gestegen sinds",
    ),
    (
        "Mohamed Bouzid (M012)",
        "wop-evaluatie",
        "aandachtspunt",
        "de WOP-evaluatie door VDAB komt eraan op 15/03/2027",
    ),
    (
        "Lotte Vermeulen (M016)",
        "pop-termijn",
        "tekort",
        "nog geen POP: het moest er zijn op 05/11/2026",
    ),
    (
        "Organisatie",
        "begeleidingsnorm",
        "aandachtspunt",
        "kwartaal 4/2026 verwacht op 31/12/2026: 1,20 VTE begeleiders, 1,21 VTE nodig",
    ),
];

#[test]
fn check_shows_each_finding_for_the_employee_who_has_it() {
    let out = popdruk(&["check", "samples/team.xlsx", "--as-of", AS_OF]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let rules = rules_section(&stdout);
    assert!(
        rules.starts_with("\nRegels op 29/11/2026 (periode 30/11/2025 – 29/11/2026)\n"),
        "{rules}"
    );
    for (who, rule, word, phrase) in EXPECTED {
        let lines = findings_of(rules, who);
        assert!(
            lines.iter().any(|l| l.starts_with(word)
                && l.contains(phrase)
                && l.ends_with(&format!("[{rule}]"))),
            "{who}: no {word} [{rule}] with {phrase:?} in {lines:?}\n{rules}"
        );
    }
    // Every target-group employee without a WOP start gets a note that the WOP rule was not
    // checked (9 of the 14): never silent.
    let wop_notes = rules
        .lines()
        .filter(|l| l.trim_start().starts_with("info") && l.ends_with("[wop-evaluatie]"))
        .count();
    assert_eq!(wop_notes, 9, "{rules}");
    let shown = rules
        .lines()
        .filter(|l| l.starts_with("    ") && !l.trim_start().starts_with('→'))
        .count();
    assert_eq!(
        shown,
        EXPECTED.len() + wop_notes,
        "only the expected findings:\n{rules}"
    );
    assert!(
        !rules.contains("    ok"),
        "ok findings stay off the terminal"
    );
    assert!(
        stdout.ends_with("\n5 tekorten, 5 aandachtspunten bij 7 van 14 doelgroepwerknemers\n"),
        "{stdout}"
    );
    // Ilse (M001) is fine but for the note on her empty WOP start; Sofie (M010) left in
    // 2025; Dirk (M009) is no doelgroepwerknemer.
    assert_eq!(
        findings_of(rules, "Ilse Van den Broeck (M001)"),
        [
            "info           `WOP-start` is leeg: WOP-evaluatie niet gecontroleerd (vul de start in als er een werkondersteuningspakket is)  [wop-evaluatie]"
        ]
    );
    for quiet in ["(M009)", "(M010)"] {
        assert!(!rules.contains(quiet), "{quiet} in\n{rules}");
    }
}

#[test]
fn as_of_defaults_to_date_and_findings_are_the_same_in_every_sample_form() {
    let first = text(&popdruk(&["check", "samples/team.xlsx", "--as-of", AS_OF]).stdout);
    let by_date = text(&popdruk(&["check", "samples/team.xlsx", "--date", AS_OF]).stdout);
    assert_eq!(first, by_date);
    for form in ["samples/team.ods", "samples/team-csv", "samples/team.xls"] {
        let other = text(&popdruk(&["check", form, "--as-of", AS_OF, "--date", AS_OF]).stdout);
        // A folder of CSV files names the file where a workbook names the sheet; the rows
        // and columns are the same.
        let other = other
            .lines()
            .map(|l| match l.split_once("→ ") {
                Some((indent, place)) => match place.split_once(".csv,") {
                    Some((file, rest)) => {
                        let mut sheet = file.to_string();
                        sheet[..1].make_ascii_uppercase();
                        format!("{indent}→ blad `{sheet}`,{rest}")
                    }
                    None => l.to_string(),
                },
                None => l.to_string(),
            })
            .collect::<Vec<_>>()
            .join("\n")
            + "\n";
        assert_eq!(rules_section(&first), rules_section(&other), "{form}");
    }
}

/// `--as-of` is the day the whole check is about, whatever `--date` prints: Marc Peeters
/// (M002, a painter) leaves on 31/01/2027, so on 15/02/2027 he is out of service, out of
/// the teammatrix's coverage and out of the rules, in the summary, the matrix and the rules.
#[test]
fn as_of_drives_the_summary_the_matrix_and_the_rules() {
    let later = text(
        &popdruk(&[
            "check",
            "samples/team.xlsx",
            "--as-of",
            "15/02/2027",
            "--date",
            AS_OF,
        ])
        .stdout,
    );
    assert!(
        later.contains("\nMedewerkers    16, 14 in dienst, 13 doelgroepwerknemers in dienst\n"),
        "{later}"
    );
    assert!(later.contains("\nTeammatrix op 15/02/2027\n"), "{later}");
    assert!(
        later.contains("SCH-BUI (Buitenschilderwerk): 1 van 4"),
        "{later}"
    );
    assert!(later.contains("\nRegels op 15/02/2027 "), "{later}");
    assert!(
        !later.contains("29/11/2026"),
        "the print date is no subject of the check:\n{later}"
    );
    assert!(!rules_section(&later).contains("(M002)"), "{later}");
    // The same check on the print date still has Marc in service and covering the task.
    let now = text(&popdruk(&["check", "samples/team.xlsx", "--as-of", AS_OF]).stdout);
    assert!(
        now.contains("\nMedewerkers    16, 15 in dienst, 14 doelgroepwerknemers in dienst\n"),
        "{now}"
    );
    assert!(
        now.contains("SCH-BUI (Buitenschilderwerk): 2 van 4"),
        "{now}"
    );
    assert!(rules_section(&now).contains("(M002)"), "{now}");
}

#[test]
fn strict_turns_a_shortfall_into_exit_1() {
    let out = popdruk(&["check", "samples/team.xlsx", "--as-of", AS_OF, "--strict"]);
    assert_eq!(out.status.code(), Some(1));
    // In January 2026 Kevin's POP had already expired: still a shortfall.
    let out = popdruk(&[
        "check",
        "samples/team.xlsx",
        "--as-of",
        "2026-01-15",
        "--strict",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).contains("Regels op 15/01/2026"));
}

#[test]
fn findings_speak_english_with_lang_en() {
    let out = popdruk(&[
        "check",
        "samples/team.xlsx",
        "--as-of",
        AS_OF,
        "--lang",
        "en",
    ]);
    let stdout = text(&out.stdout);
    let rules = rules_section(&stdout);
    assert!(
        rules.starts_with("\nRules on 29/11/2026 (period 30/11/2025 – 29/11/2026)\n"),
        "{rules}"
    );
    let kevin = findings_of(rules, "Kevin De Smet (M007)");
    assert!(
        kevin[0].starts_with("shortfall  the POP expired on 16/12/2025")
            && kevin[0].ends_with("[pop-validity]"),
        "{kevin:?}"
    );
    // Tags in English too: no Dutch rule id in an English run.
    for dutch in [
        "[pop-geldigheid]",
        "[verbeteracties]",
        "[opvolging]",
        "[begeleidingsnorm]",
    ] {
        assert!(!rules.contains(dutch), "{dutch} in {rules}");
    }
    assert!(
        findings_of(rules, "Organisation")[0].starts_with("attention"),
        "{rules}"
    );
    assert!(
        stdout.ends_with(
            "\n5 shortfalls, 5 points of attention for 7 of 14 target-group employees\n"
        ),
        "{stdout}"
    );
}

#[test]
fn instellingen_rows_change_the_thresholds_and_bad_rows_warn_at_their_row() {
    let path = sample_with("settings", |team| {
        let s = synth::sheet_mut(team, "Instellingen").expect("Instellingen");
        s.rows.push(vec![
            Value::text("POP-geldigheid (maanden)"),
            Value::text("24"),
        ]);
        s.rows.push(vec![
            Value::text("Minimum verbeteracties"),
            Value::text("twee"),
        ]);
        s.rows
            .push(vec![Value::text("Begeleidingsnorm hoge"), Value::text("7")]);
    });
    let out = popdruk(&["check", path.to_str().unwrap(), "--as-of", AS_OF]);
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("waarschuwing: `twee` is geen geldige waarde voor `Minimum verbeteracties`: popdruk gebruikt 2\n  --> "),
        "{stderr}"
    );
    assert!(
        stderr.contains("blad `Instellingen`, rij 4, kolom `Waarde` (B)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("onbekende instelling `Begeleidingsnorm hoge` wordt genegeerd"),
        "{stderr}"
    );
    assert!(
        stderr.contains("blad `Instellingen`, rij 5, kolom `Instelling` (A)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("tip: bedoelde u `Begeleidingsnorm hoog`?"),
        "{stderr}"
    );
    assert!(
        stderr.trim_end().ends_with("0 fouten, 2 waarschuwingen"),
        "{stderr}"
    );
    // With 24 months Kevin's POP of 16/12/2024 is valid until 16/12/2026: a warning now.
    let kevin = findings_of(rules_section(&stdout), "Kevin De Smet (M007)");
    assert!(
        kevin[0].starts_with("aandachtspunt  het POP verloopt op 16/12/2026"),
        "{kevin:?}"
    );
}

#[test]
fn popdruk_toml_next_to_the_workbook_sets_thresholds() {
    let path = sample_with("toml", |_| {});
    let toml = path.with_file_name("popdruk.toml");
    std::fs::write(
        &toml,
        "minimum_verbeteracties = 1\nbegeleidingsnorm_hoog = 8\n",
    )
    .unwrap();
    let out = popdruk(&["check", path.to_str().unwrap(), "--as-of", AS_OF]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let kevin = findings_of(rules_section(&stdout), "Kevin De Smet (M007)");
    assert!(
        !kevin.iter().any(|l| l.ends_with("[verbeteracties]")),
        "{kevin:?}"
    );
    // 3,5 FTE hoog / 8 instead of / 7: the coaches are enough in the last quarter too.
    assert!(!stdout.contains("[begeleidingsnorm]"), "{stdout}");

    std::fs::write(&toml, "minimum_verbeteracties = \n").unwrap();
    let out = popdruk(&["check", path.to_str().unwrap(), "--as-of", AS_OF]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("popdruk.toml` is geen geldige TOML"),
        "{stderr}"
    );
    assert!(text(&out.stdout).contains("Regels niet gecontroleerd"));
}

#[test]
fn lde_organisations_get_the_track_end_and_yearly_evaluation() {
    let path = sample_with("lde", |team| {
        set_org(team, "Regime", "lokale diensteneconomie");
        let staff = synth::sheet_mut(team, "Medewerkers").expect("Medewerkers");
        staff.headers.push("Trajectstart".into());
        for row in &mut staff.rows {
            let start = if row[0] == Value::text("M001") {
                Value::text("01/03/2017")
            } else {
                Value::Empty
            };
            row.push(start);
        }
    });
    let out = popdruk(&["check", path.to_str().unwrap(), "--as-of", AS_OF]);
    let rules = text(&out.stdout);
    // Ilse's track started on 01/03/2017 (she was hired in 2012): it ended in 2022.
    let ilse = findings_of(rules_section(&rules), "Ilse Van den Broeck (M001)");
    assert!(
        ilse.iter().any(|l| l.starts_with("tekort")
            && l.contains("het inschakelingstraject liep af op 01/03/2022 (start 01/03/2017)")
            && l.ends_with("[lde-traject]")),
        "{ilse:?}"
    );
    // Kevin's last POP or evaluation conversation was on 20/11/2025: a year later, overdue.
    let kevin = findings_of(rules_section(&rules), "Kevin De Smet (M007)");
    assert!(
        kevin.iter().any(|l| l.starts_with("tekort")
            && l.contains("de jaarlijkse evaluatie was nodig tegen 20/11/2026")
            && l.ends_with("[lde-evaluatie]")),
        "{kevin:?}"
    );
}

#[test]
fn individueel_maatwerk_gets_no_pop_findings_but_a_note() {
    let path = sample_with("im", |team| set_org(team, "Regime", "individueel maatwerk"));
    let out = popdruk(&["check", path.to_str().unwrap(), "--as-of", AS_OF]);
    let stdout = text(&out.stdout);
    let rules = rules_section(&stdout);
    for rule in [
        "[pop-termijn]",
        "[pop-geldigheid]",
        "[ondertekening]",
        "[begeleidingsnorm]",
    ] {
        assert!(!rules.contains(rule), "{rule} in\n{rules}");
    }
    assert!(
        rules.contains("info           individueel maatwerk werkt met een ondersteuningsplan"),
        "{rules}"
    );
    assert!(
        rules.contains("[opvolging]"),
        "follow-up is still checked:\n{rules}"
    );
}

#[test]
fn without_coaches_the_norm_is_skipped_with_a_note() {
    let path = sample_with("no-coaches", |team| {
        team.retain(|s| s.name != "Begeleiders")
    });
    let out = popdruk(&["check", path.to_str().unwrap(), "--as-of", AS_OF]);
    let stdout = text(&out.stdout);
    let org = findings_of(rules_section(&stdout), "Organisatie");
    assert_eq!(
        org,
        [
            "info           begeleidingsnorm niet gecontroleerd: het blad `Begeleiders` ontbreekt of is leeg  [begeleidingsnorm]"
        ]
    );
    assert!(
        stdout.ends_with("\n5 tekorten, 4 aandachtspunten bij 7 van 14 doelgroepwerknemers\n"),
        "{stdout}"
    );
}

#[test]
fn data_errors_leave_the_rules_unchecked() {
    let out = popdruk(&[
        "check",
        "samples/invalid/impossible-date.xlsx",
        "--as-of",
        AS_OF,
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(
        stdout.ends_with("\nRegels niet gecontroleerd: verbeter eerst de fouten in de werkmap\n"),
        "{stdout}"
    );
}

/// The planning part of `check --planning [MONTHS]`: from its heading to the end.
fn planning_of(args: &[&str]) -> String {
    let mut all = vec![
        "check",
        "samples/team.xlsx",
        "--date",
        AS_OF,
        "-q",
        "--planning",
    ];
    all.extend(args);
    let out = popdruk(&all);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let at = stdout
        .find("\nPlanning ")
        .unwrap_or_else(|| panic!("no planning in\n{stdout}"));
    stdout[at + 1..].to_string()
}

#[test]
fn the_planning_lists_who_is_due_per_supervisor_with_the_rule_behind_it() {
    let p = planning_of(&[]);
    assert!(
        p.starts_with("Planning van 29/11/2026 tot 29/05/2027 (6 maanden), per leidinggevende\n"),
        "{p}"
    );
    // Per supervisor, each on a line of their own, in name order.
    let dirk = p.find("\n  Dirk Janssens\n").expect("Dirk Janssens");
    let hilde = p.find("\n  Hilde Maes\n").expect("Hilde Maes");
    assert!(dirk < hilde, "{p}");
    let (dirks, hildes) = (&p[dirk..hilde], &p[hilde..]);
    // A first POP past its deadline, a renewal, a planned talk, an action and the WOP
    // evaluation, each with its day and rule, under the employee's own supervisor.
    for line in [
        "    05/11/2026 (te laat)  Lotte Vermeulen (M016)  eerste POP-gesprek [pop-termijn]",
        "    15/03/2027  Mohamed Bouzid (M012)  WOP-evaluatie (VDAB) [wop-evaluatie]",
        "    15/01/2027  Mohamed Bouzid (M012)  opvolgingsgesprek [opvolging]",
    ] {
        assert!(
            hildes.lines().any(|l| l == line),
            "{line:?} not under Hilde Maes in\n{p}"
        );
    }
    for line in [
        "    19/01/2027  Marc Peeters (M002)  POP vernieuwen [pop-geldigheid]",
        "    15/01/2027  Marc Peeters (M002)  actie vervalt: Werkfiches met foto's maken (doel 1) [opvolging]",
    ] {
        assert!(
            dirks.lines().any(|l| l == line),
            "{line:?} not under Dirk Janssens in\n{p}"
        );
    }
    // Within a supervisor, by date: what is overdue comes first.
    let dates: Vec<chrono::NaiveDate> = dirks
        .lines()
        .filter_map(|l| l.trim().get(..10))
        .filter_map(|d| chrono::NaiveDate::parse_from_str(d, "%d/%m/%Y").ok())
        .collect();
    assert!(dates.len() > 10 && dates.is_sorted(), "{dates:?}");
    // Nothing after the window.
    assert!(!p.contains("/06/2027"), "{p}");
}

#[test]
fn the_planning_window_and_language_follow_the_options() {
    let p = planning_of(&["1"]);
    assert!(
        p.starts_with("Planning van 29/11/2026 tot 29/12/2026 (1 maand), per leidinggevende\n"),
        "{p}"
    );
    assert!(!p.contains("/01/2027") && p.contains("15/12/2026"), "{p}");
    let p = planning_of(&["--lang", "en"]);
    assert!(
        p.starts_with("Planning from 29/11/2026 to 29/05/2027 (6 months), per supervisor\n"),
        "{p}"
    );
    for line in [
        "    05/11/2026 (overdue)  Lotte Vermeulen (M016)  first POP conversation [pop-deadline]",
        "    15/03/2027  Mohamed Bouzid (M012)  WOP evaluation (VDAB) [wop-evaluation]",
        "    19/01/2027  Marc Peeters (M002)  POP renewal [pop-validity]",
    ] {
        assert!(p.lines().any(|l| l == line), "{line:?} not in\n{p}");
    }
    // Moved on past the talk planned with Ayşe, it is overdue; Marc, retired by then, is
    // no longer planned.
    let p = planning_of(&["--as-of", "2027-02-01"]);
    assert!(
        p.lines()
            .any(|l| l
                == "    15/12/2026 (te laat)  Ayşe Yılmaz (M003)  opvolgingsgesprek [opvolging]"),
        "{p}"
    );
    assert!(!p.contains("(M002)"), "{p}");
}

/// `check --format csv|json` on the sample, with `extra` options: stdout and the exit code.
fn table(extra: &[&str]) -> (String, Option<i32>) {
    let mut args = vec!["check", "samples/team.xlsx", "--date", AS_OF];
    args.extend(extra);
    let out = popdruk(&args);
    (text(&out.stdout), out.status.code())
}

#[test]
fn the_findings_and_the_planning_come_out_as_a_table_for_a_spreadsheet() {
    let (csv, code) = table(&["--format", "csv"]);
    assert_eq!(code, Some(0));
    // A byte-order mark for Excel, then `;`-separated Dutch columns.
    let body = csv.strip_prefix('\u{feff}').expect("BOM");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(body.as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        [
            "Soort",
            "ID",
            "Naam",
            "Team",
            "Leidinggevende",
            "Regel",
            "Ernst",
            "Datum",
            "Tekst",
            "Plaats"
        ]
    );
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    let has = |want: &[&str]| {
        rows.iter()
            .any(|r| want.iter().zip(r).all(|(w, got)| w.is_empty() || *w == got))
    };
    assert!(
        has(&[
            "bevinding",
            "M007",
            "Kevin De Smet",
            "Buitenploeg",
            "Dirk Janssens",
            "pop-geldigheid",
            "tekort",
            "16/12/2025",
            "",
            // The row of Kevin's last POP conversation (16/12/2024) in the sample.
            "blad `Gesprekken`, rij 29, kolom `Datum` (B)"
        ]),
        "{csv}"
    );
    assert!(
        has(&[
            "planning",
            "M016",
            "Lotte Vermeulen",
            "",
            "Hilde Maes",
            "pop-termijn",
            "te laat",
            "05/11/2026",
            "eerste POP-gesprek"
        ]),
        "{csv}"
    );
    // One row per finding the text check prints (`ok` is left out in both).
    let (plain, _) = table(&["-q"]);
    let printed = rules_section(&plain)
        .lines()
        .filter(|l| l.starts_with("    ") && !l.trim_start().starts_with('→'))
        .count();
    let findings = rows.iter().filter(|r| r[0] == "bevinding").count();
    assert!(findings > 5);
    assert_eq!(findings, printed, "{plain}");
    // The same rows as JSON, dates as ISO days, words in English with --lang en.
    let (json, code) = table(&["--format", "json", "--lang", "en"]);
    assert_eq!(code, Some(0));
    let parsed: Vec<serde_json::Value> = serde_json::from_str(&json).expect("JSON");
    assert_eq!(parsed.len(), rows.len());
    assert!(parsed.iter().any(|r| r["employee"] == "M007"
        && r["rule"] == "pop-validity"
        && r["severity"] == "shortfall"
        && r["date"] == "2025-12-16"
        && r["kind"] == "finding"));
    assert!(
        parsed
            .iter()
            .any(|r| r["kind"] == "planning" && r["severity"] == "overdue")
    );
}

#[test]
fn a_workbook_with_errors_gives_the_table_header_alone_and_exit_1() {
    let out = popdruk(&[
        "check",
        "samples/invalid/unknown-task.xlsx",
        "--date",
        AS_OF,
        "--format",
        "csv",
        "--lang",
        "en",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stdout),
        "\u{feff}Kind,ID,Name,Team,Supervisor,Rule,Severity,Date,Text,Place\n"
    );
    assert!(text(&out.stderr).contains("SCH-BIU"));
}

#[test]
fn a_finding_about_one_row_points_to_its_cell() {
    // In the sample: Jean-Pierre's POP of 01/10/2026 (row 24 of `Gesprekken`) lacks the
    // supervisor's signature; Kevin's action `Vast duo met Agnieszka` (row 31 of `Doelen`)
    // is past its deadline. Each finding's next line names the cell to fix.
    let (plain, code) = table(&[]);
    assert_eq!(code, Some(0));
    let lines: Vec<&str> = rules_section(&plain).lines().collect();
    let under = |finding: &str| {
        let at = lines
            .iter()
            .position(|l| l.contains(finding))
            .unwrap_or_else(|| panic!("no `{finding}` in {plain}"));
        lines
            .get(at + 1)
            .map(|l| l.trim().to_string())
            .unwrap_or_default()
    };
    assert_eq!(
        under("het POP van 01/10/2026 is niet getekend door de leidinggevende"),
        "→ blad `Gesprekken`, rij 24, kolom `Getekend leidinggevende` (G)"
    );
    assert_eq!(
        under("actie `Vast duo met Agnieszka` (doel 2) had deadline 30/09/2025"),
        "→ blad `Doelen`, rij 31, kolom `Status` (L)"
    );
    // A finding about what is missing has no cell: the next line is another finding.
    assert!(
        !under("1 verbeteractie in het huidige POP").starts_with('→'),
        "{plain}"
    );
}
