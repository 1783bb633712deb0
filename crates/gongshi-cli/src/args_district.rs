//! `gongshi district …`: the school's side of the education bureau's
//! roll-up.

use std::path::PathBuf;

use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum DistrictCommand {
    /// 设置教育局服务器的地址、本校的学校代码和令牌（教育局发放）
    Set {
        /// 服务器地址，如 https://jyj.example.gov.cn
        #[arg(long, value_name = "地址")]
        url: String,
        #[arg(long, value_name = "学校代码")]
        school_code: String,
        /// 教育局发给本校的令牌（gsd_…）
        #[arg(
            long,
            value_name = "令牌",
            env = "GONGSHI_DISTRICT_TOKEN",
            hide_env_values = true
        )]
        token: String,
        /// 教育局自己的证书（PEM），当它不是系统信任的证书时
        #[arg(long, value_name = "证书.pem")]
        ca: Option<PathBuf>,
    },
    /// 把待上报的记录发给教育局（可重复运行：已收到的不会重复）
    Push,
    /// 待上报、已送达、被拒的记录，以及服务器上收到的情况
    Status,
    /// 无网络时：把全部记录导出为文件，到能上网的电脑上在教育局网页上传
    Export {
        #[arg(long, value_name = "文件.json")]
        out: PathBuf,
    },
}
