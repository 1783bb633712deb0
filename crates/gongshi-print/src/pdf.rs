//! Writes laid-out pages as a PDF (pdf-writer): the two faces embedded
//! once as subsets of the glyphs used, text extractable in reading order,
//! real metadata dates. What the pages of a batch share (a letter's text
//! but for the name, class and slip) is drawn once, as a form XObject
//! (`shared`); a page adds only its own marks.

mod content;
mod embed;
mod shared;

use chrono::{Datelike, Timelike};
use pdf_writer::types::BlendMode;
use pdf_writer::{Date, Filter, Finish, Pdf, Rect, Ref, TextStr};

use crate::layout::{Mark, Page, layout};
use crate::sheet::Document;
use crate::{Allowlist, PrintError, privacy};
use content::{BODY_FONT, Glyphs, MULTIPLY, Painter, TITLE_FONT, shared_name};
use shared::{Parts, Shared};

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
    Ok(Writer::new(doc).write(doc, progress))
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

/// Compressed with zlib, as FlateDecode reads it. Level 6: a batch's
/// streams are small, and the font subsets gain from it.
fn deflate(bytes: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(bytes, 6)
}

/// One document being written: the objects so far, the glyphs used, the
/// page objects in order.
struct Writer {
    pdf: Pdf,
    /// The next free object number.
    refs: Ref,
    glyphs: Glyphs,
    pages: Vec<Ref>,
    shared: Parts,
    /// The form XObject of each shared part.
    shared_refs: Vec<Ref>,
}

/// The objects every document has, at fixed numbers.
const CATALOG: Ref = Ref::new(1);
const PAGE_TREE: Ref = Ref::new(2);
const INFO: Ref = Ref::new(3);
const TITLE_REF: Ref = Ref::new(4);
const BODY_REF: Ref = Ref::new(5);
/// The resources of every page: fonts, blending, the shared parts.
const RESOURCES: Ref = Ref::new(6);
/// The shared parts' own resources (fonts only).
const FONTS_ONLY: Ref = Ref::new(7);
const MULTIPLY_REF: Ref = Ref::new(8);
const FIRST_FREE: i32 = 9;

impl Writer {
    fn new(doc: &Document) -> Self {
        Self {
            pdf: Pdf::new(),
            refs: Ref::new(FIRST_FREE),
            glyphs: Glyphs::new(),
            pages: Vec::with_capacity(doc.sheets.len()),
            shared: Parts::default(),
            shared_refs: Vec::new(),
        }
    }

    fn bump(&mut self) -> Ref {
        self.refs.bump()
    }

    fn write(mut self, doc: &Document, progress: &mut dyn FnMut(usize, usize)) -> Vec<u8> {
        let total = doc.sheets.len();
        for (done, sheet) in doc.sheets.iter().enumerate() {
            for page in layout(sheet) {
                self.page(doc, done, &page);
            }
            progress(done + 1, total);
        }
        self.finish(doc)
    }

    fn write_shared(&mut self, part: usize) -> Ref {
        let id = self.bump();
        let shared: &Shared = &self.shared.parts[part];
        let mut painter = Painter::new(shared.height, &mut self.glyphs);
        for mark in &shared.marks {
            painter.mark(mark);
        }
        let content = deflate(&painter.finish());
        let mut form = self.pdf.form_xobject(id, &content);
        form.bbox(Rect::new(0.0, 0.0, shared.width, shared.height));
        form.filter(Filter::FlateDecode);
        form.pair(pdf_writer::Name(b"Resources"), FONTS_ONLY);
        form.finish();
        id
    }

    fn page(&mut self, doc: &Document, sheet: usize, page: &Page) {
        let own = self.shared.for_page(doc, sheet, page);
        if let Some((part, true, _)) = &own {
            let id = self.write_shared(*part);
            self.shared_refs.push(id);
        }
        let mut painter = Painter::new(page.height, &mut self.glyphs);
        match own {
            // Backgrounds of its own first, then the shared part, then the rest.
            Some((part, _, own)) => {
                let (shades, rest): (Vec<&Mark>, Vec<&Mark>) = own
                    .into_iter()
                    .partition(|m| matches!(m, Mark::Shade { .. }));
                shades.into_iter().for_each(|m| painter.mark(m));
                painter.shared(part);
                rest.into_iter().for_each(|m| painter.mark(m));
            }
            None => page.marks.iter().for_each(|m| painter.mark(m)),
        }
        let content = deflate(&painter.finish());
        let (page_ref, content_ref) = (self.bump(), self.bump());
        self.pdf
            .stream(content_ref, &content)
            .filter(Filter::FlateDecode);
        let mut p = self.pdf.page(page_ref);
        p.parent(PAGE_TREE)
            .media_box(Rect::new(0.0, 0.0, page.width, page.height))
            .contents(content_ref);
        p.pair(pdf_writer::Name(b"Resources"), RESOURCES);
        p.finish();
        self.pages.push(page_ref);
    }

    fn finish(mut self, doc: &Document) -> Vec<u8> {
        self.pdf.catalog(CATALOG).pages(PAGE_TREE);
        self.pdf
            .pages(PAGE_TREE)
            .kids(self.pages.iter().copied())
            .count(self.pages.len() as i32);
        set_metadata(&mut self.pdf, doc);

        let mut fonts = Vec::new();
        for (glyphs, name, id) in [
            (&self.glyphs.title, TITLE_FONT, TITLE_REF),
            (&self.glyphs.body, BODY_FONT, BODY_REF),
        ] {
            if glyphs.is_used() {
                glyphs.write(&mut self.pdf, id, &mut self.refs);
                fonts.push((name, id));
            }
        }
        let mut res = self
            .pdf
            .indirect(FONTS_ONLY)
            .start::<pdf_writer::writers::Resources>();
        res.fonts().pairs(fonts.iter().copied());
        res.finish();
        let mut res = self
            .pdf
            .indirect(RESOURCES)
            .start::<pdf_writer::writers::Resources>();
        res.fonts().pairs(fonts.iter().copied());
        res.ext_g_states().pair(MULTIPLY, MULTIPLY_REF);
        let names: Vec<String> = (0..self.shared_refs.len()).map(shared_name).collect();
        res.x_objects().pairs(
            names
                .iter()
                .map(|n| pdf_writer::Name(n.as_bytes()))
                .zip(self.shared_refs.iter().copied()),
        );
        res.finish();
        self.pdf
            .ext_graphics(MULTIPLY_REF)
            .blend_mode(BlendMode::Multiply);
        self.pdf.finish()
    }
}

fn set_metadata(pdf: &mut Pdf, doc: &Document) {
    let created = doc.created;
    let offset = created.offset().local_minus_utc();
    let when = Date::new(created.year() as u16)
        .month(created.month() as u8)
        .day(created.day() as u8)
        .hour(created.hour() as u8)
        .minute(created.minute() as u8)
        .second(created.second() as u8)
        .utc_offset_hour((offset / 3600) as i8)
        .utc_offset_minute(((offset.abs() % 3600) / 60) as u8);
    pdf.document_info(INFO)
        .title(TextStr(&doc.title))
        .author(TextStr(&doc.author))
        .creator(TextStr("公示 Gongshi"))
        .producer(TextStr("公示 Gongshi (pdf-writer)"))
        .subject(TextStr("校务公开"))
        .creation_date(when)
        .modified_date(when);
}
