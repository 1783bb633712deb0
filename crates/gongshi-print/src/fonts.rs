//! The two faces every sheet uses, embedded in the binary and parsed once
//! per process. See assets/fonts/README.md.

use std::sync::LazyLock;

use printpdf::ParsedFont;

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

pub struct LoadedFont {
    pub parsed: ParsedFont,
    units_per_em: f32,
}

fn load(bytes: &[u8], name: &str) -> LoadedFont {
    // The fonts are part of the binary; a test parses them, so a failure
    // here is a broken build, not a user's problem.
    let parsed = ParsedFont::from_bytes(bytes, 0, &mut Vec::new())
        .unwrap_or_else(|| panic!("embedded font {name} does not parse"));
    let units_per_em = f32::from(parsed.font_metrics.units_per_em.max(1));
    LoadedFont {
        parsed,
        units_per_em,
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
        let units: u32 = text.chars().map(|c| font.advance(c)).sum();
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
        self.font().parsed.lookup_glyph_index(c as u32).is_some()
    }
}

impl LoadedFont {
    fn advance(&self, c: char) -> u32 {
        match self.parsed.lookup_glyph_index(c as u32) {
            Some(glyph) => u32::from(self.parsed.get_horizontal_advance(glyph)),
            // No glyph: the PDF shows .notdef, about one em wide.
            None => self.units_per_em as u32,
        }
    }
}

/// Parses both faces now (for benchmarks and start-up warm-up).
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
        }
    }
}
