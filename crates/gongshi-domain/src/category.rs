//! The categories of disclosure (公开类别), each a template: the fields its
//! sheet must show, whether it carries a table, its minimum posting period.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    MajorDecision,
    Award,
    Title,
    Finance,
    Fees,
    Procurement,
    Subsidy,
    LeaderReport,
    EthicsPledge,
    Other,
}

/// A field of a category's template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldSpec {
    /// Stable key in the store.
    pub key: &'static str,
    /// The label on the form and the sheet.
    pub label: &'static str,
    pub kind: FieldKind,
    /// Must be filled before review (else it prints when given).
    pub required: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    Text,
    Date,
    Number,
    /// Yuan, kept as typed; may be negative (a balance).
    Money,
    /// One of a list, exactly (重大决策's 阶段).
    Choice(&'static [&'static str]),
}

const fn text(key: &'static str, label: &'static str) -> FieldSpec {
    FieldSpec {
        key,
        label,
        kind: FieldKind::Text,
        required: true,
    }
}

const fn date(key: &'static str, label: &'static str) -> FieldSpec {
    FieldSpec {
        key,
        label,
        kind: FieldKind::Date,
        required: true,
    }
}

const fn number(key: &'static str, label: &'static str) -> FieldSpec {
    FieldSpec {
        key,
        label,
        kind: FieldKind::Number,
        required: true,
    }
}

const fn money(key: &'static str, label: &'static str) -> FieldSpec {
    FieldSpec {
        key,
        label,
        kind: FieldKind::Money,
        required: true,
    }
}

const fn optional(spec: FieldSpec) -> FieldSpec {
    FieldSpec {
        required: false,
        ..spec
    }
}

impl Category {
    pub const ALL: [Category; 10] = [
        Category::MajorDecision,
        Category::Award,
        Category::Title,
        Category::Finance,
        Category::Fees,
        Category::Procurement,
        Category::Subsidy,
        Category::LeaderReport,
        Category::EthicsPledge,
        Category::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Category::MajorDecision => "major_decision",
            Category::Award => "award",
            Category::Title => "title",
            Category::Finance => "finance",
            Category::Fees => "fees",
            Category::Procurement => "procurement",
            Category::Subsidy => "subsidy",
            Category::LeaderReport => "leader_report",
            Category::EthicsPledge => "ethics_pledge",
            Category::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|c| c.code() == code || c.label() == code)
    }

    /// A category from its code or its Chinese label, refusing anything
    /// else with the list of categories.
    pub fn parse(field: &'static str, input: &str) -> Result<Self, crate::FieldError> {
        Self::from_code(input.trim()).ok_or_else(|| {
            let all: Vec<_> = Self::ALL.iter().map(|c| c.label()).collect();
            crate::FieldError::new(
                field,
                format!("“{input}”不是公开类别（{}）", all.join("、")),
            )
        })
    }

    pub fn label(self) -> &'static str {
        match self {
            Category::MajorDecision => "重大决策",
            Category::Award => "评优评先",
            Category::Title => "职称评聘",
            Category::Finance => "财务收支",
            Category::Fees => "收费",
            Category::Procurement => "采购",
            Category::Subsidy => "学生资助",
            Category::LeaderReport => "领导述职",
            Category::EthicsPledge => "师德承诺",
            Category::Other => "其他",
        }
    }

    /// The fields this category's sheet must show (title and body are
    /// every item's own).
    pub fn required_fields(self) -> &'static [FieldSpec] {
        const MAJOR: &[FieldSpec] = &[
            text("decision_body", "决策机构"),
            date("decision_date", "决策日期"),
            FieldSpec {
                kind: FieldKind::Choice(&crate::congress::STAGE_LABELS),
                ..text("stage", "阶段")
            },
        ];
        const AWARD: &[FieldSpec] = &[
            text("criteria", "公开标准"),
            number("quota", "公开名额"),
            text("objection_channel", "异议渠道"),
        ];
        const FINANCE: &[FieldSpec] = &[
            text("period", "收支期间"),
            text("office", "责任部门"),
            money(crate::lines::finance::OPENING_FIELD, "上期结余（元）"),
            optional(money(
                crate::lines::finance::CLOSING_FIELD,
                "账面期末结余（元）",
            )),
        ];
        const FEES: &[FieldSpec] = &[text("semester", "学期"), text("office", "收费部门")];
        // 采购方式, 供应商 and dates are each line's (the table's).
        const PROCUREMENT: &[FieldSpec] = &[text("office", "采购部门")];
        const SUBSIDY: &[FieldSpec] = &[text("subsidy", "资助项目"), text("office", "责任部门")];
        // Each leader's 述职 and votes are the table's rows.
        const LEADER: &[FieldSpec] = &[
            date(crate::lines::appraisal::DATE_FIELD, "评议日期"),
            number(crate::lines::appraisal::ISSUED_FIELD, "发出票数"),
            number(crate::lines::appraisal::RETURNED_FIELD, "收回票数"),
            number(crate::lines::appraisal::VALID_FIELD, "有效票数"),
        ];
        // The pledge's text is the item's body; the signers its table.
        const ETHICS: &[FieldSpec] = &[
            number(crate::lines::pledge::YEAR_FIELD, "年度"),
            text("complaint_channel", "投诉渠道"),
        ];
        match self {
            Category::MajorDecision => MAJOR,
            Category::Award | Category::Title => AWARD,
            Category::Finance => FINANCE,
            Category::Fees => FEES,
            Category::Procurement => PROCUREMENT,
            Category::Subsidy => SUBSIDY,
            Category::LeaderReport => LEADER,
            Category::EthicsPledge => ETHICS,
            Category::Other => &[],
        }
    }

    /// Whether the template offers a table (finance lines, purchases,
    /// subsidy lists, the ranked list, the leaders' tally, the signers).
    pub fn has_table(self) -> bool {
        !matches!(self, Category::MajorDecision | Category::Other)
    }

    /// The table this category's sheet cannot go without, as the message
    /// asking for it names it; None where a table is optional or not
    /// offered. DOMAIN.md's sheets: 公开排序 (the ranked list with scores)
    /// for 评优评先 and 职称评聘, income and expense lines for 财务收支, the
    /// purchases (item, quantity, amount) for 采购, who receives what for
    /// 学生资助. A 收费 item's table stays optional: the fee schedule prints
    /// its own 收费公示.
    pub fn required_table(self) -> Option<&'static str> {
        match self {
            Category::Award | Category::Title => Some("拟推荐人选名单"),
            Category::Finance => Some("收支明细"),
            Category::Procurement => Some("采购明细：品名、数量、金额"),
            Category::Subsidy => Some("受助学生名单"),
            Category::LeaderReport => Some("述职人及民主评议票数"),
            Category::EthicsPledge => Some("承诺教师名单"),
            Category::MajorDecision | Category::Fees | Category::Other => None,
        }
    }

    /// The body a new item starts with, where the category has one (the
    /// 师德承诺's pledges), to be edited.
    pub fn default_body(self) -> Option<&'static str> {
        (self == Category::EthicsPledge).then_some(crate::lines::pledge::DEFAULT_TEXT)
    }

    /// Whether its items print a 签名表 for the staff to sign (师德承诺).
    pub fn has_signing_sheet(self) -> bool {
        self == Category::EthicsPledge
    }

    /// Whether its items are decided by the staff congress's vote (重大决策:
    /// 讨论稿 → vote → 正式稿; see `congress`).
    pub fn voted_by_congress(self) -> bool {
        self == Category::MajorDecision
    }

    /// The default minimum posting period in working days (a setting per
    /// school; DOMAIN.md: at least 5 by default).
    pub fn default_min_days(self) -> u32 {
        5
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_labels_round_trip() {
        for c in Category::ALL {
            assert_eq!(Category::from_code(c.code()), Some(c));
            assert_eq!(Category::from_code(c.label()), Some(c));
        }
        assert_eq!(Category::from_code("nope"), None);
        let err = Category::parse("类别", "nope").unwrap_err().to_string();
        assert!(
            err.starts_with("类别：“nope”不是公开类别（重大决策、"),
            "{err}"
        );
    }

    #[test]
    fn a_required_table_is_one_the_template_offers() {
        let needing: Vec<_> = Category::ALL
            .into_iter()
            .filter(|c| c.required_table().is_some())
            .map(Category::label)
            .collect();
        assert_eq!(
            needing,
            [
                "评优评先",
                "职称评聘",
                "财务收支",
                "采购",
                "学生资助",
                "领导述职",
                "师德承诺"
            ]
        );
        for c in Category::ALL {
            assert!(c.required_table().is_none() || c.has_table(), "{c:?}");
        }
    }

    #[test]
    fn award_rounds_must_publish_criteria_quota_and_objection_channel() {
        let keys: Vec<_> = Category::Award
            .required_fields()
            .iter()
            .map(|f| f.label)
            .collect();
        assert_eq!(keys, ["公开标准", "公开名额", "异议渠道"]);
    }
}
