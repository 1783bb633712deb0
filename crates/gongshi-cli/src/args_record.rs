//! `gongshi register`, `gongshi report …` (the year's record) and the
//! range of dates they take.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Subcommand};

use crate::args::PictureArgs;

/// A range of dates: `--from D --to D`, or a whole year.
#[derive(Debug, Args)]
#[group(skip)]
pub struct RangeArgs {
    /// 开始日期（含）
    #[arg(long, value_name = "日期", value_parser = crate::values::date, requires = "to", conflicts_with_all = ["year", "school_year"])]
    pub from: Option<NaiveDate>,
    /// 结束日期（含）
    #[arg(long, value_name = "日期", value_parser = crate::values::date, requires = "from")]
    pub to: Option<NaiveDate>,
    /// 整个自然年（1月1日至12月31日）
    #[arg(long, value_name = "年份", value_parser = crate::values::number::<i32>, conflicts_with_all = ["school_year", "to"])]
    pub year: Option<i32>,
    /// 整个学年（当年9月1日至次年8月31日），如 2025 表示2025—2026学年
    #[arg(long, value_name = "年份", value_parser = crate::values::number::<i32>, conflicts_with = "to")]
    pub school_year: Option<i32>,
}

#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("range").required(true).args(["from", "year", "school_year"]))]
pub struct RegisterArgs {
    #[command(flatten)]
    pub range: RangeArgs,
    #[arg(long, value_name = "FILE.xlsx")]
    pub out: PathBuf,
}

#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// 年度校务公开工作报告：正文与主要数据（含图表）的 PDF，--xlsx 另存数据与 Excel 图表
    Year {
        #[arg(long, value_name = "年份", value_parser = crate::values::number::<i32>)]
        year: i32,
        #[arg(long, value_name = "FILE.pdf", required_unless_present_any = ["png", "xlsx"])]
        out: Option<PathBuf>,
        /// 同时把主要数据存为 Excel（含 Excel 图表）
        #[arg(long, value_name = "FILE.xlsx")]
        xlsx: Option<PathBuf>,
        #[command(flatten)]
        pictures: PictureArgs,
    },
    /// 报告正文：不带参数时显示（已编辑的或按数据生成的草稿）；--file 保存编辑后的正文；--draft 显示按数据生成的草稿
    Text {
        #[arg(long, value_name = "年份", value_parser = crate::values::number::<i32>)]
        year: i32,
        /// 编辑后的正文（纯文本；每节以“一、”“二、”这样的标题行开始）
        #[arg(long, value_name = "文件.txt", conflicts_with = "draft")]
        file: Option<PathBuf>,
        /// 显示按本年数据生成的草稿（不保存）
        #[arg(long)]
        draft: bool,
    },
}
