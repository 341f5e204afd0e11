//! popdruk: turns a team's workbook into print-ready POP documents.
//!
//! The pipeline is the architecture (`docs/architecture.md` draws it, with what each
//! module may import):
//!
//! 1. [`input`] reads a workbook or CSV folder into raw tables, every cell with its sheet,
//!    row and column;
//! 2. [`model`] validates them into a [`model::Workbook`] plus [`diagnostic`]s;
//! 3. [`analysis`] derives the teammatrix numbers, [`compliance`] checks the POP rules;
//! 4. [`context`] gathers what each document prints, [`template`] renders it into markup;
//! 5. [`markup`] parses that markup, [`layout`] (with [`text`]: fonts, shaping, lines)
//!    places it on pages;
//! 6. [`pdf`] writes the pages as PDF bytes.
//!
//! [`build`] runs steps 4–6 for every document of a plan; [`run`] is the command-line edge
//! (it resolves options, reads and writes files through [`output`]) and [`report`] words
//! what a command prints; [`cli`] parses the flags, [`serve`] is the local web page. Small
//! shared vocabulary sits below every stage: [`i18n`], [`units`], [`style`], [`format`](mod@format),
//! [`naming`], [`notice`]; [`printable`] names the characters no font has by their cell,
//! [`terminal`] decides how messages look; [`init`] is what `popdruk init` writes (the
//! starter workbook, the sample team). Development tooling (generated organisations, invalid
//! samples, fuzz targets) is the `popdruk-testkit` crate of the workspace, not the product.

pub mod analysis;
pub mod build;
pub mod cli;
pub mod compliance;
pub mod context;
pub mod diagnostic;
pub mod format;
pub mod i18n;
pub mod init;
pub mod input;
pub mod layout;
pub mod markup;
pub mod model;
pub mod naming;
pub mod notice;
pub mod output;
pub mod pdf;
pub mod printable;
pub mod report;
pub mod run;
pub mod serve;
pub mod style;
pub mod template;
pub mod terminal;
pub mod text;
pub mod units;
