//! The demo school's people records: the year's 领导述职与民主评议 with its
//! tally, the 师德承诺 with its signers, both drafts to go through review
//! like any item.

use chrono::{Datelike, NaiveDate};
use gongshi_domain::OperatorName;
use gongshi_domain::category::Category;
use gongshi_domain::lines::{appraisal, pledge};

use super::{content, lines_table};
use crate::{Result, items};

pub(super) fn add(
    store: &mut gongshi_store::Store,
    op: &OperatorName,
    on: NaiveDate,
) -> Result<()> {
    let year = on.year().to_string();
    let mut report = content(
        &format!("{year}年度校级领导述职与民主评议结果公示"),
        "根据学校安排，校级领导在全体教职工大会上进行了年度述职，并由全体教职工进行民主评议。现将评议结果公示如下。",
        &[
            (appraisal::DATE_FIELD, &on.to_string()),
            (appraisal::ISSUED_FIELD, "60"),
            (appraisal::RETURNED_FIELD, "58"),
            (appraisal::VALID_FIELD, "56"),
        ],
        on,
    );
    report.table = Some(lines_table(
        Category::LeaderReport,
        &[
            &[
                "李校长",
                "校长",
                "推进课后服务全覆盖，完成教学楼加固工程。",
                "45",
                "9",
                "2",
                "0",
            ],
            &[
                "王副校长",
                "副校长",
                "分管教学，组织校本教研42次。",
                "38",
                "15",
                "2",
                "1",
            ],
            &["陈主任", "教务主任", "", "30", "20", "5", "1"],
        ],
    ));
    items::create(store, op, Category::LeaderReport, report)?;
    let mut pledges = content(
        &format!("{year}年度教师师德承诺公示"),
        "",
        &[
            (pledge::YEAR_FIELD, &year),
            ("complaint_channel", "校长信箱、校务公开意见箱"),
        ],
        on,
    );
    pledges.table = Some(lines_table(
        Category::EthicsPledge,
        &[
            &["刘芳", "语文组"],
            &["赵磊", "语文组"],
            &["孙丽", "数学组"],
            &["周强", "数学组"],
            &["吴敏", "英语组"],
            &["郑华", "综合组"],
        ],
    ));
    items::create(store, op, Category::EthicsPledge, pledges)?;
    Ok(())
}
