//! Nothing half-written, nothing leaked: an interrupted build leaves each file whole and no
//! temporary file; the workbook is never touched and the documents go beside it, not into
//! its folder; no crate that reaches out over a network is built in; no PDF holds a path of the
//! machine it was made on.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{popdruk, temp_dir, text_of};
use popdruk_testkit as synth;

/// Every file under `dir`, recursively.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in entries {
        let p = e.expect("entry").path();
        if p.is_dir() {
            out.extend(files(&p));
        } else {
            out.push(p);
        }
    }
    out.sort();
    out
}

fn is_temporary(p: &Path) -> bool {
    let name = p.file_name().unwrap_or_default().to_string_lossy();
    name.starts_with('.') || name.ends_with(".tmp")
}

#[cfg(unix)]
#[test]
fn an_interrupted_build_leaves_whole_files_and_no_temporary_ones() {
    let dir = temp_dir("interrupt");
    let team = synth::organisation(300, 6, 9);
    let workbook = dir.join("groot-csv");
    synth::write_csv_dir(&workbook, &team, b';', synth::CsvEncoding::Utf8Bom, true).expect("csv");
    let out = dir.join("afdruk");
    // The output of an earlier run: a bundle that the new run has not yet replaced when
    // it is stopped, so it must still be the old, whole file.
    std::fs::create_dir_all(&out).unwrap();
    let old = std::fs::read("samples/logo.png").unwrap();
    std::fs::write(out.join("bundel-voorbereiding.pdf"), &old).unwrap();

    let child = Command::new(env!("CARGO_BIN_EXE_popdruk"))
        .args([
            "build",
            workbook.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ])
        // The preparation form is the quickest to make: the first files come sooner.
        .args(["--date", "2026-11-29", "--only", "voorbereiding"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("popdruk starts");
    // Stop it while it writes: once the first employees' files are there.
    let start = Instant::now();
    while files(&out).iter().filter(|p| !is_temporary(p)).count() < 6 {
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "no output appeared"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let status = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(status.success());
    let result = child.wait_with_output().expect("popdruk ends");
    assert_eq!(
        result.status.code(),
        Some(130),
        "{}",
        text_of(&result.stderr)
    );
    assert!(text_of(&result.stderr).contains("onderbroken"));

    let left = files(&out);
    let temporary: Vec<&PathBuf> = left.iter().filter(|p| is_temporary(p)).collect();
    assert!(temporary.is_empty(), "left behind: {temporary:?}");
    assert_eq!(
        std::fs::read(out.join("bundel-voorbereiding.pdf")).unwrap(),
        old,
        "the earlier output was touched"
    );
    for pdf in left
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
    {
        if pdf.ends_with("bundel-voorbereiding.pdf") {
            continue;
        }
        let bytes = std::fs::read(pdf).unwrap();
        assert!(
            lopdf::Document::load_mem(&bytes).is_ok(),
            "{} is not a whole PDF",
            pdf.display()
        );
    }
}

#[test]
fn a_build_never_changes_the_workbook_and_writes_beside_its_folder() {
    let dir = temp_dir("untouched");
    let csv = dir.join("team-csv");
    synth::write_csv_dir(
        &csv,
        &synth::sample_team(),
        b';',
        synth::CsvEncoding::Utf8Bom,
        true,
    )
    .expect("csv");
    let xlsx = dir.join("team.xlsx");
    std::fs::copy("samples/team.xlsx", &xlsx).unwrap();
    let snapshot = |p: &Path| -> Vec<(PathBuf, Vec<u8>, std::time::SystemTime)> {
        let all = if p.is_dir() {
            files(p)
        } else {
            vec![p.to_path_buf()]
        };
        all.into_iter()
            .map(|f| {
                let m = std::fs::metadata(&f).unwrap().modified().unwrap();
                (f.clone(), std::fs::read(&f).unwrap(), m)
            })
            .collect()
    };
    for (input, expected_out) in [(&csv, dir.join("team-csv-pdf")), (&xlsx, dir.join("team"))] {
        let before = snapshot(input);
        let out = popdruk(&[
            "build",
            input.to_str().unwrap(),
            "--only",
            "pop",
            "--employee",
            "M003",
            "--date",
            "2026-11-29",
        ]);
        assert_eq!(out.status.code(), Some(0), "{}", text_of(&out.stderr));
        assert_eq!(snapshot(input), before, "{} changed", input.display());
        assert!(
            expected_out
                .join("M003-Yılmaz-Ayşe/pop-M003-Yılmaz-Ayşe.pdf")
                .is_file(),
            "{}",
            text_of(&out.stderr)
        );
    }
    // Nothing was written into the CSV folder itself.
    assert!(
        files(&csv)
            .iter()
            .all(|f| f.extension().is_some_and(|e| e == "csv"))
    );
}

/// Crates that reach out over a network (HTTP clients, TLS stacks, resolvers, socket
/// libraries other than tokio's); popdruk promises no network access, so none may be in its
/// lock file, which lists every crate any build of it, on any platform, could use.
///
/// The local page (`popdruk serve`) needs a server: hyper (HTTP/1 only, through axum), tokio
/// with its `net` feature and the socket layers under it (`mio`, `socket2`). It listens on
/// 127.0.0.1 only, refuses other hosts and origins (tests/it/serve.rs), and connects nowhere;
/// so those three are allowed, and TLS and HTTP/2 stay out.
const NETWORK_CRATES: &[&str] = &[
    "reqwest",
    "ureq",
    "curl",
    "curl-sys",
    "isahc",
    "surf",
    "attohttpc",
    "h2",
    "h3",
    "quinn",
    "rustls",
    "hyper-rustls",
    "hyper-tls",
    "native-tls",
    "openssl",
    "openssl-sys",
    "async-std",
    "websocket",
    "tungstenite",
    "trust-dns-resolver",
    "hickory-resolver",
];

#[test]
fn no_crate_that_speaks_to_a_network_is_in_the_lock_file() {
    let lock = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.lock"))
        .expect("Cargo.lock");
    let names: Vec<&str> = lock
        .lines()
        .filter_map(|l| l.strip_prefix("name = \""))
        .filter_map(|l| l.strip_suffix('"'))
        .collect();
    assert!(names.contains(&"calamine"), "the lock file lists crates");
    let found: Vec<&&str> = names
        .iter()
        .filter(|n| NETWORK_CRATES.contains(n))
        .collect();
    assert!(found.is_empty(), "network crates in Cargo.lock: {found:?}");
}

#[test]
fn no_pdf_holds_a_path_of_the_machine() {
    let dir = temp_dir("paths");
    std::fs::copy("samples/team.xlsx", dir.join("team.xlsx")).unwrap();
    std::fs::copy("samples/logo.png", dir.join("logo.png")).unwrap();
    let out = dir.join("afdruk");
    let o = popdruk(&[
        "build",
        dir.join("team.xlsx").to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--employee",
        "M003",
        "--date",
        "2026-11-29",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text_of(&o.stderr));
    let mut needles: Vec<String> = vec![
        dir.display().to_string(),
        std::env::temp_dir().display().to_string(),
        env!("CARGO_MANIFEST_DIR").to_string(),
    ];
    if let Some(home) = std::env::var_os("HOME") {
        needles.push(home.to_string_lossy().into_owned());
    }
    needles.retain(|n| n.len() > 1);
    let pdfs: Vec<PathBuf> = files(&out)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    assert!(pdfs.len() >= 7, "{pdfs:?}");
    for pdf in pdfs {
        let raw = std::fs::read(&pdf).unwrap();
        let mut doc = lopdf::Document::load_mem(&raw).unwrap();
        doc.decompress();
        let mut plain = Vec::new();
        doc.save_to(&mut plain).unwrap();
        for bytes in [&raw, &plain] {
            for n in &needles {
                assert!(
                    !bytes.windows(n.len()).any(|w| w == n.as_bytes()),
                    "{} holds `{n}`",
                    pdf.display()
                );
            }
        }
    }
}
