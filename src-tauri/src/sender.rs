//! The district sender: a thread that pushes the outbox when there is
//! something to send and the server answers, with backoff while it does
//! not. The store is locked only to take a batch and to keep its answers,
//! never while the network is waited on, so the clerk is never held up.
//! It writes as the operator signed in; before anyone is, it waits.

use std::sync::Mutex;
use std::time::Duration;

use gongshi_app::Store;
use gongshi_app::district;
use gongshi_app::domain::FieldError;
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
    Duration::from_secs((30u64 << failures.min(5)).min(15 * 60))
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

/// The store as a push reaches it: locked for a step at a time.
struct Locked<'a>(&'a AppState);

impl district::StoreAccess for Locked<'_> {
    fn with<T>(
        &mut self,
        step: impl FnOnce(&mut Store) -> gongshi_app::Result<T>,
    ) -> gongshi_app::Result<T> {
        let mut inner = self.0.lock();
        match inner.store.as_mut() {
            Some(store) => step(store),
            None => Err(FieldError::new("数据文件", "数据文件已关闭").into()),
        }
    }
}

/// Sends everything pending (`gongshi_app::district::push`, the store
/// locked only for each step): `None` when there is no link or no operator
/// yet; else the push's report, kept for the settings to show.
pub fn push(state: &AppState) -> ApiResult<Option<district::Report>> {
    let op = {
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
        op
    };
    let pushed = district::push(Locked(state), &op);
    state.sender.note(
        pushed
            .as_ref()
            .map(|r| r.delivered)
            .map_err(ToString::to_string),
    );
    Ok(Some(pushed?))
}
