//! Embedding the fonts: a TrueType subset per face, its widths and its ToUnicode map.
//!
//! The subset keeps every glyph at its original id (the glyphs a document does not use are
//! left empty), so the CID of a glyph in a content stream is its id in the embedded font
//! file (`/CIDToGIDMap /Identity`). A page's content stream is therefore the same whatever
//! else the document shows, and a bundle can reuse the streams of the documents it joins.
//! Making a subset is copying the used glyphs' outlines and a few small tables: a small
//! fraction of what printpdf's subsetter (which renumbers glyphs and rebuilds every table)
//! took, and the reason this module exists.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, OnceLock, RwLock};

use lopdf::{Dictionary, Object, Stream};

use crate::text::{FaceId, Fonts};

/// A face's TrueType tables and what the subsetter needs to know of them, read once.
struct Source {
    face: &'static crate::text::fonts::Face,
    glyf: &'static [u8],
    /// Where each glyph's outline lies in `glyf`, from `loca` (`num_glyphs + 1` offsets).
    loca: Vec<u32>,
    /// (advance, left side bearing) per glyph, from `hmtx`.
    metrics: Vec<(u16, i16)>,
    /// The PostScript name, for `/BaseFont`.
    ps_name: String,
    /// The font descriptor's values, in thousandths of an em.
    descriptor: Descriptor,
}

struct Descriptor {
    bbox: [i64; 4],
    ascent: i64,
    descent: i64,
    cap_height: i64,
    italic_angle: f32,
    stem_v: i64,
    flags: i64,
}

/// The tables a subset carries: what a PDF viewer needs to draw a CID TrueType font
/// (PDF 1.7, 9.9), plus `name` for the copyright and licence notice and a `post` without
/// glyph names. `cmap` is left out: with Identity CIDs no viewer looks characters up.
const KEPT: [&[u8; 4]; 11] = [
    b"cvt ", b"fpgm", b"glyf", b"head", b"hhea", b"hmtx", b"loca", b"maxp", b"name", b"post",
    b"prep",
];

fn be16(d: &[u8], at: usize) -> u16 {
    d.get(at..at + 2)
        .map_or(0, |b| u16::from_be_bytes([b[0], b[1]]))
}

fn be32(d: &[u8], at: usize) -> u32 {
    d.get(at..at + 4)
        .map_or(0, |b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
}

impl Source {
    fn read(face: &'static crate::text::fonts::Face) -> Source {
        let rb = &face.rb;
        let table = |tag: &[u8; 4]| table_of(face, tag);
        let long_loca = be16(table(b"head"), 50) == 1;
        let glyphs = face.glyph_count();
        let loca_t = table(b"loca");
        let loca: Vec<u32> = (0..=glyphs)
            .map(|i| {
                if long_loca {
                    be32(loca_t, 4 * i)
                } else {
                    be16(loca_t, 2 * i) as u32 * 2
                }
            })
            .collect();
        let metrics = (0..glyphs as u16)
            .map(|g| {
                let id = rustybuzz::ttf_parser::GlyphId(g);
                (face.advance(g), rb.glyph_hor_side_bearing(id).unwrap_or(0))
            })
            .collect();

        let rb = &face.rb;
        let k = 1000.0 / face.upm;
        let scaled = |v: f32| (v * k).round() as i64;
        let bbox = rb.global_bounding_box();
        let weight = rb.weight().to_number() as f32;
        let italic_angle = rb.italic_angle();
        let ascent = scaled(rb.ascender() as f32);
        let descriptor = Descriptor {
            bbox: [
                scaled(bbox.x_min as f32),
                scaled(bbox.y_min as f32),
                scaled(bbox.x_max as f32),
                scaled(bbox.y_max as f32),
            ],
            ascent,
            descent: scaled(rb.descender() as f32),
            cap_height: rb.capital_height().map_or(ascent, |c| scaled(c as f32)),
            italic_angle,
            // The usual estimate of the dominant stem width from the weight class.
            stem_v: (50.0 + (weight / 65.0).powi(2)).round() as i64,
            // Nonsymbolic (the Latin character set), and italic when slanted.
            flags: 32 | if italic_angle != 0.0 { 64 } else { 0 },
        };
        let ps_name = rb
            .names()
            .into_iter()
            .find(|n| n.name_id == rustybuzz::ttf_parser::name_id::POST_SCRIPT_NAME)
            .and_then(|n| n.to_string())
            .unwrap_or_else(|| face.name.to_string())
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect();
        Source {
            face,
            glyf: table(b"glyf"),
            loca,
            metrics,
            ps_name,
            descriptor,
        }
    }

    fn table(&self, tag: &[u8; 4]) -> &'static [u8] {
        table_of(self.face, tag)
    }

    /// The outline of glyph `gid`, empty for a glyph without one.
    fn outline(&self, gid: u16) -> &[u8] {
        let g = gid as usize;
        let glyf = self.glyf;
        match (self.loca.get(g), self.loca.get(g + 1)) {
            (Some(&a), Some(&b)) if a < b && (b as usize) <= glyf.len() => {
                &glyf[a as usize..b as usize]
            }
            _ => &[],
        }
    }

    /// The glyphs a composite glyph is built from.
    fn components(&self, gid: u16) -> Vec<u16> {
        let d = self.outline(gid);
        let mut out = Vec::new();
        if d.len() < 10 || (be16(d, 0) as i16) >= 0 {
            return out;
        }
        let mut at = 10;
        loop {
            let flags = be16(d, at);
            out.push(be16(d, at + 2));
            at += 4 + if flags & 0x0001 != 0 { 4 } else { 2 };
            at += match () {
                _ if flags & 0x0008 != 0 => 2,
                _ if flags & 0x0040 != 0 => 4,
                _ if flags & 0x0080 != 0 => 8,
                _ => 0,
            };
            if flags & 0x0020 == 0 || at >= d.len() {
                break;
            }
        }
        out
    }

    /// A TrueType font with the outlines of `used` (and of the glyphs they are built from)
    /// at their original ids, every other glyph empty.
    fn subset(&self, used: impl Iterator<Item = u16>) -> Vec<u8> {
        let count = self.metrics.len();
        let mut keep = vec![false; count];
        let mut todo: Vec<u16> = std::iter::once(0).chain(used).collect();
        while let Some(g) = todo.pop() {
            match keep.get_mut(g as usize) {
                Some(k) if !*k => {
                    *k = true;
                    todo.extend(self.components(g));
                }
                _ => {}
            }
        }
        let n = keep.iter().rposition(|k| *k).map_or(1, |i| i + 1);

        let mut glyf = Vec::new();
        let mut loca = Vec::with_capacity(4 * (n + 1));
        let mut hmtx = Vec::with_capacity(4 * n);
        for (g, &k) in keep.iter().enumerate().take(n) {
            loca.extend_from_slice(&(glyf.len() as u32).to_be_bytes());
            let (advance, lsb) = if k { self.metrics[g] } else { (0, 0) };
            hmtx.extend_from_slice(&advance.to_be_bytes());
            hmtx.extend_from_slice(&lsb.to_be_bytes());
            if k {
                glyf.extend_from_slice(self.outline(g as u16));
                glyf.resize(glyf.len().next_multiple_of(4), 0);
            }
        }
        loca.extend_from_slice(&(glyf.len() as u32).to_be_bytes());

        let mut head = self.table(b"head").to_vec();
        if head.len() >= 54 {
            head[8..12].fill(0); // checkSumAdjustment, set below
            head[50..52].copy_from_slice(&1u16.to_be_bytes()); // long offsets in loca
        }
        let mut hhea = self.table(b"hhea").to_vec();
        if hhea.len() >= 36 {
            hhea[34..36].copy_from_slice(&(n as u16).to_be_bytes());
        }
        let mut maxp = self.table(b"maxp").to_vec();
        if maxp.len() >= 6 {
            maxp[4..6].copy_from_slice(&(n as u16).to_be_bytes());
        }
        // `post` version 3: the header only, no glyph names.
        let mut post = self.table(b"post").get(..32).unwrap_or_default().to_vec();
        if post.len() == 32 {
            post[0..4].copy_from_slice(&0x0003_0000u32.to_be_bytes());
        }

        let mut tables: Vec<(&[u8; 4], &[u8])> = Vec::with_capacity(KEPT.len());
        for tag in KEPT {
            let t: &[u8] = match tag {
                b"glyf" => &glyf,
                b"loca" => &loca,
                b"hmtx" => &hmtx,
                b"head" => &head,
                b"hhea" => &hhea,
                b"maxp" => &maxp,
                b"post" => &post,
                _ => self.table(tag),
            };
            if !t.is_empty() {
                tables.push((tag, t));
            }
        }
        let font = assemble(&tables);
        fix_checksum_adjustment(font, &tables)
    }
}

/// A table of the face's font file, empty when it has none.
fn table_of(face: &'static crate::text::fonts::Face, tag: &[u8; 4]) -> &'static [u8] {
    face.rb
        .raw_face()
        .table(rustybuzz::ttf_parser::Tag::from_bytes(tag))
        .unwrap_or_default()
}

/// The sum of a table's big-endian 32-bit words (the last one padded with zeros).
fn checksum(t: &[u8]) -> u32 {
    t.chunks(4).fold(0u32, |s, c| {
        let mut w = [0u8; 4];
        w[..c.len()].copy_from_slice(c);
        s.wrapping_add(u32::from_be_bytes(w))
    })
}

/// An sfnt file of `tables`, which are in tag order.
fn assemble(tables: &[(&[u8; 4], &[u8])]) -> Vec<u8> {
    let count = tables.len();
    let power = 1usize << (usize::BITS - 1 - count.max(1).leading_zeros());
    let mut out =
        Vec::with_capacity(12 + 16 * count + tables.iter().map(|t| t.1.len() + 3).sum::<usize>());
    out.extend_from_slice(&0x0001_0000u32.to_be_bytes());
    for v in [
        count,
        power * 16,
        power.trailing_zeros() as usize,
        count * 16 - power * 16,
    ] {
        out.extend_from_slice(&(v as u16).to_be_bytes());
    }
    let mut offset = 12 + 16 * count;
    for (tag, t) in tables {
        out.extend_from_slice(*tag);
        out.extend_from_slice(&checksum(t).to_be_bytes());
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        out.extend_from_slice(&(t.len() as u32).to_be_bytes());
        offset += t.len().next_multiple_of(4);
    }
    for (_, t) in tables {
        out.extend_from_slice(t);
        out.resize(out.len().next_multiple_of(4), 0);
    }
    out
}

/// Sets `head.checkSumAdjustment` so that the whole file sums to 0xB1B0AFBA.
fn fix_checksum_adjustment(mut font: Vec<u8>, tables: &[(&[u8; 4], &[u8])]) -> Vec<u8> {
    let mut offset = 12 + 16 * tables.len();
    for (tag, t) in tables {
        if *tag == b"head" && t.len() >= 12 {
            let adjust = 0xB1B0_AFBAu32.wrapping_sub(checksum(&font));
            font[offset + 8..offset + 12].copy_from_slice(&adjust.to_be_bytes());
            break;
        }
        offset += t.len().next_multiple_of(4);
    }
    font
}

fn sources() -> &'static Vec<Source> {
    static SOURCES: OnceLock<Vec<Source>> = OnceLock::new();
    SOURCES.get_or_init(|| {
        Fonts::embedded()
            .faces()
            .map(|(_, f)| Source::read(f))
            .collect()
    })
}

/// The glyphs of one face a document shows, each with the text it stands for.
pub(crate) type Glyphs = BTreeMap<u16, String>;

/// The name a face has in every page's resources, and so in every content stream.
pub(crate) fn resource_name(face: FaceId) -> String {
    format!("F{}", face.0)
}

/// The code (CID) a glyph is shown with: its glyph id, but for a character no embedded
/// face has (glyph 0, `.notdef`) a code of its own past the face's glyphs, so that the
/// ToUnicode map gives each such character back instead of one for all of them. The code
/// is chosen by the character alone, so that every page of every document agrees (pages
/// are drawn apart and reused in bundles); the font's CIDToGIDMap shows it as glyph 0.
/// Two missing characters whose code points differ by a multiple of the room left (about
/// 60,000) would share a code.
pub(crate) fn code(glyph_count: usize, gid: u16, text: &str) -> u16 {
    match (gid, text.chars().next()) {
        (0, Some(c)) => {
            let past = glyph_count.min(0xFFFF) as u32;
            (past + u32::from(c) % (0x1_0000 - past)) as u16
        }
        _ => gid,
    }
}

/// `/CIDToGIDMap`: `Identity`, or where `glyphs` holds codes past the face's glyphs (see
/// [`code`]) a stream that shows those as glyph 0 and every other code as its glyph.
fn cid_to_gid(
    doc: &mut lopdf::Document,
    glyph_count: usize,
    glyphs: &Glyphs,
    z: &mut super::Packer,
) -> Object {
    let Some(&last) = glyphs
        .keys()
        .next_back()
        .filter(|c| usize::from(**c) >= glyph_count)
    else {
        return Object::Name(b"Identity".to_vec());
    };
    let map: Vec<u8> = (0..=last)
        .flat_map(|c| {
            let gid = if usize::from(c) < glyph_count { c } else { 0 };
            gid.to_be_bytes()
        })
        .collect();
    let mut d = Dictionary::new();
    d.set("Filter", Object::Name(b"FlateDecode".to_vec()));
    let id = doc.add_object(Stream::new(d, super::deflate(z, &map)).with_compression(false));
    Object::Reference(id)
}

/// Adds face `face` as a Type 0 font showing `glyphs`; returns its font dictionary.
/// `tag` is the six capital letters that mark the subset in its name.
pub(crate) fn embed(
    doc: &mut lopdf::Document,
    face: FaceId,
    glyphs: &Glyphs,
    tag: &str,
    z: &mut super::Packer,
) -> lopdf::ObjectId {
    let src = &sources()[face.0 as usize];
    let upm = Fonts::embedded().face(face).upm;
    let base = format!("{tag}+{}", src.ps_name);

    let file = compressed_subset(face, src, glyphs, z);
    let mut fd = Dictionary::new();
    fd.set("Filter", Object::Name(b"FlateDecode".to_vec()));
    let file_id = doc.add_object(Stream::new(fd, file.to_vec()).with_compression(false));

    let d = &src.descriptor;
    let descriptor = Dictionary::from_iter(vec![
        ("Type", Object::Name(b"FontDescriptor".to_vec())),
        ("FontName", Object::Name(base.clone().into_bytes())),
        ("Flags", Object::Integer(d.flags)),
        (
            "FontBBox",
            Object::Array(d.bbox.iter().map(|v| Object::Integer(*v)).collect()),
        ),
        ("ItalicAngle", Object::Real(d.italic_angle)),
        ("Ascent", Object::Integer(d.ascent)),
        ("Descent", Object::Integer(d.descent)),
        ("CapHeight", Object::Integer(d.cap_height)),
        ("StemV", Object::Integer(d.stem_v)),
        ("FontFile2", Object::Reference(file_id)),
    ]);
    let descriptor_id = doc.add_object(descriptor);

    let cid_font = Dictionary::from_iter(vec![
        ("Type", Object::Name(b"Font".to_vec())),
        ("Subtype", Object::Name(b"CIDFontType2".to_vec())),
        ("BaseFont", Object::Name(base.clone().into_bytes())),
        (
            "CIDSystemInfo",
            Object::Dictionary(Dictionary::from_iter(vec![
                ("Registry", Object::string_literal("Adobe")),
                ("Ordering", Object::string_literal("Identity")),
                ("Supplement", Object::Integer(0)),
            ])),
        ),
        ("FontDescriptor", Object::Reference(descriptor_id)),
        ("CIDToGIDMap", cid_to_gid(doc, src.metrics.len(), glyphs, z)),
        ("DW", Object::Integer(1000)),
        ("W", widths(src, upm, glyphs)),
    ]);

    let cmap = super::deflate(z, &to_unicode(glyphs));
    let mut cd = Dictionary::new();
    cd.set("Filter", Object::Name(b"FlateDecode".to_vec()));
    let cmap_id = doc.add_object(Stream::new(cd, cmap).with_compression(false));

    doc.add_object(Dictionary::from_iter(vec![
        ("Type", Object::Name(b"Font".to_vec())),
        ("Subtype", Object::Name(b"Type0".to_vec())),
        ("BaseFont", Object::Name(base.into_bytes())),
        ("Encoding", Object::Name(b"Identity-H".to_vec())),
        (
            "DescendantFonts",
            Object::Array(vec![Object::Dictionary(cid_font)]),
        ),
        ("ToUnicode", Object::Reference(cmap_id)),
    ]))
}

/// The compressed subset of `face` for `glyphs`. Documents of one kind mostly show the
/// same glyphs (a template's labels in bold, the letters of Dutch text), so the subsets
/// made for the last few hundred glyph sets are kept for the whole run.
fn compressed_subset(
    face: FaceId,
    src: &Source,
    glyphs: &Glyphs,
    z: &mut super::Packer,
) -> Arc<Vec<u8>> {
    type Key = (FaceId, Vec<u16>);
    static MADE: OnceLock<RwLock<HashMap<Key, Arc<Vec<u8>>>>> = OnceLock::new();
    /// Subsets kept: about 10 KB each.
    const KEPT_SETS: usize = 512;
    let made = MADE.get_or_init(Default::default);
    // Codes past the face's glyphs are glyph 0, which every subset has.
    let count = src.metrics.len();
    let key = (
        face,
        glyphs
            .keys()
            .copied()
            .filter(|c| usize::from(*c) < count)
            .collect::<Vec<u16>>(),
    );
    if let Some(file) = made.read().ok().and_then(|m| m.get(&key).cloned()) {
        return file;
    }
    let file = Arc::new(super::deflate(z, &src.subset(key.1.iter().copied())));
    if let Ok(mut m) = made.write() {
        if m.len() >= KEPT_SETS {
            m.clear();
        }
        m.insert(key, file.clone());
    }
    file
}

/// `/W`: each run of consecutive glyph ids with its widths, in thousandths of an em
/// truncated, as the content streams' `TJ` adjustments assume (see `pdf::tj`).
fn widths(src: &Source, upm: f32, glyphs: &Glyphs) -> Object {
    let mut out = Vec::new();
    let mut run: Vec<Object> = Vec::new();
    let mut start = 0u16;
    let mut next = None;
    for &gid in glyphs.keys() {
        if next != Some(gid) {
            if !run.is_empty() {
                out.push(Object::Integer(start as i64));
                out.push(Object::Array(std::mem::take(&mut run)));
            }
            start = gid;
        }
        // A code past the glyphs is glyph 0 (see `code`).
        let advance = src
            .metrics
            .get(gid as usize)
            .or(src.metrics.first())
            .map_or(0, |m| m.0);
        run.push(Object::Integer(
            (advance as f32 * 1000.0 / upm).trunc() as i64
        ));
        next = gid.checked_add(1);
    }
    if !run.is_empty() {
        out.push(Object::Integer(start as i64));
        out.push(Object::Array(run));
    }
    Object::Array(out)
}

/// The ToUnicode CMap: the text each glyph stands for, so that copying and searching give
/// back the original words (a ligature gives its letters).
fn to_unicode(glyphs: &Glyphs) -> Vec<u8> {
    use std::fmt::Write;
    let mut s = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    let mapped: Vec<(&u16, &String)> = glyphs.iter().filter(|(_, t)| !t.is_empty()).collect();
    // At most 100 entries to a block.
    for block in mapped.chunks(100) {
        let _ = writeln!(s, "{} beginbfchar", block.len());
        for (gid, text) in block {
            let _ = write!(s, "<{gid:04X}> <");
            for u in text.encode_utf16() {
                let _ = write!(s, "{u:04X}");
            }
            s.push_str(">\n");
        }
        s.push_str("endbfchar\n");
    }
    s.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    s.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rustybuzz::ttf_parser;

    fn gid(face: FaceId, c: char) -> u16 {
        Fonts::embedded().face(face).rb.glyph_index(c).unwrap().0
    }

    #[test]
    fn a_subset_keeps_the_used_outlines_at_their_ids_and_empties_the_rest() {
        let (a, z) = (gid(FaceId::REGULAR, 'a'), gid(FaceId::REGULAR, 'z'));
        let src = &sources()[0];
        let sub = src.subset([a, z].into_iter());
        let full = ttf_parser::Face::parse(src.face.data, 0).unwrap();
        let face = ttf_parser::Face::parse(&sub, 0).expect("the subset parses");
        assert_eq!(face.number_of_glyphs(), a.max(z) + 1);
        for g in [a, z] {
            let id = ttf_parser::GlyphId(g);
            assert_eq!(face.glyph_bounding_box(id), full.glyph_bounding_box(id));
            assert_eq!(face.glyph_hor_advance(id), full.glyph_hor_advance(id));
        }
        let b = ttf_parser::GlyphId(gid(FaceId::REGULAR, 'b'));
        assert!(b.0 < a.max(z), "b lies between the kept glyphs");
        assert_eq!(face.glyph_bounding_box(b), None);
        // The whole file sums to the magic number, as the specification asks.
        assert_eq!(checksum(&sub), 0xB1B0_AFBA);
        assert!(sub.len() < src.face.data.len() / 4, "{} bytes", sub.len());
    }

    #[test]
    fn a_composite_glyph_brings_its_components() {
        // Find a composite glyph among the accented letters of each face that has one.
        for (id, _) in Fonts::embedded().faces() {
            let src = &sources()[id.0 as usize];
            let Some(g) = "éèëçşŁñöÅ"
                .chars()
                .map(|c| gid(id, c))
                .find(|&g| !src.components(g).is_empty())
            else {
                continue;
            };
            let parts = src.components(g);
            let sub = src.subset(std::iter::once(g));
            let face = ttf_parser::Face::parse(&sub, 0).unwrap();
            assert!(face.glyph_bounding_box(ttf_parser::GlyphId(g)).is_some());
            for p in parts {
                assert!(
                    !Source::outline_in(&sub, p).is_empty() || src.outline(p).is_empty(),
                    "component {p} of {g} kept"
                );
            }
        }
    }

    impl Source {
        /// The outline of `gid` in a subset's bytes.
        fn outline_in(font: &[u8], gid: u16) -> Vec<u8> {
            let face = ttf_parser::Face::parse(font, 0).unwrap();
            let raw = face.raw_face();
            let loca = raw.table(ttf_parser::Tag::from_bytes(b"loca")).unwrap();
            let glyf = raw.table(ttf_parser::Tag::from_bytes(b"glyf")).unwrap();
            let (a, b) = (
                be32(loca, 4 * gid as usize) as usize,
                be32(loca, 4 * gid as usize + 4) as usize,
            );
            glyf[a..b].to_vec()
        }
    }

    #[test]
    fn each_missing_character_has_a_code_of_its_own_shown_as_glyph_0() {
        let n = Fonts::embedded().face(FaceId::REGULAR).glyph_count();
        let a = gid(FaceId::REGULAR, 'A');
        assert_eq!(code(n, a, "A"), a);
        assert_eq!(code(n, 0, ""), 0, "the rest of a cluster");
        let (x, y) = (code(n, 0, "𓀀"), code(n, 0, "𓁐"));
        assert!(
            usize::from(x) >= n && usize::from(y) >= n && x != y,
            "{x} {y}"
        );
        assert_eq!(code(n, 0, "𓀀\u{301}"), x, "by its first character");

        let mut doc = lopdf::Document::new();
        let mut z = crate::pdf::packer();
        let only_glyphs: Glyphs = [(a, "A".to_string())].into();
        assert_eq!(
            cid_to_gid(&mut doc, n, &only_glyphs, &mut z),
            Object::Name(b"Identity".to_vec())
        );
        let glyphs: Glyphs = [(a, "A".into()), (x, "𓀀".into()), (y, "𓁐".into())].into();
        let Object::Reference(id) = cid_to_gid(&mut doc, n, &glyphs, &mut z) else {
            panic!("a stream");
        };
        let map = doc.get_object(id).unwrap().as_stream().unwrap();
        let map = map.decompressed_content().unwrap();
        let at = |c: u16| u16::from_be_bytes([map[2 * c as usize], map[2 * c as usize + 1]]);
        assert_eq!((at(a), at(x), at(y)), (a, 0, 0));
        assert_eq!(map.len(), 2 * (usize::from(x.max(y)) + 1));
        let cmap = String::from_utf8(to_unicode(&glyphs)).unwrap();
        assert!(cmap.contains(&format!("<{x:04X}> <D80CDC00>")), "{cmap}");
    }

    #[test]
    fn to_unicode_maps_ligatures_to_their_letters_and_skips_empty_text() {
        let glyphs: Glyphs = [(5, "fi".to_string()), (7, String::new()), (300, "ş".into())]
            .into_iter()
            .collect();
        let cmap = String::from_utf8(to_unicode(&glyphs)).unwrap();
        assert!(cmap.contains("2 beginbfchar\n<0005> <00660069>\n<012C> <015F>\n"));
        assert!(!cmap.contains("<0007>"));
    }

    #[test]
    fn widths_group_consecutive_glyphs() {
        let src = &sources()[0];
        let upm = Fonts::embedded().face(FaceId::REGULAR).upm;
        let glyphs: Glyphs = [(3, "a".into()), (4, "b".into()), (9, "c".into())]
            .into_iter()
            .collect();
        let Object::Array(w) = widths(src, upm, &glyphs) else {
            panic!()
        };
        assert_eq!(w.len(), 4);
        assert_eq!(w[0], Object::Integer(3));
        assert_eq!(w[2], Object::Integer(9));
        assert!(matches!(&w[1], Object::Array(a) if a.len() == 2));
    }
}
