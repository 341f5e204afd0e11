//! The integration tests, one binary: each module is one area of behaviour, run against the
//! library and the `popdruk` executable as a user would run it (samples, generated
//! workbooks, PDFs read back with lopdf). One binary links the crate once instead of once
//! per file. The real-browser suite is its own crate, `tests/browser/` (`bash .ci/browser`).

mod common;

mod build;
mod check;
mod cli;
mod compliance;
mod dossier;
mod findings;
mod fuzz_regressions;
mod hostile;
mod init;
mod killed;
mod languages;
mod layout;
mod leaks;
mod levels;
mod lint;
mod pdf;
mod properties;
mod real_workbooks;
mod serve;
mod workbook_properties;
