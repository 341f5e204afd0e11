//! `popdruk build` driven as a user drives it: the PDFs are re-read with lopdf and their
//! text, pages and file names checked.

use crate::common;

use common::{popdruk, temp_dir};

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Builds into a fresh folder and returns it.
fn build(name: &str, extra: &[&str]) -> PathBuf {
    let out = temp_dir(name);
    let mut args = vec![
        "build",
        "samples/team.xlsx",
        "--date",
        "2026-11-29",
        "-o",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let o = popdruk(&args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    out
}

fn pdf_text(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    common::text(&common::read(&bytes))
}

#[test]
fn builds_every_document_of_every_employee_in_service_and_the_bundles() {
    let out = build("all", &[]);
    let mut folders: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    folders.sort();
    assert!(
        folders.contains(&"M003-Yılmaz-Ayşe".to_string()),
        "{folders:?}"
    );
    assert!(
        folders.contains(&"M004-Wójcik-Łukasz".to_string()),
        "{folders:?}"
    );
    assert!(
        !folders.iter().any(|f| f.starts_with("M010")),
        "Sofie left in 2025: no documents"
    );
    for bundle in [
        "bundel-pop.pdf",
        "bundel-afspraken.pdf",
        "bundel-voorbereiding.pdf",
        "voorbereiding-blanco.pdf",
    ] {
        assert!(folders.contains(&bundle.to_string()), "{bundle} missing");
    }
    let people: Vec<&String> = folders.iter().filter(|f| f.starts_with('M')).collect();
    assert_eq!(people.len(), 15);
    for p in people {
        let files = std::fs::read_dir(out.join(p)).unwrap().count();
        assert_eq!(files, 3, "{p}");
    }
    let _ = std::fs::remove_dir_all(&out);
}

#[test]
fn the_pop_form_holds_the_sections_goals_actions_need_and_signatures() {
    let out = build("pop", &["--only", "pop", "--employee", "M003"]);
    let text = pdf_text(&out.join("M003-Yılmaz-Ayşe/pop-M003-Yılmaz-Ayşe.pdf"));
    for expected in [
        "Persoonlijk ontwikkelingsplan",
        "Identificatie",
        "Ayşe Yılmaz",
        "Loopbaan en einddoel",
        "Mijn taken in de teammatrix",
        "Buitenschilderwerk",
        "Het team zoekt mensen voor Buitenschilderwerk — u gaf aan dit te willen leren.",
        "Ontwikkeldoelen en acties",
        "Doel 2: Ayşe doet tegen maart 2027 zelfstandig buitenschilderwerk (niveau 2).",
        "meelopen met Ilse, 2 dagen per week",
        "Opvolging",
        "Evaluatie",
        "Ondertekening",
        "Voor akkoord – werknemer",
        "Voor akkoord – leidinggevende",
        "Opgemaakt te Gent op 29 november 2026.",
        "Vertrouwelijk – personeelsdossier",
        "Pagina 1 van 3",
        "Afgedrukt op 29/11/2026",
    ] {
        assert!(
            common::squash(&text).contains(&common::squash(expected)),
            "missing {expected:?} in\n{text}"
        );
    }
    let bytes = std::fs::read(out.join("M003-Yılmaz-Ayşe/pop-M003-Yılmaz-Ayşe.pdf")).unwrap();
    let images = common::read(&bytes)
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter(|s| {
            s.dict.get(b"Subtype").and_then(|n| n.as_name()).ok() == Some(b"Image".as_slice())
        })
        // The logo's transparency is a second, grey image (its soft mask).
        .filter(|s| s.dict.has(b"SMask"))
        .count();
    assert_eq!(images, 1, "the organisation's logo is printed once");
    for never in ["None", "null", "01/01/1970", "{{", "{%"] {
        assert!(!text.contains(never), "{never:?} printed in\n{text}");
    }
}

#[test]
fn the_afsprakenformulier_fits_one_page_with_numbered_agreements() {
    let out = build("afspraken", &["--only", "afspraken", "--employee", "M003"]);
    let bytes = std::fs::read(out.join("M003-Yılmaz-Ayşe/afspraken-M003-Yılmaz-Ayşe.pdf")).unwrap();
    let doc = common::read(&bytes);
    assert_eq!(doc.get_pages().len(), 1);
    let text = common::text(&doc);
    for expected in [
        "Afsprakenformulier",
        "1 meelopen met Ilse, 2 dagen per week",
        "Opgemaakt te Gent op 29 november 2026 in twee exemplaren.",
        "Volgend gesprek 15/12/2026",
    ] {
        assert!(
            common::squash(&text).contains(&common::squash(expected)),
            "missing {expected:?} in\n{text}"
        );
    }
}

#[test]
fn english_documents_use_the_english_labels() {
    let out = build(
        "en",
        &[
            "--only",
            "pop,voorbereiding",
            "--employee",
            "M003",
            "--lang",
            "en",
        ],
    );
    let text = pdf_text(&out.join("M003-Yılmaz-Ayşe/pop-M003-Yılmaz-Ayşe.pdf"));
    for expected in [
        "Personal development plan",
        "Development goals and actions",
        "Agreed – employee",
        "Page 1 of 3",
        "Drawn up at Gent on 29 November 2026.",
    ] {
        assert!(
            common::squash(&text).contains(&common::squash(expected)),
            "missing {expected:?} in\n{text}"
        );
    }
    assert!(
        !text.contains("Ontwikkeldoelen"),
        "Dutch label in the English form"
    );
    let prep = pdf_text(&out.join("voorbereiding-blanco.pdf"));
    assert!(prep.contains("What am I good at?"), "{prep}");
}

#[test]
fn each_employee_starts_on_an_odd_page_of_the_bundle() {
    let out = build("bundle", &["--only", "pop"]);
    let bytes = std::fs::read(out.join("bundel-pop.pdf")).unwrap();
    let doc = common::read(&bytes);
    let mut starts = Vec::new();
    for (i, t) in common::page_texts(&doc).iter().enumerate() {
        if common::squash(t).contains("Pagina 1 van") {
            starts.push(i + 1);
        }
    }
    assert_eq!(starts.len(), 15, "one POP per employee");
    assert!(
        starts.iter().all(|n| n % 2 == 1),
        "starts on pages {starts:?}"
    );
}

#[test]
fn the_same_workbook_and_date_give_the_same_bytes() {
    let a = build("det-a", &["--only", "pop", "--employee", "M004"]);
    let b = build("det-b", &["--only", "pop", "--employee", "M004"]);
    let f = "M004-Wójcik-Łukasz/pop-M004-Wójcik-Łukasz.pdf";
    assert_eq!(
        std::fs::read(a.join(f)).unwrap(),
        std::fs::read(b.join(f)).unwrap()
    );
}

#[test]
fn a_changed_template_shows_up_in_the_output() {
    let dir = temp_dir("tpl");
    let o = popdruk(&["templates", "export", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let pop = dir.join("pop.tera");
    let text = std::fs::read_to_string(&pop).unwrap();
    std::fs::write(
        &pop,
        text.replace(
            "<h1>{{ t.pop_title }}</h1>",
            "<h1>{{ t.pop_title }}</h1><p>Eigen tekst van de vzw</p>",
        ),
    )
    .unwrap();
    // Only pop.tera is changed; the other templates still come from popdruk.
    for f in ["afspraken.tera", "voorbereiding.tera", "nl.toml", "en.toml"] {
        std::fs::remove_file(dir.join(f)).unwrap();
    }
    let out = build(
        "tpl-out",
        &[
            "--only",
            "pop,afspraken",
            "--employee",
            "M003",
            "--templates",
            dir.to_str().unwrap(),
        ],
    );
    let text = pdf_text(&out.join("M003-Yılmaz-Ayşe/pop-M003-Yılmaz-Ayşe.pdf"));
    assert!(text.contains("Eigen tekst van de vzw"), "{text}");
    assert!(
        pdf_text(&out.join("M003-Yılmaz-Ayşe/afspraken-M003-Yılmaz-Ayşe.pdf"))
            .contains("Afsprakenformulier")
    );
}

#[test]
fn a_broken_template_names_template_line_and_column_and_exits_2() {
    let dir = temp_dir("broken");
    std::fs::write(
        dir.join("pop.tera"),
        "<document>\n  <p>{{ employee.nmae }}</p>\n</document>\n",
    )
    .unwrap();
    let out = temp_dir("broken-out");
    let o = popdruk(&[
        "build",
        "samples/team.xlsx",
        "--templates",
        dir.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--only",
        "pop",
    ]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains("fout: sjabloon `pop.tera`, regel 2, kolom 18"),
        "{err}"
    );
    assert!(err.contains("nmae"), "{err}");
    assert_eq!(
        std::fs::read_dir(&out).unwrap().count(),
        0,
        "nothing written"
    );
}

#[test]
fn an_error_in_one_employees_row_skips_their_documents_and_the_dossier() {
    let out = temp_dir("refuse");
    let o = popdruk(&[
        "build",
        "samples/invalid/unknown-task.xlsx",
        "-o",
        out.to_str().unwrap(),
        "--date",
        "2026-11-29",
    ]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("fout: onbekende taak `SCH-BIU`"), "{err}");
    assert!(
        err.contains("overgeslagen door fouten in hun eigen rijen: Łukasz Wójcik (M004, 1 fout)"),
        "{err}"
    );
    assert!(out.join("M001-Van-den-Broeck-Ilse").is_dir());
    assert!(!out.join("M004-Wójcik-Łukasz").exists());
    assert!(!out.join("dossier.pdf").exists());
}

/// `--only planning` makes one `planning.pdf`: a page (or more) per supervisor, each entry
/// with its day, the employee, what falls due and the rule, in the reader's language.
#[test]
fn the_planning_gives_each_supervisor_their_own_pages() {
    let out = build("planning", &["--only", "planning"]);
    let files = common::files_under(&out);
    assert_eq!(
        files,
        vec![out.join("planning.pdf")],
        "only the planning is made"
    );
    let doc = common::read(&std::fs::read(out.join("planning.pdf")).unwrap());
    let pages = common::page_texts(&doc);
    let starts = |who: &str| {
        pages
            .iter()
            .position(|p| p.contains(&format!("Leidinggevende: {who}")))
            .unwrap_or_else(|| panic!("no part for {who} in {pages:#?}"))
    };
    let (dirk, hilde) = (starts("Dirk Janssens"), starts("Hilde Maes"));
    assert!(dirk < hilde);
    // Hilde's people are on her pages only, Dirk's on his.
    let on =
        |range: std::ops::Range<usize>, what: &str| pages[range].iter().any(|p| p.contains(what));
    assert!(on(hilde..pages.len(), "Mohamed Bouzid (M012)"));
    assert!(!on(dirk..hilde, "Mohamed Bouzid"));
    assert!(on(dirk..hilde, "Marc Peeters (M002)"));
    assert!(!on(hilde..pages.len(), "Marc Peeters"));
    let all = common::text(&doc);
    for what in [
        "Te laat",
        "Januari 2027",
        "WOP-evaluatie (VDAB)",
        "[pop-termijn]",
        "eerste POP-gesprek",
    ] {
        assert!(all.contains(what), "{what:?} not in the planning");
    }
    let out = build("planning-en", &["--only", "planning", "--lang", "en"]);
    let all = pdf_text(&out.join("planning.pdf"));
    for what in [
        "Supervisor: Hilde Maes",
        "Overdue",
        "January 2027",
        "WOP evaluation (VDAB)",
        "[pop-deadline]",
    ] {
        assert!(all.contains(what), "{what:?} not in the English planning");
    }
    assert!(!all.contains("Leidinggevende"));
}

#[test]
fn an_employee_without_goals_gets_room_to_write() {
    let mut team = popdruk_testkit::sample_team();
    let goals = popdruk_testkit::sheet_mut(&mut team, "Doelen").unwrap();
    let col = goals.column("Medewerker").unwrap();
    goals
        .rows
        .retain(|r| r[col] != popdruk_testkit::Value::text("M008"));
    let dir = temp_dir("no-goals");
    let wb = dir.join("team.xlsx");
    popdruk_testkit::write_xlsx(&wb, &team).unwrap();
    let o = popdruk(&[
        "build",
        wb.to_str().unwrap(),
        "--employee",
        "M008",
        "--only",
        "pop,afspraken",
        "--date",
        "2026-11-29",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = pdf_text(&dir.join("team/M008-Nowak-Agnieszka/pop-M008-Nowak-Agnieszka.pdf"));
    assert!(text.contains("Nog geen doelen afgesproken"), "{text}");
    assert!(text.contains("Doel 1") && text.contains("Doel 2"), "{text}");
    let afspraken =
        pdf_text(&dir.join("team/M008-Nowak-Agnieszka/afspraken-M008-Nowak-Agnieszka.pdf"));
    assert!(afspraken.contains("Afsprakenformulier"), "{afspraken}");
}

#[test]
fn an_unknown_employee_id_is_a_clear_error() {
    let out = temp_dir("unknown-id");
    let o = popdruk(&[
        "build",
        "samples/team.xlsx",
        "--employee",
        "M999",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("medewerker `M999` staat niet in het blad `Medewerkers`"),
        "{}",
        stderr(&o)
    );
}

/// A team of 60 people and 40 tasks in 4 clusters, everyone assessed on everything.
fn big_team() -> popdruk::model::Workbook {
    use popdruk::model::{Assessment, Employee, Organisation, Task, Workbook};
    let first = [
        "Ayşe",
        "Łukasz",
        "Ilse",
        "Mohamed",
        "Grace",
        "Jean-Pierre",
        "Sofie",
        "Tomasz",
    ];
    let last = [
        "Yılmaz",
        "Wójcik",
        "Van den Broeck",
        "El Amrani",
        "Kabongo",
        "Mbuyi",
        "De Smet",
        "Nowak",
    ];
    let clusters = ["Groen", "Schilderwerk", "Logistiek", "Algemeen"];
    let employees: Vec<Employee> = (0..60)
        .map(|i| Employee {
            id: format!("E{i:02}"),
            first_name: format!("{}{i}", first[i % first.len()]),
            last_name: last[i % last.len()].to_string(),
            function: Some("Medewerker".into()),
            team: "Grote ploeg".into(),
            ..Employee::default()
        })
        .collect();
    let tasks: Vec<Task> = (0..40)
        .map(|j| Task {
            code: format!("T{j:02}"),
            name: format!("Ontwikkelingsdoelstelling taak {j}"),
            cluster: Some(clusters[j / 10].to_string()),
            required: Some(3),
            ..Task::default()
        })
        .collect();
    let mut matrix = Vec::new();
    for (i, e) in employees.iter().enumerate() {
        for (j, t) in tasks.iter().enumerate() {
            matrix.push(Assessment {
                employee: e.id.clone(),
                task: t.code.clone(),
                level: Some(((i + j) % 4) as u8),
                wants_to_learn: (i + j) % 5 == 0,
                ..Assessment::default()
            });
        }
    }
    Workbook {
        organisation: Organisation {
            name: "Proef vzw".into(),
            ..Organisation::default()
        },
        employees,
        tasks,
        matrix,
        ..Workbook::default()
    }
}

fn build_in_memory(
    wb: &popdruk::model::Workbook,
    kinds: Vec<popdruk::build::Kind>,
    paper: popdruk::style::Paper,
) -> Vec<popdruk::build::File> {
    let templates = popdruk::template::Templates::load(&[]).unwrap();
    let plan = popdruk::build::Plan {
        paper,
        ..popdruk::build::Plan::new(
            kinds,
            popdruk::i18n::Lang::Nl,
            chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap(),
        )
    };
    let mut files = Vec::new();
    let mut notices = Vec::new();
    popdruk::build::build(wb, &templates, &plan, &mut notices, |f| {
        files.push(f);
        Ok(())
    })
    .unwrap();
    files
}

#[test]
fn a_40_task_60_person_matrix_splits_into_blocks_with_names_and_legend_on_every_page() {
    use popdruk::build::Kind;
    use popdruk::style::Paper;
    let wb = big_team();
    for paper in [Paper::A4, Paper::A3] {
        let files = build_in_memory(&wb, vec![Kind::Teammatrix], paper);
        let bytes = files[0].bytes.clone().into_vec();
        if let Ok(dir) = std::env::var("POPDRUK_KEEP") {
            std::fs::write(format!("{dir}/teammatrix-{paper:?}.pdf"), &bytes).unwrap();
        }
        assert_eq!(files.len(), 1);
        let doc = common::read(&bytes);
        let pages = common::page_texts(&doc);
        assert!(
            pages.len() >= 2,
            "{paper:?}: 60 people need more than one page"
        );
        for (p, t) in pages.iter().enumerate() {
            let t = common::squash(t);
            let p = p + 1;
            assert!(t.contains("Legende"), "{paper:?} page {p} lacks the legend");
            assert!(
                t.contains("Naam"),
                "{paper:?} page {p} lacks the name column"
            );
            assert!(
                t.contains("Teammatrix Grote ploeg"),
                "{paper:?} page {p} lacks the team: {t}"
            );
        }
        let text = common::squash(&common::text(&doc));
        for e in &wb.employees {
            assert!(
                text.contains(&common::squash(&e.full_name())),
                "{paper:?}: {} missing",
                e.full_name()
            );
        }
        for t in &wb.tasks {
            assert!(
                text.contains(&common::squash(&t.name)),
                "{paper:?}: {} missing",
                t.name
            );
        }
    }
}

#[test]
fn the_opleidingsplan_shows_the_painting_shortfall_candidates_and_linked_goals() {
    let out = build("plan", &["--only", "opleidingsplan,teammatrix"]);
    let plan = common::squash(&pdf_text(&out.join("opleidingsplan-Buitenploeg.pdf")));
    for expected in [
        "Buitenschilderwerk (SCH-BUI)",
        "veel schilderopdrachten in het voorjaar",
        "2 van 4 nodig",
        "tekort 2",
        "Marc Peeters (vertrekt op 31/01/2027)",
        "Łukasz Wójcik",
        "Fatima El Amrani",
        "Ayşe Yılmaz: doel 2, Ayşe doet tegen maart 2027 zelfstandig buitenschilderwerk (niveau 2).",
    ] {
        assert!(
            plan.contains(&common::squash(expected)),
            "missing {expected:?} in\n{plan}"
        );
    }
    let matrix = common::squash(&pdf_text(&out.join("teammatrix-Buitenploeg.pdf")));
    for expected in [
        "Teammatrix Buitenploeg",
        "stand op 29/11/2026",
        "Buitenschilderwerk",
        "Tekort",
        "▲ 2",
        "Polyvalentie",
        "Ilse Van den Broeck",
    ] {
        assert!(
            matrix.contains(&common::squash(expected)),
            "missing {expected:?} in\n{matrix}"
        );
    }
}

#[test]
fn output_does_not_depend_on_the_number_of_threads() {
    // Every file of a whole build (forms, bundles that reuse drawn pages, team documents,
    // the dossier made on a thread of its own), byte for byte, on one thread and on several.
    let mut outputs = Vec::new();
    for threads in ["1", "2", "5"] {
        let out = temp_dir(&format!("threads-{threads}"));
        let o = Command::new(env!("CARGO_BIN_EXE_popdruk"))
            .args(["build", "samples/team.xlsx", "--date", "2026-11-29", "-o"])
            .arg(&out)
            .env("RAYON_NUM_THREADS", threads)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let all: Vec<(String, Vec<u8>)> = common::files_under(&out)
            .into_iter()
            .map(|p| {
                let name = p.strip_prefix(&out).unwrap().to_string_lossy().into_owned();
                (name, std::fs::read(&p).unwrap())
            })
            .collect();
        outputs.push(all);
    }
    assert!(outputs[0].len() > 50, "{} files", outputs[0].len());
    for other in &outputs[1..] {
        let names = |o: &Vec<(String, Vec<u8>)>| o.iter().map(|f| f.0.clone()).collect::<Vec<_>>();
        assert_eq!(names(&outputs[0]), names(other));
        for (a, b) in outputs[0].iter().zip(other) {
            assert!(a.1 == b.1, "{} differs between thread counts", a.0);
        }
    }
}

#[test]
fn team_documents_are_the_same_bytes_on_every_run() {
    let a = build("team-det-a", &["--only", "teammatrix,opleidingsplan"]);
    let b = build("team-det-b", &["--only", "teammatrix,opleidingsplan"]);
    for f in ["teammatrix-Buitenploeg.pdf", "opleidingsplan-Logistiek.pdf"] {
        assert_eq!(
            std::fs::read(a.join(f)).unwrap(),
            std::fs::read(b.join(f)).unwrap(),
            "{f}"
        );
    }
}

/// The labels of a language file whose text differs from the other language's, as plain
/// words (placeholders and markup dropped).
fn own_labels(file: &str, other: &str) -> Vec<(String, String)> {
    let read = |f: &str| -> toml::Table {
        toml::from_str(&std::fs::read_to_string(format!("templates/{f}")).unwrap()).unwrap()
    };
    let (mine, theirs) = (read(file), read(other));
    let mut out = Vec::new();
    for (key, value) in &mine {
        let (Some(text), Some(other)) = (value.as_str(), theirs.get(key).and_then(|v| v.as_str()))
        else {
            continue;
        };
        if text != other && !text.contains('{') && !text.contains('<') {
            out.push((key.clone(), text.to_string()));
        }
    }
    out
}

/// Whether `words` occur in `text` as whole words.
fn has_words(text: &str, words: &str) -> bool {
    text.match_indices(words).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + words.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[test]
fn no_label_of_the_other_language_in_any_document() {
    // Every kind of document, for one employee, in each language. The workbook's own data
    // is printed as it is (Dutch), so labels that also occur in the sample's data, or name
    // a sheet, are left out.
    let mut data = String::new();
    for entry in std::fs::read_dir("samples/team-csv").unwrap().flatten() {
        let bytes = std::fs::read(entry.path()).unwrap();
        data.push_str(&String::from_utf8_lossy(&bytes));
        data.push(' ');
    }
    let data = data.split_whitespace().collect::<Vec<_>>().join(" ");
    for (lang, other, file, other_file) in [
        ("en", "nl", "en.toml", "nl.toml"),
        ("nl", "en", "nl.toml", "en.toml"),
    ] {
        let out = build(
            &format!("labels-{lang}"),
            &["--employee", "M003", "--lang", lang],
        );
        let texts: Vec<(PathBuf, String)> = common::files_under(&out)
            .into_iter()
            .filter(|path| path.extension().is_some_and(|e| e == "pdf"))
            .map(|path| {
                let text = pdf_text(&path).replace("-\n", "");
                let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
                (path, words)
            })
            .collect();
        assert!(texts.len() >= 8, "{lang}: {texts:?}");
        // Labels of the other language that are not also labels of this one.
        let mine: Vec<String> = own_labels(file, other_file)
            .into_iter()
            .map(|(_, t)| t)
            .collect();
        for (key, label) in own_labels(other_file, file) {
            let label = label.split_whitespace().collect::<Vec<_>>().join(" ");
            if label.chars().count() < 5
                || has_words(&data, &label)
                || mine.iter().any(|m| has_words(m, &label))
            {
                continue;
            }
            for (path, text) in &texts {
                assert!(
                    !has_words(text, &label),
                    "the {other} label `{key}` = {label:?} in the {lang} document {}",
                    path.display()
                );
            }
        }
    }
}

/// `--as-of` is the day a build's content is about and `--date` the day printed on it: on
/// 15/02/2027 Marc Peeters (M002, left 31/01/2027) gets no forms and no longer covers
/// outdoor painting, while the forms still say they were printed on 29/11/2026.
#[test]
fn as_of_drives_the_content_and_date_the_print_date() {
    let out = build(
        "as-of-later",
        &["--as-of", "15/02/2027", "--only", "pop,teammatrix"],
    );
    let folders: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        !folders.iter().any(|f| f.starts_with("M002")),
        "Marc left before the as-of day: {folders:?}"
    );
    assert!(folders.iter().any(|f| f.starts_with("M001")), "{folders:?}");
    let matrix = pdf_text(&out.join("teammatrix-Buitenploeg.pdf"));
    assert!(matrix.contains("stand op 15/02/2027"), "{matrix}");
    assert!(!matrix.contains("Marc Peeters"), "{matrix}");
    let pop = folders
        .iter()
        .find(|f| f.starts_with("M001"))
        .map(|f| out.join(f).join(format!("pop-{f}.pdf")))
        .unwrap();
    let pop = pdf_text(&pop);
    assert!(pop.contains("29/11/2026"), "the print date: {pop}");
}

/// `--only overzicht` makes one page for management: per team how many target-group
/// employees have a current POP, the coaching norm per quarter and the findings per rule.
#[test]
fn the_overview_is_one_page_with_each_team_and_the_organisation() {
    let out = build("overzicht", &["--only", "overzicht"]);
    assert_eq!(common::files_under(&out), vec![out.join("overzicht.pdf")]);
    let doc = common::read(&std::fs::read(out.join("overzicht.pdf")).unwrap());
    let pages = common::page_texts(&doc);
    assert_eq!(pages.len(), 1, "one page: {pages:#?}");
    // Kevin De Smet's POP expired (Buitenploeg), Lotte Vermeulen has none yet (Logistiek):
    // in service, target group, with a current POP.
    for row in [
        "Buitenploeg 10 9 8 (89 %)",
        "Logistiek 5 5 4 (80 %)",
        "Hele organisatie 15 14 12 (86 %)",
    ] {
        assert!(pages[0].contains(row), "{row:?} not in\n{}", pages[0]);
    }
    for what in [
        "Begeleidingsnorm per kwartaal",
        "[pop-geldigheid]",
        "tekorten",
        "✗ tekort",
    ] {
        assert!(pages[0].contains(what), "{what:?} not in\n{}", pages[0]);
    }
    let out = build("overzicht-en", &["--only", "overzicht", "--lang", "en"]);
    let all = pdf_text(&out.join("overzicht.pdf"));
    for what in [
        "Overview",
        "With a current POP",
        "Whole organisation",
        "[pop-validity]",
    ] {
        assert!(all.contains(what), "{what:?} not in the English overview");
    }
}
