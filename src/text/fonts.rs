//! The embedded font faces and their coverage: which face draws which character.

use std::sync::OnceLock;

/// An index into the embedded faces ([`Fonts::face`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FaceId(pub u8);

impl FaceId {
    pub const REGULAR: FaceId = FaceId(0);
    pub const BOLD: FaceId = FaceId(1);
    pub const ITALIC: FaceId = FaceId(2);
    pub const BOLD_ITALIC: FaceId = FaceId(3);
    /// The fallback face for scripts the default family lacks (Greek, Cyrillic, …).
    pub const FALLBACK: FaceId = FaceId(4);

    /// The default-family face for a weight and slant.
    pub fn styled(bold: bool, italic: bool) -> FaceId {
        match (bold, italic) {
            (false, false) => FaceId::REGULAR,
            (true, false) => FaceId::BOLD,
            (false, true) => FaceId::ITALIC,
            (true, true) => FaceId::BOLD_ITALIC,
        }
    }
}

const FILES: [(&str, &[u8]); 5] = [
    (
        "AtkinsonHyperlegibleNext-Regular",
        include_bytes!("../../fonts/AtkinsonHyperlegibleNext-Regular.ttf"),
    ),
    (
        "AtkinsonHyperlegibleNext-Bold",
        include_bytes!("../../fonts/AtkinsonHyperlegibleNext-Bold.ttf"),
    ),
    (
        "AtkinsonHyperlegibleNext-Italic",
        include_bytes!("../../fonts/AtkinsonHyperlegibleNext-Italic.ttf"),
    ),
    (
        "AtkinsonHyperlegibleNext-BoldItalic",
        include_bytes!("../../fonts/AtkinsonHyperlegibleNext-BoldItalic.ttf"),
    ),
    ("DejaVuSans", include_bytes!("../../fonts/DejaVuSans.ttf")),
];

/// One parsed font face with the metrics layout needs.
pub struct Face {
    pub name: &'static str,
    pub data: &'static [u8],
    pub(crate) rb: rustybuzz::Face<'static>,
    /// Font units per em.
    pub upm: f32,
    /// Ascender above the baseline, in em.
    pub ascender: f32,
    /// Descender below the baseline, in em (positive).
    pub descender: f32,
}

impl Face {
    /// Whether the face has a glyph for `c`.
    pub fn covers(&self, c: char) -> bool {
        self.rb.glyph_index(c).is_some()
    }

    /// How many glyphs the face has.
    pub fn glyph_count(&self) -> usize {
        self.rb.number_of_glyphs() as usize
    }

    /// The glyph's advance as stored in the font (no kerning), in font units.
    pub fn advance(&self, gid: u16) -> u16 {
        self.rb
            .glyph_hor_advance(rustybuzz::ttf_parser::GlyphId(gid))
            .unwrap_or(0)
    }
}

/// The set of embedded faces: the default family plus one fallback face.
pub struct Fonts {
    faces: Vec<Face>,
}

impl Fonts {
    /// The embedded faces, parsed once per process.
    pub fn embedded() -> &'static Fonts {
        static FONTS: OnceLock<Fonts> = OnceLock::new();
        FONTS.get_or_init(|| Fonts {
            faces: FILES
                .iter()
                .map(|(name, data)| {
                    let rb = rustybuzz::Face::from_slice(data, 0)
                        .unwrap_or_else(|| panic!("embedded font `{name}` does not parse"));
                    let upm = rb.units_per_em() as f32;
                    Face {
                        name,
                        data,
                        upm,
                        ascender: rb.ascender() as f32 / upm,
                        descender: -(rb.descender() as f32) / upm,
                        rb,
                    }
                })
                .collect(),
        })
    }

    pub fn face(&self, id: FaceId) -> &Face {
        &self.faces[id.0 as usize]
    }

    /// All faces with their ids, in id order.
    pub fn faces(&self) -> impl Iterator<Item = (FaceId, &Face)> {
        self.faces
            .iter()
            .enumerate()
            .map(|(i, f)| (FaceId(i as u8), f))
    }

    /// The face that draws `c` for a preferred face: the preferred one if it can, else the
    /// fallback, else `None` (no embedded face has the character).
    pub fn pick(&self, preferred: FaceId, c: char) -> Option<FaceId> {
        if self.face(preferred).covers(c) {
            Some(preferred)
        } else if self.face(FaceId::FALLBACK).covers(c) {
            Some(FaceId::FALLBACK)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_family_covers_flemish_and_central_european_names() {
        let fonts = Fonts::embedded();
        for c in "Van den Broeck, Ayşe Yılmaz, Łukasz Wójcik, € 1.234,56 – café".chars() {
            assert_eq!(fonts.pick(FaceId::REGULAR, c), Some(FaceId::REGULAR), "{c}");
        }
    }

    #[test]
    fn cyrillic_and_greek_fall_back_to_the_fallback_face() {
        let fonts = Fonts::embedded();
        assert_eq!(fonts.pick(FaceId::BOLD, 'Ж'), Some(FaceId::FALLBACK));
        assert_eq!(fonts.pick(FaceId::REGULAR, 'λ'), Some(FaceId::FALLBACK));
    }

    #[test]
    fn a_character_no_face_has_is_reported_as_none() {
        assert_eq!(Fonts::embedded().pick(FaceId::REGULAR, '\u{13000}'), None);
    }
}
