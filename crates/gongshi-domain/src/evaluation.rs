//! Evaluations (评优评先, 职称评聘): a round's rules — quota, criteria,
//! weighted score components, tie-break order — its candidates and their
//! scores, and the ranking the result sheet publishes: 公开标准、公开名额、
//! 公开排序, 师德一票否决, "同等条件以考核成绩排序为依据".
//!
//! Scores are exact: hundredths of a point in an integer, never a float that
//! prints 89.999999. A weighted total is hundredths × percent, exact too.

use serde::{Deserialize, Serialize};

use crate::category::Category;
use crate::error::FieldErrors;
use crate::item::POSTING_DAYS_MAX;
use crate::table::{CellError, Column, Context, Kind, Row, Schema};
use crate::{DomainError, FieldError, phone, text};

/// A component score, in hundredths of a point (0–100.00).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Score(pub i64);

impl Score {
    pub const MAX: Score = Score(10_000);

    /// `89`, `89.5`, `89.25` (full-width digits too); at most two decimals,
    /// 0 to 100. The error is the message alone: the caller names the
    /// column, which is the round's own.
    pub fn parse(input: &str) -> Result<Score, String> {
        let text: String = input
            .trim()
            .chars()
            .map(|c| match c {
                '０'..='９' => crate::text::half_width(c),
                '．' => '.',
                _ => c,
            })
            .collect();
        if text.is_empty() {
            return Err("不能为空".into());
        }
        let (whole, frac) = text.split_once('.').unwrap_or((&text, ""));
        let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
        if whole.is_empty() || !digits(whole) || !digits(frac) || whole.len() > 3 {
            return Err(format!("“{input}”不是分数（例：89 或 89.5）"));
        }
        if frac.len() > 2 {
            return Err(format!("“{input}”最多两位小数"));
        }
        let whole: i64 = whole.parse().map_err(|_| format!("“{input}”不是分数"))?;
        let frac: i64 = format!("{frac:0<2}").parse().unwrap_or(0);
        let score = Score(whole * 100 + frac);
        if score > Score::MAX {
            return Err(format!("“{input}”超出范围（0到100）"));
        }
        Ok(score)
    }
}

impl std::fmt::Display for Score {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{:02}", self.0 / 100, self.0 % 100)
    }
}

/// A weighted total in ten-thousandths of a point (hundredths × percent).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Total(pub i64);

impl std::fmt::Display for Total {
    /// Two decimals, more only where the exact total has them (89.4625):
    /// never rounded, so two different totals never print the same.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let frac = format!("{:04}", self.0 % 10_000);
        let frac = frac.trim_end_matches('0');
        write!(f, "{}.{frac:0<2}", self.0 / 10_000)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RoundKind {
    Award,
    Title,
    Other,
}

impl RoundKind {
    pub const ALL: [RoundKind; 3] = [RoundKind::Award, RoundKind::Title, RoundKind::Other];

    pub fn label(self) -> &'static str {
        match self {
            RoundKind::Award => "评优评先",
            RoundKind::Title => "职称评聘",
            RoundKind::Other => "其他评选",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            RoundKind::Award => "award",
            RoundKind::Title => "title",
            RoundKind::Other => "other",
        }
    }

    pub fn parse(input: &str) -> Result<RoundKind, FieldError> {
        let input = input.trim();
        RoundKind::ALL
            .into_iter()
            .find(|k| {
                k.code() == input
                    || k.label() == input
                    || (input == "其他" && *k == RoundKind::Other)
            })
            .ok_or_else(|| {
                FieldError::new("类型", format!("“{input}”应为评优评先、职称评聘或其他评选"))
            })
    }

    /// The disclosure category its result is posted under. Other rounds
    /// (师德标兵, 优秀班主任…) are awards too: they need the same fields.
    pub fn category(self) -> Category {
        match self {
            RoundKind::Title => Category::Title,
            RoundKind::Award | RoundKind::Other => Category::Award,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Component {
    pub name: String,
    /// Percent; a round's weights sum to 100.
    pub weight: u32,
}

/// 民意测评 40%, 工作量化 30%, 考核成绩 30%.
pub fn default_components() -> Vec<Component> {
    [("民意测评", 40), ("工作量化", 30), ("考核成绩", 30)]
        .into_iter()
        .map(|(name, weight)| Component {
            name: name.into(),
            weight,
        })
        .collect()
}

/// Components as typed on one line: `民意测评:40,工作量化:30,考核成绩:30`
/// (full-width ：，、 too). Weights are checked with the round.
pub fn parse_components(input: &str) -> Result<Vec<Component>, FieldError> {
    input
        .split([',', '，', '、'])
        .filter(|p| !p.trim().is_empty())
        .map(|part| {
            let (name, weight) = part.split_once([':', '：']).ok_or_else(|| {
                FieldError::new(
                    "评分项目",
                    format!("“{part}”应写成 名称:权重，如 民意测评:40"),
                )
            })?;
            let weight = weight
                .trim()
                .trim_end_matches(['%', '％'])
                .parse()
                .map_err(|_| {
                    FieldError::new("权重", format!("“{}”的权重“{weight}”不是整数", name.trim()))
                })?;
            Ok(Component {
                name: name.trim().to_owned(),
                weight,
            })
        })
        .collect()
}

/// "同等条件以考核成绩排序为依据".
pub const DEFAULT_TIE_BREAK: &str = "考核成绩";

/// What a round is: everything the committee decides before scoring.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoundSettings {
    pub name: String,
    pub kind: RoundKind,
    /// 名额
    pub quota: u32,
    /// 标准
    pub criteria: String,
    pub components: Vec<Component>,
    /// Component names, in the order they break equal totals.
    pub tie_break: Vec<String>,
    pub posting_days: u32,
    /// Where objections go (校纪检组, 工会…).
    pub objection_office: String,
    /// A phone field: it may print.
    pub objection_phone: String,
    /// Whether the public result sheet names the candidates not ranked
    /// (师德不合格: 不符合推荐条件). Off: it lists the ranked candidates
    /// and says only how many others were not ranked, so the board does
    /// not tell who failed 师德. Rounds stored before the setting read as
    /// off.
    #[serde(default = "name_unranked_default")]
    pub name_unranked: bool,
}

/// Off: the public sheet names no one who was not ranked.
fn name_unranked_default() -> bool {
    false
}

/// A new round: what the editor and `gongshi eval new` start from. 名额 1
/// (the least a round may have), 民意测评 40%, 工作量化 30%, 考核成绩 30%,
/// ties broken by 考核成绩, 5 working days, the unranked not named; name,
/// criteria and objection office still to be filled in.
impl Default for RoundSettings {
    fn default() -> Self {
        Self {
            name: String::new(),
            kind: RoundKind::Award,
            quota: 1,
            criteria: String::new(),
            components: default_components(),
            tie_break: vec![DEFAULT_TIE_BREAK.into()],
            posting_days: 5,
            objection_office: String::new(),
            objection_phone: String::new(),
            name_unranked: name_unranked_default(),
        }
    }
}

impl RoundSettings {
    /// Checks every field at once; trims texts and the phone.
    /// New components; a tie-break that no longer names one of them is
    /// dropped (the default 民意测评 after 民意测评 was replaced).
    pub fn set_components(&mut self, components: Vec<Component>) {
        self.components = components;
        let names: Vec<&str> = self.components.iter().map(|c| c.name.as_str()).collect();
        self.tie_break.retain(|t| names.contains(&t.as_str()));
    }

    pub fn validated(mut self) -> Result<Self, DomainError> {
        let mut errs = FieldErrors::default();
        if let Some(n) = errs.check(text::required("评选名称", &self.name, 50)) {
            self.name = n;
        }
        if self.quota == 0 || self.quota > 1000 {
            errs.check::<()>(Err(FieldError::new("名额", "应为1到1000")));
        }
        if let Some(c) = errs.check(text::required("评选标准", &self.criteria, 2000)) {
            self.criteria = c;
        }
        errs.check(check_components(&mut self.components));
        errs.check(check_tie_break(&self.tie_break, &self.components));
        if self.posting_days == 0 || self.posting_days > POSTING_DAYS_MAX {
            errs.check::<()>(Err(FieldError::new(
                "公示天数",
                format!("应为1到{POSTING_DAYS_MAX}个工作日"),
            )));
        }
        if let Some(o) = errs.check(text::required("异议受理部门", &self.objection_office, 30))
        {
            self.objection_office = o;
        }
        if let Some(p) = errs.check(phone::parse("异议电话", &self.objection_phone)) {
            self.objection_phone = p;
        }
        errs.finish()?;
        Ok(self)
    }

    /// 综合得分 = 民意测评×40% + 工作量化×30% + 考核成绩×30%
    pub fn formula(&self) -> String {
        let parts: Vec<String> = self
            .components
            .iter()
            .map(|c| format!("{}×{}%", c.name, c.weight))
            .collect();
        format!("综合得分 = {}", parts.join(" + "))
    }

    /// 综合得分相同时，依次按考核成绩排序；仍相同的并列。
    pub fn tie_rule(&self) -> String {
        if self.tie_break.is_empty() {
            return "综合得分相同的并列。".into();
        }
        format!(
            "综合得分相同时，依次按{}排序；仍相同的并列。",
            self.tie_break.join("、")
        )
    }

    fn component_index(&self, name: &str) -> Option<usize> {
        self.components.iter().position(|c| c.name == name)
    }
}

fn check_components(components: &mut [Component]) -> Result<(), FieldError> {
    const FIELD: &str = "评分项目";
    if components.is_empty() || components.len() > 8 {
        return Err(FieldError::new(FIELD, "应有1到8项"));
    }
    for c in components.iter_mut() {
        c.name = text::required(FIELD, &c.name, 10)?;
        if c.weight == 0 || c.weight > 100 {
            return Err(FieldError::new(
                "权重",
                format!("“{}”的权重应为1%到100%", c.name),
            ));
        }
    }
    for (i, c) in components.iter().enumerate() {
        if components[..i].iter().any(|o| o.name == c.name) {
            return Err(FieldError::new(FIELD, format!("“{}”重复了", c.name)));
        }
        if ["姓名", "部门/年级组", "师德", "备注"].contains(&c.name.as_str()) {
            return Err(FieldError::new(
                FIELD,
                format!("“{}”是表格的固定列，请换个名称", c.name),
            ));
        }
    }
    let sum: u32 = components.iter().map(|c| c.weight).sum();
    if sum != 100 {
        return Err(FieldError::new(
            "权重",
            format!("各项权重合计应为100%，现在是{sum}%"),
        ));
    }
    Ok(())
}

fn check_tie_break(order: &[String], components: &[Component]) -> Result<(), FieldError> {
    for name in order {
        if !components.iter().any(|c| &c.name == name) {
            return Err(FieldError::new(
                "同分排序",
                format!("“{name}”不是本次评选的评分项目"),
            ));
        }
    }
    Ok(())
}

/// A candidate as the committee scored them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Candidate {
    pub name: String,
    /// 部门/年级组
    pub department: String,
    /// One per component, in the round's order.
    pub scores: Vec<Score>,
    /// 师德合格; 不合格 is the veto.
    pub ethics_ok: bool,
    /// Internal: the veto's reason, or any remark. Never printed publicly.
    pub note: String,
    /// Internal: the recorded 师德 case a veto rests on, if it names one.
    #[serde(default)]
    pub ethics_case: Option<u32>,
}

/// The scores' table: 姓名, 部门/年级组, each of the round's components,
/// 师德, 备注 and 师德案例编号 (both internal: the veto's reason, the
/// recorded case it rests on).
pub fn schema(round: &RoundSettings) -> Schema {
    let mut columns = vec![
        Column::new("name", "姓名", Kind::Text { max: 20 }).required(),
        Column::new("department", "部门/年级组", Kind::Text { max: 30 }),
    ];
    columns.extend(
        round
            .components
            .iter()
            .enumerate()
            .map(|(i, c)| Column::owned(score_key(i), c.name.clone(), Kind::Score).required()),
    );
    columns.push(
        Column::new("ethics", "师德", Kind::Choice(&ETHICS))
            .required()
            .blank(ETHICS[0]),
    );
    columns.push(Column::new("note", "备注", Kind::Text { max: 200 }).internal());
    columns.push(
        Column::new("ethics_case", "师德案例编号", Kind::Count)
            .internal()
            .hint("师德不合格且已登记案例时填写"),
    );
    Schema {
        row_name: "候选人",
        grid_unit: "位",
        unique: &["name", "department"],
        columns,
    }
}

/// 师德: 合格, or 不合格 — the veto.
const ETHICS: [&str; 2] = ["合格", "不合格"];

fn score_key(i: usize) -> String {
    format!("score{}", i + 1)
}

/// The score template's header row: 姓名, 部门/年级组, each component, 师德, 备注.
pub fn template_header(round: &RoundSettings) -> Vec<String> {
    schema(round).headers()
}

/// A candidate from a row of [`schema`]: 不合格 needs its reason — a
/// remark, or a recorded case of this teacher's (`cx.ethics_cases`).
pub fn record(round: &RoundSettings, row: &Row, cx: &Context) -> Result<Candidate, Vec<CellError>> {
    let ethics_ok = row.text("ethics") == ETHICS[0];
    let note = row.text("note");
    let case = Some(row.count("ethics_case")).filter(|n| *n > 0);
    if let Some(n) = case {
        let name = row.text("name");
        let said = if ethics_ok {
            Some("只有师德不合格才注明师德案例".to_owned())
        } else {
            match cx.ethics_cases.iter().find(|(id, _)| *id == n) {
                None => Some(format!("没有编号为{n}的师德案例")),
                Some((_, teacher)) if *teacher != name => {
                    Some(format!("师德案例第{n}号登记的是{teacher}，不是{name}"))
                }
                Some(_) => None,
            }
        };
        if let Some(said) = said {
            return Err(vec![row.error("ethics_case", said)]);
        }
    }
    // Only a 不合格 read as such asks for its reason (a bad cell is named
    // by itself).
    if row.text("ethics") == ETHICS[1] && note.is_empty() && case.is_none() {
        return Err(vec![row.error(
            "note",
            "师德不合格须写明原因或注明师德案例编号（只记入内部记录，不公示）",
        )]);
    }
    Ok(Candidate {
        ethics_case: case,
        name: row.text("name"),
        department: row.text("department"),
        scores: (0..round.components.len())
            .map(|i| row.score(&score_key(i)).unwrap_or(Score(0)))
            .collect(),
        ethics_ok,
        note,
    })
}

/// One row of scores, cells in [`schema`] order; every bad cell is named.
pub fn parse_candidate(
    round: &RoundSettings,
    cells: &[String],
) -> Result<Candidate, Vec<CellError>> {
    let cx = Context::default();
    schema(round).record(cells, &cx, |row| record(round, row, &cx))
}

impl Candidate {
    /// The candidate's cell under a column of [`schema`] (it reads back as
    /// the same candidate).
    pub fn cell(&self, key: &str) -> String {
        match key {
            "name" => self.name.clone(),
            "department" => self.department.clone(),
            "ethics" => if self.ethics_ok { ETHICS[0] } else { ETHICS[1] }.to_owned(),
            "note" => self.note.clone(),
            "ethics_case" => self.ethics_case.map(|n| n.to_string()).unwrap_or_default(),
            _ => key
                .strip_prefix("score")
                .and_then(|n| n.parse::<usize>().ok())
                .and_then(|n| self.scores.get(n.wrapping_sub(1)))
                .map(Score::to_string)
                .unwrap_or_default(),
        }
    }

    /// The weighted total; scores line up with the round's components.
    pub fn total(&self, round: &RoundSettings) -> Total {
        Total(
            self.scores
                .iter()
                .zip(&round.components)
                .map(|(s, c)| s.0 * i64::from(c.weight))
                .sum(),
        )
    }

    /// The candidate's row in the grid, cells in [`schema`] order.
    pub fn cells(&self, round: &RoundSettings) -> Vec<String> {
        schema(round).cells_of(|k| self.cell(k))
    }
}

/// Where a candidate stands against the quota.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Outcome {
    /// Within the quota: 拟推荐.
    Recommended,
    /// Equal with others across the quota line: the committee decides; the
    /// app never breaks it silently.
    TiedAtQuota,
    NotRecommended,
    /// 师德不合格: out of the ranking whatever the score.
    Vetoed,
}

impl Outcome {
    /// What the public sheet says.
    pub fn label(self) -> &'static str {
        match self {
            Outcome::Recommended => "拟推荐",
            Outcome::TiedAtQuota => "并列（名额线）",
            Outcome::NotRecommended => "",
            Outcome::Vetoed => "不符合推荐条件",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ranked {
    /// Index into the candidates given.
    pub index: usize,
    pub total: Total,
    /// 1, 2, 2, 4…; none for a vetoed candidate.
    pub rank: Option<u32>,
    pub outcome: Outcome,
}

/// Ranks the candidates: by weighted total, equal totals broken by the
/// round's tie-break components in order; candidates still equal share a
/// rank. Within the quota is 拟推荐; an equal group across the quota line
/// is marked as such. Vetoed candidates follow, unranked, in their order.
pub fn rank(round: &RoundSettings, candidates: &[Candidate]) -> Vec<Ranked> {
    let tie_break: Vec<usize> = round
        .tie_break
        .iter()
        .filter_map(|n| round.component_index(n))
        .collect();
    let key = |c: &Candidate| -> (Total, Vec<Score>) {
        let breaks = tie_break
            .iter()
            .map(|&i| c.scores.get(i).copied().unwrap_or(Score(0)))
            .collect();
        (c.total(round), breaks)
    };
    let mut eligible: Vec<usize> = (0..candidates.len())
        .filter(|&i| candidates[i].ethics_ok)
        .collect();
    // Stable: candidates still equal keep the order they were entered in.
    eligible.sort_by(|&a, &b| key(&candidates[b]).cmp(&key(&candidates[a])));
    let quota = round.quota as usize;
    let mut ranked = Vec::with_capacity(candidates.len());
    let mut start = 0;
    while start < eligible.len() {
        let group_key = key(&candidates[eligible[start]]);
        let end = eligible[start..]
            .iter()
            .position(|&i| key(&candidates[i]) != group_key)
            .map_or(eligible.len(), |n| start + n);
        let outcome = if end <= quota {
            Outcome::Recommended
        } else if start < quota {
            Outcome::TiedAtQuota
        } else {
            Outcome::NotRecommended
        };
        for &index in &eligible[start..end] {
            ranked.push(Ranked {
                index,
                total: group_key.0,
                rank: Some(start as u32 + 1),
                outcome,
            });
        }
        start = end;
    }
    ranked.extend(
        (0..candidates.len())
            .filter(|&i| !candidates[i].ethics_ok)
            .map(|index| Ranked {
                index,
                total: candidates[index].total(round),
                rank: None,
                outcome: Outcome::Vetoed,
            }),
    );
    ranked
}

#[cfg(test)]
mod tests;
