//! Tables: column sizing, cells laid out as blocks, rows as chunks, header rows repeated
//! on every page, and rows taller than a page split between lines.

use std::sync::Arc;

use super::blocks::{Chunk, Kind, flow, line_items, text_style};
use super::{Ctx, Item, Mark, RowRole, Stroke};
use crate::markup::{Block, Cell, ColWidth, Inline, Table, VAlign};
use crate::style::{Align, Rgb};
use crate::text::lines::{Atom, LineOptions, break_lines};

/// Column widths in points for a table `width` points wide: fixed and percentage columns
/// first, the rest shared by fractions; shrunk proportionally if they do not fit.
pub fn column_widths(spec: &[ColWidth], width: f32) -> Vec<f32> {
    let fixed: f32 = spec
        .iter()
        .map(|c| match c {
            ColWidth::Fixed(p) => p.0,
            ColWidth::Percent(p) => width * p / 100.0,
            ColWidth::Fr(_) => 0.0,
        })
        .sum();
    let frs: f32 = spec
        .iter()
        .map(|c| if let ColWidth::Fr(f) = c { *f } else { 0.0 })
        .sum();
    let rest = (width - fixed).max(0.0);
    let mut w: Vec<f32> = spec
        .iter()
        .map(|c| match c {
            ColWidth::Fixed(p) => p.0,
            ColWidth::Percent(p) => width * p / 100.0,
            ColWidth::Fr(f) => rest * f / frs,
        })
        .collect();
    let total: f32 = w.iter().sum();
    if total > width + 0.01 {
        for x in &mut w {
            *x *= width / total;
        }
    }
    w
}

/// A laid-out cell: its chunks stacked from the top of the content box.
struct CellBox {
    x: f32,
    w: f32,
    chunks: Vec<(f32, Chunk)>,
    content_h: f32,
    cell: Cell,
}

/// The narrowest each column may be: its widest word (a date, a header word, a name) in
/// its cells of one column, plus the padding, at most half the table.
fn min_content(ctx: &mut Ctx, t: &Table, ncols: usize, width: f32) -> Vec<f32> {
    let mut min = vec![0.0f32; ncols];
    for row in &t.rows {
        let mut col = 0;
        for cell in &row.cells {
            let here = col;
            col += cell.colspan.max(1);
            if cell.colspan > 1 || cell.vertical || here >= ncols {
                continue;
            }
            for b in &cell.blocks {
                let (Block::Para(p) | Block::Heading { para: p, .. }) = b else {
                    continue;
                };
                for inline in &p.inlines {
                    let Inline::Text(text, style) = inline else {
                        continue;
                    };
                    let face = text_style(style).face;
                    for word in super::blocks::bind(text).split([' ', '\n']) {
                        let w = ctx.shaper.shape(word, face).width * style.size.0;
                        min[here] = min[here].max(w);
                    }
                }
            }
        }
    }
    // A little room beside the padding, so a word that fits does not touch the border.
    let pad = 2.0 * t.padding.0 + 1.0;
    min.iter()
        .map(|m| {
            if *m > 0.0 {
                (m + pad).min(width * 0.5)
            } else {
                0.0
            }
        })
        .collect()
}

/// Widens the columns narrower than their content (`min`), taking the room from the
/// columns with room to spare, in proportion to it; columns that cannot all fit stay as
/// they were.
fn fit_content(cols: &mut [f32], min: &[f32]) {
    let deficit: f32 = cols.iter().zip(min).map(|(c, m)| (m - c).max(0.0)).sum();
    let slack: f32 = cols.iter().zip(min).map(|(c, m)| (c - m).max(0.0)).sum();
    if deficit <= 0.01 || slack < deficit {
        return;
    }
    for (c, m) in cols.iter_mut().zip(min) {
        if *c < *m {
            *c = *m;
        } else {
            *c -= (*c - m) / slack * deficit;
        }
    }
}

/// How many body rows of the tables in `group` (among `blocks`) go on each page: spread
/// as evenly as the rows allow over as few pages as hold them, the summary rows on the last
/// page with them, `above` being the height above the first table on its page. The
/// tallest header, row and summary of all the group's tables count, so every part breaks
/// at the same rows.
pub(crate) fn group_split(
    ctx: &mut Ctx,
    blocks: &[Block],
    group: &str,
    above: f32,
    width: f32,
) -> Vec<usize> {
    // The tallest header and summary of the group's tables, and each body row's height
    // in the table where it is tallest.
    let (mut header_h, mut summary_h) = (0.0f32, 0.0f32);
    let mut rows_h: Vec<f32> = Vec::new();
    let next_table = ctx.next_table;
    for b in blocks {
        let Block::Table(t) = b else { continue };
        if t.group.as_deref() != Some(group) {
            continue;
        }
        let chunks = table(ctx, t, width);
        let (mut h, mut s, mut k) = (0.0, 0.0, 0);
        for c in &chunks {
            match row_role(c) {
                Some(RowRole::Header) => h += c.h,
                Some(RowRole::Summary) => s += c.h,
                _ => {
                    if k == rows_h.len() {
                        rows_h.push(0.0);
                    }
                    rows_h[k] = rows_h[k].max(c.h);
                    k += 1;
                }
            }
        }
        header_h = header_h.max(h);
        summary_h = summary_h.max(s);
    }
    // Measuring must not use up table numbers.
    ctx.next_table = next_table;
    let n = rows_h.len();
    let first = ctx.page_height - above - header_h - 1.0;
    let next = ctx.page_height - header_h - 1.0;
    let fits = |sizes: &[usize]| {
        let mut at = 0;
        sizes.iter().enumerate().all(|(k, &rows)| {
            let room = if k == 0 { first } else { next };
            let last = if k + 1 == sizes.len() { summary_h } else { 0.0 };
            let h: f32 = rows_h[at..at + rows].iter().sum();
            at += rows;
            h + last <= room
        })
    };
    // How many rows fit on the first page (under the title and the part's heading).
    let mut first_rows = 0;
    let mut h = 0.0;
    while first_rows < n && h + rows_h[first_rows] <= first {
        h += rows_h[first_rows];
        first_rows += 1;
    }
    for pages in 1..=n {
        if pages == 1 {
            if fits(&[n]) {
                return vec![n];
            }
            continue;
        }
        // The first page holds its share or what fits under the title; the last, which
        // carries the summary rows, its share or down to half of it; the pages between
        // share the rest evenly.
        let share = n.div_ceil(pages);
        let lead = share.min(first_rows);
        let lasts: Vec<usize> = if pages == 2 {
            vec![n.saturating_sub(lead)]
        } else {
            (share.div_ceil(2)..=share).rev().collect()
        };
        for last in lasts {
            if lead == 0 || last == 0 || lead + last > n {
                continue;
            }
            let (mid, between) = (n - lead - last, pages - 2);
            let mut sizes = vec![lead];
            match mid.checked_div(between) {
                None if mid > 0 => continue,
                None => {}
                Some(q) => {
                    let r = mid % between;
                    if q + usize::from(r > 0) > share + 1 || q == 0 {
                        continue;
                    }
                    sizes.extend((0..between).map(|k| q + usize::from(k < r)));
                }
            }
            sizes.push(last);
            if fits(&sizes) {
                return sizes;
            }
        }
    }
    vec![n]
}

/// The role of a row chunk, from its mark.
fn row_role(c: &Chunk) -> Option<RowRole> {
    c.items.iter().rev().find_map(|i| match i {
        Item::Mark {
            mark: Mark::Row { role, .. },
            ..
        } => Some(*role),
        _ => None,
    })
}

/// Puts page breaks between a table's body rows so that page k holds `sizes[k]` of them
/// (after a break the header rows repeat). A table with a row split in slices is left as
/// it is.
pub(crate) fn break_at(chunks: &mut Vec<Chunk>, sizes: &[usize]) {
    if sizes.len() < 2 || chunks.iter().any(|c| c.row.is_some()) {
        return;
    }
    let mut out = Vec::with_capacity(chunks.len() + sizes.len());
    let mut body = 0;
    let mut ends: Vec<usize> = sizes
        .iter()
        .scan(0, |sum, s| {
            *sum += s;
            Some(*sum)
        })
        .collect();
    ends.pop();
    for c in chunks.drain(..) {
        if row_role(&c) == Some(RowRole::Body) {
            if ends.contains(&body) {
                let mut brk = Chunk::new(0.0, Vec::new());
                brk.kind = Kind::PageBreak { odd: false };
                out.push(brk);
            }
            body += 1;
        }
        out.push(c);
    }
    *chunks = out;
}

/// Lays out a table into row chunks.
pub(crate) fn table(ctx: &mut Ctx, t: &Table, width: f32) -> Vec<Chunk> {
    let mut cols = column_widths(&t.widths, width);
    let min = min_content(ctx, t, cols.len(), width);
    fit_content(&mut cols, &min);
    let table_w: f32 = cols.iter().sum();
    let pad = t.padding.0;
    let stroke = (t.border.0 > 0.0).then_some(Stroke {
        width: t.border.0,
        color: t.border_color,
    });
    let mut header: Vec<Chunk> = Vec::new();
    let mut out: Vec<Chunk> = Vec::new();
    let mut first_body = true;
    // Body rows (not header, not summary): how many, and the index of the current one.
    let bodies = t.rows.iter().filter(|r| !r.header && !r.summary).count();
    let mut body = 0;
    ctx.next_table += 1;
    let number = ctx.next_table;
    let hyphenate = ctx.opts.hyphenate;
    for row in &t.rows {
        // A header cell is never hyphenated: its columns are sized for its words.
        ctx.in_header = row.header;
        ctx.opts.hyphenate = hyphenate && !row.header;
        let role = match (row.header, row.summary) {
            (true, _) => RowRole::Header,
            (false, true) => RowRole::Summary,
            (false, false) => RowRole::Body,
        };
        let mut boxes = Vec::new();
        let mut col = 0;
        for cell in &row.cells {
            let span = cell.colspan.min(cols.len().saturating_sub(col)).max(1);
            let x: f32 = cols[..col.min(cols.len())].iter().sum();
            let w: f32 = cols[col.min(cols.len())..(col + span).min(cols.len())]
                .iter()
                .sum();
            col += span;
            let inner = (w - 2.0 * pad).max(4.0);
            let chunks = if cell.vertical {
                vertical(ctx, cell)
            } else {
                flow(ctx, &cell.blocks, inner)
            };
            let mut y = 0.0;
            let mut stacked = Vec::new();
            for (i, c) in chunks.into_iter().enumerate() {
                if i > 0 {
                    y += c.space_before;
                }
                let h = c.h;
                stacked.push((y, c));
                y += h;
            }
            boxes.push(CellBox {
                x,
                w,
                chunks: stacked,
                content_h: y,
                cell: cell.clone(),
            });
        }
        ctx.in_header = false;
        ctx.opts.hyphenate = hyphenate;
        let content_h = boxes.iter().map(|b| b.content_h).fold(0.0, f32::max);
        // Writing lines that fill their cell get as many lines as the row has room for.
        for b in &mut boxes {
            fill_cell(b, content_h);
        }
        let header_h: f32 = header.iter().map(|c| c.h).sum();
        let max_row = (ctx.page_height - header_h - 2.0 * pad - 1.0).max(20.0);
        // A row taller than a page is cut into slices of a few lines, at heights where
        // no cell has a line crossing, so the page breaks wherever the page is full.
        let slices = if content_h > max_row {
            cuts(&boxes, content_h, SLICE)
        } else {
            vec![(0.0, content_h)]
        };
        let n = slices.len();
        // Chunks are stacked downwards, each below the last; checked once per row, so a
        // slice can look its chunks up.
        let sorted = boxes
            .iter()
            .all(|b| b.chunks.is_sorted_by(|x, y| x.0 <= y.0));
        ctx.next_row += 1;
        for (k, (a, b)) in slices.iter().enumerate() {
            let ends = (k == 0, k + 1 == n);
            let mut c = row_chunk(&boxes, (*a, *b), content_h, pad, stroke, ends, sorted);
            if n > 1 {
                c.row = Some(ctx.next_row);
            }
            if k > 0 {
                c.cont_pad = pad;
            }
            c.items.push(Item::Mark {
                x: 0.0,
                y: 0.0,
                w: table_w,
                h: c.h,
                mark: Mark::Row {
                    table: number,
                    role,
                    grouped: t.group.is_some(),
                },
            });
            if k == 0
                && let Some(id) = &row.id
            {
                c.anchors.insert(0, (id.clone(), 0.0));
            }
            // Links cover the whole row or cell, on every slice of a split row (the
            // paginator joins the slices on one page into one area).
            let cell_links = boxes
                .iter()
                .filter_map(|b| Some((b.x, b.w, b.cell.link.as_ref()?)));
            for (x, w, to) in row
                .link
                .iter()
                .map(|to| (0.0, table_w, to))
                .chain(cell_links)
            {
                c.items.push(Item::Link {
                    x,
                    y: 0.0,
                    w,
                    h: c.h,
                    to: to.clone(),
                });
            }
            if row.header {
                c.keep_with_prev = !header.is_empty();
                header.push(c);
            } else {
                // Two body rows on each side of a break: the second row keeps with the
                // first, the last with the one before it, and summary rows with each other
                // and the body (a table of three rows or fewer moves whole).
                let is_body = !row.summary;
                let second = is_body && body == 1;
                let last = is_body && body >= 1 && body + 1 == bodies;
                if k == 0 && ((first_body && !header.is_empty()) || second || last || row.summary) {
                    c.keep_with_prev = true;
                }
                first_body = false;
                if !header.is_empty() {
                    c.header = Some(Arc::new(header.clone()));
                }
                out.push(c);
            }
        }
        if !row.header && !row.summary {
            body += 1;
        }
    }
    let mut all = header;
    all.extend(out);
    all
}

fn fill_cell(b: &mut CellBox, content_h: f32) {
    let Some(pos) = b
        .chunks
        .iter()
        .position(|(_, c)| matches!(c.kind, Kind::Fill { .. }))
    else {
        return;
    };
    let (y, c) = b.chunks[pos].clone();
    let Kind::Fill { spacing, .. } = c.kind else {
        return;
    };
    let extra = ((content_h - b.content_h) / spacing).floor().max(0.0) as usize;
    let mut add = Vec::new();
    for i in 1..=extra {
        let mut n = c.clone();
        n.kind = Kind::Normal;
        add.push((y + spacing * i as f32, n));
    }
    b.chunks[pos].1.kind = Kind::Normal;
    for (j, a) in add.into_iter().enumerate() {
        b.chunks.insert(pos + 1 + j, a);
    }
    // Later chunks move down by the added lines.
    let shift = spacing * extra as f32;
    for (yy, _) in b.chunks.iter_mut().skip(pos + 1 + extra) {
        *yy += shift;
    }
    b.content_h += shift;
}

/// Height of the slices a row taller than a page is cut into.
const SLICE: f32 = 60.0;

/// Where to cut a row into slices of about `max`, only at heights that no chunk of any
/// cell straddles (so no line is ever cut or lost). In O(n log n) of the cells' chunks: a
/// row of a table nested deep holds tens of thousands of them.
fn cuts(boxes: &[CellBox], total: f32, max: f32) -> Vec<(f32, f32)> {
    // Each chunk's inside, (start, end): a height in it is no place to cut.
    let mut insides: Vec<(f32, f32)> = boxes
        .iter()
        .flat_map(|b| b.chunks.iter().map(|(y, c)| (y + 0.01, y + c.h - 0.01)))
        .filter(|(a, b)| a < b)
        .collect();
    insides.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut points: Vec<f32> = boxes
        .iter()
        .flat_map(|b| b.chunks.iter().flat_map(|(y, c)| [*y, y + c.h]))
        .filter(|&p| p > 0.01 && p < total - 0.01)
        .collect();
    points.sort_by(f32::total_cmp);
    // A height lies inside a chunk when a chunk that starts below it ends above it: the
    // furthest end among those that start below it says.
    let mut started = 0;
    let mut furthest = f32::NEG_INFINITY;
    points.retain(|&p| {
        while started < insides.len() && insides[started].0 < p {
            furthest = furthest.max(insides[started].1);
            started += 1;
        }
        furthest <= p
    });
    points.dedup_by(|a, b| (*a - *b).abs() < 0.01);
    let mut out = Vec::new();
    let mut start = 0.0;
    while start < total - 0.01 {
        // The last point within `max` of the start, else the first past it.
        let from = points.partition_point(|&p| p <= start + 0.01);
        let to = points.partition_point(|&p| p <= start + max);
        let next = if to > from {
            points[to - 1]
        } else {
            points.get(from).copied().unwrap_or(total)
        };
        out.push((start, next));
        start = next;
    }
    out
}

/// Thin diagonal lines, 45° and 3 pt apart, filling the rectangle (`x`, 0, `w`, `h`) and
/// ending exactly on its edges.
fn hatch_lines(x: f32, w: f32, h: f32) -> Vec<Item> {
    const STEP: f32 = 3.0;
    let stroke = Stroke {
        width: 0.4,
        color: Rgb(90, 90, 90),
    };
    let mut lines = Vec::new();
    let mut c = STEP;
    while c < w + h {
        // The line u + v = c, cut to 0 ≤ u ≤ w, 0 ≤ v ≤ h.
        let (u1, u2) = ((c - h).max(0.0), c.min(w));
        lines.push(Item::Line {
            x1: x + u1,
            y1: c - u1,
            x2: x + u2,
            y2: c - u2,
            stroke,
        });
        c += STEP;
    }
    lines
}

/// The chunk for the slice [`a`, `b`) of a row's content (the whole row when it fits);
/// `sorted`: every cell's chunks stand in order of height.
/// `ends` says whether the slice is the first and the last of its row: the padding and
/// the horizontal borders of a split row belong to its ends, and where a page breaks
/// inside the row, the border is closed on both pages.
fn row_chunk(
    boxes: &[CellBox],
    (a, b): (f32, f32),
    full: f32,
    pad: f32,
    stroke: Option<Stroke>,
    ends: (bool, bool),
    sorted: bool,
) -> Chunk {
    let (first, last) = ends;
    let top_pad = if first { pad } else { 0.0 };
    let h = b - a + top_pad + if last { pad } else { 0.0 };
    let mut items = Vec::new();
    for bx in boxes {
        if let Some(fill) = bx.cell.shade {
            items.push(Item::Rect {
                x: bx.x,
                y: 0.0,
                w: bx.w,
                h,
                fill: Some(fill),
                stroke: None,
            });
        }
        if bx.cell.hatch {
            items.extend(hatch_lines(bx.x, bx.w, h));
        }
    }
    let mut close_top = Vec::new();
    let mut close_bottom = Vec::new();
    let mut cells = Vec::new();
    let mut anchors = Vec::new();
    for bx in boxes {
        let dy = if first && last {
            match bx.cell.valign {
                VAlign::Top => 0.0,
                VAlign::Middle => (full - bx.content_h) / 2.0,
                VAlign::Bottom => full - bx.content_h,
            }
        } else {
            0.0
        };
        let mut content = Vec::new();
        // A cell's chunks stand in order of height (see `table`): those of the slice are
        // found without reading the whole cell for every slice of a long row.
        let from = if sorted {
            bx.chunks.partition_point(|(y, _)| *y < a - 0.01)
        } else {
            0
        };
        for (y, c) in &bx.chunks[from..] {
            if sorted && *y >= b - 0.01 {
                break;
            }
            if *y >= a - 0.01 && *y < b - 0.01 {
                let top = top_pad + y - a + dy;
                // Of a cell's marks only its hyphens count: the row is the unit that breaks.
                let drawn = c.items.iter().filter(|i| {
                    !matches!(i, Item::Mark { mark, .. } if !matches!(mark, Mark::Hyphen { .. }))
                });
                content.extend(drawn.cloned().map(|i| i.offset(bx.x + pad, top)));
                anchors.extend(c.anchors.iter().map(|(id, at)| (id.clone(), top + at)));
            }
        }
        if first && last {
            items.extend(content);
        } else {
            cells.push(content);
        }
        let Some(s) = stroke else { continue };
        if first && last {
            items.push(Item::Rect {
                x: bx.x,
                y: 0.0,
                w: bx.w,
                h,
                fill: None,
                stroke: Some(s),
            });
            continue;
        }
        let hline = |y: f32| Item::Line {
            x1: bx.x,
            y1: y,
            x2: bx.x + bx.w,
            y2: y,
            stroke: s,
        };
        for x in [bx.x, bx.x + bx.w] {
            items.push(Item::Line {
                x1: x,
                y1: 0.0,
                x2: x,
                y2: h,
                stroke: s,
            });
        }
        if first {
            items.push(hline(0.0));
        } else {
            close_top.push(hline(0.0));
        }
        if last {
            items.push(hline(h));
        } else {
            close_bottom.push(hline(h));
        }
    }
    let mut c = Chunk::new(h, items);
    c.anchors = anchors;
    c.close_top = close_top;
    c.close_bottom = close_bottom;
    c.cells = cells;
    c
}

/// A cell whose text is turned to read upwards: one line, as tall as the text is long.
fn vertical(ctx: &mut Ctx, cell: &Cell) -> Vec<Chunk> {
    let mut inlines: Vec<Inline> = Vec::new();
    for b in &cell.blocks {
        if let Block::Para(p) = b {
            if !inlines.is_empty() {
                inlines.push(Inline::Text(" ".into(), Default::default()));
            }
            inlines.extend(p.inlines.iter().cloned());
        }
    }
    let base = inlines
        .iter()
        .find_map(|i| match i {
            Inline::Text(_, s) => Some(text_style(s)),
            _ => None,
        })
        .unwrap_or(text_style(&Default::default()));
    let (atoms, objects) = super::blocks::atoms(&inlines, None, ctx.numbers);
    let atoms: Vec<Atom> = atoms;
    let (lines, missing) = break_lines(
        &atoms,
        &LineOptions {
            width: 10_000.0,
            align: Align::Left,
            leading: ctx.opts.leading,
            base,
            hyphenate: ctx.opts.hyphenate,
            patterns: ctx.opts.patterns,
        },
        ctx.shaper,
    );
    ctx.missing(cell.pos, &missing);
    let line = &lines[0];
    let len = line.width;
    // Lay the line horizontally, then turn each text item: baseline runs upwards at x.
    let items = line_items(line, 0.0, 0.0, &objects)
        .into_iter()
        .map(|it| match it {
            Item::Text {
                x,
                size,
                color,
                run,
                synthetic,
                ..
            } => Item::Text {
                x: line.baseline,
                y: len - x,
                size,
                color,
                run,
                vertical: true,
                synthetic,
            },
            other => other,
        })
        .collect();
    let mut chunk = Chunk::new(len, items);
    for b in &cell.blocks {
        if let Block::Para(p) | Block::Heading { para: p, .. } = b {
            if let Some(id) = &p.id {
                chunk.anchors.push((id.clone(), 0.0));
            }
            if let Some(to) = &p.link {
                chunk.items.push(Item::Link {
                    x: 0.0,
                    y: 0.0,
                    w: line.height,
                    h: len,
                    to: to.clone(),
                });
            }
        }
    }
    vec![chunk]
}

#[cfg(test)]
mod tests {

    /// A cell of `lines` lines of 12 pt, one chunk each.
    fn tall_cell(lines: usize) -> CellBox {
        let chunks = (0..lines)
            .map(|i| (i as f32 * 12.0, Chunk::new(12.0, Vec::new())))
            .collect();
        CellBox {
            x: 0.0,
            w: 100.0,
            chunks,
            content_h: lines as f32 * 12.0,
            cell: Cell {
                blocks: Vec::new(),
                colspan: 1,
                shade: None,
                vertical: false,
                hatch: false,
                valign: VAlign::Top,
                pos: Default::default(),
                link: None,
            },
        }
    }

    #[test]
    fn a_row_of_two_hundred_thousand_lines_is_cut_without_a_look_at_every_line_per_cut() {
        // Checking every line boundary against every line took minutes at this size
        // (4 × 10¹⁰ comparisons for one row); a table nested deep makes rows like it.
        let lines = 200_000;
        let boxes = [tall_cell(lines), tall_cell(lines / 2)];
        let total = lines as f32 * 12.0;
        let slices = cuts(&boxes, total, SLICE);
        // Five lines a slice (60 pt; the last line on its own, as the end of the row is
        // no cut), cut only between lines, the whole row covered.
        assert_eq!(slices.len(), lines / 5 + 1);
        assert!(slices.iter().all(|(a, b)| b - a <= 60.0 && a % 12.0 == 0.0));
        assert_eq!(slices[0], (0.0, 60.0));
        assert!(slices.windows(2).all(|w| w[0].1 == w[1].0));
        assert_eq!(slices.last().unwrap().1, total);
        let row = row_chunk(&boxes, slices[1000], total, 0.0, None, (false, false), true);
        assert_eq!(
            row.cells[0].len() + row.cells[1].len(),
            0,
            "no items in empty lines"
        );
        assert_eq!(row.h, 60.0);
    }

    #[test]
    fn cuts_fall_only_where_no_cell_has_a_line_crossing() {
        // Lines of 12 pt beside lines of 18 pt: they meet every 36 pt.
        let mut other = tall_cell(0);
        other.chunks = (0..20)
            .map(|i| (i as f32 * 18.0, Chunk::new(18.0, Vec::new())))
            .collect();
        let slices = cuts(&[tall_cell(30), other], 360.0, SLICE);
        assert_eq!(slices[0], (0.0, 36.0));
        assert!(
            slices
                .iter()
                .all(|(a, b)| a % 36.0 == 0.0 && (b % 36.0 == 0.0 || *b == 360.0))
        );
        assert_eq!(slices.last().unwrap().1, 360.0);
    }

    #[test]
    fn text_in_a_table_nested_fourteen_deep_is_laid_out_in_time_linear_in_its_length() {
        // The markup of the layout fuzzer's input `Q/d2FGY=` (fuzz/README.md): 30,582
        // characters in a table nested 14 deep, the run also in the header of each of its 639
        // pages. Its rows were cut with a look at every line per cut and the header laid
        // out on every page: 25.6 s in the fuzz build; now a fraction of a second.
        let run: String = "aZ_/".chars().cycle().take(30_582).collect();
        let open = r#"<table widths="1fr 3fr"><tr><td>x</td><td>"#.repeat(14);
        let close = "</td></tr></table>".repeat(14);
        let text = format!(
            r#"<document title="f" lang="nl-BE"><header>{run}</header>{open}<p>{run}</p>{close}<signatures><signature title="{run}" name="{run}"/></signatures></document>"#
        );
        let doc = crate::markup::parse(&text).unwrap();
        let laid = crate::layout::layout(&doc, &crate::layout::Options::default());
        assert!(laid.pages.len() > 600, "{} pages", laid.pages.len());
    }

    #[test]
    fn hatching_stays_inside_its_cell() {
        let lines = super::hatch_lines(10.0, 30.0, 20.0);
        assert_eq!(lines.len(), 16, "one line every 3 pt across 30 + 20 pt");
        for l in &lines {
            let Item::Line { x1, y1, x2, y2, .. } = l else {
                panic!("hatching is lines")
            };
            for (x, y) in [(x1, y1), (x2, y2)] {
                assert!(
                    (10.0..=40.0).contains(x) && (0.0..=20.0).contains(y),
                    "({x}, {y})"
                );
            }
        }
    }

    use super::*;
    use crate::units::{Mm, Pt};

    #[test]
    fn fixed_percent_and_fraction_columns_share_the_width() {
        let w = column_widths(
            &[
                ColWidth::Fixed(Pt::from(Mm(30.0))),
                ColWidth::Percent(25.0),
                ColWidth::Fr(2.0),
                ColWidth::Fr(1.0),
            ],
            400.0,
        );
        let mm30 = Pt::from(Mm(30.0)).0;
        assert!((w[0] - mm30).abs() < 0.01);
        assert!((w[1] - 100.0).abs() < 0.01);
        let rest = 400.0 - mm30 - 100.0;
        assert!((w[2] - rest * 2.0 / 3.0).abs() < 0.01);
        assert!((w.iter().sum::<f32>() - 400.0).abs() < 0.01);
    }

    #[test]
    fn columns_too_wide_for_the_table_shrink_proportionally() {
        let w = column_widths(
            &[ColWidth::Fixed(Pt(300.0)), ColWidth::Fixed(Pt(300.0))],
            400.0,
        );
        assert_eq!(w, vec![200.0, 200.0]);
    }
}
