//! The document model of a printed sheet. Domain code builds it; the
//! engine lays it out. All lengths are in millimetres.

use chrono::{DateTime, FixedOffset, NaiveDate};

/// One PDF: one or more sheets, each starting on a new page and numbered
/// on its own ("第 1 页 共 2 页"). A batch of letters is one document.
#[derive(Debug, Clone)]
pub struct Document {
    /// PDF metadata title.
    pub title: String,
    /// PDF metadata author: the school.
    pub author: String,
    /// When the document was made, with the local offset (PDF metadata;
    /// never 1970).
    pub created: DateTime<FixedOffset>,
    pub sheets: Vec<Sheet>,
}

#[derive(Debug, Clone)]
pub struct Sheet {
    pub paper: Paper,
    /// The running header of every page: the school's name, with 校务公开.
    pub school_name: String,
    /// Shown on the right of the running header (校务公开, 致家长的一封信…).
    pub header_label: String,
    pub title: String,
    /// A line under the title, e.g. （2026—2027学年第一学期）.
    pub subtitle: Option<String>,
    /// Set diagonally across every page in light gray, as if under the
    /// content ([`DRAFT`] for a sheet that must not be posted). Real text:
    /// it reads back from the PDF whole.
    pub watermark: Option<String>,
    pub blocks: Vec<Block>,
}

/// The watermark of a draft: printed for checking, never for posting.
pub const DRAFT: &str = "未批准 样稿";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Paper {
    pub size: PaperSize,
    pub orientation: Orientation,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PaperSize {
    #[default]
    A4,
    A3,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Orientation {
    #[default]
    Portrait,
    Landscape,
}

impl Paper {
    /// Width and height in millimetres.
    pub fn size_mm(self) -> (f32, f32) {
        let (w, h) = match self.size {
            PaperSize::A4 => (210.0, 297.0),
            PaperSize::A3 => (297.0, 420.0),
        };
        match self.orientation {
            Orientation::Portrait => (w, h),
            Orientation::Landscape => (h, w),
        }
    }
}

#[derive(Debug, Clone)]
pub enum Block {
    /// A section heading (一、收费项目).
    Heading(String),
    /// Body text: first line indented by two characters, justified.
    Paragraph(String),
    /// Body text without the first-line indent (salutations: 尊敬的家长：).
    PlainParagraph(String),
    /// Smaller text: notes, explanations.
    Note(String),
    /// "Key：value" lines; a long value wraps under itself.
    KeyValues(Vec<(String, String)>),
    Table(Table),
    /// Vertical space, in millimetres.
    Spacer(f32),
    /// The closing of a notice: posting period, feedback, issuer, date,
    /// signature and seal. Kept together on one page.
    Closing(Closing),
    /// A dashed cut line across the page with a label; what follows is the
    /// tear-off slip (回执).
    CutLine(String),
    /// A bar chart, drawn as vector marks with its labels as text.
    Chart(Chart),
}

/// A bar chart: one bar per label, its value printed over it, the title
/// under it (图1 …). Values are whole numbers (counts).
#[derive(Debug, Clone)]
pub struct Chart {
    pub title: String,
    pub bars: Vec<(String, i64)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Align {
    #[default]
    Left,
    Center,
    Right,
}

#[derive(Debug, Clone)]
pub struct Column {
    pub title: String,
    /// Relative width; the engine scales the weights to the page.
    pub weight: f32,
    pub align: Align,
}

impl Column {
    pub fn new(title: &str, weight: f32, align: Align) -> Self {
        Self {
            title: title.into(),
            weight,
            align,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Row {
    pub cells: Vec<String>,
    /// A totals row: shaded, and its first cell spans to the first
    /// non-empty cell.
    pub total: bool,
    /// The row is at least this many lines high (room to sign by hand).
    pub min_lines: usize,
}

impl Row {
    pub fn new(cells: Vec<String>) -> Self {
        Self {
            cells,
            total: false,
            min_lines: 1,
        }
    }

    pub fn total(cells: Vec<String>) -> Self {
        Self {
            total: true,
            ..Self::new(cells)
        }
    }

    /// A row `lines` lines high at least: a blank to sign in.
    pub fn tall(cells: Vec<String>, lines: usize) -> Self {
        Self {
            min_lines: lines,
            ..Self::new(cells)
        }
    }
}

/// A table whose rows never split; on every page it continues on, the
/// header row is repeated.
#[derive(Debug, Clone)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
}

#[derive(Debug, Clone, Default)]
pub struct Closing {
    /// 公示期：2026年9月28日至2026年10月9日（5个工作日）
    pub posting_period: Option<String>,
    /// How to give feedback: 意见箱, phones…, one line each.
    pub feedback: Vec<String>,
    /// The issuing office: 阳光市实验小学办公室.
    pub issuer: String,
    pub date: NaiveDate,
    /// A signature line with this label (负责人签字), if any.
    pub signature: Option<String>,
    /// Draw the seal area (盖章处) over the issuer and date.
    pub seal: bool,
    /// The 核验码 of a sheet printed for the board: set beside the seal
    /// area as a QR code and as text (核验码：…), so a copy can be held
    /// against the archived sheet. Generated, not typed: not scanned.
    pub verification: Option<String>,
}
