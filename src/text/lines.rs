//! Breaking styled inline content into lines: Unicode line-break opportunities, greedy
//! filling, Dutch hyphenation of words that do not fit, and alignment.

use std::sync::Arc;

use unicode_linebreak::{BreakOpportunity, linebreaks};

use super::fonts::FaceId;
use super::shape::{Shaped, Shaper};
use crate::style::{Align, Rgb};

/// The look of a piece of text: face, size in points and colour.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TextStyle {
    pub face: FaceId,
    pub size: f32,
    pub color: Rgb,
}

/// A piece of inline content to break into lines.
#[derive(Clone, Debug, PartialEq)]
pub enum Atom {
    /// Text without line breaks; runs of spaces are break opportunities.
    Text(String, TextStyle),
    /// An inline object of a fixed size in points (a level circle, a checkbox), identified
    /// by the caller's `id`; `h` is its height above the baseline.
    Object { id: u32, w: f32, h: f32 },
    /// A forced line break.
    Break,
}

/// What a positioned piece of a line is.
#[derive(Clone, Debug, PartialEq)]
pub enum PieceKind {
    Text(Arc<Shaped>),
    /// An inter-word space; drawn as a space glyph so that extracted text keeps it.
    Space(Arc<Shaped>),
    Object {
        id: u32,
        w: f32,
        h: f32,
    },
}

/// A positioned piece of a line, `x` in points from the line's left edge.
#[derive(Clone, Debug, PartialEq)]
pub struct Piece {
    pub x: f32,
    pub style: TextStyle,
    pub kind: PieceKind,
}

/// A finished line: pieces at their positions, its height and baseline (from its top).
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub width: f32,
    pub height: f32,
    pub baseline: f32,
    pub pieces: Vec<Piece>,
    /// The line ends in a hyphen put in a word (not one the text has).
    pub hyphen: bool,
    /// The line ends in a word cut between two characters without a hyphen (a word wider
    /// than the whole line, the last resort).
    pub cut: bool,
}

/// How lines are filled.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LineOptions {
    /// Available width in points.
    pub width: f32,
    pub align: Align,
    /// Line height as a multiple of the largest font size on the line.
    pub leading: f32,
    /// Style used for the height of an empty line.
    pub base: TextStyle,
    /// Whether a word that does not fit may be hyphenated (it is still cut as a last resort
    /// when it is wider than the whole line).
    pub hyphenate: bool,
    /// The language whose hyphenation patterns apply.
    pub patterns: Patterns,
}

/// Which hyphenation patterns words are split with: the document's language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Patterns {
    #[default]
    Dutch,
    English,
}

impl Patterns {
    /// The patterns for a BCP 47 language tag (`nl-BE`, `en`, `en-GB`): English for an
    /// English tag, Dutch for every other (the documents are Dutch or English).
    pub fn for_tag(tag: &str) -> Patterns {
        let primary = tag.split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("en") {
            Patterns::English
        } else {
            Patterns::Dutch
        }
    }

    fn lang(self) -> hypher::Lang {
        match self {
            Patterns::Dutch => hypher::Lang::Dutch,
            Patterns::English => hypher::Lang::English,
        }
    }
}

#[derive(Clone, Debug)]
enum Part {
    Text(String, TextStyle, Arc<Shaped>),
    Object { id: u32, w: f32, h: f32 },
}

impl Part {
    fn width(&self) -> f32 {
        match self {
            Part::Text(_, st, s) => s.width * st.size,
            Part::Object { w, .. } => *w,
        }
    }
    fn size(&self) -> f32 {
        match self {
            Part::Text(_, st, _) => st.size,
            Part::Object { h, .. } => *h,
        }
    }
}

/// An unbreakable word with the space that follows it.
#[derive(Clone, Debug)]
struct Word {
    parts: Vec<Part>,
    space: Option<(TextStyle, Arc<Shaped>)>,
    mandatory: bool,
}

impl Word {
    fn width(&self) -> f32 {
        self.parts.iter().map(Part::width).sum()
    }
    fn space_width(&self) -> f32 {
        self.space.as_ref().map_or(0.0, |(st, s)| s.width * st.size)
    }
}

/// The longest run of letters (in bytes) that is hyphenated; a longer one is no word.
const MAX_HYPHENATED: usize = 200;

/// Characters no embedded face has, met while shaping.
pub type Missing = Vec<char>;

/// Breaks atoms into lines no wider than `opts.width` (a single glyph wider than the line
/// is the only thing that may stick out). Returns the lines and the missing characters.
pub fn break_lines(
    atoms: &[Atom],
    opts: &LineOptions,
    shaper: &mut Shaper,
) -> (Vec<Line>, Missing) {
    let mut missing = Vec::new();
    let words = words(atoms, shaper, &mut missing);
    let mut lines = Vec::new();
    let mut cur: Vec<Word> = Vec::new();
    for word in words {
        let mut word = word;
        loop {
            let used = line_width(&cur);
            let gap = cur.last().map_or(0.0, Word::space_width);
            let start = if cur.is_empty() { 0.0 } else { used + gap };
            if start + word.width() <= opts.width + 0.01 {
                let mandatory = word.mandatory;
                cur.push(word);
                if mandatory {
                    lines.push(finish(std::mem::take(&mut cur), opts, false));
                }
                break;
            }
            let room = opts.width - start;
            if let Some((head, tail)) =
                split(&word, room, opts.hyphenate.then_some(opts.patterns), shaper)
            {
                let (hyphen, cut) = inserted_hyphen(&word, &head);
                cur.push(head);
                lines.push(finish(std::mem::take(&mut cur), opts, true));
                if let Some(line) = lines.last_mut() {
                    line.hyphen = hyphen;
                    line.cut = cut;
                }
                word = tail;
                continue;
            }
            if !cur.is_empty() {
                lines.push(finish(std::mem::take(&mut cur), opts, true));
                continue;
            }
            // Wider than a whole line and no hyphenation point fits: cut by characters, a
            // line at a time, the rest going on like any word.
            if let Some(mut pieces) = cut(&word, opts.width, shaper)
                && let Some(rest) = pieces.pop()
            {
                for piece in pieces {
                    lines.push(finish(vec![piece], opts, true));
                    if let Some(line) = lines.last_mut() {
                        line.cut = true;
                    }
                }
                word = rest;
                continue;
            }
            let mandatory = word.mandatory;
            cur.push(word);
            if mandatory {
                lines.push(finish(std::mem::take(&mut cur), opts, false));
            }
            break;
        }
    }
    if !cur.is_empty() {
        lines.push(finish(cur, opts, false));
    }
    if lines.is_empty() {
        lines.push(finish(Vec::new(), opts, false));
    }
    (lines, missing)
}

fn line_width(words: &[Word]) -> f32 {
    let mut w = 0.0;
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            w += words[i - 1].space_width();
        }
        w += word.width();
    }
    w
}

/// Splits the text of `words` at Unicode break opportunities into words with their spaces.
fn words(atoms: &[Atom], shaper: &mut Shaper, missing: &mut Missing) -> Vec<Word> {
    // One string for the whole paragraph so that break opportunities see across atoms;
    // objects stand in as U+FFFC and forced breaks as a newline.
    let mut text = String::new();
    let mut spans: Vec<(usize, usize, usize)> = Vec::new();
    for (i, atom) in atoms.iter().enumerate() {
        let start = text.len();
        match atom {
            Atom::Text(t, _) => text.push_str(t),
            Atom::Object { .. } => text.push('\u{FFFC}'),
            Atom::Break => text.push('\n'),
        }
        spans.push((start, text.len(), i));
    }
    let mut words = Vec::new();
    let mut prev = 0;
    for (pos, kind) in linebreaks(&text) {
        let seg = &text[prev..pos];
        let trimmed = seg.trim_end_matches([' ', '\n', '\t', '\r']);
        let content_end = prev + trimmed.len();
        let mut parts = Vec::new();
        let mut last_style = None;
        for &(a, b, i) in &spans {
            let (lo, hi) = (a.max(prev), b.min(content_end));
            if lo >= hi {
                if let (true, Atom::Text(_, st)) = (a <= prev && prev < b, &atoms[i]) {
                    last_style = Some(*st);
                }
                continue;
            }
            match &atoms[i] {
                Atom::Text(_, st) => {
                    let piece = &text[lo..hi];
                    let shaped = shaper.shape(piece, st.face);
                    for c in &shaped.missing {
                        if !missing.contains(c) {
                            missing.push(*c);
                        }
                    }
                    parts.push(Part::Text(piece.to_string(), *st, shaped));
                    last_style = Some(*st);
                }
                Atom::Object { id, w, h } => parts.push(Part::Object {
                    id: *id,
                    w: *w,
                    h: *h,
                }),
                Atom::Break => {}
            }
        }
        // The style of the space is the style of the text it follows.
        let has_space = seg[trimmed.len()..].contains([' ', '\t']);
        let space_style = spans
            .iter()
            .filter(|&&(a, b, _)| a < pos && b > content_end)
            .find_map(|&(_, _, i)| match &atoms[i] {
                Atom::Text(_, st) => Some(*st),
                _ => None,
            })
            .or(last_style);
        let space = match (has_space, space_style) {
            (true, Some(st)) => Some((st, shaper.shape(" ", st.face))),
            _ => None,
        };
        let mandatory = kind == BreakOpportunity::Mandatory && pos < text.len();
        if parts.is_empty() {
            // A segment of only spaces or a forced break: attach it to the previous word.
            if let Some(last) = words.last_mut() {
                let w: &mut Word = last;
                w.mandatory |= mandatory;
                if w.space.is_none() {
                    w.space = space;
                }
            } else if mandatory {
                words.push(Word {
                    parts,
                    space: None,
                    mandatory,
                });
            }
        } else {
            words.push(Word {
                parts,
                space,
                mandatory,
            });
        }
        prev = pos;
    }
    words
}

/// Splits a word so that its head fits in `room` at a hyphenation point of `patterns`'
/// language (adding a hyphen), or, without patterns or such a point, by characters when
/// the word is wider than the line.
fn split(
    word: &Word,
    room: f32,
    patterns: Option<Patterns>,
    shaper: &mut Shaper,
) -> Option<(Word, Word)> {
    let [Part::Text(text, style, _)] = word.parts.as_slice() else {
        return None;
    };
    let make = |s: &str, shaper: &mut Shaper| {
        Part::Text(s.to_string(), *style, shaper.shape(s, style.face))
    };
    let fits = |s: &str, shaper: &mut Shaper| {
        shaper.shape(s, style.face).width * style.size <= room + 0.01
    };
    // Hyphenate the alphabetic core, leaving leading/trailing punctuation alone.
    let core_start = text.find(char::is_alphabetic).unwrap_or(text.len());
    let core_end = text.rfind(char::is_alphabetic).map_or(core_start, |i| {
        i + text[i..].chars().next().map_or(0, char::len_utf8)
    });
    let core = &text[core_start..core_end];
    // A run of letters far longer than any word (a pasted code, a row of letters as a
    // writing line) is cut by characters instead: hyphenating it would try every syllable.
    if let Some(patterns) = patterns
        && may_hyphenate(text)
        && core.chars().count() >= 2 * HYPHEN_MIN
        && core.len() <= MAX_HYPHENATED
    {
        let mut bounds = Vec::new();
        let mut at = core_start;
        for syl in hypher::hyphenate(core, patterns.lang()) {
            at += syl.len();
            let before = text[core_start..at.min(core_end)].chars().count();
            let after = text[at.min(core_end)..core_end].chars().count();
            if at < core_end && before >= HYPHEN_MIN && after >= HYPHEN_MIN {
                bounds.push(at);
            }
        }
        for &b in bounds.iter().rev() {
            let head = format!("{}-", &text[..b]);
            if fits(&head, shaper) {
                let head = make(&head, shaper);
                let tail = make(&text[b..], shaper);
                return Some((
                    Word {
                        parts: vec![head],
                        space: None,
                        mandatory: false,
                    },
                    Word {
                        parts: vec![tail],
                        space: word.space.clone(),
                        mandatory: word.mandatory,
                    },
                ));
            }
        }
    }
    None
}

/// Cuts a word wider than a line of `width` into pieces at character clusters: each
/// piece but the last fills a line, the last is the rest. The cuts are found from the
/// advances the word was shaped with, and each piece is shaped once, so a word of tens of
/// thousands of characters costs time in proportion to its length. `None` for a word of
/// several styles or objects, or of a single cluster.
fn cut(word: &Word, width: f32, shaper: &mut Shaper) -> Option<Vec<Word>> {
    let [Part::Text(text, style, shaped)] = word.parts.as_slice() else {
        return None;
    };
    // Where each cluster starts (a byte offset into `text`) and the width before it. A
    // glyph's text range stands for its cluster, marks carry an empty one; the lengths are
    // summed rather than the offsets read, which are 16-bit.
    let mut bounds: Vec<(usize, f32)> = Vec::new();
    let (mut at, mut before) = (0usize, 0.0f32);
    for run in &shaped.runs {
        let rtl = match (run.glyphs.first(), run.glyphs.last()) {
            (Some(a), Some(b)) => a.text.0 > b.text.0,
            _ => false,
        };
        let mut each = |g: &super::shape::Glyph| {
            let len = usize::from(g.text.1.wrapping_sub(g.text.0));
            if len > 0 {
                if at > 0 && text.is_char_boundary(at) {
                    bounds.push((at, before));
                }
                at += len;
            }
            before += g.adv * style.size;
        };
        if rtl {
            run.glyphs.iter().rev().for_each(&mut each);
        } else {
            run.glyphs.iter().for_each(&mut each);
        }
    }
    let total = before;
    let mut pieces = Vec::new();
    let (mut start, mut start_w) = (0usize, 0.0f32);
    let mut next = 0;
    while total - start_w > width + 0.01 {
        // The last cluster start that keeps the piece within the line; at least one cluster.
        let mut end = next;
        while end < bounds.len() && bounds[end].1 - start_w <= width + 0.01 {
            end += 1;
        }
        let mut pick = if end > next { end - 1 } else { next };
        let Some(&(mut cut_at, mut cut_w)) = bounds.get(pick) else {
            break;
        };
        let mut piece = shaper.shape(&text[start..cut_at], style.face);
        // Shaped alone, a piece loses the kerning with what followed: step back if that
        // made it too wide.
        while piece.width * style.size > width + 0.01 && pick > next {
            pick -= 1;
            (cut_at, cut_w) = bounds[pick];
            piece = shaper.shape(&text[start..cut_at], style.face);
        }
        pieces.push(Word {
            parts: vec![Part::Text(text[start..cut_at].to_string(), *style, piece)],
            space: None,
            mandatory: false,
        });
        (start, start_w, next) = (cut_at, cut_w, pick + 1);
    }
    if pieces.is_empty() {
        return None;
    }
    let rest = &text[start..];
    pieces.push(Word {
        parts: vec![Part::Text(
            rest.to_string(),
            *style,
            shaper.shape(rest, style.face),
        )],
        space: word.space.clone(),
        mandatory: word.mandatory,
    });
    Some(pieces)
}

fn finish(words: Vec<Word>, opts: &LineOptions, broken: bool) -> Line {
    let fonts = super::Fonts::embedded();
    let face = fonts.face(FaceId::REGULAR);
    let size = words
        .iter()
        .flat_map(|w| w.parts.iter().map(Part::size))
        .fold(0.0f32, f32::max);
    let size = if size > 0.0 { size } else { opts.base.size };
    let height = size * opts.leading;
    let baseline = (height - size * (face.ascender + face.descender)) / 2.0 + size * face.ascender;
    let natural = line_width(&words);
    let gaps = words.len().saturating_sub(1);
    let justify = opts.align == Align::Justify && broken && gaps > 0;
    let extra = if justify {
        ((opts.width - natural) / gaps as f32).max(0.0)
    } else {
        0.0
    };
    let mut x = match opts.align {
        Align::Left | Align::Justify => 0.0,
        Align::Right => (opts.width - natural).max(0.0),
        Align::Center => ((opts.width - natural) / 2.0).max(0.0),
    };
    let mut pieces = Vec::new();
    let n = words.len();
    for (i, word) in words.into_iter().enumerate() {
        for part in word.parts {
            let w = part.width();
            match part {
                Part::Text(_, style, shaped) => pieces.push(Piece {
                    x,
                    style,
                    kind: PieceKind::Text(shaped),
                }),
                Part::Object { id, w, h } => pieces.push(Piece {
                    x,
                    style: opts.base,
                    kind: PieceKind::Object { id, w, h },
                }),
            }
            x += w;
        }
        if i + 1 < n {
            if let Some((style, shaped)) = word.space {
                let w = shaped.width * style.size;
                pieces.push(Piece {
                    x,
                    style,
                    kind: PieceKind::Space(shaped),
                });
                x += w + extra;
            } else {
                x += extra;
            }
        }
    }
    Line {
        width: if justify { opts.width } else { natural },
        height,
        baseline,
        pieces,
        hyphen: false,
        cut: false,
    }
}

/// Whether `head`, split off `word`, ends in a hyphen the word does not have there, and
/// whether it was cut without one.
fn inserted_hyphen(word: &Word, head: &Word) -> (bool, bool) {
    match (word.parts.as_slice(), head.parts.as_slice()) {
        ([Part::Text(whole, ..)], [Part::Text(h, ..)]) => {
            let hyphen = h.ends_with('-') && !whole.starts_with(h.as_str());
            (hyphen, !hyphen && !h.ends_with('-'))
        }
        _ => (false, true),
    }
}

/// The fewest letters a hyphen leaves on either side of it (`le-ren` reads badly).
pub const HYPHEN_MIN: usize = 3;

/// Whether a word may be hyphenated at all: only plain lower-case words. A capital marks a
/// name (of a person, a task, a place) or a code, a digit a date, an amount or a code, and
/// brackets a tag: none of them is broken, a reader must find them whole.
pub fn may_hyphenate(word: &str) -> bool {
    word.chars()
        .all(|c| c.is_lowercase() || matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '’'))
}

/// The text of a line, spaces included (for tests and dumps).
pub fn line_text(line: &Line) -> String {
    let mut s = String::new();
    for p in &line.pieces {
        match &p.kind {
            PieceKind::Text(sh) | PieceKind::Space(sh) => {
                for r in &sh.runs {
                    s.push_str(&r.text);
                }
            }
            PieceKind::Object { .. } => s.push('\u{FFFC}'),
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn style() -> TextStyle {
        TextStyle {
            face: FaceId::REGULAR,
            size: 10.0,
            color: Rgb(0, 0, 0),
        }
    }

    fn opts(width: f32, align: Align) -> LineOptions {
        LineOptions {
            width,
            align,
            leading: 1.3,
            base: style(),
            hyphenate: true,
            patterns: Patterns::Dutch,
        }
    }

    fn texts(text: &str, width: f32) -> Vec<String> {
        let (lines, _) = break_lines(
            &[Atom::Text(text.into(), style())],
            &opts(width, Align::Left),
            &mut Shaper::default(),
        );
        lines.iter().map(line_text).collect()
    }

    #[test]
    fn short_text_stays_on_one_line() {
        assert_eq!(texts("Voor akkoord", 200.0), vec!["Voor akkoord"]);
    }

    #[test]
    fn lines_break_between_words_and_drop_the_space_at_the_break() {
        let lines = texts("een twee drie vier vijf zes zeven acht negen tien", 80.0);
        assert!(lines.len() > 2, "{lines:?}");
        assert!(
            lines
                .iter()
                .all(|l| !l.ends_with(' ') && !l.starts_with(' '))
        );
        assert_eq!(
            lines.join(" "),
            "een twee drie vier vijf zes zeven acht negen tien"
        );
    }

    #[test]
    fn no_line_is_wider_than_the_measure() {
        let (lines, _) = break_lines(
            &[Atom::Text(
                "Ontwikkelingsdoelstellingen en competentieontwikkeling voor iedereen".into(),
                style(),
            )],
            &opts(60.0, Align::Left),
            &mut Shaper::default(),
        );
        assert!(lines.iter().all(|l| l.width <= 60.01), "{lines:?}");
    }

    #[test]
    fn long_dutch_word_is_hyphenated_at_a_syllable_in_a_narrow_cell() {
        let lines = texts("ontwikkelingsdoelstellingen", 70.0);
        assert!(lines.len() >= 2, "{lines:?}");
        assert!(lines[0].ends_with('-'), "{lines:?}");
        let joined: String = lines.iter().map(|l| l.trim_end_matches('-')).collect();
        assert_eq!(joined, "ontwikkelingsdoelstellingen");
        // A hyphenation point, not an arbitrary cut: `ont-wik-ke-lings-…`.
        let head = lines[0].trim_end_matches('-');
        assert!(
            [
                "ont",
                "ontwik",
                "ontwikke",
                "ontwikkelings",
                "ontwikkelingsdoel"
            ]
            .contains(&head),
            "{head}"
        );
    }

    #[test]
    fn english_text_is_hyphenated_with_english_patterns() {
        // Dutch patterns split `understan-ding`, English ones `understand-ing`: on a line
        // just wide enough for `understand-`, each language breaks at its own point.
        let mut shaper = Shaper::default();
        let width = shaper.shape("understand-", FaceId::REGULAR).width * 10.0 + 0.5;
        let first = |patterns| {
            let (lines, _) = break_lines(
                &[Atom::Text("understanding".into(), style())],
                &LineOptions {
                    patterns,
                    ..opts(width, Align::Left)
                },
                &mut Shaper::default(),
            );
            line_text(&lines[0])
        };
        assert_eq!(first(Patterns::English), "understand-");
        assert_eq!(first(Patterns::Dutch), "understan-");
        assert_eq!(Patterns::for_tag("en-GB"), Patterns::English);
        assert_eq!(Patterns::for_tag("EN"), Patterns::English);
        assert_eq!(Patterns::for_tag("nl-BE"), Patterns::Dutch);
    }

    #[test]
    fn without_hyphenation_a_word_that_fits_a_line_moves_whole_to_the_next() {
        let (lines, _) = break_lines(
            &[Atom::Text("Neem het mee naar het gesprek".into(), style())],
            &LineOptions {
                hyphenate: false,
                ..opts(120.0, Align::Left)
            },
            &mut Shaper::default(),
        );
        let lines: Vec<String> = lines.iter().map(line_text).collect();
        assert!(lines.len() >= 2, "{lines:?}");
        assert!(lines.iter().all(|l| !l.ends_with('-')), "{lines:?}");
        assert!(lines.iter().any(|l| l.contains("gesprek")), "{lines:?}");
    }

    #[test]
    fn a_word_wider_than_the_line_without_hyphenation_points_is_cut_by_characters() {
        let lines = texts("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", 40.0);
        assert!(lines.len() > 3);
        assert_eq!(lines.concat(), "x".repeat(40));
    }

    #[test]
    fn one_word_of_excels_longest_cell_is_cut_into_full_lines_and_kept_whole() {
        // 32,767 characters, Excel's longest cell: a pasted code, a row of underscores.
        for unit in ["x", "_", "ab/", "ş"] {
            let word = unit.repeat(32_767 / unit.chars().count());
            let (lines, _) = break_lines(
                &[Atom::Text(format!("Doel: {word} klaar"), style())],
                &opts(300.0, Align::Left),
                &mut Shaper::default(),
            );
            let texts: Vec<String> = lines.iter().map(line_text).collect();
            // Whole and in order (the spaces at the breaks are dropped).
            assert_eq!(texts.concat().replace(' ', ""), format!("Doel:{word}klaar"));
            assert!(lines.iter().all(|l| l.width <= 300.01), "{unit}");
            // Every line but the first and last is filled: at most one character short.
            let one = texts[1].chars().next().map_or(0.0, |c| {
                Shaper::default()
                    .shape(&c.to_string(), FaceId::REGULAR)
                    .width
                    * 10.0
            });
            for l in &lines[1..lines.len() - 1] {
                assert!(l.width > 300.0 - one * 2.0 - 0.5, "{unit}: {}", l.width);
            }
        }
    }

    #[test]
    fn forced_break_starts_a_new_line() {
        let (lines, _) = break_lines(
            &[
                Atom::Text("eerste".into(), style()),
                Atom::Break,
                Atom::Text("tweede".into(), style()),
            ],
            &opts(300.0, Align::Left),
            &mut Shaper::default(),
        );
        assert_eq!(
            lines.iter().map(line_text).collect::<Vec<_>>(),
            vec!["eerste", "tweede"]
        );
    }

    #[test]
    fn justified_lines_fill_the_measure_except_the_last() {
        let (lines, _) = break_lines(
            &[Atom::Text(
                "een twee drie vier vijf zes zeven acht negen tien elf twaalf".into(),
                style(),
            )],
            &opts(100.0, Align::Justify),
            &mut Shaper::default(),
        );
        assert!(lines.len() >= 3);
        for l in &lines[..lines.len() - 1] {
            assert!((l.width - 100.0).abs() < 0.01);
            let last = l.pieces.last().unwrap();
            let PieceKind::Text(s) = &last.kind else {
                panic!()
            };
            assert!((last.x + s.width * 10.0 - 100.0).abs() < 0.05, "{}", last.x);
        }
        assert!(lines.last().unwrap().width < 100.0);
    }

    #[test]
    fn centred_and_right_aligned_lines_are_offset() {
        let sh = &mut Shaper::default();
        let a = [Atom::Text("kort".into(), style())];
        let (c, _) = break_lines(&a, &opts(100.0, Align::Center), sh);
        let (r, _) = break_lines(&a, &opts(100.0, Align::Right), sh);
        let w = c[0].width;
        assert!((c[0].pieces[0].x - (100.0 - w) / 2.0).abs() < 0.01);
        assert!((r[0].pieces[0].x - (100.0 - w)).abs() < 0.01);
    }

    #[test]
    fn bold_span_inside_a_word_does_not_create_a_break() {
        let bold = TextStyle {
            face: FaceId::BOLD,
            ..style()
        };
        let (lines, _) = break_lines(
            &[
                Atom::Text("POP".into(), bold),
                Atom::Text("-gesprek".into(), style()),
            ],
            &opts(300.0, Align::Left),
            &mut Shaper::default(),
        );
        assert_eq!(lines.len(), 1);
        assert_eq!(line_text(&lines[0]), "POP-gesprek");
    }

    #[test]
    fn missing_characters_are_reported() {
        let (_, missing) = break_lines(
            &[Atom::Text("hiëroglief \u{13000}".into(), style())],
            &opts(300.0, Align::Left),
            &mut Shaper::default(),
        );
        assert_eq!(missing, vec!['\u{13000}']);
    }
}
