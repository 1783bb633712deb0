//! The annual report's figures, computed from a year's record: what was
//! posted (by category, by month, by form), the periods kept, feedback and
//! objections, fees, evaluations, finance, purchases, subsidies (counts
//! and amounts, never names) and meetings. Each table of the report is
//! declared here once, with its columns; the PDF, the workbook and the
//! screen all print these tables, and the draft text reads these numbers.

use chrono::{Datelike, NaiveDate};

use super::feedback_log::days_to_answer;
use super::register::Posting;
use super::{Cell, CellKind, DateRange, Form, RecordColumn, column};
use crate::category::Category;
use crate::feedback::{CHANNELS, Feedback};
use crate::lines::procurement::{self, Purchase};
use crate::lines::subsidy::Grant;
use crate::meeting::MeetingKind;
use crate::money::Fen;
use crate::revision::CloseResult;

/// What the jobs gather from the store for a year.
#[derive(Debug, Clone)]
pub struct YearRecord {
    pub range: DateRange,
    /// The register's rows for the range.
    pub postings: Vec<Posting>,
    /// Feedback received in the range, with the title of its item.
    pub feedback: Vec<(Feedback, Option<String>)>,
    /// Items announced at meetings held in the range.
    pub announced: usize,
    /// Letters to parents printed in the range: batches and copies.
    pub letters: Outreach,
    /// Text messages made in the range.
    pub messages: Outreach,
    pub fees: Vec<FeeSchedule>,
    pub rounds: Vec<RoundHeld>,
    pub statements: Vec<StatementPosted>,
    pub purchases: Vec<Purchase>,
    /// The grants of the subsidy lists posted, with their project.
    pub grants: Vec<Grant>,
    pub meetings: Vec<MeetingKind>,
}

/// How often a form reached people: the times, and the copies.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Outreach {
    pub times: usize,
    pub copies: usize,
}

/// A semester's fee schedule published in the range (its board printed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeeSchedule {
    pub semester: String,
    pub items: usize,
    /// Each grade's total per student: (grade, 必缴, 自愿).
    pub per_grade: Vec<(u8, Fen, Fen)>,
}

/// An evaluation round whose result was posted in the range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoundHeld {
    pub name: String,
    pub kind: &'static str,
    pub candidates: usize,
    pub places: u32,
}

/// A finance statement posted in the range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatementPosted {
    pub title: String,
    pub income: Fen,
    pub expenditure: Fen,
    pub closing: Fen,
}

/// A share in tenths of a percent (954 is 95.4%), half up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Share(pub u32);

impl Share {
    pub fn of(part: usize, whole: usize) -> Option<Share> {
        (whole > 0)
            .then(|| Share(((part as u64 * 2000 + whole as u64) / (whole as u64 * 2)) as u32))
    }
}

impl std::fmt::Display for Share {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}%", self.0 / 10, self.0 % 10)
    }
}

/// Days in halves, so a median of an even count stays exact (2.5天).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HalfDays(pub i64);

impl std::fmt::Display for HalfDays {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.0 % 2 == 0 {
            write!(f, "{}", self.0 / 2)
        } else {
            write!(f, "{}.5", self.0 / 2)
        }
    }
}

/// The median of some whole days, in halves.
pub fn median(days: &[i64]) -> Option<HalfDays> {
    let mut d = days.to_vec();
    d.sort_unstable();
    let n = d.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(HalfDays(d[n / 2] * 2)),
        _ => Some(HalfDays(d[n / 2 - 1] + d[n / 2])),
    }
}

/// An objection and how it ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ObjectionEnd {
    pub received_on: NaiveDate,
    pub item: String,
    pub answered_on: Option<NaiveDate>,
    /// The item's result, if it was closed.
    pub result: Option<CloseResult>,
}

impl ObjectionEnd {
    pub fn label(&self) -> String {
        match (self.answered_on, self.result) {
            (None, _) => "尚未答复".into(),
            (Some(on), Some(r)) => {
                format!(
                    "{}答复；事项以“{}”办结",
                    super::range::chinese(on),
                    r.label()
                )
            }
            (Some(on), None) => format!("{}答复", super::range::chinese(on)),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedbackFigures {
    pub received: usize,
    pub by_channel: Vec<(&'static str, usize)>,
    pub answered: usize,
    pub published: usize,
    pub median_days: Option<HalfDays>,
    pub longest_days: Option<i64>,
    pub objections: Vec<ObjectionEnd>,
}

impl FeedbackFigures {
    pub fn open_objections(&self) -> usize {
        self.objections
            .iter()
            .filter(|o| o.answered_on.is_none())
            .count()
    }
}

/// The periods kept: at least the minimum, short of it, still up.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PeriodsKept {
    pub met: usize,
    pub short: usize,
    pub ongoing: usize,
}

impl PeriodsKept {
    /// The share of those judged (not still up) that met the minimum.
    pub fn share(&self) -> Option<Share> {
        Share::of(self.met, self.met + self.short)
    }
}

/// Every figure of the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figures {
    pub range: DateRange,
    /// Postings: a correction put up again counts, as the board saw it.
    pub posted: usize,
    /// Of those, corrections put up again (版本 2 on).
    pub corrections: usize,
    /// Of those, checked (保密审查), signed (监督小组) and approved.
    pub fully_checked: usize,
    /// Each category with anything posted, in the categories' order (the
    /// school's own sheets after them).
    pub by_category: Vec<(String, usize)>,
    pub by_month: [usize; 12],
    pub kept: PeriodsKept,
    pub by_form: Vec<(Form, Outreach)>,
    pub feedback: FeedbackFigures,
    pub fees: Vec<FeeSchedule>,
    pub rounds: Vec<RoundHeld>,
    pub statements: Vec<StatementPosted>,
    pub purchases: Vec<(&'static str, usize, Fen)>,
    /// (project, level, students, amount), in the order first listed.
    pub subsidies: Vec<(String, String, usize, Fen)>,
    pub meetings: Vec<(MeetingKind, usize)>,
}

impl Figures {
    pub fn of(record: &YearRecord) -> Self {
        let postings = &record.postings;
        let mut by_month = [0; 12];
        for p in postings {
            by_month[p.posted_on.month0() as usize] += 1;
        }
        let mut kept = PeriodsKept::default();
        for p in postings {
            match p.kept.met() {
                Some(true) => kept.met += 1,
                Some(false) => kept.short += 1,
                None => kept.ongoing += 1,
            }
        }
        let board = Outreach {
            times: postings.len(),
            copies: postings.len(),
        };
        let meetings_form = Outreach {
            times: record.announced,
            copies: record.announced,
        };
        Self {
            range: record.range,
            posted: postings.len(),
            corrections: postings.iter().filter(|p| p.revision > 1).count(),
            fully_checked: postings
                .iter()
                .filter(|p| p.reviewed.is_some() && p.signed.is_some() && p.approved.is_some())
                .count(),
            by_category: by_category(postings),
            by_month,
            kept,
            by_form: vec![
                (Form::Board, board),
                (Form::Meeting, meetings_form),
                (Form::Letter, record.letters),
                (Form::Message, record.messages),
            ],
            feedback: feedback(&record.feedback, postings),
            fees: record.fees.clone(),
            rounds: record.rounds.clone(),
            statements: record.statements.clone(),
            purchases: procurement::totals_by_method(&record.purchases),
            subsidies: subsidies(&record.grants),
            meetings: MeetingKind::ALL
                .into_iter()
                .map(|k| (k, record.meetings.iter().filter(|m| **m == k).count()))
                .filter(|(_, n)| *n > 0)
                .collect(),
        }
    }

    pub fn purchases_total(&self) -> Fen {
        self.purchases.iter().map(|(_, _, f)| *f).sum()
    }

    pub fn subsidies_total(&self) -> (usize, Fen) {
        (
            self.subsidies.iter().map(|s| s.2).sum(),
            self.subsidies.iter().map(|s| s.3).sum(),
        )
    }

    pub fn meetings_held(&self) -> usize {
        self.meetings.iter().map(|(_, n)| n).sum()
    }
}

fn by_category(postings: &[Posting]) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Category::ALL
        .iter()
        .map(|c| (c.label().to_owned(), 0))
        .collect();
    for p in postings {
        match out.iter_mut().find(|(l, _)| *l == p.category) {
            Some((_, n)) => *n += 1,
            None => out.push((p.category.clone(), 1)),
        }
    }
    out.retain(|(_, n)| *n > 0);
    out
}

fn feedback(entries: &[(Feedback, Option<String>)], postings: &[Posting]) -> FeedbackFigures {
    let answered: Vec<i64> = entries
        .iter()
        .filter_map(|(f, _)| days_to_answer(f))
        .collect();
    let result_of = |title: &Option<String>| {
        title.as_ref().and_then(|t| {
            postings
                .iter()
                .rev()
                .find(|p| &p.title == t)
                .and_then(|p| p.closure.as_ref().map(|c| c.result))
        })
    };
    FeedbackFigures {
        received: entries.len(),
        by_channel: CHANNELS
            .iter()
            .map(|c| (*c, entries.iter().filter(|(f, _)| f.channel == *c).count()))
            .filter(|(_, n)| *n > 0)
            .collect(),
        answered: answered.len(),
        published: entries
            .iter()
            .filter(|(f, _)| f.answer.is_some() && f.publish)
            .count(),
        median_days: median(&answered),
        longest_days: answered.iter().copied().max(),
        objections: entries
            .iter()
            .filter(|(f, _)| f.is_objection)
            .map(|(f, item)| ObjectionEnd {
                received_on: f.received_on,
                item: item.clone().unwrap_or_else(|| "（未指明事项）".into()),
                answered_on: f.answer.as_ref().map(|a| a.answered_on),
                result: result_of(item),
            })
            .collect(),
    }
}

fn subsidies(grants: &[Grant]) -> Vec<(String, String, usize, Fen)> {
    let mut out: Vec<(String, String, usize, Fen)> = Vec::new();
    for g in grants {
        let level = if g.level.is_empty() {
            "未分档"
        } else {
            &g.level
        };
        match out
            .iter_mut()
            .find(|(p, l, _, _)| *p == g.project && l == level)
        {
            Some((_, _, n, sum)) => {
                *n += 1;
                sum.0 += g.amount.0;
            }
            None => out.push((g.project.clone(), level.to_owned(), 1, g.amount)),
        }
    }
    out
}

/// A table of the report: a title, its columns, its rows, an optional
/// totals row, and whether a chart draws it (its first column's labels
/// against its second column's numbers).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureTable {
    pub title: &'static str,
    pub columns: Vec<RecordColumn>,
    pub rows: Vec<Vec<Cell>>,
    pub totals: Option<Vec<Cell>>,
    pub chart: Option<Chart>,
}

/// A bar chart of a table: the title it is printed under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chart {
    pub title: &'static str,
}

fn text(s: impl Into<String>) -> Cell {
    Cell::text(s)
}

fn count(n: usize) -> Cell {
    Cell::Number(Some(n as i64))
}

fn money(f: Fen) -> Cell {
    Cell::Money(f)
}

fn table(title: &'static str, columns: &[RecordColumn], rows: Vec<Vec<Cell>>) -> FigureTable {
    FigureTable {
        title,
        columns: columns.to_vec(),
        rows,
        totals: None,
        chart: None,
    }
}

impl Figures {
    /// The report's tables, in the order they print. Empty parts of the
    /// record still get their table, with a row saying so, so the report
    /// says 无 rather than leaving it out.
    pub fn tables(&self) -> Vec<FigureTable> {
        let mut out = Vec::new();
        let mut cat = table(
            "一、公开事项（按类别）",
            &[
                column("类别", CellKind::Text),
                column("公开事项数", CellKind::Number),
            ],
            self.by_category
                .iter()
                .map(|(c, n)| vec![text(c.clone()), count(*n)])
                .collect(),
        );
        cat.totals = Some(vec![text("合计"), count(self.posted)]);
        cat.chart = Some(Chart {
            title: "图1 各类别公开事项数",
        });
        out.push(cat);
        let mut month = table(
            "二、公开事项（按月）",
            &[
                column("月份", CellKind::Text),
                column("公开事项数", CellKind::Number),
            ],
            (0..12)
                .map(|m| vec![text(format!("{}月", m + 1)), count(self.by_month[m])])
                .collect(),
        );
        month.chart = Some(Chart {
            title: "图2 各月公开事项数",
        });
        out.push(month);
        out.push(table(
            "三、公示期",
            &[
                column("项目", CellKind::Text),
                column("数量", CellKind::Number),
            ],
            vec![
                vec![text("达到最短公示期"), count(self.kept.met)],
                vec![text("未达到最短公示期"), count(self.kept.short)],
                vec![text("公示中"), count(self.kept.ongoing)],
            ],
        ));
        if let Some(share) = self.kept.share() {
            out.last_mut().expect("just pushed").totals =
                Some(vec![text(format!("达标率 {share}")), Cell::Number(None)]);
        }
        out.push(table(
            "四、公开形式",
            &[
                column("形式", CellKind::Text),
                column("次数", CellKind::Number),
                column("份数", CellKind::Number),
            ],
            self.by_form
                .iter()
                .map(|(f, o)| vec![text(f.label()), count(o.times), count(o.copies)])
                .collect(),
        ));
        out.push(self.feedback_table());
        out.push(self.objections_table());
        out.push(self.fees_table());
        out.push(self.rounds_table());
        out.push(self.finance_table());
        out.push(self.purchases_table());
        out.push(self.subsidies_table());
        out.push(table(
            "十二、会议",
            &[
                column("会议", CellKind::Text),
                column("次数", CellKind::Number),
            ],
            self.meetings
                .iter()
                .map(|(k, n)| vec![text(k.label()), count(*n)])
                .collect(),
        ));
        for t in &mut out {
            if t.rows.is_empty() {
                let mut none = vec![text("无")];
                none.resize(t.columns.len(), Cell::Text(String::new()));
                t.rows.push(none);
                t.totals = None;
                t.chart = None;
            }
        }
        out
    }

    fn feedback_table(&self) -> FigureTable {
        let f = &self.feedback;
        let days = |d: Option<String>| text(d.unwrap_or_else(|| "—".into()));
        let mut rows: Vec<Vec<Cell>> = vec![vec![text("收到意见建议"), count(f.received)]];
        rows.extend(
            f.by_channel
                .iter()
                .map(|(c, n)| vec![text(format!("　其中：{c}")), count(*n)]),
        );
        rows.push(vec![text("已答复"), count(f.answered)]);
        rows.push(vec![text("答复已公开"), count(f.published)]);
        // A median may be a half day (2.5): written as text.
        rows.push(vec![
            text("答复用时中位数（天）"),
            days(f.median_days.map(|d| d.to_string())),
        ]);
        rows.push(vec![
            text("答复用时最长（天）"),
            days(f.longest_days.map(|d| d.to_string())),
        ]);
        table(
            "五、意见建议与答复",
            &[
                column("项目", CellKind::Text),
                column("数量", CellKind::Number),
            ],
            rows,
        )
    }

    fn objections_table(&self) -> FigureTable {
        table(
            "六、异议及处理",
            &[
                column("收到日期", CellKind::Date),
                column("事项", CellKind::Text),
                column("处理结果", CellKind::Text),
            ],
            self.feedback
                .objections
                .iter()
                .map(|o| {
                    vec![
                        Cell::Date(Some(o.received_on)),
                        text(o.item.clone()),
                        text(o.label()),
                    ]
                })
                .collect(),
        )
    }

    fn fees_table(&self) -> FigureTable {
        let mut rows = Vec::new();
        for s in &self.fees {
            for (g, required, voluntary) in &s.per_grade {
                rows.push(vec![
                    text(s.semester.clone()),
                    count(s.items),
                    text(crate::grades::grade_name(*g)),
                    money(*required),
                    money(*voluntary),
                ]);
            }
        }
        table(
            "七、收费公示（每生合计）",
            &[
                column("学期", CellKind::Text),
                column("收费项目数", CellKind::Number),
                column("年级", CellKind::Text),
                column("必缴", CellKind::Money),
                column("自愿", CellKind::Money),
            ],
            rows,
        )
    }

    fn rounds_table(&self) -> FigureTable {
        table(
            "八、评优评先与职称评聘",
            &[
                column("评选", CellKind::Text),
                column("类型", CellKind::Text),
                column("参评人数", CellKind::Number),
                column("名额", CellKind::Number),
            ],
            self.rounds
                .iter()
                .map(|r| {
                    vec![
                        text(r.name.clone()),
                        text(r.kind),
                        count(r.candidates),
                        count(r.places as usize),
                    ]
                })
                .collect(),
        )
    }

    fn finance_table(&self) -> FigureTable {
        let mut t = table(
            "九、财务收支公开",
            &[
                column("公开事项", CellKind::Text),
                column("本期收入", CellKind::Money),
                column("本期支出", CellKind::Money),
                column("期末结余", CellKind::Money),
            ],
            self.statements
                .iter()
                .map(|s| {
                    vec![
                        text(s.title.clone()),
                        money(s.income),
                        money(s.expenditure),
                        money(s.closing),
                    ]
                })
                .collect(),
        );
        t.totals = Some(vec![
            text("合计"),
            money(self.statements.iter().map(|s| s.income).sum()),
            money(self.statements.iter().map(|s| s.expenditure).sum()),
            Cell::Text(String::new()),
        ]);
        t
    }

    fn purchases_table(&self) -> FigureTable {
        let mut t = table(
            "十、采购（按采购方式）",
            &[
                column("采购方式", CellKind::Text),
                column("项数", CellKind::Number),
                column("金额", CellKind::Money),
            ],
            self.purchases
                .iter()
                .map(|(m, n, f)| vec![text(*m), count(*n), money(*f)])
                .collect(),
        );
        t.totals = Some(vec![
            text("合计"),
            count(self.purchases.iter().map(|p| p.1).sum()),
            money(self.purchases_total()),
        ]);
        t
    }

    fn subsidies_table(&self) -> FigureTable {
        let (students, amount) = self.subsidies_total();
        let mut t = table(
            "十一、学生资助（按项目和档次）",
            &[
                column("资助项目", CellKind::Text),
                column("档次", CellKind::Text),
                column("人数", CellKind::Number),
                column("金额", CellKind::Money),
            ],
            self.subsidies
                .iter()
                .map(|(p, l, n, f)| vec![text(p.clone()), text(l.clone()), count(*n), money(*f)])
                .collect(),
        );
        t.totals = Some(vec![
            text("合计"),
            Cell::Text(String::new()),
            count(students),
            money(amount),
        ]);
        t
    }
}
