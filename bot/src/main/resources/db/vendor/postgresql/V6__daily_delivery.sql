-- studybot store, version 6, as PostgreSQL words it (db/migration/V6__daily_delivery.sql is the SQLite original,
-- with the comments): delivered_at holds milliseconds, which need a BIGINT here (SQLite's INTEGER is 64 bits).

ALTER TABLE daily_posts ADD COLUMN delivered_at BIGINT;
ALTER TABLE daily_posts ADD COLUMN post_attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE daily_posts ADD COLUMN reveal_attempts INTEGER NOT NULL DEFAULT 0;

UPDATE daily_posts SET delivered_at = posted_at;
