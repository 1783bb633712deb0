//! The bureau's web pages, rendered on the server in Chinese, and the
//! schools' API, on one router. The page's font is served with it: an
//! office PC or a fresh server without Chinese fonts shows the same text.

mod fees;
mod overview;
mod school;
mod upload;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use deadpool_postgres::Pool;

use crate::api;

#[derive(Clone)]
pub struct AppState {
    pub pool: Pool,
}

/// A school year of records with PDFs fits well below this.
pub const BODY_LIMIT: usize = 64 * 1024 * 1024;

pub fn router(pool: Pool) -> Router {
    Router::new()
        .route("/", get(overview::page))
        .route("/schools/{code}", get(school::page))
        .route("/fees", get(fees::page))
        .route("/upload", get(upload::form).post(upload::receive))
        .route("/assets/font.ttf", get(font))
        .route("/api/v1/records", post(api::records))
        .route("/api/v1/status", get(api::status))
        .fallback(not_found)
        .method_not_allowed_fallback(not_found)
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .with_state(AppState { pool })
}

async fn not_found() -> Response {
    let body = layout(
        "没有这个页面",
        r#"<p>没有这个页面。<a href="/">回到各校概况</a></p>"#,
    );
    (StatusCode::NOT_FOUND, body).into_response()
}

static FONT: &[u8] = include_bytes!("../../../../assets/fonts/NotoSerifSC-Regular.ttf");

async fn font() -> Response {
    (
        [
            (header::CONTENT_TYPE, "font/ttf"),
            (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
        ],
        FONT,
    )
        .into_response()
}

/// Text into HTML.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Every page's frame.
pub fn layout(title: &str, main: &str) -> Html<String> {
    Html(format!(
        r#"<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} · 校务公开汇总</title>
<style>
@font-face {{ font-family: "Gongshi"; src: url("/assets/font.ttf") format("truetype"); }}
body {{ font-family: "Gongshi", "Noto Serif SC", serif; margin: 0; color: #1f2329; background: #f5f6f7; }}
header {{ background: #a61b1b; color: #fff; padding: 12px 24px; display: flex; gap: 32px; align-items: baseline; }}
header h1 {{ font-size: 20px; margin: 0; }}
header a {{ color: #fff; margin-right: 20px; text-decoration: none; }}
main {{ padding: 16px 24px; }}
table {{ border-collapse: collapse; background: #fff; margin: 8px 0 20px; }}
th, td {{ border: 1px solid #d0d3d6; padding: 5px 10px; text-align: left; font-size: 14px; }}
th {{ background: #eef0f2; }}
td.n {{ text-align: right; font-variant-numeric: tabular-nums; }}
.bad {{ color: #b42318; }} .ok {{ color: #217346; }} .muted {{ color: #6b7280; }}
.figures {{ display: flex; gap: 12px; flex-wrap: wrap; }}
.figures div {{ background: #fff; border: 1px solid #d0d3d6; padding: 8px 16px; min-width: 110px; }}
.figures b {{ display: block; font-size: 22px; }}
button, input, select, textarea {{ font: inherit; }}
pre {{ white-space: pre-wrap; background: #fff; border: 1px solid #d0d3d6; padding: 8px; }}
</style></head>
<body><header><h1>校务公开汇总</h1><nav><a href="/">各校概况</a><a href="/fees">收费对比</a><a href="/upload">上传离线文件</a></nav></header>
<main><h2>{title}</h2>
{main}
</main></body></html>"#,
        title = esc(title),
    ))
}

/// A failure while making a page, shown as a page (never a panic).
pub struct PageError(anyhow::Error);

impl<E: Into<anyhow::Error>> From<E> for PageError {
    fn from(e: E) -> Self {
        Self(e.into())
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let body = layout(
            "出错了",
            &format!("<p class=bad>{}</p>", esc(&format!("{:#}", self.0))),
        );
        (StatusCode::INTERNAL_SERVER_ERROR, body).into_response()
    }
}

pub fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// 3 条, with the figure's name for readers and tests alike.
pub fn figure(name: &str, label: &str, value: i64) -> String {
    format!(r#"<div>{label}<b data-figure="{name}">{value}</b></div>"#)
}

/// 2026年9月、11月.
pub fn months(gaps: &[(i32, u32)]) -> String {
    gaps.iter()
        .map(|(y, m)| format!("{y}年{m}月"))
        .collect::<Vec<_>>()
        .join("、")
}

/// The refused records, newest first, each saying which school, which
/// number and why (nothing when there are none).
pub fn refusals_table(rows: &[crate::reads::RefusalRow]) -> String {
    if rows.is_empty() {
        return String::new();
    }
    let mut html =
        String::from("<h3>拒收的记录</h3><table id=refusals><tr><th>时间</th><th>原因</th></tr>");
    for r in rows {
        html += &format!(
            "<tr><td>{}</td><td class=bad>{}</td></tr>",
            r.at,
            esc(&r.message)
        );
    }
    html + "</table>"
}

pub fn yuan(fen: i64) -> String {
    gongshi_domain::Fen(fen).to_yuan_string()
}
