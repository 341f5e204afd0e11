//! popdruk: turns a team's workbook into print-ready POP documents.
//!
//! The pipeline is the architecture: `input` reads raw tables with cell positions, `model`
//! validates them into a [`model::Workbook`] plus diagnostics, `analysis` derives the
//! teammatrix numbers, `markup` and `layout` turn document markup into pages of positioned
//! items, and `pdf` writes those pages.

pub mod analysis;
pub mod build;
pub mod cli;
pub mod compliance;
pub mod context;
pub mod diagnostic;
pub mod format;
#[doc(hidden)]
pub mod fuzzing;
pub mod i18n;
pub mod input;
pub mod layout;
pub mod markup;
pub mod model;
pub mod naming;
pub mod notice;
pub mod output;
pub mod pdf;
pub mod printable;
pub mod run;
pub mod serve;
pub mod style;
pub mod summary;
pub mod synth;
pub mod template;
pub mod terminal;
pub mod text;
pub mod units;
