//! Evaluations from the command line.

use std::path::Path;

use gongshi_app::domain::evaluation::{self, RoundKind, RoundSettings, parse_components};
use gongshi_app::domain::text;
use gongshi_app::store::Round;
use gongshi_app::{Result, Store, eval_sheets, evaluations as jobs};

use super::{operator, paper_of, read_input, today, write_output};
use crate::args::Cli;
use crate::args_eval::{EvalCommand, RoundArgs};
use crate::output::emit;

/// `changes` over `base` (a new round starts from the domain's defaults,
/// the same the desktop's editor starts from).
fn settings(base: Option<RoundSettings>, changes: &RoundArgs) -> Result<RoundSettings> {
    let mut s = base.unwrap_or_default();
    if let Some(v) = &changes.name {
        s.name.clone_from(v);
    }
    if let Some(v) = &changes.kind {
        s.kind = RoundKind::parse(v)?;
    }
    if let Some(v) = changes.quota {
        s.quota = v;
    }
    if let Some(v) = &changes.criteria {
        s.criteria.clone_from(v);
    }
    if let Some(v) = &changes.components {
        s.set_components(parse_components(v)?);
    }
    if let Some(v) = &changes.tie_break {
        s.tie_break = text::split_list(v);
    }
    if let Some(v) = changes.days {
        s.posting_days = v;
    }
    if let Some(v) = &changes.objection_office {
        s.objection_office.clone_from(v);
    }
    if let Some(v) = &changes.objection_phone {
        s.objection_phone.clone_from(v);
    }
    if changes.name_unranked {
        s.name_unranked = true;
    }
    if changes.no_name_unranked {
        s.name_unranked = false;
    }
    Ok(s)
}

/// The round and its ranking, a line a candidate.
fn round_text(r: &Round) -> String {
    let s = &r.settings;
    let mut lines = vec![
        format!("{}（{}）　名额{}名", s.name, s.kind.label(), s.quota),
        format!("标准：{}", s.criteria),
        s.formula(),
        s.tie_rule(),
        if s.name_unranked {
            "结果公示：列出不符合推荐条件者的姓名".to_owned()
        } else {
            "结果公示：不列不符合推荐条件者的姓名，只写人数".to_owned()
        },
    ];
    if let Some(item) = r.item_id {
        lines.push(format!("公开事项：第{item}号"));
    }
    let ranking = evaluation::rank(s, &r.candidates);
    for x in &ranking {
        let c = &r.candidates[x.index];
        let scores: Vec<String> = c.scores.iter().map(ToString::to_string).collect();
        lines.push(format!(
            "{}\t{}\t{}\t{}\t{}\t{}",
            x.rank.map_or("—".to_owned(), |n| n.to_string()),
            c.name,
            c.department,
            scores.join("\t"),
            x.total,
            x.outcome.label()
        ));
    }
    if let Some(note) = jobs::tie_note(r, &ranking) {
        lines.push(note);
    }
    lines.join("\n")
}

pub fn eval(cli: &Cli, db: &Path, command: &EvalCommand) -> Result<()> {
    let show = |r: &Round, done: &str| emit(cli, r, || format!("{done}\n{}", round_text(r)));
    match command {
        EvalCommand::New(args) => {
            let mut store = Store::open(db)?;
            let r = jobs::save_round(&mut store, &operator(cli)?, None, settings(None, args)?)?;
            show(&r, "已新建评选。");
            Ok(())
        }
        EvalCommand::Set { round, changes } => {
            let mut store = Store::open(db)?;
            let current = jobs::round(&store, round)?;
            let s = settings(Some(current.settings), changes)?;
            let r = jobs::save_round(&mut store, &operator(cli)?, Some(current.id.into()), s)?;
            show(&r, "已保存。");
            Ok(())
        }
        EvalCommand::List => {
            let store = Store::open(db)?;
            let list = jobs::rounds(&store)?;
            emit(cli, &list, || {
                let names: Vec<_> = list.iter().map(|r| r.name.as_str()).collect();
                names.join("\n")
            });
            Ok(())
        }
        EvalCommand::Show { round } => {
            let store = Store::open(db)?;
            let r = jobs::round(&store, round)?;
            emit(cli, &r, || round_text(&r));
            Ok(())
        }
        EvalCommand::Template { round, out } => {
            let store = Store::open(db)?;
            write_output(cli, out, &jobs::template(&store, round)?)
        }
        EvalCommand::Import { file, round } => {
            let (bytes, name) = read_input(file)?;
            let mut store = Store::open(db)?;
            let r = jobs::import(&mut store, &operator(cli)?, round, &bytes, &name)?;
            show(&r, &format!("已导入 {} 人。", r.candidates.len()));
            Ok(())
        }
        EvalCommand::Sheet {
            round,
            out,
            paper,
            pictures,
        } => {
            let store = Store::open(db)?;
            let now = chrono::Local::now().fixed_offset();
            let sheet = eval_sheets::printable(&store, round, now, paper_of(*paper))?;
            super::print_out(cli, &sheet, out.as_deref(), pictures)
        }
        EvalCommand::Export { round, out } => {
            let store = Store::open(db)?;
            write_output(cli, out, &eval_sheets::export(&store, round)?)
        }
        EvalCommand::Publish { round } => {
            let mut store = Store::open(db)?;
            let today = today();
            let saved = jobs::publish(&mut store, &operator(cli)?, round, today)?;
            let id = saved.revision.item_id;
            emit(cli, &id, || {
                format!("已生成公开事项第{id}号（草稿）。提交审核：gongshi items submit {id}")
            });
            Ok(())
        }
    }
}
