//! Moving the record to another PC: one file (`.gongshi`, a zip) holding a
//! checked copy of the store and a manifest — its format, the store's
//! SHA-256 and size, the school, when it was made, the schema version.
//! Opened on the other PC only when it is whole: the checksum matches and
//! it is not from a newer version. A store already there is backed up
//! first (as a restore does).

use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};

use chrono::{Local, Utc};
use gongshi_domain::{FieldError, OperatorName};
use gongshi_store::{LATEST_VERSION, Store, backup};
use serde::{Deserialize, Serialize};

use crate::archive::sha256_hex;
use crate::{AppError, Result};

const MANIFEST: &str = "manifest.json";
const STORE: &str = "gongshi.sqlite3";
/// The manifest's format: a file of another format is refused.
const FORMAT: u32 = 1;
/// The largest store a hand-off file may carry.
const MAX_STORE_BYTES: u64 = 2 << 30;

/// The hand-off file's manifest, as written (format 1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: u32,
    pub school: Option<String>,
    /// RFC 3339, UTC.
    pub exported_at: String,
    pub schema_version: i64,
    pub sha256: String,
    pub bytes: u64,
}

/// The file's usual name: 阳光市实验小学-公示数据-20261201.gongshi.
pub fn file_name(school: Option<&str>) -> String {
    format!(
        "{}-公示数据-{}.gongshi",
        school.unwrap_or("学校"),
        Local::now().format("%Y%m%d")
    )
}

/// Where a hand-off file chosen as `out` is written: with its `.gongshi`
/// ending added when missing, so the other PC's dialog finds it.
pub fn out_path(out: &Path) -> PathBuf {
    if out.extension().is_some_and(|e| e == "gongshi") {
        return out.to_owned();
    }
    let mut named = out.as_os_str().to_owned();
    named.push(".gongshi");
    PathBuf::from(named)
}

/// The hand-off file of the store at `store_path`: a checked copy and its
/// manifest, as bytes to write where the clerk chooses.
pub fn export(store_path: &Path) -> Result<(Manifest, Vec<u8>)> {
    let dir = tempfile::tempdir().map_err(|e| AppError::Write {
        path: std::env::temp_dir().display().to_string(),
        reason: crate::io_reason(&e),
    })?;
    let copy = dir.path().join(STORE);
    let summary = backup::copy_store(store_path, &copy)?;
    let bytes = std::fs::read(&copy).map_err(|e| AppError::Write {
        path: copy.display().to_string(),
        reason: crate::io_reason(&e),
    })?;
    let manifest = Manifest {
        format: FORMAT,
        school: summary.school,
        exported_at: Utc::now().to_rfc3339(),
        schema_version: summary.schema_version,
        sha256: sha256_hex(&bytes),
        bytes: bytes.len() as u64,
    };
    let zip_error =
        |e: zip::result::ZipError| FieldError::new("文件", format!("无法写入导出文件：{e}"));
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file(MANIFEST, options).map_err(zip_error)?;
    let json = serde_json::to_vec_pretty(&manifest).unwrap_or_default();
    zip.write_all(&json).map_err(|e| zip_error(e.into()))?;
    zip.start_file(STORE, options).map_err(zip_error)?;
    zip.write_all(&bytes).map_err(|e| zip_error(e.into()))?;
    let out = zip.finish().map_err(zip_error)?.into_inner();
    Ok((manifest, out))
}

/// A hand-off file read and checked: its manifest and the store's bytes.
/// Refused: not a hand-off file, another format, a checksum that does not
/// match (damaged on the way, or changed), a newer version.
pub fn read(bytes: &[u8]) -> Result<(Manifest, Vec<u8>)> {
    let not_ours = || FieldError::new("文件", "这不是公示导出的数据文件（.gongshi）");
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| not_ours())?;
    let manifest: Manifest = {
        let mut entry = zip.by_name(MANIFEST).map_err(|_| not_ours())?;
        let mut text = String::new();
        entry
            .by_ref()
            .take(64 * 1024)
            .read_to_string(&mut text)
            .map_err(|_| not_ours())?;
        serde_json::from_str(&text).map_err(|_| not_ours())?
    };
    if manifest.format != FORMAT {
        return Err(FieldError::new(
            "文件",
            format!(
                "这个文件是新版本的公示导出的（格式{}），请先升级公示再打开",
                manifest.format
            ),
        )
        .into());
    }
    if manifest.schema_version > LATEST_VERSION {
        return Err(FieldError::new(
            "文件",
            format!(
                "这个文件的数据版本是{}，本程序只认识到{LATEST_VERSION}：请先升级公示再打开",
                manifest.schema_version
            ),
        )
        .into());
    }
    if manifest.bytes > MAX_STORE_BYTES {
        return Err(not_ours().into());
    }
    let mut store = Vec::new();
    zip.by_name(STORE)
        .map_err(|_| not_ours())?
        .take(manifest.bytes + 1)
        .read_to_end(&mut store)
        .map_err(|_| not_ours())?;
    if store.len() as u64 != manifest.bytes || sha256_hex(&store) != manifest.sha256 {
        return Err(FieldError::new(
            "文件",
            "文件里的数据与它的校验和（SHA-256）不符：文件在复制途中损坏或被改动过，没有打开。请从原来的电脑重新导出",
        )
        .into());
    }
    Ok((manifest, store))
}

/// Opens a hand-off file as the store at `store_path`: checked, then put
/// in place (a store already there is backed up first), reopened, and the
/// move written to its audit log. Returns the store and what the file said.
pub fn open(store_path: &Path, file: &[u8], op: &OperatorName) -> Result<(Store, Manifest)> {
    let (manifest, bytes) = read(file)?;
    let folder = store_path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    std::fs::create_dir_all(folder).map_err(|e| AppError::Write {
        path: folder.display().to_string(),
        reason: crate::io_reason(&e),
    })?;
    let incoming = tempfile::Builder::new()
        .prefix(".导入中-")
        .tempfile_in(folder)
        .map_err(|e| AppError::Write {
            path: folder.display().to_string(),
            reason: crate::io_reason(&e),
        })?;
    std::fs::write(incoming.path(), &bytes).map_err(|e| AppError::Write {
        path: incoming.path().display().to_string(),
        reason: crate::io_reason(&e),
    })?;
    // Checked as it is put in place (restore and replace_store both read
    // it as a store first).
    let mut store = if store_path.exists() {
        crate::backups::restore(store_path, incoming.path(), op)?.0
    } else {
        backup::replace_store(store_path, incoming.path())?;
        Store::open(store_path)?
    };
    crate::backups::record(&mut store, op, "transfer", "从其他电脑导入", &manifest)?;
    Ok((store, manifest))
}
