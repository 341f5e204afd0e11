//! Every message popdruk prints exists in Dutch and in English, and each language's text is
//! in that language.
//!
//! Two ways in: the source (every `Tr::new(nl, en)` in `src/` whose two texts are written
//! there, so a notice that no fixture triggers is still read), and a run (`check` over the
//! sample and the broken samples in both languages, every rule's finding among them).

use std::path::{Path, PathBuf};

use crate::common;
use common::popdruk;

/// Words that mark an English sentence and are no Dutch words.
const ENGLISH: &[&str] = &[
    "the", "and", "not", "with", "which", "must", "cannot", "should", "does", "from", "this",
    "has", "have", "there", "into", "only", "than", "when", "where", "will", "would", "your",
    "please", "missing", "found", "file", "sheet", "row", "column",
];

/// Words that mark a Dutch sentence and are no English words.
const DUTCH: &[&str] = &[
    "de",
    "het",
    "een",
    "niet",
    "geen",
    "wordt",
    "zijn",
    "voor",
    "naar",
    "moet",
    "kan",
    "bij",
    "blad",
    "rij",
    "kolom",
    "bestand",
    "werkmap",
    "ontbreekt",
    "medewerker",
    "leidinggevende",
    "gesprek",
    "datum",
    "ook",
    "nog",
    "heeft",
    "staat",
];

/// The words of a message, lower case, without what it quotes: `backticked` values, format
/// placeholders `{…}` and `«…»` quotes are the user's data or names, not the message's language.
fn words(text: &str) -> Vec<String> {
    lower_words(text, false)
}

/// The words of a message as [`words`] reads them; with `names`, words with a capital are
/// left out too (in a run's output the people, teams and tasks are not quoted).
fn lower_words(text: &str, names: bool) -> Vec<String> {
    let mut plain = String::new();
    let mut skip: Option<char> = None;
    for c in text.chars() {
        match (skip, c) {
            (None, '`') => skip = Some('`'),
            (None, '{') => skip = Some('}'),
            (None, '«') => skip = Some('»'),
            (Some(end), c) if c == end => skip = None,
            (Some(_), _) => {}
            (None, c) => plain.push(c),
        }
    }
    // Options (`--from`), paths and file names (`fte-not-numeric.xlsx`) are names too.
    let name = |t: &&str| {
        t.starts_with('-')
            || t.contains('/')
            || t.char_indices()
                .any(|(i, c)| c == '.' && t[i + 1..].starts_with(|n: char| n.is_alphanumeric()))
    };
    plain
        .split_whitespace()
        .filter(|t| !name(t))
        .flat_map(|t| t.split(|c: char| !c.is_alphabetic()))
        .filter(|w| !w.is_empty())
        .filter(|w| !names || !w.starts_with(char::is_uppercase))
        .map(str::to_lowercase)
        .collect()
}

/// What is wrong with a message pair, if anything.
fn fault(nl: &str, en: &str) -> Option<String> {
    let (wn, we) = (words(nl), words(en));
    if wn.is_empty() && we.is_empty() {
        return None;
    }
    if wn.is_empty() != we.is_empty() {
        return Some("one language has words, the other none".into());
    }
    if nl == en && wn.len() > 1 {
        return Some("the same text in both languages".into());
    }
    if let Some(w) = wn.iter().find(|w| ENGLISH.contains(&w.as_str())) {
        return Some(format!("English word `{w}` in the Dutch text"));
    }
    if let Some(w) = we.iter().find(|w| DUTCH.contains(&w.as_str())) {
        return Some(format!("Dutch word `{w}` in the English text"));
    }
    None
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Reads a string literal (plain or raw) starting at `s[0]`; returns its text and length.
fn literal(s: &[char]) -> Option<(String, usize)> {
    let mut i = 0;
    let raw = s.first() == Some(&'r');
    if raw {
        i += 1;
        let mut hashes = 0;
        while s.get(i) == Some(&'#') {
            hashes += 1;
            i += 1;
        }
        if s.get(i) != Some(&'"') {
            return None;
        }
        i += 1;
        let start = i;
        loop {
            if i >= s.len() {
                return None;
            }
            if s[i] == '"' && (0..hashes).all(|k| s.get(i + 1 + k) == Some(&'#')) {
                return Some((s[start..i].iter().collect(), i + 1 + hashes));
            }
            i += 1;
        }
    }
    if s.first() != Some(&'"') {
        return None;
    }
    i += 1;
    let mut text = String::new();
    while i < s.len() {
        match s[i] {
            '\\' => {
                // A line continuation swallows the newline and the indentation after it.
                if s.get(i + 1) == Some(&'\n') {
                    i += 2;
                    while s.get(i).is_some_and(|c| c.is_whitespace()) {
                        i += 1;
                    }
                    continue;
                }
                text.push(' ');
                i += 2;
            }
            '"' => return Some((text, i + 1)),
            c => {
                text.push(c);
                i += 1;
            }
        }
    }
    None
}

/// The arguments of the call whose `(` is at `s[0]`: for each, the text of its string
/// literals (a `format!`'s format string), and where the call ends.
fn arguments(s: &[char]) -> (Vec<String>, usize) {
    let mut args = vec![String::new()];
    let mut depth = 0;
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        let quote = c == '"'
            || (c == 'r'
                && matches!(s.get(i + 1), Some('"' | '#'))
                && !s[i.saturating_sub(1)].is_alphanumeric());
        if quote && let Some((text, len)) = literal(&s[i..]) {
            if depth >= 1 {
                args.last_mut().unwrap().push_str(&text);
            }
            i += len;
            continue;
        }
        if c == '\'' {
            // A char literal such as '(' or '"' must not count as a bracket or a quote.
            if s.get(i + 2) == Some(&'\'') {
                i += 3;
                continue;
            }
            if s.get(i + 1) == Some(&'\\') && s.get(i + 3) == Some(&'\'') {
                i += 4;
                continue;
            }
        }
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => {
                depth -= 1;
                if depth == 0 {
                    return (args, i + 1);
                }
            }
            ',' if depth == 1 => {
                // A trailing comma starts no argument.
                let rest = s[i + 1..].iter().find(|c| !c.is_whitespace());
                if rest != Some(&')') {
                    args.push(String::new());
                }
            }
            _ => {}
        }
        i += 1;
    }
    (args, i)
}

/// The calls that take a Dutch and an English text, in that order.
const CALLS: &[&str] = &["Tr::new(", "label(", "word("];

/// Every `Tr::new(nl, en)` (and the like, [`CALLS`]) in the product's source whose texts
/// are written there, and every `Lang::Nl => "…", Lang::En => "…"` match.
fn pairs() -> Vec<(String, String, String)> {
    let mut files = Vec::new();
    rust_files(Path::new("src"), &mut files);
    files.sort();
    let mut out = Vec::new();
    for file in files {
        let source = std::fs::read_to_string(&file).unwrap();
        // Unit tests build messages of their own.
        let source = source.split("#[cfg(test)]").next().unwrap_or_default();
        let chars: Vec<char> = source.chars().collect();
        let line = |i: usize| chars[..i].iter().filter(|c| **c == '\n').count() + 1;
        for call in CALLS {
            let needle: Vec<char> = call.chars().collect();
            let mut i = 0;
            while i + needle.len() <= chars.len() {
                let starts_name =
                    i == 0 || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '_');
                if starts_name && chars[i..i + needle.len()] == needle[..] {
                    let (args, len) = arguments(&chars[i + needle.len() - 1..]);
                    if args.len() == 2 && !args[0].is_empty() && !args[1].is_empty() {
                        out.push((
                            format!("{}:{}", file.display(), line(i)),
                            args[0].clone(),
                            args[1].clone(),
                        ));
                    }
                    i += needle.len() + len;
                } else {
                    i += 1;
                }
            }
        }
        let arms: Vec<&str> = source.split("Lang::Nl => ").skip(1).collect();
        for arm in arms {
            let chars: Vec<char> = arm.chars().collect();
            let Some((nl, len)) = literal(&chars) else {
                continue;
            };
            let rest: String = chars[len..].iter().collect();
            let rest = rest.trim_start_matches([',', ' ', '\n']);
            let Some(rest) = rest.strip_prefix("Lang::En => ") else {
                continue;
            };
            let chars: Vec<char> = rest.chars().collect();
            if let Some((en, _)) = literal(&chars) {
                out.push((format!("{}: Lang::Nl => {nl:?}", file.display()), nl, en));
            }
        }
    }
    out
}

#[test]
fn every_message_in_the_source_is_written_in_both_languages() {
    let pairs = pairs();
    // The scan reads the messages, not nothing: popdruk has hundreds.
    assert!(pairs.len() > 200, "only {} messages found", pairs.len());
    let faults: Vec<String> = pairs
        .iter()
        .filter_map(|(at, nl, en)| {
            fault(nl, en).map(|why| format!("{at}: {why}\n  nl: {nl}\n  en: {en}"))
        })
        .collect();
    assert!(
        faults.is_empty(),
        "{} messages:\n{}",
        faults.len(),
        faults.join("\n")
    );
}

#[test]
fn the_language_check_catches_a_message_left_in_the_other_language() {
    assert!(fault("het bestand ontbreekt", "the file is missing").is_none());
    assert!(fault("the file is missing", "the file is missing").is_some());
    assert!(fault("het bestand ontbreekt", "het bestand ontbreekt").is_some());
    assert!(fault("the file `{x}` is missing", "the file is missing").is_some());
    assert!(fault("kolom `{c}` ontbreekt", "column `{c}` is niet found").is_some());
    assert!(fault("`{a}` en `{b}`", "`{a}` and `{b}`").is_none());
}

/// Lines of `check`'s output in `lang` over `workbook`, with its rule findings.
fn check(workbook: &str, lang: &str) -> String {
    let out = popdruk(&["--lang", lang, "check", workbook, "--date", "2026-11-29"]);
    let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&out.stderr));
    text
}

#[test]
fn check_speaks_one_language_over_the_sample_and_the_broken_samples() {
    let mut workbooks = vec!["samples/team.xlsx".to_string()];
    for entry in std::fs::read_dir("samples/invalid").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "xlsx") {
            workbooks.push(path.display().to_string());
        }
    }
    workbooks.sort();
    let mut faults = Vec::new();
    for workbook in &workbooks {
        let (nl, en) = (check(workbook, "nl"), check(workbook, "en"));
        if workbook == "samples/team.xlsx" {
            // The sample's rule findings are among what is read, in each language's words.
            assert!(
                nl.contains("tekort") && nl.contains("[pop-geldigheid]"),
                "{nl}"
            );
            assert!(
                en.contains("shortfall") && en.contains("[pop-validity]"),
                "{en}"
            );
        }
        for (lang, text, foreign) in [("nl", &nl, ENGLISH), ("en", &en, DUTCH)] {
            for line in text.lines() {
                // The cause a library gave for an unreadable file is quoted as it gave it.
                if line.trim_start().starts_with("oorzaak:")
                    || line.trim_start().starts_with("cause:")
                {
                    continue;
                }
                // Names of people, teams and tasks are Dutch in both runs: only the
                // message's own words count, and quoted values are left out.
                let ws = lower_words(line, true);
                if let Some(w) = ws.iter().find(|w| foreign.contains(&w.as_str())) {
                    faults.push(format!("{workbook} ({lang}): `{w}` in: {line}"));
                }
            }
        }
    }
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}
