//! Shaping of words with rustybuzz, split into runs by the face that covers each character.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock, RwLock};

use super::fonts::{FaceId, Fonts};

/// A glyph of a shaped run, positioned in em from the start of its run.
#[derive(Clone, Debug, PartialEq)]
pub struct Glyph {
    pub gid: u16,
    /// Pen position of the glyph, in em from the run start.
    pub x: f32,
    /// Advance (with kerning), in em.
    pub adv: f32,
    /// The source text this glyph stands for, as a byte range of the run text: several
    /// characters for a ligature, empty for the second glyph of a decomposed cluster.
    pub text: (u16, u16),
}

/// A run of text shaped with one face.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    pub face: FaceId,
    pub text: String,
    pub glyphs: Vec<Glyph>,
    /// Width in em.
    pub width: f32,
}

/// A shaped word: one run per face it needed, and the characters no face has.
#[derive(Clone, Debug, PartialEq)]
pub struct Shaped {
    pub runs: Vec<Arc<Run>>,
    /// Width in em.
    pub width: f32,
    pub missing: Vec<char>,
}

/// Shaped forms of one text, by face index.
type Forms = [Option<Arc<Shaped>>; 8];

/// A shaper with a cache of shaped words, so a document's repeated words are shaped once.
pub struct Shaper {
    fonts: &'static Fonts,
    /// Keyed by text first, so a lookup borrows the `&str` instead of allocating a key.
    cache: HashMap<String, Forms>,
}

impl Default for Shaper {
    fn default() -> Self {
        Shaper {
            fonts: Fonts::embedded(),
            cache: HashMap::new(),
        }
    }
}

impl Shaper {
    pub fn fonts(&self) -> &'static Fonts {
        self.fonts
    }

    /// Shapes `text` (no line breaks inside) with `face`, falling back per character.
    pub fn shape(&mut self, text: &str, face: FaceId) -> Arc<Shaped> {
        let slot = face.0 as usize & 7;
        if let Some(s) = self.cache.get(text).and_then(|f| f[slot].as_ref()) {
            return s.clone();
        }
        let shaped = Arc::new(shape_uncached(self.fonts, text, face));
        // Bound the cache so a run over many documents does not grow without limit.
        if self.cache.len() > 200_000 {
            self.cache.clear();
        }
        match self.cache.get_mut(text) {
            Some(forms) => forms[slot] = Some(shaped.clone()),
            None => {
                let mut forms: Forms = Default::default();
                forms[slot] = Some(shaped.clone());
                self.cache.insert(text.to_string(), forms);
            }
        }
        shaped
    }
}

/// The script a letter belongs to, coarsely: the alphabets popdruk's faces divide between
/// them (Latin in the default family, Greek and Cyrillic mostly in the fallback).
fn script(c: char) -> u8 {
    match c as u32 {
        0x0370..=0x03FF | 0x1F00..=0x1FFF => 1,
        0x0400..=0x052F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => 2,
        _ => 0,
    }
}

/// The byte ranges of the words of `text` that the fallback face draws whole: a word (a run
/// of letters of one script, with their marks) with a letter the preferred face lacks, all
/// of whose letters the fallback has. A Greek name keeps one face even where the preferred
/// face happens to have a letter of it (`π`), instead of switching faces letter by letter.
fn fallback_words(fonts: &Fonts, text: &str, preferred: FaceId) -> Vec<(usize, usize)> {
    let (main, fallback) = (fonts.face(preferred), fonts.face(FaceId::FALLBACK));
    // Start, end, script, whether a letter lacks in the preferred face, whether the
    // fallback has every letter.
    type Word = (usize, usize, u8, bool, bool);
    let mut out = Vec::new();
    let mut word: Option<Word> = None;
    let close = |w: Option<Word>, out: &mut Vec<(usize, usize)>| {
        if let Some((a, b, _, lacks, all)) = w
            && lacks
            && all
        {
            out.push((a, b));
        }
    };
    for (i, c) in text.char_indices() {
        let letter = c.is_alphabetic() || is_mark(c);
        let sc = if is_mark(c) {
            word.map_or(0, |w| w.2)
        } else {
            script(c)
        };
        if !letter || word.is_some_and(|w| w.2 != sc) {
            close(word.take(), &mut out);
        }
        if letter {
            let (a, _, _, lacks, all) = word.unwrap_or((i, i, sc, false, true));
            word = Some((
                a,
                i + c.len_utf8(),
                sc,
                lacks || !main.covers(c),
                all && fallback.covers(c),
            ));
        }
    }
    close(word, &mut out);
    out
}

fn shape_uncached(fonts: &Fonts, text: &str, preferred: FaceId) -> Shaped {
    let mut missing = Vec::new();
    let mut spans: Vec<(FaceId, usize, usize)> = Vec::new();
    let whole = fallback_words(fonts, text, preferred);
    for (i, c) in text.char_indices() {
        let picked = if whole.iter().any(|&(a, b)| (a..b).contains(&i)) {
            Some(FaceId::FALLBACK)
        } else {
            fonts.pick(preferred, c)
        };
        let face = match picked {
            Some(f) => f,
            None => {
                if !c.is_whitespace() && !c.is_control() && !missing.contains(&c) {
                    missing.push(c);
                }
                // Combining marks stay with the face of their base character.
                spans.last().map_or(preferred, |s| s.0)
            }
        };
        let face = if is_mark(c) {
            spans
                .last()
                .map_or(face, |s| if fonts.face(s.0).covers(c) { s.0 } else { face })
        } else {
            face
        };
        match spans.last_mut() {
            Some(last) if last.0 == face => last.2 = i + c.len_utf8(),
            _ => spans.push((face, i, i + c.len_utf8())),
        }
    }
    let runs: Vec<Arc<Run>> = spans
        .into_iter()
        .map(|(face, a, b)| Arc::new(shape_run(fonts, &text[a..b], face)))
        .collect();
    let width = runs.iter().map(|r| r.width).sum();
    Shaped {
        runs,
        width,
        missing,
    }
}

fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF)
}

/// What a shaping plan depends on besides the face.
type PlanKey = (
    FaceId,
    rustybuzz::Direction,
    rustybuzz::Script,
    Option<rustybuzz::Language>,
);

/// The shaping plan of a face for a direction, script and language, made once per process:
/// making one is much slower than shaping a word with it.
fn plan(
    fonts: &Fonts,
    face_id: FaceId,
    direction: rustybuzz::Direction,
    script: rustybuzz::Script,
    language: Option<rustybuzz::Language>,
) -> Arc<rustybuzz::ShapePlan> {
    static PLANS: OnceLock<RwLock<HashMap<PlanKey, Arc<rustybuzz::ShapePlan>>>> = OnceLock::new();
    let plans = PLANS.get_or_init(Default::default);
    let key = (face_id, direction, script, language);
    if let Some(p) = plans.read().ok().and_then(|m| m.get(&key).cloned()) {
        return p;
    }
    let (face_id, direction, script, language) = key.clone();
    let made = Arc::new(rustybuzz::ShapePlan::new(
        &fonts.face(face_id).rb,
        direction,
        Some(script),
        language.as_ref(),
        &[],
    ));
    if let Ok(mut m) = plans.write() {
        m.entry(key).or_insert_with(|| made.clone());
    }
    made
}

fn shape_run(fonts: &Fonts, text: &str, face_id: FaceId) -> Run {
    let face = fonts.face(face_id);
    let mut buf = rustybuzz::UnicodeBuffer::new();
    buf.push_str(text);
    buf.guess_segment_properties();
    let plan = plan(
        fonts,
        face_id,
        buf.direction(),
        buf.script(),
        buf.language(),
    );
    let out = rustybuzz::shape_with_plan(&face.rb, &plan, buf);
    let infos = out.glyph_infos();
    let pos = out.glyph_positions();
    // Each glyph stands for the text from its cluster to the next larger cluster. Right-
    // to-left runs come out in visual order (clusters descending), so look the end up in
    // the sorted cluster list rather than in the next glyph.
    let mut starts: Vec<usize> = infos.iter().map(|g| g.cluster as usize).collect();
    starts.sort_unstable();
    starts.dedup();
    let mut glyphs = Vec::with_capacity(infos.len());
    // Looked up by binary search, so a word of thousands of letters is shaped in time in
    // proportion to its length.
    let mut seen = vec![false; starts.len()];
    let mut pen = 0i32;
    for i in 0..infos.len() {
        let start = infos[i].cluster as usize;
        let at = starts.partition_point(|&c| c <= start);
        let end = starts.get(at).copied().unwrap_or(text.len());
        // The first glyph of a cluster carries its text; the others (marks) carry none.
        let first = at
            .checked_sub(1)
            .is_some_and(|k| !std::mem::replace(&mut seen[k], true));
        let range = if first {
            (start as u16, end as u16)
        } else {
            (end as u16, end as u16)
        };
        glyphs.push(Glyph {
            gid: infos[i].glyph_id as u16,
            x: (pen + pos[i].x_offset) as f32 / face.upm,
            adv: pos[i].x_advance as f32 / face.upm,
            text: range,
        });
        pen += pos[i].x_advance;
    }
    Run {
        face: face_id,
        text: text.to_string(),
        glyphs,
        width: pen as f32 / face.upm,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyph_texts(run: &Run) -> Vec<&str> {
        run.glyphs
            .iter()
            .map(|g| &run.text[g.text.0 as usize..g.text.1 as usize])
            .collect()
    }

    #[test]
    fn glyph_texts_concatenate_to_the_original_text() {
        let mut s = Shaper::default();
        for word in [
            "afficheren",
            "Configure",
            "ontwikkelingsdoelstellingen",
            "Ayşe",
        ] {
            let shaped = s.shape(word, FaceId::REGULAR);
            let joined: String = shaped.runs.iter().flat_map(|r| glyph_texts(r)).collect();
            assert_eq!(joined, word);
        }
    }

    #[test]
    fn right_to_left_text_keeps_every_character() {
        let mut s = Shaper::default();
        let shaped = s.shape("عائشة", FaceId::REGULAR);
        let mut texts: Vec<&str> = shaped.runs.iter().flat_map(|r| glyph_texts(r)).collect();
        texts.sort_unstable();
        assert_eq!(texts.concat().chars().count(), 5);
        assert_eq!(texts.len(), shaped.runs[0].glyphs.len());
    }

    #[test]
    fn kerning_makes_av_narrower_than_its_glyph_advances() {
        let mut s = Shaper::default();
        let fonts = s.fonts();
        let shaped = s.shape("AV", FaceId::REGULAR);
        let face = fonts.face(FaceId::REGULAR);
        let natural: f32 = shaped.runs[0]
            .glyphs
            .iter()
            .map(|g| face.advance(g.gid) as f32 / face.upm)
            .sum();
        assert!(shaped.width < natural, "{} < {}", shaped.width, natural);
    }

    #[test]
    fn a_greek_word_keeps_one_face_though_the_default_face_has_some_of_its_letters() {
        let mut s = Shaper::default();
        assert!(s.fonts().face(FaceId::REGULAR).covers('π'));
        let shaped = s.shape("Παπαδόπουλος", FaceId::REGULAR);
        let faces: Vec<FaceId> = shaped.runs.iter().map(|r| r.face).collect();
        assert_eq!(faces, vec![FaceId::FALLBACK]);
        // A π alone (a formula, not a Greek word) stays in the default face.
        let shaped = s.shape("2π", FaceId::REGULAR);
        assert_eq!(shaped.runs[0].face, FaceId::REGULAR);
    }

    #[test]
    fn mixed_script_word_is_split_into_runs_per_face() {
        let mut s = Shaper::default();
        let shaped = s.shape("abcЖλ", FaceId::REGULAR);
        let faces: Vec<FaceId> = shaped.runs.iter().map(|r| r.face).collect();
        assert_eq!(faces, vec![FaceId::REGULAR, FaceId::FALLBACK]);
        assert!(shaped.missing.is_empty());
    }

    #[test]
    fn characters_no_face_has_are_reported_missing() {
        let mut s = Shaper::default();
        let shaped = s.shape("a\u{13000}b", FaceId::REGULAR);
        assert_eq!(shaped.missing, vec!['\u{13000}']);
    }

    #[test]
    fn width_grows_with_text() {
        let mut s = Shaper::default();
        let a = s.shape("ab", FaceId::REGULAR).width;
        let b = s.shape("abab", FaceId::REGULAR).width;
        assert!(b > a * 1.9 && a > 0.5);
    }
}
