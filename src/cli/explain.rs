//! A command line clap refuses, said in one plain sentence in the user's language, with
//! where to find more: clap's own messages are English and name its internals.

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::i18n::{Lang, Tr};

/// A value popdruk could not read from the command line, said in both languages (the
/// error of every value parser, so the message can be printed in the user's language).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Said(pub Tr);

impl std::fmt::Display for Said {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.nl)
    }
}

impl std::error::Error for Said {}

fn context(err: &clap::Error, kind: ContextKind) -> Vec<String> {
    match err.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::StyledStr(s)) => vec![s.to_string()],
        Some(ContextValue::StyledStrs(v)) => v.iter().map(ToString::to_string).collect(),
        Some(ContextValue::Number(n)) => vec![n.to_string()],
        _ => Vec::new(),
    }
}

fn first(err: &clap::Error, kind: ContextKind) -> String {
    context(err, kind).into_iter().next().unwrap_or_default()
}

/// The flag of an argument as clap names it in an error (`--lang <TAAL>` → `--lang`).
fn flag(arg: &str) -> &str {
    if arg.starts_with('-') {
        arg.split([' ', '=']).next().unwrap_or(arg)
    } else {
        arg
    }
}

fn quoted_list(items: &[String], lang: Lang) -> String {
    let items: Vec<String> = items.iter().map(|i| format!("`{i}`")).collect();
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => {
            let and = match lang {
                Lang::Nl => "of",
                Lang::En => "or",
            };
            format!("{} {and} {last}", rest.join(", "))
        }
    }
}

/// The visible command nearest to `word`, when `word` looks like a mistyped command rather
/// than a workbook (no dot, no slash) and is close enough.
pub(super) fn mistyped_command(word: &str, cmd: &clap::Command) -> Option<String> {
    if word.starts_with('-') || word.contains(['.', '/', '\\']) {
        return None;
    }
    cmd.get_subcommands()
        .filter(|s| !s.is_hide_set())
        .map(|s| {
            let name = s.get_name();
            (strsim::normalized_damerau_levenshtein(word, name), name)
        })
        .filter(|(score, _)| *score >= 0.6)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, name)| name.to_string())
}

pub(super) fn unknown_command(word: &str, suggested: Option<&str>) -> Tr {
    match suggested {
        Some(s) => Tr::new(
            format!("popdruk kent het commando `{word}` niet: bedoelde u `{s}`?"),
            format!("popdruk has no command `{word}`: did you mean `{s}`?"),
        ),
        None => Tr::new(
            format!("popdruk kent het commando `{word}` niet"),
            format!("popdruk has no command `{word}`"),
        ),
    }
}

fn one_too_many(word: &str) -> Tr {
    Tr::new(
        format!(
            "`{word}` is er een te veel: popdruk neemt één werkmap (zet een pad met spaties tussen aanhalingstekens)"
        ),
        format!(
            "`{word}` is one too many: popdruk takes one workbook (put a path with spaces in quotes)"
        ),
    )
}

/// What went wrong, in one sentence (without the leading `fout:`); `argv` is the command
/// line as typed and `cmd` the command that refused it.
pub fn sentence(err: &clap::Error, argv: &[String], cmd: &clap::Command, lang: Lang) -> String {
    let arg = first(err, ContextKind::InvalidArg);
    let value = first(err, ContextKind::InvalidValue);
    let tr = match err.kind() {
        ErrorKind::UnknownArgument if arg.starts_with('-') => {
            let suggested = first(err, ContextKind::SuggestedArg);
            let (nl, en) = if suggested.is_empty() {
                (String::new(), String::new())
            } else {
                (
                    format!(": bedoelde u `{suggested}`?"),
                    format!(": did you mean `{suggested}`?"),
                )
            };
            Tr::new(
                format!("popdruk kent de optie `{arg}` niet{nl}"),
                format!("popdruk has no option `{arg}`{en}"),
            )
        }
        ErrorKind::UnknownArgument => one_too_many(&arg),
        ErrorKind::InvalidSubcommand => {
            let word = first(err, ContextKind::InvalidSubcommand);
            let suggested = context(err, ContextKind::SuggestedSubcommand);
            unknown_command(&word, suggested.first().map(String::as_str))
        }
        // `popdruk WORD MORE`: WORD was read as the workbook, MORE as a command.
        ErrorKind::ArgumentConflict if err.get(ContextKind::InvalidSubcommand).is_some() => {
            let typed = argv.iter().skip(1).find(|w| !w.starts_with('-'));
            match typed.and_then(|w| mistyped_command(w, cmd).map(|s| (w, s))) {
                Some((word, suggested)) => unknown_command(word, Some(&suggested)),
                None => one_too_many(&first(err, ContextKind::InvalidSubcommand)),
            }
        }
        ErrorKind::ValueValidation => {
            let said = std::error::Error::source(err).and_then(|s| s.downcast_ref::<Said>());
            let flag = flag(&arg);
            match said {
                Some(Said(tr)) => {
                    Tr::new(format!("{flag}: {}", tr.nl), format!("{flag}: {}", tr.en))
                }
                None => Tr::new(
                    format!("{flag}: `{value}` kan popdruk niet lezen"),
                    format!("{flag}: popdruk cannot read `{value}`"),
                ),
            }
        }
        ErrorKind::InvalidValue if value.is_empty() => {
            let flag = flag(&arg);
            Tr::new(
                format!("na `{flag}` hoort een waarde"),
                format!("`{flag}` needs a value after it"),
            )
        }
        ErrorKind::InvalidValue => {
            let valid = context(err, ContextKind::ValidValue);
            let flag = flag(&arg);
            Tr::new(
                format!(
                    "{flag}: `{value}` kan niet; kies {}",
                    quoted_list(&valid, Lang::Nl)
                ),
                format!(
                    "{flag}: `{value}` is not possible; choose {}",
                    quoted_list(&valid, Lang::En)
                ),
            )
        }
        ErrorKind::MissingRequiredArgument => {
            let missing = context(err, ContextKind::InvalidArg);
            Tr::new(
                format!("er ontbreekt nog {}", missing.join(", ")),
                format!("{} is missing", missing.join(", ")),
            )
        }
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            Tr::new(
                "na dit commando hoort nog een commando",
                "this command needs another command after it",
            )
        }
        ErrorKind::ArgumentConflict => {
            let prior = context(err, ContextKind::PriorArg);
            let (this, with) = (
                flag(&arg),
                prior.first().map(|p| flag(p)).unwrap_or_default(),
            );
            if with.is_empty() || with == this {
                Tr::new(
                    format!("`{this}` mag maar één keer"),
                    format!("`{this}` may be given only once"),
                )
            } else {
                Tr::new(
                    format!("`{this}` en `{with}` gaan niet samen"),
                    format!("`{this}` and `{with}` cannot go together"),
                )
            }
        }
        ErrorKind::TooManyValues
        | ErrorKind::TooFewValues
        | ErrorKind::WrongNumberOfValues
        | ErrorKind::NoEquals => Tr::new(
            format!("`{}` kreeg niet het juiste aantal waarden", flag(&arg)),
            format!("`{}` did not get the right number of values", flag(&arg)),
        ),
        ErrorKind::InvalidUtf8 => Tr::new(
            "een argument bevat tekens die popdruk niet kan lezen",
            "an argument holds characters popdruk cannot read",
        ),
        _ => Tr::new(
            "popdruk begrijpt deze opdracht niet",
            "popdruk does not understand this command line",
        ),
    };
    tr.get(lang).to_string()
}
