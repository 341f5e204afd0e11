//! Workbooks as supervisors keep them (issue "Real workbooks, right findings"): each case is
//! the bundled sample with one change a real workbook has, written as a fixture named for the
//! case, and checked for the exact message, finding or document it must give.

use crate::common;

use common::{
    DATE, build_kinds as build, check_at as check, finding_lines as findings_of, pdf_text, popdruk,
    sample_fixture as fixture, text_of as text,
};

use std::path::Path;

use chrono::NaiveDate;
use popdruk_testkit::{self as synth, Sheet, Value};

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

/// Sets `column` on the `Gesprekken` row of `employee` on `date` of kind `kind`.
fn set_conversation(team: &mut [Sheet], employee: &str, date: NaiveDate, column: &str, v: Value) {
    let s = synth::sheet_mut(team, "Gesprekken").expect("Gesprekken");
    let (who, when, kind) = (
        s.column("Medewerker").expect("Medewerker"),
        s.column("Datum").expect("Datum"),
        s.column("Soort").expect("Soort"),
    );
    let col = s.column(column).expect("column");
    let row = s
        .rows
        .iter_mut()
        .find(|r| {
            r[who] == Value::text(employee)
                && r[when] == Value::Date(date)
                && r[kind] == Value::text("POP-gesprek")
        })
        .expect("conversation row");
    row[col] = v;
}

const JEAN_PIERRE: &str = "Jean-Pierre Mbuyi (M005)";

#[test]
fn a_signing_date_means_signed_on_that_day() {
    // The sample's M005 POP of 01/10/2026 is signed by the employee only; the supervisor
    // writes the day they signed instead of `ja`.
    let path = fixture("signed_with_a_date", |team| {
        let d = Value::Date(ymd(2026, 10, 12));
        set_conversation(team, "M005", ymd(2026, 10, 1), "Getekend leidinggevende", d);
        let d = Value::text("05/10/2026");
        set_conversation(team, "M005", ymd(2026, 10, 1), "Getekend medewerker", d);
    });
    let (code, stdout, stderr) = check(&path, &[]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(!stdout.contains("geen ja of nee"), "{stdout}");
    assert!(findings_of(&stdout, JEAN_PIERRE).is_empty(), "{stdout}");

    let (code, log, out) = build(&path, "dossier,afspraken", &[]);
    assert_eq!(code, 0, "{log}");
    let dossier = pdf_text(&out.join("dossier.pdf"));
    assert!(dossier.contains("ja, beiden (12/10/2026)"), "{dossier}");
    let form = pdf_text(&out.join("M005-Mbuyi-Jean-Pierre/afspraken-M005-Mbuyi-Jean-Pierre.pdf"));
    assert!(form.contains("getekend: ja, beiden (12/10/2026)"), "{form}");
}

#[test]
fn a_form_signed_after_the_term_is_signed_late() {
    let path = fixture("signed_late", |team| {
        let d = Value::Date(ymd(2026, 11, 20));
        set_conversation(team, "M005", ymd(2026, 10, 1), "Getekend leidinggevende", d);
    });
    let (_, stdout, _) = check(&path, &[]);
    assert_eq!(
        findings_of(&stdout, JEAN_PIERRE),
        [
            "aandachtspunt  het POP van 01/10/2026 is pas op 20/11/2026 getekend, 50 dagen na het gesprek (termijn: 30 dagen)  [ondertekening]"
        ],
        "{stdout}"
    );
    let (_, stdout, _) = check(&path, &["--lang", "en"]);
    assert!(
        stdout.contains("the POP of 01/10/2026 was signed only on 20/11/2026, 50 days after the conversation (term: 30 days)"),
        "{stdout}"
    );
}

#[test]
fn a_signature_dated_after_the_as_of_day_does_not_count_yet() {
    let path = fixture("signed_after_as_of", |team| {
        let d = Value::Date(ymd(2026, 10, 20));
        set_conversation(team, "M005", ymd(2026, 10, 1), "Getekend leidinggevende", d);
    });
    let (_, stdout, _) = check(&path, &["--as-of", "2026-10-15"]);
    let before = findings_of(&stdout, JEAN_PIERRE);
    assert!(
        before.iter().any(|f| f.starts_with("tekort ")
            && f.ends_with(
                "het POP van 01/10/2026 is niet getekend door de leidinggevende  [ondertekening]"
            )),
        "{stdout}"
    );
    let (_, stdout, _) = check(&path, &["--as-of", "2026-10-25"]);
    let after = findings_of(&stdout, JEAN_PIERRE);
    assert!(
        !after.iter().any(|f| f.contains("[ondertekening]")),
        "{stdout}"
    );
}

#[test]
fn a_signature_before_the_conversation_or_no_date_at_all_is_refused_where_it_stands() {
    let path = fixture("signed_before_the_talk", |team| {
        let d = Value::Date(ymd(2026, 9, 30));
        set_conversation(team, "M005", ymd(2026, 10, 1), "Getekend leidinggevende", d);
        set_conversation(
            team,
            "M005",
            ymd(2026, 1, 27),
            "Getekend medewerker",
            Value::text("misschien"),
        );
    });
    let (code, stdout, stderr) = check(&path, &[]);
    assert_eq!(code, 1, "{stdout}{stderr}");
    let all = stdout + &stderr;
    assert!(
        all.contains("`Getekend leidinggevende` (30/09/2026) ligt vóór `Datum` (01/10/2026)"),
        "{all}"
    );
    assert!(
        all.contains("`misschien` is geen ja, nee of datum"),
        "{all}"
    );
    assert!(all.contains("Gesprekken"), "{all}");
}

/// Sets the `Medewerker` of the first row of `sheet` whose `Medewerker` is `from`.
fn retype_employee(team: &mut [Sheet], sheet: &str, from: &str, to: &str) {
    let s = synth::sheet_mut(team, sheet).expect("sheet");
    let col = s.column("Medewerker").expect("Medewerker");
    let row = s.find_row("Medewerker", &Value::text(from)).expect("row");
    s.rows[row][col] = Value::text(to);
}

#[test]
fn a_tip_for_a_mistyped_id_names_the_person_on_the_row_never_another() {
    // `M019` is one digit from Dirk Janssens's `M009`. On a conversation row the
    // participants name Jean-Pierre (and Dirk, his supervisor): the tip is Jean-Pierre.
    // On a goal row nothing names anyone: no tip rather than a wrong person.
    // A misspelt full name is still recognised.
    let path = fixture("mistyped_employee_ids", |team| {
        retype_employee(team, "Gesprekken", "M005", "M019");
        retype_employee(team, "Doelen", "M007", "M019");
        retype_employee(team, "Matrix", "M003", "Ayse Yilmas");
    });
    let (code, stdout, stderr) = check(&path, &[]);
    assert_eq!(code, 1, "{stdout}{stderr}");
    let all = stdout + &stderr;
    let tips: Vec<&str> = all.lines().filter(|l| l.contains("bedoelde u")).collect();
    assert!(
        tips.iter()
            .any(|l| l.contains("bedoelde u `M005` (Jean-Pierre Mbuyi)?")),
        "{all}"
    );
    assert!(
        tips.iter()
            .any(|l| l.contains("bedoelde u `M003` (Ayşe Yılmaz)?")),
        "{all}"
    );
    assert!(!all.contains("M009` (Dirk Janssens)"), "{all}");
    assert_eq!(tips.len(), 2, "{all}");
}

#[test]
fn an_error_in_one_employees_rows_skips_only_their_documents_and_the_dossier() {
    let path = fixture("error_in_one_employee", |team| {
        set_conversation(
            team,
            "M005",
            ymd(2026, 1, 27),
            "Getekend medewerker",
            Value::text("misschien"),
        );
    });
    let (code, log, out) = build(&path, "pop,teammatrix,dossier", &[]);
    assert_eq!(code, 1, "{log}");
    let files: Vec<String> = common::files_under(&out)
        .iter()
        .map(|p| {
            p.strip_prefix(&out)
                .expect("inside")
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert!(!files.iter().any(|f| f.contains("M005")), "{files:?}");
    assert!(
        files.contains(&"M001-Van-den-Broeck-Ilse/pop-M001-Van-den-Broeck-Ilse.pdf".to_string()),
        "{files:?}"
    );
    assert!(!files.contains(&"dossier.pdf".to_string()), "{files:?}");
    // Jean-Pierre works in the Buitenploeg: its matrix would miss his rows; Logistiek's is made.
    assert!(
        files.contains(&"teammatrix-Logistiek.pdf".to_string()),
        "{files:?}"
    );
    assert!(
        !files.contains(&"teammatrix-Buitenploeg.pdf".to_string()),
        "{files:?}"
    );
    let last = log.lines().last().expect("closing line");
    assert!(
        last.contains("overgeslagen door fouten in hun eigen rijen: Jean-Pierre Mbuyi (M005, 1 fout), en ook de teamdocumenten van Buitenploeg en het inspectiedossier (dat moet volledig zijn)"),
        "{log}"
    );
    assert!(
        last.starts_with("klaar: 14 documenten voor 14 medewerkers"),
        "{log}"
    );

    let (code, log, _) = build(&path, "pop", &["--lang", "en"]);
    assert_eq!(code, 1, "{log}");
    assert!(
        log.contains("skipped for errors in their own rows: Jean-Pierre Mbuyi (M005, 1 error)"),
        "{log}"
    );
}

#[test]
fn an_error_that_belongs_to_no_one_employee_stops_every_document() {
    let path = fixture("error_for_everyone", |team| {
        retype_employee(team, "Doelen", "M007", "M019");
    });
    let (code, log, out) = build(&path, "pop", &[]);
    assert_eq!(code, 1, "{log}");
    assert!(log.contains("geen documenten gemaakt"), "{log}");
    assert!(common::files_under(&out).is_empty());
}

#[test]
fn the_organisation_name_is_required_once_employees_are_filled_in() {
    let path = fixture("no_organisation_name", |team| {
        let org = synth::sheet_mut(team, "Organisatie").expect("Organisatie");
        let row = org.find_row("Veld", &Value::text("Naam")).expect("Naam");
        org.rows[row][1] = Value::Empty;
    });
    let (code, stdout, stderr) = check(&path, &[]);
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(
        stderr.contains("fout: de naam van de organisatie ontbreekt"),
        "{stderr}"
    );
    let (code, log, out) = build(&path, "dossier", &[]);
    assert_eq!(code, 1, "{log}");
    assert!(!out.join("dossier.pdf").exists(), "{log}");
}

#[test]
fn an_enterprise_number_with_wrong_check_digits_says_what_they_would_be() {
    let path = fixture("enterprise_number_check_digits", |team| {
        let org = synth::sheet_mut(team, "Organisatie").expect("Organisatie");
        let row = org
            .find_row("Veld", &Value::text("Ondernemingsnummer"))
            .expect("row");
        org.rows[row][1] = Value::text("0478.123.599");
    });
    let (_, _, stderr) = check(&path, &[]);
    assert!(
        stderr.contains("ondernemingsnummer `0478.123.599` klopt niet: de laatste twee cijfers (het controlegetal) passen niet bij de eerste acht, daarvoor zouden ze `89` zijn"),
        "{stderr}"
    );
    assert!(
        stderr.contains("`0478.123.589` als de eerste acht cijfers juist zijn"),
        "{stderr}"
    );
    assert!(!stderr.contains("tien cijfers"), "{stderr}");
    let (_, _, stderr) = check(&path, &["--lang", "en"]);
    assert!(stderr.contains("which would need `89`"), "{stderr}");
}

#[test]
fn layout_notices_speak_the_readers_language() {
    // A user's template prints a character no embedded font has.
    let path = fixture("template_with_an_unprintable_character", |_| {});
    let templates = path.with_file_name("sjablonen");
    std::fs::create_dir_all(&templates).expect("folder");
    let pop =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/pop.tera"))
            .expect("pop.tera");
    let pop = pop.replacen("</h1>", " \u{13000}</h1>", 1);
    std::fs::write(templates.join("pop.tera"), pop).expect("write");
    let t = templates.to_str().expect("utf-8");
    let (code, log, _) = build(&path, "pop", &["--templates", t, "--employee", "M001"]);
    assert_eq!(code, 0, "{log}");
    assert!(
        log.contains("waarschuwing: M001-Van-den-Broeck-Ilse/pop-M001-Van-den-Broeck-Ilse.pdf: teken `𓀀` (U+13000) staat in geen enkel ingebouwd lettertype en wordt een vakje"),
        "{log}"
    );
    let (_, log, _) = build(
        &path,
        "pop",
        &["--templates", t, "--employee", "M001", "--lang", "en"],
    );
    assert!(
        log.contains("warning: M001-Van-den-Broeck-Ilse/pop-M001-Van-den-Broeck-Ilse.pdf: character `𓀀` (U+13000) is in none of the embedded fonts and prints as a box"),
        "{log}"
    );
}

#[test]
fn the_follow_up_form_lists_open_actions_with_boxes_and_is_made_only_when_asked() {
    let path = fixture("follow_up_form", |_| {});
    let (code, log, out) = build(&path, "opvolging", &["--employee", "M001"]);
    assert_eq!(code, 0, "{log}");
    let file = out.join("M001-Van-den-Broeck-Ilse/opvolging-M001-Van-den-Broeck-Ilse.pdf");
    let doc = common::read(&std::fs::read(&file).expect("the follow-up form"));
    assert_eq!(doc.get_pages().len(), 1, "one page");
    let printed = common::text(&doc);
    for phrase in [
        "Opvolgingsgesprek",
        "Opleiding 'Leren op de werkvloer' volgen",
        "Gedaan",
        "Bijsturen",
        "Niveau per taak",
        "Nieuw niveau",
        "Voor akkoord",
    ] {
        assert!(printed.contains(phrase), "{phrase} missing from {printed}");
    }
    assert!(out.join("bundel-opvolging.pdf").exists());
    // A plain build (no --only) does not make it.
    std::fs::remove_dir_all(&out).expect("clean");
    let (p, o) = (path.to_str().expect("utf-8"), out.to_str().expect("utf-8"));
    let plain = popdruk(&["build", p, "--date", DATE, "-o", o, "--employee", "M001"]);
    assert_eq!(plain.status.code(), Some(0), "{}", text(&plain.stderr));
    assert!(out.join("dossier.pdf").exists());
    assert!(!common::files_under(&out).iter().any(|f| {
        f.strip_prefix(&out)
            .expect("inside")
            .to_string_lossy()
            .contains("opvolging")
    }));
    std::fs::remove_dir_all(&out).expect("clean");
    let (_, log, out) = build(&path, "opvolging", &["--employee", "M016", "--lang", "en"]);
    let text = pdf_text(&out.join("M016-Vermeulen-Lotte/opvolging-M016-Vermeulen-Lotte.pdf"));
    assert!(
        text.contains("The current POP has no open actions"),
        "{log}{text}"
    );
    assert!(text.contains("Follow-up conversation"), "{text}");
}

#[test]
fn due_prints_only_who_needs_a_conversation_in_the_window_and_names_them() {
    let path = fixture("due_window", |_| {});
    let folders = |out: &Path| -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(out)
            .expect("out")
            .flatten()
            .filter(|e| e.path().is_dir())
            .map(|e| e.file_name().to_string_lossy()[..4].to_string())
            .collect();
        v.sort();
        v
    };
    // Overdue only: Kevin's POP expired, Lotte has no first POP yet.
    let (code, log, out) = build(&path, "pop", &["--due", "0d"]);
    assert_eq!(code, 0, "{log}");
    assert_eq!(folders(&out), ["M007", "M016"], "{log}");
    assert!(
        log.contains("aan de beurt tot 29/11/2026: Kevin De Smet (M007, 16/12/2025), Lotte Vermeulen (M016, 05/11/2026)"),
        "{log}"
    );
    // By the end of the year: the talks planned in December too; never someone who needs
    // no POP (Dirk Janssens, hired 2005, not in the target group).
    std::fs::remove_dir_all(&out).expect("clean");
    let (code, log, out) = build(&path, "pop", &["--due", "31/12/2026", "--lang", "en"]);
    assert_eq!(code, 0, "{log}");
    assert_eq!(
        folders(&out),
        [
            "M001", "M003", "M004", "M005", "M006", "M007", "M014", "M016"
        ],
        "{log}"
    );
    assert!(
        log.contains("due by 31/12/2026: Ilse Van den Broeck (M001, 15/12/2026)"),
        "{log}"
    );
    let bundle = common::read(&std::fs::read(out.join("bundel-pop.pdf")).expect("bundle"));
    let text = common::text(&bundle);
    assert!(text.contains("Lotte Vermeulen") && !text.contains("Dirk Janssens (M009)"));
}
