-- studybot store, version 6: whether the platform took each question of the day. A post is stored first and
-- marked delivered only once the platform said so; until then it is retried (with backoff) and not revealed.

ALTER TABLE daily_posts ADD COLUMN delivered_at INTEGER;
ALTER TABLE daily_posts ADD COLUMN post_attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE daily_posts ADD COLUMN reveal_attempts INTEGER NOT NULL DEFAULT 0;

-- Before this version a question of the day was sent right after it was stored.
UPDATE daily_posts SET delivered_at = posted_at;
