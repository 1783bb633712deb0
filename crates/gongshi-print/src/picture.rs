//! Sheets as PNG pictures for a phone (the class WeChat group): drawn from
//! the very pages the PDF is written from — the same layout, line breaks,
//! tables, seal area and QR code — with the glyphs' own outlines from the
//! embedded faces. The privacy scan runs first, as for the PDF.

use std::collections::HashMap;

use tiny_skia::{
    BlendMode, FillRule, Paint, Path, PathBuilder, Pixmap, Rect, Stroke, StrokeDash, Transform,
};

use crate::fonts::Face;
use crate::layout::{Ink, Mark, Page};
use crate::pdf::pages;
use crate::sheet::Document;
use crate::{Allowlist, PrintError, privacy};

/// A phone screen's width: the default picture is this many pixels wide.
pub const PHONE_WIDTH: u32 = 1080;
/// The tallest picture made, in pixels (a phone or WeChat shrinks a
/// taller one to nothing; about 16 A4 pages at 1×, 8 at 2×); a longer
/// sheet is saved a page a picture.
pub const MOST_HEIGHT: u32 = 24_000;
/// The gray band between pages in one tall picture, in pixels at 1×.
const PAGE_GAP: u32 = 16;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PictureOptions {
    /// Pixels across at 1× (1080 for a phone).
    pub width: u32,
    /// 2 for print quality (2160 across for a phone's 1080).
    pub scale: u32,
    /// One tall picture of every page, or one picture a page.
    pub tall: bool,
}

impl Default for PictureOptions {
    fn default() -> Self {
        Self {
            width: PHONE_WIDTH,
            scale: 1,
            tall: false,
        }
    }
}

/// `doc` as PNG files: one a page, or one tall one. Refused like the PDF
/// when any text fails the privacy scan, and when one tall picture would
/// be taller than [`MOST_HEIGHT`].
pub fn render(
    doc: &Document,
    allow: &Allowlist,
    options: PictureOptions,
) -> Result<Vec<Vec<u8>>, PrintError> {
    privacy::check(doc, allow)?;
    let pages = pages(doc);
    let width = options.width.clamp(200, 4000) * options.scale.clamp(1, 3);
    let mut glyphs = Glyphs::default();
    let encode = |p: &Pixmap| {
        p.encode_png()
            .map_err(|e| PrintError::Picture(e.to_string()))
    };
    if options.tall && pages.len() > 1 {
        let tall = stack(&pages, width, options.scale, &mut glyphs)?;
        return Ok(vec![encode(&tall)?]);
    }
    // A page at a time: drawn, packed, let go (60 pages at 2× would be
    // 1.6 GB of pixels held at once).
    pages
        .iter()
        .map(|p| encode(&draw(p, width, &mut glyphs)?))
        .collect()
}

/// A page's height in pixels at `width` across.
fn pixel_height(page: &Page, width: u32) -> u32 {
    (page.height * width as f32 / page.width).round() as u32
}

/// The pages one under another, a gray band between them: the height is
/// checked before anything is drawn, and each page let go once placed.
fn stack(
    pages: &[Page],
    width: u32,
    scale: u32,
    glyphs: &mut Glyphs,
) -> Result<Pixmap, PrintError> {
    let gap = PAGE_GAP * scale;
    let height: u64 = pages
        .iter()
        .map(|p| u64::from(pixel_height(p, width)))
        .sum::<u64>()
        + u64::from(gap) * (pages.len() as u64 - 1);
    if height > u64::from(MOST_HEIGHT) {
        return Err(PrintError::TooTall { pages: pages.len() });
    }
    let mut out = blank(width, height as u32)?;
    out.fill(tiny_skia::Color::from_rgba8(0xd9, 0xd9, 0xd9, 0xff));
    let mut y = 0;
    for page in pages {
        let picture = draw(page, width, glyphs)?;
        out.draw_pixmap(
            0,
            y as i32,
            picture.as_ref(),
            &tiny_skia::PixmapPaint::default(),
            Transform::identity(),
            None,
        );
        y += picture.height() + gap;
    }
    Ok(out)
}

fn blank(width: u32, height: u32) -> Result<Pixmap, PrintError> {
    Pixmap::new(width, height).ok_or_else(|| PrintError::Picture(format!("{width}×{height}")))
}

/// Glyph outlines in font units, read once per picture set.
#[derive(Default)]
struct Glyphs(HashMap<(Face, u16), Option<Path>>);

impl Glyphs {
    fn outline(&mut self, face: Face, glyph: u16) -> Option<&Path> {
        self.0
            .entry((face, glyph))
            .or_insert_with(|| {
                let mut builder = Outline(PathBuilder::new());
                face.font()
                    .face
                    .outline_glyph(ttf_parser::GlyphId(glyph), &mut builder)?;
                builder.0.finish()
            })
            .as_ref()
    }
}

struct Outline(PathBuilder);

impl ttf_parser::OutlineBuilder for Outline {
    fn move_to(&mut self, x: f32, y: f32) {
        self.0.move_to(x, y);
    }
    fn line_to(&mut self, x: f32, y: f32) {
        self.0.line_to(x, y);
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        self.0.quad_to(x1, y1, x, y);
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        self.0.cubic_to(x1, y1, x2, y2, x, y);
    }
    fn close(&mut self) {
        self.0.close();
    }
}

fn rgb(ink: Ink) -> (u8, u8, u8) {
    match ink {
        Ink::Black => (0, 0, 0),
        Ink::Gray => (89, 89, 89),
        Ink::SealRed => (217, 64, 64),
    }
}

fn paint(rgb: (u8, u8, u8)) -> Paint<'static> {
    let mut paint = Paint::default();
    paint.set_color_rgba8(rgb.0, rgb.1, rgb.2, 0xff);
    paint
}

fn gray(level: f32) -> (u8, u8, u8) {
    let v = (level.clamp(0.0, 1.0) * 255.0).round() as u8;
    (v, v, v)
}

/// One page, `width` pixels across.
fn draw(page: &Page, width: u32, glyphs: &mut Glyphs) -> Result<Pixmap, PrintError> {
    let k = width as f32 / page.width;
    let height = pixel_height(page, width);
    let mut pixmap = blank(width, height)?;
    pixmap.fill(tiny_skia::Color::WHITE);
    let at = Transform::from_scale(k, k);
    for mark in &page.marks {
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
                let p = paint(rgb(*ink));
                text_run(
                    &mut pixmap,
                    glyphs,
                    (*face, *size, *spacing),
                    text,
                    &p,
                    |pen| at.pre_translate(x + pen, *baseline),
                );
            }
            Mark::Rule {
                from,
                to,
                width,
                dashed,
                ink,
            } => {
                let mut pb = PathBuilder::new();
                pb.move_to(from.0, from.1);
                pb.line_to(to.0, to.1);
                if let Some(path) = pb.finish() {
                    pixmap.stroke_path(
                        &path,
                        &paint(rgb(*ink)),
                        &stroke(*width, *dashed),
                        at,
                        None,
                    );
                }
            }
            Mark::Shade {
                x,
                y,
                w,
                h,
                gray: g,
            } => {
                // Crisp edges: a QR code's modules meet without seams.
                let mut p = paint(gray(*g));
                p.anti_alias = false;
                if let Some(rect) = Rect::from_xywh(*x, *y, *w, *h) {
                    pixmap.fill_rect(rect, &p, at, None);
                }
            }
            Mark::Circle {
                center,
                radius,
                dashed,
                ink,
            } => {
                if let Some(path) = PathBuilder::from_circle(center.0, center.1, *radius) {
                    pixmap.stroke_path(&path, &paint(rgb(*ink)), &stroke(1.0, *dashed), at, None);
                }
            }
            Mark::Watermark {
                x,
                baseline,
                angle,
                face,
                size,
                text,
                gray: g,
            } => {
                // Multiplied over the page, as in the PDF.
                let mut p = paint(gray(*g));
                p.blend_mode = BlendMode::Multiply;
                let turn = at
                    .pre_translate(*x, *baseline)
                    .pre_concat(Transform::from_rotate(-angle));
                text_run(&mut pixmap, glyphs, (*face, *size, 0.0), text, &p, |pen| {
                    turn.pre_translate(pen, 0.0)
                });
            }
        }
    }
    Ok(pixmap)
}

/// Fills `text`'s glyphs along its baseline; `place(pen)` is the transform
/// to the glyph's origin, `pen` points along the line.
fn text_run(
    pixmap: &mut Pixmap,
    glyphs: &mut Glyphs,
    (face, size, spacing): (Face, f32, f32),
    text: &str,
    paint: &Paint<'_>,
    place: impl Fn(f32) -> Transform,
) {
    let font = face.font();
    let s = size / font.units_per_em;
    let mut pen = 0.0;
    for c in text.chars() {
        let glyph = font.glyph(c);
        if let Some(path) = glyphs.outline(face, glyph) {
            // Font units rise upwards; the page's y runs down.
            let t = place(pen).pre_scale(s, -s);
            pixmap.fill_path(path, paint, FillRule::Winding, t, None);
        }
        pen += f32::from(font.advance(glyph)) * s + spacing;
    }
}

fn stroke(width: f32, dashed: bool) -> Stroke {
    Stroke {
        width,
        dash: dashed
            .then(|| StrokeDash::new(vec![4.0, 3.0], 0.0))
            .flatten(),
        ..Stroke::default()
    }
}
