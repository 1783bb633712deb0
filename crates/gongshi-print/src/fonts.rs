//! The two faces every sheet uses, embedded in the binary. Read where they
//! lie (ttf-parser reads tables in place: nothing is parsed or copied up
//! front, so one sheet does not pay for two 14 MB fonts). See
//! assets/fonts/README.md.

use std::sync::LazyLock;

/// Which face a piece of text is set in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Face {
    /// Noto Serif SC Black: the heavy Song of titles.
    Title,
    /// Noto Serif SC Regular: body, tables, footers.
    Body,
}

static TITLE_TTF: &[u8] = include_bytes!("../../../assets/fonts/NotoSerifSC-Black.ttf");
static BODY_TTF: &[u8] = include_bytes!("../../../assets/fonts/NotoSerifSC-Regular.ttf");

/// A face's tables, read in place from the embedded bytes.
pub struct LoadedFont {
    pub face: ttf_parser::Face<'static>,
    pub units_per_em: f32,
    /// The PostScript name (NotoSerifSC-Regular), for the PDF.
    pub postscript_name: String,
}

fn load(bytes: &'static [u8], name: &str) -> LoadedFont {
    // The fonts are part of the binary; a test reads them, so a failure
    // here is a broken build, not a user's problem.
    let face = ttf_parser::Face::parse(bytes, 0)
        .unwrap_or_else(|e| panic!("embedded font {name} does not parse: {e}"));
    let units_per_em = f32::from(face.units_per_em().max(1));
    let postscript_name = face
        .names()
        .into_iter()
        .filter(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
        .find_map(|n| n.to_string())
        .unwrap_or_else(|| name.to_owned());
    LoadedFont {
        face,
        units_per_em,
        postscript_name,
    }
}

static TITLE: LazyLock<LoadedFont> = LazyLock::new(|| load(TITLE_TTF, "NotoSerifSC-Black"));
static BODY: LazyLock<LoadedFont> = LazyLock::new(|| load(BODY_TTF, "NotoSerifSC-Regular"));

impl Face {
    pub fn font(self) -> &'static LoadedFont {
        match self {
            Face::Title => &TITLE,
            Face::Body => &BODY,
        }
    }

    /// The advance width of `text` at `size` points, in points.
    pub fn width(self, text: &str, size: f32) -> f32 {
        let font = self.font();
        let units: u32 = text
            .chars()
            .map(|c| u32::from(font.advance(font.glyph(c))))
            .sum();
        units as f32 * size / font.units_per_em
    }

    /// The face's TrueType file as embedded: the desktop app serves these
    /// same bytes to its preview, so the preview is set in the sheet's faces.
    pub fn ttf(self) -> &'static [u8] {
        match self {
            Face::Title => TITLE_TTF,
            Face::Body => BODY_TTF,
        }
    }

    /// Whether the face has a glyph for `c`.
    pub fn covers(self, c: char) -> bool {
        self.font().face.glyph_index(c).is_some()
    }
}

impl LoadedFont {
    /// The glyph drawn for `c`: .notdef (0) when the face has none.
    pub fn glyph(&self, c: char) -> u16 {
        self.face.glyph_index(c).map_or(0, |g| g.0)
    }

    /// A glyph's advance in font units (.notdef's for an unknown one).
    pub fn advance(&self, glyph: u16) -> u16 {
        self.face
            .glyph_hor_advance(ttf_parser::GlyphId(glyph))
            .unwrap_or(self.units_per_em as u16)
    }
}

/// Reads both faces' table directories now (benchmarks, start-up).
pub fn preload() {
    let _ = Face::Title.font();
    let _ = Face::Body.font();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_faces_parse_and_measure_cjk_as_one_em() {
        for face in [Face::Title, Face::Body] {
            assert!(face.covers('校'));
            assert!((face.width("校务公开", 10.0) - 40.0).abs() < 0.5);
            assert!(face.width("1", 10.0) < 10.0);
            assert!(face.font().postscript_name.starts_with("NotoSerifSC-"));
        }
    }
}
