//! Helpers shared by the integration tests: re-reading written PDFs with lopdf.

#![allow(dead_code)]

use lopdf::{Document, Object};

/// Parses PDF bytes.
pub fn read(bytes: &[u8]) -> Document {
    Document::load_mem(bytes).expect("the written PDF parses")
}

/// The text of all pages, in content-stream order, with whitespace runs collapsed to one
/// space. Decodes every shown string through its font's ToUnicode map. A new line (a text
/// matrix with another baseline) counts as a space, and so does a gap on one baseline wider
/// than a fifth of an em between where the last glyph ended and the next begins (the next
/// cell of a table row, a tab stop), measured with the fonts' glyph widths. Runs that touch
/// (`<b>POP</b>-gesprek`) join without one. (lopdf's own `extract_text` puts a space after
/// every `TJ`, which would split words.)
pub fn text(doc: &Document) -> String {
    page_texts(doc).join(" ")
}

/// A font of a page: how its strings decode, and its glyph widths (thousandths of an em).
struct PageFont<'a> {
    encoding: lopdf::Encoding<'a>,
    widths: std::collections::HashMap<u32, f32>,
    default_width: f32,
    /// Bytes per character code: 2 for a composite font, 1 for a simple one.
    code_len: usize,
}

impl PageFont<'_> {
    /// The advance of a shown string, in thousandths of an em.
    fn advance(&self, bytes: &[u8]) -> f32 {
        bytes
            .chunks(self.code_len)
            .map(|c| {
                let code = c.iter().fold(0u32, |a, b| (a << 8) | u32::from(*b));
                self.widths
                    .get(&code)
                    .copied()
                    .unwrap_or(self.default_width)
            })
            .sum()
    }
}

/// Reads a `/W` array (`c [w1 w2 …]` or `c1 c2 w`) or a simple font's `/Widths`.
fn font_widths(
    doc: &Document,
    font: &lopdf::Dictionary,
) -> (std::collections::HashMap<u32, f32>, f32, usize) {
    let deref = |o: &Object| -> Object {
        match o {
            Object::Reference(id) => doc.get_object(*id).cloned().unwrap_or(Object::Null),
            o => o.clone(),
        }
    };
    let num = |o: &Object| match deref(o) {
        Object::Integer(i) => i as f32,
        Object::Real(r) => r,
        _ => 0.0,
    };
    let mut widths = std::collections::HashMap::new();
    if let Ok(Object::Array(desc)) = font.get(b"DescendantFonts").map(deref) {
        let Some(Object::Dictionary(cid)) = desc.first().map(deref) else {
            return (widths, 1000.0, 2);
        };
        let dw = cid.get(b"DW").map(num).unwrap_or(1000.0);
        if let Ok(Object::Array(w)) = cid.get(b"W").map(deref) {
            let mut i = 0;
            while i < w.len() {
                let first = num(&w[i]) as u32;
                match w.get(i + 1).map(deref) {
                    Some(Object::Array(list)) => {
                        for (k, v) in list.iter().enumerate() {
                            widths.insert(first + k as u32, num(v));
                        }
                        i += 2;
                    }
                    Some(last) => {
                        let last = num(&last) as u32;
                        let v = w.get(i + 2).map(num).unwrap_or(dw);
                        for c in first..=last {
                            widths.insert(c, v);
                        }
                        i += 3;
                    }
                    None => break,
                }
            }
        }
        return (widths, dw, 2);
    }
    let first = font.get(b"FirstChar").map(num).unwrap_or(0.0) as u32;
    if let Ok(Object::Array(w)) = font.get(b"Widths").map(deref) {
        for (k, v) in w.iter().enumerate() {
            widths.insert(first + k as u32, num(v));
        }
    }
    (widths, 0.0, 1)
}

/// The text of each page (as [`text`] does for the whole document), page 1 first.
pub fn page_texts(doc: &Document) -> Vec<String> {
    let mut pages = Vec::new();
    for (_, page_id) in doc.get_pages() {
        let mut out = String::new();
        let fonts = doc.get_page_fonts(page_id).expect("page fonts");
        let fonts: std::collections::BTreeMap<Vec<u8>, PageFont> = fonts
            .into_iter()
            .map(|(name, f)| {
                let (widths, default_width, code_len) = font_widths(doc, f);
                let encoding = f.get_font_encoding(doc).expect("font encoding");
                (
                    name,
                    PageFont {
                        encoding,
                        widths,
                        default_width,
                        code_len,
                    },
                )
            })
            .collect();
        let content = doc
            .get_and_decode_page_content(page_id)
            .expect("page content");
        let mut font = None;
        let mut size = 0.0f32;
        // The pen: where the last glyph shown ended (user space), and the direction text
        // runs in (the text matrix's first column: rightwards, or upwards when turned).
        let mut pen: Option<((f32, f32), (f32, f32))> = None;
        let mut at = ((0.0f32, 0.0f32), (1.0f32, 0.0f32));
        let gap = |out: &mut String| {
            if !out.ends_with(' ') {
                out.push(' ');
            }
        };
        let num = |o: &Object| o.as_float().unwrap_or(0.0);
        for op in &content.operations {
            match op.operator.as_str() {
                "Tf" => {
                    font = op.operands[0].as_name().ok().and_then(|n| fonts.get(n));
                    size = num(&op.operands[1]);
                }
                "Tm" => {
                    let m: Vec<f32> = op.operands.iter().map(num).collect();
                    let len = (m[0] * m[0] + m[1] * m[1]).sqrt().max(1e-6);
                    let dir = (m[0] / len, m[1] / len);
                    let origin = (m[4], m[5]);
                    if let Some(((px, py), (dx, dy))) = pen {
                        let (ex, ey) = (origin.0 - px, origin.1 - py);
                        let along = ex * dx + ey * dy;
                        let across = (ex * dy - ey * dx).abs();
                        let turned = (dx - dir.0).abs() > 0.01 || (dy - dir.1).abs() > 0.01;
                        if turned || across > 0.01 || along.abs() > size * 0.2 {
                            gap(&mut out);
                        }
                    }
                    at = (origin, dir);
                    pen = Some(at);
                }
                "TJ" | "Tj" => {
                    let font = font.expect("font set before text");
                    let parts: Vec<&Object> = match &op.operands[0] {
                        Object::Array(a) => a.iter().collect(),
                        o => vec![o],
                    };
                    let step = |at: &mut ((f32, f32), (f32, f32)), by: f32| {
                        (at.0).0 += by * (at.1).0;
                        (at.0).1 += by * (at.1).1;
                    };
                    for part in parts {
                        match part {
                            Object::String(b, _) => {
                                out.push_str(
                                    &Document::decode_text(&font.encoding, b).expect("decodes"),
                                );
                                step(&mut at, font.advance(b) / 1000.0 * size);
                            }
                            Object::Integer(_) | Object::Real(_) => {
                                let n = num(part);
                                // A move on wider than a fifth of an em is a gap.
                                if -n > 200.0 {
                                    gap(&mut out);
                                }
                                step(&mut at, -n / 1000.0 * size);
                            }
                            _ => {}
                        }
                    }
                    pen = Some(at);
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

/// Text as it reads across line breaks, to compare content: whitespace runs are one space,
/// and a hyphen the engine put at a line end (`ontwik- kelingsplan`, between two lower-case
/// letters: the engine hyphenates only lower-case words) is taken out with the break. A
/// hyphen of the text itself at a line end (`Jean- Pierre`, `POP- gesprek`) stays, without
/// the space. Spaces between words and hyphens of the text are kept, so a lost space or a
/// wrong hyphen shows.
pub fn squash(s: &str) -> String {
    let collapsed = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let chars: Vec<char> = collapsed.chars().collect();
    let mut out = String::with_capacity(collapsed.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '-' && chars.get(i + 1) == Some(&' ') && i > 0 {
            let before = chars[i - 1];
            let after = chars.get(i + 2).copied().unwrap_or(' ');
            if before.is_lowercase() && after.is_lowercase() {
                i += 2;
                continue;
            }
            if before.is_alphanumeric() && after.is_alphanumeric() {
                out.push('-');
                i += 2;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
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
    // All tests run in one process: a number per call keeps two tests that pick the same
    // name (`wide`, `out`) apart.
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!(
        "popdruk-{}-{}-{n}-{name}",
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

/// The day the workbook-driven tests print and check on (`--date`).
pub const DATE: &str = "2026-11-29";

/// The bundled sample changed by `edit`, written as `<case>.xlsx` in a folder of its own.
pub fn sample_fixture(
    case: &str,
    edit: impl FnOnce(&mut Vec<popdruk_testkit::Sheet>),
) -> std::path::PathBuf {
    let mut team = popdruk_testkit::sample_team();
    edit(&mut team);
    let path = temp_dir(case).join(format!("{case}.xlsx"));
    popdruk_testkit::write_xlsx(&path, &team).expect("xlsx");
    path
}

/// `popdruk check PATH --date DATE` with `extra` arguments: (exit code, stdout, stderr).
pub fn check_at(path: &std::path::Path, extra: &[&str]) -> (i32, String, String) {
    let mut args = vec!["check", path.to_str().expect("utf-8"), "--date", DATE];
    args.extend_from_slice(extra);
    let out = popdruk(&args);
    (
        out.status.code().unwrap_or(-1),
        text_of(&out.stdout),
        text_of(&out.stderr),
    )
}

/// The finding lines `check` prints under the heading `who` (`Kevin De Smet (M007)`),
/// trimmed, without the lines under them that point to a cell.
pub fn finding_lines(stdout: &str, who: &str) -> Vec<String> {
    let mut lines = stdout.lines().skip_while(|l| *l != format!("  {who}"));
    lines.next();
    lines
        .take_while(|l| l.starts_with("    "))
        .map(|l| l.trim().to_string())
        .filter(|l| !l.starts_with('→'))
        .collect()
}

/// `check`'s output without the lines `→ blad …, rij …` that point a finding to its cell:
/// for comparing the findings of workbooks whose rows stand elsewhere (a title row above the
/// headers, a folder of CSV files, the starter's `Datum *` headers).
pub fn without_places(stdout: &str) -> String {
    stdout
        .lines()
        .filter(|l| !l.trim_start().starts_with('→'))
        .map(|l| format!("{l}\n"))
        .collect()
}

/// [`finding_lines`] without the note on an empty WOP start that most sample employees get
/// (its own test counts those).
pub fn findings_without_wop_note(stdout: &str, who: &str) -> Vec<String> {
    finding_lines(stdout, who)
        .into_iter()
        .filter(|l| !(l.starts_with("info") && l.contains("[wop-evaluat")))
        .collect()
}

/// `popdruk build PATH --only KINDS --date DATE` with `extra` arguments into a fresh folder
/// beside `path` named for the kinds and arguments: (exit code, stderr then stdout, folder).
pub fn build_kinds(
    path: &std::path::Path,
    kinds: &str,
    extra: &[&str],
) -> (i32, String, std::path::PathBuf) {
    let out_dir = path.with_file_name(format!("out-{kinds}{}", extra.join("")));
    let mut args = vec![
        "build",
        path.to_str().expect("utf-8"),
        "--date",
        DATE,
        "--output",
        out_dir.to_str().expect("utf-8"),
        "--only",
        kinds,
    ];
    args.extend_from_slice(extra);
    let out = popdruk(&args);
    (
        out.status.code().unwrap_or(-1),
        text_of(&out.stderr) + &text_of(&out.stdout),
        out_dir,
    )
}

/// The text of the PDF file at `path` (see [`text`]).
pub fn pdf_text(path: &std::path::Path) -> String {
    text(&read(&std::fs::read(path).expect("pdf")))
}
