//! Wording what a command did, for the person at the terminal: one file per command's
//! output. `check` prints the problems with the data, a summary, the teammatrix, the
//! findings and the planning ([`check`]), or them as a table ([`check_table`]); `build`
//! prints the warnings about its files and a closing line ([`build`]); any command that
//! cannot run says why ([`failure`]).
//!
//! Nothing here reads files or decides what to do: `run` resolves the options and does the
//! work, then hands the results here to be worded. The page (`serve`) words its own.

pub mod build;
pub mod check;
pub mod check_table;
pub mod failure;
