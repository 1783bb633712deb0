//! Evaluation rounds: their rules, the score template and import (all or
//! nothing), the score grid's check and save, the ranking, and the round's
//! result as a disclosure item that goes through review like any other.

use chrono::NaiveDate;
use gongshi_domain::evaluation::{self, Candidate, Outcome, Ranked, RoundSettings};
use gongshi_domain::faces::next_step;
use gongshi_domain::item::{ItemContent, ItemTable};
use gongshi_domain::table::CellError;
use gongshi_domain::workflow::Status;
use gongshi_domain::{FieldError, OperatorName};
use gongshi_store::{Round, RoundHead, Store};

use crate::{Result, items, table_io};

/// Which round a face means: the command line by the name the clerk
/// types, the app by the round's id (which stays when it is renamed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoundRef<'a> {
    Id(i64),
    Name(&'a str),
}

impl<'a> From<&'a str> for RoundRef<'a> {
    fn from(name: &'a str) -> Self {
        RoundRef::Name(name)
    }
}

impl<'a> From<&'a String> for RoundRef<'a> {
    fn from(name: &'a String) -> Self {
        RoundRef::Name(name)
    }
}

impl From<i64> for RoundRef<'_> {
    fn from(id: i64) -> Self {
        RoundRef::Id(id)
    }
}

pub fn round<'a>(store: &Store, which: impl Into<RoundRef<'a>>) -> Result<Round> {
    let which = which.into();
    let found = match which {
        RoundRef::Id(id) => store.eval_round(id)?,
        RoundRef::Name(name) => store.eval_round_named(name)?,
    };
    found.ok_or_else(|| {
        let what = match which {
            RoundRef::Id(id) => format!("没有第{id}号评选（可能已在别处删除）"),
            RoundRef::Name(name) => format!("没有名为“{name}”的评选"),
        };
        FieldError::new("评选", what).into()
    })
}

/// The rounds, newest first, by id and name.
pub fn rounds(store: &Store) -> Result<Vec<RoundHead>> {
    Ok(store.eval_rounds()?)
}

/// Why the round can no longer change, if it cannot: its result was
/// submitted for review, and corrections go through the disclosure item, as
/// for any posted item.
pub fn frozen_reason(store: &Store, round: &Round) -> Result<Option<String>> {
    let Some(item_id) = round.item_id else {
        return Ok(None);
    };
    let status = store.current_revision(item_id)?.map(|r| r.status);
    if !status.is_some_and(Status::is_frozen) {
        return Ok(None);
    }
    Ok(Some(format!(
        "“{}”的结果已提交审核（公开事项第{item_id}号），不能再修改；如需更正，请更正那个公开事项{}",
        round.settings.name,
        next_step(
            "公开事项 → 更正",
            &format!("gongshi items revise {item_id}")
        )
    )))
}

fn unlocked(store: &Store, round: &Round) -> Result<()> {
    match frozen_reason(store, round)? {
        Some(why) => Err(FieldError::new("评选", why).into()),
        None => Ok(()),
    }
}

/// Creates a round (`existing` None) or changes one (a rename keeps its
/// id and history). Its score components cannot change once scores are
/// entered (the scores would no longer fit).
pub fn save_round(
    store: &mut Store,
    op: &OperatorName,
    existing: Option<RoundRef<'_>>,
    settings: RoundSettings,
) -> Result<Round> {
    let settings = settings.validated()?;
    printable_objection_phone(store, &settings.objection_phone)?;
    let existing = existing.map(|which| round(store, which)).transpose()?;
    if let Some(r) = &existing {
        unlocked(store, r)?;
        let names = |s: &RoundSettings| {
            s.components
                .iter()
                .map(|c| c.name.clone())
                .collect::<Vec<_>>()
        };
        if !r.candidates.is_empty() && names(&r.settings) != names(&settings) {
            return Err(FieldError::new(
                "评分项目",
                "已录入评分，不能再增删或改名评分项目（权重可以改）",
            )
            .into());
        }
    }
    let taken = store.eval_round_named(&settings.name)?.map(|r| r.id);
    let id = existing.map(|r| r.id);
    if taken.is_some() && taken != id {
        return Err(
            FieldError::new("评选名称", format!("已有名为“{}”的评选", settings.name)).into(),
        );
    }
    let id = store.write(op, |w| w.save_eval_round(id, &settings))?;
    round(store, id)
}

/// The objection phone prints on the result sheet and the posted item,
/// which let only the school's own phones print: one the school does not
/// list is refused when the round is saved, not on the day of posting.
fn printable_objection_phone(store: &Store, phone: &str) -> Result<()> {
    let school = crate::school::profile(store)?.unwrap_or_default();
    let allow = crate::printing::allowlist(&school);
    if phone.trim().is_empty() || gongshi_domain::privacy::scan(phone, &allow).is_none() {
        return Ok(());
    }
    Err(FieldError::new(
        "异议电话",
        format!(
            "{phone}不是学校信息中的电话，印在公示上会被拒绝。异议电话须是学校信息中的电话，可加为其他热线{}",
            next_step("设置 → 学校信息", "gongshi school set --hotlines 号码,号码")
        ),
    )
    .into())
}

/// The score template: a title row, then the header the import looks for.
pub fn template<'a>(store: &Store, which: impl Into<RoundRef<'a>>) -> Result<Vec<u8>> {
    let r = round(store, which)?;
    table_io::template(
        &evaluation::schema(&r.settings),
        "评分",
        format!(
            "{}评分导入模板（从第4行起每行一人；师德填“合格”或“不合格”，不合格须在备注写明原因）",
            r.settings.name
        ),
        &[],
        true,
    )
}

/// Reads a filled template: every row good, or every problem named (the
/// same person twice, by name and department, too).
pub fn read(
    store: &Store,
    settings: &RoundSettings,
    bytes: &[u8],
    file_name: &str,
) -> Result<Vec<Candidate>> {
    let schema = evaluation::schema(settings);
    let cx = table_io::context(store)?;
    table_io::read(bytes, file_name, &schema, &cx, |row| {
        evaluation::record(settings, row, &cx)
    })
}

/// Imports a filled template as the round's candidates: all or nothing.
pub fn import<'a>(
    store: &mut Store,
    op: &OperatorName,
    which: impl Into<RoundRef<'a>>,
    bytes: &[u8],
    file_name: &str,
) -> Result<Round> {
    let r = round(store, which)?;
    let candidates = read(store, &r.settings, bytes, file_name)?;
    replace_candidates(store, op, &r, &candidates)
}

/// What is wrong with one row of the score grid, cell by cell.
pub fn check_row(
    store: &Store,
    settings: &RoundSettings,
    cells: &[String],
) -> Result<Vec<CellError>> {
    let cx = table_io::context(store)?;
    Ok(
        evaluation::schema(settings)
            .check(cells, &cx, |row| evaluation::record(settings, row, &cx)),
    )
}

/// Saves the score grid (cells in the template's order): all rows or none.
pub fn save_candidates<'a>(
    store: &mut Store,
    op: &OperatorName,
    which: impl Into<RoundRef<'a>>,
    rows: &[Vec<String>],
) -> Result<Round> {
    let r = round(store, which)?;
    let schema = evaluation::schema(&r.settings);
    let cx = table_io::context(store)?;
    let candidates = table_io::grid(rows, &schema, &cx, |row| {
        evaluation::record(&r.settings, row, &cx)
    })?;
    replace_candidates(store, op, &r, &candidates)
}

fn replace_candidates(
    store: &mut Store,
    op: &OperatorName,
    r: &Round,
    candidates: &[Candidate],
) -> Result<Round> {
    unlocked(store, r)?;
    store.write(op, |w| w.save_eval_candidates(r.id, candidates))?;
    round(store, r.id)
}

/// The public ranking table: 名次, 姓名, 部门/年级组, each component,
/// 综合得分, 结果. The candidates not ranked (师德不合格) are left out
/// unless the round names them; then a row says only 不符合推荐条件.
pub fn public_table(r: &Round, ranking: &[Ranked]) -> ItemTable {
    let mut columns = vec![
        "名次".to_owned(),
        "姓名".to_owned(),
        "部门/年级组".to_owned(),
    ];
    columns.extend(
        r.settings
            .components
            .iter()
            .map(|c| format!("{}（{}%）", c.name, c.weight)),
    );
    columns.push("综合得分".into());
    columns.push("结果".into());
    let rows = ranking
        .iter()
        .filter(|ranked| r.settings.name_unranked || ranked.outcome != Outcome::Vetoed)
        .map(|ranked| {
            let c = &r.candidates[ranked.index];
            let vetoed = ranked.outcome == Outcome::Vetoed;
            let mut row = vec![
                ranked.rank.map_or("—".to_owned(), |n| n.to_string()),
                c.name.clone(),
                c.department.clone(),
            ];
            if vetoed {
                row.extend(std::iter::repeat_n("—".to_owned(), c.scores.len() + 1));
            } else {
                row.extend(c.scores.iter().map(ToString::to_string));
                row.push(ranked.total.to_string());
            }
            row.push(ranked.outcome.label().to_owned());
            row
        })
        .collect();
    ItemTable { columns, rows }
}

/// What the public sheet says of the candidates it leaves out (a round
/// that does not name them): 另有N人不符合推荐条件，未列入排名。 None when it
/// names them or nobody was left out.
pub fn unranked_note(r: &Round, ranking: &[Ranked]) -> Option<String> {
    let left_out = ranking
        .iter()
        .filter(|x| x.outcome == Outcome::Vetoed)
        .count();
    (!r.settings.name_unranked && left_out > 0)
        .then(|| format!("另有{left_out}人不符合推荐条件，未列入排名。"))
}

/// The rule the public sheet states for a veto, for a round that names
/// the candidates it did not rank; None for one that does not (a count of
/// the unranked under a 师德 rule would say what they failed).
pub fn veto_rule(settings: &RoundSettings) -> Option<&'static str> {
    settings
        .name_unranked
        .then_some("师德考核不合格者不列入排序，结果栏注明“不符合推荐条件”。")
}

/// What the sheet says under the table when equal candidates straddle the
/// quota line; None when nobody does.
pub fn tie_note(r: &Round, ranking: &[Ranked]) -> Option<String> {
    let tied: Vec<&Ranked> = ranking
        .iter()
        .filter(|x| x.outcome == Outcome::TiedAtQuota)
        .collect();
    let first = tied.first()?;
    Some(format!(
        "第{}名有{}人综合得分及同分排序项目均相同，跨越{}名的名额线，未作取舍，由评选领导小组按规定另行确定并公示。",
        first.rank.unwrap_or(0),
        tied.len(),
        r.settings.quota
    ))
}

/// The round's result as a disclosure item of its category: made on first
/// call, updated while it is still a draft (or returned).
pub fn publish<'a>(
    store: &mut Store,
    op: &OperatorName,
    which: impl Into<RoundRef<'a>>,
    today: NaiveDate,
) -> Result<items::Saved> {
    let r = round(store, which)?;
    unlocked(store, &r)?;
    if r.candidates.is_empty() {
        return Err(FieldError::new("候选人", "还没有录入候选人和评分").into());
    }
    let s = &r.settings;
    let ranking = evaluation::rank(s, &r.candidates);
    let mut body = format!(
        "评选标准：{}\n推荐名额：{}名。计分办法：{}。{}",
        s.criteria,
        s.quota,
        s.formula(),
        s.tie_rule()
    );
    if s.name_unranked {
        body.push_str("师德考核不合格者实行一票否决。");
    }
    for note in [tie_note(&r, &ranking), unranked_note(&r, &ranking)]
        .into_iter()
        .flatten()
    {
        body.push('\n');
        body.push_str(&note);
    }
    let channel = if s.objection_phone.is_empty() {
        s.objection_office.clone()
    } else {
        format!("{}（电话{}）", s.objection_office, s.objection_phone)
    };
    let content = ItemContent {
        title: format!("{}结果公示", s.name),
        body,
        fields: [
            ("criteria".to_owned(), s.criteria.clone()),
            ("quota".to_owned(), s.quota.to_string()),
            ("objection_channel".to_owned(), channel),
        ]
        .into_iter()
        .collect(),
        table: Some(public_table(&r, &ranking)),
        posting_days: s.posting_days,
        planned_start: Some(today),
    };
    // The item prints through the week's batch, whose scan allows only the
    // school profile's phones: say so now, not on the day of posting.
    let (_, refused) = items::preview(store, s.kind.category(), content.clone(), today)?;
    if let Some(why) = refused {
        return Err(FieldError::new(
            "公开事项",
            format!(
                "这样生成的公开事项打印时会被拒绝（{why}）。异议电话须是学校信息中的电话，可加为其他热线{}",
                next_step("设置 → 学校信息", "gongshi school set --hotlines 号码,号码")
            ),
        )
        .into());
    }
    let existing = match r.item_id {
        Some(item_id) => store.current_revision(item_id)?,
        None => None,
    };
    match existing {
        // An item keeps its category: a round whose kind changed since is
        // told so rather than posted under the old one.
        Some(rev) if rev.category != s.kind.category() => Err(FieldError::new(
            "类型",
            format!(
                "公开事项第{}号是“{}”，而评选类型现在是“{}”：请把类型改回，或在公开事项中处理该事项",
                rev.item_id,
                rev.category.label(),
                s.kind.label()
            ),
        )
        .into()),
        Some(rev) => items::edit(store, op, rev.item_id, content),
        _ => {
            let saved = items::create(store, op, s.kind.category(), content)?;
            let item_id = saved.revision.item_id;
            store.write(op, |w| w.set_eval_item(r.id, item_id))?;
            Ok(saved)
        }
    }
}
