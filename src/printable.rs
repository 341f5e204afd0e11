//! Which characters of the workbook's text no embedded font can print, named by the
//! employee (or task, organisation) and the field that holds them, and pointed to by their
//! cell (each record keeps its row, the workbook its sheets' columns: [`Places`]).
//!
//! The layout engine also notices such a character, but it only knows the markup line the
//! template made; a user needs the cell to fix. This scans the values the documents print
//! against the fonts' coverage before anything is laid out. It does not change the text:
//! the character still prints as a box, and stays in the PDF's text layer.

use std::collections::BTreeSet;

use crate::diagnostic::Location;
use crate::i18n::{Lang, Tr};
use crate::model::schema::{Column, SheetDef, conv, emp, goal, kv, need, org, sheets, task};
use crate::model::{Employee, FollowUp, Index, Places, Workbook};
use crate::naming::folder_name;
use crate::notice::Notice;
use crate::text::fonts::{FaceId, Fonts};

/// A character no embedded face has, and where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unprintable {
    /// Whose value: `M003 Ayşe Yılmaz`, `taak `SCH-BUI``, `organisatie`.
    pub owner: Tr,
    /// The column it stands in.
    pub field: Column,
    /// The character.
    pub c: char,
    /// The cell it stands in, when the workbook was read from a file.
    pub at: Option<Location>,
}

impl Unprintable {
    /// `M003 Ayşe Yılmaz: veld `Loopbaandoel`: teken `𓀀` (U+13000) kan niet afgedrukt worden`.
    pub fn message(&self) -> Tr {
        let c = self.c;
        let code = format!("U+{:04X}", u32::from(c));
        let (nl, en) = (&self.owner.nl, &self.owner.en);
        Tr::new(
            format!(
                "{nl}: veld `{}`: teken `{c}` ({code}) kan niet afgedrukt worden: geen ingebouwd lettertype heeft het, het wordt een vakje",
                self.field.nl
            ),
            format!(
                "{en}: field `{}`: character `{c}` ({code}) cannot be printed: no embedded font has it, it prints as a box",
                self.field.en
            ),
        )
    }
}

/// Whether some embedded face draws `c` (white space and control characters draw nothing
/// and need no glyph).
pub fn printable(c: char) -> bool {
    c.is_whitespace() || c.is_control() || Fonts::embedded().pick(FaceId::REGULAR, c).is_some()
}

/// Scans the values of one owner (an employee, a task…), each in the cell it was read from.
struct Scan<'a> {
    places: &'a Places,
    owner: Tr,
    out: &'a mut Vec<Unprintable>,
}

impl Scan<'_> {
    /// Each character of `text` that no face has, once, in order of first appearance;
    /// `text` stands in `field` (named to the user) on `row` of `sheet`, in column `col`
    /// (the field's own column, or the `Waarde` column of a key–value sheet).
    fn cell(&mut self, text: &str, field: Column, (sheet, row, col): (&SheetDef, u32, Column)) {
        let mut seen = BTreeSet::new();
        for c in text.chars() {
            if !printable(c) && seen.insert(c) {
                self.out.push(Unprintable {
                    owner: self.owner.clone(),
                    field,
                    c,
                    at: self.places.cell(sheet, row, col),
                });
            }
        }
    }

    /// [`Scan::cell`] for a value in its own column on `row` of `sheet`, if present.
    fn field(&mut self, text: Option<&str>, col: Column, sheet: &SheetDef, row: u32) {
        if let Some(t) = text {
            self.cell(t, col, (sheet, row, col));
        }
    }
}

/// The unprintable characters of one employee's own values, goals, actions and
/// conversations.
pub fn of_employee(rows: &Index<'_>, e: &Employee) -> Vec<Unprintable> {
    let name = format!("{} {}", e.id, e.full_name());
    let mut out = Vec::new();
    let mut scan = Scan {
        places: &rows.workbook().places,
        owner: Tr::new(name.clone(), name),
        out: &mut out,
    };
    let (sheet, row) = (&sheets::MEDEWERKERS, e.row);
    for (text, col) in [
        (Some(e.id.as_str()), emp::ID),
        (Some(&e.first_name), emp::VOORNAAM),
        (Some(&e.last_name), emp::ACHTERNAAM),
        (e.function.as_deref(), emp::FUNCTIE),
        (Some(&e.team), emp::TEAM),
        (e.supervisor.as_deref(), emp::LEIDINGGEVENDE),
        (e.coach.as_deref(), emp::BEGELEIDER),
        (e.career_goal.as_deref(), emp::LOOPBAANDOEL),
        (e.strengths.as_deref(), emp::STERKTES),
        (e.improvements.as_deref(), emp::WERKPUNTEN),
        (e.interests.as_deref(), emp::INTERESSES),
    ] {
        scan.field(text, col, sheet, row);
    }
    // The employee's rows from the run's index: scanning every goal and conversation for
    // each employee grew with the square of the organisation.
    let sheet = &sheets::DOELEN;
    for g in rows.goals(&e.id) {
        scan.field(Some(&g.text), goal::DOEL, sheet, g.row);
        for a in &g.actions {
            let follow_up = match &a.follow_up {
                Some(FollowUp::Text(t)) => Some(t.as_str()),
                _ => None,
            };
            for (text, col) in [
                (a.text.as_deref(), goal::ACTIE),
                (a.support.as_deref(), goal::ONDERSTEUNING),
                (a.responsible.as_deref(), goal::VERANTWOORDELIJKE),
                (follow_up, goal::OPVOLGING),
                (a.evaluation.as_deref(), goal::EVALUATIE),
            ] {
                scan.field(text, col, sheet, a.row);
            }
        }
    }
    for c in rows.conversations(&e.id) {
        let sheet = &sheets::GESPREKKEN;
        scan.field(c.participants.as_deref(), conv::DEELNEMERS, sheet, c.row);
        scan.field(c.notes.as_deref(), conv::VERSLAG, sheet, c.row);
    }
    out
}

/// The unprintable characters of what every document may print: the organisation, the
/// tasks and the team needs.
pub fn of_shared(wb: &Workbook) -> Vec<Unprintable> {
    let mut out = Vec::new();
    let places = &wb.places;
    let o = &wb.organisation;
    let mut scan = Scan {
        places,
        owner: Tr::new("organisatie", "organisation"),
        out: &mut out,
    };
    for (text, col) in [
        (Some(&o.name), org::NAAM),
        (o.address.as_ref(), org::ADRES),
        (o.city.as_ref(), org::PLAATS),
    ] {
        if let Some(t) = text {
            // A field of the key–value sheet: its value stands in the `Waarde` column of
            // the field's own row.
            let row = o.rows.get(col.nl).copied().unwrap_or(0);
            scan.cell(t, col, (&sheets::ORGANISATIE, row, kv::WAARDE));
        }
    }
    for t in &wb.tasks {
        let mut scan = Scan {
            places,
            owner: Tr::new(format!("taak `{}`", t.code), format!("task `{}`", t.code)),
            out: &mut out,
        };
        for (text, col) in [
            (Some(t.code.as_str()), task::CODE),
            (Some(&t.name), task::TAAK),
            (t.cluster.as_deref(), task::CLUSTER),
            (t.description.as_deref(), task::OMSCHRIJVING),
        ] {
            scan.field(text, col, &sheets::TAKEN, t.row);
        }
    }
    for n in &wb.team_needs {
        let mut scan = Scan {
            places,
            owner: Tr::new(
                format!("teambehoefte `{}` / `{}`", n.team, n.task),
                format!("team need `{}` / `{}`", n.team, n.task),
            ),
            out: &mut out,
        };
        scan.field(
            n.reason.as_deref(),
            need::REDEN,
            &sheets::TEAMBEHOEFTEN,
            n.row,
        );
    }
    out
}

/// Notices for the unprintable characters of the shared values and of `employees`, in the
/// plan's language: one per character and field, not one per document.
pub fn notices(rows: &Index<'_>, employees: &[&Employee], lang: Lang) -> Vec<Notice> {
    let all = Tr::new("alle documenten", "all documents")
        .get(lang)
        .to_string();
    let mut out: Vec<Notice> = of_shared(rows.workbook())
        .iter()
        .map(|u| Notice {
            file: all.clone(),
            message: u.message(),
            glyph: Some(u.c),
            at: u.at.clone(),
        })
        .collect();
    for e in employees {
        out.extend(of_employee(rows, e).into_iter().map(|u| Notice {
            file: folder_name(e),
            message: u.message(),
            glyph: Some(u.c),
            at: u.at,
        }));
    }
    out
}

/// Drops the layout engine's warnings about characters the data notices already name by
/// their cell, so each such character is reported once, where it can be fixed. (The
/// layout warning names the character as `(U+XXXX)` and says it is in none of the fonts.)
pub fn drop_named_by_data(notices: &mut Vec<Notice>, from_data: usize) {
    let named: BTreeSet<char> = notices[..from_data]
        .iter()
        .filter_map(|n| n.glyph)
        .collect();
    let mut i = 0;
    notices.retain(|n| {
        i += 1;
        i <= from_data || !n.glyph.is_some_and(|c| named.contains(&c))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ayse() -> Employee {
        Employee {
            id: "M003".into(),
            first_name: "Ayşe".into(),
            last_name: "Yılmaz".into(),
            team: "Buitenploeg".into(),
            career_goal: Some("Ploegbaas worden 𓀀 en Олена helpen".into()),
            ..Employee::default()
        }
    }

    #[test]
    fn names_the_employee_the_field_and_the_character() {
        let wb = Workbook::default();
        let found = of_employee(&Index::new(&wb), &ayse());
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].message().en,
            "M003 Ayşe Yılmaz: field `Career goal`: character `𓀀` (U+13000) cannot be printed: no embedded font has it, it prints as a box"
        );
        assert!(
            found[0]
                .message()
                .nl
                .starts_with("M003 Ayşe Yılmaz: veld `Loopbaandoel`: teken `𓀀` (U+13000)")
        );
    }

    #[test]
    fn flemish_turkish_polish_greek_and_cyrillic_text_is_printable() {
        for c in "Van den Broeck Ayşe Yılmaz Łukasz Wójcik Ştefan Αλέξανδρος Олена € – …".chars()
        {
            assert!(printable(c), "{c}");
        }
    }

    #[test]
    fn the_layout_warning_for_a_character_named_by_data_is_dropped() {
        let notice = |file: &str, c: char| Notice {
            file: file.into(),
            message: Tr::new(format!("{c}"), format!("{c}")),
            glyph: Some(c),
            at: None,
        };
        let mut notices = vec![
            notice("M003", '𓀀'),
            notice("pop.pdf", '𓀀'),
            notice("pop.pdf", '𐀀'),
            Notice {
                file: "teammatrix.pdf".into(),
                message: Tr::new("gesplitst", "split"),
                glyph: None,
                at: None,
            },
        ];
        drop_named_by_data(&mut notices, 1);
        let left: Vec<_> = notices.iter().map(|n| (n.file.as_str(), n.glyph)).collect();
        assert_eq!(
            left,
            [
                ("M003", Some('𓀀')),
                ("pop.pdf", Some('𐀀')),
                ("teammatrix.pdf", None)
            ]
        );
    }
}
