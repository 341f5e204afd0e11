//! Page breaking: stacks chunks on pages, honouring keep-with-previous links, repeating
//! table headers, filling writing lines to the page bottom, and recording bookmarks.

use super::blocks::{Chunk, Kind};
use super::{Bookmark, Item, Page};
use crate::markup::Section;
use crate::units::Pt;

struct Placed {
    idx: usize,
    y: f32,
    /// Items generated at placement (filled writing lines).
    extra: Vec<Item>,
}

/// Places a section's chunks on new pages appended to `pages`.
pub(crate) fn paginate(
    chunks: Vec<Chunk>,
    section: &Section,
    si: usize,
    pages: &mut Vec<Page>,
    bookmarks: &mut Vec<Bookmark>,
) {
    let (pw, ph) = section.setup.size();
    let m = section.setup.margins.map(|m| Pt::from(m).0);
    let (top, bottom, left) = (m[0], ph.0 - m[2], m[3]);
    let new_page = || Page {
        width: pw,
        height: ph,
        section: si,
        blank: false,
        items: Vec::new(),
    };
    let mut placed: Vec<Placed> = Vec::new();
    let mut prefix: Vec<Item> = Vec::new();
    let mut y = top;
    let mut i = 0;
    let mut any = false;
    let finish = |placed: &mut Vec<Placed>,
                  prefix: &mut Vec<Item>,
                  pages: &mut Vec<Page>,
                  bookmarks: &mut Vec<Bookmark>| {
        let mut page = new_page();
        page.items.append(prefix);
        let n = placed.len();
        let placed_next: Vec<Placed> = placed
            .iter()
            .map(|p| Placed {
                idx: p.idx,
                y: p.y,
                extra: Vec::new(),
            })
            .collect();
        let mut row_run: Vec<(usize, f32)> = Vec::new();
        for (k, p) in placed.drain(..).enumerate() {
            let c = &chunks[p.idx];
            if k == 0 {
                page.items
                    .extend(c.close_top.iter().cloned().map(|it| it.offset(left, p.y)));
            }
            if k + 1 == n {
                page.items.extend(
                    c.close_bottom
                        .iter()
                        .cloned()
                        .map(|it| it.offset(left, p.y)),
                );
            }
            if let Some((level, title)) = &c.bookmark {
                bookmarks.push(Bookmark {
                    title: title.clone(),
                    level: *level,
                    page: pages.len(),
                    y: p.y,
                });
            }
            page.items
                .extend(c.items.iter().cloned().map(|it| it.offset(left, p.y)));
            page.items.extend(p.extra);
            // Slices of a split table row: content goes cell by cell over all the slices
            // on this page, so the text reads in order (not slice by slice across cells).
            let same_row = |q: Option<&Placed>| {
                q.is_some_and(|q| c.row.is_some() && chunks[q.idx].row == c.row)
            };
            if c.row.is_some() {
                row_run.push((p.idx, p.y));
                if !same_row(placed_next.get(k + 1)) {
                    let cells = chunks[row_run[0].0].cells.len();
                    for cell in 0..cells {
                        for &(idx, y) in &row_run {
                            if let Some(items) = chunks[idx].cells.get(cell) {
                                page.items
                                    .extend(items.iter().cloned().map(|it| it.offset(left, y)));
                            }
                        }
                    }
                    row_run.clear();
                }
            }
        }
        pages.push(page);
    };
    while i < chunks.len() {
        let c = &chunks[i];
        if let Kind::PageBreak { odd } = c.kind {
            finish(&mut placed, &mut prefix, pages, bookmarks);
            if odd && pages.len() % 2 == 1 {
                let mut blank = new_page();
                blank.blank = true;
                pages.push(blank);
            }
            y = top;
            i += 1;
            any = false;
            continue;
        }
        let at_top = placed.is_empty();
        let header: &[Chunk] = match (&c.header, at_top) {
            (Some(h), true) => h,
            _ => &[],
        };
        let header_h: f32 = header.iter().map(|h| h.h).sum();
        let sb = if at_top { 0.0 } else { c.space_before };
        let fits = y + header_h + sb + c.h <= bottom + 0.01;
        if fits || at_top {
            for h in header {
                prefix.extend(h.items.iter().cloned().map(|it| it.offset(left, y)));
                y += h.h;
            }
            let mut extra = Vec::new();
            let mut h = c.h;
            if let Kind::Fill { spacing, .. } = c.kind {
                // One line is in the chunk; add as many as fit below it.
                let more = ((bottom - (y + sb + c.h)) / spacing).floor().max(0.0) as usize;
                for k in 1..=more {
                    extra.extend(
                        c.items
                            .iter()
                            .cloned()
                            .map(|it| it.offset(left, y + sb + spacing * k as f32)),
                    );
                }
                h += spacing * more as f32;
            }
            placed.push(Placed {
                idx: i,
                y: y + sb,
                extra,
            });
            y += sb + h;
            i += 1;
            any = true;
            continue;
        }
        // Does not fit: break before the earliest chunk of the keep chain ending here,
        // unless that chain started the page (then it cannot be kept and breaks here).
        let first = placed[0].idx;
        let mut j = i;
        while j > first && chunks[j].keep_with_prev {
            j -= 1;
        }
        if j == first {
            j = i;
        }
        placed.retain(|p| p.idx < j);
        finish(&mut placed, &mut prefix, pages, bookmarks);
        y = top;
        i = j;
    }
    if !placed.is_empty() || !any {
        finish(&mut placed, &mut prefix, pages, bookmarks);
    }
}
