//! The typed tables of 财务收支, 采购, 学生资助, 领导述职 and 师德承诺
//! items: each category's schema (述职's by the school's grades), and its
//! lines read from the item's table (stored as its headers and cells) by
//! that schema and its rules.

use crate::category::Category;
use crate::error::FieldErrors;
use crate::item::{ItemContent, ItemTable};
use crate::money::Fen;
use crate::table::{Context, Numbering, RowError, Schema};
use crate::{DomainError, FieldError};

pub mod appraisal;
pub mod finance;
pub mod pledge;
pub mod procurement;
pub mod subsidy;

#[cfg(test)]
mod tests;

/// An item's table read by its category's schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lines {
    Finance(finance::Statement),
    Procurement(Vec<procurement::Purchase>),
    Subsidy(Vec<subsidy::Grant>),
    Appraisal(appraisal::Appraisal),
    Pledge(Vec<pledge::Signer>),
}

/// The schema of a category whose table is typed, in this school (its
/// 民主评议 grades).
pub fn schema(category: Category, cx: &Context) -> Option<Schema> {
    match category {
        Category::Finance => Some(finance::schema()),
        Category::Procurement => Some(procurement::schema()),
        Category::Subsidy => Some(subsidy::schema()),
        Category::LeaderReport => Some(appraisal::schema(&cx.appraisal)),
        Category::EthicsPledge => Some(pledge::schema()),
        _ => None,
    }
}

/// The fields a category's table prints itself, worked out (a statement's
/// balances, an appraisal's ballots): not listed again with the others.
pub fn fields_told_by_table(category: Category) -> &'static [&'static str] {
    match category {
        Category::Finance => &[finance::OPENING_FIELD, finance::CLOSING_FIELD],
        Category::LeaderReport => &[
            appraisal::ISSUED_FIELD,
            appraisal::RETURNED_FIELD,
            appraisal::VALID_FIELD,
        ],
        _ => &[],
    }
}

/// Whether a category's table is typed (whatever the school's context
/// makes of its columns).
pub fn is_typed(category: Category) -> bool {
    schema(category, &Context::default()).is_some()
}

/// The categories whose table is typed, as a refusal lists them.
pub fn typed_labels() -> String {
    Category::ALL
        .into_iter()
        .filter(|c| is_typed(*c))
        .map(Category::label)
        .collect::<Vec<_>>()
        .join("、")
}

/// Reads a category's table rows (numbered as `numbering` counts them)
/// into its lines: every problem named by row and column.
fn read_rows(
    category: Category,
    schema: &Schema,
    rows: &[(usize, Vec<String>)],
    numbering: Numbering,
    cx: &Context,
) -> Result<Lines, Vec<crate::table::RowError>> {
    Ok(match category {
        Category::Finance => Lines::Finance(finance::Statement {
            opening: Fen(0),
            lines: schema.read_all(rows, numbering, cx, finance::record)?,
            books_closing: None,
        }),
        Category::Procurement => Lines::Procurement(schema.read_all(rows, numbering, cx, |r| {
            procurement::record(r, cx.tender_threshold)
        })?),
        Category::LeaderReport => Lines::Appraisal(appraisal::Appraisal {
            scale: cx.appraisal.clone(),
            ballots: None,
            leaders: schema
                .read_all(rows, numbering, cx, |r| appraisal::record(r, &cx.appraisal))?,
        }),
        Category::EthicsPledge => {
            Lines::Pledge(schema.read_all(rows, numbering, cx, pledge::record)?)
        }
        _ => Lines::Subsidy(schema.read_all(rows, numbering, cx, subsidy::record)?),
    })
}

/// What is wrong with one row of a category's table (the grid's check).
pub fn check_row(
    category: Category,
    cells: &[String],
    cx: &Context,
) -> Vec<crate::table::CellError> {
    let Some(schema) = schema(category, cx) else {
        return Vec::new();
    };
    match read_rows(
        category,
        &schema,
        &[(1, cells.to_vec())],
        Numbering::Grid,
        cx,
    ) {
        Ok(_) => Vec::new(),
        Err(rows) => rows
            .into_iter()
            .map(|e| crate::table::CellError {
                column: e.column.unwrap_or(0),
                message: e.message,
            })
            .collect(),
    }
}

/// The table a category's lines are stored as: the schema's headers and
/// each row's cells in its order, read from a file's rows (the header row
/// found by its headers, in any order) or the grid's.
pub fn table_of(
    category: Category,
    rows: &[(usize, Vec<String>)],
    numbering: Numbering,
    cx: &Context,
) -> Result<ItemTable, Vec<RowError>> {
    let Some(schema) = schema(category, cx) else {
        return Ok(ItemTable::default());
    };
    read_rows(category, &schema, rows, numbering, cx)?;
    Ok(ItemTable {
        columns: schema.headers(),
        rows: rows
            .iter()
            .map(|(_, r)| {
                schema
                    .parse(r, cx)
                    .map(|row| row.cells())
                    .unwrap_or_else(|_| r.clone())
            })
            .collect(),
    })
}

fn row_errors(rows: Vec<crate::table::RowError>) -> DomainError {
    let mut errs = FieldErrors::default();
    for e in rows {
        errs.check::<()>(Err(FieldError::new("表格", e.to_string())));
    }
    errs.finish()
        .err()
        .unwrap_or_else(|| FieldError::new("表格", "有误").into())
}

/// An item's lines, if its category's table is typed and it has one:
/// the table must have the schema's columns and every row its rules; a
/// statement reads its opening and closing balances from the fields.
pub fn read(
    category: Category,
    content: &ItemContent,
    cx: &Context,
) -> Result<Option<Lines>, DomainError> {
    // What the fields say alone is checked first, table or not.
    let ballots = match category {
        Category::LeaderReport => appraisal::Ballots::from_fields(&content.fields)?,
        _ => None,
    };
    if let Some(b) = &ballots {
        b.check()?;
    }
    if category == Category::EthicsPledge {
        pledge::check_year(&content.fields)?;
    }
    let (Some(schema), Some(table)) = (schema(category, cx), content.table.as_ref()) else {
        return Ok(None);
    };
    if !table.has_data() {
        return Ok(None);
    }
    if table.columns != schema.headers() {
        return Err(FieldError::new(
            "表格",
            format!(
                "{}的表格应有这些列：{}（请用本类别的导入模板或表格编辑）",
                category.label(),
                schema.headers().join("、")
            ),
        )
        .into());
    }
    let rows = Schema::grid_rows(&table.rows);
    let mut lines = read_rows(category, &schema, &rows, Numbering::Grid, cx).map_err(row_errors)?;
    if let Lines::Finance(statement) = &mut lines {
        let money = |key: &str, label: &'static str| -> Result<Option<Fen>, FieldError> {
            match content
                .fields
                .get(key)
                .map(|v| v.trim())
                .filter(|v| !v.is_empty())
            {
                Some(v) => Fen::parse_signed(label, v).map(Some),
                None => Ok(None),
            }
        };
        statement.opening = money(finance::OPENING_FIELD, "上期结余")?.unwrap_or_default();
        statement.books_closing = money(finance::CLOSING_FIELD, "账面期末结余")?;
    }
    if let Lines::Appraisal(tally) = &mut lines {
        // Once the ballots are in, no leader may have more votes.
        tally.ballots = ballots;
        if ballots.is_some() {
            tally.check()?;
        }
    }
    Ok(Some(lines))
}
