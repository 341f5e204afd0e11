//! Benchmark: a document of 500 pages of tables and paragraphs, parsed, laid out and
//! written to PDF. Reports pages per second, the split between the stages, and peak memory
//! (VmHWM). Run with `cargo bench --bench render`.

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
    let _ = popdruk::pdf::write(&layout_with(&warm, &Options::default(), &mut shaper));

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
        let pdf = popdruk::pdf::write(&laid);
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
        let _ = popdruk::pdf::write(&laid);
    }
    println!(
        "VmHWM after 200 more small documents: {} MB (before: {} MB)",
        vm_hwm_kb() / 1024,
        before / 1024
    );
}
