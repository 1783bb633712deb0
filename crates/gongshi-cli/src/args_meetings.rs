//! `gongshi meetings …`: the meetings (会议) a school holds, one of its
//! three forms of disclosure.

use chrono::NaiveDate;
use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum MeetingsCommand {
    /// 登记会议
    Add {
        /// 教职工代表大会（教代会）、教师代表会议、领导与教职工对话会、家长座谈会、行政会、其他
        #[arg(long, value_name = "类型")]
        kind: String,
        #[arg(long, value_parser = crate::values::date)]
        date: NaiveDate,
        /// 应到人数（教代会：全体代表）
        #[arg(long, value_name = "人数", value_parser = crate::values::number::<u32>)]
        delegates: u32,
        /// 实到人数
        #[arg(long, value_name = "人数", value_parser = crate::values::number::<u32>)]
        present: u32,
        #[arg(long, value_name = "地点")]
        place: String,
        /// 主持人
        #[arg(long, value_name = "姓名")]
        chair: String,
        /// 议题
        #[arg(long, value_name = "议题")]
        topics: String,
        /// 会议纪要（也可以会后用 meetings minutes 补上）
        #[arg(long, value_name = "纪要", default_value = "")]
        minutes: String,
    },
    /// 列出会议
    List,
    /// 查看会议：会上公开的事项、表决、收到的意见
    Show {
        #[arg(value_name = "编号", value_parser = crate::values::number::<i64>)]
        id: i64,
    },
    /// 记录在会上公开的事项（公开形式：会议；须已批准）
    Announce {
        #[arg(value_name = "编号", value_parser = crate::values::number::<i64>)]
        id: i64,
        /// 事项编号
        #[arg(long, value_name = "事项编号", value_parser = crate::values::number::<i64>)]
        item: i64,
    },
    /// 填写或替换会议纪要
    Minutes {
        #[arg(value_name = "编号", value_parser = crate::values::number::<i64>)]
        id: i64,
        #[arg(long, value_name = "纪要")]
        text: String,
    },
}
