//! popdruk: turns a team's workbook into print-ready POP documents.
//!
//! The pipeline is the architecture: `input` reads raw tables with cell positions, `model`
//! validates them into a [`model::Workbook`] plus diagnostics. Later stages (analysis,
//! templates, layout, pdf) take the validated model from there.

pub mod layout;
pub mod markup;
pub mod output;
pub mod pdf;
pub mod render;
pub mod synth;
pub mod text;
pub mod units;
