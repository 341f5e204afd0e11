//! PDF writing: [`Laid`] pages to PDF bytes.
//!
//! The only module that imports printpdf, lopdf, libdeflater and flate2. printpdf writes the
//! frame of the document (catalog, page tree, document information). The fonts are embedded by
//! [`font`]: a TrueType subset per face that keeps glyph ids, as Identity-H CID fonts with
//! /W widths and a ToUnicode map built from the text each glyph stands for (so copy-paste
//! gives the original text, ligatures included). printpdf's own subsetter took more time
//! than layout and drawing together, and renumbered the glyphs, which tied every page to
//! its document's subset. The page content streams are written here directly: going
//! through printpdf's `Op`s and lopdf's operation encoding cost more than everything else
//! together (about 500 pages/s). What printpdf lacks is added with lopdf's objects: nested
//! bookmarks, link annotations, the document language and a deterministic file identifier.
//! The file's bytes are written by [`file`], as lopdf would write them, but object by object:
//! the many (pages, content streams, links, bookmarks) never become a lopdf object tree.
//! Writing the bytes to disk is the caller's job (see [`crate::output::write_atomic`]).

use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use lopdf::{Dictionary, Object, StringFormat};
use printpdf::{PdfDocument, PdfSaveOptions};

mod file;
mod font;
mod image;

pub use file::Pieces;
pub use image::{ImageError, Images, MAX_PIXELS, check as check_image};

use crate::layout::{Item, Laid, Seg, Stroke};
use crate::style::Rgb;
use crate::text::{FaceId, Fonts, Run};

/// The glyphs a document uses per face, each with the text it stands for.
type Used = BTreeMap<FaceId, font::Glyphs>;

/// A page drawn: its compressed content stream, and what the rest of the file needs to
/// know of the page (its glyphs, images and links, and a hash of what it shows). It depends
/// only on the page and the run's images, so a bundle reuses the drawings of the documents
/// it joins, and the document laid out no longer needs its items once drawn.
///
/// A page drawn in two goes has two drawings, the second over the first, each a content
/// stream of its own: the dossier draws its pages' bodies as they are laid out, and their
/// headers and footers (which print the page count) when the document is written.
#[derive(Clone, Debug)]
pub struct DrawnPage(Vec<Arc<Drawing>>);

impl DrawnPage {
    fn layers(&self) -> impl Iterator<Item = &Drawing> {
        self.0.iter().map(|d| &**d)
    }

    /// A page drawn in two goes: `over` drawn over `under` (a header and footer over the
    /// body drawn before), whichever there is.
    pub fn stack(under: Option<DrawnPage>, over: Option<DrawnPage>) -> Option<DrawnPage> {
        match (under, over) {
            (Some(mut under), Some(over)) => {
                under.0.extend(over.0);
                Some(under)
            }
            (under, over) => under.or(over),
        }
    }
}

/// Draws pages ahead of the document they belong to (see [`Writer::reusing`]), so that a long
/// document's pages need not all be held laid out.
pub struct Painter {
    images: BTreeMap<String, image::Embedded>,
}

impl Painter {
    /// A painter for pages that may show `images`. An image it cannot read is left out: a
    /// page that shows it is left to the writer, which reports the problem.
    pub fn new(images: &Images) -> Painter {
        // Embedded in a document of its own only to learn each image's name and size, which
        // are the same in the document the pages go into.
        let mut scratch = lopdf::Document::new();
        let images = images
            .iter()
            .filter_map(|(name, bytes)| {
                let e = image::embed(&mut scratch, name, bytes).ok()?;
                Some((name.clone(), e))
            })
            .collect();
        Painter { images }
    }

    /// Draws `page` and empties its items; `None`, leaving the page as it is, when it shows
    /// an image the painter does not have.
    pub fn draw(&self, page: &mut crate::layout::Page) -> Option<DrawnPage> {
        if page_images(page).any(|name| !self.images.contains_key(name)) {
            return None;
        }
        let drawn = with_compressor(|z| draw(z, page, Fonts::embedded(), &self.images));
        page.items = Vec::new();
        Some(drawn)
    }
}

#[derive(Debug)]
struct Drawing {
    stream: Vec<u8>,
    glyphs: PageGlyphs,
    /// The images the page names.
    images: Vec<String>,
    links: Vec<LinkArea>,
    print: [u64; 2],
}

/// Each glyph a page shows once, in order of first use, with the text of its first use that
/// has any. Packed, with the texts in one string: a dossier holds the glyphs of thousands of
/// drawn pages, a hundred or so each.
#[derive(Debug, Default)]
struct PageGlyphs {
    ids: Vec<(FaceId, u16)>,
    /// Where each glyph's text ends in `text`; it starts where the previous one's ends.
    ends: Vec<u32>,
    text: String,
}

impl PageGlyphs {
    fn new(found: &[(FaceId, u16, &str)]) -> PageGlyphs {
        let mut text = String::with_capacity(found.iter().map(|g| g.2.len()).sum());
        let mut ends = Vec::with_capacity(found.len());
        for (_, _, t) in found {
            text.push_str(t);
            ends.push(text.len() as u32);
        }
        PageGlyphs {
            ids: found.iter().map(|(face, gid, _)| (*face, *gid)).collect(),
            ends,
            text,
        }
    }

    fn iter(&self) -> impl Iterator<Item = (FaceId, u16, &str)> {
        let mut start = 0;
        self.ids
            .iter()
            .zip(&self.ends)
            .map(move |(&(face, gid), &end)| {
                let text = &self.text[start..end as usize];
                start = end as usize;
                (face, gid, text)
            })
    }
}

/// A link area of a page: a rectangle (points from the page's top left) and its anchor.
#[derive(Debug)]
struct LinkArea {
    x: f32,
    y: f32,
    w: f32,
    h: f32,
    to: String,
}

/// A written document: the PDF, and its pages drawn for reuse.
pub struct Written {
    pub bytes: Vec<u8>,
    pub pages: Vec<DrawnPage>,
}

/// The writer of laid-out documents: the one way to PDF bytes. The same document, images
/// and date give the same bytes, whichever pages were drawn before.
///
/// By default `<image>` elements are drawn as empty placeholder boxes; [`Writer::images`]
/// supplies them, after which an image that is missing or cannot be read is an error naming
/// it. [`Writer::reusing`] hands over pages drawn before (by a [`Painter`], or by an earlier
/// write of the same pages).
#[derive(Default)]
pub struct Writer<'a> {
    images: Option<&'a Images>,
    reuse: Vec<Option<DrawnPage>>,
}

impl<'a> Writer<'a> {
    /// A writer that draws images as placeholders and every page anew.
    pub fn new() -> Writer<'a> {
        Writer::default()
    }

    /// The images the documents' `<image>` elements name.
    pub fn images(mut self, images: &'a Images) -> Writer<'a> {
        self.images = Some(images);
        self
    }

    /// Uses `reuse[i]` as the drawing of page `i` where given (drawn before from the same
    /// page with the same images, after which the page's items were emptied). Items on a
    /// page with a drawing are drawn over it, as a second content stream (the headers and
    /// footers of a page whose body was drawn ahead).
    pub fn reusing(mut self, reuse: Vec<Option<DrawnPage>>) -> Writer<'a> {
        self.reuse = reuse;
        self
    }

    /// Writes a laid-out document; returns the PDF with its pages drawn, for reuse.
    pub fn write(self, laid: &Laid) -> Result<Written, ImageError> {
        let mut reuse = self.reuse;
        let (lo, embedded) = begin(laid, self.images, &mut reuse)?;
        let mut drawn = draw_pages(laid, &embedded, reuse);
        // Kept drawings are copied in: the file is one piece.
        let bytes = end(lo, laid, &embedded, &mut drawn, true).into_vec();
        Ok(Written {
            bytes,
            pages: drawn,
        })
    }

    /// Writes a laid-out document as [`Writer::write`] does, byte for byte, but keeps
    /// neither it nor its drawings: each page's items are freed once the page is drawn, and
    /// the content streams move into the file instead of being copied. For a long document
    /// (the dossier, a bundle), which would otherwise be in memory two or three times over
    /// while the file is made.
    pub fn write_once(self, mut laid: Laid) -> Result<Pieces, ImageError> {
        let mut reuse = self.reuse;
        let (lo, embedded) = begin(&laid, self.images, &mut reuse)?;
        let mut drawn = draw_pages(&laid, &embedded, reuse);
        for page in &mut laid.pages {
            page.items = Vec::new();
        }
        Ok(end(lo, &laid, &embedded, &mut drawn, false))
    }
}

/// The frame of the file, written by printpdf (catalog, page tree and document
/// information), with the images the pages show embedded: drawing a page needs their sizes.
fn begin(
    laid: &Laid,
    images: Option<&Images>,
    reuse: &mut Vec<Option<DrawnPage>>,
) -> Result<(lopdf::Document, BTreeMap<String, image::Embedded>), ImageError> {
    reuse.resize(laid.pages.len(), None);
    let mut doc = PdfDocument::new(&laid.meta.title);
    doc.metadata.info.author = laid.meta.author.clone();
    doc.metadata.info.subject = laid.meta.subject.clone();
    doc.metadata.info.creator = "popdruk".into();
    doc.metadata.info.producer = "popdruk".into();
    let opts = PdfSaveOptions {
        optimize: true,
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let mut lo = doc.to_lopdf_document(&opts, &mut warnings);
    // The resource dictionaries printpdf made for pages it did not get.
    lo.objects
        .retain(|_, o| !matches!(o, Object::Dictionary(d) if d.is_empty()));
    let mut wanted: Vec<&str> = Vec::new();
    for (page, done) in laid.pages.iter().zip(reuse.iter()) {
        let drawn = done.iter().flat_map(|d| d.layers());
        wanted.extend(drawn.flat_map(|l| &l.images).map(String::as_str));
        wanted.extend(page_images(page));
    }
    let embedded = embed_images(&mut lo, wanted, images)?;
    Ok((lo, embedded))
}

/// The rest of the file, from the drawn pages: fonts, pages, links, outline; its bytes.
/// Unless it is to `keep` them, takes the content streams out of the drawings (those it
/// alone holds) and frees their glyphs.
fn end(
    mut lo: lopdf::Document,
    laid: &Laid,
    embedded: &BTreeMap<String, image::Embedded>,
    drawn: &mut [DrawnPage],
    keep: bool,
) -> Pieces {
    let print = fingerprint(laid, drawn);
    let mut fonts = Dictionary::new();
    for (face, glyphs) in &used_glyphs(drawn) {
        // The subset tag: six capital letters, from the content so output is deterministic.
        let tag: String = print
            .iter()
            .skip(face.0 as usize)
            .take(6)
            .map(|b| (b'A' + b % 26) as char)
            .collect();
        let id = with_compressor(|z| font::embed(&mut lo, *face, glyphs, &tag, z));
        fonts.set(font::resource_name(*face), Object::Reference(id));
    }
    if !keep {
        for layer in drawn.iter_mut().flat_map(|d| &mut d.0) {
            if let Some(layer) = Arc::get_mut(layer) {
                layer.glyphs = PageGlyphs::default();
            }
        }
    }
    let mut resources = Dictionary::new();
    resources.set("Font", Object::Dictionary(fonts));
    if !embedded.is_empty() {
        resources.set(
            "XObject",
            Object::Dictionary(Dictionary::from_iter(
                embedded
                    .values()
                    .map(|e| (e.name.as_str(), Object::Reference(e.id))),
            )),
        );
    }
    let resources = lo.add_object(resources);
    let annots = links(laid, drawn);
    let ids = Ids::new(lo.max_id + 1, drawn, &annots, laid.bookmarks.len());
    lo.max_id = ids.last;
    let pages_id = set_kids(&mut lo, &ids.pages);
    finish(&mut lo, laid, ids.outline.map(|r| (r, 0)), print);
    lo.version = "1.7".to_string();

    let mut f = file::File::new(
        &lo.version,
        &lo.binary_mark,
        size_hint(&lo, laid, drawn, &ids, keep),
    );
    for (id, o) in std::mem::take(&mut lo.objects) {
        f.object(id, &o);
    }
    let mut annot_id = ids.first_annot;
    let pages = laid.pages.iter().zip(drawn).zip(&ids.contents).zip(&annots);
    for ((((page, d), &contents), links), &page_id) in pages.zip(&ids.pages) {
        let mut refs = Vec::with_capacity(d.0.len());
        for (i, l) in d.0.iter_mut().enumerate() {
            let id = (contents + i as u32, 0);
            let filter =
                Dictionary::from_iter(vec![("Filter", Object::Name(b"FlateDecode".to_vec()))]);
            match Arc::get_mut(l) {
                Some(l) if !keep => f.stream_moved(id, filter, std::mem::take(&mut l.stream)),
                _ => f.stream(id, filter, &l.stream),
            }
            refs.push(Object::Reference(id));
        }
        let annots = annot_id..annot_id + links.len() as u32;
        annot_id = annots.end;
        let p = page_dict(page, pages_id, resources, refs, annots);
        f.object(page_id, &Object::Dictionary(p));
    }
    for (annot_id, link) in (ids.first_annot..).zip(annots.iter().flatten()) {
        let mut d = Dictionary::new();
        d.set("Type", Object::Name(b"Annot".to_vec()));
        d.set("Subtype", Object::Name(b"Link".to_vec()));
        d.set(
            "Rect",
            Object::Array(link.rect.into_iter().map(Object::Real).collect()),
        );
        d.set("Border", Object::Array(vec![0.into(), 0.into(), 0.into()]));
        let dest = destination(laid, ids.pages[link.page], link.page, link.y);
        d.set("Dest", dest);
        f.object((annot_id, 0), &Object::Dictionary(d));
    }
    if let Some(root) = ids.outline {
        outlines(&mut f, laid, &ids.pages, root);
    }
    f.finish(std::mem::take(&mut lo.trailer), lo.max_id)
}

/// The ids of the objects written straight into the file, after those in lopdf's tree and
/// in the order lopdf gave them before: each page's content streams and then the page, the
/// link annotations page by page, the outline's root and its bookmarks.
struct Ids {
    /// Per page, the id of its first content stream.
    contents: Vec<u32>,
    pages: Vec<lopdf::ObjectId>,
    first_annot: u32,
    outline: Option<u32>,
    /// The highest id.
    last: u32,
}

impl Ids {
    fn new(first: u32, drawn: &[DrawnPage], annots: &[Vec<Link>], bookmarks: usize) -> Ids {
        let mut next = first;
        let mut contents = Vec::with_capacity(drawn.len());
        let mut pages = Vec::with_capacity(drawn.len());
        for d in drawn {
            contents.push(next);
            next += d.0.len() as u32;
            pages.push((next, 0));
            next += 1;
        }
        let first_annot = next;
        next += annots.iter().map(Vec::len).sum::<usize>() as u32;
        let outline = (bookmarks > 0).then(|| {
            let root = next;
            next += 1 + bookmarks as u32;
            root
        });
        Ids {
            contents,
            pages,
            first_annot,
            outline,
            last: next - 1,
        }
    }
}

/// About how many bytes the file will take besides the content streams moved in (all of
/// them unless the drawings are to be kept): a little more rather than less, so that the
/// buffer never grows by doubling.
fn size_hint(
    lo: &lopdf::Document,
    laid: &Laid,
    drawn: &[DrawnPage],
    ids: &Ids,
    keep: bool,
) -> usize {
    // A drawing held elsewhere too (a bundle's page drawn for its document) is copied.
    let copied = |l: &Arc<Drawing>| keep || Arc::strong_count(l) > 1;
    let streams: usize = (drawn.iter().flat_map(|d| &d.0))
        .map(|l| if copied(l) { l.stream.len() + 64 } else { 64 })
        .sum();
    let objects: usize = (lo.objects.values())
        .map(|o| match o {
            Object::Stream(s) => s.content.len() + 256,
            _ => 256,
        })
        .sum();
    let marks: usize = laid.bookmarks.iter().map(|b| 256 + 4 * b.title.len()).sum();
    let small = (ids.last + 1 - ids.first_annot) as usize + drawn.len();
    streams + objects + marks + 200 * small + 20 * ids.last as usize
}

/// A page's dictionary: its size, its content streams and its link annotations.
fn page_dict(
    page: &crate::layout::Page,
    pages_id: lopdf::ObjectId,
    resources: lopdf::ObjectId,
    mut contents: Vec<Object>,
    annots: std::ops::Range<u32>,
) -> Dictionary {
    let mut p = Dictionary::new();
    p.set("Type", Object::Name(b"Page".to_vec()));
    p.set("Parent", Object::Reference(pages_id));
    p.set(
        "MediaBox",
        Object::Array(vec![
            0.into(),
            0.into(),
            Object::Real(page.width.0),
            Object::Real(page.height.0),
        ]),
    );
    p.set("Resources", Object::Reference(resources));
    p.set(
        "Contents",
        match contents.len() {
            1 => contents.remove(0),
            _ => Object::Array(contents),
        },
    );
    if !annots.is_empty() {
        let refs = annots.map(|i| Object::Reference((i, 0)));
        p.set("Annots", Object::Array(refs.collect()));
    }
    p
}

/// The images a page names, in page order.
fn page_images(page: &crate::layout::Page) -> impl Iterator<Item = &str> {
    page.items.iter().filter_map(|it| match it {
        Item::Image { src, .. } => Some(src.as_str()),
        _ => None,
    })
}

/// Embeds each image `wanted` names once, in name order.
fn embed_images(
    lo: &mut lopdf::Document,
    mut wanted: Vec<&str>,
    images: Option<&Images>,
) -> Result<BTreeMap<String, image::Embedded>, ImageError> {
    wanted.sort_unstable();
    wanted.dedup();
    let mut out = BTreeMap::new();
    let Some(images) = images else { return Ok(out) };
    for name in wanted {
        let bytes = images.get(name).ok_or_else(|| ImageError {
            name: name.to_string(),
            message: format!(
                "not found (images given: {})",
                images
                    .keys()
                    .map(|k| format!("`{k}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        })?;
        out.insert(name.to_string(), image::embed(lo, name, bytes)?);
    }
    Ok(out)
}

/// Draws the pages `reuse` does not give. Pages are independent: long documents (bundles,
/// the dossier) draw and compress them on every core.
fn draw_pages(
    laid: &Laid,
    images: &BTreeMap<String, image::Embedded>,
    reuse: Vec<Option<DrawnPage>>,
) -> Vec<DrawnPage> {
    let fonts = Fonts::embedded();
    let missing = (laid.pages.iter().zip(&reuse))
        .filter(|(page, done)| done.is_none() || !page.items.is_empty())
        .count();
    let draw_one = |(page, done): (&crate::layout::Page, Option<DrawnPage>)| match done {
        Some(d) if page.items.is_empty() => d,
        Some(mut d) => {
            d.0.extend(with_compressor(|z| draw(z, page, fonts, images)).0);
            d
        }
        None => with_compressor(|z| draw(z, page, fonts, images)),
    };
    if missing >= PARALLEL_PAGES {
        laid.pages.par_iter().zip(reuse).map(draw_one).collect()
    } else {
        laid.pages.iter().zip(reuse).map(draw_one).collect()
    }
}

/// The deflate level of content streams and font files, in libdeflate. Its level 1 already
/// builds Huffman tables per stream: a POP form is 1.5 % smaller than with zlib-rs at level 2
/// (29.2 against 29.6 KB on average) and the whole build takes about a tenth less CPU; zlib-rs's own
/// level 1 codes with fixed tables (33.4 KB). See docs/performance.md.
const LEVEL: i32 = 1;

/// A content stream or font file compressor (FlateDecode, zlib format).
type Packer = libdeflater::Compressor;

fn packer() -> Packer {
    let level = libdeflater::CompressionLvl::new(LEVEL).expect("a level libdeflate has");
    Packer::new(level)
}

/// Runs `f` with this thread's compressor (a fresh one allocates its tables every time),
/// or with a new one if the thread's is in use.
fn with_compressor<T>(f: impl FnOnce(&mut Packer) -> T) -> T {
    thread_local! {
        static Z: std::cell::RefCell<Packer> = std::cell::RefCell::new(packer());
    }
    Z.with(|z| match z.try_borrow_mut() {
        Ok(mut z) => f(&mut z),
        Err(_) => f(&mut packer()),
    })
}

fn draw(
    z: &mut Packer,
    page: &crate::layout::Page,
    fonts: &Fonts,
    images: &BTreeMap<String, image::Embedded>,
) -> DrawnPage {
    thread_local! {
        /// Per face and glyph id: 1 + where the glyph is in the page's list, 0 if not yet
        /// seen. Reset after each page.
        static SEEN: std::cell::RefCell<Vec<Vec<u32>>> = Default::default();
    }
    let stream = deflate(z, &content(page, fonts, images));
    let mut glyphs: Vec<(FaceId, u16, &str)> = Vec::new();
    let mut links = Vec::new();
    let mut seen = SEEN.take();
    for it in &page.items {
        match it {
            Item::Text { run, .. } => {
                let f = run.face.0 as usize;
                if seen.len() <= f {
                    seen.resize_with(f + 1, Vec::new);
                }
                let slots = &mut seen[f];
                if slots.is_empty() {
                    // Every code: a missing character's lies past the face's glyphs.
                    slots.resize(0x1_0000, 0);
                }
                let count = fonts.face(run.face).glyph_count();
                for g in &run.glyphs {
                    let text = &run.text[g.text.0 as usize..g.text.1 as usize];
                    let code = font::code(count, g.gid, text);
                    let Some(slot) = slots.get_mut(code as usize) else {
                        continue;
                    };
                    if *slot == 0 {
                        glyphs.push((run.face, code, text));
                        *slot = glyphs.len() as u32;
                    } else {
                        let known = &mut glyphs[*slot as usize - 1].2;
                        if known.is_empty() && !text.is_empty() {
                            *known = text;
                        }
                    }
                }
            }
            Item::Link { x, y, w, h, to } => links.push(LinkArea {
                x: *x,
                y: *y,
                w: *w,
                h: *h,
                to: to.clone(),
            }),
            _ => {}
        }
    }
    for (face, code, _) in &glyphs {
        seen[face.0 as usize][*code as usize] = 0;
    }
    SEEN.set(seen);
    let mut images: Vec<String> = page_images(page).map(str::to_string).collect();
    images.sort_unstable();
    images.dedup();
    DrawnPage(vec![Arc::new(Drawing {
        stream,
        glyphs: PageGlyphs::new(&glyphs),
        images,
        links,
        print: page_print(page),
    })])
}

/// The glyphs of all pages per face, with the text of the first use that has any.
fn used_glyphs(drawn: &[DrawnPage]) -> Used {
    let mut used: Used = BTreeMap::new();
    for d in drawn {
        for (face, gid, text) in d.layers().flat_map(|l| l.glyphs.iter()) {
            let map = used.entry(face).or_default();
            match map.get_mut(&gid) {
                Some(t) if t.is_empty() && !text.is_empty() => *t = text.to_string(),
                Some(_) => {}
                None => {
                    map.insert(gid, text.to_string());
                }
            }
        }
    }
    used
}

/// Gives printpdf's page tree the document's pages; returns the tree's id.
fn set_kids(lo: &mut lopdf::Document, page_ids: &[lopdf::ObjectId]) -> lopdf::ObjectId {
    let pages_id = lo
        .catalog()
        .and_then(|c| c.get(b"Pages"))
        .and_then(Object::as_reference)
        .expect("printpdf writes a page tree");
    if let Ok(p) = lo.get_object_mut(pages_id).and_then(Object::as_dict_mut) {
        p.set("Count", Object::Integer(page_ids.len() as i64));
        p.set(
            "Kids",
            Object::Array(page_ids.iter().map(|id| Object::Reference(*id)).collect()),
        );
    }
    pages_id
}

/// From how many pages a document's content streams are made on every core.
const PARALLEL_PAGES: usize = 16;

/// Compresses a content stream with `z`, as FlateDecode data.
fn deflate(z: &mut Packer, content: &[u8]) -> Vec<u8> {
    let mut packed = vec![0; z.zlib_compress_bound(content.len())];
    let n = z
        .zlib_compress(content, &mut packed)
        .expect("the bound leaves room enough");
    packed.truncate(n);
    // Drawings are kept (by bundles, by the dossier for all its pages): without the slack.
    packed.shrink_to_fit();
    packed
}

/// Appends a number with at most three decimals.
fn num(buf: &mut Vec<u8>, v: f32) {
    let r = (v as f64 * 1000.0).round() as i64;
    if r < 0 {
        buf.push(b'-');
    }
    let r = r.unsigned_abs();
    int(buf, r / 1000);
    let mut frac = r % 1000;
    if frac != 0 {
        buf.push(b'.');
        let mut digits = 3;
        while frac.is_multiple_of(10) {
            frac /= 10;
            digits -= 1;
        }
        let start = buf.len();
        for _ in 0..digits {
            buf.push(b'0' + (frac % 10) as u8);
            frac /= 10;
        }
        buf[start..].reverse();
    }
}

fn int(buf: &mut Vec<u8>, mut v: u64) {
    let start = buf.len();
    loop {
        buf.push(b'0' + (v % 10) as u8);
        v /= 10;
        if v == 0 {
            break;
        }
    }
    buf[start..].reverse();
}

fn nums(buf: &mut Vec<u8>, vs: &[f32], op: &str) {
    for v in vs {
        num(buf, *v);
        buf.push(b' ');
    }
    buf.extend_from_slice(op.as_bytes());
    buf.push(b'\n');
}

fn rgb(buf: &mut Vec<u8>, c: Rgb, op: &str) {
    nums(
        buf,
        &[c.0 as f32 / 255.0, c.1 as f32 / 255.0, c.2 as f32 / 255.0],
        op,
    );
}

/// The graphics and text state already set in a content stream, to skip repeated ops.
#[derive(Default)]
struct State {
    in_text: bool,
    font: Option<(FaceId, f32)>,
    fill: Option<Rgb>,
    stroke: Option<Rgb>,
    width: Option<f32>,
    /// Baseline and x where the text pen stands after the last `TJ`.
    pen: Option<(f32, f32)>,
}

impl State {
    fn text(&mut self, buf: &mut Vec<u8>, on: bool) {
        if on != self.in_text {
            buf.extend_from_slice(if on { b"BT\n" } else { b"ET\n" });
            self.in_text = on;
            self.pen = None;
        }
    }
    fn fill(&mut self, buf: &mut Vec<u8>, c: Rgb) {
        if self.fill != Some(c) {
            rgb(buf, c, "rg");
            self.fill = Some(c);
        }
    }
    fn stroke(&mut self, buf: &mut Vec<u8>, s: Stroke) {
        if self.stroke != Some(s.color) {
            rgb(buf, s.color, "RG");
            self.stroke = Some(s.color);
        }
        if self.width != Some(s.width) {
            nums(buf, &[s.width], "w");
            self.width = Some(s.width);
        }
    }
}

/// The content stream of one page. Layout measures from the top-left corner; PDF from the
/// bottom-left, so every y becomes `height - y`.
fn content(
    page: &crate::layout::Page,
    fonts: &Fonts,
    images: &BTreeMap<String, image::Embedded>,
) -> Vec<u8> {
    let h = page.height.0;
    let mut b = Vec::with_capacity(page.items.len() * 48);
    let mut st = State::default();
    for it in &page.items {
        match it {
            Item::Text {
                x,
                y,
                size,
                color,
                run,
                vertical,
                synthetic,
            } => {
                st.text(&mut b, true);
                if st.font != Some((run.face, *size)) {
                    b.push(b'/');
                    b.extend_from_slice(font::resource_name(run.face).as_bytes());
                    b.push(b' ');
                    nums(&mut b, &[*size], "Tf");
                    st.font = Some((run.face, *size));
                }
                st.fill(&mut b, *color);
                // A run that goes on where the previous one on this baseline ended continues
                // the text object without a new matrix (so extractors see one word, as in
                // `<b>POP</b>-gesprek`); the small gap left is a TJ adjustment.
                // Bold the face lacks: fill and stroke the outlines. Italic: slant them.
                if synthetic.bold {
                    st.stroke(
                        &mut b,
                        Stroke {
                            width: size * 0.03,
                            color: *color,
                        },
                    );
                    b.extend_from_slice(b"2 Tr\n");
                }
                let slant = if synthetic.italic { 0.2 } else { 0.0 };
                let lead = match st.pen {
                    Some((py, px))
                        if !vertical
                            && slant == 0.0
                            && (py - y).abs() < 0.001
                            && (x - px).abs() < size * 2.0 =>
                    {
                        Some(-(x - px) * 1000.0 / size)
                    }
                    _ => {
                        let m = if *vertical {
                            [0.0, 1.0, -1.0, 0.0, *x, h - *y]
                        } else {
                            [1.0, 0.0, slant, 1.0, *x, h - *y]
                        };
                        nums(&mut b, &m, "Tm");
                        None
                    }
                };
                let advance = tj(&mut b, fonts, run, lead);
                if synthetic.bold {
                    b.extend_from_slice(b"0 Tr\n");
                }
                st.pen = (!vertical && slant == 0.0).then_some((*y, x + advance * size));
            }
            Item::Rect {
                x,
                y,
                w,
                h: rh,
                fill,
                stroke,
            } => {
                st.text(&mut b, false);
                if let Some(f) = fill {
                    st.fill(&mut b, *f);
                }
                if let Some(s) = stroke {
                    st.stroke(&mut b, *s);
                }
                nums(&mut b, &[*x, h - y - rh, *w, *rh], "re");
                b.extend_from_slice(match (fill, stroke) {
                    (Some(_), Some(_)) => b"B\n",
                    (Some(_), None) => b"f\n",
                    _ => b"S\n",
                });
            }
            Item::Line {
                x1,
                y1,
                x2,
                y2,
                stroke,
            } => {
                st.text(&mut b, false);
                st.stroke(&mut b, *stroke);
                nums(&mut b, &[*x1, h - y1], "m");
                nums(&mut b, &[*x2, h - y2], "l");
                b.extend_from_slice(b"S\n");
            }
            Item::Path { segs, fill, stroke } => {
                st.text(&mut b, false);
                if let Some(f) = fill {
                    st.fill(&mut b, *f);
                }
                if let Some(s) = stroke {
                    st.stroke(&mut b, *s);
                }
                for s in segs {
                    match *s {
                        Seg::Move(x, y) => nums(&mut b, &[x, h - y], "m"),
                        Seg::Line(x, y) => nums(&mut b, &[x, h - y], "l"),
                        Seg::Curve(x1, y1, x2, y2, x3, y3) => {
                            nums(&mut b, &[x1, h - y1, x2, h - y2, x3, h - y3], "c")
                        }
                        Seg::Close => b.extend_from_slice(b"h\n"),
                    }
                }
                b.extend_from_slice(match (fill, stroke) {
                    (Some(_), Some(_)) => b"B\n",
                    (Some(_), None) => b"f\n",
                    _ => b"S\n",
                });
            }
            Item::Image {
                src,
                x,
                y,
                w,
                h: bh,
            } => {
                st.text(&mut b, false);
                match images.get(src) {
                    Some(e) => {
                        // Fit the image in the box, keeping its proportions, centred.
                        let scale = (w / e.width as f32).min(bh / e.height as f32);
                        let (dw, dh) = (e.width as f32 * scale, e.height as f32 * scale);
                        let (dx, dy) = (x + (w - dw) / 2.0, y + (bh - dh) / 2.0);
                        b.extend_from_slice(b"q\n");
                        nums(&mut b, &[dw, 0.0, 0.0, dh, dx, h - dy - dh], "cm");
                        b.push(b'/');
                        b.extend_from_slice(e.name.as_bytes());
                        b.extend_from_slice(b" Do\nQ\n");
                    }
                    None => {
                        // A placeholder: a crossed box where the image would go.
                        let grey = Stroke {
                            width: 0.5,
                            color: Rgb(0xAA, 0xAA, 0xAA),
                        };
                        st.stroke(&mut b, grey);
                        nums(&mut b, &[*x, h - y - bh, *w, *bh], "re");
                        nums(&mut b, &[*x, h - y - bh], "m");
                        nums(&mut b, &[x + w, h - y], "l");
                        nums(&mut b, &[*x, h - y], "m");
                        nums(&mut b, &[x + w, h - y - bh], "l");
                        b.extend_from_slice(b"S\n");
                    }
                }
            }
            // Not drawn: written as annotations by `links`.
            Item::Link { .. } => {}
            // Not drawn: what the layout says a piece of the page is.
            Item::Mark { .. } => {}
        }
    }
    st.text(&mut b, false);
    b
}

/// A `TJ` that puts each glyph at its shaped position: the viewer advances by the font's
/// own width (written truncated to thousandths of an em into /W by `font::embed`), and the
/// numbers between glyphs correct the difference (kerning). `lead` moves the pen first.
/// Returns how far the pen moved past the run's start, in em.
fn tj(b: &mut Vec<u8>, fonts: &Fonts, run: &Run, lead: Option<f32>) -> f32 {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let face = fonts.face(run.face);
    let n = run.glyphs.len();
    b.push(b'[');
    if let Some(l) = lead.filter(|l| l.abs() >= 0.05) {
        num(b, l);
    }
    b.push(b'<');
    let mut end = 0.0;
    let count = face.glyph_count();
    for (i, g) in run.glyphs.iter().enumerate() {
        // The CID is the glyph id (fonts are embedded with their glyph ids unchanged), but
        // for a missing character.
        let code = font::code(
            count,
            g.gid,
            &run.text[g.text.0 as usize..g.text.1 as usize],
        );
        for shift in [12, 8, 4, 0] {
            b.push(HEX[(code >> shift) as usize & 15]);
        }
        let w = (face.advance(g.gid) as f32 * 1000.0 / face.upm).trunc();
        if i + 1 < n {
            let offset = g.x * 1000.0 + w - run.glyphs[i + 1].x * 1000.0;
            if offset.abs() >= 0.05 {
                b.push(b'>');
                num(b, offset);
                b.push(b'<');
            }
        } else {
            end = g.x + w / 1000.0;
        }
    }
    b.extend_from_slice(b">] TJ\n");
    end
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

/// Adds what printpdf does not write: /Lang, the outline's root (`outline_root`, written
/// by [`outlines`]), a fixed /ID.
fn finish(
    doc: &mut lopdf::Document,
    laid: &Laid,
    outline_root: Option<lopdf::ObjectId>,
    id: Vec<u8>,
) {
    let Ok(root) = doc.trailer.get(b"Root").and_then(Object::as_reference) else {
        return;
    };
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
    // Dates: the document's own date, or none (printpdf writes 1970-01-01).
    if let Ok(info) = doc.trailer.get(b"Info").and_then(Object::as_reference)
        && let Ok(d) = doc.get_object_mut(info).and_then(Object::as_dict_mut)
    {
        d.remove(b"CreationDate");
        d.remove(b"ModDate");
        // printpdf labels every file PDF/X without making it one: no false claims.
        let labels: Vec<Vec<u8>> = d
            .iter()
            .map(|(k, _)| k.clone())
            .filter(|k| k.starts_with(b"GTS_PDF"))
            .collect();
        for k in labels {
            d.remove(&k);
        }
        if let Some(date) = &laid.meta.date {
            let pdf_date = format!("D:{}000000Z", date.replace('-', ""));
            d.set("CreationDate", Object::string_literal(pdf_date.clone()));
            d.set("ModDate", Object::string_literal(pdf_date));
        }
    }
    // A deterministic identifier: a hash of what the document shows.
    doc.trailer.set(
        "ID",
        Object::Array(vec![
            Object::String(id.clone(), StringFormat::Hexadecimal),
            Object::String(id, StringFormat::Hexadecimal),
        ]),
    );
}

/// Writes the outline tree of the bookmarks: its root as object `root_id`, the bookmarks
/// as the objects after it.
///
/// One pass finds each bookmark's parent (the nearest earlier bookmark with a lower level,
/// via a stack) and appends it to its parent's children; descendant counts are summed from
/// the last bookmark back to the first (a child always comes after its parent). Linear in
/// the number of bookmarks: a dossier has ten thousand.
fn outlines(f: &mut file::File, laid: &Laid, page_ids: &[lopdf::ObjectId], root_id: u32) {
    let ids: Vec<lopdf::ObjectId> = (1..=laid.bookmarks.len() as u32)
        .map(|i| (root_id + i, 0))
        .collect();
    let root_id = (root_id, 0);
    let tree = Tree::new(&laid.bookmarks.iter().map(|b| b.level).collect::<Vec<_>>());
    let mut r = Dictionary::new();
    r.set("Type", Object::Name(b"Outlines".to_vec()));
    if let (Some(first), Some(last)) = (tree.top.first(), tree.top.last()) {
        r.set("First", Object::Reference(ids[*first]));
        r.set("Last", Object::Reference(ids[*last]));
    }
    r.set("Count", Object::Integer(ids.len() as i64));
    f.object(root_id, &Object::Dictionary(r));
    for (i, b) in laid.bookmarks.iter().enumerate() {
        let page = page_ids.get(b.page).copied().unwrap_or(page_ids[0]);
        let mut d = Dictionary::new();
        d.set("Title", text_string(&b.title));
        d.set(
            "Parent",
            Object::Reference(tree.parent[i].map_or(root_id, |p| ids[p])),
        );
        d.set("Dest", destination(laid, page, b.page, b.y));
        if let Some(p) = tree.prev[i] {
            d.set("Prev", Object::Reference(ids[p]));
        }
        if let Some(n) = tree.next[i] {
            d.set("Next", Object::Reference(ids[n]));
        }
        if let (Some(f), Some(l)) = (tree.children[i].first(), tree.children[i].last()) {
            d.set("First", Object::Reference(ids[*f]));
            d.set("Last", Object::Reference(ids[*l]));
            d.set("Count", Object::Integer(tree.descendants[i] as i64));
        }
        f.object(ids[i], &Object::Dictionary(d));
    }
}

/// A link annotation: its rectangle (PDF coordinates) and the page and height it goes to.
struct Link {
    rect: [f32; 4],
    page: usize,
    y: f32,
}

/// Each page's link areas as link annotations that go to their anchors. A link to an
/// anchor that was not laid out is left out.
fn links(laid: &Laid, drawn: &[DrawnPage]) -> Vec<Vec<Link>> {
    let mut anchors: HashMap<&str, &crate::layout::Anchor> = HashMap::new();
    for a in &laid.anchors {
        anchors.entry(a.id.as_str()).or_insert(a);
    }
    let mut out = Vec::with_capacity(drawn.len());
    for (page, d) in laid.pages.iter().zip(drawn) {
        let h = page.height.0;
        let mut annots = Vec::new();
        for l in d.layers().flat_map(|l| &l.links) {
            let Some(a) = anchors.get(l.to.as_str()) else {
                continue;
            };
            if a.page >= laid.pages.len() {
                continue;
            }
            annots.push(Link {
                rect: [l.x, h - l.y - l.h, l.x + l.w, h - l.y],
                page: a.page,
                y: a.y,
            });
        }
        out.push(annots);
    }
    out
}

/// An explicit destination: the top of `y` (points from the page top) on page `index`,
/// a little above it so the heading is not cut off, at the viewer's current zoom.
fn destination(laid: &Laid, page: lopdf::ObjectId, index: usize, y: f32) -> Object {
    let top = laid.pages.get(index).map_or(0.0, |p| p.height.0) - y + 4.0;
    Object::Array(vec![
        Object::Reference(page),
        Object::Name(b"XYZ".to_vec()),
        Object::Null,
        Object::Real(top),
        Object::Null,
    ])
}

/// The outline tree of bookmarks given by their levels, as indices into them.
#[derive(Debug, PartialEq)]
struct Tree {
    parent: Vec<Option<usize>>,
    children: Vec<Vec<usize>>,
    /// The bookmarks without a parent, in order.
    top: Vec<usize>,
    prev: Vec<Option<usize>>,
    next: Vec<Option<usize>>,
    /// How many bookmarks lie below each one, at any depth.
    descendants: Vec<usize>,
}

impl Tree {
    fn new(levels: &[u8]) -> Tree {
        let n = levels.len();
        let mut t = Tree {
            parent: Vec::with_capacity(n),
            children: vec![Vec::new(); n],
            top: Vec::new(),
            prev: vec![None; n],
            next: vec![None; n],
            descendants: vec![0; n],
        };
        let mut stack: Vec<usize> = Vec::new();
        for (i, &level) in levels.iter().enumerate() {
            while stack.last().is_some_and(|&j| levels[j] >= level) {
                stack.pop();
            }
            let parent = stack.last().copied();
            let siblings = match parent {
                Some(p) => &mut t.children[p],
                None => &mut t.top,
            };
            if let Some(&before) = siblings.last() {
                t.prev[i] = Some(before);
                t.next[before] = Some(i);
            }
            siblings.push(i);
            t.parent.push(parent);
            stack.push(i);
        }
        for i in (0..n).rev() {
            if let Some(p) = t.parent[i] {
                t.descendants[p] += t.descendants[i] + 1;
            }
        }
        t
    }
}

/// A 128-bit FNV-1a style hash, eight bytes at a time.
struct Hasher(u64, u64);

impl Hasher {
    fn new() -> Hasher {
        Hasher(0xcbf2_9ce4_8422_2325, 0x8422_2325_cbf2_9ce4)
    }

    fn eat(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let v = u64::from_le_bytes(c.try_into().unwrap_or([0; 8]));
            self.0 = (self.0 ^ v).wrapping_mul(0x100_0000_01b3);
            self.1 = (self.1 ^ v).wrapping_mul(0x100_0000_01b3).rotate_left(23);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0 ^ b as u64).wrapping_mul(0x100_0000_01b3);
            self.1 = (self.1 ^ b as u64)
                .wrapping_mul(0x100_0000_01b3)
                .rotate_left(5);
        }
    }
}

/// A hash of the text on a page and its positions.
fn page_print(page: &crate::layout::Page) -> [u64; 2] {
    let mut h = Hasher::new();
    h.eat(&(page.items.len() as u64).to_le_bytes());
    for it in &page.items {
        if let Item::Text { x, y, run, .. } = it {
            h.eat(run.text.as_bytes());
            h.eat(&((x.to_bits() as u64) << 32 | y.to_bits() as u64).to_le_bytes());
        }
    }
    [h.0, h.1]
}

/// A 16-byte hash of the metadata and of what the pages show: the file identifier, and
/// the source of the font subsets' tags.
fn fingerprint(laid: &Laid, drawn: &[DrawnPage]) -> Vec<u8> {
    let mut h = Hasher::new();
    h.eat(laid.meta.title.as_bytes());
    h.eat(laid.meta.author.as_bytes());
    h.eat(laid.meta.subject.as_bytes());
    for d in drawn {
        for l in d.layers() {
            h.eat(&l.print[0].to_le_bytes());
            h.eat(&l.print[1].to_le_bytes());
        }
    }
    let mut v = h.0.to_be_bytes().to_vec();
    v.extend_from_slice(&h.1.to_be_bytes());
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tree as the first writer built it, by scanning all bookmarks for each one
    /// (quadratic): the reference the one-pass build must agree with.
    fn scanned(levels: &[u8]) -> Tree {
        let n = levels.len();
        let mut parent = Vec::new();
        for i in 0..n {
            parent.push((0..i).rev().find(|&j| levels[j] < levels[i]));
        }
        let children_of =
            |p: Option<usize>| -> Vec<usize> { (0..n).filter(|&i| parent[i] == p).collect() };
        let below = |i: usize| {
            (0..n)
                .filter(|&j| {
                    let mut q = parent[j];
                    while let Some(k) = q {
                        if k == i {
                            return true;
                        }
                        q = parent[k];
                    }
                    false
                })
                .count()
        };
        let mut prev = vec![None; n];
        let mut next = vec![None; n];
        for i in 0..n {
            let s = children_of(parent[i]);
            let at = s.iter().position(|&x| x == i).unwrap();
            prev[i] = at.checked_sub(1).map(|a| s[a]);
            next[i] = s.get(at + 1).copied();
        }
        Tree {
            children: (0..n).map(|i| children_of(Some(i))).collect(),
            top: children_of(None),
            descendants: (0..n).map(below).collect(),
            parent,
            prev,
            next,
        }
    }

    /// Levels from a small deterministic generator: jumps down several levels, back up,
    /// repeats, and levels deeper than the four heading elements.
    fn levels(n: usize, seed: u64) -> Vec<u8> {
        let mut x = seed;
        (0..n)
            .map(|_| {
                x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                1 + (x >> 59) as u8 % 7
            })
            .collect()
    }

    #[test]
    fn one_pass_outline_tree_matches_the_scanning_one() {
        for seed in 0..20 {
            let l = levels(300, seed);
            assert_eq!(Tree::new(&l), scanned(&l), "seed {seed}");
        }
        let l = [2, 1, 3, 3, 2, 4, 1, 1, 5, 2];
        assert_eq!(Tree::new(&l), scanned(&l));
    }

    #[test]
    fn outline_tree_of_ten_thousand_nested_bookmarks() {
        // A dossier: per section a level-1 heading over levels 2 to 6, nested deep.
        let l: Vec<u8> = (0..2_000).flat_map(|_| [1, 2, 3, 4, 5, 6]).collect();
        let t = Tree::new(&l);
        assert_eq!(t.top.len(), 2_000);
        assert_eq!(t.descendants[0], 5);
        assert_eq!(t.parent[5], Some(4));
        assert_eq!(t.children[4], vec![5]);
        assert_eq!((t.prev[6], t.next[0]), (Some(0), Some(6)));
        assert_eq!(t.next[l.len() - 6], None);
        // A deep chain: each bookmark the only child of the one before.
        let deep: Vec<u8> = (0..10_000).map(|i| (i % 250) as u8 + 1).collect();
        let t = Tree::new(&deep);
        assert_eq!(t.top.len(), 40);
        assert_eq!(t.descendants[0], 249);
        assert_eq!(t.descendants[249], 0);
    }
}
