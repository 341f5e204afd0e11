//! PDF writing: [`Laid`] pages to PDF bytes.
//!
//! The only module that imports printpdf and lopdf. printpdf turns page operations into a
//! document with subset, embedded fonts (Identity-H, with a ToUnicode map built from the
//! text each glyph stands for, so copy-paste gives the original text, ligatures included);
//! lopdf then adds what printpdf lacks: nested bookmarks, the document language, page
//! labels and a deterministic file identifier. Writing the bytes to disk is the caller's
//! job (see [`crate::output::write_atomic`]).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use lopdf::{Dictionary, Object, StringFormat};
use printpdf::{
    Codepoint, Color, FontId, Line, LinePoint, Mm, Op, PaintMode, ParsedFont, PdfDocument, PdfFont,
    PdfFontHandle, PdfPage, PdfSaveOptions, Point, Polygon, PolygonRing, Pt, Rect, TextItem,
    TextMatrix, WindingOrder,
};

use crate::layout::{Item, Laid, Seg, Stroke};
use crate::text::lines::Rgb;
use crate::text::{FaceId, Fonts};

/// Fonts parsed by printpdf, once per process.
fn parsed_fonts() -> &'static Vec<ParsedFont> {
    static PARSED: OnceLock<Vec<ParsedFont>> = OnceLock::new();
    PARSED.get_or_init(|| {
        Fonts::embedded()
            .faces()
            .map(|(_, f)| {
                let mut w = Vec::new();
                ParsedFont::from_bytes(f.data, 0, &mut w)
                    .unwrap_or_else(|| panic!("printpdf cannot parse embedded font `{}`", f.name))
            })
            .collect()
    })
}

fn color(c: Rgb) -> Color {
    Color::Rgb(printpdf::Rgb {
        r: c.0 as f32 / 255.0,
        g: c.1 as f32 / 255.0,
        b: c.2 as f32 / 255.0,
        icc_profile: None,
    })
}

/// The graphics and text state already set in a content stream, to skip repeated ops.
#[derive(Default)]
struct State {
    in_text: bool,
    font: Option<(FaceId, f32)>,
    fill: Option<Rgb>,
    stroke: Option<Rgb>,
    width: Option<f32>,
}

impl State {
    fn text(&mut self, ops: &mut Vec<Op>, on: bool) {
        if on != self.in_text {
            ops.push(if on {
                Op::StartTextSection
            } else {
                Op::EndTextSection
            });
            self.in_text = on;
        }
    }
    fn fill(&mut self, ops: &mut Vec<Op>, c: Rgb) {
        if self.fill != Some(c) {
            ops.push(Op::SetFillColor { col: color(c) });
            self.fill = Some(c);
        }
    }
    fn stroke(&mut self, ops: &mut Vec<Op>, s: Stroke) {
        if self.stroke != Some(s.color) {
            ops.push(Op::SetOutlineColor {
                col: color(s.color),
            });
            self.stroke = Some(s.color);
        }
        if self.width != Some(s.width) {
            ops.push(Op::SetOutlineThickness { pt: Pt(s.width) });
            self.width = Some(s.width);
        }
    }
}

/// Writes a laid-out document as PDF bytes. The same input gives the same bytes.
pub fn write(laid: &Laid) -> Vec<u8> {
    let fonts = Fonts::embedded();
    let mut doc = PdfDocument::new(&laid.meta.title);
    doc.metadata.info.author = laid.meta.author.clone();
    doc.metadata.info.subject = laid.meta.subject.clone();
    doc.metadata.info.creator = "popdruk".into();
    doc.metadata.info.producer = "popdruk".into();

    // Register only the faces the document uses, in face order (deterministic ids).
    let mut used = [false; 8];
    for p in &laid.pages {
        for it in &p.items {
            if let Item::Text { run, .. } = it {
                used[run.face.0 as usize] = true;
            }
        }
    }
    let parsed = parsed_fonts();
    let print = fingerprint(laid);
    let mut ids: BTreeMap<FaceId, FontId> = BTreeMap::new();
    for (id, _) in fonts.faces() {
        if used[id.0 as usize] {
            // printpdf names fonts with random ids and takes the subset tag from the id's
            // first six characters: name them ourselves, from the content, so output is
            // deterministic and the tag is six capital letters as the PDF spec asks.
            let tag: String = print
                .iter()
                .skip(id.0 as usize)
                .take(6)
                .map(|b| (b'A' + b % 26) as char)
                .collect();
            let font_id = FontId(format!("{tag}F{}", id.0));
            doc.resources
                .fonts
                .map
                .insert(font_id.clone(), PdfFont::new(parsed[id.0 as usize].clone()));
            ids.insert(id, font_id);
        }
    }

    let mut pages = Vec::with_capacity(laid.pages.len());
    for page in &laid.pages {
        let h = page.height.0;
        let mut ops = Vec::with_capacity(page.items.len() * 3);
        let mut st = State::default();
        for it in &page.items {
            match it {
                Item::Text {
                    x,
                    y,
                    size,
                    color: c,
                    run,
                    vertical,
                } => {
                    st.text(&mut ops, true);
                    if st.font != Some((run.face, *size)) {
                        ops.push(Op::SetFont {
                            font: PdfFontHandle::External(ids[&run.face].clone()),
                            size: Pt(*size),
                        });
                        st.font = Some((run.face, *size));
                    }
                    st.fill(&mut ops, *c);
                    let m = if *vertical {
                        [0.0, 1.0, -1.0, 0.0, *x, h - *y]
                    } else {
                        [1.0, 0.0, 0.0, 1.0, *x, h - *y]
                    };
                    ops.push(Op::SetTextMatrix {
                        matrix: TextMatrix::Raw(m),
                    });
                    ops.push(Op::ShowText {
                        items: vec![TextItem::GlyphIds(glyphs(fonts, run))],
                    });
                }
                Item::Rect {
                    x,
                    y,
                    w,
                    h: rh,
                    fill,
                    stroke,
                } => {
                    st.text(&mut ops, false);
                    let mode = match (fill, stroke) {
                        (Some(_), Some(_)) => PaintMode::FillStroke,
                        (Some(_), None) => PaintMode::Fill,
                        _ => PaintMode::Stroke,
                    };
                    if let Some(f) = fill {
                        st.fill(&mut ops, *f);
                    }
                    if let Some(s) = stroke {
                        st.stroke(&mut ops, *s);
                    }
                    ops.push(Op::DrawRectangle {
                        rectangle: Rect {
                            x: Pt(*x),
                            y: Pt(h - y - rh),
                            width: Pt(*w),
                            height: Pt(*rh),
                            mode: Some(mode),
                            winding_order: Some(WindingOrder::NonZero),
                        },
                    });
                }
                Item::Line {
                    x1,
                    y1,
                    x2,
                    y2,
                    stroke,
                } => {
                    st.text(&mut ops, false);
                    st.stroke(&mut ops, *stroke);
                    ops.push(Op::DrawLine {
                        line: Line {
                            points: vec![point(*x1, h - y1, false), point(*x2, h - y2, false)],
                            is_closed: false,
                        },
                    });
                }
                Item::Path { segs, fill, stroke } => {
                    st.text(&mut ops, false);
                    let points = path_points(segs, h);
                    let closed = segs.contains(&Seg::Close);
                    if let Some(f) = fill {
                        st.fill(&mut ops, *f);
                        ops.push(Op::DrawPolygon {
                            polygon: Polygon {
                                rings: vec![PolygonRing {
                                    points: points.clone(),
                                }],
                                mode: PaintMode::Fill,
                                winding_order: WindingOrder::NonZero,
                            },
                        });
                    }
                    if let Some(s) = stroke {
                        st.stroke(&mut ops, *s);
                        ops.push(Op::DrawLine {
                            line: Line {
                                points,
                                is_closed: closed,
                            },
                        });
                    }
                }
                Item::Image { .. } => {}
            }
        }
        st.text(&mut ops, false);
        pages.push(PdfPage::new(
            Mm::from(Pt(page.width.0)),
            Mm::from(Pt(h)),
            ops,
        ));
    }
    doc.with_pages(pages);

    let opts = PdfSaveOptions {
        optimize: true,
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let mut lo = doc.to_lopdf_document(&opts, &mut warnings);
    finish(&mut lo, laid);
    lo.compress();
    let mut out = Vec::new();
    lo.save_to(&mut out)
        .expect("writing a PDF to memory cannot fail");
    out
}

fn point(x: f32, y: f32, bezier: bool) -> LinePoint {
    LinePoint {
        p: Point { x: Pt(x), y: Pt(y) },
        bezier,
    }
}

fn path_points(segs: &[Seg], h: f32) -> Vec<LinePoint> {
    let mut pts = Vec::new();
    for s in segs {
        match *s {
            Seg::Move(x, y) | Seg::Line(x, y) => pts.push(point(x, h - y, false)),
            Seg::Curve(a, b, c, d, e, f) => {
                pts.push(point(a, h - b, true));
                pts.push(point(c, h - d, true));
                pts.push(point(e, h - f, false));
            }
            Seg::Close => {}
        }
    }
    pts
}

/// Glyph ids with the TJ adjustments that put each glyph at its shaped position, given
/// that the viewer advances by the font's own width (printpdf writes it truncated to
/// thousandths of an em into /W).
fn glyphs(fonts: &Fonts, run: &crate::text::Run) -> Vec<Codepoint> {
    let face = fonts.face(run.face);
    let n = run.glyphs.len();
    let mut out = Vec::with_capacity(n);
    for (i, g) in run.glyphs.iter().enumerate() {
        let w = (face.advance(g.gid) as f32 * 1000.0 / face.upm).trunc();
        let next = if i + 1 < n {
            run.glyphs[i + 1].x
        } else {
            g.x + w / 1000.0
        };
        let offset = g.x * 1000.0 + w - next * 1000.0;
        let text = &run.text[g.text.0 as usize..g.text.1 as usize];
        out.push(Codepoint {
            gid: g.gid,
            offset: if offset.abs() < 0.05 {
                0.0
            } else {
                (offset * 100.0).round() / 100.0
            },
            cid: Some(text.to_string()),
        });
    }
    out
}

fn text_string(s: &str) -> Object {
    // PDF text strings outside ASCII are UTF-16BE with a byte-order mark.
    if s.is_ascii() {
        Object::String(s.as_bytes().to_vec(), StringFormat::Literal)
    } else {
        let mut b = vec![0xFE, 0xFF];
        for u in s.encode_utf16() {
            b.extend_from_slice(&u.to_be_bytes());
        }
        Object::String(b, StringFormat::Hexadecimal)
    }
}

/// Adds what printpdf does not write: /Lang, nested outlines, page labels, a fixed /ID.
fn finish(doc: &mut lopdf::Document, laid: &Laid) {
    let Ok(root) = doc.trailer.get(b"Root").and_then(Object::as_reference) else {
        return;
    };
    let page_ids: Vec<lopdf::ObjectId> = doc.get_pages().into_values().collect();
    let mut outline_root = None;
    if !laid.bookmarks.is_empty() {
        outline_root = Some(outlines(doc, laid, &page_ids));
    }
    if let Ok(cat) = doc.get_object_mut(root).and_then(Object::as_dict_mut) {
        if !laid.meta.lang.is_empty() {
            cat.set("Lang", text_string(&laid.meta.lang));
        }
        cat.remove(b"Outlines");
        cat.remove(b"PageMode");
        if let Some(o) = outline_root {
            cat.set("Outlines", Object::Reference(o));
            cat.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
        }
        cat.set(
            "ViewerPreferences",
            Object::Dictionary(Dictionary::from_iter(vec![(
                "DisplayDocTitle",
                Object::Boolean(true),
            )])),
        );
    }
    // A deterministic identifier: a hash of what the document shows.
    let id = fingerprint(laid);
    doc.trailer.set(
        "ID",
        Object::Array(vec![
            Object::String(id.clone(), StringFormat::Hexadecimal),
            Object::String(id, StringFormat::Hexadecimal),
        ]),
    );
}

/// Builds the outline tree from bookmark levels; returns the outline root object.
fn outlines(
    doc: &mut lopdf::Document,
    laid: &Laid,
    page_ids: &[lopdf::ObjectId],
) -> lopdf::ObjectId {
    let root_id = doc.new_object_id();
    let ids: Vec<lopdf::ObjectId> = laid.bookmarks.iter().map(|_| doc.new_object_id()).collect();
    // Parent of each bookmark: the nearest earlier bookmark with a lower level.
    let mut parent: Vec<Option<usize>> = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    for (i, b) in laid.bookmarks.iter().enumerate() {
        while stack
            .last()
            .is_some_and(|&j| laid.bookmarks[j].level >= b.level)
        {
            stack.pop();
        }
        parent.push(stack.last().copied());
        stack.push(i);
    }
    let children =
        |p: Option<usize>| -> Vec<usize> { (0..ids.len()).filter(|&i| parent[i] == p).collect() };
    let count_desc = |i: Option<usize>| {
        (0..ids.len())
            .filter(|&j| {
                let mut q = parent[j];
                while let Some(k) = q {
                    if Some(k) == i {
                        return true;
                    }
                    q = parent[k];
                }
                i.is_none()
            })
            .count()
    };
    for (i, b) in laid.bookmarks.iter().enumerate() {
        let siblings = children(parent[i]);
        let pos = siblings.iter().position(|&s| s == i).unwrap_or(0);
        let page = page_ids.get(b.page).copied().unwrap_or(page_ids[0]);
        let top = laid.pages.get(b.page).map_or(0.0, |p| p.height.0) - b.y + 4.0;
        let mut d = Dictionary::new();
        d.set("Title", text_string(&b.title));
        d.set(
            "Parent",
            Object::Reference(parent[i].map_or(root_id, |p| ids[p])),
        );
        d.set(
            "Dest",
            Object::Array(vec![
                Object::Reference(page),
                Object::Name(b"XYZ".to_vec()),
                Object::Null,
                Object::Real(top),
                Object::Null,
            ]),
        );
        if pos > 0 {
            d.set("Prev", Object::Reference(ids[siblings[pos - 1]]));
        }
        if pos + 1 < siblings.len() {
            d.set("Next", Object::Reference(ids[siblings[pos + 1]]));
        }
        let kids = children(Some(i));
        if let (Some(f), Some(l)) = (kids.first(), kids.last()) {
            d.set("First", Object::Reference(ids[*f]));
            d.set("Last", Object::Reference(ids[*l]));
            d.set("Count", Object::Integer(count_desc(Some(i)) as i64));
        }
        doc.objects.insert(ids[i], Object::Dictionary(d));
    }
    let top = children(None);
    let mut r = Dictionary::new();
    r.set("Type", Object::Name(b"Outlines".to_vec()));
    if let (Some(f), Some(l)) = (top.first(), top.last()) {
        r.set("First", Object::Reference(ids[*f]));
        r.set("Last", Object::Reference(ids[*l]));
    }
    r.set("Count", Object::Integer(ids.len() as i64));
    doc.objects.insert(root_id, Object::Dictionary(r));
    root_id
}

/// FNV-1a over the metadata and the text and geometry of the pages: 16 bytes.
fn fingerprint(laid: &Laid) -> Vec<u8> {
    let mut h1: u64 = 0xcbf2_9ce4_8422_2325;
    let mut h2: u64 = 0x8422_2325_cbf2_9ce4;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes {
            h1 = (h1 ^ b as u64).wrapping_mul(0x100_0000_01b3);
            h2 = (h2 ^ b as u64).wrapping_mul(0x100_0000_01b3).rotate_left(5);
        }
    };
    eat(laid.meta.title.as_bytes());
    eat(laid.meta.author.as_bytes());
    eat(laid.meta.subject.as_bytes());
    for p in &laid.pages {
        eat(&(p.items.len() as u64).to_le_bytes());
        for it in &p.items {
            if let Item::Text { x, y, run, .. } = it {
                eat(run.text.as_bytes());
                eat(&x.to_le_bytes());
                eat(&y.to_le_bytes());
            }
        }
    }
    let mut v = h1.to_be_bytes().to_vec();
    v.extend_from_slice(&h2.to_be_bytes());
    v
}
