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
        // 2: the clerk's week. Days added to the official calendar; items and
        // their revisions (a posted revision is frozen, a correction is the
        // next revision); trigram full-text search over titles and bodies;
        // feedback and objections; every sheet printed for the board with
        // its SHA-256; per-category minimum periods and regular disclosures.
        M::up(
            r#"
            CREATE TABLE calendar_days (
                date TEXT PRIMARY KEY,              -- ISO date
                name TEXT NOT NULL,
                off  INTEGER NOT NULL CHECK (off IN (0, 1))
            ) STRICT;

            CREATE TABLE items (
                id                  INTEGER PRIMARY KEY,
                category            TEXT NOT NULL,
                current_revision_id INTEGER,        -- the newest revision
                created_at          TEXT NOT NULL
            ) STRICT;
            CREATE INDEX items_current ON items (current_revision_id);

            CREATE TABLE revisions (
                id              INTEGER PRIMARY KEY,
                item_id         INTEGER NOT NULL REFERENCES items (id),
                number          INTEGER NOT NULL,
                status          TEXT NOT NULL,
                title           TEXT NOT NULL,
                body            TEXT NOT NULL,
                fields          TEXT NOT NULL,      -- JSON object
                table_json      TEXT,               -- JSON {columns, rows}
                posting_days    INTEGER NOT NULL,
                planned_start   TEXT,               -- ISO date
                confidentiality TEXT,               -- JSON stamp {by, on, note}
                signoff         TEXT,               -- JSON stamp
                approved        TEXT,               -- JSON stamp
                returned_reason TEXT,
                posted_on       TEXT,               -- first working day on the board
                period_end      TEXT,               -- last working day of the period
                working_days    INTEGER,
                taken_down_on   TEXT,
                closure         TEXT,               -- JSON {result, on, note}
                updated_at      TEXT NOT NULL,
                UNIQUE (item_id, number)
            ) STRICT;
            CREATE INDEX revisions_status ON revisions (status);
            CREATE INDEX revisions_planned ON revisions (planned_start);
            CREATE INDEX revisions_posted ON revisions (posted_on);
            CREATE INDEX revisions_period_end ON revisions (period_end);
            CREATE INDEX revisions_taken_down ON revisions (taken_down_on);

            CREATE VIRTUAL TABLE revisions_fts USING fts5 (
                title, body, content = 'revisions', content_rowid = 'id', tokenize = 'trigram'
            );
            CREATE TRIGGER revisions_fts_insert AFTER INSERT ON revisions BEGIN
                INSERT INTO revisions_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
            END;
            CREATE TRIGGER revisions_fts_delete AFTER DELETE ON revisions BEGIN
                INSERT INTO revisions_fts (revisions_fts, rowid, title, body)
                VALUES ('delete', old.id, old.title, old.body);
            END;
            CREATE TRIGGER revisions_fts_update AFTER UPDATE OF title, body ON revisions BEGIN
                INSERT INTO revisions_fts (revisions_fts, rowid, title, body)
                VALUES ('delete', old.id, old.title, old.body);
                INSERT INTO revisions_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
            END;

            CREATE TABLE feedback (
                id           INTEGER PRIMARY KEY,
                received_on  TEXT NOT NULL,
                channel      TEXT NOT NULL,
                item_id      INTEGER REFERENCES items (id),
                content      TEXT NOT NULL,
                is_objection INTEGER NOT NULL CHECK (is_objection IN (0, 1)),
                answer       TEXT,                 -- JSON {text, responder, answered_on}
                publish      INTEGER NOT NULL CHECK (publish IN (0, 1))
            ) STRICT;
            CREATE INDEX feedback_item ON feedback (item_id);

            CREATE TABLE printed_sheets (
                id          INTEGER PRIMARY KEY,
                revision_id INTEGER NOT NULL REFERENCES revisions (id),
                printed_on  TEXT NOT NULL,          -- ISO date
                purpose     TEXT NOT NULL,          -- 'board': printed for posting
                sha256      TEXT NOT NULL,
                pdf         BLOB NOT NULL
            ) STRICT;
            CREATE INDEX printed_sheets_revision ON printed_sheets (revision_id);

            CREATE TABLE category_settings (
                category TEXT PRIMARY KEY,
                min_days INTEGER NOT NULL CHECK (min_days BETWEEN 1 AND 60)
            ) STRICT;

            CREATE TABLE regular_disclosures (
                id       INTEGER PRIMARY KEY,
                category TEXT NOT NULL,
                title    TEXT NOT NULL,
                rhythm   TEXT NOT NULL CHECK (rhythm IN ('monthly', 'semester', 'yearly'))
            ) STRICT;
            "#,
        ),
        // 3: fees. A semester's schedule (approved: frozen) and its items,
        // amounts in integer fen; class sizes for the letters to parents.
        M::up(
            r#"
            CREATE TABLE fee_schedules (
                id         INTEGER PRIMARY KEY,
                semester   TEXT NOT NULL UNIQUE,
                approved   TEXT,                  -- JSON stamp {by, on, note}
                created_at TEXT NOT NULL
            ) STRICT;

            CREATE TABLE fee_items (
                id          INTEGER PRIMARY KEY,
                schedule_id INTEGER NOT NULL REFERENCES fee_schedules (id) ON DELETE CASCADE,
                position    INTEGER NOT NULL,
                name        TEXT NOT NULL,
                amount_fen  INTEGER NOT NULL CHECK (amount_fen >= 0),
                unit        TEXT NOT NULL,
                grades      TEXT NOT NULL,        -- JSON: "WholeSchool" or {"Some": [1, 2]}
                department  TEXT NOT NULL,
                phone       TEXT NOT NULL,
                basis       TEXT NOT NULL,
                voluntary   INTEGER NOT NULL CHECK (voluntary IN (0, 1)),
                note        TEXT NOT NULL
            ) STRICT;
            CREATE INDEX fee_items_schedule ON fee_items (schedule_id, position);

            CREATE TABLE class_sizes (
                grade    INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 12),
                class    TEXT NOT NULL,           -- 1班, (2)班…
                students INTEGER NOT NULL CHECK (students BETWEEN 0 AND 200),
                PRIMARY KEY (grade, class)
            ) STRICT;
            "#,
        ),
        // 4: each schedule's fee-reduction policy, printed on the board sheet
        // and every letter and frozen with the schedule. Existing schedules
        // get the text they printed until now (fee::DEFAULT_REDUCTION_POLICY).
        M::up(
            r#"
            ALTER TABLE fee_schedules ADD COLUMN reduction_policy TEXT NOT NULL
                DEFAULT '家庭经济困难学生、孤儿、残疾学生及烈士子女等，可向班主任申请减免，学校按规定审核后公示结果。';
            "#,
        ),
        // 5: evaluation rounds (评优评先, 职称评聘): the round's rules as
        // JSON (components and weights, tie-break order…), the disclosure
        // item its result is posted as; candidates with exact scores
        // (hundredths of a point, a JSON list of integers).
        M::up(
            r#"
            CREATE TABLE eval_rounds (
                id         INTEGER PRIMARY KEY,
                name       TEXT NOT NULL UNIQUE,
                settings   TEXT NOT NULL,         -- JSON RoundSettings
                item_id    INTEGER REFERENCES items (id),
                created_at TEXT NOT NULL
            ) STRICT;

            CREATE TABLE eval_candidates (
                id         INTEGER PRIMARY KEY,
                round_id   INTEGER NOT NULL REFERENCES eval_rounds (id) ON DELETE CASCADE,
                position   INTEGER NOT NULL,
                name       TEXT NOT NULL,
                department TEXT NOT NULL,
                scores     TEXT NOT NULL,         -- JSON [8950, 9000, …]
                ethics_ok  INTEGER NOT NULL CHECK (ethics_ok IN (0, 1)),
                note       TEXT NOT NULL          -- internal: a veto's reason
            ) STRICT;
            CREATE INDEX eval_candidates_round ON eval_candidates (round_id, position);
            "#,
        ),
        // 6: the years whose whole holiday arrangement the school entered
        // (imported from the State Council's notice or a calendar file, or
        // confirmed complete by hand). Before this, one entered day made
        // its whole year count as known; now a year without a row here is
        // not covered, whatever days it has. `source`: notice | file |
        // confirmed. A day imported with a year's arrangement records which
        // (`arrangement`: 2028's 元旦 may begin on 2027-12-30, and a new
        // import of 2027 must not take it away); NULL for a day typed in.
        M::up(
            r#"
            ALTER TABLE calendar_days ADD COLUMN arrangement INTEGER;

            CREATE TABLE calendar_years (
                year       INTEGER PRIMARY KEY,
                source     TEXT NOT NULL CHECK (source IN ('notice', 'file', 'confirmed')),
                created_at TEXT NOT NULL
            ) STRICT;
            "#,
        ),
        // 7: 各司其职 and the school's grades. The three groups' members
        // (`grp`: leading | working | supervision, listed in `position`
        // order); `school.duties_relaxed` when the school lets one person
        // do several review steps; `school.grades` the grades it has
        // (SchoolGrades::code, "1,2,…"; existing schools keep all twelve,
        // which is what they printed until now); and why a sheet came
        // down before its period ended; and the first day of the period an
        // archived sheet printed (posting on another day would make the
        // sheet on the board say a different period than the record).
        M::up(
            r#"
            CREATE TABLE school_groups (
                grp      TEXT NOT NULL CHECK (grp IN ('leading', 'working', 'supervision')),
                position INTEGER NOT NULL,
                name     TEXT NOT NULL,
                PRIMARY KEY (grp, name)
            ) STRICT;

            ALTER TABLE school ADD COLUMN duties_relaxed INTEGER NOT NULL DEFAULT 0
                CHECK (duties_relaxed IN (0, 1));
            ALTER TABLE school ADD COLUMN grades TEXT NOT NULL
                DEFAULT '1,2,3,4,5,6,7,8,9,10,11,12';
            ALTER TABLE revisions ADD COLUMN taken_down_reason TEXT;
            ALTER TABLE printed_sheets ADD COLUMN period_start TEXT;
            "#,
        ),
        // 8: a schedule's terms, which its units need: how many months a
        // 每月 fee is billed (1–6), and whether 每年 fees are collected this
        // semester (NULL: by the semester's name, the first/autumn one).
        M::up(
            r#"
            ALTER TABLE fee_schedules ADD COLUMN months INTEGER NOT NULL DEFAULT 5
                CHECK (months BETWEEN 1 AND 6);
            ALTER TABLE fee_schedules ADD COLUMN yearly_here INTEGER
                CHECK (yearly_here IN (0, 1));
            "#,
        ),
        // 9: the school's 公开招标限额 in fen (NULL: the default): a purchase
        // above it bought another way prints only with its reason.
        M::up(
            r#"
            ALTER TABLE school ADD COLUMN tender_threshold_fen INTEGER
                CHECK (tender_threshold_fen > 0);
            "#,
        ),
        // 10: a second folder the school keeps its backups in too (a USB
        // stick, a network drive); NULL: only the folder beside the store.
        M::up(
            r#"
            ALTER TABLE school ADD COLUMN second_backup_folder TEXT;
            "#,
        ),
        // 11: the audit log as a chain: each row's SHA-256 over its content
        // and the row before's (rows from before are sealed, in order, when
        // the store opens; see chain.rs).
        M::up(
            r#"
            ALTER TABLE audit_log ADD COLUMN hash TEXT;
            "#,
        ),
        // 12: the 核验码 printed on a board sheet (and in its QR code), and
        // the store's own random key, whose mark begins every code it
        // prints (a code from another school's store is told apart).
        M::up(
            r#"
            ALTER TABLE printed_sheets ADD COLUMN code TEXT;
            CREATE INDEX printed_sheets_code ON printed_sheets (code) WHERE code IS NOT NULL;
            CREATE TABLE store_key (
                id  INTEGER PRIMARY KEY CHECK (id = 1),
                key BLOB NOT NULL CHECK (length(key) = 8)
            ) STRICT;
            INSERT INTO store_key (id, key) VALUES (1, randomblob(8));
            "#,
        ),
        // 13: sheets posted that are not an item's — a semester's 收费公示,
        // the 反馈答复公示 — archived with their 核验码 too: `subject` is
        // the code's second part (F3, Q; see
        // gongshi_domain::verify_code::Subject) and `title` the sheet's;
        // an item's sheet keeps its revision_id and neither. The last day
        // of the period a sheet states is kept from now on. SQLite cannot
        // drop a NOT NULL, so the table is rebuilt, rows and ids kept.
        M::up(
            r#"
            CREATE TABLE printed_sheets_13 (
                id           INTEGER PRIMARY KEY,
                revision_id  INTEGER REFERENCES revisions (id),
                subject      TEXT,
                title        TEXT,
                printed_on   TEXT NOT NULL,
                purpose      TEXT NOT NULL,
                sha256       TEXT NOT NULL,
                pdf          BLOB NOT NULL,
                period_start TEXT,
                period_end   TEXT,
                code         TEXT,
                CHECK ((revision_id IS NULL) = (subject IS NOT NULL)),
                CHECK ((subject IS NULL) = (title IS NULL))
            ) STRICT;
            INSERT INTO printed_sheets_13
                (id, revision_id, printed_on, purpose, sha256, pdf, period_start, code)
            SELECT id, revision_id, printed_on, purpose, sha256, pdf, period_start, code
            FROM printed_sheets;
            DROP TABLE printed_sheets;
            ALTER TABLE printed_sheets_13 RENAME TO printed_sheets;
            CREATE INDEX printed_sheets_revision ON printed_sheets (revision_id);
            CREATE INDEX printed_sheets_code ON printed_sheets (code) WHERE code IS NOT NULL;
            CREATE INDEX printed_sheets_subject ON printed_sheets (subject) WHERE subject IS NOT NULL;
            "#,
        ),
        // 14: meetings (the third form of disclosure), the items announced
        // at one and the feedback taken at one; a major decision's votes
        // at the staff congress, each with the rules it was held to (the
        // school's, in `congress_rules`, when it was recorded; none: 2/3
        // and 1/2). `kind` is gongshi_domain::meeting::MeetingKind::code.
        M::up(
            r#"
            CREATE TABLE meetings (
                id         INTEGER PRIMARY KEY,
                kind       TEXT NOT NULL CHECK (kind IN ('staff_congress', 'teacher_delegates',
                               'dialogue', 'parents', 'administrative', 'other')),
                held_on    TEXT NOT NULL,         -- ISO date
                place      TEXT NOT NULL,
                chair      TEXT NOT NULL,
                expected   INTEGER NOT NULL CHECK (expected > 0),
                present    INTEGER NOT NULL CHECK (present BETWEEN 0 AND expected),
                topics     TEXT NOT NULL,
                minutes    TEXT NOT NULL
            ) STRICT;
            CREATE TABLE meeting_items (
                meeting_id INTEGER NOT NULL REFERENCES meetings (id),
                item_id    INTEGER NOT NULL REFERENCES items (id),
                PRIMARY KEY (meeting_id, item_id)
            ) STRICT;
            CREATE INDEX meeting_items_item ON meeting_items (item_id);
            ALTER TABLE feedback ADD COLUMN meeting_id INTEGER REFERENCES meetings (id);
            CREATE TABLE decision_votes (
                id           INTEGER PRIMARY KEY,
                item_id      INTEGER NOT NULL REFERENCES items (id),
                meeting_id   INTEGER NOT NULL REFERENCES meetings (id),
                yes          INTEGER NOT NULL CHECK (yes >= 0),
                no           INTEGER NOT NULL CHECK (no >= 0),
                abstain      INTEGER NOT NULL CHECK (abstain >= 0),
                quorum_num   INTEGER NOT NULL,
                quorum_den   INTEGER NOT NULL,
                majority_num INTEGER NOT NULL,
                majority_den INTEGER NOT NULL
            ) STRICT;
            CREATE INDEX decision_votes_item ON decision_votes (item_id);
            CREATE TABLE congress_rules (
                id           INTEGER PRIMARY KEY CHECK (id = 1),
                quorum_num   INTEGER NOT NULL,
                quorum_den   INTEGER NOT NULL,
                majority_num INTEGER NOT NULL,
                majority_den INTEGER NOT NULL
            ) STRICT;
            "#,
        ),
        // 15: the school's 民主评议 grades (a versioned form: the grade
        // names, best first, and how many count as satisfied); 师德 cases,
        // internal, and the one a candidate's 师德 veto names.
        M::up(
            r#"
            CREATE TABLE appraisal_scale (
                id    INTEGER PRIMARY KEY CHECK (id = 1),
                scale TEXT NOT NULL
            ) STRICT;
            CREATE TABLE ethics_cases (
                id          INTEGER PRIMARY KEY,
                teacher     TEXT NOT NULL,
                found_on    TEXT NOT NULL,
                summary     TEXT NOT NULL,
                recorded_by TEXT NOT NULL
            ) STRICT;
            ALTER TABLE eval_candidates ADD COLUMN ethics_case INTEGER REFERENCES ethics_cases (id);
            "#,
        ),
        // 16: the other forms a disclosure reached people by (letters to
        // parents printed, text messages made: the subject as the 核验码
        // names it, 12 an item, F3 a fee schedule; once a form and subject,
        // the first day and the most copies); a year's report text
        // as the clerk edited it (a versioned form), with the digest of the
        // draft it was edited from (the figures then).
        M::up(
            r#"
            CREATE TABLE outreach (
                id      INTEGER PRIMARY KEY,
                form    TEXT NOT NULL CHECK (form IN ('letter', 'message')),
                subject TEXT NOT NULL,
                title   TEXT NOT NULL,
                made_on TEXT NOT NULL,
                copies  INTEGER NOT NULL CHECK (copies >= 0),
                UNIQUE (form, subject)
            ) STRICT;
            CREATE INDEX outreach_made ON outreach (made_on);
            CREATE TABLE year_texts (
                year  INTEGER PRIMARY KEY,
                text  TEXT NOT NULL,
                basis TEXT NOT NULL       -- digest of the figures' draft it was edited from
            ) STRICT;
            "#,
        ),
        // 17: the district — what the school published, in the outbox in
        // the same transaction as the publishing step, numbered and
        // sealed on the one before (gongshi-domain's district::chain);
        // the server's address and the school's token.
        M::up(
            r#"
            CREATE TABLE district_outbox (
                -- The school's number, from 1; AUTOINCREMENT: never reused,
                -- even after a row is deleted.
                seq        INTEGER PRIMARY KEY AUTOINCREMENT,
                subject    TEXT NOT NULL UNIQUE, -- posting:12:1, fees:3:2026-08-25…
                kind       TEXT NOT NULL,
                body       TEXT NOT NULL,        -- the versioned form, sealed as it is
                audit_head TEXT,                 -- set with the seal as the change commits
                prev       TEXT,
                hash       TEXT,
                made_at    TEXT NOT NULL,
                sent_at    TEXT,                 -- the server's acknowledgement
                refused    TEXT                  -- the server's refusal, in its words
            ) STRICT;
            CREATE INDEX district_outbox_pending ON district_outbox (sent_at, refused);
            CREATE TABLE district_link (
                id          INTEGER PRIMARY KEY CHECK (id = 1),
                url         TEXT NOT NULL,
                school_code TEXT NOT NULL,
                token       TEXT NOT NULL,
                ca_pem      TEXT
            ) STRICT;
            "#,
        ),
    ]
}

/// The schema version this build writes and understands.
pub const LATEST_VERSION: i64 = 17;

pub(crate) fn migrate(conn: &mut Connection) -> Result<()> {
    MIGRATIONS.to_latest(conn)?;
    Ok(())
}

#[cfg(test)]
mod upgrades;

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
