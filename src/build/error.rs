//! Why a document could not be made, and the message that says so, quoting the template
//! line to fix when a template made markup the layout engine cannot read.

use std::fmt;

use crate::i18n::Tr;
use crate::markup::MarkupError;
use crate::pdf;
use crate::template::{TemplateError, Templates};

/// Why a document could not be made.
#[derive(Debug)]
pub enum BuildError {
    /// A template failed.
    Template(TemplateError),
    /// A finished file could not be written.
    Write {
        /// The file, relative to the output folder.
        path: String,
        /// Why.
        error: std::io::Error,
    },
    /// An image (the logo) could not be read.
    Image(pdf::ImageError),
    /// A template produced markup the layout engine cannot read.
    Markup(Box<MarkupFailure>),
}

impl BuildError {
    /// A markup error in what `template` made for `employee` from `text`, with the
    /// template lines that wrote the element it is about.
    pub(super) fn markup(
        templates: &Templates,
        template: &str,
        employee: &str,
        text: Option<&str>,
        error: MarkupError,
    ) -> BuildError {
        let lines = match &error.element {
            Some((tag, attribute)) => templates.locate(template, tag, attribute.as_deref()),
            None => Vec::new(),
        };
        let made = text
            .and_then(|t| t.lines().nth((error.line as usize).saturating_sub(1)))
            .map(|line| {
                // The part of the line around the column, at most 120 characters.
                let chars: Vec<char> = line.chars().collect();
                let at = (error.column as usize).saturating_sub(1).min(chars.len());
                let from = at.saturating_sub(40);
                let to = (from + 120).min(chars.len());
                let mut s: String = chars[from..to].iter().collect::<String>().trim().into();
                if from > 0 {
                    s.insert(0, '…');
                }
                if to < chars.len() {
                    s.push('…');
                }
                s
            })
            .unwrap_or_default();
        BuildError::Markup(Box::new(MarkupFailure {
            template: template.to_string(),
            employee: employee.to_string(),
            error,
            lines,
            made,
        }))
    }

    /// What went wrong, in Dutch and English (a markup error quotes the template line that
    /// wrote the element, or else the made markup).
    pub fn message(&self) -> Tr {
        match self {
            BuildError::Markup(failure) => {
                let MarkupFailure {
                    template,
                    employee,
                    error,
                    lines,
                    made,
                } = failure.as_ref();
                let head = Tr::new(
                    format!(
                        "sjabloon `{template}` maakte opmaak die niet te lezen is voor `{employee}`: {}",
                        error.message.nl
                    ),
                    format!(
                        "{template} made markup that cannot be read for `{employee}`: {}",
                        error.message.en
                    ),
                );
                let (nl, en) = match lines.as_slice() {
                    [(file, line, text), rest @ ..] => {
                        let others: Vec<String> = rest
                            .iter()
                            .take(5)
                            .map(|(f, l, _)| {
                                if f == file {
                                    l.to_string()
                                } else {
                                    format!("{f}:{l}")
                                }
                            })
                            .collect();
                        let also = |word: &str| {
                            if others.is_empty() {
                                String::new()
                            } else {
                                format!(" ({word} {})", others.join(", "))
                            }
                        };
                        (
                            format!("\n  --> {file}, regel {line}: {text}{}", also("of regel")),
                            format!("\n  --> {file}, line {line}: {text}{}", also("or line")),
                        )
                    }
                    [] if !made.is_empty() => {
                        let (l, c) = (error.line, error.column);
                        (
                            format!("\n  --> in de gemaakte opmaak, regel {l}, kolom {c}: {made}"),
                            format!("\n  --> in the made markup, line {l}, column {c}: {made}"),
                        )
                    }
                    [] => Default::default(),
                };
                Tr::new(head.nl + &nl, head.en + &en)
            }
            other => {
                let text = other.to_string();
                Tr::new(text.clone(), text)
            }
        }
    }
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildError::Template(e) => write!(f, "{e}"),
            BuildError::Image(e) => write!(f, "{e}"),
            BuildError::Write { path, error } => write!(f, "cannot write `{path}`: {error}"),
            e @ BuildError::Markup(_) => write!(f, "{}", e.message().en),
        }
    }
}

impl std::error::Error for BuildError {}

/// Markup a template made that cannot be read, and where to look for the cause.
#[derive(Debug)]
pub struct MarkupFailure {
    /// The template.
    pub template: String,
    /// The employee the markup was made for.
    pub employee: String,
    /// The markup error.
    pub error: MarkupError,
    /// The template lines that write the element the error is about (template, line,
    /// text), the place the user can fix.
    pub lines: Vec<(String, usize, String)>,
    /// The line of made markup the error is on, shortened, for when no template line
    /// can be named.
    pub made: String,
}
