//! 财务收支: a period's statement — the opening balance, income and
//! expenditure lines by 科目, and 期末结余 = 上期结余 + 收入 − 支出, checked
//! against the closing balance from the books when the clerk enters it.

use crate::FieldError;
use crate::money::Fen;
use crate::table::{CellError, Column, Kind, Row, Schema};

/// 收支: which side a line is on.
pub const SIDES: [&str; 2] = ["收入", "支出"];

/// Income heads (收入科目) as school accounts name them.
pub const INCOME_HEADS: [&str; 6] = [
    "财政拨款收入",
    "事业收入",
    "上级补助收入",
    "附属单位上缴收入",
    "经营收入",
    "其他收入",
];

/// Expenditure heads (支出科目); 公用经费's sub-heads (办公费, 水电费,
/// 维修费…) go in 明细科目.
pub const EXPENSE_HEADS: [&str; 5] = ["人员经费", "公用经费", "项目支出", "经营支出", "其他支出"];

const HEADS: [&str; INCOME_HEADS.len() + EXPENSE_HEADS.len()] = {
    let mut all = [""; INCOME_HEADS.len() + EXPENSE_HEADS.len()];
    let mut i = 0;
    while i < INCOME_HEADS.len() {
        all[i] = INCOME_HEADS[i];
        i += 1;
    }
    while i < all.len() {
        all[i] = EXPENSE_HEADS[i - INCOME_HEADS.len()];
        i += 1;
    }
    all
};

pub fn schema() -> Schema {
    Schema {
        row_name: "收支项目",
        grid_unit: "项",
        unique: &[],
        columns: vec![
            Column::new("side", "收支", Kind::Choice(&SIDES)).required(),
            Column::new("head", "科目", Kind::Choice(&HEADS)).required(),
            Column::new("sub_head", "明细科目", Kind::Text { max: 20 })
                .hint("办公费、水电费、维修费"),
            Column::new("summary", "摘要", Kind::Text { max: 100 }),
            Column::new("amount", "金额(元)", Kind::Money).required(),
        ],
    }
}

/// The columns one side's table shows on the sheet: all but 收支, which
/// the table's heading says.
pub fn side_schema() -> Schema {
    let mut schema = schema();
    schema.columns.retain(|c| c.key != "side");
    schema
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub income: bool,
    pub head: String,
    pub sub_head: String,
    pub summary: String,
    pub amount: Fen,
}

/// A line from a row of [`schema`]: the 科目 must be one of its side's.
pub fn record(row: &Row) -> Result<Line, Vec<CellError>> {
    let side = row.text("side");
    let head = row.text("head");
    let income = side == SIDES[0];
    let heads: &[&str] = if income {
        &INCOME_HEADS
    } else {
        &EXPENSE_HEADS
    };
    if !side.is_empty() && !head.is_empty() && !heads.contains(&head.as_str()) {
        return Err(vec![row.error(
            "head",
            format!("“{head}”不是{side}科目（{side}科目：{}）", heads.join("、")),
        )]);
    }
    Ok(Line {
        income,
        head,
        sub_head: row.text("sub_head"),
        summary: row.text("summary"),
        amount: row.money("amount").unwrap_or_default(),
    })
}

impl Line {
    pub fn cell(&self, key: &str) -> String {
        match key {
            "side" => SIDES[usize::from(!self.income)].to_owned(),
            "head" => self.head.clone(),
            "sub_head" => self.sub_head.clone(),
            "summary" => self.summary.clone(),
            "amount" => self.amount.to_yuan_string(),
            _ => String::new(),
        }
    }
}

/// The item's fields a statement reads (the category's template).
pub const OPENING_FIELD: &str = "opening";
pub const CLOSING_FIELD: &str = "closing";

/// A period's statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    /// 上期结余
    pub opening: Fen,
    pub lines: Vec<Line>,
    /// 账面期末结余, as the clerk entered it from the books.
    pub books_closing: Option<Fen>,
}

impl Statement {
    fn sum(&self, income: bool) -> Fen {
        self.lines
            .iter()
            .filter(|l| l.income == income)
            .map(|l| l.amount)
            .sum()
    }

    /// 本期收入合计
    pub fn income(&self) -> Fen {
        self.sum(true)
    }

    /// 本期支出合计
    pub fn expenditure(&self) -> Fen {
        self.sum(false)
    }

    /// 期末结余 = 上期结余 + 本期收入 − 本期支出 (may be negative).
    pub fn closing(&self) -> Fen {
        Fen(self.opening.0 + self.income().0 - self.expenditure().0)
    }

    /// Refuses a statement whose lines do not reach the books' closing
    /// balance, naming the difference in yuan.
    pub fn check_balance(&self) -> Result<(), FieldError> {
        let Some(books) = self.books_closing else {
            return Ok(());
        };
        let computed = self.closing();
        if books == computed {
            return Ok(());
        }
        let diff = Fen((books.0 - computed.0).abs());
        Err(FieldError::new(
            "账面期末结余",
            format!(
                "按明细算得期末结余{}元（上期结余{} + 收入{} − 支出{}），与账面期末结余{}元相差{}元，请核对明细",
                computed.to_yuan_string(),
                self.opening.to_yuan_string(),
                self.income().to_yuan_string(),
                self.expenditure().to_yuan_string(),
                books.to_yuan_string(),
                diff.to_yuan_string()
            ),
        ))
    }
}
