//! The small shared vocabulary of how a page looks: paper sizes, colours and alignment.
//!
//! Used by `markup` (what a document asks for), `context` (the teammatrix's paper),
//! `text` and `layout` (lines and boxes) and `pdf` (drawing), and owned by none of them, so
//! that none of them imports another for a type this small.

use crate::i18n::Tr;

/// A paper size: A4 by default, A3 for a wide teammatrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Paper {
    /// A4, 210 × 297 mm.
    #[default]
    A4,
    /// A3, 297 × 420 mm.
    A3,
}

impl Paper {
    /// The name used in markup and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::A3 => "A3",
        }
    }

    /// Width and height in millimetres, upright (portrait).
    pub fn size_mm(self) -> (f32, f32) {
        match self {
            Paper::A4 => (210.0, 297.0),
            Paper::A3 => (297.0, 420.0),
        }
    }
}

impl std::str::FromStr for Paper {
    /// What is wrong with the value, in both languages.
    type Err = Tr;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "a4" => Ok(Paper::A4),
            "a3" => Ok(Paper::A3),
            _ => Err(Tr::new(
                format!("papier `{s}` kan niet: kies `a4` of `a3`"),
                format!("paper `{s}` is not possible: choose `a4` or `a3`"),
            )),
        }
    }
}

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// Horizontal alignment of lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Align {
    #[default]
    Left,
    Right,
    Center,
    Justify,
}
