//! Blocks to chunks: the unbreakable slices (a line, a table row, a rule) that the
//! paginator stacks on pages, with the rules about where a page may break between them.

use std::collections::HashMap;
use std::sync::Arc;

use super::{Ctx, Item, Mark, Numbers, Page, Seg, Stroke, Synthetic, table};
use crate::format::{MONTHS_EN, MONTHS_NL};
use crate::markup::{Block, Field, Inline, Object, Para, Pos, Section, Style};
use crate::style::{Align, Rgb};
use crate::text::FaceId;
use crate::text::lines::{Atom, Line, LineOptions, PieceKind, TextStyle, break_lines};
use crate::units::{Mm, Pt};

/// What a chunk does besides being drawn.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Kind {
    Normal,
    /// Ends the page (and, when `odd`, the next page is odd).
    PageBreak {
        odd: bool,
    },
    /// Ruled lines filling the rest of the page.
    Fill {
        spacing: f32,
        width: f32,
    },
}

/// An unbreakable slice of content with items relative to its top-left corner.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Chunk {
    pub h: f32,
    pub items: Vec<Item>,
    /// Space above, dropped at the top of a page.
    pub space_before: f32,
    /// No page break is allowed between this chunk and the previous one.
    pub keep_with_prev: bool,
    /// A bookmark at this chunk: level and title.
    pub bookmark: Option<(u8, String)>,
    /// Anchors in this chunk: name and distance from the chunk's top.
    pub anchors: Vec<(String, f32)>,
    /// Table header rows to repeat when this chunk starts a page.
    pub header: Option<Arc<Vec<Chunk>>>,
    /// Baseline of the first line, for list markers.
    pub baseline: Option<f32>,
    pub kind: Kind,
    /// Items drawn only when a page starts with this chunk (closing a split table row).
    pub close_top: Vec<Item>,
    /// Items drawn only when a page ends after this chunk.
    pub close_bottom: Vec<Item>,
    /// For a slice of a split table row: the row's id, and the content items per cell
    /// (kept apart from `items` so a page can emit them cell by cell).
    pub row: Option<u32>,
    pub cells: Vec<Vec<Item>>,
    /// For a slice of a split table row after its first: the cell padding it takes back
    /// when it starts a page (under the repeated header), instead of running on flush.
    pub cont_pad: f32,
}

impl Chunk {
    pub fn new(h: f32, items: Vec<Item>) -> Chunk {
        Chunk {
            h,
            items,
            space_before: 0.0,
            keep_with_prev: false,
            bookmark: None,
            anchors: Vec::new(),
            header: None,
            baseline: None,
            kind: Kind::Normal,
            close_top: Vec::new(),
            close_bottom: Vec::new(),
            row: None,
            cells: Vec::new(),
            cont_pad: 0.0,
        }
    }

    /// Gives a continued slice of a split row its top padding back, as it starts a page:
    /// its content moves down by the padding, its borders, shading and marks grow up to
    /// meet the header above.
    pub fn pad_top(&mut self) {
        let pad = std::mem::take(&mut self.cont_pad);
        if pad <= 0.0 {
            return;
        }
        let at_top = |y: f32| y.abs() < 0.01;
        let grow = |i: Item| match i {
            Item::Rect {
                x,
                y,
                w,
                h,
                fill,
                stroke,
            } if at_top(y) => Item::Rect {
                x,
                y,
                w,
                h: h + pad,
                fill,
                stroke,
            },
            Item::Line {
                x1,
                y1,
                x2,
                y2,
                stroke,
            } if (x1 - x2).abs() < 0.01 && at_top(y1.min(y2)) => Item::Line {
                x1,
                y1: y1.min(y2),
                x2,
                y2: y1.max(y2) + pad,
                stroke,
            },
            Item::Mark { x, y, w, h, mark } if at_top(y) => Item::Mark {
                x,
                y,
                w,
                h: h + pad,
                mark,
            },
            Item::Link { x, y, w, h, to } if at_top(y) => Item::Link {
                x,
                y,
                w,
                h: h + pad,
                to,
            },
            other => other.offset(0.0, pad),
        };
        self.items = std::mem::take(&mut self.items)
            .into_iter()
            .map(grow)
            .collect();
        for cell in &mut self.cells {
            *cell = std::mem::take(cell)
                .into_iter()
                .map(|i| i.offset(0.0, pad))
                .collect();
        }
        self.close_bottom = std::mem::take(&mut self.close_bottom)
            .into_iter()
            .map(|i| i.offset(0.0, pad))
            .collect();
        for (_, at) in &mut self.anchors {
            *at += pad;
        }
        if let Some(b) = &mut self.baseline {
            *b += pad;
        }
        self.h += pad;
    }
}

pub(crate) fn text_style(s: &Style) -> TextStyle {
    TextStyle {
        face: FaceId::styled(s.bold, s.italic),
        size: s.size.0,
        color: s.color,
    }
}

/// Lays out blocks in a column `width` points wide.
pub(crate) fn flow(ctx: &mut Ctx, blocks: &[Block], width: f32) -> Vec<Chunk> {
    let mut flow = Flow::new(blocks, width);
    let mut out = Vec::new();
    while flow.next(ctx, &mut out) {}
    out
}

/// Blocks laid out one at a time, as [`flow`] lays them out: for a page breaker that takes
/// a section's chunks as it places them, instead of holding every chunk (every positioned
/// glyph) of a long section at once.
pub(crate) struct Flow<'b> {
    blocks: &'b [Block],
    width: f32,
    /// The next block to lay out.
    next: usize,
    pending_space: f32,
    /// Lines a heading or lead-in before still keeps with it (see `keep_lines`).
    need: usize,
    /// Per chunk since the last page break, its height with the space above it: what stands
    /// above a grouped table on its page. Kept only when there is a grouped table.
    since_break: Option<Vec<f32>>,
}

impl<'b> Flow<'b> {
    pub(crate) fn new(blocks: &'b [Block], width: f32) -> Flow<'b> {
        let grouped = blocks
            .iter()
            .any(|b| matches!(b, Block::Table(t) if t.group.is_some()));
        Flow {
            blocks,
            width,
            next: 0,
            pending_space: 0.0,
            need: 0,
            since_break: grouped.then(Vec::new),
        }
    }

    /// Lays out the next block, appending its chunks (final: nothing after changes them) to
    /// `out`; `false` when no block is left.
    pub(crate) fn next(&mut self, ctx: &mut Ctx, out: &mut Vec<Chunk>) -> bool {
        let Some(block) = self.blocks.get(self.next) else {
            return false;
        };
        self.next += 1;
        let (blocks, width) = (self.blocks, self.width);
        let start = out.len();
        let mut after = 0.0;
        let mut before = 0.0;
        let mut keeps_next = false;
        match block {
            Block::Heading { level, para } => {
                let mut chunks = paragraph(ctx, para, width, None);
                mark(&mut chunks, para, width);
                tag(
                    &mut chunks,
                    &Mark::Heading(plain_text(&para.inlines)),
                    width,
                );
                for c in chunks.iter_mut().skip(1) {
                    c.keep_with_prev = true;
                }
                if let Some(c) = chunks.first_mut() {
                    c.bookmark = Some((*level, plain_text(&para.inlines)));
                }
                before = para.space_before.0;
                after = para.space_after.0;
                keeps_next = true;
                out.extend(chunks);
            }
            Block::Para(para) => {
                let mut chunks = paragraph(ctx, para, width, None);
                mark(&mut chunks, para, width);
                let what = if para.keep_with_next {
                    Mark::Intro
                } else {
                    Mark::Text
                };
                tag(&mut chunks, &what, width);
                out.extend(chunks);
                before = para.space_before.0;
                after = para.space_after.0;
                keeps_next = para.keep_with_next;
            }
            Block::List {
                ordered,
                start: first,
                items,
                style,
            } => {
                let indent = style.size.0 * 1.6;
                for (n, item) in items.iter().enumerate() {
                    let mut chunks = flow(ctx, item, (width - indent).max(10.0));
                    for c in &mut chunks {
                        c.items = std::mem::take(&mut c.items)
                            .into_iter()
                            .map(|i| i.offset(indent, 0.0))
                            .collect();
                    }
                    let marker = if *ordered {
                        format!("{}.", *first as usize + n)
                    } else {
                        "•".to_string()
                    };
                    if let Some(c) = chunks.first_mut() {
                        let base = c.baseline.unwrap_or(style.size.0);
                        let st = text_style(style);
                        let (lines, _) = break_lines(
                            &[Atom::Text(marker, st)],
                            &LineOptions {
                                width: indent * 0.8,
                                align: Align::Right,
                                leading: ctx.opts.leading,
                                base: st,
                                hyphenate: ctx.opts.hyphenate,
                                patterns: ctx.opts.patterns,
                            },
                            ctx.shaper,
                        );
                        // The marker goes first, so the text reads `1. Leren …`.
                        let mut items = line_items(&lines[0], 0.0, base - lines[0].baseline, &[]);
                        items.append(&mut c.items);
                        c.items = items;
                        if n > 0 {
                            c.space_before += style.size.0 * 0.2;
                        }
                    }
                    out.extend(chunks);
                }
                after = style.size.0 * 0.5;
            }
            Block::Table(t) => {
                let mut chunks = table::table(ctx, t, width);
                if let Some(group) = &t.group {
                    // What stands above the table on its page (the part's headings).
                    let since = self.since_break.as_deref().unwrap_or_default();
                    let above: f32 = since.iter().sum::<f32>() + self.pending_space;
                    if !ctx.groups.contains_key(group) {
                        let split = table::group_split(ctx, blocks, group, above, width);
                        ctx.groups.insert(group.clone(), split);
                    }
                    table::break_at(&mut chunks, &ctx.groups[group]);
                }
                out.extend(chunks);
                after = 6.0;
            }
            Block::Keep(inner) => {
                let mut chunks = flow(ctx, inner, width);
                for c in chunks.iter_mut().skip(1) {
                    c.keep_with_prev = true;
                }
                out.extend(chunks);
            }
            Block::PageBreak { odd } => {
                let mut c = Chunk::new(0.0, Vec::new());
                c.kind = super::blocks::Kind::PageBreak { odd: *odd };
                out.push(c);
            }
            Block::Lines {
                count,
                spacing,
                fill,
            } => {
                let s = spacing.0;
                match count {
                    Some(n) => {
                        for i in 0..*n {
                            let mut c = Chunk::new(s, writing_line(s, width));
                            c.keep_with_prev = i > 0 && (i < 2 || i + 1 == *n);
                            if *fill && i + 1 == *n {
                                c.kind = Kind::Fill { spacing: s, width };
                            }
                            out.push(c);
                        }
                    }
                    None => {
                        let mut c = Chunk::new(s, writing_line(s, width));
                        c.kind = Kind::Fill { spacing: s, width };
                        out.push(c);
                    }
                }
                after = 4.0;
            }
            Block::Field {
                label,
                value,
                label_width,
                style,
                pos,
            } => {
                let mut c = field(
                    ctx,
                    label,
                    value,
                    label_width.0.min(width * 0.6),
                    width,
                    style,
                    *pos,
                );
                tag(std::slice::from_mut(&mut c), &Mark::Text, width);
                out.push(c);
                after = style.size.0 * 0.4;
            }
            Block::Signatures(sigs) => {
                let mut c = signatures(ctx, sigs, width);
                tag(std::slice::from_mut(&mut c), &Mark::Signatures, width);
                out.push(c);
                after = 8.0;
            }
            Block::Image {
                src,
                width: w,
                height: h,
                align,
                ..
            } => {
                let w = w.0.min(width);
                let x = match align {
                    Align::Right => width - w,
                    Align::Center => (width - w) / 2.0,
                    _ => 0.0,
                };
                let mut c = Chunk::new(
                    h.0,
                    vec![Item::Image {
                        src: src.clone(),
                        x,
                        y: 0.0,
                        w,
                        h: h.0,
                    }],
                );
                tag(std::slice::from_mut(&mut c), &Mark::Other, width);
                out.push(c);
                after = 4.0;
            }
            Block::Spacer(h) => self.pending_space += h.0,
            Block::Rule { width: lw, color } => {
                out.push(Chunk::new(
                    lw.0 + 6.0,
                    vec![Item::Line {
                        x1: 0.0,
                        y1: 3.0 + lw.0 / 2.0,
                        x2: width,
                        y2: 3.0 + lw.0 / 2.0,
                        stroke: Stroke {
                            width: lw.0,
                            color: *color,
                        },
                    }],
                ));
            }
        }
        if let Some(first) = out.get_mut(start) {
            first.space_before += self.pending_space + before;
            self.pending_space = 0.0;
            self.need = keep_lines(&mut out[start..], self.need);
            if keeps_next {
                self.need = KEEP_LINES;
            }
        }
        self.pending_space += after;
        if let Some(since) = &mut self.since_break {
            for c in &out[start..] {
                match c.kind {
                    Kind::PageBreak { .. } => since.clear(),
                    _ => since.push(c.h + c.space_before),
                }
            }
        }
        true
    }
}

/// How many lines of what follows a heading or lead-in line stays with it on its page.
const KEEP_LINES: usize = 2;

/// Keeps `chunks` with what is before them until `need` lines of content are kept, and
/// says how many are still needed. Headings, lead-in lines and table header rows count for
/// nothing (so a heading, its intro and a table's header stay with two lines or rows after
/// them, transitively), a signature block for all.
fn keep_lines(chunks: &mut [Chunk], mut need: usize) -> usize {
    for c in chunks {
        if need == 0 {
            break;
        }
        c.keep_with_prev = true;
        let lines = match chunk_mark(c) {
            Some(Mark::Heading(_) | Mark::Intro) => 0,
            Some(Mark::Row {
                role: super::RowRole::Header,
                ..
            }) => 0,
            Some(Mark::Signatures) => KEEP_LINES,
            _ => 1,
        };
        need = need.saturating_sub(lines);
    }
    need
}

/// What a chunk is, from the mark the layout put on it.
fn chunk_mark(c: &Chunk) -> Option<&Mark> {
    c.items.iter().rev().find_map(|i| match i {
        Item::Mark { mark, .. } if !matches!(mark, Mark::Hyphen { .. }) => Some(mark),
        _ => None,
    })
}

/// Adds a paragraph's anchor (at its first line) and link (over each line, full width) to
/// its chunks. Should a paragraph have no line at all, a chunk of no height carries the
/// anchor, so a reference to it never loses its target.
pub(crate) fn mark(chunks: &mut Vec<Chunk>, para: &Para, width: f32) {
    if let Some(id) = &para.id {
        if chunks.is_empty() {
            chunks.push(Chunk::new(0.0, Vec::new()));
        }
        chunks[0].anchors.push((id.clone(), 0.0));
    }
    if let Some(to) = &para.link {
        for c in chunks {
            c.items.push(Item::Link {
                x: 0.0,
                y: 0.0,
                w: width,
                h: c.h,
                to: to.clone(),
            });
        }
    }
}

/// Marks each chunk as `what` over its whole area.
pub(crate) fn tag(chunks: &mut [Chunk], what: &Mark, width: f32) {
    for c in chunks {
        c.items.push(Item::Mark {
            x: 0.0,
            y: 0.0,
            w: width,
            h: c.h,
            mark: what.clone(),
        });
    }
}

/// A ruled writing line `s` points high, with its mark.
fn writing_line(s: f32, width: f32) -> Vec<Item> {
    vec![
        rule_line(0.0, s - 1.0, width),
        Item::Mark {
            x: 0.0,
            y: 0.0,
            w: width,
            h: s,
            mark: Mark::Writing,
        },
    ]
}

fn rule_line(x: f32, y: f32, width: f32) -> Item {
    Item::Line {
        x1: x,
        y1: y,
        x2: x + width,
        y2: y,
        stroke: Stroke {
            width: 0.5,
            color: Rgb(0x80, 0x80, 0x80),
        },
    }
}

/// The text of inlines, without objects (for bookmarks).
pub(crate) fn plain_text(inlines: &[Inline]) -> String {
    let mut s = String::new();
    for i in inlines {
        match i {
            Inline::Text(t, _) => s.push_str(t),
            Inline::Break => s.push(' '),
            _ => {}
        }
    }
    s
}

/// The least distance of a running header or footer from the paper edge: outside the
/// 4–6 mm many office printers leave unprinted, with room to spare.
pub(crate) const RUNNING_EDGE: Mm = Mm(8.0);

/// Words that belong with the number before them.
const UNITS: [&str; 22] = [
    "VTE", "FTE", "%", "€", "EUR", "uur", "u", "dag", "dagen", "week", "weken", "maand", "maanden",
    "jaar", "hours", "hour", "days", "day", "weeks", "months", "years", "pt",
];

/// Words that belong with the number after them.
const BEFORE_NUMBERS: [&str; 8] = ["€", "Pagina", "pagina", "Page", "page", "p.", "van", "of"];

/// Whether a line must not break between the words `a` and `b`: a date (`1 maart`,
/// `maart 2027`), an amount with its unit (`2,5 VTE`, `€ 1.234,56`) or a page number
/// (`Pagina 3`, `3 van 7`). The engine binds them ([`bind`]) so templates need not.
pub(crate) fn binds(a: &str, b: &str) -> bool {
    let bare = |w: &str| -> String {
        w.trim_matches(|c: char| matches!(c, '.' | ',' | ';' | ':' | '(' | ')' | '!' | '?'))
            .to_string()
    };
    let number = |w: &str| {
        let w = bare(w);
        !w.is_empty()
            && w.chars().any(|c| c.is_ascii_digit())
            && w.chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    };
    let day = |w: &str| bare(w).parse::<u32>().is_ok_and(|d| (1..=31).contains(&d));
    let year = |w: &str| bare(w).len() == 4 && bare(w).parse::<u32>().is_ok();
    let month = |w: &str| {
        let w = bare(w).to_lowercase();
        MONTHS_NL.contains(&w.as_str()) || MONTHS_EN.contains(&w.as_str())
    };
    // A word ending a clause (`3,` `2027.`) lets the line break after it.
    let open = !a.ends_with([',', ';', ':', '.', ')']);
    (open && day(a) && month(b))
        || (open && month(a) && year(b))
        || (open && number(a) && UNITS.contains(&bare(b).as_str()))
        || (BEFORE_NUMBERS.contains(&a) && number(b))
        || (open && number(a) && (b == "van" || b == "of"))
}

/// `text` with the spaces [`binds`] forbids breaking at made non-breaking.
pub(crate) fn bind(text: &str) -> String {
    if !text.contains(' ') || !text.chars().any(|c| c.is_ascii_digit()) {
        return text.to_string();
    }
    let words: Vec<&str> = text.split(' ').collect();
    let mut out = String::with_capacity(text.len() + 8);
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            let bound = binds(words[i - 1], w);
            out.push(if bound { '\u{a0}' } else { ' ' });
        }
        out.push_str(w);
    }
    out
}

/// Turns inlines into atoms; objects get ids into the returned list. Page-number fields
/// print `fields` (document page, pages, section page, section pages), page references
/// what `numbers` says.
pub(crate) fn atoms(
    inlines: &[Inline],
    fields: Option<(usize, usize, usize, usize)>,
    numbers: Numbers,
) -> (Vec<Atom>, Vec<(Object, Style)>) {
    let mut atoms = Vec::with_capacity(inlines.len());
    let mut objects = Vec::new();
    for inl in inlines {
        match inl {
            Inline::Text(t, s) => atoms.push(Atom::Text(bind(t), text_style(s))),
            Inline::Break => atoms.push(Atom::Break),
            Inline::Object(o, s) => {
                let size = s.size.0;
                atoms.push(Atom::Object {
                    id: objects.len() as u32,
                    w: size * 0.9,
                    h: size * 0.8,
                });
                objects.push((*o, *s));
            }
            Inline::Field(f, s) => {
                let (p, n, sp, sn) = fields.unwrap_or((0, 0, 0, 0));
                let v = match f {
                    Field::Page { section: false } => p,
                    Field::Pages { section: false } => n,
                    Field::Page { section: true } => sp,
                    Field::Pages { section: true } => sn,
                };
                atoms.push(Atom::Text(v.to_string(), text_style(s)));
            }
            Inline::PageRef { to, style, .. } => {
                atoms.push(Atom::Text(numbers.text(to), text_style(style)))
            }
        }
    }
    (atoms, objects)
}

/// Lays out a paragraph into one chunk per line, with widow and orphan control (at least
/// two lines on each side of a page break) and no word broken over a page turn.
pub(crate) fn paragraph(
    ctx: &mut Ctx,
    para: &Para,
    width: f32,
    fields: Option<(usize, usize, usize, usize)>,
) -> Vec<Chunk> {
    let base = para
        .inlines
        .iter()
        .find_map(|i| match i {
            Inline::Text(_, s)
            | Inline::Object(_, s)
            | Inline::Field(_, s)
            | Inline::PageRef { style: s, .. } => Some(text_style(s)),
            Inline::Break => None,
        })
        .unwrap_or(text_style(&Style::default()));
    let (atoms, objects) = atoms(&para.inlines, fields, ctx.numbers);
    let (lines, missing) = break_lines(
        &atoms,
        &LineOptions {
            width,
            align: para.align,
            leading: ctx.opts.leading,
            base,
            hyphenate: ctx.opts.hyphenate,
            patterns: ctx.opts.patterns,
        },
        ctx.shaper,
    );
    ctx.missing(para.pos, &missing);
    let n = lines.len();
    lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let mut items = line_items(line, 0.0, 0.0, &objects);
            if (line.hyphen || line.cut)
                && let Some(next) = lines.get(i + 1)
            {
                let head = line_words(line).pop().unwrap_or_default();
                let tail = line_words(next).into_iter().next().unwrap_or_default();
                items.push(Item::Mark {
                    x: line.width,
                    y: 0.0,
                    w: 0.0,
                    h: line.height,
                    mark: Mark::Hyphen {
                        head,
                        tail,
                        header: ctx.in_header,
                        cut: line.cut,
                    },
                });
            }
            let mut c = Chunk::new(line.height, items);
            // Two lines on each side of a page break, and no page ends in a word's first
            // part: a hyphenated (or cut) line stays with the line that finishes the word.
            let broken_word = i >= 1 && (lines[i - 1].hyphen || lines[i - 1].cut);
            c.keep_with_prev = i >= 1 && (i < 2 || i + 1 >= n || broken_word);
            c.baseline = Some(line.baseline);
            c
        })
        .collect()
}

/// The words of a line, split at its spaces.
fn line_words(line: &Line) -> Vec<String> {
    crate::text::lines::line_text(line)
        .split_whitespace()
        .map(str::to_string)
        .collect()
}

/// What a run drawn with `face` must imitate of the `wanted` face's weight and slant.
fn synthetic(wanted: FaceId, face: FaceId) -> Synthetic {
    let fallback = face == FaceId::FALLBACK;
    Synthetic {
        bold: fallback && matches!(wanted, FaceId::BOLD | FaceId::BOLD_ITALIC),
        italic: fallback && matches!(wanted, FaceId::ITALIC | FaceId::BOLD_ITALIC),
    }
}

/// The items of a line whose top-left corner is at (`x0`, `y0`).
pub(crate) fn line_items(line: &Line, x0: f32, y0: f32, objects: &[(Object, Style)]) -> Vec<Item> {
    let mut items = Vec::new();
    let y = y0 + line.baseline;
    for p in &line.pieces {
        match &p.kind {
            PieceKind::Text(sh) | PieceKind::Space(sh) => {
                let mut x = x0 + p.x;
                for run in &sh.runs {
                    items.push(Item::Text {
                        x,
                        y,
                        size: p.style.size,
                        color: p.style.color,
                        run: run.clone(),
                        vertical: false,
                        synthetic: synthetic(p.style.face, run.face),
                    });
                    x += run.width * p.style.size;
                }
            }
            PieceKind::Object { id, w, h } => {
                if let Some((obj, st)) = objects.get(*id as usize) {
                    items.extend(object(*obj, st, x0 + p.x, y, *w, *h));
                }
            }
        }
    }
    items
}

const K: f32 = 0.552_284_8;

/// Path segments of a circle.
fn circle(cx: f32, cy: f32, r: f32) -> Vec<Seg> {
    let k = K * r;
    vec![
        Seg::Move(cx + r, cy),
        Seg::Curve(cx + r, cy + k, cx + k, cy + r, cx, cy + r),
        Seg::Curve(cx - k, cy + r, cx - r, cy + k, cx - r, cy),
        Seg::Curve(cx - r, cy - k, cx - k, cy - r, cx, cy - r),
        Seg::Curve(cx + k, cy - r, cx + r, cy - k, cx + r, cy),
        Seg::Close,
    ]
}

/// The filled part of a level circle: `level` quarters clockwise from 12 o'clock.
fn quarters(cx: f32, cy: f32, r: f32, level: u8) -> Vec<Seg> {
    let k = K * r;
    // Quarter arcs clockwise on the page (y grows downwards): top→right→bottom→left→top.
    let arcs = [
        Seg::Curve(cx + k, cy - r, cx + r, cy - k, cx + r, cy),
        Seg::Curve(cx + r, cy + k, cx + k, cy + r, cx, cy + r),
        Seg::Curve(cx - k, cy + r, cx - r, cy + k, cx - r, cy),
        Seg::Curve(cx - r, cy - k, cx - k, cy - r, cx, cy - r),
    ];
    let mut segs = vec![Seg::Move(cx, cy), Seg::Line(cx, cy - r)];
    segs.extend(arcs.iter().take(level as usize).copied());
    segs.push(Seg::Close);
    segs
}

/// The drawing of an inline object with its left edge at `x` on baseline `y`.
fn object(obj: Object, st: &Style, x: f32, y: f32, w: f32, h: f32) -> Vec<Item> {
    let stroke = Stroke {
        width: (st.size.0 * 0.07).max(0.5),
        color: st.color,
    };
    match obj {
        Object::Level(level) => {
            let r = h.min(w) / 2.0 - stroke.width / 2.0;
            let (cx, cy) = (x + w / 2.0, y - h / 2.0 + st.size.0 * 0.05);
            let mut items = Vec::new();
            match level {
                0 => {}
                3 => items.push(Item::Path {
                    segs: circle(cx, cy, r),
                    fill: Some(st.color),
                    stroke: None,
                }),
                l => items.push(Item::Path {
                    segs: quarters(cx, cy, r, l),
                    fill: Some(st.color),
                    stroke: None,
                }),
            }
            items.push(Item::Path {
                segs: circle(cx, cy, r),
                fill: None,
                stroke: Some(stroke),
            });
            items
        }
        Object::Checkbox(checked) => {
            let s = h * 0.95;
            let (bx, by) = (x + (w - s) / 2.0, y - s + st.size.0 * 0.05);
            let mut items = vec![Item::Rect {
                x: bx,
                y: by,
                w: s,
                h: s,
                fill: None,
                stroke: Some(stroke),
            }];
            if checked {
                items.push(Item::Path {
                    segs: vec![
                        Seg::Move(bx + s * 0.2, by + s * 0.55),
                        Seg::Line(bx + s * 0.42, by + s * 0.78),
                        Seg::Line(bx + s * 0.82, by + s * 0.22),
                    ],
                    fill: None,
                    stroke: Some(Stroke {
                        width: stroke.width * 1.6,
                        ..stroke
                    }),
                });
            }
            items
        }
    }
}

/// A labelled field: label on the left, the value (or a writing line) on the right.
fn field(
    ctx: &mut Ctx,
    label: &[Inline],
    value: &[Inline],
    label_width: f32,
    width: f32,
    style: &Style,
    pos: Pos,
) -> Chunk {
    let gap = 6.0;
    let mk = |inlines: &[Inline]| Para {
        inlines: inlines.to_vec(),
        align: Align::Left,
        keep_with_next: false,
        space_before: Pt(0.0),
        space_after: Pt(0.0),
        pos,
        id: None,
        link: None,
    };
    let l = paragraph(ctx, &mk(label), label_width, None);
    let mut items: Vec<Item> = Vec::new();
    let mut h_label = 0.0;
    for c in &l {
        items.extend(c.items.iter().cloned().map(|i| i.offset(0.0, h_label)));
        h_label += c.h;
    }
    let vw = width - label_width - gap;
    let line_h = style.size.0 * ctx.opts.leading;
    let h_value = if value.is_empty() {
        // A line to write on, with room for handwriting above it.
        let h = line_h.max(Pt::from(Mm(8.0)).0);
        items.push(rule_line(label_width + gap, h - 2.0, vw));
        h
    } else {
        let v = paragraph(ctx, &mk(value), vw, None);
        let mut y = 0.0;
        for c in &v {
            items.extend(
                c.items
                    .iter()
                    .cloned()
                    .map(|i| i.offset(label_width + gap, y)),
            );
            y += c.h;
        }
        y
    };
    let mut c = Chunk::new(h_label.max(h_value), items);
    c.baseline = l.first().and_then(|c| c.baseline);
    c
}

/// Signature blocks side by side: title, name, date line and a box to sign in.
fn signatures(ctx: &mut Ctx, sigs: &[crate::markup::Signature], width: f32) -> Chunk {
    let n = sigs.len().max(1) as f32;
    let gap = 14.0;
    let w = (width - gap * (n - 1.0)) / n;
    let mut items = Vec::new();
    let mut height: f32 = 0.0;
    for (i, s) in sigs.iter().enumerate() {
        let x = i as f32 * (w + gap);
        let mut y = 0.0;
        // Lays out one text, returning the width of its last line.
        let text = |ctx: &mut Ctx, t: &str, bold: bool, y: &mut f32, items: &mut Vec<Item>| {
            let st = text_style(&Style { bold, ..s.style });
            let (lines, missing) = break_lines(
                &[Atom::Text(t.to_string(), st)],
                &LineOptions {
                    width: w,
                    align: Align::Left,
                    leading: ctx.opts.leading,
                    base: st,
                    hyphenate: ctx.opts.hyphenate,
                    patterns: ctx.opts.patterns,
                },
                ctx.shaper,
            );
            ctx.missing(s.pos, &missing);
            for l in &lines {
                items.extend(line_items(l, x, *y, &[]));
                *y += l.height;
            }
            lines.last().map_or(0.0, |l| l.width)
        };
        text(ctx, &s.title, true, &mut y, &mut items);
        if !s.name.is_empty() {
            text(ctx, &s.name, false, &mut y, &mut items);
        }
        // The same height with or without a date, so side-by-side blocks line up.
        y += 14.0;
        let date_label = format!("{}:", s.date_label);
        if s.date.is_empty() {
            // The writing line starts after the label, whatever its length.
            let label_w = text(ctx, &date_label, false, &mut y, &mut items);
            let start = (label_w + 6.0).max(40.0).min(w / 2.0);
            items.push(rule_line(x + start, y - 3.0, w - start));
        } else {
            let dated = format!("{date_label} {}", s.date);
            text(ctx, &dated, false, &mut y, &mut items);
        }
        y += 8.0;
        text(
            ctx,
            &format!("{}:", s.sign_label),
            false,
            &mut y,
            &mut items,
        );
        let box_h = Pt::from(Mm(22.0)).0;
        items.push(Item::Rect {
            x,
            y: y + 2.0,
            w,
            h: box_h,
            fill: None,
            stroke: Some(Stroke {
                width: 0.5,
                color: Rgb(0x80, 0x80, 0x80),
            }),
        });
        y += box_h + 2.0;
        height = height.max(y);
    }
    Chunk::new(height, items)
}

/// Lays out running headers and footers on every non-blank page, with page fields filled,
/// and hands each such page to `headed` with its index and how many items its body had.
pub(crate) fn running(
    ctx: &mut Ctx,
    sections: &[Section],
    pages: &mut [Page],
    headed: &mut dyn FnMut(usize, &mut Page, usize),
) {
    let total = pages.len();
    // A blank page (the back of a section's last page) is not one of its pages: a POP of
    // three pages says "van 3" in a bundle too.
    let mut section_counts = vec![0usize; sections.len()];
    for p in pages.iter().filter(|p| !p.blank) {
        section_counts[p.section] += 1;
    }
    let mut seen = vec![0usize; sections.len()];
    // The lines of a header or footer without page fields are the same on every page of
    // its section: laid out once. Laid out on each page, a long one took time that grew
    // with its length times the number of pages.
    type Key = (usize, bool, u32, Option<(usize, usize, usize, usize)>);
    let mut made: HashMap<Key, Vec<Chunk>> = HashMap::new();
    for (i, page) in pages.iter_mut().enumerate() {
        seen[page.section] += 1;
        if page.blank {
            continue;
        }
        let section = &sections[page.section];
        let m = section.setup.margins.map(|m| Pt::from(m).0);
        let width = page.width.0 - m[1] - m[3];
        let body = page.items.len();
        let fields = Some((
            i + 1,
            total,
            seen[page.section],
            section_counts[page.section],
        ));
        for (run, top) in [(&section.header, true), (&section.footer, false)] {
            let Some(run) = run else { continue };
            let numbered = (run.inlines.iter()).any(|i| matches!(i, Inline::Field(..)));
            let key = (
                page.section,
                top,
                width.to_bits(),
                fields.filter(|_| numbered),
            );
            let edge = Pt::from(RUNNING_EDGE).0;
            let chunks = made.entry(key).or_insert_with(|| {
                let para = Para {
                    inlines: run.inlines.clone(),
                    align: run.align,
                    keep_with_next: false,
                    space_before: Pt(0.0),
                    space_after: Pt(0.0),
                    pos: run.pos,
                    id: None,
                    link: None,
                };
                let mut chunks = paragraph(ctx, &para, width, fields);
                tag(&mut chunks, &Mark::Running, width);
                // Only the lines that fit in the margin, outside the strip along the paper
                // edge that many office printers cannot print (the first line always): a
                // header with a name of hundreds of letters ran down over the page's text.
                let room = if top { m[0] } else { m[2] } - edge;
                let mut used = 0.0;
                let fit = chunks
                    .iter()
                    .take_while(|c| {
                        used += c.h;
                        used <= room + 0.01
                    })
                    .count();
                chunks.truncate(fit.max(1));
                chunks
            });
            let chunks = if numbered {
                made.remove(&key).unwrap_or_default()
            } else {
                chunks.clone()
            };
            let h: f32 = chunks.iter().map(|c| c.h).sum();
            // Centred in the margin, but never in that strip.
            let mut y = if top {
                ((m[0] - h) * 0.5).max(edge)
            } else {
                (page.height.0 - m[2] + (m[2] - h) * 0.5).min(page.height.0 - edge - h)
            };
            for c in chunks {
                page.items
                    .extend(c.items.into_iter().map(|it| it.offset(m[3], y)));
                y += c.h;
            }
        }
        headed(i, page, body);
    }
}
