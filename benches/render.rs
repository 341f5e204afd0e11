//! Benchmark: a document of 500 pages of tables and paragraphs, parsed, laid out and
//! written to PDF. Reports pages per second, the split between the stages, and peak memory
//! (VmHWM). Then a dossier of 2,000 sections with a 1,000-entry table of contents of page
//! references, against the same dossier with fixed numbers: what the layout passes cost.
//! Run with `cargo bench --bench render`.

use std::time::Instant;

use popdruk::layout::{Options, layout_with};
use popdruk::text::Shaper;

/// Markup for `n` blocks of a heading, two paragraphs and a table of 12 rows.
fn markup(n: usize) -> String {
    let mut s = String::from(
        r#"<document title="Bench" lang="nl-BE"><footer align="right">Pagina <page/> van <pages/></footer>"#,
    );
    for i in 0..n {
        s.push_str(&format!(
            "<h2>Medewerker {i}</h2><p>Het persoonlijk ontwikkelingsplan van medewerker {i} wordt samen \
             opgemaakt en minstens elke twaalf maanden bijgewerkt. Het bevat minstens twee verbeteracties \
             met ondersteuning, verantwoordelijke en timing.</p><p align=\"justify\">Afspraken worden \
             opgevolgd in een opvolgingsgesprek; bij de evaluatie wordt het niveau in de teammatrix \
             aangepast en de volgende cyclus gepland.</p><table widths=\"10mm 3fr 2fr 25mm\"><thead><tr>\
             <th>Nr</th><th>Afspraak</th><th>Wie</th><th>Tegen</th></tr></thead>"
        ));
        for r in 0..12 {
            s.push_str(&format!(
                "<tr><td>{r}</td><td>Meelopen met Ilse bij schilderwerken, {r} dagen per week</td>\
                 <td>Begeleider {i}</td><td>{:02}/02/2026</td></tr>",
                r + 1
            ));
        }
        s.push_str("</table>");
    }
    s.push_str("</document>");
    s
}

/// A dossier: a table of contents with `entries` rows, then `sections` sections (each on an
/// odd page) of a heading and two blocks of text and a table. Each row links to every
/// second section and prints its page with `<pageref>`, or `0000` when `refs` is false.
fn dossier(sections: usize, entries: usize, refs: bool) -> String {
    let mut s = String::from(
        r#"<document title="Dossier" lang="nl-BE"><footer align="right">Pagina <page/> van <pages/></footer>"#,
    );
    s.push_str(&contents(sections, entries, refs, true));
    s.push_str(&sections_markup(sections));
    s.push_str("</document>");
    s
}

/// The dossier's table of contents, its rows linked to the sections when `links`.
fn contents(sections: usize, entries: usize, refs: bool, links: bool) -> String {
    let mut s = String::from(r#"<h1 id="inhoud">Inhoud</h1><table widths="1fr 20mm" border="0">"#);
    for e in 0..entries {
        let i = e * sections / entries;
        let number = if refs {
            format!(r#"<pageref to="s{i}"/>"#)
        } else {
            "0000".to_string()
        };
        let link = if links {
            format!(r#" link="s{i}""#)
        } else {
            String::new()
        };
        s.push_str(&format!(
            r#"<tr{link}><td>Dossier van medewerker {i}</td><td align="right">{number}</td></tr>"#
        ));
    }
    s.push_str("</table>");
    s
}

/// The dossier's sections.
fn sections_markup(sections: usize) -> String {
    let mut s = String::new();
    for i in 0..sections {
        s.push_str(&format!(
            r#"<section start="odd"><h1 id="s{i}" link="inhoud">Dossier van medewerker {i}</h1>"#
        ));
        for part in 0..2 {
            s.push_str(&format!(
                "<h2>Deel {part}</h2><p>Het persoonlijk ontwikkelingsplan van medewerker {i} wordt                  samen opgemaakt en minstens elke twaalf maanden bijgewerkt.</p><table widths=\"10mm \
                 3fr 2fr 25mm\"><thead><tr><th>Nr</th><th>Afspraak</th><th>Wie</th><th>Tegen</th>\
                 </tr></thead>"
            ));
            for r in 0..12 {
                s.push_str(&format!(
                    "<tr><td>{r}</td><td>Meelopen met Ilse bij schilderwerken, {r} dagen per \
                     week</td><td>Begeleider {i}</td><td>{:02}/02/2026</td></tr>",
                    r + 1
                ));
            }
            s.push_str("</table>");
        }
        s.push_str("</section>");
    }
    s
}

fn vm_hwm_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
        })
        .unwrap_or(0)
}

/// CPU time (user + system) of this process in seconds, from /proc/self/stat: unlike
/// wall time, it does not count time the machine spent on other processes.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (which is in parentheses): utime is the 14th field.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<i64> = rest
        .split_whitespace()
        .skip(1)
        .filter_map(|v| v.parse().ok())
        .collect();
    // After the state (field 3), f[0] is field 4: utime (14) and stime (15) are f[10], f[11].
    let ticks = f.get(10).copied().unwrap_or(0) + f.get(11).copied().unwrap_or(0);
    ticks as f64 / 100.0
}

fn main() {
    let text = markup(600);
    let mut shaper = Shaper::default();
    // Warm up the font parsing and the shaping cache once, as a real run would.
    let warm = popdruk::markup::parse(&markup(2)).unwrap();
    let _ =
        popdruk::pdf::Writer::new().write(&layout_with(&warm, &Options::default(), &mut shaper));

    let runs = 3;
    let cpu0 = cpu_seconds();
    let (mut t_parse, mut t_layout, mut t_pdf) = (0.0, 0.0, 0.0);
    let mut pages = 0;
    let mut bytes = 0;
    for _ in 0..runs {
        let t0 = Instant::now();
        let doc = popdruk::markup::parse(&text).unwrap();
        let t1 = Instant::now();
        let laid = layout_with(&doc, &Options::default(), &mut shaper);
        let t2 = Instant::now();
        let pdf = popdruk::pdf::Writer::new().write(&laid).unwrap().bytes;
        let t3 = Instant::now();
        t_parse += (t1 - t0).as_secs_f64();
        t_layout += (t2 - t1).as_secs_f64();
        t_pdf += (t3 - t2).as_secs_f64();
        pages = laid.pages.len();
        bytes = pdf.len();
    }
    let cpu = (cpu_seconds() - cpu0) / runs as f64;
    let n = runs as f64;
    let total = (t_parse + t_layout + t_pdf) / n;
    println!("pages per document: {pages}, PDF size: {} KB", bytes / 1024);
    println!(
        "per document: parse {:.1} ms, layout {:.1} ms, pdf {:.1} ms, total {:.1} ms",
        t_parse / n * 1e3,
        t_layout / n * 1e3,
        t_pdf / n * 1e3,
        total * 1e3
    );
    println!(
        "throughput: {:.0} pages/s overall ({:.0} pages/s layout only, {:.0} pages/s pdf only)",
        pages as f64 / total,
        pages as f64 / ((t_parse + t_layout) / n),
        pages as f64 / (t_pdf / n)
    );
    println!(
        "CPU time per document: {:.1} ms ({:.0} pages per CPU-second; wall time is higher when the machine is busy)",
        cpu * 1e3,
        pages as f64 / cpu
    );
    println!("peak memory (VmHWM): {} MB", vm_hwm_kb() / 1024);

    // Memory must not grow with the number of documents written in one run.
    let small = popdruk::markup::parse(&markup(5)).unwrap();
    let before = vm_hwm_kb();
    for _ in 0..200 {
        let laid = layout_with(&small, &Options::default(), &mut shaper);
        let _ = popdruk::pdf::Writer::new().write(&laid);
    }
    println!(
        "VmHWM after 200 more small documents: {} MB (before: {} MB)",
        vm_hwm_kb() / 1024,
        before / 1024
    );

    // Page references: layout of the same dossier with and without them, alternating, the
    // best of four each (the machine is shared: CPU time, in 10 ms ticks, is steadier).
    println!();
    let docs =
        [false, true].map(|refs| popdruk::markup::parse(&dossier(2_000, 1_000, refs)).unwrap());
    let mut best = [(f64::MAX, f64::MAX, f64::MAX); 2];
    let mut laid_last: [Option<popdruk::layout::Laid>; 2] = [None, None];
    for round in 0..4 {
        // Alternate which goes first, so neither always finds the other's leftovers.
        for k in [round % 2, 1 - round % 2] {
            let (t0, c0) = (Instant::now(), cpu_seconds());
            let laid = layout_with(&docs[k], &Options::default(), &mut shaper);
            let (t_layout, c_layout) = (t0.elapsed().as_secs_f64(), cpu_seconds() - c0);
            let t1 = Instant::now();
            let _ = popdruk::pdf::Writer::new().write(&laid);
            let t_pdf = t1.elapsed().as_secs_f64();
            best[k] = (
                best[k].0.min(t_layout),
                best[k].1.min(c_layout),
                best[k].2.min(t_pdf),
            );
            laid_last[k] = Some(laid);
        }
    }
    // What one more pass costs: laying out the contents alone.
    let toc = format!(
        "<document>{}</document>",
        contents(2_000, 1_000, false, false)
    );
    let toc = popdruk::markup::parse(&toc).unwrap();
    let mut t_toc = f64::MAX;
    let mut toc_pages = 0;
    for _ in 0..5 {
        let t0 = Instant::now();
        toc_pages = layout_with(&toc, &Options::default(), &mut shaper)
            .pages
            .len();
        t_toc = t_toc.min(t0.elapsed().as_secs_f64());
    }
    for (k, laid) in laid_last.iter().flatten().enumerate() {
        println!(
            "dossier {} page references: {} pages, {} bookmarks, {} links; layout {:.0} ms \
             ({:.0} ms CPU, {} passes), pdf {:.0} ms",
            if k == 1 { "with" } else { "without" },
            laid.pages.len(),
            laid.bookmarks.len(),
            laid.pages
                .iter()
                .flat_map(|p| &p.items)
                .filter(|i| matches!(i, popdruk::layout::Item::Link { .. }))
                .count(),
            best[k].0 * 1e3,
            best[k].1 * 1e3,
            laid.passes,
            best[k].2 * 1e3,
        );
    }
    println!(
        "one more pass (the {toc_pages}-page contents laid out again): {:.1} ms",
        t_toc * 1e3
    );
}
