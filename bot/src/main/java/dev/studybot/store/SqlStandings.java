package dev.studybot.store;

import static dev.studybot.store.SqlRows.memberById;
import static dev.studybot.store.SqlRows.findPlace;
import static dev.studybot.store.SqlRows.groupZone;
import static dev.studybot.store.SqlRows.memberRef;

import dev.studybot.domain.Member;
import dev.studybot.domain.MemberKey;
import dev.studybot.domain.Place;
import dev.studybot.domain.Period;
import dev.studybot.domain.Scope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Leaderboards and members' stats, read from the pre-aggregated score totals and the answers. */
final class SqlStandings extends SqlAggregate {

    SqlStandings(Database database, ZoneId defaultZone) {
        super(database, defaultZone);
    }

    private static final String ROW_COLUMNS =
            "t.points, t.daily_points, t.practice_points, t.answered, t.correct, m.user_id, m.display_name";

    public Leaderboard leaderboard(Place place, Scope scope, Period period, MemberKey caller, int top, Instant now) {
        return readTransaction(c -> {
            Optional<long[]> refs = findPlace(c, place);
            if (refs.isEmpty() || (scope == Scope.CHANNEL && refs.get()[1] < 0)) {
                return new Leaderboard(scope, period, List.of(), null, 0);
            }
            String kind = scope == Scope.GROUP ? ScoreTotals.GROUP : ScoreTotals.CHANNEL;
            long scopeRef = scope == Scope.GROUP ? refs.get()[0] : refs.get()[1];
            String key = PeriodKeys.key(period, now, groupZone(c, refs.get()[0]));

            List<Leaderboard.Row> rows = new ArrayList<>();
            if (top > 0) {
                try (PreparedStatement s = c.prepareStatement("SELECT " + ROW_COLUMNS + """
                         FROM score_totals t JOIN members m ON m.id = t.member_ref
                        WHERE t.scope_kind = ? AND t.scope_ref = ? AND t.period_key = ?
                        """ + "ORDER BY t.points DESC, " + dialect().caselessOrder("m.display_name") + ", m.user_id LIMIT ?")) {
                    s.setString(1, kind);
                    s.setLong(2, scopeRef);
                    s.setString(3, key);
                    s.setInt(4, top);
                    try (ResultSet rs = s.executeQuery()) {
                        int rank = 0;
                        int previousPoints = Integer.MIN_VALUE;
                        while (rs.next()) {
                            int points = rs.getInt(1);
                            if (points != previousPoints) {
                                rank = rows.size() + 1;
                                previousPoints = points;
                            }
                            rows.add(row(rs, rank));
                        }
                    }
                }
            }
            int players;
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT COUNT(*) FROM score_totals WHERE scope_kind = ? AND scope_ref = ? AND period_key = ?")) {
                s.setString(1, kind);
                s.setLong(2, scopeRef);
                s.setString(3, key);
                try (ResultSet rs = s.executeQuery()) {
                    players = rs.next() ? rs.getInt(1) : 0;
                }
            }
            Leaderboard.Row callerRow = null;
            if (caller != null && rows.stream().noneMatch(r -> r.userId().equals(caller.userId()))) {
                callerRow = callerRow(c, caller, kind, scopeRef, key);
            }
            return new Leaderboard(scope, period, rows, callerRow, players);
        });
    }

    private static Leaderboard.Row row(ResultSet rs, int rank) throws SQLException {
        return new Leaderboard.Row(rank, rs.getString(6), rs.getString(7), rs.getInt(1), rs.getInt(2), rs.getInt(3),
                rs.getInt(4), rs.getInt(5));
    }

    private static Leaderboard.Row callerRow(Connection c, MemberKey caller, String kind, long scopeRef, String key)
            throws SQLException {
        Long memberRef = memberRef(c, caller);
        if (memberRef == null) {
            return null;
        }
        int points;
        Leaderboard.Row unranked;
        try (PreparedStatement s = c.prepareStatement("SELECT " + ROW_COLUMNS + """
                 FROM score_totals t JOIN members m ON m.id = t.member_ref
                WHERE t.scope_kind = ? AND t.scope_ref = ? AND t.period_key = ? AND t.member_ref = ?""")) {
            s.setString(1, kind);
            s.setLong(2, scopeRef);
            s.setString(3, key);
            s.setLong(4, memberRef);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                points = rs.getInt(1);
                unranked = row(rs, 0);
            }
        }
        try (PreparedStatement s = c.prepareStatement("""
                SELECT COUNT(*) FROM score_totals
                WHERE scope_kind = ? AND scope_ref = ? AND period_key = ? AND points > ?""")) {
            s.setString(1, kind);
            s.setLong(2, scopeRef);
            s.setString(3, key);
            s.setInt(4, points);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                int rank = rs.getInt(1) + 1;
                return new Leaderboard.Row(rank, unranked.userId(), unranked.displayName(), unranked.points(),
                        unranked.dailyPoints(), unranked.practicePoints(), unranked.answered(), unranked.correct());
            }
        }
    }

    public Stats stats(Place place, MemberKey who, Instant now) {
        return readTransaction(c -> {
            Optional<Member> member = memberById(c, who);
            String name = member.map(Member::displayName).orElse(who.userId());
            Optional<long[]> refs = findPlace(c, place);
            if (member.isEmpty()) {
                return new Stats(name, 0, 0, 0, 0, 0, 0, List.of(), 0);
            }
            long memberRef = memberRef(c, who);
            int reviewsDue = reviewsDue(c, memberRef, now);
            if (refs.isEmpty()) {
                return new Stats(name, 0, 0, 0, 0, 0, 0, List.of(), reviewsDue);
            }
            long groupRef = refs.get()[0];
            int daily = 0;
            int practice = 0;
            int answered = 0;
            int correct = 0;
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT daily_points, practice_points, answered, correct FROM score_totals
                    WHERE scope_kind = 'GROUP' AND scope_ref = ? AND period_key = 'all' AND member_ref = ?""")) {
                s.setLong(1, groupRef);
                s.setLong(2, memberRef);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        daily = rs.getInt(1);
                        practice = rs.getInt(2);
                        answered = rs.getInt(3);
                        correct = rs.getInt(4);
                    }
                }
            }
            int best = 0;
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT COALESCE(MAX(a.streak), 0)
                    FROM answers a
                    JOIN posted p ON p.id = a.posted_ref
                    JOIN channels ch ON ch.id = p.channel_ref
                    WHERE a.member_ref = ? AND ch.group_ref = ? AND p.mode = 'DAILY'""")) {
                s.setLong(1, memberRef);
                s.setLong(2, groupRef);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        best = rs.getInt(1);
                    }
                }
            }
            int current = currentStreak(c, memberRef, groupRef, now);
            List<Stats.TopicAccuracy> weakest = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT p.topic_key, COUNT(*) AS n, SUM(a.correct) AS ok
                    FROM answers a
                    JOIN posted p ON p.id = a.posted_ref
                    JOIN channels ch ON ch.id = p.channel_ref
                    WHERE a.member_ref = ? AND ch.group_ref = ? AND p.topic_key IS NOT NULL
                    GROUP BY p.topic_key
                    HAVING COUNT(*) >= 2
                    ORDER BY CAST(SUM(a.correct) AS REAL) / COUNT(*), COUNT(*) DESC, p.topic_key
                    LIMIT 3""")) {
                s.setLong(1, memberRef);
                s.setLong(2, groupRef);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        weakest.add(new Stats.TopicAccuracy(rs.getString(1), rs.getInt(2), rs.getInt(3)));
                    }
                }
            }
            return new Stats(name, daily, practice, answered, correct, current, best, weakest, reviewsDue);
        });
    }

    /**
     * The streak stored with the member's latest daily answer in the group (latest by the question's posting
     * time), if it was correct and no later daily question in its channel closed without the member's answer.
     */
    private static int currentStreak(Connection c, long memberRef, long groupRef, Instant now) throws SQLException {
        long postedId;
        long channelRef;
        long postedAt;
        int streak;
        try (PreparedStatement s = c.prepareStatement("""
                SELECT a.correct, a.streak, p.channel_ref, p.posted_at, p.id
                FROM answers a
                JOIN posted p ON p.id = a.posted_ref
                JOIN channels ch ON ch.id = p.channel_ref
                WHERE a.member_ref = ? AND ch.group_ref = ? AND p.mode = 'DAILY'
                ORDER BY p.posted_at DESC, p.id DESC
                LIMIT 1""")) {
            s.setLong(1, memberRef);
            s.setLong(2, groupRef);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next() || rs.getInt(1) == 0) {
                    return 0;
                }
                streak = rs.getInt(2);
                channelRef = rs.getLong(3);
                postedAt = rs.getLong(4);
                postedId = rs.getLong(5);
            }
        }
        try (PreparedStatement s = c.prepareStatement("""
                SELECT 1 FROM posted q
                WHERE q.channel_ref = ? AND q.mode = 'DAILY'
                  AND (q.posted_at > ? OR (q.posted_at = ? AND q.id > ?))
                  AND q.expires_at < ?
                  AND NOT EXISTS (SELECT 1 FROM answers a WHERE a.posted_ref = q.id AND a.member_ref = ?)
                LIMIT 1""")) {
            s.setLong(1, channelRef);
            s.setLong(2, postedAt);
            s.setLong(3, postedAt);
            s.setLong(4, postedId);
            s.setLong(5, now.toEpochMilli());
            s.setLong(6, memberRef);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? 0 : streak;
            }
        }
    }

    private static int reviewsDue(Connection c, long memberRef, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                """
                SELECT COUNT(*) FROM reviews r WHERE r.member_ref = ? AND r.due_at <= ?
                  AND NOT EXISTS (SELECT 1 FROM question_status q WHERE q.question_id = r.question_id AND q.status = 'RETIRED')
                """)) {
            s.setLong(1, memberRef);
            s.setLong(2, now.toEpochMilli());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }
}
