//! An uploaded workbook placed in the session folder: its name cleaned to a plain one with
//! a known extension, its size bounded, a zip unpacked to a folder (a workbook with its
//! images, such as the logo, or CSV files), each file by its own cleaned name only, bounded
//! in count and size, so no zip bomb and no path.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::i18n::Tr;

/// The largest upload accepted: a workbook of a thousand employees is some megabytes.
pub const MAX_UPLOAD_BYTES: usize = 32 << 20;

/// The most files a zip may hold, and the most bytes they may unpack to together.
const MAX_FILES: usize = 64;
const MAX_UNPACKED: u64 = 64 << 20;

/// The refusal of an upload over the limit.
pub fn too_large() -> Tr {
    Tr::new(
        format!(
            "het bestand is groter dan {} MB: is dit wel de werkmap van het team?",
            MAX_UPLOAD_BYTES >> 20
        ),
        format!(
            "the file is larger than {} MB: is this the team's workbook?",
            MAX_UPLOAD_BYTES >> 20
        ),
    )
}

/// Writes the upload named `name` into the new folder `folder`; the path to check and
/// build: the workbook file, or the folder of CSV files a zip held.
pub fn place(folder: &Path, name: &str, bytes: &[u8]) -> Result<PathBuf, Tr> {
    let name = name.rsplit(['/', '\\']).next().unwrap_or("");
    let (stem, ext) = match name.rsplit_once('.') {
        Some((s, e)) => (s, e.to_ascii_lowercase()),
        None => (name, String::new()),
    };
    if !["xlsx", "xlsm", "ods", "xls", "csv", "zip"].contains(&ext.as_str()) {
        return Err(Tr::new(
            format!(
                "`{name}` is geen werkmap: kies een .xlsx-, .ods- of .xls-bestand, of een .zip met .csv-bestanden"
            ),
            format!(
                "`{name}` is not a workbook: choose an .xlsx, .ods or .xls file, or a .zip of .csv files"
            ),
        ));
    }
    if bytes.is_empty() {
        return Err(Tr::new(
            format!("`{name}` is leeg"),
            format!("`{name}` is empty"),
        ));
    }
    let stem = clean(stem);
    let written = |e: std::io::Error| {
        Tr::new(
            format!("kan de werkmap niet bewaren: {e}"),
            format!("cannot keep the workbook: {e}"),
        )
    };
    std::fs::create_dir_all(folder).map_err(written)?;
    if ext != "zip" {
        let path = folder.join(format!("{stem}.{ext}"));
        crate::output::write_atomic(&path, bytes).map_err(written)?;
        return Ok(path);
    }
    let target = folder.join(&stem);
    std::fs::create_dir_all(&target).map_err(written)?;
    let damaged = |e: &dyn std::fmt::Display| {
        Tr::new(
            format!("`{name}` is geen leesbare zip ({e})"),
            format!("`{name}` is not a readable zip ({e})"),
        )
    };
    let too_much = || {
        Tr::new(
            format!(
                "`{name}` pakt uit tot meer dan {MAX_FILES} bestanden of {} MB: dit is geen werkmap",
                MAX_UNPACKED >> 20
            ),
            format!(
                "`{name}` unpacks to more than {MAX_FILES} files or {} MB: this is not a workbook",
                MAX_UNPACKED >> 20
            ),
        )
    };
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| damaged(&e))?;
    // A zip with a workbook in it is that workbook with its images (the logo); any other
    // zip is a folder of CSV files.
    let workbook = (0..zip.len())
        .filter_map(|i| zip.name_for_index(i)?.ok().map(|n| n.into_owned()))
        .filter(|n| !n.contains("__MACOSX"))
        .filter(|n| {
            let lower = n.to_ascii_lowercase();
            [".xlsx", ".xlsm", ".ods", ".xls"]
                .iter()
                .any(|e| lower.ends_with(e))
        })
        .collect::<Vec<_>>();
    if workbook.len() > 1 {
        return Err(Tr::new(
            format!("`{name}` bevat meer dan één werkmap: zet er één in de zip"),
            format!("`{name}` holds more than one workbook: put one in the zip"),
        ));
    }
    let wanted: &[&str] = if workbook.is_empty() {
        &[".csv"]
    } else {
        &[".xlsx", ".xlsm", ".ods", ".xls", ".png", ".jpg", ".jpeg"]
    };
    let mut total: u64 = 0;
    let mut names: Vec<String> = Vec::new();
    let mut found = None;
    for i in 0..zip.len() {
        let entry = zip.by_index(i).map_err(|e| damaged(&e))?;
        let inner = entry.name().map(|n| n.into_owned()).unwrap_or_default();
        let base = inner.rsplit(['/', '\\']).next().unwrap_or("");
        let lower = base.to_ascii_lowercase();
        let Some(ext) = wanted.iter().find(|e| lower.ends_with(*e)) else {
            continue;
        };
        // Mac archives carry `__MACOSX/._name.csv` shadows: not sheets.
        if entry.is_dir() || inner.contains("__MACOSX") || base.starts_with('.') {
            continue;
        }
        let file = format!("{}{ext}", clean(&base[..base.len() - ext.len()]));
        if names.iter().any(|n| n.eq_ignore_ascii_case(&file)) {
            return Err(Tr::new(
                format!("`{name}` bevat `{file}` twee keer"),
                format!("`{name}` holds `{file}` twice"),
            ));
        }
        if names.len() >= MAX_FILES || total.saturating_add(entry.size()) > MAX_UNPACKED {
            return Err(too_much());
        }
        // The size the zip claims is not trusted: read at most what is left, and a byte.
        let left = MAX_UNPACKED - total;
        let mut data = Vec::new();
        entry
            .take(left + 1)
            .read_to_end(&mut data)
            .map_err(|e| damaged(&e))?;
        total += data.len() as u64;
        if total > MAX_UNPACKED {
            return Err(too_much());
        }
        let path = target.join(&file);
        crate::output::write_atomic(&path, &data).map_err(written)?;
        if workbook.iter().any(|w| w == &inner) {
            found = Some(path);
        }
        names.push(file);
    }
    if let Some(path) = found {
        return Ok(path);
    }
    if names.is_empty() {
        return Err(Tr::new(
            format!(
                "`{name}` bevat geen werkmap en geen .csv-bestanden: zet de werkmap, of elk blad als CSV-bestand, in de zip"
            ),
            format!(
                "`{name}` holds no workbook and no .csv files: put the workbook, or each sheet as a CSV file, in the zip"
            ),
        ));
    }
    Ok(target)
}

/// A name made plain: letters, digits, spaces, `-` and `_` kept, anything else `_`, at most
/// 60 characters, never empty and never starting with a dot.
fn clean(stem: &str) -> String {
    let cleaned: String = stem
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, ' ' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .take(60)
        .collect();
    let cleaned = cleaned.trim().to_string();
    if cleaned.is_empty() {
        "werkmap".to_string()
    } else {
        cleaned
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_from_the_browser_becomes_a_plain_one() {
        assert_eq!(clean("../../etc/passwd"), "______etc_passwd");
        assert_eq!(clean(""), "werkmap");
        assert_eq!(clean("Team Ayşe"), "Team Ayşe");
        assert_eq!(clean(&"x".repeat(200)).len(), 60);
    }

    #[test]
    fn only_workbooks_and_zips_are_taken() {
        let dir = std::env::temp_dir().join(format!("popdruk-upload-{}", std::process::id()));
        let refused = place(&dir, "foto.png", b"x").unwrap_err();
        assert!(refused.nl.contains("is geen werkmap"), "{}", refused.nl);
        let empty = place(&dir, "team.xlsx", b"").unwrap_err();
        assert_eq!(empty.en, "`team.xlsx` is empty");
        let path = place(&dir, "C:\\Users\\x\\..\\team.xlsx", b"PK").unwrap();
        assert_eq!(path, dir.join("team.xlsx"));
        std::fs::remove_dir_all(dir).ok();
    }
}
