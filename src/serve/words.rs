//! The words of the web page, in Dutch and English: one table, so a word missing in one
//! language cannot be.

use std::collections::BTreeMap;

use crate::build::Kind;
use crate::i18n::Lang;

/// Key, Dutch, English.
const WORDS: &[(&str, &str, &str)] = &[
    ("title", "popdruk", "popdruk"),
    (
        "tagline",
        "Van de werkmap van uw team naar drukklare papieren voor het POP-gesprek. Alles blijft op deze computer.",
        "From your team's workbook to print-ready papers for the POP conversation. Everything stays on this computer.",
    ),
    ("switch", "English", "Nederlands"),
    (
        "switch_label",
        "Switch to English",
        "Schakel naar Nederlands",
    ),
    (
        "steps_title",
        "Uw eerste POP in vijf stappen",
        "Your first POP in five steps",
    ),
    (
        "step1",
        "Maak een werkmap om in te vullen. Het eerste blad, Uitleg, legt elk blad uit; grijze rijen die met Voorbeeld: beginnen tonen hoe een rij eruitziet.",
        "Make a workbook to fill in. Its first sheet, Explanation, explains every sheet; grey rows starting with Example: show how to fill in a row.",
    ),
    (
        "step2",
        "Vul ze in met Excel of LibreOffice: de organisatie, de medewerkers, de taken, de teammatrix, en later de doelen, acties en gesprekken. Bewaar als .xlsx of .ods.",
        "Fill it in with Excel or LibreOffice: the organisation, the employees, the tasks, the teammatrix, and later the goals, actions and conversations. Save it as .xlsx or .ods.",
    ),
    (
        "step3",
        "Controleer ze hieronder: popdruk toont elk probleem met het blad, de rij, de kolom en de waarde, en wat het verwachtte. Verbeter en controleer opnieuw.",
        "Check it below: popdruk shows every problem with the sheet, row, column and value, and what it expected. Fix it and check again.",
    ),
    (
        "step4",
        "Maak de documenten: kies welke, voor wie, en klik op Maak de documenten.",
        "Make the documents: choose which, for whom, and click Make the documents.",
    ),
    (
        "step5",
        "Druk af en praat. Druk bundel-pop.pdf recto verso af, voer de gesprekken en laat beide partijen tekenen.",
        "Print and talk. Print bundel-pop.pdf double-sided, hold the conversations and have both sign.",
    ),
    (
        "starter",
        "Download een lege startwerkmap",
        "Download an empty starter workbook",
    ),
    (
        "example",
        "Download het voorbeeldteam",
        "Download the example team",
    ),
    ("load_title", "Werkmap", "Workbook"),
    (
        "choose",
        "Kies de werkmap (.xlsx, .ods, .xls, of een .zip met CSV-bestanden)",
        "Choose the workbook (.xlsx, .ods, .xls, or a .zip of CSV files)",
    ),
    (
        "drop",
        "of sleep het bestand (of de map) hierheen",
        "or drop the file (or the folder) here",
    ),
    (
        "folder",
        "Of kies een map met CSV-bestanden (één bestand per blad)",
        "Or choose a folder of CSV files (one file per sheet)",
    ),
    ("date", "Datum (dd/mm/jjjj)", "Date (dd/mm/yyyy)"),
    ("recheck", "Opnieuw controleren", "Check again"),
    (
        "watching",
        "popdruk controleert opnieuw telkens u deze werkmap bewaart:",
        "popdruk checks again each time you save this workbook:",
    ),
    ("check_title", "Controle", "Check"),
    (
        "empty",
        "Nog geen werkmap gekozen.",
        "No workbook chosen yet.",
    ),
    ("loading", "Bezig met controleren…", "Checking…"),
    ("build_title", "Documenten maken", "Make the documents"),
    ("kinds", "Welke documenten", "Which documents"),
    ("who", "Voor wie", "For whom"),
    ("all", "Iedereen in dienst", "Everyone in service"),
    ("due", "Wie aan de beurt is binnen", "Who is due within"),
    ("days", "dagen (of al te laat)", "days (or overdue)"),
    ("some", "Alleen deze medewerkers:", "Only these employees:"),
    (
        "doc_lang",
        "Taal van de documenten",
        "Language of the documents",
    ),
    ("nl", "Nederlands", "Dutch"),
    ("en", "Engels", "English"),
    ("make", "Maak de documenten", "Make the documents"),
    ("building", "Bezig met maken…", "Making…"),
    ("files_of", "bestanden", "files"),
    ("of", "van", "of"),
    (
        "made",
        "Gemaakte documenten (openen in de browser)",
        "Documents made (open in the browser)",
    ),
    (
        "zip",
        "Alles downloaden als ZIP",
        "Download everything as a ZIP",
    ),
    ("open_folder", "Open de map", "Open the folder"),
    (
        "keep",
        "Bewaar de ZIP of de map: als u popdruk stopt, verdwijnen de tijdelijke bestanden.",
        "Keep the ZIP or the folder: when popdruk stops, its temporary files are removed.",
    ),
    ("by_sheet", "Per blad", "By sheet"),
    ("by_employee", "Per medewerker", "By employee"),
    (
        "no_problems",
        "geen fouten of waarschuwingen",
        "no errors or warnings",
    ),
    ("rules", "POP-regels", "POP rules"),
    (
        "rules_not_checked",
        "Regels niet gecontroleerd: verbeter eerst de fouten in de werkmap.",
        "Rules not checked: fix the errors in the workbook first.",
    ),
    ("organisation", "Organisatie", "Organisation"),
    ("expected", "verwacht", "expected"),
    ("hint", "tip", "hint"),
    ("file", "bestand", "file"),
    ("sheet", "blad", "sheet"),
    ("row", "rij", "row"),
    ("column", "kolom", "column"),
    (
        "failed",
        "Kan de werkmap niet lezen",
        "Cannot read the workbook",
    ),
    ("cause", "oorzaak", "caused by"),
    ("due_on", "aan de beurt op", "due on"),
    ("overdue", "te laat sinds", "overdue since"),
    ("warnings", "Meldingen", "Notices"),
    ("skip", "Naar de inhoud", "Skip to content"),
];

/// Every word of the page in `lang`, by key.
pub fn all(lang: Lang) -> BTreeMap<&'static str, &'static str> {
    WORDS
        .iter()
        .map(|(k, nl, en)| (*k, if lang == Lang::Nl { *nl } else { *en }))
        .collect()
}

/// The name of a document kind on the page.
pub fn kind(k: Kind, lang: Lang) -> &'static str {
    match (k, lang) {
        (Kind::Pop, Lang::Nl) => "POP-formulier",
        (Kind::Pop, Lang::En) => "POP form",
        (Kind::Afspraken, Lang::Nl) => "Afsprakenformulier",
        (Kind::Afspraken, Lang::En) => "Agreement form",
        (Kind::Voorbereiding, Lang::Nl) => "Voorbereiding voor de medewerker",
        (Kind::Voorbereiding, Lang::En) => "Preparation sheet for the employee",
        (Kind::Opvolging, Lang::Nl) => "Opvolging (tussen twee POP-gesprekken)",
        (Kind::Opvolging, Lang::En) => "Follow-up (between two POP conversations)",
        (Kind::Teammatrix, _) => "Teammatrix",
        (Kind::Opleidingsplan, Lang::Nl) => "Opleidingsplan",
        (Kind::Opleidingsplan, Lang::En) => "Training plan",
        (Kind::Dossier, Lang::Nl) => "Inspectiedossier",
        (Kind::Dossier, Lang::En) => "Inspection dossier",
        (Kind::Planning, Lang::Nl) => "Planning per leidinggevende",
        (Kind::Planning, Lang::En) => "Planning per supervisor",
        (Kind::Overzicht, Lang::Nl) => "Overzicht voor de directie",
        (Kind::Overzicht, Lang::En) => "Overview for management",
    }
}
