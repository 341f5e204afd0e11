//! A generated organisation of any size for benchmarks and load tests: teams with their own
//! tasks plus shared generic ones, employees with names from the communities of Flanders,
//! a long-form teammatrix kept over time (about a third of its cells have an earlier, dated
//! level), team needs, goals with actions, conversations and coaches. All references are
//! valid and all dates consistent; the same arguments give the same sheets.

use chrono::{Days, NaiveDate};

use super::rng::Rng;
use super::{Sheet, Value, enterprise_number};
use popdruk::init::schema::{
    Assessment, BEGELEIDERS, DOELEN, GESPREKKEN, INSTELLINGEN, MATRIX, MEDEWERKERS, ORGANISATIE,
    TAKEN, TEAMBEHOEFTEN,
};

/// The day the generated data is "as of": nothing in the past lies after it.
const TODAY: NaiveDate = ymd(2026, 11, 29);

/// First day of the conversation history.
const HISTORY: NaiveDate = ymd(2024, 12, 1);

const fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid constant date")
}

/// A kind of team: its name, its job title, a code prefix and nine tasks (cluster, code
/// stem, task name).
struct TeamKind {
    name: &'static str,
    job: &'static str,
    prefix: &'static str,
    tasks: [(&'static str, &'static str, &'static str); 9],
}

#[rustfmt::skip]
const TEAM_KINDS: [TeamKind; 5] = [
    TeamKind { name: "Groen", job: "Groenarbeider", prefix: "GRO", tasks: [
        ("Groen", "MAA", "Gras maaien"), ("Groen", "SNO", "Hagen snoeien"), ("Groen", "AAN", "Beplanting aanleggen"),
        ("Groen", "ONK", "Onkruid bestrijden"), ("Groen", "BLA", "Bladruimen"), ("Machines", "MON", "Machines onderhouden"),
        ("Machines", "BRA", "Brandstof en olie bijvullen"), ("Logistiek", "LAD", "Materiaal laden"), ("Logistiek", "AFV", "Groenafval sorteren"),
    ]},
    TeamKind { name: "Schilderwerk", job: "Schilder", prefix: "SCH", tasks: [
        ("Schilderwerk", "VOO", "Voorbereiden en afplakken"), ("Schilderwerk", "BIN", "Binnenschilderwerk"), ("Schilderwerk", "BUI", "Buitenschilderwerk"),
        ("Schilderwerk", "BEH", "Behangen"), ("Schilderwerk", "LAK", "Lakwerk"), ("Afwerking", "PLA", "Plamuren"),
        ("Afwerking", "KIT", "Kitten"), ("Logistiek", "MAT", "Materiaal klaarzetten"), ("Logistiek", "OPR", "Werf opruimen"),
    ]},
    TeamKind { name: "Logistiek", job: "Logistiek medewerker", prefix: "LOG", tasks: [
        ("Logistiek", "ORD", "Orderpicking"), ("Logistiek", "HEF", "Heftruck rijden"), ("Logistiek", "MAG", "Voorraad beheren"),
        ("Logistiek", "VER", "Verpakken"), ("Logistiek", "ONT", "Goederen ontvangen"), ("Transport", "LOS", "Laden en lossen"),
        ("Transport", "RIT", "Ritten voorbereiden"), ("Kwaliteit", "CON", "Kwaliteitscontrole"), ("Kwaliteit", "ETI", "Etiketteren"),
    ]},
    TeamKind { name: "Atelier", job: "Productiemedewerker", prefix: "ATE", tasks: [
        ("Assemblage", "MON", "Monteren"), ("Assemblage", "SCH", "Schroeven en lijmen"), ("Assemblage", "TEL", "Tellen en bundelen"),
        ("Assemblage", "SOR", "Sorteren"), ("Machines", "BOR", "Boormachine bedienen"), ("Machines", "ZAG", "Zaagmachine bedienen"),
        ("Kwaliteit", "CON", "Eindcontrole"), ("Logistiek", "INP", "Inpakken"), ("Logistiek", "PAL", "Paletten klaarzetten"),
    ]},
    TeamKind { name: "Schoonmaak", job: "Schoonmaker", prefix: "SCM", tasks: [
        ("Schoonmaak", "KAN", "Kantoren poetsen"), ("Schoonmaak", "SAN", "Sanitair reinigen"), ("Schoonmaak", "RAM", "Ramen wassen"),
        ("Schoonmaak", "VLO", "Vloeren schrobben"), ("Schoonmaak", "KEU", "Keukens reinigen"), ("Machines", "SMA", "Schrobmachine bedienen"),
        ("Machines", "STO", "Stofzuiger onderhouden"), ("Logistiek", "PRO", "Producten aanvullen"), ("Logistiek", "AFV", "Afval sorteren"),
    ]},
];

/// Tasks every team shares (`Team` left empty): code, name, description.
const GENERIC_TASKS: [(&str, &str, &str); 3] = [
    (
        "GEN-SAM",
        "Samenwerken",
        "Afspraken nakomen, helpen en overleggen met collega's.",
    ),
    (
        "GEN-VEI",
        "Veilig werken",
        "Beschermingsmiddelen dragen en de veiligheidsregels volgen.",
    ),
    (
        "GEN-KLA",
        "Klantcontact",
        "Vriendelijk en duidelijk praten met klanten.",
    ),
];

#[rustfmt::skip]
const FIRST_NAMES: &[&str] = &[
    "Ilse", "Marc", "Ayşe", "Łukasz", "Jean-Pierre", "Fatima", "Kevin", "Agnieszka", "Dirk", "Sofie", "Emre", "Mohamed",
    "Nathalie", "Grace", "Tomasz", "Els", "Bart", "Hanne", "Jonas", "Yasmina", "Karim", "Zeynep", "Özlem", "Mustafa",
    "Dragan", "Jelena", "Amadou", "Aïcha", "Noël", "Chloë", "Jürgen", "Małgorzata", "Piotr", "Bogdan", "Ioana", "Ştefan",
    "Björn", "Lieve", "Rik", "Wendy", "Youssef", "Samira", "Hatice", "Mehmet", "Nkechi", "Joëlle", "Renée", "Gökhan",
];

#[rustfmt::skip]
const LAST_NAMES: &[&str] = &[
    "Van den Broeck", "De Smet", "Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens",
    "Wouters", "De Vos", "Vermeulen", "Van Damme", "D'Hondt", "Vandenbroucke", "Yılmaz", "Demir", "Öztürk", "Şahin",
    "Wójcik", "Nowak", "Kowalski", "Lewandowski", "Dąbrowski", "Mbuyi", "Kabongo", "Tshimanga", "El Amrani", "Bouzid",
    "Ben Ali", "El Idrissi", "Popescu", "Ionescu", "Petrović", "Horváth", "Müller", "Van de Velde", "De Clercq", "Çelik",
];

const SENTENCES: &[&str] = &[
    "Werkt nauwkeurig en houdt de werkplek proper.",
    "Legt geduldig uit aan nieuwe collega's.",
    "Heeft meer tijd nodig bij nieuwe opdrachten.",
    "Werkt graag buiten, ook bij slecht weer.",
    "Vraagt niet snel hulp als iets niet lukt.",
    "Leest werkfiches het best met pictogrammen.",
    "Is altijd op tijd en houdt zich aan afspraken.",
    "Wil meer uren werken als dat haalbaar blijkt.",
    "Is vriendelijk met klanten en collega's.",
    "Heeft rust nodig na een drukke werfdag.",
];

const INTERESTS: &[&str] = &[
    "schilderen",
    "maaien",
    "heftruck",
    "machines",
    "planten",
    "koken",
    "verpakken",
    "klantcontact",
    "fietsen",
    "muziek",
    "voetbal",
    "collega's opleiden",
];

const NEED_REASONS: &[&str] = &[
    "veel schilderopdrachten in het voorjaar",
    "een collega gaat met pensioen",
    "nieuwe klant met dagelijkse leveringen",
    "seizoenspiek in de zomer",
    "maar één persoon kan dit zelfstandig",
];

/// Actions for goals: what, and the support that comes with it.
const ACTIONS: &[(&str, &str)] = &[
    (
        "Meelopen met een ervaren collega, 2 dagen per week",
        "training on the job",
    ),
    (
        "Opleiding volgen bij een externe partner",
        "externe opleiding",
    ),
    ("Wekelijks kort gesprek met de begeleider", "coaching"),
    (
        "Werkfiche met pictogrammen gebruiken",
        "aangepaste werkfiche",
    ),
    ("Oefenen op een vaste werf", "buddy"),
    ("Nederlands op de werkvloer, 1 uur per week", "taalcoach"),
    ("Een nieuwe collega begeleiden", "peter-meter"),
];

const TALK_NOTES: &[&str] = &[
    "Doelen besproken en afgesproken.",
    "Loopt goed, afspraken blijven.",
    "Nieuwe opleiding gepland.",
    "Werkpunten samen overlopen.",
];

const QUALIFICATIONS: &[&str] = &[
    "bachelor sociaal werk",
    "bachelor orthopedagogie",
    "jobcoach",
    "meestergast",
];

/// A generated employee with what the other sheets need to refer to them.
struct Person {
    id: String,
    first: &'static str,
    last: &'static str,
    team: usize,
    start: NaiveDate,
    end: Option<NaiveDate>,
    target_group: bool,
}

impl Person {
    fn name(&self) -> String {
        format!("{} {}", self.first, self.last)
    }

    /// Still in service on [`TODAY`] (a leaving date in the future counts as in service).
    fn active(&self) -> bool {
        self.end.is_none_or(|e| e > TODAY)
    }
}

/// One generated team: name, its tasks (code, name) and its people.
struct Team {
    name: String,
    kind: &'static TeamKind,
    tasks: Vec<(String, String)>,
    leader: String,
    coach: String,
}

/// A synthetic organisation of `employees` people in `teams` teams (at least one), with about
/// twelve tasks per team (nine of its own, three shared generic ones). Deterministic in
/// `seed`; 5,000 employees take well under a second.
pub fn organisation(employees: usize, teams: usize, seed: u64) -> Vec<Sheet> {
    Generator::new(employees, teams.max(1), seed).sheets()
}

struct Generator {
    rng: Rng,
    teams: Vec<Team>,
    people: Vec<Person>,
    coaches: Vec<(String, f64)>,
    /// (team index, task code) of every team need, filled by [`Generator::needs`].
    needed: Vec<(usize, String)>,
    seed: u64,
}

impl Generator {
    fn new(employees: usize, team_count: usize, seed: u64) -> Generator {
        let mut rng = Rng::new(seed);
        let coaches: Vec<(String, f64)> = (0..employees.div_ceil(15).max(1))
            .map(|_| (random_name(&mut rng), *rng.pick(&[0.5, 0.8, 1.0])))
            .collect();
        let teams = (0..team_count)
            .map(|i| {
                let kind = &TEAM_KINDS[i % TEAM_KINDS.len()];
                let round = i / TEAM_KINDS.len();
                let (name, suffix) = match round {
                    0 => (kind.name.to_string(), String::new()),
                    _ => {
                        let name = format!("{} {}", kind.name, round + 1);
                        let suffix = format!(" ({name})");
                        (name, suffix)
                    }
                };
                let tasks = kind
                    .tasks
                    .iter()
                    .map(|(_, stem, task)| {
                        (
                            format!("{}-{stem}-{:02}", kind.prefix, i + 1),
                            format!("{task}{suffix}"),
                        )
                    })
                    .collect();
                Team {
                    name,
                    kind,
                    tasks,
                    leader: random_name(&mut rng),
                    coach: coaches[i % coaches.len()].0.clone(),
                }
            })
            .collect();
        let width = employees.to_string().len().max(3);
        let people = (0..employees)
            .map(|i| {
                let start = rng.date(ymd(2005, 1, 1), ymd(2026, 10, 31));
                let end = (start < ymd(2026, 4, 1) && rng.chance(5))
                    .then(|| rng.date(start + Days::new(180), TODAY));
                Person {
                    id: format!("M{:0width$}", i + 1),
                    first: rng.pick::<&str>(FIRST_NAMES),
                    last: rng.pick::<&str>(LAST_NAMES),
                    team: i * team_count / employees.max(1),
                    start,
                    end,
                    target_group: rng.chance(88),
                }
            })
            .collect();
        Generator {
            rng,
            teams,
            people,
            coaches,
            needed: Vec::new(),
            seed,
        }
    }

    fn sheets(mut self) -> Vec<Sheet> {
        let first_eight = 4_000_000 + (self.seed % 5_000_000) as u32;
        let organisation = ORGANISATIE.sheet(
            [
                (
                    "Naam",
                    format!("Werkgemeenschap Coöperatief {} vzw", self.seed),
                ),
                ("Ondernemingsnummer", enterprise_number(first_eight)),
                ("Adres", "Fabrieksstraat 1".to_string()),
                ("Plaats", "Kortrijk".to_string()),
                ("Regime", "collectief maatwerk".to_string()),
            ]
            .into_iter()
            .map(|(k, v)| vec![Value::text(k), Value::text(v)])
            .collect(),
        );
        let employees = self.employees();
        let tasks = self.tasks();
        let (matrix, needs) = (self.matrix(), self.needs());
        let (goals, talks) = (self.goals(), self.conversations());
        let coaches = self.coaches();
        let settings = INSTELLINGEN.sheet(vec![vec![
            Value::text("POP-termijn (maanden)"),
            Value::Int(1),
        ]]);
        vec![
            organisation,
            employees,
            tasks,
            matrix,
            needs,
            goals,
            talks,
            coaches,
            settings,
        ]
    }

    /// One short sentence, or in a quarter of the cases three or four (about 200 characters).
    fn text(&mut self) -> String {
        let count = if self.rng.chance(25) {
            self.rng.range(3, 4)
        } else {
            1
        };
        let parts: Vec<&str> = (0..count).map(|_| *self.rng.pick(SENTENCES)).collect();
        parts.join(" ")
    }

    fn employees(&mut self) -> Sheet {
        let mut rows = Vec::with_capacity(self.people.len());
        for i in 0..self.people.len() {
            let p = &self.people[i];
            let team = &self.teams[p.team];
            let (target_group, start) = (p.target_group, p.start);
            let mut row = vec![
                Value::text(&p.id),
                Value::text(p.first),
                Value::text(p.last),
                Value::text(if target_group {
                    team.kind.job
                } else {
                    "Meestergast"
                }),
                Value::text(&team.name),
                Value::Date(start),
                Value::date(p.end),
                ja_nee(target_group),
            ];
            let (leader, coach) = (team.leader.clone(), team.coach.clone());
            let support = target_group.then(|| *self.rng.pick(&["laag", "midden", "hoog"]));
            let wop = target_group && start >= ymd(2021, 12, 1) && self.rng.chance(70);
            let fte = *self.rng.pick(&[0.5, 0.6, 0.8, 0.8, 1.0, 1.0]);
            row.extend([
                Value::text(support.unwrap_or_default()),
                Value::date(wop.then_some(start)),
                Value::text(leader),
                Value::text(if target_group { coach } else { String::new() }),
                Value::Number(fte),
                Value::text(self.text()),
                Value::text(self.text()),
                Value::text(self.text()),
                Value::text(format!(
                    "{}, {}",
                    self.rng.pick(INTERESTS),
                    self.rng.pick(INTERESTS)
                )),
            ]);
            rows.push(row);
        }
        MEDEWERKERS.sheet(rows)
    }

    fn tasks(&mut self) -> Sheet {
        let mut rows = Vec::new();
        for team in &self.teams {
            for ((cluster, _, _), (code, name)) in team.kind.tasks.iter().zip(&team.tasks) {
                rows.push(vec![
                    Value::text(code),
                    Value::text(name),
                    Value::text(*cluster),
                    Value::text("technisch"),
                    Value::Int(self.rng.range(1, 3) as i64),
                    Value::text(format!("{name} volgens de werkinstructie.")),
                    Value::text(&team.name),
                ]);
            }
        }
        for (code, name, description) in GENERIC_TASKS {
            rows.push(vec![
                Value::text(code),
                Value::text(name),
                Value::text("Algemeen"),
                Value::text("generiek"),
                Value::Empty,
                Value::text(description),
                Value::Empty,
            ]);
        }
        TAKEN.sheet(rows)
    }

    /// A random assessment: mostly levels 1 and 2, some markers, rarely not deployable.
    fn assessment(&mut self) -> Assessment {
        let rng = &mut self.rng;
        let level = match rng.below(100) {
            0..15 => 0,
            15..45 => 1,
            45..80 => 2,
            _ => 3,
        };
        let not_deployable = rng.chance(2);
        Assessment {
            level: (!not_deployable || rng.chance(50)).then_some(level),
            wants_to_learn: level < 2 && rng.chance(25),
            likes: rng.chance(15),
            not_deployable,
            target: (level < 3 && rng.chance(20)).then(|| rng.range(level as usize + 1, 3) as u8),
        }
    }

    fn matrix(&mut self) -> Sheet {
        let mut rows = Vec::with_capacity(self.people.len() * 12);
        for i in 0..self.people.len() {
            if !self.people[i].active() {
                continue;
            }
            let p = &self.people[i];
            let date = self.rng.date(p.start.max(ymd(2025, 6, 1)), TODAY);
            let id = p.id.clone();
            let team = &self.teams[p.team];
            let codes: Vec<String> = team
                .tasks
                .iter()
                .map(|(code, _)| code.clone())
                .chain(GENERIC_TASKS.iter().map(|(code, _, _)| code.to_string()))
                .collect();
            let start = p.start;
            for code in codes {
                if self.rng.chance(90) {
                    let now = self.assessment();
                    // The matrix as a team keeps it over time: about a third of the cells
                    // have an earlier, dated level (mostly one lower, sometimes higher).
                    let earlier = start.max(ymd(2024, 6, 1));
                    if let Some(level) = now.level
                        && earlier + Days::new(60) < date
                        && self.rng.chance(30)
                    {
                        let then = if self.rng.chance(15) {
                            (level + 1).min(3)
                        } else {
                            level.saturating_sub(1)
                        };
                        let day = self.rng.date(earlier, date - Days::new(30));
                        let old = Assessment {
                            level: Some(then),
                            ..Assessment::default()
                        };
                        rows.push(old.row(&id, &code, day));
                    }
                    rows.push(now.row(&id, &code, date));
                }
            }
        }
        MATRIX.sheet(rows)
    }

    fn needs(&mut self) -> Sheet {
        let mut rows = Vec::new();
        for (i, team) in self.teams.iter().enumerate() {
            for _ in 0..self.rng.range(1, 2) {
                let code = &self.rng.pick(&team.tasks).0;
                if self.needed.contains(&(i, code.clone())) {
                    continue;
                }
                self.needed.push((i, code.clone()));
                rows.push(vec![
                    Value::text(&team.name),
                    Value::text(code),
                    Value::text(*self.rng.pick(NEED_REASONS)),
                    Value::Int(self.rng.range(2, 4) as i64),
                    Value::Date(self.rng.date(ymd(2027, 1, 1), ymd(2027, 12, 31))),
                    Value::text(*self.rng.pick(&["hoog", "midden", "laag"])),
                ]);
            }
        }
        TEAMBEHOEFTEN.sheet(rows)
    }

    fn goals(&mut self) -> Sheet {
        let mut rows = Vec::new();
        for i in 0..self.people.len() {
            if self.people[i].active() && self.people[i].target_group {
                for nr in 1..=self.rng.range(1, 3) {
                    self.goal(&mut rows, i, nr as i64);
                }
            }
        }
        DOELEN.sheet(rows)
    }

    /// The rows of goal `nr` of person `person`, with one to three actions.
    fn goal(&mut self, rows: &mut Vec<Vec<Value>>, person: usize, nr: i64) {
        let rng = &mut self.rng;
        let p = &self.people[person];
        let team = &self.teams[p.team];
        let earliest = p.start.max(ymd(2025, 1, 1));
        let actions: Vec<_> = (0..rng.range(1, 3))
            .map(|_| {
                let start = rng.date(earliest, TODAY + Days::new(60));
                let deadline = start + Days::new(rng.range(14, 300) as u64);
                let follow_up = match rng.chance(30) {
                    true => Value::text("maandelijks"),
                    false => Value::Date(rng.date(start, deadline)),
                };
                let status = if deadline < TODAY {
                    *rng.pick(&["afgerond", "afgerond", "afgerond", "uitgesteld", "gestopt"])
                } else if start > TODAY {
                    "gepland"
                } else {
                    "bezig"
                };
                (*rng.pick(ACTIONS), start, deadline, follow_up, status)
            })
            .collect();
        let last = actions.iter().map(|a| a.2).max().unwrap_or(TODAY);
        let by = last.format("%d/%m/%Y");
        let first = p.first;
        let task = rng.chance(60).then(|| rng.pick(&team.tasks));
        let (text, origin) = match task {
            Some((code, name)) => (
                format!(
                    "{first} doet tegen {by} zelfstandig: {} (niveau 2).",
                    name.to_lowercase()
                ),
                match self.needed.contains(&(p.team, code.clone())) {
                    true => "teambehoefte",
                    false => "individueel",
                },
            ),
            None if rng.chance(20) => (
                format!("{first} is tegen {by} klaar voor werk bij een gewone werkgever."),
                "doorstroom",
            ),
            None => (
                format!("{first} werkt tegen {by} zelfstandiger."),
                "individueel",
            ),
        };
        let finished = last < TODAY;
        let result = finished.then(|| *rng.pick(&["behaald", "deels behaald", "niet behaald"]));
        for (n, ((what, support), start, deadline, follow_up, status)) in
            actions.into_iter().enumerate()
        {
            let first_row = n == 0;
            let on_first = |s: &str| Value::text(if first_row { s } else { "" });
            let responsible = if rng.chance(50) {
                &team.leader
            } else {
                &team.coach
            };
            let evaluation = match (first_row, result) {
                (true, Some(r)) => format!("Doel {r}. {}", rng.pick(SENTENCES)),
                _ => String::new(),
            };
            rows.push(vec![
                Value::text(&p.id),
                Value::Int(nr),
                on_first(&text),
                on_first(task.map_or("", |t| t.0.as_str())),
                on_first(origin),
                Value::text(what),
                Value::text(support),
                Value::text(responsible),
                Value::Date(start),
                Value::Date(deadline),
                follow_up,
                Value::text(status),
                Value::text(evaluation),
                on_first(result.unwrap_or_default()),
            ]);
        }
    }

    fn conversations(&mut self) -> Sheet {
        let mut rows = Vec::new();
        for p in &self.people {
            let from = p.start.max(HISTORY);
            let until = p.end.unwrap_or(TODAY).min(TODAY);
            if from > until {
                continue;
            }
            let team = &self.teams[p.team];
            let participants = format!("{}, {}, {}", p.name(), team.leader, team.coach);
            let mut dates: Vec<NaiveDate> = (0..self.rng.range(1, 3))
                .map(|_| self.rng.date(from, until))
                .collect();
            dates.sort();
            for (n, date) in dates.into_iter().enumerate() {
                let kind = match n {
                    0 => "POP-gesprek",
                    _ => *self
                        .rng
                        .pick(&["opvolging", "evaluatie", "POP-gesprek", "doorstroom"]),
                };
                let notes = match self.rng.chance(15) {
                    true => (0..4)
                        .map(|_| *self.rng.pick(SENTENCES))
                        .collect::<Vec<_>>()
                        .join(" "),
                    false => self.rng.pick(TALK_NOTES).to_string(),
                };
                let next = self
                    .rng
                    .chance(80)
                    .then(|| date + Days::new(self.rng.range(30, 200) as u64));
                rows.push(vec![
                    Value::text(&p.id),
                    Value::Date(date),
                    Value::text(kind),
                    Value::text(&participants),
                    Value::text(notes),
                    ja_nee(self.rng.chance(90)),
                    ja_nee(self.rng.chance(95)),
                    Value::date(next),
                ]);
            }
        }
        GESPREKKEN.sheet(rows)
    }

    fn coaches(&mut self) -> Sheet {
        let mut rows = Vec::with_capacity(self.coaches.len());
        for (name, fte) in &self.coaches {
            rows.push(vec![
                Value::text(name),
                Value::Number(*fte),
                Value::text(*self.rng.pick(QUALIFICATIONS)),
                Value::Date(self.rng.date(ymd(2010, 1, 1), ymd(2024, 12, 31))),
                Value::Empty,
            ]);
        }
        BEGELEIDERS.sheet(rows)
    }
}

/// `ja` or `nee`.
fn ja_nee(flag: bool) -> Value {
    Value::text(if flag { "ja" } else { "nee" })
}

/// A full name drawn from the name lists.
fn random_name(rng: &mut Rng) -> String {
    format!("{} {}", rng.pick(FIRST_NAMES), rng.pick(LAST_NAMES))
}
