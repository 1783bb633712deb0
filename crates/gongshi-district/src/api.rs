//! The schools' API: `POST /api/v1/records` (a batch, answered with each
//! record's outcome and the school's status) and `GET /api/v1/status`,
//! both with the school's token as `Authorization: Bearer …`. Errors are
//! JSON `{"error": "…"}` in Chinese, with the HTTP status that fits.

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::extract::rejection::BytesRejection;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use gongshi_domain::district::wire::{Batch, MAX_BATCH, Problem, Receipt};

use crate::schools::{self, School};
use crate::web::AppState;
use crate::{ingest, reads};

fn problem(status: StatusCode, error: impl Into<String>) -> Response {
    (
        status,
        Json(Problem {
            error: error.into(),
        }),
    )
        .into_response()
}

fn server_error(e: &anyhow::Error) -> Response {
    problem(
        StatusCode::SERVICE_UNAVAILABLE,
        format!("服务器暂时无法处理：{e:#}"),
    )
}

/// The school whose token the request carries, or the refusal to send.
async fn school(state: &AppState, headers: &HeaderMap) -> Result<School, Response> {
    let token = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, token)| token)
        .map(str::trim)
        .filter(|t| !t.is_empty());
    let Some(token) = token else {
        return Err(problem(
            StatusCode::UNAUTHORIZED,
            "缺少令牌：请在 设置 → 上报教育局 填写教育局发给本校的令牌",
        ));
    };
    match schools::by_token(&state.pool, token).await {
        Ok(Some(school)) => Ok(school),
        Ok(None) => Err(problem(
            StatusCode::UNAUTHORIZED,
            "令牌无效：请向教育局核对本校的令牌（换发后旧令牌失效）",
        )),
        Err(e) => Err(server_error(&e)),
    }
}

pub async fn records(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let Ok(body) = body else {
        return problem(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("请求过大：一次最多{MAX_BATCH}条记录"),
        );
    };
    let school = match school(&state, &headers).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let batch: Batch = match serde_json::from_slice(&body) {
        Ok(b) => b,
        Err(_) => {
            return problem(
                StatusCode::BAD_REQUEST,
                "请求无法读取：不是公示发出的上报记录",
            );
        }
    };
    let Some(code) = batch.school.as_deref() else {
        return problem(StatusCode::BAD_REQUEST, "请求没有写明学校代码：请升级公示");
    };
    if code != school.code {
        return problem(
            StatusCode::CONFLICT,
            format!(
                "令牌属于 {}（{}），与本机设置的学校代码 {code} 不符：请核对 设置 → 上报教育局",
                school.name, school.code
            ),
        );
    }
    if batch.records.len() > MAX_BATCH {
        return problem(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("一次最多上报{MAX_BATCH}条记录"),
        );
    }
    let received = ingest::receive(&state.pool, &school, &batch.records).await;
    let status = reads::status(&state.pool, &school).await;
    match (received, status) {
        (Ok(results), Ok(status)) => Json(Receipt { results, status }).into_response(),
        (Err(e), _) | (_, Err(e)) => server_error(&e),
    }
}

pub async fn status(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let school = match school(&state, &headers).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    match reads::status(&state.pool, &school).await {
        Ok(s) => Json(s).into_response(),
        Err(e) => server_error(&e),
    }
}
