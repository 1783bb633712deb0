//! The draft of the year's summary (年度校务公开工作报告), in the shape
//! such summaries take: 一、提高认识，加强领导 … 五、成效与今后打算. Every
//! sentence that states a number takes it from the figures, and a sentence
//! is said only when the record shows it: no "未收到异议" in a year with
//! an objection, no "均达到" when a sheet came down short. The clerk edits
//! the prose; the edited text is kept with the year.

use serde::{Deserialize, Serialize};

use super::figures::Figures;
use crate::{FieldError, text};

/// The report's text: its sections, each a heading and paragraphs (one a
/// line).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearText {
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub heading: String,
    pub body: String,
}

/// The headings of the summary, in order.
pub const HEADINGS: [&str; 5] = [
    "一、提高认识，加强领导",
    "二、健全制度，规范程序",
    "三、公开内容",
    "四、公开形式",
    "五、成效与今后打算",
];

const SECTION_MAX: usize = 5_000;

impl YearText {
    /// The clerk's text checked: each section's heading and body, every
    /// fault named by its section.
    pub fn validated(self) -> Result<Self, FieldError> {
        if self.sections.is_empty() || self.sections.len() > 20 {
            return Err(FieldError::new("报告正文", "应有1至20节"));
        }
        let mut out = Vec::new();
        for (i, s) in self.sections.into_iter().enumerate() {
            let n = i + 1;
            let heading = text::required("标题", &s.heading, 50)
                .map_err(|e| FieldError::new("报告正文", format!("第{n}节的标题{}", e.message)))?;
            let body = text::limited("正文", &s.body, SECTION_MAX).map_err(|e| {
                FieldError::new("报告正文", format!("第{n}节“{heading}”{}", e.message))
            })?;
            out.push(Section { heading, body });
        }
        Ok(Self { sections: out })
    }
}

impl YearText {
    /// The text as one plain text to edit in any editor: each section its
    /// heading on a line, then its paragraphs.
    pub fn to_plain(&self) -> String {
        self.sections
            .iter()
            .map(|s| format!("{}\n{}", s.heading, s.body))
            .collect::<Vec<_>>()
            .join("\n\n")
    }

    /// A plain text read back: a line that begins with a Chinese numeral
    /// and 、 (一、 … 十二、) starts a section; the lines after it are its
    /// paragraphs. Checked like any text.
    pub fn from_plain(text: &str) -> Result<Self, FieldError> {
        let mut sections: Vec<Section> = Vec::new();
        for line in text.lines().map(str::trim) {
            if is_heading(line) {
                sections.push(Section {
                    heading: line.to_owned(),
                    body: String::new(),
                });
                continue;
            }
            if line.is_empty() {
                continue;
            }
            let Some(s) = sections.last_mut() else {
                return Err(FieldError::new(
                    "报告正文",
                    format!(
                        "“{}”之前没有节标题：每节以“一、”“二、”这样的标题行开始",
                        short(line)
                    ),
                ));
            };
            if !s.body.is_empty() {
                s.body.push('\n');
            }
            s.body.push_str(line);
        }
        YearText { sections }.validated()
    }
}

fn is_heading(line: &str) -> bool {
    let numeral: String = line
        .chars()
        .take_while(|c| "一二三四五六七八九十".contains(*c))
        .collect();
    !numeral.is_empty() && line[numeral.len()..].starts_with('、')
}

fn short(line: &str) -> String {
    let s: String = line.chars().take(12).collect();
    if s.chars().count() < line.chars().count() {
        format!("{s}…")
    } else {
        s
    }
}

/// The members of the three groups, as the school has them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Groups {
    pub leading: usize,
    pub working: usize,
    pub supervision: usize,
}

/// The draft made from the figures.
pub fn draft(school: &str, f: &Figures, groups: Groups) -> YearText {
    let year = f.range.label();
    let sections = [
        leadership(school, &year, f, groups),
        procedure(f),
        content(&year, f),
        forms(f),
        results(f),
    ];
    YearText {
        sections: HEADINGS
            .iter()
            .zip(sections)
            .map(|(h, body)| Section {
                heading: (*h).to_owned(),
                body: body.join("\n"),
            })
            .collect(),
    }
}

fn leadership(school: &str, year: &str, f: &Figures, g: Groups) -> Vec<String> {
    let mut out = Vec::new();
    if g.leading > 0 && g.working > 0 && g.supervision > 0 {
        out.push(format!(
            "{year}，{school}坚持把校务公开作为依法治校、民主管理的重要内容，校务公开领导小组（{}人）、工作小组（{}人）和监督小组（{}人）各司其职。",
            g.leading, g.working, g.supervision
        ));
    } else {
        out.push(format!(
            "{year}，{school}的校务公开领导小组、工作小组和监督小组尚未全部设立。"
        ));
    }
    let congress = f
        .meetings
        .iter()
        .find(|(k, _)| *k == crate::meeting::MeetingKind::StaffCongress)
        .map(|(_, n)| *n)
        .unwrap_or(0);
    if congress > 0 {
        out.push(format!(
            "全年召开教职工代表大会{congress}次，学校重大事项提交教代会审议。"
        ));
    }
    out
}

fn procedure(f: &Figures) -> Vec<String> {
    let fully_checked = f.fully_checked;
    let mut out = Vec::new();
    if f.posted == 0 {
        out.push("本期内没有张贴公开事项。".into());
        return out;
    }
    if fully_checked == f.posted {
        out.push(format!(
            "全年张贴公开事项{}次，均经保密审查、监督小组签字和领导批准。",
            f.posted
        ));
    } else {
        out.push(format!(
            "全年张贴公开事项{}次，其中{}次经保密审查、监督小组签字和领导批准。",
            f.posted, fully_checked
        ));
    }
    let k = f.kept;
    match k.share() {
        Some(share) if k.short == 0 => out.push(format!(
            "已期满的{}次张贴均达到规定的最短公示期（达标率{share}）。",
            k.met
        )),
        Some(share) => out.push(format!(
            "已期满的{}次张贴中，{}次达到规定的最短公示期，{}次提前撤下（达标率{share}），提前撤下的原因均记入台账。",
            k.met + k.short,
            k.met,
            k.short
        )),
        None => {}
    }
    if k.ongoing > 0 {
        out.push(format!("另有{}次张贴正在公示中。", k.ongoing));
    }
    out
}

fn content(year: &str, f: &Figures) -> Vec<String> {
    let mut out = Vec::new();
    if !f.by_category.is_empty() {
        let parts: Vec<String> = f
            .by_category
            .iter()
            .map(|(c, n)| format!("{c}{n}项"))
            .collect();
        let reposted = if f.corrections > 0 {
            format!("（其中更正后重新张贴{}次）", f.corrections)
        } else {
            String::new()
        };
        let parts: Vec<String> = parts.iter().map(|p| p.replace('项', "次")).collect();
        out.push(format!(
            "{year}共张贴公开事项{}次{reposted}：{}。",
            f.posted,
            parts.join("，")
        ));
    }
    for s in &f.fees {
        out.push(format!(
            "公示{}收费项目{}项，按年级列明每生应缴金额。",
            s.semester, s.items
        ));
    }
    if !f.rounds.is_empty() {
        let candidates: usize = f.rounds.iter().map(|r| r.candidates).sum();
        let places: u32 = f.rounds.iter().map(|r| r.places).sum();
        out.push(format!(
            "开展评优评先、职称评聘{}次，参评{candidates}人次，名额{places}个，标准、名额和排序结果均予公示。",
            f.rounds.len()
        ));
    }
    if !f.statements.is_empty() {
        let income: crate::Fen = f.statements.iter().map(|s| s.income).sum();
        let spent: crate::Fen = f.statements.iter().map(|s| s.expenditure).sum();
        out.push(format!(
            "公开财务收支{}期，收入合计{}元，支出合计{}元。",
            f.statements.len(),
            income.to_yuan_string(),
            spent.to_yuan_string()
        ));
    }
    if !f.purchases.is_empty() {
        let lines: usize = f.purchases.iter().map(|p| p.1).sum();
        out.push(format!(
            "公开采购明细{lines}条，金额合计{}元。",
            f.purchases_total().to_yuan_string()
        ));
    }
    let (students, amount) = f.subsidies_total();
    if students > 0 {
        out.push(format!(
            "公示学生资助{students}人次，金额合计{}元，公示名单中学生姓名均作部分隐去处理。",
            amount.to_yuan_string()
        ));
    }
    if out.is_empty() {
        out.push("本期内没有公开事项。".into());
    }
    out
}

fn forms(f: &Figures) -> Vec<String> {
    use super::Form;
    let mut parts = Vec::new();
    for (form, o) in &f.by_form {
        if o.times == 0 {
            continue;
        }
        parts.push(match form {
            Form::Board => format!("在校务公开栏张贴{}次", o.times),
            Form::Meeting => format!("在会议上公开事项{}项", o.times),
            Form::Letter => format!("发放致家长的一封信{}批{}份", o.times, o.copies),
            Form::Message => format!("发送短信{}次", o.times),
        });
    }
    let mut out = Vec::new();
    if parts.is_empty() {
        out.push("本期内没有记录的公开活动。".into());
    } else {
        out.push(format!("学校采取多种形式公开：{}。", parts.join("，")));
    }
    let held = f.meetings_held();
    if held > 0 {
        let kinds: Vec<String> = f
            .meetings
            .iter()
            .map(|(k, n)| format!("{}{n}次", k.label()))
            .collect();
        out.push(format!("全年召开会议{held}次（{}）。", kinds.join("，")));
    }
    out
}

fn results(f: &Figures) -> Vec<String> {
    let fb = &f.feedback;
    let mut out = Vec::new();
    if fb.received == 0 {
        out.push("本期内没有收到意见建议。".into());
    } else {
        let mut s = format!("全年收到意见建议{}件，已答复{}件", fb.received, fb.answered);
        if let (Some(median), Some(longest)) = (fb.median_days, fb.longest_days) {
            s.push_str(&format!("，答复用时中位数{median}天、最长{longest}天"));
        }
        if fb.published > 0 {
            s.push_str(&format!("，{}件答复已公开", fb.published));
        }
        s.push('。');
        out.push(s);
    }
    let objections = fb.objections.len();
    if objections == 0 {
        out.push("本期内没有收到对公示事项的异议。".into());
    } else {
        let open = fb.open_objections();
        let handled = f
            .feedback
            .objections
            .iter()
            .filter(|o| o.result == Some(crate::revision::CloseResult::ObjectionsHandled))
            .count();
        let mut s = format!(
            "收到对公示事项的异议{objections}件，已答复{}件",
            objections - open
        );
        if handled > 0 {
            s.push_str(&format!("，{handled}件所涉事项经处理后办结"));
        }
        if open > 0 {
            s.push_str(&format!("，{open}件正在办理"));
        }
        s.push('。');
        out.push(s);
    }
    out.push("今后，学校将继续完善校务公开制度，丰富公开形式，及时回应教职工和家长关切。".into());
    out
}
