//! 上传离线文件: a school with no connection exports its outbox to a file
//! (`gongshi district export`) and uploads it here with its token; the
//! records are received exactly as a push would send them.

use axum::extract::{Multipart, State};
use axum::response::Html;
use gongshi_domain::district::wire::{MAX_BATCH, OutboxFile, Outcome};

use super::{AppState, PageError, esc, layout};
use crate::{ingest, reads, schools};

const FORM: &str = r#"<form method="post" enctype="multipart/form-data">
<p><label>本校令牌：<input name="token" size="70" required></label></p>
<p><label>上报文件（gongshi district export 导出）：<input type="file" name="file" required></label></p>
<p><button type="submit">上传</button></p></form>"#;

pub async fn form() -> Html<String> {
    layout("上传离线文件", FORM)
}

pub async fn receive(
    State(state): State<AppState>,
    mut multipart: Multipart,
) -> Result<Html<String>, PageError> {
    let (mut token, mut file) = (String::new(), Vec::new());
    while let Some(field) = multipart.next_field().await? {
        match field.name() {
            Some("token") => token = field.text().await?,
            Some("file") => file = field.bytes().await?.to_vec(),
            _ => {}
        }
    }
    let refuse = |why: &str| {
        Ok(layout(
            "上传离线文件",
            &format!("<p class=bad id=result>{}</p>{FORM}", esc(why)),
        ))
    };
    let Some(school) = schools::by_token(&state.pool, &token).await? else {
        return refuse("令牌无效：请向教育局核对本校的令牌");
    };
    let text = String::from_utf8_lossy(&file);
    let outbox = match OutboxFile::read(&text) {
        Ok(f) => f,
        Err(e) => return refuse(&e.to_string()),
    };
    if outbox.school != school.code {
        return refuse(&format!(
            "文件是学校代码 {} 导出的，令牌属于 {}（{}）：请用本校的文件",
            outbox.school, school.name, school.code
        ));
    }
    let mut results = Vec::new();
    for chunk in outbox.records.chunks(MAX_BATCH) {
        results.extend(ingest::receive(&state.pool, &school, chunk).await?);
    }
    let count = |o: Outcome| results.iter().filter(|r| r.outcome == o).count();
    let status = reads::status(&state.pool, &school).await?;
    let mut html = format!(
        "<p id=result>{}（{}）：新收 <b data-figure=\"accepted\">{}</b> 条，已有 <b data-figure=\"duplicate\">{}</b> 条，拒收 <b data-figure=\"refused\">{}</b> 条。</p>",
        esc(&school.name),
        esc(&school.code),
        count(Outcome::Accepted),
        count(Outcome::Duplicate),
        count(Outcome::Refused)
    );
    for r in results.iter().filter_map(|r| r.message.as_ref()) {
        html += &format!("<p class=bad>{}</p>", esc(r));
    }
    if !status.gaps.is_empty() {
        html += &format!("<p class=bad>仍缺{}。</p>", esc(&status.gaps_label()));
    }
    html += &format!(
        r#"<p><a href="/schools/{0}">查看 {0} 的记录</a></p>"#,
        esc(&school.code)
    );
    Ok(layout("上传离线文件", &html))
}
