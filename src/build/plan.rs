//! What a build makes: the document kinds, the plan (which kinds, for whom, on which
//! days, in which language) and the names of the files it writes.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use crate::compliance::{Period, Thresholds};
use crate::i18n::Lang;
use crate::model::{Employee, Workbook};
use crate::naming::{folder_name, safe_name};
use crate::pdf;
use crate::style::Paper;

/// A kind of document made per employee.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// The POP form.
    Pop,
    /// The agreement form.
    Afspraken,
    /// The preparation form for the employee.
    Voorbereiding,
    /// The follow-up form, for the talk between two POP conversations: made when asked
    /// (`--only opvolging`), not by default.
    Opvolging,
    /// The printed teammatrix, per team.
    Teammatrix,
    /// The training plan, per team.
    Opleidingsplan,
    /// The inspection dossier, one for the organisation.
    Dossier,
    /// The planning of the coming months per supervisor, one for the organisation: made
    /// when asked (`--only planning`).
    Planning,
    /// The management summary on one page, one for the organisation: made when asked
    /// (`--only overzicht`).
    Overzicht,
}

impl Kind {
    /// Every kind, in print order.
    pub const ALL: [Kind; 9] = [
        Kind::Pop,
        Kind::Afspraken,
        Kind::Voorbereiding,
        Kind::Opvolging,
        Kind::Teammatrix,
        Kind::Opleidingsplan,
        Kind::Dossier,
        Kind::Planning,
        Kind::Overzicht,
    ];

    /// What a build makes when `--only` does not say: every kind but the follow-up form,
    /// which belongs between two POP conversations.
    pub const DEFAULT: [Kind; 6] = [
        Kind::Pop,
        Kind::Afspraken,
        Kind::Voorbereiding,
        Kind::Teammatrix,
        Kind::Opleidingsplan,
        Kind::Dossier,
    ];

    /// Whether the document is one short document for the organisation (the planning, the
    /// overview), made beside the others.
    pub fn per_organisation(self) -> bool {
        matches!(self, Kind::Planning | Kind::Overzicht)
    }

    /// Whether the document is made per team rather than per employee.
    pub fn per_team(self) -> bool {
        matches!(self, Kind::Teammatrix | Kind::Opleidingsplan)
    }

    /// The name used in `--only`, file names and the template name.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Pop => "pop",
            Kind::Afspraken => "afspraken",
            Kind::Voorbereiding => "voorbereiding",
            Kind::Opvolging => "opvolging",
            Kind::Teammatrix => "teammatrix",
            Kind::Opleidingsplan => "opleidingsplan",
            Kind::Dossier => "dossier",
            Kind::Planning => "planning",
            Kind::Overzicht => "overzicht",
        }
    }

    /// The template that makes this kind.
    pub fn template(self) -> String {
        format!("{}.tera", self.name())
    }

    /// The file of a document made once for the organisation (`planning.pdf`).
    pub fn file(self) -> String {
        format!("{}.pdf", self.name())
    }
}

impl std::str::FromStr for Kind {
    /// What is wrong with the value, in both languages.
    type Err = crate::i18n::Tr;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let name = s.trim().to_lowercase();
        Kind::ALL
            .into_iter()
            .find(|k| k.name() == name)
            .ok_or_else(|| {
                let names: Vec<String> = Kind::ALL
                    .iter()
                    .map(|k| format!("`{}`", k.name()))
                    .collect();
                let names = names.join(", ");
                crate::i18n::Tr::new(
                    format!("document `{s}` bestaat niet: kies uit {names}"),
                    format!("there is no document `{s}`: choose from {names}"),
                )
            })
    }
}

/// The planning's file name in the output folder.
pub const PLANNING_FILE: &str = "planning.pdf";

/// The overview's file name in the output folder.
pub const OVERZICHT_FILE: &str = "overzicht.pdf";

/// The dossier file name.
pub const DOSSIER_FILE: &str = "dossier.pdf";

/// What to build.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// Document kinds, in print order.
    pub kinds: Vec<Kind>,
    /// Employee IDs; empty means everyone in service on the as-of day.
    pub employees: Vec<String>,
    /// Language of the documents.
    pub lang: Lang,
    /// The date printed on the documents (`--date`).
    pub date: NaiveDate,
    /// Paper of the teammatrix.
    pub paper: Paper,
    /// Images templates may print, by name (`logo`).
    pub images: pdf::Images,
    /// The rule thresholds in force, for the dossier.
    pub rules: Thresholds,
    /// The day the content is about (`--as-of`): who is in service, the teammatrix's
    /// coverage, the conversations held, and the rules the dossier checks.
    pub as_of: NaiveDate,
    /// The period the dossier covers.
    pub period: Period,
    /// Only employees due for a conversation on or before this day (or overdue):
    /// `--due`.
    pub due: Option<NaiveDate>,
    /// Employees (IDs) whose own rows have errors: none of their documents is made, nor
    /// their team's documents, nor the dossier, which must be complete.
    pub skip: Vec<String>,
    /// How many months after the as-of day the planning looks ahead.
    pub months: u32,
    /// The earlier day the teammatrix compares levels with (`--since`).
    pub since: NaiveDate,
}

impl Plan {
    /// Every employee in service, A4, no images, the built-in thresholds, the rules checked
    /// on `date` over the 12 months before it.
    pub fn new(kinds: Vec<Kind>, lang: Lang, date: NaiveDate) -> Plan {
        Plan {
            kinds,
            employees: Vec::new(),
            lang,
            date,
            paper: Paper::A4,
            images: pdf::Images::new(),
            rules: Thresholds::default(),
            as_of: date,
            period: Period::ending(date),
            due: None,
            skip: Vec::new(),
            months: 6,
            since: crate::compliance::previous_quarter_start(date),
        }
    }
}

/// The employees a plan covers, in sheet order; unknown IDs are returned separately.
pub fn select<'a>(wb: &'a Workbook, plan: &Plan) -> (Vec<&'a Employee>, Vec<String>) {
    let (mut chosen, unknown) = chosen(wb, plan);
    if let Some(until) = plan.due {
        let idx = crate::model::Index::new(wb);
        chosen.retain(|e| {
            crate::compliance::due_on(&idx, &plan.rules, plan.as_of, e).is_some_and(|d| d <= until)
        });
    }
    (chosen, unknown)
}

/// The employees named (or everyone in service), before `--due` narrows them.
fn chosen<'a>(wb: &'a Workbook, plan: &Plan) -> (Vec<&'a Employee>, Vec<String>) {
    if plan.employees.is_empty() {
        let chosen = wb
            .employees
            .iter()
            .filter(|e| e.in_service_on(plan.as_of) && !plan.skip.contains(&e.id))
            .collect();
        return (chosen, Vec::new());
    }
    let unknown = plan
        .employees
        .iter()
        .filter(|id| !wb.employees.iter().any(|e| &e.id == *id))
        .cloned()
        .collect();
    let chosen = wb
        .employees
        .iter()
        .filter(|e| plan.employees.contains(&e.id) && !plan.skip.contains(&e.id))
        .collect();
    (chosen, unknown)
}

/// The names a run writes under: each employee's folder and each team's part of a file
/// name, unique in the run even on a file system that ignores case (`M/10` and `M:10`,
/// both Jan Peeters, get `M-10-Peeters-Jan` and `M-10-Peeters-Jan-rij-12`), so no file
/// overwrites another. Made from the whole workbook, so a name does not depend on which
/// employees a run selects.
#[derive(Debug, Clone, Default)]
pub struct Names {
    employees: HashMap<String, String>,
    teams: HashMap<String, String>,
}

impl Names {
    /// The names of `wb`'s employees and teams.
    pub fn new(wb: &Workbook) -> Names {
        /// `base`, or `base` with the first of `others` that is not `taken` yet.
        fn claim(
            taken: &mut HashSet<String>,
            base: String,
            others: impl Fn(usize) -> String,
        ) -> String {
            let mut name = base.clone();
            let mut n = 1;
            while !taken.insert(name.to_lowercase()) {
                name = format!("{base}-{}", others(n));
                n += 1;
            }
            name
        }
        let mut team_names = HashSet::new();
        let mut teams = HashMap::new();
        for (i, team) in wb.teams().into_iter().enumerate() {
            let base = match safe_name(team) {
                n if n.is_empty() => format!("team-{}", i + 1),
                n => n,
            };
            let name = claim(&mut team_names, base, |n| (n + 1).to_string());
            teams.insert(team.to_string(), name);
        }
        // The files at the top of the folder: an employee's folder may not take their name.
        let mut taken: HashSet<String> = Kind::ALL
            .iter()
            .map(|k| format!("bundel-{}.pdf", k.name()))
            .chain([
                DOSSIER_FILE.to_string(),
                format!("{}-blanco.pdf", Kind::Voorbereiding.name()),
            ])
            .chain(Kind::ALL.iter().filter(|k| k.per_team()).flat_map(|k| {
                teams
                    .values()
                    .map(move |t| format!("{}-{t}.pdf", k.name()).to_lowercase())
            }))
            .collect();
        let mut employees = HashMap::new();
        for e in &wb.employees {
            let row = e.row;
            let name = claim(&mut taken, folder_name(e), |n| match n {
                1 => format!("rij-{row}"),
                n => format!("rij-{row}-{n}"),
            });
            employees.insert(e.id.clone(), name);
        }
        Names { employees, teams }
    }

    /// The folder of an employee of the workbook.
    pub fn folder(&self, e: &Employee) -> String {
        self.employees
            .get(&e.id)
            .cloned()
            .unwrap_or_else(|| folder_name(e))
    }

    /// `M003-Yılmaz-Ayşe/pop-M003-Yılmaz-Ayşe.pdf`: an employee's document of `kind`.
    pub fn employee_file(&self, kind: Kind, e: &Employee) -> String {
        let folder = self.folder(e);
        format!("{folder}/{}-{folder}.pdf", kind.name())
    }

    /// `teammatrix-Ploeg-1.pdf`: a team's document of `kind`.
    pub fn team_file(&self, kind: Kind, team: &str) -> String {
        let name = match self.teams.get(team) {
            Some(n) => n.clone(),
            None => safe_name(team),
        };
        format!("{}-{name}.pdf", kind.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_parse_from_only() {
        assert_eq!("POP".parse::<Kind>(), Ok(Kind::Pop));
        assert_eq!("dossier".parse::<Kind>(), Ok(Kind::Dossier));
        assert!("dosier".parse::<Kind>().is_err());
    }
}
