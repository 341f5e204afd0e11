//! Numbers and dates as popdruk writes them in messages and documents, the way Belgian
//! users write them: `0,8`, `17/02/2026`, `17 februari 2026`.
//!
//! The one place for shared formatting: `input` shows a cell's value with it, `model`
//! names values in its diagnostics, `context`, `compliance` and the reports print dates
//! and numbers with it, `layout` knows the month names. Reading a date or number the user
//! typed is `model::value`'s; the template-facing forms of a date are `context`'s.

use chrono::{Datelike, NaiveDate};

/// Formats a number the way a Belgian spreadsheet shows it (`0,8`, `12`).
pub fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}").replace('.', ",")
    }
}

/// The date printed as Belgians write it in forms: `17/02/2026`.
pub fn format_date(d: NaiveDate) -> String {
    format!("{:02}/{:02}/{}", d.day(), d.month(), d.year())
}

/// Dutch month names, lower case as Flemish usage writes them in running text.
pub const MONTHS_NL: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

/// English month names, lower case (capitalise them for printing).
pub const MONTHS_EN: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The word with its first letter in upper case.
pub fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
