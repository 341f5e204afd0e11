//! The PDF file's bytes, written object by object.
//!
//! lopdf's `save_to` wants every object of the file in its object tree first: for a bundle
//! of 5,000 POP forms that is 20,000 page dictionaries, their content streams and 50,000
//! bookmarks as lopdf dictionaries, then the file serialised into a growing buffer beside
//! them. Here the small objects printpdf and the font and image embedding made stay in
//! lopdf's tree, and the many (pages, content streams, link annotations, bookmarks) are
//! written as they are made, each dropped once written, into a buffer sized in advance;
//! when the drawings are not kept, the content streams are moved in as pieces of their own
//! ([`Pieces`]) rather than copied.
//! The bytes are the same as lopdf's writer makes: objects in id order, a classic
//! cross-reference table (lopdf's own sections) and the same spelling of every object.

use std::io::Write;

use lopdf::xref::{XrefEntry, XrefSection};
use lopdf::{Dictionary, Object, ObjectId, StringFormat};

/// A PDF file being written, and where each object starts in it.
pub(super) struct File {
    out: Vec<u8>,
    /// Content streams moved in rather than copied (see [`File::stream_moved`]), each with
    /// the length of `out` where it goes.
    moved: Vec<(usize, Vec<u8>)>,
    /// Their bytes.
    moved_len: usize,
    /// The offset of object `id`, at index `id`; `None` for an id not used.
    offsets: Vec<Option<u32>>,
}

/// A PDF file's bytes, in pieces to be written one after the other: the file's own bytes,
/// with the content streams that were moved into it where they go. A long document's
/// streams are not copied into one buffer beside them (77 MB for the dossier of 10,000
/// employees).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Pieces {
    main: Vec<u8>,
    /// Each with the length of `main` before it.
    moved: Vec<(usize, Vec<u8>)>,
}

impl Pieces {
    /// The runs of bytes, in order, none empty.
    pub fn runs(&self) -> Vec<&[u8]> {
        let mut at = 0;
        let mut runs = Vec::with_capacity(2 * self.moved.len() + 1);
        for (before, stream) in &self.moved {
            runs.push(&self.main[at..*before]);
            runs.push(stream.as_slice());
            at = *before;
        }
        runs.push(&self.main[at..]);
        runs.retain(|r| !r.is_empty());
        runs
    }

    /// How many bytes the file has.
    pub fn len(&self) -> usize {
        self.main.len() + self.moved.iter().map(|(_, s)| s.len()).sum::<usize>()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The bytes in one piece (no copy when nothing was moved in).
    pub fn into_vec(self) -> Vec<u8> {
        if self.moved.is_empty() {
            return self.main;
        }
        let mut out = Vec::with_capacity(self.len());
        for run in self.runs() {
            out.extend_from_slice(run);
        }
        out
    }
}

impl From<Vec<u8>> for Pieces {
    fn from(main: Vec<u8>) -> Pieces {
        Pieces {
            main,
            moved: Vec::new(),
        }
    }
}

impl File {
    /// Starts a file of PDF `version` with the binary `mark` comment, with room for `size`
    /// bytes.
    pub(super) fn new(version: &str, mark: &[u8], size: usize) -> File {
        let mut out = Vec::with_capacity(size);
        out.extend_from_slice(b"%PDF-");
        out.extend_from_slice(version.as_bytes());
        out.extend_from_slice(b"\n%");
        out.extend_from_slice(mark);
        out.push(b'\n');
        File {
            out,
            moved: Vec::new(),
            moved_len: 0,
            offsets: Vec::new(),
        }
    }

    fn start(&mut self, id: ObjectId) {
        let at = id.0 as usize;
        if self.offsets.len() <= at {
            self.offsets.resize(at + 1, None);
        }
        debug_assert!(self.offsets[at].is_none(), "object {at} written twice");
        self.offsets[at] = Some((self.out.len() + self.moved_len) as u32);
        let _ = writeln!(self.out, "{} {} obj", id.0, id.1);
    }

    /// Writes the indirect object `id`.
    pub(super) fn object(&mut self, id: ObjectId, object: &Object) {
        self.start(id);
        if separated(object) {
            self.out.push(b' ');
        }
        value(&mut self.out, object);
        let end: &[u8] = if end_separated(object) {
            b" \nendobj\n"
        } else {
            b"\nendobj\n"
        };
        self.out.extend_from_slice(end);
    }

    /// Writes the stream object `id` from its dictionary (without /Length, which is added
    /// last) and its `content`, without copying the content into an object first.
    pub(super) fn stream(&mut self, id: ObjectId, dict: Dictionary, content: &[u8]) {
        self.stream_object(id, dict, content.len(), |f| {
            f.out.extend_from_slice(content)
        });
    }

    /// Writes the stream object `id` as [`File::stream`] does, byte for byte, but moves
    /// `content` in as a piece of its own instead of copying it.
    pub(super) fn stream_moved(&mut self, id: ObjectId, dict: Dictionary, content: Vec<u8>) {
        let len = content.len();
        self.stream_object(id, dict, len, |f| {
            f.moved_len += len;
            f.moved.push((f.out.len(), content));
        });
    }

    /// The stream object `id` of `len` bytes around its content, which `content` puts in.
    fn stream_object(
        &mut self,
        id: ObjectId,
        mut dict: Dictionary,
        len: usize,
        content: impl FnOnce(&mut Self),
    ) {
        self.start(id);
        dict.set("Length", len as i64);
        stream_head(&mut self.out, &dict);
        content(self);
        self.out.extend_from_slice(STREAM_END);
        self.out.extend_from_slice(b" \nendobj\n");
    }

    /// Ends the file of objects up to `max_id`: the cross-reference table, the `trailer`
    /// (given /Size here) and the pointer to the table.
    pub(super) fn finish(mut self, mut trailer: Dictionary, max_id: u32) -> Pieces {
        let size = self.offsets.len().max(max_id as usize + 1);
        self.offsets.resize(size, None);
        let start = self.out.len() + self.moved_len;
        self.out.extend_from_slice(b"xref\n");
        let mut section = XrefSection::new(0);
        section.add_unusable_free_entry();
        for id in 1..size {
            if section.is_empty() {
                section = XrefSection::new(id as u32);
            }
            match self.offsets[id] {
                Some(offset) => section.add_entry(XrefEntry::Normal {
                    offset,
                    generation: 0,
                }),
                None if !section.is_empty() => {
                    write_section(&mut self.out, &section);
                    section = XrefSection::new(id as u32);
                }
                None => {}
            }
        }
        write_section(&mut self.out, &section);
        trailer.set("Size", size as i64);
        self.out.extend_from_slice(b"trailer\n");
        dictionary(&mut self.out, &trailer);
        self.out
            .extend_from_slice(format!("\nstartxref\n{start}\n%%EOF").as_bytes());
        Pieces {
            main: self.out,
            moved: self.moved,
        }
    }
}

fn write_section(out: &mut Vec<u8>, section: &XrefSection) {
    section
        .write_xref_section(out)
        .expect("writing to memory cannot fail");
}

/// Whether a space goes before `o` after a name or another object.
fn separated(o: &Object) -> bool {
    matches!(
        o,
        Object::Null
            | Object::Boolean(_)
            | Object::Integer(_)
            | Object::Real(_)
            | Object::Reference(_)
    )
}

/// Whether a space goes after `o` at the end of an indirect object.
fn end_separated(o: &Object) -> bool {
    separated(o) || matches!(o, Object::Name(_) | Object::Stream(_))
}

/// Writes an object as lopdf spells it.
fn value(out: &mut Vec<u8>, o: &Object) {
    match o {
        Object::Null => out.extend_from_slice(b"null"),
        Object::Boolean(true) => out.extend_from_slice(b"true"),
        Object::Boolean(false) => out.extend_from_slice(b"false"),
        Object::Integer(i) => {
            let _ = write!(out, "{i}");
        }
        Object::Real(r) => {
            let _ = write!(out, "{r}");
        }
        Object::Name(n) => name(out, n),
        Object::String(s, format) => string(out, s, *format),
        Object::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 && separated(item) {
                    out.push(b' ');
                }
                value(out, item);
            }
            out.push(b']');
        }
        Object::Dictionary(d) => dictionary(out, d),
        Object::Stream(s) => stream(out, &s.dict, &s.content),
        Object::Reference(id) => {
            let _ = write!(out, "{} {} R", id.0, id.1);
        }
    }
}

/// A stream's dictionary (with its /Length) and its content.
fn stream(out: &mut Vec<u8>, dict: &Dictionary, content: &[u8]) {
    stream_head(out, dict);
    out.extend_from_slice(content);
    out.extend_from_slice(STREAM_END);
}

/// What goes before a stream's content: its dictionary and the keyword.
fn stream_head(out: &mut Vec<u8>, dict: &Dictionary) {
    dictionary(out, dict);
    out.extend_from_slice(b"stream\n");
}

/// What goes after a stream's content.
const STREAM_END: &[u8] = b"\nendstream";

fn dictionary(out: &mut Vec<u8>, d: &Dictionary) {
    out.extend_from_slice(b"<<");
    for (key, v) in d {
        name(out, key);
        if separated(v) {
            out.push(b' ');
        }
        value(out, v);
    }
    out.extend_from_slice(b">>");
}

fn name(out: &mut Vec<u8>, n: &[u8]) {
    out.push(b'/');
    for &b in n {
        if b" \t\n\r\x0C()<>[]{}/%#".contains(&b) || !(33..=126).contains(&b) {
            let _ = write!(out, "#{b:02X}");
        } else {
            out.push(b);
        }
    }
}

fn string(out: &mut Vec<u8>, s: &[u8], format: StringFormat) {
    match format {
        StringFormat::Hexadecimal => {
            out.push(b'<');
            for &b in s {
                let _ = write!(out, "{b:02X}");
            }
            out.push(b'>');
        }
        StringFormat::Literal => {
            // Backslashes, carriage returns and unbalanced parentheses are escaped.
            let mut escape = vec![false; s.len()];
            let mut open = Vec::new();
            for (i, &b) in s.iter().enumerate() {
                match b {
                    b'(' => open.push(i),
                    b')' if open.pop().is_none() => escape[i] = true,
                    b'\\' | b'\r' => escape[i] = true,
                    _ => {}
                }
            }
            for i in open {
                escape[i] = true;
            }
            out.push(b'(');
            for (&b, &e) in s.iter().zip(&escape) {
                if e {
                    out.push(b'\\');
                    out.push(if b == b'\r' { b'r' } else { b });
                } else {
                    out.push(b);
                }
            }
            out.push(b')');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::{Document, Stream};

    /// A document with every kind of object, a gap in its ids and strings that need
    /// escaping, written by lopdf and by [`File`]: the same bytes.
    #[test]
    fn writes_the_bytes_lopdf_writes() {
        let mut doc = Document::with_version("1.7");
        // As printpdf's documents: a classic cross-reference table.
        doc.reference_table.cross_reference_type = lopdf::xref::XrefType::CrossReferenceTable;
        let a = doc.add_object(Object::Null);
        let gap = doc.add_object(Object::Boolean(true));
        let mut d = Dictionary::new();
        d.set("Type", Object::Name(b"Page".to_vec()));
        d.set("Odd name#(x)", Object::Name(b"a b/\xC3\xA9".to_vec()));
        d.set("Ref", Object::Reference(a));
        d.set("Int", Object::Integer(-42));
        d.set("Real", Object::Real(595.2756));
        d.set("False", Object::Boolean(false));
        d.set("Lit", Object::string_literal("a (b) c) \\ (d\r"));
        d.set(
            "Hex",
            Object::String(vec![0xFE, 0xFF, 0, b'A'], StringFormat::Hexadecimal),
        );
        d.set(
            "Arr",
            Object::Array(vec![
                Object::Reference(a),
                Object::Name(b"XYZ".to_vec()),
                Object::Null,
                Object::Real(1.5),
                Object::Array(vec![]),
                Object::Dictionary(Dictionary::new()),
            ]),
        );
        let page = doc.add_object(Object::Dictionary(d));
        let stream = Stream::new(
            Dictionary::from_iter(vec![("Filter", Object::Name(b"FlateDecode".to_vec()))]),
            b"q 1 0 0 1 0 0 cm Q".to_vec(),
        );
        let s = doc.add_object(Object::Stream(stream.with_compression(false)));
        doc.add_object(Object::Integer(7));
        doc.add_object(Object::Name(b"End".to_vec()));
        doc.objects.remove(&gap);
        doc.trailer.set("Root", Object::Reference(page));
        let mut expected = Vec::new();
        doc.clone().save_to(&mut expected).unwrap();

        // The stream copied in, and moved in as a piece of its own: the same bytes.
        for moved in [false, true] {
            let mut f = File::new(&doc.version, &doc.binary_mark, 0);
            for (id, o) in &doc.objects {
                if *id == s {
                    let Object::Stream(st) = o else {
                        unreachable!()
                    };
                    let mut dict = st.dict.clone();
                    dict.remove(b"Length");
                    if moved {
                        f.stream_moved(*id, dict, st.content.clone());
                    } else {
                        f.stream(*id, dict, &st.content);
                    }
                } else {
                    f.object(*id, o);
                }
            }
            let pieces = f.finish(doc.trailer.clone(), doc.max_id);
            assert_eq!(pieces.runs().len(), if moved { 3 } else { 1 });
            assert_eq!(pieces.len(), expected.len());
            let got = pieces.into_vec();
            assert_eq!(
                String::from_utf8_lossy(&got),
                String::from_utf8_lossy(&expected)
            );
            assert_eq!(got, expected);
            assert!(lopdf::Document::load_mem(&got).is_ok());
        }
    }
}
