//! 上报教育局: what the school published goes to its education bureau's
//! server. Each publishing step puts its record in the outbox in its own
//! transaction ([`bodies`]); [`push`] sends what is pending — never holding
//! the clerk up, safe to repeat (the server takes a record once) — and
//! keeps the server's answers; [`export`] writes the outbox to a file an
//! offline school uploads on the district's page.

pub mod bodies;
mod http;

use chrono::NaiveDate;
use gongshi_domain::FieldError;
use gongshi_domain::OperatorName;
use gongshi_domain::district::Record;
use gongshi_domain::district::wire::{
    MAX_BATCH, OUTBOX_FORMAT, OutboxFile, Outcome, Receipt, Status,
};
use gongshi_store::{Answer, DistrictLink, OutboxCounts, Store};
use serde::Serialize;

use crate::Result;

/// The settings as a face shows them: never the token itself.
#[derive(Debug, Clone, Serialize)]
pub struct Settings {
    pub url: String,
    pub school_code: String,
    /// The token's last four characters (…a3f9), to tell which is set.
    pub token_end: String,
    pub own_certificate: bool,
}

/// What a face shows of the district: the settings, the outbox, the
/// server's refusals, and (after a push or a status call) the server's view.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub settings: Option<Settings>,
    pub outbox: OutboxCounts,
    pub refusals: Vec<(i64, String)>,
    pub server: Option<Status>,
    /// Sent and acknowledged by this push.
    pub delivered: i64,
    /// What the server's view says is wrong here (another school's token,
    /// records the server has and this PC has not).
    pub warnings: Vec<String>,
}

fn settings_of(link: &DistrictLink) -> Settings {
    let tail: String = link
        .token
        .chars()
        .rev()
        .take(4)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    Settings {
        url: link.url.clone(),
        school_code: link.school_code.clone(),
        token_end: format!("…{tail}"),
        own_certificate: link.ca_pem.is_some(),
    }
}

/// Whether the school has set up the link (the sender waits until then).
pub fn is_set(store: &Store) -> Result<bool> {
    Ok(store.district_link()?.is_some())
}

/// The link as set, or the refusal saying where to set it.
pub fn link(store: &Store) -> Result<DistrictLink> {
    store.district_link()?.ok_or_else(|| {
        FieldError::new(
            "上报教育局",
            format!(
                "尚未设置教育局服务器{}",
                gongshi_domain::faces::next_step(
                    "设置 → 上报教育局",
                    "gongshi district set --url 地址 --school-code 学校代码 --token 令牌"
                )
            ),
        )
        .into()
    })
}

/// What setting the link said: the settings kept, and a warning when the
/// server could not be asked (kept anyway: the PC may be offline).
#[derive(Debug, Clone, Serialize)]
pub struct SetUp {
    pub settings: Settings,
    pub warning: Option<String>,
}

/// Checks and keeps the server's address, the school's code and token
/// (and the bureau's own certificate, PEM, if it is not a trusted one),
/// asking the server when it answers — a token it refuses, or one of
/// another school, is not kept —, then queues what was published before
/// the outbox existed.
pub fn set(
    store: &mut Store,
    op: &OperatorName,
    url: &str,
    school_code: &str,
    token: &str,
    ca_pem: Option<&str>,
) -> Result<SetUp> {
    let url = server_url(url)?;
    let url = url.as_str();
    let code = school_code.trim();
    if code.is_empty() || code.len() > 32 || !code.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(FieldError::new("学校代码", "应为教育局登记的1至32位字母或数字").into());
    }
    let token = token.trim();
    if !token.starts_with("gsd_") || token.len() < 20 || !token.is_ascii() {
        return Err(FieldError::new("令牌", "应为教育局发给本校的令牌（以 gsd_ 开头）").into());
    }
    if ca_pem.is_some_and(|p| !p.contains("BEGIN CERTIFICATE")) {
        return Err(
            FieldError::new("证书", "不是 PEM 格式的证书（应含 BEGIN CERTIFICATE）").into(),
        );
    }
    let link = DistrictLink {
        url: url.to_owned(),
        school_code: code.to_owned(),
        token: token.to_owned(),
        ca_pem: ca_pem.map(str::to_owned),
    };
    // Records already sent under one code must not go on under another.
    if let Some(before) = store.district_link()?
        && before.school_code != link.school_code
        && !store.outbox_sent()?.is_empty()
    {
        return Err(FieldError::new(
            "学校代码",
            format!(
                "本机已按学校代码 {} 上报过记录，不能改为 {}：换学校时请新建数据文件",
                before.school_code, link.school_code
            ),
        )
        .into());
    }
    let warning = match http::probe(&link)? {
        http::Probe::Answered(s) if s.school != link.school_code => {
            return Err(FieldError::new(
                "学校代码",
                format!(
                    "令牌属于 {}（{}），不是学校代码 {} 的：请核对教育局发的学校代码和令牌",
                    s.name, s.school, link.school_code
                ),
            )
            .into());
        }
        http::Probe::Answered(_) => None,
        http::Probe::Refused(e) => return Err(e),
        http::Probe::Unreachable(e) => Some(format!("已保存，但现在无法核对令牌：{e}")),
    };
    store.write(op, |w| w.set_district_link(&link))?;
    backfill(store, op)?;
    Ok(SetUp {
        settings: settings_of(&link),
        warning,
    })
}

/// The server's address: https (plain http only to this PC itself, for
/// tests), a host, a port if any, no path or query.
fn server_url(typed: &str) -> Result<String> {
    let url = typed.trim().trim_end_matches('/');
    let bad = |why: &str| -> crate::AppError {
        FieldError::new(
            "服务器地址",
            format!("“{url}”{why}（例：https://jyj.example.gov.cn 或 https://10.1.2.3:8443）"),
        )
        .into()
    };
    if url.contains(['@', '#', '?']) {
        return Err(bad(
            "只填 https:// 和主机名（及端口），不带用户名、参数或 #",
        ));
    }
    let uri: ureq::http::Uri = url.parse().map_err(|_| bad("不是网址"))?;
    let Some(host) = uri.host().filter(|h| !h.is_empty()) else {
        return Err(bad("没有主机名"));
    };
    if uri.path() != "/" && !uri.path().is_empty() || uri.query().is_some() {
        return Err(bad("带了路径：只填 https:// 和主机名（及端口）"));
    }
    let port = uri
        .authority()
        .and_then(|a| a.as_str().rsplit_once(':'))
        .map(|(_, p)| p);
    if port.is_some_and(|p| !p.ends_with(']') && p.parse::<u16>().map_or(true, |p| p == 0)) {
        return Err(bad("的端口应为1至65535"));
    }
    let loopback = ["127.0.0.1", "localhost", "[::1]", "::1"].contains(&host);
    match uri.scheme_str() {
        Some("https") => Ok(url.to_owned()),
        Some("http") if loopback => Ok(url.to_owned()),
        _ => Err(bad("应以 https:// 开头；不加密的 http 只用于本机测试")),
    }
}

/// Queues what was published before the outbox existed (a store from an
/// earlier version): every posted revision, every early take-down, every
/// fee board printed. Once each, in the order they happened.
pub fn backfill(store: &mut Store, op: &OperatorName) -> Result<usize> {
    let (from, to) = (NaiveDate::MIN, NaiveDate::MAX);
    let mut bodies = Vec::new();
    for rev in store.posted_revisions(from, to)? {
        if let Some(body) = bodies::posting(store, &rev)? {
            bodies.push((rev.period.map(|p| p.start), body));
        }
        if let Some(body) = bodies::taken_down(&rev) {
            bodies.push((rev.taken_down_on, body));
        }
    }
    for sheet in store.own_sheets_posted(from, to)? {
        let subject = sheet.subject.clone().unwrap_or_default();
        if let Some(body) = bodies::own_sheet(store, &subject, sheet.printed_on, &sheet.sha256)? {
            bodies.push((Some(sheet.printed_on), body));
        }
    }
    bodies.retain(|(_, b)| !store.outbox_has(&b.subject()).unwrap_or(true));
    bodies.sort_by_key(|(on, _)| *on);
    if bodies.is_empty() {
        return Ok(0);
    }
    store.write(op, |w| {
        for (_, body) in &bodies {
            w.enqueue_district(body)?;
        }
        Ok(())
    })?;
    Ok(bodies.len())
}

/// A year's report printed: the district holds the newest one printed.
pub fn report_printed(
    store: &mut Store,
    op: &OperatorName,
    report: &crate::report::YearReport,
    pdf: &[u8],
    on: NaiveDate,
) -> Result<()> {
    let body = bodies::annual(report, on, pdf);
    store.write(op, |w| w.enqueue_district(&body).map(drop))?;
    Ok(())
}

/// Where things stand, without asking the server: the server's refusals,
/// and records changed or removed at this PC (not to be sent).
pub fn report(store: &Store) -> Result<Report> {
    let mut refusals = store.outbox_refusals()?;
    for (seq, why) in store.outbox_forgeries()? {
        if !refusals.iter().any(|(s, _)| *s == seq) {
            refusals.push((seq, why));
        }
    }
    refusals.sort_by_key(|(seq, _)| *seq);
    Ok(Report {
        settings: store.district_link()?.as_ref().map(settings_of),
        outbox: store.outbox_counts()?,
        refusals,
        server: None,
        delivered: 0,
        warnings: Vec::new(),
    })
}

/// Where things stand, with the server's view (its gaps, its refusals).
pub fn status(store: &Store) -> Result<Report> {
    let server = server_status(&link(store)?)?;
    status_with(store, server)
}

/// Where things stand beside what the server said (asked without the
/// store, by a face that must not hold it meanwhile).
pub fn status_with(store: &Store, server: Status) -> Result<Report> {
    let link = link(store)?;
    let mut report = report(store)?;
    if server.school != link.school_code {
        report.warnings.push(format!(
            "令牌属于 {}（{}），与设置的学校代码 {} 不符",
            server.name, server.school, link.school_code
        ));
    }
    let here = store.outbox_all()?.last().map_or(0, |r| r.seq);
    if server.highest > here {
        report.warnings.push(format!(
            "服务器已收到第{}条，本机只到第{here}条：本机数据可能是从较早的备份恢复的，之后的记录会被拒收，请联系教育局核对",
            server.highest
        ));
    }
    report.server = Some(server);
    Ok(report)
}

/// The server's view of the school's chain; touches nothing.
pub fn server_status(link: &DistrictLink) -> Result<Status> {
    http::status(link)
}

/// A batch on its way: taken from the outbox under the store, sent
/// without it (so an app's clerk is not held up by the network), its
/// answers kept under the store again.
pub struct Outgoing {
    link: DistrictLink,
    batch: Vec<Record>,
}

/// The next batch to send, if any (after queuing anything published before
/// the outbox existed). A record changed at this PC since it was made is
/// not sent: it is kept as refused, saying so.
pub fn next_batch(store: &mut Store, op: &OperatorName) -> Result<Option<Outgoing>> {
    let link = link(store)?;
    backfill(store, op)?;
    let forged: Vec<(i64, Answer)> = store
        .outbox_forgeries()?
        .into_iter()
        .map(|(seq, why)| (seq, Answer::Refused(format!("{why}，没有发出"))))
        .collect();
    // Every one not yet sent (one whose seal was cleared is not among the
    // pending at all, yet must not count as waiting to go).
    let sent = store.outbox_sent()?;
    let held_back: Vec<(i64, Answer)> = forged
        .into_iter()
        .filter(|(seq, _)| !sent.contains(seq))
        .collect();
    if !held_back.is_empty() {
        store.write(op, |w| w.note_district_answers(&held_back))?;
    }
    let batch = store.outbox_pending(MAX_BATCH)?;
    Ok((!batch.is_empty()).then_some(Outgoing { link, batch }))
}

/// Records acknowledged once that the server no longer holds (its
/// database restored from an old backup, say) are marked to go again:
/// how many.
pub fn reconcile(store: &mut Store, op: &OperatorName, server: &Status) -> Result<usize> {
    let missing: Vec<i64> = store
        .outbox_sent()?
        .into_iter()
        .filter(|seq| {
            *seq > server.highest || server.gaps.iter().any(|(a, b)| (a..=b).contains(&seq))
        })
        .collect();
    if !missing.is_empty() {
        store.write(op, |w| w.resend_district(&missing))?;
    }
    Ok(missing.len())
}

/// Sends a batch; touches nothing.
pub fn send(out: &Outgoing) -> Result<Receipt> {
    http::send(&out.link, &out.batch)
}

/// Keeps the server's answers to a batch: how many it now holds.
pub fn keep(
    store: &mut Store,
    op: &OperatorName,
    out: &Outgoing,
    receipt: &Receipt,
) -> Result<i64> {
    let answers: Vec<(i64, Answer)> = receipt
        .results
        .iter()
        .filter(|r| out.batch.iter().any(|b| b.seq == r.seq))
        .map(|r| {
            let answer = match r.outcome {
                Outcome::Accepted | Outcome::Duplicate => Answer::Held,
                Outcome::Refused => Answer::Refused(r.message.clone().unwrap_or_default()),
            };
            (r.seq, answer)
        })
        .collect();
    if answers.is_empty() {
        return Err(FieldError::new("上报教育局", "服务器没有回答所发的记录：请稍后再试").into());
    }
    store.write(op, |w| w.note_district_answers(&answers))?;
    reconcile(store, op, &receipt.status)?;
    Ok(answers.iter().filter(|(_, a)| *a == Answer::Held).count() as i64)
}

/// How a push reaches the store: for each step, briefly — a face that
/// shares its store (the app's window) locks it only for the step, never
/// while the network is waited on.
pub trait StoreAccess {
    fn with<T>(&mut self, step: impl FnOnce(&mut Store) -> Result<T>) -> Result<T>;
}

impl StoreAccess for &mut Store {
    fn with<T>(&mut self, step: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
        step(self)
    }
}

/// Sends everything pending, a batch at a time, keeping each answer as it
/// comes: a failure part way keeps what was acknowledged, and the next
/// push resends the rest (the server takes a record once). With nothing
/// pending, the server is asked what it holds, and what it lost goes again.
pub fn push(mut store: impl StoreAccess, op: &OperatorName) -> Result<Report> {
    let mut delivered = 0;
    let mut reconciled = false;
    loop {
        let server = match store.with(|s| next_batch(s, op))? {
            Some(out) => {
                let receipt = send(&out)?;
                delivered += store.with(|s| keep(s, op, &out, &receipt))?;
                receipt.status
            }
            None => {
                let link = store.with(|s| link(s))?;
                let server = http::status(&link)?;
                if !reconciled && store.with(|s| reconcile(s, op, &server))? > 0 {
                    reconciled = true;
                    continue;
                }
                server
            }
        };
        if store.with(|s| Ok(s.outbox_pending(1)?.is_empty()))? {
            let report = store.with(|s| report(s))?;
            return Ok(Report {
                server: Some(server),
                delivered,
                ..report
            });
        }
    }
}

/// The whole outbox as a file for the district's upload page.
pub fn export(store: &mut Store, op: &OperatorName) -> Result<(Vec<u8>, usize)> {
    let link = link(store)?;
    backfill(store, op)?;
    let records = store.outbox_all()?;
    let file = OutboxFile {
        format: OUTBOX_FORMAT.to_owned(),
        v: 1,
        school: link.school_code,
        records,
    };
    let count = file.records.len();
    let json =
        serde_json::to_vec_pretty(&file).map_err(|e| FieldError::new("上报文件", e.to_string()))?;
    Ok((json, count))
}
