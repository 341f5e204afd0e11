//! The page in a real browser: headless Chromium driven over WebDriver does what a person
//! does (open the page, choose the sample as a folder of CSV files and as a workbook, or
//! drop it, read a finding, make the documents, open a PDF,
//! download the ZIP), in Dutch and in English, and at 200 % zoom on a 1366 × 768 screen.
//! Screenshots of each state go to `target/browser/` (the README's are made from them).
//!
//! Needs `chromium`, `chromedriver` and a built popdruk: not part of `cargo test` (this
//! crate, `popdruk-browser`, is outside the workspace's default members, so a plain
//! `cargo test` never builds WebDriver's dependencies); `bash .ci/browser` installs them,
//! builds popdruk and runs it. It fails, never skips, when they cannot start.

#![cfg(test)]

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};

/// The repository's root folder (this crate is `tests/browser/`).
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("the repository root")
}

/// The popdruk binary under test: `POPDRUK_BIN`, which `.ci/browser` sets after building it.
fn popdruk() -> Command {
    let bin = std::env::var_os("POPDRUK_BIN")
        .expect("POPDRUK_BIN names the popdruk binary to test: run `bash .ci/browser`");
    assert!(
        Path::new(&bin).is_file(),
        "POPDRUK_BIN={} is not a file: run `bash .ci/browser`",
        Path::new(&bin).display()
    );
    Command::new(bin)
}

/// A fresh folder under the system temp dir for one test.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("popdruk-browser-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// A child process killed when dropped.
struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind(("127.0.0.1", 0))
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// `chromedriver` on a free port, waiting until it answers.
fn chromedriver() -> (Killed, u16) {
    let program = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
    let port = free_port();
    let child = Command::new(&program)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start `{program}` ({e}): run `bash .ci/browser`"));
    let start = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "chromedriver did not start"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    (Killed(child), port)
}

/// `popdruk serve` with its folder under `tmp` and the further `args`; the address it
/// printed.
fn serve(tmp: &Path, args: &[&std::ffi::OsStr]) -> (Killed, String) {
    let mut child = popdruk()
        .args(["serve", "--no-open", "--date", "29/11/2026"])
        .args(args)
        .env("TMPDIR", tmp)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("popdruk serve starts");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .expect("the address");
    (Killed(child), line.trim().to_string())
}

/// Where the screenshots go.
fn shots() -> PathBuf {
    let dir = root().join("target/browser");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

async fn shot(c: &Client, name: &str) {
    let png = c.screenshot().await.expect("a screenshot");
    assert!(png.starts_with(b"\x89PNG"), "{name} is a PNG");
    std::fs::write(shots().join(format!("{name}.png")), png).unwrap();
}

/// Waits until the element `css` holds `text`.
async fn wait_text(c: &Client, css: &str, text: &str) -> String {
    let start = Instant::now();
    loop {
        if let Ok(e) = c.find(Locator::Css(css)).await
            && let Ok(t) = e.text().await
            && t.contains(text)
        {
            return t;
        }
        assert!(
            start.elapsed() < Duration::from_secs(90),
            "`{css}` never said `{text}`: {:?}",
            c.source().await.unwrap_or_default()
        );
        tokio_sleep(Duration::from_millis(200)).await;
    }
}

/// Scrolls the element with `id` to the top of the window.
async fn scroll_to(c: &Client, id: &str) {
    c.execute(
        "document.getElementById(arguments[0]).scrollIntoView()",
        vec![serde_json::json!(id)],
    )
    .await
    .unwrap();
}

async fn tokio_sleep(d: Duration) {
    // No timer feature needed: a blocking sleep on the blocking pool.
    let _ = tokio::task::spawn_blocking(move || std::thread::sleep(d)).await;
}

/// The words the test looks for, per language.
struct Said {
    lang: &'static str,
    steps: &'static str,
    finding: &'static str,
    /// The cell a finding about one row points to (Jean-Pierre's unsigned POP).
    place: &'static str,
    done: &'static str,
}

async fn walk(said: &Said) {
    let tmp = temp_dir(&format!("browser-{}", said.lang));
    let downloads = tmp.join("downloads");
    std::fs::create_dir_all(&downloads).unwrap();
    let (_driver, driver_port) = chromedriver();
    let (_server, address) = serve(&tmp, &["--lang".as_ref(), said.lang.as_ref()]);

    let c = browser(driver_port, &downloads).await;
    c.set_window_size(1366, 768).await.unwrap();
    let lang = said.lang;

    // Open: the five steps, and links to the starter workbook and the example.
    c.goto(&address).await.unwrap();
    wait_text(&c, "#intro", said.steps).await;
    let starter = c.find(Locator::Id("starter")).await.unwrap();
    assert!(
        starter
            .attr("href")
            .await
            .unwrap()
            .unwrap()
            .starts_with("/starter?t=")
    );
    // Keyboard: the first Tab lands on the skip link, and every control has a label.
    c.active_element()
        .await
        .unwrap()
        .send_keys(fantoccini::key::Key::Tab.to_string().as_str())
        .await
        .unwrap();
    let focused = c
        .execute("return document.activeElement.className", vec![])
        .await
        .unwrap();
    assert_eq!(focused, serde_json::json!("skip"));
    let unlabelled = c
        .execute(
            "return [...document.querySelectorAll('input:not([type=hidden]),select')]\
             .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label'))\
             .map(e => e.outerHTML)",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        unlabelled,
        serde_json::json!([]),
        "controls without a label"
    );
    c.execute("document.activeElement.blur()", vec![])
        .await
        .unwrap();
    shot(&c, &format!("empty-{lang}")).await;

    let samples = root().join("samples");
    if lang == "nl" {
        // A folder of CSV files: the page packs them into one zip.
        c.find(Locator::Id("folder"))
            .await
            .unwrap()
            .send_keys(samples.join("team-csv").to_str().unwrap())
            .await
            .unwrap();
        let check = wait_text(&c, "#check", said.finding).await;
        assert!(check.contains("team-csv"), "{check}");
        // Then the workbook, chosen as a file.
        c.find(Locator::Id("file"))
            .await
            .unwrap()
            .send_keys(samples.join("team.xlsx").to_str().unwrap())
            .await
            .unwrap();
        wait_text(&c, "#check .workbook", "team.xlsx").await;
    } else {
        // Dropped on the page, as a file manager drops it.
        let bytes: Vec<u8> = std::fs::read(samples.join("team.xlsx")).unwrap();
        c.execute(
            "const bytes = new Uint8Array(arguments[0]);\
             const dt = new DataTransfer();\
             dt.items.add(new File([bytes], 'team.xlsx'));\
             document.getElementById('drop').dispatchEvent(\
               new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));",
            vec![serde_json::json!(bytes)],
        )
        .await
        .unwrap();
    }
    // Read a finding.
    let check = wait_text(&c, "#check", said.finding).await;
    assert!(check.contains("Kevin De Smet (M007)"), "{check}");
    assert!(check.contains(said.place), "{check}");
    scroll_to(&c, "check-title").await;
    shot(&c, &format!("findings-{lang}")).await;

    // 200 % zoom on a 1366 × 768 laptop: half the CSS pixels, nothing sideways.
    c.set_window_size(683, 384).await.unwrap();
    let sideways = c
        .execute(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth",
            vec![],
        )
        .await
        .unwrap();
    assert!(
        sideways.as_i64().unwrap_or(1) <= 0,
        "scrolls sideways: {sideways}"
    );
    scroll_to(&c, "check-title").await;
    shot(&c, &format!("zoom-{lang}")).await;
    c.set_window_size(1366, 768).await.unwrap();

    // Make the documents: everyone, the default kinds.
    scroll_to(&c, "build-title").await;
    c.find(Locator::Id("make"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    // The progress bar, while it is there (the sample is quick to make).
    let start = Instant::now();
    while c
        .execute(
            "const p = document.querySelector('#result progress'); return !!p && p.value > 0",
            vec![],
        )
        .await
        .unwrap()
        != serde_json::json!(true)
        && start.elapsed() < Duration::from_secs(5)
    {
        tokio_sleep(Duration::from_millis(20)).await;
    }
    scroll_to(&c, "result").await;
    shot(&c, &format!("building-{lang}")).await;
    let done = wait_text(&c, "#result", said.done).await;
    assert!(done.contains("bundel-pop.pdf"), "{done}");
    scroll_to(&c, "result").await;
    shot(&c, &format!("done-{lang}")).await;

    // Open a PDF, as the browser does with the link.
    let link = c.find(Locator::Css(".files a")).await.unwrap();
    let href = link.attr("href").await.unwrap().unwrap();
    let kind = c
        .execute(
            "return fetch(arguments[0]).then(r => r.status + ' ' + r.headers.get('content-type'))",
            vec![serde_json::json!(href)],
        )
        .await
        .unwrap();
    assert_eq!(kind, serde_json::json!("200 application/pdf"));
    link.click().await.unwrap();
    let start = Instant::now();
    while c.windows().await.unwrap().len() < 2 {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "the PDF did not open"
        );
        tokio_sleep(Duration::from_millis(100)).await;
    }
    let windows = c.windows().await.unwrap();
    c.switch_to_window(windows[1].clone()).await.unwrap();
    let url = c.current_url().await.unwrap();
    assert!(url.path().starts_with("/pdf/"), "{url}");
    c.close_window().await.unwrap();
    c.switch_to_window(windows[0].clone()).await.unwrap();

    // Download the ZIP and look inside.
    c.find(Locator::Id("zip"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let zip_path = downloads.join("popdruk-documenten.zip");
    let start = Instant::now();
    while !zip_path.is_file() {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "no ZIP downloaded: {:?}",
            std::fs::read_dir(&downloads).map(|d| d.count())
        );
        tokio_sleep(Duration::from_millis(200)).await;
    }
    let mut archive =
        zip::ZipArchive::new(std::fs::File::open(&zip_path).unwrap()).expect("a whole ZIP");
    let names: Vec<String> = archive
        .file_names()
        .map(|n| n.expect("a name").into_owned())
        .collect();
    assert!(names.iter().any(|n| n == "dossier.pdf"), "{names:?}");
    for name in &names {
        let mut bytes = Vec::new();
        archive
            .by_name(name)
            .unwrap()
            .read_to_end(&mut bytes)
            .unwrap();
        assert!(
            !lopdf::Document::load_mem(&bytes)
                .expect("the PDF parses")
                .get_pages()
                .is_empty(),
            "{name}"
        );
    }
    c.close().await.unwrap();
}

/// Headless Chromium under chromedriver, downloading into `downloads`.
async fn browser(driver_port: u16, downloads: &Path) -> Client {
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({
            "binary": std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()),
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu",
                     "--disable-dev-shm-usage", "--window-size=1366,768", "--lang=nl-BE"],
            "prefs": {
                "download.default_directory": downloads.to_str().unwrap(),
                "download.prompt_for_download": false
            }
        }),
    );
    ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{driver_port}"))
        .await
        .expect("Chromium starts under chromedriver")
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .build()
        .unwrap()
}

#[test]
fn a_person_checks_builds_opens_and_downloads_in_dutch() {
    runtime().block_on(walk(&Said {
        lang: "nl",
        steps: "Uw eerste POP in vijf stappen",
        finding: "[verbeteracties] 1 verbeteractie in het huidige POP",
        place: "blad Gesprekken, rij 24, kolom Getekend leidinggevende (G)",
        done: "klaar:",
    }));
}

#[test]
fn a_person_checks_builds_opens_and_downloads_in_english() {
    runtime().block_on(walk(&Said {
        lang: "en",
        steps: "Your first POP in five steps",
        finding: "[improvement-actions] 1 improvement action in the current POP",
        place: "sheet Gesprekken, row 24, column Getekend leidinggevende (G)",
        done: "done:",
    }));
}

#[test]
fn the_page_checks_again_when_the_workbook_is_saved() {
    runtime().block_on(async {
        let tmp = temp_dir("browser-watch");
        let folder = tmp.join("team-csv");
        std::fs::create_dir_all(&folder).unwrap();
        let samples = root().join("samples/team-csv");
        for e in std::fs::read_dir(&samples).unwrap() {
            let p = e.unwrap().path();
            std::fs::copy(&p, folder.join(p.file_name().unwrap())).unwrap();
        }
        let (_driver, driver_port) = chromedriver();
        let (_server, address) = serve(&tmp, &[folder.as_os_str()]);
        let c = browser(driver_port, &tmp).await;
        c.goto(&address).await.unwrap();
        wait_text(&c, "#check", "Kevin De Smet (M007)").await;
        // Saved with a mistake: the page says so without a click.
        let file = folder.join("medewerkers.csv");
        let mut text = std::fs::read_to_string(&file).unwrap();
        let m003 = text
            .lines()
            .find(|l| l.starts_with("M003;"))
            .unwrap()
            .to_string();
        text.push_str(&m003);
        text.push('\n');
        std::fs::write(&file, text).unwrap();
        wait_text(&c, "#check", "ID `M003` komt twee keer voor").await;
        c.close().await.unwrap();
    });
}
