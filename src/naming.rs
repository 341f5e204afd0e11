//! Names of the files and folders a run writes, made from the workbook's data: safe on
//! every file system, keeping letters such as `ş` and `ł`.
//!
//! Below both `build` (which names the files it makes) and `printable` (whose notices name
//! an employee's folder). Making the names of a whole run unique is `build::Names`.

use crate::model::Employee;

/// The longest file-name part made from data, in characters: with the document's kind
/// before it and `.pdf` after, a name stays well within the 255 bytes a file system allows.
pub const MAX_NAME_CHARS: usize = 60;

/// A file-name part safe on Windows, macOS and Linux, keeping letters such as `ş` and `ł`:
/// no separators or characters Windows refuses, no leading or trailing dots, at most
/// [`MAX_NAME_CHARS`] characters, never a device name (`CON`, `NUL`). May be empty: a
/// caller puts a name of its own in place of that.
pub fn safe_name(s: &str) -> String {
    let cleaned: String = s
        .chars()
        .map(|c| match c {
            '<' | '>' | ':' | '"' | '/' | '\\' | '|' | '?' | '*' => '-',
            c if c.is_control() => '-',
            c if c.is_whitespace() => '-',
            c => c,
        })
        .collect();
    let mut out = String::with_capacity(cleaned.len());
    for c in cleaned.chars() {
        if c == '-' && (out.is_empty() || out.ends_with('-')) {
            continue;
        }
        out.push(c);
    }
    let out: String = out
        .trim_start_matches(['-', '.'])
        .chars()
        .take(MAX_NAME_CHARS)
        .collect();
    let out = out.trim_end_matches(['-', '.', ' ']).to_string();
    const DEVICES: [&str; 22] = [
        "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8",
        "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    ];
    let stem = out.split('.').next().unwrap_or_default();
    if DEVICES.iter().any(|d| d.eq_ignore_ascii_case(stem)) {
        return format!("_{out}");
    }
    out
}

/// `M003-Yılmaz-Ayşe`: the employee's folder, or `rij-12` (the row of `Medewerkers`) when
/// nothing of the ID and name is left once cleaned.
pub fn folder_name(e: &Employee) -> String {
    let name = safe_name(&format!("{}-{}-{}", e.id, e.last_name, e.first_name));
    if name.is_empty() {
        format!("rij-{}", e.row)
    } else {
        name
    }
}

/// `pop-M003-Yılmaz-Ayşe.pdf`.
pub fn file_name(kind: &str, e: &Employee) -> String {
    format!("{kind}-{}.pdf", folder_name(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_safe_on_windows_and_keep_letters() {
        assert_eq!(safe_name("M003 Yılmaz: Ayşe?"), "M003-Yılmaz-Ayşe");
        assert_eq!(safe_name("a/b\\c|d*e<f>g\"h"), "a-b-c-d-e-f-g-h");
        assert_eq!(safe_name("Van den Broeck."), "Van-den-Broeck");
        // Nothing left, a hidden file, a device name, a name longer than a file system takes.
        assert_eq!(safe_name("?/.-/"), "");
        assert_eq!(safe_name(".."), "");
        assert_eq!(safe_name(".profiel"), "profiel");
        assert_eq!(safe_name("nul"), "_nul");
        assert_eq!(safe_name("Com1.pdf"), "_Com1.pdf");
        assert_eq!(safe_name(&"ë".repeat(300)).chars().count(), MAX_NAME_CHARS);
        let e = Employee {
            id: "M004".into(),
            first_name: "Łukasz".into(),
            last_name: "Wójcik".into(),
            ..Employee::default()
        };
        assert_eq!(file_name("pop", &e), "pop-M004-Wójcik-Łukasz.pdf");
        let nobody = Employee {
            id: "?".into(),
            first_name: ".".into(),
            last_name: "/".into(),
            row: 12,
            ..Employee::default()
        };
        assert_eq!(folder_name(&nobody), "rij-12");
    }
}
