//! Markup text to PDF bytes in one call: parse, lay out, write.

use crate::layout::{self, Options, Warning};
use crate::markup::{self, MarkupError};
use crate::pdf;

/// Renders markup to PDF bytes, with the layout warnings (e.g. characters no font has).
pub fn render(markup: &str) -> Result<(Vec<u8>, Vec<Warning>), MarkupError> {
    let doc = markup::parse(markup)?;
    let laid = layout::layout(&doc, &Options::default());
    Ok((pdf::write(&laid), laid.warnings))
}
