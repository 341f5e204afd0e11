//! Benchmark: reading and validating generated organisations of 100, 1,000 and 5,000
//! employees, from xlsx and from a CSV folder. Run with `cargo bench --bench read`.

mod common;

use common::peak_rss_mb;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use popdruk::{input, model};
use popdruk_testkit::{self as synth, CsvEncoding};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(f());
                t.elapsed()
            })
            .collect(),
    )
}

fn main() {
    let dir: PathBuf = std::env::temp_dir().join(format!("popdruk-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    println!(
        "{:>6} {:>6} {:>10} {:>10} {:>10} {:>10}",
        "N", "form", "read ms", "check ms", "total ms", "rows"
    );
    for n in [100usize, 1_000, 5_000] {
        let sheets = synth::organisation(n, (n / 25).max(1), 42);
        let xlsx = dir.join(format!("org-{n}.xlsx"));
        synth::write_xlsx(&xlsx, &sheets).expect("write xlsx");
        let csv = dir.join(format!("org-{n}-csv"));
        synth::write_csv_dir(&csv, &sheets, b';', CsvEncoding::Utf8Bom, true).expect("write csv");
        for (form, path) in [("xlsx", &xlsx), ("csv", &csv)] {
            let runs = if n >= 5_000 { 3 } else { 7 };
            let source = input::read(path).expect("read");
            let rows: usize = source.tables.iter().map(|t| t.rows.len()).sum();
            let validated = model::validate(&source);
            assert!(!validated.has_errors(), "generated workbook has errors");
            let read = time(runs, || input::read(path).expect("read"));
            let check = time(runs, || model::validate(&source));
            println!(
                "{n:>6} {form:>6} {:>10.1} {:>10.1} {:>10.1} {rows:>10}",
                read.as_secs_f64() * 1e3,
                check.as_secs_f64() * 1e3,
                (read + check).as_secs_f64() * 1e3
            );
        }
    }
    println!("peak memory: {:.0} MB", peak_rss_mb());
    let _ = std::fs::remove_dir_all(&dir);
}
