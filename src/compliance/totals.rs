//! How many findings need action, and for how many of the employees checked: the line
//! that closes `check`'s findings and heads the dossier, the overview and the page.

use std::collections::BTreeSet;

use super::{Finding, Severity};
use crate::i18n::Lang;

/// Counts of findings that need action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Totals {
    /// Findings of severity `tekort`.
    pub tekorten: usize,
    /// Findings of severity `waarschuwing`.
    pub waarschuwingen: usize,
    /// Employees with at least one of those.
    pub employees: usize,
    /// Employees the rules were applied to.
    pub checked: usize,
}

impl Totals {
    /// Counts `findings` for `checked` employees.
    pub fn of(findings: &[Finding], checked: usize) -> Totals {
        let needs_action = |f: &&Finding| f.severity >= Severity::Waarschuwing;
        let count = |s| findings.iter().filter(|f| f.severity == s).count();
        let employees: BTreeSet<_> = findings
            .iter()
            .filter(needs_action)
            .filter_map(|f| f.employee.as_deref())
            .collect();
        Totals {
            tekorten: count(Severity::Tekort),
            waarschuwingen: count(Severity::Waarschuwing),
            employees: employees.len(),
            checked,
        }
    }

    /// `3 tekorten, 5 aandachtspunten bij 4 van 14 doelgroepwerknemers`.
    pub fn render(&self, lang: Lang) -> String {
        let n =
            |k: usize, one: &str, many: &str| format!("{k} {}", if k == 1 { one } else { many });
        match lang {
            Lang::Nl if self.tekorten + self.waarschuwingen == 0 => format!(
                "geen tekorten of aandachtspunten bij {}",
                n(self.checked, "doelgroepwerknemer", "doelgroepwerknemers")
            ),
            Lang::En if self.tekorten + self.waarschuwingen == 0 => format!(
                "no shortfalls or points of attention for {}",
                n(
                    self.checked,
                    "target-group employee",
                    "target-group employees"
                )
            ),
            Lang::Nl => format!(
                "{}, {} bij {} van {}",
                n(self.tekorten, "tekort", "tekorten"),
                n(self.waarschuwingen, "aandachtspunt", "aandachtspunten"),
                self.employees,
                n(self.checked, "doelgroepwerknemer", "doelgroepwerknemers")
            ),
            Lang::En => format!(
                "{}, {} for {} of {}",
                n(self.tekorten, "shortfall", "shortfalls"),
                n(
                    self.waarschuwingen,
                    "point of attention",
                    "points of attention"
                ),
                self.employees,
                n(
                    self.checked,
                    "target-group employee",
                    "target-group employees"
                )
            ),
        }
    }
}
