//! Reading one cell as a date, number, yes/no, level or choice, the way a Belgian
//! spreadsheet user writes them.

use chrono::NaiveDate;

use crate::diagnostic::is_invisible_control;
use crate::format::{MONTHS_EN, MONTHS_NL, capitalise, format_number};
use crate::i18n::Tr;
use crate::input::Cell;

/// Why a cell's value could not be read, and what was expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bad {
    /// What is wrong, naming the value.
    pub message: Tr,
    /// What would have been right.
    pub expected: Tr,
}

impl Bad {
    fn new(message: Tr, expected: Tr) -> Self {
        Bad { message, expected }
    }
}

/// The result of reading a cell: `Ok(None)` for an empty cell.
pub type Read<T> = Result<Option<T>, Bad>;

fn excel_error(e: &str) -> Bad {
    Bad::new(
        Tr::new(
            format!("de cel toont de Excel-fout `{e}`"),
            format!("the cell shows the Excel error `{e}`"),
        ),
        Tr::new(
            "een waarde; herstel de formule of typ de waarde in",
            "a value; repair the formula or type the value",
        ),
    )
}

/// Excel's error literals, also recognised when a tool saved them as plain text.
const ERROR_LITERALS: &[&str] = &[
    "#N/A", "#NB", "#REF!", "#VERW!", "#VALUE!", "#WAARDE!", "#DIV/0!", "#DEEL/0!", "#NAME?",
    "#NAAM?", "#NUM!", "#GETAL!", "#NULL!", "#LEEG!",
];

/// Normalises a cell: text equal to an Excel error literal counts as that error, and text
/// holding an invisible control character is refused.
fn check_error(cell: &Cell) -> Result<&Cell, Bad> {
    match cell {
        Cell::Error(e) => Err(excel_error(e)),
        Cell::Text(t) if ERROR_LITERALS.iter().any(|l| l.eq_ignore_ascii_case(t)) => {
            Err(excel_error(t))
        }
        Cell::Text(t) => match invisible(t) {
            Some((position, c)) => Err(invisible_character(position, c)),
            None => Ok(cell),
        },
        c => Ok(c),
    }
}

/// The first invisible control character of a text and its 1-based position in characters.
pub fn invisible(s: &str) -> Option<(usize, char)> {
    s.chars()
        .enumerate()
        .find(|(_, c)| is_invisible_control(*c))
        .map(|(i, c)| (i + 1, c))
}

fn invisible_character(position: usize, c: char) -> Bad {
    let code = format!("U+{:04X}", u32::from(c));
    Bad::new(
        Tr::new(
            format!("de cel bevat een onzichtbaar stuurteken ({code}) op positie {position}"),
            format!(
                "the cell holds an invisible control character ({code}) at position {position}"
            ),
        ),
        Tr::new(
            "tekst zonder stuurtekens: typ de cel opnieuw, of maak ze schoon met de Excel-functie `WISSEN.CONTROL` (`CLEAN`)",
            "text without control characters: type the cell again, or clean it with Excel's function `CLEAN`",
        ),
    )
}

/// Text as the user sees it (numbers as `0,8`, dates as `17/02/2026`).
pub fn text(cell: &Cell) -> Read<String> {
    let cell = check_error(cell)?;
    Ok(match cell {
        Cell::Empty => None,
        c => Some(c.display()),
    })
}

fn expected_date() -> Tr {
    Tr::new(
        "een datum zoals `17/02/2026`",
        "a date such as `17/02/2026`",
    )
}

/// A date: a date cell, an Excel serial number, or text as `17/02/2026`, `17-2-2026`,
/// `17.02.2026`, `2026-02-17` or `17 februari 2026`.
pub fn date(cell: &Cell) -> Read<NaiveDate> {
    let cell = check_error(cell)?;
    let date = match cell {
        Cell::Empty => return Ok(None),
        Cell::Date(d) => *d,
        // A number far outside the serials of dates reads better as a power of ten.
        Cell::Number(n) => serial_date(*n).ok_or_else(|| {
            not_a_date(&if n.abs() < 1e15 {
                format_number(*n)
            } else {
                format!("{n:e}")
            })
        })?,
        Cell::Bool(_) => return Err(not_a_date(&cell.display())),
        Cell::Text(t) | Cell::Error(t) => parse_date(t)?,
    };
    in_range(date).map(Some)
}

/// A date as a user types it on the command line or the page (`31/12/2026`, `31 december
/// 2026`), read as the same text in a date cell is.
pub fn typed_date(text: &str) -> Read<NaiveDate> {
    date(&Cell::Text(text.to_string()))
}

/// The years a date in a workbook may fall in: any other is a typo (`2062` for `2026`) or
/// a number read as a date, never a POP's date.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

/// `date` when its year is in [`YEARS`].
fn in_range(date: NaiveDate) -> Result<NaiveDate, Bad> {
    use chrono::Datelike;
    if YEARS.contains(&date.year()) {
        return Ok(date);
    }
    let shown = date.format("%d/%m/%Y").to_string();
    let (from, to) = (YEARS.start(), YEARS.end());
    Err(Bad::new(
        Tr::new(
            format!("`{shown}` ligt niet tussen {from} en {to}: is het jaartal een tikfout?"),
            format!("`{shown}` is not between {from} and {to}: is the year a typo?"),
        ),
        expected_date(),
    ))
}

/// Converts an Excel serial date (days since 30/12/1899, counting Excel's phantom
/// 29/02/1900) to a date; serials outside 1900–9999 are not dates.
pub fn serial_date(n: f64) -> Option<NaiveDate> {
    if !(1.0..2_958_466.0).contains(&n) {
        return None;
    }
    let days = n.floor() as i64;
    let base = if days < 60 {
        NaiveDate::from_ymd_opt(1899, 12, 31)?
    } else {
        NaiveDate::from_ymd_opt(1899, 12, 30)?
    };
    base.checked_add_signed(chrono::Duration::days(days))
}

fn not_a_date(value: &str) -> Bad {
    Bad::new(
        Tr::new(
            format!("`{value}` is geen datum"),
            format!("`{value}` is not a date"),
        ),
        expected_date(),
    )
}

fn parse_date(raw: &str) -> Result<NaiveDate, Bad> {
    let t = raw.trim();
    // Drop a time part such as `00:00:00` or `T00:00:00`.
    let t = t
        .split_once('T')
        .filter(|(d, _)| d.len() == 10)
        .map_or(t, |(d, _)| d);
    let t = t
        .split_once(' ')
        .filter(|(_, rest)| rest.contains(':'))
        .map_or(t, |(d, _)| d);
    let (y, m, d) = split_numeric_date(t)
        .or_else(|| split_named_date(t))
        .ok_or_else(|| not_a_date(raw))?;
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| impossible_date(raw, y, m))
}

fn impossible_date(raw: &str, y: i32, m: u32) -> Bad {
    let days = (1..=12).contains(&m).then(|| days_in_month(y, m)).flatten();
    let (nl, en) = match days {
        Some(days) => (
            format!(
                "`{raw}` bestaat niet: {} {y} heeft {days} dagen",
                MONTHS_NL[m as usize - 1]
            ),
            format!(
                "`{raw}` does not exist: {} {y} has {days} days",
                capitalise(MONTHS_EN[m as usize - 1])
            ),
        ),
        None => (
            format!("`{raw}` bestaat niet: er zijn maar 12 maanden"),
            format!("`{raw}` does not exist: there are only 12 months"),
        ),
    };
    Bad::new(Tr::new(nl, en), expected_date())
}

fn days_in_month(y: i32, m: u32) -> Option<u32> {
    let first = NaiveDate::from_ymd_opt(y, m, 1)?;
    let next = if m == 12 {
        NaiveDate::from_ymd_opt(y + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(y, m + 1, 1)?
    };
    Some(next.signed_duration_since(first).num_days() as u32)
}

/// `17/02/2026`, `17-2-26`, `17.02.2026` (day first) or `2026-02-17` (year first).
fn split_numeric_date(t: &str) -> Option<(i32, u32, u32)> {
    let sep = t.chars().find(|c| matches!(c, '/' | '-' | '.'))?;
    let parts: Vec<&str> = t.split(sep).collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let n = |s: &str| s.parse::<u32>().ok();
    if parts[0].len() == 4 {
        return Some((n(parts[0])? as i32, n(parts[1])?, n(parts[2])?));
    }
    if parts[0].len() > 2 || parts[1].len() > 2 {
        return None;
    }
    let year = match parts[2].len() {
        4 => n(parts[2])? as i32,
        2 => 2000 + n(parts[2])? as i32,
        _ => return None,
    };
    Some((year, n(parts[1])?, n(parts[0])?))
}

/// `17 februari 2026`, `17 feb 2026`, `17 February 2026`.
fn split_named_date(t: &str) -> Option<(i32, u32, u32)> {
    let parts: Vec<&str> = t.split_whitespace().collect();
    if parts.len() != 3 || parts[1].chars().count() < 3 {
        return None;
    }
    let day: u32 = parts[0].trim_end_matches('.').parse().ok()?;
    let year: i32 = parts[2].parse().ok()?;
    let name = parts[1].trim_end_matches('.').to_lowercase();
    let month = MONTHS_NL
        .iter()
        .chain(MONTHS_EN.iter())
        .position(|m| m.starts_with(&name))?;
    Some((year, (month % 12) as u32 + 1, day))
}

fn expected_number() -> Tr {
    Tr::new("een getal zoals `0,8`", "a number such as `0.8`")
}

/// A number: `0,8`, `0.8`, `1.234,5`, `80%`.
pub fn number(cell: &Cell) -> Read<f64> {
    let cell = check_error(cell)?;
    let bad = |v: &str| {
        Bad::new(
            Tr::new(
                format!("`{v}` is geen getal"),
                format!("`{v}` is not a number"),
            ),
            expected_number(),
        )
    };
    match cell {
        Cell::Empty => Ok(None),
        Cell::Number(n) => Ok(Some(*n)),
        Cell::Text(t) => parse_number(t).map(Some).ok_or_else(|| bad(t)),
        other => Err(bad(&other.display())),
    }
}

fn parse_number(t: &str) -> Option<f64> {
    let t = t.trim();
    let (t, scale) = match t.strip_suffix('%') {
        Some(rest) => (rest.trim_end(), 0.01),
        None => (t, 1.0),
    };
    let cleaned: String = if t.contains(',') {
        // Belgian style: `.` groups thousands, `,` is the decimal sign.
        t.replace('.', "").replace(',', ".")
    } else {
        t.to_string()
    };
    if cleaned.is_empty()
        || !cleaned
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-')
    {
        return None;
    }
    cleaned.parse::<f64>().ok().map(|n| n * scale)
}

/// A whole number ≥ 0, such as a required coverage or a goal number.
pub fn whole(cell: &Cell) -> Read<u32> {
    let bad = |v: &str| {
        Bad::new(
            Tr::new(
                format!("`{v}` is geen geheel getal"),
                format!("`{v}` is not a whole number"),
            ),
            Tr::new("een geheel getal zoals `2`", "a whole number such as `2`"),
        )
    };
    match number(cell) {
        Ok(Some(n)) if n >= 0.0 && n.fract() == 0.0 && n <= u32::MAX as f64 => Ok(Some(n as u32)),
        Ok(Some(_)) => Err(bad(&cell.display())),
        Ok(None) => Ok(None),
        Err(_) => Err(bad(&cell.display())),
    }
}

/// A level of the teammatrix, 0 to 3.
pub fn level(cell: &Cell) -> Read<u8> {
    let bad = |v: &str| {
        Bad::new(
            Tr::new(
                format!("niveau `{v}` bestaat niet"),
                format!("level `{v}` does not exist"),
            ),
            Tr::new(
                "0 (kan het niet), 1 (leert het), 2 (kan het zelfstandig) of 3 (kan het anderen leren)",
                "0 (cannot do it), 1 (learning), 2 (does it independently) or 3 (can teach others)",
            ),
        )
    };
    match whole(cell) {
        Ok(Some(n)) if n <= 3 => Ok(Some(n as u8)),
        Ok(None) => Ok(None),
        _ => Err(check_error(cell)
            .err()
            .unwrap_or_else(|| bad(&cell.display()))),
    }
}

/// Yes or no: `ja/nee/j/n/yes/no/x/1/0/waar/onwaar/true/false`.
pub fn yes_no(cell: &Cell) -> Read<bool> {
    let cell = check_error(cell)?;
    let bad = |v: &str| {
        Bad::new(
            Tr::new(
                format!("`{v}` is geen ja of nee"),
                format!("`{v}` is not yes or no"),
            ),
            Tr::new("`ja` of `nee`", "`yes` or `no`"),
        )
    };
    match cell {
        Cell::Empty => Ok(None),
        Cell::Bool(b) => Ok(Some(*b)),
        Cell::Number(n) if *n == 1.0 => Ok(Some(true)),
        Cell::Number(n) if *n == 0.0 => Ok(Some(false)),
        Cell::Text(t) => match t.trim().to_lowercase().as_str() {
            "ja" | "j" | "yes" | "y" | "x" | "1" | "waar" | "true" | "✓" | "v" => Ok(Some(true)),
            "nee" | "n" | "no" | "0" | "onwaar" | "false" | "-" => Ok(Some(false)),
            _ => Err(bad(t)),
        },
        other => Err(bad(&other.display())),
    }
}

/// A signature cell: yes or no as [`yes_no`] reads it, or the date it was signed.
pub fn signed(cell: &Cell) -> Read<super::Signed> {
    use super::Signed;
    let cell = check_error(cell)?;
    if let Ok(v) = yes_no(cell) {
        return Ok(v.map(|b| if b { Signed::Yes } else { Signed::No }));
    }
    match date(cell) {
        Ok(d) => Ok(d.map(Signed::On)),
        Err(_) => {
            let v = cell.display();
            let v = v.trim();
            Err(Bad::new(
                Tr::new(
                    format!("`{v}` is geen ja, nee of datum"),
                    format!("`{v}` is not yes, no or a date"),
                ),
                Tr::new(
                    "`ja`, `nee` of de datum van ondertekening (`30/10/2026`)",
                    "`yes`, `no` or the date it was signed (`30/10/2026`)",
                ),
            ))
        }
    }
}

/// One of a closed list of values; `options` pairs accepted spellings with the value, and
/// the first spelling of each is shown to the user.
pub fn choice<T: Copy>(cell: &Cell, options: &[(&[&str], T)]) -> Read<T> {
    let Some(t) = text(cell)? else {
        return Ok(None);
    };
    let wanted = crate::model::schema::normalize(&t);
    for (spellings, value) in options {
        if spellings
            .iter()
            .any(|s| crate::model::schema::normalize(s) == wanted)
        {
            return Ok(Some(*value));
        }
    }
    let list = options
        .iter()
        .map(|(s, _)| format!("`{}`", s[0]))
        .collect::<Vec<_>>()
        .join(", ");
    Err(Bad::new(
        Tr::new(
            format!("`{t}` is geen toegelaten waarde"),
            format!("`{t}` is not an allowed value"),
        ),
        Tr::new(format!("een van {list}"), format!("one of {list}")),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Cell {
        Cell::Text(s.into())
    }

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn reads_every_belgian_date_spelling() {
        for s in [
            "17/02/2026",
            "17-2-2026",
            "17.02.2026",
            "2026-02-17",
            "17/2/26",
            "17 februari 2026",
            "17 feb. 2026",
            "2026-02-17T00:00:00",
            "17/02/2026 00:00:00",
        ] {
            assert_eq!(date(&t(s)), Ok(Some(ymd(2026, 2, 17))), "{s}");
        }
        assert_eq!(date(&Cell::Number(46070.0)), Ok(Some(ymd(2026, 2, 17))));
        assert_eq!(
            date(&Cell::Date(ymd(2026, 2, 17))),
            Ok(Some(ymd(2026, 2, 17)))
        );
        assert_eq!(date(&Cell::Empty), Ok(None));
    }

    #[test]
    fn excel_serials_match_excel_around_its_phantom_leap_day() {
        assert_eq!(serial_date(1.0), Some(ymd(1900, 1, 1)));
        assert_eq!(serial_date(59.0), Some(ymd(1900, 2, 28)));
        assert_eq!(serial_date(61.0), Some(ymd(1900, 3, 1)));
        assert_eq!(serial_date(0.0), None);
    }

    #[test]
    fn impossible_dates_say_why() {
        let e = date(&t("31/02/2024")).unwrap_err();
        assert_eq!(
            e.message.nl,
            "`31/02/2024` bestaat niet: februari 2024 heeft 29 dagen"
        );
        let e = date(&t("12/13/2024")).unwrap_err();
        assert!(e.message.nl.contains("maar 12 maanden"), "{}", e.message.nl);
        let e = date(&t("volgende week")).unwrap_err();
        assert_eq!(e.message.nl, "`volgende week` is geen datum");
    }

    #[test]
    fn numbers_take_a_decimal_comma_and_percent() {
        assert_eq!(number(&t("0,8")), Ok(Some(0.8)));
        assert_eq!(number(&t("0.8")), Ok(Some(0.8)));
        assert_eq!(number(&t("80%")), Ok(Some(0.8)));
        assert_eq!(number(&t("1.234,5")), Ok(Some(1234.5)));
        assert_eq!(number(&Cell::Number(0.5)), Ok(Some(0.5)));
        assert_eq!(
            number(&t("halftijds")).unwrap_err().message.nl,
            "`halftijds` is geen getal"
        );
    }

    #[test]
    fn levels_are_zero_to_three() {
        assert_eq!(level(&Cell::Number(3.0)), Ok(Some(3)));
        assert_eq!(level(&t("2")), Ok(Some(2)));
        assert_eq!(
            level(&Cell::Number(4.0)).unwrap_err().message.nl,
            "niveau `4` bestaat niet"
        );
        assert!(level(&Cell::Number(1.5)).is_err());
        assert!(level(&t("goed")).is_err());
    }

    #[test]
    fn yes_no_in_many_spellings() {
        for s in ["ja", "J", "yes", "x", "1", "WAAR"] {
            assert_eq!(yes_no(&t(s)), Ok(Some(true)), "{s}");
        }
        for s in ["nee", "N", "no", "0", "onwaar"] {
            assert_eq!(yes_no(&t(s)), Ok(Some(false)), "{s}");
        }
        assert_eq!(yes_no(&Cell::Bool(true)), Ok(Some(true)));
        assert!(yes_no(&t("misschien")).is_err());
    }

    #[test]
    fn excel_errors_are_reported_as_such() {
        let e = text(&Cell::Error("#N/A".into())).unwrap_err();
        assert_eq!(e.message.nl, "de cel toont de Excel-fout `#N/A`");
        assert!(number(&t("#DEEL/0!")).is_err());
    }

    #[test]
    fn choices_list_what_is_allowed() {
        let opts: &[(&[&str], u8)] = &[(&["laag", "low"], 1), (&["midden", "medium"], 2)];
        assert_eq!(choice(&t("Midden"), opts), Ok(Some(2)));
        let e = choice(&t("zwaar"), opts).unwrap_err();
        assert_eq!(e.expected.nl, "een van `laag`, `midden`");
    }
}
