//! The sheets and columns popdruk reads, with their Dutch names and English aliases.
//!
//! One table for the whole workbook format (documented in `docs/workbook.md`), so that the
//! reader, its messages and the starter workbook agree on every name.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// A column of a sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// The Dutch header, as the documentation writes it.
    pub nl: &'static str,
    /// The English header.
    pub en: &'static str,
    /// Further accepted headers.
    pub aliases: &'static [&'static str],
    /// Whether the column must exist.
    pub required: bool,
}

/// A sheet of the workbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SheetDef {
    /// The Dutch sheet name.
    pub nl: &'static str,
    /// The English sheet name.
    pub en: &'static str,
    /// Further accepted names.
    pub aliases: &'static [&'static str],
    /// Whether the sheet must exist.
    pub required: bool,
    /// The sheet's columns.
    pub columns: &'static [Column],
}

impl SheetDef {
    /// Whether `name` (a sheet name or CSV file stem) names this sheet.
    pub fn matches(&self, name: &str) -> bool {
        let n = normalize(name);
        [self.nl, self.en]
            .iter()
            .chain(self.aliases)
            .any(|a| normalize(a) == n)
    }
}

impl Column {
    /// Whether `header` names this column.
    pub fn matches(&self, header: &str) -> bool {
        let n = normalize(header);
        [self.nl, self.en]
            .iter()
            .chain(self.aliases)
            .any(|a| normalize(a) == n)
    }
}

const fn col(nl: &'static str, en: &'static str, required: bool) -> Column {
    Column {
        nl,
        en,
        aliases: &[],
        required,
    }
}

const fn alias(
    nl: &'static str,
    en: &'static str,
    aliases: &'static [&'static str],
    required: bool,
) -> Column {
    Column {
        nl,
        en,
        aliases,
        required,
    }
}

/// Normalizes a sheet name or header for matching: lower case, no accents, no surrounding
/// spaces or trailing `*`, and `-`, `_` and runs of spaces as one space.
pub fn normalize(s: &str) -> String {
    let s = s.trim().trim_end_matches('*').trim();
    // Plain ASCII has nothing to decompose and no combining mark: the same result without
    // the decomposition, which was most of reading a large workbook's cells.
    if s.is_ascii() {
        let mut out = String::with_capacity(s.len());
        let mut space = false;
        for b in s.bytes() {
            if char::from(b).is_whitespace() || b == b'-' || b == b'_' {
                space = !out.is_empty();
            } else {
                if space {
                    out.push(' ');
                    space = false;
                }
                out.push(char::from(b.to_ascii_lowercase()));
            }
        }
        return out;
    }
    normalize_letters(s)
}

/// [`normalize`] of a trimmed text, letter by letter.
fn normalize_letters(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.nfd().filter(|c| !is_combining_mark(*c)) {
        if c.is_whitespace() || c == '-' || c == '_' {
            space = !out.is_empty();
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            match c {
                // Letters that carry no combining mark to strip, but that people type
                // without their stroke or dot: `Yilmaz` for `Yılmaz`, `Lukasz` for `Łukasz`.
                'ı' | 'İ' => out.push('i'),
                'ł' | 'Ł' => out.push('l'),
                'ø' | 'Ø' => out.push('o'),
                'đ' | 'Đ' => out.push('d'),
                'ß' => out.push_str("ss"),
                'æ' | 'Æ' => out.push_str("ae"),
                'œ' | 'Œ' => out.push_str("oe"),
                c => out.extend(c.to_lowercase()),
            }
        }
    }
    out
}

/// Words that open an example row: people read such a row as a model to copy, and
/// popdruk skips it, so a starter workbook can show one without it becoming data.
pub mod example {
    /// The Dutch word, as the starter workbook writes it.
    pub const NL: &str = "Voorbeeld:";
    /// The English word.
    pub const EN: &str = "Example:";
    pub const ALL: &[&str] = &[NL, EN];

    /// Whether a row whose first cell reads `first` is an example row.
    pub fn is_example(first: &str) -> bool {
        let first = first.trim_start();
        ALL.iter().any(|w| {
            first
                .get(..w.len())
                .is_some_and(|start| start.eq_ignore_ascii_case(w))
        })
    }
}

/// Columns of the key/value sheets (`Organisatie`, `Instellingen`).
pub mod kv {
    use super::*;
    pub const VELD: Column = alias("Veld", "Field", &["Instelling", "Setting"], true);
    /// The first column of `Instellingen`: the same column as [`VELD`], under the name the
    /// starter workbook gives it there.
    pub const INSTELLING: Column = alias("Instelling", "Setting", &["Veld", "Field"], true);
    pub const WAARDE: Column = alias("Waarde", "Value", &[], true);
}

/// Fields of the `Organisatie` sheet (rows, not columns).
pub mod org {
    use super::*;
    pub const NAAM: Column = alias("Naam", "Name", &["Organisatie", "Organisation"], true);
    pub const ONDERNEMINGSNUMMER: Column = alias(
        "Ondernemingsnummer",
        "Enterprise number",
        &["KBO-nummer", "KBO", "BTW-nummer", "Company number"],
        false,
    );
    pub const ADRES: Column = alias("Adres", "Address", &[], false);
    pub const PLAATS: Column = alias("Plaats", "City", &["Gemeente", "Place"], false);
    pub const REGIME: Column = col("Regime", "Regime", false);
    pub const LOGO: Column = col("Logo", "Logo", false);
    pub const ALL: &[Column] = &[NAAM, ONDERNEMINGSNUMMER, ADRES, PLAATS, REGIME, LOGO];
}

/// Columns of `Medewerkers`.
pub mod emp {
    use super::*;
    pub const ID: Column = alias("ID", "ID", &["Nummer", "Personeelsnummer"], true);
    pub const VOORNAAM: Column = col("Voornaam", "First name", true);
    pub const ACHTERNAAM: Column = alias("Achternaam", "Last name", &["Familienaam"], true);
    pub const FUNCTIE: Column = alias("Functie", "Job title", &["Function"], false);
    pub const TEAM: Column = alias("Team", "Team", &["Ploeg"], true);
    pub const IN_DIENST: Column = alias("In dienst", "Start date", &["Hire date"], true);
    pub const UIT_DIENST: Column = alias("Uit dienst", "End date", &["Leave date"], false);
    pub const DOELGROEP: Column = alias(
        "Doelgroepwerknemer",
        "Target group",
        &["Doelgroep", "Target group employee"],
        false,
    );
    pub const BEGELEIDINGSGRAAD: Column = alias(
        "Begeleidingsgraad",
        "Support level",
        &["Begeleidingsnood", "Coaching intensity"],
        false,
    );
    pub const WOP_START: Column = col("WOP-start", "WOP start", false);
    pub const TRAJECTSTART: Column = alias(
        "Trajectstart",
        "Track start",
        &["Start traject", "Start inschakelingstraject", "LDE-start"],
        false,
    );
    pub const LEIDINGGEVENDE: Column = alias("Leidinggevende", "Supervisor", &[], false);
    pub const BEGELEIDER: Column = alias("Begeleider", "Coach", &["Jobcoach"], false);
    pub const VTE: Column = alias("VTE", "FTE", &[], false);
    pub const LOOPBAANDOEL: Column = alias("Loopbaandoel", "Career goal", &["Einddoel"], false);
    pub const STERKTES: Column = alias("Sterktes", "Strengths", &[], false);
    pub const WERKPUNTEN: Column = alias(
        "Werkpunten",
        "Areas to improve",
        &["Areas for improvement"],
        false,
    );
    pub const INTERESSES: Column = alias("Interesses", "Interests", &[], false);
    pub const ALL: &[Column] = &[
        ID,
        VOORNAAM,
        ACHTERNAAM,
        FUNCTIE,
        TEAM,
        IN_DIENST,
        UIT_DIENST,
        DOELGROEP,
        BEGELEIDINGSGRAAD,
        WOP_START,
        TRAJECTSTART,
        LEIDINGGEVENDE,
        BEGELEIDER,
        VTE,
        LOOPBAANDOEL,
        STERKTES,
        WERKPUNTEN,
        INTERESSES,
    ];
}

/// Columns of `Taken`.
pub mod task {
    use super::*;
    pub const CODE: Column = col("Code", "Code", true);
    pub const TAAK: Column = alias("Taak", "Task", &["Naam", "Name"], true);
    pub const CLUSTER: Column = alias("Cluster", "Cluster", &["Groep", "Group"], false);
    pub const SOORT: Column = alias("Soort", "Kind", &["Type"], false);
    pub const VEREIST: Column = alias(
        "Vereiste bezetting",
        "Required coverage",
        &["Vereist", "Required"],
        false,
    );
    pub const OMSCHRIJVING: Column = alias("Omschrijving", "Description", &[], false);
    pub const TEAM: Column = alias("Team", "Team", &["Ploeg"], false);
    pub const ALL: &[Column] = &[CODE, TAAK, CLUSTER, SOORT, VEREIST, OMSCHRIJVING, TEAM];
}

/// Columns of the long form of `Matrix`.
pub mod matrix {
    use super::*;
    pub const MEDEWERKER: Column = alias("Medewerker", "Employee", &["ID"], true);
    pub const TAAK: Column = alias("Taak", "Task", &["Code"], true);
    pub const NIVEAU: Column = alias("Niveau", "Level", &[], true);
    pub const WIL_LEREN: Column = alias("Wil leren", "Wants to learn", &[], false);
    pub const DOET_GRAAG: Column = alias("Doet graag", "Likes", &["Likes it"], false);
    pub const NIET_INZETBAAR: Column = alias("Niet inzetbaar", "Not deployable", &[], false);
    pub const DOELNIVEAU: Column = alias("Doelniveau", "Target level", &[], false);
    pub const DATUM: Column = alias("Datum", "Date", &[], false);
    pub const TEAM: Column = alias("Team", "Team", &["Ploeg"], false);
    pub const ALL: &[Column] = &[
        MEDEWERKER,
        TAAK,
        NIVEAU,
        WIL_LEREN,
        DOET_GRAAG,
        NIET_INZETBAAR,
        DOELNIVEAU,
        DATUM,
        TEAM,
    ];
}

/// Columns of `Teambehoeften`.
pub mod need {
    use super::*;
    pub const TEAM: Column = alias("Team", "Team", &["Ploeg"], true);
    pub const TAAK: Column = alias("Taak", "Task", &["Code"], true);
    pub const REDEN: Column = alias("Reden", "Reason", &[], false);
    pub const VEREIST: Column = alias(
        "Vereiste bezetting",
        "Required coverage",
        &["Vereist", "Required"],
        false,
    );
    pub const TEGEN: Column = alias("Tegen", "Deadline", &["Tegen wanneer", "By"], false);
    pub const PRIORITEIT: Column = alias("Prioriteit", "Priority", &[], false);
    pub const ALL: &[Column] = &[TEAM, TAAK, REDEN, VEREIST, TEGEN, PRIORITEIT];
}

/// Columns of `Doelen`.
pub mod goal {
    use super::*;
    pub const MEDEWERKER: Column = alias("Medewerker", "Employee", &["ID"], true);
    pub const NR: Column = alias("Nr", "No", &["Nummer", "Number", "Doelnr"], true);
    pub const DOEL: Column = alias("Doel", "Goal", &["Ontwikkeldoel"], true);
    pub const TAAK: Column = alias("Taak", "Task", &[], false);
    pub const HERKOMST: Column = alias("Herkomst", "Origin", &[], false);
    pub const ACTIE: Column = alias("Actie", "Action", &["Verbeteractie"], false);
    pub const ONDERSTEUNING: Column = alias("Ondersteuning", "Support", &[], false);
    pub const VERANTWOORDELIJKE: Column =
        alias("Verantwoordelijke", "Responsible", &["Wie", "Who"], false);
    pub const START: Column = alias("Start", "Start", &["Startdatum"], false);
    pub const DEADLINE: Column = alias(
        "Deadline",
        "Deadline",
        &["Tegen wanneer", "Einddatum"],
        false,
    );
    pub const OPVOLGING: Column = alias("Opvolging", "Follow-up", &[], false);
    pub const STATUS: Column = alias("Status", "Status", &[], false);
    pub const EVALUATIE: Column = alias("Evaluatie", "Evaluation", &[], false);
    pub const RESULTAAT: Column = alias("Resultaat", "Result", &[], false);
    pub const ALL: &[Column] = &[
        MEDEWERKER,
        NR,
        DOEL,
        TAAK,
        HERKOMST,
        ACTIE,
        ONDERSTEUNING,
        VERANTWOORDELIJKE,
        START,
        DEADLINE,
        OPVOLGING,
        STATUS,
        EVALUATIE,
        RESULTAAT,
    ];
}

/// Columns of `Gesprekken`.
pub mod conv {
    use super::*;
    pub const MEDEWERKER: Column = alias("Medewerker", "Employee", &["ID"], true);
    pub const DATUM: Column = alias("Datum", "Date", &[], true);
    pub const SOORT: Column = alias("Soort", "Kind", &["Type"], true);
    pub const DEELNEMERS: Column = alias("Deelnemers", "Participants", &[], false);
    pub const VERSLAG: Column = alias("Verslag", "Notes", &["Report"], false);
    pub const GETEKEND_MW: Column = alias(
        "Getekend medewerker",
        "Signed by employee",
        &["Ondertekend medewerker"],
        false,
    );
    pub const GETEKEND_LG: Column = alias(
        "Getekend leidinggevende",
        "Signed by supervisor",
        &["Ondertekend leidinggevende"],
        false,
    );
    pub const VOLGEND: Column = alias(
        "Volgend gesprek",
        "Next meeting",
        &["Volgende afspraak"],
        false,
    );
    pub const ALL: &[Column] = &[
        MEDEWERKER,
        DATUM,
        SOORT,
        DEELNEMERS,
        VERSLAG,
        GETEKEND_MW,
        GETEKEND_LG,
        VOLGEND,
    ];
}

/// Columns of `Begeleiders`.
pub mod coach {
    use super::*;
    pub const NAAM: Column = alias("Naam", "Name", &[], true);
    pub const VTE: Column = alias("VTE", "FTE", &[], true);
    pub const KWALIFICATIE: Column = alias("Kwalificatie", "Qualification", &[], false);
    pub const VAN: Column = alias("Van", "From", &[], false);
    pub const TOT: Column = alias("Tot", "Until", &[], false);
    pub const ALL: &[Column] = &[NAAM, VTE, KWALIFICATIE, VAN, TOT];
}

/// The sheets, in the order a user fills them.
pub mod sheets {
    use super::*;
    pub const ORGANISATIE: SheetDef = SheetDef {
        nl: "Organisatie",
        en: "Organisation",
        aliases: &["Organization"],
        required: true,
        columns: &[kv::VELD, kv::WAARDE],
    };
    pub const MEDEWERKERS: SheetDef = SheetDef {
        nl: "Medewerkers",
        en: "Employees",
        aliases: &["Personeel"],
        required: true,
        columns: emp::ALL,
    };
    pub const TAKEN: SheetDef = SheetDef {
        nl: "Taken",
        en: "Tasks",
        aliases: &[],
        required: true,
        columns: task::ALL,
    };
    pub const MATRIX: SheetDef = SheetDef {
        nl: "Matrix",
        en: "Matrix",
        aliases: &["Teammatrix", "Competentiematrix"],
        required: true,
        columns: matrix::ALL,
    };
    pub const TEAMBEHOEFTEN: SheetDef = SheetDef {
        nl: "Teambehoeften",
        en: "Team needs",
        aliases: &[],
        required: false,
        columns: need::ALL,
    };
    pub const DOELEN: SheetDef = SheetDef {
        nl: "Doelen",
        en: "Goals",
        aliases: &["Ontwikkeldoelen", "Acties"],
        required: false,
        columns: goal::ALL,
    };
    pub const GESPREKKEN: SheetDef = SheetDef {
        nl: "Gesprekken",
        en: "Conversations",
        aliases: &["Meetings"],
        required: false,
        columns: conv::ALL,
    };
    pub const BEGELEIDERS: SheetDef = SheetDef {
        nl: "Begeleiders",
        en: "Coaches",
        aliases: &[],
        required: false,
        columns: coach::ALL,
    };
    pub const INSTELLINGEN: SheetDef = SheetDef {
        nl: "Instellingen",
        en: "Settings",
        aliases: &[],
        required: false,
        columns: &[kv::INSTELLING, kv::WAARDE],
    };
    /// Sheets a starter workbook carries for people, which popdruk skips without a note.
    pub const EXPLANATION: &[&str] = &["Uitleg", "Explanation", "Lees mij", "Read me"];
    pub const ALL: &[SheetDef] = &[
        ORGANISATIE,
        MEDEWERKERS,
        TAKEN,
        MATRIX,
        TEAMBEHOEFTEN,
        DOELEN,
        GESPREKKEN,
        BEGELEIDERS,
        INSTELLINGEN,
    ];
}

#[cfg(test)]
mod tests {
    #[test]
    fn ascii_normalizes_as_any_text_does() {
        let ascii: String = (0u8..128).map(char::from).collect();
        for text in [
            ascii.as_str(),
            "Naam medewerker*",
            "  Team\u{b}Need__x - y  ",
            "ABC-def_GHI\tjkl",
        ] {
            let text = text.trim().trim_end_matches('*').trim();
            assert_eq!(
                super::normalize(text),
                super::normalize_letters(text),
                "{text:?}"
            );
        }
    }

    use super::*;

    #[test]
    fn header_matching_ignores_case_accents_spaces_star_and_dashes() {
        assert!(emp::WOP_START.matches(" Wop_Start *"));
        assert!(emp::WOP_START.matches("wop start"));
        assert!(emp::DOELGROEP.matches("DOELGROEPWERKNEMER*"));
        assert!(emp::IN_DIENST.matches("In  dienst"));
        assert!(emp::IN_DIENST.matches("start date"));
        assert!(!emp::IN_DIENST.matches("Uit dienst"));
        assert_eq!(normalize("  Coöperatie  "), "cooperatie");
        assert_eq!(normalize("Ayşe Yılmaz"), "ayse yilmaz");
        assert_eq!(normalize("Łukasz Wójcik"), "lukasz wojcik");
    }

    #[test]
    fn sheet_names_match_with_trailing_spaces_and_english() {
        assert!(sheets::MEDEWERKERS.matches("Medewerkers "));
        assert!(sheets::MEDEWERKERS.matches("employees"));
        assert!(sheets::TEAMBEHOEFTEN.matches("team_needs"));
        assert!(!sheets::TAKEN.matches("Takenlijst"));
    }

    #[test]
    fn example_rows_are_recognised_by_their_first_word_only() {
        assert!(example::is_example("Voorbeeld: M001"));
        assert!(example::is_example("  voorbeeld:M001"));
        assert!(example::is_example("EXAMPLE: SCH-BUI"));
        assert!(!example::is_example("Voorbeeld M001"));
        assert!(!example::is_example("M001 Voorbeeld:"));
        assert!(!example::is_example("Łukasz"));
    }
}
