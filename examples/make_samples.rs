//! Regenerates the bundled samples from `popdruk::synth`: `samples/team.xlsx`,
//! `samples/team.ods`, `samples/team-csv/` (`;`, UTF-8 with BOM, decimal comma) and the broken
//! workbooks of `samples/invalid/` with their README. Run from anywhere with
//! `cargo run --example make_samples`.

use std::path::Path;

use popdruk::synth::{
    CsvEncoding, Payload, invalid_cases, invalid_readme, sample_team, write_csv_dir, write_ods,
    write_xlsx,
};

fn main() -> std::io::Result<()> {
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let team = sample_team();
    std::fs::create_dir_all(&samples)?;
    write_xlsx(&samples.join("team.xlsx"), &team)?;
    write_ods(&samples.join("team.ods"), &team)?;
    write_csv_dir(
        &samples.join("team-csv"),
        &team,
        b';',
        CsvEncoding::Utf8Bom,
        true,
    )?;

    let invalid = samples.join("invalid");
    std::fs::create_dir_all(&invalid)?;
    let cases = invalid_cases()?;
    for case in &cases {
        let path = invalid.join(case.file);
        match &case.payload {
            Payload::Sheets(sheets) => write_xlsx(&path, sheets)?,
            Payload::Bytes(bytes) => std::fs::write(&path, bytes)?,
        }
    }
    std::fs::write(invalid.join("README.md"), invalid_readme(&cases))?;
    println!(
        "wrote {} and {} invalid samples",
        samples.display(),
        cases.len()
    );
    Ok(())
}
