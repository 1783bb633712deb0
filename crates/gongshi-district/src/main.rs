//! `gongshi-district`: the bureau's server and its administration.
//!
//!   gongshi-district init                          create or update the database's tables
//!   gongshi-district serve [--listen A] [--cert F --key F]
//!   gongshi-district schools add --code C --name N  register a school; prints its token once
//!   gongshi-district schools list
//!   gongshi-district token --code C                 a new token for a school (the old stops working)
//!
//! The database is named by DATABASE_URL (postgresql://user:password@host/db).

use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::Result;
use clap::{Parser, Subcommand};
use gongshi_district::{db, schools, serve};

#[derive(Parser)]
#[command(name = "gongshi-district", about = "校务公开汇总服务器（教育局）")]
struct Cli {
    /// PostgreSQL 数据库地址
    #[arg(
        long,
        env = "DATABASE_URL",
        value_name = "地址",
        hide_env_values = true
    )]
    database_url: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// 建立或更新数据库的表
    Init,
    /// 提供网页和上报接口
    Serve {
        /// 监听地址；不带证书时只能是本机地址
        #[arg(long, default_value = "127.0.0.1:8080", value_name = "地址", value_parser = listen_address)]
        listen: SocketAddr,
        /// 证书链（PEM）
        #[arg(long, requires = "key", value_name = "证书.pem")]
        cert: Option<PathBuf>,
        /// 私钥（PEM）
        #[arg(long, requires = "cert", value_name = "私钥.pem")]
        key: Option<PathBuf>,
    },
    /// 学校的登记
    Schools {
        #[command(subcommand)]
        command: SchoolsCommand,
    },
    /// 为学校换发令牌（旧令牌失效）
    Token {
        #[arg(long, value_name = "学校代码")]
        code: String,
    },
}

#[derive(Subcommand)]
enum SchoolsCommand {
    /// 登记一所学校，显示它的令牌（只显示这一次）
    Add {
        #[arg(long, value_name = "学校代码")]
        code: String,
        #[arg(long, value_name = "名称")]
        name: String,
    },
    /// 列出已登记的学校
    List,
}

#[tokio::main]
async fn main() {
    let cli = Cli::parse();
    if let Err(e) = run(cli).await {
        eprintln!("错误：{e:#}");
        std::process::exit(1);
    }
}

/// `127.0.0.1:8080`, `0.0.0.0:8443`, `[::1]:8080`, or `localhost:8080`.
fn listen_address(text: &str) -> Result<SocketAddr, String> {
    let text = text.trim();
    let local = text
        .strip_prefix("localhost:")
        .map(|port| format!("127.0.0.1:{port}"));
    local.as_deref().unwrap_or(text).parse().map_err(|_| {
        format!("“{text}”不是监听地址：应为 IP:端口，如 127.0.0.1:8080 或 0.0.0.0:8443")
    })
}

async fn run(cli: Cli) -> Result<()> {
    let Some(url) = cli.database_url.filter(|u| !u.trim().is_empty()) else {
        anyhow::bail!(
            "没有数据库地址：请设置环境变量 DATABASE_URL（例：postgresql://gongshi@localhost/gongshi），或用 --database-url"
        );
    };
    let pool = db::pool(&url)?;
    match cli.command {
        Command::Init => {
            let applied = db::migrate(&pool).await?;
            if applied.is_empty() {
                println!("数据库已是最新");
            } else {
                println!("已建立或更新数据库（迁移 {applied:?}）");
            }
        }
        Command::Serve { listen, cert, key } => {
            db::migrate(&pool).await?;
            let tls = cert.zip(key).map(|(cert, key)| serve::Tls { cert, key });
            serve::serve(pool, listen, tls).await?;
        }
        Command::Schools {
            command: SchoolsCommand::Add { code, name },
        } => {
            db::migrate(&pool).await?;
            let token = schools::add(&pool, &code, &name).await?;
            let (code, name) = (code.trim(), name.trim());
            println!("已登记 {name}（{code}）。令牌（只显示这一次，请交给学校）：\n{token}");
        }
        Command::Schools {
            command: SchoolsCommand::List,
        } => {
            db::migrate(&pool).await?;
            for s in schools::list(&pool).await? {
                println!("{}\t{}", s.code, s.name);
            }
        }
        Command::Token { code } => {
            db::migrate(&pool).await?;
            let token = schools::renew_token(&pool, &code).await?;
            println!("{code} 的新令牌（旧令牌已失效）：\n{token}");
        }
    }
    Ok(())
}
