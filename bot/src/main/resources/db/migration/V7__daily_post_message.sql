-- studybot store, version 7: where each question of the day lives on its platform, so that the bot can edit it
-- (the live count, the reveal) and reply in a thread on it. Stored together with delivered_at, when the platform
-- took the post; NULL for posts made before this version, which are revealed with a new message as before.
-- Plain ALTER TABLE ... ADD COLUMN with TEXT: the same on SQLite and PostgreSQL.

ALTER TABLE daily_posts ADD COLUMN message_channel TEXT;
ALTER TABLE daily_posts ADD COLUMN message_id TEXT;
