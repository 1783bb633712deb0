//! The command line of evaluations (评优评先, 职称评聘).

use std::path::PathBuf;

use clap::{Args, Subcommand};

#[derive(Debug, Subcommand)]
pub enum EvalCommand {
    /// 新建评选（名额、标准、评分项目及权重、同分排序、公示天数、异议渠道）
    New(RoundArgs),
    /// 修改评选（只改给出的项；已提交审核的不能改）
    Set {
        #[arg(long)]
        round: String,
        #[command(flatten)]
        changes: RoundArgs,
    },
    /// 列出评选
    List,
    /// 显示评选和排名
    Show {
        #[arg(long)]
        round: String,
    },
    /// 评分导入模板（姓名、部门/年级组、各评分项目、师德、备注）
    Template {
        #[arg(long)]
        round: String,
        #[arg(long, value_name = "FILE.xlsx")]
        out: PathBuf,
    },
    /// 导入评分（.xlsx/.xls/.ods 或 UTF-8/GBK 的 .csv）；有任何错误则全部不保存
    Import {
        #[arg(value_name = "文件")]
        file: PathBuf,
        #[arg(long)]
        round: String,
    },
    /// 结果公示（标准、名额、计分办法、排名、拟推荐、公示期、异议渠道、盖章处）
    Sheet {
        #[arg(long)]
        round: String,
        #[arg(long, value_name = "FILE.pdf", required_unless_present = "png")]
        out: Option<PathBuf>,
        #[arg(long, value_enum, default_value = "a4")]
        paper: crate::args::PaperArg,
        #[command(flatten)]
        pictures: crate::args::PictureArgs,
    },
    /// 导出评分明细 Excel（含一票否决及原因，内部）
    Export {
        #[arg(long)]
        round: String,
        #[arg(long, value_name = "FILE.xlsx")]
        out: PathBuf,
    },
    /// 生成（或更新）结果公示的公开事项，之后按公开事项审核、张贴
    Publish {
        #[arg(long)]
        round: String,
    },
}

/// A round's rules; on `eval new` the name, criteria and objection office
/// are needed, the rest start from the domain's defaults (名额 1, 评优评先,
/// 民意测评:40,工作量化:30,考核成绩:30, 考核成绩 breaks ties, 5 days, the
/// unranked not named).
#[derive(Debug, Args)]
pub struct RoundArgs {
    /// 评选名称，如 2026年度优秀教师评选
    #[arg(long)]
    pub name: Option<String>,
    /// 评优评先（默认）、职称评聘或其他评选
    #[arg(long)]
    pub kind: Option<String>,
    /// 推荐名额，默认 1
    #[arg(long, value_parser = crate::values::number::<u32>)]
    pub quota: Option<u32>,
    /// 评选标准
    #[arg(long)]
    pub criteria: Option<String>,
    /// 评分项目及权重，默认 民意测评:40,工作量化:30,考核成绩:30
    #[arg(long)]
    pub components: Option<String>,
    /// 同分时依次比较的评分项目，默认 考核成绩
    #[arg(long)]
    pub tie_break: Option<String>,
    /// 公示天数（工作日），默认 5
    #[arg(long, value_parser = crate::values::number::<u32>)]
    pub days: Option<u32>,
    /// 异议受理部门，如 学校纪检监督小组
    #[arg(long)]
    pub objection_office: Option<String>,
    /// 异议电话
    #[arg(long)]
    pub objection_phone: Option<String>,
    /// 结果公示列出不符合推荐条件者的姓名（默认不列，只写人数）
    #[arg(long, conflicts_with = "no_name_unranked")]
    pub name_unranked: bool,
    /// 结果公示不列不符合推荐条件者的姓名，只写人数（默认）
    #[arg(long)]
    pub no_name_unranked: bool,
}
