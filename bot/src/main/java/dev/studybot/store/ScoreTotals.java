package dev.studybot.store;

import dev.studybot.domain.Mode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Writes to the pre-aggregated {@code score_totals} table (see V2__score_totals.sql). */
final class ScoreTotals {

    static final String GROUP = "GROUP";
    static final String CHANNEL = "CHANNEL";

    private static final String UPSERT = """
            INSERT INTO score_totals (scope_kind, scope_ref, period_key, member_ref,
                                      points, daily_points, practice_points, answered, correct)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (scope_kind, scope_ref, period_key, member_ref) DO UPDATE SET
                points = score_totals.points + excluded.points,
                daily_points = score_totals.daily_points + excluded.daily_points,
                practice_points = score_totals.practice_points + excluded.practice_points,
                answered = score_totals.answered + excluded.answered,
                correct = score_totals.correct + excluded.correct""";

    private ScoreTotals() {
    }

    /** Adds one answer to the group's and the channel's totals for all, its week and its month. */
    static void add(Connection c, long groupRef, long channelRef, long memberRef, List<String> periodKeys,
                    int dailyPoints, int practicePoints, boolean correct) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement(UPSERT)) {
            for (String key : periodKeys) {
                bind(upsert, GROUP, groupRef, key, memberRef, dailyPoints, practicePoints, 1, correct ? 1 : 0);
                upsert.addBatch();
                bind(upsert, CHANNEL, channelRef, key, memberRef, dailyPoints, practicePoints, 1, correct ? 1 : 0);
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private static void bind(PreparedStatement s, String kind, long ref, String key, long member, int daily,
                             int practice, int answered, int correct) throws SQLException {
        s.setString(1, kind);
        s.setLong(2, ref);
        s.setString(3, key);
        s.setLong(4, member);
        s.setInt(5, daily + practice);
        s.setInt(6, daily);
        s.setInt(7, practice);
        s.setInt(8, answered);
        s.setInt(9, correct);
    }

    static ZoneId zone(String name) {
        if (name == null || name.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private record Key(String kind, long ref, String period, long member) {
    }

    /**
     * Recomputes one group's week and month totals (group and channel scopes) from its answers, with weeks
     * and months in {@code zone}. The 'all' totals do not depend on the zone and are left alone.
     */
    static void rebuildPeriods(Connection c, long groupRef, ZoneId zone) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("""
                DELETE FROM score_totals
                WHERE period_key <> 'all'
                  AND ((scope_kind = 'GROUP' AND scope_ref = ?)
                    OR (scope_kind = 'CHANNEL' AND scope_ref IN (SELECT id FROM channels WHERE group_ref = ?)))""")) {
            delete.setLong(1, groupRef);
            delete.setLong(2, groupRef);
            delete.executeUpdate();
        }
        Map<Key, int[]> sums = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT a.member_ref, p.channel_ref, p.mode, a.points, a.correct, a.answered_at
                FROM answers a
                JOIN posted p ON p.id = a.posted_ref
                JOIN channels ch ON ch.id = p.channel_ref
                WHERE ch.group_ref = ?""")) {
            s.setLong(1, groupRef);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long member = rs.getLong(1);
                    long channel = rs.getLong(2);
                    boolean daily = Mode.DAILY.name().equals(rs.getString(3));
                    int points = rs.getInt(4);
                    int correct = rs.getInt(5);
                    Instant at = Instant.ofEpochMilli(rs.getLong(6));
                    for (String key : List.of(PeriodKeys.week(at, zone), PeriodKeys.month(at, zone))) {
                        accumulate(sums.computeIfAbsent(new Key(GROUP, groupRef, key, member), k -> new int[4]),
                                daily, points, correct);
                        accumulate(sums.computeIfAbsent(new Key(CHANNEL, channel, key, member), k -> new int[4]),
                                daily, points, correct);
                    }
                }
            }
        }
        try (PreparedStatement insert = c.prepareStatement(UPSERT)) {
            int pending = 0;
            for (Map.Entry<Key, int[]> e : sums.entrySet()) {
                Key k = e.getKey();
                int[] v = e.getValue();
                bind(insert, k.kind(), k.ref(), k.period(), k.member(), v[0], v[1], v[2], v[3]);
                insert.addBatch();
                if (++pending == 1000) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }

    private static void accumulate(int[] sum, boolean daily, int points, int correct) {
        sum[daily ? 0 : 1] += points;
        sum[2] += 1;
        sum[3] += correct;
    }
}
