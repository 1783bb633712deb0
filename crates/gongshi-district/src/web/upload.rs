//! 上传离线文件: a school with no connection exports its outbox to a file
//! (`gongshi district export`) and uploads it here with its token; the
//! records are received exactly as a push would send them.

use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use gongshi_domain::district::wire::{MAX_BATCH, OutboxFile, Outcome};

use super::{AppState, BODY_LIMIT, PageError, esc, layout};
use crate::{ingest, reads, schools};

const FORM: &str = r#"<form method="post" enctype="multipart/form-data">
<p><label>本校令牌：<input name="token" size="70" required></label></p>
<p><label>上报文件（gongshi district export 导出）：<input type="file" name="file" required></label></p>
<p><button type="submit">上传</button></p></form>"#;

pub async fn form() -> Html<String> {
    layout("上传离线文件", FORM)
}

/// The form again, with why the upload was not taken (the token typed
/// kept in it).
fn refused_with(status: StatusCode, why: &str, token: &str) -> Response {
    let form = FORM.replace(
        r#"name="token" size="70""#,
        &format!(r#"name="token" size="70" value="{}""#, esc(token)),
    );
    let html = format!("<p class=bad id=result>{}</p>{form}", esc(why));
    (status, layout("上传离线文件", &html)).into_response()
}

fn refused(status: StatusCode, why: &str) -> Response {
    refused_with(status, why, "")
}

/// The token and the file's bytes, or the refusal to show.
async fn fields(
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<(String, Vec<u8>), Response> {
    let too_big = || {
        refused(
            StatusCode::PAYLOAD_TOO_LARGE,
            &format!("文件过大或没有传完：最大 {} MB", BODY_LIMIT / 1024 / 1024),
        )
    };
    let mut multipart =
        multipart.map_err(|_| refused(StatusCode::BAD_REQUEST, "请用本页的表单选择文件上传"))?;
    let (mut token, mut file) = (String::new(), Vec::new());
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) => match field.name() {
                Some("token") => token = field.text().await.map_err(|_| too_big())?,
                Some("file") => file = field.bytes().await.map_err(|_| too_big())?.to_vec(),
                _ => {}
            },
            Ok(None) => return Ok((token, file)),
            Err(_) => return Err(too_big()),
        }
    }
}

pub async fn receive(
    State(state): State<AppState>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, PageError> {
    let (token, file) = match fields(multipart).await {
        Ok(f) => f,
        Err(page) => return Ok(page),
    };
    if token.trim().is_empty() {
        return Ok(refused(
            StatusCode::BAD_REQUEST,
            "请填写教育局发给本校的令牌",
        ));
    }
    if file.iter().all(u8::is_ascii_whitespace) {
        return Ok(refused(
            StatusCode::BAD_REQUEST,
            "没有选择文件，或文件是空的",
        ));
    }
    let Some(school) = schools::by_token(&state.pool, &token).await? else {
        return Ok(refused(
            StatusCode::UNAUTHORIZED,
            "令牌无效：请向教育局核对本校的令牌",
        ));
    };
    let outbox = match OutboxFile::read(&String::from_utf8_lossy(&file)) {
        Ok(f) => f,
        Err(e) => {
            return Ok(refused_with(
                StatusCode::BAD_REQUEST,
                &e.to_string(),
                &token,
            ));
        }
    };
    if outbox.school != school.code {
        return Ok(refused(
            StatusCode::BAD_REQUEST,
            &format!(
                "文件是学校代码 {} 导出的，令牌属于 {}（{}）：请用本校的文件",
                outbox.school, school.name, school.code
            ),
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
    Ok(layout("上传离线文件", &html).into_response())
}
