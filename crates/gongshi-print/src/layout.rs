//! Places a [`Sheet`]'s blocks on pages: text lines, rules, shading, the
//! seal circle, a watermark across the page. Coordinates are points from
//! the page's top-left corner; the PDF writer flips them. Tables break
//! between rows and repeat their header; a closing block is kept together.
//!
//! As official documents are set (GB/T 9704: when the space left cannot
//! hold the date and seal, adjust the spacing instead): a sheet that
//! nearly fits fewer pages is laid again with tighter line spacing and
//! gaps, within set limits, before a page is added; and the closing block
//! (period, date, issuer, seal) never stands alone on a page — the last
//! lines of the body go over with it.

use crate::dates::chinese_date;
use crate::fonts::Face;
use crate::sheet::{Align, Block, Closing, Row, Sheet, Table};
use crate::wrap::{Line, Measure, wrap};

/// Points per millimetre.
pub const MM: f32 = 72.0 / 25.4;

/// The side of a sheet's QR code on A4, in millimetres: a phone or a USB
/// scanner reads it at arm's length.
const QR_MM: f32 = 16.0;
/// What the text under the QR code starts with.
pub const VERIFY_LABEL: &str = "核验码：";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Ink {
    Black,
    Gray,
    /// For the seal area: the red of an official seal, faint.
    SealRed,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    /// A line of text; `baseline` from the top; `spacing` is extra space
    /// after each character (justification).
    Text {
        x: f32,
        baseline: f32,
        face: Face,
        size: f32,
        text: String,
        spacing: f32,
        ink: Ink,
    },
    Rule {
        from: (f32, f32),
        to: (f32, f32),
        width: f32,
        dashed: bool,
        ink: Ink,
    },
    /// A filled rectangle (table header and totals shading).
    Shade {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        gray: f32,
    },
    Circle {
        center: (f32, f32),
        radius: f32,
        dashed: bool,
        ink: Ink,
    },
    /// A line of text set diagonally across the page (未批准 样稿): it
    /// starts at `x`, `baseline` (from the top, as for [`Mark::Text`]) and
    /// rises to the right at `angle` degrees from the horizontal; `gray` is
    /// its fill (0 black, 1 white). The last mark of its page, printed over
    /// the rest with multiply blending, so it looks as if it lay under the
    /// text and the shading (a preview draws it so, or first).
    Watermark {
        x: f32,
        baseline: f32,
        angle: f32,
        face: Face,
        size: f32,
        text: String,
        gray: f32,
    },
}

#[derive(Debug, Clone)]
pub struct Page {
    pub width: f32,
    pub height: f32,
    pub marks: Vec<Mark>,
}

impl Page {
    /// The page's watermark, if it has one.
    pub fn watermark(&self) -> Option<&str> {
        self.marks.iter().find_map(|m| match m {
            Mark::Watermark { text, .. } => Some(text.as_str()),
            _ => None,
        })
    }

    /// The page's text, line by line, in reading order (for tests); not
    /// the watermark.
    pub fn text_lines(&self) -> Vec<&str> {
        self.marks
            .iter()
            .filter_map(|m| match m {
                Mark::Text { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect()
    }
}

/// Sizes in points, for A4; larger paper scales them (an A3 board sheet is
/// read from further away).
struct Style {
    scale: f32,
}

impl Style {
    fn title(&self) -> f32 {
        22.0 * self.scale
    }
    fn subtitle(&self) -> f32 {
        14.0 * self.scale
    }
    fn heading(&self) -> f32 {
        13.0 * self.scale
    }
    fn body(&self) -> f32 {
        12.0 * self.scale
    }
    fn note(&self) -> f32 {
        10.5 * self.scale
    }
    fn table(&self) -> f32 {
        10.5 * self.scale
    }
    fn running(&self) -> f32 {
        9.0 * self.scale
    }
    fn mm(&self, mm: f32) -> f32 {
        mm * MM * self.scale
    }
}

/// Line spacing and vertical gaps: the usual first, then tighter levels a
/// sheet may be set in to save a page (the last is the limit: still easy
/// to read on a board).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Spacing {
    /// Line height, in ems, of text.
    line: f32,
    /// Line height, in ems, in table cells.
    table_line: f32,
    /// Share of the usual gaps between blocks.
    gap: f32,
}

const SPACINGS: [Spacing; 4] = [
    Spacing {
        line: 1.55,
        table_line: 1.3,
        gap: 1.0,
    },
    Spacing {
        line: 1.46,
        table_line: 1.22,
        gap: 0.8,
    },
    Spacing {
        line: 1.38,
        table_line: 1.16,
        gap: 0.6,
    },
    Spacing {
        line: 1.32,
        table_line: 1.12,
        gap: 0.45,
    },
];

/// How many lines (or table rows) of the body go over with a closing block
/// that would otherwise stand alone on its page.
const CARRY: usize = 3;

struct Ctx<'a> {
    sheet: &'a Sheet,
    style: Style,
    width: f32,
    height: f32,
    left: f32,
    right: f32,
    top: f32,
    bottom: f32,
    y: f32,
    pages: Vec<Page>,
    spacing: Spacing,
    /// Body lines and table rows placed so far (the units a forced break
    /// counts in).
    units: usize,
    /// Start a new page before this unit (the lines that go over with the
    /// closing).
    break_at: Option<usize>,
    /// The next line belongs with what was just placed (a key and the
    /// first line of its value): no forced break before it.
    glued: bool,
    /// Units that are lines of a heading: a forced break goes before the
    /// heading rather than after it.
    heading_units: Vec<usize>,
    /// Units placed before the current page began.
    page_start_units: usize,
    /// Units placed before a closing block that stands on its page with
    /// fewer than [`CARRY`] lines of the body.
    closing_alone: Option<usize>,
}

/// Lays out one sheet; at least one page. Laid at the usual spacing; a
/// sheet of several pages is tried tighter, and the first level that saves
/// a page is taken; a closing block left alone on its page takes the body's
/// last lines with it.
pub fn layout(sheet: &Sheet) -> Vec<Page> {
    let mut laid = Ctx::run(sheet, SPACINGS[0], None);
    if laid.pages.len() > 1 {
        let tighter = SPACINGS[1..]
            .iter()
            .map(|s| Ctx::run(sheet, *s, None))
            .find(|t| t.pages.len() < laid.pages.len());
        if let Some(tighter) = tighter {
            laid = tighter;
        }
    }
    if let Some(before) = laid.closing_alone {
        let mut at = before.saturating_sub(CARRY);
        while at > 0 && laid.heading_units.contains(&(at - 1)) {
            at -= 1;
        }
        laid = Ctx::run(sheet, laid.spacing, Some(at));
    }
    laid.number_pages();
    if let Some(text) = &sheet.watermark {
        for page in &mut laid.pages {
            page.marks.push(watermark(text, page.width, page.height));
        }
    }
    laid.pages
}

impl<'a> Ctx<'a> {
    /// One pass over the sheet at `spacing`, breaking before unit
    /// `break_at` if given.
    fn run(sheet: &'a Sheet, spacing: Spacing, break_at: Option<usize>) -> Self {
        let (w_mm, h_mm) = sheet.paper.size_mm();
        let portrait_width = w_mm.min(h_mm);
        let style = Style {
            scale: portrait_width / 210.0,
        };
        let mut ctx = Ctx {
            sheet,
            width: w_mm * MM,
            height: h_mm * MM,
            left: style.mm(20.0),
            right: w_mm * MM - style.mm(20.0),
            top: style.mm(24.0),
            bottom: h_mm * MM - style.mm(20.0),
            y: 0.0,
            pages: Vec::new(),
            style,
            spacing,
            units: 0,
            break_at,
            glued: false,
            heading_units: Vec::new(),
            page_start_units: 0,
            closing_alone: None,
        };
        ctx.new_page();
        ctx.title();
        for block in &sheet.blocks {
            ctx.block(block);
        }
        ctx
    }

    /// A vertical gap of `mm` at the usual spacing, tightened with it.
    fn gap(&self, mm: f32) -> f32 {
        self.style.mm(mm) * self.spacing.gap
    }

    /// Counts a body unit about to be placed and starts a new page first
    /// when this is where the layout was asked to break.
    fn unit(&mut self) -> bool {
        if std::mem::take(&mut self.glued) {
            return false;
        }
        let n = self.units;
        self.units += 1;
        if self.break_at == Some(n) && self.y > self.top + 0.5 {
            self.new_page();
            return true;
        }
        false
    }

    fn measure(&self) -> f32 {
        self.right - self.left
    }

    fn page(&mut self) -> &mut Page {
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn new_page(&mut self) {
        self.pages.push(Page {
            width: self.width,
            height: self.height,
            marks: Vec::new(),
        });
        self.y = self.top;
        self.page_start_units = self.units;
        self.running_header();
    }

    /// School name left, the sheet's label right, a rule under them.
    fn running_header(&mut self) {
        let size = self.style.running();
        let baseline = self.top - self.style.mm(7.0);
        let label_width = Face::Body.width(&self.sheet.header_label, size);
        let (left, right) = (self.left, self.right);
        let school = self.sheet.school_name.clone();
        let label = self.sheet.header_label.clone();
        self.text_at(left, baseline, Face::Body, size, school, 0.0, Ink::Gray);
        self.text_at(
            right - label_width,
            baseline,
            Face::Body,
            size,
            label,
            0.0,
            Ink::Gray,
        );
        let rule_y = self.top - self.style.mm(5.0);
        self.rule((left, rule_y), (right, rule_y), 0.6, false, Ink::Gray);
    }

    /// Space left on this page.
    fn room(&self) -> f32 {
        self.bottom - self.y
    }

    /// Starts a new page unless `height` fits (or the page is still empty:
    /// something taller than a page is placed anyway, not looped on).
    fn ensure(&mut self, height: f32) {
        if height > self.room() && self.y > self.top + 0.5 {
            self.new_page();
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn text_at(
        &mut self,
        x: f32,
        baseline: f32,
        face: Face,
        size: f32,
        text: String,
        spacing: f32,
        ink: Ink,
    ) {
        self.page().marks.push(Mark::Text {
            x,
            baseline,
            face,
            size,
            text,
            spacing,
            ink,
        });
    }

    fn rule(&mut self, from: (f32, f32), to: (f32, f32), width: f32, dashed: bool, ink: Ink) {
        self.page().marks.push(Mark::Rule {
            from,
            to,
            width,
            dashed,
            ink,
        });
    }

    /// Places wrapped lines from the cursor, each line kept whole.
    fn lines(&mut self, lines: &[Line], face: Face, size: f32, x: f32, first_x: f32, align: Align) {
        let lh = size * self.spacing.line;
        let measure = self.measure();
        for (i, line) in lines.iter().enumerate() {
            self.unit();
            self.ensure(lh);
            let x0 = if i == 0 { first_x } else { x };
            let avail = self.right - x0;
            let (x, spacing) = place(line, x0, avail.min(measure), size, align);
            let baseline = self.y + baseline_offset(size, lh);
            self.text_at(
                x,
                baseline,
                face,
                size,
                line.text.clone(),
                spacing,
                Ink::Black,
            );
            self.y += lh;
        }
    }

    fn title(&mut self) {
        let size = self.style.title();
        let m = Measure::new(Face::Title, size, self.measure());
        let lines = wrap(&self.sheet.title, m);
        let left = self.left;
        self.lines(&lines, Face::Title, size, left, left, Align::Center);
        if let Some(sub) = self.sheet.subtitle.clone() {
            let size = self.style.subtitle();
            let lines = wrap(&sub, Measure::new(Face::Body, size, self.measure()));
            self.lines(&lines, Face::Body, size, left, left, Align::Center);
        }
        self.y += self.gap(3.0);
    }

    fn block(&mut self, block: &Block) {
        let left = self.left;
        match block {
            Block::Heading(text) => {
                let size = self.style.heading();
                self.y += self.gap(1.5);
                // Keep a heading with at least two lines of what follows.
                self.ensure(size * self.spacing.line * 3.0);
                let lines = wrap(text, Measure::new(Face::Title, size, self.measure()));
                let first = self.units;
                self.lines(&lines, Face::Title, size, left, left, Align::Left);
                self.heading_units.extend(first..self.units);
            }
            Block::Paragraph(text) => {
                let size = self.style.body();
                let indent = size * 2.0;
                let m = Measure {
                    face: Face::Body,
                    size,
                    first: self.measure() - indent,
                    rest: self.measure(),
                };
                let lines = wrap(text, m);
                self.lines(&lines, Face::Body, size, left, left + indent, Align::Left);
            }
            Block::PlainParagraph(text) => {
                let size = self.style.body();
                let lines = wrap(text, Measure::new(Face::Body, size, self.measure()));
                self.lines(&lines, Face::Body, size, left, left, Align::Left);
            }
            Block::Note(text) => {
                let size = self.style.note();
                let lines = wrap(text, Measure::new(Face::Body, size, self.measure()));
                self.lines(&lines, Face::Body, size, left, left, Align::Left);
            }
            Block::KeyValues(pairs) => self.key_values(pairs),
            Block::Table(table) => self.table(table),
            Block::Spacer(mm) => self.y += self.gap(*mm),
            Block::Closing(closing) => self.closing(closing),
            Block::CutLine(label) => self.cut_line(label),
            Block::Chart(chart) => self.chart(chart),
        }
    }

    fn key_values(&mut self, pairs: &[(String, String)]) {
        let size = self.style.body();
        for (key, value) in pairs {
            let key = format!("{key}：");
            let key_width = Face::Body.width(&key, size);
            let value_x = self.left + key_width;
            let lines = wrap(value, Measure::new(Face::Body, size, self.right - value_x));
            let lh = size * self.spacing.line;
            self.unit();
            self.ensure(lh);
            self.glued = true;
            let baseline = self.y + baseline_offset(size, lh);
            let left = self.left;
            self.text_at(left, baseline, Face::Body, size, key, 0.0, Ink::Black);
            self.lines(&lines, Face::Body, size, value_x, value_x, Align::Left);
        }
    }

    fn table(&mut self, table: &Table) {
        let size = self.style.table();
        let pad_x = self.style.mm(1.5);
        let widths = crate::columns::widths(table, self.measure(), size, pad_x);
        let pad_y = self.style.mm(1.0) * self.spacing.gap.max(0.6);
        let lh = size * self.spacing.table_line;
        let header: Vec<(String, f32, Align)> = table
            .columns
            .iter()
            .zip(&widths)
            .map(|(c, w)| (c.title.clone(), *w, Align::Center))
            .collect();
        let header = self.cells(&header, size, pad_x);
        let header_h = row_height(&header, lh, pad_y);
        self.y += self.gap(1.0);
        // A header alone at the foot of a page is no use: keep it with a row.
        self.ensure(header_h * 2.0);
        self.draw_row(&header, header_h, pad_x, pad_y, lh, Some(0.88), size);
        for row in &table.rows {
            let cells = self.row_cells(table, row, &widths);
            let laid = self.cells(&cells, size, pad_x);
            let h = row_height(&laid, lh, pad_y).max(row.min_lines as f32 * lh + 2.0 * pad_y);
            let forced = self.unit();
            if forced || h > self.room() {
                if !forced {
                    self.new_page();
                }
                self.draw_row(&header, header_h, pad_x, pad_y, lh, Some(0.88), size);
            }
            let shade = row.total.then_some(0.95);
            self.draw_row(&laid, h, pad_x, pad_y, lh, shade, size);
        }
        self.y += self.gap(2.0);
    }

    /// A row's cells with their widths; a totals row's first cell spans the
    /// empty cells after it.
    fn row_cells(&self, table: &Table, row: &Row, widths: &[f32]) -> Vec<(String, f32, Align)> {
        let mut cells = Vec::new();
        let mut i = 0;
        while i < table.columns.len() {
            let text = row.cells.get(i).cloned().unwrap_or_default();
            let mut width = widths[i];
            let mut align = table.columns[i].align;
            if row.total && i == 0 {
                align = Align::Center;
                while i + 1 < table.columns.len()
                    && row.cells.get(i + 1).is_none_or(|c| c.is_empty())
                {
                    i += 1;
                    width += widths[i];
                }
            }
            cells.push((text, width, align));
            i += 1;
        }
        cells
    }

    fn cells(&self, cells: &[(String, f32, Align)], size: f32, pad_x: f32) -> Vec<Cell> {
        cells
            .iter()
            .map(|(text, width, align)| Cell {
                lines: wrap(text, Measure::new(Face::Body, size, width - 2.0 * pad_x)),
                width: *width,
                align: *align,
            })
            .collect()
    }

    #[allow(clippy::too_many_arguments)]
    fn draw_row(
        &mut self,
        cells: &[Cell],
        h: f32,
        pad_x: f32,
        pad_y: f32,
        lh: f32,
        shade: Option<f32>,
        size: f32,
    ) {
        let top = self.y;
        let (left, right) = (self.left, self.right);
        if let Some(gray) = shade {
            self.page().marks.push(Mark::Shade {
                x: left,
                y: top,
                w: right - left,
                h,
                gray,
            });
        }
        let mut x = left;
        for cell in cells {
            let mut y = top + pad_y;
            for line in &cell.lines {
                let (tx, _) = place(line, x + pad_x, cell.width - 2.0 * pad_x, size, cell.align);
                let baseline = y + baseline_offset(size, lh);
                // Cells are not justified: a spread-out amount is hard to read.
                self.text_at(
                    tx,
                    baseline,
                    Face::Body,
                    size,
                    line.text.clone(),
                    0.0,
                    Ink::Black,
                );
                y += lh;
            }
            self.rule((x, top), (x, top + h), 0.5, false, Ink::Black);
            x += cell.width;
        }
        self.rule((right, top), (right, top + h), 0.5, false, Ink::Black);
        self.rule((left, top), (right, top), 0.5, false, Ink::Black);
        self.rule((left, top + h), (right, top + h), 0.5, false, Ink::Black);
        self.y = top + h;
    }

    fn closing(&mut self, c: &Closing) {
        let size = self.style.body();
        let lh = size * self.spacing.line;
        let m = Measure::new(Face::Body, size, self.measure());
        let mut left_lines: Vec<Line> = Vec::new();
        if let Some(p) = &c.posting_period {
            left_lines.extend(wrap(p, m));
        }
        for f in &c.feedback {
            left_lines.extend(wrap(f, m));
        }
        let date = chinese_date(c.date);
        let mut right_lines = Vec::new();
        if let Some(label) = &c.signature {
            right_lines.push(format!("{label}：＿＿＿＿＿＿"));
        }
        right_lines.push(c.issuer.clone());
        right_lines.push(date);
        let radius = self.style.mm(20.0);
        let block_h = right_lines.len() as f32 * lh;
        // Room above the issuer for the top of the seal circle.
        let gap = if c.seal {
            (radius - block_h / 2.0 + self.style.mm(2.0)).max(self.style.mm(6.0))
        } else {
            self.style.mm(6.0)
        };
        // The lower half of the seal may hang into the space below the date
        // (and the page's margin), as a stamp does.
        let height = left_lines.len() as f32 * lh + gap + block_h;
        self.y += self.gap(2.0);
        self.ensure(height);
        if self.pages.len() > 1 && self.units - self.page_start_units < CARRY {
            self.closing_alone = Some(self.units);
        }
        let left = self.left;
        for line in &left_lines {
            let baseline = self.y + baseline_offset(size, lh);
            self.text_at(
                left,
                baseline,
                Face::Body,
                size,
                line.text.clone(),
                0.0,
                Ink::Black,
            );
            self.y += lh;
        }
        self.y += gap;
        // The issuer block sits right, its lines centred on one another, as
        // a notice's 落款 is.
        let block_width = right_lines
            .iter()
            .map(|l| Face::Body.width(l, size))
            .fold(0.0, f32::max);
        let block_right = self.right - self.style.mm(8.0);
        let center_x = block_right - block_width / 2.0;
        let block_top = self.y;
        for text in right_lines {
            let w = Face::Body.width(&text, size);
            let baseline = self.y + baseline_offset(size, lh);
            self.text_at(
                center_x - w / 2.0,
                baseline,
                Face::Body,
                size,
                text,
                0.0,
                Ink::Black,
            );
            self.y += lh;
        }
        if c.seal {
            // The seal goes over the issuer and the date, as it is stamped.
            let center = (center_x, block_top + block_h / 2.0);
            self.page().marks.push(Mark::Circle {
                center,
                radius,
                dashed: true,
                ink: Ink::SealRed,
            });
            let label = "（盖章处）".to_owned();
            let small = self.style.note() * 0.85;
            let w = Face::Body.width(&label, small);
            let baseline = center.1 + radius - small * 1.2;
            self.text_at(
                center.0 - w / 2.0,
                baseline,
                Face::Body,
                small,
                label,
                0.0,
                Ink::SealRed,
            );
            self.y = self.y.max(center.1 + radius);
        }
        if let Some(code) = &c.verification {
            let middle = block_top + block_h / 2.0;
            self.verification(code, middle);
        }
    }

    /// The 核验码 at the left of the closing, level with the seal: its QR
    /// code centred on `middle`, the code in text under it.
    fn verification(&mut self, code: &str, middle: f32) {
        let Some((modules, runs)) = crate::qr::runs(code) else {
            return;
        };
        let side = self.style.mm(QR_MM);
        let module = side / modules as f32;
        let (left, top) = (self.left, middle - side / 2.0);
        let marks = &mut self.page().marks;
        marks.extend(runs.into_iter().map(|(row, col, len)| Mark::Shade {
            x: left + col as f32 * module,
            y: top + row as f32 * module,
            w: len as f32 * module,
            h: module,
            gray: 0.0,
        }));
        let small = self.style.note() * 0.85;
        let baseline = top + side + small * 1.6;
        self.text_at(
            left,
            baseline,
            Face::Body,
            small,
            format!("{VERIFY_LABEL}{code}"),
            0.0,
            Ink::Black,
        );
        self.y = self.y.max(baseline + small * 0.5);
    }

    /// A bar chart kept whole on a page: a unit, like a table row.
    fn chart(&mut self, chart: &crate::sheet::Chart) {
        let size = self.style.note();
        let height = crate::chart::height(self.style.mm(1.0), size);
        self.y += self.gap(2.0);
        self.unit();
        self.ensure(height);
        let (left, top, width) = (self.left, self.y, self.measure());
        let marks = crate::chart::marks(chart, left, top, width, self.style.mm(1.0), size);
        self.page().marks.extend(marks);
        self.y += height + self.gap(2.0);
    }

    fn cut_line(&mut self, label: &str) {
        let size = self.style.note();
        self.y += self.gap(5.0);
        self.ensure(size * 3.0);
        let label = format!(" {label} ");
        let w = Face::Body.width(&label, size);
        let mid = (self.left + self.right) / 2.0;
        let line_y = self.y + size * 0.6;
        let (left, right) = (self.left, self.right);
        self.rule(
            (left, line_y),
            (mid - w / 2.0, line_y),
            0.6,
            true,
            Ink::Black,
        );
        self.rule(
            (mid + w / 2.0, line_y),
            (right, line_y),
            0.6,
            true,
            Ink::Black,
        );
        self.text_at(
            mid - w / 2.0,
            self.y + size,
            Face::Body,
            size,
            label,
            0.0,
            Ink::Gray,
        );
        self.y += size * 2.2;
    }

    /// "第 N 页 共 M 页" at the foot of every page of this sheet.
    fn number_pages(&mut self) {
        let total = self.pages.len();
        let size = self.style.running();
        let baseline = self.height - self.style.mm(10.0);
        for (i, page) in self.pages.iter_mut().enumerate() {
            let text = format!("第 {} 页 共 {} 页", i + 1, total);
            let w = Face::Body.width(&text, size);
            page.marks.push(Mark::Text {
                x: (page.width - w) / 2.0,
                baseline,
                face: Face::Body,
                size,
                text,
                spacing: 0.0,
                ink: Ink::Gray,
            });
        }
    }
}

/// The watermark's gray: light enough to read the sheet through.
const WATERMARK_GRAY: f32 = 0.85;

/// `text` along the page's rising diagonal, centred on the page, as wide as
/// about half the diagonal (never taller than a tenth of it).
fn watermark(text: &str, width: f32, height: f32) -> Mark {
    let diagonal = width.hypot(height);
    let face = Face::Title;
    let em = face.width(text, 1.0).max(1.0);
    let size = (diagonal * 0.55 / em).min(diagonal / 10.0);
    let run = em * size;
    let angle = height.atan2(width);
    let (sin, cos) = angle.sin_cos();
    // Centre the glyphs' middle (0.38 em above the baseline) on the page's:
    // back half the run along the baseline, down 0.38 em across it (y runs
    // down the page).
    let (cx, cy) = (width / 2.0, height / 2.0);
    let lift = size * 0.38;
    Mark::Watermark {
        x: cx - run / 2.0 * cos + lift * sin,
        baseline: cy + run / 2.0 * sin + lift * cos,
        angle: angle.to_degrees(),
        face,
        size,
        text: text.to_owned(),
        gray: WATERMARK_GRAY,
    }
}

struct Cell {
    lines: Vec<Line>,
    width: f32,
    align: Align,
}

fn row_height(cells: &[Cell], lh: f32, pad_y: f32) -> f32 {
    let lines = cells
        .iter()
        .map(|c| c.lines.len())
        .max()
        .unwrap_or(1)
        .max(1);
    lines as f32 * lh + 2.0 * pad_y
}

/// Where a line starts and how much extra space follows each character.
fn place(line: &Line, x: f32, avail: f32, size: f32, align: Align) -> (f32, f32) {
    match align {
        Align::Left => {
            let n = line.text.chars().count();
            let spare = avail - line.width;
            let spacing = if line.justify && n > 1 && spare > 0.0 {
                spare / (n - 1) as f32
            } else {
                0.0
            };
            // A line broken early (a long unbreakable run follows) is not
            // stretched into gaps.
            (x, if spacing > size * 0.5 { 0.0 } else { spacing })
        }
        Align::Center => (x + (avail - line.width) / 2.0, 0.0),
        Align::Right => (x + avail - line.width, 0.0),
    }
}

/// From the top of a line box to the baseline: centre the em box in the
/// line, with the baseline at 0.88 em (Noto's ascent).
fn baseline_offset(size: f32, line_height: f32) -> f32 {
    (line_height - size) / 2.0 + size * 0.88
}
