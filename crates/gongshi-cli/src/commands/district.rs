//! `gongshi district set|push|status|export`.

use std::path::Path;

use gongshi_app::district::{self, Report};
use gongshi_app::{Result, Store};

use super::operator;
use crate::args::Cli;
use crate::args_district::DistrictCommand;
use crate::output::emit;

pub fn district(cli: &Cli, db: &Path, command: &DistrictCommand) -> Result<()> {
    let mut store = Store::open(db)?;
    match command {
        DistrictCommand::Set {
            url,
            school_code,
            token,
            ca,
        } => {
            let pem = ca
                .as_ref()
                .map(|p| {
                    super::read_input(p).map(|(b, _)| String::from_utf8_lossy(&b).into_owned())
                })
                .transpose()?;
            let op = operator(cli)?;
            let set = district::set(&mut store, &op, url, school_code, token, pem.as_deref())?;
            if let Some(warning) = &set.warning {
                crate::output::complain(warning);
            }
            show(cli, &district::report(&store)?);
        }
        DistrictCommand::Push => show(cli, &district::push(&mut store, &operator(cli)?)?),
        DistrictCommand::Status => {
            // What is at this PC is shown even when the server does not answer.
            let local = district::report(&store)?;
            match district::status(&store) {
                Ok(report) => show(cli, &report),
                // With --json, one document: the error's.
                Err(e) if cli.json => return Err(e),
                Err(e) => {
                    show(cli, &local);
                    return Err(e);
                }
            }
        }
        DistrictCommand::Export { out } => {
            let (bytes, count) = district::export(&mut store, &operator(cli)?)?;
            gongshi_app::output::write_atomically(out, &bytes)?;
            let said = format!(
                "已导出 {count} 条记录到 {}：请在教育局网页“上传离线文件”处上传",
                out.display()
            );
            emit(
                cli,
                &serde_json::json!({ "path": out, "records": count }),
                || said.clone(),
            );
        }
    }
    Ok(())
}

fn show(cli: &Cli, report: &Report) {
    emit(cli, report, || said(report));
}

/// The report in a clerk's words.
fn said(r: &Report) -> String {
    let mut lines = Vec::new();
    if let Some(s) = &r.settings {
        lines.push(format!(
            "教育局服务器：{}（学校代码 {}，令牌 {}{}）",
            s.url,
            s.school_code,
            s.token_end,
            if s.own_certificate {
                "，使用教育局证书"
            } else {
                ""
            }
        ));
    }
    if r.delivered > 0 {
        lines.push(format!("本次送达 {} 条", r.delivered));
    }
    let o = &r.outbox;
    lines.push(format!(
        "待上报 {} 条，已送达 {} 条，被拒 {} 条（共 {} 条）",
        o.pending, o.sent, o.refused, o.total
    ));
    lines.extend(r.warnings.iter().map(|w| format!("注意：{w}")));
    for (seq, why) in &r.refusals {
        lines.push(format!("  被拒 第{seq}条：{why}"));
    }
    if let Some(s) = &r.server {
        let gaps = if s.gaps.is_empty() {
            "无缺号".to_owned()
        } else {
            format!("缺{}", s.gaps_label())
        };
        lines.push(format!(
            "服务器（{}）：已收 {} 条，最大序号 {}，{gaps}",
            s.name, s.received, s.highest
        ));
    }
    lines.join("\n")
}
