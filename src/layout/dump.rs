//! A plain-text rendering of laid-out pages, for snapshot tests and debugging.

use std::fmt::Write;

use super::{Item, Laid, Seg};

/// Dumps pages, their items (rounded to 0.1 pt), bookmarks and anchors as text, one item
/// a line.
pub fn dump(laid: &Laid) -> String {
    let mut s = String::new();
    let r = |v: f32| (v * 10.0).round() / 10.0;
    for (n, p) in laid.pages.iter().enumerate() {
        let _ = writeln!(
            s,
            "page {} {}x{} section {}{}",
            n + 1,
            r(p.width.0),
            r(p.height.0),
            p.section + 1,
            if p.blank { " blank" } else { "" }
        );
        // Consecutive text items on one baseline print as one line: its runs quoted, with
        // their face when it is not the regular one (`b"POP"`: bold, `i`, `bi`, `f` the
        // fallback face; touching runs of one face as one), and ` | ` where a gap wider than
        // a fifth of an em lies between two runs (the next cell, a tab).
        struct Line {
            x: f32,
            y: f32,
            size: f32,
            end: f32,
            /// Face, text, and whether a gap comes before it.
            parts: Vec<(crate::text::FaceId, String, bool)>,
        }
        let mut line: Option<Line> = None;
        let face_mark = |f: crate::text::FaceId| match f {
            crate::text::FaceId::REGULAR => "",
            crate::text::FaceId::BOLD => "b",
            crate::text::FaceId::ITALIC => "i",
            crate::text::FaceId::BOLD_ITALIC => "bi",
            _ => "f",
        };
        let flush = |line: &mut Option<Line>, s: &mut String| {
            if let Some(l) = line.take() {
                let mut t = String::new();
                for (i, (face, text, gap)) in l.parts.iter().enumerate() {
                    if i > 0 {
                        t.push_str(if *gap { " | " } else { " " });
                    }
                    let _ = write!(t, "{}{:?}", face_mark(*face), text);
                }
                let _ = writeln!(s, "  text {} {} {}pt {}", r(l.x), r(l.y), r(l.size), t);
            }
        };
        for it in &p.items {
            match it {
                Item::Text {
                    x,
                    y,
                    size,
                    run,
                    vertical,
                    ..
                } if !vertical => {
                    let end = x + run.width * size;
                    match &mut line {
                        Some(l) if (l.y - y).abs() < 0.01 => {
                            let gap = x - l.end > size * 0.2;
                            match l.parts.last_mut() {
                                Some((face, text, _)) if !gap && *face == run.face => {
                                    text.push_str(&run.text)
                                }
                                _ => l.parts.push((run.face, run.text.clone(), gap)),
                            }
                            l.end = end;
                        }
                        _ => {
                            flush(&mut line, &mut s);
                            line = Some(Line {
                                x: *x,
                                y: *y,
                                size: *size,
                                end,
                                parts: vec![(run.face, run.text.clone(), false)],
                            });
                        }
                    }
                    continue;
                }
                // Marks are for the lint; the dump shows what is drawn.
                Item::Mark { .. } => continue,
                _ => flush(&mut line, &mut s),
            }
            let _ = match it {
                Item::Text {
                    x, y, size, run, ..
                } => writeln!(
                    s,
                    "  vtext {} {} {}pt {}{:?}",
                    r(*x),
                    r(*y),
                    r(*size),
                    face_mark(run.face),
                    run.text
                ),
                Item::Rect {
                    x,
                    y,
                    w,
                    h,
                    fill,
                    stroke,
                } => writeln!(
                    s,
                    "  rect {} {} {}x{}{}{}",
                    r(*x),
                    r(*y),
                    r(*w),
                    r(*h),
                    if fill.is_some() { " fill" } else { "" },
                    if stroke.is_some() { " stroke" } else { "" }
                ),
                Item::Line { x1, y1, x2, y2, .. } => {
                    writeln!(s, "  line {} {} {} {}", r(*x1), r(*y1), r(*x2), r(*y2))
                }
                Item::Path { segs, fill, .. } => {
                    let start = segs.iter().find_map(|g| match g {
                        Seg::Move(x, y) => Some((r(*x), r(*y))),
                        _ => None,
                    });
                    writeln!(
                        s,
                        "  path {:?} {} segments{}",
                        start.unwrap_or_default(),
                        segs.len(),
                        if fill.is_some() { " fill" } else { "" }
                    )
                }
                Item::Image { src, x, y, w, h } => writeln!(
                    s,
                    "  image {:?} {} {} {}x{}",
                    src,
                    r(*x),
                    r(*y),
                    r(*w),
                    r(*h)
                ),
                Item::Link { x, y, w, h, to } => writeln!(
                    s,
                    "  link {} {} {}x{} to {:?}",
                    r(*x),
                    r(*y),
                    r(*w),
                    r(*h),
                    to
                ),
                Item::Mark { .. } => Ok(()),
            };
        }
        flush(&mut line, &mut s);
    }
    for b in &laid.bookmarks {
        let _ = writeln!(
            s,
            "bookmark {} {:?} page {} y {}",
            b.level,
            b.title,
            b.page + 1,
            r(b.y)
        );
    }
    for a in &laid.anchors {
        let _ = writeln!(s, "anchor {:?} page {} y {}", a.id, a.page + 1, r(a.y));
    }
    for w in &laid.warnings {
        let _ = writeln!(s, "warning {w}");
    }
    s
}
