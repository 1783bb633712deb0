//! A record's content: a posted revision, an early take-down, a fee
//! schedule as published, a year's report figures. Its stored and sent
//! form is explicit and versioned (`{"v":1,"kind":"posting",…}`): the
//! chain seals these exact bytes, and a server refuses a newer version it
//! cannot read rather than guessing.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::FieldError;
use crate::category::Category;

/// The version of the form written now.
pub const VERSION: u32 = 1;

/// Bounds a record's numbers are held to (far above any school's).
const MAX_ID: i64 = 1_000_000_000;
const MAX_REVISION: u32 = 10_000;
/// 10万元 a student a semester.
const MAX_FEN: i64 = 10_000_000;

fn not_longer(field: &'static str, text: &str, max: usize) -> Result<(), FieldError> {
    if text.chars().count() > max {
        return Err(FieldError::new(field, format!("超过{max}字")));
    }
    Ok(())
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Body {
    Posting(Posting),
    TakenDown(TakenDown),
    FeeSchedule(FeeSchedule),
    AnnualReport(AnnualReport),
}

/// A revision as it went on the board: the public sheet's text, never an
/// internal list or who signed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Posting {
    pub item: i64,
    pub revision: u32,
    /// The category's code (`finance`…).
    pub category: String,
    pub title: String,
    /// The public sheet's text, line by line as printed.
    pub text: String,
    pub posted_on: NaiveDate,
    pub period_end: NaiveDate,
    /// The archived PDF's SHA-256 (hex), when the sheet was printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pdf_sha256: Option<String>,
    /// The month a finance statement reports on (2026-10), when its 收支期间
    /// or title names one: the bureau's monthly check counts it there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub month: Option<String>,
}

/// A sheet taken down before its period ended, and why (the reason is on
/// the public record already: it is printed on the correction).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TakenDown {
    pub item: i64,
    pub revision: u32,
    pub on: NaiveDate,
    pub reason: String,
}

/// A fee schedule as its board was printed: per student, per grade.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeeSchedule {
    pub schedule: i64,
    /// 2026—2027学年第一学期, 2026年秋季学期.
    pub semester: String,
    pub published_on: NaiveDate,
    pub grades: Vec<GradeFee>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pdf_sha256: Option<String>,
}

/// One grade's total for a student, in fen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GradeFee {
    /// 1–12 (一年级 … 高三).
    pub grade: u8,
    pub required_fen: i64,
    pub voluntary_fen: i64,
}

/// A year's report, printed: its figures as counts, never names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnnualReport {
    pub year: i32,
    pub printed_on: NaiveDate,
    /// Postings in the year (corrections included).
    pub postings: u32,
    pub feedback: u32,
    pub objections: u32,
    pub answered: u32,
    pub pdf_sha256: String,
}

#[derive(Serialize)]
struct Out<'a> {
    v: u32,
    #[serde(flatten)]
    body: &'a Body,
}

#[derive(Deserialize)]
struct In {
    #[serde(default = "one")]
    v: u32,
    #[serde(flatten)]
    body: Body,
}

fn one() -> u32 {
    1
}

impl Body {
    /// The form the chain seals and the server receives.
    pub fn to_form(&self) -> String {
        serde_json::to_string(&Out {
            v: VERSION,
            body: self,
        })
        .unwrap_or_default()
    }

    /// Reads a record's form; a newer version or a bad field is refused.
    pub fn from_form(text: &str) -> Result<Self, FieldError> {
        let read: In = serde_json::from_str(text)
            .map_err(|e| FieldError::new("记录内容", format!("无法读取：{e}")))?;
        if read.v > VERSION {
            return Err(FieldError::new(
                "记录内容",
                format!("第{}版的记录，本程序只认第{VERSION}版：请升级", read.v),
            ));
        }
        read.body.check()?;
        Ok(read.body)
    }

    fn check(&self) -> Result<(), FieldError> {
        let (item, revision) = match self {
            Body::Posting(p) => (p.item, p.revision),
            Body::TakenDown(t) => (t.item, t.revision),
            Body::FeeSchedule(f) => (f.schedule, 1),
            Body::AnnualReport(_) => (1, 1),
        };
        if !(1..=MAX_ID).contains(&item) || !(1..=MAX_REVISION).contains(&revision) {
            return Err(FieldError::new("事项", "事项编号或版本超出范围"));
        }
        match self {
            Body::Posting(p) => {
                if Category::from_code(&p.category).is_none() {
                    return Err(FieldError::new(
                        "类别",
                        format!("没有“{}”这个类别", p.category),
                    ));
                }
                not_longer("标题", &p.title, 200)?;
                not_longer("内容", &p.text, 200_000)?;
                if p.period_end < p.posted_on {
                    return Err(FieldError::new("公示期", "结束日早于张贴日"));
                }
                if p.month
                    .as_deref()
                    .is_some_and(|m| super::due::month_start(m).is_none())
                {
                    return Err(FieldError::new("月份", "应为 2026-10 这样的年月"));
                }
            }
            Body::FeeSchedule(f) => {
                crate::fee::semester("学期", &f.semester)?;
                if let Some(g) = f.grades.iter().find(|g| !(1..=12).contains(&g.grade)) {
                    return Err(FieldError::new("年级", format!("没有第{}年级", g.grade)));
                }
                let mut grades: Vec<u8> = f.grades.iter().map(|g| g.grade).collect();
                grades.sort_unstable();
                if grades.windows(2).any(|w| w[0] == w[1]) {
                    return Err(FieldError::new("年级", "同一年级列了两次"));
                }
                let fen = |v: i64| (0..=MAX_FEN).contains(&v);
                if !f
                    .grades
                    .iter()
                    .all(|g| fen(g.required_fen) && fen(g.voluntary_fen))
                {
                    return Err(FieldError::new("金额", "每生收费应在0至10万元之间"));
                }
            }
            Body::TakenDown(t) => not_longer("撤下原因", &t.reason, 500)?,
            Body::AnnualReport(_) => {}
        }
        Ok(())
    }

    /// 张贴, 撤下, 收费公示, 年度报告.
    pub fn label(&self) -> &'static str {
        match self {
            Body::Posting(_) => "张贴",
            Body::TakenDown(_) => "撤下",
            Body::FeeSchedule(_) => "收费公示",
            Body::AnnualReport(_) => "年度报告",
        }
    }

    /// What the record is of, once per school: the same posting sent
    /// twice (a reprint, a retry) is the same subject.
    pub fn subject(&self) -> String {
        match self {
            Body::Posting(p) => format!("posting:{}:{}", p.item, p.revision),
            Body::TakenDown(t) => format!("taken_down:{}:{}", t.item, t.revision),
            // Printed again, it is the same publication (an approved
            // schedule is frozen).
            Body::FeeSchedule(f) => format!("fees:{}", f.schedule),
            // Printed again with the same figures, the same report.
            Body::AnnualReport(a) => format!(
                "annual:{}:{}:{}:{}:{}",
                a.year, a.postings, a.feedback, a.objections, a.answered
            ),
        }
    }
}
