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
        // Consecutive text items on one baseline print as one line of text.
        let mut line: Option<(f32, f32, f32, String)> = None;
        let flush = |line: &mut Option<(f32, f32, f32, String)>, s: &mut String| {
            if let Some((x, y, size, t)) = line.take() {
                let _ = writeln!(s, "  text {} {} {}pt {:?}", r(x), r(y), r(size), t);
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
                    match &mut line {
                        Some((_, ly, _, t)) if (*ly - y).abs() < 0.01 => t.push_str(&run.text),
                        _ => {
                            flush(&mut line, &mut s);
                            line = Some((*x, *y, *size, run.text.clone()));
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
                    "  vtext {} {} {}pt {:?}",
                    r(*x),
                    r(*y),
                    r(*size),
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
