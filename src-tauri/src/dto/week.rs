//! DTOs of the clerk's week: categories, items and revisions, the week
//! board, feedback, calendar days, and the sheet preview.

use std::collections::BTreeMap;

use gongshi_app::ItemRow;
use gongshi_app::board::WeekBoard;
use gongshi_app::domain::calendar::SpecialDay;
use gongshi_app::domain::category::{Category, FieldKind};
use gongshi_app::domain::feedback::Feedback;
use gongshi_app::domain::item::{ItemContent, ItemTable};
use gongshi_app::domain::revision::{Revision, Stamp};
use gongshi_app::domain::table::Context;
use gongshi_app::items::Saved;
use gongshi_app::print::fonts::Face;
use gongshi_app::print::layout::{Ink, Mark, Page};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::dto::table::TableSchemaDto;

use super::workflow::{ActionDto, StatusDto};

#[derive(Debug, Clone, Serialize, TS)]
pub struct FieldSpecDto {
    pub key: String,
    pub label: String,
    pub kind: FieldKindDto,
    /// Must be filled before review.
    pub required: bool,
    /// What a choice may be, in order (empty for any other kind).
    pub choices: Vec<String>,
}

/// What a category's field holds (the domain's `FieldKind`).
#[derive(Debug, Clone, Copy, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FieldKindDto {
    Text,
    Date,
    Number,
    /// Yuan, may be negative (a balance).
    Money,
    /// One of `choices`.
    Choice,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct CategoryDto {
    pub code: String,
    pub label: String,
    pub fields: Vec<FieldSpecDto>,
    pub has_table: bool,
    /// The table its sheet cannot go without (拟推荐人选名单…): submitting
    /// without it is refused; the editor says so before.
    pub required_table: Option<String>,
    /// The typed table's schema (财务收支, 采购, 学生资助): the editor's
    /// grid; null where the table is free.
    pub schema: Option<TableSchemaDto>,
    /// The body a new item starts with (师德承诺's pledges), to edit.
    pub default_body: Option<String>,
    /// Its items print a 签名表 (师德承诺).
    pub has_signing_sheet: bool,
    pub min_days: u32,
    /// Its items are voted by the staff congress (讨论稿 → 正式稿).
    pub voted_by_congress: bool,
}

pub fn category_dto(c: Category, min_days: u32, cx: &Context) -> CategoryDto {
    CategoryDto {
        code: c.code().into(),
        label: c.label().into(),
        fields: c
            .required_fields()
            .iter()
            .map(|f| FieldSpecDto {
                key: f.key.into(),
                label: f.label.into(),
                kind: match f.kind {
                    FieldKind::Text => FieldKindDto::Text,
                    FieldKind::Date => FieldKindDto::Date,
                    FieldKind::Number => FieldKindDto::Number,
                    FieldKind::Money => FieldKindDto::Money,
                    FieldKind::Choice(_) => FieldKindDto::Choice,
                },
                required: f.required,
                choices: match f.kind {
                    FieldKind::Choice(list) => list.iter().map(|c| (*c).to_owned()).collect(),
                    _ => Vec::new(),
                },
            })
            .collect(),
        has_table: c.has_table(),
        required_table: c.required_table().map(Into::into),
        schema: gongshi_app::domain::lines::schema(c, cx)
            .as_ref()
            .map(Into::into),
        default_body: c.default_body().map(Into::into),
        has_signing_sheet: c.has_signing_sheet(),
        min_days,
        voted_by_congress: c.voted_by_congress(),
    }
}

/// What the editor sends and shows.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ContentDto {
    pub title: String,
    pub body: String,
    pub fields: BTreeMap<String, String>,
    /// The table as rows of cells; the first row is the header. Empty: none.
    pub table: Vec<Vec<String>>,
    pub posting_days: u32,
    /// ISO date or null
    pub planned_start: Option<String>,
}

impl ContentDto {
    pub fn into_content(self) -> Result<ItemContent, gongshi_app::domain::FieldError> {
        let planned_start = match self.planned_start.as_deref().filter(|s| !s.is_empty()) {
            Some(s) => Some(parse_date("计划张贴日期", s)?),
            None => None,
        };
        let mut rows = self
            .table
            .into_iter()
            .filter(|r| r.iter().any(|c| !c.trim().is_empty()));
        let table = rows.next().map(|columns| ItemTable {
            columns,
            rows: rows.collect(),
        });
        Ok(ItemContent {
            title: self.title,
            body: self.body,
            fields: self.fields,
            table,
            posting_days: self.posting_days,
            planned_start,
        })
    }
}

impl From<&ItemContent> for ContentDto {
    fn from(c: &ItemContent) -> Self {
        let table = c
            .table
            .as_ref()
            .map(|t| {
                std::iter::once(t.columns.clone())
                    .chain(t.rows.iter().cloned())
                    .collect()
            })
            .unwrap_or_default();
        Self {
            title: c.title.clone(),
            body: c.body.clone(),
            fields: c.fields.clone(),
            table,
            posting_days: c.posting_days,
            planned_start: c.planned_start.map(|d| d.to_string()),
        }
    }
}

pub fn parse_date(
    field: &'static str,
    s: &str,
) -> Result<chrono::NaiveDate, gongshi_app::domain::FieldError> {
    if s.trim().is_empty() {
        return Err(gongshi_app::domain::FieldError::new(field, "请选择日期"));
    }
    s.trim().parse().map_err(|_| {
        gongshi_app::domain::FieldError::new(field, format!("“{s}”不是日期（例：2026-11-24）"))
    })
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct StampDto {
    pub by: String,
    pub on: String,
    pub note: String,
}

fn stamp(s: &Option<Stamp>) -> Option<StampDto> {
    s.as_ref().map(|s| StampDto {
        by: s.by.clone(),
        on: s.on.to_string(),
        note: s.note.clone(),
    })
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct RevisionDto {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub item_id: i64,
    pub category: String,
    pub category_label: String,
    pub number: u32,
    pub status: StatusDto,
    pub status_label: String,
    /// The steps it can take now, the usual next one first (the domain's
    /// workflow decides; the UI shows these buttons and no others).
    pub steps: Vec<ActionDto>,
    pub content: ContentDto,
    pub confidentiality: Option<StampDto>,
    pub signoff: Option<StampDto>,
    pub approved: Option<StampDto>,
    pub returned_reason: Option<String>,
    /// 公示期：…（N个工作日）
    pub period: Option<String>,
    pub taken_down_on: Option<String>,
    pub closure: Option<String>,
    /// Draft or returned: the editor may change it.
    pub editable: bool,
}

impl From<&Revision> for RevisionDto {
    fn from(r: &Revision) -> Self {
        Self {
            id: r.id,
            item_id: r.item_id,
            category: r.category.code().into(),
            category_label: r.category.label().into(),
            number: r.number,
            status: r.status.into(),
            status_label: r.status.label().into(),
            steps: ActionDto::steps(r.status),
            content: (&r.content).into(),
            confidentiality: stamp(&r.confidentiality),
            signoff: stamp(&r.signoff),
            approved: stamp(&r.approved),
            returned_reason: r.returned_reason.clone(),
            period: r.period.map(|p| p.to_string()),
            taken_down_on: r.taken_down_on.map(|d| d.to_string()),
            closure: r.closure.as_ref().map(|c| {
                let note = if c.note.is_empty() {
                    String::new()
                } else {
                    format!("：{}", c.note)
                };
                format!("{}（{}）{note}", c.result.label(), c.on)
            }),
            editable: !r.status.is_frozen(),
        }
    }
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct SavedDto {
    pub revision: RevisionDto,
    pub warnings: Vec<String>,
}

impl From<Saved> for SavedDto {
    fn from(s: Saved) -> Self {
        Self {
            revision: (&s.revision).into(),
            warnings: s.warnings,
        }
    }
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct ItemRowDto {
    #[ts(type = "number")]
    pub item_id: i64,
    pub number: u32,
    pub category_label: String,
    pub status: StatusDto,
    pub status_label: String,
    pub title: String,
    pub planned_start: Option<String>,
    pub posted_on: Option<String>,
    pub period_end: Option<String>,
}

impl From<&ItemRow> for ItemRowDto {
    fn from(r: &ItemRow) -> Self {
        Self {
            item_id: r.item_id,
            number: r.number,
            category_label: r.category.label().into(),
            status: r.status.into(),
            status_label: r.status.label().into(),
            title: r.title.clone(),
            planned_start: r.planned_start.map(|d| d.to_string()),
            posted_on: r.posted_on.map(|d| d.to_string()),
            period_end: r.period_end.map(|d| d.to_string()),
        }
    }
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct ItemFilterDto {
    pub category: Option<String>,
    pub status: Option<StatusDto>,
    pub text: Option<String>,
    /// ISO dates: items on the board at some day of this range.
    pub from: Option<String>,
    pub to: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct WeekBoardDto {
    pub monday: String,
    pub sunday: String,
    pub going_up: Vec<ItemRowDto>,
    pub coming_down: Vec<ItemRowDto>,
    pub on_board: Vec<ItemRowDto>,
    /// Overdue, one line each, in Chinese.
    pub overdue: Vec<String>,
}

impl From<&WeekBoard> for WeekBoardDto {
    fn from(w: &WeekBoard) -> Self {
        let rows = |rows: &[ItemRow]| rows.iter().map(Into::into).collect();
        let overdue = w
            .rows
            .not_posted
            .iter()
            .map(|r| format!("已批准未张贴：{}", r.title))
            .chain(
                w.rows
                    .not_closed
                    .iter()
                    .map(|r| format!("公示期满未撤下归档：{}", r.title)),
            )
            .chain(w.missing_regular.iter().cloned())
            .collect();
        Self {
            monday: w.monday.to_string(),
            sunday: w.sunday.to_string(),
            going_up: rows(&w.rows.going_up),
            coming_down: rows(&w.rows.coming_down),
            on_board: rows(&w.rows.on_board),
            overdue,
        }
    }
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct FeedbackDto {
    #[ts(type = "number")]
    pub id: i64,
    pub received_on: String,
    pub channel: String,
    #[ts(type = "number | null")]
    pub item_id: Option<i64>,
    pub content: String,
    pub is_objection: bool,
    pub answer: Option<String>,
    pub responder: Option<String>,
    pub answered_on: Option<String>,
    pub publish: bool,
    /// Taken at this meeting.
    #[ts(type = "number | null")]
    pub meeting_id: Option<i64>,
}

impl From<&Feedback> for FeedbackDto {
    fn from(f: &Feedback) -> Self {
        Self {
            id: f.id,
            received_on: f.received_on.to_string(),
            channel: f.channel.clone(),
            item_id: f.item_id,
            content: f.content.clone(),
            is_objection: f.is_objection,
            answer: f.answer.as_ref().map(|a| a.text.clone()),
            responder: f.answer.as_ref().map(|a| a.responder.clone()),
            answered_on: f.answer.as_ref().map(|a| a.answered_on.to_string()),
            publish: f.publish,
            meeting_id: f.meeting_id,
        }
    }
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct NewFeedbackDto {
    pub received_on: String,
    pub channel: String,
    #[ts(type = "number | null")]
    pub item_id: Option<i64>,
    pub content: String,
    pub is_objection: bool,
    /// Taken at this meeting.
    #[ts(type = "number | null")]
    pub meeting_id: Option<i64>,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct AnswerDto {
    #[ts(type = "number")]
    pub id: i64,
    pub text: String,
    pub responder: String,
    pub answered_on: String,
    pub publish: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct CalendarDayDto {
    pub date: String,
    pub name: String,
    pub off: bool,
}

impl From<&SpecialDay> for CalendarDayDto {
    fn from(d: &SpecialDay) -> Self {
        Self {
            date: d.date.to_string(),
            name: d.name.clone(),
            off: d.off,
        }
    }
}

/// One mark of a laid-out page, for the SVG preview. Coordinates in points
/// from the top-left; the preview is the printer's own layout.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum MarkDto {
    Text {
        x: f32,
        y: f32,
        size: f32,
        text: String,
        spacing: f32,
        heavy: bool,
        gray: bool,
        red: bool,
    },
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
        dashed: bool,
    },
    Shade {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        gray: f32,
    },
    Circle {
        cx: f32,
        cy: f32,
        r: f32,
    },
    /// "未批准 样稿" across a draft's page: from (x, y) rising at `angle`
    /// degrees; `gray` 0 black … 1 white.
    Watermark {
        x: f32,
        y: f32,
        angle: f32,
        size: f32,
        text: String,
        heavy: bool,
        gray: f32,
    },
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct PageDto {
    pub width: f32,
    pub height: f32,
    pub marks: Vec<MarkDto>,
}

impl From<&Page> for PageDto {
    fn from(p: &Page) -> Self {
        let marks = p
            .marks
            .iter()
            .map(|m| match m {
                Mark::Text {
                    x,
                    baseline,
                    face,
                    size,
                    text,
                    spacing,
                    ink,
                } => MarkDto::Text {
                    x: *x,
                    y: *baseline,
                    size: *size,
                    text: text.clone(),
                    spacing: *spacing,
                    heavy: *face == Face::Title,
                    gray: *ink == Ink::Gray,
                    red: *ink == Ink::SealRed,
                },
                Mark::Rule {
                    from,
                    to,
                    width,
                    dashed,
                    ..
                } => MarkDto::Line {
                    x1: from.0,
                    y1: from.1,
                    x2: to.0,
                    y2: to.1,
                    width: *width,
                    dashed: *dashed,
                },
                Mark::Shade { x, y, w, h, gray } => MarkDto::Shade {
                    x: *x,
                    y: *y,
                    w: *w,
                    h: *h,
                    gray: *gray,
                },
                Mark::Circle { center, radius, .. } => MarkDto::Circle {
                    cx: center.0,
                    cy: center.1,
                    r: *radius,
                },
                Mark::Watermark {
                    x,
                    baseline,
                    angle,
                    face,
                    size,
                    text,
                    gray,
                } => MarkDto::Watermark {
                    x: *x,
                    y: *baseline,
                    angle: *angle,
                    size: *size,
                    text: text.clone(),
                    heavy: *face == Face::Title,
                    gray: *gray,
                },
            })
            .collect();
        Self {
            width: p.width,
            height: p.height,
            marks,
        }
    }
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct PreviewDto {
    pub pages: Vec<PageDto>,
    /// Why this sheet would not print (privacy), if so.
    pub refused: Option<String>,
}

/// A job's preview: the laid-out pages and why they would be refused.
impl From<(Vec<Page>, Option<String>)> for PreviewDto {
    fn from((pages, refused): (Vec<Page>, Option<String>)) -> Self {
        Self {
            pages: pages.iter().map(PageDto::from).collect(),
            refused,
        }
    }
}

/// One workflow step, as the UI's action buttons send it.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum StepDto {
    Submit,
    Review {
        confidentiality: Option<String>,
        signoff: Option<String>,
        date: String,
        note: String,
    },
    Approve {
        by: String,
        date: String,
        note: String,
    },
    Return {
        reason: String,
    },
    Post {
        date: String,
    },
    TakeDown {
        date: String,
        /// Needed when the period has not ended; kept in the register.
        reason: String,
    },
    Close {
        no_objection: bool,
        date: String,
        note: String,
    },
    Revise,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct RegularDto {
    #[ts(type = "number")]
    pub id: i64,
    pub category: String,
    pub category_label: String,
    pub title: String,
    /// 每月, 每学期, 每年
    pub rhythm: String,
}

impl From<&gongshi_app::store::RegularDisclosure> for RegularDto {
    fn from(r: &gongshi_app::store::RegularDisclosure) -> Self {
        let rhythm = gongshi_app::settings::RHYTHMS
            .iter()
            .find(|(code, _)| *code == r.rhythm)
            .map_or(r.rhythm.as_str(), |(_, label)| *label);
        Self {
            id: r.id,
            category: r.category.code().into(),
            category_label: r.category.label().into(),
            title: r.title.clone(),
            rhythm: rhythm.into(),
        }
    }
}
