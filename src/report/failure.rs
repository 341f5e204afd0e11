//! Why a command could not run (exit 2), in the reader's language: what failed, and what
//! the system said, in plain words.

use std::path::Path;

use crate::i18n::{Lang, Tr};
use crate::template::TemplateError;
use crate::terminal::{Console, Verbosity};

/// Why a check or build could not run (exit 2): what failed, and the cause in the
/// reader's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// What failed, in both languages.
    pub message: Tr,
    /// What the system said, in the run's language.
    pub cause: Option<String>,
}

impl Failure {
    /// A failure with what failed and, where the system said why, the cause.
    pub fn new(message: Tr, cause: Option<String>) -> Failure {
        Failure { message, cause }
    }

    /// Prints the failure on stderr: `fout: …`, then `  oorzaak: …`.
    pub fn print(&self, lang: Lang) {
        let (word, caused) = match lang {
            Lang::Nl => ("fout", "oorzaak"),
            Lang::En => ("error", "caused by"),
        };
        let console = Console::detect(Verbosity::Normal);
        console.line(&format!("{word}: {}", self.message.get(lang)));
        if let Some(cause) = &self.cause {
            console.line(&format!("  {caused}: {cause}"));
        }
    }
}

/// What the system said when a file could not be read or written, in plain words: the
/// usual causes in the user's language, anything else as the system put it, without its
/// error number.
pub fn io_cause(e: &std::io::Error, lang: Lang) -> String {
    use std::io::ErrorKind as K;
    let (nl, en) = match e.kind() {
        K::NotFound => (
            "het bestand of de map bestaat niet",
            "the file or folder does not exist",
        ),
        K::PermissionDenied => (
            "geen toestemming (alleen-lezen, of in gebruik door een ander programma)",
            "permission denied (read-only, or in use by another program)",
        ),
        K::AlreadyExists => ("bestaat al", "already exists"),
        K::StorageFull => ("de schijf is vol", "the disk is full"),
        K::ReadOnlyFilesystem => ("de schijf is alleen-lezen", "the disk is read-only"),
        K::ResourceBusy => (
            "in gebruik door een ander programma",
            "in use by another program",
        ),
        K::NotADirectory => (
            "een deel van het pad is geen map",
            "part of the path is not a folder",
        ),
        K::IsADirectory => (
            "dit is een map, geen bestand",
            "this is a folder, not a file",
        ),
        // ENAMETOOLONG, which Rust counts as an invalid file name.
        K::InvalidFilename if cfg!(target_os = "linux") && e.raw_os_error() == Some(36) => (
            "de naam is te lang voor het bestandssysteem",
            "the name is too long for the file system",
        ),
        K::InvalidFilename => (
            "de naam kan niet als bestandsnaam",
            "the name cannot be a file name",
        ),
        // Windows: ERROR_SHARING_VIOLATION and ERROR_LOCK_VIOLATION.
        _ if cfg!(windows) && matches!(e.raw_os_error(), Some(32 | 33)) => (
            "in gebruik door een ander programma",
            "in use by another program",
        ),
        _ => {
            let said = e.to_string();
            let said = match said.rfind(" (os error ") {
                Some(at) => said[..at].to_string(),
                None => said,
            };
            return said;
        }
    };
    Tr::new(nl, en).get(lang).to_string()
}

/// Refuses to overwrite a file the user did not ask to replace.
pub fn already_exists(path: &Path) -> Failure {
    Failure::new(
        Tr::new(
            format!(
                "`{}` bestaat al: gebruik --force om te overschrijven",
                path.display()
            ),
            format!(
                "`{}` already exists: use --force to overwrite",
                path.display()
            ),
        ),
        None,
    )
}

/// A template error, naming the template, line and column.
pub fn template(e: &TemplateError) -> Failure {
    let place = |line: &str, column: &str| match (e.line, e.column) {
        (Some(l), Some(c)) => format!(", {line} {l}, {column} {c}"),
        _ => String::new(),
    };
    Failure::new(
        Tr::new(
            format!(
                "sjabloon `{}`{}: {}",
                e.template,
                place("regel", "kolom"),
                e.message_in(Lang::Nl)
            ),
            format!(
                "template `{}`{}: {}",
                e.template,
                place("line", "column"),
                e.message
            ),
        ),
        None,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_system_error_is_said_in_plain_words_without_its_number() {
        let gone = std::io::Error::from(std::io::ErrorKind::NotFound);
        assert_eq!(
            io_cause(&gone, Lang::Nl),
            "het bestand of de map bestaat niet"
        );
        assert_eq!(
            io_cause(&gone, Lang::En),
            "the file or folder does not exist"
        );
        let full = std::io::Error::from(std::io::ErrorKind::StorageFull);
        assert_eq!(io_cause(&full, Lang::Nl), "de schijf is vol");
        // Anything else as the system said it, without `(os error N)`.
        let odd = std::io::Error::from_raw_os_error(5);
        let said = io_cause(&odd, Lang::Nl);
        assert!(!said.contains("os error") && !said.is_empty(), "{said}");
    }
}
