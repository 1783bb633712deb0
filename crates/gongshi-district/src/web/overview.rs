//! 各校概况: the district's figures, then a line per school — its records
//! and gaps, what is on its board today, what is overdue, its reports —
//! and the latest refusals.

use axum::extract::State;
use axum::response::Html;

use super::{AppState, PageError, esc, figure, layout, months, refusals_table, today};
use crate::reads::{self, Line};

pub async fn page(State(state): State<AppState>) -> Result<Html<String>, PageError> {
    let today = today();
    let lines = reads::overview(&state.pool, today).await?;
    let refusals = reads::refusals(&state.pool, None).await?;
    let sum = |f: fn(&Line) -> i64| lines.iter().map(f).sum::<i64>();
    let mut html = String::from(r#"<section class="figures">"#);
    html += &figure("schools", "学校", lines.len() as i64);
    html += &figure("records", "收到记录", sum(|l| l.received));
    html += &figure("missing", "缺号", sum(Line::missing));
    html += &figure("postings", "张贴", sum(|l| l.postings));
    html += &figure("taken_down", "提前撤下", sum(|l| l.taken_down));
    html += &figure("fee_schedules", "收费公示", sum(|l| l.fee_schedules));
    html += &figure("annual_reports", "年度报告", sum(|l| l.annual_reports));
    html += &figure("refused", "拒收记录", sum(|l| l.refused));
    html += &figure(
        "overdue",
        "有逾期的学校",
        lines
            .iter()
            .filter(|l| !l.finance_gaps.is_empty() || l.fees.overdue())
            .count() as i64,
    );
    html += "</section>";
    html += &format!(
        "<p class=muted>截至{today}。逾期按本学年每月财务收支、本学期开学前收费公示计。</p>"
    );
    html += "<table id=schools><tr><th>学校代码</th><th>学校</th><th>收到记录</th><th>缺号</th>\
             <th>公开栏在贴</th><th>财务收支未公开的月份</th><th>本学期收费</th><th>年度报告</th><th>拒收</th></tr>";
    for l in &lines {
        html += &row(l);
    }
    html += "</table>";
    html += &refusals_table(&refusals);
    if lines.is_empty() {
        html += "<p>尚未登记学校：在服务器上运行 gongshi-district schools add --code 代码 --name 名称。</p>";
    }
    Ok(layout("各校概况", &html))
}

fn row(l: &Line) -> String {
    let code = esc(&l.school.code);
    let flag = |bad: bool, text: String| {
        format!(
            "<td class={}>{}</td>",
            if bad { "bad" } else { "ok" },
            esc(&text)
        )
    };
    let gaps = if l.finance_gaps.is_empty() {
        "无".to_owned()
    } else {
        months(&l.finance_gaps)
    };
    let reports = if l.reports.is_empty() {
        "未交".to_owned()
    } else {
        l.reports
            .iter()
            .map(|y| format!("{y}年度"))
            .collect::<Vec<_>>()
            .join("、")
    };
    format!(
        r#"<tr data-school="{code}"><td><a href="/schools/{code}">{code}</a></td><td>{name}</td><td class=n data-col="received">{received}</td><td class="n{missing_class}" data-col="missing">{missing}</td><td class=n data-col="on_board">{board}</td>{gaps}{fees}<td data-col="reports">{reports}</td><td class="n{refused_class}" data-col="refused">{refused}</td></tr>"#,
        name = esc(&l.school.name),
        received = l.received,
        missing = l.missing(),
        missing_class = if l.missing() > 0 { " bad" } else { "" },
        board = l.on_board,
        gaps = flag(!l.finance_gaps.is_empty(), gaps),
        fees = flag(l.fees.overdue(), l.fees.label()),
        reports = esc(&reports),
        refused = l.refused,
        refused_class = if l.refused > 0 { " bad" } else { "" },
    )
}
