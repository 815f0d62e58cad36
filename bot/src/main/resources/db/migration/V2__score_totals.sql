-- studybot store, version 2: pre-aggregated score totals, so leaderboards read a few index entries
-- instead of summing answers. One row per (scope, period, member):
--   scope_kind 'GROUP' (scope_ref = study_groups.id) or 'CHANNEL' (scope_ref = channels.id);
--   period_key 'all', 'wYYYY-WW' (ISO week-based year and week, group's time zone), 'mYYYY-MM'.
-- points = daily_points + practice_points (practice and review answers count as practice).

CREATE TABLE score_totals (
    scope_kind      TEXT    NOT NULL CHECK (scope_kind IN ('GROUP', 'CHANNEL')),
    scope_ref       INTEGER NOT NULL,
    period_key      TEXT    NOT NULL,
    member_ref      INTEGER NOT NULL REFERENCES members (id),
    points          INTEGER NOT NULL DEFAULT 0,
    daily_points    INTEGER NOT NULL DEFAULT 0,
    practice_points INTEGER NOT NULL DEFAULT 0,
    answered        INTEGER NOT NULL DEFAULT 0,
    correct         INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (scope_kind, scope_ref, period_key, member_ref)
) WITHOUT ROWID;

-- Top N: walk this index from the highest points; caller's rank: count the entries above their points.
CREATE INDEX score_totals_by_points ON score_totals (scope_kind, scope_ref, period_key, points DESC);

-- Backfill 'all' from the answers of a version-1 database. Week and month keys need the group's time
-- zone, which SQL cannot apply: the Java migration 2.1 (PeriodTotalsBackfill) adds them.
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
