//! Writes laid-out pages as a PDF with printpdf: fonts embedded once as
//! subsets, text extractable in reading order, real metadata dates.

use chrono::{Datelike, Timelike};
use printpdf::{
    BlendMode, Color, DictItem, ExtendedGraphicsState, ExtendedGraphicsStateId, FontId, Greyscale,
    Line, LineDashPattern, LinePoint, Mm, Op, PaintMode, PdfDocument, PdfFontHandle, PdfPage,
    PdfSaveOptions, Point, Polygon, PolygonRing, Pt, Rect, Rgb, TextItem, TextMatrix, WindingOrder,
};

use crate::fonts::Face;
use crate::layout::{Ink, MM, Mark, Page, layout};
use crate::sheet::Document;
use crate::{Allowlist, PrintError, privacy};

/// Renders `doc` to PDF bytes. Refuses, writing nothing, when any text of
/// any sheet fails the privacy scan (phones in `allow` may print).
pub fn render(doc: &Document, allow: &Allowlist) -> Result<Vec<u8>, PrintError> {
    render_with_progress(doc, allow, &mut |_, _| {})
}

/// [`render`], calling `progress(done, total)` after each sheet is laid out
/// (for a progress bar over thousands of letters).
pub fn render_with_progress(
    doc: &Document,
    allow: &Allowlist,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Vec<u8>, PrintError> {
    privacy::check(doc, allow)?;
    let total = doc.sheets.len();
    let mut pdf = PdfDocument::new(&doc.title);
    set_metadata(&mut pdf, doc);
    let fonts = Fonts {
        title: pdf.add_font(&Face::Title.font().parsed),
        body: pdf.add_font(&Face::Body.font().parsed),
        // Only a document with a watermark carries its graphics state.
        multiply: doc
            .sheets
            .iter()
            .any(|s| s.watermark.is_some())
            .then(|| pdf.add_graphics_state(multiply())),
    };
    let mut pages: Vec<PdfPage> = Vec::new();
    for (done, sheet) in doc.sheets.iter().enumerate() {
        pages.extend(layout(sheet).iter().map(|page| to_pdf_page(page, &fonts)));
        progress(done + 1, total);
    }
    let mut warnings = Vec::new();
    Ok(pdf
        .with_pages(pages)
        .save(&PdfSaveOptions::default(), &mut warnings))
}

/// Lays out every sheet of `doc` without writing (for previews and tests).
pub fn pages(doc: &Document) -> Vec<Page> {
    doc.sheets.iter().flat_map(layout).collect()
}

/// What a preview shows: the pages as [`render`] would lay them out, and
/// why [`render`] would refuse them (the privacy scan), if it would.
pub fn preview(doc: &Document, allow: &Allowlist) -> (Vec<Page>, Option<String>) {
    let refused = privacy::check(doc, allow).err().map(|e| e.to_string());
    (pages(doc), refused)
}

/// What the pages refer to: the two faces, and the multiply blending of a
/// watermark.
struct Fonts {
    title: FontId,
    body: FontId,
    multiply: Option<ExtendedGraphicsStateId>,
}

fn multiply() -> ExtendedGraphicsState {
    let mut gs = ExtendedGraphicsState::default();
    gs.set_blend_mode(BlendMode::multiply());
    gs
}

impl Fonts {
    fn id(&self, face: Face) -> FontId {
        match face {
            Face::Title => self.title.clone(),
            Face::Body => self.body.clone(),
        }
    }
}

fn set_metadata(pdf: &mut PdfDocument, doc: &Document) {
    let info = &mut pdf.metadata.info;
    let created = doc.created;
    let offset = created.offset().local_minus_utc();
    let when = printpdf::date::OffsetDateTime::new_in_offset(
        printpdf::date::Date {
            year: created.year(),
            month: created.month() as u8,
            day: created.day() as u8,
        },
        printpdf::date::Time {
            hour: created.hour() as u8,
            minute: created.minute() as u8,
            second: created.second() as u8,
            millisecond: 0,
        },
        printpdf::date::Offset {
            hours: (offset / 3600) as i8,
            minutes: ((offset % 3600) / 60) as i8,
            seconds: 0,
            milliseconds: 0,
        },
    );
    info.creation_date = when;
    info.modification_date = when;
    info.metadata_date = when;
    info.author.clone_from(&doc.author);
    info.creator = "公示 Gongshi".into();
    info.producer = "公示 Gongshi (printpdf)".into();
    info.subject = "校务公开".into();
}

fn color(ink: Ink) -> Color {
    match ink {
        Ink::Black => Color::Greyscale(Greyscale::new(0.0, None)),
        Ink::Gray => Color::Greyscale(Greyscale::new(0.35, None)),
        Ink::SealRed => Color::Rgb(Rgb::new(0.85, 0.25, 0.25, None)),
    }
}

fn to_pdf_page(page: &Page, fonts: &Fonts) -> PdfPage {
    let h = page.height;
    let pt = |x: f32, y: f32| Point {
        x: Pt(x),
        y: Pt(h - y),
    };
    let mut ops = Vec::with_capacity(page.marks.len() * 3);
    // Text state carried between lines, so unchanged font, colour and
    // spacing are not set again (a batch of letters is mostly text).
    let mut state: Option<(Face, f32, Ink, f32)> = None;
    for mark in &page.marks {
        if !matches!(mark, Mark::Text { .. }) && state.take().is_some() {
            ops.push(Op::EndTextSection);
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
                let Some((cur_face, cur_size, cur_ink, cur_spacing)) = state else {
                    ops.push(Op::StartTextSection);
                    ops.push(Op::SetFillColor { col: color(*ink) });
                    ops.push(Op::SetFont {
                        font: PdfFontHandle::External(fonts.id(*face)),
                        size: Pt(*size),
                    });
                    ops.push(Op::SetCharacterSpacing {
                        multiplier: *spacing,
                    });
                    state = Some((*face, *size, *ink, *spacing));
                    ops.push(Op::SetTextMatrix {
                        matrix: TextMatrix::Translate(Pt(*x), Pt(h - baseline)),
                    });
                    ops.push(Op::ShowText {
                        items: vec![TextItem::Text(text.clone())],
                    });
                    continue;
                };
                if cur_ink != *ink {
                    ops.push(Op::SetFillColor { col: color(*ink) });
                }
                if cur_face != *face || cur_size != *size {
                    ops.push(Op::SetFont {
                        font: PdfFontHandle::External(fonts.id(*face)),
                        size: Pt(*size),
                    });
                }
                if cur_spacing != *spacing {
                    ops.push(Op::SetCharacterSpacing {
                        multiplier: *spacing,
                    });
                }
                state = Some((*face, *size, *ink, *spacing));
                ops.push(Op::SetTextMatrix {
                    matrix: TextMatrix::Translate(Pt(*x), Pt(h - baseline)),
                });
                ops.push(Op::ShowText {
                    items: vec![TextItem::Text(text.clone())],
                });
            }
            Mark::Rule {
                from,
                to,
                width,
                dashed,
                ink,
            } => {
                ops.push(Op::SetOutlineColor { col: color(*ink) });
                ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
                ops.push(Op::SetLineDashPattern {
                    dash: dash(*dashed),
                });
                ops.push(Op::DrawLine {
                    line: Line {
                        points: vec![
                            LinePoint {
                                p: pt(from.0, from.1),
                                bezier: false,
                            },
                            LinePoint {
                                p: pt(to.0, to.1),
                                bezier: false,
                            },
                        ],
                        is_closed: false,
                    },
                });
            }
            Mark::Shade {
                x,
                y,
                w,
                h: height,
                gray,
            } => {
                ops.push(Op::SetFillColor {
                    col: Color::Greyscale(Greyscale::new(*gray, None)),
                });
                ops.push(Op::DrawRectangle {
                    rectangle: Rect {
                        x: Pt(*x),
                        y: Pt(h - y - height),
                        width: Pt(*w),
                        height: Pt(*height),
                        mode: Some(PaintMode::Fill),
                        winding_order: None,
                    },
                });
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
                // A text section of its own, rotated about its start.
                // Readers split diagonal text glyph by glyph: the span's
                // ActualText gives it back whole (未批准 样稿, not 未/批/准…).
                let (sin, cos) = angle.to_radians().sin_cos();
                ops.push(Op::SaveGraphicsState);
                if let Some(gs) = &fonts.multiply {
                    ops.push(Op::LoadGraphicsState { gs: gs.clone() });
                }
                ops.push(Op::BeginMarkedContentWithProperties {
                    tag: "Span".into(),
                    properties: actual_text(text),
                });
                ops.push(Op::StartTextSection);
                ops.push(Op::SetFillColor {
                    col: Color::Greyscale(Greyscale::new(*gray, None)),
                });
                ops.push(Op::SetFont {
                    font: PdfFontHandle::External(fonts.id(*face)),
                    size: Pt(*size),
                });
                ops.push(Op::SetCharacterSpacing { multiplier: 0.0 });
                ops.push(Op::SetTextMatrix {
                    matrix: TextMatrix::Raw([cos, sin, -sin, cos, *x, h - baseline]),
                });
                ops.push(Op::ShowText {
                    items: vec![TextItem::Text(text.clone())],
                });
                ops.push(Op::EndTextSection);
                ops.push(Op::EndMarkedContent);
                ops.push(Op::RestoreGraphicsState);
            }
            Mark::Circle {
                center,
                radius,
                dashed,
                ink,
            } => {
                ops.push(Op::SetOutlineColor { col: color(*ink) });
                ops.push(Op::SetOutlineThickness { pt: Pt(1.0) });
                ops.push(Op::SetLineDashPattern {
                    dash: dash(*dashed),
                });
                ops.push(Op::DrawPolygon {
                    polygon: circle(pt(center.0, center.1), *radius),
                });
            }
        }
    }
    if state.is_some() {
        ops.push(Op::EndTextSection);
    }
    PdfPage::new(Mm(page.width / MM), Mm(page.height / MM), ops)
}

/// A marked-content property list `<< /ActualText (…) >>`: the text as a
/// PDF text string (UTF-16BE with its byte-order mark).
fn actual_text(text: &str) -> DictItem {
    let mut data = vec![0xFE, 0xFF];
    data.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    DictItem::Dict {
        map: [(
            "ActualText".to_owned(),
            DictItem::String {
                data,
                literal: false,
            },
        )]
        .into_iter()
        .collect(),
    }
}

fn dash(dashed: bool) -> LineDashPattern {
    if dashed {
        LineDashPattern::new(0.0, &[4.0, 3.0])
    } else {
        LineDashPattern::solid()
    }
}

/// A circle as four Bézier quarter arcs.
fn circle(c: Point, r: f32) -> Polygon {
    const K: f32 = 0.552_284_8;
    let (cx, cy) = (c.x.0, c.y.0);
    let p = |x: f32, y: f32, bezier: bool| LinePoint {
        p: Point { x: Pt(x), y: Pt(y) },
        bezier,
    };
    let k = K * r;
    let points = vec![
        p(cx + r, cy, false),
        p(cx + r, cy + k, true),
        p(cx + k, cy + r, true),
        p(cx, cy + r, false),
        p(cx - k, cy + r, true),
        p(cx - r, cy + k, true),
        p(cx - r, cy, false),
        p(cx - r, cy - k, true),
        p(cx - k, cy - r, true),
        p(cx, cy - r, false),
        p(cx + k, cy - r, true),
        p(cx + r, cy - k, true),
        p(cx + r, cy, false),
    ];
    Polygon {
        rings: vec![PolygonRing { points }],
        mode: PaintMode::Stroke,
        winding_order: WindingOrder::NonZero,
    }
}
