-- studybot store, version 2, as PostgreSQL words it (db/migration/V2__score_totals.sql is the SQLite original,
-- with the comments): the same table without SQLite's WITHOUT ROWID, BIGINT references. The backfill from the
-- answers of a version-1 database is the same SQL.

CREATE TABLE score_totals (
    scope_kind      TEXT    NOT NULL CHECK (scope_kind IN ('GROUP', 'CHANNEL')),
    scope_ref       BIGINT  NOT NULL,
    period_key      TEXT    NOT NULL,
    member_ref      BIGINT  NOT NULL REFERENCES members (id),
    points          INTEGER NOT NULL DEFAULT 0,
    daily_points    INTEGER NOT NULL DEFAULT 0,
    practice_points INTEGER NOT NULL DEFAULT 0,
    answered        INTEGER NOT NULL DEFAULT 0,
    correct         INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (scope_kind, scope_ref, period_key, member_ref)
);

CREATE INDEX score_totals_by_points ON score_totals (scope_kind, scope_ref, period_key, points DESC);

INSERT INTO score_totals (scope_kind, scope_ref, period_key, member_ref,
                          points, daily_points, practice_points, answered, correct)
SELECT 'GROUP', c.group_ref, 'all', a.member_ref,
       SUM(a.points),
       SUM(CASE WHEN p.mode = 'DAILY' THEN a.points ELSE 0 END),
       SUM(CASE WHEN p.mode = 'DAILY' THEN 0 ELSE a.points END),
       COUNT(*), SUM(a.correct)
FROM answers a
JOIN posted p ON p.id = a.posted_ref
JOIN channels c ON c.id = p.channel_ref
GROUP BY c.group_ref, a.member_ref;

INSERT INTO score_totals (scope_kind, scope_ref, period_key, member_ref,
                          points, daily_points, practice_points, answered, correct)
SELECT 'CHANNEL', p.channel_ref, 'all', a.member_ref,
       SUM(a.points),
       SUM(CASE WHEN p.mode = 'DAILY' THEN a.points ELSE 0 END),
       SUM(CASE WHEN p.mode = 'DAILY' THEN 0 ELSE a.points END),
       COUNT(*), SUM(a.correct)
FROM answers a
JOIN posted p ON p.id = a.posted_ref
GROUP BY p.channel_ref, a.member_ref;
