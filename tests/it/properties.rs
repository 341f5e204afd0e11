//! Property tests: whatever text goes into paragraphs and table cells comes out of the PDF
//! complete and in order, and nothing is placed outside the page's printable area.

use crate::common;

use popdruk::layout::{Item, layout};
use popdruk::markup::parse;
use proptest::prelude::*;

/// A word: ordinary Dutch-looking words, long compounds, names in several scripts.
fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-zA-Z]{1,12}",
        2 => "[a-zA-Zéëïèàçöü]{1,14}",
        1 => "[a-z]{25,60}",
        1 => "[ĀāĂăĄąĆćŁłŃńŚśŞşŻżİı]{1,10}",
        1 => "[А-Яа-яЁё]{1,12}",
        1 => "[Α-ΡΣ-Ωα-ω]{1,12}",
        1 => "[0-9]{1,6}[.,/:;!?()&<>\"'-]{0,2}",
    ]
}

fn text(max_words: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(word(), 0..max_words).prop_map(|w| w.join(" "))
}

fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => text(12),
        1 => Just(String::new()),
        // A cell of about 10,000 characters: a row taller than a page.
        1 => text(12).prop_map(|t| {
            let mut s = String::new();
            while s.len() < 10_000 {
                s.push_str(&t);
                s.push_str(" lange celinhoud ");
            }
            s
        }),
    ]
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn markup(paras: &[String], rows: &[Vec<String>], ncols: usize) -> String {
    let mut m = String::from("<document>");
    for p in paras {
        m.push_str(&format!("<p>{}</p>", escape(p)));
    }
    m.push_str(&format!(
        "<table widths=\"{}\">",
        vec!["1fr"; ncols].join(" ")
    ));
    for r in rows {
        m.push_str("<tr>");
        for c in r {
            m.push_str(&format!("<td>{}</td>", escape(c)));
        }
        m.push_str("</tr>");
    }
    m.push_str("</table></document>");
    m
}

fn subsequence(needle: &str, hay: &str) -> bool {
    let mut h = hay.chars();
    needle.chars().all(|c| h.any(|x| x == c))
}

/// The characters of a text that are not spaces or hyphens: what must come out of the PDF
/// whatever the line breaks (a break is a space; a hyphenated word gains a hyphen).
fn glyphs(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn every_word_comes_out_of_the_pdf_in_order(
        paras in prop::collection::vec(text(40), 0..4),
        ncols in 1usize..6,
        cells in prop::collection::vec(cell(), 1..16),
    ) {
        let rows: Vec<Vec<String>> = cells.chunks(ncols).map(|c| {
            let mut r = c.to_vec();
            r.resize(ncols, String::new());
            r
        }).collect();
        let m = markup(&paras, &rows, ncols);
        let doc = parse(&m).unwrap();
        let laid = layout(&doc, &Default::default());
        prop_assert!(laid.warnings.is_empty(), "{:?}", laid.warnings);

        // Nothing outside the printable area (inside the margins).
        let setup = doc.sections[0].setup;
        let mar = setup.margins.map(|m| popdruk::units::Pt::from(m).0);
        for (n, p) in laid.pages.iter().enumerate() {
            for it in &p.items {
                if let Item::Text { x, y, size, run, .. } = it {
                    let right = x + run.width * size;
                    prop_assert!(*x >= mar[3] - 0.01 && right <= p.width.0 - mar[1] + 0.5,
                        "page {}: `{}` from {x} to {right}", n + 1, run.text);
                    prop_assert!(*y >= mar[0] && *y <= p.height.0 - mar[2] + 0.01,
                        "page {}: `{}` at y {y}", n + 1, run.text);
                }
            }
        }

        // Every character of every paragraph and cell, in order, in the extracted text.
        // Paragraphs come first, as written; a row split over pages reads page by page
        // (the first page's part of each cell, then the rest), so each cell must appear
        // in order as a subsequence, and nothing may be lost or added.
        let bytes = popdruk::pdf::Writer::new().write(&laid).unwrap().bytes;
        let got = glyphs(&common::text(&common::read(&bytes)));
        let paras_text = glyphs(&paras.concat());
        prop_assert!(got.starts_with(&paras_text), "paragraphs: {}", paras_text);
        let mut total = paras_text.chars().count();
        for r in &rows {
            for c in r {
                let want = glyphs(c);
                total += want.chars().count();
                prop_assert!(subsequence(&want, &got), "cell text not found in order: {}", want);
            }
        }
        prop_assert_eq!(got.chars().count(), total);
    }
}
