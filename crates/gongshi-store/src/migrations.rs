//! The schema, as an append-only list of migrations.
//!
//! Never edit or reorder a migration that has shipped: add a new one at the
//! end. `user_version` is the index of the last one applied; a file with a
//! larger number was written by a newer Gongshi and is refused on open.

use std::sync::LazyLock;

use rusqlite::Connection;
use rusqlite_migration::{M, Migrations};

use crate::Result;

static MIGRATIONS: LazyLock<Migrations<'static>> = LazyLock::new(|| Migrations::new(steps()));

fn steps() -> Vec<M<'static>> {
    vec![
        // 1: the school profile (one row), operators, and the audit log every
        // change writes to. application_id marks the file as ours.
        M::up(
            r#"
            PRAGMA application_id = 1196640329;

            CREATE TABLE school (
                id                INTEGER PRIMARY KEY CHECK (id = 1),
                name              TEXT NOT NULL,
                address           TEXT NOT NULL DEFAULT '',
                principal         TEXT NOT NULL DEFAULT '',
                office_phone      TEXT NOT NULL DEFAULT '',
                supervision_phone TEXT NOT NULL DEFAULT '',
                complaint_phone   TEXT NOT NULL DEFAULT '',
                hotlines          TEXT NOT NULL DEFAULT '[]', -- JSON array of strings
                is_demo           INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
                updated_at        TEXT NOT NULL               -- RFC 3339, UTC
            ) STRICT;

            CREATE TABLE operators (
                id             INTEGER PRIMARY KEY,
                name           TEXT NOT NULL UNIQUE,
                created_at     TEXT NOT NULL,
                last_active_at TEXT NOT NULL
            ) STRICT;

            CREATE TABLE audit_log (
                id        INTEGER PRIMARY KEY,
                at        TEXT NOT NULL,      -- RFC 3339, UTC
                operator  TEXT NOT NULL,
                entity    TEXT NOT NULL,      -- 'school', 'operator', …
                entity_id TEXT NOT NULL,
                action    TEXT NOT NULL,      -- Chinese, as shown in the log
                before    TEXT,               -- JSON of the row before, NULL on create
                after     TEXT                -- JSON of the row after, NULL on delete
            ) STRICT;
            CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
            "#,
        ),
    ]
}

/// The schema version this build writes and understands.
pub const LATEST_VERSION: i64 = 1;

pub(crate) fn migrate(conn: &mut Connection) -> Result<()> {
    MIGRATIONS.to_latest(conn)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        assert!(MIGRATIONS.validate().is_ok());
    }

    #[test]
    fn latest_version_matches_the_list() {
        assert_eq!(LATEST_VERSION, steps().len() as i64);
    }

    #[test]
    fn the_first_migration_marks_the_file_as_ours() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        let id: i32 = conn
            .pragma_query_value(None, "application_id", |r| r.get(0))
            .unwrap();
        assert_eq!(id, crate::APPLICATION_ID);
    }
}
