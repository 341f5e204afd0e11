//! The layout lint: reads laid-out pages ([`Laid`], with the [`Mark`]s the engine leaves on
//! them) and reports each break of the typesetting rules a reader notices, by page and text:
//! a heading or lead-in line ending a page, a table broken with fewer than two rows on a
//! side or its summary rows torn apart, a hyphen where it hurts, a date or amount split over
//! two lines, type below what the document's readers need, and print within reach of the
//! paper edge. It does not fix anything: the engine and the templates do (see
//! `docs/layout-engine.md`); the test suite runs it over a corpus and expects no fault.

use std::collections::BTreeMap;

use super::{Item, Laid, Mark, RowRole};
use crate::units::{Mm, Pt};

/// The thresholds a document is held to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rules {
    /// The smallest type of the body and tables, in points.
    pub body: f32,
    /// The smallest type of running headers and footers and of text turned upwards (the
    /// teammatrix's task names), in points.
    pub small: f32,
    /// The least distance of anything printed from the paper edge.
    pub edge: Mm,
}

impl Default for Rules {
    /// Forms, tables and the dossier: 10 pt body, 8 pt running lines, 7 mm from the edge.
    fn default() -> Self {
        Rules {
            body: 10.0,
            small: 8.0,
            edge: Mm(7.0),
        }
    }
}

/// Which rule a fault breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rule {
    /// A heading or lead-in line with fewer than two lines of what it introduces under it.
    KeepWithNext,
    /// A table broken with fewer than two body rows on one side of the break.
    TableBreak,
    /// Summary rows torn apart, or without two body rows above them on their page.
    Summary,
    /// The parts of a split matrix (tables of one group) holding different rows on their
    /// pages, or rows spread unevenly over the pages.
    Parts,
    /// A hyphen in a header cell, a name, a date, a code or a tag, leaving fewer than three
    /// letters on a side, or breaking a word over two pages.
    Hyphen,
    /// A date, an amount or a page number split over two lines.
    Split,
    /// A table cell continued on a new page that starts against the repeated header, without
    /// the padding its table's rows have.
    Padding,
    /// Type smaller than the document's readers need.
    Size,
    /// Print within reach of the paper edge.
    Edge,
}

/// A break of a rule: where, which, and the text concerned.
#[derive(Debug, Clone, PartialEq)]
pub struct Fault {
    /// Page number, from 1.
    pub page: usize,
    pub rule: Rule,
    pub text: String,
}

impl std::fmt::Display for Fault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "page {}: {:?}: {}", self.page, self.rule, self.text)
    }
}

/// A block-level mark on a page, in reading order.
#[derive(Debug, Clone)]
struct Block {
    mark: Mark,
    y: f32,
}

/// The block-level marks of a page (not the running lines, not hyphens), top to bottom.
fn blocks(items: &[Item]) -> Vec<Block> {
    let mut out: Vec<Block> = items
        .iter()
        .filter_map(|i| match i {
            Item::Mark { y, mark, .. } if !matches!(mark, Mark::Running | Mark::Hyphen { .. }) => {
                Some(Block {
                    mark: mark.clone(),
                    y: *y,
                })
            }
            _ => None,
        })
        .collect();
    out.sort_by(|a, b| a.y.total_cmp(&b.y));
    out
}

fn is_lead(m: &Mark) -> bool {
    matches!(
        m,
        Mark::Heading(_)
            | Mark::Intro
            | Mark::Row {
                role: RowRole::Header,
                ..
            }
    )
}

/// How many lines of content a block mark counts for (a signature block is whole).
fn weight(m: &Mark) -> usize {
    match m {
        Mark::Signatures => 2,
        m if is_lead(m) => 0,
        _ => 1,
    }
}

/// Checks every page of `laid` against `rules`.
pub fn lint(laid: &Laid, rules: &Rules) -> Vec<Fault> {
    let mut faults = Vec::new();
    let pages: Vec<Vec<Block>> = laid.pages.iter().map(|p| blocks(&p.items)).collect();
    for (n, page) in laid.pages.iter().enumerate() {
        if page.blank {
            continue;
        }
        let next = laid
            .pages
            .get(n + 1)
            .filter(|p| p.section == page.section && !p.blank)
            .map(|_| &pages[n + 1]);
        keep_with_next(n, &pages[n], next, &mut faults);
        hyphens(n, &page.items, &mut faults);
        if next.is_some() {
            broken_over_pages(n, &page.items, &pages[n], &mut faults);
        }
        splits(n, &page.items, &mut faults);
        sizes(n, &page.items, rules, &mut faults);
        edges(n, page, rules, &mut faults);
    }
    tables(laid, &pages, &mut faults);
    padding(laid, &mut faults);
    faults
}

/// A box on a page: left, top, width, height.
type Area = (f32, f32, f32, f32);

/// The room between the top of a row's box and the top of its highest glyph: `None` for a
/// row without text.
fn top_gap(items: &[Item], (x, y, w, h): Area) -> Option<f32> {
    items
        .iter()
        .filter_map(|i| match i {
            Item::Text {
                x: tx,
                y: ty,
                size,
                vertical: false,
                run,
                ..
            } if *tx >= x - 0.5
                && *tx <= x + w + 0.5
                && *ty > y
                && *ty <= y + h + 0.5
                && !run.text.trim().is_empty() =>
            {
                Some(ty - size * 0.8 - y)
            }
            _ => None,
        })
        .min_by(f32::total_cmp)
}

/// A row continued on the next page keeps its padding: the first body row under a repeated
/// header starts its text as far below the header as the table's first row does on the
/// table's first page.
fn padding(laid: &Laid, out: &mut Vec<Fault>) {
    // Per (section, table): the first page's gap under the header.
    let mut first: BTreeMap<(usize, u32), Option<f32>> = BTreeMap::new();
    for (n, page) in laid.pages.iter().enumerate() {
        // The rows of each table on this page, top to bottom.
        let mut rows: BTreeMap<u32, Vec<(RowRole, Area)>> = BTreeMap::new();
        for i in &page.items {
            if let Item::Mark {
                x,
                y,
                w,
                h,
                mark: Mark::Row { table, role, .. },
            } = i
            {
                rows.entry(*table)
                    .or_default()
                    .push((*role, (*x, *y, *w, *h)));
            }
        }
        for (table, mut rs) in rows {
            rs.sort_by(|a, b| a.1.1.total_cmp(&b.1.1));
            let Some(k) = rs.iter().position(|r| r.0 != RowRole::Header) else {
                continue;
            };
            if k == 0 {
                continue;
            }
            let gap = top_gap(&page.items, rs[k].1);
            match first.get(&(page.section, table)) {
                None => {
                    first.insert((page.section, table), gap);
                }
                Some(Some(reference)) => {
                    if let Some(gap) = gap
                        && gap + 1.0 < *reference
                    {
                        out.push(Fault {
                            page: n + 1,
                            rule: Rule::Padding,
                            text: format!(
                                "a cell continued under the repeated header starts {gap:.1} pt below it, the table's first row {reference:.1} pt"
                            ),
                        });
                    }
                }
                Some(None) => {}
            }
        }
    }
}

/// A heading (with its lead-in lines, transitively) keeps two lines of what follows it on
/// its page, unless what it introduces is shorter and ends there.
fn keep_with_next(n: usize, page: &[Block], next: Option<&Vec<Block>>, out: &mut Vec<Fault>) {
    let mut i = 0;
    while i < page.len() {
        if !is_lead(&page[i].mark) {
            i += 1;
            continue;
        }
        let start = i;
        while i < page.len() && is_lead(&page[i].mark) {
            i += 1;
        }
        let title = page[start..i]
            .iter()
            .find_map(|b| match &b.mark {
                Mark::Heading(t) => Some(t.clone()),
                _ => None,
            })
            .unwrap_or_else(|| "a lead-in line".into());
        let mut count = 0;
        let mut j = i;
        while j < page.len() && !is_lead(&page[j].mark) && count < 2 {
            count += weight(&page[j].mark);
            j += 1;
        }
        if count >= 2 {
            continue;
        }
        let first_next = next.and_then(|p| p.first()).map(|b| &b.mark);
        // What follows the lead-in on this page runs on to the next one (unless the next
        // page starts a new heading, what is here is all there was).
        let runs_on = j >= page.len() && first_next.is_some_and(|m| !matches!(m, Mark::Heading(_)));
        if count == 0 && j >= page.len() || runs_on {
            out.push(Fault {
                page: n + 1,
                rule: Rule::KeepWithNext,
                text: format!("`{title}` ends the page"),
            });
        }
    }
}

/// Each table's body rows per page: at least two on each side of a break (a table of three
/// body rows or fewer is never broken), the summary rows together, after two body rows.
fn tables(laid: &Laid, pages: &[Vec<Block>], out: &mut Vec<Fault>) {
    // (section, table) → per page index: (body rows, summary rows).
    let mut rows: BTreeMap<(usize, u32), BTreeMap<usize, (usize, usize)>> = BTreeMap::new();
    // The grouped tables, per section.
    let mut grouped: BTreeMap<usize, Vec<u32>> = BTreeMap::new();
    for (n, page) in pages.iter().enumerate() {
        for b in page {
            if let Mark::Row {
                table,
                role,
                grouped: g,
            } = b.mark
            {
                let tables = grouped.entry(laid.pages[n].section).or_default();
                if g && !tables.contains(&table) {
                    tables.push(table);
                }
                let e = rows
                    .entry((laid.pages[n].section, table))
                    .or_default()
                    .entry(n)
                    .or_default();
                match role {
                    RowRole::Body => e.0 += 1,
                    RowRole::Summary => e.1 += 1,
                    RowRole::Header => {}
                }
            }
        }
    }
    for (section, tables) in &grouped {
        let counts: Vec<(usize, Vec<usize>)> = tables
            .iter()
            .map(|t| {
                let per_page = &rows[&(*section, *t)];
                let first = per_page.keys().next().copied().unwrap_or(0);
                (first, per_page.values().map(|r| r.0).collect())
            })
            .collect();
        for (first, c) in &counts {
            // The pages between share the rows evenly; the first (under the title) and the
            // last (with the summary rows) hold at least half as many.
            let hi = c.iter().max().copied().unwrap_or(0);
            let between = &c[1.min(c.len())..c.len().saturating_sub(1).max(1)];
            let lo = between.iter().min().copied().unwrap_or(0);
            let top = between.iter().max().copied().unwrap_or(0);
            let half = hi.div_ceil(2);
            let ends = [c.first(), c.last()];
            let uneven = c.len() > 1 && (top > lo + 1 || ends.iter().flatten().any(|e| **e < half));
            if c != &counts[0].1 || uneven {
                out.push(Fault {
                    page: first + 1,
                    rule: Rule::Parts,
                    text: format!(
                        "a part of the matrix holds {c:?} rows per page, the first part {:?}",
                        counts[0].1
                    ),
                });
            }
        }
    }
    for per_page in rows.values() {
        let body: usize = per_page.values().map(|r| r.0).sum();
        let summary: usize = per_page.values().map(|r| r.1).sum();
        let parts: Vec<(usize, (usize, usize))> = per_page.iter().map(|(k, v)| (*k, *v)).collect();
        if parts.len() > 1 {
            for (k, (n, (b, s))) in parts.iter().enumerate() {
                // The first part may end in the row that the next part continues (a row
                // taller than a page is cut in slices): only whole counts matter here.
                let least = 2.min(body);
                let rows = b + s;
                if rows < least
                    || (*b < least && *s == 0)
                    || (k > 0 && *b == 0 && *s > 0 && body >= 2)
                {
                    out.push(Fault {
                        page: n + 1,
                        rule: Rule::TableBreak,
                        text: format!(
                            "a table continues with {b} body row(s) here ({body} in all, over {} pages)",
                            parts.len()
                        ),
                    });
                }
            }
        }
        for (n, (b, s)) in &parts {
            if *s > 0 && (*s < summary || *b < 2.min(body)) {
                out.push(Fault {
                    page: n + 1,
                    rule: Rule::Summary,
                    text: format!("{s} of {summary} summary rows under {b} body row(s)"),
                });
            }
        }
    }
}

/// Letters of a word part, without punctuation.
fn letters(s: &str) -> usize {
    s.chars().filter(|c| c.is_alphabetic()).count()
}

/// Hyphens the engine put in words: never in a header cell, a name, a date, a code or a
/// tag, and never leaving fewer than three letters on a side.
fn hyphens(n: usize, items: &[Item], out: &mut Vec<Fault>) {
    for i in items {
        let Item::Mark {
            mark:
                Mark::Hyphen {
                    head,
                    tail,
                    header,
                    cut,
                },
            ..
        } = i
        else {
            continue;
        };
        let word = format!("{}{}", head.trim_end_matches('-'), tail);
        let why = if *cut {
            Some("a word cut without a hyphen (its column is too narrow)")
        } else if *header {
            Some("in a table header")
        } else if letters(head) < 3 || letters(tail) < 3 {
            Some("fewer than three letters on a side")
        } else if !crate::text::lines::may_hyphenate(&word) {
            Some("in a name, date, code or tag")
        } else {
            None
        };
        if let Some(why) = why {
            out.push(Fault {
                page: n + 1,
                rule: Rule::Hyphen,
                text: format!("`{head}/{tail}`: {why}"),
            });
        }
    }
}

/// A word hyphenated (or cut) at the end of a page's last line of text, so the reader turns
/// the page in the middle of it: the engine keeps such a line with the next.
fn broken_over_pages(n: usize, items: &[Item], blocks: &[Block], out: &mut Vec<Fault>) {
    let Some(last) = blocks.last() else {
        return;
    };
    if !matches!(last.mark, Mark::Text | Mark::Intro) {
        return;
    }
    for i in items {
        if let Item::Mark {
            y,
            mark: Mark::Hyphen { head, tail, .. },
            ..
        } = i
            && (y - last.y).abs() < 0.01
        {
            out.push(Fault {
                page: n + 1,
                rule: Rule::Hyphen,
                text: format!("`{head}/{tail}`: a word broken over two pages"),
            });
        }
    }
}

/// The text lines of a page: left end, baseline, size and text, in drawing order.
fn lines(items: &[Item]) -> Vec<(f32, f32, f32, String)> {
    let mut out: Vec<(f32, f32, f32, String)> = Vec::new();
    for i in items {
        if let Item::Text {
            x,
            y,
            size,
            run,
            vertical: false,
            ..
        } = i
        {
            match out.last_mut() {
                Some((_, ly, _, t)) if (*ly - y).abs() < 0.01 => t.push_str(&run.text),
                _ => out.push((*x, *y, *size, run.text.clone())),
            }
        }
    }
    out
}

/// A date, an amount or a page number split at a line end: the last word of a line and
/// the first of the next line of the same paragraph (same left edge, one line down) that
/// the engine binds.
fn splits(n: usize, items: &[Item], out: &mut Vec<Fault>) {
    let lines = lines(items);
    for w in lines.windows(2) {
        let (x0, y0, size, a) = &w[0];
        let (x1, y1, _, b) = &w[1];
        let down = y1 - y0;
        if (x0 - x1).abs() > 0.5 || down <= 0.0 || down > size * 1.6 {
            continue;
        }
        let (Some(last), Some(first)) = (a.split_whitespace().last(), b.split_whitespace().next())
        else {
            continue;
        };
        if super::blocks::binds(last, first) {
            out.push(Fault {
                page: n + 1,
                rule: Rule::Split,
                text: format!("`{last} / {first}` split over two lines"),
            });
        }
    }
}

/// Whether the point (`x`, `y`) lies inside a running line's mark.
fn in_running(items: &[Item], x: f32, y: f32) -> bool {
    items.iter().any(|i| {
        matches!(i, Item::Mark { x: mx, y: my, w, h, mark: Mark::Running }
            if x >= mx - 0.5 && x <= mx + w + 0.5 && y >= my - 0.5 && y <= my + h + 0.5)
    })
}

/// Type at least `rules.body` (running lines and upturned text `rules.small`): one fault
/// per page and size, naming the first word found in it.
fn sizes(n: usize, items: &[Item], rules: &Rules, out: &mut Vec<Fault>) {
    let mut seen: Vec<(i32, String, usize, f32)> = Vec::new();
    for i in items {
        let Item::Text {
            x,
            y,
            size,
            run,
            vertical,
            ..
        } = i
        else {
            continue;
        };
        let least = if *vertical || in_running(items, *x, *y) {
            rules.small
        } else {
            rules.body
        };
        if *size < least - 0.01 && !run.text.trim().is_empty() {
            let key = (*size * 100.0).round() as i32;
            match seen.iter_mut().find(|s| s.0 == key) {
                Some(s) => s.2 += 1,
                None => seen.push((key, run.text.clone(), 1, least)),
            }
        }
    }
    for (size, text, count, least) in seen {
        out.push(Fault {
            page: n + 1,
            rule: Rule::Size,
            text: format!(
                "{count} word(s) in {} pt, such as `{text}` (at least {least} pt)",
                size as f32 / 100.0
            ),
        });
    }
}

/// Nothing printed within `rules.edge` of the paper edge.
fn edges(n: usize, page: &super::Page, rules: &Rules, out: &mut Vec<Fault>) {
    let edge = Pt::from(rules.edge).0 - 0.01;
    let (pw, ph) = (page.width.0, page.height.0);
    for i in &page.items {
        let (x0, y0, x1, y1, what) = match i {
            Item::Text {
                x,
                y,
                size,
                run,
                vertical: false,
                ..
            } => (
                *x,
                y - size * 0.8,
                x + run.width * size,
                y + size * 0.2,
                run.text.clone(),
            ),
            Item::Text {
                x,
                y,
                size,
                run,
                vertical: true,
                ..
            } => (
                x - size * 0.8,
                y - run.width * size,
                x + size * 0.2,
                *y,
                run.text.clone(),
            ),
            Item::Rect { x, y, w, h, .. } | Item::Image { x, y, w, h, .. } => {
                (*x, *y, x + w, y + h, "a box".into())
            }
            Item::Line { x1, y1, x2, y2, .. } => (
                x1.min(*x2),
                y1.min(*y2),
                x1.max(*x2),
                y1.max(*y2),
                "a line".into(),
            ),
            _ => continue,
        };
        if x0 < edge || y0 < edge || x1 > pw - edge || y1 > ph - edge {
            out.push(Fault {
                page: n + 1,
                rule: Rule::Edge,
                text: format!("`{what}` within {} mm of the paper edge", rules.edge.0),
            });
            // One fault a page says enough.
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{Page, layout};
    use crate::markup::parse;

    /// An A4 page holding `marks` (what, top), in section 0.
    fn page(marks: Vec<(Mark, f32)>) -> Page {
        let (w, h) = crate::markup::PageSetup::default().size();
        Page {
            width: w,
            height: h,
            section: 0,
            blank: false,
            items: marks
                .into_iter()
                .map(|(mark, y)| Item::Mark {
                    x: 60.0,
                    y,
                    w: 400.0,
                    h: 14.0,
                    mark,
                })
                .collect(),
        }
    }

    fn laid(pages: Vec<Page>) -> Laid {
        Laid {
            meta: Default::default(),
            pages,
            bookmarks: Vec::new(),
            anchors: Vec::new(),
            warnings: Vec::new(),
            passes: 1,
        }
    }

    fn rules_broken(pages: Vec<Page>) -> Vec<Rule> {
        lint(&laid(pages), &Rules::default())
            .into_iter()
            .map(|f| f.rule)
            .collect()
    }

    fn heading() -> Mark {
        Mark::Heading("Opvolging".into())
    }

    fn row(role: RowRole) -> Mark {
        Mark::Row {
            table: 1,
            role,
            grouped: false,
        }
    }

    /// Body rows of table `table` of a group, from `y` down.
    fn part_rows(table: u32, count: usize) -> Vec<(Mark, f32)> {
        (0..count)
            .map(|i| {
                let mark = Mark::Row {
                    table,
                    role: RowRole::Body,
                    grouped: true,
                };
                (mark, 80.0 + 20.0 * i as f32)
            })
            .collect()
    }

    #[test]
    fn matrix_parts_holding_different_or_uneven_rows_are_caught() {
        // Part 1: 15 + 15 rows; part 2: 13 + 17.
        let pages = vec![
            page(part_rows(1, 15)),
            page(part_rows(1, 15)),
            page(part_rows(2, 13)),
            page(part_rows(2, 17)),
        ];
        assert!(rules_broken(pages).contains(&Rule::Parts));
        // 13/15/15/15/2 in one part.
        let pages = [13, 15, 15, 15, 2]
            .into_iter()
            .map(|n| page(part_rows(1, n)))
            .collect();
        assert!(rules_broken(pages).contains(&Rule::Parts));
        // The same rows on each part's pages, evenly spread: no fault.
        let pages = [12, 16, 16, 12, 16, 16]
            .into_iter()
            .enumerate()
            .map(|(k, n)| page(part_rows(1 + k as u32 / 3, n)))
            .collect();
        assert!(rules_broken(pages).is_empty());
    }

    /// The text items of `lines` laid out in `size` pt, one paragraph with forced breaks.
    fn text(lines: &[&str], size: f32) -> Vec<Item> {
        let body = lines.join("<br/>");
        let doc = parse(&format!(
            "<document><p size=\"{size}\">{body}</p></document>"
        ))
        .unwrap();
        layout(&doc, &Default::default()).pages[0]
            .items
            .iter()
            .filter(|i| matches!(i, Item::Text { .. }))
            .cloned()
            .collect()
    }

    #[test]
    fn a_heading_ending_a_page_is_caught() {
        let pages = vec![
            page(vec![(Mark::Text, 100.0), (heading(), 700.0)]),
            page(vec![(Mark::Writing, 60.0), (Mark::Writing, 80.0)]),
        ];
        assert_eq!(rules_broken(pages), vec![Rule::KeepWithNext]);
    }

    #[test]
    fn a_heading_and_its_intro_with_one_line_under_them_are_caught() {
        let pages = vec![
            page(vec![
                (heading(), 660.0),
                (Mark::Intro, 680.0),
                (Mark::Writing, 700.0),
            ]),
            page(vec![(Mark::Writing, 60.0), (Mark::Writing, 80.0)]),
        ];
        assert_eq!(rules_broken(pages), vec![Rule::KeepWithNext]);
    }

    #[test]
    fn a_heading_with_two_lines_under_it_or_all_it_has_passes() {
        let two = vec![
            page(vec![
                (heading(), 660.0),
                (Mark::Writing, 680.0),
                (Mark::Writing, 700.0),
            ]),
            page(vec![(Mark::Writing, 60.0)]),
        ];
        assert!(rules_broken(two).is_empty());
        // One line is all `Volgend gesprek` has; the next page starts a heading of its own.
        let all = vec![
            page(vec![(heading(), 680.0), (Mark::Text, 700.0)]),
            page(vec![
                (heading(), 60.0),
                (Mark::Text, 80.0),
                (Mark::Text, 100.0),
            ]),
        ];
        assert!(rules_broken(all).is_empty());
    }

    #[test]
    fn a_table_header_with_one_row_at_the_foot_is_caught() {
        let pages = vec![
            page(vec![
                (heading(), 640.0),
                (row(RowRole::Header), 660.0),
                (row(RowRole::Body), 680.0),
            ]),
            page(vec![
                (row(RowRole::Header), 60.0),
                (row(RowRole::Body), 80.0),
                (row(RowRole::Body), 100.0),
            ]),
        ];
        let broken = rules_broken(pages);
        assert!(broken.contains(&Rule::KeepWithNext), "{broken:?}");
        assert!(broken.contains(&Rule::TableBreak), "{broken:?}");
    }

    #[test]
    fn a_continuation_page_with_a_lone_row_is_caught() {
        let mut first = vec![(row(RowRole::Header), 60.0)];
        first.extend((0..5).map(|i| (row(RowRole::Body), 80.0 + 20.0 * i as f32)));
        let pages = vec![
            page(first),
            page(vec![
                (row(RowRole::Header), 60.0),
                (row(RowRole::Body), 80.0),
            ]),
        ];
        assert_eq!(rules_broken(pages), vec![Rule::TableBreak]);
    }

    #[test]
    fn summary_rows_torn_apart_are_caught() {
        let mut first: Vec<(Mark, f32)> = (0..5)
            .map(|i| (row(RowRole::Body), 80.0 + 20.0 * i as f32))
            .collect();
        first.push((row(RowRole::Summary), 200.0));
        let pages = vec![
            page(first),
            page(vec![
                (row(RowRole::Body), 60.0),
                (row(RowRole::Body), 80.0),
                (row(RowRole::Summary), 100.0),
            ]),
        ];
        assert!(rules_broken(pages).contains(&Rule::Summary));
    }

    #[test]
    fn hyphens_in_headers_names_or_after_two_letters_are_caught() {
        let hyphen = |head: &str, tail: &str, header: bool| {
            (
                Mark::Hyphen {
                    head: head.into(),
                    tail: tail.into(),
                    header,
                    cut: false,
                },
                100.0,
            )
        };
        for bad in [
            hyphen("on-", "dersteuning", true),
            hyphen("le-", "ren", false),
            hyphen("teambehoef-", "te", false),
            hyphen("Cha-", "ouki", false),
            hyphen("[practi-", "ce]", false),
            (
                Mark::Hyphen {
                    head: "31/03/202".into(),
                    tail: "7".into(),
                    header: false,
                    cut: true,
                },
                100.0,
            ),
        ] {
            let name = format!("{bad:?}");
            assert_eq!(
                rules_broken(vec![page(vec![bad])]),
                vec![Rule::Hyphen],
                "{name}"
            );
        }
        let good = hyphen("ontwik-", "kelingsplan", false);
        assert!(rules_broken(vec![page(vec![good])]).is_empty());
    }

    #[test]
    fn a_date_split_over_two_lines_is_caught() {
        let mut p = page(Vec::new());
        p.items = text(&["Tegen 1", "maart 2027"], 11.0);
        assert_eq!(rules_broken(vec![p]), vec![Rule::Split]);
        let mut p = page(Vec::new());
        p.items = text(&["Tegen", "1 maart 2027"], 11.0);
        assert!(rules_broken(vec![p]).is_empty());
    }

    #[test]
    fn small_type_is_caught_but_not_in_a_running_line() {
        let mut p = page(Vec::new());
        p.items = text(&["Actie: wat?"], 9.5);
        assert_eq!(rules_broken(vec![p.clone()]), vec![Rule::Size]);
        let Some(Item::Text { y, .. }) = p.items.first().cloned() else {
            panic!("text laid out")
        };
        p.items.push(Item::Mark {
            x: 0.0,
            y: y - 12.0,
            w: 600.0,
            h: 14.0,
            mark: Mark::Running,
        });
        assert!(rules_broken(vec![p]).is_empty());
    }

    /// A table with a header and a row taller than a page, laid out.
    fn tall_row() -> Laid {
        let lines =
            vec!["Een regel tekst in een cel die niet op één bladzijde past"; 80].join("<br/>");
        let doc = parse(&format!(
            "<document><section><table widths=\"1fr 1fr\" padding=\"4pt\" border=\"0.5pt\"><tr header=\"true\"><td><b>Wat?</b></td><td><b>Hoe?</b></td></tr><tr><td><p>{lines}</p></td><td><p>Kort</p></td></tr></table></section></document>"
        ))
        .unwrap();
        layout(&doc, &Default::default())
    }

    #[test]
    fn a_cell_continued_under_the_repeated_header_keeps_its_padding() {
        let laid = tall_row();
        assert!(laid.pages.len() >= 2, "the row splits over pages");
        let faults = lint(&laid, &Rules::default());
        assert!(faults.is_empty(), "{faults:?}");
        // The same page with the continued text moved up against the header is caught.
        let mut bad = laid.clone();
        let header_bottom = bad.pages[1]
            .items
            .iter()
            .find_map(|i| match i {
                Item::Mark {
                    y,
                    h,
                    mark:
                        Mark::Row {
                            role: RowRole::Header,
                            ..
                        },
                    ..
                } => Some(y + h),
                _ => None,
            })
            .expect("the header repeats on page 2");
        for i in &mut bad.pages[1].items {
            if let Item::Text { y, .. } = i
                && *y > header_bottom
            {
                *y -= 4.0;
            }
        }
        let rules: Vec<Rule> = lint(&bad, &Rules::default())
            .into_iter()
            .map(|f| f.rule)
            .collect();
        assert_eq!(rules, vec![Rule::Padding]);
    }

    #[test]
    fn print_near_the_paper_edge_is_caught() {
        let mut p = page(Vec::new());
        p.items = text(&["Groenkracht"], 11.0)
            .into_iter()
            .map(|i| {
                let Item::Text { y, .. } = i else { panic!() };
                i.offset(0.0, 14.0 - y)
            })
            .collect();
        assert_eq!(rules_broken(vec![p]), vec![Rule::Edge]);
    }
}
