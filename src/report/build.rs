//! What `popdruk build` says on stderr: the warnings about the files it made, the closing
//! line (what was made, where; who was due; who was skipped and why), and why a build
//! stopped halfway.

use std::path::Path;

use chrono::NaiveDate;

use super::failure::{Failure, io_cause};
use crate::build::{BuildError, Kind, Made, Plan};
use crate::compliance;
use crate::i18n::{Lang, Tr};
use crate::model::{Employee, Workbook};
use crate::notice::Notice;

/// `waarschuwing: M003-Yılmaz-Ayşe: …`: a notice about a file, in the reader's language,
/// with the cell to fix on a line of its own (as a data message shows it) when the data
/// caused it.
pub fn notice(n: &Notice, lang: Lang) -> String {
    let word = match lang {
        Lang::Nl => "waarschuwing",
        Lang::En => "warning",
    };
    let mut out = format!("{word}: {}: {}", n.file, n.message.get(lang));
    if let Some(at) = &n.at {
        out.push_str(&format!("\n  --> {}", at.render(lang)));
    }
    out
}

/// The closing line of a build: what was made, and where.
pub fn made(made: &Made, out_dir: &Path, lang: Lang) -> String {
    /// The words of the closing line, in one language.
    struct Words {
        document: (&'static str, &'static str),
        employee: (&'static str, &'static str),
        team_document: (&'static str, &'static str),
        bundle: (&'static str, &'static str),
        for_: &'static str,
        dossier: &'static str,
        planning: &'static str,
        overzicht: &'static str,
        blank: &'static str,
        and: &'static str,
        head: &'static str,
        nothing: &'static str,
    }
    let w = match lang {
        Lang::Nl => Words {
            document: ("document", "documenten"),
            employee: ("medewerker", "medewerkers"),
            team_document: ("teamdocument", "teamdocumenten"),
            bundle: ("bundel", "bundels"),
            for_: "voor",
            dossier: "het inspectiedossier",
            planning: "de planning",
            overzicht: "het overzicht",
            blank: "een leeg voorbereidingsformulier",
            and: " en ",
            head: "klaar",
            nothing: "geen documenten",
        },
        Lang::En => Words {
            document: ("document", "documents"),
            employee: ("employee", "employees"),
            team_document: ("team document", "team documents"),
            bundle: ("bundle", "bundles"),
            for_: "for",
            dossier: "the inspection dossier",
            planning: "the planning",
            overzicht: "the overview",
            blank: "a blank preparation form",
            and: " and ",
            head: "done",
            nothing: "no documents",
        },
    };
    let n =
        |k: usize, (one, many): (&str, &str)| format!("{k} {}", if k == 1 { one } else { many });
    let mut parts = Vec::new();
    if made.documents > 0 {
        parts.push(format!(
            "{} {} {}",
            n(made.documents, w.document),
            w.for_,
            n(made.employees, w.employee)
        ));
    }
    if made.team_documents > 0 {
        parts.push(n(made.team_documents, w.team_document));
    }
    if made.bundles > 0 {
        parts.push(n(made.bundles, w.bundle));
    }
    if made.blank {
        parts.push(w.blank.to_string());
    }
    if made.dossier {
        parts.push(w.dossier.to_string());
    }
    if made.planning {
        parts.push(w.planning.to_string());
    }
    if made.overzicht {
        parts.push(w.overzicht.to_string());
    }
    let what = match parts.len() {
        0 => w.nothing.to_string(),
        1 => parts.remove(0),
        k => format!("{}{}{}", parts[..k - 1].join(", "), w.and, parts[k - 1]),
    };
    format!("{}: {what} in `{}`", w.head, out_dir.display())
}

/// Who `--due` chose, each with the day they are due: `; aan de beurt tot 28/01/2027: Marc
/// Peeters (M002, 19/01/2027)`.
pub fn due(
    wb: &Workbook,
    plan: &Plan,
    chosen: &[&Employee],
    until: NaiveDate,
    lang: Lang,
) -> String {
    let idx = crate::model::Index::new(wb);
    use crate::format::format_date;
    let until = format_date(until);
    let who: Vec<String> = chosen
        .iter()
        .map(|e| {
            let day = compliance::due_on(&idx, &plan.rules, plan.as_of, e)
                .map(format_date)
                .unwrap_or_default();
            format!("{} ({}, {day})", e.full_name(), e.id)
        })
        .collect();
    match (lang, who.is_empty()) {
        (Lang::Nl, true) => format!("; niemand is aan de beurt tot {until}"),
        (Lang::En, true) => format!("; nobody is due by {until}"),
        (Lang::Nl, false) => format!("; aan de beurt tot {until}: {}", who.join(", ")),
        (Lang::En, false) => format!("; due by {until}: {}", who.join(", ")),
    }
}

/// Who was skipped because of errors in their own rows, what else was left out for it, and
/// what to do.
pub fn skipped(
    wb: &Workbook,
    blocked: &crate::model::Blocked,
    plan: &Plan,
    made: &Made,
    lang: Lang,
) -> String {
    let who: Vec<String> = blocked
        .employees
        .iter()
        .map(|(id, n)| {
            let name = wb
                .employees
                .iter()
                .find(|e| &e.id == id)
                .map(|e| e.full_name())
                .unwrap_or_default();
            let errors = match (lang, *n) {
                (Lang::Nl, 1) => "1 fout".to_string(),
                (Lang::Nl, n) => format!("{n} fouten"),
                (Lang::En, 1) => "1 error".to_string(),
                (Lang::En, n) => format!("{n} errors"),
            };
            format!("{name} ({id}, {errors})")
        })
        .collect();
    let mut also = Vec::new();
    if !made.teams_skipped.is_empty() && plan.kinds.iter().any(|k| k.per_team()) {
        let teams = made.teams_skipped.join(", ");
        also.push(match lang {
            Lang::Nl => format!("de teamdocumenten van {teams}"),
            Lang::En => format!("the team documents of {teams}"),
        });
    }
    if plan.kinds.contains(&Kind::Dossier) {
        also.push(
            Tr::new(
                "het inspectiedossier (dat moet volledig zijn)",
                "the inspection dossier (which must be complete)",
            )
            .get(lang)
            .to_string(),
        );
    }
    if plan.kinds.iter().any(|k| k.per_organisation()) {
        also.push(
            Tr::new(
                "de planning en het overzicht (die zouden hen weglaten)",
                "the planning and the overview (which would leave them out)",
            )
            .get(lang)
            .to_string(),
        );
    }
    let also = if also.is_empty() {
        String::new()
    } else {
        match lang {
            Lang::Nl => format!(", en ook {}", also.join(" en ")),
            Lang::En => format!(", nor {}", also.join(" nor ")),
        }
    };
    match lang {
        Lang::Nl => format!(
            "overgeslagen door fouten in hun eigen rijen: {}{also}; verbeter de fouten hierboven en maak ze opnieuw",
            who.join(", ")
        ),
        Lang::En => format!(
            "skipped for errors in their own rows: {}{also}; fix the errors above and build again",
            who.join(", ")
        ),
    }
}

/// Why a build stopped halfway, for the reader: the template, the file that could not be
/// written (and why, in plain words), or the logo.
pub fn failure(error: BuildError, out_dir: &Path, lang: Lang) -> Failure {
    match error {
        BuildError::Template(e) => super::failure::template(&e),
        BuildError::Write { path, error } => {
            let file = out_dir.join(&path);
            // The question about another program only where that can be the cause: a name
            // the file system refuses says so first.
            let locked = matches!(
                error.kind(),
                std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ResourceBusy
            ) || (cfg!(windows) && matches!(error.raw_os_error(), Some(32 | 33)));
            let message = if locked {
                Tr::new(
                    format!(
                        "kan `{}` niet schrijven: is het bestand open in een ander programma, of is de map alleen-lezen?",
                        file.display()
                    ),
                    format!(
                        "cannot write `{}`: is the file open in another program, or is the folder read-only?",
                        file.display()
                    ),
                )
            } else {
                Tr::new(
                    format!("kan `{}` niet schrijven", file.display()),
                    format!("cannot write `{}`", file.display()),
                )
            };
            Failure::new(message, Some(io_cause(&error, lang)))
        }
        BuildError::Image(e) => Failure::new(
            Tr::new(
                format!(
                    "het logo is geen leesbare PNG- of JPEG-afbeelding: {}",
                    e.message
                ),
                format!(
                    "the logo is not a readable PNG or JPEG image: {}",
                    e.message
                ),
            ),
            None,
        ),
        e => Failure::new(e.message(), None),
    }
}

/// The refusal to write `file`, which is the workbook being read.
pub fn not_over_workbook(file: &Path) -> Failure {
    Failure::new(
        Tr::new(
            format!(
                "popdruk schrijft `{}` niet: dat is de werkmap die gelezen wordt; kies met -o een andere map",
                file.display()
            ),
            format!(
                "popdruk does not write `{}`: it is the workbook being read; choose another folder with -o",
                file.display()
            ),
        ),
        None,
    )
}
