//! The glyphs a document uses, per face, and the font objects written for
//! them at the end: a Type 0 font over a CID-keyed TrueType subset (only
//! the glyphs used, renumbered from 1), with widths and a ToUnicode map so
//! the text copies and searches as Chinese.

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Filter, Finish, Name, Pdf, Rect, Ref, Str};
use subsetter::GlyphRemapper;

use crate::fonts::Face;

const IDENTITY: SystemInfo = SystemInfo {
    registry: Str(b"Adobe"),
    ordering: Str(b"Identity"),
    supplement: 0,
};

/// One face's glyphs so far: old glyph id → CID (the subset's glyph id),
/// and the character each CID stands for.
pub struct GlyphUse {
    face: Face,
    remapper: GlyphRemapper,
    chars: Vec<Option<char>>,
    used: bool,
}

impl GlyphUse {
    pub fn new(face: Face) -> Self {
        Self {
            face,
            remapper: GlyphRemapper::new(),
            chars: vec![None],
            used: false,
        }
    }

    /// `text` as the two-byte CIDs shown with Identity-H, noting the glyphs.
    pub fn encode(&mut self, text: &str) -> Vec<u8> {
        let font = self.face.font();
        self.used = true;
        let mut out = Vec::with_capacity(text.len() / 3 * 2 + 2);
        for c in text.chars() {
            let cid = self.remapper.remap(font.glyph(c));
            let at = usize::from(cid);
            if at >= self.chars.len() {
                self.chars.resize(at + 1, None);
            }
            self.chars[at].get_or_insert(c);
            out.extend(cid.to_be_bytes());
        }
        out
    }

    pub fn is_used(&self) -> bool {
        self.used
    }

    /// Writes the Type 0 font `id` and what it needs (descendant, descriptor,
    /// subset file, ToUnicode), numbering them from `refs` on.
    pub fn write(&self, pdf: &mut Pdf, id: Ref, refs: &mut Ref) {
        let font = self.face.font();
        let scale = 1000.0 / font.units_per_em;
        let name = format!("{}+{}", self.tag(), font.postscript_name);
        let (cid_ref, descriptor_ref, file_ref, cmap_ref) =
            (refs.bump(), refs.bump(), refs.bump(), refs.bump());

        pdf.type0_font(id)
            .base_font(Name(name.as_bytes()))
            .encoding_predefined(Name(b"Identity-H"))
            .descendant_font(cid_ref)
            .to_unicode(cmap_ref);

        let widths: Vec<f32> = self
            .remapper
            .remapped_gids()
            .map(|old| f32::from(font.advance(old)) * scale)
            .collect();
        let mut cid = pdf.cid_font(cid_ref);
        cid.subtype(CidFontType::Type2)
            .base_font(Name(name.as_bytes()))
            .system_info(IDENTITY)
            .font_descriptor(descriptor_ref)
            .default_width(1000.0)
            .cid_to_gid_map_predefined(Name(b"Identity"));
        cid.widths().consecutive(0, widths);
        cid.finish();

        let face = &font.face;
        let b = face.global_bounding_box();
        let s = |v: i16| f32::from(v) * scale;
        pdf.font_descriptor(descriptor_ref)
            .name(Name(name.as_bytes()))
            .flags(FontFlags::SERIF | FontFlags::SYMBOLIC)
            .bbox(Rect::new(s(b.x_min), s(b.y_min), s(b.x_max), s(b.y_max)))
            .italic_angle(0.0)
            .ascent(s(face.ascender()))
            .descent(s(face.descender()))
            .cap_height(s(face.capital_height().unwrap_or(face.ascender())))
            .stem_v(80.0)
            .font_file2(file_ref);

        // A subset of our own embedded fonts: a test subsets both, so a
        // failure is a broken build.
        let subset = subsetter::subset(self.face.ttf(), 0, &self.remapper)
            .unwrap_or_else(|e| panic!("subsetting {name}: {e}"));
        pdf.stream(file_ref, &super::deflate(&subset))
            .filter(Filter::FlateDecode);

        let mut cmap = UnicodeCmap::new(Name(b"Custom"), IDENTITY);
        for (cid, c) in self.chars.iter().enumerate().skip(1) {
            if let Some(c) = c {
                cmap.pair(cid as u16, *c);
            }
        }
        pdf.cmap(cmap_ref, &super::deflate(&cmap.finish()))
            .filter(Filter::FlateDecode);
    }

    /// The six capitals before a subset's name (ABCDEF+…), from its glyphs:
    /// the same subset gets the same tag.
    fn tag(&self) -> String {
        let mut hash: u32 = 0x811c_9dc5;
        for gid in self.remapper.remapped_gids() {
            for byte in gid.to_le_bytes() {
                hash = (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193);
            }
        }
        (0..6)
            .map(|i| char::from(b'A' + ((hash >> (i * 5)) % 26) as u8))
            .collect()
    }
}
