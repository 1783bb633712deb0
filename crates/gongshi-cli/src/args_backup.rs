//! `gongshi backup` and `gongshi audit`: the record kept safe.

use std::path::PathBuf;

use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum BackupCommand {
    /// 立即备份（存到数据文件旁的“公示备份”文件夹，及第二备份位置）
    Now,
    /// 列出全部备份（新的在前）
    List,
    /// 检查一个备份文件是否完好，并列出其中的内容
    Verify {
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// 用备份文件恢复（先自动备份当前数据，可撤销）
    Restore {
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// 文件是另一所学校的数据时，确认仍要换上
        #[arg(long)]
        other_school: bool,
    },
    /// 数据文件打不开（已损坏）时：改名保留损坏的文件，用最新的完好备份恢复
    Recover,
    /// 导出到其他电脑：写一个 .gongshi 文件（数据及其校验和）
    Export {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// 从其他电脑导出的 .gongshi 文件打开（校验后放到本机；本机已有数据则先备份）
    Open {
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// 文件是另一所学校的数据时，确认仍要换上
        #[arg(long)]
        other_school: bool,
    },
    /// 第二备份位置（U 盘、网络盘）：查看，或 --set 文件夹 / --clear
    Folder {
        #[arg(long, value_name = "FOLDER", conflicts_with = "clear")]
        set: Option<PathBuf>,
        #[arg(long)]
        clear: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// 检查修改记录链：每条记录、每份张贴稿存档是否与写入时一致
    Verify,
}
