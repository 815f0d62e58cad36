-- studybot store, version 8: lookups as shown, for "More results" on any replica and for members' votes on them.
-- Times are milliseconds since the epoch (UTC). Plain SQL that every supported engine reads alike.

-- One row per /study search: the id its buttons carry, how many results the member has seen, and what came first.
CREATE TABLE searches (
    search_id   TEXT    NOT NULL PRIMARY KEY,
    member_ref  BIGINT  NOT NULL REFERENCES members (id),
    query       TEXT    NOT NULL,
    shown       INTEGER NOT NULL,
    top_source  TEXT,
    top_answer  TEXT,
    searched_at BIGINT  NOT NULL
);
CREATE INDEX searches_by_member ON searches (member_ref, searched_at);

-- Whether a lookup helped, one vote per member per lookup; voting again changes it.
CREATE TABLE search_votes (
    search_id  TEXT    NOT NULL REFERENCES searches (search_id),
    member_ref BIGINT  NOT NULL REFERENCES members (id),
    helpful    INTEGER NOT NULL CHECK (helpful IN (0, 1)),
    voted_at   BIGINT  NOT NULL,
    PRIMARY KEY (search_id, member_ref)
);
