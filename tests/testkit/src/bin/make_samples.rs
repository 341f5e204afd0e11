//! Regenerates the bundled samples from `popdruk_testkit`: `samples/team.xlsx`,
//! `samples/team.ods`, `samples/team-csv/` (`;`, UTF-8 with BOM, decimal comma) and the broken
//! workbooks of `samples/invalid/` with their README. Run from anywhere with
//! `cargo run -p popdruk-testkit --bin popdruk-make-samples`.

use std::path::Path;

use popdruk_testkit::{
    CsvEncoding, Payload, invalid_cases, invalid_readme, sample_team, write_csv_dir, write_ods,
    write_xlsx,
};

fn main() -> std::io::Result<()> {
    let samples = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../samples")
        .canonicalize()?;
    let team = sample_team();
    std::fs::create_dir_all(&samples)?;
    std::fs::write(samples.join("logo.png"), logo())?;
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

/// The sample organisation's logo: a green leaf and three bars, drawn pixel by pixel so the
/// sample needs no image editor. Transparent outside the shapes.
fn logo() -> Vec<u8> {
    let (w, h) = (360u32, 120u32);
    let mut pixels = vec![0u8; (w * h * 4) as usize];
    let mut put = |x: u32, y: u32, rgb: [u8; 3]| {
        let i = ((y * w + x) * 4) as usize;
        pixels[i..i + 4].copy_from_slice(&[rgb[0], rgb[1], rgb[2], 255]);
    };
    for y in 0..h {
        for x in 0..w {
            let (dx, dy) = (x as f32 - 60.0, y as f32 - 60.0);
            // A leaf: the overlap of two discs.
            let a = (dx - 18.0).powi(2) + (dy + 18.0).powi(2) < 52.0f32.powi(2);
            let b = (dx + 18.0).powi(2) + (dy - 18.0).powi(2) < 52.0f32.powi(2);
            if a && b {
                let vein = (dx + dy).abs() < 2.5;
                put(x, y, if vein { [230, 245, 230] } else { [46, 125, 50] });
            }
            for (row, len, rgb) in [
                (30u32, 230u32, [46, 125, 50]),
                (56, 190, [102, 187, 106]),
                (82, 150, [239, 108, 0]),
            ] {
                if (130..130 + len).contains(&x) && (row..row + 14).contains(&y) {
                    put(x, y, rgb);
                }
            }
        }
    }
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, w, h);
    enc.set_color(png::ColorType::Rgba);
    enc.set_depth(png::BitDepth::Eight);
    let mut writer = enc.write_header().expect("png header");
    writer.write_image_data(&pixels).expect("png data");
    drop(writer);
    out
}
