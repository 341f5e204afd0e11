//! Markup text to PDF bytes in one call: parse, lay out, write.

use crate::layout::{self, Options, Warning};
use crate::markup::{self, MarkupError};
use crate::pdf::{self, ImageError, Images};

/// Why a document could not be rendered.
#[derive(Debug, Clone, PartialEq)]
pub enum RenderError {
    Markup(MarkupError),
    Image(ImageError),
}

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RenderError::Markup(e) => write!(f, "{e}"),
            RenderError::Image(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for RenderError {}

/// Renders markup to PDF bytes, with the layout warnings (e.g. characters no font has).
/// Images are drawn as placeholders; see [`render_with_images`].
pub fn render(markup: &str) -> Result<(Vec<u8>, Vec<Warning>), MarkupError> {
    let doc = markup::parse(markup)?;
    let laid = layout::layout(&doc, &Options::default());
    Ok((pdf::write(&laid), laid.warnings))
}

/// Renders markup to PDF bytes with the images its `<image src="…">` elements name.
pub fn render_with_images(
    markup: &str,
    images: &Images,
) -> Result<(Vec<u8>, Vec<Warning>), RenderError> {
    let doc = markup::parse(markup).map_err(RenderError::Markup)?;
    let laid = layout::layout(&doc, &Options::default());
    let bytes = pdf::write_with_images(&laid, images).map_err(RenderError::Image)?;
    Ok((bytes, laid.warnings))
}
