//! Benchmark: the whole `popdruk build` over generated organisations of 100, 1,000 and
//! 5,000 employees, with the time of each pipeline stage, pages per second, bytes per page
//! and peak memory. Each size runs in a child process so its peak memory is its own.
//!
//! Run with `cargo bench --bench build` (or `cargo bench --bench build -- 1000` for one size).

mod common;

use common::peak_rss_mb;

use std::process::Command;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use popdruk::build::{self, Kind, Plan};
use popdruk::context;
use popdruk::i18n::Lang;
use popdruk::template::Templates;
use popdruk::{input, layout, markup, model, pdf};
use popdruk_testkit as synth;

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Measures one organisation size in this process.
fn measure(n: usize) {
    let dir = std::env::temp_dir().join(format!("popdruk-bench-build-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let xlsx = dir.join("org.xlsx");
    synth::write_xlsx(&xlsx, &synth::organisation(n, (n / 25).max(1), 7)).expect("write");
    let date = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();

    let t = Instant::now();
    let source = input::read(&xlsx).expect("read");
    let read = t.elapsed();
    let t = Instant::now();
    let validated = model::validate(&source);
    let teams = popdruk::analysis::analyse(&validated.workbook, date);
    let check = t.elapsed();
    assert!(!validated.has_errors(), "generated workbook has errors");
    drop(teams);
    let wb = &validated.workbook;

    // The POP forms stage by stage, on one thread, to show where the time goes.
    let templates = Templates::load(&[]).expect("templates");
    let labels = templates.labels(Lang::Nl);
    let cells = popdruk::analysis::CellIndex::new(wb);
    let rows = popdruk::model::Index::new(wb);
    let (mut tpl, mut parse, mut lay, mut write) = Default::default();
    let (mut pages, mut bytes) = (0usize, 0usize);
    // One shaper for all forms, as each thread of the build keeps one.
    let mut shaper = popdruk::text::Shaper::default();
    for e in wb.employees.iter().filter(|e| e.in_service_on(date)) {
        let t = Instant::now();
        let ctx = context::employee(
            &rows,
            &cells,
            e,
            labels,
            Lang::Nl,
            date,
            date,
            &Default::default(),
        );
        let text = templates.render("pop.tera", &ctx).expect("render");
        tpl += t.elapsed();
        let t = Instant::now();
        let doc = markup::parse(&text).expect("markup");
        parse += t.elapsed();
        let t = Instant::now();
        let laid = layout::layout_with(&doc, &layout::Options::default(), &mut shaper);
        lay += t.elapsed();
        let t = Instant::now();
        let pdf = pdf::Writer::new().write(&laid).unwrap().bytes;
        write += t.elapsed();
        pages += laid.pages.len();
        bytes += pdf.len();
    }
    let pop_total: Duration = tpl + parse + lay + write;
    let forms = wb
        .employees
        .iter()
        .filter(|e| e.in_service_on(date))
        .count();

    // The whole build, every document, written to disk as `popdruk build` does.
    let out = dir.join("out");
    let plan = Plan::new(Kind::DEFAULT.to_vec(), Lang::Nl, date);
    let t = Instant::now();
    let mut notices = Vec::new();
    let mut files = 0usize;
    build::build(wb, &templates, &plan, &mut notices, |f| {
        let path = out.join(&f.path);
        if let Some(p) = path.parent() {
            std::fs::create_dir_all(p)?;
        }
        files += 1;
        popdruk::output::write_atomic(&path, f.bytes)
    })
    .expect("build");
    let whole = t.elapsed() + read + check;

    println!(
        "{n:>6} | {:>7.0} | {:>7.0} | {:>8.0} {:>7.0} {:>8.0} {:>8.0} | {:>7.0} | {:>6.2} | {:>8.0} | {:>6.1} | {:>9.0} | {files:>6} | {:>8.0}",
        ms(read),
        ms(check),
        ms(tpl),
        ms(parse),
        ms(lay),
        ms(write),
        pages as f64 / pop_total.as_secs_f64(),
        ms(pop_total) / forms as f64,
        bytes as f64 / pages as f64,
        bytes as f64 / forms as f64 / 1024.0,
        ms(whole),
        peak_rss_mb(),
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Measures the inspection dossier alone (`--only dossier`) in this process: time from the
/// workbook to `dossier.pdf`, its pages and size, and the peak memory.
fn measure_dossier(n: usize) {
    let dir =
        std::env::temp_dir().join(format!("popdruk-bench-dossier-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let xlsx = dir.join("org.xlsx");
    synth::write_xlsx(&xlsx, &synth::organisation(n, (n / 25).max(1), 7)).expect("write");
    let date = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
    let templates = Templates::load(&[]).expect("templates");
    let t = Instant::now();
    let source = input::read(&xlsx).expect("read");
    let validated = model::validate(&source);
    let plan = Plan::new(vec![Kind::Dossier], Lang::Nl, date);
    let mut notices = Vec::new();
    let mut out = popdruk::pdf::Pieces::default();
    build::build(&validated.workbook, &templates, &plan, &mut notices, |f| {
        out = f.bytes;
        Ok(())
    })
    .expect("build");
    let whole = t.elapsed();
    let out = out.into_vec();
    let pages = lopdf::Document::load_mem(&out)
        .map(|d| d.get_pages().len())
        .unwrap_or(0);
    let subjects = popdruk::compliance::subjects(&validated.workbook, date).count();
    println!(
        "{n:>6} | {subjects:>8} | {pages:>6} | {:>8.1} | {:>8.0} | {:>7.0}",
        out.len() as f64 / 1024.0 / 1024.0,
        ms(whole),
        peak_rss_mb(),
    );
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    if let Some(n) = args.first().and_then(|a| a.parse::<usize>().ok())
        && std::env::var_os("POPDRUK_BENCH_CHILD").is_some()
    {
        if std::env::var_os("POPDRUK_BENCH_DOSSIER").is_some() {
            measure_dossier(n);
        } else {
            measure(n);
        }
        return;
    }
    let sizes: Vec<usize> = match args.first().and_then(|a| a.parse().ok()) {
        Some(n) => vec![n],
        None => vec![100, 1_000, 5_000],
    };
    println!(
        "     N | read ms | check ms | POP forms, one thread: template  parse   layout  pdf-write | pages/s | ms/POP | B/page  | KB/POP | build ms  | files  | peak MB"
    );
    let exe = std::env::current_exe().expect("bench binary");
    let sizes_again = sizes.clone();
    for n in sizes {
        let status = Command::new(&exe)
            .arg(n.to_string())
            .env("POPDRUK_BENCH_CHILD", "1")
            .status()
            .expect("child runs");
        assert!(status.success());
    }
    println!("\nThe inspection dossier alone (--only dossier), workbook to PDF:");
    println!("     N | subjects |  pages |  size MB |  time ms | peak MB");
    for n in sizes_again {
        let status = Command::new(&exe)
            .arg(n.to_string())
            .env("POPDRUK_BENCH_CHILD", "1")
            .env("POPDRUK_BENCH_DOSSIER", "1")
            .status()
            .expect("child runs");
        assert!(status.success());
    }
}
