-- studybot store, version 1: members, groups, channels, posted questions, answers, review schedule.
-- Times are milliseconds since the epoch (UTC). Lists (topic path, choices) are JSON arrays of strings.

CREATE TABLE members (
    id           INTEGER PRIMARY KEY,
    platform     TEXT    NOT NULL,
    user_id      TEXT    NOT NULL,
    display_name TEXT    NOT NULL,
    UNIQUE (platform, user_id)
);
CREATE INDEX members_by_name ON members (platform, display_name COLLATE NOCASE);

CREATE TABLE study_groups (
    id        INTEGER PRIMARY KEY,
    platform  TEXT NOT NULL,
    group_id  TEXT NOT NULL,
    name      TEXT,
    time_zone TEXT NOT NULL DEFAULT 'UTC',
    UNIQUE (platform, group_id)
);

CREATE TABLE channels (
    id         INTEGER PRIMARY KEY,
    group_ref  INTEGER NOT NULL REFERENCES study_groups (id),
    channel_id TEXT    NOT NULL,
    name       TEXT,
    UNIQUE (group_ref, channel_id)
);

-- A question as posted, stored whole so that a restart or a change to the notes never loses it.
CREATE TABLE posted (
    id          INTEGER PRIMARY KEY,
    mode        TEXT    NOT NULL CHECK (mode IN ('DAILY', 'PRACTICE', 'REVIEW')),
    channel_ref INTEGER NOT NULL REFERENCES channels (id),
    owner_ref   INTEGER REFERENCES members (id),
    posted_at   INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL,
    question_id TEXT    NOT NULL,
    kind        TEXT    NOT NULL,
    topic       TEXT    NOT NULL,
    topic_key   TEXT,
    prompt      TEXT    NOT NULL,
    choices     TEXT    NOT NULL,
    answer      INTEGER NOT NULL,
    file        TEXT    NOT NULL,
    line        INTEGER NOT NULL,
    explanation TEXT    NOT NULL
);
CREATE INDEX posted_by_channel ON posted (channel_ref, mode, posted_at);

-- One answer per member per question, enforced here: a double press or a race records once.
CREATE TABLE answers (
    id          INTEGER PRIMARY KEY,
    posted_ref  INTEGER NOT NULL REFERENCES posted (id),
    member_ref  INTEGER NOT NULL REFERENCES members (id),
    choice      INTEGER NOT NULL,
    correct     INTEGER NOT NULL CHECK (correct IN (0, 1)),
    points      INTEGER NOT NULL,
    streak      INTEGER NOT NULL DEFAULT 0,
    answered_at INTEGER NOT NULL,
    UNIQUE (posted_ref, member_ref)
);
CREATE INDEX answers_by_member ON answers (member_ref, posted_ref);

-- Leitner review schedule; the question is stored whole (it may be gone from the notes by the time it is due).
CREATE TABLE reviews (
    member_ref  INTEGER NOT NULL REFERENCES members (id),
    question_id TEXT    NOT NULL,
    box         INTEGER NOT NULL CHECK (box BETWEEN 1 AND 5),
    due_at      INTEGER NOT NULL,
    kind        TEXT    NOT NULL,
    topic       TEXT    NOT NULL,
    prompt      TEXT    NOT NULL,
    choices     TEXT    NOT NULL,
    answer      INTEGER NOT NULL,
    file        TEXT    NOT NULL,
    line        INTEGER NOT NULL,
    explanation TEXT    NOT NULL,
    PRIMARY KEY (member_ref, question_id)
) WITHOUT ROWID;
CREATE INDEX reviews_due ON reviews (member_ref, due_at);
