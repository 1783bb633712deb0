//! One school: where its chain stands (gaps named), what is on its board
//! today, every posting received, and its refused records.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use gongshi_domain::category::Category;

use super::{AppState, PageError, esc, figure, layout, refusals_table, today};
use crate::reads::{self, PostingRow};
use crate::schools;

pub async fn page(
    State(state): State<AppState>,
    Path(code): Path<String>,
) -> Result<Response, PageError> {
    let Some(school) = schools::by_code(&state.pool, &code).await? else {
        let body = layout(
            "没有这所学校",
            &format!("<p>没有登记学校代码 {}。</p>", esc(&code)),
        );
        return Ok((StatusCode::NOT_FOUND, body).into_response());
    };
    let today = today();
    let status = reads::status(&state.pool, &school).await?;
    let board = reads::on_board(&state.pool, &school, today).await?;
    let all = reads::postings(&state.pool, &school, today).await?;
    let refusals = reads::refusals(&state.pool, Some(&school)).await?;
    let mut html = String::from(r#"<section class="figures">"#);
    html += &figure("records", "收到记录", status.received);
    html += &figure("highest", "最大序号", status.highest);
    html += &figure("on_board", "公开栏在贴", board.len() as i64);
    html += &figure("refused", "拒收", status.refused);
    html += "</section>";
    if status.gaps.is_empty() {
        html += "<p class=ok>记录连续，没有缺号。</p>";
    } else {
        html += &format!(
            "<p class=bad id=gaps>缺{}：学校补报后自动补齐。</p>",
            esc(&status.gaps_label())
        );
    }
    html += &format!("<h3>公开栏（{today}）</h3>");
    html += &table("board", &board);
    html += "<h3>收到的张贴记录</h3>";
    html += &table("postings", &all);
    html += &refusals_table(&refusals);
    let title = format!("{}（{}）", school.name, school.code);
    Ok(layout(&title, &html).into_response())
}

fn table(id: &str, rows: &[PostingRow]) -> String {
    if rows.is_empty() {
        return format!("<p class=muted id={id}>无。</p>");
    }
    let mut html = format!(
        "<table id={id}><tr><th>序号</th><th>类别</th><th>标题</th><th>版本</th><th>公示期</th><th>张贴稿 SHA-256</th></tr>"
    );
    for p in rows {
        let category =
            Category::from_code(&p.category).map_or(p.category.clone(), |c| c.label().to_owned());
        let digest = p
            .pdf_sha256
            .as_deref()
            .map_or("—", |d| d.get(..16).unwrap_or(d));
        html += &format!(
            "<tr><td class=n>{}</td><td>{}</td><td>{}</td><td class=n>{}</td><td>{} 至 {}</td><td><code>{}</code></td></tr>",
            p.seq,
            esc(&category),
            esc(&p.title),
            p.revision,
            p.posted_on,
            p.period_end,
            esc(digest)
        );
    }
    html + "</table>"
}
