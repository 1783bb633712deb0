//! The command line of the clerk's week: calendar, items, board, feedback.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Subcommand};

use crate::args::PaperArg;

#[derive(Debug, Subcommand)]
pub enum CalendarCommand {
    /// 公示期的最后一天（ISO 日期；--json 给出更多）
    Workdays {
        /// 开始日期（休息日则从下一个工作日算起）
        #[arg(long, value_parser = crate::values::date)]
        from: NaiveDate,
        /// 工作日数
        #[arg(long, value_parser = crate::values::number::<u32>)]
        days: u32,
    },
    /// 录入一个放假日或调休上班日（以后年份逐日录入，或改正内置日历的一天）
    AddDay {
        #[arg(value_name = "日期", value_parser = crate::values::date)]
        date: NaiveDate,
        /// 名称，如 元旦、春节
        #[arg(long)]
        name: String,
        /// 放假（默认）
        #[arg(long, conflicts_with = "work")]
        off: bool,
        /// 调休上班
        #[arg(long)]
        work: bool,
    },
    /// 删除录入的日历日
    RemoveDay {
        #[arg(value_name = "日期", value_parser = crate::values::date)]
        date: NaiveDate,
    },
    /// 列出录入的日历日
    Days,
    /// 导入国务院办公厅的节假日安排通知（全文，UTF-8 或 GBK 文本）
    ImportNotice {
        #[arg(value_name = "文件")]
        file: PathBuf,
        /// 通知是哪一年的安排（不给则从标题中找）
        #[arg(long, value_parser = crate::values::number::<i32>)]
        year: Option<i32>,
        /// 只显示将保存的日期，不保存
        #[arg(long)]
        dry_run: bool,
    },
    /// 从日历文件导入（holiday-cn 的 .json，或 .ics）
    Import {
        #[arg(value_name = "文件")]
        file: PathBuf,
        /// 只显示将保存的日期，不保存
        #[arg(long)]
        dry_run: bool,
    },
    /// 逐日录完后，确认某一年的节假日安排已完整
    ConfirmYear {
        #[arg(value_name = "年份", value_parser = crate::values::number::<i32>)]
        year: i32,
    },
    /// 各年份的节假日安排是否完整
    Years,
}

#[derive(Debug, Args)]
pub struct ContentArgs {
    /// 标题
    #[arg(long)]
    pub title: Option<String>,
    /// 正文（每行一段）
    #[arg(long, conflicts_with = "body_file")]
    pub body: Option<String>,
    /// 从文件读正文（UTF-8 或 GBK 文本）
    #[arg(long, value_name = "FILE")]
    pub body_file: Option<PathBuf>,
    /// 类别字段，如 --field 公开名额=3（可多次）
    #[arg(long = "field", value_name = "名称=值")]
    pub fields: Vec<String>,
    /// 公示期（工作日）
    #[arg(long, value_parser = crate::values::number::<u32>)]
    pub days: Option<u32>,
    /// 计划张贴日期
    #[arg(long, value_parser = crate::values::date)]
    pub planned: Option<NaiveDate>,
    /// 附表：CSV 文件（UTF-8 或 GBK，第一行为表头）；财务收支、采购、学生资助、领导述职、师德承诺按模板的列（也可 .xlsx）
    #[arg(long, value_name = "FILE.csv")]
    pub table: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum TableCommand {
    /// 生成某类别表格的导入模板（Excel）
    Template {
        /// 财务收支、采购、学生资助、领导述职或师德承诺
        #[arg(long)]
        category: String,
        #[arg(long, value_name = "FILE.xlsx")]
        out: PathBuf,
    },
    /// 把填好的模板或账套导出的表格导入事项（整表替换；有错则全部不导入）
    Import {
        #[arg(value_name = "编号", value_parser = crate::values::number::<i64>)]
        id: i64,
        /// .xlsx、.xls、.ods 或 .csv；按表头名称找列，顺序不限
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// 导出事项的表格（全部列，Excel，标“内部”）
    Export {
        #[arg(value_name = "编号", value_parser = crate::values::number::<i64>)]
        id: i64,
        #[arg(long, value_name = "FILE.xlsx")]
        out: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum ItemsCommand {
    /// 列出事项（当前版本）
    List {
        #[arg(long)]
        category: Option<String>,
        #[arg(long)]
        status: Option<String>,
        /// 标题或正文中的文字
        #[arg(long)]
        text: Option<String>,
        /// 公示期与此区间重叠
        #[arg(long, requires = "to", value_parser = crate::values::date)]
        from: Option<NaiveDate>,
        #[arg(long, requires = "from", value_parser = crate::values::date)]
        to: Option<NaiveDate>,
    },
    /// 显示事项及其全部修订版
    Show {
        #[arg(value_name = "编号", value_parser = crate::values::number::<i64>)]
        id: i64,
    },
    /// 财务收支、采购、学生资助、领导述职、师德承诺的表格：导入模板、导入、导出
    Table {
        #[command(subcommand)]
        command: TableCommand,
    },
    /// 导出事项表格的全部列（含不公示的身份证号等），Excel，标“内部”
    InternalList {
        #[arg(value_name = "编号", value_parser = crate::values::number::<i64>)]
        id: i64,
        #[arg(long, value_name = "FILE.xlsx")]
        out: PathBuf,
    },
    /// 按类别模板新建事项（草稿）
    Add {
        /// 类别：重大决策、评优评先、职称评聘、财务收支、收费、采购、学生资助、领导述职、师德承诺、其他
        #[arg(long)]
        category: String,
        #[command(flatten)]
        content: ContentArgs,
    },
    /// 修改草稿或退回的事项（只改给出的项）
    Edit {
        #[arg(value_name = "编号", value_parser = crate::values::number::<i64>)]
        id: i64,
        #[command(flatten)]
        content: ContentArgs,
    },
    /// 提交审核
    Submit {
        #[arg(value_name = "编号", value_parser = crate::values::number::<i64>)]
        id: i64,
    },
    /// 保密审查和/或监督小组签字
    Review {
        #[arg(value_name = "编号", value_parser = crate::values::number::<i64>)]
        id: i64,
        /// 保密审查人
        #[arg(long)]
        confidentiality: Option<String>,
        /// 监督小组签字人
        #[arg(long)]
        signoff: Option<String>,
        #[arg(long, value_parser = crate::values::date)]
        date: Option<NaiveDate>,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// 批准（领导小组）
    Approve {
        #[arg(value_name = "编号", value_parser = crate::values::number::<i64>)]
        id: i64,
        #[arg(long)]
        by: String,
        #[arg(long, value_parser = crate::values::date)]
        date: Option<NaiveDate>,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// 退回（须写原因）
    Return {
        #[arg(value_name = "编号", value_parser = crate::values::number::<i64>)]
        id: i64,
        #[arg(long)]
        reason: String,
    },
    /// 张贴公示
    Post {
        #[arg(value_name = "编号", value_parser = crate::values::number::<i64>)]
        id: i64,
        #[arg(long, value_parser = crate::values::date)]
        date: Option<NaiveDate>,
    },
    /// 撤下（公示期未满时须写明原因）
    TakeDown {
        #[arg(value_name = "编号", value_parser = crate::values::number::<i64>)]
        id: i64,
        #[arg(long, value_parser = crate::values::date)]
        date: Option<NaiveDate>,
        /// 提前撤下的原因（记入台账）
        #[arg(long, default_value = "")]
        reason: String,
    },
    /// 归档：期满无异议，或异议已处理
    Close {
        #[arg(value_name = "编号", value_parser = crate::values::number::<i64>)]
        id: i64,
        #[arg(long, conflicts_with = "handled")]
        no_objection: bool,
        #[arg(long)]
        handled: bool,
        #[arg(long, value_parser = crate::values::date)]
        date: Option<NaiveDate>,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// 更正已张贴的事项：新建下一修订版（草稿）
    Revise {
        #[arg(value_name = "编号", value_parser = crate::values::number::<i64>)]
        id: i64,
    },
    /// 记录重大决策在教职工代表大会上的表决（实到须达三分之二，赞成须超过应到代表半数）
    Vote {
        #[arg(value_name = "编号", value_parser = crate::values::number::<i64>)]
        id: i64,
        /// 会议编号（教代会；应到、实到取自会议）
        #[arg(long, value_name = "会议编号", value_parser = crate::values::number::<i64>)]
        meeting: i64,
        /// 赞成票
        #[arg(long = "for", value_name = "票数", value_parser = crate::values::number::<u32>)]
        yes: u32,
        /// 反对票
        #[arg(long = "against", value_name = "票数", value_parser = crate::values::number::<u32>)]
        no: u32,
        /// 弃权票
        #[arg(long, value_name = "票数", value_parser = crate::values::number::<u32>)]
        abstain: u32,
    },
}

#[derive(Debug, Subcommand)]
pub enum BoardCommand {
    /// 本周公开栏；给出 --out 或 --png 则打印本周张贴批次（封面清单＋各张公示，每张印核验码）并存档
    Week {
        #[arg(long, value_parser = crate::values::date)]
        date: Option<NaiveDate>,
        /// 打印本周张贴的一批（每张存档并印核验码；只给 --png 也同样打印存档）
        #[arg(long, value_name = "FILE.pdf")]
        out: Option<PathBuf>,
        #[arg(long, value_enum, default_value = "a4")]
        paper: PaperArg,
        /// 与打印同时另存图片（核验码相同）
        #[command(flatten)]
        pictures: crate::args::PictureArgs,
    },
}

#[derive(Debug, Subcommand)]
pub enum FeedbackCommand {
    /// 登记反馈或异议
    Add {
        /// 来源：信箱、电话、教代会、家长座谈会、来信、其他
        #[arg(long)]
        channel: String,
        #[arg(long)]
        content: String,
        /// 相关事项编号
        #[arg(long, value_parser = crate::values::number::<i64>)]
        item: Option<i64>,
        /// 这是对事项的异议
        #[arg(long)]
        objection: bool,
        #[arg(long, value_parser = crate::values::date)]
        date: Option<NaiveDate>,
        /// 在这次会议上收到（会议编号）
        #[arg(long, value_name = "会议编号", value_parser = crate::values::number::<i64>)]
        meeting: Option<i64>,
    },
    /// 答复
    Answer {
        #[arg(value_name = "编号", value_parser = crate::values::number::<i64>)]
        id: i64,
        #[arg(long)]
        text: String,
        #[arg(long)]
        responder: String,
        #[arg(long, value_parser = crate::values::date)]
        date: Option<NaiveDate>,
        /// 在答复公示中公开
        #[arg(long)]
        publish: bool,
    },
    /// 列出反馈
    List {
        #[arg(long, value_parser = crate::values::number::<i64>)]
        item: Option<i64>,
    },
    /// 反馈登记表（Excel，内部）：每条反馈的渠道、日期、事项、内容、答复、答复用时
    Export {
        #[arg(long, value_name = "FILE.xlsx")]
        out: PathBuf,
        /// 只要这段时间收到的（不带时为全部）
        #[command(flatten)]
        range: crate::args_record::RangeArgs,
    },
    /// 打印答复公示（已公开的答复）
    Sheet {
        #[arg(long, value_name = "FILE.pdf", required_unless_present = "png")]
        out: Option<PathBuf>,
        #[arg(long, value_enum, default_value = "a4")]
        paper: PaperArg,
        #[command(flatten)]
        pictures: crate::args::PictureArgs,
    },
}

#[derive(Debug, Subcommand)]
pub enum SettingsCommand {
    /// 设置某类别的最短公示期（工作日；默认5）
    MinDays {
        #[arg(long)]
        category: String,
        #[arg(long, value_parser = crate::values::number::<u32>)]
        days: u32,
    },
    /// 查看或设置公开招标限额（元）：超过限额而未公开招标的采购须写明原因
    TenderThreshold {
        /// 新的限额，如 500000 或 4,000,000
        #[arg(long, value_name = "元")]
        set: Option<String>,
    },
    /// 查看或设置教代会表决规则：实到至少占应到代表的比例（默认 2/3），赞成须超过应到代表的比例（默认 1/2）
    Congress {
        /// 法定人数，如 2/3
        #[arg(long, value_name = "分数", requires = "majority")]
        quorum: Option<String>,
        /// 通过票数，如 1/2（赞成须超过应到代表的这一比例）
        #[arg(long, value_name = "分数", requires = "quorum")]
        majority: Option<String>,
    },
    /// 列出定期公开事项
    Regulars,
    /// 新增定期公开事项（本周公开栏检查其是否按时公开）
    AddRegular {
        #[arg(long)]
        category: String,
        #[arg(long)]
        title: String,
        /// 每月、每学期、每年
        #[arg(long)]
        rhythm: String,
    },
    /// 删除定期公开事项
    RemoveRegular {
        #[arg(value_name = "编号", value_parser = crate::values::number::<i64>)]
        id: i64,
    },
}
