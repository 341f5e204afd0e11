//! The help in the user's language: every command's description, example and option text
//! in Dutch and English, and clap's own words (usage, headings, `--help`) replaced by ours.
//!
//! The help texts live here and nowhere else: the clap structs in [`super`] carry no doc
//! comments, so a new option without a line in [`TEXTS`] shows up in the test that walks
//! every visible command.

use clap::{Arg, ArgAction, Command};

use crate::i18n::Lang;

/// One help text: for the command at `path` (the words after `popdruk`; `""` for
/// `popdruk` itself and `"*"` for any command), the argument `id` (`""` for the command's
/// description, `"@examples"` for the examples under it).
struct Text {
    path: &'static str,
    id: &'static str,
    nl: &'static str,
    en: &'static str,
}

const fn t(path: &'static str, id: &'static str, nl: &'static str, en: &'static str) -> Text {
    Text { path, id, nl, en }
}

const TEXTS: &[Text] = &[
    t(
        "",
        "",
        "Zet een teamwerkmap om in drukklare POP-documenten",
        "Turns a team's workbook into print-ready POP documents",
    ),
    t(
        "",
        "@examples",
        "Voorbeelden:\n  popdruk init                      een startwerkmap team.xlsx maken om in te vullen\n  popdruk team.xlsx                 alle documenten maken (zoals `popdruk build`)\n  popdruk check team.xlsx           de werkmap controleren\n  popdruk build team.xlsx --only pop --employee M003",
        "Examples:\n  popdruk init --lang en            make a starter workbook team.xlsx to fill in\n  popdruk team.xlsx --lang en       make every document (like `popdruk build`)\n  popdruk check team.xlsx --lang en check the workbook\n  popdruk build team.xlsx --only pop --employee M003 --lang en",
    ),
    // Options of a build, also taken by `popdruk WORKBOOK` itself.
    t(
        "*",
        "workbook",
        "De werkmap (.xlsx, .ods, .xls) of een map met .csv-bestanden",
        "The workbook (.xlsx, .ods, .xls) or a folder of .csv files",
    ),
    t(
        "*",
        "output",
        "De map voor de documenten; standaard naast de werkmap, met dezelfde naam",
        "The folder for the documents; by default next to the workbook, with its name",
    ),
    t(
        "*",
        "date",
        "De datum die op de documenten gedrukt staat, bv. 29/11/2026; standaard vandaag",
        "The date printed on the documents, e.g. 29/11/2026; by default today",
    ),
    t(
        "*",
        "lang",
        "Taal van de documenten en meldingen: nl of en (standaard nl)",
        "Language of the documents and messages: nl or en (default nl)",
    ),
    t(
        "*",
        "templates",
        "Een map met eigen sjablonen die de ingebouwde vervangen, bestand per bestand",
        "A folder of your own templates that replace the built-in ones, file by file",
    ),
    t(
        "*",
        "paper",
        "Papier van de teammatrix: a4 of a3, altijd liggend (standaard a4)",
        "Paper of the teammatrix: a4 or a3, always landscape (default a4)",
    ),
    t(
        "*",
        "as_of",
        "De dag waarover alles gaat: wie in dienst is, de teammatrix, de regels en het dossier; standaard --date",
        "The day everything is about: who is in service, the teammatrix, the rules and the dossier; by default --date",
    ),
    t(
        "*",
        "from",
        "Begin van de periode van het dossier; standaard 12 maanden voor --as-of",
        "Start of the dossier's period; by default 12 months before --as-of",
    ),
    t(
        "*",
        "to",
        "Einde van de periode van het dossier; standaard --as-of",
        "End of the dossier's period; by default --as-of",
    ),
    t(
        "*",
        "since",
        "De vroegere dag waarmee de teammatrix de niveaus vergelijkt (↑ gestegen, ↓ gedaald); standaard de eerste dag van het vorige kwartaal voor --as-of",
        "The earlier day the teammatrix compares levels with (↑ rose, ↓ fell); by default the first day of the quarter before the one of --as-of",
    ),
    t(
        "*",
        "only",
        "Alleen deze documenten: pop, afspraken, voorbereiding, opvolging, teammatrix, opleidingsplan, dossier (met komma's)",
        "Only these documents: pop, afspraken (agreements), voorbereiding (preparation), opvolging (follow-up), teammatrix, opleidingsplan (training plan), dossier (comma-separated)",
    ),
    t(
        "*",
        "employees",
        "Alleen deze medewerker (ID); mag meermaals",
        "Only this employee (ID); may be repeated",
    ),
    t(
        "*",
        "due",
        "Alleen wie een gesprek nodig heeft binnen zoveel dagen (60d) of tegen een datum, of te laat is: een POP, een volgend gesprek",
        "Only who needs a conversation within so many days (60d) or by a date, or is overdue: a POP, a next talk",
    ),
    t(
        "*",
        "open",
        "Open de map met de documenten (of de bundel, of het dossier) na afloop",
        "Open the folder with the documents (or the bundle, or the dossier) when done",
    ),
    t(
        "*",
        "quiet",
        "Zeg alleen fouten en waarschuwingen",
        "Say only errors and warnings",
    ),
    t(
        "*",
        "verbose",
        "Noem elk bestand dat geschreven wordt",
        "Name every file written",
    ),
    t(
        "check",
        "",
        "Controleer een werkmap (problemen met blad, rij en kolom) en de POP-regels op een datum",
        "Check a workbook (problems with sheet, row and column) and the POP rules on a date",
    ),
    t(
        "check",
        "@examples",
        "Voorbeeld:\n  popdruk check team.xlsx\n  popdruk check team.xlsx --as-of 31/12/2026 --strict\n  popdruk check team-csv/",
        "Example:\n  popdruk check team.xlsx --lang en\n  popdruk check team.xlsx --as-of 31/12/2026 --strict --lang en\n  popdruk check team-csv/ --lang en",
    ),
    t(
        "check",
        "lang",
        "Taal van de meldingen: nl of en (standaard nl)",
        "Language of the messages: nl or en (default nl)",
    ),
    t(
        "check",
        "date",
        "De datum van vandaag, bv. 29/11/2026; standaard de datum van de computer",
        "Today's date, e.g. 29/11/2026; by default the computer's date",
    ),
    t(
        "check",
        "as_of",
        "De datum waarop de POP-regels gecontroleerd worden; standaard --date",
        "The date the POP rules are checked on; by default --date",
    ),
    t(
        "check",
        "from",
        "Begin van de periode (begeleidingsnorm, eerste POP); standaard 12 maanden voor --as-of",
        "Start of the period (coaching norm, first POP); by default 12 months before --as-of",
    ),
    t(
        "check",
        "since",
        "De vroegere dag waarmee de niveaus vergeleken worden: per team hoeveel er gestegen en gedaald zijn; standaard de eerste dag van het vorige kwartaal",
        "The earlier day levels are compared with: per team how many rose and fell; by default the first day of the previous quarter",
    ),
    t(
        "check",
        "to",
        "Einde van de periode; standaard --as-of",
        "End of the period; by default --as-of",
    ),
    t(
        "check",
        "quiet",
        "Zeg alleen de problemen en de bevindingen, zonder het overzicht",
        "Say only the problems and the findings, without the overview",
    ),
    t(
        "check",
        "strict",
        "Eindig met code 1 als een regel een tekort vindt",
        "Exit with code 1 when a rule finds a shortfall",
    ),
    t(
        "check",
        "format",
        "Hoe de bevindingen op stdout komen: text (om te lezen), csv (een tabel voor Excel, met de planning) of json",
        "How the findings are written on stdout: text (to read), csv (a table for Excel, with the planning) or json",
    ),
    t(
        "check",
        "planning",
        "Toon ook de planning: wie de komende maanden (standaard 6) een gesprek, evaluatie of actie heeft, per leidinggevende",
        "Also show the planning: who has a conversation, evaluation or action due in the coming months (default 6), per supervisor",
    ),
    t(
        "build",
        "",
        "Maak de POP-documenten van elke medewerker en de bundels om af te drukken",
        "Make every employee's POP documents and the bundles to print",
    ),
    t(
        "build",
        "@examples",
        "Voorbeeld:\n  popdruk build team.xlsx\n  popdruk build team.xlsx -o afdruk --only pop,afspraken --employee M003\n  popdruk build team.xlsx --only dossier --as-of 31/12/2026",
        "Example:\n  popdruk build team.xlsx --lang en\n  popdruk build team.xlsx -o print --only pop,afspraken --employee M003 --lang en\n  popdruk build team.xlsx --only dossier --as-of 31/12/2026 --lang en",
    ),
    t(
        "templates",
        "",
        "Werk met de ingebouwde sjablonen",
        "Work with the built-in templates",
    ),
    t(
        "templates",
        "@examples",
        "Voorbeeld:\n  popdruk templates export mijn-sjablonen",
        "Example:\n  popdruk templates export my-templates",
    ),
    t(
        "templates export",
        "",
        "Kopieer de ingebouwde sjablonen naar een map, om ze aan te passen",
        "Copy the built-in templates into a folder, to change them",
    ),
    t(
        "templates export",
        "@examples",
        "Voorbeeld:\n  popdruk templates export mijn-sjablonen\n  popdruk build team.xlsx --templates mijn-sjablonen",
        "Example:\n  popdruk templates export my-templates\n  popdruk build team.xlsx --templates my-templates --lang en",
    ),
    t(
        "templates export",
        "dir",
        "De map waarin de sjablonen komen",
        "The folder to copy them into",
    ),
    t(
        "templates export",
        "lang",
        "Taal van de meldingen: nl of en (standaard nl)",
        "Language of the messages: nl or en (default nl)",
    ),
    t(
        "templates export",
        "force",
        "Bestaande bestanden overschrijven",
        "Overwrite existing files",
    ),
    t(
        "init",
        "",
        "Maak een startwerkmap team.xlsx om in te vullen, met uitleg en keuzelijsten",
        "Make a starter workbook team.xlsx to fill in, with explanations and drop-down lists",
    ),
    t(
        "init",
        "@examples",
        "Voorbeeld:\n  popdruk init\n  popdruk init mijn-team --example\n  popdruk init --lang en",
        "Example:\n  popdruk init --lang en\n  popdruk init my-team --example --lang en",
    ),
    t(
        "init",
        "dir",
        "De map waarin team.xlsx komt; standaard de huidige map",
        "The folder for team.xlsx; by default the current folder",
    ),
    t(
        "init",
        "lang",
        "Taal van de bladen, kolommen en uitleg: nl of en (standaard nl)",
        "Language of the sheets, columns and explanations: nl or en (default nl)",
    ),
    t(
        "init",
        "example",
        "Vul de werkmap met het voorbeeldteam in plaats van lege bladen",
        "Fill the workbook with the sample team instead of empty sheets",
    ),
    t(
        "init",
        "force",
        "Een bestaande team.xlsx overschrijven",
        "Overwrite an existing team.xlsx",
    ),
    t(
        "serve",
        "",
        "Open popdruk als pagina in uw browser: werkmap kiezen, controleren en documenten maken zonder terminal",
        "Open popdruk as a page in your browser: choose a workbook, check it and make the documents without a terminal",
    ),
    t(
        "serve",
        "@examples",
        "Voorbeeld:
  popdruk serve
  popdruk serve mijn-team/team.xlsx     de pagina controleert opnieuw als het bestand verandert",
        "Example:
  popdruk serve --lang en
  popdruk serve my-team/team.xlsx --lang en     the page checks again when the file changes",
    ),
    t(
        "serve",
        "workbook",
        "Een werkmap om meteen te tonen; de pagina controleert ze opnieuw als ze bewaard wordt",
        "A workbook to show at once; the page checks it again when it is saved",
    ),
    t(
        "serve",
        "port",
        "De poort op 127.0.0.1; standaard een vrije",
        "The port on 127.0.0.1; by default a free one",
    ),
    t(
        "serve",
        "no_open",
        "De browser niet openen: alleen het adres tonen",
        "Do not open the browser: only print the address",
    ),
    t(
        "serve",
        "output",
        "De map voor geladen werkmappen en gemaakte documenten, die blijft; standaard een tijdelijke map die bij het stoppen verdwijnt",
        "The folder for loaded workbooks and made documents, which is kept; by default a temporary folder removed when popdruk stops",
    ),
    t(
        "serve",
        "lang",
        "Taal van de pagina bij het openen: nl of en (standaard nl)",
        "Language of the page when it opens: nl or en (default nl)",
    ),
    t(
        "serve",
        "date",
        "De datum die de pagina voorstelt voor de documenten; standaard vandaag",
        "The date the page proposes for the documents; by default today",
    ),
    t(
        "completions",
        "",
        "Toon de aanvulcode (completions) voor een shell",
        "Print the completions for a shell",
    ),
    t(
        "completions",
        "@examples",
        "Voorbeeld:\n  popdruk completions bash > ~/.local/share/bash-completion/completions/popdruk\n  popdruk completions powershell >> $PROFILE",
        "Example:\n  popdruk completions bash > ~/.local/share/bash-completion/completions/popdruk\n  popdruk completions powershell >> $PROFILE",
    ),
    t(
        "completions",
        "lang",
        "Taal van de hulpteksten bij het aanvullen: nl of en (standaard nl)",
        "Language of the help texts shown while completing: nl or en (default nl)",
    ),
    t(
        "completions",
        "shell",
        "De shell: bash, zsh, fish, powershell of elvish",
        "The shell: bash, zsh, fish, powershell or elvish",
    ),
];

/// Options a command accepts, shared with others, that do nothing there: left out of its
/// help (`popdruk check` writes no files to name).
const UNSHOWN: &[(&str, &str)] = &[("check", "verbose")];

/// The help text for `id` of the command at `path`, or `None` when there is none.
pub(super) fn text(path: &str, id: &str, lang: Lang) -> Option<&'static str> {
    let pick = |t: &&Text| t.id == id;
    TEXTS
        .iter()
        .filter(pick)
        .find(|t| t.path == path)
        .or_else(|| {
            TEXTS
                .iter()
                .filter(pick)
                .find(|t| t.path == "*" && !id.is_empty() && !id.starts_with('@'))
        })
        .map(|t| match lang {
            Lang::Nl => t.nl,
            Lang::En => t.en,
        })
}

/// The placeholder shown for an argument's value.
fn value_name(id: &str, lang: Lang) -> Option<&'static str> {
    let (nl, en) = match id {
        "workbook" => ("WERKMAP", "WORKBOOK"),
        "output" | "dir" | "templates" => ("MAP", "FOLDER"),
        "date" | "as_of" | "from" | "to" | "since" => ("DATUM", "DATE"),
        "lang" => ("TAAL", "LANGUAGE"),
        "paper" => ("PAPIER", "PAPER"),
        "only" => ("DOCUMENTEN", "DOCUMENTS"),
        "employees" => ("ID", "ID"),
        "due" => ("DAGEN|DATUM", "DAYS|DATE"),
        "planning" => ("MAANDEN", "MONTHS"),
        "format" => ("FORMAAT", "FORMAT"),
        "shell" => ("SHELL", "SHELL"),
        "port" => ("POORT", "PORT"),
        _ => return None,
    };
    Some(match lang {
        Lang::Nl => nl,
        Lang::En => en,
    })
}

/// clap's own words, in the user's language.
pub(super) struct Words {
    pub usage: &'static str,
    pub commands: &'static str,
    pub arguments: &'static str,
    pub options: &'static str,
    pub help: &'static str,
    pub version: &'static str,
    pub options_tag: &'static str,
    pub command_name: &'static str,
}

pub(super) fn words(lang: Lang) -> Words {
    match lang {
        Lang::Nl => Words {
            usage: "Gebruik:",
            commands: "Commando's",
            arguments: "Argumenten",
            options: "Opties",
            help: "Toon deze hulp",
            version: "Toon de versie",
            options_tag: "[OPTIES]",
            command_name: "COMMANDO",
        },
        Lang::En => Words {
            usage: "Usage:",
            commands: "Commands",
            arguments: "Arguments",
            options: "Options",
            help: "Show this help",
            version: "Show the version",
            options_tag: "[OPTIONS]",
            command_name: "COMMAND",
        },
    }
}

/// The command line as clap reads it, with every text in `lang`.
pub(super) fn localize(cmd: Command, lang: Lang) -> Command {
    let cmd = localize_one(cmd, "", lang).disable_version_flag(true).arg(
        Arg::new("version")
            .short('V')
            .long("version")
            .action(ArgAction::Version)
            .help(words(lang).version)
            .help_heading(words(lang).options),
    );
    with_usage(cmd, lang)
}

fn localize_one(mut cmd: Command, path: &str, lang: Lang) -> Command {
    let w = words(lang);
    if let Some(about) = text(path, "", lang) {
        cmd = cmd.about(about);
    }
    if let Some(examples) = text(path, "@examples", lang) {
        cmd = cmd.after_help(examples);
    }
    let hidden = cmd.is_hide_set();
    cmd = cmd.mut_args(|mut arg| {
        let id = arg.get_id().as_str().to_string();
        if !hidden {
            if let Some(help) = text(path, &id, lang) {
                arg = arg.help(help);
            }
            if let Some(name) = value_name(&id, lang) {
                arg = arg.value_name(name);
            }
        }
        if UNSHOWN.contains(&(path, id.as_str())) {
            arg = arg.hide(true);
        }
        let heading = if arg.is_positional() {
            w.arguments
        } else {
            w.options
        };
        if arg.get_action().takes_values() {
            arg = arg.hide_default_value(true).hide_possible_values(true);
        }
        arg.help_heading(heading)
    });
    cmd = cmd
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .subcommand_help_heading(w.commands)
        .subcommand_value_name(w.command_name)
        .help_template(format!(
            "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
            w.usage
        ))
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(w.help)
                .help_heading(w.options),
        );
    cmd.mut_subcommands(|sub| {
        let sub_path = match path {
            "" => sub.get_name().to_string(),
            p => format!("{p} {}", sub.get_name()),
        };
        localize_one(sub, &sub_path, lang)
    })
}

/// Sets every command's usage line in `lang`: clap writes `[OPTIONS]` and aligns a second
/// line under its own `Usage:`.
fn with_usage(mut cmd: Command, lang: Lang) -> Command {
    cmd.build();
    set_usage(&mut cmd, &words(lang));
    cmd
}

fn set_usage(cmd: &mut Command, w: &Words) {
    let usage = cmd.render_usage().to_string();
    let usage = usage
        .split_once(' ')
        .map_or(usage.as_str(), |(_, rest)| rest);
    let indent = format!("\n{}", " ".repeat(w.usage.chars().count() + 1));
    let usage = usage
        .lines()
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(&indent)
        .replace("[OPTIONS]", w.options_tag);
    *cmd = std::mem::take(cmd).override_usage(usage);
    for sub in cmd.get_subcommands_mut() {
        set_usage(sub, w);
    }
}
