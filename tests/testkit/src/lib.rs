//! Development tooling for popdruk, kept out of the product: generated organisations of any
//! size ([`organisation`]), the invalid samples and what popdruk must say about each
//! ([`invalid_cases`]), writers for `.ods`, `.xls` (a password-protected stub) and CSV
//! folders, and the fuzz targets' bodies ([`fuzzing`]). A dev-dependency of popdruk's tests,
//! benches and fuzz targets; `popdruk-generate` ([`generate`]) writes a generated
//! organisation.
//!
//! The sheets, the sample team and the `.xlsx` writer are the product's own (`popdruk init`
//! writes them) and are re-exported here, so tests import everything from one place.

mod cfb;
mod csv;
pub mod fuzzing;
pub mod generate;
mod invalid;
mod ods;
mod org;
mod rng;
#[cfg(test)]
mod tests;

pub use popdruk::init::*;

pub use self::cfb::password_protected_stub;
pub use self::csv::{CsvEncoding, write_csv_dir};
pub use self::invalid::{Expected, InvalidCase, Payload, invalid_cases, invalid_readme};
pub use self::ods::{ods_bytes, write_ods};
pub use self::org::organisation;
