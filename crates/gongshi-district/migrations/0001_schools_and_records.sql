-- The bureau's record of its schools' published records. Each school's
-- records are numbered by the school and chained (gongshi-domain's
-- district::chain); the tables below `records` are what the web page
-- reads, written in the same transaction as the record they come from.

CREATE TABLE schools (
    id           serial PRIMARY KEY,
    code         text NOT NULL UNIQUE,
    name         text NOT NULL,
    -- SHA-256 of the token: a token is random, so a plain digest is enough,
    -- and a stolen table does not let anyone push.
    token_sha256 text NOT NULL UNIQUE,
    created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE records (
    school_id   integer NOT NULL REFERENCES schools(id),
    seq         bigint NOT NULL CHECK (seq >= 1),
    kind        text NOT NULL,
    -- What it discloses (posting:12:1…): one record per subject.
    subject     text NOT NULL,
    body        text NOT NULL,
    audit_head  text NOT NULL,
    prev        text NOT NULL,
    hash        text NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (school_id, seq),
    UNIQUE (school_id, subject)
);

CREATE TABLE postings (
    school_id   integer NOT NULL,
    seq         bigint NOT NULL,
    item        bigint NOT NULL,
    revision    integer NOT NULL,
    category    text NOT NULL,
    title       text NOT NULL,
    text        text NOT NULL,
    posted_on   date NOT NULL,
    period_end  date NOT NULL,
    pdf_sha256  text,
    -- The month a finance statement reports on, when it names one.
    month       date,
    PRIMARY KEY (school_id, seq),
    FOREIGN KEY (school_id, seq) REFERENCES records ON DELETE CASCADE
);
CREATE INDEX postings_item ON postings (school_id, item, revision);

CREATE TABLE taken_down (
    school_id integer NOT NULL,
    seq       bigint NOT NULL,
    item      bigint NOT NULL,
    revision  integer NOT NULL,
    on_day    date NOT NULL,
    reason    text NOT NULL,
    PRIMARY KEY (school_id, seq),
    FOREIGN KEY (school_id, seq) REFERENCES records ON DELETE CASCADE
);

CREATE TABLE fee_schedules (
    school_id    integer NOT NULL,
    seq          bigint NOT NULL,
    schedule     bigint NOT NULL,
    semester     text NOT NULL,
    term_start   date,
    published_on date NOT NULL,
    pdf_sha256   text,
    PRIMARY KEY (school_id, seq),
    FOREIGN KEY (school_id, seq) REFERENCES records ON DELETE CASCADE
);

CREATE TABLE fee_grades (
    school_id     integer NOT NULL,
    seq           bigint NOT NULL,
    grade         smallint NOT NULL,
    required_fen  bigint NOT NULL,
    voluntary_fen bigint NOT NULL,
    PRIMARY KEY (school_id, seq, grade),
    FOREIGN KEY (school_id, seq) REFERENCES fee_schedules ON DELETE CASCADE
);

CREATE TABLE annual_reports (
    school_id  integer NOT NULL,
    seq        bigint NOT NULL,
    year       integer NOT NULL,
    printed_on date NOT NULL,
    postings   integer NOT NULL,
    feedback   integer NOT NULL,
    objections integer NOT NULL,
    answered   integer NOT NULL,
    pdf_sha256 text NOT NULL,
    PRIMARY KEY (school_id, seq),
    FOREIGN KEY (school_id, seq) REFERENCES records ON DELETE CASCADE
);

-- Every refused record, reported on the page: which school, which number, why.
CREATE TABLE refusals (
    id        bigserial PRIMARY KEY,
    school_id integer NOT NULL REFERENCES schools(id),
    seq       bigint NOT NULL,
    code      text NOT NULL,
    message   text NOT NULL,
    hash      text NOT NULL,
    at        timestamptz NOT NULL DEFAULT now()
);
-- A tampered record sent again is the same refusal.
CREATE UNIQUE INDEX refusals_once ON refusals (school_id, seq, hash);
