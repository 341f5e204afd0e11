//! Templates: the built-in tera templates and label tables, a user's overrides, and
//! rendering a context into document markup.
//!
//! This module alone imports tera. It reads no files itself: the caller passes the
//! override folder's files in, so loading stays testable and side effects stay at the edge.

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;

use crate::context::Labels;
use crate::i18n::Lang;

/// The built-in templates and label tables, by file name, embedded in the binary.
pub const BUILTIN: &[(&str, &str)] = &[
    ("pop.tera", include_str!("../../templates/pop.tera")),
    (
        "afspraken.tera",
        include_str!("../../templates/afspraken.tera"),
    ),
    (
        "voorbereiding.tera",
        include_str!("../../templates/voorbereiding.tera"),
    ),
    (
        "opvolging.tera",
        include_str!("../../templates/opvolging.tera"),
    ),
    (
        "planning.tera",
        include_str!("../../templates/planning.tera"),
    ),
    (
        "overzicht.tera",
        include_str!("../../templates/overzicht.tera"),
    ),
    (
        "teammatrix.tera",
        include_str!("../../templates/teammatrix.tera"),
    ),
    (
        "opleidingsplan.tera",
        include_str!("../../templates/opleidingsplan.tera"),
    ),
    ("dossier.tera", include_str!("../../templates/dossier.tera")),
    (
        "dossier-medewerker.tera",
        include_str!("../../templates/dossier-medewerker.tera"),
    ),
    ("nl.toml", include_str!("../../templates/nl.toml")),
    ("en.toml", include_str!("../../templates/en.toml")),
];

/// A template that could not be loaded or rendered, with its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError {
    /// The template (or label table) file name.
    pub template: String,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// 1-based column, when known.
    pub column: Option<usize>,
    /// What went wrong, as the template engine says it.
    pub message: String,
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.template)?;
        if let (Some(l), Some(c)) = (self.line, self.column) {
            write!(f, ":{l}:{c}")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for TemplateError {}

fn from_tera(template: &str, e: &tera::Error) -> TemplateError {
    use tera::ErrorKind;
    match e.kind() {
        ErrorKind::SyntaxError(r) | ErrorKind::RenderingError(r) => TemplateError {
            template: if r.filename().is_empty() {
                template.to_string()
            } else {
                r.filename().to_string()
            },
            line: Some(r.span().start_line),
            column: Some(r.span().start_col + 1),
            message: r.message().to_string(),
        },
        other => TemplateError {
            template: template.to_string(),
            line: None,
            column: None,
            message: other.to_string(),
        },
    }
}

impl TemplateError {
    /// What went wrong in `lang`: popdruk's own limits are worded in both languages; the
    /// template engine's own messages (syntax, undefined variables) exist only in English.
    pub fn message_in(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.message.clone();
        }
        let m = &self.message;
        if m.starts_with("`range` with `step_by` 0") {
            "`range` met `step_by` 0 eindigt nooit".to_string()
        } else if m.starts_with("`range` would count more than") {
            format!(
                "`range` zou meer dan {MAX_RANGE_ITEMS} getallen tellen in één document (lussen in lussen vermenigvuldigen): een lus die niet eindigt?"
            )
        } else if m.starts_with("the template makes more than") {
            format!(
                "het sjabloon maakt meer dan {} MB opmaak voor één document: een lus die niet eindigt?",
                MAX_RENDERED_BYTES >> 20
            )
        } else {
            m.clone()
        }
    }
}

/// The largest template file popdruk reads: the built-in ones are a few kilobytes.
pub const MAX_TEMPLATE_BYTES: u64 = 1 << 20;

/// The most markup one template may make for one document: a POP form is some tens of
/// kilobytes, a large team's matrix a few megabytes.
pub const MAX_RENDERED_BYTES: usize = 64 << 20;

/// The most numbers `range` may give in one rendering, over all its calls: loops nested in
/// each other multiply, and a template that counts to a billion never ends.
pub const MAX_RANGE_ITEMS: i128 = 1_000_000;

std::thread_local! {
    /// What `range` may still give in the rendering on this thread.
    static RANGE_LEFT: std::cell::Cell<i128> = const { std::cell::Cell::new(MAX_RANGE_ITEMS) };
}

/// tera's `range` (`start`, `end`, `step_by`), spending from [`RANGE_LEFT`].
fn range(kwargs: tera::Kwargs, _: &tera::State) -> tera::TeraResult<Vec<i128>> {
    let start = kwargs.get::<i128>("start")?.unwrap_or_default();
    let end = kwargs.must_get::<i128>("end")?;
    let step = kwargs.get::<i128>("step_by")?.unwrap_or(1);
    if step == 0 {
        return Err(tera::Error::message("`range` with `step_by` 0 never ends"));
    }
    let len = if (step > 0 && end > start) || (step < 0 && start > end) {
        (end.saturating_sub(start) / step).saturating_add(1)
    } else {
        0
    };
    let left = RANGE_LEFT.get();
    if len > left {
        return Err(tera::Error::message(format!(
            "`range` would count more than {MAX_RANGE_ITEMS} numbers in one document (loops inside loops multiply): a loop that does not end?"
        )));
    }
    RANGE_LEFT.set(left - len);
    let values: Vec<i128> = (0..len)
        .map(|i| start + i * step)
        .take_while(|v| if step > 0 { *v < end } else { *v > end })
        .collect();
    Ok(values)
}

/// A writer that takes at most [`MAX_RENDERED_BYTES`], then fails (which stops tera).
struct Bounded {
    bytes: Vec<u8>,
    full: bool,
}

impl std::io::Write for Bounded {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.bytes.len() + buf.len() > MAX_RENDERED_BYTES {
            self.full = true;
            return Err(std::io::Error::other("too much markup"));
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The loaded templates and label tables.
pub struct Templates {
    tera: tera::Tera,
    labels: BTreeMap<&'static str, Labels>,
    /// Each template's text, to quote the line a markup error comes from.
    sources: BTreeMap<String, String>,
}

impl Templates {
    /// Loads the built-in templates, each replaced by the override of the same file name
    /// when one is given (`overrides` holds file name and content).
    pub fn load(overrides: &[(String, String)]) -> Result<Templates, TemplateError> {
        let source = |name: &str| -> String {
            overrides
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, c)| c.clone())
                .or_else(|| {
                    BUILTIN
                        .iter()
                        .find(|(n, _)| *n == name)
                        .map(|(_, c)| c.to_string())
                })
                .unwrap_or_default()
        };
        let mut tera = tera::Tera::new();
        tera.autoescape_on([".tera"]);
        tera.register_function("range", range);
        let mut names: Vec<&str> = BUILTIN
            .iter()
            .map(|(n, _)| *n)
            .filter(|n| n.ends_with(".tera"))
            .collect();
        for (n, _) in overrides {
            if n.ends_with(".tera") && !names.contains(&n.as_str()) {
                names.push(n);
            }
        }
        let mut sources = BTreeMap::new();
        for name in names {
            let text = source(name);
            tera.add_raw_template(name, &text)
                .map_err(|e| from_tera(name, &e))?;
            sources.insert(name.to_string(), text);
        }
        let mut labels = BTreeMap::new();
        for (file, code) in [("nl.toml", "nl"), ("en.toml", "en")] {
            let text = source(file);
            let table: Labels = toml::from_str(&text).map_err(|e| {
                let (line, column) = e.span().map(|s| line_col(&text, s.start)).unwrap_or((0, 0));
                TemplateError {
                    template: file.to_string(),
                    line: Some(line),
                    column: Some(column),
                    message: e.message().to_string(),
                }
            })?;
            labels.insert(code, table);
        }
        Ok(Templates {
            tera,
            labels,
            sources,
        })
    }

    /// The template lines that write the element `<tag` (with `attribute=` on the line, when
    /// one is named and some line has it): in `template` first, else in any template (one
    /// may include another). Each is the template, the 1-based line and its trimmed text.
    /// Empty when the tag is made by an expression.
    pub fn locate(
        &self,
        template: &str,
        tag: &str,
        attribute: Option<&str>,
    ) -> Vec<(String, usize, String)> {
        let open = format!("<{tag}");
        let writes = |line: &str| {
            line.match_indices(&open).any(|(i, _)| {
                line[i + open.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| c.is_whitespace() || c == '>' || c == '/')
            })
        };
        let find = |name: &str, text: &str| -> Vec<(String, usize, String)> {
            let all: Vec<(String, usize, String)> = text
                .lines()
                .enumerate()
                .filter(|(_, l)| writes(l))
                .map(|(i, l)| (name.to_string(), i + 1, l.trim().to_string()))
                .collect();
            let with: Vec<_> = match attribute {
                Some(a) => {
                    let a = format!("{a}=");
                    all.iter()
                        .filter(|(_, _, l)| l.contains(&a))
                        .cloned()
                        .collect()
                }
                None => Vec::new(),
            };
            if with.is_empty() { all } else { with }
        };
        let own = self
            .sources
            .get(template)
            .map(|text| find(template, text))
            .unwrap_or_default();
        if !own.is_empty() {
            return own;
        }
        self.sources
            .iter()
            .filter(|(n, _)| n.as_str() != template)
            .flat_map(|(n, text)| find(n, text))
            .collect()
    }

    /// The label table of a language.
    pub fn labels(&self, lang: Lang) -> &Labels {
        let code = match lang {
            Lang::Nl => "nl",
            Lang::En => "en",
        };
        &self.labels[code]
    }

    /// Renders `template` with `context` into markup.
    pub fn render<C: Serialize>(
        &self,
        template: &str,
        context: &C,
    ) -> Result<String, TemplateError> {
        let ctx = tera::Context::from_serialize(context).map_err(|e| from_tera(template, &e))?;
        RANGE_LEFT.set(MAX_RANGE_ITEMS);
        let mut out = Bounded {
            bytes: Vec::new(),
            full: false,
        };
        match self.tera.render_to(template, &ctx, &mut out) {
            Ok(()) => String::from_utf8(out.bytes).map_err(|e| TemplateError {
                template: template.to_string(),
                line: None,
                column: None,
                message: e.to_string(),
            }),
            Err(_) if out.full => Err(TemplateError {
                template: template.to_string(),
                line: None,
                column: None,
                message: format!(
                    "the template makes more than {} MB of markup for one document: a loop that does not end?",
                    MAX_RENDERED_BYTES >> 20
                ),
            }),
            Err(e) => Err(from_tera(template, &e)),
        }
    }
}

/// The web page's templates (`popdruk serve`), embedded; never exported or overridden.
const PAGES: &[(&str, &str)] = &[
    ("page.tera", include_str!("../../templates/web/page.tera")),
    ("check.tera", include_str!("../../templates/web/check.tera")),
    (
        "progress.tera",
        include_str!("../../templates/web/progress.tera"),
    ),
];

/// The web page's HTML templates, loaded once.
pub struct Pages {
    tera: tera::Tera,
}

impl Pages {
    /// Loads the built-in page templates (HTML-escaped output).
    pub fn load() -> Result<Pages, TemplateError> {
        let mut tera = tera::Tera::new();
        tera.autoescape_on([".tera"]);
        for (name, text) in PAGES {
            tera.add_raw_template(name, text)
                .map_err(|e| from_tera(name, &e))?;
        }
        Ok(Pages { tera })
    }

    /// Renders the page template `name` with `context` into HTML.
    pub fn render<C: Serialize>(&self, name: &str, context: &C) -> Result<String, TemplateError> {
        let ctx = tera::Context::from_serialize(context).map_err(|e| from_tera(name, &e))?;
        self.tera
            .render(name, &ctx)
            .map_err(|e| from_tera(name, &e))
    }
}

/// 1-based line and column of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locate_finds_the_template_line_that_writes_an_element() {
        let t = Templates::load(&[(
            "pop.tera".to_string(),
            "<document>\n<p>a</p>\n<p align=\"links\">b</p>\n<pre>c</pre>\n</document>".to_string(),
        )])
        .unwrap();
        // The attribute picks the line; `<pre` is not `<p`.
        assert_eq!(
            t.locate("pop.tera", "p", Some("align")),
            vec![(
                "pop.tera".to_string(),
                3,
                "<p align=\"links\">b</p>".to_string()
            )]
        );
        let lines: Vec<usize> = t
            .locate("pop.tera", "p", None)
            .iter()
            .map(|l| l.1)
            .collect();
        assert_eq!(lines, vec![2, 3]);
        // A tag the template does not write is looked for in the others.
        assert!(
            t.locate("pop.tera", "signatures", None)
                .iter()
                .all(|l| l.0 != "pop.tera")
        );
        assert!(!t.locate("pop.tera", "signatures", None).is_empty());
    }

    #[derive(Serialize)]
    struct Ctx {
        name: &'static str,
    }

    #[test]
    fn an_override_replaces_only_its_own_file() {
        let t = Templates::load(&[("voorbereiding.tera".into(), "Hallo {{ name }}".into())])
            .expect("loads");
        assert_eq!(
            t.render("voorbereiding.tera", &Ctx { name: "Ayşe" })
                .unwrap(),
            "Hallo Ayşe"
        );
        assert!(t.tera.get_template_names().any(|n| n == "pop.tera"));
    }

    #[test]
    fn user_text_is_escaped_for_the_markup() {
        let t = Templates::load(&[("x.tera".into(), "<p>{{ name }}</p>".into())]).unwrap();
        assert_eq!(
            t.render("x.tera", &Ctx { name: "A & <B>" }).unwrap(),
            "<p>A &amp; &lt;B&gt;</p>"
        );
    }

    #[test]
    fn an_undefined_variable_names_template_line_and_column() {
        let t = Templates::load(&[("pop.tera".into(), "<p>\n  {{ nmae }}</p>".into())]).unwrap();
        let e = t.render("pop.tera", &Ctx { name: "x" }).unwrap_err();
        assert_eq!(
            (e.template.as_str(), e.line, e.column),
            ("pop.tera", Some(2), Some(6))
        );
        assert!(e.message.contains("nmae"), "{}", e.message);
    }

    #[test]
    fn a_syntax_error_is_reported_at_load() {
        let e = Templates::load(&[("pop.tera".into(), "{% if x %}\nnever closed".into())])
            .err()
            .unwrap();
        assert_eq!(e.template, "pop.tera");
        assert!(e.line.is_some());
    }

    #[test]
    fn both_label_tables_have_the_same_keys() {
        let t = Templates::load(&[]).unwrap();
        let nl: Vec<&String> = t.labels(Lang::Nl).keys().collect();
        let en: Vec<&String> = t.labels(Lang::En).keys().collect();
        assert_eq!(nl, en);
    }
}
