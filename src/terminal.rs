//! How messages look on the user's terminal: colour only on a terminal and never with
//! `NO_COLOR`, a progress bar only on a terminal, and how much is said (`-q`, `-v`).
//!
//! Decided once per run from the environment, at the edge; everything else prints plain
//! text through [`Console`].

use std::io::{IsTerminal, Write};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::i18n::Lang;

/// How much popdruk says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Verbosity {
    /// Errors and warnings only (`-q`).
    Quiet,
    /// Errors, warnings, the tally and the closing line, and a progress bar on a terminal.
    #[default]
    Normal,
    /// Also every file written (`-v`).
    Verbose,
}

/// The terminal popdruk writes its messages to (stderr).
#[derive(Debug, Clone, Copy)]
pub struct Console {
    /// Whether to colour the words `fout`, `waarschuwing` and the closing line.
    pub color: bool,
    /// Whether stderr is a terminal (a progress bar makes sense).
    pub terminal: bool,
    /// How much to say.
    pub verbosity: Verbosity,
}

const RED: &str = "\x1b[1;31m";
const YELLOW: &str = "\x1b[1;33m";
const GREEN: &str = "\x1b[32m";
const RESET: &str = "\x1b[0m";

/// Whether colour is wanted: stderr is a terminal that is not `dumb`, and `NO_COLOR` is
/// unset or empty (<https://no-color.org>).
pub fn wants_color(terminal: bool, no_color: Option<&str>, term: Option<&str>) -> bool {
    terminal && no_color.is_none_or(str::is_empty) && term != Some("dumb")
}

impl Console {
    /// Looks at stderr and the environment.
    pub fn detect(verbosity: Verbosity) -> Console {
        let terminal = std::io::stderr().is_terminal();
        let no_color = std::env::var("NO_COLOR").ok();
        let term = std::env::var("TERM").ok();
        Console {
            color: wants_color(terminal, no_color.as_deref(), term.as_deref()),
            terminal,
            verbosity,
        }
    }

    /// Colours the leading `fout:`/`error:` or `waarschuwing:`/`warning:` of each line.
    pub fn paint(&self, text: &str) -> String {
        if !self.color {
            return text.to_string();
        }
        let mut out = String::with_capacity(text.len() + 16);
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                out.push('\n');
            }
            let colour = ["fout:", "error:"]
                .iter()
                .find(|w| line.starts_with(*w))
                .map(|w| (RED, w.len()))
                .or_else(|| {
                    ["waarschuwing:", "warning:"]
                        .iter()
                        .find(|w| line.starts_with(*w))
                        .map(|w| (YELLOW, w.len()))
                });
            match colour {
                Some((c, n)) => {
                    out.push_str(c);
                    out.push_str(&line[..n]);
                    out.push_str(RESET);
                    out.push_str(&line[n..]);
                }
                None => out.push_str(line),
            }
        }
        out
    }

    /// Prints a line on stderr, coloured where it starts with `fout:` or `waarschuwing:`.
    pub fn line(&self, text: &str) {
        let _ = writeln!(std::io::stderr().lock(), "{}", self.paint(text));
    }

    /// Prints a line unless quiet.
    pub fn say(&self, text: &str) {
        if self.verbosity != Verbosity::Quiet {
            self.line(text);
        }
    }

    /// Prints the closing line of a run that went well (green on a terminal), unless quiet.
    pub fn done(&self, text: &str) {
        if self.verbosity == Verbosity::Quiet {
            return;
        }
        let _ = if self.color {
            writeln!(std::io::stderr().lock(), "{GREEN}{text}{RESET}")
        } else {
            writeln!(std::io::stderr().lock(), "{text}")
        };
    }

    /// A progress bar over `total` files on a terminal; hidden otherwise, when quiet, and
    /// for a handful of files.
    pub fn progress(&self, total: usize, lang: Lang) -> Progress {
        let bar = if self.terminal && self.verbosity != Verbosity::Quiet && total > 8 {
            let bar = ProgressBar::with_draw_target(
                Some(total as u64),
                ProgressDrawTarget::stderr_with_hz(8),
            );
            let files = match lang {
                Lang::Nl => "bestanden",
                Lang::En => "files",
            };
            if let Ok(style) = ProgressStyle::with_template(&format!(
                "{{bar:30}} {{pos}}/{{len}} {files}  {{wide_msg}}"
            )) {
                bar.set_style(style.progress_chars("█▌ "));
            }
            bar.enable_steady_tick(std::time::Duration::from_millis(250));
            Some(bar)
        } else {
            None
        };
        Progress {
            bar,
            verbose: self.verbosity == Verbosity::Verbose,
        }
    }
}

/// Progress through the files of a build (a handle: clones show on the same bar).
#[derive(Clone)]
pub struct Progress {
    bar: Option<ProgressBar>,
    verbose: bool,
}

impl Progress {
    /// One file written; with `-v`, its path is printed.
    pub fn wrote(&self, path: &std::path::Path) {
        if self.verbose {
            let line = path.display().to_string();
            match &self.bar {
                Some(bar) => bar.println(line),
                None => {
                    let _ = writeln!(std::io::stderr().lock(), "{line}");
                }
            }
        }
        if let Some(bar) = &self.bar {
            bar.set_message(
                path.file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
            );
            bar.inc(1);
        }
    }

    /// Removes the bar, so the messages after it stand on clean lines.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_only_on_a_terminal_without_no_color() {
        assert!(wants_color(true, None, Some("xterm-256color")));
        assert!(wants_color(true, Some(""), None));
        assert!(!wants_color(true, Some("1"), None));
        assert!(!wants_color(false, None, None));
        assert!(!wants_color(true, None, Some("dumb")));
    }

    #[test]
    fn only_the_leading_word_of_errors_and_warnings_is_coloured() {
        let c = Console {
            color: true,
            terminal: true,
            verbosity: Verbosity::Normal,
        };
        let s = c.paint("fout: ID `M003` komt twee keer voor\n  --> team.xlsx\nwaarschuwing: x");
        assert_eq!(
            s,
            "\x1b[1;31mfout:\x1b[0m ID `M003` komt twee keer voor\n  --> team.xlsx\n\x1b[1;33mwaarschuwing:\x1b[0m x"
        );
        let plain = Console { color: false, ..c };
        assert_eq!(plain.paint("fout: x"), "fout: x");
    }
}
