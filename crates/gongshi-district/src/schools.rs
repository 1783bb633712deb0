//! The schools the bureau registers, each with its own token. Only the
//! token's SHA-256 is kept: the bureau hands the token over once, and a
//! lost one is replaced (`token`), which also retires the old.

use anyhow::{Result, bail};
use deadpool_postgres::Pool;
use sha2::{Digest, Sha256};

/// A school as the server knows it.
#[derive(Debug, Clone)]
pub struct School {
    pub id: i32,
    pub code: String,
    pub name: String,
}

/// A school from `SELECT id, code, name`.
fn school(r: &tokio_postgres::Row) -> School {
    School {
        id: r.get(0),
        code: r.get(1),
        name: r.get(2),
    }
}

/// A new random token: 32 bytes, hex, with a prefix that says what it is.
fn new_token() -> Result<String> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| anyhow::anyhow!("无法生成随机令牌：{e}"))?;
    Ok(format!(
        "gsd_{}",
        bytes.iter().map(|b| format!("{b:02x}")).collect::<String>()
    ))
}

pub fn digest(token: &str) -> String {
    Sha256::digest(token.trim().as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn checked_code(code: &str) -> Result<&str> {
    let code = code.trim();
    if code.is_empty() || code.len() > 32 || !code.chars().all(|c| c.is_ascii_alphanumeric()) {
        bail!("学校代码“{code}”无效：应为1至32位字母或数字");
    }
    Ok(code)
}

/// Registers a school; returns its token (shown once).
pub async fn add(pool: &Pool, code: &str, name: &str) -> Result<String> {
    let code = checked_code(code)?;
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 60 || name.chars().any(char::is_control) {
        bail!("学校名称应为1至60个字，不含换行或制表符");
    }
    let token = new_token()?;
    let client = pool.get().await?;
    let added = client
        .execute(
            "INSERT INTO schools (code, name, token_sha256) VALUES ($1, $2, $3)
             ON CONFLICT (code) DO NOTHING",
            &[&code, &name, &digest(&token)],
        )
        .await?;
    if added == 0 {
        bail!("学校代码 {code} 已登记；要换发令牌请用：gongshi-district token --code {code}");
    }
    Ok(token)
}

/// A new token for a school; the old one stops working.
pub async fn renew_token(pool: &Pool, code: &str) -> Result<String> {
    let code = checked_code(code)?;
    let token = new_token()?;
    let client = pool.get().await?;
    let changed = client
        .execute(
            "UPDATE schools SET token_sha256 = $2 WHERE code = $1",
            &[&code, &digest(&token)],
        )
        .await?;
    if changed == 0 {
        bail!("没有登记学校代码 {code}：请先用 gongshi-district schools add 登记");
    }
    Ok(token)
}

/// The school a token belongs to, if any.
pub async fn by_token(pool: &Pool, token: &str) -> Result<Option<School>> {
    let client = pool.get().await?;
    let row = client
        .query_opt(
            "SELECT id, code, name FROM schools WHERE token_sha256 = $1",
            &[&digest(token)],
        )
        .await?;
    Ok(row.as_ref().map(school))
}

pub async fn list(pool: &Pool) -> Result<Vec<School>> {
    let client = pool.get().await?;
    let rows = client
        .query("SELECT id, code, name FROM schools ORDER BY code", &[])
        .await?;
    Ok(rows.iter().map(school).collect())
}

pub async fn by_code(pool: &Pool, code: &str) -> Result<Option<School>> {
    let client = pool.get().await?;
    let row = client
        .query_opt(
            "SELECT id, code, name FROM schools WHERE code = $1",
            &[&code],
        )
        .await?;
    Ok(row.as_ref().map(school))
}
