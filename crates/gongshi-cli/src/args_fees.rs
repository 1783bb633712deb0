//! The command line of fees.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum FeesCommand {
    /// 导入模板（表头：项目、金额(元)、计费单位、适用年级、收费部门、咨询电话、收费依据、是否自愿、备注）
    Template {
        #[arg(long, value_name = "FILE.xlsx")]
        out: PathBuf,
    },
    /// 导入收费标准（.xlsx/.xls/.ods，或 UTF-8/GBK 的 .csv）；有任何错误则全部不保存
    Import {
        #[arg(value_name = "文件")]
        file: PathBuf,
        /// 学期，如 2026—2027学年第一学期 或 2026年秋季学期
        #[arg(long)]
        semester: String,
    },
    /// 显示某学期的收费标准
    Show {
        #[arg(long)]
        semester: String,
    },
    /// 列出学期
    List,
    /// 从以前的学期复制
    Copy {
        #[arg(long)]
        from: String,
        #[arg(long)]
        to: String,
    },
    /// 设置减免政策（印在收费公示和每封信上；批准前可改）
    Policy {
        #[arg(long)]
        semester: String,
        #[arg(long)]
        text: String,
    },
    /// 计费：每月收费按几个月计，每年收费是否在本学期收取（批准前可改）
    Terms {
        #[arg(long)]
        semester: String,
        /// 每月收费按几个月计（1–6）
        #[arg(long, value_parser = clap::value_parser!(u8).range(1..=6))]
        months: u8,
        /// 每年收费在本学期收取：是 或 否
        #[arg(long, value_name = "是|否", value_parser = crate::values::yes_no)]
        yearly: bool,
    },
    /// 批准（批准后冻结）
    Approve {
        #[arg(long)]
        semester: String,
        #[arg(long)]
        by: String,
        #[arg(long, value_parser = crate::values::date)]
        date: Option<NaiveDate>,
    },
    /// 收费公示（四公开表、依据、监督电话、减免政策、公示期、盖章处）
    Board {
        #[arg(long)]
        semester: String,
        #[arg(long, value_name = "FILE.pdf", required_unless_present = "png")]
        out: Option<PathBuf>,
        #[arg(long, value_enum, default_value = "a4")]
        paper: crate::args::PaperArg,
        #[command(flatten)]
        pictures: crate::args::PictureArgs,
    },
    /// 致家长的一封信：按班级人数每生一封，带回执
    Letters {
        #[arg(long)]
        semester: String,
        /// 只打印这个年级（1–12，初一为 7）
        #[arg(long, value_parser = crate::values::grade)]
        grade: Option<u8>,
        /// 每生一封的 PDF
        #[arg(long, value_name = "FILE.pdf", required_unless_present = "png")]
        out: Option<PathBuf>,
        /// 图片（--png）每班一张，发到班级群：回执写班级，不编号
        #[command(flatten)]
        pictures: crate::args::PictureArgs,
    },
    /// 导出 Excel（收费标准、各年级合计）
    Export {
        #[arg(long)]
        semester: String,
        #[arg(long, value_name = "FILE.xlsx")]
        out: PathBuf,
    },
    /// 设置班级人数（用于按人打印致家长的一封信）
    ClassSize {
        /// 年级 1–12（初一为 7）
        #[arg(long, value_parser = crate::values::grade)]
        grade: u8,
        /// 班级，如 1班
        #[arg(long)]
        class: String,
        #[arg(long, value_parser = crate::values::number::<u32>)]
        students: u32,
    },
    /// 删除班级（合并、撤销的班级）
    RemoveClass {
        /// 年级 1–12（初一为 7）
        #[arg(long, value_parser = crate::values::grade)]
        grade: u8,
        #[arg(long)]
        class: String,
    },
}
