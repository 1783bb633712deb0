//! Laid-out marks as PDF content operators. Coordinates arrive in points
//! from the page's top-left corner and leave flipped (PDF's origin is the
//! bottom-left).

use pdf_writer::{Content, Name, Str, TextStr};

use super::embed::GlyphUse;
use crate::fonts::Face;
use crate::layout::{Ink, Mark};

/// Resource names every content stream uses: the two faces, the multiply
/// blending of a watermark, the shared part of a batch's pages.
pub const TITLE_FONT: Name<'static> = Name(b"F0");
pub const BODY_FONT: Name<'static> = Name(b"F1");
pub const MULTIPLY: Name<'static> = Name(b"GM");

/// The resource name of a batch's shared part `i` (T0, T1…).
pub fn shared_name(i: usize) -> String {
    format!("T{i}")
}

/// What the content streams of one document refer to.
pub struct Glyphs {
    pub title: GlyphUse,
    pub body: GlyphUse,
}

impl Glyphs {
    pub fn new() -> Self {
        Self {
            title: GlyphUse::new(Face::Title),
            body: GlyphUse::new(Face::Body),
        }
    }

    fn of(&mut self, face: Face) -> (&mut GlyphUse, Name<'static>) {
        match face {
            Face::Title => (&mut self.title, TITLE_FONT),
            Face::Body => (&mut self.body, BODY_FONT),
        }
    }
}

/// Writes marks into one content stream, setting the text state only when
/// it changes (a batch of letters is mostly text).
pub struct Painter<'a> {
    pub content: Content,
    height: f32,
    glyphs: &'a mut Glyphs,
    /// (face, size, ink, spacing) inside the open text object.
    text: Option<(Face, f32, Ink, f32)>,
}

impl<'a> Painter<'a> {
    pub fn new(height: f32, glyphs: &'a mut Glyphs) -> Self {
        Self {
            content: Content::new(),
            height,
            glyphs,
            text: None,
        }
    }

    pub fn finish(mut self) -> Vec<u8> {
        self.end_text();
        self.content.finish().into_vec()
    }

    fn end_text(&mut self) {
        if self.text.take().is_some() {
            self.content.end_text();
        }
    }

    /// Draws shared part `i` of a batch's pages (a form XObject).
    pub fn shared(&mut self, i: usize) {
        self.end_text();
        self.content.x_object(Name(shared_name(i).as_bytes()));
    }

    pub fn mark(&mut self, mark: &Mark) {
        let h = self.height;
        if !matches!(mark, Mark::Text { .. }) {
            self.end_text();
        }
        match mark {
            Mark::Text {
                x,
                baseline,
                face,
                size,
                text,
                spacing,
                ink,
            } => {
                let wanted = (*face, *size, *ink, *spacing);
                let was = self.text;
                if was.is_none() {
                    self.content.begin_text();
                }
                if was.map(|w| w.2) != Some(*ink) {
                    fill(&mut self.content, *ink);
                }
                if was.map(|w| (w.0, w.1)) != Some((*face, *size)) {
                    self.content.set_font(self.glyphs.of(*face).1, *size);
                }
                if was.map(|w| w.3) != Some(*spacing) {
                    self.content.set_char_spacing(*spacing);
                }
                self.text = Some(wanted);
                let cids = self.glyphs.of(*face).0.encode(text);
                self.content
                    .set_text_matrix([1.0, 0.0, 0.0, 1.0, *x, h - baseline]);
                self.content.show(Str(&cids));
            }
            Mark::Rule {
                from,
                to,
                width,
                dashed,
                ink,
            } => {
                stroke(&mut self.content, *ink);
                self.content.set_line_width(*width);
                dash(&mut self.content, *dashed);
                self.content.move_to(from.0, h - from.1);
                self.content.line_to(to.0, h - to.1);
                self.content.stroke();
            }
            Mark::Shade {
                x,
                y,
                w,
                h: height,
                gray,
            } => {
                self.content.set_fill_gray(*gray);
                self.content.rect(*x, h - y - height, *w, *height);
                self.content.fill_nonzero();
            }
            Mark::Circle {
                center,
                radius,
                dashed,
                ink,
            } => {
                stroke(&mut self.content, *ink);
                self.content.set_line_width(1.0);
                dash(&mut self.content, *dashed);
                circle(&mut self.content, center.0, h - center.1, *radius);
                self.content.stroke();
            }
            Mark::Watermark {
                x,
                baseline,
                angle,
                face,
                size,
                text,
                gray,
            } => {
                // Over the page, multiplied: black stays black, the
                // shading darkens a little, as if the mark lay under them.
                // Readers split diagonal text glyph by glyph: the span's
                // ActualText gives it back whole (未批准 样稿, not 未/批/准…).
                let (sin, cos) = angle.to_radians().sin_cos();
                let c = &mut self.content;
                c.save_state();
                c.set_parameters(MULTIPLY);
                c.begin_marked_content_with_properties(Name(b"Span"))
                    .properties()
                    .actual_text(TextStr(text));
                c.begin_text();
                c.set_fill_gray(*gray);
                let (glyphs, font) = self.glyphs.of(*face);
                c.set_font(font, *size);
                c.set_char_spacing(0.0);
                c.set_text_matrix([cos, sin, -sin, cos, *x, h - baseline]);
                c.show(Str(&glyphs.encode(text)));
                c.end_text();
                c.end_marked_content();
                c.restore_state();
            }
        }
    }
}

fn fill(content: &mut Content, ink: Ink) {
    match ink {
        Ink::Black => content.set_fill_gray(0.0),
        Ink::Gray => content.set_fill_gray(0.35),
        Ink::SealRed => content.set_fill_rgb(0.85, 0.25, 0.25),
    };
}

fn stroke(content: &mut Content, ink: Ink) {
    match ink {
        Ink::Black => content.set_stroke_gray(0.0),
        Ink::Gray => content.set_stroke_gray(0.35),
        Ink::SealRed => content.set_stroke_rgb(0.85, 0.25, 0.25),
    };
}

fn dash(content: &mut Content, dashed: bool) {
    if dashed {
        content.set_dash_pattern([4.0, 3.0], 0.0);
    } else {
        content.set_dash_pattern([], 0.0);
    }
}

/// A circle as four Bézier quarter arcs.
fn circle(content: &mut Content, cx: f32, cy: f32, r: f32) {
    const K: f32 = 0.552_284_8;
    let k = K * r;
    content.move_to(cx + r, cy);
    content.cubic_to(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
    content.cubic_to(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
    content.cubic_to(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
    content.cubic_to(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
}
