//! Layout tests: snapshots of the layout dump for the markup fixtures, and claims about
//! page-breaking decisions checked on the laid-out pages.

use popdruk::layout::{Item, Laid, dump, layout};
use popdruk::markup::parse;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/markup/{name}.xml",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn laid(name: &str) -> Laid {
    layout(&parse(&fixture(name)).unwrap(), &Default::default())
}

/// The text lines of a page, from the dump.
fn page_texts(l: &Laid, page: usize) -> Vec<String> {
    let mut lines: Vec<(f32, f32, String)> = Vec::new();
    for it in &l.pages[page].items {
        if let Item::Text { x, y, run, .. } = it {
            match lines.iter_mut().find(|(_, ly, _)| (ly - y).abs() < 0.01) {
                Some((_, _, t)) => t.push_str(&run.text),
                None => lines.push((*x, *y, run.text.clone())),
            }
        }
    }
    lines.into_iter().map(|(_, _, t)| t).collect()
}

#[test]
fn snapshot_basic() {
    insta::assert_snapshot!(dump(&laid("basic")));
}

#[test]
fn snapshot_long_table() {
    insta::assert_snapshot!(dump(&laid("long_table")));
}

#[test]
fn snapshot_tall_row() {
    insta::assert_snapshot!(dump(&laid("tall_row")));
}

#[test]
fn snapshot_keep_together() {
    insta::assert_snapshot!(dump(&laid("keep_together")));
}

#[test]
fn snapshot_landscape() {
    insta::assert_snapshot!(dump(&laid("landscape")));
}

#[test]
fn snapshot_fallback() {
    insta::assert_snapshot!(dump(&laid("fallback")));
}

#[test]
fn snapshot_forms() {
    insta::assert_snapshot!(dump(&laid("forms")));
}

#[test]
fn snapshot_images() {
    insta::assert_snapshot!(dump(&laid("images")));
}

#[test]
fn long_table_repeats_its_header_row_on_every_page() {
    let l = laid("long_table");
    assert!(l.pages.len() >= 3);
    for p in 0..l.pages.len() {
        let texts = page_texts(&l, p);
        assert!(
            texts.iter().any(|t| t.starts_with("NrWieAfspraakTegen")),
            "page {}: {texts:?}",
            p + 1
        );
    }
}

#[test]
fn long_table_rows_are_never_split_and_all_appear_in_order() {
    let l = laid("long_table");
    let mut next = 1;
    for p in 0..l.pages.len() {
        for t in page_texts(&l, p) {
            if t.starts_with(&format!("{next}Medewerker {next} ")) {
                next += 1;
            }
        }
    }
    assert_eq!(next, 71);
}

#[test]
fn tall_row_splits_across_pages_without_losing_a_line() {
    let l = laid("tall_row");
    assert!(l.pages.len() >= 2);
    let all: String = (0..l.pages.len())
        .flat_map(|p| page_texts(&l, p))
        .collect::<Vec<_>>()
        .join(" ");
    let squashed: String = all.replace("- ", "").replace('-', "");
    let mut at = 0;
    for i in 1..80 {
        let w = format!("Regel {i}:");
        at += squashed[at..]
            .find(&w)
            .unwrap_or_else(|| panic!("{w} missing or out of order"));
    }
    // The split fills the first page instead of leaving it empty.
    assert!(page_texts(&l, 0).iter().any(|t| t.contains("Regel 1:")));
}

#[test]
fn keep_group_moves_whole_to_the_next_page() {
    let l = laid("keep_together");
    let page_of = |needle: &str| {
        (0..l.pages.len())
            .find(|&p| page_texts(&l, p).iter().any(|t| t.contains(needle)))
            .unwrap()
    };
    assert_eq!(page_of("Handtekeningen"), page_of("Beide partijen"));
    assert_eq!(page_of("Handtekeningen"), page_of("Łukasz Wójcik"));
}

#[test]
fn heading_never_ends_a_page() {
    for name in [
        "basic",
        "long_table",
        "keep_together",
        "tall_row",
        "landscape",
    ] {
        let l = laid(name);
        for b in &l.bookmarks {
            let texts = page_texts(&l, b.page);
            let i = texts.iter().position(|t| *t == b.title).unwrap();
            assert!(
                i + 1 < texts.len(),
                "{name}: heading `{}` ends page {}",
                b.title,
                b.page + 1
            );
        }
    }
}

#[test]
fn landscape_section_starts_on_an_odd_page_after_a_blank_one() {
    let l = laid("landscape");
    assert!(l.pages[0].width.0 < l.pages[0].height.0);
    assert!(l.pages[1].blank && l.pages[1].items.is_empty());
    assert!(l.pages[2].width.0 > l.pages[2].height.0);
    // Section numbering: the footer counts the section's own pages and the document's.
    assert!(
        page_texts(&l, 2)
            .iter()
            .any(|t| t == "Pagina 1 van 1 (document: 3/3)"),
        "{:?}",
        page_texts(&l, 2)
    );
}

#[test]
fn nothing_lies_outside_the_printable_area_of_the_fixtures() {
    for name in [
        "basic",
        "long_table",
        "keep_together",
        "tall_row",
        "landscape",
        "fallback",
    ] {
        let l = laid(name);
        for (n, p) in l.pages.iter().enumerate() {
            for it in &p.items {
                let (x, y) = match it {
                    Item::Text { x, y, .. } | Item::Rect { x, y, .. } => (*x, *y),
                    Item::Line { x2, y2, .. } => (*x2, *y2),
                    _ => continue,
                };
                assert!(
                    x >= 0.0 && x <= p.width.0 && y >= 0.0 && y <= p.height.0,
                    "{name} page {}: {it:?}",
                    n + 1
                );
            }
        }
    }
}

#[test]
fn long_dutch_word_in_a_narrow_cell_is_hyphenated() {
    let l = laid("forms");
    let texts = page_texts(&l, 0);
    assert!(
        texts.iter().any(|t| t.starts_with("1Ontwikke-")),
        "{texts:?}"
    );
    assert!(
        texts.iter().any(|t| t.starts_with("lingsdoel-")),
        "{texts:?}"
    );
}

#[test]
fn writing_lines_fill_the_rest_of_the_page() {
    let l = laid("forms");
    let page = &l.pages[0];
    let bottom = page.height.0 - popdruk::units::Pt::from(popdruk::units::Mm(20.0)).0;
    let last_line = page
        .items
        .iter()
        .filter_map(|it| match it {
            Item::Line { y1, y2, .. } if (y1 - y2).abs() < 0.01 => Some(*y1),
            _ => None,
        })
        .fold(0.0f32, f32::max);
    assert!(
        last_line > bottom - 30.0 && last_line <= bottom,
        "{last_line} vs {bottom}"
    );
}

#[test]
fn missing_glyph_warnings_name_the_paragraph_line() {
    let l = laid("fallback");
    let w: Vec<String> = l.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(w.len(), 2, "{w:?}");
    assert!(
        w[0].starts_with("line 4, column 3: character `𓀀` (U+13000)"),
        "{}",
        w[0]
    );
}

#[test]
fn bold_cyrillic_from_the_fallback_face_is_marked_for_synthetic_bold() {
    let l = layout(
        &parse("<document><p><b>Олена</b> <b>Ayşe</b></p></document>").unwrap(),
        &Default::default(),
    );
    let flags: Vec<(String, bool)> = l.pages[0]
        .items
        .iter()
        .filter_map(|it| match it {
            Item::Text { run, synthetic, .. } if run.text.trim() != "" => {
                Some((run.text.clone(), synthetic.bold))
            }
            _ => None,
        })
        .collect();
    assert_eq!(
        flags,
        vec![("Олена".to_string(), true), ("Ayşe".to_string(), false)]
    );
}
