//! `gongshi leaders …` (领导述职与民主评议) and `gongshi pledges …` (师德承诺).
//! Both records are items (类别 领导述职, 师德承诺): added, reviewed,
//! approved and posted with `gongshi items`, their tables filled with
//! `gongshi items table`.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Subcommand;

use crate::args::{PaperArg, PictureArgs};

#[derive(Debug, Subcommand)]
pub enum LeadersCommand {
    /// 民主评议的等次（从好到差）及计入满意率的等次数；不带参数时显示当前设置
    Grades {
        /// 等次，用逗号或顿号分开，如：优秀,称职,基本称职,不称职
        #[arg(long, value_name = "等次")]
        set: Option<String>,
        /// 前几个等次计入满意率（默认2：优秀、称职）
        #[arg(long, value_name = "个数", value_parser = crate::values::number::<usize>, requires = "set")]
        satisfied: Option<usize>,
    },
    /// 查看领导述职事项的评议结果：各等次票数、比例与满意率
    Show {
        #[arg(value_name = "事项编号", value_parser = crate::values::number::<i64>)]
        id: i64,
    },
}

#[derive(Debug, Subcommand)]
pub enum PledgesCommand {
    /// 打印师德承诺签名表（每位教师一行，供教职工会议签名）
    Signing {
        #[arg(value_name = "事项编号", value_parser = crate::values::number::<i64>)]
        id: i64,
        #[arg(long, value_name = "FILE.pdf", required_unless_present = "png")]
        out: Option<PathBuf>,
        #[arg(long, value_enum, default_value = "a4")]
        paper: PaperArg,
        #[command(flatten)]
        pictures: PictureArgs,
    },
    /// 登记查实的师德问题（内部，不公开）；评优评先的师德否决可注明案例编号
    CaseAdd {
        /// 教师姓名
        #[arg(long, value_name = "姓名")]
        teacher: String,
        /// 查实日期
        #[arg(long, value_parser = crate::values::date)]
        date: NaiveDate,
        /// 查实情况
        #[arg(long, value_name = "情况")]
        summary: String,
    },
    /// 列出登记的师德问题（内部）
    Cases,
}
