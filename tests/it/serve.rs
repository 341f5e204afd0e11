//! The local page over HTTP on loopback, as a browser would speak to it: the sample is
//! uploaded, checked and built, the ZIP holds whole PDFs; requests without the token, or
//! with another Host or Origin, are refused; oversized and hostile uploads are refused with
//! a message that says why; Ctrl-C removes the temporary folder.

use crate::common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{read, temp_dir, text};

/// A running `popdruk serve`, stopped when dropped.
struct Server {
    child: Child,
    port: u16,
    token: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `popdruk serve --no-open` with `args`, its temporary folder under `tmp`, and
/// reads the address it prints.
fn serve(tmp: &Path, args: &[&str]) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_popdruk"))
        .args(["serve", "--no-open", "--date", "29/11/2026"])
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("TMPDIR", tmp)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("popdruk serve starts");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("the address");
    let address = line.trim();
    let rest = address
        .strip_prefix("http://127.0.0.1:")
        .unwrap_or_else(|| panic!("an address on 127.0.0.1: {address}"));
    let (port, token) = rest.split_once("/?t=").expect("port and token");
    assert_eq!(token.len(), 32, "a 128-bit token: {token}");
    Server {
        port: port.parse().expect("port"),
        token: token.to_string(),
        child,
    }
}

/// An HTTP answer.
struct Answer {
    status: u16,
    headers: String,
    body: Vec<u8>,
}

impl Answer {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

impl Server {
    fn host(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    /// `target` with the token added.
    fn with_token(&self, target: &str) -> String {
        let join = if target.contains('?') { '&' } else { '?' };
        format!("{target}{join}t={}", self.token)
    }

    fn get(&self, target: &str) -> Answer {
        self.request("GET", &self.with_token(target), &[], b"")
    }

    fn post(&self, target: &str, content_type: &str, body: &[u8]) -> Answer {
        let origin = format!("http://{}", self.host());
        self.request(
            "POST",
            &self.with_token(target),
            &[("Origin", &origin), ("Content-Type", content_type)],
            body,
        )
    }

    /// One request on a new connection, with `Host` this server's own unless `headers`
    /// give one.
    fn request(&self, method: &str, target: &str, headers: &[(&str, &str)], body: &[u8]) -> Answer {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("connects");
        stream
            .set_read_timeout(Some(Duration::from_secs(120)))
            .unwrap();
        let mut head = format!("{method} {target} HTTP/1.1\r\nConnection: close\r\n");
        if !headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("host")) {
            head.push_str(&format!("Host: {}\r\n", self.host()));
        }
        for (k, v) in headers {
            head.push_str(&format!("{k}: {v}\r\n"));
        }
        if !headers
            .iter()
            .any(|(k, _)| k.eq_ignore_ascii_case("content-length"))
        {
            head.push_str(&format!("Content-Length: {}\r\n", body.len()));
        }
        head.push_str("\r\n");
        stream.write_all(head.as_bytes()).unwrap();
        // The server may answer (and close) before taking a body it refuses.
        let _ = stream.write_all(body);
        let mut raw = Vec::new();
        let _ = stream.read_to_end(&mut raw);
        let split = raw
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("a whole answer");
        let headers = String::from_utf8_lossy(&raw[..split]).to_ascii_lowercase();
        let status = headers[9..12].parse().expect("status");
        let mut body = raw[split + 4..].to_vec();
        if headers.contains("transfer-encoding: chunked") {
            body = unchunk(&body);
        }
        Answer {
            status,
            headers,
            body,
        }
    }

    /// Polls the progress until the build ended; its last answer.
    fn wait_for_build(&self, lang: &str) -> String {
        let start = Instant::now();
        loop {
            let progress = self.get(&format!("/progress?lang={lang}")).text();
            if progress.contains("data-running=\"false\"") {
                return progress;
            }
            assert!(start.elapsed() < Duration::from_secs(300), "{progress}");
            std::thread::sleep(Duration::from_millis(200));
        }
    }
}

fn unchunk(mut body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let end = body.windows(2).position(|w| w == b"\r\n").expect("size");
        let size = usize::from_str_radix(std::str::from_utf8(&body[..end]).unwrap().trim(), 16)
            .expect("hex size");
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&body[end + 2..end + 2 + size]);
        body = &body[end + 4 + size..];
    }
}

const SAMPLE: &str = "samples/team.xlsx";

#[test]
fn the_sample_is_checked_built_and_zipped_through_the_page() {
    let tmp = temp_dir("serve-sample");
    let server = serve(&tmp, &[]);
    let page = server.get("/");
    assert_eq!(page.status, 200);
    let html = page.text();
    assert!(html.contains("Uw eerste POP in vijf stappen"), "{html}");
    assert!(
        html.contains("/starter?t="),
        "a link to the starter workbook"
    );
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "nothing from elsewhere"
    );
    for asset in ["/app.css", "/app.js"] {
        assert_eq!(server.get(asset).status, 200, "{asset}");
    }
    let csp = &page.headers;
    assert!(
        csp.contains("content-security-policy: default-src 'self'"),
        "{csp}"
    );

    let bytes = std::fs::read(SAMPLE).unwrap();
    let check = server.post(
        "/upload?name=team.xlsx&date=29/11/2026",
        "application/octet-stream",
        &bytes,
    );
    let found = check.text();
    assert_eq!(check.status, 200, "{found}");
    // The rule findings per employee, as `check` prints them.
    assert!(found.contains("Kevin De Smet (M007)"), "{found}");
    assert!(
        found.contains(
            "[verbeteracties] 1 verbeteractie in het huidige POP, er zijn er minstens 2 nodig"
        ),
        "{found}"
    );
    // The logo beside a workbook does not come with an upload: a warning naming its cell.
    assert!(
        found.contains("blad Organisatie, rij 7, kolom Waarde (B)"),
        "{found}"
    );
    // Nothing of the session folder's place is shown.
    assert!(!found.contains(&tmp.display().to_string()), "{found}");
    // The employees to choose, with the day each is due (`compliance::due_on`).
    assert!(
        found.contains("value=\"M002\"")
            && found.contains("Marc Peeters (M002) · aan de beurt op 15/01/2027"),
        "{found}"
    );

    let started = server.post(
        "/build",
        "application/x-www-form-urlencoded",
        b"kind=pop&kind=dossier&who=all&lang=nl&date=29%2F11%2F2026",
    );
    assert_eq!(started.status, 200, "{}", started.text());
    let done = server.wait_for_build("nl");
    assert!(
        done.contains("klaar: 15 documenten voor 15 medewerkers, 1 bundel en het inspectiedossier"),
        "{done}"
    );
    assert!(done.contains("/pdf/"), "links to each PDF: {done}");

    let pdf = server.get("/pdf/0");
    assert_eq!(pdf.status, 200);
    assert!(pdf.headers.contains("content-type: application/pdf"));
    assert!(pdf.headers.contains("content-disposition: inline"));
    assert_eq!(server.get("/pdf/999").status, 404);

    let zip = server.get("/zip");
    assert_eq!(zip.status, 200);
    assert!(
        zip.headers
            .contains("attachment; filename=\"popdruk-documenten.zip\"")
    );
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip.body)).expect("a zip");
    let names: Vec<String> = archive
        .file_names()
        .map(|n| n.expect("a name").into_owned())
        .collect();
    assert_eq!(names.len(), 17, "{names:?}");
    assert!(names.contains(&"dossier.pdf".to_string()), "{names:?}");
    assert!(
        names.contains(&"M003-Yılmaz-Ayşe/pop-M003-Yılmaz-Ayşe.pdf".to_string()),
        "{names:?}"
    );
    for name in names {
        let mut bytes = Vec::new();
        archive
            .by_name(&name)
            .unwrap()
            .read_to_end(&mut bytes)
            .unwrap();
        let doc = read(&bytes);
        assert!(!doc.get_pages().is_empty(), "{name}");
        if name == "bundel-pop.pdf" {
            assert!(text(&doc).contains("Yılmaz"), "{name}");
        }
    }
}

#[test]
fn the_page_and_its_findings_speak_english_when_asked() {
    let tmp = temp_dir("serve-english");
    let server = serve(&tmp, &["--lang", "en"]);
    let html = server.get("/").text();
    assert!(html.contains("<html lang=\"en\">"), "{html}");
    assert!(html.contains("Your first POP in five steps"), "{html}");
    assert!(html.contains("Nederlands"), "the switch back: {html}");
    let bytes = std::fs::read(SAMPLE).unwrap();
    let found = server
        .post(
            "/upload?name=team.xlsx&lang=en&date=29/11/2026",
            "application/octet-stream",
            &bytes,
        )
        .text();
    assert!(
        found.contains("shortfall</strong> [improvement-actions]"),
        "{found}"
    );
    assert!(server.get("/?lang=nl").text().contains("vijf stappen"));
}

#[test]
fn requests_without_the_token_or_from_another_host_or_origin_are_refused() {
    let tmp = temp_dir("serve-refused");
    let server = serve(&tmp, &[]);
    let none = server.request("GET", "/", &[], b"");
    assert_eq!(none.status, 401);
    assert!(
        none.text().contains("het adres mist de sleutel"),
        "{}",
        none.text()
    );
    let wrong = server.request("GET", "/?t=00000000000000000000000000000000", &[], b"");
    assert_eq!(wrong.status, 401);
    let pdf = server.request("GET", "/pdf/0", &[], b"");
    assert_eq!(pdf.status, 401, "files need the token too");

    // A name rebound to 127.0.0.1 (DNS rebinding) arrives with its own Host.
    let target = server.with_token("/");
    let rebound = server.request("GET", &target, &[("Host", "evil.example:80")], b"");
    assert_eq!(rebound.status, 403);
    assert!(rebound.text().contains("(Host)"), "{}", rebound.text());
    let localhost = format!("localhost:{}", server.port);
    assert_eq!(
        server
            .request("GET", &target, &[("Host", &localhost)], b"")
            .status,
        200
    );

    // Another site's page posting here.
    let build = server.with_token("/build");
    let posted = server.request(
        "POST",
        &build,
        &[
            ("Origin", "http://evil.example"),
            ("Content-Type", "application/x-www-form-urlencoded"),
        ],
        b"kind=pop&who=all",
    );
    assert_eq!(posted.status, 403);
    assert!(posted.text().contains("(Origin)"), "{}", posted.text());
    let other_port = format!("http://127.0.0.1:{}", server.port.wrapping_add(1));
    let upload = server.with_token("/upload?name=team.xlsx");
    let sideways = server.request("POST", &upload, &[("Origin", &other_port)], b"PK");
    assert_eq!(sideways.status, 403);
}

#[test]
fn an_oversized_upload_is_refused_with_the_limit() {
    let tmp = temp_dir("serve-oversized");
    let server = serve(&tmp, &[]);
    let origin = format!("http://{}", server.host());
    let target = server.with_token("/upload?name=team.xlsx");
    // Said by its length: refused before it is read.
    let said = server.request(
        "POST",
        &target,
        &[("Origin", &origin), ("Content-Length", "40000000")],
        b"",
    );
    assert_eq!(said.status, 413);
    assert!(
        said.text()
            .contains("het bestand is groter dan 32 MB: is dit wel de werkmap van het team?"),
        "{}",
        said.text()
    );
    // Sent in chunks without a length: refused once it passes the limit.
    let mut stream = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    write!(
        stream,
        "POST {target} HTTP/1.1\r\nHost: {}\r\nOrigin: {origin}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n",
        server.host()
    )
    .unwrap();
    let chunk = vec![b'x'; 1 << 20];
    for _ in 0..40 {
        if write!(stream, "{:x}\r\n", chunk.len()).is_err()
            || stream.write_all(&chunk).is_err()
            || stream.write_all(b"\r\n").is_err()
        {
            break;
        }
    }
    let _ = stream.write_all(b"0\r\n\r\n");
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw);
    let answer = String::from_utf8_lossy(&raw);
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    assert!(answer.contains("groter dan 32 MB"), "{answer}");
    // Nothing of it was kept.
    assert!(
        common::files_under(&tmp).is_empty(),
        "{:?}",
        common::files_under(&tmp)
    );
}

#[test]
fn hostile_uploads_are_refused_with_a_message_that_says_why() {
    let tmp = temp_dir("serve-hostile");
    let server = serve(&tmp, &[]);
    let octets = "application/octet-stream";

    // Not a workbook by its name.
    let photo = server.post("/upload?name=foto.png", octets, b"\x89PNG");
    assert_eq!(photo.status, 422);
    assert!(
        photo
            .text()
            .contains("`foto.png` is geen werkmap: kies een .xlsx-, .ods- of .xls-bestand, of een .zip met .csv-bestanden"),
        "{}",
        photo.text()
    );

    // Named a workbook, but something else: the command line's own refusal.
    let fake = server.post(
        "/upload?name=..%2F..%2Fteam.xlsx",
        octets,
        b"Naam;Functie\nAnn;kok\n",
    );
    assert_eq!(fake.status, 422);
    let said = fake.text();
    assert!(said.contains("Kan de werkmap niet lezen"), "{said}");
    assert!(said.contains("team.xlsx"), "{said}");
    assert!(!said.contains(&tmp.display().to_string()), "{said}");
    // The name from the browser never leads outside the session folder.
    let kept = common::files_under(&tmp);
    assert!(
        kept.iter()
            .all(|p| p.starts_with(&tmp) && p.ends_with("team.xlsx")),
        "{kept:?}"
    );

    // A zip that unpacks to far more than it weighs.
    let bomb = {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        zip.start_file("medewerkers.csv", options).unwrap();
        let zeros = vec![b'0'; 1 << 20];
        for _ in 0..70 {
            zip.write_all(&zeros).unwrap();
        }
        zip.finish().unwrap().into_inner()
    };
    assert!(bomb.len() < 1 << 20, "{}", bomb.len());
    let refused = server.post("/upload?name=team.zip", octets, &bomb);
    assert_eq!(refused.status, 422);
    assert!(
        refused.text().contains(
            "`team.zip` pakt uit tot meer dan 64 bestanden of 64 MB: dit is geen werkmap"
        ),
        "{}",
        refused.text()
    );

    // A zip of CSV files whose names climb out: each is taken by its own name, inside.
    let climbing = {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        zip.start_file("../../medewerkers.csv", options).unwrap();
        zip.write_all(b"ID;Voornaam\n").unwrap();
        zip.finish().unwrap().into_inner()
    };
    let answer = server.post("/upload?name=team.zip", octets, &climbing);
    assert_ne!(answer.status, 500, "{}", answer.text());
    assert!(
        !tmp.parent().unwrap().join("medewerkers.csv").exists()
            && common::files_under(&tmp)
                .iter()
                .filter(|p| p.ends_with("medewerkers.csv"))
                .all(|p| p.starts_with(&tmp)),
        "{:?}",
        common::files_under(&tmp)
    );
    // The server is still there.
    assert_eq!(server.get("/").status, 200);
}

#[test]
fn the_csv_sample_zipped_is_checked_like_the_workbook() {
    let tmp = temp_dir("serve-csv");
    let server = serve(&tmp, &[]);
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    let mut csvs: Vec<PathBuf> = std::fs::read_dir("samples/team-csv")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "csv"))
        .collect();
    csvs.sort();
    for p in &csvs {
        let name = format!("team-csv/{}", p.file_name().unwrap().to_string_lossy());
        zip.start_file(name, options).unwrap();
        zip.write_all(&std::fs::read(p).unwrap()).unwrap();
    }
    let bytes = zip.finish().unwrap().into_inner();
    let found = server.post(
        "/upload?name=team-csv.zip&date=29/11/2026",
        "application/zip",
        &bytes,
    );
    assert_eq!(found.status, 200, "{}", found.text());
    assert!(
        found.text().contains("Kevin De Smet (M007)"),
        "{}",
        found.text()
    );
}

#[test]
fn a_zip_of_the_workbook_and_its_logo_is_checked_with_the_logo() {
    let tmp = temp_dir("serve-logo");
    let server = serve(&tmp, &[]);
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for (name, path) in [
        ("team/team.xlsx", SAMPLE),
        ("team/logo.png", "samples/logo.png"),
    ] {
        zip.start_file(name, options).unwrap();
        zip.write_all(&std::fs::read(path).unwrap()).unwrap();
    }
    let bytes = zip.finish().unwrap().into_inner();
    let found = server.post(
        "/upload?name=team.zip&date=29/11/2026",
        "application/zip",
        &bytes,
    );
    let text = found.text();
    assert_eq!(found.status, 200, "{text}");
    assert!(text.contains("geen fouten of waarschuwingen"), "{text}");
    assert!(!text.contains("logo"), "{text}");
}

/// A stand-in for the system's viewer (`POPDRUK_OPEN`) that writes what it was asked to
/// open into `record`.
#[cfg(unix)]
fn recorder(dir: &Path, record: &Path) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let script = dir.join("open.sh");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nprintf '%s\\n' \"$1\" >> '{}'\n",
            record.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    script
}

#[cfg(unix)]
#[test]
fn the_browser_opens_at_the_address_and_open_the_folder_opens_the_build() {
    let tmp = temp_dir("serve-open");
    let tools = temp_dir("serve-open-tools");
    let record = tools.join("opened.txt");
    let script = recorder(&tools, &record);
    let mut child = Command::new(env!("CARGO_BIN_EXE_popdruk"))
        .args(["serve", "--date", "29/11/2026"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("TMPDIR", &tmp)
        .env("POPDRUK_OPEN", &script)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let address = line.trim().to_string();
    let (port, token) = address
        .strip_prefix("http://127.0.0.1:")
        .and_then(|r| r.split_once("/?t="))
        .unwrap();
    let server = Server {
        port: port.parse().unwrap(),
        token: token.to_string(),
        child,
    };
    let start = Instant::now();
    while !std::fs::read_to_string(&record).is_ok_and(|t| t.contains(&address)) {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the browser was not opened"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    // Nothing made yet: nothing to open.
    assert_eq!(server.post("/open-folder", "text/plain", b"").status, 404);
    let bytes = std::fs::read(SAMPLE).unwrap();
    server.post("/upload?name=team.xlsx", "application/octet-stream", &bytes);
    server.post(
        "/build",
        "application/x-www-form-urlencoded",
        b"kind=voorbereiding&who=some&employee=M003&date=29%2F11%2F2026",
    );
    let done = server.wait_for_build("nl");
    assert!(
        done.contains("klaar: 1 document voor 1 medewerker"),
        "{done}"
    );
    assert_eq!(server.post("/open-folder", "text/plain", b"").status, 204);
    let start = Instant::now();
    loop {
        let opened = std::fs::read_to_string(&record).unwrap_or_default();
        if let Some(folder) = opened.lines().nth(1) {
            assert!(Path::new(folder).starts_with(&tmp), "{folder}");
            assert!(Path::new(folder).join("bundel-voorbereiding.pdf").is_file());
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the folder was not opened"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn the_workbook_given_on_the_command_line_is_shown_and_watched() {
    let tmp = temp_dir("serve-given");
    let book = tmp.join("team.xlsx");
    std::fs::copy(SAMPLE, &book).unwrap();
    let server = serve(&tmp, &[book.to_str().unwrap()]);
    let html = server.get("/").text();
    assert!(html.contains("data-given=\"1\""), "{html}");
    assert!(
        html.contains("Kevin De Smet (M007)"),
        "checked at once: {html}"
    );
    let before = server.get("/stamp").text();
    assert!(!before.is_empty());
    let file = std::fs::File::options().write(true).open(&book).unwrap();
    file.set_modified(std::time::SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000))
        .unwrap();
    drop(file);
    assert_ne!(
        server.get("/stamp").text(),
        before,
        "a save changes the stamp"
    );
    assert!(server.get("/check").text().contains("Kevin De Smet (M007)"));
}

#[test]
fn who_is_due_builds_only_them_as_the_command_line_does() {
    let tmp = temp_dir("serve-due");
    let server = serve(&tmp, &[]);
    let bytes = std::fs::read(SAMPLE).unwrap();
    server.post(
        "/upload?name=team.xlsx&date=29/11/2026",
        "application/octet-stream",
        &bytes,
    );
    let started = server.post(
        "/build",
        "application/x-www-form-urlencoded",
        b"kind=pop&who=due&days=60&lang=en&date=29%2F11%2F2026",
    );
    assert_eq!(started.status, 200, "{}", started.text());
    let done = server.wait_for_build("en");
    // The same closing line as `popdruk build --due 60d --only pop --lang en`.
    let cli = common::popdruk(&[
        "build",
        SAMPLE,
        "--due",
        "60d",
        "--only",
        "pop",
        "--lang",
        "en",
        "--date",
        "29/11/2026",
        "-o",
        tmp.join("cli").to_str().unwrap(),
    ]);
    let said = common::text_of(&cli.stderr);
    let due = said
        .lines()
        .last()
        .and_then(|l| l.split_once("; due by "))
        .map(|(_, rest)| rest.to_string())
        .expect("a due part");
    assert!(done.contains(&format!("; due by {due}")), "{done}\n{said}");
    // Nothing chosen: refused in words.
    let none = server.post(
        "/build",
        "application/x-www-form-urlencoded",
        b"who=all&lang=nl",
    );
    assert_eq!(none.status, 422);
    assert!(none.text().contains("kies minstens één soort document"));
}

#[test]
fn a_date_that_is_not_one_is_refused_in_words_and_a_missing_workbook_at_once() {
    let tmp = temp_dir("serve-date");
    let server = serve(&tmp, &[]);
    let bytes = std::fs::read(SAMPLE).unwrap();
    let upload = server.post(
        "/upload?name=team.xlsx&date=31/02/2026",
        "application/octet-stream",
        &bytes,
    );
    assert_eq!(upload.status, 422);
    assert!(
        upload
            .text()
            .contains("datum: `31/02/2026` bestaat niet: februari 2026 heeft 28 dagen"),
        "{}",
        upload.text()
    );
    server.post("/upload?name=team.xlsx", "application/octet-stream", &bytes);
    let build = server.post(
        "/build",
        "application/x-www-form-urlencoded",
        b"kind=pop&who=all&lang=en&date=31%2F02%2F2026",
    );
    assert_eq!(build.status, 422);
    assert!(
        build
            .text()
            .contains("date: `31/02/2026` does not exist: February 2026 has 28 days"),
        "{}",
        build.text()
    );

    let missing = common::popdruk(&["serve", "--no-open", "bestaat-niet.xlsx"]);
    assert_eq!(missing.status.code(), Some(2));
    let said = common::text_of(&missing.stderr);
    assert!(
        said.starts_with("fout: ") && said.contains("bestaat-niet.xlsx"),
        "{said}"
    );
}

#[test]
fn a_csv_folder_given_on_the_command_line_is_seen_to_change_when_a_file_in_it_does() {
    let tmp = temp_dir("serve-csv-given");
    let folder = tmp.join("team-csv");
    std::fs::create_dir_all(&folder).unwrap();
    for e in std::fs::read_dir("samples/team-csv").unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, folder.join(p.file_name().unwrap())).unwrap();
    }
    let server = serve(&tmp, &[folder.to_str().unwrap()]);
    let before = server.get("/stamp").text();
    let file = folder.join("medewerkers.csv");
    let mut text = std::fs::read(&file).unwrap();
    text.extend_from_slice(b"\n");
    std::fs::write(&file, text).unwrap();
    assert_ne!(server.get("/stamp").text(), before);
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_the_server_and_removes_its_temporary_folder() {
    let tmp = temp_dir("serve-stop");
    let mut server = serve(&tmp, &[]);
    let bytes = std::fs::read(SAMPLE).unwrap();
    server.post("/upload?name=team.xlsx", "application/octet-stream", &bytes);
    let folders: Vec<PathBuf> = std::fs::read_dir(&tmp)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(folders.len(), 1, "{folders:?}");
    assert!(!common::files_under(&folders[0]).is_empty());
    let status = Command::new("kill")
        .args(["-INT", &server.child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let code = server.child.wait().unwrap().code();
    assert_eq!(code, Some(0));
    let mut stderr = String::new();
    server
        .child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert!(
        stderr.contains("popdruk is gestopt: de tijdelijke map is verwijderd"),
        "{stderr}"
    );
    assert!(!folders[0].exists(), "the temporary folder is gone");
}

#[cfg(unix)]
#[test]
fn no_arguments_and_no_terminal_start_the_page_as_a_double_click_does() {
    let tmp = temp_dir("serve-double-click");
    let tools = temp_dir("serve-double-click-tools");
    let record = tools.join("opened.txt");
    let script = recorder(&tools, &record);
    let mut child = Command::new(env!("CARGO_BIN_EXE_popdruk"))
        .env("TMPDIR", &tmp)
        .env("POPDRUK_OPEN", &script)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let address = line.trim().to_string();
    let (port, token) = address
        .strip_prefix("http://127.0.0.1:")
        .and_then(|r| r.split_once("/?t="))
        .unwrap_or_else(|| panic!("an address: {address}"));
    let server = Server {
        port: port.parse().unwrap(),
        token: token.to_string(),
        child,
    };
    assert!(server.get("/").text().contains("vijf stappen"));
    let start = Instant::now();
    while !std::fs::read_to_string(&record).is_ok_and(|t| t.contains(&address)) {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the browser was not opened"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}
