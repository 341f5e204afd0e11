//! Notices: warnings about the files a run makes (a character no font has, a teammatrix
//! split over column blocks), collected while building and printed by the edge that ran it.
//!
//! Below both `build` and `printable`, which make them. Problems in the data itself are
//! diagnostics ([`crate::diagnostic`]), not notices.

/// A warning from laying out a document (a character no font has).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// The file (or employee folder, or `alle documenten`) it concerns.
    pub file: String,
    /// What is wrong, in both languages: the edge that prints it picks the reader's.
    pub message: crate::i18n::Tr,
    /// The character it is about, for a character no font has.
    pub glyph: Option<char>,
    /// The workbook cell it comes from, when a value of the data causes it.
    pub at: Option<crate::diagnostic::Location>,
}
