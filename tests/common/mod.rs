//! Helpers shared by the integration tests: re-reading written PDFs with lopdf.

#![allow(dead_code)]

use lopdf::{Document, Object};

/// Parses PDF bytes.
pub fn read(bytes: &[u8]) -> Document {
    Document::load_mem(bytes).expect("the written PDF parses")
}

/// The text of all pages, in content-stream order, with whitespace runs collapsed to one
/// space. Decodes every shown string through its font's ToUnicode map; a new line (a text
/// matrix with another baseline) counts as a space. (lopdf's own `extract_text` puts a
/// space after every `TJ`, which would split `<b>POP</b>-gesprek`.)
pub fn text(doc: &Document) -> String {
    page_texts(doc).join(" ")
}

/// The text of each page (as [`text`] does for the whole document), page 1 first.
pub fn page_texts(doc: &Document) -> Vec<String> {
    let mut pages = Vec::new();
    for (_, page_id) in doc.get_pages() {
        let mut out = String::new();
        let fonts = doc.get_page_fonts(page_id).expect("page fonts");
        let encodings: std::collections::BTreeMap<Vec<u8>, lopdf::Encoding> = fonts
            .into_iter()
            .map(|(name, f)| (name, f.get_font_encoding(doc).expect("font encoding")))
            .collect();
        let content = doc
            .get_and_decode_page_content(page_id)
            .expect("page content");
        let mut enc = None;
        let mut last_y = None;
        for op in &content.operations {
            match op.operator.as_str() {
                "Tf" => enc = op.operands[0].as_name().ok().and_then(|n| encodings.get(n)),
                "Tm" => {
                    let y = op.operands[5].as_float().unwrap_or(0.0);
                    if last_y.is_some_and(|l: f32| (l - y).abs() > 0.01) {
                        out.push(' ');
                    }
                    last_y = Some(y);
                }
                "TJ" | "Tj" => {
                    let enc = enc.expect("font set before text");
                    let strings: Vec<&Object> = match &op.operands[0] {
                        Object::Array(a) => a.iter().collect(),
                        o => vec![o],
                    };
                    for s in strings {
                        if let Object::String(b, _) = s {
                            out.push_str(&Document::decode_text(enc, b).expect("decodes"));
                        }
                    }
                }
                _ => {}
            }
        }
        pages.push(out.split_whitespace().collect::<Vec<_>>().join(" "));
    }
    pages
}

/// The page number (from 1) of a page object.
pub fn page_number(doc: &Document, id: lopdf::ObjectId) -> Option<u32> {
    doc.get_pages()
        .into_iter()
        .find(|(_, p)| *p == id)
        .map(|(n, _)| n)
}

/// The page number a `/Dest` array points to.
fn dest_page(doc: &Document, dest: &Object) -> Option<u32> {
    let id = dest.as_array().ok()?.first()?.as_reference().ok()?;
    page_number(doc, id)
}

/// Outline entries as (depth, title, page number the entry goes to), in document order.
pub fn outline_pages(doc: &Document) -> Vec<(usize, String, u32)> {
    fn walk(
        doc: &Document,
        first: Option<lopdf::ObjectId>,
        depth: usize,
        out: &mut Vec<(usize, String, u32)>,
    ) {
        let mut cur = first;
        while let Some(id) = cur {
            let d = doc.get_dictionary(id).expect("outline item");
            let title = match d.get(b"Title") {
                Ok(Object::String(b, _)) => decode(b),
                _ => String::new(),
            };
            let page = d
                .get(b"Dest")
                .ok()
                .and_then(|dest| dest_page(doc, dest))
                .unwrap_or(0);
            out.push((depth, title, page));
            walk(
                doc,
                d.get(b"First").and_then(Object::as_reference).ok(),
                depth + 1,
                out,
            );
            cur = d.get(b"Next").and_then(Object::as_reference).ok();
        }
    }
    let mut out = Vec::new();
    let cat = doc.catalog().expect("catalog");
    if let Ok(root) = cat.get(b"Outlines").and_then(Object::as_reference) {
        let r = doc.get_dictionary(root).unwrap();
        walk(
            doc,
            r.get(b"First").and_then(Object::as_reference).ok(),
            1,
            &mut out,
        );
    }
    out
}

/// Internal links as (page number the link is on, page number it goes to).
pub fn link_targets(doc: &Document) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    for (n, page_id) in doc.get_pages() {
        let Ok(page) = doc.get_dictionary(page_id) else {
            continue;
        };
        let annots = match page.get(b"Annots") {
            Ok(Object::Array(a)) => a.clone(),
            Ok(Object::Reference(r)) => doc
                .get_object(*r)
                .and_then(Object::as_array)
                .cloned()
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        for a in annots {
            let d = match &a {
                Object::Reference(r) => doc.get_dictionary(*r).ok(),
                Object::Dictionary(d) => Some(d),
                _ => None,
            };
            let Some(d) = d else { continue };
            if d.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Link".as_slice()) {
                continue;
            }
            let dest = d.get(b"Dest").ok().cloned().or_else(|| {
                d.get(b"A")
                    .and_then(Object::as_dict)
                    .and_then(|a| a.get(b"D"))
                    .ok()
                    .cloned()
            });
            if let Some(to) = dest.and_then(|dest| dest_page(doc, &dest)) {
                out.push((n, to));
            }
        }
    }
    out
}

/// The link annotations of each page: the rectangle and the index of the page its
/// destination names.
pub fn links(doc: &Document) -> Vec<Vec<([f32; 4], usize)>> {
    let pages: Vec<lopdf::ObjectId> = doc.get_pages().into_values().collect();
    let mut out = Vec::new();
    for id in &pages {
        let page = doc.get_dictionary(*id).expect("page");
        let mut links = Vec::new();
        let annots = page.get(b"Annots").and_then(Object::as_array);
        for a in annots.map(|a| a.as_slice()).unwrap_or_default() {
            let d = doc
                .get_dictionary(a.as_reference().expect("annotations are indirect"))
                .expect("annotation");
            assert_eq!(d.get(b"Subtype").unwrap().as_name().unwrap(), b"Link");
            let border: Vec<i64> = d
                .get(b"Border")
                .and_then(Object::as_array)
                .expect("a border")
                .iter()
                .map(|o| o.as_i64().unwrap())
                .collect();
            assert_eq!(border, [0, 0, 0], "links draw no border");
            let dest = d.get(b"Dest").and_then(Object::as_array).expect("a /Dest");
            assert_eq!(dest[1].as_name().unwrap(), b"XYZ");
            let target = dest[0].as_reference().expect("a page reference");
            let rect: Vec<f32> = d
                .get(b"Rect")
                .and_then(Object::as_array)
                .unwrap()
                .iter()
                .map(|o| o.as_float().unwrap())
                .collect();
            links.push((
                [rect[0], rect[1], rect[2], rect[3]],
                pages
                    .iter()
                    .position(|p| *p == target)
                    .expect("the destination is a page of the document"),
            ));
        }
        out.push(links);
    }
    out
}

/// Text without whitespace and hyphens, to compare content across line breaks.
pub fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect()
}

/// Base font names of all embedded fonts that carry a font program.
pub fn embedded_fonts(doc: &Document) -> Vec<String> {
    let mut names = Vec::new();
    for obj in doc.objects.values() {
        let Ok(d) = obj.as_dict() else { continue };
        let is_descriptor =
            d.get(b"Type").and_then(Object::as_name).ok() == Some(b"FontDescriptor".as_slice());
        let embedded = d.has(b"FontFile2") || d.has(b"FontFile3");
        if let (true, true, Ok(n)) = (
            is_descriptor,
            embedded,
            d.get(b"FontName").and_then(Object::as_name),
        ) {
            names.push(String::from_utf8_lossy(n).into_owned());
        }
    }
    names.sort();
    names
}

/// Outline titles with their depth (1 for top level), in document order.
pub fn outline(doc: &Document) -> Vec<(usize, String)> {
    outline_pages(doc)
        .into_iter()
        .map(|(depth, title, _)| (depth, title))
        .collect()
}

fn decode(b: &[u8]) -> String {
    if b.starts_with(&[0xFE, 0xFF]) {
        let u: Vec<u16> = b[2..]
            .chunks(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&u)
    } else {
        String::from_utf8_lossy(b).into_owned()
    }
}

/// The catalog's /Lang.
pub fn lang(doc: &Document) -> Option<String> {
    match doc.catalog().ok()?.get(b"Lang").ok()? {
        Object::String(b, _) => Some(decode(b)),
        _ => None,
    }
}

/// Runs the popdruk binary from the crate folder, without colour.
pub fn popdruk(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_popdruk"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .output()
        .expect("popdruk runs")
}

/// Output bytes as text.
pub fn text_of(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("output is UTF-8")
}

/// A fresh folder under the system temp dir for one test of one test binary.
pub fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "popdruk-{}-{}-{name}",
        env!("CARGO_CRATE_NAME"),
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Every file under a folder and its subfolders, in path order.
pub fn files_under(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(files_under(&path));
        } else {
            files.push(path);
        }
    }
    files.sort();
    files
}
