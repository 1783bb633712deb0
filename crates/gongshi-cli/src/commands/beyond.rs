//! Beyond the board: `gongshi verify CODE [--out DIR]` (what the archive
//! holds for a 核验码) and `gongshi sms` (a notice as a text message).

use std::path::Path;

use gongshi_app::verification::{self, Verified};
use gongshi_app::{Result, Store, archive};

use crate::args::{Cli, SmsArgs, VerifyArgs};
use crate::output::emit;

pub fn verify(cli: &Cli, db: &Path, args: &VerifyArgs) -> Result<()> {
    let store = Store::open(db)?;
    let found = verification::verify(&store, &args.code)?;
    let taken = match &args.out {
        Some(dir) => Some(archive::take_out(&store, found.sheet_id, dir)?),
        None => None,
    };
    emit(cli, &found, || {
        let mut text = said(&found);
        if let Some(path) = &taken {
            text.push_str(&format!("\n存档原件已取出：{}", path.display()));
        } else {
            text.push_str("\n加 --out 文件夹 取出存档原件（PDF），与纸面逐字对照。");
        }
        text
    });
    Ok(())
}

fn said(v: &Verified) -> String {
    let period = match (v.period_start, v.period_end) {
        (Some(s), Some(e)) => format!("{s} 至 {e}"),
        (Some(s), None) => format!("自 {s} 起"),
        _ => "（未载明）".to_owned(),
    };
    let mut lines = vec![
        format!("核验码 {} 属实：与本校存档的张贴稿相符。", v.code),
        format!("{}：{}（{}）", v.kind, v.title, v.described),
        format!("公示期：{period}"),
        format!(
            "打印：{}，操作人 {}",
            v.printed_on,
            v.printed_by.as_deref().unwrap_or("（未记录）")
        ),
        "纸面内容须与存档原件一致；如有不同，以存档原件为准。".to_owned(),
    ];
    if let Some(n) = v.corrected_by {
        lines.push(format!(
            "注意：此事项已有第{n}版（更正稿），这份第{}版已被更正，请以第{n}版为准。",
            v.revision
        ));
    }
    lines.join("\n")
}

pub fn sms(cli: &Cli, db: &Path, args: &SmsArgs) -> Result<()> {
    let mut store = Store::open(db)?;
    let sms = match (&args.semester, args.item) {
        (Some(semester), _) => gongshi_app::sms::for_fees(&store, semester, args.grade, args.max)?,
        (None, Some(item)) => gongshi_app::sms::for_item(&store, item, args.max)?,
        (None, None) => unreachable!("clap requires --item or --semester"),
    };
    // Counted in the year's record as a message sent (公开形式：短信).
    let semester = args.semester.as_deref();
    gongshi_app::record::message_for(
        &mut store,
        &super::operator(cli)?,
        args.item,
        semester,
        super::today(),
    )?;
    emit(cli, &sms, || format!("{}\n（{}）", sms.text, sms.summary()));
    Ok(())
}
