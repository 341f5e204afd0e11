//! Whole-PDF checks: render fixtures, re-read the bytes with lopdf, assert text, pages,
//! fonts, bookmarks and metadata.

use crate::common;

use popdruk::layout::{Laid, Warning};
use popdruk::markup::MarkupError;
use popdruk::pdf::{ImageError, Images, Writer};

/// Markup to PDF bytes in one go (parse, lay out, write, images as placeholder boxes), with
/// the layout's warnings (e.g. characters no font has).
fn render(markup: &str) -> Result<(Vec<u8>, Vec<Warning>), MarkupError> {
    let doc = popdruk::markup::parse(markup)?;
    let laid = popdruk::layout::layout(&doc, &Default::default());
    Ok((pdf_of(&laid), laid.warnings))
}

/// As [`render`], with the images the markup's `<image>` elements name.
fn render_with_images(
    markup: &str,
    images: &Images,
) -> Result<(Vec<u8>, Vec<Warning>), ImageError> {
    let doc = popdruk::markup::parse(markup).unwrap();
    let laid = popdruk::layout::layout(&doc, &Default::default());
    let written = Writer::new().images(images).write(&laid)?;
    Ok((written.bytes, laid.warnings))
}

/// The PDF of a laid-out document, images drawn as placeholder boxes.
fn pdf_of(laid: &Laid) -> Vec<u8> {
    Writer::new().write(laid).unwrap().bytes
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/markup/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

#[test]
fn basic_form_text_extracts_in_reading_order() {
    let (bytes, warnings) = render(&fixture("basic.xml")).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    let doc = common::read(&bytes);
    assert_eq!(doc.get_pages().len(), 1);
    let text = common::text(&doc);
    let words = [
        "Persoonlijk ontwikkelingsplan",
        "POP-gesprek",
        "Efficiënte afspraken",
        "officiële fiches en affiches",
        "Ayşe Yılmaz",
        "Ontwikkeldoelen",
        "Heftruckattest",
        "Voor akkoord",
        "Pagina 1 van 1",
    ];
    let mut at = 0;
    for w in words {
        let found = text[at..]
            .find(w)
            .unwrap_or_else(|| panic!("`{w}` not found in order in:\n{text}"));
        at += found + w.len();
    }
}

#[test]
fn ligatures_copy_paste_as_their_letters() {
    let (bytes, _) =
        render(r#"<document><p>affiches officieel efficiënt fijn</p></document>"#).unwrap();
    let text = common::text(&common::read(&bytes));
    assert!(text.contains("affiches officieel efficiënt fijn"), "{text}");
}

#[test]
fn fonts_are_embedded_and_subset() {
    let (bytes, _) = render(&fixture("basic.xml")).unwrap();
    let fonts = common::embedded_fonts(&common::read(&bytes));
    assert_eq!(fonts.len(), 3, "{fonts:?}");
    for f in &fonts {
        assert_eq!(f.find('+'), Some(6), "subset tag on {f}");
    }
    assert!(bytes.len() < 60_000, "{} bytes", bytes.len());
}

#[test]
fn headings_become_nested_bookmarks() {
    let (bytes, _) = render(&fixture("basic.xml")).unwrap();
    let outline = common::outline(&common::read(&bytes));
    assert_eq!(
        outline,
        vec![
            (1, "Persoonlijk ontwikkelingsplan".to_string()),
            (2, "Identificatie".to_string()),
            (2, "Ontwikkeldoelen".to_string()),
            (3, "Niveau".to_string()),
            (2, "Notities".to_string()),
        ]
    );
}

#[test]
fn document_language_and_title_are_set() {
    let (bytes, _) = render(&fixture("basic.xml")).unwrap();
    let doc = common::read(&bytes);
    assert_eq!(common::lang(&doc).as_deref(), Some("nl-BE"));
}

#[test]
fn same_markup_gives_identical_bytes() {
    let (a, _) = render(&fixture("basic.xml")).unwrap();
    let (b, _) = render(&fixture("basic.xml")).unwrap();
    assert!(a == b);
}

#[test]
fn a_character_no_font_has_is_a_warning_with_its_line() {
    let (bytes, warnings) = render("<document>\n<p>Egyptisch: \u{13000}</p>\n</document>").unwrap();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(warnings[0].pos.line, 2);
    assert!(
        warnings[0].kind == popdruk::layout::WarningKind::MissingGlyph('\u{13000}'),
        "{}",
        warnings[0]
    );
    // The character is not silently dropped from the text layer either.
    assert!(common::text(&common::read(&bytes)).contains('\u{13000}'));
}

#[test]
fn cyrillic_and_greek_use_the_fallback_font() {
    let (bytes, warnings) =
        render("<document><p>Олена Шевченко – Αλέξανδρος</p></document>").unwrap();
    assert!(warnings.is_empty());
    let doc = common::read(&bytes);
    assert!(
        common::embedded_fonts(&doc)
            .iter()
            .any(|f| f.ends_with("DejaVuSans"))
    );
    assert!(common::text(&doc).contains("Олена Шевченко – Αλέξανδρος"));
}

/// A 40×20 PNG: a red-to-blue gradient whose right half is half transparent.
fn logo_png() -> Vec<u8> {
    let (w, h) = (40u32, 20u32);
    let mut data = Vec::new();
    for _y in 0..h {
        for x in 0..w {
            data.extend_from_slice(&[
                (255 - x * 6) as u8,
                40,
                (x * 6) as u8,
                if x < 20 { 255 } else { 128 },
            ]);
        }
    }
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, w, h);
        enc.set_color(png::ColorType::Rgba);
        enc.set_depth(png::BitDepth::Eight);
        enc.write_header().unwrap().write_image_data(&data).unwrap();
    }
    out
}

#[test]
fn png_images_are_embedded_with_their_transparency() {
    let mut images = popdruk::pdf::Images::new();
    images.insert("logo".into(), logo_png());
    let markup = r#"<document><image src="logo" width="40mm" height="40mm"/><p>Onder het logo</p></document>"#;
    let (bytes, _) = render_with_images(markup, &images).unwrap();
    let doc = common::read(&bytes);
    let image = doc
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .find(|s| {
            s.dict.get(b"Subtype").and_then(lopdf::Object::as_name).ok()
                == Some(b"Image".as_slice())
                && s.dict.has(b"SMask")
        })
        .expect("an image with a soft mask");
    assert_eq!(image.dict.get(b"Width").unwrap().as_i64().unwrap(), 40);
    assert!(common::text(&doc).contains("Onder het logo"));
}

#[test]
fn a_missing_image_is_an_error_naming_it() {
    let markup = r#"<document><image src="logo"/></document>"#;
    let e = render_with_images(markup, &Default::default()).unwrap_err();
    assert_eq!(e.to_string(), "image `logo`: not found (images given: )");
}

#[test]
fn page_references_print_the_pages_their_targets_land_on() {
    let (bytes, warnings) = render(&fixture("toc.xml")).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    let pages = common::page_texts(&common::read(&bytes));
    assert_eq!(pages.len(), 7);
    assert!(
        pages[0].starts_with("Inhoud Vaststellingen 2 Maatregelen 5 Bijlagen 7 De opvolging van de maatregelen staat op pagina 3;"),
        "{}",
        pages[0]
    );
    // The targets: the odd-start sections after the first are preceded by blank pages.
    assert!(pages[1].starts_with("Vaststellingen"));
    assert!(pages[2].starts_with("Opvolging Zie de maatregelen vanaf pagina 5."));
    assert!(pages[4].starts_with("Maatregelen") && pages[4].contains("Terug naar 1"));
    assert!(pages[6].starts_with("Bijlagen"));
    assert_eq!((pages[3].as_str(), pages[5].as_str()), ("", ""));
    // In the footer too.
    assert!(
        pages[6].ends_with("Pagina 7 van 7 · bijlagen vanaf p. 7"),
        "{}",
        pages[6]
    );
}

#[test]
fn links_are_annotations_that_go_to_the_page_of_their_anchor() {
    let (bytes, _) = render(&fixture("toc.xml")).unwrap();
    let links = common::links(&common::read(&bytes));
    let targets = |p: usize| links[p].iter().map(|l| l.1).collect::<Vec<_>>();
    // Three table rows (the last only its first cell) and a paragraph of two lines.
    assert_eq!(targets(0), vec![1, 4, 6, 2]);
    assert_eq!(targets(4), vec![0, 4], "the heading and the table cell");
    assert!([1, 2, 3, 5, 6].iter().all(|&p| links[p].is_empty()));
    // Rectangles in PDF coordinates (from the bottom): the first row spans the table's
    // width; the paragraph's two lines make one area.
    let h = 841.89;
    let [x1, y1, x2, y2] = links[0][0].0;
    assert!(
        (x1 - 51.02).abs() < 0.1 && (x2 - 544.25).abs() < 0.1,
        "{x1} {x2}"
    );
    assert!((y2 - (h - 84.9)).abs() < 0.1 && (y2 - y1 - 22.8).abs() < 0.1);
    let [_, y1, _, y2] = links[0][3].0;
    assert!((y2 - y1 - 28.6).abs() < 0.1, "two lines: {}", y2 - y1);
}

/// A table of contents whose real page numbers (four digits) are wider than the first
/// pass's placeholder (two): eleven of its twelve entries then take two lines and push the
/// table onto a second page, which moves everything after it, including an odd page
/// break in the first part.
fn growing_toc() -> String {
    // With 176 dots, `00` still fits on the line and `1011` no longer does.
    let dots = ".".repeat(176);
    let mut s = String::from(r#"<document><h1>Inhoud</h1><spacer height="380pt"/>"#);
    for k in 0..12 {
        s += &format!(r#"<p>Hoofdstuk 10 {dots} <pageref to="h{k}"/></p>"#);
    }
    s += r#"<section><h1 id="h0">Deel 0</h1><pagebreak odd="true"/><p>Na het oneven paginaeinde</p>"#;
    s += &"<pagebreak/>".repeat(998);
    s += "</section>";
    for k in 1..12 {
        s += &format!(r#"<section><h1 id="h{k}">Deel {k}</h1></section>"#);
    }
    s + "</document>"
}

#[test]
fn a_table_of_contents_that_grows_a_page_settles_in_three_passes() {
    let doc = popdruk::markup::parse(&growing_toc()).unwrap();
    let laid = popdruk::layout::layout(&doc, &Default::default());
    assert!(laid.warnings.is_empty(), "{:?}", laid.warnings);
    assert_eq!(
        laid.passes, 3,
        "placeholder, real numbers, numbers after the move"
    );
    let pages = common::page_texts(&common::read(&pdf_of(&laid)));
    assert!(
        pages[1].contains("Hoofdstuk 10"),
        "the contents took two pages"
    );
    let toc = format!("{} {}", pages[0], pages[1]);
    let numbers: Vec<usize> = toc
        .split("Hoofdstuk 10")
        .skip(1)
        .map(|e| {
            e.trim_matches(|c: char| c == '.' || c == ' ')
                .parse()
                .unwrap()
        })
        .collect();
    assert_eq!(numbers.len(), 12);
    for (k, n) in numbers.iter().enumerate() {
        assert!(
            pages[n - 1].starts_with(&format!("Deel {k}")),
            "entry {k} says page {n}: {:?}",
            &pages[n - 1]
        );
    }
    assert_eq!(
        numbers[1], 1004,
        "two pages of contents, and a blank one in part 0"
    );
    let after = pages
        .iter()
        .position(|p| p.starts_with("Na het oneven"))
        .unwrap();
    assert_eq!(after % 2, 0, "page {} is not odd", after + 1);
}

#[test]
fn odd_start_sections_after_a_table_of_contents_are_numbered_with_their_blank_pages() {
    for entries in [3, 40] {
        let mut s = String::from("<document><h1>Inhoud</h1>");
        for k in 0..entries {
            s += &format!(r#"<p>Deel {k}: pagina <pageref to="d{k}"/></p>"#);
        }
        for k in 0..entries {
            s += &format!(r#"<section start="odd"><h1 id="d{k}">Deel {k}</h1></section>"#);
        }
        s += "</document>";
        let (bytes, _) = render(&s).unwrap();
        let pages = common::page_texts(&common::read(&bytes));
        let toc_pages = if entries == 3 { 1 } else { 2 };
        for k in 0..entries {
            // Each part takes one page, and a blank one after it; the first part starts on
            // page 3 whether the contents took one page (and a blank) or two.
            let n = 3 + 2 * k;
            assert!(
                pages[n - 1].starts_with(&format!("Deel {k}")),
                "{entries}: {k}"
            );
            let entry = format!("Deel {k}: pagina {n} ");
            assert!(
                (pages[..toc_pages].join(" ") + " ").contains(&entry),
                "{entries}: {entry}"
            );
        }
        assert_eq!(pages[1].is_empty(), entries == 3);
    }
}

#[test]
fn references_to_no_id_and_duplicate_ids_are_errors_with_their_place() {
    let e = render("<document>\n<h1 id=\"a\">A</h1>\n<p>Zie <pageref to=\"b\"/></p>\n</document>")
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "line 3, column 8: `<pageref to=\"b\"/>` points to no element: nothing has `id=\"b\"`"
    );
    let e =
        render("<document>\n<h1 id=\"a\">A</h1>\n  <p id=\"a\">B</p>\n</document>").unwrap_err();
    assert_eq!(
        e.to_string(),
        "line 3, column 3: duplicate `id=\"a\"`: already used at line 2, column 1"
    );
}

#[test]
fn headings_shifted_into_a_dossier_nest_their_bookmarks_past_level_four() {
    let mut dossier = popdruk::markup::parse("<document><h1>Dossier</h1></document>").unwrap();
    let mut pop = popdruk::markup::parse(
        "<document><h1>POP</h1><h2>Doelen</h2><h4>Niveau</h4><h1>Bijlage</h1></document>",
    )
    .unwrap();
    pop.shift_headings(1);
    dossier.sections.extend(pop.sections);
    let laid = popdruk::layout::layout(&dossier, &Default::default());
    assert_eq!(
        laid.bookmarks.iter().map(|b| b.level).collect::<Vec<_>>(),
        [1, 2, 3, 5, 2]
    );
    let outline = common::outline(&common::read(&pdf_of(&laid)));
    let names = |v: &[(usize, &str)]| {
        v.iter()
            .map(|(d, t)| (*d, t.to_string()))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        outline,
        names(&[
            (1, "Dossier"),
            (2, "POP"),
            (3, "Doelen"),
            (4, "Niveau"),
            (2, "Bijlage")
        ])
    );
}

/// A bundle writes the pages its documents drew before, without their items: the file must
/// be the same, byte for byte, as drawing every page again (links, fonts, ids included).
#[test]
fn reused_page_drawings_give_the_same_file_as_drawing_again() {
    for name in ["toc.xml", "fallback.xml", "basic.xml", "long_table.xml"] {
        let doc = popdruk::markup::parse(&fixture(name)).unwrap();
        let laid = popdruk::layout::layout(&doc, &Default::default());
        let first = Writer::new().write(&laid).unwrap();
        let mut bare = laid.clone();
        for page in &mut bare.pages {
            page.items.clear();
        }
        let again = Writer::new()
            .reusing(first.pages.into_iter().map(Some).collect())
            .write(&bare)
            .unwrap();
        assert!(
            again.bytes == first.bytes,
            "{name}: reused drawings changed the file"
        );
        assert_eq!(again.bytes, pdf_of(&laid), "{name}");
    }
}

/// Lays `doc` out a section a piece, drawing each piece's pages as it comes (as the dossier
/// is made), and writes it.
fn drawn_ahead(
    doc: &popdruk::markup::Document,
    images: &popdruk::pdf::Images,
) -> Result<Vec<u8>, popdruk::pdf::ImageError> {
    use popdruk::layout::{Book, Piece};
    let painter = popdruk::pdf::Painter::new(images);
    let mut shaper = popdruk::text::Shaper::default();
    let mut book = Book::new(doc.meta.clone(), &Default::default());
    let mut drawn = Vec::new();
    for section in &doc.sections {
        let part = popdruk::markup::Document {
            meta: doc.meta.clone(),
            sections: vec![section.clone()],
        };
        let mut piece = Piece::new(part, &book.options(), &mut shaper);
        drawn.push(
            piece
                .pages_mut()
                .map(|p| painter.draw(p))
                .collect::<Vec<_>>(),
        );
        book.push(piece);
    }
    // The pages the book lays out itself (with page references) are drawn as it goes, and
    // the headers and footers over the bodies drawn before.
    let f = book.finish_drawing(&mut shaper, |p| painter.draw(p));
    drawn.extend(f.late);
    let reuse = (f.origins.into_iter().zip(f.running))
        .map(|(o, running)| {
            let body = o.and_then(|(piece, page)| drawn[piece][page].take());
            popdruk::pdf::DrawnPage::stack(body, running)
        })
        .collect();
    Writer::new()
        .images(images)
        .reusing(reuse)
        .write_once(f.laid)
        .map(popdruk::pdf::Pieces::into_vec)
}

/// The dossier draws each page's body as soon as it is laid out, and its header and footer
/// (which print the page count) when the file is written, as a second content stream: the
/// file must read as the one drawn in one go, page by page, with the same links and outline.
#[test]
fn pages_drawn_ahead_read_as_pages_drawn_in_one_go() {
    let mut images = popdruk::pdf::Images::new();
    images.insert("logo".into(), logo_png());
    images.insert("photo".into(), logo_png());
    let mut layered = 0;
    for name in ["toc.xml", "images.xml", "basic.xml", "long_table.xml"] {
        let doc = popdruk::markup::parse(&fixture(name)).unwrap();
        let laid = popdruk::layout::layout(&doc, &Default::default());
        let whole = common::read(&Writer::new().images(&images).write(&laid).unwrap().bytes);
        let ahead = common::read(&drawn_ahead(&doc, &images).unwrap());
        assert_eq!(
            common::page_texts(&ahead),
            common::page_texts(&whole),
            "{name}"
        );
        assert_eq!(
            common::link_targets(&ahead),
            common::link_targets(&whole),
            "{name}"
        );
        assert_eq!(
            common::outline_pages(&ahead),
            common::outline_pages(&whole),
            "{name}"
        );
        layered += ahead
            .get_pages()
            .values()
            .filter(|id| {
                let page = ahead.get_dictionary(**id).unwrap();
                matches!(page.get(b"Contents"), Ok(lopdf::Object::Array(_)))
            })
            .count();
    }
    assert!(layered > 0, "no page was drawn in two goes");
}

/// A page that shows an image the painter cannot read is left to the writer, which reports
/// the image as it does without drawing ahead.
#[test]
fn an_unreadable_image_is_reported_when_pages_are_drawn_ahead() {
    let mut images = popdruk::pdf::Images::new();
    images.insert("logo".into(), logo_png());
    images.insert("photo".into(), b"not an image".to_vec());
    let doc = popdruk::markup::parse(&fixture("images.xml")).unwrap();
    let laid = popdruk::layout::layout(&doc, &Default::default());
    let whole = Writer::new().images(&images).write(&laid).err().unwrap();
    assert_eq!(drawn_ahead(&doc, &images).unwrap_err(), whole);
    assert_eq!(whole.to_string(), "image `photo`: not a PNG or JPEG file");
}
