-- studybot store, version 11: the role (Discord) or user group (Slack) a channel's question of the day mentions when
-- it is posted; at most one per channel, none for most. Plain SQL that every supported engine reads alike.
-- (Version 10 is taken by another change; Flyway runs the versions in order whatever order they arrive in the code.)

CREATE TABLE daily_mentions (
    channel_ref  BIGINT NOT NULL PRIMARY KEY REFERENCES channels (id),
    mention_id   TEXT   NOT NULL,
    mention_name TEXT   NOT NULL
);
