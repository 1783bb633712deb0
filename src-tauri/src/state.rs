//! What the running app holds: which file, the open store (if it could be
//! opened), why not (if it was refused), and who is working.

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

use gongshi_app::Store;
use gongshi_app::domain::OperatorName;

use crate::error::{ApiError, ApiResult};
use crate::files::Files;

pub struct AppState {
    pub db_path: PathBuf,
    pub inner: Mutex<Inner>,
    /// What was saved or chosen through the dialogs.
    pub files: Files,
    /// The audit log's length when the app started: more at exit means
    /// changes, and a backup is taken.
    pub audit_at_start: i64,
    /// The district sender's last delivery and failure.
    pub sender: crate::sender::Sender,
}

pub struct Inner {
    pub store: Option<Store>,
    /// Why the file at `db_path` was refused; the app shows it and stops there.
    pub refused: Option<ApiError>,
    pub operator: Option<OperatorName>,
}

impl AppState {
    /// Opens the store if the file is there. A missing file is a first run;
    /// a refused file is remembered to be shown, never touched.
    pub fn load(db_path: PathBuf) -> Self {
        let (store, refused) = if db_path.exists() {
            match Store::open(&db_path) {
                Ok(store) => (Some(store), None),
                Err(e) => (None, Some(e.into())),
            }
        } else {
            (None, None)
        };
        let audit_at_start = store
            .as_ref()
            .and_then(|s: &Store| gongshi_app::backups::changes(s).ok())
            .unwrap_or(0);
        Self {
            audit_at_start,
            db_path,
            inner: Mutex::new(Inner {
                store,
                refused,
                operator: None,
            }),
            files: Files::default(),
            sender: Default::default(),
        }
    }

    pub fn lock(&self) -> MutexGuard<'_, Inner> {
        // A panic while holding the lock cannot leave the store half-written
        // (changes are transactions), so a poisoned lock is safe to reuse.
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl Inner {
    pub fn store(&mut self) -> ApiResult<&mut Store> {
        self.store
            .as_mut()
            .ok_or_else(|| ApiError::new("store.closed", "还没有打开数据文件。"))
    }

    /// Closes the store, runs `replace` (a restore, a file from another
    /// PC) and opens what it left; on a failure the store at `db_path` is
    /// opened again if it opens.
    pub fn replace_store<T>(
        &mut self,
        db_path: &std::path::Path,
        replace: impl FnOnce() -> gongshi_app::Result<(Store, T)>,
    ) -> ApiResult<T> {
        self.store = None;
        match replace() {
            Ok((store, done)) => {
                self.store = Some(store);
                self.refused = None;
                Ok(done)
            }
            Err(e) => {
                self.store = Store::open(db_path).ok();
                Err(e.into())
            }
        }
    }

    pub fn operator(&self) -> ApiResult<OperatorName> {
        self.operator
            .clone()
            .ok_or_else(|| ApiError::new("operator.none", "请先选择当前操作人。"))
    }
}
