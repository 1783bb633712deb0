//! `gongshi meetings …` and `gongshi items vote`: meetings, what was
//! announced and voted at them.

use std::path::Path;

use gongshi_app::decisions::{self, Ballots, Voted};
use gongshi_app::domain::meeting::{Meeting, MeetingKind};
use gongshi_app::meetings::{self, MeetingRecord, NewMeeting};
use gongshi_app::{Result, Store};

use super::operator;
use crate::args::Cli;
use crate::args_meetings::MeetingsCommand;
use crate::output::emit;

pub fn meetings(cli: &Cli, db: &Path, command: &MeetingsCommand) -> Result<()> {
    let mut store = Store::open(db)?;
    match command {
        MeetingsCommand::Add {
            kind,
            date,
            delegates,
            present,
            place,
            chair,
            topics,
            minutes,
        } => {
            let new = NewMeeting {
                kind: MeetingKind::parse("类型", kind)?,
                held_on: *date,
                place,
                chair,
                expected: *delegates,
                present: *present,
                topics,
                minutes,
            };
            let m = meetings::add(&mut store, &operator(cli)?, new)?;
            let record = meetings::record(&store, m.id)?;
            emit(cli, &record, || {
                format!("已登记会议第{}号。\n{}", m.id, record_text(&record))
            });
        }
        MeetingsCommand::List => {
            let list = meetings::list(&store)?;
            emit(cli, &list, || {
                if list.is_empty() {
                    return "还没有登记会议。".to_owned();
                }
                list.iter().map(line).collect::<Vec<_>>().join("\n")
            });
        }
        MeetingsCommand::Show { id } => {
            let record = meetings::record(&store, *id)?;
            emit(cli, &record, || record_text(&record));
        }
        MeetingsCommand::Announce { id, item } => {
            let added = meetings::announce(&mut store, &operator(cli)?, *id, *item)?;
            emit(cli, &added, || {
                if added {
                    format!("已记录：事项{item}在会议{id}上公开。")
                } else {
                    format!("事项{item}已记录在会议{id}上公开过，没有重复记录。")
                }
            });
        }
        MeetingsCommand::Minutes { id, text } => {
            meetings::set_minutes(&mut store, &operator(cli)?, *id, text)?;
            let record = meetings::record(&store, *id)?;
            emit(cli, &record, || {
                format!("已保存纪要。\n{}", record_text(&record))
            });
        }
    }
    Ok(())
}

fn line(m: &Meeting) -> String {
    format!(
        "{}\t{}\t{}\t{}\t{}",
        m.id,
        m.held_on,
        m.kind.label(),
        m.attendance(),
        m.topics.lines().next().unwrap_or_default(),
    )
}

fn record_text(r: &MeetingRecord) -> String {
    let m = &r.meeting;
    let mut lines = vec![
        format!("{}（第{}号）", m.heading(), m.id),
        format!("地点：{}　主持人：{}", m.place, m.chair),
        m.attendance(),
        format!("议题：{}", m.topics),
    ];
    match r.quorate {
        Some(true) => lines.push("实到达到法定人数，可以表决。".to_owned()),
        Some(false) => lines.push("实到不足法定人数，会上的表决无效。".to_owned()),
        None => {}
    }
    if !m.minutes.is_empty() {
        lines.push(format!("纪要：{}", m.minutes));
    }
    for a in &r.items {
        lines.push(format!(
            "会上公开：事项{}“{}”（{}）",
            a.item_id, a.title, a.category
        ));
    }
    for v in &r.votes {
        lines.push(format!("表决事项{}：{}", v.vote.item_id, v.said));
    }
    if r.feedback > 0 {
        lines.push(format!(
            "会上收到意见{}条（gongshi feedback list）。",
            r.feedback
        ));
    }
    lines.join("\n")
}

/// `gongshi items vote ID --meeting M --for N --against N --abstain N`.
pub fn vote(cli: &Cli, store: &mut Store, item: i64, meeting: i64, ballots: Ballots) -> Result<()> {
    let voted = decisions::vote(store, &operator(cli)?, item, meeting, ballots)?;
    emit(cli, &voted, || voted_text(&voted));
    Ok(())
}

fn voted_text(v: &Voted) -> String {
    use gongshi_app::domain::congress::Outcome;
    let next = match v.outcome {
        Outcome::Passed => format!(
            "下一步：作为正式稿张贴——gongshi items revise {0}，再用 gongshi items edit {0} … --field 阶段=正式稿，提交审核、批准后张贴。",
            v.vote.item_id
        ),
        Outcome::Failed | Outcome::NoQuorum => "未通过的决策不能作为正式稿张贴。".to_owned(),
    };
    format!("已记录表决（{}）。\n{}\n{next}", v.outcome.label(), v.said)
}
