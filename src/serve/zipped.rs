//! One ZIP of everything a build made, in memory, with the paths as they stand in the
//! output folder.

use std::io::Write;
use std::path::{Path, PathBuf};

use zip::write::SimpleFileOptions;

/// Packs `files` (inside `base`) into a ZIP; PDFs are compressed already, so stored.
pub fn pack(base: &Path, files: &[PathBuf]) -> std::io::Result<Vec<u8>> {
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .last_modified_time(zip::DateTime::default());
    let mut sorted: Vec<&PathBuf> = files.iter().collect();
    sorted.sort();
    sorted.dedup();
    for file in sorted {
        let Ok(relative) = file.strip_prefix(base) else {
            continue;
        };
        let name = relative.to_string_lossy().replace('\\', "/");
        out.start_file(name, options)
            .map_err(std::io::Error::other)?;
        out.write_all(&std::fs::read(file)?)?;
    }
    let cursor = out.finish().map_err(std::io::Error::other)?;
    Ok(cursor.into_inner())
}
