//! The district sender: a thread that pushes the outbox when there is
//! something to send and the server answers, with backoff while it does
//! not. The store is locked only to take a batch and to keep its answers,
//! never while the network is waited on, so the clerk is never held up.
//! It writes as the operator signed in; before anyone is, it waits.

use std::sync::Mutex;
use std::time::Duration;

use gongshi_app::district;
use tauri::{AppHandle, Manager};

use crate::error::ApiResult;
use crate::state::AppState;

/// What the settings show of the sender.
#[derive(Debug, Clone, Default)]
pub struct SenderStatus {
    pub last_sent: Option<String>,
    pub last_error: Option<String>,
}

#[derive(Default)]
pub struct Sender {
    status: Mutex<SenderStatus>,
}

impl Sender {
    pub fn status(&self) -> SenderStatus {
        self.status
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    fn note(&self, outcome: Result<i64, String>) {
        let mut s = self.status.lock().unwrap_or_else(|p| p.into_inner());
        match outcome {
            Ok(0) => s.last_error = None,
            Ok(n) => {
                s.last_error = None;
                s.last_sent = Some(format!(
                    "{} 送达 {n} 条",
                    chrono::Local::now().format("%Y-%m-%d %H:%M")
                ));
            }
            Err(e) => s.last_error = Some(e),
        }
    }
}

/// How long to wait with nothing to send; `GONGSHI_DISTRICT_INTERVAL`
/// (seconds) shortens it, for tests and for an impatient bureau.
fn idle() -> Duration {
    std::env::var("GONGSHI_DISTRICT_INTERVAL")
        .ok()
        .and_then(|s| s.parse().ok())
        .map_or(Duration::from_secs(60), Duration::from_secs)
}

/// After the n-th failure in a row: 30 s, 1, 2, 4 … up to 15 minutes.
fn backoff(failures: u32) -> Duration {
    let secs = 30u64.saturating_mul(1 << failures.min(5));
    Duration::from_secs(secs.min(15 * 60)).min(idle().max(Duration::from_secs(1)) * 15)
}

pub fn start(app: AppHandle) {
    std::thread::spawn(move || {
        let mut failures = 0;
        loop {
            let wait = match push(&app.state::<AppState>()) {
                Ok(Some(_)) => {
                    failures = 0;
                    idle()
                }
                // Not set up, or nobody signed in: look again later.
                Ok(None) => idle(),
                Err(_) => {
                    failures += 1;
                    backoff(failures)
                }
            };
            std::thread::sleep(wait);
        }
    });
}

/// Sends everything pending, a batch at a time: `None` when there is no
/// link or no operator yet; else how many the server now holds.
pub fn push(state: &AppState) -> ApiResult<Option<i64>> {
    let mut delivered = 0;
    let mut reconciled = false;
    loop {
        let taken = {
            let mut inner = state.lock();
            let Some(op) = inner.operator.clone() else {
                return Ok(None);
            };
            let Ok(store) = inner.store() else {
                return Ok(None);
            };
            if !district::is_set(store)? {
                return Ok(None);
            }
            district::next_batch(store, &op).map(|out| out.map(|o| (o, op)))
        };
        let outcome = taken.and_then(|taken| {
            let Some((out, op)) = taken else {
                return Ok(None);
            };
            let receipt = district::send(&out)?;
            let mut inner = state.lock();
            district::keep(inner.store().map_err(|_| closed())?, &op, &out, &receipt).map(Some)
        });
        match outcome {
            Ok(Some(n)) => delivered += n,
            // Nothing pending: the server may still lack what it once took.
            Ok(None) if !reconciled => {
                reconciled = true;
                if reconcile(state)? == 0 {
                    state.sender.note(Ok(delivered));
                    return Ok(Some(delivered));
                }
            }
            Ok(None) => {
                state.sender.note(Ok(delivered));
                return Ok(Some(delivered));
            }
            Err(e) => {
                state.sender.note(Err(e.to_string()));
                return Err(e.into());
            }
        }
    }
}

/// Asks the server what it holds (the store not locked meanwhile) and
/// marks what it lacks to be sent again: how many.
fn reconcile(state: &AppState) -> ApiResult<usize> {
    let link = district::link(state.lock().store()?)?;
    let server = district::server_status(&link);
    let server = server.inspect_err(|e| state.sender.note(Err(e.to_string())))?;
    let mut inner = state.lock();
    let op = inner.operator()?;
    Ok(district::reconcile(inner.store()?, &op, &server)?)
}

fn closed() -> gongshi_app::AppError {
    gongshi_app::domain::FieldError::new("数据文件", "数据文件已关闭").into()
}
