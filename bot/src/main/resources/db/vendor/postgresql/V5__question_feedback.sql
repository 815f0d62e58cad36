-- studybot store, version 5, as PostgreSQL words it (db/migration/V5__question_feedback.sql is the SQLite
-- original, with the comments): the same tables without SQLite's WITHOUT ROWID, BIGINT references.

-- One report per member per question: a second press never counts twice.
CREATE TABLE question_reports (
    question_id TEXT   NOT NULL,
    member_ref  BIGINT NOT NULL REFERENCES members (id),
    posted_ref  BIGINT NOT NULL REFERENCES posted (id),
    reason      TEXT   NOT NULL CHECK (reason IN ('WRONG_ANSWER', 'UNCLEAR', 'NOT_USEFUL')),
    reported_at BIGINT NOT NULL,
    PRIMARY KEY (question_id, member_ref)
);

CREATE TABLE question_status (
    question_id TEXT   NOT NULL PRIMARY KEY,
    status      TEXT   NOT NULL CHECK (status IN ('RETIRED', 'RESTORED')),
    why         TEXT   NOT NULL,
    changed_at  BIGINT NOT NULL
);

CREATE INDEX posted_by_question ON posted (question_id);
