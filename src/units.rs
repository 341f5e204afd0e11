//! Typed lengths: points (the unit of layout and PDF) and millimetres (the unit of paper).

/// A length in PostScript points (1/72 inch).
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd, Default)]
pub struct Pt(pub f32);

/// A length in millimetres.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd, Default)]
pub struct Mm(pub f32);

impl From<Mm> for Pt {
    fn from(mm: Mm) -> Pt {
        Pt(mm.0 * 72.0 / 25.4)
    }
}

impl From<Pt> for Mm {
    fn from(pt: Pt) -> Mm {
        Mm(pt.0 * 25.4 / 72.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a4_width_is_595_points() {
        assert!((Pt::from(Mm(210.0)).0 - 595.28).abs() < 0.01);
        assert!((Mm::from(Pt(72.0)).0 - 25.4).abs() < 0.001);
    }
}
