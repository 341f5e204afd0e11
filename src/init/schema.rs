//! The sheets of the workbook format as the generators write them: sheet names, the exact
//! Dutch headers of `docs/workbook.md` and the kind of value each column holds, plus the
//! teammatrix cell notation (`1+>2`) that the sample uses to write its matrix compactly.

use chrono::NaiveDate;

use super::{Sheet, Value};

/// What a column holds; used to turn the sample's text tables into typed cells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Text,
    Int,
    Number,
    Date,
    /// A date when the text parses as `dd/mm/yyyy`, else text (`Opvolging`: `maandelijks`).
    DateOrText,
}

/// A sheet's name and columns.
pub struct Spec {
    pub name: &'static str,
    pub columns: &'static [(&'static str, Kind)],
}

use Kind::{Date, DateOrText, Int, Number, Text};

pub const ORGANISATIE: Spec = Spec {
    name: "Organisatie",
    columns: &[("Veld", Text), ("Waarde", Text)],
};

pub const MEDEWERKERS: Spec = Spec {
    name: "Medewerkers",
    columns: &[
        ("ID", Text),
        ("Voornaam", Text),
        ("Achternaam", Text),
        ("Functie", Text),
        ("Team", Text),
        ("In dienst", Date),
        ("Uit dienst", Date),
        ("Doelgroepwerknemer", Text),
        ("Begeleidingsgraad", Text),
        ("WOP-start", Date),
        ("Leidinggevende", Text),
        ("Begeleider", Text),
        ("VTE", Number),
        ("Loopbaandoel", Text),
        ("Sterktes", Text),
        ("Werkpunten", Text),
        ("Interesses", Text),
    ],
};

pub const TAKEN: Spec = Spec {
    name: "Taken",
    columns: &[
        ("Code", Text),
        ("Taak", Text),
        ("Cluster", Text),
        ("Soort", Text),
        ("Vereiste bezetting", Int),
        ("Omschrijving", Text),
        ("Team", Text),
    ],
};

pub const MATRIX: Spec = Spec {
    name: "Matrix",
    columns: &[
        ("Medewerker", Text),
        ("Taak", Text),
        ("Niveau", Int),
        ("Wil leren", Text),
        ("Doet graag", Text),
        ("Niet inzetbaar", Text),
        ("Doelniveau", Int),
        ("Datum", Date),
    ],
};

pub const TEAMBEHOEFTEN: Spec = Spec {
    name: "Teambehoeften",
    columns: &[
        ("Team", Text),
        ("Taak", Text),
        ("Reden", Text),
        ("Vereiste bezetting", Int),
        ("Tegen", Date),
        ("Prioriteit", Text),
    ],
};

pub const DOELEN: Spec = Spec {
    name: "Doelen",
    columns: &[
        ("Medewerker", Text),
        ("Nr", Int),
        ("Doel", Text),
        ("Taak", Text),
        ("Herkomst", Text),
        ("Actie", Text),
        ("Ondersteuning", Text),
        ("Verantwoordelijke", Text),
        ("Start", Date),
        ("Deadline", Date),
        ("Opvolging", DateOrText),
        ("Status", Text),
        ("Evaluatie", Text),
        ("Resultaat", Text),
    ],
};

pub const GESPREKKEN: Spec = Spec {
    name: "Gesprekken",
    columns: &[
        ("Medewerker", Text),
        ("Datum", Date),
        ("Soort", Text),
        ("Deelnemers", Text),
        ("Verslag", Text),
        ("Getekend medewerker", Text),
        ("Getekend leidinggevende", Text),
        ("Volgend gesprek", Date),
    ],
};

pub const BEGELEIDERS: Spec = Spec {
    name: "Begeleiders",
    columns: &[
        ("Naam", Text),
        ("VTE", Number),
        ("Kwalificatie", Text),
        ("Van", Date),
        ("Tot", Date),
    ],
};

pub const INSTELLINGEN: Spec = Spec {
    name: "Instellingen",
    columns: &[("Instelling", Text), ("Waarde", Int)],
};

impl Spec {
    /// A sheet with this spec's name and headers and the given rows.
    pub fn sheet(&self, rows: Vec<Vec<Value>>) -> Sheet {
        debug_assert!(rows.iter().all(|r| r.len() == self.columns.len()));
        Sheet {
            name: self.name.to_string(),
            headers: self.columns.iter().map(|(h, _)| h.to_string()).collect(),
            rows,
        }
    }

    /// A sheet from rows of text, each cell parsed by its column's [`Kind`]: dates as
    /// `dd/mm/yyyy`, numbers with a decimal comma, `""` as an empty cell.
    ///
    /// # Panics
    /// On a cell that does not parse: the tables are fixed sample data.
    pub fn parse(&self, rows: &[&[&str]]) -> Sheet {
        let rows = rows
            .iter()
            .map(|row| {
                assert_eq!(row.len(), self.columns.len(), "{}: {row:?}", self.name);
                row.iter()
                    .zip(self.columns)
                    .map(|(cell, (_, kind))| parse_cell(cell, *kind))
                    .collect()
            })
            .collect();
        self.sheet(rows)
    }
}

/// A sample cell as a typed value.
fn parse_cell(cell: &str, kind: Kind) -> Value {
    if cell.is_empty() {
        return Value::Empty;
    }
    let parsed = match kind {
        Text | DateOrText => None,
        Int => cell.parse().ok().map(Value::Int),
        Number => cell.replace(',', ".").parse().ok().map(Value::Number),
        Date => dmy(cell).map(Value::Date),
    };
    match kind {
        Text => Value::text(cell),
        Int | Number | Date => {
            parsed.unwrap_or_else(|| panic!("sample cell {cell:?} is not {kind:?}"))
        }
        DateOrText => dmy(cell).map_or_else(|| Value::text(cell), Value::Date),
    }
}

/// A `dd/mm/yyyy` date.
pub fn dmy(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%d/%m/%Y").ok()
}

/// `ja` for yes, an empty cell for no (as people fill in marker columns).
pub fn yes(flag: bool) -> Value {
    if flag {
        Value::text("ja")
    } else {
        Value::Empty
    }
}

/// One cell of the teammatrix: an employee's level and markers for one task.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Assessment {
    pub level: Option<u8>,
    pub wants_to_learn: bool,
    pub likes: bool,
    pub not_deployable: bool,
    pub target: Option<u8>,
}

impl Assessment {
    /// Parse the wide-form cell notation of `docs/workbook.md`: a level followed by markers,
    /// `+` wil leren, `*` doet graag, `x` niet inzetbaar, `>N` target level (`0+>2`, `2*`, `x`).
    ///
    /// # Panics
    /// On a cell outside the notation: it is only used for fixed sample data.
    pub fn parse(cell: &str) -> Assessment {
        let mut a = Assessment::default();
        let mut chars = cell.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '0'..='3' => a.level = Some(c as u8 - b'0'),
                '+' => a.wants_to_learn = true,
                '*' => a.likes = true,
                'x' => a.not_deployable = true,
                '>' => a.target = chars.next().and_then(|t| t.to_digit(10)).map(|t| t as u8),
                _ => panic!("bad matrix cell {cell:?}"),
            }
        }
        a
    }

    /// The long-form `Matrix` row for this assessment.
    pub fn row(&self, employee: &str, task: &str, date: NaiveDate) -> Vec<Value> {
        let level = |l: Option<u8>| l.map_or(Value::Empty, |l| Value::Int(i64::from(l)));
        vec![
            Value::text(employee),
            Value::text(task),
            level(self.level),
            yes(self.wants_to_learn),
            yes(self.likes),
            yes(self.not_deployable),
            level(self.target),
            Value::Date(date),
        ]
    }
}
