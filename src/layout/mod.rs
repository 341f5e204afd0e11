//! Layout: a parsed [`Document`] to [`Laid`] pages of items at fixed positions.
//!
//! Owns measuring blocks, table sizing, page breaking (keep-together, keep-with-next,
//! widows and orphans, repeated table headers, splitting rows taller than a page), running
//! headers and footers, and bookmarks. The result is a plain value with no PDF types:
//! `pdf` turns it into bytes, [`dump`] into text for snapshot tests.

mod blocks;
mod dump;
mod paginate;
mod table;

use std::rc::Rc;

pub use dump::dump;

use crate::markup::{Document, Meta, Pos, Section};
use crate::text::lines::Rgb;
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
        run: Rc<Run>,
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
}

impl Item {
    /// The item moved by (`dx`, `dy`).
    pub fn offset(mut self, dx: f32, dy: f32) -> Item {
        match &mut self {
            Item::Text { x, y, .. } | Item::Rect { x, y, .. } | Item::Image { x, y, .. } => {
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

/// A problem found while laying out, with where it occurs in the markup.
#[derive(Debug, Clone, PartialEq)]
pub struct Warning {
    pub pos: Pos,
    pub message: String,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "line {}, column {}: {}",
            self.pos.line, self.pos.column, self.message
        )
    }
}

/// A laid-out document: pages, bookmarks, metadata and warnings.
#[derive(Debug, Clone, PartialEq)]
pub struct Laid {
    pub meta: Meta,
    pub pages: Vec<Page>,
    pub bookmarks: Vec<Bookmark>,
    pub warnings: Vec<Warning>,
}

/// Layout settings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    /// Line height as a multiple of the font size.
    pub leading: f32,
    /// Whether words may be hyphenated (a document can switch it off with
    /// `<document hyphenate="false">`).
    pub hyphenate: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            leading: 1.3,
            hyphenate: true,
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
}

impl Ctx<'_> {
    fn missing(&mut self, pos: Pos, missing: &[char]) {
        for c in missing {
            let w = Warning {
                pos,
                message: format!(
                    "character `{c}` (U+{:04X}) is in none of the embedded fonts and prints as a box",
                    *c as u32
                ),
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
pub fn layout_with(doc: &Document, opts: &Options, shaper: &mut Shaper) -> Laid {
    let opts = Options {
        hyphenate: opts.hyphenate && doc.meta.hyphenate,
        ..*opts
    };
    let mut parts = Vec::with_capacity(doc.sections.len());
    let mut start = 0;
    for (si, section) in doc.sections.iter().enumerate() {
        start += blank_before(section, start) as usize;
        let part = lay_out_section(shaper, &opts, section, si, start % 2 == 1);
        start += part.pages.len();
        parts.push(part);
    }
    assemble(doc, parts, shaper, &opts)
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
}

impl std::ops::Deref for Part {
    type Target = paginate::Paged;
    fn deref(&self) -> &paginate::Paged {
        &self.paged
    }
}

/// Lays out section `si`, whose first page has an odd index in the document when
/// `odd_start`.
fn lay_out_section(
    shaper: &mut Shaper,
    opts: &Options,
    section: &Section,
    si: usize,
    odd_start: bool,
) -> Part {
    let (pw, ph) = section.setup.size();
    let m = section.setup.margins.map(|m| Pt::from(m).0);
    let mut ctx = Ctx {
        shaper,
        warnings: Vec::new(),
        opts: *opts,
        page_height: ph.0 - m[0] - m[2],
        next_row: 0,
    };
    let chunks = blocks::flow(&mut ctx, &section.blocks, pw.0 - m[1] - m[3]);
    Part {
        paged: paginate::paginate(chunks, section, si, odd_start),
        warnings: ctx.warnings,
    }
}

/// Puts the sections' pages one after the other (with the blank pages that make sections
/// start on odd pages), renumbers what points into them, and adds headers and footers.
fn assemble(doc: &Document, parts: Vec<Part>, shaper: &mut Shaper, opts: &Options) -> Laid {
    let total: usize = parts.iter().map(|p| p.pages.len() + 1).sum();
    let mut pages = Vec::with_capacity(total);
    let mut bookmarks = Vec::new();
    let mut warnings: Vec<Warning> = Vec::new();
    for (si, (section, part)) in doc.sections.iter().zip(parts).enumerate() {
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
        let Part { paged, warnings: w } = part;
        bookmarks.extend(paged.bookmarks.into_iter().map(|mut b| {
            b.page += first;
            b
        }));
        for w in w {
            if !warnings.contains(&w) {
                warnings.push(w);
            }
        }
        pages.extend(paged.pages);
    }
    let mut ctx = Ctx {
        shaper,
        warnings,
        opts: *opts,
        page_height: 0.0,
        next_row: 0,
    };
    blocks::running(&mut ctx, doc, &mut pages);
    Laid {
        meta: doc.meta.clone(),
        pages,
        bookmarks,
        warnings: ctx.warnings,
    }
}
