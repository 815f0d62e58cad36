-- studybot store, version 3: the question of the day. Schedules say when a channel gets its question;
-- daily_posts remembers which question each channel got on each of its (local) days, and whether its answer
-- has been revealed, so that a restart neither loses a reveal nor posts a day twice.
-- Times are milliseconds since the epoch (UTC), like everywhere else; days are local dates 'YYYY-MM-DD'.

-- One schedule per channel (and so per platform, group and channel: see the UNIQUE keys of channels
-- and study_groups).
CREATE TABLE schedules (
    channel_ref   INTEGER PRIMARY KEY REFERENCES channels (id),
    time_of_day   TEXT    NOT NULL CHECK (time_of_day GLOB '[0-2][0-9]:[0-5][0-9]'),
    time_zone     TEXT    NOT NULL,
    weekdays_only INTEGER NOT NULL CHECK (weekdays_only IN (0, 1)),
    topics        TEXT    NOT NULL DEFAULT '[]' -- JSON array of strings; empty: any topic
);

-- At most one question per channel per day, enforced here (UNIQUE (channel_ref, day)): however many callers
-- race, one insert wins. The question itself is the posted row (mode DAILY, expires at the reveal).
CREATE TABLE daily_posts (
    posted_ref  INTEGER PRIMARY KEY REFERENCES posted (id),
    channel_ref INTEGER NOT NULL REFERENCES channels (id),
    day         TEXT    NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    posted_at   INTEGER NOT NULL,
    reveal_at   INTEGER NOT NULL,
    revealed_at INTEGER,
    UNIQUE (channel_ref, day)
);

-- The reveal loop reads the open questions, earliest reveal first.
CREATE INDEX daily_posts_unrevealed ON daily_posts (reveal_at, posted_ref) WHERE revealed_at IS NULL;

-- A day's question is a DAILY question posted in that same channel.
CREATE TRIGGER daily_posts_insert_matches_posted
BEFORE INSERT ON daily_posts
WHEN NOT EXISTS (SELECT 1 FROM posted p
                 WHERE p.id = NEW.posted_ref AND p.mode = 'DAILY' AND p.channel_ref = NEW.channel_ref)
BEGIN
    SELECT RAISE(ABORT, 'daily_posts: not a DAILY question posted in this channel');
END;

CREATE TRIGGER daily_posts_update_matches_posted
BEFORE UPDATE OF posted_ref, channel_ref ON daily_posts
WHEN NOT EXISTS (SELECT 1 FROM posted p
                 WHERE p.id = NEW.posted_ref AND p.mode = 'DAILY' AND p.channel_ref = NEW.channel_ref)
BEGIN
    SELECT RAISE(ABORT, 'daily_posts: not a DAILY question posted in this channel');
END;
