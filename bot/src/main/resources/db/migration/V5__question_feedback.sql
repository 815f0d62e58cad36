-- studybot store, version 5: what members say about questions, and which questions are out of service.
-- Keyed by question id (stable for the same notes), so reports on any post of a question add up.

-- One report per member per question: a second press never counts twice.
CREATE TABLE question_reports (
    question_id TEXT    NOT NULL,
    member_ref  INTEGER NOT NULL REFERENCES members (id),
    posted_ref  INTEGER NOT NULL REFERENCES posted (id),
    reason      TEXT    NOT NULL CHECK (reason IN ('WRONG_ANSWER', 'UNCLEAR', 'NOT_USEFUL')),
    reported_at INTEGER NOT NULL,
    PRIMARY KEY (question_id, member_ref)
) WITHOUT ROWID;

-- A question taken out of the pool (RETIRED), or put back by an admin (RESTORED, which the automatic rules
-- then leave alone). No row: in service.
CREATE TABLE question_status (
    question_id TEXT    NOT NULL PRIMARY KEY,
    status      TEXT    NOT NULL CHECK (status IN ('RETIRED', 'RESTORED')),
    why         TEXT    NOT NULL,
    changed_at  INTEGER NOT NULL
) WITHOUT ROWID;

-- Item analysis reads every answer to one question.
CREATE INDEX posted_by_question ON posted (question_id);
