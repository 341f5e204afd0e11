//! Rule thresholds: the built-in defaults, overridden by `popdruk.toml` and then by the
//! `Instellingen` sheet (the workbook is the more specific of the two).
//!
//! Parsing is pure: the caller reads the TOML file and says where each sheet row stands, and
//! gets back the thresholds and a warning diagnostic for each value or name it cannot use.

use std::path::Path;

use crate::diagnostic::{Diagnostic, Location, Severity};
use crate::i18n::Tr;
use crate::model::Setting;
use crate::model::schema::normalize;

use super::RuleId;

/// The thresholds every rule reads; [`Default`] holds the defaults of the domain primer.
#[derive(Debug, Clone, PartialEq)]
pub struct Thresholds {
    /// Months after hire by which the first POP must exist.
    pub pop_deadline_months: u32,
    /// Months a POP stays valid after its last update.
    pub pop_validity_months: u32,
    /// Days before a deadline that a warning starts.
    pub warning_days: u32,
    /// Improvement actions the current POP must hold.
    pub min_actions: u32,
    /// Years after the WOP start that VDAB evaluates.
    pub wop_years: u32,
    /// Months before the WOP evaluation that a warning starts.
    pub wop_warning_months: u32,
    /// Years an LDE track lasts from hire.
    pub lde_years: u32,
    /// Months before the end of an LDE track that a warning starts.
    pub lde_warning_months: u32,
    /// Months between LDE evaluations.
    pub lde_evaluation_months: u32,
    /// Days after a POP-gesprek within which both sign (when the day is written down).
    pub signing_days: u32,
    /// Employee FTE per coach FTE at support level laag.
    pub norm_laag: f64,
    /// Employee FTE per coach FTE at support level midden.
    pub norm_midden: f64,
    /// Employee FTE per coach FTE at support level hoog.
    pub norm_hoog: f64,
    /// Where each changed value came from, by setting key, the last change last.
    pub origins: Vec<(&'static str, Origin)>,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            pop_deadline_months: 1,
            pop_validity_months: 12,
            warning_days: 60,
            min_actions: 2,
            wop_years: 5,
            wop_warning_months: 6,
            lde_years: 5,
            lde_warning_months: 6,
            lde_evaluation_months: 12,
            signing_days: 30,
            norm_laag: 13.0,
            norm_midden: 10.0,
            norm_hoog: 7.0,
            origins: Vec::new(),
        }
    }
}

/// Where a threshold's value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Built into popdruk.
    Default,
    /// `popdruk.toml`.
    File,
    /// A row of the `Instellingen` sheet.
    Sheet(u32),
}

/// What kind of number a setting takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// A whole number of months, at least 1.
    Months,
    /// A whole number of years, at least 1.
    Years,
    /// A whole number of days, 0 or more.
    Days,
    /// A whole count, 0 or more.
    Count,
    /// A number above 0, decimals allowed (`6,5`).
    Ratio,
}

/// One configurable threshold: its names, unit, source and the rules that read it.
#[derive(Debug, Clone, Copy)]
pub struct SettingDef {
    /// The `popdruk.toml` key.
    pub key: &'static str,
    /// The name in the `Instellingen` sheet.
    pub name: &'static str,
    /// The English name, also accepted in the sheet.
    pub en: &'static str,
    /// The kind of number.
    pub unit: Unit,
    /// Where the default comes from: `[fed]` or `[reg]` as in `domain.md`.
    pub source: &'static str,
    /// The rules that read it.
    pub rules: &'static [RuleId],
    get: fn(&Thresholds) -> f64,
    set: fn(&mut Thresholds, f64),
}

impl SettingDef {
    /// The value in `t`, as a Belgian reads it (`13`, `6,5`).
    pub fn value(&self, t: &Thresholds) -> String {
        crate::format::format_number((self.get)(t))
    }

    /// Whether a sheet name or TOML key names this setting; the unit in brackets may be
    /// left out, and `_` stands for a space.
    fn matches(&self, name: &str) -> bool {
        let n = bare(name);
        [self.key, self.name, self.en]
            .iter()
            .any(|a| bare(a) == n || bare(&without_unit(a)) == n)
    }
}

fn without_unit(s: &str) -> String {
    match s.find('(') {
        Some(i) => s[..i].to_string(),
        None => s.to_string(),
    }
}

fn bare(s: &str) -> String {
    normalize(&s.replace(['(', ')'], " "))
}

macro_rules! def {
    ($key:literal, $name:literal, $en:literal, $unit:ident, $source:literal, [$($rule:ident),*], $field:ident) => {
        SettingDef {
            key: $key,
            name: $name,
            en: $en,
            unit: Unit::$unit,
            source: $source,
            rules: &[$(RuleId::$rule),*],
            get: |t| f64::from(t.$field),
            set: |t, v| t.$field = v as u32,
        }
    };
    ($key:literal, $name:literal, $en:literal, Ratio, $source:literal, [$($rule:ident),*], $field:ident, f64) => {
        SettingDef {
            key: $key,
            name: $name,
            en: $en,
            unit: Unit::Ratio,
            source: $source,
            rules: &[$(RuleId::$rule),*],
            get: |t| t.$field,
            set: |t, v| t.$field = v,
        }
    };
}

/// Every setting, in the order of `docs/compliance.md`.
pub const SETTINGS: &[SettingDef] = &[
    def!(
        "pop_termijn_maanden",
        "POP-termijn (maanden)",
        "POP deadline (months)",
        Months,
        "[fed]",
        [PopTermijn],
        pop_deadline_months
    ),
    def!(
        "pop_geldigheid_maanden",
        "POP-geldigheid (maanden)",
        "POP validity (months)",
        Months,
        "[fed]",
        [PopGeldigheid],
        pop_validity_months
    ),
    def!(
        "waarschuwing_vooraf_dagen",
        "Waarschuwing vooraf (dagen)",
        "Warning ahead (days)",
        Days,
        "[practice]",
        [PopTermijn, PopGeldigheid, LdeEvaluatie],
        warning_days
    ),
    def!(
        "minimum_verbeteracties",
        "Minimum verbeteracties",
        "Minimum improvement actions",
        Count,
        "[fed]",
        [Verbeteracties],
        min_actions
    ),
    def!(
        "wop_duur_jaren",
        "WOP-duur (jaren)",
        "WOP duration (years)",
        Years,
        "[reg]",
        [WopEvaluatie],
        wop_years
    ),
    def!(
        "wop_waarschuwing_maanden",
        "WOP-waarschuwing (maanden)",
        "WOP warning (months)",
        Months,
        "[practice]",
        [WopEvaluatie],
        wop_warning_months
    ),
    def!(
        "lde_duur_jaren",
        "LDE-duur (jaren)",
        "LDE duration (years)",
        Years,
        "[reg]",
        [LdeTraject],
        lde_years
    ),
    def!(
        "lde_waarschuwing_maanden",
        "LDE-waarschuwing (maanden)",
        "LDE warning (months)",
        Months,
        "[practice]",
        [LdeTraject],
        lde_warning_months
    ),
    def!(
        "lde_evaluatie_maanden",
        "LDE-evaluatie (maanden)",
        "LDE evaluation (months)",
        Months,
        "[reg]",
        [LdeEvaluatie],
        lde_evaluation_months
    ),
    def!(
        "ondertekening_dagen",
        "Ondertekening binnen (dagen)",
        "Signing within (days)",
        Days,
        "[practice]",
        [Ondertekening],
        signing_days
    ),
    def!(
        "begeleidingsnorm_laag",
        "Begeleidingsnorm laag",
        "Coaching norm low",
        Ratio,
        "[fed]",
        [Begeleidingsnorm],
        norm_laag,
        f64
    ),
    def!(
        "begeleidingsnorm_midden",
        "Begeleidingsnorm midden",
        "Coaching norm medium",
        Ratio,
        "[fed]",
        [Begeleidingsnorm],
        norm_midden,
        f64
    ),
    def!(
        "begeleidingsnorm_hoog",
        "Begeleidingsnorm hoog",
        "Coaching norm high",
        Ratio,
        "[fed]",
        [Begeleidingsnorm],
        norm_hoog,
        f64
    ),
];

/// Why a value cannot be used, and what was expected.
fn check_value(unit: Unit, text: &str) -> Result<f64, Tr> {
    let t = text.trim().replace(',', ".");
    let n: f64 = t
        .parse()
        .ok()
        .filter(|n: &f64| n.is_finite())
        .ok_or_else(|| expected(unit))?;
    let whole = n.fract() == 0.0 && (0.0..=1200.0).contains(&n);
    let ok = match unit {
        Unit::Months | Unit::Years => whole && n >= 1.0,
        Unit::Days | Unit::Count => whole,
        Unit::Ratio => n > 0.0,
    };
    if ok { Ok(n) } else { Err(expected(unit)) }
}

fn expected(unit: Unit) -> Tr {
    match unit {
        Unit::Months => Tr::new(
            "een geheel aantal maanden, minstens 1",
            "a whole number of months, at least 1",
        ),
        Unit::Years => Tr::new(
            "een geheel aantal jaren, minstens 1",
            "a whole number of years, at least 1",
        ),
        Unit::Days => Tr::new(
            "een geheel aantal dagen, 0 of meer",
            "a whole number of days, 0 or more",
        ),
        Unit::Count => Tr::new("een geheel getal, 0 of meer", "a whole number, 0 or more"),
        Unit::Ratio => Tr::new(
            "een getal groter dan 0, zoals `13` of `6,5`",
            "a number above 0, such as `13` or `6,5`",
        ),
    }
}

/// The setting nearest to an unknown name, when it is near enough to suggest.
fn nearest(name: &str) -> Option<&'static SettingDef> {
    let n = bare(name);
    SETTINGS
        .iter()
        .map(|d| (strsim::normalized_damerau_levenshtein(&n, &bare(d.name)), d))
        .filter(|(score, _)| *score >= 0.6)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, d)| d)
}

fn warning(location: Location, message: Tr, expected: Option<Tr>, hint: Option<Tr>) -> Diagnostic {
    Diagnostic {
        severity: Severity::Warning,
        location,
        message,
        expected,
        hint,
    }
}

fn unknown(name: &str, location: Location) -> Diagnostic {
    let hint = nearest(name).map(|d| {
        Tr::new(
            format!("bedoelde u `{}`?", d.name),
            format!("did you mean `{}`?", d.name),
        )
    });
    warning(
        location,
        Tr::new(
            format!("onbekende instelling `{name}` wordt genegeerd"),
            format!("unknown setting `{name}` is ignored"),
        ),
        None,
        hint.or_else(|| {
            Some(Tr::new(
                "de instellingen staan in docs/compliance.md",
                "the settings are listed in docs/compliance.md",
            ))
        }),
    )
}

fn bad_value(
    def: &SettingDef,
    value: &str,
    current: &Thresholds,
    location: Location,
) -> Diagnostic {
    warning(
        location,
        Tr::new(
            format!(
                "`{value}` is geen geldige waarde voor `{}`: popdruk gebruikt {}",
                def.name,
                def.value(current)
            ),
            format!(
                "`{value}` is not a valid value for `{}`: popdruk uses {}",
                def.name,
                def.value(current)
            ),
        ),
        Some(expected(def.unit)),
        None,
    )
}

/// Which column of the `Instellingen` sheet a diagnostic points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetColumn {
    /// `Instelling`, the name.
    Name,
    /// `Waarde`, the value.
    Value,
}

impl Thresholds {
    fn set(&mut self, def: &SettingDef, value: f64, origin: Origin) {
        (def.set)(self, value);
        self.origins.push((def.key, origin));
    }

    /// Where the value of `def` came from.
    pub fn origin(&self, def: &SettingDef) -> Origin {
        self.origins
            .iter()
            .rev()
            .find(|(k, _)| *k == def.key)
            .map_or(Origin::Default, |(_, o)| *o)
    }

    /// Applies the `Instellingen` rows; `at` says where a row's name or value cell stands.
    pub fn apply_sheet(
        &mut self,
        rows: &[Setting],
        at: impl Fn(u32, SheetColumn) -> Location,
    ) -> Vec<Diagnostic> {
        let mut diags = Vec::new();
        for row in rows {
            let Some(def) = SETTINGS.iter().find(|d| d.matches(&row.name)) else {
                diags.push(unknown(&row.name, at(row.row, SheetColumn::Name)));
                continue;
            };
            match check_value(def.unit, &row.value) {
                Ok(v) => self.set(def, v, Origin::Sheet(row.row)),
                Err(_) => diags.push(bad_value(
                    def,
                    &row.value,
                    self,
                    at(row.row, SheetColumn::Value),
                )),
            }
        }
        diags
    }

    /// Applies the text of a `popdruk.toml` found at `file`: top-level keys as in
    /// [`SETTINGS`], numbers or text such as `"6,5"`. Unreadable TOML is an error, because
    /// the rules the user meant cannot be known; a bad key or value is a warning.
    pub fn apply_toml(&mut self, text: &str, file: &Path) -> Vec<Diagnostic> {
        let at = |offset: Option<usize>| Location {
            file: file.to_path_buf(),
            row: offset.map(|o| 1 + text[..o.min(text.len())].matches('\n').count() as u32),
            ..Location::default()
        };
        let table = match text.parse::<toml::Table>() {
            Ok(t) => t,
            Err(e) => {
                let message = e.message().trim().to_string();
                return vec![Diagnostic {
                    severity: Severity::Error,
                    location: at(e.span().map(|s| s.start)),
                    message: Tr::new(
                        format!("`{}` is geen geldige TOML: {message}", file.display()),
                        format!("`{}` is not valid TOML: {message}", file.display()),
                    ),
                    expected: None,
                    hint: Some(Tr::new(
                        "schrijf elke instelling als `pop_geldigheid_maanden = 12`",
                        "write each setting as `pop_geldigheid_maanden = 12`",
                    )),
                }];
            }
        };
        // Where each top-level key is written, read from the parser's spans (the text
        // parsed above, so this parse succeeds too).
        let spans = toml::de::DeTable::parse(text).ok();
        let line_of = |key: &str| {
            spans
                .as_ref()?
                .get_ref()
                .iter()
                .find(|(k, _)| k.get_ref() == key)
                .map(|(k, _)| k.span().start)
        };
        let mut diags = Vec::new();
        for (key, value) in &table {
            let location = at(line_of(key));
            let Some(def) = SETTINGS.iter().find(|d| d.matches(key)) else {
                diags.push(unknown(key, location));
                continue;
            };
            let written = match value {
                toml::Value::Integer(i) => i.to_string(),
                toml::Value::Float(f) => f.to_string(),
                toml::Value::String(s) => s.clone(),
                toml::Value::Boolean(b) => b.to_string(),
                _ => value.type_str().to_string(),
            };
            match check_value(def.unit, &written) {
                Ok(v) => self.set(def, v, Origin::File),
                Err(_) => diags.push(bad_value(def, &written, self, location)),
            }
        }
        diags
    }
}
