//! 上报教育局 as the settings show it.

use gongshi_app::district::Report;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::sender::SenderStatus;

#[derive(Debug, Clone, Serialize, TS)]
pub struct DistrictDto {
    pub url: Option<String>,
    pub school_code: Option<String>,
    /// The token's last characters (…a3f9): the token itself never leaves Rust.
    pub token_end: Option<String>,
    pub own_certificate: bool,
    #[ts(type = "number")]
    pub pending: i64,
    #[ts(type = "number")]
    pub sent: i64,
    #[ts(type = "number")]
    pub refused: i64,
    pub refusals: Vec<String>,
    /// The server's view, when asked: 已收 n 条，最大序号 n，缺…
    pub server: Option<String>,
    /// This push's count, when one was made.
    #[ts(type = "number")]
    pub delivered: i64,
    /// The sender in the background: when it last delivered, its last failure.
    pub last_sent: Option<String>,
    pub last_error: Option<String>,
    /// Said when the link was kept but the server could not be asked.
    pub warning: Option<String>,
}

impl DistrictDto {
    pub fn new(r: &Report, sender: &SenderStatus) -> Self {
        let s = r.settings.as_ref();
        Self {
            url: s.map(|s| s.url.clone()),
            school_code: s.map(|s| s.school_code.clone()),
            token_end: s.map(|s| s.token_end.clone()),
            own_certificate: s.is_some_and(|s| s.own_certificate),
            pending: r.outbox.pending,
            sent: r.outbox.sent,
            refused: r.outbox.refused,
            refusals: r
                .refusals
                .iter()
                .map(|(seq, why)| format!("第{seq}条：{why}"))
                .collect(),
            server: r.server.as_ref().map(|s| {
                let gaps = if s.gaps.is_empty() {
                    "没有缺号".to_owned()
                } else {
                    format!("缺{}", s.gaps_label())
                };
                format!(
                    "{}：已收 {} 条，最大序号 {}，{gaps}",
                    s.name, s.received, s.highest
                )
            }),
            delivered: r.delivered,
            last_sent: sender.last_sent.clone(),
            last_error: sender.last_error.clone(),
            warning: (!r.warnings.is_empty()).then(|| r.warnings.join("；")),
        }
    }
}

/// What the clerk typed in 设置 → 上报教育局.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct DistrictSetDto {
    pub url: String,
    pub school_code: String,
    pub token: String,
    /// The bureau's own certificate, pasted (PEM), when it gave one.
    pub ca_pem: Option<String>,
}
