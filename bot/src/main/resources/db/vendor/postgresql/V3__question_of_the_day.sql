-- studybot store, version 3, as PostgreSQL words it (db/migration/V3__question_of_the_day.sql is the SQLite
-- original, with the comments): regular expressions instead of GLOB, and the check that a day's question is a
-- DAILY question of the same channel as one trigger function instead of SQLite's two RAISE triggers.

CREATE TABLE schedules (
    channel_ref   BIGINT  PRIMARY KEY REFERENCES channels (id),
    time_of_day   TEXT    NOT NULL CHECK (time_of_day ~ '^[0-2][0-9]:[0-5][0-9]$'),
    time_zone     TEXT    NOT NULL,
    weekdays_only INTEGER NOT NULL CHECK (weekdays_only IN (0, 1)),
    topics        TEXT    NOT NULL DEFAULT '[]'
);

-- At most one question per channel per day, enforced here (UNIQUE (channel_ref, day)).
CREATE TABLE daily_posts (
    posted_ref  BIGINT PRIMARY KEY REFERENCES posted (id),
    channel_ref BIGINT NOT NULL REFERENCES channels (id),
    day         TEXT   NOT NULL CHECK (day ~ '^[0-9]{4}-[0-1][0-9]-[0-3][0-9]$'),
    posted_at   BIGINT NOT NULL,
    reveal_at   BIGINT NOT NULL,
    revealed_at BIGINT,
    UNIQUE (channel_ref, day)
);

CREATE INDEX daily_posts_unrevealed ON daily_posts (reveal_at, posted_ref) WHERE revealed_at IS NULL;

CREATE FUNCTION daily_posts_match_posted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM posted p
                   WHERE p.id = NEW.posted_ref AND p.mode = 'DAILY' AND p.channel_ref = NEW.channel_ref) THEN
        RAISE EXCEPTION 'daily_posts: not a DAILY question posted in this channel';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER daily_posts_insert_matches_posted
BEFORE INSERT ON daily_posts
FOR EACH ROW EXECUTE FUNCTION daily_posts_match_posted();

CREATE TRIGGER daily_posts_update_matches_posted
BEFORE UPDATE OF posted_ref, channel_ref ON daily_posts
FOR EACH ROW EXECUTE FUNCTION daily_posts_match_posted();
