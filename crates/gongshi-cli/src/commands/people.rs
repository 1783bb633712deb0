//! `gongshi leaders …` and `gongshi pledges …`: the 民主评议 grades, a
//! tally worked out, the 签名表, and the 师德 cases (internal).

use std::path::Path;

use gongshi_app::domain::lines::appraisal::{self, Appraisal, Scale};
use gongshi_app::{Result, Store, people, people_sheets};
use serde::Serialize;

use super::{operator, paper_of};
use crate::args::Cli;
use crate::args_people::{LeadersCommand, PledgesCommand};
use crate::output::emit;

/// A scale as `--json` gives it.
#[derive(Serialize)]
struct ScaleOut<'a> {
    grades: &'a [String],
    satisfied: usize,
    formula: String,
}

fn scale_out(scale: &Scale) -> ScaleOut<'_> {
    ScaleOut {
        grades: scale.grades(),
        satisfied: scale.satisfied(),
        formula: scale.formula(),
    }
}

pub fn leaders(cli: &Cli, db: &Path, command: &LeadersCommand) -> Result<()> {
    let mut store = Store::open(db)?;
    match command {
        LeadersCommand::Grades { set, satisfied } => {
            let scale = match set {
                Some(grades) => {
                    people::set_appraisal_scale(&mut store, &operator(cli)?, grades, *satisfied)?
                }
                None => people::appraisal_scale(&store)?,
            };
            emit(cli, &scale_out(&scale), || {
                format!(
                    "民主评议等次：{}\n{}",
                    scale.grades().join("、"),
                    scale.formula()
                )
            });
        }
        LeadersCommand::Show { id } => {
            let tally = people::tally(&store, *id)?;
            let out = TallyOut::of(&tally, tally.check()?);
            emit(cli, &out, || out.text());
        }
    }
    Ok(())
}

/// A tally worked out, as `leaders show` gives it.
#[derive(Serialize)]
struct TallyOut {
    issued: u32,
    returned: u32,
    valid: u32,
    grades: Vec<String>,
    leaders: Vec<LeaderOut>,
    formula: String,
    rounding: &'static str,
}

#[derive(Serialize)]
struct LeaderOut {
    name: String,
    post: String,
    votes: Vec<u32>,
    shares: Vec<String>,
    satisfaction: String,
}

impl TallyOut {
    fn of(tally: &Appraisal, b: appraisal::Ballots) -> Self {
        Self {
            issued: b.issued,
            returned: b.returned,
            valid: b.valid,
            grades: tally.scale.grades().to_vec(),
            leaders: (tally.leaders.iter())
                .map(|l| LeaderOut {
                    name: l.name.clone(),
                    post: l.post.clone(),
                    votes: l.votes.clone(),
                    shares: (l.votes.iter())
                        .map(|v| appraisal::percent(*v, b.valid))
                        .collect(),
                    satisfaction: appraisal::percent(tally.satisfied_votes(l), b.valid),
                })
                .collect(),
            formula: tally.scale.formula(),
            rounding: appraisal::ROUNDING,
        }
    }

    fn text(&self) -> String {
        let mut lines = vec![format!(
            "发出{}张，收回{}张，有效{}张",
            self.issued, self.returned, self.valid
        )];
        for l in &self.leaders {
            let grades: Vec<String> = (self.grades.iter().zip(&l.votes).zip(&l.shares))
                .map(|((g, v), s)| format!("{g}{v}票（{s}）"))
                .collect();
            lines.push(format!(
                "{}（{}）：{}；满意率{}",
                l.name,
                l.post,
                grades.join("、"),
                l.satisfaction
            ));
        }
        lines.push(format!("{}。{}", self.formula, self.rounding));
        lines.join("\n")
    }
}

pub fn pledges(cli: &Cli, db: &Path, command: &PledgesCommand) -> Result<()> {
    let mut store = Store::open(db)?;
    match command {
        PledgesCommand::Signing {
            id,
            out,
            paper,
            pictures,
        } => {
            let now = chrono::Local::now().fixed_offset();
            let sheet = people_sheets::signing_sheet(&store, *id, now, paper_of(*paper))?;
            super::print_out(cli, &sheet, out.as_deref(), pictures)?;
        }
        PledgesCommand::CaseAdd {
            teacher,
            date,
            summary,
        } => {
            let id = people::add_ethics_case(&mut store, &operator(cli)?, teacher, *date, summary)?;
            emit(cli, &id, || {
                format!(
                    "已登记师德案例第{id}号（内部，不公开）。评优评先时可在评分表“师德案例编号”一栏填写{id}。"
                )
            });
        }
        PledgesCommand::Cases => {
            let cases = people::ethics_cases(&store)?;
            emit(cli, &cases, || {
                if cases.is_empty() {
                    return "还没有登记师德案例。".to_owned();
                }
                (cases.iter())
                    .map(|c| {
                        format!(
                            "{}  {}  {}  {}（登记人：{}）",
                            c.id, c.found_on, c.teacher, c.summary, c.recorded_by
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            });
        }
    }
    Ok(())
}
