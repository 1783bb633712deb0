//! The PostgreSQL database: a pool of connections from the URL the bureau
//! sets (`DATABASE_URL`), and the schema's migrations, kept in the
//! repository (`migrations/NNNN_*.sql`) and applied in order, each once,
//! under a lock so two servers starting together do not race.

use anyhow::{Context, Result};
use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod};
use tokio_postgres::NoTls;

/// The migrations, in order; append only.
const MIGRATIONS: &[(i32, &str)] = &[(
    1,
    include_str!("../migrations/0001_schools_and_records.sql"),
)];

/// Any number will do, as long as it is ours.
const MIGRATION_LOCK: i64 = 0x6773_6869;

pub fn pool(url: &str) -> Result<Pool> {
    let config: tokio_postgres::Config = url
        .parse()
        .with_context(|| "数据库地址（DATABASE_URL）无法读取".to_owned())?;
    let manager = Manager::from_config(
        config,
        NoTls,
        ManagerConfig {
            recycling_method: RecyclingMethod::Fast,
        },
    );
    Ok(Pool::builder(manager).max_size(16).build()?)
}

/// Brings the schema up to date; returns the migrations it applied.
pub async fn migrate(pool: &Pool) -> Result<Vec<i32>> {
    let mut client = pool.get().await.context("连接数据库失败")?;
    let tx = client.transaction().await?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
        .await?;
    tx.batch_execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (
             version integer PRIMARY KEY,
             applied_at timestamptz NOT NULL DEFAULT now())",
    )
    .await?;
    let mut applied = Vec::new();
    for (version, sql) in MIGRATIONS {
        let done = tx
            .query_opt(
                "SELECT 1 FROM schema_migrations WHERE version = $1",
                &[version],
            )
            .await?
            .is_some();
        if done {
            continue;
        }
        tx.batch_execute(sql)
            .await
            .with_context(|| format!("迁移 {version} 失败"))?;
        tx.execute(
            "INSERT INTO schema_migrations (version) VALUES ($1)",
            &[version],
        )
        .await?;
        applied.push(*version);
    }
    tx.commit().await?;
    Ok(applied)
}
