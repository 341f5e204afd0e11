//! Images: JPEG embedded as is (DCTDecode), PNG decoded and embedded as Flate-compressed
//! pixels with a soft mask for transparency.

use std::collections::BTreeMap;
use std::io::Write;

use lopdf::{Dictionary, Object, ObjectId, Stream};

/// Image files by the name templates use in `<image src="…">`.
pub type Images = BTreeMap<String, Vec<u8>>;

/// A problem with an image given to the writer.
#[derive(Debug, Clone, PartialEq)]
pub struct ImageError {
    pub name: String,
    pub message: String,
}

impl std::fmt::Display for ImageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "image `{}`: {}", self.name, self.message)
    }
}

impl std::error::Error for ImageError {}

/// An image embedded in the document: its resource name and pixel size.
pub(crate) struct Embedded {
    pub name: String,
    pub id: ObjectId,
    pub width: u32,
    pub height: u32,
}

fn err(name: &str, message: impl Into<String>) -> ImageError {
    ImageError {
        name: name.to_string(),
        message: message.into(),
    }
}

/// Width, height and components of a JPEG, from its start-of-frame marker.
fn jpeg_info(b: &[u8]) -> Option<(u32, u32, u8)> {
    if !b.starts_with(&[0xFF, 0xD8]) {
        return None;
    }
    let mut i = 2;
    while i + 9 < b.len() {
        if b[i] != 0xFF {
            return None;
        }
        let marker = b[i + 1];
        let len = u16::from_be_bytes([b[i + 2], b[i + 3]]) as usize;
        let is_sof = (0xC0..=0xCF).contains(&marker) && !matches!(marker, 0xC4 | 0xC8 | 0xCC);
        if is_sof {
            let h = u16::from_be_bytes([b[i + 5], b[i + 6]]) as u32;
            let w = u16::from_be_bytes([b[i + 7], b[i + 8]]) as u32;
            return Some((w, h, b[i + 9]));
        }
        i += 2 + len;
    }
    None
}

fn flate(data: &[u8]) -> Vec<u8> {
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    z.write_all(data)
        .expect("compressing in memory cannot fail");
    z.finish().expect("compressing in memory cannot fail")
}

fn image_dict(w: u32, h: u32, space: &str, filter: &str) -> Dictionary {
    let mut d = Dictionary::new();
    d.set("Type", Object::Name(b"XObject".to_vec()));
    d.set("Subtype", Object::Name(b"Image".to_vec()));
    d.set("Width", Object::Integer(w as i64));
    d.set("Height", Object::Integer(h as i64));
    d.set("ColorSpace", Object::Name(space.as_bytes().to_vec()));
    d.set("BitsPerComponent", Object::Integer(8));
    d.set("Filter", Object::Name(filter.as_bytes().to_vec()));
    d
}

/// The most pixels an image may have: a logo of 8,000 by 5,000 pixels is far more than a
/// printed page needs, while a small PNG that says it is 100,000 pixels square would
/// otherwise be unpacked into tens of gigabytes.
pub const MAX_PIXELS: u64 = 40_000_000;

/// Whether `bytes` are an image the writer can embed (decoded in full, so a damaged file
/// is found before any document is made).
pub fn check(name: &str, bytes: &[u8]) -> Result<(), ImageError> {
    embed(&mut lopdf::Document::with_version("1.7"), name, bytes).map(|_| ())
}

/// Decodes and adds one image to the document as an XObject.
pub(crate) fn embed(
    doc: &mut lopdf::Document,
    name: &str,
    bytes: &[u8],
) -> Result<Embedded, ImageError> {
    // Named from the image's own name, so a page draws it the same in every document.
    let res: String = std::iter::once("Im".to_string())
        .chain(name.bytes().map(|b| format!("{b:02X}")))
        .collect();
    if let Some((w, h, comps)) = jpeg_info(bytes) {
        let space = match comps {
            1 => "DeviceGray",
            3 => "DeviceRGB",
            4 => "DeviceCMYK",
            n => {
                return Err(err(
                    name,
                    format!("JPEG with {n} colour components is not supported"),
                ));
            }
        };
        if w == 0 || h == 0 {
            return Err(err(name, "JPEG without a size"));
        }
        let d = image_dict(w, h, space, "DCTDecode");
        let id = doc.add_object(Object::Stream(
            Stream::new(d, bytes.to_vec()).with_compression(false),
        ));
        return Ok(Embedded {
            name: res,
            id,
            width: w,
            height: h,
        });
    }
    if !bytes.starts_with(b"\x89PNG") {
        return Err(err(name, "not a PNG or JPEG file"));
    }
    let mut dec = png::Decoder::new(std::io::Cursor::new(bytes));
    dec.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = dec
        .read_info()
        .map_err(|e| err(name, format!("unreadable PNG: {e}")))?;
    let (w, h) = (reader.info().width, reader.info().height);
    if u64::from(w) * u64::from(h) > MAX_PIXELS {
        return Err(err(
            name,
            format!("PNG of {w} × {h} pixels, more than the {MAX_PIXELS} popdruk embeds"),
        ));
    }
    let size = reader
        .output_buffer_size()
        .ok_or_else(|| err(name, "PNG too large"))?;
    let mut buf = vec![0; size];
    let info = reader
        .next_frame(&mut buf)
        .map_err(|e| err(name, format!("unreadable PNG: {e}")))?;
    buf.truncate(info.buffer_size());
    let (w, h) = (info.width, info.height);
    let (channels, space) = match info.color_type {
        png::ColorType::Grayscale => (1, "DeviceGray"),
        png::ColorType::GrayscaleAlpha => (2, "DeviceGray"),
        png::ColorType::Rgb => (3, "DeviceRGB"),
        png::ColorType::Rgba => (4, "DeviceRGB"),
        png::ColorType::Indexed => return Err(err(name, "indexed PNG was not expanded")),
    };
    let (color, alpha): (Vec<u8>, Option<Vec<u8>>) = if channels == 2 || channels == 4 {
        let c = channels - 1;
        let mut color = Vec::with_capacity(buf.len() / channels * c);
        let mut alpha = Vec::with_capacity(buf.len() / channels);
        for px in buf.chunks_exact(channels) {
            color.extend_from_slice(&px[..c]);
            alpha.push(px[c]);
        }
        (color, Some(alpha))
    } else {
        (buf, None)
    };
    let mut d = image_dict(w, h, space, "FlateDecode");
    if let Some(a) = alpha.filter(|a| a.iter().any(|&v| v != 255)) {
        let m = image_dict(w, h, "DeviceGray", "FlateDecode");
        let mid = doc.add_object(Object::Stream(
            Stream::new(m, flate(&a)).with_compression(false),
        ));
        d.set("SMask", Object::Reference(mid));
    }
    let id = doc.add_object(Object::Stream(
        Stream::new(d, flate(&color)).with_compression(false),
    ));
    Ok(Embedded {
        name: res,
        id,
        width: w,
        height: h,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_size_of_a_jpeg_from_its_frame_header() {
        // SOI, APP0 (length 4), SOF0 with height 20, width 30, 3 components.
        let jpeg = [
            0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00,
            0x14, 0x00, 0x1E, 0x03, 0x01, 0x22, 0x00,
        ];
        assert_eq!(jpeg_info(&jpeg), Some((30, 20, 3)));
        assert_eq!(jpeg_info(b"\x89PNG"), None);
    }

    #[test]
    fn a_small_png_that_claims_a_huge_size_is_refused_before_unpacking() {
        // A one-pixel PNG whose header then says 100,000 × 100,000 pixels.
        let mut png = Vec::new();
        let mut enc = png::Encoder::new(&mut png, 1, 1);
        enc.set_color(png::ColorType::Rgb);
        let mut w = enc.write_header().unwrap();
        w.write_image_data(&[0, 0, 0]).unwrap();
        drop(w);
        png[16..24].copy_from_slice(&[0, 1, 0x86, 0xA0, 0, 1, 0x86, 0xA0]);
        let mut crc = flate2::Crc::new();
        crc.update(&png[12..29]);
        png[29..33].copy_from_slice(&crc.sum().to_be_bytes());
        let e = check("logo", &png).unwrap_err();
        assert!(e.message.contains("100000 × 100000 pixels"), "{e}");
    }

    #[test]
    fn rejects_files_that_are_not_images() {
        let mut doc = lopdf::Document::with_version("1.7");
        let e = embed(&mut doc, "logo", b"GIF89a").err().unwrap();
        assert_eq!(e.to_string(), "image `logo`: not a PNG or JPEG file");
    }
}
