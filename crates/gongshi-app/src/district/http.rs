//! Talking to the district server (HTTPS; plain HTTP only to this PC's own
//! loopback, for tests): a batch out, the receipt back; the status. Every
//! failure is a Chinese sentence saying what to check; nothing here
//! changes the store.

use std::time::Duration;

use gongshi_domain::FieldError;
use gongshi_domain::district::Record;
use gongshi_domain::district::wire::{Batch, Problem, Receipt, Status};
use gongshi_store::DistrictLink;

use crate::Result;

fn agent(link: &DistrictLink) -> Result<ureq::Agent> {
    let mut config = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_connect(Some(Duration::from_secs(10)))
        .timeout_global(Some(Duration::from_secs(60)));
    if let Some(pem) = &link.ca_pem {
        let cert = ureq::tls::Certificate::from_pem(pem.as_bytes())
            .map_err(|e| FieldError::new("证书", format!("教育局证书无法读取：{e}")))?;
        let tls = ureq::tls::TlsConfig::builder()
            .root_certs(ureq::tls::RootCerts::new_with_certs(&[cert]))
            .build();
        config = config.tls_config(tls);
    }
    Ok(config.build().into())
}

/// A failure to reach the server, in words that say whether waiting helps:
/// a certificate not trusted never gets better by itself.
fn unreachable(link: &DistrictLink, e: &ureq::Error) -> crate::AppError {
    let said = e.to_string();
    let certificate = matches!(e, ureq::Error::Tls(_) | ureq::Error::Rustls(_))
        || said.contains("certificate")
        || said.contains("UnknownIssuer");
    let message = if certificate {
        format!(
            "教育局服务器 {} 的证书不被信任（{said}）：请核对服务器地址；教育局使用自己的证书时，\
             把它的证书（PEM）填在 设置 → 上报教育局 → 教育局证书",
            link.url
        )
    } else {
        format!(
            "连不上教育局服务器 {}（{said}）。记录留在待上报中，联网后会再发；\
             长期无网络可导出文件，到能上网的电脑上在教育局网页上传",
            link.url
        )
    };
    FieldError::new("上报教育局", message).into()
}

/// The server's answer, or its words when it refused the request.
fn read<T: serde::de::DeserializeOwned>(
    link: &DistrictLink,
    mut resp: ureq::http::Response<ureq::Body>,
) -> Result<T> {
    let status = resp.status();
    let text = resp
        .body_mut()
        .read_to_string()
        .map_err(|e| unreachable(link, &e))?;
    if status.is_success() {
        return serde_json::from_str(&text).map_err(|e| {
            FieldError::new("上报教育局", format!("服务器的回答无法读取：{e}")).into()
        });
    }
    let said = serde_json::from_str::<Problem>(&text)
        .map(|p| p.error)
        .unwrap_or_else(|_| format!("HTTP {status}"));
    let message = if status.is_server_error() {
        format!("教育局服务器暂时出错（{said}）。记录留在待上报中，稍后会再发")
    } else if status == ureq::http::StatusCode::NOT_FOUND {
        format!(
            "{} 不是教育局的汇总服务器（HTTP 404）：请核对服务器地址",
            link.url
        )
    } else {
        format!("教育局服务器拒绝了请求：{said}")
    };
    Err(FieldError::new("上报教育局", message).into())
}

fn endpoint(link: &DistrictLink, path: &str) -> String {
    format!("{}{path}", link.url.trim_end_matches('/'))
}

pub fn send(link: &DistrictLink, records: &[Record]) -> Result<Receipt> {
    let body = serde_json::to_string(&Batch {
        school: Some(link.school_code.clone()),
        records: records.to_vec(),
    })
    .map_err(|e| FieldError::new("上报教育局", e.to_string()))?;
    let resp = agent(link)?
        .post(endpoint(link, "/api/v1/records"))
        .header("Authorization", format!("Bearer {}", link.token))
        .content_type("application/json")
        .send(body)
        .map_err(|e| unreachable(link, &e))?;
    read(link, resp)
}

/// What asking the server's status told about a link being set up.
pub enum Probe {
    Answered(Status),
    /// The server answered and refused (a wrong token, not our server).
    Refused(crate::AppError),
    /// No answer: the link may still be right (the PC is offline).
    Unreachable(crate::AppError),
}

pub fn probe(link: &DistrictLink) -> Result<Probe> {
    let resp = agent(link)?
        .get(endpoint(link, "/api/v1/status"))
        .header("Authorization", format!("Bearer {}", link.token))
        .call();
    Ok(match resp {
        Err(e) => Probe::Unreachable(unreachable(link, &e)),
        Ok(resp) if resp.status().is_server_error() => Probe::Unreachable(
            read::<Status>(link, resp)
                .err()
                .unwrap_or_else(|| unreachable_now(link)),
        ),
        Ok(resp) => match read(link, resp) {
            Ok(status) => Probe::Answered(status),
            Err(e) => Probe::Refused(e),
        },
    })
}

fn unreachable_now(link: &DistrictLink) -> crate::AppError {
    FieldError::new(
        "上报教育局",
        format!("教育局服务器 {} 暂时没有回答", link.url),
    )
    .into()
}

pub fn status(link: &DistrictLink) -> Result<Status> {
    let resp = agent(link)?
        .get(endpoint(link, "/api/v1/status"))
        .header("Authorization", format!("Bearer {}", link.token))
        .call()
        .map_err(|e| unreachable(link, &e))?;
    read(link, resp)
}
