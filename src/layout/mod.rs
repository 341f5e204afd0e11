//! Layout: a parsed [`Document`] to [`Laid`] pages of items at fixed positions.
//!
//! Owns measuring blocks, table sizing, page breaking (keep-together, keep-with-next,
//! widows and orphans, repeated table headers, splitting rows taller than a page), running
//! headers and footers, bookmarks, anchors and links, and the passes that settle page
//! references, for a document whole or a piece at a time ([`Book`]). The result is a plain
//! value with no PDF types: `pdf` turns it into bytes, [`dump`] into text for snapshot tests.

mod blocks;
mod dump;
pub mod lint;
mod paginate;
mod table;

use std::collections::HashMap;
use std::sync::Arc;

use rayon::prelude::*;

pub use dump::dump;

use crate::markup::{Block, Document, Field, Inline, Meta, Pos, Section};
use crate::style::Rgb;
pub use crate::text::lines::Patterns;
use crate::text::{Run, Shaper};
use crate::units::Pt;

/// A stroke: line width in points and colour.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stroke {
    pub width: f32,
    pub color: Rgb,
}

/// A segment of a vector path, in page coordinates (points from the top-left corner).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Seg {
    Move(f32, f32),
    Line(f32, f32),
    /// A cubic Bézier: two control points and the end point.
    Curve(f32, f32, f32, f32, f32, f32),
    Close,
}

/// A drawn thing on a page; coordinates are points from the page's top-left corner.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A shaped run of glyphs with its left end of the baseline at (`x`, `y`).
    Text {
        x: f32,
        y: f32,
        size: f32,
        color: Rgb,
        run: Arc<Run>,
        /// Turned 90° counter-clockwise (reads upwards).
        vertical: bool,
        /// Bold or italic the face lacks, to be imitated (the fallback face is regular only).
        synthetic: Synthetic,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Option<Rgb>,
        stroke: Option<Stroke>,
    },
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        stroke: Stroke,
    },
    Path {
        segs: Vec<Seg>,
        fill: Option<Rgb>,
        stroke: Option<Stroke>,
    },
    /// An image scaled to fit (keeping its aspect ratio) in the box.
    Image {
        src: String,
        x: f32,
        y: f32,
        w: f32,
        h: f32,
    },
    /// A clickable area (not drawn) that goes to the anchor named `to`.
    Link {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        to: String,
    },
    /// What the area (`x`, `y`, `w`, `h`) holds, for the checks of [`lint`]; not drawn.
    Mark {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        mark: Mark,
    },
}

/// What a piece of a page is, recorded by the layout for [`lint`] (a heading line, a table
/// row, an inserted hyphen): the typesetting rules are about these, not about glyphs.
#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    /// A line of a heading, with the heading's text.
    Heading(String),
    /// A line of a paragraph that leads into what follows (`keep-with-next`).
    Intro,
    /// A line of body text.
    Text,
    /// A ruled writing line.
    Writing,
    /// A table row: the table's number within its section, the row's role, and whether
    /// the table is one of a group that breaks at the same rows (`<table group>`).
    Row {
        table: u32,
        role: RowRole,
        grouped: bool,
    },
    /// A signature block.
    Signatures,
    /// Any other block (a field, an image, a rule).
    Other,
    /// A hyphen the engine put in a word at a line end: the word's part before and after
    /// it, whether it is in a table's header cell, and whether the word was cut between
    /// two characters without a hyphen (too wide for its line) instead.
    Hyphen {
        head: String,
        tail: String,
        header: bool,
        cut: bool,
    },
    /// A line of a running header or footer.
    Running,
}

/// The role of a table row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowRole {
    /// A header row (repeated on every page the table runs onto).
    Header,
    Body,
    /// A summary row at the foot of a table (`<tr summary="true">`).
    Summary,
}

impl Item {
    /// The item moved by (`dx`, `dy`).
    pub fn offset(mut self, dx: f32, dy: f32) -> Item {
        match &mut self {
            Item::Text { x, y, .. }
            | Item::Rect { x, y, .. }
            | Item::Image { x, y, .. }
            | Item::Link { x, y, .. }
            | Item::Mark { x, y, .. } => {
                *x += dx;
                *y += dy;
            }
            Item::Line { x1, y1, x2, y2, .. } => {
                *x1 += dx;
                *x2 += dx;
                *y1 += dy;
                *y2 += dy;
            }
            Item::Path { segs, .. } => {
                for s in segs {
                    match s {
                        Seg::Move(x, y) | Seg::Line(x, y) => {
                            *x += dx;
                            *y += dy;
                        }
                        Seg::Curve(a, b, c, d, e, f) => {
                            *a += dx;
                            *c += dx;
                            *e += dx;
                            *b += dy;
                            *d += dy;
                            *f += dy;
                        }
                        Seg::Close => {}
                    }
                }
            }
        }
        self
    }
}

/// Styles a run asks for that its face does not have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Synthetic {
    pub bold: bool,
    pub italic: bool,
}

/// A finished page with items at fixed positions.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub width: Pt,
    pub height: Pt,
    /// Index of the section this page belongs to.
    pub section: usize,
    /// A blank page inserted so that a section starts on an odd page.
    pub blank: bool,
    pub items: Vec<Item>,
}

/// A bookmark (outline entry) pointing at a heading.
#[derive(Debug, Clone, PartialEq)]
pub struct Bookmark {
    pub title: String,
    /// Heading level, 1 for the top.
    pub level: u8,
    /// Index of the page.
    pub page: usize,
    /// Top of the heading, points from the page top.
    pub y: f32,
}

/// Where an element with an `id` landed: the target of page references and links.
#[derive(Debug, Clone, PartialEq)]
pub struct Anchor {
    pub id: String,
    /// Index of the page.
    pub page: usize,
    /// Top of the element, points from the page top.
    pub y: f32,
}

/// A problem found while laying out, with where it occurs in the markup.
#[derive(Debug, Clone, PartialEq)]
pub struct Warning {
    pub pos: Pos,
    pub kind: WarningKind,
}

/// What a layout warning is about; worded in the reader's language by [`Warning::message`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WarningKind {
    /// A character no embedded font has: it prints as a box.
    MissingGlyph(char),
    /// A page reference to this id kept moving over every layout pass.
    Unsettled(String),
    /// A page reference to an id no element has: it prints `?`.
    UnknownId(String),
}

impl Warning {
    /// The warning in both languages.
    pub fn message(&self) -> crate::i18n::Tr {
        use crate::i18n::Tr;
        match &self.kind {
            WarningKind::MissingGlyph(c) => {
                let code = format!("U+{:04X}", u32::from(*c));
                Tr::new(
                    format!(
                        "teken `{c}` ({code}) staat in geen enkel ingebouwd lettertype en wordt een vakje"
                    ),
                    format!(
                        "character `{c}` ({code}) is in none of the embedded fonts and prints as a box"
                    ),
                )
            }
            WarningKind::Unsettled(to) => Tr::new(
                format!(
                    "het paginanummer van `{to}` bleef na {MAX_PASSES} opmaakrondes verschuiven en kan fout zijn"
                ),
                format!(
                    "the page number of `{to}` still moved after {MAX_PASSES} layout passes and may be off"
                ),
            ),
            WarningKind::UnknownId(to) => Tr::new(
                format!("geen element heeft `id=\"{to}\"`: de paginaverwijzing toont `?`"),
                format!("no element has `id=\"{to}\"`: the page reference prints `?`"),
            ),
        }
    }
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "line {}, column {}: {}",
            self.pos.line,
            self.pos.column,
            self.message().en
        )
    }
}

/// A laid-out document: pages, bookmarks, anchors, metadata and warnings.
#[derive(Debug, Clone, PartialEq)]
pub struct Laid {
    pub meta: Meta,
    pub pages: Vec<Page>,
    pub bookmarks: Vec<Bookmark>,
    /// Where each `id` landed, in document order.
    pub anchors: Vec<Anchor>,
    pub warnings: Vec<Warning>,
    /// How many layout passes it took for the page references to settle: 1 for a document
    /// without any, at most [`MAX_PASSES`].
    pub passes: u32,
}

impl Laid {
    /// The anchor named `id` (the first, should a merged document have it twice).
    pub fn anchor(&self, id: &str) -> Option<&Anchor> {
        self.anchors.iter().find(|a| a.id == id)
    }
}

/// From how many sections a document's sections are laid out on every core.
const PARALLEL_SECTIONS: usize = 8;

/// The most layout passes spent on settling page references. Each pass after the first
/// redoes only the sections that contain references; a number that still moves after the
/// last pass is printed as it was and warned about.
pub const MAX_PASSES: u32 = 4;

/// Layout settings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    /// Line height as a multiple of the font size.
    pub leading: f32,
    /// Whether words may be hyphenated (a document can switch it off with
    /// `<document hyphenate="false">`).
    pub hyphenate: bool,
    /// Whose hyphenation patterns: the document's language (`<document lang>`), set by the
    /// layout from the document.
    pub patterns: Patterns,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            leading: 1.3,
            hyphenate: true,
            patterns: Patterns::Dutch,
        }
    }
}

/// The state shared while laying out one document.
pub(crate) struct Ctx<'s> {
    pub shaper: &'s mut Shaper,
    pub warnings: Vec<Warning>,
    pub opts: Options,
    /// Content height of a page of the current section, for splitting tall rows.
    pub page_height: f32,
    /// Ids for split table rows.
    pub next_row: u32,
    /// Numbers of the tables of the section, for their rows' marks.
    pub next_table: u32,
    /// Whether a table's header row is being laid out (no hyphens there).
    pub in_header: bool,
    /// Per table group of the section, how many body rows go on each page.
    pub groups: HashMap<String, Vec<usize>>,
    /// What page references print.
    pub numbers: Numbers<'s>,
}

/// What page references print while a section is laid out.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Numbers<'a> {
    /// The first pass, before any page is known: a stand-in as wide as the numbers are
    /// likely to be.
    Placeholder(&'a str),
    /// The page index of each anchor, from the previous pass.
    Known(&'a HashMap<String, usize>),
}

impl Numbers<'_> {
    /// The text of a reference to `to`: its page number, or `?` for an anchor that was
    /// not laid out (only possible in a document built without the parser's checks).
    pub fn text(&self, to: &str) -> String {
        match self {
            Numbers::Placeholder(p) => p.to_string(),
            Numbers::Known(pages) => pages.get(to).map_or("?".into(), |p| (p + 1).to_string()),
        }
    }
}

impl Ctx<'_> {
    fn missing(&mut self, pos: Pos, missing: &[char]) {
        for c in missing {
            let w = Warning {
                pos,
                kind: WarningKind::MissingGlyph(*c),
            };
            if !self.warnings.contains(&w) {
                self.warnings.push(w);
            }
        }
    }
}

/// Lays out a document with a fresh shaper.
pub fn layout(doc: &Document, opts: &Options) -> Laid {
    layout_with(doc, opts, &mut Shaper::default())
}

/// Lays out a document, reusing `shaper`'s cache of shaped words (for many documents in
/// one run).
///
/// Every section starts on a new page, so each is laid out on pages of its own; the
/// sections' pages are then put one after the other, with a blank page in front of a
/// section that must start on an odd page and would not.
///
/// Page references are known only once everything is on pages, so layout goes in passes:
/// the first prints a placeholder; each next one lays out again only the sections that
/// hold references (and those whose odd page breaks moved with their start), with the
/// pages the previous pass found, until no referenced anchor moves (see [`MAX_PASSES`]).
/// Without references there is one pass.
pub fn layout_with(doc: &Document, opts: &Options, shaper: &mut Shaper) -> Laid {
    let opts = Options {
        hyphenate: opts.hyphenate && doc.meta.hyphenate,
        patterns: Patterns::for_tag(&doc.meta.lang),
        ..*opts
    };
    let placeholder = placeholder(doc.sections.len());
    let numbers = Numbers::Placeholder(&placeholder);
    let mut parts: Vec<Part> = Vec::with_capacity(doc.sections.len());
    if doc.sections.len() >= PARALLEL_SECTIONS {
        // Sections are independent: a long document (a bundle) lays them out on every core,
        // each thread with a shaper of its own, as if each started on an even page; the few
        // whose layout depends on that are redone where they start (by `settle`).
        parts = doc
            .sections
            .par_iter()
            .enumerate()
            .map_init(Shaper::default, |sh, (si, section)| {
                lay_out_section(sh, &opts, section, si, false, numbers, |page| page)
            })
            .collect();
    } else {
        let mut start = 0;
        for (si, section) in doc.sections.iter().enumerate() {
            start += blank_before(section, start) as usize;
            let part = lay_out_section(
                shaper,
                &opts,
                section,
                si,
                start % 2 == 1,
                numbers,
                |page| page,
            );
            start += part.pages.len();
            parts.push(part);
        }
    }
    settle(
        &doc.sections,
        &doc.meta,
        parts,
        numbers,
        shaper,
        &opts,
        &mut Whole,
    )
}

/// What page references print in the first pass: zeros, as many digits as the number of
/// sections (at least two). A section starts a page, so a document has at least as many
/// pages as sections; `0` is the widest digit.
fn placeholder(sections: usize) -> String {
    "0".repeat(sections.max(10).to_string().len())
}

/// Finishes a document whose every section has been laid out once (the first pass, with
/// `placeholder` numbers): redoes the sections whose odd page breaks depend on a start
/// they did not get, settles the page references in passes (see [`layout_with`]), and puts
/// the pages together with headers and footers. Sections are laid out again, and pages
/// handed over once headed, by `how`.
fn settle(
    sections: &[Section],
    meta: &Meta,
    mut parts: Vec<Part>,
    placeholder: Numbers,
    shaper: &mut Shaper,
    opts: &Options,
    how: &mut dyn Settle,
) -> Laid {
    let refs: Vec<Vec<(&str, Pos)>> = sections.iter().map(|s| body_refs(s)).collect();
    let mut start = 0;
    for (si, section) in sections.iter().enumerate() {
        start += blank_before(section, start) as usize;
        let odd_start = start % 2 == 1;
        if parts[si].parity && parts[si].odd_start != odd_start {
            let again = Again {
                section,
                si,
                odd_start,
                numbers: placeholder,
            };
            parts[si] = how.relay(shaper, opts, again);
        }
        start += parts[si].pages.len();
    }
    let mut passes = 1;
    let mut unsettled = Vec::new();
    if refs.iter().any(|r| !r.is_empty()) {
        let mut known = anchor_pages(sections, &parts);
        loop {
            passes += 1;
            let mut start = 0;
            for (si, section) in sections.iter().enumerate() {
                start += blank_before(section, start) as usize;
                let odd_start = start % 2 == 1;
                let stale = parts[si].parity && parts[si].odd_start != odd_start;
                if !refs[si].is_empty() || stale {
                    let again = Again {
                        section,
                        si,
                        odd_start,
                        numbers: Numbers::Known(&known),
                    };
                    parts[si] = how.relay(shaper, opts, again);
                }
                start += parts[si].pages.len();
            }
            let now = anchor_pages(sections, &parts);
            let moved: Vec<(&str, Pos)> = refs
                .iter()
                .flatten()
                .filter(|(to, _)| known.get(*to) != now.get(*to))
                .copied()
                .collect();
            if moved.is_empty() || passes == MAX_PASSES {
                unsettled = moved;
                break;
            }
            known = now;
        }
    }
    let mut laid = assemble(sections, meta, parts, &refs, shaper, opts, how);
    laid.passes = passes;
    for (to, pos) in unsettled {
        let w = Warning {
            pos,
            kind: WarningKind::Unsettled(to.to_string()),
        };
        if !laid.warnings.contains(&w) {
            laid.warnings.push(w);
        }
    }
    laid
}

/// Sections of a long document laid out on their own, ahead of the whole (see [`Book`]).
pub struct Piece {
    sections: Vec<Section>,
    /// Per section, its pages as if it started on an even page; `None` for a section whose
    /// body holds page references, which wait for the whole document.
    parts: Vec<Option<Part>>,
}

impl Piece {
    /// Lays out `doc`'s sections as sections of a longer document laid out with `opts`
    /// ([`Book::options`]). A section laid out for good keeps only what headers and footers
    /// need of it: its page setup and running lines.
    pub fn new(doc: Document, opts: &Options, shaper: &mut Shaper) -> Piece {
        let mut sections = doc.sections;
        let parts = sections
            .iter_mut()
            .enumerate()
            .map(|(si, section)| {
                if !body_refs(section).is_empty() {
                    return None;
                }
                // No page reference in the body: the numbers are never printed.
                let numbers = Numbers::Placeholder("");
                let part = lay_out_section(shaper, opts, section, si, false, numbers, |page| page);
                if !part.parity {
                    section.blocks = Vec::new();
                }
                Some(part)
            })
            .collect();
        Piece { sections, parts }
    }

    /// The pages laid out for good, in order: nothing before or after them in the document
    /// changes them, so they may be drawn now and their items freed. [`Book::finish`] says
    /// where each lands.
    pub fn pages_mut(&mut self) -> impl Iterator<Item = &mut Page> {
        self.parts
            .iter_mut()
            .flatten()
            .filter(|p| !p.parity)
            .flat_map(|p| p.paged.pages.iter_mut())
    }
}

/// A document laid out a piece at a time, for one too long to hold laid out whole (the
/// dossier: thousands of sections, every glyph of every page positioned). Pieces are laid
/// out on their own, on any thread ([`Piece::new`]), and their pages drawn and emptied as
/// they come; [`Book::push`] takes them in document order. [`Book::finish`] then lays out
/// what waits for the whole (sections with page references; those whose odd page breaks
/// need another start) and does what [`layout_with`] does after its first pass, giving the
/// same pages as laying out all pieces' sections as one document, items of pages laid out
/// ahead left as the caller left them, with headers and footers added.
pub struct Book {
    meta: Meta,
    opts: Options,
    sections: Vec<Section>,
    parts: Vec<Option<Part>>,
    /// Per section laid out ahead: its piece, and the index of its first page among that
    /// piece's [`Piece::pages_mut`].
    ahead: Vec<Origin>,
    pieces: usize,
}

impl Book {
    /// A book with no sections yet, of the document `meta` describes.
    pub fn new(meta: Meta, opts: &Options) -> Book {
        let opts = Options {
            hyphenate: opts.hyphenate && meta.hyphenate,
            patterns: Patterns::for_tag(&meta.lang),
            ..*opts
        };
        Book {
            meta,
            opts,
            sections: Vec::new(),
            parts: Vec::new(),
            ahead: Vec::new(),
            pieces: 0,
        }
    }

    /// The options to lay out its pieces with.
    pub fn options(&self) -> Options {
        self.opts
    }

    /// Adds a piece's sections after those in already.
    pub fn push(&mut self, piece: Piece) {
        let offset = self.sections.len();
        let mut first = 0;
        for (section, mut part) in piece.sections.into_iter().zip(piece.parts) {
            let mut ahead = None;
            if let Some(part) = &mut part {
                for page in &mut part.paged.pages {
                    page.section += offset;
                }
                if !part.parity {
                    ahead = Some((self.pieces, first));
                    first += part.pages.len();
                }
            }
            self.sections.push(section);
            self.parts.push(part);
            self.ahead.push(ahead);
        }
        self.pieces += 1;
    }

    /// The document laid out, and where each page comes from: `(piece, page)`, the page of
    /// that number among the piece's [`Piece::pages_mut`], or `None` for a page laid out
    /// here (with its items).
    pub fn finish(self, shaper: &mut Shaper) -> (Laid, Vec<Origin>) {
        let f = self.finish_drawing(shaper, |_: &mut Page| None::<()>);
        (f.laid, f.origins)
    }

    /// Finishes the book as [`Book::finish`] does, but draws as it goes, with `draw`, a few
    /// pages at a time on every core, what it would otherwise hold laid out: the pages it
    /// lays out itself (the sections with page references: a dossier's contents and
    /// findings, thousands of pages), and the headers and footers of pages whose body was
    /// drawn before. `draw` is given a page and returns its drawing, having emptied its
    /// items, or `None` to leave the page as it is. A section with page references may be
    /// laid out (and drawn) again when a reference moves; only the drawings of its last
    /// layout are kept.
    pub fn finish_drawing<D: Send, F: Fn(&mut Page) -> Option<D> + Sync>(
        self,
        shaper: &mut Shaper,
        draw: F,
    ) -> Finished<D> {
        let Book {
            meta,
            opts,
            sections,
            parts,
            ahead,
            pieces,
        } = self;
        let placeholder = placeholder(sections.len());
        let numbers = Numbers::Placeholder(&placeholder);
        // The first pass of the sections that waited: they hold page references, so the
        // next pass lays them out again, and only where their pages break and their
        // anchors land is kept. One at a time, on this thread, each page let go as soon as
        // it is counted.
        let mut parts = parts;
        for (si, section) in sections.iter().enumerate() {
            if parts[si].is_none() {
                let count = |mut page: Page| {
                    page.items = Vec::new();
                    page
                };
                let part = lay_out_section(shaper, &opts, section, si, false, numbers, count);
                parts[si] = Some(part);
            }
        }
        let parts: Vec<Part> = parts.into_iter().flatten().collect();
        let mut drawing = Drawing {
            draw: &draw,
            late: sections.iter().map(|_| None).collect(),
            running: Batch::new(&draw),
        };
        let mut laid = settle(
            &sections,
            &meta,
            parts,
            numbers,
            shaper,
            &opts,
            &mut drawing,
        );
        let mut running: Vec<Option<D>> = laid.pages.iter().map(|_| None).collect();
        for (i, d) in drawing.running.finish(&mut laid.pages) {
            running[i] = d;
        }
        let mut slots = vec![None; sections.len()];
        let mut late = Vec::new();
        for (si, d) in drawing.late.into_iter().enumerate() {
            if let Some(d) = d {
                slots[si] = Some(pieces + late.len());
                late.push(d);
            }
        }
        let mut seen = vec![0; sections.len()];
        let origins = laid
            .pages
            .iter()
            .map(|p| {
                if p.blank {
                    return None;
                }
                let k = seen[p.section];
                seen[p.section] += 1;
                match slots[p.section] {
                    Some(slot) => late[slot - pieces][k].is_some().then_some((slot, k)),
                    None => ahead[p.section].map(|(piece, first)| (piece, first + k)),
                }
            })
            .collect();
        Finished {
            laid,
            origins,
            late,
            running,
        }
    }
}

/// A book finished while drawing (see [`Book::finish_drawing`]).
pub struct Finished<D> {
    /// The document; a page drawn whole here or ahead has no items left.
    pub laid: Laid,
    /// Where each page's body was drawn: `(piece, page)`, the page of that number among
    /// the piece's [`Piece::pages_mut`] for the `n` pieces pushed, and for `n + k` the
    /// `page`th of `late[k]`; `None` for a page whose body is still in its items.
    pub origins: Vec<Origin>,
    /// The drawings of the sections laid out here, per section, its pages in order (blank
    /// pages left out).
    pub late: Vec<Vec<Option<D>>>,
    /// Per page, the drawing of its header and footer, to go over its body's.
    pub running: Vec<Option<D>>,
}

/// A section to lay out again: which, whether it starts on an odd page, and the page
/// numbers its references print.
#[derive(Clone, Copy)]
struct Again<'s> {
    section: &'s Section,
    si: usize,
    odd_start: bool,
    numbers: Numbers<'s>,
}

impl Again<'_> {
    /// Lays the section out (see [`lay_out_section`]).
    fn lay_out(self, shaper: &mut Shaper, opts: &Options, keep: impl FnMut(Page) -> Page) -> Part {
        let (section, si) = (self.section, self.si);
        lay_out_section(
            shaper,
            opts,
            section,
            si,
            self.odd_start,
            self.numbers,
            keep,
        )
    }
}

/// How [`settle`] lays out a section again, and what becomes of a page once its header
/// and footer are on it. By default, as [`lay_out_section`] does, and pages stay laid out.
trait Settle {
    fn relay(&mut self, shaper: &mut Shaper, opts: &Options, again: Again) -> Part {
        again.lay_out(shaper, opts, |page| page)
    }

    /// Page `i` has had its header and footer added after its `body` items.
    fn headed(&mut self, _i: usize, _page: &mut Page, _body: usize) {}
}

/// Settling that keeps every page laid out.
struct Whole;

impl Settle for Whole {}

/// Settling that draws (see [`Book::finish_drawing`]).
struct Drawing<'d, D, F> {
    draw: &'d F,
    /// Per section laid out again: the drawings of its pages, blank ones left out, by its
    /// last layout.
    late: Vec<Option<Vec<Option<D>>>>,
    /// The headers and footers of pages whose body is drawn.
    running: Batch<'d, D, F>,
}

impl<D: Send, F: Fn(&mut Page) -> Option<D> + Sync> Settle for Drawing<'_, D, F> {
    fn relay(&mut self, shaper: &mut Shaper, opts: &Options, again: Again) -> Part {
        let mut batch = Batch::new(self.draw);
        let mut k = 0;
        let keep = |mut page: Page| {
            if !page.blank {
                batch.take(k, &mut page);
            }
            k += 1;
            page
        };
        let mut part = again.lay_out(shaper, opts, keep);
        let drawn = batch.finish(&mut part.paged.pages);
        self.late[again.si] = Some(drawn.into_iter().map(|(_, d)| d).collect());
        part
    }

    fn headed(&mut self, i: usize, page: &mut Page, body: usize) {
        if body == 0 {
            self.running.take(i, page);
        }
    }
}

/// Pages drawn a few at a time on every core as they come (see [`Book::finish_drawing`]).
struct Batch<'d, D, F> {
    draw: &'d F,
    /// Pages not drawn yet, with their keys.
    waiting: Vec<(usize, Page)>,
    /// The drawings so far, in the order the pages came, with their keys.
    drawn: Vec<(usize, Option<D>)>,
    /// The items of pages `draw` left as they were, to give back.
    undrawn: Vec<(usize, Vec<Item>)>,
}

/// How many pages wait to be drawn together.
const BATCH_PAGES: usize = 32;

impl<'d, D: Send, F: Fn(&mut Page) -> Option<D> + Sync> Batch<'d, D, F> {
    fn new(draw: &'d F) -> Self {
        Batch {
            draw,
            waiting: Vec::new(),
            drawn: Vec::new(),
            undrawn: Vec::new(),
        }
    }

    /// Takes `page`'s items to be drawn, under `key` (where to give them back, should they
    /// not be drawn).
    fn take(&mut self, key: usize, page: &mut Page) {
        let full = Page {
            items: std::mem::take(&mut page.items),
            ..*page
        };
        self.waiting.push((key, full));
        if self.waiting.len() == BATCH_PAGES {
            self.flush();
        }
    }

    fn flush(&mut self) {
        let draw = self.draw;
        let drawn: Vec<Option<D>> = self
            .waiting
            .par_iter_mut()
            .map(|(_, page)| draw(page))
            .collect();
        for ((key, page), d) in self.waiting.drain(..).zip(drawn) {
            if d.is_none() {
                self.undrawn.push((key, page.items));
            }
            self.drawn.push((key, d));
        }
    }

    /// The drawings with their keys, once every page has come, the items of those left
    /// undrawn given back to `pages[key]`.
    fn finish(mut self, pages: &mut [Page]) -> Vec<(usize, Option<D>)> {
        self.flush();
        for (key, items) in self.undrawn {
            pages[key].items = items;
        }
        self.drawn
    }
}

/// Whether a document laid out alone has the same pages as its sections inside a bundle
/// that starts it on an odd page: nothing in it depends on the pages before it (no
/// document-wide page number in a header or footer, no page reference, no link).
pub fn stands_alone(doc: &Document) -> bool {
    fn inline_ok(i: &Inline) -> bool {
        !matches!(
            i,
            Inline::PageRef { .. }
                | Inline::Field(Field::Page { section: false }, _)
                | Inline::Field(Field::Pages { section: false }, _)
        )
    }
    fn blocks_ok(list: &[Block]) -> bool {
        list.iter().all(|b| match b {
            Block::Heading { para, .. } | Block::Para(para) => {
                para.link.is_none() && para.inlines.iter().all(inline_ok)
            }
            Block::Field { value, label, .. } => {
                value.iter().all(inline_ok) && label.iter().all(inline_ok)
            }
            Block::Keep(inner) => blocks_ok(inner),
            Block::List { items, .. } => items.iter().all(|i| blocks_ok(i)),
            Block::Table(t) => t.rows.iter().all(|r| {
                r.link.is_none()
                    && r.cells
                        .iter()
                        .all(|c| c.link.is_none() && blocks_ok(&c.blocks))
            }),
            _ => true,
        })
    }
    doc.sections.iter().all(|s| {
        [&s.header, &s.footer]
            .into_iter()
            .flatten()
            .all(|r| r.inlines.iter().all(inline_ok))
            && blocks_ok(&s.blocks)
    })
}

/// Where a page of a joined document comes from: `(document, page)` in [`join`]'s input,
/// or `None` for a blank page the join put in.
pub type Origin = Option<(usize, usize)>;

/// Puts laid-out documents one after the other, each starting on an odd page (a blank
/// page in front when needed), as [`layout_with`] would lay out their sections joined with
/// the first section of each marked `start="odd"`: for bundles, without laying out every
/// document a second time. Only for documents that [`stands_alone`]; the metadata is the
/// first document's. Also says where each page of the result comes from.
pub fn join(laids: Vec<Laid>) -> (Laid, Vec<Origin>) {
    let total: usize = laids.iter().map(|l| l.pages.len() + 1).sum();
    let mut out = Laid {
        meta: laids.first().map(|l| l.meta.clone()).unwrap_or_default(),
        pages: Vec::with_capacity(total),
        bookmarks: Vec::new(),
        anchors: Vec::new(),
        warnings: Vec::new(),
        passes: 1,
    };
    let mut origins = Vec::with_capacity(total);
    let mut sections = 0;
    for (doc, laid) in laids.into_iter().enumerate() {
        if out.pages.len() % 2 == 1
            && let Some(first) = laid.pages.first()
        {
            // The back of the previous document's last page.
            out.pages.push(Page {
                width: first.width,
                height: first.height,
                section: sections.max(1) - 1,
                blank: true,
                items: Vec::new(),
            });
            origins.push(None);
        }
        let first = out.pages.len();
        origins.extend((0..laid.pages.len()).map(|page| Some((doc, page))));
        let count = laid.pages.iter().map(|p| p.section + 1).max().unwrap_or(0);
        out.pages.extend(laid.pages.into_iter().map(|mut p| {
            p.section += sections;
            p
        }));
        out.bookmarks
            .extend(laid.bookmarks.into_iter().map(|mut b| {
                b.page += first;
                b
            }));
        out.anchors.extend(laid.anchors.into_iter().map(|mut a| {
            a.page += first;
            a
        }));
        for w in laid.warnings {
            if !out.warnings.contains(&w) {
                out.warnings.push(w);
            }
        }
        sections += count;
    }
    (out, origins)
}

/// The page references in a section's body (not its header and footer, which never change
/// where anything lands), with their positions.
fn body_refs(section: &Section) -> Vec<(&str, Pos)> {
    fn inlines<'d>(list: &'d [Inline], out: &mut Vec<(&'d str, Pos)>) {
        for i in list {
            if let Inline::PageRef { to, pos, .. } = i {
                out.push((to, *pos));
            }
        }
    }
    fn blocks<'d>(list: &'d [Block], out: &mut Vec<(&'d str, Pos)>) {
        for b in list {
            match b {
                Block::Heading { para, .. } | Block::Para(para) => inlines(&para.inlines, out),
                Block::Field { value, .. } => inlines(value, out),
                Block::Keep(inner) => blocks(inner, out),
                Block::List { items, .. } => items.iter().for_each(|i| blocks(i, out)),
                Block::Table(t) => t
                    .rows
                    .iter()
                    .flat_map(|r| &r.cells)
                    .for_each(|c| blocks(&c.blocks, out)),
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    blocks(&section.blocks, &mut out);
    out
}

/// The document page index of every anchor, as the sections now lie.
fn anchor_pages(sections: &[Section], parts: &[Part]) -> HashMap<String, usize> {
    let mut pages = HashMap::new();
    let mut start = 0;
    for (section, part) in sections.iter().zip(parts) {
        start += blank_before(section, start) as usize;
        for a in &part.anchors {
            pages.entry(a.id.clone()).or_insert(start + a.page);
        }
        start += part.pages.len();
    }
    pages
}

/// Whether a blank page goes in front of `section` when it would start at page index
/// `start`: it must start on an odd page (an even index).
fn blank_before(section: &Section, start: usize) -> bool {
    section.odd && start % 2 == 1
}

/// One section laid out on its own pages (numbered from 0), with its warnings.
struct Part {
    paged: paginate::Paged,
    warnings: Vec<Warning>,
    /// The `odd_start` it was laid out with.
    odd_start: bool,
}

impl std::ops::Deref for Part {
    type Target = paginate::Paged;
    fn deref(&self) -> &paginate::Paged {
        &self.paged
    }
}

/// Lays out section `si`, whose first page has an odd index in the document when
/// `odd_start`, each page going through `keep` as it is finished (see
/// [`paginate::paginate`]; `|page| page` keeps them all).
fn lay_out_section(
    shaper: &mut Shaper,
    opts: &Options,
    section: &Section,
    si: usize,
    odd_start: bool,
    numbers: Numbers,
    keep: impl FnMut(Page) -> Page,
) -> Part {
    let (pw, ph) = section.setup.size();
    let m = section.setup.margins.map(|m| Pt::from(m).0);
    let mut ctx = Ctx {
        shaper,
        warnings: Vec::new(),
        opts: *opts,
        page_height: ph.0 - m[0] - m[2],
        next_row: 0,
        next_table: 0,
        in_header: false,
        groups: HashMap::new(),
        numbers,
    };
    let mut flow = blocks::Flow::new(&section.blocks, pw.0 - m[1] - m[3]);
    let more = |out: &mut Vec<_>| flow.next(&mut ctx, out);
    let paged = paginate::paginate(more, section, si, odd_start, keep);
    Part {
        paged,
        warnings: ctx.warnings,
        odd_start,
    }
}

/// Puts the sections' pages one after the other (with the blank pages that make sections
/// start on odd pages), renumbers what points into them, and adds headers and footers.
fn assemble(
    sections: &[Section],
    meta: &Meta,
    parts: Vec<Part>,
    refs: &[Vec<(&str, Pos)>],
    shaper: &mut Shaper,
    opts: &Options,
    how: &mut dyn Settle,
) -> Laid {
    let total: usize = parts.iter().map(|p| p.pages.len() + 1).sum();
    let mut pages = Vec::with_capacity(total);
    let mut bookmarks = Vec::new();
    let mut anchors = Vec::new();
    let mut warnings: Vec<Warning> = Vec::new();
    for (si, (section, part)) in sections.iter().zip(parts).enumerate() {
        if blank_before(section, pages.len()) {
            // The blank page is the back of the previous section's last page.
            let (pw, ph) = section.setup.size();
            pages.push(Page {
                width: pw,
                height: ph,
                section: si.saturating_sub(1),
                blank: true,
                items: Vec::new(),
            });
        }
        let first = pages.len();
        let Part {
            paged, warnings: w, ..
        } = part;
        bookmarks.extend(paged.bookmarks.into_iter().map(|mut b| {
            b.page += first;
            b
        }));
        anchors.extend(paged.anchors.into_iter().map(|mut a| {
            a.page += first;
            a
        }));
        for w in w {
            if !warnings.contains(&w) {
                warnings.push(w);
            }
        }
        pages.extend(paged.pages);
    }
    let mut known: HashMap<String, usize> = HashMap::with_capacity(anchors.len());
    for a in &anchors {
        known.entry(a.id.clone()).or_insert(a.page);
    }
    let mut ctx = Ctx {
        shaper,
        warnings,
        opts: *opts,
        page_height: 0.0,
        next_row: 0,
        next_table: 0,
        in_header: false,
        groups: HashMap::new(),
        numbers: Numbers::Known(&known),
    };
    blocks::running(&mut ctx, sections, &mut pages, &mut |i, page, body| {
        how.headed(i, page, body)
    });
    let mut warnings = ctx.warnings;
    for (section, refs) in sections.iter().zip(refs) {
        let running = [&section.header, &section.footer];
        let heads = running.into_iter().flatten().flat_map(|r| &r.inlines);
        let all = refs.iter().copied().chain(heads.filter_map(|i| match i {
            Inline::PageRef { to, pos, .. } => Some((to.as_str(), *pos)),
            _ => None,
        }));
        for (to, pos) in all.filter(|(to, _)| !known.contains_key(*to)) {
            let w = Warning {
                pos,
                kind: WarningKind::UnknownId(to.to_string()),
            };
            if !warnings.contains(&w) {
                warnings.push(w);
            }
        }
    }
    Laid {
        meta: meta.clone(),
        pages,
        bookmarks,
        anchors,
        warnings,
        passes: 1,
    }
}

#[cfg(test)]
mod warning_tests {
    use super::*;

    #[test]
    fn every_warning_is_worded_in_dutch_and_in_english() {
        let pos = Pos { line: 3, column: 7 };
        for kind in [
            WarningKind::MissingGlyph('𓀀'),
            WarningKind::Unsettled("bijlage".into()),
            WarningKind::UnknownId("bijlage".into()),
        ] {
            let w = Warning { pos, kind };
            let m = w.message();
            assert!(
                !m.nl.is_empty() && !m.en.is_empty() && m.nl != m.en,
                "{m:?}"
            );
            assert!(w.to_string().starts_with("line 3, column 7: "), "{w}");
        }
    }
}
