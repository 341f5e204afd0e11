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

/// Pins the whole laid-out result (positions, runs and faces, lines, links): a POP form's opening: the heading, a paragraph whose bold, italic and coloured runs keep
/// their faces and the spaces between them, the running header and footer with page numbers.
#[test]
fn styled_runs_keep_their_faces_and_spaces_under_header_and_footer() {
    insta::assert_snapshot!(dump(&laid("basic")));
}

/// Pins the whole laid-out result (positions, runs and faces, lines, links): a table over three pages: it breaks between rows, never inside one, with its header row
/// repeated and two rows at least on each side of a break.
#[test]
fn a_long_table_breaks_between_rows_under_a_repeated_header() {
    insta::assert_snapshot!(dump(&laid("long_table")));
}

/// Pins the whole laid-out result (positions, runs and faces, lines, links): a row taller than a page: split between lines, its borders closed on both pages, and the
/// part on each next page as far below the repeated header as the row's padding.
#[test]
fn a_row_taller_than_a_page_splits_between_lines_and_keeps_its_padding() {
    insta::assert_snapshot!(dump(&laid("tall_row")));
}

/// Pins the whole laid-out result (positions, runs and faces, lines, links): a block that must stay together moves whole to the next page instead of breaking.
#[test]
fn a_kept_together_block_moves_whole_to_the_next_page() {
    insta::assert_snapshot!(dump(&laid("keep_together")));
}

/// Pins the whole laid-out result (positions, runs and faces, lines, links): a landscape section after a portrait page: it starts on an odd page (a blank page in
/// between), its task names turned upwards, with section and document page numbers.
#[test]
fn a_landscape_section_starts_on_an_odd_page_with_upturned_headers() {
    insta::assert_snapshot!(dump(&laid("landscape")));
}

/// Pins the whole laid-out result (positions, runs and faces, lines, links): names in Cyrillic and Greek take the fallback face (`f`), Latin names with diacritics stay
/// in the regular face, and characters no font has are warned about.
#[test]
fn other_scripts_take_the_fallback_face_and_missing_glyphs_warn() {
    insta::assert_snapshot!(dump(&laid("fallback")));
}

/// Pins the whole laid-out result (positions, runs and faces, lines, links): a form's labelled fields, checkboxes in a sentence, a table and the signature boxes.
#[test]
fn fields_checkboxes_and_signature_boxes_stand_where_the_form_puts_them() {
    insta::assert_snapshot!(dump(&laid("forms")));
}

/// Pins the whole laid-out result (positions, runs and faces, lines, links): a right-aligned logo and a photo fitted in its frame, with the text around them.
#[test]
fn images_keep_their_frames_and_alignment() {
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
fn a_narrow_column_widens_to_its_longest_word_instead_of_breaking_it() {
    // `Ontwikkelingsdoelstellingen` in a 22 mm column: the column takes the room it needs
    // from the wide `Afspraak` column, so the word (capitalised: a name or a heading word)
    // is neither hyphenated nor cut.
    let l = laid("forms");
    let texts = page_texts(&l, 0);
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("1Ontwikkelingsdoelstellingen")),
        "{texts:?}"
    );
    assert!(!texts.iter().any(|t| t.contains("Ontwikke-")), "{texts:?}");
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

/// Pins the whole laid-out result (positions, runs and faces, lines, links): a contents table whose page references print the pages their anchors land on, in the
/// second pass, with links over the rows.
#[test]
fn page_references_print_the_pages_their_anchors_land_on() {
    insta::assert_snapshot!(dump(&laid("toc")));
}

#[test]
fn documents_without_page_references_are_laid_out_once() {
    for name in ["basic", "long_table", "landscape"] {
        let l = laid(name);
        assert_eq!(l.passes, 1, "{name}");
        assert!(l.anchors.is_empty());
    }
    assert_eq!(laid("toc").passes, 2);
}

/// The link areas on each page: (y, h) of those going to `to`.
fn links(l: &Laid, to: &str) -> Vec<Vec<(f32, f32)>> {
    l.pages
        .iter()
        .map(|p| {
            p.items
                .iter()
                .filter_map(|it| match it {
                    Item::Link { y, h, to: t, .. } if t == to => Some((*y, *h)),
                    _ => None,
                })
                .collect()
        })
        .collect()
}

#[test]
fn a_row_split_across_pages_links_on_each_page_and_its_anchor_is_its_top() {
    let lines = "Regel.<br/>".repeat(70);
    let l = layout(
        &parse(&format!(
            r#"<document><h1 id="top">Titel</h1><table><tr id="rij" link="top"><td>{lines}</td><td link="rij">Rechts</td></tr></table></document>"#
        ))
        .unwrap(),
        &Default::default(),
    );
    assert!(l.pages.len() >= 2);
    let row = links(&l, "top");
    let cell = links(&l, "rij");
    for p in 0..l.pages.len() {
        assert_eq!(
            row[p].len(),
            1,
            "one area for the row's slices on page {}",
            p + 1
        );
        assert_eq!(cell[p].len(), 1);
        let (y, h) = row[p][0];
        assert!(y >= 0.0 && y + h <= l.pages[p].height.0 - 56.0, "{y} {h}");
    }
    let a = l.anchor("rij").unwrap();
    assert_eq!((a.page, a.y), (0, row[0][0].0));
}

#[test]
fn a_paragraph_link_is_one_area_per_page() {
    let words = "woord ".repeat(1400);
    let l = layout(
        &parse(&format!(
            r#"<document><p id="doel">Doel</p><p link="doel">{words}</p></document>"#
        ))
        .unwrap(),
        &Default::default(),
    );
    assert_eq!(l.pages.len(), 2);
    let areas = links(&l, "doel");
    assert_eq!((areas[0].len(), areas[1].len()), (1, 1));
    // The area reaches from the first line on the page to the last.
    let lines = page_texts(&l, 0).len() - 1;
    assert!(
        (areas[0][0].1 - lines as f32 * 14.3).abs() < 0.5,
        "{areas:?}"
    );
}

#[test]
fn anchors_in_lists_cells_and_empty_paragraphs_land_where_their_text_is() {
    let l = layout(
        &parse(
            r#"<document><ul><li><p id="li">In een lijst</p></li></ul>
               <table><tr><td><p>a</p><p id="cel">In een cel</p></td></tr></table>
               <pagebreak/><p id="leeg"/><p>Na de lege alinea</p>
               <p>Naar <pageref to="li"/>, <pageref to="cel"/>, <pageref to="leeg"/></p></document>"#,
        )
        .unwrap(),
        &Default::default(),
    );
    let baseline = |page: usize, text: &str| {
        l.pages[page]
            .items
            .iter()
            .find_map(|it| match it {
                Item::Text { y, run, .. } if run.text.starts_with(text) => Some(*y),
                _ => None,
            })
            .unwrap()
    };
    // An anchor is the top of its first line, a line's height (14.3 pt) at most above the
    // baseline; the empty paragraph is one empty line above the next.
    for (id, page, text, above) in [
        ("li", 0, "lijst", 0.0),
        ("cel", 0, "cel", 0.0),
        ("leeg", 1, "Na", 14.3 + 5.5),
    ] {
        let a = l.anchor(id).unwrap();
        assert_eq!(a.page, page, "{id}");
        let gap = baseline(page, text) - above - a.y;
        assert!(gap > 5.0 && gap < 14.3, "{id}: {gap}");
    }
    assert!(
        page_texts(&l, 1).iter().any(|t| t == "Naar 1, 1, 2"),
        "{:?}",
        page_texts(&l, 1)
    );
}

#[test]
fn an_odd_page_break_follows_where_its_section_starts() {
    // Section 2 starts on page 2 or 3; after its first page an odd page break needs a
    // blank page only when that first page is odd.
    for (first_pages, blank) in [(1, false), (2, true)] {
        let l = layout(
            &parse(&format!(
                r#"<document><p>Een</p>{}<section><p>A</p><pagebreak odd="true"/><p>B</p></section></document>"#,
                "<pagebreak/><p>Twee</p>".repeat(first_pages - 1)
            ))
            .unwrap(),
            &Default::default(),
        );
        let b = (0..l.pages.len())
            .find(|&p| page_texts(&l, p) == ["B"])
            .unwrap();
        assert_eq!(b % 2, 0, "B on page {}", b + 1);
        assert_eq!(l.pages[b - 1].blank, blank, "{first_pages}");
    }
}

/// Contents whose entries are just too long for three-digit numbers without the digit 1:
/// they grow a page when the numbers are 102 to 112, and shrink again at 104 to 114 (`111`
/// and `113` are narrow enough), back and forth. Then the sections they list: a first of
/// a hundred pages, and eleven more that `section` makes from their number.
fn moving_contents(section: impl Fn(usize) -> String) -> String {
    let dots = ".".repeat(176);
    let mut s = String::from(r#"<document><h1>Inhoud</h1><spacer height="380pt"/>"#);
    for k in 0..12 {
        s += &format!("<p>Hoofdstuk 10 {dots} <pageref to=\"h{k}\"/></p>\n");
    }
    s += r#"<section><h1 id="h0">Deel 0</h1><pagebreak odd="true"/><p>Na</p>"#;
    s += &"<pagebreak/>".repeat(98);
    s += "</section>";
    for k in 1..12 {
        s += &section(k);
    }
    s + "</document>"
}

#[test]
fn a_page_number_that_keeps_moving_is_a_warning_at_its_reference() {
    let dots = ".".repeat(176);
    let s = moving_contents(|k| format!(r#"<section><h1 id="h{k}">Deel {k}</h1></section>"#));
    let l = layout(&parse(&s).unwrap(), &Default::default());
    assert_eq!(l.passes, popdruk::layout::MAX_PASSES);
    let w: Vec<String> = l.warnings.iter().map(|w| w.to_string()).collect();
    assert!(
        w.contains(&format!(
            "line 2, column {}: the page number of `h1` still moved after 4 layout passes and may be off",
            dots.len() + 18
        )),
        "{w:?}"
    );
}

#[test]
fn a_reference_to_an_anchor_a_built_document_lacks_prints_a_question_mark() {
    // The parser refuses this; a document put together in code (a bundle) can still have it.
    let mut doc = parse(
        "<document><footer>Zie <pageref to=\"weg\"/></footer>\n<p id=\"weg\">Weg</p><p>Zie <pageref to=\"weg\"/></p></document>",
    )
    .unwrap();
    let popdruk::markup::Block::Para(p) = &mut doc.sections[0].blocks[0] else {
        panic!()
    };
    p.id = None;
    let l = layout(&doc, &Default::default());
    assert_eq!(page_texts(&l, 0), ["Weg", "Zie ?", "Zie ?"]);
    let w: Vec<String> = l.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(
        w,
        [
            "line 2, column 27: no element has `id=\"weg\"`: the page reference prints `?`",
            "line 1, column 23: no element has `id=\"weg\"`: the page reference prints `?`"
        ]
    );
}

/// Lays `doc` out a piece at a time, `per` sections a piece, as the dossier is: each
/// piece's pages "drawn" (their bodies kept, their items emptied) as the painter does. With
/// `drawing`, the book draws likewise the pages it lays out itself (the sections with page
/// references) and the headers and footers of pages drawn before. Gives the document,
/// where each page's body comes from, the bodies given ahead (the pieces', then the
/// book's) and per page its header and footer drawn by the book.
fn in_pieces(
    doc: &popdruk::markup::Document,
    per: usize,
    drawing: bool,
) -> (
    popdruk::layout::Finished<popdruk::layout::Page>,
    Vec<Vec<popdruk::layout::Page>>,
) {
    use popdruk::layout::{Book, Finished, Page, Piece};
    let draw = |page: &mut Page| {
        let body = page.clone();
        page.items = Vec::new();
        Some(body)
    };
    let mut shaper = popdruk::text::Shaper::default();
    let mut book = Book::new(doc.meta.clone(), &Default::default());
    let mut ahead: Vec<Vec<Page>> = Vec::new();
    for sections in doc.sections.chunks(per) {
        let part = popdruk::markup::Document {
            meta: doc.meta.clone(),
            sections: sections.to_vec(),
        };
        let mut piece = Piece::new(part, &book.options(), &mut shaper);
        ahead.push(piece.pages_mut().map(|p| draw(p).unwrap()).collect());
        book.push(piece);
    }
    if !drawing {
        let (laid, origins) = book.finish(&mut shaper);
        let running = vec![None; laid.pages.len()];
        let late = Vec::new();
        return (
            Finished {
                laid,
                origins,
                late,
                running,
            },
            ahead,
        );
    }
    (book.finish_drawing(&mut shaper, draw), ahead)
}

#[test]
fn a_document_laid_out_in_pieces_is_the_document_laid_out_whole() {
    // Odd starts and odd page breaks that move with the numbers, and references after them.
    let moving = moving_contents(|k| {
        format!(
            r#"<section start="odd"><h1 id="h{k}">Deel {k}</h1><p>Zie <pageref to="h0"/></p><pagebreak odd="true"/><p>Einde</p></section>"#
        )
    });
    let odd = format!(
        r#"<document><footer>Pagina <page/> van <pages/>, deel <page of="section"/> van <pages of="section"/></footer><p>Een</p>{}</document>"#,
        r#"<section><p>A</p><pagebreak odd="true"/><p>B</p></section><section start="odd"><p>C</p><pagebreak/><p>D</p></section>"#
            .repeat(9)
    );
    let mut docs: Vec<String> = ["toc", "basic", "landscape", "long_table", "forms"]
        .iter()
        .map(|n| fixture(n))
        .collect();
    docs.push(moving);
    docs.push(odd);
    let (mut drawn_late, mut headed) = (0, 0);
    for (n, text) in docs.iter().enumerate() {
        let doc = parse(text).unwrap();
        let whole = layout(&doc, &Default::default());
        for (per, drawing) in [(1, false), (2, false), (5, false), (1, true), (2, true)] {
            let (f, mut ahead) = in_pieces(&doc, per, drawing);
            let (laid, origins, running) = (f.laid, f.origins, f.running);
            ahead.extend(
                f.late
                    .into_iter()
                    .map(|d| d.into_iter().map(Option::unwrap).collect()),
            );
            let what = format!("document {n}, {per} sections a piece, drawing: {drawing}");
            assert_eq!(origins.len(), laid.pages.len(), "{what}");
            assert_eq!(running.len(), laid.pages.len(), "{what}");
            assert_eq!(laid.pages.len(), whole.pages.len(), "{what}");
            let mut given = 0;
            let pages = laid.pages.iter().zip(&origins).zip(&running);
            for (((page, origin), running), want) in pages.zip(&whole.pages) {
                // The body drawn ahead, then the header and footer drawn by the book, then
                // what is left on the page: the page laid out whole, item for item.
                let mut items = Vec::new();
                if let Some((piece, k)) = origin {
                    let body = &ahead[*piece][*k];
                    assert_eq!((body.width, body.height), (want.width, want.height));
                    items.extend(body.items.iter().cloned());
                    given += 1;
                    drawn_late += (*piece >= doc.sections.len().div_ceil(per)) as usize;
                }
                if let Some(r) = running {
                    items.extend(r.items.iter().cloned());
                    headed += 1;
                    assert!(page.items.is_empty(), "{what}");
                }
                items.extend(page.items.iter().cloned());
                assert_eq!(items, want.items, "{what}");
                assert_eq!((page.width, page.height), (want.width, want.height));
                assert_eq!((page.section, page.blank), (want.section, want.blank));
            }
            assert_eq!(given, ahead.iter().map(Vec::len).sum::<usize>(), "{what}");
            assert_eq!(laid.bookmarks, whole.bookmarks, "{what}");
            assert_eq!(laid.anchors, whole.anchors, "{what}");
            assert_eq!(laid.warnings, whole.warnings, "{what}");
            assert_eq!(laid.passes, whole.passes, "{what}");
            assert_eq!(laid.meta, whole.meta, "{what}");
        }
    }
    // The contents pages of `toc` and `moving` were drawn by the book as it laid them out,
    // and the footers of `odd` over the bodies drawn before.
    assert!(drawn_late > 0 && headed > 0);
}

#[test]
fn a_running_header_too_long_for_its_margin_keeps_the_lines_that_fit_above_the_text() {
    // A name of 300 letters in the POP form's header ran four lines down over the table.
    let name = "Van".repeat(100);
    let doc = parse(&format!(
        r#"<document title="x" lang="nl-BE"><header align="right">Groenkracht · Persoonlijk ontwikkelingsplan · Ayşe {name}</header><footer>{name} {name}</footer><p>Tekst</p></document>"#
    ))
    .unwrap();
    let l = layout(&doc, &Default::default());
    let page = &l.pages[0];
    let texts: Vec<(f32, &str)> = page
        .items
        .iter()
        .filter_map(|it| match it {
            Item::Text { y, run, .. } => Some((*y, run.text.as_str())),
            _ => None,
        })
        .collect();
    let body = texts.iter().find(|(_, t)| *t == "Tekst").expect("body").0;
    let header: Vec<f32> = texts
        .iter()
        .filter(|(y, t)| t.contains("Van") && *y < body)
        .map(|(y, _)| *y)
        .collect();
    assert!(!header.is_empty(), "{texts:?}");
    // Above the body's first line with a line to spare, and cut: the name is in the body.
    assert!(header.iter().all(|y| *y < body - 11.0), "{texts:?}");
    let shown: usize = texts
        .iter()
        .filter(|(y, _)| *y < body)
        .map(|(_, t)| t.matches("Van").count())
        .sum();
    assert!((1..100).contains(&shown), "{shown}");
    // The footer stays within the bottom margin.
    let footer_top = texts
        .iter()
        .filter(|(y, t)| t.contains("Van") && *y > body)
        .map(|(y, _)| *y)
        .fold(f32::MAX, f32::min);
    assert!(footer_top > page.height.0 - 70.0, "{footer_top}");
}

/// A word hyphenated at the end of a page's last line would be read across the page turn:
/// that line goes to the next page with the rest of its word (and the paragraph keeps two
/// lines on each side of the break). Paragraphs of long Dutch words, each a little longer
/// than the one before, put hyphens on every line position of the pages.
#[test]
fn no_word_is_hyphenated_over_a_page_turn() {
    let words = [
        "ontwikkelingsplan",
        "doelgroepwerknemer",
        "opleidingsplan",
        "verbeteracties",
        "begeleidingsgesprek",
        "competentieprofiel",
        "maatwerkbedrijf",
        "werkplekleren",
        "en",
    ];
    let mut body = String::new();
    let mut written = 0;
    for n in 1..50 {
        let text: Vec<&str> = (0..n * 5 + 3)
            .map(|k| words[(k * 5 + n) % words.len()])
            .collect();
        written += text.len();
        body.push_str(&format!("<p align=\"justify\">{}</p>\n", text.join(" ")));
    }
    let doc = format!(
        "<document title=\"Afbreken\" lang=\"nl-BE\">\
         <footer align=\"center\">Pagina <page/> van <pages/></footer>{body}</document>"
    );
    let l = layout(&parse(&doc).unwrap(), &Default::default());
    let hyphens = |page: &popdruk::layout::Page| {
        page.items
            .iter()
            .filter(|i| {
                matches!(
                    i,
                    Item::Mark {
                        mark: popdruk::layout::Mark::Hyphen { .. },
                        ..
                    }
                )
            })
            .count()
    };
    let pages = l.pages.len();
    assert!(pages >= 10, "{pages} pages");
    assert!(
        l.pages.iter().map(hyphens).sum::<usize>() > 10 * pages,
        "hyphens on most lines"
    );
    let faults = popdruk::layout::lint::lint(&l, &Default::default());
    assert!(faults.is_empty(), "{faults:#?}");
    // Nothing lost: every word is on some page, whole or in two parts.
    let text: String = (0..pages)
        .map(|p| page_texts(&l, p).join(" "))
        .collect::<Vec<_>>()
        .join(" ")
        .replace("- ", "");
    let found = text
        .split_whitespace()
        .filter(|t| words.contains(t))
        .count();
    assert_eq!(found, written, "{text}");
}
