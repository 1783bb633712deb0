//! 采购: each purchase line with its amount checked (数量 × 单价 = 金额, to
//! the fen), how it was bought, its contract and acceptance; a line above
//! the school's 公开招标限额 bought another way needs its written reason,
//! which prints. The sheet totals by method.

use crate::money::Fen;
use crate::table::{CellError, Column, Kind, Quantity, Row, Schema};

/// 采购方式, as procurement law and the provinces' e-malls name them.
pub const METHODS: [&str; 9] = [
    "政府招标",
    "公开招标",
    "竞争性谈判",
    "竞争性磋商",
    "询价",
    "单一来源",
    "网上商城/电子卖场",
    "定点采购",
    "其他",
];

/// The methods that are a public tender.
pub const TENDERED: [&str; 2] = ["政府招标", "公开招标"];

/// The threshold a school starts with: 50万元. Provinces (and cities)
/// set their own 公开招标数额标准; the school sets its own in 设置.
pub const DEFAULT_THRESHOLD: Fen = Fen(50_000_000);

/// The setting's name on screen and in messages.
pub const THRESHOLD_NAME: &str = "公开招标限额";

pub fn schema() -> Schema {
    Schema {
        row_name: "采购项目",
        grid_unit: "项",
        unique: &[],
        columns: vec![
            Column::new("name", "品名", Kind::Text { max: 50 }).required(),
            Column::new("model", "规格型号", Kind::Text { max: 50 }),
            Column::new("count", "数量", Kind::Quantity).required(),
            Column::new("unit", "单位", Kind::Text { max: 6 })
                .required()
                .hint("台、套、件"),
            Column::new("price", "单价(元)", Kind::Money).required(),
            Column::new("amount", "金额(元)", Kind::Money).required(),
            Column::new("supplier", "供应商", Kind::Text { max: 50 }).required(),
            Column::new("method", "采购方式", Kind::Choice(&METHODS)).required(),
            Column::new("contract_on", "合同日期", Kind::Date),
            Column::new("accepted_on", "验收日期", Kind::Date),
            Column::new("accepted_by", "验收人", Kind::Person),
            Column::new("reason", "未招标原因", Kind::Text { max: 200 })
                .hint("超过公开招标限额而未招标时必填"),
        ],
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Purchase {
    pub name: String,
    pub model: String,
    pub count: Quantity,
    pub unit: String,
    pub price: Fen,
    pub amount: Fen,
    pub supplier: String,
    pub method: String,
    pub contract_on: Option<chrono::NaiveDate>,
    pub accepted_on: Option<chrono::NaiveDate>,
    pub accepted_by: String,
    pub reason: String,
}

/// A purchase from a row of [`schema`], for a school whose threshold is
/// `threshold`: the amount is 数量 × 单价, acceptance is not before the
/// contract, and a line above the threshold not tendered says why.
pub fn record(row: &Row, threshold: Fen) -> Result<Purchase, Vec<CellError>> {
    let p = Purchase {
        name: row.text("name"),
        model: row.text("model"),
        count: row.quantity("count").unwrap_or(Quantity(0)),
        unit: row.text("unit"),
        price: row.money("price").unwrap_or_default(),
        amount: row.money("amount").unwrap_or_default(),
        supplier: row.text("supplier"),
        method: row.text("method"),
        contract_on: row.date("contract_on"),
        accepted_on: row.date("accepted_on"),
        accepted_by: row.text("accepted_by"),
        reason: row.text("reason"),
    };
    let mut errors = Vec::new();
    if let (Some(count), Some(price), Some(amount)) = (
        row.quantity("count"),
        row.money("price"),
        row.money("amount"),
    ) {
        let expected = count.times(price).unwrap_or(Fen(i64::MAX));
        if expected != amount {
            errors.push(row.error(
                "amount",
                format!(
                    "数量{count} × 单价{}元 = {}元，与金额{}元不符",
                    price.to_yuan_string(),
                    expected.to_yuan_string(),
                    amount.to_yuan_string()
                ),
            ));
        }
    }
    if let (Some(contract), Some(accepted)) = (p.contract_on, p.accepted_on)
        && accepted < contract
    {
        errors.push(row.error(
            "accepted_on",
            format!("验收日期{accepted}早于合同日期{contract}"),
        ));
    }
    if let Some(why) = p.needs_reason(threshold) {
        errors.push(row.error("reason", why));
    }
    if errors.is_empty() {
        Ok(p)
    } else {
        Err(errors)
    }
}

impl Purchase {
    /// Whether the line is a public tender.
    pub fn tendered(&self) -> bool {
        TENDERED.contains(&self.method.as_str())
    }

    /// Why the line cannot print as it is: above the threshold, bought
    /// another way, and no reason written.
    pub fn needs_reason(&self, threshold: Fen) -> Option<String> {
        (self.amount > threshold
            && !self.method.is_empty()
            && !self.tendered()
            && self.reason.trim().is_empty())
        .then(|| {
            format!(
                "金额{}元超过本校{THRESHOLD_NAME}{}元，采购方式为“{}”而非公开招标，须写明未招标原因（原因将一并公示）",
                self.amount.to_yuan_string(),
                threshold.to_yuan_string(),
                self.method
            )
        })
    }

    pub fn cell(&self, key: &str) -> String {
        let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
        match key {
            "name" => self.name.clone(),
            "model" => self.model.clone(),
            "count" => self.count.to_string(),
            "unit" => self.unit.clone(),
            "price" => self.price.to_yuan_string(),
            "amount" => self.amount.to_yuan_string(),
            "supplier" => self.supplier.clone(),
            "method" => self.method.clone(),
            "contract_on" => date(self.contract_on),
            "accepted_on" => date(self.accepted_on),
            "accepted_by" => self.accepted_by.clone(),
            "reason" => self.reason.clone(),
            _ => String::new(),
        }
    }
}

/// Each method used, in [`METHODS`] order, with its lines and amount.
pub fn totals_by_method(lines: &[Purchase]) -> Vec<(&'static str, usize, Fen)> {
    METHODS
        .iter()
        .filter_map(|m| {
            let of: Vec<&Purchase> = lines.iter().filter(|l| l.method == *m).collect();
            (!of.is_empty()).then(|| (*m, of.len(), of.iter().map(|l| l.amount).sum()))
        })
        .collect()
}
