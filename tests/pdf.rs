//! Whole-PDF checks: render fixtures, re-read the bytes with lopdf, assert text, pages,
//! fonts, bookmarks and metadata.

mod common;

use popdruk::render::render;

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
    assert!(warnings[0].message.contains("U+13000"), "{}", warnings[0]);
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
    let (bytes, _) = popdruk::render::render_with_images(markup, &images).unwrap();
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
    let e = popdruk::render::render_with_images(markup, &Default::default()).unwrap_err();
    assert_eq!(e.to_string(), "image `logo`: not found (images given: )");
}
