package dev.studybot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration 2.1: fills the week and month score totals from the answers of a version-1 database. It runs
 * right after V2__score_totals.sql (which creates the table and fills the 'all' totals) and is Java because
 * weeks and months are those of each group's time zone, which SQLite cannot apply. On a new database there
 * are no answers yet and it does nothing.
 * <p>
 * Frozen, like the SQL migrations: it reads and writes the version-2 schema with its own SQL and its own period
 * keys, and calls no application code, so a later change to the live store cannot change what it did.
 */
final class PeriodTotalsBackfill implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("2.1");
    }

    @Override
    public String getDescription() {
        return "backfill period totals";
    }

    @Override
    public Integer getChecksum() {
        return 1;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        Map<Long, ZoneId> zones = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id, time_zone FROM study_groups");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                zones.put(rs.getLong(1), zone(rs.getString(2)));
            }
        }
        // scope kind, scope ref, period key, member -> daily points, practice points, answered, correct
        Map<List<Object>, int[]> sums = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT ch.group_ref, p.channel_ref, a.member_ref, p.mode, a.points, a.correct, a.answered_at
                FROM answers a JOIN posted p ON p.id = a.posted_ref JOIN channels ch ON ch.id = p.channel_ref""");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                ZonedDateTime at = Instant.ofEpochMilli(rs.getLong(7)).atZone(zones.getOrDefault(rs.getLong(1), ZoneOffset.UTC));
                String week = String.format(Locale.ROOT, "w%04d-%02d", at.get(IsoFields.WEEK_BASED_YEAR),
                        at.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
                String month = String.format(Locale.ROOT, "m%04d-%02d", at.getYear(), at.getMonthValue());
                boolean daily = "DAILY".equals(rs.getString(4));
                for (String period : List.of(week, month)) {
                    for (List<Object> key : List.of(List.<Object>of("GROUP", rs.getLong(1), period, rs.getLong(3)),
                            List.<Object>of("CHANNEL", rs.getLong(2), period, rs.getLong(3)))) {
                        int[] sum = sums.computeIfAbsent(key, k -> new int[4]);
                        sum[daily ? 0 : 1] += rs.getInt(5);
                        sum[2] += 1;
                        sum[3] += rs.getInt(6);
                    }
                }
            }
        }
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO score_totals (scope_kind, scope_ref, period_key, member_ref,
                                          points, daily_points, practice_points, answered, correct)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (Map.Entry<List<Object>, int[]> e : sums.entrySet()) {
                int[] v = e.getValue();
                insert.setString(1, (String) e.getKey().get(0));
                insert.setLong(2, (Long) e.getKey().get(1));
                insert.setString(3, (String) e.getKey().get(2));
                insert.setLong(4, (Long) e.getKey().get(3));
                insert.setInt(5, v[0] + v[1]);
                insert.setInt(6, v[0]);
                insert.setInt(7, v[1]);
                insert.setInt(8, v[2]);
                insert.setInt(9, v[3]);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static ZoneId zone(String name) {
        try {
            return name == null || name.isBlank() ? ZoneOffset.UTC : ZoneId.of(name);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
