//! The user's language and text in both languages popdruk speaks.
//!
//! Messages are built once in Dutch and English ([`Tr`]) and printed in the language the
//! user chose; document labels get their own translation tables in the template stage.

use std::fmt;
use std::str::FromStr;

/// A language popdruk writes messages and documents in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Lang {
    /// Dutch (Flemish usage), the default.
    #[default]
    Nl,
    /// English.
    En,
}

impl FromStr for Lang {
    /// What is wrong with the value, in both languages.
    type Err = Tr;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "nl" | "nl-be" | "vlaams" | "nederlands" | "dutch" => Ok(Lang::Nl),
            "en" | "english" | "engels" => Ok(Lang::En),
            _ => Err(Tr::new(
                format!("taal `{s}` bestaat niet in popdruk: kies `nl` of `en`"),
                format!("popdruk has no language `{s}`: choose `nl` or `en`"),
            )),
        }
    }
}

/// A text in Dutch and English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tr {
    /// The Dutch text.
    pub nl: String,
    /// The English text.
    pub en: String,
}

impl Tr {
    /// A text from its Dutch and English forms.
    pub fn new(nl: impl Into<String>, en: impl Into<String>) -> Self {
        Tr {
            nl: nl.into(),
            en: en.into(),
        }
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Nl => &self.nl,
            Lang::En => &self.en,
        }
    }
}

impl fmt::Display for Tr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.nl)
    }
}
