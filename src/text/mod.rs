//! Text: the embedded fonts, shaping with rustybuzz and per-character font fallback, and
//! breaking styled inline content into lines (with Dutch hyphenation and alignment).
//!
//! Knows nothing of pages or PDF: it measures in points and returns lines of positioned
//! glyph runs that `layout` places on pages.

pub mod fonts;
pub mod lines;
pub mod shape;

pub use fonts::{FaceId, Fonts};
pub use shape::{Glyph, Run, Shaped, Shaper};
