//! Page breaking: stacks one section's chunks on its own pages, honouring keep-with-previous
//! links, repeating table headers, filling writing lines to the page bottom, and recording
//! bookmarks.

use std::collections::VecDeque;

use super::blocks::{Chunk, Kind};
use super::{Anchor, Bookmark, Item, Page};
use crate::markup::Section;
use crate::units::Pt;

/// A chunk placed on the page being filled.
struct Placed {
    idx: usize,
    y: f32,
    /// Items generated at placement (filled writing lines).
    extra: Vec<Item>,
}

/// A section's pages, numbered from 0, with what points into them.
#[derive(Debug, Default)]
pub(crate) struct Paged {
    pub pages: Vec<Page>,
    /// Bookmarks with page indices into `pages`.
    pub bookmarks: Vec<Bookmark>,
    /// Anchors with page indices into `pages`.
    pub anchors: Vec<Anchor>,
    /// Whether the pages depend on `odd_start` (an odd page break asked where it was).
    pub parity: bool,
}

/// Places a section's chunks on pages of its own. `odd_start` says whether the first
/// page has an odd index in the document (is a left-hand page), which decides where
/// `<pagebreak odd="true"/>` needs a blank page.
///
/// The chunks come from `more`, which appends the next ones (a block's) and says `false`
/// when there are none left; each page goes through `keep` as it is finished, which gives
/// what the result keeps of it (the page, or its frame once drawn). Chunks are asked for
/// only when they are to be placed, and let go once their page is finished: a long
/// section is never held laid out whole unless `keep` keeps it.
pub(crate) fn paginate(
    mut more: impl FnMut(&mut Vec<Chunk>) -> bool,
    section: &Section,
    si: usize,
    odd_start: bool,
    mut keep: impl FnMut(Page) -> Page,
) -> Paged {
    let mut out = Paged::default();
    let Paged {
        pages,
        bookmarks,
        anchors,
        parity,
    } = &mut out;
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
    let mut chunks: VecDeque<Chunk> = VecDeque::new();
    let mut fresh: Vec<Chunk> = Vec::new();
    let mut placed: Vec<Placed> = Vec::new();
    let mut prefix: Vec<Item> = Vec::new();
    let mut y = top;
    let mut i = 0;
    let mut any = false;
    // Moves the placed chunks' items onto a new page. Each chunk is finished once, so its
    // items are taken, not cloned.
    let finish = |chunks: &mut VecDeque<Chunk>,
                  placed: &mut Vec<Placed>,
                  prefix: &mut Vec<Item>,
                  pages: &mut Vec<Page>,
                  bookmarks: &mut Vec<Bookmark>,
                  anchors: &mut Vec<Anchor>,
                  keep: &mut dyn FnMut(Page) -> Page| {
        let mut page = new_page();
        let count: usize = placed
            .iter()
            .map(|p| {
                chunks[p.idx].items.len()
                    + p.extra.len()
                    + chunks[p.idx].cells.iter().map(Vec::len).sum::<usize>()
            })
            .sum();
        page.items.reserve(prefix.len() + count + 4);
        page.items.append(prefix);
        let n = placed.len();
        let rows: Vec<Option<u32>> = placed.iter().map(|p| chunks[p.idx].row).collect();
        let mut row_run: Vec<(usize, f32)> = Vec::new();
        for (k, p) in placed.drain(..).enumerate() {
            let c = &mut chunks[p.idx];
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
            for (id, dy) in std::mem::take(&mut c.anchors) {
                anchors.push(Anchor {
                    id,
                    page: pages.len(),
                    y: p.y + dy,
                });
            }
            page.items.extend(
                std::mem::take(&mut c.items)
                    .into_iter()
                    .map(|it| it.offset(left, p.y)),
            );
            page.items.extend(p.extra);
            // Slices of a split table row: content goes cell by cell over all the slices
            // on this page, so the text reads in order (not slice by slice across cells).
            if rows[k].is_some() {
                row_run.push((p.idx, p.y));
                if rows.get(k + 1).copied().flatten() != rows[k] {
                    let cells = chunks[row_run[0].0].cells.len();
                    for cell in 0..cells {
                        for &(idx, y) in &row_run {
                            if let Some(items) = chunks[idx].cells.get_mut(cell) {
                                page.items.extend(
                                    std::mem::take(items)
                                        .into_iter()
                                        .map(|it| it.offset(left, y)),
                                );
                            }
                        }
                    }
                    row_run.clear();
                }
            }
        }
        merge_links(&mut page.items);
        pages.push(keep(page));
    };
    loop {
        while i == chunks.len() && more(&mut fresh) {
            chunks.extend(fresh.drain(..));
        }
        if i == chunks.len() {
            break;
        }
        if placed.is_empty() {
            chunks[i].pad_top();
        }
        let c = &chunks[i];
        if let Kind::PageBreak { odd } = c.kind {
            finish(
                &mut chunks,
                &mut placed,
                &mut prefix,
                pages,
                bookmarks,
                anchors,
                &mut keep,
            );
            *parity |= odd;
            if odd && (pages.len() % 2 == 1) != odd_start {
                let mut blank = new_page();
                blank.blank = true;
                pages.push(keep(blank));
            }
            y = top;
            chunks.drain(..=i);
            i = 0;
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
        finish(
            &mut chunks,
            &mut placed,
            &mut prefix,
            pages,
            bookmarks,
            anchors,
            &mut keep,
        );
        y = top;
        chunks.drain(..j);
        i = 0;
    }
    if !placed.is_empty() || !any {
        finish(
            &mut chunks,
            &mut placed,
            &mut prefix,
            pages,
            bookmarks,
            anchors,
            &mut keep,
        );
    }
    out
}

/// Joins the link areas of one paragraph's lines, or of one split row's slices, that
/// stack on a page into one area each.
fn merge_links(items: &mut Vec<Item>) {
    let links = items
        .iter()
        .filter(|i| matches!(i, Item::Link { .. }))
        .count();
    if links < 2 {
        return;
    }
    // The last area per target and column, which the next one may continue.
    let key = |to: &str, x: f32, w: f32| {
        (
            to.to_string(),
            (x * 100.0).round() as i64,
            (w * 100.0).round() as i64,
        )
    };
    let mut open: std::collections::HashMap<(String, i64, i64), usize> = Default::default();
    let mut out: Vec<Item> = Vec::with_capacity(items.len());
    for it in items.drain(..) {
        if let Item::Link { x, y, w, h, to } = &it {
            let k = key(to, *x, *w);
            if let Some(&at) = open.get(&k)
                && let Item::Link {
                    y: top, h: height, ..
                } = &mut out[at]
                && (*top + *height - y).abs() < 0.01
            {
                *height = y + h - *top;
                continue;
            }
            open.insert(k, out.len());
        }
        out.push(it);
    }
    *items = out;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::Stroke;
    use crate::style::Rgb;

    fn section() -> Section {
        Section {
            setup: Default::default(),
            header: None,
            footer: None,
            odd: false,
            blocks: Vec::new(),
        }
    }

    /// A chunk drawing one line at its top, tagged by its width so tests can find it.
    fn chunk(tag: f32, h: f32, keep: bool) -> Chunk {
        let mut c = Chunk::new(
            h,
            vec![Item::Line {
                x1: 0.0,
                y1: 0.0,
                x2: tag,
                y2: 0.0,
                stroke: Stroke {
                    width: 1.0,
                    color: Rgb(0, 0, 0),
                },
            }],
        );
        c.keep_with_prev = keep;
        c
    }

    /// The chunks paginated, given one at a time as a section's blocks give them.
    fn pages(chunks: Vec<Chunk>) -> Vec<Page> {
        let mut chunks = chunks.into_iter();
        let more = |out: &mut Vec<Chunk>| chunks.next().map(|c| out.push(c)).is_some();
        paginate(more, &section(), 0, false, |page| page).pages
    }

    /// The tags of the chunks on each page.
    fn layout(chunks: Vec<Chunk>) -> Vec<Vec<f32>> {
        pages(chunks)
            .iter()
            .map(|p| {
                p.items
                    .iter()
                    .filter_map(|i| match i {
                        Item::Line { x1, x2, .. } => Some((x2 - x1).round()),
                        _ => None,
                    })
                    .collect()
            })
            .collect()
    }

    /// A paragraph of `n` lines of 30 pt with widow and orphan links, tagged from `tag`.
    fn para(tag: f32, n: usize) -> Vec<Chunk> {
        (0..n)
            .map(|i| chunk(tag + i as f32, 30.0, i >= 1 && (i < 2 || i + 1 >= n)))
            .collect()
    }

    // A4 with 20 mm margins leaves 728.5 pt.

    #[test]
    fn chunks_that_fit_share_one_page() {
        assert_eq!(
            layout(vec![chunk(1.0, 300.0, false), chunk(2.0, 300.0, false)]),
            vec![vec![1.0, 2.0]]
        );
    }

    #[test]
    fn a_chunk_that_does_not_fit_moves_to_the_next_page() {
        assert_eq!(
            layout(vec![chunk(1.0, 500.0, false), chunk(2.0, 300.0, false)]),
            vec![vec![1.0], vec![2.0]]
        );
    }

    #[test]
    fn at_least_two_lines_stay_on_each_side_of_a_break() {
        // 78.5 pt left: room for two lines of four; the other two go on.
        let mut c = vec![chunk(1.0, 650.0, false)];
        c.extend(para(10.0, 4));
        assert_eq!(layout(c), vec![vec![1.0, 10.0, 11.0], vec![12.0, 13.0]]);
        // Three lines cannot be split two-and-two: all three move.
        let mut c = vec![chunk(1.0, 650.0, false)];
        c.extend(para(10.0, 3));
        assert_eq!(layout(c), vec![vec![1.0], vec![10.0, 11.0, 12.0]]);
    }

    #[test]
    fn a_keep_chain_longer_than_a_page_breaks_where_the_page_is_full() {
        let c: Vec<Chunk> = (0..30)
            .map(|i| chunk(i as f32 + 1.0, 30.0, i > 0))
            .collect();
        let pages = layout(c);
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[0].len(), 24);
    }

    #[test]
    fn a_chunk_taller_than_a_page_is_placed_alone_rather_than_lost() {
        assert_eq!(
            layout(vec![
                chunk(1.0, 100.0, false),
                chunk(2.0, 900.0, false),
                chunk(3.0, 10.0, false)
            ]),
            vec![vec![1.0], vec![2.0], vec![3.0]]
        );
    }

    #[test]
    fn header_rows_are_repeated_when_a_row_starts_a_page() {
        let header = std::sync::Arc::new(vec![chunk(99.0, 20.0, false)]);
        let mut rows = vec![chunk(99.0, 20.0, false)];
        for i in 0..3 {
            let mut r = chunk(i as f32 + 1.0, 300.0, false);
            r.header = Some(header.clone());
            rows.push(r);
        }
        assert_eq!(layout(rows), vec![vec![99.0, 1.0, 2.0], vec![99.0, 3.0]]);
    }

    #[test]
    fn space_before_is_dropped_at_the_top_of_a_page() {
        let mut b = chunk(2.0, 100.0, false);
        b.space_before = 50.0;
        let pages = pages(vec![chunk(1.0, 700.0, false), b]);
        let top = Pt::from(crate::units::Mm(20.0)).0;
        let Item::Line { y1, .. } = pages[1].items[0] else {
            panic!()
        };
        assert!((y1 - top).abs() < 0.01);
    }

    #[test]
    fn each_page_is_handed_over_before_the_chunks_of_later_pages_are_asked_for() {
        // Ten chunks of 300 pt, two to a page, one at a time: a page is finished when the
        // first chunk that does not fit on it has been asked for, and no later.
        let given = std::cell::Cell::new(0);
        let mut chunks = (0..10).map(|k| chunk(k as f32 + 1.0, 300.0, false));
        let more = |out: &mut Vec<Chunk>| {
            let next = chunks.next();
            given.set(given.get() + next.is_some() as usize);
            next.map(|c| out.push(c)).is_some()
        };
        let mut handed = Vec::new();
        let paged = paginate(more, &section(), 0, false, |mut page| {
            handed.push((given.get(), page.items.len()));
            page.items = Vec::new();
            page
        });
        assert_eq!(handed, [(3, 2), (5, 2), (7, 2), (9, 2), (10, 2)]);
        // What `keep` gave back is what is kept.
        assert_eq!(paged.pages.len(), 5);
        assert!(paged.pages.iter().all(|p| p.items.is_empty()));
    }
}
