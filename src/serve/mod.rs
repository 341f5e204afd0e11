//! The local web page (`popdruk serve`): a thin edge over the same library calls the
//! command line makes ([`run::inspect`], [`run::make`]), served on 127.0.0.1 only.
//!
//! This module alone imports axum and tokio. It owns the HTTP side: the token and the
//! `Host`/`Origin` checks, uploads (bounded, names never trusted), the session folder, the
//! progress of a build and the files it made (served by number, never by a path from the
//! browser). The HTML comes from the page templates ([`template::Pages`]); the words of the
//! page are in [`words`]. axum runs on tokio's single-threaded runtime with HTTP/1 only:
//! one person's browser on the same machine needs no more, and a build runs on a thread of
//! its own so the page stays responsive.

mod upload;
mod words;
mod zipped;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Body;
use axum::extract::{Query, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use chrono::NaiveDate;
use serde::Serialize;

use crate::build::Kind;
use crate::cli::{BuildOptions, CheckOptions, Due, ServeOptions};
use crate::i18n::{Lang, Tr};
use crate::run::{self, Exit, Halt};
use crate::template::Pages;
use crate::terminal::Verbosity;

pub use upload::MAX_UPLOAD_BYTES;

/// The server's state, shared by every request.
struct App {
    /// The secret every request carries as `t=`.
    token: String,
    /// The port it listens on (for the `Host` and `Origin` checks).
    port: u16,
    /// The session folder: uploads and documents, nothing else.
    dir: PathBuf,
    /// The date the page proposes.
    today: NaiveDate,
    /// The page's language when it opens.
    lang: Lang,
    /// The workbook named on the command line, watched for changes.
    given: Option<PathBuf>,
    /// The HTML templates.
    pages: Pages,
    /// The workbook checked and built now.
    current: Mutex<Option<PathBuf>>,
    /// The build under way or last finished.
    job: Arc<Mutex<Job>>,
    /// Numbers uploads and builds, for their folders.
    counter: AtomicUsize,
}

/// A build: how far it is, the files written, how it ended.
#[derive(Default)]
struct Job {
    /// Whether it is running now.
    running: bool,
    /// Files planned.
    planned: usize,
    /// Files written, in order (full paths inside the session folder).
    written: Vec<PathBuf>,
    /// The folder the documents went to.
    out_dir: Option<PathBuf>,
    /// The closing line or the failure, once it ended.
    ended: Option<Ended>,
}

/// How a build ended, said in the run's language.
#[derive(Clone)]
struct Ended {
    /// Whether all went well.
    ok: bool,
    /// The closing line (or what went wrong).
    text: String,
    /// Layout warnings.
    notices: Vec<String>,
}

/// Starts the server and serves until Ctrl-C; `today` is the system date.
pub fn serve(o: &ServeOptions, today: NaiveDate) -> Exit {
    let lang = o.lang;
    let failed = |message: Tr, cause: Option<String>| {
        let (word, caused) = match lang {
            Lang::Nl => ("fout", "oorzaak"),
            Lang::En => ("error", "caused by"),
        };
        eprintln!("{word}: {}", message.get(lang));
        if let Some(c) = cause {
            eprintln!("  {caused}: {c}");
        }
        Exit::Failed
    };
    // A workbook that is not there is said at once, as `check` says it.
    if let Some(w) = &o.workbook
        && !w.exists()
    {
        let e = crate::input::InputError::NotFound(w.clone());
        return failed(e.message(), e.cause());
    }
    let (dir, temporary) = match &o.output {
        Some(d) => (d.clone(), false),
        None => (
            std::env::temp_dir().join(format!("popdruk-{}", random_hex(8))),
            true,
        ),
    };
    if let Err(e) = std::fs::create_dir_all(&dir) {
        return failed(
            Tr::new(
                format!("kan de map `{}` niet maken", dir.display()),
                format!("cannot create the folder `{}`", dir.display()),
            ),
            Some(e.to_string()),
        );
    }
    crate::output::interrupt_in_english(lang == Lang::En);
    if temporary {
        crate::output::remove_on_interrupt(dir.clone());
    }
    let pages = match Pages::load() {
        Ok(p) => p,
        Err(e) => return failed(Tr::new(e.to_string(), e.to_string()), None),
    };
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            return failed(
                Tr::new("kan niet starten", "cannot start"),
                Some(e.to_string()),
            );
        }
    };
    let exit = runtime.block_on(async {
        let listener = match tokio::net::TcpListener::bind(("127.0.0.1", o.port)).await {
            Ok(l) => l,
            Err(e) => {
                return failed(
                    Tr::new(
                        format!("kan poort {} op 127.0.0.1 niet gebruiken", o.port),
                        format!("cannot use port {} on 127.0.0.1", o.port),
                    ),
                    Some(e.to_string()),
                );
            }
        };
        let port = listener.local_addr().map(|a| a.port()).unwrap_or(o.port);
        let given = o
            .workbook
            .as_ref()
            .map(|p| std::path::absolute(p).unwrap_or_else(|_| p.clone()));
        let app = Arc::new(App {
            token: random_hex(16),
            port,
            dir: dir.clone(),
            today: o.date.unwrap_or(today),
            lang,
            current: Mutex::new(given.clone()),
            given,
            pages,
            job: Arc::new(Mutex::new(Job::default())),
            counter: AtomicUsize::new(0),
        });
        let address = format!("http://127.0.0.1:{port}/?t={}", app.token);
        // The address is what this command gives: stdout, for a script or a test to read.
        println!("{address}");
        eprintln!(
            "{}",
            Tr::new(
                format!("popdruk draait op {address} (alleen op deze computer); stop met Ctrl-C"),
                format!(
                    "popdruk is running at {address} (on this computer only); stop with Ctrl-C"
                ),
            )
            .get(lang)
        );
        if o.open {
            run::open(Path::new(&address), lang);
        }
        let router = router(app);
        match axum::serve(listener, router).await {
            Ok(()) => Exit::Ok,
            Err(e) => failed(
                Tr::new("de server stopte", "the server stopped"),
                Some(e.to_string()),
            ),
        }
    });
    if temporary {
        let _ = std::fs::remove_dir_all(&dir);
    }
    exit
}

/// The routes, behind the guard.
fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/", get(page))
        .route("/app.css", get(css))
        .route("/app.js", get(js))
        .route("/upload", post(upload))
        .route("/check", get(check))
        .route("/stamp", get(stamp))
        .route("/build", post(build))
        .route("/progress", get(progress))
        .route("/pdf/{n}", get(pdf))
        .route("/zip", get(zip))
        .route("/open-folder", post(open_folder))
        .route("/starter", get(starter))
        .layer(middleware::from_fn_with_state(app.clone(), guard))
        .with_state(app)
}

/// Refuses a request without the token, or whose `Host` or `Origin` is not this server
/// (another site's page posting here, or a name rebound to 127.0.0.1).
async fn guard(State(app): State<Arc<App>>, req: Request, next: Next) -> Response {
    let ours = |value: &str, scheme: bool| {
        let value = if scheme {
            match value.strip_prefix("http://") {
                Some(v) => v,
                None => return false,
            }
        } else {
            value
        };
        value == format!("127.0.0.1:{}", app.port) || value == format!("localhost:{}", app.port)
    };
    let headers = req.headers();
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    if !host.is_some_and(|h| ours(h, false)) {
        return refused(
            StatusCode::FORBIDDEN,
            Tr::new(
                "geweigerd: dit adres hoort niet bij deze popdruk (Host)",
                "refused: this address does not belong to this popdruk (Host)",
            ),
        );
    }
    if let Some(origin) = headers.get(header::ORIGIN)
        && !origin.to_str().is_ok_and(|o| ours(o, true))
    {
        return refused(
            StatusCode::FORBIDDEN,
            Tr::new(
                "geweigerd: een andere website mag popdruk niets vragen (Origin)",
                "refused: another website may not ask popdruk anything (Origin)",
            ),
        );
    }
    let token = req
        .uri()
        .query()
        .unwrap_or("")
        .split('&')
        .find_map(|pair| pair.strip_prefix("t="));
    if !token.is_some_and(|t| same(t.as_bytes(), app.token.as_bytes())) {
        return refused(
            StatusCode::UNAUTHORIZED,
            Tr::new(
                "geweigerd: het adres mist de sleutel; open het volledige adres dat popdruk toonde",
                "refused: the address lacks its key; open the whole address popdruk printed",
            ),
        );
    }
    let mut response = next.run(req).await;
    let h = response.headers_mut();
    // Nothing from elsewhere: no script, style, font or frame from another place.
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'self'; form-action 'self'; base-uri 'none'",
        ),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// Compares two secrets in time that does not depend on where they differ.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |d, (x, y)| d | (x ^ y)) == 0
}

/// A refusal in both languages, as plain text.
fn refused(status: StatusCode, message: Tr) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        format!("{}\n{}\n", message.nl, message.en),
    )
        .into_response()
}

/// `count` random bytes as hex, from the system's generator.
fn random_hex(count: usize) -> String {
    let mut bytes = vec![0u8; count];
    if getrandom::fill(&mut bytes).is_err() {
        // No generator: the clock and the process, better than a fixed token.
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        let seed = now ^ u128::from(std::process::id()) << 64;
        for (i, b) in bytes.iter_mut().enumerate() {
            *b = (seed >> ((i % 16) * 8)) as u8;
        }
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The language and date a request asks for.
#[derive(serde::Deserialize, Default)]
struct Asked {
    lang: Option<String>,
    date: Option<String>,
}

impl App {
    fn lang(&self, asked: &Asked) -> Lang {
        asked
            .lang
            .as_deref()
            .and_then(|l| l.parse().ok())
            .unwrap_or(self.lang)
    }

    /// The date asked for (as a user types it, read as the command line reads `--date`),
    /// or the page's default when none is given; a refusal when it is not a date.
    fn date(&self, asked: Option<&str>) -> Result<NaiveDate, Tr> {
        let Some(text) = asked.filter(|d| !d.trim().is_empty()) else {
            return Ok(self.today);
        };
        match crate::model::value::typed_date(text) {
            Ok(Some(d)) => Ok(d),
            Ok(None) => Ok(self.today),
            Err(bad) => Err(Tr::new(
                format!("datum: {}; verwacht: {}", bad.message.nl, bad.expected.nl),
                format!("date: {}; expected: {}", bad.message.en, bad.expected.en),
            )),
        }
    }

    fn html(&self, name: &str, context: &impl Serialize) -> Response {
        match self.pages.render(name, context) {
            Ok(html) => {
                ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response()
            }
            Err(e) => refused(
                StatusCode::INTERNAL_SERVER_ERROR,
                Tr::new(e.to_string(), e.to_string()),
            ),
        }
    }

    fn next_number(&self) -> usize {
        self.counter.fetch_add(1, Ordering::SeqCst) + 1
    }
}

/// What the page template gets.
#[derive(Serialize)]
struct PageContext {
    lang: &'static str,
    other_lang: &'static str,
    token: String,
    date: String,
    w: std::collections::BTreeMap<&'static str, &'static str>,
    kinds: Vec<KindChoice>,
    given: Option<String>,
    /// When the given workbook was last saved, as the page first saw it.
    stamp: String,
    check: Option<String>,
}

/// A document kind to tick in the build form.
#[derive(Serialize)]
struct KindChoice {
    name: &'static str,
    label: &'static str,
    checked: bool,
}

async fn page(State(app): State<Arc<App>>, Query(asked): Query<Asked>) -> Response {
    let lang = app.lang(&asked);
    let date = match app.date(asked.date.as_deref()) {
        Ok(d) => d,
        Err(bad) => return refused(StatusCode::UNPROCESSABLE_ENTITY, bad),
    };
    let current = app.current.lock().map(|c| c.clone()).unwrap_or(None);
    let check = match current {
        Some(path) => {
            let app = app.clone();
            tokio::task::spawn_blocking(move || check_html(&app, &path, lang, date))
                .await
                .ok()
        }
        None => None,
    };
    let ctx = PageContext {
        lang: code(lang),
        other_lang: code(match lang {
            Lang::Nl => Lang::En,
            Lang::En => Lang::Nl,
        }),
        token: app.token.clone(),
        date: date.format("%d/%m/%Y").to_string(),
        w: words::all(lang),
        kinds: Kind::ALL
            .iter()
            .map(|k| KindChoice {
                name: k.name(),
                label: words::kind(*k, lang),
                checked: Kind::DEFAULT.contains(k),
            })
            .collect(),
        given: app.given.as_ref().map(|p| file_name(p)),
        stamp: app.given.as_deref().map(saved).unwrap_or_default(),
        check,
    };
    app.html("page.tera", &ctx)
}

fn code(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "nl",
        Lang::En => "en",
    }
}

/// The last part of a path, for showing: never the session folder's place.
fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

async fn css() -> Response {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        include_str!("../../templates/web/app.css"),
    )
        .into_response()
}

async fn js() -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        include_str!("../../templates/web/app.js"),
    )
        .into_response()
}

/// The query of an upload: the file's name as the browser gives it (only its extension
/// and a cleaned stem are used).
#[derive(serde::Deserialize)]
struct UploadQuery {
    name: Option<String>,
    lang: Option<String>,
    date: Option<String>,
}

async fn upload(
    State(app): State<Arc<App>>,
    Query(q): Query<UploadQuery>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let asked = Asked {
        lang: q.lang.clone(),
        date: q.date.clone(),
    };
    let lang = app.lang(&asked);
    let date = match app.date(asked.date.as_deref()) {
        Ok(d) => d,
        Err(bad) => return refused(StatusCode::UNPROCESSABLE_ENTITY, bad),
    };
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > MAX_UPLOAD_BYTES as u64) {
        return refused(StatusCode::PAYLOAD_TOO_LARGE, upload::too_large());
    }
    let bytes = match axum::body::to_bytes(body, MAX_UPLOAD_BYTES).await {
        Ok(b) => b,
        Err(_) => return refused(StatusCode::PAYLOAD_TOO_LARGE, upload::too_large()),
    };
    let folder = app.dir.join(format!("werkmap-{}", app.next_number()));
    let name = q.name.unwrap_or_default();
    let checked = tokio::task::spawn_blocking(move || {
        let path = upload::place(&folder, &name, &bytes)?;
        if let Ok(mut c) = app.current.lock() {
            *c = Some(path.clone());
        }
        Ok(check_page(&app, &path, lang, date))
    })
    .await
    .unwrap_or_else(|_| Err(Tr::new("het laden stopte", "loading stopped")));
    match checked {
        Ok((html, failed)) => {
            let status = if failed {
                StatusCode::UNPROCESSABLE_ENTITY
            } else {
                StatusCode::OK
            };
            (
                status,
                [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
                html,
            )
                .into_response()
        }
        Err(message) => refused(StatusCode::UNPROCESSABLE_ENTITY, message),
    }
}

async fn check(State(app): State<Arc<App>>, Query(asked): Query<Asked>) -> Response {
    let lang = app.lang(&asked);
    let current = app.current.lock().map(|c| c.clone()).unwrap_or(None);
    let Some(path) = current else {
        return refused(
            StatusCode::CONFLICT,
            Tr::new("kies eerst een werkmap", "choose a workbook first"),
        );
    };
    let date = match app.date(asked.date.as_deref()) {
        Ok(d) => d,
        Err(bad) => return refused(StatusCode::UNPROCESSABLE_ENTITY, bad),
    };
    let html = tokio::task::spawn_blocking(move || check_html(&app, &path, lang, date))
        .await
        .unwrap_or_default();
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response()
}

/// When the workbook named on the command line was last saved (empty if none): the page
/// checks again when this changes.
async fn stamp(State(app): State<Arc<App>>) -> Response {
    let given = app.given.clone();
    let stamp = tokio::task::spawn_blocking(move || given.map(|p| saved(&p)).unwrap_or_default())
        .await
        .unwrap_or_default();
    ([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], stamp).into_response()
}

/// When a workbook was last saved, and its size: for a CSV folder, of each file in it
/// (editing a file does not touch the folder's own time).
fn saved(path: &Path) -> String {
    let one = |p: &Path| {
        std::fs::metadata(p)
            .ok()
            .and_then(|m| {
                let t = m
                    .modified()
                    .ok()?
                    .duration_since(std::time::UNIX_EPOCH)
                    .ok()?;
                Some(format!(
                    "{}.{:09}:{}",
                    t.as_secs(),
                    t.subsec_nanos(),
                    m.len()
                ))
            })
            .unwrap_or_default()
    };
    if !path.is_dir() {
        return one(path);
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(path)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    files
        .iter()
        .map(|f| format!("{}={}", file_name(f), one(f)))
        .collect::<Vec<_>>()
        .join(";")
}

/// One diagnostic as the page shows it.
#[derive(Serialize)]
struct Problem {
    severity: &'static str,
    word: &'static str,
    file: String,
    sheet: Option<String>,
    row: Option<u32>,
    column: Option<String>,
    message: String,
    expected: Option<String>,
    hint: Option<String>,
}

/// A group of problems: one sheet (or CSV file), or one employee.
#[derive(Serialize)]
struct Group {
    title: String,
    problems: Vec<Problem>,
    findings: Vec<RuleFinding>,
}

/// A rule finding as the page shows it.
#[derive(Serialize)]
struct RuleFinding {
    severity: &'static str,
    word: &'static str,
    tag: &'static str,
    message: String,
    /// The cell to look at (`blad `Gesprekken`, rij 14, kolom …`), when the finding is
    /// about one row.
    place: Option<String>,
}

/// An employee to choose in the build form.
#[derive(Serialize)]
struct Person {
    id: String,
    name: String,
    due: Option<String>,
    overdue: bool,
}

/// What the check template gets.
#[derive(Serialize)]
struct CheckContext {
    w: std::collections::BTreeMap<&'static str, &'static str>,
    name: String,
    failure_message: Option<String>,
    failure_cause: Option<String>,
    tally: String,
    errors: usize,
    by_sheet: Vec<Group>,
    by_employee: Vec<Group>,
    organisation: Vec<RuleFinding>,
    rules_checked: bool,
    rules_total: String,
    people: Vec<Person>,
}

/// Checks the workbook with the command line's check and renders what it found.
fn check_html(app: &App, path: &Path, lang: Lang, date: NaiveDate) -> String {
    check_page(app, path, lang, date).0
}

/// The check's HTML, and whether the workbook could not be read at all.
fn check_page(app: &App, path: &Path, lang: Lang, date: NaiveDate) -> (String, bool) {
    let o = CheckOptions {
        workbook: path.to_path_buf(),
        lang,
        date: Some(date),
        as_of: None,
        from: None,
        to: None,
        since: None,
        strict: false,
        planning: None,
        format: crate::cli::Format::Text,
        verbosity: Verbosity::Quiet,
    };
    let mut ctx = CheckContext {
        w: words::all(lang),
        name: file_name(path),
        failure_message: None,
        failure_cause: None,
        tally: String::new(),
        errors: 0,
        by_sheet: Vec::new(),
        by_employee: Vec::new(),
        organisation: Vec::new(),
        rules_checked: false,
        rules_total: String::new(),
        people: Vec::new(),
    };
    match run::inspect(&o, date, true) {
        Err(failure) => {
            ctx.failure_message = Some(hide_folder(failure.message.get(lang), &app.dir));
            ctx.failure_cause = failure.cause.map(|c| hide_folder(&c, &app.dir));
        }
        Ok(inspection) => fill_check(&mut ctx, &inspection, app, lang),
    }
    let failed = ctx.failure_message.is_some();
    let html = app
        .pages
        .render("check.tera", &ctx)
        .unwrap_or_else(|e| e.to_string());
    (html, failed)
}

/// A message with the session folder's place left out: the page names files by name.
fn hide_folder(text: &str, dir: &Path) -> String {
    let shown = dir.display().to_string();
    text.replace(&format!("{shown}/"), "")
        .replace(&format!("{shown}\\"), "")
        .replace(&shown, "")
}

fn fill_check(ctx: &mut CheckContext, inspection: &run::Inspection, app: &App, lang: Lang) {
    use crate::diagnostic::{Severity, Tally};
    let v = &inspection.validated;
    let wb = &v.workbook;
    let mut diagnostics: Vec<&crate::diagnostic::Diagnostic> = v.diagnostics.iter().collect();
    // On the page, "beside the workbook" means in one zip with it.
    let logo = inspection.logo_problem.clone().map(|mut d| {
        d.hint = Some(Tr::new(
            "een PNG- of JPEG-bestand: zet de werkmap en het logo samen in één .zip en kies die",
            "a PNG or JPEG file: put the workbook and the logo together in one .zip and choose that",
        ));
        d
    });
    diagnostics.extend(logo.iter());
    // The page counts the logo's problem too: it stands in the list above the count.
    let counted: Vec<crate::diagnostic::Diagnostic> =
        diagnostics.iter().map(|d| (*d).clone()).collect();
    ctx.tally = Tally::of(&counted).render(lang);
    ctx.errors = v
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let problem = |d: &crate::diagnostic::Diagnostic| Problem {
        severity: match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        },
        word: d.severity.word(lang),
        file: file_name(&d.location.file),
        sheet: d.location.sheet.clone(),
        row: d.location.row,
        column: d.location.column.as_ref().map(|c| {
            format!(
                "{} ({})",
                c.header,
                crate::diagnostic::column_letter(c.index)
            )
        }),
        message: hide_folder(d.message.get(lang), &app.dir),
        expected: d.expected.as_ref().map(|e| e.get(lang).to_string()),
        hint: d.hint.as_ref().map(|h| h.get(lang).to_string()),
    };
    for d in &diagnostics {
        let title = match &d.location.sheet {
            Some(s) => s.clone(),
            None => file_name(&d.location.file),
        };
        match ctx.by_sheet.iter_mut().find(|g| g.title == title) {
            Some(g) => g.problems.push(problem(d)),
            None => ctx.by_sheet.push(Group {
                title,
                problems: vec![problem(d)],
                findings: Vec::new(),
            }),
        }
    }
    let findings = inspection.findings();
    ctx.rules_checked = findings.is_some();
    let idx = crate::model::Index::new(wb);
    for e in &wb.employees {
        let problems: Vec<Problem> = diagnostics
            .iter()
            .filter(|d| v.owner(d) == Some(e.id.as_str()))
            .map(|d| problem(d))
            .collect();
        let mine: Vec<RuleFinding> = findings
            .iter()
            .flat_map(|(f, _)| f.iter())
            .filter(|f| f.employee.as_deref() == Some(e.id.as_str()))
            .filter(|f| f.severity != crate::compliance::Severity::Ok)
            .map(|f| rule_finding(f, wb, lang))
            .collect();
        let title = format!("{} ({})", e.full_name(), e.id);
        if !problems.is_empty() || !mine.is_empty() {
            ctx.by_employee.push(Group {
                title,
                problems,
                findings: mine,
            });
        }
        if e.in_service_on(inspection.as_of) {
            let due = crate::compliance::due_on(&idx, &inspection.rules, inspection.as_of, e);
            ctx.people.push(Person {
                id: e.id.clone(),
                name: e.full_name(),
                due: due.map(crate::format::format_date),
                overdue: due.is_some_and(|d| d < inspection.as_of),
            });
        }
    }
    if let Some((findings, checked)) = &findings {
        ctx.organisation = findings
            .iter()
            .filter(|f| f.employee.is_none() && f.severity != crate::compliance::Severity::Ok)
            .map(|f| rule_finding(f, wb, lang))
            .collect();
        ctx.rules_total = crate::compliance::totals::Totals::of(findings, *checked).render(lang);
    }
}

fn rule_finding(
    f: &crate::compliance::Finding,
    wb: &crate::model::Workbook,
    lang: Lang,
) -> RuleFinding {
    use crate::compliance::Severity as S;
    RuleFinding {
        severity: match f.severity {
            S::Tekort => "error",
            S::Waarschuwing => "warning",
            _ => "note",
        },
        word: f.severity.word(lang),
        tag: f.rule.tag(lang),
        message: f.message.get(lang).to_string(),
        place: f
            .at
            .and_then(|c| wb.places.locate(c))
            // The page names sheets and columns as it does for data problems: without the
            // terminal's backticks.
            .map(|at| at.render_in_workbook(lang).replace('`', "")),
    }
}

/// Starts a build of the current workbook with what the form asks; answers with the
/// progress.
async fn build(
    State(app): State<Arc<App>>,
    axum::Form(form): axum::Form<Vec<(String, String)>>,
) -> Response {
    let get = |key: &str| form.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str());
    let asked = Asked {
        lang: get("lang").map(str::to_string),
        date: get("date").map(str::to_string),
    };
    let lang = app.lang(&asked);
    let current = app.current.lock().map(|c| c.clone()).unwrap_or(None);
    let Some(workbook) = current else {
        return refused(
            StatusCode::CONFLICT,
            Tr::new("kies eerst een werkmap", "choose a workbook first"),
        );
    };
    let only: Vec<Kind> = form
        .iter()
        .filter(|(k, _)| k == "kind")
        .filter_map(|(_, v)| v.parse().ok())
        .collect();
    if only.is_empty() {
        return refused(
            StatusCode::UNPROCESSABLE_ENTITY,
            Tr::new(
                "kies minstens één soort document",
                "choose at least one kind of document",
            ),
        );
    }
    let who = get("who").unwrap_or("all");
    let employees: Vec<String> = if who == "some" {
        form.iter()
            .filter(|(k, _)| k == "employee")
            .map(|(_, v)| v.clone())
            .collect()
    } else {
        Vec::new()
    };
    if who == "some" && employees.is_empty() {
        return refused(
            StatusCode::UNPROCESSABLE_ENTITY,
            Tr::new(
                "kies minstens één medewerker",
                "choose at least one employee",
            ),
        );
    }
    let due = (who == "due").then(|| {
        Due::Days(
            get("days")
                .and_then(|d| d.trim().parse().ok())
                .unwrap_or(60u32)
                .min(36_600),
        )
    });
    let date = match app.date(asked.date.as_deref()) {
        Ok(d) => d,
        Err(bad) => return refused(StatusCode::UNPROCESSABLE_ENTITY, bad),
    };
    {
        let Ok(mut job) = app.job.lock() else {
            return refused(StatusCode::INTERNAL_SERVER_ERROR, Tr::new("fout", "error"));
        };
        if job.running {
            return refused(
                StatusCode::CONFLICT,
                Tr::new(
                    "er worden al documenten gemaakt",
                    "documents are being made already",
                ),
            );
        }
        *job = Job {
            running: true,
            ..Job::default()
        };
    }
    let out_dir = app.dir.join(format!("documenten-{}", app.next_number()));
    let o = BuildOptions {
        check: CheckOptions {
            workbook,
            lang,
            date: Some(date),
            as_of: None,
            from: None,
            to: None,
            since: None,
            strict: false,
            planning: None,
            format: crate::cli::Format::Text,
            verbosity: Verbosity::Quiet,
        },
        output: Some(out_dir.clone()),
        templates: None,
        only,
        employees,
        due,
        paper: Default::default(),
        open: false,
    };
    let job = app.job.clone();
    let dir = app.dir.clone();
    std::thread::spawn(move || run_build(o, date, job, &dir));
    progress_html(&app, lang)
}

/// Runs a build with the command line's calls, recording its progress in `job`.
fn run_build(o: BuildOptions, date: NaiveDate, job: Arc<Mutex<Job>>, dir: &Path) {
    let lang = o.check.lang;
    let set = |f: &dyn Fn(&mut Job)| {
        if let Ok(mut j) = job.lock() {
            f(&mut j);
        }
    };
    set(&|j| j.out_dir = o.output.clone());
    let ended = match run::inspect(&o.check, date, true) {
        Err(failure) => Ended {
            ok: false,
            text: hide_folder(failure.message.get(lang), dir),
            notices: Vec::new(),
        },
        Ok(inspection) => {
            let shown = job.clone();
            let planned = job.clone();
            let outcome = run::make(inspection, &o, move |total| {
                if let Ok(mut j) = planned.lock() {
                    j.planned = total;
                }
                move |path: &Path| {
                    if let Ok(mut j) = shown.lock() {
                        j.written.push(path.to_path_buf());
                    }
                }
            });
            match outcome {
                Err(Halt::Blocked) => Ended {
                    ok: false,
                    text: Halt::blocked_message().get(lang).to_string(),
                    notices: Vec::new(),
                },
                Err(Halt::Failed(f)) => Ended {
                    ok: false,
                    text: hide_folder(f.message.get(lang), dir),
                    notices: Vec::new(),
                },
                Ok(outcome) => {
                    let notices = outcome
                        .notices
                        .iter()
                        .map(|n| format!("{}: {}", n.file, n.message.get(lang)))
                        .collect();
                    match outcome.ended {
                        Ok(done) => Ended {
                            ok: !done.skipped,
                            text: hide_folder(&done.closing, dir),
                            notices,
                        },
                        Err(f) => Ended {
                            ok: false,
                            text: hide_folder(f.message.get(lang), dir),
                            notices,
                        },
                    }
                }
            }
        }
    };
    set(&|j| {
        j.running = false;
        j.ended = Some(ended.clone());
    });
}

/// What the progress template gets.
#[derive(Serialize)]
struct ProgressContext {
    w: std::collections::BTreeMap<&'static str, &'static str>,
    token: String,
    running: bool,
    planned: usize,
    written: usize,
    last: String,
    ended_ok: bool,
    ended_text: Option<String>,
    notices: Vec<String>,
    files: Vec<FileLink>,
}

/// A made file, by its number in the build.
#[derive(Serialize)]
struct FileLink {
    n: usize,
    name: String,
}

async fn progress(State(app): State<Arc<App>>, Query(asked): Query<Asked>) -> Response {
    let lang = app.lang(&asked);
    progress_html(&app, lang)
}

fn progress_html(app: &App, lang: Lang) -> Response {
    let ctx = {
        let Ok(job) = app.job.lock() else {
            return refused(StatusCode::INTERNAL_SERVER_ERROR, Tr::new("fout", "error"));
        };
        let base = job.out_dir.clone().unwrap_or_default();
        let shown = |p: &PathBuf| {
            p.strip_prefix(&base)
                .map(|r| r.to_string_lossy().replace('\\', "/"))
                .unwrap_or_else(|_| file_name(p))
        };
        ProgressContext {
            w: words::all(lang),
            token: app.token.clone(),
            running: job.running,
            planned: job.planned.max(job.written.len()),
            written: job.written.len(),
            last: job.written.last().map(shown).unwrap_or_default(),
            ended_ok: job.ended.as_ref().is_some_and(|e| e.ok),
            ended_text: job.ended.as_ref().map(|e| e.text.clone()),
            notices: job
                .ended
                .as_ref()
                .map(|e| e.notices.clone())
                .unwrap_or_default(),
            files: if job.running {
                Vec::new()
            } else {
                let mut files: Vec<FileLink> = job
                    .written
                    .iter()
                    .enumerate()
                    .map(|(n, p)| FileLink { n, name: shown(p) })
                    .collect();
                // Bundles and organisation documents first, then each employee's folder.
                files.sort_by(|a, b| {
                    (a.name.contains('/'), &a.name).cmp(&(b.name.contains('/'), &b.name))
                });
                files
            },
        }
    };
    app.html("progress.tera", &ctx)
}

/// The `n`th file the last build wrote, shown in the browser.
async fn pdf(
    State(app): State<Arc<App>>,
    axum::extract::Path(n): axum::extract::Path<usize>,
) -> Response {
    let path = app
        .job
        .lock()
        .ok()
        .filter(|j| !j.running)
        .and_then(|j| j.written.get(n).cloned());
    let Some(path) = path else {
        return refused(
            StatusCode::NOT_FOUND,
            Tr::new(
                "dit document bestaat niet (meer)",
                "this document does not exist (any more)",
            ),
        );
    };
    match tokio::task::spawn_blocking(move || std::fs::read(&path)).await {
        Ok(Ok(bytes)) => (
            [
                (header::CONTENT_TYPE, "application/pdf".to_string()),
                (header::CONTENT_DISPOSITION, "inline".to_string()),
            ],
            bytes,
        )
            .into_response(),
        _ => refused(
            StatusCode::NOT_FOUND,
            Tr::new(
                "dit document bestaat niet (meer)",
                "this document does not exist (any more)",
            ),
        ),
    }
}

/// Every file of the last build in one ZIP.
async fn zip(State(app): State<Arc<App>>) -> Response {
    let (files, base) = match app.job.lock() {
        Ok(j) if !j.running && !j.written.is_empty() => {
            (j.written.clone(), j.out_dir.clone().unwrap_or_default())
        }
        _ => {
            return refused(
                StatusCode::NOT_FOUND,
                Tr::new("maak eerst de documenten", "make the documents first"),
            );
        }
    };
    match tokio::task::spawn_blocking(move || zipped::pack(&base, &files)).await {
        Ok(Ok(bytes)) => (
            [
                (header::CONTENT_TYPE, "application/zip"),
                (
                    header::CONTENT_DISPOSITION,
                    "attachment; filename=\"popdruk-documenten.zip\"",
                ),
            ],
            bytes,
        )
            .into_response(),
        _ => refused(
            StatusCode::INTERNAL_SERVER_ERROR,
            Tr::new("kan de ZIP niet maken", "cannot make the ZIP"),
        ),
    }
}

/// Opens the folder of the last build with the system's file manager.
async fn open_folder(State(app): State<Arc<App>>, Query(asked): Query<Asked>) -> Response {
    let lang = app.lang(&asked);
    let dir = app.job.lock().ok().and_then(|j| j.out_dir.clone());
    match dir.filter(|d| d.is_dir()) {
        Some(d) => {
            run::open(&d, lang);
            StatusCode::NO_CONTENT.into_response()
        }
        None => refused(
            StatusCode::NOT_FOUND,
            Tr::new("maak eerst de documenten", "make the documents first"),
        ),
    }
}

/// Which starter workbook to download.
#[derive(serde::Deserialize)]
struct StarterQuery {
    lang: Option<String>,
    example: Option<String>,
}

/// The starter workbook (`popdruk init`), or the example team (`--example`).
async fn starter(State(app): State<Arc<App>>, Query(q): Query<StarterQuery>) -> Response {
    let lang = app.lang(&Asked {
        lang: q.lang,
        date: None,
    });
    let example = q.example.as_deref() == Some("1");
    match crate::init::starter_bytes(lang, example) {
        Ok(bytes) => {
            let name = if example {
                "voorbeeld-team.xlsx"
            } else {
                "team.xlsx"
            };
            (
                [
                    (
                        header::CONTENT_TYPE,
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                            .to_string(),
                    ),
                    (
                        header::CONTENT_DISPOSITION,
                        format!("attachment; filename=\"{name}\""),
                    ),
                ],
                bytes,
            )
                .into_response()
        }
        Err(e) => refused(
            StatusCode::INTERNAL_SERVER_ERROR,
            Tr::new(e.to_string(), e.to_string()),
        ),
    }
}
