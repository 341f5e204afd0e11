//! The document markup: an XML-like text (see `docs/markup.md`) parsed into a [`Document`]
//! of sections and blocks with resolved styles.
//!
//! Owns the syntax, defaults and error positions; does not measure or place anything (that
//! is `layout`). Only this module reads XML (roxmltree).

mod parse;

pub use parse::{Anchors, MAX_DEPTH, parse, parse_part};

use crate::i18n::Tr;
use crate::style::{Align, Paper, Rgb};
use crate::units::{Mm, Pt};

/// A markup error with the line and column (1-based) where it was found.
#[derive(Debug, Clone, PartialEq)]
pub struct MarkupError {
    pub line: u32,
    pub column: u32,
    /// What is wrong, in Dutch and English.
    pub message: Tr,
    /// The element the error is about (its tag name) and the attribute, where there is
    /// one: what to look for in the template the markup was made from.
    pub element: Option<(String, Option<String>)>,
}

impl MarkupError {
    /// An error at `line` and `column` about no element in particular.
    pub fn at(line: u32, column: u32, message: Tr) -> Self {
        MarkupError {
            line,
            column,
            message,
            element: None,
        }
    }
}

/// In English (the reader's language is chosen where it is printed, with `message`).
impl std::fmt::Display for MarkupError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "line {}, column {}: {}",
            self.line, self.column, self.message.en
        )
    }
}

impl std::error::Error for MarkupError {}

/// A position in the markup source (1-based line and column).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pos {
    pub line: u32,
    pub column: u32,
}

/// A parsed document: metadata and sections.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub meta: Meta,
    pub sections: Vec<Section>,
}

impl Document {
    /// Demotes every heading by `by` levels (`<h1>` becomes level 2 with `by` 1), also
    /// inside `<keep>`, list items and table cells: for a document embedded one level
    /// deeper in a bundle or dossier, so its bookmarks nest under the bundle's own.
    ///
    /// Only the bookmark level changes: a heading's size was fixed when it was parsed, so
    /// the embedded document looks as it does on its own. Levels may go past 4 (bookmarks
    /// nest as deep as needed) and stop at 255.
    pub fn shift_headings(&mut self, by: u8) {
        fn shift(blocks: &mut [Block], by: u8) {
            for b in blocks {
                match b {
                    Block::Heading { level, .. } => *level = level.saturating_add(by),
                    Block::Keep(inner) => shift(inner, by),
                    Block::List { items, .. } => {
                        for item in items {
                            shift(item, by);
                        }
                    }
                    Block::Table(t) => {
                        for cell in t.rows.iter_mut().flat_map(|r| r.cells.iter_mut()) {
                            shift(&mut cell.blocks, by);
                        }
                    }
                    _ => {}
                }
            }
        }
        for s in &mut self.sections {
            shift(&mut s.blocks, by);
        }
    }
}

/// Document metadata written into the PDF.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Meta {
    pub title: String,
    pub author: String,
    pub subject: String,
    /// BCP 47 language tag, e.g. `nl-BE`.
    pub lang: String,
    /// The document date (`YYYY-MM-DD`), written as its creation date; the caller's
    /// "today", never the wall clock, so output stays reproducible.
    pub date: Option<String>,
    /// Whether words that do not fit may be hyphenated; off for plain-language forms, where
    /// a word broken in two is harder to read than a ragged line.
    pub hyphenate: bool,
}

/// Paper, orientation and margins of a section's pages.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageSetup {
    pub paper: Paper,
    pub landscape: bool,
    /// Top, right, bottom, left.
    pub margins: [Mm; 4],
}

impl Default for PageSetup {
    fn default() -> Self {
        PageSetup {
            paper: Paper::A4,
            landscape: false,
            margins: [Mm(20.0), Mm(18.0), Mm(20.0), Mm(18.0)],
        }
    }
}

impl PageSetup {
    /// Page width and height in points.
    pub fn size(&self) -> (Pt, Pt) {
        let (w, h) = self.paper.size_mm();
        let (w, h) = if self.landscape { (h, w) } else { (w, h) };
        (Pt::from(Mm(w)), Pt::from(Mm(h)))
    }
}

/// A running header or footer.
#[derive(Debug, Clone, PartialEq)]
pub struct Running {
    pub inlines: Vec<Inline>,
    pub align: Align,
    pub pos: Pos,
}

/// A run of pages with one page setup, header and footer.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub setup: PageSetup,
    pub header: Option<Running>,
    pub footer: Option<Running>,
    /// Start on an odd (right-hand) page, adding a blank page if needed.
    pub odd: bool,
    pub blocks: Vec<Block>,
}

/// The resolved look of inline text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    pub bold: bool,
    pub italic: bool,
    pub size: Pt,
    pub color: Rgb,
}

impl Default for Style {
    fn default() -> Self {
        Style {
            bold: false,
            italic: false,
            size: Pt(11.0),
            color: Rgb(0, 0, 0),
        }
    }
}

/// A page-number field, counted in the document or in the section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Page { section: bool },
    Pages { section: bool },
}

/// A drawn inline object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Object {
    /// The teammatrix level circle, 0 (empty) to 3 (full).
    Level(u8),
    /// A checkbox, ticked or empty.
    Checkbox(bool),
}

/// Inline content of a paragraph.
#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    Text(String, Style),
    Break,
    Object(Object, Style),
    Field(Field, Style),
    /// The document page number of the element with `id` `to` (`<pageref to="…"/>`).
    PageRef {
        to: String,
        style: Style,
        pos: Pos,
    },
}

/// A paragraph (also used for headings and cell text).
#[derive(Debug, Clone, PartialEq)]
pub struct Para {
    pub inlines: Vec<Inline>,
    pub align: Align,
    pub keep_with_next: bool,
    pub space_before: Pt,
    pub space_after: Pt,
    pub pos: Pos,
    /// The anchor name (`id`) that page references and links point to.
    pub id: Option<String>,
    /// The anchor this paragraph links to (`link`): clicking it goes there.
    pub link: Option<String>,
}

/// The width of a table column.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ColWidth {
    Fixed(Pt),
    Percent(f32),
    Fr(f32),
}

/// Vertical alignment of a cell's content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum VAlign {
    #[default]
    Top,
    Middle,
    Bottom,
}

/// A table cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub blocks: Vec<Block>,
    pub colspan: usize,
    pub shade: Option<Rgb>,
    /// Text turned 90° (reading upwards), for narrow column headers.
    pub vertical: bool,
    /// Diagonal hatching over the background: marks a cell in black-and-white print
    /// (the teammatrix's *niet inzetbaar*).
    pub hatch: bool,
    pub valign: VAlign,
    pub pos: Pos,
    /// The anchor the whole cell links to.
    pub link: Option<String>,
}

/// A table row.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub cells: Vec<Cell>,
    /// Header rows repeat at the top of every page the table continues on.
    pub header: bool,
    /// A summary row at the foot of the table (totals): the summary rows stay together on
    /// one page, with at least two body rows.
    pub summary: bool,
    /// The anchor name (`id`) of the row.
    pub id: Option<String>,
    /// The anchor the whole row links to.
    pub link: Option<String>,
}

/// A table.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub widths: Vec<ColWidth>,
    pub border: Pt,
    pub border_color: Rgb,
    pub padding: Pt,
    pub rows: Vec<Row>,
    /// Tables of one group (the column parts of a wide matrix) break over pages at the
    /// same rows, balanced: page k of each holds the same rows.
    pub group: Option<String>,
    pub pos: Pos,
}

/// A signature block: name, role line, date and a line to sign on.
#[derive(Debug, Clone, PartialEq)]
pub struct Signature {
    pub title: String,
    pub name: String,
    pub date: String,
    /// The word before the date (`Datum`, `Date`).
    pub date_label: String,
    /// The word above the box to sign in (`Handtekening`, `Signature`).
    pub sign_label: String,
    pub style: Style,
    pub pos: Pos,
}

/// A block-level element.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Heading {
        level: u8,
        para: Para,
    },
    Para(Para),
    List {
        ordered: bool,
        start: u32,
        items: Vec<Vec<Block>>,
        style: Style,
    },
    Table(Table),
    /// Blocks that move to the next page together rather than split.
    Keep(Vec<Block>),
    PageBreak {
        odd: bool,
    },
    /// Ruled writing lines: `count` lines, or `None` to fill the rest of the page or cell.
    Lines {
        count: Option<u32>,
        spacing: Pt,
        /// With a count: at least that many, then as many more as the page has room for
        /// (the writing space of a form's last section).
        fill: bool,
    },
    /// A labelled field: the value, or a line to write on when the value is empty.
    Field {
        label: Vec<Inline>,
        value: Vec<Inline>,
        label_width: Pt,
        style: Style,
        pos: Pos,
    },
    /// Signature blocks side by side.
    Signatures(Vec<Signature>),
    Image {
        src: String,
        width: Pt,
        height: Pt,
        align: Align,
        pos: Pos,
    },
    Spacer(Pt),
    /// A horizontal rule across the measure.
    Rule {
        width: Pt,
        color: Rgb,
    },
}
