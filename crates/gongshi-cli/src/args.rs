//! The command line, as ../shared/CLI.md shapes it.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(name = "gongshi", version, about = "公示：校务公开的命令行")]
pub struct Cli {
    /// 数据文件（默认：系统应用数据文件夹下的 Gongshi/gongshi.sqlite3，或 $GONGSHI_DB）
    #[arg(long, global = true, value_name = "文件")]
    pub db: Option<PathBuf>,

    /// 以 JSON 输出（供脚本使用）
    #[arg(long, global = true)]
    pub json: bool,

    /// 操作人：记入每一条修改记录
    #[arg(
        long,
        global = true,
        env = "GONGSHI_OPERATOR",
        default_value = "命令行",
        value_name = "姓名"
    )]
    pub operator: String,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// 新建数据文件（--demo：示例学校）
    Init(InitArgs),
    /// 学校、数量、数据版本
    Info,
    /// 学校信息
    #[command(subcommand)]
    School(SchoolCommand),
    /// 操作人
    #[command(subcommand)]
    Operators(OperatorsCommand),
    /// 打印（样张）
    #[command(subcommand)]
    Print(PrintCommand),
    /// 工作日历：公示期的工作日
    #[command(subcommand)]
    Calendar(crate::args_week::CalendarCommand),
    /// 公开事项：新建、修改、审核、张贴、撤下、归档、更正
    #[command(subcommand)]
    Items(crate::args_week::ItemsCommand),
    /// 本周公开栏
    #[command(subcommand)]
    Board(crate::args_week::BoardCommand),
    /// 反馈栏与异议
    #[command(subcommand)]
    Feedback(crate::args_week::FeedbackCommand),
    /// 公开类别的最短公示期、定期公开事项、教代会表决规则
    #[command(subcommand)]
    Settings(crate::args_week::SettingsCommand),
    /// 会议：教代会、教师代表会议、对话会、家长座谈会；会上公开的事项与表决
    #[command(subcommand)]
    Meetings(crate::args_meetings::MeetingsCommand),
    /// 领导述职与民主评议：评议等次、查看评议结果（事项类别：领导述职）
    #[command(subcommand)]
    Leaders(crate::args_people::LeadersCommand),
    /// 师德承诺：签名表、登记师德案例（事项类别：师德承诺）
    #[command(subcommand)]
    Pledges(crate::args_people::PledgesCommand),
    /// 收费：导入模板、导入、复制、批准、班级人数
    #[command(subcommand)]
    Fees(crate::args_fees::FeesCommand),
    /// 评优评先、职称评聘：评选、评分导入、排名、结果公示、评分明细
    #[command(subcommand)]
    Eval(crate::args_eval::EvalCommand),
    /// 备份与恢复：立即备份、列出、检查、恢复、第二备份位置
    #[command(subcommand)]
    Backup(crate::args_backup::BackupCommand),
    /// 修改记录：检查是否被改动
    #[command(subcommand)]
    Audit(crate::args_backup::AuditCommand),
    /// 核验公示：按张贴稿上的核验码（或扫描二维码）查出存档原件
    Verify(VerifyArgs),
    /// 短信：把公开事项或收费告知写成一条短信（默认不超过70字）
    Sms(SmsArgs),
    /// 台账：一段时间内公开的每一项（Excel：汇总表 + 每类一表）
    Register(crate::args_record::RegisterArgs),
    /// 年度校务公开工作报告：数据、图表与正文
    #[command(subcommand)]
    Report(crate::args_record::ReportCommand),
    /// 上报教育局：设置、上报、查看状态、导出离线文件
    #[command(subcommand)]
    District(crate::args_district::DistrictCommand),
}

#[derive(Debug, Args)]
#[group(skip)]
#[command(group = clap::ArgGroup::new("what").required(true).multiple(false))]
pub struct SmsArgs {
    /// 公开事项的编号
    #[arg(long, value_name = "编号", group = "what")]
    pub item: Option<i64>,
    /// 收费的学期（致家长的一封信的短信版）
    #[arg(long, value_name = "学期", group = "what")]
    pub semester: Option<String>,
    /// 只写这个年级（1–12，初一为 7；与 --semester 同用）
    #[arg(long, value_parser = crate::values::grade, conflicts_with = "item")]
    pub grade: Option<u8>,
    /// 最多多少字（默认70，一条短信）
    #[arg(long, value_name = "字数", default_value_t = 70)]
    pub max: usize,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// 核验码，如 K7Q2-15-2-8FJ3XK9P（大小写、空格均可）
    #[arg(value_name = "核验码")]
    pub code: String,
    /// 把存档原件（PDF）取出到这个文件夹，以便与纸面逐字对照
    #[arg(long, value_name = "文件夹")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum PrintCommand {
    /// 示例学校的收费公示样张，单独试用排版引擎
    Demo {
        /// 纸张：a4 或 a3
        #[arg(long, value_enum, default_value = "a4")]
        paper: PaperArg,
        /// 输出的 PDF 文件
        #[arg(long, value_name = "FILE.pdf", required_unless_present = "png")]
        out: Option<PathBuf>,
        #[command(flatten)]
        pictures: PictureArgs,
    },
}

/// Every print command's pictures: `--png DIR` (with or instead of the PDF).
#[derive(Debug, Args)]
pub struct PictureArgs {
    /// 另存为手机看的 PNG 图片（1080 像素宽），放到这个文件夹；可与 --out 同用
    #[arg(long, value_name = "文件夹")]
    pub png: Option<PathBuf>,
    /// 多页拼成一张长图（默认每页一张）
    #[arg(long, requires = "png")]
    pub tall: bool,
    /// 两倍清晰度（2160 像素宽，适合冲印）
    #[arg(long = "2x", requires = "png")]
    pub sharp: bool,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum PaperArg {
    A4,
    A3,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// 建立示例学校（带示例数据，标明“示例”）
    #[arg(long, conflicts_with = "name")]
    pub demo: bool,
    /// 空白学校的名称
    #[arg(long)]
    pub name: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum SchoolCommand {
    /// 显示学校信息
    Show,
    /// 修改学校信息（只改给出的项）
    Set(SchoolSetArgs),
    /// 三个小组（领导小组、工作小组、监督小组）：不带选项时显示，带选项时修改给出的小组
    Groups(GroupsArgs),
}

#[derive(Debug, Args)]
pub struct GroupsArgs {
    /// 领导小组成员，逗号分隔，组长在前（如 李新义,陈晓）
    #[arg(long, value_name = "姓名,姓名")]
    pub leading: Option<String>,
    /// 工作小组成员，逗号分隔
    #[arg(long, value_name = "姓名,姓名")]
    pub working: Option<String>,
    /// 监督小组成员，逗号分隔
    #[arg(long, value_name = "姓名,姓名")]
    pub supervision: Option<String>,
    /// 放宽“各司其职”：允许一人完成保密审查、签字、批准中的多步（记入修改记录）
    #[arg(long, conflicts_with = "strict")]
    pub relax: bool,
    /// 恢复“各司其职”（默认）
    #[arg(long)]
    pub strict: bool,
}

#[derive(Debug, Args)]
pub struct SchoolSetArgs {
    #[arg(long)]
    pub name: Option<String>,
    #[arg(long)]
    pub address: Option<String>,
    #[arg(long)]
    pub principal: Option<String>,
    #[arg(long)]
    pub office_phone: Option<String>,
    #[arg(long)]
    pub supervision_phone: Option<String>,
    #[arg(long)]
    pub complaint_phone: Option<String>,
    /// 其他热线，逗号分隔（如 12345,12315）
    #[arg(long)]
    pub hotlines: Option<String>,
    /// 学段：小学、初中、高中、九年一贯制、完全中学、十二年一贯制，或年级（如 一至九年级）
    #[arg(long)]
    pub grades: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum OperatorsCommand {
    /// 列出操作人
    List,
    /// 新增操作人
    Add {
        #[arg(value_name = "姓名")]
        name: String,
    },
}
