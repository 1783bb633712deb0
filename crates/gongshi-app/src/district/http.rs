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

fn unreachable(link: &DistrictLink, e: &ureq::Error) -> crate::AppError {
    FieldError::new(
        "上报教育局",
        format!(
            "连不上教育局服务器 {}（{e}）。记录留在待上报中，联网后会再发；\
             长期无网络可导出文件，到能上网的电脑上在教育局网页上传",
            link.url
        ),
    )
    .into()
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
    Err(FieldError::new("上报教育局", format!("教育局服务器拒绝了请求：{said}")).into())
}

fn endpoint(link: &DistrictLink, path: &str) -> String {
    format!("{}{path}", link.url.trim_end_matches('/'))
}

pub fn send(link: &DistrictLink, records: &[Record]) -> Result<Receipt> {
    let body = serde_json::to_string(&Batch {
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

pub fn status(link: &DistrictLink) -> Result<Status> {
    let resp = agent(link)?
        .get(endpoint(link, "/api/v1/status"))
        .header("Authorization", format!("Bearer {}", link.token))
        .call()
        .map_err(|e| unreachable(link, &e))?;
    read(link, resp)
}
