//! `popdruk-generate` writes a workbook, or a folder of CSV files, that popdruk reads
//! without a single error.

use std::path::Path;
use std::process::Command;

fn generate(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_popdruk-generate"))
        .args(args)
        .output()
        .expect("popdruk-generate runs")
}

/// The employees of the workbook at `path`, after checking it has no errors.
fn employees_read(path: &Path) -> usize {
    let source = popdruk::input::read(path).expect("readable");
    let validated = popdruk::model::validate(&source);
    assert!(!validated.has_errors(), "{:?}", validated.diagnostics);
    validated.workbook.employees.len()
}

#[test]
fn the_generator_writes_a_workbook_and_a_csv_folder_popdruk_reads_without_errors() {
    let dir = std::env::temp_dir().join(format!("popdruk-generate-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let xlsx = dir.join("org.xlsx");
    let out = generate(&["60", xlsx.to_str().unwrap(), "--seed", "3"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(employees_read(&xlsx), 60);
    let csv = dir.join("org-csv");
    assert_eq!(
        generate(&["30", csv.to_str().unwrap()]).status.code(),
        Some(0)
    );
    assert_eq!(employees_read(&csv), 30);
    assert_eq!(generate(&["thirty", "x.xlsx"]).status.code(), Some(2));
    std::fs::remove_dir_all(dir).ok();
}
