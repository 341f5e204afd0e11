//! The bundled sample: a fictitious maatwerkbedrijf in Gent with a `Buitenploeg` (green
//! maintenance and painting) and a `Logistiek` team. It carries the sector guide's worked
//! example: two painters at level 2 or more of whom one (Marc) leaves in January 2027, three
//! colleagues who want to learn painting, a team need for painting in the spring, and a POP
//! goal "meelopen met Ilse, 2 dagen per week" that answers it.
//!
//! On 29/11/2026 it also shows each compliance finding: Kevin (M007) has an expired POP with
//! one improvement action and an overdue postponed action; Marc's POP (M002) expires within
//! 60 days; Jean-Pierre (M005) and Fatima (M006) lack a signature; Tomasz (M015) has no
//! target levels in the matrix, but his goals name the tasks he develops; Mohamed's WOP evaluation (M012) is near; Lotte (M016), hired
//! in October, has no POP yet; and with Lotte the coaches fall short of the norm in the
//! fourth quarter of 2026.

use super::schema::{
    Assessment, BEGELEIDERS, DOELEN, GESPREKKEN, INSTELLINGEN, MATRIX, MEDEWERKERS, ORGANISATIE,
    TAKEN, TEAMBEHOEFTEN, dmy,
};
use super::{Sheet, enterprise_number};

/// The bundled sample team, the same on every call.
pub fn sample_team() -> Vec<Sheet> {
    let number = enterprise_number(4_781_235);
    vec![
        ORGANISATIE.parse(&[
            &["Naam", "Groenkracht Coöperatie vzw"],
            &["Ondernemingsnummer", &number],
            &["Adres", "Groendreef 12"],
            &["Plaats", "Gent"],
            &["Regime", "collectief maatwerk"],
            &["Logo", super::starter::EXAMPLE_LOGO_FILE],
        ]),
        MEDEWERKERS.parse(EMPLOYEES),
        TAKEN.parse(TASKS),
        matrix(),
        TEAMBEHOEFTEN.parse(NEEDS),
        DOELEN.parse(GOALS),
        GESPREKKEN.parse(CONVERSATIONS),
        BEGELEIDERS.parse(COACHES),
        INSTELLINGEN.parse(&[&["POP-termijn (maanden)", "1"]]),
    ]
}

/// Columns of [`TEAMBEHOEFTEN`]: Team, Taak, Reden, Vereiste bezetting, Tegen, Prioriteit.
#[rustfmt::skip]
const NEEDS: &[&[&str]] = &[
    &["Buitenploeg", "SCH-BUI", "veel schilderopdrachten in het voorjaar", "4", "01/03/2027", "hoog"],
    &["Logistiek", "LOG-HEF", "nieuwe klant met dagelijkse palletleveringen", "3", "30/06/2027", "midden"],
];

/// Columns of [`BEGELEIDERS`]: Naam, VTE, Kwalificatie, Van, Tot.
#[rustfmt::skip]
const COACHES: &[&[&str]] = &[
    &["Pieter Willems", "1", "bachelor sociaal werk", "01/09/2015", ""],
    &["Naima Chaouki", "0,2", "bachelor orthopedagogie", "01/01/2022", ""],
];

/// Columns of [`MEDEWERKERS`]: ID, Voornaam, Achternaam, Functie, Team, In dienst, Uit dienst,
/// Doelgroepwerknemer, Begeleidingsgraad, WOP-start, Leidinggevende, Begeleider, VTE,
/// Loopbaandoel, Sterktes, Werkpunten, Interesses.
#[rustfmt::skip]
const EMPLOYEES: &[&[&str]] = &[
    &["M001", "Ilse", "Van den Broeck", "Schilder", "Buitenploeg", "01/03/2012", "", "ja", "laag", "", "Dirk Janssens", "Pieter Willems", "1",
      "Meewerkend ploegleider schilderwerk worden.", "Werkt nauwkeurig. Legt geduldig uit aan nieuwe collega's.", "Een werf met meerdere mensen plannen.", "schilderen, collega's opleiden"],
    &["M002", "Marc", "Peeters", "Schilder", "Buitenploeg", "01/09/2009", "31/01/2027", "ja", "laag", "", "Dirk Janssens", "Pieter Willems", "0,8",
      "Zijn kennis doorgeven voor hij stopt.", "Veel ervaring met buitenschilderwerk en houtrot herstellen.", "Nieuwe verfsoorten leren kennen.", "schilderen, oude gebouwen"],
    &["M003", "Ayşe", "Yılmaz", "Groenarbeider", "Buitenploeg", "03/05/2021", "", "ja", "midden", "", "Dirk Janssens", "Pieter Willems", "0,8",
      "Zelfstandig kleine schilderwerken doen.", "Zorgvuldig. Houdt de werkplek proper. Goed met klanten.", "Werkfiches in het Nederlands lezen. Vraagt niet snel hulp.", "schilderen, beplanting"],
    &["M004", "Łukasz", "Wójcik", "Groenarbeider", "Buitenploeg", "14/10/2019", "", "ja", "laag", "", "Dirk Janssens", "Pieter Willems", "1",
      "Allround medewerker groen en schilderwerk.", "Sterk met machines. Werkt veilig.", "Geduld bij fijn werk.", "machines, buitenschilderwerk"],
    &["M005", "Jean-Pierre", "Mbuyi", "Groenarbeider", "Buitenploeg", "06/02/2023", "", "ja", "hoog", "06/02/2023", "Dirk Janssens", "Pieter Willems", "0,5",
      "Meer uren werken en zelf maaien.", "Vriendelijk en altijd op tijd.", "Werktempo. Veiligheidsregels onthouden.", "maaien, muziek"],
    &["M006", "Fatima", "El Amrani", "Groenarbeider", "Buitenploeg", "02/12/2024", "", "ja", "midden", "02/12/2024", "Dirk Janssens", "Pieter Willems", "0,8",
      "Werken als schilder bij een gewone werkgever.", "Leert snel. Werkt graag in team.", "Zelfvertrouwen. Durven zeggen als iets niet lukt.", "schilderen, binnenschilderwerk, klantcontact"],
    &["M007", "Kevin", "De Smet", "Groenarbeider", "Buitenploeg", "18/04/2016", "", "ja", "hoog", "", "Dirk Janssens", "Pieter Willems", "1",
      "Vast werk in het groen houden.", "Sterk in onkruid bestrijden en maaien.", "Samenwerken als het druk is. Pauzes nemen.", "onkruid, dieren"],
    &["M008", "Agnieszka", "Nowak", "Groenarbeider", "Buitenploeg", "07/11/2022", "", "ja", "laag", "", "Dirk Janssens", "Pieter Willems", "1",
      "Hovenier worden.", "Kent veel planten. Werkt zelfstandig.", "Nederlands spreken met klanten.", "snoeien, beplanting aanleggen"],
    &["M009", "Dirk", "Janssens", "Meestergast", "Buitenploeg", "03/01/2005", "", "nee", "", "", "Koen Verstraete", "", "1",
      "", "", "", ""],
    &["M010", "Sofie", "Claes", "Groenarbeider", "Buitenploeg", "02/03/2020", "30/06/2025", "ja", "midden", "02/03/2020", "Dirk Janssens", "Pieter Willems", "0,8",
      "Werken bij een gemeentelijke groendienst.", "Zelfstandig. Kent de planten.", "Solliciteren.", "groendienst"],
    &["M011", "Emre", "Demir", "Groenarbeider", "Buitenploeg", "06/10/2025", "", "ja", "hoog", "06/10/2025", "Dirk Janssens", "Pieter Willems", "0,5",
      "Het werk leren kennen en een vast uurrooster volhouden.", "Gemotiveerd. Helpt graag.", "Veilig werken met machines. Op tijd komen.", "maaien, voetbal"],
    &["M012", "Mohamed", "Bouzid", "Magazijnier", "Logistiek", "11/06/2018", "", "ja", "midden", "15/03/2022", "Hilde Maes", "Naima Chaouki", "1",
      "Heftruckchauffeur met attest.", "Kent het magazijn. Werkt ordelijk.", "Rustig blijven bij drukte.", "heftruck, voorraad"],
    &["M013", "Nathalie", "Wouters", "Logistiek medewerker", "Logistiek", "13/01/2020", "", "ja", "laag", "", "Hilde Maes", "Naima Chaouki", "0,8",
      "Nieuwe collega's opleiden.", "Nauwkeurig. Legt goed uit.", "Nee zeggen als het te veel wordt.", "orderpicking, heftruck"],
    &["M014", "Grace", "Kabongo", "Logistiek medewerker", "Logistiek", "06/01/2025", "", "ja", "hoog", "06/01/2025", "Hilde Maes", "Naima Chaouki", "0,5",
      "Zelfstandig orders klaarzetten.", "Vrolijk. Verpakt heel zorgvuldig.", "Werken met de scanner. Looproutes volgen.", "verpakken, koken"],
    &["M015", "Tomasz", "Kowalski", "Heftruckchauffeur", "Logistiek", "21/08/2017", "", "ja", "midden", "", "Hilde Maes", "Naima Chaouki", "1",
      "Meewerkend ploegbaas in het magazijn.", "Ervaren heftruckchauffeur. Helpt collega's.", "Nederlands met klanten.", "heftruck, fietsen"],
    &["M016", "Lotte", "Vermeulen", "Logistiek medewerker", "Logistiek", "05/10/2026", "", "ja", "hoog", "", "Hilde Maes", "Naima Chaouki", "1",
      "", "Zorgvuldig. Vraagt hulp als iets niet lukt.", "", "verpakken, dieren"],
];

/// Columns of [`TAKEN`]: Code, Taak, Cluster, Soort, Vereiste bezetting, Omschrijving, Team.
#[rustfmt::skip]
const TASKS: &[&[&str]] = &[
    &["GRO-MAA", "Gras maaien", "Groen", "technisch", "3", "Maaien met duw- en zitmaaier, kanten afwerken.", "Buitenploeg"],
    &["GRO-SNO", "Hagen snoeien", "Groen", "technisch", "2", "Hagen en heesters snoeien met de heggenschaar.", "Buitenploeg"],
    &["GRO-AAN", "Beplanting aanleggen", "Groen", "technisch", "2", "Plantvakken voorbereiden en planten volgens plan.", "Buitenploeg"],
    &["GRO-ONK", "Onkruid bestrijden", "Groen", "technisch", "3", "Onkruid wieden en branden zonder pesticiden.", "Buitenploeg"],
    &["SCH-VOO", "Voorbereiden en afplakken", "Schilderwerk", "technisch", "2", "Schuren, plamuren, afplakken en afdekken.", "Buitenploeg"],
    &["SCH-BIN", "Binnenschilderwerk", "Schilderwerk", "technisch", "2", "Muren en plafonds binnen schilderen.", "Buitenploeg"],
    &["SCH-BUI", "Buitenschilderwerk", "Schilderwerk", "technisch", "2", "Ramen, deuren en gevels buiten schilderen, ook op ladder en stelling.", "Buitenploeg"],
    &["LOG-ORD", "Orderpicking", "Logistiek", "technisch", "2", "Orders verzamelen met de scanner.", "Logistiek"],
    &["LOG-HEF", "Heftruck rijden", "Logistiek", "technisch", "2", "Laden en lossen met de heftruck (attest nodig).", "Logistiek"],
    &["LOG-MAG", "Voorraad beheren", "Logistiek", "technisch", "1", "Voorraad tellen en bijhouden.", "Logistiek"],
    &["LOG-VER", "Verpakken", "Logistiek", "technisch", "2", "Producten verpakken en labelen.", "Logistiek"],
    &["GEN-SAM", "Samenwerken", "Algemeen", "generiek", "", "Afspraken nakomen, helpen en overleggen met collega's.", ""],
    &["GEN-VEI", "Veilig werken", "Algemeen", "generiek", "", "Beschermingsmiddelen dragen en de veiligheidsregels volgen.", ""],
    &["GEN-KLA", "Klantcontact", "Algemeen", "generiek", "", "Vriendelijk en duidelijk praten met klanten.", ""],
];

/// Task columns of the Buitenploeg's matrix rows in [`OUTDOOR`].
const OUTDOOR_TASKS: [&str; 10] = [
    "GRO-MAA", "GRO-SNO", "GRO-AAN", "GRO-ONK", "SCH-VOO", "SCH-BIN", "SCH-BUI", "GEN-SAM",
    "GEN-VEI", "GEN-KLA",
];

/// Task columns of the Logistiek team's matrix rows in [`WAREHOUSE`].
const WAREHOUSE_TASKS: [&str; 7] = [
    "LOG-ORD", "LOG-HEF", "LOG-MAG", "LOG-VER", "GEN-SAM", "GEN-VEI", "GEN-KLA",
];

/// Buitenploeg matrix in the wide-form cell notation (`-` = not assessed): employee,
/// assessment date, one cell per task of [`OUTDOOR_TASKS`].
#[rustfmt::skip]
const OUTDOOR: &[(&str, &str, [&str; 10])] = &[
    ("M001", "15/10/2026", ["2", "2", "1>2", "2", "3*", "3*", "3*", "3", "2", "2>3"]),
    ("M002", "15/10/2026", ["1", "1", "1", "2", "3", "2", "2>3", "2>3", "2", "1"]),
    ("M003", "15/10/2026", ["2", "1+", "2*", "2", "1+>2", "1", "0+>2", "2", "2", "1>2"]),
    ("M004", "15/10/2026", ["3*", "2", "2", "2", "1", "0", "1+>2", "2>3", "3", "1"]),
    ("M005", "16/10/2026", ["1>2", "0", "1", "1+", "0", "0", "-", "1", "1>2", "0"]),
    ("M006", "16/10/2026", ["1", "0", "1*", "1", "1+", "1+>2", "0+>2", "2>3", "1", "2*"]),
    ("M007", "20/11/2025", ["2", "x", "1>2", "2*", "0", "-", "x", "1>2", "2", "0"]),
    ("M008", "16/10/2026", ["2>3", "3", "3*", "2", "1", "1", "1", "2", "2", "1+>2"]),
    ("M009", "16/10/2026", ["3", "3", "3", "3", "2", "1", "1", "3", "3", "3"]),
    ("M011", "17/11/2026", ["1+>2", "0", "0", "1", "0", "-", "-", "1", "1>2", "-"]),
];

/// Logistiek matrix, as [`OUTDOOR`] with the tasks of [`WAREHOUSE_TASKS`].
#[rustfmt::skip]
const WAREHOUSE: &[(&str, &str, [&str; 7])] = &[
    ("M012", "22/10/2026", ["3", "1+>2", "2", "2*", "2", "3", "1>2"]),
    ("M013", "22/10/2026", ["2", "0+>2", "3", "2", "3", "2>3", "2*"]),
    ("M014", "22/10/2026", ["1+>2", "x", "1", "2*", "1", "1>2", "-"]),
    ("M015", "22/10/2026", ["3", "3", "2", "1", "2", "3", "1+"]),
    ("M016", "16/11/2026", ["1+", "0", "0", "1+", "1", "1", "-"]),
];

/// The sample team as a single snapshot of its matrix: without the earlier assessments of
/// [`HISTORY`], as a workbook that overwrites levels instead of keeping them.
pub fn sample_team_snapshot() -> Vec<Sheet> {
    let mut team = sample_team();
    if let Some(m) = team.iter_mut().find(|s| s.name == "Matrix") {
        let history: Vec<Vec<super::Value>> = HISTORY
            .iter()
            .map(|(employee, date, task, cell)| {
                Assessment::parse(cell).row(employee, task, dmy(date).expect("history date"))
            })
            .collect();
        m.rows.retain(|r| !history.contains(r));
    }
    team
}

/// Earlier assessments, kept as the matrix grew (`Datum`): employee, date, task, cell. The
/// story of two years: Ayşe went from 0 to 1 at planting with her first POP and reached 2
/// with her goal; Łukasz started on outdoor painting; Agnieszka became a pruning expert;
/// Grace reached her goal on safe working but the matrix still says 1 (a finding asks to
/// update it), and her orderpicking fell from 2 to 1 when the scanner came.
#[rustfmt::skip]
const HISTORY: &[(&str, &str, &str, &str)] = &[
    ("M003", "10/12/2024", "GRO-AAN", "0"),
    ("M003", "24/02/2025", "GRO-AAN", "1"),
    ("M003", "24/02/2025", "SCH-BUI", "0"),
    ("M004", "27/11/2025", "SCH-BUI", "0"),
    ("M008", "10/03/2025", "GRO-SNO", "2"),
    ("M014", "15/03/2025", "GEN-VEI", "1"),
    ("M014", "01/03/2026", "LOG-ORD", "2"),
];

/// The long-form `Matrix` sheet: one row per assessed employee and task.
fn matrix() -> Sheet {
    let mut rows = Vec::new();
    let mut add = |employee: &str, date: &str, tasks: &[&str], cells: &[&str]| {
        let date = dmy(date).expect("sample matrix date");
        for (task, cell) in tasks.iter().zip(cells).filter(|(_, c)| **c != "-") {
            rows.push(Assessment::parse(cell).row(employee, task, date));
        }
    };
    for (employee, date, cells) in OUTDOOR {
        add(employee, date, &OUTDOOR_TASKS, cells);
    }
    for (employee, date, cells) in WAREHOUSE {
        add(employee, date, &WAREHOUSE_TASKS, cells);
    }
    for (employee, date, task, cell) in HISTORY {
        add(employee, date, &[task], &[cell]);
    }
    MATRIX.sheet(rows)
}

/// Columns of [`DOELEN`]: Medewerker, Nr, Doel, Taak, Herkomst, Actie, Ondersteuning,
/// Verantwoordelijke, Start, Deadline, Opvolging, Status, Evaluatie, Resultaat. A goal's text,
/// task, origin, evaluation and result stand on its first row only.
#[rustfmt::skip]
const GOALS: &[&[&str]] = &[
    &["M001", "1", "Ilse begeleidt tegen juni 2027 twee collega's bij buitenschilderwerk als peter.", "SCH-BUI", "teambehoefte",
      "Opleiding 'Leren op de werkvloer' volgen", "opleiding, 2 dagen", "Pieter Willems", "01/10/2026", "31/12/2026", "15/12/2026", "bezig", "", ""],
    &["M001", "1", "", "", "",
      "Ayşe en Fatima begeleiden op de werf", "peter-meter", "Ilse Van den Broeck", "02/11/2026", "30/06/2027", "maandelijks", "bezig", "", ""],
    &["M001", "2", "Ilse plant tegen eind 2027 zelf een schilderwerf van een week.", "SCH-VOO", "individueel",
      "Meekijken met de planning van Dirk", "training on the job", "Dirk Janssens", "04/01/2027", "30/06/2027", "15/03/2027", "gepland", "", ""],
    &["M001", "2", "", "", "",
      "Een werfplanning maken voor één klant", "coaching door Dirk", "Dirk Janssens", "01/07/2027", "31/12/2027", "01/10/2027", "gepland", "", ""],
    &["M002", "1", "Marc schrijft tegen januari 2027 zijn werkwijze voor buitenschilderwerk op.", "SCH-BUI", "teambehoefte",
      "Werkfiches met foto's maken", "hulp van de begeleider bij het schrijven", "Pieter Willems", "01/09/2026", "15/01/2027", "15/11/2026", "bezig", "", ""],
    &["M002", "1", "", "", "",
      "Werkfiches uitleggen aan de ploeg", "teamoverleg", "Marc Peeters", "04/01/2027", "29/01/2027", "29/01/2027", "gepland", "", ""],
    &["M003", "1", "Ayşe plant tegen juni 2026 zelfstandig vaste planten aan.", "GRO-AAN", "individueel",
      "Meewerken met Agnieszka bij aanplantingen", "buddy: Agnieszka", "Dirk Janssens", "03/03/2025", "30/06/2026", "01/10/2025", "afgerond",
      "Plant zelfstandig aan. Vraagt nog raad bij een plantplan.", "behaald"],
    &["M003", "1", "", "", "",
      "Plantenkennis oefenen met fotokaarten", "fotokaarten", "Pieter Willems", "03/03/2025", "31/12/2025", "01/10/2025", "afgerond", "", ""],
    &["M003", "2", "Ayşe doet tegen maart 2027 zelfstandig buitenschilderwerk (niveau 2).", "SCH-BUI", "teambehoefte",
      "meelopen met Ilse, 2 dagen per week", "training on the job, peter: Ilse", "Ilse Van den Broeck", "05/10/2026", "01/03/2027", "15/12/2026", "bezig", "", ""],
    &["M003", "2", "", "", "",
      "Cursus veilig werken op ladders en stellingen", "externe opleiding, 1 dag", "Pieter Willems", "12/01/2027", "26/01/2027", "02/02/2027", "gepland", "", ""],
    &["M003", "2", "", "", "",
      "Zelf een tuinhuis schilderen onder toezicht", "opvolging door Ilse", "Ilse Van den Broeck", "01/02/2027", "01/03/2027", "01/03/2027", "gepland", "", ""],
    &["M003", "3", "Ayşe leest tegen juni 2027 zelf een werkfiche.", "", "individueel",
      "Nederlands op de werkvloer, 1 uur per week", "taalcoach", "Pieter Willems", "01/10/2026", "30/06/2027", "maandelijks", "bezig", "", ""],
    &["M003", "3", "", "", "",
      "Werkfiches met pictogrammen gebruiken", "aangepaste werkfiches", "Dirk Janssens", "01/10/2026", "31/12/2026", "15/12/2026", "bezig", "", ""],
    &["M004", "1", "Łukasz leert tegen september 2026 een nieuwe collega maaien.", "GRO-MAA", "individueel",
      "Korte opleiding 'Hoe leer ik iemand iets'", "opleiding, halve dag", "Pieter Willems", "01/12/2025", "31/01/2026", "15/02/2026", "afgerond",
      "Emre maait nu veilig met de duwmaaier. Łukasz legt rustig uit.", "behaald"],
    &["M004", "1", "", "", "",
      "Emre begeleiden bij maaiwerk", "peter-meter", "Dirk Janssens", "02/02/2026", "30/09/2026", "01/06/2026", "afgerond", "", ""],
    &["M004", "2", "Łukasz doet tegen mei 2027 zelfstandig buitenschilderwerk.", "SCH-BUI", "teambehoefte",
      "Meelopen met Marc tot zijn pensioen", "training on the job, peter: Marc", "Marc Peeters", "02/11/2026", "29/01/2027", "15/12/2026", "bezig", "", ""],
    &["M004", "2", "", "", "",
      "Daarna 1 dag per week meelopen met Ilse", "peter: Ilse", "Ilse Van den Broeck", "01/02/2027", "31/05/2027", "15/03/2027", "gepland", "", ""],
    &["M005", "1", "Jean-Pierre kent tegen juni 2026 de 5 veiligheidsregels van de ploeg.", "GEN-VEI", "individueel",
      "Veiligheidsregels bespreken in het ochtendoverleg", "pictogrammen", "Dirk Janssens", "02/02/2026", "30/06/2026", "01/04/2026", "afgerond",
      "Kent 3 van de 5 regels. Herhalen blijft nodig.", "deels behaald"],
    &["M005", "2", "Jean-Pierre maait tegen april 2027 zelfstandig een gazon met de duwmaaier.", "GRO-MAA", "individueel",
      "Oefenen op een vaste werf met Łukasz", "buddy: Łukasz", "Dirk Janssens", "05/10/2026", "30/04/2027", "maandelijks", "bezig", "", ""],
    &["M005", "2", "", "", "",
      "Stappenplan met foto's bij de maaier", "visuele werkinstructie", "Pieter Willems", "05/10/2026", "20/11/2026", "20/11/2026", "afgerond", "", ""],
    &["M005", "3", "Jean-Pierre werkt tegen september 2027 vier dagen per week.", "", "individueel",
      "Uren stap voor stap verhogen, eerst naar drie dagen", "wekelijks gesprek met de begeleider", "Pieter Willems", "04/01/2027", "30/06/2027", "maandelijks", "gepland", "", ""],
    &["M005", "3", "", "", "",
      "Het nieuwe uurrooster evalueren", "opvolgingsgesprek", "Dirk Janssens", "01/07/2027", "01/09/2027", "01/09/2027", "gepland", "", ""],
    &["M006", "1", "Fatima is tegen december 2027 klaar voor een job als schilder bij een gewone werkgever.", "SCH-BIN", "doorstroom",
      "Meelopen met Ilse bij binnenschilderwerk, 1 dag per week", "training on the job", "Ilse Van den Broeck", "04/01/2027", "30/06/2027", "15/03/2027", "gepland", "", ""],
    &["M006", "1", "", "", "",
      "Opleiding schilder bij VDAB", "opleiding VDAB", "Pieter Willems", "01/09/2027", "30/11/2027", "01/10/2027", "gepland", "", ""],
    &["M006", "1", "", "", "",
      "Stage bij een schildersbedrijf", "jobcoach", "Pieter Willems", "01/10/2027", "15/12/2027", "01/11/2027", "gepland", "", ""],
    &["M006", "2", "Fatima zegt in het ochtendoverleg zelf wanneer iets niet lukt.", "GEN-SAM", "individueel",
      "Wekelijks kort gesprek met de begeleider", "coaching", "Pieter Willems", "01/10/2026", "31/03/2027", "maandelijks", "bezig", "", ""],
    &["M006", "2", "", "", "",
      "Oefenen in groep met rollenspel", "groepsvorming", "Pieter Willems", "15/01/2027", "15/02/2027", "01/03/2027", "gepland", "", ""],
    &["M007", "1", "Kevin neemt tegen eind 2025 zijn pauzes op vaste tijden.", "", "individueel",
      "Pauzeschema op zijn werkfiche", "visuele planning", "Dirk Janssens", "06/01/2025", "30/06/2025", "01/04/2025", "afgerond",
      "Lukt meestal. Bij warm weer blijven opvolgen.", "deels behaald"],
    &["M007", "1", "", "", "",
      "Herinnering door de ploegbaas bij de start van de dag", "ploegbaas", "Dirk Janssens", "06/01/2025", "31/12/2025", "maandelijks", "afgerond", "", ""],
    &["M007", "2", "Kevin werkt tegen september 2025 rustig samen met een vaste collega.", "GEN-SAM", "individueel",
      "Vast duo met Agnieszka", "buddy: Agnieszka", "Dirk Janssens", "03/02/2025", "30/09/2025", "01/05/2025", "uitgesteld", "", ""],
    &["M008", "1", "Agnieszka legt tegen juni 2027 een snoeiplan in het Nederlands uit aan een klant.", "GEN-KLA", "individueel",
      "Nederlands op de werkvloer", "taalcoach", "Pieter Willems", "01/10/2026", "30/06/2027", "maandelijks", "bezig", "", ""],
    &["M008", "1", "", "", "",
      "Samen met Dirk een klantgesprek voeren", "meelopen", "Dirk Janssens", "01/03/2027", "31/05/2027", "01/04/2027", "gepland", "", ""],
    &["M008", "2", "Agnieszka leert Emre tegen maart 2027 hagen snoeien.", "GRO-SNO", "individueel",
      "Emre 1 dag per week meenemen bij snoeiwerk", "peter-meter", "Agnieszka Nowak", "02/11/2026", "31/03/2027", "15/01/2027", "bezig", "", ""],
    &["M008", "2", "", "", "",
      "Samen een snoeiplan maken voor de winter", "", "Dirk Janssens", "02/11/2026", "15/12/2026", "15/12/2026", "bezig", "", ""],
    &["M010", "1", "Sofie solliciteert tegen juni 2025 bij een gemeentelijke groendienst.", "", "doorstroom",
      "Sollicitatiebrief maken met de jobcoach", "jobcoach", "Pieter Willems", "06/01/2025", "28/02/2025", "01/03/2025", "afgerond",
      "Aangenomen bij de groendienst van de stad vanaf juli 2025.", "behaald"],
    &["M010", "1", "", "", "",
      "Stage bij de groendienst", "stage", "Pieter Willems", "03/03/2025", "31/05/2025", "01/06/2025", "afgerond", "", ""],
    &["M011", "1", "Emre komt tegen april 2026 elke dag op tijd.", "", "individueel",
      "Busroute plannen met de begeleider", "praktische hulp", "Pieter Willems", "27/10/2025", "15/11/2025", "15/11/2025", "afgerond",
      "Sinds januari elke dag op tijd.", "behaald"],
    &["M011", "1", "", "", "",
      "Wekelijkse check-in met de begeleider", "coaching", "Pieter Willems", "27/10/2025", "30/04/2026", "maandelijks", "afgerond", "", ""],
    &["M011", "2", "Emre kent tegen maart 2027 de veiligheidsregels van de ploeg.", "GEN-VEI", "individueel",
      "Toolbox veilig werken elke maandag", "toolbox", "Dirk Janssens", "02/11/2026", "31/03/2027", "maandelijks", "bezig", "", ""],
    &["M011", "2", "", "", "",
      "Veiligheidsinstructie zitmaaier", "opleiding bij de leverancier", "Dirk Janssens", "15/02/2027", "28/02/2027", "28/02/2027", "gepland", "", ""],
    &["M012", "1", "Mohamed houdt tegen eind 2026 de voorraadlijst zelf bij.", "LOG-MAG", "individueel",
      "Uitleg over het voorraadprogramma", "training on the job", "Hilde Maes", "01/06/2026", "30/09/2026", "01/09/2026", "afgerond", "", ""],
    &["M012", "1", "", "", "",
      "Wekelijkse telling zelf doen", "", "Hilde Maes", "01/10/2026", "31/12/2026", "15/12/2026", "bezig", "", ""],
    &["M012", "2", "Mohamed haalt tegen maart 2027 het heftruckattest.", "LOG-HEF", "teambehoefte",
      "Oefenen onder begeleiding van Tomasz", "peter: Tomasz", "Tomasz Kowalski", "02/11/2026", "31/03/2027", "maandelijks", "bezig", "", ""],
    &["M012", "2", "", "", "",
      "Heftruckopleiding met examen", "externe opleiding, 3 dagen", "Naima Chaouki", "11/01/2027", "29/01/2027", "05/02/2027", "gepland", "", ""],
    &["M013", "1", "Nathalie leert tegen juni 2027 nieuwe collega's orderpicken.", "LOG-ORD", "individueel",
      "Grace begeleiden bij orderpicking", "peter-meter", "Nathalie Wouters", "02/11/2026", "30/06/2027", "maandelijks", "bezig", "", ""],
    &["M013", "1", "", "", "",
      "Opleiding 'collega's opleiden'", "opleiding, halve dag", "Naima Chaouki", "01/02/2027", "28/02/2027", "01/03/2027", "gepland", "", ""],
    &["M013", "2", "Nathalie haalt tegen juni 2027 het heftruckattest.", "LOG-HEF", "teambehoefte",
      "Heftruckopleiding met examen", "externe opleiding, 3 dagen", "Naima Chaouki", "01/03/2027", "31/03/2027", "15/04/2027", "gepland", "", ""],
    &["M014", "1", "Grace werkt tegen eind juni 2026 veilig in het magazijn.", "GEN-VEI", "individueel",
      "Veiligheidsronde met de ploegbaas", "", "Hilde Maes", "01/04/2026", "30/06/2026", "01/07/2026", "afgerond",
      "Kent de looproutes. Draagt altijd veiligheidsschoenen.", "behaald"],
    &["M014", "2", "Grace pickt tegen april 2027 zelfstandig een order met de scanner.", "LOG-ORD", "individueel",
      "Meelopen met Nathalie", "buddy: Nathalie", "Nathalie Wouters", "02/11/2026", "30/04/2027", "maandelijks", "bezig", "", ""],
    &["M014", "2", "", "", "",
      "De scanner oefenen met een stappenkaart", "stappenkaart met pictogrammen", "Naima Chaouki", "02/11/2026", "31/12/2026", "15/12/2026", "bezig", "", ""],
    &["M015", "1", "Tomasz begeleidt tegen maart 2027 twee collega's naar het heftruckattest.", "LOG-HEF", "teambehoefte",
      "Oefenmomenten plannen voor Mohamed en Nathalie", "", "Tomasz Kowalski", "02/11/2026", "31/03/2027", "maandelijks", "bezig", "", ""],
    &["M015", "1", "", "", "",
      "Opleiding 'peter-meter op de werkvloer'", "opleiding, 1 dag", "Naima Chaouki", "07/12/2026", "07/12/2026", "15/12/2026", "gepland", "", ""],
    &["M015", "2", "Tomasz spreekt tegen juni 2027 klanten vlot aan bij een levering.", "GEN-KLA", "individueel",
      "Nederlands op de werkvloer", "taalcoach", "Naima Chaouki", "01/10/2026", "30/06/2027", "maandelijks", "bezig", "", ""],
];

/// Columns of [`GESPREKKEN`]: Medewerker, Datum, Soort, Deelnemers, Verslag, Getekend
/// medewerker, Getekend leidinggevende, Volgend gesprek.
#[rustfmt::skip]
const CONVERSATIONS: &[&[&str]] = &[
    &["M001", "14/01/2025", "POP-gesprek", "Ilse Van den Broeck, Dirk Janssens", "Doelen voor 2025 afgesproken.", "ja", "ja", "16/06/2025"],
    &["M001", "16/06/2025", "opvolging", "Ilse Van den Broeck, Dirk Janssens", "Loopt goed.", "ja", "ja", "12/01/2026"],
    &["M001", "12/01/2026", "POP-gesprek", "Ilse Van den Broeck, Dirk Janssens", "Ilse wil ploegleider worden.", "ja", "ja", "29/09/2026"],
    &["M001", "29/09/2026", "POP-gesprek", "Ilse Van den Broeck, Dirk Janssens, Pieter Willems", "Ilse wordt peter voor buitenschilderwerk.", "ja", "ja", "15/12/2026"],
    &["M002", "20/01/2025", "POP-gesprek", "Marc Peeters, Dirk Janssens", "Laatste jaren voor het pensioen besproken.", "ja", "ja", "19/01/2026"],
    &["M002", "19/01/2026", "POP-gesprek", "Marc Peeters, Dirk Janssens, Pieter Willems", "Kennis doorgeven voor januari 2027.", "ja", "ja", "25/08/2026"],
    &["M002", "25/08/2026", "opvolging", "Marc Peeters, Dirk Janssens", "Werkfiches afgesproken.", "ja", "ja", "17/11/2026"],
    &["M002", "17/11/2026", "opvolging", "Marc Peeters, Pieter Willems", "Eerste werkfiches klaar.", "ja", "ja", "15/01/2027"],
    &["M003", "24/02/2025", "POP-gesprek", "Ayşe Yılmaz, Dirk Janssens, Pieter Willems", "Doel aanplanten afgesproken.", "ja", "ja", "01/10/2025"],
    &["M003", "01/10/2025", "opvolging", "Ayşe Yılmaz, Pieter Willems", "Goede vooruitgang.", "ja", "ja", "16/02/2026"],
    &["M003", "16/02/2026", "POP-gesprek", "Ayşe Yılmaz, Dirk Janssens, Pieter Willems", "POP bijgewerkt. Aanplanten loopt goed.", "ja", "ja", "30/09/2026"],
    &["M003", "30/09/2026", "evaluatie", "Ayşe Yılmaz, Dirk Janssens", "Doel aanplanten behaald.", "ja", "ja", "30/09/2026"],
    &["M003", "30/09/2026", "POP-gesprek", "Ayşe Yılmaz, Dirk Janssens, Pieter Willems", "Ayşe wil schilderen leren. Ze loopt mee met Ilse.", "ja", "ja", "15/12/2026"],
    &["M004", "09/12/2024", "POP-gesprek", "Łukasz Wójcik, Dirk Janssens", "Łukasz wil collega's opleiden.", "ja", "ja", "27/11/2025"],
    &["M004", "27/11/2025", "POP-gesprek", "Łukasz Wójcik, Dirk Janssens", "Łukasz wordt peter voor Emre.", "ja", "ja", "01/06/2026"],
    &["M004", "01/06/2026", "opvolging", "Łukasz Wójcik, Dirk Janssens", "Emre maait al alleen.", "ja", "ja", "28/10/2026"],
    &["M004", "28/10/2026", "evaluatie", "Łukasz Wójcik, Dirk Janssens", "Doel behaald.", "ja", "ja", "28/10/2026"],
    &["M004", "28/10/2026", "POP-gesprek", "Łukasz Wójcik, Dirk Janssens, Pieter Willems", "Nieuw doel: buitenschilderwerk.", "ja", "ja", "15/12/2026"],
    &["M005", "03/02/2025", "POP-gesprek", "Jean-Pierre Mbuyi, Dirk Janssens, Pieter Willems", "Wennen aan de ploeg.", "ja", "ja", "27/01/2026"],
    &["M005", "27/01/2026", "POP-gesprek", "Jean-Pierre Mbuyi, Dirk Janssens, Pieter Willems", "Veiligheid en maaien.", "ja", "ja", "01/04/2026"],
    &["M005", "01/04/2026", "opvolging", "Jean-Pierre Mbuyi, Pieter Willems", "Regels herhalen met pictogrammen.", "ja", "ja", "01/10/2026"],
    &["M005", "01/10/2026", "evaluatie", "Jean-Pierre Mbuyi, Dirk Janssens, Pieter Willems", "Veiligheid deels behaald.", "ja", "ja", "01/10/2026"],
    &["M005", "01/10/2026", "POP-gesprek", "Jean-Pierre Mbuyi, Dirk Janssens, Pieter Willems", "Jean-Pierre wil meer uren werken.", "ja", "nee", "30/11/2026"],
    &["M006", "23/12/2024", "POP-gesprek", "Fatima El Amrani, Dirk Janssens, Pieter Willems", "Eerste POP na de start.", "ja", "ja", "24/03/2025"],
    &["M006", "24/03/2025", "opvolging", "Fatima El Amrani, Pieter Willems", "Fatima wil schilder worden.", "ja", "ja", "22/09/2025"],
    &["M006", "22/09/2025", "POP-gesprek", "Fatima El Amrani, Dirk Janssens, Pieter Willems", "Doorstroom naar schilder besproken.", "ja", "ja", "21/09/2026"],
    &["M006", "21/09/2026", "POP-gesprek", "Fatima El Amrani, Dirk Janssens, Pieter Willems", "Doorstroomplan met VDAB-opleiding.", "nee", "ja", "15/12/2026"],
    &["M007", "16/12/2024", "POP-gesprek", "Kevin De Smet, Dirk Janssens, Pieter Willems", "Afspraken over pauzes en samenwerken.", "ja", "ja", "01/05/2025"],
    &["M007", "01/05/2025", "opvolging", "Kevin De Smet, Pieter Willems", "Vast duo uitgesteld.", "ja", "ja", "20/11/2025"],
    &["M007", "20/11/2025", "evaluatie", "Kevin De Smet, Dirk Janssens, Pieter Willems", "Pauzes deels behaald. Nieuw POP nog te plannen.", "ja", "ja", "15/01/2026"],
    &["M008", "10/03/2025", "POP-gesprek", "Agnieszka Nowak, Dirk Janssens", "Nederlands oefenen.", "ja", "ja", "02/03/2026"],
    &["M008", "02/03/2026", "POP-gesprek", "Agnieszka Nowak, Dirk Janssens", "Nederlands oefenen gaat goed.", "ja", "ja", "28/09/2026"],
    &["M008", "28/09/2026", "POP-gesprek", "Agnieszka Nowak, Dirk Janssens, Pieter Willems", "Agnieszka wordt peter voor snoeien.", "ja", "ja", "15/01/2027"],
    &["M010", "06/01/2025", "doorstroom", "Sofie Claes, Dirk Janssens, Pieter Willems", "Sollicitatie bij de groendienst voorbereid.", "ja", "ja", "02/06/2025"],
    &["M010", "02/06/2025", "evaluatie", "Sofie Claes, Dirk Janssens", "Sofie gaat in juli aan de slag bij de stad.", "ja", "ja", ""],
    &["M011", "27/10/2025", "POP-gesprek", "Emre Demir, Dirk Janssens, Pieter Willems", "Eerste POP: op tijd komen en het werk leren.", "ja", "ja", "30/04/2026"],
    &["M011", "30/04/2026", "opvolging", "Emre Demir, Pieter Willems", "Elke dag op tijd.", "ja", "ja", "26/10/2026"],
    &["M011", "26/10/2026", "POP-gesprek", "Emre Demir, Dirk Janssens, Pieter Willems", "Veiligheid en maaien met de zitmaaier.", "ja", "ja", "15/03/2027"],
    &["M012", "12/02/2025", "POP-gesprek", "Mohamed Bouzid, Hilde Maes, Naima Chaouki", "Goed bezig in het magazijn.", "ja", "ja", "01/09/2025"],
    &["M012", "01/09/2025", "opvolging", "Mohamed Bouzid, Hilde Maes", "Wil meer verantwoordelijkheid.", "ja", "ja", "09/02/2026"],
    &["M012", "09/02/2026", "POP-gesprek", "Mohamed Bouzid, Hilde Maes, Naima Chaouki", "Voorraadbeheer leren.", "ja", "ja", "21/10/2026"],
    &["M012", "21/10/2026", "POP-gesprek", "Mohamed Bouzid, Hilde Maes, Naima Chaouki", "Mohamed wil het heftruckattest halen.", "ja", "ja", "15/01/2027"],
    &["M013", "19/02/2025", "POP-gesprek", "Nathalie Wouters, Hilde Maes", "Nathalie wil collega's opleiden.", "ja", "ja", "16/02/2026"],
    &["M013", "16/02/2026", "POP-gesprek", "Nathalie Wouters, Hilde Maes", "Opleiden in het najaar.", "ja", "ja", "21/10/2026"],
    &["M013", "21/10/2026", "POP-gesprek", "Nathalie Wouters, Hilde Maes, Naima Chaouki", "Peter voor Grace. Heftruckattest in het voorjaar.", "ja", "ja", "15/01/2027"],
    &["M014", "27/01/2025", "POP-gesprek", "Grace Kabongo, Hilde Maes, Naima Chaouki", "Eerste POP na de start.", "ja", "ja", "19/01/2026"],
    &["M014", "19/01/2026", "POP-gesprek", "Grace Kabongo, Hilde Maes, Naima Chaouki", "Veilig werken in het magazijn.", "ja", "ja", "01/07/2026"],
    &["M014", "01/07/2026", "evaluatie", "Grace Kabongo, Hilde Maes", "Veilig werken behaald.", "ja", "ja", "03/11/2026"],
    &["M014", "03/11/2026", "POP-gesprek", "Grace Kabongo, Hilde Maes, Naima Chaouki", "Orderpicking met de scanner.", "ja", "ja", "15/12/2026"],
    &["M015", "05/03/2025", "POP-gesprek", "Tomasz Kowalski, Hilde Maes", "Tomasz wil ploegbaas worden.", "ja", "ja", "01/10/2025"],
    &["M015", "01/10/2025", "opvolging", "Tomasz Kowalski, Hilde Maes", "Nederlands blijft moeilijk.", "ja", "ja", "02/03/2026"],
    &["M015", "02/03/2026", "POP-gesprek", "Tomasz Kowalski, Hilde Maes, Naima Chaouki", "Taalcoach vanaf oktober.", "ja", "ja", "23/10/2026"],
    &["M015", "23/10/2026", "POP-gesprek", "Tomasz Kowalski, Hilde Maes, Naima Chaouki", "Tomasz wordt peter voor het heftruckattest.", "ja", "ja", "15/01/2027"],
];
