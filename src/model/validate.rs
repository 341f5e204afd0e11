//! Validation: raw tables in, a [`Workbook`] and every diagnostic out.
//!
//! Each sheet is read row by row through a [`RowCtx`], which reads a typed value from a
//! named column and records a diagnostic with the exact cell when the value is wrong.
//! Cross-sheet checks (references, duplicates, teams) run after all sheets are read.

use crate::model::{Map, Set};
use chrono::NaiveDate;

use super::schema::{self, Column, SheetDef, normalize, sheets};
use super::value::{self, Bad, Read};
use super::*;
use crate::diagnostic::{ColumnRef, Diagnostic, Location, Severity};
use crate::format::format_date;
use crate::i18n::Tr;
use crate::input::{Cell, Row, Source, Table};

/// The outcome of validation: the model (as complete as the data allows) and diagnostics.
#[derive(Debug, Clone, PartialEq)]
pub struct Validated {
    /// The model. When diagnostics hold errors, it lacks the rows that had them.
    pub workbook: Workbook,
    /// Every problem found, in sheet and row order.
    pub diagnostics: Vec<Diagnostic>,
    /// The employee (ID) each row that names one is about, by file, sheet and row.
    owners: Map<RowKey, String>,
}

/// A row of a sheet (or CSV file): file, sheet name, row number.
type RowKey = (std::path::PathBuf, Option<String>, u32);

fn row_key(loc: &Location) -> Option<RowKey> {
    Some((loc.file.clone(), loc.sheet.clone(), loc.row?))
}

/// Whose documents errors stop: everyone's, or only those of the employees named.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Blocked {
    /// Errors that belong to no single employee (a sheet, the organisation, a task, a row
    /// whose employee is unknown): nothing can be made safely.
    pub everyone: usize,
    /// Employees with errors in their own rows, by ID, with how many.
    pub employees: std::collections::BTreeMap<String, usize>,
}

impl Validated {
    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }

    /// The employee (ID) the row of a diagnostic is about, when it is about one.
    pub fn owner(&self, d: &Diagnostic) -> Option<&str> {
        row_key(&d.location)
            .and_then(|k| self.owners.get(&k))
            .map(String::as_str)
    }

    /// Whose documents the errors stop: an error on a row about one employee (their row in
    /// `Medewerkers`, `Matrix`, `Doelen` or `Gesprekken`) stops only theirs.
    pub fn blocked(&self) -> Blocked {
        let mut b = Blocked::default();
        for d in self
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
        {
            match row_key(&d.location).and_then(|k| self.owners.get(&k)) {
                Some(id) => *b.employees.entry(id.clone()).or_default() += 1,
                None => b.everyone += 1,
            }
        }
        b
    }
}

/// Validates the tables read from a workbook or CSV folder.
pub fn validate(source: &Source) -> Validated {
    let unfilled = is_unfilled(source);
    let source = &without_examples(source);
    let mut v = Validator {
        diags: Vec::new(),
        wb: Workbook::default(),
        employee_rows: Vec::new(),
        owners: Default::default(),
        source,
        unfilled,
    };
    v.run();
    let mut owners: Map<RowKey, String> = v
        .owners
        .into_iter()
        .map(|(k, i)| (k, v.wb.employees[i].id.clone()))
        .collect();
    if let Some(t) = source
        .tables
        .iter()
        .find(|t| sheets::MEDEWERKERS.matches(&t.name))
    {
        let sheet = t.is_sheet.then(|| t.name.clone());
        for (e, row) in v.wb.employees.iter().zip(&v.employee_rows) {
            owners.insert((t.file.clone(), sheet.clone(), *row), e.id.clone());
        }
    }
    Validated {
        workbook: v.wb,
        diagnostics: v.diags,
        owners,
    }
}

struct Validator<'a> {
    diags: Vec<Diagnostic>,
    wb: Workbook,
    /// The `Medewerkers` row of each employee in `wb.employees`.
    employee_rows: Vec<u32>,
    /// The employee each row of another sheet names (index into `wb.employees`).
    owners: Vec<(RowKey, usize)>,
    source: &'a Source,
    /// Whether `Medewerkers` holds example rows and nothing else: a starter workbook that
    /// nobody filled in yet, which is empty rather than wrong.
    unfilled: bool,
}

/// Whether a row is an example row (its first cell opens with `Voorbeeld:`), which people
/// read as a model and popdruk skips.
fn is_example(row: &Row) -> bool {
    matches!(row.cells.first(), Some(Cell::Text(t)) if schema::example::is_example(t))
}

/// The source without its example rows; borrowed when it has none, as almost every
/// workbook but a fresh starter.
fn without_examples(source: &Source) -> std::borrow::Cow<'_, Source> {
    if !source.tables.iter().any(|t| t.rows.iter().any(is_example)) {
        return std::borrow::Cow::Borrowed(source);
    }
    let mut owned = source.clone();
    for table in &mut owned.tables {
        table.rows.retain(|r| !is_example(r));
    }
    std::borrow::Cow::Owned(owned)
}

/// Whether the employees sheet has example rows only (see [`Validator::unfilled`]).
fn is_unfilled(source: &Source) -> bool {
    source.tables.iter().any(|t| {
        sheets::MEDEWERKERS.matches(&t.name) && !t.rows.is_empty() && t.rows.iter().all(is_example)
    })
}

/// A table matched to its sheet definition, with each defined column's index.
struct Bound<'a> {
    table: &'a Table,
    def: &'static SheetDef,
    index: Vec<Option<usize>>,
}

impl Bound<'_> {
    fn column(&self, col: Column) -> Option<usize> {
        let pos = self.def.columns.iter().position(|c| *c == col)?;
        self.index[pos]
    }

    fn location(&self, row: Option<u32>, col: Option<usize>) -> Location {
        Location {
            file: self.table.file.clone(),
            sheet: self.table.is_sheet.then(|| self.table.name.clone()),
            row,
            column: col.map(|index| ColumnRef {
                header: self.table.headers.get(index).cloned().unwrap_or_default(),
                index,
            }),
        }
    }
}

/// One row of a bound table, reading typed values and recording what is wrong.
struct RowCtx<'b, 'a> {
    bound: &'b Bound<'a>,
    row: &'b Row,
}

impl RowCtx<'_, '_> {
    fn cell(&self, col: Column) -> &Cell {
        self.bound
            .column(col)
            .and_then(|i| self.row.cells.get(i))
            .unwrap_or(&Cell::Empty)
    }

    fn loc(&self, col: Column) -> Location {
        self.bound
            .location(Some(self.row.number), self.bound.column(col))
    }

    /// The cells of the row that may name the person it is about: columns popdruk does not
    /// read (a `Naam` column people add next to the ID) and a conversation's participants.
    fn naming_cells(&self) -> Vec<&Cell> {
        let participants = self.bound.column(schema::conv::DEELNEMERS);
        self.row
            .cells
            .iter()
            .enumerate()
            .filter(|(i, _)| !self.bound.index.contains(&Some(*i)) || participants == Some(*i))
            .map(|(_, c)| c)
            .collect()
    }

    fn read<T>(
        &self,
        diags: &mut Vec<Diagnostic>,
        col: Column,
        f: fn(&Cell) -> Read<T>,
    ) -> Option<T> {
        match f(self.cell(col)) {
            Ok(v) => v,
            Err(bad) => {
                diags.push(bad_diag(self.loc(col), bad));
                None
            }
        }
    }

    fn text(&self, d: &mut Vec<Diagnostic>, col: Column) -> Option<String> {
        self.read(d, col, value::text)
    }

    fn date(&self, d: &mut Vec<Diagnostic>, col: Column) -> Option<NaiveDate> {
        self.read(d, col, value::date)
    }

    fn yes_no(&self, d: &mut Vec<Diagnostic>, col: Column) -> bool {
        self.read(d, col, value::yes_no).unwrap_or(false)
    }

    /// A signature cell (`ja`, `nee` or the day it was signed), which cannot be signed
    /// before the conversation it belongs to.
    fn signed(
        &self,
        d: &mut Vec<Diagnostic>,
        col: Column,
        held: (Column, Option<NaiveDate>),
    ) -> Signed {
        let s = self.read(d, col, value::signed).unwrap_or_default();
        if self.check_order(d, held, (col, s.date())) {
            s
        } else {
            Signed::No
        }
    }

    fn choice<T: Copy>(
        &self,
        d: &mut Vec<Diagnostic>,
        col: Column,
        opts: &[(&[&str], T)],
    ) -> Option<T> {
        match value::choice(self.cell(col), opts) {
            Ok(v) => v,
            Err(bad) => {
                d.push(bad_diag(self.loc(col), bad));
                None
            }
        }
    }

    /// A value that must be filled in: reports an empty cell (unless the whole column is
    /// missing, which was reported once already).
    fn required<T>(
        &self,
        d: &mut Vec<Diagnostic>,
        col: Column,
        f: fn(&Cell) -> Read<T>,
    ) -> Option<T> {
        // A missing column was reported once already; do not repeat it on every row.
        self.bound.column(col)?;
        let v = self.read(d, col, f);
        if v.is_none() && self.cell(col).is_empty() {
            d.push(diag(
                Severity::Error,
                self.loc(col),
                Tr::new(
                    format!("`{}` is niet ingevuld", col.nl),
                    format!("`{}` is empty", col.en),
                ),
                Some(Tr::new(
                    "een waarde: deze kolom is verplicht",
                    "a value: this column is required",
                )),
                None,
            ));
        }
        v
    }

    /// An end date that may not lie before a start date.
    fn check_order(
        &self,
        d: &mut Vec<Diagnostic>,
        start: (Column, Option<NaiveDate>),
        end: (Column, Option<NaiveDate>),
    ) -> bool {
        if let (Some(s), Some(e)) = (start.1, end.1)
            && e < s
        {
            d.push(diag(
                Severity::Error,
                self.loc(end.0),
                Tr::new(
                    format!(
                        "`{}` ({}) ligt vóór `{}` ({})",
                        end.0.nl,
                        format_date(e),
                        start.0.nl,
                        format_date(s)
                    ),
                    format!(
                        "`{}` ({}) is before `{}` ({})",
                        end.0.en,
                        format_date(e),
                        start.0.en,
                        format_date(s)
                    ),
                ),
                Some(Tr::new(
                    format!("een datum op of na {}", format_date(s)),
                    format!("a date on or after {}", format_date(s)),
                )),
                None,
            ));
            return false;
        }
        true
    }
}

fn diag(
    severity: Severity,
    location: Location,
    message: Tr,
    expected: Option<Tr>,
    hint: Option<Tr>,
) -> Diagnostic {
    Diagnostic {
        severity,
        location,
        message,
        expected,
        hint,
    }
}

fn bad_diag(location: Location, bad: Bad) -> Diagnostic {
    diag(
        Severity::Error,
        location,
        bad.message,
        Some(bad.expected),
        None,
    )
}

/// A lookup of names people type (IDs, codes, names) to a key, with "did you mean".
struct Index {
    map: Map<String, usize>,
    candidates: Vec<(String, usize)>,
}

impl Index {
    fn new() -> Self {
        Index {
            map: Map::default(),
            candidates: Vec::new(),
        }
    }

    /// Registers `spelling` for item `i`; the first registration of a spelling wins.
    fn add(&mut self, spelling: &str, i: usize) {
        let n = normalize(spelling);
        if n.is_empty() {
            return;
        }
        self.map.entry(n.clone()).or_insert(i);
        self.candidates.push((n, i));
    }

    fn get(&self, spelling: &str) -> Option<usize> {
        self.map.get(&normalize(spelling)).copied()
    }

    /// The spelling of item `i` closest to `spelling` (normalised).
    fn matched(&self, spelling: &str, i: usize) -> String {
        let n = normalize(spelling);
        self.candidates
            .iter()
            .filter(|(_, j)| *j == i)
            .max_by(|a, b| {
                strsim::normalized_damerau_levenshtein(&n, &a.0)
                    .total_cmp(&strsim::normalized_damerau_levenshtein(&n, &b.0))
            })
            .map(|(c, _)| c.clone())
            .unwrap_or_default()
    }

    /// The item whose spelling is closest to `spelling`, when it is close enough to be a typo.
    fn nearest(&self, spelling: &str) -> Option<usize> {
        let n = normalize(spelling);
        self.candidates
            .iter()
            .map(|(c, i)| (strsim::normalized_damerau_levenshtein(&n, c), *i))
            .filter(|(score, _)| *score >= 0.6)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, i)| i)
    }
}

/// The closed values of a column of `sheet` (or a field of `Organisatie`), each as its
/// Dutch and English spelling; `None` for an open column. The starter workbook's drop-down
/// lists come from here, so they offer exactly what the reader accepts.
pub fn choices(sheet: &SheetDef, col: Column) -> Option<Vec<[&'static str; 2]>> {
    // Each table lists the Dutch spelling first and the English one second.
    fn pairs<T>(table: &[(&'static [&'static str], T)]) -> Vec<[&'static str; 2]> {
        table.iter().map(|(s, _)| [s[0], s[1]]).collect()
    }
    use schema::*;
    let on = |def: &SheetDef, c: Column| sheet == def && col == c;
    Some(if on(&sheets::ORGANISATIE, org::REGIME) {
        pairs(REGIMES)
    } else if on(&sheets::MEDEWERKERS, emp::BEGELEIDINGSGRAAD) {
        pairs(SUPPORT)
    } else if on(&sheets::TAKEN, task::SOORT) {
        pairs(KINDS)
    } else if on(&sheets::TEAMBEHOEFTEN, need::PRIORITEIT) {
        pairs(PRIORITIES)
    } else if on(&sheets::DOELEN, goal::HERKOMST) {
        pairs(ORIGINS)
    } else if on(&sheets::DOELEN, goal::STATUS) {
        pairs(STATUSES)
    } else if on(&sheets::DOELEN, goal::RESULTAAT) {
        pairs(RESULTS)
    } else if on(&sheets::GESPREKKEN, conv::SOORT) {
        pairs(CONVERSATION_KINDS)
    } else {
        return None;
    })
}

// The tables of closed values: per value its accepted spellings, the Dutch one first (shown
// in messages) and the English one second (offered by an English starter, see `choices`).
const REGIMES: &[(&[&str], Regime)] = &[
    (
        &[
            "collectief maatwerk",
            "collective custom work",
            "maatwerkbedrijf",
        ],
        Regime::CollectiefMaatwerk,
    ),
    (
        &["lokale diensteneconomie", "local service economy", "LDE"],
        Regime::LokaleDiensteneconomie,
    ),
    (
        &["individueel maatwerk", "individual custom work"],
        Regime::IndividueelMaatwerk,
    ),
];
const SUPPORT: &[(&[&str], SupportLevel)] = &[
    (&["laag", "low"], SupportLevel::Laag),
    (
        &["midden", "medium", "middel", "gemiddeld"],
        SupportLevel::Midden,
    ),
    (&["hoog", "high"], SupportLevel::Hoog),
];
const KINDS: &[(&[&str], TaskKind)] = &[
    (
        &["technisch", "technical", "technische competentie"],
        TaskKind::Technisch,
    ),
    (
        &["generiek", "generic", "generieke competentie", "algemeen"],
        TaskKind::Generiek,
    ),
];
const PRIORITIES: &[(&[&str], Priority)] = &[
    (&["hoog", "high", "1"], Priority::Hoog),
    (
        &["midden", "medium", "middel", "gemiddeld", "2"],
        Priority::Midden,
    ),
    (&["laag", "low", "3"], Priority::Laag),
];
const ORIGINS: &[(&[&str], Origin)] = &[
    (
        &["individueel", "individual", "eigen wens"],
        Origin::Individueel,
    ),
    (&["teambehoefte", "team need", "team"], Origin::Teambehoefte),
    (&["doorstroom", "transition"], Origin::Doorstroom),
];
const STATUSES: &[(&[&str], Status)] = &[
    (
        &["gepland", "planned", "open", "nog niet gestart"],
        Status::Gepland,
    ),
    (
        &["bezig", "in progress", "lopend", "gestart"],
        Status::Bezig,
    ),
    (
        &["afgerond", "done", "klaar", "uitgevoerd", "voltooid"],
        Status::Afgerond,
    ),
    (&["uitgesteld", "postponed"], Status::Uitgesteld),
    (
        &["gestopt", "stopped", "geannuleerd", "cancelled"],
        Status::Gestopt,
    ),
];
const RESULTS: &[(&[&str], GoalResult)] = &[
    (&["behaald", "achieved", "bereikt"], GoalResult::Behaald),
    (
        &[
            "deels behaald",
            "partly achieved",
            "gedeeltelijk behaald",
            "deels",
        ],
        GoalResult::DeelsBehaald,
    ),
    (
        &["niet behaald", "not achieved", "niet bereikt"],
        GoalResult::NietBehaald,
    ),
];
const CONVERSATION_KINDS: &[(&[&str], ConversationKind)] = &[
    (
        &[
            "POP-gesprek",
            "POP meeting",
            "POP",
            "POP gesprek",
            "planningsgesprek",
        ],
        ConversationKind::PopGesprek,
    ),
    (
        &[
            "opvolging",
            "follow-up",
            "opvolgingsgesprek",
            "functioneringsgesprek",
        ],
        ConversationKind::Opvolging,
    ),
    (
        &["evaluatie", "evaluation", "evaluatiegesprek"],
        ConversationKind::Evaluatie,
    ),
    (
        &["doorstroom", "transition", "doorstroomgesprek"],
        ConversationKind::Doorstroom,
    ),
];

impl<'a> Validator<'a> {
    fn run(&mut self) {
        let bound = self.bind_sheets();
        let get = |def: &SheetDef| bound.iter().find(|b| b.def == def);
        if let Some(b) = get(&sheets::ORGANISATIE) {
            self.organisation(b);
        }
        let people = match get(&sheets::MEDEWERKERS) {
            Some(b) => self.employees(b),
            None => Index::new(),
        };
        let teams = self.team_index();
        let tasks = match get(&sheets::TAKEN) {
            Some(b) => self.tasks(b, &teams),
            None => Index::new(),
        };
        let owners = std::cell::RefCell::new(Vec::new());
        let refs = Refs {
            people: &people,
            tasks: &tasks,
            teams: &teams,
            owners: &owners,
        };
        if let Some(b) = get(&sheets::MATRIX) {
            self.matrix(b, &refs);
        }
        if let Some(b) = get(&sheets::TEAMBEHOEFTEN) {
            self.team_needs(b, &refs);
        }
        if let Some(b) = get(&sheets::DOELEN) {
            self.goals(b, &refs);
        }
        if let Some(b) = get(&sheets::GESPREKKEN) {
            self.conversations(b, &refs);
        }
        if let Some(b) = get(&sheets::BEGELEIDERS) {
            self.coaches(b);
        }
        if let Some(b) = get(&sheets::INSTELLINGEN) {
            self.settings(b);
        }
        if let (Some(b), Some(m)) = (get(&sheets::MEDEWERKERS), get(&sheets::MATRIX)) {
            self.employees_without_matrix(b, m);
        }
        if let Some(b) = get(&sheets::TAKEN) {
            self.shared_tasks(b);
        }
        self.owners = owners.into_inner();
    }

    /// One note about the tasks without `Team` that belong to some teams only (those in
    /// which someone has a level or mark for them, or a team need names them).
    fn shared_tasks(&mut self, b: &Bound<'_>) {
        let task_teams = self.wb.task_teams();
        let narrowed: Vec<String> = self
            .wb
            .tasks
            .iter()
            .filter(|t| task_teams.narrowed(t))
            .map(|t| format!("`{}` ({})", t.code, task_teams.teams_of(t).join(", ")))
            .collect();
        if narrowed.is_empty() {
            return;
        }
        let (shown, more) = (narrowed.len().min(5), narrowed.len().saturating_sub(5));
        let mut list = narrowed[..shown].join("; ");
        let (mut nl, mut en) = (list.clone(), std::mem::take(&mut list));
        if more > 0 {
            nl.push_str(&format!(" en {more} andere"));
            en.push_str(&format!(" and {more} more"));
        }
        let column = b
            .table
            .headers
            .iter()
            .position(|h| schema::task::TEAM.matches(h));
        self.diags.push(diag(
            Severity::Note,
            b.location(None, column),
            Tr::new(
                format!(
                    "taken zonder `Team` horen bij de teams waarin iemand er een niveau of markering voor heeft in `Matrix`, of die ze in `Teambehoeften` noemen: {nl}"
                ),
                format!(
                    "tasks without `Team` belong to the teams in which someone has a level or mark for them in `Matrix`, or whose team need names them: {en}"
                ),
            ),
            None,
            Some(Tr::new(
                "vul de kolom `Team` in het blad `Taken` in om een taak aan één team te geven",
                "fill in the column `Team` in the sheet `Tasks` (`Taken`) to give a task to one team",
            )),
        ));
    }

    fn file_location(&self) -> Location {
        Location {
            file: self.source.path.clone(),
            ..Location::default()
        }
    }

    /// Matches tables to sheet definitions and headers to columns; reports missing sheets
    /// and columns, unknown sheets and ignored columns.
    fn bind_sheets(&mut self) -> Vec<Bound<'a>> {
        let mut bound: Vec<Bound<'a>> = Vec::new();
        for table in &self.source.tables {
            let loc = Location {
                file: table.file.clone(),
                sheet: table.is_sheet.then(|| table.name.clone()),
                ..Location::default()
            };
            let Some(def) = sheets::ALL.iter().find(|d| d.matches(&table.name)) else {
                if !sheets::EXPLANATION
                    .iter()
                    .any(|e| normalize(e) == normalize(&table.name))
                {
                    let list = sheets::ALL
                        .iter()
                        .map(|d| format!("`{}`", d.nl))
                        .collect::<Vec<_>>()
                        .join(", ");
                    self.diags.push(diag(
                        Severity::Note,
                        loc,
                        Tr::new(
                            format!("blad `{}` wordt niet gelezen", table.name),
                            format!("sheet `{}` is not read", table.name),
                        ),
                        Some(Tr::new(format!("een van {list}"), format!("one of {list}"))),
                        None,
                    ));
                }
                continue;
            };
            if let Some(first) = bound.iter().find(|b| b.def == def) {
                self.diags.push(diag(
                    Severity::Warning,
                    loc,
                    Tr::new(
                        format!(
                            "blad `{}` staat er twee keer; popdruk leest alleen `{}`",
                            def.nl, first.table.name
                        ),
                        format!(
                            "sheet `{}` appears twice; popdruk reads only `{}`",
                            def.en, first.table.name
                        ),
                    ),
                    None,
                    None,
                ));
                continue;
            }
            let b = self.bind_columns(table, def);
            self.wb.places.add(
                def,
                table.file.clone(),
                table.is_sheet.then(|| table.name.clone()),
                table.headers.clone(),
                b.index.clone(),
            );
            bound.push(b);
        }
        for def in sheets::ALL.iter().filter(|d| d.required) {
            if !bound.iter().any(|b| b.def == def) {
                let csv = !self.source.tables.iter().any(|t| t.is_sheet)
                    && !self.source.tables.is_empty();
                let (nl, en) = if csv {
                    (
                        format!("het bestand `{}.csv` ontbreekt", def.nl.to_lowercase()),
                        format!("the file `{}.csv` is missing", def.nl.to_lowercase()),
                    )
                } else {
                    (
                        format!("het blad `{}` ontbreekt", def.nl),
                        format!("the sheet `{}` is missing", def.nl),
                    )
                };
                self.diags.push(diag(
                    Severity::Error,
                    self.file_location(),
                    Tr::new(nl, en),
                    None,
                    Some(Tr::new(
                        "docs/workbook.md beschrijft elk blad en elke kolom",
                        "docs/workbook.md describes every sheet and column",
                    )),
                ));
            }
        }
        bound
    }

    fn bind_columns(&mut self, table: &'a Table, def: &'static SheetDef) -> Bound<'a> {
        let mut index = vec![None; def.columns.len()];
        let is_long_matrix = def == &sheets::MATRIX && is_long_matrix(table);
        let wide_matrix = def == &sheets::MATRIX && !is_long_matrix;
        let loc = |col: Option<usize>| Location {
            file: table.file.clone(),
            sheet: table.is_sheet.then(|| table.name.clone()),
            row: Some(table.header_row).filter(|r| *r > 0),
            column: col.map(|index| ColumnRef {
                header: table.headers[index].clone(),
                index,
            }),
        };
        for (i, header) in table.headers.iter().enumerate() {
            if wide_matrix {
                // In the wide form only the Team and Datum columns are named; the rest are
                // the employee column and the task columns, read by `matrix`.
                for named in [schema::matrix::TEAM, schema::matrix::DATUM] {
                    if i > 0 && named.matches(header) {
                        let pos = def.columns.iter().position(|c| *c == named).unwrap_or(0);
                        index[pos] = Some(i);
                    }
                }
                continue;
            }
            match def.columns.iter().position(|c| c.matches(header)) {
                Some(pos) if index[pos].is_none() => index[pos] = Some(i),
                Some(pos) => self.diags.push(diag(
                    Severity::Warning,
                    loc(Some(i)),
                    Tr::new(
                        format!(
                            "kolom `{header}` staat er twee keer; popdruk leest alleen de eerste"
                        ),
                        format!("column `{header}` appears twice; popdruk reads only the first"),
                    ),
                    None,
                    Some(Tr::new(
                        format!(
                            "de eerste staat in kolom {}",
                            crate::diagnostic::column_letter(index[pos].unwrap_or(0))
                        ),
                        format!(
                            "the first is in column {}",
                            crate::diagnostic::column_letter(index[pos].unwrap_or(0))
                        ),
                    )),
                )),
                None if header.trim().is_empty() => {}
                None => self.diags.push(diag(
                    Severity::Note,
                    loc(Some(i)),
                    Tr::new(
                        format!("kolom `{header}` is onbekend en wordt genegeerd"),
                        format!("column `{header}` is unknown and is ignored"),
                    ),
                    None,
                    None,
                )),
            }
        }
        if !wide_matrix {
            for (pos, col) in def.columns.iter().enumerate() {
                if col.required && index[pos].is_none() {
                    let hint = nearest_header(table, col);
                    self.diags.push(diag(
                        Severity::Error,
                        loc(None),
                        Tr::new(
                            format!("de verplichte kolom `{}` ontbreekt", col.nl),
                            format!("the required column `{}` ({}) is missing", col.nl, col.en),
                        ),
                        None,
                        hint.map(|h| {
                            Tr::new(
                                format!("bedoelde u met kolom `{h}` de kolom `{}`?", col.nl),
                                format!("did you mean column `{h}` to be `{}`?", col.nl),
                            )
                        }),
                    ));
                }
            }
        }
        Bound { table, def, index }
    }

    fn organisation(&mut self, b: &Bound<'_>) {
        let (Some(k), Some(v)) = (b.column(schema::kv::VELD), b.column(schema::kv::WAARDE)) else {
            return;
        };
        let mut org = Organisation::default();
        let mut seen_name = false;
        for row in &b.table.rows {
            let key = row.cells.get(k).map(Cell::display).unwrap_or_default();
            let cell = row.cells.get(v).unwrap_or(&Cell::Empty);
            let loc = b.location(Some(row.number), Some(v));
            let Some(field) = schema::org::ALL.iter().find(|c| c.matches(&key)) else {
                if !key.is_empty() {
                    self.diags.push(diag(
                        Severity::Note,
                        b.location(Some(row.number), Some(k)),
                        Tr::new(
                            format!("veld `{key}` is onbekend en wordt genegeerd"),
                            format!("field `{key}` is unknown and is ignored"),
                        ),
                        None,
                        None,
                    ));
                }
                continue;
            };
            let text = match value::text(cell) {
                Ok(t) => t,
                Err(bad) => {
                    self.diags.push(bad_diag(loc, bad));
                    continue;
                }
            };
            org.rows.insert(field.nl, row.number);
            match *field {
                f if f == schema::org::NAAM => {
                    seen_name = text.is_some();
                    org.name = text.unwrap_or_default();
                }
                f if f == schema::org::ONDERNEMINGSNUMMER => {
                    org.enterprise_number = text.map(|t| match enterprise_number(&t) {
                        Ok(n) => n,
                        Err(e) => {
                            self.diags
                                .push(enterprise_number_warning(loc.clone(), &t, e));
                            t
                        }
                    })
                }
                f if f == schema::org::ADRES => org.address = text,
                f if f == schema::org::PLAATS => org.city = text,
                f if f == schema::org::REGIME => match value::choice(cell, REGIMES) {
                    Ok(r) => org.regime = r,
                    Err(bad) => self.diags.push(bad_diag(loc, bad)),
                },
                _ => org.logo = text,
            }
        }
        if !seen_name && !self.unfilled {
            self.diags.push(diag(
                Severity::Error,
                b.location(None, None),
                Tr::new(
                    "de naam van de organisatie ontbreekt",
                    "the organisation's name is missing",
                ),
                Some(Tr::new(
                    "een rij `Naam` met de naam in `Waarde`",
                    "a row `Name` with the name under `Value`",
                )),
                None,
            ));
        }
        self.wb.organisation = org;
    }

    fn employees(&mut self, b: &Bound<'_>) -> Index {
        use schema::emp::*;
        let mut index = Index::new();
        let mut rows_of_id: Map<String, u32> = Map::default();
        let d = &mut self.diags;
        for row in &b.table.rows {
            let r = RowCtx { bound: b, row };
            let id = r.required(d, ID, value::text);
            let first_name = r.required(d, VOORNAAM, value::text);
            let last_name = r.required(d, ACHTERNAAM, value::text);
            let team = r.required(d, TEAM, value::text);
            let hired = r.date(d, IN_DIENST);
            let left = r.date(d, UIT_DIENST);
            r.check_order(d, (IN_DIENST, hired), (UIT_DIENST, left));
            if hired.is_none() && r.cell(IN_DIENST).is_empty() && b.column(IN_DIENST).is_some() {
                d.push(diag(
                    Severity::Warning,
                    r.loc(IN_DIENST),
                    Tr::new(
                        "`In dienst` is niet ingevuld",
                        "`In dienst` (start date) is empty",
                    ),
                    None,
                    Some(Tr::new(
                        "zonder datum van indiensttreding kan popdruk de POP-termijn niet nagaan",
                        "without a start date popdruk cannot check the POP deadline",
                    )),
                ));
            }
            let fte = r.read(d, VTE, value::number);
            if let Some(f) = fte
                && !(0.0..=1.0).contains(&f)
            {
                d.push(diag(
                    Severity::Warning,
                    r.loc(VTE),
                    Tr::new(
                        format!(
                            "VTE `{}` ligt niet tussen 0 en 1",
                            crate::format::format_number(f)
                        ),
                        format!(
                            "FTE `{}` is not between 0 and 1",
                            crate::format::format_number(f)
                        ),
                    ),
                    Some(Tr::new(
                        "een getal zoals `0,8` (1 is voltijds)",
                        "a number such as `0.8` (1 is full time)",
                    )),
                    None,
                ));
            }
            let e = Employee {
                id: id.clone().unwrap_or_default(),
                first_name: first_name.unwrap_or_default(),
                last_name: last_name.unwrap_or_default(),
                function: r.text(d, FUNCTIE),
                team: team.unwrap_or_default(),
                hired,
                left,
                target_group: r.read(d, DOELGROEP, value::yes_no),
                support: r.choice(d, BEGELEIDINGSGRAAD, SUPPORT),
                wop_start: r.date(d, WOP_START),
                track_start: r.date(d, TRAJECTSTART).filter(|start| {
                    let ok = *start >= crate::model::LDE_IN_FORCE;
                    if !ok {
                        d.push(diag(
                            Severity::Warning,
                            r.loc(TRAJECTSTART),
                            Tr::new(
                                format!(
                                    "trajectstart `{}` ligt voor 1 april 2015: toen bestond de lokale diensteneconomie nog niet; de datum wordt niet gebruikt",
                                    crate::format::format_date(*start)
                                ),
                                format!(
                                    "track start `{}` is before 1 April 2015, when the local service economy did not exist yet; the date is not used",
                                    crate::format::format_date(*start)
                                ),
                            ),
                            Some(Tr::new(
                                "de startdatum van het inschakelingstraject, niet de datum in dienst",
                                "the start of the LDE track, not the hire date",
                            )),
                            None,
                        ));
                    }
                    ok
                }),
                supervisor: r.text(d, LEIDINGGEVENDE),
                coach: r.text(d, BEGELEIDER),
                fte,
                career_goal: r.text(d, LOOPBAANDOEL),
                strengths: r.text(d, STERKTES),
                improvements: r.text(d, WERKPUNTEN),
                interests: r.text(d, INTERESSES),
                row: row.number,
            };
            let Some(id) = id else { continue };
            let key = normalize(&id);
            if let Some(first) = rows_of_id.get(&key) {
                d.push(diag(
                    Severity::Error,
                    r.loc(ID),
                    Tr::new(
                        format!("ID `{id}` komt twee keer voor (ook op rij {first})"),
                        format!("ID `{id}` appears twice (also on row {first})"),
                    ),
                    Some(Tr::new(
                        "een eigen ID per medewerker",
                        "a unique ID per employee",
                    )),
                    None,
                ));
                continue;
            }
            rows_of_id.insert(key, row.number);
            let i = self.wb.employees.len();
            index.add(&e.id, i);
            if !e.first_name.is_empty() || !e.last_name.is_empty() {
                index.add(&e.full_name(), i);
            }
            self.wb.employees.push(e);
            self.employee_rows.push(row.number);
        }
        if self.unfilled {
            d.push(diag(
                Severity::Note,
                b.location(None, None),
                Tr::new(
                    "er staan nog geen medewerkers in het blad, alleen het voorbeeld",
                    "the sheet lists no employees yet, only the example",
                ),
                None,
                Some(Tr::new(
                    "vul de medewerkers in onder het voorbeeld, en de naam in het blad `Organisatie`",
                    "fill in the employees below the example, and the name in the sheet `Organisation`",
                )),
            ));
        } else if b.table.rows.is_empty() {
            d.push(diag(
                Severity::Error,
                b.location(None, None),
                Tr::new(
                    "er staan geen medewerkers in het blad",
                    "the sheet lists no employees",
                ),
                None,
                None,
            ));
        }
        index
    }

    fn team_index(&self) -> Index {
        let mut idx = Index::new();
        for (i, t) in self.wb.teams().iter().enumerate() {
            idx.add(t, i);
        }
        idx
    }

    fn tasks(&mut self, b: &Bound<'_>, teams: &Index) -> Index {
        use schema::task::*;
        let mut index = Index::new();
        let mut rows_of_code: Map<String, u32> = Map::default();
        let team_names: Vec<String> = self.wb.teams().iter().map(|s| s.to_string()).collect();
        let d = &mut self.diags;
        for row in &b.table.rows {
            let r = RowCtx { bound: b, row };
            let code = r.required(d, CODE, value::text);
            let name = r.required(d, TAAK, value::text);
            let team = r
                .text(d, TEAM)
                .and_then(|t| resolve_team(d, &r, TEAM, &t, teams, &team_names));
            let task = Task {
                code: code.clone().unwrap_or_default(),
                name: name.unwrap_or_default(),
                cluster: r.text(d, CLUSTER),
                kind: r.choice(d, SOORT, KINDS).unwrap_or_default(),
                required: r.read(d, VEREIST, value::whole),
                description: r.text(d, OMSCHRIJVING),
                team,
                row: row.number,
            };
            let Some(code) = code else { continue };
            let key = normalize(&code);
            if let Some(first) = rows_of_code.get(&key) {
                d.push(diag(
                    Severity::Error,
                    r.loc(CODE),
                    Tr::new(
                        format!("taakcode `{code}` komt twee keer voor (ook op rij {first})"),
                        format!("task code `{code}` appears twice (also on row {first})"),
                    ),
                    Some(Tr::new("een eigen code per taak", "a unique code per task")),
                    None,
                ));
                continue;
            }
            rows_of_code.insert(key, row.number);
            let i = self.wb.tasks.len();
            index.add(&task.code, i);
            index.add(&task.name, i);
            self.wb.tasks.push(task);
        }
        index
    }

    /// Reads the matrix into `assessments` and puts the latest of each employee and task in
    /// `matrix` (settled again on the as-of day by the caller).
    fn matrix(&mut self, b: &Bound<'_>, refs: &Refs<'_>) {
        let mut seen: Seen = Map::default();
        let mut team_rows: Vec<(usize, String, u32)> = Vec::new();
        if is_long_matrix(b.table) {
            self.wb.matrix_form = MatrixForm::Long;
            use schema::matrix::*;
            for row in &b.table.rows {
                let r = RowCtx { bound: b, row };
                let d = &mut self.diags;
                let emp = r
                    .required(d, MEDEWERKER, value::text)
                    .and_then(|v| refs.employee(d, &r, MEDEWERKER, &v, &self.wb));
                let task = r
                    .required(d, TAAK, value::text)
                    .and_then(|v| refs.task(d, &r, TAAK, &v, &self.wb));
                let level = r.read(d, NIVEAU, value::level);
                let a = Assessment {
                    employee: String::new(),
                    task: String::new(),
                    level,
                    wants_to_learn: r.yes_no(d, WIL_LEREN),
                    likes: r.yes_no(d, DOET_GRAAG),
                    not_deployable: r.yes_no(d, NIET_INZETBAAR),
                    target: r.read(d, DOELNIVEAU, value::level),
                    date: r.date(d, DATUM),
                };
                let team = r.text(d, TEAM);
                let (Some(e), Some(t)) = (emp, task) else {
                    continue;
                };
                if let Some(team) = team {
                    team_rows.push((e, team, row.number));
                }
                self.push_assessment(&r, r.loc(TAAK), (e, t), a, &mut seen);
            }
        } else {
            self.wb.matrix_form = MatrixForm::Wide;
            self.wide_matrix(b, refs, &mut seen, &mut team_rows);
        }
        self.matrix_teams(b, &team_rows);
        self.wb.settle(NaiveDate::MAX);
    }

    fn wide_matrix(
        &mut self,
        b: &Bound<'_>,
        refs: &Refs<'_>,
        seen: &mut Seen,
        team_rows: &mut Vec<(usize, String, u32)>,
    ) {
        let team_col = b.column(schema::matrix::TEAM);
        let date_col = b.column(schema::matrix::DATUM);
        // Resolve the task columns once, from the header row.
        let mut task_cols: Vec<(usize, usize)> = Vec::new();
        for (i, header) in b.table.headers.iter().enumerate().skip(1) {
            if Some(i) == team_col || Some(i) == date_col || header.trim().is_empty() {
                continue;
            }
            let loc = b.location(Some(b.table.header_row), Some(i));
            match refs.tasks.get(header) {
                Some(t) => task_cols.push((i, t)),
                None => self.diags.push(unknown(
                    loc,
                    Tr::new(
                        format!("onbekende taak `{header}` in de kolomkop"),
                        format!("unknown task `{header}` in the column header"),
                    ),
                    Tr::new(
                        "een code of naam uit het blad `Taken`",
                        "a code or name from the sheet `Tasks` (`Taken`)",
                    ),
                    refs.tasks
                        .nearest(header)
                        .map(|i| task_label(&self.wb.tasks[i])),
                )),
            }
        }
        for row in &b.table.rows {
            let r = RowCtx { bound: b, row };
            let who = row.cells.first().unwrap_or(&Cell::Empty);
            let loc0 = b.location(Some(row.number), Some(0));
            let emp = match value::text(who) {
                Ok(Some(v)) => refs.employee_at(&mut self.diags, loc0, &v, &[], &self.wb),
                Ok(None) => {
                    self.diags.push(diag(
                        Severity::Error,
                        loc0,
                        Tr::new("de medewerker is niet ingevuld", "the employee is empty"),
                        Some(Tr::new("een ID of volledige naam", "an ID or full name")),
                        None,
                    ));
                    None
                }
                Err(bad) => {
                    self.diags.push(bad_diag(loc0, bad));
                    None
                }
            };
            let team = team_col
                .and_then(|c| row.cells.get(c))
                .and_then(|c| value::text(c).ok().flatten());
            if let (Some(e), Some(team)) = (emp, team) {
                team_rows.push((e, team, row.number));
            }
            let date = r.date(&mut self.diags, schema::matrix::DATUM);
            for &(col, t) in &task_cols {
                let cell = row.cells.get(col).unwrap_or(&Cell::Empty);
                let loc = b.location(Some(row.number), Some(col));
                match wide_cell(cell) {
                    Ok(None) => {}
                    Ok(Some(mut a)) => {
                        a.date = date;
                        if let Some(e) = emp {
                            self.push_assessment(&r, loc, (e, t), a, seen);
                        }
                    }
                    Err(bad) => self.diags.push(bad_diag(loc, bad)),
                }
            }
        }
    }

    /// Reports matrix rows that put an employee in another team than their own: once per
    /// employee and wrong team, at the first such row.
    fn matrix_teams(&mut self, b: &Bound<'_>, rows: &[(usize, String, u32)]) {
        let col = b.column(schema::matrix::TEAM);
        let mut reported: Vec<(usize, String)> = Vec::new();
        for (e, team, row) in rows {
            let emp = &self.wb.employees[*e];
            let key = normalize(team);
            if key == normalize(&emp.team) || reported.contains(&(*e, key.clone())) {
                continue;
            }
            reported.push((*e, key.clone()));
            let others = rows
                .iter()
                .filter(|(o, t, r)| o == e && normalize(t) == key && r != row)
                .count();
            let own_row = rows
                .iter()
                .find(|(o, t, _)| o == e && normalize(t) == normalize(&emp.team))
                .map(|(_, _, r)| *r);
            let who = format!("`{}` ({})", emp.id, emp.full_name());
            let (mut nl, mut en) = match own_row {
                Some(r) => (
                    format!(
                        "medewerker {who} staat in de matrix bij twee teams: `{}` (rij {r}) en `{team}`",
                        emp.team
                    ),
                    format!(
                        "employee {who} is in the matrix rows of two teams: `{}` (row {r}) and `{team}`",
                        emp.team
                    ),
                ),
                None => (
                    format!(
                        "medewerker {who} staat in de matrix bij team `{team}`, maar hoort bij team `{}`",
                        emp.team
                    ),
                    format!(
                        "employee {who} is in the matrix rows of team `{team}` but belongs to team `{}`",
                        emp.team
                    ),
                ),
            };
            if others > 0 {
                nl.push_str(&format!(" (ook op {others} andere rijen)"));
                en.push_str(&format!(" (also on {others} other rows)"));
            }
            self.diags.push(diag(
                Severity::Error,
                b.location(Some(*row), col),
                Tr::new(nl, en),
                Some(Tr::new(
                    format!("team `{}`, zoals in het blad `Medewerkers`", emp.team),
                    format!(
                        "team `{}`, as in the sheet `Employees` (`Medewerkers`)",
                        emp.team
                    ),
                )),
                None,
            ));
        }
    }

    fn push_assessment(
        &mut self,
        r: &RowCtx<'_, '_>,
        loc: Location,
        (e, t): (usize, usize),
        mut a: Assessment,
        seen: &mut Seen,
    ) {
        if let Some(first) = seen.get(&(e, t, a.date)) {
            let emp = &self.wb.employees[e];
            let task = &self.wb.tasks[t];
            self.diags.push(diag(
                Severity::Error,
                loc,
                Tr::new(
                    format!(
                        "`{}` staat twee keer in de matrix voor taak `{}` (ook op rij {first})",
                        emp.full_name(),
                        task.code
                    ),
                    format!(
                        "`{}` appears twice in the matrix for task `{}` (also on row {first})",
                        emp.full_name(),
                        task.code
                    ),
                ),
                Some(Tr::new(
                    "één rij per medewerker en taak, of per beoordeling met een andere `Datum`",
                    "one row per employee and task, or one per assessment with another date (`Datum`)",
                )),
                None,
            ));
            return;
        }
        seen.insert((e, t, a.date), r.row.number);
        a.employee = self.wb.employees[e].id.clone();
        a.task = self.wb.tasks[t].code.clone();
        self.wb.assessments.push(a);
    }

    fn team_needs(&mut self, b: &Bound<'_>, refs: &Refs<'_>) {
        use schema::need::*;
        let team_names: Vec<String> = self.wb.teams().iter().map(|s| s.to_string()).collect();
        for row in &b.table.rows {
            let r = RowCtx { bound: b, row };
            let d = &mut self.diags;
            let team = r
                .required(d, TEAM, value::text)
                .and_then(|t| resolve_team(d, &r, TEAM, &t, refs.teams, &team_names));
            let task = r
                .required(d, TAAK, value::text)
                .and_then(|v| refs.task(d, &r, TAAK, &v, &self.wb));
            let need = (
                r.text(d, REDEN),
                r.read(d, VEREIST, value::whole),
                r.date(d, TEGEN),
                r.choice(d, PRIORITEIT, PRIORITIES),
            );
            let (Some(team), Some(t)) = (team, task) else {
                continue;
            };
            self.wb.team_needs.push(TeamNeed {
                team,
                task: self.wb.tasks[t].code.clone(),
                reason: need.0,
                required: need.1,
                deadline: need.2,
                priority: need.3,
                row: row.number,
            });
        }
    }

    fn goals(&mut self, b: &Bound<'_>, refs: &Refs<'_>) {
        use schema::goal::*;
        // (employee index, number) → (goal index, row of its first line)
        let mut goal_of: Map<(usize, u32), (usize, u32)> = Map::default();
        for row in &b.table.rows {
            let r = RowCtx { bound: b, row };
            let d = &mut self.diags;
            let emp = r
                .required(d, MEDEWERKER, value::text)
                .and_then(|v| refs.employee(d, &r, MEDEWERKER, &v, &self.wb));
            let nr = r.required(d, NR, value::whole);
            let text = r.text(d, DOEL);
            let task = r
                .text(d, TAAK)
                .and_then(|v| refs.task(d, &r, TAAK, &v, &self.wb));
            let origin = r.choice(d, HERKOMST, ORIGINS);
            let result = r.choice(d, RESULTAAT, RESULTS);
            let start = r.date(d, START);
            let deadline = r.date(d, DEADLINE);
            let ordered = r.check_order(d, (START, start), (DEADLINE, deadline));
            let follow_up = match r.cell(OPVOLGING) {
                Cell::Empty => None,
                c => match value::date(c) {
                    Ok(date) => date.map(FollowUp::Date),
                    // A follow-up may be described rather than dated (`maandelijks`), but
                    // something that looks like a broken date is a mistake.
                    Err(bad) if looks_like_date(&c.display()) => {
                        d.push(bad_diag(r.loc(OPVOLGING), bad));
                        None
                    }
                    Err(_) => r.text(d, OPVOLGING).map(FollowUp::Text),
                },
            };
            let action = Action {
                text: r.text(d, ACTIE),
                support: r.text(d, ONDERSTEUNING),
                responsible: r.text(d, VERANTWOORDELIJKE),
                start,
                deadline: if ordered { deadline } else { None },
                follow_up,
                status: r.choice(d, STATUS, STATUSES),
                evaluation: r.text(d, EVALUATIE),
                row: row.number,
            };
            let (Some(e), Some(nr)) = (emp, nr) else {
                continue;
            };
            let task_code = task.map(|t| self.wb.tasks[t].code.clone());
            match goal_of.get(&(e, nr)) {
                Some(&(g, first_row)) => {
                    let goal = &mut self.wb.goals[g];
                    if let Some(t) = &text
                        && normalize(t) != normalize(&goal.text)
                        && !goal.text.is_empty()
                    {
                        d.push(diag(
                            Severity::Warning,
                            r.loc(DOEL),
                            Tr::new(
                                format!("doel {nr} van `{}` heeft hier een andere tekst dan op rij {first_row}; popdruk gebruikt die van rij {first_row}", goal.employee),
                                format!("goal {nr} of `{}` has a different text here than on row {first_row}; popdruk uses the one on row {first_row}", goal.employee),
                            ),
                            None,
                            Some(Tr::new(
                                "laat de doeltekst leeg op de volgende rijen van hetzelfde doel, of geef het een ander Nr",
                                "leave the goal text empty on the next rows of the same goal, or give it another No",
                            )),
                        ));
                    }
                    goal.task = goal.task.take().or(task_code);
                    goal.origin = goal.origin.or(origin);
                    goal.result = goal.result.or(result);
                    if !is_empty_action(&action) {
                        goal.actions.push(action);
                    }
                }
                None => {
                    if text.is_none() && b.column(DOEL).is_some() {
                        d.push(diag(
                            Severity::Error,
                            r.loc(DOEL),
                            Tr::new(
                                format!(
                                    "doel {nr} van `{}` heeft geen tekst",
                                    self.wb.employees[e].id
                                ),
                                format!("goal {nr} of `{}` has no text", self.wb.employees[e].id),
                            ),
                            Some(Tr::new(
                                "de doeltekst op de eerste rij van elk doel",
                                "the goal's text on the first row of each goal",
                            )),
                            None,
                        ));
                    }
                    goal_of.insert((e, nr), (self.wb.goals.len(), row.number));
                    self.wb.goals.push(Goal {
                        employee: self.wb.employees[e].id.clone(),
                        number: nr,
                        text: text.unwrap_or_default(),
                        task: task_code,
                        origin,
                        result,
                        row: row.number,
                        actions: if is_empty_action(&action) {
                            Vec::new()
                        } else {
                            vec![action]
                        },
                    });
                }
            }
        }
    }

    fn conversations(&mut self, b: &Bound<'_>, refs: &Refs<'_>) {
        use schema::conv::*;
        for row in &b.table.rows {
            let r = RowCtx { bound: b, row };
            let d = &mut self.diags;
            let emp = r
                .required(d, MEDEWERKER, value::text)
                .and_then(|v| refs.employee(d, &r, MEDEWERKER, &v, &self.wb));
            let date = r.required(d, DATUM, value::date);
            let kind = match value::choice(r.cell(SOORT), CONVERSATION_KINDS) {
                Ok(k) => r.required(d, SOORT, value::text).and(k),
                Err(bad) => {
                    d.push(bad_diag(r.loc(SOORT), bad));
                    None
                }
            };
            let next = r.date(d, VOLGEND);
            r.check_order(d, (DATUM, date), (VOLGEND, next));
            let c = (
                r.text(d, DEELNEMERS),
                r.text(d, VERSLAG),
                r.signed(d, GETEKEND_MW, (DATUM, date)),
                r.signed(d, GETEKEND_LG, (DATUM, date)),
            );
            let (Some(e), Some(date), Some(kind)) = (emp, date, kind) else {
                continue;
            };
            self.wb.conversations.push(Conversation {
                employee: self.wb.employees[e].id.clone(),
                date,
                kind,
                participants: c.0,
                notes: c.1,
                signed_employee: c.2,
                signed_supervisor: c.3,
                next: next.filter(|n| *n >= date),
                row: row.number,
            });
        }
    }

    fn coaches(&mut self, b: &Bound<'_>) {
        use schema::coach::*;
        for row in &b.table.rows {
            let r = RowCtx { bound: b, row };
            let d = &mut self.diags;
            let name = r.required(d, NAAM, value::text);
            let fte = r.required(d, VTE, value::number);
            let from = r.date(d, VAN);
            let until = r.date(d, TOT);
            r.check_order(d, (VAN, from), (TOT, until));
            let qualification = r.text(d, KWALIFICATIE);
            let (Some(name), Some(fte)) = (name, fte) else {
                continue;
            };
            self.wb.coaches.push(Coach {
                name,
                fte,
                qualification,
                from,
                until,
            });
        }
    }

    fn settings(&mut self, b: &Bound<'_>) {
        let (Some(k), Some(v)) = (
            b.column(schema::kv::INSTELLING),
            b.column(schema::kv::WAARDE),
        ) else {
            return;
        };
        for row in &b.table.rows {
            let name = row.cells.get(k).map(Cell::display).unwrap_or_default();
            match row.cells.get(v).map(value::text) {
                Some(Ok(Some(value))) if !name.is_empty() => self.wb.settings.push(Setting {
                    name,
                    value,
                    row: row.number,
                }),
                Some(Err(bad)) => self
                    .diags
                    .push(bad_diag(b.location(Some(row.number), Some(v)), bad)),
                _ => {}
            }
        }
    }

    /// Warns about employees in service without a single matrix row; an empty matrix gets
    /// one warning instead of one per employee.
    fn employees_without_matrix(&mut self, b: &Bound<'_>, matrix: &Bound<'_>) {
        if self.wb.matrix.is_empty() {
            if self.wb.employees.iter().any(|e| e.left.is_none()) {
                self.diags.push(diag(
                    Severity::Warning,
                    matrix.location(None, None),
                    Tr::new("de teammatrix is nog leeg", "the teammatrix is still empty"),
                    None,
                    Some(Tr::new(
                        "vul in het blad `Matrix` in wat elke medewerker kan; het POP toont anders lege lijnen",
                        "fill in what each employee can do in the sheet `Matrix`; otherwise the POP shows blank lines",
                    )),
                ));
            }
            return;
        }
        let assessed: Set<&str> = self.wb.matrix.iter().map(|a| a.employee.as_str()).collect();
        let id_col = b.column(schema::emp::ID);
        let mut warnings = Vec::new();
        for (e, row) in self.wb.employees.iter().zip(&self.employee_rows) {
            if e.left.is_none() && !assessed.contains(e.id.as_str()) {
                warnings.push(diag(
                    Severity::Warning,
                    b.location(Some(*row), id_col),
                    Tr::new(
                        format!("`{}` ({}) staat nog niet in de teammatrix", e.id, e.full_name()),
                        format!("`{}` ({}) is not in the teammatrix yet", e.id, e.full_name()),
                    ),
                    None,
                    Some(Tr::new(
                        "vul in het blad `Matrix` in wat deze medewerker kan; het POP toont anders lege lijnen",
                        "fill in what this employee can do in the sheet `Matrix`; otherwise the POP shows blank lines",
                    )),
                ));
            }
        }
        self.diags.extend(warnings);
    }
}

/// The indexes cross-sheet references are resolved against.
struct Refs<'i> {
    people: &'i Index,
    tasks: &'i Index,
    teams: &'i Index,
    /// Each row that named a known employee, and whom.
    owners: &'i std::cell::RefCell<Vec<(RowKey, usize)>>,
}

impl Refs<'_> {
    fn employee(
        &self,
        d: &mut Vec<Diagnostic>,
        r: &RowCtx<'_, '_>,
        col: Column,
        v: &str,
        wb: &Workbook,
    ) -> Option<usize> {
        self.employee_at(d, r.loc(col), v, &r.naming_cells(), wb)
    }

    /// The employee `v` names on `row`, or an error with a tip: the person the row's other
    /// cells name (a `Naam` or `Deelnemers` column), or a near-miss that cannot be someone
    /// else (see [`Refs::nearest_person`]).
    fn employee_at(
        &self,
        d: &mut Vec<Diagnostic>,
        loc: Location,
        v: &str,
        naming: &[&Cell],
        wb: &Workbook,
    ) -> Option<usize> {
        if let Some(i) = self.people.get(v) {
            if let Some(k) = row_key(&loc) {
                self.owners.borrow_mut().push((k, i));
            }
            return Some(i);
        }
        d.push(unknown(
            loc,
            Tr::new(
                format!("onbekende medewerker `{v}`"),
                format!("unknown employee `{v}`"),
            ),
            Tr::new(
                "een ID of volledige naam uit het blad `Medewerkers`",
                "an ID or full name from the sheet `Employees` (`Medewerkers`)",
            ),
            self.nearest_person(v, naming, wb).map(|i| {
                let e = &wb.employees[i];
                format!("{}` ({}", e.id, e.full_name())
            }),
        ));
        None
    }

    /// The person an unknown spelling `v` most likely meant, `naming` being the row's cells
    /// that may name the person. IDs that differ in one
    /// digit are different people, so a near-miss of an ID counts only when that person's
    /// name is on the row too; a name on the row counts on its own when it is the only one;
    /// a near-miss of a full name counts as it is.
    fn nearest_person(&self, v: &str, naming: &[&Cell], wb: &Workbook) -> Option<usize> {
        let on_row: Vec<usize> = {
            let cells: Vec<String> = naming
                .iter()
                .filter_map(|c| match c {
                    Cell::Text(t) if normalize(t) != normalize(v) => Some(normalize(t)),
                    _ => None,
                })
                .collect();
            let named = |e: &Employee| {
                let full = normalize(&e.full_name());
                let reverse = normalize(&format!("{} {}", e.last_name, e.first_name));
                !full.is_empty()
                    && cells
                        .iter()
                        .any(|c| contains_words(c, &full) || contains_words(c, &reverse))
            };
            let named: Vec<usize> = (0..wb.employees.len())
                .filter(|i| named(&wb.employees[*i]))
                .collect();
            // A conversation's participants name the supervisor and coach too: the person
            // the row is about is the one the others lead.
            let leads = |j: usize, k: usize| {
                let name = normalize(&wb.employees[j].full_name());
                let e = &wb.employees[k];
                [&e.supervisor, &e.coach]
                    .into_iter()
                    .flatten()
                    .any(|n| normalize(n) == name)
            };
            named
                .iter()
                .copied()
                .filter(|&j| !named.iter().any(|&k| k != j && leads(j, k)))
                .collect()
        };
        let near = self.people.nearest(v);
        match near {
            _ if on_row.len() == 1 => Some(on_row[0]),
            Some(i) if on_row.contains(&i) => Some(i),
            Some(i) if normalize(&wb.employees[i].id) != self.people.matched(v, i) => Some(i),
            _ => None,
        }
    }

    fn task(
        &self,
        d: &mut Vec<Diagnostic>,
        r: &RowCtx<'_, '_>,
        col: Column,
        v: &str,
        wb: &Workbook,
    ) -> Option<usize> {
        if let Some(i) = self.tasks.get(v) {
            return Some(i);
        }
        d.push(unknown(
            r.loc(col),
            Tr::new(
                format!("onbekende taak `{v}`"),
                format!("unknown task `{v}`"),
            ),
            Tr::new(
                "een code of naam uit het blad `Taken`",
                "a code or name from the sheet `Tasks` (`Taken`)",
            ),
            self.tasks.nearest(v).map(|i| task_label(&wb.tasks[i])),
        ));
        None
    }
}

/// "`SCH-BUI` (Buitenschilderwerk" — closed by `unknown`'s closing parenthesis quote.
fn task_label(t: &Task) -> String {
    format!("{}` ({}", t.code, t.name)
}

/// A diagnostic for a reference to something that does not exist, with "did you mean".
/// Whether `words` occurs in `text` as whole words (both normalised).
fn contains_words(text: &str, words: &str) -> bool {
    text.match_indices(words).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + words.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

fn unknown(loc: Location, message: Tr, expected: Tr, nearest: Option<String>) -> Diagnostic {
    let hint = nearest.map(|n| {
        let close = if n.contains("` (") { ")" } else { "`" };
        Tr::new(
            format!("bedoelde u `{n}{close}?"),
            format!("did you mean `{n}{close}?"),
        )
    });
    diag(Severity::Error, loc, message, Some(expected), hint)
}

fn resolve_team(
    d: &mut Vec<Diagnostic>,
    r: &RowCtx<'_, '_>,
    col: Column,
    v: &str,
    teams: &Index,
    names: &[String],
) -> Option<String> {
    if let Some(i) = teams.get(v) {
        return Some(names[i].clone());
    }
    d.push(unknown(
        r.loc(col),
        Tr::new(
            format!("onbekend team `{v}`"),
            format!("unknown team `{v}`"),
        ),
        Tr::new(
            "een team dat in het blad `Medewerkers` voorkomt",
            "a team that appears in the sheet `Employees` (`Medewerkers`)",
        ),
        teams.nearest(v).map(|i| names[i].clone()),
    ));
    None
}

/// The first row of each employee, task and assessment date seen in the matrix.
type Seen = Map<(usize, usize, Option<NaiveDate>), u32>;

/// Whether the matrix sheet is in the long form: it names both a task and a level column.
fn is_long_matrix(table: &Table) -> bool {
    let has = |c: Column| table.headers.iter().any(|h| c.matches(h));
    has(schema::matrix::TAAK) && has(schema::matrix::NIVEAU)
}

/// Reads a cell of the wide matrix: level digit, then markers `+` (wil leren), `*` (doet
/// graag), `x` (niet inzetbaar) and `>n` (target level n).
fn wide_cell(cell: &Cell) -> Read<Assessment> {
    let raw = match value::text(cell)? {
        None => return Ok(None),
        Some(t) => t,
    };
    let bad = || Bad {
        message: Tr::new(
            format!("`{raw}` is geen geldige matrixcel"),
            format!("`{raw}` is not a valid matrix cell"),
        ),
        expected: Tr::new(
            "een niveau 0–3 met eventueel `+` (wil leren), `*` (doet graag), `x` (niet inzetbaar) of `>3` (doelniveau), zoals `1+`",
            "a level 0–3, optionally with `+` (wants to learn), `*` (likes it), `x` (not deployable) or `>3` (target level), such as `1+`",
        ),
    };
    let mut a = Assessment::default();
    let mut chars = raw.chars().filter(|c| !c.is_whitespace()).peekable();
    if let Some(c) = chars.peek().copied()
        && c.is_ascii_digit()
    {
        chars.next();
        let n = c.to_digit(10).unwrap_or(9) as u8;
        if n > 3 || chars.peek().is_some_and(|c| c.is_ascii_digit()) {
            return Err(value::level(&Cell::Text(raw.clone()))
                .err()
                .unwrap_or_else(bad));
        }
        a.level = Some(n);
    }
    while let Some(c) = chars.next() {
        match c {
            '+' => a.wants_to_learn = true,
            '*' => a.likes = true,
            'x' | 'X' => a.not_deployable = true,
            '>' => match chars.next().and_then(|d| d.to_digit(10)) {
                Some(n) if n <= 3 => a.target = Some(n as u8),
                _ => return Err(bad()),
            },
            _ => return Err(bad()),
        }
    }
    Ok(Some(a))
}

/// Whether a goal's row holds no action (only the goal): every field empty, wherever it
/// stands.
fn is_empty_action(a: &Action) -> bool {
    a == &Action {
        row: a.row,
        ..Action::default()
    }
}

fn looks_like_date(s: &str) -> bool {
    let digits = s.chars().filter(char::is_ascii_digit).count();
    digits >= 4
        && s.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '/' | '-' | '.' | ' '))
}

/// Formats and checks a Belgian enterprise number: 10 digits (a 9-digit old number gets a
/// leading 0), the last two being 97 minus the first eight modulo 97.
/// Why an enterprise number cannot be right.
#[derive(Debug, PartialEq)]
enum EnterpriseNumberError {
    /// Letters other than a leading `BE`.
    Letters,
    /// Not nine or ten digits: how many there are.
    Digits(usize),
    /// The last two digits are not 97 minus the first eight modulo 97: what they would be.
    CheckDigits(String),
}

/// A Belgian enterprise number as `0123.456.749`, or why it cannot be one.
fn enterprise_number(raw: &str) -> Result<String, EnterpriseNumberError> {
    let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
    let letters = raw
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect::<String>();
    if !(letters.is_empty() || letters.eq_ignore_ascii_case("BE")) {
        return Err(EnterpriseNumberError::Letters);
    }
    let digits = match digits.len() {
        9 => format!("0{digits}"),
        10 => digits,
        n => return Err(EnterpriseNumberError::Digits(n)),
    };
    let base: u64 = digits[..8]
        .parse()
        .map_err(|_| EnterpriseNumberError::Digits(10))?;
    let check = 97 - base % 97;
    let dotted = |d: &str| format!("{}.{}.{}", &d[..4], &d[4..7], &d[7..]);
    if digits[8..] == format!("{check:02}") {
        Ok(dotted(&digits))
    } else {
        Err(EnterpriseNumberError::CheckDigits(dotted(&format!(
            "{}{check:02}",
            &digits[..8]
        ))))
    }
}

/// The warning for an enterprise number that cannot be right.
fn enterprise_number_warning(loc: Location, t: &str, e: EnterpriseNumberError) -> Diagnostic {
    let example = Tr::new(
        "tien cijfers zoals `0123.456.749`",
        "ten digits such as `0123.456.749`",
    );
    let (message, expected) = match e {
        EnterpriseNumberError::Letters => (
            Tr::new(
                format!("ondernemingsnummer `{t}` bevat letters"),
                format!("enterprise number `{t}` contains letters"),
            ),
            example,
        ),
        EnterpriseNumberError::Digits(n) => (
            Tr::new(
                format!("ondernemingsnummer `{t}` heeft {n} cijfers"),
                format!("enterprise number `{t}` has {n} digits"),
            ),
            example,
        ),
        EnterpriseNumberError::CheckDigits(right) => {
            let check = &right[right.len() - 2..];
            (
                Tr::new(
                    format!(
                        "ondernemingsnummer `{t}` klopt niet: de laatste twee cijfers (het controlegetal) passen niet bij de eerste acht, daarvoor zouden ze `{check}` zijn"
                    ),
                    format!(
                        "enterprise number `{t}` is not valid: its last two digits (the check digits) do not match the first eight, which would need `{check}`"
                    ),
                ),
                Tr::new(
                    format!(
                        "het nummer uit de Kruispuntbank van Ondernemingen; `{right}` als de eerste acht cijfers juist zijn"
                    ),
                    format!(
                        "the number in the Crossroads Bank for Enterprises (KBO); `{right}` if the first eight digits are right"
                    ),
                ),
            )
        }
    };
    diag(Severity::Warning, loc, message, Some(expected), None)
}

/// The header most like a missing column's name, to suggest a rename.
fn nearest_header(table: &Table, col: &Column) -> Option<String> {
    let names = [normalize(col.nl), normalize(col.en)];
    table
        .headers
        .iter()
        .filter(|h| !h.trim().is_empty())
        .map(|h| {
            let n = normalize(h);
            let score = names
                .iter()
                .map(|c| strsim::normalized_damerau_levenshtein(&n, c))
                .fold(0.0, f64::max);
            (score, h)
        })
        .filter(|(s, _)| *s >= 0.7)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, h)| h.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Row;

    /// A workbook from sheets written as `;`-separated lines, the first line the header.
    fn source(sheets: &[(&str, &[&str])]) -> Source {
        let tables = sheets
            .iter()
            .map(|(name, lines)| Table {
                name: name.to_string(),
                file: "team.xlsx".into(),
                is_sheet: true,
                header_row: 1,
                headers: lines[0].split(';').map(str::to_string).collect(),
                rows: lines[1..]
                    .iter()
                    .enumerate()
                    .map(|(i, l)| Row {
                        number: i as u32 + 2,
                        cells: l
                            .split(';')
                            .map(|c| {
                                if c.is_empty() {
                                    Cell::Empty
                                } else {
                                    Cell::Text(c.into())
                                }
                            })
                            .collect(),
                    })
                    .collect(),
            })
            .collect();
        Source {
            path: "team.xlsx".into(),
            tables,
        }
    }

    const ORG: (&str, &[&str]) = ("Organisatie", &["Veld;Waarde", "Naam;Groenkracht"]);
    const EMP: (&str, &[&str]) = (
        "Medewerkers",
        &[
            "ID;Voornaam;Achternaam;Team;In dienst",
            "M1;Ayşe;Yılmaz;Groen;01/02/2020",
            "M2;Ilse;Peeters;Schilders;01/03/2019",
        ],
    );
    const TASKS: (&str, &[&str]) = (
        "Taken",
        &[
            "Code;Taak;Cluster",
            "SCH-BUI;Buitenschilderwerk;Schilderwerk",
            "GRO-MAA;Maaien;Groen",
        ],
    );

    fn errors(v: &Validated) -> Vec<String> {
        v.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| {
                format!(
                    "{} @ {}",
                    d.message.nl,
                    d.location.render(crate::i18n::Lang::Nl)
                )
            })
            .collect()
    }

    #[test]
    fn reads_a_clean_workbook_without_errors() {
        let v = validate(&source(&[
            ORG,
            EMP,
            TASKS,
            (
                "Matrix",
                &[
                    "Medewerker;Taak;Niveau;Wil leren",
                    "M1;SCH-BUI;1;ja",
                    "Ilse Peeters;SCH-BUI;3;",
                ],
            ),
        ]));
        assert_eq!(errors(&v), Vec::<String>::new());
        assert_eq!(v.workbook.matrix.len(), 2);
        assert_eq!(
            v.workbook.matrix[1].employee, "M2",
            "full name resolves to the ID"
        );
        assert!(v.workbook.matrix[0].wants_to_learn);
    }

    #[test]
    fn choices_pair_each_dutch_value_with_an_english_one_the_reader_accepts() {
        let support = choices(&sheets::MEDEWERKERS, schema::emp::BEGELEIDINGSGRAAD).unwrap();
        assert_eq!(
            support,
            [["laag", "low"], ["midden", "medium"], ["hoog", "high"]]
        );
        let regimes = choices(&sheets::ORGANISATIE, schema::org::REGIME).unwrap();
        assert_eq!(
            regimes[1],
            ["lokale diensteneconomie", "local service economy"]
        );
        for [nl, en] in regimes {
            let read = |s: &str| value::choice(&Cell::Text(s.into()), REGIMES).unwrap();
            assert_eq!(read(nl), read(en));
        }
        assert_eq!(choices(&sheets::TAKEN, schema::task::TAAK), None);
        assert_eq!(choices(&sheets::TAKEN, schema::conv::SOORT), None);
    }

    #[test]
    fn skips_example_rows_wherever_they_stand() {
        let v = validate(&source(&[
            ORG,
            (
                "Medewerkers",
                &[
                    "ID;Voornaam;Achternaam;Team;In dienst",
                    "Voorbeeld: M001;Ilse;Van den Broeck;Groen;31/02/2020",
                    "M1;Ayşe;Yılmaz;Groen;01/02/2020",
                ],
            ),
            TASKS,
            (
                "Matrix",
                &[
                    "Medewerker;Taak;Niveau",
                    "Example: M001;SCH-BUI;9",
                    "M1;SCH-BUI;1",
                ],
            ),
        ]));
        assert_eq!(errors(&v), Vec::<String>::new());
        assert_eq!(v.workbook.employees.len(), 1);
        assert_eq!(v.workbook.matrix.len(), 1);
    }

    #[test]
    fn an_unfilled_starter_is_empty_not_wrong() {
        let starter = |employees: &'static [&'static str]| {
            validate(&source(&[
                ("Organisatie", &["Veld;Waarde", "Naam;"]),
                ("Medewerkers", employees),
                ("Taken", &["Code;Taak"]),
                ("Matrix", &["Medewerker;Taak;Niveau"]),
            ]))
        };
        let v = starter(&["ID;Voornaam;Achternaam;Team;In dienst", "Voorbeeld: M001"]);
        assert_eq!(errors(&v), Vec::<String>::new());
        assert!(v.diagnostics.iter().all(|d| d.severity == Severity::Note));
        // Without the example row the same sheets are simply missing their data.
        let v = starter(&["ID;Voornaam;Achternaam;Team;In dienst"]);
        assert_eq!(errors(&v).len(), 2, "{:?}", errors(&v));
    }

    #[test]
    fn reads_the_wide_matrix_form_with_markers() {
        let v = validate(&source(&[
            ORG,
            EMP,
            TASKS,
            ("Matrix", &["ID;SCH-BUI;Maaien", "M1;1+>3;2*", "M2;x;"]),
        ]));
        assert_eq!(errors(&v), Vec::<String>::new());
        assert_eq!(v.workbook.matrix_form, MatrixForm::Wide);
        let m = &v.workbook.matrix;
        assert_eq!(m.len(), 3);
        assert_eq!(
            (m[0].level, m[0].wants_to_learn, m[0].target),
            (Some(1), true, Some(3))
        );
        assert_eq!(
            (m[1].task.as_str(), m[1].level, m[1].likes),
            ("GRO-MAA", Some(2), true)
        );
        assert_eq!((m[2].level, m[2].not_deployable), (None, true));
    }

    #[test]
    fn dated_assessments_keep_history_and_settle_on_the_as_of_day() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let levels = |wb: &Workbook| -> Vec<(String, Option<u8>)> {
            wb.matrix
                .iter()
                .map(|a| (format!("{}/{}", a.employee, a.task), a.level))
                .collect()
        };
        let long = validate(&source(&[
            ORG,
            EMP,
            TASKS,
            (
                "Matrix",
                &[
                    "Medewerker;Taak;Niveau;Datum",
                    "M1;SCH-BUI;0;01/03/2025",
                    "M1;SCH-BUI;2;01/03/2026",
                    "M1;SCH-BUI;1;01/09/2025",
                    "M2;SCH-BUI;3;",
                    "M2;SCH-BUI;2;01/01/2025",
                ],
            ),
        ]));
        assert_eq!(errors(&long), Vec::<String>::new());
        let wide = validate(&source(&[
            ORG,
            EMP,
            TASKS,
            (
                "Matrix",
                &[
                    "ID;Datum;SCH-BUI",
                    "M1;01/03/2025;0",
                    "M1;01/03/2026;2",
                    "M1;01/09/2025;1",
                    "M2;;3",
                    "M2;01/01/2025;2",
                ],
            ),
        ]));
        assert_eq!(errors(&wide), Vec::<String>::new());
        for v in [long, wide] {
            let mut wb = v.workbook;
            assert_eq!(wb.assessments.len(), 5);
            let now = vec![
                ("M1/SCH-BUI".into(), Some(2)),
                ("M2/SCH-BUI".into(), Some(3)),
            ];
            assert_eq!(levels(&wb), now, "the latest, undated counting as current");
            wb.settle(day(2025, 12, 31));
            let then = vec![
                ("M1/SCH-BUI".into(), Some(1)),
                ("M2/SCH-BUI".into(), Some(3)),
            ];
            assert_eq!(levels(&wb), then);
            wb.settle(day(2025, 2, 1));
            assert_eq!(levels(&wb), vec![("M2/SCH-BUI".into(), Some(3))]);
        }
    }

    #[test]
    fn two_assessments_on_one_day_are_still_an_error() {
        for rows in [
            &[
                "Medewerker;Taak;Niveau;Datum",
                "M1;SCH-BUI;1;01/03/2025",
                "M1;SCH-BUI;2;01/03/2025",
            ][..],
            &["ID;Datum;SCH-BUI", "M1;;1", "M1;;2"][..],
        ] {
            let v = validate(&source(&[ORG, EMP, TASKS, ("Matrix", rows)]));
            let e = errors(&v);
            assert_eq!(e.len(), 1, "{e:?}");
            assert!(
                e[0].starts_with("`Ayşe Yılmaz` staat twee keer in de matrix voor taak `SCH-BUI` (ook op rij 2) @ "),
                "{e:?}"
            );
        }
    }

    #[test]
    fn wide_cells_outside_the_grammar_are_errors() {
        assert!(wide_cell(&Cell::Text("4".into())).is_err());
        assert!(wide_cell(&Cell::Text("2?".into())).is_err());
        assert!(wide_cell(&Cell::Text("12".into())).is_err());
        assert!(wide_cell(&Cell::Text("1>".into())).is_err());
        assert_eq!(
            wide_cell(&Cell::Number(2.0)).unwrap().unwrap().level,
            Some(2)
        );
    }

    #[test]
    fn rejects_duplicate_employee_ids_naming_both_rows() {
        let v = validate(&source(&[
            ORG,
            (
                "Medewerkers",
                &[
                    "ID;Voornaam;Achternaam;Team;In dienst",
                    "M1;An;A;Groen;",
                    "m1;Bo;B;Groen;",
                ],
            ),
            TASKS,
            ("Matrix", &["Medewerker;Taak;Niveau"]),
        ]));
        let e = errors(&v);
        assert_eq!(
            e,
            vec![
                "ID `m1` komt twee keer voor (ook op rij 2) @ team.xlsx, blad `Medewerkers`, rij 3, kolom `ID` (A)"
            ]
        );
    }

    #[test]
    fn an_employee_in_two_teams_matrix_rows_is_an_error() {
        let v = validate(&source(&[
            ORG,
            EMP,
            TASKS,
            (
                "Matrix",
                &[
                    "Medewerker;Taak;Niveau;Team",
                    "M1;SCH-BUI;1;Groen",
                    "M1;GRO-MAA;2;Schilders",
                ],
            ),
        ]));
        let e = errors(&v);
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(e[0].starts_with("medewerker `M1` (Ayşe Yılmaz) staat in de matrix bij twee teams: `Groen` (rij 2) en `Schilders`"), "{e:?}");
        assert!(e[0].ends_with("rij 3, kolom `Team` (D)"), "{e:?}");
    }

    #[test]
    fn groups_goal_rows_into_goals_with_actions() {
        let v = validate(&source(&[
            ORG,
            EMP,
            TASKS,
            (
                "Matrix",
                &["Medewerker;Taak;Niveau", "M1;SCH-BUI;1", "M2;SCH-BUI;3"],
            ),
            (
                "Doelen",
                &[
                    "Medewerker;Nr;Doel;Taak;Herkomst;Actie;Deadline;Opvolging",
                    "M1;1;Leren schilderen;SCH-BUI;teambehoefte;Meelopen met Ilse;30/06/2026;maandelijks",
                    "M1;1;;;;Cursus verf;15/09/2026;01/07/2026",
                    "M1;2;Rijbewijs B halen;;doorstroom;;;",
                ],
            ),
        ]));
        assert_eq!(errors(&v), Vec::<String>::new());
        let g = &v.workbook.goals;
        assert_eq!(g.len(), 2);
        assert_eq!(g[0].actions.len(), 2);
        assert_eq!(g[0].task.as_deref(), Some("SCH-BUI"));
        assert_eq!(g[0].origin, Some(Origin::Teambehoefte));
        assert_eq!(
            g[0].actions[0].follow_up,
            Some(FollowUp::Text("maandelijks".into()))
        );
        assert!(matches!(g[0].actions[1].follow_up, Some(FollowUp::Date(_))));
        assert!(
            g[1].actions.is_empty(),
            "a goal row without action fields adds no action"
        );
    }

    #[test]
    fn a_goal_without_text_on_its_first_row_is_an_error() {
        let v = validate(&source(&[
            ORG,
            EMP,
            TASKS,
            (
                "Matrix",
                &["Medewerker;Taak;Niveau", "M1;SCH-BUI;1", "M2;SCH-BUI;3"],
            ),
            ("Doelen", &["Medewerker;Nr;Doel;Actie", "M1;1;;Meelopen"]),
        ]));
        assert_eq!(
            errors(&v),
            vec![
                "doel 1 van `M1` heeft geen tekst @ team.xlsx, blad `Doelen`, rij 2, kolom `Doel` (C)"
            ]
        );
    }

    #[test]
    fn unknown_columns_and_sheets_are_notes_and_never_show_their_values() {
        let v = validate(&source(&[
            ORG,
            (
                "Medewerkers",
                &[
                    "ID;Voornaam;Achternaam;Team;In dienst;Rijksregisternummer",
                    "M1;An;A;Groen;01/01/2020;85.07.30-033.61",
                ],
            ),
            TASKS,
            ("Matrix", &["Medewerker;Taak;Niveau", "M1;SCH-BUI;2"]),
            ("Notities", &["Wat", "iets"]),
        ]));
        assert!(!v.has_errors());
        let notes: Vec<String> = v
            .diagnostics
            .iter()
            .map(|d| d.render(crate::i18n::Lang::Nl))
            .collect();
        assert_eq!(notes.len(), 2, "{notes:?}");
        assert!(notes.iter().all(|n| !n.contains("85.07.30")));
        assert!(notes[0].contains("kolom `Rijksregisternummer` is onbekend"));
    }

    #[test]
    fn missing_required_sheet_and_column_are_errors_with_a_hint() {
        let v = validate(&source(&[
            ORG,
            (
                "Medewerkers",
                &[
                    "ID;Voornaam;Achternam;Team;In dienst",
                    "M1;An;A;Groen;01/01/2020",
                ],
            ),
            ("Matrix", &["Medewerker;Taak;Niveau"]),
        ]));
        let rendered: Vec<String> = v
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| d.render(crate::i18n::Lang::Nl))
            .collect();
        assert_eq!(rendered.len(), 2, "{rendered:?}");
        assert!(rendered[0].contains("de verplichte kolom `Achternaam` ontbreekt"));
        assert!(
            rendered[0].contains("tip: bedoelde u met kolom `Achternam` de kolom `Achternaam`?")
        );
        assert!(rendered[1].starts_with("fout: het blad `Taken` ontbreekt"));
    }

    #[test]
    fn enterprise_numbers_are_checked_and_formatted() {
        let ok = |s: &str| Ok(s.to_string());
        assert_eq!(enterprise_number("0123456749"), ok("0123.456.749"));
        assert_eq!(enterprise_number("BE 0123.456.749"), ok("0123.456.749"));
        assert_eq!(enterprise_number("123.456.749"), ok("0123.456.749"));
        assert_eq!(
            enterprise_number("0123.456.789"),
            Err(EnterpriseNumberError::CheckDigits("0123.456.749".into()))
        );
        assert_eq!(
            enterprise_number("0123.45"),
            Err(EnterpriseNumberError::Digits(6))
        );
        assert_eq!(
            enterprise_number("NL 0123.456.749"),
            Err(EnterpriseNumberError::Letters)
        );
    }
}
