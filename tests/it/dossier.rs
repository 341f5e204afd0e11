//! The inspection dossier of the sample, re-read with lopdf as an inspector's viewer reads it:
//! the cover with the rules as configured, contents whose page numbers are right and link to
//! the sections, the outline, every target-group employee, and no conversation notes.

use crate::common;

use common::{link_targets, outline_pages, page_texts, popdruk, read, squash, temp_dir, text_of};

/// Whether `text` holds `needle` as it reads across line breaks (see `common::squash`).
fn has(text: &str, needle: &str) -> bool {
    squash(text).contains(&squash(needle))
}

/// Builds the sample's dossier with `extra` arguments; returns the PDF bytes.
fn dossier(name: &str, extra: &[&str]) -> Vec<u8> {
    let dir = temp_dir(name);
    let mut args = vec![
        "build",
        "samples/team.xlsx",
        "-o",
        dir.to_str().unwrap(),
        "--only",
        "dossier",
        "--date",
        "2026-11-29",
    ];
    args.extend_from_slice(extra);
    let out = popdruk(&args);
    assert_eq!(out.status.code(), Some(0), "{}", text_of(&out.stderr));
    std::fs::read(dir.join("dossier.pdf")).expect("dossier.pdf written")
}

/// The target-group employees in service on 29/11/2026 in the sample, as the dossier names
/// them.
const SUBJECTS: [&str; 14] = [
    "Ilse Van den Broeck (M001)",
    "Marc Peeters (M002)",
    "Ayşe Yılmaz (M003)",
    "Łukasz Wójcik (M004)",
    "Jean-Pierre Mbuyi (M005)",
    "Fatima El Amrani (M006)",
    "Kevin De Smet (M007)",
    "Agnieszka Nowak (M008)",
    "Emre Demir (M011)",
    "Mohamed Bouzid (M012)",
    "Nathalie Wouters (M013)",
    "Grace Kabongo (M014)",
    "Tomasz Kowalski (M015)",
    "Lotte Vermeulen (M016)",
];

#[test]
fn the_cover_says_what_the_dossier_is_and_which_rules_it_applied() {
    let doc = read(&dossier("cover", &[]));
    let pages = page_texts(&doc);
    let cover = &pages[0];
    for s in [
        "Groenkracht Coöperatie vzw",
        "Inspectiedossier POP",
        "0478.123.589",
        "collectief maatwerk",
        "30/11/2025 – 29/11/2026",
        "Gecontroleerd op 29/11/2026",
        "Opgemaakt op 29/11/2026",
        "Interne checklist – geen officieel document",
        "5 tekorten, 5 aandachtspunten bij 7 van 14 doelgroepwerknemers",
        // Every threshold with its value and where it came from.
        "POP-termijn (maanden) 1 blad Instellingen, rij 2",
        "POP-geldigheid (maanden) 12 standaard [fed]",
        "Begeleidingsnorm hoog 7 standaard [fed]",
        "standaardwaarden volgen de regelgeving en de richtlijnen van de sectorfederatie zoals gekend op 29 november 2026",
    ] {
        assert!(has(cover, s), "cover lacks `{s}`:\n{cover}");
    }
}

#[test]
fn the_contents_give_the_right_pages_and_link_to_them() {
    let doc = read(&dossier("contents", &[]));
    let pages = page_texts(&doc);
    let outline = outline_pages(&doc);
    let contents = pages
        .iter()
        .position(|p| p.starts_with("Inhoud"))
        .expect("a contents page");
    let toc = &pages[contents];
    for name in SUBJECTS {
        let (_, _, page) = outline
            .iter()
            .find(|(_, t, _)| t == name)
            .unwrap_or_else(|| panic!("`{name}` has no bookmark: {outline:?}"));
        let flat = squash(toc);
        let after =
            &flat[flat.find(&squash(name)).expect("name in contents") + squash(name).len()..];
        let printed: String = after
            .trim_start()
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        assert_eq!(
            printed,
            page.to_string(),
            "contents should give `{name}` page {page}:\n{toc}"
        );
        // The page really holds the employee's section.
        assert!(
            has(&pages[*page as usize - 1], name),
            "page {page} does not show `{name}`"
        );
    }
    // Every entry of the contents is a link to the page it names.
    let from_toc: Vec<u32> = link_targets(&doc)
        .into_iter()
        .filter(|(on, _)| *on as usize == contents + 1)
        .map(|(_, to)| to)
        .collect();
    assert_eq!(from_toc.len(), SUBJECTS.len() + 4, "{from_toc:?}");
    for name in SUBJECTS {
        let page = outline.iter().find(|(_, t, _)| t == name).unwrap().2;
        assert!(from_toc.contains(&page), "no link to page {page} ({name})");
    }
}

#[test]
fn bookmarks_nest_pop_and_conversations_under_each_employee() {
    let doc = read(&dossier("outline", &[]));
    let outline = outline_pages(&doc);
    let titles: Vec<(usize, &str)> = outline.iter().map(|(d, t, _)| (*d, t.as_str())).collect();
    for top in [
        "Inspectiedossier POP",
        "Inhoud",
        "Samenvatting per doelgroepwerknemer",
        "Begeleidingsnorm per kwartaal",
        "Bevindingen",
        "Medewerkers",
    ] {
        assert!(
            titles.contains(&(1, top)),
            "no top-level `{top}`: {titles:?}"
        );
    }
    for name in SUBJECTS {
        let i = titles
            .iter()
            .position(|t| *t == (2, name))
            .unwrap_or_else(|| panic!("`{name}` not under Medewerkers: {titles:?}"));
        assert_eq!(titles[i + 1], (3, "Huidig POP"));
        assert!(
            titles[i + 2].1.starts_with("Gesprekken"),
            "{:?}",
            titles[i + 2]
        );
        assert_eq!(titles[i + 2].0, 3);
    }
}

#[test]
fn every_target_group_employee_is_in_the_summary_and_has_a_section() {
    let doc = read(&dossier("all", &[]));
    let pages = page_texts(&doc);
    let summary = pages
        .iter()
        .find(|p| p.starts_with("Samenvatting per doelgroepwerknemer"))
        .expect("summary page");
    for name in SUBJECTS {
        let (first, id) = name.split_once(" (").unwrap();
        assert!(
            has(summary, &format!("{first} ({id}")),
            "`{name}` missing from the summary"
        );
    }
    // Not target group (Dirk Janssens), or left before the date (Sofie Claes).
    let all = pages.join(" ");
    assert!(!has(&all, "(M009)") && !has(&all, "(M010)"));
    // Statuses in words, not only symbols; the expired POP of M007 is a shortfall.
    assert!(has(summary, "Kevin De Smet (M007) 18/04/2016"), "{summary}");
    assert!(has(summary, "✗ tekort") && has(summary, "✓ in orde"));
    // Each page is confidential and numbered.
    let n = pages.len();
    for (i, p) in pages.iter().enumerate() {
        assert!(
            has(p, "Vertrouwelijk – personeelsdossier"),
            "page {} has no confidentiality footer",
            i + 1
        );
        assert!(
            has(p, &format!("Pagina {} van {n}", i + 1)),
            "page {} lacks `Pagina {} van {n}`",
            i + 1,
            i + 1
        );
    }
}

#[test]
fn conversation_notes_never_reach_the_dossier() {
    let doc = read(&dossier("notes", &[]));
    let all = page_texts(&doc).join(" ");
    // The sample's notes of M005 and M006: the conversations are logged, their notes not.
    assert!(
        has(&all, "01/10/2026 POP-gesprek Jean-Pierre Mbuyi"),
        "log missing"
    );
    assert!(!has(&all, "Jean-Pierre wil meer uren werken."));
    assert!(!has(&all, "Doorstroomplan met VDAB-opleiding."));
}

#[test]
fn one_employee_in_english_and_the_same_bytes_twice() {
    let en = dossier("english", &["--lang", "en", "--employee", "M003"]);
    let doc = read(&en);
    let all = page_texts(&doc).join(" ");
    assert!(has(&all, "POP inspection dossier"), "{all}");
    assert!(has(&all, "Internal checklist – not an official document"));
    assert!(has(&all, "Ayşe Yılmaz (M003)"));
    assert!(!has(&all, "(M001)"), "only the employee asked for");
    assert!(has(&all, "Current POP") && has(&all, "Page 1 of"));
    assert_eq!(
        en,
        dossier("english2", &["--lang", "en", "--employee", "M003"])
    );
}

#[test]
fn the_period_and_check_date_follow_the_options() {
    let doc = read(&dossier(
        "period",
        &["--as-of", "2026-06-30", "--from", "2026-01-01"],
    ));
    let cover = &page_texts(&doc)[0];
    assert!(has(cover, "01/01/2026 – 30/06/2026"), "{cover}");
    assert!(has(cover, "Gecontroleerd op 30/06/2026"), "{cover}");
    let norm = page_texts(&doc)
        .into_iter()
        .find(|p| has(p, "Begeleidingsnorm per kwartaal Nodig"))
        .expect("norm page");
    assert!(has(&norm, "K1 2026") && has(&norm, "K2 2026"), "{norm}");
    assert!(!has(&norm, "K3 2026"), "{norm}");
}

#[test]
fn the_dossier_claims_no_standard_it_does_not_meet() {
    let doc = read(&dossier("claims", &["--employee", "M001"]));
    let info = doc
        .trailer
        .get(b"Info")
        .and_then(lopdf::Object::as_reference)
        .and_then(|r| doc.get_dictionary(r))
        .expect("an Info dictionary");
    let keys: Vec<String> = info
        .iter()
        .map(|(k, _)| String::from_utf8_lossy(k).into_owned())
        .collect();
    assert!(
        !keys.iter().any(|k| k.starts_with("GTS_PDF")),
        "no PDF/X label on a file that is not PDF/X: {keys:?}"
    );
    assert!(keys.contains(&"Title".to_string()));
}
