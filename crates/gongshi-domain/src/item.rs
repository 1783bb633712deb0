//! A disclosure item's content: what its sheet shows, checked against its
//! category's template.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::category::{Category, FieldKind};
use crate::error::FieldErrors;
use crate::{DomainError, FieldError, text};

pub const TITLE_MAX: usize = 100;
pub const BODY_MAX: usize = 20_000;
pub const FIELD_MAX: usize = 500;
pub const TABLE_MAX_ROWS: usize = 500;
pub const TABLE_MAX_COLUMNS: usize = 12;
pub const CELL_MAX: usize = 200;
pub const POSTING_DAYS_MAX: u32 = 60;

/// A plain table attached to an item.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemTable {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl ItemTable {
    /// Whether it has a row with text in it (a header alone is no table).
    pub fn has_data(&self) -> bool {
        self.rows
            .iter()
            .any(|r| r.iter().any(|c| !c.trim().is_empty()))
    }

    /// Checks its size, naming a row by `row_number(i)` for the i-th row
    /// (from 0): the grid's own number, or the line a spreadsheet shows for
    /// a table read from a file.
    pub fn check(&self, row_number: impl Fn(usize) -> usize) -> Result<(), FieldError> {
        let field = "表格";
        if self.columns.is_empty() || self.columns.len() > TABLE_MAX_COLUMNS {
            return Err(FieldError::new(
                field,
                format!("有{}列，应有1到{TABLE_MAX_COLUMNS}列", self.columns.len()),
            ));
        }
        if self.rows.len() > TABLE_MAX_ROWS {
            return Err(FieldError::new(
                field,
                format!("有{}行，最多{TABLE_MAX_ROWS}行", self.rows.len()),
            ));
        }
        // A character that prints as nothing, named by its place, not
        // quoted (the quote would carry it).
        let hidden = |place: String, cells: &[String]| -> Result<(), FieldError> {
            for (col, cell) in cells.iter().enumerate() {
                if let Some((at, c)) = cell
                    .chars()
                    .enumerate()
                    .find(|(_, c)| crate::text::is_hidden(*c))
                {
                    return Err(FieldError::new(
                        field,
                        format!(
                            "{place}第{}格的第{}个字符是看不见的控制字符（U+{:04X}），请删去",
                            col + 1,
                            at + 1,
                            u32::from(c)
                        ),
                    ));
                }
            }
            Ok(())
        };
        hidden("表头".into(), &self.columns)?;
        for (i, row) in self.rows.iter().enumerate() {
            hidden(format!("第{}行", row_number(i)), row)?;
            if row.len() > self.columns.len() {
                return Err(FieldError::new(
                    field,
                    format!("第{}行的格数多于表头", row_number(i)),
                ));
            }
            if let Some(cell) = row.iter().find(|c| c.chars().count() > CELL_MAX) {
                let head: String = cell.chars().take(10).collect();
                return Err(FieldError::new(
                    field,
                    format!("第{}行“{head}…”超过{CELL_MAX}字", row_number(i)),
                ));
            }
        }
        Ok(())
    }
}

/// Whether a column holds people's names (姓名, 学生姓名, 受助学生…).
pub fn is_name_column(title: &str) -> bool {
    let t = title.trim();
    t.contains("姓名") || matches!(t, "学生" | "受助学生" | "受助人" | "受助对象")
}

impl ItemTable {
    /// The table as a public sheet of `category` shows it. 学生资助: the
    /// columns that hold personal data (身份证号, 家庭住址, 联系电话, 家庭情况,
    /// 银行卡号… — kept for the payment and the file, the internal Excel)
    /// are left out, and every name is masked (李*, 张*明). Other
    /// categories show their table as it is (the privacy scan still reads
    /// it).
    pub fn public(&self, category: Category, cx: &crate::table::Context) -> ItemTable {
        // A typed table says itself what is internal and what is masked.
        let typed = crate::lines::schema(category, cx).filter(|s| s.headers() == self.columns);
        let (kept, names): (Vec<usize>, Vec<bool>) = match typed {
            Some(schema) => schema
                .public_columns()
                .into_iter()
                .map(|i| (i, schema.columns[i].masked))
                .unzip(),
            None if category != Category::Subsidy => return self.clone(),
            // A list from before the schema: its personal columns by their
            // names.
            None => (0..self.columns.len())
                .filter(|i| crate::privacy::personal_column(&self.columns[*i]).is_none())
                .map(|i| (i, is_name_column(&self.columns[i])))
                .unzip(),
        };
        ItemTable {
            columns: kept.iter().map(|i| self.columns[*i].clone()).collect(),
            rows: self
                .rows
                .iter()
                .map(|row| {
                    kept.iter()
                        .zip(&names)
                        .map(|(i, name)| {
                            let cell = row.get(*i).cloned().unwrap_or_default();
                            if *name {
                                crate::privacy::mask_name(&cell)
                            } else {
                                cell
                            }
                        })
                        .collect()
                })
                .collect(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemContent {
    pub title: String,
    pub body: String,
    /// The category's template fields, by key.
    pub fields: BTreeMap<String, String>,
    pub table: Option<ItemTable>,
    /// Length of the posting period in working days.
    pub posting_days: u32,
    /// The day the clerk plans to post it (the week board uses it).
    pub planned_start: Option<NaiveDate>,
}

impl ItemContent {
    /// Checks sizes and formats (a draft may still lack required fields).
    pub fn validated(mut self, category: Category) -> Result<Self, DomainError> {
        let mut errs = FieldErrors::default();
        if let Some(t) = errs.check(text::required("标题", &self.title, TITLE_MAX)) {
            self.title = t;
        }
        if let Some(b) = errs.check(text::limited("正文", &self.body, BODY_MAX)) {
            self.body = b;
        }
        if self.posting_days == 0 || self.posting_days > POSTING_DAYS_MAX {
            errs.check::<()>(Err(FieldError::new(
                "公示期",
                format!("应为1到{POSTING_DAYS_MAX}个工作日"),
            )));
        }
        let mut fields = BTreeMap::new();
        for spec in category.required_fields() {
            let value = self.fields.get(spec.key).map(String::as_str).unwrap_or("");
            let Some(mut value) = errs.check(text::limited(spec.label, value, FIELD_MAX)) else {
                continue;
            };
            // A count typed full width (５２) is kept as a count.
            if spec.kind == FieldKind::Number && !value.is_empty() {
                match errs.check(text::whole_number(spec.label, &value)) {
                    Some(n) => value = n.to_string(),
                    None => continue,
                }
            }
            if !value.is_empty() {
                match spec.kind {
                    FieldKind::Date if value.parse::<NaiveDate>().is_err() => {
                        errs.check::<()>(Err(FieldError::new(
                            spec.label,
                            format!("“{value}”不是日期（例：2026-11-24）"),
                        )));
                    }
                    FieldKind::Money => {
                        errs.check(crate::Fen::parse_signed(spec.label, &value));
                    }
                    FieldKind::Choice(list) if !list.contains(&value.as_str()) => {
                        errs.check::<()>(Err(FieldError::new(
                            spec.label,
                            format!("“{value}”应是{}之一", list.join("、")),
                        )));
                    }
                    _ => {}
                }
            }
            fields.insert(spec.key.to_owned(), value);
        }
        self.fields = fields;
        if let Some(table) = &self.table {
            errs.check(check_table(table));
        }
        errs.finish()?;
        Ok(self)
    }

    /// Checks that every required field is filled, and the table where the
    /// category's sheet needs one: before review.
    pub fn complete(&self, category: Category) -> Result<(), DomainError> {
        let mut errs = FieldErrors::default();
        if self.body.trim().is_empty() {
            errs.check::<()>(Err(FieldError::new("正文", "提交审核前必须填写")));
        }
        for spec in category.required_fields().iter().filter(|s| s.required) {
            if self
                .fields
                .get(spec.key)
                .is_none_or(|v| v.trim().is_empty())
            {
                errs.check::<()>(Err(FieldError::new(spec.label, "提交审核前必须填写")));
            }
        }
        if let Some(what) = category.required_table()
            && !self.table.as_ref().is_some_and(ItemTable::has_data)
        {
            errs.check::<()>(Err(FieldError::new(
                "表格",
                format!(
                    "{}的公示需要附表（{what}），提交审核前必须附上",
                    category.label()
                ),
            )));
        }
        errs.finish()
    }

    /// Warnings that do not block (a period shorter than the minimum).
    pub fn warnings(&self, min_days: u32) -> Vec<String> {
        let mut w = Vec::new();
        if self.posting_days < min_days {
            w.push(format!(
                "公示期{}个工作日，少于本类别要求的{min_days}个工作日",
                self.posting_days
            ));
        }
        w
    }
}

fn check_table(table: &ItemTable) -> Result<(), FieldError> {
    table.check(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content() -> ItemContent {
        ItemContent {
            title: "2026年教师节评优结果公示".into(),
            body: "经民意测评、工作量化，现将结果公示如下。".into(),
            fields: BTreeMap::from([
                ("criteria".into(), "师德合格，考核优秀".into()),
                ("quota".into(), "3".into()),
                ("objection_channel".into(), "校务公开意见箱".into()),
            ]),
            table: Some(ItemTable {
                columns: vec!["名次".into(), "姓名".into(), "总分".into()],
                rows: vec![vec!["1".into(), "李老师".into(), "92.50".into()]],
            }),
            posting_days: 5,
            planned_start: None,
        }
    }

    #[test]
    fn a_complete_award_item_passes() {
        let c = content().validated(Category::Award).unwrap();
        assert!(c.complete(Category::Award).is_ok());
    }

    #[test]
    fn missing_required_fields_are_named_on_submit() {
        let mut c = content();
        c.fields.remove("quota");
        let c = c.validated(Category::Award).unwrap();
        let msg = c.complete(Category::Award).unwrap_err().to_string();
        assert_eq!(msg, "公开名额：提交审核前必须填写");
    }

    #[test]
    fn a_sheet_that_needs_its_table_is_not_complete_without_one() {
        let header_only = ItemTable {
            columns: vec!["姓名".into(), "总分".into()],
            rows: vec![vec![String::new(), " ".into()]],
        };
        for table in [None, Some(ItemTable::default()), Some(header_only)] {
            let c = ItemContent { table, ..content() };
            let msg = c.complete(Category::Award).unwrap_err().to_string();
            assert_eq!(
                msg,
                "表格：评优评先的公示需要附表（拟推荐人选名单），提交审核前必须附上"
            );
            // A category whose table is optional goes without.
            let mut other = c.clone();
            other.fields.clear();
            assert!(other.complete(Category::Other).is_ok());
        }
    }

    #[test]
    fn an_invisible_character_in_a_cell_is_refused_by_its_place() {
        let t = ItemTable {
            columns: vec!["姓名".into(), "备注".into()],
            rows: vec![vec!["张三".into(), "优\u{202E}秀".into()]],
        };
        let err = t.check(|i| i + 2).unwrap_err().to_string();
        assert_eq!(
            err,
            "表格：第2行第2格的第2个字符是看不见的控制字符（U+202E），请删去"
        );
        let header = ItemTable {
            columns: vec!["姓\u{200B}名".into()],
            rows: vec![],
        };
        assert!(
            header
                .check(|i| i + 1)
                .unwrap_err()
                .to_string()
                .contains("表头第1格")
        );
    }

    #[test]
    fn a_subsidy_list_shows_masked_names_and_no_personal_columns() {
        let t = ItemTable {
            columns: [
                "序号",
                "学生姓名",
                "班级",
                "身份证号",
                "资助项目",
                "家庭住址",
                "金额（元）",
            ]
            .map(String::from)
            .to_vec(),
            rows: vec![
                [
                    "1",
                    "张小明",
                    "三年级1班",
                    "11010519491231002X",
                    "生活补助",
                    "幸福路12号",
                    "750.00",
                ]
                .map(String::from)
                .to_vec(),
                [
                    "2",
                    "欧阳华",
                    "五年级2班",
                    "440524188001010014",
                    "生活补助",
                    "人民路3号",
                    "750.00",
                ]
                .map(String::from)
                .to_vec(),
            ],
        };
        let public = t.public(Category::Subsidy, &Default::default());
        assert_eq!(
            public.columns,
            ["序号", "学生姓名", "班级", "资助项目", "金额（元）"]
        );
        assert_eq!(
            public.rows[0],
            ["1", "张*明", "三年级1班", "生活补助", "750.00"]
        );
        assert_eq!(public.rows[1][1], "欧阳*");
        // Another category's table is shown as it is.
        assert_eq!(t.public(Category::Award, &Default::default()), t);
    }

    #[test]
    fn a_table_names_its_rows_as_the_caller_numbers_them() {
        let t = ItemTable {
            columns: vec!["姓名".into()],
            rows: vec![vec!["张三".into()], vec!["字".repeat(CELL_MAX + 1)]],
        };
        let grid = t.check(|i| i + 1).unwrap_err().to_string();
        assert!(grid.starts_with("表格：第2行“字"), "{grid}");
        let sheet = t.check(|i| i + 3).unwrap_err().to_string();
        assert!(sheet.starts_with("表格：第4行“字"), "{sheet}");
    }

    #[test]
    fn bad_values_are_named() {
        let mut c = content();
        c.title = " ".into();
        c.body = "字".repeat(BODY_MAX + 1);
        c.fields.insert("quota".into(), "三".into());
        c.posting_days = 0;
        let msg = c.validated(Category::Award).unwrap_err().to_string();
        for field in [
            "标题：不能为空",
            "正文：不能超过20000个字",
            "公示期：",
            "公开名额：“三”不是整数",
        ] {
            assert!(msg.contains(field), "{msg}");
        }
    }

    #[test]
    fn a_choice_field_takes_only_its_choices() {
        let mut c = content();
        c.fields.insert("stage".into(), "定稿".into());
        let msg = c
            .clone()
            .validated(Category::MajorDecision)
            .unwrap_err()
            .to_string();
        assert_eq!(msg, "阶段：“定稿”应是讨论稿、正式稿之一");
        c.fields.insert("stage".into(), "正式稿".into());
        let ok = c.validated(Category::MajorDecision).unwrap();
        assert_eq!(ok.fields["stage"], "正式稿");
    }

    #[test]
    fn a_short_period_warns_but_passes() {
        let mut c = content();
        c.posting_days = 3;
        let c = c.validated(Category::Award).unwrap();
        assert_eq!(
            c.warnings(5),
            ["公示期3个工作日，少于本类别要求的5个工作日"]
        );
    }

    #[test]
    fn fields_of_other_categories_are_dropped() {
        let mut c = content();
        c.fields.insert("supplier".into(), "某公司".into());
        let c = c.validated(Category::Award).unwrap();
        assert!(!c.fields.contains_key("supplier"));
    }
}
