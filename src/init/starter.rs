//! The starter workbook of `popdruk init`: every sheet of `docs/workbook.md` with its
//! headers in the user's language, a one-sentence explanation on each header, drop-down
//! lists for closed values and for references to employees and tasks, and an explanation
//! sheet first.
//!
//! Sheet names, headers and closed values come from the reader's own tables
//! ([`crate::model::schema`], [`crate::model::choices`]), so the starter and the reader
//! cannot disagree; this module adds only what a person needs to fill the sheets in. It
//! does not write files: the caller writes the bytes.

use std::io;

use super::xlsx::{ColumnFormat, GuidedSheet, List, RowLook, Rule, guided_xlsx_bytes};
use super::{Sheet, Value, column_width, sample_team};
use crate::diagnostic::column_letter;
use crate::i18n::{Lang, Tr};
use crate::model::choices;
use crate::model::schema::{
    Column, SheetDef, coach, conv, emp, example, goal, kv, matrix, need, normalize, org, sheets,
    task,
};

/// The file name `popdruk init` writes.
pub const STARTER_FILE: &str = "team.xlsx";

/// Data rows that get drop-down lists: rows 2 to 2000, enough for a matrix of a large team.
const LAST_ROW: u32 = 1999;

/// The last row a reference list offers (`=Medewerkers!$A$2:$A$500`): far more employees
/// or tasks than one team has, without a long tail of empty choices in every drop-down.
const LAST_REFERENCE_ROW: u32 = 500;

/// The logo the example team's `Organisatie` sheet names, written beside it by
/// `popdruk init --example` (the bundled sample's logo).
pub const EXAMPLE_LOGO: &[u8] = include_bytes!("../../samples/logo.png");

/// The file name of [`EXAMPLE_LOGO`], as the example workbook names it.
pub const EXAMPLE_LOGO_FILE: &str = "logo.png";

/// The bytes of the starter workbook in `lang`: the sample team's data with `with_example`,
/// else empty sheets with one greyed example row each.
pub fn starter_bytes(lang: Lang, with_example: bool) -> io::Result<Vec<u8>> {
    guided_xlsx_bytes(&starter(lang, with_example))
}

/// The sheets of the starter workbook: the explanation first, then every sheet popdruk reads.
pub fn starter(lang: Lang, with_example: bool) -> Vec<GuidedSheet> {
    let sample = sample_team();
    let mut out = vec![explanation(lang, with_example)];
    for def in sheets::ALL {
        let rows = sample
            .iter()
            .find(|s| def.matches(&s.name))
            .map(|s| sample_rows(def, s, lang))
            .unwrap_or_default();
        out.push(guided(def, rows, lang, with_example));
    }
    out
}

/// The yes/no values a drop-down offers, in Dutch and English (the reader takes many more).
const YES_NO: &[[&str; 2]] = &[["ja", "yes"], ["nee", "no"]];

/// What a column holds: it decides the column's width, format and drop-down list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Holds {
    /// A short code or ID.
    Code,
    /// A name.
    Name,
    /// Longer text.
    Long,
    /// A date.
    Date,
    /// A decimal number (FTE).
    Decimal,
    /// A whole number.
    Whole,
    /// A matrix level, 0 to 3.
    Level,
    /// Yes or no.
    YesNo,
    /// One of the values [`choices`] lists for the column.
    Closed,
    /// An employee's ID from `Medewerkers`.
    Employee,
    /// A task's code from `Taken`.
    Task,
}

/// The explanation of one column for the person filling it in.
struct Help {
    /// The column, as the reader knows it.
    column: Column,
    /// Whether every row needs a value (the `V` of `docs/workbook.md`).
    fill: bool,
    /// What the column holds.
    holds: Holds,
    /// One sentence in Dutch.
    nl: &'static str,
    /// The same sentence in English.
    en: &'static str,
}

const fn h(column: Column, fill: bool, holds: Holds, nl: &'static str, en: &'static str) -> Help {
    Help {
        column,
        fill,
        holds,
        nl,
        en,
    }
}

use Holds::{Closed, Code, Date, Decimal, Employee, Level, Long, Name, Task, Whole, YesNo};

const EMPLOYEE_NL: &str =
    "Het ID (of de voor- en achternaam) van de medewerker uit het blad Medewerkers.";
const EMPLOYEE_EN: &str = "The employee's ID (or first and last name) from the sheet Employees.";
const TASK_NL: &str = "De code (of naam) van de taak uit het blad Taken.";
const TASK_EN: &str = "The task's code (or name) from the sheet Tasks.";

const ORGANISATIE: &[Help] = &[
    h(
        kv::VELD,
        true,
        Name,
        "Het gegeven; laat deze namen staan zoals ze zijn.",
        "The field; leave these names as they are.",
    ),
    h(
        kv::WAARDE,
        false,
        Long,
        "Het gegeven van uw organisatie; de naam is verplicht.",
        "Your organisation's details; the name is required.",
    ),
];

/// Explanations of the fields of `Organisatie`, shown on their cell in the `Waarde` column.
const ORGANISATION_FIELDS: &[Help] = &[
    h(
        org::NAAM,
        true,
        Name,
        "De naam van uw organisatie, gedrukt op elk document.",
        "Your organisation's name, printed on every document.",
    ),
    h(
        org::ONDERNEMINGSNUMMER,
        false,
        Code,
        "Het ondernemingsnummer, zoals 0123.456.749.",
        "The enterprise number, such as 0123.456.749.",
    ),
    h(
        org::ADRES,
        false,
        Name,
        "Straat en nummer.",
        "Street and number.",
    ),
    h(
        org::PLAATS,
        false,
        Name,
        "De gemeente, gedrukt bij de handtekeningen (Opgemaakt te ...).",
        "The municipality, printed with the signatures.",
    ),
    h(
        org::REGIME,
        false,
        Closed,
        "Collectief maatwerk, lokale diensteneconomie of individueel maatwerk.",
        "Collective custom work, local service economy or individual custom work.",
    ),
    h(
        org::LOGO,
        false,
        Name,
        "Een PNG- of JPEG-bestand naast de werkmap, zoals logo.png.",
        "A PNG or JPEG file next to the workbook, such as logo.png.",
    ),
];

#[rustfmt::skip]
const MEDEWERKERS: &[Help] = &[
    h(emp::ID, true, Code, "Een eigen code per medewerker, zoals M001; de andere bladen verwijzen ermee naar de medewerker.", "A code of its own per employee, such as M001; the other sheets refer to the employee with it."),
    h(emp::VOORNAAM, true, Name, "De voornaam, zoals hij op de documenten moet staan.", "The first name, as it must appear on the documents."),
    h(emp::ACHTERNAAM, true, Name, "De achternaam, precies zoals hij geschreven wordt (Van den Broeck).", "The last name, exactly as it is written (Van den Broeck)."),
    h(emp::FUNCTIE, false, Name, "De functie, zoals Groenarbeider.", "The job title, such as Groenarbeider."),
    h(emp::TEAM, true, Name, "De naam van het team; elke medewerker hoort bij één team.", "The team's name; each employee belongs to one team."),
    h(emp::IN_DIENST, true, Date, "De datum van indiensttreding, zoals 17/02/2026.", "The date of hire, such as 17/02/2026."),
    h(emp::UIT_DIENST, false, Date, "De datum van uitdiensttreding; leeg zolang de medewerker in dienst is.", "The date the employee left; empty while still employed."),
    h(emp::DOELGROEP, false, YesNo, "Ja als de medewerker een doelgroepwerknemer is, die een POP nodig heeft.", "Yes if the employee is a target-group employee, who needs a POP."),
    h(emp::BEGELEIDINGSGRAAD, false, Closed, "Hoeveel begeleiding de medewerker nodig heeft: laag, midden of hoog.", "How much coaching the employee needs: low, medium or high."),
    h(emp::WOP_START, false, Date, "De startdatum van het werkondersteuningspakket (WOP), als er een is.", "The start date of the work-support package (WOP), if there is one."),
    h(emp::TRAJECTSTART, false, Date, "Alleen voor lokale diensteneconomie: de start van het inschakelingstraject (niet de datum in dienst), niet voor 01/04/2015.", "Local service economy only: the start of the LDE track (not the hire date), not before 01/04/2015."),
    h(emp::LEIDINGGEVENDE, false, Name, "De naam van de leidinggevende.", "The supervisor's name."),
    h(emp::BEGELEIDER, false, Name, "De naam van de begeleider of jobcoach.", "The name of the coach or job coach."),
    h(emp::VTE, false, Decimal, "Het deel van een voltijdse baan, tussen 0 en 1 (0,8 is vier dagen).", "The share of a full-time job, between 0 and 1 (0.8 is four days)."),
    h(emp::LOOPBAANDOEL, false, Long, "Waar de medewerker naartoe wil, in één zin.", "Where the employee wants to go, in one sentence."),
    h(emp::STERKTES, false, Long, "Waar de medewerker goed in is.", "What the employee is good at."),
    h(emp::WERKPUNTEN, false, Long, "Wat de medewerker nog wil of moet leren.", "What the employee still wants or needs to learn."),
    h(emp::INTERESSES, false, Long, "Wat de medewerker graag doet; noem taken bij naam, dan koppelt popdruk ze aan de teambehoeften.", "What the employee likes doing; name tasks, and popdruk matches them with the team needs."),
];

#[rustfmt::skip]
const TAKEN: &[Help] = &[
    h(task::CODE, true, Code, "Een korte, eigen code per taak, zoals SCH-BUI.", "A short code of its own per task, such as SCH-BUI."),
    h(task::TAAK, true, Name, "De naam van de taak of werkpost.", "The name of the task or work station."),
    h(task::CLUSTER, false, Name, "De groep van de taak, zoals Groen of Schilderwerk.", "The task's group, such as Groen or Schilderwerk."),
    h(task::SOORT, false, Closed, "Technisch of generiek; leeg betekent technisch.", "Technical or generic; empty means technical."),
    h(task::VEREIST, false, Whole, "Hoeveel mensen de taak zelfstandig (niveau 2 of meer) moeten kunnen.", "How many people must be able to do the task independently (level 2 or more)."),
    h(task::OMSCHRIJVING, false, Long, "Wat de taak inhoudt.", "What the task involves."),
    h(task::TEAM, false, Name, "Het team dat de taak nodig heeft; leeg: de teams waarin iemand er een niveau voor heeft.", "The team that needs the task; empty: the teams in which someone has a level for it."),
];

#[rustfmt::skip]
const MATRIX: &[Help] = &[
    h(matrix::MEDEWERKER, true, Employee, EMPLOYEE_NL, EMPLOYEE_EN),
    h(matrix::TAAK, true, Task, TASK_NL, TASK_EN),
    h(matrix::NIVEAU, false, Level, "0 kan het niet, 1 leert het, 2 kan het zelfstandig, 3 kan het anderen leren; leeg is niet beoordeeld.", "0 cannot do it, 1 learning, 2 does it independently, 3 can teach others; empty is not assessed."),
    h(matrix::WIL_LEREN, false, YesNo, "Ja als de medewerker deze taak wil leren.", "Yes if the employee wants to learn this task."),
    h(matrix::DOET_GRAAG, false, YesNo, "Ja als de medewerker deze taak graag doet.", "Yes if the employee likes doing this task."),
    h(matrix::NIET_INZETBAAR, false, YesNo, "Ja als de medewerker deze taak niet kan doen; schrijf nooit de reden.", "Yes if the employee cannot be deployed on this task; never write the reason."),
    h(matrix::DOELNIVEAU, false, Level, "Het niveau (0 tot 3) dat de medewerker wil bereiken.", "The level (0 to 3) the employee aims for."),
    h(matrix::DATUM, false, Date, "De datum van de beoordeling. Hou vroegere niveaus bij met een nieuwe rij en een nieuwe datum: de laatste op of vóór --as-of telt; leeg is de huidige.", "The date of the assessment. Keep earlier levels by adding a row with a new date: the latest on or before --as-of counts; empty is the current one."),
    h(matrix::TEAM, false, Name, "Het team van de medewerker; mag leeg blijven.", "The employee's team; may stay empty."),
];

#[rustfmt::skip]
const TEAMBEHOEFTEN: &[Help] = &[
    h(need::TEAM, true, Name, "Het team dat iets nodig heeft, zoals in het blad Medewerkers.", "The team that needs something, as in the sheet Employees."),
    h(need::TAAK, true, Task, TASK_NL, TASK_EN),
    h(need::REDEN, false, Long, "Waarom het team dit nodig heeft, zoals veel schilderopdrachten in het voorjaar.", "Why the team needs it, such as many painting jobs in spring."),
    h(need::VEREIST, false, Whole, "Hoeveel mensen de taak zelfstandig moeten kunnen; vervangt voor dit team het getal uit Taken.", "How many people must do the task independently; replaces the number from Tasks for this team."),
    h(need::TEGEN, false, Date, "Tegen wanneer het team dit nodig heeft.", "By when the team needs it."),
    h(need::PRIORITEIT, false, Closed, "Hoog, midden of laag.", "High, medium or low."),
];

#[rustfmt::skip]
const DOELEN: &[Help] = &[
    h(goal::MEDEWERKER, true, Employee, EMPLOYEE_NL, EMPLOYEE_EN),
    h(goal::NR, true, Whole, "Het nummer van het doel bij deze medewerker (1, 2, ...); rijen met hetzelfde nummer zijn acties van één doel.", "The goal's number for this employee (1, 2, ...); rows with the same number are actions of one goal."),
    h(goal::DOEL, true, Long, "Het doel, SMART geschreven; alleen nodig op de eerste rij van het doel.", "The goal, written SMART; only needed on the goal's first row."),
    h(goal::TAAK, false, Task, "De taak die dit doel ontwikkelt, uit het blad Taken.", "The task this goal develops, from the sheet Tasks."),
    h(goal::HERKOMST, false, Closed, "Waar het doel vandaan komt: individueel, teambehoefte of doorstroom.", "Where the goal comes from: individual, team need or transition."),
    h(goal::ACTIE, false, Long, "Wat er gebeurt om het doel te halen.", "What will be done to reach the goal."),
    h(goal::ONDERSTEUNING, false, Long, "Hoe: opleiding op de werkvloer, cursus, peter of meter, ...", "How: training on the job, a course, a buddy, ..."),
    h(goal::VERANTWOORDELIJKE, false, Name, "Wie de actie opvolgt.", "Who follows the action up."),
    h(goal::START, false, Date, "Wanneer de actie begint.", "When the action starts."),
    h(goal::DEADLINE, false, Date, "Tegen wanneer de actie klaar moet zijn.", "By when the action must be done."),
    h(goal::OPVOLGING, false, Date, "De datum van de opvolging, of hoe vaak (maandelijks).", "The date of the follow-up, or how often (monthly)."),
    h(goal::STATUS, false, Closed, "Hoe ver de actie staat.", "How far the action is."),
    h(goal::EVALUATIE, false, Long, "Wat de evaluatie over het doel zegt.", "What the evaluation says about the goal."),
    h(goal::RESULTAAT, false, Closed, "Behaald, deels behaald of niet behaald.", "Achieved, partly achieved or not achieved."),
];

#[rustfmt::skip]
const GESPREKKEN: &[Help] = &[
    h(conv::MEDEWERKER, true, Employee, EMPLOYEE_NL, EMPLOYEE_EN),
    h(conv::DATUM, true, Date, "De datum van het gesprek.", "The date of the conversation."),
    h(conv::SOORT, true, Closed, "Het soort gesprek: POP-gesprek, opvolging, evaluatie of doorstroom.", "The kind of conversation: POP meeting, follow-up, evaluation or transition."),
    h(conv::DEELNEMERS, false, Long, "Wie erbij was.", "Who took part."),
    h(conv::VERSLAG, false, Long, "Een kort verslag.", "Short notes."),
    h(conv::GETEKEND_MW, false, YesNo, "Ja of nee, of de datum waarop de medewerker tekende (30/10/2026).", "Yes or no, or the date the employee signed (30/10/2026)."),
    h(conv::GETEKEND_LG, false, YesNo, "Ja of nee, of de datum waarop de leidinggevende tekende (30/10/2026).", "Yes or no, or the date the supervisor signed (30/10/2026)."),
    h(conv::VOLGEND, false, Date, "De datum van het volgende gesprek.", "The date of the next meeting."),
];

#[rustfmt::skip]
const BEGELEIDERS: &[Help] = &[
    h(coach::NAAM, true, Name, "De naam van de begeleider.", "The coach's name."),
    h(coach::VTE, true, Decimal, "Het deel van een voltijdse baan dat de begeleider begeleidt (0,5 is halftijds).", "The share of a full-time job the coach spends coaching (0.5 is half time)."),
    h(coach::KWALIFICATIE, false, Long, "Het diploma of de opleiding van de begeleider.", "The coach's diploma or training."),
    h(coach::VAN, false, Date, "Sinds wanneer de begeleider begeleidt.", "Since when the coach coaches."),
    h(coach::TOT, false, Date, "Tot wanneer; leeg zolang de begeleider er is.", "Until when; empty while the coach is there."),
];

#[rustfmt::skip]
const INSTELLINGEN: &[Help] = &[
    h(kv::INSTELLING, false, Name, "De naam van een regel die u anders wilt dan standaard.", "The name of a rule you want to set differently."),
    h(kv::WAARDE, false, Name, "De waarde voor die regel.", "The value for that rule."),
];

/// The explanations of a sheet's columns, in the sheet's column order.
fn helps(def: &SheetDef) -> &'static [Help] {
    [
        (sheets::ORGANISATIE, ORGANISATIE),
        (sheets::MEDEWERKERS, MEDEWERKERS),
        (sheets::TAKEN, TAKEN),
        (sheets::MATRIX, MATRIX),
        (sheets::TEAMBEHOEFTEN, TEAMBEHOEFTEN),
        (sheets::DOELEN, DOELEN),
        (sheets::GESPREKKEN, GESPREKKEN),
        (sheets::BEGELEIDERS, BEGELEIDERS),
        (sheets::INSTELLINGEN, INSTELLINGEN),
    ]
    .into_iter()
    .find(|(d, _)| d == def)
    .map_or(&[], |(_, h)| h)
}

fn pick<'s>(lang: Lang, nl: &'s str, en: &'s str) -> &'s str {
    match lang {
        Lang::Nl => nl,
        Lang::En => en,
    }
}

fn sheet_name(def: &SheetDef, lang: Lang) -> &'static str {
    pick(lang, def.nl, def.en)
}

/// The header of a column: its name, and ` *` when every row needs a value (the reader
/// ignores a trailing `*`).
fn header(help: &Help, lang: Lang) -> String {
    let name = pick(lang, help.column.nl, help.column.en);
    if help.fill {
        format!("{name} *")
    } else {
        name.to_string()
    }
}

/// The rows of a sample sheet in `def`'s column order, with closed values and field names
/// in `lang`.
fn sample_rows(def: &SheetDef, sample: &Sheet, lang: Lang) -> Vec<Vec<Value>> {
    let helps = helps(def);
    let source: Vec<Option<usize>> = helps
        .iter()
        .map(|h| sample.headers.iter().position(|s| h.column.matches(s)))
        .collect();
    sample
        .rows
        .iter()
        .map(|row| {
            let mut out: Vec<Value> = source
                .iter()
                .map(|i| i.and_then(|i| row.get(i)).cloned().unwrap_or(Value::Empty))
                .collect();
            if lang == Lang::En {
                for (value, help) in out.iter_mut().zip(helps) {
                    *value = translated(def, help, value);
                }
                if def == &sheets::ORGANISATIE {
                    translate_field(&mut out);
                }
            }
            out
        })
        .collect()
}

/// A Dutch closed value (`ja`, `midden`) in English; other values as they are.
fn translated(def: &SheetDef, help: &Help, value: &Value) -> Value {
    let Value::Text(text) = value else {
        return value.clone();
    };
    let pairs = match help.holds {
        YesNo => YES_NO.to_vec(),
        Closed => choices(def, help.column).unwrap_or_default(),
        _ => Vec::new(),
    };
    pairs
        .iter()
        .find(|[nl, _]| normalize(nl) == normalize(text))
        .map_or_else(|| value.clone(), |[_, en]| Value::text(*en))
}

/// An `Organisatie` row (`Veld`, `Waarde`) with the field's English name and, for the
/// regime, its English value.
fn translate_field(row: &mut [Value]) {
    let Some(Value::Text(field)) = row.first() else {
        return;
    };
    let Some(help) = ORGANISATION_FIELDS.iter().find(|h| h.column.matches(field)) else {
        return;
    };
    row[0] = Value::text(help.column.en);
    if let Some(value) = row.get_mut(1) {
        *value = translated(&sheets::ORGANISATIE, help, value);
    }
}

/// A sheet of the starter: with `with_example` all of `sample`, else its first row greyed
/// as an example (and, on `Organisatie`, one empty row per field).
fn guided(def: &SheetDef, sample: Vec<Vec<Value>>, lang: Lang, with_example: bool) -> GuidedSheet {
    let helps = helps(def);
    let (rows, looks) = if with_example {
        let looks = vec![RowLook::Plain; sample.len()];
        (sample, looks)
    } else {
        example_rows(def, sample, lang)
    };
    let headers: Vec<String> = helps.iter().map(|h| header(h, lang)).collect();
    let sheet = Sheet {
        name: sheet_name(def, lang).to_string(),
        headers,
        rows,
    };
    let chars = sheet.column_chars();
    let widths = helps
        .iter()
        .zip(&chars)
        .map(|(h, c)| width(def, h, *c, lang))
        .collect();
    let formats = helps
        .iter()
        .map(|h| match h.holds {
            Date => ColumnFormat::Date,
            Decimal => ColumnFormat::Decimal,
            _ => ColumnFormat::General,
        })
        .collect();
    let mut rules = Vec::new();
    for (col, help) in (0..).zip(helps) {
        rules.push(Rule {
            rows: (0, 0),
            column: col,
            list: None,
            input: Some(input(
                pick(lang, help.column.nl, help.column.en),
                help,
                lang,
            )),
            warning: None,
        });
        if let Some(list) = list(def, help, lang) {
            rules.push(Rule {
                rows: (1, LAST_ROW),
                column: col,
                list: Some(list),
                input: None,
                warning: Some(not_in_list(lang)),
            });
        }
    }
    if def == &sheets::ORGANISATIE {
        rules.extend(field_rules(&sheet, lang));
    }
    GuidedSheet {
        sheet,
        widths,
        formats,
        looks,
        rules,
        freeze_header: true,
        fit_page_width: false,
    }
}

/// The greyed example row (the sample's first, its first cell opening with the example
/// word) and, on `Organisatie`, the fields to fill in.
fn example_rows(
    def: &SheetDef,
    sample: Vec<Vec<Value>>,
    lang: Lang,
) -> (Vec<Vec<Value>>, Vec<RowLook>) {
    let word = pick(lang, example::NL, example::EN);
    let mut rows = Vec::new();
    if let Some(mut first) = sample.into_iter().next() {
        if let Some(cell) = first.first_mut() {
            *cell = Value::text(format!("{word} {}", cell.display(lang == Lang::Nl)));
        }
        rows.push(first);
    }
    let mut looks = vec![RowLook::Example; rows.len()];
    if def == &sheets::ORGANISATIE {
        for field in ORGANISATION_FIELDS {
            rows.push(vec![
                Value::text(pick(lang, field.column.nl, field.column.en)),
                Value::Empty,
            ]);
            looks.push(RowLook::Plain);
        }
    }
    (rows, looks)
}

/// Input messages (and the regime's list) on the `Waarde` cell of each `Organisatie` field.
fn field_rules(sheet: &Sheet, lang: Lang) -> Vec<Rule> {
    let mut rules = Vec::new();
    for (row, values) in (1..).zip(&sheet.rows) {
        let Some(Value::Text(field)) = values.first() else {
            continue;
        };
        let Some(help) = ORGANISATION_FIELDS.iter().find(|h| h.column.matches(field)) else {
            continue;
        };
        let list = list(&sheets::ORGANISATIE, help, lang);
        rules.push(Rule {
            rows: (row, row),
            column: 1,
            warning: list.as_ref().map(|_| not_in_list(lang)),
            list,
            input: Some(input(field, help, lang)),
        });
    }
    rules
}

/// The title and sentence shown on a header (or an `Organisatie` value) when selected.
fn input(name: &str, help: &Help, lang: Lang) -> (String, String) {
    let required = format!("{name} ({})", pick(lang, "verplicht", "required"));
    // Excel refuses titles over 32 characters.
    let title = if help.fill && required.chars().count() <= 32 {
        required
    } else {
        name.chars().take(32).collect()
    };
    (title, pick(lang, help.nl, help.en).to_string())
}

fn not_in_list(lang: Lang) -> (String, String) {
    let t = Tr::new("Niet in de lijst", "Not in the list");
    let m = Tr::new(
        "Deze waarde staat niet in de lijst. popdruk leest ook andere schrijfwijzen; `popdruk check` zegt of ze goed is.",
        "This value is not in the list. popdruk reads other spellings too; `popdruk check` tells whether it is right.",
    );
    (t.get(lang).to_string(), m.get(lang).to_string())
}

/// The drop-down list of a column, if its values are closed or refer to another sheet.
fn list(def: &SheetDef, help: &Help, lang: Lang) -> Option<List> {
    let values = |v: &[[&str; 2]]| {
        List::Values(
            v.iter()
                .map(|[nl, en]| pick(lang, nl, en).to_string())
                .collect(),
        )
    };
    Some(match help.holds {
        YesNo => values(YES_NO),
        Level => values(&[["0", "0"], ["1", "1"], ["2", "2"], ["3", "3"]]),
        Closed => values(&choices(def, help.column)?),
        Employee => reference(&sheets::MEDEWERKERS, emp::ID, lang),
        Task => reference(&sheets::TAKEN, task::CODE, lang),
        _ => return None,
    })
}

/// A list of the values in `column` of sheet `def` (`=Medewerkers!$A$2:$A$500`).
fn reference(def: &SheetDef, column: Column, lang: Lang) -> List {
    let index = def.columns.iter().position(|c| *c == column).unwrap_or(0);
    let letter = column_letter(index);
    let name = sheet_name(def, lang);
    let name = if name.chars().all(|c| c.is_ascii_alphanumeric()) {
        name.to_string()
    } else {
        format!("'{name}'")
    };
    // From row 2 on, the example row included: people often type over it.
    List::Range(format!(
        "={name}!${letter}$2:${letter}${LAST_REFERENCE_ROW}"
    ))
}

/// The width of a column: room for what it holds, its header and a drop-down arrow, and
/// for what the sample writes in it, up to 40 characters.
fn width(def: &SheetDef, help: &Help, content: usize, lang: Lang) -> f64 {
    let base = match help.holds {
        Code | Level | YesNo | Whole | Decimal => 8,
        Date => 12,
        Employee | Task => 16,
        Name => 18,
        Long => 40,
        Closed => choices(def, help.column)
            .unwrap_or_default()
            .iter()
            .map(|[nl, en]| pick(lang, nl, en).chars().count() + 4)
            .max()
            .unwrap_or(12),
    };
    let header = header(help, lang).chars().count() + 4;
    base.max(header).max(column_width(content).min(40)) as f64
}

/// The explanation sheet: what popdruk does, how to fill the sheets in, which columns are
/// required and the commands to run.
fn explanation(lang: Lang, with_example: bool) -> GuidedSheet {
    let name = |def: &SheetDef| sheet_name(def, lang);
    let file = STARTER_FILE;
    let stem = file.trim_end_matches(".xlsx");
    let mut lines = Lines(Vec::new(), lang);
    lines.heading("Wat doet popdruk?", "What does popdruk do?");
    lines.add(
        "popdruk maakt van deze werkmap drukklare documenten: per medewerker een POP-formulier, een afsprakenformulier en een voorbereidingsformulier, en per team een teammatrix en een opleidingsplan.",
        "popdruk turns this workbook into documents ready to print: for each employee a POP form, an agreement form and a preparation form, and for each team a team matrix and a training plan.",
    );
    lines.add(
        "U vult de werkmap in met Excel of LibreOffice; popdruk leest ze en maakt er PDF-bestanden van.",
        "You fill in the workbook with Excel or LibreOffice; popdruk reads it and makes PDF files from it.",
    );
    lines.heading("Zo vult u de bladen in", "How to fill in the sheets");
    lines.add(
        format!("1. {}: vul naast {} de naam van uw organisatie in, en de andere gegevens als u ze kent.", name(&sheets::ORGANISATIE), org::NAAM.nl),
        format!("1. {}: fill in your organisation's name next to {}, and the other details if you know them.", name(&sheets::ORGANISATIE), org::NAAM.en),
    );
    lines.add(
        format!(
            "2. {}: één rij per medewerker, met een eigen ID (zoals M001).",
            name(&sheets::MEDEWERKERS)
        ),
        format!(
            "2. {}: one row per employee, with an ID of its own (such as M001).",
            name(&sheets::MEDEWERKERS)
        ),
    );
    lines.add(
        format!(
            "3. {}: één rij per taak of werkpost, met een korte code (zoals SCH-BUI).",
            name(&sheets::TAKEN)
        ),
        format!(
            "3. {}: one row per task or work station, with a short code (such as SCH-BUI).",
            name(&sheets::TAKEN)
        ),
    );
    lines.add(
        format!("4. {}: één rij per medewerker en taak, met het niveau: 0 kan het niet, 1 leert het, 2 kan het zelfstandig, 3 kan het anderen leren.", name(&sheets::MATRIX)),
        format!("4. {}: one row per employee and task, with the level: 0 cannot do it, 1 learning, 2 does it independently, 3 can teach others.", name(&sheets::MATRIX)),
    );
    let optional: Vec<&str> = sheets::ALL
        .iter()
        .filter(|d| !d.required)
        .map(&name)
        .collect();
    let optional = optional.join(", ");
    lines.add(
        format!("5. {optional}: vul ze in als u ze nodig hebt; ze mogen leeg blijven."),
        format!("5. {optional}: fill them in when you need them; they may stay empty."),
    );
    lines.add(
        "Klik op een kolomkop: een kadertje zegt wat in die kolom hoort. Waar een pijltje verschijnt, kiest u een waarde uit de lijst.",
        "Click a column header: a box says what belongs in that column. Where an arrow appears, pick a value from the list.",
    );
    lines.add(
        "Schrijf datums als 17/02/2026 en kommagetallen als 0,8.",
        "Write dates as 17/02/2026 and decimals as 0.8.",
    );
    if !with_example {
        lines.add(
            format!("De grijze rij die begint met {} toont hoe een rij eruitziet. popdruk slaat ze over: laat ze staan of wis ze.", example::NL),
            format!("The grey row that starts with {} shows what a row looks like. popdruk skips it: keep it or delete it.", example::EN),
        );
    }
    lines.add(
        "Verander de namen van de bladen en de kolommen niet. Eigen kolommen mag u toevoegen: popdruk leest ze niet.",
        "Do not rename the sheets or the columns. You may add columns of your own: popdruk does not read them.",
    );
    lines.heading(
        "Verplicht in te vullen (met * in de kolomkop)",
        "Required (marked * in the column header)",
    );
    lines.add(
        format!(
            "{}: {} (in de kolom {})",
            name(&sheets::ORGANISATIE),
            org::NAAM.nl,
            kv::WAARDE.nl
        ),
        format!(
            "{}: {} (in the column {})",
            name(&sheets::ORGANISATIE),
            org::NAAM.en,
            kv::WAARDE.en
        ),
    );
    for def in sheets::ALL.iter().filter(|d| *d != &sheets::ORGANISATIE) {
        let required: Vec<&str> = helps(def)
            .iter()
            .filter(|h| h.fill)
            .map(|h| pick(lang, h.column.nl, h.column.en))
            .collect();
        if !required.is_empty() {
            let line = format!("{}: {}", name(def), required.join(", "));
            lines.add(line.clone(), line);
        }
    }
    lines.heading("Daarna", "Then");
    lines.add(
        format!("Sla de werkmap op en controleer ze met:   popdruk check {file}"),
        format!("Save the workbook and check it with:   popdruk check {file} --lang en"),
    );
    lines.add(
        "popdruk toont elk probleem met het blad, de rij en de kolom. Verbeter ze en controleer opnieuw.",
        "popdruk shows every problem with its sheet, row and column. Fix them and check again.",
    );
    lines.add(
        format!("Maak de documenten met:   popdruk {file}"),
        format!("Make the documents with:   popdruk {file} --lang en"),
    );
    lines.add(
        format!(
            "De PDF-bestanden komen in de map {stem}, naast de werkmap. Meer uitleg: popdruk --help"
        ),
        format!(
            "The PDF files go to the folder {stem}, next to the workbook. More help: popdruk --help"
        ),
    );
    lines.add("", "");
    lines.add(
        "popdruk leest dit blad niet; u mag het wissen.",
        "popdruk does not read this sheet; you may delete it.",
    );
    let (looks, rows) = lines
        .0
        .into_iter()
        .map(|(look, text)| (look, vec![Value::text(text)]))
        .unzip();
    let title = pick(
        lang,
        "Zo gebruikt u deze werkmap met popdruk",
        "How to use this workbook with popdruk",
    );
    GuidedSheet {
        sheet: Sheet {
            name: pick(lang, sheets::EXPLANATION[0], sheets::EXPLANATION[1]).to_string(),
            headers: vec![title.to_string()],
            rows,
        },
        widths: vec![80.0],
        formats: vec![ColumnFormat::Wrap],
        looks,
        rules: Vec::new(),
        freeze_header: false,
        fit_page_width: true,
    }
}

/// The lines of the explanation sheet as they are written, in one language.
struct Lines(Vec<(RowLook, String)>, Lang);

impl Lines {
    /// A line of text.
    fn add(&mut self, nl: impl Into<String>, en: impl Into<String>) {
        let text = Tr::new(nl, en).get(self.1).to_string();
        self.0.push((RowLook::Plain, text));
    }

    /// A bold heading after a blank line (none before the first).
    fn heading(&mut self, nl: &str, en: &str) {
        if !self.0.is_empty() {
            self.0.push((RowLook::Plain, String::new()));
        }
        self.0
            .push((RowLook::Heading, pick(self.1, nl, en).to_string()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_column_of_every_sheet_has_an_explanation_in_order() {
        for def in sheets::ALL {
            let columns: Vec<Column> = helps(def).iter().map(|h| h.column).collect();
            assert_eq!(columns, def.columns, "{}", def.nl);
        }
        let fields: Vec<Column> = ORGANISATION_FIELDS.iter().map(|h| h.column).collect();
        assert_eq!(fields, org::ALL);
    }

    #[test]
    fn explanations_fit_excels_input_message() {
        for help in sheets::ALL
            .iter()
            .flat_map(|d| helps(d))
            .chain(ORGANISATION_FIELDS)
        {
            for s in [help.nl, help.en] {
                assert!(s.chars().count() <= 255, "{s}");
                assert!(s.ends_with('.'), "one sentence: {s}");
            }
        }
    }

    #[test]
    fn closed_columns_have_the_readers_choices() {
        for def in sheets::ALL {
            for help in helps(def) {
                let closed = choices(def, help.column).is_some();
                assert_eq!(
                    help.holds == Closed,
                    closed,
                    "{} {}",
                    def.nl,
                    help.column.nl
                );
            }
        }
    }

    #[test]
    fn references_point_at_the_id_and_code_columns() {
        assert_eq!(
            reference(&sheets::MEDEWERKERS, emp::ID, Lang::Nl),
            List::Range("=Medewerkers!$A$2:$A$500".into())
        );
        assert_eq!(
            reference(&sheets::TAKEN, task::CODE, Lang::En),
            List::Range("=Tasks!$A$2:$A$500".into())
        );
        assert_eq!(
            reference(&sheets::TEAMBEHOEFTEN, need::TAAK, Lang::En),
            List::Range("='Team needs'!$B$2:$B$500".into())
        );
    }

    #[test]
    fn english_examples_translate_closed_values_and_fields() {
        let sheets = starter(Lang::En, true);
        let employees = &sheets[2].sheet;
        assert_eq!(employees.name, "Employees");
        assert_eq!(employees.headers[0], "ID *");
        assert_eq!(employees.rows[0][7], Value::text("yes"));
        let org = &sheets[1].sheet;
        assert_eq!(org.rows[0][0], Value::text("Name"));
        let regime = org.rows.iter().find(|r| r[0] == Value::text("Regime"));
        assert_eq!(regime.unwrap()[1], Value::text("collective custom work"));
    }

    #[test]
    fn a_blank_starter_has_one_greyed_example_row_per_sheet() {
        let sheets = starter(Lang::Nl, false);
        assert_eq!(sheets[0].sheet.name, "Uitleg");
        for s in &sheets[1..] {
            assert_eq!(s.looks[0], RowLook::Example, "{}", s.sheet.name);
            let Value::Text(first) = &s.sheet.rows[0][0] else {
                panic!("{}: first cell is not text", s.sheet.name)
            };
            assert!(example::is_example(first), "{first}");
            assert!(s.looks[1..].iter().all(|l| *l == RowLook::Plain));
        }
        assert_eq!(sheets[1].sheet.rows.len(), 1 + org::ALL.len());
    }
}
